"""Numbered SQL migrations with a backup first and a refusal of newer files.

Migrations are `migrations/NNNN_name.sql`, applied in order; each runs in one
transaction together with the row that records it in `schema_version`, so a
killed process leaves the shop at the old version or the new one, never in
between. Before the first pending migration of a shop that already holds data,
the file is copied aside, so an upgrade can always be walked back.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from shopkeeper import __version__
from shopkeeper.db.database import Database, not_a_shop_error, translate_error
from shopkeeper.db.rule_macros import install_rule_macros
from shopkeeper.db.shop_backups import write_file_atomically
from shopkeeper.domain.errors import NewerShopFileError
from shopkeeper.domain.messages import Message

log = logging.getLogger(__name__)

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def bundled_migrations() -> list[Migration]:
    folder = resources.files("shopkeeper.db") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations are not numbered 1..n without gaps: {versions}")
    return found


def latest_data_version() -> int:
    """The newest data version this Shopkeeper knows: a shop or backup above it is from a newer one."""
    return bundled_migrations()[-1].version


def current_version(db: Database) -> int:
    exists = db.scalar(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_schema = 'main' AND table_name = 'schema_version'"
    )
    if not exists:
        return 0
    return int(db.scalar("SELECT coalesce(max(version), 0) FROM schema_version"))


def _has_other_tables(db: Database) -> bool:
    """Tables beside a bare schema_version (which a first migration that failed leaves behind)."""
    return bool(db.scalar(
        "SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database() "
        "AND NOT (table_schema = 'main' AND table_name = 'schema_version')"
    ))


def backup_before_migration(db: Database, from_version: int, backups_dir: Path) -> Path | None:
    """Copy the shop file aside; safe because this process is the only writer and the WAL is checkpointed."""
    if db.path is None:
        return None
    db.checkpoint()
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"{db.path.stem}-v{from_version}-before-upgrade-{stamp}.duckdb"
    try:
        # Through a temporary name: a kill or a full disk mid-copy leaves no half backup under a backup's name.
        write_file_atomically(db.path, target)
    except OSError as exc:
        raise translate_error(exc, target) from exc
    log.info("backed up %s to %s before migrating", db.path, target)
    return target


def migrate(db: Database, backups_dir: Path, migrations: list[Migration] | None = None) -> list[int]:
    """Bring the shop up to date and install the business rules' macros; returns the versions applied.

    The rules need the full schema, so a test migrating with its own `migrations` gets none.
    """
    applied = _apply(db, backups_dir, bundled_migrations() if migrations is None else migrations)
    if migrations is None:
        install_rule_macros(db)
    return applied


def _apply(db: Database, backups_dir: Path, migrations: list[Migration]) -> list[int]:
    latest = migrations[-1].version if migrations else 0
    version = current_version(db)
    if version > latest:
        raise NewerShopFileError(Message("shop.newer_data_version", {
            "shop": str(db.path), "version": version, "app_version": __version__, "latest": latest}))
    if version == 0 and _has_other_tables(db):
        # Another program's database: making it a shop would mix our tables into its data.
        raise not_a_shop_error(db.path)
    pending = [m for m in migrations if m.version > version]
    if not pending:
        return []
    if version > 0:
        backup_before_migration(db, version, backups_dir)
    if version == 0:
        db.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
            " app_version VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
        )
    applied = []
    for migration in pending:
        with db.transaction():
            db.execute(migration.sql)
            db.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?, now())",
                [migration.version, migration.name, __version__],
            )
        log.info("applied migration %s", migration.name)
        applied.append(migration.version)
    return applied
