"""Excel and OpenDocument workbooks written out as UTF-8 CSV, one file per sheet.

Downstream code then treats a workbook exactly like its CSV twin. Cell values are
written the way a seller saw them in Excel, not the way Python prints floats: an
integer-valued number has no ".0" and never turns into scientific notation -
unless it has more digits than a spreadsheet keeps (see `_format_float`). A date
cell is written with its time of day when its column is formatted to show one,
even at midnight (`_time_columns`): python-calamine gives a whole day number as a
date, and "2020-02-21" would read as an order's day without its time.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import IO

from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from shopkeeper.domain.messages import Message

from .errors import Cancel, NotText, raise_if_cancelled

_POLL_EVERY_ROWS = 10_000
_UNSAFE_NAME = re.compile(r"[^\w.-]+")


def format_cell(value: object, *, shows_time: bool = False) -> str:
    """A spreadsheet cell as CSV text that keeps ids and amounts exact.

    `shows_time`: the cell is formatted to show a time of day, so a date (a date-time on midnight, as
    python-calamine gives it) is written with its 00:00:00.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _format_float(value)
    if isinstance(value, dt.datetime):
        return _round_to_second(value).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return f"{value.isoformat()} 00:00:00" if shows_time else value.isoformat()
    if isinstance(value, dt.time):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, dt.timedelta):
        seconds = round(value.total_seconds())
        sign, seconds = ("-" if seconds < 0 else ""), abs(seconds)
        return f"{sign}{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    return str(value)


# Excel keeps 15 significant digits: from 16 digits on, an integer held as a number has lost its tail.
_EXACT_DIGITS_LIMIT = 1e15


def _format_float(value: float) -> str:
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if abs(value) >= _EXACT_DIGITS_LIMIT and value.is_integer():
        # An id stored as a number (Taobao's 3971850079190007919 saved by Excel is
        # 3971850079190010000): its own digits are gone, and written out in full it would
        # pass for a real id. Written in scientific notation with the 15 digits Excel keeps,
        # it is what staging recognises as a damaged id (sk_id_damaged) and refuses as a
        # key; no amount, count or date is this large.
        return f"{value:.15G}"
    # repr is the shortest text that reads back as the same double: what Excel showed
    text = format(Decimal(repr(value)), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _round_to_second(value: dt.datetime) -> dt.datetime:
    # Excel stores times as day fractions; 12:00:00 can come back as 11:59:59.999999
    if value.microsecond >= 500_000:
        value += dt.timedelta(seconds=1)
    return value.replace(microsecond=0)


def workbook_to_csvs(path: Path, workdir: Path, cancel: Cancel = None) -> list[tuple[str, Path]]:
    """(sheet name, CSV path) for every visible, non-empty worksheet of the workbook at `path`."""
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError) as error:
        raise NotText(Message("import.file.not_a_spreadsheet", {"detail": _first_line(error)})) from None
    out: list[tuple[str, Path]] = []
    try:
        visible = [
            meta.name
            for meta in workbook.sheets_metadata
            if meta.typ == SheetTypeEnum.WorkSheet and meta.visible == SheetVisibleEnum.Visible
        ]
        for number, name in enumerate(visible, start=1):
            raise_if_cancelled(cancel)
            sheet = workbook.get_sheet_by_name(name)
            if sheet.height == 0:
                continue
            target = workdir / f"sheet{number:02d}-{_UNSAFE_NAME.sub('_', name)[:60]}.csv"
            # iter_rows starts at the sheet's first used cell, not at column A
            first_column = sheet.start[1] if sheet.start else 0
            timed = frozenset(c - first_column for c in _time_columns(path, name))
            if _write_rows(sheet.iter_rows(), target, cancel, timed):
                out.append((name, target))
    except CalamineError as error:
        raise NotText(Message("import.file.not_a_spreadsheet", {"detail": _first_line(error)})) from None
    finally:
        workbook.close()
    return out


def _write_rows(rows: Iterable[Sequence[object]], target: Path, cancel: Cancel,
                timed: frozenset[int] = frozenset()) -> bool:
    """Write the rows at full sheet width; False (and no file) when every cell is blank.

    `timed`: the columns (from the sheet's first) whose dates are written with their time of day."""
    any_value = False
    try:
        with target.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            for count, row in enumerate(rows):
                if count % _POLL_EVERY_ROWS == 0:
                    raise_if_cancelled(cancel)
                cells = ([format_cell(value, shows_time=i in timed) for i, value in enumerate(row)] if timed
                         else [format_cell(value) for value in row])
                if any(cells):
                    any_value = True
                    writer.writerow(cells)
                else:
                    # a blank line, as DuckDB skips those; a commas-only line would be a row of NULLs
                    writer.writerow(())
    except BaseException:
        target.unlink(missing_ok=True)  # a full disk must not stay full of our half-written sheet
        raise
    if not any_value:
        target.unlink()
    return any_value


