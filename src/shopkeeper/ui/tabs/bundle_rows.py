"""What the Listings product panel says about bundles: a bundle's parts, and the bundles a SKU is part of."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from shopkeeper.services.inventory import SkuDetail
from shopkeeper.ui.formatting import joined


def bundle_section(d: SkuDetail) -> tuple[str, list[tuple[str, str]]] | None:
    """The panel section of a bundle ('Made of'), or of a part ('Part of'); None for a plain SKU."""
    if d.parts:
        rows = [(f"{p.quantity:,} × {p.sku}",
                 QCoreApplication.translate("BundleRows", "{title} · {on_hand} on hand").format(title=p.title or p.sku, on_hand=f"{p.on_hand:,}"))
                for p in d.parts]
        rows.append((QCoreApplication.translate("BundleRows", "Stock"), QCoreApplication.translate("BundleRows", "{count} set(s) from the parts on the shelf; selling one sells its parts, "
                                       "and its revenue is shared among them").format(count=f"{d.on_hand:,}")))
        return QCoreApplication.translate("BundleRows", "Bundle made of"), rows
    if d.in_bundles:
        return QCoreApplication.translate("BundleRows", "Part of bundles"), [(QCoreApplication.translate("BundleRows", "Bundles"), joined(d.in_bundles))]
    return None
