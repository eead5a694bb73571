"""Importing platform exports: the one API the window and the command line both call.

`import_paths` takes dropped files, recognises each table in them by its
header names, and imports every table as its own undoable batch, in its own
transaction; small tables of one file in one format are imported together as
one batch when that makes exactly what they make one by one
(pipeline.import_together). It never raises for a bad file: each table gets a `FileOutcome`
whose `line` is the single line to show (a Message; `message` is its English). It raises `ImportCancelled` when
`cancel()` turns true between steps or the window interrupts the running
statement with `Database.interrupt()` (the table being imported is rolled
back; tables finished before stay imported), and raises `ShopWriteFailed` for
a fault of the shop file itself (locked, disk full, damaged), since no later
file would fare better. Both carry the outcomes of the tables imported before
and say whether the table being imported was kept: a fault or a cancel can
come at or after its COMMIT, so the shop is asked rather than assumed.

Counts are per data row of the file: a row is "added" when the records it
produced are new, "updated" when one of them changed, "rejected" when it could
not be read (see `rejects`); rows that changed nothing are in none of these.
The same bytes (and zip member / sheet) imported again are recognised by
their sha256 and change nothing.
"""

from __future__ import annotations

import csv
import logging
import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb

from shopkeeper.db.batches import BatchInfo, active_by_member, find_active_by_hash, list_batches, touched_tables
from shopkeeper.db.database import Database
from shopkeeper.db.merge import fixed_shop_schema
from shopkeeper.db.table_areas import changes_for_tables
from shopkeeper.domain.changes import Area, Changes
from shopkeeper.domain.commands import CommandResult
from shopkeeper.domain.errors import (
    DamagedShopFileError,
    DiskFullError,
    KnownError,
    ShopLockedError,
    ShopWriteFailed,
)
from shopkeeper.domain.message_texts import english, message_from_row
from shopkeeper.domain.messages import Message
from shopkeeper.domain.source_names import display_name
from shopkeeper.domain.spreadsheet_cells import csv_safe  # re-exported: older callers import it from here
from shopkeeper.importers.canonical import WHICH_SHOP
from shopkeeper.importers.control_totals import ControlTotals
from shopkeeper.importers.pipeline import (
    NeedsMapping,
    Refused,
    TableResult,
    identify,
    import_table,
    import_together,
    share_reads,
)
from shopkeeper.importers.platforms import alipay_summary
from shopkeeper.importers.reading import (
    ImportCancelled,
    RefusedFile,
    SourceTable,
    check_input_file,
    file_sha256,
    open_tables,
)
from shopkeeper.importers.recognise import header_signature
from shopkeeper.importers.shared_reads import SharedReads
from shopkeeper.services import deferred_recompute, ledger_summaries
from shopkeeper.services.after_change import Recompute, recompute_after_change
from shopkeeper.services.backups import back_up_before_import
from shopkeeper.services.change_sets import undo_change_set

__all__ = [
    "FileOutcome",
    "ImportCancelled",
    "header_signature",
    "import_changes",
    "import_paths",
    "list_imports",
    "reject_messages",
    "rejects",
    "undo_import",
    "write_rejects_csv",
]

log = logging.getLogger(__name__)

Progress = Callable[[Message, float], None]
Cancel = Callable[[], bool]


_ASK_ATTEMPTS = 200

# Failures of the shop file itself, not of the file being imported.
SHOP_FILE_ERRORS = (ShopLockedError, DiskFullError, DamagedShopFileError)


@dataclass(frozen=True)
class FileOutcome:
    path: Path
    member: str | None
    ok: bool
    platform: str | None
    kind: str | None
    batch_id: int | None
    rows_read: int
    rows_added: int
    rows_updated: int
    rows_rejected: int
    line: Message  # the outcome as one line ('orders.csv: Shopify orders, 3 rows read, …')
    already_imported: bool = False
    changed_tables: frozenset[str] = frozenset()  # canonical tables this import changed (tabs to refresh)
    needs_mapping: bool = False  # of a shape nobody knows: the seller can map its columns
    label: str | None = None  # what the file was recognised as ('Shopify orders')
    refusal: Message | None = None  # why it was refused ('the file is empty (0 bytes)')

    @property
    def message(self) -> str:
        """The line in English, as the command line prints it."""
        return english(self.line)

    @property
    def shops_to_choose(self) -> list[str]:
        """Refused for naming no shop where its platform has several: those shops' names (else none)."""
        if self.refusal is None or self.refusal.code != WHICH_SHOP:
            return []
        return [str(name) for name in self.refusal.params.get("shops", ())]

    @property
    def reason(self) -> str | None:
        """Why it was refused, in English."""
        return None if self.refusal is None else english(self.refusal)


