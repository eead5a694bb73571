"""Every table an import or an edit writes refreshes the views that show it."""

from __future__ import annotations

from shopkeeper.db.merge import APPEND_ONLY, KEYS
from shopkeeper.db.table_areas import TABLE_AREAS, changes_for_tables
from shopkeeper.domain.changes import Area, Changes


def test_every_undoable_table_has_an_area() -> None:
    bookkeeping = {"import_rejects", "row_freshness"}  # history and merge notes, shown by no tab
    assert set(KEYS) | (set(APPEND_ONLY) - bookkeeping) <= set(TABLE_AREAS)


def test_tables_map_to_their_areas_plus_history() -> None:
    assert changes_for_tables({"orders", "order_lines"}) == Changes.of(Area.ORDERS, Area.HISTORY)
    assert changes_for_tables({"variants", "stock_levels"}) == Changes.of(Area.CATALOG, Area.STOCK, Area.HISTORY)
    assert changes_for_tables(()) == Changes()


def test_a_table_nobody_mapped_refreshes_everything() -> None:
    assert changes_for_tables({"orders", "some_new_table"}) == Changes.everything()
