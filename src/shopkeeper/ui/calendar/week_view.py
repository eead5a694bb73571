"""The week view: seven tall days, room for every item's full name."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from shopkeeper.ui.calendar.day_grid import DayGrid


class WeekView(DayGrid):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(1, parent)

    def show_week(self, day: date) -> None:
        self.set_days(day, None)
