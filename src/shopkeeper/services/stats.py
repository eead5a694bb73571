"""Headline counts of a shop, as `shopkeeper stats --json` prints them.

The keys are a stable contract used by people and checks; add keys, never
rename or remove them. `order_total` is the plain sum of `total` of every
order, whatever its status, per currency: it reconciles with the exported
files. `net_revenue` is the business figure (domain/revenue.py).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from shopkeeper.db.change_stack import IMPORTS_ONLY
from shopkeeper.db.database import Database
from shopkeeper.db.rule_macros import install_rule_macros


def shop_stats(db: Database) -> dict[str, Any]:
    # Also asked of shops opened read-only, which skip migrate() and so its macros.
    install_rule_macros(db)
    orders, refunded = db.fetchone(
        "SELECT count(*), count(*) FILTER (WHERE sk_is_refunded(status)) FROM orders"
    ) or (0, 0)
    lines, units = db.fetchone("SELECT count(*), coalesce(sum(quantity), 0) FROM order_lines") or (0, 0)
    totals = db.fetchall(
        "SELECT currency, sum(total) FROM orders GROUP BY currency ORDER BY currency"
    )
    net = db.fetchall("SELECT currency, sum(net) FROM sk_sales() GROUP BY currency ORDER BY currency")
    sold = db.scalar("SELECT count(*) FROM sk_sales()")
    # The catalogue's SKUs, as the Listings tab counts them (a channel SKU linked to another is its master; a
    # listing whose SKU is in no export or order is a listing problem, not a SKU).
    products = db.scalar("SELECT count(*) FROM sk_catalogue()")
    return {
        "orders": int(orders),
        "order_lines": int(lines),
        "units": int(units),
        "buyers": int(db.scalar("SELECT count(*) FROM buyers")),
        "members": int(db.scalar("SELECT count(*) FROM members")),
        "products": int(products),
        "order_total": {cur: _money(total) for cur, total in totals},
        "refunded_orders": int(refunded),
        "imports": int(db.scalar(f"SELECT count(*) FROM import_batches WHERE undone_at IS NULL AND {IMPORTS_ONLY}")),
        # Added keys: orders that count as sold, and their total less refunds (domain/revenue.py), per currency.
        "sold_orders": int(sold),
        "net_revenue": {cur: _money(value) for cur, value in net},
    }


def _money(value: Decimal | None) -> str:
    return f"{(value or Decimal(0)).quantize(Decimal('0.01')):f}"
