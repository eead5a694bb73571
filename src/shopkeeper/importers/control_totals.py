"""Totals one file of a download states about another, checked when the other is imported.

Alipay's open-platform download is a zip of the 账务明细 (one row per movement)
and its 账务明细(汇总), which states what those rows add up to. The summary is not
imported; its totals ride along with the ledger's import, and the ledger is
refused when its rows do not add up to them (importers/platforms/cn_money.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ControlTotals:
    source: str       # the file that states them, named as the seller sees it
    income: Decimal   # Σ 收入, unsigned
    expense: Decimal  # Σ |支出|, unsigned
