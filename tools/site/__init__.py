"""The course as a static site (issue 18): ``make site`` builds ``build/site/`` with Voici + Pyodide.

Run ``python3 -m tools.site`` (what ``make site`` runs). Only the standard library is imported here:
the build makes its own venv (``.venv-site``) for the Voici / JupyterLite tools, so the course's
``.venv`` is never touched. See ``tools/site/pins.py`` for every version and ``build.py`` for the steps.
"""
