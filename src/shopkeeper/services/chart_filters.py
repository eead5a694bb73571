"""What a chart looks at: a range of local order days and the seller's filters, as SQL over the rules' macros.

Every chart and every summary figure reads its orders through `orders_sql`,
so a filter means the same everywhere: sold is `sk_is_sold`, the day is
`sk_order_day`, money is net of refunds (`sk_net_amount`). Money is in the
base currency through the seller's rates (`sk_fx`), and an order in a
currency with no rate is left out of money (and counted, so the window can
say so); with a currency filter, money stays in that currency unconverted.

The category filter keeps the orders holding at least one line of a product
in that category (an order is one basket; its lines are not split apart).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from shopkeeper.db.database import Database
from shopkeeper.services.currency import base_currency

GRAINS = ("day", "week", "month")


@dataclass(frozen=True)
class ChartFilter:
    first: date
    last: date
    platform: str | None = None   # 'taobao' (the shop id's prefix)
    shop_id: str | None = None    # 'taobao:Demo shop'
    currency: str | None = None   # money in this currency, unconverted
    category: str | None = None   # products.category

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def previous(self) -> ChartFilter:
        """The same number of days just before."""
        return replace(self, first=self.first - timedelta(days=self.days), last=self.first - timedelta(days=1))

    def year_before(self) -> ChartFilter:
        return replace(self, first=year_before(self.first), last=year_before(self.last))


def year_before(day: date) -> date:
    # 29 February a year back is the 28th.
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


@dataclass(frozen=True)
class Choices:
    platforms: tuple[str, ...]
    shops: tuple[str, ...]
    currencies: tuple[str, ...]
    categories: tuple[str, ...]
    first_day: date | None = None   # the local days of the shop's first and last orders (None: no orders)
    last_day: date | None = None


def filter_choices(db: Database) -> Choices:
    shops = tuple(r[0] for r in db.fetchall("SELECT DISTINCT shop_id FROM orders ORDER BY 1"))
    span = db.fetchone("SELECT min(sk_order_day(ordered_at, ordered_tz)), max(sk_order_day(ordered_at, ordered_tz))"
                       " FROM orders")
    return Choices(
        first_day=span[0] if span else None, last_day=span[1] if span else None,
        platforms=tuple(sorted({s.split(":", 1)[0] for s in shops})),
        shops=shops,
        currencies=tuple(r[0] for r in db.fetchall("SELECT DISTINCT currency FROM orders ORDER BY 1")),
        categories=tuple(r[0] for r in db.fetchall(
            "SELECT DISTINCT category FROM products WHERE coalesce(category, '') <> '' ORDER BY 1")),
    )


def money_currency(db: Database, f: ChartFilter) -> str:
    """The currency a chart's money is in: the filtered one, else the base currency."""
    return f.currency or base_currency(db)


def chart_money(f: ChartFilter, amount: str) -> str:
    """SQL: `amount` in the chart's currency: as it stands under a currency filter, else in the base currency
    to the cent (`sk_to_base`; NULL without a rate). The query joins sk_fx() as `fx` on the amount's currency."""
    return amount if f.currency else f"sk_to_base({amount}, fx.rate)"


def orders_sql(f: ChartFilter, *, sold_only: bool = True) -> tuple[str, list[Any]]:
    """The filtered orders of the range: shop_id, order_id, platform, person, ordered_at, day, status,
    sold, total, refunded, net, and money, gross_money and refund_money in the chart's currency
    (NULL when the order's currency has no rate), and ordered_date_only (its export gave only the day).

    `person` is the member the buyer belongs to across platforms, else the shop's own buyer id.
    """
    conditions = [
        # a cheap bound on the instant first (±2 days covers any offset), then the exact local day
        "o.ordered_at >= CAST(? AS DATE) - INTERVAL 2 DAY", "o.ordered_at < CAST(? AS DATE) + INTERVAL 3 DAY",
        "sk_order_day(o.ordered_at, o.ordered_tz) BETWEEN ? AND ?",
    ]
    params: list[Any] = [f.first, f.last, f.first, f.last]
    if sold_only:
        conditions.append("sk_is_sold(o.status)")
    narrowed, narrowing = filter_conditions(f)
    conditions += narrowed
    params += narrowing
    sql = f"""
        SELECT o.shop_id, o.order_id, o.order_number, split_part(o.shop_id, ':', 1) AS platform,
               coalesce(b.member_id, o.shop_id || '/' || o.buyer_id) AS person,
               o.buyer_id, o.ordered_at, o.ordered_tz, sk_order_day(o.ordered_at, o.ordered_tz) AS day, o.status,
               sk_is_sold(o.status) AS sold, o.currency, o.total, o.refunded_amount,
               sk_net_amount(o.total, o.refunded_amount) AS net,
               {"sk_net_amount(o.total, o.refunded_amount)" if f.currency
                else "sk_net_base(o.total, o.refunded_amount, fx.rate)"} AS money,
               {chart_money(f, "o.total")} AS gross_money, {chart_money(f, "o.refunded_amount")} AS refund_money,
               o.ship_country, o.ship_city, o.ordered_date_only
        FROM orders o
        LEFT JOIN sk_fx() fx ON fx.currency = o.currency
        LEFT JOIN buyers b ON b.shop_id = o.shop_id AND b.buyer_id = o.buyer_id
        WHERE {" AND ".join(conditions)}"""
    return sql, params


def filter_conditions(f: ChartFilter, order: str = "o", platform: str = "split_part(o.shop_id, ':', 1)"
                      ) -> tuple[list[str], list[Any]]:
    """SQL conditions (and their parameters) for the filter's platform, shop, currency and category, dates aside,
    over the orders' alias `order` (its shop_id, order_id and currency) and the SQL of its `platform`."""
    conditions: list[str] = []
    params: list[Any] = []
    if f.platform:
        conditions.append(f"{platform} = ?")
        params.append(f.platform)
    if f.shop_id:
        conditions.append(f"{order}.shop_id = ?")
        params.append(f.shop_id)
    if f.currency:
        conditions.append(f"{order}.currency = ?")
        params.append(f.currency)
    if f.category:
        conditions.append(
            "EXISTS (SELECT 1 FROM order_lines cl JOIN variants cv ON cv.sku = cl.sku"
            " JOIN products cp ON cp.product_id = cv.product_id"
            f" WHERE cl.shop_id = {order}.shop_id AND cl.order_id = {order}.order_id AND cp.category = ?)")
        params.append(f.category)
    return conditions, params


def bucket_sql(grain: str, day: str = "day") -> str:
    """The first day of the day's week (Monday) or month, as SQL."""
    if grain not in GRAINS:
        raise ValueError(f"unknown grain {grain!r}")
    return day if grain == "day" else f"CAST(date_trunc('{grain}', {day}) AS DATE)"
