"""Refunds by SKU: a part of an order's money back that names no units is no refund of each of its SKUs.

Shopify order #2220 (903.27 EUR, four SKUs) had one refund of 155.74 that matches no line's price: the
by-SKU rates made each of the four SKUs "1 paid, 1 refunded, 100 %". Which SKU the money was for is
unknown, so the order is left out of the by-SKU rates and counted as a refund without a SKU.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.services.after_sales import refunded_orders, returns_overview
from shopkeeper.services.imports import import_paths

# order, status, total, refunded, lines (sku or None, quantity, refunded quantity, line total)
ORDERS = [
    # four SKUs, a part of the money back, no units named (the shape of #2220): which SKU is unknown
    ("P1", "partially_refunded", "903.27", "155.74",
     [("W", 1, 0, "180.33"), ("X", 1, 0, "180.33"), ("Y", 1, 0, "163.93"), ("Z", 2, 0, "426.22")]),
    # one SKU on its two lines, money back without units: there is no other SKU it could be for
    ("P2", "partially_refunded", "30.00", "5.00", [("W", 1, 0, "15.00"), ("W", 1, 0, "15.00")]),
    # a part refund's status, but as much money back as the order's total: every SKU
    ("P3", "partially_refunded", "40.00", "40.00", [("X", 1, 0, "20.00"), ("Y", 1, 0, "20.00")]),
    # refunded in full: every SKU
    ("P4", "refunded", "40.00", "0", [("Y", 1, 0, "20.00"), ("Z", 1, 0, "20.00")]),
    # units named: the SKU whose line gave one back, not the other
    ("P5", "partially_refunded", "40.00", "20.00", [("W", 1, 1, "20.00"), ("X", 1, 0, "20.00")]),
    # one SKU and a line naming none (gift wrap): the money may be for either, unknown
    ("P6", "partially_refunded", "25.00", "5.00", [("Z", 1, 0, "20.00"), (None, 1, 0, "5.00")]),
    # sold, nothing back
    ("P7", "completed", "20.00", "0", [("W", 1, 0, "20.00"), ("X", 1, 0, "20.00")]),
]


def _seed(db: Database) -> None:
    with db.transaction():
        db.execute("INSERT INTO shops (shop_id, platform, name) VALUES ('shopify:s', 'shopify', 's')")
        for n, (order_id, status, total, refunded, lines) in enumerate(ORDERS, start=1):
            db.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency,"
                       " total, refunded_amount) VALUES ('shopify:s', ?, 'b', ?, '+01:00', ?, 'EUR', ?, ?)",
                       [order_id, f"2024-01-{n:02d} 12:00:00+01:00", status, total, refunded])
            for line_no, (sku, qty, back, line_total) in enumerate(lines, start=1):
                db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity,"
                           " refunded_quantity, unit_price, line_total, currency)"
                           " VALUES ('shopify:s', ?, ?, ?, ?, ?, ?, ?, ?, 'EUR')",
                           [order_id, line_no, sku, sku or "Gift wrap", qty, back, line_total, line_total])


def test_a_refund_is_a_skus_only_when_the_export_says_so(shop: Database) -> None:
    _seed(shop)
    o = returns_overview(shop, min_orders=1)
    # Every refunded order still counts in the totals: P1-P6 of seven.
    assert (o.total.paid_orders, o.total.refunded_orders) == (7, 6)
    # P1 and P6 say neither which SKU nor that all of it went back.
    assert o.refunds_without_sku == 2
    skus = {r.key: (r.paid_orders, r.refunded_orders) for r in o.by_sku}
    # W: P2 (sole SKU), P5 (its unit back) refunded; P7 not; P1 left out.
    # X: P3 (all the money) refunded; P5 (another SKU's unit), P7 not; P1 left out.
    # Y: P3, P4 refunded; P1 left out.  Z: P4 refunded; P1 and P6 left out.
    assert skus == {"W": (3, 2), "X": (3, 1), "Y": (2, 2), "Z": (1, 1)}
    listed = {r.order_id: r.skus for r in refunded_orders(shop)}
    assert listed == {"P1": "", "P2": "W", "P3": "X, Y", "P4": "Y, Z", "P5": "W", "P6": ""}
    assert {r.order_id for r in refunded_orders(shop, sku="Z")} == {"P4"}


def test_shopify_2220_no_longer_makes_four_skus_fully_refunded(shop: Database, samples_dir: Path,
                                                                 tmp_path: Path) -> None:
    path = samples_dir / "shopify" / "looker101__scaricaArticoli" / "orders_export.REDACTED-EXCERPT.csv"
    import_paths(shop, [path], workdir=tmp_path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["Name"] in ("#2220", "#2226")]
    # From the file: #2220 sold four SKUs for 903.27 and 155.74 went back, no line saying which;
    # #2226 (one SKU) was refunded in full.
    first = next(r for r in rows if r["Name"] == "#2220" and r["Financial Status"])
    assert (first["Financial Status"], Decimal(first["Total"]), Decimal(first["Refunded Amount"])) == (
        "partially_refunded", Decimal("903.27"), Decimal("155.74"))
    four = {r["Lineitem sku"] for r in rows if r["Name"] == "#2220"}
    assert four == {"BB0117O 001 57", "GG1596SK 001 55", "PR 26ZS 16K08Z 55", "PR 65ZS ZVN09T 55"}
    o = returns_overview(shop)
    by_sku = {r.key: (r.paid_orders, r.refunded_orders) for r in o.by_sku}
    assert not four & set(by_sku)   # #2220 was their only order: no rate to show
    assert by_sku["GG1039S 002 58"] == (1, 1)
    assert o.refunds_without_sku == 1
    assert (o.total.refunded_orders, sum(r.refunded_orders for r in o.by_sku)) == (2, 1)
    assert {r.order_number: r.skus for r in refunded_orders(shop)} == {"#2220": "", "#2226": "GG1039S 002 58"}
