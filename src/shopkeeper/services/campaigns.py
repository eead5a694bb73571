"""Campaign plans and the seller's own calendar events, created, edited and deleted as undoable change sets.

The campaign editor and the demo both come here. A save writes the campaign's
rows (promotions, promotion_skus, promotion_tiers, promotion_shops) under a
new change set: rows it replaces or removes are copied to their `_prior` table
first, so Edit › Undo restores them exactly as it restores an edit or an
import (db/batches.undo_batch). The whole campaign before and after, as JSON,
goes to `change_log`: that is the audit trail, and what redo writes again.
Nothing derived reads campaigns, so no recompute follows a save.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from shopkeeper.db.change_stack import CAMPAIGN, LoggedChange, log_changes, logged_changes, new_change_set
from shopkeeper.db.database import Database
from shopkeeper.db.merge import save_prior
from shopkeeper.db.table_areas import changes_for_tables
from shopkeeper.domain.campaign_price import (
    BUNDLE_PRICE,
    BUY_X_GET_Y,
    COUPON,
    FIXED_OFF,
    FLASH_PRICE,
    KINDS,
    PERCENT_OFF,
    SPEND_SAVE,
    Tier,
)
from shopkeeper.domain.commands import ChangeRefused, CommandResult
from shopkeeper.domain.messages import Message
from shopkeeper.services.campaign_tasks import write_tasks

_CAMPAIGN_TABLES = ("promotions", "promotion_skus", "promotion_tiers", "promotion_shops")
_MAX_NAME = 200
_MONEY_LIMIT = Decimal(10) ** 16


@dataclass(frozen=True)
class CampaignPlan:
    name: str
    kind: str
    starts_on: date
    ends_on: date
    currency: str
    skus: tuple[str, ...] = ()
    shop_ids: tuple[str, ...] = ()  # none: every shop
    discount_pct: Decimal = Decimal(0)
    amount_off: Decimal | None = None
    fixed_price: Decimal | None = None
    buy_qty: int | None = None
    get_qty: int | None = None
    tiers: tuple[Tier, ...] = field(default=())
    budget: Decimal | None = None
    target_units: int | None = None
    expected_uplift_pct: Decimal | None = None
    event: str | None = None  # the festival it is for (domain/festivals.py key), or None
    notes: str | None = None


@dataclass(frozen=True)
class CalendarEvent:
    name: str
    starts_on: date
    ends_on: date
    kind: str = "own"  # 'own', or 'prime_day': the Prime Day date the seller sets
    region: str | None = None


def save_campaign(db: Database, plan: CampaignPlan, *, who: str, promotion_id: int | None = None,
                  created_at: datetime | None = None) -> CommandResult:
    """Create a campaign (promotion_id None) or replace one's plan; one undoable change set.

    `created_at`: when a new campaign was planned (default now; the demo dates its plans back).
    """
    plan = _checked(db, plan)
    with db.transaction():
        if promotion_id is None:
            promotion_id = int(db.scalar("SELECT nextval('promotion_seq')"))
            old = None
            label = Message("change.campaign.created", {"name": plan.name})
        else:
            old = campaign_state(db, promotion_id)
            if old is None:
                raise ChangeRefused(Message("campaign.refused.unknown", {"campaign": promotion_id}))
            label = Message("change.campaign.edited", {"name": plan.name})
        new = _plan_state(plan)
        if old is None and created_at is not None:
            new["created_at"] = created_at.isoformat()
        if _same(old, new):
            return CommandResult(changes_for_tables(()))
        change_set_id = new_change_set(db, kind=CAMPAIGN, who=who, label=label)
        tables = _write_campaign(db, change_set_id, promotion_id, old, new)
        log_changes(db, change_set_id, [LoggedChange("campaign", str(promotion_id), "plan", _dump(old), _dump(new))])
    return CommandResult(changes_for_tables(tables), label, change_set_id)


def delete_campaign(db: Database, promotion_id: int, *, who: str) -> CommandResult:
    with db.transaction():
        old = campaign_state(db, promotion_id)
        if old is None:
            raise ChangeRefused(Message("campaign.refused.unknown", {"campaign": promotion_id}))
        label = Message("change.campaign.deleted", {"name": old["name"]})
        change_set_id = new_change_set(db, kind=CAMPAIGN, who=who, label=label)
        tables = _write_campaign(db, change_set_id, promotion_id, old, None)
        log_changes(db, change_set_id, [LoggedChange("campaign", str(promotion_id), "plan", _dump(old), None)])
    return CommandResult(changes_for_tables(tables), label, change_set_id)


def add_calendar_event(db: Database, event: CalendarEvent, *, who: str) -> CommandResult:
    name = event.name.strip()
    if not name or len(name) > _MAX_NAME:
        raise ChangeRefused(Message("campaign.refused.name"))
    if event.ends_on < event.starts_on:
        raise ChangeRefused(Message("campaign.refused.dates", {"start": event.starts_on, "end": event.ends_on}))
    with db.transaction():
        event_id = int(db.scalar("SELECT nextval('calendar_event_seq')"))
        label = Message("change.calendar_event.added", {"name": name})
        change_set_id = new_change_set(db, kind=CAMPAIGN, who=who, label=label)
        new = {"name": name, "kind": event.kind, "starts_on": event.starts_on.isoformat(),
               "ends_on": event.ends_on.isoformat(), "region": event.region}
        _write_event(db, change_set_id, event_id, None, new)
        log_changes(db, change_set_id, [LoggedChange("calendar_event", str(event_id), "event", None, _dump(new))])
    return CommandResult(changes_for_tables(("calendar_events",)), label, change_set_id)


def delete_calendar_event(db: Database, event_id: int, *, who: str) -> CommandResult:
    with db.transaction():
        old = _event_state(db, event_id)
        if old is None:
            raise ChangeRefused(Message("campaign.refused.unknown_event", {"event": event_id}))
        label = Message("change.calendar_event.deleted", {"name": old["name"]})
        change_set_id = new_change_set(db, kind=CAMPAIGN, who=who, label=label)
        _write_event(db, change_set_id, event_id, old, None)
        log_changes(db, change_set_id, [LoggedChange("calendar_event", str(event_id), "event", _dump(old), None)])
    return CommandResult(changes_for_tables(("calendar_events",)), label, change_set_id)


def reapply_campaign_change(db: Database, change_set_id: int) -> frozenset[str]:
    """Redo an undone campaign or event change: write its logged state again; the caller holds the transaction.

    Refused when the campaign no longer is what the change found (something changed it since the undo).
    """
    tables: set[str] = set()
    for c in logged_changes(db, change_set_id):
        old, new = _load(c.old_value), _load(c.new_value)
        if c.entity == "campaign":
            if not _same(campaign_state(db, int(c.key)), old):
                raise ChangeRefused(Message("campaign.refused.redo_stale", {"name": (old or new or {}).get("name")}))
            tables |= _write_campaign(db, change_set_id, int(c.key), old, new)
        else:
            if _event_state(db, int(c.key)) != old:
                raise ChangeRefused(Message("campaign.refused.redo_stale", {"name": (old or new or {}).get("name")}))
            _write_event(db, change_set_id, int(c.key), old, new)
            tables.add("calendar_events")
    return frozenset(tables)


# -- checks ----------------------------------------------------------------------------------------


def _refuse(code: str, **params: Any) -> ChangeRefused:  # noqa: ANN401 - message parameters
    return ChangeRefused(Message(code, params))


def _amount(value: Decimal | None, what: str, *, positive: bool = True) -> Decimal | None:
    """`value` as stored; `what` is the field's name code."""
    if value is None:
        return None
    if not value.is_finite() or value < 0 or (positive and value == 0) or value >= _MONEY_LIMIT \
            or value != value.quantize(Decimal("0.01")):
        raise _refuse("campaign.refused.amount", field=Message(what), value=str(value))
    return value.quantize(Decimal("0.01"))