def import_paths(
    db: Database,
    paths: Sequence[Path],
    *,
    workdir: Path,
    shop_name: str | None = None,
    mapping_name: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    make_backup: bool = True,
    derive: Recompute = recompute_after_change,
) -> list[FileOutcome]:
    """Import each file in turn, after a rolling backup of the shop (`make_backup`, see services/backups.py).

    `derive` rebuilds the derived figures after a file of one table (the demo derives them as of its own day).
    """
    outcomes: list[FileOutcome] = []
    count = max(1, len(paths))
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    if make_backup and paths:
        _back_up_first(db, progress)
    with fixed_shop_schema(db):
        for index, raw_path in enumerate(paths):
            path = Path(raw_path)
            span = (index / count, (index + 1) / count)
            _report(progress, Message("progress.opening", {"name": path.name}), span[0])
            scratch = Path(tempfile.mkdtemp(prefix="import-", dir=workdir))
            try:
                _import_path(db, path, scratch, shop_name, mapping_name, progress, span, cancel, outcomes, derive)
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
    _report(progress, Message("progress.import_finished"), 1.0)
    return outcomes


def _back_up_first(db: Database, progress: Progress | None) -> None:
    """The backup before an import: without room for it, nothing is imported (a disk that full corrupts files)."""
    _report(progress, Message("progress.backing_up"), 0.0)
    try:
        back_up_before_import(db)
    except duckdb.InterruptException as exc:
        raise ImportCancelled() from exc
    except DiskFullError as exc:
        raise DiskFullError(Message("shop.backup.disk_full_before_import", exc.message.params)) from exc


@dataclass(frozen=True)
class ImportRun(CommandResult):
    """An import as a command: what it changed, each table's outcome, and the cancel if one came.

    A cancel is an outcome, not a failure: tables finished before it stay imported and
    must be shown, so `changes` covers them (and everything when the shop could not say
    whether the table being imported was kept).
    """

    outcomes: tuple[FileOutcome, ...] = ()
    cancelled: ImportCancelled | None = None


def import_command(
    db: Database,
    paths: Sequence[Path],
    *,
    workdir: Path,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    shop_name: str | None = None,
) -> ImportRun:
    """`import_paths` as a command for the window (ShopWriteFailed still raises: the shop must be reopened)."""
    try:
        outcomes = import_paths(db, paths, workdir=workdir, progress=progress, cancel=cancel, shop_name=shop_name)
    except ImportCancelled as stop:
        done: tuple[FileOutcome, ...] = tuple(stop.done)
        changes = import_changes(done) if stop.kept is False else Changes.everything()
        return ImportRun(changes, outcomes=done, cancelled=stop)
    return ImportRun(import_changes(outcomes), outcomes=tuple(outcomes))


