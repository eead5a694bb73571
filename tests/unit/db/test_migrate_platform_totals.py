"""Data version 30: buyers learn what a customers export says of them; an older shop keeps its buyers as they were."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.db.merge import table_columns
from shopkeeper.db.migrate import bundled_migrations, current_version, migrate


def test_a_version_29_shop_keeps_its_buyers_and_gains_empty_platform_figures(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "old.duckdb")
    try:
        migrate(db, tmp_path / "bk", [m for m in bundled_migrations() if m.version < 30])
        assert current_version(db) == 29
        assert "platform_orders" not in table_columns(db, "buyers")
        db.execute("INSERT INTO buyers (shop_id, buyer_id, name, member_id, first_seen) VALUES "
                   "('shopify:s', 'ana@lira.cl', 'Ana Lira', 'm1', ?)", [datetime(2026, 1, 5, tzinfo=UTC)])
        before = db.fetchall("SELECT * FROM buyers")
        migrate(db, tmp_path / "bk")
        assert current_version(db) == bundled_migrations()[-1].version
        for table in ("buyers", "buyers_prior"):
            assert {"platform_orders", "platform_spent"} <= set(table_columns(db, table))
        # every column there before keeps its value; what Shopify said of the buyer is not known yet
        assert db.fetchall("SELECT * EXCLUDE (platform_orders, platform_spent) FROM buyers") == before
        assert db.fetchall("SELECT platform_orders, platform_spent FROM buyers") == [(None, None)]
        assert db.fetchall("SELECT * FROM sk_platform_totals()") == []
    finally:
        db.close()
