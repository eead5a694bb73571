"""What makes a listing break a platform's rules or the law: each check a stable code.

Title length, per platform (the platform's own counting):

* Taobao / Tmall and Pinduoduo: 60 bytes as GBK counts them, i.e. 30 Chinese
  characters or 60 Latin letters. GBK spends one byte on ASCII and two on a
  Chinese character; a character GBK cannot encode at all (an emoji) is counted
  as two as well, which is what the platforms' own counters show.
* Amazon 200 characters, Etsy 140, eBay 80 (each platform's title limit).
* Shopify and WooCommerce: 70 characters, the length search engines show of a
  page title; the product title is the page's default SEO title on both.
* JD, Douyin, Youzan and other shops: no limit is checked, because no
  published limit was confirmed; add it to TITLE_LIMITS when one is.

Absolute terms (极限词): China's Advertising Law art. 9(3) forbids "国家级",
"最高级", "最佳" and the like in a listing's title and pages. It governs what is
shown in China, so the listings of the Chinese platforms are checked (an Etsy
title's "100% cotton" is no offence there). The word list is
the seller's (resources/listing_words/absolute_terms_zh.txt is the default);
a word is found when the text contains it, Latin letters compared without
case. A found word that is part of a longer found word is not reported again
(最好 is reported, not 最 as well): the longer word already says where.

Price spread: a SKU's prices on its listings, compared within one currency
(a price in dollars on Etsy and one in yuan on Taobao serve different markets,
with shipping and duties in between), differ too much when
(highest − lowest) × 100 > tolerance % × lowest.

Each rule is written here twice, in Python and as the SQL macro every service
uses; tests/unit/domain/test_listing_rules_vs_sql.py holds them together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

# The stable rule codes, as `shopkeeper check listings --json` prints them.
TITLE_TOO_LONG = "title_too_long"
ABSOLUTE_TERMS = "absolute_terms"
MISSING_DESCRIPTION = "missing_description"
MISSING_IMAGES = "missing_images"
DUPLICATE_TITLE = "duplicate_title"
PRICE_SPREAD = "price_spread"
UNLINKED_SKU = "unlinked_sku"
RULES = (TITLE_TOO_LONG, ABSOLUTE_TERMS, MISSING_DESCRIPTION, MISSING_IMAGES, DUPLICATE_TITLE, PRICE_SPREAD,
         UNLINKED_SKU)

# The message code that words each rule (domain/message_texts.py, ui/message_texts.py).
RULE_MESSAGES = {
    TITLE_TOO_LONG: "check.listing.title_too_long",
    ABSOLUTE_TERMS: "check.listing.absolute_terms",
    MISSING_DESCRIPTION: "check.listing.missing_description",
    MISSING_IMAGES: "check.listing.missing_images",
    DUPLICATE_TITLE: "check.listing.duplicate_title",
    PRICE_SPREAD: "check.listing.price_spread",
    UNLINKED_SKU: "check.listing.unlinked_sku",
}

GBK_BYTES = "gbk_bytes"
CHARACTERS = "characters"

# platform code -> (limit, unit)
TITLE_LIMITS: dict[str, tuple[int, str]] = {
    "taobao": (60, GBK_BYTES),
    "pinduoduo": (60, GBK_BYTES),
    "amazon": (200, CHARACTERS),
    "etsy": (140, CHARACTERS),
    "ebay": (80, CHARACTERS),
    "shopify": (70, CHARACTERS),
    "woocommerce": (70, CHARACTERS),
}

# Platforms whose listings are shown in China, where the Advertising Law applies.
ADVERTISING_LAW_PLATFORMS = ("taobao", "jd", "pinduoduo", "douyin", "youzan")

DEFAULT_PRICE_TOLERANCE_PCT = Decimal(10)

_ASCII_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_FOLD = str.maketrans(_ASCII_UPPER, _ASCII_UPPER.lower())


def title_units(platform: str, title: str) -> int:
    """The title's length as `platform` counts it."""
    _limit, unit = TITLE_LIMITS.get(platform, (0, CHARACTERS))
    if unit == GBK_BYTES:
        return sum(1 if ord(ch) < 0x80 else 2 for ch in title)
    return len(title)


