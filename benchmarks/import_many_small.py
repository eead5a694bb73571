"""Import benchmark: a zip of many small exports against one file holding all their rows.

Run:  PYTHONPATH=src .venv/bin/python benchmarks/import_many_small.py [--files N] [--rows N] [--repeat N]

Generates (deterministically, into the git-ignored `benchmarks/data/`) N small exports, half
Shopify "Export orders" (the 79-column layout of import_shopify.py) and half Taobao orders
(GBK, `="…"` ids), `--rows` data rows each (default 300 files of 5 rows), zipped into one
archive; and, from the very same rows, one Shopify file and one Taobao file holding all of
them. Each import runs in a fresh subprocess into a fresh, migrated shop and reports CPU
seconds (the process's own, so other load on the machine counts less than in wall time)
and the SQL statements it sent through `Database.execute`.

The figure of merit is the ratio zip / (the two single files): every table in the zip keeps
its own outcome line and "already imported" check, but the tables of one format are read,
typed, normalised and merged together as one batch (pipeline.import_together), so 300
tables should cost a small multiple of one file, not 300 small imports.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_gb18030 import ORDER_HEADER as TAOBAO_HEADER  # noqa: E402
from import_shopify import HEADER as SHOPIFY_HEADER  # noqa: E402
from import_shopify import generate as generate_shopify  # noqa: E402

_TAOBAO_STATUS = ["交易成功", "买家已付款，等待卖家发货", "交易关闭", "卖家已发货，等待买家确认"]


def _taobao_rows(count: int) -> list[list[str]]:
    idx = {name.strip(): i for i, name in enumerate(TAOBAO_HEADER)}
    rows = []
    for n in range(count):
        order_id = f"28901234567{n:08d}"
        price = f"{10 + (n * 37) % 900}.{n % 100:02d}"
        row = [""] * len(TAOBAO_HEADER)
        cells = {
            "订单编号": f'="{order_id}"', "主订单编号": f'="{order_id}"', "买家会员名": f"买家{n % 997}",
            "买家应付货款": price, "买家应付邮费": "0", "总金额": price, "买家实际支付金额": price,
            "订单状态": _TAOBAO_STATUS[n % len(_TAOBAO_STATUS)], "收货人姓名": f"收货人{n % 991}",
            "收货地址": "浙江省 杭州市 西湖区 文三路 100 号(310000)", "联系手机": f"'136{n:08d}",
            "订单创建时间": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d} 10:{n % 60:02d}:00",
            "订单付款时间": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d} 10:{n % 60:02d}:30",
            "宝贝标题": f"商品{n % 300}", "宝贝种类": "1", "宝贝总数量": "1", "退款金额": "0",
        }
        for name, value in cells.items():
            row[idx[name]] = value
        rows.append(row)
    return rows


def _csv_bytes(header: list[str], rows: list[list[str]], encoding: str) -> bytes:
    if encoding == "gbk":  # Taobao writes its `="…"` cells bare and CRLF
        lines = [",".join(header)] + [",".join(r) for r in rows]
        return ("\r\n".join(lines) + "\r\n").encode(encoding)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def _chunks(rows: list[list[str]], size: int, files: int, key: int | None) -> list[list[list[str]]]:
    """`files` runs of about `size` rows; with `key`, never splitting an order's rows across files."""
    out: list[list[list[str]]] = []
    i = 0
    while i < len(rows) and len(out) < files:
        end = min(i + size, len(rows))
        while key is not None and end < len(rows) and rows[end][key] == rows[end - 1][key]:
            end += 1
        out.append(rows[i:end])
        i = end
    return out