def _import_path(
    db: Database,
    path: Path,
    scratch: Path,
    shop_name: str | None,
    mapping_name: str | None,
    progress: Progress | None,
    span: tuple[float, float],
    cancel: Cancel | None,
    outcomes: list[FileOutcome],
    derive_one: Recompute,
) -> None:
    """Append an outcome per table to `outcomes` (those before a failure are what the failure reports as kept)."""
    try:
        # before the hash opens it: a pipe or a device would block it or never end
        check_input_file(path)
    except RefusedFile as refused:
        outcomes.append(_refused(path, None, refused.reason, path.name))
        return
    # Hashing and reading each pass over the whole file; hashlib lets go of the GIL, so they overlap.
    refused_early = threading.Event()

    def stop_hashing() -> bool:
        # a refused file need not be hashed to its end (leaving the pool waits for the hash)
        return refused_early.is_set() or (cancel is not None and cancel())

    with ThreadPoolExecutor(max_workers=1) as pool:
        hashing = pool.submit(file_sha256, path, stop_hashing)
        try:
            tables = open_tables(path, scratch, cancel=cancel)
        except ImportCancelled:
            raise ImportCancelled(done=tuple(outcomes)) from None
        except RefusedFile as refused:
            refused_early.set()
            outcomes.append(_refused(path, None, refused.reason, path.name))
            return
        except BaseException:
            refused_early.set()
            raise
        try:
            content_hash = hashing.result()
        except ImportCancelled:
            raise ImportCancelled(done=tuple(outcomes)) from None
        except OSError as error:
            unreadable = Message("import.file.unreadable", {"detail": str(error.strerror or error)})
            outcomes.append(_refused(path, None, Message("import.refused.the_file", {"what": unreadable}),
                                     path.name))
            return
    width = (span[1] - span[0]) / len(tables)
    shared = share_reads(db, tables, mapping_name)
    # The tables of one file derive the figures once, when the file is done (services/deferred_recompute.py).
    deferred = len(tables) > 1
    derive: Recompute = deferred_recompute.defer if deferred else derive_one
    first = len(outcomes)
    try:
        _import_tables(db, path, tables, content_hash, scratch, shop_name, mapping_name, progress, span, width,
                       cancel, outcomes, shared, derive)
    except ImportCancelled as stop:
        if deferred:
            # The tables kept before the stop are the shop's now: their figures follow before anyone reads them.
            done = list(stop.done)
            try:
                derived = _settle(db)
            except SHOP_FILE_ERRORS:
                log.exception("the figures of a cancelled import are left for the next opening of the shop")
                derived = Changes()
            _attach_derived(done, first, derived)
            stop.done = tuple(done)
        raise
    finally:
        shared.close()
    if deferred:
        try:
            derived = _settle(db)
        except SHOP_FILE_ERRORS as error:
            # Every table of the file is kept; the figures follow when the shop is opened again.
            raise ShopWriteFailed(error, name=path.name, kept=True, done=tuple(outcomes)) from error
        _attach_derived(outcomes, first, derived)


# What recompute writes, by the area it reports (the import's outcome lists the tables it changed).
_DERIVED_TABLES = {Area.MEMBERS: ("members", "points_ledger", "member_tier_history"), Area.STOCK: ("stock_levels",)}


def _attach_derived(outcomes: list[FileOutcome], first: int, derived: Changes) -> None:
    """Count the file's one recompute as a change of its last imported table (the tabs it concerns then refresh)."""
    tables = frozenset(t for area, names in _DERIVED_TABLES.items() if derived.touches(area) for t in names)
    if not tables:
        return
    for index in range(len(outcomes) - 1, first - 1, -1):
        outcome = outcomes[index]
        if outcome.batch_id is not None and not outcome.already_imported:
            outcomes[index] = replace(outcome, changed_tables=outcome.changed_tables | tables)
            return


def _settle(db: Database) -> Changes:
    """The file's one recompute; a Cancel cannot skip it, as the tables it follows are committed."""
    for _attempt in range(_ASK_ATTEMPTS):
        try:
            return deferred_recompute.settle(db)
        except duckdb.InterruptException:
            continue  # the Cancel that stopped the import may still be interrupting statements
        except SHOP_FILE_ERRORS:
            raise
        except (duckdb.Error, KnownError):
            # The tables stay imported, as their lines say; the mark stays too, so the shop's next
            # opening (or the next file of many tables) derives the figures.
            log.exception("the recompute after a file of many tables failed; it is left pending")
            break
    return Changes()


