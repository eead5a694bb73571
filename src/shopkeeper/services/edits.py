"""The seller's own edits (a cost, a price, a stock count, reorder settings, a channel's stock rule), each call one
undoable change set.

An edit is undone exactly like an import: the row it changes is copied to
`<table>_prior` first, and the row then carries the edit's change-set id; a
stock row it had to create carries the id too, and a stock count writes a
'count' snapshot under the same id (on hand is derived from it, domain/stock_ledger.py),
so undo removes both.
Every field changed is written to `change_log` (old and new value as text)
for the audit trail, and is what redo re-applies. A price or cost given to a
SKU known only from order lines (an order-only catalogue entry,
domain/sku_links.py) creates its `variants` row, and a `products` row named
after its latest line, under the edit's id: undo removes them again. A
bundle's stock count is refused: its stock is what its parts allow.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from shopkeeper.db.change_stack import EDIT, LoggedChange, log_changes, logged_changes, new_change_set
from shopkeeper.db.database import Database
from shopkeeper.db.database import quote_ident as _q
from shopkeeper.db.merge import save_prior
from shopkeeper.db.table_areas import changes_for_tables
from shopkeeper.domain.changes import Changes
from shopkeeper.domain.channel_stock import DEFAULT_BUFFER, DEFAULT_SHARE_PCT
from shopkeeper.domain.commands import EDIT_LABELS, CellEdit, ChangeRefused, CommandResult, FieldSpec, field_label
from shopkeeper.domain.messages import Message
from shopkeeper.domain.stock_ledger import COUNTED_SKUS
from shopkeeper.services.after_change import Recompute, recompute_after_change
from shopkeeper.services.stock_ledger import write_count_snapshot

_CENT = Decimal("0.01")
_MONEY_LIMIT = Decimal(10) ** 16  # DECIMAL(18,2)
_INT_MAX = 2**31 - 1  # INTEGER columns

_FIELDS: dict[tuple[str, str], FieldSpec] = {
    ("variant", "price"): FieldSpec("variant", "price", "money", nullable=True),
    ("variant", "cost"): FieldSpec("variant", "cost", "money", nullable=True),
    ("stock", "on_hand"): FieldSpec("stock", "on_hand", "count", nullable=False, maximum=_INT_MAX),
    ("stock", "reorder_point"): FieldSpec("stock", "reorder_point", "count", nullable=True, maximum=_INT_MAX),
    ("stock", "lead_time_days"): FieldSpec("stock", "lead_time_days", "count", nullable=False, maximum=365),
    # A platform shop's stock rule (domain/channel_stock.py), keyed by its shop id.
    ("channel", "share_pct"): FieldSpec("channel", "share_pct", "count", nullable=False, maximum=100),
    ("channel", "max_listed"): FieldSpec("channel", "max_listed", "count", nullable=True, maximum=_INT_MAX),
    ("channel", "buffer"): FieldSpec("channel", "buffer", "count", nullable=False, maximum=_INT_MAX),
    # Reorder settings (domain/reorder.py): empty means the rule's default.
    ("stock", "safety_stock"): FieldSpec("stock", "safety_stock", "count", nullable=True, maximum=_INT_MAX),
    ("stock", "pack_size"): FieldSpec("stock", "pack_size", "count", nullable=True, minimum=1, maximum=100_000),
    ("stock", "min_order"): FieldSpec("stock", "min_order", "count", nullable=True, maximum=_INT_MAX),
    ("stock", "target_cover_days"): FieldSpec("stock", "target_cover_days", "count", nullable=True, minimum=1,
                                              maximum=730),
    # A listing check's setting (services/listing_check_settings.py checks the value); None: back to the default.
    ("listing_setting", "value"): FieldSpec("listing_setting", "value", "text", nullable=True),
    # An inventory setting (services/inventory_settings.py checks the value); None: back to the default.
    ("inventory_setting", "value"): FieldSpec("inventory_setting", "value", "text", nullable=True),
    # The base currency and an exchange rate (services/exchange_rates.py checks the value); None: not set.
    ("currency_setting", "value"): FieldSpec("currency_setting", "value", "text", nullable=True),
    # A campaign check's setting (services/campaign_checks.py checks the value); None: back to the default.
    ("promotion_setting", "value"): FieldSpec("promotion_setting", "value", "text", nullable=True),
    # A campaign's checklist task ticked off, and the checklist template (services/campaign_tasks.py).
    ("campaign_task", "done"): FieldSpec("campaign_task", "done", "flag", nullable=False),
    ("task_template", "title"): FieldSpec("task_template", "title", "text", nullable=True),
    ("task_template", "days_before"): FieldSpec("task_template", "days_before", "count", nullable=False,
                                                maximum=365),
    # Whether a SKU is for sale (domain/sku_status.py); services/listing_status.py sets them for a selection.
    ("status", "delisted"): FieldSpec("status", "delisted", "flag", nullable=False),
    ("status", "season_start"): FieldSpec("status", "season_start", "count", nullable=True, minimum=1, maximum=12),
    ("status", "season_end"): FieldSpec("status", "season_end", "count", nullable=True, minimum=1, maximum=12),
    ("status", "marked_new_on"): FieldSpec("status", "marked_new_on", "date", nullable=True),
    # Loyalty settings and tiers (services/loyalty.py checks the values); a setting's None: back to its default.
    ("loyalty_setting", "value"): FieldSpec("loyalty_setting", "value", "text", nullable=True),
    **{("tier", f): FieldSpec("tier", f, "text", nullable=f.startswith("benefits"))
       for f in ("name_en", "name_zh", "benefits_en", "benefits_zh")},
    **{("tier", f): FieldSpec("tier", f, "money", nullable=f.startswith("keep"))
       for f in ("threshold", "keep_threshold", "points_multiplier")},
    # A platform's fee rate (services/fee_rates.py checks percent and currency) and a purchase lot's landed cost
    # (services/landed_costs.py): what profit estimates fees and costs goods from (domain/profit.py).
    ("fee_rate", "percent"): FieldSpec("fee_rate", "percent", "money", nullable=False),
    ("fee_rate", "fixed"): FieldSpec("fee_rate", "fixed", "money", nullable=False),
    ("fee_rate", "currency"): FieldSpec("fee_rate", "currency", "text", nullable=False),
    ("purchase_lot", "quantity"): FieldSpec("purchase_lot", "quantity", "count", nullable=True, maximum=_INT_MAX),
    ("purchase_lot", "unit_cost"): FieldSpec("purchase_lot", "unit_cost", "money", nullable=True),
    ("purchase_lot", "currency"): FieldSpec("purchase_lot", "currency", "text", nullable=True),
}

# entity -> (table, key column). The edited column is named like the field.
_TABLES = {"variant": ("variants", "sku"), "stock": ("stock_levels", "sku"),
           "channel": ("channel_stock_rules", "shop_id"),
           "listing_setting": ("listing_check_settings", "key"),
           "inventory_setting": ("inventory_settings", "key"), "status": ("sku_status", "sku"),
           "loyalty_setting": ("loyalty_settings", "key"), "tier": ("tiers", "code"),
           "promotion_setting": ("promotion_settings", "key"), "campaign_task": ("campaign_tasks", "task_id"),
           "task_template": ("campaign_task_templates", "task_key"),
           "fee_rate": ("fee_rates", "rate_id"), "purchase_lot": ("purchase_lots", "lot_id"),
           "currency_setting": ("currency_settings", "key")}
# Key/value settings tables: a missing row is the default, and setting None deletes the row.
_SETTINGS = frozenset({"listing_setting", "inventory_setting", "loyalty_setting", "promotion_setting",
                       "currency_setting"})

# What a row that may be missing holds before anyone set it: its columns' defaults in the migrations
# (0001_initial.sql and 0006_reorder_settings.sql for stock, 0005_channel_stock_rules.sql for a channel's rule).
_DEFAULTS: dict[str, dict[str, object]] = {
    "stock": {"on_hand": 0, "reorder_point": None, "lead_time_days": 14, "safety_stock": None,
              "pack_size": None, "min_order": None, "target_cover_days": None},
    "channel": {"share_pct": DEFAULT_SHARE_PCT, "max_listed": None, "buffer": DEFAULT_BUFFER},
    "status": {"delisted": False, "season_start": None, "season_end": None, "marked_new_on": None},  # 0012
    "purchase_lot": {"quantity": None, "unit_cost": None, "currency": None},  # 0023
}
# A purchase lot's key is '<sku>|<YYYY-MM-DD>' (services/landed_costs.py lot_key); the SKU is what precedes the last '|'.
_LOT_SKU = r"regexp_extract(?, '^(.*)\|[^|]*$', 1)"
_LOT_DAY = r"CAST(regexp_extract(?, '\|([^|]*)$', 1) AS DATE)"
# The SQL true when the missing row's key names something the shop knows.
_KNOWN_KEY = {"stock": "SELECT EXISTS (SELECT 1 FROM sk_catalogue() WHERE sku = ?)",
              "status": "SELECT EXISTS (SELECT 1 FROM sk_catalogue() WHERE sku = ?)",
              "channel": "SELECT EXISTS (SELECT 1 FROM shops WHERE shop_id = ?)",
              "purchase_lot": f"SELECT EXISTS (SELECT 1 FROM sk_catalogue() WHERE sku = {_LOT_SKU})"}
_BUNDLE = "SELECT EXISTS (SELECT 1 FROM bundle_parts WHERE bundle_sku = ?)"
_COUNTED = f"SELECT EXISTS (SELECT 1 FROM ({COUNTED_SKUS}) WHERE sku = ?)"
# An order-only catalogue entry's price and cost before the seller set them: its latest line's price, no cost.
_ORDER_ONLY = "SELECT {field} FROM sk_catalogue() WHERE sku = ? AND NOT in_variants"


def editable_fields() -> Mapping[tuple[str, str], FieldSpec]:
    """(entity, field) -> what the field holds; anything else cannot be edited."""
    return dict(_FIELDS)


@dataclass(frozen=True)
class _Planned:
    spec: FieldSpec
    key: str
    old: object
    new: object


def edit_cells(db: Database, edits: Sequence[CellEdit], *, who: str,
               recompute: Recompute = recompute_after_change, label: Message | None = None) -> CommandResult:
    """Apply all `edits` as one change set (one undo step); a bad value refuses them all, changing nothing.

    Edits that set a field to the value it already has are dropped; when none is
    left, no change set is made and the result's Changes are empty. `label`
    names the change set when the caller can say it better than the fields can
    ("absolute terms: +2, −1").
    """
    checked = []
    for e in edits:
        spec = _spec(e)
        checked.append((spec, e.key, parse_value(spec, e.value)))
    with db.transaction():
        plan = _plan(db, checked)
        if not plan:
            return CommandResult(Changes())
        label = label or _label(plan)
        change_set_id = new_change_set(db, kind=EDIT, who=who, label=label)
        tables = _apply(db, change_set_id, plan)
        log_changes(db, change_set_id, [
            LoggedChange(p.spec.entity, p.key, p.spec.field, value_text(p.old), value_text(p.new)) for p in plan])
        changes = changes_for_tables(tables) | recompute(db)
    return CommandResult(changes, label, change_set_id)


def reapply(db: Database, change_set_id: int) -> frozenset[str]:
    """Redo an undone edit: write its logged new values again; the caller holds the transaction.

    Redo is only offered while nothing changed since the undo, so each field
    still holds its logged old value; if one does not, the redo is refused
    rather than applied on top of something it was never meant for.
    """
    plan = []
    for c in logged_changes(db, change_set_id):
        spec = _FIELDS[(c.entity, c.field)]
        # An old value may be empty where the field may not be: a stock count of a SKU never counted before.
        old = None if c.old_value is None else parse_value(spec, c.old_value)
        new = parse_value(spec, c.new_value)
        plan.append(_Planned(spec, c.key, old, new))
    current: dict[tuple[str, str, str], object] = {}
    for p in plan:
        cell = (p.spec.entity, p.key, p.spec.field)
        now = current[cell] if cell in current else _stored(db, p.spec, p.key)[1]
        if now != p.old:
            raise ChangeRefused(
                Message("change.redo.stale", {"change_set": change_set_id, "sku": p.key,
                                              "field": field_label(p.spec.field), "old": value_text(p.old)}))
        current[cell] = p.new
    return _apply(db, change_set_id, plan)


def _spec(edit: CellEdit) -> FieldSpec:
    spec = _FIELDS.get((edit.entity, edit.field))
    if spec is None:
        raise ChangeRefused(Message("edit.refused.not_editable", {"entity": edit.entity, "field": field_label(edit.field)}))
    return spec


def _plan(db: Database, checked: Sequence[tuple[FieldSpec, str, object]]) -> list[_Planned]:
    """The edits that change something, each with the value it replaces (earlier edits of the call included)."""
    current: dict[tuple[str, str, str], object] = {}
    plan = []
    for spec, key, new in checked:
        cell = (spec.entity, key, spec.field)
        if spec.field == "on_hand" and db.scalar(_BUNDLE, [key]):
            # A bundle's stock is what its parts allow (domain/bundles.py): a count of its own would change nothing.
            raise ChangeRefused(Message("edit.refused.bundle_stock", {"sku": key}))
        if cell not in current:
            known, stored = _stored(db, spec, key)
            if not known:
                if spec.entity == "channel":
                    raise ChangeRefused(Message("edit.refused.unknown_shop", {"shop": key}))
                raise ChangeRefused(Message("edit.refused.unknown_sku", {"sku": key}))
            current[cell] = stored
        if current[cell] != new:
            plan.append(_Planned(spec, key, current[cell], new))
            current[cell] = new
    return plan


def _stored(db: Database, spec: FieldSpec, key: str) -> tuple[bool, object]:
    """(whether the row's key is known, the field's value now)."""
    table, key_col = _TABLES[spec.entity]
    row = db.fetchone(f"SELECT {_q(spec.field)} FROM {_q(table)} WHERE {_q(key_col)} = ?", [key])
    if spec.field == "on_hand" and not db.scalar(_COUNTED, [key]):
        # Never counted, its level is unknown, not the 0 stored beside a reorder setting: a count of 0 is news.
        return row is not None or bool(db.scalar(_KNOWN_KEY["stock"], [key])), None
    if row is not None:
        return True, row[0]
    if spec.entity == "variant":
        order_only = db.fetchone(_ORDER_ONLY.format(field=_q(spec.field)), [key])
        return (True, order_only[0]) if order_only is not None else (False, None)
    known = _KNOWN_KEY.get(spec.entity)
    if known is not None and db.scalar(known, [key]):
        return True, _DEFAULTS[spec.entity][spec.field]
    if spec.entity in _SETTINGS:
        return True, None  # not set: the default applies
    return False, None


def _apply(db: Database, change_set_id: int, plan: Sequence[_Planned]) -> frozenset[str]:
    """Write the planned values; returns the tables written."""
    tables: set[str] = set()
    for p in plan:
        table, key_col = _TABLES[p.spec.entity]
        exists = db.scalar(f"SELECT EXISTS (SELECT 1 FROM {_q(table)} WHERE {_q(key_col)} = ?)", [p.key])
        tables.add(table)
        if exists:
            save_prior(db, table, f"FROM {_q(table)} t WHERE t.{_q(key_col)} = ?", change_set_id, [p.key])
        elif p.spec.entity in _SETTINGS:
            # Undo deletes the row by its batch_id: the default applies again.
            if p.new is not None:
                db.execute(f"INSERT INTO {_q(table)} (key, value, batch_id) VALUES (?, ?, ?)",
                           [p.key, p.new, change_set_id])
            continue
        elif table == "variants":
            _catalogue_order_only_sku(db, p.key, change_set_id)
            tables.add("products")
        elif table == "purchase_lots":
            # A lot not entered yet: undo deletes the new row by its batch_id.
            db.execute(f"INSERT INTO purchase_lots (lot_id, sku, received_on, batch_id) VALUES (?, {_LOT_SKU},"
                       f" {_LOT_DAY}, ?)", [p.key, p.key, p.key, change_set_id])
        elif table == "stock_levels":
            # A SKU nobody counted yet: undo deletes the new row by its batch_id.
            db.execute("INSERT INTO stock_levels (sku, updated_at, batch_id) VALUES (?, now(), ?)",
                       [p.key, change_set_id])
        else:
            # A shop with no rule yet: undo deletes the new row by its batch_id.
            db.execute(f"INSERT INTO {_q(table)} ({_q(key_col)}, batch_id) VALUES (?, ?)", [p.key, change_set_id])
        if p.spec.entity in _SETTINGS and p.new is None:
            # Back to the default: the row goes (its before-image is saved above, so undo brings it back).
            db.execute(f"DELETE FROM {_q(table)} WHERE {_q(key_col)} = ?", [p.key])
            continue
        touched = ", updated_at = now()" if table == "stock_levels" else ""
        db.execute(f"UPDATE {_q(table)} SET {_q(p.spec.field)} = ?, batch_id = ?{touched} WHERE {_q(key_col)} = ?",
                   [p.new, change_set_id, p.key])
        if p.spec.field == "on_hand":
            # A count is a snapshot: on hand is derived from it by recompute (domain/stock_ledger.py).
            write_count_snapshot(db, p.key, int(p.new), change_set_id)  # type: ignore[call-overload]  # on_hand: never-empty ints
            tables.add("stock_snapshots")
    return frozenset(tables)


def _catalogue_order_only_sku(db: Database, sku: str, change_set_id: int) -> None:
    """Give a SKU known only from order lines its own variants (and products) row, as the lines describe it."""
    db.execute(
        "INSERT INTO products (product_id, title, batch_id)"
        " SELECT c.sku, c.title, ? FROM sk_catalogue() c"
        " WHERE c.sku = ? AND NOT c.in_variants AND NOT EXISTS (SELECT 1 FROM products p WHERE p.product_id = c.sku)",
        [change_set_id, sku])
    db.execute(
        "INSERT INTO variants (sku, product_id, price, currency, batch_id)"
        " SELECT sku, sku, price, currency, ? FROM sk_catalogue() WHERE sku = ? AND NOT in_variants",
        [change_set_id, sku])


def _label(plan: Sequence[_Planned]) -> Message:
    """What Edit › Undo calls this change set: 'cost of CL-MUG-RUS-OAT 38.67 → 40.00', or a count."""
    if len(plan) == 1:
        p = plan[0]
        key = "shop" if p.spec.entity == "channel" else "sku"
        return Message(EDIT_LABELS[p.spec.field], {key: p.key, "old": value_text(p.old), "new": value_text(p.new)})
    cells = {(p.spec.entity, p.key, p.spec.field) for p in plan}
    if all(p.spec.entity == "channel" for p in plan):
        return Message("change.edit.channel_rules", {"count": len({p.key for p in plan})})
    fields = {p.spec.field for p in plan}
    if len(fields) == 1:
        return Message("change.edit.many", {"field": field_label(next(iter(fields))), "count": len(cells)})
    return Message("change.edit.mixed", {"count": len(cells)})


def value_text(value: object) -> str | None:
    """A field's value as the audit trail and labels write it: '38.67', '12', None for empty."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return f"{value.quantize(_CENT):f}"
    return str(value)



