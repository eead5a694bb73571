"""The demo's campaign checks and checklists: the platforms' fees set, the tasks a seller would have ticked off.

Through the same services as the window (one change set each), so the demo's
upcoming campaigns show what a real shop's would: tasks due long ago done,
those of the last days still open (overdue), and margins after real fees.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from shopkeeper.db.database import Database
from shopkeeper.services.campaign_checks import save_check_settings
from shopkeeper.services.campaign_tasks import tick_tasks

# Roughly what each platform keeps of a sale (commission and payment), in %.
DEMO_FEES = {"taobao": Decimal("5.0"), "douyin": Decimal("6.0"), "shopify": Decimal("2.9"), "etsy": Decimal("9.5")}
# Tasks due in the last few days are still open: the checklist shows them overdue.
_STILL_OPEN_DAYS = 3


def set_up_campaign_checks(db: Database, today: date) -> None:
    save_check_settings(db, who="demo", min_margin_pct=Decimal("15.0"), fees=dict(DEMO_FEES))
    done = [str(r[0]) for r in db.fetchall(
        "SELECT task_id FROM campaign_tasks WHERE due_on < ? ORDER BY task_id",
        [today - timedelta(days=_STILL_OPEN_DAYS)])]
    if done:
        tick_tasks(db, done, who="demo")
