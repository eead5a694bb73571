"""How values look in tables: money with separators, dates, statuses in words."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from shopkeeper.services.chart_export import cell_text

# Code → source text, one table per kind. The kind is also the translation context, so each
# label keeps the context translators already know. Marked here for lupdate and translated
# only when shown, because the window can switch language while it runs. (PySide6 types the
# marker's result as object; it hands back the text unchanged.)
_LABELS: dict[str, dict[str, object]] = {
    "Status": {
        "ok": QT_TRANSLATE_NOOP("Status", "In stock"),
        "low": QT_TRANSLATE_NOOP("Status", "Reorder now"),
        "out": QT_TRANSLATE_NOOP("Status", "Out of stock"),
        "unknown": QT_TRANSLATE_NOOP("Status", "Not counted"),
        "active": QT_TRANSLATE_NOOP("Status", "Active"),
        "at_risk": QT_TRANSLATE_NOOP("Status", "Slipping away"),
        "lapsed": QT_TRANSLATE_NOOP("Status", "Lapsed"),
        "new": QT_TRANSLATE_NOOP("Status", "No orders yet"),
        # a customers export says they ordered; the orders are not imported (domain/segments.NOT_IMPORTED)
        "not_imported": QT_TRANSLATE_NOOP("Status", "Orders not imported yet"),
        "planned": QT_TRANSLATE_NOOP("Status", "Planned"),
        "running": QT_TRANSLATE_NOOP("Status", "Running"),
        "ended": QT_TRANSLATE_NOOP("Status", "Ended"),
    },
    "OrderStatus": {
        "pending": QT_TRANSLATE_NOOP("OrderStatus", "Awaiting payment"),
        "paid": QT_TRANSLATE_NOOP("OrderStatus", "Paid"),
        "shipped": QT_TRANSLATE_NOOP("OrderStatus", "Shipped"),
        "completed": QT_TRANSLATE_NOOP("OrderStatus", "Completed"),
        "cancelled": QT_TRANSLATE_NOOP("OrderStatus", "Cancelled"),
        "refunded": QT_TRANSLATE_NOOP("OrderStatus", "Refunded"),
        "partially_refunded": QT_TRANSLATE_NOOP("OrderStatus", "Partly refunded"),
    },
    "PointsReason": {
        "order": QT_TRANSLATE_NOOP("PointsReason", "earned on an order"),
        "refund": QT_TRANSLATE_NOOP("PointsReason", "taken back: refund"),
        "expire": QT_TRANSLATE_NOOP("PointsReason", "expired"),
        "adjust": QT_TRANSLATE_NOOP("PointsReason", "adjusted by hand"),
        "redeem": QT_TRANSLATE_NOOP("PointsReason", "redeemed"),
    },
    "Platform": {
        "taobao": QT_TRANSLATE_NOOP("Platform", "Taobao"),
        "jd": QT_TRANSLATE_NOOP("Platform", "JD"),
        "pinduoduo": QT_TRANSLATE_NOOP("Platform", "Pinduoduo"),
        "douyin": QT_TRANSLATE_NOOP("Platform", "Douyin"),
        "youzan": QT_TRANSLATE_NOOP("Platform", "Youzan"),
        "other": QT_TRANSLATE_NOOP("Platform", "Other"),
    },
    # the advertising product an ad report comes from (importers/platforms/ad_reports.py)
    "AdChannel": {
        "wanxiangtai": QT_TRANSLATE_NOOP("AdChannel", "Wanxiangtai (Taobao)"),
        "duoduo": QT_TRANSLATE_NOOP("AdChannel", "Duoduo promotion (Pinduoduo)"),
        "jd_kuaiche": QT_TRANSLATE_NOOP("AdChannel", "JD Kuaiche"),
        "qianchuan": QT_TRANSLATE_NOOP("AdChannel", "Qianchuan (Douyin)"),
        "amazon_sp": QT_TRANSLATE_NOOP("AdChannel", "Amazon Sponsored Products"),
        "amazon_sb": QT_TRANSLATE_NOOP("AdChannel", "Amazon Sponsored Brands"),
        "amazon_sd": QT_TRANSLATE_NOOP("AdChannel", "Amazon Sponsored Display"),
        "ebay_promoted": QT_TRANSLATE_NOOP("AdChannel", "eBay Promoted Listings"),
        "mapped": QT_TRANSLATE_NOOP("AdChannel", "Your own ad report"),
    },
    # what a movement of money is (domain/money_kinds.py), as the payouts dialog lists them
    "MoneyKind": {
        "sale": QT_TRANSLATE_NOOP("MoneyKind", "Sale"),
        "commission": QT_TRANSLATE_NOOP("MoneyKind", "Commission"),
        "payment_fee": QT_TRANSLATE_NOOP("MoneyKind", "Payment fee"),
        "shipping_label": QT_TRANSLATE_NOOP("MoneyKind", "Postage label"),
        "ad": QT_TRANSLATE_NOOP("MoneyKind", "Advertising"),
        "refund": QT_TRANSLATE_NOOP("MoneyKind", "Refund"),
        "reserve": QT_TRANSLATE_NOOP("MoneyKind", "Reserve held or released"),
        "payout": QT_TRANSLATE_NOOP("MoneyKind", "Payout to the bank"),
        "other": QT_TRANSLATE_NOOP("MoneyKind", "Other"),
        "tax": QT_TRANSLATE_NOOP("MoneyKind", "Sales tax collected by the platform"),
    },
}
# Western brands are written the same in every language, so they are not offered to translators.
_BRANDS = {"shopify": "Shopify", "etsy": "Etsy", "amazon": "Amazon", "woocommerce": "WooCommerce", "ebay": "eBay"}


def _label(kind: str, code: str) -> str:
    """The code in the window's language; a code the table lacks is shown as it is rather than hidden."""
    text = _LABELS[kind].get(code)
    return code if text is None else QCoreApplication.translate(kind, str(text))


