"""Stock you can trust (issue 9.6): on hand is the latest dated snapshot plus the orders after it.

Shops are built the way a seller builds them: WooCommerce product exports give
the counts (dated when the file was written), Amazon order reports the sales
and the returns, the seller's stock count is an edit.
"""

from __future__ import annotations

import csv
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cn_exports import Table, douyin_orders, jd_orders, taobao_orders, write_csv
from export_files import (
    AMAZON_ALL_ORDERS,
    EBAY_ORDERS,
    ETSY_ORDERS,
    SHOPIFY_ORDERS,
    WOO_ORDERS_PER_ITEM,
    import_ok,
    run_import,
    woo_products_header,
    write_export,
)

from shopkeeper.db.database import Database
from shopkeeper.domain.commands import CellEdit
from shopkeeper.services.change_sets import redo, undo
from shopkeeper.services.channel_stock import listed_stock
from shopkeeper.services.edits import edit_cells
from shopkeeper.services.imports import undo_import
from shopkeeper.services.stock_export import write_stock_update
from shopkeeper.services.stock_ledger import stock_history


def _products(path: Path, counts: dict[str, int], written: datetime) -> Path:
    rows = [{"ID": str(100 + i), "Type": "simple", "SKU": sku, "Name": f"Product {sku}", "Published": "1",
             "Stock": str(n), "Regular price": "10"} for i, (sku, n) in enumerate(counts.items())]
    write_export(path, woo_products_header(), rows)
    os.utime(path, (written.timestamp(), written.timestamp()))
    return path


def _orders(path: Path, orders: list[tuple[str, str, str, str, int]]) -> Path:
    """(order id, purchase instant, order status, sku, quantity) as Amazon's All Orders report."""
    rows = [{"amazon-order-id": oid, "purchase-date": at, "last-updated-date": at, "order-status": status,
             "product-name": f"Product {sku}", "sku": sku, "item-status": status, "quantity": str(qty),
             "currency": "USD", "item-price": f"{10 * qty}.00"} for oid, at, status, sku, qty in orders]
    return write_export(path, AMAZON_ALL_ORDERS, rows, delimiter="\t")


def _on_hand(shop: Database, sku: str) -> int | None:
    value = shop.scalar("SELECT on_hand FROM stock_levels WHERE sku = ?", [sku])
    return None if value is None else int(value)


def _everyone_agrees(shop: Database, sku: str) -> int:
    """The inventory readers see the stored, derived figure."""
    stored = _on_hand(shop, sku)
    assert stored is not None
    assert shop.scalar("SELECT on_hand FROM sk_on_hand() WHERE sku = ?", [sku]) == stored
    assert shop.scalar("SELECT on_hand FROM sk_available_stock() WHERE sku = ?", [sku]) == stored
    history = stock_history(shop, sku)
    assert history and history[-1].level == stored
    return stored


JAN_10 = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)
JAN_20 = datetime(2026, 1, 20, 12, 0, tzinfo=UTC)


def test_units_shipped_after_the_snapshot_come_off_and_earlier_ones_do_not(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _products(tmp_path / "products.csv", {"MUG": 20}, JAN_10))
    assert _everyone_agrees(shop, "MUG") == 20
    import_ok(shop, _orders(tmp_path / "orders.txt", [
        ("111-0000001", "2026-01-05T09:00:00+00:00", "Shipped", "MUG", 4),    # before the count: in it already
        ("111-0000002", "2026-01-11T09:00:00+00:00", "Shipped", "MUG", 2),
        ("111-0000003", "2026-01-12T09:00:00+00:00", "Shipped - Delivered to Buyer", "MUG", 1),
        ("111-0000004", "2026-01-13T09:00:00+00:00", "Unshipped", "MUG", 5),  # paid, still on the shelf: held
        ("111-0000005", "2026-01-14T09:00:00+00:00", "Canceled", "MUG", 7),
    ]))
    assert _everyone_agrees(shop, "MUG") == 17  # 20 - 2 - 1
    assert shop.scalar("SELECT available FROM sk_available_stock() WHERE sku = 'MUG'") == 12  # the paid 5 held
    kinds = [(h.kind, h.change, h.level) for h in stock_history(shop, "MUG")]
    assert kinds == [("snapshot", 20, 20), ("sale", -2, 18), ("sale", -1, 17)]


