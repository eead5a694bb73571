"""An order whose export gives only the day it was placed says so (orders.ordered_date_only), decided by the cell.

Etsy's `Sale Date` (12/26/21) and eBay's (Sep-04-26) are days without a time; Shopify's `Created at` has one. A
mapped table's order time column is read cell by cell: a cell that writes a time, even 00:00, has one. A
workbook's whole-day cell has a time when its column is formatted to show one. The flag follows the order's
time through merges (a real time from any file beats a date alone, in either import order) and undo.
"""

from __future__ import annotations

import csv
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cn_exports import import_files, pdd_orders, write_csv, write_xlsx
from export_files import (
    EBAY_ORDERS,
    ETSY_ITEMS,
    ETSY_ORDERS,
    SHOPIFY_ORDERS,
    import_ok,
    open_fresh_shop,
    table,
    write_export,
)

from shopkeeper.db.database import Database
from shopkeeper.services import mappings, shop_exports
from shopkeeper.services.imports import undo_import
from shopkeeper.services.mappings import MAPPED_ORDERS

ETSY_ORDER = "2323514365"


def times(shop: Database) -> dict[str, tuple[datetime, str, bool | None]]:
    """order id -> (ordered_at, ordered_tz, ordered_date_only)"""
    return {r[0]: (r[1], r[2], r[3]) for r in shop.fetchall(
        "SELECT order_id, ordered_at, ordered_tz, ordered_date_only FROM orders ORDER BY 1")}


def flags(shop: Database) -> dict[str, bool | None]:
    return {k: v[2] for k, v in times(shop).items()}


def etsy_sold_orders(path: Path, *, shipped: str = "1/2/2022") -> Path:
    return write_export(path, ETSY_ORDERS, [
        {"Sale Date": "12/26/21", "Order ID": ETSY_ORDER, "Buyer User ID": "annb", "Full Name": "Ann Buyer",
         "Number of Items": "1", "Date Shipped": shipped, "Ship City": "Reno", "Ship Country": "United States",
         "Currency": "USD", "Order Value": "3.25", "Shipping": "1", "Sales Tax": "0.25", "Order Total": "4.50",
         "Adjusted Order Total": "0", "Order Type": "online"}])


def test_etsy_sold_orders_give_the_day_only(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, etsy_sold_orders(tmp_path / "EtsySoldOrders2021.csv"))
    assert times(shop) == {ETSY_ORDER: (datetime(2021, 12, 26, tzinfo=UTC), "+00:00", True)}


def test_etsy_sold_order_items_give_the_day_only(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, write_export(tmp_path / "EtsySoldOrderItems2021.csv", ETSY_ITEMS, [
        {"Sale Date": "12/26/21", "Item Name": "sticker flakes", "Buyer": "Ann B (annb)", "Quantity": "1",
         "Price": "3.25", "Item Total": "3.25", "Currency": "USD", "Transaction ID": "2807973906",
         "Listing ID": "839935919", "Order ID": ETSY_ORDER}]))
    assert flags(shop) == {ETSY_ORDER: True}


def test_ebay_sale_date_gives_the_day_only_unless_it_writes_a_time(shop: Database, tmp_path: Path) -> None:
    order = {"Item Title": "Lamp", "Quantity": "1", "Sold For": "$43.00", "Total Price": "$43.00",
             "Paid On Date": "Sep-04-26", "Buyer Username": "jo"}
    rows = [{**order, "Sales Record Number": "1", "Order Number": "03-11111-00001", "Sale Date": "Sep-04-26"},
            {**order, "Sales Record Number": "2", "Order Number": "03-11111-00002", "Sale Date": "Sep-04-26 13:05:00"}]
    path = tmp_path / "ebay_orders.csv"
    path.write_text("\r\n".join(",".join('"' + c + '"' for c in r) for r in [EBAY_ORDERS, *table(EBAY_ORDERS, rows)])
                    + "\r\n", encoding="utf-8")
    import_ok(shop, path)
    assert flags(shop) == {"03-11111-00001": True, "03-11111-00002": False}
    # `export orders` writes the day alone where the export gave no time, never a midnight it did not say
    shop_exports.export_table(shop, "orders", tmp_path / "orders.csv", date(2026, 12, 5))
    with (tmp_path / "orders.csv").open(encoding="utf-8-sig", newline="") as fh:
        written = {r["order_id"]: r["ordered_at"] for r in csv.DictReader(fh)}
    assert written["03-11111-00001"] == "2026-09-04"
    assert written["03-11111-00002"].startswith("2026-09-04 13:05:00")


