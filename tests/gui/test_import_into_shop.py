"""File › Import into a shop…: the seller says which of a platform's shops the files are from."""

from __future__ import annotations

from pathlib import Path

from shopkeeper.domain.messages import Message
from shopkeeper.ui.dialogs.demo_import_question import DEMO_SHOP
from shopkeeper.ui.dialogs.shop_name_question import chosen_name, shop_name_dialog
from shopkeeper.ui.message_texts import window_text
from tests.gui.conftest import run_query, wait_idle
from tests.unit.importers.export_files import SHOPIFY_ORDERS, write_export


def _export(path: Path, number: int) -> Path:
    return write_export(path, SHOPIFY_ORDERS, [
        {"Name": f"#{number}", "Email": "new.buyer@example.com", "Financial Status": "paid", "Currency": "USD",
         "Subtotal": "25.00", "Total": "25.00", "Created at": "2026-11-20 10:00:00 +0000", "Lineitem quantity": "1",
         "Lineitem name": "Moon Mug", "Lineitem price": "25.00", "Lineitem sku": "CL-MUG-RUS-OAT",
         "Id": str(990_000 + number)}])


def test_the_files_go_into_the_shop_the_seller_names(qtbot, app, monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    offered: list[list[str]] = []
    shown: list[list] = []
    monkeypatch.setattr(app.imports, "choose_files", lambda _folder="": [_export(tmp_path / "orders_export.csv", 9001)])
    monkeypatch.setattr("shopkeeper.app.ask_where_to_import", lambda _parent: DEMO_SHOP)
    monkeypatch.setattr("shopkeeper.app.ask_shop_name", lambda _parent, names: offered.append(names) or "Second store")
    monkeypatch.setattr(app.imports, "show_results", lambda outcomes, **_: shown.append(outcomes))
    app.window._actions.choose_import_files_into_shop()
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)
    wait_idle(qtbot, app.worker)
    assert offered == [["Demo shop"]]  # the shop file's shop names
    assert shown[0][0].ok, shown[0][0].message
    shops = run_query(qtbot, app.worker, lambda db: db.fetchall(
        "SELECT shop_id FROM orders WHERE order_number = '#9001'"))
    assert shops == [("shopify:Second store",)]

    # Shopify now has two shops here: a file dropped without a name says so, and which to use
    app.imports.run([_export(tmp_path / "orders_export_2.csv", 9002)], on_finished=shown.append)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=60000)
    [refused] = shown[1]
    assert not refused.ok and refused.refusal.code == "import.refused.which_shop"
    text = window_text(refused.refusal)
    assert "Shopify" in text and "Demo shop" in text and "Second store" in text
    assert "File › Import into a shop…" in text


def test_the_dialog_offers_the_shops_and_takes_a_new_name(qtbot) -> None:  # noqa: ANN001
    dialog = shop_name_dialog(None, ["Demo shop", "North"])
    qtbot.addWidget(dialog)
    assert dialog.comboBoxItems() == ["Demo shop", "North"] and dialog.isComboBoxEditable()
    assert chosen_name(dialog) == "Demo shop"
    dialog.setTextValue("  South  ")
    assert chosen_name(dialog) == "South"
    dialog.setTextValue("   ")
    assert chosen_name(dialog) is None


def test_the_refusal_reads_in_chinese(chinese) -> None:  # noqa: ANN001
    text = window_text(Message("import.refused.which_shop", {"platform": "taobao", "shops": ["北店", "南店"]}))
    assert "北店、南店" in text and "--shop" not in text  # names are listed with 、, not an English "; "
    assert "taobao" not in text and not text.isascii()
    # a list of sentences is joined with a full-width semicolon
    sentences = window_text(Message("import.refused.which_shop", {"platform": "taobao", "shops": [
        Message("shop.restore.from_backup"), Message("shop.restore.from_backup")]}))
    assert "；" in sentences and "; " not in sentences


def test_the_results_offer_to_choose_the_shop_of_the_files_that_named_none(qtbot, app, monkeypatch,  # noqa: ANN001
                                                                         tmp_path: Path) -> None:
    from shopkeeper.ui.dialogs.import_results import ImportResultsDialog

    shown: list[list] = []
    app.imports.run([_export(tmp_path / "a.csv", 9101)], on_finished=shown.append, shop_name="Second store")
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)
    wait_idle(qtbot, app.worker)
    app.imports.run([_export(tmp_path / "b.csv", 9102)], on_finished=shown.append)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=60000)
    wait_idle(qtbot, app.worker)
    asked: list[tuple[list[Path], list[str]]] = []
    dialog = ImportResultsDialog(app.window, shown[1], app.worker, tmp_path / "log.txt",
                                 choose_shop=lambda paths, names: asked.append((paths, names)))
    qtbot.addWidget(dialog)
    assert not dialog.shop_button.isHidden() and dialog.list.wordWrap()
    dialog.shop_button.click()
    assert asked == [([tmp_path / "b.csv"], ["Demo shop", "Second store"])]
    # chosen, the file goes into that shop
    monkeypatch.setattr("shopkeeper.ui.import_flow.ask_shop_name", lambda _parent, _names: "Demo shop")
    monkeypatch.setattr(app.imports, "show_results", lambda outcomes, **_: shown.append(outcomes))
    app.imports.choose_shop(*asked[0])
    qtbot.waitUntil(lambda: len(shown) == 3, timeout=60000)
    wait_idle(qtbot, app.worker)
    assert shown[2][0].ok, shown[2][0].message
    assert run_query(qtbot, app.worker, lambda db: db.fetchall(
        "SELECT shop_id FROM orders WHERE order_number = '#9102'")) == [("shopify:Demo shop",)]
    # a result with nothing to choose shows no such button
    plain = ImportResultsDialog(app.window, shown[2], app.worker, tmp_path / "log.txt", choose_shop=print)
    qtbot.addWidget(plain)
    assert plain.shop_button.isHidden()
