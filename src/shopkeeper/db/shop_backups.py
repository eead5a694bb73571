"""Where a shop's backups live, and the way back to the latest one.

Backups are whole copies of the shop file in the `backups` folder beside it:
the one made before an upgrade (`<shop>-v<N>-before-upgrade-<stamp>.duckdb`,
see migrate.py) and the ones the seller makes. Restoring is copying one back
in place of the shop file; there is no Restore command, so the advice is a
code the command line and the window each word with what they really offer.
"""

from __future__ import annotations

from pathlib import Path

from shopkeeper.domain.messages import Message


def backups_dir_for(shop_path: Path | None, fallback: Path) -> Path:
    return fallback if shop_path is None else shop_path.parent / "backups"


def latest_backup(shop_path: Path) -> Path | None:
    """The newest backup of this shop beside it, or None."""
    folder = backups_dir_for(shop_path, shop_path.parent)
    try:
        found = [p for p in folder.glob(f"{shop_path.stem}-*.duckdb") if p.is_file()]
    except OSError:
        return None
    return max(found, key=lambda p: (p.stat().st_mtime, p.name), default=None)


def restore_advice(shop_path: Path | None) -> Message:
    """The way out for a shop that cannot be read, naming the backup to copy back when there is one."""
    if shop_path is None:
        return Message("shop.restore.from_backup")
    latest = latest_backup(shop_path)
    if latest is not None:
        return Message("shop.restore.latest_backup", {"backup": str(latest), "shop": str(shop_path)})
    folder = backups_dir_for(shop_path, shop_path.parent)
    return Message("shop.restore.no_backup", {"folder": str(folder)})
