"""Showing problems: plain messages for known errors, a crash dialog for bugs.

An unexpected exception is logged with its traceback and shown in a dialog
that says where the log is, instead of leaving a dead window behind.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from shopkeeper.domain.errors import KnownError
from shopkeeper.ui.message_texts import window_text

log = logging.getLogger(__name__)


def known_error_title(exc: KnownError) -> str:
    return window_text(exc.title)  # a ShopWriteFailed carries the title of the fault under it


def show_error(parent: QWidget | None, exc: BaseException, log_file: Path) -> None:
    if isinstance(exc, KnownError):
        QMessageBox.warning(parent, known_error_title(exc), window_text(exc.message))
        return
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Something went wrong"))
    box.setText(
        QCoreApplication.translate("Errors", "Shopkeeper hit an unexpected problem. Your shop data is safe: unfinished changes were not saved.")
    )
    box.setInformativeText(QCoreApplication.translate("Errors", "Details were written to the log:\n{path}").format(path=log_file))
    box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    box.exec()


def install_excepthook(log_file: Path) -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        exc.__traceback__ = tb
        if QApplication.instance() is None:
            sys.__excepthook__(kind, exc, tb)
            return
        try:
            show_error(QApplication.activeWindow(), exc, log_file)
        except Exception:  # noqa: BLE001 - the hook must never raise
            sys.__excepthook__(kind, exc, tb)

    sys.excepthook = hook
