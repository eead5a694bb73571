"""A grid of days, each cell listing the calendar items on that day as coloured chips (the month and week views)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QLocale, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from shopkeeper.services.promotion_calendar import CAMPAIGN, CalendarItem
from shopkeeper.ui.calendar.items import item_color, item_name

_HEADER = 22


class DayGrid(QWidget):
    """`rows` weeks of 7 days from `first` (a Monday); cells outside `focus_month` are dimmed."""

    dayClicked = Signal(object)  # date
    moreClicked = Signal(object)  # date: its "+N more" was clicked (the cell had no room for every item)

    def __init__(self, rows: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = rows
        self._first = date.today() - timedelta(days=date.today().weekday())
        self._focus_month: tuple[int, int] | None = None
        self._items: list[CalendarItem] = []
        self._today = date.today()
        self._selected: date | None = None
        self._more: dict[date, QRect] = {}  # where each day's "+N more" was drawn, for clicks
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(420, 120 * min(rows, 2) + _HEADER)
        self.setMouseTracking(True)

    def set_days(self, first: date, focus_month: tuple[int, int] | None) -> None:
        self._first = first - timedelta(days=first.weekday())
        self._focus_month = focus_month
        self.update()

    def set_items(self, items: list[CalendarItem], today: date) -> None:
        self._items = items
        self._today = today
        self.update()

    def select(self, day: date | None) -> None:
        self._selected = day
        self.update()

    def first_day(self) -> date:
        return self._first

    def last_day(self) -> date:
        return self._first + timedelta(days=7 * self._rows - 1)

    def items_on(self, day: date) -> list[CalendarItem]:
        """Campaigns first (they are the seller's), then festivals at their peak, then those warming up."""
        found = [i for i in self._items if i.covers(day)]
        return sorted(found, key=lambda i: (i.source != CAMPAIGN, i.is_warmup(day), i.first_day))

    def _cell(self, index: int) -> QRect:
        width = self.width() / 7
        height = (self.height() - _HEADER) / self._rows
        col, row = index % 7, index // 7
        return QRect(int(col * width), int(_HEADER + row * height), int(width) - 1, int(height) - 1)

    def _day_at(self, pos: QPoint) -> date | None:
        if pos.y() < _HEADER:
            return None
        col = int(pos.x() / (self.width() / 7))
        row = int((pos.y() - _HEADER) / ((self.height() - _HEADER) / self._rows))
        if not (0 <= col < 7 and 0 <= row < self._rows):
            return None
        return self._first + timedelta(days=row * 7 + col)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        pos = event.position().toPoint()
        day = self._day_at(pos)
        if day is not None:
            self.select(day)
            self.dayClicked.emit(day)
            more = self._more.get(day)
            if more is not None and more.contains(pos):
                self.moreClicked.emit(day)

    def event(self, e: object) -> bool:  # tooltips: every item on the day, with its window
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QHelpEvent
        from PySide6.QtWidgets import QToolTip

        if isinstance(e, QHelpEvent) and e.type() == QEvent.Type.ToolTip:
            day = self._day_at(e.pos())
            if day is None:
                QToolTip.hideText()
                return True
            lines = [f"{day:%Y-%m-%d}"] + [self._line(i, day) for i in self.items_on(day)]
            QToolTip.showText(e.globalPos(), "\n".join(lines), self)
            return True
        return super().event(e)  # type: ignore[arg-type]

    def _line(self, item: CalendarItem, day: date) -> str:
        if item.is_warmup(day):
            return self.tr("{name} (warm-up)").format(name=item_name(item))
        return item_name(item)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        locale = QLocale()
        width = self.width() / 7
        p.setPen(pal.color(QPalette.ColorRole.Text))
        for col in range(7):
            name = locale.dayName(col + 1, QLocale.FormatType.ShortFormat)
            p.drawText(QRect(int(col * width), 0, int(width), _HEADER), Qt.AlignmentFlag.AlignCenter, name)
        line_h = p.fontMetrics().height() + 2
        self._more = {}
        for index in range(7 * self._rows):
            day = self._first + timedelta(days=index)
            cell = self._cell(index)
            dim = self._focus_month is not None and (day.year, day.month) != self._focus_month
            back = pal.color(QPalette.ColorRole.AlternateBase) if dim else pal.color(QPalette.ColorRole.Base)
            p.fillRect(cell, back)
            p.setPen(QColor("#1e88e5") if day == self._selected else pal.color(QPalette.ColorRole.Mid))
            p.drawRect(cell)
            p.setPen(QColor("#c62828") if day == self._today else pal.color(
                QPalette.ColorRole.PlaceholderText if dim else QPalette.ColorRole.Text))
            label = str(day.day) if self._rows > 1 else f"{day:%m-%d}"
            p.drawText(cell.adjusted(4, 2, -4, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, label)
            items = self.items_on(day)
            room = max(0, (cell.height() - line_h - 4) // line_h)
            # every line below the date holds an item; what does not fit is counted on the date's line
            shown = items[:room]
            y = cell.top() + line_h + 2
            for item in shown:
                chip = QRect(cell.left() + 2, y, cell.width() - 4, line_h - 2)
                color = item_color(item, warmup=item.is_warmup(day))
                p.fillRect(chip, color)
                p.setPen(QColor("#ffffff") if color.lightnessF() < 0.6 else QColor("#202020"))
                text = p.fontMetrics().elidedText(self._line(item, day), Qt.TextElideMode.ElideRight, chip.width() - 4)
                p.drawText(chip.adjusted(3, 0, -1, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
                y += line_h
            if len(shown) < len(items):
                text = self.tr("+{count} more").format(count=len(items) - len(shown))
                width = min(p.fontMetrics().horizontalAdvance(text) + 2, cell.width() - 28)
                more = QRect(cell.right() - 4 - width, cell.top() + 2, width, line_h)
                p.setPen(QColor("#1e88e5"))  # a link: it opens the day's week, where every item has its line
                p.drawText(more, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                           p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width))
                self._more[day] = more
        p.end()
