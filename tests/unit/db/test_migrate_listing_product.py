"""Data version 32: a listing keeps the product its import named; an older shop's listings hold what they held."""

from __future__ import annotations

from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.db.merge import table_columns
from shopkeeper.db.migrate import bundled_migrations, current_version, migrate
from shopkeeper.services.inventory import inventory_rows
from tests.catalogue_shop import TODAY


def test_a_version_31_shops_listings_keep_the_variants_their_ids_give(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "old.duckdb")
    try:
        migrate(db, tmp_path / "bk", [m for m in bundled_migrations() if m.version < 32])
        assert current_version(db) == 31
        assert "product_id" not in table_columns(db, "listings")
        db.execute("INSERT INTO shops VALUES ('woocommerce:Ink', 'woocommerce', 'Ink', 'EUR')")
        db.execute("INSERT INTO products (product_id, title) VALUES ('wc-741', 'Hoodie'), ('cc-tee', 'Tee')")
        db.execute("INSERT INTO variants (sku, product_id, option_text, price, currency) VALUES"
                   " ('H-RED', 'wc-741', 'Red', 35, 'EUR'), ('TEE-RED', 'cc-tee', 'Red', 18, 'EUR')")
        # a parent without a SKU (wc-741, found by its ID) and one with a SKU of its own (not findable then)
        db.execute("INSERT INTO listings (shop_id, listing_id, sku, title, price, currency, status) VALUES"
                   " ('woocommerce:Ink', '741', NULL, 'Hoodie', 35, 'EUR', 'active'),"
                   " ('woocommerce:Ink', '750', NULL, 'Tee', 18, 'EUR', 'active')")
        before = db.fetchall("SELECT * FROM listings ORDER BY listing_id")
        migrate(db, tmp_path / "bk")
        assert current_version(db) == bundled_migrations()[-1].version
        assert "product_id" in table_columns(db, "listings")
        assert "product_id" in table_columns(db, "listings_prior")
        assert db.fetchall("SELECT * EXCLUDE (product_id) FROM listings ORDER BY listing_id") == before
        assert db.fetchall("SELECT product_id FROM listings") == [(None,), (None,)]
        # until its export is imported again, the listing of Tee holds nothing rather than a guess
        assert {r["sku"]: r["platforms"] for r in inventory_rows(db, TODAY)} == {"H-RED": "woocommerce",
                                                                                "TEE-RED": None}
    finally:
        db.close()
