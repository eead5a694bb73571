"""Channel links: which catalogue SKU a line sells, and the suggestion score, in Python and in SQL agree."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain import sku_links

RULES = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SHOPS = ("taobao:茶舍", "shopify:Tea House")
CHANNEL_SKUS = ("T-1", "T-2", "S-1", "S-2")
MASTERS = ("S-1", "S-2", "M-9")
# Latin, accented, CJK and blanks: what sellers' titles are made of (lower() agrees on these in both).
TITLE = st.text(alphabet="abcdeAB éü茶壶杯 -", max_size=14)


class _scratch:  # noqa: N801 - used as a context manager
    def __init__(self, db: Database) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.begin()

    def __exit__(self, *exc: object) -> None:
        self.db.rollback()


LINE = st.tuples(st.sampled_from(SHOPS), st.sampled_from(CHANNEL_SKUS), st.integers(1, 5))
LINK = st.tuples(st.sampled_from(SHOPS), st.sampled_from(CHANNEL_SKUS), st.sampled_from(MASTERS) | st.none())


@RULES
@given(lines=st.lists(LINE, max_size=12), links=st.lists(LINK, max_size=6, unique_by=lambda k: k[:2]))
def test_every_line_sells_the_sku_its_link_resolves_to(db: Database, lines: list[tuple[str, str, int]],
                                                        links: list[tuple[str, str, str | None]]) -> None:
    with _scratch(db):
        for i, (shop, sku, qty) in enumerate(lines):
            db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total)"
                       " VALUES (?, ?, TIMESTAMPTZ '2026-01-01 10:00:00+08', '+08:00', 'paid', 'CNY', 1)",
                       [shop, f"o{i}"])
            db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                       " line_total, currency) VALUES (?, ?, 1, ?, 'x', ?, 1, ?, 'CNY')", [shop, f"o{i}", sku, qty, qty])
        for shop, channel_sku, master in links:
            db.execute("INSERT INTO sku_links VALUES (?, ?, ?, 'manual', NULL)", [shop, channel_sku, master])
        got = sorted(db.fetchall("SELECT order_id, channel_sku, sku FROM sk_sku_lines()"))
        states = dict(((s, c), st_) for s, c, st_ in db.fetchall(
            "SELECT shop_id, channel_sku, state FROM sk_channel_items()"))
    table = {(shop, channel_sku): master for shop, channel_sku, master in links}
    expected = sorted((f"o{i}", sku, sku_links.resolved_sku(sku, table.get((shop, sku))))
                      for i, (shop, sku, _) in enumerate(lines))
    assert got == expected
    for (shop, sku), state in states.items():
        has_link = (shop, sku) in table
        assert state == sku_links.link_state(has_link, table.get((shop, sku)), in_variants=False)


@RULES
@given(has_link=st.booleans(), master=st.sampled_from(MASTERS) | st.none(), in_variants=st.booleans())
def test_link_state(db: Database, has_link: bool, master: str | None, in_variants: bool) -> None:
    assert db.scalar("SELECT sk_link_state(?, ?, ?)", [has_link, master, in_variants]) == \
        sku_links.link_state(has_link, master, in_variants)


@RULES
@given(flags=st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans()),
       skus=st.tuples(st.sampled_from(MASTERS), st.sampled_from(MASTERS)))
def test_which_way_a_pair_is_suggested(db: Database, flags: tuple[bool, bool, bool, bool],
                                       skus: tuple[str, str]) -> None:
    item_in_variants, item_cost_known, in_variants, cost_known = flags
    args = (item_in_variants, item_cost_known, skus[0], in_variants, cost_known, skus[1])
    assert db.scalar("SELECT sk_may_suggest(?, ?, ?, ?, ?, ?)", list(args)) == sku_links.may_suggest(*args)
    if item_in_variants and in_variants and skus[0] != skus[1]:
        # Two product exports' entries: exactly one of them is suggested as the other's master.
        back = (in_variants, cost_known, skus[1], item_in_variants, item_cost_known, skus[0])
        assert sku_links.may_suggest(*args) != sku_links.may_suggest(*back)


@RULES
@given(a=TITLE, b=TITLE)
def test_title_similarity(db: Database, a: str, b: str) -> None:
    sql = db.scalar("SELECT sk_title_similarity(?, ?)", [a, b])
    python = sku_links.jaro_winkler(sku_links.title_key(a), sku_links.title_key(b))
    assert abs(sql - python) < 1e-12
    assert 0.0 <= python <= 1.0


@RULES
@given(same_barcode=st.booleans(), a=TITLE, b=TITLE | st.just("abcde 茶壶"))
def test_suggestion_score(db: Database, same_barcode: bool, a: str, b: str) -> None:
    similarity = sku_links.jaro_winkler(sku_links.title_key(a), sku_links.title_key(b))
    reason, score = db.fetchone("SELECT sk_suggestion_reason(?, sk_title_similarity(?, ?)),"
                                " sk_suggestion_score(?, sk_title_similarity(?, ?))",
                                [same_barcode, a, b, same_barcode, a, b]) or (None, None)
    expected = sku_links.suggestion_score(same_barcode, similarity)
    assert (reason, score) == (expected if expected is not None else (None, None))


def test_known_similarities() -> None:
    # Textbook values: the Python statement is the standard Jaro-Winkler.
    assert round(sku_links.jaro_winkler("martha", "marhta"), 4) == 0.9611
    assert round(sku_links.jaro_winkler("dwayne", "duane"), 2) == 0.84
    assert sku_links.jaro_winkler("", "") == 0.0
    assert sku_links.suggestion_score(False, 0.84) is None
    assert sku_links.suggestion_score(False, 0.9611111111111111) == (sku_links.TITLE, Decimal("0.961"))
    assert sku_links.suggestion_score(True, 0.1) == (sku_links.BARCODE, Decimal("1.000"))


@RULES
@given(platform=st.sampled_from(("etsy", "shopify", "woocommerce", "taobao", "douyin", "amazon")),
       listing_id=st.text(alphabet="0123456789abcXY-_/茶 ", min_size=1, max_size=12),
       # the product its import named: none (an older import), the listing's id, a key made from it, a SKU
       named=st.one_of(st.none(), st.just("="), st.just("wc-="), st.just("taobao-="),
                       st.text(alphabet="0123456789abcXY-_/茶 ", min_size=1, max_size=12)))
def test_the_products_a_listing_naming_no_sku_lists(db: Database, platform: str, listing_id: str,
                                                     named: str | None) -> None:
    product_id = None if named is None else named.replace("=", listing_id)
    got = db.scalar("SELECT sk_listing_product_ids(?, ?, ?)", [platform, listing_id, product_id])
    assert tuple(got) == sku_links.listing_product_ids(platform, listing_id, product_id)
