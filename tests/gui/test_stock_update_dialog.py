"""File › Export stock update…: the dialog saves a shop's rule as one undoable change and writes its file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from shopkeeper.domain.channel_stock import ChannelRule
from shopkeeper.services.change_sets import undo
from shopkeeper.services.channel_stock import channel_rule
from shopkeeper.ui.dialogs.stock_update_dialog import StockUpdateDialog
from tests.gui.conftest import run_query, wait_idle
from tests.unit.services.stock_shop import seed_stock_shop


def test_the_dialog_saves_a_rule_and_writes_the_file(qtbot, worker, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    run_query(qtbot, worker, seed_stock_shop)
    errors: list[BaseException] = []
    dialog = StockUpdateDialog(None, worker=worker, show_error=errors.append)
    qtbot.addWidget(dialog)
    wait_idle(qtbot, worker)
    shops = [dialog.shop_choice.itemData(i) for i in range(dialog.shop_choice.count())]
    assert shops == ["amazon:US", "shopify:Main", "woocommerce:Site"]  # Taobao has no upload file
    dialog.shop_choice.setCurrentIndex(shops.index("amazon:US"))
    assert dialog.table.rowCount() == 3
    dialog.share.setValue(50)
    dialog.most.setValue(5)
    dialog.save_rule.click()
    wait_idle(qtbot, worker)
    assert errors == []
    assert run_query(qtbot, worker, lambda db: channel_rule(db, "amazon:US")) == ChannelRule("amazon:US", 50, 5, 0)
    listed = {dialog.table.item(r, 0).text(): dialog.table.item(r, 5).text() for r in range(dialog.table.rowCount())}
    assert listed == {"BOWL-1": "2", "MUG-BLU": "1", "MUG-RED": "5"}

    out = tmp_path / "amazon.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    dialog.export_button.click()
    wait_idle(qtbot, worker)
    assert errors == []
    assert out.read_text(encoding="utf-8").splitlines()[1:] == ["BOWL-1\t\t\t\t2\t\t", "MUG-BLU\t\t\t\t1\t\t",
                                                                "MUG-RED\t\t\t\t5\t\t"]
    assert "3 SKUs" in dialog.summary.text()

    # the rule was one change set: one undo brings the default back
    run_query(qtbot, worker, lambda db: undo(db, who="test"))
    assert run_query(qtbot, worker, lambda db: channel_rule(db, "amazon:US")) == ChannelRule("amazon:US")
