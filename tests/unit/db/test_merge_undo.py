"""Merging imported rows and undoing an import exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest

from shopkeeper.db.batches import list_batches, new_batch, undo_batch
from shopkeeper.db.merge import KEYS, record_freshness, replace_children, upsert
from shopkeeper.domain.errors import KnownError

ORDER_ID = "3902182736481726354"  # 19 digits: must survive exactly


def _stage_orders(db, rows):  # noqa: ANN001, ANN202
    db.execute(
        "CREATE OR REPLACE TEMP TABLE staged_orders (shop_id VARCHAR, order_id VARCHAR, ordered_at TIMESTAMPTZ,"
        " ordered_tz VARCHAR, status VARCHAR, currency VARCHAR, total DECIMAL(18,2), refunded_amount DECIMAL(18,2))"
    )
    for r in rows:
        db.execute("INSERT INTO staged_orders VALUES (?, ?, ?, ?, ?, ?, ?, ?)", list(r))


def _stage_lines(db, rows):  # noqa: ANN001, ANN202
    db.execute(
        "CREATE OR REPLACE TEMP TABLE staged_lines (shop_id VARCHAR, order_id VARCHAR, line_no INTEGER, sku VARCHAR,"
        " title VARCHAR, quantity INTEGER, unit_price DECIMAL(18,2), line_total DECIMAL(18,2), currency VARCHAR)"
    )
    for r in rows:
        db.execute("INSERT INTO staged_lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", list(r))


def _snapshot(db):  # noqa: ANN001, ANN202
    return {t: sorted(map(repr, db.fetchall(f'SELECT * FROM "{t}"'))) for t in KEYS}


def _import(db, orders, lines=None):  # noqa: ANN001, ANN202
    with db.transaction():
        batch = new_batch(db, file_name="orders.csv", content_hash=repr(orders), platform="taobao", kind="orders")
        _stage_orders(db, orders)
        upsert(db, "orders", "staged_orders", batch)
        if lines is not None:
            _stage_lines(db, lines)
            replace_children(db, "order_lines", "staged_lines", batch, ("shop_id", "order_id"))
    return batch


def _order(order_id=ORDER_ID, status="paid", total="199.00", refunded="0"):  # noqa: ANN001, ANN202
    return ("taobao:t", order_id, "2026-06-18 10:00:00+08", "+08:00", status, "CNY", Decimal(total), Decimal(refunded))


def test_ids_and_money_are_exact(shop) -> None:  # noqa: ANN001
    _import(shop, [_order()])
    row = shop.fetchone("SELECT order_id, total FROM orders")
    assert row == (ORDER_ID, Decimal("199.00"))


def test_same_rows_twice_change_nothing(shop) -> None:  # noqa: ANN001
    _import(shop, [_order()])
    before = _snapshot(shop)
    _import(shop, [_order()])
    assert _snapshot(shop) == before


def test_an_order_listed_twice_in_one_file_is_added_once(shop) -> None:  # noqa: ANN001
    _import(shop, [_order(), _order("2", total="10.00"), _order()])
    assert shop.fetchall("SELECT order_id, total FROM orders ORDER BY order_id") == [
        ("2", Decimal("10.00")), (ORDER_ID, Decimal("199.00"))]


def test_newer_values_win_and_nulls_keep_known_values(shop) -> None:  # noqa: ANN001
    _import(shop, [_order(), _order("2", total="10.00")])
    _import(shop, [_order(status="refunded", refunded="199.00")])
    assert shop.fetchall("SELECT order_id, status, refunded_amount FROM orders ORDER BY order_id") == [
        ("2", "paid", Decimal("0.00")),
        (ORDER_ID, "refunded", Decimal("199.00")),
    ]


def test_undo_restores_exactly_the_state_before(shop) -> None:  # noqa: ANN001
    _import(shop, [_order(), _order("2")], [
        ("taobao:t", ORDER_ID, 1, "MUG-1", "Mug", 1, Decimal("99.00"), Decimal("99.00"), "CNY"),
        ("taobao:t", ORDER_ID, 2, "MUG-2", "Mug", 1, Decimal("100.00"), Decimal("100.00"), "CNY"),
    ])
    before = _snapshot(shop)
    second = _import(shop, [_order(status="partially_refunded", refunded="99.00"), _order("3")], [
        ("taobao:t", ORDER_ID, 1, "MUG-1", "Mug", 1, Decimal("99.00"), Decimal("99.00"), "CNY"),
    ])
    assert shop.scalar("SELECT count(*) FROM order_lines") == 1
    assert _snapshot(shop) != before
    with shop.transaction():
        undo_batch(shop, second)
    assert _snapshot(shop) == before
    assert [b.undone_at is not None for b in list_batches(shop)] == [True, False]


def test_undo_refuses_when_a_later_import_changed_the_same_rows(shop) -> None:  # noqa: ANN001
    first = _import(shop, [_order()])
    _import(shop, [_order(status="completed")])
    with pytest.raises(KnownError) as caught, shop.transaction():
        undo_batch(shop, first)
    assert "Undo those first" in str(caught.value)
    assert shop.scalar("SELECT status FROM orders") == "completed"


def _import_keyed(db, rows):  # noqa: ANN001, ANN202
    """Orders staged with a freshness key, as the importers stage them: (order, status, refunded, key)."""
    with db.transaction():
        batch = new_batch(db, file_name="orders.csv", content_hash=repr(rows), platform="taobao", kind="orders")
        db.execute(
            "CREATE OR REPLACE TEMP TABLE staged_orders (shop_id VARCHAR, order_id VARCHAR, ordered_at TIMESTAMPTZ,"
            " ordered_tz VARCHAR, status VARCHAR, currency VARCHAR, total DECIMAL(18,2), channel VARCHAR,"
            " freshness VARCHAR)"
        )
        for order_id, status, channel, key in rows:
            db.execute("INSERT INTO staged_orders VALUES ('taobao:t', ?, '2026-06-18 10:00:00+08', '+08:00', ?, "
                       "'CNY', 199, ?, ?)", [order_id, status, channel, key])
        db.execute("CREATE OR REPLACE TEMP TABLE staged_keys AS SELECT shop_id, order_id, freshness FROM staged_orders")
        upsert(db, "orders", "staged_orders", batch, keys="staged_keys")
    return batch


def test_a_fresher_row_wins_whichever_came_first_and_an_older_one_only_fills(tmp_path) -> None:  # noqa: ANN001
    from shopkeeper.db.database import Database
    from shopkeeper.db.migrate import migrate

    older = [(ORDER_ID, "paid", "web", "12|a")]
    newer = [(ORDER_ID, "refunded", None, "17|b")]
    results = []
    for n, files in enumerate(((older, newer), (newer, older))):
        db = Database.open(tmp_path / f"shop{n}.duckdb")
        migrate(db, tmp_path / "backups")
        for rows in files:
            _import_keyed(db, rows)
        results.append(db.fetchall("SELECT order_id, status, channel FROM orders"))
        assert db.scalar("SELECT max(freshness) FROM row_freshness WHERE row_id = ?", [ORDER_ID]) == "17|b"
        db.close()
    # the refund stays whatever came last; the channel only the older file knew fills the gap
    assert results[0] == results[1] == [(ORDER_ID, "refunded", "web")]


def test_undo_of_an_older_file_that_only_filled_restores_the_state_before(shop) -> None:  # noqa: ANN001
    _import_keyed(shop, [(ORDER_ID, "refunded", None, "17|b")])
    before = _snapshot(shop)
    keys = shop.fetchall("SELECT * FROM row_freshness ORDER BY batch_id")
    older = _import_keyed(shop, [(ORDER_ID, "paid", "web", "12|a"), ("2", "paid", "web", "12|a")])
    assert shop.fetchone("SELECT status, channel FROM orders WHERE order_id = ?", [ORDER_ID]) == ("refunded", "web")
    with shop.transaction():
        undo_batch(shop, older)
    assert _snapshot(shop) == before
    assert shop.fetchall("SELECT * FROM row_freshness ORDER BY batch_id") == keys


def test_freshness_is_recorded_for_the_keyed_rows_asked_for_only(shop) -> None:  # noqa: ANN001
    # write_lines records its orders' keys for the orders it staged lines of, without a copy of them.
    with shop.transaction():
        batch = new_batch(shop, file_name="lines.csv", content_hash="k", platform="taobao", kind="orders")
        shop.execute("CREATE OR REPLACE TEMP TABLE staged_keys AS SELECT * FROM (VALUES ('taobao:t', '1', '14|a'), "
                     "('taobao:t', '2', '14|b'), ('taobao:t', '3', NULL)) v(shop_id, order_id, freshness)")
        record_freshness(shop, "order_lines", "staged_keys", "order_id", batch, only="k.order_id <> '2'")
    assert shop.fetchall("SELECT kind, shop_id, row_id, freshness, batch_id FROM row_freshness") == [
        ("order_lines", "taobao:t", "1", "14|a", batch)]
