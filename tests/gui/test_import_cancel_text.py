"""A cancel can come after a file's COMMIT: the window then says the file was kept, never "exactly as before"."""

from __future__ import annotations

from pathlib import Path

from shopkeeper.domain.messages import Message
from shopkeeper.importers.reading import ImportCancelled
from shopkeeper.services.imports import FileOutcome
from shopkeeper.ui.import_flow import ImportFlow

AS_BEFORE = "The shop is exactly as it was before."


def _flow(worker, tmp_path: Path) -> ImportFlow:  # noqa: ANN001
    return ImportFlow(worker=worker, parent_widget=lambda: None, cache_dir=tmp_path / "cache",
                      log_file=tmp_path / "log.txt")


def _imported(name: str) -> FileOutcome:
    line = Message("import.outcome.imported", {"name": name, "label": "Shopify orders", "read": 3, "added": 3,
                                               "updated": 0, "rejected": 0})
    return FileOutcome(Path(name), None, True, "shopify", "orders", 1, 3, 3, 0, 0, line)


def test_the_cancel_message_says_what_the_shop_holds(worker, tmp_path: Path) -> None:  # noqa: ANN001
    flow = _flow(worker, tmp_path)
    assert flow.cancelled_text(ImportCancelled(name="b.csv", kept=False)).endswith(AS_BEFORE)
    assert flow.cancelled_text(ImportCancelled()).endswith(AS_BEFORE)

    too_late = flow.cancelled_text(ImportCancelled(name="b.csv", kept=True))
    assert "b.csv: it was imported and kept" in too_late and AS_BEFORE not in too_late

    earlier = flow.cancelled_text(ImportCancelled(done=(_imported("a.csv"),), name="b.csv", kept=False))
    assert "Files imported before the cancel were kept" in earlier and AS_BEFORE not in earlier

    unknown = flow.cancelled_text(ImportCancelled(name="b.csv", kept=None))
    assert "could not check whether b.csv was kept" in unknown and AS_BEFORE not in unknown
