"""Errors the seller can act on, kept apart from bugs.

A `KnownError` carries a `Message` (a code with parameters) and a title code;
the command line renders both in English, the window in its language.
`str(error)` is the English sentence, for logs. Anything else that escapes is
a bug and goes to the crash dialog with the log location.
"""

from __future__ import annotations

from typing import Any

from shopkeeper.domain.message_texts import english
from shopkeeper.domain.messages import Message


class KnownError(Exception):
    """A problem with the seller's files or machine, as a message the seller can act on."""

    title = Message("title.shopkeeper")

    def __init__(self, message: Message, *, title: Message | None = None) -> None:
        if not isinstance(message, Message):
            # A sentence here would reach the window untranslated: the core says codes only.
            raise TypeError(f"KnownError needs a Message, not {type(message).__name__}")
        super().__init__(message)
        self.message = message
        if title is not None:
            self.title = title

    def __str__(self) -> str:
        return english(self.message)


class ShopLockedError(KnownError):
    title = Message("title.shop_locked")


class DiskFullError(KnownError):
    title = Message("title.disk_full")


class NewerShopFileError(KnownError):
    title = Message("title.newer_shop")


class DamagedShopFileError(KnownError):
    title = Message("title.damaged_shop")


class ReadOnlyShopError(KnownError):
    title = Message("title.read_only_shop")


class NotAShopFileError(DamagedShopFileError):
    """A file that is not a Shopkeeper shop (another program's DuckDB database, a CSV renamed)."""

    title = Message("title.not_a_shop")


class ShopWriteFailed(KnownError):
    """The shop file failed while an import was writing: the message says which imports were kept.

    `done` are the outcomes of the tables imported (and committed) before this one (the
    services' FileOutcome, which this layer cannot name);
    `kept` says whether the failing table's own import was committed: True,
    False, or None when the shop file can no longer be asked (the caller can
    reopen it and settle that with `services.imports.settle`).
    """

    def __init__(self, cause: KnownError, *, name: str, kept: bool | None, done: tuple[Any, ...] = (),
                 key: tuple[str, str | None] | None = None) -> None:
        self.cause = cause
        self.name = name
        self.kept = kept
        self.done = done
        self.key = key  # (content hash, member) of the failed table, to ask the shop again later
        super().__init__(Message("shop.write_failed", {"cause": cause.message,
                                                       "state": import_state(name, kept, bool(done))}),
                         title=cause.title)

    def with_kept(self, kept: bool | None) -> ShopWriteFailed:
        """The same failure, once the shop has said whether the table was kept."""
        return ShopWriteFailed(self.cause, name=self.name, kept=kept, done=self.done, key=self.key)


def import_state(name: str, kept: bool | None, earlier: bool) -> Message:
    """What the shop now holds, in words that are true whatever happened after COMMIT."""
    codes = {
        (True, False): "import.state.kept",
        (True, True): "import.state.kept_with_earlier",
        (False, False): "import.state.not_kept",
        (False, True): "import.state.not_kept_with_earlier",
        (None, False): "import.state.unknown",
        (None, True): "import.state.unknown_with_earlier",
    }
    return Message(codes[kept, earlier], {"name": name})
