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
