"""Excel and OpenDocument workbooks written out as UTF-8 CSV, one file per sheet.

Downstream code then treats a workbook exactly like its CSV twin. Cell values are
written the way a seller saw them in Excel, not the way Python prints floats: an
integer-valued number has no ".0" and never turns into scientific notation -
unless it has more digits than a spreadsheet keeps (see `_format_float`).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from shopkeeper.domain.messages import Message

from .errors import Cancel, NotText, raise_if_cancelled

_POLL_EVERY_ROWS = 10_000
_UNSAFE_NAME = re.compile(r"[^\w.-]+")


def format_cell(value: object) -> str:
    """A spreadsheet cell as CSV text that keeps ids and amounts exact."""
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
        return value.isoformat()
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
            if _write_rows(sheet.iter_rows(), target, cancel):
                out.append((name, target))
    except CalamineError as error:
        raise NotText(Message("import.file.not_a_spreadsheet", {"detail": _first_line(error)})) from None
    finally:
        workbook.close()
    return out


def _write_rows(rows: Iterable[Sequence[object]], target: Path, cancel: Cancel) -> bool:
    """Write the rows at full sheet width; False (and no file) when every cell is blank."""
    any_value = False
    try:
        with target.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            for count, row in enumerate(rows):
                if count % _POLL_EVERY_ROWS == 0:
                    raise_if_cancelled(cancel)
                cells = [format_cell(value) for value in row]
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


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:120]
