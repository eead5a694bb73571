"""A shop file that is damaged, foreign or missing: one plain line, a non-zero exit, and not a byte written."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import duckdb
import pytest

from shopkeeper.db.database import Database
from shopkeeper.domain.errors import DamagedShopFileError, NotAShopFileError
from shopkeeper.services.shop_files import open_shop
from tests.unit.faults.shop_states import shopkeeper, write_orders


@pytest.fixture(scope="module")
def real_shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A shop of ~9 MB with 30,000 imported orders (every block of it holds data)."""
    folder = tmp_path_factory.mktemp("real-shop")
    shop = folder / "shop.duckdb"
    with pytest.MonkeyPatch.context() as env:  # module scope runs before the per-test private home
        env.setenv("SHOPKEEPER_HOME", str(folder / "home"))
        done = shopkeeper("import", "--db", str(shop), str(write_orders(folder / "orders_export.csv", 30_000)))
    assert done.returncode == 0, done.stderr
    return shop


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _copy(shop: Path, tmp_path: Path) -> Path:
    target = tmp_path / "shop.duckdb"
    shutil.copy2(shop, target)
    return target


def _truncated(shop: Path) -> None:
    os.truncate(shop, shop.stat().st_size // 2)


def _overwritten(shop: Path) -> None:
    size = shop.stat().st_size
    with shop.open("r+b") as fh:
        fh.seek(size // 3)
        fh.write(os.urandom(size // 3))


def _assert_one_plain_line(result: object, *needles: str) -> None:
    lines = result.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert result.returncode == 2, result.stderr  # type: ignore[attr-defined]
    assert len(lines) == 1 and lines[0].startswith("shopkeeper: "), result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in result.stderr  # type: ignore[attr-defined]
    for needle in needles:
        assert needle in lines[0]


@pytest.mark.parametrize("damage", [_truncated, _overwritten], ids=["truncated", "overwritten"])
def test_a_damaged_shop_is_refused_by_stats_and_import_and_not_written(
        real_shop: Path, tmp_path: Path, damage: object) -> None:
    shop = _copy(real_shop, tmp_path)
    damage(shop)  # type: ignore[operator]
    before = _digest(shop)
    more = write_orders(tmp_path / "more_orders.csv", 20, first=900_000)

    for args in (("stats", "--json"), ("import", str(more))):
        result = shopkeeper(*args, "--db", str(shop))
        _assert_one_plain_line(result, "is damaged and cannot be read", "It was not changed",
                               f'There is no backup of it in "{tmp_path / "backups"}"')
        assert result.stdout == ""
        assert _digest(shop) == before
        assert not shop.with_name(shop.name + ".wal").exists()


def test_the_way_out_names_the_latest_backup(real_shop: Path, tmp_path: Path) -> None:
    shop = _copy(real_shop, tmp_path)
    backups = tmp_path / "backups"
    backups.mkdir()
    older = backups / "shop-v1-before-upgrade-20250101-000000.duckdb"
    newer = backups / "shop-20260301-1200.duckdb"
    for n, backup in enumerate((older, newer)):
        shutil.copy2(real_shop, backup)
        os.utime(backup, (1_700_000_000 + n * 1000, 1_700_000_000 + n * 1000))
    _truncated(shop)

    result = shopkeeper("stats", "--db", str(shop))
    _assert_one_plain_line(result, f'Its latest good backup is "{newer}"', f'shopkeeper restore "{newer}" --db "{shop}"')


def test_the_way_out_skips_a_damaged_backup_for_the_latest_good_one(real_shop: Path, tmp_path: Path) -> None:
    shop = _copy(real_shop, tmp_path)
    backups = tmp_path / "backups"
    backups.mkdir()
    good = backups / "shop-daily-20260301-120000.duckdb"
    damaged = backups / "shop-before-import-20260302-120000.duckdb"
    for backup in (good, damaged):
        shutil.copy2(real_shop, backup)
    _overwritten(damaged)
    _truncated(shop)

    result = shopkeeper("stats", "--db", str(shop))
    _assert_one_plain_line(result, f'Its latest good backup is "{good}"')
    assert str(damaged) not in result.stderr

    restored = shopkeeper("restore", str(good), "--db", str(shop))
    assert restored.returncode == 0, restored.stderr
    assert shopkeeper("stats", "--json", "--db", str(shop)).stdout == \
        shopkeeper("stats", "--json", "--db", str(real_shop)).stdout


def test_a_damaged_shop_is_refused_before_the_window_or_a_migration_writes(real_shop: Path, tmp_path: Path) -> None:
    shop = _copy(real_shop, tmp_path)
    _overwritten(shop)
    before = _digest(shop)
    with pytest.raises(DamagedShopFileError) as caught:
        open_shop(shop, backups_dir=tmp_path / "backups")
    assert "damaged" in str(caught.value)
    assert _digest(shop) == before


def test_another_programs_duckdb_file_is_refused_never_migrated(tmp_path: Path) -> None:
    stranger = tmp_path / "accounts.duckdb"
    con = duckdb.connect(str(stranger))
    con.execute("CREATE TABLE invoices (number VARCHAR, amount DECIMAL(18,2))")
    con.execute("INSERT INTO invoices VALUES ('A-1', 12.50)")
    con.close()
    before = _digest(stranger)
    orders = write_orders(tmp_path / "orders_export.csv", 5)

    for args in (("stats",), ("import", str(orders))):
        _assert_one_plain_line(shopkeeper(*args, "--db", str(stranger)), "not a Shopkeeper shop", "not changed")
        assert _digest(stranger) == before
    with pytest.raises(NotAShopFileError):
        open_shop(stranger, backups_dir=tmp_path / "backups")
    assert not (tmp_path / "backups").exists()
    con = duckdb.connect(str(stranger), read_only=True)
    assert con.execute("SELECT table_name FROM information_schema.tables").fetchall() == [("invoices",)]
    con.close()


def test_stats_on_a_missing_shop_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "shop.duckdb"
    result = shopkeeper("stats", "--json", "--db", str(missing))
    _assert_one_plain_line(result, f'There is no shop file at "{missing}"')
    assert not missing.parent.exists()


def test_a_new_shop_whose_first_migration_failed_is_still_ours(tmp_path: Path) -> None:
    # The first migration failing leaves a bare schema_version table: that file is ours to finish.
    shop = tmp_path / "shop.duckdb"
    db = Database.open(shop)
    db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
               "app_version VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)")
    db.close()
    open_shop(shop, backups_dir=tmp_path / "backups").close()
    assert shopkeeper("stats", "--json", "--db", str(shop)).returncode == 0


def test_the_window_on_a_damaged_shop_says_so_and_exits_non_zero(real_shop: Path, tmp_path: Path) -> None:
    shop = _copy(real_shop, tmp_path)
    _overwritten(shop)
    before = _digest(shop)
    picture = tmp_path / "window.png"
    result = shopkeeper("--db", str(shop), "--screenshot", str(picture))
    _assert_one_plain_line(result, "is damaged and cannot be read")
    assert not picture.exists()
    assert _digest(shop) == before
