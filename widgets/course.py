"""The course manifest, ``widgets/data/course.toml``: the lessons in order, the dashboard's tools.

This is the one list of lessons. The progress map, the cause explorer's lesson cards, the quiz
lookup, the dashboard's tabs, the home page and the lessons' footers (``tools/write_course.py``),
the Voila template's visit recorder and the tests all read it. The module is pure Python: it reads
and checks the file and answers questions about it (which lesson comes before this one, what its
footer says).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from widgets.content import ContentError, load_toml, require

FILE = "course.toml"
#: The view a lesson names among its tools when it ends with a quiz (``quizzes/<number>.toml``).
QUIZ = "Quiz"
_NUMBER = re.compile(r"^\d\d$")
_FILE = re.compile(r"^\d\d-[a-z0-9]+(-[a-z0-9]+)*\.ipynb$")
_PAGE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.ipynb$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Lesson:
    """One lesson of the course.

    Attributes
    ----------
    number : str
        Two digits (``"03"``).
    file : str
        The notebook's file name in ``notebooks/`` (``"03-sitting-and-posture.ipynb"``).
    heading : str
        The lesson's title as its notebook's first heading shows it; the footers link to it so.
    title : str
        A short title for the course map, the progress list and the cause explorer's cards.
    what : str
        What a learner does there (markdown), for the home page's course map.
    tools : tuple of str
        The views the lesson's code cells show, in page order.
    available : bool
        False for a lesson not written yet: it is listed as "coming soon", with no link.
    """

    number: str
    file: str
    heading: str
    title: str
    what: str
    tools: tuple[str, ...]
    available: bool = True

    @property
    def quiz_file(self) -> str | None:
        """The lesson's quiz under ``widgets/data`` (``"quizzes/03.toml"``), or ``None``."""
        return f"quizzes/{self.number}.toml" if QUIZ in self.tools else None


@dataclass(frozen=True)
class Tool:
    """One tab of the dashboard.

    Attributes
    ----------
    title : str
        The tab's label.
    view : str
        The view ``widgets`` exports (``"SittingTimer"``).
    what : str
        What the tool does, for the tab's tooltip ("it ...").
    """

    title: str
    view: str
    what: str


@dataclass(frozen=True)
class Course:
    """The whole manifest: the home page, the lessons in order, the dashboard and its tools."""

    home: str
    lessons: tuple[Lesson, ...]
    dashboard: str
    tools: tuple[Tool, ...]

    @property
    def numbers(self) -> tuple[str, ...]:
        """The lesson numbers in course order."""
        return tuple(x.number for x in self.lessons)

    def lesson(self, number: str) -> Lesson:
        """The lesson numbered ``number``.

        Raises
        ------
        ValueError
            If the course has no such lesson.
        """
        for x in self.lessons:
            if x.number == number:
                return x
        raise ValueError(
            f"The course has no lesson {number!r}: its lessons are {', '.join(self.numbers)}."
        )

    def neighbours(self, number: str) -> tuple[Lesson | None, Lesson | None]:
        """The lessons before and after lesson ``number`` (``None`` at either end)."""
        i = self.lessons.index(self.lesson(number))
        before = self.lessons[i - 1] if i > 0 else None
        after = self.lessons[i + 1] if i + 1 < len(self.lessons) else None
        return before, after

    def footer(self, number: str) -> str:
        """The markdown of lesson ``number``'s footer: previous lesson, course home, next lesson.

        >>> COURSE.footer("09").endswith("· [Course home](00-start-here.ipynb)")
        True
        """
        before, after = self.neighbours(number)
        parts = []
        if before is not None:
            parts.append(f"Previous: [← {before.heading}]({before.file})")
        parts.append(f"[Course home]({self.home})")
        if after is not None:
            parts.append(f"Next: [{after.heading} →]({after.file})")
        return "---\n\n" + " · ".join(parts)


def _text(raw: dict, field: str, file: str, where: str) -> str:
    return " ".join(require(raw, field, str, file=file, where=where).split())


