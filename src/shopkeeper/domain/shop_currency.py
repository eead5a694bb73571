"""The currency of a row its export does not name: the shop's currency, decided by the whole shop.

Most exports name each order's currency; some do not (WooCommerce's own CSV
export, Shopify's products export, files mapped without a currency column).
Such a row is in the shop's currency: the one the seller set for the shop, else
the currency most of the shop's orders are *named* in, else (none named, or two
currencies tied: the file cannot be told) the platform's usual currency. That is decided by every
order the shop holds, not by the files imported so far, so a row whose file was
silent keeps `currency_from` = the shop's id and recompute gives it the shop's
currency again after every import and undo: whichever order the files came in,
the currencies are the same. An order line so marked takes its order's currency
when the shop holds the order. A named currency always beats an assumed one.
`currency_from` = 'file' (or NULL: rows from before, edits, the demo, the
platforms that trade in one currency) means the export named it.
"""

from __future__ import annotations

from collections.abc import Mapping

# What a normaliser stages for a currency its file does not give; importers/assumed_currency.py turns it
# into the shop's currency before anything is written, so it is never stored.
SILENT = "~SILENT~"
NAMED = "file"
# Platforms that trade in yuan only (the domestic Chinese ones): their exports name no currency because
# there is no other, so nothing of theirs is assumed.
YUAN_ONLY = frozenset({"taobao", "jd", "pinduoduo", "douyin", "youzan"})
# Tables whose rows may carry an assumed currency (each has `currency_from`).
TABLES = ("orders", "order_lines", "listings", "variants")


def shop_currency(set_currency: str | None, named_orders: Mapping[str, int], platform_default: str | None) -> str:
    """The shop's currency: as set, else the currency most named orders are in, else (none, or a tie) the
    platform's default, else USD."""
    if set_currency:
        return set_currency
    most = max(named_orders.values(), default=0)
    leaders = [c for c, n in named_orders.items() if n == most and n > 0]
    if len(leaders) == 1:
        return leaders[0]
    return platform_default or "USD"


def shop_currency_known(set_currency: str | None, named_orders: Mapping[str, int]) -> bool:
    """True when the shop's currency is the seller's or its named orders' (`shop_currency` without its guess):
    a figure no row's currency backs (a customers export's amount spent) names it only then."""
    if set_currency:
        return True
    most = max(named_orders.values(), default=0)
    return sum(1 for n in named_orders.values() if n == most and n > 0) == 1


def assumed(currency_from: str | None) -> bool:
    """True when the row's currency is its shop's, not one its export named."""
    return currency_from is not None and currency_from != NAMED


# A row whose currency is assumed (SQL over the row's columns); NULL and 'file' are named.
ASSUMED_SQL = f"currency_from <> '{NAMED}'"
_NAMED_SQL = f"coalesce(currency_from, '{NAMED}') = '{NAMED}'"

TABLE_MACROS = (
    # One row per shop with its currency (see the module docstring), and whether the seller or the shop's named
    # orders decided it (`known`, shop_currency_known) rather than the platform's usual one.
    "CREATE OR REPLACE TEMP MACRO sk_shop_currencies() AS TABLE "
    "SELECT s.shop_id, coalesce(s.currency, n.currency, p.default_currency, 'USD') AS currency, "
    "(s.currency IS NOT NULL OR n.currency IS NOT NULL) AS known "
    "FROM shops s LEFT JOIN platforms p ON p.code = s.platform "
    # The currency most named orders are in; none when two are tied.
    "LEFT JOIN (SELECT shop_id, currency FROM (SELECT shop_id, currency, count(*) AS n FROM orders "
    f"  WHERE {_NAMED_SQL} GROUP BY shop_id, currency) "
    "  QUALIFY rank() OVER (PARTITION BY shop_id ORDER BY n DESC) = 1 "
    "    AND count(*) OVER (PARTITION BY shop_id, n) = 1) n USING (shop_id)",
)
