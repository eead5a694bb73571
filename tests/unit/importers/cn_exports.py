"""Chinese platform exports for the importer tests, written the way the platforms write them.

Every builder returns (header, rows) with cells as the export has them: Taobao's
`="…"` ids and `'` phones, Douyin's tab inside the quotes, `-` for empty,
cipher-text recipients, `元` in amounts, full-width punctuation in values and
the header names' trailing spaces. `write_csv` writes such a table in the
platform's encoding; `write_xlsx` writes the same rows as a workbook the way
Excel holds them (ids as text without their CSV tricks, amounts as numbers,
timestamps as date cells).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Collection, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from shopkeeper.db.database import Database
from shopkeeper.services.imports import FileOutcome, import_paths

Table = tuple[list[str], list[list[str]]]

# --- Taobao / Tmall -------------------------------------------------------------------------------

# 订单报表, 2016 form (41 columns) and later form (61 columns); a trailing space is part of the name.
TAOBAO_ORDERS_OLD = (
    "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,买家实际支付金额,"
    "买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址 ,运送方式,联系电话 ,联系手机,订单创建时间,订单付款时间 ,"
    "宝贝标题 ,宝贝种类 ,物流单号 ,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,卖家服务费,买家服务费,"
    "发票抬头,是否手机订单,分阶段订单信息,特权订金订单id,定金排名,修改后的sku,修改后的收货地址,异常信息,天猫卡券抵扣,"
    "集分宝抵扣,是否是O2O交易"
).split(",")
TAOBAO_ORDERS_NEW = (
    "订单编号,买家会员名,买家支付宝账号,支付单号,支付详情,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,"
    "买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址 ,运送方式,联系电话 ,联系手机,订单创建时间,"
    "订单付款时间 ,宝贝标题 ,宝贝种类 ,物流单号 ,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,卖家服务费,"
    "买家服务费,发票抬头,是否手机订单,分阶段订单信息,特权订金订单id,是否上传合同照片,是否上传小票,是否代付,定金排名,"
    "修改后的sku,修改后的收货地址,异常信息,天猫卡券抵扣,集分宝抵扣,是否是O2O交易,新零售交易类型,新零售导购门店名称,"
    "新零售导购门店id,新零售发货门店名称,新零售发货门店id,退款金额,预约门店,确认收货时间,打款商家金额,"
    "含应开票给个人的个人红包,是否信用购,体验期结束时间,前N有礼,配送类型,主订单编号"
).split(",")
assert len(TAOBAO_ORDERS_OLD) == 41 and len(TAOBAO_ORDERS_NEW) == 61

# 宝贝报表: old (10 columns) and the newer Tmall form, whose header has a space after each comma.
TAOBAO_LINES_OLD = "订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码".split(",")
TAOBAO_LINES_NEW = (
    "子订单编号, 主订单编号, 标题, 价格, 购买数量, 外部系统编号, 商品属性, 套餐信息, 备注, 订单状态, 商家编码, "
    "支付单号, 买家应付货款, 买家实际支付金额, 退款状态, 退款金额, 订单创建时间, 订单付款时间"
).split(",")

ADDRESS_JILIN = "吉林省 通化市 柳河县 柳河镇紫御府   七号楼    3单元   201室(135300)"

# Order number -> the 订单报表 cells (by header name without its trailing space).
TAOBAO_ORDERS: dict[str, dict[str, str]] = {
    "2890123456789012345": {
        "买家会员名": "幸福蔓岩1627", "买家支付宝账号": "8446***@qq.com", "买家应付货款": "598", "买家应付邮费": "0",
        "买家支付积分": "100", "总金额": "598.00", "返点积分": "5", "买家实际支付金额": "598.00",
        "订单状态": "买家已付款，等待卖家发货", "收货人姓名": "马慧", "收货地址": ADDRESS_JILIN, "运送方式": "快递",
        "联系手机": "'18618486065", "订单创建时间": "2016/5/23 22:02", "订单付款时间": "2016/5/23 22:02",
        "宝贝标题": "日本直邮mamakids洗面奶+化妆水+乳液护肤特惠套装", "宝贝种类": "1", "宝贝总数量": "1",
        "店铺名称": "Funny宝贝快乐购", "订单关闭原因": "订单未关闭", "卖家服务费": "0", "买家服务费": "0元",
        "是否手机订单": "手机订单", "退款金额": "0", "打款商家金额": "0元",
    },
    "2890123456789012346": {
        "买家会员名": "幸福蔓岩1627", "买家应付货款": "1288.00", "买家应付邮费": "10.00元", "买家支付积分": "500",
        "总金额": "1298.00", "买家实际支付金额": "1098.00", "订单状态": "交易成功", "收货人姓名": "马慧",
        "收货地址": ADDRESS_JILIN, "联系手机": "'18618486065", "订单创建时间": "2020-02-21 00:00:00",
        "订单付款时间": "2020-02-21 00:00:02", "宝贝标题": "羊毛围巾（加厚款）,羊绒手套", "宝贝总数量": "3",
        "订单关闭原因": "订单未关闭", "买家服务费": "0元", "退款金额": "200.00", "打款商家金额": "1098.00元",
    },
    "2890123456789012347": {
        "买家会员名": "tb_小王（北京）", "买家应付货款": "37.00", "买家应付邮费": "0", "总金额": "37.00",
        "买家实际支付金额": "0", "订单状态": "交易关闭", "收货人姓名": "王小明",
        "收货地址": "北京 北京市 朝阳区 建国路88号(100022)", "联系电话": "'010-65881234",
        "订单创建时间": "2020-02-20 23:59:35", "订单付款时间": "", "订单关闭原因": "买家不想买了", "退款金额": "0",
    },
    "2890123456789012348": {
        "买家会员名": "lily_李", "买家应付货款": "64.80", "买家应付邮费": "0", "总金额": "64.80",
        "买家实际支付金额": "0", "订单状态": "等待买家付款", "收货人姓名": "李丽", "收货地址": "上海",
        "联系手机": "'13912345678", "订单创建时间": "2026/9/10 8:00", "订单付款时间": "", "退款金额": "0",
    },
    "2890123456789012349": {
        "买家会员名": "lily_李", "买家应付货款": "157", "买家应付邮费": "0", "总金额": "157",
        "买家实际支付金额": "157", "订单状态": "卖家已发货，等待买家确认", "收货人姓名": "李丽",
        "收货地址": "上海 上海市 闵行区 七莘路1号(201199)", "联系手机": "'13912345678",
        "订单创建时间": "2020-02-20 23:58:34", "订单付款时间": "2020-02-20 23:58:44", "退款金额": "0",
    },
    "2890123456789012350": {
        "买家会员名": "浙江小店主", "买家应付货款": "64.80", "买家应付邮费": "0", "总金额": "64.80",
        "买家实际支付金额": "0", "订单状态": "交易关闭", "收货人姓名": "赵敏",
        "收货地址": "浙江省 杭州市 西湖区 文三路 100 号(310000)", "联系手机": "'13600000000",
        "订单创建时间": "2020-02-20 23:57:04", "订单付款时间": "2020-02-20 23:57:11", "退款金额": "64.80",
    },
    "2890123456789012351": {
        "买家会员名": "浙江小店主", "买家应付货款": "421.00", "买家应付邮费": "0", "买家支付积分": "4210",
        "总金额": "421.00", "买家实际支付金额": "421.00", "订单状态": "交易成功",
        "买家留言": "“周末”送货，别打电话；谢谢！", "收货人姓名": "赵敏",
        "收货地址": "浙江省 杭州市 西湖区 文三路 100 号(310000)", "联系手机": "'13600000000",
        "订单创建时间": "2020-02-20 23:54:28", "订单付款时间": "2020-02-20 23:54:33", "退款金额": "0",
    },
}

# Lines: (order, sub-order, title, price, quantity, seller code, properties, status, payable, refund state, refund)
TAOBAO_LINES: list[tuple[str, str, str, str, str, str, str, str, str, str, str]] = [
    ("2890123456789012345", "2890123456789099001", "日本直邮mamakids洗面奶+化妆水+乳液护肤特惠套装", "598.00", "1",
     "MK-SET-01", "颜色分类：白色[GT20白骑士]", "买家已付款，等待卖家发货", "598.00", "", "0"),
    ("2890123456789012346", "2890123456789099002", "羊毛围巾（加厚款）", "1088.00", "1", "SCARF-01",
     "长度：2m;颜色分类：酒红色", "交易成功", "1088.00", "", "0"),
    ("2890123456789012346", "2890123456789099003", "羊绒手套", "100.00", "2", "GLOVE-02", "尺码：M", "交易成功",
     "200.00", "退款成功", "200.00"),
    ("2890123456789012347", "2890123456789099004", "手机壳", "37.00", "1", "CASE-11", "", "交易关闭", "37.00", "", "0"),
    ("2890123456789012348", "2890123456789099005", "儿童雨衣", "32.40", "2", "RAIN-KID", "尺码：110cm",
     "等待买家付款", "64.80", "", "0"),
    ("2890123456789012349", "2890123456789099006", "保温杯 500ml", "157", "1", "CUP-500", "", "卖家已发货，等待买家确认",
     "157", "", "0"),
    ("2890123456789012350", "2890123456789099007", "帆布包", "64.80", "1", "BAG-01", "颜色分类：米白", "交易关闭",
     "64.80", "退款成功", "64.80"),
    ("2890123456789012351", "2890123456789099008", "茶叶礼盒（明前龙井）", "210.50", "2", "TEA-LJ", "", "交易成功",
     "421.00", "", "0"),
    # an order the order file does not list (exported in another batch)
    ("2890123456789012352", "2890123456789099009", "数据线", "9.90", "3", "CABLE-1M", "", "交易成功", "29.70", "", "0"),
]
LINE_ONLY_ORDER = "2890123456789012352"
LINE_ONLY_CREATED = "2020-02-22 10:00:00"


def taobao_id(value: str) -> str:
    """How Taobao writes an id so that Excel keeps its digits."""
    return f'="{value}"'


def taobao_orders(form: str = "new") -> Table:
    header = TAOBAO_ORDERS_NEW if form == "new" else TAOBAO_ORDERS_OLD
    rows = []
    for order_id, cells in TAOBAO_ORDERS.items():
        values = {**cells, "订单编号": taobao_id(order_id), "主订单编号": taobao_id(order_id)}
        rows.append([values.get(h.strip(), "") for h in header])
    return list(header), rows


def taobao_lines(form: str = "new") -> Table:
    rows = []
    for order, sub, title, price, qty, code, props, status, payable, refund_state, refund in TAOBAO_LINES:
        created = TAOBAO_ORDERS.get(order, {}).get("订单创建时间", LINE_ONLY_CREATED)
        paid = TAOBAO_ORDERS.get(order, {}).get("订单付款时间", LINE_ONLY_CREATED)
        if form == "old":
            rows.append([taobao_id(order), title, price, qty, "", props, "", "", status, code])
        else:
            rows.append([taobao_id(sub), taobao_id(order), title, price, qty, "", props, "", "", status, code, "",
                         payable, payable if not refund_state else "0", refund_state, refund, created, paid])
    return list(TAOBAO_LINES_OLD if form == "old" else TAOBAO_LINES_NEW), rows


# 淘宝助理: English field names, then the Chinese ones (as its own header row), from its 2016 template.
ASSISTANT_FIELDS: list[tuple[str, str]] = [
    ("title", "宝贝名称"), ("cid", "宝贝类目"), ("seller_cids", "店铺类目"), ("stuff_status", "新旧程度"),
    ("location_state", "省"), ("location_city", "城市"), ("item_type", "出售方式"), ("price", "宝贝价格"),
    ("auction_increment", "加价幅度"), ("num", "宝贝数量"), ("valid_thru", "有效期"), ("freight_payer", "运费承担"),
    ("post_fee", "平邮"), ("ems_fee", "EMS"), ("express_fee", "快递"), ("has_invoice", "发票"),
    ("has_warranty", "保修"), ("approve_status", "放入仓库"), ("has_showcase", "橱窗推荐"), ("list_time", "开始时间"),
    ("description", "宝贝描述"), ("cateProps", "宝贝属性"), ("postage_id", "邮费模版ID"), ("has_discount", "会员打折"),
    ("modified", "修改时间"), ("upload_fail_msg", "上传状态"), ("picture_status", "图片状态"),
    ("auction_point", "返点比例"), ("picture", "新图片"), ("video", "视频"), ("skuProps", "销售属性组合"),
    ("inputPids", "用户输入ID串"), ("inputValues", "用户输入名-值对"), ("outer_id", "商家编码"),
    ("propAlias", "销售属性别名"), ("auto_fill", "代充类型"), ("num_id", "数字ID"), ("local_cid", "本地ID"),
    ("navigation_type", "宝贝分类"), ("user_name", "用户名称"), ("syncStatus", "宝贝状态"),
    ("is_lighting_consigment", "闪电发货"), ("is_xinpin", "新品"), ("foodparame", "食品专项"), ("features", "尺码库"),
    ("buyareatype", "采购地"), ("global_stock_type", "库存类型"), ("global_stock_country", "国家地区"),
    ("sub_stock_type", "库存计数"), ("item_size", "物流体积"), ("item_weight", "物流重量"),
    ("sell_promise", "退换货承诺"), ("custom_design_flag", "定制工具"), ("wireless_desc", "无线详情"),
    ("barcode", "商品条形码"), ("sku_barcode", "sku 条形码"), ("newprepay", "七天退货"), ("subtitle", "宝贝卖点"),
    ("cpv_memo", "属性值备注"), ("input_custom_cpv", "自定义属性值"), ("qualification", "商品资质"),
    ("add_qualification", "增加商品资质"), ("o2o_bind_service", "关联线下服务"),
]
assert len(ASSISTANT_FIELDS) == 63

ASSISTANT_ITEMS: list[dict[str, str]] = [
    {"title": "纯棉T恤 男款 夏季（宽松）", "cid": "50000436", "seller_cids": "1184361989,", "price": "59.90",
     "num": "30", "approve_status": "0", "post_fee": "1.03344e-38", "ems_fee": "2.8026e-45",
     "modified": "2016-02-15 00:25:36 ",
     "skuProps": "59.90:10:TS-WHT-M:1627207:28320;20509:28315;59.90:12:TS-WHT-L:1627207:28320;20509:28316;"
                 "62.00:8::1627207:28341;20509:28315;",
     "propAlias": "1627207:28320:白色;1627207:28341:黑色;20509:28315:M;20509:28316:L",
     "outer_id": "TS-2024", "num_id": "612345678901", "sku_barcode": "6901234567890;6901234567891;",
     "item_weight": "0.25", "subtitle": "夏季新款！100%纯棉", "qualification": "%7B%20%20%7D"},
    {"title": "手工皂（玫瑰）", "cid": "50010788", "price": "25", "num": "100", "approve_status": "1",
     "post_fee": "0", "ems_fee": "0", "modified": "2016-02-06 21:30:45 ", "skuProps": "", "outer_id": "SOAP-ROSE",
     "num_id": "0", "sku_barcode": "", "barcode": "6909876543210", "item_weight": "0.1"},
]
_ASSISTANT_NUMBERS = {"cid", "stuff_status", "item_type", "price", "num", "valid_thru", "freight_payer", "post_fee",
                      "ems_fee", "express_fee", "has_invoice", "has_warranty", "approve_status", "has_showcase",
                      "postage_id", "has_discount", "auction_point", "auto_fill", "num_id", "local_cid",
                      "navigation_type", "syncStatus", "newprepay", "add_qualification", "o2o_bind_service"}


def write_assistant(path: Path) -> Path:
    """A 淘宝助理 file: UTF-16LE with BOM, TAB-separated, LF, text quoted and numbers bare."""
    lines = ["version 1.00", "\t".join(e for e, _ in ASSISTANT_FIELDS), "\t".join(c for _, c in ASSISTANT_FIELDS)]
    for item in ASSISTANT_ITEMS:
        cells = []
        for name, _ in ASSISTANT_FIELDS:
            value = item.get(name, "0" if name in _ASSISTANT_NUMBERS else "")
            cells.append(value if name in _ASSISTANT_NUMBERS else '"' + value.replace('"', '""') + '"')
        lines.append("\t".join(cells))
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-16"))
    return path


# --- JD --------------------------------------------------------------------------------------------

JD_HEADER = (
    "订单号,商品ID,商品名称,订购数量,支付方式,下单时间,京东价,订单金额,结算金额,余额支付,应付金额,订单状态,订单类型,"
    "下单帐号,客户姓名,客户地址,联系电话,订单备注,发票类型,发票抬头,发票内容,商家备注,商家备注等级（等级1-5为由高到低）,"
    "运费金额,付款确认时间,增值税发票,货号,订单完成时间,订单来源,订单渠道"
).split(",")
JD_MASKED_PHONE = "1******6198"


def jd_orders() -> Table:
    def row(order: str, item: str, title: str, qty: str, price: str, amount: str, payable: str, status: str,
            account: str, name: str, code: str, done: str = "") -> list[str]:
        cells = {
            "订单号": order, "商品ID": item, "商品名称": title, "订购数量": qty, "支付方式": "在线支付",
            "下单时间": "2020-02-21 00:00:00", "京东价": price, "订单金额": amount, "结算金额": payable,
            "余额支付": "0.00", "应付金额": payable, "订单状态": status, "订单类型": "普通订单", "下单帐号": account,
            "客户姓名": name, "客户地址": "广东 深圳市 南山区 科技园****", "联系电话": JD_MASKED_PHONE,
            "商家备注等级（等级1-5为由高到低）": "1", "运费金额": "0.00", "付款确认时间": "2020-02-21 00:01:10",
            "货号": code, "订单完成时间": done, "订单来源": "移动端", "订单渠道": "京东商城",
        }
        return [cells.get(h, "") for h in JD_HEADER]

    rows = [
        row("235698123456", "100012043978", "小米充电宝 10000mAh", "2", "59.90", "139.70", "129.70", "等待出库",
            "jd_5a1b2c3d", "张*", "MI-PB-10K"),
        row("235698123456", "100009177424", "Type-C数据线（1米）", "1", "19.90", "139.70", "129.70", "等待出库",
            "jd_5a1b2c3d", "张*", "CABLE-C1"),
        row("235698123457", "100012043978", "小米充电宝 10000mAh", "1", "59.90", "59.90", "59.90", "完成",
            "jd_7e8f9a0b", "李*", "MI-PB-10K", "2020-02-25 18:30:00"),
        row("235698123458", "100009177424", "Type-C数据线（1米）", "1", "19.90", "19.90", "19.90", "已取消",
            "jd_7e8f9a0b", "李*", "CABLE-C1"),
    ]
    return list(JD_HEADER), rows


# --- Pinduoduo -----------------------------------------------------------------------------------

PDD_HEADER = (
    "订单成交时间,商品,订单号,订单状态,商品总价(元),邮费(元),店铺优惠折扣(元),平台优惠折扣(元),多多支付立减金额(元),"
    "用户实付金额(元),商家实收金额(元),商品数量(件),发货时间,确认收货时间,商品id,商品规格,样式ID,商家编码-规格维度,"
    "商家编码-商品维度,商家备注,售后状态,快递单号,快递公司,收货人,手机,省,市,区,街道"
).split(",")
PDD_MASKED_PHONE = "138****5678"


def pdd_orders() -> Table:
    def row(when: str, order: str, status: str, goods: str, paid: str, qty: str, after: str, spec: str) -> list[str]:
        cells = {
            "订单成交时间": when, "商品": "【两件装】纯棉短袖T恤男夏季", "订单号": order, "订单状态": status,
            "商品总价(元)": goods, "邮费(元)": "0", "店铺优惠折扣(元)": "2", "平台优惠折扣(元)": "0",
            "多多支付立减金额(元)": "0", "用户实付金额(元)": paid, "商家实收金额(元)": paid, "商品数量(件)": qty,
            "商品id": "128473629183", "商品规格": spec, "样式ID": "902837465", "商家编码-规格维度": "TEE-2P-" + spec[-1],
            "商家编码-商品维度": "TEE-2P", "售后状态": after, "快递公司": "中通快递", "收货人": "陈**",
            "手机": PDD_MASKED_PHONE, "省": "****", "市": "成都市", "区": "武侯区", "街道": "****",
        }
        return [cells.get(h, "") for h in PDD_HEADER]

    rows = [
        # 订单成交时间 left empty: the order number carries the day
        row("", "200221-063450781932541", "待发货", "59.80", "57.80", "2", "无售后或售后取消", "白色,L"),
        row("2020-02-22 09:15:00", "200222-118273645501234", "已发货，待签收", "29.90", "27.90", "1",
            "无售后或售后取消", "黑色,M"),
        row("2020-02-23 20:40:11", "200223-550019283746501", "已签收", "29.90", "27.90", "1", "退款成功", "黑色,XL"),
    ]
    return list(PDD_HEADER), rows


# --- Douyin --------------------------------------------------------------------------------------

DOUYIN_HEADER = (
    "主订单编号,子订单编号,选购商品,商品规格,商品数量,商家编码,订单应付金额,运费,收件人,收件人手机号,详细地址,"
    "订单提交时间,商家备注,订单完成时间,订单状态,售后状态,取消原因,发货时间,平台实际承担优惠金额,商家实际承担优惠金额,"
    "达人实际承担优惠金额,商品ID,流量来源"
).split(",")
DOUYIN_CIPHER_PHONE = "$$Ka9F3dQ1286643190#XbTq7P2$$"
DOUYIN_CIPHER_NAME = "##密文"


def tab(value: str) -> str:
    """Douyin's trick against scientific notation: a tab inside the quoted cell."""
    return "\t" + value


