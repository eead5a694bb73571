"""One real-shaped export per recognised format, as a grid the fuzzer can mangle before writing it.

A `Seed` keeps the cells apart from how they are written (delimiter, quoting,
encoding, line ends, lines before and after the table), so a mangle can shuffle
columns or re-encode the file and still write it the way that platform would.
The cells come from the importer tests' own builders (export_files.py,
cn_exports.py and the platform tests), so the fuzzer starts from the same
shapes the behaviour tests pin down.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from cn_exports import (
    ASSISTANT_FIELDS,
    ASSISTANT_ITEMS,
    douyin_orders,
    douyin_settlements,
    jd_orders,
    pdd_orders,
    taobao_lines,
    taobao_orders,
    youzan_orders,
)
from cn_money_exports import alipay_ledger, douyin_fund_flow, jd_bill, pdd_ledger, youzan_statement
from export_files import (
    AMAZON_ALL_ORDERS,
    EBAY_ORDERS,
    ETSY_ITEMS,
    ETSY_LISTINGS,
    ETSY_ORDERS,
    SHOPIFY_CUSTOMERS,
    SHOPIFY_ORDERS,
    SHOPIFY_PRODUCTS_2025,
    WOO_ORDERS_DEFAULT,
    table,
    woo_products_header,
)
from test_import_amazon_ebay import amazon_rows, ebay_rows
from test_import_etsy import item_rows
from test_import_etsy import order_rows as etsy_order_rows
from test_import_shopify import order_rows as shopify_order_rows
from test_import_woocommerce import product_rows as woo_product_rows

Quoting = str  # "minimal" | "all" | "none" | "text" (numbers bare) | "taobao" (minimal, `="…"` bare)


@dataclass(frozen=True)
class Seed:
    name: str  # the file name the platform gives it
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # a row of () is an empty line
    delimiter: str = ","
    encoding: str = "utf-8"
    newline: str = "\n"
    quoting: Quoting = "minimal"
    before: tuple[str, ...] = ()  # raw lines above the header
    after: tuple[str, ...] = ()  # raw lines below the table (footers)

    def with_grid(self, header: list[str], rows: list[list[str]]) -> Seed:
        return replace(self, header=tuple(header), rows=tuple(tuple(r) for r in rows))


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _cell(value: str, seed: Seed) -> str:
    needs = any(c in value for c in (seed.delimiter, '"', "\n", "\r"))
    if seed.quoting == "none" or (seed.quoting == "taobao" and value.startswith('="')):
        return value
    if seed.quoting == "all" or needs or (seed.quoting == "text" and not _is_number(value)):
        return '"' + value.replace('"', '""') + '"'
    return value


def render(seed: Seed) -> bytes:
    """The file's bytes, written the way the seed says (codecs that lack a character write '?')."""
    lines = list(seed.before)
    lines.append(seed.delimiter.join(_cell(h, seed) for h in seed.header))
    lines += [seed.delimiter.join(_cell(c, seed) for c in row) for row in seed.rows]
    lines += list(seed.after)
    return (seed.newline.join(lines) + seed.newline).encode(seed.encoding, errors="replace")


def _grid(header: list[str], rows: list[list[str]]) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    return tuple(header), tuple(tuple(r) for r in rows)


def _seed(name: str, header: list[str], rows: list[list[str]], **how: object) -> Seed:
    h, r = _grid(header, rows)
    return Seed(name, h, r, **how)  # type: ignore[arg-type]


def shopify_orders() -> Seed:
    return _seed("orders_export.csv", SHOPIFY_ORDERS, table(SHOPIFY_ORDERS, shopify_order_rows()))


