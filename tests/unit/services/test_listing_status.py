"""Delist, relist, seasons and new SKUs: one undo step per selection, and what each means for reordering and stock files."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from reorder_shop import seed_reorder_shop
from shop_tables import snapshot
from stock_shop import seed_stock_shop

from shopkeeper.db.database import Database
from shopkeeper.domain.commands import CellEdit, ChangeRefused
from shopkeeper.domain.messages import Message
from shopkeeper.services.change_sets import redo, undo, undo_redo_state
from shopkeeper.services.channel_stock import listed_stock
from shopkeeper.services.edits import edit_cells
from shopkeeper.services.inventory import inventory_rows, inventory_source
from shopkeeper.services.listing_status import mark_new, set_delisted, set_season
from shopkeeper.services.reorder_list import reorder_list

TODAY = date(2026, 3, 10)


@pytest.fixture
def db(shop: Database) -> Database:
    seed_reorder_shop(shop, TODAY)
    return shop


def _rows(db: Database) -> dict[str, dict]:
    return {r["sku"]: r for r in inventory_rows(db, TODAY)}


def test_status_comes_from_first_sale_or_the_stock_ledger(db: Database) -> None:
    rows = _rows(db)
    # MUG first sold 29 days ago, VASE 18, EVIL today: new for 30 days. TEA first sold 25 days ago, but its
    # ledger had it on the shelf 40 days ago; BOWL sold 120 days ago.
    assert {s: r["status"] for s, r in rows.items()} == \
        {"MUG": "new", "VASE": "new", "EVIL": "new", "TEA": "active", "BOWL": "active"}
    assert all(r["may_reorder"] and r["season"] is None for r in rows.values())


def test_delisting_a_selection_stops_its_reorders_and_one_undo_brings_all_back(db: Database) -> None:
    before = snapshot(db)
    result = set_delisted(db, ["MUG", "VASE", "EVIL", "MUG"], True, who="mei")
    assert result.message == Message("change.status.delisted.many", {"count": 3})
    rows = _rows(db)
    assert {s for s, r in rows.items() if r["status"] == "delisted"} == {"MUG", "VASE", "EVIL"}
    assert [r["suggested_qty"] for s, r in rows.items() if s in ("MUG", "VASE", "EVIL")] == [0, 0, 0]
    # Not to be bought: never 'low'; out of stock stays what it is.
    assert (rows["MUG"]["stock_status"], rows["VASE"]["stock_status"]) == ("ok", "out")
    assert reorder_list(db, TODAY).lines == ()
    assert undo_redo_state(db).undo == result.message

    undo(db, who="mei")
    assert snapshot(db) == before
    assert {line.sku for line in reorder_list(db, TODAY).lines} == {"MUG", "VASE", "EVIL"}
    redo(db, who="mei")
    assert _rows(db)["VASE"]["status"] == "delisted"
    relisted = set_delisted(db, ["VASE"], False, who="mei")
    assert relisted.message == Message("change.status.relisted.one", {"sku": "VASE"})
    assert _rows(db)["VASE"]["suggested_qty"] == 17


def test_out_of_season_nothing_is_bought(db: Database) -> None:
    set_season(db, ["MUG"], 11, 2, who="mei")  # November to February; today is in March
    mug = _rows(db)["MUG"]
    assert (mug["status"], mug["season"], mug["in_season"], mug["suggested_qty"]) == ("seasonal", "11–2", False, 0)
    source = inventory_source(TODAY)
    assert source.count(db, active=["out_of_season"]) == 1
    assert source.count(db, active=["status_seasonal"]) == 1
    cleared = set_season(db, ["MUG"], None, None, who="mei")
    assert cleared.message == Message("change.status.season_cleared.one", {"sku": "MUG"})
    assert _rows(db)["MUG"]["suggested_qty"] == 48


def test_days_out_of_season_without_a_sale_are_not_days_without_demand(db: Database) -> None:
    # VASE sold 10 every other day over the window (Feb 9 - Mar 10). In season from March: 10 days in season,
    # and 5 February days with a sale still count → 15 selling days, not 30.
    set_season(db, ["VASE"], 3, 9, who="mei")
    vase = _rows(db)["VASE"]
    assert (vase["selling_days"], vase["avg_daily"]) == (15, Decimal("0.67"))
    # point ceil((10 × 7 + 10 × 14) / 15) = 14; cover ceil(10 × 30 / 15) = 20; from 0 on hand: 34.
    assert (vase["reorder_point"], vase["suggested_qty"]) == (14, 34)
    # MUG sold every day: off-season days with a sale count, so nothing changes.
    set_season(db, ["MUG"], 3, 9, who="mei")
    assert (_rows(db)["MUG"]["selling_days"], _rows(db)["MUG"]["suggested_qty"]) == (30, 48)


def test_a_season_needs_both_months_and_months_are_checked(db: Database) -> None:
    before = snapshot(db)
    with pytest.raises(ChangeRefused) as half:
        set_season(db, ["MUG"], 3, None, who="mei")
    assert half.value.reason.code == "edit.refused.season_months"
    with pytest.raises(ChangeRefused) as month:
        set_season(db, ["MUG"], 3, 13, who="mei")
    assert month.value.reason.code == "edit.refused.out_of_range"
    assert snapshot(db) == before


def test_marking_new_and_its_undo(db: Database) -> None:
    result = mark_new(db, ["BOWL", "TEA"], TODAY, who="mei")
    assert result.message == Message("change.status.new.many", {"count": 2})
    assert {_rows(db)[s]["status"] for s in ("BOWL", "TEA")} == {"new"}
    assert inventory_source(TODAY).count(db, active=["status_new"]) == 5
    undo(db, who="mei")
    assert {_rows(db)[s]["status"] for s in ("BOWL", "TEA")} == {"active"}


def test_a_reorder_setting_set_on_a_selection_is_one_undo_step(db: Database) -> None:
    skus = ["MUG", "VASE", "BOWL", "TEA", "EVIL"]
    before = snapshot(db)
    result = edit_cells(db, [CellEdit("stock", s, "lead_time_days", 21) for s in skus], who="mei")
    assert {r["lead_time_days"] for r in _rows(db).values()} == {21}
    assert undo(db, who="mei").change_set_id == result.change_set_id
    assert snapshot(db) == before


def test_a_delisted_sku_is_written_as_zero_in_stock_files(shop: Database) -> None:
    seed_stock_shop(shop)
    set_delisted(shop, ["MUG-RED"], True, who="mei")
    listed = {r.sku: r.listed for r in listed_stock(shop, "amazon:US")}
    assert listed == {"MUG-RED": 0, "MUG-BLU": 3, "BOWL-1": 4}
    undo(shop, who="mei")
    assert {r.sku: r.listed for r in listed_stock(shop, "amazon:US")}["MUG-RED"] == 17


def test_the_tables_kept_figures_follow_every_change(db: Database) -> None:
    source = inventory_source(TODAY)
    assert source.count(db, active=["status_delisted"]) == 0
    set_delisted(db, ["MUG"], True, who="mei")
    assert source.count(db, active=["status_delisted"]) == 1
    undo(db, who="mei")
    assert source.count(db, active=["status_delisted"]) == 0

    def vase_abc() -> str | None:
        keys = source.column_keys()
        rows = source.page(db, search="vase")
        return rows[0][keys.index("abc")]

    # A setting written outside any change set (an exchange rate) counts too: USD revenue, unknown without a
    # rate (no class), now ranks.
    assert vase_abc() is None
    db.execute("INSERT INTO currency_settings (key, value) VALUES ('fx_USD', '7.10')")
    assert vase_abc() == "A"
    # Another day is another set of figures.
    assert source.count(db, active=["to_buy"]) == 3
    later = inventory_source(date(2026, 9, 1))
    assert later.count(db, active=["to_buy"]) == 0
    assert source.count(db, active=["to_buy"]) == 3
