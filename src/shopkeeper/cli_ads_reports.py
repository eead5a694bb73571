"""`shopkeeper report ads|conversion`: whether advertising pays, and which products convert (issue 13.5).

JSON keys are a stable contract (add, never rename). Money is a string with 2 places; ratios
(roas, acos, tacos, break_even_roas, conversion_rate) are strings with 4 places, derived from
the sums; a ratio over nothing is null.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

ADS_REPORTS = ("ads", "conversion")

Table = Callable[[Sequence[str], Sequence[Sequence[object]]], str]


def add_ads_options(report: argparse.ArgumentParser) -> None:
    report.add_argument("--level", choices=("channel", "campaign", "sku"), default="campaign",
                        help="ads: one row per channel, campaign (default) or advertised SKU")
    report.add_argument("--monthly", action="store_true", help="ads: one row per month as well")
    report.add_argument("--by-day", action="store_true", help="conversion: one row per product and day")


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{Decimal(value):.2f}"


def _ratio(value: Decimal | None) -> str | None:
    return None if value is None else f"{Decimal(value):.4f}"


def ads_report(db: Any, name: str, args: argparse.Namespace, table: Table) -> tuple[Any, str]:
    """(JSON data, text) of one of ADS_REPORTS."""
    if name == "ads":
        return _ads(db, args, table)
    return _conversion(db, args, table)


def _ads(db: Any, args: argparse.Namespace, table: Table) -> tuple[Any, str]:
    from shopkeeper.services.ad_performance import ad_figures

    rows = ad_figures(db, args.level, first=args.first, last=args.last, platform=args.platform,
                      monthly=args.monthly)
    data = [{
        "shop_id": r.shop_id, "channel": r.channel, "campaign": r.campaign, "sku": r.sku,
        "product_ref": r.product_ref, "month": r.month.isoformat() if r.month else None, "currency": r.currency,
        "first_day": r.first_day.isoformat(), "last_day": r.last_day.isoformat(),
        "impressions": r.impressions, "clicks": r.clicks, "orders": r.orders,
        "spend": _money(r.spend), "sales": _money(r.sales), "roas": _ratio(r.roas), "acos": _ratio(r.acos),
        "all_sales": _money(r.all_sales), "tacos": _ratio(r.tacos), "margin_before_ads": _ratio(r.margin),
        "break_even_roas": _ratio(r.break_even_roas), "below_break_even": r.below_break_even,
    } for r in rows]
    header = ("Shop", "Channel", "Campaign", "SKU", "Currency", "Spend", "Sales", "ROAS", "ACoS", "TACoS", "Break-even",
              "Below")
    text = table(header, [(d["shop_id"], d["channel"], d["campaign"], d["sku"] or d["product_ref"], d["currency"], d["spend"],
                           d["sales"], d["roas"], d["acos"], d["tacos"], d["break_even_roas"],
                           "yes" if d["below_break_even"] else "") for d in data])
    return data, text + f"\n{len(data)} rows"


def _conversion(db: Any, args: argparse.Namespace, table: Table) -> tuple[Any, str]:
    from shopkeeper.services.ad_performance import conversion, conversion_settings

    rows = conversion(db, first=args.first, last=args.last, platform=args.platform, by_day=args.by_day)
    data = [{
        "shop_id": r.shop_id, "sku": r.sku, "product_ref": r.product_ref, "title": r.title,
        "first_day": r.first_day.isoformat(), "last_day": r.last_day.isoformat(), "sessions": r.sessions,
        "page_views": r.page_views, "orders": r.orders, "units": r.units,
        "conversion_rate": _ratio(r.conversion_rate), "flagged": r.flagged,
    } for r in rows]
    if not data:
        # Said of the days and platforms asked about: traffic reports may be imported for others.
        return data, ("No product sessions in these days and platforms (they come from the platforms' traffic "
                      "reports).")
    settings = conversion_settings(db)
    header = ("Shop", "SKU", "Product", "From", "To", "Sessions", "Orders", "Conversion", "Low")
    text = table(header, [(d["shop_id"], d["sku"] or d["product_ref"], d["title"], d["first_day"], d["last_day"],
                           d["sessions"], d["orders"], d["conversion_rate"], "yes" if d["flagged"] else "")
                          for d in data])
    note = (f"\nflagged: at least {settings.min_sessions} sessions and under {settings.max_pct}% converted "
            f"(set in the Charts tab, Conversion chart)")
    return data, text + note
