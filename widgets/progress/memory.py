"""What a tool remembers in the learner's own browser: ``BrowserMemory``.

A tool (the sitting timer, the nutrient checklist, a quiz) adds one invisible ``BrowserMemory``
to its children. When the page is drawn, the browser reads the tool's entry from the course's
``localStorage`` record and sends it here once; the tool checks it and puts the settings back.
After that, what the tool asks to :meth:`~BrowserMemory.remember` goes back to the browser, which
keeps it. The kernel keeps nothing when the page closes, and the server never sees a file of it.

Everything the browser sends is untrusted (the record can be edited by hand, and a Voila widget
message is public input): the tool's ``restore`` callback must check each value and ignore what
it cannot use.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import anywidget
import traitlets

from widgets.progress.model import STORAGE_KEY

_HERE = Path(__file__).parent
_LOG = logging.getLogger(__name__)

#: The sections of the record a tool may use; "visited" belongs to the course template.
SECTIONS = ("quiz", "settings")


class BrowserMemory(anywidget.AnyWidget):
    """One tool's entry in the course record kept in this browser's ``localStorage``.

    Parameters
    ----------
    section : {"quiz", "settings"}
        The part of the record: quiz scores, or tool settings.
    name : str
        The entry in that part, e.g. ``"03"`` or ``"timer"``.
    restore : callable
        Called once, with the stored dict (``{}`` if none), when the browser has read it. It must
        check every value. Not called if the tool asked to remember something first: the
        learner's newer choice wins.

    Attributes
    ----------
    loaded : bool
        True once the browser has read the entry.
    available : bool
        False if the browser does not let the course keep anything (storage blocked).
    """

    _esm = (_HERE / "memory.js").read_text(encoding="utf-8")

    storage_key = traitlets.Unicode(STORAGE_KEY).tag(sync=True)
    section = traitlets.Unicode().tag(sync=True)
    name = traitlets.Unicode().tag(sync=True)
    value = traitlets.Dict().tag(sync=True)
    loaded = traitlets.Bool(False).tag(sync=True)
    available = traitlets.Bool(True).tag(sync=True)

    def __init__(self, section: str, name: str, restore: Callable[[dict], None]) -> None:
        if section not in SECTIONS:
            raise ValueError(f"section must be one of {SECTIONS}, not {section!r}")
        super().__init__(section=section, name=name)
        self.layout.display = "none"
        self._restore = restore
        self._pending: dict | None = None
        self.observe(self._on_loaded, names="loaded")

    def remember(self, value: dict) -> None:
        """Keep ``value`` (a JSON-able dict) in the browser; ``{}`` forgets the entry."""
        if self.loaded:
            self.value = dict(value)
        else:
            self._pending = dict(value)

    def _on_loaded(self, change) -> None:
        if not change["new"]:
            return
        stored = self.value if isinstance(self.value, dict) else {}
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.value = pending
            return
        try:
            self._restore(dict(stored))
        except Exception:  # a stored value the tool's checks missed must not break the page
            _LOG.exception("could not restore %s/%s from the browser", self.section, self.name)
