"""`shopkeeper report members|points-ledger|tiers|segments`: the membership programme as JSON, masked by default."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.services.recompute import recompute

sys.path.insert(0, str(Path(__file__).parent / "services"))
from segments_shop import PER_PATTERN, seed_segments_shop  # noqa: E402


def _shopkeeper(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shopkeeper", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def shop_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("shop")
    path = folder / "shop.duckdb"
    db = Database.open(path)
    migrate(db, folder / "backups")
    seed_segments_shop(db, date.today())  # the command counts from the system clock's today
    with db.transaction():
        recompute(db, date.today())
    db.checkpoint()
    db.close()
    return str(path)


def _json(*args: str) -> object:
    run = _shopkeeper("report", *args, "--json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_report_members_one_object_per_member_masked(shop_file: str) -> None:
    members = _json("members", "--db", shop_file)
    assert isinstance(members, list) and len(members) == 10 * PER_PATTERN + 1
    required = {"member_id", "platforms", "orders", "spend", "last_order", "segment", "tier", "points",
                "points_pending", "churn_risk"}
    assert all(required <= set(m) for m in members)
    by_id = {m["member_id"]: m for m in members}
    assert by_id["cant_lose-0"]["segment"] == "cant_lose" and by_id["cant_lose-0"]["churn_risk"] is True
    assert by_id["champions-0"]["points"] == 500 and by_id["champions-0"]["spend"] == "500.00"
    assert by_id["champions-0"]["email"] == "c***@example.com"
    assert "champions-0@example.com" not in json.dumps(members)
    revealed = _json("members", "--db", shop_file, "--show-pii")
    assert "champions-0@example.com" in json.dumps(revealed)


def test_report_points_ledger_tiers_and_segments(shop_file: str) -> None:
    ledger = _json("points-ledger", "--db", shop_file)
    assert isinstance(ledger, list) and ledger
    assert {"member_id", "points", "reason", "at", "order_id", "expires_at"} <= set(ledger[0])
    assert sum(e["points"] for e in ledger if e["member_id"] == "champions-0") == 500
    tiers = _json("tiers", "--db", shop_file)
    assert isinstance(tiers, list) and [t["code"] for t in tiers] == ["bronze", "silver", "gold", "vip"]
    assert tiers[1]["min_spend"] == "1000.00"
    segments = _json("segments", "--db", shop_file)
    assert isinstance(segments, dict) and segments["scoring"] == "fixed"
    sizes = {s["segment"]: s["members"] for s in segments["segments"]}
    assert sizes["champions"] == PER_PATTERN and sizes["prospects"] == 1
    assert {"from": "prospects", "to": "new_customers", "members": PER_PATTERN} in segments["movement"]
