"""A campaign's checklist: tasks made from the seller's template, due dates counted back from the start.

The template (table campaign_task_templates) is the shop's: the seller renames a
task or moves its day, each save one undoable edit. A campaign gets its tasks
when it is planned, in the campaign's own change set (services/campaigns.py
calls `write_tasks`), so undoing the plan takes them away; moving its start
moves the due dates of its tasks, and deleting it removes them (their
before-images kept for undo). Ticking a task off is an edit of its `done`
flag: one Edit › Undo step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from shopkeeper.db.database import Database
from shopkeeper.db.merge import save_prior
from shopkeeper.domain.changes import Changes
from shopkeeper.domain.commands import CellEdit, ChangeRefused, CommandResult
from shopkeeper.domain.messages import Message
from shopkeeper.services.edits import edit_cells

# The shipped tasks, worded by code in the seller's language while the seller has not renamed them.
TASK_NAMES = {
    "signup": "campaign.task.signup", "stock": "campaign.task.stock", "visuals": "campaign.task.visuals",
    "copy": "campaign.task.copy", "listing": "campaign.task.listing", "cs_scripts": "campaign.task.cs_scripts",
    "logistics": "campaign.task.logistics",
}


@dataclass(frozen=True)
class CampaignTask:
    task_id: str
    promotion_id: int
    task_key: str
    name: Message | str  # the seller's title, or the shipped task's code
    due_on: date
    done: bool
    campaign: str = ""

    def overdue(self, today: date) -> bool:
        return not self.done and self.due_on < today


@dataclass(frozen=True)
class TemplateTask:
    task_key: str
    name: Message | str
    days_before: int


def _name(task_key: str, title: str | None) -> Message | str:
    if title:
        return title
    return Message(TASK_NAMES.get(task_key, "campaign.task.other"), {"key": task_key})


def template(db: Database) -> list[TemplateTask]:
    return [TemplateTask(k, _name(k, t), int(d)) for k, t, d in db.fetchall(
        "SELECT task_key, title, days_before FROM campaign_task_templates ORDER BY position, task_key")]


def write_tasks(db: Database, change_set_id: int, promotion_id: int, starts_on: date | None) -> bool:
    """Give the campaign its tasks (from the template when it has none), due before `starts_on`.

    A task is due `days_before` the start, but never before the day the campaign was planned (nor after
    its start): a campaign planned ten days ahead has its three-weeks-ahead sign-up due on the day it
    was planned, not overdue from the moment it exists. `starts_on` None: the campaign is gone, so are
    its tasks. Returns whether a row changed; the caller holds the transaction and the change set.
    """
    scope = "FROM campaign_tasks t WHERE t.promotion_id = ?"
    if starts_on is None:
        if not db.scalar(f"SELECT EXISTS (SELECT 1 {scope})", [promotion_id]):
            return False
        save_prior(db, "campaign_tasks", scope, change_set_id, [promotion_id])
        db.execute("DELETE FROM campaign_tasks WHERE promotion_id = ?", [promotion_id])
        return True
    planned = db.scalar("SELECT CAST(created_at AS DATE) FROM promotions WHERE promotion_id = ?", [promotion_id])
    floor = starts_on if planned is None else min(planned, starts_on)
    due = "greatest(CAST(?::DATE - {days} * INTERVAL 1 DAY AS DATE), ?::DATE)"
    if not db.scalar(f"SELECT EXISTS (SELECT 1 {scope})", [promotion_id]):
        db.execute(
            "INSERT INTO campaign_tasks (task_id, promotion_id, task_key, title, days_before, position, due_on,"
            f" batch_id) SELECT ? || ':' || task_key, ?, task_key, title, days_before, position,"
            f" {due.format(days='days_before')}, ? FROM campaign_task_templates",
            [str(promotion_id), promotion_id, starts_on, floor, change_set_id])
        return True
    moved = f"{scope} AND t.due_on <> {due.format(days='t.days_before')}"
    if not db.scalar(f"SELECT EXISTS (SELECT 1 {moved})", [promotion_id, starts_on, floor]):
        return False
    save_prior(db, "campaign_tasks", moved, change_set_id, [promotion_id, starts_on, floor])
    db.execute(f"UPDATE campaign_tasks SET due_on = {due.format(days='days_before')}, batch_id = ?"
               f" WHERE promotion_id = ? AND due_on <> {due.format(days='days_before')}",
               [starts_on, floor, change_set_id, promotion_id, starts_on, floor])
    return True


_TASKS_SQL = """SELECT t.task_id, t.promotion_id, t.task_key, t.title, t.due_on, t.done, p.name
FROM campaign_tasks t JOIN promotions p USING (promotion_id)"""


def _task(r: tuple[object, ...]) -> CampaignTask:
    task_id, pid, key, title, due, done, campaign = r
    return CampaignTask(str(task_id), int(pid), str(key), _name(str(key), title), due, bool(done), str(campaign))  # type: ignore[arg-type, call-overload]


def campaign_tasks(db: Database, promotion_id: int) -> list[CampaignTask]:
    return [_task(r) for r in db.fetchall(_TASKS_SQL + " WHERE t.promotion_id = ? ORDER BY t.due_on, t.position",
                                          [promotion_id])]


def overdue_tasks(db: Database, today: date) -> list[CampaignTask]:
    """Open tasks whose due day has passed, of campaigns not yet over, oldest first."""
    return [_task(r) for r in db.fetchall(
        _TASKS_SQL + " WHERE NOT t.done AND t.due_on < ? AND p.ends_on >= ? ORDER BY t.due_on, p.name, t.position",
        [today, today])]


def open_tasks_between(db: Database, first: date, last: date) -> list[CampaignTask]:
    """Open tasks due on the days [first, last] (the calendar shows them on their day)."""
    return [_task(r) for r in db.fetchall(
        _TASKS_SQL + " WHERE NOT t.done AND t.due_on BETWEEN ? AND ? ORDER BY t.due_on, p.name, t.position",
        [first, last])]


def open_task_counts(db: Database) -> dict[int, int]:
    return {int(pid): int(n) for pid, n in db.fetchall(
        "SELECT promotion_id, count(*) FROM campaign_tasks WHERE NOT done GROUP BY promotion_id")}


def set_task_done(db: Database, task_id: str, done: bool, *, who: str) -> CommandResult:
    row = db.fetchone("SELECT t.task_key, t.title, p.name FROM campaign_tasks t JOIN promotions p USING (promotion_id)"
                      " WHERE t.task_id = ?", [task_id])
    if row is None:
        raise ChangeRefused(Message("campaign.refused.unknown_task", {"task": task_id}))
    name = _name(row[0], row[1])
    code = "change.campaign.task_done" if done else "change.campaign.task_reopened"
    return edit_cells(db, [CellEdit("campaign_task", task_id, "done", done)], who=who,
                      label=Message(code, {"task": name, "campaign": row[2]}), recompute=_nothing_derived)


def save_template_task(db: Database, task_key: str, *, who: str, title: str | None, days_before: int) -> CommandResult:
    """Rename a template task or move its day (one undo step); campaigns planned later get it so."""
    return save_template(db, [(task_key, title, days_before)], who=who)


def save_template(db: Database, tasks: Sequence[tuple[str, str | None, int]], *, who: str) -> CommandResult:
    """Save (task key, title — None or empty: the shipped wording —, days before the start) as one undo step."""
    edits = []
    for task_key, title, days_before in tasks:
        edits += [CellEdit("task_template", task_key, "title", (title or "").strip() or None),
                  CellEdit("task_template", task_key, "days_before", days_before)]
    label = Message("change.campaign.template", {"key": tasks[0][0]}) if len(tasks) == 1 else \
        Message("change.campaign.template_many", {"count": len(tasks)})
    return edit_cells(db, edits, who=who, label=label, recompute=_nothing_derived)


def _nothing_derived(_db: Database) -> Changes:
    """Nothing stored is computed from tasks: an edit of one recomputes nothing."""
    return Changes()


def tick_tasks(db: Database, task_ids: list[str], *, who: str) -> CommandResult:
    """Tick several tasks off as one undo step."""
    return edit_cells(db, [CellEdit("campaign_task", t, "done", True) for t in task_ids], who=who,
                      label=Message("change.campaign.tasks_done", {"count": len(task_ids)}),
                      recompute=_nothing_derived)
