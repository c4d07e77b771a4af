"""Simulated learners: the HTTP and kernel-websocket traffic of a browser opening a Voila page.

Thirty Chromium instances on two cores would measure the browsers, not the server, so a classroom
is simulated at the protocol level. Each learner does what one real Chromium load did (its request
list is recorded first, see :func:`plan`):

1. GET the page (Voila starts a kernel and runs the notebook while the HTML streams); as soon as
   the response starts, fetch the assets the HTML names (the browser's preload scanner does that);
   count the widget outputs in the HTML: fewer than the same page has alone (``widget_outputs``
   in the spec) is a ``missing-output`` failure, even if the kernel answers;
2. when the HTML is complete, fetch every other file the browser fetched, over 6 keep-alive
   connections (Chromium's limit per host), then ``GET /api/kernels/<id>``;
3. open ``/api/kernels/<id>/channels`` and send what the widget manager sends: a
   ``kernel_info_request``, a ``comm_info_request``, then a ``comm_open`` on
   ``jupyter.widget.control`` and its ``request_states`` message. The learner is *ready* when the
   kernel's ``update_states`` reply arrives (or, on a page without widgets, the kernel closes
   that comm).

Run as ``python -m benchmarks.learners SPEC.json`` (or the spec on stdin); it prints JSON results.
It is a separate process so that its own work does not slow the benchmark's browser or samplers.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import re
import struct
import sys
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

#: Text a Voila page shows when a cell failed (the course hides tracebacks, not the failure).
PAGE_ERRORS = ("There was an error when executing cell", "Traceback (most recent call last)")
KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')
#: Voila streams each cell output as one of these (a JSON object); the widget manager draws it.
CELL_OUTPUT = re.compile(
    r'<script type="application/vnd\.voila\.cell-output\+json">\s*(\{.*?)\s*</script>', re.S
)
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
CONNECTIONS = 6
#: The widget control protocol the ipywidgets 8 front-end speaks (jupyter.widget.control).
CONTROL_PROTOCOL = "1.0.0"
ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8"


# --- the plan: what one learner fetches, from one recorded Chromium load --------------------


def plan(recorded: list[dict], page_path: str, html: str, kernel_id: str | None) -> dict:
    """Split a recorded Chromium load into what a simulated learner fetches.

    Parameters
    ----------
    recorded : list of dict
        ``{"url", "method", "status"}`` per request, in the order the browser made them.
    page_path : str
        The page's path (``/voila/render/<name>.ipynb``): fetched separately, first.
    html : str
        The page's HTML from that load: assets it names are fetched while it streams.
    kernel_id : str or None
        That load's kernel id: it is replaced by a ``{kernel_id}`` placeholder, because every
        learner gets a kernel of its own.

    Returns
    -------
    dict
        ``{"head": [...], "rest": [...]}``, each a list of ``{"path", "status"}`` (query strings
        that only defeat caches, such as a timestamp on ``/api/kernels/<id>``, are dropped).
    """
    head, rest, seen = [], [], set()
    for item in recorded:
        if item.get("method", "GET") != "GET":
            continue
        parts = urlsplit(item["url"])
        if parts.scheme not in ("http", "https"):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if parts.path == page_path:
            continue
        if kernel_id and kernel_id in path:
            path = parts.path.replace(kernel_id, "{kernel_id}")
        if path in seen:
            continue
        seen.add(path)
        entry = {"path": path, "status": item.get("status") or 200}
        (head if parts.path in html else rest).append(entry)
    return {"head": head, "rest": rest}


def widget_outputs(html: str) -> int:
    """How many widget outputs a Voila page's HTML carries (what the course template counts).

    A page the executor gave up on too early (nbclient's ``Timeout waiting for IOPub output``)
    has fewer than the same page loaded alone: the output that came late is not in the HTML.
    """
    count = 0
    for body in CELL_OUTPUT.findall(html):
        try:
            output = json.loads(body)
        except json.JSONDecodeError:
            continue  # the tag's name in a script's comment, not an output
        if isinstance(output, dict) and WIDGET_VIEW in output.get("data", {}):
            count += 1
    return count


def shortfall(found: int | None, alone: int | None) -> str | None:
    """What a page lacks next to the same page loaded alone (None: nothing, or nothing to compare).

    >>> shortfall(0, 1)
    '0 of 1 widget outputs'
    """
    if found is None or alone is None or found >= alone:
        return None
    return f"{found} of {alone} widget outputs"


# --- a small HTTP/1.1 keep-alive client ----------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes
    wire: int


class Connection:
    """One keep-alive HTTP/1.1 connection, like one of a browser's six per host."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str, on_headers=None, keep_body: bool = False) -> Response:
        for attempt in (0, 1):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(
                    self.host, self.port, limit=2**20
                )
            request = (
                f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                f"Accept: {ACCEPT}\r\nAccept-Encoding: gzip, deflate\r\n"
                "User-Agent: bsc-benchmark-learner\r\nConnection: keep-alive\r\n\r\n"
            )
            try:
                self.writer.write(request.encode("latin-1"))
                await self.writer.drain()
                return await self._read(on_headers, keep_body)
            except (ConnectionError, asyncio.IncompleteReadError, ValueError):
                self.close()
                if (
                    attempt
                ):  # a kept-alive connection may have been closed by the server: retry once
                    raise
        raise ConnectionError("unreachable")

    async def _read(self, on_headers, keep_body: bool) -> Response:
        assert self.reader is not None
        line = await self.reader.readline()
        if not line:
            raise ConnectionError("connection closed before a response")
        wire = len(line)
        status = int(line.split()[1])
        headers: dict[str, str] = {}
        while True:
            line = await self.reader.readline()
            wire += len(line)
            if line in (b"\r\n", b"\n", b""):
                break
            key, _, value = line.decode("latin-1").partition(":")
            headers[key.strip().lower()] = value.strip()
        if on_headers is not None:
            on_headers()
        body = bytearray()
        if status in (204, 304) or 100 <= status < 200:
            pass
        elif "chunked" in headers.get("transfer-encoding", "").lower():
            while True:
                size_line = await self.reader.readline()
                wire += len(size_line)
                size = int(size_line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while True:  # trailers, then the blank line
                        line = await self.reader.readline()
                        wire += len(line)
                        if line in (b"\r\n", b"\n", b""):
                            break
                    break
                data = await self.reader.readexactly(size + 2)
                wire += len(data)
                if keep_body:
                    body += data[:-2]
        elif "content-length" in headers:
            data = await self.reader.readexactly(int(headers["content-length"]))
            wire += len(data)
            if keep_body:
                body += data
        else:
            data = await self.reader.read()
            wire += len(data)
            if keep_body:
                body += data
            self.close()
        if headers.get("connection", "").lower() == "close":
            self.close()
        return Response(status, headers, bytes(body), wire)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


# --- one learner ---------------------------------------------------------------------------------


@dataclass
class Learner:
    index: int
    ok: bool = False
    #: "http" | "page-error" | "missing-output" (fewer widget outputs than the page alone has) |
    #: "websocket" | "stuck" (no answer within the time limit) | None
    failure: str | None = None
    detail: str | None = None
    html_s: float | None = None
    static_s: float | None = None
    ready_s: float | None = None
    requests: int = 0
    wire_bytes: int = 0
    kernel_id: str | None = None
    #: Widget outputs in the page's HTML (the page alone has ``spec["widget_outputs"]``).
    widget_outputs: int | None = None
    errors: list[str] = field(default_factory=list)


def _message(msg_type: str, content: dict, session: str, channel: str = "shell") -> dict:
    return {
        "header": {
            "msg_id": uuid.uuid4().hex,
            "msg_type": msg_type,
            "username": "learner",
            "session": session,
            "date": datetime.now(UTC).isoformat(),
            "version": "5.3",
        },
        "parent_header": {},
        "metadata": {},
        "content": content,
        "channel": channel,
        "buffers": [],
    }


def decode_ws(message: str | bytes) -> dict:
    """A kernel message from the websocket: JSON text, or Jupyter's binary framing with buffers."""
    if isinstance(message, str):
        return json.loads(message)
    (count,) = struct.unpack("!I", message[:4])
    offsets = struct.unpack("!" + "I" * count, message[4 : 4 + 4 * count])
    end = offsets[1] if count > 1 else len(message)
    return json.loads(message[offsets[0] : end].decode("utf-8"))


async def _fetch_all(conns: list[Connection], items: list[dict], kernel_id: str, me: Learner):
    queue: asyncio.Queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)

    async def worker(conn: Connection) -> None:
        while not queue.empty():
            item = queue.get_nowait()
            path = item["path"].replace("{kernel_id}", kernel_id)
            me.requests += 1
            try:
                response = await conn.get(path)
            except (OSError, ValueError, asyncio.IncompleteReadError) as exc:
                me.errors.append(f"{path}: {type(exc).__name__}")
                continue
            me.wire_bytes += response.wire
            expected = item.get("status") or 200
            if response.status != expected or response.status >= 500:
                me.errors.append(f"{path}: HTTP {response.status} (browser got {expected})")

    await asyncio.gather(*(worker(c) for c in conns))


async def _widgets_ready(base: str, kernel_id: str, me: Learner, timeout: float) -> None:
    from tornado.websocket import websocket_connect

    session = uuid.uuid4().hex
    url = (
        base.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels?session_id={session}"
    )
    try:
        ws = await websocket_connect(url, connect_timeout=timeout)
    except Exception as exc:
        me.failure, me.detail = "websocket", f"connect: {type(exc).__name__}: {exc}"
        return
    try:
        comm_id = uuid.uuid4().hex
        for msg in (
            _message("kernel_info_request", {}, session),
            _message("comm_info_request", {"target_name": "jupyter.widget"}, session),
            _message(
                "comm_open",
                {"comm_id": comm_id, "target_name": "jupyter.widget.control", "data": {}},
                session,
            ),
            _message(
                "comm_msg", {"comm_id": comm_id, "data": {"method": "request_states"}}, session
            ),
        ):
            if msg["header"]["msg_type"] == "comm_open":
                msg["metadata"] = {"version": CONTROL_PROTOCOL}
            await ws.write_message(json.dumps(msg))
        while True:
            raw = await ws.read_message()
            if raw is None:
                me.failure, me.detail = "websocket", "closed before the widget states came back"
                return
            me.wire_bytes += len(raw)
            msg = decode_ws(raw)
            content = msg.get("content", {})
            kind = msg.get("header", {}).get("msg_type")
            if content.get("comm_id") == comm_id and (
                (kind == "comm_msg" and content.get("data", {}).get("method") == "update_states")
                # A kernel that never imported ipywidgets (a page without widgets) closes the
                # control comm: the widget manager then knows there is nothing to draw.
                or kind == "comm_close"
            ):
                return
            if msg.get("header", {}).get("msg_type") == "status" and content.get(
                "execution_state"
            ) in ("dead", "restarting"):
                me.failure, me.detail = "websocket", f"kernel {content['execution_state']}"
                return
    finally:
        ws.close()


async def learn(spec: dict, index: int) -> Learner:
    """One learner opening the page: every figure is seconds from its first request."""
    me = Learner(index)
    parts = urlsplit(spec["base"])
    conns = [Connection(parts.hostname, parts.port) for _ in range(spec.get("connections", 6))]
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    head_task: asyncio.Task | None = None
    missing: str | None = None

    def start_head() -> None:
        nonlocal head_task
        head_task = asyncio.ensure_future(_fetch_all(conns[1:], spec["head"], "", me))

    try:
        async with asyncio.timeout(spec["timeout"]):
            me.requests += 1
            try:
                page = await conns[0].get(spec["page"], on_headers=start_head, keep_body=True)
            except (OSError, ValueError, asyncio.IncompleteReadError) as exc:
                me.failure, me.detail = "http", f"page: {type(exc).__name__}: {exc}"
                return me
            me.wire_bytes += page.wire
            me.html_s = loop.time() - t0
            body = page.body
            if page.headers.get("content-encoding") == "gzip":
                body = gzip.decompress(body)
            html = body.decode("utf-8", "replace")
            if page.status != 200:
                me.failure, me.detail = "http", f"page: HTTP {page.status}"
                return me
            found = KERNEL_ID.search(html)
            shown = [text for text in PAGE_ERRORS if text in html]
            if shown or not found:
                me.failure = "page-error"
                me.detail = shown[0] if shown else "no kernel id in the page"
                return me
            me.kernel_id = found.group(1)
            me.widget_outputs = widget_outputs(html)
            missing = shortfall(me.widget_outputs, spec.get("widget_outputs"))
            if head_task is not None:
                await head_task
            await _fetch_all(conns, spec["rest"], me.kernel_id, me)
            me.static_s = loop.time() - t0
            if me.errors:
                me.failure, me.detail = "http", me.errors[0]
                return me
            await _widgets_ready(spec["base"], me.kernel_id, me, spec["timeout"])
            if me.failure is None and not missing:
                me.ready_s = loop.time() - t0
                me.ok = True
    except TimeoutError:
        me.failure = "stuck"
        me.detail = f"not ready after {spec['timeout']} s"
    finally:
        for conn in conns:
            conn.close()
        if missing:
            # The page came without a tool: that is what the learner sees (the template's "This
            # tool did not load" notice), whatever the server or kernel did afterwards.
            me.ok, me.failure, me.detail, me.ready_s = False, "missing-output", missing, None
    return me


async def classroom(spec: dict) -> list[Learner]:
    """``spec["learners"]`` learners starting together at ``spec["start_at"]`` (epoch seconds)."""
    delay = spec.get("start_at", time.time()) - time.time()
    if delay > 0:
        await asyncio.sleep(min(delay, 30))
    return await asyncio.gather(*(learn(spec, i) for i in range(spec["learners"])))


def main() -> None:
    if len(sys.argv) > 1:
        with open(sys.argv[1]) as f:
            spec = json.load(f)
    else:
        spec = json.load(sys.stdin)
    learners = asyncio.run(classroom(spec))
    json.dump({"learners": [asdict(le) for le in learners]}, sys.stdout)


if __name__ == "__main__":
    main()
