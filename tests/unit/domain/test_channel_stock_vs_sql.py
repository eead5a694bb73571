"""Available stock and the channel rule: the Python statement agrees with the SQL the stock-update files use."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.domain import channel_stock, order_status

RULES = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


STATUS = st.sampled_from([*order_status.STATUSES, "", "PAID", "unknown"]) | st.none()
UNITS = st.integers(min_value=-10**6, max_value=10**9)


@RULES
@given(status=STATUS, quantity=st.integers(0, 1000), refunded=st.integers(0, 1200))
def test_held_units(db: Database, status: str | None, quantity: int, refunded: int) -> None:
    assert db.scalar("SELECT sk_is_unshipped(?)", [status]) == channel_stock.is_unshipped(status)
    assert db.scalar("SELECT sk_held_units(?, ?::INTEGER, ?::INTEGER)", [status, quantity, refunded]) == \
        channel_stock.held_units(status, quantity, refunded)


@RULES
@given(available=UNITS, share=st.integers(0, 100), most=st.none() | st.integers(0, 2**31 - 1),
       buffer=st.integers(0, 10**6))
def test_listed_quantity(db: Database, available: int, share: int, most: int | None, buffer: int) -> None:
    listed = channel_stock.listed_quantity(available, share, most, buffer)
    assert db.scalar("SELECT sk_listed_qty(?::BIGINT, ?::INTEGER, ?::INTEGER, ?::INTEGER)",
                     [available, share, most, buffer]) == listed
    assert 0 <= listed <= max(0, available)
    if most is not None:
        assert listed <= most


def test_the_rule_floors_caps_and_keeps_a_buffer() -> None:
    assert channel_stock.listed_quantity(17, 50, None, 0) == 8      # half of 17, rounded down
    assert channel_stock.listed_quantity(17, 50, 5, 0) == 5         # never more than the maximum
    assert channel_stock.listed_quantity(4, 100, None, 4) == 0      # at the buffer: nothing listed
    assert channel_stock.listed_quantity(5, 100, None, 4) == 5      # above it: the share of all of it
    assert channel_stock.listed_quantity(-3, 100, None, 0) == 0     # oversold: never negative
    assert channel_stock.listed_quantity(1, 50, None, 0) == 0


def test_pending_and_paid_orders_hold_stock_shipped_and_cancelled_do_not() -> None:
    assert channel_stock.held_units(order_status.PAID, 3, 1) == 2
    assert channel_stock.held_units(order_status.PENDING, 3, 0) == 3
    for status in (order_status.SHIPPED, order_status.COMPLETED, order_status.CANCELLED, order_status.REFUNDED,
                   order_status.PARTIALLY_REFUNDED, None):
        assert channel_stock.held_units(status, 3, 0) == 0


def test_available_stock_reads_the_shop(tmp_path: Path) -> None:
    database = Database.open(None)
    try:
        migrate(database, tmp_path)
        with database.transaction():
            database.execute("INSERT INTO variants (sku, product_id, currency) VALUES ('A', 'p', 'USD'), ('B', 'p', 'USD')")
            database.execute("INSERT INTO stock_levels (sku, on_hand, updated_at) VALUES ('A', 10, now()),"
                             " ('B', 0, now())")  # B's row holds a reorder setting only: no count
            database.execute("INSERT INTO stock_snapshots (sku, counted_at, on_hand, source)"
                             " VALUES ('A', now(), 10, 'count')")
            database.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total)"
                             " VALUES ('s', '1', now(), '+00:00', 'paid', 'USD', 1),"
                             " ('s', '2', now(), '+00:00', 'shipped', 'USD', 1)")
            database.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                             " line_total, currency) VALUES ('s', '1', 1, 'A', 'a', 3, 1, 3, 'USD'),"
                             " ('s', '1', 2, 'B', 'b', 2, 1, 2, 'USD'), ('s', '2', 1, 'A', 'a', 4, 1, 4, 'USD')")
        rows = database.fetchall("SELECT sku, on_hand, unshipped, available, counted FROM sk_available_stock()"
                                 " ORDER BY sku")
        assert rows == [("A", 10, 3, 7, True), ("B", 0, 2, -2, False)]
    finally:
        database.close()
