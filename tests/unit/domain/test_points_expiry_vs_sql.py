"""When points expire: the Python rule (domain/points.py) and its SQL agree, by the order's local year and clock,
and recompute never writes an expiry that has not happened yet."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain.loyalty_settings import LoyaltySettings
from shopkeeper.domain.points import Credit, add_months, expires_at, expires_sql, expiries, expiry_cutoff

RULES = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Around new year, where the local year and the UTC year differ for an order placed east or west of UTC.
NEAR_NEW_YEAR = st.builds(lambda year, minutes: datetime(year, 12, 31, 12, tzinfo=UTC) + timedelta(minutes=minutes),
                          st.integers(2023, 2030), st.integers(0, 24 * 60))
OFFSETS = st.sampled_from(["+08:00", "-05:00", "+00:00", "+05:30", "+14:00", "-12:00", "", None])
MONTH_DAYS = st.sampled_from([(12, 31), (6, 30), (2, 29), (1, 1)])


@RULES
@given(at=NEAR_NEW_YEAR, tz=OFFSETS, month_day=MONTH_DAYS, model=st.sampled_from(["annual", "months"]),
       months=st.sampled_from([0, 1, 12]))
def test_the_expiry_moment_is_the_same_in_python_and_sql(db: Database, at: datetime, tz: str | None,
                                                          month_day: tuple[int, int], model: str, months: int) -> None:
    policy = LoyaltySettings(expiry_model=model, expiry_months=months, expiry_month_day=month_day)
    sql = (f"WITH s AS (SELECT $model AS expiry_model, $months AS expiry_months, [$month, $day] AS expiry_month_day), "
           f"o AS (SELECT CAST($at AS TIMESTAMPTZ) AS at, CAST($tz AS VARCHAR) AS tz) "
           f"SELECT {expires_sql('o.at', 's', 'o.tz')} FROM o CROSS JOIN s")
    got = db.scalar(sql, {"model": model, "months": months, "month": month_day[0], "day": month_day[1], "at": at,
                          "tz": tz})
    assert got == expires_at(at, policy, tz)


def test_an_order_on_new_years_day_in_beijing_expires_with_that_years_points() -> None:
    # 01:27 on 1 January 2026 in Beijing is 17:27 on 31 December 2025 in UTC.
    at = datetime(2025, 12, 31, 17, 27, tzinfo=UTC)
    policy = LoyaltySettings(expiry_model="annual", expiry_month_day=(6, 30))
    # Cleared at the end of 30 June 2027, midnight Beijing time: not 2026, not 08:00.
    assert expires_at(at, policy, "+08:00") == datetime(2027, 6, 30, 16, tzinfo=UTC)
    # An entry the seller added has no zone: UTC.
    assert expires_at(at, policy) == datetime(2026, 7, 1, tzinfo=UTC)


def test_recompute_writes_an_expiry_only_once_its_day_has_begun_everywhere() -> None:
    today = date(2026, 12, 4)
    cutoff = expiry_cutoff(today)
    # The first instant of 4 December anywhere (00:00 at UTC+14): before any "now" whose calendar says so.
    assert cutoff == datetime(2026, 12, 3, 10, tzinfo=UTC)
    credit = Credit("o1", datetime(2025, 12, 4, 23, 1, 43, tzinfo=UTC), 148)
    twelve = lambda c: add_months(c.occurred_at, 12)  # noqa: E731
    # At 22:13 UTC on 4 December it expires at 23:01: not yet, so recompute for 4 or 5 December writes nothing.
    assert expiries([credit], [], twelve, cutoff) == []
    assert expiries([credit], [], twelve, expiry_cutoff(today + timedelta(days=1))) == []
    [gone] = expiries([credit], [], twelve, expiry_cutoff(today + timedelta(days=2)))
    assert (gone.expires_at, gone.points) == (datetime(2026, 12, 4, 23, 1, 43, tzinfo=UTC), 148)
    # An expiry exactly at the cutoff has happened.
    assert len(expiries([credit], [], lambda c: cutoff, cutoff)) == 1
