"""The two ways reading a dropped file can stop early: refused, or cancelled by the user."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Cancel = Callable[[], bool] | None


class RefusedFile(Exception):
    """The file cannot be imported; `reason` is a plain-English sentence for the user."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason


class ImportCancelled(Exception):
    """The user asked to stop while a file was being read.

    `done` are the outcomes of the tables imported (and kept) before the stop;
    `name` the table being imported when it came and `kept` whether that one
    was committed all the same (the stop came after its COMMIT): True, False,
    or None when the shop could not be asked.
    """

    def __init__(self, *, done: tuple = (), name: str | None = None, kept: bool | None = False) -> None:
        super().__init__("import cancelled")
        self.done = done
        self.name = name
        self.kept = kept


class NotText(ValueError):
    """The bytes are not text in any encoding we read; the message completes 'it ...'."""


def raise_if_cancelled(cancel: Cancel) -> None:
    if cancel is not None and cancel():
        raise ImportCancelled()


def size_text(count: int) -> str:
    """A byte count as a seller reads it: '2 GiB', '1.5 MiB', '12 KiB'."""
    for shift, unit in ((30, "GiB"), (20, "MiB")):
        if count >= 1 << shift:
            return f"{count / (1 << shift):.1f}".removesuffix(".0") + f" {unit}"
    return f"{max(1, count >> 10)} KiB"
