"""Headless Chromium: cold page loads, what they fetch, their kernel's memory, interaction latency.

Every load gets a new browser context (an empty cache, like a learner's first visit). Time to
interactive is ``window.courseReadyAt``, which the course template sets (in ms since navigation
start) once every widget output on the page is drawn. Network figures come from the Chrome DevTools
protocol, so bytes are what crossed the wire (compressed, if the server compressed them).
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit

from benchmarks.notebooks import ROUNDTRIP_LABEL, ROUNDTRIP_SLIDER
from benchmarks.server import VoilaServer
from tests.support.servers import CHROMIUM_ARGS, chromium_executable

READY_JS = "() => window.courseReadyAt !== undefined"
KERNEL_ID_JS = """() => {
  const el = document.getElementById('jupyter-config-data');
  try { return JSON.parse(el.textContent).kernelId || null; } catch (e) { return null; }
}"""
#: The course template sets data-course-missing to the number of code cells whose widget output
#: did not come (it then shows "This tool did not load — reload the page" in their place).
MISSING_JS = "() => Number(document.body.getAttribute('data-course-missing') || 0)"
TIMES_JS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return {ready: window.courseReadyAt, html: nav ? nav.responseEnd : null};
}"""


@dataclass
class Load:
    """One cold load of one page."""

    page: str
    ok: bool = False
    error: str | None = None
    tti_s: float | None = None
    #: When the last byte of the page's HTML arrived (the server had run the notebook).
    html_s: float | None = None
    kernel_id: str | None = None
    #: Tools the page says did not load (their widget output never came).
    missing_outputs: int = 0
    kernel_rss_mb: float | None = None
    requests: int = 0
    wire_bytes: int = 0
    from_cache: int = 0
    #: Requests in the order the page made them (only when recording, for the classroom).
    recorded: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        data = asdict(self)
        data.pop("recorded")
        return data


class Network:
    """Counts requests and wire bytes of one page through the DevTools protocol."""

    def __init__(self, context, page) -> None:
        self.requests = self.wire_bytes = 0
        self._cached: set[str] = set()
        self._cdp = context.new_cdp_session(page)
        self._cdp.on("Network.requestWillBeSent", self._on_request)
        self._cdp.on("Network.loadingFinished", self._on_finished)
        self._cdp.on("Network.requestServedFromCache", self._on_cached)
        self._cdp.on("Network.responseReceived", self._on_response)
        self._cdp.send("Network.enable")

    def _on_request(self, event) -> None:
        if not event["request"]["url"].startswith("data:"):
            self.requests += 1

    def _on_finished(self, event) -> None:
        self.wire_bytes += int(event.get("encodedDataLength") or 0)

    def _on_cached(self, event) -> None:
        self._cached.add(event["requestId"])

    def _on_response(self, event) -> None:
        response = event["response"]
        if response.get("fromDiskCache") or response.get("fromMemoryCache"):
            self._cached.add(event["requestId"])

    @property
    def from_cache(self) -> int:
        """Requests the browser answered from its own cache (none on a cold load)."""
        return len(self._cached)


class Browser:
    """One headless Chromium for a benchmark section (the test harness's launch flags)."""

    def __init__(self) -> None:
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        try:
            self.browser = self._pw.chromium.launch(
                executable_path=chromium_executable(), args=CHROMIUM_ARGS
            )
        except Exception:
            self._pw.stop()
            raise
        self.version = self.browser.version

    def close(self) -> None:
        try:
            self.browser.close()
        finally:
            self._pw.stop()

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def new_page(self):
        context = self.browser.new_context(viewport={"width": 1280, "height": 900})
        return context, context.new_page()

    def load(
        self,
        server: VoilaServer,
        name: str,
        timeout: float = 60,
        record: bool = False,
        keep: bool = False,
        context=None,
    ):
        """Load ``name`` cold and measure it; returns ``(Load, context, page)``.

        Unless ``keep``, the page's kernel is shut down and the context closed afterwards (the
        kernel's memory is read first). With ``keep`` the caller owns both and must call
        :meth:`finish`. Pass ``context`` to load again in the same context (a returning learner).
        """
        own = context is None
        if own:
            context = self.browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        result = Load(page=name)
        net = Network(context, page)
        if record:
            host = urlsplit(server.base).netloc

            def remember(request) -> None:
                if urlsplit(request.url).netloc == host:
                    result.recorded.append(
                        {
                            "url": request.url,
                            "method": request.method,
                            "type": request.resource_type,
                        }
                    )

            statuses: dict[str, int] = {}
            page.on("request", remember)
            page.on("response", lambda r: statuses.setdefault(r.url, r.status))
        committed = False
        try:
            page.goto(
                f"{server.base}/voila/render/{name}", wait_until="commit", timeout=timeout * 1000
            )
            committed = True
            page.wait_for_function(READY_JS, timeout=timeout * 1000, polling=50)
            times = page.evaluate(TIMES_JS)
            result.tti_s = times["ready"] / 1000
            result.html_s = times["html"] / 1000 if times["html"] else None
            result.missing_outputs = page.evaluate(MISSING_JS)
            result.ok = not result.missing_outputs
            if result.missing_outputs:
                result.error = f"missing-output: {result.missing_outputs} tool(s) did not load"
        except Exception as exc:  # a stuck or broken page is a figure, not a crash
            result.error = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
        result.requests, result.wire_bytes = net.requests, net.wire_bytes
        if not committed:
            # A page still waiting for its HTML would block any further call on it: give it up.
            # Its kernel (if the server ever starts one) goes when the server stops.
            _close(context if own else page)
            return result, None, None
        try:
            result.kernel_id = page.evaluate(KERNEL_ID_JS)
        except Exception:
            result.kernel_id = None
        if result.kernel_id and result.ok:
            time.sleep(0.5)  # let the kernel finish what the last message started
            proc = server.kernel_for(result.kernel_id)
            if proc is not None:
                try:
                    result.kernel_rss_mb = proc.memory_info().rss / 2**20
                except Exception:
                    result.kernel_rss_mb = None
        if record:
            for item in result.recorded:
                item["status"] = statuses.get(item["url"])
        result.requests, result.wire_bytes = net.requests, net.wire_bytes
        result.from_cache = net.from_cache
        if keep:
            return result, context, page
        self.finish(server, result, context if own else None, page)
        return result, None, None

    def finish(self, server: VoilaServer, result: Load, context, page=None) -> None:
        """Shut the load's kernel down and close its page/context."""
        if result.kernel_id:
            server.shutdown_kernel(result.kernel_id)
        _close(context if context is not None else page)


