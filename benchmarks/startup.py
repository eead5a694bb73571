"""Start-up to a drawn window: the frozen app, the same from source, and a bare PySide6 window.

    PYTHONPATH=src .venv/bin/python benchmarks/startup.py [--frozen dist/Shopkeeper/shopkeeper] [--repeat N]

Builds the demo shop once, then times, alternating and keeping each one's best of `--repeat`
(default 5), each as a fresh process with QT_QPA_PLATFORM=offscreen:

* **bare**: Python starts, imports PySide6, shows an empty QMainWindow and grabs it to a PNG;
* **source**: `python -m shopkeeper --db demo.duckdb --screenshot out.png` (the window drawn with
  the demo shop's figures, then written out);
* **frozen**: the same command run by the PyInstaller folder's executable (skipped when absent:
  build it with `python packaging/build.py`).

Prints seconds and each ratio to **bare** measured in the same run (the machine is noisy;
absolute seconds mean little).
"""

from __future__ import annotations

import argparse
import os
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


def timed(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=300)
    return time.perf_counter() - started


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
        for _ in range(args.repeat):
            for name, cmd in tasks.items():
                best[name] = min(best[name], timed(cmd, frozen_env if name == "frozen" else env))
        print(f"{'start-up to a drawn window':28} {'best s':>7} {'÷ bare':>7}")
        for name, seconds in best.items():
            print(f"{name:28} {seconds:7.2f} {seconds / best['bare']:6.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
