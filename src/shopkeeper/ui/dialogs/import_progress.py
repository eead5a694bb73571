"""The progress of an import, with Cancel: one bar for the whole run of files."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.messages import Message
from shopkeeper.ui.message_texts import window_text


class ImportProgressDialog(QDialog):
    def __init__(self, parent: QWidget | None, count: int) -> None:
        super().__init__(parent)
        self.setObjectName("importProgress")
        self.setWindowTitle(self.tr("Importing"))
        self.setMinimumWidth(460)
        self.label = QLabel(self.tr("Reading %Ln file(s)…", "", count), self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_progress(self, message: Message, fraction: float) -> None:
        self.label.setText(window_text(message))
        self.bar.setValue(int(max(0.0, min(1.0, fraction)) * 1000))

    def reject(self) -> None:  # Esc or the close box means Cancel
        self.cancel_button.click()
