"""The demo shop's calendar: its four platform shops, how busy each day is, and its promotions.

Everything here is a pure function of `today`, so a demo built twice on the same
day is identical. Day-level busyness ("intensity") carries the shape a seller
expects to see in a revenue chart: 618 and Double 11 on the Chinese shops,
Black Friday to Cyber Monday and Christmas on the Western ones, the Chinese
New Year dip, a weekly rhythm and year-over-year growth.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np

EPOCH = date(1970, 1, 1)
HISTORY_DAYS = 731  # two years ending at (and including) today


@dataclass(frozen=True)
class ShopSpec:
    key: str
    platform: str
    shop_id: str
    currency: str
    market: str  # 'cn' or 'west'
    label: str  # for the import batch name
    growth: float  # year-over-year order growth
    share: float  # share of people whose main shop this is
    fade: float = 1.0  # the busyness left at the end of the history, falling steadily over its last FADE_DAYS


SHOPS: tuple[ShopSpec, ...] = (
    ShopSpec("taobao", "taobao", "taobao:Demo shop", "CNY", "cn", "Taobao", 1.06, 0.37),
    ShopSpec("douyin", "douyin", "douyin:Demo shop", "CNY", "cn", "Douyin", 1.28, 0.24),
    ShopSpec("shopify", "shopify", "shopify:Demo shop", "USD", "west", "Shopify", 1.02, 0.23),
    # Etsy's search stopped showing the shop much half a year ago: the shrinking platform beside growing Douyin.
    ShopSpec("etsy", "etsy", "etsy:Demo shop", "USD", "west", "Etsy", 0.96, 0.16, fade=0.45),
)
FADE_DAYS = 180
SHOP_INDEX = {s.key: i for i, s in enumerate(SHOPS)}

# Chinese New Year's Day; outside this table the dip falls on an approximate date.
_CNY = {
    2020: date(2020, 1, 25), 2021: date(2021, 2, 12), 2022: date(2022, 2, 1),
    2023: date(2023, 1, 22), 2024: date(2024, 2, 10), 2025: date(2025, 1, 29),
    2026: date(2026, 2, 17), 2027: date(2027, 2, 6), 2028: date(2028, 1, 26),
    2029: date(2029, 2, 13), 2030: date(2030, 2, 3), 2031: date(2031, 1, 23),
    2032: date(2032, 2, 11), 2033: date(2033, 1, 31), 2034: date(2034, 2, 19),
    2035: date(2035, 2, 8), 2036: date(2036, 1, 28), 2037: date(2037, 2, 15),
}

# Hour-of-day profiles (local time) for order placement.
CN_HOURS = np.array(
    [2.0, 1.0, .5, .3, .2, .2, .4, .8, 1.5, 2.5, 3.5, 3.8, 3.2, 3.0, 3.3, 3.4,
     3.2, 3.0, 3.2, 4.0, 5.0, 5.6, 5.2, 3.6]
)
WEST_HOURS = np.array(
    [1.2, .7, .4, .3, .3, .4, .8, 1.4, 2.2, 2.8, 3.2, 3.4, 3.6, 3.5, 3.3, 3.2,
     3.3, 3.5, 3.9, 4.4, 4.7, 4.4, 3.4, 2.2]
)
_CN_WEEK = (1.00, .96, .95, .98, 1.02, 1.12, 1.16)  # Monday first
_WEST_WEEK = (1.10, 1.00, .98, .96, .90, .96, 1.14)


def epoch_day(d: date) -> int:
    return d.toordinal() - EPOCH.toordinal()


def history_days(today: date) -> list[date]:
    start = today - timedelta(days=HISTORY_DAYS - 1)
    return [start + timedelta(days=i) for i in range(HISTORY_DAYS)]


def chinese_new_year(year: int) -> date:
    return _CNY.get(year, date(year, 2, 5))


def thanksgiving(year: int) -> date:
    first = date(year, 11, 1)
    first_thursday = 1 + (3 - first.weekday()) % 7
    return date(year, 11, first_thursday + 21)


def black_friday(year: int) -> date:
    return thanksgiving(year) + timedelta(days=1)


def _nth_sunday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def us_dst_state(d: date) -> int:
    """0 standard time all day, 1 daylight time all day, 2 switches on at 02:00, 3 off at 02:00."""
    start, end = _nth_sunday(d.year, 3, 2), _nth_sunday(d.year, 11, 1)
    if d == start:
        return 2
    if d == end:
        return 3
    return 1 if start < d < end else 0


def _cn_factor(d: date) -> float:
    f = _CN_WEEK[d.weekday()]
    m, day = d.month, d.day
    if m == 6 and day <= 18:
        f *= {18: 9.5, 17: 3.0, 16: 2.4, 1: 2.6}.get(day, 1.5)
    elif m == 6 and day <= 25:
        f *= 0.8
    elif m == 10 and day >= 20:
        f *= 0.82  # waiting for Double 11
    elif m == 11 and day <= 11:
        f *= {11: 11.0, 10: 3.2, 1: 3.4}.get(day, 1.6)
    elif m == 11 and day <= 18:
        f *= 0.78
    elif m == 12 and day == 12:
        f *= 1.9
    elif m == 3 and day == 8:
        f *= 1.6
    for year in (d.year, d.year + 1):
        offset = (d - chinese_new_year(year)).days
        if -14 <= offset <= -7 or 7 <= offset <= 12:
            f *= 0.55
        elif -6 <= offset <= 6:
            f *= 0.22
    return f


def _west_factor(d: date) -> float:
    f = _WEST_WEEK[d.weekday()]
    bf = black_friday(d.year)
    offset = (d - bf).days
    lift = {-4: 1.2, -3: 1.25, -2: 1.3, -1: 1.4, 0: 7.0, 1: 3.2, 2: 2.8, 3: 5.2, 4: 1.6}
    m, day = d.month, d.day
    if offset in lift:
        f *= lift[offset]
    elif m == 12 and day <= 17:
        f *= 1.65
    elif m == 12 and day <= 22:
        f *= 1.25
    elif m == 12 and day <= 26:
        f *= 0.55
    elif m == 12:
        f *= 0.85
    elif m == 1:
        f *= 0.82
    elif m == 2 and day <= 13:
        f *= 1.2
    elif m == 11 and day == 11:
        f *= 1.35
    mothers_day = _nth_sunday(d.year, 5, 2)
    if 3 <= (mothers_day - d).days <= 12:
        f *= 1.35
    return f


def day_intensity(days: list[date], shop: ShopSpec, lifts: list[tuple[int, int, float]]) -> np.ndarray:
    """Relative busyness of each day for one shop (not normalised).

    `lifts` are (first_day_index, last_day_index, factor) windows of promotions
    that apply to this shop beyond the big shopping festivals.
    """
    factor = _cn_factor if shop.market == "cn" else _west_factor
    t = np.arange(len(days), dtype=np.float64) / 365.0
    w = np.array([factor(d) for d in days]) * shop.growth**t
    if shop.fade != 1.0:
        fading = min(FADE_DAYS, len(days))
        w[-fading:] *= np.linspace(1.0, shop.fade, fading)
    for lo, hi, lift in lifts:
        w[max(lo, 0) : max(hi + 1, 0)] *= lift
    w[-1] *= 0.4  # today is not over yet: orders only from the morning
    return w


def sample_days(cdf: np.ndarray, lo: np.ndarray, hi: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Day indices in [lo, hi] (inclusive), drawn in proportion to a shop's intensity.

    `cdf` is the cumulative sum of the shop's `day_intensity`.
    """
    lo = np.asarray(lo, dtype=np.int64)
    hi = np.asarray(hi, dtype=np.int64)
    below = np.where(lo > 0, cdf[np.maximum(lo - 1, 0)], 0.0)
    u = below + rng.random(lo.shape[0]) * (cdf[hi] - below)
    days: np.ndarray = np.clip(np.searchsorted(cdf, u, side="right"), lo, hi)
    return days


