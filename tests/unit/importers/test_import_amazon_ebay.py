"""Amazon All Orders (csv-formats.md §4) and eBay orders reports (§6)."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from export_files import AMAZON_ALL_ORDERS, EBAY_ORDERS, import_ok, run_import, table

from shopkeeper.db.database import Database


def amazon_rows() -> list[dict[str, str]]:
    return [
        {"amazon-order-id": "112-1234567-1234567", "merchant-order-id": "", "purchase-date": "2017-06-17T08:04:21+00:00",
         "last-updated-date": "2017-06-18T22:07:59+00:00", "order-status": "Shipped", "fulfillment-channel": "Amazon",
         "sales-channel": "Amazon.it", "product-name": '"Deluxe" 5" screen protector', "sku": "SP-5",
         "asin": "B000000001", "item-status": "Shipped", "quantity": "2", "currency": "EUR", "item-price": "89.95",
         "item-tax": "16.22", "shipping-price": "4.99", "shipping-tax": "0.90", "item-promotion-discount": "-5.00",
         "ship-city": "Milano", "ship-postal-code": "20121", "ship-country": "IT", "is-business-order": "false"},
        {"amazon-order-id": "112-1234567-1234567", "purchase-date": "2017-06-17T08:04:21+00:00",
         "order-status": "Shipped", "sales-channel": "Amazon.it", "product-name": "Cable", "sku": "CB-1",
         "asin": "B000000002", "item-status": "Shipped", "quantity": "1", "currency": "EUR", "item-price": "10.00",
         "ship-city": "Milano", "ship-country": "IT"},
        {"amazon-order-id": "112-7654321-7654321", "purchase-date": "2017-06-18T10:00:00-07:00",
         "order-status": "Canceled", "product-name": "Case", "sku": "CS-1", "item-status": "Cancelled",
         "quantity": "1", "currency": "EUR"},
        {"amazon-order-id": "112-0000000-0000001", "purchase-date": "2017-06-19T10:00:00+00:00",
         "order-status": "Pending", "product-name": "Case", "sku": "CS-1", "quantity": "1", "currency": "EUR"},
    ]


def _amazon(tmp_path: Path, name: str = "All Orders.txt") -> Path:
    # Tab-separated, no quoting at all: a product name may begin with a bare quote.
    path = tmp_path / name
    lines = ["\t".join(AMAZON_ALL_ORDERS)] + ["\t".join(r) for r in table(AMAZON_ALL_ORDERS, amazon_rows())]
    path.write_text("\n".join(lines) + "\n", encoding="cp1252")
    return path


def test_amazon_tab_file_with_unescaped_quotes(shop: Database, tmp_path: Path) -> None:
    [outcome] = import_ok(shop, _amazon(tmp_path))
    assert (outcome.platform, outcome.kind, outcome.rows_read, outcome.rows_added) == ("amazon", "orders", 4, 4)
    assert shop.fetchall("SELECT line_no, sku, title, quantity, unit_price, line_total FROM order_lines "
                         "WHERE order_id = '112-1234567-1234567' ORDER BY line_no") == [
        (1, "CB-1", "Cable", 1, Decimal("10.00"), Decimal("10.00")),
        (2, "SP-5", '"Deluxe" 5" screen protector', 2, Decimal("44.98"), Decimal("89.95")),
    ]
    order = shop.fetchone("SELECT ordered_at, ordered_tz, status, platform_status, currency, subtotal, shipping, tax, "
                          "discount, total, channel, ship_city FROM orders WHERE order_id = '112-1234567-1234567'")
    assert order == (datetime(2017, 6, 17, 8, 4, 21, tzinfo=UTC), "+00:00", "shipped", "Shipped", "EUR",
                     Decimal("99.95"), Decimal("4.99"), Decimal("17.12"), Decimal("5.00"), Decimal("117.06"),
                     "Amazon.it", "Milano")
    assert dict(shop.fetchall("SELECT order_id, status FROM orders")) == {
        "112-1234567-1234567": "shipped", "112-7654321-7654321": "cancelled", "112-0000000-0000001": "pending"}
    assert shop.fetchone("SELECT ordered_tz, total FROM orders WHERE order_id = '112-7654321-7654321'") == (
        "-07:00", Decimal("0.00"))
    assert shop.scalar("SELECT refunded_quantity FROM order_lines WHERE order_id = '112-7654321-7654321'") == 1


def test_amazon_update_report_moves_status_on(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _amazon(tmp_path))
    rows = amazon_rows()[3:]
    rows[0] = {**rows[0], "order-status": "Shipped - Delivered to Buyer", "item-price": "12.00"}
    later = tmp_path / "later"
    later.mkdir()
    path = later / "update.txt"
    path.write_text("\n".join(["\t".join(AMAZON_ALL_ORDERS)] + ["\t".join(r) for r in table(AMAZON_ALL_ORDERS, rows)]),
                    encoding="utf-8")
    [outcome] = import_ok(shop, path)
    assert (outcome.rows_added, outcome.rows_updated) == (0, 1)
    assert shop.fetchone("SELECT status, total FROM orders WHERE order_id = '112-0000000-0000001'") == (
        "completed", Decimal("12.00"))


def ebay_lines(rows: list[dict[str, str]]) -> str:
    """eBay's shape: a blank line, every value quoted, an all-"" padding row, two footer lines."""
    with_padding = [rows[0] if False else {h: "" for h in EBAY_ORDERS}, *rows]
    out = [""]
    writer_rows = [EBAY_ORDERS, *table(EBAY_ORDERS, with_padding)]
    for r in writer_rows:
        out.append(",".join('"' + c.replace('"', '""') + '"' for c in r))
    out += [f"{len(rows)},record(s) downloaded,", "Seller ID : snowgear_shop"]
    return "\r\n".join(out) + "\r\n"


