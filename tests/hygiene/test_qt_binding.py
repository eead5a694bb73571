"""Guards against the Qt binding build that corrupts None's reference count.

PySide6 6.12.0 under Python 3.11 drops a reference to None on every call of a
void method; a running window makes millions of such calls and the
interpreter aborts ("none_dealloc"). pyproject.toml excludes it; this test
fails if such a build is ever installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QElapsedTimer


def test_void_calls_keep_none_refcount() -> None:
    timer = QElapsedTimer()
    before = sys.getrefcount(None)
    for _ in range(2000):
        timer.start()
    after = sys.getrefcount(None)
    assert abs(after - before) < 100
