"""Adding lesson 10 is: a notebook, a manifest entry, a quiz file (then ``make course``).

In a copy of the course, a contributor writes ``notebooks/10-...ipynb``, adds its ``[[lesson]]``
table to ``widgets/data/course.toml`` and writes ``widgets/data/quizzes/10.toml``, and runs the two
writers of ``make course``. Then, with no other file edited: the progress map lists lesson 10 and
counts its visits, the cause explorer has its card, its quiz loads, the home page links it, the
last lesson's footer leads on to it and its own footer leads back, and the Voila template's visit
recorder knows it. The writers change only the home page and the two footers. (The new lesson is
the one after the manifest's last: 10 today.)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import jinja2
import nbformat

from tests.support.paths import REPO
from widgets.course import COURSE

#: The next lesson: 10 while the course has 09 lessons.
LAST = COURSE.lessons[-1]
NEW = f"{len(COURSE.lessons) + 1:02d}"
FILE = f"{NEW}-keep-moving-at-work.ipynb"
HEADING = "Keep moving through the working day"
ENTRY = f"""
[[lesson]]
number = "{NEW}"
file = "{FILE}"
heading = "{HEADING}"
title = "Keep moving at work"
what = "Stay active, strengthen twice a week, sit less"
tools = ["Quiz"]

"""
QUIZ = f"""lesson = "{NEW}"
title = "Check what you learned"

[[question]]
id = "stay-active"
kind = "single"
text = "What do back-pain guidelines advise when your back is sore?"
section = "Stay active"
source = "Cochrane, Dahm et al. 2010; NICE NG59 (2016)."

  [[question.option]]
  id = "a"
  text = "Stay in bed until the pain has gone."
  correct = false
  feedback = "No. Advice to rest in bed helps a little less than advice to stay active."

  [[question.option]]
  id = "b"
  text = "Keep up your usual activities as far as you can."
  correct = true
  feedback = "Right. Advice to stay active helps a little more than advice to rest in bed."

  [[question.option]]
  id = "c"
  text = "Avoid every movement you can feel."
  correct = false
  feedback = "No. Gentle movement within what you can manage is what the guidelines advise."
"""
#: What the copy's own package says once lesson 10 is in (run in a fresh interpreter on the copy).
PROBE = f"""
import json
from widgets.causes import LESSONS as CARDS
from widgets.progress import LESSONS, lesson_number, parse_progress
from widgets.quiz import load_quiz
print(json.dumps({{
    "lessons": [x.number for x in LESSONS],
    "page": lesson_number("/voila/render/{FILE}"),
    "visited": parse_progress('{{"visited": ["{NEW}", "{LAST.number}", "99"]}}')["visited"],
    "card": CARDS["{NEW}"].file,
    "quiz": len(load_quiz("{NEW}").questions),
}}))
"""


def files(root) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_lesson_10_needs_a_notebook_a_manifest_entry_and_a_quiz_file(tmp_path):
    course = tmp_path / "course"
    for name in ("widgets", "tools", "notebooks", "share"):
        shutil.copytree(
            REPO / name,
            course / name,
            symlinks=True,
            ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "images"),
        )
    # The three files a contributor writes.
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_markdown_cell(f"# {HEADING}\n\n## Stay active\n\nKeep moving."),
        nbformat.v4.new_code_cell(f'from widgets import Quiz\n\nQuiz("{NEW}")'),
    ]
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"
    nbformat.write(nb, course / "notebooks" / FILE)
    manifest = course / "widgets" / "data" / "course.toml"
    text = manifest.read_text(encoding="utf-8")
    cut = text.index("# The dashboard page")
    manifest.write_text(text[:cut].rstrip("\n") + "\n" + ENTRY + text[cut:], encoding="utf-8")
    (course / "widgets" / "data" / "quizzes" / f"{NEW}.toml").write_text(QUIZ, encoding="utf-8")

    before = files(course)
    env = {**os.environ, "PYTHONPATH": str(course), "PYTHONDONTWRITEBYTECODE": "1"}
    for tool in ("write_home.py", "write_footers.py"):
        subprocess.run([sys.executable, f"tools/{tool}"], cwd=course, env=env, check=True)
    after = files(course)
    changed = sorted(p for p in after if before.get(p) != after[p])
    assert changed == [
        f"notebooks/{COURSE.home}",
        f"notebooks/{LAST.file}",
        f"notebooks/{FILE}",
    ], "make course writes the home page and the two footers, nothing else"
    check = [sys.executable, "tools/write_footers.py", "--check"]
    assert subprocess.run(check, cwd=course, env=env).returncode == 0

    probe = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=course, env=env, check=True, capture_output=True
    )
    facts = json.loads(probe.stdout)
    assert facts["lessons"] == [*COURSE.numbers, NEW]
    assert facts["page"] == NEW
    assert facts["visited"] == [LAST.number, NEW]
    assert facts["card"] == FILE
    assert facts["quiz"] == 1

    home = nbformat.read(course / "notebooks" / "00-start-here.ipynb", as_version=4)
    assert f"| {NEW} | [Keep moving at work]({FILE}) |" in "\n".join(c.source for c in home.cells)
    last = nbformat.read(course / "notebooks" / LAST.file, as_version=4).cells[-1].source
    assert last.endswith(f"Next: [{HEADING} →]({FILE})")
    new = nbformat.read(course / "notebooks" / FILE, as_version=4).cells[-1].source
    assert new == (
        f"---\n\nPrevious: [← {LAST.heading}]({LAST.file}) · [Course home]({COURSE.home})"
    )

    template = course / "share" / "jupyter" / "voila" / "templates" / "course"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(template)))
    recorded = json.loads(env.get_template("course_lessons.j2").render())
    assert recorded == [*COURSE.numbers, NEW], "the visit recorder knows the new lesson"
