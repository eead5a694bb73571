"""Comparing money across shops that sell in different currencies.

Each order keeps the currency its platform wrote. For totals across shops the
seller's base currency and their own conversion rates (shop_settings
`base_currency`, `fx_<CODE>` = base units per 1 CODE) are used; a currency
with no rate is left out of converted totals rather than guessed.
"""

from __future__ import annotations

from decimal import Decimal

from shopkeeper.db.database import Database

# A CTE giving (currency, rate) with the base currency at 1.
FX_CTE = """
fx AS (
    SELECT coalesce((SELECT value FROM shop_settings WHERE key = 'base_currency'), 'CNY') AS currency,
           1::DECIMAL(18,6) AS rate
    UNION ALL
    SELECT substr(key, 4), TRY_CAST(value AS DECIMAL(18,6)) FROM shop_settings
    WHERE key LIKE 'fx\\_%' ESCAPE '\\'
)
"""


def base_currency(db: Database) -> str:
    return str(db.scalar("SELECT value FROM shop_settings WHERE key = 'base_currency'") or "CNY")


def rates(db: Database) -> dict[str, Decimal]:
    rows = db.fetchall(f"WITH {FX_CTE} SELECT currency, rate FROM fx WHERE rate IS NOT NULL")
    return {cur: Decimal(rate) for cur, rate in rows}