# Built-in number formats that show a time of day (ECMA-376 18.8.30): h:mm AM/PM ... m/d/yy h:mm, mm:ss, [h]:mm:ss.
_TIME_FORMAT_IDS = frozenset({18, 19, 20, 21, 22, 45, 46, 47})
# What a format code says literally or about colour and locale ("at", [Red], [$-804]), never a time: removed
# before looking for the hour and second letters. Elapsed hours ([h]) count as a time.
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[(?![hms]+\])[^\]]*\]', re.IGNORECASE)
# Parts of the workbook read for the formats; anything larger is not a workbook's styles and is not read.
_STYLES_MAX_BYTES = 16 * 1024 * 1024
# The formats of a column are those of its first rows: an export formats a column as a whole.
_FORMAT_ROWS = 500


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]  # without its namespace (transitional or strict OOXML alike)


def _shows_time(code: str) -> bool:
    return any(letter in _FORMAT_LITERALS.sub("", code).lower() for letter in "hs")


def _time_columns(path: Path, sheet_name: str) -> frozenset[int]:
    """The columns (from 0 = A) of an .xlsx sheet whose cells are formatted to show a time of day.

    Read from the workbook's own parts (python-calamine gives no formats): the number format of each cell
    style, then the styles of the sheet's first rows' cells. Any other workbook (.xls, .ods), or one whose
    parts cannot be read so, has none: its whole-day cells stay dates.
    """
    try:
        with zipfile.ZipFile(path) as book:
            timed_styles = _time_styles(_part(book, "xl/styles.xml"))
            if not timed_styles:
                return frozenset()
            sheet_part = _sheet_part(book, sheet_name)
            if sheet_part is None:
                return frozenset()
            with book.open(sheet_part) as stream:
                return _styled_columns(stream, timed_styles)
    except (KeyError, OSError, EOFError, ValueError, ET.ParseError, zipfile.BadZipFile, zlib.error,
            RuntimeError, NotImplementedError):  # not a workbook's parts as Excel writes them, or encrypted
        return frozenset()


def _part(book: zipfile.ZipFile, name: str) -> ET.Element:
    if book.getinfo(name).file_size > _STYLES_MAX_BYTES:
        raise ValueError(f"{name} is too large to be a workbook's part")
    return ET.fromstring(book.read(name))


def _time_styles(styles: ET.Element) -> frozenset[int]:
    """The cell styles (their places in cellXfs) whose number format shows a time of day."""
    codes = {int(f.get("numFmtId", "-1")): f.get("formatCode", "")
             for f in styles.iter() if _local(f.tag) == "numFmt"}
    xfs = next((e for e in styles if _local(e.tag) == "cellXfs"), None)
    found = set()
    for place, xf in enumerate(xfs if xfs is not None else ()):
        number_format = int(xf.get("numFmtId", "0"))
        if number_format in _TIME_FORMAT_IDS or (number_format in codes and _shows_time(codes[number_format])):
            found.add(place)
    return frozenset(found)


def _sheet_part(book: zipfile.ZipFile, sheet_name: str) -> str | None:
    """The zip member holding the named sheet, through the workbook's relationships."""
    rel_id = None
    for sheet in _part(book, "xl/workbook.xml").iter():
        if _local(sheet.tag) == "sheet" and sheet.get("name") == sheet_name:
            rel_id = next((v for k, v in sheet.attrib.items() if _local(k) == "id"), None)
    for rel in _part(book, "xl/_rels/workbook.xml.rels"):
        if rel_id is not None and rel.get("Id") == rel_id:
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
    return None


def _styled_columns(stream: IO[bytes], styles: frozenset[int]) -> frozenset[int]:
    """The columns of the sheet's first rows holding a cell of one of `styles` (a cell names its place, `r`,
    or follows the one before it)."""
    columns: set[int] = set()
    rows, column = 0, -1
    for event, element in ET.iterparse(stream, events=("start", "end")):
        tag = _local(element.tag)
        if event == "start":
            if tag == "row":
                column = -1
            elif tag == "c":
                ref = re.match(r"[A-Z]+", element.get("r") or "")
                column = _column_index(ref.group()) if ref else column + 1
            continue
        if tag == "c" and int(element.get("s") or "0") in styles:
            columns.add(column)
        elif tag == "row":
            element.clear()
            rows += 1
            if rows >= _FORMAT_ROWS:
                break
    return frozenset(columns)


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:120]
