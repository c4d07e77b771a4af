"""The layers and the import arrows of docs/architecture.md, checked.

* ``widgets/`` must run where Python runs in a browser (Pyodide): it imports no server library
  (jupyter_server, voila, tornado, ...) and none of the course's server code (``course_server``),
  tests or benchmarks.
* A tool's model (``widgets/<tool>/model.py`` and what it imports) is pure: importing it loads no
  widget library, so it runs and is tested without a kernel or a browser.
* Every tool folder has the same shape, and every public view is importable from ``widgets``.
* ``course_server`` (server only) does not import the browser package's views.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys

import nbformat
import pytest

import widgets
from tests.support.paths import NOTEBOOKS, REPO

PACKAGE = REPO / "widgets"
SERVER_ONLY = ("jupyter_server", "voila", "tornado", "notebook", "jupyterlab", "jupyter_client")
NEVER_FROM_WIDGETS = (*SERVER_ONLY, "course_server", "tests", "benchmarks", "psutil", "playwright")
WIDGET_LIBRARIES = ("ipywidgets", "IPython", "anywidget", "ipykernel")
TOOLS = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists())


def imported_modules(path) -> set[str]:
    """The top-level names of every module a Python file imports (anywhere in the file)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def top(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(REPO))
)
def test_no_module_in_widgets_imports_server_code(path):
    bad = sorted(m for m in imported_modules(path) if top(m) in NEVER_FROM_WIDGETS)
    assert bad == [], f"{path.relative_to(REPO)} imports {bad}: widgets/ must run in a browser"


def test_course_server_imports_no_view():
    for path in (REPO / "course_server").rglob("*.py"):
        bad = sorted(m for m in imported_modules(path) if top(m) in ("widgets", *WIDGET_LIBRARIES))
        assert bad == [], f"{path.relative_to(REPO)} imports {bad}"


def loaded_by(module: str) -> list[str]:
    """The widget libraries that importing ``module`` loads, in a fresh interpreter."""
    code = (
        f"import sys, json, {module}; "
        f"print(json.dumps(sorted(m for m in {WIDGET_LIBRARIES!r} if m in sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    return json.loads(out.stdout)


MODELS = [f"widgets.{tool}.model" for tool in TOOLS] + [
    "widgets.content",
    "widgets.clock",
    *(f"widgets.{tool}" for tool in TOOLS),
    "widgets",
]


@pytest.mark.parametrize("module", MODELS)
def test_models_and_packages_load_no_widget_library(module):
    assert loaded_by(module) == [], f"importing {module} loads a widget library"


@pytest.mark.parametrize("tool", TOOLS)
def test_every_tool_folder_has_the_same_shape(tool):
    folder = PACKAGE / tool
    assert {"__init__.py", "model.py", "view.py"} <= {p.name for p in folder.iterdir()}
    for path in folder.glob("model.py"):
        bad = sorted(m for m in imported_modules(path) if top(m) in WIDGET_LIBRARIES)
        assert bad == [], f"{path.relative_to(REPO)} imports {bad}"
    init = (folder / "__init__.py").read_text(encoding="utf-8")
    assert f"widgets.{tool}.model import" in init, "__init__ re-exports the model"
    assert "lazy_views(" in init, "__init__ names its view(s) lazily"


def view_classes(tool: str) -> list[str]:
    """The public classes a tool's view.py defines."""
    tree = ast.parse((PACKAGE / tool / "view.py").read_text(encoding="utf-8"))
    return [n.name for n in tree.body if isinstance(n, ast.ClassDef) and n.name[0] != "_"]


@pytest.mark.parametrize("tool", TOOLS)
def test_every_public_view_is_importable_from_widgets_and_its_tool(tool):
    package = __import__(f"widgets.{tool}", fromlist=["_"])
    for name in view_classes(tool):
        assert name in widgets.__all__, f"widgets.{name} is missing"
        assert getattr(widgets, name) is getattr(package, name)


def test_every_lesson_imports_its_views_from_widgets():
    views = set(widgets.__all__)
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            for node in ast.walk(ast.parse(cell.source)):
                if isinstance(node, ast.ImportFrom):
                    names = {a.name for a in node.names}
                    if names & views:
                        assert node.module == "widgets", (
                            f"{path.name}: import {sorted(names & views)} from widgets, "
                            f"not {node.module}"
                        )


def python_files(*folders):
    for folder in folders:
        yield from sorted((REPO / folder).rglob("*.py"))


def test_benchmarks_import_only_the_shared_test_support():
    for path in python_files("benchmarks"):
        bad = sorted(
            m
            for m in imported_modules(path)
            if m.startswith("tests") and not m.startswith("tests.support")
        )
        assert bad == [], f"{path.relative_to(REPO)} imports {bad}: use tests.support"


def test_tests_do_not_import_benchmarks_or_conftest_files():
    allowed = {REPO / "tests" / "unit" / "test_benchmarks.py"}  # it tests the benchmarks
    for path in python_files("tests"):
        modules = imported_modules(path)
        conftests = sorted(m for m in modules if m.endswith("conftest"))
        assert conftests == [], f"{path.relative_to(REPO)} imports {conftests}: use tests.support"
        if path not in allowed:
            bench = sorted(m for m in modules if top(m) == "benchmarks")
            assert bench == [], f"{path.relative_to(REPO)} imports {bench}"


def test_the_shared_test_support_imports_no_test_module():
    for path in python_files("tests/support"):
        bad = sorted(
            m
            for m in imported_modules(path)
            if top(m) == "benchmarks"
            or (m.startswith("tests.") and not m.startswith("tests.support"))
        )
        assert bad == [], f"{path.relative_to(REPO)} imports {bad}"
