"""The benchmark's pure helpers: statistics, import-time parsing, generated notebooks, plans."""

from __future__ import annotations

import asyncio
import json
import struct

import nbformat
import pytest

from benchmarks import importtime, learners, report
from benchmarks import notebooks as nbs
from benchmarks.classroom import (
    SCENARIOS,
    Scenario,
    classroom_runs,
    classroom_targets,
    learner_ratio,
    pod_fit,
)
from benchmarks.server import iopub_timeouts, iopub_waits, kernel_trouble
from benchmarks.stats import difference, fmt_ratio, median, percentile, ratio, summary, table

# --- statistics -----------------------------------------------------------------------------------


def test_percentile_interpolates_between_samples():
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile([4, 1, 3, 2], 0) == 1
    assert percentile([4, 1, 3, 2], 100) == 4
    assert percentile(range(1, 101), 95) == pytest.approx(95.05)


def test_percentile_ignores_missing_samples_and_is_none_without_any():
    assert percentile([None, 3.0, float("nan"), 1.0], 50) == 2.0
    assert percentile([], 50) is None
    assert percentile([None], 95) is None


@pytest.mark.parametrize("q", [-1, 100.5])
def test_percentile_rejects_impossible_percentiles(q):
    with pytest.raises(ValueError, match="between 0 and 100"):
        percentile([1, 2], q)


def test_median_of_odd_and_even_counts():
    assert median([3, 1, 2]) == 2
    assert median([1, 2, 3, 10]) == 2.5


def test_ratio_and_difference_against_a_baseline():
    assert ratio(3.0, 2.0) == 1.5
    assert ratio(None, 2.0) is None
    assert ratio(3.0, None) is None
    assert ratio(3.0, 0) is None  # a zero baseline is a broken measurement, not infinity
    assert difference(60.5, 53.0) == 7.5
    assert difference(None, 53.0) is None


def test_summary_reports_p50_p95_and_max():
    s = summary([1.0, 2.0, 3.0, 4.0, 100.0])
    assert s == {"n": 5, "p50": 3.0, "p95": pytest.approx(80.8), "max": 100.0}
    assert summary([]) == {"n": 0, "p50": None, "p95": None, "max": None}


def test_table_aligns_columns_and_shows_missing_values_as_a_dash():
    text = table(
        ["page", "ratio"], [["a.ipynb", fmt_ratio(1.234)], ["longer.ipynb", fmt_ratio(None)]]
    )
    lines = text.splitlines()
    assert lines[0].startswith("page") and lines[1].startswith("----")
    assert lines[2].endswith("1.23×")
    assert lines[3].endswith("–")
    assert len({len(line) for line in lines[1:]}) == 1  # every row as wide as the rule


# --- python -X importtime -------------------------------------------------------------------------

IMPORTTIME = """\
import time: self [us] | cumulative | imported package
import time:       207 |        207 |   _distutils_hack
import time:      1285 |      12923 | site
@@bench-importtime-marker
import time:       190 |        190 |       _json
import time:       325 |        514 |     json.scanner
import time:       320 |        834 |   json.decoder
import time:      1224 |       2058 | json
import time:      3000 |       3000 |   widgets.content
import time:       500 |       3700 |   widgets.nutrients.model
import time:       200 |       4100 | widgets.nutrients.view
"""


def test_parse_importtime_reads_times_depths_and_names():
    lines = importtime.parse_importtime(IMPORTTIME)
    assert len(lines) == 9  # the header and the marker are not import lines
    assert lines[0] == importtime.ImportLine(207, 207, 1, "_distutils_hack")
    assert lines[1] == importtime.ImportLine(1285, 12923, 0, "site")
    assert lines[2].depth == 3 and lines[2].module == "_json"


def test_only_the_imports_after_the_marker_count():
    after = importtime.parse_importtime(importtime.after_marker(IMPORTTIME))
    assert [line.module for line in after if line.depth == 0] == ["json", "widgets.nutrients.view"]
    assert importtime.total_ms(after) == pytest.approx((2058 + 4100) / 1000)
    assert importtime.after_marker("no marker here") == "no marker here"


def test_heaviest_names_the_course_modules_and_groups_other_packages():
    after = importtime.parse_importtime(importtime.after_marker(IMPORTTIME))
    heavy = dict(importtime.heaviest(after, top=3))
    assert list(heavy) == ["widgets.content", "json", "widgets.nutrients.model"]
    assert heavy["json"] == pytest.approx((325 + 320 + 1224) / 1000)  # _json is its own package


