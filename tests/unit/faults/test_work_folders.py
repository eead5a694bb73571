"""Work folders of imports: a killed import's folder is removed at the next start, a running one's never."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from shopkeeper.runtime.work_folders import LOCK_NAME, PREFIX, remove_stale_work_folders, work_folder
from tests.unit.faults.shop_states import shopkeeper

_HOLD = """
import sys, time
from pathlib import Path
from shopkeeper.runtime.work_folders import work_folder
with work_folder(Path(sys.argv[1])) as folder:
    (folder / "transcoded.csv").write_bytes(b"x" * 4096)
    print(folder, flush=True)
    time.sleep(600)
"""

_AN_HOUR_AGO = time.time() - 3600


def _hold_a_work_folder(cache: Path) -> tuple[subprocess.Popen[str], Path]:
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(cache)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None
    return holder, Path(holder.stdout.readline().strip())


def _end(holder: subprocess.Popen[str], how: signal.Signals = signal.SIGKILL) -> None:
    holder.send_signal(how)
    holder.wait(timeout=30)
    assert holder.stdout is not None
    holder.stdout.close()


def _age(folder: Path, when: float) -> None:
    os.utime(folder, (when, when))


def test_a_killed_imports_folder_is_removed_and_a_running_ones_is_kept(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    killed, left = _hold_a_work_folder(cache)
    running, live = _hold_a_work_folder(cache)
    try:
        _end(killed)
        for folder in (left, live):
            _age(folder, _AN_HOUR_AGO)

        assert remove_stale_work_folders(cache) == [left]
        assert not left.exists()
        assert (live / "transcoded.csv").exists()
    finally:
        _end(running)


def test_a_folder_just_made_is_left_alone_until_its_owner_could_have_locked_it(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    young = cache / f"{PREFIX}young"
    young.mkdir(parents=True)
    (young / LOCK_NAME).touch()  # not locked by anyone, but only a moment old
    assert remove_stale_work_folders(cache) == []
    _age(young, _AN_HOUR_AGO)
    assert remove_stale_work_folders(cache) == [young]


def test_folders_without_a_lock_are_removed_once_a_day_old(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    old, recent, other = cache / f"{PREFIX}old", cache / "import-recent", cache / "not-ours"
    for folder in (old, recent, other):
        folder.mkdir(parents=True)
    _age(old, time.time() - 2 * 24 * 3600)
    _age(recent, _AN_HOUR_AGO)
    _age(other, time.time() - 2 * 24 * 3600)
    assert remove_stale_work_folders(cache) == [old]
    assert recent.exists() and other.exists()


def test_this_process_keeps_its_own_folder_and_removes_it_after(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with work_folder(cache) as folder:
        _age(folder, _AN_HOUR_AGO)
        assert remove_stale_work_folders(cache) == []
        assert folder.is_dir()
    assert not folder.exists()


def test_the_command_line_cleans_up_at_start(tmp_path: Path, private_home: Path) -> None:
    cache = private_home / "cache"
    killed, left = _hold_a_work_folder(cache)
    _end(killed)
    _age(left, _AN_HOUR_AGO)
    assert shopkeeper("stats", "--db", str(tmp_path / "none.duckdb")).returncode == 2
    assert not left.exists()
