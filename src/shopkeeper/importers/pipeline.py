"""Import one source table (a CSV, a sheet, a zip member) as one undoable batch.

Everything a file changes in the shop happens inside one transaction together
with its `import_batches` row and its `import_rejects`: a refusal, an error or
a cancel rolls all of it back, so the shop is exactly as it was. Reading the
file into temp tables comes first, outside the transaction (it changes nothing
in the shop file); the transaction opens with the normaliser's first write
(see context.py). Inside a readable file, rows that cannot be read are
recorded as rejects and the rest is imported.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from shopkeeper.db.batches import BatchInfo, add_batch_members, find_active_by_hash, finish_batch, new_batch
from shopkeeper.db.database import Database
from shopkeeper.domain.changes import Changes
from shopkeeper.domain.message_texts import message_from_row
from shopkeeper.domain.messages import Message
from shopkeeper.importers import spreadsheet_damage
from shopkeeper.importers.canonical import ensure_shop, shop_currency, shop_name_for
from shopkeeper.importers.context import (
    REJECTS,
    TYPED,
    ImportContext,
    OneByOne,
    row_in_table,
    table_of_row,
    temp_tables,
)
from shopkeeper.importers.context import Refused as Refused  # the services catch it from here
from shopkeeper.importers.control_totals import ControlTotals
from shopkeeper.importers.normalise_sql import install_macros
from shopkeeper.importers.reading import (
    ImportCancelled,
    SourceTable,
    cut_last_record,
    explain_read_error,
    find_text_after_quote,
    recover_from_invalid_utf8,
    redetect_quoting,
)
from shopkeeper.importers.recognise import MappingProblem, Recognised, match_spec, recognise, saved_mapping
from shopkeeper.importers.shared_reads import SharedReads
from shopkeeper.importers.staging import load

log = logging.getLogger(__name__)

# A Cancel interrupts statements until the import returns; cleanup outlasts it.
_CLEANUP_ATTEMPTS = 200

UNKNOWN_FORMAT = Message("import.refused.unknown_format")


class NeedsMapping(Refused):
    """No format and no saved mapping fits the headers: the seller can map the columns."""


@dataclass(frozen=True)
class TableResult:
    platform: str
    kind: str
    label: str
    batch_id: int | None
    rows_read: int = 0
    rows_added: int = 0
    rows_updated: int = 0
    rows_rejected: int = 0
    already: BatchInfo | None = None
    changed_tables: frozenset[str] = frozenset()
    # A dry run's first rejected cells: (row, column, value, reason).
    sample_rejects: tuple[tuple[int, str | None, str | None, Message], ...] = ()


def identify(db: Database, table: SourceTable, mapping_name: str | None) -> tuple[SourceTable, Recognised]:
    recognised = recognise(table.headers)
    if recognised is None:
        try:
            recognised = saved_mapping(db, table.headers, mapping_name)
        except MappingProblem as problem:
            raise Refused(problem.reason) from None
    if recognised is None:
        raise NeedsMapping(UNKNOWN_FORMAT)
    if not recognised.spec.quoting and table.quote is not None:
        # Amazon flat files do not escape quotes: read them with quoting off.
        table = redetect_quoting(table, None)
        columns = match_spec(recognised.spec, table.headers)
        recognised = replace(recognised, columns=columns, headers=tuple(table.headers))
    return table, recognised


def share_reads(db: Database, tables: Sequence[SourceTable], mapping_name: str | None) -> SharedReads:
    """The tables of one dropped file that can be read together (a zip of many small exports)."""
    recognised: list[tuple[SourceTable, Recognised]] = []
    for table in tables if len(tables) > 1 else ():
        try:
            same, found = identify(db, table, mapping_name)
        except Refused:
            continue  # refused again, and alone, when its turn comes
        if same is table:  # a table read with other quoting than it was opened with is read alone
            recognised.append((table, found))
    return SharedReads(db, recognised)


def import_table(
    db: Database,
    table: SourceTable,
    *,
    content_hash: str,
    workdir: Path,
    shop_name: str | None = None,
    mapping_name: str | None = None,
    progress: Callable[[Message, float], None] | None = None,
    progress_span: tuple[float, float] = (0.0, 1.0),
    cancel: Callable[[], bool] | None = None,
    recognised: Recognised | None = None,
    dry_run: bool = False,
    shared_reads: SharedReads | None = None,
    derive: Callable[[Database], Changes] | None = None,
    control_totals: ControlTotals | None = None,
    imported_before: Mapping[str | None, BatchInfo] | None = None,
) -> TableResult:
    """Import one table; raises Refused or ImportCancelled with the shop unchanged.

    `recognised` imports the table with that mapping instead of recognising it;
    `dry_run` does all of the import, counts and rejects included, then rolls it
    back (how a column mapping is checked before anything is written);
    `shared_reads` (see `share_reads`) lets it take its rows from a read shared
    with the other small tables of its file; `derive` rebuilds the derived
    figures (services/recompute.py) inside the import's transaction;
    `control_totals` what a summary beside the table says its rows add up to; `imported_before` is what
    `active_by_member` said for the table's file, when no other table of that file has its member name.
    """
    if recognised is None:
        table, recognised = identify(db, table, mapping_name)
    spec = recognised.spec
    if dry_run:
        already = None
    elif imported_before is not None:
        already = imported_before.get(table.member)
    else:
        already = find_active_by_hash(db, content_hash, table.member)
    if already is not None:
        return TableResult(spec.platform, spec.kind, spec.label, already.batch_id, already=already)
    def attempt(source: SourceTable) -> TableResult:
        return _import(db, source, recognised, content_hash=content_hash, shop_name=shop_name, progress=progress,
                       progress_span=progress_span, cancel=cancel, dry_run=dry_run, shared_reads=shared_reads,
                       derive=derive, control_totals=control_totals)

    try:
        return attempt(table)
    except duckdb.Error as error:
        if "invalid unicode" not in str(error).lower():
            raise
    # The first MiB looked like UTF-8 but later bytes are not: decode the whole file and retry.
    table = recover_from_invalid_utf8(table, workdir, cancel=cancel)
    try:
        return attempt(table)
    except duckdb.Error as error:
        if "invalid unicode" not in str(error).lower():
            raise
    # Now UTF-8 for sure: DuckDB says this about non-ASCII text after a closing quote ("x"é).
    line = find_text_after_quote(table.csv_path, table.delimiter, cancel)
    if line is None:
        raise Refused(Message("import.refused.text_after_quote"))
    raise Refused(Message("import.refused.text_after_quote_on_line", {"line": line}))


def _import(
    db: Database,
    table: SourceTable,
    recognised: Recognised,
    *,
    content_hash: str,
    shop_name: str | None,
    progress: Callable[[Message, float], None] | None,
    progress_span: tuple[float, float],
    cancel: Callable[[], bool] | None,
    dry_run: bool,
    shared_reads: SharedReads | None,
    derive: Callable[[Database], Changes] | None,
    control_totals: ControlTotals | None = None,
) -> TableResult:
    spec = recognised.spec
    writing = _Writing()
    ctx = _context(db, table, recognised, content_hash=content_hash, shop_name=shop_name, progress=progress,
                   progress_span=progress_span, cancel=cancel, shared_reads=shared_reads,
                   control_totals=control_totals, writing=writing)
    try:
        try:
            rows_read = load(ctx, table)
        except duckdb.InterruptException:
            raise
        except duckdb.Error as error:
            if "invalid unicode" in str(error).lower():
                raise
            raise Refused(explain_read_error(error, table).reason) from None
        if rows_read == 0:
            raise Refused(Message("import.refused.header_without_rows"))
        damaged = spreadsheet_damage.refusal(ctx)
        if damaged is not None:
            raise Refused(damaged)
        spec.normalise(ctx)
        rejected = ctx.rejected_count()
        if rejected >= rows_read:
            raise Refused(_nothing_readable(db, rows_read))
        batch_id = ctx.begin_writing()
        ctx.save_rejects()
        added, updated = ctx.row_counts()
        finish_batch(db, batch_id, read=rows_read, added=added, updated=updated, rejected=rejected)
        sample = _sample_rejects(db) if dry_run else ()
        changed = _finish(ctx, writing, None if dry_run else derive, keep=not dry_run)
    except BaseException as error:
        _abandon(db, writing, error)
        raise
    if dry_run:
        _drop_work_tables_after(db)  # the rollback brought back the ones dropped inside it
    return TableResult(spec.platform, spec.kind, spec.label, None if dry_run else batch_id, rows_read, added,
                       updated, rejected, changed_tables=frozenset() if dry_run else changed,
                       sample_rejects=sample)


@dataclass
class _Writing:
    """Whether the import's transaction is open (set before BEGIN runs: an interrupted BEGIN is rolled back too)."""

    open: bool = False


