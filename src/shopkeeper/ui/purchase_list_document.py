"""The reorder list as a purchase list to print or send: a page a supplier can read.

The figures are services/reorder_list.py's; this module only lays them out in
the seller's language and writes the page as a PDF (QPdfWriter) or sends it to
a printer. A line with no known cost is listed without money and the total says
it leaves those lines out, as the window does.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message
from shopkeeper.services.reorder_list import ReorderList
from shopkeeper.ui.formatting import money, money_per_currency

translate = QCoreApplication.translate


def purchase_list_html(plan: ReorderList) -> str:
    esc = html.escape
    head = (translate("PurchaseList", "SKU"), translate("PurchaseList", "Product"),
            translate("PurchaseList", "Variant"), translate("PurchaseList", "Quantity"),
            translate("PurchaseList", "Pack size"), translate("PurchaseList", "Unit cost"),
            translate("PurchaseList", "Amount"))
    rows = []
    for line in plan.lines:
        cells = (line.sku, line.product, line.variant or "", f"{line.quantity:,}",
                 "" if line.pack_size is None else f"{line.pack_size:,}",
                 "—" if line.cost is None else f"{money(line.cost)} {line.currency}",
                 "—" if line.value is None else f"{money(line.value)} {line.currency}")
        rows.append("<tr>" + "".join(
            f"<td align='right'>{esc(c)}</td>" if i >= 3 else f"<td>{esc(c)}</td>" for i, c in enumerate(cells)
        ) + "</tr>")
    totals = money_per_currency(plan.totals)
    total_text = translate("PurchaseList", "Total: {money}").format(money=totals)
    if plan.without_cost:
        total_text += " " + translate("PurchaseList", "(lines without a cost, not counted: {n})").format(
            n=plan.without_cost)
    units = sum(line.quantity for line in plan.lines)
    title = translate("PurchaseList", "Purchase list")
    day = translate("PurchaseList", "Date: {day}").format(day=plan.today.isoformat())
    skus = translate("PurchaseList", "SKUs: {n}").format(n=f"{len(plan.lines):,}")
    unit_text = translate("PurchaseList", "Units: {n}").format(n=f"{units:,}")
    how = translate("PurchaseList", "Quantities reach each SKU’s target cover after its lead time, "
                                    "rounded up to the pack size and at least the minimum order.")
    return (
        "<html><body style='font-size:10pt'>"
        f"<h2>{esc(title)}</h2>"
        f"<p>{esc(day)} · {esc(skus)} · {esc(unit_text)}</p>"
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        "<thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in head) + "</tr></thead>"
        "<tbody>" + "".join(rows) + "</tbody></table>"
        f"<p><b>{esc(total_text)}</b></p>"
        f"<p style='color:#666'>{esc(how)}</p>"
        "</body></html>"
    )


def _document(plan: ReorderList) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(purchase_list_html(plan))
    return doc


def save_purchase_list_pdf(plan: ReorderList, path: Path) -> None:
    """Written beside the target and renamed, so a full disk never leaves half a PDF under the seller's name."""
    target = Path(path)
    tmp = target.with_name(target.name + ".partial")
    try:
        writer = QPdfWriter(str(tmp))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
        writer.setTitle(translate("PurchaseList", "Purchase list"))
        doc = _document(plan)
        doc.print_(writer)
        del writer  # the file is finished when the writer goes
        if not tmp.exists() or tmp.stat().st_size == 0:
            raise OSError(0, translate("PurchaseList", "the PDF could not be written"))
        os.replace(tmp, target)
    except OSError as exc:
        raise KnownError(Message("export.write_failed", {"path": str(target), "reason": exc.strerror or str(exc)})) \
            from exc
    finally:
        tmp.unlink(missing_ok=True)


def print_purchase_list(plan: ReorderList, parent: QWidget) -> bool:
    """Ask for a printer and print; False when the seller cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    _document(plan).print_(printer)
    return True
