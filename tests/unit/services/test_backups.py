"""Backups made by themselves and restores that give back exactly the shop that was backed up."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.db.shop_backups import backups_of, check_backup, restore_advice
from shopkeeper.domain.backup_retention import RETENTION, BackupKind, KeptBackup, to_prune
from shopkeeper.domain.errors import DamagedShopFileError, DiskFullError, NewerShopFileError, ShopLockedError
from shopkeeper.services.backups import back_up, back_up_daily_if_due, list_backups, restore_backup, write_backup
from shopkeeper.services.imports import import_paths
from shopkeeper.services.shop_files import open_shop
from shopkeeper.services.stats import shop_stats
from tests.unit.faults.shop_states import write_orders

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def every_table(shop: Path) -> dict[str, Any]:
    """Every row of every table of the shop, in a stable order, and its headline figures."""
    db = Database.open(shop, read_only=True)
    try:
        tables = [row[0] for row in db.fetchall(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() "
            "AND table_type = 'BASE TABLE' ORDER BY table_name")]
        state: dict[str, Any] = {name: db.fetchall(f'SELECT * FROM "{name}" ORDER BY ALL') for name in tables}
        state["(stats)"] = shop_stats(db)
        return state
    finally:
        db.close()


def _damage(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(size // 3)
        fh.write(b"\xff" * (size // 3))


def _opened(shop: Path) -> Database:
    """The shop opened with its rules installed, and no daily backup (open_shop makes one)."""
    db = Database.open(shop)
    migrate(db, shop.parent / "backups")
    return db


@pytest.fixture
def trading_shop(tmp_path: Path) -> Path:
    """A shop with 300 imported orders, closed."""
    shop = tmp_path / "shop.duckdb"
    db = open_shop(shop, backups_dir=tmp_path / "backups", today=date(2026, 12, 2))
    try:
        import_paths(db, [write_orders(tmp_path / "orders_export.csv", 300)], workdir=tmp_path / "work")
        db.checkpoint()
    finally:
        db.close()
    return shop


# -- retention --------------------------------------------------------------------------------------

def test_automatic_backups_are_pruned_by_count_and_age_but_the_newest_of_each_kind_stays() -> None:
    rule = RETENTION[BackupKind.BEFORE_IMPORT]
    recent = [KeptBackup(f"import-{n}", BackupKind.BEFORE_IMPORT, NOW - timedelta(hours=n))
              for n in range(rule.keep_at_most + 3)]
    assert to_prune(recent, NOW) == [f"import-{n}" for n in range(rule.keep_at_most, rule.keep_at_most + 3)]

    ancient = [KeptBackup("daily-old", BackupKind.DAILY, NOW - timedelta(days=400)),
               KeptBackup("daily-older", BackupKind.DAILY, NOW - timedelta(days=401))]
    assert to_prune(ancient, NOW) == ["daily-older"]  # a shop unopened for a year keeps its last daily


def test_the_sellers_own_backups_and_upgrade_backups_are_never_pruned() -> None:
    kept = [KeptBackup(f"{kind}-{n}", kind, NOW - timedelta(days=1000 + n))
            for kind in (BackupKind.MANUAL, BackupKind.BEFORE_UPGRADE) for n in range(50)]
    assert to_prune(kept, NOW) == []


def test_a_folder_of_backups_is_pruned_on_the_next_backup(trading_shop: Path) -> None:
    folder = trading_shop.parent / "backups"
    shutil.rmtree(folder, ignore_errors=True)
    db = _opened(trading_shop)
    try:
        for n in range(12):
            back_up(db, folder, BackupKind.BEFORE_IMPORT, now=NOW + timedelta(minutes=n))
        back_up(db, folder, BackupKind.MANUAL, now=NOW - timedelta(days=900))
    finally:
        db.close()
    kinds = [b.kind for b in backups_of(trading_shop, folder)]
    assert kinds.count(BackupKind.BEFORE_IMPORT) == RETENTION[BackupKind.BEFORE_IMPORT].keep_at_most
    assert kinds.count(BackupKind.MANUAL) == 1
    newest = backups_of(trading_shop, folder)[0]
    assert newest.taken_at == NOW + timedelta(minutes=11)


# -- automatic backups ----------------------------------------------------------------------------

def test_an_import_backs_up_the_shop_as_it_was_before(trading_shop: Path, tmp_path: Path) -> None:
    before = every_table(trading_shop)
    folder = trading_shop.parent / "backups"
    shutil.rmtree(folder, ignore_errors=True)
    db = _opened(trading_shop)
    try:
        outcomes = import_paths(db, [write_orders(tmp_path / "more.csv", 50, first=90_000)], workdir=tmp_path / "w")
        assert all(o.ok for o in outcomes)
    finally:
        db.close()
    made = backups_of(trading_shop, folder)
    assert [b.kind for b in made] == [BackupKind.BEFORE_IMPORT]
    assert every_table(made[0].path) == before
    assert every_table(trading_shop) != before


def test_a_new_empty_shop_is_not_backed_up_before_its_first_import(tmp_path: Path) -> None:
    db = open_shop(tmp_path / "new.duckdb", backups_dir=tmp_path / "backups", today=date(2026, 12, 2))
    try:
        import_paths(db, [write_orders(tmp_path / "orders_export.csv", 5)], workdir=tmp_path / "w")
    finally:
        db.close()
    assert backups_of(tmp_path / "new.duckdb") == []


def test_the_first_open_of_a_day_backs_up_once(trading_shop: Path) -> None:
    folder = trading_shop.parent / "backups"
    shutil.rmtree(folder, ignore_errors=True)
    for _ in range(2):
        open_shop(trading_shop, backups_dir=folder).close()
    assert [b.kind for b in backups_of(trading_shop)] == [BackupKind.DAILY]

    tomorrow = datetime.now(UTC) + timedelta(days=1)
    db = _opened(trading_shop)
    try:
        assert back_up_daily_if_due(db, now=tomorrow) is not None
        assert back_up_daily_if_due(db, now=tomorrow) is None
    finally:
        db.close()
    assert [b.kind for b in backups_of(trading_shop)] == [BackupKind.DAILY, BackupKind.DAILY]


# -- restore --------------------------------------------------------------------------------------

def test_a_restored_shop_equals_the_shop_backed_up_and_the_replaced_shop_is_kept(
        trading_shop: Path, tmp_path: Path) -> None:
    original = every_table(trading_shop)
    db = _opened(trading_shop)
    try:
        backup = back_up(db, tmp_path / "elsewhere", BackupKind.MANUAL, verify=True)
        import_paths(db, [write_orders(tmp_path / "more.csv", 40, first=50_000)], workdir=tmp_path / "w")
        db.execute("UPDATE shop_settings SET value = 'changed' WHERE key = 'shop_name'")
        db.execute("INSERT INTO shop_settings VALUES ('after_backup', 'yes')")
    finally:
        db.close()
    changed = every_table(trading_shop)
    assert changed != original

    done = restore_backup(backup, trading_shop)
    assert every_table(trading_shop) == original
    assert done.kept is not None and done.kept.parent == trading_shop.parent / "backups"
    assert every_table(done.kept) == changed
    assert (done.backup.orders, done.backup.members) == (original["(stats)"]["orders"], original["(stats)"]["members"])


def test_the_command_line_round_trip_gives_identical_stats(trading_shop: Path, tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "shopkeeper", *args], capture_output=True, text=True, timeout=120)

    stats_before = run("stats", "--json", "--db", str(trading_shop))
    made = run("backup", "--db", str(trading_shop), "--to", str(tmp_path / "usb"))
    assert made.returncode == 0, made.stderr
    backup = next((tmp_path / "usb").glob("shop-manual-*.duckdb"))
    assert str(backup) in made.stdout
    assert run("import", "--db", str(trading_shop), str(write_orders(tmp_path / "x.csv", 30, first=60_000))).returncode == 0
    assert run("stats", "--json", "--db", str(trading_shop)).stdout != stats_before.stdout

    restored = run("restore", str(backup), "--db", str(trading_shop))
    assert restored.returncode == 0, restored.stderr
    assert "The shop as it was is kept in" in restored.stdout
    assert run("stats", "--json", "--db", str(trading_shop)).stdout == stats_before.stdout


def _refused_unchanged(backup: Path, shop: Path, error: type[Exception], words: str) -> None:
    before = _digest(shop)
    kept_before = sorted(p.name for p in (shop.parent / "backups").glob("*"))
    with pytest.raises(error) as caught:
        restore_backup(backup, shop)
    assert words in str(caught.value)
    assert _digest(shop) == before
    assert sorted(p.name for p in (shop.parent / "backups").glob("*")) == kept_before


def test_a_damaged_backup_is_refused_before_anything_is_replaced(trading_shop: Path, tmp_path: Path) -> None:
    backup = tmp_path / "damaged.duckdb"
    shutil.copy2(trading_shop, backup)
    _damage(backup)
    size = backup.stat().st_size
    _refused_unchanged(backup, trading_shop, DamagedShopFileError, "is damaged")

    truncated = tmp_path / "truncated.duckdb"
    shutil.copy2(trading_shop, truncated)
    with truncated.open("r+b") as fh:
        fh.truncate(size // 2)
    _refused_unchanged(truncated, trading_shop, DamagedShopFileError, "Nothing was restored")

    stranger = tmp_path / "notes.csv.duckdb"
    stranger.write_text("order,total\n1,2\n")
    _refused_unchanged(stranger, trading_shop, DamagedShopFileError, "not a backup of a Shopkeeper shop")


def test_a_backup_from_a_newer_shopkeeper_is_refused(trading_shop: Path, tmp_path: Path) -> None:
    backup = tmp_path / "newer.duckdb"
    shutil.copy2(trading_shop, backup)
    db = Database.open(backup)
    db.execute("INSERT INTO schema_version VALUES (9999, '9999_future.sql', '99.0', now())")
    db.close()
    _refused_unchanged(backup, trading_shop, NewerShopFileError, "newer Shopkeeper")


def test_a_shop_open_in_another_process_is_not_replaced(trading_shop: Path, tmp_path: Path) -> None:
    backup = tmp_path / "b.duckdb"
    shutil.copy2(trading_shop, backup)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('open', flush=True);"
         " time.sleep(60)", str(trading_shop)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        _refused_unchanged(backup, trading_shop, ShopLockedError, "already open")
        made = subprocess.run([sys.executable, "-m", "shopkeeper", "backup", "--db", str(trading_shop)],
                              capture_output=True, text=True, timeout=60)
        assert made.returncode == 2
        assert "already open" in made.stderr and "Traceback" not in made.stderr
    finally:
        holder.kill()
        holder.communicate()


def test_the_damaged_shop_advice_names_the_newest_backup_that_reads_whole(trading_shop: Path) -> None:
    folder = trading_shop.parent / "backups"
    shutil.rmtree(folder, ignore_errors=True)
    db = _opened(trading_shop)
    try:
        good = back_up(db, folder, BackupKind.DAILY, now=NOW)
        bad = back_up(db, folder, BackupKind.BEFORE_IMPORT, now=NOW + timedelta(hours=1))
    finally:
        db.close()
    _damage(bad)
    advice = restore_advice(trading_shop)
    assert advice.code == "shop.restore.latest_good_backup"
    assert advice.params["backup"] == str(good)
    listed = list_backups(trading_shop)
    assert len(listed) == 2


# -- a full disk ------------------------------------------------------------------------------------

def _copy_until_full(source: Path, target: Path, **_kw: object) -> None:
    """A copy that stops part-way with ENOSPC, as it would on a full disk."""
    with open(source, "rb") as src, open(target, "wb") as dst:
        dst.write(src.read(64 * 1024))
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shopkeeper.db.shop_backups.shutil.copyfile", _copy_until_full)


def test_a_full_disk_during_a_backup_says_so_and_keeps_the_shop_and_older_backups(
        trading_shop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = trading_shop.parent / "backups"
    older = {p: _digest(p) for p in folder.glob("*.duckdb")}
    shop_before = every_table(trading_shop)
    db = _opened(trading_shop)
    try:
        with monkeypatch.context() as patch:
            patch.setattr("shopkeeper.db.shop_backups.shutil.copyfile", _copy_until_full)
            with pytest.raises(DiskFullError) as caught:
                write_backup(db, folder / "shop-manual-20261202-120000.duckdb")
            assert "is full: there is no room for the backup" in str(caught.value) and "The shop was not changed" in str(caught.value)
            with pytest.raises(DiskFullError) as refused:
                import_paths(db, [write_orders(tmp_path / "more.csv", 10, first=80_000)], workdir=tmp_path / "w")
            assert "nothing was imported" in str(refused.value)
        assert shop_stats(db) == shop_before["(stats)"]
    finally:
        db.close()
    assert every_table(trading_shop) == shop_before
    assert {p: _digest(p) for p in folder.glob("*.duckdb")} == older
    assert list(folder.glob("*.partial")) == []


def test_a_full_disk_during_a_restore_keeps_the_shop(
        trading_shop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    backup = tmp_path / "b.duckdb"
    shutil.copy2(trading_shop, backup)
    monkeypatch.setattr("shopkeeper.db.shop_backups.shutil.copyfile", _copy_until_full)
    _refused_unchanged(backup, trading_shop, DiskFullError, "is full")


def test_a_failed_daily_backup_never_stops_the_shop_opening(trading_shop: Path, full_disk: None) -> None:
    shutil.rmtree(trading_shop.parent / "backups", ignore_errors=True)
    db = open_shop(trading_shop, backups_dir=trading_shop.parent / "backups", today=date(2027, 1, 5))
    try:
        assert shop_stats(db)["orders"] == 300
    finally:
        db.close()
    assert backups_of(trading_shop) == []


def test_a_killed_backups_leftover_is_removed_by_a_later_backup(trading_shop: Path) -> None:
    folder = trading_shop.parent / "backups"
    folder.mkdir(exist_ok=True)
    leftover = folder / "shop-before-import-20261201-000000.duckdb.partial"
    leftover.write_bytes(b"half a copy")
    old = time.time() - 3600
    os.utime(leftover, (old, old))
    db = _opened(trading_shop)
    try:
        back_up(db, folder, BackupKind.MANUAL)
    finally:
        db.close()
    assert not leftover.exists()
    assert all(check_backup(b.path).orders == 300 for b in backups_of(trading_shop))


def test_an_automatic_backup_is_skipped_rather_than_filling_a_nearly_full_disk(
        trading_shop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = trading_shop.parent / "backups"
    shutil.rmtree(folder, ignore_errors=True)
    size = trading_shop.stat().st_size
    real = shutil.disk_usage

    def nearly_full(path: object) -> object:
        usage = real(path)  # type: ignore[arg-type]
        return usage._replace(free=2 * size)  # room for the copy, not for the shop to grow after it

    monkeypatch.setattr("shopkeeper.services.backups.shutil.disk_usage", nearly_full)
    db = _opened(trading_shop)
    try:
        outcomes = import_paths(db, [write_orders(tmp_path / "more.csv", 10, first=80_000)], workdir=tmp_path / "w")
        assert all(o.ok for o in outcomes)  # the import goes on as it would have without backups
        assert back_up_daily_if_due(db) is None
        assert back_up(db, folder, BackupKind.MANUAL).exists()  # the seller's own backup is still made
    finally:
        db.close()
    assert [b.kind for b in backups_of(trading_shop)] == [BackupKind.MANUAL]


def test_a_backup_from_an_older_shopkeeper_is_restored_and_upgraded_on_the_next_open(
        trading_shop: Path, tmp_path: Path) -> None:
    from shopkeeper.db.migrate import bundled_migrations, current_version, latest_data_version

    older = tmp_path / "older" / "shop.duckdb"
    older.parent.mkdir()
    db = Database.open(older)
    migrate(db, older.parent / "backups", bundled_migrations()[:12])
    db.execute("INSERT INTO shop_settings VALUES ('shop_name', 'Tea house 2025')")
    db.checkpoint()
    db.close()
    assert check_backup(older).version == 12

    restore_backup(older, trading_shop)
    db = open_shop(trading_shop, backups_dir=trading_shop.parent / "backups")
    try:
        assert current_version(db) == latest_data_version()
        assert db.scalar("SELECT value FROM shop_settings WHERE key = 'shop_name'") == "Tea house 2025"
    finally:
        db.close()
    kinds = {b.kind for b in backups_of(trading_shop)}
    assert {BackupKind.BEFORE_RESTORE, BackupKind.BEFORE_UPGRADE} <= kinds
