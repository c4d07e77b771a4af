"""A page Voila cannot render says so: ``course_server.render_guard``.

Voila 0.5 renders a page in a background task and, while it waits, sends the browser a heartbeat
every few seconds. If rendering fails before the first cell (the course template is missing, the
notebook does not parse, the kernel cannot start), the task dies with the error, the heartbeats go
on and the learner watches a blank page load forever; the error is only in the server's log.

``install()`` wraps Voila's ``NotebookRenderer.generate_content_generator`` so that an error ends
the page instead: before any HTML was sent, the learner gets a short page that says the lesson
could not be opened and what to do; after part of the page was sent, a notice is added to it. The
server's log keeps the whole error. Installed by ``course_server.kernels`` (which voila.json
names, so `make serve` has it) and, on Jupyter Server (Binder, JupyterLab with Voila as an
extension), by this module as a server extension (postBuild enables it).
"""

from __future__ import annotations

import functools
import html
import logging

log = logging.getLogger("voila")

#: What the learner reads when a page cannot be rendered at all.
ERROR_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>This lesson could not be opened · Back Spasm Course</title>
<style>
  :root {{ color-scheme: light dark; }}
  body {{ font: 1rem/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto;
    padding: 0 1rem; }}
  .bsc-render-error {{ border-left: 4px solid currentColor; padding: 0.5rem 1rem; }}
  code {{ font-size: 0.9em; }}
</style></head>
<body data-course-error="render">
<main class="bsc-render-error" role="alert">
<h1>This lesson could not be opened</h1>
<p>The course server could not prepare this page. Nothing you entered has been lost.</p>
<p><button type="button" onclick="window.location.reload()">Reload the page</button></p>
<p>If it happens again, tell the person who runs the course. What the server said:
<code>{reason}</code></p>
</main>
</body></html>
"""

#: What is added to a page whose rendering failed part-way.
ERROR_NOTICE = """
<div class="bsc-render-error" role="alert" data-course-error="render">
<strong>Part of this page could not be prepared.</strong> Reload the page; if it happens again, tell
the person who runs the course. (<code>{reason}</code>)
<button type="button" onclick="window.location.reload()">Reload the page</button>
</div>
<script>document.body && document.body.setAttribute('data-course-error', 'render');
var l = document.getElementById('loading'); if (l) {{ l.remove(); }}</script>
"""


def reason_of(exc: BaseException) -> str:
    """One escaped line naming the error, for a teacher to pass on (no traceback)."""
    text = f"{type(exc).__name__}: {exc}"
    return html.escape(text if len(text) <= 300 else text[:297] + "...")


async def guard(snippets):
    """Pass on ``(html, resources)`` pairs; on an error, log it and end the page with a message."""
    sent = False
    try:
        async for item in snippets:
            sent = True
            yield item
    except Exception as exc:
        log.error("The page could not be rendered", exc_info=exc)
        template = ERROR_NOTICE if sent else ERROR_PAGE
        yield template.format(reason=reason_of(exc)), None


def install() -> None:
    """Make Voila's renderer end a failed page with a message (idempotent)."""
    from voila.notebook_renderer import NotebookRenderer

    original = NotebookRenderer.generate_content_generator
    if getattr(original, "_course_guarded", False):
        return

    @functools.wraps(original)
    def generate_content_generator(self, *args, **kwargs):
        return guard(original(self, *args, **kwargs))

    generate_content_generator._course_guarded = True
    NotebookRenderer.generate_content_generator = generate_content_generator


def _jupyter_server_extension_points():
    return [{"module": "course_server.render_guard"}]


def _load_jupyter_server_extension(serverapp) -> None:
    install()
    serverapp.log.info("Back Spasm Course: pages Voila cannot render now say so.")