def test_shopify_created_at_has_a_time(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, write_export(tmp_path / "orders_export.csv", SHOPIFY_ORDERS, [
        {"Name": "#1001", "Email": "b@example.com", "Financial Status": "paid", "Currency": "CAD", "Subtotal": "15.00",
         "Total": "15.00", "Id": "5501200001", "Created at": "2025-01-10 00:00:00 -0500", "Lineitem quantity": "1",
         "Lineitem name": "Mug", "Lineitem price": "15.00", "Lineitem sku": "MUG"}]))
    # even at midnight: the export wrote the time
    assert times(shop) == {"5501200001": (datetime(2025, 1, 10, 5, 0, tzinfo=UTC), "-05:00", False)}


def test_pinduoduo_dated_by_its_order_number_has_the_day_only(shop: Database, tmp_path: Path) -> None:
    import_files(shop, tmp_path / "work", write_csv(tmp_path / "pdd_orders.csv", pdd_orders()))
    # the first order's 订单成交时间 is empty: its number says 2020-02-21, no more
    assert flags(shop) == {"200221-063450781932541": True, "200222-118273645501234": False,
                           "200223-550019283746501": False}


# -- a mapped table ---------------------------------------------------------------------------------------------
MAPPED_HEADER = ["Order No", "Order Date", "Item", "Qty", "Grand total", "Status"]


def map_table(shop: Database, path: Path, work: Path, platform: str = "other") -> None:
    [preview] = mappings.preview_tables(shop, path, work)
    columns = mappings.guess_columns(MAPPED_ORDERS, preview.headers, preview.rows)
    assert preview.headers[columns["order_time"]] == "Order Date"
    mappings.save_mapping(shop, name=f"ERP {platform}", kind=MAPPED_ORDERS, platform=platform,
                          headers=preview.headers, columns=columns)


def erp_rows(*dates: str, status: str = "completed") -> list[dict[str, str]]:
    return [{"Order No": f"E-{n}", "Order Date": when, "Item": "Cup", "Qty": "1", "Grand total": "3.00",
             "Status": status} for n, when in enumerate(dates, start=1)]


def test_a_mapped_order_date_is_read_cell_by_cell(shop: Database, tmp_path: Path) -> None:
    path = write_export(tmp_path / "erp.csv", MAPPED_HEADER, erp_rows(
        "2025-01-02", "2025-01-02 00:00", "2025-01-02 10:30:00", "01/03/2025", "2025年1月4日 08:00:00"))
    map_table(shop, path, tmp_path / "work")
    import_ok(shop, path)
    # a cell that writes 00:00 gave a time; one that writes none gave the day only
    assert flags(shop) == {"E-1": True, "E-2": False, "E-3": False, "E-4": True, "E-5": False}
    assert times(shop)["E-1"][:2] == (datetime(2025, 1, 2, tzinfo=UTC), "+00:00")


def _with_format(book: Path, code: str) -> Path:
    """The workbook with its date cells' style showing `code` (cn_exports.write_xlsx formats them with a time)."""
    target = book.with_name(f"dates-{book.name}")
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/styles.xml":
                data = data.replace(b'formatCode="yyyy-mm-dd hh:mm:ss"', f'formatCode="{code}"'.encode())
            out.writestr(item, data)
    return target


