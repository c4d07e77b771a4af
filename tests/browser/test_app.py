"""The course as a web app: the dashboard, progress kept in the browser, accessibility (axe-core),
security, a learner's journey, phone width and dark theme (kernels: test_kernels.py).

Screenshots of the journey go to ``test-artifacts/`` (git-ignored).
"""

from __future__ import annotations

import json
import time
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.harness import (
    answer_step,
    assert_not_injected,
    axe_report,
    forgive_shutdown_beacon,
    open_page,
    page_problems,
)
from tests.course import DASHBOARD, HOME, lesson_file, visited_line
from tests.course import PAGES as COURSE_PAGES
from tests.support.paths import REPO

pytestmark = pytest.mark.browser

PAGES = COURSE_PAGES
ARTIFACTS = REPO / "test-artifacts"


# --- accessibility -------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", ["dark"])  # light: test_pages.test_page_reads_right
@pytest.mark.parametrize("notebook", PAGES)
def test_axe_finds_no_serious_violation(voila, page, notebook, theme):
    open_page(page, voila, notebook, theme=theme)
    serious, rest = axe_report(page)
    for line in rest:  # minor and moderate findings are printed, not failed
        print(f"{notebook} [{theme}] {line}")
    assert serious == [], f"{notebook} [{theme}]:\n" + "\n".join(serious)


def test_dark_theme_is_dark(voila, page):
    open_page(page, voila, DASHBOARD, theme="dark")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    channels = [int(c) for c in background[background.index("(") + 1 : -1].split(",")[:3]]
    assert max(channels) < 80, f"dark theme body background is {background}"


# --- the dashboard -------------------------------------------------------------------------------


def test_dashboard_shows_the_timer_and_builds_other_tabs_on_demand(voila, page):
    open_page(page, voila, DASHBOARD)
    assert page_problems(page) == []
    expect(page.locator(".bsc-timer")).to_be_visible()
    expect(page.locator(".bsc-nutrients")).to_have_count(0)  # not built until chosen
    page.get_by_role("button", name="Nutrient checklist").click()
    expect(page.locator(".bsc-nutrients")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Symptom self-check").click()
    expect(page.locator(".bsc-selfcheck")).to_be_visible(timeout=30_000)
    expect(page.locator(".bsc-timer")).to_be_hidden()
    page.get_by_role("button", name="Sitting timer").click()
    expect(page.locator(".bsc-timer")).to_be_visible()
    expect(page.locator("#rendered_cells a[href='00-start-here.ipynb']")).to_have_count(1)


def test_dashboard_works_by_keyboard_with_a_visible_focus(voila, page):
    open_page(page, voila, DASHBOARD)
    seen, outlines = [], []
    for _ in range(40):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => { const e = document.activeElement; const s = getComputedStyle(e);
                 const name = e.getAttribute('aria-label') || e.innerText || e.title || '';
                 return {name: name.trim(), tag: e.tagName, shadow: s.boxShadow !== 'none',
                         outline: s.outlineStyle !== 'none' && s.outlineWidth !== '0px'}; }"""
        )
        seen.append(info["name"])
        if info["tag"] in ("BUTTON", "INPUT", "SELECT", "A"):
            outlines.append((info["name"], info["outline"] or info["shadow"]))
    for name in ("Start", "Sitting timer", "Nutrient checklist", "Symptom self-check"):
        assert name in seen, f"{name} is not reachable by Tab: {seen}"
    assert outlines and all(visible for _, visible in outlines), f"no visible focus: {outlines}"
    start = page.locator(".bsc-timer").get_by_role("button", name="Start")
    start.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".bsc-timer-state")).to_contain_text("Sitting")


@pytest.mark.parametrize("theme", [None, "dark"])
def test_dashboard_fits_a_phone(voila, browser, theme):
    from tests.support.servers import watch

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    pg = context.new_page()
    log = watch(pg)
    try:
        open_page(pg, voila, DASHBOARD, theme=theme)
        tools = {
            "Nutrient checklist": ".bsc-nutrients",
            "Symptom self-check": ".bsc-selfcheck",
            "Sitting timer": ".bsc-timer",
        }
        for tab, tool in tools.items():
            pg.get_by_role("button", name=tab, exact=True).click()
            expect(pg.locator(tool)).to_be_visible(timeout=30_000)
            width = pg.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert width[0] <= width[1], f"{tab}: the page scrolls sideways ({width})"
        pg.screenshot(
            path=str(ARTIFACTS / f"dashboard-phone-{theme or 'light'}.png"), full_page=True
        )
        serious, rest = axe_report(pg)
        print("\n".join(rest))
        assert serious == []
        assert page_problems(pg) == []
        assert log.problems() == []
    finally:
        context.close()


#: Controls (and the widget boxes around them) whose right edge lies past the screen's.
CONTROLS_PAST_THE_EDGE = """() => {
  const width = window.innerWidth;
  const selector = "select, button, input, textarea, .widget-dropdown, .widget-text";
  return [...document.querySelectorAll(selector)]
    .filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.right > width + 0.5;
    })
    .map((e) => `${e.tagName} ${(e.innerText || e.value || "").trim().slice(0, 40)}`);
}"""


@pytest.mark.parametrize("notebook", [DASHBOARD, lesson_file("03")])
def test_on_a_phone_the_tools_come_first_and_every_control_fits(voila, browser, notebook):
    """A learner opens the dashboard on a 390 px phone: the tool tabs are on the first screen,
    above the page's text, and no control (the schedule list, say) runs past the right edge."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    pg = context.new_page()
    try:
        open_page(pg, voila, notebook)
        timer = pg.locator(".bsc-timer")
        expect(timer).to_be_visible()
        if notebook == DASHBOARD:
            tabs = pg.locator(".bsc-dashboard-tabs").bounding_box()
            heading = pg.locator("h1").first.bounding_box()
            assert tabs["y"] + tabs["height"] < 844, "the tool tabs are not on the first screen"
            assert tabs["y"] < heading["y"], "the text comes before the tools"
            schedule = timer.get_by_label("Schedule").bounding_box()
            assert schedule["y"] < 844, "the timer's schedule is not on the first screen"
        timer.get_by_label("Micro-pauses too").scroll_into_view_if_needed()
        assert pg.evaluate(CONTROLS_PAST_THE_EDGE) == []
        timer.get_by_label("Schedule").select_option(label="Custom: choose your own times")
        expect(timer.get_by_label("Sit for (minutes)")).to_be_visible()
        assert pg.evaluate(CONTROLS_PAST_THE_EDGE) == []
    finally:
        context.close()


