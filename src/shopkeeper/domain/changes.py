"""What an operation changed, so each view refreshes only when its area did.

Every command (an import, an edit, an undo or redo, a recompute) returns the
`Changes` it made; the window broadcasts them and a tab reloads only when one
of the areas it shows is among them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Area(StrEnum):
    ORDERS = "orders"          # orders, order lines
    MONEY = "money"            # money movements, payouts, ad and traffic statistics
    CATALOG = "catalog"        # products, variants, listings, prices, costs
    STOCK = "stock"            # stock levels, movements, reorder settings
    MEMBERS = "members"        # buyers, members, tiers, points
    PROMOTIONS = "promotions"
    SETTINGS = "settings"      # shop settings, exchange rates, rules
    HISTORY = "history"        # the list of imports and change sets


@dataclass(frozen=True)
class Changes:
    areas: frozenset[Area] = frozenset()

    @classmethod
    def of(cls, *areas: Area) -> Changes:
        return cls(frozenset(areas))

    @classmethod
    def everything(cls) -> Changes:
        return cls(frozenset(Area))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.areas | other.areas)

    def touches(self, *areas: Area) -> bool:
        return any(a in self.areas for a in areas)

    def __bool__(self) -> bool:
        return bool(self.areas)
