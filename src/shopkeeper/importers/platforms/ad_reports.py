"""Advertising reports: spend, clicks and ad-attributed sales per campaign, product and day.

Amazon Sponsored Products / Brands / Display (campaign, ad group, targeting, search term and
advertised product reports, the legacy console's and the 2026 console's), eBay's advertising
sales report, 万相台/直通车, 多多推广, 京东快车/京准通 and 巨量千川 (money-traffic-formats.md
§2.5, §4.2, §7.3, §8.2, §9.2, §10.3). Each is recognised by its header and written to
`ad_stats` through importers/ad_traffic_rows.py.

Quirks met here:
* Amazon writes the attribution window into the header (`7 Day Total Sales` for Sponsored
  Products, `14 Day …` for Brands and Display; Display adds `14 Day Detail Page Views (DPV)`,
  Brands a `Cost type`), sometimes with the currency in it (`7 Day Total Sales (₹)`), and
  money cells carry `$ 0.35`, `₹1,234.00` or `Rs. 12.00` (normalise_sql.py reads them all).
* The Chinese reports end in a `总计`/`合计` row (dropped: it repeats the rows' sum, or
  is whole-shop spend not split by product), write dates as `2026-06-01`, `20260601` or a
  range `20260601~20260630`, and JD's SKU ids arrive as Excel floats (`100012345678.0`).
* Percentages (ACoS, ROAS, 投入产出比, 点击率) are not read: they are derived from the sums.
"""

from __future__ import annotations

from shopkeeper.importers.ad_traffic_rows import (
    ADS,
    col,
    currency_of,
    file_day,
    first_of,
    reject_common,
    write_rows,
)
from shopkeeper.importers.context import ROWS, TYPED, ImportContext, q
from shopkeeper.importers.date_order import DateOrder, reject_unreadable, slash_order, timestamp_sql
from shopkeeper.importers.formats import FormatSpec, field

# Header spellings of Amazon's attributed sales with the currency written in (India, UK, EU, US).
_SYMBOLS = ("₹", "£", "€", "$")


def _with_symbols(*names: str) -> tuple[str, ...]:
    return tuple(names) + tuple(f"{n} ({s})" for n in names for s in _SYMBOLS)


# Rows whose first cell is a total, not data (the CN reports' last line).
TOTALS = "(day_text LIKE '总计%' OR day_text LIKE '合计%' OR lower(day_text) LIKE 'total%')"


def cn_day(expr: str) -> str:
    """A day written as 2026-06-01, 2026/6/1, 20260601 or 2026-06-01 00:00:00 (SQL DATE)."""
    return (f"CAST(try_strptime(trim({expr}), ['%Y-%m-%d', '%Y/%m/%d', '%Y%m%d', '%Y-%m-%d %H:%M:%S', "
            f"'%Y/%m/%d %H:%M:%S', '%Y年%m月%d日']) AS DATE)")


def cn_period(expr: str) -> tuple[str, str]:
    """(first day, last day) of a cell that is one day or a range `a~b` / `a至b` (SQL DATEs)."""
    unified = f"replace(replace({expr}, '至', '~'), '～', '~')"
    return cn_day(f"split_part({unified}, '~', 1)"), cn_day(
        f"coalesce(nullif(split_part({unified}, '~', 2), ''), {unified})")


def _reject_cn_day(ctx: ImportContext) -> None:
    start, end = cn_period(q("day_text"))
    ctx.reject(f"({start} IS NULL OR {end} IS NULL) AND NOT _bad", field="day_text", reason="reject.missing_date")


