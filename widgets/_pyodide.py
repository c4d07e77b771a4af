"""A fix that runs only in the static site's browser Python (Pyodide, "emscripten").

jupyterlite-pyodide-kernel 0.6–0.8 hands each comm message from the Python worker to the page by
converting the Python dict to JavaScript, and that conversion turns ``None`` into ``undefined``,
which JSON then drops: a widget trait set to ``None`` never reaches the browser. The self-check's
next step stayed hidden (``layout.display = None``) and clearing a quiz answer did nothing. So the
kernel's ``send_comm`` is wrapped to pass the content and metadata as JSON text parsed by the
browser's own ``JSON.parse``, which keeps ``null``. Under a normal kernel nothing here runs.
"""

from __future__ import annotations

import json
import sys

_MARK = "_bsc_json_comm"


def _json_object(js, value):
    """``value`` as a JavaScript object built by JSON.parse (so ``None`` arrives as ``null``)."""
    return js.JSON.parse(json.dumps(value, default=str))


def install(shell=None, js=None, platform: str | None = None) -> bool:
    """Wrap the Pyodide kernel's ``send_comm``; return True when it is (now or already) wrapped.

    ``shell``, ``js`` and ``platform`` default to the running IPython, Pyodide's ``js`` module and
    ``sys.platform`` (tests pass their own).
    """
    if (platform or sys.platform) != "emscripten":
        return False
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
    original = getattr(shell, "send_comm", None) if shell is not None else None
    if original is None:
        return False
    if getattr(original, _MARK, False):
        return True
    if js is None:
        import js  # Pyodide's bridge to the browser (exists only there)

    def send_comm(msg_type, content, metadata, ident, buffers):
        return original(
            msg_type, _json_object(js, content), _json_object(js, metadata), ident, buffers
        )

    setattr(send_comm, _MARK, True)
    shell.send_comm = send_comm
    return True
