"""Installing the business rules' SQL on a shop's connection.

Each rule lives in one domain module with its pure-Python statement and its SQL
(domain/identity.py, privacy.py, sku_lines.py with bundles.py, order_status.py, order_day.py, revenue.py, reorder.py,
stock_classes.py, segments.py, loyalty_settings.py, tiers.py, points.py, channel_stock.py, rfm.py, campaign_price.py, campaign_checks.py, stock_ledger.py,
sku_status.py, sku_links.py, refunds.py, fee_rates.py, shop_currency.py,
landed_cost.py, money_sources.py, profit.py, ad_performance.py, countries.py, provinces.py, platform_totals.py); every service, report and chart asks the SQL through
these TEMP macros instead of writing the rule again. TEMP: they belong to the
connection and are never stored in the shop file, so a newer Shopkeeper's
rules apply to an older shop at once.

Scalar macros need no table; table macros are bound when created, so they are
made once the shop's schema exists (migrate() calls `install_rule_macros`).
"""

from __future__ import annotations

import weakref

import duckdb

from shopkeeper.db.database import Database
from shopkeeper.domain import (
    ad_performance,
    bundles,
    campaign_checks,
    campaign_price,
    channel_stock,
    countries,
    fee_rates,
    identity,
    landed_cost,
    listing_rules,
    loyalty_settings,
    money_sources,
    order_day,
    order_status,
    platform_totals,
    points,
    privacy,
    profit,
    provinces,
    refunds,
    reorder,
    revenue,
    rfm,
    segments,
    shop_currency,
    sku_lines,
    sku_links,
    sku_status,
    stock_classes,
    stock_ledger,
    tiers,
)
from shopkeeper.runtime.resources import default_absolute_terms_text

SCALAR_MACROS = (*identity.MACROS, *sku_lines.MACROS, *privacy.MACROS, *order_status.MACROS, *order_day.MACROS, *revenue.MACROS, *reorder.MACROS,
                 *segments.MACROS, *stock_classes.MACROS, *channel_stock.MACROS, *listing_rules.MACROS,
                 *rfm.SCALAR_MACROS, *campaign_price.MACROS, *stock_ledger.MACROS, *sku_status.MACROS,
                 *sku_links.MACROS, *bundles.MACROS, *campaign_checks.MACROS, *refunds.MACROS,
                 *fee_rates.MACROS, *money_sources.MACROS, *profit.MACROS, *ad_performance.MACROS,
                 *countries.MACROS, *provinces.MACROS, *platform_totals.MACROS)
# In dependency order: every per-SKU figure reads sk_sku_lines(), the catalogue (sk_catalogue()) too; sk_sales()
# uses sk_fx(), the tier and points macros use both. sk_first_stock_day() uses reorder's sk_stock_day();
# sk_selling_days() uses the stock ledger's sk_stock_ledger().
TABLE_MACROS = (*identity.TABLE_MACROS, *shop_currency.TABLE_MACROS, *platform_totals.TABLE_MACROS, *sku_lines.TABLE_MACROS, *sku_links.TABLE_MACROS, *revenue.TABLE_MACROS, *stock_ledger.TABLE_MACROS,
                *reorder.TABLE_MACROS, *sku_status.TABLE_MACROS, *stock_classes.TABLE_MACROS, *loyalty_settings.TABLE_MACROS,
                *tiers.TABLE_MACROS,
                *points.TABLE_MACROS, *channel_stock.TABLE_MACROS, *rfm.TABLE_MACROS, *campaign_price.TABLE_MACROS,
                *campaign_checks.TABLE_MACROS, *refunds.TABLE_MACROS,
                # Which money counts (money_sources) before every reader of it: ad margins, profit, payouts.
                *money_sources.TABLE_MACROS, *ad_performance.TABLE_MACROS,
                # Profit reads sk_sales(), sk_sku_lines() and sk_fx(): after all of them.
                *landed_cost.TABLE_MACROS, *profit.TABLE_MACROS)

_INSTALLED: weakref.WeakSet[duckdb.DuckDBPyConnection] = weakref.WeakSet()


def install_scalar_rule_macros(db: Database) -> None:
    """The rules that read no table: safe on any connection, shop or not."""
    for statement in SCALAR_MACROS:
        db.execute(statement)


def install_rule_macros(db: Database) -> None:
    """Create every rule macro on this connection (outside a transaction: a rollback would take them away)."""
    if db.connection in _INSTALLED:
        return
    install_scalar_rule_macros(db)
    # The shipped word list is read when a shop is opened, so the SQL and services/listing_check_settings agree.
    defaults = listing_rules.parse_word_list(default_absolute_terms_text())
    for statement in (*TABLE_MACROS, *listing_rules.settings_macros(defaults), *listing_rules.TABLE_MACROS):
        db.execute(statement)
    _INSTALLED.add(db.connection)
