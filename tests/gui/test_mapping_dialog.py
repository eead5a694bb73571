"""The column-mapping dialog: preview, guess, check, save, and the results dialog that opens it."""

from __future__ import annotations

import csv
from pathlib import Path

from shopkeeper.ui.dialogs.import_results import ImportResultsDialog
from shopkeeper.ui.dialogs.mapping_dialog import MappingDialog
from tests.gui.conftest import run_query, wait_idle


def _unknown_orders(tmp_path: Path) -> Path:
    path = tmp_path / "erp.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([
            ["订单号", "下单时间", "商品名称", "数量", "单价", "备注"],
            ["9001234567890123456", "2025-11-11 00:01:02", "紫砂壶", "1", "368.00", "送礼"],
            ["9001234567890123457", "2025-11-11 00:05:00", "白茶 50 g", "x", "68.00", ""],
        ])
    return path


def _dialog(qtbot, worker, tmp_path: Path) -> MappingDialog:  # noqa: ANN001
    dialog = MappingDialog(None, worker, _unknown_orders(tmp_path), None, cache_dir=tmp_path / "cache",
                           log_file=tmp_path / "log.txt")
    qtbot.addWidget(dialog)
    wait_idle(qtbot, worker)
    return dialog


def test_the_dialog_previews_the_file_and_fills_in_its_guess(qtbot, worker, tmp_path: Path) -> None:  # noqa: ANN001
    dialog = _dialog(qtbot, worker, tmp_path)
    assert dialog.columns_table.rowCount() == 6
    assert dialog.columns_table.item(2, 1).text().startswith("紫砂壶")
    assert dialog.rows_table.rowCount() == 2 and dialog.rows_table.item(0, 0).text() == "9001234567890123456"
    assert dialog.mapping() == {"order_id": 0, "order_time": 1, "title": 2, "quantity": 3, "unit_price": 4}
    assert dialog.check_button.isEnabled()
    assert dialog.platform() == "other"  # nothing in the file says where it was sold


def test_a_field_goes_to_one_column_only(qtbot, worker, tmp_path: Path) -> None:  # noqa: ANN001
    dialog = _dialog(qtbot, worker, tmp_path)
    notes = dialog._combos[5]
    notes.setCurrentIndex(notes.findData("title"))
    assert dialog.mapping()["title"] == 5 and 2 not in dialog.mapping().values()


def test_check_says_what_would_happen_and_save_imports_nothing_until_asked(qtbot, worker, tmp_path: Path) -> None:  # noqa: ANN001
    dialog = _dialog(qtbot, worker, tmp_path)
    dialog.check_button.click()
    wait_idle(qtbot, worker)
    assert "2 rows read" in dialog.status.text() and "1 row would not be imported" in dialog.status.text()
    assert "Row 2, 数量 “x”: not a whole number" in dialog.status.text()
    dialog.name_edit.setText("ERP 订单")
    dialog.import_button.click()
    wait_idle(qtbot, worker)
    assert dialog.saved_name == "ERP 订单" and dialog.result() == MappingDialog.DialogCode.Accepted
    rows = run_query(qtbot, worker, lambda db: db.fetchall("SELECT name, kind FROM saved_mappings"))
    assert rows == [("ERP 订单", "mapped_orders")]
    assert run_query(qtbot, worker, lambda db: db.scalar("SELECT count(*) FROM orders")) == 0  # the dialog saves the mapping; the import flow imports the file after it


def test_missing_required_fields_are_named_before_any_check(qtbot, worker, tmp_path: Path) -> None:  # noqa: ANN001
    dialog = _dialog(qtbot, worker, tmp_path)
    dialog.set_mapping({"title": 2})
    assert "Order id" in dialog.status.text() and "Order time" in dialog.status.text()


def test_the_results_dialog_offers_mapping_for_unknown_tables(qtbot, worker, tmp_path: Path) -> None:  # noqa: ANN001
    from shopkeeper.services.imports import import_paths

    path = _unknown_orders(tmp_path)
    [outcome] = run_query(qtbot, worker, lambda db: import_paths(db, [path], workdir=tmp_path / "work"))
    assert outcome.needs_mapping
    asked: list = []
    results = ImportResultsDialog(None, [outcome], worker, tmp_path / "log.txt",
                                  map_columns=lambda p, m: asked.append((p, m)))
    qtbot.addWidget(results)
    assert not results.map_button.isHidden()
    assert results.list.item(0).text() == ("✖ erp.csv: Shopkeeper does not know the columns of this table yet; "
                                           "press Map columns… to import it")
    results.map_button.click()
    assert asked == [(path, None)]


