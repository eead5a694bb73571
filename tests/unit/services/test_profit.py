"""Profit per order, SKU, platform and month: what a seller doing the monthly books relies on."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from money_shop import AMAZON, AMAZON_SETTLEMENT, SHOPIFY, add_order, import_rows, movement, seed_shop

from shopkeeper.db.database import Database
from shopkeeper.domain.profit import COMPONENTS, OrderAmounts, allocate, net_of, sales_of
from shopkeeper.services.change_sets import undo_change_set
from shopkeeper.services.profit import GROUPINGS, ProfitRow, profit_by_month, profit_json, profit_rows

SETTLED = "111-0000001-0000001"
UNSETTLED = "111-0000002-0000002"


@pytest.fixture
def db(shop: Database) -> Database:
    return seed_shop(shop)


def _by_key(db: Database, by: str) -> dict[str | None, ProfitRow]:
    return {r.key: r for r in profit_rows(db, by)}


def _signed_sum(row: ProfitRow) -> Decimal:
    return sum((sign * getattr(row, name) for name, sign in COMPONENTS), Decimal(0))


def _ad(stat_id: str, shop: str, first: str, last: str, spend: str, sku: str | None) -> tuple[object, ...]:
    return (shop, stat_id, None, first, last, "amazon_sp", "Campaign", sku, Decimal(spend), "USD", "test")


def test_an_unsettled_order_has_fees_estimated_from_the_platforms_rates(db: Database) -> None:
    order = _by_key(db, "order")["#1001"]
    # Shopify Payments 2.9 % of the 105.00 paid, to the cent, + 0.30.
    assert (order.payment_fees, order.commission, order.estimated) == (Decimal("3.35"), Decimal("0.00"), True)
    # Goods 98.00 before the 8.00 discount; 10.00 shipping; tax is not the seller's; 2 × 12.00 + 5.00 cost.
    assert (order.sales, order.shipping, order.discounts, order.cogs) == (
        Decimal("98.00"), Decimal("10.00"), Decimal("8.00"), Decimal("29.00"))
    assert order.net == Decimal("67.65")
    # The rule's Python statement says the same.
    assert sales_of(OrderAmounts(Decimal("105.00"), Decimal("5.00"), Decimal("10.00"), Decimal("8.00"))) == order.sales
    assert net_of({name: getattr(order, name) for name, _ in COMPONENTS}) == order.net


def test_an_order_in_both_the_order_export_and_a_settlement_is_counted_once(db: Database) -> None:
    import_rows(db, "money_movements", AMAZON_SETTLEMENT)
    order = _by_key(db, "order")[SETTLED]
    # The settlement's 45.00 sale reconciles with the export's, it does not add to it.
    assert order.sales == Decimal("45.00")
    assert (order.commission, order.shipping_labels, order.estimated) == (Decimal("6.75"), Decimal("4.10"), False)
    assert order.net == Decimal("45.00") - Decimal("6.75") - Decimal("4.10") - Decimal("12.00")
    platform = _by_key(db, "platform")["amazon"]
    assert platform.sales == Decimal("45.00") + Decimal("59.97")


def test_undoing_the_settlement_makes_the_order_estimated_again(db: Database) -> None:
    before = _by_key(db, "order")[SETTLED]
    batch = import_rows(db, "money_movements", AMAZON_SETTLEMENT)
    assert not _by_key(db, "order")[SETTLED].estimated
    undo_change_set(db, batch, who="test")
    after = _by_key(db, "order")[SETTLED]
    assert after == before
    assert (after.estimated, after.commission, after.shipping_labels) == (True, Decimal("6.75"), Decimal("0.00"))


def test_a_settlement_imported_twice_changes_nothing(db: Database) -> None:
    import_rows(db, "money_movements", AMAZON_SETTLEMENT)
    once = profit_rows(db, "order")
    import_rows(db, "money_movements", AMAZON_SETTLEMENT, name="again.csv")
    assert profit_rows(db, "order") == once


@pytest.mark.parametrize("by", GROUPINGS)
def test_components_add_up_to_net_to_the_cent(db: Database, by: str) -> None:
    import_rows(db, "money_movements", AMAZON_SETTLEMENT)
    import_rows(db, "ad_stats", [_ad("A1", AMAZON, "2026-02-01", "2026-03-31", "10.01", None)], kind="ads")
    rows = profit_rows(db, by)
    assert rows
    for row in rows:
        assert row.net == _signed_sum(row), row
    # Every grouping shares out the same money: their totals agree to the cent.
    totals = {name: sum((getattr(r, name) for r in rows), Decimal(0)) for name, _ in (*COMPONENTS, ("net", 1))}
    by_order = {name: sum((getattr(r, name) for r in profit_rows(db, "order")), Decimal(0))
                for name, _ in (*COMPONENTS, ("net", 1))}
    assert totals == by_order


def test_order_amounts_shared_over_lines_add_back_to_the_order(db: Database) -> None:
    names = [n for n, _ in COMPONENTS if n not in ("ads", "cogs")]
    lines = ", ".join(f"sum(p.{n})" for n in names)
    whole = ", ".join(f"o.{n}" for n in names)
    assert db.fetchall(f"SELECT p.order_id, {lines} FROM sk_profit() p GROUP BY p.order_id ORDER BY 1") == \
        db.fetchall(f"SELECT o.order_id, {whole} FROM sk_profit_orders() o ORDER BY 1")
    # The 8.00 discount splits 80 : 18 by line totals (cumulative rounding).
    assert db.fetchall("SELECT sku, discounts FROM sk_profit() WHERE order_id = '#1001' ORDER BY sku") == [
        ("S-1", Decimal("6.53")), ("S-2", Decimal("1.47"))]


def test_a_line_without_a_sku_keeps_its_own_share_and_units(db: Database) -> None:
    # A teapot (S-1) and a gift wrap the export names no SKU for: the wrap's 6.00 is not the teapot's revenue.
    with db.transaction():
        add_order(db, SHOPIFY, "#1002", "2026-02-21 10:00:00+00", [("S-1", 1, "40.00"), ("", 3, "2.00")])
    lines = db.fetchall("SELECT sku, sales, units FROM sk_profit() WHERE order_id = '#1002' ORDER BY sku NULLS LAST")
    assert lines == [("S-1", Decimal("40.00"), 1), (None, Decimal("6.00"), 3)]
    assert _by_key(db, "order")["#1002"].units == 4
    # The platform's units are every unit it sold (#1001: 2 + 1), not only those of SKU lines.
    assert _by_key(db, "platform")["shopify"].units == 3 + 4


def test_goods_no_line_names_are_of_unknown_cost_not_free(db: Database) -> None:
    # A line with no SKU, and an order whose export gave no lines at all (a Tmall 订单报表 alone): their
    # cost of goods is unknown, so the order, its month and the chart say profit reads too high.
    assert not profit_by_month(db).cost_missing
    with db.transaction():
        add_order(db, SHOPIFY, "#1002", "2026-02-21 10:00:00+00", [("S-1", 1, "40.00"), ("", 3, "2.00")])
        db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total,"
                   " refunded_amount) VALUES (?, '#1003', '2026-02-22 10:00:00+00', '+00:00', 'paid', 'USD', 50, 0)",
                   [SHOPIFY])
    orders = _by_key(db, "order")
    assert orders["#1002"].cost_missing and orders["#1003"].cost_missing and not orders["#1001"].cost_missing
    assert orders["#1003"].break_even_roas is None
    assert profit_by_month(db).cost_missing


def test_allocation_never_loses_a_cent() -> None:
    for amount, weights in [(Decimal("10.00"), [1, 1, 1]), (Decimal("-0.05"), [3, 0, 7]),
                            (Decimal("8.00"), [8000, 1800]), (Decimal("0.01"), [0, 0])]:
        shares = allocate(amount, weights)
        assert sum(shares) == amount
        assert all(abs(s) <= abs(amount) for s in shares)
    assert allocate(Decimal("10.00"), [1, 1, 1]) == [Decimal("3.33"), Decimal("3.33"), Decimal("3.34")]


def test_ad_spend_named_for_a_sku_goes_to_that_sku_and_the_rest_is_spread_and_flagged(db: Database) -> None:
    import_rows(db, "ad_stats", [_ad("A1", AMAZON, "2026-02-01", "2026-03-31", "7.77", "S-1"),
                                 _ad("A2", AMAZON, "2026-02-01", "2026-03-31", "10.00", None)], kind="ads")
    sku = _by_key(db, "sku")
    # S-1 sold on Amazon in the period for 45.00, S-2 for 59.97: A2's 10.00 splits 4500 : 5997 cents.
    assert sku["S-1"].ads == Decimal("7.77") + Decimal("4.28")
    assert sku["S-2"].ads == Decimal("5.72")
    assert sku["S-1"].ads_spread and sku["S-2"].ads_spread
    # Shopify's order is not Amazon's to carry.
    assert _by_key(db, "order")["#1001"].ads == 0


def test_ad_spend_with_no_sale_to_carry_it_still_costs_its_month_and_platform(db: Database) -> None:
    import_rows(db, "ad_stats", [_ad("A9", AMAZON, "2026-04-01", "2026-04-30", "12.34", "S-2")], kind="ads")
    month = _by_key(db, "month")["2026-04"]
    assert (month.ads, month.net, month.sales) == (Decimal("12.34"), Decimal("-12.34"), Decimal("0.00"))
    assert _by_key(db, "platform")["amazon"].ads == Decimal("12.34")
    assert _by_key(db, "sku")["S-2"].ads == Decimal("12.34")
    total_ads = sum((r.ads for r in profit_rows(db, "order")), Decimal(0))
    assert total_ads == db.scalar("SELECT sum(spend) FROM ad_stats")


def test_import_order_of_orders_money_and_ads_does_not_change_profit(shop: Database) -> None:
    def orders() -> None:
        seed_shop(shop)

    def money() -> None:
        import_rows(shop, "money_movements", AMAZON_SETTLEMENT)

    def ads() -> None:
        import_rows(shop, "ad_stats", [_ad("A1", AMAZON, "2026-02-01", "2026-03-31", "10.01", None)], kind="ads")

    results = []
    for steps in itertools.permutations([orders, money, ads]):
        with shop.transaction():
            for table in ("orders", "order_lines", "money_movements", "ad_stats", "shops", "variants", "products"):
                shop.execute(f"DELETE FROM {table}")
        step: Callable[[], None]
        for step in steps:
            step()
        results.append({by: profit_rows(shop, by) for by in GROUPINGS})
    assert all(r == results[0] for r in results)
    assert _by_key(shop, "order")[SETTLED].estimated is False


def test_a_fee_in_another_currency_is_converted_with_the_sellers_rate(db: Database) -> None:
    db.execute("INSERT INTO currency_settings (key, value) VALUES ('base_currency', 'USD'), ('fx_CAD', '0.75')")
    import_rows(db, "money_movements", [
        movement(AMAZON, "X1", "2026-02-27 00:00:00+00", "-4.00", "commission", SETTLED, currency="CAD")])
    order = _by_key(db, "order")[SETTLED]
    assert (order.commission, order.fx_missing) == (Decimal("3.00"), False)
    db.execute("DELETE FROM currency_settings WHERE key = 'fx_CAD'")
    assert _by_key(db, "order")[SETTLED].fx_missing


def test_a_sku_with_no_cost_is_flagged_rather_than_costed_at_nothing(db: Database) -> None:
    with db.transaction():
        add_order(db, SHOPIFY, "#1002", "2026-02-21 10:00:00+00", [("NEW-1", 1, "30.00")])
    assert _by_key(db, "sku")["NEW-1"].cost_missing
    assert not _by_key(db, "sku")["S-1"].cost_missing
    # The chart says so too: its cost of goods leaves the unit out, so its profit reads too high.
    assert profit_by_month(db).cost_missing


def test_the_chart_figures_are_in_the_base_currency_and_say_what_they_left_out(db: Database) -> None:
    with db.transaction():
        add_order(db, "taobao:茶舍", "T1", "2026-02-21 10:00:00+08", [("S-1", 1, "268.00")], currency="CNY")
    chart = profit_by_month(db)
    assert (chart.currency, chart.left_out, chart.cost_missing) == ("USD", ("CNY",), False)
    feb = chart.months[0]
    assert feb.month == "2026-02"
    usd_feb = next(r for r in profit_rows(db, "month") if r.key == "2026-02" and r.currency == "USD")
    assert (feb.net, feb.takings) == (usd_feb.net, usd_feb.takings)
    db.execute("INSERT INTO currency_settings (key, value) VALUES ('fx_CNY', '0.14')")
    assert profit_by_month(db).left_out == ()


def test_profit_report_dates_and_platform_bound_the_rows(db: Database) -> None:
    from shopkeeper.services.sales_report import ReportScope

    rows = profit_rows(db, "order", ReportScope(date(2026, 3, 1), None, "amazon"))
    assert [r.key for r in rows] == [UNSETTLED]


def test_fees_no_sold_order_carries_cost_their_month_and_platform_once(db: Database) -> None:
    import_rows(db, "money_movements", [
        movement(AMAZON, "SUB-1", "2026-03-15 00:00:00+00", "-39.99", "other", None),           # subscription
        movement(AMAZON, "AD-1", "2026-03-15 00:00:00+00", "-12.00", "ad", None),              # ad_stats counts ads
        movement(AMAZON, "X-1", "2026-03-16 00:00:00+00", "-2.00", "commission", "111-0000009-0000009")])  # unknown
    march = _by_key(db, "month")["2026-03"]
    assert (march.other_fees, march.ads, march.commission) == (Decimal("39.99"), Decimal("0.00"), Decimal("9.00"))
    assert _by_key(db, "platform")["amazon"].other_fees == Decimal("39.99")
    assert _by_key(db, "order")[UNSETTLED].other_fees == 0
    with db.transaction():
        add_order(db, AMAZON, "111-0000004-0000004", "2026-03-03 10:00:00+00", [("S-2", 1, "19.99")],
                  status="cancelled")
    import_rows(db, "money_movements", [
        movement(AMAZON, "C-1", "2026-03-04 00:00:00+00", "-1.00", "commission", "111-0000004-0000004")])
    cancelled = _by_key(db, "order")["111-0000004-0000004"]
    assert (cancelled.sales, cancelled.commission, cancelled.net) == (Decimal("0.00"), Decimal("1.00"),
                                                                      Decimal("-1.00"))


def test_break_even_roas_is_one_over_the_margin_before_ads(db: Database) -> None:
    import_rows(db, "ad_stats", [_ad("A1", AMAZON, "2026-02-01", "2026-02-28", "5.00", "S-1")], kind="ads")
    order = _by_key(db, "order")[SETTLED]
    # 45.00 taken, 45.00 − 6.75 estimated referral − 12.00 cost = 26.25 before ads: 45 ÷ 26.25 = 1.71.
    assert order.net + order.ads == Decimal("26.25")
    assert order.break_even_roas is not None and order.break_even_roas.quantize(Decimal("0.01")) == Decimal("1.71")
    assert profit_json(order, "order")["break_even_roas"] == "1.71"
    # the one rule the ads figures use too, in SQL as in Python
    assert order.break_even_roas == db.scalar(
        "SELECT sk_break_even_roas(sk_margin_before_ads(?, ?, ?))",
        [order.takings, order.cogs, order.fees + order.refunds])


def test_a_row_with_a_unit_of_no_cost_has_no_break_even(db: Database) -> None:
    order = _by_key(db, "order")[SETTLED]
    assert replace(order, cost_missing=True).break_even_roas is None
    assert profit_json(replace(order, cost_missing=True), "order")["break_even_roas"] is None
    # nor a margin: net reads too high (the Profit chart leaves it blank too)
    assert (order.margin_pct, profit_json(order, "order")["margin_pct"]) == (Decimal("58.3"), "58.3")  # 26.25 of 45
    assert replace(order, cost_missing=True).margin_pct is None
    assert profit_json(replace(order, cost_missing=True), "order")["margin_pct"] is None
