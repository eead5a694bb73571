"""`shopkeeper import`: one line per table, refusals on stderr naming the file, exit code says it all."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PRODUCTS = "Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty\nmoon-mug,Moon Mug,MUG-1,12.50,7\n"


def _shopkeeper(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shopkeeper", *args], capture_output=True, text=True,
                          timeout=120)


def test_import_prints_a_line_per_file_and_fails_when_any_is_refused(tmp_path: Path) -> None:
    shop = str(tmp_path / "shop.duckdb")
    good = tmp_path / "products_export.csv"
    good.write_text(PRODUCTS, encoding="utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    unknown = tmp_path / "my-sheet.csv"
    unknown.write_text("Order No,Placed\nE-1,2025-01-02 10:00:00\n", encoding="utf-8")

    ok = _shopkeeper("import", "--db", shop, str(good))
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.strip() == ("products_export.csv: Shopify products, 1 row read, 1 added, 0 updated, "
                                 "0 rejected")

    mixed = _shopkeeper("import", "--db", shop, str(empty), str(unknown), str(good))
    assert mixed.returncode == 1
    assert mixed.stderr.splitlines() == [
        "empty.csv: refused — the file is empty (0 bytes)",
        "my-sheet.csv: refused — unknown export format: map its columns in the Shopkeeper window "
        "(File > Import…) or pass --mapping NAME",
    ]
    assert mixed.stdout.strip().startswith("products_export.csv: already imported on ")

    named = _shopkeeper("import", "--db", shop, "--mapping", "nope", str(unknown))
    assert named.returncode == 1
    assert named.stderr.strip() == 'my-sheet.csv: refused — there is no saved column mapping named "nope"'

    stats = json.loads(_shopkeeper("stats", "--json", "--db", shop).stdout)
    assert (stats["products"], stats["imports"]) == (1, 1)


def test_a_second_shop_of_a_platform_is_named_and_then_every_file_must_say_which(tmp_path: Path) -> None:
    shop = str(tmp_path / "shop.duckdb")
    for name, mug in (("north.csv", "MUG-1"), ("south.csv", "MUG-2")):
        (tmp_path / name).write_text(PRODUCTS.replace("MUG-1", mug), encoding="utf-8")
    assert _shopkeeper("import", "--db", shop, str(tmp_path / "north.csv")).returncode == 0
    named = _shopkeeper("import", "--db", shop, "--shop", "South", str(tmp_path / "south.csv"))
    assert named.returncode == 0, named.stderr
    (tmp_path / "which.csv").write_text(PRODUCTS.replace("MUG-1", "MUG-3"), encoding="utf-8")
    which = _shopkeeper("import", "--db", shop, str(tmp_path / "which.csv"))
    assert which.returncode == 1 and which.stdout == ""
    assert which.stderr.strip() == (
        "which.csv: refused — this shop file has several shopify shops (Shopify; South) and the file does not "
        "say which it is from: import it again with --shop NAME")
