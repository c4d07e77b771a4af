"""My back-care plan: gather a learner's choices into one page, as Markdown and as HTML.

The plan reuses the course's own data: the sitting schedules (:data:`widgets.timer.model.PRESETS`),
the foods (:data:`widgets.nutrients.FOODS`), the routine's exercises
(:data:`widgets.routine.model.EXERCISES`) and the self-check's tiers and rules
(:mod:`widgets.selfcheck.model`). Nothing is written to disk: the page turns the text into a
download in the browser.

Everything a learner types is escaped in both outputs: HTML-escaped in the HTML, and
backslash-escaped (on one line) in the Markdown, so it can neither inject markup nor break the
document's structure.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from widgets.nutrients import FOODS
from widgets.routine.model import EXERCISES
from widgets.selfcheck.model import QUESTIONS, RULES, TIERS
from widgets.text import DISCLAIMER
from widgets.timer.model import PRESETS, preset

GOAL_MAX = 300
#: Foods the plan suggests before the learner chooses: one good source each of potassium,
#: calcium and magnesium from the course's food list.
DEFAULT_FOODS = ("banana", "yogurt-plain-low-fat", "almonds")
TITLE = "My back-care plan"
FILE_STEM = "my-back-care-plan"

# Markdown characters that could start markup inside a line: links and images ([ ]), emphasis
# (* _ ~), code (`), raw HTML (< >), entities (&), tables (|). Free text is put on one line after
# a label or a list marker, so characters that only act at the start of a line (#, -, +, 1.)
# cannot take effect, and ( ) ! only act next to an (escaped) bracket.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?\w+;))")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Section:
    """One part of the plan: a heading, an optional note, and a list of items."""

    title: str
    items: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class BackCarePlan:
    """The plan, ready to render.

    Attributes
    ----------
    goal : str
        The learner's goal (checked, whitespace collapsed), or "".
    sections : tuple of Section
        Sitting, foods, exercises, when to get help.
    sources : tuple of (str, str)
        Where the plan's content comes from: a description and an address (or "").
    """

    goal: str
    sections: tuple[Section, ...]
    sources: tuple[tuple[str, str], ...]

    def markdown(self) -> str:
        """The plan as a Markdown document."""
        out = [f"# {TITLE}", ""]
        if self.goal:
            out += [f"**My goal:** {md_escape(self.goal)}", ""]
        for s in self.sections:
            out += [f"## {md_escape(s.title)}", ""]
            if s.note:
                out += [md_escape(s.note), ""]
            out += [f"- {md_escape(item)}" for item in s.items] + [""]
        out += ["## Sources", ""]
        for n, (text, url) in enumerate(self.sources, 1):
            out.append(f"{n}. {md_escape(text)}" + (f" <{url}>" if url else ""))
        out.append("")
        out += ["---", "", f"*{md_escape(DISCLAIMER)}*", ""]
        return "\n".join(out)

    def html_body(self) -> str:
        """The plan as an HTML fragment (for showing inside a page)."""
        e = html.escape
        out = [f"<h2>{e(TITLE)}</h2>"]
        if self.goal:
            out.append(f'<p class="bsc-plan-goal"><strong>My goal:</strong> {e(self.goal)}</p>')
        for s in self.sections:
            out.append(f"<h3>{e(s.title)}</h3>")
            if s.note:
                out.append(f"<p>{e(s.note)}</p>")
            out.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in s.items) + "</ul>")
        out.append("<h3>Sources</h3><ol>")
        for text, url in self.sources:
            link = f' <a href="{e(url)}">{e(url)}</a>' if url else ""
            out.append(f"<li>{e(text)}{link}</li>")
        out.append(f'</ol><hr><p role="note"><em>{e(DISCLAIMER)}</em></p>')
        return "".join(out)

    def html(self) -> str:
        """The plan as a standalone HTML document (UTF-8, no scripts, no outside resources)."""
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(TITLE)}</title>"
            "<style>body{font-family:Helvetica,Arial,sans-serif;max-width:46em;margin:2em auto;"
            "padding:0 1em;line-height:1.45;color:#1a1a1a}h2{color:#1d4f91}"
            "h3{margin-top:1.2em}</style></head><body>" + self.html_body() + "</body></html>\n"
        )


def md_escape(text: str) -> str:
    """``text`` on one line with Markdown's special characters backslash-escaped."""
    one_line = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", one_line)


def check_goal(text: object) -> str:
    """The learner's goal, whitespace collapsed; "" when empty.

    Raises
    ------
    ValueError
        If it is not text or longer than :data:`GOAL_MAX` characters.
    """
    if text is None:
        return ""
    if not isinstance(text, str):
        raise ValueError("Your goal must be text.")
    goal = " ".join(_CONTROL.sub(" ", text).split())
    if len(goal) > GOAL_MAX:
        raise ValueError(
            f"Keep your goal to {GOAL_MAX} characters or fewer (it has {len(goal)}), "
            "so the plan stays one page."
        )
    return goal


