"""Chinese money ledgers for the importer tests, written line by line the way the platforms write them.

Ledgers are not plain tables: Alipay and Pinduoduo put a preamble above the
header and control totals below it, Alipay pads every value with a tab, JD
wraps ids in `="…"` and may end with a 合计 row. Each builder returns the text;
`write_text` writes it in the platform's encoding with CRLF line ends.
Order numbers are those of cn_exports' order files, so movements and orders join.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

# --- Alipay 支付宝账务明细 ---------------------------------------------------------------------------

TAOBAO_ORDER = "2890123456789012345"  # an order of cn_exports.taobao_orders()

ALIPAY_HEADER = ("账务流水号,业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额（+元）,支出金额（-元）,"
                 "账户余额（元）,交易渠道,业务类型,备注")

# (流水号, 商户订单号, 发生时间, 收入, 支出, 余额, 业务类型, 备注); 支出 both signed and not, as seen.
ALIPAY_ROWS = (
    ("20260501100000001", f"T200P{TAOBAO_ORDER}", "2026-05-01 10:00:00", "598.00", "", "1598.00", "交易付款", ""),
    ("20260502100000002", f"T200P{TAOBAO_ORDER}", "2026-05-02 10:00:00", "", "-29.90", "1568.10", "交易分账",
     f"天猫佣金（类目）{{{TAOBAO_ORDER}}}扣款"),
    ("20260502100000003", "20260502UM0001", "2026-05-02 11:00:00", "", "-12.00", "1556.10", "其它",
     f"代扣款（扣款用途：淘宝联盟佣金代扣 tradeid:{TAOBAO_ORDER}）"),
    ("20260502100000004", "20260502HB0001", "2026-05-02 12:00:00", "", "5.98", "1550.12", "收费",
     f"花呗交易服务费[{TAOBAO_ORDER}]"),
    ("20260503100000005", f"T200P{TAOBAO_ORDER}", "2026-05-03 09:30:00", "", "-59.80", "1490.32", "交易退款",
     "售后退款"),
    ("20260504100000006", "20260504ZTC001", "2026-05-04 08:00:00", "", "-200.00", "1290.32", "转账", "直通车充值"),
    ("20260505100000007", "20260505TX0001", "2026-05-05 16:00:00", "", "-1000.00", "290.32", "提现",
     "提现到银行卡（尾号6198）"),
    # the seller paying for packing tape from the shop's account
    ("20260506100000008", "T200P3012345678901234", "2026-05-06 09:00:00", "", "-35.00", "255.32", "交易付款", ""),
)
ALIPAY_OPENING = Decimal("1000.00")
ALIPAY_EXPENSE_TOTAL = Decimal("-1342.68")  # the file's own #支出合计
ALIPAY_INCOME_TOTAL = Decimal("598.00")     # the file's own #收入合计


def alipay_ledger(rows: tuple[tuple[str, ...], ...] = ALIPAY_ROWS, *, tab: str = "\t",
                  footer: bool = True) -> str:
    lines = [
        "#支付宝账务明细查询",
        "#账号：[20881234567890120156]",
        "#起始日期：[2026年05月01日 00:00:00]   终止日期：[2026年06月01日 00:00:00]",
        "#-----------------------------------------账务明细列表----------------------------------------",
        ALIPAY_HEADER,
    ]
    for flow, merchant, when, income, expense, balance, kind, note in rows:
        cells = [flow, f"{flow[:8]}2200{flow[-6:]}", merchant, "纯棉短袖T恤" if merchant.startswith("T200P") else "",
                 when, "buyer@example.com", income, expense, balance, "支付宝", kind, note]
        lines.append(",".join(cell + tab for cell in cells))
    if footer:
        # Alipay's control totals of the rows it wrote (tests compare with ALIPAY_*_TOTAL, written by hand)
        spent = [-abs(Decimal(r[4])) for r in rows if r[4]]
        got = [Decimal(r[3]) for r in rows if r[3]]
        lines += [
            "#----------------------------------------账务明细列表结束-------------------------------------",
            f"#支出合计：{len(spent)}笔，共{sum(spent, Decimal('0.00'))}元",
            f"#收入合计：{len(got)}笔，共{sum(got, Decimal('0.00'))}元",
            "#导出时间：[2026年06月02日 10:00:00]",
        ]
    return "\r\n".join(lines) + "\r\n"


def excel_saved(text: str) -> str:
    """What Excel writes back: no padding tabs, short dates without seconds, amounts without trailing zeros."""
    out = []
    for line in text.split("\r\n"):
        cells = [c.strip("\t") for c in line.split(",")]
        for i, cell in enumerate(cells):
            if len(cell) == 19 and cell[4] == "-" and cell[13] == ":":
                y, m, d = cell[:10].split("-")
                cells[i] = f"{y}/{int(m)}/{int(d)} {int(cell[11:13])}:{cell[14:16]}"
            elif cell.endswith(".00") and cell.lstrip("-").replace(".", "").isdigit():
                cells[i] = cell[:-3]
        out.append(",".join(cells))
    return "\r\n".join(out)


def alipay_summary(rows: tuple[tuple[str, ...], ...] = ALIPAY_ROWS, *, off_by: Decimal = Decimal("0.00")) -> str:
    """Alipay's 账务明细(汇总) of `rows`: per 业务类型 the counts and sums, then 合计 (its 支出 `off_by` wrong)."""
    by_type: dict[str, list[Decimal]] = {}
    for _flow, _merchant, _when, income, expense, _balance, kind, _note in rows:
        counts = by_type.setdefault(kind, [Decimal(0)] * 4)
        if income:
            counts[0] += 1
            counts[1] += Decimal(income)
        if expense:
            counts[2] += 1
            counts[3] -= abs(Decimal(expense))
    total = [sum((c[i] for c in by_type.values()), Decimal(0)) for i in range(4)]
    total[3] -= off_by
    lines = [
        "#支付宝账务明细汇总查询",
        "#账号：[20881234567890120156]",
        "#起始日期：[2026年05月01日 00:00:00]   终止日期：[2026年06月01日 00:00:00]",
        "#-----------------------------------------账务汇总列表----------------------------------------",
        "类型,收入笔数,收入金额（+元）,支出笔数,支出金额（-元）",
        *(f"{kind}\t,{c[0]}\t,{c[1]:.2f}\t,{c[2]}\t,{c[3]:.2f}\t" for kind, c in by_type.items()),
        f"合计\t,{total[0]}\t,{total[1]:.2f}\t,{total[2]}\t,{total[3]:.2f}\t",
        "#-----------------------------------------账务汇总列表结束-------------------------------------",
        "#导出时间：[2026年06月02日 10:00:00]",
    ]
    return "\r\n".join(lines) + "\r\n"


