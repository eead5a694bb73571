"""Revealing personal data: a deliberate act, written down.

Everything the seller sees shows e-mails, phones and street addresses masked
(domain/privacy.py) until they ask to see them. Each time they do, a row of
`privacy_log` records when, who, what and where - the trail a seller shows when
asked how they handle their buyers' data (PIPL art. 51, GDPR art. 32). The row
is written in a transaction of its own and is no part of any change set:
undoing an edit does not unsee what was seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shopkeeper.db.database import Database
from shopkeeper.domain.changes import Changes
from shopkeeper.domain.commands import CommandResult

CONTACTS = "contacts"  # e-mails, phones and street addresses
MEMBERS_TAB = "members_tab"


@dataclass(frozen=True)
class Reveal:
    revealed_at: datetime
    who: str | None
    what: str
    place: str
    member_id: str | None


def log_reveal(db: Database, *, who: str | None, place: str, what: str = CONTACTS,
               member_id: str | None = None) -> CommandResult:
    """Note that the seller chose to see `what` in `place` (one member's, or the whole view's).

    Nothing the tabs show changes, hence the empty Changes.
    """
    with db.transaction():
        db.execute("INSERT INTO privacy_log (revealed_at, who, what, place, member_id) VALUES (now(), ?, ?, ?, ?)",
                   [who, what, place, member_id])
    return CommandResult(Changes())


def reveals(db: Database) -> list[Reveal]:
    """Every reveal, newest first."""
    rows = db.fetchall("SELECT revealed_at, who, what, place, member_id FROM privacy_log ORDER BY revealed_at DESC")
    return [Reveal(*r) for r in rows]
