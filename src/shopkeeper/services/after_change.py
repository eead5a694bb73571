"""The rebuild of derived figures that follows every edit, undo and redo.

Member tiers, points earned from orders and the like are derived from base
data; after any change to base data they are rebuilt inside the same
transaction, so the shop is never seen half-updated. `recompute_after_change`
is the one call site: imports, edits and undo/redo take it as their
`derive`/`recompute` parameter's default, and tests pass their own. The one
exception is a dropped file of many tables: its tables commit a durable "recompute
pending" mark instead and the file ends with one recompute of its own
(services/deferred_recompute.py).
"""

from __future__ import annotations

from collections.abc import Callable

from shopkeeper.db.database import Database
from shopkeeper.domain.changes import Changes
from shopkeeper.services.recompute import recompute

Recompute = Callable[[Database], Changes]


def recompute_after_change(db: Database) -> Changes:
    return recompute(db)