def test_view_modules_lists_each_tool_that_has_a_view(tmp_path):
    for tool in ("timer", "quiz"):
        (tmp_path / tool).mkdir()
        (tmp_path / tool / "view.py").write_text("")
    (tmp_path / "data").mkdir()
    assert importtime.view_modules(tmp_path) == [
        "widgets",
        "widgets.quiz.view",
        "widgets.timer.view",
    ]


# --- the generated notebooks ----------------------------------------------------------------------


def test_baseline_is_one_markdown_cell_and_one_slider():
    nb = nbs.baseline_notebook()
    nbformat.validate(nb)
    assert [c.cell_type for c in nb.cells] == ["markdown", "code"]
    assert "IntSlider" in nb.cells[1].source
    assert nb.metadata.kernelspec.name == "python3"


def test_roundtrip_notebook_echoes_the_slider_into_a_label_from_the_kernel():
    nb = nbs.roundtrip_notebook()
    nbformat.validate(nb)
    source = nb.cells[1].source
    assert ".observe(" in source and "label" in source
    assert nbs.ROUNDTRIP_LABEL in source and nbs.ROUNDTRIP_SLIDER in source
    namespace: dict = {}
    exec(source.rsplit("\n", 1)[0], namespace)  # without the last line, which only displays
    namespace["slider"].value = 7
    assert namespace["label"].value == "7"


def test_prepare_copies_the_lessons_and_adds_both_yardsticks(tmp_path):
    lessons = tmp_path / "lessons"
    (lessons / "images").mkdir(parents=True)
    (lessons / "images" / "a.svg").write_text("<svg/>")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("from widgets import SittingTimer\nSittingTimer()")]
    nbformat.write(nb, lessons / "03-sitting.ipynb")
    served = nbs.prepare(lessons, tmp_path / "work")
    assert (served / "images" / "a.svg").exists()
    assert {p.name for p in served.glob("*.ipynb")} == {
        "03-sitting.ipynb",
        nbs.BASELINE,
        nbs.ROUNDTRIP,
    }
    pages = nbs.discover(served)
    assert pages == [nbs.Page("03-sitting.ipynb", ("SittingTimer",), 1)]


def test_tools_in_reads_every_import_form():
    assert nbs.tools_in("from widgets import SittingTimer\nSittingTimer()") == ("SittingTimer",)
    assert nbs.tools_in("from widgets import (Quiz,\n  SymptomCheck)") == ("Quiz", "SymptomCheck")
    assert nbs.tools_in("from widgets.timer import SittingSchedule") == ("SittingSchedule",)
    assert nbs.tools_in("import ipywidgets as w") == ()


def test_page_using_prefers_the_lesson_over_the_dashboard():
    pages = [
        nbs.Page("04-food.ipynb", ("NutrientChecklist",), 1),
        nbs.Page("dashboard.ipynb", ("NutrientChecklist", "SymptomCheck"), 1),
    ]
    assert nbs.page_using(pages, "NutrientChecklist", "04-").name == "04-food.ipynb"
    assert nbs.page_using(pages, "SymptomCheck", "06-").name == "dashboard.ipynb"
    assert nbs.page_using(pages, "Quiz", "09-") is None


# --- the simulated learner -----------------------------------------------------------------------

KID = "0e8a7b2c-1111-4222-8333-444455556666"


def test_plan_splits_what_the_html_names_from_what_scripts_fetch_later():
    base = "http://127.0.0.1:9000"
    recorded = [
        {"url": f"{base}/voila/render/x.ipynb", "method": "GET", "status": 200},
        {"url": f"{base}/voila/static/voila.js", "method": "GET", "status": 200},
        {"url": f"{base}/voila/static/123.voila.js", "method": "GET", "status": 200},
        {"url": f"{base}/voila/static/123.voila.js", "method": "GET", "status": 200},
        {"url": f"{base}/api/kernels/{KID}?1795537962267", "method": "GET", "status": 200},
        {"url": f"{base}/voila/files/images/missing.svg", "method": "GET", "status": 404},
        {"url": f"{base}/voila/api/shutdown/{KID}", "method": "POST", "status": 204},
        {"url": "data:image/png;base64,AAAA", "method": "GET", "status": 200},
    ]
    html = '<script src="/voila/static/voila.js"></script>'
    p = learners.plan(recorded, "/voila/render/x.ipynb", html, KID)
    assert p["head"] == [{"path": "/voila/static/voila.js", "status": 200}]
    assert p["rest"] == [
        {"path": "/voila/static/123.voila.js", "status": 200},
        {"path": "/api/kernels/{kernel_id}", "status": 200},
        {"path": "/voila/files/images/missing.svg", "status": 404},
    ]


