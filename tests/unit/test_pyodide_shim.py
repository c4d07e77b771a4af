"""The static site's None fix (widgets/_pyodide.py), against a model of the Pyodide kernel's worker.

The real situation: in the site, the kernel's Python calls ``send_comm(type, content, ...)``, and
the worker converts ``content`` to a JavaScript object before posting it to the page. That
conversion turns ``None`` into ``undefined``, and JSON drops ``undefined``: the page never hears
that ``layout.display`` became ``None`` (the self-check's next step stayed hidden). A JavaScript
object built by ``JSON.parse`` passes through unconverted, with ``null`` intact.
"""

from __future__ import annotations

import json

from widgets import _pyodide


class JsObject:
    """What ``js.JSON.parse`` returns: an object already on the JavaScript side."""

    def __init__(self, text: str) -> None:
        self.value = json.loads(text)


class FakeJs:
    class JSON:
        @staticmethod
        def parse(text: str) -> JsObject:
            return JsObject(text)


def to_js_dropping_none(value):
    """The worker's conversion of a Python value: None becomes undefined, which JSON drops."""
    if isinstance(value, dict):
        return {k: to_js_dropping_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [to_js_dropping_none(v) for v in value]
    return value


class FakeShell:
    """The Pyodide kernel's shell; its ``send_comm`` records what the page gets."""

    def __init__(self) -> None:
        self.page_got: list[dict] = []

        def send_comm(msg_type, content, metadata, ident, buffers):
            arrived = (
                content.value if isinstance(content, JsObject) else to_js_dropping_none(content)
            )
            self.page_got.append(json.loads(json.dumps(arrived)))

        self.send_comm = send_comm


#: What ipywidgets sends when the self-check's Next shows a step: ``layout.display = None``.
SHOW_STEP = {"comm_id": "abc", "data": {"method": "update", "state": {"display": None}}}


def test_without_the_fix_the_page_never_hears_none():
    shell = FakeShell()
    shell.send_comm("comm_msg", SHOW_STEP, {}, "jupyter.widget", None)
    assert shell.page_got[0]["data"]["state"] == {}  # the bug the fix exists for


def test_with_the_fix_none_arrives_as_null():
    shell = FakeShell()
    assert _pyodide.install(shell=shell, js=FakeJs, platform="emscripten") is True
    shell.send_comm("comm_msg", SHOW_STEP, {}, "jupyter.widget", None)
    assert shell.page_got[0]["data"]["state"] == {"display": None}
    assert shell.page_got[0]["comm_id"] == "abc"


def test_the_fix_wraps_once():
    shell = FakeShell()
    _pyodide.install(shell=shell, js=FakeJs, platform="emscripten")
    wrapped = shell.send_comm
    assert _pyodide.install(shell=shell, js=FakeJs, platform="emscripten") is True
    assert shell.send_comm is wrapped


def test_outside_pyodide_nothing_changes():
    shell = FakeShell()
    original = shell.send_comm
    assert _pyodide.install(shell=shell, js=FakeJs, platform="linux") is False
    assert shell.send_comm is original
