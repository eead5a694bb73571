"""The shop never depends on the order files are imported in (issue 7, items 2 and 3).

The same set of exports - an older and a newer Shopify export of the same
orders, a Shopify file without the Id column, two Shopify customers exports,
Taobao order and line reports, three WooCommerce exports - imported in any
order gives the same stats and the same order, line and buyer rows; an order has one identity whatever columns a
file carries; a file cut mid-row adds no order.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from cn_exports import PDD_HEADER, TAOBAO_ORDERS, taobao_lines, taobao_orders, write_csv
from export_files import (
    SHOPIFY_CUSTOMERS,
    SHOPIFY_ORDERS,
    WOO_ORDERS_PER_ITEM,
    import_ok,
    open_fresh_shop,
    run_import,
    snapshot,
    write_export,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.services.imports import list_imports, rejects, undo_import
from shopkeeper.services.stats import shop_stats
from shopkeeper.services.stock_ledger import stock_history

SHOPIFY_WITHOUT_ID = [h for h in SHOPIFY_ORDERS if h != "Id"]


def shopify_order(number: int, *, status: str = "paid", fulfilled: str = "", cancelled: str = "",
                  refunded: str = "0.00", name: str = "Ann Lee", city: str = "Toronto", lines: int = 2,
                  paid: str = "2025-01-10 12:05:00 -0500") -> list[dict[str, str]]:
    """One order as Shopify exports it: order fields on the first row, the lines below."""
    created = f"2025-01-{number % 28 + 1:02d} 12:00:00 -0500"
    first = {"Name": f"#{number}", "Email": f"buyer{number}@example.com", "Financial Status": status,
             "Paid at": paid if status != "pending" else "", "Fulfillment Status": "fulfilled" if fulfilled else "",
             "Fulfilled at": fulfilled, "Cancelled at": cancelled, "Currency": "CAD", "Subtotal": "30.00",
             "Total": "30.00", "Refunded Amount": refunded, "Id": f"55012{number:05d}", "Created at": created,
             "Billing Name": name, "Billing City": city}
    rows = []
    for n in range(lines):
        cells = first if n == 0 else {"Name": first["Name"], "Email": first["Email"], "Created at": created}
        rows.append({**cells, "Lineitem quantity": "1", "Lineitem name": f"Item {n + 1}", "Lineitem price": "15.00",
                     "Lineitem sku": f"SKU-{n + 1}"})
    return rows


def shopify_file(path: Path, *orders: list[dict[str, str]], header: list[str] = SHOPIFY_ORDERS) -> Path:
    rows = [{k: v for k, v in row.items() if k in header} for o in orders for row in o]
    return write_export(path, header, rows)


def woo_order(number: int, status: str, total: str = "30.00") -> list[dict[str, str]]:
    common = {"order_id": str(number), "order_number": str(number), "order_date": "2024-03-01T08:00:00+01:00",
              "status": status, "order_total": total, "order_currency": "EUR", "billing_email": "w@example.com",
              "billing_first_name": "Wen", "billing_city": "Lyon"}
    return [{**common, "item_id": "1", "item_name": "Cup", "item_sku": "CUP", "item_quantity": "1",
             "item_total": "10.00"},
            {**common, "item_id": "2", "item_name": "Plate", "item_sku": "PLT", "item_quantity": "2",
             "item_total": "20.00"}]


def export_set(folder: Path) -> list[Path]:
    """The exports of one shop over time; see the module docstring."""
    folder.mkdir(parents=True, exist_ok=True)
    older = shopify_file(
        folder / "orders_export_1.csv",
        shopify_order(1001), shopify_order(1002), shopify_order(1003, status="pending"),
        shopify_order(1004, lines=3))
    newer = shopify_file(
        folder / "orders_export_2.csv",
        # #1001 shipped, #1002 refunded and cancelled, #1003 paid; the buyer moved; #1004 lost a line
        shopify_order(1001, fulfilled="2025-02-01 09:00:00 -0500", name="Ann Lee-Park", city="Ottawa"),
        shopify_order(1002, status="refunded", refunded="30.00", cancelled="2025-02-03 10:00:00 -0500"),
        shopify_order(1003, paid="2025-02-02 08:00:00 -0500"),
        shopify_order(1004, status="partially_refunded", refunded="15.00", lines=2),
        shopify_order(1005))
    # a file without the Id column: the same orders, as they were before the refunds
    no_ids = shopify_file(folder / "orders_export_no_id.csv", shopify_order(1002), shopify_order(1004, lines=3),
                          shopify_order(1006), header=SHOPIFY_WITHOUT_ID)
    # Taobao: the order report a week later (one order shipped -> completed, one paid -> refunded) and the lines
    later = {**TAOBAO_ORDERS}
    later["2890123456789012349"] = {**later["2890123456789012349"], "订单状态": "交易成功"}
    later["2890123456789012345"] = {**later["2890123456789012345"], "订单状态": "交易关闭", "退款金额": "598.00"}
    header, rows = taobao_orders("new")
    _, later_rows = _taobao_with(later)
    taobao_early = write_csv(folder / "ExportOrderList202002210000.csv", (header, rows))
    taobao_late = write_csv(folder / "ExportOrderList202002280000.csv", (header, later_rows))
    taobao_items = write_csv(folder / "ExportOrderDetailList202002210000.csv", taobao_lines("new"))
    woo_early = write_export(folder / "woo-orders-1.csv", WOO_ORDERS_PER_ITEM,
                             woo_order(77, "processing") + woo_order(78, "processing"))
    woo_late = write_export(folder / "woo-orders-2.csv", WOO_ORDERS_PER_ITEM,
                            woo_order(77, "completed") + woo_order(78, "refunded"))
    # WooCommerce's own CSV export names no currency: #77 again (the others named it EUR) and a new #79
    woo_silent = write_export(folder / "woo-orders-3.csv", WOO_WITHOUT_CURRENCY,
                              [_without_currency(r) for r in woo_order(77, "completed") + woo_order(79, "completed")])
    # The buyer of #1005 in two customers exports: the later one (two orders by then) has moved and has a phone
    customers_early = write_export(folder / "customers_export_1.csv", SHOPIFY_CUSTOMERS,
                                   [customer(1005, "Annie", "Toronto", orders=1, spent="30.00")])
    customers_late = write_export(folder / "customers_export_2.csv", SHOPIFY_CUSTOMERS,
                                  [customer(1005, "Annie", "Montréal", orders=2, spent="60.00",
                                            phone="'+1 514 555 0142")])
    return [older, newer, no_ids, taobao_early, taobao_late, taobao_items, woo_early, woo_late, woo_silent,
            customers_early, customers_late]


def customer(number: int, first: str, city: str, *, orders: int, spent: str, phone: str = "") -> dict[str, str]:
    """One row of a Shopify customers export for the buyer of order #`number`."""
    return {"Customer ID": f"'7{number:05d}", "First Name": first, "Last Name": "Lee",
            "Email": f"buyer{number}@example.com", "Default Address City": city, "Phone": phone,
            "Total Spent": spent, "Total Orders": str(orders)}


