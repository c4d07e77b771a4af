"""Every notebook renders in Voila as a learner sees it: complete, clean, offline, code hidden."""

import urllib.request

import pytest
from playwright.sync_api import expect

from tests.browser.harness import axe_report, open_page, page_problems
from tests.course import HOME, LESSONS, PAGES
from widgets.quiz import load_quiz

#: Lessons whose own tool tests live elsewhere (03, 04, 06) are left out; each of these shows its
#: title (the course manifest's heading) and one quiz with every question of its data file.
LESSON_TITLES = {x.file: x.heading for x in LESSONS if x.number not in ("03", "04", "06")}


@pytest.mark.parametrize("notebook", PAGES)
def test_page_reads_right(voila, page, notebook):
    """Each page, opened once as a learner opens it (light theme): it renders clean; a lesson
    shows its title, the disclaimer and its whole quiz; every visible button has a name a screen
    reader can say and no icon is read out; axe-core finds nothing serious (dark: test_app)."""
    open_page(page, voila, notebook)
    assert page_problems(page) == []
    # (console errors, page errors and requests to other hosts fail the test in the fixture)
    if notebook in LESSON_TITLES:
        expect(page.locator("h1").first).to_contain_text(LESSON_TITLES[notebook])
        expect(page.get_by_text("This is education, not a diagnosis").first).to_be_visible()
        quiz = page.locator(".bsc-quiz")
        expect(quiz).to_have_count(1)
        questions = len(load_quiz(notebook[:2]).questions)
        expect(quiz.locator(".bsc-quiz-question")).to_have_count(questions)
        expect(quiz.locator(".bsc-quiz-score")).to_contain_text("0 of")
        expect(page.get_by_role("link", name="Course home")).to_have_attribute("href", HOME)
    unnamed = page.eval_on_selector_all(
        "#rendered_cells button",
        # (hidden buttons, such as the timer's tick, are not read out)
        "els => els.filter(b => b.getClientRects().length)"
        ".filter(b => !(b.getAttribute('aria-label') || b.innerText || b.title).trim())"
        ".map(b => b.outerHTML.slice(0, 120))",
    )
    assert unnamed == [], "buttons a screen reader cannot name"
    assert page.locator("#rendered_cells i.fa:not([aria-hidden='true'])").count() == 0
    serious, rest = axe_report(page)
    for line in rest:  # minor and moderate findings are printed, not failed
        print(f"{notebook} [light] {line}")
    assert serious == [], f"{notebook} [light]:\n" + "\n".join(serious)


def test_home_links_resolve_and_lead_back(voila, page):
    open_page(page, voila, HOME)
    hrefs = page.eval_on_selector_all(
        "#rendered_cells a[href$='.ipynb']", "els => els.map(e => e.href)"
    )
    lessons = [h for h in hrefs if "/voila/render/" in h]
    assert lessons, "the home page links to no lesson"
    for href in lessons:
        with urllib.request.urlopen(href, timeout=60) as response:
            body = response.read().decode()
        assert response.status == 200, href
        assert HOME in body, f"{href} has no link back to the course home"


def test_notebook_sources_are_not_downloadable(voila):
    for path in ("/voila/files/00-start-here.ipynb", "/voila/files/../widgets/__init__.py"):
        try:
            with urllib.request.urlopen(voila + path, timeout=30) as response:
                status = response.status
        except urllib.error.HTTPError as exc:
            status = exc.code
        assert status in (403, 404), f"{path} answered {status}"
