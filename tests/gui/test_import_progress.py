"""The progress dialog shows each step the importer reports, worded by the window's catalogue.

The steps are codes (`progress.*`); tests/test_message_codes.py checks that the
window words every one of them and that each has its Chinese.
"""

from __future__ import annotations

from shopkeeper.domain.messages import Message
from shopkeeper.ui.dialogs.import_progress import ImportProgressDialog
from shopkeeper.ui.message_texts import window_text


def test_a_step_naming_a_file_keeps_the_name(qtbot) -> None:  # noqa: ANN001
    dialog = ImportProgressDialog(None, 1)
    qtbot.addWidget(dialog)
    step = Message("progress.reading", {"name": "订单报表.csv"})
    dialog.show_progress(step, 0.5)
    assert dialog.label.text() == window_text(step) == "Reading 订单报表.csv"
    assert dialog.bar.value() == 500


def test_every_step_of_a_real_import_is_worded(qtbot, shop, tmp_path) -> None:  # noqa: ANN001
    from tests.unit.importers.export_files import run_import

    path = tmp_path / "orders_export.csv"
    path.write_text("Name,Email,Created at,Total,Lineitem name,Lineitem quantity,Lineitem price,Financial Status\n"
                    "#1,a@b.c,2025-01-02 10:00:00,12.00,Cup,1,12.00,paid\n")
    dialog = ImportProgressDialog(None, 1)
    qtbot.addWidget(dialog)
    steps: list[Message] = []
    run_import(shop, path, progress=lambda message, fraction: steps.append(message))
    assert len(steps) >= 5
    for step in steps:
        dialog.show_progress(step, 0.0)
        assert dialog.label.text() and not dialog.label.text().startswith("progress."), step
