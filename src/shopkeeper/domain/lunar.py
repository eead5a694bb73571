"""The Chinese lunisolar calendar, computed from the Sun and the Moon (no table of dates, no network).

The rules are those of GB/T 33661-2017 (the calendar China publishes):

* a month begins on the day, in Beijing time (UTC+8), of a new moon;
* the month holding the winter solstice is month 11;
* when 13 new moons begin months between one month 11 and the next, the first of
  them holding no principal solar term (中气: the Sun's longitude a multiple of 30°)
  is a leap month and repeats the number of the month before it.

New moons come from Meeus, *Astronomical Algorithms* (2nd ed.) ch. 49 (error well
under a minute for these centuries); the Sun's apparent longitude from ch. 25's
lower-accuracy series (about 0.01°, some 15 minutes of time), which is enough
unless a solar term falls within minutes of midnight Beijing time, the rare year
the published calendars themselves argued about (2033, whose leap month the rule
above places as published: 闰十一月). Terrestrial time is turned into universal
time with Espenak and Meeus's polynomial for ΔT. Tested against the published
dates of every new year, Qixi and Mid-Autumn 2020–2035.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from functools import lru_cache

_SYNODIC_MONTH = 29.530588861
_BEIJING = 8 / 24  # days
_J2000 = 2451545.0
_JD_OF_DATE_ZERO = 1721425.5  # Julian day of 0001-01-01 00:00 UT, date.toordinal() == 1


def _sin(deg: float) -> float:
    return math.sin(math.radians(deg))


def _delta_t_days(year: float) -> float:
    """TT − UT in days (Espenak & Meeus 2006; their 2005–2050 polynomial, with the 2050–2150 one after)."""
    if year < 2050:
        t = year - 2000
        seconds = 62.92 + 0.32217 * t + 0.005589 * t * t
    else:
        u = (year - 1820) / 100
        seconds = -20 + 32 * u * u - 0.5628 * (2150 - year)
    return seconds / 86400


def _new_moon_tt(k: int) -> float:
    """The Julian ephemeris day of lunation k (k = 0: the new moon of 2000-01-06)."""
    t = k / 1236.85
    jde = (2451550.09766 + _SYNODIC_MONTH * k + 0.00015437 * t**2 - 0.000000150 * t**3
           + 0.00000000073 * t**4)
    e = 1 - 0.002516 * t - 0.0000074 * t**2
    m = 2.5534 + 29.10535670 * k - 0.0000014 * t**2 - 0.00000011 * t**3
    mp = 201.5643 + 385.81693528 * k + 0.0107582 * t**2 + 0.00001238 * t**3 - 0.000000058 * t**4
    f = 160.7108 + 390.67050284 * k - 0.0016118 * t**2 - 0.00000227 * t**3 + 0.000000011 * t**4
    om = 124.7746 - 1.56375588 * k + 0.0020672 * t**2 + 0.00000215 * t**3
    jde += (-0.40720 * _sin(mp) + 0.17241 * e * _sin(m) + 0.01608 * _sin(2 * mp) + 0.01039 * _sin(2 * f)
            + 0.00739 * e * _sin(mp - m) - 0.00514 * e * _sin(mp + m) + 0.00208 * e * e * _sin(2 * m)
            - 0.00111 * _sin(mp - 2 * f) - 0.00057 * _sin(mp + 2 * f) + 0.00056 * e * _sin(2 * mp + m)
            - 0.00042 * _sin(3 * mp) + 0.00042 * e * _sin(m + 2 * f) + 0.00038 * e * _sin(m - 2 * f)
            - 0.00024 * e * _sin(2 * mp - m) - 0.00017 * _sin(om) - 0.00007 * _sin(mp + 2 * m)
            + 0.00004 * _sin(2 * mp - 2 * f) + 0.00004 * _sin(3 * m) + 0.00003 * _sin(mp + m - 2 * f)
            + 0.00003 * _sin(2 * mp + 2 * f) - 0.00003 * _sin(mp + m + 2 * f) + 0.00003 * _sin(mp - m + 2 * f)
            - 0.00002 * _sin(mp - m - 2 * f) - 0.00002 * _sin(3 * mp + m) + 0.00002 * _sin(4 * mp))
    # The planetary arguments' corrections (Meeus table 49.B), each at most half a minute.
    planetary = (
        (299.77, 0.107408, 0.000325), (251.88, 0.016321, 0.000165), (251.83, 26.651886, 0.000164),
        (349.42, 36.412478, 0.000126), (84.66, 18.206239, 0.000110), (141.74, 53.303771, 0.000062),
        (207.14, 2.453732, 0.000060), (154.84, 7.306860, 0.000056), (34.52, 27.261239, 0.000047),
        (207.19, 0.121824, 0.000042), (291.34, 1.844379, 0.000040), (161.72, 24.198154, 0.000037),
        (239.56, 25.513099, 0.000035), (331.55, 3.592518, 0.000023),
    )
    jde += sum(c * _sin(a0 + rate * k) for a0, rate, c in planetary)
    return jde


def _sun_longitude(jde: float) -> float:
    """The Sun's apparent ecliptic longitude in degrees [0, 360) at a Julian ephemeris day."""
    t = (jde - _J2000) / 36525
    l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t
    m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t
    c = ((1.914602 - 0.004817 * t - 0.000014 * t * t) * _sin(m) + (0.019993 - 0.000101 * t) * _sin(2 * m)
         + 0.000289 * _sin(3 * m))
    omega = 125.04 - 1934.136 * t
    return (l0 + c - 0.00569 - 0.00478 * _sin(omega)) % 360


