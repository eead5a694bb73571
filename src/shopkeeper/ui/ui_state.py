"""Window state (size, last tab, language) in an INI file beside the other config.

Never the Windows registry, and never business settings: those live in the
shop file with its data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings


class UiState:
    def __init__(self, file: Path) -> None:
        self._settings = QSettings(str(file), QSettings.Format.IniFormat)

    def geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    def last_tab(self) -> str | None:
        value = self._settings.value("window/tab")
        return str(value) if value else None

    def set_last_tab(self, name: str) -> None:
        self._settings.setValue("window/tab", name)

    def language(self) -> str | None:
        value = self._settings.value("ui/language")
        return str(value) if value else None

    def set_language(self, code: str) -> None:
        self._settings.setValue("ui/language", code)

    def last_import_folder(self) -> str:
        return str(self._settings.value("import/folder") or "")

    def set_last_import_folder(self, folder: str) -> None:
        self._settings.setValue("import/folder", folder)

    def sync(self) -> None:
        self._settings.sync()
