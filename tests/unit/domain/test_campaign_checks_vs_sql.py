"""Checks before a campaign: the Python rule agrees with its SQL macros to the tenth of a percent and the unit."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain.campaign_checks import (
    BELOW_COST,
    BELOW_MIN,
    a_year_before,
    days_counted_before,
    expected_units,
    margin_pct,
    margin_tenths,
    margin_verdict,
    shortfall,
    units_before,
)

RULES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MONEY = st.none() | st.integers(0, 10**8).map(lambda c: Decimal(c) / 100)
PCT = st.none() | st.integers(0, 9999).map(lambda c: Decimal(c) / 100)


def _c(v: Decimal | None) -> int | None:
    return None if v is None else int(v * 100)


@RULES
@given(price=MONEY, cost=MONEY, fee=PCT, min_margin=st.integers(0, 999).map(lambda t: Decimal(t) / 10))
def test_margin_agrees_with_sql(db: Database, price: Decimal | None, cost: Decimal | None, fee: Decimal | None,
                                min_margin: Decimal) -> None:
    tenths, verdict = db.fetchone("SELECT sk_margin_tenths(?::HUGEINT, ?::HUGEINT, ?::HUGEINT),"
                                  " sk_margin_verdict(?::HUGEINT, ?::HUGEINT, ?::HUGEINT, ?::HUGEINT)",
                                  [_c(price), _c(cost), _c(fee)] * 2 + [int(min_margin * 10)])
    assert tenths == margin_tenths(price, cost, fee)
    assert verdict == margin_verdict(price, cost, fee, min_margin)


@RULES
@given(last_year=st.none() | st.integers(0, 10**6), recent=st.integers(-10, 10**6), days=st.integers(1, 60),
       uplift=PCT, until=st.integers(-5, 400), on_hand=st.integers(-100, 10**6))
def test_stock_cover_agrees_with_sql(db: Database, last_year: int | None, recent: int, days: int,
                                     uplift: Decimal | None, until: int, on_hand: int) -> None:
    expected = expected_units(last_year, recent, days, uplift)
    before = units_before(recent, until)
    row = db.fetchone("SELECT sk_expected_units(?::BIGINT, ?::BIGINT, ?::BIGINT, ?::HUGEINT),"
                      " sk_units_before(?::BIGINT, ?::BIGINT), sk_shortfall(?::BIGINT, ?::BIGINT, ?::BIGINT)",
                      [last_year, recent, days, _c(uplift), recent, until, on_hand, before, expected])
    assert row == (expected, before, shortfall(on_hand, before, expected))


def test_a_discount_below_cost_after_fees_is_flagged() -> None:
    # 100.00 at 5 % fees keeps 95.00: a 96.00 cost is a loss, an 88.00 cost is a 7 % margin, under 10 %.
    assert margin_verdict(Decimal(100), Decimal(96), Decimal(5), Decimal(10)) == BELOW_COST
    assert margin_verdict(Decimal(100), Decimal(88), Decimal(5), Decimal(10)) == BELOW_MIN
    assert margin_pct(Decimal(100), Decimal(88), Decimal(5)) == Decimal("7.0")
    assert margin_pct(Decimal(100), Decimal(80), None) == Decimal("20.0")


def test_baseline_with_uplift_and_the_days_before_the_start() -> None:
    # 60 units in 30 days = 2 a day; an 11-day event lifted 50 % sells 33; 10 days before it sell 20.
    assert expected_units(None, 60, 11, Decimal(50)) == 33
    assert expected_units(120, 60, 11, Decimal(50)) == 120  # last year's window wins where there is one
    assert units_before(60, 10) == 20
    # 200 days away with a 14-day lead time: only the last 14 days' sales fall on the event's stock.
    assert days_counted_before(200, 14) == 14 and days_counted_before(10, 14) == 10 and days_counted_before(-3, 14) == 0
    assert shortfall(40, 20, 33) == 13
    assert shortfall(-5, 0, 3) == 3


def test_stock_never_counted_has_no_shortfall_in_python_and_sql(db: Database) -> None:
    assert shortfall(None, 20, 33) is None
    assert db.scalar("SELECT sk_shortfall(NULL::BIGINT, 20::BIGINT, 33::BIGINT)") is None


def test_a_year_before_agrees_with_sql(db: Database) -> None:
    for day in (date(2028, 2, 29), date(2026, 11, 11), date(2027, 1, 1)):
        assert db.scalar("SELECT sk_a_year_before(?::DATE)", [day]) == a_year_before(day)