def parse_value(spec: FieldSpec, value: object) -> object:
    """The value to store, from what the window or a test gives (a number, or text as typed)."""
    if isinstance(value, str):
        value = value.strip()
        if value == "":
            value = None
    if value is None:
        if not spec.nullable:
            raise ChangeRefused(Message("edit.refused.required", {"field": field_label(spec.field)}))
        return None
    if spec.kind == "money":
        return _money(spec, value)
    if spec.kind == "text":
        return str(value)
    if spec.kind == "flag":
        return _flag(spec, value)
    if spec.kind == "date":
        return _date(spec, value)
    return _count(spec, value)


def _flag(spec: FieldSpec, value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).lower()  # value_text writes 'True' / 'False', which redo reads back
    if text in ("true", "1"):
        return True
    if text in ("false", "0"):
        return False
    raise ChangeRefused(Message("edit.refused.not_yes_no", {"field": field_label(spec.field), "value": str(value)}))


def _date(spec: FieldSpec, value: object) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ChangeRefused(Message("edit.refused.not_a_date", {"field": field_label(spec.field),
                                                                 "value": str(value)})) from None


def _number(spec: FieldSpec, value: object) -> Decimal:
    if isinstance(value, bool):
        value = str(value)  # True is not a number of anything
    try:
        # A float is read by its shortest repr (40.1 -> '40.1'), never by its binary value.
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)  # type: ignore[arg-type]  # TypeError below
    except (InvalidOperation, TypeError, ValueError):
        number = Decimal("NaN")
    if not number.is_finite():
        raise ChangeRefused(Message("edit.refused.not_a_number", {"field": field_label(spec.field), "value": str(value)}))
    return number


def _money(spec: FieldSpec, value: object) -> Decimal:
    amount = _number(spec, value)
    if amount < 0:
        raise ChangeRefused(Message("edit.refused.negative", {"field": field_label(spec.field), "value": str(value)}))
    if amount != amount.quantize(_CENT):
        raise ChangeRefused(Message("edit.refused.too_precise", {"field": field_label(spec.field), "value": str(value)}))
    if amount >= _MONEY_LIMIT:
        raise ChangeRefused(Message("edit.refused.too_large", {"field": field_label(spec.field), "value": str(value)}))
    return amount.quantize(_CENT)


def _count(spec: FieldSpec, value: object) -> int:
    number = _number(spec, value)
    if number != number.to_integral_value():
        raise ChangeRefused(Message("edit.refused.not_whole", {"field": field_label(spec.field), "value": str(value)}))
    upper = spec.maximum if spec.maximum is not None else _INT_MAX
    if not spec.minimum <= number <= upper:
        raise ChangeRefused(
            Message("edit.refused.out_of_range", {"field": field_label(spec.field), "value": str(value),
                                                  "minimum": spec.minimum, "maximum": upper}))
    return int(number)
