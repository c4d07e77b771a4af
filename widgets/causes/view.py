"""The cause explorer of lesson 02: ``CauseExplorer()``.

The learner ticks what was part of their week; a map links each ticked cause to the lessons that
address it, and a panel says what the evidence does and does not say. It is a picture, not a
score: no risk numbers. The view only displays; the mapping is :mod:`widgets.causes.model`.
"""

from __future__ import annotations

import html

import ipywidgets as w

from widgets.causes.model import CAUSE_MAP, CauseMap
from widgets.ui import PALETTE, disclaimer

# Map geometry (SVG user units; the drawing scales to the page width).
_WIDTH = 720
_TOP = 34
_CAUSE_X, _CAUSE_W, _CAUSE_H, _CAUSE_STEP = 0, 280, 44, 54
_LESSON_X, _LESSON_W, _LESSON_H, _LESSON_STEP = 390, 330, 54, 64
_INFO, _MUTED, _ALERT = PALETTE["info"], PALETTE["muted"], PALETTE["emergency"]
_LIGHT = "#eef3fb"  # PALETTE["info"] keeps 4.5:1 on it


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def map_svg(chosen: tuple[str, ...], cause_map: CauseMap = CAUSE_MAP) -> str:
    """The map as SVG: chosen causes on the left, linked by lines to lesson cards on the right.

    Cards of the lessons that address a chosen cause are highlighted; cards of lessons that
    exist are links (relative ``NN-name.ipynb``), cards of lessons not written yet say "coming
    soon" and link nowhere. All text is escaped.
    """
    chosen = cause_map.check(chosen)
    lessons = cause_map.mapped_lessons
    linked = cause_map.lessons_for(chosen)
    rows = max(len(chosen), 1)
    height = _TOP + max(rows * _CAUSE_STEP, len(lessons) * _LESSON_STEP) + 6
    cause_y = {cid: _TOP + i * _CAUSE_STEP for i, cid in enumerate(chosen)}
    lesson_y = {n: _TOP + i * _LESSON_STEP for i, n in enumerate(lessons)}
    parts = [
        # On a phone the map keeps a readable size and scrolls sideways; the notes below it say
        # the same in text.
        '<div style="overflow-x:auto">'
        f'<svg class="bsc-causes-svg" viewBox="0 0 {_WIDTH} {height}" width="100%" '
        f'style="min-width:540px;max-width:{_WIDTH}px;font-family:inherit" role="group" '
        f'aria-label="Map: the causes you ticked, linked to the lessons that deal with them">',
        f'<text x="{_CAUSE_X}" y="18" font-size="15" font-weight="bold" fill="#1a1a1a">'
        "Your week</text>",
        f'<text x="{_LESSON_X}" y="18" font-size="15" font-weight="bold" fill="#1a1a1a">'
        "Lessons that deal with it</text>",
    ]
    # Lines first, so that boxes sit on top of their ends.
    for cid, number in cause_map.links(chosen):
        x1, y1 = _CAUSE_X + _CAUSE_W, cause_y[cid] + _CAUSE_H / 2
        x2, y2 = _LESSON_X, lesson_y[number] + _LESSON_H / 2
        mid = (x1 + x2) / 2
        colour = _ALERT if cause_map.causes[cid].warning else _INFO
        parts.append(
            f'<path class="bsc-causes-link" data-cause="{_esc(cid)}" data-lesson="{number}" '
            f'd="M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}" fill="none" stroke="{colour}" '
            f'stroke-width="2.5"/><circle cx="{x2}" cy="{y2}" r="4" fill="{colour}"/>'
        )
    if not chosen:
        parts.append(
            f'<rect x="{_CAUSE_X + 1}" y="{_TOP}" width="{_CAUSE_W - 2}" height="{_CAUSE_H}" '
            f'rx="8" fill="#fff" stroke="{_MUTED}" stroke-dasharray="6 4"/>'
            f'<text x="{_CAUSE_X + 14}" y="{_TOP + 27}" font-size="14" fill="{_MUTED}">'
            "Tick what applies to your week</text>"
        )
    for cid in chosen:
        cause, y = cause_map.causes[cid], cause_y[cid]
        fill = _ALERT if cause.warning else _INFO
        parts.append(
            f'<g class="bsc-causes-cause" data-cause="{_esc(cid)}">'
            f'<rect x="{_CAUSE_X + 1}" y="{y}" width="{_CAUSE_W - 2}" height="{_CAUSE_H}" rx="8" '
            f'fill="{fill}"/><text x="{_CAUSE_X + 14}" y="{y + 27}" font-size="14" '
            f'font-weight="bold" fill="#fff">{_esc(cause.label)}</text></g>'
        )
    for number in lessons:
        lesson, y = cause_map.lessons[number], lesson_y[number]
        on = number in linked
        state = "on" if on else "off"
        box = (
            f'fill="{_LIGHT}" stroke="{_INFO}" stroke-width="3"'
            if on
            else f'fill="#fff" stroke="{_MUTED}" stroke-width="1.5" stroke-dasharray="5 4"'
        )
        title = f"Lesson {number}: {lesson.title}"
        card = [
            f'<rect x="{_LESSON_X + 1.5}" y="{y}" width="{_LESSON_W - 3}" height="{_LESSON_H}" '
            f'rx="8" {box}/>',
            f'<text x="{_LESSON_X + 14}" y="{y + 22}" font-size="14" '
            f'font-weight="{"bold" if on else "normal"}" fill="{"#1a1a1a" if on else _MUTED}">'
            f"{_esc(title)}</text>",
        ]
        if lesson.available:
            card.append(
                f'<text x="{_LESSON_X + 14}" y="{y + 42}" font-size="13" fill="{_INFO}" '
                f'text-decoration="underline">Open the lesson ›</text>'
            )
            inner = "".join(card)
            card = [f'<a href="{_esc(lesson.file)}" aria-label="Open {_esc(title)}">{inner}</a>']
        else:
            card.append(
                f'<text x="{_LESSON_X + 14}" y="{y + 42}" font-size="13" fill="{_MUTED}" '
                f'font-style="italic">Coming soon</text>'
            )
        parts.append(
            f'<g class="bsc-causes-lesson bsc-causes-lesson-{state}" data-lesson="{number}">'
            + "".join(card)
            + "</g>"
        )
    parts.append("</svg></div>")
    return "".join(parts)