# --- security ------------------------------------------------------------------------------------


def kernel_id(page) -> str:
    return json.loads(page.locator("#jupyter-config-data").text_content())["kernelId"]


def test_the_kernel_refuses_code_sent_from_the_browser(voila, page, tmp_path):
    open_page(page, voila, DASHBOARD)
    target = tmp_path / f"pwned-{uuid.uuid4().hex}.txt"
    code = f"open({str(target)!r}, 'w').write('pwned')"
    ws_url = voila.replace("http", "ws", 1) + f"/api/kernels/{kernel_id(page)}/channels"
    replies = page.evaluate(
        """async ([url, code]) => {
             const ws = new WebSocket(url);
             const got = [];
             ws.onmessage = (e) => { try { got.push(JSON.parse(e.data).msg_type); } catch (x) {} };
             await new Promise((ok, fail) => { ws.onopen = ok; ws.onerror = fail; });
             const send = (type, content) => { const id = String(Math.random());
               ws.send(JSON.stringify({channel: 'shell', buffers: [], metadata: {}, content,
                 header: {msg_id: id, msg_type: type, username: '', session: id,
                          date: new Date().toISOString(), version: '5.3'}, parent_header: {}})); };
             send('kernel_info_request', {});  // allowed: proves the channel is live
             send('execute_request', {code, silent: false, store_history: false,
               user_expressions: {}, allow_stdin: false, stop_on_error: true});
             await new Promise((ok) => setTimeout(ok, 4000));
             ws.close();
             return got;
           }""",
        [ws_url, code],
    )
    time.sleep(1)
    assert not target.exists(), "the kernel ran code sent over its websocket"
    assert "kernel_info_reply" in replies, f"the websocket test never reached the kernel: {replies}"
    assert "execute_reply" not in replies and "execute_result" not in replies, replies


@pytest.mark.parametrize(
    "path",
    [
        "/voila/files/dashboard.ipynb",
        "/voila/files/00-start-here.ipynb",
        "/voila/files/../voila.json",
        "/voila/files/../widgets/dashboard.py",
        "/voila/static/../../widgets/__init__.py",
        "/files/dashboard.ipynb",
        "/api/contents/dashboard.ipynb",
        "/voila/render/../widgets/dashboard.py",
        "/voila/render/../tools/write_home.py",
        "/notebooks/dashboard.ipynb",
    ],
)
def test_sources_cannot_be_downloaded(voila, path):
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(voila + path, timeout=60) as response:
            status, body = response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as exc:
        status, body = exc.code, ""
    assert status in (403, 404) or (
        '"cell_type"' not in body and "import " not in body and "def " not in body
    ), f"{path} answered {status} with source"


HOSTILE = ["1e308", "-1e308", "abc", "<img src=x onerror=window.__pwned=1>", "9" * 400, "NaN"]


def typed(field, text: str) -> None:
    field.fill(text)
    field.press("Enter")


