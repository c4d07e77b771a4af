"""Opening a course page in Voila, for tests and benchmarks alike."""

from __future__ import annotations

#: The course template sets this on <body> once every widget output on the page is drawn.
READY = 'body[data-course-ready="true"]'


def open_page(page, base: str, notebook: str, theme: str | None = None, timeout: float = 90_000):
    """Open ``notebook`` in Voila and wait until every widget on it is drawn."""
    url = f"{base}/voila/render/{notebook}" + (f"?theme={theme}" if theme else "")
    page.goto(url, wait_until="domcontentloaded", timeout=timeout)
    page.wait_for_selector(READY, state="attached", timeout=timeout)
    return page
