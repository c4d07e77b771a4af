"""The cause explorer of lesson 02: ``CauseExplorer()``.

The learner ticks what was part of their week; a map links each ticked cause to the lessons that
address it, and a panel says what the evidence does and does not say. It is a picture, not a
score: no risk numbers. The view only displays; the mapping is :mod:`widgets.causes.model`.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from widgets.causes.model import CAUSE_MAP, CauseMap
from widgets.ui import PALETTE, disclaimer, stylesheet

# Map geometry (SVG user units; the drawing scales to the page width).
_WIDTH = 720
_TOP = 34
_CAUSE_X, _CAUSE_W, _CAUSE_H, _CAUSE_STEP = 0, 280, 44, 54
_LESSON_X, _LESSON_W, _LESSON_H, _LESSON_STEP = 390, 330, 54, 64
#: The map's colours are classes of the course stylesheet (widgets/course.css): SVG presentation
#: attributes cannot follow the page's theme, CSS can.
_INFO, _MUTED, _ALERT = PALETTE["info"], PALETTE["muted"], PALETTE["emergency"]


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
        '<div class="bsc-scroll">'
        f'<svg class="bsc-causes-svg" viewBox="0 0 {_WIDTH} {height}" width="100%" '
        f'role="group" '
        f'aria-label="Map: the causes you ticked, linked to the lessons that deal with them">',
        f'<text class="bsc-map-heading" x="{_CAUSE_X}" y="18" font-size="15" font-weight="bold">'
        "Your week</text>",
        f'<text class="bsc-map-heading" x="{_LESSON_X}" y="18" font-size="15" '
        'font-weight="bold">'
        "Lessons that deal with it</text>",
    ]
    # Lines first, so that boxes sit on top of their ends.
    for cid, number in cause_map.links(chosen):
        x1, y1 = _CAUSE_X + _CAUSE_W, cause_y[cid] + _CAUSE_H / 2
        x2, y2 = _LESSON_X, lesson_y[number] + _LESSON_H / 2
        mid = (x1 + x2) / 2
        tone = "emergency" if cause_map.causes[cid].warning else "info"
        parts.append(
            f'<path class="bsc-causes-link" data-tone="{tone}" data-cause="{escape(cid)}" '
            f'data-lesson="{number}" d="M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}" '
            f'fill="none" stroke-width="2.5"/>'
            f'<circle class="bsc-fill-{tone}" cx="{x2}" cy="{y2}" r="4"/>'
        )
    if not chosen:
        parts.append(
            f'<rect x="{_CAUSE_X + 1}" y="{_TOP}" width="{_CAUSE_W - 2}" height="{_CAUSE_H}" '
            'rx="8" class="bsc-map-empty" stroke-dasharray="6 4"/>'
            f'<text class="bsc-fill-muted" x="{_CAUSE_X + 14}" y="{_TOP + 27}" font-size="14">'
            "Tick what applies to your week</text>"
        )
    for cid in chosen:
        cause, y = cause_map.causes[cid], cause_y[cid]
        fill = "bsc-fill-emergency" if cause.warning else "bsc-fill-info"
        parts.append(
            f'<g class="bsc-causes-cause" data-cause="{escape(cid)}">'
            f'<rect class="{fill}" x="{_CAUSE_X + 1}" y="{y}" width="{_CAUSE_W - 2}" '
            f'height="{_CAUSE_H}" rx="8"/><text class="bsc-fill-on-tone" x="{_CAUSE_X + 14}" '
            f'y="{y + 27}" font-size="14" font-weight="bold">{escape(cause.label)}</text></g>'
        )
    for number in lessons:
        lesson, y = cause_map.lessons[number], lesson_y[number]
        on = number in linked
        state = "on" if on else "off"
        box = (
            'class="bsc-map-card-on" stroke-width="3"'
            if on
            else 'class="bsc-map-card-off" stroke-width="1.5" stroke-dasharray="5 4"'
        )
        title = f"Lesson {number}: {lesson.title}"
        card = [
            f'<rect x="{_LESSON_X + 1.5}" y="{y}" width="{_LESSON_W - 3}" height="{_LESSON_H}" '
            f'rx="8" {box}/>',
            f'<text x="{_LESSON_X + 14}" y="{y + 22}" font-size="14" '
            f'font-weight="{"bold" if on else "normal"}" '
            f'class="{"bsc-fill-text" if on else "bsc-fill-muted"}">'
            f"{escape(title)}</text>",
        ]
        if lesson.available:
            card.append(
                f'<text class="bsc-fill-info" x="{_LESSON_X + 14}" y="{y + 42}" font-size="13" '
                f'text-decoration="underline">Open the lesson ›</text>'
            )
            inner = "".join(card)
            card = [
                f'<a href="{escape(lesson.file)}" aria-label="Open {escape(title)}">{inner}</a>'
            ]
        else:
            card.append(
                f'<text class="bsc-fill-muted" x="{_LESSON_X + 14}" y="{y + 42}" font-size="13" '
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
    name = f"Lesson {number}: {escape(lesson.title)}"
    if lesson.available:
        return f'<a href="{escape(lesson.file)}" class="{_INFO}">{name}</a>'
    return f"{name} <em>(coming soon)</em>"


def details_html(chosen: tuple[str, ...], cause_map: CauseMap = CAUSE_MAP) -> str:
    """What the evidence says about each chosen cause, with its lessons and source (escaped)."""
    chosen = cause_map.check(chosen)
    if not chosen:
        return (
            f'<p class="{_MUTED}">Tick a cause above to see what the evidence says about '
            "it and which lessons deal with it.</p>"
        )
    parts = ["<h4>What the evidence says</h4>"]
    for cid in chosen:
        cause = cause_map.causes[cid]
        lessons = "; ".join(_lesson_ref(n, cause_map) for n in cause.lessons)
        tone = "emergency" if cause.warning else "info"
        parts.append(
            f'<div class="bsc-causes-detail bsc-panel bsc-panel-side bsc-border-{tone}" '
            f'data-cause="{escape(cid)}">'
            f'<p class="bsc-p"><strong>{escape(cause.label)}</strong>: '
            f"{escape(cause.what)}</p>"
            f'<p class="bsc-p">{escape(cause.evidence)}</p>'
            f'<p class="bsc-p"><strong>Lessons:</strong> {lessons}</p>'
            '<p class="bsc-p bsc-note">Source: '
            f"{escape(cause.source)}</p></div>"
        )
    return "".join(parts)


def warning_html(chosen: tuple[str, ...], cause_map: CauseMap = CAUSE_MAP) -> str:
    """An alert for each chosen cause that carries a warning; empty when none does."""
    warnings = [cause_map.causes[c].warning for c in cause_map.check(chosen)]
    warnings = [text for text in warnings if text]
    if not warnings:
        return ""
    items = "".join(f"<p class='bsc-p'>{escape(text)}</p>" for text in warnings)
    return (
        '<div role="alert" class="bsc-panel bsc-panel-strong bsc-panel-emergency">'
        f'<p class="bsc-pack-verdict {_ALERT}">'
        f'<span aria-hidden="true">⚠ </span>Check this first</p>{items}</div>'
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
        self.add_class("bsc-tool")
        self.add_class("bsc-causes")
        self.cause_map = cause_map
        intro = w.HTML(
            '<h3 class="bsc-heading">What was part of your week?</h3>'
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
            stylesheet(), intro, ticks, self._warning, self._map, self._details, self._clear,
            disclaimer(),
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
