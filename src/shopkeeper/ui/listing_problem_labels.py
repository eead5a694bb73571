"""Short words for the listing checks' rules: the Listings table's badges and the panel's labels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def problem_label(rule: str) -> str:
    labels = {
        "title_too_long": QCoreApplication.translate("ListingProblem", "Title too long"),
        "absolute_terms": QCoreApplication.translate("ListingProblem", "Absolute terms"),
        "missing_description": QCoreApplication.translate("ListingProblem", "No description"),
        "missing_images": QCoreApplication.translate("ListingProblem", "No images"),
        "duplicate_title": QCoreApplication.translate("ListingProblem", "Duplicate title"),
        "price_spread": QCoreApplication.translate("ListingProblem", "Price spread"),
        "unlinked_sku": QCoreApplication.translate("ListingProblem", "Unlinked SKU"),
    }
    return labels.get(rule, rule)


def problem_badges(codes: str | None) -> str:
    """'absolute_terms,title_too_long' -> '⚠ Absolute terms · Title too long'."""
    if not codes:
        return ""
    return "⚠ " + " · ".join(problem_label(c) for c in codes.split(",") if c)
