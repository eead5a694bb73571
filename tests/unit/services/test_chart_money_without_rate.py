"""Charts over orders in currencies without an exchange rate: their money is unknown, never 0.00.

The real shop built from the samples (base CNY, no rates, orders also in EUR, USD and ZAR) showed every
non-CNY month, product, city and basket at 0.00, "A: 0 SKUs", "Taobao 100.0 %" and a CSV row
`2021-05-01,0.00,10`. Here a small shop of the same shape: a CNY month, a ZAR month, a month of both.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.services import chart_series as cs
from shopkeeper.services.chart_export import write_chart_csv
from shopkeeper.services.chart_filters import ChartFilter

# shop, order, day, currency, total, refunded, city, lines (sku, quantity, unit price)
ORDERS = [
    ("taobao:t", "T1", "2021-04-10", "CNY", "100.00", "0", "杭州", [("MUG", 2, "50.00")]),
    ("taobao:t", "T2", "2021-06-10", "CNY", "60.00", "10.00", "杭州", [("TEA", 2, "30.00")]),
    ("shopify:s", "Z1", "2021-05-03", "ZAR", "300.00", "0", "Cape Town", [("MUG", 1, "300.00")]),
    ("shopify:s", "Z2", "2021-05-20", "ZAR", "450.00", "0", "Cape Town", [("MUG", 1, "150.00"), ("TEA", 1, "300.00")]),
    ("etsy:e", "E1", "2021-06-12", "EUR", "25.00", "0", "Berlin", [("TEA", 1, "25.00")]),
]
RANGE = ChartFilter(date(2021, 4, 1), date(2021, 6, 30))


def _fill(db: Database) -> None:
    with db.transaction():
        db.execute("INSERT INTO currency_settings (key, value) VALUES ('base_currency', 'CNY')")
        for shop_id, order_id, day, cur, total, refunded, city, lines in ORDERS:
            db.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency,"
                       " total, refunded_amount, ship_city) VALUES (?, ?, 'b', ?, '+00:00', 'completed', ?, ?, ?, ?)",
                       [shop_id, order_id, f"{day} 12:00:00+00", cur, total, refunded, city])
            for n, (sku, qty, price) in enumerate(lines, start=1):
                db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                           " line_total, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           [shop_id, order_id, n, sku, sku.title(), qty, price, Decimal(price) * qty, cur])


def test_money_without_a_rate_is_unknown_in_every_chart_never_zero(shop: Database, tmp_path: Path) -> None:
    _fill(shop)
    assert cs.without_rate(shop, RANGE) == cs.WithoutRate(3, ("EUR", "ZAR"))
    trend = cs.sales_trend(shop, RANGE, "month")
    # April: T1 100.00; May: ZAR only; June: T2's 50.00 kept and E1's euros.
    assert list(zip(trend.buckets, trend.revenue, trend.orders, strict=True)) == [
        (date(2021, 4, 1), Decimal("100.00"), 1), (date(2021, 5, 1), None, 2), (date(2021, 6, 1), None, 2)]
    platforms = {p.platform: (p.total, p.share, p.orders) for p in cs.platform_trend(shop, RANGE, "month").platforms}
    # Shopify and Etsy are still there (not "Taobao 100.0 %"): their money unknown, so is every share.
    assert platforms == {"taobao": (Decimal("150.00"), None, 2), "shopify": (None, None, 2), "etsy": (None, None, 1)}
    _keys, products = cs.top_products(shop, RANGE, "month")
    assert [(p.product, p.revenue, p.units, p.trend) for p in products] == [
        ("Mug", None, 4, (Decimal("100.00"), None, Decimal("0"))), ("Tea", None, 4, (Decimal("0"), None, None))]
    # Both SKUs sold in rands: no revenue known, so no share and no class (not "A: 0 SKUs" over 0.00).
    assert [(p.sku, p.revenue, p.cumulative_pct, p.abc) for p in cs.pareto(shop, RANGE)] == [
        ("MUG", None, None, None), ("TEA", None, None, None)]
    assert [(b.units, b.orders, b.revenue) for b in cs.basket_sizes(shop, RANGE)] == [
        (1, 2, None), (2, 3, None)]
    regions, no_city = cs.regions(shop, RANGE)
    assert [(r.city, r.orders, r.revenue) for r in regions] == [
        ("杭州", 2, Decimal("150.00")), ("Cape Town", 2, None), ("Berlin", 1, None)]
    assert no_city == 0
    # A price band is a price in CNY: lines without a rate are in none, the rest add up exactly.
    bands = cs.price_bands(shop, RANGE)
    assert sum(b.units for b in bands) == 4 and sum(b.revenue for b in bands) == Decimal("160.00")
    # The CSV leaves an unknown figure empty rather than writing 0.00.
    write_chart_csv(("Period", "Revenue", "Orders"), [(k.isoformat(), r, o) for k, r, o in
                                                      zip(trend.buckets, trend.revenue, trend.orders, strict=True)],
                    tmp_path / "trend.csv")
    assert (tmp_path / "trend.csv").read_text(encoding="utf-8-sig").splitlines()[1:] == [
        "2021-04-01,100.00,1", "2021-05-01,,2", "2021-06-01,,2"]


def test_one_currency_shows_its_own_money_and_rates_make_every_figure_known(shop: Database) -> None:
    _fill(shop)
    zar = replace(RANGE, currency="ZAR")
    assert cs.without_rate(shop, zar) == cs.WithoutRate(0, ())
    assert cs.sales_trend(shop, zar, "month").revenue == (Decimal("0"), Decimal("750.00"), Decimal("0"))
    assert [(p.sku, p.revenue, p.abc) for p in cs.pareto(shop, zar)] == [
        ("MUG", Decimal("450.00"), "A"), ("TEA", Decimal("300.00"), "A")]   # 60 % before it: still A
    shop.execute("INSERT INTO currency_settings (key, value) VALUES ('fx_ZAR', '0.40'), ('fx_EUR', '7.80')")
    assert cs.without_rate(shop, RANGE) == cs.WithoutRate(0, ())
    # 300 ZAR + 450 ZAR at 0.40 = 300.00; 50.00 + 25 EUR at 7.80 = 245.00
    assert cs.sales_trend(shop, RANGE, "month").revenue == (Decimal("100.00"), Decimal("300.00"), Decimal("245.00"))
    shares = {p.platform: p.share for p in cs.platform_trend(shop, RANGE, "month").platforms}
    assert shares == {"shopify": Decimal("46.5"), "etsy": Decimal("30.2"), "taobao": Decimal("23.3")}
    assert all(p.abc is not None for p in cs.pareto(shop, RANGE))
