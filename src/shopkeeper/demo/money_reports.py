"""The demo's settlements and payouts, written as the platforms' own report files and imported like a seller's.

"The demo shows only what the app computes": rather than writing money movements
itself, the demo writes, from its own orders, a Shopify Payments transactions
export with its payouts export, a Taobao 支付宝账务明细 and a Douyin 动账明细, then imports them
through services/imports.py `import_paths`, each an undoable import of its own.
So the reconciliation, settled fees and profit the demo shows are what the
readers make of files in the platforms' formats (money-traffic-formats.md §3.1,
§3.2, §7.1; Douyin's 39-column 动账明细 as importers/platforms/douyin.py reads it).

Orders up to `UNSETTLED_DAYS` before today are settled; the newest are not yet,
so profit shows both settled and estimated orders. Two Shopify payouts do not
reconcile, as a seller meets them: the newest with charges in it held back a reserve
the transactions export does not list (its deposit is short of its lines), and one
older payout's export misses a charge line (its deposit is more than its lines, and
that order shows as never settled).

The Alipay ledger empties the account into the bank at each month's end (a 提现 that carries the
month's movements and reconciles); Douyin 提现 are left out: 动账明细 states no balance, so
a 提现 there could not say what the account held before its lines.
"""

from __future__ import annotations

import csv
import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from shopkeeper.db.database import Database
from shopkeeper.services.imports import FileOutcome, import_paths
from shopkeeper.services.recompute import recompute

UNSETTLED_DAYS = 14
SHOP_NAME = "Demo shop"
SHOPIFY_SHOP = f"shopify:{SHOP_NAME}"
TAOBAO_SHOP = f"taobao:{SHOP_NAME}"
DOUYIN_SHOP = f"douyin:{SHOP_NAME}"
# Shopify pays out two days after the charge; the newest payout kept this share of its charges in reserve.
PAYOUT_DELAY_DAYS = 2
RESERVE_SHARE = Decimal("0.10")
# An older payout's export misses one charge line: its deposit is more than its lines, its order unsettled.
MISSING_LINE_DAYS = 40
_UNPAID = "('cancelled', 'pending')"
# The order's local time as the platform writes it ('-05:00' -> minutes east of UTC).
_LOCAL = ("timezone('UTC', o.ordered_at) + to_minutes(CAST(substr(o.ordered_tz, 1, 1) || '1' AS INTEGER)"
          " * (CAST(substr(o.ordered_tz, 2, 2) AS INTEGER) * 60 + CAST(substr(o.ordered_tz, 5, 2) AS INTEGER)))")

SHOPIFY_TRANSACTIONS_HEADER = (
    "Transaction Date", "Type", "Order", "Card Brand", "Card Source", "Payout Status", "Payout Date", "Payout ID",
    "Available On", "Amount", "Fee", "Net", "Checkout", "Payment Method Name", "Presentment Amount",
    "Presentment Currency", "Currency")
SHOPIFY_PAYOUTS_HEADER = ("Payout Date", "Status", "Charges", "Refunds", "Adjustments", "Reserved Funds", "Fees",
                          "Retried Amount", "Total", "Currency")
ALIPAY_HEADER = ("账务流水号", "业务流水号", "商户订单号", "商品名称", "发生时间", "对方账号", "收入金额（+元）",
                 "支出金额（-元）", "账户余额（元）", "交易渠道", "业务类型", "备注")
ALIPAY_OPENING = Decimal("5000.00")
DOUYIN_HEADER = (
    "动账时间", "动帐流水号", "动账方向", "动账金额", "动账账户", "动账场景", "计费类型", "子订单号", "订单号", "售后编号",
    "下单时间", "商品ID", "商品名称", "达人ID", "达人名称", "订单类型", "订单实付应结", "运费实付", "实际平台补贴_运费",
    "实际平台补贴", "其他平台补贴", "以旧换新抵扣", "政府补贴平台垫资", "实际达人补贴", "实际抖音支付补贴",
    "实际抖音月付营销补贴", "银行补贴", "订单退款", "平台服务费", "佣金", "服务商佣金", "渠道分成", "招商服务费",
    "站外推广费", "其他分成", "是否免佣", "免佣金额", "商户主体名称", "备注")


