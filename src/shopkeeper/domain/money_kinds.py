"""What a movement of money is, in the words profit and payouts are computed in.

Every money reader maps its report's own transaction types onto these kinds
(the platform's words stay in the movement's description). Signs are the
seller's: money in is positive, money out negative, whatever the report wrote.
"""

from __future__ import annotations

from enum import StrEnum


class MoneyKind(StrEnum):
    SALE = "sale"                      # what the buyer paid for goods (and shipping charged)
    COMMISSION = "commission"          # the platform's referral / selling / 佣金 / 技术服务费
    PAYMENT_FEE = "payment_fee"        # card or payment processing
    SHIPPING_LABEL = "shipping_label"  # postage the platform charged the seller
    AD = "ad"                          # advertising billed to the balance
    REFUND = "refund"                  # money returned to buyers (negative) and fees given back
    RESERVE = "reserve"                # held back or released by the platform
    PAYOUT = "payout"                  # the transfer to the seller's bank (negative on the ledger)
    OTHER = "other"                    # subscriptions, adjustments, compensation, subsidies
    # Sales tax the buyer paid that the platform collects and remits itself (Etsy's "Sales tax paid by
    # buyer"): it passes through the balance, so payouts count it, but it is never the seller's money
    # nor a fee, so profit takes it off sales (domain/profit.py), not as a cost.
    TAX = "tax"



# The reports that are a balance ledger: every row moves one account of the shop, a 提现 takes money
# out of it to the bank, and the movements since the previous 提现 are what that 提现 carried
# (services/payouts.py). The Chinese readers (importers/platforms/cn_money.py) write these names.
BALANCE_LEDGERS = frozenset({"alipay_ledger", "pdd_ledger", "jd_bill", "douyin_fund_flow", "youzan_statement"})
