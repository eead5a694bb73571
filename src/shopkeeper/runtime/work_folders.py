"""Work folders for imports in the cache, and the removal of those a killed import left behind.

An import transcodes and unpacks into its own `shopkeeper-import-*` folder (a
GBK file's UTF-8 copy alone can be 66 MB). The process using a folder holds a
lock on the `owner.lock` file inside it while it runs; the operating system
drops that lock when the process ends, however it ends (SIGKILL included), so
a folder whose lock can be taken is a leftover. A folder younger than a minute
is never touched: its owner may not have taken its lock yet. Folders without
a lock file (made by an older Shopkeeper, or the window's `import-*` and
`mapping-*` ones) are removed once they are a day old.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

PREFIX = "shopkeeper-import-"
_OTHER_PREFIXES = ("import-", "mapping-")  # the window's work folders before they took locks
LOCK_NAME = "owner.lock"
_YOUNG_S = 60.0
_LOCKLESS_STALE_S = 24 * 3600.0


@contextmanager
def work_folder(cache_dir: Path, prefix: str = PREFIX) -> Iterator[Path]:
    """A fresh folder in the cache, locked as this process's for as long as the block runs."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=cache_dir))
    lock = (folder / LOCK_NAME).open("wb")
    try:
        if not _try_lock(lock):
            log.warning("could not lock the work folder %s", folder)
        yield folder
    finally:
        lock.close()
        shutil.rmtree(folder, ignore_errors=True)


def remove_stale_work_folders(cache_dir: Path, *, now: float | None = None) -> list[Path]:
    """Remove the work folders of imports that are no longer running; returns those removed."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        candidates = [p for p in cache_dir.iterdir() if p.is_dir() and p.name.startswith((PREFIX, *_OTHER_PREFIXES))]
    except OSError:
        return removed
    for folder in candidates:
        try:
            if _is_stale(folder, now) and _remove(folder):
                removed.append(folder)
        except OSError:
            log.warning("could not clean up the work folder %s", folder, exc_info=True)
    if removed:
        log.info("removed %d work folder(s) left by imports that did not finish", len(removed))
    return removed


def _is_stale(folder: Path, now: float) -> bool:
    age = now - folder.stat().st_mtime
    if age < _YOUNG_S:
        return False
    lock_file = folder / LOCK_NAME
    if not lock_file.exists():
        return age > _LOCKLESS_STALE_S
    with lock_file.open("r+b") as lock:
        return _try_lock(lock)  # closing the file lets go of the lock again


def _remove(folder: Path) -> bool:
    shutil.rmtree(folder, ignore_errors=True)
    return not folder.exists()


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fh: BinaryIO) -> bool:
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fh: BinaryIO) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


__all__ = ["LOCK_NAME", "PREFIX", "remove_stale_work_folders", "work_folder"]