def title_limit(platform: str) -> int | None:
    found = TITLE_LIMITS.get(platform)
    return found[0] if found else None


def title_too_long(platform: str, title: str | None) -> bool:
    limit = title_limit(platform)
    return limit is not None and title is not None and title_units(platform, title) > limit


def fold(text: str) -> str:
    """Latin letters lower-cased, nothing else touched (what the SQL's translate() does too)."""
    return text.translate(_FOLD)


def absolute_terms_found(text: str | None, words: Sequence[str]) -> list[str]:
    """The list's words that `text` contains, in the list's order, less those inside a longer found word."""
    if text is None:
        return []
    folded = fold(text)
    found = [w for w in words if fold(w) in folded]
    return [w for w in found if not any(len(o) > len(w) and fold(w) in fold(o) for o in found)]


def advertising_law_applies(platform: str | None) -> bool:
    return platform in ADVERTISING_LAW_PLATFORMS


def price_spread_too_wide(prices: Iterable[Decimal], tolerance_pct: Decimal) -> bool:
    """Whether the highest price exceeds the lowest by more than `tolerance_pct` percent of it."""
    known = [p for p in prices if p is not None]
    if len(known) < 2:
        return False
    low, high = min(known), max(known)
    return low > 0 and (high - low) * 100 > tolerance_pct * low


def normalise_words(words: Iterable[str]) -> list[str]:
    """A word list as it is kept: trimmed, no blanks, no repeats (Latin letters compared without case)."""
    kept: dict[str, str] = {}
    for word in words:
        text = word.strip()
        if text and fold(text) not in kept:
            kept[fold(text)] = text
    return list(kept.values())


def _limits_case(pick: int) -> str:
    arms = " ".join(f"WHEN '{p}' THEN {v[pick] if pick == 0 else repr(v[pick])}" for p, v in TITLE_LIMITS.items())
    return f"CASE platform {arms} END"


MACROS = (
    f"CREATE OR REPLACE TEMP MACRO sk_title_limit(platform) AS {_limits_case(0)}",
    # GBK bytes: every character once, every non-ASCII one a second time.
    "CREATE OR REPLACE TEMP MACRO sk_title_units(platform, title) AS"
    f" CASE WHEN {_limits_case(1)} = '{GBK_BYTES}'"
    " THEN length(title) + length(regexp_replace(title, '[\\x00-\\x7F]', '', 'g')) ELSE length(title) END",
    "CREATE OR REPLACE TEMP MACRO sk_title_too_long(platform, title) AS"
    " coalesce(sk_title_units(platform, title) > sk_title_limit(platform), FALSE)",
    f"CREATE OR REPLACE TEMP MACRO sk_fold(text) AS translate(text, '{_ASCII_UPPER}', '{_ASCII_UPPER.lower()}')",
    # The two halves of sk_absolute_terms, for callers that fold each text and the list once: folding
    # inside the lambda would fold the text again for every word of the list.
    "CREATE OR REPLACE TEMP MACRO sk_terms_found(folded_text, words, folded_words) AS"
    " list_filter(words, lambda w, i: coalesce(contains(folded_text, folded_words[i]), FALSE))",
    "CREATE OR REPLACE TEMP MACRO sk_drop_contained(found) AS list_filter(found, lambda w: NOT list_bool_or("
    " list_transform(found, lambda o: length(o) > length(w) AND contains(sk_fold(o), sk_fold(w)))))",
    "CREATE OR REPLACE TEMP MACRO sk_absolute_terms(text, words) AS sk_drop_contained("
    " sk_terms_found(sk_fold(text), words, list_transform(words, lambda w: sk_fold(w))))",
    "CREATE OR REPLACE TEMP MACRO sk_advertising_law_applies(platform) AS coalesce(platform IN ("
    + ", ".join(f"'{p}'" for p in ADVERTISING_LAW_PLATFORMS) + "), FALSE)",
    "CREATE OR REPLACE TEMP MACRO sk_price_spread_too_wide(low, high, tolerance_pct) AS"
    " coalesce(low > 0 AND (high - low) * 100 > tolerance_pct * low, FALSE)",
)


