"""The symptom self-check as a step-by-step form: ``widgets.SymptomCheck``.

The view only displays. Which tier a set of answers reaches, and why, is decided by
:func:`widgets.selfcheck.model.assess`; typed numbers are checked by
:func:`widgets.selfcheck.model.parse_number`. Answers live only in these widgets, in the kernel's
memory, for as long as the page is open: nothing is logged, written or sent.

The page never answers for the learner: every yes/no question starts unanswered, and **Next**
stays on the step, names the questions still unanswered and puts the focus on the first of them.
"""

from __future__ import annotations

import html
import re

import ipywidgets as w

from widgets.selfcheck.model import (
    LEVELS,
    QUESTIONS,
    TIERS,
    AnswerError,
    Assessment,
    Question,
    assess,
    parse_number,
)
from widgets.selfcheck.yesno import YesNo
from widgets.ui import PALETTE, disclaimer, message, show_message, stylesheet

#: One shape per tier, so that the tier never rests on colour alone (the words carry it too).
_ICON_SHAPES = {
    "emergency": (
        '<path d="M12 2 1 21h22L12 2z" class="bsc-fill-{c}"/>'
        '<rect x="11" y="8" width="2" height="7" class="bsc-fill-on-tone"/>'
        '<rect x="11" y="17" width="2" height="2" class="bsc-fill-on-tone"/>'
    ),
    "urgent": (
        '<circle cx="12" cy="12" r="10" class="bsc-fill-{c}"/>'
        '<path d="M12 6v6l4 2" class="bsc-stroke-on-tone" stroke-width="2" fill="none" '
        'stroke-linecap="round"/>'
    ),
    "see-doctor": (
        '<rect x="3" y="5" width="18" height="16" rx="2" class="bsc-fill-{c}"/>'
        '<rect x="5" y="10" width="14" height="9" class="bsc-fill-on-tone"/>'
        '<rect x="7" y="2" width="2" height="5" class="bsc-fill-{c}"/>'
        '<rect x="15" y="2" width="2" height="5" class="bsc-fill-{c}"/>'
    ),
    "self-care": '<path d="M12 3 2 12h3v9h5v-6h4v6h5v-9h3L12 3z" class="bsc-fill-{c}"/>',
}

_EMPHASIS = re.compile(r"\*\*(.+?)\*\*")


def _icon(level: str, size: int = 32) -> str:
    shape = _ICON_SHAPES[level].replace("{c}", level)
    return (
        f'<svg class="bsc-icon" width="{size}" height="{size}" viewBox="0 0 24 24" '
        f'aria-hidden="true" focusable="false">{shape}</svg>'
    )


def _markup(text: str) -> str:
    """Escape ``text`` and show its ``**word**`` marks as bold."""
    return _EMPHASIS.sub(r"<strong>\1</strong>", html.escape(text))


def _question_label(q: Question) -> w.HTML:
    return w.HTML(
        '<div class="bsc-question-text">'
        f'<span class="bsc-question-words">{_markup(q.markup)}</span><br>'
        f'<span class="bsc-question-help">{html.escape(q.help)}</span>'
        f"</div>"
    )


def _list(items) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>"


def result_html(r: Assessment) -> str:
    """The result panel for an assessment, all text escaped.

    The tier in large words with an icon, what to do now, the reasons, notes, the self-care plan
    (self-care only) and the sources.
    """
    role = 'role="alert"' if r.level == "emergency" else 'role="status"'
    parts = [
        f'<div class="bsc-result-panel bsc-panel bsc-panel-strong bsc-panel-{r.level}" {role}>',
        f'<h3 class="bsc-result-title {PALETTE[r.level]}">'
        f"{_icon(r.level)}{html.escape(r.title)}</h3>",
        f'<p class="bsc-state-line"><strong>What to do now:</strong> {html.escape(r.advice)}</p>',
        f"<p>{html.escape(r.detail)}</p>",
        "<h4>Why</h4>",
    ]
    if r.reasons:
        parts.append(_list(r.reasons))
    else:
        parts.append("<p>You did not report any of the warning signs this check asks about.</p>")
    if r.notes:
        parts += ["<h4>Good to know</h4>", _list(r.notes)]
    if r.plan:
        parts += ["<h4>Looking after your back at home</h4>", _list(r.plan)]
    links = "".join(
        f'<li><a href="{html.escape(s.url)}" target="_blank" rel="noopener noreferrer" '
        f'class="{PALETTE["info"]}">{html.escape(s.name)}</a></li>'
        for s in r.sources
    )
    parts += ["<h4>Sources</h4>", f"<ul>{links}</ul>", "</div>"]
    return "".join(parts)


