"""How values look in tables: money with separators, dates, statuses in words."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication


def status_label(value: str) -> str:
    labels = {
        "ok": QCoreApplication.translate("Status", "In stock"),
        "low": QCoreApplication.translate("Status", "Reorder now"),
        "out": QCoreApplication.translate("Status", "Out of stock"),
        "active": QCoreApplication.translate("Status", "Active"),
        "at_risk": QCoreApplication.translate("Status", "Slipping away"),
        "lapsed": QCoreApplication.translate("Status", "Lapsed"),
        "new": QCoreApplication.translate("Status", "No orders yet"),
        "planned": QCoreApplication.translate("Status", "Planned"),
        "running": QCoreApplication.translate("Status", "Running"),
        "ended": QCoreApplication.translate("Status", "Ended"),
    }
    return labels.get(value, value)


def order_status_label(value: str) -> str:
    labels = {
        "pending": QCoreApplication.translate("OrderStatus", "Awaiting payment"),
        "paid": QCoreApplication.translate("OrderStatus", "Paid"),
        "shipped": QCoreApplication.translate("OrderStatus", "Shipped"),
        "completed": QCoreApplication.translate("OrderStatus", "Completed"),
        "cancelled": QCoreApplication.translate("OrderStatus", "Cancelled"),
        "refunded": QCoreApplication.translate("OrderStatus", "Refunded"),
        "partially_refunded": QCoreApplication.translate("OrderStatus", "Partly refunded"),
    }
    return labels.get(value, value)


def points_reason_label(value: str) -> str:
    labels = {
        "order": QCoreApplication.translate("PointsReason", "earned on an order"),
        "refund": QCoreApplication.translate("PointsReason", "taken back: refund"),
        "expire": QCoreApplication.translate("PointsReason", "expired"),
        "adjust": QCoreApplication.translate("PointsReason", "adjusted by hand"),
        "redeem": QCoreApplication.translate("PointsReason", "redeemed"),
    }
    return labels.get(value, value)


def platform_label(code: str) -> str:
    labels = {
        "taobao": QCoreApplication.translate("Platform", "Taobao"),
        "jd": QCoreApplication.translate("Platform", "JD"),
        "pinduoduo": QCoreApplication.translate("Platform", "Pinduoduo"),
        "douyin": QCoreApplication.translate("Platform", "Douyin"),
        "youzan": QCoreApplication.translate("Platform", "Youzan"),
        "shopify": "Shopify",
        "etsy": "Etsy",
        "amazon": "Amazon",
        "woocommerce": "WooCommerce",
        "ebay": "eBay",
        "other": QCoreApplication.translate("Platform", "Other"),
    }
    return labels.get(code, code)


def platforms_label(codes: str | None) -> str:
    if not codes:
        return ""
    return ", ".join(platform_label(c.strip()) for c in codes.split(","))


def money(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    return f"{Decimal(value):,.2f}"


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
