"""The static site (``make site``) beside Voila: time to interactive per page, and 30 learners.

``python -m benchmarks --only site`` (part of ``make bench``). In one run, on the same machine:

* **Voila**, cold: each page in a new Chromium context (browser.Browser.load, as the pages section).
* **Site, cold**: the same page from build/site/ (served by ``python -m http.server`` on loopback)
  in a new context: Pyodide downloads, starts, imports IPython and the course, runs the cells.
* **Site, warm**: the same page again in that context (HTTP cache and service worker warm): what a
  returning learner, or the next lesson, costs.
* **30 learners**: the file server under a class at once. A learner's browser runs Python itself,
  so the server's only work is sending files: each simulated learner downloads every file one real
  cold load of the page fetched (6 connections and ``Accept-Encoding: gzip``, as Chromium; one
  ``curl`` per learner, so that the load generator is not the bottleneck), all 30 at the same
  moment. Twice: with ``python3 -m http.server`` and with the course's ``tools.site.serve``
  (gzip copies, sendfile). The figure is a learner's time to interactive with the class's p95
  download time in place of one learner's (target ≤ 1.2× of one learner alone).

TTI is ``window.courseReadyAt`` (navigation start → every tool drawn), set by the course template
in Voila and by its site variant (tools/site/template) on the site.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.stats import median, percentile, ratio

READY_JS = "() => window.courseReadyAt !== undefined"


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


#: The two file servers the class is measured against: {name: module run with ``-m``}.
SERVERS = {
    "python3 -m http.server": "http.server",
    "python3 -m tools.site.serve": "tools.site.serve",
}


class StaticServer:
    """``python -m <module> --bind 127.0.0.1 --directory folder PORT``, stopped by its pid."""

    def __init__(self, folder: Path, module: str = "http.server") -> None:
        from tests.support.servers import free_port

        self.folder, self.module, self.port = folder, module, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> StaticServer:
        from tests.support.paths import REPO
        from tests.support.servers import wait_for_http

        self.proc = subprocess.Popen(
            [sys.executable, "-m", self.module, "--bind", "127.0.0.1",
             "--directory", str(self.folder), str(self.port)],
            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        wait_for_http(self.base + "/index.html", self.proc, timeout=30)
        return self

    def __exit__(self, *exc) -> None:
        from tests.support.servers import stop

        if self.proc is not None:
            stop(self.proc)


def site_load(browser, base: str, name: str, context=None, timeout: float = 240) -> dict:
    """One load of ``voici/render/<name>.html``: {"tti_s", "urls", "error"}."""
    own = context is None
    if own:
        context = browser.browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    urls: list[str] = []
    host = urlsplit(base).netloc
    context.on("request", lambda r: urlsplit(r.url).netloc == host and urls.append(r.url))
    out: dict = {"tti_s": None, "urls": urls, "error": None}
    try:
        page.goto(f"{base}/voici/render/{name}.html", wait_until="commit", timeout=timeout * 1000)
        page.wait_for_function(READY_JS, timeout=timeout * 1000, polling=50)
        out["tti_s"] = page.evaluate("window.courseReadyAt") / 1000
        missing = page.get_attribute("body", "data-course-missing")
        if missing not in (None, "0"):
            out["error"] = f"{missing} tool(s) did not load"
    except Exception as exc:  # a stuck page is a figure, not a crash
        out["error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
    finally:
        page.close()
        if own:
            context.close()
    return out


def fetch_all(urls: list[str], connections: int = 6) -> float:
    """Seconds to download every URL over ``connections`` parallel connections (one learner),
    asking for gzip as a browser does. One ``curl`` (C, like a browser's network stack), or
    Python threads where there is no curl."""
    started = time.monotonic()
    curl = shutil.which("curl")
    if curl:
        config = "".join(f'url = "{u}"\noutput = "/dev/null"\n' for u in urls)
        subprocess.run(
            [curl, "--silent", "--no-progress-meter", "--fail", "--globoff", "--parallel",
             "--parallel-max", str(connections), "-H", "Accept-Encoding: gzip", "--config", "-"],
            input=config, text=True, check=True, timeout=300,
        )  # fmt: skip
        return time.monotonic() - started

    def get(url: str) -> int:
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=120) as response:
            return len(response.read())

    with ThreadPoolExecutor(connections) as pool:
        list(pool.map(get, urls))
    return time.monotonic() - started


def classroom(urls: list[str], learners: int = 30, singles: int = 3) -> dict:
    """The file server under ``learners`` simultaneous learners' downloads of ``urls``."""
    unique = list(dict.fromkeys(u for u in urls if "/api/" not in u))
    single = [fetch_all(unique) for _ in range(singles)]
    with ThreadPoolExecutor(learners) as pool:
        times = list(pool.map(lambda _: fetch_all(unique), range(learners)))
    return {
        "learners": learners,
        "files": len(unique),
        "single_s": median(single),
        "p50_s": median(times),
        "p95_s": percentile(times, 95),
        "max_s": max(times),
        "p95_ratio": ratio(percentile(times, 95), median(single)),
    }


def measure(browser, voila, pages: list[str], loads: int, learners: int = 30) -> dict:
    """Voila cold, site cold and site warm TTI per page (medians of ``loads``), and the class."""
    from tools.site.build import build, site_summary

    site = build()
    out: dict = {"summary": site_summary(site), "rows": []}
    with StaticServer(site) as server:
        recorded: list[str] = []
        for name in pages:
            voila_t, cold_t, warm_t, errors = [], [], [], set()
            for round_ in range(loads):
                say(f"  site: {name} round {round_ + 1}/{loads}")
                result, _, _ = browser.load(voila, f"{name}.ipynb", timeout=120)
                if result.ok:
                    voila_t.append(result.tti_s)
                else:
                    errors.add(f"voila: {result.error}")
                context = browser.browser.new_context(viewport={"width": 1280, "height": 900})
                try:
                    cold = site_load(browser, server.base, name, context=context)
                    warm = site_load(browser, server.base, name, context=context)
                finally:
                    context.close()
                for load, into in ((cold, cold_t), (warm, warm_t)):
                    if load["error"]:
                        errors.add(f"site: {load['error']}")
                    elif load["tti_s"] is not None:
                        into.append(load["tti_s"])
                if not recorded:
                    recorded = list(cold["urls"])
            row = {
                "page": name,
                "voila_s": median(voila_t),
                "site_cold_s": median(cold_t),
                "site_warm_s": median(warm_t),
                "errors": sorted(errors),
            }
            row["cold_ratio"] = ratio(row["site_cold_s"], row["voila_s"])
            row["warm_ratio"] = ratio(row["site_warm_s"], row["voila_s"])
            out["rows"].append(row)
            say(f"    {row}")
    # What a learner waits for: the downloads (which the class shares) plus starting Python on
    # their own device (which it does not): the first page's cold TTI with the single learner's
    # download time replaced by the class's p95.
    first = out["rows"][0]["site_cold_s"] if out["rows"] else None
    # The recorded URLs without their host: each server below has its own port.
    paths = [urlsplit(u)._replace(scheme="", netloc="").geturl() for u in recorded]
    out["classrooms"] = {}
    for name, module in SERVERS.items():
        with StaticServer(site, module) as server:
            say(f"  site: {learners} learners downloading one page's files at once ({name})")
            c = classroom([server.base + p for p in paths], learners=learners)
        if first is not None and c["p95_s"] is not None:
            c["tti_ratio"] = ratio(first - c["single_s"] + c["p95_s"], first)
        out["classrooms"][name] = c
    return out


def text(result: dict) -> str:
    s = result["summary"]
    lines = [
        f"Static site: {s['mb']} MB in {s['files']} files (Pyodide {s['pyodide_mb']} MB)",
        f"{'page':40} {'Voila s':>8} {'site cold s':>12} {'×':>6} {'site warm s':>12} {'×':>6}",
    ]

    def fmt(v, spec=".1f"):
        return "—" if v is None else format(v, spec)

    for r in result["rows"]:
        lines.append(
            f"{r['page']:40} {fmt(r['voila_s']):>8} {fmt(r['site_cold_s']):>12} "
            f"{fmt(r['cold_ratio'], '.2f'):>6} {fmt(r['site_warm_s']):>12} "
            f"{fmt(r['warm_ratio'], '.2f'):>6}" + (f"  {r['errors']}" if r["errors"] else "")
        )
    for name, c in result.get("classrooms", {}).items():
        lines.append(
            f"{c['learners']} learners at once, {c['files']} files each, {name}: one alone "
            f"{fmt(c['single_s'], '.2f')} s, p95 {fmt(c['p95_s'], '.2f')} s "
            f"(×{fmt(c['p95_ratio'], '.2f')} of the downloads; a learner's time to interactive "
            f"×{fmt(c.get('tti_ratio'), '.2f')}, target ≤ 1.2)"
        )
    return "\n".join(lines)