def douyin_orders() -> Table:
    def row(order: str, sub: str, title: str, spec: str, qty: str, code: str, payable: str, when: str,
            status: str, after: str) -> list[str]:
        cells = {
            "主订单编号": tab(order), "子订单编号": tab(sub), "选购商品": tab(title), "商品规格": spec,
            "商品数量": qty, "商家编码": code, "订单应付金额": payable, "运费": "0.00",
            "收件人": DOUYIN_CIPHER_NAME, "收件人手机号": DOUYIN_CIPHER_PHONE, "详细地址": "##密文",
            "订单提交时间": when, "商家备注": "-", "订单完成时间": "-", "订单状态": status, "售后状态": after,
            "取消原因": "-", "发货时间": "-", "平台实际承担优惠金额": "0.00", "商家实际承担优惠金额": "0.00",
            "达人实际承担优惠金额": "0.00", "商品ID": tab("3612345678901234567"), "流量来源": "直播",
        }
        return [cells.get(h, "") for h in DOUYIN_HEADER]

    rows = [
        row("6917926768823643751", "6917926768823643752", "辣丝丝 麻辣牛肉干 200g", "麻辣味", "2", "BEEF-200",
            "59.80", "2026-09-24 13:18:29", "已完成", "-"),
        row("6917926768823643751", "6917926768823643753", "辣丝丝 五香牛肉干 200g", "五香味", "1", "BEEF-201",
            "29.90", "2026-09-24 13:18:29", "已完成", "退款成功"),
        # re-saved by Excel: a date without seconds or leading zeros
        row("6917926768823643760", "6917926768823643761", "手工红糖 500g", "-", "1", "SUGAR-500", "18.80",
            "2026/9/10 8:00", "待发货", "-"),
    ]
    return list(DOUYIN_HEADER), rows


