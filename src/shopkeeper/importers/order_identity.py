"""One order, one identity per shop, whatever columns a file carries.

Platforms give an order two keys: their id (Shopify's `Id`) and the number the
seller sees (`Name`, '#1022'). A file without the id column (or a row without
the id) keys its orders by the number, which must not make a second order:

* a staged order keyed by its number (order_id = order_number) takes the id of
  the one stored order with that number;
* a staged order with an id takes over the one stored order that was keyed by
  that number (imported from an id-less file before): the stored order and its
  lines are re-keyed, undoably, and then merged as usual.

An order is only matched when exactly one stored order has the number, so two
orders that happen to share a number are never merged.
"""

from __future__ import annotations

from shopkeeper.db.merge import save_prior, table_columns
from shopkeeper.importers.context import ROWMAP, ImportContext, q, temp_tables
from shopkeeper.importers.freshness import recorded_lines

_IDS = "_sk_order_ids"


def match(ctx: ImportContext, orders: str, lines: str) -> None:
    """Give the staged `orders` (and `lines`) the shop's identity of each order; the batch is open."""
    if "order_number" not in table_columns(ctx.db, orders):
        return
    if not ctx.scalar("SELECT EXISTS (SELECT 1 FROM orders WHERE shop_id = $shop AND order_number IS NOT NULL)"):
        return
    ctx.create(_IDS, f"""
        SELECT s.order_id AS staged_id, t.order_id AS stored_id, s.order_id = s.order_number AS by_number
        FROM (SELECT DISTINCT order_id, order_number FROM {q(orders)} WHERE order_number IS NOT NULL) s
        JOIN orders t ON t.shop_id = $shop AND t.order_number = s.order_number AND t.order_id <> s.order_id
        WHERE NOT EXISTS (SELECT 1 FROM orders x WHERE x.shop_id = $shop AND x.order_id = s.order_id)
          AND (s.order_id = s.order_number OR t.order_id = t.order_number)
        QUALIFY count(*) OVER (PARTITION BY s.order_id) = 1 AND count(*) OVER (PARTITION BY t.order_id) = 1
    """)
    if not ctx.scalar(f"SELECT EXISTS (SELECT 1 FROM {_IDS})"):
        return
    _adopt_stored_ids(ctx, orders, lines)
    _rekey_stored_orders(ctx)


def _adopt_stored_ids(ctx: ImportContext, orders: str, lines: str) -> None:
    staged = [orders, lines, f"{ROWMAP}_orders", f"{ROWMAP}_order_lines"]
    present = temp_tables(ctx.db)
    for table in staged:
        if table in present:
            ctx.run(f"UPDATE {q(table)} SET order_id = m.stored_id FROM {_IDS} m "
                    f"WHERE m.by_number AND {q(table)}.order_id = m.staged_id")


def _rekey_stored_orders(ctx: ImportContext) -> None:
    if not ctx.scalar(f"SELECT EXISTS (SELECT 1 FROM {_IDS} WHERE NOT by_number)"):
        return
    for table in ("orders", "order_lines"):
        cols = table_columns(ctx.db, table)
        picked = ", ".join("m.staged_id" if c == "order_id" else "?" if c == "batch_id" else f"t.{q(c)}"
                           for c in cols)
        moving = (f"FROM {q(table)} t JOIN {_IDS} m ON NOT m.by_number AND t.order_id = m.stored_id "
                  "WHERE t.shop_id = ?")
        save_prior(ctx.db, table, moving, ctx.batch_id, [ctx.shop_id])
        ctx.run(f"INSERT INTO {q(table)} ({', '.join(q(c) for c in cols)}) SELECT {picked} {moving}",
                [ctx.batch_id, ctx.shop_id])
        ctx.run(f"DELETE FROM {q(table)} WHERE shop_id = $shop "
                f"AND order_id IN (SELECT stored_id FROM {_IDS} WHERE NOT by_number)")
    # The order keeps the freshness it had under its old key (as this import's record, so undo drops it).
    # Its lines' keys are copied one by one, those an import's LINES_AS_ORDERS note stands for included.
    ctx.run(f"INSERT INTO row_freshness (kind, shop_id, row_id, freshness, batch_id) "
            f"SELECT f.kind, f.shop_id, m.staged_id, f.freshness, $batch "
            f"FROM (SELECT * FROM row_freshness WHERE kind = 'orders' UNION ALL {recorded_lines()}) f "
            f"JOIN {_IDS} m ON NOT m.by_number AND f.row_id = m.stored_id "
            "WHERE f.shop_id = $shop")
