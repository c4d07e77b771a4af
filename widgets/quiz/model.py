"""The end-of-lesson quizzes: load a lesson's questions and grade answers, without widgets.

Questions live in ``widgets/data/quizzes/NN.toml``. Each question is single choice (exactly one
right option) or multiple choice (one or more right options); every option carries feedback that
says why it is right or wrong, and every question names the section of the lesson to re-read.

Options are shown in the order the file lists them, and the model reports that same order. The
files balance it: right answers spread over the positions, multiple-choice right options mixed with
wrong ones, the right answer no more often the longest option than chance would make it (checked in
``tests/content/test_quizzes.py``), so the order is the same for every learner and on every reload.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from widgets.content import ContentError, load_toml, require, require_source
from widgets.course import COURSE

KINDS = ("single", "multiple")
_LESSON = re.compile(r"^\d\d$")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Option:
    """One answer a learner can pick.

    Attributes
    ----------
    id : str
        Identifier, unique within its question (``"a"``, ``"b"``...).
    text : str
        What the learner reads.
    correct : bool
        Whether picking it is right.
    feedback : str
        Why it is right or wrong, shown after the learner checks.
    """

    id: str
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Question:
    """A question with its options.

    Attributes
    ----------
    id : str
        Identifier, unique within the quiz.
    kind : str
        ``"single"`` (pick one) or ``"multiple"`` (pick every right option).
    text : str
        The question.
    section : str
        The heading of the lesson section that teaches the answer.
    options : tuple of Option
        The answers, in the order shown.
    source : str
        Where the facts in the question come from.
    """

    id: str
    kind: str
    text: str
    section: str
    options: tuple[Option, ...]
    source: str

    @property
    def right_ids(self) -> tuple[str, ...]:
        """The ids of the right options, in the order shown."""
        return tuple(o.id for o in self.options if o.correct)

    def option(self, option_id: str) -> Option:
        """The option with this id; ``ValueError`` if the question has none."""
        for o in self.options:
            if o.id == option_id:
                return o
        raise ValueError(
            f"Question '{self.id}' has no answer '{option_id}'. "
            f"Its answers are: {', '.join(o.id for o in self.options)}."
        )


@dataclass(frozen=True)
class QuizData:
    """A lesson's quiz.

    Attributes
    ----------
    lesson : str
        The lesson number, two digits (``"01"``).
    title : str
        The heading shown above the questions.
    questions : tuple of Question
        The questions, in order.
    """

    lesson: str
    title: str
    questions: tuple[Question, ...]

    def question(self, question_id: str) -> Question:
        """The question with this id; ``ValueError`` if the quiz has none."""
        for q in self.questions:
            if q.id == question_id:
                return q
        raise ValueError(f"This quiz has no question '{question_id}'.")


@dataclass(frozen=True)
class Grade:
    """The result of checking one answer.

    Attributes
    ----------
    question_id : str
        The question checked.
    correct : bool
        True only when the learner picked every right option and no wrong one.
    chosen : tuple of str
        The options picked, in the order shown.
    found : int
        How many right options were picked.
    wrong : tuple of str
        Picked options that are wrong.
    missed : int
        How many right options were not picked.
    feedback : tuple of (Option, str)
        Each picked option with its feedback, in the order shown.
    """

    question_id: str
    correct: bool
    chosen: tuple[str, ...]
    found: int
    wrong: tuple[str, ...]
    missed: int
    feedback: tuple[tuple[Option, str], ...]

    @property
    def partial(self) -> bool:
        """Some right options picked, no wrong ones, but not all of them."""
        return not self.correct and self.found > 0 and not self.wrong

    @property
    def summary(self) -> str:
        """One sentence that says how the answer did, in words."""
        if self.correct:
            return "Correct."
        if self.partial:
            return (
                f"Partly right: you found {self.found} of {self.found + self.missed} right "
                "answers. Choose every answer that is true."
            )
        if self.found and self.wrong:
            return "Not quite: one or more of your answers is wrong."
        return "Not right this time."


def grade(question: Question, chosen: str | Iterable[str] | None) -> Grade:
    """Grade one answer.

    Parameters
    ----------
    question : Question
        The question answered.
    chosen : str or iterable of str or None
        The option id (single choice) or ids (multiple choice) the learner picked.

    Returns
    -------
    Grade

    Raises
    ------
    ValueError
        If nothing is chosen, an id is not one of the question's options, or more than one
        option is chosen for a single-choice question. The message is a sentence a learner
        can read.
    """
    if chosen is None:
        ids: list[str] = []
    elif isinstance(chosen, str):
        ids = [chosen] if chosen.strip() else []
    else:
        ids = list(chosen)
    if not ids:
        raise ValueError("Choose an answer first, then press Check.")
    for option_id in ids:
        if not isinstance(option_id, str):
            raise ValueError(f"An answer must be one of the options, not {option_id!r}.")
        question.option(option_id)  # raises for an unknown id
    if len(set(ids)) != len(ids):
        raise ValueError("Each answer can be chosen only once.")
    if question.kind == "single" and len(ids) > 1:
        raise ValueError("This question has one answer: choose only one.")
    picked = set(ids)
    ordered = tuple(o.id for o in question.options if o.id in picked)
    right = set(question.right_ids)
    found = len(picked & right)
    wrong = tuple(i for i in ordered if i not in right)
    missed = len(right - picked)
    feedback = tuple((question.option(i), question.option(i).feedback) for i in ordered)
    return Grade(
        question_id=question.id,
        correct=not wrong and missed == 0,
        chosen=ordered,
        found=found,
        wrong=wrong,
        missed=missed,
        feedback=feedback,
    )


def score(grades: Iterable[Grade | None], total: int | None = None) -> tuple[int, int]:
    """``(right, total)``: how many grades are correct, out of ``total`` (default: all given).

    ``None`` stands for a question not checked yet; it counts towards the total, not as right.
    """
    grades = list(grades)
    right = sum(1 for g in grades if g is not None and g.correct)
    return right, len(grades) if total is None else total


def score_line(right: int, total: int) -> str:
    """The score in words: ``"2 of 4 right"``."""
    return f"{right} of {total} right"


# --- loading ---------------------------------------------------------------------------------


def _option(raw: object, file: str, where: str) -> Option:
    if not isinstance(raw, dict):
        raise ContentError(f"{file}: {where}: each option must be a table.")
    oid = require(raw, "id", str, file=file, where=where)
    where = f"{where} option '{oid}'"
    return Option(
        id=oid,
        text=require(raw, "text", str, file=file, where=where).strip(),
        correct=require(raw, "correct", bool, file=file, where=where),
        feedback=require(raw, "feedback", str, file=file, where=where).strip(),
    )


def _question(raw: object, file: str, index: int) -> Question:
    if not isinstance(raw, dict):
        raise ContentError(f"{file}: question {index}: each question must be a table.")
    qid = require(raw, "id", str, file=file, where=f"question {index}")
    where = f"question '{qid}'"
    if not _ID.match(qid):
        raise ContentError(f"{file}: {where}: ids are lower-case words joined by '-'.")
    kind = require(raw, "kind", str, file=file, where=where)
    if kind not in KINDS:
        raise ContentError(f"{file}: {where}: kind must be 'single' or 'multiple', not {kind!r}.")
    raw_options = require(raw, "option", list, file=file, where=where)
    options = tuple(_option(o, file, where) for o in raw_options)
    if len(options) < 2:
        raise ContentError(f"{file}: {where}: a question needs at least two options.")
    ids = [o.id for o in options]
    if len(set(ids)) != len(ids):
        raise ContentError(f"{file}: {where}: option ids must be unique.")
    texts = [o.text for o in options]
    if len(set(texts)) != len(texts):
        raise ContentError(f"{file}: {where}: two options have the same text.")
    right = sum(o.correct for o in options)
    if right == 0:
        raise ContentError(f"{file}: {where}: no option is marked correct.")
    if kind == "single" and right != 1:
        raise ContentError(
            f"{file}: {where}: a single-choice question needs exactly one right option."
        )
    return Question(
        id=qid,
        kind=kind,
        text=require(raw, "text", str, file=file, where=where).strip(),
        section=require(raw, "section", str, file=file, where=where).strip(),
        options=options,
        source=require_source(raw, file=file, where=where).strip(),
    )


def build(raw: dict, file: str = "quizzes/??.toml") -> QuizData:
    """Check a parsed quiz file and turn it into a :class:`QuizData`.

    Raises
    ------
    ContentError
        Naming the file, the question and the field, for any entry that breaks the schema.
    """
    lesson = require(raw, "lesson", str, file=file, where="the file")
    if not _LESSON.match(lesson):
        raise ContentError(f"{file}: the lesson must be two digits, such as '01'.")
    raw_questions = require(raw, "question", list, file=file, where="the file")
    questions = tuple(_question(q, file, i + 1) for i, q in enumerate(raw_questions))
    if not questions:
        raise ContentError(f"{file}: the quiz has no questions.")
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):
        raise ContentError(f"{file}: question ids must be unique.")
    return QuizData(
        lesson=lesson,
        title=require(raw, "title", str, file=file, where="the file").strip(),
        questions=questions,
    )


def load_quiz(lesson: str) -> QuizData:
    """Load and check the quiz of a lesson (``"01"`` reads ``widgets/data/quizzes/01.toml``).

    The lesson must be one of the course manifest's (``widgets/data/course.toml``) and name
    ``Quiz`` among its tools; the manifest gives its quiz file.

    Raises
    ------
    ValueError
        If ``lesson`` is not two digits.
    ContentError
        If the file is missing or breaks the schema.
    """
    lesson = str(lesson).strip()
    if not _LESSON.match(lesson):
        raise ValueError(f"A lesson is named by two digits, such as '01', not {lesson!r}.")
    known = lesson in COURSE.numbers
    file = COURSE.lesson(lesson).quiz_file if known else f"quizzes/{lesson}.toml"
    if file is None:
        raise ContentError(
            f"course.toml: lesson '{lesson}' has no quiz: 'Quiz' is not among its tools."
        )
    quiz = build(load_toml(file), file)
    if not known:
        raise ContentError(f"{file}: lesson '{lesson}' is not in the course manifest, course.toml.")
    if quiz.lesson != lesson:
        raise ContentError(f"{file}: says it is lesson {quiz.lesson!r}, not {lesson!r}.")
    return quiz
