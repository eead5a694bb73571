"""An order's local hour (domain/order_day.py): Python and `sk_order_hour` agree; an order whose export gave only
the date has no hour, not hour 0."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain import order_day

INSTANTS = st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2035, 12, 31), timezones=st.just(UTC))
OFFSETS = st.builds(lambda sign, h, m: f"{sign}{h:02d}:{m:02d}", st.sampled_from("+-"), st.integers(0, 14),
                    st.sampled_from([0, 30, 45])) | st.sampled_from(["+0530", "-04", "", "garbage"]) | st.none()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(at=INSTANTS, tz=OFFSETS, date_only=st.sampled_from([True, False, None]))
def test_order_hour(db: Database, at: datetime, tz: str | None, date_only: bool | None) -> None:
    assert db.scalar("SELECT sk_order_hour(?::TIMESTAMPTZ, ?, ?)", [at, tz, date_only]) \
        == order_day.order_hour(at, tz, date_only)


def test_a_date_alone_has_no_hour_and_a_real_midnight_has_hour_0(db: Database) -> None:
    start_of_day = datetime(2021, 12, 26, tzinfo=UTC)
    assert order_day.order_hour(start_of_day, "+00:00", True) is None
    assert order_day.order_hour(start_of_day, "+00:00", False) == 0
    assert order_day.order_hour(start_of_day, "+00:00", None) == 0   # imported before the flag: as it was
    assert order_day.order_hour(datetime(2026, 11, 10, 16, 0, 5, tzinfo=UTC), "+08:00", False) == 0
    assert db.scalar("SELECT sk_order_hour(TIMESTAMPTZ '2021-12-26 00:00:00+00', '+00:00', TRUE)") is None
