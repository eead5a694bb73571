"""`shopkeeper report profit|payouts --json`: the keys a script relies on, summing to the cent."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate

sys.path.insert(0, str(Path(__file__).parent / "services"))
from money_shop import AMAZON_SETTLEMENT, import_rows, seed_shop  # noqa: E402


def _shopkeeper(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shopkeeper", *args], capture_output=True, text=True, timeout=180)


@pytest.fixture
def shop_file(tmp_path: Path) -> str:
    path = tmp_path / "shop.duckdb"
    db = Database.open(path)
    migrate(db, tmp_path / "backups")
    seed_shop(db)
    import_rows(db, "money_movements", AMAZON_SETTLEMENT)
    db.checkpoint()
    db.close()
    return str(path)


def test_report_profit_by_every_grouping_has_the_contract_keys_and_adds_up(shop_file: str) -> None:
    nets = {}
    for by in ("order", "sku", "platform", "month"):
        run = _shopkeeper("report", "profit", "--by", by, "--json", "--db", shop_file)
        assert run.returncode == 0, run.stderr
        rows = json.loads(run.stdout)
        assert rows
        for r in rows:
            assert {"key", "currency", "sales", "fees", "ads", "refunds", "cogs", "net", "estimated"} <= set(r)
            parts = (Decimal(r["sales"]) + Decimal(r["shipping"]) - Decimal(r["discounts"]) - Decimal(r["fees"])
                     - Decimal(r["ads"]) - Decimal(r["refunds"]) - Decimal(r["cogs"]))
            assert parts == Decimal(r["net"]), r
            assert Decimal(r["fees"]) == sum(Decimal(r[k]) for k in ("commission", "payment_fees",
                                                                     "shipping_labels", "other_fees"))
        nets[by] = sum(Decimal(r["net"]) for r in rows)
    assert len(set(nets.values())) == 1
    orders = {r["key"]: r for r in json.loads(_shopkeeper("report", "profit", "--by", "order", "--json",
                                                          "--db", shop_file).stdout)}
    assert orders["111-0000001-0000001"]["estimated"] is False
    assert orders["#1001"]["estimated"] is True


def test_report_payouts_json(shop_file: str) -> None:
    run = _shopkeeper("report", "payouts", "--json", "--db", shop_file)
    assert run.returncode == 0, run.stderr
    (payout,) = json.loads(run.stdout)
    assert {k: payout[k] for k in ("payout_id", "platform", "deposit", "lines_total", "difference")} == {
        "payout_id": "P-1", "platform": "amazon", "deposit": "34.15", "lines_total": "34.15", "difference": "0.00"}
    # The March Amazon order has no settlement, and it is long past 30 days by the system clock.
    assert payout["unsettled_orders"] == 1


def test_report_profit_refuses_a_grouping_it_does_not_have(shop_file: str) -> None:
    run = _shopkeeper("report", "profit", "--by", "week", "--db", shop_file)
    assert run.returncode == 1 and "--by" in run.stderr
    run = _shopkeeper("report", "sales", "--by", "sku", "--db", shop_file)
    assert run.returncode == 1 and "--by" in run.stderr
