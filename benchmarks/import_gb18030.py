"""Import benchmark: a Taobao 订单报表 + 宝贝报表 pair in GB18030 against the same pair in UTF-8.

Run:  PYTHONPATH=src .venv/bin/python benchmarks/import_gb18030.py [--lines N] [--data-dir DIR]

It generates (deterministically, once per size) a Taobao-shaped export pair:
`ExportOrderList` in the 61-column form (one row per order, `="…"` ids,
trailing spaces in header names, `元` amounts, full-width commas in statuses)
and `ExportOrderDetailList` in the newer 18-column form with about N item rows
(default 1,000,000), first in UTF-8 and then the very same text in GB18030 -
the encoding Chinese Excel and the Taobao back end write. Then, each in a
fresh subprocess so peak RSS is per task, it times `import_paths` of the
UTF-8 pair and of the GB18030 pair into fresh shops, checks both shops hold
the same orders and lines, and prints both times and their ratio (target:
GB18030 at most 1.3x UTF-8; the extra work is the streaming transcode).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ORDER_HEADER = (
    "订单编号,买家会员名,买家支付宝账号,支付单号,支付详情,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,"
    "买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址 ,运送方式,联系电话 ,联系手机,订单创建时间,"
    "订单付款时间 ,宝贝标题 ,宝贝种类 ,物流单号 ,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,卖家服务费,"
    "买家服务费,发票抬头,是否手机订单,分阶段订单信息,特权订金订单id,是否上传合同照片,是否上传小票,是否代付,定金排名,"
    "修改后的sku,修改后的收货地址,异常信息,天猫卡券抵扣,集分宝抵扣,是否是O2O交易,新零售交易类型,新零售导购门店名称,"
    "新零售导购门店id,新零售发货门店名称,新零售发货门店id,退款金额,预约门店,确认收货时间,打款商家金额,"
    "含应开票给个人的个人红包,是否信用购,体验期结束时间,前N有礼,配送类型,主订单编号"
).split(",")
LINE_HEADER = (
    "子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,"
    "买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间"
).split(",")
assert len(ORDER_HEADER) == 61

_STATUSES = (["交易成功"] * 12 + ["买家已付款，等待卖家发货"] * 3 + ["卖家已发货，等待买家确认"] * 3
             + ["等待买家付款", "交易关闭"])
_PLACES = [("浙江省", "杭州市", "西湖区"), ("广东省", "深圳市", "南山区"), ("上海", "上海市", "浦东新区"),
           ("北京", "北京市", "朝阳区"), ("四川省", "成都市", "武侯区"), ("吉林省", "通化市", "柳河县"),
           ("江苏省", "苏州市", "姑苏区"), ("湖南省", "长沙市", "岳麓区")]
_ITEMS = [(f"{name}（{colour}）", f"颜色分类：{colour};尺码：{size}", f"SKU-{i:04d}-{size}",
           f"{19 + (i * 7) % 480}.{(i * 13) % 100:02d}")
          for i, (name, colour) in enumerate(
              (n, c) for n in ("纯棉T恤", "羊毛围巾", "保温杯", "帆布包", "茶叶礼盒", "数据线", "儿童雨衣", "手工皂",
                               "蓝牙耳机", "瑜伽垫", "电热水壶", "羽绒服")
              for c in ("白色", "黑色", "酒红色", "米白", "藏青", "浅灰"))
          for size in ("S", "M", "L")]
_NICKS = [f"{a}{b}{n}" for a in ("幸福", "快乐", "小", "tb_", "lily_", "浙江", "蔓岩") for b in ("王", "李", "张", "陈")
          for n in range(1, 3001)]


def generate(orders_path: Path, lines_path: Path, line_items: int, seed: int = 20200221) -> None:
    """Write the UTF-8 pair with about `line_items` item rows (deterministic)."""
    rng = random.Random(seed)
    oidx = {name.strip(): i for i, name in enumerate(ORDER_HEADER)}
    with orders_path.open("w", encoding="utf-8", newline="") as of, lines_path.open("w", encoding="utf-8",
                                                                                      newline="") as lf:
        orders, lines = csv.writer(of, lineterminator="\r\n"), csv.writer(lf, lineterminator="\r\n")
        orders.writerow(ORDER_HEADER)
        lines.writerow(LINE_HEADER)
        written = 0
        number = 2890123456789000000
        while written < line_items:
            number += 1 + rng.randrange(7)
            n = min(rng.choice((1, 1, 2, 2, 3, 3, 4, 5)), line_items - written)
            items = [rng.choice(_ITEMS) for _ in range(n)]
            qtys = [1 + rng.randrange(3) for _ in items]
            status = rng.choice(_STATUSES)
            created = (f"2020-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d} "
                       f"{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}")
            paid = "" if status in ("等待买家付款",) else created
            goods = sum(int(p.replace(".", "")) * q for (_, _, _, p), q in zip(items, qtys, strict=True)) / 100
            post = rng.choice((0, 0, 0, 6, 10))
            refunded = round(goods, 2) if status == "交易关闭" and paid else 0
            row = [""] * len(ORDER_HEADER)
            province, city, district = rng.choice(_PLACES)
            values = {
                "订单编号": f'="{number}"', "买家会员名": rng.choice(_NICKS), "买家支付宝账号": "138****5678",
                "买家应付货款": f"{goods:.2f}", "买家应付邮费": f"{post}元" if post else "0",
                "买家支付积分": str(rng.randrange(500)), "总金额": f"{goods + post:.2f}", "返点积分": "0",
                "买家实际支付金额": f"{goods + post - refunded:.2f}" if paid else "0", "买家实际支付积分": "0",
                "订单状态": status, "收货人姓名": "马慧", "运送方式": "快递",
                "收货地址": f"{province} {city} {district} 文三路{rng.randrange(1, 999)}号(310000)",
                "联系手机": f"'1{rng.randrange(3, 10)}{rng.randrange(10 ** 9):09d}", "订单创建时间": created,
                "订单付款时间": paid, "宝贝标题": ",".join(t for t, _, _, _ in items), "宝贝种类": str(n),
                "宝贝总数量": str(sum(qtys)), "店铺名称": "Funny宝贝快乐购", "订单关闭原因": "订单未关闭",
                "卖家服务费": "0", "买家服务费": "0元", "是否手机订单": "手机订单", "退款金额": f"{refunded:.2f}",
                "打款商家金额": f"{goods + post - refunded:.2f}元", "主订单编号": f'="{number}"',
            }
            for name, value in values.items():
                row[oidx[name]] = value
            orders.writerow(row)
            for k, ((title, props, sku, price), qty) in enumerate(zip(items, qtys, strict=True)):
                payable = int(price.replace(".", "")) * qty / 100
                lines.writerow([f'="{number}{k:03d}"', f'="{number}"', title, price, qty, "", props, "", "", status,
                                sku, "", f"{payable:.2f}", f"{payable:.2f}" if paid else "0",
                                "退款成功" if refunded else "", f"{payable:.2f}" if refunded else "0", created, paid])
                written += 1
    # csv.writer quotes cells holding '"'; Taobao writes ="…" bare
    for path in (orders_path, lines_path):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('"=""', '="').replace('"""', '"'), encoding="utf-8")


