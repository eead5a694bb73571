"""What fuzzing the importers found (test_fuzz_imports.py), each pinned by the plain input that showed it."""

from __future__ import annotations

from pathlib import Path

from cn_exports import write_csv, youzan_orders
from export_files import (
    ETSY_ITEMS,
    SHOPIFY_CUSTOMERS,
    SHOPIFY_PRODUCTS_2025,
    import_ok,
    run_import,
    snapshot,
    woo_products_header,
    write_export,
)
from test_import_amazon_ebay import ebay_lines, ebay_rows
from test_import_etsy import item_rows
from test_import_woocommerce import product_rows

from shopkeeper.db.database import Database
from shopkeeper.services.imports import rejects, undo_import

AFTER_QUOTE = ("the file has text right after a closing quote on line {line}, so its values cannot be told apart; "
               "fix that line or export the file again")


def test_ebay_file_with_a_damaged_line_end_is_refused_and_says_where(shop: Database, tmp_path: Path) -> None:
    # One flipped bit turned the CR of line 7 into 0xF3: `"",""ó` + LF. DuckDB's lenient reader takes a
    # non-ASCII byte after a closing quote for invalid UTF-8, even after the file was decoded in full.
    data = ebay_lines(ebay_rows()).encode()
    lines = data.split(b"\r\n")
    path = tmp_path / "ebay_orders.csv"
    path.write_bytes(b"\r\n".join(lines[:6]) + b"\r\n" + lines[6] + b"\xf3\n" + b"\r\n".join(lines[7:]))
    empty = snapshot(shop)
    [outcome] = run_import(shop, path)
    assert not outcome.ok
    assert outcome.reason == AFTER_QUOTE.format(line=7)
    assert snapshot(shop) == empty


def test_text_after_a_closing_quote_in_a_utf8_file_is_refused(shop: Database, tmp_path: Path) -> None:
    header = ",".join(SHOPIFY_CUSTOMERS)
    cells = ['"Ana"é', "Lira", "ana@lira.cl"] + [""] * (len(SHOPIFY_CUSTOMERS) - 3)
    path = tmp_path / "customers_export.csv"
    path.write_text(f"{header}\n{','.join(cells)}\n", encoding="utf-8")
    [outcome] = run_import(shop, path)
    assert not outcome.ok and outcome.reason == AFTER_QUOTE.format(line=2)
    assert shop.scalar("SELECT count(*) FROM import_batches") == 0


def test_a_line_removed_from_a_known_order_counts_as_an_update(shop: Database, tmp_path: Path) -> None:
    # The second item of order 2323514365 lost its Order ID (and its Date Paid) in the damaged file: the
    # order's other row still replaces the order's lines, so the stored second line goes. That is a change
    # to the shop and the counts must say so (and undo must bring the line back).
    import_ok(shop, write_export(tmp_path / "EtsySoldOrderItems2021.csv", ETSY_ITEMS, item_rows()))
    before = snapshot(shop)
    rows = item_rows()
    rows[1] = {**rows[1], "Order ID": "", "Date Paid": "12"}
    # The damaged file is the later export (the order shipped again since): its lines are the order's, by what
    # the rows say (importers/freshness.py), not by a tie-break of their digests.
    rows[0] = {**rows[0], "Date Shipped": "01/03/2022"}
    [outcome] = import_ok(shop, write_export(tmp_path / "damaged.csv", ETSY_ITEMS, rows))
    assert (outcome.rows_read, outcome.rows_added, outcome.rows_updated, outcome.rows_rejected) == (3, 0, 1, 1)
    assert shop.scalar("SELECT count(*) FROM order_lines WHERE order_id = '2323514365'") == 1
    undo_import(shop, outcome.batch_id)
    assert snapshot(shop) == before


def _products(rows: list[dict[str, str]], tmp_path: Path, name: str) -> Path:
    return write_export(tmp_path / name, SHOPIFY_PRODUCTS_2025, rows)


def test_a_change_only_to_a_listing_or_a_stock_count_counts_as_an_update(shop: Database, tmp_path: Path) -> None:
    # A giant cell landed in Status: the listing changed, yet the import said "0 updated".
    rows = [{"Handle": "tee", "Title": "Tee", "Variant SKU": "TEE-1", "Variant Price": "15.00",
             "Variant Inventory Qty": "4", "Status": "draft"},
            {"Handle": "mug", "Title": "Mug", "Variant SKU": "MUG-1", "Variant Price": "9.00",
             "Variant Inventory Qty": "2", "Status": "active"}]
    import_ok(shop, _products(rows, tmp_path, "products.csv"))
    rows[0] = {**rows[0], "Status": "active"}
    [status] = import_ok(shop, _products(rows, tmp_path, "status.csv"))
    assert (status.rows_added, status.rows_updated) == (0, 1)
    assert shop.scalar("SELECT status FROM listings WHERE listing_id = 'tee'") == "active"
    [stock] = import_ok(shop, _products([rows[0], {**rows[1], "Variant Inventory Qty": "7"}], tmp_path, "stock.csv"))
    assert (stock.rows_added, stock.rows_updated) == (0, 1)
    assert shop.scalar("SELECT on_hand FROM stock_levels WHERE sku = 'MUG-1'") == 7


def test_a_variation_without_its_parent_is_rejected_not_a_database_error(shop: Database, tmp_path: Path) -> None:
    # Bytes lost from the Parent cell: the variation belonged to no product and the whole file failed
    # with "NOT NULL constraint failed: variants.product_id".
    rows = product_rows()
    rows[1] = {**rows[1], "Parent": ""}
    [outcome] = import_ok(shop, write_export(tmp_path / "wc-product-export.csv", woo_products_header(), rows))
    assert (outcome.rows_read, outcome.rows_rejected) == (5, 1)
    assert rejects(shop, outcome.batch_id) == [(2, "Parent", None, "a variation needs its parent product")]
    assert shop.scalar("SELECT count(*) FROM variants WHERE sku = 'cc-tee-red'") == 0


def test_a_change_only_to_the_buyer_counts_as_an_update(shop: Database, tmp_path: Path) -> None:
    # A giant cell landed in the phone column: the buyer changed, yet the import said "0 updated".
    header, rows = youzan_orders()
    import_ok(shop, write_csv(tmp_path / "youzan.csv", (header, rows), encoding="utf-8-sig"))
    rows[1][2] = "13900139000"
    # A later export (it holds a newer order): its buyer details are the newer ones whatever the import order.
    rows.append(["E20200301123456789012348", "2020-03-01 10:00:00", "", "挂耳咖啡", "1", "39.90", "待付款", "", ""])
    [outcome] = import_ok(shop, write_csv(tmp_path / "youzan-2.csv", (header, rows), encoding="utf-8-sig"))
    assert (outcome.rows_added, outcome.rows_updated) == (1, 1)
    assert shop.scalar("SELECT phone FROM buyers WHERE buyer_id = 'E20200221123456789012346'") == "13900139000"