# (流水号, 商户订单号, 发生时间, 收入, 支出, 余额, 业务类型, 备注), one file per month. Every 提现 takes all
# there is, except June's: a sale on 28 June comes after it and July's 提现 carries it.
ALIPAY_MAY = (
    ("20260501000000001", "T200P2890123456789010001", "2026-05-03 10:00:00", "500.00", "", "500.00", "交易付款", ""),
    ("20260501000000002", "T200P2890123456789010001", "2026-05-04 10:00:00", "", "-25.00", "475.00", "交易分账",
     "天猫佣金（类目）{2890123456789010001}扣款"),
    ("20260501000000003", "T200P2890123456789010001", "2026-05-06 10:00:00", "", "-75.00", "400.00", "交易退款",
     "售后退款"),
    ("20260501000000004", "20260531TX0001", "2026-05-31 16:00:00", "", "-400.00", "0.00", "提现",
     "提现到银行卡（尾号6198）"),
)
ALIPAY_JUNE = (
    ("20260601000000005", "T200P2890123456789010002", "2026-06-05 10:00:00", "300.00", "", "300.00", "交易付款", ""),
    ("20260601000000006", "20260606HB0001", "2026-06-06 10:00:00", "", "-15.00", "285.00", "收费",
     "花呗交易服务费[2890123456789010002]"),
    ("20260601000000007", "20260620TX0001", "2026-06-20 16:00:00", "", "-285.00", "0.00", "提现",
     "提现到银行卡（尾号6198）"),
    ("20260601000000008", "T200P2890123456789010003", "2026-06-28 10:00:00", "120.00", "", "120.00", "交易付款", ""),
)
ALIPAY_JULY = (
    ("20260701000000009", "T200P2890123456789010004", "2026-07-02 10:00:00", "200.00", "", "320.00", "交易付款", ""),
    ("20260701000000010", "20260731TX0001", "2026-07-31 16:00:00", "", "-320.00", "0.00", "提现",
     "提现到银行卡（尾号6198）"),
)
ALIPAY_MONTHS = {"may": ALIPAY_MAY, "june": ALIPAY_JUNE, "july": ALIPAY_JULY}


