"""Listing checks over a small shop: each problem found where a seller would look, the settings undoable."""

from __future__ import annotations

from decimal import Decimal

import pytest
from shop_tables import snapshot

from shopkeeper.db.database import Database
from shopkeeper.domain.changes import Area
from shopkeeper.domain.commands import ChangeRefused
from shopkeeper.services.change_sets import redo, undo, undo_redo_state
from shopkeeper.services.listing_check_settings import (
    absolute_terms,
    absolute_terms_are_default,
    default_absolute_terms,
    price_tolerance,
    save_check_settings,
)
from shopkeeper.services.listing_checks import all_problems, sku_problems

TB, DY, SF = "taobao:Clay", "douyin:Clay", "shopify:Clay"


@pytest.fixture
def db(shop: Database) -> Database:
    with shop.transaction():
        shop.execute("INSERT INTO shops VALUES (?, 'taobao', 'Clay', 'CNY'), (?, 'douyin', 'Clay', 'CNY'),"
                     " (?, 'shopify', 'Clay', 'USD')", [TB, DY, SF])
        shop.execute("INSERT INTO products (product_id, title) VALUES ('POT', 'Teapot'), ('CUP', 'Cup'),"
                     " ('BOWL', 'Bowl')")
        shop.execute("INSERT INTO variants (sku, product_id, price, currency) VALUES"
                     " ('POT-1', 'POT', 300, 'CNY'), ('CUP-1', 'CUP', 50, 'CNY'), ('CUP-2', 'CUP', 50, 'CNY'),"
                     " ('BOWL-1', 'BOWL', 60, 'CNY')")
        shop.execute(
            "INSERT INTO listings (shop_id, listing_id, sku, title, price, currency, description, image_count)"
            " VALUES (?, 'T1', 'POT-1', '顶级手工茶壶 最好用', 300, 'CNY', '<p>茶壶</p>', 5),"
            " (?, 'D1', 'POT-1', '手工茶壶', 250, 'CNY', NULL, NULL),"
            " (?, 'T2', 'CUP-1', ?, 50, 'CNY', '<p> &nbsp;</p>', 0),"
            " (?, 'T3', 'BOWL-1', '手工饭碗', 60, 'CNY', '<p>本店销量第一</p>', 3),"
            " (?, 'T4', 'GONE-9', '手工饭碗', 60, 'CNY', NULL, NULL),"
            " (?, 'CUP', NULL, 'Handmade cup', 7.95, 'USD', '', 2)",
            [TB, DY, TB, "手工品茗杯" * 6 + "a", TB, TB, SF])
    return shop


def _rules(db: Database, sku: str) -> dict[str, list[list[str]]]:
    found: dict[str, list[list[str]]] = {}
    for p in sku_problems(db, sku):
        found.setdefault(p.rule, []).append(list(p.words))
    return found


def test_each_problem_is_found_on_the_sku_it_sells(db: Database) -> None:
    assert _rules(db, "POT-1") == {"absolute_terms": [["最好", "顶级"]], "price_spread": [[]]}
    assert _rules(db, "CUP-1") == {"title_too_long": [[]], "missing_description": [[], []],
                                   "missing_images": [[]]}
    # A Shopify listing naming no SKU lists the product: its problems are each variant's.
    assert _rules(db, "CUP-2") == {"missing_description": [[]]}
    assert _rules(db, "BOWL-1") == {"absolute_terms": [["销量第一"]], "duplicate_title": [["GONE-9"]]}
    spread = next(p for p in sku_problems(db, "POT-1") if p.rule == "price_spread")
    assert spread.detail == {"currency": "CNY", "low": "250.00", "high": "300.00",
                             "low_shop": DY, "high_shop": TB}
    too_long = next(p for p in sku_problems(db, "CUP-1") if p.rule == "title_too_long")
    assert too_long.detail == {"limit": 60, "length": 61}


def test_a_listing_whose_sku_is_not_in_the_catalogue_is_reported_unlinked(db: Database) -> None:
    entries = {(e.sku, e.linked): e for e in all_problems(db)}
    gone = entries[("GONE-9", False)]
    assert gone.title == "手工饭碗"
    assert {p.rule: list(p.words) for p in gone.problems} == {"unlinked_sku": ["GONE-9"],
                                                             "duplicate_title": ["BOWL-1"]}
    assert entries[("POT-1", True)].title == "Teapot"
    assert entries[("POT-1", True)].as_json()["problems"][0] == {
        "rule": "absolute_terms", "words": ["最好", "顶级"], "platform": "taobao", "shop": TB, "listing_id": "T1",
        "field": "title"}


def test_the_word_list_is_the_shops_own_and_undo_puts_the_default_back(db: Database) -> None:
    assert absolute_terms_are_default(db)
    assert "顶级" in absolute_terms(db)
    before = snapshot(db)
    result = save_check_settings(db, who="mei", words=["最好", "手工", "最好 "])
    assert result.changes.touches(Area.SETTINGS)
    assert absolute_terms(db) == ["最好", "手工"]
    # In the list's order, on the Taobao and the Douyin listing alike.
    assert sorted(_rules(db, "POT-1")["absolute_terms"]) == [["手工"], ["最好", "手工"]]
    assert undo_redo_state(db).undo is not None
    assert undo_redo_state(db).undo.code == "change.edit.absolute_terms"  # type: ignore[union-attr]
    undo(db, who="mei")
    assert snapshot(db) == before
    assert absolute_terms_are_default(db)
    redo(db, who="mei")
    assert absolute_terms(db) == ["最好", "手工"]


def test_an_emptied_list_finds_nothing_and_stays_empty(db: Database) -> None:
    save_check_settings(db, who="mei", words=[])
    assert absolute_terms(db) == []
    assert "absolute_terms" not in _rules(db, "POT-1")
    save_check_settings(db, who="mei", reset_words=True)
    assert absolute_terms(db) == default_absolute_terms()
    assert absolute_terms_are_default(db)


def test_the_price_tolerance_decides_the_spread_and_bad_values_change_nothing(db: Database) -> None:
    assert price_tolerance(db) == Decimal(10)
    save_check_settings(db, who="mei", tolerance_pct="20")
    assert price_tolerance(db) == Decimal(20)
    assert "price_spread" not in _rules(db, "POT-1")  # 300 vs 250 is 20 %, allowed now
    before = snapshot(db)
    for bad in ("-1", "abc", "1001"):
        with pytest.raises(ChangeRefused):
            save_check_settings(db, who="mei", tolerance_pct=bad, words=["x"])
    with pytest.raises(ChangeRefused):
        save_check_settings(db, who="mei", words=["x" * 41])
    assert snapshot(db) == before


def test_unchanged_settings_make_no_change_set(db: Database) -> None:
    result = save_check_settings(db, who="mei", words=list(reversed(default_absolute_terms())),
                                 tolerance_pct="10")
    assert not result.changes
    assert result.change_set_id is None
