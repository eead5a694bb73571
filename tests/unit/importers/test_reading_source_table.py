"""open_tables end to end: every quirk generated in tmp_path, then read back through DuckDB."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from shopkeeper.importers import reading
from shopkeeper.importers.reading import (
    ImportCancelled,
    RefusedFile,
    SourceTable,
    column_names,
    explain_read_error,
    open_tables,
    probe_rows,
    read_csv_call,
    read_csv_sql_options,
    reading_connection,
    recover_from_invalid_utf8,
    redetect_quoting,
    transcode,
)

PACKAGE = Path(reading.__file__).parent


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = reading_connection()
    yield connection
    connection.close()


def _open_one(tmp_path: Path, name: str, raw: bytes) -> SourceTable:
    path = tmp_path / name
    path.write_bytes(raw)
    tables = open_tables(path, tmp_path / "work")
    assert len(tables) == 1
    return tables[0]


def _all_rows(table: SourceTable, con: duckdb.DuckDBPyConnection) -> list[tuple[str | None, ...]]:
    call, params = read_csv_call(table)
    return con.execute(f"SELECT * FROM {call}", params).fetchall()


class TestEncodings:
    def test_plain_utf8_is_used_in_place(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        table = _open_one(tmp_path, "orders_export.csv", b"Name,Email\n#1001,a@example.com\n")
        assert table.csv_path == tmp_path / "orders_export.csv"
        assert (table.encoding, table.headers, table.parallel_safe) == ("utf-8", ("Name", "Email"), True)
        assert not any((tmp_path / "work").iterdir())
        assert probe_rows(table, con) == [("#1001", "a@example.com")]

    def test_utf8_bom(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        table = _open_one(tmp_path, "wc.csv", b'\xef\xbb\xbfID,"Is featured?"\n20,1\n')
        assert (table.encoding, table.headers) == ("utf-8-sig", ("ID", "Is featured?"))
        assert table.csv_path.read_bytes().startswith(b"ID,")
        assert probe_rows(table, con) == [("20", "1")]

    def test_bom_after_whitespace(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        table = _open_one(tmp_path, "wc.csv", "\n\t\ufeffID,Тип\n40,simple\n".encode("utf-8"))
        assert (table.encoding, table.skip_lines, table.headers) == ("utf-8-sig", 0, ("ID", "Тип"))
        assert probe_rows(table, con) == [("40", "simple")]

    def test_taobao_assistant_utf16_tab_version_line_two_headers(
        self, tmp_path: Path, con: duckdb.DuckDBPyConnection
    ) -> None:
        text = (
            "version 1.00\n"
            "title\tcid\tprice\tnum\touter_id\tnum_id\n"
            "宝贝名称\t宝贝类目\t宝贝价格\t宝贝数量\t商家编码\t宝贝ID\n"
            '"羽绒服 白色"\t50019272\t199.00\t10\t"A-001"\t0\n'
            '"羽绒服 黑色"\t50019272\t209.00\t3\t"A-002"\t5327378310\n'
        )
        table = _open_one(tmp_path, "baobei.csv", b"\xff\xfe" + text.encode("utf-16-le"))
        assert (table.encoding, table.delimiter, table.skip_lines, table.header_lines) == ("utf-16", "\t", 1, 2)
        assert table.headers == ("title", "cid", "price", "num", "outer_id", "num_id")
        assert table.subheaders[0] == "宝贝名称"
        assert read_csv_sql_options(table)["header"] is False
        assert _all_rows(table, con) == [
            ("羽绒服 白色", "50019272", "199.00", "10", "A-001", "0"),
            ("羽绒服 黑色", "50019272", "209.00", "3", "A-002", "5327378310"),
        ]

    def test_gbk_with_chinese_and_excel_text_id(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        text = (
            "订单编号,买家会员名,收货地址 ,订单状态\n"
            '="1930679858170647",张三,北京市 朝阳区,"买家已付款，等待卖家发货"\n'
        )
        table = _open_one(tmp_path, "ExportOrderList201903121048.csv", text.encode("gbk"))
        assert table.encoding == "gb18030"
        assert table.csv_path.read_bytes().decode("utf-8") == text
        assert table.headers == ("订单编号", "买家会员名", "收货地址 ", "订单状态")
        row = ('="1930679858170647"', "张三", "北京市 朝阳区", "买家已付款，等待卖家发货")
        assert probe_rows(table, con) == [row]

    def test_cp1252(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        text = "item-name\tprice\nCafé crème\t5 €\nTête-à-tête\t12\n"
        table = _open_one(tmp_path, "listings.txt", text.encode("cp1252"))
        assert (table.encoding, table.delimiter) == ("cp1252", "\t")
        assert _all_rows(table, con) == [("Café crème", "5 €"), ("Tête-à-tête", "12")]

    def test_gb18030_whose_first_mib_is_ascii(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        ascii_rows = "".join(f"{i:07d},plain-ascii-buyer-name,12.50\n" for i in range(50_000))
        late_rows = "9999998,张伟,1.00\n9999999,王芳,2.00\n"
        raw = ("order,buyer,total\n" + ascii_rows + late_rows).encode("gb18030")
        assert raw[: 1 << 20].isascii() and len(raw) > 1 << 20
        table = _open_one(tmp_path, "late.csv", raw)
        assert table.encoding == "gb18030"
        tail = con.execute(
            f"SELECT buyer FROM {read_csv_call(table)[0]} WHERE \"order\" >= '9999998'", read_csv_call(table)[1]
        ).fetchall()
        assert tail == [("张伟",), ("王芳",)]

    def test_valid_utf8_sample_then_gbk_is_recovered_after_duckdb_complains(
        self, tmp_path: Path, con: duckdb.DuckDBPyConnection
    ) -> None:
        head = "id,name\n" + "".join(f"{i},名字\n" for i in range(120_000))
        raw = head.encode("utf-8") + "120000,张伟\n".encode("gbk")
        table = _open_one(tmp_path, "mixed.csv", raw)
        assert table.encoding == "utf-8"  # decided from the first MiB, kept in place
        with pytest.raises(duckdb.Error) as error:
            _all_rows(table, con)
        assert "not valid UTF-8" in str(explain_read_error(error.value, table))
        again = recover_from_invalid_utf8(table, tmp_path / "work")
        # the UTF-8 lines stay UTF-8 (read as GB18030 they became 鍚嶅瓧) and the GBK line is GBK
        assert again.encoding == "utf-8+gb18030"
        rows = _all_rows(again, con)
        assert len(rows) == 120_001
        assert rows[0] == ("0", "名字") and rows[-1] == ("120000", "张伟")


class TestShapes:
    def test_semicolon(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        table = _open_one(tmp_path, "de.csv", b"Name;Preis;SKU\nTasse;12,50;A-1\n")
        assert table.delimiter == ";"
        assert probe_rows(table, con) == [("Tasse", "12,50", "A-1")]

    def test_tab(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        table = _open_one(tmp_path, "etsy.csv", b"Sale Date\tFull Name\n12/31/2023\tDoe, Jane\n")
        assert table.delimiter == "\t"
        assert probe_rows(table, con) == [("12/31/2023", "Doe, Jane")]

    def test_ebay_padding_and_footer(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        raw = (
            b'\n,,,,\n"Sales Record Number","Order Number","Item Title"\n"","",""\n'
            b'"1001","16-14679-61003","Blue mug"\n"1002","16-14679-61004","Red, mug"\n'
            b"\n2,record(s) downloaded,\nSeller ID : my_shop\n"
        )
        table = _open_one(tmp_path, "ebay.csv", raw)
        assert (table.skip_lines, table.headers[0]) == (2, "Sales Record Number")
        assert table.footer_lines == ("2,record(s) downloaded,", "Seller ID : my_shop")
        assert table.csv_path != tmp_path / "ebay.csv"
        assert (tmp_path / "ebay.csv").read_bytes() == raw  # the user's file is never changed
        rows = _all_rows(table, con)
        assert rows == [(None, None, None), ("1001", "16-14679-61003", "Blue mug"), ("1002", "16-14679-61004", "Red, mug")]

    def test_header_only(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        table = _open_one(tmp_path, "empty_export.csv", b"Handle,Title,Variant SKU\n")
        assert table.headers == ("Handle", "Title", "Variant SKU")
        assert probe_rows(table, con) == []

    def test_lone_cr_file(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        table = _open_one(tmp_path, "mac.csv", b'sku,note\rA,"one\rtwo"\rB,plain\r')
        assert _all_rows(table, con) == [("A", "one\rtwo"), ("B", "plain")]

    def test_mixed_lf_and_lone_cr_loses_no_values(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        table = _open_one(tmp_path, "mixed.csv", b'a,b\r\n1,"x\ry"\n2,3\r4,5\n')
        assert table.csv_path != tmp_path / "mixed.csv"
        assert _all_rows(table, con) == [("1", "x\ry"), ("2", "3"), ("4", "5")]

    def test_lone_cr_only_inside_quotes_keeps_the_file_in_place(self, tmp_path: Path) -> None:
        table = _open_one(tmp_path, "etsy.csv", b'TITLE,DESCRIPTION\nMug,"a\rb"\n')
        assert table.csv_path == tmp_path / "etsy.csv"

    def test_hash_values_are_not_comments(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        raw = b"Name\n" + b"".join(b"#%d\n" % n for n in range(1001, 1030))
        assert len(_all_rows(_open_one(tmp_path, "orders.csv", raw), con)) == 29


class TestQuotes:
    def test_unterminated_quote_is_refused(self, tmp_path: Path) -> None:
        raw = b"Name,Note,Total\n#1001,fine,1\n#1002,\"never closed,2\n" + b"#1003,x,3\n" * 100
        with pytest.raises(RefusedFile, match=r"never closes: the quote on line 3") as refused:
            _open_one(tmp_path, "broken.csv", raw)
        assert str(refused.value).startswith("the file has a quoted value")  # the outcome line names the file

    def test_stray_quote_in_unquoted_value_is_fine(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        table = _open_one(tmp_path, "tv.csv", b'name,size\nTV 5" screen,5\nRadio,1\n')
        assert _all_rows(table, con) == [('TV 5" screen', "5"), ("Radio", "1")]

    def test_tab_file_with_unescaped_quote_switches_quoting_off(
        self, tmp_path: Path, con: duckdb.DuckDBPyConnection
    ) -> None:
        rows = "".join(f"111-{n}\tsku-{n}\tPlain mug\t9.99\n" for n in range(40))
        raw = ("amazon-order-id\tsku\tproduct-name\titem-price\n" + rows + '111-x\tsku-x\t"Deluxe mug\t5.00\n').encode()
        table = _open_one(tmp_path, "All Orders.txt", raw)
        assert table.quote is None
        assert _all_rows(table, con)[-1] == ("111-x", "sku-x", '"Deluxe mug', "5.00")

    def test_redetect_quoting_off_and_on(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        table = _open_one(tmp_path, "flat.txt", b'sku\tname\nA\t"Quoted" name\n')
        off = redetect_quoting(table, None)
        assert (off.quote, off.parallel_safe, off.headers) == (None, True, ("sku", "name"))
        assert probe_rows(off, con) == [("A", '"Quoted" name')]
        assert redetect_quoting(off, '"').quote == '"'


class TestRefusals:
    @pytest.mark.parametrize(
        ("raw", "reason"),
        [
            (b"", "empty (0 bytes)"),
            (b"  \r\n\t\n ", "empty (it holds only blank space)"),
            (b"\xef\xbb\xbf", "empty (it holds only blank space)"),
            (b"\xff\xfe", "empty (it holds only blank space)"),
            (bytes(range(256)) * 8, "binary data"),
            (b"1,2,3\n4,5,6\n", "no header row"),
        ],
    )
    def test_plain_reason(self, tmp_path: Path, raw: bytes, reason: str) -> None:
        with pytest.raises(RefusedFile, match=reason.replace("(", r"\(").replace(")", r"\)")) as refused:
            _open_one(tmp_path, "x.csv", raw)
        assert refused.value.reason.code.startswith("import.refused.")

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(RefusedFile, match="could not be opened"):
            open_tables(tmp_path / "gone.csv", tmp_path / "work")

    def test_folder(self, tmp_path: Path) -> None:
        with pytest.raises(RefusedFile, match="is a folder"):
            open_tables(tmp_path, tmp_path / "work")


def test_cancel_between_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transcode, "CHUNK_BYTES", 1024)
    path = tmp_path / "big.csv"
    path.write_bytes(("订单编号,金额\n" + "1,2\n" * 10_000).encode("gb18030"))
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    with pytest.raises(ImportCancelled):
        open_tables(path, tmp_path / "work", cancel=cancel)
    assert calls == 4
    assert not list((tmp_path / "work").glob("*.csv"))


class TestDuckDBOptions:
    def test_options_are_complete_and_typed(self, tmp_path: Path) -> None:
        table = _open_one(tmp_path, "a.csv", b'a,b\n1,"x"\n')
        options = read_csv_sql_options(table)
        assert options == {
            "delim": ",",
            "quote": '"',
            "escape": '"',
            "comment": "",
            "encoding": "utf-8",
            "header": True,
            "skip": 0,
            "all_varchar": True,
            "strict_mode": False,
            "null_padding": True,
            "parallel": False,
            "max_line_size": 16 << 20,
        }

    def test_path_and_headers_never_reach_the_sql_text(self, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
        folder = tmp_path / "it's; DROP TABLE x; --"
        folder.mkdir()
        table = _open_one(folder, 'o"rders.csv', b"a'b,\"c\"\"d\"\n1,2\n")
        sql, params = read_csv_call(table)
        assert "DROP" not in sql and "a'b" not in sql
        assert params["sk_path"] == str(folder / 'o"rders.csv')
        assert probe_rows(table, con) == [("1", "2")]

    def test_column_names_are_unique_and_non_empty_like_duckdb(self) -> None:
        assert column_names(("Name", "name", "", "Name")) == ("Name", "name_1", "column2", "Name_2")


def test_package_is_qt_free_and_has_no_utils_module() -> None:
    for module in PACKAGE.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        imported = {
            name
            for node in ast.walk(tree)
            for name in (
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
        }
        assert not any(name.split(".")[0] in {"PySide6", "pyqtgraph", "shiboken6"} for name in imported), module
    assert not (PACKAGE / "utils.py").exists()
