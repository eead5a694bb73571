"""The names of the export formats Shopkeeper reads (importers' FormatSpec.label), in the window's language.

The core names a format in English (the command line and the log say it so); the window words it through
this list, so a Chinese seller reads 淘宝/天猫订单报表, not "Taobao/Tmall orders (订单报表)". A test holds
every registered format to a place here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# Marked for lupdate; translated when shown (the language can change while the window runs).
LABELS: frozenset[str] = frozenset(str(label) for label in (
    QT_TRANSLATE_NOOP("ImportFormat", "Orders (your column mapping)"),
    QT_TRANSLATE_NOOP("ImportFormat", "Products and stock (your column mapping)"),
    QT_TRANSLATE_NOOP("ImportFormat", "Advertising (your column mapping)"),
    QT_TRANSLATE_NOOP("ImportFormat", "Traffic (your column mapping)"),
    QT_TRANSLATE_NOOP("ImportFormat", "PayPal activity download"),
    QT_TRANSLATE_NOOP("ImportFormat", "Stripe balance transactions"),
    QT_TRANSLATE_NOOP("ImportFormat", "Amazon orders"),
    QT_TRANSLATE_NOOP("ImportFormat", "Amazon Business Report (by child item)"),
    QT_TRANSLATE_NOOP("ImportFormat", "Amazon Business Report (by date)"),
    QT_TRANSLATE_NOOP("ImportFormat", "Shopify sessions report"),
    QT_TRANSLATE_NOOP("ImportFormat", "eBay listings traffic report"),
    QT_TRANSLATE_NOOP("ImportFormat", "生意参谋 商品"),
    QT_TRANSLATE_NOOP("ImportFormat", "Amazon Sponsored ads report"),
    QT_TRANSLATE_NOOP("ImportFormat", "eBay advertising sales report"),
    QT_TRANSLATE_NOOP("ImportFormat", "万相台/直通车 推广报表"),
    QT_TRANSLATE_NOOP("ImportFormat", "拼多多 推广报表"),
    QT_TRANSLATE_NOOP("ImportFormat", "京东快车/京准通 报表"),
    QT_TRANSLATE_NOOP("ImportFormat", "巨量千川 报表"),
    QT_TRANSLATE_NOOP("ImportFormat", "Taobao Assistant products (淘宝助理)"),
    QT_TRANSLATE_NOOP("ImportFormat", "Youzan orders (有赞订单)"),
    QT_TRANSLATE_NOOP("ImportFormat", "Alipay ledger (支付宝账务明细)"),
    QT_TRANSLATE_NOOP("ImportFormat", "Etsy sold orders"),
    QT_TRANSLATE_NOOP("ImportFormat", "Etsy sold order items"),
    QT_TRANSLATE_NOOP("ImportFormat", "Etsy listings"),
    QT_TRANSLATE_NOOP("ImportFormat", "Pinduoduo orders (拼多多订单)"),
    QT_TRANSLATE_NOOP("ImportFormat", "eBay transaction report"),
    QT_TRANSLATE_NOOP("ImportFormat", "WooCommerce products"),
    QT_TRANSLATE_NOOP("ImportFormat", "WooCommerce orders"),
    QT_TRANSLATE_NOOP("ImportFormat", "eBay orders"),
    QT_TRANSLATE_NOOP("ImportFormat", "Amazon settlement report (V2)"),
    QT_TRANSLATE_NOOP("ImportFormat", "Amazon settlement report (legacy flat file)"),
    QT_TRANSLATE_NOOP("ImportFormat", "Amazon date range transaction report"),
    QT_TRANSLATE_NOOP("ImportFormat", "Amazon returns"),
    QT_TRANSLATE_NOOP("ImportFormat", "Pinduoduo ledger (店铺账务明细)"),
    QT_TRANSLATE_NOOP("ImportFormat", "Douyin orders (抖店订单)"),
    QT_TRANSLATE_NOOP("ImportFormat", "Douyin fund flow (动账明细)"),
    QT_TRANSLATE_NOOP("ImportFormat", "Douyin settlement bill (结算账单)"),
    QT_TRANSLATE_NOOP("ImportFormat", "Shopify Payments transactions"),
    QT_TRANSLATE_NOOP("ImportFormat", "Shopify Payments payouts"),
    QT_TRANSLATE_NOOP("ImportFormat", "Youzan statement (对账单)"),
    QT_TRANSLATE_NOOP("ImportFormat", "Taobao/Tmall orders (订单报表)"),
    QT_TRANSLATE_NOOP("ImportFormat", "Taobao/Tmall order lines (宝贝报表)"),
    QT_TRANSLATE_NOOP("ImportFormat", "Etsy monthly statement"),
    QT_TRANSLATE_NOOP("ImportFormat", "Shopify orders"),
    QT_TRANSLATE_NOOP("ImportFormat", "Shopify products"),
    QT_TRANSLATE_NOOP("ImportFormat", "Shopify customers"),
    QT_TRANSLATE_NOOP("ImportFormat", "JD bill (账单明细)"),
    QT_TRANSLATE_NOOP("ImportFormat", "JD orders (京东订单)"),
))


def format_label(label: str) -> str:
    """A format's name in the window's language; one this list lacks (a test's own format) as it is."""
    return QCoreApplication.translate("ImportFormat", label) if label in LABELS else label
