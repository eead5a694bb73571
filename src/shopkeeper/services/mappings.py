"""Column mappings: importing a table of any other shape.

The window shows the first rows of a file nobody recognised, guesses which
column holds what, checks the mapping by importing the whole file in a
transaction that is rolled back (the very rows, counts and rejects the real
import would have), then saves it under the file's header signature, so the
next file of that shape imports without asking. `shopkeeper import --mapping
NAME` applies a saved mapping by its name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message
from shopkeeper.importers.formats import FormatSpec
from shopkeeper.importers.mapped_formats import MAPPED_ORDERS, MAPPED_PRODUCTS, MAPPED_SPECS, mapped_spec
from shopkeeper.importers.pipeline import Refused, import_table
from shopkeeper.importers.reading import RefusedFile, SourceTable, open_tables, probe_rows
from shopkeeper.importers.recognise import Recognised, header_key, header_signature, match_spec

__all__ = [
    "MAPPED_ORDERS",
    "MAPPED_PRODUCTS",
    "MappingCheck",
    "SavedMapping",
    "TablePreview",
    "check_mapping",
    "delete_mapping",
    "guess_columns",
    "list_mappings",
    "platform_codes",
    "preview_tables",
    "save_mapping",
    "target_fields",
]

PREVIEW_ROWS = 20


@dataclass(frozen=True)
class TablePreview:
    path: Path
    member: str | None
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # the first data rows as the import reads them ('' for empty)


@dataclass(frozen=True)
class TargetField:
    name: str
    type: str
    required: bool


@dataclass(frozen=True)
class MappingCheck:
    """What importing the file with this mapping would do (nothing was written)."""

    ok: bool
    problem: Message | None = None  # why it cannot be imported, for the seller
    missing: tuple[str, ...] = ()  # required fields no column is mapped to
    rows_read: int = 0
    rows_rejected: int = 0
    sample_rejects: tuple[tuple[int, str | None, str | None, Message], ...] = ()


@dataclass(frozen=True)
class SavedMapping:
    name: str
    platform: str
    kind: str
    columns: dict[str, str]  # field -> header as written


def target_fields(kind: str) -> list[TargetField]:
    spec = _spec(kind, "other")
    return [TargetField(f.name, f.type, f.name in spec.required) for f in spec.fields]


def platform_codes(db: Database) -> list[str]:
    """Every platform a mapped file can belong to, 'other' last."""
    return [str(r[0]) for r in db.fetchall("SELECT code FROM platforms ORDER BY code = 'other', name")]


def preview_tables(db: Database, path: Path, workdir: Path) -> list[TablePreview]:
    """The tables in a file with their headers and first rows; RefusedFile when it is no table."""
    previews = []
    for table in open_tables(Path(path), Path(workdir)):
        rows = probe_rows(table, db.connection, PREVIEW_ROWS)
        previews.append(TablePreview(table.origin, table.member, tuple(table.headers),
                                     tuple(tuple("" if c is None else str(c) for c in r) for r in rows)))
    return previews


_DATE_LIKE = re.compile(r"^\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")


def guess_columns(kind: str, headers: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> dict[str, int]:
    """field -> column index: header names first (exact, then containing a known name), then contents."""
    spec = _spec(kind, "other")
    guess = match_spec(spec, headers)
    taken = set(guess.values())
    keys = [header_key(h) for h in headers]
    for f in spec.fields:
        if f.name in guess:
            continue
        # 'Order Date (UTC)' holds the order time; the longest known name inside a header wins.
        best: tuple[int, int] | None = None
        for index, key in enumerate(keys):
            if index in taken:
                continue
            for alias in f.aliases:
                a = header_key(alias)
                if len(a) >= 3 and a in key and (best is None or len(a) > best[0]):
                    best = (len(a), index)
        if best is not None:
            guess[f.name] = best[1]
            taken.add(best[1])
    date_field = next((f.name for f in spec.fields if f.type == "date"), None)
    if date_field is not None and date_field not in guess and rows:
        for index in range(len(headers)):
            cells = [r[index] for r in rows if index < len(r) and r[index].strip()]
            if index not in taken and cells and all(_DATE_LIKE.match(c) for c in cells):
                guess[date_field] = index
                break
    return guess


def check_mapping(
    db: Database, path: Path, member: str | None, *, kind: str, platform: str, columns: dict[str, int],
    workdir: Path,
) -> MappingCheck:
    """Import the table with this mapping and roll it back; says what would happen."""
    spec = _spec(kind, platform)
    missing = sorted(spec.required - columns.keys())
    if missing:
        return MappingCheck(False, missing=tuple(missing))
    try:
        table = _table(path, member, workdir)
        recognised = Recognised(spec, dict(columns), tuple(table.headers))
        # A check's batch is rolled back and never looked up by hash: no need to read the file for one.
        result = import_table(db, table, content_hash="", workdir=workdir, recognised=recognised, dry_run=True)
    except Refused as refused:
        return MappingCheck(False, problem=refused.reason)
    except RefusedFile as refused:
        return MappingCheck(False, problem=refused.reason)
    return MappingCheck(True, rows_read=result.rows_read, rows_rejected=result.rows_rejected,
                        sample_rejects=result.sample_rejects)


def save_mapping(
    db: Database, *, name: str, kind: str, platform: str, headers: tuple[str, ...], columns: dict[str, int]
) -> SavedMapping:
    """Keep the mapping for files with these headers (replacing an older one for the same shape)."""
    name = name.strip()
    if not name:
        raise KnownError(Message("mapping.name_missing"))
    _spec(kind, platform)
    signature = header_signature(headers)
    taken = db.scalar("SELECT signature FROM saved_mappings WHERE name = ?", [name])
    if taken is not None and taken != signature:
        raise KnownError(Message("mapping.name_taken", {"name": name}))
    by_header = {f: headers[i] for f, i in sorted(columns.items(), key=lambda kv: kv[1])}
    with db.transaction():
        db.execute("DELETE FROM saved_mappings WHERE signature = ?", [signature])
        db.execute("INSERT INTO saved_mappings VALUES (?, ?, ?, ?, ?, now())",
                   [signature, name, platform, kind, json.dumps(by_header, ensure_ascii=False)])
    return SavedMapping(name, platform, kind, by_header)


def list_mappings(db: Database) -> list[SavedMapping]:
    rows = db.fetchall("SELECT name, platform, kind, mapping_json FROM saved_mappings ORDER BY name")
    return [SavedMapping(str(n), str(p), str(k), dict(json.loads(m))) for n, p, k, m in rows]


def delete_mapping(db: Database, name: str) -> None:
    db.execute("DELETE FROM saved_mappings WHERE name = ?", [name])


def _spec(kind: str, platform: str) -> FormatSpec:
    spec = mapped_spec(kind, platform)
    if spec is None:
        raise KnownError(Message("mapping.unknown_kind", {"kind": kind, "kinds": ", ".join(MAPPED_SPECS)}))
    return spec


def _table(path: Path, member: str | None, workdir: Path) -> SourceTable:
    for table in open_tables(Path(path), Path(workdir)):
        if table.member == member:
            return table
    raise RefusedFile(Path(path), Message("import.refused.table_gone", {"table": member or ""}))
