"""Helpers browser tests import: ``from tests.browser.harness import open_page``."""

from __future__ import annotations

from tests.support.pages import READY, open_page

__all__ = [
    "READY",
    "answer_step",
    "assert_not_injected",
    "choose",
    "forgive_shutdown_beacon",
    "open_page",
    "page_problems",
    "selfcheck_questions",
]

#: What a learner must never see on a page.
TRACEBACK_TEXT = (
    "Traceback (most recent call last)",
    "Error displaying widget",
    "There was an error when executing cell",
)


def page_problems(page) -> list[str]:
    """What is wrong with a rendered course page, as a list of sentences (empty when all is well).

    Checks what the page shows: no traceback or widget error text, no error output, no code cell
    source, a title, alt text on every image, and no tool that did not load. (Console errors
    and outside requests are recorded by the ``page`` fixture.)
    """
    problems = []
    text = page.inner_text("body")
    problems += [f"the page shows {t!r}" for t in TRACEBACK_TEXT if t in text]
    errors = page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count()
    if errors:
        problems.append(f"{errors} error output(s) shown")
    code = page.locator(".jp-InputArea-editor, .jp-CodeMirrorEditor, .cm-editor").count()
    if code:
        problems.append(f"{code} code cell source(s) shown")
    if not page.locator("h1").count():
        problems.append("no h1 title")
    no_alt = page.locator("#rendered_cells img:not([alt]), #rendered_cells img[alt='']").count()
    if no_alt:
        problems.append(f"{no_alt} image(s) without alt text")
    # The course template counts code cells whose widget output never came (issue 20).
    missing = page.get_attribute("body", "data-course-missing")
    if missing not in (None, "0"):
        problems.append(f"{missing} tool(s) did not load")
    return problems


def assert_not_injected(page) -> None:
    assert page.evaluate("window.__pwned") is None, "hostile HTML ran"
    assert page.locator("#rendered_cells img[src='x']").count() == 0, "hostile HTML was inserted"
    text = page.inner_text("body")
    assert not [t for t in TRACEBACK_TEXT if t in text]


def forgive_shutdown_beacon(page) -> None:
    """Leaving a page fires Voila's kernel-shutdown beacon, which Voila 0.5 refuses with a 403
    (voila issue 1458; culling releases the kernel instead). Drop exactly those from the log."""
    log = page.course_log
    refused = [
        r for r in log.failed_responses if r.startswith("403 ") and "/voila/api/shutdown/" in r
    ]
    log.failed_responses[:] = [r for r in log.failed_responses if r not in refused]
    for _ in refused:
        message = "Failed to load resource: the server responded with a status of 403 (Forbidden)"
        if message in log.console_errors:
            log.console_errors.remove(message)


# --- the symptom self-check: it never answers for the learner, so tests choose every answer ----


def selfcheck_questions(step: int) -> list[str]:
    """The ids of the yes/no questions on self-check step ``step`` (0 = emergency signs)."""
    from widgets.selfcheck import LEVELS, QUESTIONS

    return [q.id for q in QUESTIONS.values() if q.group == LEVELS[step] and not q.is_number]


def choose(page, qid: str, yes: bool) -> None:
    """Tick "Yes" or "No" for one self-check question (its group has the class bsc-q-<id>)."""
    page.locator(f".bsc-q-{qid}").get_by_label("Yes" if yes else "No", exact=True).check()


def answer_step(page, step: int, yes=()) -> None:
    """Tick an answer for every yes/no question of self-check ``step``: "Yes" for ``yes``."""
    for qid in selfcheck_questions(step):
        choose(page, qid, qid in yes)


def walk_to_result(page, yes, level: str, timeout: float = 5_000):
    """Answer the self-check step by step as a learner with these Yes answers (No to the rest),
    pressing Next on each step, until the result for ``level`` shows; return its panel. An
    emergency answer ends the check on the first step."""
    from playwright.sync_api import expect

    from widgets.selfcheck import LEVELS, TIERS

    tool = page.locator(".bsc-selfcheck")
    step = tool.locator(".bsc-step")
    for n in range(len(LEVELS)):
        expect(step).to_contain_text(f"Step {n + 1} of 4", timeout=timeout)
        answer_step(page, n, yes)
        last = n == len(LEVELS) - 1
        tool.get_by_role("button", name="See my result" if last else "Next").click()
        if level == "emergency":
            break
    panel = tool.locator(f".bsc-result.bsc-result-{level}")
    expect(panel).to_be_visible(timeout=timeout)
    expect(panel).to_contain_text(TIERS[level].advice)
    return panel


def axe_report(page) -> tuple[list[str], list[str]]:
    """(serious or critical violations, the rest), one line per rule with its first targets."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    lines = {"bad": [], "rest": []}
    for v in violations:
        targets = [str(n["target"]) for n in v["nodes"][:3]]
        line = f"{v['impact']}: {v['id']} ({len(v['nodes'])} nodes) {v['help']} {targets}"
        lines["bad" if v["impact"] in ("serious", "critical") else "rest"].append(line)
    return lines["bad"], lines["rest"]
