"""The tools read well in every theme: Voila light and dark, JupyterLab light and dark.

The situation: a learner opens lesson 03 in JupyterLab with its dark theme and starts the sitting
timer. Before the course stylesheet, the 30:00 countdown was near-black on black, "State: Not
started" dark blue on black and the schedule's source line grey on black: the views coloured
their text inline with a light palette, and only Voila's ``?theme=dark`` had an override list.
Here each page is opened as a learner would, the timer started, the text colours measured
against what is really behind them (WCAG AA, 4.5:1), and axe-core run over the tools.
Screenshots go to ``test-artifacts/theme-<front end>-<theme>-<page>.png``.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.harness import axe_report, open_page
from tests.browser.jupyter import forgive_early_image_404s, run_all
from tests.browser.test_app import ARTIFACTS
from tests.browser.test_lab import workspace
from tests.support.paths import NOTEBOOKS
from tests.support.servers import start_jupyter, stop

LESSON = "03-sitting-and-posture.ipynb"
DASHBOARD = "dashboard.ipynb"
LAB_THEMES = {"light": "JupyterLab Light", "dark": "JupyterLab Dark"}
#: The course's tools on these pages (axe looks at them, not at JupyterLab's own chrome).
TOOL_ROOTS = (".bsc-timer", ".bsc-posture", ".bsc-quiz", ".bsc-dashboard")
#: The timer's text a learner reads first: the countdown, its caption, the state, the source.
TIMER_TEXT = {
    "countdown": ".bsc-timer .bsc-timer-digits",
    "caption": ".bsc-timer .bsc-timer-countdown .bsc-row > span:last-child",
    "state": ".bsc-timer .bsc-timer-state p",
    "source": ".bsc-timer .bsc-timer-source p",
}

#: For each element matched: its text colour, the colour really behind it (the nearest painted
#: ancestors, composited), and their contrast ratio. Computed colours come as rgb(), rgba() or,
#: for color-mix(), as color(srgb r g b / a).
CONTRAST_JS = """(selectors) => {
  function parse(c) {
    let m = /^color\\(srgb ([\\d.e-]+) ([\\d.e-]+) ([\\d.e-]+)(?: \\/ ([\\d.e-]+))?\\)$/.exec(c);
    if (m) { return [m[1] * 255, m[2] * 255, m[3] * 255, m[4] === undefined ? 1 : +m[4]]; }
    m = /^rgba?\\(([\\d.]+),? ([\\d.]+),? ([\\d.]+)(?:,? \\/? ?([\\d.]+))?\\)$/.exec(c);
    if (m) { return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]]; }
    throw new Error('cannot read the colour ' + c);
  }
  function over(top, bottom) {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  }
  function behind(el) {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg[3] > 0) { layers.push(bg); }
      if (bg[3] >= 1) { break; }
    }
    let colour = [255, 255, 255, 1];  // the canvas, if nothing is painted
    for (let i = layers.length - 1; i >= 0; i--) { colour = over(layers[i], colour); }
    return colour;
  }
  function lum(c) {
    const f = v => {
      v /= 255;
      return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  }
  const out = {};
  for (const [name, sel] of Object.entries(selectors)) {
    const el = document.querySelector(sel);
    if (!el) { out[name] = null; continue; }
    const bg = behind(el);
    const fg = over(parse(getComputedStyle(el).color), bg);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    out[name] = {text: el.innerText.trim().slice(0, 60),
                 fg: fg.map(Math.round), bg: bg.map(Math.round),
                 ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100};
  }
  return out;
}"""


def contrast(page, selectors: dict[str, str]) -> dict:
    return page.evaluate(CONTRAST_JS, selectors)


def below_aa(measured: dict) -> list[str]:
    """The measured texts under 4.5:1, or missing, as sentences."""
    bad = []
    for name, m in measured.items():
        if m is None:
            bad.append(f"{name}: not on the page")
        elif m["ratio"] < 4.5:
            bad.append(f"{name} {m['text']!r}: {m['fg'][:3]} on {m['bg'][:3]} is {m['ratio']}:1")
    return bad


@pytest.fixture(scope="module", params=list(LAB_THEMES))
def themed_lab(request, notebook_copy, tmp_path_factory):
    """(theme, base URL, token) of a JupyterLab whose user settings choose ``theme``: the setting
    a learner changes under Settings → Theme, written to a settings folder of its own."""
    theme = request.param
    here = tmp_path_factory.mktemp(f"lab-{theme}")
    settings = here / "user-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "themes.jupyterlab-settings").write_text(json.dumps({"theme": LAB_THEMES[theme]}))
    proc, base, token = start_jupyter(
        "lab", notebook_copy.parent, here / "log",
        f"--LabApp.user_settings_dir={here / 'user-settings'}",
        f"--LabApp.workspaces_dir={here / 'workspaces'}",
    )  # fmt: skip
    yield theme, base, token
    stop(proc)


def start_the_timer(page) -> None:
    timer = page.locator(".bsc-timer").first
    timer.get_by_role("button", name=re.compile(r"^\W*Start$")).click()
    expect(timer.locator(".bsc-timer-state")).to_contain_text("Sitting", timeout=15_000)


def shot(page, name: str, locator=None) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    if locator is None:
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    else:
        locator.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def check_dashboard_tabs(page, name: str, axe_context=None) -> list[str]:
    """Open each dashboard tab, measure its first text and run axe; the problems found."""
    problems = []
    for tab, tool, text in (
        ("Nutrient checklist", ".bsc-nutrients", ".bsc-nutrients .bsc-bar"),
        ("Symptom self-check", ".bsc-selfcheck", ".bsc-selfcheck .bsc-question-help"),
    ):
        page.get_by_role("button", name=tab, exact=True).click()
        expect(page.locator(tool)).to_be_visible(timeout=30_000)
        problems += [f"{tab}: {p}" for p in below_aa(contrast(page, {"text": text}))]
        serious, _ = axe_report(page) if axe_context is None else axe_in(page, axe_context)
        problems += [f"{tab}: {s}" for s in serious]
        shot(page, f"{name}-{tool[5:]}", page.locator(tool))
    page.get_by_role("button", name="Sitting timer", exact=True).click()
    return problems


def axe_in(page, context) -> tuple[list[str], list[str]]:
    """axe over ``context`` only (JupyterLab's own chrome is not the course's to fix)."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page, context=context).response["violations"]
    serious = [
        f"{v['impact']}: {v['id']} ({len(v['nodes'])} nodes) {v['help']} "
        f"{[str(n['target']) for n in v['nodes'][:3]]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    return serious, []


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("notebook", [LESSON, DASHBOARD])
def test_voila_theme_reads_well_with_the_timer_running(voila, page, notebook, theme):
    open_page(page, voila, notebook, theme=theme)
    start_the_timer(page)
    name = f"theme-voila-{theme}-{notebook[:2] if notebook == LESSON else 'dashboard'}"
    shot(page, name)
    problems = below_aa(contrast(page, TIMER_TEXT))
    serious, _ = axe_report(page)
    problems += serious
    if notebook == DASHBOARD:
        problems += check_dashboard_tabs(page, name)
    assert problems == [], f"Voila {theme}, {notebook}:\n" + "\n".join(problems)


@pytest.mark.parametrize("notebook", [LESSON, DASHBOARD])
def test_jupyterlab_theme_reads_well_with_the_timer_running(themed_lab, page, notebook):
    theme, base, token = themed_lab
    url = f"{base}/lab/workspaces/{workspace()}/tree/notebooks/{notebook}?token={token}&reset"
    page.goto(url, wait_until="domcontentloaded")
    run_all(page)
    light = page.evaluate("document.body.dataset.jpThemeLight")
    assert light == ("false" if theme == "dark" else "true"), f"JupyterLab is not {theme}: {light}"
    expect(page.locator(".bsc-timer").first).to_be_visible(timeout=60_000)
    start_the_timer(page)
    name = f"theme-lab-{theme}-{notebook[:2] if notebook == LESSON else 'dashboard'}"
    timer = page.locator(".bsc-timer").first
    timer.scroll_into_view_if_needed()
    shot(page, name)
    shot(page, f"{name}-timer", timer)
    problems = below_aa(contrast(page, TIMER_TEXT))
    context = {"include": [[sel] for sel in TOOL_ROOTS if page.locator(sel).count()]}
    serious, _ = axe_in(page, context)
    problems += serious
    if notebook == DASHBOARD:
        problems += check_dashboard_tabs(page, name, context)
    forgive_early_image_404s(page, base, NOTEBOOKS / "images")
    assert problems == [], f"JupyterLab {theme}, {notebook}:\n" + "\n".join(problems)
