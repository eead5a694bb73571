"""Net revenue: what a sale is worth to the seller once refunds are taken off.

Net revenue of an order = total − refunded_amount, counted only for orders
that are sold (order_status.SOLD). Across currencies it is converted to the
seller's base currency with their own rates (`fx_<CODE>` = base units per 1
CODE in currency_settings, saved by services/exchange_rates.py); an order in a currency with no rate is left out of
converted figures rather than guessed. Each amount an export states (an order's total, its refund, a line's
revenue) is converted on its own and rounded to the cent, as a bookkeeper books it: every figure in the base
currency is then a sum or difference of those cents, so a chart's days add up to its months and its total,
and one chart's total is another's (`sk_to_base`; the order's net is its total's cents less its refund's). The base currency is the one the seller
set (`base_currency` in table currency_settings), else the currency most of the shop's orders are in (a
Shopify-only shop counts in its dollars from the first import), else CNY. `stats --json`'s
`order_total` is not this figure: it stays the plain sum of `total` per
currency, which reconciles with the exported files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from shopkeeper.domain.order_status import is_sold

DEFAULT_BASE_CURRENCY = "CNY"
RATE_PLACES = 6                # sk_fx() keeps DECIMAL(18,6)
MAX_RATE = Decimal(10) ** 12   # what DECIMAL(18,6) holds


@dataclass(frozen=True)
class Sale:
    status: str
    currency: str
    total: Decimal
    refunded_amount: Decimal


def net_amount(total: Decimal, refunded_amount: Decimal | None) -> Decimal:
    return total - (refunded_amount or Decimal(0))


CENT = Decimal("0.01")


def in_base(amount: Decimal, rate: Decimal) -> Decimal:
    """`amount` at `rate` in the base currency, to the cent (half away from zero, as DuckDB's round): `sk_to_base`."""
    return (amount * rate).quantize(CENT, rounding=ROUND_HALF_UP)


def to_base(amount: Decimal, currency: str, rates: Mapping[str, Decimal]) -> Decimal | None:
    """`amount` in the base currency to the cent, or None when the seller gave no rate for `currency`."""
    rate = rates.get(currency)
    return None if rate is None else in_base(amount, rate)


def net_to_base(total: Decimal, refunded_amount: Decimal | None, currency: str,
                rates: Mapping[str, Decimal]) -> Decimal | None:
    """An order's net in the base currency: its total's cents less its refund's (`sk_net_base`)."""
    gross, back = to_base(total, currency, rates), to_base(refunded_amount or Decimal(0), currency, rates)
    return None if gross is None or back is None else gross - back


def base_currency(settings: Mapping[str, str], order_currencies: Iterable[str] = ()) -> str:
    """The seller's base currency, else the most common currency of the orders (ties: alphabetical), else CNY."""
    if settings.get("base_currency"):
        return settings["base_currency"]
    counts: dict[str, int] = {}
    for c in order_currencies:
        counts[c] = counts.get(c, 0) + 1
    if not counts:
        return DEFAULT_BASE_CURRENCY
    return min(counts, key=lambda c: (-counts[c], c))


def rates_from_settings(settings: Mapping[str, str], order_currencies: Iterable[str] = ()) -> dict[str, Decimal]:
    """The base currency at 1 and every readable `fx_<CODE>` rate, as the SQL `sk_fx()` reads them."""
    base = base_currency(settings, order_currencies)
    out: dict[str, Decimal] = {}
    for key, value in settings.items():
        if key.startswith("fx_"):
            text = value.strip(" ")
            try:
                rate = Decimal(text)
            except InvalidOperation:
                continue
            if not text.isascii():  # Decimal() reads other scripts' digits, DuckDB does not
                continue
            if rate.is_finite() and abs(rate) < MAX_RATE:
                out[key[3:]] = rate.quantize(Decimal(1).scaleb(-RATE_PLACES), rounding=ROUND_HALF_UP)
    out[base] = Decimal(1)
    return out


def net_revenue(sales: Iterable[Sale], rates: Mapping[str, Decimal]) -> Decimal:
    """Sum of net amounts of sold orders in the base currency (currencies without a rate left out)."""
    total = Decimal(0)
    for s in sales:
        if is_sold(s.status):
            value = net_to_base(s.total, s.refunded_amount, s.currency, rates)
            if value is not None:
                total += value
    return total


MACROS = (
    "CREATE OR REPLACE TEMP MACRO sk_net_amount(total, refunded_amount) AS total - coalesce(refunded_amount, 0)",
    # An amount in the base currency at `rate`, to the cent; NULL without a rate. Wide enough for any rate kept.
    "CREATE OR REPLACE TEMP MACRO sk_to_base(amount, rate) AS CAST(round(amount * rate, 2) AS DECIMAL(38,2))",
    "CREATE OR REPLACE TEMP MACRO sk_net_base(total, refunded_amount, rate) AS "
    "sk_to_base(total, rate) - sk_to_base(coalesce(refunded_amount, 0), rate)",
)

# These read shop tables, so they are created once the shop's schema exists.
TABLE_MACROS = (
    # (currency, rate, is_base): the base currency at 1, then the seller's rates; a base-currency
    # rate row the seller also wrote is ignored, the base is 1 by definition.
    f"""CREATE OR REPLACE TEMP MACRO sk_fx() AS TABLE
    WITH base AS (SELECT coalesce((SELECT nullif(value, '') FROM currency_settings WHERE key = 'base_currency'),
                                  (SELECT currency FROM orders GROUP BY currency
                                   ORDER BY count(*) DESC, currency LIMIT 1),
                                  '{DEFAULT_BASE_CURRENCY}') AS currency)
    SELECT currency, 1::DECIMAL(18,6) AS rate, TRUE AS is_base FROM base
    UNION ALL
    SELECT substr(key, 4) AS currency, TRY_CAST(trim(value) AS DECIMAL(18,6)) AS rate, FALSE FROM currency_settings
    WHERE key LIKE 'fx\\_%' ESCAPE '\\' AND substr(key, 4) <> (SELECT currency FROM base)
      AND TRY_CAST(trim(value) AS DECIMAL(18,6)) IS NOT NULL""",
    # Every sold order with its local day, net amount and net amount in the base currency
    # (NULL when its currency has no rate).
    """CREATE OR REPLACE TEMP MACRO sk_sales() AS TABLE
    SELECT o.shop_id, o.order_id, o.buyer_id, o.ordered_at, o.ordered_tz, o.status, o.currency, o.total,
           o.refunded_amount, sk_order_day(o.ordered_at, o.ordered_tz) AS day,
           sk_net_amount(o.total, o.refunded_amount) AS net,
           sk_net_base(o.total, o.refunded_amount, fx.rate) AS net_base
    FROM orders o LEFT JOIN sk_fx() fx ON fx.currency = o.currency
    WHERE sk_is_sold(o.status)""",
)
