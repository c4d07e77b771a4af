"""Every command the README prints works as printed, and a page Voila cannot render says so.

A newcomer or a teacher copies the README's commands into a terminal. Each is run here the way
they would run it (from the repository, no environment variable set), and the pages it serves
are opened in Chromium: widgets drawn, nothing from the internet. Where a command must differ
here, the test says how and why (a free port instead of 8866; two dashboard kernels instead of 31).
`make test` is the command running this test, and `make bench` takes minutes: both are checked by
what `make -n` would run.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.browser.harness import forgive_shutdown_beacon, open_page, page_problems
from tests.browser.jupyter import forgive_early_image_404s
from tests.browser.test_lab import assert_home_images_drawn
from tests.course import lesson_file
from tests.support.paths import NOTEBOOKS, REPO
from tests.support.servers import free_port, serve_voila, server_env, stop, wait_for_http

README = (REPO / "README.md").read_text(encoding="utf-8")
#: The README's commands, each with the test that runs it.
COVERED = {
    "make serve": "test_make_serve_serves_the_course",
    "make serve PORT=8866": "test_make_serve_serves_the_course",
    "make test": "test_make_test_runs_every_layer",
    "make lab": "test_make_lab_opens_the_course_home",
    "make lint": "test_make_lint_runs_ruff",
    "make bench": "test_make_bench_runs_the_benchmarks",
    "make course": "test_make_course_writes_what_is_committed",
    ".venv/bin/voila notebooks": "test_classroom_command_as_printed",
    "make site": "test_make_site_builds_the_static_site",
    "python3 -m": "test_the_static_site_serve_command_as_printed",
}


def bash_lines() -> list[str]:
    """The commands of the README's bash blocks (indented ones too), continuations joined,
    comments dropped."""
    lines = []
    for block in re.findall(r"^[ \t]*```bash\n(.*?)^[ \t]*```", README, re.S | re.M):
        for line in re.sub(r"\\\n\s*", " ", block).splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if line:
                lines.append(line)
    return lines


def readme_commands() -> set[str]:
    """Every command the README shows: `make ...` mentions and the first two words of bash lines."""
    commands = {m.strip() for m in re.findall(r"`(make [a-z]+(?: [A-Z]+=\S+)?)`", README)}
    return commands | {" ".join(line.split()[:2]) for line in bash_lines()}


def test_every_readme_command_has_a_test():
    commands = readme_commands()
    assert {"make serve", "make test", ".venv/bin/voila notebooks"} <= commands  # the parser works
    assert commands - set(COVERED) == set(), "a README command no test runs"


def make(*args: str, env: dict | None = None, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        ["make", *args], cwd=REPO, env=env or server_env(), start_new_session=True, **kwargs
    )


def test_make_serve_serves_the_course(page, tmp_path):
    port = free_port()
    with open(tmp_path / "log", "wb") as out:
        proc = make("serve", f"PORT={port}", stdout=out, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_http(base + "/", proc, timeout=120)
        open_page(page, base, "00-start-here.ipynb")
        assert page_problems(page) == []
        printed = (tmp_path / "log").read_text()
        assert f"Course home: {base}/voila/render/00-start-here.ipynb" in printed
    finally:
        stop(proc)


def classroom_command(port: int) -> list[str]:
    """The README's classroom command, with a free port and a dashboard pool of 2 instead of 31
    (31 kernels would take 3.4 GB and the machine's two cores for minutes; the pool size is not
    what could break: the template, the flags and the quoting are)."""
    text = " ".join(c for c in bash_lines() if c.startswith(".venv/bin/voila "))
    assert text.startswith(".venv/bin/voila notebooks ") and '"pool_size": 31' in text
    text = text.replace("--port=8866", f"--port={port}").replace(
        '"pool_size": 31', '"pool_size": 2'
    )
    return shlex.split(text)


def test_classroom_command_as_printed(page, tmp_path):
    port = free_port()
    with open(tmp_path / "log", "wb") as out:
        proc = subprocess.Popen(
            classroom_command(port), cwd=REPO, env=server_env(), stdout=out,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_http(base + "/", proc, timeout=120)
        for notebook in ("dashboard.ipynb", lesson_file("03")):
            open_page(page, base, notebook)
            assert page_problems(page) == []
        forgive_shutdown_beacon(page)  # leaving the dashboard for lesson 03 (voila issue 1458)
        assert "TemplateNotFound" not in (tmp_path / "log").read_text(errors="replace")
    finally:
        stop(proc)


def test_make_lab_opens_the_course_home(page, tmp_path):
    before = subprocess.run(
        ["git", "status", "--porcelain", "notebooks"], cwd=REPO, capture_output=True, text=True
    ).stdout
    port, token = free_port(), "readme-make-lab"
    # Jupyter reads its port and token from these variables; BROWSER=true keeps it from opening
    # a browser window on the test machine (the learner's `make lab` opens theirs).
    env = {**server_env(), "JUPYTER_PORT": str(port), "JUPYTER_TOKEN": token, "BROWSER": "true"}
    with open(tmp_path / "log", "wb") as out:
        proc = make("lab", env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_http(f"{base}/api/status?token={token}", proc, timeout=120)
        page.goto(f"{base}/lab?token={token}", wait_until="domcontentloaded")
        tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")
        expect(tab).to_contain_text("00-start-here.ipynb", timeout=90_000)
        expect(page.locator(".jp-NotebookPanel:visible h1").first).to_contain_text(
            "Start here", timeout=60_000
        )
        assert_home_images_drawn(page)
        forgive_early_image_404s(page, base, NOTEBOOKS / "images")
    finally:
        stop(proc)
    after = subprocess.run(
        ["git", "status", "--porcelain", "notebooks"], cwd=REPO, capture_output=True, text=True
    ).stdout
    assert after == before, "make lab changed the lessons in the repository"


def test_make_lint_runs_ruff():
    done = subprocess.run(["make", "lint"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ruff check ." in done.stdout and "ruff format --check ." in done.stdout


def test_make_course_writes_what_is_committed():
    """`make course` (after a manifest edit) rewrites the home page's map and the footers; on the
    committed course it must write exactly what is committed: the notebooks are unchanged."""
    before = {p.name: p.read_bytes() for p in NOTEBOOKS.glob("*.ipynb")}
    done = subprocess.run(["make", "course"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "write_home.py" in done.stdout and "write_footers.py" in done.stdout
    after = {p.name: p.read_bytes() for p in NOTEBOOKS.glob("*.ipynb")}
    assert after == before, [n for n in before if after.get(n) != before[n]]


def dry_run(target: str) -> str:
    done = subprocess.run(["make", "-n", target], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_make_test_runs_every_layer():
    # This test runs inside `make test`: what it would run is checked, not run again.
    plan = dry_run("test")
    for layer in (
        "ruff check .",
        "pytest tests/unit tests/views tests/content",
        "pytest --nbval-lax notebooks tests/notebooks",
        "pytest tests/browser",
    ):
        assert layer in plan, layer
    # The browser layer in three runs that together hold every browser test once: the rest, then
    # the serial ones beside the quiet ones. Their -m expressions must split every kind of test
    # (a test is never both serial and quiet: conftest refuses it).
    runs = re.findall(r'pytest tests/browser .*?-m "([^"]+)"', plan)
    assert len(runs) == 3, runs
    for names in ({"serial": False, "quiet": False}, {"serial": True, "quiet": False},
                  {"serial": False, "quiet": True}):  # fmt: skip
        chosen = [eval(expr, {}, names) for expr in runs]  # (the markers' boolean expressions)
        assert chosen.count(True) == 1, (names, runs)
    assert "wait $quiet" in plan  # the two last runs at once, and make test waits for both


def test_make_bench_runs_the_benchmarks():
    assert ".venv/bin/python -m benchmarks" in dry_run("bench")


def test_make_site_builds_the_static_site():
    # The build itself (minutes from a cold cache) runs once per session in test_site.py's
    # fixture, through the same function: here, that `make site` calls it.
    assert "-m tools.site" in dry_run("site")
    assert "-m tools.site" in dry_run("test")  # make test builds the site before the tests


SITE_SERVERS = ["python3 -m http.server", "python3 -m tools.site.serve"]


@pytest.mark.parametrize("server", SITE_SERVERS)
def test_the_static_site_serve_command_as_printed(tmp_path, server):
    """Both README lines that serve build/site/ do, as printed (on a free port); the course's own
    server also sends the runtime gzip-encoded and answers a returning browser with 304."""
    from tools.site.build import build

    (line,) = [c for c in bash_lines() if c.startswith(server + " ")]
    site = build()  # up to date after test_site.py: only checked
    port = free_port()
    cmd = shlex.split(line.replace(" 8000", f" {port}"))
    assert f" {port}" in " ".join(cmd), "the README's port (8000) is where the test puts its own"
    assert cmd[:3] == server.split()
    if server.endswith("http.server"):
        assert "build/site" in cmd  # (tools.site.serve serves build/site/ unless told otherwise)
    with open(tmp_path / "log", "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, *cmd[1:]], cwd=REPO, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_http(base + "/", proc, timeout=30)
        with urllib.request.urlopen(base + "/", timeout=10) as response:
            assert "voici/render/00-start-here.html" in response.read().decode()
        with urllib.request.urlopen(base + "/voici/render/00-start-here.html", timeout=10) as r:
            assert "data-course-ready" in r.read().decode()
        assert (site / "index.html").exists()
        if server.endswith("tools.site.serve"):
            wasm = base + "/static/pyodide/pyodide.asm.wasm"
            ask = urllib.request.Request(wasm, headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(ask, timeout=30) as r:
                body, headers = r.read(), r.headers
            assert headers["Content-Encoding"] == "gzip"
            assert headers["Content-Type"] == "application/wasm"
            assert len(body) < 0.5 * (site / "static/pyodide/pyodide.asm.wasm").stat().st_size
            since = {"Accept-Encoding": "gzip", "If-Modified-Since": headers["Last-Modified"]}
            again = urllib.request.Request(wasm, headers=since)
            with pytest.raises(urllib.error.HTTPError) as answer:
                urllib.request.urlopen(again, timeout=10)
            assert answer.value.code == 304
            with urllib.request.urlopen(wasm, timeout=30) as r:  # no gzip asked: the file itself
                assert r.headers["Content-Encoding"] is None
                assert len(r.read()) == (site / "static/pyodide/pyodide.asm.wasm").stat().st_size
    finally:
        stop(proc)


# --- a page Voila cannot render ------------------------------------------------------------------

NO_TEMPLATE = "--VoilaConfiguration.template=not-installed"
#: Without a template the file tree (/) cannot render either: wait for Voila's static files.
STATIC = "/voila/static/voila.js"
STOCK_MANAGER = (
    "--VoilaConfiguration.multi_kernel_manager_class="
    "jupyter_server.services.kernels.kernelmanager.AsyncMappingKernelManager"
)


@pytest.mark.parametrize("notebook", ["00-start-here.ipynb", lesson_file("03")])
def test_a_page_that_cannot_render_says_so(page, tmp_path, notebook):
    # The home page comes from a preheated kernel (pooled), lesson 03 from a kernel started on
    # demand: both paths end in the error page, at once.
    with serve_voila(NOTEBOOKS, tmp_path / "log", NO_TEMPLATE, ready_path=STATIC) as (base, _):
        started = time.monotonic()
        page.goto(f"{base}/voila/render/{notebook}", wait_until="load", timeout=60_000)
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text("This lesson could not be opened", timeout=30_000)
        expect(alert).to_contain_text("TemplateNotFound")
        assert time.monotonic() - started < 30
        assert "Traceback" not in page.inner_text("body")
        page.get_by_role("button", name="Reload the page").click()
        expect(page.get_by_role("alert")).to_contain_text("This lesson could not be opened")


def test_without_the_guard_the_same_page_never_finishes(tmp_path):
    # The failure the guard exists for, reproduced: Voila's own kernel manager (so
    # course_server.kernels, which installs the guard, is never imported) and no template. The
    # page only streams heartbeats: after 12 s the response has no HTML and is still open.
    with serve_voila(
        NOTEBOOKS, tmp_path / "log", NO_TEMPLATE, STOCK_MANAGER, ready_path=STATIC
    ) as (base, _):
        url = f"{base}/voila/render/03-sitting-and-posture.ipynb"
        body, ended, deadline = b"", False, time.monotonic() + 12
        with urllib.request.urlopen(url, timeout=15) as response:
            try:
                while time.monotonic() < deadline:
                    chunk = response.read1(4096)
                    if not chunk:
                        ended = True
                        break
                    body += chunk
            except TimeoutError:
                pass  # nothing at all for 15 s: still open
        assert not ended, "the page ended"
        assert b"<html" not in body.lower()
    assert "TemplateNotFound" in (tmp_path / "log").read_text(errors="replace")
