"""Writing imported rows into the canonical tables, undoably.

Every writer (platform importers, the column-mapping importer, the demo shop)
stages its rows in a temporary table shaped like the target and calls
`upsert` or `replace_children`. Both record the before-image of every row they
overwrite or remove in `<table>_prior`, tagged with the import batch, which is
what lets `undo_batch` restore exactly the state before an import.

Merge rule: rows match on the table's key; a non-NULL value in the new file
wins, a NULL (column absent from that export, or left empty) keeps what the
shop already knew. Rows whose merged values equal what is stored are not
touched, so importing the same file twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shopkeeper.db.database import Database
from shopkeeper.db.database import quote_ident as _q

# Table -> key columns. Order matters only for readability.
KEYS: dict[str, tuple[str, ...]] = {
    "products": ("product_id",),
    "variants": ("sku",),
    "listings": ("shop_id", "listing_id"),
    "stock_levels": ("sku",),
    "buyers": ("shop_id", "buyer_id"),
    "members": ("member_id",),
    "orders": ("shop_id", "order_id"),
    "order_lines": ("shop_id", "order_id", "line_no"),
    "money_movements": ("shop_id", "movement_id"),
}

# Append-only tables: an import's rows are simply removed on undo.
APPEND_ONLY = ("stock_movements", "points_ledger", "import_rejects")


@dataclass(frozen=True)
class MergeCount:
    added: int = 0
    updated: int = 0
    removed: int = 0

    def __add__(self, other: MergeCount) -> MergeCount:
        return MergeCount(self.added + other.added, self.updated + other.updated, self.removed + other.removed)


def table_columns(db: Database, table: str) -> list[str]:
    rows = db.fetchall(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = ? AND table_schema IN ('main', 'temp') ORDER BY ordinal_position",
        [table],
    )
    return [r[0] for r in rows]


def _dedup_source(staged: str, key: Sequence[str], staged_cols: Sequence[str]) -> str:
    # Inside one file the last row for a key wins, matching "newer values win".
    order = "_row DESC" if "_row" in staged_cols else "1"
    keys = ", ".join(_q(k) for k in key)
    return f"(SELECT * FROM {_q(staged)} QUALIFY row_number() OVER (PARTITION BY {keys} ORDER BY {order}) = 1)"


def _has_duplicate_keys(db: Database, staged: str, key: Sequence[str]) -> bool:
    keys = ", ".join(_q(k) for k in key)
    # Grouping one 64-bit hash of the key is several times cheaper than grouping the text
    # columns themselves; keys whose hashes all differ cannot repeat, so only a repeated
    # hash (a real duplicate, or a rare collision) needs the exact check.
    if not db.scalar(f"SELECT EXISTS (SELECT 1 FROM {_q(staged)} GROUP BY hash({keys}) HAVING count(*) > 1)"):
        return False
    return bool(db.scalar(f"SELECT EXISTS (SELECT 1 FROM {_q(staged)} GROUP BY {keys} HAVING count(*) > 1)"))


def upsert(db: Database, table: str, staged: str, batch_id: int) -> MergeCount:
    """Merge `staged` into `table`; the caller holds the transaction."""
    key = KEYS[table]
    target_cols = [c for c in table_columns(db, table) if c != "batch_id"]
    staged_cols = table_columns(db, staged)
    missing_key = [k for k in key if k not in staged_cols]
    if missing_key:
        raise ValueError(f"staged rows for {table} lack key columns {missing_key}")
    cols = [c for c in target_cols if c in staged_cols]
    data_cols = [c for c in cols if c not in key]
    join = " AND ".join(f"t.{_q(k)} = s.{_q(k)}" for k in key)
    differs = " OR ".join(
        f"(coalesce(s.{_q(c)}, t.{_q(c)}) IS DISTINCT FROM t.{_q(c)})" for c in data_cols
    ) or "FALSE"

    # Copying a million staged rows just to de-duplicate them costs more than
    # checking that there is nothing to de-duplicate, which is the usual case.
    source = _q(staged)
    if _has_duplicate_keys(db, staged, key):
        db.execute(f"CREATE OR REPLACE TEMP TABLE _merge_src AS SELECT * FROM {_dedup_source(staged, key, staged_cols)}")
        source = "_merge_src"
    added = int(
        db.scalar(
            f"SELECT count(*) FROM {source} s WHERE NOT EXISTS (SELECT 1 FROM {_q(table)} t WHERE {join})"
        )
    )
    col_list = ", ".join(_q(c) for c in cols)
    if added == int(db.scalar(f"SELECT count(*) FROM {source}")):
        # Every key is new (a first import): nothing to remember for undo and no conflict
        # possible, so a plain insert does, without the cost of conflict handling.
        with db.unordered():
            db.execute(f"INSERT INTO {_q(table)} ({col_list}, batch_id) SELECT {col_list}, ? FROM {source}",
                       [batch_id])
        db.execute("DROP TABLE IF EXISTS _merge_src")
        return MergeCount(added=added)
    all_target = table_columns(db, table)
    prior_cols = ", ".join(f"t.{_q(c)}" for c in all_target)
    before = _prior_count(db, table, batch_id)
    with db.unordered():
        db.execute(
            f"INSERT INTO {_q(table + '_prior')} SELECT {prior_cols}, ? FROM {_q(table)} t "
            f"JOIN {source} s ON {join} WHERE {differs}",
            [batch_id],
        )
    updated = _prior_count(db, table, batch_id) - before
    sets = ", ".join(f"{_q(c)} = coalesce(excluded.{_q(c)}, {_q(table)}.{_q(c)})" for c in data_cols)
    sets = (sets + ", " if sets else "") + "batch_id = excluded.batch_id"
    where = " OR ".join(
        f"(coalesce(excluded.{_q(c)}, {_q(table)}.{_q(c)}) IS DISTINCT FROM {_q(table)}.{_q(c)})" for c in data_cols
    ) or "FALSE"
    with db.unordered():
        db.execute(
            f"INSERT INTO {_q(table)} ({col_list}, batch_id) SELECT {col_list}, ? FROM {source} "
            f"ON CONFLICT ({', '.join(_q(k) for k in key)}) DO UPDATE SET {sets} WHERE {where}",
            [batch_id],
        )
    db.execute("DROP TABLE IF EXISTS _merge_src")
    return MergeCount(added=added, updated=updated)


def _prior_count(db: Database, table: str, batch_id: int) -> int:
    return int(db.scalar(f"SELECT count(*) FROM {_q(table + '_prior')} WHERE undo_batch_id = ?", [batch_id]))


def replace_children(
    db: Database, table: str, staged: str, batch_id: int, parent_key: Sequence[str]
) -> MergeCount:
    """Upsert child rows and remove the parent's old children the new file no longer lists.

    Used for order lines: a re-exported order with one line fewer must not keep
    the stale line. Removed rows go to `_prior` so undo brings them back.
    """
    key = KEYS[table]
    parents = ", ".join(_q(k) for k in parent_key)
    join_parent = " AND ".join(f"t.{_q(k)} = p.{_q(k)}" for k in parent_key)
    join_full = " AND ".join(f"t.{_q(k)} = s.{_q(k)}" for k in key)
    stale = (
        f"FROM {_q(table)} t WHERE EXISTS (SELECT 1 FROM (SELECT DISTINCT {parents} FROM {_q(staged)}) p "
        f"WHERE {join_parent}) AND NOT EXISTS (SELECT 1 FROM {_q(staged)} s WHERE {join_full})"
    )
    all_target = table_columns(db, table)
    prior_cols = ", ".join(f"t.{_q(c)}" for c in all_target)
    before = _prior_count(db, table, batch_id)
    with db.unordered():
        db.execute(f"INSERT INTO {_q(table + '_prior')} SELECT {prior_cols}, ? {stale}", [batch_id])
    removed = _prior_count(db, table, batch_id) - before
    if removed:
        db.execute(f"DELETE {stale}")
    count = upsert(db, table, staged, batch_id)
    return MergeCount(added=count.added, updated=count.updated, removed=removed)
