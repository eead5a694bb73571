"""Read and convert the small tables of one dropped file together, then hand each its own rows.

A zip of 300 small exports used to cost 300 conversions, and most of a small
table's conversion is DuckDB binding and optimising the macro-heavy SQL, not
the rows. Tables of one format with the same header and read options are
therefore read by one `read_csv` over the list of their files (`filename`
says which row came from where) and converted by one statement. Then either
all of them are imported together as one batch (`take_all_typed`,
pipeline.import_together), or, when that could differ from one by one, each
table takes its own rows, in file order, as its `_sk_conv`, and everything
after that - batch, rejects and their row numbers, the "already imported"
check, the outcome line - is the table's own, exactly as when it is read
alone.

The shared read happens when the first table of a group is staged, outside
any transaction, like every read. A group whose shared read fails (a short
row, a byte that is not UTF-8, anything) is never tried again: its tables are
read one by one, so each meets the very error, refusal or retry it would have
met alone. Only small tables are grouped, and only up to a total size, so the
shared table stays small and taking one table's rows from it stays cheap.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import duckdb

from shopkeeper.db.database import Database
from shopkeeper.importers.context import ROW_SPAN, ImportContext
from shopkeeper.importers.reading import SourceTable
from shopkeeper.importers.recognise import Recognised
from shopkeeper.importers.staging import (
    MATERIALISED_ROWS,
    convert_files,
    kept_cell_tests,
    kept_cells_found,
    read_attempts,
    typed_columns,
)

log = logging.getLogger(__name__)

# A table this big is read alone: its own conversion's fixed cost no longer matters.
MEMBER_BYTES = 1 << 20
# A shared read holds at most this much CSV (its converted copy is a temp table in memory).
GROUP_BYTES = 16 << 20

# A Cancel interrupts statements until the import returns; cleanup outlasts it.
_DROP_ATTEMPTS = 200

GroupKey = tuple[object, ...]


def group_key(recognised: Recognised, table: SourceTable) -> GroupKey:
    """What the conversion SQL and the read options depend on, besides the file itself."""
    spec = recognised.spec
    options = read_attempts(spec, table)
    return (spec.platform, spec.kind, spec.label, recognised.mapping_name, table.headers,
            tuple(sorted(recognised.columns.items())), repr([sorted(o.items()) for o in options]))


@dataclass
class _Group:
    key: GroupKey
    table: str  # the shared temp table; not `_sk_*`, which is dropped after every table
    paths: list[str]
    waiting: set[str] = field(default_factory=set)  # paths not yet taken
    zone: str | None = None  # set once read
    failed: bool = False
    # The group's `_sk_typed` rows (with `_file`), made with the conversion; None until tried, "" when it
    # cannot be (a table too big for a typed copy, or a failure: each table is then typed alone).
    typed: str | None = None
    # Per path: (rows read, typed rows, fields with some `__raw` cell in that table).
    counts: dict[str, tuple[int, int, frozenset[str]]] = field(default_factory=dict)


class SharedReads:
    """The groups of tables of one dropped file that are read together (see the module docstring)."""

    def __init__(self, db: Database, tables: Iterable[tuple[SourceTable, Recognised]]) -> None:
        self._db = db
        self._by_path: dict[str, _Group] = {}
        keyed: dict[GroupKey, list[tuple[str, int]]] = {}
        for table, recognised in tables:
            size = table.csv_path.stat().st_size
            if size <= MEMBER_BYTES:
                keyed.setdefault(group_key(recognised, table), []).append((str(table.csv_path), size))
        for key, members in keyed.items():
            chunk: list[str] = []
            total = 0
            for path, size in [*members, ("", GROUP_BYTES + 1)]:  # the sentinel closes the last chunk
                if chunk and total + size > GROUP_BYTES:
                    if len(chunk) > 1 and len(set(chunk)) == len(chunk):
                        group = _Group(key, f"_skg_conv_{len(self._by_path)}", chunk, set(chunk))
                        self._by_path.update((p, group) for p in chunk)
                    chunk, total = [], 0
                chunk.append(path)
                total += size

    def take(self, ctx: ImportContext, source: SourceTable, target: str) -> int | None:
        """Create `target` with this table's converted rows; None when it must be read alone."""
        group = self._converted(ctx, source)
        if group is None:
            return None
        path = str(source.csv_path)
        ctx.run(f"CREATE OR REPLACE TEMP TABLE {target} AS SELECT * EXCLUDE (_file) FROM {group.table} "
                f"WHERE _file = $file ORDER BY rowid", {"file": path})
        self._taken(group, path)
        return int(ctx.scalar(f"SELECT count(*) FROM {target}"))

    def take_typed(self, ctx: ImportContext, source: SourceTable,
                   target: str) -> tuple[int, int, frozenset[str]] | None:
        """Create `target` as this table's `_sk_typed` table: (rows read, typed rows, fields with some
        `__raw` cell), or None when it must be typed alone (`take`, or read alone).

        Typing the group once spares each table its own copy of the converted rows, the look for kept
        cells and the binding of the typed columns. The group's `__raw` / `__cur` columns are those of
        any of its tables; in a table without such a cell they are NULL, as the table alone makes them.
        """
        group = self._converted(ctx, source)
        if group is None:
            return None
        if group.typed is None:
            self._type(ctx, group)
        path = str(source.csv_path)
        if not group.typed or path not in group.counts:
            return None
        ctx.run(f"CREATE OR REPLACE TEMP TABLE {target} AS SELECT * EXCLUDE (_file) FROM {group.typed} "
                f"WHERE _file = $file ORDER BY _row", {"file": path})
        self._taken(group, path)
        return group.counts[path]

    def together(self, tables: Sequence[SourceTable]) -> list[list[int]]:
        """The places in `tables` of each group of two or more read together, in file order."""
        places: dict[int, list[int]] = {}
        for i, table in enumerate(tables):
            group = self._by_path.get(str(table.csv_path))
            if group is not None and not group.failed:
                places.setdefault(id(group), []).append(i)
        return [p for p in places.values() if len(p) > 1]

    def take_all_typed(self, ctx: ImportContext, sources: Sequence[SourceTable],
                       target: str) -> list[tuple[int, int, frozenset[str]]] | None:
        """Create `target` as one `_sk_typed` of all of `sources` (tables of one group, none taken yet):
        each table's counts as `take_typed` gives them, or None when they cannot be typed together.

        A row's `_row` is its row number in its table plus the table's place in `sources` (from 1) times
        ROW_SPAN (`table_of_row`). The tables stay waiting: `taken_all` once they are imported.
        """
        group = self._converted(ctx, sources[0])
        paths = [str(s.csv_path) for s in sources]
        if group is None or any(self._by_path.get(p) is not group or p not in group.waiting for p in paths):
            return None
        if group.typed is None:
            self._type(ctx, group)
        if not group.typed or any(p not in group.counts for p in paths):
            return None
        ctx.run(f"CREATE OR REPLACE TEMP TABLE {target} AS SELECT "
                f"_row + list_position($files, _file)::BIGINT * {ROW_SPAN} AS _row, * EXCLUDE (_file, _row) "
                f"FROM {group.typed} WHERE list_contains($files, _file) ORDER BY _row", {"files": paths})
        return [group.counts[p] for p in paths]

    def taken_all(self, sources: Sequence[SourceTable]) -> None:
        """The tables `take_all_typed` typed were imported: none is read again."""
        for source in sources:
            group = self._by_path.get(str(source.csv_path))
            if group is not None:
                self._taken(group, str(source.csv_path))

    def _converted(self, ctx: ImportContext, source: SourceTable) -> _Group | None:
        """The group holding this table's converted rows, converting it the first time; None: read it alone."""
        path = str(source.csv_path)
        group = self._by_path.get(path)
        if group is None or group.failed or path not in group.waiting:
            return None
        if group.key != group_key(ctx.recognised, source) or group.zone not in (None, ctx.zone):
            return None
        if group.zone is None:
            try:
                convert_files(ctx, group.table, group.paths, read_attempts(ctx.spec, source), by_file=True)
            except duckdb.InterruptException:
                raise
            except duckdb.Error as error:
                log.info("reading %d tables together failed, reading them one by one: %s", len(group.paths), error)
                group.failed = True
                return None
            group.zone = ctx.zone
        return group

    def _type(self, ctx: ImportContext, group: _Group) -> None:
        """Make the group's typed rows, numbered per table as staging numbers them (`_row`: 1 = first row read)."""
        group.typed = ""
        tests = kept_cell_tests(ctx)
        asked = "".join(f", {sql}" for _, _, sql in tests)
        try:
            rows = ctx.run(f"SELECT _file, count(*), count(*) FILTER (WHERE NOT _skip){asked} "
                           f"FROM {group.table} GROUP BY _file").fetchall()
            if any(int(r[1]) > MATERIALISED_ROWS for r in rows):
                return  # a table that size is typed as a view, alone
            raw: frozenset[str] = frozenset()
            cur: frozenset[str] = frozenset()
            for r in rows:
                file_raw, file_cur = kept_cells_found(tests, r[3:])
                group.counts[str(r[0])] = (int(r[1]), int(r[2]), file_raw)
                raw, cur = raw | file_raw, cur | file_cur
            typed = f"{group.table}_typed"
            ctx.run(f"CREATE OR REPLACE TEMP TABLE {typed} AS SELECT * EXCLUDE (_skip) FROM ("
                    f"SELECT _file, row_number() OVER (PARTITION BY _file ORDER BY rowid) AS _row, "
                    f"{typed_columns(ctx, raw, cur)}, _skip FROM {group.table}) WHERE NOT _skip")
        except duckdb.InterruptException:
            raise
        except duckdb.Error as error:
            log.info("typing %d tables together failed, typing them one by one: %s", len(group.paths), error)
            group.counts.clear()
            return
        group.typed = typed

    def _taken(self, group: _Group, path: str) -> None:
        group.waiting.discard(path)
        if not group.waiting:
            self._drop(group)

    def close(self) -> None:
        """Drop the shared tables (best effort: a Cancel may still be interrupting statements)."""
        for group in {id(g): g for g in self._by_path.values()}.values():
            for _attempt in range(_DROP_ATTEMPTS):
                try:
                    self._drop(group)
                    break
                except duckdb.InterruptException:
                    continue
                except duckdb.Error:
                    log.exception("could not drop %s", group.table)
                    break

    def _drop(self, group: _Group) -> None:
        self._db.execute(f"DROP TABLE IF EXISTS temp.main.{group.table}")
        self._db.execute(f"DROP TABLE IF EXISTS temp.main.{group.table}_typed")
