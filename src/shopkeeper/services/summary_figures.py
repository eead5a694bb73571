"""The summary row of the Charts tab: the morning's figures for today, 7 days, 30 days and the chosen range.

Each period is set against the same number of days just before it and the
same dates a year earlier. All twelve windows come from one aggregate over
the filtered orders (chart_filters.orders_sql), so the row costs one scan.

  revenue      net of refunds, of sold orders, in the chart's currency
  orders       sold orders; average order value = revenue ÷ orders with money
  units        units of sold orders' lines, refunded units taken off
  refund rate  refunded ÷ paid money, over every order that was paid
               (sold, or refunded in full): what share of takings went back
  new buyers   people (members across platforms) whose first sold order in the
               whole shop falls in the window; returning: bought before it
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from shopkeeper.db.database import Database
from shopkeeper.services.chart_filters import ChartFilter, money_currency, orders_sql

PERIODS = ("today", "7d", "30d", "range")
COMPARISONS = ("now", "before", "last_year")
SPARK_DAYS_FOR_TODAY = 14  # one day is one point: show the fortnight up to it
_PCT = Decimal("0.1")
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class Figures:
    revenue: Decimal
    orders: int
    units: int
    refund_rate: Decimal | None   # percent, one decimal; None: nothing was paid
    new_buyers: int
    returning_buyers: int
    without_rate: int             # sold orders left out of money: their currency has no rate

    @property
    def average_order(self) -> Decimal | None:
        counted = self.orders - self.without_rate
        return (self.revenue / counted).quantize(_CENT, rounding=ROUND_HALF_UP) if counted > 0 else None


EMPTY = Figures(Decimal("0.00"), 0, 0, None, 0, 0, 0)


@dataclass(frozen=True)
class PeriodSummary:
    period: str
    first: date
    last: date
    now: Figures
    before: Figures
    last_year: Figures
    spark: tuple[Decimal, ...]   # revenue per day, oldest first


@dataclass(frozen=True)
class Summary:
    currency: str
    converted: bool              # money converted to the base currency at the seller's rates
    periods: tuple[PeriodSummary, ...]


def change_pct(now: Decimal | int | None, before: Decimal | int | None) -> Decimal | None:
    """Percent change; None when there is nothing to compare with (a change from zero has no percentage)."""
    if now is None or before is None or before == 0:
        return None
    return (Decimal(100) * (Decimal(now) - Decimal(before)) / abs(Decimal(before))).quantize(_PCT, ROUND_HALF_UP)


def windows(today: date, f: ChartFilter) -> dict[str, ChartFilter]:
    return {
        "today": replace(f, first=today, last=today),
        "7d": replace(f, first=today - timedelta(days=6), last=today),
        "30d": replace(f, first=today - timedelta(days=29), last=today),
        "range": f,
    }


def summary(db: Database, f: ChartFilter, today: date) -> Summary:
    current = windows(today, f)
    rows: list[tuple[str, str, date, date]] = []
    for name, w in current.items():
        rows += [(name, "now", w.first, w.last), (name, "before", w.previous().first, w.previous().last),
                 (name, "last_year", w.year_before().first, w.year_before().last)]
    span = replace(f, first=min(r[2] for r in rows), last=max(r[3] for r in rows))
    orders, params = orders_sql(span, sold_only=False)
    values = ", ".join("(?, ?, CAST(? AS DATE), CAST(? AS DATE))" for _ in rows)
    figures = db.fetchall(
        f"""
        WITH w(period, compare, first, last) AS (VALUES {values}),
        o AS ({orders}),
        units AS (SELECT l.shop_id, l.order_id, sum(l.quantity - l.refunded_quantity) AS units
                  FROM order_lines l SEMI JOIN (SELECT shop_id, order_id FROM o WHERE sold) s
                      ON s.shop_id = l.shop_id AND s.order_id = l.order_id
                  GROUP BY ALL),
        first_order AS (SELECT coalesce(b.member_id, x.shop_id || '/' || x.buyer_id) AS person,
                               min(sk_order_day(x.ordered_at, x.ordered_tz)) AS first
                        FROM orders x LEFT JOIN buyers b ON b.shop_id = x.shop_id AND b.buyer_id = x.buyer_id
                        WHERE sk_is_sold(x.status) AND x.buyer_id IS NOT NULL GROUP BY 1),
        -- Sums add up day by day, so the windows join a few hundred days rather than every order;
        -- only the people need their own rows, once per day they bought.
        daily AS (SELECT o.day,
                         sum(o.money) FILTER (WHERE o.sold) AS money,
                         count(*) FILTER (WHERE o.sold) AS orders,
                         sum(u.units) FILTER (WHERE o.sold) AS units,
                         sum(o.refund_money) FILTER (WHERE o.sold OR sk_is_refunded(o.status)) AS refunded,
                         sum(o.gross_money) FILTER (WHERE o.sold OR sk_is_refunded(o.status)) AS paid,
                         count(*) FILTER (WHERE o.sold AND o.money IS NULL) AS without_rate
                  FROM o LEFT JOIN units u ON u.shop_id = o.shop_id AND u.order_id = o.order_id GROUP BY o.day),
        buyer_days AS (SELECT DISTINCT o.person, o.day, fo.first FROM o JOIN first_order fo USING (person)
                       WHERE o.sold AND o.buyer_id IS NOT NULL),
        sums AS (SELECT w.period, w.compare, coalesce(sum(d.money), 0) AS money, coalesce(sum(d.orders), 0) AS orders,
                        coalesce(sum(d.units), 0)::BIGINT AS units, sum(d.refunded) AS refunded, sum(d.paid) AS paid,
                        coalesce(sum(d.without_rate), 0) AS without_rate
                 FROM w LEFT JOIN daily d ON d.day BETWEEN w.first AND w.last GROUP BY ALL),
        people AS (SELECT w.period, w.compare,
                          count(DISTINCT bd.person) FILTER (WHERE bd.first >= w.first) AS new_buyers,
                          count(DISTINCT bd.person) FILTER (WHERE bd.first < w.first) AS returning
                   FROM w JOIN buyer_days bd ON bd.day BETWEEN w.first AND w.last GROUP BY ALL)
        SELECT s.period, s.compare, s.money, s.orders, s.units, s.refunded, s.paid,
               coalesce(p.new_buyers, 0), coalesce(p.returning, 0), s.without_rate
        FROM sums s LEFT JOIN people p USING (period, compare)
        """,
        [x for r in rows for x in r] + params,
    )
    found = {(r[0], r[1]): Figures(
        revenue=Decimal(r[2]).quantize(_CENT), orders=int(r[3]), units=int(r[4]),
        refund_rate=(Decimal(100) * r[5] / r[6]).quantize(_PCT, ROUND_HALF_UP) if r[6] else None,
        new_buyers=int(r[7]), returning_buyers=int(r[8]), without_rate=int(r[9]),
    ) for r in figures}
    spark = _daily_revenue(db, replace(f, first=min(today - timedelta(days=SPARK_DAYS_FOR_TODAY - 1), f.first),
                                       last=max(today, f.last)))
    periods = []
    for name, w in current.items():
        first = w.first - timedelta(days=SPARK_DAYS_FOR_TODAY - 1) if name == "today" else w.first
        days = (w.last - first).days + 1
        periods.append(PeriodSummary(
            name, w.first, w.last, found.get((name, "now"), EMPTY), found.get((name, "before"), EMPTY),
            found.get((name, "last_year"), EMPTY),
            tuple(spark.get(first + timedelta(days=i), Decimal(0)) for i in range(days))))
    return Summary(money_currency(db, f), converted=f.currency is None, periods=tuple(periods))


def _daily_revenue(db: Database, f: ChartFilter) -> dict[date, Decimal]:
    orders, params = orders_sql(f)
    return {r[0]: r[1] for r in db.fetchall(
        f"SELECT day, coalesce(sum(money), 0) FROM ({orders}) GROUP BY day", params)}
