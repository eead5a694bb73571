"""Finding resources/ in a source checkout, an installed wheel or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    here = Path(__file__).resolve()
    # src/shopkeeper/runtime/resources.py -> repo root is three levels above src/
    checkout = here.parents[3] / "resources"
    if checkout.is_dir():
        return checkout
    packaged = here.parents[1] / "resources"
    return packaged


def app_icon_path() -> Path:
    """The application icon's source (SVG): the window icon, and what packaging/icons.py renders."""
    return resources_dir() / "icons" / "shopkeeper.svg"


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def default_absolute_terms_text() -> str:
    """The shipped absolute-term list of the listing checks (a shop keeps its own copy once edited)."""
    return (resources_dir() / "listing_words" / "absolute_terms_zh.txt").read_text(encoding="utf-8")
