"""Encodings, containers and Excel's text tricks reach the importer intact (csv-formats.md §1.1-1.3, 1.15)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from export_files import AMAZON_ALL_ORDERS, SHOPIFY_ORDERS, import_ok, table, write_export, write_xlsx

from shopkeeper.db.database import Database


def _rows() -> list[dict[str, str]]:
    return [
        {"Name": "#2001", "Email": "zoë@example.com", "Financial Status": "paid", "Currency": "EUR",
         "Total": "12.50", "Created at": "2025-05-11 09:55:16 +0200", "Lineitem quantity": "1",
         "Lineitem name": "Crème brûlée set", "Lineitem price": "12.50", "Lineitem sku": '="00123"',
         "Billing Name": "Zoë Ünal", "Id": "'9123456789012345678"},
        {"Name": "#2001", "Email": "zoë@example.com", "Created at": "2025-05-11 09:55:16 +0200",
         "Lineitem quantity": "2", "Lineitem name": "Spoon\t", "Lineitem price": "0", "Lineitem sku": "\t00456"},
    ]


def _check(shop: Database) -> None:
    assert shop.fetchone("SELECT order_id, buyer_id, total FROM orders") == (
        "9123456789012345678", "zoë@example.com", Decimal("12.50"))
    assert shop.fetchall("SELECT sku, title FROM order_lines ORDER BY line_no") == [
        ("00123", "Crème brûlée set"), ("00456", "Spoon")]
    assert shop.scalar("SELECT name FROM buyers") == "Zoë Ünal"


def test_utf16_with_bom_and_tabs(shop: Database, tmp_path: Path) -> None:
    write_export(tmp_path / "orders.csv", SHOPIFY_ORDERS, _rows(), delimiter="\t", encoding="utf-16")
    import_ok(shop, tmp_path / "orders.csv")
    _check(shop)


def test_windows_1252_and_crlf(shop: Database, tmp_path: Path) -> None:
    rows = [{**r, "Email": "zoe@example.com"} for r in _rows()]
    rows = [{k: v.replace("ë", "e") if k == "Email" else v for k, v in r.items()} for r in rows]
    write_export(tmp_path / "orders.csv", SHOPIFY_ORDERS, rows, encoding="cp1252", newline="\r\n")
    import_ok(shop, tmp_path / "orders.csv")
    assert shop.fetchall("SELECT title FROM order_lines ORDER BY line_no") == [("Crème brûlée set",), ("Spoon",)]


def test_gb18030_bytes(shop: Database, tmp_path: Path) -> None:
    rows = [{**r, "Lineitem name": "茶杯 " + r["Lineitem name"]} for r in _rows()]
    write_export(tmp_path / "orders.csv", SHOPIFY_ORDERS, rows, encoding="gb18030")
    import_ok(shop, tmp_path / "orders.csv")
    assert shop.scalar("SELECT title FROM order_lines WHERE line_no = 1") == "茶杯 Crème brûlée set"


def test_excel_workbook(shop: Database, tmp_path: Path) -> None:
    [outcome] = import_ok(shop, write_xlsx(tmp_path / "orders.xlsx", SHOPIFY_ORDERS, _rows()))
    assert (outcome.platform, outcome.kind, outcome.member) == ("shopify", "orders", "Orders")
    _check(shop)


def test_amazon_report_in_windows_1252(shop: Database, tmp_path: Path) -> None:
    row = {"amazon-order-id": "302-1234567-7654321", "purchase-date": "2024-03-01T10:00:00+01:00",
           "order-status": "Shipped", "product-name": "Café crème – 250 g", "sku": "CAFE-1", "quantity": "1",
           "currency": "EUR", "item-price": "9,90"}
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\r\n").writerows(
        [AMAZON_ALL_ORDERS, *table(AMAZON_ALL_ORDERS, [row])])
    path = tmp_path / "report.txt"
    path.write_bytes(buffer.getvalue().encode("cp1252"))
    import_ok(shop, path)
    assert shop.fetchone("SELECT title, unit_price FROM order_lines") == ("Café crème – 250 g", Decimal("9.90"))