def _import_tables(
    db: Database,
    path: Path,
    tables: Sequence[SourceTable],
    content_hash: str,
    scratch: Path,
    shop_name: str | None,
    mapping_name: str | None,
    progress: Progress | None,
    span: tuple[float, float],
    width: float,
    cancel: Cancel | None,
    outcomes: list[FileOutcome],
    shared: SharedReads,
    derive: Recompute,
) -> None:
    summaries = ledger_summaries.find_summaries(tables)
    paired: dict[int, list[FileOutcome]] = {i: [] for i in summaries}
    # One look-up for the whole file instead of one per table; a member name that repeats is asked each time,
    # as its earlier table may have just been imported.
    members = [table.member for table in tables]
    imported_before = (active_by_member(db, content_hash) if len(tables) > 1 and len(set(members)) == len(members)
                       else None)
    together = _together(shared, tables, summaries, imported_before)
    done: set[int] = set()
    for index, table in enumerate(tables):
        if index in summaries or index in done:
            continue  # a summary's totals go with its ledger; its line follows the ledger's
        group = together.get(index)
        if group is not None:
            results = _import_group(db, path, [tables[i] for i in group], content_hash, shop_name, mapping_name,
                                    progress, (span[0] + index * width, span[0] + (index + len(group)) * width),
                                    cancel, outcomes, shared, derive)
            if results is not None:
                outcomes.extend(_outcome(path, tables[i].member, tables[i].display_name, r)
                                for i, r in zip(group, results, strict=True))
                done.update(group)
                continue
        sub = (span[0] + index * width, span[0] + (index + 1) * width)
        name = table.display_name
        summary = ledger_summaries.paired(index, tables, summaries)
        before = len(outcomes)
        try:
            result = import_table(
                db, table, content_hash=content_hash, workdir=scratch, shop_name=shop_name,
                mapping_name=mapping_name, progress=progress, progress_span=sub, cancel=cancel,
                shared_reads=shared, derive=derive, imported_before=imported_before,
                control_totals=None if summary is None else summaries[summary],
            )
        except Refused as refused:
            outcomes.append(_refused(path, table.member, refused.reason, name,
                                     needs_mapping=isinstance(refused, NeedsMapping)))
        except RefusedFile as refused:
            outcomes.append(_refused(path, table.member, refused.reason, name))
        except (ImportCancelled, duckdb.InterruptException):
            # A duckdb.InterruptException is Database.interrupt() (Cancel, Ctrl-C) caught between our own checks.
            raise ImportCancelled(done=tuple(outcomes), name=name,
                                  kept=was_kept(db, content_hash, table.member)) from None
        except SHOP_FILE_ERRORS as error:
            # No later file would fare better. The failure may have come at or after COMMIT: ask the shop.
            raise ShopWriteFailed(error, name=name, kept=was_kept(db, content_hash, table.member),
                                  done=tuple(outcomes), key=(content_hash, table.member)) from error
        except KnownError as error:
            outcomes.append(_refused(path, table.member, error.message, name))
        except duckdb.Error as error:
            if cancel is not None and cancel():
                # The Cancel's interrupt can surface as another error (a statement run after it inside the
                # aborted transaction): with a Cancel asked for, it is the Cancel, never a refusal of the file.
                raise ImportCancelled(done=tuple(outcomes), name=name,
                                      kept=was_kept(db, content_hash, table.member)) from None
            log.exception("import of %s failed", name)
            first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            outcomes.append(_refused(path, table.member, Message("import.refused.not_imported", {"detail": first}),
                                     name))
        else:
            outcomes.append(_outcome(path, table.member, name, result))
        finally:
            if summary is not None and len(outcomes) > before:
                paired[summary].append(outcomes[-1])
    for index in summaries:
        outcomes.append(_summary_outcome(path, tables[index], paired[index]))


def _together(shared: SharedReads, tables: Sequence[SourceTable], summaries: dict[int, ControlTotals],
              imported_before: dict[str | None, BatchInfo] | None) -> dict[int, list[int]]:
    """The groups of tables to import together (pipeline.import_together), by the place of their first table:
    tables read together, none imported before, none with a summary's totals to meet."""
    if imported_before is None:
        return {}
    groups = {}
    for group in shared.together(tables):
        if not any(i in summaries or ledger_summaries.paired(i, tables, summaries) is not None
                   or tables[i].member in imported_before for i in group):
            groups[group[0]] = group
    return groups