def _cn_select(ctx: ImportContext, *, channel: str, campaign: str, ad_group: str = "NULL", key: str = "NULL",
               product_ref: str | None = None) -> str:
    start, end = cn_period(q("day_text"))
    ref = product_ref if product_ref is not None else col(ctx, "product_ref")
    return f"""
        SELECT _row, {key} AS _key, CASE WHEN {start} = {end} THEN {start} END AS day,
               {start} AS period_start, {end} AS period_end, '{channel}' AS channel,
               {campaign} AS campaign, {ad_group} AS ad_group, {col(ctx, 'sku')} AS sku, {ref} AS product_ref,
               NULL AS search_term, {col(ctx, 'impressions')} AS impressions, {col(ctx, 'clicks')} AS clicks,
               spend, {currency_of(ctx, 'spend', 'sales')} AS currency, {col(ctx, 'orders')} AS orders,
               {col(ctx, 'units')} AS units, {col(ctx, 'sales')} AS sales
        FROM {ROWS}"""


# --- Amazon Sponsored ads ---------------------------------------------------------------------

AMAZON_SPEC = FormatSpec(
    platform="amazon",
    kind="ads",
    label="Amazon Sponsored ads report",
    fields=(
        # Text: read by importers/date_order.py, which decides per file whether 03/04 is March or April.
        field("day", "text", "Date"),
        field("start_date", "text", "Start Date"),
        field("end_date", "text", "End Date"),
        field("date_range", "text", "Date range"),
        field("currency", "text", "Currency", "Budget currency"),
        field("country", "text", "Country"),
        field("campaign_id", "id", "Campaign ID"),
        field("campaign", "text", "Campaign Name", "Campaign name"),
        field("ad_group_id", "id", "Ad group ID"),
        field("ad_group", "text", "Ad Group Name", "Ad group name"),
        field("targeting", "text", "Targeting"),
        field("match_type", "text", "Match Type"),
        field("search_term", "text", "Customer Search Term", "Search term"),
        field("sku", "id", "Advertised SKU", key=True),
        field("product_ref", "id", "Advertised ASIN", key=True),
        field("cost_type", "text", "Cost type"),
        field("dpv", "int", "14 Day Detail Page Views (DPV)"),
        field("impressions", "int", "Impressions"),
        field("clicks", "int", "Clicks"),
        field("spend", "money", *_with_symbols("Spend", "Total cost")),
        field("sales", "money", *_with_symbols("7 Day Total Sales", "14 Day Total Sales", "Sales")),
        field("orders", "int", "7 Day Total Orders (#)", "14 Day Total Orders (#)", "Purchases"),
        field("units", "int", "7 Day Total Units (#)", "14 Day Total Units (#)", "Units sold"),
    ),
    required=frozenset({"campaign", "impressions", "clicks", "spend"}),
    normalise=lambda ctx: normalise_amazon(ctx),
    together=False,  # one date order per file (importers/date_order.py)
)


def amazon_channel(ctx: ImportContext) -> str:
    """Display counts detail page views, Brands has a cost type; both attribute over 14 days."""
    if ctx.has("dpv"):
        return "amazon_sd"
    sales_header = (ctx.header("sales") or "").strip()
    if ctx.has("cost_type") or sales_header.startswith("14"):
        return "amazon_sb"
    return "amazon_sp"


def amazon_report(ctx: ImportContext) -> str:
    """Which level the report is at: the same spend is in each, so the figures use one (ad_performance)."""
    if ctx.has("sku") or ctx.has("product_ref"):
        return "amazon_ads_product"
    if ctx.has("search_term"):
        return "amazon_ads_search_term"
    if ctx.has("targeting"):
        return "amazon_ads_targeting"
    if ctx.has("ad_group"):
        return "amazon_ads_ad_group"
    return "amazon_ads_campaign"


_AMAZON_DATES = ("day", "start_date", "end_date")