def test_decode_ws_reads_text_and_binary_kernel_messages():
    msg = {"header": {"msg_type": "comm_msg"}, "content": {"data": {"method": "update_states"}}}
    assert learners.decode_ws(json.dumps(msg)) == msg
    body, buffer = json.dumps(msg).encode(), b"\x00\x01\x02"
    offsets = [12, 12 + len(body)]  # header: count + 2 offsets = 3 × 4 bytes
    framed = struct.pack("!III", 2, *offsets) + body + buffer
    assert learners.decode_ws(framed) == msg


def test_the_learners_http_client_reads_chunked_and_sized_replies_on_one_connection():
    async def scenario():
        requests = []

        async def serve(reader, writer):
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                requests.append(head.split(b" ")[1].decode())
                if len(requests) == 1:
                    writer.write(
                        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
                    )
                else:
                    writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nnah")
                await writer.drain()

        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        seen = []
        conn = learners.Connection("127.0.0.1", port)
        first = await conn.get("/page", on_headers=lambda: seen.append("headers"), keep_body=True)
        second = await conn.get("/missing")
        conn.close()
        server.close()
        return requests, seen, first, second

    requests, seen, first, second = asyncio.run(scenario())
    assert requests == ["/page", "/missing"]  # the same kept-alive connection served both
    assert seen == ["headers"]
    assert (first.status, first.body) == (200, b"hello world")
    assert (second.status, second.body) == (404, b"")  # bodies are counted, not kept
    assert second.wire > len(b"nah")


def _output(data: dict) -> str:
    body = json.dumps({"data": data, "metadata": {}, "output_type": "display_data"})
    return f'<script type="application/vnd.voila.cell-output+json">\n    {body}\n  </script>'


def test_widget_outputs_counts_what_the_page_html_carries():
    widget = {"application/vnd.jupyter.widget-view+json": {"model_id": "ab"}, "text/plain": "W"}
    html = "".join(
        [
            '<div cell-index="2">',
            _output(widget),
            _output({"text/plain": "{'potassium': 1}"}),  # a result, not a widget
            "</div>",
            # The course template names the tag in a comment of its own script: not an output.
            '<script>// each <script type="application/vnd.voila.cell-output+json"> that its '
            "manager replaces; 'application/vnd.jupyter.widget-view+json' </script>",
            _output(widget),
        ]
    )
    assert learners.widget_outputs(html) == 2
    assert learners.widget_outputs("<html></html>") == 0


def test_a_page_with_fewer_widget_outputs_than_alone_is_a_missing_output():
    assert learners.shortfall(0, 1) == "0 of 1 widget outputs"
    assert learners.shortfall(3, 4) == "3 of 4 widget outputs"
    assert learners.shortfall(1, 1) is None
    assert learners.shortfall(2, 1) is None  # more is not a shortfall
    assert learners.shortfall(0, None) is None  # nothing to compare with: no verdict


def test_a_learner_whose_page_lacks_a_tool_fails_as_missing_output():
    """A page served without the widget output it has alone: the learner's failure is
    ``missing-output`` (what they see), even though the kernel's websocket then fails too."""
    page = (
        '<script id="jupyter-config-data">{"kernelId": "'
        + KID
        + '"}</script>'
        + _output({"text/plain": "only text"})
    )

    async def scenario(alone: int):
        async def serve(reader, writer):
            try:
                while True:
                    head = await reader.readuntil(b"\r\n\r\n")
                    path = head.split(b" ")[1].decode()
                    if "/channels" in path:  # no websocket here: the kernel "is not there"
                        writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                        await writer.drain()
                        writer.close()
                        return
                    body = page.encode() if path == "/voila/render/x.ipynb" else b"{}"
                    writer.write(
                        b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body) + body
                    )
                    await writer.drain()
            except (asyncio.IncompleteReadError, ConnectionError):
                writer.close()

        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        spec = {
            "base": f"http://127.0.0.1:{port}", "page": "/voila/render/x.ipynb", "head": [],
            "rest": [{"path": "/api/kernels/{kernel_id}", "status": 200}], "timeout": 10,
            "widget_outputs": alone,
        }  # fmt: skip
        try:
            return await learners.learn(spec, 0)
        finally:
            server.close()

    lacking = asyncio.run(scenario(alone=1))
    assert (lacking.ok, lacking.failure) == (False, "missing-output")
    assert lacking.detail == "0 of 1 widget outputs" and lacking.widget_outputs == 0
    complete = asyncio.run(scenario(alone=0))  # the same page, nothing missing: its own failure
    assert complete.failure == "websocket"


