"""Files dropped on the demo shop: a seller's real orders would mix with the demo's made-up ones.

The first start opens the demo, and the first thing a new seller does is drop their exports on it;
imported there, their figures would be summed with 13,000 invented orders. So they are asked where
the files go: into a shop of their own (the default), or into the demo after all.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

OWN_SHOP, DEMO_SHOP = "own", "demo"


def ask_where_to_import(parent: QWidget | None) -> str | None:
    """OWN_SHOP, DEMO_SHOP, or None when the seller cancels."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("DemoImport", "This is the demo shop"))
    box.setText(QCoreApplication.translate(
        "DemoImport", "The shop open now is the demo: its orders, members and campaigns are made up. Imported "
        "here, your files would be added to them, and every figure would mix your sales with the demo's."))
    box.setInformativeText(QCoreApplication.translate(
        "DemoImport", "Start a shop of your own with these files? The demo stays as it is."))
    own = box.addButton(QCoreApplication.translate("DemoImport", "Start my own shop…"),
                        QMessageBox.ButtonRole.AcceptRole)
    demo = box.addButton(QCoreApplication.translate("DemoImport", "Add them to the demo"),
                         QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(own)
    box.exec()
    clicked = box.clickedButton()
    if clicked is own:
        return OWN_SHOP
    if clicked is demo:
        return DEMO_SHOP
    return None
