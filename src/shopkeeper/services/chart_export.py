"""A chart's numbers out of Shopkeeper: a CSV file, or tab-separated text a spreadsheet pastes.

The CSV is UTF-8 with a BOM (Excel reads Chinese titles), every cell guarded
against running as a formula (imports.csv_safe), written to a temporary file
and renamed so a full disk never leaves half a file behind.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message
from shopkeeper.domain.spreadsheet_cells import csv_safe

_CENT = Decimal("0.01")


def cell_text(value: object) -> str:
    """Money to the cent (converted figures carry the rate's six places); None is an empty cell."""
    if value is None:
        return ""
    exponent = value.as_tuple().exponent if isinstance(value, Decimal) else 0
    if isinstance(value, Decimal) and isinstance(exponent, int) and exponent < -2:
        return str(value.quantize(_CENT, rounding=ROUND_HALF_UP))
    return str(value)


def write_chart_csv(header: Sequence[str], rows: Iterable[Sequence[object]], path: Path) -> None:
    target = Path(path)
    tmp = target.with_name(target.name + ".partial")
    try:
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            out = csv.writer(fh, quoting=csv.QUOTE_MINIMAL)
            out.writerow([csv_safe(h) for h in header])
            for row in rows:
                out.writerow([csv_safe(cell_text(v)) for v in row])
        os.replace(tmp, target)
    except OSError as exc:
        raise KnownError(Message("export.write_failed", {"path": str(target), "reason": exc.strerror or str(exc)})) \
            from exc
    finally:
        tmp.unlink(missing_ok=True)


def tab_separated(rows: Iterable[Sequence[object]]) -> str:
    """Rows as a spreadsheet pastes them: tabs between cells, a newline after each row.

    A tab or line break inside a cell would split it across cells or rows, so it becomes a space;
    a cell is guarded like a CSV cell, since a paste runs formulas just the same.
    """
    lines = []
    for row in rows:
        cells = (csv_safe(" ".join(cell_text(v).split("\t")).replace("\r\n", " ").replace("\n", " ")
                          .replace("\r", " ")) for v in row)
        lines.append("\t".join(cells))
    return "".join(line + "\n" for line in lines)