def test_iopub_timeouts_and_waits_are_read_from_a_voila_log():
    log = (
        "[Voila] Kernel started: abc\n"
        "bsc-iopub-wait 0.041 idle\n"
        "[Voila] WARNING | Timeout waiting for IOPub output\n"
        "bsc-iopub-wait 4.012 timeout\n"
        "[Voila] WARNING | Timeout waiting for IOPub output\n"
        "bsc-iopub-wait 12.5 idle\n"
        "a line that says bsc-iopub-wait 99 idle in the middle\n"
    )
    assert iopub_timeouts(log) == 2
    assert iopub_waits(log) == [0.041, 4.012, 12.5]
    assert iopub_timeouts("") == 0 and iopub_waits("") == []


def test_the_iopub_probe_times_the_executors_wait_and_changes_nothing_else():
    import nbclient.client

    from benchmarks.classroom import IOPUB_PROBE_PY

    real = nbclient.client.asyncio
    try:
        exec(compile(IOPUB_PROBE_PY, "voila.py", "exec"), {})
        probed = nbclient.client.asyncio
        assert probed is not real
        assert probed.ensure_future is real.ensure_future and probed.sleep is real.sleep

        async def waits():
            done = await probed.wait_for(real.sleep(0, "idle"), 1)
            late = real.ensure_future(real.sleep(5))
            with pytest.raises(real.TimeoutError):
                await probed.wait_for(late, 0.05)
            return done, late.cancelled()

        assert real.run(waits()) == ("idle", True)
    finally:
        nbclient.client.asyncio = real


# --- server, scenarios and verdicts ---------------------------------------------------------------


def test_kernel_trouble_finds_dead_kernels_in_a_voila_log():
    log = (
        "[Voila] Kernel started: abc\n"
        "zmq.error.ZMQError: Address already in use (addr='tcp://127.0.0.1:53211')\n"
        "[Voila] KernelRestarter: restarting kernel (1/5), new random ports\n"
        "[Voila] WARNING | Notebook x.ipynb is not trusted\n"
    )
    found = kernel_trouble(log)
    assert len(found) == 2 and "Address already in use" in found[0]


def test_a_preheated_scenario_pools_kernels_for_the_class_page_only():
    config = SCENARIOS["preheat-refill-15s"].config("dashboard.ipynb", 30)
    manager = config["VoilaKernelManager"]
    assert config["VoilaConfiguration"]["preheat_kernel"] is True
    assert manager["kernel_pools_config"] == {
        "default": {"pool_size": 0},
        "dashboard.ipynb": {"pool_size": 30},
    }
    assert manager["fill_delay"] == 15
    # voila.json sets its own delay: the "Voila's default" scenario must say 1 s outright.
    default_refill = SCENARIOS["preheat"].config("dashboard.ipynb", 10)["VoilaKernelManager"]
    assert default_refill["fill_delay"] == 1
    assert Scenario("configured", "as it is").config("dashboard.ipynb", 30) is None
    # The reference and the single-setting scenarios switch voila.json's small pools off.
    for key in ("bare", "ipc", "gzip"):
        config = SCENARIOS[key].config("dashboard.ipynb", 30)
        assert config == {"VoilaConfiguration": {"preheat_kernel": False}}, key


