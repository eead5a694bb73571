"""The reorder list and inventory figures a seller buys from, on a shop worked out by hand."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from reorder_shop import seed_reorder_shop

from shopkeeper.db.database import Database
from shopkeeper.domain.commands import CellEdit
from shopkeeper.domain.errors import KnownError
from shopkeeper.services.edits import edit_cells
from shopkeeper.services.inventory import inventory_rows, inventory_source, inventory_summary, sku_detail
from shopkeeper.services.reorder_list import CSV_HEADER, reorder_list, write_reorder_csv

TODAY = date(2026, 3, 10)


@pytest.fixture
def db(shop: Database) -> Database:
    seed_reorder_shop(shop, TODAY)
    return shop


def _rows(db: Database) -> dict[str, dict]:
    return {r["sku"]: r for r in inventory_rows(db, TODAY)}


def test_figures_per_sku(db: Database) -> None:
    rows = _rows(db)
    mug = rows["MUG"]
    assert (mug["avg_daily"], mug["reorder_point"], mug["suggested_qty"], mug["order_value"]) == \
        (Decimal("1.00"), 21, 48, Decimal("480.00"))
    assert mug["days_cover"] == 3 and mug["stock_status"] == "low"
    assert (rows["VASE"]["reorder_point"], rows["VASE"]["suggested_qty"], rows["VASE"]["order_value"]) == (7, 17, None)
    tea = rows["TEA"]
    assert (tea["selling_days"], tea["avg_daily"]) == (11, Decimal("0.91"))
    assert tea["days_cover"] == 25 * 11 // 10
    assert (tea["reorder_point"], tea["suggested_qty"]) == (20, 0)
    bowl = rows["BOWL"]
    assert bowl["dead_stock"] and bowl["dead_value"] == Decimal("250.00") and bowl["suggested_qty"] == 0
    assert not any(r["dead_stock"] for s, r in rows.items() if s != "BOWL")
    # Revenue in the window (CNY; USD has no rate): MUG 30, TEA 10, EVIL 1 of 41 → MUG A, TEA A (30/41 before
    # it is under 80 %), EVIL C (40/41 before it is over 95 %); VASE sold for dollars only: its revenue, so its
    # class, is unknown (not C); BOWL sold nothing: C.
    assert {s: r["abc"] for s, r in rows.items()} == {"MUG": "A", "TEA": "A", "EVIL": "C", "VASE": None, "BOWL": "C"}
    # XYZ looks at 12 weeks: MUG sold in only the last 5 of them, so its weekly demand is erratic.
    assert rows["MUG"]["xyz"] == "Z" and rows["BOWL"]["xyz"] is None


def test_the_reorder_list_totals_per_currency_and_says_what_it_leaves_out(db: Database) -> None:
    plan = reorder_list(db, TODAY)
    assert [line.sku for line in plan.lines] == ["EVIL", "VASE", "MUG"]  # out of stock first, then fewest days
    assert plan.totals == {"CNY": Decimal("482.00")}  # MUG 480.00 + EVIL 2.00; VASE has no cost
    assert plan.without_cost == 1
    assert plan.window_days == 30


def test_stock_value_is_kept_per_currency_never_added_across_them(db: Database) -> None:
    # The seller counts 4 vases and gives them a cost: their value is in dollars, beside the yuan of the rest.
    edit_cells(db, [CellEdit("variant", "VASE", "cost", Decimal("12.50")), CellEdit("stock", "VASE", "on_hand", 4)],
               who="t")
    rows = _rows(db)
    assert (rows["VASE"]["on_hand"], rows["VASE"]["currency"]) == (4, "USD")
    cny = sum(r["on_hand"] * r["cost"] for r in rows.values() if r["currency"] == "CNY" and r["on_hand"] > 0)
    assert cny == 3 * Decimal("10.00") + 50 * Decimal("5.00") + rows["TEA"]["on_hand"] * Decimal("2.50")
    assert inventory_summary(db, TODAY)["stock_values"] == {"CNY": cny, "USD": Decimal("50.00")}
    assert inventory_summary(db, TODAY)["stock_without_cost"] == 0
    # Without its cost the vases on the shelf are left out of the value, and counted as left out.
    edit_cells(db, [CellEdit("variant", "VASE", "cost", None)], who="t")
    summary = inventory_summary(db, TODAY)
    assert (summary["stock_values"], summary["stock_without_cost"]) == ({"CNY": cny}, 1)


def test_settings_change_the_suggestion_and_undo_brings_it_back(db: Database) -> None:
    before = reorder_list(db, TODAY)
    edit_cells(db, [CellEdit("stock", "MUG", "min_order", 100), CellEdit("stock", "MUG", "pack_size", 24)], who="t")
    assert _rows(db)["MUG"]["suggested_qty"] == 120  # at least 100, in packs of 24
    db.execute("INSERT INTO inventory_settings (key, value) VALUES ('reorder_window_days', '10')")
    assert _rows(db)["MUG"]["avg_daily"] == Decimal("1.00")
    assert _rows(db)["VASE"]["sold_30d"] == 5
    db.execute("DELETE FROM inventory_settings WHERE key = 'reorder_window_days'")
    from shopkeeper.services.change_sets import undo

    undo(db, who="t")
    assert reorder_list(db, TODAY) == before


def test_a_seasonal_seller_can_plan_from_the_same_weeks_last_year(db: Database) -> None:
    db.execute("INSERT INTO inventory_settings (key, value) VALUES ('reorder_basis', 'last_year')")
    # The orders do not reach back a year yet: the recent window still applies, and the summary says so.
    assert _rows(db)["MUG"]["avg_daily"] == Decimal("1.00")
    assert inventory_summary(db, TODAY)["demand_basis"] == "recent"
    # 60 mugs sold in the coming weeks of last year (on this day a year ago): 2 a day is the demand now,
    # while ABC and dead stock still look at the recent days.
    db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total)"
               " VALUES ('taobao:main', 'last-year', TIMESTAMPTZ '2025-03-10 12:00:00+08:00', '+08:00', 'completed',"
               " 'CNY', 60)")
    db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price, line_total,"
               " currency) VALUES ('taobao:main', 'last-year', 1, 'MUG', 'Mug', 60, 1.00, 60.00, 'CNY')")
    rows = _rows(db)
    assert rows["MUG"]["avg_daily"] == Decimal("2.00") and rows["MUG"]["sold_30d"] == 60
    assert rows["EVIL"]["sold_30d"] == 0  # sold only this year
    assert rows["BOWL"]["dead_stock"] and rows["MUG"]["abc"] == "A"
    assert inventory_summary(db, TODAY)["demand_basis"] == "last_year"
    db.execute("DELETE FROM inventory_settings WHERE key = 'reorder_basis'")
    assert _rows(db)["MUG"]["avg_daily"] == Decimal("1.00")


def test_reorder_csv_is_safe_to_open_in_a_spreadsheet(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "reorder.csv"
    write_reorder_csv(reorder_list(db, TODAY), path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == CSV_HEADER
    evil = next(r for r in rows if r[0] == "EVIL")
    assert evil[1].startswith("'=")
    mug = next(r for r in rows if r[0] == "MUG")
    assert (mug[7], mug[10], mug[11], mug[12]) == ("48", "10.00", "CNY", "480.00")
    assert not list(tmp_path.glob("*.partial"))


def test_a_reorder_csv_that_cannot_be_written_is_a_known_error(db: Database, tmp_path: Path) -> None:
    with pytest.raises(KnownError) as caught:
        write_reorder_csv(reorder_list(db, TODAY), tmp_path / "missing-folder" / "reorder.csv")
    assert caught.value.message.code == "export.write_failed"


def test_the_table_filters_and_the_detail_agree_with_the_list(db: Database) -> None:
    source = inventory_source(TODAY)
    assert source.count(db, active=["to_buy"]) == len(reorder_list(db, TODAY).lines)
    assert source.count(db, active=["dead_stock"]) == 1
    summary = inventory_summary(db, TODAY)
    assert (summary["to_buy"], summary["dead"], summary["skus"]) == (3, 1, 5)
    detail = sku_detail(db, "TEA", TODAY)
    assert detail is not None
    assert (detail.selling_days, detail.avg_daily, detail.window_days) == (11, Decimal("0.91"), 30)
    assert sku_detail(db, "NOPE", TODAY) is None


def test_reorder_settings_are_saved_as_one_undoable_change(db: Database) -> None:
    from shopkeeper.services.change_sets import undo
    from shopkeeper.services.inventory_settings import reorder_settings, save_inventory_settings

    save_inventory_settings(db, who="t", window_days=10, basis="last_year", dead_stock_days=60)
    settings = reorder_settings(db)
    assert (settings.window_days, settings.basis, settings.dead_stock_days) == (10, "last_year", 60)
    assert _rows(db)["VASE"]["sold_30d"] == 5  # the window is 10 days (the orders do not reach back a year)
    # Saving what is already in force makes no change set; back to a default removes its row.
    assert not save_inventory_settings(db, who="t", window_days=10, basis="last_year", dead_stock_days=60).changes
    save_inventory_settings(db, who="t", window_days=30, basis="last_year", dead_stock_days=60)
    assert db.scalar("SELECT count(*) FROM inventory_settings WHERE key = 'reorder_window_days'") == 0
    undo(db, who="t")
    assert reorder_settings(db).window_days == 10
    undo(db, who="t")
    assert reorder_settings(db) == reorder_settings(db).__class__()
    with pytest.raises(KnownError):
        save_inventory_settings(db, who="t", window_days=0, basis="recent", dead_stock_days=60)


def test_a_sku_first_counted_lately_is_not_dead_before_it_had_the_days_to_sell(db: Database) -> None:
    # The real samples' products exports made 186 SKUs "dead stock" on the day they were imported:
    # never sold, so the rule had no day they arrived and read them as always on the shelf.
    with db.transaction():
        db.execute("INSERT INTO variants (sku, product_id, price, cost, currency) VALUES"
                   " ('NEWCUP', 'P-BOWL', 9.00, 4.00, 'CNY'), ('OLDCUP', 'P-BOWL', 9.00, 4.00, 'CNY')")
        for sku, days_ago in (("NEWCUP", 0), ("OLDCUP", 100)):
            db.execute("INSERT INTO stock_levels (sku, on_hand, updated_at) VALUES (?, 40, ?)",
                       [sku, f"{TODAY} 00:00:00+00"])
            db.execute("INSERT INTO stock_snapshots (sku, counted_at, on_hand, source) VALUES"
                       " (?, CAST(? AS DATE) - ?::INTEGER, 40, 'import')", [sku, TODAY, days_ago])
    rows = _rows(db)
    assert not rows["NEWCUP"]["dead_stock"]       # counted today, nothing sold yet: new, not dead
    assert rows["OLDCUP"]["dead_stock"]           # on the shelf 100 days, nothing sold in 90: dead
    assert rows["BOWL"]["dead_stock"]             # sold once 120 days ago, counted only today: still dead