SETTLEMENT_HEADER = (
    "动账时间,动帐流水号,动账方向,动账金额,动账账户,动账场景,计费类型,子订单号,订单号,订单实付应结,运费实付,"
    "实际平台补贴,订单退款,平台服务费,佣金,招商服务费,站外推广费,备注"
).split(",")


def douyin_settlements() -> Table:
    def row(when: str, flow: str, direction: str, amount: str, scene: str, order: str, note: str = "") -> list[str]:
        cells = {
            "动账时间": when, "动帐流水号": "'" + flow, "动账方向": direction, "动账金额": amount,
            "动账账户": "聚合账户", "动账场景": scene, "计费类型": "-", "子订单号": "'" + order if order else "",
            "订单号": "'" + order if order else "", "备注": note,
        }
        return [cells.get(h, "") for h in SETTLEMENT_HEADER]

    rows = [
        row("2026-09-30 10:00:00", "2026093010000012345678", "入账", "170.05", "货款结算入账", "6917926768823643751"),
        row("2026-10-01 09:00:00", "2026100109000012345679", "出账", "-29.90", "退款-结算后退款-退用户",
            "6917926768823643751"),
        row("2026-07-08 06:27:38", "2026070806273341620114198961", "出账", "8.17", "上门取件运费",
            "6954164338068755932"),
        row("2026-10-02 12:00:00", "2026100212000012345680", "出账", "1000.00", "提现", "", "提现到银行卡（尾号6198）"),
        row("2023-12-04 10:00:00", "OTHER1", "入账", "3.00", "消费者赔付", ""),
    ]
    return list(SETTLEMENT_HEADER), rows


