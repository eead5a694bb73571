"""A customers export's `Total Orders` and `Total Spent` are kept as the platform's word (migration 0030).

Both Shopify header generations store them on the buyer; they merge like the buyer's other fields (the
export where the buyer has more orders wins, whichever file came first; an orders export never writes
them), undo puts the earlier figures back, and they never count as orders, spend, segment, tier or points.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from customer_exports import current_customers, legacy_customers, orders
from export_files import import_ok, open_fresh_shop, snapshot_without_batches

from shopkeeper.db.database import Database
from shopkeeper.services.imports import undo_import
from shopkeeper.services.member_reports import member_rows

TODAY = date(2026, 11, 26)


def said(db: Database) -> list[tuple[str, int | None, Decimal | None]]:
    return db.fetchall("SELECT buyer_id, platform_orders, platform_spent FROM buyers ORDER BY buyer_id")


def test_both_header_generations_keep_total_orders_and_total_spent(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, current_customers(tmp_path / "customers_export.csv"))
    assert said(shop) == [("ana@lira.cl", 3, Decimal("265000.00")), ("sin@lira.cl", 0, Decimal("0.00"))]
    # The legacy layout (no Customer ID): Ana has four orders by then, so its figures win; Leo is new.
    import_ok(shop, legacy_customers(tmp_path / "customers_old.csv"))
    assert said(shop) == [("ana@lira.cl", 4, Decimal("301000.00")), ("leo@lira.cl", 1, Decimal("86000.00")),
                          ("sin@lira.cl", 0, Decimal("0.00"))]


def test_an_orders_export_never_writes_them(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, orders(tmp_path / "orders_export.csv"))
    assert said(shop) == [("ana@lira.cl", None, None), ("otro@lira.cl", None, None)]
    import_ok(shop, current_customers(tmp_path / "customers_export.csv"))
    assert ("ana@lira.cl", 3, Decimal("265000.00")) in said(shop)
    assert ("otro@lira.cl", None, None) in said(shop)  # not in the customers export: the platform said nothing


def test_customers_before_or_after_the_orders_give_the_same_shop(tmp_path: Path) -> None:
    files = [orders(tmp_path / "orders_export.csv"), current_customers(tmp_path / "customers_export.csv"),
             legacy_customers(tmp_path / "customers_old.csv")]
    shops = []
    for n, order in enumerate(([0, 1, 2], [1, 0, 2], [2, 1, 0], [1, 2, 0])):
        db = open_fresh_shop(tmp_path / f"shop{n}")
        try:
            for i in order:
                import_ok(db, files[i])
            shops.append((said(db), snapshot_without_batches(db)["buyers"]))
        finally:
            db.close()
    assert shops[0][0] == [("ana@lira.cl", 4, Decimal("301000.00")), ("leo@lira.cl", 1, Decimal("86000.00")),
                           ("otro@lira.cl", None, None), ("sin@lira.cl", 0, Decimal("0.00"))]
    assert all(s == shops[0] for s in shops[1:])


def test_undo_puts_the_earlier_figures_back(shop: Database, tmp_path: Path) -> None:
    [first] = import_ok(shop, orders(tmp_path / "orders_export.csv"))
    [customers] = import_ok(shop, current_customers(tmp_path / "customers_export.csv"))
    [later] = import_ok(shop, current_customers(tmp_path / "customers_later.csv", ana_orders="5",
                                                ana_spent="480000.00"))
    assert ("ana@lira.cl", 5, Decimal("480000.00")) in said(shop)
    assert later.batch_id is not None and customers.batch_id is not None
    undo_import(shop, later.batch_id)
    assert ("ana@lira.cl", 3, Decimal("265000.00")) in said(shop)
    undo_import(shop, customers.batch_id)
    assert said(shop) == [("ana@lira.cl", None, None), ("otro@lira.cl", None, None)]
    assert first.ok


def test_they_never_count_as_orders_spend_segment_tier_or_points(tmp_path: Path) -> None:
    def figures(with_customers: bool, folder: str) -> list[tuple[object, ...]]:
        db = open_fresh_shop(tmp_path / folder)
        try:
            import_ok(db, orders(tmp_path / "orders_export.csv"))
            if with_customers:
                import_ok(db, current_customers(tmp_path / "customers_export.csv"))
            return sorted((m["orders"], m["spend"], m["segment"], m["status"], m["tier"], m["points"])
                          for m in member_rows(db, TODAY) if m["orders"])
        finally:
            db.close()

    assert figures(True, "with") == figures(False, "without")
