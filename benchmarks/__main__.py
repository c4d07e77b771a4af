"""``python -m benchmarks`` (``make bench``): page speed, kernel memory, interaction and classroom.

Options: ``--quick`` (3 loads per page, 10 learners, two scenarios) for a fast check;
``--only classroom --scenarios configured --bursts 5`` for bursts in a row of chosen scenarios;
``--only pages,imports,interaction,classroom`` to run some sections; ``--markdown`` to print the
last results as Markdown tables without running anything. Results go to
``benchmarks/results/latest.json``; see ``benchmarks/README.md`` for what each figure means.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # `python benchmarks` or another cwd: the harness lives in tests/
    sys.path.insert(0, str(REPO))

from benchmarks import classroom as cr  # noqa: E402
from benchmarks import importtime, report  # noqa: E402
from benchmarks import notebooks as nbs  # noqa: E402
from benchmarks import signals as timer_signals  # noqa: E402
from benchmarks import site as static_site  # noqa: E402
from benchmarks.browser import CHECKLIST_JS, ROUNDTRIP_JS, SELFCHECK_JS, Browser  # noqa: E402
from benchmarks.learners import KERNEL_ID, plan, widget_outputs  # noqa: E402
from benchmarks.server import VoilaServer  # noqa: E402
from benchmarks.stats import difference, median, percentile, ratio  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "latest.json"
SECTIONS = ("imports", "pages", "interaction", "classroom", "signals", "site")
#: The static site section's pages (quick: the timer lesson and the dashboard).
SITE_PAGES = (
    "00-start-here",
    "03-sitting-and-posture",
    "06-symptoms-and-when-to-get-help",
    "dashboard",
)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def versions(browser_version: str | None) -> dict:
    found = {"python": platform.python_version()}
    for name in ("voila", "ipywidgets", "ipykernel", "jupyter_server", "tornado", "anywidget"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "missing"
    found["chromium"] = browser_version or "?"
    return found


class Clock:
    """The run's time budget: sections ask it before starting something long."""

    def __init__(self, budget_s: float) -> None:
        self.start = time.monotonic()
        self.budget = budget_s

    def elapsed(self) -> float:
        return time.monotonic() - self.start

    def left(self) -> float:
        return self.budget - self.elapsed()


# --- pages ---------------------------------------------------------------------------------------


def measure_pages(server, browser, pages, loads: int, clock: Clock) -> dict:
    """Cold loads, interleaved (baseline, page 1, page 2, ..., repeat) so drift hits all alike."""
    names = [nbs.BASELINE] + [p.name for p in pages]
    runs: dict[str, list] = {name: [] for name in names}
    for round_ in range(loads):
        say(f"  pages: round {round_ + 1}/{loads} ({len(names)} pages)")
        for name in names:
            result, _, _ = browser.load(server, name)
            runs[name].append(result)
            if not result.ok:
                say(f"    {name}: {result.error}")
        if 2 <= round_ < loads - 1 and clock.left() < 420:
            say("  pages: stopping early to keep the run inside its time budget")
            break

    def row(name: str) -> dict:
        done = runs[name]
        ok = [r for r in done if r.ok]
        return {
            "page": name,
            "loads": len(done),
            "ok": len(ok),
            "errors": sorted({r.error for r in done if r.error}),
            "tti_s": median([r.tti_s for r in ok]),
            "tti_all_s": [r.tti_s for r in done],
            "html_s": median([r.html_s for r in ok]),
            "kernel_mb": median([r.kernel_rss_mb for r in ok]),
            "requests": median([r.requests for r in done]),
            "mb": median([r.wire_bytes / 1e6 for r in done]),
        }

    base = row(nbs.BASELINE)
    rows = []
    for page in pages:
        r = row(page.name)
        r["tools"] = list(page.tools)
        r["tti_ratio"] = ratio(r["tti_s"], base["tti_s"])
        r["kernel_mb_over"] = difference(r["kernel_mb"], base["kernel_mb"])
        rows.append(r)
    return {"baseline": base, "rows": rows}


def returning_learner(server, browser) -> dict:
    """The baseline loaded twice in one browser context: what the second visit still fetches."""
    context = browser.browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        first, _, _ = browser.load(server, nbs.BASELINE, context=context)
        again, _, _ = browser.load(server, nbs.BASELINE, context=context)
    finally:
        context.close()
    return {
        "page": nbs.BASELINE,
        "first_requests": first.requests,
        "requests": again.requests,
        "from_cache": again.from_cache,
        "to_server": again.requests - again.from_cache,
        "mb": again.wire_bytes / 1e6,
        "tti_s": again.tti_s,
    }


def page_alone(server, page: str) -> int | None:
    """The widget outputs in ``page``'s HTML when it is loaded alone (its kernel is shut down)."""
    try:
        with urllib.request.urlopen(f"{server.base}/voila/render/{page}", timeout=120) as response:
            html = response.read().decode("utf-8", "replace")
    except OSError as exc:
        say(f"  {page} alone: {exc}")
        return None
    found = KERNEL_ID.search(html)
    if found:
        server.shutdown_kernel(found.group(1))
    return widget_outputs(html)