WOO_WITHOUT_CURRENCY = [h for h in WOO_ORDERS_PER_ITEM if h != "order_currency"]


def _without_currency(row: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in row.items() if k != "order_currency"}


def _taobao_with(orders: dict[str, dict[str, str]]) -> tuple[list[str], list[list[str]]]:
    import cn_exports

    saved = dict(cn_exports.TAOBAO_ORDERS)
    cn_exports.TAOBAO_ORDERS.clear()
    cn_exports.TAOBAO_ORDERS.update(orders)
    try:
        return taobao_orders("new")
    finally:
        cn_exports.TAOBAO_ORDERS.clear()
        cn_exports.TAOBAO_ORDERS.update(saved)


def shop_rows(db: Database) -> dict[str, object]:
    """What a seller sees: stats and every order, line and buyer row (which import wrote it aside)."""
    rows: dict[str, object] = {"stats": {k: v for k, v in shop_stats(db).items()}}
    for table, order in (("orders", "shop_id, order_id"), ("order_lines", "shop_id, order_id, line_no"),
                         ("buyers", "shop_id, buyer_id")):
        rows[table] = db.fetchall(f"SELECT * EXCLUDE (batch_id) FROM {table} ORDER BY {order}")
    rows["members"] = db.fetchall("SELECT member_id, display_name, email, phone FROM members ORDER BY 1")
    return rows


