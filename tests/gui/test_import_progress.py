"""Every step the importer reports is shown in the window's language."""

from __future__ import annotations

import re
from pathlib import Path

from shopkeeper.ui.import_flow import ImportProgressDialog

CORE = Path(__file__).resolve().parents[2] / "src" / "shopkeeper"
_STEP = re.compile(r"""(?:\bstep|_report)\((?:progress,\s*)?(f?)"([^"]+)\"""")


def _core_steps() -> list[str]:
    """Each step message the core reports, a file name standing in for the ones that name a file."""
    found = []
    for path in [*(CORE / "importers").rglob("*.py"), *(CORE / "services").rglob("*.py")]:
        for is_f, text in _STEP.findall(path.read_text(encoding="utf-8")):
            found.append(re.sub(r"\{[^}]*\}", "订单报表.csv", text) if is_f else text)
    return found


def test_the_dialog_translates_every_step_the_importer_reports(qtbot, chinese) -> None:  # noqa: ANN001
    dialog = ImportProgressDialog(None, 1)
    qtbot.addWidget(dialog)
    steps = _core_steps()
    assert len(steps) >= 10, "the scan found too few steps; it proves nothing"
    for step in steps:
        shown = dialog.step_text(step)
        assert shown != step and re.search(r"[\u4e00-\u9fff]", shown.replace("订单报表", "")), step


def test_steps_read_in_chinese(qtbot, chinese) -> None:  # noqa: ANN001
    dialog = ImportProgressDialog(None, 1)
    qtbot.addWidget(dialog)
    dialog.show_progress("Reading 订单报表.csv", 0.5)
    assert dialog.label.text() == "正在读取 订单报表.csv"
    assert dialog.step_text("Saving orders") == "正在保存订单"
    assert dialog.bar.value() == 500
