"""What a platform charges per order, for orders no settlement has reached yet.

Profit (domain/profit.py) takes an order's fees from the platform's own money
report once one names the order; until then it estimates them from these
rates and marks the order `estimated`. A rate is a percent of what the buyer
paid (the order total) plus a fixed amount per order, per platform and fee
kind. The defaults below are public list prices at the end of 2026, rounded
the way a seller would quote them; they are shipped as rows of `fee_rates`
(migration 0023) the seller edits, and a row the seller never changed
(batch_id NULL) is shown as a default.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from shopkeeper.domain.money_kinds import MoneyKind

FEE_KINDS = (MoneyKind.COMMISSION.value, MoneyKind.PAYMENT_FEE.value)
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class FeeRate:
    platform: str
    fee_kind: str
    percent: Decimal
    fixed: Decimal
    currency: str

    @property
    def rate_id(self) -> str:
        return rate_id(self.platform, self.fee_kind)


def rate_id(platform: str, fee_kind: str) -> str:
    return f"{platform}:{fee_kind}"


def _rate(platform: str, kind: MoneyKind, percent: str, fixed: str, currency: str) -> FeeRate:
    return FeeRate(platform, kind.value, Decimal(percent), Decimal(fixed), currency)


_C, _P = MoneyKind.COMMISSION, MoneyKind.PAYMENT_FEE
# Shopify Payments 2.9 % + 0.30; Etsy 6.5 % transaction + 3 % + 0.25 payment processing; eBay final value
# ~13.25 % + 0.30 per order (payments included); Amazon 15 % referral (most categories); Taobao/Tmall
# 技术服务费 from 2 % plus Alipay's 0.6 %; JD 5 % (categories run 5-8 %); Pinduoduo 0.6 %; Douyin 5 %;
# WooCommerce through Stripe 2.9 % + 0.30; Youzan 0.6 % payment.
DEFAULT_FEE_RATES: tuple[FeeRate, ...] = (
    _rate("shopify", _C, "0.00", "0.00", "USD"), _rate("shopify", _P, "2.90", "0.30", "USD"),
    _rate("etsy", _C, "6.50", "0.00", "USD"), _rate("etsy", _P, "3.00", "0.25", "USD"),
    _rate("ebay", _C, "13.25", "0.30", "USD"), _rate("ebay", _P, "0.00", "0.00", "USD"),
    _rate("amazon", _C, "15.00", "0.00", "USD"), _rate("amazon", _P, "0.00", "0.00", "USD"),
    _rate("woocommerce", _C, "0.00", "0.00", "USD"), _rate("woocommerce", _P, "2.90", "0.30", "USD"),
    _rate("taobao", _C, "2.00", "0.00", "CNY"), _rate("taobao", _P, "0.60", "0.00", "CNY"),
    _rate("jd", _C, "5.00", "0.00", "CNY"), _rate("jd", _P, "0.00", "0.00", "CNY"),
    _rate("pinduoduo", _C, "0.60", "0.00", "CNY"), _rate("pinduoduo", _P, "0.00", "0.00", "CNY"),
    _rate("douyin", _C, "5.00", "0.00", "CNY"), _rate("douyin", _P, "0.00", "0.00", "CNY"),
    _rate("youzan", _C, "0.00", "0.00", "CNY"), _rate("youzan", _P, "0.60", "0.00", "CNY"),
    _rate("other", _C, "0.00", "0.00", "USD"), _rate("other", _P, "0.00", "0.00", "USD"),
)


def estimated_fee(order_total: Decimal, percent: Decimal, fixed_in_order_currency: Decimal) -> Decimal:
    """The fee of one order: its total × percent, to the cent (half away from zero), plus the fixed part.

    The fixed part is in the order's currency already (the SQL converts it with sk_fx() first).
    """
    return (order_total * percent / 100).quantize(_CENT, rounding=ROUND_HALF_UP) + fixed_in_order_currency


# The same rule in SQL: `fixed` must already be in the order's currency.
MACROS = (
    "CREATE OR REPLACE TEMP MACRO sk_estimated_fee(total, percent, fixed) AS"
    # × 0.01 rather than ÷ 100: DuckDB divides decimals in DOUBLE, multiplies them exactly.
    " CAST(round(CAST(total AS DECIMAL(18,2)) * CAST(percent AS DECIMAL(18,2)) * 0.01, 2) AS DECIMAL(18,2)) + fixed",
)
