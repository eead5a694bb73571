"""Advertising and traffic reports become ad_stats / traffic_stats rows that add up to the file's totals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import ad_traffic_exports as fx
from cn_exports import import_files, one, snapshot

from shopkeeper.db.database import Database
from shopkeeper.services.imports import rejects, undo_import


def _sums(shop: Database, table: str = "ad_stats") -> dict[str, object]:
    spend = "sum(spend)" if table == "ad_stats" else "NULL"
    row = one(shop, f"SELECT {spend}, sum(sales), count(*) FROM {table}")
    return {"spend": row[0], "sales": row[1], "rows": row[2]}


class TestAmazonAds:
    def test_search_terms_add_up_to_the_console_totals(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_files(shop, tmp_path, fx.write(tmp_path / "st.csv", fx.AMAZON_SP_SEARCH_TERMS))
        assert (outcome.platform, outcome.kind, outcome.rows_read, outcome.rows_added) == ("amazon", "ads", 3, 3)
        sums = _sums(shop)
        assert (sums["spend"], sums["sales"]) == (fx.AMAZON_SP_SEARCH_TERMS_TOTALS["spend"],
                                                  fx.AMAZON_SP_SEARCH_TERMS_TOTALS["sales"])
        rows = shop.fetchall("SELECT day, channel, campaign, search_term, clicks, spend, currency, orders, report "
                             "FROM ad_stats ORDER BY day, spend")
        assert rows[0] == (dt.date(2026, 6, 1), "amazon_sp", "Mugs - Auto", "coffee mug large", 9,
                           Decimal("3.69"), "USD", 0, "amazon_ads_search_term")
        assert rows[2][5:7] == (Decimal("5.50"), "USD")

    def test_rupees_and_lakh_grouping(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, fx.write(tmp_path / "sp.csv", fx.AMAZON_SP_PRODUCTS_IN))
        sums = _sums(shop)
        assert (sums["spend"], sums["sales"]) == (fx.AMAZON_SP_PRODUCTS_IN_TOTALS["spend"],
                                                  fx.AMAZON_SP_PRODUCTS_IN_TOTALS["sales"])
        assert shop.fetchall("SELECT sku, product_ref, currency, impressions, report FROM ad_stats ORDER BY sku") == [
            ("KURTA-BLU-L", "B0KURTA002", "INR", 900, "amazon_ads_product"),
            ("KURTA-RED-M", "B0KURTA001", "INR", 1514, "amazon_ads_product")]

    def test_display_is_told_by_its_columns(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, fx.write(tmp_path / "sd.csv", fx.AMAZON_SD_CAMPAIGNS))
        assert one(shop, "SELECT channel, spend, sales, orders FROM ad_stats") == (
            "amazon_sd", Decimal("12.00"), Decimal("90.00"), 3)

    def test_reimport_adds_nothing_and_undo_removes(self, shop: Database, tmp_path: Path) -> None:
        (first,) = import_files(shop, tmp_path, fx.write(tmp_path / "a.csv", fx.AMAZON_SP_SEARCH_TERMS))
        before = snapshot(shop)
        (second,) = import_files(shop, tmp_path, fx.write(tmp_path / "b.csv", fx.AMAZON_SP_SEARCH_TERMS,
                                                          newline="\n"))
        assert (second.rows_added, second.rows_updated) == (0, 0)
        assert snapshot(shop) == before
        undo_import(shop, second.batch_id)
        assert one(shop, "SELECT count(*) FROM ad_stats") == (3,)
        undo_import(shop, first.batch_id)
        assert one(shop, "SELECT count(*) FROM ad_stats") == (0,)

    def test_a_row_without_spend_is_rejected_and_the_rest_kept(self, shop: Database, tmp_path: Path) -> None:
        text = fx.AMAZON_SP_SEARCH_TERMS.replace("$ 3.69", "")
        (outcome,) = import_files(shop, tmp_path, fx.write(tmp_path / "x.csv", text))
        assert (outcome.rows_added, outcome.rows_rejected) == (2, 1)
        assert rejects(shop, outcome.batch_id) == [(2, "Spend", None, "missing amount")]


class TestOtherAdReports:
    def test_ebay_sales_rows_of_one_item_add_up(self, shop: Database, tmp_path: Path) -> None:
        path = fx.write(tmp_path / "mugshop_advertising_sales_report_20260701.csv", fx.EBAY_AD_SALES,
                        encoding="utf-8-sig")
        (outcome,) = import_files(shop, tmp_path, path)
        assert (outcome.platform, outcome.kind, outcome.rows_read) == ("ebay", "ads", 3)
        sums = _sums(shop)
        assert (sums["spend"], sums["sales"], sums["rows"]) == (
            fx.EBAY_AD_SALES_TOTALS["spend"], fx.EBAY_AD_SALES_TOTALS["sales"], 2)
        assert one(shop, "SELECT units, orders, spend FROM ad_stats WHERE product_ref = '125512345678'") == (
            3, 2, Decimal("4.50"))
        # the same report downloaded again replaces, never adds
        (again,) = import_files(shop, tmp_path, fx.write(tmp_path / "again.csv", fx.EBAY_AD_SALES))
        assert (again.rows_added, _sums(shop)["spend"]) == (0, fx.EBAY_AD_SALES_TOTALS["spend"])

    def test_wanxiangtai_drops_its_total_row(self, shop: Database, tmp_path: Path) -> None:
        path = fx.write(tmp_path / "万相台.csv", fx.WANXIANGTAI, encoding="gbk")
        (outcome,) = import_files(shop, tmp_path, path)
        assert (outcome.platform, outcome.kind, outcome.rows_added, outcome.rows_rejected) == ("taobao", "ads", 3, 0)
        sums = _sums(shop)
        assert (sums["spend"], sums["sales"]) == (fx.WANXIANGTAI_TOTALS["spend"], fx.WANXIANGTAI_TOTALS["sales"])
        assert one(shop, "SELECT channel, campaign, ad_group, product_ref, impressions, currency FROM ad_stats "
                         "WHERE spend = 450") == ("wanxiangtai", "连衣裙-拉新", "关键词推广", "680012345678", 12000, "CNY")

    def test_duoduo_takes_total_spend_and_drops_its_total_row(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_files(shop, tmp_path, fx.write(tmp_path / "推广.csv", fx.DUODUO, encoding="gb18030"))
        assert (outcome.platform, outcome.rows_added) == ("pinduoduo", 2)
        sums = _sums(shop)
        assert (sums["spend"], sums["sales"]) == (fx.DUODUO_TOTALS["spend"], fx.DUODUO_TOTALS["sales"])

    def test_jd_range_and_excel_float_ids(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, fx.write(tmp_path / "快车.csv", fx.JD_KUAICHE, encoding="gbk"))
        sums = _sums(shop)
        assert (sums["spend"], sums["sales"]) == (fx.JD_KUAICHE_TOTALS["spend"], fx.JD_KUAICHE_TOTALS["sales"])
        assert shop.fetchall("SELECT product_ref, day, period_start, period_end FROM ad_stats ORDER BY 1") == [
            ("100012345678", None, dt.date(2026, 6, 1), dt.date(2026, 6, 30)),
            ("100087654321", None, dt.date(2026, 6, 1), dt.date(2026, 6, 30))]

    def test_qianchuan_headers_with_tabs(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_files(shop, tmp_path, fx.write(tmp_path / "千川.csv", fx.QIANCHUAN, encoding="utf-8-sig"))
        assert (outcome.platform, outcome.rows_added) == ("douyin", 2)
        sums = _sums(shop)
        assert (sums["spend"], sums["sales"]) == (fx.QIANCHUAN_TOTALS["spend"], fx.QIANCHUAN_TOTALS["sales"])
        assert one(shop, "SELECT DISTINCT channel, day FROM ad_stats") == ("qianchuan", dt.date(2026, 6, 1))


class TestTraffic:
    def test_amazon_by_child_item(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_files(shop, tmp_path, fx.write(tmp_path / "BusinessReport.csv", fx.AMAZON_BUSINESS_CHILD))
        assert (outcome.platform, outcome.kind, outcome.rows_added) == ("amazon", "traffic", 2)
        assert shop.fetchall("SELECT sku, product_ref, sessions, page_views, orders, units, sales, currency "
                             "FROM traffic_stats ORDER BY sku") == [
            ("MUG-BLUE", "B0MUGBLUE1", 1514, 2100, 28, 30, Decimal("1049.70"), "USD"),
            ("MUG-RED", "B0MUGRED01", 2000, 2500, 4, 4, Decimal("139.96"), "USD")]
        (again,) = import_files(shop, tmp_path, fx.write(tmp_path / "again.csv", fx.AMAZON_BUSINESS_CHILD))
        assert (again.rows_added, one(shop, "SELECT sum(sessions) FROM traffic_stats")) == (0, (3514,))

    def test_amazon_by_date(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, fx.write(tmp_path / "bydate.csv", fx.AMAZON_BUSINESS_DATE))
        assert shop.fetchall("SELECT day, sessions, orders, units, sales, product_ref FROM traffic_stats "
                             "ORDER BY day") == [
            (dt.date(2026, 6, 1), 700, 14, 15, Decimal("524.85"), None),
            (dt.date(2026, 6, 2), 650, 3, 3, Decimal("104.97"), None)]

    def test_shopify_product_landing_pages_only(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_files(shop, tmp_path, fx.write(tmp_path / "sessions.csv", fx.SHOPIFY_LANDING))
        assert (outcome.platform, outcome.kind) == ("shopify", "traffic")
        # the locale copy of the page is the same product: one row of 500 sessions
        assert shop.fetchall("SELECT day, product_ref, sessions, orders FROM traffic_stats") == [
            (dt.date(2026, 6, 1), "linen-shirt", 500, 13)]

    def test_ebay_listings_traffic(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_files(shop, tmp_path, fx.write(tmp_path / "eBay-ListingsTrafficReport.csv",
                                                           fx.EBAY_TRAFFIC))
        assert (outcome.platform, outcome.kind, outcome.rows_added) == ("ebay", "traffic", 2)
        assert one(shop, "SELECT sessions, page_views, units FROM traffic_stats WHERE product_ref = '125512345678'"
                   ) == (600, 600, 6)

    def test_sycm_products(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_files(shop, tmp_path, fx.write(tmp_path / "商品.csv", fx.SYCM, encoding="gbk"))
        assert (outcome.platform, outcome.kind, outcome.rows_added) == ("taobao", "traffic", 2)
        assert one(shop, "SELECT sku, sessions, orders, units, sales, currency FROM traffic_stats "
                         "WHERE product_ref = '680012345678'") == ("DRESS-01", 1200, 15, 16, Decimal("2400.00"), "CNY")
        undo_import(shop, outcome.batch_id)
        assert one(shop, "SELECT count(*) FROM traffic_stats") == (0,)


def test_amazon_2026_console_export(shop: Database, tmp_path: Path) -> None:
    path = fx.write(tmp_path / "Sponsored_Products_Search_term_report.csv", fx.AMAZON_2026_CONSOLE,
                    encoding="utf-8-sig")
    (outcome,) = import_files(shop, tmp_path, path)
    assert (outcome.platform, outcome.kind, outcome.rows_added) == ("amazon", "ads", 2)
    assert shop.fetchall("SELECT day, period_start, period_end, campaign, search_term, spend, sales, orders, currency "
                         "FROM ad_stats ORDER BY spend") == [
        (None, dt.date(2026, 6, 1), dt.date(2026, 6, 30), "Mugs UK", "large mug", Decimal("12.50"), Decimal("0.00"),
         0, "GBP"),
        (None, dt.date(2026, 6, 1), dt.date(2026, 6, 30), "Mugs UK", "blue mug", Decimal("30.00"), Decimal("96.00"),
         4, "GBP")]


def test_a_product_row_without_its_period_is_rejected(shop: Database, tmp_path: Path) -> None:
    text = fx.AMAZON_SP_PRODUCTS_IN.replace("2026-06-01,2026-06-30,INR,Kurta - Manual,Cotton,KURTA-BLU-L",
                                            ",2026-06-30,INR,Kurta - Manual,Cotton,KURTA-BLU-L")
    (outcome,) = import_files(shop, tmp_path, fx.write(tmp_path / "sp.csv", text))
    assert (outcome.rows_added, outcome.rows_rejected) == (1, 1)
    assert rejects(shop, outcome.batch_id) == [(2, "Start Date", None, "missing date")]
