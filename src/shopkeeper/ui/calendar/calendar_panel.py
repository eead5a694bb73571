"""The calendar as the Promotions tab shows it: the year strip over a month, week or list view, with navigation."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.services.promotion_calendar import CalendarItem
from shopkeeper.ui.calendar.list_view import EVENT_ROLE, CalendarList
from shopkeeper.ui.calendar.month_view import MonthView
from shopkeeper.ui.calendar.week_view import WeekView
from shopkeeper.ui.calendar.year_strip import YearStrip

MONTH, WEEK, LIST = 0, 1, 2


class CalendarPanel(QWidget):
    """Shows items for the span it asks for: `spanNeeded(first, last)` when navigation leaves what it holds."""

    spanNeeded = Signal(object, object)  # first, last (dates)
    dayChosen = Signal(object)  # date
    campaignChosen = Signal(int)  # promotion_id (from the list view)
    eventChosen = Signal(int, str)  # an own event's id and name (from the list view)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = date.today()
        self._anchor = self._today
        self._items: list[CalendarItem] = []
        self._held: tuple[date, date] | None = None

        self.strip = YearStrip(self)
        self.strip.monthClicked.connect(lambda y, m: self.go_to(date(y, m, 1)))
        self.month = MonthView(self)
        self.week = WeekView(self)
        self.list = CalendarList(self)
        for grid in (self.month, self.week):
            grid.dayClicked.connect(self._day_clicked)
        # a crowded day in the month: its week has room for every item
        self.month.moreClicked.connect(self._week_of)
        self.list.itemDoubleClicked.connect(self._list_chosen)
        self.stack = QStackedWidget(self)
        for view in (self.month, self.week, self.list):
            self.stack.addWidget(view)

        self.previous = QToolButton(self)
        self.previous.setText("◀")
        self.previous.setToolTip(self.tr("Previous"))
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next = QToolButton(self)
        self.next.setText("▶")
        self.next.setToolTip(self.tr("Next"))
        self.next.clicked.connect(lambda: self._step(1))
        self.today_button = QPushButton(self.tr("Today"), self)
        self.today_button.clicked.connect(lambda: self.go_to(self._today))
        self.period = QLabel(self)
        self.period.setObjectName("calendarPeriod")
        self.modes = QButtonGroup(self)
        mode_row = QHBoxLayout()
        for mode, text in ((MONTH, self.tr("Month")), (WEEK, self.tr("Week")), (LIST, self.tr("List"))):
            button = QPushButton(text, self)
            button.setCheckable(True)
            button.setChecked(mode == MONTH)
            self.modes.addButton(button, mode)
            mode_row.addWidget(button)
        self.modes.idClicked.connect(self.set_mode)

        bar = QHBoxLayout()
        bar.addWidget(self.previous)
        bar.addWidget(self.today_button)
        bar.addWidget(self.next)
        bar.addWidget(self.period, 1)
        bar.addLayout(mode_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.strip)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

    def mode(self) -> int:
        return self.stack.currentIndex()

    def set_mode(self, mode: int) -> None:
        self.stack.setCurrentIndex(mode)
        button = self.modes.button(mode)
        if button is not None:
            button.setChecked(True)
        self._show()

    def set_today(self, today: date) -> None:
        self._today = today

    def go_to(self, day: date) -> None:
        self._anchor = day
        self._show()

    def _step(self, direction: int) -> None:
        if self.mode() == WEEK:
            self.go_to(self._anchor + timedelta(days=7 * direction))
            return
        month = self._anchor.month - 1 + direction
        self.go_to(date(self._anchor.year + month // 12, month % 12 + 1, 1))

    def span(self) -> tuple[date, date]:
        """The days the panel needs items for: the anchor's whole year, and the weeks of its month around it."""
        year = self._anchor.year
        return date(year, 1, 1) - timedelta(days=7), date(year, 12, 31) + timedelta(days=42)

    def set_items(self, items: list[CalendarItem], first: date, last: date) -> None:
        self._items = items
        self._held = (first, last)
        self._show()

    def _show(self) -> None:
        first, last = self.span()
        if self._held is None or not (self._held[0] <= first and last <= self._held[1]):
            self.spanNeeded.emit(first, last)
        anchor = self._anchor
        locale = QLocale()
        self.strip.set_year(anchor.year, self._items, self._today)
        for grid in (self.month, self.week):
            grid.set_items(self._items, self._today)
            grid.select(anchor)
        self.month.show_month(anchor.year, anchor.month)
        self.week.show_week(anchor)
        if self.mode() == WEEK:
            start = self.week.first_day()
            self.period.setText(self.tr("Week of {day}").format(day=f"{start:%Y-%m-%d}"))
        else:
            # A Qt date pattern per language: "December 2026", and 2026年12月 rather than 十二月 2026.
            self.period.setText(locale.toString(QDate(anchor.year, anchor.month, 1),
                                                self.tr("MMMM yyyy", "month and year above the calendar")))
        if self.mode() == LIST:
            month_first = date(anchor.year, anchor.month, 1)
            month_last = (month_first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            self.list.show_items(self._items, month_first, month_last)

    def _week_of(self, day: date) -> None:
        self._anchor = day
        self.set_mode(WEEK)

    def _day_clicked(self, day: date) -> None:
        self._anchor = day
        self.dayChosen.emit(day)

    def _list_chosen(self) -> None:
        row = self.list.currentRow()
        cell = self.list.item(row, 0) if row >= 0 else None
        if cell is None:
            return
        campaign, event = cell.data(Qt.ItemDataRole.UserRole), cell.data(EVENT_ROLE)
        if campaign is not None:
            self.campaignChosen.emit(int(campaign))
        elif event is not None:
            name = self.list.item(row, 1)
            self.eventChosen.emit(int(event), name.text() if name is not None else "")