def write_alipay_months(folder: Path, *months: str) -> list[Path]:
    """One 账务明细 per month named, as a seller downloads them month by month (payout tests)."""
    return [write_text(folder / f"支付宝账务明细_{m}.csv", alipay_ledger(ALIPAY_MONTHS[m]), "gbk") for m in months]


# --- Pinduoduo 店铺账务明细 --------------------------------------------------------------------------

PDD_ORDER = "200222-118273645501234"  # orders of cn_exports.pdd_orders()
PDD_REFUNDED = "200223-550019283746501"

PDD_ROWS = (
    (PDD_ORDER, "2026-06-02 10:00:00", "27.90", "0.00", "交易收入", "", "0010002|交易收入-订单收入"),
    (PDD_ORDER, "2026-06-02 10:00:00", "0.00", "-0.17", "技术服务费", "", "0030002|技术服务费-基础技术服务费"),
    (PDD_REFUNDED, "2026-06-05 12:00:00", "0.00", "-27.90", "交易退款", "", "0020002|交易退款-订单退款"),
    ("", "2026-06-10 09:00:00", "0.00", "-50.00", "营销费用", "多多进宝佣金", "0060001|营销费用-多多进宝"),
    ("", "2026-06-15 09:00:00", "0.00", "-100.00", "提现", "提现至招商银行（尾号0421）", "0090001|提现-提现"),
    ("", "2026-06-20 09:00:00", "0.00", "-2.00", "其他支出", "", "0140028|其他支出-合作费追回"),
    # a zero row, as the footers' counts include them
    (PDD_ORDER, "2026-06-21 09:00:00", "0.00", "0.00", "交易收入", "", "0010002|交易收入-订单收入"),
)
PDD_EXPENSE_TOTAL = Decimal("-180.07")
PDD_INCOME_TOTAL = Decimal("27.90")


def pdd_ledger(rows: tuple[tuple[str, ...], ...] = PDD_ROWS) -> str:
    lines = [
        "拼多多店铺账务明细查询",
        "",
        "起始时间：2026-06-01 00:00:00  终止时间：2026-06-30 23:59:59",
        "----------交易记录明细列表---------",
        "商户订单号,发生时间,收入金额（+元）,支出金额（-元）,账务类型,备注,业务描述",
        *(",".join(row) for row in rows),
        # the footers count zero rows too; totals of the rows written (tests compare with PDD_*_TOTAL)
        f"#支出合计：{len([r for r in rows if r[3] != '0.00'])}笔{sum((Decimal(r[3]) for r in rows), Decimal('0.00'))}元",
        f"#收入合计：{len([r for r in rows if r[2] != '0.00' or r[3] == '0.00'])}笔"
        f"{sum((Decimal(r[2]) for r in rows), Decimal('0.00'))}元",
    ]
    return "\r\n".join(lines) + "\r\n"


# --- JD 账单明细 -----------------------------------------------------------------------------------

JD_ORDER = "235698123457"     # orders of cn_exports.jd_orders()
JD_CANCELLED = "235698123458"

JD_HEADER = ("订单编号,单据编号,单据类型,商品编号,商户订单号,商品名称,结算状态,费用发生时间,费用计费时间,费用结算时间,"
             "费用项,金额,币种,商家应收/应付,钱包结算备注,店铺号,京东门店编号,品牌门店编号,门店名称,备注,收支方向,"
             "商品数量,对账日期")

# (订单编号, 单据编号, 单据类型, 发生时间, 费用项, 金额, 应收/应付, 收支方向)
JD_ROWS = (
    (JD_ORDER, JD_ORDER, "订单", "2026-06-01 10:00:00", "货款", "59.90", "应收", "收入"),
    (JD_ORDER, JD_ORDER, "订单", "2026-06-01 10:00:00", "佣金", "5.99", "应付", "支出"),
    (JD_ORDER, JD_ORDER, "订单", "2026-06-01 10:00:00", "随单送的京豆", "0.60", "应付", "支出"),
    (JD_ORDER, JD_ORDER, "订单", "2026-06-01 10:00:00", "代收配送费", "6.00", "应收", "收入"),
    (JD_CANCELLED, "1203456789", "取消退款单", "2026-06-03 15:00:00", "货款", "19.90", "应付", "支出"),
    (JD_CANCELLED, "1203456789", "取消退款单", "2026-06-03 15:00:00", "佣金", "1.99", "应收", "收入"),
    # no 收支方向 written: 商家应收/应付 decides
    (JD_ORDER, "PS0601", "非销售订单", "2026-06-04 09:00:00", "短信服务费", "1.00", "应付", ""),
)
JD_TOTAL = Decimal("40.40")  # the file's own 合计 row