def data_files(data_dir: Path, files: int, rows: int) -> tuple[Path, Path, Path]:
    """(zip of `files` small exports, one Shopify file, one Taobao file) holding the same rows."""
    data_dir.mkdir(parents=True, exist_ok=True)
    stem = f"many_small_{files}x{rows}"
    archive, shopify, taobao = (data_dir / f"{stem}.zip", data_dir / f"{stem}_shopify.csv",
                                data_dir / f"{stem}_taobao.csv")
    if archive.exists() and shopify.exists() and taobao.exists():
        return archive, shopify, taobao
    n_shopify = (files + 1) // 2
    n_taobao = files - n_shopify
    full = data_dir / f"{stem}_shopify_source.csv"
    generate_shopify(full, n_shopify * rows * 2)  # enough orders for every file, as orders are kept whole
    with full.open(encoding="utf-8", newline="") as fh:
        shopify_rows = list(csv.reader(fh))[1:]
    full.unlink()
    name_col = SHOPIFY_HEADER.index("Name")
    shopify_parts = _chunks(shopify_rows, rows, n_shopify, name_col)
    taobao_rows = _taobao_rows(n_taobao * rows)
    taobao_parts = _chunks(taobao_rows, rows, n_taobao, None)
    kept_shopify = [r for part in shopify_parts for r in part]
    shopify.write_bytes(_csv_bytes(SHOPIFY_HEADER, kept_shopify, "utf-8"))
    taobao.write_bytes(_csv_bytes(TAOBAO_HEADER, taobao_rows, "gbk"))
    tmp = archive.with_suffix(".partial")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, part in enumerate(shopify_parts):
            zf.writestr(f"shopify/orders_export_{i:03d}.csv", _csv_bytes(SHOPIFY_HEADER, part, "utf-8"))
        for i, part in enumerate(taobao_parts):
            zf.writestr(f"taobao/ExportOrderList{i:03d}.csv", _csv_bytes(TAOBAO_HEADER, part, "gbk"))
    tmp.replace(archive)
    return archive, shopify, taobao


# --- child task (a fresh interpreter per import) -----------------------------------------------------


def _child_import(path: str, workdir: str) -> dict[str, object]:
    from shopkeeper.db.database import Database
    from shopkeeper.db.migrate import migrate
    from shopkeeper.services.imports import import_paths

    work = Path(workdir)
    db = Database.open(work / "shop.duckdb")
    migrate(db, work / "backups")
    statements = 0
    execute = Database.execute

    def counting(self: Database, sql: str, params: object = None) -> object:
        nonlocal statements
        statements += 1
        return execute(self, sql, params)  # type: ignore[arg-type]

    Database.execute = counting  # type: ignore[method-assign]
    started, cpu = time.perf_counter(), time.process_time()
    outcomes = import_paths(db, [Path(path)], workdir=work / "tmp")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    Database.execute = execute  # type: ignore[method-assign]
    db.close()
    bad = [o.message for o in outcomes if not o.ok]
    return {"seconds": elapsed, "cpu": cpu, "statements": statements, "tables": len(outcomes),
            "rows": sum(o.rows_read for o in outcomes), "failed": bad[:3], "ok": not bad}


def _run_child(path: Path) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="sk-bench-many-") as workdir:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parents[1] / "src"),
                                                          env.get("PYTHONPATH")]))
        proc = subprocess.run([sys.executable, __file__, "--child", str(path), workdir],
                              env=env, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise SystemExit(f"import of {path.name} failed:\n{proc.stdout}\n{proc.stderr}")
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        if not result["ok"]:
            raise SystemExit(f"import of {path.name} refused tables: {result['failed']}")
        return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=300, help="small exports in the zip (default 300)")
    parser.add_argument("--rows", type=int, default=5, help="data rows per small export (default 5)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each import; the least CPU counts")
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parent / "data")
    parser.add_argument("--child", nargs=2, metavar=("PATH", "WORKDIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child_import(*args.child)))
        return 0

    archive, shopify, taobao = data_files(args.data_dir, args.files, args.rows)
    best: dict[str, dict[str, object]] = {}
    for _ in range(args.repeat):
        for label, path in (("zip", archive), ("shopify", shopify), ("taobao", taobao)):
            result = _run_child(path)
            if label not in best or float(result["cpu"]) < float(best[label]["cpu"]):  # type: ignore[arg-type]
                best[label] = result
    print(f"{'import':<28}{'tables':>7}{'rows':>7}{'CPU s':>9}{'wall s':>9}{'stmts':>8}"
          f"{'CPU s/table':>13}{'stmts/table':>13}")
    for label, name in (("zip", archive.name), ("shopify", shopify.name), ("taobao", taobao.name)):
        r = best[label]
        tables = int(r["tables"])  # type: ignore[arg-type]
        cpu, stmts = float(r["cpu"]), int(r["statements"])  # type: ignore[arg-type]
        print(f"{name:<28}{tables:>7}{r['rows']:>7}{cpu:>9.2f}{float(r['seconds']):>9.2f}{stmts:>8}"  # type: ignore[arg-type]
              f"{cpu / tables:>13.3f}{stmts / tables:>13.1f}")
    single = float(best["shopify"]["cpu"]) + float(best["taobao"]["cpu"])  # type: ignore[arg-type]
    print(f"ratio zip / two single files (CPU): {float(best['zip']['cpu']) / single:.1f}x")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
