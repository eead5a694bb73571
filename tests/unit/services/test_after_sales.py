"""After-sales: refund rates worked out by hand, the seller's tags with undo and redo, a real export's refunds."""

from __future__ import annotations

import csv
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from shopkeeper.db.database import Database
from shopkeeper.domain.commands import ChangeRefused
from shopkeeper.services.after_sales import refunded_orders, refunded_page, returns_overview
from shopkeeper.services.change_sets import redo, undo
from shopkeeper.services.imports import import_paths
from shopkeeper.services.refund_tags import order_tags, set_order_tags, set_tag_names, tag_names
from shopkeeper.services.sales_report import ReportScope

sys.path.insert(0, str(Path(__file__).parent))
from refunds_shop import seed_refunds_shop  # noqa: E402
from shop_tables import snapshot  # noqa: E402


def _no_recompute(_db: Database):  # noqa: ANN202 - the tags change no derived figure
    from shopkeeper.domain.changes import Changes
    return Changes()


def test_refund_rates_by_hand(shop: Database) -> None:
    seed_refunds_shop(shop)
    o = returns_overview(shop, min_orders=10)
    assert (o.total.paid_orders, o.total.refunded_orders, o.total.rate_pct) == (10, 3, Decimal("30.0"))
    skus = {r.key: (r.paid_orders, r.refunded_orders, r.rate_pct) for r in o.by_sku}
    assert skus == {"A": (10, 3, Decimal("30.0")), "B": (4, 1, Decimal("25.0"))}
    platforms = {r.key: (r.paid_orders, r.refunded_orders) for r in o.by_platform}
    assert platforms == {"taobao": (5, 3), "shopify": (5, 0)}
    # O1 gave back its whole 10.00, O2 10.00 of 20.00, O3 5.00: no USD went back.
    assert [(m.currency, m.amount) for m in o.money] == [("CNY", Decimal("25.00"))]
    # Only A has the 10 orders the list asks for; its rate's lower bound is 10.8 %.
    assert [(r.key, r.lower_pct) for r in o.worst_skus] == [("A", Decimal("10.8"))]
    assert sum(r.paid_orders for r in o.by_month) == 10
    # The platform filter keeps taobao's five orders only.
    t = returns_overview(shop, ReportScope(platform="taobao"))
    assert (t.total.paid_orders, t.total.refunded_orders) == (5, 3)
    assert {r.order_id for r in refunded_orders(shop, sku="B")} == {"O3"}


def test_refunded_orders_come_a_page_at_a_time_with_their_count(shop: Database) -> None:
    # The list behind 5,648 refunds showed 500 and said nothing of the rest: each page says how many there are.
    seed_refunds_shop(shop)
    newest = [o.order_id for o in refunded_orders(shop)]
    assert sorted(newest) == ["O1", "O2", "O3"]
    first, second = refunded_page(shop, limit=2), refunded_page(shop, offset=2, limit=2)
    assert (first.total, second.total, second.offset) == (3, 3, 2)
    assert [o.order_id for o in (*first.orders, *second.orders)] == newest
    past = refunded_page(shop, offset=3, limit=2)
    assert (past.orders, past.total) == ((), 3)
    # Found by order id or by a SKU the order lists (its SKUs column), in any case.
    assert [o.order_id for o in refunded_page(shop, search="o2").orders] == ["O2"]
    listing_a = [o.order_id for o in refunded_orders(shop) if "A" in o.skus.split(", ")]
    by_sku = refunded_page(shop, search=" a ")
    assert listing_a and [o.order_id for o in by_sku.orders] == listing_a and by_sku.total == len(listing_a)
    assert refunded_page(shop, search="nothing like it") == refunded_page(shop, search="nothing like it", limit=1)
    assert refunded_page(shop, search="nothing like it").total == 0
    assert refunded_page(shop, ReportScope(platform="shopify")).total == 0