def _context(db: Database, table: SourceTable, recognised: Recognised, *, content_hash: str,
             shop_name: str | None, progress: Callable[[Message, float], None] | None,
             progress_span: tuple[float, float], cancel: Callable[[], bool] | None,
             shared_reads: SharedReads | None, control_totals: ControlTotals | None,
             writing: _Writing) -> ImportContext:
    """The context of importing `table` (its batch names its file and member), with the shop's macros installed."""
    spec = recognised.spec
    platform_row = db.fetchone("SELECT name, timezone FROM platforms WHERE code = ?", [spec.platform])
    if platform_row is None:
        raise Refused(Message("import.refused.unknown_platform", {"platform": spec.platform}))
    display_name, zone = platform_row
    name = shop_name_for(db, spec.platform, shop_name, str(display_name))
    shop_id = f"{spec.platform}:{name}"
    install_macros(db)

    def open_batch() -> int:
        writing.open = True
        db.begin()
        batch = new_batch(
            db,
            file_name=table.origin.name,
            file_path=str(table.origin),
            member=table.member,
            content_hash=content_hash,
            platform=spec.platform,
            kind=spec.kind,
            shop_id=shop_id,
        )
        ensure_shop(db, shop_id=shop_id, platform=spec.platform, name=name, batch_id=batch)
        return batch

    return ImportContext(
        db=db,
        batch_id=0,
        recognised=recognised,
        shop_id=shop_id,
        platform=spec.platform,
        zone=str(zone),
        currency=shop_currency(db, shop_id, spec.platform),
        cancel=cancel,
        progress=progress,
        progress_span=progress_span,
        open_batch=open_batch,
        shared_reads=shared_reads,
        exported_at=_written_at(table.origin),
        footer_lines=table.footer_lines,
        control_totals=control_totals,
    )


