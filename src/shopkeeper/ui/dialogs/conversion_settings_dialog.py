"""When a product counts as "many sessions, low conversion": the least sessions and the highest rate.

Kept in the shop (services/ad_performance.py, with the inventory settings); Save makes one
change set, so Edit › Undo puts the previous thresholds back.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.ad_performance import ConversionSettings
from shopkeeper.domain.commands import CommandResult
from shopkeeper.services.ad_performance import conversion_settings, save_conversion_settings
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.command_dialog import CommandDialog
from shopkeeper.ui.operations import QueryOp

EDITOR = "window"


class ConversionSettingsDialog(CommandDialog):
    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.setObjectName("conversionSettingsDialog")
        self.setWindowTitle(self.tr("Low-conversion thresholds"))
        intro = QLabel(self.tr("A product is listed as converting badly when it had at least this many sessions "
                               "and fewer orders per session than this. The settings are kept in this shop."), self)
        intro.setWordWrap(True)
        self.min_sessions = QSpinBox(self)
        self.min_sessions.setObjectName("minSessions")
        self.min_sessions.setRange(1, 10_000_000)
        self.min_sessions.setSuffix(self.tr(" sessions"))
        self.max_pct = QDoubleSpinBox(self)
        self.max_pct.setObjectName("maxPct")
        self.max_pct.setRange(0, 100)
        self.max_pct.setDecimals(2)
        self.max_pct.setSingleStep(0.1)
        self.max_pct.setSuffix(" %")
        self.error_label()
        self.save_buttons(self.save, until_loaded=True)
        form = QFormLayout()
        form.addRow(self.tr("At least"), self.min_sessions)
        form.addRow(self.tr("Converting under"), self.max_pct)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        worker.query(self, QueryOp(conversion_settings), self._show, self._failed)

    def _show(self, settings: ConversionSettings) -> None:
        self.min_sessions.setValue(settings.min_sessions)
        self.max_pct.setValue(float(settings.max_pct))
        self.enable_save()

    def save(self) -> None:
        # the spin box holds two decimals; read through its text so no float digits reach the shop
        sessions, pct = self.min_sessions.value(), Decimal(f"{self.max_pct.value():.2f}")

        def run(db: Any) -> CommandResult:  # noqa: ANN401 - the worker's Database
            return save_conversion_settings(db, who=EDITOR, min_sessions=sessions, max_pct=pct)

        self.run_command(run)
