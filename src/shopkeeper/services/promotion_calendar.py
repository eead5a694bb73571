"""What the promotions calendar shows for a span of days: festivals, the seller's own events and campaigns.

Festivals come from domain/festivals.py for every year the span touches (a
Prime Day the seller set is one of their own events, of kind 'prime_day', and
gets Prime Day's windows); campaigns and own events from the shop. Each item
has its day span and, for festivals, the warm-up before it, so every view
(month, week, list, the year strip) draws the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from shopkeeper.db.database import Database
from shopkeeper.domain.campaign_checks import BELOW_COST, BELOW_MIN
from shopkeeper.domain.festivals import Festival, festivals
from shopkeeper.domain.messages import Message
from shopkeeper.services.campaign_checks import campaign_checks
from shopkeeper.services.campaign_tasks import open_tasks_between

FESTIVAL, OWN, CAMPAIGN, TASK = "festival", "own", "campaign", "task"


@dataclass(frozen=True)
class CalendarItem:
    source: str  # festival, own (the seller's event), campaign, task (an open checklist task on its due day)
    kind: str  # festival: festival / holiday / logistics; own: own / prime_day; campaign: its kind; task: open / overdue
    name: Message | str  # a festival's name is a code, the window and the CLI word it; the seller's own text as is
    start: date
    end: date
    region: str | None = None
    day: date | None = None  # a festival's day
    warmup_start: date | None = None
    warmup_end: date | None = None
    ref_id: int | None = None  # the campaign's or own event's id (a Prime Day's too)
    key: str | None = None  # a festival's key
    # A campaign's checks (its worst margin, its stock verdict) and whether they, or a task, need the seller.
    note: Message | None = None
    alert: bool = False

    @property
    def first_day(self) -> date:
        return self.warmup_start or self.start

    def covers(self, day: date) -> bool:
        return self.first_day <= day <= self.end

    @property
    def event_id(self) -> int | None:
        """The seller's own event behind the item (one they may remove), else None."""
        return self.ref_id if self.source == OWN or self.key == "prime_day" else None

    def is_warmup(self, day: date) -> bool:
        return self.warmup_start is not None and self.warmup_end is not None \
            and self.warmup_start <= day <= self.warmup_end


def _festival_item(f: Festival) -> CalendarItem:
    return CalendarItem(FESTIVAL, f.kind, Message(f.name_code), f.start, f.end, f.region, f.day,
                        f.warmup_start, f.warmup_end, key=f.key)


def calendar_items(db: Database, first: date, last: date, *, with_campaigns: bool = True,
                   today: date | None = None) -> list[CalendarItem]:
    """Every item whose days (warm-up included) meet [first, last], by first day.

    With `today`, campaigns carry their checks (services/campaign_checks.py) and open checklist tasks show on
    their due days, overdue ones flagged.
    """
    # A seller has a handful of own events: all of them, the span is applied below (a Prime Day's warm-up
    # reaches back before its date).
    own = db.fetchall("SELECT event_id, name, kind, starts_on, ends_on, region FROM calendar_events"
                      " ORDER BY starts_on, event_id")
    prime_days = {r[3]: int(r[0]) for r in own if r[2] == "prime_day"}
    items = [_festival_item(f) for year in range(first.year, last.year + 1) for f in festivals(year, prime_days)]
    # A Prime Day is the seller's own event shown as the festival: it keeps the event's id, to remove it.
    items = [replace(i, ref_id=prime_days[i.day]) if i.key == "prime_day" and i.day in prime_days else i
             for i in items]
    items += [CalendarItem(OWN, kind, name, start, end, region, ref_id=event_id)
              for event_id, name, kind, start, end, region in own if kind != "prime_day"]
    if with_campaigns:
        items += [CalendarItem(CAMPAIGN, kind, name, start, end, ref_id=int(pid)) for pid, name, kind, start, end in
                  db.fetchall("SELECT promotion_id, name, kind, starts_on, ends_on FROM promotions"
                              " WHERE starts_on <= ? AND ends_on >= ? ORDER BY starts_on, promotion_id", [last, first])]
        if today is not None:
            items = _with_checks(db, items, first, last, today)
    items = [i for i in items if i.first_day <= last and i.end >= first]
    return sorted(items, key=lambda i: (i.first_day, i.source, str(i.name)))



def _with_checks(db: Database, items: list[CalendarItem], first: date, last: date,
                 today: date) -> list[CalendarItem]:
    checks = campaign_checks(db, today)
    out = []
    for item in items:
        check = checks.get(item.ref_id or -1) if item.source == CAMPAIGN else None
        if check is not None:
            note = Message("campaign.calendar.note", {
                "margin": "—" if check.min_margin_pct is None else f"{check.min_margin_pct:.1f}",
                "stock": Message({False: "campaign.calendar.stock_short", True: "campaign.calendar.stock_ok",
                                  None: "campaign.calendar.stock_unknown"}[check.stock_ok],
                                 {"units": check.short_units})})
            alert = check.stock_ok is False or check.margin_verdict in (BELOW_COST, BELOW_MIN)
            item = replace(item, note=note, alert=alert)
        out.append(item)
    for task in open_tasks_between(db, first, last):
        overdue = task.overdue(today)
        name = Message("campaign.calendar.task", {"task": task.name, "campaign": task.campaign})
        out.append(CalendarItem(TASK, "overdue" if overdue else "open", name, task.due_on, task.due_on,
                                ref_id=task.promotion_id, alert=overdue))
    return out