@pytest.mark.parametrize(("code", "date_only"), [("yyyy-mm-dd hh:mm:ss", False), ("yyyy/m/d", True),
                                                 ('yyyy"年"m"月"d"日"', True), ("m/d/yy h:mm AM/PM", False)])
def test_a_workbooks_whole_day_cell_has_a_time_when_its_column_shows_one(tmp_path: Path, code: str,
                                                                          date_only: bool) -> None:
    rows = [[r["Order No"], r["Order Date"], r["Item"], r["Qty"], r["Grand total"], r["Status"]]
            for r in erp_rows("2025-01-02 00:00:00", "2025-01-03 00:00:00")]
    book = _with_format(write_xlsx(tmp_path / "erp.xlsx", (MAPPED_HEADER, rows)), code)
    shop = open_fresh_shop(tmp_path / "shop")
    try:
        map_table(shop, book, tmp_path / "work")
        import_ok(shop, book)
        assert flags(shop) == {"E-1": date_only, "E-2": date_only}
        assert times(shop)["E-1"][0] == datetime(2025, 1, 2, tzinfo=UTC)
    finally:
        shop.close()


# -- merges, the order of the files, undo -----------------------------------------------------------------------
def erp_with_the_time(folder: Path) -> Path:
    """The seller's own order log of the Etsy shop: the same order at 14:35, still only paid (older news)."""
    return write_export(folder / "etsy_order_log.csv", MAPPED_HEADER, [
        {"Order No": ETSY_ORDER, "Order Date": "2021-12-26 14:35:00", "Item": "sticker flakes", "Qty": "1",
         "Grand total": "4.50", "Status": "paid"}])


@pytest.mark.parametrize("time_first", [True, False])
def test_a_real_time_from_any_file_beats_a_date_in_either_order(tmp_path: Path, time_first: bool) -> None:
    # The sold orders file is the fresher (shipped): by freshness alone its 00:00 would stand.
    files = tmp_path / "files"
    files.mkdir()
    dated, timed = etsy_sold_orders(files / "EtsySoldOrders2021.csv"), erp_with_the_time(files)
    shop = open_fresh_shop(tmp_path / "shop")
    try:
        map_table(shop, timed, tmp_path / "work", platform="etsy")
        for path in ((timed, dated) if time_first else (dated, timed)):
            import_ok(shop, path)
        assert times(shop) == {ETSY_ORDER: (datetime(2021, 12, 26, 14, 35, tzinfo=UTC), "+00:00", False)}
        assert shop.scalar("SELECT status FROM orders") == "shipped"   # the rest still merges by freshness
    finally:
        shop.close()


def test_undo_of_the_file_with_the_time_puts_the_day_alone_back(shop: Database, tmp_path: Path) -> None:
    map_table(shop, erp_with_the_time(tmp_path), tmp_path / "work", platform="etsy")
    [dated] = import_ok(shop, etsy_sold_orders(tmp_path / "EtsySoldOrders2021.csv"))
    [timed] = import_ok(shop, erp_with_the_time(tmp_path))
    assert flags(shop) == {ETSY_ORDER: False}
    assert timed.batch_id is not None and dated.batch_id is not None
    undo_import(shop, timed.batch_id)
    assert times(shop) == {ETSY_ORDER: (datetime(2021, 12, 26, tzinfo=UTC), "+00:00", True)}
    undo_import(shop, dated.batch_id)
    assert times(shop) == {}


def test_a_later_date_only_file_keeps_a_date_only_order_so(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, etsy_sold_orders(tmp_path / "EtsySoldOrders2021.csv", shipped=""))
    import_ok(shop, etsy_sold_orders(tmp_path / "EtsySoldOrders2022.csv"))
    assert times(shop) == {ETSY_ORDER: (datetime(2021, 12, 26, tzinfo=UTC), "+00:00", True)}
    assert shop.scalar("SELECT status FROM orders") == "shipped"