def import_demo_money(db: Database, today: date) -> list[FileOutcome]:
    """Write the report files into a temporary folder and import them as a seller would (no backup: a new shop)."""
    with tempfile.TemporaryDirectory(prefix="shopkeeper-demo-money-") as tmp:
        folder = Path(tmp)
        cutoff = today - timedelta(days=UNSETTLED_DAYS)
        paths = [*write_shopify_reports(db, cutoff, folder), write_alipay_ledger(db, cutoff, folder),
                 write_douyin_fund_flow(db, cutoff, folder)]
        # The figures derived after each import are the demo's as of its own day, not the computer's.
        outcomes = import_paths(db, paths, workdir=folder / "work", shop_name=SHOP_NAME, make_backup=False,
                                derive=lambda shop: recompute(shop, today))
    refused = [o.message for o in outcomes if not o.ok or o.rows_rejected]
    if refused:
        # The demo writes these files itself: a reader refusing one is a fault of the demo or the reader.
        raise RuntimeError("the demo's money reports did not import: " + "; ".join(refused))
    # The files were temporary: a redo after an undo must say the file is gone, not look for it.
    batches = [o.batch_id for o in outcomes if o.batch_id is not None]
    if batches:
        db.execute("UPDATE import_batches SET file_path = NULL WHERE list_contains(?, batch_id)", [batches])
    return outcomes


def _shopify_transactions(db: Database, cutoff: date) -> list[tuple[Any, ...]]:
    """(local time text, type, order name, card, payout date, amount, fee) per charge and refund, oldest first."""
    return db.fetchall(f"""
        WITH paid AS (
            SELECT o.order_number, o.order_id, o.total, o.refunded_amount, o.ordered_tz, {_LOCAL} AS local_at
            FROM orders o
            WHERE o.shop_id = ? AND o.status NOT IN {_UNPAID} AND o.order_number IS NOT NULL AND o.total > 0),
        settled AS (SELECT * FROM paid WHERE CAST(local_at AS DATE) < ?),
        tx AS (
            SELECT local_at AS moved_at, ordered_tz, 'charge' AS type, order_number, order_id, total AS amount,
                   CAST(round(total * 0.029 + 0.30, 2) AS DECIMAL(18,2)) AS fee
            FROM settled
            UNION ALL
            -- the refund a few days later; Shopify keeps its fee on a refunded charge
            SELECT local_at + INTERVAL 4 DAY + INTERVAL 3 HOUR, ordered_tz, 'refund', order_number, order_id,
                   -refunded_amount, CAST(0 AS DECIMAL(18,2))
            FROM settled WHERE refunded_amount > 0)
        SELECT strftime(moved_at, '%Y-%m-%d %H:%M:%S') || ' ' || replace(ordered_tz, ':', ''), type, order_number,
               ['visa', 'mastercard', 'amex', 'visa'][CAST(hash(order_id) % 4 AS INTEGER) + 1],
               CAST(moved_at AS DATE) + {PAYOUT_DELAY_DAYS}, amount, fee
        FROM tx ORDER BY moved_at, order_number, type
    """, [SHOPIFY_SHOP, cutoff])


def write_shopify_reports(db: Database, cutoff: date, folder: Path) -> list[Path]:
    """payment_transactions_export.csv and payouts_export.csv of the Shopify shop's settled orders."""
    rows = _shopify_transactions(db, cutoff)
    missing = _missing_charge(rows, cutoff)
    payouts: dict[date, list[Decimal]] = {}  # payout date -> [charges, refunds, fees]
    tx_path = folder / "payment_transactions_export_1.csv"
    with tx_path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(SHOPIFY_TRANSACTIONS_HEADER)
        for index, (when, kind, order, card, paid_on, amount, fee) in enumerate(rows):
            sums = payouts.setdefault(paid_on, [Decimal(0), Decimal(0), Decimal(0)])
            sums[0 if kind == "charge" else 1] += amount
            sums[2] += fee
            if index == missing:
                continue  # paid out, but the export lost its line
            out.writerow([when, kind, order, card, "online", "paid", paid_on.isoformat(), _payout_number(paid_on),
                          paid_on.isoformat(), f"{amount:.2f}", f"{fee:.2f}", f"{amount - fee:.2f}", "", card,
                          f"{amount:.2f}", "USD", "USD"])
    newest = max((d for d, sums in payouts.items() if sums[0] > 0), default=None)
    payouts_path = folder / "payouts_export.csv"
    with payouts_path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(SHOPIFY_PAYOUTS_HEADER)
        for paid_on in sorted(payouts, reverse=True):  # Shopify lists the newest payout first
            charges, refunds, fees = payouts[paid_on]
            reserved = -(charges * RESERVE_SHARE).quantize(Decimal("0.01")) if paid_on == newest else Decimal(0)
            total = charges + refunds - fees + reserved
            out.writerow([paid_on.isoformat(), "paid", f"{charges:.2f}", f"{refunds:.2f}", "0.00", f"{reserved:.2f}",
                          f"{-fees:.2f}", "0.00", f"{total:.2f}", "USD"])
    return [tx_path, payouts_path]


