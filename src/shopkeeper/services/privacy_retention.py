"""How long the shop keeps people's personal data, and the purge that keeps to it by itself.

The setting is a number of days in `shop_settings` (`privacy_retention_days`);
none means the seller erases by hand. When set, opening the shop purges
everyone with no order in that many days (services/privacy_erasure.py), at
most once a day, and the purge is logged like one made by hand. Changing the
setting is logged too (privacy_log, what = 'retention'): it decides what the
shop keeps.
"""

from __future__ import annotations

import re
from datetime import datetime

from shopkeeper.db.database import Database
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message
from shopkeeper.services.privacy_erasure import Erasure, purge

RETENTION_KEY = "privacy_retention_days"
LAST_PURGE_KEY = "privacy_last_auto_purge"
RETENTION = "retention"
# A period shorter than a month would erase buyers whose parcels are still on their way.
MIN_DAYS = 30
MAX_DAYS = 36500
_PERIOD = re.compile(r"\s*([0-9]+)\s*([dmy]?)\s*", re.IGNORECASE)
_UNIT_DAYS = {"": 1, "d": 1, "m": 30, "y": 365}


def parse_period(text: str) -> int:
    """'365d', '12m', '2y' or '400' -> days; anything else, or a period too short to be safe, is refused."""
    match = _PERIOD.fullmatch(text or "")
    if not match:
        raise KnownError(Message("privacy.period.bad", {"value": text}))
    days = int(match.group(1)) * _UNIT_DAYS[match.group(2).lower()]
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise KnownError(Message("privacy.period.range", {"value": text, "min": MIN_DAYS, "max": MAX_DAYS}))
    return days


def retention_days(db: Database) -> int | None:
    value = db.scalar("SELECT value FROM shop_settings WHERE key = ?", [RETENTION_KEY])
    return int(value) if value is not None and str(value).isdigit() else None


def set_retention(db: Database, days: int | None, *, who: str | None, place: str) -> None:
    """Keep personal data `days` days after a person's last order (None: until erased by hand)."""
    if days is not None and not MIN_DAYS <= days <= MAX_DAYS:
        raise KnownError(Message("privacy.period.range", {"value": str(days), "min": MIN_DAYS, "max": MAX_DAYS}))
    with db.transaction():
        db.execute("DELETE FROM shop_settings WHERE key = ?", [RETENTION_KEY])
        if days is not None:
            db.execute("INSERT INTO shop_settings (key, value) VALUES (?, ?)", [RETENTION_KEY, str(days)])
        db.execute("INSERT INTO privacy_log (revealed_at, who, what, place, days) VALUES (now(), ?, ?, ?, ?)",
                   [who, RETENTION, place, days])


def purge_if_due(db: Database, now: datetime, *, who: str | None = "retention") -> Erasure | None:
    """At open: the retention purge, when a period is set and none ran today. None when nothing was due."""
    days = retention_days(db)
    if days is None:
        return None
    today = now.date().isoformat()
    if db.scalar("SELECT value FROM shop_settings WHERE key = ?", [LAST_PURGE_KEY]) == today:
        return None
    result = purge(db, now, days, who=who, place=RETENTION)
    with db.transaction():
        db.execute("DELETE FROM shop_settings WHERE key = ?", [LAST_PURGE_KEY])
        db.execute("INSERT INTO shop_settings (key, value) VALUES (?, ?)", [LAST_PURGE_KEY, today])
    return result
