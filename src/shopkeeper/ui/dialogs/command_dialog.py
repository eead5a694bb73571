"""The base of the settings and editor dialogs that save through one worker command.

Every such dialog ends the same way: on success the caller hears the result (so it can
say what changed) and the dialog closes; a KnownError — a refused value, a locked shop —
is said in the dialog's red line so the seller can correct the form without losing it.
Anything else is a bug and goes on to the crash handler instead of being shown as advice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from shopkeeper.domain.commands import CommandResult
from shopkeeper.domain.errors import KnownError
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import CommandOp

ERROR_STYLE = "color: #c62828"


class CommandDialog(QDialog):
    def __init__(self, worker: DbWorker, parent: QWidget | None = None,
                 on_saved: Callable[[CommandResult], None] | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._on_saved = on_saved
        self.error: QLabel
        self.buttons: QDialogButtonBox

    def error_label(self, name: str = "", *, wrap: bool = True) -> QLabel:
        """The hidden red line `_failed` writes to; the subclass places it in its layout."""
        self.error = QLabel(self)
        if name:
            self.error.setObjectName(name)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(wrap)
        self.error.hide()
        return self.error

    def save_buttons(self, save: Callable[[], None], *, until_loaded: bool = False,
                     other: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Cancel,
                     ) -> QDialogButtonBox:
        """Save and Cancel (or Close). `until_loaded`: Save waits for `enable_save`, so a form still
        showing its defaults cannot overwrite what the shop holds."""
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | other, self)
        self.buttons.accepted.connect(save)
        self.buttons.rejected.connect(self.reject)
        if until_loaded:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        return self.buttons

    def enable_save(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)

    def run_command(self, run: Callable[[Any], CommandResult],
                    saved: Callable[[CommandResult], None] | None = None) -> None:
        self._worker.command(self, CommandOp(run), saved or self._saved, self._failed)

    def _tell_saved(self, result: CommandResult) -> None:
        if self._on_saved is not None:
            self._on_saved(result)

    def _saved(self, result: CommandResult) -> None:
        self._tell_saved(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, KnownError):
            raise exc
        self.error.setText(window_text(exc.message))
        self.error.show()
