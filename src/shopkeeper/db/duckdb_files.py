"""What a DuckDB file is to Shopkeeper: opened offline, recognised, read whole, its failures named.

The lowest layer of db/: no shop, no connection owner, only the file and DuckDB,
so both the connection owner (database.py) and the backups (shop_backups.py)
build on it without depending on each other.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from shopkeeper.domain.errors import (
    DiskFullError,
    KnownError,
    NewerShopFileError,
    ReadOnlyShopError,
    ShopLockedError,
)
from shopkeeper.domain.messages import Message

OFFLINE_CONFIG = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}

_LOCK_PATTERNS = (
    "could not set lock",
    "conflicting lock",
    "being used by another process",
    "file is already open",
)
_DISK_FULL_PATTERNS = ("no space left", "disk full", "not enough space", "enospc")
_NEWER_PATTERNS = ("trying to read a database file with version", "failed to deserialize")


def environment_error(exc: BaseException, path: Path | None) -> KnownError | None:
    """The KnownError for a lock, a full disk, a newer file or a read-only one; None for anything else."""
    text = str(exc).lower()
    shop = shop_name(path)
    if any(p in text for p in _LOCK_PATTERNS):
        pid = re.search(r"pid (\d+)", text)
        if pid:
            return ShopLockedError(Message("shop.locked_by_process", {"shop": shop, "pid": pid.group(1)}))
        return ShopLockedError(Message("shop.locked", {"shop": shop}))
    if any(p in text for p in _DISK_FULL_PATTERNS) or getattr(exc, "errno", None) == 28:
        return DiskFullError(Message("shop.disk_full", {"shop": shop}))
    if any(p in text for p in _NEWER_PATTERNS):
        return NewerShopFileError(Message("shop.newer", {"shop": shop}))
    if "read-only" in text or "read only" in text or "permission denied" in text:
        return ReadOnlyShopError(Message("shop.read_only", {"shop": shop}))
    return None


def shop_name(path: Path | None) -> str:
    return str(path) if path is not None else ":memory:"


def quote_ident(name: str) -> str:
    """A SQL identifier for any text (CSV headers, table names), with `"` doubled."""
    return '"' + name.replace('"', '""') + '"'


_DUCKDB_MAGIC = b"DUCK"


def looks_like_duckdb(path: Path) -> bool:
    # DuckDB files carry the magic 'DUCK' at byte 8; anything else is not ours.
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError:
        return True  # let connect() report the real problem
    return len(head) < 12 or head[8:12] == _DUCKDB_MAGIC


def read_every_table(con: duckdb.DuckDBPyConnection) -> None:
    """Read every value of every table once, so DuckDB verifies every data block's checksum."""
    tables = con.execute(
        "SELECT table_schema, table_name FROM information_schema.tables "
        "WHERE table_catalog = current_database() AND table_type = 'BASE TABLE' ORDER BY table_schema, table_name"
    ).fetchall()
    for schema, name in tables:
        _read_every_block(con, schema, name)


def _read_every_block(con: duckdb.DuckDBPyConnection, schema: str, name: str) -> None:
    columns = [row[0] for row in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_catalog = current_database() "
        "AND table_schema = ? AND table_name = ? ORDER BY ordinal_position", [schema, name]).fetchall()]
    if not columns:
        return
    # hash() needs every value, so no column can be answered from statistics alone.
    reads = ", ".join(f"sum(hash({quote_ident(c)}))" for c in columns)
    con.execute(f"SELECT {reads} FROM {quote_ident(schema)}.{quote_ident(name)}").fetchall()
