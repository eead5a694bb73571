"""Imports killed at random moments (SIGKILL, Ctrl-C): the shop is exactly as before or exactly as after.

And what the command said agrees with it: Ctrl-C exits 130 without a traceback,
saying the shop is as before or that the import was kept; importing the same
file again says "already imported" exactly when the shop holds it.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from shopkeeper.runtime.work_folders import PREFIX
from tests.unit.faults.shop_states import shop_state, shopkeeper, shopkeeper_cmd, write_orders

SEED = int(os.environ.get("SHOPKEEPER_KILL_SEED", "20261202"))
# When to kill, once the import has begun: a fraction of a whole import's run time (start-up included).
KILLS = [(signal.SIGKILL, 0.0, 0.9)] * 4 + [(signal.SIGINT, 0.0, 0.8)] * 2

NOTHING_KEPT = ("the shop is as it was before", "The shop is as it was before", "before anything was imported")


def _wait_until_importing(proc: subprocess.Popen[str], cache: Path) -> None:
    """Until the import has made its work folder: Python's own start-up is no place for a Ctrl-C test."""
    while proc.poll() is None and not any(cache.glob(f"{PREFIX}*")):
        time.sleep(0.005)


@pytest.mark.slow
def test_a_killed_import_leaves_the_shop_exactly_before_or_after(tmp_path: Path, private_home: Path) -> None:
    base = tmp_path / "base.duckdb"
    assert shopkeeper("import", "--db", str(base), str(write_orders(tmp_path / "first.csv", 200))).returncode == 0
    big = write_orders(tmp_path / "orders_export.csv", 15_000, first=10_000)
    before = shop_state(base)

    reference = tmp_path / "reference.duckdb"
    shutil.copy2(base, reference)
    started = time.monotonic()
    assert shopkeeper("import", "--db", str(reference), str(big)).returncode == 0
    run_time = time.monotonic() - started
    after = shop_state(reference)
    assert after != before

    rng = random.Random(SEED)
    for n, (how, low, high) in enumerate(KILLS):
        shop = tmp_path / f"shop-{n}.duckdb"
        shutil.copy2(base, shop)
        delay = run_time * rng.uniform(low, high)
        where = f"{how.name} after {delay:.2f} s of {run_time:.2f} s (seed {SEED})"
        proc = subprocess.Popen(shopkeeper_cmd("import", "--db", str(shop), str(big)),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        _wait_until_importing(proc, private_home / "cache")
        time.sleep(delay)
        signalled = proc.poll() is None
        if signalled:
            proc.send_signal(how)
        out, err = proc.communicate(timeout=300)

        state = shop_state(shop)
        assert state in (before, after), where
        kept = state == after
        if how == signal.SIGINT:
            assert "Traceback" not in err, where
            if signalled and proc.returncode in (0, -signal.SIGINT):
                # The signal reached a process whose command had finished and reported: Python's shutdown runs no
                # handler, and once it has put SIGINT's default back the signal ends the process (the shell reads
                # 130 then too). Either way the whole import was said, and kept.
                assert kept and not err and "orders_export.csv: Shopify orders" in out, f"{where}: {out} {err}"
            else:
                assert proc.returncode == (130 if signalled else 0), f"{where}: {err}"
            if signalled and proc.returncode == 130:
                said_nothing_kept = any(phrase in err for phrase in NOTHING_KEPT)
                assert said_nothing_kept == (not kept), f"{where}: {out} {err}"

        for leftover in (private_home / "cache").glob(f"{PREFIX}*"):
            shutil.rmtree(leftover)  # a SIGKILLed import's; the next start removes it only once it is a minute old
        again = shopkeeper("import", "--db", str(shop), str(big))
        assert again.returncode == 0, f"{where}: {again.stderr}"
        assert ("already imported" in again.stdout) == kept, f"{where}: {again.stdout}"
        assert shop_state(shop) == after, where
