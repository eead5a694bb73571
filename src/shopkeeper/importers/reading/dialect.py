"""Where the header row is, which delimiter and quoting the file uses, and header spelling.

Exports do not always start with their header: 淘宝助理 writes a version line and then
two header rows (English, then Chinese); eBay pads the top with blank or commas-only
lines and appends "N record(s) downloaded" footers. Everything here works on a
decoded sample of the first few hundred KB.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from shopkeeper.domain.messages import Message

from .errors import NotText

DELIMITERS = (",", "\t", ";")
HEADER_SEARCH_RECORDS = 30
LOOKAHEAD_RECORDS = 20
FOOTER_TAIL_BYTES = 64 << 10

_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff]")
_WHITESPACE_RUN = re.compile(r"\s+")
_FOOTER_PATTERNS = (
    re.compile(r"^\W*\d+\W*record\(?s?\)?\s+downloaded\b", re.IGNORECASE),  # eBay: 2,record(s) downloaded,
    re.compile(r"^\W*seller\s+id\s*:", re.IGNORECASE),  # eBay: Seller ID : name
    # Chinese ledgers (Alipay, Pinduoduo): #----账务明细列表结束----, #支出合计：3笔，共-59.00元, #导出时间：[…]
    re.compile(r'^"?#?-{4,}'),
    re.compile(r'^"?#?\s*(支出合计|收入合计|导出时间|合计|总计)'),
)


class NoHeaderRow(NotText):
    """No plausible header row; `what` completes "<file> …"."""


@dataclass(frozen=True)
class Dialect:
    delimiter: str
    quote: str | None  # None: quote characters are ordinary data
    skip_lines: int  # physical lines before the header row
    header_lines: int  # physical lines taken by the header row(s)
    headers: tuple[str, ...]
    subheaders: tuple[str, ...]  # a second header row directly below the first, else ()
    records_seen: int  # data records in the sample after the header(s)


@dataclass(frozen=True)
class _Record:
    cells: list[str]
    first_line: int
    end_line: int


@dataclass(frozen=True)
class _Candidate:
    index: int
    consistency: float
    width: int
    rows: int  # data records judged; fewer means a quote swallowed lines


def normalise_header(name: str) -> str:
    """Header text reduced for matching: NFKC, trimmed, case-folded, one space, ASCII hyphens."""
    text = _normalised_once(name)
    # Dropping a spreadsheet's guard apostrophe can bare another one ("''Name"): again until nothing changes,
    # so a header matches the same whether it was normalised once or twice (bounded: a pass that changes
    # the text drops at least an apostrophe).
    for _ in range(len(text)):
        again = _normalised_once(text)
        if again == text:
            break
        text = again
    return text


def _normalised_once(name: str) -> str:
    text = _INVISIBLE.sub("", name.lstrip().lstrip("\ufeff")).strip()
    text = unicodedata.normalize("NFKC", text).strip()
    text = text.removeprefix("'")
    text = _DASHES.sub("-", text)
    return _WHITESPACE_RUN.sub(" ", text).strip().casefold()


def sniff_dialect(text: str, *, complete: bool, quote: Literal["auto"] | str | None = "auto") -> Dialect:
    """Find delimiter, quoting and header row in `text`, the decoded start of a file."""
    text = text.removeprefix("\ufeff")
    best: tuple[tuple[object, ...], Dialect] | None = None
    for preference, delimiter in enumerate(DELIMITERS):
        choices = _quote_choices(delimiter, quote)
        for quote_choice in choices:
            records = _records(text, delimiter, quote_choice, complete=complete)
            candidate = _find_header(records)
            if candidate is None:
                continue
            rank = (
                candidate.width >= 2,
                candidate.consistency,
                candidate.width,
                -candidate.index,
                # where a quote-blind reading competes, quoting that swallows a row loses its preference
                quote_choice is not None
                and not (None in choices and _swallows(records[candidate.index + 1 :], delimiter)),
                candidate.rows,
                -preference,
            )
            if best is None or rank > best[0]:
                best = (rank, _dialect(records, candidate, delimiter, quote_choice))
    if best is None:
        raise NoHeaderRow(Message("import.file.no_header_row", {"lines": HEADER_SEARCH_RECORDS}))
    return best[1]


def _quote_choices(delimiter: str, quote: Literal["auto"] | str | None) -> tuple[str | None, ...]:
    if quote != "auto":
        return (quote,)
    # Amazon flat files are tab-separated and never escape quotes, so for tabs the
    # quote-blind reading competes; it wins only when it fits the rows better, or
    # when quoting swallows a row (see _swallows).
    return ('"', None) if delimiter == "\t" else ('"',)


def _swallows(records: list[_Record], delimiter: str) -> bool:
    """Whether a quoted reading ran a cell on over a line break and a delimiter: a stray quote that swallowed
    the rest of its row and more (an Amazon flat file). A cell broken over lines alone is a quoted note."""
    return any(delimiter in cell and ("\n" in cell or "\r" in cell) for record in records for cell in record.cells)


def _records(text: str, delimiter: str, quote: str | None, *, complete: bool) -> list[_Record]:
    limit = HEADER_SEARCH_RECORDS + LOOKAHEAD_RECORDS + 2
    if quote is None:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quoting=csv.QUOTE_NONE)
    else:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar=quote, strict=False)
    records: list[_Record] = []
    start = 0
    exhausted = True
    try:
        for cells in reader:
            records.append(_Record(cells, start, reader.line_num))
            start = reader.line_num
            if len(records) > limit:
                exhausted = False
                break
    except csv.Error:
        # a value over csv's field limit or a NUL: judge from the records before it
        exhausted = False
    if exhausted and not complete and records:
        records.pop()  # the sample may end in the middle of this record
    return records


def _width(cells: Sequence[str]) -> int:
    for index in range(len(cells) - 1, -1, -1):
        if cells[index].strip():
            return index + 1
    return 0


def _numberish(cell: str) -> bool:
    # amounts, ids, dates and times are mostly digits; header names almost never are
    visible = [ch for ch in cell if not ch.isspace()]
    return bool(visible) and sum(ch.isdigit() for ch in visible) * 2 >= len(visible)


def _find_header(records: list[_Record]) -> _Candidate | None:
    for index, record in enumerate(records[:HEADER_SEARCH_RECORDS]):
        width = _width(record.cells)
        if width == 0:
            continue
        filled = [cell for cell in record.cells[:width] if cell.strip()]
        if len(filled) * 2 < len(record.cells) or sum(map(_numberish, filled)) > len(filled) * 0.3:
            continue
        rows = [r.cells for r in records[index + 1 : index + 1 + LOOKAHEAD_RECORDS] if _is_data(r.cells)]
        misfits = _misfits(len(record.cells), rows)
        if misfits <= len(rows) // 5:
            consistency = 1.0 - misfits / len(rows) if rows else 1.0
            return _Candidate(index, consistency, width, len(rows))
    return None


def _is_data(cells: list[str]) -> bool:
    return _width(cells) > 0 and not any(pattern.match(",".join(cells)) for pattern in _FOOTER_PATTERNS)


def _misfits(columns: int, rows: list[list[str]]) -> int:
    # rows may be shorter than the header (WooCommerce appends late columns) but not wider
    return sum(1 for cells in rows if _width(cells) > columns or len(cells) * 2 < columns)


def _dialect(records: list[_Record], found: _Candidate, delimiter: str, quote: str | None) -> Dialect:
    header = records[found.index]
    after = [record for record in records[found.index + 1 :] if _width(record.cells)]
    last = header
    subheaders: tuple[str, ...] = ()
    if after and _is_subheader(header, after[0], after[1:]):
        last = after[0]
        subheaders = tuple(after[0].cells)
        after = after[1:]
    return Dialect(
        delimiter=delimiter,
        quote=quote,
        skip_lines=header.first_line,
        header_lines=last.end_line - header.first_line,
        headers=tuple(cell.removeprefix("\ufeff") for cell in header.cells),
        subheaders=subheaders,
        records_seen=len(after),
    )


def _is_subheader(header: _Record, row: _Record, data: list[_Record]) -> bool:
    """A fully filled, all-text row over rows that have numbers: a second header (淘宝助理's Chinese names)."""
    width = _width(header.cells)
    filled = [cell.strip() for cell in row.cells[:width] if cell.strip()]
    if len(filled) < width * 0.9 or _width(row.cells) > len(header.cells) or not data:
        return False
    if any(map(_numberish, filled)) or len(set(filled)) < len(filled) or max(map(len, filled)) > 64:
        return False
    for column in range(width):
        values = [r.cells[column] for r in data if column < len(r.cells) and r.cells[column].strip()]
        if values and sum(map(_numberish, values)) * 2 >= len(values):
            return True
    return False


def find_footer(path: Path, delimiter: str) -> tuple[int, tuple[str, ...]] | None:
    """Byte length to keep and the footer lines after it, when the file ends in non-data lines."""
    size = path.stat().st_size
    start = max(0, size - FOOTER_TAIL_BYTES)
    with path.open("rb") as source:
        source.seek(start)
        tail = source.read()
    if start:
        tail = tail[tail.find(b"\n") + 1 :]
        start = size - len(tail)
    keep = len(tail)
    removed: list[str] = []
    for line in reversed(tail.splitlines(keepends=True)):
        text = line.decode("utf-8", "replace").strip()
        # An odd quote count closes a quoted multi-line cell (`",,,` after a cell's last line
        # break): that line ends a data row, it is not padding.
        padding = not text.strip(delimiter + '" \t') and text.count('"') % 2 == 0
        if not (padding or any(pattern.match(text) for pattern in _FOOTER_PATTERNS)):
            break
        keep -= len(line)
        if text:
            removed.append(text)
    if not removed:
        return None
    return start + keep, tuple(reversed(removed))
