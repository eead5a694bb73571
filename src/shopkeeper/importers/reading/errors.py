"""The two ways reading a dropped file can stop early: refused, or cancelled by the user."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.message_texts import english
from shopkeeper.domain.messages import Message

Cancel = Callable[[], bool] | None


class RefusedFile(KnownError):
    """The file cannot be imported; `reason` says why ("the file is empty (0 bytes)"), as a code."""

    title = Message("title.file_refused")

    def __init__(self, path: Path, reason: Message) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason


def refused_file(path: Path, what: Message) -> RefusedFile:
    """A refusal whose `what` completes "the file …" (an `import.file.` code)."""
    return RefusedFile(path, Message("import.refused.the_file", {"what": what}))


class ImportCancelled(Exception):
    """The user asked to stop while a file was being read.

    `done` are the outcomes of the tables imported (and kept) before the stop (the
    services' FileOutcome, which this layer cannot name);
    `name` the table being imported when it came and `kept` whether that one
    was committed all the same (the stop came after its COMMIT): True, False,
    or None when the shop could not be asked.
    """

    def __init__(self, *, done: tuple[Any, ...] = (), name: str | None = None, kept: bool | None = False) -> None:
        super().__init__("import cancelled")
        self.done = done
        self.name = name
        self.kept = kept


class NotText(ValueError):
    """The bytes are not a table we read; `what` (an `import.file.` code) completes "<file> …"."""

    def __init__(self, what: Message) -> None:
        super().__init__(what)
        self.what = what

    def __str__(self) -> str:
        return english(self.what)


def raise_if_cancelled(cancel: Cancel) -> None:
    if cancel is not None and cancel():
        raise ImportCancelled()


def size_text(count: int) -> str:
    """A byte count as a seller reads it: '2 GiB', '1.5 MiB', '12 KiB'."""
    for shift, unit in ((30, "GiB"), (20, "MiB")):
        if count >= 1 << shift:
            return f"{count / (1 << shift):.1f}".removesuffix(".0") + f" {unit}"
    return f"{max(1, count >> 10)} KiB"
