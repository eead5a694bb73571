"""Read and convert the small tables of one dropped file together, then hand each its own rows.

A zip of 300 small exports used to cost 300 conversions, and most of a small
table's conversion is DuckDB binding and optimising the macro-heavy SQL, not
the rows. Tables of one format with the same header and read options are
therefore read by one `read_csv` over the list of their files (`filename`
says which row came from where) and converted by one statement; each table
then takes its own rows, in file order, as its `_sk_conv`, and everything
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
from collections.abc import Iterable
from dataclasses import dataclass, field

import duckdb

from shopkeeper.db.database import Database
from shopkeeper.importers.context import ImportContext
from shopkeeper.importers.reading import SourceTable
from shopkeeper.importers.recognise import Recognised
from shopkeeper.importers.staging import convert_files, read_attempts

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
        ctx.run(f"CREATE OR REPLACE TEMP TABLE {target} AS SELECT * EXCLUDE (_file) FROM {group.table} "
                f"WHERE _file = $file ORDER BY rowid", {"file": path})
        group.waiting.discard(path)
        if not group.waiting:
            self._drop(group)
        return int(ctx.scalar(f"SELECT count(*) FROM {target}"))

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