def _lesson_ref(number: str, cause_map: CauseMap) -> str:
    lesson = cause_map.lessons[number]
    name = f"Lesson {number}: {_esc(lesson.title)}"
    if lesson.available:
        return f'<a href="{_esc(lesson.file)}" style="color:{_INFO}">{name}</a>'
    return f"{name} <em>(coming soon)</em>"


def details_html(chosen: tuple[str, ...], cause_map: CauseMap = CAUSE_MAP) -> str:
    """What the evidence says about each chosen cause, with its lessons and source (escaped)."""
    chosen = cause_map.check(chosen)
    if not chosen:
        return (
            f'<p style="color:{_MUTED}">Tick a cause above to see what the evidence says about '
            "it and which lessons deal with it.</p>"
        )
    parts = ["<h4>What the evidence says</h4>"]
    for cid in chosen:
        cause = cause_map.causes[cid]
        lessons = "; ".join(_lesson_ref(n, cause_map) for n in cause.lessons)
        parts.append(
            f'<div class="bsc-causes-detail" data-cause="{_esc(cid)}" '
            f'style="border-left:4px solid {_ALERT if cause.warning else _INFO};'
            f'padding:0.2em 0.8em;margin:0.6em 0;line-height:1.45">'
            f'<p style="margin:0.2em 0"><strong>{_esc(cause.label)}</strong>: '
            f"{_esc(cause.what)}</p>"
            f'<p style="margin:0.2em 0">{_esc(cause.evidence)}</p>'
            f'<p style="margin:0.2em 0"><strong>Lessons:</strong> {lessons}</p>'
            f'<p style="margin:0.2em 0;color:{_MUTED};font-size:0.9em">Source: '
            f"{_esc(cause.source)}</p></div>"
        )
    return "".join(parts)


