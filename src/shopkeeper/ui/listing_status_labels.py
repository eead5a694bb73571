"""Words for a SKU's listing status (domain/sku_status.py) and its season, in the Listings table and panel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale


def listing_status_label(status: str | None) -> str:
    labels = {
        "active": QCoreApplication.translate("ListingStatus", "Active"),
        "delisted": QCoreApplication.translate("ListingStatus", "Delisted"),
        "seasonal": QCoreApplication.translate("ListingStatus", "Seasonal"),
        "new": QCoreApplication.translate("ListingStatus", "New"),
    }
    return labels.get(status or "", status or "")


def month_name(month: int) -> str:
    """The month in the window's language ('November', '十一月')."""
    return QLocale().standaloneMonthName(month, QLocale.FormatType.LongFormat)


def season_label(season: str | None, in_season: bool | None = None) -> str:
    """'11–2' -> 'Nov–Feb', with '(out of season)' when it is."""
    if not season:
        return ""
    try:
        first, last = (int(m) for m in season.split("–"))
    except ValueError:
        return season
    short = QLocale().standaloneMonthName
    text = f"{short(first, QLocale.FormatType.ShortFormat)}–{short(last, QLocale.FormatType.ShortFormat)}"
    if in_season is False:
        text += " " + QCoreApplication.translate("ListingStatus", "(out of season)")
    return text