def parse_word_list(text: str) -> list[str]:
    """A word list file: one word a line, lines starting with '#' are comments."""
    return normalise_words(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# The seller's settings, kept in table listing_check_settings (services/listing_check_settings.py writes them).
ABSOLUTE_TERMS_KEY = "absolute_terms_zh"
PRICE_TOLERANCE_KEY = "price_tolerance_pct"
MAX_TOLERANCE_PCT = Decimal(1000)


def settings_macros(default_terms: Sequence[str]) -> tuple[str, ...]:
    """Which word list and tolerance apply, in SQL: the shop's own, else the defaults given here."""
    default_list = "[" + ", ".join(_sql_text(w) for w in default_terms) + "]::VARCHAR[]"
    return (
        "CREATE OR REPLACE TEMP MACRO sk_absolute_term_list() AS coalesce((SELECT CASE"
        " WHEN json_valid(value) AND json_type(value::JSON) = 'ARRAY' THEN from_json(value, '[\"VARCHAR\"]') END"
        f" FROM listing_check_settings WHERE key = '{ABSOLUTE_TERMS_KEY}'), {default_list})",
        "CREATE OR REPLACE TEMP MACRO sk_price_tolerance_pct() AS coalesce((SELECT CASE"
        f" WHEN TRY_CAST(value AS DECIMAL(18,4)) BETWEEN 0 AND {MAX_TOLERANCE_PCT} THEN TRY_CAST(value AS DECIMAL(18,4))"
        f" END FROM listing_check_settings WHERE key = '{PRICE_TOLERANCE_KEY}'), {DEFAULT_PRICE_TOLERANCE_PCT})",
    )


# Every problem of every listing, one row each: (sku, linked, shop_id, platform, listing_id, title, rule,
# words, detail JSON). A listing sells its own SKU, or, when it names none (a Shopify product with several
# variants), every variant of the product it lists; `linked` says the SKU is in the catalogue. Only listings
# naming one SKU take part in the price comparison: a product-level price is its cheapest variant's.
_TAGS = "'<[^>]*>|&nbsp;'"
TABLE_MACROS = (
    # A SKU's lowest and highest price across the listings naming it, per currency: what the price-spread
    # check compares and the Listings table shows.
    """CREATE OR REPLACE TEMP MACRO sk_price_range() AS TABLE
    SELECT v.sku, l.currency, min(l.price) AS low, max(l.price) AS high,
           arg_min(l.shop_id, l.price) AS low_shop, arg_max(l.shop_id, l.price) AS high_shop,
           count(*) AS listings
    FROM listings l JOIN variants v ON v.sku = l.sku
    WHERE l.price IS NOT NULL AND l.currency IS NOT NULL
    GROUP BY ALL""",
    f"""CREATE OR REPLACE TEMP MACRO sk_listing_problems() AS TABLE
    WITH l AS (
        SELECT l.shop_id, coalesce(s.platform, split_part(l.shop_id, ':', 1)) AS platform, l.listing_id,
               sk_link_target(l.sku, k.master_sku) AS sku,  -- the catalogue SKU it sells (domain/sku_links.py)
               l.title, l.price, l.currency, l.description, l.image_count, l.product_id,
               regexp_replace(l.description, {_TAGS}, ' ', 'g') AS description_text
        FROM listings l LEFT JOIN shops s ON s.shop_id = l.shop_id
        LEFT JOIN sku_links k ON k.shop_id = l.shop_id AND k.channel_sku = l.sku
    ),
    own AS (
        SELECT l.shop_id, l.listing_id, v.sku FROM l JOIN variants v ON v.sku = l.sku
        UNION ALL
        -- a listing naming no SKU: every variant of the product it lists (domain/sku_links.py)
        SELECT l.shop_id, l.listing_id, v.sku
        FROM (SELECT *, unnest(sk_listing_product_ids(platform, listing_id, product_id)) AS listed_product
              FROM l WHERE sku IS NULL) l
        JOIN variants v ON v.product_id = l.listed_product
    ),
    terms AS (
        SELECT words, list_transform(words, lambda w: sk_fold(w)) AS folded
        FROM (SELECT sk_absolute_term_list() AS words)
    ),
    found AS (
        SELECT shop_id, platform, listing_id, sku, title,
               sk_drop_contained(sk_terms_found(folded_title, t.words, t.folded)) AS in_title,
               sk_drop_contained(sk_terms_found(folded_description, t.words, t.folded)) AS in_description
        FROM (SELECT *, sk_fold(title) AS folded_title, sk_fold(description_text) AS folded_description FROM l
              WHERE sk_advertising_law_applies(platform)) l,
             terms t
    ),
    same_title AS (
        SELECT shop_id, sk_fold(trim(title)) AS folded, list(coalesce(sku, listing_id) ORDER BY listing_id) AS holders
        FROM l GROUP BY ALL HAVING count(*) > 1
    ),
    per_listing AS (
        SELECT shop_id, platform, listing_id, sku, title, '{TITLE_TOO_LONG}' AS rule, []::VARCHAR[] AS words,
               json_object('limit', sk_title_limit(platform), 'length', sk_title_units(platform, title))::VARCHAR
                   AS detail
        FROM l WHERE sk_title_too_long(platform, title)
        UNION ALL
        SELECT shop_id, platform, listing_id, sku, title, '{ABSOLUTE_TERMS}', in_title, '{{"field":"title"}}'
        FROM found WHERE len(in_title) > 0
        UNION ALL
        SELECT shop_id, platform, listing_id, sku, title, '{ABSOLUTE_TERMS}', in_description,
               '{{"field":"description"}}'
        FROM found WHERE len(in_description) > 0
        UNION ALL
        SELECT shop_id, platform, listing_id, sku, title, '{MISSING_DESCRIPTION}', []::VARCHAR[], '{{}}'
        FROM l WHERE trim(description_text) = ''
        UNION ALL
        SELECT shop_id, platform, listing_id, sku, title, '{MISSING_IMAGES}', []::VARCHAR[], '{{}}'
        FROM l WHERE image_count = 0
        UNION ALL
        SELECT l.shop_id, l.platform, l.listing_id, l.sku, l.title, '{DUPLICATE_TITLE}',
               list_filter(d.holders, lambda h: h <> coalesce(l.sku, l.listing_id)), '{{}}'
        FROM l JOIN same_title d ON d.shop_id = l.shop_id AND d.folded = sk_fold(trim(l.title))
        UNION ALL
        SELECT shop_id, platform, listing_id, sku, title, '{UNLINKED_SKU}', [sku], '{{}}'
        FROM l WHERE sku IS NOT NULL AND NOT EXISTS (SELECT 1 FROM variants v WHERE v.sku = l.sku)
    ),
    spread AS (
        SELECT * FROM sk_price_range() WHERE sk_price_spread_too_wide(low, high, sk_price_tolerance_pct())
    )
    SELECT coalesce(o.sku, p.sku) AS sku, o.sku IS NOT NULL AS linked, p.shop_id, p.platform, p.listing_id,
           p.title, p.rule, p.words, p.detail
    FROM per_listing p LEFT JOIN own o ON o.shop_id = p.shop_id AND o.listing_id = p.listing_id
    UNION ALL
    SELECT sku, TRUE, NULL, NULL, NULL, NULL, '{PRICE_SPREAD}', []::VARCHAR[],
           json_object('currency', currency, 'low', low::VARCHAR, 'high', high::VARCHAR,
                       'low_shop', low_shop, 'high_shop', high_shop)::VARCHAR
    FROM spread""",
)
