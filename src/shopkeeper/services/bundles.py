"""Making a SKU a bundle and changing what it is made of: one undoable change set per composition.

A composition is written whole: the bundle's rows in `bundle_parts` are saved
to `bundle_parts_prior` under the change set, removed, and the new ones
written carrying the change set's id, so Edit › Undo (db/batches.undo_batch)
puts the old composition back exactly, as it does for any edit. The change
log keeps the old and new composition as JSON, which is what redo writes
again. An empty composition makes the SKU a plain SKU again.

Refused, with the shop unchanged: a bundle or part the catalogue does not
know, a bundle of itself, a quantity that is not a whole number of at least 1,
and a part that is (or contains) the bundle, which would make a cycle. A part
named twice is counted once with its quantities added.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from shopkeeper.db.change_stack import EDIT, LoggedChange, log_changes, logged_changes, new_change_set
from shopkeeper.db.database import Database
from shopkeeper.db.merge import save_prior
from shopkeeper.db.table_areas import changes_for_tables
from shopkeeper.domain.bundles import cycle_through
from shopkeeper.domain.changes import Changes
from shopkeeper.domain.commands import ChangeRefused, CommandResult, field_label
from shopkeeper.domain.messages import Message
from shopkeeper.services.after_change import Recompute, recompute_after_change

ENTITY, FIELD = "bundle", "parts"
_TABLES = frozenset({"bundle_parts"})
_MAX_QUANTITY = 2**31 - 1


@dataclass(frozen=True)
class BundlePart:
    """One part of a bundle as the product panel and the bundle dialog show it."""

    sku: str
    quantity: int
    title: str | None
    on_hand: int
    price: Decimal | None
    currency: str | None


def composition(db: Database) -> dict[str, dict[str, int]]:
    """Every bundle's direct parts: bundle SKU → part SKU → quantity."""
    out: dict[str, dict[str, int]] = {}
    for bundle, part, qty in db.fetchall("SELECT bundle_sku, part_sku, quantity FROM bundle_parts"):
        out.setdefault(str(bundle), {})[str(part)] = int(qty)
    return out


def bundle_parts(db: Database, bundle_sku: str) -> tuple[BundlePart, ...]:
    """The bundle's direct parts, by SKU (empty: not a bundle)."""
    rows = db.fetchall(
        "SELECT b.part_sku, b.quantity, coalesce(p.title, v.sku) || coalesce(' · ' || v.option_text, ''),"
        " a.on_hand, v.price, v.currency"
        " FROM bundle_parts b LEFT JOIN variants v ON v.sku = b.part_sku"
        " LEFT JOIN products p ON p.product_id = v.product_id"
        " LEFT JOIN sk_available_stock() a ON a.sku = b.part_sku"
        " WHERE b.bundle_sku = ? ORDER BY b.part_sku", [bundle_sku])
    return tuple(BundlePart(str(r[0]), int(r[1]), r[2], int(r[3] or 0), r[4], r[5]) for r in rows)


def bundles_containing(db: Database, sku: str) -> tuple[str, ...]:
    """The bundles that have `sku` as a direct part."""
    rows = db.fetchall("SELECT bundle_sku FROM bundle_parts WHERE part_sku = ? ORDER BY bundle_sku", [sku])
    return tuple(str(r[0]) for r in rows)


def set_bundle_parts(db: Database, bundle_sku: str, parts: Iterable[tuple[str, object]], *, who: str,
                     recompute: Recompute = recompute_after_change) -> CommandResult:
    """Make `bundle_sku` of `parts` ((part SKU, quantity as a number or text)); [] makes it a plain SKU.

    One change set; nothing changes when the composition is what it was.
    """
    wanted = _checked(bundle_sku, parts)
    with db.transaction():
        _check_against_shop(db, bundle_sku, wanted)
        old = composition(db).get(bundle_sku, {})
        if old == wanted:
            return CommandResult(Changes())
        label = _label(bundle_sku, wanted)
        change_set_id = new_change_set(db, kind=EDIT, who=who, label=label)
        _write(db, change_set_id, bundle_sku, wanted)
        log_changes(db, change_set_id, [LoggedChange(ENTITY, bundle_sku, FIELD, _as_json(old), _as_json(wanted))])
        changes = changes_for_tables(_TABLES) | recompute(db)
    return CommandResult(changes, label, change_set_id)


def write_compositions(db: Database, compositions: Mapping[str, Iterable[tuple[str, object]]], batch_id: int) -> None:
    """Write bundles under a change set the caller holds open (the demo's), checked as the seller's edits are."""
    for bundle_sku, parts in compositions.items():
        wanted = _checked(bundle_sku, parts)
        _check_against_shop(db, bundle_sku, wanted)
        _write(db, batch_id, bundle_sku, wanted)


