"""Small pieces every view shares: the disclaimer, field messages, the course palette.

Views import from here rather than re-inventing a message label or a disclaimer.
"""

from __future__ import annotations

import html

import ipywidgets as w

from widgets.text import DISCLAIMER

__all__ = ["DISCLAIMER", "PALETTE", "disclaimer", "message", "show_message"]


#: Colours that meet WCAG AA (4.5:1) as text on white, and on their own light backgrounds.
PALETTE = {
    "emergency": "#b00020",
    "urgent": "#a84300",
    "see-doctor": "#6b5900",
    "self-care": "#1b6e35",
    "info": "#1d4f91",
    "muted": "#4a4a4a",
}


def disclaimer() -> w.HTML:
    """The education-not-diagnosis notice, as a widget."""
    return w.HTML(
        f'<p class="bsc-disclaimer" role="note"><strong>Please note:</strong> '
        f"{html.escape(DISCLAIMER)}</p>"
    )


def message() -> w.HTML:
    """An empty message area to sit next to a field; fill it with :func:`show_message`."""
    return w.HTML("", layout=w.Layout(min_height="0"))


def show_message(area: w.HTML, text: str, kind: str = "error") -> None:
    """Show ``text`` (escaped) in ``area``; ``kind`` is "error", "info" or "ok"; "" clears it."""
    if not text:
        area.value = ""
        return
    colour = {"error": PALETTE["emergency"], "ok": PALETTE["self-care"]}.get(kind, PALETTE["info"])
    role = "alert" if kind == "error" else "status"
    prefix = {"error": "⚠ ", "ok": "✓ "}.get(kind, "")
    area.value = (
        f'<span class="bsc-message bsc-message-{kind}" role="{role}" '
        f'style="color:{colour}">{prefix}{html.escape(text)}</span>'
    )
