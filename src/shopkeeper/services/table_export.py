"""Rows written to a file a spreadsheet opens right: CSV (UTF-8 with BOM) or .xlsx.

Every text cell goes through the one guard (domain/spreadsheet_cells.py): a
cell Excel or WPS would run as a formula is made inert, and in a CSV a long id
is written in the form both keep as text (in .xlsx every text cell is a text
cell already). Numbers, money included, are written as numbers so a sheet sums
them; money is never a float on the way (Decimal text as it is). Dates and
instants are ISO text, an instant with its own offset.

Personal data is masked (domain/contact_masking.py) unless the seller asked to
see it; the caller records that reveal (services/privacy.py).

The file is written beside its target and moved over it, so a failure (a full
disk, a file open in Excel on Windows) never leaves half a file: the seller
gets a message naming the file, and whatever was there before stays.
"""

from __future__ import annotations

import csv
import os
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from shopkeeper.db.database import Database
from shopkeeper.db.table_source import TableSource
from shopkeeper.domain.contact_masking import Kind, mask_contact
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message
from shopkeeper.domain.spreadsheet_cells import csv_safe, csv_text_cell

FORMATS = (".csv", ".xlsx")


@dataclass(frozen=True)
class Exported:
    path: Path
    rows: int


def export_format(path: Path) -> str:
    """`.csv` or `.xlsx` from the file's name; any other is refused before anything is read."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise KnownError(Message("export.table.format", {"path": str(path)}))
    return suffix


def masked_rows(header: Sequence[str], rows: Iterable[Sequence[object]],
                personal: Mapping[str, Kind]) -> Iterable[Sequence[object]]:
    """The rows with each personal column (column name -> what it holds) masked."""
    where = [(i, personal[name]) for i, name in enumerate(header) if name in personal]
    if not where:
        yield from rows
        return
    for row in rows:
        cells = list(row)
        for i, kind in where:
            value = cells[i]
            cells[i] = mask_contact(kind, value) if isinstance(value, str) else value
        yield cells


def write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]], *,
                fmt: str | None = None) -> Exported:
    """Write the rows under their header to `path` (.csv or .xlsx, or `fmt` whatever the name), whole or not at all."""
    target = Path(path)
    suffix = fmt or export_format(target)
    tmp = target.with_name(target.name + ".partial")
    try:
        count = _write_xlsx(tmp, header, rows) if suffix == ".xlsx" else _write_csv(tmp, header, rows)
        os.replace(tmp, target)
    except OSError as exc:
        raise KnownError(Message("export.write_failed", {"path": str(target), "reason": exc.strerror or str(exc)})) \
            from exc
    finally:
        tmp.unlink(missing_ok=True)
    return Exported(target, count)


def export_source(db: Database, source: TableSource, path: Path, *, search: str = "", active: Sequence[str] = (),
                  sort_key: str | None = None, descending: bool | None = None,
                  personal: Mapping[str, Kind] | None = None, header: Sequence[str] | None = None) -> Exported:
    """Every row a table view shows with this search, filters and order (not only the page on screen)."""
    export_format(Path(path))
    total = source.count(db, search, active)
    rows = source.page(db, search=search, active=active, sort_key=sort_key, descending=descending,
                       offset=0, limit=max(total, 1))
    names = source.column_keys()
    return write_table(path, header or names, masked_rows(names, rows, personal or {}))


def _text(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _number(value: object) -> str | None:
    """The cell's number as text when it is one (never via float for money), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return f"{value:f}" if value.is_finite() else None
    if isinstance(value, float):
        return repr(value) if value == value and abs(value) != float("inf") else None
    return None


def _write_csv(tmp: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    count = 0
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh, quoting=csv.QUOTE_MINIMAL)
        out.writerow([csv_safe(h) for h in header])
        for row in rows:
            out.writerow([_csv_cell(v) for v in row])
            count += 1
    return count


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    number = _number(value)
    return number if number is not None else csv_text_cell(_text(value))


# XML 1.0 cannot hold these; a control character in a cell is dropped rather than break the file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '</Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Shopkeeper" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _xlsx_cell(ref: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    number = _number(value)
    if number is not None:
        return f'<c r="{ref}"><v>{number}</v></c>'
    text = escape(_NOT_XML.sub("", csv_safe(_text(value))))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _write_xlsx(tmp: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """One sheet of inline-string and number cells: the smallest workbook Excel, WPS and LibreOffice open."""
    letters = [_column_letter(i) for i in range(len(header))]
    count = 0
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _ROOT_RELS)
        book.writestr("xl/workbook.xml", _WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            sheet.write(_xlsx_row(1, letters, header))
            for n, row in enumerate(rows, start=2):
                sheet.write(_xlsx_row(n, letters, row))
                count += 1
            sheet.write(b"</sheetData></worksheet>")
    return count


def _xlsx_row(n: int, letters: Sequence[str], row: Sequence[object]) -> bytes:
    cells = "".join(_xlsx_cell(f"{letters[i]}{n}", v) for i, v in enumerate(row))
    return f'<row r="{n}">{cells}</row>'.encode()
