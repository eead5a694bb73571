"""The panel beside a table that shows the selected row in full (master-detail)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget


class RichText(str):
    """A value already written as HTML (its own parts escaped): shown as it is, not escaped again."""

    __slots__ = ()


def highlighted(text: str, words: Sequence[str], color: str = "#c62828") -> RichText:
    """`text` escaped, with every occurrence of `words` marked (longest first, Latin letters without case)."""
    spans: list[tuple[int, int]] = []
    folded = text.lower() if text.isascii() else "".join(c.lower() if c.isascii() else c for c in text)
    for word in sorted({w for w in words if w}, key=len, reverse=True):
        needle = word.lower() if word.isascii() else "".join(c.lower() if c.isascii() else c for c in word)
        start = folded.find(needle)
        while start >= 0:
            end = start + len(needle)
            if not any(s < end and start < e for s, e in spans):
                spans.append((start, end))
            start = folded.find(needle, end)
    out, at = [], 0
    for start, end in sorted(spans):
        out.append(escape(text[at:start]))
        out.append(f"<b style='color:{color}; background:#ffebee'>{escape(text[start:end])}</b>")
        at = end
    out.append(escape(text[at:]))
    return RichText("".join(out))


class DetailPanel(QScrollArea):
    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(240)
        self.body = QLabel(self)
        self.body.setObjectName("detailBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setContentsMargins(10, 8, 10, 8)
        self.body.setStyleSheet("QLabel#detailBody { background: palette(base); }")
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.body)
        self._holder_layout = layout
        self.setWidget(holder)
        self._placeholder = placeholder
        self.show_placeholder()

    def add_below(self, widget: QWidget) -> None:
        """Show `widget` under the text (a chart, a small table), scrolling with it."""
        self._holder_layout.addWidget(widget)

    def show_placeholder(self) -> None:
        self.body.setText(f"<p style='color:#757575'>{escape(self._placeholder)}</p>")

    def show_sections(self, title: str, subtitle: str, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        """A title, then headed sections of label/value rows; values are plain text (escaped here) or RichText."""
        parts = [f"<div style='font-size:15px'><b>{escape(title)}</b></div>"]
        if subtitle:
            parts.append(f"<div style='color:#555'>{escape(subtitle)}</div>")
        for heading, rows in sections:
            parts.append(f"<div style='margin-top:10px; color:#1565c0'><b>{escape(heading)}</b></div>")
            cells = "".join(
                f"<tr><td style='color:#616161; padding-right:12px'>{escape(label)}</td>"
                f"<td>{value if isinstance(value, RichText) else escape(value)}</td></tr>"
                for label, value in rows
            )
            parts.append(f"<table cellspacing='0' cellpadding='2'>{cells}</table>")
        self.body.setText("".join(parts))

    def text(self) -> str:
        return self.body.text()
