"""Recognising an export by its header names, and the format registry."""

from __future__ import annotations

import subprocess
import sys

import pytest
from export_files import (
    AMAZON_ALL_ORDERS,
    EBAY_ORDERS,
    ETSY_ITEMS,
    ETSY_LISTINGS,
    ETSY_ORDERS,
    SHOPIFY_CUSTOMERS,
    SHOPIFY_CUSTOMERS_LEGACY,
    SHOPIFY_ORDERS,
    SHOPIFY_ORDERS_2021,
    SHOPIFY_PRODUCTS_2025,
    WOO_ORDERS_DEFAULT,
    WOO_ORDERS_LEGACY,
    WOO_ORDERS_PER_ITEM,
    WOO_PRODUCTS_RU,
    woo_products_header,
)

from shopkeeper.importers.format_registry import register, registered, spec_for, unregister
from shopkeeper.importers.formats import FormatSpec, field
from shopkeeper.importers.recognise import header_key, recognise


@pytest.mark.parametrize(("headers", "platform", "kind"), [
    (SHOPIFY_ORDERS, "shopify", "orders"),
    (SHOPIFY_ORDERS_2021, "shopify", "orders"),
    (SHOPIFY_PRODUCTS_2025, "shopify", "products"),
    (["Handle", "Title", "Variant SKU", "Variant Price", "Variant Inventory Qty"], "shopify", "products"),
    (SHOPIFY_CUSTOMERS, "shopify", "customers"),
    (SHOPIFY_CUSTOMERS_LEGACY, "shopify", "customers"),
    (ETSY_ITEMS, "etsy", "order_lines"),
    (ETSY_ORDERS, "etsy", "orders"),
    (ETSY_LISTINGS, "etsy", "listings"),
    (AMAZON_ALL_ORDERS, "amazon", "orders"),
    ([h for h in AMAZON_ALL_ORDERS if h != "url"] + ["number-of-items", "tax-collection-model"], "amazon", "orders"),
    (woo_products_header(), "woocommerce", "products"),
    (WOO_PRODUCTS_RU, "woocommerce", "products"),
    (WOO_ORDERS_DEFAULT, "woocommerce", "orders"),
    (WOO_ORDERS_LEGACY, "woocommerce", "orders"),
    (WOO_ORDERS_PER_ITEM, "woocommerce", "orders"),
    (EBAY_ORDERS, "ebay", "orders"),
])
def test_each_format_is_recognised_by_its_headers(headers: list[str], platform: str, kind: str) -> None:
    found = recognise(headers)
    assert found is not None and (found.spec.platform, found.spec.kind) == (platform, kind)
    # position never matters
    found = recognise(list(reversed(headers)))
    assert found is not None and (found.spec.platform, found.spec.kind) == (platform, kind)


def test_spelling_noise_in_headers_does_not_matter() -> None:
    noisy = [f"  {h.upper()} " for h in ETSY_ITEMS]
    noisy[0] = "\ufeff" + noisy[0]
    found = recognise(noisy)
    assert found is not None and found.spec.label == "Etsy sold order items"
    assert found.columns["sale_date"] == 0
    assert header_key("Sessions \u2013 Total ") == header_key("sessions - total")
    assert header_key("ＳＫＵ") == "sku"  # full-width forms fold (NFKC)


def test_unknown_or_too_thin_headers_are_not_guessed() -> None:
    assert recognise(["Name", "Email", "Total"]) is None
    assert recognise([]) is None
    assert recognise(["订单编号", "买家会员名"]) is None  # Chinese platforms come later


def test_column_indexes_follow_the_file() -> None:
    found = recognise(["Variant Price", "Title", "Handle"])
    assert found is not None and found.columns == {"variant_price": 0, "title": 1, "handle": 2}
    assert found.header("variant_price") == "Variant Price"


def test_registry_rejects_unsafe_field_names_and_undeclared_required_fields() -> None:
    with pytest.raises(ValueError):
        field('x"; DROP TABLE orders; --', "text", "X")
    with pytest.raises(ValueError):
        field("a__b", "text", "X")
    with pytest.raises(ValueError):
        FormatSpec("p", "k", "L", (field("a", "text", "A"),), frozenset({"b"}), normalise=lambda ctx: None)


def test_a_new_platform_plugs_in_with_a_spec() -> None:
    spec = FormatSpec(
        platform="other", kind="test_orders", label="Market stall orders (test)",
        fields=(field("order_id", "id", "摊位订单号"), field("paid_at", "date", "付款时间 "),
                field("total", "money", "实收金额")),
        required=frozenset({"order_id", "paid_at", "total"}),
        normalise=lambda ctx: None,
    )
    register(spec)
    try:
        found = recognise(["摊位订单号 ", "付款时间", "实收金额", "备注"])
        assert found is not None and found.spec is spec
        assert found.columns == {"order_id": 0, "paid_at": 1, "total": 2}
        assert spec_for("other", "test_orders") is spec
    finally:
        unregister(spec)
    assert spec not in registered()


def test_importers_and_services_never_import_qt() -> None:
    code = (
        "import sys; import shopkeeper.services.imports, shopkeeper.importers.format_registry; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
