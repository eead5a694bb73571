"""What a normaliser gets to work with while one file is imported.

The context owns the per-file temporary tables (all named `_sk_*`), the
shop, cancel/progress, the reject bookkeeping and the mapping of file rows
to the canonical records they produced (for "n added, m updated").

Reading and staging happen before the import's transaction (temp tables never
touch the shop file); the transaction and the batch begin with the first
write (`upsert` / `replace_children`, or `begin_writing`). That way a
normaliser can `release_source()` the big staged file before it writes and
the memory is really given back (a DROP inside a transaction only takes effect
at COMMIT). Rejects are collected in `_sk_rejects` and copied to
`import_rejects` with the batch when the import finishes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import datetime
from typing import TYPE_CHECKING, Any

import duckdb

from shopkeeper.db.database import Database, quote_ident
from shopkeeper.db.merge import KEYS, MergeCount, replace_children, upsert
from shopkeeper.domain.message_texts import english
from shopkeeper.domain.messages import Message
from shopkeeper.domain.shop_currency import SILENT
from shopkeeper.importers import assumed_currency
from shopkeeper.importers.control_totals import ControlTotals
from shopkeeper.importers.reading import ImportCancelled

if TYPE_CHECKING:
    # Only types: recognising a file needs the saved mappings' normalisers, which need this module,
    # and a format names the normaliser that takes this context.
    from shopkeeper.importers.formats import FormatSpec
    from shopkeeper.importers.recognise import Recognised
    from shopkeeper.importers.shared_reads import SharedReads

# Temp tables the staging step and the normalisers create; dropped after each file.
TYPED = "_sk_typed"
ROWS = "_sk_rows"
ROWMAP = "_sk_rowmap"
REJECTS = "_sk_rejects"


# The only way names (CSV headers, table names) reach SQL text.
q = quote_ident

# Tables imported together (pipeline.import_together) number their rows apart: a row's `_row` is its row number in
# its own table plus the table's place among them (from 1) times ROW_SPAN, far more rows than such a table holds.
ROW_SPAN = 1 << 32


def table_of_row(row_sql: str) -> str:
    """SQL: the place (from 1) of the table a `_row` of tables imported together came from."""
    return f"({row_sql} // {ROW_SPAN})"


def row_in_table(row_sql: str) -> str:
    """SQL: the row number in its own table of a `_row` of tables imported together."""
    return f"({row_sql} % {ROW_SPAN})"


class OneByOne(Exception):
    """Tables imported together would not make what they make one by one: import them one by one.

    A normaliser raises it for a decision it takes from a whole table that it cannot take per table."""


def temp_tables(db: Database) -> dict[str, str]:
    """The connection's temp tables and views, name -> 'TABLE' or 'VIEW'.

    The catalog functions answer in half the time of information_schema.tables, and an import asks
    this a few times per table (a zip of small exports: hundreds of times).
    """
    rows = db.fetchall(
        "SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE database_name = 'temp' "
        "UNION ALL SELECT view_name, 'VIEW' FROM duckdb_views() WHERE database_name = 'temp' AND NOT internal")
    return {str(name): str(kind) for name, kind in rows}


class Refused(Exception):
    """This table is not imported; `reason` (a code) completes '<file>: refused — …'.

    Here, not in the pipeline, so a normaliser can refuse a file its own totals contradict."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return english(self.reason)