def _results(tti_ratio: float, over_mb: float, p95_ratio: float, failures: dict) -> dict:
    return {
        "pages": {
            "rows": [{"page": "04-food.ipynb", "tti_ratio": tti_ratio, "kernel_mb_over": over_mb}]
        },
        "interaction": [
            {"what": "baseline round trip", "median_ms": 15.0, "status": "ok"},
            {"what": "self-check", "median_ms": None, "status": "not available yet"},
        ],
        "classroom": {
            "bursts": [
                {"scenario": "bare", "page": "04-food.ipynb", "learners": 30, "failures": failures,
                 "dead_kernels": 0, "p95_ratio": p95_ratio},
            ]
        },
    }  # fmt: skip


def test_verdicts_say_which_targets_are_met_and_which_are_missed():
    met = {v["target"]: v["met"] for v in report.verdicts(_results(1.2, 10.0, 2.5, {}))}
    assert met["every page's time to interactive ≤ 1.5× baseline"] is True
    assert met["every page's kernel ≤ 25 MB over baseline"] is True
    assert met["self-check: median < 100 ms"] is None  # not available is not a pass
    assert met["dashboard ≤ 1.5× baseline"] is None
    missed = report.verdicts(_results(1.6, 30.0, 2.5, {"stuck": 1}))
    assert [v["met"] for v in missed if v["met"] is not None] == [False, False, False]


def test_an_iopub_timeout_misses_the_classroom_target_even_with_no_failed_learner():
    results = _results(1.2, 10.0, 2.5, {})
    results["classroom"]["bursts"][0]["iopub_timeouts"] = 1
    (verdict,) = [v for v in report.verdicts(results) if v["target"].startswith("30 learners")]
    assert verdict["met"] is False
    assert "1 IOPub timeouts" in verdict["figure"]
    results["classroom"]["bursts"][0].update(iopub_timeouts=0, iopub_timeouts_before=1)
    (verdict,) = [v for v in report.verdicts(results) if v["target"].startswith("30 learners")]
    assert verdict["met"] is False, "a pool that filled with a timeout hands out a broken page"
    results["classroom"]["bursts"][0]["failures"] = {"missing-output": 2}
    results["classroom"]["bursts"][0]["iopub_timeouts_before"] = 0
    (verdict,) = [v for v in report.verdicts(results) if v["target"].startswith("30 learners")]
    assert verdict["met"] is False and verdict["figure"].startswith("2 failures")


def test_the_classroom_table_shows_iopub_timeouts_beside_the_dead_kernels():
    burst = {
        "scenario": "configured", "page": "dashboard.ipynb", "learners": 30, "p50_s": 15.0,
        "p95_s": 15.2, "max_s": 15.3, "failures": {"missing-output": 3}, "dead_kernels": 0,
        "iopub_timeouts": 4, "iopub_wait_max_s": 4.2, "peak_kernels_mb": 1900.0,
        "peak_kernel_count": 34, "requests_per_learner": 99, "mb_per_learner": 5.56,
    }  # fmt: skip
    headers, rows = report.classroom_rows([burst])
    row = dict(zip(headers, rows[0], strict=True))
    assert row["failures"] == "3 (missing-output 3)"
    assert (row["dead"], row["IOPub t/o"], row["IOPub wait max s"]) == ("0", "4", "4.20")
    assert headers.index("IOPub t/o") == headers.index("dead") + 1
    # A pool filling before the burst renders the pages the class gets: its timeouts are shown.
    burst.update(iopub_timeouts_before=2, iopub_wait_max_before_s=4.5)
    row = dict(zip(headers, report.classroom_rows([burst])[1][0], strict=True))
    assert row["IOPub t/o"] == "4 (before: 2)"
    assert row["IOPub wait max s"] == "4.20 (before: 4.50)"


# --- the classroom's arithmetic -------------------------------------------------------------------


def test_learner_ratio_adds_each_learners_own_browser_time():
    # Alone: 1.0 s of protocol + 1.0 s in the learner's own browser = 2.0 s in Chromium.
    # In the class the protocol part took 5.0 s; the browser part did not grow: 6.0 / 2.0.
    assert learner_ratio(5.0, 1.0, 2.0) == pytest.approx(3.0)
    assert learner_ratio(1.0, 1.0, 2.0) == pytest.approx(1.0)
    assert learner_ratio(5.0, None, 2.0) is None
    assert learner_ratio(5.0, 1.0, None) is None