def import_in_order(folder: Path, files: list[Path], order: tuple[int, ...],
                    rows_of: Callable[[Database], dict] = shop_rows) -> tuple[dict, dict, dict]:
    """Import `files` in `order` into a new shop; (rows, state before the last file, state after undoing it)."""
    db = open_fresh_shop(folder)
    try:
        for i in order[:-1]:
            import_ok(db, files[i])
        before_last = snapshot(db)
        [last] = import_ok(db, files[order[-1]])
        rows = rows_of(db)
        if last.batch_id is not None:
            undo_import(db, last.batch_id)
        return rows, before_last, snapshot(db)
    finally:
        db.close()


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], dict[str, object]]:
    folder = tmp_path_factory.mktemp("exports")
    files = export_set(folder / "files")
    reference, _, _ = import_in_order(folder / "reference", files, tuple(range(len(files))))
    return files, reference


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(11)))
def test_any_import_order_gives_the_same_shop(exports: tuple[list[Path], dict[str, object]], order: list[int],
                                              tmp_path_factory: pytest.TempPathFactory) -> None:
    files, reference = exports
    rows, before_last, after_undo = import_in_order(tmp_path_factory.mktemp("shop"), files, tuple(order))
    assert rows == reference
    assert after_undo == before_last


def test_the_reference_shop_says_what_the_newest_data_says(exports: tuple[list[Path], dict[str, object]],
                                                          tmp_path: Path) -> None:
    files, reference = exports
    # newest file first: the older files must not undo a refund, a cancellation or a shipment
    rows, _, _ = import_in_order(tmp_path, files, (10, 8, 1, 4, 7, 0, 2, 3, 5, 6, 9))
    assert rows == reference
    db = open_fresh_shop(tmp_path / "check")
    try:
        import_ok(db, *[files[i] for i in (10, 8, 1, 0, 2, 4, 3, 5, 7, 6, 9)])
        status = dict(db.fetchall("SELECT order_number, status FROM orders WHERE shop_id LIKE 'shopify:%'"))
        assert status == {"#1001": "shipped", "#1002": "refunded", "#1003": "paid", "#1004": "partially_refunded",
                          "#1005": "paid", "#1006": "paid"}
        assert db.scalar("SELECT count(*) FROM order_lines WHERE order_id = '5501201004'") == 2
        assert db.fetchone("SELECT name, city FROM buyers WHERE buyer_id = 'buyer1001@example.com'") == (
            "Ann Lee-Park", "Ottawa")
        # the buyer's own account, as the later customers export has it, over the orders' billing name
        assert db.fetchone("SELECT name, city, phone FROM buyers WHERE buyer_id = 'buyer1005@example.com'") == (
            "Annie Lee", "Montréal", "+1 514 555 0142")
        assert dict(db.fetchall("SELECT order_id, status FROM orders WHERE shop_id LIKE 'woocommerce:%'")) == {
            "77": "completed", "78": "refunded", "79": "completed"}
        # #79's file named no currency: it is in the shop's, which the orders that name one say is EUR,
        # although that file came first, when the shop knew no currency yet
        assert db.fetchall("SELECT DISTINCT currency FROM orders WHERE shop_id LIKE 'woocommerce:%' "
                           "UNION SELECT DISTINCT currency FROM order_lines WHERE shop_id LIKE 'woocommerce:%'") == [
            ("EUR",)]
        assert db.fetchone("SELECT status, refunded_amount FROM orders WHERE order_id = '2890123456789012345'") == (
            "refunded", Decimal("598.00"))
        assert shop_stats(db)["refunded_orders"] == reference["stats"]["refunded_orders"] == 4  # type: ignore[index]
    finally:
        db.close()


