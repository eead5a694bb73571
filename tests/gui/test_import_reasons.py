"""Every refusal the importer gives reads in Chinese in the window (core words it in English)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.importers.spreadsheet_damage import DAMAGED_ID
from shopkeeper.ui.import_reasons import cell_reason, knows, refusal_reason_text
from tests.unit.importers.export_files import run_import

PRODUCTS = "Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty\n"
ORDERS = "Name,Email,Created at,Total,Lineitem name,Lineitem quantity,Lineitem price,Financial Status\n"


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


def test_every_refusal_of_real_bad_files_is_known_and_reads_in_chinese(shop: Database, tmp_path: Path,
                                                                      chinese: None) -> None:
    outcomes = run_import(shop, *_bad_files(tmp_path))
    refused = [o for o in outcomes if not o.ok]
    assert len(refused) == len(outcomes) == 13
    unnamed = run_import(shop, tmp_path / "one-bad-row.csv", mapping_name="nope")
    for outcome in [*refused, *unnamed]:
        assert outcome.reason and knows(outcome.reason), outcome.message
        shown = refusal_reason_text(outcome.reason)
        assert re.search(r"[\u4e00-\u9fff]", shown), (outcome.reason, shown)
        # Latin letters left are the file's own (names) or a library's detail in brackets (an OS or
        # zip error, kept as written for support), never a sentence of ours.
        ours = re.sub(r"（[^）]*）", "", shown)
        assert not re.search(r"\b(the|is|not|could|file|row|rows)\b", ours), (outcome.reason, shown)


def test_reasons_keep_their_details(chinese: None) -> None:
    shown = refusal_reason_text("none of its 1,204 rows could be read (first problem: row 3, Total: not an amount)")
    assert "1,204" in shown and "3" in shown and "Total" in shown and cell_reason("not an amount") in shown
    assert refusal_reason_text("something new the importer says") == "something new the importer says"


def test_ids_damaged_by_a_spreadsheet_have_their_patterns(shop: Database, tmp_path: Path, qapp: object) -> None:
    # In English the window shows the core's words exactly: a pattern or a literal that drifted from
    # them would show something else. (The Chinese is added with the translation file.)
    path = tmp_path / "orders_export.csv"
    path.write_text(ORDERS.rstrip("\n") + ",Id\n" + "#1,a@b.c,2025-01-02 10:00:00,12.00,Cup,1,12.00,paid,6.63424E+12\n"
                    "#2,a@b.c,2025-01-02 10:00:00,3.00,Cup,1,3.00,paid,6.63424E+12\n")
    [outcome] = run_import(shop, path)
    assert outcome.reason and "damaged by a spreadsheet program" in outcome.reason
    assert knows(outcome.reason) and refusal_reason_text(outcome.reason) == outcome.reason
    assert cell_reason(DAMAGED_ID) == DAMAGED_ID


def test_every_refusal_of_hostile_files_is_known_and_keeps_its_details(shop: Database, tmp_path: Path) -> None:
    # The Chinese of these reasons comes with the next translation update; the patterns must match already.
    import os

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
    assert [o.ok for o in outcomes] == [False] * 5
    for outcome in outcomes:
        assert outcome.reason and knows(outcome.reason), outcome.message
    shown = [refusal_reason_text(o.reason or "") for o in outcomes]
    assert "FIFO" in shown[0] and "device" in shown[1]
    assert f"{containers.MAX_ARCHIVE_MEMBERS + 1:,}" in shown[2] and "'big.csv'" in shown[3] and "64 MiB" in shown[3]
    assert "1,048,576" in shown[4] and "16,384" in shown[4]
    for reason in ("the file could not be opened: this account is not allowed to read it",
                   "the file could not be unpacked: the disk holding the work folder /tmp/w is full. Nothing was "
                   "imported from it; free some space and import it again",
                   "the file could not be read (Input/output error)",
                   "the file is a compressed file that unpacks to more than 200 times its size, far more than any "
                   "export (a zip bomb); it was not opened",
                   "the file is a workbook that holds 2.5 GiB of sheet data, more than Shopkeeper can load (at most "
                   "2 GiB a sheet); save the sheet as CSV and import that"):
        assert knows(reason), reason
    assert "/tmp/w" in refusal_reason_text("the file could not be unpacked: the disk holding the work folder /tmp/w "
                                           "is full. Nothing was imported from it; free some space and import it again")


def test_text_after_a_closing_quote_is_known_and_keeps_its_line(shop: Database, tmp_path: Path) -> None:
    # Kept out of the Chinese check above until the translation file has these two strings.
    path = tmp_path / "after-quote.csv"
    path.write_bytes((PRODUCTS + '"mug"\xe9,Moon Mug,M-1,12.50,7\n').encode("utf-8"))
    [outcome] = run_import(shop, path)
    assert not outcome.ok and outcome.reason and knows(outcome.reason), outcome.message
    assert refusal_reason_text(outcome.reason).startswith("line 2 has text right after a closing quote")
    assert knows("the file has text right after a closing quote, so its values cannot be told apart; fix that "
                 "line or export the file again")
