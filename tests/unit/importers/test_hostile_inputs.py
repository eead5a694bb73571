"""Hostile and pathological input files: each is refused with a plain reason, fast, and the shop is untouched.

Pipes, devices and sockets are never opened (a FIFO blocks its reader, /dev/zero never
ends); unreadable files, a full work-folder disk, archives of thousands of files, zip
bombs and workbooks whose cells span the whole sheet are refused before they cost
memory or time.
"""

from __future__ import annotations

import contextlib
import os
import socket
import stat
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from shopkeeper.db.database import Database
from shopkeeper.importers.reading import RefusedFile, check_input_file, containers, open_tables
from shopkeeper.importers.reading.workbook_bounds import MAX_SHEET_CELLS
from shopkeeper.services.imports import import_paths
from tests.conftest import mounted_tmpfs
from tests.unit.importers.cn_exports import taobao_orders, write_csv, write_xlsx
from tests.unit.importers.export_files import SHOPIFY_PRODUCTS_2025, run_import, write_export

_MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _batches(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM import_batches"))


def _products(path: Path, count: int = 2) -> Path:
    rows = [{"Handle": f"mug-{n}", "Title": f"Mug {n}", "Variant SKU": f"M-{n}", "Variant Price": "12.50"}
            for n in range(count)]
    return write_export(path, SHOPIFY_PRODUCTS_2025, rows)


# --- what is not a regular file ----------------------------------------------------------------


@contextlib.contextmanager
def _listening_socket(path: Path) -> Iterator[Path]:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        yield path
    finally:
        server.close()


def test_pipes_devices_and_sockets_are_refused_without_being_opened(tmp_path: Path) -> None:
    # A subprocess with a timeout: were a FIFO opened, the import would block forever.
    fifo = tmp_path / "orders.csv"
    os.mkfifo(fifo)
    disguised = tmp_path / "export.csv"
    disguised.symlink_to("/dev/zero")
    with _listening_socket(tmp_path / "s.csv") as sock:
        run = subprocess.run(
            [sys.executable, "-m", "shopkeeper", "import", "--db", str(tmp_path / "shop.duckdb"),
             str(fifo), "/dev/zero", "/dev/urandom", str(disguised), str(sock), str(tmp_path)],
            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
        )
    assert "Traceback" not in run.stderr
    assert run.stderr.splitlines() == [
        "orders.csv: refused — the file is a pipe (FIFO), not a file; only saved files can be imported",
        "zero: refused — the file is a device, not a file; only saved files can be imported",
        "urandom: refused — the file is a device, not a file; only saved files can be imported",
        "export.csv: refused — the file is a device, not a file; only saved files can be imported",
        "s.csv: refused — the file is a socket, not a file; only saved files can be imported",
        f"{tmp_path.name}: refused — the file is a folder, not a file",
    ]
    assert run.returncode != 0 and run.stdout == ""


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_by_the_reading_layer_itself(tmp_path: Path, device: str) -> None:
    with pytest.raises(RefusedFile, match=r"is a device, not a file"):
        open_tables(Path(device), tmp_path / "work")
    assert not (tmp_path / "work").exists()


def test_a_fifo_is_refused_by_the_reading_layer_itself(tmp_path: Path) -> None:
    fifo = tmp_path / "orders.csv"
    os.mkfifo(fifo)
    with pytest.raises(RefusedFile, match=r"^the file is a pipe \(FIFO\)"):
        check_input_file(fifo)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


# --- unreadable files ----------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_read_permission_is_refused(shop: Database, tmp_path: Path) -> None:
    path = _products(tmp_path / "products.csv")
    path.chmod(0)
    try:
        [outcome] = run_import(shop, path)
    finally:
        path.chmod(0o600)
    assert outcome.reason == "the file could not be opened: this account is not allowed to read it"
    assert _batches(shop) == 0


def test_permission_denied_at_open_is_a_plain_refusal(shop: Database, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, who may read anything: the OS's answer is simulated where the reading asks for it.
    path = _products(tmp_path / "products.csv")
    real_open = Path.open

    def open_refusing(self: Path, *args: object, **kwargs: object):  # noqa: ANN202
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", open_refusing)
    [outcome] = run_import(shop, path)
    assert outcome.message == ("products.csv: refused — the file could not be opened: this account is not "
                               "allowed to read it")
    assert _batches(shop) == 0


# --- a full disk in the work folder --------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs: the work folder's disk, full after 1 MiB."""
    with mounted_tmpfs(tmp_path / "small-disk", "1m") as mount:
        yield mount


def _leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _big_taobao(path: Path) -> Path:
    header, rows = taobao_orders()
    return write_csv(path, (header, [list(row) for row in rows] * 4_000), encoding="gbk")


def test_disk_full_while_transcoding_gbk_is_refused_and_leaves_nothing(shop: Database, tmp_path: Path,
                                                                        small_disk: Path) -> None:
    path = _big_taobao(tmp_path / "ExportOrderList.csv")
    assert path.stat().st_size > 2 << 20
    work = small_disk / "work"
    [outcome] = import_paths(shop, [path], workdir=work)
    assert outcome.message.startswith("ExportOrderList.csv: refused — the file could not be unpacked: the disk "
                                      f"holding the work folder {work}")
    assert outcome.reason is not None
    assert outcome.reason.endswith(" is full. Nothing was imported from it; free some space and import it again")
    assert _batches(shop) == 0
    assert _leftovers(small_disk) == []


def test_disk_full_while_unpacking_a_zip_is_refused_and_leaves_nothing(shop: Database, tmp_path: Path,
                                                                        small_disk: Path) -> None:
    member = _products(tmp_path / "products.csv", count=30_000)
    assert member.stat().st_size > 1 << 20
    archive = tmp_path / "exports.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(member, "products.csv")
    [outcome] = import_paths(shop, [archive], workdir=small_disk / "work")
    assert outcome.message.startswith("exports.zip: refused — the file could not be unpacked: the disk holding "
                                      f"the work folder {small_disk / 'work'}")
    assert "is full" in outcome.reason and "damaged" not in outcome.reason
    assert _batches(shop) == 0
    assert _leftovers(small_disk) == []


# --- archives: many members, zip bombs ----------------------------------------------------------


def test_an_archive_of_too_many_files_is_refused_at_once_in_one_line(shop: Database, tmp_path: Path) -> None:
    archive = tmp_path / "invoices.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for n in range(containers.MAX_ARCHIVE_MEMBERS + 1):
            zf.writestr(f"inv/{n:05d}.csv", "Handle,Title\n")
    outcomes = run_import(shop, archive)
    assert [o.message for o in outcomes] == [
        f"invoices.zip: refused — the file is an archive with {containers.MAX_ARCHIVE_MEMBERS + 1:,} files, more than "
        f"the {containers.MAX_ARCHIVE_MEMBERS:,} Shopkeeper imports from one archive; unpack it and import the "
        "tables in smaller groups"
    ]
    assert _batches(shop) == 0


def test_the_member_limit_counts_the_files_of_nested_archives_too(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(containers, "MAX_ARCHIVE_MEMBERS", 5)
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w") as zf:
        for n in range(3):
            zf.writestr(f"{n}.csv", "Handle,Title\nmug,Mug\n")
    outer = tmp_path / "outer.zip"
    with zipfile.ZipFile(outer, "w") as zf:
        zf.write(inner, "a.zip")
        zf.write(inner, "b.zip")
    # 2 + 3 + 3 files in all: the second inner archive is too many; the first one's tables stay
    tables = open_tables(outer, tmp_path / "work")
    assert [t.member for t in tables] == ["a.zip › 0.csv", "a.zip › 1.csv", "a.zip › 2.csv"]


def test_a_zip_bomb_is_refused_naming_the_archive_before_unpacking(shop: Database, tmp_path: Path) -> None:
    archive = tmp_path / "orders-2025.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open("orders.csv", "w", force_zip64=True) as member:
            member.write(b"Handle,Title\n")
            block = b"0" * (1 << 20)
            for _ in range(containers.RATIO_CHECKED_FROM_BYTES >> 20):
                member.write(block)
    assert archive.stat().st_size < 1 << 20
    work = tmp_path / "work"
    [outcome] = import_paths(shop, [archive], workdir=work)
    assert outcome.message.startswith("orders-2025.zip: refused — the file is an archive whose 'orders.csv' "
                                      "would unpack from ")
    assert outcome.reason.endswith("to 64 MiB, far more than any export (a zip bomb); it was not opened")
    assert _batches(shop) == 0
    assert _leftovers(work) == []


def test_a_gzip_bomb_is_refused_once_its_ratio_shows(shop: Database, tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "orders.csv.gz"
    with gzip.open(path, "wb", compresslevel=9) as out:
        out.write(b"Handle,Title\n")
        for _ in range((containers.RATIO_CHECKED_FROM_BYTES >> 20) * 2):
            out.write(b"0" * (1 << 20))
    work = tmp_path / "work"
    [outcome] = import_paths(shop, [path], workdir=work)
    assert outcome.message == (
        f"orders.csv.gz: refused — the file is a compressed file that unpacks to more than "
        f"{containers.MAX_COMPRESSION_RATIO} times its size, far more than any export (a zip bomb); it was not opened")
    assert _batches(shop) == 0
    assert _leftovers(work) == []


def test_an_ordinary_compressible_export_is_not_taken_for_a_bomb(tmp_path: Path) -> None:
    member = _products(tmp_path / "products.csv", count=200)
    archive = tmp_path / "exports.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.write(member, "products.csv")
    [table] = open_tables(archive, tmp_path / "work")
    assert table.member == "products.csv"


# --- workbooks whose cells span more than memory ------------------------------------------------


def _xlsx_with_sheet(path: Path, sheet_xml: str) -> Path:
    """A workbook written by `write_xlsx` whose only sheet is `sheet_xml`."""
    plain = write_xlsx(path.with_suffix(".plain.xlsx"), (["Handle", "Title"], [["mug", "Mug"]]))
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = sheet_xml.encode() if info.filename == "xl/worksheets/sheet1.xml" else src.read(info)
            dst.writestr(info.filename, data)
    plain.unlink()
    return path


def _sheet(rows: str, dimension: str = "") -> str:
    return f'<worksheet {_MAIN}>{dimension}<sheetData>{rows}</sheetData></worksheet>'


_HEADER_ROW = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Handle</t></is></c>'
               '<c r="B1" t="inlineStr"><is><t>Title</t></is></c></row>')


@pytest.mark.parametrize("far_cell", [
    '<row r="1048576"><c r="XFD1048576"><v>2</v></c></row>',  # the classic: one cell in the last corner
    '<row r="1048576"><c s="0" r="XFD1048576"><v>2</v></c></row>',  # the reference not first
    '<row spans="1:1" r="300000"><c r="EZ300000"><v>2</v></c></row>',  # 46.8M cells, 1.4 GiB before
])
def test_a_workbook_with_a_cell_far_away_is_refused_before_loading(shop: Database, tmp_path: Path,
                                                                   far_cell: str) -> None:
    book = _xlsx_with_sheet(tmp_path / "orders.xlsx", _sheet(_HEADER_ROW + far_cell))
    assert book.stat().st_size < 4096
    [outcome] = run_import(shop, book)
    assert outcome.reason is not None
    assert outcome.reason.startswith("the file is a workbook that has a sheet spanning ")
    assert outcome.reason.endswith(f"more than Shopkeeper can load (at most {MAX_SHEET_CELLS:,} cells a sheet); "
                                   "save the sheet as CSV and import that")
    assert _batches(shop) == 0


def test_cells_without_references_are_counted_too(tmp_path: Path) -> None:
    # 16,384 unnamed cells in one row, then a million empty rows: the grid is as large as any
    wide = "<row>" + "<c/>" * 16_384 + "</row>"
    book = _xlsx_with_sheet(tmp_path / "wide.xlsx", _sheet(_HEADER_ROW + wide + "<row/>" * 1_100_000))
    with pytest.raises(RefusedFile, match=r"a sheet spanning 1,100,002 rows × 16,384 columns"):
        open_tables(book, tmp_path / "work")


def test_a_declared_dimension_alone_neither_refuses_nor_admits(tmp_path: Path) -> None:
    book = _xlsx_with_sheet(tmp_path / "products.xlsx", _sheet(
        _HEADER_ROW + '<row r="2"><c r="A2" t="inlineStr"><is><t>mug</t></is></c></row>',
        dimension='<dimension ref="A1:XFD1048576"/>'))
    [table] = open_tables(book, tmp_path / "work")
    assert table.headers == ("Handle", "Title")


# --- many small tables: the fixed cost is paid once, and the tables of one format are one batch -----------


def test_an_archive_of_many_small_exports_sets_up_once_and_is_one_batch(
        shop: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from shopkeeper.importers.normalise_sql import macro_sql
    from shopkeeper.services.imports import undo_import

    archive = tmp_path / "products.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for n in range(6):
            rows = [{"Handle": f"mug-{n}", "Title": f"Mug {n}", "Variant SKU": f"M-{n}", "Variant Price": "12.50"}]
            zf.write(write_export(tmp_path / f"p{n}.csv", SHOPIFY_PRODUCTS_2025, rows), f"2025/{n:02d}.csv")
    statements: list[str] = []
    execute = Database.execute

    def recording(self: Database, sql: str, params: object = None):  # noqa: ANN202
        statements.append(sql)
        return execute(self, sql, params)  # type: ignore[arg-type]

    monkeypatch.setattr(Database, "execute", recording)
    outcomes = run_import(shop, archive)
    monkeypatch.undo()

    assert [o.message for o in outcomes] == [
        f"products.zip › 2025/{n:02d}.csv: Shopify products, 1 row read, 1 added, 0 updated, 0 rejected"
        for n in range(6)
    ]
    # the conversion macros are made, and looked for, once per connection, not once per table
    assert sum("TEMP MACRO" in sql for sql in statements) == len(macro_sql())
    assert sum("duckdb_functions()" in sql for sql in statements) == 1
    # the tables are imported together, in one transaction and batch (pipeline.import_together); one more
    # transaction derives the figures for the whole file (services/deferred_recompute.py)
    assert sum(sql.strip() == "COMMIT" for sql in statements) == 1 + 1
    batches = {o.batch_id for o in outcomes}
    assert len(batches) == 1 and None not in batches
    undo_import(shop, batches.pop())  # type: ignore[arg-type]
    assert shop.fetchall("SELECT sku FROM variants") == []


# --- what is read before the import starts is bounded ---------------------------------------------


def test_other_bytes_after_a_utf8_start_and_an_odd_quote_do_not_break_reading(shop: Database, tmp_path: Path) -> None:
    # the first MiB is UTF-8 (so the file is read in place) and a late line has a stray quote
    # and cp1252 bytes: the quote check once died on those bytes with a traceback
    path = tmp_path / "products.csv"
    rows = "".join(f"mug-{n},Mug {n} – café,M-{n},12.50\n" for n in range(40_000))
    path.write_bytes(("Handle,Title,Variant SKU,Variant Price\n" + rows).encode()
                     + b'tv,5" screen caf\xe9,TV-1,99.00\n')
    assert path.stat().st_size > 1 << 20
    [outcome] = run_import(shop, path)
    assert outcome.ok, outcome.message
    assert outcome.rows_read == 40_001
    assert shop.fetchone("SELECT title FROM products WHERE product_id LIKE '%tv'") == ('5" screen café',)
    # the UTF-8 rows before the stray bytes stay as written, not read again as cp1252 (Mug 0 â€“ cafÃ©)
    assert shop.fetchone("SELECT title FROM products WHERE product_id LIKE '%mug-0'") == ("Mug 0 – café",)


def test_a_line_longer_than_any_read_allows_is_not_read_whole_to_check_quotes(tmp_path: Path) -> None:
    import tracemalloc

    from shopkeeper.importers.reading import quoting

    path = tmp_path / "one-line.csv"
    with path.open("wb") as out:
        out.write(b'Handle,Title\nmug,"Moon ')
        for _ in range(48):
            out.write(b"x" * (1 << 20))
    tracemalloc.start()
    try:
        assert quoting.find_unclosed_quote(path, ",") is None  # the read refuses the line itself
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 48 << 20


def _ods(path: Path, rows: str) -> Path:
    namespaces = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    header = ('<table:table-row><table:table-cell office:value-type="string"><text:p>Handle</text:p>'
              '</table:table-cell><table:table-cell office:value-type="string"><text:p>Title</text:p>'
              '</table:table-cell></table:table-row>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {namespaces} office:version="1.2">'
               '<office:body><office:spreadsheet><table:table table:name="Sheet1"><table:table-column/>'
               f'{header}{rows}</table:table></office:spreadsheet></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
        zf.writestr("META-INF/manifest.xml",
                    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                    '<manifest:file-entry manifest:full-path="/" '
                    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                    '</manifest:manifest>')
    return path


def test_an_opendocument_cell_repeated_into_millions_is_refused(tmp_path: Path) -> None:
    # 1.5 KB that calamine expands into 30 million cells (1.9 GB and rising before)
    book = _ods(tmp_path / "orders.ods", '<table:table-row table:number-rows-repeated="30000">'
                                         '<table:table-cell table:number-columns-repeated="1000" '
                                         'office:value-type="float" office:value="1"><text:p>1</text:p>'
                                         '</table:table-cell></table:table-row>')
    with pytest.raises(RefusedFile, match=r"a sheet spanning 30,001 rows × 1,000 columns"):
        open_tables(book, tmp_path / "work")


def test_libreoffice_empty_rows_to_the_sheets_end_are_not_counted(tmp_path: Path) -> None:
    book = _ods(tmp_path / "products.ods",
                '<table:table-row><table:table-cell office:value-type="string"><text:p>mug</text:p>'
                '</table:table-cell><table:table-cell office:value-type="string"><text:p>Mug</text:p>'
                '</table:table-cell><table:table-cell table:number-columns-repeated="1022"/></table:table-row>'
                '<table:table-row table:number-rows-repeated="1048573">'
                '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
    [table] = open_tables(book, tmp_path / "work")
    assert table.headers == ("Handle", "Title")
