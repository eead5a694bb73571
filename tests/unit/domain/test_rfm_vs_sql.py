"""RFM's plain Python statement (domain/rfm.py) agrees with the SQL every report and the Members tab read."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain import order_day, order_status, revenue, rfm
from tests.unit.domain.conftest import scratch

RULES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DAY = date(2026, 3, 31)  # a month before is 28 February: the clamp
RATES = {"CNY": Decimal(1), "USD": Decimal("7.10")}


def _shop_of(db: Database, members: int, orders: list[tuple]) -> None:
    """orders: (member index, instant, zone, status, currency, total, refunded share)."""
    for kv in (("base_currency", "CNY"), ("fx_USD", "7.10")):
        db.execute("INSERT OR REPLACE INTO currency_settings (key, value) VALUES (?, ?)", list(kv))
    db.execute("INSERT INTO members (member_id, display_name, joined_at) "
               "SELECT 'm' || i, 'm' || i, now() FROM range(?) t(i)", [members])
    # Two platform accounts per member: a member's orders on both are one member's.
    db.execute("INSERT INTO buyers (shop_id, buyer_id, member_id) "
               "SELECT s, 'm' || i, 'm' || i FROM range(?) t(i), (VALUES ('a:x'), ('b:y')) v(s)", [members])
    for n, (m, at, tz, status, cur, total, share) in enumerate(orders):
        db.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency, total, "
                   "refunded_amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   ["a:x" if n % 2 else "b:y", f"o{n}", f"m{m}", at, tz, status, cur, total,
                    (total * share).quantize(Decimal("0.01"))])


def _sales(orders: list[tuple]) -> list[rfm.MemberSale]:
    out = []
    for m, at, tz, status, cur, total, share in orders:
        if order_status.is_sold(status):
            back = (total * share).quantize(Decimal("0.01"))
            out.append(rfm.MemberSale(f"m{m}", order_day.order_day(at, tz), revenue.net_to_base(total, back, cur, RATES)))
    return out


_COLUMNS = ("member_id, orders, spend, first_day, last_day, visits, recency, r, f, m, segment, churn_risk, "
            "expected_next, days_to_second")


def _sql_rfm(db: Database, day: date, quantile_min: int) -> dict[str, rfm.MemberRfm]:
    rows = db.fetchall(f"SELECT {_COLUMNS} FROM sk_rfm_with(?::DATE, ?)", [day, quantile_min])
    return {r[0]: rfm.MemberRfm(*r) for r in rows}


ORDER = st.tuples(
    st.integers(0, 7),
    st.datetimes(min_value=datetime(2025, 6, 1), max_value=datetime(2026, 4, 5), timezones=st.just(UTC)),
    st.sampled_from(["+08:00", "-05:00"]),
    st.sampled_from(order_status.STATUSES),
    st.sampled_from(["CNY", "USD", "GBP"]),  # GBP has no rate
    st.decimals(min_value=Decimal("0.01"), max_value=900, places=2),
    st.sampled_from([Decimal(0), Decimal(0), Decimal("0.5"), Decimal(1)]),
)


@RULES
@given(orders=st.lists(ORDER, max_size=24), quantile_min=st.sampled_from([1, 3, 100]),
       day=st.sampled_from([DAY, rfm.month_before(DAY), date(2026, 1, 1)]))
def test_rfm(db: Database, orders: list[tuple], quantile_min: int, day: date) -> None:
    with scratch(db):
        _shop_of(db, 8, orders)
        got = _sql_rfm(db, day, quantile_min)
        db.execute("CREATE OR REPLACE TEMP TABLE _days AS SELECT * FROM sk_rfm_member_days()")
        read_once = db.fetchall(f"SELECT {_COLUMNS} FROM sk_rfm_from('_days', ?::DATE) ORDER BY 1", [day])
        direct = db.fetchall(f"SELECT {_COLUMNS} FROM sk_rfm(?::DATE) ORDER BY 1", [day])
    assert got == rfm.rfm(_sales(orders), day, quantile_min)
    assert read_once == direct


@RULES
@given(orders=st.lists(ORDER, max_size=24))
def test_movement_compares_with_a_month_before(db: Database, orders: list[tuple]) -> None:
    with scratch(db):
        _shop_of(db, 8, orders)
        db.execute("CREATE OR REPLACE TEMP TABLE _now AS SELECT * FROM sk_rfm(?::DATE)", [DAY])
        db.execute("CREATE OR REPLACE TEMP TABLE _before AS SELECT * FROM sk_rfm(?::DATE)", [rfm.month_before(DAY)])
        got = dict((m, (b, n)) for m, b, n in db.fetchall("SELECT * FROM sk_rfm_moves('_now', '_before')"))
    now, before = rfm.rfm(_sales(orders), DAY), rfm.rfm(_sales(orders), rfm.month_before(DAY))
    assert got == {m: (before[m].segment if m in before else rfm.PROSPECTS, s.segment) for m, s in now.items()}


def test_every_score_pair_has_the_segment_of_the_grid(db: Database) -> None:
    for (r, f), name in rfm.GRID.items():
        assert db.scalar("SELECT sk_rfm_segment(?, ?)", [r, f]) == name
    assert set(rfm.GRID.values()) == set(rfm.SEGMENTS)


@RULES
@given(day=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)))
def test_month_before(db: Database, day: date) -> None:
    assert db.scalar("SELECT CAST(?::DATE - INTERVAL 1 MONTH AS DATE)", [day]) == rfm.month_before(day)


# --- what a seller reads from it ---------------------------------------------------------------


def _member(orders_days: list[int], spend_each: str = "100", day: date = DAY) -> list[rfm.MemberSale]:
    return [rfm.MemberSale("x", day - timedelta(days=d), Decimal(spend_each)) for d in orders_days]


def test_churn_risk_is_past_one_and_a_half_times_the_members_own_gap() -> None:
    # Visits 40 and 20 days ago: the gap is 20 days, so the flag goes up after 30 days without an order.
    assert not rfm.rfm([*_member([40, 20])], DAY)["x"].churn_risk
    assert not rfm.rfm([*_member([40, 20])], DAY + timedelta(days=10))["x"].churn_risk  # 30 days: not yet
    assert rfm.rfm([*_member([40, 20])], DAY + timedelta(days=11))["x"].churn_risk
    assert not rfm.rfm(_member([400]), DAY)["x"].churn_risk  # one order: no gap of their own to judge by


def test_two_orders_on_one_day_are_one_visit() -> None:
    got = rfm.rfm(_member([10, 10]), DAY)["x"]
    assert (got.orders, got.visits, got.churn_risk, got.expected_next, got.days_to_second) == (2, 1, False, None, None)


def test_expected_next_order_and_time_to_second() -> None:
    got = rfm.rfm(_member([100, 70, 45]), DAY)["x"]  # gaps 30 and 25: 27.5 on average, rounded up
    assert got.days_to_second == 30
    assert got.expected_next == DAY - timedelta(days=45) + timedelta(days=28)


def test_quantile_ties_share_a_score() -> None:
    sales = [rfm.MemberSale(f"m{i}", DAY - timedelta(days=i % 7), Decimal(10)) for i in range(150)]
    sales += [rfm.MemberSale("m0", DAY - timedelta(days=1), Decimal(10))]
    got = rfm.rfm(sales, DAY)
    assert {got[f"m{i}"].f for i in range(1, 150)} == {1}  # 149 one-order buyers: all F 1
    assert got["m0"].f == 5 and got["m0"].m == 5
    assert {got[f"m{i}"].r for i in range(150) if i % 7 == 0} == {5}
