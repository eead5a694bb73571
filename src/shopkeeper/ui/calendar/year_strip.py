"""The year strip: twelve months in a row, festivals and campaigns as bars, to see the season at a glance."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QLocale, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from shopkeeper.services.promotion_calendar import FESTIVAL, CalendarItem
from shopkeeper.ui.calendar.items import item_color, item_name

_LABEL_H = 18
_LANE_H = 14


class YearStrip(QWidget):
    """Bars laid out in lanes so none overlap: the Chinese festivals, the Western ones, then campaigns."""

    monthClicked = Signal(int, int)  # year, month

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._year = date.today().year
        self._items: list[CalendarItem] = []
        self._today = date.today()
        self._lanes: list[list[CalendarItem]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(_LABEL_H + 6 * _LANE_H + 6)

    def set_year(self, year: int, items: list[CalendarItem], today: date) -> None:
        first, last = date(year, 1, 1), date(year, 12, 31)
        self._year, self._today = year, today
        self._items = [i for i in items if i.first_day <= last and i.end >= first]
        self._lanes = self._lay_out()
        self.setFixedHeight(_LABEL_H + max(len(self._lanes), 3) * _LANE_H + 6)
        self.update()

    def _lay_out(self) -> list[list[CalendarItem]]:
        lanes: list[list[CalendarItem]] = []
        groups = [[i for i in self._items if i.source == FESTIVAL and i.region == "cn"],
                  [i for i in self._items if i.source == FESTIVAL and i.region != "cn"],
                  [i for i in self._items if i.source != FESTIVAL]]
        for group in groups:
            mine: list[list[CalendarItem]] = []
            for item in sorted(group, key=lambda i: i.first_day):
                for lane in mine:
                    if lane[-1].end < item.first_day:
                        lane.append(item)
                        break
                else:
                    mine.append([item])
            lanes += mine
        return lanes

    def _x(self, day: date) -> float:
        start = date(self._year, 1, 1)
        days = (date(self._year + 1, 1, 1) - start).days
        return (day - start).days / days * self.width()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        month = min(12, max(1, int(event.position().x() / self.width() * 12) + 1))
        self.monthClicked.emit(self._year, month)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        locale = QLocale()
        for month in range(1, 13):
            x0 = self._x(date(self._year, month, 1))
            x1 = self._x(date(self._year + (month == 12), month % 12 + 1, 1))
            if month % 2 == 0:
                p.fillRect(QRectF(x0, 0, x1 - x0, self.height()), pal.color(QPalette.ColorRole.AlternateBase))
            p.setPen(pal.color(QPalette.ColorRole.Text))
            p.drawText(QRectF(x0, 0, x1 - x0, _LABEL_H), Qt.AlignmentFlag.AlignCenter,
                       locale.monthName(month, QLocale.FormatType.ShortFormat))
        if self._today.year == self._year:
            p.setPen(QColor("#c62828"))
            x = self._x(self._today)
            p.drawLine(int(x), _LABEL_H, int(x), self.height())
        start, end = date(self._year, 1, 1), date(self._year, 12, 31)
        for lane_no, lane in enumerate(self._lanes):
            y = _LABEL_H + lane_no * _LANE_H + 1
            for item in lane:
                if item.warmup_start is not None and item.warmup_end is not None:
                    self._bar(p, item, max(item.warmup_start, start), min(item.warmup_end, end), y, warmup=True)
                self._bar(p, item, max(item.start, start), min(item.end, end), y, warmup=False)
        p.end()

    def _bar(self, p: QPainter, item: CalendarItem, first: date, last: date, y: int, *, warmup: bool) -> None:
        if last < first:
            return
        x0, x1 = self._x(first), self._x(last + timedelta(days=1))
        rect = QRectF(x0, y, max(x1 - x0, 3.0), _LANE_H - 2)
        color = item_color(item, warmup=warmup)
        p.fillRect(rect, color)
        if warmup:
            return
        # A bar too short for its name keeps it to the tooltip, the month and the list.
        name = p.fontMetrics().elidedText(item_name(item), Qt.TextElideMode.ElideRight, int(rect.width()) - 3)
        if name and name != "…":
            p.setPen(QColor("#ffffff") if color.lightnessF() < 0.6 else QColor("#202020"))
            p.drawText(rect.toRect().adjusted(2, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, name)

    def event(self, e: object) -> bool:  # tooltips: what runs on the day under the mouse
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QHelpEvent
        from PySide6.QtWidgets import QToolTip

        if isinstance(e, QHelpEvent) and e.type() == QEvent.Type.ToolTip:
            start = date(self._year, 1, 1)
            days = (date(self._year + 1, 1, 1) - start).days
            day = start + timedelta(days=min(days - 1, max(0, int(e.pos().x() / max(self.width(), 1) * days))))
            names = [item_name(i) for i in self._items if i.covers(day)]
            QToolTip.showText(e.globalPos(), "\n".join([f"{day:%Y-%m-%d}", *names]), self)
            return True
        return super().event(e)  # type: ignore[arg-type]
