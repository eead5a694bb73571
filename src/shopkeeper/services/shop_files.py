"""Opening a shop file: connect, migrate, back up on the first open of a day, and name it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.db.shop_backups import backups_dir_for
from shopkeeper.db.shop_check import check_shop_file
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message
from shopkeeper.services import deferred_recompute
from shopkeeper.services.backups import back_up_daily_if_due, holds_data
from shopkeeper.services.channel_stock import platform_shops
from shopkeeper.services.recompute import recompute_if_stale

__all__ = ["backups_dir_for", "is_empty", "open_existing_shop", "open_shop", "set_shop_name", "shop_display_name"]


def open_shop(path: Path | None, *, backups_dir: Path, today: date | None = None) -> Database:
    """Open and upgrade a shop (creating it when new), its tiers and points brought up to `today`.

    A newer, locked, damaged or foreign file raises a KnownError and is left untouched:
    it is checked read-only before the first write.
    """
    if path is not None:
        check_shop_file(Path(path))
    db = Database.open(path)
    try:
        migrate(db, backups_dir)
        # An import of many tables killed before its one recompute left its figures behind the orders.
        deferred_recompute.settle(db, today)
        # Tiers and expiry move with the calendar: a shop last opened yesterday is recomputed.
        recompute_if_stale(db, today)
        back_up_daily_if_due(db)
    except BaseException:
        db.close()
        raise
    return db


def open_existing_shop(path: Path, *, backups_dir: Path, today: date | None = None) -> Database:
    """Open a shop that must already exist: reading commands never create one."""
    if not Path(path).is_file():
        raise KnownError(Message("shop.missing", {"shop": str(path)}))
    return open_shop(path, backups_dir=backups_dir, today=today)


def shop_display_name(db: Database) -> str:
    name = db.scalar("SELECT value FROM shop_settings WHERE key = 'shop_name'")
    if name:
        return str(name)
    return db.path.stem if db.path is not None else "Shop"


def is_demo_shop(db: Database) -> bool:
    """A shop `build_demo_shop` made: its figures are invented, wherever the file lives."""
    return bool(db.scalar("SELECT value FROM shop_settings WHERE key = 'is_demo'") == "true")


def set_shop_name(db: Database, name: str) -> None:
    db.execute(
        "INSERT INTO shop_settings VALUES ('shop_name', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [name],
    )


def is_empty(db: Database) -> bool:
    return not holds_data(db)


def platform_shop_names(db: Database) -> list[str]:
    """The names of the platform shops the shop file holds, A to Z, once each (a name may serve several platforms)."""
    return sorted({shop.name for shop in platform_shops(db)})