# --- stock: a sale leaves the shelf when it ships, whichever file said so first ---------------------------

# The products export's stock counts were written on 20 January; the orders around it shipped on either side.
STOCK_COUNTED = datetime(2025, 1, 20, 17, 0, tzinfo=UTC)
SHOPIFY_WITHOUT_FULFILLED_AT = [h for h in SHOPIFY_ORDERS if h != "Fulfilled at"]


def _pdd_file(path: Path, *orders: tuple[str, str, str, str, str]) -> Path:
    """(order number, 订单成交时间, 订单状态, 发货时间, quantity) of TEE-L, as a Pinduoduo order export."""
    rows = [{"订单成交时间": when, "商品": "纯棉短袖T恤", "订单号": number, "订单状态": status,
             "商品总价(元)": "59.80", "邮费(元)": "0", "用户实付金额(元)": "59.80", "商家实收金额(元)": "59.80",
             "商品数量(件)": qty, "发货时间": shipped, "商家编码-规格维度": "TEE-L", "售后状态": "无售后或售后取消",
             "收货人": "陈**", "手机": "138****5678"} for number, when, status, shipped, qty in orders]
    return write_csv(path, (list(PDD_HEADER), [[r.get(h, "") for h in PDD_HEADER] for r in rows]))


def stock_export_set(folder: Path) -> list[Path]:
    """A products export with stock counts, and the orders around it: paid then shipped after the counts,
    shipped before them, cancelled before shipping, shipped with and without a ship time in the file."""
    folder.mkdir(parents=True, exist_ok=True)
    products = write_export(folder / "products_export.csv",
                            ["Handle", "Title", "Variant SKU", "Variant Price", "Variant Inventory Qty"],
                            [{"Handle": h, "Title": h, "Variant SKU": sku, "Variant Price": "15.00",
                              "Variant Inventory Qty": qty}
                             for h, sku, qty in (("item-1", "SKU-1", "50"), ("item-2", "SKU-2", "40"),
                                                 ("tee", "TEE-L", "30"))])
    os.utime(products, (STOCK_COUNTED.timestamp(), STOCK_COUNTED.timestamp()))
    early = shopify_file(folder / "orders_export_1.csv", shopify_order(2001),
                         shopify_order(2002, fulfilled="2025-01-16 09:00:00 -0500"), shopify_order(2003))
    later = [shopify_order(2001, fulfilled="2025-01-25 09:00:00 -0500"),  # paid before the counts, shipped after
             shopify_order(2002, fulfilled="2025-01-16 09:00:00 -0500"),  # shipped before: out of the counts
             shopify_order(2003, status="refunded", refunded="30.00", cancelled="2025-01-22 10:00:00 -0500"),
             shopify_order(2004, fulfilled="2025-01-27 09:00:00 -0500")]  # only ever seen shipped
    late = shopify_file(folder / "orders_export_2.csv", *later)
    # the same orders from a file without the Fulfilled at column: shipped, but not when
    late_no_time = shopify_file(folder / "orders_export_3.csv", *later, header=SHOPIFY_WITHOUT_FULFILLED_AT)
    pdd_early = _pdd_file(folder / "pdd-orders-1.csv", ("250115-000000000000001", "2025-01-15 10:00:00", "待发货", "", "2"),
                          ("250115-000000000000002", "2025-01-15 11:00:00", "已发货，待签收", "2025-01-16 09:00:00", "1"))
    pdd_late = _pdd_file(folder / "pdd-orders-2.csv",
                         ("250115-000000000000001", "2025-01-15 10:00:00", "已发货，待签收", "2025-01-25 09:00:00", "2"),
                         ("250115-000000000000002", "2025-01-15 11:00:00", "已签收", "2025-01-16 09:00:00", "1"))
    return [products, early, late, late_no_time, pdd_early, pdd_late]


