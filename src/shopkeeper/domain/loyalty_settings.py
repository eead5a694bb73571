"""The seller's loyalty settings: what each key of table `loyalty_settings` means, and its default.

Points (domain/points.py):
* `points_per_currency_unit`: points per unit of the base currency (default 1);
  `points_rate.<platform>` overrides it for one platform's shops ('points_rate.taobao' = 2).
* `points_return_days`: an order's points stay pending this many days after the order
  (default 15, the usual return window); pending points are not spendable.
* `points_expiry_model`: 'months' (each award expires `points_expiry_months` after it was
  earned, default 12, 0 = never) or 'annual' (everything earned in a calendar year - the
  order's local year, as its day is counted everywhere - is cleared at the end of
  `points_expiry_month_day` ('MM-DD', default '12-31') of the next year, on the order's clock).
* `bonus_events`: a JSON list of {"name", "from", "to" (ISO dates, both included), "platform"
  (a platform's code, 'taobao', as shops are keyed - the save refuses any other, which would
  match no order; null: every platform), "multiply" (×N, default 1), "add" (+N points per
  order, default 0)}.

Tiers (domain/tiers.py):
* `tier_basis`: what the thresholds count: 'spend' (net, base currency; default), 'points'
  (the points orders earn at the base rate, before multipliers and bonuses) or 'orders'.
* `tier_window`: 'rolling_12' (default), 'calendar_year' or 'lifetime'.

A value the rules cannot read falls back to its default, in Python as in SQL.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

RATE = "points_per_currency_unit"
RATE_PREFIX = "points_rate."
RETURN_DAYS = "points_return_days"
EXPIRY_MODEL = "points_expiry_model"
EXPIRY_MONTHS = "points_expiry_months"
EXPIRY_MONTH_DAY = "points_expiry_month_day"
BONUS_EVENTS = "bonus_events"
TIER_BASIS = "tier_basis"
TIER_WINDOW = "tier_window"

DEFAULT_RATE = Decimal(1)
DEFAULT_RETURN_DAYS = 15
DEFAULT_EXPIRY_MONTHS = 12
EXPIRY_MODELS = ("months", "annual")
DEFAULT_MONTH_DAY = "12-31"
TIER_BASES = ("spend", "points", "orders")
TIER_WINDOWS = ("rolling_12", "calendar_year", "lifetime")
MAX_DAYS = 3650


def read_rate(text: str | None) -> Decimal | None:
    """A points rate as the SQL reads it (ASCII digits, 0 ≤ rate < 10¹², 6 places); None: unreadable."""
    text = (text or "").strip(" ")
    if not text.isascii():  # Decimal() also reads other scripts' digits ('٣'); DuckDB reads ASCII only.
        return None
    try:
        rate = Decimal(text)
    except InvalidOperation:
        return None
    if not rate.is_finite() or rate < 0 or rate >= 10**12:
        return None
    return rate.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)


def read_count(text: str | None, default: int, limit: int = 2**31) -> int:
    text = (text or "").strip(" ")
    value = int(text) if re.fullmatch("[0-9]+", text) else default
    return value if value < limit else default


def read_month_day(text: str | None) -> tuple[int, int]:
    """'MM-DD' as (month, day); 29 February is allowed (the last day of February in a common year)."""
    match = re.fullmatch(r"([0-9]{2})-([0-9]{2})", (text or "").strip(" "))
    if match:
        month, day = int(match[1]), int(match[2])
        try:
            date(2024, month, day)
        except ValueError:
            pass
        else:
            return month, day
    return 12, 31


@dataclass(frozen=True)
class BonusEvent:
    name: str
    first: date
    last: date
    platform: str | None = None
    multiply: Decimal = Decimal(1)
    add: int = 0

    def applies(self, day: date, platform: str) -> bool:
        return self.first <= day <= self.last and self.platform in (None, platform)

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "from": self.first.isoformat(), "to": self.last.isoformat(),
                "platform": self.platform, "multiply": str(self.multiply), "add": self.add}


def bonus_events_json(events: list[BonusEvent]) -> str:
    return json.dumps([e.as_json() for e in events], ensure_ascii=False)


def read_bonus_events(text: str | None) -> list[BonusEvent]:
    """The stored list; entries the SQL would skip (no dates, to before from) are skipped here too."""
    try:
        raw = json.loads(text or "[]")
    except ValueError:
        return []
    out = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict):
            continue
        try:
            first, last = date.fromisoformat(str(item["from"])), date.fromisoformat(str(item["to"]))
            multiply = Decimal(str(item.get("multiply") or 1)).quantize(Decimal("0.01"))
            add = int(item.get("add") or 0)
        except (KeyError, ValueError, InvalidOperation):
            continue
        if last < first or multiply < 0:
            continue
        out.append(BonusEvent(str(item.get("name") or ""), first, last, item.get("platform") or None, multiply, add))
    return out


@dataclass(frozen=True)
class LoyaltySettings:
    rate: Decimal = DEFAULT_RATE
    platform_rates: Mapping[str, Decimal] | None = None
    return_days: int = DEFAULT_RETURN_DAYS
    expiry_model: str = "months"
    expiry_months: int = DEFAULT_EXPIRY_MONTHS
    expiry_month_day: tuple[int, int] = (12, 31)
    bonus_events: tuple[BonusEvent, ...] = ()
    tier_basis: str = "spend"
    tier_window: str = "rolling_12"

    def rate_for(self, platform: str) -> Decimal:
        return (self.platform_rates or {}).get(platform, self.rate)

    @classmethod
    def from_settings(cls, settings: Mapping[str, str]) -> LoyaltySettings:
        platform_rates = {}
        for key, value in settings.items():
            if key.startswith(RATE_PREFIX) and (rate := read_rate(value)) is not None:
                platform_rates[key[len(RATE_PREFIX):]] = rate
        model = settings.get(EXPIRY_MODEL, "").strip()
        basis = settings.get(TIER_BASIS, "").strip()
        window = settings.get(TIER_WINDOW, "").strip()
        return cls(
            rate=rate if (rate := read_rate(settings.get(RATE))) is not None else DEFAULT_RATE,
            platform_rates=platform_rates,
            return_days=read_count(settings.get(RETURN_DAYS), DEFAULT_RETURN_DAYS, MAX_DAYS + 1),
            expiry_model=model if model in EXPIRY_MODELS else "months",
            expiry_months=read_count(settings.get(EXPIRY_MONTHS), DEFAULT_EXPIRY_MONTHS),
            expiry_month_day=read_month_day(settings.get(EXPIRY_MONTH_DAY)),
            bonus_events=tuple(read_bonus_events(settings.get(BONUS_EVENTS))),
            tier_basis=basis if basis in TIER_BASES else "spend",
            tier_window=window if window in TIER_WINDOWS else "rolling_12",
        )


def _setting(key: str) -> str:
    return f"(SELECT trim(value, ' ') FROM loyalty_settings WHERE key = '{key}')"


def _choice(key: str, choices: tuple[str, ...]) -> str:
    listed = ", ".join(f"'{c}'" for c in choices)
    return f"coalesce((SELECT trim(value) FROM loyalty_settings WHERE key = '{key}' AND trim(value) IN ({listed})), " \
           f"'{choices[0]}')"


def _rate_sql(text: str) -> str:
    return f"(SELECT CASE WHEN r >= 0 THEN r END FROM (SELECT TRY_CAST({text} AS DECIMAL(18,6)) AS r))"


def _count_sql(key: str, default: int, limit: int) -> str:
    text = _setting(key)
    return (f"coalesce((SELECT CASE WHEN regexp_full_match({text}, '[0-9]+') AND TRY_CAST({text} AS HUGEINT) < {limit}"
            f" THEN TRY_CAST({text} AS INTEGER) END), {default})")


TABLE_MACROS = (
    # The shop-wide loyalty settings as one row; unreadable values fall back to the defaults.
    f"""CREATE OR REPLACE TEMP MACRO sk_loyalty_settings() AS TABLE
    SELECT coalesce({_rate_sql(_setting(RATE))}, {DEFAULT_RATE}::DECIMAL(18,6)) AS rate,
           {_count_sql(RETURN_DAYS, DEFAULT_RETURN_DAYS, MAX_DAYS + 1)} AS return_days,
           {_choice(EXPIRY_MODEL, EXPIRY_MODELS)} AS expiry_model,
           {_count_sql(EXPIRY_MONTHS, DEFAULT_EXPIRY_MONTHS, 2**31)} AS expiry_months,
           coalesce((SELECT CASE WHEN regexp_full_match(v, '[0-9]{{2}}-[0-9]{{2}}')
                                  AND TRY_CAST('2024-' || v AS DATE) IS NOT NULL
                                 THEN [CAST(v[1:2] AS INTEGER), CAST(v[4:5] AS INTEGER)] END
                     FROM (SELECT {_setting(EXPIRY_MONTH_DAY)} AS v)), [12, 31]) AS expiry_month_day,
           {_choice(TIER_BASIS, TIER_BASES)} AS tier_basis,
           {_choice(TIER_WINDOW, TIER_WINDOWS)} AS tier_window""",
    # Each shop's points rate: its platform's own rate when the seller set one, else the shop-wide rate.
    f"""CREATE OR REPLACE TEMP MACRO sk_points_rates() AS TABLE
    SELECT s.shop_id, s.platform,
           coalesce((SELECT {_rate_sql('trim(l.value, chr(32))')} FROM loyalty_settings l
                     WHERE l.key = '{RATE_PREFIX}' || s.platform), d.rate) AS rate
    FROM shops s CROSS JOIN sk_loyalty_settings() d""",
    # The bonus events running on each day they cover; an event the Python reader skips is skipped.
    f"""CREATE OR REPLACE TEMP MACRO sk_bonus_events() AS TABLE
    SELECT e.name, e."from" AS first_day, e."to" AS last_day, nullif(e.platform, '') AS platform,
           coalesce(e.multiply, 1) AS multiply, coalesce(e."add", 0) AS bonus_add
    FROM (SELECT unnest(TRY(from_json(value, '[{{"name": "VARCHAR", "from": "DATE", "to": "DATE",
                                                  "platform": "VARCHAR", "multiply": "DECIMAL(9,2)",
                                                  "add": "INTEGER"}}]'))) AS e
          FROM loyalty_settings WHERE key = '{BONUS_EVENTS}')
    WHERE e."from" IS NOT NULL AND e."to" IS NOT NULL AND e."to" >= e."from" AND coalesce(e.multiply, 1) >= 0""",
)