def _missing_charge(rows: list[tuple[Any, ...]], cutoff: date) -> int | None:
    """The row of the charge the export leaves out: the newest of an order never refunded whose payout is
    over `MISSING_LINE_DAYS` days before the cut-off, so its order shows as never settled as well."""
    refunded = {order for _, kind, order, *_ in rows if kind == "refund"}
    before = cutoff - timedelta(days=MISSING_LINE_DAYS)
    found = [i for i, (_, kind, order, _, paid_on, *_) in enumerate(rows)
             if kind == "charge" and order not in refunded and paid_on < before]
    return found[-1] if found else None


def _payout_number(paid_on: date) -> str:
    return str(70_000_000 + paid_on.toordinal() % 1_000_000)


def _alipay_rows(db: Database, cutoff: date) -> list[tuple[Any, ...]]:
    """(time text, order id, income, expense, business type, remark) per movement of the Taobao shop, oldest first."""
    return db.fetchall(f"""
        WITH settled AS (
            SELECT o.order_id, o.total, o.refunded_amount, timezone('Asia/Shanghai', o.ordered_at) AS local_at
            FROM orders o
            WHERE o.shop_id = ? AND o.status NOT IN {_UNPAID} AND o.total > 0
              AND CAST(timezone('Asia/Shanghai', o.ordered_at) AS DATE) < ?),
        m AS (
            -- the buyer confirms receipt: the payment reaches the seller's Alipay, the platform takes its share
            SELECT local_at + INTERVAL 3 DAY AS moved_at, 0 AS seq, order_id, total AS income, NULL AS expense,
                   '交易付款' AS type, '' AS remark FROM settled
            UNION ALL
            SELECT local_at + INTERVAL 3 DAY + INTERVAL 1 MINUTE, 1, order_id, NULL,
                   -CAST(round(total * 0.02, 2) AS DECIMAL(18,2)), '交易分账',
                   '天猫佣金（类目）{{' || order_id || '}}扣款' FROM settled
            UNION ALL
            -- about a third paid with 花呗, which costs the seller a service fee
            SELECT local_at + INTERVAL 3 DAY + INTERVAL 2 MINUTE, 2, order_id, NULL,
                   -CAST(round(total * 0.008, 2) AS DECIMAL(18,2)), '收费', '花呗交易服务费[' || order_id || ']'
            FROM settled WHERE hash(order_id, 'huabei') % 3 = 0
            UNION ALL
            -- sales a 淘宝客 brought pay the affiliate its commission
            SELECT local_at + INTERVAL 4 DAY, 3, order_id, NULL, -CAST(round(total * 0.05, 2) AS DECIMAL(18,2)),
                   '其它', '代扣款（扣款用途：淘宝联盟佣金代扣 tradeid:' || order_id || '）'
            FROM settled WHERE hash(order_id, 'taoke') % 10 = 0
            UNION ALL
            SELECT local_at + INTERVAL 5 DAY, 4, order_id, NULL, -refunded_amount, '交易退款', '售后退款'
            FROM settled WHERE refunded_amount > 0)
        SELECT strftime(moved_at, '%Y-%m-%d %H:%M:%S'), order_id, income, expense, type, remark
        FROM m WHERE (income IS NULL OR income <> 0) AND (expense IS NULL OR expense <> 0)
        ORDER BY moved_at, order_id, seq
    """, [TAOBAO_SHOP, cutoff])


