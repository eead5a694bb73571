"""A shop saved before change sets (data version 2) opens with its imports on the undo stack."""

from __future__ import annotations

from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import bundled_migrations, current_version, migrate
from shopkeeper.domain.messages import Message
from shopkeeper.services.change_sets import undo, undo_redo_state
from shopkeeper.services.imports import list_imports
from shopkeeper.services.stats import shop_stats


def _version_2_shop(path: Path, backups: Path) -> None:
    db = Database.open(path)
    migrate(db, backups, [m for m in bundled_migrations() if m.version <= 2])
    assert current_version(db) == 2
    # Two imports, the first undone, as the version-2 importer left them.
    db.execute("SELECT nextval('import_batch_seq'), nextval('import_batch_seq')")
    db.execute(
        "INSERT INTO import_batches (batch_id, file_name, file_path, content_hash, platform, kind, shop_id,"
        " rows_read, rows_added, imported_at, undone_at) VALUES"
        " (1, 'old \"orders\".csv', '/x/old.csv', 'h1', 'shopify', 'orders', 'shopify:Shopify', 3, 3,"
        "  TIMESTAMPTZ '2026-01-05 10:00:00+08', TIMESTAMPTZ '2026-01-06 10:00:00+08'),"
        " (2, 'products_export.csv', '/x/p.csv', 'h2', 'shopify', 'products', 'shopify:Shopify', 1, 1,"
        "  TIMESTAMPTZ '2026-02-01 09:00:00+08', NULL)")
    db.execute("INSERT INTO variants (sku, product_id, price, cost, currency, batch_id)"
               " VALUES ('CL-MUG-RUS-OAT', 'mug', 80, 38.67, 'USD', 2)")
    db.close()


def test_a_version_2_shop_migrates_with_its_imports_as_change_sets(tmp_path: Path) -> None:
    path = tmp_path / "shop.duckdb"
    _version_2_shop(path, tmp_path / "backups")
    db = Database.open(path)
    try:
        applied = migrate(db, tmp_path / "backups")
        assert applied[-1] == bundled_migrations()[-1].version
        assert list((tmp_path / "backups").glob("*-v2-before-upgrade-*.duckdb"))
        assert [b.batch_id for b in list_imports(db)] == [2, 1]
        assert shop_stats(db)["imports"] == 1
        assert db.fetchall("SELECT change_set_id, action FROM change_events ORDER BY ALL") == [
            (1, "do"), (1, "undo"), (2, "do")]
        # The active import is on the undo stack; the one undone before the upgrade cannot be redone.
        assert undo_redo_state(db).undo == Message("change.import", {"file": "products_export.csv"})
        assert undo_redo_state(db).redo is None
        assert db.scalar("SELECT label_params FROM import_batches WHERE batch_id = 1") == (
            '{"file":"old \\"orders\\".csv"}')
        undo(db, who="mei")
        assert db.scalar("SELECT count(*) FROM variants") == 0
        assert undo_redo_state(db).redo == Message("change.import", {"file": "products_export.csv"})
        # New change sets continue the old numbering.
        assert int(db.scalar("SELECT nextval('import_batch_seq')")) == 3
    finally:
        db.close()