def _checked(db: Database, plan: CampaignPlan) -> CampaignPlan:
    """The plan as it will be stored, or ChangeRefused naming the first thing wrong with it."""
    name = plan.name.strip()
    if not name or len(name) > _MAX_NAME:
        raise _refuse("campaign.refused.name")
    if plan.kind not in KINDS:
        raise _refuse("campaign.refused.kind", kind=plan.kind)
    if plan.ends_on < plan.starts_on:
        raise _refuse("campaign.refused.dates", start=plan.starts_on, end=plan.ends_on)
    kind = plan.kind
    pct = plan.discount_pct if kind == PERCENT_OFF else Decimal(0)
    if kind == PERCENT_OFF and not (Decimal(0) < pct < 100 and pct == pct.quantize(Decimal("0.01"))):
        raise _refuse("campaign.refused.percent", value=str(pct))
    amount_off = _amount(plan.amount_off, "campaign.field.amount_off") if kind in (FIXED_OFF,) else None
    if kind == FIXED_OFF and amount_off is None:
        raise _refuse("campaign.refused.missing", field=Message("campaign.field.amount_off"))
    fixed_price = _amount(plan.fixed_price, "campaign.field.fixed_price") if kind in (FLASH_PRICE, BUNDLE_PRICE) else None
    if kind in (FLASH_PRICE, BUNDLE_PRICE) and fixed_price is None:
        raise _refuse("campaign.refused.missing", field=Message("campaign.field.fixed_price"))
    buy_qty = get_qty = None
    if kind == BUY_X_GET_Y:
        buy_qty, get_qty = plan.buy_qty, plan.get_qty
        if not (buy_qty and get_qty and 1 <= buy_qty <= 1000 and 1 <= get_qty <= 1000):
            raise _refuse("campaign.refused.buy_get", buy=buy_qty, get=get_qty)
    tiers: tuple[Tier, ...] = ()
    if kind in (SPEND_SAVE, COUPON):
        if not plan.tiers or (kind == COUPON and len(plan.tiers) != 1):
            raise _refuse("campaign.refused.tiers")
        for t in plan.tiers:
            threshold = _amount(t.threshold, "campaign.field.threshold", positive=kind == SPEND_SAVE)
            off = _amount(t.amount_off, "campaign.field.amount_off")
            assert threshold is not None and off is not None
            if kind == SPEND_SAVE and off >= threshold:
                raise _refuse("campaign.refused.tier_off", threshold=threshold, off=off)
            tiers += (Tier(threshold, off),)
        tiers = tuple(sorted(tiers, key=lambda t: t.threshold))
    skus = tuple(dict.fromkeys(s.strip() for s in plan.skus if s.strip()))
    if skus:
        known = {r[0] for r in db.fetchall("SELECT sku FROM variants WHERE sku IN (SELECT unnest(?))", [list(skus)])}
        unknown = [s for s in skus if s not in known]
        if unknown:
            raise _refuse("edit.refused.unknown_sku", sku=unknown[0])
    shops = tuple(dict.fromkeys(plan.shop_ids))
    if shops:
        known = {r[0] for r in db.fetchall("SELECT shop_id FROM shops WHERE shop_id IN (SELECT unnest(?))",
                                           [list(shops)])}
        unknown = [s for s in shops if s not in known]
        if unknown:
            raise _refuse("edit.refused.unknown_shop", shop=unknown[0])
    budget = _amount(plan.budget, "campaign.field.budget", positive=False)
    if plan.target_units is not None and not 0 <= plan.target_units < 2**31:
        raise _refuse("campaign.refused.amount", field=Message("campaign.field.target_units"),
                      value=str(plan.target_units))
    uplift = plan.expected_uplift_pct
    if uplift is not None and not (Decimal(-100) < uplift < Decimal(100000)):
        raise _refuse("campaign.refused.amount", field=Message("campaign.field.uplift"), value=str(uplift))
    return replace(plan, name=name, discount_pct=pct, amount_off=amount_off, fixed_price=fixed_price,
                   buy_qty=buy_qty, get_qty=get_qty, tiers=tiers, skus=skus, shop_ids=shops, budget=budget,
                   notes=(plan.notes or "").strip() or None)