def data_files(data_dir: Path, lines: int) -> dict[str, tuple[Path, Path]]:
    """{'utf-8': (orders, lines), 'gb18030': (orders, lines)}, generated once per size."""
    data_dir.mkdir(parents=True, exist_ok=True)
    pairs = {enc: (data_dir / f"taobao_{lines}_{enc}_ExportOrderList.csv",
                   data_dir / f"taobao_{lines}_{enc}_ExportOrderDetailList.csv") for enc in ("utf-8", "gb18030")}
    if not all(p.exists() for pair in pairs.values() for p in pair):
        started = time.perf_counter()
        generate(*pairs["utf-8"], lines)
        for src, dst in zip(pairs["utf-8"], pairs["gb18030"], strict=True):
            dst.write_bytes(src.read_text(encoding="utf-8").encode("gb18030"))
        sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e6:.0f} MB" for pair in pairs.values() for p in pair)
        print(f"generated {sizes} in {time.perf_counter() - started:.1f} s")
    return pairs


# --- child task (a fresh interpreter so ru_maxrss is its own) -----------------------------------------


def _child_import(orders: str, lines: str, workdir: str) -> dict[str, object]:
    from shopkeeper.db.database import Database
    from shopkeeper.db.migrate import migrate
    from shopkeeper.services.imports import import_paths

    work = Path(workdir)
    db = Database.open(work / "shop.duckdb")
    migrate(db, work / "backups")
    started = time.perf_counter()
    outcomes = import_paths(db, [Path(orders), Path(lines)], workdir=work / "tmp")
    elapsed = time.perf_counter() - started
    check = db.fetchone(
        "SELECT (SELECT count(*) FROM orders), (SELECT sum(total) FROM orders), (SELECT count(*) FROM order_lines), "
        "(SELECT sum(line_total) FROM order_lines), (SELECT count(DISTINCT title) FROM order_lines), "
        "(SELECT count(*) FROM buyers)"
    )
    db.close()
    return {"seconds": elapsed, "messages": [o.message for o in outcomes], "ok": all(o.ok for o in outcomes),
            "check": [str(v) for v in (check or ())]}


