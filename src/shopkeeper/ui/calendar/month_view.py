"""The month view: six weeks around the month, each day with its campaigns and festivals."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from shopkeeper.ui.calendar.day_grid import DayGrid


class MonthView(DayGrid):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(6, parent)

    def show_month(self, year: int, month: int) -> None:
        self.set_days(date(year, month, 1), (year, month))