def amazon_marketplace_order(ctx: ImportContext) -> DateOrder | None:
    """How the report's marketplace writes dates: Amazon.in day first, Amazon.com month first (else unknown)."""
    headers = " ".join(ctx.header(f) or "" for f in ("spend", "sales")).upper()
    written = [q(f + "__cur") for f in ("spend", "sales") if ctx.has(f)]
    currencies = [f"upper(trim({q('currency')}))"] if ctx.has("currency") else []
    countries = f"lower(trim({q('country')}))" if ctx.has("country") else "NULL"
    said = " || ',' || ".join(f"coalesce({c}, '')" for c in [*currencies, *written]) or "''"
    row = ctx.run(f"SELECT bool_or(contains({said}, 'INR') OR {countries} IN ('india', 'in')), "
                  f"bool_or(contains({said}, 'USD') OR {countries} IN ('united states', 'us', 'usa')) "
                  f"FROM {TYPED}").fetchone()
    india = bool(row and row[0]) or any(mark in headers for mark in ("₹", "INR", "RS."))
    united_states = bool(row and row[1])
    if india == united_states:
        return None
    return DateOrder.DAY_FIRST if india else DateOrder.MONTH_FIRST


def normalise_amazon(ctx: ImportContext) -> None:
    order = slash_order(ctx, _AMAZON_DATES, amazon_marketplace_order(ctx))
    reject_unreadable(ctx, _AMAZON_DATES, order)
    reject_common(ctx, amount="spend", dated="day" if ctx.has("day") else "start_date")
    # The 2026 console writes the range into one cell: `Jun 1, 2026 - Jun 30, 2026`.
    range_start = "sk_ts(trim(split_part(date_range, ' - ', 1)), $zone)"
    range_end = "sk_ts(trim(split_part(date_range, ' - ', 2)), $zone)"
    if ctx.has("date_range") and not ctx.has("day"):
        ctx.reject(f"({range_start} IS NULL OR {range_end} IS NULL) AND NOT _bad", field="date_range",
                   reason="reject.missing_date")
    stamp = {f: timestamp_sql(ctx, f, order) for f in _AMAZON_DATES}
    day = f"CAST(timezone($zone, {stamp['day']}) AS DATE)" if ctx.has("day") else "NULL::DATE"
    if ctx.has("day"):
        start, end = day, day
    elif ctx.has("start_date"):
        start = f"CAST(timezone($zone, {stamp['start_date']}) AS DATE)"
        end = f"CAST(timezone($zone, coalesce({stamp['end_date']}, {stamp['start_date']})) AS DATE)"
    elif ctx.has("date_range"):
        start, end = (f"CAST(timezone($zone, {range_start}) AS DATE)",
                      f"CAST(timezone($zone, {range_end}) AS DATE)")
    else:
        start = end = file_day(ctx)
    dated = ctx.has("day") or ctx.has("start_date") or ctx.has("date_range")
    key = f"concat_ws('|', {col(ctx, 'campaign_id', 'NULL')}, {col(ctx, 'ad_group_id', 'NULL')}, " \
          f"{col(ctx, 'targeting', 'NULL')}, {col(ctx, 'match_type', 'NULL')})"
    write_rows(ctx, ADS, f"""
        SELECT _row, {key} AS _key, {day} AS day, {start} AS period_start, {end} AS period_end,
               '{amazon_channel(ctx)}' AS channel, campaign, {col(ctx, 'ad_group')} AS ad_group,
               {col(ctx, 'sku')} AS sku, {col(ctx, 'product_ref')} AS product_ref,
               {col(ctx, 'search_term')} AS search_term, impressions, clicks, spend,
               {currency_of(ctx, 'spend', 'sales')} AS currency, {col(ctx, 'orders')} AS orders,
               {col(ctx, 'units')} AS units, {col(ctx, 'sales')} AS sales
        FROM {ROWS}""", report=amazon_report(ctx), dated=dated)


# --- eBay advertising sales report --------------------------------------------------------------

