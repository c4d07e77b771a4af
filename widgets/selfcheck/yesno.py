"""One yes/no question of the symptom self-check: ``YesNo``, a small anywidget.

It starts unanswered (``value`` is None) and only the learner's click or key press sets it. The
question is the group's legend, so a screen reader reads it with each option, and the two options
form one radio group of their own (see yesno.js for why ipywidgets' RadioButtons do not do this).
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

_HERE = Path(__file__).parent


class YesNo(anywidget.AnyWidget):
    """A yes/no question: ``value`` is True (yes), False (no) or None (not answered yet).

    Parameters
    ----------
    question_html : str
        The question, already escaped (``<strong>`` allowed): the legend of the group.
    help : str
        A plain-text hint under the question.
    """

    _esm = (_HERE / "yesno.js").read_text(encoding="utf-8")
    _css = (_HERE / "yesno.css").read_text(encoding="utf-8")

    value = traitlets.Bool(None, allow_none=True).tag(sync=True)
    question_html = traitlets.Unicode("").tag(sync=True)
    help = traitlets.Unicode("").tag(sync=True)
    #: True after Next found this question unanswered; the page then says so next to it.
    missing = traitlets.Bool(False).tag(sync=True)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.observe(self._on_value, names="value")

    def _on_value(self, change) -> None:
        if change["new"] is not None:
            self.missing = False

    def focus(self) -> None:
        """Move the browser's focus to this question's chosen option (or to "No")."""
        self.send({"do": "focus"})