def shopify_products() -> Seed:
    rows = [
        {"Handle": "lamp", "Title": "Floor Lamp", "Vendor": "Lumen", "Type": "Indoor", "Published": "true",
         "Option1 Name": "Title", "Option1 Value": "Default Title", "Variant Grams": "22679.6185",
         "Variant Inventory Qty": "7", "Variant Price": "69.99", "Cost per item": "30", "Status": "active",
         "Body (HTML)": "<p>Black\nfloor lamp, tall</p>"},
        {"Handle": "lamp", "Image Src": "https://cdn.example/l2.jpg?v=1", "Image Position": "2"},
        {"Handle": "tee", "Title": "Tee", "Option1 Name": "Colour", "Option1 Value": "Red", "Option2 Name": "Size",
         "Option2 Value": "L", "Variant SKU": "TEE-R-L", "Variant Inventory Qty": "-2", "Variant Price": "15.00",
         "Variant Barcode": "'0123456789012", "Status": "draft"},
        {"Handle": "tee", "Option1 Value": "Blue", "Option2 Value": "M", "Variant Inventory Qty": "4",
         "Variant Price": "16.00"},
    ]
    return _seed("products_export.csv", SHOPIFY_PRODUCTS_2025, table(SHOPIFY_PRODUCTS_2025, rows))


def shopify_customers() -> Seed:
    rows = [
        {"Customer ID": "'5897398649016", "First Name": "Ana", "Last Name": "Lira", "Email": "Ana@Lira.cl",
         "Accepts Email Marketing": "no", "Default Address City": "Santiago", "Default Address Country Code": "CL",
         "Default Address Phone": "'+56 9 7622 2752", "Total Spent": "265000.00", "Total Orders": "3",
         "Tax Exempt": "no"},
        {"Customer ID": "'5905781948600", "First Name": "Sin", "Last Name": "Correo", "Email": "",
         "Total Spent": "0.00", "Total Orders": "0"},
    ]
    return _seed("customers_export.csv", SHOPIFY_CUSTOMERS, table(SHOPIFY_CUSTOMERS, rows))


def etsy_items() -> Seed:
    # Etsy quotes exactly the cells that contain a space; "all" is the nearest of our quoting styles.
    return _seed("EtsySoldOrderItems2021.csv", ETSY_ITEMS, table(ETSY_ITEMS, item_rows()))


def etsy_orders() -> Seed:
    return _seed("EtsySoldOrders2023.csv", ETSY_ORDERS, table(ETSY_ORDERS, etsy_order_rows()), delimiter="\t")


def etsy_listings() -> Seed:
    rows = [{"TITLE": "I Eat Cat - Unisex Sweatshirt", "DESCRIPTION": "Warm.\r\n• 50% cotton", "PRICE": "39.99",
             "CURRENCY_CODE": "USD", "QUANTITY": "80919", "TAGS": "cat,sweatshirt",
             "SKU": "66F927A9CDAD6_5436,66F927A9CDAD6_5437"},
            {"TITLE": "Sticker sheet", "PRICE": "26.5", "CURRENCY_CODE": "EUR", "QUANTITY": "4", "SKU": "STK-1"}]
    return _seed("EtsyListingsDownload.csv", ETSY_LISTINGS, table(ETSY_LISTINGS, rows))


def amazon_orders() -> Seed:
    return _seed("All Orders.txt", AMAZON_ALL_ORDERS, table(AMAZON_ALL_ORDERS, amazon_rows()), delimiter="\t",
                 quoting="none", encoding="cp1252")


def woo_products() -> Seed:
    header = woo_products_header()
    return _seed("wc-product-export.csv", header, table(header, woo_product_rows()), encoding="utf-8-sig",
                 newline="\r\n")


def woo_orders() -> Seed:
    rows = [{"order_id": "4959", "order_number": "4959", "order_date": "2020-02-21 10:15:00",
             "status": "wc-completed", "shipping_total": "5.00", "tax_total": "2.00", "order_total": "42.00",
             "order_currency": "GBP", "billing_first_name": "Sam", "billing_email": "Sam@Example.co.uk",
             "line_items": "id:43|name:Album|sku:woo-album|quantity:1|total:15.00;"
                           "id:44|name:Beanie|sku:woo-beanie|quantity:2|total:20.00|refunded_qty:1"},
            {"order_id": "4960", "order_date": "2020-02-22 09:00:00", "status": "processing", "order_total": "9.00",
             "order_currency": "GBP", "billing_email": "sam@example.co.uk",
             "line_items": "name:Pin|sku:pin|quantity:1|total:9.00"}]
    return _seed("orders.csv", WOO_ORDERS_DEFAULT, table(WOO_ORDERS_DEFAULT, rows))


