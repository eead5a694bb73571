"""`report sales|abc|repurchase|cohorts|price-bands|returns`: sales per period reconcile with `stats --json`."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.domain.order_status import STATUSES
from shopkeeper.services.sales_report import sales_by_period
from shopkeeper.services.stats import shop_stats


def _shopkeeper(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shopkeeper", *args], capture_output=True, text=True, timeout=300)


def _json(*args: str) -> object:
    run = _shopkeeper(*args)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def _gross_per_currency(rows: list[dict[str, str]]) -> dict[str, str]:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for r in rows:
        totals[r["currency"]] += Decimal(r["gross"])
        # The gross splits with nothing left over.
        assert Decimal(r["gross"]) == Decimal(r["net"]) + Decimal(r["refunds"]) + Decimal(r["unpaid"])
    return {c: f"{v:.2f}" for c, v in sorted(totals.items())}


def _assert_reconciles(db_file: str) -> None:
    stats = _json("stats", "--json", "--db", db_file)
    assert isinstance(stats, dict)
    for grain in ("day", "week", "month"):
        rows = _json("report", "sales", "--by", grain, "--json", "--db", db_file)
        assert isinstance(rows, list) and rows
        assert {"period", "currency", "orders", "gross", "refunds", "net"} <= set(rows[0])
        assert _gross_per_currency(rows) == stats["order_total"]
        assert sum(r["orders"] for r in rows) == stats["orders"]


def test_sales_reconcile_with_stats_on_the_demo(tmp_path: Path) -> None:
    db_file = str(tmp_path / "demo.duckdb")
    assert _shopkeeper("demo", "--db", db_file).returncode == 0
    _assert_reconciles(db_file)
    # The other reports answer with the filters, as JSON.
    for name in ("abc", "repurchase", "cohorts", "price-bands", "returns"):
        data = _json("report", name, "--json", "--db", db_file, "--from", "2025-01-01", "--to", "2025-12-31",
                     "--platform", "taobao")
        assert data, name
    returns = _json("report", "returns", "--json", "--db", db_file)
    assert isinstance(returns, dict)
    assert sum(p["paid_orders"] for p in returns["by_platform"]) == returns["paid_orders"]
    assert sum(p["refunded_orders"] for p in returns["by_month"]) == returns["refunded_orders"]


def test_sales_reconcile_on_imported_samples(tmp_path: Path, samples_dir: Path) -> None:
    db_file = str(tmp_path / "samples.duckdb")
    files = [samples_dir / "tmall" / "makisekurisuDDL__Data_analysis" / "tmall_order_report.csv",
             samples_dir / "shopify" / "luistatera__forezia-mock-data" / "orders_export.csv",
             samples_dir / "etsy" / "Epicrae__EtsyCompanion" / "EtsySoldOrders2023.REDACTED-EXCERPT.csv"]
    run = _shopkeeper("import", "--db", db_file, *map(str, files))
    assert run.returncode == 0, run.stderr
    _assert_reconciles(db_file)
    week = _json("report", "sales", "--by", "week", "--json", "--db", db_file, "--platform", "taobao")
    assert isinstance(week, list) and {r["currency"] for r in week} == {"CNY"}
    # The Tmall report's orders are asked for by the name on the file; a misspelt platform is refused, not 0 rows.
    assert _json("report", "sales", "--by", "week", "--json", "--db", db_file, "--platform", "Tmall") == week
    # Euros and dollars have no rate to yuan yet: the ABC and members reports say what they leave out.
    for name in ("abc", "members"):
        said = _shopkeeper("report", name, "--db", db_file)
        assert said.returncode == 0 and "orders in EUR, USD have no exchange rate to CNY" in said.stdout, name
    wrong = _shopkeeper("report", "sales", "--json", "--db", db_file, "--platform", "tmal")
    assert wrong.returncode != 0 and wrong.stdout == ""
    assert "'tmal' is not a platform: one of taobao, jd," in wrong.stderr and "Traceback" not in wrong.stderr


_ORDER = st.tuples(st.sampled_from(STATUSES), st.sampled_from(["CNY", "USD", "EUR"]),
                   st.decimals(0, 5000, places=2), st.decimals(0, 1, places=2),
                   st.integers(0, 800 * 24), st.sampled_from(["+08:00", "-05:00", "+00:00", "+13:45"]),
                   st.sampled_from(["taobao:t", "shopify:s", "etsy:e"]))


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Database:
    db = Database.open(None)
    migrate(db, tmp_path_factory.mktemp("backups"))
    return db


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_ORDER, max_size=40))
def test_sales_reconcile_on_random_shops(blank: Database, orders: list[tuple]) -> None:  # type: ignore[type-arg]
    db = blank
    with db.transaction():
        db.execute("DELETE FROM orders")
        start = datetime(2025, 1, 1, tzinfo=UTC)
        for n, (status, currency, total, share, hours, tz, shop_id) in enumerate(orders):
            refunded = (total * share).quantize(Decimal("0.01")) if "refund" in status else Decimal(0)
            db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total,"
                       " refunded_amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [shop_id, f"o{n}", start + timedelta(hours=hours), tz, status, currency, total, refunded])
    expected = shop_stats(db)["order_total"]
    for grain in ("day", "week", "month"):
        totals: dict[str, Decimal] = defaultdict(Decimal)
        for p in sales_by_period(db, grain):
            assert p.gross == p.net + p.refunds + p.unpaid
            totals[p.currency] += p.gross
        assert {c: f"{v:.2f}" for c, v in sorted(totals.items())} == expected


def test_abc_and_price_bands_name_the_orders_without_a_rate_and_never_count_them_as_0(
        blank: Database, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from shopkeeper.cli_analysis_reports import analysis_report
    from shopkeeper.cli_report import _table

    db = blank
    with db.transaction():
        db.execute("DELETE FROM orders")
        db.execute("DELETE FROM order_lines")
        db.execute("INSERT OR REPLACE INTO currency_settings (key, value) VALUES ('base_currency', 'CNY'),"
                   " ('fx_USD', '7')")
        # TEA sold for yuan and for euros (no rate); CUP for yuan; PEN for dollars (a rate); MAP for euros only.
        for n, (sku, currency, price) in enumerate([("TEA", "CNY", 300), ("TEA", "EUR", 40), ("CUP", "CNY", 90),
                                                    ("PEN", "USD", 1), ("MAP", "EUR", 20), ("MAP", "EUR", 20)]):
            db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total)"
                       " VALUES ('shopify:s', ?, TIMESTAMPTZ '2026-01-05 10:00:00+00', '+00:00', 'paid', ?, ?)",
                       [f"o{n}", currency, price])
            db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                       " line_total, currency) VALUES ('shopify:s', ?, 1, ?, 'x', 1, ?, ?, ?)",
                       [f"o{n}", sku, price, price, currency])
    args = argparse.Namespace(first=None, last=None, platform=None, json=True, by="month")
    made = analysis_report(db, "abc", args, _table)
    assert not isinstance(made, int)
    data, text = made
    rows = {r["sku"]: (r["revenue"], r["cumulative_pct"], r["abc"], r["orders_without_rate"],
                       r["currencies_without_rate"]) for r in data}
    # Unknown, not 0 and C; the known SKUs rank among themselves (90 of 97 yuan: CUP A, PEN B).
    assert rows == {"CUP": ("90.00", "92.78", "A", 0, []), "PEN": ("7.00", "100.00", "B", 0, []),
                    "MAP": (None, None, None, 2, ["EUR"]), "TEA": (None, None, None, 1, ["EUR"])}
    assert [r["sku"] for r in data] == ["CUP", "PEN", "MAP", "TEA"]
    note = "3 orders in EUR have no exchange rate to CNY: their money is left out of these figures"
    assert note in text and note in capsys.readouterr().err

    made = analysis_report(db, "price-bands", args, _table)
    assert not isinstance(made, int)
    bands, text = made
    assert sum(b["units"] for b in bands) == 3  # the euro lines are in no band, and the note says so
    assert note in text and note in capsys.readouterr().err
    args.json = False
    analysis_report(db, "price-bands", args, _table)
    assert capsys.readouterr().err == ""
