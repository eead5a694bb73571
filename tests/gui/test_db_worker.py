"""The window stays responsive while the database works, and results come back on the GUI thread."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer

from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message


def test_results_arrive_on_the_gui_thread(qtbot, worker) -> None:  # noqa: ANN001
    seen: dict[str, object] = {}

    def job(db):  # noqa: ANN001, ANN202
        seen["job_thread"] = threading.current_thread().name
        return db.scalar("SELECT 41 + 1")

    worker.submit(job, lambda value: seen.update(value=value, done_thread=threading.current_thread().name))
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == 42
    assert seen["done_thread"] == threading.main_thread().name
    assert seen["job_thread"] != threading.main_thread().name


def test_gui_keeps_ticking_during_a_long_query(qtbot, worker) -> None:  # noqa: ANN001
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    done = []
    # A deliberately heavy query: DuckDB releases the GIL, so the GUI thread runs on.
    worker.submit(lambda db: db.scalar("SELECT sum(hash(i)) FROM range(60000000) t(i)"), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert len(ticks) >= 5
    assert max(gaps) < 0.5


def test_errors_are_delivered_to_the_error_callback(qtbot, worker) -> None:  # noqa: ANN001
    errors: list[BaseException] = []

    def job(_db):  # noqa: ANN001, ANN202
        raise KnownError(Message("shop.disk_full", {"shop": "shop.duckdb"}))

    worker.submit(job, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], KnownError)


def test_latest_wins_for_keyed_jobs(qtbot, worker) -> None:  # noqa: ANN001
    gate = threading.Event()
    results: list[int] = []
    worker.submit(lambda db: gate.wait(5))
    for n in range(5):
        worker.submit(lambda db, n=n: n, results.append, key="chart")
    gate.set()
    qtbot.waitUntil(worker.is_idle, timeout=5000)
    assert results == [4]


@pytest.mark.parametrize("count", [0, 1, 450])
def test_jobs_run_in_submission_order(qtbot, worker, count: int) -> None:  # noqa: ANN001
    order: list[int] = []
    for n in range(count):
        worker.submit(lambda db, n=n: n, order.append)
    qtbot.waitUntil(worker.is_idle, timeout=10000)
    assert order == list(range(count))


def test_the_same_shop_can_be_opened_again_on_a_fresh_connection(qtbot, worker, tmp_path) -> None:  # noqa: ANN001
    # After a shop fault DuckDB refuses every statement on the old connection: the window opens the file anew.
    from shopkeeper.services.shop_files import open_shop

    old: dict[str, object] = {}
    worker.submit(lambda db: old.update(db=db), lambda _r: None)
    qtbot.waitUntil(lambda: "db" in old, timeout=5000)
    reopened: dict[str, object] = {}
    worker.replace_database(lambda: open_shop(tmp_path / "shop.duckdb", backups_dir=tmp_path / "bk"),
                            lambda db: reopened.update(db=db), lambda exc: reopened.update(error=exc),
                            close_first=True)
    qtbot.waitUntil(lambda: bool(reopened), timeout=10000)
    assert "error" not in reopened
    assert reopened["db"] is not old["db"]
    answer: dict[str, object] = {}
    worker.submit(lambda db: db.scalar("SELECT count(*) FROM shop_settings"), lambda n: answer.update(n=n))
    qtbot.waitUntil(lambda: bool(answer), timeout=5000)
    assert answer["n"] >= 0
