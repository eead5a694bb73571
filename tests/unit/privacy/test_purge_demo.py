"""A purge on the two-year demo shop: thousands of people erased, and every figure the seller reads -
headline counts, sales and platform trends, cohorts, regions, segments, tiers, repurchase - exactly as
before, to the cent."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.demo.shop import build_demo_shop
from shopkeeper.services import chart_series
from shopkeeper.services.chart_filters import ChartFilter
from shopkeeper.services.membership import tier_summary
from shopkeeper.services.privacy_erasure import purge, purge_preview
from shopkeeper.services.sales_report import repurchase
from shopkeeper.services.stats import shop_stats

TODAY = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 12, tzinfo=UTC)


def _figures(db: Database) -> dict[str, Any]:
    everything = ChartFilter(date(2024, 1, 1), TODAY)
    return {
        "stats": shop_stats(db),
        "sales": chart_series.sales_trend(db, everything, "month"),
        "platforms": chart_series.platform_trend(db, everything, "month"),
        "cohorts": chart_series.cohorts(db, everything),
        "regions": chart_series.regions(db, everything),
        "segments": chart_series.segment_sizes(db, TODAY),
        "tiers": tier_summary(db, TODAY, chinese=False),
        "repurchase": repurchase(db),
    }


def test_purge_keeps_every_figure_of_the_demo_shop(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "demo.duckdb")
    try:
        migrate(db, tmp_path / "bk")
        build_demo_shop(db, today=TODAY)
        before = _figures(db)
        stale = purge_preview(db, NOW, 365).people
        assert stale > 1000  # the demo has two years of buyers: many have not come back in the last one
        done = purge(db, NOW, 365, who="test", place="test")
        assert done.people == stale
        assert db.scalar("SELECT count(*) FROM members WHERE display_name = ''") == done.members
        assert _figures(db) == before
    finally:
        db.close()
