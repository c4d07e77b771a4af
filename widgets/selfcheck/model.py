"""The symptom self-check's model: questions, tiers and rules, all read from ``triage.toml``.

The contract is ``docs/sources/triage.md``. Every rule lives in ``widgets/data/triage.toml``;
this module is a small, generic evaluator of the rule conditions the data file uses, plus the
checks on a learner's answers. It imports neither ipywidgets nor IPython.

Examples
--------
>>> r = assess({"saddle_numbness": True, "pain_weeks": 1})
>>> r.level
'emergency'
>>> r.reasons[0].startswith("You said")
True
"""

from __future__ import annotations

import math
import numbers
import string
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from widgets.content import ContentError, load_toml, require, require_source

FILE = "triage.toml"

#: The tiers, highest first.
LEVELS = ("emergency", "urgent", "see-doctor", "self-care")

YES_NO = "yes/no"
NUMBER = "number"

#: Conditions on yes/no answers: "at least one is yes", "every one is yes", "none is yes".
YES_CONDITIONS = ("any_yes", "all_yes", "not_yes")
#: Conditions on number answers; a number that was not given never meets one.
NUMBER_CONDITIONS = {
    "at_least": lambda value, limit: value >= limit,
    "above": lambda value, limit: value > limit,
    "below": lambda value, limit: value < limit,
}

Answer = bool | int | float | None


@dataclass(frozen=True)
class Source:
    """Where a rule or a tier comes from: an organisation's document and its address."""

    key: str
    name: str
    url: str


@dataclass(frozen=True)
class Question:
    """One question of the self-check.

    ``text`` is plain; ``markup`` is the same text with ``**word**`` around words a page shows
    in bold. Number questions have ``minimum``/``maximum`` (inclusive), a ``label`` that names
    them in messages, and ``whole`` when only whole numbers make sense.
    """

    id: str
    group: str
    kind: str
    markup: str
    help: str
    sources: tuple[Source, ...]
    note: str = ""
    label: str = ""
    minimum: float | None = None
    maximum: float | None = None
    whole: bool = False

    @property
    def text(self) -> str:
        """The question without emphasis marks."""
        return self.markup.replace("**", "")

    @property
    def is_number(self) -> bool:
        """True for a number question (weeks, age), False for yes/no."""
        return self.kind == NUMBER


@dataclass(frozen=True)
class Tier:
    """One level of the result: what to do, and how the view introduces its questions."""

    level: str
    rank: int
    title: str
    advice: str
    detail: str
    step_title: str
    step_intro: str
    explain_signs: bool
    sources: tuple[Source, ...]
    plan: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """A rule: when all its conditions hold, it raises the result to ``tier``."""

    id: str
    tier: str
    reason: str
    sources: tuple[Source, ...]
    any_yes: tuple[str, ...] = ()
    all_yes: tuple[str, ...] = ()
    not_yes: tuple[str, ...] = ()
    at_least: tuple[tuple[str, float], ...] = ()
    above: tuple[tuple[str, float], ...] = ()
    below: tuple[tuple[str, float], ...] = ()

    @property
    def reads(self) -> tuple[str, ...]:
        """Every answer id this rule looks at, in the order its conditions name them."""
        ids: list[str] = []
        for name in YES_CONDITIONS:
            ids.extend(getattr(self, name))
        for name in NUMBER_CONDITIONS:
            ids.extend(qid for qid, _ in getattr(self, name))
        return tuple(dict.fromkeys(ids))

    def holds(self, answers: Mapping[str, Answer]) -> bool:
        """Whether every condition holds for ``answers`` (checked, complete answers)."""
        if self.any_yes and not any(answers[q] is True for q in self.any_yes):
            return False
        if not all(answers[q] is True for q in self.all_yes):
            return False
        if any(answers[q] is True for q in self.not_yes):
            return False
        for name, test in NUMBER_CONDITIONS.items():
            for qid, limit in getattr(self, name):
                value = answers[qid]
                if value is None or not test(value, limit):
                    return False
        return True

    def explain(self, answers: Mapping[str, Answer]) -> str:
        """The reason, with any number answer it quotes filled in."""
        numbers_read = {
            qid: _format_number(answers[qid])
            for qid in self.reads
            if answers.get(qid) is not None and not isinstance(answers[qid], bool)
        }
        return self.reason.format_map(numbers_read)


