"""A file cut short in the middle of its last row (a download or a copy that stopped).

Such a file has no line break at its end and its last record has fewer fields
than the header. DuckDB pads that record with empty cells, so without this
check the fragment would be imported as a row with its last columns empty
(a Shopify order without its `Id`, keyed by `Name`, duplicating the real one).
Only the tail of the file is read.
"""

from __future__ import annotations

import csv
import io
import re

from .source_table import SourceTable

# A record longer than this is not checked (no real last row is that long).
_TAIL_BYTES = 1 << 20
_LINE_BREAK = re.compile(r"\r\n|\n|\r")


def cut_last_record(table: SourceTable) -> int | None:
    """The number of fields of the table's last record when the file ends inside it, else None."""
    path = table.csv_path
    size = path.stat().st_size
    if size == 0:
        return None
    with path.open("rb") as source:
        source.seek(max(0, size - _TAIL_BYTES))
        tail = source.read()
    if tail.endswith((b"\n", b"\r")):
        return None
    lines = _LINE_BREAK.split(tail.decode("utf-8", errors="replace"))
    start = len(lines) - 1
    quote = table.quote
    if quote:
        # A record starts where the lines after it hold an even number of quotes; the first
        # line of the tail may be partial, so the walk stops before it.
        quotes = lines[start].count(quote)
        while quotes % 2 and start > 1:
            start -= 1
            quotes += lines[start].count(quote)
        if quotes % 2:
            return None  # cut inside a quoted value: reading refuses that file already
    record = "\n".join(lines[start:])
    # A cell may be as long as the tail itself (csv's default limit is 128 KiB; raising it is process-wide
    # and harmless: the limit only guards against unbounded reads, and the tail is bounded already).
    if csv.field_size_limit() < _TAIL_BYTES:
        csv.field_size_limit(_TAIL_BYTES)
    reader = csv.reader(io.StringIO(record), delimiter=table.delimiter, quotechar=quote or '"',
                        quoting=csv.QUOTE_MINIMAL if quote else csv.QUOTE_NONE)
    fields = next(reader, [])
    return len(fields) if 0 < len(fields) < len(table.headers) else None