def _import_group(db: Database, path: Path, group: list[SourceTable], content_hash: str, shop_name: str | None,
                  mapping_name: str | None, progress: Progress | None, span: tuple[float, float],
                  cancel: Cancel | None, outcomes: list[FileOutcome], shared: SharedReads,
                  derive: Recompute) -> list[TableResult] | None:
    """The group's results, or None when its tables are to be imported one by one."""
    name = f"{group[0].display_name} … {group[-1].member}"  # a fault or a Cancel names all of them: kept as one
    try:
        _, recognised = identify(db, group[0], mapping_name)
    except Refused:
        return None
    try:
        return import_together(db, group, recognised, content_hash=content_hash, shared_reads=shared,
                               shop_name=shop_name, progress=progress, progress_span=span, cancel=cancel,
                               derive=derive)
    except Refused:
        return None  # each is refused, or imported, on its own
    except (ImportCancelled, duckdb.InterruptException):
        raise ImportCancelled(done=tuple(outcomes), name=name,
                              kept=was_kept(db, content_hash, group[0].member)) from None
    except SHOP_FILE_ERRORS as error:
        raise ShopWriteFailed(error, name=name, kept=was_kept(db, content_hash, group[0].member),
                              done=tuple(outcomes), key=(content_hash, group[0].member)) from error
    except (KnownError, duckdb.Error):
        log.exception("importing %d tables of %s together failed", len(group), path.name)
        if not was_kept(db, content_hash, group[0].member):
            return None  # nothing written: each is imported, or refused, on its own
        # The failure came at or after COMMIT: the tables are in, as the shop says.
        kept = active_by_member(db, content_hash)
        touched = touched_tables(db, kept[group[0].member].batch_id)
        return [TableResult(info.platform, info.kind, recognised.spec.label, info.batch_id, info.rows_read,
                            info.rows_added, info.rows_updated, 0, changed_tables=touched)
                for info in (kept[t.member] for t in group)]


def _summary_outcome(path: Path, table: SourceTable, details: Sequence[FileOutcome]) -> FileOutcome:
    ok, line = ledger_summaries.summary_line(table.display_name, [
        (display_name(d.path, d.member), d.ok, d.label, d.rows_rejected, d.refusal) for d in details])
    return FileOutcome(path, table.member, ok, "taobao" if ok else None, None, None, 0, 0, 0, 0, line,
                       label=alipay_summary.LABEL if ok else None,
                       refusal=None if ok else line.params["reason"])


def was_kept(db: Database, content_hash: str, member: str | None) -> bool | None:
    """Whether a table whose import failed was committed all the same; None when the shop cannot be asked."""
    for _attempt in range(_ASK_ATTEMPTS):
        try:
            return find_active_by_hash(db, content_hash, member) is not None
        except duckdb.InterruptException:
            continue  # the Cancel that stopped the import may still be interrupting statements
        except (duckdb.Error, KnownError):
            # After a failed write DuckDB refuses every statement on this connection ("invalidated").
            return None
    return None


def settle(shop: Path, failure: ShopWriteFailed) -> ShopWriteFailed:
    """Ask a freshly opened, read-only shop whether the failed table was kept, once its writer is closed."""
    if failure.kept is not None or failure.key is None:
        return failure
    try:
        db = Database.open(shop, read_only=True)
    except (duckdb.Error, KnownError, OSError):
        return failure
    try:
        kept = was_kept(db, *failure.key)
    finally:
        db.close()
    return failure.with_kept(kept)


def _report(progress: Progress | None, message: Message, fraction: float) -> None:
    if progress is not None:
        progress(message, fraction)


def _refused(path: Path, member: str | None, reason: Message, name: str, *,
             needs_mapping: bool = False) -> FileOutcome:
    line = Message("import.outcome.refused", {"name": name, "reason": reason})
    return FileOutcome(path, member, False, None, None, None, 0, 0, 0, 0, line,
                       needs_mapping=needs_mapping, refusal=reason)


