"""Is this file a Shopkeeper shop, and can all of it be read? Asked before anything is written to it.

A DuckDB file without the shop's own marker tables belongs to another program
and is refused, never migrated into a shop. A shop whose blocks cannot be
read (truncated, overwritten) is refused with the way back to a backup before
any write could spread the damage: every column of every table is read once,
so DuckDB checks each data block's checksum (a 14 MB shop takes ~0.1 s).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from shopkeeper.db.database import damaged_shop_error, not_a_shop_error, translate_error
from shopkeeper.db.duckdb_files import OFFLINE_CONFIG, looks_like_duckdb, read_every_table
from shopkeeper.domain.errors import DamagedShopFileError, KnownError

# Made by the first migration; every shop has them, nobody else's database has both.
SHOP_MARKERS = frozenset({"schema_version", "shop_settings"})

# A connection to the same file already open in this process (the shop being reopened): it was checked then.
_ALREADY_OPEN = "different configuration"


def check_shop_file(path: Path) -> None:
    """Raise a KnownError unless `path` is new, empty, or a readable Shopkeeper shop."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    if not looks_like_duckdb(path):
        return  # Database.open names it as some other kind of file
    try:
        con = duckdb.connect(str(path), read_only=True, config=dict(OFFLINE_CONFIG))
    except (duckdb.Error, OSError) as exc:
        if _ALREADY_OPEN in str(exc).lower():
            return
        raise _as_known(exc, path) from exc
    try:
        _check(con, path)
    except (duckdb.Error, OSError) as exc:
        raise _as_known(exc, path) from exc
    finally:
        con.close()


def _check(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    tables = con.execute(
        "SELECT table_schema, table_name, table_type FROM information_schema.tables "
        "WHERE table_catalog = current_database() ORDER BY table_schema, table_name"
    ).fetchall()
    names = {(schema, name) for schema, name, _ in tables}
    if names <= {("main", "schema_version")}:
        return  # nothing in it yet: a new shop whose first migration did not run
    if not {("main", marker) for marker in SHOP_MARKERS} <= names:
        raise not_a_shop_error(path)
    read_every_table(con)


def _as_known(exc: BaseException, path: Path) -> KnownError:
    known = translate_error(exc, path)
    if isinstance(known, KnownError) and not isinstance(known, DamagedShopFileError):
        return known
    # Whatever else stops a read-only look at the file (bad metadata, a failed deserialisation) is damage too.
    return damaged_shop_error(path, unchanged=True)
