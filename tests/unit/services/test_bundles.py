"""Bundles in a shop: selling a gift set sells its parts, its stock is what its parts allow, its money is split
to the cent, and changing what it is made of is one undoable change set."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from bundle_shop import CUP, GIFT, TEAPOT, seed_gift_shop
from shop_tables import snapshot

from shopkeeper.db.database import Database
from shopkeeper.domain.changes import Area
from shopkeeper.domain.commands import ChangeRefused
from shopkeeper.domain.messages import Message
from shopkeeper.services.bundles import bundle_parts, bundles_containing, set_bundle_parts
from shopkeeper.services.change_sets import redo, undo, undo_redo_state
from shopkeeper.services.channel_stock import listed_stock
from shopkeeper.services.inventory import inventory_rows, inventory_summary, sku_detail

TODAY = date(2026, 11, 30)


@pytest.fixture
def db(shop: Database) -> Database:
    seed_gift_shop(shop)
    set_bundle_parts(shop, GIFT, [(TEAPOT, 1), (CUP, "4")], who="mei")
    return shop


def _rows(db: Database) -> dict[str, dict[str, object]]:
    return {r["sku"]: r for r in inventory_rows(db, TODAY)}


def test_selling_two_gift_sets_consumes_two_teapots_and_eight_cups(db: Database) -> None:
    lines = db.fetchall("SELECT sku, quantity, bundle_sku FROM sk_sku_lines() WHERE order_id = 'G-1' ORDER BY sku")
    assert lines == [(CUP, 8, GIFT), (GIFT, 2, None), (TEAPOT, 2, GIFT)]
    sold = dict(db.fetchall("SELECT sku, units FROM sk_units_sold(DATE '2026-11-30', DATE '2026-11-30')"))
    # The set's own row counts sets; the parts count what the sets consumed plus what sold alone.
    assert sold == {GIFT: 4, TEAPOT: 4 + 1, CUP: 16 + 3}
    rows = _rows(db)
    assert (rows[GIFT]["sold_30d"], rows[TEAPOT]["sold_30d"], rows[CUP]["sold_30d"]) == (4, 5, 19)


def test_a_gift_set_has_the_stock_its_parts_allow_and_no_reorder_of_its_own(db: Database) -> None:
    rows = _rows(db)
    gift = rows[GIFT]
    # 5 teapots, 18 cups: 4 sets (its own stock row of 7 is ignored).
    assert (gift["bundle"], gift["on_hand"], gift["stock_status"]) == (True, 4, "ok")
    assert (gift["reorder_point"], gift["days_cover"], gift["suggested_qty"], gift["dead_stock"]) == (None, None, 0,
                                                                                                       False)
    assert rows[TEAPOT]["bundle"] is False and rows[TEAPOT]["on_hand"] == 5
    # Stock value counts the teapots and cups once, not again as sets.
    values = inventory_summary(db, TODAY)["stock_values"]
    assert sum(values.values()) == 5 * Decimal("25.00") + 18 * Decimal("3.00") and len(values) == 1


def test_a_gift_set_whose_cups_were_never_counted_is_not_counted_rather_than_out_of_stock(db: Database) -> None:
    with db.transaction():
        db.execute("DELETE FROM stock_snapshots WHERE sku = ?", [CUP])
        db.execute("UPDATE stock_levels SET on_hand = 0 WHERE sku = ?", [CUP])
    rows = _rows(db)
    assert (rows[GIFT]["stock_known"], rows[GIFT]["stock_status"]) == (False, "unknown")
    assert (rows[TEAPOT]["stock_known"], rows[TEAPOT]["stock_status"]) == (True, "ok")
    assert {r["sku"] for r in inventory_rows(db, TODAY, where="NOT stock_known")} == {GIFT, CUP}
    assert inventory_summary(db, TODAY)["unknown"] == 2


def test_available_stock_of_a_set_follows_its_parts_and_unshipped_sets_hold_parts(db: Database) -> None:
    stock = {r[0]: r[1:] for r in db.fetchall("SELECT sku, on_hand, unshipped, available FROM sk_available_stock()")}
    assert stock[TEAPOT] == (5, 1, 4)      # G-3 is paid, not shipped: its set holds a teapot
    assert stock[CUP] == (18, 4, 14)       # and four cups
    assert stock[GIFT] == (4, 1, 3)        # 14 cups make 3 sets
    listed = {r.sku: r.listed for r in listed_stock(db, "shopify:Main")}
    assert listed[GIFT] == 3


def test_revenue_is_split_to_the_cent_and_adds_up(db: Database) -> None:
    shares = db.fetchall("SELECT order_id, sku, line_total, revenue FROM sk_sku_lines() WHERE bundle_sku IS NOT NULL"
                         " ORDER BY order_id, sku")
    d = Decimal
    assert shares == [
        ("G-1", CUP, d("68.00"), d("68.00")), ("G-1", TEAPOT, d("102.00"), d("102.00")),   # 60 : 40 by price × qty
        ("G-2", CUP, d("35.99"), d("35.99")), ("G-2", TEAPOT, d("54.00"), d("54.00")),     # the cent to the teapot
        ("G-3", CUP, d("36.00"), d("36.00")), ("G-3", TEAPOT, d("54.00"), d("54.00")),
    ]
    revenue = dict(db.fetchall("SELECT sku, revenue FROM sk_abc(DATE '2026-11-30', DATE '2026-11-30')"))
    assert revenue == {TEAPOT: d("270.00"), CUP: d("169.99"), GIFT: d("0.00")}
    assert sum(revenue.values()) == db.scalar("SELECT sum(line_total) FROM order_lines")


def test_the_product_panel_shows_the_parts(db: Database) -> None:
    detail = sku_detail(db, GIFT, TODAY)
    assert detail is not None and detail.bundle
    assert [(p.sku, p.quantity, p.on_hand) for p in detail.parts] == [(CUP, 4, 18), (TEAPOT, 1, 5)]
    teapot = sku_detail(db, TEAPOT, TODAY)
    assert teapot is not None and not teapot.bundle and teapot.in_bundles == (GIFT,)
    assert [p.title for p in bundle_parts(db, GIFT)] == ["Tea cup", "Teapot"]
    assert bundles_containing(db, CUP) == (GIFT,)


def test_changing_a_composition_is_one_change_set_undone_and_redone_exactly(db: Database) -> None:
    before = snapshot(db)
    result = set_bundle_parts(db, GIFT, [(TEAPOT, 1), (CUP, 6)], who="mei")
    label = Message("change.bundle.parts", {"bundle": GIFT, "parts": f"6 × {CUP} + 1 × {TEAPOT}"})
    assert result.message == label and undo_redo_state(db).undo == label
    assert Area.CATALOG in result.changes.areas
    assert _rows(db)[GIFT]["on_hand"] == 3          # 18 cups make 3 sets of 6
    after = snapshot(db)
    undo(db, who="mei")
    assert snapshot(db) == before
    assert _rows(db)[GIFT]["on_hand"] == 4
    redo(db, who="mei")
    assert snapshot(db) == after
    undo(db, who="mei")
    assert snapshot(db) == before


def test_an_emptied_composition_makes_a_plain_sku_again_until_undone(db: Database) -> None:
    result = set_bundle_parts(db, GIFT, [], who="mei")
    assert result.message == Message("change.bundle.cleared", {"bundle": GIFT})
    gift = _rows(db)[GIFT]
    assert (gift["bundle"], gift["on_hand"]) == (False, 7)   # its own stock row counts again
    undo(db, who="mei")
    assert _rows(db)[GIFT]["on_hand"] == 4


def test_the_same_composition_again_changes_nothing(db: Database) -> None:
    result = set_bundle_parts(db, GIFT, [(CUP, 2), (TEAPOT, "1"), (CUP, 2)], who="mei")  # a part twice: added up
    assert result.change_set_id is None and not result.changes.areas


@pytest.mark.parametrize(("bundle", "parts", "refusal"), [
    (CUP, [(GIFT, 1)], Message("edit.bundle.cycle", {"bundle": CUP, "part": GIFT})),
    (GIFT, [(GIFT, 1)], Message("edit.bundle.itself", {"bundle": GIFT})),
    (GIFT, [(TEAPOT, 0)], Message("edit.bundle.quantity", {"bundle": GIFT, "part": TEAPOT, "value": "0"})),
    (GIFT, [(TEAPOT, "1.5")], Message("edit.bundle.quantity", {"bundle": GIFT, "part": TEAPOT, "value": "1.5"})),
    (GIFT, [(TEAPOT, "two")], Message("edit.bundle.quantity", {"bundle": GIFT, "part": TEAPOT, "value": "two"})),
    (GIFT, [("SAUCER", 1)], Message("edit.bundle.unknown_part", {"bundle": GIFT, "part": "SAUCER"})),
    ("NOPE", [(CUP, 1)], Message("edit.refused.unknown_sku", {"sku": "NOPE"})),
])
def test_refused_compositions_change_nothing(db: Database, bundle: str, parts: list[tuple[str, object]],
                                             refusal: Message) -> None:
    before = snapshot(db)
    with pytest.raises(ChangeRefused) as refused:
        set_bundle_parts(db, bundle, parts, who="mei")
    assert refused.value.reason == refusal
    assert snapshot(db) == before


def test_a_cycle_through_a_nested_bundle_is_refused(db: Database) -> None:
    with db.transaction():
        db.execute("INSERT INTO variants (sku, product_id, price, currency) VALUES ('DUO', 'gift', 170, 'USD')")
    set_bundle_parts(db, "DUO", [(GIFT, 2)], who="mei")
    with pytest.raises(ChangeRefused) as refused:
        set_bundle_parts(db, GIFT, [(TEAPOT, 1), ("DUO", 1)], who="mei")
    assert refused.value.reason == Message("edit.bundle.cycle", {"bundle": GIFT, "part": "DUO"})
    # A bundle of bundles sells the leaves: 2 sets = 2 teapots + 8 cups per DUO, and 4 sets' worth of stock = 2.
    assert _rows(db)["DUO"]["on_hand"] == 2
