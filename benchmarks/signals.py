"""How late the sitting timer's reminder is in a hidden page (``--only signals``).

One Chromium page on a test-only notebook whose timer clock runs fast (the schedule is told its
speed, so the moment handed to the page is a real one: a 3-minute sitting time falls due after
``180 / SPEED`` s). Each run: Start, another page brought to the front and the course page told it
is hidden (as in tests/browser/test_timer_signals.py), wait past the due moment, read what the
page recorded (tab title, Web Audio oscillator start, ``Notification`` construction, each with
``Date.now()``), then Reset. Lateness = first signal − the due moment the page was handed; the
report gives the median and the worst over the runs, in ms, for each signal.

Chromium is the one the tests drive (headless; Playwright keeps its pages from being throttled
as real background tabs are), so the figure is the page's own scheduling delay plus the kernel
round trip that is not on the signal's path. It shows that one timer for the moment fires on
time; it cannot show a real background tab's throttling.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from benchmarks.server import VoilaServer
from benchmarks.stats import median
from tests.support.pages import open_page
from tests.support.timer import RECORDER, SPEED, fast_notebook, set_visibility

NOTEBOOK = "fast-reminder.ipynb"
SIGNALS = ("title", "sound", "notification")


def _first_after(events: list[dict], since: int) -> int | None:
    times = [e["at"] for e in events if e["at"] >= since]
    return min(times) if times else None


def one_run(page) -> dict:
    """Start, hide, wait for the due moment, return each signal's lateness in ms (None: none)."""
    started = page.evaluate("Date.now()")
    page.get_by_role("button", name=re.compile(r"^\W*Start$")).click()
    reminder = page.locator(".bsc-signals")
    page.wait_for_function(
        "el => el.dataset.dueMs !== ''", arg=reminder.element_handle(), timeout=10_000
    )
    due = int(reminder.get_attribute("data-due-ms"))
    other = page.context.new_page()
    other.goto("about:blank")
    other.bring_to_front()
    set_visibility(page, hidden=True)
    time.sleep(max(0.0, due / 1000 - time.time()) + 2.5)
    rec = page.evaluate("window.__bsc")
    titles = [t for t in rec["titles"] if t["title"].startswith("Time to move")]
    found = {
        "title": _first_after(titles, started),
        "sound": _first_after(rec["tones"], started),
        "notification": _first_after(rec["notes"], started),
    }
    early = [name for name, at in found.items() if at is not None and at < due]
    page.bring_to_front()
    other.close()
    set_visibility(page, hidden=False)
    page.get_by_role("button", name=re.compile(r"^\W*Reset$")).click()
    page.wait_for_function(
        "el => el.dataset.dueMs === ''", arg=reminder.element_handle(), timeout=10_000
    )
    return {
        "due_ms": due,
        "late_ms": {k: (None if v is None else v - due) for k, v in found.items()},
        "early": early,
    }


def measure(browser, repo: Path, workdir: Path, runs: int = 10) -> dict:
    """``runs`` hidden-page runs on one page; median and worst lateness per signal."""
    folder = workdir / "signals"
    folder.mkdir(parents=True, exist_ok=True)
    fast_notebook(folder)
    results = []
    with VoilaServer(folder, repo, workdir / "voila-signals.log") as server:
        context = browser.browser.new_context(
            viewport={"width": 1280, "height": 900}, permissions=["notifications"]
        )
        try:
            context.add_init_script(RECORDER)
            page = context.new_page()
            open_page(page, server.base, NOTEBOOK)
            box = page.locator(".bsc-signals").get_by_label("System notification")
            box.check()
            for _ in range(runs):
                results.append(one_run(page))
        finally:
            context.close()
    summary = {}
    for name in SIGNALS:
        late = [r["late_ms"][name] for r in results]
        got = [x for x in late if x is not None]
        summary[name] = {
            "runs": len(late),
            "missed": len(late) - len(got),
            "early": sum(1 for r in results if name in r["early"]),
            "median_ms": median(got) if got else None,
            "worst_ms": max(got) if got else None,
        }
    return {"speed": SPEED, "runs": results, "summary": summary}


def rows(section: dict) -> tuple[list[str], list[list[str]]]:
    headers = ["signal", "runs", "missed", "early", "median late ms", "worst late ms"]
    body = []
    for name, s in section["summary"].items():
        body.append(
            [
                name,
                str(s["runs"]),
                str(s["missed"]),
                str(s["early"]),
                "–" if s["median_ms"] is None else f"{s['median_ms']:.0f}",
                "–" if s["worst_ms"] is None else f"{s['worst_ms']:.0f}",
            ]
        )
    return headers, body
