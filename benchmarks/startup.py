"""Start-up to a drawn window: the frozen app, the same from source, and a bare PySide6 window.

    PYTHONPATH=src .venv/bin/python benchmarks/startup.py [--frozen dist/Shopkeeper/shopkeeper] [--repeat N]

Builds the demo shop once, then times, alternating and keeping each one's best of `--repeat`
(default 5), each as a fresh process with QT_QPA_PLATFORM=offscreen:

* **bare**: Python starts, imports PySide6, shows an empty QMainWindow and grabs it to a PNG;
* **source**: `python -m shopkeeper --db demo.duckdb --screenshot out.png` (the window drawn with
  the demo shop's figures, then written out);
* **frozen**: the same command run by the PyInstaller folder's executable (skipped when absent:
  build it with `python packaging/build.py`).

Prints, for each, the seconds until the screenshot is written (every tab's figures loaded and
drawn) with its ratio to **bare** measured in the same run, and the app's own "window shown"
figure from its log (start of `main` to the first shown window). The machine is noisy; absolute
seconds mean little.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
window.grab().save(sys.argv[1])
"""


SHOWN = re.compile(r"window shown ([0-9.]+) s after start")


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float | None]:
    """Seconds to the written screenshot, and the app's own "window shown" figure from its log (None: bare)."""
    log = Path(env["SHOPKEEPER_HOME"]) / "logs" / "shopkeeper.log"
    if log.exists():
        log.write_text("")
    started = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=300)
    total = time.perf_counter() - started
    found = SHOWN.findall(log.read_text(encoding="utf-8")) if log.exists() else []
    return total, (float(found[-1]) if found else None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frozen", type=Path, default=ROOT / "dist" / "Shopkeeper" / "shopkeeper")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sk-startup-") as tmp:
        work = Path(tmp)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SHOPKEEPER_HOME=str(work / "home"))
        env["PYTHONPATH"] = str(ROOT / "src")
        shop = work / "demo.duckdb"
        subprocess.run([sys.executable, "-m", "shopkeeper", "demo", "--db", str(shop)], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        (work / "bare.py").write_text(BARE, encoding="utf-8")
        tasks = {
            "bare": [sys.executable, str(work / "bare.py"), str(work / "bare.png")],
            "source": [sys.executable, "-m", "shopkeeper", "--db", str(shop), "--screenshot", str(work / "src.png")],
        }
        if args.frozen.exists():
            tasks["frozen"] = [str(args.frozen), "--db", str(shop), "--screenshot", str(work / "frozen.png")]
        else:
            print(f"no frozen app at {args.frozen}: build it with `python packaging/build.py`")
        frozen_env = {k: v for k, v in env.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        best = {name: float("inf") for name in tasks}
        shown: dict[str, float] = {}
        for _ in range(args.repeat):
            for name, cmd in tasks.items():
                total, first = timed(cmd, frozen_env if name == "frozen" else env)
                best[name] = min(best[name], total)
                if first is not None:
                    shown[name] = min(shown.get(name, float("inf")), first)
        print(f"{'':10} {'window shown s':>15} {'every figure drawn s':>21} {'÷ bare':>7}")
        for name, seconds in best.items():
            first_text = f"{shown[name]:15.2f}" if name in shown else f"{'-':>15}"
            print(f"{name:10} {first_text} {seconds:21.2f} {seconds / best['bare']:6.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
