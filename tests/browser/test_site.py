"""The course as a static site (issue 18): `make site`'s build/site/, served by a plain file server.

The real situation: a teacher copies build/site/ to any static host (here `python -m http.server`
on loopback) and learners open it with no internet at all. So Chromium runs with every
non-loopback host unreachable (a dead proxy and a resolver that finds nothing), and every request
the session makes is logged: only loopback may appear. Python runs in each learner's browser
(Pyodide); the pages are driven as a learner would: the home page, lessons 03 (Start → "Sitting"),
04 (tick a food → totals), 06 (the unanswered rule, a vignette per tier; Next showing the next step
and Start again clearing the answers are the `None` trait values the site's shim carries), 05 (the
pacer), 09 (the plan downloads) and the dashboard. One browser context serves the module, as one
learner's browser would (the runtime is fetched once, then cached), which keeps the run short.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from tests.browser.harness import READY, page_problems, walk_to_result
from tests.browser.test_selfcheck import VIGNETTES
from tests.support.servers import (
    CHROMIUM_ARGS,
    chromium_executable,
    free_port,
    is_outside,
    stop,
    wait_for_http,
    watched_page,
)
from widgets.nutrients import FOODS

pytestmark = pytest.mark.browser

#: No host but loopback can be reached: a proxy that is not there, a resolver that finds nothing.
OFFLINE_ARGS = [
    "--proxy-server=http://127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
]
#: Pyodide starts in the page: a cold first load on two busy cores takes tens of seconds.
LOAD_TIMEOUT = 240_000
LESSONS = [
    "01-what-is-a-back-spasm", "02-why-backs-spasm", "03-sitting-and-posture",
    "04-food-and-muscles", "05-stress-and-tension", "06-symptoms-and-when-to-get-help",
    "07-treating-a-spasm", "08-preventing-the-next-one", "09-review",
]  # fmt: skip


@pytest.fixture(scope="session")
def site():
    """build/site/, built by the same function `make site` runs (skipped when up to date)."""
    from tools.site.build import build

    return build()


@pytest.fixture(scope="module")
def site_url(site, tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("site") / "http.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port)],
            cwd=site, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(base + "/index.html", proc, timeout=30)
        yield base
    finally:
        stop(proc)


@pytest.fixture(scope="module")
def requests_seen():
    """Every URL the module's browser asked for (pages, workers, service worker)."""
    return []


