"""The causes of back spasms and the lessons that address each: lesson 02's cause explorer.

The mapping lives in ``widgets/data/causes.toml``, with what the evidence does and does not say
about each cause and its source; the lessons themselves (number, title, file) come from the
course manifest, ``widgets/data/course.toml``. This module only reads and checks that file and
answers "which lessons address the causes I ticked?"; it gives no score and no risk numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from widgets.content import ContentError, load_toml, require, require_source
from widgets.course import COURSE, Lesson

FILE = "causes.toml"
#: Longest cause label: it must fit one line of the map.
MAX_LABEL = 32
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Cause:
    """Something that can make a back spasm more likely, and where the course deals with it.

    Attributes
    ----------
    id, label, what : str
        Identifier, the checkbox's short text, and one sentence in the learner's words.
    evidence : str
        What the sources do and do not say about it.
    lessons : tuple of str
        Numbers of the lessons that address it, in course order.
    source : str
        Where the evidence comes from.
    warning : str
        Shown as an alert when the cause is ticked; empty for most causes.
    """

    id: str
    label: str
    what: str
    evidence: str
    lessons: tuple[str, ...]
    source: str
    warning: str = ""


@dataclass(frozen=True)
class CauseMap:
    """Every cause and every lesson, in the order the data file gives them."""

    causes: dict[str, Cause]
    lessons: dict[str, Lesson]
    """The course's lessons (:class:`widgets.course.Lesson`) by number, in course order."""

    def check(self, cause_ids: Iterable[str]) -> tuple[str, ...]:
        """The given cause ids in data order, without repeats.

        Raises
        ------
        ValueError
            If an id is not one of the causes.
        """
        picked = set()
        for cid in cause_ids:
            if cid not in self.causes:
                raise ValueError(
                    f"'{cid}' is not one of the causes. The causes are: {', '.join(self.causes)}."
                )
            picked.add(cid)
        return tuple(cid for cid in self.causes if cid in picked)

    def links(self, cause_ids: Iterable[str]) -> tuple[tuple[str, str], ...]:
        """Every (cause id, lesson number) pair for the chosen causes, in data order."""
        return tuple(
            (cid, number) for cid in self.check(cause_ids) for number in self.causes[cid].lessons
        )

    def lessons_for(self, cause_ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """Lesson number -> the chosen causes it addresses, for lessons that address any.

        Lessons come in course order; each one's causes in data order.
        """
        links = self.links(cause_ids)
        return {
            number: tuple(cid for cid, n in links if n == number)
            for number in self.lessons
            if any(n == number for _, n in links)
        }

    @property
    def mapped_lessons(self) -> tuple[str, ...]:
        """Numbers of the lessons that address at least one cause, in course order."""
        used = {n for cause in self.causes.values() for n in cause.lessons}
        return tuple(n for n in self.lessons if n in used)


def _cause(raw: object, file: str, index: int, lessons: dict[str, Lesson]) -> Cause:
    if not isinstance(raw, dict):
        raise ContentError(f"{file}: cause {index}: each cause must be a table.")
    cid = require(raw, "id", str, file=file, where=f"cause {index}")
    where = f"cause '{cid}'"
    if not _ID.match(cid):
        raise ContentError(f"{file}: {where}: ids are lower-case words joined by '-'.")
    label = require(raw, "label", str, file=file, where=where).strip()
    if len(label) > MAX_LABEL:
        raise ContentError(f"{file}: {where}: the label is longer than {MAX_LABEL} characters.")
    numbers = require(raw, "lessons", list, file=file, where=where)
    if not numbers:
        raise ContentError(f"{file}: {where}: name at least one lesson that addresses it.")
    for n in numbers:
        if n not in lessons:
            raise ContentError(f"{file}: {where}: lesson {n!r} is not in the list of lessons.")
    if len(set(numbers)) != len(numbers):
        raise ContentError(f"{file}: {where}: a lesson is listed twice.")
    warning = raw.get("warning", "")
    if warning:
        warning = require(raw, "warning", str, file=file, where=where).strip()
    return Cause(
        id=cid,
        label=label,
        what=require(raw, "what", str, file=file, where=where).strip(),
        evidence=" ".join(require(raw, "evidence", str, file=file, where=where).split()),
        lessons=tuple(n for n in lessons if n in numbers),
        source=" ".join(require_source(raw, file=file, where=where).split()),
        warning=" ".join(warning.split()),
    )


def build(
    raw: dict, file: str = FILE, course_lessons: Iterable[Lesson] = COURSE.lessons
) -> CauseMap:
    """Check a parsed ``causes.toml`` and turn it into a :class:`CauseMap`.

    The lessons, their cards' titles and files come from the course manifest
    (``course_lessons``, by default :data:`widgets.course.COURSE`'s); ``causes.toml`` holds only
    the causes and which lessons address each.

    Raises
    ------
    ContentError
        Naming the file, the entry and the field, for any entry that breaks the schema.
    """
    lessons = {lesson.number: lesson for lesson in course_lessons}
    raw_causes = require(raw, "cause", list, file=file, where="the file")
    causes: dict[str, Cause] = {}
    for i, entry in enumerate(raw_causes):
        cause = _cause(entry, file, i + 1, lessons)
        if cause.id in causes:
            raise ContentError(f"{file}: cause '{cause.id}' is listed twice.")
        causes[cause.id] = cause
    if not causes:
        raise ContentError(f"{file}: there are no causes.")
    return CauseMap(causes=causes, lessons=lessons)


def load_causes() -> CauseMap:
    """Read and check ``widgets/data/causes.toml``."""
    return build(load_toml(FILE))


#: The course's causes and lessons, loaded once.
CAUSE_MAP = load_causes()
CAUSES = CAUSE_MAP.causes
LESSONS = CAUSE_MAP.lessons