def ebay() -> Seed:
    rows = [[""] * len(EBAY_ORDERS), *table(EBAY_ORDERS, ebay_rows())]  # the all-"" padding row
    return _seed("ebay_orders.csv", EBAY_ORDERS, rows, quoting="all", newline="\r\n", before=("",),
                 after=(f"{len(rows) - 1},record(s) downloaded,", "Seller ID : snowgear_shop"))


def _cn(name: str, built: tuple[list[str], list[list[str]]], **how: object) -> Seed:
    header, rows = built
    return _seed(name, header, rows, **{"encoding": "gbk", "newline": "\r\n", "quoting": "taobao", **how})


def _ledger(name: str, text: str, encoding: str) -> Seed:
    """A money ledger's text as a seed: its preamble and footer lines kept raw around the table."""
    lines = text.split("\r\n")[:-1]
    start = next(i for i, line in enumerate(lines) if line.count(",") >= 5)
    width = lines[start].count(",")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].count(",") != width), len(lines))
    rows = [line.split(",") for line in lines[start + 1 : end]]
    return _seed(name, lines[start].split(","), rows, encoding=encoding, newline="\r\n", quoting="taobao",
                 before=tuple(lines[:start]), after=tuple(lines[end:]))


def taobao_assistant() -> Seed:
    item_cells = [[item.get(name, "") for name, _ in ASSISTANT_FIELDS] for item in ASSISTANT_ITEMS]
    return _seed("淘宝助理.csv", [e for e, _ in ASSISTANT_FIELDS], [[c for _, c in ASSISTANT_FIELDS], *item_cells],
                 delimiter="\t", encoding="utf-16", quoting="text", before=("version 1.00",))


SEEDS: dict[str, Callable[[], Seed]] = {
    "shopify-orders": shopify_orders,
    "shopify-products": shopify_products,
    "shopify-customers": shopify_customers,
    "etsy-items": etsy_items,
    "etsy-orders": etsy_orders,
    "etsy-listings": etsy_listings,
    "amazon-orders": amazon_orders,
    "woocommerce-products": woo_products,
    "woocommerce-orders": woo_orders,
    "ebay-orders": ebay,
    "taobao-orders": lambda: _cn("ExportOrderList202002211200.csv", taobao_orders()),
    "taobao-lines": lambda: _cn("ExportOrderDetailList202002211200.csv", taobao_lines()),
    "taobao-assistant": taobao_assistant,
    "jd-orders": lambda: _cn("jd.csv", jd_orders()),
    "pinduoduo-orders": lambda: _cn("pdd.csv", pdd_orders(), encoding="utf-8-sig"),
    "douyin-orders": lambda: _cn("douyin.csv", douyin_orders(), encoding="utf-8-sig", quoting="all"),
    "douyin-settlements": lambda: _cn("动账明细.csv", douyin_settlements(), encoding="utf-8-sig"),
    "youzan-orders": lambda: _cn("youzan.csv", youzan_orders(), encoding="utf-8-sig"),
    "alipay-ledger": lambda: _ledger("支付宝账务明细.csv", alipay_ledger(), "gbk"),
    "pinduoduo-ledger": lambda: _ledger("账务明细.csv", pdd_ledger(), "gb18030"),
    "jd-bill": lambda: _ledger("账单明细.csv", jd_bill(), "gbk"),
    "youzan-statement": lambda: _ledger("对账单.csv", youzan_statement(), "utf-8-sig"),
    "douyin-fund-flow": lambda: _ledger("资金流水明细.csv", douyin_fund_flow(), "utf-8-sig"),
}
