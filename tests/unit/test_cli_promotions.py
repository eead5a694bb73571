"""`shopkeeper report calendar --year YYYY --json` and `report promotions --json`: the keys scripts rely on."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.domain.campaign_price import Tier
from shopkeeper.services.campaigns import CalendarEvent, CampaignPlan, add_calendar_event, save_campaign


def _shopkeeper(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shopkeeper", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def shop_file(tmp_path: Path) -> str:
    path = tmp_path / "shop.duckdb"
    db = Database.open(path)
    migrate(db, tmp_path / "backups")
    with db.transaction():
        db.execute("INSERT INTO products (product_id, title) VALUES ('MUG', 'Mug')")
        db.execute("INSERT INTO variants (sku, product_id, price, cost, currency) VALUES"
                   " ('MUG-OAT', 'MUG', 80.00, 38.00, 'CNY'), ('MUG-ASH', 'MUG', 90.00, 40.00, 'CNY')")
        db.execute("INSERT INTO platforms (code, name) VALUES ('taobao', 'Taobao') ON CONFLICT DO NOTHING")
        db.execute("INSERT INTO shops (shop_id, platform, name) VALUES ('taobao:clay', 'taobao', 'Clay')")
    save_campaign(db, CampaignPlan("双11 满减", "spend_save", date(2027, 11, 1), date(2027, 11, 11), "CNY",
                                   skus=("MUG-OAT", "MUG-ASH"), shop_ids=("taobao:clay",),
                                   tiers=(Tier(Decimal("300"), Decimal("50")),)), who="t")
    save_campaign(db, CampaignPlan("Members 10%", "percent_off", date(2027, 11, 10), date(2027, 11, 20), "CNY",
                                   skus=("MUG-OAT",), discount_pct=Decimal("10")), who="t")
    add_calendar_event(db, CalendarEvent("Prime Day", date(2027, 7, 13), date(2027, 7, 14), kind="prime_day"),
                       who="t")
    add_calendar_event(db, CalendarEvent("Stocktake", date(2027, 1, 4), date(2027, 1, 5)), who="t")
    db.checkpoint()
    db.close()
    return str(path)


def test_calendar_json_lists_every_festival_of_the_year(shop_file: str) -> None:
    run = _shopkeeper("report", "calendar", "--year", "2027", "--json", "--db", shop_file)
    assert run.returncode == 0, run.stderr
    events = json.loads(run.stdout)
    by_key = {e["key"]: e for e in events if e["key"]}
    assert {"name", "date", "start", "end", "region", "kind"} <= set(events[0])
    assert by_key["chinese_new_year"]["date"] == "2027-02-06" and by_key["chinese_new_year"]["region"] == "cn"
    assert by_key["mid_autumn"]["date"] == "2027-09-15"
    assert by_key["double11"]["warmup_start"] == "2027-10-20"
    assert by_key["black_friday"]["date"] == "2027-11-26" and by_key["black_friday"]["region"] == "west"
    assert by_key["prime_day"]["start"] == "2027-07-13"  # the seller's date, with Prime Day's windows
    assert by_key["courier_shutdown"]["kind"] == "logistics"
    assert any(e["name"] == "Stocktake" and e["kind"] == "own" and e["start"] == "2027-01-04" for e in events)
    assert [e["start"] for e in events] != [] and by_key["double11"]["name"] == "Double 11"


def test_promotions_json_has_platforms_skus_and_stacking_warnings(shop_file: str) -> None:
    run = _shopkeeper("report", "promotions", "--json", "--db", shop_file)
    assert run.returncode == 0, run.stderr
    promos = {p["name"]: p for p in json.loads(run.stdout)}
    d11 = promos["双11 满减"]
    assert {"name", "start", "end", "kind", "platforms", "skus", "warnings"} <= set(d11)
    assert (d11["start"], d11["end"], d11["kind"]) == ("2027-11-01", "2027-11-11", "spend_save")
    assert d11["platforms"] == ["taobao"] and d11["skus"] == ["MUG-ASH", "MUG-OAT"]
    # 满300减50 on a 80.00 mug: 4 mugs, (320 − 50) / 4 = 67.50; the 10 % campaign takes 8.00 more.
    assert d11["min_unit_price"] == "67.50"
    assert d11["tiers"] == [{"threshold": "300.00", "amount_off": "50.00"}] and d11["discount_pct"] is None
    assert d11["warnings"] == [
        "1 SKU is also in Members 10% on overlapping days: the discounts stack down to 59.50 (MUG-OAT)",
        "Platform fees not set for taobao: margins are before their fees",
        "2 SKUs in scope were never counted: their stock cannot be checked (e.g. MUG-ASH);"
        " type their counts in Listings & Inventory"]
    # The worst margin is at the stacked price: (59.50 − 38.00) / 59.50 = 36.1 %; nothing counted: the stock is
    # unknown, neither lasting nor short.
    assert (d11["min_margin"], d11["margin_verdict"], d11["stock_ok"]) == ("36.1", "ok", None)
    assert (d11["short_units"], d11["stock_uncounted"]) == (0, 2)
    assert d11["tasks_open"] == 7 and d11["revenue"] is None and d11["lift"] is None  # not run yet: no review
    assert promos["Members 10%"]["all_shops"] is True and promos["Members 10%"]["platforms"] == ["taobao"]


def test_reports_with_nothing_to_list_say_so_instead_of_printing_a_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    db = Database.open(path)
    migrate(db, tmp_path / "backups")
    db.close()
    promotions = _shopkeeper("report", "promotions", "--db", str(path))
    assert promotions.returncode == 0 and promotions.stdout.strip() == (
        "No campaigns yet: plan one in the window's Promotions tab.")
    audit = _shopkeeper("report", "audit", "--db", str(path))
    assert audit.returncode == 0 and audit.stdout.startswith("The audit trail is empty")
    filtered = _shopkeeper("report", "audit", "--kind", "edit", "--db", str(path))
    assert filtered.stdout.strip() == "No changes of this kind or in these days."
    # The JSON stays an empty list for scripts.
    assert json.loads(_shopkeeper("report", "promotions", "--json", "--db", str(path)).stdout) == []


def test_analysis_reports_of_an_empty_shop_say_there_is_nothing(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    db = Database.open(path)
    migrate(db, tmp_path / "backups")
    db.close()
    said = {name: _shopkeeper("report", name, "--db", str(path)).stdout.strip()
            for name in ("repurchase", "returns", "conversion")}
    assert said == {"repurchase": "No orders.", "returns": "No paid orders.",
                    "conversion": "No product sessions in these days and platforms (they come from the platforms' "
                                  "traffic reports)."}
    assert json.loads(_shopkeeper("report", "returns", "--json", "--db", str(path)).stdout)["paid_orders"] == 0