def stock_rows(db: Database) -> dict[str, object]:
    """What the seller sees of stock: each SKU's on hand, unshipped and available, its history, and the orders'
    ship times (which import wrote them aside)."""
    skus = [r[0] for r in db.fetchall("SELECT sku FROM stock_snapshots ORDER BY sku")]
    return {
        "stock": db.fetchall("SELECT sku, on_hand, unshipped, available FROM sk_available_stock() WHERE counted"
                             " ORDER BY sku"),
        "history": {sku: [(h.occurred_at, h.kind, h.change, h.level) for h in stock_history(db, sku)] for sku in skus},
        "shipped": db.fetchall("SELECT shop_id, order_id, status, shipped_at FROM orders ORDER BY 1, 2"),
    }


def import_stock_files(folder: Path, files: list[Path], order: tuple[int, ...]) -> tuple[dict, dict, dict]:
    """As `import_in_order`, with the stock rows."""
    return import_in_order(folder, files, order, stock_rows)


@pytest.fixture(scope="module")
def stock_exports(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], dict[str, object]]:
    folder = tmp_path_factory.mktemp("stock_exports")
    files = stock_export_set(folder / "files")
    reference, _, _ = import_stock_files(folder / "reference", files, tuple(range(len(files))))
    return files, reference


def test_the_reference_stock_takes_each_sale_off_when_it_shipped(
        stock_exports: tuple[list[Path], dict[str, object]]) -> None:
    _, reference = stock_exports
    # The counts less what shipped after them: #2001 and #2004 (one of each item), the two TEE-L of the first
    # Pinduoduo order. #2002 and the other tee left before the counts; #2003 was cancelled before it shipped.
    # (Dated when ordered, before the counts, every one of them was taken as already out of the counts.)
    assert reference["stock"] == [("SKU-1", 48, 0, 48), ("SKU-2", 38, 0, 38), ("TEE-L", 28, 0, 28)]
    shipped = {order: at for _shop, order, _status, at in reference["shipped"]}  # type: ignore[attr-defined]
    assert shipped["5501202001"] == datetime(2025, 1, 25, 14, 0, tzinfo=UTC)
    assert shipped["5501202003"] is None
    assert shipped["250115-000000000000001"] == datetime(2025, 1, 25, 1, 0, tzinfo=UTC)  # Beijing time


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(6)))
def test_any_import_order_gives_the_same_stock(stock_exports: tuple[list[Path], dict[str, object]], order: list[int],
                                               tmp_path_factory: pytest.TempPathFactory) -> None:
    files, reference = stock_exports
    rows, before_last, after_undo = import_stock_files(tmp_path_factory.mktemp("stock"), files, tuple(order))
    assert rows == reference
    assert after_undo == before_last


def test_the_stock_is_the_same_with_the_newest_files_first(stock_exports: tuple[list[Path], dict[str, object]],
                                                          tmp_path: Path) -> None:
    files, reference = stock_exports
    rows, _, _ = import_stock_files(tmp_path, files, (5, 3, 2, 4, 1, 0))
    assert rows == reference


# --- item 3: one order, one identity ------------------------------------------------------------------


def many_orders(n: int) -> list[list[dict[str, str]]]:
    return [shopify_order(1000 + i, lines=1 + i % 2) for i in range(n)]


def test_a_file_without_the_id_column_updates_orders_imported_by_id(shop: Database, tmp_path: Path) -> None:
    orders = many_orders(185)
    import_ok(shop, shopify_file(tmp_path / "with_id.csv", *orders))
    assert shop.scalar("SELECT count(*) FROM orders") == 185
    [no_id] = import_ok(shop, shopify_file(tmp_path / "without_id.csv", *orders, header=SHOPIFY_WITHOUT_ID))
    assert shop.scalar("SELECT count(*) FROM orders") == 185
    assert no_id.rows_added == 0
    assert shop.scalar("SELECT count(*) FROM orders WHERE order_id = order_number") == 0


