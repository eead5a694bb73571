"""Opening a shop file: connect, migrate, and name it."""

from __future__ import annotations

from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate


def backups_dir_for(shop_path: Path | None, fallback: Path) -> Path:
    return fallback if shop_path is None else shop_path.parent / "backups"


def open_shop(path: Path | None, *, backups_dir: Path) -> Database:
    """Open and upgrade a shop; a newer or locked file raises a KnownError and is left untouched."""
    db = Database.open(path)
    try:
        migrate(db, backups_dir)
    except BaseException:
        db.close()
        raise
    return db


def shop_display_name(db: Database) -> str:
    name = db.scalar("SELECT value FROM shop_settings WHERE key = 'shop_name'")
    if name:
        return str(name)
    return db.path.stem if db.path is not None else "Shop"


def set_shop_name(db: Database, name: str) -> None:
    db.execute(
        "INSERT INTO shop_settings VALUES ('shop_name', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [name],
    )


def is_empty(db: Database) -> bool:
    return not db.scalar(
        "SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM variants) + (SELECT count(*) FROM buyers)"
    )
