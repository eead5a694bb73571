"""An .xlsx export imports exactly like its CSV twin, for every Chinese platform format.

The CSV is written as the platform does (GBK, `="…"` and tab-wrapped ids, `'`
phones); the workbook holds the same rows the way Excel does (ids as text,
amounts as numbers, timestamps as date cells). Each goes into a fresh shop and
every canonical table must come out identical.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cn_exports import (
    Table,
    douyin_orders,
    douyin_settlements,
    import_files,
    jd_orders,
    pdd_orders,
    snapshot,
    taobao_lines,
    taobao_orders,
    write_csv,
    write_xlsx,
    youzan_orders,
)

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate

FORMATS: dict[str, Callable[[], Table]] = {
    "taobao-orders-new": lambda: taobao_orders("new"),
    "taobao-orders-old": lambda: taobao_orders("old"),
    "taobao-lines-new": lambda: taobao_lines("new"),
    "taobao-lines-old": lambda: taobao_lines("old"),
    "jd": jd_orders,
    "pinduoduo": pdd_orders,
    "douyin-orders": douyin_orders,
    "douyin-settlements": douyin_settlements,
    "youzan": youzan_orders,
}


def _import_into_fresh_shop(tmp_path: Path, name: str, path: Path) -> dict[str, list[tuple[object, ...]]]:
    db = Database.open(tmp_path / f"{name}.duckdb")
    try:
        migrate(db, tmp_path / f"{name}-backups")
        (outcome,) = import_files(db, tmp_path / name, path)
        assert outcome.rows_added > 0, outcome.message
        return snapshot(db)
    finally:
        db.close()


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_xlsx_imports_like_its_gbk_csv_twin(tmp_path: Path, fmt: str) -> None:
    table = FORMATS[fmt]()
    csv_path = write_csv(tmp_path / f"{fmt}.csv", table, encoding="gbk", quote_all=fmt.startswith("douyin"))
    xlsx_path = write_xlsx(tmp_path / f"{fmt}.xlsx", table)
    from_csv = _import_into_fresh_shop(tmp_path, "csv", csv_path)
    from_xlsx = _import_into_fresh_shop(tmp_path, "xlsx", xlsx_path)
    assert from_xlsx == from_csv
    assert any(from_csv[t] for t in ("orders", "order_lines", "money_movements"))


def test_xlsx_pair_in_either_order_matches_csv_pair(tmp_path: Path) -> None:
    """A 订单报表 workbook with a 宝贝报表 CSV (mixed, as sellers convert one file and not the other)."""
    orders_xlsx = write_xlsx(tmp_path / "ExportOrderList.xlsx", taobao_orders("new"))
    lines_csv = write_csv(tmp_path / "ExportOrderDetailList.csv", taobao_lines("new"))
    orders_csv = write_csv(tmp_path / "ExportOrderList.csv", taobao_orders("new"))
    shops = []
    for name, paths in (("mixed", (lines_csv, orders_xlsx)), ("csv", (orders_csv, lines_csv))):
        db = Database.open(tmp_path / f"{name}.duckdb")
        migrate(db, tmp_path / f"{name}-backups")
        import_files(db, tmp_path / name, *paths)
        shops.append(snapshot(db))
        db.close()
    assert shops[0] == shops[1]