def status_label(value: str) -> str:
    return _label("Status", value)


def order_status_label(value: str) -> str:
    return _label("OrderStatus", value)


def points_reason_label(value: str) -> str:
    return _label("PointsReason", value)


def platform_label(code: str) -> str:
    return _BRANDS.get(code) or _label("Platform", code)


def shop_label(shop_id: str) -> str:
    """A shop as the seller knows it: 'Shopify · Demo shop' for the key 'shopify:Demo shop'."""
    platform, _, name = shop_id.partition(":")
    label = platform_label(platform)
    # A shop an export did not name is keyed by its platform ("shopify:Shopify"): said once, not twice.
    return f"{label} · {name}" if name and name.casefold() not in (platform.casefold(), label.casefold()) else label


def ad_channel_label(code: str) -> str:
    return _label("AdChannel", code)


def money_kind_label(code: str) -> str:
    return _label("MoneyKind", code)


def joined(items: Iterable[str]) -> str:
    """Names or values as a list in the window's language: "Shopify, Etsy"; 淘宝/天猫、Shopify."""
    return QCoreApplication.translate("Lists", ", ", "between the names or values of a list").join(items)


def platforms_label(codes: str | None) -> str:
    if not codes:
        return ""
    return joined(platform_label(c.strip()) for c in codes.split(","))


def money(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    return f"{Decimal(value):,.2f}"


def table_number(value: object) -> str:
    """A chart table's cell: numbers with their thousands grouped (1,902,487.15), to the places the
    CSV export writes them (chart_export.cell_text), so the two never disagree on a figure."""
    text = cell_text(value)
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return text
    exact = Decimal(text)
    exponent = exact.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return f"{exact:,.{places}f}"


def money_per_currency(amounts: Mapping[str, Decimal]) -> str:
    """Money in several currencies side by side ("8,000.00 EUR + 1,200.00 USD"), never added into one figure."""
    return " + ".join(f"{money(amount)} {currency}" for currency, amount in amounts.items()) or "—"


def format_value(key: str, kind: str, value: Any) -> str:
    if value is None:
        return "—" if kind in ("int", "pct", "money", "decimal") else ""
    if kind == "money":
        return money(value)
    if kind == "pct":
        return f"{Decimal(value):.1f} %"
    if kind == "decimal":
        return f"{Decimal(value):,.2f}"
    if kind == "flag":
        return QCoreApplication.translate("Status", "Yes") if value else ""
    if kind == "int":
        return f"{int(value):,}"
    if kind == "status":
        return status_label(str(value))
    if kind in ("date", "datetime") and isinstance(value, date | datetime):
        return value.strftime("%Y-%m-%d") if kind == "date" else value.strftime("%Y-%m-%d %H:%M")
    if key == "platforms":
        return platforms_label(str(value))
    return str(value)
