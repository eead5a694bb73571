"""Alipay 账务明细(汇总): the summary beside the 账务明细 in Alipay's zip (money-traffic-formats.md §7.1).

The open-platform bill download (`<账号>_<日期>_账务明细.csv` and
`<账号>_<日期>_账务明细(汇总).csv`, the summary first) writes the summary like the
ledger: GBK, `#` preamble lines, then one row per 类型 (在线支付, 交易分账, 收费,
其它, 提现 ...) with its counts and amounts, a 合计 row and `#` footers:

    类型,收入笔数,收入金额（+元）,支出笔数,支出金额（-元）
    在线支付,1,598.00,0,0.00
    合计,1,598.00,6,-1342.68

Third-party parsers find the header by its first cell 类型 and take 收入金额 and
支出金额 of the 合计 row; that is all this reads. It holds no movement: it is the
control the ledger's rows must add up to (services/imports.py pairs the two).
"""

from __future__ import annotations

import csv
from decimal import Decimal, InvalidOperation
from pathlib import Path

from shopkeeper.importers.control_totals import ControlTotals
from shopkeeper.importers.reading import SourceTable
from shopkeeper.importers.reading.dialect import normalise_header

LABEL = "Alipay ledger summary (账务明细汇总)"
_FIRST = ("类型", "业务类型")
_TOTAL = ("合计", "总计")


def summary_totals(table: SourceTable) -> ControlTotals | None:
    """What the summary says its ledger adds up to; None when `table` is no such summary."""
    headers = [normalise_header(h) for h in table.headers]
    if not headers or headers[0] not in _FIRST or "账务流水号" in headers:
        return None
    income = _column(headers, "收入金额")
    expense = _column(headers, "支出金额")
    if income is None or expense is None:
        return None
    rows = _rows(table.csv_path, table.delimiter, table.skip_lines + table.header_lines)
    rows += list(csv.reader(table.footer_lines, delimiter=table.delimiter))
    cells = [[c.strip().strip("\t").strip() for c in row] for row in rows]
    totals = [row for row in cells if row and row[0].lstrip("#").rstrip("：:") in _TOTAL]
    # Without its 合计 row the summary is the sum of its rows.
    picked = totals[-1:] or [row for row in cells if row and row[0] and not row[0].startswith("#")]
    try:
        got = sum((abs(_amount(row, income)) for row in picked), Decimal("0.00"))
        spent = sum((abs(_amount(row, expense)) for row in picked), Decimal("0.00"))
    except InvalidOperation:
        return None
    return ControlTotals(source=table.display_name, income=got, expense=spent)


def _column(headers: list[str], prefix: str) -> int | None:
    return next((i for i, h in enumerate(headers) if h.startswith(prefix)), None)


def _rows(path: Path, delimiter: str, skip: int) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as source:
        return list(csv.reader(source, delimiter=delimiter))[skip:]


def _amount(row: list[str], column: int) -> Decimal:
    text = row[column].replace(",", "").replace("元", "").strip() if column < len(row) else ""
    return Decimal(text) if text not in ("", "-", "--") else Decimal("0.00")