EBAY_SPEC = FormatSpec(
    platform="ebay",
    kind="ads",
    label="eBay advertising sales report",
    fields=(
        field("product_ref", "id", "Item ID", key=True),
        field("title", "text", "Item title"),
        field("ad_type", "text", "Ad type"),
        field("strategy", "text", "Campaign strategy"),
        field("campaign", "text", "Campaign name"),
        field("sale_type", "text", "Sale type"),
        field("sales", "money", "Sales"),
        field("units", "int", "Sold quantity"),
        field("spend", "money", "Ad fees (General)", "Ad fees"),
    ),
    required=frozenset({"product_ref", "sales", "spend"}),
    normalise=lambda ctx: normalise_ebay(ctx),
)


def normalise_ebay(ctx: ImportContext) -> None:
    # One row per attributed sale, for the range chosen when downloading (not in the file).
    reject_common(ctx, amount="spend")
    campaign = first_of(ctx, "campaign", default=f"nullif(concat_ws(' · ', {col(ctx, 'ad_type')}, "
                                                  f"{col(ctx, 'strategy')}), '')")
    write_rows(ctx, ADS, f"""
        SELECT _row, NULL AS _key, NULL::DATE AS day, {file_day(ctx)} AS period_start,
               {file_day(ctx)} AS period_end, 'ebay_promoted' AS channel, {campaign} AS campaign,
               NULL AS ad_group, NULL AS sku, product_ref, NULL AS search_term, NULL::BIGINT AS impressions,
               NULL::BIGINT AS clicks, spend, {currency_of(ctx, 'spend', 'sales')} AS currency,
               CASE WHEN coalesce(sales, 0) <> 0 THEN 1 ELSE 0 END AS orders, units, sales
        FROM {ROWS}""", report="ebay_advertising_sales", dated=False)


# --- 万相台 / 直通车 -----------------------------------------------------------------------------

WANXIANGTAI_SPEC = FormatSpec(
    platform="taobao",
    kind="ads",
    label="万相台/直通车 推广报表",
    fields=(
        field("day_text", "text", "日期"),
        field("scene_id", "id", "场景ID"),
        field("scene", "text", "场景名字", "场景"),
        field("campaign_id", "id", "计划ID"),
        field("campaign", "text", "计划名字", "计划名称"),
        field("product_ref", "id", "主体ID", "宝贝ID", "商品ID", key=True),
        field("subject_type", "text", "主体类型"),
        field("title", "text", "主体名称"),
        field("impressions", "int", "展现量"),
        field("clicks", "int", "点击量"),
        field("spend", "money", "花费"),
        field("sales", "money", "总成交金额"),
        field("orders", "int", "总成交笔数"),
    ),
    required=frozenset({"day_text", "impressions", "clicks", "spend"}),
    normalise=lambda ctx: normalise_wanxiangtai(ctx),
    skip_rows=TOTALS,
)


def normalise_wanxiangtai(ctx: ImportContext) -> None:
    reject_common(ctx, amount="spend")
    _reject_cn_day(ctx)
    # 主体ID names a product only when the subject is one (a shop or a live room otherwise).
    ref = col(ctx, "product_ref")
    if ctx.has("subject_type"):
        ref = f"CASE WHEN subject_type IS NULL OR contains(subject_type, '商品') OR contains(subject_type, '宝贝') " \
              f"THEN {ref} END"
    key = f"concat_ws('|', {col(ctx, 'scene_id')}, {col(ctx, 'campaign_id')}, {col(ctx, 'product_ref')})"
    write_rows(ctx, ADS, _cn_select(ctx, channel="wanxiangtai", campaign=first_of(ctx, "campaign", "scene"),
                                    ad_group=col(ctx, "scene") if ctx.has("campaign") else "NULL", key=key,
                                    product_ref=ref),
               report="taobao_ads", dated=True)


# --- 多多推广 ------------------------------------------------------------------------------------

