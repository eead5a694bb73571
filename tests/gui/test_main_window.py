"""The main window on the demo shop: every tab shows real data; drops import; state is remembered."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import make_app as _make_app
from tests.gui.conftest import wait_idle


def test_every_tab_shows_the_shops_data(qtbot, app) -> None:  # noqa: ANN001
    window = app.window
    for name in ("listings", "members", "promotions", "charts"):
        window.show_tab(name)
        wait_idle(qtbot, app.worker)
    assert window.listings.model.rowCount() >= 110
    assert "SKUs" in window.listings.summary.text()
    assert window.members.model.rowCount() >= 2000
    assert window.members.cards.count() >= 4
    assert window.promotions.table.rowCount() >= 4
    window.charts.picker.setCurrentRow(1)  # sales by platform
    wait_idle(qtbot, app.worker)
    curves = window.charts.plots["platforms"].getPlotItem().listDataItems()
    assert {c.name().split(" ")[0] for c in curves} >= {"Taobao", "Douyin", "Shopify", "Etsy"}
    assert "Demo shop" in window.windowTitle()
    assert "orders" in window.counts_label.text()


def test_low_stock_filter_and_search(qtbot, app) -> None:  # noqa: ANN001
    tab = app.window.listings
    everything = tab.model.rowCount()
    tab.reorder_only.setChecked(True)
    wait_idle(qtbot, app.worker)
    assert 0 < tab.model.rowCount() < everything
    tab.view.model().data(tab.model.index(0, 3))
    wait_idle(qtbot, app.worker)
    assert tab.model.data(tab.model.index(0, 3)) in ("Reorder now", "Out of stock")


def test_drop_anywhere_on_the_window_hands_files_to_import(qtbot, app, tmp_path: Path) -> None:  # noqa: ANN001
    received: list[list[Path]] = []
    app.imports.run = lambda paths, on_finished=None: received.append(paths)  # type: ignore[method-assign]
    window = app.window
    window._actions = window._actions.__class__(**{**window._actions.__dict__, "import_files": app.imports.run})
    export = tmp_path / "orders_export.csv"
    export.write_text("Name,Email\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(export))])
    point = QPoint(window.width() // 2, window.height() // 2)
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    assert window.overlay.isVisible()
    drop = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert received == [[export]]
    assert not window.overlay.isVisible()


def test_window_remembers_size_and_tab(qtbot, shop_copy: Path) -> None:  # noqa: ANN001
    first = _make_app(qtbot, shop_copy)
    first.window.resize(1111, 777)
    first.window.show_tab("promotions")
    first.window.close()
    first.shutdown()
    saved = first.ui_state.geometry()
    assert saved is not None and not saved.isEmpty()
    second = _make_app(qtbot, shop_copy)
    try:
        assert second.window.tabs.currentIndex() == 2
        # The offscreen screen is small, so Qt may clamp the size; the saved geometry is what counts.
        assert second.ui_state.geometry() == saved
    finally:
        second.shutdown()


def test_switching_to_chinese_relabels_the_window(qtbot, app) -> None:  # noqa: ANN001
    app.set_language("zh_CN")
    wait_idle(qtbot, app.worker)
    qtbot.addWidget(app.window)
    assert app.window.tabs.tabText(0) == "商品与库存"
    assert app.window.members.model.headerData(2, Qt.Orientation.Horizontal) == "等级"


def test_screenshot_command_writes_a_png(shop_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "members.png"
    result = subprocess.run(
        [sys.executable, "-m", "shopkeeper", "--db", str(shop_copy), "--screenshot", str(out), "--tab", "members"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)


def test_import_from_the_window_fills_the_tabs(qtbot, app, tmp_path: Path) -> None:  # noqa: ANN001
    export = tmp_path / "products_export.csv"
    export.write_text(
        "Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty\n"
        "moon-mug,Moon Mug,NEW-MUG-1,12.50,7\n",
        encoding="utf-8",
    )
    results: list[list] = []
    app.imports.run([export], on_finished=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=60000)
    assert results[0][0].ok, results[0][0].message
    wait_idle(qtbot, app.worker)
    tab = app.window.listings
    tab.model.set_search("NEW-MUG-1")
    wait_idle(qtbot, app.worker)
    assert tab.model.rowCount() == 1
    on_hand = tab.model.column_of("on_hand")
    tab.model.data(tab.model.index(0, on_hand))
    wait_idle(qtbot, app.worker)
    assert tab.model.data(tab.model.index(0, on_hand)) == "7"
