"""Etsy sold orders, sold order items and listings (csv-formats.md §3)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from export_files import ETSY_ITEMS, ETSY_LISTINGS, ETSY_ORDERS, import_ok, run_import, snapshot, write_export

from shopkeeper.db.database import Database
from shopkeeper.domain.sku_lines import stand_in_sku
from shopkeeper.importers.platforms.etsy import PLACEHOLDER_TITLE
from shopkeeper.services.charts import top_products
from shopkeeper.services.imports import undo_import
from shopkeeper.services.sku_links import links_source
from shopkeeper.services.stats import shop_stats


def item_rows() -> list[dict[str, str]]:
    # Etsy writes MM/DD/YY in Sale Date but MM/DD/YYYY in Date Paid / Date Shipped, in the same row.
    return [
        {"Sale Date": "12/26/21", "Item Name": "journey into outer space | sticker flakes", "Buyer": "Ann B (annb)",
         "Quantity": "1", "Price": "3.25", "Discount Amount": "0.00", "Shipping Discount": "0.00",
         "Order Shipping": "1", "Order Sales Tax": "0.25", "Item Total": "3.25", "Currency": "USD",
         "Transaction ID": "2807973906", "Listing ID": "839935919", "Date Paid": "12/26/2021",
         "Date Shipped": "01/02/2022", "Ship City": "North Las Vegas", "Ship State": "NV", "Ship Zipcode": "07661-1805",
         "Ship Country": "United States", "Order ID": "2323514365", "Order Type": "online"},
        {"Sale Date": "12/26/21", "Item Name": "a starry christmas", "Buyer": "Ann B (annb)", "Quantity": "2",
         "Price": "3.30", "Item Total": "6.6", "Currency": "USD", "Transaction ID": "2807973907",
         "Listing ID": "901561496", "Date Paid": "12/26/2021", "Order ID": "2323514365", "Order Shipping": "1",
         "Order Sales Tax": "0.25", "Variations": "Size:Small"},
        {"Sale Date": "12/19/21", "Item Name": "breakfast time", "Buyer": "zed99", "Quantity": "1", "Price": "3.35",
         "Item Total": "3.35", "Currency": "USD", "Transaction ID": "2800668861", "Listing ID": "901561497",
         "Date Paid": "12/19/2021", "Order ID": "2315756531", "SKU": "BT-1"},
    ]


def order_rows() -> list[dict[str, str]]:
    # As re-saved by Excel: 1/4/2024-style dates, trimmed numbers, zip without its leading zero.
    return [
        {"Sale Date": "12/26/2021", "Order ID": "2323514365", "Buyer User ID": "annb", "Full Name": "Ann Buyer",
         "Number of Items": "2", "Date Shipped": "1/2/2022", "Ship City": "North Las Vegas", "Ship Zipcode": "6084",
         "Ship Country": "United States", "Currency": "USD", "Order Value": "9.85", "Discount Amount": "0",
         "Shipping": "1", "Sales Tax": "0.25", "Order Total": "11.1", "Status": "", "Adjusted Order Total": "0",
         "Buyer": "Ann Buyer", "Order Type": "online", "Payment Type": "online_cc"},
        {"Sale Date": "12/31/2023", "Order ID": "3159107009", "Buyer User ID": "", "Full Name": "Guest Person",
         "Number of Items": "1", "Currency": "USD", "Order Value": "17", "Discount Amount": "4.25",
         "Shipping": "4.13", "Sales Tax": "0", "Order Total": "16.88", "Adjusted Order Total": "10",
         "Order Type": "online"},
    ]


def _items(tmp_path: Path, name: str = "EtsySoldOrderItems2021.csv") -> Path:
    # Etsy quotes exactly the cells (and header names) that contain a space.
    return write_export(tmp_path / name, ETSY_ITEMS, item_rows())


def _orders(tmp_path: Path) -> Path:
    return write_export(tmp_path / "EtsySoldOrders2023.csv", ETSY_ORDERS, order_rows(), delimiter="\t")


def test_items_first_creates_provisional_orders_then_the_orders_file_wins(shop: Database, tmp_path: Path) -> None:
    [items] = import_ok(shop, _items(tmp_path))
    assert (items.platform, items.kind, items.rows_added) == ("etsy", "order_lines", 3)
    provisional = shop.fetchone("SELECT total, subtotal, status, ordered_at, paid_at, buyer_id FROM orders "
                                "WHERE order_id = '2323514365'")
    assert provisional == (Decimal("11.10"), Decimal("9.85"), "shipped", datetime(2021, 12, 26, tzinfo=UTC),
                           datetime(2021, 12, 26, tzinfo=UTC), "annb")
    [orders] = import_ok(shop, _orders(tmp_path))
    assert (orders.kind, orders.rows_added, orders.rows_updated) == ("orders", 1, 1)
    final = shop.fetchone("SELECT total, subtotal, status, ship_country, buyer_id FROM orders "
                          "WHERE order_id = '2323514365'")
    assert final == (Decimal("11.10"), Decimal("9.85"), "shipped", "United States", "annb")
    assert shop.fetchone("SELECT status, refunded_amount, buyer_id FROM orders WHERE order_id = '3159107009'") == (
        "partially_refunded", Decimal("6.88"), "guest person")
    # the three items, and a stand-in for the order whose items are not in the items file
    assert shop.fetchall("SELECT order_id, line_no, quantity, line_total FROM order_lines ORDER BY 1, 2") == [
        ("2315756531", 1, 1, Decimal("3.35")), ("2323514365", 1, 1, Decimal("3.25")),
        ("2323514365", 2, 2, Decimal("6.60")), ("3159107009", 0, 1, Decimal("17.00"))]


def test_orders_first_then_items_only_fills_what_the_orders_file_left_empty(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _orders(tmp_path))
    before = shop.fetchall("SELECT * EXCLUDE (paid_at, ship_province, batch_id) FROM orders ORDER BY order_id")
    [items] = import_ok(shop, _items(tmp_path))
    # the stand-in lines the items replace make their orders' rows updates, the order with no stand-in an addition
    assert (items.rows_added, items.rows_updated) == (1, 2)
    after = shop.fetchall("SELECT * EXCLUDE (paid_at, ship_province, batch_id) FROM orders "
                          "WHERE order_id <> '2315756531' ORDER BY order_id")
    assert after == before  # the items file changed nothing the orders file said
    # the orders file has no payment date; the items file's fills it, as it would had it come first
    assert shop.scalar("SELECT paid_at FROM orders WHERE order_id = '2323514365'") == datetime(2021, 12, 26, tzinfo=UTC)
    # ... and so does its Ship State, which the orders file left empty
    assert shop.scalar("SELECT ship_province FROM orders WHERE order_id = '2323514365'") == "NV"
    lines = shop.fetchall("SELECT order_id, line_no, title, variant, quantity, unit_price, line_total FROM order_lines "
                          "ORDER BY order_id, line_no")
    assert lines == [
        ("2315756531", 1, "breakfast time", None, 1, Decimal("3.35"), Decimal("3.35")),
        ("2323514365", 1, "journey into outer space | sticker flakes", None, 1, Decimal("3.25"), Decimal("3.25")),
        ("2323514365", 2, "a starry christmas", "Size:Small", 2, Decimal("3.30"), Decimal("6.60")),
        ("3159107009", 0, PLACEHOLDER_TITLE, None, 1, Decimal("17.00"), Decimal("17.00")),
    ]


def test_both_orders_give_the_same_shop(tmp_path: Path) -> None:
    from export_files import open_fresh_shop

    a_dir, b_dir = tmp_path / "a", tmp_path / "b"
    a_dir.mkdir()
    b_dir.mkdir()
    a = open_fresh_shop(a_dir)
    b = open_fresh_shop(b_dir)
    import_ok(a, _items(a_dir), _orders(a_dir))
    import_ok(b, _orders(b_dir), _items(b_dir))
    assert a.fetchall("SELECT * EXCLUDE (batch_id) FROM orders ORDER BY order_id") == \
        b.fetchall("SELECT * EXCLUDE (batch_id) FROM orders ORDER BY order_id")
    assert a.fetchall("SELECT * EXCLUDE (batch_id) FROM buyers ORDER BY buyer_id") == \
        b.fetchall("SELECT * EXCLUDE (batch_id) FROM buyers ORDER BY buyer_id")
    assert a.fetchall("SELECT * EXCLUDE (batch_id) FROM order_lines ORDER BY 1, 2, 3") == \
        b.fetchall("SELECT * EXCLUDE (batch_id) FROM order_lines ORDER BY 1, 2, 3")
    a.close()
    b.close()


def test_overlapping_item_exports_number_lines_alike(shop: Database, tmp_path: Path) -> None:
    rows = item_rows()
    write_export(tmp_path / "a.csv", ETSY_ITEMS, rows[:2])
    write_export(tmp_path / "b.csv", ETSY_ITEMS, list(reversed(rows)))  # other order, same transactions
    import_ok(shop, tmp_path / "a.csv")
    [second] = import_ok(shop, tmp_path / "b.csv")
    assert (second.rows_added, second.rows_updated) == (1, 0)
    assert shop.scalar("SELECT count(*) FROM order_lines") == 3


def test_undo_of_items_then_orders_restores_everything(shop: Database, tmp_path: Path) -> None:
    empty = snapshot(shop)
    [items] = import_ok(shop, _items(tmp_path))
    after_items = snapshot(shop)
    [orders] = import_ok(shop, _orders(tmp_path))
    undo_import(shop, orders.batch_id)
    assert snapshot(shop) == after_items
    undo_import(shop, items.batch_id)
    assert snapshot(shop) == empty


def _lines_and_units(shop: Database) -> tuple[list[tuple], int]:
    lines = shop.fetchall("SELECT * EXCLUDE (batch_id) FROM order_lines ORDER BY 1, 2, 3")
    return lines, shop.scalar("SELECT coalesce(sum(quantity), 0) FROM order_lines")


def test_orders_alone_give_units_from_number_of_items(shop: Database, tmp_path: Path) -> None:
    [orders] = import_ok(shop, _orders(tmp_path))
    assert orders.rows_added == 2
    assert shop.fetchall("SELECT order_id, line_no, sku, quantity, unit_price, line_total, currency FROM order_lines "
                         "ORDER BY 1") == [
        ("2323514365", 0, None, 2, Decimal("4.93"), Decimal("9.85"), "USD"),  # 9.85 for 2 items
        ("3159107009", 0, None, 1, Decimal("17.00"), Decimal("17.00"), "USD")]
    assert shop_stats(shop)["units"] == 3
    # The stand-ins carry no wording of ours, and are no product in the best sellers.
    assert shop.fetchall("SELECT DISTINCT title FROM order_lines") == [("",)]
    assert shop.scalar("SELECT count(*) FROM sk_sales()") == 2  # both orders are sales the chart would count
    assert top_products(shop, date(2021, 1, 1), date(2022, 12, 31)) == []


def test_lines_end_the_same_in_any_import_order_and_never_double(tmp_path: Path) -> None:
    from export_files import open_fresh_shop

    shops = []
    for name, order in (("orders-items-orders", ("o", "i", "o")), ("items-orders", ("i", "o")),
                        ("orders-items", ("o", "i")), ("items-orders-items", ("i", "o", "i"))):
        folder = tmp_path / name
        folder.mkdir()
        db = open_fresh_shop(folder)
        files = {"o": _orders(folder), "i": _items(folder)}
        for step in order:
            import_ok(db, files[step])
        shops.append(_lines_and_units(db))
        db.close()
    # the two items of 2323514365, breakfast time, and the stand-in of 3159107009: 5 units
    assert all(s == shops[0] for s in shops), shops
    assert [(line[1], line[2], line[6]) for line in shops[0][0]] == [
        ("2315756531", 1, 1), ("2323514365", 1, 1), ("2323514365", 2, 2), ("3159107009", 0, 1)]
    assert shops[0][1] == 5


def test_orders_again_after_the_items_change_nothing(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _orders(tmp_path), _items(tmp_path))
    before = snapshot(shop)
    [again] = import_ok(shop, _orders(tmp_path))
    assert (again.rows_added, again.rows_updated) == (0, 0)
    assert snapshot(shop) == before


def test_undo_of_the_items_brings_the_stand_in_back(shop: Database, tmp_path: Path) -> None:
    empty = snapshot(shop)
    [orders] = import_ok(shop, _orders(tmp_path))
    after_orders = snapshot(shop)
    [items] = import_ok(shop, _items(tmp_path))
    assert shop.scalar("SELECT count(*) FROM order_lines WHERE line_no = 0 AND order_id = '2323514365'") == 0
    undo_import(shop, items.batch_id)
    assert snapshot(shop) == after_orders
    undo_import(shop, orders.batch_id)
    assert snapshot(shop) == empty


def test_listings_products_variants_and_stock(shop: Database, tmp_path: Path) -> None:
    rows = [
        {"TITLE": "I Eat Cat - Unisex Sweatshirt", "DESCRIPTION": "Warm.\r\n• 50% cotton\n• Pre-shrunk",
         "PRICE": "39.99", "CURRENCY_CODE": "USD", "QUANTITY": "80919", "TAGS": "cat,sweatshirt",
         "SKU": "66F927A9CDAD6_5436,66F927A9CDAD6_5437"},
        {"TITLE": "Sticker sheet", "DESCRIPTION": "Shiny", "PRICE": "26.5", "CURRENCY_CODE": "EUR", "QUANTITY": "4",
         "SKU": "STK-1"},
        {"TITLE": "Made to order print", "PRICE": "12", "CURRENCY_CODE": "USD", "QUANTITY": "999", "SKU": ""},
    ]
    [outcome] = import_ok(shop, write_export(tmp_path / "EtsyListingsDownload.csv", ETSY_LISTINGS, rows))
    assert (outcome.platform, outcome.kind, outcome.rows_added) == ("etsy", "listings", 3)
    assert shop.fetchall("SELECT listing_id, sku, title, price, currency, quantity FROM listings ORDER BY 1") == [
        ("66F927A9CDAD6_5436", None, "I Eat Cat - Unisex Sweatshirt", Decimal("39.99"), "USD", 80919),
        # no SKU: one item under its title's stand-in (domain/sku_lines.py)
        ("Made to order print", PRINT, "Made to order print", Decimal("12.00"), "USD", 999),
        ("STK-1", "STK-1", "Sticker sheet", Decimal("26.50"), "EUR", 4),
    ]
    assert shop.fetchall("SELECT sku, product_id FROM variants ORDER BY 1") == [
        ("66F927A9CDAD6_5436", "66F927A9CDAD6_5436"), ("66F927A9CDAD6_5437", "66F927A9CDAD6_5436"),
        ("STK-1", "STK-1"), (PRINT, "Made to order print")]
    # one quantity per listing: it is stock only where the listing has a single SKU (or none: its stand-in)
    assert sorted(shop.fetchall("SELECT sku, on_hand FROM stock_levels")) == [("STK-1", 4), (PRINT, 999)]


PRINT = stand_in_sku("etsy", "Made to order print")


def test_two_listings_with_one_title_and_no_sku_are_not_silently_made_one(shop: Database, tmp_path: Path) -> None:
    # Etsy's listings file has no listing id: without a SKU a listing is known by its title, and so are its sold
    # items. Two such listings would be one product whose price and stock the later row overwrote, reported as
    # "2 added". The first is kept; the second is rejected, naming the first, and the line says so.
    rows = [
        {"TITLE": "Made to order print", "PRICE": "12", "CURRENCY_CODE": "USD", "QUANTITY": "9", "SKU": ""},
        {"TITLE": "Sticker sheet", "PRICE": "4", "CURRENCY_CODE": "USD", "QUANTITY": "5", "SKU": "STK-1"},
        {"TITLE": "Made to  order print", "PRICE": "30", "CURRENCY_CODE": "USD", "QUANTITY": "2", "SKU": ""},
        # one SKU in two listings is one product by the seller's own naming: not refused
        {"TITLE": "Sticker sheet (big)", "PRICE": "6", "CURRENCY_CODE": "USD", "QUANTITY": "7", "SKU": "STK-1"},
    ]
    path = write_export(tmp_path / "EtsyListingsDownload.csv", ETSY_LISTINGS, rows)
    [outcome] = import_ok(shop, path)
    assert (outcome.rows_read, outcome.rows_added, outcome.rows_rejected) == (4, 3, 1)
    assert shop.fetchall("SELECT row_number, code, params FROM import_rejects") == [
        (3, "reject.same_title_without_sku", '{"row":1}')]
    assert shop.fetchall("SELECT price, quantity FROM listings WHERE sku = ?", [PRINT]) == [(Decimal("12.00"), 9)]
    assert shop.fetchall("SELECT sku, on_hand FROM stock_levels WHERE sku = ?", [PRINT]) == [(PRINT, 9)]
    # The same file again changes nothing and says it was imported.
    [again] = run_import(shop, path)
    assert again.already_imported


@pytest.mark.parametrize("listings_first", [True, False])
def test_a_listing_without_a_sku_and_its_sales_meet_in_either_order(shop: Database, tmp_path: Path,
                                                                    listings_first: bool) -> None:
    # Most small Etsy shops never set a SKU: the items and the listing meet by the listing's title.
    listing = write_export(tmp_path / "EtsyListingsDownload.csv", ETSY_LISTINGS, [
        {"TITLE": "Made to  order print", "PRICE": "12", "CURRENCY_CODE": "USD", "QUANTITY": "9", "SKU": ""}])
    items = write_export(tmp_path / "EtsySoldOrderItems2021.csv", ETSY_ITEMS, [
        {"Sale Date": "12/26/21", "Item Name": "Made to order print", "Buyer": "Ann B (annb)", "Quantity": "2",
         "Price": "12.00", "Item Total": "24.00", "Currency": "USD", "Transaction ID": "11", "Listing ID": "77",
         "Order ID": "5"},
        {"Sale Date": "12/27/21", "Item Name": "Never listed", "Buyer": "Bo (bo)", "Quantity": "1",
         "Price": "3.00", "Item Total": "3.00", "Currency": "USD", "Transaction ID": "12", "Listing ID": "78",
         "Order ID": "6"}])
    for path in (listing, items) if listings_first else (items, listing):
        import_ok(shop, path)
    # the file keeps no SKU; the lines are read under the stand-in
    assert shop.scalar("SELECT count(*) FROM order_lines WHERE sku IS NULL") == 2
    sold = dict(shop.fetchall("SELECT sku, sum(quantity)::INT FROM sk_sku_lines() GROUP BY 1"))
    assert sold == {PRINT: 2, stand_in_sku("etsy", "Never listed"): 1}
    catalogue = {r[0]: r[1:] for r in shop.fetchall("SELECT sku, title, in_variants FROM sk_catalogue()")}
    assert catalogue == {PRINT: ("Made to  order print", True),
                         stand_in_sku("etsy", "Never listed"): ("Never listed", False)}   # an order-only entry
    assert shop.fetchall("SELECT sku, on_hand FROM stock_levels") == [(PRINT, 9)]
    assert not shop.fetchall("SELECT * FROM sk_all_lines() WHERE sku IS NULL")


def test_etsy_quotes_only_cells_with_spaces_and_that_is_fine(shop: Database, tmp_path: Path) -> None:
    path = tmp_path / "EtsySoldOrderItems2021.csv"
    header = ",".join(f'"{h}"' if " " in h else h for h in ETSY_ITEMS)
    row = {h: "" for h in ETSY_ITEMS} | {"Sale Date": "12/26/21", "Item Name": "space, stars", "Buyer": "x (y)",
                                         "Quantity": "1", "Price": "3.25", "Currency": "USD",
                                         "Transaction ID": "1", "Order ID": "2", "Item Total": "3.25"}
    cells = [f'"{v}"' if " " in v else v for v in row.values()]
    path.write_text(header + "\n" + ",".join(cells) + "\n", encoding="utf-8")
    [outcome] = import_ok(shop, path)
    assert outcome.rows_added == 1
    assert shop.scalar("SELECT title FROM order_lines") == "space, stars"


# An items file that lacks a column its order's figures come from (a header cell damaged, a hand-cut copy)
# knows less about the order than one that has it: its provisional total must never be short of that part,
# whichever file came first, and whatever it changes the counts must tell.
NO_TAX = [h for h in ETSY_ITEMS if h != "Order Sales Tax"]
ORDER_ROW = ("SELECT subtotal, shipping, tax, total FROM orders WHERE order_id = '2323514365'")
WHOLE = (Decimal("9.85"), Decimal("1.00"), Decimal("0.25"), Decimal("11.10"))


def _no_tax(tmp_path: Path) -> Path:
    rows = [{k: v for k, v in row.items() if k != "Order Sales Tax"} for row in item_rows()]
    return write_export(tmp_path / "no-tax.csv", NO_TAX, rows)


def test_items_without_the_tax_column_leave_a_known_order_whole(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _items(tmp_path))
    before = snapshot(shop)
    [outcome] = import_ok(shop, _no_tax(tmp_path))
    assert (outcome.rows_read, outcome.rows_added, outcome.rows_updated, outcome.rows_rejected) == (3, 0, 0, 0)
    # what it knew of the orders is recorded (it says what the first file said); nothing else is touched
    assert {**snapshot(shop), "row_freshness": []} == {**before, "row_freshness": []}
    assert shop.fetchone(ORDER_ROW) == WHOLE


def test_the_items_file_with_the_tax_column_completes_an_order_one_without_it_made(shop: Database,
                                                                                   tmp_path: Path) -> None:
    import_ok(shop, _no_tax(tmp_path))
    # Without the column the tax is unknown, not zero; the total is what the file says the order holds.
    assert shop.fetchone(ORDER_ROW) == (Decimal("9.85"), Decimal("1.00"), None, Decimal("10.85"))
    [second] = import_ok(shop, _items(tmp_path))
    assert shop.fetchone(ORDER_ROW) == WHOLE
    # the order's two rows changed it; the other order's row changed nothing
    assert (second.rows_added, second.rows_updated) == (0, 2)
    undo_import(shop, second.batch_id)
    assert shop.fetchone(ORDER_ROW) == (Decimal("9.85"), Decimal("1.00"), None, Decimal("10.85"))


def test_a_change_only_to_a_provisional_order_counts_as_an_update(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _items(tmp_path))
    rows = item_rows()
    rows[2] = {**rows[2], "Date Shipped": "12/21/2021"}  # a later export: the order has shipped since
    [later] = import_ok(shop, write_export(tmp_path / "later.csv", ETSY_ITEMS, rows))
    assert shop.scalar("SELECT status FROM orders WHERE order_id = '2315756531'") == "shipped"
    assert (later.rows_added, later.rows_updated) == (0, 1)


def test_what_a_renamed_listing_sold_is_suggested_to_its_new_title(shop: Database, tmp_path: Path) -> None:
    # The listing sold as "Moon phase stickers"; the seller renamed it, so the download lists the new title only.
    # The old title's sales wait in the link queue with the renamed listing suggested; another listing of the
    # shop with a like title but its own SKU-less key is two products, never suggested for each other.
    import_ok(shop, write_export(tmp_path / "EtsySoldOrderItems2021.csv", ETSY_ITEMS, [
        {"Sale Date": "12/26/21", "Item Name": "Moon phase stickers", "Buyer": "Ann B (annb)", "Quantity": "2",
         "Price": "4.00", "Item Total": "8.00", "Currency": "USD", "Transaction ID": "21", "Listing ID": "87",
         "Order ID": "15"}]))
    import_ok(shop, write_export(tmp_path / "EtsyListingsDownload.csv", ETSY_LISTINGS, [
        {"TITLE": "Moon phase stickers sheet", "PRICE": "4", "CURRENCY_CODE": "USD", "QUANTITY": "9", "SKU": ""},
        {"TITLE": "Moon phase stickers sheet, gold", "PRICE": "5", "CURRENCY_CODE": "USD", "QUANTITY": "3",
         "SKU": ""}]))
    queue = {r[0]: dict(zip(links_source().column_keys(), r, strict=True))
             for r in links_source().page(shop, active=["waiting"])}
    old = queue[f"etsy:Etsy|{stand_in_sku('etsy', 'Moon phase stickers')}"]
    assert (old["suggested_sku"], old["suggestion_reason"], old["units_sold"]) == (
        stand_in_sku("etsy", "Moon phase stickers sheet"), "title", 2)
    assert set(queue) == {f"etsy:Etsy|{stand_in_sku('etsy', 'Moon phase stickers')}"}
