"""The stock ledger: its Python statement agrees with the SQL that stores on hand and shows the history."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain import order_day, order_status, reorder, stock_ledger
from shopkeeper.domain.stock_ledger import Move, Snapshot

RULES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
T0 = datetime(2026, 3, 1, tzinfo=UTC)

STATUS = st.sampled_from([*order_status.STATUSES, "", "unknown"]) | st.none()
PLATFORM_STATUS = st.sampled_from(["Shipped", "Shipped - Returned to Seller", " shipped - REJECTED by buyer ",
                                   "交易成功", "退款成功", "refunded"]) | st.none()


@RULES
@given(status=STATUS, platform_status=PLATFORM_STATUS, quantity=st.integers(0, 1000))
def test_units_out_and_back(db: Database, status: str | None, platform_status: str | None, quantity: int) -> None:
    assert db.scalar("SELECT sk_goods_returned(?)", [platform_status]) == stock_ledger.goods_returned(platform_status)
    assert db.scalar("SELECT sk_units_out(?, ?, ?::INTEGER)", [status, platform_status, quantity]) == \
        stock_ledger.units_out(status, platform_status, quantity)
    assert db.scalar("SELECT sk_units_back(?, ?::INTEGER)", [platform_status, quantity]) == \
        stock_ledger.units_back(platform_status, quantity)


SNAPSHOTS = st.lists(st.tuples(st.integers(0, 40), st.integers(-5, 60), st.sampled_from(stock_ledger.SOURCES)),
                     max_size=4)
# Each line at its own minute (several lines at one instant have no order among them to compare).
LINES = st.lists(st.tuples(st.integers(0, 40), STATUS, PLATFORM_STATUS, st.integers(0, 9)), max_size=8,
                 unique_by=lambda line: line[0])


@RULES
@given(snapshots=SNAPSHOTS, lines=LINES, other_sku_lines=LINES)
def test_on_hand_and_history(db: Database, snapshots: list[tuple[int, int, str]],
                             lines: list[tuple[int, str | None, str | None, int]],
                             other_sku_lines: list[tuple[int, str | None, str | None, int]]) -> None:
    snaps = [Snapshot(T0 + timedelta(minutes=m), n, src, batch) for batch, (m, n, src) in enumerate(snapshots, 1)]
    moves: list[Move] = []
    for minute, status, platform_status, qty in lines:
        moves += stock_ledger.line_moves(T0 + timedelta(minutes=minute), status, platform_status, qty)
    db.begin()
    try:
        for s in snaps:
            db.execute("INSERT INTO stock_snapshots VALUES ('A', ?, ?, ?, ?)", [s.counted_at, s.on_hand, s.source,
                                                                               s.batch_id])
        for sku, rows in (("A", lines), ("B", other_sku_lines)):
            for i, (minute, status, platform_status, qty) in enumerate(rows):
                order_id = f"{sku}{i}"
                db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, platform_status,"
                           " currency, total) VALUES ('s', ?, ?, '+00:00', ?, ?, 'USD', 0)",
                           [order_id, T0 + timedelta(minutes=minute), status or "", platform_status])
                db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                           " line_total, currency) VALUES ('s', ?, 1, ?, 't', ?, 0, 0, 'USD')", [order_id, sku, qty])
        expected = stock_ledger.on_hand(snaps, moves)
        got = db.fetchone("SELECT on_hand FROM sk_on_hand() WHERE sku = 'A'")
        assert (None if got is None else got[0]) == expected
        history = [(h.occurred_at, h.kind, h.change, h.level, h.source) for h in stock_ledger.history(snaps, moves)]
        assert db.fetchall("SELECT occurred_at, kind, change, level, source FROM sk_stock_history('A')") == history
        if history:
            assert history[-1][3] == expected
    finally:
        db.rollback()


def test_the_latest_count_wins_and_a_count_beats_an_export_of_the_same_instant() -> None:
    at = T0 + timedelta(hours=1)
    snaps = [Snapshot(at, 5, stock_ledger.COUNT, 1), Snapshot(at, 9, stock_ledger.IMPORT, 2),
             Snapshot(T0, 40, stock_ledger.IMPORT, 3)]
    assert stock_ledger.on_hand(snaps, [Move(at, -2, stock_ledger.SALE)]) == 5   # at the instant: in the count
    assert stock_ledger.on_hand(snaps, [Move(at + timedelta(seconds=1), -2, stock_ledger.SALE)]) == 3
    assert stock_ledger.on_hand([], [Move(at, -2, stock_ledger.SALE)]) is None


def test_only_goods_that_left_move_and_only_goods_said_to_come_back_return() -> None:
    at = T0
    assert stock_ledger.line_moves(at, "paid", "Unshipped", 3) == []            # held, still on the shelf
    assert stock_ledger.line_moves(at, "cancelled", "Canceled", 3) == []
    assert stock_ledger.line_moves(at, "refunded", "refunded", 3) == []         # money back says nothing of goods
    assert stock_ledger.line_moves(at, "completed", "交易成功", 3) == [Move(at, -3, "sale")]
    assert stock_ledger.line_moves(at, "refunded", "Shipped - Returned to Seller", 3) == [
        Move(at, -3, "sale"), Move(at, 3, "return")]


TODAY = date(2026, 3, 10)
# Hours from 12 days before TODAY to its end: counts and orders on both sides of a 7-day window.
HOUR = st.integers(-12 * 24, 24 + 23)
DAY_SNAPSHOTS = st.lists(st.tuples(HOUR, st.integers(0, 6), st.sampled_from(stock_ledger.SOURCES)), max_size=3)
DAY_LINES = st.lists(st.tuples(HOUR, st.sampled_from(["+00:00", "+08:00", "-05:00"]),
                               st.sampled_from(["paid", "shipped", "completed", "cancelled", "refunded"]),
                               PLATFORM_STATUS, st.integers(1, 4)), max_size=8, unique_by=lambda line: line[0])


@RULES
@given(snapshots=DAY_SNAPSHOTS, lines=DAY_LINES, window=st.sampled_from([1, 7]))
def test_out_of_stock_days_of_a_counted_sku_follow_the_ledger(db: Database, snapshots: list[tuple[int, int, str]],
                                                                lines: list[tuple[int, str, str, str | None, int]],
                                                                window: int) -> None:
    start = datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=UTC)
    snaps = [Snapshot(start + timedelta(hours=h), n, src, b) for b, (h, n, src) in enumerate(snapshots, 1)]
    moves: list[Move] = []
    for h, _tz, status, platform_status, qty in lines:
        moves += stock_ledger.line_moves(start + timedelta(hours=h), status, platform_status, qty)
    first, last = reorder.window(TODAY, window)
    db.begin()
    try:
        for s in snaps:
            db.execute("INSERT INTO stock_snapshots VALUES ('A', ?, ?, ?, ?)",
                       [s.counted_at, s.on_hand, s.source, s.batch_id])
        for i, (h, tz, status, platform_status, qty) in enumerate(lines):
            db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, platform_status,"
                       " currency, total) VALUES ('s', ?, ?, ?, ?, ?, 'USD', 0)",
                       [f"o{i}", start + timedelta(hours=h), tz, status, platform_status])
            db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                       " line_total, currency) VALUES ('s', ?, 1, 'A', 't', ?, 0, 0, 'USD')", [f"o{i}", qty])
        days = dict(db.fetchall("SELECT sku, days FROM sk_selling_days(?::DATE, ?::DATE)", [first, last]))
    finally:
        db.rollback()
    if not snaps:
        assert "A" not in days  # never counted: no ledger, every day of the window is a selling day
        return
    zone = reorder.stock_zone(tz for _h, tz, *_ in lines)
    levels = [(order_day.order_day(h.occurred_at, zone), h.change) for h in stock_ledger.history(snaps, moves)]
    sold = {order_day.order_day(start + timedelta(hours=h), tz) for h, tz, status, _ps, _q in lines
            if order_status.is_sold(status)}
    counted_from = order_day.order_day(min(s.counted_at for s in snaps), zone)
    assert days["A"] == reorder.selling_days(first, last, levels, sold, tracked=True, counted_from=counted_from)


def test_days_before_the_first_count_are_selling_days_days_sold_out_after_it_are_not() -> None:
    first, last = date(2026, 3, 1), date(2026, 3, 10)
    # Counted 5 on the 4th, sold out on the 6th: the 1st-3rd (unknown) and the 4th-6th count, the 7th-10th do not.
    moves = [(date(2026, 3, 4), 5), (date(2026, 3, 6), -5)]
    assert reorder.selling_days(first, last, moves, {date(2026, 3, 6)}, tracked=True,
                                counted_from=date(2026, 3, 4)) == 6
