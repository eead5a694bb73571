"""Header row, delimiter and quoting detection; header normalisation; footers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shopkeeper.importers.reading import normalise_header
from shopkeeper.importers.reading.dialect import NoHeaderRow, find_footer, sniff_dialect

TAOBAO_ASSISTANT = (
    "version 1.00\n"
    "title\tcid\tprice\tnum\tdescription\touter_id\n"
    "宝贝名称\t宝贝类目\t宝贝价格\t宝贝数量\t宝贝描述\t商家编码\n"
    '"羽绒服 白色"\t50019272\t199.00\t10\t"<p>保暖</p>"\t"A-001"\n'
    '"羽绒服 黑色"\t50019272\t209.00\t3\t"<p>保暖</p>"\t"A-002"\n'
)

EBAY = (
    "\n"
    ",,,,\n"
    '"Sales Record Number","Order Number","Buyer Username","Item Title","Sold For"\n'
    '"","","","",""\n'
    '"1001","16-14679-61003","buyer_one","Blue mug","$43.00"\n'
    '"1002","16-14679-61004","buyer_two","Red mug","AU $3,000.00"\n'
    "\n"
    "2,record(s) downloaded,\n"
    "Seller ID : my_shop\n"
)


class TestNormaliseHeader:
    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("\ufeffName", "name"),
            ("'Customer ID", "customer id"),
            ("收货地址 ", "收货地址"),
            ("订单付款时间\u3000", "订单付款时间"),
            ("Sessions – Total", "sessions - total"),
            ("Sessions — Total", "sessions - total"),
            ("  Order \t  ID ", "order id"),
            ("ＳＫＵ", "sku"),
            ("商家备注等级（等级1-5为由高到低）", "商家备注等级(等级1-5为由高到低)"),
            ("7 Day Total Sales ", "7 day total sales"),
            ("Straße", "strasse"),
        ],
    )
    def test_examples(self, raw: str, expected: str) -> None:
        assert normalise_header(raw) == expected

    @given(st.text(max_size=40))
    def test_idempotent(self, raw: str) -> None:
        once = normalise_header(raw)
        assert normalise_header(once) == once


class TestSniff:
    def test_plain_comma_header_on_line_one(self) -> None:
        found = sniff_dialect("Name,Email,Total\n#1001,a@example.com,12.50\n#1002,,3\n", complete=True)
        assert (found.delimiter, found.quote, found.skip_lines, found.header_lines) == (",", '"', 0, 1)
        assert found.headers == ("Name", "Email", "Total")
        assert found.subheaders == ()

    def test_semicolon_with_decimal_commas(self) -> None:
        found = sniff_dialect("Name;Price;SKU\nWidget;12,50;A-1\nGadget;3,99;B-2\n", complete=True)
        assert found.delimiter == ";"
        assert found.headers == ("Name", "Price", "SKU")

    def test_tab_with_commas_inside_cells(self) -> None:
        text = "Sale Date\tFull Name\tOrder Value\n12/31/2023\tDoe, Jane\t17\n1/4/2024\tRoe, Rick, Jr\t8.5\n"
        found = sniff_dialect(text, complete=True)
        assert (found.delimiter, found.headers) == ("\t", ("Sale Date", "Full Name", "Order Value"))

    def test_taobao_assistant_version_line_and_two_header_rows(self) -> None:
        found = sniff_dialect(TAOBAO_ASSISTANT, complete=True)
        assert (found.delimiter, found.quote, found.skip_lines, found.header_lines) == ("\t", '"', 1, 2)
        assert found.headers[:2] == ("title", "cid")
        assert found.subheaders[0] == "宝贝名称"
        assert found.records_seen == 2

    def test_ebay_padding_lines_before_the_header(self) -> None:
        found = sniff_dialect(EBAY, complete=True)
        assert (found.delimiter, found.skip_lines) == (",", 2)
        assert found.headers[0] == "Sales Record Number"
        assert found.subheaders == ()

    def test_header_only(self) -> None:
        found = sniff_dialect("a,b,c\n", complete=True)
        assert (found.headers, found.records_seen) == (("a", "b", "c"), 0)

    def test_single_column(self) -> None:
        assert sniff_dialect("sku\nA-1\nB-2\n", complete=True).headers == ("sku",)

    def test_ragged_short_rows_still_fit_a_wider_header(self) -> None:
        text = "ID,Name,Stock,Meta: a,Meta: b\n1,x,5\n2,y,6,7\n3,z,1,2,3\n"
        assert sniff_dialect(text, complete=True).headers[-1] == "Meta: b"

    def test_multiline_cells_count_as_physical_lines(self) -> None:
        text = 'Report for shop\nTitle,Description,Price\n"Mug","line one\nline two",9\n"Cup","x",3\n'
        found = sniff_dialect(text, complete=True)
        assert (found.skip_lines, found.records_seen) == (1, 2)

    def test_all_numbers_has_no_header(self) -> None:
        with pytest.raises(NoHeaderRow):
            sniff_dialect("1,2,3\n4,5,6\n7,8,9\n", complete=True)

    def test_tab_file_with_unbalanced_quotes_reads_better_without_quoting(self) -> None:
        names = {2: '"Deluxe mug 12oz'}
        rows = "".join(f"{i}\tsku-{i}\t{names.get(i, 'Plain mug')}\t9.99\n" for i in range(1, 8))
        found = sniff_dialect("order-id\tsku\tproduct-name\titem-price\n" + rows, complete=True)
        assert (found.delimiter, found.quote) == ("\t", None)

    def test_tab_file_with_proper_quotes_keeps_quoting(self) -> None:
        assert sniff_dialect(TAOBAO_ASSISTANT, complete=True).quote == '"'

    def test_tab_file_with_a_quoted_line_break_keeps_quoting(self) -> None:
        # An Etsy listings file saved with tabs: a description broken over two lines. Read quote-blind it made
        # three listings of two, one called `• 50% cotton"`.
        text = ('TITLE\tPRICE\tDESCRIPTION\tSKU\n'
                'Cat sweatshirt\t39.99\t"Warm.\r\n• 50% cotton"\tCS-1\n'
                'Sticker sheet\t26.5\t\tSTK-1\n')
        found = sniff_dialect(text, complete=True)
        assert (found.delimiter, found.quote, found.records_seen) == ("\t", '"', 2)

    def test_incomplete_sample_drops_its_cut_last_record(self) -> None:
        found = sniff_dialect('a,b\n1,2\n3,"cut in the mid', complete=False)
        assert found.records_seen == 1


class TestFooter:
    def test_ebay_footer_is_found(self, tmp_path: Path) -> None:
        path = tmp_path / "ebay.csv"
        path.write_text(EBAY, encoding="utf-8", newline="")
        keep, lines = find_footer(path, ",") or (0, ())
        assert lines == ("2,record(s) downloaded,", "Seller ID : my_shop")
        assert path.read_bytes()[:keep].endswith(b'"AU $3,000.00"\n')

    def test_trailing_commas_only_lines_are_cut(self, tmp_path: Path) -> None:
        path = tmp_path / "f.csv"
        path.write_bytes(b"a,b\n1,2\n,,\n,\n")
        assert find_footer(path, ",") == (8, (",,", ","))

    def test_blank_lines_alone_are_left_alone(self, tmp_path: Path) -> None:
        path = tmp_path / "f.csv"
        path.write_bytes(b"a,b\n1,2\n\n\n")
        assert find_footer(path, ",") is None

    def test_the_closing_line_of_a_multi_line_cell_is_not_a_footer(self, tmp_path: Path) -> None:
        # The last row's quoted cell ends in a line break: `",,` closes that cell, it is not padding.
        path = tmp_path / "f.csv"
        path.write_bytes(b'id,items,a,b\n1,"x:1\ny:2\n",,\n')
        assert find_footer(path, ",") is None

    def test_data_ending_in_a_number_is_not_a_footer(self, tmp_path: Path) -> None:
        path = tmp_path / "f.csv"
        path.write_bytes(b"id,count\n1,2\n2,3\n")
        assert find_footer(path, ",") is None


def test_title_line_above_a_header_only_file_is_skipped() -> None:
    found = sniff_dialect("Orders report\nName,Email,Total\n", complete=True)
    assert (found.skip_lines, found.headers) == (1, ("Name", "Email", "Total"))
