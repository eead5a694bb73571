"""One recompute for a dropped file of many tables, not one per table, and never a stale shop left behind.

Each table of a zip or workbook is its own import, batch and transaction, and
the derived figures (services/recompute.py) follow from the base data alone. So
the tables of one file need not each rebuild them: each commits its base data
together with a durable mark (`defer`), and when the file is done one
transaction clears the mark and recomputes (`settle`). Should the process die
in between, the mark is in the shop file: opening the shop settles it first,
so no one ever reads figures that disagree with the orders.

The mark is a row of shop_settings that no import's batch records: undoing one
table's import restores its base data and recomputes, which gives back the
shop as it was without that table, figures included.
"""

from __future__ import annotations

from datetime import date

from shopkeeper.db.database import Database
from shopkeeper.domain.changes import Changes
from shopkeeper.services.recompute import recompute

PENDING = "recompute_pending"  # shop_settings key: base data changed since the figures were derived


def defer(db: Database) -> Changes:
    """An import's `derive` that leaves the figures to `settle`: noted in the import's own transaction."""
    if not is_pending(db):  # a look-up costs a fraction of an upsert, and only a file's first table writes
        db.execute("INSERT INTO shop_settings VALUES (?, 'true')", [PENDING])
    return Changes()


def is_pending(db: Database) -> bool:
    """Whether base data changed since the figures were last derived (a `defer` not yet settled)."""
    return bool(db.scalar("SELECT count(*) FROM shop_settings WHERE key = ?", [PENDING]))


def settle(db: Database, today: date | None = None) -> Changes:
    """Recompute what `defer` left and clear its mark, in a transaction of its own; nothing when none is pending."""
    if not is_pending(db):
        return Changes()
    with db.transaction():
        # Cleared before recomputing: the settings are then as the last recompute saw them, so it
        # visits only the members whose orders moved (recompute_scope.py) instead of everyone.
        db.execute("DELETE FROM shop_settings WHERE key = ?", [PENDING])
        return recompute(db, today)
