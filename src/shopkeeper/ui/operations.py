"""The two kinds of work the DB worker runs: queries that read and commands that write.

A `QueryOp` returns a value for one owner; with a `key`, a newer request of
the same owner replaces one that has not started (the latest chart range,
the latest search), since only the newest answer is worth showing. A
`CommandOp` changes the shop and returns a `CommandResult`; commands are never
coalesced or skipped, and their `Changes` are broadcast to every view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from shopkeeper.domain.commands import CommandResult

T = TypeVar("T")
R = TypeVar("R", bound=CommandResult)


@dataclass(frozen=True)
class QueryOp(Generic[T]):
    fn: Callable[[Any], T]
    key: str | None = None


@dataclass(frozen=True)
class CommandOp(Generic[R]):
    fn: Callable[[Any], R]
