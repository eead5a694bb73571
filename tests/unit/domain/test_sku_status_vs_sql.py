"""A SKU's status and season: the Python statement agrees with the SQL the Listings table uses."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain import sku_status

RULES = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MONTH = st.integers(1, 12)
SEASON = st.tuples(MONTH, MONTH) | st.just((None, None)) | st.tuples(MONTH, st.none())
DAY = st.dates(date(2024, 1, 1), date(2027, 12, 31))


@RULES
@given(month=MONTH, season=SEASON)
def test_in_season(db: Database, month: int, season: tuple[int | None, int | None]) -> None:
    start, end = season
    assert db.scalar("SELECT sk_in_season(?, ?, ?)", [month, start, end]) == sku_status.in_season(month, start, end)


@RULES
@given(delisted=st.booleans() | st.none(), season=SEASON, marked=DAY | st.none(), first_seen=DAY | st.none(),
       today=DAY, new_days=st.integers(1, 365))
def test_status_and_may_reorder(db: Database, delisted: bool | None, season: tuple[int | None, int | None],
                                marked: date | None, first_seen: date | None, today: date, new_days: int) -> None:
    start, end = season
    expected = sku_status.sku_status(bool(delisted), start, end, marked, first_seen, today, new_days)
    got = db.scalar("SELECT sk_sku_status(?, ?, ?, ?, ?, ?, ?)",
                    [delisted, start, end, marked, first_seen, today, new_days])
    assert got == expected
    assert db.scalar("SELECT sk_may_reorder(?, ?, ?, ?)", [delisted, start, end, today]) == \
        sku_status.may_reorder(bool(delisted), start, end, today)
    assert db.scalar("SELECT sk_season_text(?, ?)", [start, end]) == sku_status.season_text(start, end)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(season=st.tuples(MONTH, MONTH), last=DAY, length=st.integers(1, 120),
       sold=st.lists(st.integers(-5, 125), max_size=12))
def test_season_selling_days(db: Database, season: tuple[int, int], last: date, length: int,
                             sold: list[int]) -> None:
    first = last - timedelta(days=length - 1)
    sold_days = {last - timedelta(days=i) for i in sold}
    db.begin()
    try:
        db.execute("INSERT INTO sku_status (sku, season_start, season_end) VALUES ('S', ?, ?)", list(season))
        for n, day in enumerate(sorted(sold_days)):
            # Noon in Beijing, written with its offset: the order's local day is `day`.
            at = datetime.combine(day, time(4, 0), tzinfo=UTC)
            db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total)"
                       " VALUES ('taobao:t', ?, ?, '+08:00', 'completed', 'CNY', 1)", [f"O{n}", at])
            db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                       " line_total, currency) VALUES ('taobao:t', ?, 1, 'S', 't', 1, 1, 1, 'CNY')", [f"O{n}"])
        got = db.scalar("SELECT days FROM sk_season_selling_days(?, ?) WHERE sku = 'S'", [first, last])
    finally:
        db.rollback()
    assert got == sku_status.season_selling_days(first, last, *season, sold_days)


def test_a_winter_season_wraps_over_the_new_year() -> None:
    assert [m for m in range(1, 13) if sku_status.in_season(m, 11, 2)] == [1, 2, 11, 12]
    assert [m for m in range(1, 13) if sku_status.in_season(m, 5, 5)] == [5]


def test_delisted_wins_then_season_then_new() -> None:
    today = date(2026, 3, 10)
    assert sku_status.sku_status(True, 11, 2, today, today, today, 30) == sku_status.DELISTED
    assert sku_status.sku_status(False, 11, 2, today, today, today, 30) == sku_status.SEASONAL
    assert sku_status.sku_status(False, None, None, None, today - timedelta(days=29), today, 30) == sku_status.NEW
    assert sku_status.sku_status(False, None, None, None, today - timedelta(days=30), today, 30) == sku_status.ACTIVE
    # Marked new a year after it first sold: new again from the mark.
    assert sku_status.sku_status(False, None, None, today, date(2025, 1, 1), today, 30) == sku_status.NEW
