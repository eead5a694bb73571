"""The loyalty programme's settings: earn rules, bonus events, expiry and tiers, with a preview of who moves.

Everything is kept in the shop (services/loyalty.py); Save makes one change set,
so Edit › Undo puts the previous programme back and recompute rewrites points
and tier history. Preview computes the tiers under what the dialog shows without
writing anything.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain import loyalty_settings as keys
from shopkeeper.domain.commands import CommandResult
from shopkeeper.runtime.clock import Clock
from shopkeeper.services.loyalty import (
    LoyaltyProgramme,
    TierPreview,
    TierRule,
    bonus_platforms,
    parse_decimal,
    preview_tiers,
    programme,
    save_programme,
)
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.command_dialog import CommandDialog
from shopkeeper.ui.formatting import platform_label
from shopkeeper.ui.operations import QueryOp

EDITOR = "window"
_EVENT_COLUMNS = ("name", "from", "to", "platform", "multiply", "add")
_PLATFORM = _EVENT_COLUMNS.index("platform")
_TIER_COLUMNS = ("name_en", "name_zh", "threshold", "keep_threshold", "points_multiplier", "benefits_en", "benefits_zh")


class LoyaltySettingsDialog(CommandDialog):
    """Edit the programme; Preview shows who would move up or down today; Save is one undoable change."""

    def __init__(self, worker: DbWorker, clock: Clock, *, chinese: bool, parent: QWidget | None = None,
                 on_saved: Callable[[CommandResult], None] | None = None) -> None:
        super().__init__(worker, parent, on_saved)
        self.setObjectName("loyaltySettingsDialog")
        self.setWindowTitle(self.tr("Loyalty settings"))
        self._clock = clock
        self._chinese = chinese
        self._programme: LoyaltyProgramme | None = None
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._earn_page(), self.tr("Earning"))
        self.tabs.addTab(self._events_page(), self.tr("Bonus events"))
        self.tabs.addTab(self._tiers_page(), self.tr("Tiers"))
        self.error_label()
        self.save_buttons(self.save, until_loaded=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(820, 600)
        self._worker.query(self, QueryOp(programme, key="loyalty-programme"), self.show_programme)

    # -- pages ----------------------------------------------------------------------------------
    def _earn_page(self) -> QWidget:
        page = QWidget(self)
        self.rate = QLineEdit(page)
        self.rate.setObjectName("pointsRate")
        self.platform_rates = QTableWidget(0, 2, page)
        self.platform_rates.setObjectName("platformRates")
        # Short headers that fit in any language; what they mean in full is the header's tooltip.
        _headers(self.platform_rates, [
            (self.tr("Platform"), ""),
            (self.tr("Points per unit"), self.tr("Points per unit of the base currency for this platform's orders; "
                                                 "empty: the rate above"))])
        self.platform_rates.verticalHeader().hide()
        self.return_days = QSpinBox(page)
        self.return_days.setRange(0, keys.MAX_DAYS)
        self.return_days.setSuffix(self.tr(" days"))
        self.expiry_model = QComboBox(page)
        self.expiry_model.addItem(self.tr("Each award expires after some months"), "months")
        self.expiry_model.addItem(self.tr("Everything earned in a year is cleared on a date the next year"), "annual")
        self.expiry_months = QSpinBox(page)
        self.expiry_months.setRange(0, 120)
        self.expiry_months.setSpecialValueText(self.tr("never"))
        self.expiry_months.setSuffix(self.tr(" months"))
        self.month_day = QLineEdit(page)
        self.month_day.setPlaceholderText("MM-DD")
        self.month_day.setInputMask("99-99")
        self.expiry_model.currentIndexChanged.connect(self._expiry_model_changed)
        form = QFormLayout(page)
        form.addRow(self.tr("Points per unit of the base currency"), self.rate)
        form.addRow(self.tr("Per platform"), self.platform_rates)
        form.addRow(self.tr("Points stay pending (return window)"), self.return_days)
        form.addRow(self.tr("Expiry"), self.expiry_model)
        form.addRow(self.tr("Each award expires after"), self.expiry_months)
        form.addRow(self.tr("Cleared on (month-day, the next year)"), self.month_day)
        return page

    def _events_page(self) -> QWidget:
        page = QWidget(self)
        self.events = QTableWidget(0, len(_EVENT_COLUMNS), page)
        self.events.setObjectName("bonusEvents")
        _headers(self.events, [
            (self.tr("Name"), ""),
            (self.tr("From"), self.tr("The event's first day, YYYY-MM-DD (included)")),
            (self.tr("To"), self.tr("The event's last day, YYYY-MM-DD (included)")),
            (self.tr("Platform"), self.tr("Only orders on this platform earn the bonus; every platform: all of them")),
            (self.tr("Points ×"), self.tr("The order's points are multiplied by this")),
            (self.tr("Extra points"), self.tr("Points added to every order placed during the event"))])
        add = QPushButton(self.tr("Add event"), page)
        add.clicked.connect(self.add_event)
        remove = QPushButton(self.tr("Remove selected"), page)
        remove.clicked.connect(self.remove_selected_events)
        tools = QHBoxLayout()
        tools.addWidget(add)
        tools.addWidget(remove)
        tools.addStretch(1)
        layout = QVBoxLayout(page)
        intro = QLabel(self.tr("Orders placed on the days of an event (both included, the order's local day) earn "
                               "more: the largest × of the events running applies, and every event's extra points "
                               "are added."), page)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.events, 1)
        layout.addLayout(tools)
        return page

    def add_event(self) -> None:
        row = self.events.rowCount()
        self.events.insertRow(row)
        # Today as the days, which shows how a date is written (the headers' tooltips say it too).
        for column in (_EVENT_COLUMNS.index("from"), _EVENT_COLUMNS.index("to")):
            self.events.setItem(row, column, QTableWidgetItem(self._clock.today().isoformat()))
        self._platform_box(row, None)

    def _platform_box(self, row: int, code: str | None) -> QComboBox:
        """A choice of the platforms a bonus can be for (labels shown, codes stored): a typed name that matches
        no platform's code would silently earn nothing."""
        box = QComboBox(self.events)
        box.addItem(self.tr("Every platform"), "")
        for platform in bonus_platforms(self._programme.platforms if self._programme else ()):
            box.addItem(platform_label(platform), platform)
        if code and box.findData(code) < 0:
            box.addItem(code, code)  # stored before the choice existed: shown as it is, and the save says why
        box.setCurrentIndex(max(0, box.findData(code or "")))
        self.events.setCellWidget(row, _PLATFORM, box)
        return box

    def remove_selected_events(self) -> None:
        for row in sorted({i.row() for i in self.events.selectedIndexes()}, reverse=True):
            self.events.removeRow(row)

    def _tiers_page(self) -> QWidget:
        page = QWidget(self)
        self.window_box = QComboBox(page)
        self.window_box.setObjectName("tierWindow")
        self.window_box.addItem(self.tr("Rolling 12 months, reviewed each membership year"), "rolling_12")
        self.window_box.addItem(self.tr("Calendar year, reviewed on 1 January"), "calendar_year")
        self.window_box.addItem(self.tr("Lifetime, never reviewed"), "lifetime")
        self.basis_box = QComboBox(page)
        self.basis_box.setObjectName("tierBasis")
        self.basis_box.addItem(self.tr("Spend in the base currency"), "spend")
        self.basis_box.addItem(self.tr("Points earned (base rate)"), "points")
        self.basis_box.addItem(self.tr("Number of orders"), "orders")
        self.tier_table = QTableWidget(0, len(_TIER_COLUMNS), page)
        self.tier_table.setObjectName("tierTable")
        _headers(self.tier_table, [
            (self.tr("Name (English)"), ""), (self.tr("Name (Chinese)"), ""),
            (self.tr("Enter at"), self.tr("A member enters the tier when what the thresholds count reaches this")),
            (self.tr("Keep at"), self.tr("At a review the member keeps the tier when the period just ended reaches "
                                         "this; empty: the same as Enter at")),
            (self.tr("Points ×"), self.tr("The tier's points multiplier")),
            (self.tr("Benefits (English)"), ""), (self.tr("Benefits (Chinese)"), "")])
        # Every tier in sight: the table is as tall as its rows, the preview takes what is left.
        self.tier_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tier_table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tier_table.itemChanged.connect(self._tier_name_changed)
        self.preview_button = QPushButton(self.tr("Preview who would move"), page)
        self.preview_button.setObjectName("previewTiers")
        self.preview_button.clicked.connect(self.preview)
        self.preview_summary = QLabel(page)
        self.preview_summary.setWordWrap(True)
        self.preview_list = QListWidget(page)
        self.preview_list.setObjectName("previewMoves")
        form = QFormLayout()
        form.addRow(self.tr("Counted over"), self.window_box)
        form.addRow(self.tr("Thresholds count"), self.basis_box)
        note = QLabel(self.tr("Members move up as soon as an order takes them over a threshold, and down only at a "
                              "review, when what they bought in the period just ended is below the keep threshold. "
                              "Refunds and cancellations do not count. History is recomputed from the orders, so "
                              "nothing is lost when you change these."), page)
        note.setWordWrap(True)
        preview = QGroupBox(self.tr("Preview"), page)
        inner = QVBoxLayout(preview)
        inner.addWidget(self.preview_button)
        inner.addWidget(self.preview_summary)
        inner.addWidget(self.preview_list, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.tier_table)
        layout.addWidget(preview, 1)
        return page

    def _tier_name(self, row: int) -> str:
        """The tier as the row header names it: its name in the window's language, as the seller typed it."""
        column = _TIER_COLUMNS.index("name_zh" if self._chinese else "name_en")
        return self._cell(self.tier_table, row, column) or (self._programme.tiers[row].code if self._programme else "")

    def _tier_name_changed(self, item: QTableWidgetItem) -> None:
        if _TIER_COLUMNS[item.column()] in ("name_en", "name_zh"):
            self.tier_table.setVerticalHeaderItem(item.row(), QTableWidgetItem(self._tier_name(item.row())))

    # -- loading --------------------------------------------------------------------------------
    def show_programme(self, loaded: LoyaltyProgramme) -> None:
        self._programme = loaded
        policy, stored = loaded.policy, loaded.settings
        self.rate.setText(f"{policy.rate.normalize():f}")
        self.platform_rates.setRowCount(len(loaded.platforms))
        for row, platform in enumerate(loaded.platforms):
            label = QTableWidgetItem(platform_label(platform))
            label.setData(256, platform)
            self.platform_rates.setItem(row, 0, label)
            self.platform_rates.setItem(row, 1, QTableWidgetItem(stored.get(keys.RATE_PREFIX + platform, "")))
        self.return_days.setValue(policy.return_days)
        self.expiry_model.setCurrentIndex(max(0, self.expiry_model.findData(policy.expiry_model)))
        self.expiry_months.setValue(min(policy.expiry_months, 120))
        self.month_day.setText("{:02d}-{:02d}".format(*policy.expiry_month_day))
        self._expiry_model_changed()
        self.events.setRowCount(len(policy.bonus_events))
        for row, event in enumerate(policy.bonus_events):
            values = (event.name, event.first.isoformat(), event.last.isoformat(), "",
                      f"{event.multiply.normalize():f}", str(event.add))
            for col, value in enumerate(values):
                if col != _PLATFORM:
                    self.events.setItem(row, col, QTableWidgetItem(value))
            self._platform_box(row, event.platform)
        _fit_columns(self.events, 110)
        _fit_columns(self.platform_rates, 120)
        self.window_box.setCurrentIndex(max(0, self.window_box.findData(policy.tier_window)))
        self.basis_box.setCurrentIndex(max(0, self.basis_box.findData(policy.tier_basis)))
        self.tier_table.setRowCount(len(loaded.tiers))
        for row, tier in enumerate(loaded.tiers):
            for col, name in enumerate(_TIER_COLUMNS):
                value = getattr(tier, name)
                text = "" if value is None else f"{value.normalize():f}" if isinstance(value, Decimal) else str(value)
                self.tier_table.setItem(row, col, QTableWidgetItem(text))
        self.tier_table.setVerticalHeaderLabels([self._tier_name(row) for row in range(len(loaded.tiers))])
        _fit_columns(self.tier_table, 70)
        self.tier_table.setFixedHeight(_rows_height(self.tier_table))
        self.enable_save()

    def _expiry_model_changed(self) -> None:
        annual = self.expiry_model.currentData() == "annual"
        self.expiry_months.setEnabled(not annual)
        self.month_day.setEnabled(annual)

    # -- what the dialog proposes ---------------------------------------------------------------
    def _cell(self, table: QTableWidget, row: int, col: int) -> str:
        item = table.item(row, col)
        return item.text().strip() if item is not None else ""

    def proposed(self) -> tuple[dict[str, str | None], list[TierRule]]:
        """The settings that differ from what is stored, and the tiers as the table shows them."""
        assert self._programme is not None
        stored = self._programme.settings
        wanted: dict[str, str | None] = {
            keys.RATE: self.rate.text().strip(),
            keys.RETURN_DAYS: str(self.return_days.value()),
            keys.EXPIRY_MODEL: str(self.expiry_model.currentData()),
            keys.EXPIRY_MONTHS: str(self.expiry_months.value()),
            keys.EXPIRY_MONTH_DAY: self.month_day.text().strip(),
            keys.TIER_WINDOW: str(self.window_box.currentData()),
            keys.TIER_BASIS: str(self.basis_box.currentData()),
        }
        for row in range(self.platform_rates.rowCount()):
            item = self.platform_rates.item(row, 0)
            platform = str(item.data(256)) if item is not None else ""
            wanted[keys.RATE_PREFIX + platform] = self._cell(self.platform_rates, row, 1) or None
        events = []
        for row in range(self.events.rowCount()):
            values = dict(zip(_EVENT_COLUMNS, (self._cell(self.events, row, c) for c in range(len(_EVENT_COLUMNS))),
                              strict=True))
            box = self.events.cellWidget(row, _PLATFORM)
            values["platform"] = str(box.currentData() or "") if isinstance(box, QComboBox) else values["platform"]
            if not any(values.values()):
                continue
            events.append({"name": values["name"], "from": values["from"], "to": values["to"],
                           "platform": values["platform"] or None, "multiply": values["multiply"] or "1",
                           "add": int(values["add"]) if values["add"].lstrip("-").isdigit() else 0})
        wanted[keys.BONUS_EVENTS] = json.dumps(events, ensure_ascii=False) if events else None
        defaults = keys.LoyaltySettings()
        changed: dict[str, str | None] = {}
        for key, value in wanted.items():
            if value == stored.get(key) or (key not in stored and value is None):
                continue
            if key not in stored and value == _default_text(key, defaults):
                continue
            changed[key] = value
        tiers = []
        for row, tier in enumerate(self._programme.tiers):
            cells = {name: self._cell(self.tier_table, row, col) for col, name in enumerate(_TIER_COLUMNS)}
            tiers.append(replace(
                tier, name_en=cells["name_en"], name_zh=cells["name_zh"],
                threshold=_number(cells["threshold"], Decimal(-1)),
                keep_threshold=_number(cells["keep_threshold"], Decimal(-1)) if cells["keep_threshold"] else None,
                points_multiplier=_number(cells["points_multiplier"], Decimal(0)),
                benefits_en=cells["benefits_en"] or None, benefits_zh=cells["benefits_zh"] or None))
        return changed, tiers

    # -- actions --------------------------------------------------------------------------------
    def preview(self) -> None:
        if self._programme is None:
            return
        settings, tiers = self.proposed()
        today = self._clock.today()
        self.preview_summary.setText(self.tr("Computing…"))

        def run(db: Any) -> TierPreview:  # noqa: ANN401 - the worker's Database
            return preview_tiers(db, settings=settings, tiers=tiers, today=today)

        self._worker.query(self, QueryOp(run, key="loyalty-preview"), self.show_preview, self._failed)

    def show_preview(self, result: TierPreview) -> None:
        self.error.hide()
        tiers = self._programme.tiers if self._programme else ()
        names = {t.code: (t.name_zh if self._chinese else t.name_en) for t in tiers}
        # The tiers from the lowest up, as the ladder goes (not by their codes' spelling).
        ranked = [t.code for t in sorted(tiers, key=lambda t: t.rank)]
        ranked += sorted(code for code in result.members_by_tier if code not in ranked)
        self.preview_summary.setText(self.tr("Today {up} member(s) would move up and {down} down.").format(
            up=f"{result.up:,}", down=f"{result.down:,}") + "  " + " · ".join(
            f"{names.get(code, code)}: {result.members_by_tier[code]:,}" for code in ranked
            if code in result.members_by_tier))
        self.preview_list.clear()
        for move in result.moves:
            arrow = "↑" if move.up else "↓"
            self.preview_list.addItem(f"{arrow} {move.name} ({move.member_id}): "
                                      f"{names.get(move.tier_from, move.tier_from)} → {names.get(move.tier_to, move.tier_to)}")

    def save(self) -> None:
        if self._programme is None:
            return
        settings, tiers = self.proposed()

        def run(db: Any) -> CommandResult:  # noqa: ANN401 - the worker's Database
            return save_programme(db, who=EDITOR, settings=settings, tiers=tiers)

        self.run_command(run)


