"""The end-of-lesson quiz: ``widgets.Quiz("01")``.

The view only displays. Grading is :func:`widgets.quiz.model.grade`; the questions come from
``widgets/data/quizzes/NN.toml``. Answers live only in these widgets while the page is open; the
best score (how many right, of how many) is kept in the learner's own browser, for the course
map on the home page.
"""

from __future__ import annotations

import html

import ipywidgets as w

from widgets.progress.memory import BrowserMemory
from widgets.progress.model import clean_quiz_score
from widgets.quiz.model import Grade, Question, QuizData, grade, load_quiz, score, score_line
from widgets.ui import PALETTE, show_message, stylesheet

#: (tone, icon) of a right, a partly right and a wrong answer.
_RIGHT = ("self-care", "✓")
_PARTLY = ("see-doctor", "◐")
_WRONG = ("emergency", "✗")


def _feedback_html(question: Question, g: Grade) -> str:
    """The feedback panel for a checked answer.

    The result in words with an icon, each picked option's feedback, and the section to re-read
    when the answer is not fully right.
    """
    tone, icon = _RIGHT if g.correct else _PARTLY if g.partial else _WRONG
    items = "".join(
        f"<li><strong>{html.escape(option.text)}</strong><br>{html.escape(text)}</li>"
        for option, text in g.feedback
    )
    reread = (
        ""
        if g.correct
        else f"<p>Re-read <em>{html.escape(question.section)}</em> above, then try again.</p>"
    )
    return (
        f'<div role="status" class="bsc-panel bsc-panel-side bsc-panel-wide bsc-panel-{tone} '
        f'bsc-quiz-feedback-panel"><p class="bsc-p bsc-pack-verdict {PALETTE[tone]}">'
        f'<span aria-hidden="true">{icon} </span>{html.escape(g.summary)}</p>'
        f'<ul class="bsc-list">{items}</ul>{reread}</div>'
    )