def _jde_year(jde: float) -> float:
    return 2000 + (jde - _J2000) / 365.25


def _beijing_day(jde: float) -> date:
    """The Beijing calendar day on which a moment (Julian ephemeris day) falls."""
    jd_ut = jde - _delta_t_days(_jde_year(jde))
    return date.fromordinal(1 + math.floor(jd_ut + _BEIJING - _JD_OF_DATE_ZERO))


def _solar_term_jde(year: int, longitude: float) -> float:
    """When, in `year`, the Sun's apparent longitude reaches `longitude` degrees."""
    # A first guess from the mean motion (the vernal point near 20 March), refined by Newton's method.
    jde = _J2000 + (year - 2000) * 365.2422 + 79.0 + longitude / 360 * 365.2422
    for _ in range(8):
        gap = (longitude - _sun_longitude(jde) + 180) % 360 - 180
        jde += gap / 360 * 365.2422
        if abs(gap) < 1e-7:
            break
    return jde


def winter_solstice(year: int) -> date:
    """The Beijing day of the December solstice of `year`."""
    return _beijing_day(_solar_term_jde(year, 270))


def _principal_terms(year: int) -> list[date]:
    """The Beijing days of the 12 principal terms (中气) of `year`, plus the next January's 大寒."""
    days = [_beijing_day(_solar_term_jde(year, lon)) for lon in range(0, 360, 30)]
    days.append(_beijing_day(_solar_term_jde(year + 1, 300)))
    return sorted(days)


def _lunation_near(day: date) -> int:
    jd = day.toordinal() + _JD_OF_DATE_ZERO - 1
    return round((jd - 2451550.09766) / _SYNODIC_MONTH)


def _month_start_on_or_before(day: date) -> tuple[int, date]:
    """The lunation whose month holds `day`, and the month's first day."""
    k = _lunation_near(day) + 1
    while (start := _beijing_day(_new_moon_tt(k))) > day:
        k -= 1
    return k, start


@lru_cache(maxsize=64)
def lunar_months(year: int) -> tuple[tuple[int, bool, date], ...]:
    """(month number, is leap, first day) of every month from month 11 of the lunar year before `year`'s
    new year up to the last month before the next month 11; month 1 of the list is `year`'s new year."""
    k11, start11 = _month_start_on_or_before(winter_solstice(year - 1))
    k11_next, _ = _month_start_on_or_before(winter_solstice(year))
    starts = [_beijing_day(_new_moon_tt(k)) for k in range(k11, k11_next + 1)]
    leap_at = -1
    if k11_next - k11 == 13:
        terms = _principal_terms(year - 1) + _principal_terms(year)
        for i in range(1, len(starts) - 1):
            if not any(starts[i] <= t < starts[i + 1] for t in terms):
                leap_at = i
                break
    months: list[tuple[int, bool, date]] = []
    number = 11
    for i, start in enumerate(starts[:-1]):
        if i == leap_at:
            months.append((months[-1][0], True, start))
            continue
        if i > 0:
            number = number % 12 + 1
        months.append((number, False, start))
    return tuple(months)


def lunar_date(year: int, month: int, day: int) -> date:
    """The Gregorian date of day `day` of (non-leap) lunar month `month` of the lunar year beginning in `year`."""
    if not 1 <= month <= 12 or not 1 <= day <= 30:
        raise ValueError(f"no lunar month {month} day {day}")
    months = lunar_months(year)
    # Months 11 and 12 at the head of the list belong to the year before: take the later ones.
    past_new_year = False
    for number, leap, start in months:
        past_new_year = past_new_year or number == 1
        if past_new_year and number == month and not leap:
            return start + timedelta(days=day - 1)
    # Months 11 and 12 of this lunar year lie past the next winter solstice's month 11.
    later = lunar_months(year + 1)
    for number, leap, start in later:
        if number == month and not leap:
            return start + timedelta(days=day - 1)
    raise ValueError(f"no lunar month {month} in {year}")


def chinese_new_year(year: int) -> date:
    """春节: the first day of the first lunar month, in `year`."""
    return lunar_date(year, 1, 1)
