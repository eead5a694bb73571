"""Backups a seller never has to think of, and the way back from one.

Shopkeeper copies the shop before every migration (db/migrate.py), before every
import, on the first open of each day, and whenever the seller asks. A copy is
the shop file itself, taken on the connection that owns it right after a
CHECKPOINT: this process is the only writer and it is not writing, so the file
on disk is the whole shop and the copy is consistent (benchmarks/README.md has
the numbers that chose a file copy over `COPY FROM DATABASE`). Automatic
backups are pruned by domain/backup_retention.py so they never fill the disk.

A restore checks the backup first (read-only, every block read, a data version
this Shopkeeper knows), keeps the shop it replaces as a `before-restore`
backup, and only then puts the backup in its place, each file through a
temporary name and a rename, so a restore cut short leaves the shop as it was
or as restored and every backup as it was.
"""

from __future__ import annotations

import errno
import logging
import shutil
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from shopkeeper.db.database import Database
from shopkeeper.db.duckdb_files import OFFLINE_CONFIG, environment_error
from shopkeeper.db.migrate import latest_data_version
from shopkeeper.db.shop_backups import (
    PARTIAL,
    backups_dir_for,
    backups_of,
    check_backup,
    free_backup_path,
    write_file_atomically,
)
from shopkeeper.db.shop_backups import BackupInfo as BackupInfo  # the window names backups through here
from shopkeeper.domain.backup_retention import BackupKind, KeptBackup, to_prune
from shopkeeper.domain.errors import DiskFullError, KnownError, ShopLockedError
from shopkeeper.domain.messages import Message

log = logging.getLogger(__name__)

_AUTOMATIC_MARGIN = 64 * 1024 * 1024
# A temporary file older than this is a killed backup's, not one being written by this shop's owner.
_STALE_PARTIAL_S = 60.0


def holds_data(db: Database) -> bool:
    """Whether the shop holds anything a backup would save (a brand-new shop has nothing to lose)."""
    return bool(db.scalar(
        "SELECT EXISTS (FROM orders) OR EXISTS (FROM variants) OR EXISTS (FROM buyers)"))


def shop_backups_dir(shop: Path) -> Path:
    return backups_dir_for(shop, shop.parent)


def write_backup(db: Database, target: Path, *, verify: bool = False) -> Path:
    """Write a consistent copy of the open shop to `target`; the shop is never changed.

    Runs on the thread that owns `db` (the GUI's DB worker): nothing else writes
    between the CHECKPOINT and the end of the copy. `verify` reads the copy whole
    before it counts as a backup (the seller's own backups, which are kept forever).
    """
    if db.path is None:
        raise ValueError("an in-memory shop has no file to back up")
    db.checkpoint()
    try:
        write_file_atomically(db.path, target)
    except OSError as exc:
        raise backup_failed(exc, target) from exc
    if verify:
        try:
            check_backup(target)
        except KnownError:
            target.unlink(missing_ok=True)
            raise
    return target


def backup_failed(exc: OSError, target: Path) -> KnownError:
    """The plain message for a backup that could not be written; the shop itself is untouched by then."""
    where = {"folder": str(target.parent)}
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)) or isinstance(
            environment_error(exc, target), DiskFullError):
        return DiskFullError(Message("shop.backup.disk_full", where))
    return KnownError(Message("shop.backup.cannot_write", {**where, "reason": exc.strerror or str(exc)}))


def back_up(db: Database, folder: Path, kind: BackupKind, *, now: datetime | None = None,
            verify: bool = False) -> Path:
    """A dated backup of the open shop in `folder`, then the folder's automatic backups pruned."""
    assert db.path is not None
    now = now or datetime.now(UTC)
    target = write_backup(db, free_backup_path(folder, db.path.stem, kind, now), verify=verify)
    log.info("backed up %s to %s (%s)", db.path, target, kind.value)
    prune_backups(db.path, folder, now)
    return target


def room_for_automatic_backup(shop: Path, folder: Path) -> bool:
    """Whether an automatic backup leaves the disk the room the shop itself needs.

    A backup Shopkeeper takes by itself must never be what fills the disk: it
    needs the shop's size, and must leave as much again (an import and its
    checkpoint grow the shop) plus a margin. Without that room it is skipped, and
    the import or the open goes on as it would have without backups.
    """
    try:
        size = shop.stat().st_size
        probe = folder if folder.exists() else shop.parent
        return shutil.disk_usage(probe).free >= 2 * size + _AUTOMATIC_MARGIN
    except OSError:
        return False


def back_up_before_import(db: Database, *, now: datetime | None = None) -> Path | None:
    """The rolling backup taken before an import; None for a shop with nothing to lose (or no file, or no room)."""
    if db.path is None or not holds_data(db):
        return None
    folder = shop_backups_dir(db.path)
    if not room_for_automatic_backup(db.path, folder):
        log.warning("no backup of %s before this import: the disk is nearly full", db.path)
        return None
    return back_up(db, folder, BackupKind.BEFORE_IMPORT, now=now)


