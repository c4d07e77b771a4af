"""Write notebooks/00-start-here.ipynb (the course home page) from the text below.

The course map is the course manifest's (widgets/data/course.toml): run this (``make course``)
after a lesson is added there. A lesson marked ``available = false`` is listed as coming soon,
with no link. tests/content/test_course.py fails when the home page on disk is not what this
writes.
"""

from pathlib import Path

import nbformat as nbf

from widgets.course import COURSE, Course

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def course_map(course: Course = COURSE) -> str:
    rows = ["| # | Lesson | What you do there |", "|---|---|---|"]
    for lesson in course.lessons:
        name, title, what, number = lesson.file, lesson.title, lesson.what, lesson.number
        if lesson.available:
            rows.append(f"| {number} | [{title}]({name}) | {what} |")
        else:
            rows.append(f"| {number} | {title} *(coming soon)* | {what} |")
    return "\n".join(rows)


#: The one code cell of the home page: the course map's "visited" marks (widgets.progress).
PROGRESS_CELL = "from widgets import CourseProgress\n\nCourseProgress()"


def cells(course: Course = COURSE) -> list[str]:
    """The home page's cells, in order: markdown text, and :data:`PROGRESS_CELL` as code."""
    return [
        """# Start here: understand, treat and prevent back spasms

A short, practical course for anyone whose back has ever locked up — or who sits at a desk all day and would
rather it didn't. You will learn what a back spasm is, what makes one more likely, which symptoms need a doctor,
how to look after a spasm at home and how to make the next one less likely. Three tools come with it:
a **sitting timer**, a **nutrient checklist** and a **symptom self-check**.

> **This course is education, not a diagnosis or a treatment plan.** It cannot examine you. If you are worried
> about your back, or anything here does not fit how you feel, contact a doctor, nurse, pharmacist or
> physiotherapist.""",
        """## If you have any of these now, stop here and get help

Back pain **together with** any of the following needs emergency care now — call **999** in the UK or **911** in
the US, or go to A&E / the emergency department. Do not drive yourself.

- pain, tingling, weakness or numbness in **both legs**
- numbness or tingling around your **genitals, buttocks or inner thighs**
- new difficulty peeing, or loss of bladder or bowel control
- **both legs** quickly getting weaker or harder to coordinate ("jelly legs")
- chest pain
- pain that started after a serious accident, such as a car crash or a fall from height
- pain that started after a minor fall, knock or strain, if you have osteoporosis or take steroid tablets
  long term

These are the emergency signs for back pain from NHS pages and NHS trust leaflets (see *Where the facts
come from*, below). Lesson 06 explains them
and has a self-check for the rest.""",
        f"""## Course map

<img src="images/course-map.svg" alt="Course map: five steps from left to right — 1 understand what a back spasm is
(lesson 01); 2 find the causes: sitting, posture, food, stress (lessons 02 to 05); 3 get help in time: red flags and
the self-check (lesson 06); 4 treat a spasm (lesson 07); 5 prevent the next one, with a core routine and your
back-care plan (lessons 08 and 09)." width="100%">

{course_map(course)}

Each lesson takes about 10–15 minutes and ends with a short check of what you learned.""",
        """### What you have done so far

When you use the course as a web app, this browser remembers which lessons you have opened, your best quiz
scores, and the settings of your tools (the sitting timer's schedule, the age and sex for your nutrient targets),
so the next lesson or the dashboard opens as you left it. It is kept only in this browser on this device, never on
the course's server; **Clear my progress** wipes it.""",
        PROGRESS_CELL,
        """## How to use the course

**As a web app (Voila).** Every lesson opens as a page with the code hidden: read, then use the tools. Nothing to
install or run. Your answers stay in your browser tab and on the machine serving the course; nothing is sent anywhere.

**In JupyterLab.** Open a lesson, then choose **Run → Run All Cells** from the menu bar: the tools appear under the
*Try it* headings. If a tool shows as plain text instead of buttons and sliders, run the cells again.

<img src="images/run-all-cells.svg" alt="The JupyterLab menu bar with the Run menu open and its item Run All Cells highlighted." width="420">

**In a classroom.** A teacher can start the course for everyone from one link (see the README), or run
`make serve` on one computer and share its address on the local network.""",
        """## Where the facts come from

Every fact in the course comes from a public guideline or dataset, and each lesson lists its own sources. The main ones:

- **NHS** patient pages on back pain and cauda equina syndrome (red flags and self-care)
- **NICE NG59** *Low back pain and sciatica in over 16s* (2016, updated 2020) — <https://www.nice.org.uk/guidance/ng59>
- **American College of Physicians** guideline on noninvasive treatments for low back pain (Qaseem et al., 2017) —
  <https://www.acpjournals.org/doi/10.7326/M16-2367>
- **Cochrane** reviews of heat and cold (French 2006) and of bed rest versus staying active (Dahm 2010)
- **National Academies (NASEM 2019, IOM 2011, IOM 1997)** Dietary Reference Intakes, and the **USDA** food database
- **WHO 2020** guidelines on physical activity and sedentary behaviour; **HSE** and **OSHA** guidance on desks and lifting

Where popular advice and the evidence disagree — for example "ice first, then heat", or "rest until it passes" —
the course teaches what the evidence says and tells you why.""",
    ]


def home_notebook(course: Course = COURSE) -> nbf.NotebookNode:
    """The home page notebook for ``course``, as :func:`main` writes it."""
    nb = nbf.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = [
        nbf.v4.new_code_cell(text) if text is PROGRESS_CELL else nbf.v4.new_markdown_cell(text)
        for text in cells(course)
    ]
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"home-{i}"
    return nb


def main() -> None:
    # Only a changed page is written: a server reading the home page meanwhile never sees a
    # half-written file (make course runs in the test suite beside live servers).
    path = NOTEBOOKS / COURSE.home
    text = nbf.writes(home_notebook()) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
        print(f"{COURSE.home}: written")


if __name__ == "__main__":
    main()
