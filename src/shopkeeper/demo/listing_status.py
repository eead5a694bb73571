"""The demo seller's own listing decisions, made through the same edits the window makes.

The winter mug sells November to February, one colour of the travel cup was
taken off sale, and the sakura cups were pushed as new. Each is an edit change
set on the undo stack, as if the seller had clicked it in the Listings tab.
"""

from __future__ import annotations

from datetime import date

from shopkeeper.db.database import Database
from shopkeeper.domain.changes import Changes
from shopkeeper.services.listing_status import mark_new, set_delisted, set_season
from shopkeeper.services.recompute import recompute

DEMO_WHO = "demo"
WINTER_SKUS = ("CL-MUG-WIN-SNW", "CL-MUG-WIN-PIN")
DELISTED_SKUS = ("CL-CUP-TRV-MST",)
NEW_SKUS = ("CL-CUP-SAK-BLS", "CL-CUP-SAK-WHT")


def make_listing_decisions(db: Database, today: date) -> None:
    def derive(shop: Database) -> Changes:
        return recompute(shop, today)  # the demo's today, not the wall clock's

    set_season(db, WINTER_SKUS, 11, 2, who=DEMO_WHO, recompute=derive)
    set_delisted(db, DELISTED_SKUS, True, who=DEMO_WHO, recompute=derive)
    mark_new(db, NEW_SKUS, today, who=DEMO_WHO, recompute=derive)
