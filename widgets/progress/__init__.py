"""Progress that follows the learner: lessons visited, kept in the learner's own browser.

The course template records "visited: NN" in the browser's ``localStorage`` when a lesson page
opens; :class:`widgets.progress.view.CourseProgress` (on the home page) reads it there and marks
the course map. Nothing about the learner reaches the kernel or the server.
"""

from widgets.progress.model import LESSONS, STORAGE_KEY, Lesson, lesson_number, parse_progress

__all__ = ["LESSONS", "STORAGE_KEY", "Lesson", "lesson_number", "parse_progress"]
