"""`report members --json` and `report segments --json` say what a customers export states of each member
(domain/platform_totals.py) beside the figures of the orders imported, which it never changes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "importers"))
from customer_exports import current_customers, legacy_customers, orders  # noqa: E402
from export_files import import_ok, open_fresh_shop  # noqa: E402


def _json(*args: str) -> object:
    run = subprocess.run([sys.executable, "-m", "shopkeeper", "report", *args, "--json"], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_members_carry_what_the_platform_says_and_the_orders_not_imported(tmp_path: Path) -> None:
    db = open_fresh_shop(tmp_path)
    try:
        # The customers exports first: Ana's, Sin's and Leo's orders are not imported; then two of Ana's four.
        import_ok(db, current_customers(tmp_path / "customers_export.csv"))
        import_ok(db, legacy_customers(tmp_path / "customers_old.csv"))
        import_ok(db, orders(tmp_path / "orders_export.csv"))
        db.checkpoint()
    finally:
        db.close()
    shop = str(tmp_path / "shop.duckdb")
    members = _json("members", "--db", shop)
    assert isinstance(members, list)
    old_keys = {"member_id", "name", "email", "phone", "platforms", "platform_buyer_ids", "orders", "spend",
                "currency", "last_order", "status", "segment", "rfm", "churn_risk", "expected_next_order",
                "days_to_second_order", "tier", "tier_name", "points", "points_pending", "points_available"}
    assert all(old_keys | {"platform_orders", "platform_spent"} <= set(m) for m in members)
    got = sorted((m["orders"], m["platform_orders"], m["platform_spent"], m["platform_spent_currency"],
                  m["platform_orders_not_imported"]) for m in members)
    assert got == [
        (0, 0, "0.00", "CLP", 0),          # Sin: the platform says none either
        (0, 1, "86000.00", "CLP", 1),      # Leo: one order on Shopify, not imported
        (1, None, None, None, 0),          # not in a customers export
        (2, 4, "301000.00", "CLP", 2),     # Ana: four on Shopify, two imported
    ]
    # The platform's word is no order: RFM still has nothing to score for Leo.
    assert {m["segment"] for m in members if m["orders"] == 0} == {"prospects"}
    # ... and their status says the orders are not imported, where "new" (no orders) would not be true
    assert sorted((m["platform_orders"], m["status"]) for m in members if m["orders"] == 0) == [
        (0, "new"), (1, "not_imported")]
    segments = _json("segments", "--db", shop)
    assert isinstance(segments, dict) and segments["members_with_orders_not_imported"] == 2


def test_an_amount_whose_shop_currency_is_not_known_names_none(tmp_path: Path) -> None:
    db = open_fresh_shop(tmp_path)
    try:
        # Only the customers export: the shop's orders name no currency yet, so neither does the amount.
        import_ok(db, current_customers(tmp_path / "customers_export.csv"))
        db.checkpoint()
    finally:
        db.close()
    members = _json("members", "--db", str(tmp_path / "shop.duckdb"))
    assert isinstance(members, list)
    ana = next(m for m in members if m["platform_orders"] == 3)
    assert (ana["orders"], ana["platform_spent"], ana["platform_spent_currency"]) == (0, "265000.00", None)
