"""Any other ad or traffic table through a column mapping: guessed, saved, imported, merged and undone."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.services import mappings
from shopkeeper.services.imports import undo_import
from tests.unit.importers.export_files import import_ok

GOOGLE = """\
Day,Campaign,Channel,Impr.,Clicks,Cost,Conversions,Conv. value,Currency
2026-06-01,Mugs - Search,Google,"1,200",40,$25.40,3,$120.00,USD
2026-06-02,Mugs - Search,Google,900,30,$18.10,1,$40.00,USD
2026-06-02,Mugs - Retarget,Meta,500,10,$6.50,0,$0.00,USD
"""

XHS = """\
日期,商品ID,商品名称,访客数,浏览量,支付件数
2026-06-01,6600001,竹编收纳篮,"1,000",2400,6
2026-06-02,6600001,竹编收纳篮,800,1500,2
"""


def _mapped(shop: Database, tmp_path: Path, name: str, text: str, kind: str, platform: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [preview] = mappings.preview_tables(shop, path, tmp_path / "work")
    guess = mappings.guess_columns(kind, preview.headers, preview.rows)
    mappings.save_mapping(shop, name=name, kind=kind, platform=platform, headers=preview.headers, columns=guess)
    return path


def test_an_ad_table_of_any_shape(shop: Database, tmp_path: Path) -> None:
    [preview] = mappings.preview_tables(shop, _mapped(shop, tmp_path, "google.csv", GOOGLE, "mapped_ads", "shopify"),
                                        tmp_path / "work")
    guess = {f: preview.headers[i] for f, i in mappings.guess_columns("mapped_ads", preview.headers, preview.rows)
             .items()}
    assert {k: guess.get(k) for k in ("day", "campaign", "channel", "impressions", "clicks", "spend", "orders",
                                      "sales")} == {
        "day": "Day", "campaign": "Campaign", "channel": "Channel", "impressions": "Impr.", "clicks": "Clicks",
        "spend": "Cost", "orders": "Conversions", "sales": "Conv. value"}
    [outcome] = import_ok(shop, tmp_path / "google.csv")
    assert (outcome.kind, outcome.rows_added) == ("mapped_ads", 3)
    assert one_row(shop, "SELECT sum(spend), sum(sales), count(DISTINCT campaign) FROM ad_stats") == (
        Decimal("50.00"), Decimal("160.00"), 2)
    assert one_row(shop, "SELECT channel, campaign, day, currency FROM ad_stats WHERE spend = 6.50") == (
        "mapped", "Meta · Mugs - Retarget", dt.date(2026, 6, 2), "USD")
    [again] = import_ok(shop, tmp_path / "google.csv")
    assert (again.rows_added, again.rows_updated) == (0, 0)
    undo_import(shop, outcome.batch_id)
    assert one_row(shop, "SELECT count(*) FROM ad_stats") == (0,)


def test_a_traffic_table_in_chinese(shop: Database, tmp_path: Path) -> None:
    _mapped(shop, tmp_path, "xhs.csv", XHS, "mapped_traffic", "other")
    [outcome] = import_ok(shop, tmp_path / "xhs.csv")
    assert (outcome.kind, outcome.rows_added) == ("mapped_traffic", 2)
    assert one_row(shop, "SELECT sum(sessions), sum(page_views), sum(units), any_value(product_ref) "
                         "FROM traffic_stats") == (1800, 3900, 8, "6600001")


def one_row(shop: Database, sql: str) -> tuple[object, ...]:
    rows = shop.fetchall(sql)
    assert len(rows) == 1, rows
    return tuple(rows[0])
