"""The Edit menu's names of undoable steps ("Undo: cost of CL-MUG 38.67 → 40.00").

The core names a change set with a Message (a code and its values); the
message catalogue (ui/message_texts.py) words it in the window's language.
This module only puts it into the menu's own wording, with its shortcut
letter.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from shopkeeper.domain.messages import Message
from shopkeeper.ui.message_texts import window_text


def change_label(message: Message) -> str:
    """What a change set (or an undo or redo of one) did, in the window's language."""
    return window_text(message)


def undo_text(message: Message | None) -> str:
    return QCoreApplication.translate("ChangeLabels", "&Undo") if message is None else QCoreApplication.translate("ChangeLabels", "&Undo: {change}").format(change=window_text(message))


def redo_text(message: Message | None) -> str:
    return QCoreApplication.translate("ChangeLabels", "&Redo") if message is None else QCoreApplication.translate("ChangeLabels", "&Redo: {change}").format(change=window_text(message))