def is_composition_change(db: Database, change_set_id: int) -> bool:
    return any(c.entity == ENTITY for c in logged_changes(db, change_set_id))


def reapply_composition(db: Database, change_set_id: int) -> frozenset[str]:
    """Redo an undone composition change; the caller holds the transaction.

    Refused when the bundle no longer has the composition the change replaced
    (something changed it since), as an edit's redo is.
    """
    for c in logged_changes(db, change_set_id):
        old, new = _from_json(c.old_value), _from_json(c.new_value)
        if composition(db).get(c.key, {}) != old:
            raise ChangeRefused(Message("change.redo.stale", {
                "change_set": change_set_id, "sku": c.key, "field": field_label(FIELD),
                "old": _parts_text(old)}))
        _write(db, change_set_id, c.key, new)
    return _TABLES


def _checked(bundle_sku: str, parts: Iterable[tuple[str, object]]) -> dict[str, int]:
    wanted: dict[str, int] = {}
    for raw_sku, raw_qty in parts:
        part = raw_sku.strip()
        if not part:
            continue
        qty = _quantity(bundle_sku, part, raw_qty)
        if part == bundle_sku:
            raise ChangeRefused(Message("edit.bundle.itself", {"bundle": bundle_sku}))
        wanted[part] = wanted.get(part, 0) + qty
        if wanted[part] > _MAX_QUANTITY:
            raise ChangeRefused(Message("edit.bundle.quantity", {
                "bundle": bundle_sku, "part": part, "value": str(wanted[part])}))
    return wanted


def _quantity(bundle_sku: str, part: str, value: object) -> int:
    text = str(value).strip() if not isinstance(value, bool) else "?"
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or number != number.to_integral_value() or not 1 <= number <= _MAX_QUANTITY:
        raise ChangeRefused(Message("edit.bundle.quantity", {"bundle": bundle_sku, "part": part, "value": text}))
    return int(number)


def _check_against_shop(db: Database, bundle_sku: str, wanted: dict[str, int]) -> None:
    if not db.scalar("SELECT EXISTS (SELECT 1 FROM variants WHERE sku = ?)", [bundle_sku]):
        raise ChangeRefused(Message("edit.refused.unknown_sku", {"sku": bundle_sku}))
    if wanted:
        known = {str(r[0]) for r in db.fetchall("SELECT sku FROM variants WHERE list_contains(?, sku)",
                                                 [sorted(wanted)])}
        for part in sorted(wanted):
            if part not in known:
                raise ChangeRefused(Message("edit.bundle.unknown_part", {"bundle": bundle_sku, "part": part}))
    others = composition(db)
    others.pop(bundle_sku, None)
    looping = cycle_through(others, bundle_sku, wanted)
    if looping is not None:
        raise ChangeRefused(Message("edit.bundle.cycle", {"bundle": bundle_sku, "part": looping}))


def _write(db: Database, change_set_id: int, bundle_sku: str, parts: dict[str, int]) -> None:
    save_prior(db, "bundle_parts", "FROM bundle_parts t WHERE t.bundle_sku = ?", change_set_id, [bundle_sku])
    db.execute("DELETE FROM bundle_parts WHERE bundle_sku = ?", [bundle_sku])
    if parts:
        # A bundle has a handful of parts: one VALUES statement.
        values = ", ".join("(?, ?, ?, ?)" for _ in parts)
        params: list[object] = []
        for part, qty in sorted(parts.items()):
            params += [bundle_sku, part, qty, change_set_id]
        db.execute(f"INSERT INTO bundle_parts (bundle_sku, part_sku, quantity, batch_id) VALUES {values}", params)


def _parts_text(parts: dict[str, int]) -> str:
    """'1 × TEAPOT + 4 × CUP': SKUs and numbers only, the same in every language."""
    return " + ".join(f"{qty} × {sku}" for sku, qty in sorted(parts.items()))


def _label(bundle_sku: str, parts: dict[str, int]) -> Message:
    if not parts:
        return Message("change.bundle.cleared", {"bundle": bundle_sku})
    return Message("change.bundle.parts", {"bundle": bundle_sku, "parts": _parts_text(parts)})


def _as_json(parts: dict[str, int]) -> str:
    return json.dumps(dict(sorted(parts.items())), ensure_ascii=False)


def _from_json(text: str | None) -> dict[str, int]:
    return {str(k): int(v) for k, v in json.loads(text).items()} if text else {}
