"""Recompute's first step: every row whose export named no currency gets its shop's (domain/shop_currency.py).

Run with every import, edit, undo and redo, before tiers and points (a member's
spend is read in the base currency), so the currencies are a function of the
rows the shop holds, never of the order the files came in.
"""

from __future__ import annotations

from shopkeeper.db.database import Database
from shopkeeper.domain.changes import Area, Changes
from shopkeeper.domain.shop_currency import ASSUMED_SQL, TABLES

_CURRENCIES = "_sc_shop_currencies"


def settle_currencies(db: Database) -> Changes:
    """Give each row with an assumed currency its shop's (a line: its order's); returns the areas that moved."""
    if not db.scalar("SELECT " + " OR ".join(f"EXISTS (SELECT 1 FROM {t} WHERE {ASSUMED_SQL})" for t in TABLES)):
        return Changes()
    db.execute(f"CREATE OR REPLACE TEMP TABLE {_CURRENCIES} AS SELECT * FROM sk_shop_currencies()")
    try:
        moved = {table: _settle(db, table) for table in TABLES}
    finally:
        db.execute(f"DROP TABLE IF EXISTS {_CURRENCIES}")
    orders = Changes.of(Area.ORDERS) if moved["orders"] or moved["order_lines"] else Changes()
    return orders | (Changes.of(Area.CATALOG) if moved["listings"] or moved["variants"] else Changes())


def _settle(db: Database, table: str) -> int:
    if table == "order_lines":
        wanted = (f"SELECT l.shop_id, l.order_id, l.currency_from, coalesce(o.currency, c.currency) AS currency "
                  f"FROM (SELECT DISTINCT shop_id, order_id, currency_from FROM order_lines WHERE {ASSUMED_SQL}) l "
                  f"JOIN {_CURRENCIES} c ON c.shop_id = l.currency_from "
                  f"LEFT JOIN orders o ON o.shop_id = l.shop_id AND o.order_id = l.order_id")
        match = ("order_lines.shop_id = x.shop_id AND order_lines.order_id = x.order_id "
                 "AND order_lines.currency_from = x.currency_from")
    else:
        wanted = f"SELECT shop_id AS currency_from, currency FROM {_CURRENCIES}"
        match = f"{table}.currency_from = x.currency_from"
    row = db.execute(f"UPDATE {table} SET currency = x.currency FROM ({wanted}) x "
                     f"WHERE {match} AND {table}.currency IS DISTINCT FROM x.currency").fetchone()
    return int(row[0]) if row else 0
