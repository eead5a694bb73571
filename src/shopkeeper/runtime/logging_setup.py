"""Log files in the platformdirs log folder, rotated, with no personal data.

Only file names, counts and tracebacks are logged; buyer names, phones and
addresses never are, so a log can be sent with a bug report.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(log_file: Path, *, verbose: bool = False) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_shopkeeper", False) for h in root.handlers):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        # A read-only or full disk must not stop the app from starting.
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._shopkeeper = True  # type: ignore[attr-defined]  # our mark: a second setup adds no second handler
    root.addHandler(handler)