def test_goods_returned_to_the_seller_restock_a_refund_alone_does_not(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _products(tmp_path / "products.csv", {"MUG": 10, "CUP": 10}, JAN_10))
    import_ok(shop, _orders(tmp_path / "orders.txt", [
        ("111-0000001", "2026-01-11T09:00:00+00:00", "Shipped", "MUG", 3),
        ("111-0000002", "2026-01-11T10:00:00+00:00", "Shipped", "CUP", 3),
    ]))
    assert (_on_hand(shop, "MUG"), _on_hand(shop, "CUP")) == (7, 7)
    # A later report of the same orders: the mugs came back to the seller; the cups were refunded on Shopify's
    # or Etsy's terms elsewhere - here the report only says the order was shipped, so they stay gone.
    import_ok(shop, _orders(tmp_path / "orders-later.txt", [
        ("111-0000001", "2026-01-11T09:00:00+00:00", "Shipped - Returned to Seller", "MUG", 3),
        ("111-0000002", "2026-01-11T10:00:00+00:00", "Shipped", "CUP", 3),
    ]))
    assert _everyone_agrees(shop, "MUG") == 10
    assert _everyone_agrees(shop, "CUP") == 7
    assert [(h.kind, h.change, h.level) for h in stock_history(shop, "MUG")] == [
        ("snapshot", 10, 10), ("sale", -3, 7), ("return", 3, 10)]


def test_the_later_count_wins_whatever_order_the_files_come_in(tmp_path: Path) -> None:
    from export_files import open_fresh_shop

    older = _products(tmp_path / "products-jan10.csv", {"MUG": 20}, JAN_10)
    newer = _products(tmp_path / "products-jan20.csv", {"MUG": 6}, JAN_20)
    orders = _orders(tmp_path / "orders.txt", [("111-0000001", "2026-01-15T09:00:00+00:00", "Shipped", "MUG", 2),
                                               ("111-0000002", "2026-01-21T09:00:00+00:00", "Shipped", "MUG", 1)])
    results = []
    for name, files in (("a", (older, newer, orders)), ("b", (newer, orders, older)), ("c", (orders, newer, older))):
        db = open_fresh_shop(tmp_path, f"{name}.duckdb")
        try:
            for f in files:
                import_ok(db, f)
            results.append((_everyone_agrees(db, "MUG"),
                            [(h.kind, h.change, h.level) for h in stock_history(db, "MUG")]))
        finally:
            db.close()
    assert results[0] == results[1] == results[2]
    # The Jan 20 count (6) less the sale after it; the sale between the counts is what the second corrected.
    assert results[0] == (5, [("snapshot", 20, 20), ("sale", -2, 18), ("snapshot", -12, 6), ("sale", -1, 5)])


def test_importing_the_same_export_again_doubles_nothing(shop: Database, tmp_path: Path) -> None:
    products = _products(tmp_path / "products.csv", {"MUG": 20, "CUP": 4}, JAN_10)
    import_ok(shop, products)
    import_ok(shop, _orders(tmp_path / "orders.txt", [("111-1", "2026-01-11T09:00:00+00:00", "Shipped", "MUG", 2)]))
    before = shop.fetchall("SELECT * FROM stock_snapshots ORDER BY sku")
    [again] = run_import(shop, products)
    assert again.already_imported
    # The same counts written to another file of the same instant (a copy): nothing new either.
    copy = _products(tmp_path / "products-copy.csv", {"MUG": 20, "CUP": 4, "BOWL": 1}, JAN_10)
    import_ok(shop, copy)
    after = shop.fetchall("SELECT sku, on_hand FROM stock_snapshots ORDER BY sku")
    assert after == [("BOWL", 1), ("CUP", 4), ("MUG", 20)]
    assert len(before) == 2
    assert _everyone_agrees(shop, "MUG") == 18


def test_undoing_an_import_removes_its_snapshot(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _products(tmp_path / "jan10.csv", {"MUG": 20}, JAN_10))
    import_ok(shop, _orders(tmp_path / "orders.txt", [("111-1", "2026-01-15T09:00:00+00:00", "Shipped", "MUG", 2)]))
    [later] = import_ok(shop, _products(tmp_path / "jan20.csv", {"MUG": 6}, JAN_20))
    assert _everyone_agrees(shop, "MUG") == 6
    assert later.batch_id is not None
    undo_import(shop, later.batch_id)
    assert _everyone_agrees(shop, "MUG") == 18
    assert shop.scalar("SELECT count(*) FROM stock_snapshots") == 1


