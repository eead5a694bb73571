"""`report ads` and `report conversion`: the JSON a script reads, to the cent and the ratio."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from tests.unit.services import ads_shop


def _json(*args: str) -> object:
    run = subprocess.run([sys.executable, "-m", "shopkeeper", *args], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def _shop(tmp_path: Path) -> str:
    db_file = tmp_path / "shop.duckdb"
    db = Database.open(db_file)
    migrate(db, tmp_path / "backups")
    ads_shop.build(db, tmp_path)
    db.close()
    return str(db_file)


def test_ads_and_conversion_reports(tmp_path: Path) -> None:
    db_file = _shop(tmp_path)
    ads = _json("report", "ads", "--json", "--db", db_file)
    assert isinstance(ads, list)
    by_campaign = {row["campaign"]: row for row in ads}
    assert {k: by_campaign["Red - Auto"][k] for k in (
        "channel", "currency", "spend", "sales", "roas", "acos", "tacos", "break_even_roas", "below_break_even")} == {
        "channel": "amazon_sp", "currency": "USD", "spend": "15.00", "sales": "30.00", "roas": "2.0000",
        "acos": "0.5000", "tacos": "0.3000", "break_even_roas": "4.0000", "below_break_even": True}
    assert by_campaign["Blue - Exact"]["below_break_even"] is False
    # the spend of every level adds up to the same total
    for level in ("channel", "sku"):
        rows = _json("report", "ads", "--level", level, "--json", "--db", db_file)
        assert isinstance(rows, list)
        assert sum(float(r["spend"]) for r in rows) == 25.0
    june = _json("report", "ads", "--json", "--db", db_file, "--from", "2026-06-02", "--to", "2026-06-30")
    assert isinstance(june, list)
    assert [r["campaign"] for r in june] == ["Red - Auto"]

    conversion = _json("report", "conversion", "--json", "--db", db_file)
    assert isinstance(conversion, list)
    assert [{k: r[k] for k in ("sku", "sessions", "orders", "units", "conversion_rate", "flagged")}
            for r in conversion][0] == {
        "sku": "MUG-RED", "sessions": 2000, "orders": 1, "units": 1, "conversion_rate": "0.0005", "flagged": True}
