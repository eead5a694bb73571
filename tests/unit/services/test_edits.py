"""A seller's edits: each call one change set, values checked, undo and redo exact."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from shop_tables import seed_catalog, snapshot

from shopkeeper.db.database import Database
from shopkeeper.domain.changes import Area, Changes
from shopkeeper.domain.commands import CellEdit, ChangeRefused
from shopkeeper.domain.messages import Message
from shopkeeper.services.change_sets import redo, undo, undo_redo_state
from shopkeeper.services.edits import edit_cells, editable_fields
from shopkeeper.services.inventory import inventory_rows, inventory_source, inventory_summary

OAT, ASH = "CL-MUG-RUS-OAT", "CL-MUG-RUS-ASH"


@pytest.fixture
def db(shop: Database) -> Database:
    seed_catalog(shop)
    return shop


def _round_trip(db: Database, edits: list[CellEdit]) -> None:
    """Edit, undo (back to exactly before), redo (the edit again), undo again: every table compared whole."""
    before = snapshot(db)
    result = edit_cells(db, edits, who="mei")
    assert result.change_set_id is not None
    assert snapshot(db) != before
    after = snapshot(db, ignore_wall_clock=True)
    undone = undo(db, who="mei")
    assert undone.change_set_id == result.change_set_id
    assert snapshot(db) == before
    redone = redo(db, who="mei")
    assert redone.change_set_id == result.change_set_id
    assert redone.changes == result.changes
    assert snapshot(db, ignore_wall_clock=True) == after
    undo(db, who="mei")
    assert snapshot(db) == before


def test_cost_edit_is_labelled_as_contract_says(db: Database) -> None:
    result = edit_cells(db, [CellEdit("variant", OAT, "cost", Decimal("40"))], who="mei")
    label = Message("change.edit.cost", {"sku": OAT, "old": "38.67", "new": "40.00"})
    assert result.message == label
    assert result.changes == Changes.of(Area.CATALOG, Area.HISTORY)
    assert undo_redo_state(db).undo == label
    assert db.fetchone("SELECT cost, price FROM variants WHERE sku = ?", [OAT]) == (Decimal("40.00"), Decimal("80.00"))


@pytest.mark.parametrize(("field", "value"), [("cost", Decimal("40.00")), ("price", "95.5"), ("cost", None)])
def test_variant_edits_undo_and_redo_exactly(db: Database, field: str, value: object) -> None:
    _round_trip(db, [CellEdit("variant", OAT, field, value)])


@pytest.mark.parametrize(("field", "value"), [("on_hand", 12), ("reorder_point", 5), ("lead_time_days", "30"),
                                             ("safety_stock", 4), ("pack_size", "6"), ("min_order", 24),
                                             ("target_cover_days", 45)])
def test_stock_edits_undo_and_redo_exactly(db: Database, field: str, value: object) -> None:
    _round_trip(db, [CellEdit("stock", OAT, field, value)])


@pytest.mark.parametrize("sku", [OAT, ASH])  # ASH has no stock row yet: the edit makes one, undo removes it
def test_reorder_settings_of_several_skus_are_one_undo_step(db: Database, sku: str) -> None:
    edits = [CellEdit("stock", sku, "pack_size", 12), CellEdit("stock", sku, "min_order", 48),
             CellEdit("stock", sku, "safety_stock", 3), CellEdit("stock", sku, "target_cover_days", 60)]
    _round_trip(db, edits)
    result = edit_cells(db, edits[:1], who="mei")
    assert result.message == Message("change.edit.pack_size", {"sku": sku, "old": None, "new": "12"})


@pytest.mark.parametrize(("field", "value"), [("pack_size", 0), ("target_cover_days", 0), ("safety_stock", -1),
                                             ("min_order", "2.5")])
def test_reorder_settings_refuse_what_makes_no_sense(db: Database, field: str, value: object) -> None:
    before = snapshot(db)
    with pytest.raises(ChangeRefused):
        edit_cells(db, [CellEdit("stock", OAT, field, value)], who="mei")
    assert snapshot(db) == before


def test_stock_count_is_a_count_snapshot_that_undo_removes(db: Database) -> None:
    edit_cells(db, [CellEdit("stock", OAT, "on_hand", 4)], who="mei")
    assert db.fetchall("SELECT sku, on_hand, source FROM stock_snapshots WHERE source = 'count'") == [(OAT, 4, "count")]
    assert db.scalar("SELECT on_hand FROM stock_levels WHERE sku = ?", [OAT]) == 4
    undo(db, who="mei")
    assert db.scalar("SELECT count(*) FROM stock_snapshots WHERE source = 'count'") == 0
    assert db.scalar("SELECT on_hand FROM stock_levels WHERE sku = ?", [OAT]) == 7


def test_a_sku_never_counted_is_not_counted_not_out_of_stock_until_the_seller_counts_it(db: Database) -> None:
    today = date(2026, 12, 1)

    def status(sku: str) -> str:
        (row,) = inventory_rows(db, today, where="sku = ?", params=[sku])
        return row["stock_status"]

    assert status(ASH) == "unknown" and status(OAT) == "ok"
    assert inventory_summary(db, today)["unknown"] == 1
    assert inventory_summary(db, today)["out"] == 0
    assert inventory_source(today).count(db, active=["stock_unknown"]) == 1
    edit_cells(db, [CellEdit("stock", ASH, "reorder_point", 6)], who="mei")  # a setting is not a count
    assert status(ASH) == "unknown"
    edit_cells(db, [CellEdit("stock", ASH, "on_hand", 0)], who="mei")  # counted: none on the shelf
    assert status(ASH) == "out"
    assert inventory_summary(db, today)["unknown"] == 0
    undo(db, who="mei")
    assert status(ASH) == "unknown"


def test_a_sku_never_counted_gets_a_stock_row_that_undo_removes(db: Database) -> None:
    before = snapshot(db)
    result = edit_cells(db, [CellEdit("stock", ASH, "reorder_point", 6)], who="mei")
    assert result.message == Message("change.edit.reorder_point", {"sku": ASH, "old": None, "new": "6"})
    assert db.fetchone("SELECT on_hand, reorder_point, lead_time_days FROM stock_levels WHERE sku = ?",
                       [ASH]) == (0, 6, 14)
    undo(db, who="mei")
    assert snapshot(db) == before
    assert db.scalar("SELECT count(*) FROM stock_levels WHERE sku = ?", [ASH]) == 0


def test_clearing_a_set_reorder_point_goes_back_to_computed(db: Database) -> None:
    edit_cells(db, [CellEdit("stock", OAT, "reorder_point", 9)], who="mei")
    result = edit_cells(db, [CellEdit("stock", OAT, "reorder_point", None)], who="mei")
    assert result.message == Message("change.edit.reorder_point", {"sku": OAT, "old": "9", "new": None})
    assert db.scalar("SELECT reorder_point FROM stock_levels WHERE sku = ?", [OAT]) is None


def test_several_rows_in_one_call_are_one_undo_step(db: Database) -> None:
    before = snapshot(db)
    result = edit_cells(db, [CellEdit("variant", OAT, "cost", "41.00"), CellEdit("variant", ASH, "cost", "39.50")],
                        who="mei")
    assert result.message == Message("change.edit.many", {"field": Message("field.cost"), "count": 2})
    assert db.fetchall("SELECT sku, cost FROM variants ORDER BY sku") == [
        (ASH, Decimal("39.50")), (OAT, Decimal("41.00"))]
    undo(db, who="mei")
    assert snapshot(db) == before
    assert undo_redo_state(db).undo is None


def test_editing_a_cell_twice_in_one_call_logs_both_steps_and_undo_restores_the_first_value(db: Database) -> None:
    before = snapshot(db)
    result = edit_cells(db, [CellEdit("stock", OAT, "on_hand", 10), CellEdit("stock", OAT, "on_hand", 9)], who="mei")
    assert db.fetchall("SELECT old_value, new_value FROM change_log WHERE change_set_id = ? ORDER BY position",
                       [result.change_set_id]) == [("7", "10"), ("10", "9")]
    assert db.fetchall("SELECT on_hand FROM stock_snapshots WHERE source = 'count'") == [(9,)]  # one count per SKU and change set
    assert db.scalar("SELECT on_hand FROM stock_levels WHERE sku = ?", [OAT]) == 9
    undo(db, who="mei")
    assert snapshot(db) == before


def test_an_edit_to_the_value_already_there_changes_nothing(db: Database) -> None:
    before = snapshot(db)
    result = edit_cells(db, [CellEdit("variant", OAT, "cost", "38.67")], who="mei")
    assert result.changes == Changes() and result.change_set_id is None
    assert snapshot(db) == before
    assert undo_redo_state(db).undo is None


@pytest.mark.parametrize(("edit", "code"), [
    (CellEdit("variant", OAT, "cost", "-1"), "edit.refused.negative"),
    (CellEdit("variant", OAT, "price", "12.345"), "edit.refused.too_precise"),
    (CellEdit("variant", OAT, "price", "twelve"), "edit.refused.not_a_number"),
    (CellEdit("variant", OAT, "price", "1e20"), "edit.refused.too_large"),
    (CellEdit("stock", OAT, "on_hand", "2.5"), "edit.refused.not_whole"),
    (CellEdit("stock", OAT, "on_hand", -4), "edit.refused.out_of_range"),
    (CellEdit("stock", OAT, "on_hand", None), "edit.refused.required"),
    (CellEdit("stock", OAT, "lead_time_days", 400), "edit.refused.out_of_range"),
    (CellEdit("variant", "NO-SUCH-SKU", "cost", "1"), "edit.refused.unknown_sku"),
    (CellEdit("variant", OAT, "currency", "EUR"), "edit.refused.not_editable"),
])
def test_bad_values_are_refused_with_a_message_and_nothing_changes(db: Database, edit: CellEdit, code: str) -> None:
    before = snapshot(db)
    good = CellEdit("variant", ASH, "cost", "10.00")
    with pytest.raises(ChangeRefused) as refused:
        edit_cells(db, [good, edit], who="mei")
    assert refused.value.reason.code == code
    assert str(refused.value)  # the sentence the command line shows
    assert snapshot(db) == before
    assert db.scalar("SELECT count(*) FROM import_batches") == 0


def test_every_edit_keeps_who_changed_what_when(db: Database) -> None:
    result = edit_cells(db, [CellEdit("variant", OAT, "price", "85")], who="mei")
    undo(db, who="jun")
    redo(db, who="mei")
    assert db.fetchall("SELECT entity, key, field, old_value, new_value FROM change_log WHERE change_set_id = ?",
                       [result.change_set_id]) == [("variant", OAT, "price", "80.00", "85.00")]
    assert db.fetchone("SELECT kind, who FROM import_batches WHERE batch_id = ?", [result.change_set_id]) == (
        "edit", "mei")
    events = db.fetchall("SELECT action, who, happened_at IS NOT NULL FROM change_events WHERE change_set_id = ?"
                         " ORDER BY happened_at, action", [result.change_set_id])
    assert [e[:2] for e in events] == [("do", "mei"), ("undo", "jun"), ("redo", "mei")]
    assert all(e[2] for e in events)


def test_editable_fields_name_the_listings_fields(db: Database) -> None:
    fields = editable_fields()
    assert set(fields) == {("variant", "price"), ("variant", "cost"), ("stock", "on_hand"),
                           ("stock", "reorder_point"), ("stock", "lead_time_days"), ("stock", "safety_stock"),
                           ("stock", "pack_size"), ("stock", "min_order"), ("stock", "target_cover_days"),
                           ("channel", "share_pct"), ("channel", "max_listed"), ("channel", "buffer"),
                           ("listing_setting", "value"), ("inventory_setting", "value"), ("status", "delisted"),
                           ("status", "season_start"), ("status", "season_end"), ("status", "marked_new_on"),
                           ("loyalty_setting", "value"),
                           *(("tier", f) for f in ("name_en", "name_zh", "threshold", "keep_threshold",
                                                   "points_multiplier", "benefits_en", "benefits_zh")),
                           # campaign checks' settings, checklist ticks and template (services/campaign_*.py)
                           ("promotion_setting", "value"), ("campaign_task", "done"), ("task_template", "title"),
                           ("task_template", "days_before"),
                           # fee rates and purchase lots behind profit (services/fee_rates.py, landed_costs.py)
                           ("fee_rate", "percent"), ("fee_rate", "fixed"), ("fee_rate", "currency"),
                           ("purchase_lot", "quantity"), ("purchase_lot", "unit_cost"), ("purchase_lot", "currency"),
                           # the base currency and exchange rates (services/exchange_rates.py)
                           ("currency_setting", "value")}
    assert fields[("variant", "cost")].kind == "money"
    assert fields[("stock", "reorder_point")].nullable
    assert not fields[("stock", "on_hand")].nullable


def test_edits_call_the_recompute_hook_inside_their_transaction(db: Database) -> None:
    seen = []

    def recompute(inner: Database) -> Changes:
        seen.append(inner.scalar("SELECT cost FROM variants WHERE sku = ?", [OAT]))
        return Changes.of(Area.MEMBERS)

    result = edit_cells(db, [CellEdit("variant", OAT, "cost", "40")], who="mei", recompute=recompute)
    assert seen == [Decimal("40.00")]
    assert result.changes.touches(Area.MEMBERS, Area.CATALOG)


def test_a_bundles_stock_count_is_refused_for_its_parts_stock_is_its_stock(shop: Database) -> None:
    from bundle_shop import CUP, GIFT, TEAPOT, seed_gift_shop

    from shopkeeper.services.bundles import set_bundle_parts

    seed_gift_shop(shop)
    set_bundle_parts(shop, GIFT, [(TEAPOT, 1), (CUP, 4)], who="mei")
    before, made = snapshot(shop), undo_redo_state(shop).undo
    for edits in ([CellEdit("stock", GIFT, "on_hand", 50)],
                  # a selection holding a bundle: nothing of it is changed
                  [CellEdit("stock", CUP, "on_hand", 20), CellEdit("stock", GIFT, "on_hand", 20)]):
        with pytest.raises(ChangeRefused) as refused:
            edit_cells(shop, edits, who="mei")
        assert refused.value.message == Message("edit.refused.bundle_stock", {"sku": GIFT})
        assert snapshot(shop) == before and undo_redo_state(shop).undo == made
    # Its reorder settings and a part's count are edits as ever.
    assert edit_cells(shop, [CellEdit("stock", CUP, "on_hand", 20)], who="mei").change_set_id is not None


def test_one_shops_stock_rules_are_labelled_in_the_singular(db: Database) -> None:
    from shopkeeper.domain.message_texts import english

    with db.transaction():
        db.execute("INSERT INTO shops VALUES ('shopify:Demo shop', 'shopify', 'Demo shop', 'USD'),"
                   " ('etsy:Demo shop', 'etsy', 'Demo shop', 'USD')")
    one = edit_cells(db, [CellEdit("channel", "shopify:Demo shop", "share_pct", 50),
                          CellEdit("channel", "shopify:Demo shop", "buffer", 2)], who="mei")
    assert one.message == Message("change.edit.channel_rules", {"count": 1})
    assert english(one.message) == "stock rules of 1 platform shop"
    two = edit_cells(db, [CellEdit("channel", "shopify:Demo shop", "share_pct", 60),
                          CellEdit("channel", "etsy:Demo shop", "buffer", 3)], who="mei")
    assert english(two.message) == "stock rules of 2 platform shops"