def test_the_results_dialog_says_what_each_file_was_and_what_it_changed(qtbot, worker, tmp_path: Path) -> None:  # noqa: ANN001
    from shopkeeper.services.imports import import_paths

    export = tmp_path / "products_export.csv"
    export.write_text("Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty\n"
                      "moon-mug,Moon Mug,NEW-MUG-1,12.50,7\nsun-mug,Sun Mug,NEW-MUG-2,twelve,3\n", encoding="utf-8")
    [first] = run_query(qtbot, worker, lambda db: import_paths(db, [export], workdir=tmp_path / "work"))
    [second] = run_query(qtbot, worker, lambda db: import_paths(db, [export], workdir=tmp_path / "work"))
    results = ImportResultsDialog(None, [first, second], worker, tmp_path / "log.txt")
    qtbot.addWidget(results)
    assert results.list.item(0).text() == ("✔ products_export.csv: Shopify products, 2 rows read, 1 added, "
                                           "0 updated, 1 rejected (see Show rejected rows…)")
    again = results.list.item(1).text()
    assert again.startswith("✔ products_export.csv: already imported on ") and again.endswith(", nothing changed")
    assert results.rejects_button.isEnabled() and results.map_button.isHidden()


def test_a_saved_mapping_can_be_deleted_so_the_file_is_mapped_anew(qtbot, worker, tmp_path: Path) -> None:  # noqa: ANN001
    from shopkeeper.services.mappings import MAPPED_ORDERS, save_mapping
    from shopkeeper.ui.dialogs.mapping_dialog import SavedMappingsDialog

    run_query(qtbot, worker, lambda db: save_mapping(db, name="ERP", kind=MAPPED_ORDERS, platform="taobao",
                                                     headers=("单号", "时间"), columns={"order_id": 0, "order_time": 1}))
    dialog = SavedMappingsDialog(None, worker, tmp_path / "log.txt")
    qtbot.addWidget(dialog)
    wait_idle(qtbot, worker)
    assert [dialog.table.item(0, c).text() for c in range(4)] == ["ERP", "Orders", "Taobao", "单号, 时间"]
    dialog.table.selectRow(0)
    dialog.delete_button.click()
    wait_idle(qtbot, worker)
    assert dialog.table.rowCount() == 0 and not dialog.delete_button.isEnabled()


def test_a_cancelled_mapping_brings_the_results_back_and_a_saved_one_imports_every_waiting_file(
        qtbot, app, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from types import SimpleNamespace

    from shopkeeper.ui.dialogs import mapping_dialog

    first, second = tmp_path / "erp-1.csv", tmp_path / "erp-2.csv"
    outcomes = [SimpleNamespace(path=first, member=None, needs_mapping=True),
                SimpleNamespace(path=tmp_path / "ok.csv", member=None, needs_mapping=False),
                SimpleNamespace(path=second, member=None, needs_mapping=True)]
    flow = app.imports
    shown: list = []
    ran: list = []
    monkeypatch.setattr(flow, "show_results", lambda results, *, shop_name=None: shown.append((results, shop_name)))
    monkeypatch.setattr(flow, "run", lambda paths, *, shop_name=None: ran.append((paths, shop_name)))
    # Cancel in Map columns: the list of results comes back, the second file can still be mapped.
    monkeypatch.setattr(mapping_dialog, "map_columns", lambda *a, **k: False)
    assert flow.map_columns(first, None, outcomes) is False
    assert shown == [(outcomes, None)] and ran == []
    # Saved: the file is imported again with the other file still waiting (the same shape maps it too).
    monkeypatch.setattr(mapping_dialog, "map_columns", lambda *a, on_saved, **k: (on_saved(first), True)[1])
    assert flow.map_columns(first, None, outcomes) is True
    assert ran == [([first, second], None)] and shown == [(outcomes, None)]
    # Files imported into a named shop (File › Import into a shop…) go back into that shop once mapped,
    # and a cancelled mapping brings back results that still remember it.
    assert flow.map_columns(first, None, outcomes, shop_name="North") is True
    assert ran[-1] == ([first, second], "North")
    monkeypatch.setattr(mapping_dialog, "map_columns", lambda *a, **k: False)
    assert flow.map_columns(first, None, outcomes, shop_name="North") is False
    assert shown[-1] == (outcomes, "North")


def test_map_columns_in_the_results_of_an_import_into_a_named_shop_keeps_that_shop(app, tmp_path: Path,  # noqa: ANN001
                                                                                 monkeypatch) -> None:
    from shopkeeper.ui import import_flow

    flow = app.imports
    made: list = []

    class Results:  # the results dialog, as show_results builds it: only its Map columns… callback matters
        def __init__(self, _parent, _outcomes, _worker, _log, *, map_columns, choose_shop) -> None:  # noqa: ANN001
            made.append(map_columns)

        def exec(self) -> int:
            return 0

    mapped: list = []
    monkeypatch.setattr(import_flow, "ImportResultsDialog", Results)
    monkeypatch.setattr(flow, "map_columns", lambda path, member, outcomes, *, shop_name=None:
                        mapped.append((path, shop_name)))
    flow.show_results([], shop_name="North")
    made[0](tmp_path / "erp.csv", None)
    assert mapped == [(tmp_path / "erp.csv", "North")]
