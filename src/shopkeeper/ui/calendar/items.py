"""How a calendar item looks: its name in the window's language and its colour."""

from __future__ import annotations

from PySide6.QtGui import QColor

from shopkeeper.domain.messages import Message
from shopkeeper.services.promotion_calendar import CAMPAIGN, OWN, TASK, CalendarItem
from shopkeeper.ui.message_texts import window_text

_CAMPAIGN = "#1e88e5"
_ALERT = "#c62828"  # a campaign failing its checks, an overdue task
_TASK = "#546e7a"
_OWN = "#43a047"
_BY_REGION = {"cn": "#e53935", "west": "#8e24aa", "global": "#ef6c00"}
_BY_KIND = {"logistics": "#757575", "holiday": "#ad1457"}


def item_name(item: CalendarItem) -> str:
    name = window_text(item.name) if isinstance(item.name, Message) else item.name
    if item.note is not None:
        name = f"{name} · {window_text(item.note)}"
    return f"⚠ {name}" if item.alert else name


def item_color(item: CalendarItem, *, warmup: bool = False) -> QColor:
    if item.source == TASK:
        color = QColor(_ALERT if item.alert else _TASK)
    elif item.source == CAMPAIGN:
        color = QColor(_CAMPAIGN)
    elif item.source == OWN:
        color = QColor(_OWN)
    else:
        color = QColor(_BY_KIND.get(item.kind) or _BY_REGION.get(item.region or "", "#ef6c00"))
    if warmup:
        # The warm-up is the same festival, paler: the eye reads it as "coming".
        color = QColor.fromHsvF(color.hsvHueF(), color.hsvSaturationF() * 0.35, min(1.0, color.valueF() * 1.1 + 0.1))
    return color
