"""Ids a spreadsheet program damaged, and when a file is refused for them.

An export opened and saved in Excel loses its long ids: Excel reads an id column
as numbers, keeps 15 significant digits, and saves a CSV the way the cell shows
the number (`3971850079190007919` -> `3.97185E+18`) or an .xlsx with the rounded
number (-> 3971850079190010000, which reading/excel.py writes out as
`3.97185007919001E+18` so that it is caught the same way). Sixty orders then
share one id, and the same file beside the original adds orders that never were.

Such an id is never kept (staging.py, `sk_id_damaged`): a row whose key id
(`Field.key`) is damaged is rejected with `DAMAGED_ID`, any other damaged id is
left empty. When more than half of the ids in a key column are damaged, the
whole file is refused instead: a spreadsheet damages a column, not a cell, so
such a file went through one as a whole; its few intact rows are no reason to
import it, and the seller needs a fresh export in any case, which brings those
rows too. Ids are counted per column, not rows per file, because some columns
are filled on an order's first row only (Shopify's `Id`). A file with only a few
damaged ids (rows pasted in from elsewhere) imports the rest and lists those.

A seller who "fixes" the scientific notation by formatting the column as a
number saves the rounded ids in full (`3971850079190010000`). One such id may be
real; a column whose long ids all end in zeros after the 15th digit is refused
the same way (`_rounded`).
"""

from __future__ import annotations

from typing import Any

from shopkeeper.domain.messages import Message
from shopkeeper.importers.context import REJECTS, TYPED, ImportContext, q

DAMAGED_ID = "reject.id_damaged"  # the reject code of a cell holding a damaged id

# Rounding is only told apart from chance over many digits: the digits after the 15th of every long id
# in the first rows must all be zeros, at least this many of them (one real id in 10**8 ends that way).
_ROUNDING_EVIDENCE = 8
_SAMPLE_ROWS = 1000


def refusal(ctx: ImportContext) -> Message | None:
    """Why the staged file is refused when most ids of one of its key columns are damaged, else None."""
    keys = [f.name for f in ctx.spec.fields if f.key and f.name in ctx.recognised.columns]
    return (_written_as_numbers(ctx, keys) or _rounded(ctx, keys)) if keys else None


def _written_as_numbers(ctx: ImportContext, keys: list[str]) -> Message | None:
    """Ids in scientific notation, which staging rejected cell by cell."""
    params = {"code": DAMAGED_ID}
    if ctx.rejected_count() == 0 or not _row(ctx, f"SELECT count(*) FROM {REJECTS} WHERE code = $code", params)[0]:
        return None  # the usual case: no second look at the file
    counts = _row(ctx, "SELECT " + ", ".join(f"count({q(k)}), count({q(k + '__raw')})" for k in keys)
                  + f" FROM {TYPED}")
    for i, name in enumerate(keys):
        intact, damaged = int(counts[2 * i]), int(counts[2 * i + 1])
        if damaged * 2 > intact + damaged:
            column = ctx.header(name) or name
            # the column's damaged ids were each rejected by staging, so it has a first one
            row, value = _row(ctx, f"SELECT row_number, value FROM {REJECTS} WHERE code = $code "
                              f"AND column_name = $column ORDER BY row_number LIMIT 1",
                              {**params, "column": column})
            return _message(column, damaged, intact + damaged, row, value)
    return None


def _rounded(ctx: ImportContext, keys: list[str]) -> Message | None:
    """Long ids written out in full after a spreadsheet rounded them (3971850079190010000).

    Each such id could be real, so no row is rejected for it; a column of them is what a
    spreadsheet leaves when its id column was formatted as a number to undo the scientific
    notation. The first rows decide, so a sound file costs one look at a thousand rows.
    """
    parts = [f"count({q(k)}), count(*) FILTER (WHERE {_long_number(q(k))}), "
             f"count(*) FILTER (WHERE {_rounded_number(q(k))}), "
             f"coalesce(sum(strlen({q(k)}) - 15) FILTER (WHERE {_rounded_number(q(k))}), 0)"
             for k in keys]
    sample = _row(ctx, f"SELECT {', '.join(parts)} FROM (SELECT {', '.join(map(q, keys))} FROM {TYPED} "
                  f"LIMIT {_SAMPLE_ROWS})")
    for i, name in enumerate(keys):
        filled, long_ids, rounded_ids, zeros = (int(x) for x in sample[4 * i:4 * i + 4])
        if rounded_ids == long_ids and rounded_ids * 2 > filled and zeros >= _ROUNDING_EVIDENCE:
            k, rounded = q(name), _rounded_number(q(name))
            total, damaged, row, value = _row(
                ctx, f"SELECT count({k}), count(*) FILTER (WHERE {rounded}), min(_row) FILTER (WHERE {rounded}), "
                f"arg_min({k}, _row) FILTER (WHERE {rounded}) FROM {TYPED}")
            return _message(ctx.header(name) or name, int(damaged), int(total), int(row), str(value))
    return None


def rounded_in_some_part(ctx: ImportContext, part_sql: str, row_in_part_sql: str) -> bool:
    """Whether `refusal` could find rounded ids in one part of the staged rows judged on its own (tables
    imported together: `part_sql` says a row's table, `row_in_part_sql` its row number in it)."""
    keys = [f.name for f in ctx.spec.fields if f.key and f.name in ctx.recognised.columns]
    if not keys:
        return False
    tests = " OR ".join(
        f"(rounded_{i} = long_{i} AND rounded_{i} * 2 > filled_{i} AND zeros_{i} >= {_ROUNDING_EVIDENCE})"
        for i in range(len(keys)))
    sample = ", ".join(f"count({q(k)}) AS filled_{i}, count(*) FILTER (WHERE {_long_number(q(k))}) AS long_{i}, "
                       f"count(*) FILTER (WHERE {_rounded_number(q(k))}) AS rounded_{i}, "
                       f"coalesce(sum(strlen({q(k)}) - 15) FILTER (WHERE {_rounded_number(q(k))}), 0) AS zeros_{i}"
                       for i, k in enumerate(keys))
    return bool(_row(ctx, f"SELECT coalesce(bool_or({tests}), FALSE) FROM (SELECT {sample} FROM {TYPED} "
                          f"WHERE {row_in_part_sql} <= {_SAMPLE_ROWS} GROUP BY {part_sql})")[0])


def _long_number(k: str) -> str:
    return f"(strlen({k}) > 15 AND regexp_full_match({k}, '[0-9]+'))"


def _rounded_number(k: str) -> str:
    """SQL: `k` has more than 15 digits and only zeros after the 15th."""
    return f"({_long_number(k)} AND strlen(rtrim({k}, '0')) <= 15)"


def _message(column: str, damaged: int, total: int, row: int, value: str) -> Message:
    return Message("import.refused.ids_damaged",
                   {"column": column.strip(), "damaged": damaged, "total": total, "row": int(row), "value": value})


def _row(ctx: ImportContext, sql: str, params: dict[str, Any] | None = None) -> tuple[Any, ...]:
    """The row of a query that always has one (an aggregate, or a reject known to exist)."""
    row = ctx.run(sql, params).fetchone()
    assert row is not None, sql
    return row
