"""Every importer stores the province or state an order ships to (orders.ship_province), as ship_city takes it.

Shopify's code (`Shipping Province`, its name only when the code is empty), WooCommerce's shipping_state,
Etsy's `Ship State` (sold orders and sold items), Amazon's `ship-state`, eBay's `Ship To State` (else
`Buyer State`), the first part of a Chinese 收货地址 (a Tmall 订单报表 names only 内蒙古自治区; a municipality
is its own province and city), the 省 / 收货人省份 columns of Pinduoduo, Douyin and Youzan, a mapped
column. Merging, freshness, undo and the order of the files treat it as they treat the city.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cn_exports import (
    DOUYIN_HEADER,
    PDD_HEADER,
    YOUZAN_HEADER,
    Table,
    douyin_orders,
    jd_orders,
    pdd_orders,
    taobao_lines,
    taobao_orders,
    write_csv,
    youzan_orders,
)
from export_files import (
    AMAZON_ALL_ORDERS,
    EBAY_ORDERS,
    ETSY_ITEMS,
    ETSY_ORDERS,
    SHOPIFY_ORDERS,
    SHOPIFY_ORDERS_2021,
    WOO_ORDERS_DEFAULT,
    import_ok,
    open_fresh_shop,
    table,
    write_export,
)

from shopkeeper.db.database import Database
from shopkeeper.services import mappings
from shopkeeper.services.imports import undo_import
from shopkeeper.services.mappings import MAPPED_ORDERS


def places(shop: Database) -> dict[str, tuple[str | None, str | None]]:
    """order id -> (ship_city, ship_province)"""
    return {r[0]: (r[1], r[2]) for r in shop.fetchall("SELECT order_id, ship_city, ship_province FROM orders")}


# -- Shopify ----------------------------------------------------------------------------------------------------
def shopify_order(number: int, *, status: str = "paid", fulfilled: str = "", **place: str) -> list[dict[str, str]]:
    first = {"Name": f"#{number}", "Email": f"b{number}@example.com", "Financial Status": status,
             "Paid at": "2025-01-10 12:05:00 -0500", "Fulfillment Status": "fulfilled" if fulfilled else "",
             "Fulfilled at": fulfilled, "Currency": "CAD", "Subtotal": "15.00", "Total": "15.00",
             "Id": f"55012{number:05d}", "Created at": "2025-01-10 12:00:00 -0500", **place}
    return [{**first, "Lineitem quantity": "1", "Lineitem name": "Mug", "Lineitem price": "15.00",
             "Lineitem sku": "MUG"}]


def shopify_file(path: Path, *orders: list[dict[str, str]], header: list[str] = SHOPIFY_ORDERS) -> Path:
    return write_export(path, header, [{k: v for k, v in row.items() if k in header} for o in orders for row in o])


def test_shopify_keeps_the_province_code_and_its_name_only_without_one(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, shopify_file(
        tmp_path / "orders_export.csv",
        shopify_order(1, **{"Shipping City": "Toronto", "Shipping Province": "ON", "Shipping Province Name": "Ontario",
                            "Shipping Country": "CA", "Billing Province": "QC"}),
        shopify_order(2, **{"Billing City": "Montreal", "Billing Province": "QC", "Billing Country": "CA"}),
        shopify_order(3, **{"Shipping Province Name": "Western Cape", "Shipping Country": "ZA"}),
        shopify_order(4, **{"Shipping Province": "TH-10", "Shipping Province Name": "Bangkok"}),
        shopify_order(5)))
    assert {shop.scalar("SELECT order_number FROM orders WHERE order_id = ?", [k]): v
            for k, v in places(shop).items()} == {
        "#1": ("Toronto", "ON"), "#2": ("Montreal", "QC"), "#3": (None, "Western Cape"), "#4": (None, "TH-10"),
        "#5": (None, None)}


# -- WooCommerce ------------------------------------------------------------------------------------------------
def test_woocommerce_reads_the_shipping_state_else_the_billing_one(shop: Database, tmp_path: Path) -> None:
    common = {"order_date": "2024-05-01 10:00:00", "status": "completed", "order_total": "9.00",
              "order_currency": "USD", "line_items": "name:Pin|sku:pin|quantity:1|total:9.00"}
    import_ok(shop, write_export(tmp_path / "orders.csv", WOO_ORDERS_DEFAULT, [
        {**common, "order_id": "1", "billing_email": "a@example.com", "shipping_city": "San Jose",
         "shipping_state": "CA", "billing_state": "NY", "shipping_country": "US"},
        {**common, "order_id": "2", "billing_email": "b@example.com", "billing_state": "NSW",
         "billing_country": "AU"},
        {**common, "order_id": "3", "billing_email": "c@example.com"}]))
    assert places(shop) == {"1": ("San Jose", "CA"), "2": (None, "NSW"), "3": (None, None)}


# -- Etsy -------------------------------------------------------------------------------------------------------
def etsy_orders(path: Path, state: str = "") -> Path:
    return write_export(path, ETSY_ORDERS, [
        {"Sale Date": "12/26/2021", "Order ID": "2323514365", "Buyer User ID": "annb", "Full Name": "Ann Buyer",
         "Number of Items": "1", "Date Shipped": "1/2/2022", "Ship City": "North Las Vegas", "Ship State": state,
         "Ship Country": "United States", "Currency": "USD", "Order Value": "3.25", "Shipping": "1",
         "Sales Tax": "0.25", "Order Total": "4.50", "Adjusted Order Total": "0", "Order Type": "online"}])


def etsy_items(path: Path) -> Path:
    return write_export(path, ETSY_ITEMS, [
        {"Sale Date": "12/26/21", "Item Name": "sticker flakes", "Buyer": "Ann B (annb)", "Quantity": "1",
         "Price": "3.25", "Order Shipping": "1", "Order Sales Tax": "0.25", "Item Total": "3.25", "Currency": "USD",
         "Transaction ID": "2807973906", "Listing ID": "839935919", "Date Paid": "12/26/2021",
         "Date Shipped": "01/02/2022", "Ship City": "North Las Vegas", "Ship State": "NV",
         "Ship Country": "United States", "Order ID": "2323514365", "Order Type": "online"}])


def test_etsy_sold_orders_and_sold_items_give_the_ship_state(tmp_path: Path) -> None:
    for name, path in (("orders", etsy_orders(tmp_path / "EtsySoldOrders2021.csv", "NV")),
                       ("items", etsy_items(tmp_path / "EtsySoldOrderItems2021.csv"))):
        shop = open_fresh_shop(tmp_path / name)
        try:
            import_ok(shop, path)
            assert places(shop) == {"2323514365": ("North Las Vegas", "NV")}, name
        finally:
            shop.close()


# -- Amazon, eBay -----------------------------------------------------------------------------------------------
def test_amazon_reads_ship_state(shop: Database, tmp_path: Path) -> None:
    row = {"purchase-date": "2017-06-17T08:04:21+00:00", "order-status": "Shipped", "sales-channel": "Amazon.com",
           "item-status": "Shipped", "quantity": "1", "currency": "USD", "item-price": "10.00"}
    rows = [{**row, "amazon-order-id": "112-0000000-0000001", "product-name": "Cable", "sku": "CB-1",
             "ship-city": "Austin", "ship-state": "TX", "ship-country": "US"},
            {**row, "amazon-order-id": "112-0000000-0000001", "product-name": "Plug", "sku": "PL-1",
             "ship-city": "Austin", "ship-state": "TX", "ship-country": "US"},
            {**row, "amazon-order-id": "112-0000000-0000002", "product-name": "Cable", "sku": "CB-1",
             "ship-state": "WA", "ship-country": "US"}]
    path = tmp_path / "amazon_orders.txt"
    path.write_text("\n".join("\t".join(r) for r in [AMAZON_ALL_ORDERS, *table(AMAZON_ALL_ORDERS, rows)]) + "\n",
                    encoding="utf-8")
    import_ok(shop, path)
    assert places(shop) == {"112-0000000-0000001": ("Austin", "TX"), "112-0000000-0000002": (None, "WA")}


def test_ebay_reads_the_ship_to_state_else_the_buyers(shop: Database, tmp_path: Path) -> None:
    order = {"Item Title": "Lamp", "Quantity": "1", "Sold For": "$43.00", "Total Price": "$43.00",
             "Sale Date": "Sep-04-26", "Paid On Date": "Sep-04-26"}
    rows = [{**order, "Sales Record Number": "1", "Order Number": "03-11111-00001", "Buyer Username": "jo",
             "Ship To City": "Sydney", "Ship To State": "NSW", "Buyer State": "VIC", "Ship To Country": "Australia"},
            {**order, "Sales Record Number": "2", "Order Number": "03-11111-00002", "Buyer Username": "al",
             "Buyer State": "NY", "Buyer Country": "United States"}]
    path = tmp_path / "ebay_orders.csv"
    path.write_text("\r\n".join(",".join('"' + c + '"' for c in r) for r in [EBAY_ORDERS, *table(EBAY_ORDERS, rows)])
                    + "\r\n", encoding="utf-8")
    import_ok(shop, path)
    assert places(shop) == {"03-11111-00001": ("Sydney", "NSW"), "03-11111-00002": (None, "NY")}


# -- Taobao / Tmall ---------------------------------------------------------------------------------------------
TMALL_REPORT = ["订单编号", "总金额", "买家实际支付金额", "收货地址 ", "订单创建时间", "订单付款时间 ", "退款金额"]


def tmall_report(path: Path, addresses: dict[str, str]) -> Path:
    """The Tmall 订单报表 cut down for analysis (the real sample's 7 columns): 收货地址 names only the province."""
    rows = [[order_id, "21.0", "21.0", address, "2020-02-20 23:59:54", "2020-02-21 00:00:02", "0.0"]
            for order_id, address in addresses.items()]
    return write_csv(path, (TMALL_REPORT, rows), encoding="utf-8")


def test_a_tmall_report_naming_only_the_province_stores_it(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, tmall_report(tmp_path / "tmall_order_report.csv", {
        "1": "内蒙古自治区", "2": "上海", "3": "广东省", "4": "北京市", "5": "", "6": "****"}))
    # a municipality stays the city it was, and is its own province too
    assert places(shop) == {"1": (None, "内蒙古自治区"), "2": ("上海", "上海"), "3": (None, "广东省"),
                            "4": ("北京市", "北京市"), "5": (None, None), "6": (None, None)}


def test_a_full_taobao_address_gives_province_and_city(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, write_csv(tmp_path / "ExportOrderList.csv", taobao_orders("new")))
    assert places(shop) == {
        "2890123456789012345": ("通化市", "吉林省"), "2890123456789012346": ("通化市", "吉林省"),
        "2890123456789012347": ("北京市", "北京"), "2890123456789012348": ("上海", "上海"),
        "2890123456789012349": ("上海市", "上海"), "2890123456789012350": ("杭州市", "浙江省"),
        "2890123456789012351": ("杭州市", "浙江省")}


# -- JD, Pinduoduo, Douyin, Youzan ------------------------------------------------------------------------------
def with_columns(t: Table, values: dict[str, list[str]]) -> Table:
    header, rows = t
    return [*header, *values], [[*row, *(v[i] for v in values.values())] for i, row in enumerate(rows)]


def test_jd_reads_the_province_from_the_address(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, write_csv(tmp_path / "jd_orders.csv", jd_orders()))
    assert set(places(shop).values()) == {("深圳市", "广东")}


def test_pinduoduo_reads_its_province_column_and_not_a_masked_one(shop: Database, tmp_path: Path) -> None:
    header, rows = pdd_orders()
    province = header.index("省")
    rows[0][province] = "四川省"
    rows[1][province] = "重庆市"
    rows[1][header.index("市")] = "重庆市"
    assert header == PDD_HEADER
    import_ok(shop, write_csv(tmp_path / "pdd_orders.csv", (header, rows)))
    assert places(shop) == {"200221-063450781932541": ("成都市", "四川省"),
                            "200222-118273645501234": ("重庆市", "重庆市"),
                            "200223-550019283746501": ("成都市", None)}   # 省 written '****'


def test_douyin_reads_its_province_column_and_not_a_cipher(shop: Database, tmp_path: Path) -> None:
    t = with_columns(douyin_orders(), {"省": ["广东省", "广东省", "##密文"], "市": ["广州市", "广州市", "##密文"]})
    assert t[0][:len(DOUYIN_HEADER)] == DOUYIN_HEADER
    import_ok(shop, write_csv(tmp_path / "douyin_orders.csv", t, encoding="utf-8-sig", quote_all=True))
    assert places(shop) == {"6917926768823643751": ("广州市", "广东省"), "6917926768823643760": (None, None)}


def test_youzan_reads_the_recipients_province(shop: Database, tmp_path: Path) -> None:
    t = with_columns(youzan_orders(), {"收货人省份": ["云南省", "", ""], "收货人城市": ["昆明市", "", ""]})
    assert t[0][:len(YOUZAN_HEADER)] == YOUZAN_HEADER
    import_ok(shop, write_csv(tmp_path / "youzan_orders.csv", t, encoding="utf-8"))
    # (the third order, undated, is rejected)
    assert places(shop) == {"E20200221123456789012345": ("昆明市", "云南省"), "E20200221123456789012346": (None, None)}


# -- a mapped table ---------------------------------------------------------------------------------------------
def test_a_mapped_province_column(shop: Database, tmp_path: Path) -> None:
    path = write_export(tmp_path / "erp.csv", ["Order No", "Order Date", "Item", "Qty", "Grand total", "Province"], [
        {"Order No": "E-1", "Order Date": "2025-01-02 10:00:00", "Item": "Cup", "Qty": "1", "Grand total": "3.00",
         "Province": "Ontario"}])
    [preview] = mappings.preview_tables(shop, path, tmp_path / "work")
    columns = mappings.guess_columns(MAPPED_ORDERS, preview.headers, preview.rows)
    assert preview.headers[columns["province"]] == "Province"
    mappings.save_mapping(shop, name="ERP", kind=MAPPED_ORDERS, platform="other", headers=preview.headers,
                          columns=columns)
    import_ok(shop, path)
    assert places(shop) == {"E-1": (None, "Ontario")}


# -- merges, freshness, undo and the order of the files ---------------------------------------------------------
def shopify_older(folder: Path) -> Path:
    """Paid, shipping to Quebec; and another order this export knows the province of."""
    return shopify_file(folder / "orders_export_1.csv",
                        shopify_order(1, **{"Shipping Province": "QC", "Shipping Country": "CA"}),
                        shopify_order(2, **{"Shipping Province": "BC", "Shipping Country": "CA"}),
                        header=SHOPIFY_ORDERS_2021)


def shopify_newer(folder: Path) -> Path:
    """Later: #1 fulfilled and shipping to Ontario; #2 fulfilled, its province left empty."""
    return shopify_file(folder / "orders_export_2.csv",
                        shopify_order(1, fulfilled="2025-01-12 09:00:00 -0500",
                                      **{"Shipping Province": "ON", "Shipping Country": "CA"}),
                        shopify_order(2, fulfilled="2025-01-12 09:00:00 -0500"))


PAIRS = {
    # the fresher export's province wins; one that names none leaves the other's
    "shopify": (shopify_older, shopify_newer,
                {"5501200001": (None, "ON"), "5501200002": (None, "BC")}),
    # the sold items name the state the sold orders left empty
    "etsy": (lambda d: etsy_orders(d / "EtsySoldOrders2021.csv"), lambda d: etsy_items(d / "EtsySoldOrderItems.csv"),
             {"2323514365": ("North Las Vegas", "NV")}),
    # the 宝贝报表 names no address: the 订单报表's province stays, the line-only order has none
    "taobao": (lambda d: write_csv(d / "ExportOrderList.csv", taobao_orders("new")),
               lambda d: write_csv(d / "ExportOrderDetailList.csv", taobao_lines("new")),
               {"2890123456789012346": ("通化市", "吉林省"), "2890123456789012349": ("上海市", "上海"),
                "2890123456789012352": (None, None)}),
}


@pytest.mark.parametrize("platform", sorted(PAIRS))
def test_either_order_of_two_files_gives_the_same_province(platform: str, tmp_path: Path) -> None:
    first, second, expected = PAIRS[platform]
    files = tmp_path / "files"
    files.mkdir()
    a, b = first(files), second(files)
    results = []
    for n, paths in enumerate(((a, b), (b, a))):
        shop = open_fresh_shop(tmp_path / f"shop{n}")
        try:
            for path in paths:
                import_ok(shop, path)
            results.append(places(shop))
        finally:
            shop.close()
    assert results[0] == results[1]
    assert {k: results[0][k] for k in expected} == expected


def test_undo_puts_the_province_back_and_a_file_without_one_keeps_it(shop: Database, tmp_path: Path) -> None:
    [older] = import_ok(shop, shopify_older(tmp_path))
    [newer] = import_ok(shop, shopify_newer(tmp_path))
    assert places(shop) == {"5501200001": (None, "ON"), "5501200002": (None, "BC")}
    undo_import(shop, newer.batch_id)
    assert places(shop) == {"5501200001": (None, "QC"), "5501200002": (None, "BC")}
    assert older.batch_id is not None
    undo_import(shop, older.batch_id)
    assert places(shop) == {}
