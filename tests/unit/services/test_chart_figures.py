"""The Charts tab's figures: what a seller reads in the summary row and each chart adds up, to the cent."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from shopkeeper.db.database import Database
from shopkeeper.services import chart_series as cs
from shopkeeper.services.chart_drilldown import Slice, cohort_cell, orders_behind
from shopkeeper.services.chart_export import tab_separated, write_chart_csv
from shopkeeper.services.chart_filters import ChartFilter
from shopkeeper.services.summary_figures import change_pct, summary

TODAY = date(2026, 11, 26)
# (shop, order, buyer, instant, zone, status, currency, total, refunded, [(sku, qty, unit price, refunded qty)])
ORDERS = [
    # Beijing 00:30 on 26 November is still the 25th in UTC: it is today's order.
    ("taobao:t", "T1", "nick", "2026-11-25 16:30:00+00", "+08:00", "paid", "CNY", "100.00", "0",
     [("MUG", 2, "50.00", 0)]),
    ("taobao:t", "T2", "nick", "2026-11-20 04:00:00+00", "+08:00", "partially_refunded", "CNY", "80.00", "30.00",
     [("MUG", 1, "50.00", 0), ("TEA", 1, "30.00", 1)]),
    ("taobao:t", "T3", "lee", "2026-11-24 04:00:00+00", "+08:00", "refunded", "CNY", "200.00", "200.00",
     [("MUG", 4, "50.00", 4)]),
    ("taobao:t", "T4", "lee", "2026-11-24 05:00:00+00", "+08:00", "pending", "CNY", "999.00", "0",
     [("MUG", 1, "999.00", 0)]),
    # Last year's Black Friday week, same shop, first order of nick.
    ("taobao:t", "T0", "nick", "2025-11-24 04:00:00+00", "+08:00", "completed", "CNY", "40.00", "0",
     [("TEA", 1, "40.00", 0)]),
    ("shopify:s", "S1", "ann@example.com", "2026-11-26 02:00:00+00", "-05:00", "shipped", "USD", "10.00", "0",
     [("MUG", 1, "10.00", 0)]),
    # A currency the seller gave no rate for: counted as an order, left out of money.
    ("etsy:e", "E1", "bo", "2026-11-22 12:00:00+00", "+00:00", "completed", "EUR", "25.00", "0",
     [("TEA", 1, "25.00", 0)]),
]


def _fill(db: Database) -> None:
    with db.transaction():
        db.execute("INSERT INTO currency_settings (key, value) VALUES ('base_currency', 'CNY'), ('fx_USD', '7.10')")
        for shop_id, order_id, buyer, at, tz, status, cur, total, refunded, lines in ORDERS:
            db.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency, "
                       "total, refunded_amount, ship_city) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       [shop_id, order_id, buyer, at, tz, status, cur, total, refunded,
                        "杭州" if shop_id.startswith("taobao") else "Boston"])
            for n, (sku, qty, price, back) in enumerate(lines, start=1):
                db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price, "
                           "line_total, currency, refunded_quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           [shop_id, order_id, n, sku, sku.title(), qty, price, Decimal(price) * qty, cur, back])
        db.execute("INSERT INTO products VALUES ('P-MUG', 'Mug', 'Mugs', NULL, NULL, NULL),"
                   " ('P-TEA', 'Tea', 'Tea', NULL, NULL, NULL)")
        db.execute("INSERT INTO variants (sku, product_id, currency) VALUES ('MUG', 'P-MUG', 'CNY'),"
                   " ('TEA', 'P-TEA', 'CNY')")


def test_summary_counts_sold_orders_on_their_local_days_against_before_and_last_year(shop: Database) -> None:
    _fill(shop)
    s = summary(shop, ChartFilter(date(2026, 11, 1), TODAY), TODAY)
    assert s.currency == "CNY" and s.converted
    today, week, _month, chosen = s.periods
    # Today: T1 (100) and S1 (10 USD at 7.10; New York's 21:00 on the 25th is not today) -> T1 only.
    assert (today.now.revenue, today.now.orders, today.now.units) == (Decimal("100.00"), 1, 2)
    # 7 days (20-26 Nov): T1 100 + T2 50 kept + S1 71 (25th local); E1 has no rate; T3 refunded, T4 pending.
    assert week.now.revenue == Decimal("221.00")
    assert week.now.orders == 4 and week.now.without_rate == 1
    assert week.now.average_order == Decimal("73.67")    # 221 over the 3 orders with money
    assert week.now.units == 2 + 1 + 1 + 1                # T2's refunded tea comes off
    # Refunded ÷ paid: (30 + 200) ÷ (100 + 80 + 200 + 71); the unrated order has no money either side.
    assert week.now.refund_rate == Decimal("51.0")
    # nick bought first a year ago: returning; ann, bo: new; lee's only paid order was refunded.
    assert (week.now.new_buyers, week.now.returning_buyers) == (2, 1)
    assert week.last_year.revenue == Decimal("40.00") and week.before.revenue == 0
    assert chosen.now.revenue == week.now.revenue
    assert len(week.spark) == 7 and sum(week.spark) == week.now.revenue
    assert len(today.spark) == 14 and today.spark[-1] == Decimal("100.00")


def test_a_currency_filter_keeps_money_in_that_currency_unconverted(shop: Database) -> None:
    _fill(shop)
    s = summary(shop, ChartFilter(date(2026, 11, 1), TODAY, currency="EUR"), TODAY)
    assert s.currency == "EUR" and not s.converted
    assert s.periods[1].now.revenue == Decimal("25.00") and s.periods[1].now.without_rate == 0


def test_change_against_nothing_has_no_percentage() -> None:
    assert change_pct(Decimal(150), Decimal(100)) == Decimal("50.0")
    assert change_pct(5, 0) is None
    assert change_pct(Decimal(80), Decimal(100)) == Decimal("-20.0")


def test_trend_fills_empty_days_and_moves_the_period_before_onto_them(shop: Database) -> None:
    _fill(shop)
    f = ChartFilter(date(2026, 11, 20), TODAY)
    t = cs.sales_trend(shop, f, "day")
    assert len(t.buckets) == 7 and t.buckets[0] == date(2026, 11, 20)
    by_day = dict(zip(t.buckets, zip(t.revenue, t.orders, strict=True), strict=True))
    assert by_day[date(2026, 11, 21)] == (0, 0)
    # E1's euros have no rate: its day's money is unknown, not 0, and the order still counts.
    assert by_day[date(2026, 11, 22)] == (None, 1)
    assert sum(r for r in t.revenue if r is not None) == Decimal("221.00")
    shop.execute("INSERT INTO promotions (promotion_id, name, shop_id, starts_on, ends_on, currency, created_at)"
                 " VALUES (1, 'Double 11', 'taobao:t', '2026-11-01', '2026-11-20', 'CNY', now()),"
                 " (2, 'Etsy week', 'etsy:e', '2026-11-21', '2026-11-30', 'USD', now())")
    assert [c.name for c in cs.sales_trend(shop, replace(f, platform="taobao"), "week").campaigns] == ["Double 11"]


def test_filters_by_platform_and_category(shop: Database) -> None:
    _fill(shop)
    f = ChartFilter(date(2026, 11, 1), TODAY)
    platforms = cs.platform_trend(shop, f, "week").platforms
    # Etsy's euros have no rate: its money is unknown (not left out as if it sold nothing), and with it every
    # platform's share of the range.
    assert [(p.platform, p.total, p.share, p.orders) for p in platforms] == [
        ("taobao", Decimal("150.00"), None, 2), ("shopify", Decimal("71.00"), None, 1), ("etsy", None, None, 1)]
    # An order with a tea line counts whole under the tea category; products count only their own lines.
    tea = replace(f, category="Tea")
    assert cs.sales_trend(shop, tea, "month").revenue == (None,)   # T2's 50.00 and E1's unknown euros
    _keys, products = cs.top_products(shop, tea, "month")
    # T2's tea went back; E1's tea sold a unit whose euros have no rate: its money is unknown, not 0.00.
    assert [(p.product, p.revenue, p.units) for p in products] == [("Tea", None, 1)]
    # With a rate every figure is known again.
    shop.execute("INSERT INTO currency_settings (key, value) VALUES ('fx_EUR', '7.80')")
    assert cs.sales_trend(shop, tea, "month").revenue == (Decimal("50.00") + Decimal("25.00") * Decimal("7.80"),)
    shares = {p.platform: p.share for p in cs.platform_trend(shop, f, "week").platforms}
    # 150, 25 × 7.80 = 195 and 71 of 416
    assert shares == {"taobao": Decimal("36.1"), "etsy": Decimal("46.9"), "shopify": Decimal("17.1")}


def test_pareto_classes_agree_with_the_abc_rule(shop: Database) -> None:
    _fill(shop)
    f = ChartFilter(date(2026, 11, 1), TODAY)
    # E1's tea is in euros without a rate: tea's revenue is unknown, so are its share and class (not C at 0.00);
    # the mugs rank among the SKUs whose revenue is known, as the ABC rule ranks them.
    points = cs.pareto(shop, f)
    assert [(p.sku, p.revenue, p.cumulative_pct, p.abc) for p in points] == [
        ("MUG", Decimal("221.00"), Decimal("100.00"), "A"), ("TEA", None, None, None)]
    rule = dict(shop.fetchall("SELECT sku, abc FROM sk_abc(?, ?)", [f.first, f.last]))
    assert {p.sku: p.abc for p in points} == rule
    shop.execute("INSERT INTO currency_settings (key, value) VALUES ('fx_EUR', '7.80')")
    points = cs.pareto(shop, f)
    rule = dict(shop.fetchall("SELECT sku, abc FROM sk_abc(?, ?)", [f.first, f.last]))
    assert {p.sku: p.abc for p in points} == rule and None not in rule.values()
    assert points[-1].cumulative_pct == Decimal("100.00")


def test_units_no_line_names_count_in_their_price_band_but_rank_no_product(shop: Database) -> None:
    _fill(shop)
    # An Etsy Sold Orders file alone gives each order's units and price, and no product ("Number of Items").
    with shop.transaction():
        shop.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency, total,"
                     " refunded_amount) VALUES ('shopify:s', 'S2', 'cy', '2026-11-21 12:00:00+00', '-05:00', 'paid',"
                     " 'USD', 12.00, 0)")
        shop.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price, line_total,"
                     " currency) VALUES ('shopify:s', 'S2', 1, NULL, '', 3, 4.00, 12.00, 'USD')")
    f = ChartFilter(date(2026, 11, 1), TODAY)
    bands = {(b.platform, b.low): b.units for b in cs.price_bands(shop, f)}
    assert bands[("shopify", Decimal("20"))] == 3          # 3 × 4.00 USD at 7.10: 28.40 CNY
    # Every unit sold in a currency with a rate is in a band (the euros have none: E1's tea is in no band).
    assert sum(bands.values()) == shop.scalar(
        "SELECT sum(l.quantity - l.refunded_quantity) FROM order_lines l JOIN sk_sales() s USING (shop_id, order_id)"
        " WHERE l.unit_price > 0 AND l.currency <> 'EUR' AND s.day BETWEEN ? AND ?", [f.first, TODAY])
    _keys, products = cs.top_products(shop, f, "month")
    assert "" not in {p.product for p in products} and len(cs.pareto(shop, f)) == 2


def test_the_orders_behind_a_point_add_up_to_it(shop: Database) -> None:
    _fill(shop)
    f = ChartFilter(date(2026, 11, 1), TODAY)
    t = cs.sales_trend(shop, f, "day")
    day = date(2026, 11, 26)
    behind = orders_behind(f, Slice(first=day, last=day))
    rows = behind.page(shop)
    assert [r[0] for r in rows] == ["T1"]
    assert sum(r[-1] for r in rows) == dict(zip(t.buckets, t.revenue, strict=True))[day]
    assert behind.count(shop) == 1
    hours = cs.hour_weekday(shop, f)
    assert hours[3][0] == 1   # T1: Thursday 00:30 in Beijing
    assert orders_behind(f, Slice(weekday=3, hour=0)).page(shop)[0][0] == "T1"
    # T2 kept one unit of its two (the tea went back): a one-unit basket.
    assert [r[0] for r in orders_behind(f, Slice(city="杭州", basket_units=2)).page(shop)] == ["T1"]
    assert [r[0] for r in orders_behind(f, Slice(city="杭州", basket_units=1)).page(shop)] == ["T2"]


def test_cohorts_count_first_time_buyers_coming_back(shop: Database) -> None:
    _fill(shop)
    c = cs.cohorts(shop, ChartFilter(date(2025, 11, 1), TODAY))
    assert c.months[0] == date(2025, 11, 1) and c.sizes[0] == 1     # nick
    assert c.active[0][12] == 1                                      # back 12 months later
    assert c.repurchasers == 1 and c.people == 3                     # nick; ann and bo once


def test_a_cohort_cell_lists_the_orders_of_its_people_in_that_month(shop: Database) -> None:
    _fill(shop)
    f = ChartFilter(date(2025, 11, 1), TODAY)
    c = cs.cohorts(shop, f)
    cell = cohort_cell(c.months[0], 12, f.last)
    assert (cell.first, cell.last) == (date(2026, 11, 1), TODAY)     # the month, up to the range's end
    behind = orders_behind(f, cell)
    # nick's sold orders of November 2026; ann and bo bought then too, but they are November 2026's cohort.
    assert sorted(r[0] for r in behind.page(shop)) == ["T1", "T2"]
    assert len({r[4] for r in behind.page(shop)}) == c.active[0][12]
    assert cohort_cell(date(2025, 12, 1), 1, TODAY).first == date(2026, 1, 1)  # across the year


def test_chart_csv_is_safe_to_open_and_never_half_written(tmp_path: Path) -> None:
    path = tmp_path / "chart.csv"
    write_chart_csv(("Product", "Revenue"), [("=HYPERLINK(\"x\")", Decimal("1.234567")), ("Mug", None)], path)
    text = path.read_text(encoding="utf-8-sig")
    assert text.splitlines() == ["Product,Revenue", "\"'=HYPERLINK(\"\"x\"\")\",1.23", "Mug,"]
    assert not list(tmp_path.glob("*.partial"))
    with pytest.raises(Exception, match="Could not write|write"):
        write_chart_csv(("a",), [], tmp_path / "missing" / "x.csv")
    assert tab_separated([("a\tb", "+1"), ("line\nbreak", 2)]) == "a b\t'+1\nline break\t2\n"


def test_a_city_is_one_whatever_name_its_country_was_written_in(shop: Database) -> None:
    with shop.transaction():
        for n, (shop_id, country, city, total) in enumerate([
                ("shopify:s", "US", "New York", "10.00"), ("etsy:e", "United States", "New York", "20.00"),
                ("etsy:e", "united states ", " New York", "5.00"), ("shopify:s", "CA", "Toronto", "1.00")]):
            shop.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total,"
                         " refunded_amount, ship_country, ship_city) VALUES (?, ?, '2026-11-20 12:00:00+00', '+00:00',"
                         " 'paid', 'USD', ?, 0, ?, ?)", [shop_id, f"N{n}", total, country, city])
    found, unknown = cs.regions(shop, ChartFilter(date(2026, 11, 1), TODAY, currency="USD"))
    assert [(r.country, r.city, r.orders, r.revenue) for r in found] == [
        ("US", "New York", 3, Decimal("35.00")), ("CA", "Toronto", 1, Decimal("1.00"))]
    assert unknown == 0