def _run_child(orders: Path, lines: Path) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="sk-bench-gb18030-") as workdir:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parents[1] / "src"),
                                                          env.get("PYTHONPATH")]))
        proc = subprocess.run([sys.executable, __file__, "--child", str(orders), str(lines), workdir],
                              env=env, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise SystemExit(f"import failed:\n{proc.stdout}\n{proc.stderr}")
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        result["peak_rss_mb"] = float(result.pop("_rss_kb", 0)) / 1024
        return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=1_000_000, help="宝贝报表 item rows (default 1,000,000)")
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parent / "data")
    parser.add_argument("--child", nargs=3, metavar=("ORDERS", "LINES", "WORKDIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        import resource

        result = _child_import(*args.child)
        result["_rss_kb"] = int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        print(json.dumps(result))
        return 0

    pairs = data_files(args.data_dir, args.lines)
    results = {enc: _run_child(*pair) for enc, pair in pairs.items()}
    if not all(r.get("ok") for r in results.values()):
        print("import did not succeed:", {enc: r.get("messages") for enc, r in results.items()})
        return 1
    if results["utf-8"]["check"] != results["gb18030"]["check"]:
        print("the two shops differ:", {enc: r["check"] for enc, r in results.items()})
        return 1
    utf8, gb = results["utf-8"], results["gb18030"]
    ratio = float(gb["seconds"]) / float(utf8["seconds"])
    orders_n, _, lines_n = utf8["check"][:3]
    mb = {enc: sum(p.stat().st_size for p in pair) / 1e6 for enc, pair in pairs.items()}
    print(f"Taobao pair: {int(orders_n):,} orders, {int(lines_n):,} lines "
          f"(UTF-8 {mb['utf-8']:.0f} MB, GB18030 {mb['gb18030']:.0f} MB)")
    print(f"  {'':30}{'seconds':>10}{'peak RSS MB':>14}")
    for enc, label in (("utf-8", "import_paths, UTF-8"), ("gb18030", "import_paths, GB18030")):
        print(f"  {label:30}{results[enc]['seconds']:>10.2f}{results[enc]['peak_rss_mb']:>14.0f}")
    print(f"  ratio GB18030 / UTF-8: {ratio:.2f}x (target <= 1.3x); both shops identical: yes")
    for message in gb.get("messages", []):
        print(f"  {message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
