"""Which backups of a shop are kept: the rules that stop automatic backups from filling the disk.

A backup is a whole copy of the shop, so automatic ones are bounded both by
count and by age, per kind. The seller's own backups (Backup now, `shopkeeper
backup`) and the ones taken before an upgrade are never removed by Shopkeeper:
the first are the seller's decision, the second the only way back to a file the
previous version can read. The newest backup of each kind is always kept, however
old, so a shop not opened for a year still has its way back.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class BackupKind(StrEnum):
    BEFORE_IMPORT = "before-import"
    DAILY = "daily"
    MANUAL = "manual"
    BEFORE_UPGRADE = "before-upgrade"
    BEFORE_RESTORE = "before-restore"


@dataclass(frozen=True)
class Retention:
    keep_at_most: int
    keep_days: int


RETENTION: dict[BackupKind, Retention] = {
    # Enough to walk back a bad afternoon of imports, not a copy per import forever.
    BackupKind.BEFORE_IMPORT: Retention(keep_at_most=8, keep_days=30),
    BackupKind.DAILY: Retention(keep_at_most=7, keep_days=60),
    BackupKind.BEFORE_RESTORE: Retention(keep_at_most=3, keep_days=90),
}


@dataclass(frozen=True)
class KeptBackup:
    key: Hashable
    kind: BackupKind
    taken_at: datetime


def to_prune(backups: Sequence[KeptBackup], now: datetime) -> list[Hashable]:
    """The keys of the backups the retention rules no longer keep."""
    pruned: list[Hashable] = []
    for kind, rule in RETENTION.items():
        of_kind = sorted((b for b in backups if b.kind == kind), key=lambda b: b.taken_at, reverse=True)
        for rank, backup in enumerate(of_kind):
            too_many = rank >= rule.keep_at_most
            too_old = rank > 0 and now - backup.taken_at > timedelta(days=rule.keep_days)
            if too_many or too_old:
                pruned.append(backup.key)
    return pruned