@pytest.fixture(scope="module")
def site_context(requests_seen, playwright_driver):
    browser = playwright_driver.chromium.launch(
        executable_path=chromium_executable(), args=CHROMIUM_ARGS + OFFLINE_ARGS
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.on("request", lambda r: requests_seen.append(r.url))
    yield context
    context.close()
    browser.close()


@pytest.fixture
def page(site_context):
    """A page of the shared context whose console errors and outside requests fail the test."""
    yield from watched_page(site_context)


def open_site(page, base: str, name: str):
    """Open ``voici/render/<name>.html`` and wait until every tool on it is drawn."""
    page.goto(f"{base}/voici/render/{name}.html", wait_until="domcontentloaded")
    page.wait_for_selector(READY, state="attached", timeout=LOAD_TIMEOUT)
    assert page.get_attribute("body", "data-course-missing") == "0", "a tool did not load"
    return page


def test_the_home_page_has_the_course_look_and_every_lesson_link(site, site_url, page):
    page.goto(site_url + "/", wait_until="domcontentloaded")
    page.wait_for_url("**/voici/render/00-start-here.html", timeout=30_000)
    page.wait_for_selector(READY, state="attached", timeout=LOAD_TIMEOUT)
    assert page_problems(page) == []
    expect(page.locator("h1").first).to_contain_text("Start here")
    expect(page.locator("#rendered_cells")).to_contain_text("education, not a diagnosis")
    width = page.locator("#rendered_cells > div").first.evaluate(
        "e => getComputedStyle(e).maxWidth"
    )
    assert width == "992px"  # the course template's reading width, 62rem
    links = page.locator("#rendered_cells a[href]").evaluate_all(
        "a => a.map(x => x.getAttribute('href'))"
    )
    assert {f"{name}.html" for name in LESSONS} <= set(links)
    assert not [h for h in links if h.endswith(".ipynb")], "a link still points at a notebook"
    for name in LESSONS + ["dashboard"]:
        assert (site / "voici" / "render" / f"{name}.html").exists(), name
    # The course map's images are served beside the page, as in Voila.
    drawn = page.locator("#rendered_cells img").evaluate_all(
        "imgs => imgs.map(i => i.complete && i.naturalWidth > 0)"
    )
    assert drawn and all(drawn)
    # The icons come from the site's own Font Awesome.
    page.locator("#rendered_cells").get_by_role("link").first.wait_for()


def test_lesson_03_timer_starts_and_the_visit_is_remembered(site_url, page):
    open_site(page, site_url, "03-sitting-and-posture")
    assert page_problems(page) == []
    page.locator(".bsc-timer").get_by_role("button", name="Start").click()
    expect(page.locator(".bsc-timer-state")).to_contain_text("Sitting", timeout=30_000)
    record = json.loads(page.evaluate("localStorage.getItem('bsc-progress')") or "{}")
    assert "03" in record.get("visited", [])


def test_lesson_04_ticking_a_food_shows_its_totals(site_url, page):
    open_site(page, site_url, "04-food-and-muscles")
    potassium = page.locator(".bsc-nutrients .bsc-nutrient-bar").first
    expect(potassium).to_contain_text("0 / 2,600 mg (0%)")
    box = page.locator(".bsc-food-banana").get_by_role(
        "checkbox", name=FOODS["banana"].name, exact=True
    )
    box.check()
    expect(potassium).to_contain_text("422 / 2,600 mg (16%)", timeout=30_000)


def test_lesson_06_unanswered_rule_and_a_vignette_per_tier(site_url, page):
    open_site(page, site_url, "06-symptoms-and-when-to-get-help")
    tool = page.locator(".bsc-selfcheck")
    step = tool.locator(".bsc-step")
    # Nothing is ticked, and Next with nothing answered names what is missing.
    assert tool.locator("input[type=radio]:checked").count() == 0
    tool.get_by_role("button", name="Next").click()
    expect(tool.locator(".bsc-selfcheck-missing")).to_contain_text("have no answer yet")
    expect(step).to_contain_text("Step 1 of 4")
    for yes, level, words in VIGNETTES:
        # Each step is shown by layout.display = None: the None trait the site's shim carries.
        panel = walk_to_result(page, yes, level, timeout=30_000)
        expect(panel).to_contain_text(words)
        tool.get_by_role("button", name="Start again").click()
        expect(step).to_contain_text("Step 1 of 4")
        # The answers are cleared (set to None in Python): the page shows none ticked.
        expect(tool.locator("input[type=radio]:checked")).to_have_count(0)


def test_lesson_05_pacer_starts_and_stops(site_url, page):
    open_site(page, site_url, "05-stress-and-tension")
    pacer = page.locator(".bsc-pacer")
    expect(pacer.locator(".bsc-pacer-phase")).to_contain_text("Press Start")
    pacer.get_by_role("button", name="Start").click()
    expect(pacer.locator(".bsc-pacer-phase")).to_contain_text("Breathe in", timeout=30_000)
    expect(pacer.get_by_role("button", name="Start")).to_be_disabled()
    pacer.get_by_role("button", name="Stop").click()
    expect(pacer.get_by_role("button", name="Start")).to_be_enabled(timeout=30_000)


def test_lesson_09_plan_downloads(site_url, page, tmp_path):
    open_site(page, site_url, "09-review")
    page.get_by_label("Sitting schedule").select_option(label="Every 20 min, 2 min move")
    expect(page.locator(".bsc-plan-preview")).to_contain_text(
        "Every 20 min, 2 min move", timeout=30_000
    )
    with page.expect_download() as info:
        page.get_by_role("link", name="Download as Markdown").click()
    download = info.value
    assert download.suggested_filename == "my-back-care-plan.md"
    download.save_as(tmp_path / "plan.md")
    text = (tmp_path / "plan.md").read_text(encoding="utf-8")
    assert text.startswith("# My back-care plan") and "Every 20 min, 2 min move" in text


def test_the_dashboard_switches_tools(site_url, page):
    open_site(page, site_url, "dashboard")
    assert page_problems(page) == []
    expect(page.locator(".bsc-timer")).to_be_visible()
    page.get_by_role("button", name="Nutrient checklist").click()
    expect(page.locator(".bsc-nutrients")).to_be_visible(timeout=60_000)
    page.get_by_role("button", name="Symptom self-check").click()
    expect(page.locator(".bsc-selfcheck")).to_be_visible(timeout=60_000)
    expect(page.locator("#rendered_cells a[href='00-start-here.html']")).to_have_count(1)


def test_every_request_stayed_on_loopback(requests_seen):
    # Runs last in this module: the whole session's requests, workers' included.
    assert len(requests_seen) > 100  # the log works: the runtime, wheels and pages were fetched
    assert any("static/pyodide/pyodide.asm.wasm" in u for u in requests_seen)
    assert [u for u in requests_seen if is_outside(u)] == []


def test_the_site_names_no_outside_host(site):
    from tools.site.build import outside_references

    assert outside_references(site) == []


def test_what_a_page_imports_at_start_is_bytecode_and_no_tests_are_shipped(site):
    """The wheels a page loads are built for speed, as Pyodide's own are: the modules the kernel
    and the course import while a page starts are compiled (Python 3.12 bytecode, no source to
    compile in the learner's browser), test folders are left out, and jedi is an empty stand-in."""
    import zipfile

    wheels = {p.name.split("-")[0].lower(): p for p in (site / "static/pyodide").glob("*.whl")}
    names = {k: zipfile.ZipFile(p).namelist() for k, p in wheels.items()}
    started = ("IPython/core/interactiveshell", "ipywidgets/widgets/widget", "traitlets/traitlets")
    for module in started:
        wheel = names[module.split("/")[0].lower()]
        assert f"{module}.pyc" in wheel and f"{module}.py" not in wheel, module
    course = names["back_spasm_course"]
    assert "widgets/timer/__init__.pyc" in course and "widgets/selfcheck/__init__.pyc" in course
    assert not [n for n in course if n.endswith(".py")]  # the course: every module, all lazy
    with zipfile.ZipFile(wheels["ipython"]) as z:
        header = z.read("IPython/core/interactiveshell.pyc")[:8]
    assert header[:4] == (3531).to_bytes(2, "little") + b"\r\n"  # CPython 3.12's magic number
    assert int.from_bytes(header[4:8], "little") == 0b01  # hash-based, never checked: no source
    assert not [n for k in names for n in names[k] if "/tests/" in n]
    assert [n for n in names["jedi"] if not n.startswith("jedi-")] == []  # dist-info only
    # Modules nothing imports at start stay source (bytecode is about three times larger).
    assert "pygments/lexers/rust.py" in names["pygments"]