def write_alipay_ledger(db: Database, cutoff: date, folder: Path) -> Path:
    """支付宝账务明细 as Alipay exports it: GBK, `#` preamble, tab-padded cells, control totals in the footer."""
    rows = _alipay_rows(db, cutoff)
    first = rows[0][0][:10] if rows else cutoff.isoformat()
    lines = [
        "#支付宝账务明细查询",
        "#账号：[20881234567890120156]",
        f"#起始日期：[{_cn_date(first)} 00:00:00]   终止日期：[{_cn_date(cutoff.isoformat())} 00:00:00]",
        "#-----------------------------------------账务明细列表----------------------------------------",
        ",".join(ALIPAY_HEADER),
    ]
    balance, spent, got = ALIPAY_OPENING, Decimal(0), Decimal(0)
    n_spent = n_got = 0
    for number, (when, order_id, income, expense, kind, remark) in enumerate(_with_withdrawals(rows), start=1):
        balance += income if income is not None else expense
        if income is not None:
            got, n_got = got + income, n_got + 1
        else:
            spent, n_spent = spent + expense, n_spent + 1
        flow = f"{when[:10].replace('-', '')}1{number:010d}"
        merchant = f"T200P{order_id}" if kind in ("交易付款", "交易退款") else f"{flow[:8]}UM{number:06d}"
        cells = [flow, f"{flow[:8]}2200{number:08d}", merchant, "", when, "", "" if income is None else f"{income:.2f}",
                 "" if expense is None else f"{expense:.2f}", f"{balance:.2f}", "支付宝", kind, remark]
        lines.append(",".join(cell + "\t" for cell in cells))
    lines += [
        "#----------------------------------------账务明细列表结束-------------------------------------",
        f"#支出合计：{n_spent}笔，共{spent:.2f}元",
        f"#收入合计：{n_got}笔，共{got:.2f}元",
        f"#导出时间：[{_cn_date(cutoff.isoformat())} 10:00:00]",
    ]
    path = folder / "支付宝账务明细.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path


def _with_withdrawals(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The rows with a 提现 of the whole balance after each month's last movement, as a seller empties the
    shop's Alipay into the bank monthly (each 提现 then carries its month's movements, services/payouts.py)."""
    out: list[tuple[Any, ...]] = []
    balance = ALIPAY_OPENING
    for row in rows:
        if out and row[0][:7] != out[-1][0][:7] and balance > 0:
            out.append((out[-1][0], None, None, -balance, "提现", "提现到银行卡（尾号6198）"))
            balance = Decimal(0)
        out.append(row)
        balance += row[2] if row[2] is not None else row[3]
    return out


def _cn_date(iso: str) -> str:
    return f"{iso[:4]}年{iso[5:7]}月{iso[8:10]}日"


def _douyin_rows(db: Database, cutoff: date) -> list[tuple[Any, ...]]:
    """(settled time, ordered time, order id, paid, refunded, platform fee, creator commission), oldest first."""
    return db.fetchall(f"""
        WITH settled AS (
            SELECT o.order_id, o.total, o.refunded_amount AS refunded, timezone('Asia/Shanghai', o.ordered_at) AS local_at,
                   -- fees are taken from what the buyer kept; a creator (达人) sold about a quarter of the orders
                   greatest(o.total - o.refunded_amount, 0) AS kept, hash(o.order_id, 'daren') % 4 = 0 AS by_creator
            FROM orders o
            WHERE o.shop_id = ? AND o.status NOT IN {_UNPAID} AND o.total > 0
              AND CAST(timezone('Asia/Shanghai', o.ordered_at) AS DATE) < ?)
        SELECT strftime(local_at + INTERVAL 7 DAY, '%Y-%m-%d %H:%M:%S'), strftime(local_at, '%Y-%m-%d %H:%M:%S'),
               order_id, total, refunded, CAST(round(kept * 0.05, 2) AS DECIMAL(18,2)),
               CASE WHEN by_creator THEN CAST(round(kept * 0.10, 2) AS DECIMAL(18,2)) ELSE 0 END
        FROM settled ORDER BY local_at, order_id
    """, [DOUYIN_SHOP, cutoff])


def write_douyin_fund_flow(db: Database, cutoff: date, folder: Path) -> Path:
    """抖店 动账明细 (the 39-column export): one 订单结算 per settled order, itemised into its sale, refund and fees."""
    path = folder / "资金流水明细.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(DOUYIN_HEADER)
        for number, (when, ordered, order_id, paid, refunded, fee, commission) in enumerate(
                _douyin_rows(db, cutoff), start=1):
            cells = {"动账时间": when, "动帐流水号": f"'{when[:10].replace('-', '')}{number:012d}", "动账方向": "入账",
                     "动账金额": f"{paid - refunded - fee - commission:.2f}", "动账账户": "微信",
                     "动账场景": "订单结算", "计费类型": "-", "子订单号": f"'{order_id}", "订单号": f"'{order_id}",
                     "下单时间": ordered, "订单类型": "普通订单", "订单实付应结": f"{paid:.2f}", "运费实付": "0.00",
                     "订单退款": f"{refunded:.2f}", "平台服务费": f"{fee:.2f}", "佣金": f"{commission:.2f}",
                     "是否免佣": "否", "商户主体名称": "Demo shop"}
            out.writerow([cells.get(name, "") for name in DOUYIN_HEADER])
    return path
