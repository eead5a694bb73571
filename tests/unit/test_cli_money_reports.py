"""`shopkeeper report profit|payouts --json`: the keys a script relies on, summing to the cent."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate

sys.path.insert(0, str(Path(__file__).parent / "services"))
from money_shop import AMAZON_SETTLEMENT, SHOPIFY, add_order, import_rows, seed_shop  # noqa: E402


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


def test_report_profit_text_shows_every_part_so_each_row_adds_up_and_no_margin_without_a_cost(
        shop_file: str) -> None:
    # The text left shipping and discounts out (a real shop's 2021-05: 8898.27 − 312.57 printed as net 9130.70),
    # called sales what the Profit chart calls takings, and gave a 95 % margin where no unit had a cost.
    db = Database.open(Path(shop_file))
    with db.transaction():
        # a line naming no SKU (a gift wrap) and a discounted, shipped order: goods of unknown cost
        add_order(db, SHOPIFY, "#1004", "2026-03-05 10:00:00+00", [("", 3, "20.00")], shipping="4.50",
                  discount="2.25")
    db.checkpoint()
    db.close()
    for by in ("order", "month"):
        run = _shopkeeper("report", "profit", "--by", by, "--db", shop_file)
        assert run.returncode == 0, run.stderr
        header, *lines = run.stdout.splitlines()
        assert re.split(r"\s{2,}", header.strip()) == [
            {"order": "Order", "month": "Month"}[by], "Currency", "Sales", "Shipping", "Discounts", "Takings",
            "Cost of goods", "Fees", "Ads", "Partial refunds", "Net profit", "Margin %"]
        # The formula under the table names the column it takes away, not the refunds After-sales counts.
        assert "Net profit = Takings - Cost of goods - Fees - Ads - Partial refunds" in run.stdout
        rows = [re.split(r"\s{2,}", line.strip()) for line in lines if re.match(r"(#|\d{3}-|20\d\d-)", line)]
        assert len(rows) == {"order": 4, "month": 2}[by]
        figures = json.loads(_shopkeeper("report", "profit", "--by", by, "--json", "--db", shop_file).stdout)
        assert [r[0] for r in rows] == [f["key"] for f in figures]
        for row, data in zip(rows, figures, strict=True):
            sales, shipping, discounts, takings, cogs, fees, ads, refunds, net = map(Decimal, row[2:11])
            assert sales + shipping - discounts == takings, row
            assert takings - cogs - fees - ads - refunds == net == Decimal(data["net"]), row
            flags = row[12] if len(row) > 12 else ""
            if data["cost_missing"]:
                # no margin to tell: net reads too high (the chart leaves it blank too), in the JSON as in the text
                assert (row[11], data["margin_pct"]) == ("—", None) and "no cost" in flags, row
            else:
                assert row[11] == data["margin_pct"] == f"{net * 100 / takings:.1f}" and "no cost" not in flags, row
        assert any(f["cost_missing"] for f in figures) and not all(f["cost_missing"] for f in figures)
        assert "so net profit reads too high and no margin is shown" in run.stdout
    march = next(f for f in figures if f["key"] == "2026-03")
    assert (march["shipping"], march["discounts"]) == ("4.50", "2.25")
