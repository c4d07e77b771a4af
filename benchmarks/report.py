"""The benchmark's results as printed tables, as target verdicts, and as Markdown for the README."""

from __future__ import annotations

from benchmarks.notebooks import DASHBOARD
from benchmarks.stats import fmt, fmt_ratio, table

#: The reminder's signals must come within this long after the due moment (issue 14).
SIGNAL_TARGET_MS = 2000.0

TTI_TARGET = 1.5  # × baseline
MEMORY_TARGET_MB = 25.0  # over the baseline's kernel
INTERACTION_TARGET_MS = 100.0
CLASS_RATIO_TARGET = 3.0  # p95 at 30 learners ÷ one learner
POD_MB = 2048.0
STUCK_S = 60.0


def _mb(value: float | None) -> str:
    return fmt(value, 1)


def pages_rows(results: dict) -> tuple[list[str], list[list[str]]]:
    headers = ["page", "TTI s", "× base", "HTML s", "kernel MB", "Δ MB", "requests", "MB sent",
               "loads ok"]  # fmt: skip
    rows = []
    for row in [results["baseline"], *results["rows"]]:
        rows.append(
            [
                row["page"],
                fmt(row["tti_s"]),
                fmt_ratio(row.get("tti_ratio")),
                fmt(row["html_s"]),
                _mb(row["kernel_mb"]),
                fmt(row.get("kernel_mb_over"), 1, "")
                if row.get("kernel_mb_over") is not None
                else "–",
                fmt(row["requests"], 0),
                fmt(row["mb"], 2),
                f"{row['ok']}/{row['loads']}",
            ]
        )
    return headers, rows


def imports_rows(rows: list[dict]) -> tuple[list[str], list[list[str]]]:
    headers = ["module", "ms over baseline", "ms cold", "heaviest (ms, self time)"]
    out = []
    for row in rows:
        heavy = ", ".join(f"{h['package']} {h['ms']:.0f}" for h in row["heaviest"][:4])
        out.append(
            [
                row["module"],
                fmt(row["over_baseline_ms"], 0),
                fmt(row["cold_ms"], 0),
                row["error"] or heavy or "–",
            ]
        )
    return headers, out


def interaction_rows(rows: list[dict]) -> tuple[list[str], list[list[str]]]:
    headers = ["interaction", "page", "median ms", "p95 ms", "× round trip", "n", "status"]
    out = []
    for row in rows:
        out.append(
            [
                row["what"],
                row.get("page") or "–",
                fmt(row.get("median_ms"), 1),
                fmt(row.get("p95_ms"), 1),
                fmt_ratio(row.get("ratio")),
                str(row.get("n", 0)),
                row.get("status", ""),
            ]
        )
    return headers, out


def _observer(burst: dict) -> str:
    if burst.get("observer_s"):
        return f"{burst['observer_s']:.2f} ({fmt_ratio(burst.get('observer_ratio'))})"
    return "failed" if burst.get("observer_error") else "–"


def _iopub(burst, before) -> str:
    """A burst's IOPub figure, with the one from before the burst (a pool filling) if any."""
    return f"{burst} (before: {before})" if before not in (0, None, "–") else str(burst)


def classroom_rows(bursts: list[dict]) -> tuple[list[str], list[list[str]]]:
    headers = ["scenario", "page", "n", "p50 s", "p95 s", "max s", "p95 × single",
               "(protocol)", "observer s (×)", "failures", "dead", "IOPub t/o",
               "IOPub wait max s", "kernel MB", "kernels", "req", "MB/learner"]  # fmt: skip
    out = []
    for b in bursts:
        if b.get("skipped"):
            out.append([b["scenario"], b["page"], str(b["learners"]), "skipped: " + b["skipped"]]
                       + [""] * (len(headers) - 4))  # fmt: skip
            continue
        failures = sum(b["failures"].values())
        kinds = ", ".join(f"{k} {v}" for k, v in b["failures"].items())
        out.append(
            [
                b["scenario"],
                b["page"],
                str(b["learners"]),
                fmt(b["p50_s"]),
                fmt(b["p95_s"]),
                fmt(b["max_s"]),
                fmt_ratio(b.get("p95_ratio")),
                fmt_ratio(b.get("p95_ratio_protocol")),
                _observer(b),
                f"{failures} ({kinds})" if failures else "0",
                str(b["dead_kernels"]),
                _iopub(b.get("iopub_timeouts", 0), b.get("iopub_timeouts_before", 0)),
                _iopub(fmt(b.get("iopub_wait_max_s")), fmt(b.get("iopub_wait_max_before_s"))),
                fmt(b["peak_kernels_mb"], 0),
                str(b["peak_kernel_count"]),
                fmt(b["requests_per_learner"], 0),
                fmt(b["mb_per_learner"], 2),
            ]
        )
    return headers, out


