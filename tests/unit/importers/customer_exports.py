"""Small Shopify customers exports (both header generations) and an orders export of the same shop, in CLP."""

from __future__ import annotations

from pathlib import Path

from export_files import SHOPIFY_CUSTOMERS, SHOPIFY_CUSTOMERS_LEGACY, SHOPIFY_ORDERS, write_export


def current_customers(path: Path, *, ana_orders: str = "3", ana_spent: str = "265000.00") -> Path:
    return write_export(path, SHOPIFY_CUSTOMERS, [
        {"Customer ID": "'5897398649016", "First Name": "Ana", "Last Name": "Lira", "Email": "Ana@Lira.cl",
         "Accepts Email Marketing": "no", "Default Address City": "Santiago", "Default Address Country Code": "CL",
         "Total Spent": ana_spent, "Total Orders": ana_orders, "Tax Exempt": "no"},
        {"Customer ID": "'5905781948600", "First Name": "Sin", "Last Name": "Pedidos", "Email": "sin@lira.cl",
         "Total Spent": "0.00", "Total Orders": "0"},
    ])


def legacy_customers(path: Path) -> Path:
    return write_export(path, SHOPIFY_CUSTOMERS_LEGACY, [
        {"First Name": "Ana", "Last Name": "Lira", "Email": "ana@lira.cl", "City": "Vitacura", "Country Code": "CL",
         "Accepts Marketing": "yes", "Total Spent": "301000.00", "Total Orders": "4", "Tax Exempt": "no"},
        {"First Name": "Leo", "Last Name": "Viejo", "Email": "leo@lira.cl", "Total Spent": "86000.00",
         "Total Orders": "1", "Tax Exempt": "no"},
    ])


def orders(path: Path) -> Path:
    """Two of Ana's orders (in CLP, as the customers export's shop) and one of someone else's."""
    rows = []
    for number, email, total, day in ((1, "ana@lira.cl", "90000.00", "2026-10-01"),
                                      (2, "ana@lira.cl", "85000.00", "2026-10-20"),
                                      (3, "otro@lira.cl", "50000.00", "2026-10-21")):
        rows.append({"Name": f"#{number}", "Id": f"77{number}", "Email": email, "Financial Status": "paid",
                     "Currency": "CLP", "Subtotal": total, "Total": total, "Created at": f"{day} 12:00:00 -0300",
                     "Billing Name": "Ana Lira" if email.startswith("ana") else "Otro", "Billing City": "Santiago",
                     "Lineitem quantity": "1", "Lineitem name": "Vela", "Lineitem price": total,
                     "Lineitem sku": "VELA"})
    return write_export(path, SHOPIFY_ORDERS, rows)
