"""The demo's advertising and traffic: campaigns that pay and campaigns that do not, and a product that converts badly.

Derived from the demo's own sales of the last weeks, so the figures agree with its orders:
on Taobao (万相台), Douyin (千川) and Shopify each shop's best seller is advertised at a ROAS of
about 6 (above its break-even) and its second best at about 1.1 (below it: a campaign the chart
shows in red). Taobao and Shopify have a traffic report for their best sellers of the last 30
days, converting 3 % or so, except the third best, which draws many sessions and few orders.
Written with each shop's demo import batch through db/merge.py, inside the demo's transaction,
so undoing a shop's demo batch removes its ads and traffic too.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from shopkeeper.db.database import Database
from shopkeeper.db.merge import upsert

# (platform, ad channel, campaign of the best seller, campaign of the second best)
_CAMPAIGNS = (
    ("taobao", "wanxiangtai", "爆款拉新", "新品测款"),
    ("douyin", "qianchuan", "直播间-通投", "短视频-测品"),
    # Shopify exports no ad report of its own: a seller brings one in through a column mapping
    ("shopify", "mapped", "Best seller - Search", "Second - Broad"),
)
_TRAFFIC_PLATFORMS = ("taobao", "shopify")
AD_DAYS = 60
TRAFFIC_DAYS = 30


def write_demo_ads_traffic(db: Database, today: date, batches: Mapping[str, int]) -> None:
    """Once the orders are written, in the demo's transaction; `batches`: shop id -> its demo batch."""
    first_ad, first_visit = today - timedelta(days=AD_DAYS), today - timedelta(days=TRAFFIC_DAYS)
    campaigns = " UNION ALL ".join(
        f"SELECT '{p}' AS platform, '{ch}' AS channel, '{a}' AS best, '{b}' AS second" for p, ch, a, b in _CAMPAIGNS)
    db.execute(f"""
    CREATE OR REPLACE TEMP TABLE _demo_ads AS
    WITH plan AS ({campaigns}),
    recent AS (
        SELECT l.shop_id, l.sku, l.day, l.currency, sum(l.revenue) AS revenue, count(DISTINCT l.order_id) AS orders,
               sum(l.units) AS units
        FROM sk_sold_sku_lines() l WHERE l.day >= $first AND l.day < $today GROUP BY ALL
    ),
    ranked AS (
        SELECT s.shop_id, s.platform, r.sku,
               row_number() OVER (PARTITION BY s.shop_id ORDER BY sum(r.revenue) DESC, r.sku) AS rank
        FROM recent r JOIN shops s USING (shop_id) GROUP BY s.shop_id, s.platform, r.sku
    )
    SELECT k.shop_id, k.rank, p.channel, CASE k.rank WHEN 1 THEN p.best ELSE p.second END AS campaign, x.sku,
           x.day, x.currency, round(x.revenue * CASE k.rank WHEN 1 THEN 0.35 ELSE 0.20 END, 2) AS sales,
           x.orders, x.units
    FROM ranked k JOIN plan p USING (platform) JOIN recent x USING (shop_id, sku)
    WHERE k.rank <= 2 AND x.revenue > 0
    """, {"first": first_ad, "today": today})
    db.execute("""
    CREATE OR REPLACE TEMP TABLE _demo_ad_stats AS
    SELECT shop_id, md5(concat_ws('|', 'demo', channel, campaign, sku, day)) AS stat_id, day,
           day AS period_start, day AS period_end, channel, campaign, NULL AS ad_group, sku,
           NULL AS product_ref, NULL AS search_term, (orders * 30 + 10) * 40 AS impressions,
           orders * 30 + 10 AS clicks,
           round(sales / CASE rank WHEN 1 THEN 6 ELSE 1.1 END, 2) AS spend,
           currency, orders, units, sales, 'demo' AS report
    FROM _demo_ads
    """)
    _write_per_shop(db, "ad_stats", "_demo_ad_stats", batches)
    platforms = ", ".join(f"'{p}'" for p in _TRAFFIC_PLATFORMS)
    db.execute(f"""
    CREATE OR REPLACE TEMP TABLE _demo_traffic_stats AS
    WITH recent AS (
        SELECT l.shop_id, l.sku, l.day, count(DISTINCT l.order_id) AS orders, sum(l.units) AS units,
               sum(l.revenue) AS sales, any_value(l.currency) AS currency
        FROM sk_sold_sku_lines() l JOIN shops s USING (shop_id)
        WHERE s.platform IN ({platforms}) AND l.day >= $first AND l.day < $today GROUP BY ALL
    ),
    ranked AS (
        SELECT shop_id, sku, row_number() OVER (PARTITION BY shop_id ORDER BY sum(units) DESC, sku) AS rank
        FROM recent GROUP BY shop_id, sku
    )
    SELECT x.shop_id, md5(concat_ws('|', 'demo', x.sku, x.day)) AS stat_id, x.day, x.day AS period_start,
           x.day AS period_end, x.sku, NULL AS product_ref, NULL AS title,
           -- the third best seller draws many visitors who do not buy: its listing page is the problem
           CASE WHEN k.rank = 3 THEN x.orders * 400 + 150 ELSE x.orders * 30 + 5 + (hash(x.sku, x.day) % 10)
           END AS sessions,
           CASE WHEN k.rank = 3 THEN x.orders * 700 + 300 ELSE x.orders * 55 + 12 END AS page_views,
           x.orders, x.units, x.sales, x.currency, 'demo' AS report
    FROM recent x JOIN ranked k USING (shop_id, sku) WHERE k.rank <= 8
    """, {"first": first_visit, "today": today})
    _write_per_shop(db, "traffic_stats", "_demo_traffic_stats", batches)
    for table in ("_demo_ads", "_demo_ad_stats", "_demo_traffic_stats", "_demo_shop_rows"):
        db.execute(f"DROP TABLE IF EXISTS temp.main.{table}")


def _write_per_shop(db: Database, table: str, staged: str, batches: Mapping[str, int]) -> None:
    for shop_id, batch_id in batches.items():
        db.execute(f"CREATE OR REPLACE TEMP TABLE _demo_shop_rows AS SELECT * FROM {staged} WHERE shop_id = ?",
                   [shop_id])
        upsert(db, table, "_demo_shop_rows", batch_id)