# --- Youzan ----------------------------------------------------------------------------------------

YOUZAN_HEADER = "订单号,买家付款时间,收货人手机号/提货人手机号,全部商品名称,商品种类数,订单实付金额,订单状态,买家备注,商家订单备注".split(",")
YOUZAN_PHONE = "13800138000"


def youzan_orders() -> Table:
    rows = [
        ["E20200221123456789012345", "2016/5/23 22:02", YOUZAN_PHONE, "手冲咖啡豆（云南）；滤纸", "2", "88.00",
         "交易完成", "", "老客户"],
        ["E20200221123456789012346", "2020-02-21 09:30:00", YOUZAN_PHONE, "挂耳咖啡", "1", "39.90", "已发货",
         "请用顺丰", ""],
        ["E20200221123456789012347", "", "", "手冲壶", "1", "129.00", "待付款", "", ""],
    ]
    return list(YOUZAN_HEADER), rows


# --- writing ---------------------------------------------------------------------------------------


def _csv_cell(value: str, quote_all: bool) -> str:
    if value.startswith('="'):
        return value  # Taobao writes these bare
    if quote_all or any(c in value for c in ',"\n\r\t'):
        return '"' + value.replace('"', '""') + '"'
    return value


def write_csv(path: Path, table: Table, *, encoding: str = "gbk", quote_all: bool = False,
              newline: str = "\r\n") -> Path:
    """The table as the platforms write it: GBK by default, CRLF, `="…"` cells left bare."""
    header, rows = table
    lines = [",".join(_csv_cell(h, quote_all) for h in header)]
    lines += [",".join(_csv_cell(c, quote_all) for c in row) for row in rows]
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


