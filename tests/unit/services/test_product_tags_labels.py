"""What Edit › Undo calls a tag change: only the side that changed ("+spring", not "+spring −-")."""

from __future__ import annotations

import pytest
from shop_tables import seed_catalog

from shopkeeper.db.database import Database
from shopkeeper.domain.message_texts import english
from shopkeeper.services.product_tags import change_tags

OAT, ASH = "CL-MUG-RUS-OAT", "CL-MUG-RUS-ASH"


@pytest.fixture
def db(shop: Database) -> Database:
    seed_catalog(shop)
    return shop


def test_a_tag_change_names_what_was_added_and_removed_and_leaves_an_empty_side_out(db: Database) -> None:
    def said(skus: list[str], add: list[str] = [], remove: list[str] = []) -> str:  # noqa: B006 - never mutated
        message = change_tags(db, skus, add=add, remove=remove, who="mei").message
        assert message is not None
        return english(message)

    assert said([OAT], add=["spring, 测试"]) == f"tags of {OAT}: +spring, 测试"
    assert said([OAT], add=["gift"], remove=["spring"]) == f"tags of {OAT}: +gift −spring"
    assert said([OAT], remove=["Gift"]) == f"tags of {OAT}: −gift"
    assert said([OAT, ASH], add=["winter"]) == "tags of 2 SKUs: +winter"
    assert said([OAT, ASH], remove=["winter"]) == "tags of 2 SKUs: −winter"
