"""The list view: every item of the period in date order, with its warm-up and peak windows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from shopkeeper.services.promotion_calendar import CAMPAIGN, FESTIVAL, OWN, TASK, CalendarItem
from shopkeeper.ui.calendar.items import item_color, item_name
from shopkeeper.ui.widgets.table_filling import filling

EVENT_ROLE = Qt.ItemDataRole.UserRole + 1  # the own event's id on its row


class CalendarList(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("calendarList")
        self.setHorizontalHeaderLabels([self.tr("Dates"), self.tr("Name"), self.tr("What"), self.tr("Region"),
                                        self.tr("Warm-up")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def _what(self, item: CalendarItem) -> str:
        if item.source == CAMPAIGN:
            return self.tr("Campaign")
        if item.source == OWN:
            return self.tr("Own event")
        if item.source == TASK:
            return self.tr("Overdue task") if item.alert else self.tr("Task")
        return {"holiday": self.tr("Holiday"), "logistics": self.tr("Couriers")}.get(item.kind, self.tr("Festival"))

    def _region(self, item: CalendarItem) -> str:
        return {"cn": self.tr("China"), "west": self.tr("Western shops"), "global": self.tr("Everywhere")}.get(
            item.region or "", "")

    def show_items(self, items: list[CalendarItem], first: date, last: date) -> None:
        shown = [i for i in items if i.first_day <= last and i.end >= first]
        with filling(self):
            self.setRowCount(len(shown))
            for row, item in enumerate(shown):
                when = f"{item.start:%Y-%m-%d}" if item.start == item.end else f"{item.start:%Y-%m-%d} → {item.end:%Y-%m-%d}"
                warmup = "" if item.warmup_start is None or item.warmup_end is None else \
                    f"{item.warmup_start:%m-%d} → {item.warmup_end:%m-%d}"
                cells = [when, item_name(item), self._what(item), self._region(item) if item.source == FESTIVAL else "",
                         warmup]
                for col, text in enumerate(cells):
                    cell = QTableWidgetItem(text)
                    cell.setData(Qt.ItemDataRole.UserRole, item.ref_id if item.source in (CAMPAIGN, TASK) else None)
                    cell.setData(EVENT_ROLE, item.event_id)
                    if col == 1:
                        cell.setForeground(QBrush(item_color(item)))
                    self.setItem(row, col, cell)