@dataclass
class ImportContext:
    db: Database
    batch_id: int  # 0 until the first write opened the transaction and made the batch
    recognised: Recognised
    shop_id: str
    platform: str
    zone: str
    currency: str
    cancel: Callable[[], bool] | None = None
    progress: Callable[[Message, float], None] | None = None
    progress_span: tuple[float, float] = (0.0, 1.0)
    # Opens the transaction and returns the new batch id (set by the pipeline).
    open_batch: Callable[[], int] | None = None
    merged: dict[str, MergeCount] = dc_field(default_factory=dict)
    _mapped_tables: set[str] = dc_field(default_factory=set)
    _parent_keys: dict[str, tuple[str, ...]] = dc_field(default_factory=dict)  # tables written by replace_children
    _secondary_tables: set[str] = dc_field(default_factory=set)
    # "TABLE" when staging copied a small file's `_sk_typed` instead of defining the view.
    typed_kind: str = "VIEW"
    typed_rows: int | None = None  # rows in `_sk_typed`, once staging counted them (nothing changes them after)
    # Small tables of one dropped file read and converted together (shared_reads.SharedReads).
    shared_reads: SharedReads | None = None
    _rejected: int | None = None  # rejected_count() until a statement may change it
    # When the dropped file was written (its modification time): the instant its stock counts are
    # dated at (domain/stock_ledger.py). None: unknown, the import's own instant is used.
    exported_at: datetime | None = None
    # Trailing non-data lines cut off the table (eBay record counts, a ledger's 支出合计 / 收入合计).
    footer_lines: tuple[str, ...] = ()
    # What another file of the same download says this table adds up to (Alipay's 账务汇总).
    control_totals: ControlTotals | None = None
    # Several tables of one file imported as one (pipeline.import_together): what a normaliser decides from a
    # whole table, it decides per table (`table_of_row`).
    together: bool = False

    # --- plumbing ---------------------------------------------------------------------------------

    @property
    def spec(self) -> FormatSpec:
        return self.recognised.spec

    @property
    def writing(self) -> bool:
        return self.batch_id != 0

    def has(self, *fields: str) -> bool:
        """True when the file has a column for every one of these fields."""
        return all(f in self.recognised.columns for f in fields)

    def header(self, field_name: str) -> str | None:
        return self.recognised.header(field_name) if field_name in self.recognised.columns else None

    def check_cancel(self) -> None:
        if self.cancel is not None and self.cancel():
            raise ImportCancelled()

    def step(self, message: Message, fraction: float) -> None:
        """Report progress (fraction of this file's work) and honour a cancel request."""
        self.check_cancel()
        if self.progress is not None:
            lo, hi = self.progress_span
            self.progress(message, lo + (hi - lo) * max(0.0, min(1.0, fraction)))

    @property
    def params(self) -> dict[str, Any]:
        # Orders and catalogue normalisers stage SILENT for a currency their file does not name: settled
        # (importers/assumed_currency.py) to `$standing_currency`, the shop's as it stands, or what the shop holds.
        currency = SILENT if assumed_currency.assumes(self) else self.currency
        return {"batch": self.batch_id, "shop": self.shop_id, "zone": self.zone, "currency": currency,
                "standing_currency": self.currency}

    def run(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> duckdb.DuckDBPyConnection:
        """Execute one statement; named parameters $batch, $shop, $zone, $currency, $standing_currency are bound
        when used."""
        self.check_cancel()
        if REJECTS in sql and not sql.startswith("SELECT"):
            self._rejected = None  # a statement that may have changed the rejects
        if params is None:
            used = self._used_params(sql)
            return self.db.execute(sql, used or None)
        return self.db.execute(sql, params)

    def scalar(self, sql: str) -> Any:
        row = self.run(sql).fetchone()
        return None if row is None else row[0]

    def create(self, name: str, select_sql: str) -> None:
        self.run(f"CREATE OR REPLACE TEMP TABLE {q(name)} AS {select_sql}")

    def _used_params(self, sql: str) -> dict[str, Any]:
        return {k: v for k, v in self.params.items() if f"${k}" in sql}

    # --- rejects ----------------------------------------------------------------------------------

    def start_rejects(self) -> None:
        self.run(f"CREATE OR REPLACE TEMP TABLE {REJECTS} "
                 "(row_number BIGINT, column_name VARCHAR, value VARCHAR, code VARCHAR, params VARCHAR)")
        self._rejected = 0  # just made: nothing to count

    def reject(self, where_sql: str, *, reason: str, field: str | None = None, source: str = TYPED) -> int:
        """Record rows of `source` matching `where_sql` as rejected (once per row and reason code).

        A cell staging already rejected (unreadable, or an id a spreadsheet damaged) keeps that
        reason: its field is empty, but "missing order id" would send the seller the wrong way.
        """
        value = "NULL"
        column: str | None = None
        if field is not None:
            column = self.header(field)
            if field in self.recognised.columns:
                kind = self.spec.field(field).type
                # The cell as written when it did not convert, else the value.
                value = (f"CAST(s.{q(field)} AS VARCHAR)" if kind in ("text", "id")
                         else f"coalesce(s.{q(field + '__raw')}, CAST(s.{q(field)} AS VARCHAR))")
        before = self.rejected_count()
        if self.typed_kind == "TABLE" and not self.scalar(f"SELECT EXISTS (SELECT 1 FROM {q(source)} WHERE ({where_sql}))"):
            # A small file: asking costs a third of the insert, and most checks find nothing.
            return 0
        inserted = self.run(
            f"INSERT INTO {REJECTS} SELECT s._row, $column, {value}, $reason, NULL "
            f"FROM (SELECT * FROM {q(source)} WHERE ({where_sql})) s "
            f"WHERE NOT EXISTS (SELECT 1 FROM {REJECTS} x WHERE x.row_number = s._row "
            f"AND (x.code = $reason OR x.column_name = $column))",
            {**self._used_params(where_sql), "column": column, "reason": reason},
        ).fetchone()
        if inserted is not None and int(inserted[0]) == 0:
            self._rejected = before  # nothing inserted: the count it had still holds
        return self.rejected_count() - before

    def cascade_rejects(self, group_expr: str, *, reason: str) -> int:
        """Reject every row of a group (an order) when any of its rows was rejected.

        An order missing one of its lines would carry wrong totals and, on a
        re-import, would lose the line it already had; better to leave the
        whole order as it was and say so. The reason code gets the first
        rejected row of the group as its `row` parameter.
        """
        before = self.rejected_count()
        if before == 0:  # no rejected row, no group to cascade from (most small files)
            return 0
        self.run(
            f"INSERT INTO {REJECTS} "
            f"SELECT t._row, NULL, NULL, $reason, CAST(json_object('row', bad.first_bad) AS VARCHAR) "
            f"FROM {TYPED} t JOIN (SELECT {group_expr} AS grp, min(_row) AS first_bad FROM {TYPED} "
            f"  WHERE _row IN (SELECT row_number FROM {REJECTS}) GROUP BY 1) bad "
            f"ON ({group_expr}) = bad.grp "
            f"WHERE t._row NOT IN (SELECT row_number FROM {REJECTS})",
            {**self._used_params(group_expr), "reason": reason},
        )
        return self.rejected_count() - before

    def rejected_count(self) -> int:
        # Asked about a dozen times per table; only a statement through `run` changes the rejects.
        if self._rejected is None:
            self._rejected = int(self.db.scalar(f"SELECT count(DISTINCT row_number) FROM {REJECTS}"))
        return self._rejected

    def accept(self) -> int:
        """Define `_sk_rows`: the typed rows nobody rejected (a view: no copy of a big file). Returns how many."""
        if self.rejected_count() == 0:
            self.run(f"CREATE OR REPLACE TEMP VIEW {ROWS} AS SELECT * FROM {TYPED}")
            if self.typed_rows is not None:
                return self.typed_rows
        else:
            self.create("_sk_rejected_rows", f"SELECT DISTINCT row_number AS _row FROM {REJECTS}")
            self.run(f"CREATE OR REPLACE TEMP VIEW {ROWS} AS SELECT * FROM {TYPED} "
                     f"WHERE _row NOT IN (SELECT _row FROM _sk_rejected_rows)")
        return int(self.scalar(f"SELECT count(*) FROM {ROWS}"))

    def release_source(self) -> None:
        """Drop the staged file (`_sk_conv` and its views) once the canonical rows are staged.

        Call it before the first write: the file's cells are then not held in
        memory while the canonical tables are written.
        """
        self.run(f"DROP VIEW IF EXISTS temp.main.{q(ROWS)}")
        self.run(f"DROP {self.typed_kind} IF EXISTS temp.main.{q(TYPED)}")
        for table in ("_sk_rejected_rows", "_sk_conv"):
            self.run(f"DROP TABLE IF EXISTS temp.main.{q(table)}")

    # --- writing ----------------------------------------------------------------------------------

    def begin_writing(self) -> int:
        """Open the import's transaction and batch (once); returns the batch id."""
        if not self.writing:
            if self.open_batch is None:
                raise RuntimeError("this import context cannot write")
            self.check_cancel()
            self.batch_id = self.open_batch()
        return self.batch_id

    def upsert(self, table: str, staged: str, *, keys: str | None = None, plain: Sequence[str] = ()) -> MergeCount:
        self.begin_writing()
        self.check_cancel()
        if assumed_currency.settle(self, table, staged, keys):
            plain = (*plain, *assumed_currency.SETTLED)
        count = upsert(self.db, table, staged, self.batch_id, keys=keys, plain=plain)
        self._add(table, count)
        return count

    def replace_children(self, table: str, staged: str, parent_key: Sequence[str]) -> MergeCount:
        self.begin_writing()
        self.check_cancel()
        assumed_currency.settle(self, table, staged)
        count = replace_children(self.db, table, staged, self.batch_id, parent_key)
        self._parent_keys[table] = tuple(parent_key)
        self._add(table, count)
        return count

    def _add(self, table: str, count: MergeCount) -> None:
        self.merged[table] = self.merged.get(table, MergeCount()) + count

    def map_rows(self, table: str, select_sql: str, *, secondary: bool = False) -> None:
        """Remember which canonical record of `table` each file row produced.

        `select_sql` yields `_row` plus the key columns of `table`; call it
        before the table is merged (the staged table may be replaced).
        A `secondary` record (the buyer of an order row, the listing of a
        variant row) decides a row's count only when the row's own records
        are neither new nor changed: a new order of a known buyer is added.
        """
        if secondary:
            self._secondary_tables.add(table)
        key = ", ".join(q(c) for c in KEYS[table])
        target = q(f"{ROWMAP}_{table}")
        body = f"SELECT _row, {key} FROM ({select_sql})"
        if table in self._mapped_tables:
            self.run(f"INSERT INTO {target} {body}")
        else:
            self.run(f"CREATE OR REPLACE TEMP TABLE {target} AS {body}")
            self._mapped_tables.add(table)

    def maps(self, table: str) -> bool:
        """True when file rows were mapped to records of `table` (map_rows)."""
        return table in self._mapped_tables

    def row_counts(self) -> tuple[int, int]:
        """(rows added, rows updated): a row is updated when any record it maps to changed,
        added when one of them is new and none changed."""
        if not self._mapped_tables:
            return 0, 0
        row = self.run(f"SELECT count(*) FILTER (WHERE status = 1), count(*) FILTER (WHERE status = 2) FROM "
                       f"({self._row_statuses()})").fetchone()
        return (int(row[0]), int(row[1])) if row else (0, 0)

    def row_counts_by(self, part_sql: str) -> dict[int, tuple[int, int]]:
        """`row_counts` per part of the rows: `part_sql`, an integer expression over `_row`."""
        if not self._mapped_tables:
            return {}
        rows = self.run(f"SELECT {part_sql} AS part, count(*) FILTER (WHERE status = 1), "
                        f"count(*) FILTER (WHERE status = 2) FROM ({self._row_statuses()}) GROUP BY part").fetchall()
        return {int(r[0]): (int(r[1]), int(r[2])) for r in rows}

    def spans_parts(self, part_sql: str) -> bool:
        """True when one record (or one parent of replaced children) came from rows of more than one part
        (`part_sql` over `_row`): those rows, imported part by part, would not give the same shop."""
        checks = []
        # A file whose rows map only to secondary records (a customers export: buyers) is judged on those.
        for table in sorted(self._mapped_tables - self._secondary_tables or self._mapped_tables):
            keys = [*KEYS[table]]
            checks.append((q(f"{ROWMAP}_{table}"), keys))
            parent = self._parent_keys.get(table)
            if parent:
                checks.append((q(f"{ROWMAP}_{table}"), [*parent]))
        return any(bool(self.scalar(
            f"SELECT EXISTS (SELECT 1 FROM {mapped} GROUP BY {', '.join(q(c) for c in keys)} "
            f"HAVING min({part_sql}) <> max({part_sql}))")) for mapped, keys in checks)

    def _row_statuses(self) -> str:
        """SQL: each mapped `_row` with its status (0 unchanged, 1 added, 2 updated)."""
        parts = []
        for table in sorted(self._mapped_tables):
            mapped = q(f"{ROWMAP}_{table}")
            match = " AND ".join(f"x.{q(c)} = m.{q(c)}" for c in KEYS[table])
            count = self.merged.get(table, MergeCount())
            changed = (f"EXISTS (SELECT 1 FROM {q(table + '_prior')} x WHERE x.undo_batch_id = $batch AND {match})"
                       if count.updated or count.removed else "FALSE")
            if count.removed and table in self._parent_keys:
                changed += " OR " + self._lost_sibling(table, self._parent_keys[table])
            # Joining the whole table is only needed when some but not all keys are new;
            # added >= mapped rows >= distinct keys settles it without counting keys.
            if count.added == 0:
                new = "FALSE"
            elif count.added >= int(self.scalar(f"SELECT count(*) FROM {mapped}")) or count.added >= int(
                self.scalar(f"SELECT count(*) FROM (SELECT DISTINCT {', '.join(q(c) for c in KEYS[table])} "
                            f"FROM {mapped})")
            ):
                new = "TRUE"
            else:
                new = f"EXISTS (SELECT 1 FROM {q(table)} x WHERE x.batch_id = $batch AND {match})"
            own = "FALSE" if table in self._secondary_tables else "TRUE"
            parts.append(f"SELECT m._row, CASE WHEN {changed} THEN 2 WHEN {new} THEN 1 ELSE 0 END AS status, "
                         f"{own} AS own FROM {mapped} m")
        return (f"SELECT _row, coalesce(max(status) FILTER (WHERE own AND status > 0), max(status)) AS status "
                f"FROM ({' UNION ALL '.join(parts)}) GROUP BY _row")

    def _lost_sibling(self, table: str, parent_key: Sequence[str]) -> str:
        """SQL: the parent of row m lost a child this import removed (its order is shorter by a line)."""
        parent = " AND ".join(f"x.{q(c)} = m.{q(c)}" for c in parent_key)
        same = " AND ".join(f"t.{q(c)} = x.{q(c)}" for c in KEYS[table])
        return (f"EXISTS (SELECT 1 FROM {q(table + '_prior')} x WHERE x.undo_batch_id = $batch AND {parent} "
                f"AND NOT EXISTS (SELECT 1 FROM {q(table)} t WHERE {same}))")

    def save_rejects(self) -> None:
        """Copy the collected rejects into `import_rejects` under this import's batch."""
        if self.rejected_count() == 0:  # every reject has a row number: none counted, none to copy
            return
        self.run(f"INSERT INTO import_rejects (batch_id, row_number, column_name, value, code, params) "
                 f"SELECT $batch, row_number, column_name, value, code, params FROM {REJECTS} ORDER BY row_number")