def verdicts(results: dict) -> list[dict]:
    """Each target of the issue: the figure, whether it is met, and by how much it is missed."""
    out = []
    pages = results.get("pages", {})
    rows = [r for r in pages.get("rows", []) if r.get("tti_ratio") is not None]
    if rows:
        worst = max(rows, key=lambda r: r["tti_ratio"])
        out.append(
            {
                "target": f"every page's time to interactive ≤ {TTI_TARGET}× baseline",
                "figure": f"worst {worst['tti_ratio']:.2f}× ({worst['page']})",
                "met": worst["tti_ratio"] <= TTI_TARGET,
            }
        )
        dash = [r for r in rows if r["page"] == DASHBOARD]
        out.append(
            {
                "target": f"dashboard ≤ {TTI_TARGET}× baseline",
                "figure": f"{dash[0]['tti_ratio']:.2f}×" if dash else "no dashboard yet",
                "met": dash[0]["tti_ratio"] <= TTI_TARGET if dash else None,
            }
        )
    mem = [r for r in pages.get("rows", []) if r.get("kernel_mb_over") is not None]
    if mem:
        worst = max(mem, key=lambda r: r["kernel_mb_over"])
        out.append(
            {
                "target": f"every page's kernel ≤ {MEMORY_TARGET_MB:.0f} MB over baseline",
                "figure": f"worst {worst['kernel_mb_over']:+.1f} MB ({worst['page']})",
                "met": worst["kernel_mb_over"] <= MEMORY_TARGET_MB,
            }
        )
    for row in results.get("interaction", []):
        if row["what"] == "baseline round trip":
            continue
        out.append(
            {
                "target": f"{row['what']}: median < {INTERACTION_TARGET_MS:.0f} ms",
                "figure": f"{row['median_ms']:.0f} ms" if row.get("median_ms") else row["status"],
                "met": row["median_ms"] < INTERACTION_TARGET_MS if row.get("median_ms") else None,
            }
        )
    classroom = results.get("classroom", {})
    thirty = [
        b for b in classroom.get("bursts", []) if b["learners"] >= 30 and not b.get("skipped")
    ]
    for b in thirty:
        failures = sum(b["failures"].values()) + b["dead_kernels"]
        # A cell whose output the executor stopped waiting for is a page served without it, to
        # this class or (a pool's pre-rendered page) to the next learner: a failure too.
        timeouts = b.get("iopub_timeouts", 0) + b.get("iopub_timeouts_before", 0)
        ratio = b.get("p95_ratio")
        out.append(
            {
                "target": f"30 learners, {b['scenario']} ({b['page']}): 0 failures, "
                f"0 IOPub timeouts, p95 ≤ {CLASS_RATIO_TARGET:.0f}× single",
                "figure": f"{failures} failures, {timeouts} IOPub timeouts, p95 {fmt_ratio(ratio)}",
                "met": failures == 0
                and timeouts == 0
                and ratio is not None
                and ratio <= CLASS_RATIO_TARGET,
            }
        )
    fit = classroom.get("pod")
    if fit:
        out.append(
            {
                "target": "10 learners fit a 2 GB Binder pod",
                "figure": f"peak {fit['peak_mb_worst']:.0f} MB of {POD_MB:.0f} "
                f"({fit['worst_scenario']})",
                "met": fit["fits"],
            }
        )
    summary = results.get("signals", {}).get("summary", {})
    if summary:
        worst = [v["worst_ms"] for v in summary.values()]
        bad = sum(v["missed"] + v["early"] for v in summary.values())
        out.append(
            {
                "target": "timer reminder in a hidden page: every signal within "
                f"{SIGNAL_TARGET_MS:.0f} ms of the due moment, none early or missed",
                "figure": f"worst {max(w for w in worst if w is not None):.0f} ms, "
                f"{bad} early or missed"
                if any(w is not None for w in worst)
                else "no signal arrived",
                "met": bad == 0 and all(w is not None and w <= SIGNAL_TARGET_MS for w in worst),
            }
        )
    return out


