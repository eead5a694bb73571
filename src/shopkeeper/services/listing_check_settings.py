"""The seller's settings of the listing checks: the absolute-term list and the price tolerance.

Both are kept in the shop (table listing_check_settings), not in the user's
config folder: the shop file is what is backed up, moved to another computer
and read by `shopkeeper check listings`, and a change to the list is an edit
like a price change, on the same Edit › Undo stack. Until the seller changes
one, the default applies: the list shipped in resources/listing_words/ and a
10 % price tolerance. The list is stored as a JSON array, so an emptied list
stays empty rather than falling back to the default.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from shopkeeper.db.database import Database
from shopkeeper.domain.changes import Changes
from shopkeeper.domain.commands import CellEdit, ChangeRefused, CommandResult
from shopkeeper.domain.listing_rules import (
    ABSOLUTE_TERMS_KEY,
    DEFAULT_PRICE_TOLERANCE_PCT,
    MAX_TOLERANCE_PCT,
    PRICE_TOLERANCE_KEY,
    fold,
    normalise_words,
    parse_word_list,
)
from shopkeeper.domain.messages import Message
from shopkeeper.runtime.resources import default_absolute_terms_text
from shopkeeper.services.edits import edit_cells

MAX_WORD_LENGTH = 40


def default_absolute_terms() -> list[str]:
    return parse_word_list(default_absolute_terms_text())


def _stored(db: Database, key: str) -> str | None:
    value = db.scalar("SELECT value FROM listing_check_settings WHERE key = ?", [key])
    return None if value is None else str(value)


def absolute_terms(db: Database) -> list[str]:
    """The words the checks look for: the seller's list, else the default."""
    stored = _stored(db, ABSOLUTE_TERMS_KEY)
    if stored is None:
        return default_absolute_terms()
    try:
        words = json.loads(stored)
    except ValueError:
        words = None
    if not isinstance(words, list):
        # Written by something else than this module: the default is safer than checking nothing.
        return default_absolute_terms()
    return normalise_words(str(w) for w in words)


def absolute_terms_are_default(db: Database) -> bool:
    return _stored(db, ABSOLUTE_TERMS_KEY) is None


def price_tolerance(db: Database) -> Decimal:
    stored = _stored(db, PRICE_TOLERANCE_KEY)
    try:
        value = Decimal(stored) if stored is not None else DEFAULT_PRICE_TOLERANCE_PCT
    except InvalidOperation:
        return DEFAULT_PRICE_TOLERANCE_PCT
    return value if value.is_finite() and 0 <= value <= MAX_TOLERANCE_PCT else DEFAULT_PRICE_TOLERANCE_PCT


def _words_edit(db: Database, words: Sequence[str] | None) -> tuple[CellEdit, Message] | None:
    """The edit making `words` the list (None: back to the shipped list), or None when it would change nothing."""
    default = words is None
    kept = default_absolute_terms() if words is None else normalise_words(words)
    for word in kept:
        if len(word) > MAX_WORD_LENGTH:
            raise ChangeRefused(Message("check.refused.word_too_long", {"word": word[:MAX_WORD_LENGTH] + "…",
                                                                        "limit": MAX_WORD_LENGTH}))
    before = {fold(w) for w in absolute_terms(db)}
    after = {fold(w) for w in kept}
    if before == after and (not default or absolute_terms_are_default(db)):
        # The same words (perhaps reordered): nothing to undo later, and a shop on the shipped list stays on it.
        return None
    label = Message("change.edit.absolute_terms", {"added": len(after - before), "removed": len(before - after)})
    value = None if default else json.dumps(kept, ensure_ascii=False)
    return CellEdit("listing_setting", ABSOLUTE_TERMS_KEY, "value", value), label


def _tolerance_edit(db: Database, percent: object) -> tuple[CellEdit, Message] | None:
    try:
        value = Decimal(str(percent).strip().rstrip("%").strip())
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or not 0 <= value <= MAX_TOLERANCE_PCT:
        raise ChangeRefused(Message("check.refused.tolerance", {"value": str(percent),
                                                                 "maximum": int(MAX_TOLERANCE_PCT)}))
    old = price_tolerance(db)
    if value == old:
        return None
    text = f"{value.normalize():f}"
    label = Message("change.edit.price_tolerance", {"old": f"{old.normalize():f}", "new": text})
    return CellEdit("listing_setting", PRICE_TOLERANCE_KEY, "value", text), label


def save_check_settings(db: Database, *, who: str, words: Sequence[str] | None = None, reset_words: bool = False,
                        tolerance_pct: object = None) -> CommandResult:
    """Change the word list and/or the price tolerance as one undoable change set.

    `words` replaces the list, `reset_words` goes back to the shipped one; a
    tolerance is a percentage of the lowest price (0–1000). A word too long or a
    tolerance out of range refuses the whole change, leaving the shop as it was.
    """
    planned = []
    if reset_words or words is not None:
        planned.append(_words_edit(db, None if reset_words else words))
    if tolerance_pct is not None:
        planned.append(_tolerance_edit(db, tolerance_pct))
    edits = [p for p in planned if p is not None]
    if not edits:
        return CommandResult(Changes())
    label = edits[0][1] if len(edits) == 1 else Message("change.edit.mixed", {"count": len(edits)})
    return edit_cells(db, [e for e, _ in edits], who=who, label=label)
