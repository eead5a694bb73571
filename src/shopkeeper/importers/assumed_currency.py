"""Staged rows whose export did not name their currency, settled before they are merged (domain/shop_currency.py).

A normaliser of orders, lines, products or listings stages `SILENT` where its
file gives no currency (`$currency` is bound to it for those kinds). Before the
rows are merged, each staged row of such a table gets its currency and where it
came from (`currency_from`):

* named by the file: the file's currency, 'file'; it beats a currency the shop
  only assumed, and between two named ones the fresher order wins as usual;
* not named, a row the shop already holds: what the shop holds (the file says
  nothing about it, so it changes nothing);
* not named, a new row: the shop's currency as it stands (a line: its order's),
  marked with the shop; recompute settles it again once the whole import is in.

So the merge never sees `SILENT`, and an unchanged row compares equal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from shopkeeper.db.database import quote_ident as _q
from shopkeeper.db.merge import FRESHNESS_IDS, KEYS, stored_freshness, table_columns
from shopkeeper.domain.shop_currency import ASSUMED_SQL, NAMED, SILENT, TABLES, YUAN_ONLY

if TYPE_CHECKING:
    from shopkeeper.importers.context import ImportContext

# Kinds of export whose normalisers stage `SILENT` for an unnamed currency; every other kind (money,
# ads, traffic) gets the shop's currency as it stands, as before.
ASSUMING_KINDS = frozenset({"orders", "order_lines", "products", "listings", "mapped_orders", "mapped_products"})
# Written by the merge as settled here, whatever the freshness of the row (see `settle`).
SETTLED = ("currency", "currency_from")


def assumes(ctx: ImportContext) -> bool:
    """True when this import's normaliser stages `SILENT` for a currency its file does not name."""
    return ctx.spec.kind in ASSUMING_KINDS and ctx.platform not in YUAN_ONLY


def settle(ctx: ImportContext, table: str, staged: str, keys: str | None = None) -> bool:
    """Give `staged`'s rows of `table` their currency and `currency_from`; True when the merge must take both
    as staged (a row's currency was settled here). `keys`: the orders' freshness keys, for two named currencies."""
    if table not in TABLES or not assumes(ctx):
        return False
    cols = table_columns(ctx.db, staged)
    if "currency" not in cols:
        return False
    if "currency_from" not in cols and not ctx.scalar(
            f"SELECT EXISTS (SELECT 1 FROM {_q(staged)} WHERE currency = '{SILENT}') "
            f"OR EXISTS (SELECT 1 FROM {_q(table)} WHERE {ASSUMED_SQL})"):
        # The usual case, every currency named and none assumed in the shop: nothing to settle, and adding
        # a constant column costs nothing where copying a million staged rows costs a second.
        ctx.run(f"ALTER TABLE {_q(staged)} ADD COLUMN currency_from VARCHAR DEFAULT '{NAMED}'")
        return False
    silent = f"s.currency = '{SILENT}'"
    if table == "order_lines":
        # A line takes its order's currency (the order is merged first), else the shop's.
        currency = f"CASE WHEN {silent} THEN coalesce(o.currency, $standing_currency) ELSE s.currency END"
        came_from = f"CASE WHEN s.currency IS NULL THEN NULL WHEN {silent} THEN $shop ELSE '{NAMED}' END"
        joins = "LEFT JOIN orders o ON o.shop_id = s.shop_id AND o.order_id = s.order_id"
    else:
        key = KEYS[table]
        held = f"t.{_q(key[0])} IS NOT NULL"
        held_named = f"coalesce(t.currency_from, '{NAMED}') = '{NAMED}'"
        joins = "LEFT JOIN " + _q(table) + " t ON " + " AND ".join(f"t.{_q(k)} = s.{_q(k)}" for k in key)
        named_wins = "TRUE"
        if table in FRESHNESS_IDS and keys is not None:
            # Two named currencies: the fresher order's, as the merge decides every other value.
            id_col = FRESHNESS_IDS[table]
            joins += (f" LEFT JOIN {_q(keys)} n ON n.shop_id = s.shop_id AND n.{_q(id_col)} = s.{_q(id_col)}"
                      f" LEFT JOIN ({stored_freshness(table, keys, id_col)}) k"
                      f" ON k.shop_id = s.shop_id AND k.row_id = s.{_q(id_col)}")
            named_wins = "n.freshness > coalesce(k.freshness, '')"
        currency = (f"CASE WHEN s.currency IS NULL THEN NULL "
                    f"WHEN {silent} THEN CASE WHEN {held} THEN t.currency ELSE $standing_currency END "
                    f"WHEN {held} AND {held_named} AND t.currency IS NOT NULL AND NOT ({named_wins}) "
                    f"THEN t.currency ELSE s.currency END")
        came_from = (f"CASE WHEN s.currency IS NULL THEN NULL "
                     f"WHEN {silent} THEN CASE WHEN {held} THEN coalesce(t.currency_from, "
                     f"CASE WHEN t.currency IS NOT NULL THEN '{NAMED}' END, $shop) ELSE $shop END "
                     f"ELSE '{NAMED}' END")
    keep = "s.* EXCLUDE (currency_from)" if "currency_from" in cols else "s.*"
    ctx.create(staged, f"SELECT {keep} REPLACE ({currency} AS currency), {came_from} AS currency_from "
                       f"FROM {_q(staged)} s {joins}")
    return True
