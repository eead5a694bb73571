"""Money converted to the base currency adds up to the cent, whatever it is grouped by.

Each order's total and refund were converted at the seller's rate and kept to the fraction of a cent
(net × 7.1 kept 8 decimals), and each figure rounded only when shown: the demo's Charts read
3,606,021.73 CNY for all time, 3,606,021.74 for its months added up and 3,606,022.14 for its days, so a
seller adding the daily table in a spreadsheet found 0.41 CNY that no chart explained. Now an amount is
converted on its own and rounded to the cent, as a bookkeeper books it (`sk_to_base`), and every figure
is a sum of those cents.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.db.rule_macros import install_rule_macros
from shopkeeper.domain import revenue
from shopkeeper.services import chart_series as cs
from shopkeeper.services import summary_figures
from shopkeeper.services.chart_filters import ChartFilter

FIRST = date(2025, 1, 1)
RANGE = ChartFilter(FIRST, date(2025, 3, 31))
_CENTS = st.integers(min_value=1, max_value=99_999)
# (day offset, currency, total in cents, refunded share in tenths)
_ORDERS = st.lists(st.tuples(st.integers(0, 89), st.sampled_from(["USD", "CNY"]), _CENTS, st.integers(0, 10)),
                   min_size=1, max_size=40)
_RATES = st.decimals(min_value=Decimal("0.000001"), max_value=Decimal("50"), places=6)


def _fill(db: Database, orders: list[tuple[int, str, int, int]], rate: Decimal) -> list[revenue.Sale]:
    sales = []
    db.execute("DELETE FROM orders")
    db.execute("DELETE FROM currency_settings")
    db.execute("INSERT INTO currency_settings (key, value) VALUES ('base_currency', 'CNY'), ('fx_USD', ?)", [str(rate)])
    for n, (offset, currency, cents, tenths) in enumerate(orders):
        total = Decimal(cents) / 100
        back = (total * tenths / 10).quantize(Decimal("0.01"))
        status = "refunded" if tenths == 10 else "completed"
        db.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency, total,"
                   " refunded_amount) VALUES ('shopify:s', ?, 'b', ?, '+00:00', ?, ?, ?, ?)",
                   [f"o{n}", f"{FIRST + timedelta(days=offset)} 12:00:00+00", status, currency, total, back])
        sales.append(revenue.Sale(status, currency, total, back))
    return sales


@pytest.fixture(scope="module")
def one_shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("cents")
    db = Database.open(folder / "shop.duckdb")
    migrate(db, folder / "backups")
    install_rule_macros(db)
    yield db
    db.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(orders=_ORDERS, rate=_RATES)
def test_days_weeks_months_and_the_total_add_up_to_the_same_cents(one_shop: Database, orders, rate) -> None:
    db = one_shop
    sales = _fill(db, orders, rate)
    expected = revenue.net_revenue(sales, {"CNY": Decimal(1), "USD": rate.normalize()})
    by_grain = {grain: sum((r or Decimal(0) for r in cs.sales_trend(db, RANGE, grain).revenue), Decimal(0))
                for grain in ("day", "week", "month")}
    assert by_grain == {"day": expected, "week": expected, "month": expected}
    platforms = cs.platform_trend(db, RANGE, "day").platforms
    assert sum((p.total or Decimal(0) for p in platforms), Decimal(0)) == expected
    assert db.scalar("SELECT coalesce(sum(net_base), 0) FROM sk_sales()") == expected
    # The Charts card for the whole range says the same as its chart.
    whole = summary_figures.summary(db, RANGE, RANGE.last)
    assert next(p for p in whole.periods if p.period == "range").now.revenue == expected


def test_an_order_refunded_in_full_is_worth_nothing_and_its_net_is_its_total_less_its_refund(shop: Database) -> None:
    install_rule_macros(shop)
    _fill(shop, [(0, "USD", 3333, 10), (1, "USD", 3333, 5), (2, "USD", 1, 0)], Decimal("7.123457"))
    rows = shop.fetchall("SELECT order_id, net_base FROM sk_sales() ORDER BY order_id")
    # o1: 33.33 → 237.42 less its refund 16.66 → 118.68: 118.74 (its net 16.67 converted whole read 118.75);
    # o2: 0.01 → 0.07.
    assert rows == [("o1", Decimal("118.74")), ("o2", Decimal("0.07"))]
    assert revenue.net_to_base(Decimal("33.33"), Decimal("33.33"), "USD", {"USD": Decimal("7.123457")}) == 0
