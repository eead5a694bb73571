"""The Listings tab's channel-links view: channel items waiting for a master SKU, with what they look like.

Each row is one SKU as one platform shop writes it, with its units sold, the
catalogue SKU its sales count on now, and the suggestion (reason and score).
Link…, Confirm suggestion and Keep unlinked each run one command, one undo
step (services/sku_links.py); the mapping can be exported and imported as CSV.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.commands import CommandResult
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message
from shopkeeper.services.sku_links import (
    confirm_suggestion,
    link,
    links_source,
    split_item_key,
    unlink,
    waiting_count,
)
from shopkeeper.services.sku_map_csv import MapExport, export_sku_map, import_sku_map
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.formatting import format_value, platform_label
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import CommandOp, QueryOp
from shopkeeper.ui.paged_model import PagedSqlModel
from shopkeeper.ui.tabs.table_tab import make_search_box, make_table_view

WHO = "window"


class ChannelLinksView(QWidget):
    """Signals:
        waiting_changed(int): how many channel items wait for a link, after each refresh.
    """

    waiting_changed = Signal(int)

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._states = {"waiting": self.tr("waiting"), "linked": self.tr("linked"),
                        "unlinked": self.tr("kept unlinked"), "same_sku": self.tr("same SKU")}
        self._reasons = {"barcode": self.tr("same barcode"), "title": self.tr("similar title")}
        headers = {
            "item_key": self.tr("Item"), "platform": self.tr("Platform"), "shop_name": self.tr("Shop"),
            "shop_id": self.tr("Shop id"),
            "channel_sku": self.tr("Channel SKU"), "title": self.tr("Title"), "units_sold": self.tr("Units sold"),
            "state": self.tr("Link"), "sells_as": self.tr("Counts as"), "suggested_sku": self.tr("Suggested SKU"),
            "suggested_title": self.tr("Suggested product"), "suggestion_reason": self.tr("Why"),
            "suggestion_score": self.tr("Score"), "how": self.tr("Linked by"), "waits": self.tr("Waiting"),
        }
        self.model = PagedSqlModel(worker, links_source(), headers=headers, formatter=self._format,
                                   hidden=("item_key", "shop_id", "waits", "how"), name="channel_links")
        self.model.set_filters(["waiting"])
        self.show_box = QComboBox(self)
        for name, label in (("waiting", self.tr("Waiting for a link")), ("linked", self.tr("Linked")),
                            ("unlinked", self.tr("Kept unlinked")), ("", self.tr("All channel items"))):
            self.show_box.addItem(label, name)
        self.show_box.currentIndexChanged.connect(self._show_changed)
        self.search = make_search_box(self, self.tr("Search channel SKU, title or suggestion"), self.model.set_search)
        self.link_button = QPushButton(self.tr("Link to SKU…"), self)
        self.link_button.setToolTip(self.tr("Count this channel item's sales on a catalogue SKU you name"))
        self.link_button.clicked.connect(self.ask_link)
        self.confirm_button = QPushButton(self.tr("Confirm suggestion"), self)
        self.confirm_button.clicked.connect(self.confirm)
        self.unlink_button = QPushButton(self.tr("Keep unlinked"), self)
        self.unlink_button.setToolTip(self.tr("Its sales count on its own SKU; it leaves the waiting list"))
        self.unlink_button.clicked.connect(self.keep_unlinked)
        self.export_button = QPushButton(self.tr("Export mapping…"), self)
        self.export_button.clicked.connect(self.ask_export)
        self.import_button = QPushButton(self.tr("Import mapping…"), self)
        self.import_button.clicked.connect(self.ask_import)
        self.count_label = QLabel(self)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.show_box)
        bar.addWidget(self.search, 2)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        for button in (self.link_button, self.confirm_button, self.unlink_button, self.export_button,
                       self.import_button):
            bar.addWidget(button)
        self.view = make_table_view(self, self.model, {"platform": 80, "shop_name": 110, "title": 220,
                                                       "suggested_title": 200, "channel_sku": 110, "units_sold": 80,
                                                       "state": 90, "sells_as": 110, "suggested_sku": 110,
                                                       "suggestion_reason": 100, "suggestion_score": 60})
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)
        self.model.loaded.connect(lambda n: self.count_label.setText(self.tr("%Ln channel item(s)", "", n)))

    def _format(self, key: str, kind: str, value: Any) -> str:  # noqa: ANN401 - a cell's native value
        if key == "state":
            return self._states.get(value, value or "")
        if key == "suggestion_reason":
            return self._reasons.get(value, value or "")
        if key == "platform":
            return platform_label(value or "")
        if key == "suggestion_score" and value is not None:
            return f"{value:.3f}"
        return format_value(key, kind, value)

    def refresh(self) -> None:
        self.model.refresh(keep_rows=True)
        self._worker.query(self, QueryOp(waiting_count, key="links_waiting"), self.waiting_changed.emit)

    def _show_changed(self) -> None:
        name = self.show_box.currentData()
        self.model.set_filters([name] if name else [])

    def selected_items(self) -> list[tuple[str, str]]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        keys = [self.model.row_id(r) for r in rows]
        return [split_item_key(k) for k in keys if k]

    def _run(self, fn: Any) -> None:  # noqa: ANN401 - a command over the shop
        self.notice.hide()
        self._worker.command(self, CommandOp(fn), on_error=self._refused)

    def _refused(self, exc: BaseException) -> None:
        if not isinstance(exc, KnownError):
            raise exc
        self.notice.setStyleSheet("color: #c62828;")
        self.notice.setText(self.tr("Not changed: {reason}").format(reason=window_text(exc.message)))
        self.notice.show()

    def _one_selected(self) -> tuple[str, str] | None:
        items = self.selected_items()
        if len(items) != 1:
            self._say(self.tr("Select one channel item first."))
            return None
        return items[0]

    def _say(self, text: str) -> None:
        self.notice.setStyleSheet("color: #c62828;")
        self.notice.setText(text)
        self.notice.show()

    def ask_link(self) -> None:
        item = self._one_selected()
        if item is None:
            return
        shop_id, channel_sku = item
        master, ok = QInputDialog.getText(self, self.tr("Link to SKU"), self.tr(
            "Catalogue SKU that {channel_sku} ({shop}) sells:").format(channel_sku=channel_sku, shop=shop_id))
        if ok and master.strip():
            self.link_to(shop_id, channel_sku, master.strip())

    def link_to(self, shop_id: str, channel_sku: str, master: str) -> None:
        self._run(lambda db: link(db, shop_id, channel_sku, master, who=WHO))

    def confirm(self) -> None:
        item = self._one_selected()
        if item is not None:
            shop_id, channel_sku = item
            self._run(lambda db: confirm_suggestion(db, shop_id, channel_sku, who=WHO))

    def keep_unlinked(self) -> None:
        item = self._one_selected()
        if item is not None:
            shop_id, channel_sku = item
            self._run(lambda db: unlink(db, shop_id, channel_sku, who=WHO))

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export SKU mapping"), "sku-map.csv",
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        def shown(result: MapExport) -> None:
            self._done(window_text(Message("export.sku_map.written", {"count": result.rows, "path": path})))

        self._worker.query(self, QueryOp(lambda db: export_sku_map(db, Path(path)), key="sku_map_export"), shown,
                           self._refused)

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import SKU mapping"), "", self.tr("CSV files (*.csv)"))
        if path:
            self.import_from(path)

    def import_from(self, path: str) -> None:
        def shown(result: CommandResult) -> None:
            message = result.message or Message("import.sku_map.nothing_changed", {"file": Path(path).name})
            self._done(window_text(message))

        self.notice.hide()
        self._worker.command(self, CommandOp(lambda db: import_sku_map(db, Path(path), who=WHO)), shown,
                             self._refused)

    def _done(self, text: str) -> None:
        self.notice.setStyleSheet("color: #2e7d32;")
        self.notice.setText(text)
        self.notice.show()
