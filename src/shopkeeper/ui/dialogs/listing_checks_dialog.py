"""The listing checks' settings: the absolute-term word list and the price tolerance.

The list and the tolerance are kept in the shop (services/listing_check_settings.py);
Save makes one change set, so Edit › Undo puts the previous list back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.commands import CommandResult
from shopkeeper.services.listing_check_settings import (
    absolute_terms,
    absolute_terms_are_default,
    price_tolerance,
    save_check_settings,
)
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.command_dialog import CommandDialog
from shopkeeper.ui.operations import QueryOp

EDITOR = "window"


@dataclass(frozen=True)
class CheckSettings:
    words: list[str]
    is_default: bool
    tolerance: Decimal


def _load(db: Any) -> CheckSettings:  # noqa: ANN401 - the worker's Database
    return CheckSettings(absolute_terms(db), absolute_terms_are_default(db), price_tolerance(db))


class ListingChecksDialog(CommandDialog):
    """Edit the word list (add, remove, back to the shipped list) and the price tolerance."""

    def __init__(self, worker: DbWorker, parent: QWidget | None = None,
                 on_saved: Callable[[CommandResult], None] | None = None) -> None:
        super().__init__(worker, parent, on_saved)
        self.setObjectName("listingChecksDialog")
        self.setWindowTitle(self.tr("Listing checks"))
        self._reset = False
        self.intro = QLabel(self.tr(
            "Words China's Advertising Law forbids in listings (极限词). A title or description containing one "
            "is marked in the Listings tab. The list is kept in this shop."), self)
        self.intro.setWordWrap(True)
        self.words = QListWidget(self)
        self.words.setObjectName("absoluteTerms")
        self.words.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.words.setSortingEnabled(True)
        self.new_word = QLineEdit(self)
        self.new_word.setPlaceholderText(self.tr("New word"))
        self.new_word.returnPressed.connect(self.add_word)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.clicked.connect(self.add_word)
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.default_button = QPushButton(self.tr("Restore the shipped list"), self)
        self.default_button.clicked.connect(self.restore_default)
        self.source = QLabel(self)
        self.tolerance = QDoubleSpinBox(self)
        self.tolerance.setObjectName("priceTolerance")
        self.tolerance.setRange(0, 1000)
        self.tolerance.setDecimals(1)
        self.tolerance.setSuffix(" %")
        self.tolerance.setToolTip(self.tr("A SKU's prices in one currency may differ by this share of the "
                                          "lowest before they are marked"))
        self.error_label()
        self.save_buttons(self.save, until_loaded=True)

        add_row = QHBoxLayout()
        add_row.addWidget(self.new_word, 1)
        add_row.addWidget(self.add_button)
        tools = QHBoxLayout()
        tools.addWidget(self.remove_button)
        tools.addWidget(self.default_button)
        tools.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Price tolerance across platforms"), self.tolerance)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.source)
        layout.addWidget(self.words, 1)
        layout.addLayout(add_row)
        layout.addLayout(tools)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, 560)
        self._worker.query(self, QueryOp(_load, key="check-settings"), self.show_settings)

    def show_settings(self, settings: CheckSettings) -> None:
        self.words.clear()
        self.words.addItems(settings.words)
        self.tolerance.setValue(float(settings.tolerance))
        self._reset = False
        self._show_source(settings.is_default)
        self.enable_save()

    def _show_source(self, is_default: bool) -> None:
        count = self.words.count()
        text = self.tr("The shipped list, %Ln word(s)", "", count) if is_default else \
            self.tr("This shop's own list, %Ln word(s)", "", count)
        self.source.setText(text)

    def current_words(self) -> list[str]:
        return [self.words.item(i).text() for i in range(self.words.count())]

    def add_word(self) -> None:
        word = self.new_word.text().strip()
        if word and not self.words.findItems(word, Qt.MatchFlag.MatchFixedString):
            self.words.addItem(word)
            self._reset = False
            self._show_source(False)
        self.new_word.clear()

    def remove_selected(self) -> None:
        for item in self.words.selectedItems():
            self.words.takeItem(self.words.row(item))
        self._reset = False
        self._show_source(False)

    def restore_default(self) -> None:
        from shopkeeper.services.listing_check_settings import default_absolute_terms

        self.words.clear()
        self.words.addItems(default_absolute_terms())
        self._reset = True
        self._show_source(True)

    def save(self) -> None:
        words = None if self._reset else self.current_words()
        tolerance = Decimal(str(round(self.tolerance.value(), 1)))
        reset = self._reset

        def run(db: Any) -> CommandResult:  # noqa: ANN401
            return save_check_settings(db, who=EDITOR, words=words, reset_words=reset, tolerance_pct=tolerance)

        self.run_command(run)
