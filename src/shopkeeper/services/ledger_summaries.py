"""A ledger's summary in the same download: paired with its ledger, used as its control, then reported.

Alipay's zip holds `<账号>_<日期>_账务明细.csv` and `<账号>_<日期>_账务明细(汇总).csv`.
The summary is not imported (it holds no movement); its totals go with the
ledger's import, which is refused when its rows do not add up to them, and the
summary's own line then says whether it was checked. A summary pairs with the
table of the same name without `(汇总)`; a file holding one summary pairs it with
each of its tables (only a ledger that knows the summary checks it).
"""

from __future__ import annotations

from collections.abc import Sequence

from shopkeeper.domain.messages import Message
from shopkeeper.importers.control_totals import ControlTotals
from shopkeeper.importers.platforms import alipay_money
from shopkeeper.importers.platforms.alipay_summary import summary_totals
from shopkeeper.importers.reading import SourceTable

DIFFERS = "import.refused.summary_totals_differ"


def find_summaries(tables: Sequence[SourceTable]) -> dict[int, ControlTotals]:
    """The summaries among a file's tables, by their index."""
    return {i: totals for i, table in enumerate(tables) if (totals := summary_totals(table)) is not None}


def paired(index: int, tables: Sequence[SourceTable], summaries: dict[int, ControlTotals]) -> int | None:
    """The index of the summary of table `index`, if the file has one for it."""
    if index in summaries or not summaries:
        return None
    member = _plain(tables[index].member)
    named = [s for s in summaries if _plain(tables[s].member).replace("(汇总)", "") == member]
    if named:
        return named[0]
    return next(iter(summaries)) if len(summaries) == 1 else None


def summary_line(name: str, outcomes: Sequence[tuple[str, bool, str | None, int, Message | None]]) -> \
        tuple[bool, Message]:
    """(ok, line) of a summary, from its paired tables' (name, ok, label, rejected rows, refusal)."""
    for detail, _ok, _label, _rejected, refusal in outcomes:
        if refusal is not None and refusal.code == DIFFERS:
            # the pair is refused: the summary's line names the ledger as the ledger's names the summary
            reason = Message("import.refused.summary_pair_differs", {
                "detail": detail, **{k: refusal.params[k] for k in ("which", "stated", "rows")}})
            return False, Message("import.outcome.refused", {"name": name, "reason": reason})
    for detail, ok, label, rejected, _refusal in outcomes:
        if ok and label == alipay_money.SPEC.label:
            if rejected:
                return True, Message("import.outcome.summary_unchecked", {
                    "name": name, "detail": detail, "rejected": rejected})
            return True, Message("import.outcome.summary_checked", {"name": name, "detail": detail})
    refused = [detail for detail, ok, _label, _rejected, _refusal in outcomes if not ok]
    reason = (Message("import.refused.summary_detail_refused", {"detail": refused[0]}) if refused
              else Message("import.refused.summary_without_detail"))
    return False, Message("import.outcome.refused", {"name": name, "reason": reason})


def _plain(member: str | None) -> str:
    # a member's name without its folders, with the full-width brackets Alipay also writes
    return (member or "").rsplit("/", 1)[-1].replace("（", "(").replace("）", ")")
