"""Ids a spreadsheet program damaged, and when a file is refused for them.

An export opened and saved in Excel loses its long ids: Excel reads an id column
as numbers, keeps 15 significant digits, and saves a CSV the way the cell shows
the number (`3971850079190007919` -> `3.97185E+18`) or an .xlsx with the rounded
number (-> 3971850079190010000, which reading/excel.py writes out as
`3.97185007919001E+18` so that it is caught the same way). Sixty orders then
share one id, and the same file beside the original adds orders that never were.

Such an id is never kept (staging.py, `sk_id_damaged`): a row whose key id
(`Field.key`) is damaged is rejected with `DAMAGED_ID`, any other damaged id is
left empty. When most rows are damaged the whole file is refused instead: a
spreadsheet damages a column, not a cell, so such a file went through one as a
whole, its few intact rows are no reason to import it, and the seller needs a
fresh export in any case, which brings those rows too. A file with only a few
damaged rows (rows pasted in from elsewhere) imports the rest and lists those.
"""

from __future__ import annotations

from shopkeeper.importers.context import REJECTS, ImportContext

DAMAGED_ID = "the id was damaged by a spreadsheet program; export the file again and import it as it comes"


def refusal(ctx: ImportContext, rows_read: int) -> str | None:
    """Why the staged file is refused when more than half of its rows have a damaged key id, else None."""
    params = {"reason": DAMAGED_ID}
    damaged = int(ctx.run(f"SELECT count(DISTINCT row_number) FROM {REJECTS} WHERE reason = $reason",
                          params).fetchone()[0])
    if damaged * 2 <= rows_read:
        return None
    row, column, value = ctx.run(f"SELECT row_number, column_name, value FROM {REJECTS} WHERE reason = $reason "
                                 f"ORDER BY row_number, column_name LIMIT 1", params).fetchone()
    return (f"the ids in {column} were damaged by a spreadsheet program ({damaged:,} of {rows_read:,} rows, "
            f"the first on row {row}: {value}): Excel shows long numbers in scientific notation and saves them "
            "that way, or rounds them after 15 digits; export the file again from the platform and import that "
            "file as it comes, without opening and saving it in a spreadsheet (or, in Excel, format the id "
            "column as Text before saving)")