def _help_items(tier: str) -> tuple[str, ...]:
    """The self-check's signs for ``tier``, as the questions a learner asks themself."""
    items: list[str] = []
    for rule in RULES:
        if rule.tier != tier or rule.not_yes or rule.at_least or rule.above or rule.below:
            continue
        if len(rule.any_yes) == 1 and not rule.all_yes:
            ids = rule.any_yes
        elif rule.all_yes and not rule.any_yes:
            ids = rule.all_yes
        else:
            continue
        item = " And: ".join(QUESTIONS[q].text for q in ids)
        if item not in items:
            items.append(item)
    return tuple(items)


def _help_sections() -> list[Section]:
    sections = []
    for level in ("emergency", "urgent", "see-doctor"):
        tier = TIERS[level]
        items = _help_items(level)
        if level == "see-doctor":
            items = (
                "Is your back pain no better after a few weeks of looking after it at home?",
                *items,
            )
        sections.append(
            Section(
                f"When to get help — {tier.title}",
                items,
                f"{tier.advice} If the answer to any of these is yes:",
            )
        )
    care = TIERS["self-care"]
    sections.append(Section(f"Otherwise — {care.title}", care.plan, care.advice))
    return sections


def build_plan(
    schedule: str = PRESETS[0].id,
    foods: Iterable[str] = DEFAULT_FOODS,
    exercises: Iterable[str] | None = None,
    goal: str = "",
) -> BackCarePlan:
    """Gather the learner's choices into a plan.

    Parameters
    ----------
    schedule : str
        A sitting-timer preset id (:data:`widgets.timer.model.PRESETS`).
    foods : iterable of str
        Food ids from :data:`widgets.nutrients.FOODS`.
    exercises : iterable of str, optional
        Exercise ids from :data:`widgets.routine.model.EXERCISES`; default all.
    goal : str
        Free text, up to :data:`GOAL_MAX` characters.

    Raises
    ------
    ValueError
        If an id is unknown or the goal is too long, with a sentence a learner can read.
    """
    chosen = preset(schedule)
    food_ids = list(dict.fromkeys(foods))
    for fid in food_ids:
        if fid not in FOODS:
            raise ValueError(f"The course's food list has no food called {fid!r}.")
    ex_ids = list(EXERCISES) if exercises is None else list(dict.fromkeys(exercises))
    for xid in ex_ids:
        if xid not in EXERCISES:
            raise ValueError(f"The routine has no exercise called {xid!r}.")
    goal_text = check_goal(goal)

    sitting = Section(
        "Break up sitting",
        (
            f"{chosen.label}: sit for up to {chosen.sit_minutes:g} minutes, then move for "
            f"{chosen.break_minutes:g} minutes.",
            chosen.note,
            "Use the sitting timer (lesson 03) to remind you.",
        ),
    )
    food_items = tuple(f"{FOODS[f].name} — {FOODS[f].serving}" for f in food_ids)
    foods_section = Section(
        "Foods to add",
        food_items or ("No foods chosen.",),
        "For general health: the course does not suggest supplements for spasms.",
    )
    ex_items = tuple(
        f"{EXERCISES[x].name}: {EXERCISES[x].how} Dose: {EXERCISES[x].dose}" for x in ex_ids
    )
    exercise_section = Section(
        "Exercises",
        ex_items or ("No exercises chosen.",),
        "Start with 5 repetitions of each, 3 times a day, and build up if comfortable. Stop if an "
        "exercise hurts, makes your symptoms worse, or brings on new numbness or tingling.",
    )
    sources = [
        (f"Sitting schedule: {chosen.source}", ""),
        ("Foods: USDA National Nutrient Database for Standard Reference, Release 26 (2013).", ""),
    ]
    sources += [(f"{EXERCISES[x].name}: {EXERCISES[x].source}", "") for x in ex_ids]
    sources.append(
        (
            'Exercise start and stop advice: NHS inform (Scotland) "Exercises for back pain"; '
            'NHS "Lower back pain exercises" (2019 snapshot).',
            "https://www.nhs.uk/live-well/exercise/lower-back-pain-exercises/",
        )
    )
    seen = []
    for level in ("emergency", "urgent", "see-doctor", "self-care"):
        for s in TIERS[level].sources:
            if s.key not in seen:
                seen.append(s.key)
                sources.append((f"When to get help: {s.name}", s.url))
    return BackCarePlan(
        goal=goal_text,
        sections=(sitting, foods_section, exercise_section, *_help_sections()),
        sources=tuple(sources),
    )