_AMOUNT = re.compile(r"^-?[0-9]{1,7}(\.[0-9]{1,2})?$")
_STAMP = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$")
_EPOCH = dt.datetime(1899, 12, 30)


def excel_value(cell: str) -> str | int | float | tuple[str, float] | None:
    """How the same cell sits in an .xlsx: no CSV tricks, numbers as numbers, timestamps as date cells."""
    text = cell
    if text.startswith('="') and text.endswith('"'):
        text = text[2:-1]
    text = text.strip("\t")
    if text.startswith("'") and text[1:2].isdigit():
        text = text[1:]
    if text == "":
        return None
    if _STAMP.match(text):
        stamp = dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
        return ("date", (stamp - _EPOCH).total_seconds() / 86400)
    if _AMOUNT.match(text):
        return int(text) if "." not in text else float(text)
    return text


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument"


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _xlsx_cell(ref: str, value: str | int | float | tuple[str, float] | None) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return f'<c r="{ref}" s="1"><v>{value[1]!r}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def write_xlsx(path: Path, table: Table, sheet: str = "Sheet1", numbers: Collection[str] = ()) -> Path:
    """A minimal one-sheet workbook holding the table as Excel would (see `excel_value`).

    `numbers` names columns Excel read as numbers (a CSV opened in Excel and saved as .xlsx):
    their cells are stored as numbers with the 15 significant digits Excel keeps.
    """
    header, rows = table
    as_number = [h.strip() in numbers for h in header]
    grid: list[Sequence[str | int | float | tuple[str, float] | None]] = [list(header)]
    grid += [[float(f"{float(v):.15g}") if number and isinstance(v, str) else v
              for number, v in zip(as_number, map(excel_value, row), strict=True)] for row in rows]
    body = "".join(
        f'<row r="{r}">' + "".join(_xlsx_cell(f"{_column(c)}{r}", v) for c, v in enumerate(row)) + "</row>"
        for r, row in enumerate(grid, start=1)
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.spreadsheetml.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.spreadsheetml.styles+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.spreadsheetml.worksheet+xml"/></Types>',
        )
        book.writestr("_rels/.rels", f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
                                     f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        book.writestr("xl/workbook.xml", f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
                                         f'<sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
        book.writestr("xl/_rels/workbook.xml.rels",
                      f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/worksheet" '
                      f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{_REL}/styles" '
                      'Target="styles.xml"/></Relationships>')
        book.writestr(
            "xl/styles.xml",
            f'<styleSheet xmlns="{_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/>'
            '</numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/>'
            '</borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/>'
            '<xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
        )
        book.writestr("xl/worksheets/sheet1.xml",
                      f'<worksheet xmlns="{_MAIN}"><sheetData>{body}</sheetData></worksheet>')
    return path


# --- importing and comparing -----------------------------------------------------------------------

CANONICAL_TABLES = ("orders", "order_lines", "buyers", "members", "money_movements", "products", "variants",
                    "listings", "stock_levels", "shops")


def import_files(db: Database, workdir: Path, *paths: Path) -> list[FileOutcome]:
    outcomes = import_paths(db, list(paths), workdir=workdir / "import-work")
    assert all(o.ok for o in outcomes), [o.message for o in outcomes]
    return outcomes


def table_rows(db: Database, table: str) -> list[tuple[object, ...]]:
    """Every row of a canonical table without its batch id (and stock's timestamp), sorted."""
    cols = [r[0] for r in db.fetchall(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = 'main' "
        "ORDER BY ordinal_position", [table])]
    keep = [c for c in cols if c not in ("batch_id", "updated_at")]
    select = ", ".join(f'"{c}"' for c in keep)
    return sorted(db.fetchall(f'SELECT {select} FROM "{table}"'), key=repr)


def snapshot(db: Database) -> dict[str, list[tuple[object, ...]]]:
    return {table: table_rows(db, table) for table in CANONICAL_TABLES}


def one(db: Database, sql: str, params: Sequence[object] | None = None) -> tuple[object, ...]:
    rows = db.fetchall(sql, list(params) if params is not None else None)
    assert len(rows) == 1, rows
    return tuple(rows[0])
