"""An Etsy or Shopify item without a SKU is kept under its title's stand-in, in Python and SQL alike (domain/sku_lines.py)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain.sku_lines import STAND_IN_PLATFORMS, line_sku, stand_in_platform, stand_in_sku

RULES = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TITLES = st.none() | st.text(alphabet=st.sampled_from("aZé印 \t\n\u3000\u00a0-|"), max_size=12)


def test_one_title_is_one_stand_in_whatever_its_case_and_spaces() -> None:
    key = stand_in_sku("etsy", "Journey into outer space")
    assert key is not None and key.startswith("etsy-") and len(key) == len("etsy-") + 12
    assert {stand_in_sku("etsy", t) for t in (" journey into  OUTER\tspace ", "Journey into outer space")} == {key}
    assert stand_in_sku("etsy", "Journey into outer space 2") != key
    # only where the platform keys items by title; no title, no key
    assert (stand_in_sku("taobao", "Mug"), stand_in_sku("etsy", "  "), stand_in_sku("etsy", None)) == (None, None, None)
    # a line's own SKU always wins; a Shopify line without one has its own platform's stand-in
    assert (line_sku("etsy:s", "MUG-1", "Mug"), line_sku("etsy:s", "", "Mug"), line_sku("taobao:s", None, "Mug")) == (
        "MUG-1", stand_in_sku("etsy", "Mug"), None)
    assert line_sku("shopify:s", None, "Mug") == stand_in_sku("shopify", "mug") != stand_in_sku("etsy", "Mug")


@RULES
@given(shop=st.sampled_from(["etsy:shop", "shopify:shop", "taobao:x"]), sku=st.none() | st.sampled_from(["", "A-1"]),
       title=TITLES)
def test_sql_agrees_with_python(db: Database, shop: str, sku: str | None, title: str | None) -> None:
    assert db.scalar("SELECT sk_line_sku(?, ?, ?)", [shop, sku, title]) == line_sku(shop, sku, title)


@RULES
@given(sku=st.sampled_from(["etsy-", "shopify-", "taobao-", "etsy", ""]).flatmap(
    lambda prefix: st.text(alphabet=st.sampled_from("0123456789abcdefA-g"), max_size=14).map(lambda tail: prefix + tail))
    | st.builds(lambda p, t: stand_in_sku(p, t) or "", st.sampled_from(STAND_IN_PLATFORMS), TITLES))
def test_which_skus_are_stand_ins_sql_agrees_with_python(db: Database, sku: str) -> None:
    assert db.scalar("SELECT sk_stand_in_platform(?)", [sku]) == stand_in_platform(sku)