def jd_bill(rows: tuple[tuple[str, ...], ...] = JD_ROWS) -> str:
    lines = [JD_HEADER]
    for order, doc, doc_type, when, item, amount, due, direction in rows:
        cells = {"订单编号": f'="{order}"', "单据编号": f'="{doc}"', "单据类型": doc_type,
                 "商品编号": '="100012043978"', "商品名称": "小米充电宝 10000mAh", "结算状态": "已结算",
                 "费用发生时间": when, "费用计费时间": when, "费用结算时间": "2026-06-05 00:00:00", "费用项": item,
                 "金额": amount, "币种": "人民币", "商家应收/应付": due, "店铺号": "10086", "收支方向": direction,
                 "商品数量": "1", "对账日期": "2026-06-05"}
        lines.append(",".join(cells.get(h, "") for h in JD_HEADER.split(",")))
    lines.append("合计" + "," * 11 + str(JD_TOTAL) + "," * 11)
    return "\r\n".join(lines) + "\r\n"


# --- Youzan 对账单 ---------------------------------------------------------------------------------

YOUZAN_ORDER = "E20200221123456789012345"  # an order of cn_exports.youzan_orders()

YOUZAN_HEADER = ("收单号,变动账户类型,金额（元）,账户余额,交易来源地,创建时间,交易渠道,类型,业务单号,支付流水号,关联单号,"
                 "收支方向,支付方式,交易对手")

# (收单号, 金额, 余额, 创建时间, 类型, 业务单号, 收支方向)
YOUZAN_ROWS = (
    ("YZ202606010001", "88.00", "588.00", "2026-06-01 10:00:00", "订单入账", YOUZAN_ORDER, "收入"),
    ("YZ202606010002", "0.53", "587.47", "2026-06-01 10:00:00", "交易手续费", YOUZAN_ORDER, "支出"),
    ("YZ202606020003", "39.90", "547.57", "2026-06-02 11:00:00", "订单退款", YOUZAN_ORDER, "支出"),
    ("YZ202606030004", "500.00", "47.57", "2026-06-03 09:00:00", "提现", "TX20260603001", "支出"),
)
YOUZAN_OPENING = Decimal("500.00")


def youzan_statement(rows: tuple[tuple[str, ...], ...] = YOUZAN_ROWS) -> str:
    lines = [YOUZAN_HEADER]
    for slip, amount, balance, when, kind, ref, direction in rows:
        lines.append(",".join([slip, "店铺余额", amount, balance, "有赞微商城", when, "网店", kind, ref,
                               f"P{slip[2:]}", "", direction, "微信支付", "买家"]))
    return "\r\n".join(lines) + "\r\n"


# --- Douyin 动账明细, the 39-column export ------------------------------------------------------------

DOUYIN_FLOW_HEADER = (
    "动账时间,动帐流水号,动账方向,动账金额,动账账户,动账场景,计费类型,子订单号,订单号,售后编号,下单时间,商品ID,商品名称,"
    "达人ID,达人名称,订单类型,订单实付应结,运费实付,实际平台补贴_运费,实际平台补贴,其他平台补贴,以旧换新抵扣,"
    "政府补贴平台垫资,实际达人补贴,实际抖音支付补贴,实际抖音月付营销补贴,银行补贴,订单退款,平台服务费,佣金,服务商佣金,"
    "渠道分成,招商服务费,站外推广费,其他分成,是否免佣,免佣金额,商户主体名称,备注"
)
DOUYIN_ORDER = "6917926768823643751"  # an order of cn_exports.douyin_orders()


