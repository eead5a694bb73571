"""Where a row sits in a paged table: the same order, search and filters as the pages, so a highlight can follow it."""

from __future__ import annotations

from shopkeeper.db.database import Database
from shopkeeper.db.table_source import Column, TableSource

ROWS = "SELECT * FROM (VALUES ('A-1', 'Mug', 5), ('B-2', 'Bowl', 30), ('C-3', 'Cup', 12), ('D-4', 'Dish', 12)) t(sku, title, qty)"
SOURCE = TableSource(base_sql=ROWS, columns=(Column("sku", searchable=True), Column("title", searchable=True),
                                             Column("qty", "int")),
                     default_sort="qty", key_column="sku", filters={"plenty": "qty >= 12"})


def test_a_rows_position_is_where_the_pages_put_it(shop: Database) -> None:
    for sort, desc in (("qty", False), ("qty", True), ("title", False), ("sku", True)):
        page = [r[0] for r in SOURCE.page(shop, sort_key=sort, descending=desc)]
        assert [SOURCE.position(shop, sku, sort_key=sort, descending=desc) for sku in page] == list(range(4))


def test_a_search_or_filter_that_leaves_the_row_out_says_so(shop: Database) -> None:
    assert SOURCE.position(shop, "A-1", active=["plenty"]) is None
    assert SOURCE.position(shop, "D-4", active=["plenty"]) == 1   # C-3 and D-4 tie on 12: the first column decides
    assert SOURCE.position(shop, "B-2", search="bowl") == 0
    assert SOURCE.position(shop, "NOPE") is None