# -- the campaign as stored, as one JSON-able state ------------------------------------------------------

_PROMO_COLS = ("name", "kind", "event", "starts_on", "ends_on", "discount_pct", "amount_off", "fixed_price",
               "buy_qty", "get_qty", "budget", "currency", "target_units", "expected_uplift_pct", "notes",
               "created_at")


def _text(value: Any) -> Any:  # noqa: ANN401 - a stored value
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, date):
        return value.isoformat()
    return value


def _plan_state(plan: CampaignPlan) -> dict[str, Any]:
    row = {c: _text(getattr(plan, c, None)) for c in _PROMO_COLS if c != "created_at"}
    row["discount_pct"] = _text(plan.discount_pct.quantize(Decimal("0.01")))
    row["created_at"] = None
    row["skus"] = sorted(plan.skus)
    row["shops"] = sorted(plan.shop_ids)
    row["tiers"] = [[_text(t.threshold), _text(t.amount_off)] for t in plan.tiers]
    return row


def campaign_state(db: Database, promotion_id: int) -> dict[str, Any] | None:
    """The campaign's rows as one comparable state (None: no such campaign)."""
    row = db.fetchone(f"SELECT {', '.join(_PROMO_COLS)} FROM promotions WHERE promotion_id = ?", [promotion_id])
    if row is None:
        return None
    state = {c: _text(v) for c, v in zip(_PROMO_COLS, row, strict=True)}
    state["created_at"] = None if row[-1] is None else row[-1].isoformat()
    state["skus"] = [r[0] for r in db.fetchall("SELECT sku FROM promotion_skus WHERE promotion_id = ? ORDER BY sku",
                                               [promotion_id])]
    state["shops"] = [r[0] for r in db.fetchall(
        "SELECT shop_id FROM promotion_shops WHERE promotion_id = ? ORDER BY shop_id", [promotion_id])]
    state["tiers"] = [[_text(a), _text(b)] for a, b in db.fetchall(
        "SELECT threshold, amount_off FROM promotion_tiers WHERE promotion_id = ? ORDER BY tier_no", [promotion_id])]
    return state


