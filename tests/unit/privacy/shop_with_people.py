"""A small shop of Shopify orders whose buyers carry names, e-mails and phones, for the privacy and export tests."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))

from export_files import SHOPIFY_ORDERS, import_ok, write_export  # noqa: E402

from shopkeeper.db.database import Database  # noqa: E402

# An order id longer than Excel keeps exactly (15 significant digits).
LONG_ID = "6630001234567890123"


def order(name: str, email: str, when: str, *, buyer: str, phone: str = "", total: str = "30.00",
          order_id: str | None = None, city: str = "Toronto") -> list[dict[str, str]]:
    return [{"Name": name, "Email": email, "Financial Status": "paid", "Currency": "CAD", "Total": total,
             "Subtotal": total, "Refunded Amount": "0.00", "Id": order_id or "55" + name[1:], "Created at": when,
             "Billing Name": buyer, "Shipping Name": buyer, "Billing Phone": phone, "Phone": phone,
             "Shipping City": city, "Shipping Country": "CA", "Billing Street": "1 King St",
             "Lineitem quantity": "1", "Lineitem name": "Mug", "Lineitem price": total, "Lineitem sku": "MUG-1"}]


def write_orders(path: Path, *orders: list[dict[str, str]]) -> Path:
    return write_export(path, SHOPIFY_ORDERS, [row for o in orders for row in o])


OLD_EMAIL = "old.ann@example.com"
OLD_NAME = "Ann Oldbuyer"
OLD_PHONE = "+1 416 555 0199"
NEW_EMAIL = "new.bob@example.com"
NEW_NAME = "Bob Recent"


def people_shop(db: Database, folder: Path) -> None:
    """Ann last ordered in March 2025, Bob in October 2026; Ann's second file updates her row (a prior row)."""
    first = write_orders(folder / "orders_2025.csv",
                         order("#1001", OLD_EMAIL, "2025-03-10 12:00:00 -0500", buyer=OLD_NAME, phone=OLD_PHONE,
                               order_id=LONG_ID),
                         order("#1002", NEW_EMAIL, "2025-04-10 12:00:00 -0500", buyer=NEW_NAME, total="-0.00"))
    second = write_orders(folder / "orders_2026.csv",
                          order("#1003", OLD_EMAIL, "2025-03-20 12:00:00 -0500", buyer=OLD_NAME + " Jr",
                                phone=OLD_PHONE),
                          order("#1004", NEW_EMAIL, "2026-10-10 12:00:00 -0500", buyer=NEW_NAME, total="45.50"))
    import_ok(db, first)
    import_ok(db, second)


def text_cells_containing(db: Database, needle: str) -> list[tuple[str, str]]:
    """Every (table, column) of the shop file with a text cell containing `needle` (case-insensitive)."""
    found = []
    for table, column in db.fetchall(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'"
            " AND table_catalog <> 'temp' AND data_type = 'VARCHAR'"):
        hits = db.scalar(f'SELECT count(*) FROM "{table}" WHERE contains(lower("{column}"), lower(?))', [needle])
        if hits:
            found.append((table, column))
    return found