# ---------------------------------------------------------------------------
# Promotions


@dataclass(frozen=True)
class PromoPlan:
    name: str
    event: str  # '618', 'double11', 'black_friday', 'custom'
    shop_key: str | None  # None: every shop
    starts_on: date
    ends_on: date
    discount_pct: int
    budget: int  # whole currency units
    currency: str
    target_units: int
    notes: str
    rule: str  # how its SKUs are picked: '618', 'double11', 'black_friday', 'gifts', 'new', 'top'
    lift: float  # extra demand on the promotion's shops beyond the festival curve
    # The campaign's kind once planned (domain/campaign_price.py) and its 满减/coupon tiers (spend, off) in whole
    # currency units. Orders of past and running ones were drawn at discount_pct, so those are percent_off.
    kind: str = "percent_off"
    tiers: tuple[tuple[int, int], ...] = ()
    buy_get: tuple[int, int] | None = None  # buy_x_get_y: buy X, get Y free
    # A plan the shop never ran before today (added to show a mechanic): never in the history, so the orders
    # drawn for past years stay exactly as they were.
    upcoming_only: bool = False


def _occurrences(year: int) -> list[PromoPlan]:
    g = 1.0 + 0.2 * max(0, year - 2024)
    bf, cm = black_friday(year), black_friday(year) + timedelta(days=3)

    def plan(name: str, event: str, shop: str | None, starts: date, ends: date, pct: int, budget: float,
             currency: str, units: float, notes: str, rule: str, lift: float = 1.0, kind: str = "percent_off",
             tiers: tuple[tuple[int, int], ...] = (), buy_get: tuple[int, int] | None = None,
             upcoming_only: bool = False) -> PromoPlan:
        return PromoPlan(name, event, shop, starts, ends, pct, int(budget * g), currency, int(units * g),
                         notes, rule, lift, kind, tiers, buy_get, upcoming_only)

    return [
        plan(f"春季上新 Spring new arrivals {year}", "custom", None, date(year, 3, 12), date(year, 3, 24),
             10, 4000, "CNY", 260, "New glazes and spring teas; 10% off new arrivals on every shop.", "new", 1.25),
        plan(f"淘宝 618 年中大促 {year}", "618", "taobao", date(year, 6, 1), date(year, 6, 18),
             15, 9000, "CNY", 900, "满300减45 stacks with platform coupons; deposit presale from 5/20.", "618",
             kind="spend_save", tiers=((300, 45),)),
        plan(f"抖音 618 好物节 {year}", "618", "douyin", date(year, 6, 1), date(year, 6, 18),
             20, 6000, "CNY", 600, "Live-room exclusive price on the 18th.", "618"),
        plan(f"店庆 Shop anniversary {year}", "custom", None, date(year, 9, 16), date(year, 9, 22),
             12, 3000, "CNY", 220, "Members get early access; a 满199减25 shop coupon on the best sellers.", "top",
             1.3, kind="coupon", tiers=((199, 25),)),
        plan(f"淘宝 双11 狂欢节 {year}", "double11", "taobao", date(year, 11, 1), date(year, 11, 11),
             20, 14000, "CNY", 1300, "Cross-store 满300减50, 满600减110; ship by 11/15.", "double11",
             kind="spend_save", tiers=((300, 50), (600, 110))),
        plan(f"抖音 双11 {year}", "double11", "douyin", date(year, 11, 1), date(year, 11, 11),
             25, 9000, "CNY", 800, "Two live sessions: 11/1 and 11/10 20:00.", "double11"),
        plan(f"Black Friday – Cyber Monday {year}", "black_friday", "shopify", bf, cm,
             25, 1800, "USD", 420, "Sitewide 25% on selected items; e-mail send on Thursday.", "black_friday"),
        plan(f"Etsy Cyber Week sale {year}", "black_friday", "etsy", bf, cm,
             20, 700, "USD", 200, "Etsy sales event; free shipping over $35 stays on.", "black_friday"),
        # Overlaps the gift guide on the same gift SKUs: the calendar flags the price the two stack to.
        plan(f"淘宝 双12 买二送一 {year}", "double12", "taobao", date(year, 12, 10), date(year, 12, 12),
             0, 2000, "CNY", 150, "Buy two gift items, the third is free; stacks with the gift coupon.", "gifts",
             kind="buy_x_get_y", buy_get=(2, 1), upcoming_only=True),
        plan(f"年末礼物季 Holiday gift guide {year}", "custom", None, date(year, 12, 3), date(year, 12, 20),
             10, 5000, "CNY", 380, "Gift sets, candles and mugs: a 满199减20 gift coupon; free gift wrap.", "gifts",
             1.15, kind="coupon", tiers=((199, 20),)),
    ]


def plan_promotions(today: date, first_day: date, horizon_days: int = 240) -> list[PromoPlan]:
    """Promotions that overlap the history, plus the next planned one of each kind within the horizon."""
    past: list[PromoPlan] = []
    upcoming: dict[tuple[str, str | None, str], PromoPlan] = {}
    for year in range(first_day.year, today.year + 2):
        for p in _occurrences(year):
            if p.starts_on <= today and p.ends_on >= first_day:
                if not p.upcoming_only:
                    past.append(p)
            elif p.starts_on > today and (p.starts_on - today).days <= horizon_days:
                key = (p.event, p.shop_key, p.rule)
                if key not in upcoming or p.starts_on < upcoming[key].starts_on:
                    upcoming[key] = p
    # What already happened was sold at discount_pct off (demo/orders.py draws the lines so): past and
    # running plans are percent_off whatever they will be planned as in later years.
    past = [replace(p, kind="percent_off", tiers=()) for p in past]
    plans = past + list(upcoming.values())
    plans.sort(key=lambda p: (p.starts_on, p.name))
    return plans