def _close(target) -> None:
    try:
        if target is not None:
            target.close()
    except Exception:
        pass


# --- interaction latency, measured inside the page ----------------------------------------------

#: Shared by the three measurements: wait (bounded) until ``cond()`` holds, watching the DOM.
_WAIT_FOR = """
const waitFor = (cond, timeout) => new Promise(resolve => {
  if (cond()) { resolve(true); return; }
  let done = false;
  const obs = new MutationObserver(() => {
    if (!done && cond()) { done = true; obs.disconnect(); resolve(true); }
  });
  obs.observe(document.body,
    {subtree: true, childList: true, characterData: true, attributes: true});
  setTimeout(() => { if (!done) { done = true; obs.disconnect(); resolve(false); } }, timeout);
});
const nextFrame = () => new Promise(r => requestAnimationFrame(() => r()));
const pause = ms => new Promise(r => setTimeout(r, ms));
const visible = el => !!el && el.offsetParent !== null;
"""

CHECKLIST_JS = (
    "async ({n, timeout}) => {"
    + _WAIT_FOR
    + """
  const rows = Array.from(document.querySelectorAll('.bsc-food-row'));
  const boxes = rows.map(r => r.querySelector('input[type=checkbox]')).filter(Boolean);
  if (!boxes.length) return {error: 'no .bsc-food-row checkbox on the page'};
  if (!document.querySelector('.bsc-nutrient-bar')) {
    return {error: 'no .bsc-nutrient-bar on the page'};
  }
  const bars = () => Array.from(document.querySelectorAll('.bsc-nutrient-bar'))
    .map(b => b.textContent).join('\\u0001');
  const times = [];
  for (let i = 0; i < n; i++) {
    const box = boxes[Math.floor(i / 2) % boxes.length];  // tick, untick, next food, ...
    const before = bars();
    const t0 = performance.now();
    box.click();
    const ok = await waitFor(() => bars() !== before, timeout);
    if (ok) { await nextFrame(); }
    times.push(ok ? performance.now() - t0 : null);
    await pause(50);
  }
  return {times};
}"""
)

SELFCHECK_JS = (
    "async ({n, timeout}) => {"
    + _WAIT_FOR
    + """
  const root = document.querySelector('.bsc-selfcheck');
  if (!root) return {error: 'no .bsc-selfcheck on the page'};
  const button = text => Array.from(root.querySelectorAll('button'))
    .find(b => visible(b) && b.textContent.trim() === text);
  // The page never answers for the learner: every question of the step needs an answer before
  // Next gives a result. The others get "No" before the clock starts; the timed part is the
  // emergency "Yes" and Next.
  const option = (question, text) => {
    const label = Array.from(question.querySelectorAll('label'))
      .find(l => l.textContent.trim() === text);
    return label ? label.querySelector('input') : null;
  };
  const questions = () => Array.from(
    (root.querySelector('.bsc-page-emergency') || root).querySelectorAll('.bsc-question'));
  const shown = () => {
    const r = root.querySelector('.bsc-result');
    return visible(r) && r.textContent.trim().length > 0;
  };
  const times = [];
  for (let i = 0; i < n; i++) {
    const all = questions(), next = button('Next');
    const answer = all.length ? option(all[0], 'Yes') : null;
    if (!answer || !next) {
      return {error: 'no "Yes" answer or "Next" button on the first step', times};
    }
    for (const question of all.slice(1)) {
      const no = option(question, 'No');
      if (!no) return {error: 'a question on the first step has no "No" answer', times};
      no.click();
    }
    await pause(800);  // let the kernel take the eight answers before the clock starts
    const t0 = performance.now();
    answer.click();
    next.click();
    const ok = await waitFor(shown, timeout);
    if (ok) { await nextFrame(); }
    times.push(ok ? performance.now() - t0 : null);
    const again = button('Start again');
    if (!again) return {error: 'no "Start again" button after the result', times};
    again.click();
    await waitFor(() => !shown() && !!button('Next'), timeout);
    await pause(50);
  }
  return {times};
}"""
)

ROUNDTRIP_JS = (
    "async ({n, timeout}) => {"
    + _WAIT_FOR
    + f"""
  const handle = document.querySelector('.{ROUNDTRIP_SLIDER} .noUi-handle');
  const label = () => (document.querySelector('.{ROUNDTRIP_LABEL}') || {{}}).textContent;
  if (!handle || label() === undefined) {{
    return {{error: 'the round-trip slider or label is missing'}};
  }}
  const times = [];
  for (let i = 0; i < n; i++) {{
    const before = label();
    const t0 = performance.now();
    handle.dispatchEvent(new KeyboardEvent('keydown', {{key: 'ArrowRight', bubbles: true}}));
    const ok = await waitFor(() => label() !== before, timeout);
    if (ok) {{ await nextFrame(); }}
    times.push(ok ? performance.now() - t0 : null);
    await pause(50);
  }}
  return {{times}};
}}"""
)