def _finish(ctx: ImportContext, writing: _Writing, derive: Callable[[Database], Changes] | None, *,
            keep: bool) -> frozenset[str]:
    """Derive, then COMMIT the import (`keep`) or roll it back (a dry run); the shop tables it changed."""
    ctx.step(Message("progress.saving"), 0.97)
    _drop_work_tables(ctx.db)  # inside the transaction: their rows then never need committing
    derived: frozenset[str] = frozenset()
    if derive is not None and derive(ctx.db):
        # Tiers and points follow the data in the same transaction: no moment shows them stale.
        derived = frozenset({"members", "points_ledger"})
    ctx.check_cancel()  # the last moment a Cancel can still leave the shop as it was
    if keep:
        ctx.db.execute("COMMIT")
    else:
        ctx.db.rollback()
    writing.open = False
    return frozenset(t for t, c in ctx.merged.items() if c.added or c.updated or c.removed) | derived


def _abandon(db: Database, writing: _Writing, error: BaseException) -> None:
    """After a failure: roll back what was written; a Cancel's interrupt becomes ImportCancelled."""
    if writing.open:
        db.rollback()
    _drop_work_tables_after(db)
    if isinstance(error, duckdb.InterruptException):
        raise ImportCancelled() from None


def import_together(
    db: Database,
    tables: Sequence[SourceTable],
    recognised: Recognised,
    *,
    content_hash: str,
    shared_reads: SharedReads,
    shop_name: str | None = None,
    progress: Callable[[Message, float], None] | None = None,
    progress_span: tuple[float, float] = (0.0, 1.0),
    cancel: Callable[[], bool] | None = None,
    derive: Callable[[Database], Changes] | None = None,
) -> list[TableResult] | None:
    """Import tables of one file read together (`SharedReads.together`; none imported before) as one batch in
    one transaction: the shop they make one by one, at about one table's fixed cost (a zip of 300 small exports).

    Returns each table's result (all with the one batch), or None with the shop unchanged when that cannot be
    promised: a row of any of them rejected, a record made of rows of two of them (one by one, the later
    table's rows would replace the earlier's), ids a spreadsheet may have rounded, or anything one of them
    could be refused for alone. They are then imported one by one, each with its own exact outcome.
    Raises ImportCancelled, and shop-file faults, as `import_table` does.
    """
    # A footer's totals are checked against its own table's rows; a cut table's last row is its own reject.
    if (len(tables) < 2 or not recognised.spec.together or any(t.footer_lines for t in tables)
            or any(cut_last_record(t) is not None for t in tables)):
        return None
    spec = recognised.spec
    writing = _Writing()
    ctx = _context(db, tables[0], recognised, content_hash=content_hash, shop_name=shop_name, progress=progress,
                   progress_span=progress_span, cancel=cancel, shared_reads=shared_reads, control_totals=None,
                   writing=writing)
    ctx.together = True
    try:
        try:
            ctx.run("SET preserve_insertion_order = true")  # row numbers follow the files' order
            ctx.step(Message("progress.reading", {"name": tables[0].origin.name}), 0.05)
            counts = shared_reads.take_all_typed(ctx, tables, TYPED)
            if counts is None or any(typed == 0 or raw for _, typed, raw in counts):
                raise OneByOne
            ctx.typed_kind = "TABLE"
            ctx.typed_rows = sum(typed for _, typed, _ in counts)
            ctx.start_rejects()
            part = table_of_row("_row")
            if (spreadsheet_damage.rounded_in_some_part(ctx, part, row_in_table("_row"))
                    or spreadsheet_damage.refusal(ctx) is not None):
                raise OneByOne
            spec.normalise(ctx)
            if ctx.rejected_count() or ctx.spans_parts(part):
                raise OneByOne
        except (OneByOne, Refused, duckdb.Error) as error:
            if isinstance(error, duckdb.InterruptException):
                raise
            if isinstance(error, duckdb.Error):
                log.info("importing %d tables together failed, importing them one by one: %s", len(tables), error)
            if writing.open:
                db.rollback()
                writing.open = False
            _drop_work_tables_after(db)
            return None
        batch_id = ctx.begin_writing()
        by_part = ctx.row_counts_by(part)
        members = [(str(t.member), typed, *by_part.get(i, (0, 0)))
                   for i, (t, (_, typed, _)) in enumerate(zip(tables, counts, strict=True), start=1)]
        finish_batch(db, batch_id, read=ctx.typed_rows, added=sum(m[2] for m in members),
                     updated=sum(m[3] for m in members), rejected=0)
        add_batch_members(db, batch_id, members)
        changed = _finish(ctx, writing, derive, keep=True)
    except BaseException as error:
        _abandon(db, writing, error)
        raise
    shared_reads.taken_all(tables)
    return [TableResult(spec.platform, spec.kind, spec.label, batch_id, read, added, updated, 0,
                        changed_tables=changed) for _member, read, added, updated in members]