def test_hostile_values_in_every_field_show_a_message(voila, page):
    open_page(page, voila, DASHBOARD)
    timer = page.locator(".bsc-timer")
    timer.get_by_label("Schedule").select_option(label="Custom: choose your own times")
    sit = timer.get_by_label("Sit for (minutes)")
    for value in HOSTILE:
        typed(sit, value)
        timer.get_by_role("button", name="Use these times").click()
        expect(timer.get_by_role("alert").first).to_be_visible(timeout=15_000)
        assert_not_injected(page)
    page.get_by_role("button", name="Nutrient checklist").click()
    tool = page.locator(".bsc-nutrients")
    age = tool.get_by_label("Age (years)")
    servings = page.locator(".bsc-food-banana").get_by_label("Servings")
    for value in HOSTILE:
        typed(age, value)
        expect(tool.locator(".bsc-age-message").get_by_role("alert")).to_be_visible(timeout=15_000)
        typed(servings, value)
        expect(page.locator(".bsc-food-banana .bsc-food-message")).not_to_be_empty(timeout=15_000)
        assert_not_injected(page)
    page.get_by_role("button", name="Symptom self-check").click()
    check = page.locator(".bsc-selfcheck")
    for step in range(2):
        answer_step(page, step)
        check.get_by_role("button", name="Next").click()
    weeks = check.get_by_label("Weeks with this pain")
    for value in HOSTILE:
        typed(weeks, value)
        expect(check.get_by_role("alert").first).to_be_visible(timeout=15_000)
        assert_not_injected(page)


# --- progress and the journey --------------------------------------------------------------------


def shot(page, name: str, focus: str) -> None:
    """Screenshot the viewport with ``focus`` in view (Voila scrolls a panel, not the page)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(focus).first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"journey-{name}.png"))


def test_journey_home_to_emergency_then_home_shows_progress(voila, page):
    open_page(page, voila, HOME)
    expect(page.locator(".bsc-progress-summary")).to_contain_text(visited_line(0))
    shot(page, "1-home", ".bsc-progress")
    page.locator("#rendered_cells").get_by_role("link", name="Sit well, and get up often").click()
    page.wait_for_selector('body[data-course-ready="true"]', state="attached", timeout=90_000)
    assert "03-sitting-and-posture" in page.url
    page.locator(".bsc-timer").get_by_role("button", name="Start").click()
    expect(page.locator(".bsc-timer-state")).to_contain_text("Sitting")
    shot(page, "2-lesson03-timer-started", ".bsc-timer-state")

    open_page(page, voila, lesson_file("04"))
    for food in ("banana", "yogurt-plain-low-fat"):
        box = page.locator(f".bsc-food-{food}").get_by_role("checkbox").first
        box.check()
        expect(box).to_be_checked()
    expect(page.locator(".bsc-nutrient-bar").first).not_to_contain_text("0 / ")
    shot(page, "3-lesson04-foods-ticked", ".bsc-nutrient-bars")

    open_page(page, voila, lesson_file("06"))
    tool = page.locator(".bsc-selfcheck")
    answer_step(page, 0, yes=("saddle_numbness",))
    tool.get_by_role("button", name="Next").click()
    expect(tool.locator(".bsc-result.bsc-result-emergency")).to_be_visible()
    shot(page, "4-lesson06-emergency", ".bsc-result-emergency")

    open_page(page, voila, HOME)
    summary = page.locator(".bsc-progress-summary")
    expect(summary).to_contain_text(visited_line(3))
    for number in ("03", "04", "06"):
        expect(page.locator(f".bsc-progress-lesson[data-lesson='{number}']")).to_contain_text(
            "(visited)"
        )
    expect(page.locator(".bsc-progress-lesson[data-lesson='01']")).to_contain_text("(not yet)")
    stored = page.evaluate("localStorage.getItem('bsc-progress')")
    assert json.loads(stored) == {"visited": ["03", "04", "06"]}, "only visits are kept"
    shot(page, "5-home-progress", ".bsc-progress")

    page.get_by_role("button", name="Clear my progress").click()
    expect(summary).to_contain_text(visited_line(0))
    expect(page.get_by_role("status").filter(has_text="Your progress is cleared")).to_be_visible()
    assert page.evaluate("localStorage.getItem('bsc-progress')") is None
    forgive_shutdown_beacon(page)


def test_a_tampered_progress_record_is_cleaned_not_trusted(voila, page):
    open_page(page, voila, HOME)
    page.evaluate(
        """localStorage.setItem('bsc-progress', JSON.stringify(
             {visited: ['02', '<img src=x onerror=window.__pwned=1>', 7, '99']}))"""
    )
    open_page(page, voila, HOME)
    expect(page.locator(".bsc-progress-summary")).to_contain_text(visited_line(1))
    assert_not_injected(page)
    open_page(page, voila, DASHBOARD)  # not a lesson: records nothing
    assert json.loads(page.evaluate("localStorage.getItem('bsc-progress')"))["visited"] == [
        "02",
        "<img src=x onerror=window.__pwned=1>",
        7,
        "99",
    ]
    open_page(page, voila, lesson_file("03"))
    stored = json.loads(page.evaluate("localStorage.getItem('bsc-progress')"))
    assert stored == {"visited": ["02", "03"]}
    forgive_shutdown_beacon(page)
