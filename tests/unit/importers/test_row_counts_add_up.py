"""An outcome line adds up: every row read is added, updated or rejected (issue 7: never misreport).

Into an empty shop nothing can be unchanged, so a row counted nowhere is a row the
line does not account for - a seller reading "5 rows read, 3 added, 0 rejected"
asks where two rows went. Checked for one export of every recognised format and
for every real export in ../shared/samples.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from export_files import run_import
from fuzz_seeds import SEEDS, render

from shopkeeper.db.database import Database


def _unaccounted(shop: Database, path: Path) -> list[str]:
    lines = []
    for outcome in run_import(shop, path):
        assert outcome.ok, outcome.message
        if outcome.rows_read != outcome.rows_added + outcome.rows_updated + outcome.rows_rejected:
            lines.append(outcome.message)
    return lines


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_row_of_a_first_import_is_counted(shop: Database, tmp_path: Path, name: str) -> None:
    seed = SEEDS[name]()
    path = tmp_path / seed.name
    path.write_bytes(render(seed))
    assert _unaccounted(shop, path) == []


@pytest.mark.samples
def test_every_row_of_a_real_export_is_counted(tmp_path: Path, samples_dir: Path) -> None:
    from export_files import open_fresh_shop

    unaccounted = []
    for n, path in enumerate(sorted(samples_dir.rglob("*.csv"))):
        folder = tmp_path / str(n)
        folder.mkdir()
        shop = open_fresh_shop(folder)
        try:
            unaccounted += _unaccounted(shop, path)
        finally:
            shop.close()
    assert unaccounted == []


def test_a_later_export_names_the_rows_the_shop_already_held(shop: Database, tmp_path: Path) -> None:
    from test_import_order_independence import shopify_file, shopify_order

    run_import(shop, shopify_file(tmp_path / "orders_export_1.csv", shopify_order(1001), shopify_order(1002)))
    # A week later: #1001 shipped (its first row carries the order's fields), #1002 as it was, #1003 new;
    # two rows per order.
    [later] = run_import(shop, shopify_file(
        tmp_path / "orders_export_2.csv", shopify_order(1001, fulfilled="2025-02-01 09:00:00 -0500"),
        shopify_order(1002), shopify_order(1003)))
    assert later.message == ("orders_export_2.csv: Shopify orders, 6 rows read, 2 added, 1 updated, 3 unchanged, "
                             "0 rejected")
