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
"""

from __future__ import annotations

from shopkeeper.importers.context import REJECTS, TYPED, ImportContext, q

DAMAGED_ID = "the id was damaged by a spreadsheet program; export the file again and import it as it comes"


def refusal(ctx: ImportContext) -> str | None:
    """Why the staged file is refused when most ids of one of its key columns are damaged, else None."""
    params = {"reason": DAMAGED_ID}
    if not ctx.run(f"SELECT count(*) FROM {REJECTS} WHERE reason = $reason", params).fetchone()[0]:
        return None  # the usual case: no second look at the file
    keys = [f.name for f in ctx.spec.fields if f.key and f.name in ctx.recognised.columns]
    counts = ctx.run("SELECT " + ", ".join(f"count({q(k)}), count({q(k + '__raw')})" for k in keys)
                     + f" FROM {TYPED}").fetchone()
    for i, name in enumerate(keys):
        intact, damaged = int(counts[2 * i]), int(counts[2 * i + 1])
        if damaged * 2 > intact + damaged:
            column = ctx.header(name)
            row, value = ctx.run(f"SELECT row_number, value FROM {REJECTS} WHERE reason = $reason "
                                 f"AND column_name = $column ORDER BY row_number LIMIT 1",
                                 {**params, "column": column}).fetchone()
            return (f"the ids in {column.strip()} were damaged by a spreadsheet program ({damaged:,} of "
                    f"{intact + damaged:,} ids, the first on row {row}: {value}): Excel shows long numbers in "
                    "scientific notation and saves them that way, or rounds them after 15 digits; export the file "
                    "again from the platform and import that file as it comes, without opening and saving it in a "
                    "spreadsheet (or, in Excel, format the id column as Text before saving)")
    return None