_SAMPLE_REJECTS = 20


def _sample_rejects(db: Database) -> tuple[tuple[int, str | None, str | None, Message], ...]:
    rows = db.fetchall(f"SELECT row_number, column_name, value, code, params FROM {REJECTS} "
                       f"ORDER BY row_number, column_name NULLS LAST LIMIT {_SAMPLE_REJECTS}")
    return tuple((int(r[0]), r[1], r[2], message_from_row(r[3], r[4], None)) for r in rows)


def _nothing_readable(db: Database, rows_read: int) -> Message:
    first_reject = db.fetchone(
        f"SELECT row_number, column_name, code, params FROM {REJECTS} "
        "ORDER BY row_number, column_name NULLS LAST LIMIT 1"
    )
    assert first_reject is not None, "asked only when every row read was rejected"
    row, column, code, params = first_reject
    first = {"row": int(row), "problem": message_from_row(code, params, None)}
    if column:
        first["column"] = column
    if rows_read == 1:
        return Message("import.refused.only_row_unreadable_in_column" if column
                       else "import.refused.only_row_unreadable", first)
    return Message("import.refused.no_row_readable_in_column" if column else "import.refused.no_row_readable",
                   {"rows": rows_read, **first})


def _drop_work_tables(db: Database) -> None:
    work = {name: kind for name, kind in temp_tables(db).items()
            if name.startswith("_sk_") or name == "_merge_src"}
    # views first: a view over a work table would otherwise be left pointing at nothing
    for name, kind in sorted(work.items(), key=lambda item: item[1] != "VIEW"):
        db.execute(f'DROP {kind} IF EXISTS temp.main."{name}"')


def _drop_work_tables_after(db: Database) -> None:
    """Best effort once the import is over: a Cancel may still be interrupting statements."""
    for _attempt in range(_CLEANUP_ATTEMPTS):
        try:
            _drop_work_tables(db)
            return
        except duckdb.InterruptException:
            continue
        except duckdb.Error:
            log.exception("could not drop the import's work tables")
            return


def _written_at(path: Path) -> datetime | None:
    """The file's modification time: the closest the shop can know to when the platform counted its stock."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        return None