@dataclass(frozen=True)
class Assessment:
    """What the self-check concludes from a set of answers.

    Attributes
    ----------
    level : str
        ``"emergency"``, ``"urgent"``, ``"see-doctor"`` or ``"self-care"``: the highest tier any
        rule reached.
    title : str
        The tier's heading, e.g. "Emergency: get help now".
    advice : str
        What to do now (the tier's text from triage.md).
    detail : str
        The UK and US routes, or a word on what the tier means.
    reasons : tuple of str
        One plain sentence ("You said ...") for every rule that fired, highest tier first.
    notes : tuple of str
        Answers that raised nothing but are worth explaining (self-care signs, pregnancy).
    rules : tuple of str
        The ids of the rules that fired, in the same order as ``reasons``.
    sources : tuple of Source
        The sources of the tier and of every rule that fired.
    plan : tuple of str
        What looking after it at home means; only the self-care tier has one.
    """

    level: str
    title: str
    advice: str
    detail: str
    reasons: tuple[str, ...]
    notes: tuple[str, ...]
    rules: tuple[str, ...]
    sources: tuple[Source, ...]
    plan: tuple[str, ...]


class AnswerError(ValueError):
    """An answer the self-check cannot use; ``question`` is the id of the question it names."""

    def __init__(self, question: str, message: str) -> None:
        super().__init__(message)
        self.question = question


@dataclass(frozen=True)
class Triage:
    """Everything ``triage.toml`` defines, checked."""

    sources: Mapping[str, Source]
    tiers: Mapping[str, Tier]
    questions: Mapping[str, Question]
    rules: tuple[Rule, ...]


# --- loading and checking the data file ------------------------------------------------------


def _format_number(value: float) -> str:
    return f"{value:g}"


def _sources(entry: dict, known: Mapping[str, Source], where: str) -> tuple[Source, ...]:
    keys = [k.strip() for k in require_source(entry, file=FILE, where=where).split(",")]
    missing = [k for k in keys if k not in known]
    if missing or not all(keys):
        raise ContentError(f"{FILE}: {where}: the source {missing or keys} is not in [sources].")
    return tuple(known[k] for k in keys)


def _text(entry: dict, field: str, where: str) -> str:
    return require(entry, field, str, file=FILE, where=where).strip()


def _number(entry: dict, field: str, where: str) -> float:
    value = require(entry, field, (int, float), file=FILE, where=where)
    if not math.isfinite(value):
        raise ContentError(f"{FILE}: {where}: the field '{field}' must be a finite number.")
    return value


def _load_sources(data: dict) -> dict[str, Source]:
    table = require(data, "sources", dict, file=FILE, where="the file")
    sources = {}
    for key, entry in table.items():
        where = f"source '{key}'"
        if not isinstance(entry, dict):
            raise ContentError(f"{FILE}: {where}: must be a table with name and url.")
        url = _text(entry, "url", where)
        if not url.startswith("https://"):
            raise ContentError(f"{FILE}: {where}: the url must start with https://.")
        sources[key] = Source(key, _text(entry, "name", where), url)
    return sources


def _load_tiers(data: dict, sources: Mapping[str, Source]) -> dict[str, Tier]:
    entries = require(data, "tiers", list, file=FILE, where="the file")
    levels = [e.get("level") if isinstance(e, dict) else None for e in entries]
    if tuple(levels) != LEVELS:
        raise ContentError(
            f"{FILE}: the tiers must be {list(LEVELS)}, in that order, not {levels}."
        )
    tiers = {}
    for rank, entry in enumerate(entries):
        where = f"tier '{entry['level']}'"
        plan = entry.get("plan", [])
        if not isinstance(plan, list) or not all(isinstance(p, str) and p.strip() for p in plan):
            raise ContentError(f"{FILE}: {where}: 'plan' must be a list of sentences.")
        tiers[entry["level"]] = Tier(
            level=entry["level"],
            rank=rank,
            title=_text(entry, "title", where),
            advice=_text(entry, "advice", where),
            detail=_text(entry, "detail", where),
            step_title=_text(entry, "step_title", where),
            step_intro=_text(entry, "step_intro", where),
            explain_signs=require(entry, "explain_signs", bool, file=FILE, where=where),
            sources=_sources(entry, sources, where),
            plan=tuple(p.strip() for p in plan),
        )
    return tiers


