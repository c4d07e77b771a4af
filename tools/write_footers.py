"""Write every lesson's footer (previous lesson · course home · next lesson) from the course manifest.

The footer is the last cell of a lesson notebook, a markdown cell with the id ``footer``; its text
is :meth:`widgets.course.Course.footer`. Run this (``make course``) after a lesson is added to
widgets/data/course.toml or retitled there. tests/content/test_course.py fails when a footer on disk
is not what this writes. ``--check`` only lists the notebooks whose footer is out of date.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat as nbf

from widgets.course import COURSE, Course

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
FOOTER_ID = "footer"
#: A footer written at the end of another cell, after a rule (how lessons 03 and 04 began).
_TRAILING = re.compile(r"\n+---[ \t]*\n+(?:Previous:|\[Course home\])[^\n]*(?:\n[^\n]+)*\s*\Z")


def is_footer(cell) -> bool:
    """Whether ``cell`` is a lesson's footer: a markdown cell of a rule and the navigation links."""
    return (
        cell.cell_type == "markdown"
        and cell.source.lstrip().startswith("---")
        and "[Course home](" in cell.source
    )


def with_footer(nb: nbf.NotebookNode, number: str, course: Course = COURSE) -> nbf.NotebookNode:
    """``nb`` with its footer replaced by (or, if it has none, ended with) lesson ``number``'s."""
    nb = nbf.from_dict(nb)
    text = course.footer(number)
    cells = [c for c in nb.cells if not is_footer(c)]
    if cells and cells[-1].cell_type == "markdown":
        cells[-1].source = _TRAILING.sub("", cells[-1].source)
    footer = nbf.v4.new_markdown_cell(text)
    footer["id"] = FOOTER_ID
    nb.cells = [*cells, footer]
    return nb


def stale(course: Course = COURSE, notebooks: Path = NOTEBOOKS) -> list[str]:
    """The lesson notebooks whose footer is not what :func:`with_footer` writes."""
    out = []
    for lesson in course.lessons:
        path = notebooks / lesson.file
        if lesson.available and path.exists():
            nb = nbf.read(path, as_version=4)
            if with_footer(nb, lesson.number, course) != nb:
                out.append(lesson.file)
    return out


def main(
    argv: list[str] | None = None, course: Course = COURSE, notebooks: Path = NOTEBOOKS
) -> int:
    """Write the footers (or with ``--check`` list the stale ones); 1 if any was out of date."""
    check = "--check" in (sys.argv[1:] if argv is None else argv)
    out_of_date = stale(course, notebooks)
    for name in out_of_date:
        if check:
            print(f"{name}: its footer is not the course manifest's")
        else:
            path = notebooks / name
            number = next(x.number for x in course.lessons if x.file == name)
            nbf.write(with_footer(nbf.read(path, as_version=4), number, course), path)
            print(f"{name}: footer written")
    return 1 if check and out_of_date else 0


if __name__ == "__main__":
    sys.exit(main())
