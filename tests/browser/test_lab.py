"""The course in JupyterLab: every lesson runs from the menu and shows its tools as widgets."""

import json
import re
import subprocess
import sys
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.harness import answer_step
from tests.browser.jupyter import (
    expected_widgets,
    forgive_early_image_404s,
    notebook_problems,
    run_all,
)
from tests.course import QUIZ_FILES, lesson_file
from tests.support.paths import NOTEBOOKS
from widgets.quiz import load_quiz

PAGES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))


@pytest.mark.parametrize("notebook", PAGES)
def test_lesson_runs_in_lab(lab, page, notebook):
    """Run All from the menu draws every tool; then, on the same page as a learner goes on, the
    lesson's quiz takes a right answer and its core tool (timer, checklist, self-check) answers.

    One Run All a page: opening and running a notebook in JupyterLab is what costs (about 20 s
    each), so the quiz and the tool are used on the page the run drew."""
    base, token = lab
    # A workspace of its own: ?reset would otherwise wipe the course's default layout.
    url = f"{base}/lab/workspaces/{workspace()}/tree/notebooks/{notebook}?token={token}&reset"
    page.goto(url, wait_until="domcontentloaded")
    run_all(page)
    problems = notebook_problems(page, expected_widgets(NOTEBOOKS / notebook))
    assert problems == []
    if notebook in TOOLS:
        use_the_core_tool(page, notebook)
    if notebook in QUIZ_FILES:
        answer_the_quiz_right(page, notebook)


def test_lab_opens_on_the_course_home(lab, page):
    base, token = lab
    page.goto(f"{base}/lab?token={token}", wait_until="domcontentloaded")
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")
    expect(tab).to_contain_text("00-start-here.ipynb", timeout=60_000)
    expect(page.locator(".jp-NotebookPanel:visible h1").first).to_contain_text("Start here")
    listing = page.locator(".jp-DirListing-itemName")
    expect(listing.first).to_be_visible()
    assert "00-start-here.ipynb" in listing.all_inner_texts()
    assert_home_images_drawn(page)
    forgive_early_image_404s(page, base, NOTEBOOKS / "images")


def assert_home_images_drawn(page) -> None:
    """Every image on the home page open in JupyterLab is drawn (at least two)."""
    images = page.locator(".jp-NotebookPanel:visible .jp-RenderedHTMLCommon img")
    expect(images.first).to_be_visible()
    assert images.count() >= 2
    for img in images.all():
        page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=img.element_handle())


def workspace() -> str:
    """A fresh workspace name, so that no test inherits another's open notebooks and sessions."""
    return f"t{uuid.uuid4().hex[:10]}"


def labextensions() -> dict[str, str]:
    """{extension name: status line} from ``jupyter labextension list``."""
    out = subprocess.run(
        [sys.executable, "-m", "jupyter", "labextension", "list"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    found = {}
    for line in (out.stdout + out.stderr).splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[1].startswith("v"):
            found[parts[0]] = line
    return found


def test_widget_front_end_matches_the_kernel_side():
    import ipywidgets
    from jupyterlab_widgets import __version__ as lab_widgets

    # ipywidgets 8 pairs with jupyterlab_widgets 3 (widget protocol 2); 7 with 1.
    assert int(ipywidgets.__version__.split(".")[0]) == 8
    assert int(lab_widgets.split(".")[0]) == 3, lab_widgets
    extensions = labextensions()
    for needed in ("@jupyter-widgets/jupyterlab-manager", "anywidget"):
        assert needed in extensions, f"{needed} is not installed: {sorted(extensions)}"
        assert "enabled" in extensions[needed] and "OK" in extensions[needed], extensions[needed]


def test_anywidget_front_end_matches_the_python_side():
    import anywidget

    extensions = labextensions()
    assert anywidget.__version__ in extensions["anywidget"], (
        f"anywidget {anywidget.__version__} vs {extensions['anywidget']}"
    )
    json.dumps(extensions)  # the listing parsed into plain strings


TOOLS = {
    lesson_file("03"): (
        lambda page: page.get_by_role("button", name=re.compile(r"^\W*Start$")).click(),
        ".bsc-timer-state",
        "Sitting",
    ),
    lesson_file("04"): (
        lambda page: page.locator(".bsc-food-row").get_by_label("Banana").check(),
        ".bsc-nutrient-bar >> nth=0",
        "422",
    ),
    lesson_file("06"): (
        lambda page: (
            answer_step(page, 0, yes=("both_legs",)),
            page.locator(".bsc-selfcheck").get_by_role("button", name="Next").click(),
        ),
        ".bsc-result-emergency",
        "Emergency",
    ),
}


def answer_the_quiz_right(page, notebook: str) -> None:
    """The lesson's quiz works in JupyterLab: a right answer, checked, says so."""
    q = next(q for q in load_quiz(notebook[:2]).questions if q.kind == "single")
    right = q.option(q.right_ids[0])
    box = page.locator(f".bsc-quiz-{q.id}")
    box.get_by_label(right.text).check()
    box.get_by_role("button", name="Check").click()
    expect(box.locator(".bsc-quiz-feedback")).to_contain_text("Correct.")


def use_the_core_tool(page, notebook: str) -> None:
    """The lesson's core tool answers in JupyterLab as it does in Voila."""
    act, selector, expected = TOOLS[notebook]
    act(page)
    expect(page.locator(selector)).to_contain_text(expected, timeout=15_000)
