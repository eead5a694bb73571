"""Find a quoted value that opens and never closes.

DuckDB (strict_mode=false) reads such a file without complaint when the rest of the
file fits in `max_line_size`: every later row silently becomes part of one cell. An
odd number of quote characters is the cheap hint; this module gives the verdict.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from .errors import Cancel, raise_if_cancelled

_POLL_EVERY_RECORDS = 1 << 14
# DuckDB's max_line_size: a longer line is refused by the read itself, so reading one
# whole here (a 2 GB file without line breaks) would only cost memory.
_MAX_LINE_CHARS = 16 << 20


class _LineTooLong(Exception):
    pass


def find_unclosed_quote(path: Path, delimiter: str, cancel: Cancel = None) -> int | None:
    """1-based line where a never-closed quoted value starts in UTF-8 `path`, else None."""
    last_start = 0
    start = 0
    # "replace": a file kept as UTF-8 from its first MiB may hold other bytes later; the
    # read finds those and re-reads the file, and a replaced byte never hides a quote
    with path.open(encoding="utf-8", errors="replace", newline="") as source:
        reader = csv.reader(_lines(source), delimiter=delimiter, quotechar='"', strict=False)
        try:
            for count, _cells in enumerate(reader):
                if count % _POLL_EVERY_RECORDS == 0:
                    raise_if_cancelled(cancel)
                last_start, start = start, reader.line_num
        except csv.Error:
            # a value beyond csv's 128 KiB field limit: with an odd quote count, that is
            # the rest of the file swallowed by the quote, not a real cell
            return start + 1
        except _LineTooLong:
            return None
    # an unclosed quote runs to the end of the file, so only the last record can hold it
    with path.open(encoding="utf-8", errors="replace", newline="") as source:
        tail = itertools.islice(_lines(source), last_start, None)
        try:
            for _cells in csv.reader(tail, delimiter=delimiter, quotechar='"', strict=True):
                pass
        except csv.Error as error:
            if "unexpected end of data" in str(error):
                return last_start + 1
        except _LineTooLong:
            return None
    return None


def _lines(source: TextIO) -> Iterator[str]:
    while line := source.readline(_MAX_LINE_CHARS):
        if len(line) == _MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
            raise _LineTooLong()
        yield line


def find_text_after_quote(path: Path, delimiter: str, cancel: Cancel = None) -> int | None:
    """1-based line of the first quoted value followed by more text before the delimiter ("x"é), else None.

    DuckDB's lenient reader drops such text when it is ASCII and, when it is not,
    fails as if the file were not UTF-8.
    """
    with path.open(encoding="utf-8", errors="replace", newline="") as source:
        reader = csv.reader(source, delimiter=delimiter, quotechar='"', strict=True)
        try:
            for count, _cells in enumerate(reader):
                if count % _POLL_EVERY_RECORDS == 0:
                    raise_if_cancelled(cancel)
        except csv.Error as error:
            if "expected after" in str(error):
                return reader.line_num
    return None
