"""Helpers for the fault tests: a generated Shopify export, the CLI in a subprocess, and a shop's exact state."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path
from typing import Any

from shopkeeper.db.database import Database
from shopkeeper.services.stats import shop_stats
from tests.unit.importers.export_files import SHOPIFY_ORDERS


def write_orders(path: Path, rows: int, *, first: int = 1000) -> Path:
    """A Shopify orders export of `rows` one-line orders (about 190 bytes a row)."""
    column = {name: i for i, name in enumerate(SHOPIFY_ORDERS)}
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(SHOPIFY_ORDERS)
        for k in range(first, first + rows):
            row = [""] * len(SHOPIFY_ORDERS)
            cells = {
                "Name": f"#{k}", "Email": f"b{k % 5000}@example.com", "Financial Status": "paid",
                "Currency": "USD", "Subtotal": "12.50", "Shipping": "1.50", "Total": "14.00",
                "Created at": f"2025-0{1 + k % 9}-1{k % 10} 10:{k % 60:02d}:00 +0000", "Lineitem quantity": "1",
                "Lineitem name": f"Mug {k % 300}", "Lineitem price": "12.50", "Lineitem sku": f"MUG-{k % 300}",
                "Billing Name": f"Buyer {k % 5000}", "Id": str(5_000_000_000_000 + k),
            }
            for name, value in cells.items():
                row[column[name]] = value
            out.writerow(row)
    return path


def shopkeeper_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "shopkeeper", *args]


def shopkeeper(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(shopkeeper_cmd(*args), capture_output=True, text=True, timeout=300)


def shop_state(shop: Path) -> dict[str, Any]:
    """Everything a seller sees of the import: headline counts and every order and line, in order."""
    db = Database.open(shop, read_only=True)
    try:
        return {
            "stats": shop_stats(db),
            "orders": db.fetchall("SELECT * EXCLUDE (batch_id) FROM orders ORDER BY ALL"),
            "lines": db.fetchall("SELECT * EXCLUDE (batch_id) FROM order_lines ORDER BY ALL"),
            "batches": db.fetchall("SELECT content_hash, member FROM import_batches WHERE undone_at IS NULL "
                                   "ORDER BY ALL"),
        }
    finally:
        db.close()
