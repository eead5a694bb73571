"""Imports as change sets: Edit › Undo / Redo over imports and edits together."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from export_files import SHOPIFY_PRODUCTS_2025, import_ok, snapshot, write_export

from shopkeeper.db.database import Database
from shopkeeper.domain.changes import Area, Changes
from shopkeeper.domain.commands import CellEdit, ChangeRefused
from shopkeeper.domain.messages import Message
from shopkeeper.services.change_sets import redo, undo, undo_redo_state
from shopkeeper.services.edits import edit_cells
from shopkeeper.services.imports import import_changes, list_imports, undo_import
from shopkeeper.services.stats import shop_stats

OAT, ASH = "CL-MUG-RUS-OAT", "CL-MUG-RUS-ASH"


def products(path: Path, oat_cost: str = "38.67") -> Path:
    return write_export(path, SHOPIFY_PRODUCTS_2025, [
        {"Handle": "mug", "Title": "Rustic mug", "Option1 Name": "Glaze", "Option1 Value": "Oat",
         "Variant SKU": OAT, "Variant Price": "80.00", "Cost per item": oat_cost, "Variant Inventory Qty": "7",
         "Status": "active"},
        {"Handle": "mug", "Option1 Value": "Ash", "Variant SKU": ASH, "Variant Price": "80.00",
         "Cost per item": "38.00", "Variant Inventory Qty": "3"},
    ])


def _catalog(db: Database) -> dict[str, list[tuple]]:
    """What the products file put in the shop, without which change set wrote it or when (a redo is a new import)."""
    return {
        "products": db.fetchall("SELECT product_id, title FROM products ORDER BY ALL"),
        "variants": db.fetchall("SELECT sku, product_id, option_text, price, cost, currency FROM variants ORDER BY ALL"),
        "listings": db.fetchall("SELECT shop_id, listing_id, title, price, status, quantity FROM listings ORDER BY ALL"),
        "stock_levels": db.fetchall("SELECT sku, on_hand, reorder_point, lead_time_days FROM stock_levels ORDER BY ALL"),
        "shops": db.fetchall("SELECT * FROM shops ORDER BY ALL"),
    }


def _cost(db: Database, sku: str = OAT) -> Decimal | None:
    return db.scalar("SELECT cost FROM variants WHERE sku = ?", [sku])


def test_an_import_is_a_change_set_with_its_file_as_label(shop: Database, tmp_path: Path) -> None:
    outcomes = import_ok(shop, products(tmp_path / "products_export.csv"))
    assert import_changes(outcomes) == Changes.of(Area.CATALOG, Area.STOCK, Area.HISTORY)
    assert undo_redo_state(shop).undo == Message("change.import", {"file": "products_export.csv"})


def test_undo_after_edits_walks_back_to_exactly_before_the_import(shop: Database, tmp_path: Path) -> None:
    empty = snapshot(shop)
    import_ok(shop, products(tmp_path / "products_export.csv"))
    imported = snapshot(shop)
    edit_cells(shop, [CellEdit("variant", OAT, "cost", "40.00")], who="mei")
    edit_cells(shop, [CellEdit("stock", ASH, "on_hand", 5)], who="mei")
    undo(shop, who="mei")
    undo(shop, who="mei")
    assert snapshot(shop) == imported
    result = undo(shop, who="mei")
    assert result.message == Message("change.undone", {"change": Message("change.import", {"file": "products_export.csv"})})
    assert result.changes.touches(Area.CATALOG, Area.STOCK)
    assert snapshot(shop) == empty


def test_an_import_whose_rows_were_edited_later_cannot_be_undone_first(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, products(tmp_path / "products_export.csv"))
    edit_cells(shop, [CellEdit("variant", OAT, "cost", "40.00")], who="mei")
    [batch] = list_imports(shop)
    before = snapshot(shop)
    with pytest.raises(ChangeRefused) as refused:
        undo_import(shop, batch.batch_id)
    assert refused.value.reason.code == "change.undo.blocked"
    assert "Undo those first" in str(refused.value)
    assert snapshot(shop) == before
    assert undo_redo_state(shop).undo is not None  # the stack is untouched too


def test_the_import_history_lists_imports_only_and_stats_count_them(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, products(tmp_path / "products_export.csv"))
    edit_cells(shop, [CellEdit("variant", OAT, "cost", "40.00")], who="mei")
    assert [b.file_name for b in list_imports(shop)] == ["products_export.csv"]
    assert shop_stats(shop)["imports"] == 1


def test_redo_of_an_import_reads_the_same_file_again(shop: Database, tmp_path: Path) -> None:
    path = products(tmp_path / "products_export.csv")
    import_ok(shop, path)
    imported = _catalog(shop)
    undo(shop, who="mei")
    assert _catalog(shop)["variants"] == []
    result = redo(shop, who="mei")
    assert result.changes.touches(Area.CATALOG, Area.STOCK)
    assert _catalog(shop) == imported
    assert undo_redo_state(shop).redo is None
    assert undo_redo_state(shop).undo == Message("change.import", {"file": "products_export.csv"})
    assert shop_stats(shop)["imports"] == 1


def test_redo_keeps_the_rest_of_the_redo_stack_after_reimporting(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, products(tmp_path / "products_export.csv"))
    edit_cells(shop, [CellEdit("variant", OAT, "cost", "40.00")], who="mei")
    undo(shop, who="mei")
    undo(shop, who="mei")
    redo(shop, who="mei")  # the import, from its file
    assert undo_redo_state(shop).redo == Message("change.edit.cost", {"sku": OAT, "old": "38.67", "new": "40.00"})
    redo(shop, who="mei")
    assert _cost(shop) == Decimal("40.00")
    # The redone edit now sits on rows the re-import wrote: that import cannot be undone before it.
    newest_import = list_imports(shop)[0].batch_id
    with pytest.raises(ChangeRefused):
        undo_import(shop, newest_import)
    undo(shop, who="mei")
    undo(shop, who="mei")
    assert shop.scalar("SELECT count(*) FROM variants") == 0


@pytest.mark.parametrize("what", ["changed", "moved"])
def test_redo_of_an_import_whose_file_changed_or_moved_is_refused_whole(shop: Database, tmp_path: Path,
                                                                         what: str) -> None:
    path = products(tmp_path / "products_export.csv")
    import_ok(shop, path)
    undo(shop, who="mei")
    if what == "changed":
        products(path, oat_cost="12.00")
    else:
        path.rename(tmp_path / "elsewhere.csv")
    before = snapshot(shop)
    state = undo_redo_state(shop)
    with pytest.raises(ChangeRefused) as refused:
        redo(shop, who="mei")
    assert refused.value.reason.code == f"change.redo.file_{'changed' if what == 'changed' else 'missing'}"
    assert snapshot(shop) == before
    assert undo_redo_state(shop) == state


def test_undoing_the_newest_import_from_the_history_can_be_redone(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, products(tmp_path / "products_export.csv"))
    [batch] = list_imports(shop)
    result = undo_import(shop, batch.batch_id, who="mei")
    assert result.changes.touches(Area.CATALOG, Area.STOCK, Area.HISTORY)
    assert undo_redo_state(shop).redo == Message("change.import", {"file": "products_export.csv"})
