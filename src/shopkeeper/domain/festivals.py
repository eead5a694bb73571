"""The selling festivals of a year, computed (never a typed-in list of dates), each with its warm-up and peak.

A festival has its day, a peak window (when orders come) and, for most, a
warm-up (预热: presale, deposits, add-to-cart and coupon collection). The
windows are the platforms' usual pattern of recent years; a seller's own dates
go in as own events. Sources and assumptions:

* 618 (JD's anniversary, every platform since): presale from about 20 May, the
  sale 1–18 June.  Double 11 (双11): presale from about 20 October (Tmall's
  deposits opened 20–24 October 2021–2024), the sale 1–11 November.  Double 12:
  a smaller echo, warm-up from 1 December, peak 10–12 December.
* 年货节 (the New Year goods fair) runs up to the Chinese New Year until parcels
  can no longer arrive: warm-up 35–29 days before, peak 28 to 11 days before.
* Chinese New Year (春节) from the lunar calendar (domain/lunar.py); peak is the
  public holiday, New Year's Eve to the 6th day.  The couriers' shutdown
  (快递停运): most networks stop taking parcels from about the 25th day of the 12th
  lunar month and are back at work on the 8th day of the 1st (初八); SF keeps a
  reduced service.
* 38 节 (女王节, 8 March): warm-up 1–4 March, peak 5–8.  520 ("I love you"):
  warm-up 13–16 May, peak 17–20.  Qixi (七夕, 7th day of the 7th lunar month) and
  Mid-Autumn (中秋, 15th of the 8th; mooncakes and gift boxes are ordered early):
  gift windows of two and four weeks before the day.
* Western shops: Black Friday (the day after the 4th Thursday of November;
  early deals the week before, peak through the weekend), Cyber Monday (the
  Monday after), Christmas (gift shopping from 1 December, peak 15–25: the last shipping
  days, then the day), Valentine's Day (14 February), Mother's Day (the US
  date, the 2nd Sunday of May, is also the day China shops for it), Singles'
  Day (11 November, AliExpress and Western marketplaces).
* Prime Day: Amazon announces it each year, so it is the date the seller sets;
  two days of sale after a week of early deals.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from shopkeeper.domain.lunar import chinese_new_year, lunar_date

CN, WEST, ANY = "cn", "west", "global"
# Each festival's name, a message code (domain/message_texts.py words it, the window translates it).
NAME_CODES = {
    "618": "festival.618", "double11": "festival.double11", "double12": "festival.double12",
    "new_year_fair": "festival.new_year_fair", "chinese_new_year": "festival.chinese_new_year",
    "courier_shutdown": "festival.courier_shutdown", "women_day": "festival.women_day", "520": "festival.520",
    "qixi": "festival.qixi", "mid_autumn": "festival.mid_autumn", "black_friday": "festival.black_friday",
    "cyber_monday": "festival.cyber_monday", "christmas": "festival.christmas", "valentines": "festival.valentines",
    "mothers_day": "festival.mothers_day", "singles_day": "festival.singles_day", "prime_day": "festival.prime_day",
}
FESTIVAL, HOLIDAY, LOGISTICS = "festival", "holiday", "logistics"


@dataclass(frozen=True)
class Festival:
    key: str  # NAME_CODES[key] is its name
    region: str  # cn, west, global
    kind: str  # festival (a sale), holiday (shops quiet, buyers gift), logistics (parcels stop)
    day: date  # the day itself
    start: date  # peak window, inclusive
    end: date
    warmup_start: date | None = None  # 预热, inclusive; None: no warm-up
    warmup_end: date | None = None

    @property
    def first_day(self) -> date:
        return self.warmup_start or self.start

    @property
    def name_code(self) -> str:
        return NAME_CODES[self.key]


def _days(n: int) -> timedelta:
    return timedelta(days=n)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th `weekday` (Monday 0) of a month."""
    first = date(year, month, 1)
    return first + _days((weekday - first.weekday()) % 7 + 7 * (n - 1))


def black_friday(year: int) -> date:
    return _nth_weekday(year, 11, 3, 4) + _days(1)


def mothers_day(year: int) -> date:
    return _nth_weekday(year, 5, 6, 2)


def _lead_up(key: str, region: str, day: date, warmup_days: tuple[int, int], peak_days: int) -> Festival:
    """A gifting festival: warm-up from `warmup_days[0]` to `warmup_days[1]` days before, peak the last days."""
    return Festival(key, region, FESTIVAL, day, day - _days(peak_days), day,
                    day - _days(warmup_days[0]), day - _days(warmup_days[1]))


def prime_day(day: date) -> Festival:
    return Festival("prime_day", WEST, FESTIVAL, day, day, day + _days(1), day - _days(7), day - _days(1))


def festivals(year: int, prime_days: Iterable[date] = ()) -> list[Festival]:
    """Every festival whose day falls in `year`, by first day; `prime_days` are the seller's Prime Day dates."""
    y = year
    cny = chinese_new_year(y)
    bf = black_friday(y)
    found = [
        Festival("618", CN, FESTIVAL, date(y, 6, 18), date(y, 6, 1), date(y, 6, 18), date(y, 5, 20), date(y, 5, 31)),
        Festival("double11", CN, FESTIVAL, date(y, 11, 11), date(y, 11, 1), date(y, 11, 11),
                 date(y, 10, 20), date(y, 10, 31)),
        Festival("double12", CN, FESTIVAL, date(y, 12, 12), date(y, 12, 10), date(y, 12, 12),
                 date(y, 12, 1), date(y, 12, 9)),
        Festival("women_day", CN, FESTIVAL, date(y, 3, 8), date(y, 3, 5), date(y, 3, 8), date(y, 3, 1), date(y, 3, 4)),
        Festival("520", CN, FESTIVAL, date(y, 5, 20), date(y, 5, 17), date(y, 5, 20), date(y, 5, 13), date(y, 5, 16)),
        _lead_up("qixi", CN, lunar_date(y, 7, 7), (14, 8), 7),
        _lead_up("mid_autumn", CN, lunar_date(y, 8, 15), (28, 15), 14),
        Festival("chinese_new_year", CN, HOLIDAY, cny, cny - _days(1), cny + _days(6)),
        _lead_up("valentines", WEST, date(y, 2, 14), (13, 7), 6),
        _lead_up("mothers_day", ANY, mothers_day(y), (14, 8), 7),
        Festival("black_friday", WEST, FESTIVAL, bf, bf, bf + _days(2), bf - _days(7), bf - _days(1)),
        Festival("cyber_monday", WEST, FESTIVAL, bf + _days(3), bf + _days(3), bf + _days(3)),
        Festival("christmas", WEST, FESTIVAL, date(y, 12, 25), date(y, 12, 15), date(y, 12, 25),
                 date(y, 12, 1), date(y, 12, 14)),
        Festival("singles_day", WEST, FESTIVAL, date(y, 11, 11), date(y, 11, 11), date(y, 11, 11),
                 date(y, 11, 4), date(y, 11, 10)),
    ]
    stop_from = lunar_date(y - 1, 12, 25)
    found += [
        Festival("new_year_fair", CN, FESTIVAL, cny - _days(11), cny - _days(28), cny - _days(11),
                 cny - _days(35), cny - _days(29)),
        Festival("courier_shutdown", CN, LOGISTICS, stop_from, stop_from, cny + _days(7)),
    ]
    found += [prime_day(d) for d in prime_days if d.year == y]
    return sorted(found, key=lambda f: (f.first_day, f.key))
