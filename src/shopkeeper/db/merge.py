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

Orders and buyers merge by what the rows say instead of by import order when
the writer gives each staged row a freshness key (made from the row's own data
by importers/freshness.py): the staged row wins only when its key is greater than
the stored row's, and otherwise only fills what the shop did not know, so
merging A then B gives the same row as B then A. The stored row's key is the
greatest key any active import gave it, kept in the append-only
`row_freshness` (undo drops an import's keys with it). A value some exports know
only in part (an order's time, of which Etsy's and eBay's `Sale Date` give the
day alone) is taken whole from a row that knows it fully, whichever is fresher
(`PARTLY_KNOWN`).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from shopkeeper.db.database import Database
from shopkeeper.db.database import quote_ident as _q

# Table -> key columns. Order matters only for readability.
KEYS: dict[str, tuple[str, ...]] = {
    "products": ("product_id",),
    "variants": ("sku",),
    "product_tags": ("sku", "tag"),  # catalogue imports and the seller's tag edits (services/product_tags.py)
    "listings": ("shop_id", "listing_id"),
    "stock_levels": ("sku",),
    "buyers": ("shop_id", "buyer_id"),
    "members": ("member_id",),
    "orders": ("shop_id", "order_id"),
    "order_lines": ("shop_id", "order_id", "line_no"),
    "money_movements": ("shop_id", "movement_id"),
    "channel_stock_rules": ("shop_id",),  # written by edits only (services/edits.py)
    "listing_check_settings": ("key",),
    "inventory_settings": ("key",),
    # Campaigns and own calendar events: written by services/campaigns.py only.
    "promotions": ("promotion_id",),
    "promotion_skus": ("promotion_id", "sku"),
    "promotion_tiers": ("promotion_id", "tier_no"),
    "promotion_shops": ("promotion_id", "shop_id"),
    "calendar_events": ("event_id",),
    # Campaign checks' settings and checklists (services/campaign_tasks.py, services/campaign_checks.py).
    "promotion_settings": ("key",),
    "campaign_task_templates": ("task_key",),
    "campaign_tasks": ("task_id",),
    "sku_status": ("sku",),  # written by edits only (services/edits.py)
    "sku_links": ("shop_id", "channel_sku"),  # written by links and mapping imports (services/sku_links.py)
    "bundle_parts": ("bundle_sku", "part_sku"),  # written by edits only (services/bundles.py)
    "loyalty_settings": ("key",),  # written by edits only (services/loyalty.py)
    "tiers": ("code",),
    # After-sales tags: written by services/refund_tags.py only.
    "refund_tag_names": ("tag",),
    "order_tags": ("shop_id", "order_id", "tag"),
    # Money, ads and traffic reports (issue 13).
    "payouts": ("shop_id", "payout_id"),
    "ad_stats": ("shop_id", "stat_id"),
    "traffic_stats": ("shop_id", "stat_id"),
    # Profit settings (issue 13): written by edits only (services/fee_rates.py, services/landed_costs.py).
    "fee_rates": ("rate_id",),
    "purchase_lots": ("lot_id",),
    "currency_settings": ("key",),  # base currency and exchange rates: edits only (services/exchange_rates.py)
}

# Tables without a PRIMARY KEY index (migration 0008: the index upkeep of their text keys cost
# more than anything else in a large import): nothing but this module writes their rows, and it
# keeps each key unique itself - staged rows are de-duplicated, stored keys are updated in
# place and only keys the table lacks are inserted.
UNINDEXED = frozenset({"orders", "order_lines"})

# Append-only tables: an import's rows are simply removed on undo.
APPEND_ONLY = ("stock_movements", "stock_snapshots", "points_ledger", "import_rejects", "row_freshness",
               "member_decisions")


@dataclass(frozen=True)
class MergeCount:
    added: int = 0
    updated: int = 0
    removed: int = 0

    def __add__(self, other: MergeCount) -> MergeCount:
        return MergeCount(self.added + other.added, self.updated + other.updated, self.removed + other.removed)


# The shop tables' columns per Database while `fixed_shop_schema` holds: merging asks for them
# about six times per imported table, and only a migration changes them.
_SHOP_COLUMNS: weakref.WeakKeyDictionary[Database, dict[str, list[str]]] = weakref.WeakKeyDictionary()


@contextmanager
def fixed_shop_schema(db: Database) -> Iterator[None]:
    """Remember the shop tables' columns until the block ends (run no migration inside it).

    Work tables (`_sk_*`, `_merge_src`) are asked every time: an import replaces them.
    """
    if db in _SHOP_COLUMNS:
        yield
        return
    _SHOP_COLUMNS[db] = {}
    try:
        yield
    finally:
        _SHOP_COLUMNS.pop(db, None)


def table_columns(db: Database, table: str) -> list[str]:
    """The columns of a shop table, or of a work table (`_*`, in temp; it must exist)."""
    if table.startswith("_"):
        # Binding an empty select costs a quarter of a catalog lookup, and an import asks ~10 times per table.
        return [d[0] for d in db.execute(f"SELECT * FROM temp.main.{_q(table)} LIMIT 0").description]
    cached = _SHOP_COLUMNS.get(db)
    if cached is None:
        return _read_columns(db, table)
    if table not in cached:
        cached[table] = _read_columns(db, table)
    return list(cached[table])


def _read_columns(db: Database, table: str) -> list[str]:
    # duckdb_columns() is what information_schema.columns is a view over, at half the binding cost.
    rows = db.fetchall(
        "SELECT column_name FROM duckdb_columns() "
        "WHERE table_name = ? AND schema_name IN ('main', 'temp') ORDER BY column_index",
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


FRESHNESS = "freshness"

# Tables that merge by freshness when the writer passes the staged rows' keys:
# table -> the id column that, with shop_id, names the row in `row_freshness`.
FRESHNESS_IDS = {"orders": "order_id", "buyers": "buyer_id"}


# Values some exports know only in part, and the staged column a row says so with: table -> (that flag, the
# columns the flag speaks for, itself included). An order's time: Etsy's and eBay's `Sale Date` give its day alone
# (orders.ordered_date_only, migration 0031). When both rows say (the flags are not NULL) and one knows the value
# fully and the other only in part, the full one gives those columns whichever row is fresher, so a real time
# never gives way to a date, in either import order; otherwise they merge by freshness as every other column.
# A stored NULL (an order imported before the flag existed) says nothing, and freshness decides.
PARTLY_KNOWN: dict[str, tuple[str, tuple[str, ...]]] = {
    "orders": ("ordered_date_only", ("ordered_at", "ordered_tz", "ordered_date_only")),
}


def _whole_first(table: str, data_cols: Sequence[str], fresher: str) -> dict[str, str]:
    """The `fresher` SQL of each column of `table`'s partly known value (PARTLY_KNOWN) the staged rows carry."""
    if table not in PARTLY_KNOWN:
        return {}
    flag, cols = PARTLY_KNOWN[table]
    if flag not in data_cols:
        return {}
    s, t = f"s.{_q(flag)}", f"t.{_q(flag)}"
    # the staged row wins where it knows the value fully and the stored row only in part, loses the other way round
    whole = f"(CASE WHEN {s} IS NOT NULL AND {t} IS NOT NULL AND {s} <> {t} THEN NOT {s} ELSE {fresher} END)"
    return {c: whole for c in cols if c in data_cols}


def _merged(col: str, fresher: str | None) -> str:
    """The value `col` takes when staged row s meets stored row t.

    `fresher` is None for the plain rule (a non-NULL staged value wins), else the
    SQL that is true when s is fresher than t: then s's values win and t fills
    its NULLs; otherwise s only fills t's NULLs.
    """
    plain = f"coalesce(s.{_q(col)}, t.{_q(col)})"
    if fresher is None:
        return plain
    return f"CASE WHEN {fresher} THEN {plain} ELSE coalesce(t.{_q(col)}, s.{_q(col)}) END"


def _differs(data_cols: Sequence[str], fresher: str | None, plain: Sequence[str] = (),
             fresher_of: Mapping[str, str] | None = None) -> str:
    """`fresher_of`: the columns whose `fresher` is their own (`_whole_first`)."""
    of = fresher_of or {}
    return " OR ".join(
        f"({_merged(c, None if c in plain else of.get(c, fresher))} IS DISTINCT FROM t.{_q(c)})" for c in data_cols
    ) or "FALSE"


def save_prior(db: Database, table: str, select_from_where: str, batch_id: int, params: list[object]) -> int:
    """Copy the rows `select_from_where` (over alias t) finds into `<table>_prior`; returns how many.

    A row this import already wrote (its batch_id is this batch) is not copied: undo
    removes it anyway, and its true before-image was saved when it was first touched.
    """
    cols = table_columns(db, table)
    names = ", ".join(_q(c) for c in cols)
    picked = ", ".join(f"t.{_q(c)}" for c in cols)
    with db.unordered():
        saved = db.execute(
            f"INSERT INTO {_q(table + '_prior')} ({names}, undo_batch_id) SELECT {picked}, ? "
            f"{select_from_where} AND t.batch_id IS DISTINCT FROM ?",
            [batch_id, *params, batch_id],
        ).fetchone()
    return int(saved[0]) if saved else 0


def stored_freshness(kind: str, staged: str, id_col: str) -> str:
    """SELECT shop_id, row_id, freshness: the key each row of `staged` (shop_id, `id_col`) has in the shop.

    A row's key is the greatest any still-active import gave it (undo removes an
    import's keys), so it does not depend on the order the files came in.
    """
    return (f"SELECT f.shop_id, f.row_id, max(f.freshness) AS freshness FROM row_freshness f "
            f"WHERE f.kind = '{kind}' AND EXISTS (SELECT 1 FROM {_q(staged)} s "
            f"WHERE s.shop_id = f.shop_id AND s.{_q(id_col)} = f.row_id) GROUP BY f.shop_id, f.row_id")


def record_freshness(db: Database, kind: str, keys: str, id_col: str, batch_id: int, *, only: str = "TRUE") -> None:
    """Remember the key of every row of `keys` (shop_id, `id_col`, freshness; one per id) as this import's.

    `only` (SQL over alias k) narrows the rows, where copying the wanted ones to a table first would cost more.
    """
    with db.unordered():
        db.execute(f"INSERT INTO row_freshness (kind, shop_id, row_id, freshness, batch_id) "
                   f"SELECT '{kind}', k.shop_id, k.{_q(id_col)}, k.{_q(FRESHNESS)}, ? FROM {_q(keys)} k "
                   f"WHERE k.{_q(FRESHNESS)} IS NOT NULL AND ({only})", [batch_id])


def upsert(db: Database, table: str, staged: str, batch_id: int, *, keys: str | None = None,
           plain: Sequence[str] = ()) -> MergeCount:
    """Merge `staged` into `table`; the caller holds the transaction.

    `keys` (orders and buyers) names a table of the staged rows' freshness keys
    (shop_id, the id, freshness): the table then merges by freshness, and
    `plain` columns still take the staged value whenever it is not NULL, the
    writer having combined them with the stored value already (a buyer's
    first_seen is the earlier of the two, an order's refunded amount the larger).
    """
    key = KEYS[table]
    target_cols = [c for c in table_columns(db, table) if c != "batch_id"]
    staged_cols = table_columns(db, staged)
    missing_key = [k for k in key if k not in staged_cols]
    if missing_key:
        raise ValueError(f"staged rows for {table} lack key columns {missing_key}")
    cols = [c for c in target_cols if c in staged_cols]
    data_cols = [c for c in cols if c not in key]
    freshness_keys = keys if table in FRESHNESS_IDS else None
    join = " AND ".join(f"t.{_q(k)} = s.{_q(k)}" for k in key)

    # Copying a million staged rows just to de-duplicate them costs more than
    # checking that there is nothing to de-duplicate, which is the usual case.
    source_name = staged
    if _has_duplicate_keys(db, staged, key):
        db.execute(f"CREATE OR REPLACE TEMP TABLE _merge_src AS SELECT * FROM {_dedup_source(staged, key, staged_cols)}")
        source_name = "_merge_src"
    source = _q(source_name)
    added = int(
        db.scalar(
            f"SELECT count(*) FROM {source} s WHERE NOT EXISTS (SELECT 1 FROM {_q(table)} t WHERE {join})"
        )
    )
    col_list = ", ".join(_q(c) for c in cols)
    updated = 0
    if added == int(db.scalar(f"SELECT count(*) FROM {source}")):
        # Every key is new (a first import): nothing to remember for undo and no conflict
        # possible, so a plain insert does, without the cost of conflict handling.
        with db.unordered():
            db.execute(f"INSERT INTO {_q(table)} ({col_list}, batch_id) SELECT {col_list}, ? FROM {source}",
                       [batch_id])
    elif freshness_keys is not None:
        updated = _merge_by_freshness(db, table, source_name, freshness_keys, batch_id, cols, data_cols, plain)
    else:
        updated = save_prior(
            db, table, f"FROM {_q(table)} t JOIN {source} s ON {join} WHERE ({_differs(data_cols, None)})",
            batch_id, [],
        )
        if table in UNINDEXED:
            _update_then_insert(db, table, source_name, batch_id, cols,
                                {c: f"coalesce(s.{_q(c)}, t.{_q(c)})" for c in data_cols},
                                f"({_differs(data_cols, None)})")
            if freshness_keys is not None:
                record_freshness(db, table, freshness_keys, FRESHNESS_IDS[table], batch_id)
            _drop_copy(db, source_name)
            return MergeCount(added=added, updated=updated)
        sets = ", ".join(f"{_q(c)} = coalesce(excluded.{_q(c)}, {_q(table)}.{_q(c)})" for c in data_cols)
        sets = (sets + ", " if sets else "") + "batch_id = excluded.batch_id"
        where = " OR ".join(
            f"(coalesce(excluded.{_q(c)}, {_q(table)}.{_q(c)}) IS DISTINCT FROM {_q(table)}.{_q(c)})"
            for c in data_cols
        ) or "FALSE"
        with db.unordered():
            db.execute(
                f"INSERT INTO {_q(table)} ({col_list}, batch_id) SELECT {col_list}, ? FROM {source} "
                f"ON CONFLICT ({', '.join(_q(k) for k in key)}) DO UPDATE SET {sets} WHERE {where}",
                [batch_id],
            )
    if freshness_keys is not None:
        record_freshness(db, table, freshness_keys, FRESHNESS_IDS[table], batch_id)
    _drop_copy(db, source_name)
    return MergeCount(added=added, updated=updated)


def _drop_copy(db: Database, source_name: str) -> None:
    # Only a de-duplicated copy is dropped: a zip of small tables merges ~5 tables each, mostly without one.
    if source_name == "_merge_src":
        db.execute("DROP TABLE IF EXISTS _merge_src")


def _merge_by_freshness(db: Database, table: str, source: str, keys: str, batch_id: int, cols: Sequence[str],
                        data_cols: Sequence[str], plain: Sequence[str]) -> int:
    """New rows are inserted; a stored row takes the merged values where they differ. Returns rows changed."""
    key = KEYS[table]
    id_col = FRESHNESS_IDS[table]
    join = " AND ".join(f"t.{_q(k)} = s.{_q(k)}" for k in key)
    fresher = "(n.freshness > coalesce(k.freshness, ''))"
    keyed = (f"FROM {_q(source)} s JOIN {_q(table)} t ON {join} "
             f"JOIN {_q(keys)} n ON n.shop_id = s.shop_id AND n.{_q(id_col)} = s.{_q(id_col)} "
             f"LEFT JOIN ({stored_freshness(table, keys, id_col)}) k "
             f"ON k.shop_id = s.shop_id AND k.row_id = s.{_q(id_col)}")
    fresher_of = _whole_first(table, data_cols, fresher)
    differs = _differs(data_cols, fresher, plain, fresher_of)
    db.execute(
        "CREATE OR REPLACE TEMP TABLE _merge_changed AS SELECT "
        + ", ".join([f"t.{_q(k)}" for k in key]
                    + [f"{_merged(c, None if c in plain else fresher_of.get(c, fresher))} AS {_q(c)}"
                       for c in data_cols])
        + f" {keyed} WHERE {differs}"
    )
    changed = ", ".join(_q(k) for k in key)
    match = " AND ".join(f"c.{_q(k)} = t.{_q(k)}" for k in key)
    updated = save_prior(
        db, table, f"FROM {_q(table)} t WHERE EXISTS (SELECT 1 FROM _merge_changed c WHERE {match})", batch_id, [],
    )
    if table in UNINDEXED:
        with db.unordered():
            db.execute(f"UPDATE {_q(table)} AS t SET "
                       + ", ".join([f"{_q(c)} = c.{_q(c)}" for c in data_cols] + ["batch_id = ?"])
                       + f" FROM _merge_changed c WHERE {match}", [batch_id])
        _update_then_insert(db, table, source, batch_id, cols, {}, "FALSE")
        db.execute("DROP TABLE _merge_changed")
        return updated
    col_list = ", ".join(_q(c) for c in cols)
    sets = ", ".join([f"{_q(c)} = excluded.{_q(c)}" for c in data_cols] + ["batch_id = excluded.batch_id"])
    with db.unordered():
        db.execute(
            f"INSERT INTO {_q(table)} ({col_list}, batch_id) SELECT {col_list}, ? FROM {_q(source)} s "
            f"WHERE NOT EXISTS (SELECT 1 FROM {_q(table)} t WHERE {join})",
            [batch_id],
        )
        db.execute(
            f"INSERT INTO {_q(table)} ({col_list}, batch_id) SELECT {col_list}, ? FROM _merge_changed "
            f"ON CONFLICT ({changed}) DO UPDATE SET {sets}",
            [batch_id],
        )
    db.execute("DROP TABLE _merge_changed")
    return updated


def _update_then_insert(db: Database, table: str, source: str, batch_id: int, cols: Sequence[str],
                        sets: dict[str, str], differs: str) -> None:
    """Merge de-duplicated `source` (alias s) into an UNINDEXED table (alias t) without ON CONFLICT.

    Stored keys take `sets` where `differs` holds; then only the keys the table lacks are inserted,
    so no key is ever stored twice.
    """
    join = " AND ".join(f"t.{_q(k)} = s.{_q(k)}" for k in KEYS[table])
    col_list = ", ".join(_q(c) for c in cols)
    with db.unordered():
        if sets:
            db.execute(f"UPDATE {_q(table)} AS t SET "
                       + ", ".join([f"{_q(c)} = {v}" for c, v in sets.items()] + ["batch_id = ?"])
                       + f" FROM {_q(source)} s WHERE {join} AND {differs}", [batch_id])
        db.execute(f"INSERT INTO {_q(table)} ({col_list}, batch_id) SELECT {col_list}, ? FROM {_q(source)} s "
                   f"WHERE NOT EXISTS (SELECT 1 FROM {_q(table)} t WHERE {join})", [batch_id])


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
    # Nothing is stale unless a staged parent already has children (never, into an empty table); asking is
    # cheaper than the save, which also looks for staged children the stored ones lack.
    held = db.scalar(f"SELECT EXISTS (SELECT 1 FROM {_q(table)} t WHERE EXISTS (SELECT 1 FROM {_q(staged)} p "
                     f"WHERE {join_parent}))")
    saved = save_prior(db, table, stale, batch_id, []) if held else 0
    removed = 0
    # Rows of this very import (an order re-keyed to its platform id) have no before-image to save.
    if saved or db.scalar(f"SELECT EXISTS (SELECT 1 FROM {_q(table)} WHERE batch_id = ?)", [batch_id]):
        deleted = db.execute(f"DELETE {stale}").fetchone()
        removed = int(deleted[0]) if deleted else 0
    count = upsert(db, table, staged, batch_id)
    return MergeCount(added=count.added, updated=count.updated, removed=removed)