def test_a_stock_count_is_a_snapshot_at_its_instant_and_undoes(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _products(tmp_path / "products.csv", {"MUG": 20}, JAN_10))
    import_ok(shop, _orders(tmp_path / "orders.txt", [("111-1", "2026-01-15T09:00:00+00:00", "Shipped", "MUG", 2)]))
    result = edit_cells(shop, [CellEdit("stock", "MUG", "on_hand", "11")], who="test")
    assert _everyone_agrees(shop, "MUG") == 11
    count = shop.fetchone("SELECT counted_at, source, batch_id FROM stock_snapshots WHERE source = 'count'")
    assert count is not None and count[1:] == ("count", result.change_set_id)
    assert [(h.kind, h.change, h.source) for h in stock_history(shop, "MUG")][-1] == ("snapshot", -7, "count")
    undo(shop, who="test")
    assert _everyone_agrees(shop, "MUG") == 18
    assert shop.scalar("SELECT count(*) FROM stock_snapshots WHERE source = 'count'") == 0


def test_a_shop_imported_from_the_real_samples_derives_its_stock(samples_dir: Path, shop: Database) -> None:
    files = sorted((samples_dir / "woocommerce").rglob("*.csv")) + sorted((samples_dir / "shopify").rglob("products*.csv"))
    import_ok(shop, *files)
    counted = shop.scalar("SELECT count(DISTINCT sku) FROM stock_snapshots")
    assert counted > 0
    # No orders after the counts: each SKU holds the level of its latest count, as each reader sees it.
    mismatched = shop.fetchall(
        "SELECT s.sku FROM stock_levels s JOIN sk_on_hand() d USING (sku) WHERE s.on_hand <> d.on_hand")
    assert mismatched == []
    sku = shop.scalar("SELECT sku FROM stock_snapshots ORDER BY sku LIMIT 1")
    assert _everyone_agrees(shop, sku) == shop.scalar(
        "SELECT on_hand FROM sk_latest_snapshot() WHERE sku = ?", [sku])


# --- a sale leaves the shelf when it ships ---------------------------------------------------------------

SHOPIFY_WITHOUT_FULFILLED_AT = [h for h in SHOPIFY_ORDERS if h != "Fulfilled at"]


def _shopify_mug_order(path: Path, created: datetime, *, financial: str = "paid", fulfilled: datetime | None = None,
                       cancelled: datetime | None = None, header: list[str] = SHOPIFY_ORDERS) -> Path:
    """Shopify order #1001, one MUG-BLUE, as an orders export writes it at some moment of its life."""
    def stamp(at: datetime | None) -> str:
        return "" if at is None else at.strftime("%Y-%m-%d %H:%M:%S +0000")

    row = {"Name": "#1001", "Id": "5001", "Email": "a.buyer@example.com", "Currency": "USD", "Subtotal": "20.00",
           "Total": "20.00", "Created at": stamp(created), "Paid at": stamp(created + timedelta(minutes=1)),
           "Financial Status": financial, "Fulfillment Status": "fulfilled" if fulfilled else "unfulfilled",
           "Fulfilled at": stamp(fulfilled), "Cancelled at": stamp(cancelled), "Lineitem quantity": "1",
           "Lineitem name": "Blue Mug", "Lineitem price": "20.00", "Lineitem sku": "MUG-BLUE",
           "Billing Name": "A Buyer", "Refunded Amount": "20.00" if financial == "refunded" else "0.00"}
    return write_export(path, header, [{k: v for k, v in row.items() if k in header}])


def _mug(shop: Database) -> tuple[int, int, int, int]:
    """What the Shopify shop sees of MUG-BLUE: on hand, unshipped, available, listed."""
    [row] = [r for r in listed_stock(shop, "shopify:Shopify") if r.sku == "MUG-BLUE"]
    return row.on_hand, row.unshipped, row.available, row.listed


def _count_mug(shop: Database, on_hand: int) -> datetime:
    """The seller counts the shelf; returns the count's instant."""
    result = edit_cells(shop, [CellEdit("stock", "MUG-BLUE", "on_hand", str(on_hand))], who="test")
    counted = shop.scalar("SELECT counted_at FROM stock_snapshots WHERE batch_id = ?", [result.change_set_id])
    assert isinstance(counted, datetime)
    return counted


