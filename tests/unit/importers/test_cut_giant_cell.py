"""A file cut inside a last row that holds a giant cell is still a cut row, never a traceback (issue 7, item 9).

Found by the fuzz test: the last record was checked with csv's default 128 KiB
field limit, so a cut file whose last row had a 3 MB cell raised `_csv.Error`.
"""

from __future__ import annotations

from pathlib import Path

from export_files import run_import
from test_import_order_independence import many_orders, shopify_file

from shopkeeper.db.database import Database


def test_a_cut_last_row_with_a_giant_cell_is_rejected_as_cut(shop: Database, tmp_path: Path) -> None:
    text = shopify_file(tmp_path / "full.csv", *many_orders(5)).read_text(encoding="utf-8")
    cut = tmp_path / "cut.csv"
    # The copy stopped in the first row of #1003, just after a 300,000-character e-mail cell.
    cut.write_text(text[:text.index("\n#1003,") + 1] + '#1003,"' + "x" * 300_000 + '",pai', encoding="utf-8")
    [outcome] = run_import(shop, cut)
    assert outcome.ok and outcome.rows_rejected == 1
    assert [r[0] for r in shop.fetchall("SELECT order_number FROM orders ORDER BY 1")] == ["#1000", "#1001", "#1002"]