def test_undo_of_a_name_only_file_that_updated_orders_by_id_restores_them(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, shopify_file(tmp_path / "with_id.csv", *many_orders(10)))
    before = snapshot(shop)
    refunded = [shopify_order(1000 + i, status="refunded", refunded="30.00", lines=1 + i % 2) for i in range(10)]
    [no_id] = import_ok(shop, shopify_file(tmp_path / "without_id.csv", *refunded, header=SHOPIFY_WITHOUT_ID))
    assert (no_id.rows_added, no_id.rows_updated) == (0, 10)
    assert shop.scalar("SELECT count(*) FROM orders WHERE status = 'refunded'") == 10
    assert no_id.batch_id is not None
    undo_import(shop, no_id.batch_id)
    assert snapshot(shop) == before


def test_an_id_file_after_a_name_only_file_rekeys_the_orders_and_undo_restores_them(
        shop: Database, tmp_path: Path) -> None:
    orders = many_orders(20)
    import_ok(shop, shopify_file(tmp_path / "without_id.csv", *orders, header=SHOPIFY_WITHOUT_ID))
    by_name = snapshot(shop)
    assert shop.scalar("SELECT count(*) FROM orders WHERE order_id = order_number") == 20
    newer = [shopify_order(1000 + i, lines=1 + i % 2, fulfilled="2025-03-01 10:00:00 -0500") for i in range(20)]
    [with_id] = import_ok(shop, shopify_file(tmp_path / "with_id.csv", *newer))
    assert shop.scalar("SELECT count(*) FROM orders") == 20
    assert shop.scalar("SELECT count(*) FROM orders WHERE order_id = order_number") == 0
    assert shop.scalar("SELECT count(DISTINCT order_id) FROM order_lines") == 20
    assert shop.scalar("SELECT count(*) FROM orders WHERE status = 'shipped'") == 20
    assert with_id.batch_id is not None
    undo_import(shop, with_id.batch_id)
    assert snapshot(shop) == by_name


def test_a_cut_file_adds_no_second_order_and_reports_the_cut_row(shop: Database, tmp_path: Path) -> None:
    orders = many_orders(30)
    full = shopify_file(tmp_path / "orders_export.csv", *orders)
    import_ok(shop, full)
    before = {k: v for k, v in shop_rows(shop).items() if k != "stats"}
    # the copy stopped inside the first row of #1022, before its Id
    text = full.read_text(encoding="utf-8")
    start = text.index("\n#1022,") + 1
    cut = tmp_path / "orders_export_cut.csv"
    cut.write_text(text[:start + 200], encoding="utf-8")
    [outcome] = run_import(shop, cut)
    assert outcome.ok
    assert shop.scalar("SELECT count(*) FROM orders WHERE order_number = '#1022'") == 1
    assert shop.scalar("SELECT count(*) FROM orders") == 30
    assert {k: v for k, v in shop_rows(shop).items() if k != "stats"} == before
    reasons = {r[3] for r in rejects(shop, outcome.batch_id)}
    assert "the file ends in the middle of this row (it was cut short)" in reasons


def test_a_cut_file_alone_imports_the_whole_rows_only(shop: Database, tmp_path: Path) -> None:
    text = shopify_file(tmp_path / "full.csv", *many_orders(5)).read_text(encoding="utf-8")
    cut = tmp_path / "cut.csv"
    cut.write_text(text[:text.index("\n#1004,") + 40], encoding="utf-8")
    [outcome] = run_import(shop, cut)
    assert outcome.ok and outcome.rows_rejected == 1
    assert [r[0] for r in shop.fetchall("SELECT order_number FROM orders ORDER BY 1")] == [
        "#1000", "#1001", "#1002", "#1003"]


def test_a_last_row_without_a_line_break_is_not_cut_when_it_is_whole(shop: Database, tmp_path: Path) -> None:
    path = shopify_file(tmp_path / "orders.csv", *many_orders(3))
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    [outcome] = import_ok(shop, path)
    assert outcome.rows_rejected == 0 and shop.scalar("SELECT count(*) FROM orders") == 3


# --- the real samples ---------------------------------------------------------------------------------

