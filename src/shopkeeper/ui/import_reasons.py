"""The importer's reasons, in the window's language.

The core (Qt-free, also behind the command line) words its refusals and
rejects in English. The window shows them through this table: one pattern per
refusal the importer gives, its parts (file detail, line, row, column) carried
over. tests/gui/test_import_reasons.py makes the importer refuse real bad files
and fails when one of its reasons is missing here, so a new or reworded reason
cannot slip through untranslated.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

# Each text is spelled out in its own QCoreApplication.translate call: lupdate only finds literals.




def cell_reason(reason: str) -> str:
    """Why one cell or row was rejected."""
    known = {
        "not an amount": QCoreApplication.translate("ImportReasons", "not an amount"),
        "not a number": QCoreApplication.translate("ImportReasons", "not a number"),
        "not a whole number": QCoreApplication.translate("ImportReasons", "not a whole number"),
        "not yes/no": QCoreApplication.translate("ImportReasons", "not yes/no"),
        "not a date and time": QCoreApplication.translate("ImportReasons", "not a date and time"),
        "missing order id": QCoreApplication.translate("ImportReasons", "missing order id"),
        "missing order time": QCoreApplication.translate("ImportReasons", "missing order time"),
        "missing order date": QCoreApplication.translate("ImportReasons", "missing order date"),
        "missing order total": QCoreApplication.translate("ImportReasons", "missing order total"),
        "missing SKU": QCoreApplication.translate("ImportReasons", "missing SKU"),
        "a new SKU needs a title": QCoreApplication.translate("ImportReasons", "a new SKU needs a title"),
        "the line items in this cell could not be unpacked":
            QCoreApplication.translate("ImportReasons", "the line items in this cell could not be unpacked"),
        "a line item has no name or SKU": QCoreApplication.translate("ImportReasons", "a line item has no name or SKU"),
        "a line item has no whole-number quantity":
            QCoreApplication.translate("ImportReasons", "a line item has no whole-number quantity"),
        "a line item has no total amount":
            QCoreApplication.translate("ImportReasons", "a line item has no total amount"),
        "the id was damaged by a spreadsheet program; export the file again and import it as it comes":
            QCoreApplication.translate("ImportReasons", "the id was damaged by a spreadsheet program; export the file "
                                                        "again and import it as it comes"),
        "the file ends in the middle of this row (it was cut short)": QCoreApplication.translate(
            "ImportReasons", "the file ends in the middle of this row (it was cut short)"),
        "a variation needs its parent product": QCoreApplication.translate("ImportReasons",
                                                                            "a variation needs its parent product"),
    }
    if reason.startswith("another row of this order could not be read"):
        return QCoreApplication.translate("ImportReasons", "another row of this order could not be read")
    return known.get(reason, reason)


def _first_problem(m: re.Match[str]) -> str:
    column = m.group("column")
    where = (QCoreApplication.translate("ImportReasons", "row {row}, {column}") if column else QCoreApplication.translate("ImportReasons", "row {row}")).format(row=m.group("row"), column=column)
    return QCoreApplication.translate("ImportReasons", "first problem: {where}: {reason}").format(where=where, reason=cell_reason(m.group("why")))


_FIRST = r" \(first problem: row (?P<row>\d+)(?:, (?P<column>[^:]+))?: (?P<why>.+)\)"
_NEAR = r"(?: near line (?P<line>\d+))?"


def _near(m: re.Match[str]) -> str:
    return QCoreApplication.translate("ImportReasons", " near line {line}").format(line=m.group("line")) if m.group("line") else ""


# (pattern over the whole reason, its rendering). The first pattern that matches wins.
_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"the file is empty \(0 bytes\)"), lambda m: QCoreApplication.translate("ImportReasons", "the file is empty (0 bytes)")),
    (re.compile(r"the file is empty \(it holds only blank space\)"),
     lambda m: QCoreApplication.translate("ImportReasons", "the file is empty (it holds only blank space)")),
    (re.compile(r"the file is a folder, not a file"), lambda m: QCoreApplication.translate("ImportReasons", "this is a folder, not a file")),
    (re.compile(r"the file could not be opened \((?P<detail>.*)\)"),
     lambda m: QCoreApplication.translate("ImportReasons", "the file could not be opened ({detail})").format(detail=m.group("detail"))),
    (re.compile(r"the file is a pipe \(FIFO\), not a file; only saved files can be imported"),
     lambda m: QCoreApplication.translate("ImportReasons", "this is a pipe (FIFO), not a file; only saved files can be imported")),
    (re.compile(r"the file is a device, not a file; only saved files can be imported"),
     lambda m: QCoreApplication.translate("ImportReasons", "this is a device, not a file; only saved files can be imported")),
    (re.compile(r"the file is a socket, not a file; only saved files can be imported"),
     lambda m: QCoreApplication.translate("ImportReasons", "this is a socket, not a file; only saved files can be imported")),
    (re.compile(r"the file is a special file, not a file; only saved files can be imported"),
     lambda m: QCoreApplication.translate("ImportReasons", "this is a special file, not a file; only saved files can be imported")),
    (re.compile(r"the file could not be opened: this account is not allowed to read it"),
     lambda m: QCoreApplication.translate("ImportReasons", "the file could not be opened: this account is not allowed to read it")),
    (re.compile(r"the file could not be unpacked: the disk holding the work folder (?P<folder>.+) is full\. .*"),
     lambda m: QCoreApplication.translate("ImportReasons", "the file could not be unpacked: the disk holding the work folder {folder} is full. "
                  "Nothing was imported from it; free some space and import it again").format(folder=m.group("folder"))),
    (re.compile(r"the file could not be read \((?P<detail>.*)\)"),
     lambda m: QCoreApplication.translate("ImportReasons", "the file could not be read ({detail})").format(detail=m.group("detail"))),
    (re.compile(r"the file is an archive with (?P<count>[\d,]+) files, more than the (?P<limit>[\d,]+) Shopkeeper "
                r"imports from one archive; .*"),
     lambda m: QCoreApplication.translate("ImportReasons", "the archive holds {count} files, more than the {limit} Shopkeeper imports from one "
                  "archive; unpack it and import the tables in smaller groups").format(count=m.group("count"), limit=m.group("limit"))),
    (re.compile(r"the file is an archive whose (?P<member>.+) would unpack from (?P<packed>.+?) to (?P<unpacked>.+?), "
                r"far more than any export \(a zip bomb\); it was not opened"),
     lambda m: QCoreApplication.translate("ImportReasons", "the archive member {member} would unpack from {packed} to {unpacked}, far more than "
                  "any export (a zip bomb); it was not opened").format(
         member=m.group("member"), packed=m.group("packed"), unpacked=m.group("unpacked"))),
    (re.compile(r"the file is a compressed file that unpacks to more than (?P<ratio>\d+) times its size, far more than any "
                r"export \(a zip bomb\); it was not opened"),
     lambda m: QCoreApplication.translate("ImportReasons", "the compressed file unpacks to more than {ratio} times its size, far more than any "
                  "export (a zip bomb); it was not opened").format(ratio=m.group("ratio"))),
    (re.compile(r"the file is a workbook that has a sheet spanning (?P<rows>[\d,]+) rows × (?P<columns>[\d,]+) columns, "
                r"more than Shopkeeper can load \(at most (?P<limit>[\d,]+) cells a sheet\); .*"),
     lambda m: QCoreApplication.translate("ImportReasons", "the workbook has a sheet spanning {rows} rows × {columns} columns, more than "
                  "Shopkeeper can load (at most {limit} cells a sheet); save the sheet as CSV and import that").format(
         rows=m.group("rows"), columns=m.group("columns"), limit=m.group("limit"))),
    (re.compile(r"the file is a workbook that holds (?P<size>.+?) of sheet data, more than Shopkeeper can load "
                r"\(at most (?P<limit>.+?) a sheet\); .*"),
     lambda m: QCoreApplication.translate("ImportReasons", "the workbook holds {size} of sheet data, more than Shopkeeper can load (at most "
                  "{limit} a sheet); save the sheet as CSV and import that").format(size=m.group("size"), limit=m.group("limit"))),
    (re.compile(r"the file contains binary data, not text"), lambda m: QCoreApplication.translate("ImportReasons", "the file holds binary data, not text")),
    (re.compile(r"the file is not valid (?P<enc>[\w-]+) text" + _NEAR + r"(?P<again>; it needs to be read again.*)?"),
     lambda m: QCoreApplication.translate("ImportReasons", "the file is not valid {encoding} text{near}").format(encoding=m.group("enc"), near=_near(m))),
    (re.compile(r"the file looks like a zip archive but is damaged \((?P<detail>.*)\)"),
     lambda m: QCoreApplication.translate("ImportReasons", "the file looks like a zip archive but is damaged ({detail})").format(detail=m.group("detail"))),
    (re.compile(r"the file is a Word, PowerPoint or other Office document, not a spreadsheet"),
     lambda m: QCoreApplication.translate("ImportReasons", "the file is a Word, PowerPoint or other Office document, not a spreadsheet")),
    (re.compile(r"the file is a web page or XML file, not a table export; .*"),
     lambda m: QCoreApplication.translate("ImportReasons", "the file is a web page or XML file, not a table export; open it in Excel and save it "
                  "as .xlsx or CSV")),
    (re.compile(r"the file is an archive with no tables inside: (?P<detail>.*)"),
     lambda m: QCoreApplication.translate("ImportReasons", "the archive holds no tables ({detail})").format(detail=m.group("detail"))),
    (re.compile(r"the file is a spreadsheet whose sheets are all empty"),
     lambda m: QCoreApplication.translate("ImportReasons", "every sheet of the spreadsheet is empty")),
    (re.compile(r"the file could not be read as a spreadsheet \((?P<detail>.*)\)"),
     lambda m: QCoreApplication.translate("ImportReasons", "the file could not be read as a spreadsheet ({detail})").format(detail=m.group("detail"))),
    (re.compile(r"the file would unpack to more than (?P<limit>.+?); .*"),
     lambda m: QCoreApplication.translate("ImportReasons", "the archive would unpack to more than {limit}; unpack it yourself and drop the tables one "
                  "by one").format(limit=m.group("limit"))),
    (re.compile(r"the file is (?P<what>a .+|an .+), not a table"),
     lambda m: QCoreApplication.translate("ImportReasons", "the file is not a table ({what})").format(what=m.group("what"))),
    (re.compile(r"the file has no header row in its first (?P<n>\d+) lines: every line looks like data"),
     lambda m: QCoreApplication.translate("ImportReasons", "no header row in the first {n} lines: every line looks like data").format(n=m.group("n"))),
    (re.compile(r"the file has a quoted value that never closes: the quote on line (?P<line>\d+) .*"),
     lambda m: QCoreApplication.translate("ImportReasons", "a quoted value never closes: the quote on line {line} runs to the end of the file. Fix that "
                  "line or export the file again").format(line=m.group("line"))),
    (re.compile(r"the file has a quoted value that never closes" + _NEAR),
     lambda m: QCoreApplication.translate("ImportReasons", "a quoted value never closes{near}").format(near=_near(m))),
    (re.compile(r"the file has text right after a closing quote on line (?P<line>\d+), .*"),
     lambda m: QCoreApplication.translate("ImportReasons", "line {line} has text right after a closing quote, so its values cannot be "
                  "told apart. Fix that line or export the file again").format(line=m.group("line"))),
    (re.compile(r"the file has text right after a closing quote, .*"),
     lambda m: QCoreApplication.translate("ImportReasons", "a line has text right after a closing quote, so its values cannot be told "
                  "apart. Fix that line or export the file again")),
    (re.compile(r"the file has a row longer than (?P<size>\d+) MiB" + _NEAR),
     lambda m: QCoreApplication.translate("ImportReasons", "a row is longer than {size} MiB{near}").format(size=m.group("size"), near=_near(m))),
    (re.compile(r"the file could not be read" + _NEAR + r": (?P<detail>.*)"),
     lambda m: QCoreApplication.translate("ImportReasons", "the file could not be read{near}: {detail}").format(near=_near(m), detail=m.group("detail"))),
    (re.compile(r"the file has a header but no rows"), lambda m: QCoreApplication.translate("ImportReasons", "the file has a header but no rows")),
    (re.compile(r"its only row could not be read" + _FIRST),
     lambda m: QCoreApplication.translate("ImportReasons", "its only row could not be read ({first})").format(first=_first_problem(m))),
    (re.compile(r"none of its (?P<n>[\d,]+) rows could be read" + _FIRST),
     lambda m: QCoreApplication.translate("ImportReasons", "none of its {n} rows could be read ({first})").format(n=m.group("n"), first=_first_problem(m))),
    (re.compile(r"the ids in (?P<column>.+?) were damaged by a spreadsheet program \((?P<n>[\d,]+) of (?P<total>[\d,]+) "
                r"ids, the first on row (?P<row>\d+): (?P<value>.*?)\): .*"),
     lambda m: QCoreApplication.translate("ImportReasons", "the ids in {column} were damaged by a spreadsheet program ({n} of "
                  "{total} ids, the first on row {row}: {value}): Excel shows long numbers in scientific notation and "
                  "saves them that way, or rounds them after 15 digits; export the file again from the platform and "
                  "import that file as it comes, without opening and saving it in a spreadsheet (or, in Excel, format "
                  "the id column as Text before saving)").format(
         column=m.group("column"), n=m.group("n"), total=m.group("total"), row=m.group("row"), value=m.group("value"))),
    (re.compile(r"unknown export format: .*"),
     lambda m: QCoreApplication.translate("ImportReasons", "Shopkeeper does not know the columns of this table yet; press Map columns… to import it")),
    (re.compile(r'there is no saved column mapping named "(?P<name>.*)"'),
     lambda m: QCoreApplication.translate("ImportReasons", 'there is no saved column mapping named "{name}"').format(name=m.group("name"))),
    (re.compile(r'the saved mapping "(?P<name>.*)" needs columns this file does not have \((?P<fields>.*)\)'),
     lambda m: QCoreApplication.translate("ImportReasons", 'the saved mapping "{name}" needs columns this file does not have ({fields})').format(
         name=m.group("name"), fields=m.group("fields"))),
    (re.compile(r"could not be imported \((?P<detail>.*)\)"),
     lambda m: QCoreApplication.translate("ImportReasons", "could not be imported ({detail})").format(detail=m.group("detail"))),
]


def refusal_reason_text(reason: str) -> str:
    """A refusal's reason ('the file is empty (0 bytes)') in the window's language; as written if unknown."""
    text = reason.strip()
    for pattern, render in _PATTERNS:
        m = pattern.fullmatch(text)
        if m is not None:
            return render(m)
    return text


def knows(reason: str) -> bool:
    return any(pattern.fullmatch(reason.strip()) for pattern, _render in _PATTERNS)
