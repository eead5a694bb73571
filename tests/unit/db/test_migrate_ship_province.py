"""Data version 29: orders learn the province or state they ship to; an older shop keeps its orders and cities."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.db.merge import table_columns
from shopkeeper.db.migrate import bundled_migrations, current_version, migrate
from shopkeeper.services import chart_series as cs
from shopkeeper.services.chart_filters import ChartFilter


def test_a_version_28_shop_keeps_its_orders_and_gains_an_empty_province(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "old.duckdb")
    try:
        migrate(db, tmp_path / "bk", [m for m in bundled_migrations() if m.version < 29])
        assert current_version(db) == 28
        assert "ship_province" not in table_columns(db, "orders")
        for order_id, city in (("o1", "上海"), ("o2", None)):
            db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total,"
                       " ship_country, ship_city) VALUES ('taobao:t', ?, ?, '+08:00', 'paid', 'CNY', 10, 'CN', ?)",
                       [order_id, datetime(2026, 1, 5, tzinfo=UTC), city])
        before = db.fetchall("SELECT * FROM orders ORDER BY order_id")
        migrate(db, tmp_path / "bk")
        assert current_version(db) == bundled_migrations()[-1].version
        assert "ship_province" in table_columns(db, "orders") and "ship_province" in table_columns(db, "orders_prior")
        # every column there before keeps its value; nothing says which province the older orders went to
        assert db.fetchall("SELECT * EXCLUDE (ship_province, ordered_date_only) FROM orders ORDER BY order_id") \
            == before
        assert db.fetchall("SELECT ship_province FROM orders") == [(None,), (None,)]
        found, unknown = cs.regions(db, ChartFilter(date(2026, 1, 1), date(2026, 1, 31)))
        assert [(r.city, r.province, r.orders) for r in found] == [("上海", None, 1)] and unknown == 1
    finally:
        db.close()
