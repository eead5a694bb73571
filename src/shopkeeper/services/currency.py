"""Comparing money across shops that sell in different currencies.

Each order keeps the currency its platform wrote. For totals across shops the
seller's base currency and their own conversion rates (currency_settings
`base_currency`, `fx_<CODE>` = base units per 1 CODE; services/exchange_rates.py) are used; a currency
with no rate is left out of converted totals rather than guessed (domain/revenue.py).
"""

from __future__ import annotations

from shopkeeper.db.database import Database
from shopkeeper.domain.revenue import DEFAULT_BASE_CURRENCY


def base_currency(db: Database) -> str:
    """The currency converted figures are in (domain/revenue.py: as set, else the orders' usual one)."""
    return str(db.scalar("SELECT currency FROM sk_fx() WHERE is_base") or DEFAULT_BASE_CURRENCY)
