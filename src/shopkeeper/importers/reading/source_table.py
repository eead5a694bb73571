"""The entry point: turn a dropped file into UTF-8 tables that DuckDB's read_csv can load.

A plain UTF-8 file is used where it lies (a 1M-row export is never copied); anything
else (other encodings, a BOM, workbooks, zip members, broken line breaks, footers)
becomes a UTF-8 CSV in the caller's work directory.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from shopkeeper.domain.messages import Message
from shopkeeper.domain.source_names import display_name

from .containers import Unpacked, unpack
from .dialect import LOOKAHEAD_RECORDS, Dialect, NoHeaderRow, find_footer, sniff_dialect
from .encoding import SAMPLE_BYTES, EncodingGuess, detect_encoding
from .errors import Cancel, NotText, RefusedFile, refused_file
from .input_file import check_input_file, os_error_refusal
from .quoting import find_unclosed_quote
from .transcode import scan_utf8_bytes, transcode_to_utf8

DIALECT_HEAD_BYTES = 256 << 10
_COPY_BYTES = 1 << 20


@dataclass(frozen=True)
class SourceTable:
    origin: Path  # the file the user dropped
    member: str | None  # zip member or sheet name, None for a plain file
    csv_path: Path  # UTF-8 (no BOM) CSV/TSV ready for DuckDB's read_csv
    encoding: str  # of the original bytes: utf-8, utf-8-sig, gb18030, utf-16, cp1252, xlsx, xlsb, xls, ods;
    # utf-8+gb18030 / utf-8+cp1252: UTF-8 with some lines in that codec
    delimiter: str  # ',', '\t' or ';'
    quote: str | None  # '"' normally; None means read with quoting off
    skip_lines: int  # physical lines before the header row in csv_path
    headers: tuple[str, ...]  # as written (trimmed of BOM only)
    subheaders: tuple[str, ...] = ()  # second header row (淘宝助理's Chinese names); never read as data
    header_lines: int = 1  # physical lines taken by the header row(s)
    footer_lines: tuple[str, ...] = ()  # trailing non-data lines cut off csv_path (eBay record counts)
    parallel_safe: bool = False  # no quoted line breaks possible, so DuckDB's parallel reader is safe

    @property
    def display_name(self) -> str:
        return display_name(self.origin, self.member)


def open_tables(path: Path, workdir: Path, *, cancel: Cancel = None) -> list[SourceTable]:
    """Every table in the dropped file; raises RefusedFile with a plain reason, or ImportCancelled."""
    path, workdir = Path(path), Path(workdir)
    check_input_file(path)
    try:
        workdir.mkdir(parents=True, exist_ok=True)
        return _tables_in(path, workdir, cancel)
    except OSError as error:
        # the dropped file went unreadable mid-way, or the work folder's disk filled up
        raise os_error_refusal(path, error, workdir) from None


def _tables_in(path: Path, workdir: Path, cancel: Cancel) -> list[SourceTable]:
    try:
        candidates = unpack(path, workdir, cancel)
    except NotText as why:
        raise refused_file(path, why.what) from None
    tables: list[SourceTable] = []
    problems: list[Message] = []
    for candidate in candidates:
        display = display_name(path, candidate.member)
        try:
            tables.append(_open_text(path, candidate, workdir, cancel))
        except NotText as why:  # NoHeaderRow too
            # in an archive or workbook, a readme or a notes sheet is not an error
            problems.append(Message("import.refused.table_is", {"table": display, "what": why.what}))
    if not tables:
        raise RefusedFile(path, Message("import.refused.no_readable_table", {"problems": problems}))
    return tables


def redetect_quoting(table: SourceTable, quote: str | None) -> SourceTable:
    """The same table read with another quote character; None turns quoting off (Amazon flat files)."""
    dialect = _sniff(table.csv_path, quote=quote)
    parallel_safe = quote is None or (table.parallel_safe and table.quote is not None)
    return _with_dialect(table, dialect, parallel_safe=parallel_safe)


def recover_from_invalid_utf8(table: SourceTable, workdir: Path, *, cancel: Cancel = None) -> SourceTable:
    """Re-read a file kept as UTF-8 whose later bytes DuckDB found not to be UTF-8.

    The UTF-8 decision for a file used in place rests on its first 1 MiB (and on its
    first non-ASCII bytes when that sample is pure ASCII); this decodes it in full.
    """
    candidate = Unpacked(table.csv_path, table.member, None)
    try:
        again = _open_text(table.origin, candidate, Path(workdir), cancel, force_transcode=True)
    except OSError as error:
        raise os_error_refusal(table.origin, error, Path(workdir)) from None
    return replace(again, footer_lines=table.footer_lines + again.footer_lines)


def _open_text(
    origin: Path, candidate: Unpacked, workdir: Path, cancel: Cancel, *, force_transcode: bool = False
) -> SourceTable:
    if candidate.path.stat().st_size == 0:
        raise NotText(Message("import.file.empty"))
    if candidate.encoding is not None:
        # a sheet we wrote ourselves: UTF-8, LF, quotes balanced by csv.writer
        csv_path, encoding, quote_count, owned = candidate.path, candidate.encoding, 0, True
    else:
        csv_path, encoding, quote_count, owned = _as_utf8(candidate.path, workdir, cancel, force_transcode)
    dialect = _sniff(csv_path)
    footer = find_footer(csv_path, dialect.delimiter)
    footer_lines: tuple[str, ...] = ()
    if footer is not None:
        keep, footer_lines = footer
        csv_path, removed_quotes = _cut_footer(csv_path, keep, owned, workdir)
        quote_count -= removed_quotes
    if candidate.encoding is None and dialect.quote is not None and quote_count % 2:
        dialect = _unclosed_quote_verdict(origin, candidate.member, csv_path, dialect, cancel)
    return SourceTable(
        origin=origin,
        member=candidate.member,
        csv_path=csv_path,
        encoding=encoding,
        delimiter=dialect.delimiter,
        quote=dialect.quote,
        skip_lines=dialect.skip_lines,
        headers=dialect.headers,
        subheaders=dialect.subheaders,
        header_lines=dialect.header_lines,
        footer_lines=footer_lines,
        # no quote character anywhere means no quoted line break anywhere
        parallel_safe=dialect.quote is None or (candidate.encoding is None and quote_count == 0),
    )


def _with_dialect(table: SourceTable, dialect: Dialect, *, parallel_safe: bool) -> SourceTable:
    return replace(
        table,
        delimiter=dialect.delimiter,
        quote=dialect.quote,
        skip_lines=dialect.skip_lines,
        headers=dialect.headers,
        subheaders=dialect.subheaders,
        header_lines=dialect.header_lines,
        parallel_safe=parallel_safe,
    )


def _as_utf8(src: Path, workdir: Path, cancel: Cancel, force_transcode: bool) -> tuple[Path, str, int, bool]:
    """(UTF-8 path, encoding label, quote count, whether the path is our own copy)."""
    size = src.stat().st_size
    with src.open("rb") as source:
        sample = source.read(SAMPLE_BYTES)
    guess = detect_encoding(sample, at_eof=size <= SAMPLE_BYTES)
    if guess.sample_is_blank and size <= SAMPLE_BYTES:
        raise NotText(Message("import.file.blank"))
    if guess.name == "utf-8" and not force_transcode:
        scan = scan_utf8_bytes(src, want_evidence=sample.isascii(), cancel=cancel)
        late = scan.late_codec
        if late in (None, "utf-8") and not scan.has_lone_cr:
            return src, "utf-8", scan.quote_count, False
        if late not in (None, "utf-8"):
            guess = EncodingGuess(late, late)
    target = _new_csv(workdir)
    result = transcode_to_utf8(src, target, guess, cancel)
    if result.encoding == "utf-8" and result.skipped_bytes == 0 and result.lone_cr_fixed == 0:
        target.unlink()  # byte-identical to the original: read that one
        return src, "utf-8", result.quote_count, False
    return target, result.encoding, result.quote_count, True


def _new_csv(workdir: Path) -> Path:
    handle, name = tempfile.mkstemp(prefix="table-", suffix=".csv", dir=workdir)
    os.close(handle)
    return Path(name)


def _sniff(csv_path: Path, quote: Literal["auto"] | str | None = "auto") -> Dialect:
    size = csv_path.stat().st_size
    with csv_path.open("rb") as source:
        head = source.read(DIALECT_HEAD_BYTES)
        complete = size <= DIALECT_HEAD_BYTES
        try:
            dialect = sniff_dialect(_decode_head(head, complete), complete=complete, quote=quote)
            if complete or dialect.records_seen >= LOOKAHEAD_RECORDS // 2:
                return dialect
        except NoHeaderRow:
            if complete:
                raise
        # long multi-line cells (HTML descriptions) can push the rows we need past the first read
        head += source.read(SAMPLE_BYTES - len(head))
    complete = size <= len(head)
    return sniff_dialect(_decode_head(head, complete), complete=complete, quote=quote)


def _decode_head(head: bytes, complete: bool) -> str:
    return codecs.getincrementaldecoder("utf-8")("replace").decode(head, complete)


def _cut_footer(csv_path: Path, keep: int, owned: bool, workdir: Path) -> tuple[Path, int]:
    with csv_path.open("rb") as source:
        source.seek(keep)
        removed_quotes = source.read().count(b'"')
    if owned:
        os.truncate(csv_path, keep)
        return csv_path, removed_quotes
    target = _new_csv(workdir)
    left = keep
    with csv_path.open("rb") as source, target.open("wb") as out:
        while left > 0 and (chunk := source.read(min(left, _COPY_BYTES))):
            out.write(chunk)
            left -= len(chunk)
    return target, removed_quotes


def _unclosed_quote_verdict(
    origin: Path, member: str | None, csv_path: Path, dialect: Dialect, cancel: Cancel
) -> Dialect:
    line = find_unclosed_quote(csv_path, dialect.delimiter, cancel)
    if line is None:
        return dialect  # a stray quote inside an unquoted value, e.g. 5" screen
    if dialect.delimiter == "\t":
        # tab-separated flat files (Amazon) put quotes in text without escaping them
        return _sniff(csv_path, quote=None)
    raise refused_file(origin, Message("import.file.unclosed_quote_to_end", {"line": line}))
