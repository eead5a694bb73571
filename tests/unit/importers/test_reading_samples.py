"""Every real export under ../shared/samples opens with the right header row and delimiter."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from shopkeeper.importers.reading import open_tables, probe_rows, read_csv_call, reading_connection

SAMPLES = Path(__file__).resolve().parents[4] / "shared" / "samples"

# relative path: (encoding, delimiter, skip_lines, first header, data rows)
EXPECTED: dict[str, tuple[str, str, int, str, int]] = {
    "shopify/luistatera__forezia-mock-data/orders_export.csv": ("utf-8", ",", 0, "Name", 40),
    "shopify/FelixTellmann__kidsliving-api/orders_export.REDACTED-EXCERPT.csv": ("utf-8", ",", 0, "Name", 25),
    "shopify/looker101__scaricaArticoli/orders_export.REDACTED-EXCERPT.csv": ("utf-8", ",", 0, "Name", 25),
    "shopify/PacktPublishing__Shopify-Theme-Customization-with-Liquid/products_export_1.csv": ("utf-8", ",", 0, "Handle", 21),
    "shopify/commerceworm__headless-shopify/products_export.csv": ("utf-8", ",", 0, "Handle", 21),
    "shopify/Kbataille06__fragry-theme/products_export.csv": ("utf-8", ",", 0, "Handle", 5),
    "shopify/juliettegramatges__Las-Lira/customers_export.REDACTED-EXCERPT.csv": ("utf-8", ",", 0, "Customer ID", 20),
    "shopify/LiquidIQ__imagezoo-scripts/customers_export.REDACTED-EXCERPT.csv": ("utf-8", ",", 0, "First Name", 10),
    "etsy/Marvilusart__Etsy-listing/EtsyListingsDownload.csv": ("utf-8", ",", 0, "TITLE", 92),
    "etsy/sarahhe05__Starry-Sticker-Shop-Analysis/EtsySoldOrderItems2021.REDACTED-EXCERPT.csv": ("utf-8", ",", 0, "Sale Date", 20),
    "etsy/Epicrae__EtsyCompanion/EtsySoldOrders2023.REDACTED-EXCERPT.csv": ("utf-8", "\t", 0, "Sale Date", 20),
    "woocommerce/ClassicPress__classic-commerce/sample_products.csv": ("utf-8", ",", 0, "ID", 24),
    "woocommerce/marroxo__Website/wc-product-export.csv": ("utf-8-sig", ",", 0, "ID", 243),
    "woocommerce/artur8800__shop/wc-product-export.csv": ("utf-8-sig", ",", 0, "ID", 9),
    "taobao/c2003070110__TBTool/montBell_baobeiTemplate.csv": ("utf-16", "\t", 1, "title", 1),
    "tmall/makisekurisuDDL__Data_analysis/tmall_order_report.csv": ("utf-8", ",", 0, "订单编号", 28010),
}

pytestmark = pytest.mark.samples


def _sample_files() -> list[str]:
    if not SAMPLES.is_dir():
        return []
    return sorted(str(path.relative_to(SAMPLES)) for path in SAMPLES.rglob("*.csv"))


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = reading_connection()
    yield connection
    connection.close()


@pytest.fixture(autouse=True)
def _need_samples() -> None:
    if not SAMPLES.is_dir():
        pytest.skip(f"sample exports not found at {SAMPLES}")


@pytest.mark.parametrize("relative", _sample_files() or ["(no samples)"])
def test_every_sample_opens(relative: str, tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    path = SAMPLES / relative
    (table,) = open_tables(path, tmp_path)
    assert table.headers and all(isinstance(h, str) for h in table.headers)
    assert table.delimiter in (",", "\t", ";")
    assert not table.headers[0].startswith("\ufeff")
    call, params = read_csv_call(table)
    (count,) = con.execute(f"SELECT count(*) FROM {call}", params).fetchall()[0]
    assert count >= 1
    if relative in EXPECTED:
        encoding, delimiter, skip, first, rows = EXPECTED[relative]
        assert (table.encoding, table.delimiter, table.skip_lines, table.headers[0], count) == (
            encoding,
            delimiter,
            skip,
            first,
            rows,
        )
    if table.encoding == "utf-8":
        assert table.csv_path == path  # used in place, never copied


def test_the_expectations_cover_every_sample() -> None:
    assert set(_sample_files()) == set(EXPECTED)


def test_taobao_assistant_sample(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    (table,) = open_tables(SAMPLES / "taobao/c2003070110__TBTool/montBell_baobeiTemplate.csv", tmp_path)
    assert (table.encoding, table.delimiter, table.header_lines, len(table.headers)) == ("utf-16", "\t", 2, 63)
    assert table.headers[-1] == "o2o_bind_service"
    assert len(table.subheaders) == 63  # the Chinese names, mojibake in this copy
    (row,) = probe_rows(table, con)
    assert row[:3] == ("日本代购", "50019272", "1184361989,")
    assert row[table.headers.index("modified")] == "2016-02-06 21:30:45 "


def test_tmall_headers_keep_their_trailing_spaces(tmp_path: Path) -> None:
    (table,) = open_tables(SAMPLES / "tmall/makisekurisuDDL__Data_analysis/tmall_order_report.csv", tmp_path)
    assert "收货地址 " in table.headers and "订单付款时间 " in table.headers


def test_woocommerce_ragged_rows_and_mixed_line_breaks(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    path = SAMPLES / "woocommerce/marroxo__Website/wc-product-export.csv"
    (table,) = open_tables(path, tmp_path)
    assert len(table.headers) == 152
    text = path.read_bytes().decode("utf-8-sig")
    expected = [row for row in csv.reader(io.StringIO(text, newline="")) if row][1:]
    call, params = read_csv_call(table)
    got = con.execute(f"SELECT * FROM {call}", params).fetchall()
    assert [row[0] for row in got] == [row[0] for row in expected]
    assert [row[4] for row in got] == [row[4] or None for row in expected]


def test_shopify_apostrophe_ids_are_kept_as_written(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    path = SAMPLES / "shopify/juliettegramatges__Las-Lira/customers_export.REDACTED-EXCERPT.csv"
    (table,) = open_tables(path, tmp_path)
    assert probe_rows(table, con, limit=1)[0][0].startswith("'")
