"""The campaign checks' settings: the minimum margin and the fees each platform of the shop takes.

Kept in the shop (services/campaign_checks.py); Save makes one change set, so
Edit › Undo puts the previous settings back. A platform whose fee is "not set"
is checked before fees, and the campaign says so.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.commands import CommandResult
from shopkeeper.services.campaign_checks import check_settings, save_check_settings
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.command_dialog import CommandDialog
from shopkeeper.ui.formatting import platform_label
from shopkeeper.ui.operations import QueryOp

EDITOR = "window"
_UNSET = -0.1  # the spin box's lowest value reads "not set"


def _loaded(db: Any) -> tuple[Decimal, dict[str, Decimal], list[str]]:  # noqa: ANN401 - the worker's Database
    min_margin, fees = check_settings(db)
    return min_margin, fees, [r[0] for r in db.fetchall("SELECT DISTINCT platform FROM shops ORDER BY 1")]


class CampaignCheckSettingsDialog(CommandDialog):
    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.setObjectName("campaignCheckSettingsDialog")
        self.setWindowTitle(self.tr("Campaign checks"))
        intro = QLabel(self.tr(
            "A campaign's SKUs are checked at their campaign price after cost and the platform's fees "
            "(commission and payment, as a % of the price). Kept in this shop."), self)
        intro.setWordWrap(True)
        self.min_margin = QDoubleSpinBox(self)
        self.min_margin.setObjectName("minMargin")
        self.min_margin.setRange(0, 99.9)
        self.min_margin.setDecimals(1)
        self.min_margin.setSuffix(" %")
        self.form = QFormLayout()
        self.form.addRow(self.tr("Minimum margin"), self.min_margin)
        self.fees: dict[str, QDoubleSpinBox] = {}
        self.error_label()
        self.save_buttons(self.save, until_loaded=True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        worker.query(self, QueryOp(_loaded), self._show, self._failed)

    def _show(self, loaded: tuple[Decimal, dict[str, Decimal], list[str]]) -> None:
        min_margin, fees, platforms = loaded
        self.min_margin.setValue(float(min_margin))
        for platform in platforms:
            box = QDoubleSpinBox(self)
            box.setObjectName(f"fee_{platform}")
            box.setRange(_UNSET, 99.9)
            box.setDecimals(1)
            box.setSuffix(" %")
            box.setSpecialValueText(self.tr("not set"))
            box.setValue(float(fees[platform]) if platform in fees else _UNSET)
            self.fees[platform] = box
            self.form.addRow(self.tr("{platform} fees").format(platform=platform_label(platform)), box)
        self.enable_save()

    def save(self) -> None:
        # The spin boxes hold one decimal: through text, so no binary fraction reaches the shop.
        margin = Decimal(f"{self.min_margin.value():.1f}")
        fees = {p: None if box.value() < 0 else Decimal(f"{box.value():.1f}") for p, box in self.fees.items()}

        def run(db: Any) -> CommandResult:  # noqa: ANN401 - the worker's Database
            return save_check_settings(db, who=EDITOR, min_margin_pct=margin, fees=fees)

        self.run_command(run)