SHOPIFY_SAMPLES = (
    "shopify/luistatera__forezia-mock-data/orders_export.csv",
    "shopify/FelixTellmann__kidsliving-api/orders_export.REDACTED-EXCERPT.csv",
    "shopify/looker101__scaricaArticoli/orders_export.REDACTED-EXCERPT.csv",
)


def test_every_order_of_the_real_shopify_exports_gives_the_same_stats(samples_dir: Path, tmp_path: Path) -> None:
    results = []
    for n, order in enumerate(itertools.permutations(SHOPIFY_SAMPLES)):
        db = open_fresh_shop(tmp_path, f"shop{n}.duckdb")
        try:
            for rel in order:
                import_ok(db, samples_dir / rel, shop_name="One shop")
            results.append((shop_stats(db) | {"imports": None}, shop_rows(db)))
            assert len(list_imports(db)) == 3
        finally:
            db.close()
    assert all(r == results[0] for r in results[1:])


def _first_import_currencies(tmp_path: Path, *paths: Path) -> list[object]:
    results = []
    for n, order in enumerate((paths, tuple(reversed(paths)))):
        db = open_fresh_shop(tmp_path, f"shop{n}.duckdb")
        try:
            for path in order:
                import_ok(db, path)
            results.append((shop_stats(db)["order_total"],
                             db.fetchall("SELECT order_id, currency, currency_from FROM orders ORDER BY 1"),
                             db.fetchall("SELECT sku, currency, currency_from FROM variants ORDER BY 1"),
                             db.fetchall("SELECT listing_id, currency, currency_from FROM listings ORDER BY 1")))
        finally:
            db.close()
    assert results[0] == results[1]
    return results[0]


def test_a_file_without_a_currency_gives_the_same_stats_in_either_order(tmp_path: Path) -> None:
    named = write_export(tmp_path / "woo-orders-1.csv", WOO_ORDERS_PER_ITEM,
                         woo_order(77, "completed") + woo_order(78, "completed"))
    silent = write_export(tmp_path / "woo-orders-2.csv", WOO_WITHOUT_CURRENCY,
                          [_without_currency(r) for r in woo_order(79, "completed")])
    totals, orders, _, _ = _first_import_currencies(tmp_path, named, silent)
    # Imported first, #79 took the platform's usual USD; once the EUR orders came it is in EUR.
    assert totals == {"EUR": "90.00"}
    assert orders == [("77", "EUR", "file"), ("78", "EUR", "file"), ("79", "EUR", "woocommerce:WooCommerce")]


def test_a_products_export_takes_the_currency_of_its_shops_orders_whichever_came_first(tmp_path: Path) -> None:
    # Shopify's products export names no currency.
    products = write_export(tmp_path / "products_export.csv", ["Handle", "Title", "Variant SKU", "Variant Price"],
                            [{"Handle": "mug", "Title": "Mug", "Variant SKU": "MUG-1", "Variant Price": "9.50"},
                             {"Handle": "cap", "Title": "Cap", "Variant SKU": "CAP-1", "Variant Price": "12.00"}])
    orders = shopify_file(tmp_path / "orders_export.csv", shopify_order(1001), shopify_order(1002))
    _, _, variants, listings = _first_import_currencies(tmp_path, products, orders)
    assert {(c, f) for _, c, f in variants} == {(c, f) for _, c, f in listings} == {("CAD", "shopify:Shopify")}


def test_a_named_currency_beats_an_assumed_one_and_undo_gives_the_assumed_back(shop: Database,
                                                                               tmp_path: Path) -> None:
    silent = write_export(tmp_path / "woo-orders-2.csv", WOO_WITHOUT_CURRENCY,
                          [_without_currency(r) for r in woo_order(77, "completed")])
    named = write_export(tmp_path / "woo-orders-1.csv", WOO_ORDERS_PER_ITEM, woo_order(77, "processing"))
    import_ok(shop, silent)
    before = snapshot(shop)
    assert shop.fetchone("SELECT currency, currency_from FROM orders") == ("USD", "woocommerce:WooCommerce")
    # The named file is older (processing): it still names the currency the silent one only assumed.
    [outcome] = import_ok(shop, named)
    assert shop.fetchone("SELECT status, currency, currency_from FROM orders") == ("completed", "EUR", "file")
    assert shop.fetchall("SELECT DISTINCT currency FROM order_lines") == [("EUR",)]
    assert outcome.batch_id is not None
    undo_import(shop, outcome.batch_id)
    assert snapshot(shop) == before


