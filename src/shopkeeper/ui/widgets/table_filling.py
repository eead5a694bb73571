"""Filling a QTableWidget whose columns fit their contents, without fitting them once per cell.

With a header in ResizeToContents, every setItem measures the whole column again: 500 refunded orders
× 9 columns took 37 s on the GUI thread (After-sales, a 28,000-order shop), the window frozen. Filled
inside `filling`, the columns are measured once, when the fill is done.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QHeaderView, QTableWidget


@contextmanager
def filling(table: QTableWidget) -> Iterator[None]:
    header = table.horizontalHeader()
    modes = [header.sectionResizeMode(i) for i in range(header.count())]
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    try:
        yield
    finally:
        for i, mode in enumerate(modes[: header.count()]):
            header.setSectionResizeMode(i, mode)
