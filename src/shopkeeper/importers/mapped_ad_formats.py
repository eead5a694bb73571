"""The advertising and traffic shapes a seller can map any other table onto (column-mapping dialog).

An ad platform nobody wrote a reader for (Google Ads, Meta, TikTok, 小红书聚光, an agency's
spreadsheet) exports spend, clicks, impressions, orders and sales per day, campaign or product
under its own names. Like the mapped orders and products (mapped_formats.py), these specs only
guess a mapping for the seller to confirm and never recognise a file on their own; the rows go
through importers/ad_traffic_rows.py like every reader's, so the same file imported again
merges and undo removes it.

A mapped ad row's channel is `mapped` (beside the readers' own codes); the channel the
seller's table names (Google, Meta …) is kept in front of the campaign, so campaigns of two
channels stay apart.
"""

from __future__ import annotations

from shopkeeper.importers.ad_traffic_rows import ADS, TRAFFIC, col, currency_of, local_day, reject_common, write_rows
from shopkeeper.importers.context import ROWS, ImportContext
from shopkeeper.importers.formats import FormatSpec, field

MAPPED_ADS = "mapped_ads"
MAPPED_TRAFFIC = "mapped_traffic"

_DAY = field("day", "date", "date", "day", "日期", "数据日期", "统计日期", "时间")
_SKU = field("sku", "id", "sku", "advertised sku", "商家编码", "货号", key=True)
_PRODUCT = field("product_ref", "id", "product id", "item id", "asin", "商品id", "宝贝id", "商品编号", key=True)
_CURRENCY = field("currency", "text", "currency", "币种", "货币")
_ORDERS = field("orders", "int", "orders", "conversions", "purchases", "成交笔数", "订单数", "成交订单数", "支付买家数")
_UNITS = field("units", "int", "units", "units sold", "件数", "成交件数", "支付件数")

ADS_SPEC = FormatSpec(
    platform="other",
    kind=MAPPED_ADS,
    label="Advertising (your column mapping)",
    fields=(
        _DAY,
        field("channel", "text", "channel", "platform", "network", "渠道", "推广渠道"),
        field("campaign", "text", "campaign", "campaign name", "计划", "计划名称", "推广计划"),
        field("ad_group", "text", "ad group", "ad set", "单元", "推广单元"),
        _SKU,
        _PRODUCT,
        field("impressions", "int", "impressions", "impr.", "展现量", "曝光量", "展示次数"),
        field("clicks", "int", "clicks", "点击量", "点击数", "点击次数"),
        field("spend", "money", "spend", "cost", "amount spent", "花费", "消耗", "费用"),
        _ORDERS,
        _UNITS,
        field("sales", "money", "sales", "revenue", "conversion value", "conv. value", "purchase value", "成交金额",
              "交易额"),
        _CURRENCY,
    ),
    required=frozenset({"day", "spend"}),
    normalise=lambda ctx: normalise_ads(ctx),
)

TRAFFIC_SPEC = FormatSpec(
    platform="other",
    kind=MAPPED_TRAFFIC,
    label="Traffic (your column mapping)",
    fields=(
        _DAY,
        _SKU,
        _PRODUCT,
        field("title", "text", "title", "product", "product name", "商品名称"),
        field("sessions", "int", "sessions", "visitors", "users", "访客数", "商品访客数", "uv"),
        field("page_views", "int", "page views", "pageviews", "views", "浏览量", "pv"),
        _ORDERS,
        _UNITS,
        field("sales", "money", "sales", "revenue", "支付金额", "成交金额"),
        _CURRENCY,
    ),
    required=frozenset({"day", "sessions"}),
    normalise=lambda ctx: normalise_traffic(ctx),
)

MAPPED_AD_SPECS = {MAPPED_ADS: ADS_SPEC, MAPPED_TRAFFIC: TRAFFIC_SPEC}


def normalise_ads(ctx: ImportContext) -> None:
    reject_common(ctx, amount="spend", dated="day")
    day = local_day(ctx, "day")
    campaign = f"nullif(concat_ws(' · ', {col(ctx, 'channel')}, {col(ctx, 'campaign')}), '')"
    write_rows(ctx, ADS, f"""
        SELECT _row, NULL AS _key, {day} AS day, {day} AS period_start, {day} AS period_end, 'mapped' AS channel,
               {campaign} AS campaign, {col(ctx, 'ad_group')} AS ad_group, {col(ctx, 'sku')} AS sku,
               {col(ctx, 'product_ref')} AS product_ref, NULL AS search_term, {col(ctx, 'impressions')} AS impressions,
               {col(ctx, 'clicks')} AS clicks, spend, {currency_of(ctx, 'spend', 'sales')} AS currency,
               {col(ctx, 'orders')} AS orders, {col(ctx, 'units')} AS units, {col(ctx, 'sales')} AS sales
        FROM {ROWS}""", report=MAPPED_ADS, dated=True)


def normalise_traffic(ctx: ImportContext) -> None:
    reject_common(ctx, amount=None, counts=("sessions",), dated="day")
    day = local_day(ctx, "day")
    write_rows(ctx, TRAFFIC, f"""
        SELECT _row, NULL AS _key, {day} AS day, {day} AS period_start, {day} AS period_end,
               {col(ctx, 'sku')} AS sku, {col(ctx, 'product_ref')} AS product_ref, {col(ctx, 'title')} AS title,
               sessions, {col(ctx, 'page_views')} AS page_views, {col(ctx, 'orders')} AS orders,
               {col(ctx, 'units')} AS units, {col(ctx, 'sales')} AS sales, {currency_of(ctx, 'sales')} AS currency
        FROM {ROWS}""", report=MAPPED_TRAFFIC, dated=True)