class Quiz(w.VBox):
    """The questions that end a lesson, with a Check button and feedback for each.

    Parameters
    ----------
    lesson : str or QuizData
        The lesson number (``"01"`` loads ``widgets/data/quizzes/01.toml``), or a quiz.

    Examples
    --------
    >>> from widgets import Quiz
    >>> Quiz("01")  # doctest: +SKIP
    """

    def __init__(self, lesson: str | QuizData, **kwargs) -> None:
        super().__init__(**kwargs)
        self.add_class("bsc-tool")
        self.add_class("bsc-quiz")
        self.quiz: QuizData = lesson if isinstance(lesson, QuizData) else load_quiz(lesson)
        #: Each question's last checked grade; None until checked (or after the answer changes).
        self.grades: dict[str, Grade | None] = {q.id: None for q in self.quiz.questions}
        self._controls: dict[str, w.RadioButtons | list[w.Checkbox]] = {}
        self._check: dict[str, w.Button] = {}
        self._feedback: dict[str, w.HTML] = {}
        self._boxes: dict[str, w.VBox] = {}
        # Shared layouts: fewer widget models for the page to load.
        self._option_layout = w.Layout(width="auto", max_width="100%")
        self._button_layout = w.Layout(width="auto", min_width="7em", align_self="flex-start")
        header = w.HTML(
            f"<h3>{html.escape(self.quiz.title)}</h3>"
            "<p>Answer each question, then press <strong>Check</strong> under it to see "
            "whether you are right and why.</p>"
        )
        total = len(self.quiz.questions)
        rows = [self._build_question(i, total, q) for i, q in enumerate(self.quiz.questions)]
        self._score = w.HTML()
        self._score.add_class("bsc-quiz-score")
        self._retry = w.Button(
            description="Try again",
            icon="redo",
            tooltip="Clear every answer and start the quiz again",
            layout=self._button_layout,
        )
        self._retry.on_click(self._on_retry)
        #: The best number right in this browser (None until known, or never scored).
        self.best: int | None = None
        self.memory = BrowserMemory("quiz", self.quiz.lesson, self._restore)
        self.children = [
            stylesheet(),
            header,
            *rows,
            w.HBox([self._score, self._retry]),
            self.memory,
        ]
        self._show_score()

    # --- building ------------------------------------------------------------------------------

    def _build_question(self, index: int, total: int, q: Question) -> w.VBox:
        how = "Choose one answer." if q.kind == "single" else "Choose every answer that is true."
        prompt = w.HTML(
            f'<p class="bsc-p"><strong>Question {index + 1} of {total}.</strong> '
            f'{html.escape(q.text)} <em class="{PALETTE["muted"]}">{how}</em></p>'
        )
        if q.kind == "single":
            control = w.RadioButtons(
                options=[(o.text, o.id) for o in q.options],
                value=None,
                tooltip=q.text,
                layout=self._option_layout,
            )
            control.observe(lambda _c, qid=q.id: self._on_change(qid), names="value")
            self._controls[q.id] = control
            answers: w.Widget = control
        else:
            boxes = []
            for o in q.options:
                box = w.Checkbox(
                    value=False, description=o.text, indent=False, layout=self._option_layout
                )
                box.observe(lambda _c, qid=q.id: self._on_change(qid), names="value")
                boxes.append(box)
            self._controls[q.id] = boxes
            answers = w.VBox(boxes)
        check = w.Button(
            description="Check",
            icon="check",
            tooltip=f"Check your answer to question {index + 1}",
            layout=self._button_layout,
        )
        check.on_click(lambda _b, qid=q.id: self.check(qid))
        feedback = w.HTML()
        feedback.add_class("bsc-quiz-feedback")
        self._check[q.id], self._feedback[q.id] = check, feedback
        box = w.VBox([prompt, answers, check, feedback])
        box.add_class("bsc-quiz-question")
        box.add_class(f"bsc-quiz-{q.id}")
        self._boxes[q.id] = box
        return box

    # --- answering -----------------------------------------------------------------------------

    def chosen(self, question_id: str) -> tuple[str, ...]:
        """The option ids currently picked for a question, in the order shown."""
        control = self._controls[question_id]
        if isinstance(control, w.RadioButtons):
            return () if control.value is None else (control.value,)
        q = self.quiz.question(question_id)
        return tuple(o.id for o, box in zip(q.options, control, strict=True) if box.value)

    def check(self, question_id: str) -> Grade | None:
        """Grade the picked answer and show the feedback; None (and a message) if none is picked."""
        q = self.quiz.question(question_id)
        area = self._feedback[question_id]
        try:
            g = grade(q, self.chosen(question_id))
        except ValueError as exc:
            self.grades[question_id] = None
            show_message(area, str(exc), "error")
            self._show_score()
            return None
        self.grades[question_id] = g
        area.value = _feedback_html(q, g)
        self._show_score()
        return g

    def _on_change(self, question_id: str) -> None:
        # Feedback always belongs to the answer on screen: a changed answer must be checked again.
        if self.grades[question_id] is not None or self._feedback[question_id].value:
            self.grades[question_id] = None
            self._feedback[question_id].value = ""
            self._show_score()

    def _on_retry(self, _button=None) -> None:
        for control in self._controls.values():
            if isinstance(control, w.RadioButtons):
                control.value = None
            else:
                for box in control:
                    box.value = False
        for qid in self.grades:
            self.grades[qid] = None
            self._feedback[qid].value = ""
        self._show_score()

    def _restore(self, stored: dict) -> None:
        """The best score kept in this browser, if it is a sound score for this quiz."""
        kept = clean_quiz_score(stored, len(self.quiz.questions))
        if kept is None:
            if stored:
                self.memory.remember({})  # not a score of this quiz: forget it
            return
        if self.best is None or kept[0] > self.best:
            self.best = kept[0]
        self._show_score()

    def _show_score(self) -> None:
        right, total = score(self.grades.values())
        checked = sum(g is not None for g in self.grades.values())
        line = score_line(right, total)
        if checked == total and right == total:
            line += ". Well done!"
        elif checked < total:
            line += f" ({checked} of {total} checked)"
        if checked and (self.best is None or right > self.best):
            self.best = right
            self.memory.remember({"right": right, "total": total})
        best = ""
        if self.best is not None and self.memory.loaded and self.memory.available:
            best = (
                '<br><span class="bsc-source">'
                f"Your best in this browser: {html.escape(score_line(self.best, total))}</span>"
            )
        self._score.value = (
            '<p aria-live="polite" class="bsc-quiz-score-line">'
            f"<strong>Score:</strong> {html.escape(line)}{best}</p>"
        )
