"""The members behind a bar of the RFM segment chart: the Members table's rows of that segment, paged from SQL.

The same source and segment filter as the Members tab (services/membership.py), so the list holds exactly
the members the bar counts; contacts stay masked as they are there by default.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from shopkeeper.services.currency import base_currency
from shopkeeper.services.membership import members_source
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.rows_behind import RowsBehindDialog
from shopkeeper.ui.operations import QueryOp
from shopkeeper.ui.paged_model import PagedSqlModel

_SHOWN = ("member_id", "name", "tier", "platforms", "orders", "spend", "last_order", "days_since", "segment")


class MembersBehindDialog(RowsBehindDialog):
    def __init__(self, *, worker: DbWorker, today: date, segment: str, title: str,
                 formatter: Callable[[str, str, Any], str], parent: QWidget | None = None) -> None:
        """`formatter` is the Members table's (segment names, tiers), so both show a member alike."""
        super().__init__(parent)
        self.setObjectName("membersBehindDialog")
        self.setWindowTitle(self.tr("Members behind: {what}").format(what=title))
        self.resize(900, 520)
        headers = {
            "member_id": self.tr("Member"), "name": self.tr("Name"), "tier": self.tr("Tier"),
            "platforms": self.tr("Buys on"), "orders": self.tr("Orders"), "spend": self.tr("Spend (base currency)"),
            "last_order": self.tr("Last order"), "days_since": self.tr("Days since"),
            "segment": self.tr("RFM segment"),
        }
        source = members_source(today, chinese=QLocale().language() == QLocale.Language.Chinese)
        self.lay_out(PagedSqlModel(worker, source, headers=headers, formatter=formatter,
                                   hidden=tuple(c.key for c in source.columns if c.key not in _SHOWN),
                                   name="members_behind"),
                     self.tr("Search member, name or platform"), lambda n: self.tr("{n} members").format(n=n))
        self.model.set_filters([f"segment:{segment}"])  # counts and loads the first page
        # Named as the Members tab names it, once the worker has read the shop's base currency.
        worker.query(self, QueryOp(base_currency), lambda code: self.model.set_header(
            "spend", self.tr("Spend ({currency})").format(currency=code)))
