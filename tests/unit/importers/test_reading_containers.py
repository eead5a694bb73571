"""Archives, workbooks and not-a-table files, recognised by content and opened through open_tables."""

from __future__ import annotations

import gzip
import math
import re
import zipfile
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from shopkeeper.importers.reading import (
    RefusedFile,
    SourceTable,
    containers,
    format_cell,
    open_tables,
    probe_rows,
    reading_connection,
)

Cell = str | int | float | bool | tuple[str, float] | None

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument"
_HIDDEN = ' state="hidden"'


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(ref: str, value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):  # ("date", serial): a number shown with a date format
        return f'<c r="{ref}" s="1"><v>{value[1]}</v></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def write_xlsx(path: Path, sheets: Sequence[tuple[str, Sequence[Sequence[Cell]], bool]]) -> None:
    """A minimal .xlsx: (name, rows, hidden) per sheet; strings inline, style 1 is a date-time format."""
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    sheet_list = "".join(
        f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"{_HIDDEN if hidden else ""}/>'
        for i, (name, _rows, hidden) in enumerate(sheets, start=1)
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.spreadsheetml.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.spreadsheetml.styles+xml"/>{overrides}</Types>',
        )
        book.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        book.writestr("xl/workbook.xml", f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{sheet_list}</sheets></workbook>')
        styles_rel = f'<Relationship Id="rId{len(sheets) + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
        book.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{_PKG}">{rels}{styles_rel}</Relationships>')
        book.writestr(
            "xl/styles.xml",
            f'<styleSheet xmlns="{_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/>'
            '</numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/>'
            '</borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/>'
            '<xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
        )
        for i, (_name, rows, _hidden) in enumerate(sheets, start=1):
            body = "".join(
                f'<row r="{r}">' + "".join(_cell(f"{_column(c)}{r}", v) for c, v in enumerate(row)) + "</row>"
                for r, row in enumerate(rows, start=1)
            )
            book.writestr(f"xl/worksheets/sheet{i}.xml", f'<worksheet xmlns="{_MAIN}"><sheetData>{body}</sheetData></worksheet>')


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = reading_connection()
    yield connection
    connection.close()


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


ORDERS = b"Name,Total\n#1001,12.50\n#1002,3\n"


class TestNotATable:
    @pytest.mark.parametrize(
        ("head", "what"),
        [
            (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
            (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
            (b"<!DOCTYPE html><html><body>", "web page"),
        ],
    )
    def test_refused_by_magic_whatever_the_extension(self, tmp_path: Path, head: bytes, what: str) -> None:
        path = tmp_path / "orders.csv"
        path.write_bytes(head + b"x" * 100)
        with pytest.raises(RefusedFile, match=what) as refused:
            open_tables(path, tmp_path / "work")
        assert refused.value.path == path
        assert str(refused.value).startswith("the file is ")

    def test_ole2_that_is_not_a_workbook(self, tmp_path: Path) -> None:
        path = tmp_path / "report.xls"
        path.write_bytes(containers.OLE2_MAGIC + b"\x00" * 1024)
        with pytest.raises(RefusedFile, match="could not be read as a spreadsheet"):
            open_tables(path, tmp_path / "work")

    def test_word_document(self, tmp_path: Path) -> None:
        path = _zip(tmp_path / "notes.docx", {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
        with pytest.raises(RefusedFile, match="not a spreadsheet"):
            open_tables(path, tmp_path / "work")


class TestZip:
    def test_csv_inside_a_folder_and_junk_beside_it(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        path = _zip(
            tmp_path / "export.zip",
            {
                "reports/orders.csv": ORDERS,
                "__MACOSX/reports/._orders.csv": b"\x00\x05\x16\x07junk",
                "reports/logo.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
            },
        )
        (table,) = open_tables(path, tmp_path / "work")
        assert (table.origin, table.member, table.display_name) == (path, "reports/orders.csv", "export.zip › reports/orders.csv")
        assert table.csv_path.is_relative_to(tmp_path / "work")
        assert probe_rows(table, con) == [("#1001", "12.50"), ("#1002", "3")]

    def test_member_is_read_by_content_not_by_name(self, tmp_path: Path) -> None:
        path = _zip(tmp_path / "export.zip", {"orders.dat": "订单编号,总金额\n1,2\n".encode("gbk")})
        (table,) = open_tables(path, tmp_path / "work")
        assert (table.encoding, table.headers) == ("gb18030", ("订单编号", "总金额"))

    def test_path_traversal_member_refuses_the_archive(self, tmp_path: Path) -> None:
        path = _zip(tmp_path / "evil.zip", {"orders.csv": ORDERS, "../../escaped.csv": ORDERS})
        work = tmp_path / "deep" / "work"
        with pytest.raises(RefusedFile, match="outside the archive"):
            open_tables(path, work)
        assert not (tmp_path / "escaped.csv").exists()
        assert not list(tmp_path.rglob("escaped.csv"))

    def test_absolute_member_refuses_the_archive(self, tmp_path: Path) -> None:
        path = _zip(tmp_path / "evil.zip", {"/etc/orders.csv": ORDERS})
        with pytest.raises(RefusedFile, match="outside the archive"):
            open_tables(path, tmp_path / "work")

    def test_archive_with_no_tables(self, tmp_path: Path) -> None:
        path = _zip(tmp_path / "photos.zip", {"a.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "b.pdf": b"%PDF-1.4"})
        with pytest.raises(RefusedFile, match="no tables inside"):
            open_tables(path, tmp_path / "work")

    def test_empty_archive(self, tmp_path: Path) -> None:
        path = _zip(tmp_path / "empty.zip", {})
        with pytest.raises(RefusedFile, match="no tables inside"):
            open_tables(path, tmp_path / "work")

    def test_unpacked_size_is_capped(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(containers, "MAX_UNPACKED_BYTES", 1 << 20)
        path = _zip(tmp_path / "bomb.zip", {"big.csv": b"a,b\n" + b"1,2\n" * (1 << 19)})
        assert path.stat().st_size < 64 << 10
        with pytest.raises(RefusedFile, match="more than 1 MiB"):
            open_tables(path, tmp_path / "work")

    def test_every_table_member_is_returned(self, tmp_path: Path) -> None:
        path = _zip(tmp_path / "two.zip", {"a.csv": ORDERS, "b.tsv": b"sku\tqty\nA\t1\n", "readme.txt": b"1\n2\n"})
        tables = open_tables(path, tmp_path / "work")
        assert [(t.member, t.delimiter) for t in tables] == [("a.csv", ","), ("b.tsv", "\t")]

    def test_gzip(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        path = tmp_path / "orders.csv.gz"
        path.write_bytes(gzip.compress(ORDERS))
        (table,) = open_tables(path, tmp_path / "work")
        assert probe_rows(table, con)[0] == ("#1001", "12.50")


class TestExcel:
    def _book(self, tmp_path: Path) -> Path:
        path = tmp_path / "订单.bin"  # no extension help on purpose
        write_xlsx(
            path,
            [
                ("Empty", [], False),
                (
                    "订单",
                    [
                        ["Taobao export", None, None, None, None, None],
                        ["订单编号", "数量", "价格", "下单时间", "已付款", "大数"],
                        ["6917926768823643751", 3, 12.5, ("date", 45000.5), True, 1e20],
                        ["1930679858170647", 0.1, 1234567890123.0, ("date", 45000), False, 3.0000000000000004],
                    ],
                    False,
                ),
                ("Hidden", [["a", "b"], ["1", "2"]], True),
                ("Notes", [[1, 2], [3, 4]], False),
            ],
        )
        return path

    def test_sheet_becomes_a_csv_with_exact_ids_and_numbers(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        (table,) = open_tables(self._book(tmp_path), tmp_path / "work")
        assert (table.member, table.encoding, table.delimiter, table.skip_lines) == ("订单", "xlsx", ",", 1)
        assert table.headers == ("订单编号", "数量", "价格", "下单时间", "已付款", "大数")
        assert probe_rows(table, con) == [
            ("6917926768823643751", "3", "12.5", "2023-03-15 12:00:00", "TRUE", "1E+20"),
            # a whole day in a cell formatted to show the time: midnight, as Excel shows it (not a date alone)
            ("1930679858170647", "0.1", "1234567890123", "2023-03-15 00:00:00", "FALSE", "3.0000000000000004"),
        ]

    def test_xlsx_inside_a_zip(self, tmp_path: Path) -> None:
        book = self._book(tmp_path)
        path = _zip(tmp_path / "download.zip", {"ExportOrderList201903121048.xlsx": book.read_bytes()})
        (table,) = open_tables(path, tmp_path / "work")
        assert table.display_name == "download.zip › ExportOrderList201903121048.xlsx › 订单"

    def test_workbook_with_only_empty_sheets(self, tmp_path: Path) -> None:
        path = tmp_path / "blank.xlsx"
        write_xlsx(path, [("Sheet1", [], False), ("Sheet2", [[None, ""]], False)])
        with pytest.raises(RefusedFile, match="sheets are all empty"):
            open_tables(path, tmp_path / "work")


class TestFormatCell:
    @pytest.mark.parametrize(
        ("value", "text"),
        [(3.0, "3"), (-0.0, "0"), (1e-05, "0.00001"), (2.5, "2.5"), (999999999999999.0, "999999999999999"),
         # a 19-digit id Excel stored as a number: its digits are lost, so it must not pass for an id
         (6.917926768823644e18, "6.91792676882364E+18"), (1234567890123456.0, "1.23456789012346E+15")],
    )
    def test_examples(self, value: float, text: str) -> None:
        assert format_cell(value) == text

    @given(st.floats(allow_nan=False, allow_infinity=False).filter(lambda v: abs(v) < 1e15 or not v.is_integer()))
    def test_floats_read_back_exactly_without_exponent(self, value: float) -> None:
        text = format_cell(value)
        assert "e" not in text.lower()
        assert float(text) == value
        if value == math.floor(value):
            assert "." not in text
        assert Decimal(text) == Decimal(repr(value))

    @given(st.floats(min_value=1e15, max_value=1e300))
    def test_integers_beyond_15_digits_come_out_in_scientific_notation(self, value: float) -> None:
        # More digits than a spreadsheet keeps: the form staging refuses as a damaged id.
        if not value.is_integer():
            value = float(math.floor(value))
        text = format_cell(value)
        assert re.fullmatch(r"[0-9](\.[0-9]{1,14})?E\+[0-9]{2,3}", text), text
        assert Decimal(text) == Decimal(f"{value:.15G}")


def test_source_table_is_frozen(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(ORDERS)
    (table,) = open_tables(path, tmp_path / "work")
    assert isinstance(table, SourceTable)
    with pytest.raises(AttributeError):
        table.skip_lines = 3  # type: ignore[misc]
