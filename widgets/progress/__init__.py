"""Progress that follows the learner: lessons visited, kept in the learner's own browser.

The course template records "visited: NN" in the browser's ``localStorage`` when a lesson page
opens; :class:`widgets.progress.view.CourseProgress` (on the home page) reads it there and marks
the course map. Nothing about the learner reaches the kernel or the server.
"""

from widgets._lazy import lazy_views
from widgets.progress.model import LESSONS, STORAGE_KEY, Lesson, lesson_number, parse_progress

__all__ = [
    "CourseProgress",
    "LESSONS",
    "Lesson",
    "STORAGE_KEY",
    "lesson_number",
    "parse_progress",
]

__getattr__, __dir__ = lazy_views(__name__, {"CourseProgress": "widgets.progress.view"}, globals())
