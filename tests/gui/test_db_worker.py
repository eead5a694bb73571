"""The DB worker: typed queries and commands, results on the GUI thread, never into a destroyed owner."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDialog, QWidget

from shopkeeper.domain.changes import Area, Changes
from shopkeeper.domain.commands import CommandResult
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message
from shopkeeper.ui.operations import CommandOp, QueryOp


@pytest.fixture
def owner(qtbot):  # noqa: ANN001, ANN201
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_results_arrive_on_the_gui_thread(qtbot, worker, owner) -> None:  # noqa: ANN001
    seen: dict[str, object] = {}

    def job(db):  # noqa: ANN001, ANN202
        seen["job_thread"] = threading.current_thread().name
        return db.scalar("SELECT 41 + 1")

    worker.query(owner, QueryOp(job), lambda value: seen.update(value=value, done_thread=threading.current_thread().name))
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == 42
    assert seen["done_thread"] == threading.main_thread().name
    assert seen["job_thread"] != threading.main_thread().name


def test_gui_keeps_ticking_during_a_long_query(qtbot, worker, owner) -> None:  # noqa: ANN001
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    done = []
    # A deliberately heavy query: DuckDB releases the GIL, so the GUI thread runs on.
    worker.query(owner, QueryOp(lambda db: db.scalar("SELECT sum(hash(i)) FROM range(60000000) t(i)")), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert len(ticks) >= 5
    assert max(gaps) < 0.5


def test_errors_are_delivered_to_the_error_callback(qtbot, worker, owner) -> None:  # noqa: ANN001
    errors: list[BaseException] = []

    def job(_db):  # noqa: ANN001, ANN202
        raise KnownError(Message("shop.disk_full", {"shop": "shop.duckdb"}))

    worker.query(owner, QueryOp(job), lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], KnownError)


def test_latest_wins_for_keyed_queries_of_one_owner(qtbot, worker, owner) -> None:  # noqa: ANN001
    gate = threading.Event()
    other = QObject()
    results: list[int] = []
    others: list[int] = []
    worker.query(owner, QueryOp(lambda db: gate.wait(5)), lambda _r: None)
    for n in range(5):
        worker.query(owner, QueryOp(lambda db, n=n: n, key="chart"), results.append)
    worker.query(other, QueryOp(lambda db: 99, key="chart"), others.append)  # another owner's request stands
    gate.set()
    qtbot.waitUntil(worker.is_idle, timeout=5000)
    assert results == [4]
    assert others == [99]


def test_commands_never_coalesce_and_broadcast_their_changes(qtbot, worker, owner) -> None:  # noqa: ANN001
    gate = threading.Event()
    done: list[int] = []
    broadcast: list[Changes] = []
    worker.changed.connect(broadcast.append)
    worker.query(owner, QueryOp(lambda db: gate.wait(5)), lambda _r: None)
    for n in range(3):
        worker.command(owner, CommandOp(lambda db, n=n: CommandResult(Changes.of(Area.STOCK), change_set_id=n)),
                       lambda r: done.append(r.change_set_id))
    gate.set()
    qtbot.waitUntil(worker.is_idle, timeout=5000)
    assert done == [0, 1, 2]
    assert broadcast == [Changes.of(Area.STOCK)] * 3


def test_a_failed_command_broadcasts_nothing(qtbot, worker, owner) -> None:  # noqa: ANN001
    broadcast: list[Changes] = []
    errors: list[BaseException] = []
    worker.changed.connect(broadcast.append)

    def refuse(_db):  # noqa: ANN001, ANN202
        raise KnownError(Message("edit.refused.negative", {"field": Message("field.cost"), "value": "-1"}))

    worker.command(owner, CommandOp(refuse), on_error=errors.append)
    qtbot.waitUntil(worker.is_idle, timeout=5000)
    assert [str(e) for e in errors] == ["The cost cannot be negative (-1)."]
    assert broadcast == []


def test_a_closed_dialog_gets_no_callback_for_its_query_in_flight(qtbot, worker) -> None:  # noqa: ANN001
    gate = threading.Event()
    started = threading.Event()
    calls: list[object] = []
    ran: list[int] = []
    dialog = QDialog()
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def slow(_db):  # noqa: ANN001, ANN202
        started.set()
        gate.wait(5)
        return "late"

    worker.query(dialog, QueryOp(slow), calls.append, calls.append)      # in flight when the dialog goes
    worker.query(dialog, QueryOp(lambda db: ran.append(1)), calls.append)  # queued: not even run
    qtbot.waitUntil(started.is_set, timeout=5000)
    dialog.show()
    dialog.close()  # WA_DeleteOnClose: deleted at the next event loop turn
    qtbot.waitUntil(lambda: not _alive(dialog), timeout=5000)
    gate.set()
    qtbot.waitUntil(worker.is_idle, timeout=5000)
    qtbot.wait(50)
    assert calls == []
    assert ran == []


def test_a_destroyed_owner_still_gets_its_command_run_and_broadcast(qtbot, worker) -> None:  # noqa: ANN001
    gate = threading.Event()
    calls: list[object] = []
    broadcast: list[Changes] = []
    worker.changed.connect(broadcast.append)
    tab = QWidget()
    keeper = QObject()
    worker.query(keeper, QueryOp(lambda db: gate.wait(5)), lambda _r: None)
    worker.command(tab, CommandOp(lambda db: CommandResult(Changes.of(Area.CATALOG))), calls.append)
    tab.deleteLater()
    qtbot.waitUntil(lambda: not _alive(tab), timeout=5000)
    gate.set()
    qtbot.waitUntil(worker.is_idle, timeout=5000)
    assert calls == []
    assert broadcast == [Changes.of(Area.CATALOG)]


def _alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


@pytest.mark.parametrize("count", [0, 1, 450])
def test_jobs_run_in_submission_order(qtbot, worker, owner, count: int) -> None:  # noqa: ANN001
    order: list[int] = []
    for n in range(count):
        worker.query(owner, QueryOp(lambda db, n=n: n), order.append)
    qtbot.waitUntil(worker.is_idle, timeout=10000)
    assert order == list(range(count))


def test_the_same_shop_can_be_opened_again_on_a_fresh_connection(qtbot, worker, owner, tmp_path) -> None:  # noqa: ANN001
    # After a shop fault DuckDB refuses every statement on the old connection: the window opens the file anew.
    from shopkeeper.services.shop_files import open_shop

    old: dict[str, object] = {}
    worker.query(owner, QueryOp(lambda db: old.update(db=db)), lambda _r: None)
    qtbot.waitUntil(lambda: "db" in old, timeout=5000)
    reopened: dict[str, object] = {}
    broadcast: list[Changes] = []
    worker.changed.connect(broadcast.append)
    worker.replace_database(owner, lambda: open_shop(tmp_path / "shop.duckdb", backups_dir=tmp_path / "bk"),
                            lambda db: reopened.update(db=db), lambda exc: reopened.update(error=exc),
                            close_first=True)
    qtbot.waitUntil(lambda: bool(reopened), timeout=10000)
    assert "error" not in reopened
    assert reopened["db"] is not old["db"]
    assert broadcast == [Changes.everything()]  # a newly opened shop: every view reloads
    answer: dict[str, object] = {}
    worker.query(owner, QueryOp(lambda db: db.scalar("SELECT count(*) FROM shop_settings")),
                 lambda n: answer.update(n=n))
    qtbot.waitUntil(lambda: bool(answer), timeout=5000)
    assert answer["n"] >= 0
