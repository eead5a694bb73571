"""Which of a platform's shops a file goes into when the import names none.

A file does not say which store it came from. Named once (`--shop`, File › Import into a shop…), the platform's
shop takes every later file of that platform; with several shops of the platform, a file that names none is
refused rather than put into one of them by guess: the same order in two shops would count twice.
"""

from __future__ import annotations

from pathlib import Path

from export_files import SHOPIFY_ORDERS, import_ok, run_import, snapshot, write_export

from shopkeeper.db.database import Database
from shopkeeper.domain.message_texts import english


def _orders(path: Path, *numbers: int) -> Path:
    rows = [{"Name": f"#{n}", "Email": f"b{n}@example.com", "Financial Status": "paid", "Currency": "EUR",
             "Subtotal": "10.00", "Total": "10.00", "Created at": "2026-11-01 10:00:00 +0100",
             "Lineitem quantity": "1", "Lineitem name": "Pin", "Lineitem price": "10.00", "Lineitem sku": "PIN",
             "Id": str(5_000_000 + n)} for n in numbers]
    return write_export(path, SHOPIFY_ORDERS, rows)


def _shops_and_orders(db: Database) -> list[tuple[str, int]]:
    return db.fetchall("SELECT s.shop_id, count(o.order_id) FROM shops s LEFT JOIN orders o USING (shop_id) "
                       "GROUP BY ALL ORDER BY 1")


def test_the_first_file_of_a_platform_makes_its_shop_under_the_platforms_name(shop: Database,
                                                                              tmp_path: Path) -> None:
    import_ok(shop, _orders(tmp_path / "a.csv", 1, 2))
    assert _shops_and_orders(shop) == [("shopify:Shopify", 2)]


def test_a_file_naming_no_shop_goes_into_the_platforms_only_shop(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _orders(tmp_path / "a.csv", 1, 2), shop_name="North Store")
    # a later export overlapping the first: its orders update, they are not added to a second shop
    [later] = import_ok(shop, _orders(tmp_path / "b.csv", 2, 3))
    assert (later.rows_added, later.rows_updated) == (1, 0)
    assert _shops_and_orders(shop) == [("shopify:North Store", 3)]
    assert shop.scalar("SELECT sum(total) FROM orders") == 30


def test_with_several_shops_of_the_platform_a_file_naming_none_is_refused_and_changes_nothing(
        shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _orders(tmp_path / "north.csv", 1), shop_name="North Store")
    import_ok(shop, _orders(tmp_path / "south.csv", 7), shop_name="South Store")
    before = snapshot(shop)
    [outcome] = run_import(shop, _orders(tmp_path / "which.csv", 1, 2))
    assert not outcome.ok and outcome.refusal is not None
    assert outcome.refusal.code == "import.refused.which_shop"
    assert outcome.refusal.params == {"platform": "shopify", "shops": ["North Store", "South Store"]}
    assert "--shop NAME" in english(outcome.refusal) and "North Store" in english(outcome.refusal)
    assert snapshot(shop) == before
    # named, it goes where it is told; typed in another case, the name is still that shop's
    import_ok(shop, tmp_path / "which.csv", shop_name="  south STORE ")
    assert _shops_and_orders(shop) == [("shopify:North Store", 1), ("shopify:South Store", 3)]


def test_another_platforms_shops_do_not_count(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _orders(tmp_path / "a.csv", 1), shop_name="North Store")
    shop.execute("INSERT INTO shops (shop_id, platform, name) VALUES ('etsy:Craft', 'etsy', 'Craft'),"
                 " ('etsy:Prints', 'etsy', 'Prints')")
    import_ok(shop, _orders(tmp_path / "b.csv", 2))
    assert shop.scalar("SELECT count(*) FROM orders WHERE shop_id = 'shopify:North Store'") == 2
