"""Errors the seller can act on, kept apart from bugs.

A `KnownError` carries a short title and a plain sentence for a dialog or the
command line; anything else that escapes is a bug and goes to the crash dialog
with the log location.
"""

from __future__ import annotations


class KnownError(Exception):
    """A problem with the seller's files or machine, explained in plain words."""

    title = "Shopkeeper"

    def __init__(self, message: str, *, title: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if title is not None:
            self.title = title


class ShopLockedError(KnownError):
    title = "Shop already open"


class DiskFullError(KnownError):
    title = "Disk full"


class NewerShopFileError(KnownError):
    title = "Shop made by a newer Shopkeeper"


class DamagedShopFileError(KnownError):
    title = "Shop file cannot be read"


class ReadOnlyShopError(KnownError):
    title = "Shop file is read-only"


class NotAShopFileError(DamagedShopFileError):
    """A file that is not a Shopkeeper shop (another program's DuckDB database, a CSV renamed)."""

    title = "Not a Shopkeeper shop"


class ShopWriteFailed(KnownError):
    """The shop file failed while an import was writing: the message says which imports were kept.

    `done` are the outcomes of the tables imported (and committed) before this one;
    `kept` says whether the failing table's own import was committed: True,
    False, or None when the shop file can no longer be asked (the caller can
    reopen it and settle that with `services.imports.settle`).
    """

    def __init__(self, cause: KnownError, *, name: str, kept: bool | None, done: tuple = (),
                 key: tuple[str, str | None] | None = None) -> None:
        self.cause = cause
        self.name = name
        self.kept = kept
        self.done = done
        self.key = key  # (content hash, member) of the failed table, to ask the shop again later
        self.title = cause.title
        super().__init__(f"{cause.message} {state_sentence(name, kept, bool(done))}")

    def with_kept(self, kept: bool | None) -> ShopWriteFailed:
        """The same failure, once the shop has said whether the table was kept."""
        return ShopWriteFailed(self.cause, name=self.name, kept=kept, done=self.done, key=self.key)


def state_sentence(name: str, kept: bool | None, earlier: bool) -> str:
    """What the shop now holds, in words that are true whatever happened after COMMIT."""
    before = " Files listed above as imported were kept." if earlier else ""
    if kept is True:
        return f"{name} was imported and kept; importing it again says already imported.{before}"
    if kept is False:
        if earlier:
            return f"{name} was not imported.{before}"
        return f"{name} was not imported; the shop is as it was before."
    return (f"Shopkeeper could not check whether {name} was kept: import it again to find out "
            f"(it says already imported if it was).{before}")
