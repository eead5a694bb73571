"""Data version 28: orders learn when they shipped, stock counts which orders they held; an older shop keeps its stock."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import bundled_migrations, current_version, migrate


def test_a_version_27_shop_keeps_its_orders_counts_and_stock(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "old.duckdb")
    try:
        migrate(db, tmp_path / "bk", [m for m in bundled_migrations() if m.version < 28])
        assert current_version(db) == 27
        db.execute("INSERT INTO stock_snapshots (sku, counted_at, on_hand, source, batch_id)"
                   " VALUES ('MUG', TIMESTAMPTZ '2026-01-10 12:00:00+00', 20, 'count', 1)")
        for order_id, day, status in (("o1", 5, "shipped"), ("o2", 11, "shipped"), ("o3", 12, "paid")):
            db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total)"
                       " VALUES ('s', ?, ?, '+00:00', ?, 'USD', 10)", [order_id, datetime(2026, 1, day, tzinfo=UTC),
                                                                       status])
            db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                       " line_total, currency) VALUES ('s', ?, 1, 'MUG', 'Mug', 2, 5, 10, 'USD')", [order_id])
        migrate(db, tmp_path / "bk")
        assert current_version(db) == bundled_migrations()[-1].version
        # Nothing says when the older orders shipped, nor what the count held: the rule before this version.
        assert db.fetchall("SELECT order_id, shipped_at FROM orders ORDER BY 1") == [
            ("o1", None), ("o2", None), ("o3", None)]
        assert db.fetchall("SELECT held_orders FROM stock_snapshots") == [(None,)]
        assert db.scalar("SELECT on_hand FROM sk_on_hand() WHERE sku = 'MUG'") == 18  # o2 after the count
        assert db.scalar("SELECT count(*) FROM orders_prior WHERE shipped_at IS NOT NULL") == 0
    finally:
        db.close()