def warning_html(chosen: tuple[str, ...], cause_map: CauseMap = CAUSE_MAP) -> str:
    """An alert for each chosen cause that carries a warning; empty when none does."""
    warnings = [cause_map.causes[c].warning for c in cause_map.check(chosen)]
    warnings = [text for text in warnings if text]
    if not warnings:
        return ""
    items = "".join(f"<p style='margin:0.3em 0'>{_esc(text)}</p>" for text in warnings)
    return (
        f'<div role="alert" style="border:3px solid {_ALERT};background:#fdecee;color:#1a1a1a;'
        f'padding:0.3em 0.8em;border-radius:6px"><p style="margin:0.3em 0;color:{_ALERT};'
        f'font-weight:bold"><span aria-hidden="true">⚠ </span>Check this first</p>{items}</div>'
    )


class CauseExplorer(w.VBox):
    """Tick the causes that were part of your week; see which lessons deal with each.

    Parameters
    ----------
    cause_map : CauseMap, optional
        The causes and lessons; the course's ``causes.toml`` by default.

    Examples
    --------
    >>> from widgets.causes import CauseExplorer
    >>> CauseExplorer()  # doctest: +SKIP
    """

    def __init__(self, cause_map: CauseMap = CAUSE_MAP, **kwargs) -> None:
        super().__init__(**kwargs)
        self.add_class("bsc-causes")
        self.cause_map = cause_map
        intro = w.HTML(
            "<style>.bsc-causes .widget-html-content { line-height: 1.45; }</style>"
            '<h3 style="margin-bottom:0.2em">What was part of your week?</h3>'
            "<p>Tick anything that applies. The map shows which lessons deal with each one, "
            "and the notes below say what the evidence does and does not say. It is not a "
            "score. Your ticks stay on this page while it is open: nothing is saved or sent.</p>"
        )
        # One layout shared by every checkbox: fewer widget models for the page to load.
        layout = w.Layout(width="auto")
        self._boxes: dict[str, w.Checkbox] = {}
        for cid, cause in cause_map.causes.items():
            box = w.Checkbox(
                value=False, description=cause.label, indent=False, layout=layout,
                tooltip=cause.what,
            )  # fmt: skip
            box.add_class(f"bsc-cause-{cid}")
            box.observe(lambda _c: self.refresh(), names="value")
            self._boxes[cid] = box
        ticks = w.Box(
            list(self._boxes.values()),
            layout=w.Layout(display="flex", flex_flow="row wrap", grid_gap="0 1.5em"),
        )
        ticks.add_class("bsc-causes-ticks")
        self._warning = w.HTML()
        self._warning.add_class("bsc-causes-warning")
        self._map = w.HTML()
        self._map.add_class("bsc-causes-map")
        self._details = w.HTML()
        self._details.add_class("bsc-causes-details")
        self._clear = w.Button(
            description="Clear my ticks",
            icon="eraser",
            tooltip="Untick every cause",
            layout=w.Layout(width="auto"),
        )
        self._clear.on_click(self._on_clear)
        self.children = [
            intro, ticks, self._warning, self._map, self._details, self._clear, disclaimer()
        ]  # fmt: skip
        self.refresh()

    @property
    def chosen(self) -> tuple[str, ...]:
        """The ids of the ticked causes, in data order."""
        return tuple(cid for cid, box in self._boxes.items() if box.value)

    def refresh(self) -> None:
        """Redraw the warning, the map and the notes for the ticked causes."""
        chosen = self.chosen
        self._warning.value = warning_html(chosen, self.cause_map)
        self._map.value = map_svg(chosen, self.cause_map)
        self._details.value = details_html(chosen, self.cause_map)

    def _on_clear(self, _button=None) -> None:
        for box in self._boxes.values():
            box.value = False
