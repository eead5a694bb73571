"""`shopkeeper privacy`: what personal data the shop holds, and erasing it.

  privacy [show] [--json]                      where personal data is held, how much, since when
  privacy purge --older-than 365d [--yes]      erase everyone with no order in that window
  privacy erase MEMBER_ID [--yes]              erase one member on request
  privacy retention [365d|off]                 show or set the automatic purge at open

Without --yes, purge and erase only say what they would do and exit 0 with
nothing changed. Erasures cannot be undone; each is written to the privacy log.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from shopkeeper.db.database import Database
from shopkeeper.domain.message_texts import english
from shopkeeper.domain.messages import Message

WHO = "cli"


def add_privacy_parser(sub: Any, db_option: Callable[[argparse.ArgumentParser], None]) -> None:
    privacy = sub.add_parser("privacy", help="personal data the shop holds; erase it (purge, erase, retention)")
    db_option(privacy)
    privacy.add_argument("--json", action="store_true", help="print one JSON object")
    what = privacy.add_subparsers(dest="privacy_what", metavar="ACTION")
    show = what.add_parser("show", help="where the shop holds personal data, how much and since when")
    db_option(show)
    _json_option(show)
    purge = what.add_parser("purge", help="erase the personal data of everyone with no order in a period")
    db_option(purge)
    purge.add_argument("--older-than", required=True, metavar="PERIOD", help="365d, 12m or 2y")
    purge.add_argument("--yes", action="store_true", help="erase (without it: only count who would be erased)")
    _json_option(purge)
    erase = what.add_parser("erase", help="erase one member's personal data everywhere in the shop (on request)")
    db_option(erase)
    erase.add_argument("member_id", metavar="MEMBER_ID")
    erase.add_argument("--yes", action="store_true", help="erase (without it: only say what would be erased)")
    _json_option(erase)
    retention = what.add_parser("retention", help="show or set how long personal data is kept (purged at open)")
    db_option(retention)
    retention.add_argument("period", nargs="?", metavar="PERIOD|off", help="365d, 12m, 2y, or off")
    _json_option(retention)


def _json_option(parser: argparse.ArgumentParser) -> None:
    # Also accepted before the action (`privacy --json purge ...`): the action's own default must not reset it.
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print one JSON object")


def run_privacy(db: Database, args: argparse.Namespace, now: datetime | None = None) -> int:
    now = now or datetime.now(UTC)
    try:
        action = getattr(args, "privacy_what", None) or "show"
        data, message = _ACTIONS[action](db, args, now)
    finally:
        db.close()
    print(json.dumps(data, ensure_ascii=False) if args.json else message)
    return 0


def _show(db: Database, args: argparse.Namespace, now: datetime) -> tuple[dict[str, Any], str]:
    from shopkeeper.services.personal_data import personal_data

    held = personal_data(db)
    places = [{"table": h.table, "holds": h.holds, "rows": h.rows, "people": h.people,
               "oldest_last_order": None if h.oldest_last_order is None else h.oldest_last_order.isoformat()}
              for h in held.holdings]
    lines = [f"{p['table']:<16} {p['holds']:<9} {p['rows']:>9} rows"
             + (f", oldest {p['oldest_last_order']}" if p["oldest_last_order"] else "") for p in places]
    lines.append(english(_retention_message(held.retention_days)))
    return {"places": places, "retention_days": held.retention_days}, "\n".join(lines)


def _purge(db: Database, args: argparse.Namespace, now: datetime) -> tuple[dict[str, Any], str]:
    from shopkeeper.services.privacy_erasure import purge, purge_preview
    from shopkeeper.services.privacy_retention import parse_period

    days = parse_period(args.older_than)
    result = purge(db, now, days, who=WHO, place=WHO) if args.yes else purge_preview(db, now, days)
    cutoff = result.cutoff.date().isoformat() if result.cutoff else None
    params = {"people": result.people, "cutoff": cutoff}
    if not result.people:
        code = "privacy.purge.none"
    else:
        code = "privacy.purge.done" if result.done else "privacy.purge.preview"
    return ({"people": result.people, "members": result.members, "buyer_accounts": result.buyers,
             "cutoff": cutoff, "days": days, "erased": result.done},
            english(Message(code, params)))


def _erase(db: Database, args: argparse.Namespace, now: datetime) -> tuple[dict[str, Any], str]:
    from shopkeeper.services.privacy_erasure import erase_member, erase_member_preview

    member = args.member_id
    result = erase_member(db, member, who=WHO, place=WHO) if args.yes else erase_member_preview(db, member)
    code = "privacy.erase.done" if result.done else "privacy.erase.preview"
    return ({"member_id": member, "buyer_accounts": result.buyers, "erased": result.done},
            english(Message(code, {"member": member, "buyers": result.buyers})))


def _retention(db: Database, args: argparse.Namespace, now: datetime) -> tuple[dict[str, Any], str]:
    from shopkeeper.services.privacy_retention import parse_period, retention_days, set_retention

    if args.period is not None:
        days = None if args.period.strip().lower() == "off" else parse_period(args.period)
        set_retention(db, days, who=WHO, place=WHO)
    days = retention_days(db)
    return {"retention_days": days}, english(_retention_message(days))


def _retention_message(days: int | None) -> Message:
    if days is None:
        return Message("privacy.retention.off")
    return Message("privacy.retention.on", {"days": days})


_ACTIONS = {"show": _show, "purge": _purge, "erase": _erase, "retention": _retention}
