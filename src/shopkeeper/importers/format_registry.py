"""Every export format the importer recognises, listed explicitly.

Each platform module declares its `FormatSpec`s and lists them in `SPECS`;
this module is the one place that gathers them, so adding a platform is one
import and one line here, and no module registers itself as a side effect
of being imported. Recognition scores every spec, so the order is free.
"""

from __future__ import annotations

from shopkeeper.importers.formats import FormatSpec
from shopkeeper.importers.platforms import (
    ad_reports,
    alipay_money,
    amazon,
    amazon_money,
    amazon_returns,
    douyin,
    ebay,
    ebay_money,
    etsy,
    etsy_money,
    jd,
    jd_money,
    paypal_stripe_money,
    pinduoduo,
    pinduoduo_money,
    shopify,
    shopify_money,
    taobao,
    taobao_assistant,
    traffic_reports,
    woocommerce,
    youzan,
    youzan_money,
)

BUILTIN: tuple[FormatSpec, ...] = (
    *shopify.SPECS,
    *etsy.SPECS,
    *amazon.SPECS,
    *amazon_returns.SPECS,
    *woocommerce.SPECS,
    *ebay.SPECS,
    *taobao.SPECS,
    *taobao_assistant.SPECS,
    *alipay_money.SPECS,
    *jd.SPECS,
    *jd_money.SPECS,
    *pinduoduo.SPECS,
    *pinduoduo_money.SPECS,
    *douyin.SPECS,
    *youzan.SPECS,
    *youzan_money.SPECS,
    *amazon_money.SPECS,
    *shopify_money.SPECS,
    *ebay_money.SPECS,
    *etsy_money.SPECS,
    *paypal_stripe_money.SPECS,
    *ad_reports.SPECS,
    *traffic_reports.SPECS,
)

# Specs added while the program runs (a test's own format); never the built-in ones.
_added: list[FormatSpec] = []


def register(spec: FormatSpec) -> FormatSpec:
    """Add a spec; one with the same (platform, kind, label) replaces the earlier one."""
    _added[:] = [s for s in _added if _identity(s) != _identity(spec)]
    _added.append(spec)
    return spec


def unregister(spec: FormatSpec) -> None:
    _added[:] = [s for s in _added if _identity(s) != _identity(spec)]


def registered() -> tuple[FormatSpec, ...]:
    replaced = {_identity(s) for s in _added}
    return tuple(s for s in BUILTIN if _identity(s) not in replaced) + tuple(_added)


def spec_for(platform: str, kind: str) -> FormatSpec | None:
    for spec in registered():
        if spec.platform == platform and spec.kind == kind:
            return spec
    return None


def _identity(spec: FormatSpec) -> tuple[str, str, str]:
    return (spec.platform, spec.kind, spec.label)
