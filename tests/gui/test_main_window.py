"""The main window on the demo shop: every tab shows real data; drops import; state is remembered."""

from __future__ import annotations

import shutil
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


def test_files_dropped_on_the_demo_start_the_sellers_own_shop(qtbot, demo_file: Path, tmp_path: Path,  # noqa: ANN001
                                                              monkeypatch) -> None:  # noqa: ANN001
    import duckdb
    from PySide6.QtWidgets import QFileDialog

    from shopkeeper.app import DEMO_FILE
    from shopkeeper.runtime.paths import app_paths
    from shopkeeper.ui.dialogs.demo_import_question import DEMO_SHOP, OWN_SHOP

    demo = app_paths().ensure().data_dir / DEMO_FILE
    shutil.copy(demo_file, demo)
    app = _make_app(qtbot, demo)
    results: list[list] = []

    def quietly(app) -> None:  # noqa: ANN001 - results to the test instead of the modal results dialog
        run = app.imports.run
        app.imports.run = lambda paths, on_finished=None, **named: run(paths, on_finished=results.append, **named)

    quietly(app)
    export = tmp_path / "products_export.csv"
    export.write_text("Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty\n"
                      "moon-mug,Moon Mug,NEW-MUG-1,12.50,7\n", encoding="utf-8")
    asked: list[int] = []
    answer: list[str | None] = [None]
    monkeypatch.setattr("shopkeeper.app.ask_where_to_import", lambda _parent: asked.append(1) or answer[0])
    own = tmp_path / "my-shop.duckdb"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(own), "")))

    def skus(db_path: Path) -> int:
        with duckdb.connect(str(db_path), read_only=True) as con:
            row = con.execute("SELECT count(*) FROM variants WHERE sku = 'NEW-MUG-1'").fetchone()
            return int(row[0]) if row else 0

    try:
        # The demo says what it is, with the way to a shop of one's own.
        assert app.window.demo_hint.isVisible() and "demo shop" in app.window.demo_hint.text()
        # Cancelled: nothing is imported anywhere.
        app.window._actions.import_files([export])
        wait_idle(qtbot, app.worker)
        assert asked == [1] and app.shop_path == demo and not own.exists()
        # A shop of their own: it is created, opened, and holds the file's product and nothing of the demo's.
        answer[0] = OWN_SHOP
        app.window._actions.import_files([export])
        qtbot.waitUntil(lambda: len(results) == 1, timeout=60000)
        wait_idle(qtbot, app.worker)
        assert app.shop_path == own and results[0][0].ok
        assert app.window.listings.model.rowCount() == 1
        assert "my-shop" in app.window.windowTitle()
        assert not app.window.demo_hint.isVisible()
        # Files dropped on the seller's own shop are imported without a question.
        app.window._actions.import_files([export])
        qtbot.waitUntil(lambda: len(results) == 2, timeout=60000)
        wait_idle(qtbot, app.worker)
        assert len(asked) == 2
    finally:
        app.shutdown()
    assert skus(own) == 1 and skus(demo) == 0
    with duckdb.connect(str(own), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM orders").fetchone() == (0,)
    # Into the demo after all, when the seller says so.
    app = _make_app(qtbot, demo)
    quietly(app)
    try:
        answer[0] = DEMO_SHOP
        app.window._actions.import_files([export])
        qtbot.waitUntil(lambda: len(results) == 3, timeout=60000)
        wait_idle(qtbot, app.worker)
        assert len(asked) == 3 and app.shop_path == demo
    finally:
        app.shutdown()
    assert skus(demo) == 1


def test_the_demo_banner_starts_the_sellers_own_shop(qtbot, demo_file: Path, tmp_path: Path,  # noqa: ANN001
                                                     monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QFileDialog

    own = tmp_path / "my-shop.duckdb"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(own), "")))
    shop = tmp_path / "anywhere.duckdb"  # a demo shop is known by what it holds, not where it lives
    shutil.copy(demo_file, shop)
    app = _make_app(qtbot, shop)
    try:
        window = app.window
        assert window.demo_hint.isVisible()
        window.demo_hint.linkActivated.emit("new")
        qtbot.waitUntil(lambda: app.shop_path == own, timeout=60000)
        wait_idle(qtbot, app.worker)
        assert not window.demo_hint.isVisible() and window.empty_hint.isVisible()
        assert "my-shop" in window.windowTitle()
    finally:
        app.shutdown()