def test_an_order_unshipped_at_a_count_leaves_the_shelf_when_its_shipment_is_imported(
        shop: Database, tmp_path: Path) -> None:
    created = datetime.now(UTC) - timedelta(days=2)
    import_ok(shop, _shopify_mug_order(tmp_path / "orders_paid.csv", created))
    counted = _count_mug(shop, 10)
    assert shop.fetchone("SELECT held_orders FROM stock_snapshots WHERE source = 'count'") == (
        [{"shop_id": "shopify:Shopify", "order_id": "5001"}],)
    assert _mug(shop) == (10, 1, 9, 9)  # the counted 10 include the mug waiting to ship
    shipped = (counted + timedelta(hours=1)).replace(microsecond=0)  # an export writes whole seconds
    [outcome] = import_ok(shop, _shopify_mug_order(tmp_path / "orders_shipped.csv", created, fulfilled=shipped))
    # Before: 10 on hand and 10 available, one more than on the shelf.
    assert _mug(shop) == (9, 0, 9, 9)
    assert _everyone_agrees(shop, "MUG-BLUE") == 9
    assert shop.scalar("SELECT shipped_at FROM orders WHERE order_id = '5001'") == shipped
    assert [(h.occurred_at, h.kind, h.change, h.level) for h in stock_history(shop, "MUG-BLUE")] == [
        (counted, "snapshot", 10, 10), (shipped, "sale", -1, 9)]
    # The stock-update file tells Shopify what is on the shelf.
    update = write_stock_update(shop, "shopify", tmp_path / "inventory.csv")
    with (tmp_path / "inventory.csv").open(encoding="utf-8") as f:
        assert [r["Shop location"] for r in csv.DictReader(f)] == ["9"]  # the one SKU the shop sells
    assert (update.count, update.units) == (1, 9)
    assert outcome.batch_id is not None
    undo_import(shop, outcome.batch_id)
    assert _mug(shop) == (10, 1, 9, 9)


@pytest.mark.parametrize("export", ["no ship time", "ship time within the day before the count"])
def test_a_shipment_a_count_still_held_never_raises_available_stock(shop: Database, tmp_path: Path,
                                                                   export: str) -> None:
    created = datetime.now(UTC) - timedelta(days=2)
    import_ok(shop, _shopify_mug_order(tmp_path / "orders_paid.csv", created))
    counted = _count_mug(shop, 10)
    if export == "no ship time":
        shipped = _shopify_mug_order(tmp_path / "orders_shipped.csv", created, fulfilled=counted,
                                     header=SHOPIFY_WITHOUT_FULFILLED_AT)
    else:  # a ship time a little before the count (a day's date, a count typed after it was taken)
        shipped = _shopify_mug_order(tmp_path / "orders_shipped.csv", created, fulfilled=counted - timedelta(hours=3))
    import_ok(shop, shipped)
    assert _mug(shop) == (9, 0, 9, 9)
    assert [(h.occurred_at, h.kind, h.level) for h in stock_history(shop, "MUG-BLUE")][-2:] == [
        (counted, "snapshot", 10), (counted, "sale", 9)]


def test_an_order_shipped_before_the_count_is_already_out_of_it(shop: Database, tmp_path: Path) -> None:
    created = datetime.now(UTC) - timedelta(days=5)
    shipped_at = created + timedelta(days=1)
    # The seller counted before importing the export that says the mug had gone days before.
    import_ok(shop, _shopify_mug_order(tmp_path / "orders_paid.csv", created))
    _count_mug(shop, 10)
    import_ok(shop, _shopify_mug_order(tmp_path / "orders_shipped.csv", created, fulfilled=shipped_at))
    assert _mug(shop) == (10, 0, 10, 10)
    # Counted again after the shipment was imported: the count is what is on the shelf.
    _count_mug(shop, 8)
    assert _mug(shop) == (8, 0, 8, 8)


def test_an_order_cancelled_or_refunded_before_it_shipped_never_leaves_one_refunded_after_did(
        shop: Database, tmp_path: Path) -> None:
    created = datetime.now(UTC) - timedelta(days=2)
    import_ok(shop, _shopify_mug_order(tmp_path / "orders_paid.csv", created))
    counted = _count_mug(shop, 10)
    [cancelled] = import_ok(shop, _shopify_mug_order(tmp_path / "orders_cancelled.csv", created, financial="refunded",
                                                     cancelled=counted + timedelta(hours=1)))
    assert _mug(shop) == (10, 0, 10, 10)  # the held mug is free again, and it never left
    assert cancelled.batch_id is not None
    undo_import(shop, cancelled.batch_id)
    # Shipped, then refunded: the money went back, the goods left (a refund alone never restocks).
    import_ok(shop, _shopify_mug_order(tmp_path / "orders_refunded.csv", created, financial="refunded",
                                       fulfilled=counted + timedelta(hours=1)))
    assert _mug(shop) == (9, 0, 9, 9)


