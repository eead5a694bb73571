"""A shop's backup files: their names, how one is written safely, what one holds, and the way back.

Backups are whole copies of the shop file, in the `backups` folder beside it,
named `<shop>-<kind>-<UTC stamp>.duckdb` (kinds in domain/backup_retention.py;
the one taken before an upgrade is `<shop>-v<N>-before-upgrade-<stamp>.duckdb`,
see migrate.py). A file is only ever written under a temporary name, synced to
the disk, then renamed over its final name, so a backup cut short by a crash, a
kill or a full disk leaves no half file under a backup's name and never touches
the backups already there.

A backup is looked at read-only and checked whole (every block read, so DuckDB
verifies each checksum) before anything trusts it: the restore, the list of
backups, and the advice for a damaged shop, which names the newest backup that
passes.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from shopkeeper.db.duckdb_files import OFFLINE_CONFIG, environment_error, looks_like_duckdb, read_every_table
from shopkeeper.domain.backup_retention import BackupKind
from shopkeeper.domain.errors import DamagedShopFileError, KnownError, NewerShopFileError
from shopkeeper.domain.messages import Message

SUFFIX = ".duckdb"
PARTIAL = ".partial"
_STAMP = "%Y%m%d-%H%M%S"
_NAMED = re.compile(r"^(?:(?P<kind>before-import|daily|manual|before-restore)|v\d+-(?P<upgrade>before-upgrade))"
                    r"-(?P<stamp>\d{8}-\d{6})(?:-\d+)?$")
# File > Backup of earlier versions suggested `<shop>-<local stamp to the minute>.duckdb`.
_EARLIER_MANUAL = re.compile(r"^(?P<stamp>\d{8}-\d{4})$")


def backups_dir_for(shop_path: Path | None, fallback: Path) -> Path:
    return fallback if shop_path is None else shop_path.parent / "backups"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: BackupKind
    taken_at: datetime  # UTC


@dataclass(frozen=True)
class BackupInfo:
    """What a backup holds, read from the file itself (opened read-only)."""

    file: BackupFile
    size: int
    orders: int
    members: int
    version: int


def backup_name(shop_stem: str, kind: BackupKind, taken_at: datetime) -> str:
    return f"{shop_stem}-{kind.value}-{taken_at.astimezone(UTC).strftime(_STAMP)}{SUFFIX}"


def free_backup_path(folder: Path, shop_stem: str, kind: BackupKind, taken_at: datetime) -> Path:
    """A name no backup has yet: two taken within one second must not overwrite each other."""
    first = folder / backup_name(shop_stem, kind, taken_at)
    candidate, n = first, 1
    while candidate.exists():
        candidate = first.with_name(f"{first.stem}-{n}{SUFFIX}")
        n += 1
    return candidate


def backups_of(shop_path: Path, folder: Path | None = None) -> list[BackupFile]:
    """This shop's backups in its backups folder, newest first.

    A file of the shop's name whose rest is not a backup name (a copy the seller
    saved there by hand, an older Shopkeeper's `<shop>-<stamp>.duckdb`) counts
    as one of the seller's own, dated by its modification time.
    """
    folder = backups_dir_for(shop_path, shop_path.parent) if folder is None else folder
    prefix = f"{shop_path.stem}-"
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(prefix) and p.suffix == SUFFIX and p.is_file()]
    except OSError:
        return []
    found = [b for b in (backup_file(path, shop_path.stem) for path in candidates) if b is not None]
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def backup_file(path: Path, shop_stem: str) -> BackupFile | None:
    """A backup of the shop named `shop_stem`, its kind and time read from its name (None if it has gone)."""
    rest = path.stem[len(shop_stem) + 1:] if path.stem.startswith(f"{shop_stem}-") else ""
    match = _NAMED.match(rest)
    if match:
        kind = BackupKind.BEFORE_UPGRADE if match.group("upgrade") else BackupKind(match.group("kind"))
        return BackupFile(path, kind, datetime.strptime(match.group("stamp"), _STAMP).replace(tzinfo=UTC))
    earlier = _EARLIER_MANUAL.match(rest)
    try:
        taken = (datetime.strptime(earlier.group("stamp"), "%Y%m%d-%H%M").astimezone(UTC) if earlier
                 else datetime.fromtimestamp(path.stat().st_mtime, UTC))
    except (OSError, ValueError):
        return None
    return BackupFile(path, BackupKind.MANUAL, taken)


def latest_backup(shop_path: Path) -> Path | None:
    """The newest backup of this shop beside it, or None."""
    found = backups_of(shop_path)
    return found[0].path if found else None


def latest_good_backup(shop_path: Path, latest_version: int | None = None) -> BackupInfo | None:
    """The newest backup of this shop that reads whole (and that this Shopkeeper can open), or None."""
    for backup in backups_of(shop_path):
        try:
            return check_backup(backup.path, latest_version, file=backup)
        except KnownError:
            continue
    return None


def restore_advice(shop_path: Path | None) -> Message:
    """The way out for a shop that cannot be read, naming the newest good backup when there is one."""
    if shop_path is None:
        return Message("shop.restore.from_backup")
    # Not checked against this Shopkeeper's data version (migrate.py sits above this module): a backup
    # from a newer Shopkeeper is refused by the restore itself, with its own plain message.
    good = latest_good_backup(shop_path)
    if good is not None:
        return Message("shop.restore.latest_good_backup", {
            "backup": str(good.file.path), "shop": str(shop_path),
            "taken": good.file.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")})
    folder = backups_dir_for(shop_path, shop_path.parent)
    return Message("shop.restore.no_backup", {"folder": str(folder)})


def check_backup(path: Path, latest_version: int | None = None, *, file: BackupFile | None = None,
                 whole: bool = True) -> BackupInfo:
    """Read a backup, read-only, and say what it holds; a KnownError if it cannot be restored.

    `latest_version` is the newest data version this Shopkeeper knows (the bundled migrations').
    `whole=False` reads only its counts (a list of many large backups); a restore reads it whole.
    """
    where = {"backup": str(path)}
    if not path.is_file():
        raise KnownError(Message("shop.backup.missing", where))
    if path.stat().st_size == 0 or not looks_like_duckdb(path):
        raise DamagedShopFileError(Message("shop.backup.not_a_shop", where))
    try:
        con = duckdb.connect(str(path), read_only=True, config=dict(OFFLINE_CONFIG))
    except (duckdb.Error, OSError) as exc:
        raise _unreadable(exc, path) from exc
    try:
        tables = {row[0] for row in con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_catalog = current_database() AND table_schema = 'main'").fetchall()}
        if not {"schema_version", "shop_settings", "orders", "members"} <= tables:
            raise DamagedShopFileError(Message("shop.backup.not_a_shop", where))
        if whole:
            read_every_table(con)
        version = int(con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0])  # type: ignore[index]
        orders = int(con.execute("SELECT count(*) FROM orders").fetchone()[0])  # type: ignore[index]
        members = int(con.execute("SELECT count(*) FROM members").fetchone()[0])  # type: ignore[index]
    except (duckdb.Error, OSError) as exc:
        raise _unreadable(exc, path) from exc
    finally:
        con.close()
    if latest_version is not None and version > latest_version:
        raise NewerShopFileError(Message("shop.backup.newer", {**where, "version": version, "latest": latest_version}))
    if file is None:
        file = BackupFile(path, BackupKind.MANUAL, datetime.fromtimestamp(path.stat().st_mtime, UTC))
    return BackupInfo(file, path.stat().st_size, orders, members, version)


def _unreadable(exc: BaseException, path: Path) -> KnownError:
    known = environment_error(exc, path)
    if known is not None:
        return known  # locked, unreadable for permissions: the seller can act on those as they are
    return DamagedShopFileError(Message("shop.backup.damaged", {"backup": str(path)}))


def write_file_atomically(source: Path, target: Path) -> Path:
    """Copy `source` to `target` through a temporary file: `target` is either absent (or as before) or whole.

    The copy is synced before the rename and the folder after it, so a power cut
    cannot leave a renamed file whose blocks never reached the disk. On any
    failure (a full disk, a kill's KeyboardInterrupt) the temporary file is removed.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + PARTIAL)
    try:
        shutil.copyfile(source, partial)
        with partial.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    sync_folder(target.parent)
    return target


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
