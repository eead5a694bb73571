"""The festival calendar is computed for any year; the lunar dates match the published calendar 2020–2035."""

from __future__ import annotations

from datetime import date

import pytest

from shopkeeper.domain.festivals import black_friday, festivals, mothers_day
from shopkeeper.domain.lunar import chinese_new_year, lunar_date, lunar_months

# Published dates (Purple Mountain Observatory / Hong Kong Observatory calendars).
NEW_YEAR = {
    2020: date(2020, 1, 25), 2021: date(2021, 2, 12), 2022: date(2022, 2, 1), 2023: date(2023, 1, 22),
    2024: date(2024, 2, 10), 2025: date(2025, 1, 29), 2026: date(2026, 2, 17), 2027: date(2027, 2, 6),
    2028: date(2028, 1, 26), 2029: date(2029, 2, 13), 2030: date(2030, 2, 3), 2031: date(2031, 1, 23),
    2032: date(2032, 2, 11), 2033: date(2033, 1, 31), 2034: date(2034, 2, 19), 2035: date(2035, 2, 8),
}
MID_AUTUMN = {
    2020: date(2020, 10, 1), 2021: date(2021, 9, 21), 2022: date(2022, 9, 10), 2023: date(2023, 9, 29),
    2024: date(2024, 9, 17), 2025: date(2025, 10, 6), 2026: date(2026, 9, 25), 2027: date(2027, 9, 15),
    2028: date(2028, 10, 3), 2029: date(2029, 9, 22), 2030: date(2030, 9, 12), 2031: date(2031, 10, 1),
    2032: date(2032, 9, 19), 2033: date(2033, 9, 8), 2034: date(2034, 9, 27), 2035: date(2035, 9, 16),
}
QIXI = {
    2020: date(2020, 8, 25), 2021: date(2021, 8, 14), 2022: date(2022, 8, 4), 2023: date(2023, 8, 22),
    2024: date(2024, 8, 10), 2025: date(2025, 8, 29), 2026: date(2026, 8, 19), 2027: date(2027, 8, 8),
    2028: date(2028, 8, 26), 2029: date(2029, 8, 16), 2030: date(2030, 8, 5), 2031: date(2031, 8, 24),
    2032: date(2032, 8, 12), 2033: date(2033, 8, 1), 2034: date(2034, 8, 20), 2035: date(2035, 8, 10),
}


@pytest.mark.parametrize("year", range(2020, 2036))
def test_lunar_dates_match_the_published_calendar(year: int) -> None:
    assert chinese_new_year(year) == NEW_YEAR[year]
    assert lunar_date(year, 8, 15) == MID_AUTUMN[year]
    assert lunar_date(year, 7, 7) == QIXI[year]


def test_leap_months_fall_where_published() -> None:
    # 2020 闰四月, 2023 闰二月, 2025 闰六月 (so Qixi is late, 29 August), 2033 闰十一月.
    def leaps(year: int) -> list[int]:
        months = {*lunar_months(year), *lunar_months(year + 1)}
        return [m for m, leap, start in sorted(months, key=lambda m: m[2]) if leap and start.year == year]

    assert leaps(2020) == [4] and leaps(2023) == [2] and leaps(2025) == [6] and leaps(2033) == [11]
    assert leaps(2024) == []


def test_every_festival_of_a_year_with_its_windows() -> None:
    found = {f.key: f for f in festivals(2026, prime_days=[date(2026, 7, 14)])}
    assert set(found) == {"618", "double11", "double12", "new_year_fair", "chinese_new_year", "courier_shutdown",
                          "women_day", "520", "qixi", "mid_autumn", "black_friday", "cyber_monday", "christmas",
                          "valentines", "mothers_day", "singles_day", "prime_day"}
    d11 = found["double11"]
    assert (d11.warmup_start, d11.warmup_end, d11.start, d11.end) == (
        date(2026, 10, 20), date(2026, 10, 31), date(2026, 11, 1), date(2026, 11, 11))
    # Couriers stop from the 25th of the 12th lunar month to the 8th of the 1st.
    stop = found["courier_shutdown"]
    assert (stop.start, stop.end) == (date(2026, 2, 12), date(2026, 2, 24))
    assert found["new_year_fair"].end < stop.start
    assert found["prime_day"].start == date(2026, 7, 14) and found["prime_day"].end == date(2026, 7, 15)
    for f in found.values():
        assert f.start <= f.day <= f.end or f.key in ("new_year_fair",), f.key
        assert f.warmup_end is None or f.warmup_end < f.start, f.key


def test_western_dates() -> None:
    assert [black_friday(y) for y in (2024, 2025, 2026)] == [date(2024, 11, 29), date(2025, 11, 28),
                                                             date(2026, 11, 27)]
    assert [mothers_day(y) for y in (2024, 2025, 2026)] == [date(2024, 5, 12), date(2025, 5, 11), date(2026, 5, 10)]
    cyber = {f.key: f for f in festivals(2025)}["cyber_monday"]
    assert cyber.day == date(2025, 12, 1)


@pytest.mark.parametrize("year", [1995, 2050, 2099])
def test_any_year_has_its_festivals_in_order(year: int) -> None:
    found = festivals(year)
    assert len(found) == 16
    assert [f.first_day for f in found] == sorted(f.first_day for f in found)
    assert all(f.day.year == year for f in found)
