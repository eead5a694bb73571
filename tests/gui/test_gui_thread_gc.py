"""Cycles are collected on the GUI thread, never on the DB worker (a collection there froze the window)."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from shopkeeper.ui.gui_thread_gc import INTERVAL_MS, GuiThreadCollector, collect_on_gui_thread


class _Cycle:
    freed_on: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.freed_on.append(threading.current_thread().name)


def test_automatic_collection_is_off_and_the_gui_thread_collects(qtbot) -> None:  # noqa: ANN001
    app = QApplication.instance()
    collector = collect_on_gui_thread(app)
    assert collect_on_gui_thread(app) is collector, "one collector per application"
    assert isinstance(collector, GuiThreadCollector)
    assert not gc.isenabled()

    # The youngest generation's count is allocations less frees: the widgets an earlier test left for deletion,
    # freed during the wait below, would bring it back under the threshold (as they would for Python's own
    # collector) and nothing would be due. Let them go first, and start from an empty generation.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(2 * INTERVAL_MS)
    gc.collect()
    _Cycle.freed_on.clear()

    cycles = gc.get_threshold()[0] + 100  # past the youngest generation's threshold: a collection is due

    def churn() -> None:  # garbage made on another thread
        for _ in range(cycles):
            _Cycle()

    worker = threading.Thread(target=churn, name="worker")
    worker.start()
    worker.join()
    assert _Cycle.freed_on == [], "a collection ran on the worker thread"
    qtbot.waitUntil(lambda: len(_Cycle.freed_on) == cycles, timeout=5000)
    assert set(_Cycle.freed_on) == {threading.main_thread().name}
