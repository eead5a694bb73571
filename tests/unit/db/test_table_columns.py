"""table_columns: what merging builds its column lists from, cached for shop tables only while an
import runs (fixed_shop_schema)."""

from __future__ import annotations

from shopkeeper.db.database import Database
from shopkeeper.db.merge import fixed_shop_schema, table_columns


def test_work_tables_are_read_again_inside_the_block_and_shop_tables_after_it(shop: Database) -> None:
    assert table_columns(shop, "no_such_table") == []
    with fixed_shop_schema(shop):
        orders = table_columns(shop, "orders")
        assert orders[:2] == ["shop_id", "order_id"]
        shop.execute("CREATE TEMP TABLE _sk_orders AS SELECT 1 AS a")
        assert table_columns(shop, "_sk_orders") == ["a"]
        shop.execute("CREATE OR REPLACE TEMP TABLE _sk_orders AS SELECT 1 AS b, 2 AS c")
        assert table_columns(shop, "_sk_orders") == ["b", "c"]
        with fixed_shop_schema(shop):  # nested (an import inside an import's block) keeps the outer cache
            assert table_columns(shop, "orders") == orders
        table_columns(shop, "orders").append("not a column")  # a caller's list is its own
        assert table_columns(shop, "orders") == orders
    shop.execute("ALTER TABLE orders ADD COLUMN later_column VARCHAR")
    assert table_columns(shop, "orders") == [*orders, "later_column"]
