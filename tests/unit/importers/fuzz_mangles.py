"""Hypothesis strategies that damage a real-shaped export the ways files get damaged in the wild.

Two layers: table mangles change the cells or how they are written (shuffled,
dropped and duplicated columns, a giant cell, ids as Excel saves them, empty
lines, ragged rows, another delimiter, encoding or line end), then byte mangles
damage the written file (truncated at any byte, bytes flipped, inserted or
deleted, a quote left open). `mangled_exports(seed)` draws both and gives the
file's bytes with a short account of what was done, for the failure report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from fuzz_seeds import Seed, render
from hypothesis import strategies as st

ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16", "gbk", "cp1252")
LOSSLESS_ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16")  # every character survives
DELIMITERS = (",", "\t", ";", "|")
EXPORT_DELIMITERS = (",", "\t", ";")  # what platforms and spreadsheets write
NEWLINES = ("\n", "\r\n", "\r")
# A few MiB in one cell (a pasted description, a base64 image); the reader must not choke on it.
GIANT_SIZES = (70_000, 1 << 20, 3 << 20)

_LONG_DIGITS = re.compile(r'^(="|\t|\')?([0-9]{12,})"?$')


def excel_scientific(value: str) -> str:
    """How Excel saves a long number it was allowed to parse: 3971850000000000000 -> '3.97185E+18'."""
    digits = _LONG_DIGITS.match(value)
    assert digits is not None
    number = digits.group(2)
    mantissa = (number[0] + "." + number[1:6]).rstrip("0").rstrip(".")
    return f"{mantissa}E+{len(number) - 1}"


def excel_fifteen_digits(value: str) -> str:
    """The other Excel save: the number kept, but only its first 15 digits (2890123456789012345 -> ...012000)."""
    digits = _LONG_DIGITS.match(value)
    assert digits is not None
    number = digits.group(2)
    return number[:15] + "0" * (len(number) - 15) if len(number) > 15 else number


@dataclass(frozen=True)
class Mangled:
    name: str
    data: bytes
    steps: tuple[str, ...]

    def __repr__(self) -> str:  # what Hypothesis prints for a failing example
        return f"Mangled({self.name!r}, {len(self.data)} bytes, steps={list(self.steps)})"


def _columns(seed: Seed) -> list[list[str]]:
    width = len(seed.header)
    return [[seed.header[c], *[row[c] if c < len(row) else "" for row in seed.rows if row]] for c in range(width)]


def _from_columns(seed: Seed, columns: list[list[str]]) -> Seed:
    header = [col[0] for col in columns]
    n_rows = max((len(col) - 1 for col in columns), default=0)
    rows = [[col[r + 1] for col in columns] for r in range(n_rows)]
    return seed.with_grid(header, rows)


@st.composite
def _table_mangle(draw: st.DrawFn, seed: Seed) -> tuple[Seed, str]:
    kind = draw(st.sampled_from((
        "shuffle", "drop", "duplicate", "giant", "ids", "empty_lines", "ragged", "cell", "rows",
        "delimiter", "encoding", "newline",
    )))
    width = len(seed.header)
    rows = [list(r) for r in seed.rows]
    if kind == "shuffle" and width > 1:
        order = draw(st.permutations(range(width)))
        return _from_columns(seed, [_columns(seed)[i] for i in order]), "shuffle columns"
    if kind == "drop" and width > 1:
        gone = draw(st.sets(st.integers(0, width - 1), min_size=1, max_size=width - 1))
        kept = [col for i, col in enumerate(_columns(seed)) if i not in gone]
        return _from_columns(seed, kept), f"drop columns {sorted(seed.header[i] for i in gone)}"
    if kind == "duplicate" and width > 1:
        source, target = draw(st.integers(0, width - 1)), draw(st.integers(0, width - 1))
        header = list(seed.header)
        header[target] = header[source]
        return seed.with_grid(header, rows), f"header {target} renamed to {header[source]!r}"
    if kind == "giant" and rows:
        size = draw(st.sampled_from(GIANT_SIZES))
        r, c = draw(st.integers(0, len(rows) - 1)), draw(st.integers(0, width - 1))
        rows[r] = (rows[r] + [""] * width)[:max(width, len(rows[r]))]
        rows[r][c] = draw(st.sampled_from(("x", "9", "好", '"'))) * size
        return seed.with_grid(list(seed.header), rows), f"giant cell ({size} chars) at row {r}, column {c}"
    if kind == "ids":
        id_columns = [c for c in range(width) if any(c < len(row) and _LONG_DIGITS.match(row[c]) for row in rows)]
        if id_columns:
            c = draw(st.sampled_from(id_columns))
            how = draw(st.sampled_from((excel_scientific, excel_fifteen_digits)))
            for row in rows:
                if c < len(row) and _LONG_DIGITS.match(row[c]):
                    row[c] = how(row[c])
            return seed.with_grid(list(seed.header), rows), f"column {seed.header[c]!r} ids via {how.__name__}"
    if kind == "empty_lines":
        at = draw(st.lists(st.integers(0, len(rows)), min_size=1, max_size=3))
        for index in sorted(at, reverse=True):
            rows.insert(index, [])
        before = seed.before + (("",) if draw(st.booleans()) else ())
        return replace(seed.with_grid(list(seed.header), rows), before=before), f"empty lines at {sorted(at)}"
    if kind == "ragged" and rows:
        r = draw(st.integers(0, len(rows) - 1))
        keep = draw(st.integers(0, width + 3))
        rows[r] = (rows[r] + ["extra"] * 3)[:keep]
        return seed.with_grid(list(seed.header), rows), f"row {r} cut or padded to {keep} cells"
    if kind == "cell" and rows:
        r, c = draw(st.integers(0, len(rows) - 1)), draw(st.integers(0, width - 1))
        value = draw(st.one_of(
            st.text(max_size=20),
            st.sampled_from(("-", "=\"\"", "'", "NaN", "1e999", "-0", "9" * 40, "１２３", "2020-02-30 25:61:00",
                             "\t", "\x00", "\ufeff", "¥1,234.5元", "(12.00)", "null", "#N/A")),
        ))
        rows[r] = (rows[r] + [""] * width)[:max(width, len(rows[r]))]
        rows[r][c] = value
        return seed.with_grid(list(seed.header), rows), f"cell ({r}, {c}) = {value!r}"
    if kind == "rows" and rows:
        picked = draw(st.lists(st.integers(0, len(rows) - 1), max_size=len(rows) + 2))
        return seed.with_grid(list(seed.header), [rows[i] for i in picked]), f"rows {picked}"
    if kind == "delimiter":
        delimiter = draw(st.sampled_from(DELIMITERS))
        return replace(seed, delimiter=delimiter), f"delimiter {delimiter!r}"
    if kind == "encoding":
        encoding = draw(st.sampled_from(ENCODINGS))
        return replace(seed, encoding=encoding), f"encoding {encoding}"
    if kind == "newline":
        newline = draw(st.sampled_from(NEWLINES))
        return replace(seed, newline=newline), f"line end {newline!r}"
    return seed, f"{kind} (nothing to do)"


@st.composite
def _byte_mangle(draw: st.DrawFn, data: bytes) -> tuple[bytes, str]:
    kind = draw(st.sampled_from(("truncate", "flip", "insert", "delete", "open_quote")))
    at = draw(st.integers(0, len(data)))
    if kind == "truncate":
        return data[:at], f"truncated at byte {at}"
    if kind == "flip" and at < len(data):
        mask = draw(st.integers(1, 255))
        return data[:at] + bytes([data[at] ^ mask]) + data[at + 1:], f"byte {at} xor {mask}"
    if kind == "insert":
        extra = draw(st.binary(min_size=1, max_size=8))
        return data[:at] + extra + data[at:], f"inserted {extra!r} at byte {at}"
    if kind == "delete":
        length = draw(st.integers(1, 16))
        return data[:at] + data[at + length:], f"deleted {length} bytes at {at}"
    if kind == "open_quote":
        return data[:at] + b'"' + data[at:], f"lone quote at byte {at}"
    return data, f"{kind} (nothing to do)"


@st.composite
def mangled_exports(draw: st.DrawFn, seed: Seed) -> Mangled:
    steps: list[str] = []
    for _ in range(draw(st.integers(0, 3))):
        seed, step = draw(_table_mangle(seed))
        steps.append(step)
    data = render(seed)
    for _ in range(draw(st.integers(0 if steps else 1, 2))):
        data, step = draw(_byte_mangle(data))
        steps.append(step)
    return Mangled(seed.name, data, tuple(steps))


@st.composite
def reshaped_exports(draw: st.DrawFn, seed: Seed) -> Mangled:
    """The same table written another way: columns in another order, another delimiter (where the platform
    quotes), a lossless encoding, other line ends, blank lines between rows. It must import the same."""
    steps = []
    if len(seed.header) > 1 and draw(st.booleans()):
        order = draw(st.permutations(range(len(seed.header))))
        seed = _from_columns(seed, [_columns(seed)[i] for i in order])
        steps.append("shuffle columns")
    # quoting off (Amazon) cannot take another delimiter; eBay's footer lines are always comma text
    if seed.quoting != "none" and not seed.after:
        seed = replace(seed, delimiter=draw(st.sampled_from(EXPORT_DELIMITERS)))
    seed = replace(seed, encoding=draw(st.sampled_from(LOSSLESS_ENCODINGS)), newline=draw(st.sampled_from(NEWLINES)))
    steps.append(f"{seed.delimiter!r} {seed.encoding} {seed.newline!r}")
    if seed.rows and draw(st.booleans()):
        rows = [list(r) for r in seed.rows]
        at = draw(st.integers(1, len(rows)))
        seed = seed.with_grid(list(seed.header), [*rows[:at], [], *rows[at:]])
        steps.append(f"blank line after row {at}")
    return Mangled(seed.name, render(seed), tuple(steps))