def _write_campaign(db: Database, change_set_id: int, promotion_id: int, old: dict[str, Any] | None,
                    new: dict[str, Any] | None) -> frozenset[str]:
    """Replace the campaign's rows by `new` (None: remove them), keeping every replaced row's before-image."""
    if old is not None:
        for table in _CAMPAIGN_TABLES:
            save_prior(db, table, f"FROM {table} t WHERE t.promotion_id = ?", change_set_id, [promotion_id])
            db.execute(f"DELETE FROM {table} WHERE promotion_id = ?", [promotion_id])
    if new is not None:
        shops = new["shops"]
        db.execute(
            "INSERT INTO promotions (promotion_id, name, kind, event, shop_id, starts_on, ends_on, discount_pct,"
            " amount_off, fixed_price, buy_qty, get_qty, budget, currency, target_units, expected_uplift_pct, notes,"
            " created_at, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " coalesce(?::TIMESTAMPTZ, now()), ?)",
            [promotion_id, new["name"], new["kind"], new["event"], shops[0] if len(shops) == 1 else None,
             new["starts_on"], new["ends_on"], new["discount_pct"], new["amount_off"], new["fixed_price"],
             new["buy_qty"], new["get_qty"], new["budget"], new["currency"], new["target_units"],
             new["expected_uplift_pct"], new["notes"], new["created_at"] or (old or {}).get("created_at"),
             change_set_id])
        # A handful of rows each: one INSERT … SELECT from the lists.
        if new["skus"]:
            db.execute("INSERT INTO promotion_skus (promotion_id, sku, batch_id) SELECT ?, unnest(?), ?",
                       [promotion_id, new["skus"], change_set_id])
        if shops:
            db.execute("INSERT INTO promotion_shops (promotion_id, shop_id, batch_id) SELECT ?, unnest(?), ?",
                       [promotion_id, shops, change_set_id])
        for tier_no, (threshold, off) in enumerate(new["tiers"], start=1):
            db.execute("INSERT INTO promotion_tiers (promotion_id, tier_no, threshold, amount_off, batch_id)"
                       " VALUES (?, ?, ?, ?, ?)", [promotion_id, tier_no, threshold, off, change_set_id])
    starts_on = None if new is None else date.fromisoformat(new["starts_on"])
    tasks = ("campaign_tasks",) if write_tasks(db, change_set_id, promotion_id, starts_on) else ()
    return frozenset((*_CAMPAIGN_TABLES, *tasks))


def _event_state(db: Database, event_id: int) -> dict[str, Any] | None:
    row = db.fetchone("SELECT name, kind, starts_on, ends_on, region FROM calendar_events WHERE event_id = ?",
                      [event_id])
    if row is None:
        return None
    return dict(zip(("name", "kind", "starts_on", "ends_on", "region"), (_text(v) for v in row), strict=True))