def verdict_rows(items: list[dict]) -> tuple[list[str], list[list[str]]]:
    mark = {True: "met", False: "MISSED", None: "n/a"}
    return ["target", "figure", ""], [[v["target"], v["figure"], mark[v["met"]]] for v in items]


def text(results: dict) -> str:
    """The whole report as plain-text tables."""
    meta = results["meta"]
    parts = [
        f"Back Spasm Course benchmark — {meta['date']} — {meta['mode']} run in "
        f"{meta.get('duration_s', 0):.0f} s",
        f"machine: {meta['machine']['cpus']} CPUs, {meta['machine']['memory_gb']:.1f} GB; "
        f"load average {meta['machine']['load_start']:.2f} at start, "
        f"{meta['machine'].get('load_end', 0):.2f} at end (other work on the machine slows "
        "everything: read the ratios, not the seconds)",
        "versions: " + ", ".join(f"{k} {v}" for k, v in meta["versions"].items()),
    ]
    if "pages" in results:
        parts += ["", "Pages (median of cold loads; TTI = until every widget is drawn)"]
        parts.append(table(*pages_rows(results["pages"])))
        back = results["pages"].get("returning")
        if back:
            parts.append(
                f"returning learner ({back['page']}, same browser, second visit): "
                f"{back['requests']} requests, {back['from_cache']} from the browser cache, "
                f"{back['to_server']} to the server, {back['mb']:.2f} MB; "
                f"TTI {fmt(back['tti_s'])} s"
            )
    if "imports" in results:
        parts += [
            "",
            "Import time (python -X importtime; 'over baseline' = after ipykernel + ipywidgets)",
        ]
        parts.append(table(*imports_rows(results["imports"])))
    if "interaction" in results:
        parts += ["", "Interaction latency (in the page: action → changed DOM → next frame)"]
        parts.append(table(*interaction_rows(results["interaction"])))
    if "classroom" in results:
        c = results["classroom"]
        parts += [
            "",
            "Classroom (simulated learners + 1 Chromium observer; a failed learner counts as "
            f"{STUCK_S:.0f} s; 'p95 × single' adds each learner's own browser time: see README)",
        ]
        for page, ref in c.get("single", {}).items():
            parts.append(
                f"one learner alone on {page}: {fmt(ref.get('ready_s'))} s "
                f"(protocol level; Chromium {fmt(ref.get('browser_s'))} s)"
            )
        parts.append(table(*classroom_rows(c.get("bursts", []))))
        if c.get("pod"):
            parts.append("Binder pod (2 GB): " + c["pod"]["summary"])
        for b in c.get("bursts", []):
            for line in b.get("failure_details", []) + b.get("kernel_log", []):
                parts.append(f"  {b['scenario']}/{b['learners']}: {line}")
    if "signals" in results:
        from benchmarks.signals import rows as signal_rows

        parts += [
            "",
            "Timer reminder in a hidden page (lateness = first signal - the due moment handed "
            "to the page)",
        ]
        parts.append(table(*signal_rows(results["signals"])))
    parts += ["", "Targets"]
    parts.append(table(*verdict_rows(results.get("verdicts", []))))
    return "\n".join(parts)


def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(c.replace("|", "/") for c in row) + " |" for row in rows]
    return "\n".join(lines)


def markdown(results: dict) -> str:
    """The figures as Markdown tables (``python -m benchmarks --markdown``), for the README."""
    meta = results["meta"]
    parts = [
        f"Measured {meta['date']} ({meta['mode']} run, {meta.get('duration_s', 0):.0f} s) on "
        f"{meta['machine']['cpus']} CPUs / {meta['machine']['memory_gb']:.0f} GB, load average "
        f"{meta['machine']['load_start']:.2f} → {meta['machine'].get('load_end', 0):.2f}; "
        + ", ".join(f"{k} {v}" for k, v in meta["versions"].items())
        + ".",
    ]
    if "pages" in results:
        parts += ["", markdown_table(*pages_rows(results["pages"]))]
    if "imports" in results:
        parts += ["", markdown_table(*imports_rows(results["imports"]))]
    if "interaction" in results:
        parts += ["", markdown_table(*interaction_rows(results["interaction"]))]
    if "classroom" in results:
        c = results["classroom"]
        parts += ["", markdown_table(*classroom_rows(c.get("bursts", [])))]
    parts += ["", markdown_table(*verdict_rows(results.get("verdicts", [])))]
    return "\n".join(parts)
