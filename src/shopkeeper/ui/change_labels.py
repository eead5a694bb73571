"""The names of undoable steps, as the Edit menu shows them ("Undo: cost of CL-MUG 38.67 → 40.00").

The core names a change set with a Message (a code and its values); this is
the one place that turns those codes into translated words for the menu and
the status bar. A code it does not know still reads as something plain.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from shopkeeper.domain.messages import Message


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChangeLabels", text)


def _edit(field: str) -> Callable[[Mapping[str, Any]], str]:
    return lambda p: _tr("{field} of {sku} {old} → {new}").format(
        field=_field_names().get(field, field), sku=p.get("sku", ""), old=_value(p.get("old")), new=_value(p.get("new")))


def _value(value: Any) -> str:
    return "—" if value is None or value == "" else str(value)


def _field_names() -> dict[str, str]:
    return {
        "cost": _tr("cost"),
        "price": _tr("price"),
        "on_hand": _tr("stock"),
        "reorder_point": _tr("reorder point"),
        "lead_time_days": _tr("lead time"),
    }


def _many(p: Mapping[str, Any]) -> str:
    field = _field_names().get(str(p.get("field", "")), str(p.get("field", "")))
    count = int(p.get("count", 0) or 0)
    if p.get("new") is not None:
        return _tr("{field} of {count} SKUs → {new}").format(field=field, count=count, new=_value(p.get("new")))
    return _tr("{field} of {count} SKUs").format(field=field, count=count)


def _inner(p: Mapping[str, Any]) -> str:
    """The label of the change set an undo or redo moved, carried as its code plus its own values."""
    params = {k: v for k, v in p.items() if k != "change"}
    return change_label(Message(str(p.get("change", "")), params))


def change_label(message: Message) -> str:
    """What a change set did, in the window's language."""
    p = message.params
    renderers: dict[str, Callable[[Mapping[str, Any]], str]] = {
        "change.import": lambda p: _tr("import of {file}").format(file=p.get("file", "")),
        "change.import.undone": lambda p: _tr("undo of the import of {file}").format(file=p.get("file", "")),
        "change.edit.many": _many,
        "change.edit.mixed": lambda p: _tr("{count} changes").format(count=p.get("count", "")),
        "change.undone": lambda p: _tr("Undone: {change}").format(change=_inner(p)),
        "change.redone": lambda p: _tr("Redone: {change}").format(change=_inner(p)),
    }
    code = message.code
    if code in renderers:
        return renderers[code](p)
    if code.startswith("change.edit."):
        return _edit(code.removeprefix("change.edit."))(p)
    return _tr("change ({code})").format(code=code)


def undo_text(message: Message | None) -> str:
    return _tr("&Undo") if message is None else _tr("&Undo: {change}").format(change=change_label(message))


def redo_text(message: Message | None) -> str:
    return _tr("&Redo") if message is None else _tr("&Redo: {change}").format(change=change_label(message))
