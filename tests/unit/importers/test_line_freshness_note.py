"""An import of whole orders notes once that its lines' keys are its orders' keys (importers/freshness.py).

The note replaces a second key per order; what a later import compares its
lines with must be exactly what the keys one by one said: a newer file's lines
are never replaced by an older file's, and a re-keyed order keeps its lines' key.
"""

from __future__ import annotations

from pathlib import Path

from export_files import import_ok
from test_import_order_independence import SHOPIFY_WITHOUT_ID, shopify_file, shopify_order

from shopkeeper.db.database import Database
from shopkeeper.importers.freshness import LINES_AS_ORDERS, recorded_lines
from shopkeeper.services.imports import undo_import

SHIPPED = "2025-02-01 09:00:00 -0500"


def _lines_keys(db: Database) -> set[tuple[str, str, str, int]]:
    return {tuple(r) for r in db.fetchall(f"SELECT shop_id, row_id, freshness, batch_id FROM ({recorded_lines()})")}


def _orders_keys(db: Database, batch: int) -> set[tuple[str, str, str, int]]:
    return {tuple(r) for r in db.fetchall(
        "SELECT shop_id, row_id, freshness, batch_id FROM row_freshness WHERE kind = 'orders' AND batch_id = ?",
        [batch])}


def _lines_of(db: Database, order_number: str) -> list[str]:
    return [r[0] for r in db.fetchall(
        "SELECT l.title FROM order_lines l JOIN orders o USING (shop_id, order_id) WHERE o.order_number = ? "
        "ORDER BY l.line_no", [order_number])]


def test_a_file_of_whole_orders_notes_its_lines_keys_once(shop: Database, tmp_path: Path) -> None:
    [done] = import_ok(shop, shopify_file(tmp_path / "orders.csv", shopify_order(1001), shopify_order(1002, lines=3)))
    assert done.batch_id is not None
    assert shop.fetchall("SELECT kind, count(*) FROM row_freshness GROUP BY kind ORDER BY kind") == [
        ("buyers", 2), ("order_lines=orders", 1), ("orders", 2)]
    assert LINES_AS_ORDERS == "order_lines=orders"
    # Each order's lines have the key of the order row they came with.
    assert _lines_keys(shop) == _orders_keys(shop, done.batch_id)
    assert len(_lines_keys(shop)) == 2


def test_an_older_file_never_replaces_the_lines_a_newer_file_noted(shop: Database, tmp_path: Path) -> None:
    newer = shopify_file(tmp_path / "newer.csv", shopify_order(1004, lines=2, fulfilled=SHIPPED))
    older = shopify_file(tmp_path / "older.csv", shopify_order(1004, lines=3), shopify_order(1005))
    import_ok(shop, newer)
    assert shop.scalar("SELECT count(*) FROM row_freshness WHERE kind = 'order_lines'") == 0
    [late] = import_ok(shop, older)
    assert _lines_of(shop, "#1004") == ["Item 1", "Item 2"]
    assert _lines_of(shop, "#1005") == ["Item 1", "Item 2"]
    # Not every order of the older file got its lines: its lines' keys are recorded one by one,
    # for the order whose lines it wrote only.
    assert shop.fetchall("SELECT row_id, batch_id FROM row_freshness WHERE kind = 'order_lines'") == [
        ("5501201005", late.batch_id)]
    assert shop.scalar("SELECT count(*) FROM row_freshness WHERE kind = ?", [LINES_AS_ORDERS]) == 1


def test_undo_of_the_newer_file_lets_the_older_files_lines_back(shop: Database, tmp_path: Path) -> None:
    older = shopify_file(tmp_path / "older.csv", shopify_order(1004, lines=3))
    newer = shopify_file(tmp_path / "newer.csv", shopify_order(1004, lines=2, fulfilled=SHIPPED))
    import_ok(shop, older)
    [late] = import_ok(shop, newer)
    assert _lines_of(shop, "#1004") == ["Item 1", "Item 2"]
    assert late.batch_id is not None
    undo_import(shop, late.batch_id)
    assert _lines_of(shop, "#1004") == ["Item 1", "Item 2", "Item 3"]
    assert shop.scalar("SELECT count(*) FROM row_freshness WHERE kind = ?", [LINES_AS_ORDERS]) == 1


def test_a_rekeyed_order_keeps_the_key_its_noted_lines_had(shop: Database, tmp_path: Path) -> None:
    # The name-only file is the newer one: after the Id file re-keys its orders, an older copy of
    # the lines must still lose against the lines the name-only file wrote.
    by_name = shopify_file(tmp_path / "by_name.csv", shopify_order(1001, lines=2, fulfilled=SHIPPED),
                           header=SHOPIFY_WITHOUT_ID)
    [first] = import_ok(shop, by_name)
    noted = _orders_keys(shop, first.batch_id or 0)
    [(_, _, name_key, _)] = noted
    [by_id] = import_ok(shop, shopify_file(tmp_path / "by_id.csv", shopify_order(1001, lines=3)))
    assert shop.scalar("SELECT count(*) FROM orders") == 1
    assert _lines_of(shop, "#1001") == ["Item 1", "Item 2"]
    # The copy under the new id is a key of its own, written out, not a note.
    assert (("shopify:Shopify", "5501201001", name_key, by_id.batch_id) in
            {tuple(r) for r in shop.fetchall(
                "SELECT shop_id, row_id, freshness, batch_id FROM row_freshness WHERE kind = 'order_lines'")})
    assert shop.scalar("SELECT count(*) FROM row_freshness WHERE kind = ? AND batch_id = ?",
                       [LINES_AS_ORDERS, by_id.batch_id]) == 0
