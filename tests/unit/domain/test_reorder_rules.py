"""Reorder, ABC/XYZ and dead-stock rules: each Python statement against the SQL every figure uses.

Generated data looks for where the two would disagree: a window boundary, a
SKU sold out for part of the window, a ledger that does not record sales, a
refund bigger than the line, ties in revenue, a pack size that is not a divisor.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain import order_day, order_status, reorder, stock_classes
from shopkeeper.domain.revenue import in_base

RULES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TODAY = date(2026, 3, 1)


def _scalar(db: Database, sql: str, *params: object) -> object:
    return db.scalar(sql, list(params))


COUNT = st.integers(0, 5_000)
NULLABLE = st.integers(0, 400) | st.none()


@RULES
@given(demand=COUNT, days=st.integers(0, 120), lead=NULLABLE, safety=NULLABLE, set_point=NULLABLE,
       on_hand=st.integers(-50, 20_000), target=NULLABLE, pack=st.integers(0, 48) | st.none(), minimum=NULLABLE)
def test_reorder_figures(db: Database, demand: int, days: int, lead: int | None, safety: int | None,
                         set_point: int | None, on_hand: int, target: int | None, pack: int | None,
                         minimum: int | None) -> None:
    demand = demand if days else 0  # nothing sells on no selling day
    point = reorder.reorder_point(demand, days, lead, safety, set_point)
    assert _scalar(db, "SELECT sk_reorder_point(?::BIGINT, ?::INTEGER, ?::INTEGER, ?::INTEGER, ?::INTEGER)",
                   demand, days, lead, safety, set_point) == point
    assert _scalar(db, "SELECT sk_days_cover(?::INTEGER, ?::BIGINT, ?::INTEGER)", on_hand, demand, days) == \
        reorder.days_of_cover(on_hand, demand, days)
    assert _scalar(db, "SELECT sk_avg_daily(?::BIGINT, ?::INTEGER)", demand, days) == \
        reorder.avg_daily_units(demand, days)
    assert _scalar(db, "SELECT sk_stock_status(?::INTEGER, ?::INTEGER)", on_hand, point) == \
        reorder.stock_status(on_hand, point)
    assert _scalar(db, "SELECT sk_stock_status(NULL::INTEGER, ?::INTEGER)", point) == \
        reorder.stock_status(None, point) == "unknown"
    assert _scalar(db, "SELECT sk_suggested_qty(?::INTEGER, ?::INTEGER, ?::BIGINT, ?::INTEGER, ?::INTEGER,"
                       " ?::INTEGER, ?::INTEGER)", on_hand, point, demand, days, target, pack, minimum) == \
        reorder.suggested_quantity(on_hand, point, demand, days, target, pack, minimum)


def test_reorder_point_is_safety_stock_plus_lead_time_demand() -> None:
    assert reorder.reorder_point(30, 30, 14, None, None) == 21  # one a day × (14 + 7 days of safety)
    assert reorder.reorder_point(30, 30, 14, 5, None) == 19     # 5 + 1 × 14
    assert reorder.reorder_point(30, 20, 14, 0, None) == 21     # 1.5 a day × 14
    assert reorder.reorder_point(0, 30, 14, 4, None) == 4
    assert reorder.reorder_point(300, 30, 14, 2, 5) == 5        # the seller's own point wins


def test_cover_is_none_without_sales_never_negative_and_capped() -> None:
    assert reorder.days_of_cover(10, 0, 30) is None
    assert reorder.days_of_cover(-3, 30, 30) == 0
    assert reorder.days_of_cover(10_000, 1, 30) == reorder.MAX_COVER_DAYS
    assert reorder.days_of_cover(45, 30, 30) == 45


def test_suggested_quantity_reaches_the_target_in_whole_packs_and_at_least_the_minimum() -> None:
    # 1 a day, point 21, 3 on hand: up to 21 + 30 = 51 → 48 needed → 8 packs of 6.
    assert reorder.suggested_quantity(3, 21, 30, 30, None, 6, None) == 48
    assert reorder.suggested_quantity(3, 21, 30, 30, None, 5, None) == 50
    assert reorder.suggested_quantity(3, 21, 30, 30, None, None, 100) == 100
    assert reorder.suggested_quantity(3, 21, 30, 30, 10, None, None) == 28
    assert reorder.suggested_quantity(22, 21, 30, 30, None, None, None) == 0  # above the point: nothing yet
    assert reorder.suggested_quantity(0, 0, 0, 30, None, 6, 50) == 0  # sells nothing, wants nothing


def test_a_sold_out_week_is_not_a_week_without_demand() -> None:
    first, last = date(2026, 2, 1), date(2026, 2, 28)
    # 10 in on 31 Jan, sold out on 10 Feb, 10 more on 21 Feb: 1–10 and 21–28 Feb could sell.
    moves = [(date(2026, 1, 31), 10), (date(2026, 2, 10), -10), (date(2026, 2, 21), 10), (date(2026, 2, 25), -3)]
    sold = {date(2026, 2, 10), date(2026, 2, 25)}
    assert reorder.selling_days(first, last, moves, sold, tracked=True) == 10 + 8
    assert reorder.selling_days(first, last, moves, sold, tracked=False) == 28
    assert reorder.selling_days(first, last, [], {date(2026, 2, 3)}, tracked=True) == 1


# --- whole shops: units, selling days, ABC, XYZ, first stock day -----------------------------------

SKUS = ("A", "B", "C")
ZONES = ("+08:00", "-05:00", "+00:00")
ORDER = st.tuples(
    st.sampled_from(SKUS),
    st.datetimes(min_value=datetime(2025, 11, 20), max_value=datetime(2026, 3, 2, 23), timezones=st.just(UTC)),
    st.sampled_from(ZONES),
    st.sampled_from(order_status.STATUSES),
    st.sampled_from(["CNY", "USD", "GBP"]),  # GBP has no rate
    st.integers(1, 9),
    st.integers(0, 10),  # refunded units, sometimes more than sold
    st.decimals(min_value=Decimal("0.01"), max_value=300, places=2),
)
MOVE = st.tuples(
    st.sampled_from(SKUS),
    st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 3, 2, 23), timezones=st.just(UTC)),
    st.integers(-20, 30),
    st.sampled_from(["sale", "purchase", "count", "return"]),
)
RATES = {"CNY": Decimal(1), "USD": Decimal("7.10")}


def _shop(db: Database, orders: list[tuple], moves: list[tuple]) -> None:
    db.execute("INSERT OR REPLACE INTO currency_settings (key, value) VALUES ('base_currency', 'CNY'), ('fx_USD', '7.10')")
    for i, (sku, at, tz, status, cur, qty, refunded, price) in enumerate(orders):
        db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total) "
                   "VALUES ('s:x', ?, ?, ?, ?, ?, ?)", [f"o{i}", at, tz, status, cur, price * qty])
        db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price, line_total,"
                   " currency, refunded_quantity) VALUES ('s:x', ?, 1, ?, ?, ?, ?, ?, ?, ?)",
                   [f"o{i}", sku, sku, qty, price, price * qty, cur, refunded])
    for i, (sku, at, qty, reason) in enumerate(moves):
        db.execute("INSERT INTO stock_movements VALUES (?, ?, ?, ?, ?, NULL, NULL)", [i, sku, at, qty, reason])


def _sold_lines(orders: list[tuple], first: date, last: date) -> list[tuple[str, date, tuple]]:
    out = []
    for o in orders:
        sku, at, tz, status = o[:4]
        day = order_day.order_day(at, tz)
        if order_status.is_sold(status) and first <= day <= last:
            out.append((sku, day, o))
    return out


@RULES
@given(orders=st.lists(ORDER, max_size=16), moves=st.lists(MOVE, max_size=14), window=st.sampled_from([1, 7, 30]))
def test_units_and_selling_days(db: Database, orders: list[tuple], moves: list[tuple], window: int) -> None:
    first, last = reorder.window(TODAY, window)
    with _scratch(db):
        _shop(db, orders, moves)
        units = dict(db.fetchall("SELECT sku, units FROM sk_units_sold(?::DATE, ?::DATE)", [first, last]))
        days = dict(db.fetchall("SELECT sku, days FROM sk_selling_days(?::DATE, ?::DATE)", [first, last]))
    zone = reorder.stock_zone(o[2] for o in orders)
    lines = _sold_lines(orders, first, last)
    for sku in SKUS:
        mine = [(s, d, o) for s, d, o in lines if s == sku]
        if mine:
            assert units[sku] == sum(o[5] - o[6] for _, _, o in mine)
        else:
            assert sku not in units
        sku_moves = [m for m in moves if m[0] == sku]
        tracked = any(m[3] == "sale" for m in sku_moves)
        expected = reorder.selling_days(first, last, [(order_day.order_day(m[1], zone), m[2]) for m in sku_moves],
                                        {d for _, d, _ in mine}, tracked=tracked)
        assert days.get(sku, window) == expected
        assert (sku in days) == tracked


@RULES
@given(orders=st.lists(ORDER, max_size=16), moves=st.lists(MOVE, max_size=8))
def test_abc_xyz_and_first_stock_day(db: Database, orders: list[tuple], moves: list[tuple]) -> None:
    first, last = reorder.window(TODAY, 30)
    with _scratch(db):
        _shop(db, orders, moves)
        abc = {r[0]: r[1:] for r in db.fetchall("SELECT sku, revenue, abc FROM sk_abc(?::DATE, ?::DATE)",
                                                [first, last])}
        xyz = {r[0]: r[1] for r in db.fetchall("SELECT sku, sk_xyz_class(n, s, q) FROM sk_weekly_demand(?::DATE, ?)",
                                               [TODAY, stock_classes.XYZ_WEEKS])}
        arrived = dict(db.fetchall("SELECT sku, day FROM sk_first_stock_day()"))
    # A SKU with a line in a currency without a rate (GBP) has unknown revenue, not the rest of it, and no class.
    revenue: dict[str, Decimal | None] = {}
    for sku, _, o in _sold_lines(orders, first, last):
        rate = RATES.get(o[4])
        line = stock_classes.line_revenue(o[7] * o[5], o[7], o[6])
        known = revenue.get(sku, Decimal(0))
        revenue[sku] = None if rate is None or known is None else known + in_base(line, rate)
    assert {s: r for s, (r, _) in abc.items()} == revenue
    assert {s: c for s, (_, c) in abc.items()} == stock_classes.abc_classes(revenue)

    weeks_first, _ = reorder.window(TODAY, stock_classes.XYZ_WEEKS * 7)
    for sku in SKUS:
        weekly = [0] * stock_classes.XYZ_WEEKS
        for s, day, o in _sold_lines(orders, weeks_first, TODAY):
            if s == sku:
                weekly[(TODAY - day).days // 7] += o[5] - o[6]
        assert xyz.get(sku) == stock_classes.xyz_class(weekly)

    zone = reorder.stock_zone(o[2] for o in orders)
    for sku in SKUS:
        mine = [m for m in moves if m[0] == sku]
        expected = order_day.order_day(min(m[1] for m in mine), zone) if any(m[3] == "sale" for m in mine) else None
        assert arrived.get(sku) == expected


@RULES
@given(on_hand=st.integers(-5, 50), units=st.integers(-3, 10), arrived=st.dates(date(2025, 1, 1), date(2026, 3, 1))
       | st.none(), since=st.dates(date(2025, 6, 1), date(2026, 3, 1)))
def test_dead_stock(db: Database, on_hand: int, units: int, arrived: date | None, since: date) -> None:
    assert _scalar(db, "SELECT sk_dead_stock(?::INTEGER, ?::BIGINT, ?::DATE, ?::DATE)", on_hand, units, arrived,
                   since) == stock_classes.is_dead_stock(on_hand, units, arrived, since)


@RULES
@given(n=st.integers(0, 52), s=st.integers(-10, 10_000), q=st.integers(0, 10**9))
def test_xyz_from_sums(db: Database, n: int, s: int, q: int) -> None:
    assert _scalar(db, "SELECT sk_xyz_class(?::BIGINT, ?::BIGINT, ?::HUGEINT)", n, s, q) == \
        stock_classes.xyz_from_sums(n, s, q)


def test_abc_marks_the_top_80_percent_a_the_next_15_b() -> None:
    revenue = {"big": Decimal(70), "mid": Decimal(20), "small": Decimal(6), "tiny": Decimal(4), "none": Decimal(0)}
    assert stock_classes.abc_classes(revenue) == {"big": "A", "mid": "A", "small": "B", "tiny": "C", "none": "C"}
    assert stock_classes.abc_classes({"only": Decimal(5)}) == {"only": "A"}


def test_abc_leaves_a_sku_of_unknown_revenue_unclassed_and_ranks_the_known_among_themselves() -> None:
    revenue = {"big": Decimal(70), "mid": Decimal(20), "small": Decimal(6), "tiny": Decimal(4), "pound": None}
    assert stock_classes.abc_classes(revenue) == {"big": "A", "mid": "A", "small": "B", "tiny": "C", "pound": None}
    assert stock_classes.abc_classes({"pound": None}) == {"pound": None}


def test_xyz_by_coefficient_of_variation() -> None:
    assert stock_classes.xyz_class([5] * 12) == "X"
    assert stock_classes.xyz_class([8, 2] * 6) == "Y"     # CV 0.6
    assert stock_classes.xyz_class([10, 0] * 6) == "Z"    # CV exactly 1.0
    assert stock_classes.xyz_class([6, 4] * 6) == "X"     # CV 0.2
    assert stock_classes.xyz_class([12] + [0] * 11) == "Z"
    assert stock_classes.xyz_class([0] * 12) is None


def test_reorder_settings_fall_back_on_bad_text() -> None:
    assert reorder.ReorderSettings.from_settings({}) == reorder.ReorderSettings(30, 90)
    assert reorder.ReorderSettings.from_settings({"reorder_window_days": "28", "dead_stock_days": "60"}) == \
        reorder.ReorderSettings(28, 60)
    assert reorder.ReorderSettings.from_settings({"reorder_window_days": "-1", "dead_stock_days": "٣"}) == \
        reorder.ReorderSettings(30, 90)


class _scratch:  # noqa: N801 - used as a context manager
    """A transaction that is always rolled back: every example starts from the same empty shop."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.begin()

    def __exit__(self, *exc: object) -> None:
        self.db.rollback()


def test_the_last_year_basis_reads_the_coming_weeks_of_last_year_once_the_orders_reach_back() -> None:
    today = date(2028, 2, 29)
    chosen = reorder.ReorderSettings.from_settings({"reorder_basis": "last_year", "reorder_window_days": "7"},
                                                   history_start=date(2027, 1, 1))
    assert reorder.demand_window(today, chosen) == (date(2027, 2, 28), date(2027, 3, 6))
    too_young = reorder.ReorderSettings.from_settings({"reorder_basis": "last_year", "reorder_window_days": "7"},
                                                      history_start=date(2027, 3, 1))
    assert reorder.demand_window(today, too_young) == (date(2028, 2, 23), today)
    assert reorder.ReorderSettings.from_settings({"reorder_basis": "next year"}).basis == "recent"