def _lesson(raw: object, file: str, index: int, expected: str) -> Lesson:
    if not isinstance(raw, dict):
        raise ContentError(f"{file}: lesson {index}: each lesson must be a table.")
    number = require(raw, "number", str, file=file, where=f"lesson {index}")
    where = f"lesson '{number}'"
    if not _NUMBER.match(number):
        raise ContentError(f"{file}: {where}: the number must be two digits, such as '03'.")
    name = require(raw, "file", str, file=file, where=where)
    if not _FILE.match(name) or not name.startswith(number + "-"):
        raise ContentError(f"{file}: {where}: the file must be named '{number}-some-title.ipynb'.")
    if number != expected:
        raise ContentError(
            f"{file}: {where}: lessons are numbered in order from '01'; expected '{expected}'."
        )
    tools = require(raw, "tools", list, file=file, where=where)
    for tool in tools:
        if not isinstance(tool, str) or not _NAME.match(tool):
            raise ContentError(f"{file}: {where}: each tool is the name of a view, not {tool!r}.")
    available = raw.get("available", True)
    if "available" in raw:
        available = require(raw, "available", bool, file=file, where=where)
    return Lesson(
        number=number,
        file=name,
        heading=_text(raw, "heading", file, where),
        title=_text(raw, "title", file, where),
        what=_text(raw, "what", file, where),
        tools=tuple(tools),
        available=available,
    )


def _tool(raw: object, file: str, index: int) -> Tool:
    if not isinstance(raw, dict):
        raise ContentError(f"{file}: dashboard tool {index}: each tool must be a table.")
    view = require(raw, "view", str, file=file, where=f"dashboard tool {index}")
    where = f"dashboard tool '{view}'"
    if not _NAME.match(view):
        raise ContentError(f"{file}: {where}: the view is the name of a view, such as 'Quiz'.")
    return Tool(
        title=_text(raw, "title", file, where),
        view=view,
        what=_text(raw, "what", file, where),
    )


def _page(raw: dict, field: str, file: str, where: str) -> str:
    name = require(raw, field, str, file=file, where=where)
    if not _PAGE.match(name):
        raise ContentError(f"{file}: {where}: '{name}' is not a notebook name like 'page.ipynb'.")
    return name


def build(raw: dict, file: str = FILE) -> Course:
    """Check a parsed ``course.toml`` and turn it into a :class:`Course`.

    Raises
    ------
    ContentError
        Naming the file, the entry and the field, for any entry that breaks the schema.
    """
    home = _page(raw, "home", file, "the file")
    raw_lessons = require(raw, "lesson", list, file=file, where="the file")
    lessons: list[Lesson] = []
    for i, entry in enumerate(raw_lessons):
        number = entry.get("number") if isinstance(entry, dict) else None
        if any(x.number == number for x in lessons):
            raise ContentError(f"{file}: lesson '{number}' is listed twice.")
        lessons.append(_lesson(entry, file, i + 1, f"{i + 1:02d}"))
    if not lessons:
        raise ContentError(f"{file}: there are no lessons.")
    files = [x.file for x in lessons]
    if len(set(files)) != len(files):
        raise ContentError(f"{file}: two lessons share a notebook.")
    dashboard = require(raw, "dashboard", dict, file=file, where="the file")
    raw_tools = require(dashboard, "tool", list, file=file, where="the dashboard")
    tools = tuple(_tool(t, file, i + 1) for i, t in enumerate(raw_tools))
    if not tools:
        raise ContentError(f"{file}: the dashboard has no tools.")
    return Course(
        home=home,
        lessons=tuple(lessons),
        dashboard=_page(dashboard, "file", file, "the dashboard"),
        tools=tools,
    )


def load_course() -> Course:
    """Read and check ``widgets/data/course.toml``."""
    return build(load_toml(FILE))


#: The course, loaded once.
COURSE = load_course()
LESSONS = COURSE.lessons
