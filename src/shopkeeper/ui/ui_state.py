"""Window state (size, last tab, language) in an INI file beside the other config.

Never the Windows registry, and never business settings: those live in the
shop file with its data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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

    def tab_state(self, tab: str) -> dict[str, Any]:
        """A tab's remembered columns, sort and splitter sizes (empty when none or unreadable)."""
        try:
            value = json.loads(str(self._settings.value(f"tabs/{tab}") or "{}"))
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def set_tab_state(self, tab: str, state: dict[str, Any]) -> None:
        # JSON rather than QHeaderView.saveState: that blob is by position, and columns are kept by name.
        self._settings.setValue(f"tabs/{tab}", json.dumps(state, sort_keys=True))

    def sync(self) -> None:
        self._settings.sync()