def ebay_rows() -> list[dict[str, str]]:
    return [
        # a two-item order: summary row (totals, buyer, no item) then its items
        {"Sales Record Number": "1001", "Order Number": "16-14679-61003", "Buyer Username": "koala_k",
         "Buyer Name": "Kim Koala", "Buyer Email": "Kim@Example.com.au", "Buyer City": "Sydney",
         "Buyer Country": "Australia", "Shipping And Handling": "AU $15.00", "Total Price": "AU $3,015.00",
         "Sale Date": "26-May-26", "Paid On Date": "26-May-26", "Shipped On Date": "28-May-26",
         "Payment Method": "PayPal"},
        {"Sales Record Number": "1001", "Order Number": "16-14679-61003", "Item Number": "123456789012",
         "Item Title": "Tent, 2 person", "Custom Label": "TENT-2", "Quantity": "1", "Sold For": "AU $2,000.00",
         "Transaction ID": "2000000001"},
        {"Sales Record Number": "1001", "Order Number": "16-14679-61003", "Item Number": "123456789013",
         "Item Title": "Sleeping bag", "Custom Label": "BAG-1", "Quantity": "2", "Sold For": "AU $500.00",
         "Transaction ID": "2000000002", "Variation Details": "[Colour:Green]"},
        # a one-row order in US format
        {"Sales Record Number": "1002", "Order Number": "03-11111-22222", "Buyer Username": "jo_us",
         "Buyer Name": "Jo Smith", "Item Number": "223456789012", "Item Title": "Lamp", "Quantity": "1",
         "Sold For": "$43.00", "Shipping And Handling": "$5.00", "Total Price": "$48.00", "Sale Date": "Sep-04-26",
         "Paid On Date": "Sep-04-26"},
        # an order without an Order Number, in euros with a decimal comma
        {"Sales Record Number": "1003", "Buyer Username": "hans", "Item Title": "Kocher", "Quantity": "1",
         "Sold For": "EUR 90,00", "Total Price": "EUR 90,00", "Sale Date": "Sep-05-26"},
    ]


def test_ebay_summary_and_item_rows_padding_footer_and_money(shop: Database, tmp_path: Path) -> None:
    path = tmp_path / "ebay_orders.csv"
    path.write_text(ebay_lines(ebay_rows()), encoding="utf-8")
    [outcome] = import_ok(shop, path)
    assert (outcome.platform, outcome.kind, outcome.rows_read, outcome.rows_rejected) == ("ebay", "orders", 5, 0)
    orders = shop.fetchall("SELECT order_id, order_number, buyer_id, ordered_at, status, currency, subtotal, shipping, "
                           "total FROM orders ORDER BY order_id")
    assert orders == [
        ("03-11111-22222", "1002", "jo_us", datetime(2026, 9, 4, tzinfo=UTC), "paid", "USD", Decimal("43.00"),
         Decimal("5.00"), Decimal("48.00")),
        ("1003", "1003", "hans", datetime(2026, 9, 5, tzinfo=UTC), "pending", "EUR", Decimal("90.00"), None,
         Decimal("90.00")),
        ("16-14679-61003", "1001", "kim@example.com.au", datetime(2026, 5, 26, tzinfo=UTC), "shipped", "AUD",
         Decimal("3000.00"), Decimal("15.00"), Decimal("3015.00")),
    ]
    assert shop.fetchall("SELECT order_id, line_no, sku, title, variant, quantity, unit_price, line_total, currency "
                         "FROM order_lines ORDER BY order_id, line_no") == [
        ("03-11111-22222", 1, None, "Lamp", None, 1, Decimal("43.00"), Decimal("43.00"), "USD"),
        ("1003", 1, None, "Kocher", None, 1, Decimal("90.00"), Decimal("90.00"), "EUR"),
        ("16-14679-61003", 1, "TENT-2", "Tent, 2 person", None, 1, Decimal("2000.00"), Decimal("2000.00"), "AUD"),
        ("16-14679-61003", 2, "BAG-1", "Sleeping bag", "[Colour:Green]", 2, Decimal("500.00"), Decimal("1000.00"),
         "AUD"),
    ]


def test_ebay_footer_is_skipped_even_when_it_reaches_the_importer(shop: Database, tmp_path: Path) -> None:
    path = tmp_path / "ebay.csv"
    rows = table(EBAY_ORDERS, ebay_rows()[3:4])
    footer = [["1", "record(s) downloaded"] + [""] * (len(EBAY_ORDERS) - 2)]
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([EBAY_ORDERS, *rows, *footer])
    [outcome] = run_import(shop, path)
    assert outcome.ok and outcome.rows_read == 1 and outcome.rows_rejected == 0, outcome.message
