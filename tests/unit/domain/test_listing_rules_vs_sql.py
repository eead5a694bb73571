"""The listing checks' rules say the same in Python as in the SQL every check runs (domain/listing_rules.py)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain import listing_rules as rules

RULES = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Letters that make the rules' corners: ASCII in both cases, Chinese, an emoji, a non-ASCII capital
# (compared exactly: only Latin letters fold), the list's own words and their pieces.
ALPHABET = st.sampled_from(list("aAbBzZ .,1%") + list("最好第一佳顶级品杯茶") + ["😀", "É", "é", "İ"])
TEXT = st.text(alphabet=ALPHABET, max_size=40)
WORD = st.text(alphabet=ALPHABET, min_size=1, max_size=4)
PLATFORM = st.sampled_from([*rules.TITLE_LIMITS, "jd", "douyin", "other"])


@RULES
@given(platform=PLATFORM, title=st.text(max_size=120) | TEXT)
def test_title_length_counts_like_the_platform(db: Database, platform: str, title: str) -> None:
    limit = rules.title_limit(platform)
    units, sql_limit, too_long = db.fetchone(
        "SELECT sk_title_units(?, ?), sk_title_limit(?), sk_title_too_long(?, ?)",
        [platform, title, platform, platform, title]) or (None, None, None)
    assert units == rules.title_units(platform, title)
    assert sql_limit == limit
    assert too_long == rules.title_too_long(platform, title)


@RULES
@given(text=TEXT | st.none(), words=st.lists(WORD, max_size=8, unique=True))
def test_absolute_terms_found_alike(db: Database, text: str | None, words: list[str]) -> None:
    found = db.scalar("SELECT sk_absolute_terms(?, ?::VARCHAR[])", [text, words])
    assert list(found or []) == rules.absolute_terms_found(text, words)


@RULES
@given(platform=PLATFORM | st.none())
def test_the_advertising_law_applies_alike(db: Database, platform: str | None) -> None:
    assert db.scalar("SELECT sk_advertising_law_applies(?)", [platform]) == rules.advertising_law_applies(platform)


PRICE = st.decimals(min_value=Decimal("0.00"), max_value=Decimal("99999.99"), places=2)


@RULES
@given(prices=st.lists(PRICE, min_size=2, max_size=5), tolerance=st.decimals(min_value=0, max_value=200, places=1))
def test_price_spread_alike(db: Database, prices: list[Decimal], tolerance: Decimal) -> None:
    sql = db.scalar("SELECT sk_price_spread_too_wide(?::DECIMAL(18,2), ?::DECIMAL(18,2), ?::DECIMAL(18,4))",
                    [min(prices), max(prices), tolerance])
    assert sql == rules.price_spread_too_wide(prices, tolerance)


def test_taobao_counts_a_chinese_character_as_two_bytes() -> None:
    thirty = "茶" * 30
    assert not rules.title_too_long("taobao", thirty)
    assert rules.title_too_long("taobao", thirty + "a")
    assert not rules.title_too_long("etsy", "a" * 140)
    assert rules.title_too_long("etsy", "a" * 141)
    assert not rules.title_too_long("jd", "茶" * 500)  # no published limit is checked


def test_a_longer_found_word_is_reported_instead_of_its_part() -> None:
    words = ["最", "最好", "第一", "NO.1"]
    assert rules.absolute_terms_found("最好的茶杯 No.1", words) == ["最好", "NO.1"]
    assert rules.absolute_terms_found("手工茶杯", words) == []


def test_ten_percent_is_allowed_and_a_cent_more_is_not() -> None:
    assert not rules.price_spread_too_wide([Decimal("100.00"), Decimal("110.00")], Decimal(10))
    assert rules.price_spread_too_wide([Decimal("100.00"), Decimal("110.01")], Decimal(10))
    assert not rules.price_spread_too_wide([Decimal("100.00")], Decimal(0))
