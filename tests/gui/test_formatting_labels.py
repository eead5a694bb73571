"""The label tables of ui/formatting.py: each code is worded in the window's language, brands stay as
they are, and a code no table knows still shows (a new status from an importer is never a blank cell)."""

from __future__ import annotations

import re
from pathlib import Path

from shopkeeper.domain.money_kinds import MoneyKind
from shopkeeper.importers import mapped_ad_formats
from shopkeeper.importers.platforms import ad_reports
from shopkeeper.ui.formatting import (
    _BRANDS,
    _LABELS,
    ad_channel_label,
    money_kind_label,
    order_status_label,
    platform_label,
    platforms_label,
    points_reason_label,
    shop_label,
    status_label,
    table_number,
)

LABEL_OF = {"Status": status_label, "OrderStatus": order_status_label, "PointsReason": points_reason_label,
            "Platform": platform_label, "AdChannel": ad_channel_label,
            "MoneyKind": money_kind_label}


def test_every_table_has_its_label_function() -> None:
    assert set(LABEL_OF) == set(_LABELS)


def test_every_ad_channel_an_importer_writes_has_a_name() -> None:
    source = Path(ad_reports.__file__).read_text() + Path(mapped_ad_formats.__file__).read_text()
    codes = (set(re.findall(r'channel="(\w+)"', source)) | set(re.findall(r"'(\w+)' AS channel", source))
             | set(re.findall(r'return "(amazon_s\w)"', source)))
    assert len(codes) >= 9 and codes <= set(_LABELS["AdChannel"])


def test_every_kind_of_money_movement_has_a_name() -> None:
    assert {k.value for k in MoneyKind} == set(_LABELS["MoneyKind"])
    assert money_kind_label("payment_fee") == "Payment fee"


def test_chart_table_numbers_are_grouped_to_the_places_the_csv_writes() -> None:
    from decimal import Decimal

    assert table_number(Decimal("1902487.15")) == "1,902,487.15"
    assert table_number(Decimal("1902487.155000")) == "1,902,487.16"  # a converted figure, to the cent
    assert table_number(Decimal("-12345.5")) == "-12,345.5"
    assert table_number(Decimal("1E+3")) == "1,000"
    assert table_number(28099) == "28,099"
    assert table_number(None) == "" and table_number("2025-06") == "2025-06" and table_number(True) == "True"


def test_english_labels_are_the_table_texts() -> None:
    assert status_label("low") == "Reorder now"
    assert order_status_label("partially_refunded") == "Partly refunded"
    assert points_reason_label("refund") == "taken back: refund"
    assert platform_label("taobao") == "Taobao" and platform_label("ebay") == "eBay"
    assert platforms_label("taobao, shopify,other") == "Taobao, Shopify, Other"
    assert shop_label("shopify:Demo shop") == "Shopify · Demo shop" and shop_label("jd") == "JD"
    assert shop_label("shopify:Shopify") == "Shopify" and shop_label("etsy:etsy") == "Etsy"


def test_in_chinese_every_code_is_translated_and_brands_are_not(chinese) -> None:  # noqa: ANN001
    untranslated = [(kind, code) for kind, table in _LABELS.items() for code, source in table.items()
                    if LABEL_OF[kind](code) == source]
    assert untranslated == []
    assert status_label("at_risk") != "Slipping away"
    assert all(platform_label(code) == brand for code, brand in _BRANDS.items())


def test_a_code_no_table_knows_is_shown_as_it_is(chinese) -> None:  # noqa: ANN001
    assert status_label("frozen") == "frozen"
    assert order_status_label("disputed") == "disputed"
    assert points_reason_label("gift") == "gift"
    assert platform_label("tiktok_shop") == "tiktok_shop"
    assert platforms_label("") == ""


def test_lists_read_as_chinese_lists_in_chinese(chinese) -> None:  # noqa: ANN001
    # 淘宝/天猫、Shopify: an English comma between Chinese names reads as a slip
    assert platforms_label("taobao,shopify") == f"{platform_label('taobao')}、Shopify"


def test_a_listing_problem_names_shops_not_their_keys() -> None:
    from shopkeeper.domain.messages import Message
    from shopkeeper.ui.message_texts import window_text

    text = window_text(Message("check.listing.price_spread", {
        "currency": "USD", "low": "8.95", "low_shop": "shopify:Demo shop", "high": "9.99", "high_shop": "etsy:Demo shop"}))
    assert text == "Prices differ in USD: 8.95 (Shopify · Demo shop) to 9.99 (Etsy · Demo shop)"


def test_every_format_shopkeeper_reads_is_named_in_both_languages(chinese) -> None:  # noqa: ANN001
    from shopkeeper.domain.messages import Message
    from shopkeeper.importers import mapped_ad_formats, mapped_formats
    from shopkeeper.importers.format_registry import BUILTIN
    from shopkeeper.ui.format_labels import LABELS, format_label
    from shopkeeper.ui.message_texts import window_text

    mapped = {s.label for m in (mapped_formats, mapped_ad_formats) for s in vars(m).values()
              if getattr(s, "label", None) and hasattr(s, "platform")}
    labels = {s.label for s in BUILTIN} | mapped
    assert len(mapped) == 4 and labels <= LABELS
    untranslated = sorted(label for label in LABELS if format_label(label) == label and any(c.isascii() and c.isalpha()
                                                                                           for c in label))
    assert untranslated == []
    line = window_text(Message("import.outcome.imported", {
        "name": "订单.csv", "label": "Taobao/Tmall orders (订单报表)", "read": 2, "added": 2, "updated": 0,
        "rejected": 0}))
    assert "淘宝/天猫订单报表" in line and "Taobao" not in line
    assert format_label("Someone's own format") == "Someone's own format"
