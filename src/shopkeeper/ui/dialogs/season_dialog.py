"""Choosing a season's first and last month for the selected SKUs."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from shopkeeper.ui.listing_status_labels import month_name


class SeasonDialog(QDialog):
    """Two months; a winter season wraps over the new year (November to February)."""

    def __init__(self, count: int, parent: QWidget | None = None, *, first: int = 11, last: int = 2) -> None:
        super().__init__(parent)
        self.setObjectName("seasonDialog")
        self.setWindowTitle(self.tr("Seasonal SKUs"))
        self.first = self._months(first)
        self.last = self._months(last)
        intro = QLabel(self.tr("%Ln selected SKU(s) sell only in these months. Out of season nothing is "
                               "suggested for reorder.", "", count), self)
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("From"), self.first)
        form.addRow(self.tr("To (inclusive)"), self.last)
        form.addRow(buttons)

    def _months(self, current: int) -> QComboBox:
        box = QComboBox(self)
        for month in range(1, 13):
            box.addItem(month_name(month), month)
        box.setCurrentIndex(current - 1)
        return box

    def season(self) -> tuple[int, int]:
        return int(self.first.currentData()), int(self.last.currentData())
