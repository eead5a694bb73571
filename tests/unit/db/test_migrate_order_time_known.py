"""Data version 31: orders say whether their export gave only the date; an older shop's orders keep their hours."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.db.merge import table_columns
from shopkeeper.db.migrate import bundled_migrations, current_version, migrate
from shopkeeper.services import chart_series as cs
from shopkeeper.services.chart_filters import ChartFilter


def test_a_version_30_shop_keeps_its_orders_and_their_hours(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "old.duckdb")
    try:
        migrate(db, tmp_path / "bk", [m for m in bundled_migrations() if m.version < 31])
        assert current_version(db) == 30
        assert "ordered_date_only" not in table_columns(db, "orders")
        for order_id, at in (("o1", datetime(2026, 1, 5, 2, 0, tzinfo=UTC)), ("o2", datetime(2026, 1, 6, tzinfo=UTC))):
            db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total)"
                       " VALUES ('etsy:e', ?, ?, '+00:00', 'paid', 'USD', 10)", [order_id, at])
        before = db.fetchall("SELECT * FROM orders ORDER BY order_id")
        migrate(db, tmp_path / "bk")
        assert current_version(db) == bundled_migrations()[-1].version
        assert "ordered_date_only" in table_columns(db, "orders")
        assert "ordered_date_only" in table_columns(db, "orders_prior")
        assert db.fetchall("SELECT * EXCLUDE (ordered_date_only) FROM orders ORDER BY order_id") == before
        # nothing says their exports gave only a date: their hours count as before, midnight included
        assert db.fetchall("SELECT ordered_date_only FROM orders") == [(None,), (None,)]
        f = ChartFilter(date(2026, 1, 1), date(2026, 1, 31))
        grid = cs.hour_weekday(db, f)
        assert grid[0][2] == 1 and grid[1][0] == 1 and cs.date_only(db, f) == cs.DateOnly(0, ())
    finally:
        db.close()
