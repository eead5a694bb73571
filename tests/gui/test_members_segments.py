"""The Members tab's segment overview: sizes the seller can click to filter, the churn filter, and a target list
saved with contacts masked unless revealed."""

from __future__ import annotations

import csv
from pathlib import Path

from shopkeeper.domain.rfm import PROSPECTS, SEGMENTS
from shopkeeper.ui.tabs.members_segments import segment_label, write_targets
from tests.gui.conftest import TODAY, run_query, wait_idle


def _count(qtbot, app, sql: str) -> int:  # noqa: ANN001
    return int(run_query(qtbot, app.worker, lambda db: db.scalar(sql, [TODAY])))


def test_the_overview_shows_every_segment_and_filters_the_table(qtbot, app) -> None:  # noqa: ANN001
    app.window.show_tab("members")
    tab = app.window.members
    wait_idle(qtbot, app.worker)
    panel = tab.segments
    assert panel.table.rowCount() == len(SEGMENTS) + 1
    assert [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())] == \
        [segment_label(s) for s in (*SEGMENTS, PROSPECTS)]
    # The demo is built through the same engines: at least four segments have members.
    assert sum(1 for r in range(len(SEGMENTS)) if panel.table.item(r, 1).text() != "0") >= 4
    champions = _count(qtbot, app, "SELECT count(*) FROM sk_rfm(?) WHERE segment = 'champions'")
    assert panel.table.item(0, 1).text() == f"{champions:,}"

    panel.table.cellClicked.emit(0, 0)  # Champions
    wait_idle(qtbot, app.worker)
    assert tab.model.rowCount() == champions
    assert panel.filter_names() == ["segment:champions"]
    panel.table.cellClicked.emit(0, 0)  # again: every segment
    assert panel.filter_names() == []

    panel.churn.setChecked(True)
    wait_idle(qtbot, app.worker)
    at_risk = _count(qtbot, app, "SELECT count(*) FROM sk_rfm(?) WHERE churn_risk")
    assert tab.count_label.text().startswith(f"{at_risk}")


def test_the_target_list_is_who_the_table_shows_masked(qtbot, app, tmp_path: Path) -> None:  # noqa: ANN001
    notices: list[tuple[str, bool]] = []
    path = tmp_path / "targets.csv"
    write_targets(app.window.members.query, path, TODAY, ["segment:cant_lose"], "", False,
                  lambda text, ok=True: notices.append((text, ok)))
    wait_idle(qtbot, app.worker)
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    expected = _count(qtbot, app, "SELECT count(*) FROM sk_rfm(?) WHERE segment = 'cant_lose'")
    assert len(rows) == expected > 0
    assert notices == [(f'Wrote {expected} members to "{path}".', True)]
    assert all(r["email"] == "" or "***@" in r["email"] for r in rows)
    assert {r["segment"] for r in rows} == {segment_label("cant_lose")}
    assert all(r["suggested_action"] for r in rows)