def record_plan(server, browser, page: str) -> tuple[dict, float | None]:
    """One recorded Chromium load of ``page``: the learners' request plan, with the number of
    widget outputs the page has alone (a learner's page with fewer is missing a tool)."""
    result, context, tab = browser.load(server, page, record=True, keep=True)
    try:
        html = tab.content()
    except Exception:
        html = ""
    browser.finish(server, result, context)
    recorded = plan(result.recorded, f"/voila/render/{page}", html, result.kernel_id)
    recorded["widget_outputs"] = page_alone(server, page)
    say(f"  {page} alone: {recorded['widget_outputs']} widget output(s)")
    return recorded, result.tti_s


# --- interaction ----------------------------------------------------------------------------------


def measure_interaction(server, browser, pages, samples: int) -> list[dict]:
    def run(what: str, page: str | None, script: str, n: int, missing: str) -> dict:
        row = {"what": what, "page": page, "n": 0}
        if page is None:
            row["status"] = f"not available yet ({missing})"
            say(f"  {what}: {row['status']}")
            return row
        result, context, tab = browser.load(server, page, keep=True)
        try:
            if not result.ok:
                row["status"] = f"page did not load: {result.error}"
                return row
            out = tab.evaluate(script, {"n": n, "timeout": 5000})
        except Exception as exc:
            out = {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"}
        finally:
            browser.finish(server, result, context)
        times = [t for t in out.get("times", []) if t is not None]
        row.update(
            n=len(times),
            timeouts=len(out.get("times", [])) - len(times),
            median_ms=median(times),
            p95_ms=percentile(times, 95),
            samples_ms=out.get("times", []),
        )
        if out.get("error") and not times:
            row["status"] = f"not available yet ({out['error']})"
        else:
            row["status"] = "ok" if not row["timeouts"] else f"{row['timeouts']} timed out"
        say(f"  {what}: {row['status']} median {row['median_ms']}")
        return row

    base = run("baseline round trip", nbs.ROUNDTRIP, ROUNDTRIP_JS, samples, "")
    checklist = nbs.page_using(pages, "NutrientChecklist", "04-")
    selfcheck = nbs.page_using(pages, "SymptomCheck", "06-")
    rows = [
        base,
        run(
            "nutrient checklist: tick → bar",
            checklist.name if checklist else None,
            CHECKLIST_JS,
            samples,
            "no page shows NutrientChecklist",
        ),
        run(
            "self-check: emergency Yes → result",
            selfcheck.name if selfcheck else None,
            SELFCHECK_JS,
            max(10, samples // 2),
            "no page shows SymptomCheck",
        ),
    ]
    for row in rows[1:]:
        row["ratio"] = ratio(row.get("median_ms"), base.get("median_ms"))
    return rows


# --- classroom ------------------------------------------------------------------------------------


def estimate_s(scenario: str, learners: int, singles: int) -> float:
    cost = 20 + 1.6 * learners + 4 * singles
    if cr.SCENARIOS[scenario].preheat:
        # Filling the pool, then watching it refill after the class came in.
        cost += 1.5 * learners + 30
    return cost


def measure_classroom(args, workdir, served, browser, plans, browser_single, clock) -> dict:
    targets = list(plans)
    out: dict = {"targets": targets, "single": {}, "bursts": []}
    scenarios = [k.strip() for k in (args.scenarios or "").split(",") if k.strip()]
    runs = cr.classroom_runs(targets, args.quick, scenarios, args.learners, args.bursts)
    for scenario_key, page, learners, singles in runs:
        label = f"{scenario_key}, {page}, {learners} learners"
        if clock.left() < estimate_s(scenario_key, learners, singles) + 20:
            say(f"  classroom: skipping {label} (time budget)")
            out["bursts"].append(
                {"scenario": scenario_key, "page": page, "learners": learners,
                 "skipped": "time budget"}
            )  # fmt: skip
            continue
        say(f"  classroom: {label}")
        spec = {"page": f"/voila/render/{page}", **plans[page], "timeout": cr.STUCK_AFTER}
        result, single_times = cr.run_scenario(
            cr.SCENARIOS[scenario_key], page, learners, served, REPO, workdir, browser, spec,
            single_repeats=singles,
        )  # fmt: skip
        if single_times:
            out["single"][page] = {
                "ready_s": median(single_times),
                "runs_s": single_times,
                "browser_s": browser_single.get(page),
            }
        data = result.__dict__.copy()
        reference = out["single"].get(page, {}).get("ready_s")
        data["p95_ratio"] = cr.learner_ratio(data["p95_s"], reference, browser_single.get(page))
        data["p95_ratio_protocol"] = ratio(data["p95_s"], reference)
        data["observer_ratio"] = ratio(data["observer_s"], browser_single.get(page))
        out["bursts"].append(data)
        say(
            f"    p50 {data['p50_s']} p95 {data['p95_s']} ×{data['p95_ratio']} "
            f"failures {data['failures']} dead {data['dead_kernels']} "
            f"IOPub timeouts {data['iopub_timeouts']} (wait max {data['iopub_wait_max_s']} s) "
            f"peak {data['peak_total_mb']:.0f} MB"
        )
    out["pod"] = cr.pod_fit(out["bursts"])
    return out


# --- the run --------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="3 loads per page, 10 learners")
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections")
    parser.add_argument("--loads", type=int, help="cold loads per page (default 5, quick 3)")
    parser.add_argument(
        "--budget", type=float, help="seconds for the whole run (default 840, quick 540)"
    )
    parser.add_argument(
        "--scenarios",
        help="classroom: only these scenarios (comma-separated keys, e.g. configured,preheat)",
    )
    parser.add_argument(
        "--learners", type=int, default=30, help="classroom learners with --scenarios (30)"
    )
    parser.add_argument(
        "--bursts", type=int, default=1, help="bursts in a row per scenario with --scenarios (1)"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="where the JSON goes")
    parser.add_argument(
        "--markdown", action="store_true", help="print the last results as Markdown"
    )
    args = parser.parse_args(argv)
    if args.markdown:
        print(report.markdown(json.loads(args.out.read_text())))
        return 0
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = only - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    loads = args.loads or (3 if args.quick else 5)
    clock = Clock(args.budget or (540 if args.quick else 840))

    workdir = Path(tempfile.mkdtemp(prefix="bsc-bench-"))
    served = nbs.prepare(REPO / "notebooks", workdir)
    pages = nbs.discover(served)
    results: dict = {
        "meta": {
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "mode": "quick" if args.quick else "full",
            "machine": {
                "cpus": os.cpu_count(),
                "memory_gb": psutil.virtual_memory().total / 2**30,
                "load_start": os.getloadavg()[0],
                "platform": platform.platform(),
            },
            "pages": [p.name for p in pages],
        }
    }
    results["meta"]["versions"] = versions(None)
    say(f"benchmark ({results['meta']['mode']}): {len(pages)} course page(s); work in {workdir}")
    browser = None
    try:
        if "imports" in only:
            say("imports: python -X importtime")
            results["imports"] = importtime.measure_all(REPO, repeats=1 if args.quick else 3)
        if only & {"pages", "interaction", "classroom", "signals", "site"}:
            browser = Browser()
        results["meta"]["versions"] = versions(browser.version if browser else None)
        plans: dict = {}
        browser_single: dict = {}
        if only & {"pages", "interaction", "classroom"}:
            with VoilaServer(served, REPO, workdir / "voila-pages.log") as server:
                page_rows: list[dict] = []
                if "pages" in only:
                    say(f"pages: {loads} cold loads each, interleaved with the baseline")
                    results["pages"] = measure_pages(server, browser, pages, loads, clock)
                    results["pages"]["returning"] = returning_learner(server, browser)
                    page_rows = results["pages"]["rows"]
                    browser_single = {r["page"]: r["tti_s"] for r in page_rows}
                if "interaction" in only:
                    say("interaction: measured inside the page")
                    results["interaction"] = measure_interaction(
                        server, browser, pages, 10 if args.quick else 20
                    )
                if "classroom" in only:
                    for page in cr.classroom_targets(pages, page_rows):
                        plans[page], tti = record_plan(server, browser, page)
                        browser_single.setdefault(page, tti)
        if "site" in only:
            site_pages = [SITE_PAGES[1], SITE_PAGES[3]] if args.quick else list(SITE_PAGES)
            site_loads = 1 if args.quick else min(loads, 3)
            say(f"site: {site_loads} load(s) of {len(site_pages)} pages, site beside Voila")
            with VoilaServer(served, REPO, workdir / "voila-site.log") as server:
                results["site"] = static_site.measure(
                    browser, server, site_pages, site_loads, learners=args.learners
                )
        if "signals" in only:
            runs = 10 if args.quick else 12
            say(f"signals: {runs} hidden-page runs of the sitting timer's reminder")
            results["signals"] = timer_signals.measure(browser, REPO, workdir, runs)
        if "classroom" in only and plans:
            say(f"classroom: targets {', '.join(plans)}")
            results["classroom"] = measure_classroom(
                args, workdir, served, browser, plans, browser_single, clock
            )
    finally:
        if browser is not None:
            browser.close()
        results["meta"]["machine"]["load_end"] = os.getloadavg()[0]
        results["meta"]["duration_s"] = clock.elapsed()
        results["verdicts"] = report.verdicts(results)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=1, default=str))
        shutil.rmtree(workdir, ignore_errors=True)
    print(report.text(results))
    if results.get("site"):
        print("\n" + static_site.text(results["site"]))
    print(f"\nresults: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