DUODUO_SPEC = FormatSpec(
    platform="pinduoduo",
    kind="ads",
    label="拼多多 推广报表",
    fields=(
        field("day_text", "text", "日期"),
        field("product_ref", "id", "商品ID", key=True),
        field("title", "text", "商品名称"),
        field("scene", "text", "推广场景"),
        field("campaign", "text", "推广名称", "计划名称"),
        field("impressions", "int", "曝光量"),
        field("clicks", "int", "点击量"),
        field("spend", "money", "总花费(元)", "成交花费(元)", "花费(元)"),
        field("sales", "money", "交易额(元)", "成交金额(元)"),
        field("orders", "int", "成交笔数"),
    ),
    required=frozenset({"day_text", "spend", "sales"}),
    normalise=lambda ctx: normalise_duoduo(ctx),
    skip_rows=TOTALS,
)


def normalise_duoduo(ctx: ImportContext) -> None:
    reject_common(ctx, amount="spend")
    _reject_cn_day(ctx)
    write_rows(ctx, ADS, _cn_select(ctx, channel="duoduo", campaign=first_of(ctx, "campaign", "scene"),
                                    ad_group=col(ctx, "scene") if ctx.has("campaign") else "NULL",
                                    key=col(ctx, "scene")),
               report="pinduoduo_ads", dated=True)


# --- 京东快车 / 京准通 ----------------------------------------------------------------------------

JD_SPEC = FormatSpec(
    platform="jd",
    kind="ads",
    label="京东快车/京准通 报表",
    fields=(
        field("day_text", "text", "日期"),
        field("campaign", "text", "计划名称", "推广计划"),
        field("product_ref", "id", "跟单SKU ID", "SKU ID", "商品SKU", key=True),
        field("title", "text", "跟单SKU名称", "商品名称"),
        field("spu", "id", "SPU ID"),
        field("impressions", "int", "展现数"),
        field("clicks", "int", "点击数"),
        field("spend", "money", "花费"),
        field("sales", "money", "总订单金额"),
        field("orders", "int", "总订单行"),
    ),
    required=frozenset({"day_text", "product_ref", "clicks", "spend"}),
    normalise=lambda ctx: normalise_jd(ctx),
    skip_rows=TOTALS,
)


def normalise_jd(ctx: ImportContext) -> None:
    reject_common(ctx, amount="spend")
    _reject_cn_day(ctx)
    # An Excel float: 100012345678.0 is SKU 100012345678.
    ref = "regexp_replace(product_ref, '\\.0+$', '')"
    write_rows(ctx, ADS, _cn_select(ctx, channel="jd_kuaiche", campaign=col(ctx, "campaign"), product_ref=ref),
               report="jd_ads", dated=True)


# --- 巨量千川 ------------------------------------------------------------------------------------

QIANCHUAN_SPEC = FormatSpec(
    platform="douyin",
    kind="ads",
    label="巨量千川 报表",
    fields=(
        field("day_text", "text", "数据日期", "日期", "时间"),
        field("campaign", "text", "计划名称", "广告计划"),
        field("creative_id", "id", "素材ID"),
        field("title", "text", "素材名称"),
        field("product_ref", "id", "商品ID", key=True),
        field("spend", "money", "整体消耗", "消耗"),
        field("sales", "money", "整体成交金额", "成交金额"),
        field("orders", "int", "整体成交订单数", "转化数"),
        field("impressions", "int", "整体展现次数", "展示次数"),
        field("clicks", "int", "整体点击次数", "点击次数"),
    ),
    required=frozenset({"day_text", "campaign", "spend"}),
    normalise=lambda ctx: normalise_qianchuan(ctx),
    skip_rows=TOTALS,
)


def normalise_qianchuan(ctx: ImportContext) -> None:
    reject_common(ctx, amount="spend")
    _reject_cn_day(ctx)
    write_rows(ctx, ADS, _cn_select(ctx, channel="qianchuan", campaign="campaign", key=col(ctx, "creative_id")),
               report="qianchuan_ads", dated=True)


SPECS = (AMAZON_SPEC, EBAY_SPEC, WANXIANGTAI_SPEC, DUODUO_SPEC, JD_SPEC, QIANCHUAN_SPEC)