# --- buyers: a customers export says who the buyer is, whichever file came first -----------------------


def test_a_buyer_from_orders_and_two_customers_exports_is_the_same_in_every_order(tmp_path: Path) -> None:
    orders = shopify_file(tmp_path / "orders_export.csv", shopify_order(1001, name="Ann Lee", city="Toronto"))
    older = write_export(tmp_path / "customers_export_1.csv", SHOPIFY_CUSTOMERS,
                         [customer(1001, "Annie", "Ottawa", orders=1, spent="30.00", phone="'+1 613 555 0101")])
    newer = write_export(tmp_path / "customers_export_2.csv", SHOPIFY_CUSTOMERS,
                         [customer(1001, "Anne", "Kingston", orders=2, spent="60.00", phone="'+1 613 555 0199")])
    files = [orders, older, newer]
    seen = set()
    for n, order in enumerate(itertools.permutations(range(3))):
        db = open_fresh_shop(tmp_path / f"shop{n}")
        try:
            for i in order:
                import_ok(db, files[i])
            seen.add(db.fetchone("SELECT name, phone, city FROM buyers"))
        finally:
            db.close()
    # Before: four different buyers from the six orders (the last file imported won).
    assert seen == {("Anne Lee", "+1 613 555 0199", "Kingston")}


def test_a_members_contacts_are_its_earliest_buyers_whichever_file_came_first(tmp_path: Path) -> None:
    # One person in two shops: the first shop's export masks the phone, the second's has it in full.
    masked = write_export(tmp_path / "customers_a.csv", SHOPIFY_CUSTOMERS,
                          [customer(1001, "Annie", "Ottawa", orders=1, spent="30.00", phone="'000****0101")])
    plain = write_export(tmp_path / "customers_b.csv", SHOPIFY_CUSTOMERS,
                         [customer(1001, "Annie", "Ottawa", orders=1, spent="30.00", phone="'+1 613 555 0101")])
    shop_of = {masked: "North", plain: "South"}
    seen = set()
    for n, files in enumerate(((masked, plain), (plain, masked))):
        db = open_fresh_shop(tmp_path / f"shop{n}")
        try:
            for f in files:
                import_ok(db, f, shop_name=shop_of[f])
            assert db.scalar("SELECT count(*) FROM members") == 1
            seen.add(db.fetchone("SELECT email, phone FROM members"))
        finally:
            db.close()
    # Before: the member kept the contacts of whichever buyer made it, a masked phone among them.
    assert seen == {("buyer1001@example.com", "+1 613 555 0101")}


def test_an_older_customers_export_only_fills_what_the_newer_left_and_undo_gives_it_back(
        shop: Database, tmp_path: Path) -> None:
    newer = write_export(tmp_path / "customers_export_2.csv", SHOPIFY_CUSTOMERS,
                         [customer(1001, "Anne", "", orders=2, spent="60.00")])
    older = write_export(tmp_path / "customers_export_1.csv", SHOPIFY_CUSTOMERS,
                         [customer(1001, "Annie", "Ottawa", orders=1, spent="30.00", phone="'+1 613 555 0101")])
    import_ok(shop, newer)
    before = snapshot(shop)
    [outcome] = import_ok(shop, older)
    assert shop.fetchone("SELECT name, phone, city FROM buyers") == ("Anne Lee", "+1 613 555 0101", "Ottawa")
    assert (outcome.rows_added, outcome.rows_updated) == (0, 1)
    assert outcome.batch_id is not None
    undo_import(shop, outcome.batch_id)
    assert snapshot(shop) == before