def back_up_daily_if_due(db: Database, *, now: datetime | None = None) -> Path | None:
    """The first open of a (local, calendar) day backs the shop up; a failure is logged, never a reason not to open it.

    The day is the wall clock's, like the backups' names, not the shop's business
    date (which tests and previews move): one backup per day the seller works.
    """
    if db.path is None or not holds_data(db):
        return None
    now = now or datetime.now(UTC)
    today = now.astimezone().date()
    folder = shop_backups_dir(db.path)
    if any(b.kind == BackupKind.DAILY and b.taken_at.astimezone().date() == today for b in backups_of(db.path, folder)):
        return None
    if not room_for_automatic_backup(db.path, folder):
        log.warning("no daily backup of %s: the disk is nearly full", db.path)
        return None
    try:
        return back_up(db, folder, BackupKind.DAILY, now=now)
    except KnownError as exc:
        log.warning("the daily backup of %s was not made: %s", db.path, exc)
        return None


def prune_backups(shop: Path, folder: Path, now: datetime) -> list[Path]:
    """Remove the automatic backups the retention rules no longer keep, and killed backups' leftovers."""
    found = backups_of(shop, folder)
    doomed = [Path(str(key)) for key in to_prune([KeptBackup(str(b.path), b.kind, b.taken_at) for b in found], now)]
    for partial in folder.glob(f"{shop.stem}-*{PARTIAL}"):
        try:
            if time.time() - partial.stat().st_mtime > _STALE_PARTIAL_S:
                doomed.append(partial)
        except OSError:
            continue
    removed = []
    for path in doomed:
        try:
            path.unlink()
            path.with_name(path.name + ".wal").unlink(missing_ok=True)
            removed.append(path)
        except OSError as exc:
            log.warning("could not remove the old backup %s: %s", path, exc)
    return removed


def list_backups(shop: Path) -> list[BackupInfo | tuple[Path, Message]]:
    """The shop's backups, newest first, with what each holds; one that cannot be read says why."""
    listed: list[BackupInfo | tuple[Path, Message]] = []
    latest = latest_data_version()
    for backup in backups_of(shop, shop_backups_dir(shop)):
        try:
            listed.append(check_backup(backup.path, latest, file=backup, whole=False))
        except KnownError as exc:
            listed.append((backup.path, exc.message))
    return listed


@dataclass(frozen=True)
class Restored:
    shop: Path
    backup: BackupInfo
    kept: Path | None  # the shop as it was before the restore, kept as a backup


def restore_backup(backup: Path, shop: Path, *, now: datetime | None = None) -> Restored:
    """Put a checked backup in place of the shop file, keeping the shop it replaces.

    The shop must not be open, in this process or another (a locked shop is refused
    before anything is written). A damaged shop is what restores are for: it is kept
    as it is, with its journal, never read.
    """
    backup, shop = Path(backup), Path(shop)
    info = check_backup(backup, latest_data_version())
    if shop.exists() and backup.resolve() == shop.resolve():
        raise KnownError(Message("shop.backup.is_the_shop", {"backup": str(backup)}))
    now = now or datetime.now(UTC)
    folder = shop_backups_dir(shop)
    kept = None
    if shop.exists():
        _settle_journal(shop)
        kept = free_backup_path(folder, shop.stem, BackupKind.BEFORE_RESTORE, now)
        try:
            write_file_atomically(shop, kept)
            journal = shop.with_name(shop.name + ".wal")
            if journal.exists():
                # Only a damaged shop still has one here: its journal goes with its copy, never onto the backup.
                write_file_atomically(journal, kept.with_name(kept.name + ".wal"))
                journal.unlink()
        except OSError as exc:
            raise backup_failed(exc, kept) from exc
    try:
        write_file_atomically(backup, shop)
    except OSError as exc:
        raise backup_failed(exc, shop) from exc
    log.info("restored %s from %s; the shop as it was is in %s", shop, backup, kept)
    prune_backups(shop, folder, now)
    return Restored(shop, info, kept)


def _settle_journal(shop: Path) -> None:
    """Refuse a shop open elsewhere; fold a readable shop's journal into its file before it is copied.

    DuckDB takes the file's lock on connect, before reading anything, so a lock
    error means another process has the shop open; any other error is damage,
    and a damaged shop is left exactly as it is (the restore keeps it whole).
    """
    journal = shop.with_name(shop.name + ".wal")
    try:
        duckdb.connect(str(shop), read_only=True, config=dict(OFFLINE_CONFIG)).close()
    except (duckdb.Error, OSError) as exc:
        known = environment_error(exc, shop)
        if isinstance(known, ShopLockedError):
            raise known from exc
        return
    if journal.exists():
        con = duckdb.connect(str(shop), config=dict(OFFLINE_CONFIG))
        try:
            con.execute("CHECKPOINT")
        finally:
            con.close()
