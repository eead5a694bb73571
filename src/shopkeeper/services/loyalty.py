"""The seller's loyalty programme: its settings and tiers, saved as one undoable change, and a preview.

A save is an edit change set (services/edits.py) over `loyalty_settings` and
`tiers`, so Edit › Undo puts the programme back exactly and recompute rewrites
the points and the tier history the old settings give. Before saving, the seller
can see who would move: `preview_tiers` computes every member's tier under the
proposed settings inside a transaction it always rolls back, so nothing is written.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from shopkeeper.db.database import Database
from shopkeeper.domain import loyalty_settings as keys
from shopkeeper.domain.commands import CellEdit, ChangeRefused, CommandResult
from shopkeeper.domain.loyalty_settings import LoyaltySettings
from shopkeeper.domain.messages import Message
from shopkeeper.services.edits import edit_cells
from shopkeeper.services.membership import PLATFORM_CODES

TIER_FIELDS = ("name_en", "name_zh", "threshold", "keep_threshold", "points_multiplier", "benefits_en", "benefits_zh")
_MAX_MULTIPLIER = Decimal(100)


@dataclass(frozen=True)
class TierRule:
    code: str
    rank: int
    name_en: str
    name_zh: str
    threshold: Decimal
    keep_threshold: Decimal | None
    points_multiplier: Decimal
    benefits_en: str | None = None
    benefits_zh: str | None = None


@dataclass(frozen=True)
class LoyaltyProgramme:
    settings: Mapping[str, str]  # the stored keys only (a missing key: its default)
    policy: LoyaltySettings
    tiers: tuple[TierRule, ...]
    platforms: tuple[str, ...] = field(default=())  # the platforms of the shop's shops


def programme(db: Database) -> LoyaltyProgramme:
    stored = {str(k): str(v) for k, v in db.fetchall("SELECT key, value FROM loyalty_settings")}
    rows = db.fetchall(f"SELECT code, rank, {', '.join(TIER_FIELDS)} FROM tiers ORDER BY rank")
    tiers = tuple(TierRule(r[0], int(r[1]), r[2], r[3], r[4], r[5], r[6], r[7], r[8]) for r in rows)
    platforms = tuple(str(r[0]) for r in db.fetchall("SELECT DISTINCT platform FROM shops ORDER BY 1"))
    return LoyaltyProgramme(stored, LoyaltySettings.from_settings(stored), tiers, platforms)


def bonus_platforms(shop_platforms: Sequence[str]) -> tuple[str, ...]:
    """The platform codes a bonus event may name: every platform Shopkeeper reads, and any other a shop is on.

    An order's platform is its shop's code ('taobao'), so an event naming anything else ('Taobao', '淘宝/天猫')
    would silently earn nothing.
    """
    return (*PLATFORM_CODES, *sorted(set(shop_platforms) - set(PLATFORM_CODES)))


def _check_setting(key: str, value: str | None, platforms: Sequence[str] = PLATFORM_CODES) -> None:
    """Refuse a value the rules would not read as the seller meant (they would fall back to the default, or
    match nothing); `platforms`: the codes a bonus event may name."""
    if value is None:
        return
    ok = True
    if key == keys.RATE or key.startswith(keys.RATE_PREFIX):
        ok = keys.read_rate(value) is not None
    elif key in (keys.RETURN_DAYS, keys.EXPIRY_MONTHS):
        ok = value.strip().isdigit() and int(value) <= keys.MAX_DAYS
    elif key == keys.EXPIRY_MODEL:
        ok = value in keys.EXPIRY_MODELS
    elif key == keys.EXPIRY_MONTH_DAY:
        ok = keys.read_month_day(value) != (12, 31) or value.strip() == "12-31"
    elif key == keys.TIER_BASIS:
        ok = value in keys.TIER_BASES
    elif key == keys.TIER_WINDOW:
        ok = value in keys.TIER_WINDOWS
    elif key == keys.BONUS_EVENTS:
        try:
            listed = json.loads(value)
        except ValueError:
            listed = None
        # Every event must read: one the rules skip would silently earn nothing.
        ok = isinstance(listed, list) and len(keys.read_bonus_events(value)) == len(listed)
        for event in keys.read_bonus_events(value) if ok else ():
            if event.platform is not None and event.platform not in platforms:
                raise ChangeRefused(Message("edit.refused.bonus_platform", {"event": event.name,
                                                                            "platform": event.platform}))
    else:
        ok = False
    if not ok:
        raise ChangeRefused(Message("edit.refused.loyalty_setting", {"setting": key, "value": value}))


def _decimal(value: object) -> Decimal | None:
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _check_tiers(tiers: Sequence[TierRule]) -> None:
    ranked = sorted(tiers, key=lambda t: t.rank)
    for t in ranked:
        if not t.name_en.strip() or not t.name_zh.strip():
            raise ChangeRefused(Message("edit.refused.tier_name", {"tier": t.code}))
        if not Decimal(0) < t.points_multiplier <= _MAX_MULTIPLIER:
            raise ChangeRefused(Message("edit.refused.tier_multiplier", {"tier": t.name_en,
                                                                        "value": str(t.points_multiplier)}))
        if t.keep_threshold is not None and t.keep_threshold > t.threshold:
            raise ChangeRefused(Message("edit.refused.tier_keep_above", {"tier": t.name_en}))
    for lower, higher in zip(ranked, ranked[1:], strict=False):
        # Both thresholds rise with the tier (domain/tiers.py reads any other ladder as if they did).
        keep_lower = min(lower.keep_threshold if lower.keep_threshold is not None else lower.threshold,
                         lower.threshold)
        keep_higher = min(higher.keep_threshold if higher.keep_threshold is not None else higher.threshold,
                          higher.threshold)
        if higher.threshold <= lower.threshold or keep_higher < keep_lower:
            raise ChangeRefused(Message("edit.refused.tier_thresholds", {"lower": lower.name_en,
                                                                       "higher": higher.name_en}))


def _planned(db: Database, settings: Mapping[str, str | None], tiers: Sequence[TierRule]) -> list[CellEdit]:
    loaded = programme(db)
    for key, value in settings.items():
        _check_setting(key, value, bonus_platforms(loaded.platforms))
    current = {t.code: t for t in loaded.tiers}
    if tiers:
        if {t.code for t in tiers} != set(current):
            raise ChangeRefused(Message("edit.refused.tier_set"))
        _check_tiers(tiers)
    edits = [CellEdit("loyalty_setting", key, "value", value) for key, value in settings.items()]
    for t in tiers:
        for name in TIER_FIELDS:
            new = getattr(t, name)
            if new != getattr(current[t.code], name):
                edits.append(CellEdit("tier", t.code, name, None if new is None else str(new)))
    return edits


def save_programme(db: Database, *, who: str, settings: Mapping[str, str | None],
                   tiers: Sequence[TierRule] = ()) -> CommandResult:
    """Save settings (key → text; None: back to the default) and the tiers as one undoable change set."""
    edits = _planned(db, settings, tiers)
    return edit_cells(db, edits, who=who, label=Message("change.edit.loyalty", {"count": len(edits)}))


@dataclass(frozen=True)
class TierMove:
    member_id: str
    name: str
    tier_from: str
    tier_to: str
    up: bool


@dataclass(frozen=True)
class TierPreview:
    moves: tuple[TierMove, ...]
    up: int
    down: int
    members_by_tier: Mapping[str, int]  # tier code -> members holding it under the proposed settings


def preview_tiers(db: Database, *, settings: Mapping[str, str | None], tiers: Sequence[TierRule],
                  today: date, limit: int = 500) -> TierPreview:
    """Who would move up or down today under the proposed settings; the shop is left exactly as it was."""
    edits = _planned(db, settings, tiers)
    db.begin()
    try:
        for e in edits:
            if e.entity == "loyalty_setting":
                db.execute("DELETE FROM loyalty_settings WHERE key = ?", [e.key])
                if e.value is not None:
                    db.execute("INSERT INTO loyalty_settings (key, value) VALUES (?, ?)", [e.key, e.value])
            else:
                db.execute(f'UPDATE tiers SET "{e.field}" = ? WHERE code = ?', [e.value, e.key])
        db.execute("CREATE OR REPLACE TEMP TABLE _pv_days AS SELECT * FROM sk_tier_days(?)", [today])
        rows = db.fetchall(
            "WITH proposed AS (SELECT m.member_id, m.display_name, m.tier_code AS tier_from, "
            "  coalesce(h.tier_code, (SELECT code FROM tiers ORDER BY rank LIMIT 1)) AS tier_to "
            "  FROM members m LEFT JOIN (SELECT member_id, arg_max(tier_code, from_day) AS tier_code "
            "  FROM sk_tier_history('_pv_days', ?) GROUP BY member_id) h USING (member_id)) "
            "SELECT p.member_id, p.display_name, p.tier_from, p.tier_to, tf.rank, tt.rank FROM proposed p "
            "JOIN tiers tf ON tf.code = p.tier_from JOIN tiers tt ON tt.code = p.tier_to",
            [today])
    finally:
        db.rollback()
    by_tier: dict[str, int] = {}
    moves = []
    for member_id, name, tier_from, tier_to, rank_from, rank_to in rows:
        by_tier[tier_to] = by_tier.get(tier_to, 0) + 1
        if tier_from != tier_to:
            moves.append(TierMove(member_id, name, tier_from, tier_to, rank_to > rank_from))
    moves.sort(key=lambda m: (not m.up, m.name, m.member_id))
    up = sum(1 for m in moves if m.up)
    return TierPreview(tuple(moves[:limit]), up, len(moves) - up, by_tier)


def parse_decimal(value: object) -> Decimal | None:
    """A number the seller typed ('1,000' too), or None."""
    return _decimal(str(value).replace(",", "")) if value is not None else None
