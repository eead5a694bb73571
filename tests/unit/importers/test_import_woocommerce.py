"""WooCommerce product exports and the order-export plugin's layouts (csv-formats.md §5)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from export_files import (
    WOO_ORDERS_DEFAULT,
    WOO_ORDERS_LEGACY,
    WOO_ORDERS_PER_ITEM,
    WOO_PRODUCTS_RU,
    import_ok,
    table,
    woo_products_header,
    write_export,
)

from shopkeeper.db.database import Database
from shopkeeper.services.inventory import inventory_rows, sku_detail
from shopkeeper.services.listing_checks import sku_problems
from shopkeeper.services.stock_export import write_stock_update
from tests.catalogue_shop import TODAY


def product_rows() -> list[dict[str, str]]:
    return [
        {"ID": "741", "Type": "variable", "SKU": "cc-tee", "Name": "T-Shirt", "Published": "1",
         "Categories": "Clothing > Tshirts, Clothing", "Regular price": "", "Stock": "",
         "Description": "Soft.\\nLiteral escape and\r\na real break", "Brands": "Classic"},
        {"ID": "742", "Type": "variation", "SKU": "cc-tee-red", "Name": "T-Shirt - Red", "Published": "1",
         "Stock": "-10", "Regular price": "18", "Sale price": "15", "Parent": "id:741", "Weight (kg)": "0.2"},
        {"ID": "743", "Type": "variation, downloadable, virtual", "SKU": "", "Name": "T-Shirt - Blue",
         "Published": "1", "Stock": "3", "Regular price": "18", "Parent": "cc-tee"},
        {"ID": "800", "Type": "simple", "SKU": "", "Name": "Beanie", "Published": "'-1", "Stock": "5",
         "Regular price": "20.00", "In stock?": "1"},
        {"ID": "801", "Type": "simple", "SKU": "mug-1", "Name": "Mug", "Published": "0", "Stock": "",
         "Regular price": "9.5", "Purchase note": "'=cmd|' /C calc'!A0"},
    ]


def _products_file(path: Path) -> Path:
    header = woo_products_header()
    rows = table(header, product_rows())
    rows[3] = rows[3][:30]  # ragged: a row written before later columns were discovered
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    # UTF-8 with BOM, CRLF, and a lone CR inside a description
    path.write_bytes("\ufeff".encode() + buffer.getvalue().replace("Soft.", "Soft.\rStill soft.").encode())
    return path


def test_products_variations_stock_and_guards(shop: Database, tmp_path: Path) -> None:
    [outcome] = import_ok(shop, _products_file(tmp_path / "wc-product-export-1-1-2025.csv"))
    assert (outcome.platform, outcome.kind, outcome.rows_read) == ("woocommerce", "products", 5)
    assert shop.fetchall("SELECT product_id, title, category, brand FROM products ORDER BY 1") == [
        ("cc-tee", "T-Shirt", "Clothing > Tshirts", "Classic"), ("mug-1", "Mug", None, None),
        ("wc-800", "Beanie", None, None)]
    assert shop.fetchall("SELECT sku, product_id, option_text, price, weight_grams, active FROM variants "
                         "ORDER BY 1") == [
        ("cc-tee-red", "cc-tee", "T-Shirt - Red", Decimal("18.00"), Decimal("200.000"), True),
        ("mug-1", "mug-1", None, Decimal("9.50"), None, False),
        ("wc-743", "cc-tee", "T-Shirt - Blue", Decimal("18.00"), None, True),
        ("wc-800", "wc-800", None, Decimal("20.00"), None, False),
    ]
    assert dict(shop.fetchall("SELECT sku, on_hand FROM stock_levels")) == {"cc-tee-red": -10, "wc-743": 3,
                                                                            "wc-800": 5}
    assert shop.fetchall("SELECT listing_id, sku, title, price, status, quantity FROM listings ORDER BY 1") == [
        ("741", None, "T-Shirt", None, "active", None),
        ("800", "wc-800", "Beanie", Decimal("20.00"), "inactive", 5),  # '-1: private
        ("801", "mug-1", "Mug", Decimal("9.50"), "draft", None),
    ]


def test_a_variable_products_listing_holds_its_variations(shop: Database, tmp_path: Path) -> None:
    # The parent has a SKU of its own (cc-tee), so its product is keyed by it, not by its post ID 741;
    # the listing (the product's page, ID 741) keeps that key and holds both variations.
    import_ok(shop, _products_file(tmp_path / "wc-product-export-1-1-2025.csv"))
    assert shop.fetchall("SELECT listing_id, product_id FROM listings ORDER BY 1") == [
        ("741", "cc-tee"), ("800", "wc-800"), ("801", "mug-1")]
    platforms = {r["sku"]: r["platforms"] for r in inventory_rows(shop, TODAY)}
    assert platforms == {"cc-tee-red": "woocommerce", "wc-743": "woocommerce", "wc-800": "woocommerce",
                         "mug-1": "woocommerce"}
    detail = sku_detail(shop, "cc-tee-red", TODAY)
    assert detail is not None
    assert [(c.listing_id, c.channel_sku, c.title, c.quantity, c.whole) for c in detail.channels] == [
        ("741", "cc-tee-red", "T-Shirt", None, True)]
    # The stock-update file names a variation by its own SKU or post ID, never by its product's ID 741,
    # which would set the product's stock.
    written = write_stock_update(shop, "woocommerce", tmp_path / "stock.csv")
    with written.path.open(encoding="utf-8-sig", newline="") as fh:
        rows = {r["SKU"] or r["ID"]: r["ID"] for r in csv.DictReader(fh)}
    assert rows == {"cc-tee-red": "", "743": "743", "800": "800"}
    # What the checks find on the product's page is a problem of each variation it sells.
    shop.execute("UPDATE listings SET image_count = 0 WHERE listing_id = '741'")
    assert [(p.rule, p.listing_id) for p in sku_problems(shop, "wc-743")] == [("missing_images", "741")]


def test_variations_exported_apart_from_their_parent_are_still_held_by_its_listing(shop: Database,
                                                                                 tmp_path: Path) -> None:
    # An export of the variations alone names the parent by ID: their product is keyed wc-741, while the
    # listing from the full export keeps cc-tee. The listing holds the variants of both keys.
    header = woo_products_header()
    variations = [{**row, "SKU": row["SKU"] or "cc-tee-blue", "Parent": "id:741"}
                  for row in product_rows() if row["Type"].startswith("variation")]
    import_ok(shop, write_export(tmp_path / "variations.csv", header, variations))
    import_ok(shop, write_export(tmp_path / "parents.csv", header, [product_rows()[0]]))
    assert shop.fetchall("SELECT sku, product_id FROM variants ORDER BY 1") == [
        ("cc-tee-blue", "wc-741"), ("cc-tee-red", "wc-741")]
    platforms = {r["sku"]: r["platforms"] for r in inventory_rows(shop, TODAY)}
    assert platforms == {"cc-tee-blue": "woocommerce", "cc-tee-red": "woocommerce"}


def test_russian_headers_and_whitespace_before_the_bom(shop: Database, tmp_path: Path) -> None:
    rows = [["40", "simple", "", "КОМБИНЕЗОН", "1", "1", "visible", "", "Описание", "1", "240", "Женская одежда",
             "http://x/p.jpg"],
            ["41", "simple", "SL-41", "Товар 2", "1", "0", "visible", "", "Это пример", "1", "1200", "Мужская", ""]]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([WOO_PRODUCTS_RU, *rows])
    path = tmp_path / "wc-product-export.csv"
    path.write_bytes(b"\n\t\xef\xbb\xbf" + buffer.getvalue().encode())
    [outcome] = import_ok(shop, path)
    assert (outcome.platform, outcome.kind, outcome.rows_added) == ("woocommerce", "products", 2)
    assert shop.fetchall("SELECT sku, product_id, price FROM variants ORDER BY 1") == [
        ("SL-41", "SL-41", Decimal("1200.00")), ("wc-40", "wc-40", Decimal("240.00"))]
    assert shop.scalar("SELECT title FROM products WHERE product_id = 'wc-40'") == "КОМБИНЕЗОН"


def test_orders_default_layout_with_packed_line_items(shop: Database, tmp_path: Path) -> None:
    rows = [{"order_id": "4959", "order_number": "4959", "order_date": "2020-02-21 10:15:00", "status": "wc-completed",
             "shipping_total": "5.00", "tax_total": "2.00", "discount_total": "0.00", "order_total": "42.00",
             "refunded_total": "0.00", "order_currency": "GBP", "customer_id": "12", "billing_first_name": "Sam",
             "billing_last_name": "Lee", "billing_email": "Sam@Example.co.uk", "billing_phone": "'07700 900123",
             "billing_city": "Leeds", "billing_country": "GB",
             "line_items": "id:43|name:Album|product_id:22|sku:woo-album|quantity:1|subtotal:15.00|total:15.00"
                           "|refunded:0.00|refunded_qty:0;"
                           "id:44|name:Beanie: blue|sku:woo-beanie|quantity:2|total:20.00|refunded_qty:1"},
            {"order_id": "4960", "order_date": "2020-02-22 09:00:00", "status": "processing", "order_total": "9.00",
             "order_currency": "GBP", "billing_email": "sam@example.co.uk",
             "line_items": "name:Pin|sku:pin|quantity:1|total:9.00"}]
    [outcome] = import_ok(shop, write_export(tmp_path / "orders.csv", WOO_ORDERS_DEFAULT, rows))
    assert (outcome.platform, outcome.kind, outcome.rows_added) == ("woocommerce", "orders", 2)
    assert shop.fetchall("SELECT order_id, buyer_id, ordered_at, ordered_tz, status, platform_status, currency, "
                         "shipping, tax, total FROM orders ORDER BY 1") == [
        ("4959", "sam@example.co.uk", datetime(2020, 2, 21, 10, 15, tzinfo=UTC), "+00:00", "completed",
         "wc-completed", "GBP", Decimal("5.00"), Decimal("2.00"), Decimal("42.00")),
        ("4960", "sam@example.co.uk", datetime(2020, 2, 22, 9, tzinfo=UTC), "+00:00", "paid", "processing", "GBP",
         None, None, Decimal("9.00")),
    ]
    assert shop.fetchall("SELECT order_id, line_no, sku, title, quantity, unit_price, line_total, refunded_quantity "
                         "FROM order_lines ORDER BY 1, 2") == [
        ("4959", 1, "woo-album", "Album", 1, Decimal("15.00"), Decimal("15.00"), 0),
        ("4959", 2, "woo-beanie", "Beanie: blue", 2, Decimal("10.00"), Decimal("20.00"), 1),
        ("4960", 1, "pin", "Pin", 1, Decimal("9.00"), Decimal("9.00"), 0),
    ]
    assert shop.fetchone("SELECT name, phone FROM buyers") == ("Sam Lee", "07700 900123")


def test_orders_one_row_per_item_layout(shop: Database, tmp_path: Path) -> None:
    common = {"order_id": "77", "order_number": "77", "order_date": "2024-03-01T08:00:00+01:00",
              "status": "refunded", "order_total": "30.00", "order_currency": "EUR", "billing_email": "a@b.c"}
    rows = [{**common, "item_id": "1", "item_name": "Cup", "item_sku": "CUP", "item_quantity": "1",
             "item_total": "10.00"},
            {**common, "item_id": "2", "item_name": "Plate", "item_sku": "PLT", "item_quantity": "2",
             "item_total": "20.00"}]
    [outcome] = import_ok(shop, write_export(tmp_path / "orders.csv", WOO_ORDERS_PER_ITEM, rows))
    assert outcome.rows_added == 2
    assert shop.fetchone("SELECT status, ordered_tz, total FROM orders") == ("refunded", "+01:00", Decimal("30.00"))
    assert shop.fetchall("SELECT line_no, title, quantity FROM order_lines ORDER BY 1") == [(1, "Cup", 1),
                                                                                            (2, "Plate", 2)]


def test_orders_legacy_layout_with_item_columns(shop: Database, tmp_path: Path) -> None:
    rows = [{"order_id": "5001", "order_number_formatted": "#5001", "order_number": "5001",
             "date": "2016-05-23 22:02:00", "status": "on-hold", "order_shipping": "4", "order_total": "34",
             "billing_email": "x@y.z", "order_item_1": "woo-hoodie|1|30|size: Medium",
             "order_item_2": "product_id:4959|2|0"}]
    [outcome] = import_ok(shop, write_export(tmp_path / "orders.csv", WOO_ORDERS_LEGACY, rows))
    assert outcome.rows_added == 1
    assert shop.fetchone("SELECT order_number, status, currency, total FROM orders") == (
        "#5001", "pending", "USD", Decimal("34.00"))
    assert shop.fetchall("SELECT line_no, sku, title, quantity, line_total FROM order_lines ORDER BY 1") == [
        (1, "woo-hoodie", "size: Medium", 1, Decimal("30.00")),
        (2, None, "product_id:4959", 2, Decimal("0.00")),
    ]


def _default_orders(tmp_path: Path, cells: dict[str, str]) -> Path:
    rows = [{"order_id": order_id, "order_date": "2024-05-01 10:00:00", "status": "completed", "order_total": "1.00",
             "order_currency": "EUR", "billing_email": f"{order_id}@example.com", "line_items": cell}
            for order_id, cell in cells.items()]
    return write_export(tmp_path / "orders.csv", WOO_ORDERS_DEFAULT, rows)


def _lines(shop: Database) -> list[tuple]:
    return shop.fetchall("SELECT order_id, line_no, sku, title, quantity, line_total, refunded_quantity "
                         "FROM order_lines ORDER BY 1, 2")


def test_packed_items_with_escaped_separators_and_line_breaks(shop: Database, tmp_path: Path) -> None:
    # The plugin escapes ':', '|' and ';' inside values with a backslash; "item rows start from new line"
    # puts each item on its own line inside the cell; refunded_qty is written negative.
    cells = {
        "101": r"id:1|name:Mug\: large \| blue|sku:MUG-L|quantity:2|total:24.00|refunded_qty:-1;"
               r"id:2|name:Tea\; green|sku:unknown_product|quantity:1|total:5.50|meta:size=M",
        "102": "name:Pin|sku:PIN|quantity:3|total:9.00\r\nname:Card|sku:CARD|quantity:1|total:2.00\n",
    }
    [outcome] = import_ok(shop, _default_orders(tmp_path, cells))
    assert (outcome.rows_added, outcome.rows_rejected) == (2, 0)
    assert _lines(shop) == [
        ("101", 1, "MUG-L", "Mug: large | blue", 2, Decimal("24.00"), 1),
        ("101", 2, None, "Tea; green", 1, Decimal("5.50"), 0),  # the plugin's marker for a deleted product
        ("102", 1, "PIN", "Pin", 3, Decimal("9.00"), 0),
        ("102", 2, "CARD", "Card", 1, Decimal("2.00"), 0),
    ]


def test_packed_items_as_json(shop: Database, tmp_path: Path) -> None:
    cells = {"201": '[{"id":7,"name":"Say &quot;hi&quot; card","product_id":3,"sku":"HI","quantity":2,'
                    '"subtotal":"8.00","total":"7.20","refunded_qty":0,"meta":{"colour":"red"}},'
                    '{"id":8,"name":"Envelope","sku":"","quantity":"1","total":"0.80"}]'}
    [outcome] = import_ok(shop, _default_orders(tmp_path, cells))
    assert outcome.rows_rejected == 0
    assert _lines(shop) == [("201", 1, "HI", 'Say "hi" card', 2, Decimal("7.20"), 0),
                            ("201", 2, None, "Envelope", 1, Decimal("0.80"), 0)]


def test_one_item_per_line_item_column(shop: Database, tmp_path: Path) -> None:
    # Order Export & Import for WooCommerce: line_item_1, line_item_2 ... one item each.
    header = ["order_id", "order_number", "order_date", "status", "order_total", "order_currency", "customer_email",
              "line_item_1", "line_item_2", "line_item_3"]
    rows = [["301", "301", "2025-09-06 10:00:00", "wc-processing", "15.30", "EUR", "a@b.c",
             "name:Gli asini – 121 · luglio-agosto 2025|product_id:31529|sku:|quantity:1|total:13.00|sub_total:13.00",
             "name:Poster|product_id:9|sku:PST|quantity:2|total:2.30|meta:size:A3", ""]]
    [outcome] = import_ok(shop, write_export(tmp_path / "orders.csv", header, rows))
    assert (outcome.platform, outcome.kind, outcome.rows_rejected) == ("woocommerce", "orders", 0)
    assert _lines(shop) == [("301", 1, None, "Gli asini – 121 · luglio-agosto 2025", 1, Decimal("13.00"), 0),
                            ("301", 2, "PST", "Poster", 2, Decimal("2.30"), 0)]
    assert shop.scalar("SELECT sum(quantity) FROM order_lines") == 3


def test_an_item_cell_that_cannot_be_unpacked_refuses_its_order(shop: Database, tmp_path: Path) -> None:
    cells = {
        "401": "name:Good|sku:G|quantity:1|total:4.00",
        "402": "name:Tea; green|sku:T|quantity:1|total:5.50",  # an old export: ';' in the name not escaped
        "403": "name:Half|sku:H|quantity:1.5|total:3.00",
        "404": "name:Free|sku:F|quantity:1",
        "405": "name:A|quantity:1|total:1.00|name:B|quantity:2|total:2.00",  # two items run together
        "406": '[{"name":"Broken JSON", "quantity":1,',
        "407": "sku:|quantity:1|total:1.00",
    }
    [outcome] = import_ok(shop, _default_orders(tmp_path, cells))
    assert (outcome.rows_read, outcome.rows_added, outcome.rows_rejected) == (7, 1, 6)
    assert _lines(shop) == [("401", 1, "G", "Good", 1, Decimal("4.00"), 0)]
    assert shop.fetchall("SELECT order_id FROM orders") == [("401",)]
    assert shop.fetchall("SELECT row_number, column_name, code FROM import_rejects ORDER BY 1") == [
        (2, "line_items", "reject.unreadable_line_items"),
        (3, "line_items", "reject.line_item_without_quantity"),
        (4, "line_items", "reject.line_item_without_total"),
        (5, "line_items", "reject.unreadable_line_items"),
        (6, "line_items", "reject.unreadable_line_items"),
        (7, "line_items", "reject.line_item_without_name"),
    ]