def _load_questions(data: dict, sources: Mapping[str, Source]) -> dict[str, Question]:
    questions: dict[str, Question] = {}
    for entry in require(data, "questions", list, file=FILE, where="the file"):
        if not isinstance(entry, dict):
            raise ContentError(f"{FILE}: every [[questions]] entry must be a table.")
        qid = require(entry, "id", str, file=FILE, where="a question")
        where = f"question '{qid}'"
        if qid in questions:
            raise ContentError(f"{FILE}: {where}: the id is used twice.")
        group = _text(entry, "group", where)
        if group not in LEVELS:
            raise ContentError(f"{FILE}: {where}: the group must be one of {list(LEVELS)}.")
        kind = _text(entry, "type", where)
        if kind not in (YES_NO, NUMBER):
            raise ContentError(f"{FILE}: {where}: the type must be '{YES_NO}' or '{NUMBER}'.")
        extra: dict[str, Any] = {}
        if kind == NUMBER:
            extra = {
                "label": _text(entry, "label", where),
                "minimum": _number(entry, "min", where),
                "maximum": _number(entry, "max", where),
                "whole": bool(entry.get("whole", False)),
            }
            if extra["minimum"] >= extra["maximum"]:
                raise ContentError(f"{FILE}: {where}: 'min' must be below 'max'.")
        questions[qid] = Question(
            id=qid,
            group=group,
            kind=kind,
            markup=_text(entry, "text", where),
            help=_text(entry, "help", where),
            note=_text(entry, "note", where) if "note" in entry else "",
            sources=_sources(entry, sources, where),
            **extra,
        )
    order = [LEVELS.index(q.group) for q in questions.values()]
    if order != sorted(order):
        raise ContentError(f"{FILE}: the questions must be grouped by tier, highest tier first.")
    return questions


def _load_rule(
    entry: dict, questions: Mapping[str, Question], sources: Mapping[str, Source]
) -> Rule:
    if not isinstance(entry, dict):
        raise ContentError(f"{FILE}: every [[rules]] entry must be a table.")
    rid = require(entry, "id", str, file=FILE, where="a rule")
    where = f"rule '{rid}'"
    tier = _text(entry, "tier", where)
    if tier not in LEVELS[:-1]:
        raise ContentError(f"{FILE}: {where}: the tier must be one of {list(LEVELS[:-1])}.")
    conditions: dict[str, tuple] = {}
    for name in YES_CONDITIONS:
        ids = entry.get(name, [])
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise ContentError(f"{FILE}: {where}: '{name}' must be a list of question ids.")
        for qid in ids:
            if qid not in questions or questions[qid].is_number:
                raise ContentError(
                    f"{FILE}: {where}: '{name}' names '{qid}', not a yes/no question."
                )
        conditions[name] = tuple(ids)
    for name in NUMBER_CONDITIONS:
        limits = entry.get(name, {})
        if not isinstance(limits, dict):
            raise ContentError(f"{FILE}: {where}: '{name}' must be a table like {{ age = 50 }}.")
        for qid in limits:
            if qid not in questions or not questions[qid].is_number:
                raise ContentError(
                    f"{FILE}: {where}: '{name}' names '{qid}', not a number question."
                )
            _number(limits, qid, f"{where}, '{name}'")
        conditions[name] = tuple(limits.items())
    if not any(conditions.values()):
        raise ContentError(f"{FILE}: {where}: a rule needs at least one condition.")
    unknown = set(entry) - {"id", "tier", "reason", "source", *conditions}
    if unknown:
        raise ContentError(f"{FILE}: {where}: unknown fields {sorted(unknown)}.")
    rule = Rule(
        id=rid,
        tier=tier,
        reason=_text(entry, "reason", where),
        sources=_sources(entry, sources, where),
        **conditions,
    )
    if not rule.reason.startswith("You said"):
        raise ContentError(f"{FILE}: {where}: the reason must begin with 'You said'.")
    quoted = {f for _, f, _, _ in string.Formatter().parse(rule.reason) if f is not None}
    numbers_read = {q for q in rule.reads if questions[q].is_number}
    if not quoted <= numbers_read:
        raise ContentError(
            f"{FILE}: {where}: the reason quotes {sorted(quoted - numbers_read)}, "
            "which is not a number the rule reads."
        )
    return rule


def build(data: dict) -> Triage:
    """Check the parsed contents of ``triage.toml`` and build the self-check from them.

    Raises
    ------
    ContentError
        Naming the entry and the field, if anything is missing, of the wrong kind, refers to an
        unknown question or source, or is used twice.
    """
    sources = _load_sources(data)
    tiers = _load_tiers(data, sources)
    questions = _load_questions(data, sources)
    rules: list[Rule] = []
    for entry in require(data, "rules", list, file=FILE, where="the file"):
        rule = _load_rule(entry, questions, sources)
        if any(r.id == rule.id for r in rules):
            raise ContentError(f"{FILE}: rule '{rule.id}': the id is used twice.")
        rules.append(rule)
    rules.sort(key=lambda r: LEVELS.index(r.tier))
    return Triage(
        sources=MappingProxyType(sources),
        tiers=MappingProxyType(tiers),
        questions=MappingProxyType(questions),
        rules=tuple(rules),
    )


