"""ROAS, ACoS, TACoS, break-even and conversion, from imported ads, traffic, orders, costs and fees."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import ads_shop
import pytest

from shopkeeper.db.database import Database
from shopkeeper.domain import ad_performance as rules
from shopkeeper.domain.commands import ChangeRefused
from shopkeeper.services.ad_performance import ad_figures, conversion, save_conversion_settings
from shopkeeper.services.change_sets import undo
from shopkeeper.services.imports import import_paths


def _q(value: Decimal | None, places: str = "0.0001") -> Decimal | None:
    return None if value is None else value.quantize(Decimal(places))


def test_campaigns_with_their_break_even(shop: Database, tmp_path: Path) -> None:
    ads_shop.build(shop, tmp_path)
    rows = {r.campaign: r for r in ad_figures(shop, "campaign")}
    assert set(rows) == {"Blue - Exact", "Red - Auto"}
    blue, red = rows["Blue - Exact"], rows["Red - Auto"]
    # the search-term report of the same campaign and day is the same spend: counted once
    assert (blue.spend, blue.sales, blue.clicks, blue.currency, blue.channel) == (
        Decimal("10.00"), Decimal("40.00"), 20, "USD", "amazon_sp")
    assert (_q(blue.roas), _q(blue.acos), blue.all_sales, _q(blue.tacos)) == (
        Decimal("4.0000"), Decimal("0.2500"), Decimal("40.00"), Decimal("0.2500"))
    assert (_q(blue.margin), _q(blue.break_even_roas), blue.below_break_even) == (
        Decimal("0.4500"), Decimal("2.2222"), False)
    assert (_q(red.roas), _q(red.margin), _q(red.break_even_roas), red.below_break_even) == (
        Decimal("2.0000"), Decimal("0.2500"), Decimal("4.0000"), True)
    # red's day had 20.00 of blue and 30.00 of red sales: TACoS over the whole shop's sales
    assert (red.all_sales, _q(red.tacos)) == (Decimal("50.00"), Decimal("0.3000"))


def test_channel_and_sku_levels_add_up(shop: Database, tmp_path: Path) -> None:
    ads_shop.build(shop, tmp_path)
    (channel,) = ad_figures(shop, "channel")
    assert (channel.spend, channel.sales, channel.all_sales) == (Decimal("25.00"), Decimal("70.00"), Decimal("90.00"))
    skus = {r.sku: r for r in ad_figures(shop, "sku")}
    assert sum(r.spend for r in skus.values()) == channel.spend
    assert (skus["MUG-RED"].all_sales, _q(skus["MUG-RED"].tacos)) == (Decimal("30.00"), Decimal("0.5000"))


def test_a_sku_without_cost_has_no_break_even(shop: Database, tmp_path: Path) -> None:
    ads_shop.build(shop, tmp_path)
    shop.execute("UPDATE variants SET cost = NULL WHERE sku = 'MUG-RED'")
    red = next(r for r in ad_figures(shop, "campaign") if r.campaign == "Red - Auto")
    assert (red.margin, red.break_even_roas, red.below_break_even) == (None, None, False)


def test_an_asin_only_row_finds_its_sku_through_the_listing(shop: Database, tmp_path: Path) -> None:
    shop_id = ads_shop.build(shop, tmp_path)
    shop.execute("UPDATE ad_stats SET sku = NULL")
    shop.execute("INSERT INTO listings (shop_id, listing_id, sku, title) VALUES (?, 'B0MUGRED01', 'MUG-RED', 'Red')",
                 [shop_id])
    skus = {r.sku: r.spend for r in ad_figures(shop, "sku")}
    assert skus == {"MUG-RED": Decimal("15.00"), None: Decimal("10.00")}  # blue: no listing, kept by its ASIN


def test_many_sessions_low_conversion_is_flagged(shop: Database, tmp_path: Path) -> None:
    ads_shop.build(shop, tmp_path)
    rows = conversion(shop)
    assert [(r.sku, r.sessions, r.orders, _q(r.conversion_rate), r.flagged) for r in rows] == [
        ("MUG-RED", 2000, 1, Decimal("0.0005"), True),
        ("MUG-BLUE", 150, 3, Decimal("0.0200"), False),
        ("MUG-GREEN", 40, 0, Decimal("0.0000"), False),  # too few sessions to judge
    ]
    result = save_conversion_settings(shop, who="test", min_sessions=20, max_pct=Decimal("2.5"))
    assert [r.sku for r in conversion(shop) if r.flagged] == ["MUG-RED", "MUG-BLUE", "MUG-GREEN"]
    assert result.change_set_id is not None
    undo(shop, who="test")  # one Edit › Undo puts the defaults back
    assert [r.sku for r in conversion(shop) if r.flagged] == ["MUG-RED"]
    with pytest.raises(ChangeRefused):
        save_conversion_settings(shop, who="test", min_sessions=0, max_pct=Decimal("1"))


def test_rules_in_python_match_their_macros(shop: Database) -> None:
    cases = [(Decimal("40"), Decimal("10")), (Decimal("0"), Decimal("5")), (Decimal("5"), Decimal("0"))]
    for sales, spend in cases:
        assert shop.scalar("SELECT sk_roas(?, ?)", [sales, spend]) == rules.roas(sales, spend)
    for margin, roas, spend in [(Decimal("0.25"), Decimal("2"), Decimal("1")), (Decimal("0"), Decimal("9"), Decimal("1")),
                                (None, Decimal("1"), Decimal("1")), (Decimal("0.5"), None, Decimal("0"))]:
        assert shop.scalar("SELECT sk_below_break_even(?, ?, ?)", [roas, margin, spend]) == \
            rules.below_break_even(roas, margin, spend)
    # margin before ads and break-even ROAS: one rule, the same to the last place in either language
    for revenue, cogs, fees in [(Decimal("45.00"), Decimal("12.00"), Decimal("6.75")),
                                (Decimal("100"), Decimal("30"), None), (Decimal("10"), Decimal("9"), Decimal("2")),
                                (Decimal("0"), Decimal("1"), Decimal("0")), (Decimal("7"), None, Decimal("1")),
                                (Decimal("3.33"), Decimal("1.11"), Decimal("0.01"))]:
        margin = rules.margin_before_ads(revenue, cogs, fees)
        assert shop.scalar("SELECT sk_margin_before_ads(?, ?, ?)", [revenue, cogs, fees]) == margin
        assert shop.scalar("SELECT sk_break_even_roas(sk_margin_before_ads(?, ?, ?))", [revenue, cogs, fees]) == \
            rules.break_even_roas(margin)
    settings = rules.ConversionSettings.from_settings({"low_conversion_min_sessions": "x"})
    assert settings == rules.ConversionSettings()
    assert rules.low_conversion(1, 2000, settings) and not rules.low_conversion(1, 50, settings)


def test_a_cost_in_another_currency_is_converted_with_the_sellers_rate(shop: Database, tmp_path: Path) -> None:
    ads_shop.build(shop, tmp_path)
    shop.execute("UPDATE variants SET cost = 127.80, currency = 'CNY' WHERE sku = 'MUG-RED'")
    shop.execute("INSERT INTO currency_settings (key, value) VALUES ('base_currency', 'CNY')")
    red = next(r for r in ad_figures(shop, "campaign") if r.campaign == "Red - Auto")
    assert red.margin is None  # no USD rate: the cost of goods in dollars is unknown
    shop.execute("INSERT INTO currency_settings (key, value) VALUES ('fx_USD', '7.10')")
    red = next(r for r in ad_figures(shop, "campaign") if r.campaign == "Red - Auto")
    assert (_q(red.margin), red.below_break_even) == (Decimal("0.2500"), True)  # 127.80 CNY = 18.00 USD


def test_a_linked_channel_sku_counts_under_the_catalogue_sku(shop: Database, tmp_path: Path) -> None:
    shop_id = ads_shop.build(shop, tmp_path)
    shop.execute("INSERT INTO sku_links (shop_id, channel_sku, master_sku, how) VALUES (?, 'MUG-BLUE', 'CL-BLUE', "
                 "'manual')", [shop_id])
    skus = {r.sku: r for r in ad_figures(shop, "sku")}
    assert set(skus) == {"CL-BLUE", "MUG-RED"}
    # the order lines resolve through the same link, so the SKU's own sales still meet its ads
    assert skus["CL-BLUE"].all_sales == Decimal("40.00")
    assert {r.sku for r in conversion(shop)} == {"CL-BLUE", "MUG-RED", "MUG-GREEN"}


def test_whole_shop_sessions_convert_per_day(shop: Database, tmp_path: Path) -> None:
    ads_shop.build(shop, tmp_path)
    path = tmp_path / "by_date.csv"
    # Amazon by date: the whole shop's sessions; the second day's orders are left to the shop's own orders
    path.write_text("Date,Ordered Product Sales,Units Ordered,Total Order Items,Sessions - Total\n"
                    "6/1/26,$40.00,2,1,80\n6/2/26,$50.00,2,,400\n", encoding="utf-8")
    outcomes = import_paths(shop, [path], workdir=tmp_path / "work")
    assert all(o.ok for o in outcomes), [o.message for o in outcomes]
    days = [(r.first_day.isoformat(), r.sessions, r.orders, _q(r.conversion_rate), r.flagged)
            for r in conversion(shop, by_day=True) if r.sku is None and r.product_ref is None]
    assert sorted(days) == [("2026-06-01", 80, 1, Decimal("0.0125"), False),
                            ("2026-06-02", 400, 2, Decimal("0.0050"), True)]  # two sold orders that day


def test_a_range_report_over_daily_rows_is_not_counted_twice(shop: Database, tmp_path: Path) -> None:
    ads_shop.build(shop, tmp_path)
    path = tmp_path / "june.csv"
    path.write_text("Start Date,End Date,Currency,Campaign Name,Ad Group Name,Advertised SKU,Impressions,Clicks,"
                    "Spend,7 Day Total Sales\n"
                    "2026-06-01,2026-06-30,USD,Blue - Exact,Blue,MUG-BLUE,1000,20,$10.00,$40.00\n"
                    "2026-06-01,2026-06-30,USD,Mugs - Broad,Broad,MUG-BLUE,500,5,$3.00,$0.00\n", encoding="utf-8")
    outcomes = import_paths(shop, [path], workdir=tmp_path / "work")
    assert all(o.ok for o in outcomes), [o.message for o in outcomes]
    spend = {r.campaign: r.spend for r in ad_figures(shop, "campaign")}
    # Blue - Exact's June is its daily row already; Mugs - Broad has only the month
    assert spend == {"Blue - Exact": Decimal("10.00"), "Red - Auto": Decimal("15.00"), "Mugs - Broad": Decimal("3.00")}
