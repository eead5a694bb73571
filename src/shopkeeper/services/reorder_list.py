"""What to buy now: the SKUs with a suggested quantity, what each costs, and the total per currency.

A line's money is suggested quantity × the SKU's cost, in the SKU's currency;
totals are kept per currency (never added across currencies). A SKU whose
cost is unknown is still listed, with no money, and counted so the window and
the report can say the total leaves it out rather than claim a full total.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.services.inventory import inventory_rows
from shopkeeper.services.inventory_settings import reorder_settings
from shopkeeper.services.table_export import write_table

_CENT = Decimal("0.01")


@dataclass(frozen=True)
class ReorderLine:
    sku: str
    product: str
    variant: str | None
    platforms: str | None
    on_hand: int
    avg_daily: Decimal
    days_cover: int | None
    reorder_point: int
    quantity: int
    pack_size: int | None
    min_order: int | None
    cost: Decimal | None
    currency: str
    value: Decimal | None     # quantity × cost; None when the cost is unknown
    stock_status: str


@dataclass(frozen=True)
class ReorderList:
    today: date
    window_days: int
    lines: tuple[ReorderLine, ...]
    totals: dict[str, Decimal]   # currency → money, lines with a known cost only
    without_cost: int            # lines left out of the totals


def reorder_list(db: Database, today: date) -> ReorderList:
    """Most urgent first (out of stock, then fewest days of cover), then by SKU."""
    rows = inventory_rows(db, today, where="suggested_qty > 0", order="urgency, sku")
    lines = tuple(
        ReorderLine(sku=r["sku"], product=r["product"], variant=r["variant"], platforms=r["platforms"],
                    on_hand=int(r["on_hand"]), avg_daily=r["avg_daily"], days_cover=r["days_cover"],
                    reorder_point=int(r["reorder_point"]), quantity=int(r["suggested_qty"]),
                    pack_size=r["pack_size"], min_order=r["min_order"], cost=r["cost"], currency=r["currency"],
                    value=None if r["order_value"] is None else Decimal(r["order_value"]).quantize(_CENT),
                    stock_status=r["stock_status"])
        for r in rows
    )
    totals: dict[str, Decimal] = {}
    for line in lines:
        if line.value is not None:
            totals[line.currency] = totals.get(line.currency, Decimal("0.00")) + line.value
    return ReorderList(today, reorder_settings(db).window_days, lines, dict(sorted(totals.items())),
                       sum(1 for line in lines if line.value is None))


CSV_HEADER = ("sku", "product", "variant", "on_hand", "avg_daily_units", "days_of_cover", "reorder_point",
              "suggested_order_qty", "pack_size", "min_order", "unit_cost", "currency", "order_value")


def reorder_rows(plan: ReorderList) -> list[tuple[object, ...]]:
    """The lines under CSV_HEADER: counts and money as numbers (to the cent), names as text."""
    return [(line.sku, line.product, line.variant, line.on_hand, f"{line.avg_daily:.2f}", line.days_cover,
             line.reorder_point, line.quantity, line.pack_size, line.min_order,
             None if line.cost is None else Decimal(line.cost).quantize(_CENT), line.currency, line.value)
            for line in plan.lines]


def write_reorder_csv(plan: ReorderList, path: Path) -> None:
    """The purchase list as CSV (UTF-8 with BOM so Excel reads Chinese titles), safe to open in a spreadsheet.

    Written to a temporary file and renamed, so a full disk never leaves half a list behind.
    """
    write_table(Path(path), CSV_HEADER, reorder_rows(plan), fmt=".csv")
