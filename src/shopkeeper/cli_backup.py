"""`shopkeeper backup` and `shopkeeper restore`: a shop's backups from the command line.

`backup [--db PATH] [--to DIR]` writes a dated, checked copy of the shop
(into the shop's `backups` folder unless `--to` names another). DuckDB lets
one process have a shop file open, so while the window has this shop open the
command asks that window to write the backup (it owns the file, and a copy taken
on its connection is consistent); `--list` shows the shop's backups instead.
`restore FILE [--db PATH]` checks the backup whole before it replaces anything
and keeps the shop it replaces among the backups. With `--json` each prints one
object (keys may be added, never renamed or removed).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from shopkeeper.db.shop_backups import BackupInfo, backup_file
from shopkeeper.domain.backup_retention import BackupKind
from shopkeeper.domain.errors import KnownError, ShopLockedError
from shopkeeper.domain.message_texts import english
from shopkeeper.domain.messages import Message
from shopkeeper.runtime.paths import AppPaths
from shopkeeper.runtime.recent_shops import recent_shops_for, shop_to_open


def add_backup_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                        db_option: Callable[[argparse.ArgumentParser], None]) -> None:
    backup = sub.add_parser("backup", help="write a dated backup of the shop (or --list its backups)")
    db_option(backup)
    backup.add_argument("--to", metavar="DIR", help="folder for the backup (default: the shop's backups folder)")
    backup.add_argument("--list", action="store_true", help="list the shop's backups instead of making one")
    backup.add_argument("--json", action="store_true", help="print one JSON object")
    restore = sub.add_parser("restore", help="put a backup in place of the shop, keeping the shop it replaces")
    restore.add_argument("backup", metavar="FILE", help="the backup to restore")
    db_option(restore)
    restore.add_argument("--json", action="store_true", help="print one JSON object")


def run_backup(args: argparse.Namespace, paths: AppPaths) -> int:
    shop = shop_to_open(paths, getattr(args, "db", None))
    if args.list:
        return _list(shop, args.json)
    if not shop.is_file():
        raise KnownError(Message("shop.missing", {"shop": str(shop)}))
    folder = Path(args.to).expanduser().resolve() if args.to else None
    try:
        info = _back_up_here(shop, folder)
    except ShopLockedError:
        info = _ask_the_window(shop, folder)
    recent_shops_for(paths).add(shop)
    if args.json:
        print(json.dumps({"shop": str(shop), **_as_json(info)}, ensure_ascii=False))
    else:
        print(f"Backed up {shop} to {info.file.path} ({_counts(info)}).")
    return 0


def _back_up_here(shop: Path, folder: Path | None) -> BackupInfo:
    from shopkeeper.db.database import Database
    from shopkeeper.db.shop_backups import check_backup
    from shopkeeper.db.shop_check import check_shop_file
    from shopkeeper.services.backups import back_up, shop_backups_dir

    check_shop_file(shop)  # a damaged shop's copy would be no backup; this names the way back instead
    db = Database.open(shop)
    try:
        target = back_up(db, folder or shop_backups_dir(shop), BackupKind.MANUAL, verify=True)
    finally:
        db.close()
    return check_backup(target, file=backup_file(target, shop.stem), whole=False)


def _ask_the_window(shop: Path, folder: Path | None) -> BackupInfo:
    """The shop is open elsewhere: the Shopkeeper window that has it writes the backup, or the lock stands."""
    from shopkeeper.db.shop_backups import check_backup
    from shopkeeper.services.backups import shop_backups_dir

    try:
        from shopkeeper.ui.backup_requests import ask_running_instance_to_back_up
    except ImportError:  # no Qt installed: no window can be running either
        raise ShopLockedError(Message("shop.locked", {"shop": str(shop)})) from None
    answer = ask_running_instance_to_back_up(shop, folder or shop_backups_dir(shop))
    if answer is None:
        raise ShopLockedError(Message("shop.locked", {"shop": str(shop)}))
    if isinstance(answer, Message):
        raise KnownError(answer)
    return check_backup(answer, file=backup_file(answer, shop.stem), whole=False)


def run_restore(args: argparse.Namespace, paths: AppPaths) -> int:
    from shopkeeper.services.backups import restore_backup

    shop = shop_to_open(paths, getattr(args, "db", None))
    done = restore_backup(Path(args.backup).expanduser().resolve(), shop)
    recent_shops_for(paths).add(shop)
    if args.json:
        print(json.dumps({"shop": str(shop), "restored": _as_json(done.backup),
                          "kept": None if done.kept is None else str(done.kept)}, ensure_ascii=False))
        return 0
    print(f"Restored {shop} from {done.backup.file.path} ({_counts(done.backup)}).")
    if done.kept is not None:
        print(f"The shop as it was is kept in {done.kept}.")
    return 0


def _list(shop: Path, as_json: bool) -> int:
    from shopkeeper.services.backups import list_backups

    listed = list_backups(shop)
    if as_json:
        rows: list[dict[str, Any]] = [
            _as_json(entry) if isinstance(entry, BackupInfo) else {"backup": str(entry[0]), "problem": english(entry[1])}
            for entry in listed]
        print(json.dumps({"shop": str(shop), "backups": rows}, ensure_ascii=False))
        return 0
    if not listed:
        print(f"No backups of {shop} yet.")
    for entry in listed:
        if isinstance(entry, BackupInfo):
            print(f"{_local(entry.file.taken_at)}  {entry.file.kind.value:<15} {_counts(entry):<45} {entry.file.path}")
        else:
            print(f"{'?':<16}  {'':<15} {english(entry[1])}")
    return 0


def _as_json(info: BackupInfo) -> dict[str, Any]:
    return {"backup": str(info.file.path), "kind": info.file.kind.value,
            "taken_at": info.file.taken_at.astimezone(UTC).isoformat(), "bytes": info.size,
            "orders": info.orders, "members": info.members, "data_version": info.version}


def _counts(info: BackupInfo) -> str:
    return f"{info.orders:,} orders, {info.members:,} members, {info.size / 1e6:.1f} MB"


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
