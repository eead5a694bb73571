"""Import benchmark: a Shopify orders export of ~1M line items against DuckDB's own read_csv.

Run:  PYTHONPATH=src .venv/bin/python benchmarks/import_shopify.py [--rows N] [--columns 79|37] [--data-dir DIR]

It generates (deterministically, once per row count and layout) a Shopify "Export orders"
file with the current 79-column header (or, with --columns 37, the narrow layout of
older exports: the same orders without phones, notes, vendor, taxes and payment columns),
order fields only on the first row of
each order and continuation rows that repeat just Name, Email, Created at, the
Lineitem columns, Vendor and Lineitem discount - the shape real exports have.
Then, each in a fresh subprocess so peak RSS is measured per task (and, by
default, three times each, alternating, keeping each task's best time):

  (a) `import_paths` of the file into a fresh, migrated shop file;
  (b) `CREATE TABLE t AS SELECT * FROM read_csv(?, all_varchar=true)` into a
      fresh DuckDB file: the floor no importer built on DuckDB can beat.

and prints both wall times, the ratio and the peak RSS of each child.
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

HEADER = (
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,"
    "Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,"
    "Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,"
    "Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,"
    "Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,"
    "Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,"
    "Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,"
    "Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,"
    "Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,"
    "Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,"
    "Payment ID,Payment Terms Name,Next Payment Due At,Payment References"
).split(",")
assert len(HEADER) == 79

# The narrow layout many older exports have: order, line item, billing and shipping basics,
# cancellation, refund and Id - no phones, notes, vendor, taxes or payment columns.
NARROW_HEADER = (
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,"
    "Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,"
    "Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,"
    "Lineitem fulfillment status,Billing Name,Billing Street,Billing City,Billing Zip,Billing Country,"
    "Shipping Name,Shipping Street,Shipping City,Shipping Zip,Shipping Country,Cancelled at,Refunded Amount,Id"
).split(",")
assert len(NARROW_HEADER) == 37 and set(NARROW_HEADER) <= set(HEADER)
LAYOUTS = {79: HEADER, 37: NARROW_HEADER}

# Columns a continuation row repeats (everything else is blank there).
_CONTINUATION = {
    "Name", "Email", "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price",
    "Lineitem compare at price", "Lineitem sku", "Lineitem requires shipping", "Lineitem taxable",
    "Lineitem fulfillment status", "Vendor", "Lineitem discount",
}

_CITIES = [("Toronto", "ON", "CA", "K2P 2L8"), ("Durban", "NL", "ZA", "'4001"), ("Milano", "MI", "IT", "'20121"),
           ("London", "ENG", "GB", "TW4 5AY"), ("Austin", "TX", "US", "'73301"), ("Lyon", "ARA", "FR", "'69001")]
_STATUS = ["paid"] * 14 + ["pending", "refunded", "partially_refunded", "authorized"]
_PRODUCTS = [(f"Product {i:04d} - Size {s}", f"SKU-{i:04d}-{s}", f"{5 + (i * 7) % 300}.{(i * 13) % 100:02d}")
             for i in range(1, 1201) for s in ("S", "M", "L")]
_NOTE = "Please leave at the door.\nRing twice, the bell is broken."


def generate(path: Path, line_items: int, seed: int = 20250511, header: list[str] = HEADER) -> None:
    """Write a deterministic Shopify orders export with about `line_items` rows and these columns.

    Rows are made in the full 79-column layout and cut down to `header`, so both layouts
    hold the same orders from the same seed.
    """
    rng = random.Random(seed)
    idx = {name: i for i, name in enumerate(HEADER)}
    keep = [idx[name] for name in header]
    tmp = path.with_suffix(".partial")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(header)
        written = 0
        number = 1000
        while written < line_items:
            number += 1
            n_lines = min(rng.choice((1, 1, 2, 3, 3, 4, 5, 6)), line_items - written)
            day = 1 + rng.randrange(28)
            month = 1 + rng.randrange(12)
            created = f"2024-{month:02d}-{day:02d} {rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d} -0400"
            email = f"Buyer{rng.randrange(120_000)}@Example.com"
            status = rng.choice(_STATUS)
            city, prov, country, zipcode = rng.choice(_CITIES)
            items = [rng.choice(_PRODUCTS) for _ in range(n_lines)]
            qtys = [1 + rng.randrange(3) for _ in items]
            subtotal = sum(int(float(p) * 100) * q for (_, _, p), q in zip(items, qtys, strict=True)) / 100
            shipping = rng.choice((0.0, 4.99, 9.5))
            taxes = round(subtotal * 0.13, 2)
            total = round(subtotal + shipping + taxes, 2)
            refunded = total if status == "refunded" else (round(total / 3, 2) if status == "partially_refunded" else 0)
            for line_no, ((title, sku, price), qty) in enumerate(zip(items, qtys, strict=True)):
                row = [""] * 79
                row[idx["Name"]] = f"#{number}"
                row[idx["Email"]] = email
                row[idx["Created at"]] = created
                row[idx["Lineitem quantity"]] = str(qty)
                row[idx["Lineitem name"]] = title
                row[idx["Lineitem price"]] = price
                row[idx["Lineitem sku"]] = sku
                row[idx["Lineitem requires shipping"]] = "true"
                row[idx["Lineitem taxable"]] = "true"
                row[idx["Lineitem fulfillment status"]] = "fulfilled" if status == "paid" else "pending"
                row[idx["Vendor"]] = "Acme"
                row[idx["Lineitem discount"]] = "0.00"
                if line_no == 0:
                    paid = created if status != "pending" else ""
                    row[idx["Financial Status"]] = status
                    row[idx["Paid at"]] = paid
                    row[idx["Fulfillment Status"]] = "fulfilled" if status == "paid" else "unfulfilled"
                    row[idx["Accepts Marketing"]] = rng.choice(("yes", "no"))
                    row[idx["Currency"]] = "CAD"
                    row[idx["Subtotal"]] = f"{subtotal:.2f}"
                    row[idx["Shipping"]] = f"{shipping:.2f}"
                    row[idx["Taxes"]] = f"{taxes:.2f}"
                    row[idx["Total"]] = f"{total:.2f}"
                    row[idx["Discount Amount"]] = "0.00"
                    row[idx["Shipping Method"]] = "Standard"
                    for side in ("Billing", "Shipping"):
                        row[idx[f"{side} Name"]] = f"Buyer {number}"
                        row[idx[f"{side} Street"]] = f"{rng.randrange(1, 999)} Main St"
                        row[idx[f"{side} Address1"]] = f"{rng.randrange(1, 999)} Main St"
                        row[idx[f"{side} City"]] = city
                        row[idx[f"{side} Zip"]] = zipcode
                        row[idx[f"{side} Province"]] = prov
                        row[idx[f"{side} Country"]] = country
                        row[idx[f"{side} Phone"]] = f"'+1 555 {rng.randrange(10_000_000):07d}"
                    row[idx["Notes"]] = _NOTE if number % 50 == 0 else ""
                    row[idx["Payment Method"]] = "Shopify Payments"
                    row[idx["Payment Reference"]] = f"c{number}.1"
                    row[idx["Refunded Amount"]] = f"{refunded:.2f}"
                    row[idx["Outstanding Balance"]] = "0.00"
                    row[idx["Id"]] = str(5_000_000_000_000 + number)
                    row[idx["Risk Level"]] = "Low"
                    row[idx["Source"]] = "web"
                    row[idx["Tax 1 Name"]] = "HST 13%"
                    row[idx["Tax 1 Value"]] = f"{taxes:.2f}"
                    row[idx["Cancelled at"]] = created if status == "refunded" and number % 2 else ""
                    row[idx["Payment References"]] = f"c{number}.1"
                out.writerow([row[i] for i in keep])
                written += 1
    tmp.replace(path)


def data_file(data_dir: Path, rows: int, columns: int = 79) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / (f"shopify_orders_{rows}.csv" if columns == 79 else f"shopify_orders_{columns}col_{rows}.csv")
    if not path.exists():
        started = time.perf_counter()
        generate(path, rows, header=LAYOUTS[columns])
        print(f"generated {path} ({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
    return path


# --- child tasks (run in fresh interpreters so ru_maxrss is theirs alone) ------------------------------


def _child_import(csv_path: str, workdir: str) -> dict[str, object]:
    from shopkeeper.db.database import Database
    from shopkeeper.db.migrate import migrate
    from shopkeeper.services.imports import import_paths

    work = Path(workdir)
    db = Database.open(work / "shop.duckdb")
    migrate(db, work / "backups")
    started, cpu = time.perf_counter(), time.process_time()
    outcomes = import_paths(db, [Path(csv_path)], workdir=work / "tmp")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    db.close()
    return {"seconds": elapsed, "cpu": cpu, "messages": [o.message for o in outcomes], "ok": all(o.ok for o in outcomes)}


def _child_read_csv(csv_path: str, workdir: str) -> dict[str, object]:
    import duckdb

    con = duckdb.connect(str(Path(workdir) / "bare.duckdb"))
    started, cpu = time.perf_counter(), time.process_time()
    con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?, all_varchar=true)", [csv_path])
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    rows = con.execute("SELECT count(*) FROM t").fetchone()
    con.close()
    return {"seconds": elapsed, "cpu": cpu, "rows": rows[0] if rows else 0}


def _run_child(task: str, csv_path: Path) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix=f"sk-bench-{task}-") as workdir:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parents[1] / "src"),
                                                          env.get("PYTHONPATH")]))
        proc = subprocess.run(
            [sys.executable, __file__, "--child", task, str(csv_path), workdir],
            env=env, capture_output=True, text=True, check=False,
        )
        if proc.returncode != 0:
            raise SystemExit(f"{task} failed:\n{proc.stdout}\n{proc.stderr}")
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        result["peak_rss_mb"] = _child_peak_rss_mb(result)
        return result


def _child_peak_rss_mb(result: dict[str, object]) -> float:
    return float(result.pop("_rss_kb", 0)) / 1024


def _own_peak_rss_kb() -> int:
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # kilobytes on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000, help="line items to generate (default 1,000,000)")
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parent / "data")
    parser.add_argument("--columns", type=int, choices=sorted(LAYOUTS), default=79,
                        help="header layout: 79 (current export, default) or 37 (the narrow older layout)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each task; the best time counts (default 3)")
    parser.add_argument("--child", nargs=3, metavar=("TASK", "CSV", "WORKDIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        task, csv_path, workdir = args.child
        fn = {"import": _child_import, "read_csv": _child_read_csv}[task]
        result = fn(csv_path, workdir)
        result["_rss_kb"] = _own_peak_rss_kb()
        print(json.dumps(result))
        return 0

    path = data_file(args.data_dir, args.rows, args.columns)
    size_mb = path.stat().st_size / 1e6
    # Alternate the two tasks and keep each one's best time: on a shared machine the
    # other processes' load then hits both sides alike instead of skewing the ratio.
    bare_runs, import_runs = [], []
    for _ in range(args.repeat):
        bare_runs.append(_run_child("read_csv", path))
        import_runs.append(_run_child("import", path))
        if not import_runs[-1].get("ok"):
            print("import did not succeed:", import_runs[-1].get("messages"))
            return 1
    bare = min(bare_runs, key=lambda r: float(r["seconds"]))
    imported = min(import_runs, key=lambda r: float(r["seconds"]))
    bare_rss = max(float(r["peak_rss_mb"]) for r in bare_runs)
    import_rss = max(float(r["peak_rss_mb"]) for r in import_runs)
    ratio = float(imported["seconds"]) / float(bare["seconds"])
    # CPU seconds (all threads) say how much work each side did, which other processes' load
    # changes far less than wall time; the target is on wall time.
    bare_cpu = min(float(r["cpu"]) for r in bare_runs)
    import_cpu = min(float(r["cpu"]) for r in import_runs)
    print(f"file: {path.name}, {args.columns} columns, {args.rows:,} line items, {size_mb:.1f} MB; "
          f"best of {args.repeat} runs each")
    print(f"  {'':28}{'seconds':>10}{'peak RSS MB':>14}   all runs (s)")
    print(f"  {'read_csv -> table (DuckDB)':28}{bare['seconds']:>10.2f}{bare_rss:>14.0f}   "
          + " ".join(f"{float(r['seconds']):.2f}" for r in bare_runs))
    print(f"  {'import_paths (Shopkeeper)':28}{imported['seconds']:>10.2f}{import_rss:>14.0f}   "
          + " ".join(f"{float(r['seconds']):.2f}" for r in import_runs))
    print(f"  ratio import / read_csv: time {ratio:.2f}x, peak RSS {import_rss / bare_rss:.2f}x")
    print(f"  CPU seconds (best): read_csv {bare_cpu:.2f}, import {import_cpu:.2f}, ratio {import_cpu / bare_cpu:.2f}x; "
          f"load average {os.getloadavg()[0]:.1f}")
    for message in imported.get("messages", []):
        print(f"  {message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