def _write_event(db: Database, change_set_id: int, event_id: int, old: dict[str, Any] | None,
                 new: dict[str, Any] | None) -> None:
    if old is not None:
        save_prior(db, "calendar_events", "FROM calendar_events t WHERE t.event_id = ?", change_set_id, [event_id])
        db.execute("DELETE FROM calendar_events WHERE event_id = ?", [event_id])
    if new is not None:
        db.execute("INSERT INTO calendar_events (event_id, name, kind, starts_on, ends_on, region, batch_id)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [event_id, new["name"], new["kind"], new["starts_on"], new["ends_on"], new["region"],
                    change_set_id])


def _same(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """The same plan; when it was first made does not count (redoing a creation makes it again, now)."""
    if a is None or b is None:
        return a is b
    return {**a, "created_at": None} == {**b, "created_at": None}


def _dump(state: dict[str, Any] | None) -> str | None:
    return None if state is None else json.dumps(state, ensure_ascii=False, sort_keys=True)


def _load(text: str | None) -> dict[str, Any] | None:
    return None if text is None else dict(json.loads(text))


def plan_of(db: Database, promotion_id: int) -> CampaignPlan | None:
    """The stored campaign as a plan the editor opens (None: no such campaign)."""
    s = campaign_state(db, promotion_id)
    if s is None:
        return None

    def dec(v: str | None) -> Decimal | None:
        return None if v is None else Decimal(v)

    return CampaignPlan(
        name=s["name"], kind=s["kind"], starts_on=date.fromisoformat(s["starts_on"]),
        ends_on=date.fromisoformat(s["ends_on"]), currency=s["currency"], skus=tuple(s["skus"]),
        shop_ids=tuple(s["shops"]), discount_pct=Decimal(s["discount_pct"]), amount_off=dec(s["amount_off"]),
        fixed_price=dec(s["fixed_price"]), buy_qty=s["buy_qty"], get_qty=s["get_qty"],
        tiers=tuple(Tier(Decimal(a), Decimal(b)) for a, b in s["tiers"]), budget=dec(s["budget"]),
        target_units=s["target_units"], expected_uplift_pct=dec(s["expected_uplift_pct"]), event=s["event"],
        notes=s["notes"])


def sku_titles(db: Database, skus: list[str]) -> dict[str, str]:
    """The product title of each of `skus` that the catalogue names."""
    if not skus:
        return {}
    return {str(sku): str(title) for sku, title in db.fetchall(
        "SELECT v.sku, p.title FROM variants v JOIN products p USING (product_id) WHERE list_contains(?, v.sku)"
        " AND p.title IS NOT NULL", [skus])}


def scope_skus(db: Database, *, search: str = "", category: str | None = None, abc: str | None = None,
               today: date | None = None, tag: str | None = None) -> list[tuple[str, str, str | None]]:
    """(sku, title, category) of active SKUs matching a search, a category, a tag (any case) and an ABC class
    (last 365 days)."""
    where, params = ["v.active"], list[object]()
    if search.strip():
        where.append("(v.sku ILIKE ? OR p.title ILIKE ?)")
        params += [f"%{search.strip()}%"] * 2
    if category:
        where.append("p.category = ?")
        params.append(category)
    if tag:
        where.append("EXISTS (SELECT 1 FROM product_tags t WHERE t.sku = v.sku AND lower(t.tag) = lower(?))")
        params.append(tag)
    abc_join = ""
    if abc:
        # sk_abc lists the SKUs sold in the year; every other SKU is C. One sold in a currency without a rate
        # has no class (as in Listings), so it is in none of them: not a slow seller by default.
        abc_join = "LEFT JOIN sk_abc(?::DATE - 364, ?::DATE) a ON a.sku = v.sku"
        where.append("CASE WHEN a.sku IS NULL THEN 'C' ELSE a.abc END = ?")
        params = [today, today, *params, abc]
    rows = db.fetchall(f"SELECT v.sku, p.title, p.category FROM variants v JOIN products p USING (product_id)"
                       f" {abc_join} WHERE {' AND '.join(where)} ORDER BY v.sku", params)
    return [(r[0], r[1], r[2]) for r in rows]


def categories(db: Database) -> list[str]:
    return [r[0] for r in db.fetchall("SELECT DISTINCT category FROM products WHERE category IS NOT NULL ORDER BY 1")]


def skus_in(rows: Sequence[tuple[str, str, str | None]]) -> tuple[str, ...]:
    return tuple(r[0] for r in rows)
