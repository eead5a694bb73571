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


SHIPPED_AT = st.none() | st.integers(-30, 60)  # hours after the order, when the export gives a ship time


@RULES
@given(status=STATUS, platform_status=PLATFORM_STATUS, quantity=st.integers(0, 1000), shipped=SHIPPED_AT)
def test_units_out_and_back(db: Database, status: str | None, platform_status: str | None, quantity: int,
                            shipped: int | None) -> None:
    shipped_at = None if shipped is None else T0 + timedelta(hours=shipped)
    assert db.scalar("SELECT sk_goods_returned(?)", [platform_status]) == stock_ledger.goods_returned(platform_status)
    assert db.scalar("SELECT sk_units_out(?, ?, ?::INTEGER, ?::TIMESTAMPTZ)",
                     [status, platform_status, quantity, shipped_at]) == \
        stock_ledger.units_out(status, platform_status, quantity, shipped_at)
    assert db.scalar("SELECT sk_units_back(?, ?::INTEGER)", [platform_status, quantity]) == \
        stock_ledger.units_back(platform_status, quantity)


@RULES
@given(ordered=st.integers(0, 60), shipped=SHIPPED_AT, held=st.none() | st.integers(-30, 40))
def test_when_a_line_leaves(db: Database, ordered: int, shipped: int | None, held: int | None) -> None:
    ordered_at = T0 + timedelta(hours=ordered)
    shipped_at = None if shipped is None else ordered_at + timedelta(hours=shipped)
    # the count that held the order: hours after its ship time (else its order time), on both sides of a day
    held_at = None if held is None else (shipped_at or ordered_at) + timedelta(hours=held)
    args = [ordered_at, shipped_at, held_at]
    assert db.fetchone("SELECT sk_line_instant(?::TIMESTAMPTZ, ?::TIMESTAMPTZ, ?::TIMESTAMPTZ),"
                       " sk_held_at_count(?::TIMESTAMPTZ, ?::TIMESTAMPTZ, ?::TIMESTAMPTZ)", args + args) == \
        stock_ledger.line_instant(ordered_at, shipped_at, [] if held_at is None else [held_at])


# Hours from T0: snapshots, orders and their shipments close enough for a ship time to fall on either side of a
# count, and within or beyond a day before a count that held the order. Each count holds some of the lines.
SNAPSHOTS = st.lists(st.tuples(st.integers(0, 60), st.integers(-5, 60), st.sampled_from(stock_ledger.SOURCES),
                               st.frozensets(st.integers(0, 7))), max_size=4)
# Each line ordered at its own hour (several lines at one instant have no order among them to compare).
LINES = st.lists(st.tuples(st.integers(0, 60), STATUS, PLATFORM_STATUS, st.integers(0, 9), SHIPPED_AT), max_size=8,
                 unique_by=lambda line: line[0])
Line = tuple[int, str | None, str | None, int, int | None]