def test_undoing_a_count_forgets_the_orders_it_held_and_redo_brings_them_back(shop: Database,
                                                                            tmp_path: Path) -> None:
    created = datetime.now(UTC) - timedelta(days=2)
    import_ok(shop, _shopify_mug_order(tmp_path / "orders_paid.csv", created))
    _count_mug(shop, 10)
    held = shop.fetchall("SELECT * FROM stock_snapshots")
    undo(shop, who="test")
    assert shop.scalar("SELECT count(*) FROM stock_snapshots") == 0
    redo(shop, who="test")
    assert shop.fetchall("SELECT * FROM stock_snapshots") == held
    assert _mug(shop) == (10, 1, 9, 9)


def _with_column(table: Table, name: str, first_row_value: str) -> Table:
    """A Chinese platform's export with its ship-time column (when absent) filled in on the first row."""
    header, rows = table
    if name not in header:
        header, rows = [*header, name], [[*r, ""] for r in rows]
    at = header.index(name)
    return header, [[first_row_value if i == 0 and j == at else c for j, c in enumerate(r)] for i, r in enumerate(rows)]


def _ship_time_export(platform: str, path: Path) -> Path:
    """One order export of `platform` whose first order says when it shipped."""
    if platform == "etsy":
        return write_export(path, ETSY_ORDERS, [{
            "Sale Date": "12/26/2021", "Order ID": "2323514365", "Buyer User ID": "annb", "Number of Items": "1",
            "Date Shipped": "01/02/2022", "Currency": "USD", "Order Value": "3.25", "Order Total": "3.25",
            "Status": "Completed"}])
    if platform == "ebay":
        return write_export(path, EBAY_ORDERS, [{
            "Sales Record Number": "1001", "Order Number": "16-14679-61003", "Buyer Username": "koala_k",
            "Item Title": "Tent", "Quantity": "1", "Sold For": "AU $20.00", "Total Price": "AU $20.00",
            "Sale Date": "26-May-26", "Paid On Date": "26-May-26", "Shipped On Date": "28-May-26"}])
    if platform == "woocommerce":
        return write_export(path, [*WOO_ORDERS_PER_ITEM, "date_completed"], [{
            "order_id": "77", "order_number": "77", "order_date": "2024-03-01T08:00:00+01:00", "status": "completed",
            "date_completed": "2024-03-02T16:30:00+01:00", "order_total": "10.00", "order_currency": "EUR",
            "billing_email": "w@example.com", "item_name": "Cup", "item_sku": "CUP", "item_quantity": "1",
            "item_total": "10.00"}])
    table = {"taobao": _with_column(taobao_orders("new"), "发货时间", "2020-02-21 18:00:00"),
             "jd": _with_column(jd_orders(), "出库时间", "2020-02-21 18:00:00"),
             "douyin": _with_column(douyin_orders(), "发货时间", "2020-02-21 18:00:00")}[platform]
    return write_csv(path, table, encoding="utf-8" if platform == "douyin" else "gbk")


@pytest.mark.parametrize(("platform", "shipped"), [
    ("etsy", datetime(2022, 1, 2, tzinfo=UTC)),  # the day only: its start
    ("ebay", datetime(2026, 5, 28, tzinfo=UTC)),
    ("woocommerce", datetime(2024, 3, 2, 15, 30, tzinfo=UTC)),
    ("taobao", datetime(2020, 2, 21, 10, 0, tzinfo=UTC)),  # Beijing time
    ("jd", datetime(2020, 2, 21, 10, 0, tzinfo=UTC)),
    ("douyin", datetime(2020, 2, 21, 10, 0, tzinfo=UTC)),
])
def test_each_export_that_says_when_an_order_shipped_is_read(shop: Database, tmp_path: Path, platform: str,
                                                               shipped: datetime) -> None:
    [outcome] = import_ok(shop, _ship_time_export(platform, tmp_path / f"{platform}-orders.csv"))
    assert outcome.platform == platform
    assert shop.fetchall("SELECT DISTINCT shipped_at FROM orders WHERE shipped_at IS NOT NULL") == [(shipped,)]
