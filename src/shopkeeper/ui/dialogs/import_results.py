"""What each dropped file became: a line per table, with its rejected rows a click away."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.source_names import display_name
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.rejects_dialog import RejectsDialog
from shopkeeper.ui.message_texts import window_text


class ImportResultsDialog(QDialog):
    def __init__(self, parent: QWidget | None, outcomes: list[Any], worker: DbWorker, log_file: Path,
                 map_columns: Callable[[Path, str | None], object] | None = None,
                 choose_shop: Callable[[list[Path], list[str]], object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importResults")
        self._outcomes = outcomes
        self._map_columns = map_columns
        self._choose_shop = choose_shop
        self._log_file = log_file
        self.setWindowTitle(self.tr("Import finished"))
        self.setMinimumSize(640, 300)
        self._worker = worker
        ok = sum(1 for o in outcomes if o.ok)
        heading = QLabel(self.tr("{ok} of {total} file(s) imported.").format(ok=ok, total=len(outcomes)), self)
        self.list = QListWidget(self)
        # A refusal says why in a sentence or two: wrapped, it is read without scrolling sideways.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        for outcome in outcomes:
            item = QListWidgetItem(("✔ " if outcome.ok else "✖ ") + self.outcome_text(outcome))
            item.setToolTip(outcome.message)  # the English line, as the log and the command line have it
            item.setForeground(Qt.GlobalColor.darkGreen if outcome.ok else Qt.GlobalColor.darkRed)
            item.setData(Qt.ItemDataRole.UserRole, outcome.batch_id if outcome.rows_rejected else None)
            self.list.addItem(item)
        self.rejects_button = QPushButton(self.tr("Show rejected rows…"), self)
        self.rejects_button.setEnabled(any(o.rows_rejected for o in outcomes))
        self.rejects_button.clicked.connect(self._show_rejects)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.rejects_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.map_button = QPushButton(self.tr("Map columns…"), self)
        self.map_button.setToolTip(self.tr("Tell Shopkeeper what the columns of a table it does not know hold"))
        can_map = map_columns is not None and any(o.needs_mapping for o in outcomes)
        self.map_button.clicked.connect(self._map)
        buttons.addButton(self.map_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.map_button.setVisible(can_map)  # after addButton, which shows the button
        self.shop_button = QPushButton(self.tr("Choose the shop…"), self)
        self.shop_button.setToolTip(self.tr("Import the files that do not say which shop they are from into "
                                            "the shop you choose"))
        can_choose = choose_shop is not None and any(o.shops_to_choose for o in outcomes)
        self.shop_button.clicked.connect(self._choose)
        buttons.addButton(self.shop_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.shop_button.setVisible(can_choose)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        hints = []
        if can_map:
            hints.append(self.tr("Some tables have a shape Shopkeeper does not know. Select one and press "
                                 "Map columns… to import it."))
        if can_choose:
            hints.append(self.tr("Some files do not say which of a platform's shops they are from. Press "
                                 "Choose the shop… to import them into one."))
        for text in hints:
            hint = QLabel(text, self)
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def outcome_text(self, outcome: Any) -> str:
        """The outcome in the window's language."""
        name = display_name(outcome.path, outcome.member)
        if outcome.needs_mapping:
            return self.tr("{name}: Shopkeeper does not know the columns of this table yet; "
                           "press Map columns… to import it").format(name=name)
        return window_text(outcome.line)

    def _map(self) -> None:
        row = self.list.currentRow()
        candidates = [o for o in self._outcomes if o.needs_mapping]
        chosen = self._outcomes[row] if 0 <= row < len(self._outcomes) else None
        outcome = chosen if chosen is not None and chosen.needs_mapping else (candidates[0] if candidates else None)
        if outcome is None or self._map_columns is None:
            return
        self.accept()
        self._map_columns(outcome.path, outcome.member)

    def _choose(self) -> None:
        """The files refused for naming no shop, again, into the shop the seller chooses among theirs."""
        waiting = [o for o in self._outcomes if o.shops_to_choose]
        if not waiting or self._choose_shop is None:
            return
        paths = list(dict.fromkeys(o.path for o in waiting))  # a zip's tables come back with their file
        names = sorted({name for o in waiting for name in o.shops_to_choose})
        self.accept()
        self._choose_shop(paths, names)

    def _show_rejects(self) -> None:
        item = self.list.currentItem()
        batch_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if batch_id is None:
            for i in range(self.list.count()):
                batch_id = self.list.item(i).data(Qt.ItemDataRole.UserRole)
                if batch_id is not None:
                    break
        if batch_id is not None:
            RejectsDialog(self, self._worker, int(batch_id), self._log_file).exec()
