"""Refuse a workbook that would take more memory to load than any real export needs.

calamine loads a whole sheet into one dense grid: (last row - first row + 1) ×
(last column - first column + 1) cells of about 32 bytes each, however few
cells are filled. A 2 KB xlsx with one cell in A1 and one in XFD1048576 asks
for 512 GiB and aborts the process, so the extent of every sheet is measured
from its XML, streamed, before calamine sees the file. The <dimension> element
is not trusted (calamine ignores it too). Shared strings are loaded whole, so
their size is bounded as well.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from shopkeeper.domain.messages import Message

from .errors import Cancel, NotText, raise_if_cancelled, size_text

MAX_SHEET_CELLS = 25_000_000  # ~1 GiB in calamine; a full 1,048,576-row sheet of 24 columns
MAX_PART_BYTES = 2 << 30  # one sheet's XML or the shared strings, unpacked
_CHUNK = 1 << 20

# Excel writes `<row r="7"` and `<c r="AB7"`: those are found with a plain prefix, fast. Any other
# spelling (attributes in another order, no reference) is read the slow, tolerant way.
_ROW_PLAIN = re.compile(rb'<row r="(\d{1,9})"')
_ROW_ANY = re.compile(rb'<row\b[^>]*?\sr="(\d{1,9})"')
_CELL_PLAIN = {n: re.compile(rb'<c r="([A-Z]{%d})\d' % n) for n in (1, 2, 3)}
_CELL_ANY = re.compile(rb'<c\b[^>]*?\sr="([A-Z]{1,3})\d')
_ZZ = 702  # the last two-letter column
_ODS_TOKEN = re.compile(rb"<table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*)>|</table:table-row>")
_ROWS_REPEATED = re.compile(rb'number-rows-repeated="(\d{1,9})"')
_COLUMNS_REPEATED = re.compile(rb'number-columns-repeated="(\d{1,9})"')
_CELL_TAGS = (b"<c ", b"<c>", b"<c/>")
_EXCEL_COLUMNS = 16_384


def check_workbook(path: Path, kind: str, cancel: Cancel = None) -> None:
    """NotText when a sheet of the xlsx/xlsb/ods at `path` is too large to load; other files pass."""
    if kind not in ("xlsx", "xlsb", "ods"):
        return  # xls: BIFF caps a sheet at 65,536 × 256 cells
    try:
        with zipfile.ZipFile(path) as book:
            for info in book.infolist():
                if _is_loaded_whole(info.filename) and info.file_size > MAX_PART_BYTES:
                    raise NotText(Message("import.file.sheet_too_big", {
                        "size": size_text(info.file_size), "limit": size_text(MAX_PART_BYTES)}))
            for info in book.infolist():
                if kind == "xlsx" and info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    extents = [_extent(book, info, cancel)]
                elif kind == "ods" and info.filename == "content.xml":
                    extents = _ods_extents(book, info, cancel)
                else:
                    continue
                for rows, columns in extents:
                    if rows * columns > MAX_SHEET_CELLS:
                        raise NotText(Message("import.file.sheet_too_many_cells", {
                            "rows": rows, "columns": columns, "limit": MAX_SHEET_CELLS}))
    except (zipfile.BadZipFile, EOFError, zlib.error) as error:
        raise NotText(Message("import.file.not_a_spreadsheet", {"detail": str(error)})) from None


def _is_loaded_whole(name: str) -> bool:
    return name.startswith(("xl/worksheets/", "xl/sharedStrings")) or name == "content.xml"



def _extent(book: zipfile.ZipFile, info: zipfile.ZipInfo, cancel: Cancel) -> tuple[int, int]:
    """(rows, columns) the sheet spans from A1: an upper bound of what calamine allocates."""
    rows = row_tags = widest = 0
    letters: set[bytes] = set()
    for text in _xml_pieces(book, info, cancel):
        # "<row" and "<c" also start a few other tags (<rowBreaks>, <cols>): a piece holding one
        # is read the slow way too, which costs little as there are few such pieces
        if text.count(b"<row") == text.count(b'<row r="'):
            rows = max([rows, *map(int, _ROW_PLAIN.findall(text))])
        else:
            rows = max([rows, *map(int, _ROW_ANY.findall(text))])
            row_tags += text.count(b"<row")  # <row/> has no number: it is the next row
        if text.count(b"<c") == text.count(b'<c r="'):
            if _CELL_PLAIN[3].search(text):
                letters.update(_CELL_PLAIN[3].findall(text))
        else:
            letters.update(_CELL_ANY.findall(text))
            # a cell without a reference takes the next column: the widest row counts
            widest = max(widest, _widest_row(text))
    rows = max(rows, row_tags)
    if rows * _ZZ > MAX_SHEET_CELLS and max(map(len, letters), default=0) < 3:
        # only a sheet this long needs its exact width: a second pass over two-letter columns
        for text in _xml_pieces(book, info, cancel):
            letters.update(_CELL_PLAIN[2].findall(text) or _CELL_PLAIN[1].findall(text))
    else:
        letters.add(b"ZZ")
    columns = max([widest, *map(_column_number, letters)])
    return rows, min(columns, _EXCEL_COLUMNS)


def _ods_extents(book: zipfile.ZipFile, info: zipfile.ZipInfo, cancel: Cancel) -> list[tuple[int, int]]:
    """(rows, columns) up to the last filled cell of each sheet, repeats counted.

    An OpenDocument cell or row can stand for thousands ("number-columns-repeated");
    LibreOffice writes empty ones to the sheet's end, which calamine skips, but one
    filled cell repeated 1,000 times over 30,000 rows is 30 million cells to it.
    """
    sheets: list[tuple[int, int]] = []
    rows = columns = row = column = last_filled = repeat = 0
    for text in _xml_pieces(book, info, cancel):
        for match in _ODS_TOKEN.finditer(text):
            tag, attributes = match.group(1), match.group(2) or b""
            if tag == b"table":
                sheets.append((rows, columns))
                rows = columns = row = 0
            elif tag == b"table-row":
                repeat, column, last_filled = _repeat(_ROWS_REPEATED, attributes), 0, 0
                if attributes.endswith(b"/"):
                    row += repeat
            elif tag is None:  # </table:table-row>
                if last_filled:
                    rows, columns = row + repeat, max(columns, last_filled)
                row += repeat
            else:
                column += _repeat(_COLUMNS_REPEATED, attributes)
                if not attributes.endswith(b"/"):
                    last_filled = column
    sheets.append((rows, columns))
    return sheets


def _repeat(pattern: re.Pattern[bytes], attributes: bytes) -> int:
    found = pattern.search(attributes)
    return int(found.group(1)) if found else 1


def _xml_pieces(book: zipfile.ZipFile, info: zipfile.ZipInfo, cancel: Cancel) -> Iterator[bytes]:
    """The part's bytes in pieces of about 1 MiB that never cut a tag."""
    carry = b""
    with book.open(info) as part:
        while chunk := part.read(_CHUNK):
            raise_if_cancelled(cancel)
            text = carry + chunk
            cut = text.rfind(b"<")
            text, carry = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
            yield text
    if carry:
        yield carry


def _widest_row(text: bytes) -> int:
    return max((sum(row.count(tag) for tag in _CELL_TAGS) for row in text.split(b"</row>")), default=0)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number
