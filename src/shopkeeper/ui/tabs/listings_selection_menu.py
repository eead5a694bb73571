"""What a seller does to the selected SKUs of the Listings table: delist, relist, a season, mark new, tags,
set a field.

Each choice is one command on the DB worker over every selected SKU, so one
Ctrl+Z undoes it for all of them (services/listing_status.py, services/edits.py).
The same menu is the table's context menu and the "Selected SKUs" button's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog, QMenu, QTableView, QWidget

from shopkeeper.domain.commands import CommandResult
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.season_dialog import SeasonDialog
from shopkeeper.ui.operations import CommandOp
from shopkeeper.ui.paged_model import EDITOR, PagedSqlModel


def _status_op(action: Callable[..., CommandResult], *args: Any) -> CommandOp[CommandResult]:  # noqa: ANN401
    return CommandOp(lambda db: action(db, *args, who=EDITOR))


class SelectionMenu(QObject):
    """Builds the menu for the current selection and runs what is chosen."""

    def __init__(self, *, view: QTableView, model: PagedSqlModel, worker: DbWorker, today: Callable[[], date],
                 on_refused: Callable[[BaseException], None], on_nothing_selected: Callable[[], None],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._view = view
        self._model = model
        self._worker = worker
        self._today = today
        self._on_refused = on_refused
        self._on_nothing_selected = on_nothing_selected
        self._parent = parent
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda pos: self.build().popup(view.viewport().mapToGlobal(pos)))

    def rows(self) -> list[int]:
        rows = sorted({index.row() for index in self._view.selectionModel().selectedRows()})
        if not rows and self._view.currentIndex().isValid():
            rows = [self._view.currentIndex().row()]
        return rows

    def skus(self) -> list[str]:
        return [sku for sku in (self._model.row_id(r) for r in self.rows()) if sku is not None]

    def build(self) -> QMenu:
        menu = QMenu(self._parent)
        menu.setObjectName("selectionMenu")
        count = len(self.rows())
        menu.addSection(self.tr("%Ln selected SKU(s)", "", count))
        for text, tip, run in (
            (self.tr("Delist"), self.tr("Taken off sale: no reorder suggestion, 0 in stock-update files"),
             self.delist),
            (self.tr("Relist"), self.tr("Back on sale"), self.relist),
            (self.tr("Seasonal…"), self.tr("Sells only in some months: no reorder suggestion out of season"),
             self.ask_season),
            (self.tr("Not seasonal"), self.tr("Sells all year"), self.clear_season),
            (self.tr("Mark as new"), self.tr("Shown as new for 30 days from today"), self.mark_new),
            (self.tr("Add tags…"), self.tr("Tags pick products for a campaign; several tags: separate with commas"),
             self.ask_add_tags),
            (self.tr("Remove tags…"), self.tr("Take these tags off every selected SKU"), self.ask_remove_tags),
        ):
            action = menu.addAction(text)
            action.setToolTip(tip)
            action.setEnabled(count > 0)
            action.triggered.connect(run)
        menu.setToolTipsVisible(True)
        fields = menu.addMenu(self.tr("Set for all selected"))
        fields.setEnabled(count > 0)
        for column, spec in enumerate(self._model.source.columns):
            if spec.edit is None or self._view.isColumnHidden(column) and spec.key not in _ALWAYS_OFFERED:
                continue
            header = str(self._model.headerData(column, Qt.Orientation.Horizontal))
            action = fields.addAction(self.tr("{field}…").format(field=header))
            action.triggered.connect(lambda _checked=False, key=spec.key, name=header: self.ask_field(key, name))
        return menu

    # -- the actions -------------------------------------------------------------------------
    def _run(self, op: CommandOp[CommandResult]) -> bool:
        if not self.rows():
            self._on_nothing_selected()
            return False
        self._worker.command(self._model, op, on_error=self._on_refused)
        return True

    def delist(self) -> bool:
        from shopkeeper.services.listing_status import set_delisted

        return self._run(_status_op(set_delisted, self.skus(), True))

    def relist(self) -> bool:
        from shopkeeper.services.listing_status import set_delisted

        return self._run(_status_op(set_delisted, self.skus(), False))

    def set_season(self, first: int | None, last: int | None) -> bool:
        from shopkeeper.services.listing_status import set_season

        return self._run(_status_op(set_season, self.skus(), first, last))

    def ask_season(self) -> None:
        dialog = SeasonDialog(len(self.rows()), self._parent)
        if dialog.exec():
            self.set_season(*dialog.season())

    def clear_season(self) -> bool:
        return self.set_season(None, None)

    def mark_new(self) -> bool:
        from shopkeeper.services.listing_status import mark_new

        return self._run(_status_op(mark_new, self.skus(), self._today()))

    def change_tags(self, *, add: tuple[str, ...] = (), remove: tuple[str, ...] = ()) -> bool:
        from shopkeeper.services.product_tags import change_tags

        skus = self.skus()
        return self._run(CommandOp(lambda db: change_tags(db, skus, add=add, remove=remove, who=EDITOR)))

    def ask_add_tags(self) -> None:
        text, ok = QInputDialog.getText(self._parent, self.tr("Add tags"), self.tr(
            "Tags to add to %Ln selected SKU(s), separated by commas:", "", len(self.rows())))
        if ok and text.strip():
            self.change_tags(add=(text,))

    def ask_remove_tags(self) -> None:
        text, ok = QInputDialog.getText(self._parent, self.tr("Remove tags"), self.tr(
            "Tags to remove from %Ln selected SKU(s), separated by commas:", "", len(self.rows())))
        if ok and text.strip():
            self.change_tags(remove=(text,))

    def ask_field(self, key: str, name: str) -> None:
        rows = self.rows()
        if not rows:
            self._on_nothing_selected()
            return
        text, ok = QInputDialog.getText(self._parent, name, self.tr("New value for %Ln selected SKU(s):", "",
                                                                    len(rows)))
        if ok:
            self._model.edit_rows(rows, key, text)


# Reorder settings are hidden by default but are what a seller most often sets for many SKUs at once.
_ALWAYS_OFFERED = frozenset({"lead_time_days", "safety_stock", "pack_size", "min_order", "target_cover_days"})
