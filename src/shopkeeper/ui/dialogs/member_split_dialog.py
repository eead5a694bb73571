"""Split a member: tick the platform accounts that belong to someone else."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from shopkeeper.services.membership import MemberDetail
from shopkeeper.ui.formatting import platform_label


class MemberSplitDialog(QDialog):
    """`accounts()` after exec: the (shop_id, buyer_id) ticked; OK needs some ticked, not all."""

    def __init__(self, parent: QWidget | None, member: MemberDetail) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split {name}").format(name=member.name))
        intro = QLabel(self.tr("Tick the accounts that belong to another person. They become a member of "
                               "their own, and later imports keep them apart. Edit › Undo takes it back."), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        for identity in member.identities:
            item = QListWidgetItem(f"{platform_label(identity.shop_id.split(':')[0])} · "
                                   f"{identity.account or identity.buyer_id}"
                                   + (f" · {identity.name}" if identity.name else ""))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, (identity.shop_id, identity.buyer_id))
            self.list.addItem(item)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(lambda _item: self._check())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self._check()

    def accounts(self) -> list[tuple[str, str]]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def _check(self) -> None:
        ticked = len(self.accounts())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(0 < ticked < self.list.count())