def test_tags_are_one_undo_step_each(shop: Database) -> None:
    seed_refunds_shop(shop)
    before = snapshot(shop)
    result = set_order_tags(shop, [("taobao:t", "O1"), ("taobao:t", "O3")], ["quality", "size"], who="test",
                            recompute=_no_recompute)
    assert result.message is not None and result.message.code == "change.refund_tags.orders"
    assert order_tags(shop, "taobao:t", "O1") == ("quality", "size")
    o = returns_overview(shop)
    assert {t.tag: t.orders for t in o.tags}["quality"] == 2 and o.untagged_refunds == 1
    tagged = snapshot(shop)

    undo(shop, who="test", recompute=_no_recompute)
    assert snapshot(shop) == before
    redo(shop, who="test", recompute=_no_recompute)
    assert order_tags(shop, "taobao:t", "O3") == ("quality", "size")
    assert snapshot(shop)["order_tags"] == tagged["order_tags"]


def test_the_tag_list_is_editable_and_undoable(shop: Database) -> None:
    seed_refunds_shop(shop)
    with pytest.raises(ChangeRefused) as refused:
        set_order_tags(shop, [("taobao:t", "O1")], ["late delivery"], who="test", recompute=_no_recompute)
    assert refused.value.message.code == "edit.refund_tags.unknown_tag"
    assert order_tags(shop, "taobao:t", "O1") == ()
    set_tag_names(shop, ["quality", "size", "late delivery"], who="test", recompute=_no_recompute)
    assert tag_names(shop) == ("quality", "size", "late delivery")
    set_order_tags(shop, [("taobao:t", "O1")], ["late delivery"], who="test", recompute=_no_recompute)
    # A tag taken off the list later still counts where the seller gave it.
    set_tag_names(shop, ["quality"], who="test", recompute=_no_recompute)
    assert {t.tag: t.orders for t in returns_overview(shop).tags} == {"quality": 0, "late delivery": 1}
    undo(shop, who="test", recompute=_no_recompute)
    assert tag_names(shop) == ("quality", "size", "late delivery")
    with pytest.raises(ChangeRefused):
        set_order_tags(shop, [("taobao:t", "NO-SUCH")], ["quality"], who="test", recompute=_no_recompute)


def test_a_real_tmall_export_with_refunds(shop: Database, samples_dir: Path, tmp_path: Path) -> None:
    path = samples_dir / "tmall" / "makisekurisuDDL__Data_analysis" / "tmall_order_report.csv"
    import_paths(shop, [path], workdir=tmp_path)
    # Worked out from the file alone: a paid order has a payment time; a refund has 退款金额 above zero.
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["订单付款时间 "].strip()]
    refunds = [Decimal(r["退款金额"]) for r in rows if Decimal(r["退款金额"] or 0) > 0]
    o = returns_overview(shop)
    assert (o.total.paid_orders, o.total.refunded_orders) == (len(rows), len(refunds)) == (24087, 5646)
    assert [(m.currency, m.amount) for m in o.money] == [("CNY", sum(refunds))]
    assert o.untagged_refunds == len(refunds)
    newest = refunded_orders(shop, limit=1)[0]
    assert newest.refunded_amount > 0 and newest.day <= date(2020, 3, 1)


def test_a_reason_the_export_gives_is_kept(shop: Database, tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parents[1] / "importers"))
    from cn_exports import DOUYIN_HEADER, douyin_orders, write_csv

    header, rows = douyin_orders()
    reason = header.index("取消原因")
    rows[1][reason] = "商品质量问题"   # the refunded line of order …751; its other line says '-'
    path = write_csv(tmp_path / "douyin.csv", (header, rows))
    assert header == DOUYIN_HEADER
    import_paths(shop, [path], workdir=tmp_path / "work")
    assert shop.fetchall("SELECT order_id, status, refund_reason FROM orders ORDER BY 1") == [
        ("6917926768823643751", "partially_refunded", "商品质量问题"),
        ("6917926768823643760", "paid", None)]
    o = returns_overview(shop)
    assert [(r.tag, r.orders) for r in o.reasons] == [("商品质量问题", 1)]
    assert refunded_orders(shop)[0].reason == "商品质量问题"
