"""Which platform shop the files of File › Import into a shop… are from.

A seller with two Shopify stores, or two Taobao shops, keeps them apart in one shop file by naming them: a file
does not say which store it came from, so the name is asked for here. The shop file's shop names are offered
(a name goes with each file's own platform: "North" is Shopify · North for a Shopify export and 淘宝 · North for
a Taobao one); a new name starts a new shop of that platform.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QWidget


def shop_name_dialog(parent: QWidget | None, names: list[str]) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("ShopName", "Import into a shop"))
    dialog.setLabelText(QCoreApplication.translate(
        "ShopName", "Which of your shops on the platform are these files from?\n"
        "Choose one of the shops below, or type the name of a new one."))
    dialog.setComboBoxItems(names)
    dialog.setComboBoxEditable(True)
    dialog.setTextValue(names[0] if names else "")
    dialog.setOkButtonText(QCoreApplication.translate("ShopName", "Import"))
    dialog.setMinimumWidth(420)
    return dialog


def chosen_name(dialog: QInputDialog) -> str | None:
    """The name typed or chosen, trimmed; None when it is blank."""
    return dialog.textValue().strip() or None


def ask_shop_name(parent: QWidget | None, names: list[str]) -> str | None:
    """The shop name the seller chose or typed; None when they cancel or leave it blank."""
    dialog = shop_name_dialog(parent, names)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return chosen_name(dialog)
