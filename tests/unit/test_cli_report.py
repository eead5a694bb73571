"""`shopkeeper report inventory|reorder`: JSON a script can sum to the cent, or a table to read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate

sys.path.insert(0, str(Path(__file__).parent / "services"))
from reorder_shop import seed_reorder_shop  # noqa: E402


def _shopkeeper(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shopkeeper", *args], capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def shop_file(tmp_path: Path) -> str:
    path = tmp_path / "shop.duckdb"
    db = Database.open(path)
    migrate(db, tmp_path / "backups")
    seed_reorder_shop(db, date.today())  # the command counts from the system clock's today
    db.checkpoint()
    db.close()
    return str(path)


def test_report_inventory_json_has_one_object_per_sku(shop_file: str) -> None:
    run = _shopkeeper("report", "inventory", "--json", "--db", shop_file)
    assert run.returncode == 0, run.stderr
    skus = {d["sku"]: d for d in json.loads(run.stdout)}
    assert set(skus) == {"MUG", "VASE", "BOWL", "TEA", "EVIL"}
    required = {"sku", "title", "platforms", "on_hand", "avg_daily_units", "days_of_cover", "reorder_point",
                "suggested_order_qty", "abc", "xyz", "cost", "margin"}
    assert all(required <= set(d) for d in skus.values())
    mug = skus["MUG"]
    assert mug["platforms"] == ["shopify", "taobao"]
    assert (mug["avg_daily_units"], mug["reorder_point"], mug["suggested_order_qty"]) == ("1.00", 21, 48)
    assert (mug["cost"], mug["margin"], mug["order_value"], mug["abc"]) == ("10.00", "10.00", "480.00", "A")
    assert skus["VASE"]["cost"] is None and skus["VASE"]["margin"] is None
    assert skus["BOWL"]["dead_stock"] is True and skus["BOWL"]["dead_stock_value"] == "250.00"
    assert skus["BOWL"]["days_of_cover"] is None
    assert not any(isinstance(v, float) for d in skus.values() for v in d.values())


def test_report_reorder_json_totals_per_currency(shop_file: str) -> None:
    run = _shopkeeper("report", "reorder", "--json", "--db", shop_file)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert [line["sku"] for line in data["lines"]] == ["EVIL", "VASE", "MUG"]
    assert data["totals"] == [{"currency": "CNY", "amount": "482.00"}]
    assert data["lines_without_cost"] == 1
    assert data["window_days"] == 30 and data["today"] == date.today().isoformat()


def test_reports_without_json_print_a_table(shop_file: str) -> None:
    inventory = _shopkeeper("report", "inventory", "--db", shop_file)
    assert inventory.returncode == 0, inventory.stderr
    assert inventory.stdout.splitlines()[0].split()[:3] == ["SKU", "On", "hand"]
    assert inventory.stdout.rstrip().endswith("5 SKUs")
    reorder = _shopkeeper("report", "reorder", "--db", shop_file)
    assert reorder.returncode == 0, reorder.stderr
    assert "3 SKUs to reorder, costing 482.00 CNY (1 without a cost are not in the total)" in reorder.stdout


def test_a_missing_shop_is_an_error_not_a_new_shop(tmp_path: Path) -> None:
    missing = tmp_path / "nope.duckdb"
    run = _shopkeeper("report", "inventory", "--json", "--db", str(missing))
    assert run.returncode == 2
    assert run.stdout == ""
    assert not missing.exists()


def test_report_inventory_json_has_status_recent_sales_and_price_range(tmp_path: Path) -> None:
    from shopkeeper.services.listing_status import set_delisted

    path = tmp_path / "shop.duckdb"
    db = Database.open(path)
    migrate(db, tmp_path / "backups")
    seed_reorder_shop(db, date.today())
    db.execute("UPDATE listings SET price = CASE listing_id WHEN 'L1' THEN 19.00 ELSE 21.50 END, currency = 'CNY'")
    set_delisted(db, ["VASE"], True, who="test")
    db.checkpoint()
    db.close()
    run = _shopkeeper("report", "inventory", "--json", "--db", str(path))
    assert run.returncode == 0, run.stderr
    skus = {d["sku"]: d for d in json.loads(run.stdout)}
    mug, vase = skus["MUG"], skus["VASE"]
    # MUG: one a day for the last 30 days, first sold 29 days ago (new), listed at 19.00 and 21.50.
    assert (mug["units_7d"], mug["units_30d"], mug["units_90d"]) == (7, 30, 30)
    assert (mug["price_min"], mug["price_max"], mug["status"], mug["season"]) == ("19.00", "21.50", "new", None)
    assert (vase["status"], vase["reorder_suggested"], vase["suggested_order_qty"]) == ("delisted", False, 0)
    assert skus["BOWL"]["units_90d"] == 0 and skus["BOWL"]["status"] == "active"
    assert skus["BOWL"]["price_min"] is None


def test_a_report_piped_into_a_reader_that_closed_says_so_in_one_line(shop_file: str) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # `| head` that has already gone: the first write meets a closed pipe
    try:
        run = subprocess.run([sys.executable, "-m", "shopkeeper", "report", "inventory", "--json", "--db", shop_file],
                             stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    assert run.returncode == 141
    assert run.stderr.strip() == "shopkeeper: report: the output was closed before everything was written."