_TRIAGE = build(load_toml(FILE))

#: The questions, keyed by the answer ids of triage.md, in the order the learner sees them.
QUESTIONS: Mapping[str, Question] = _TRIAGE.questions
#: The tiers, keyed by level, highest first.
TIERS: Mapping[str, Tier] = _TRIAGE.tiers
#: Every rule, highest tier first.
RULES: tuple[Rule, ...] = _TRIAGE.rules
#: The sources the rules and tiers cite, keyed as in the data file.
SOURCES: Mapping[str, Source] = _TRIAGE.sources


# --- checking a learner's answers -------------------------------------------------------------


def _range_message(q: Question) -> str:
    lo, hi = _format_number(q.minimum), _format_number(q.maximum)
    kind = "a whole number" if q.whole else "a number"
    return f"{q.label} must be {kind} from {lo} to {hi}."


def check_answer(question_id: str, value: Any) -> Answer:
    """Return the answer to one question in its checked form, or raise AnswerError.

    ``None`` means "not given". Yes/no answers must be ``True`` or ``False``; number answers
    must be real numbers (not booleans) within the question's range.

    Raises
    ------
    AnswerError
        A ``ValueError`` whose message names the question.
    """
    if not isinstance(question_id, str) or question_id not in QUESTIONS:
        raise AnswerError(str(question_id), f"'{question_id}' is not a question of the self-check.")
    q = QUESTIONS[question_id]
    if value is None:
        return None
    if not q.is_number:
        if not isinstance(value, bool):
            raise AnswerError(
                q.id,
                f"The answer to “{q.text}” ({q.id}) must be yes or no (True or False), "
                f"not {value!r}.",
            )
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise AnswerError(q.id, f"{q.label} ({q.id}) must be a number, not {value!r}.")
    number = float(value)
    if not math.isfinite(number) or not q.minimum <= number <= q.maximum:
        raise AnswerError(q.id, _range_message(q))
    if q.whole:
        if not number.is_integer():
            raise AnswerError(q.id, _range_message(q))
        return int(number)
    return int(number) if number.is_integer() else number


def check_answers(answers: Mapping[str, Any]) -> dict[str, Answer]:
    """Check every answer and return all questions' answers; not given is False or None.

    Raises
    ------
    AnswerError
        For the first unknown id, wrong type or impossible value, naming the question.
    """
    if not isinstance(answers, Mapping):
        raise ValueError("The answers must be a mapping of question ids to answers.")
    given = {qid: check_answer(qid, value) for qid, value in answers.items()}
    return {
        qid: given.get(qid) if q.is_number else bool(given.get(qid)) for qid, q in QUESTIONS.items()
    }


def parse_number(question_id: str, text: str) -> int | float | None:
    """Read what a learner typed for a number question; empty means "not given".

    Raises
    ------
    AnswerError
        If the text is not a number, or the number is outside the question's range.
    """
    q = QUESTIONS.get(question_id)
    if q is None or not q.is_number:
        raise AnswerError(str(question_id), f"'{question_id}' is not a number question.")
    cleaned = (text or "").strip()
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        example = "35" if q.whole else "3"
        raise AnswerError(q.id, f"{q.label} must be a number, like {example}.") from None
    return check_answer(q.id, value)


def assess(answers: Mapping[str, Any]) -> Assessment:
    """Work out what to do from the learner's answers.

    Parameters
    ----------
    answers : mapping
        Answer ids of triage.md to ``True``/``False`` (yes/no questions) or numbers (weeks, age).
        Answers not given count as "no"; ``None`` also means not given.

    Returns
    -------
    Assessment
        The highest tier any rule reached, a reason for every rule that fired (highest tier
        first), the tier's advice, notes on answers that raised nothing, and the sources.

    Raises
    ------
    AnswerError
        (a ``ValueError``) for an unknown id, a wrong type or an impossible value, naming the
        question.
    """
    checked = check_answers(answers)
    fired = [rule for rule in RULES if rule.holds(checked)]
    level = fired[0].tier if fired else LEVELS[-1]
    tier = TIERS[level]
    notes = tuple(
        q.note
        for q in QUESTIONS.values()
        if q.note and checked[q.id] is True and (q.group != "self-care" or tier.explain_signs)
    )
    sources = dict.fromkeys([*tier.sources, *(s for rule in fired for s in rule.sources)])
    return Assessment(
        level=level,
        title=tier.title,
        advice=tier.advice,
        detail=tier.detail,
        reasons=tuple(rule.explain(checked) for rule in fired),
        notes=notes,
        rules=tuple(rule.id for rule in fired),
        sources=tuple(sources),
        plan=tier.plan,
    )
