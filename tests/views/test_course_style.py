"""The look lives in one stylesheet: no inline colours, no override list, every tool ships the CSS.

The situation this guards: in JupyterLab's dark theme the sitting timer's 30:00 was near-black on
black because the views coloured their text inline with a light palette, and Voila's dark theme
only worked by string-matching those inline styles (``[style*="color:#4a4a4a"]``). The views
now carry classes; ``widgets/course.css`` builds every colour on JupyterLab's theme variables.
This file checks the markup every tool really produces, in the states a learner reaches, and
the source and CSS files; tests/browser/test_themes.py checks the colours on screen with axe.
"""

from __future__ import annotations

import re
from pathlib import Path

import ipywidgets as w
import pytest

from tests.support.paths import REPO
from widgets.ui import PALETTE, TONES, course_css, stylesheet

#: A style attribute (either quote) and what it holds.
STYLE_ATTR = re.compile(r"""\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
#: Properties that paint: none of them may be set inline.
PAINT = re.compile(r"colou?r|background|border|fill|stroke|outline|shadow", re.I)
HEX = re.compile(r"#[0-9a-fA-F]{3,8}\b")
#: A hex colour is allowed in CSS only as the fallback of a JupyterLab theme variable.
JP_FALLBACK = re.compile(r"var\(--jp-[\w-]+,\s*#[0-9a-fA-F]{3,8}\)")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def walk(root):
    yield root
    for child in getattr(root, "children", ()):
        yield from walk(child)


def markup_of(root) -> list[str]:
    """Every HTML string a tool shows (HTML widgets' values and labels)."""
    found = []
    for x in walk(root):
        for name in ("value", "description"):
            value = getattr(x, name, None)
            if isinstance(value, str) and "<" in value:
                found.append(value)
    return found


def inline_paint(root) -> list[str]:
    """Inline styles that paint, and widget layouts given a colour, anywhere under ``root``."""
    bad = []
    for text in markup_of(root):
        for m in STYLE_ATTR.finditer(text):
            style = m.group(1) or m.group(2) or ""
            if PAINT.search(style):
                bad.append(style)
    for x in walk(root):
        layout = getattr(x, "layout", None)
        if isinstance(layout, w.Layout):
            for name in layout.keys:
                value = getattr(layout, name)
                if isinstance(value, str) and (HEX.search(value) or "rgb" in value):
                    bad.append(f"{type(x).__name__}.layout.{name}={value}")
    return bad


# -- every tool, in the states a learner reaches ---------------------------------------------


def timer_states():
    from widgets.timer import SittingTimer

    clock = Clock()
    timer = SittingTimer(clock=clock)
    yield "idle", timer
    timer._start.click()
    clock.now += 60
    timer.refresh()
    yield "sitting", timer
    clock.now += 30 * 60
    timer.refresh()
    yield "break due", timer
    timer._took_break.click()
    yield "on a break", timer
    timer._pause.click()
    yield "paused", timer
    timer._preset.value = "custom"
    timer._sit_field.value = "lots"
    yield "bad time typed", timer


def ticked_states(view, all_ticked: str):
    """A view of tick boxes (``view._boxes``): with nothing ticked, then with every box ticked."""
    yield "nothing ticked", view
    for box in view._boxes.values():
        box.value = True
    yield all_ticked, view


def posture_states():
    from widgets.timer import PostureCheck

    yield from ticked_states(PostureCheck(), "all ticked")


def nutrient_states():
    from widgets.nutrients.view import NutrientChecklist

    view = NutrientChecklist()
    yield "empty", view
    view._ticks["banana"].value = True
    view._servings["banana"].value = "30"
    yield "banana, too many servings", view
    view._servings["banana"].value = "20"
    yield "over a target", view


def selfcheck_states():
    from widgets.selfcheck.view import SymptomCheck

    view = SymptomCheck()
    view._next.click()
    yield "unanswered", view
    for qid, field in view._fields.items():
        if hasattr(field, "options") or field.value is None:
            field.value = qid == "both_legs"
    view._next.click()
    yield "emergency result", view


def quiz_states():
    from widgets.quiz.view import Quiz

    quiz = Quiz("03")
    q = next(q for q in quiz.quiz.questions if q.kind == "single")
    wrong = next(o for o in q.options if not o.correct)
    quiz._check[q.id].click()
    yield "checked unanswered", quiz
    quiz._controls[q.id].value = wrong.id
    quiz._check[q.id].click()
    yield "wrong", quiz
    quiz._controls[q.id].value = q.right_ids[0]
    quiz._check[q.id].click()
    yield "right", quiz


def causes_states():
    from widgets.causes import CauseExplorer

    yield from ticked_states(CauseExplorer(), "every cause")


def planner_states():
    from widgets.planner.view import EvidenceTable, HeatColdPlanner

    yield "evidence", EvidenceTable()
    clock = Clock()
    view = HeatColdPlanner(clock=clock)
    view._amount.value = "two"
    yield "bad onset", view
    view._amount.value = "2"
    yield "advice", view
    for box in view._cautions.values():
        box.value = True
    yield "every caution", view


def routine_states():
    from widgets.routine.view import GuidedRoutine

    clock = Clock()
    view = GuidedRoutine(clock=clock)
    yield "idle", view
    view._start.click()
    clock.now += 3
    view.refresh()
    yield "holding", view


def plan_states():
    from widgets.plan.view import MyBackCarePlan

    view = MyBackCarePlan()
    view.update()
    yield "plan", view


def dashboard_states():
    from widgets.dashboard import Dashboard

    d = Dashboard()
    for i in range(3):
        d.select(i)
    yield "every tab", d


STATES = [
    timer_states, posture_states, nutrient_states, selfcheck_states, quiz_states,
    causes_states, planner_states, routine_states, plan_states, dashboard_states,
]  # fmt: skip


@pytest.mark.parametrize("states", STATES, ids=lambda f: f.__name__.removesuffix("_states"))
def test_no_tool_paints_inline_in_any_state(states):
    seen = 0
    for state, view in states():
        assert inline_paint(view) == [], f"{states.__name__} [{state}]"
        seen += 1
    assert seen >= 1


@pytest.mark.parametrize("states", STATES, ids=lambda f: f.__name__.removesuffix("_states"))
def test_every_tool_carries_the_course_stylesheet(states):
    _, view = next(iter(states()))
    sheets = [x for x in walk(view) if "bsc-stylesheet" in getattr(x, "_dom_classes", ())]
    assert sheets, f"{type(view).__name__} shows no course stylesheet"
    assert all(x is stylesheet() for x in sheets), "one shared stylesheet widget per kernel"
    assert "--bsc-emergency" in sheets[0].value and sheets[0].value.startswith("<style>")
    assert "bsc-tool" in view._dom_classes  # the focus ring's hook


def test_tones_are_classes_the_stylesheet_defines_on_theme_variables():
    css = course_css()
    for tone in TONES:
        assert PALETTE[tone] == f"bsc-tone-{tone}"
        assert re.search(rf"\.{PALETTE[tone]}\s*\{{\s*color:\s*var\(--bsc-{tone}\)", css), tone
        definition = re.search(rf"--bsc-{tone}:\s*([^;]+);", css)
        assert definition and "var(--" in definition.group(1), tone


def test_the_break_alert_and_the_state_line_are_coloured_by_tone():
    from widgets.timer import SittingTimer

    clock = Clock()
    timer = SittingTimer(clock=clock)
    assert PALETTE["info"] in timer._state.value  # "State: Not started"
    assert "bsc-digits" in timer._countdown.value  # 30:00 in the page's own text colour
    timer._start.click()
    clock.now += 31 * 60
    timer.refresh()
    assert "bsc-panel-emergency" in timer._alert_text.value
    assert PALETTE["emergency"] in timer._state.value


# -- the files ------------------------------------------------------------------------------------


def course_files(*suffixes: str) -> list[Path]:
    found = []
    for folder in ("widgets", "share"):
        found += [p for p in (REPO / folder).rglob("*") if p.suffix in suffixes and p.is_file()]
    assert found, f"no {suffixes} files under widgets/ or share/"
    return sorted(found)


def test_no_source_line_sets_an_inline_colour_or_matches_one():
    inline = re.compile(r"""style\s*=\s*["'][^"']*colou?r""", re.I)
    bad = []
    for path in course_files(".py", ".js", ".j2", ".html", ".css"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if inline.search(line) or "style*=" in line:
                bad.append(f"{path.relative_to(REPO)}:{n}: {line.strip()}")
    assert bad == []


def test_css_colours_come_from_theme_variables_with_no_override_list():
    bad = []
    for path in course_files(".css", ".j2"):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".j2":  # the template's CSS only (its JS has #ids)
            text = "".join(re.findall(r"<style>(.*?)</style>", text, re.S))
        # Comments say why; only declarations paint (line numbers kept).
        text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group().count("\n"), text, flags=re.S)
        for n, line in enumerate(text.splitlines(), 1):
            rest = JP_FALLBACK.sub("", line)
            if HEX.search(rest) or re.search(r"rgba?\(\s*\d", rest):
                bad.append(f"{path.relative_to(REPO)}:{n}: literal colour: {line.strip()}")
            if re.search(r"theme-dark|theme-light|data-jp-theme", line):
                bad.append(f"{path.relative_to(REPO)}:{n}: per-theme override: {line.strip()}")
    assert bad == []