def test_the_class_opens_the_dashboard_when_there_is_one():
    pages = [
        nbs.Page("00-start-here.ipynb", (), 0),
        nbs.Page("03-sitting.ipynb", ("SittingTimer",), 1),
        nbs.Page("04-food.ipynb", ("NutrientChecklist",), 1),
    ]
    rows = [{"page": "03-sitting.ipynb", "tti_s": 2.0}, {"page": "04-food.ipynb", "tti_s": 3.0}]
    assert classroom_targets(pages, rows) == ["04-food.ipynb", "00-start-here.ipynb"]
    with_dashboard = [*pages, nbs.Page("dashboard.ipynb", ("SittingTimer",), 1)]
    assert classroom_targets(with_dashboard, rows) == ["dashboard.ipynb"]
    assert classroom_targets([pages[0]], []) == ["00-start-here.ipynb"]


def test_a_quick_run_only_opens_the_page_for_ten_learners():
    quick = classroom_runs(["04-food.ipynb", "00-start-here.ipynb"], quick=True)
    assert {learners for _, _, learners, _ in quick} == {10}
    assert {page for _, page, _, _ in quick} == {"04-food.ipynb"}
    full = classroom_runs(["04-food.ipynb", "00-start-here.ipynb"], quick=False)
    assert ("bare", "04-food.ipynb", 30, 0) in full
    assert ("bare", "00-start-here.ipynb", 30, 0) in full
    assert all(scenario in SCENARIOS for scenario, _, _, _ in full)


def test_bursts_in_a_row_of_chosen_scenarios():
    runs = classroom_runs(
        ["dashboard.ipynb"], quick=False, scenarios=["configured", "preheat-refill-15s"], bursts=5
    )
    assert (
        runs
        == [("configured", "dashboard.ipynb", 30, 0)] * 5
        + [("preheat-refill-15s", "dashboard.ipynb", 30, 0)] * 5
    )
    assert classroom_runs(["x.ipynb"], quick=True, scenarios=["bare"], learners=10) == [
        ("bare", "x.ipynb", 10, 0)
    ]
    with pytest.raises(ValueError, match="unknown scenario"):
        classroom_runs(["x.ipynb"], quick=False, scenarios=["fast"])


def test_pod_fit_counts_kernels_and_the_server_against_two_gigabytes():
    bursts = [
        {"scenario": "bare", "learners": 10, "peak_total_mb": 700.0, "peak_server_mb": 150.0,
         "peak_kernel_count": 11},
        {"scenario": "preheat", "learners": 10, "peak_total_mb": 1300.0, "peak_server_mb": 150.0,
         "peak_kernel_count": 22},
        {"scenario": "bare", "learners": 30, "peak_total_mb": 1800.0, "peak_server_mb": 160.0,
         "peak_kernel_count": 31},
    ]  # fmt: skip
    fit = pod_fit(bursts)
    assert fit["mb_per_kernel"] == pytest.approx(50.0)
    assert fit["learners_per_pod"] == 37  # (2048 - 150) // 50
    assert fit["learners_per_pod_with_pool"] == 18  # two kernels per learner once it refills
    assert fit["fits"] is True and fit["worst_scenario"] == "preheat"
    assert pod_fit([bursts[2]]) is None  # no 10-learner burst, no verdict


# --- the timer reminder's lateness ----------------------------------------------------------------


def signal_summary(worst_sound: float | None, early: int = 0) -> dict:
    late = {"runs": 10, "missed": 0, "early": 0, "median_ms": 300.0, "worst_ms": 900.0}
    sound = dict(late, worst_ms=worst_sound, early=early)
    if worst_sound is None:
        sound.update(missed=10, median_ms=None)
    return {"summary": {"title": late, "sound": sound, "notification": late}}


def test_the_reminder_verdict_needs_every_signal_on_time_and_none_early():
    from benchmarks import signals

    def verdict(section):
        found = [v for v in report.verdicts({"signals": section}) if "reminder" in v["target"]]
        assert len(found) == 1
        return found[0]

    assert verdict(signal_summary(1200.0))["met"] is True
    assert verdict(signal_summary(2600.0))["met"] is False
    assert verdict(signal_summary(800.0, early=1))["met"] is False
    missed = verdict(signal_summary(None))
    assert missed["met"] is False and "10 early or missed" in missed["figure"]
    headers, rows = signals.rows(signal_summary(1200.0))
    assert headers[-2:] == ["median late ms", "worst late ms"]
    assert rows[1] == ["sound", "10", "0", "0", "300", "1200"]
