"""On hand as the stock ledger derives it (domain/stock_ledger.py): stored for every reader, and shown as history.

`derive_on_hand` is recompute's stock step: it writes `stock_levels.on_hand`
from the snapshots and the orders, so the inventory table, reorder, channel
stock, the stock-update files and `report inventory` all read the one derived
number. Like every derived figure it is not tracked for undo: undoing an
import or a count removes its snapshot and the next recompute derives again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shopkeeper.db.database import Database
from shopkeeper.db.rule_macros import install_rule_macros
from shopkeeper.domain import stock_ledger


@dataclass(frozen=True)
class StockHistoryRow:
    occurred_at: datetime
    kind: str                 # 'snapshot', 'sale', 'return'
    change: int
    level: int
    source: str | None        # a snapshot's: 'import' or 'count'
    shop_id: str | None       # a sale's or return's order
    order_id: str | None


def derive_on_hand(db: Database) -> int:
    """Store each SKU's derived on hand; returns how many stock rows changed. The caller holds the transaction.

    A SKU counted (it has a snapshot) but with no stock row (the import that made the row was undone, a
    later one's snapshot remains) gets one. A stock row with no snapshot keeps what it holds: every writer of
    a snapshot also writes the stock row with its before-image, so undoing the last snapshot's change set
    puts back the level the row had before it.
    """
    # Derived once: the ledger reads every order after the counts, the two writes below only this table.
    db.execute("CREATE OR REPLACE TEMP TABLE _sl_on_hand AS SELECT sku, on_hand, counted_at FROM sk_on_hand()")
    try:
        added = db.execute(
            "INSERT INTO stock_levels (sku, on_hand, updated_at) SELECT d.sku, d.on_hand, d.counted_at "
            "FROM _sl_on_hand d WHERE NOT EXISTS (SELECT 1 FROM stock_levels s WHERE s.sku = d.sku)"
        ).fetchone()
        changed = db.execute(
            "UPDATE stock_levels SET on_hand = d.on_hand FROM _sl_on_hand d"
            " WHERE stock_levels.sku = d.sku AND stock_levels.on_hand IS DISTINCT FROM d.on_hand"
        ).fetchone()
    finally:
        db.execute("DROP TABLE IF EXISTS _sl_on_hand")
    return sum(int(r[0]) for r in (added, changed) if r)


def stock_history(db: Database, sku: str) -> list[StockHistoryRow]:
    """The SKU's snapshots, sales and returns from its first snapshot on, oldest first, with the running level."""
    rows = db.fetchall("SELECT occurred_at, kind, change, level, source, shop_id, order_id FROM sk_stock_history(?)",
                       [sku])
    return [StockHistoryRow(r[0], str(r[1]), int(r[2]), int(r[3]), r[4], r[5], r[6]) for r in rows]


def write_count_snapshot(db: Database, sku: str, on_hand: int, change_set_id: int) -> None:
    """The seller's stock count, dated when its change set was made (so a redo keeps the count's instant).

    It keeps the orders that held the SKU then (unshipped: domain/channel_stock.py): their goods were on the
    shelf counted, so each leaves after the count once it ships (domain/stock_ledger.py). A change set counts
    a SKU once: counting it again in the same call replaces its snapshot.
    """
    # Which orders hold the SKU is the rules' own SQL: a redo on a shop just opened may come before any of it ran.
    install_rule_macros(db)
    db.execute("DELETE FROM stock_snapshots WHERE sku = ? AND batch_id = ? AND source = ?",
               [sku, change_set_id, stock_ledger.COUNT])
    db.execute(
        "INSERT INTO stock_snapshots (sku, counted_at, on_hand, source, batch_id, held_orders) "
        "SELECT ?, coalesce((SELECT imported_at FROM import_batches WHERE batch_id = ?), now()), ?, ?, ?, "
        f"({_HELD_ORDERS})",
        [sku, change_set_id, on_hand, stock_ledger.COUNT, change_set_id, sku],
    )


# The orders whose unshipped lines hold units of a SKU (?), in a fixed order; NULL when none do.
_HELD_ORDERS = (
    "SELECT list({'shop_id': shop_id, 'order_id': order_id} ORDER BY shop_id, order_id) FROM ("
    "SELECT DISTINCT l.shop_id, l.order_id FROM sk_sku_lines() l JOIN orders o USING (shop_id, order_id)"
    " WHERE l.sku = ? AND sk_held_units(o.status, l.quantity, l.refunded_quantity) > 0)"
)