def _headers(table: QTableWidget, headers: list[tuple[str, str]]) -> None:
    """Column headers with their tooltips; columns as wide as their header and cells, the last taking the rest."""
    for column, (text, tip) in enumerate(headers):
        item = QTableWidgetItem(text)
        if tip:
            item.setToolTip(tip)
        table.setHorizontalHeaderItem(column, item)
    table.horizontalHeader().setStretchLastSection(True)
    _fit_columns(table)


def _fit_columns(table: QTableWidget, minimum: int = 90) -> None:
    """Each column but the last as wide as its header and cells, and at least `minimum` pixels (room to type)."""
    header = table.horizontalHeader()
    for column in range(table.columnCount() - 1):
        table.resizeColumnToContents(column)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, max(header.sectionSize(column), minimum))


def _rows_height(table: QTableWidget) -> int:
    """The height that shows the header and every row (and a horizontal scroll bar, should one be needed)."""
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    return (table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth()
            + table.horizontalScrollBar().sizeHint().height())


def _number(text: str, unreadable: Decimal) -> Decimal:
    """A typed number; `unreadable` (which the save refuses with a reason) when it is none."""
    value = parse_decimal(text)
    return unreadable if value is None else value


def _default_text(key: str, defaults: keys.LoyaltySettings) -> str | None:
    """A setting's default as the dialog writes it, so an untouched field stores nothing."""
    return {
        keys.RATE: f"{defaults.rate.normalize():f}", keys.RETURN_DAYS: str(defaults.return_days),
        keys.EXPIRY_MODEL: defaults.expiry_model, keys.EXPIRY_MONTHS: str(defaults.expiry_months),
        keys.EXPIRY_MONTH_DAY: keys.DEFAULT_MONTH_DAY, keys.TIER_WINDOW: defaults.tier_window,
        keys.TIER_BASIS: defaults.tier_basis,
    }.get(key)
