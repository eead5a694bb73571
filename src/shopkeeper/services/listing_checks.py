"""What is wrong with each listing, per SKU: for the Listings tab's badges and panel, and `check listings`.

The checks themselves are the rules of domain/listing_rules.py, run as the SQL
table macro `sk_listing_problems()` over every listing, with the seller's word
list and price tolerance (services/listing_check_settings.py). A problem of a
listing belongs to the SKU it sells; a Shopify product listing with several
variants gives its problems to each of them. A listing whose SKU is not in
the catalogue has its own entry under that SKU, marked unlinked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from shopkeeper.db.database import Database
from shopkeeper.domain.listing_rules import ABSOLUTE_TERMS, RULE_MESSAGES, RULES
from shopkeeper.domain.messages import Message

# Per SKU, its problems' rule codes, comma-separated in a fixed order (for a badge column and a filter).
PROBLEM_CODES_BY_SKU_SQL = (
    "SELECT sku, string_agg(DISTINCT rule, ',' ORDER BY rule) AS problems, count(*) AS problem_count"
    " FROM sk_listing_problems() WHERE linked GROUP BY sku"
)

_RULE_ORDER = {rule: i for i, rule in enumerate(RULES)}


@dataclass(frozen=True)
class ListingProblem:
    rule: str                     # a stable code of domain/listing_rules.RULES
    words: tuple[str, ...]        # what was found: the terms, the other holders of a title, the unknown SKU
    shop_id: str | None           # None: the SKU's problem across its listings (a price spread)
    platform: str | None
    listing_id: str | None
    title: str | None             # the listing's title as that platform shows it
    detail: dict[str, Any]        # the rule's figures: limit and length, currency and prices, field

    @property
    def message(self) -> Message:
        """The problem in words, for the panel and the English report."""
        code = RULE_MESSAGES[self.rule]
        if self.rule == ABSOLUTE_TERMS and self.detail.get("field") == "description":
            code = "check.listing.absolute_terms_description"
        return Message(code, {**self.detail, "words": self.words, "platform": self.platform or "",
                              "listing": self.listing_id or ""})

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rule": self.rule, "words": list(self.words)}
        out.update({"platform": self.platform, "shop": self.shop_id, "listing_id": self.listing_id})
        out.update(self.detail)
        return out


@dataclass(frozen=True)
class SkuProblems:
    sku: str
    title: str                    # the product's title, else the listing's
    linked: bool                  # False: a listing's SKU the catalogue does not know
    problems: tuple[ListingProblem, ...]

    def as_json(self) -> dict[str, Any]:
        return {"sku": self.sku, "title": self.title, "linked": self.linked,
                "problems": [p.as_json() for p in self.problems]}


_COLUMNS = "p.sku, p.linked, p.shop_id, p.platform, p.listing_id, p.title, p.rule, p.words, p.detail"


def _problem(row: tuple[Any, ...]) -> ListingProblem:
    _sku, _linked, shop_id, platform, listing_id, title, rule, words, detail = row
    return ListingProblem(rule=rule, words=tuple(words or ()), shop_id=shop_id, platform=platform,
                          listing_id=listing_id, title=title, detail=json.loads(detail) if detail else {})


def _sorted(problems: list[ListingProblem]) -> tuple[ListingProblem, ...]:
    return tuple(sorted(problems, key=lambda p: (_RULE_ORDER.get(p.rule, 99), p.shop_id or "", p.listing_id or "")))


def sku_problems(db: Database, sku: str) -> tuple[ListingProblem, ...]:
    """Every problem of one SKU's listings (the Listings panel)."""
    rows = db.fetchall(f"SELECT {_COLUMNS} FROM sk_listing_problems() p WHERE p.sku = ?", [sku])
    return _sorted([_problem(r) for r in rows])


def all_problems(db: Database) -> list[SkuProblems]:
    """Every SKU (and unlinked listing SKU) with at least one problem, by SKU."""
    rows = db.fetchall(
        f"SELECT {_COLUMNS}, coalesce(pr.title, any_value(p.title) OVER (PARTITION BY p.sku, p.linked)) AS name"
        " FROM sk_listing_problems() p"
        " LEFT JOIN variants v ON p.linked AND v.sku = p.sku LEFT JOIN products pr ON pr.product_id = v.product_id"
        " ORDER BY p.sku, p.linked DESC"
    )
    grouped: dict[tuple[str, bool], tuple[str, list[ListingProblem]]] = {}
    for row in rows:
        key = (str(row[0]), bool(row[1]))
        name = row[9] if row[9] is not None else key[0]
        grouped.setdefault(key, (str(name), []))[1].append(_problem(row[:9]))
    return [SkuProblems(sku=sku, title=name, linked=linked, problems=_sorted(found))
            for (sku, linked), (name, found) in grouped.items()]


def problem_summary(db: Database) -> dict[str, int]:
    """How many SKUs have each kind of problem (SKU-level: a price spread counts once per SKU)."""
    rows = db.fetchall("SELECT rule, count(DISTINCT sku) FROM sk_listing_problems() GROUP BY rule")
    return {str(rule): int(n) for rule, n in rows}
