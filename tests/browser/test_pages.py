"""Every notebook renders in Voila as a learner sees it: complete, clean, offline, code hidden."""

import urllib.request

import pytest
from playwright.sync_api import expect

from tests.browser.harness import open_page, page_problems
from tests.support.paths import NOTEBOOKS
from widgets.quiz import load_quiz

PAGES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))

#: Lessons whose own tool tests live elsewhere (03, 04, 06) are left out; each of these shows its
#: title and one quiz with every question of its data file.
LESSON_TITLES = {
    "01-what-is-a-back-spasm.ipynb": "Understand what a back spasm is",
    "02-why-backs-spasm.ipynb": "Find out why backs spasm",
    "05-stress-and-tension.ipynb": "Ease stress and muscle tension",
    "07-treating-a-spasm.ipynb": "Treat a back spasm",
    "08-preventing-the-next-one.ipynb": "Prevent the next spasm",
    "09-review.ipynb": "Review the course",
}


@pytest.mark.parametrize("notebook", PAGES)
def test_page_renders_clean(voila, page, notebook):
    open_page(page, voila, notebook)
    assert page_problems(page) == []
    # (console errors, page errors and requests to other hosts fail the test in the fixture)


@pytest.mark.parametrize("notebook", list(LESSON_TITLES))
def test_lesson_renders_clean_with_its_quiz(voila, page, notebook):
    open_page(page, voila, notebook)
    assert page_problems(page) == []
    expect(page.locator("h1").first).to_contain_text(LESSON_TITLES[notebook])
    expect(page.get_by_text("This is education, not a diagnosis").first).to_be_visible()
    quiz = page.locator(".bsc-quiz")
    expect(quiz).to_have_count(1)
    expect(quiz.locator(".bsc-quiz-question")).to_have_count(len(load_quiz(notebook[:2]).questions))
    expect(quiz.locator(".bsc-quiz-score")).to_contain_text("0 of")
    expect(page.get_by_role("link", name="Course home")).to_have_attribute(
        "href", "00-start-here.ipynb"
    )


def test_home_links_resolve_and_lead_back(voila, page):
    open_page(page, voila, "00-start-here.ipynb")
    hrefs = page.eval_on_selector_all(
        "#rendered_cells a[href$='.ipynb']", "els => els.map(e => e.href)"
    )
    lessons = [h for h in hrefs if "/voila/render/" in h]
    assert lessons, "the home page links to no lesson"
    for href in lessons:
        with urllib.request.urlopen(href, timeout=60) as response:
            body = response.read().decode()
        assert response.status == 200, href
        assert "00-start-here.ipynb" in body, f"{href} has no link back to the course home"


def test_notebook_sources_are_not_downloadable(voila):
    for path in ("/voila/files/00-start-here.ipynb", "/voila/files/../widgets/__init__.py"):
        try:
            with urllib.request.urlopen(voila + path, timeout=30) as response:
                status = response.status
        except urllib.error.HTTPError as exc:
            status = exc.code
        assert status in (403, 404), f"{path} answered {status}"


@pytest.mark.parametrize("notebook", [p for p in PAGES if p != "00-start-here.ipynb"])
def test_buttons_are_named_and_icons_silent(voila, page, notebook):
    open_page(page, voila, notebook)
    unnamed = page.eval_on_selector_all(
        "#rendered_cells button",
        # (hidden buttons, such as the timer's tick, are not read out)
        "els => els.filter(b => b.getClientRects().length)"
        ".filter(b => !(b.getAttribute('aria-label') || b.innerText || b.title).trim())"
        ".map(b => b.outerHTML.slice(0, 120))",
    )
    assert unnamed == [], "buttons a screen reader cannot name"
    assert page.locator("#rendered_cells i.fa:not([aria-hidden='true'])").count() == 0