@RULES
@given(snapshots=SNAPSHOTS, lines=LINES, other_sku_lines=LINES)
def test_on_hand_and_history(db: Database, snapshots: list[tuple[int, int, str, frozenset[int]]],
                             lines: list[Line], other_sku_lines: list[Line]) -> None:
    def order_id(sku: str, i: int) -> str:
        return f"{sku}{i}"

    snaps = [Snapshot(T0 + timedelta(hours=h), n, src, batch,
                      frozenset(("s", order_id("A", i)) for i in held if i < len(lines)) if src == stock_ledger.COUNT
                      else frozenset())
             for batch, (h, n, src, held) in enumerate(snapshots, 1)]
    moves: list[Move] = []
    for i, (hour, status, platform_status, qty, shipped) in enumerate(lines):
        ordered_at = T0 + timedelta(hours=hour)
        shipped_at = None if shipped is None else ordered_at + timedelta(hours=shipped)
        moves += stock_ledger.line_moves(ordered_at, status, platform_status, qty, shipped_at,
                                         stock_ledger.holds_of(snaps, ("s", order_id("A", i))),
                                         ("s", order_id("A", i), 1))
    db.begin()
    try:
        for s in snaps:
            held = [{"shop_id": shop, "order_id": order} for shop, order in sorted(s.held_orders)] or None
            db.execute("INSERT INTO stock_snapshots (sku, counted_at, on_hand, source, batch_id, held_orders)"
                       " VALUES ('A', ?, ?, ?, ?, ?)", [s.counted_at, s.on_hand, s.source, s.batch_id, held])
        for sku, rows in (("A", lines), ("B", other_sku_lines)):
            for i, (hour, status, platform_status, qty, shipped) in enumerate(rows):
                ordered_at = T0 + timedelta(hours=hour)
                db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, platform_status,"
                           " currency, total, shipped_at) VALUES ('s', ?, ?, '+00:00', ?, ?, 'USD', 0, ?)",
                           [order_id(sku, i), ordered_at, status or "", platform_status,
                            None if shipped is None else ordered_at + timedelta(hours=shipped)])
                db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                           " line_total, currency) VALUES ('s', ?, 1, ?, 't', ?, 0, 0, 'USD')",
                           [order_id(sku, i), sku, qty])
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
    # With a ship time the goods had left before the order was cancelled or refunded: gone, not back.
    shipped = at + timedelta(days=2)
    assert stock_ledger.line_moves(at, "refunded", "refunded", 3, shipped) == [Move(shipped, -3, "sale")]
    assert stock_ledger.line_moves(at, "cancelled", "Canceled", 3, shipped) == [Move(shipped, -3, "sale")]
    assert stock_ledger.line_moves(at, "paid", "Unshipped", 3, shipped) == []   # still held: not out twice


def test_a_sale_leaves_when_it_ships_and_after_a_count_that_held_it() -> None:
    ordered, count = T0, T0 + timedelta(days=1)
    snaps = [Snapshot(count, 10, stock_ledger.COUNT, 1, frozenset({("s", "held")}))]

    def on_hand(shipped: datetime | None, held: bool) -> int | None:
        holds = stock_ledger.holds_of(snaps, ("s", "held" if held else "other"))
        return stock_ledger.on_hand(snaps, stock_ledger.line_moves(ordered, "shipped", None, 1, shipped, holds))

    # Shipped after the count: it leaves after it, whatever the count knew of it.
    assert on_hand(count + timedelta(hours=1), held=False) == on_hand(count + timedelta(hours=1), held=True) == 9
    # Shipped well before the count, which saw the shelf without it.
    assert on_hand(count - timedelta(hours=25), held=False) == on_hand(count - timedelta(hours=25), held=True) == 10
    # The count held it (the shop showed it unshipped): with no ship time, or a ship day given without its hour,
    # its goods were on the shelf counted and leave after it; a count that did not hold it already lacked them.
    assert on_hand(None, held=True) == 9
    assert on_hand(count - timedelta(hours=20), held=True) == 9
    assert on_hand(None, held=False) == on_hand(count - timedelta(hours=20), held=False) == 10
    # The sale sits just after the count in the history, the count's own change untouched.
    moves = stock_ledger.line_moves(ordered, "shipped", None, 1, None, [count])
    assert [(h.occurred_at, h.kind, h.change, h.level) for h in stock_ledger.history(snaps, moves)] == [
        (count, "snapshot", 10, 10), (count, "sale", -1, 9)]
    # Held by two counts, shipped hours before the first: it leaves after the first, which had it, and the
    # second (the shop not told yet) saw the shelf without it.
    later = Snapshot(count + timedelta(days=3), 7, stock_ledger.COUNT, 2, frozenset({("s", "held")}))
    shipped = count - timedelta(hours=2)
    moves = stock_ledger.line_moves(ordered, "shipped", None, 1, shipped, stock_ledger.holds_of([*snaps, later],
                                                                                              ("s", "held")))
    assert [(h.occurred_at, h.kind, h.level) for h in stock_ledger.history([*snaps, later], moves)] == [
        (count, "snapshot", 10), (count, "sale", 9), (later.counted_at, "snapshot", 7)]


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
            db.execute("INSERT INTO stock_snapshots (sku, counted_at, on_hand, source, batch_id) VALUES ('A', ?, ?, ?, ?)",
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
