"""Backups and restores cut short (SIGKILL at random moments, a failure at every step): nothing is lost.

After each: the shop is exactly as before or (a restore) exactly the backup;
every backup that was there is byte for byte as it was; and no file under a
backup's name is a half copy (each reads whole), so the next restore can trust
any of them.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from shopkeeper.db.shop_backups import check_backup
from shopkeeper.services.backups import restore_backup
from tests.unit.faults.shop_states import shop_state, shopkeeper, shopkeeper_cmd, write_orders

SEED = int(os.environ.get("SHOPKEEPER_KILL_SEED", "20261202"))
KILLS = 6


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: _digest(p) for p in sorted(folder.glob("*.duckdb"))}


def _every_backup_reads_whole(folder: Path) -> None:
    for backup in folder.glob("*.duckdb"):
        check_backup(backup)


@pytest.fixture(scope="module")
def shops(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A shop of 20,000 orders and a backup of it from before its last 5,000 (a different state)."""
    folder = tmp_path_factory.mktemp("kill-shops")
    shop = folder / "shop.duckdb"
    with pytest.MonkeyPatch.context() as env:  # module scope runs before the per-test private home
        env.setenv("SHOPKEEPER_HOME", str(folder / "home"))
        assert shopkeeper("import", "--db", str(shop), str(write_orders(folder / "a.csv", 15_000))).returncode == 0
        older = folder / "older.duckdb"
        shutil.copy2(shop, older)
        more = write_orders(folder / "orders_export.csv", 5_000, first=500_000)
        assert shopkeeper("import", "--db", str(shop), str(more)).returncode == 0
    shutil.rmtree(folder / "backups", ignore_errors=True)
    return shop, older


def _killed(args: list[str], delay: float) -> bool:
    proc = subprocess.Popen(shopkeeper_cmd(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(delay)
    signalled = proc.poll() is None
    if signalled:
        proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=120)
    return signalled


def _timed(args: list[str]) -> float:
    started = time.monotonic()
    done = shopkeeper(*args)
    assert done.returncode == 0, done.stderr
    return time.monotonic() - started


@pytest.mark.slow
def test_a_killed_backup_leaves_the_shop_and_earlier_backups_intact(shops: tuple[Path, Path], tmp_path: Path) -> None:
    source, _older = shops
    shop = tmp_path / "shop.duckdb"
    shutil.copy2(source, shop)
    before = shop_state(shop)
    folder = tmp_path / "usb"
    run_time = _timed(["backup", "--db", str(shop), "--to", str(folder)])
    rng = random.Random(SEED)
    for n in range(KILLS):
        earlier = _digests(folder)
        delay = run_time * rng.uniform(0.2, 1.1)
        where = f"SIGKILL after {delay:.2f} s of {run_time:.2f} s (seed {SEED}, kill {n})"
        _killed(["backup", "--db", str(shop), "--to", str(folder)], delay)
        assert shop_state(shop) == before, where
        now = _digests(folder)
        assert {name: now.get(name) for name in earlier} == earlier, where
        _every_backup_reads_whole(folder)


@pytest.mark.slow
def test_a_killed_restore_leaves_the_shop_before_or_restored_and_every_backup_intact(
        shops: tuple[Path, Path], tmp_path: Path) -> None:
    source, older = shops
    backup = tmp_path / "older.duckdb"
    shutil.copy2(older, backup)
    restored_state = shop_state(backup)
    shop = tmp_path / "shop.duckdb"
    shutil.copy2(source, shop)
    before = shop_state(shop)
    assert before != restored_state
    run_time = _timed(["restore", str(backup), "--db", str(shop)])
    backups = shop.parent / "backups"

    rng = random.Random(SEED + 1)
    for n in range(KILLS):
        shutil.copy2(source, shop)
        shutil.rmtree(backups)  # each run starts from the same earlier backups (retention prunes older restores')
        backups.mkdir()
        shutil.copy2(older, backups / "shop-daily-20261201-090000.duckdb")
        shutil.copy2(source, backups / "shop-manual-20261201-100000.duckdb")
        earlier = {**_digests(backups), "older": _digest(backup)}
        delay = run_time * rng.uniform(0.2, 1.1)
        where = f"SIGKILL after {delay:.2f} s of {run_time:.2f} s (seed {SEED + 1}, kill {n})"
        _killed(["restore", str(backup), "--db", str(shop)], delay)
        assert shop_state(shop) in (before, restored_state), where
        now = {**_digests(backups), "older": _digest(backup)}
        assert {name: now.get(name) for name in earlier} == earlier, where
        _every_backup_reads_whole(backups)
        again = shopkeeper("restore", str(backup), "--db", str(shop))
        assert again.returncode == 0, f"{where}: {again.stderr}"
        assert shop_state(shop) == restored_state, where


@pytest.mark.parametrize("step", range(6))
def test_a_restore_failing_at_any_step_keeps_the_shop_or_restores_it_whole(
        shops: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: int) -> None:
    """Each copy, sync and rename of a restore in turn fails (as a kill or a failing disk would stop it there)."""
    source, older = shops
    shop = tmp_path / "shop.duckdb"
    shutil.copy2(source, shop)
    backup = tmp_path / "older.duckdb"
    shutil.copy2(older, backup)
    before, restored = shop_state(shop), shop_state(backup)
    backup_digest = _digest(backup)

    calls = {"n": 0}

    def failing(real):  # noqa: ANN001, ANN202 - wraps os/shutil functions of several signatures
        def call(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            calls["n"] += 1
            if calls["n"] == step + 1:
                raise KeyboardInterrupt("stopped here")
            return real(*args, **kwargs)
        return call

    import shopkeeper.db.shop_backups as written

    monkeypatch.setattr(written.shutil, "copyfile", failing(shutil.copyfile))
    monkeypatch.setattr(written.os, "replace", failing(os.replace))
    monkeypatch.setattr(written.os, "fsync", failing(os.fsync))
    try:
        restore_backup(backup, shop)
        stopped = False
    except KeyboardInterrupt:
        stopped = True
    monkeypatch.undo()
    assert stopped, f"a restore makes more than {step + 1} copies, syncs and renames"
    assert shop_state(shop) in (before, restored), f"step {step}"
    assert _digest(backup) == backup_digest
    assert list(tmp_path.glob("*.partial")) == [] and list((tmp_path / "backups").glob("*.partial")) == []
    _every_backup_reads_whole(tmp_path / "backups")
