"""A small shop with orders, settlements and ads, for the profit and payout tests.

Money, ad and payout rows are written the way a reader writes them: staged in a
work table and merged by db/merge.py inside one import batch, so undo of that
batch and importing it twice behave as they do for a real report.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from decimal import Decimal

from shopkeeper.db.batches import finish_batch, new_batch
from shopkeeper.db.database import Database
from shopkeeper.db.merge import upsert

SHOPIFY, AMAZON, TAOBAO = "shopify:Tea House", "amazon:Tea House US", "taobao:茶舍"

_COLUMNS = {
    "money_movements": ("shop_id", "movement_id", "occurred_at", "amount", "currency", "kind", "order_id",
                        "description", "payout_id", "sku", "report"),
    "payouts": ("shop_id", "payout_id", "paid_at", "deposit", "currency", "status", "report"),
    "ad_stats": ("shop_id", "stat_id", "day", "period_start", "period_end", "channel", "campaign", "sku",
                 "spend", "currency", "report"),
}
_TYPES = {"occurred_at": "TIMESTAMPTZ", "paid_at": "TIMESTAMPTZ", "amount": "DECIMAL(18,2)",
          "deposit": "DECIMAL(18,2)", "spend": "DECIMAL(18,2)", "day": "DATE", "period_start": "DATE",
          "period_end": "DATE"}


def import_rows(db: Database, table: str, rows: Sequence[Sequence[object]], *, name: str = "report.csv",
                kind: str = "settlements", platform: str = "amazon") -> int:
    """Write `rows` (columns as _COLUMNS[table]) as one import batch; returns its id."""
    cols = _COLUMNS[table]
    digest = hashlib.sha256(repr((table, rows)).encode()).hexdigest()
    with db.transaction():
        batch_id = new_batch(db, file_name=name, content_hash=digest, platform=platform, kind=kind)
        defs = ", ".join(f"{c} {_TYPES.get(c, 'VARCHAR')}" for c in cols)
        db.execute(f"CREATE OR REPLACE TEMP TABLE _sk_staged ({defs})")
        marks = ", ".join("?" for _ in cols)
        for row in rows:  # a handful of test rows; readers bulk-load theirs
            db.execute(f"INSERT INTO _sk_staged VALUES ({marks})", list(row))
        count = upsert(db, table, "_sk_staged", batch_id)
        finish_batch(db, batch_id, read=len(rows), added=count.added, updated=count.updated, rejected=0)
        db.execute("DROP TABLE _sk_staged")
    return batch_id


def movement(shop: str, movement_id: str, when: str, amount: str, kind: str, order_id: str | None = None, *,
             currency: str = "USD", payout_id: str | None = None) -> tuple[object, ...]:
    return (shop, movement_id, when, Decimal(amount), currency, kind, order_id, kind, payout_id, None, "test")


def add_order(db: Database, shop: str, order_id: str, when: str, lines: Sequence[tuple[str, int, str]], *,
              currency: str = "USD", shipping: str = "0", tax: str = "0", discount: str = "0",
              refunded: str = "0", status: str = "paid") -> None:
    """An order as an order export gives it: lines (sku, quantity, unit price); total = goods − discount + shipping + tax."""
    goods = sum((Decimal(p) * q for _, q, p in lines), Decimal(0))
    total = goods - Decimal(discount) + Decimal(shipping) + Decimal(tax)
    db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, subtotal, shipping,"
               " tax, discount, total, refunded_amount) VALUES (?, ?, CAST(? AS TIMESTAMPTZ), '+00:00', ?, ?, ?, ?, ?,"
               " ?, ?, ?)",
               [shop, order_id, when, status, currency, goods - Decimal(discount), Decimal(shipping), Decimal(tax),
                Decimal(discount), total, Decimal(refunded)])
    for n, (sku, qty, price) in enumerate(lines, start=1):
        db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price, line_total,"
                   " currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [shop, order_id, n, sku, sku, qty, Decimal(price), Decimal(price) * qty, currency])


def seed_shop(db: Database) -> Database:
    """Shopify and Amazon shops (USD) selling a teapot (S-1, cost 12) and cups (S-2, cost 5), three orders."""
    with db.transaction():
        db.execute("INSERT INTO shops VALUES (?, 'shopify', 'Tea House', 'USD'), (?, 'amazon', 'Tea House US', 'USD'),"
                   " (?, 'taobao', '茶舍', 'CNY')", [SHOPIFY, AMAZON, TAOBAO])
        db.execute("INSERT INTO products (product_id, title) VALUES ('teapot', 'Clay teapot'), ('cups', 'Tea cups')")
        db.execute("INSERT INTO variants (sku, product_id, price, cost, currency) VALUES"
                   " ('S-1', 'teapot', 40.00, 12.00, 'USD'), ('S-2', 'cups', 18.00, 5.00, 'USD')")
        # 2 teapots + 1 cups, 8.00 off, 10.00 shipping, 5.00 tax: the buyer paid 105.00.
        add_order(db, SHOPIFY, "#1001", "2026-02-20 10:00:00+00", [("S-1", 2, "40.00"), ("S-2", 1, "18.00")],
                  shipping="10.00", tax="5.00", discount="8.00")
        add_order(db, AMAZON, "111-0000001-0000001", "2026-02-25 10:00:00+00", [("S-1", 1, "45.00")])
        add_order(db, AMAZON, "111-0000002-0000002", "2026-03-02 10:00:00+00", [("S-2", 3, "19.99")],
                  refunded="19.99")
    return db


AMAZON_SETTLEMENT = [
    # The first Amazon order settled: its sale, 15 % referral, a label, and the transfer.
    movement(AMAZON, "S1-1", "2026-02-27 00:00:00+00", "45.00", "sale", "111-0000001-0000001", payout_id="P-1"),
    movement(AMAZON, "S1-2", "2026-02-27 00:00:00+00", "-6.75", "commission", "111-0000001-0000001", payout_id="P-1"),
    movement(AMAZON, "S1-3", "2026-02-27 00:00:00+00", "-4.10", "shipping_label", "111-0000001-0000001",
             payout_id="P-1"),
    movement(AMAZON, "S1-4", "2026-03-01 00:00:00+00", "-34.15", "payout", None, payout_id="P-1"),
]
