"""The importer's refusals and rejects reach the window as codes it words itself.

Nothing parses the English back: each refusal of a real bad file carries a
code the window's catalogue knows, with every detail its text needs, and a
row's reject reason is stored as a code with its parameters. (That every code
has its Chinese is tests/test_message_codes.py's job.)
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.domain.message_texts import english
from shopkeeper.domain.messages import Message
from shopkeeper.services.imports import reject_messages, rejects, write_rejects_csv
from shopkeeper.ui.message_texts import window_text, window_texts
from tests.test_message_codes import assert_renders_fully
from tests.unit.importers.export_files import run_import

PRODUCTS = "Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty\n"
ORDERS = "Name,Email,Created at,Total,Lineitem name,Lineitem quantity,Lineitem price,Financial Status\n"
# Where the window words a code differently from the command line (it names its own buttons).
WINDOW_WORDING = {"import.refused.unknown_format"}


def _bad_files(folder: Path) -> list[Path]:
    files = {
        "empty.csv": b"",
        "blank.csv": b"   \n\n",
        "binary.csv": bytes(range(256)) * 20,
        "page.xls": b"<html><body><table><tr><td>1</td></tr></table></body></html>",
        "scan.pdf": b"%PDF-1.4 not a table",
        "damaged.zip": b"PK\x03\x04garbage",
        "header-only.csv": PRODUCTS.encode(),
        "one-bad-row.csv": (ORDERS + "#1,a@b.c,not a date,12.00,Cup,1,12.00,paid\n").encode(),
        "two-bad-rows.csv": (ORDERS + "#1,a@b.c,not a date,12.00,Cup,1,12.00,paid\n"
                             "#2,a@b.c,nor this,3.00,Cup,1,3.00,paid\n").encode(),
        "open-quote.csv": (PRODUCTS + 'mug,"Moon Mug,M-1,12.50,7\nsun,Sun Mug,S-1,9.00,3\n').encode(),
        "after-quote.csv": (PRODUCTS + '"mug"\xe9,Moon Mug,M-1,12.50,7\n').encode("utf-8"),
        "unknown.csv": b"Alpha,Beta\n1,2\n",
    }
    paths = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    with zipfile.ZipFile(folder / "report.docx", "w") as zf:
        zf.writestr("[Content_Types].xml", "<x/>")
        zf.writestr("word/document.xml", "<x/>")
    (folder / "a-folder.csv").mkdir()
    return [*paths, folder / "report.docx", folder / "a-folder.csv", folder / "missing.csv"]


def _check_window_words(outcome: object, qapp: object) -> str:
    refusal = outcome.refusal  # type: ignore[attr-defined]
    assert isinstance(refusal, Message), outcome
    assert_renders_fully(outcome.line)  # type: ignore[attr-defined]
    shown = window_text(refusal)
    assert refusal.code in window_texts()
    if refusal.code not in WINDOW_WORDING:
        # Untranslated, the window says what the command line says: same wording, same details.
        assert shown == english(refusal), (shown, english(refusal))
    return shown


def test_every_refusal_of_real_bad_files_is_a_code_the_window_words(shop: Database, tmp_path: Path,
                                                                   qapp: object) -> None:
    outcomes = run_import(shop, *_bad_files(tmp_path))
    assert [o.ok for o in outcomes] == [False] * 15
    unnamed = run_import(shop, tmp_path / "unknown.csv", mapping_name="nope")
    for outcome in [*outcomes, *unnamed]:
        _check_window_words(outcome, qapp)
    codes = {o.path.name: o.refusal.code for o in outcomes if o.refusal is not None}
    assert codes["unknown.csv"] == "import.refused.unknown_format" and outcomes[11].needs_mapping
    assert codes["header-only.csv"] == "import.refused.header_without_rows"
    assert unnamed[0].refusal == Message("import.refused.no_such_mapping", {"name": "nope"})
    assert outcomes[8].refusal == Message("import.refused.no_row_readable_in_column", {
        "rows": 2, "row": 1, "column": "Created at", "problem": Message("reject.not_a_date_time")})
    assert outcomes[10].refusal == Message("import.refused.text_after_quote_on_line", {"line": 2})
    assert outcomes[0].reason == "the file is empty (0 bytes)"
    assert outcomes[0].message == "empty.csv: refused — the file is empty (0 bytes)"


def test_refusals_of_hostile_files_keep_their_details(shop: Database, tmp_path: Path, qapp: object) -> None:
    from shopkeeper.importers.reading import containers

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    many = tmp_path / "many.zip"
    with zipfile.ZipFile(many, "w") as zf:
        for n in range(containers.MAX_ARCHIVE_MEMBERS + 1):
            zf.writestr(f"{n}.csv", "a,b\n")
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("big.csv", "w", force_zip64=True) as out:
        for _ in range(containers.RATIO_CHECKED_FROM_BYTES >> 20):
            out.write(b"0" * (1 << 20))
    book = tmp_path / "far.xlsx"
    with zipfile.ZipFile(book, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
                                                '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>')
    outcomes = run_import(shop, fifo, Path("/dev/zero"), many, bomb, book)
    shown = [_check_window_words(o, qapp) for o in outcomes]
    assert "FIFO" in shown[0] and "device" in shown[1]
    assert f"{containers.MAX_ARCHIVE_MEMBERS + 1:,}" in shown[2] and "'big.csv'" in shown[3] and "64 MiB" in shown[3]
    assert "1,048,576" in shown[4] and "16,384" in shown[4]
    assert outcomes[2].refusal.params["what"] == Message(  # type: ignore[union-attr]
        "import.file.too_many_members", {"count": containers.MAX_ARCHIVE_MEMBERS + 1,
                                         "limit": containers.MAX_ARCHIVE_MEMBERS})


def test_rejects_are_stored_as_codes_and_worded_by_each_reader(shop: Database, tmp_path: Path,
                                                              qapp: object) -> None:
    path = tmp_path / "orders_export.csv"
    path.write_text(ORDERS + "#1,a@b.c,2025-01-02 10:00:00,12.00,Cup,1,12.00,paid\n"
                             "#2,a@b.c,2025-01-02 10:00:00,lots,Cup,1,3.00,paid\n"
                             "#2,a@b.c,,,Mug,1,3.00,paid\n")
    [outcome] = run_import(shop, path)
    assert outcome.ok and outcome.rows_rejected == 2, outcome.message
    stored = shop.fetchall("SELECT row_number, column_name, value, reason, code, params FROM import_rejects "
                           "ORDER BY row_number, code")
    assert stored == [(2, "Total", "lots", None, "reject.not_an_amount", None),
                      (3, None, None, None, "reject.other_row_of_order", '{"row":2}')]
    found = reject_messages(shop, outcome.batch_id)
    assert [r[3] for r in found] == [Message("reject.not_an_amount"),
                                     Message("reject.other_row_of_order", {"row": 2})]
    assert window_text(found[1][3]) == "another row of this order could not be read (row 2)"
    # A reject an older Shopkeeper stored as English is shown as it was written.
    shop.execute("INSERT INTO import_rejects (batch_id, row_number, column_name, value, reason) "
                 "VALUES (?, 9, 'Total', 'x', 'not an amount')", [outcome.batch_id])
    old = reject_messages(shop, outcome.batch_id)[-1][3]
    assert rejects(shop, outcome.batch_id)[-1][3] == "not an amount"
    assert english(old) == window_text(old) == "not an amount"
    report = tmp_path / "rejects.csv"
    write_rejects_csv(shop, outcome.batch_id, report)
    assert report.read_text(encoding="utf-8-sig").splitlines() == [
        "row,column,value,reason,code",
        "2,Total,lots,not an amount,reject.not_an_amount",
        "3,,,another row of this order could not be read (row 2),reject.other_row_of_order",
        "9,Total,x,not an amount,",
    ]


def test_ids_damaged_by_a_spreadsheet_refuse_with_their_details(shop: Database, tmp_path: Path,
                                                                qapp: object) -> None:
    path = tmp_path / "orders_export.csv"
    path.write_text(ORDERS.rstrip("\n") + ",Id\n" + "#1,a@b.c,2025-01-02 10:00:00,12.00,Cup,1,12.00,paid,6.63424E+12\n"
                    "#2,a@b.c,2025-01-02 10:00:00,3.00,Cup,1,3.00,paid,6.63424E+12\n")
    [outcome] = run_import(shop, path)
    assert outcome.refusal == Message("import.refused.ids_damaged",
                                      {"column": "Id", "damaged": 2, "total": 2, "row": 1, "value": "6.63424E+12"})
    assert "damaged by a spreadsheet program (2 of 2 ids, the first on row 1: 6.63424E+12)" in \
        _check_window_words(outcome, qapp)
