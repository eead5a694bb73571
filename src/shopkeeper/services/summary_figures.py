"""The summary row of the Charts tab: the morning's figures for today, 7 days, 30 days and the chosen range.

Each period is set against the same number of days just before it and the
same dates a year earlier. All twelve windows and the sparklines come from
one aggregate over the filtered orders, read through the rules
(chart_filters.orders_sql) once per state of the shop and kept
(`_every_order`): a new range, day or filter adds up kept rows.

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
from shopkeeper.services.chart_filters import ChartFilter, filter_conditions, money_currency, orders_sql

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


# Bounds that hold every order: the kept pass reads the whole history once, whatever range is shown.
_EVER = (date(1900, 1, 1), date(2999, 12, 31))


def _every_order(db: Database) -> str:
    """One row per order of the whole shop with what the summary adds up, kept per generation of the shop.

    The costly part of the summary is reading the orders through the rules (local day, member, rate) and
    their lines' units; done once per state of the shop (Database.kept_result), every later summary - another
    range, another day, another platform, shop or currency - adds up these rows instead. Money columns come
    both converted (money, gross_money, refund_money) and as written (net, total, refunded_amount): a currency
    filter reads the latter.
    """
    orders, params = orders_sql(ChartFilter(*_EVER), sold_only=False)
    return db.kept_result(f"""
        WITH o AS MATERIALIZED ({orders}),
        units AS (SELECT l.shop_id, l.order_id, sum(l.quantity - l.refunded_quantity) AS units
                  FROM order_lines l SEMI JOIN (SELECT shop_id, order_id FROM o WHERE sold) s
                      ON s.shop_id = l.shop_id AND s.order_id = l.order_id
                  GROUP BY ALL),
        -- Grouping (hashing) rather than windows over every order: a million lines' orders stay cheap.
        people AS (SELECT person, row_number() OVER () AS person_no,
                          -- the first sold order's day of the person in the whole shop, whatever the filter
                          min(day) FILTER (WHERE sold) AS first
                   FROM o WHERE buyer_id IS NOT NULL GROUP BY person),
        -- one sold order per person and day stands for that day (_people, unfiltered), with the day before it
        days AS (SELECT person, day, min(order_id) AS day_order,
                        lag(day) OVER (PARTITION BY person ORDER BY day) AS prev
                 FROM o WHERE sold AND buyer_id IS NOT NULL GROUP BY person, day)
        SELECT o.shop_id, o.order_id, o.platform, o.currency, p.person_no AS person, p.first,
               coalesce(d.day_order = o.order_id, FALSE) AS person_day, d.prev,
               o.day, o.sold, o.sold OR sk_is_refunded(o.status) AS paid, o.money, o.gross_money, o.refund_money,
               o.net, o.total, o.refunded_amount, u.units
        FROM o LEFT JOIN units u ON u.shop_id = o.shop_id AND u.order_id = o.order_id
        LEFT JOIN people p ON p.person = o.person AND o.buyer_id IS NOT NULL
        LEFT JOIN days d ON o.sold AND o.buyer_id IS NOT NULL AND d.person = o.person AND d.day = o.day""", params)


def _filtered(kept: str, f: ChartFilter) -> tuple[str, list[object]]:
    """The kept orders passing the filter (dates aside), money in the chart's currency; orders_sql's meaning."""
    conditions, params = filter_conditions(f, order=kept, platform=f"{kept}.platform")
    money = ("net AS money, total AS gross_money, refunded_amount AS refund_money" if f.currency
             else "money, gross_money, refund_money")
    return (f"SELECT day, person, first, person_day, prev, sold, paid, units, {money} FROM {kept} "
            f"WHERE {' AND '.join(['TRUE', *conditions])}"), params


def summary(db: Database, f: ChartFilter, today: date) -> Summary:
    current = windows(today, f)
    rows: list[tuple[str, str, date, date]] = []
    for name, w in current.items():
        rows += [(name, "now", w.first, w.last), (name, "before", w.previous().first, w.previous().last),
                 (name, "last_year", w.year_before().first, w.year_before().last)]
    spark_first = min(today - timedelta(days=SPARK_DAYS_FOR_TODAY - 1), f.first)
    spark_last = max(today, f.last)
    first, last = min(spark_first, *(r[2] for r in rows)), max(spark_last, *(r[3] for r in rows))
    kept = _every_order(db)
    orders, params = _filtered(kept, f)
    values = ", ".join("(?, ?, CAST(? AS DATE), CAST(? AS DATE))" for _ in rows)
    figures = db.fetchall(
        f"""
        WITH w(period, compare, first, last) AS (VALUES {values}),
        o AS (SELECT * FROM ({orders}) WHERE day BETWEEN ? AND ?),
        -- Sums add up day by day, so the windows join a few hundred days rather than every order.
        daily AS (SELECT day,
                         sum(money) FILTER (WHERE sold) AS money,
                         count(*) FILTER (WHERE sold) AS orders,
                         sum(units) FILTER (WHERE sold) AS units,
                         sum(refund_money) FILTER (WHERE paid) AS refunded,
                         sum(gross_money) FILTER (WHERE paid) AS paid,
                         count(*) FILTER (WHERE sold AND money IS NULL) AS without_rate
                  FROM o GROUP BY day),
        sums AS (SELECT w.period, w.compare, coalesce(sum(d.money), 0) AS money, coalesce(sum(d.orders), 0) AS orders,
                        coalesce(sum(d.units), 0)::BIGINT AS units, sum(d.refunded) AS refunded, sum(d.paid) AS paid,
                        coalesce(sum(d.without_rate), 0) AS without_rate
                 FROM w LEFT JOIN daily d ON d.day BETWEEN w.first AND w.last GROUP BY ALL)
        SELECT period, compare, money, orders, units, refunded, paid, without_rate FROM sums
        UNION ALL
        -- the sparklines' revenue per day, from the same rows
        SELECT 'spark', CAST(day AS VARCHAR), coalesce(sum(money) FILTER (WHERE sold), 0), 0, 0, NULL, NULL, 0
        FROM o WHERE day BETWEEN ? AND ? GROUP BY day
        """,
        [x for r in rows for x in r] + params + [first, last, spark_first, spark_last],
    )
    people = _people(db, orders, params, rows, first, last, filtered=(f.platform, f.shop_id, f.currency,
                                                                        f.category) != (None,) * 4)
    found = {(r[0], r[1]): Figures(
        revenue=Decimal(r[2]).quantize(_CENT), orders=int(r[3]), units=int(r[4]),
        refund_rate=(Decimal(100) * r[5] / r[6]).quantize(_PCT, ROUND_HALF_UP) if r[6] else None,
        new_buyers=people[(r[0], r[1])][0], returning_buyers=people[(r[0], r[1])][1], without_rate=int(r[7]),
    ) for r in figures if r[0] != "spark"}
    spark = {date.fromisoformat(r[1]): r[2] for r in figures if r[0] == "spark"}
    periods = []
    for name, w in current.items():
        first = w.first - timedelta(days=SPARK_DAYS_FOR_TODAY - 1) if name == "today" else w.first
        days = (w.last - first).days + 1
        periods.append(PeriodSummary(
            name, w.first, w.last, found.get((name, "now"), EMPTY), found.get((name, "before"), EMPTY),
            found.get((name, "last_year"), EMPTY),
            tuple(spark.get(first + timedelta(days=i), Decimal(0)) for i in range(days))))
    return Summary(money_currency(db, f), converted=f.currency is None, periods=tuple(periods))


_FILTERED_DAYS = ("SELECT day, first, lag(day) OVER (PARTITION BY person ORDER BY day) AS prev "
                  "FROM (SELECT DISTINCT person, day, first FROM o WHERE sold AND person IS NOT NULL)")


def _people(db: Database, orders: str, params: list[object], windows_: list[tuple[str, str, date, date]],
            first: date, last: date, *, filtered: bool) -> dict[tuple[str, str], tuple[int, int]]:
    """(new, returning) buyers of each window, all windows in one scan of the days people bought.

    A person counts in a window once, on their first day in it: the day they bought whose previous buying
    day (`prev`) lies before the window. So each window is a plain filtered count, never a distinct count
    over a join of windows and days (which cost most of the summary's time at a million lines). Unfiltered,
    the kept rows already mark each person's days and their previous day; a filter leaves out some orders,
    so the days are found again among the orders it keeps.
    """
    counts, counted = [], list[object]()
    for _name, _compare, a, b in windows_:
        inside = "day BETWEEN ? AND ? AND (prev IS NULL OR prev < ?)"
        counts += [f"count(*) FILTER (WHERE {inside} AND first >= ?)", f"count(*) FILTER (WHERE {inside} AND first < ?)"]
        counted += [a, b, a, a, a, b, a, a]
    row = db.fetchone(
        f"""
        WITH o AS (SELECT * FROM ({orders}) WHERE day BETWEEN ? AND ?),
        buyer_days AS ({_FILTERED_DAYS if filtered else "SELECT day, first, prev FROM o WHERE person_day"})
        SELECT {", ".join(counts)} FROM buyer_days
        """,
        params + [first, last] + counted,
    ) or ()
    return {(w[0], w[1]): (int(row[2 * i]), int(row[2 * i + 1])) for i, w in enumerate(windows_)}