def douyin_fund_flow() -> str:
    names = DOUYIN_FLOW_HEADER.split(",")
    assert len(names) == 39

    def row(when: str, flow: str, direction: str, amount: str, scene: str, order: str, **money: str) -> str:
        cells = {"动账时间": when, "动帐流水号": "'" + flow, "动账方向": direction, "动账金额": amount,
                 "动账账户": "微信", "动账场景": scene, "计费类型": "-", "子订单号": "'" + order if order else "",
                 "订单号": "'" + order if order else "", "商户主体名称": "辣丝丝食品店", **money}
        return ",".join(cells.get(h, "") for h in names)

    lines = [
        DOUYIN_FLOW_HEADER,
        # 179.70 paid + 5.00 platform subsidy − 9.00 platform fee − 5.65 creator commission = 170.05
        row("2026-09-30 10:00:00", "2026093010000012345678", "入账", "170.05", "订单结算", DOUYIN_ORDER,
            订单实付应结="179.70", 运费实付="0.00", 实际平台补贴="5.00", 平台服务费="9.00", 佣金="5.65"),
        # components that do not explain the whole amount: the rest stays a sale (−0.40)
        row("2026-10-03 10:00:00", "2026100310000012345681", "入账", "28.00", "订单结算", "6917926768823643760",
            订单实付应结="59.80", 订单退款="29.90", 平台服务费="1.50", 站外推广费="0.00"),
        row("2026-10-04 10:00:00", "2026100410000012345682", "出账", "500.00", "提现", "", 备注="提现到银行卡"),
    ]
    return "\r\n".join(lines) + "\r\n"


# --- Douyin 结算账单 (订单结算明细) -------------------------------------------------------------------
# The header is ours (the full export is unverified, money-traffic-formats.md §10.2): the five known columns
# and breakdown columns named as the 动账明细 names them.

DOUYIN_BILL_HEADER = ("结算时间,结算单号,下单时间,订单号,子订单号,商品ID,商品名称,业务类型,结算账户,订单实付应结,运费实付,"
                      "实际平台补贴,结算前退款金额,平台服务费,佣金,站外推广费,结算金额,备注")
DOUYIN_BILL_ONLY_ORDER = "6917926768823643760"  # the fund flow settles it too, for 1.50 of fees; the bill 1.60
DOUYIN_BILL_TOTAL = Decimal("170.05") + Decimal("27.90")  # Σ 结算金额


def douyin_settlement_bill(tab_ids: bool = False) -> str:
    """Ids as `'6917…` (the API's export), or `"\t6917…"` (a tab inside the quotes, as the order export has)."""
    names = DOUYIN_BILL_HEADER.split(",")

    def ident(value: str) -> str:
        return f'"\t{value}"' if tab_ids else "'" + value

    def row(when: str, slip: str, ordered: str, order: str, sub: str, amount: str, **money: str) -> str:
        cells = {"结算时间": when, "结算单号": ident(slip), "下单时间": ordered, "订单号": ident(order),
                 "子订单号": ident(sub), "商品ID": ident("3612345678901234567"), "业务类型": "订单结算",
                 "结算账户": "微信", "结算金额": amount, **money}
        return ",".join(cells.get(h, "") for h in names)

    lines = [
        DOUYIN_BILL_HEADER,
        # the row under the header that is no settlement (exports carry one; readers drop it)
        ",".join(["金额单位：元"] + [""] * (len(names) - 1)),
        # the same settlement the 动账明细 books: 179.70 + 5.00 − 9.00 − 5.65 = 170.05
        row("2026-09-30 09:58:00", "S2026093000001", "2026-09-24 13:18:29", DOUYIN_ORDER, "6917926768823643752",
            "170.05", 订单实付应结="179.70", 运费实付="0.00", 实际平台补贴="5.00", 平台服务费="-9.00",
            佣金="-5.65", 商品名称="辣丝丝 麻辣牛肉干 200g"),
        # the platform's bill says 1.60 of fees where the account moved 1.50: 59.80 − 29.90 − 1.60 = 28.30, less
        # 0.40 the bill does not explain
        row("2026-10-03 09:58:00", "S2026100300002", "2026-09-10 08:00:00", DOUYIN_BILL_ONLY_ORDER,
            "6917926768823643761", "27.90", 订单实付应结="59.80", 结算前退款金额="29.90", 平台服务费="1.60",
            商品名称="手工红糖 500g"),
    ]
    return "\r\n".join(lines) + "\r\n"


def write_text(path: Path, text: str, encoding: str = "gbk") -> Path:
    path.write_bytes(text.encode(encoding))
    return path
