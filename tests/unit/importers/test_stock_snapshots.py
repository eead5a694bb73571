"""Stock you can trust (issue 9.6): on hand is the latest dated snapshot plus the orders after it.

Shops are built the way a seller builds them: WooCommerce product exports give
the counts (dated when the file was written), Amazon order reports the sales
and the returns, the seller's stock count is an edit.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from export_files import AMAZON_ALL_ORDERS, import_ok, run_import, woo_products_header, write_export

from shopkeeper.db.database import Database
from shopkeeper.domain.commands import CellEdit
from shopkeeper.services.change_sets import undo
from shopkeeper.services.edits import edit_cells
from shopkeeper.services.imports import undo_import
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
