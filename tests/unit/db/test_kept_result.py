"""A kept result (a big aggregate a table pages through) is reused only while the data it came from is unchanged."""

from __future__ import annotations

import pytest

from shopkeeper.db.database import Database
from shopkeeper.db.table_source import Column, TableSource

SPEND = "SELECT shop_id, count(*) AS orders, sum(total) AS spend FROM orders GROUP BY shop_id"


def _order(db: Database, order_id: str, total: str) -> None:
    db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total)"
               " VALUES ('shopify:a', ?, TIMESTAMPTZ '2026-01-02 10:00:00+00', '+00:00', 'paid', 'USD', ?)",
               [order_id, total])


def _spend(db: Database, source: TableSource) -> list[tuple]:
    return source.page(db)


@pytest.fixture
def source() -> TableSource:
    return TableSource(base_sql=SPEND, columns=(Column("shop_id"), Column("orders", "int"), Column("spend", "money")),
                       default_sort="shop_id", kept=True)


def test_a_kept_result_follows_every_write(shop: Database, source: TableSource) -> None:
    _order(shop, "1", "10.00")
    assert [r[1] for r in _spend(shop, source)] == [1]
    name = shop.kept_result(SPEND)
    assert shop.kept_result(SPEND) == name  # nothing changed: the same rows, not computed again
    _order(shop, "2", "5.50")  # a write outside any transaction
    assert [(r[1], str(r[2])) for r in _spend(shop, source)] == [(2, "15.50")]
    with shop.transaction():
        shop.execute("UPDATE orders SET total = 1.00 WHERE order_id = '2'")
    assert [str(r[2]) for r in _spend(shop, source)] == ["11.00"]
    assert source.count(shop) == 1


def test_a_rolled_back_change_is_not_kept(shop: Database, source: TableSource) -> None:
    _order(shop, "1", "10.00")
    shop.begin()
    _order(shop, "2", "99.00")
    assert [str(r[2]) for r in _spend(shop, source)] == ["109.00"]  # read inside the transaction
    shop.rollback()
    assert [str(r[2]) for r in _spend(shop, source)] == ["10.00"]


def test_work_tables_of_our_own_do_not_throw_results_away(shop: Database) -> None:
    _order(shop, "1", "10.00")
    name = shop.kept_result(SPEND)
    shop.execute("CREATE OR REPLACE TEMP TABLE _scratch AS SELECT 1 AS x")
    shop.execute("DROP TABLE IF EXISTS temp._scratch")
    shop.execute("SELECT count(*) FROM orders")
    assert shop.kept_result(SPEND) == name
