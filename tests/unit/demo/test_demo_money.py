"""The demo's money: settlements and payouts imported from report files, as the seller's would be.

What the demo must show a seller trying it: settled and estimated orders side by side, a payout
whose deposit does not match its lines, and money that always finds its order.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.db.rule_macros import install_rule_macros
from shopkeeper.demo.money_reports import RESERVE_SHARE, UNSETTLED_DAYS
from shopkeeper.demo.shop import build_demo_shop
from shopkeeper.services.imports import undo_import

TODAY = date(2026, 11, 26)
SETTLING = ("taobao:Demo shop", "douyin:Demo shop", "shopify:Demo shop")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("demo_money")
    db = Database.open(folder / "shop.duckdb")
    migrate(db, folder / "bk")
    build_demo_shop(db, today=TODAY)
    db.checkpoint()
    db.close()
    yield folder / "shop.duckdb"


@pytest.fixture
def db(demo_file: Path) -> Iterator[Database]:
    shop = Database.open(demo_file, read_only=True)
    yield shop
    shop.close()


def _report(demo_file: Path, *args: str) -> list[dict]:
    run = subprocess.run([sys.executable, "-m", "shopkeeper", "report", *args, "--json", "--db", str(demo_file)],
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_the_money_came_through_the_importers(db: Database) -> None:
    imports = db.fetchall("SELECT file_name, platform, kind, rows_rejected, file_path FROM import_batches"
                          " WHERE kind NOT IN ('demo', 'link', 'campaign', 'edit') ORDER BY batch_id")
    assert [(name, platform, kind) for name, platform, kind, _, _ in imports] == [
        ("payment_transactions_export_1.csv", "shopify", "payment_transactions"),
        ("payouts_export.csv", "shopify", "payouts"),
        ("支付宝账务明细.csv", "taobao", "settlements"),
        ("资金流水明细.csv", "douyin", "settlements"),
    ]
    assert {rejected for _, _, _, rejected, _ in imports} == {0}
    # the files were temporary: nothing points at them any more
    assert {path for *_, path in imports} == {None}
    assert db.fetchall("SELECT DISTINCT report FROM money_movements ORDER BY 1") == [
        ("alipay_ledger",), ("douyin_fund_flow",), ("shopify_payment_transactions",)]
    kinds = {k for (k,) in db.fetchall("SELECT DISTINCT kind FROM money_movements")}
    assert {"sale", "commission", "payment_fee", "refund"} <= kinds


def test_report_payouts_shows_payouts_that_do_not_reconcile(demo_file: Path) -> None:
    payouts = _report(demo_file, "payouts")
    assert len(payouts) > 300  # two years of daily Shopify payouts
    for p in payouts:
        assert {"payout_id", "platform", "deposit", "lines_total", "difference", "unsettled_orders"} <= set(p)
        opening = Decimal(p["opening_balance"] or 0)
        assert Decimal(p["deposit"]) - opening - Decimal(p["lines_total"]) == Decimal(p["difference"])
        assert p["platform"] in ("shopify", "taobao") and p["lines"] > 0
    # the Alipay ledger's monthly 提现 each carry their month and empty the account: all reconcile, no gap
    ledger = [p for p in payouts if p["balance_ledger"]]
    assert len(ledger) >= 12 and {p["platform"] for p in ledger} == {"taobao"}
    assert all(p["difference"] == "0.00" and p["balance_breaks"] == [] for p in ledger)
    off = sorted((p for p in payouts if Decimal(p["difference"]) != 0), key=lambda p: p["paid_at"])
    assert len(off) == 2, off
    missing_line, reserve = off
    # an older export lost a charge line: more reached the bank than the lines say, and its order is unsettled
    assert Decimal(missing_line["difference"]) > 0
    assert missing_line["unsettled_orders"] >= 1
    # the newest held back a reserve: less reached the bank
    assert Decimal(reserve["difference"]) < 0


def test_report_profit_has_settled_and_estimated_orders(demo_file: Path) -> None:
    orders = [r for r in _report(demo_file, "profit", "--by", "order") if r["key"] is not None]
    settled = {(r["shop_id"], r["key"]) for r in orders if not r["estimated"]}
    estimated = {(r["shop_id"], r["key"]) for r in orders if r["estimated"]}
    assert len(settled) > 8000
    assert len(estimated) > 2000  # Etsy has no settlements, the newest orders none yet
    assert {shop for shop, _ in settled} == set(SETTLING)
    # orders of the last two weeks are not settled yet, older orders of the settling shops are
    cutoff = TODAY - timedelta(days=UNSETTLED_DAYS)
    db = Database.open(demo_file, read_only=True)
    try:
        install_rule_macros(db)
        days = {(s, o): d for s, o, d in db.fetchall("SELECT shop_id, order_id, day FROM sk_sales()")}
    finally:
        db.close()
    # (the rest of the settled keys are the fees of refunded orders, rows of their own: not sales)
    assert len(settled & days.keys()) > 8000
    assert all(days[k] < cutoff for k in settled & days.keys())
    recent = {k for k, d in days.items() if k[0] in SETTLING and d >= cutoff + timedelta(days=1)}
    assert recent and recent <= estimated


def test_every_settled_orders_movements_join_an_order(db: Database) -> None:
    # (a 提现 moves the shop's Alipay balance to the bank: it is about no order)
    assert db.scalar("SELECT count(*) FROM money_movements WHERE order_id IS NULL AND kind <> 'payout'") == 0
    assert db.scalar("""SELECT count(*) FROM money_movements m ANTI JOIN orders o
                        ON o.shop_id = m.shop_id AND o.order_id = m.order_id WHERE m.kind <> 'payout'""") == 0
    # Shopify's report names an order '#1234': the movement carries the order's own id
    assert db.scalar("SELECT count(*) FROM money_movements WHERE order_id LIKE '#%'") == 0
    # every Shopify movement is in a payout, and the payouts' lines are every movement
    assert db.scalar("SELECT count(*) FROM money_movements WHERE shop_id = 'shopify:Demo shop'"
                     " AND payout_id IS NULL") == 0


def test_the_differences_are_the_reserve_and_the_lost_line(db: Database) -> None:
    off = db.fetchall("""
        SELECT p.payout_id, p.deposit, sum(m.amount), sum(m.amount) FILTER (WHERE m.kind = 'sale')
        FROM payouts p JOIN money_movements m USING (shop_id, payout_id)
        WHERE p.shop_id = 'shopify:Demo shop'  -- a 提现 names none of its lines (test_report_payouts_…)
        GROUP BY p.payout_id, p.deposit, p.paid_at HAVING p.deposit <> sum(m.amount) ORDER BY p.paid_at""")
    assert len(off) == 2
    (_, lost_deposit, lost_lines, _), (_, deposit, lines, charges) = off
    assert lines - deposit == (charges * RESERVE_SHARE).quantize(Decimal("0.01"))
    # the lost line is one sale of an order no movement names, less Shopify's fee on it
    unsettled = db.fetchall("""
        SELECT o.total FROM orders o WHERE o.shop_id = 'shopify:Demo shop' AND o.status NOT IN ('cancelled', 'pending')
          AND NOT EXISTS (SELECT 1 FROM money_movements m WHERE m.shop_id = o.shop_id AND m.order_id = o.order_id)
          AND o.ordered_at < TIMESTAMPTZ '2026-10-01 00:00:00+00'""")
    assert len(unsettled) == 1
    total = unsettled[0][0]
    assert lost_deposit - lost_lines == total - (total * Decimal("0.029") + Decimal("0.30")).quantize(Decimal("0.01"))


def test_undoing_the_settlements_makes_the_orders_estimated_again(tmp_path: Path, demo_file: Path) -> None:
    copy = tmp_path / "shop.duckdb"
    copy.write_bytes(demo_file.read_bytes())
    shop = Database.open(copy)
    try:
        ledger = shop.scalar("SELECT batch_id FROM import_batches WHERE file_name = '支付宝账务明细.csv'")
        undo_import(shop, ledger)
        install_rule_macros(shop)
        assert shop.scalar("SELECT count(*) FROM money_movements WHERE shop_id = 'taobao:Demo shop'") == 0
        assert shop.scalar("SELECT count(*) FROM sk_profit_orders() WHERE shop_id = 'taobao:Demo shop'"
                           " AND NOT estimated") == 0
    finally:
        shop.close()