# (one row read, some rows unchanged, some rejected) -> the outcome line's code.
_OUTCOME_CODES = {
    (False, False, False): "import.outcome.imported",
    (False, False, True): "import.outcome.imported_with_rejects",
    (False, True, False): "import.outcome.imported_unchanged",
    (False, True, True): "import.outcome.imported_unchanged_with_rejects",
    (True, False, False): "import.outcome.imported_one_row",
    (True, False, True): "import.outcome.imported_one_row_with_rejects",
    (True, True, False): "import.outcome.imported_one_row_unchanged",
    (True, True, True): "import.outcome.imported_unchanged_with_rejects",  # one row cannot be both
}


def _outcome(path: Path, member: str | None, name: str, r: TableResult) -> FileOutcome:
    if r.already is not None:
        when = r.already.imported_at.strftime("%Y-%m-%d %H:%M")
        return FileOutcome(
            path, member, True, r.platform, r.kind, r.batch_id, 0, 0, 0, 0,
            Message("import.outcome.already_imported", {"name": name, "when": when}), already_imported=True,
            label=r.label,
        )
    unchanged = r.rows_read - r.rows_added - r.rows_updated - r.rows_rejected
    code = _OUTCOME_CODES[r.rows_read == 1, unchanged > 0, r.rows_rejected > 0]
    params = {"name": name, "label": r.label, "read": r.rows_read, "added": r.rows_added,
              "updated": r.rows_updated, "rejected": r.rows_rejected}
    line = Message(code, params | ({"unchanged": unchanged} if unchanged > 0 else {}))
    return FileOutcome(
        path, member, True, r.platform, r.kind, r.batch_id, r.rows_read, r.rows_added, r.rows_updated,
        r.rows_rejected, line, changed_tables=r.changed_tables, label=r.label,
    )


def list_imports(db: Database) -> list[BatchInfo]:
    """Every import, newest first, undone ones included (their `undone_at` is set)."""
    return list_batches(db)


def format_name(platform: str, kind: str) -> str | None:
    """The English name of the format an import of (platform, kind) was read as; None for one no longer known."""
    from shopkeeper.importers.format_registry import spec_for

    spec = spec_for(platform, kind)
    return None if spec is None else spec.label


def undo_import(db: Database, batch_id: int, *, who: str | None = None) -> CommandResult:
    """Put the shop back exactly as it was before this import (KnownError if a later change blocks it)."""
    return undo_change_set(db, batch_id, who=who)


def import_changes(outcomes: Sequence[FileOutcome]) -> Changes:
    """What a run of `import_paths` changed, by area (empty when every file was refused or already imported)."""
    changes = Changes()
    for outcome in outcomes:
        changes |= changes_for_tables(outcome.changed_tables)
    return changes


def rejects(db: Database, batch_id: int) -> list[tuple[int, str | None, str | None, str]]:
    """(row number, column, value as written, reason in English) per rejected cell, in file order."""
    return [(row, column, value, english(reason)) for row, column, value, reason in reject_messages(db, batch_id)]


def reject_messages(db: Database, batch_id: int) -> list[tuple[int, str | None, str | None, Message]]:
    """(row number, column, value as written, reason) per rejected cell, in file order.

    Row 1 is the first row under the header. A reason an older Shopkeeper stored as
    English text comes back as `reject.as_written`, shown as it was written.
    """
    rows = db.fetchall(
        "SELECT row_number, column_name, value, code, params, reason FROM import_rejects WHERE batch_id = ? "
        "ORDER BY row_number, column_name NULLS LAST, code, reason",
        [batch_id],
    )
    return [(int(r[0]), r[1], r[2], message_from_row(r[3], r[4], r[5])) for r in rows]


def write_rejects_csv(db: Database, batch_id: int, path: Path) -> None:
    """The reject report as CSV (UTF-8 with BOM so Excel shows accents), safe to open in a spreadsheet."""
    rows = reject_messages(db, batch_id)
    target = Path(path)
    tmp = target.with_name(target.name + ".partial")
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh, quoting=csv.QUOTE_MINIMAL)
        out.writerow(["row", "column", "value", "reason", "code"])
        for row_number, column, value, reason in rows:
            code = "" if reason.code == "reject.as_written" else reason.code
            out.writerow([row_number, csv_safe(column), csv_safe(value), csv_safe(english(reason)), code])
    tmp.replace(target)
