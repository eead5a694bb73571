"""Python's cycle collector runs on the GUI thread only, while a window exists.

Why: an automatic collection starts in whichever thread happens to allocate. Started on the DB
worker thread, it can free an old window's Qt objects (a closed window, a replaced language's
menus) there; Qt's destructor holds Qt's lock and waits for the GIL while the GUI thread, holding
the GIL, waits for that lock, and both stop for good (seen in CI in tests/gui/test_main_window.py,
worker in `gc_collect_main` under `QMenu::~QMenu`). So automatic collection is switched off and a
timer on the GUI thread collects with the interpreter's own thresholds instead; objects freed by
reference counting, the vast majority, are freed at once as before. The command line, which has
no window and no worker, keeps Python's automatic collection.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500
_NAME = "shopkeeperGuiThreadGc"


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(_NAME)
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(INTERVAL_MS)

    def collect_due(self) -> None:
        """Collect the generations whose counts passed the interpreter's thresholds (as it would itself)."""
        young, middle, old = gc.get_count()
        if young > self._threshold[0]:
            gc.collect(0)
            if middle > self._threshold[1]:
                gc.collect(1)
                if old > self._threshold[2]:
                    gc.collect(2)


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Install the collector once per application and switch automatic collection off; returns it."""
    found = app.findChild(GuiThreadCollector, _NAME)
    gc.disable()
    return found if found is not None else GuiThreadCollector(app)