class SymptomCheck(w.VBox):
    """A step-by-step symptom self-check that ends in one of four tiers of advice.

    Emergency questions come first, on their own step: if any answer there is an emergency
    sign, the result shows straight away. Then the same-day (urgent) questions, the questions
    about the pain, and last the common signs that are not warning signs on their own.

    Answers exist only in these widgets while the page is open; nothing is saved or sent.

    Examples
    --------
    >>> from widgets import SymptomCheck
    >>> SymptomCheck()  # doctest: +SKIP
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.add_class("bsc-tool")
        self.add_class("bsc-selfcheck")
        #: The last result shown, or None while the learner is answering.
        self.assessment: Assessment | None = None
        self._step = 0
        self._fields: dict[str, YesNo | w.Text] = {}
        self._messages: dict[str, w.HTML] = {}
        self._header = w.HTML(
            '<h3 class="bsc-heading">Check your symptoms</h3>'
            "<p>Answer for how you are now: choose No or Yes for every question. Nothing is "
            "chosen for you. Your answers stay on this page while it is open: nothing is saved "
            "or sent.</p>"
        )
        self._step_label = w.HTML()
        self._step_label.add_class("bsc-step")
        self._pages = [self._build_page(level) for level in LEVELS]
        self._back = w.Button(
            description="Back", icon="arrow-left", tooltip="Go back to the previous questions"
        )
        self._next = w.Button(
            description="Next",
            icon="arrow-right",
            button_style="primary",
            tooltip="Go on to the next questions",
            layout=w.Layout(min_width="9em", width="auto"),
        )
        self._back.on_click(self._on_back)
        self._next.on_click(self._on_next)
        self._nav_message = message()
        self._nav = w.VBox([w.HBox([self._back, self._next]), self._nav_message])
        self._result = w.HTML()
        self._result.add_class("bsc-result")
        self._change = w.Button(
            description="Change my answers",
            icon="pencil-alt",
            tooltip="Go back to the questions; your answers are kept",
            layout=w.Layout(width="auto"),
        )
        self._restart = w.Button(
            description="Start again",
            icon="redo",
            tooltip="Clear every answer and start again",
            layout=w.Layout(width="auto"),
        )
        self._change.on_click(self._on_change)
        self._restart.on_click(self._on_restart)
        self._result_box = w.VBox(
            [self._result, w.HBox([self._change, self._restart]), disclaimer()]
        )
        # Every part stays in the page and is shown or hidden, so its view exists to take focus.
        self.children = [
            stylesheet(),
            self._header,
            self._step_label,
            *self._pages,
            self._nav,
            self._result_box,
        ]
        self._show_step(0)

    # --- building ------------------------------------------------------------------------------

    def _build_page(self, level: str) -> w.VBox:
        tier = TIERS[level]
        rows: list[w.Widget] = [w.HTML(f"<p><em>{html.escape(tier.step_intro)}</em></p>")]
        for q in QUESTIONS.values():
            if q.group == level:
                rows.append(self._build_field(q))
        page = w.VBox(rows)
        page.add_class(f"bsc-page-{level}")
        return page

    def _build_field(self, q: Question) -> w.VBox:
        if q.is_number:
            label = _question_label(q)
            field = w.Text(
                value="",
                description=q.label,
                placeholder="leave empty if you prefer" if q.id == "age" else "for example 2",
                tooltip=q.text,
                continuous_update=False,
                style={"description_width": "initial"},
            )
            self._messages[q.id] = message()
            field.observe(lambda change, qid=q.id: self._check_number(qid), names="value")
            parts = [label, w.HBox([field, self._messages[q.id]])]
        else:
            # Unanswered until the learner chooses: never a preselected "No".
            field = YesNo(question_html=_markup(q.markup), help=q.help)
            field.observe(lambda change: self._refresh_missing(), names="value")
            parts = [field]
        field.add_class(f"bsc-q-{q.id}")
        self._fields[q.id] = field
        row = w.VBox(parts)
        row.add_class("bsc-question")
        return row

    # --- answers ---------------------------------------------------------------------------------

    def _check_number(self, qid: str) -> bool:
        """Show the model's message next to a number field; True if the field is usable."""
        try:
            parse_number(qid, self._fields[qid].value)
        except AnswerError as exc:
            show_message(self._messages[qid], str(exc), "error")
            return False
        show_message(self._messages[qid], "")
        return True

    def unanswered(self, up_to_step: int | None = None) -> list[str]:
        """Ids of the yes/no questions of steps 0..up_to_step (default: this step) not answered."""
        step = self._step if up_to_step is None else up_to_step
        groups = LEVELS[: step + 1]
        return [
            qid
            for qid, q in QUESTIONS.items()
            if q.group in groups and not q.is_number and self._fields[qid].value is None
        ]

    def _missing_on_this_step(self) -> list[str]:
        level = LEVELS[self._step]
        return [qid for qid in self.unanswered() if QUESTIONS[qid].group == level]

    def _show_missing(self, missing: list[str], role: str = "alert") -> None:
        """Name the unanswered questions of this step in the message by the Next button."""
        count = len(missing)
        lead = (
            "This question has no answer yet. Choose No or Yes, then press Next:"
            if count == 1
            else f"{count} questions on this step have no answer yet. "
            "Choose No or Yes for each, then press Next:"
        )
        items = "".join(f"<li>{html.escape(QUESTIONS[qid].text)}</li>" for qid in missing)
        self._nav_message.value = (
            f'<div class="bsc-message bsc-message-error bsc-selfcheck-missing" role="{role}">'
            f"⚠ {html.escape(lead)}<ul>{items}</ul></div>"
        )

    def _refresh_missing(self) -> None:
        """After an answer, keep the message's list true (politely, not as a new alert)."""
        if "bsc-selfcheck-missing" not in self._nav_message.value:
            return
        missing = self._missing_on_this_step()
        if missing:
            self._show_missing(missing, role="status")
        else:
            show_message(self._nav_message, "")

    def _answers(self, up_to_step: int) -> dict | None:
        """Answers to the questions of steps 0..up_to_step, or None if a number needs fixing."""
        groups = LEVELS[: up_to_step + 1]
        answers: dict = {}
        usable = True
        for qid, q in QUESTIONS.items():
            if q.group not in groups:
                continue
            if q.is_number:
                usable = self._check_number(qid) and usable
                if usable:
                    answers[qid] = parse_number(qid, self._fields[qid].value)
            else:
                answers[qid] = self._fields[qid].value
        return answers if usable else None

    # --- navigation ------------------------------------------------------------------------------

    def _show_step(self, step: int) -> None:
        self._step = step
        tier = TIERS[LEVELS[step]]
        self._step_label.value = (
            f'<p aria-live="polite" class="bsc-big"><strong>Step {step + 1} of '
            f"{len(LEVELS)}</strong>: {html.escape(tier.step_title)}</p>"
        )
        for i, page in enumerate(self._pages):
            page.layout.display = None if i == step else "none"
        self._nav.layout.display = None
        self._result_box.layout.display = "none"
        self._back.disabled = step == 0
        last = step == len(LEVELS) - 1
        self._next.description = "See my result" if last else "Next"
        self._next.icon = "check" if last else "arrow-right"
        self._next.tooltip = "See what to do" if last else "Go on to the next questions"
        show_message(self._nav_message, "")

    def _show_result(self, r: Assessment) -> None:
        self.assessment = r
        for level in LEVELS:
            self._result.remove_class(f"bsc-result-{level}")
        self._result.add_class(f"bsc-result-{r.level}")
        self._result.value = result_html(r)
        self._step_label.value = '<p class="bsc-big"><strong>Your result</strong></p>'
        for page in self._pages:
            page.layout.display = "none"
        self._nav.layout.display = "none"
        self._result_box.layout.display = None
        self._change.focus()

    def _on_next(self, _button=None) -> None:
        missing = self.unanswered()
        if missing:
            # Never a result, nor a further step, without the learner's own answer to each.
            first_step = LEVELS.index(QUESTIONS[missing[0]].group)
            if first_step != self._step:
                self._show_step(first_step)
            on_this_step = self._missing_on_this_step()
            for qid in on_this_step:
                self._fields[qid].missing = True
            self._show_missing(on_this_step)
            self._fields[on_this_step[0]].focus()
            return
        answers = self._answers(self._step)
        if answers is None:
            show_message(self._nav_message, "Please check the answer marked above first.")
            return
        last = self._step == len(LEVELS) - 1
        # An emergency sign must not wait behind more questions.
        if last or self._step == 0:
            r = assess(answers)
            if last or r.level == "emergency":
                self._show_result(r)
                return
        self._show_step(self._step + 1)
        # Keyboard and screen-reader users go on from the new step's first question, not from a
        # button whose page has just changed under them.
        self._fields[self._first_field(self._step)].focus()

    def _first_field(self, step: int) -> str:
        return next(qid for qid, q in QUESTIONS.items() if q.group == LEVELS[step])

    def _on_back(self, _button=None) -> None:
        if self._step > 0:
            self._show_step(self._step - 1)

    def _on_change(self, _button=None) -> None:
        self.assessment = None
        self._show_step(self._step)
        self._fields[self._first_field(self._step)].focus()

    def _on_restart(self, _button=None) -> None:
        self.assessment = None
        for qid, field in self._fields.items():
            if QUESTIONS[qid].is_number:
                field.value = ""
            else:
                field.value = None
                field.missing = False
            if qid in self._messages:
                show_message(self._messages[qid], "")
        self._result.value = ""
        for level in LEVELS:
            self._result.remove_class(f"bsc-result-{level}")
        self._show_step(0)
        self._fields[self._first_field(0)].focus()
