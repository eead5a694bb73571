from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import Migration, bundled_migrations, current_version, migrate
from shopkeeper.domain.errors import DamagedShopFileError, NewerShopFileError, ShopLockedError


def test_fresh_shop_gets_every_migration(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "s.duckdb")
    applied = migrate(db, tmp_path / "bk")
    assert applied == [m.version for m in bundled_migrations()]
    assert current_version(db) == len(applied)
    assert migrate(db, tmp_path / "bk") == []
    # A brand-new file has nothing to lose, so no backup is made.
    assert not (tmp_path / "bk").exists()
    db.close()


def test_backup_is_taken_before_upgrading_a_shop_with_data(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    db = Database.open(path)
    migrate(db, tmp_path / "bk")
    db.execute("INSERT INTO shop_settings VALUES ('shop_name', 'Tea house')")
    extra = [*bundled_migrations(), Migration(len(bundled_migrations()) + 1, "x", "CREATE TABLE notes (t VARCHAR);")]
    migrate(db, tmp_path / "bk", extra)
    db.close()
    backups = list((tmp_path / "bk").glob("*.duckdb"))
    assert len(backups) == 1
    old = duckdb.connect(str(backups[0]), read_only=True)
    assert old.execute("SELECT value FROM shop_settings").fetchall() == [("Tea house",)]
    assert old.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'notes'").fetchone() == (0,)
    old.close()


def test_failed_migration_leaves_shop_at_old_version(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "s.duckdb")
    migrate(db, tmp_path / "bk")
    version = current_version(db)
    broken = [
        *bundled_migrations(),
        Migration(version + 1, "broken", "CREATE TABLE half_done (a INT); SELECT * FROM no_such_table;"),
    ]
    with pytest.raises(duckdb.Error):
        migrate(db, tmp_path / "bk", broken)
    assert current_version(db) == version
    assert db.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name = 'half_done'") == 0
    db.close()


def test_newer_shop_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    db = Database.open(path)
    migrate(db, tmp_path / "bk")
    db.execute("INSERT INTO schema_version VALUES (999, '0999_future.sql', '9.0', now())")
    with pytest.raises(NewerShopFileError) as caught:
        migrate(db, tmp_path / "bk")
    assert "newer Shopkeeper" in str(caught.value)
    assert current_version(db) == 999
    db.close()


def test_not_a_shop_file_gets_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "orders.duckdb"
    path.write_text("Name,Email\n#1001,a@example.com\n", encoding="utf-8")
    with pytest.raises(DamagedShopFileError) as caught:
        Database.open(path)
    assert "not a Shopkeeper shop file" in str(caught.value)
    assert path.read_text(encoding="utf-8").startswith("Name,Email")


def test_second_process_gets_plain_lock_message(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); time.sleep(30)",
         str(path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(ShopLockedError) as caught:
            Database.open(path)
        assert "already open" in str(caught.value)
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()


def test_connection_is_offline(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "s.duckdb")
    settings = dict(db.fetchall(
        "SELECT name, value FROM duckdb_settings() WHERE name IN "
        "('autoinstall_known_extensions', 'autoload_known_extensions', 'python_enable_replacements')"
    ))
    assert settings == {
        "autoinstall_known_extensions": "false",
        "autoload_known_extensions": "false",
        "python_enable_replacements": "false",
    }
    db.close()
