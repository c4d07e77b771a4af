"""The project's files agree with each other: one source of truth for dependencies, settings."""

import json
import re
import tomllib

import pytest

from tests.support.paths import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())
#: What a server installs: the package's own dependencies plus the "server" extra (Voila, Lab).
SERVER_DEPS = (
    PYPROJECT["project"]["dependencies"] + PYPROJECT["project"]["optional-dependencies"]["server"]
)


def spec_map(lines):
    """{name: "spec"} with names lower-cased and spaces removed from the spec."""
    out = {}
    for line in lines:
        m = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", line)
        out[m.group(1).lower().replace("_", "-")] = m.group(2).replace(" ", "")
    return out


def environment_deps():
    """The conda dependencies of environment.yml (a flat list: parsed without a YAML library)."""
    deps, inside = [], False
    for raw in (REPO / "environment.yml").read_text().splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if line.startswith("dependencies:"):
            inside = True
        elif inside and line.startswith("  - "):
            deps.append(line[4:].strip())
        elif inside and line and not line.startswith(" "):
            inside = False
    return deps


def test_environment_yml_mirrors_pyproject():
    runtime = spec_map(SERVER_DEPS)
    conda = spec_map(d for d in environment_deps() if not d.startswith(("python", "pip")))
    assert conda == runtime, "environment.yml and pyproject.toml disagree"
    assert "conda-forge" in (REPO / "environment.yml").read_text()


@pytest.mark.parametrize(
    "name, must_contain",
    [("voila", ">=0.5.6"), ("voila", "<0.6"), ("ipywidgets", ">=8.1"), ("jupyterlab", ">=4.2")],
)
def test_pins_that_matter(name, must_contain):
    assert must_contain in spec_map(SERVER_DEPS)[name]


def test_the_wheel_needs_only_the_widget_libraries():
    # The static site installs the course wheel in the browser (Pyodide): no server in it.
    assert set(spec_map(PYPROJECT["project"]["dependencies"])) == {
        "ipywidgets",
        "traitlets",
        "anywidget",
    }


def test_no_voila_vuetify():
    # voila-vuetify pins voila below 0.5 (before the CVE-2024-30265 fix).
    everything = " ".join(SERVER_DEPS).lower()
    assert "vuetify" not in everything


def test_pytest_is_strict():
    options = PYPROJECT["tool"]["pytest"]["ini_options"]
    assert {"--strict-markers", "--strict-config"} <= set(options["addopts"])
    assert options["xfail_strict"] is True


def test_postbuild_installs_the_package():
    text = (REPO / "postBuild").read_text()
    assert re.search(r"pip install --no-deps \.\s*$", text, re.M)


def test_voila_settings_for_learners():
    cfg = json.loads((REPO / "voila.json").read_text())
    voila = cfg["VoilaConfiguration"]
    assert voila["template"] == "course"
    assert voila["strip_sources"] is True
    assert voila["show_tracebacks"] is False
    assert voila["theme"] == "light"
    cull = cfg["MappingKernelManager"]
    assert 60 <= cull["cull_idle_timeout"] <= 3600 and cull["cull_interval"] <= 300


def test_voila_preheats_the_home_page_and_the_dashboard_only():
    """Pools for the two pages learners open first and keep open (benchmarks/README.md), none
    for the rest (Voila's default would keep a kernel waiting for every notebook)."""
    cfg = json.loads((REPO / "voila.json").read_text())
    assert cfg["VoilaConfiguration"]["preheat_kernel"] is True
    pools = cfg["VoilaKernelManager"]["kernel_pools_config"]
    assert pools["default"] == {"pool_size": 0}
    pooled = {name: pool["pool_size"] for name, pool in pools.items() if name != "default"}
    assert set(pooled) == {"00-start-here.ipynb", "dashboard.ipynb"}
    assert all((REPO / "notebooks" / name).is_file() for name in pooled)
    assert all(1 <= size <= 4 for size in pooled.values()), "a few kernels, not a class's worth"
    # Voila hands a learner beyond the pool the pending refill: a long delay makes them wait it out.
    assert cfg["VoilaKernelManager"]["fill_delay"] <= 2


def test_voila_waits_for_a_late_tool_instead_of_dropping_it():
    """Voila's executor (nbclient) waits iopub_timeout seconds after a cell's reply for its output,
    then serves the page without what came later. nbclient's 4 s dropped the dashboard's tool in
    30-learner bursts; the output came up to 20 s late for a learner's page and 102 s for a pool
    refilling 31 pages at once on a loaded 2-core machine (benchmarks/README.md). An integer: the
    trait is an Integer, and Binder's server gets the same value from postBuild."""
    timeout = json.loads((REPO / "voila.json").read_text())["VoilaExecutor"]["iopub_timeout"]
    assert isinstance(timeout, int) and timeout >= 2 * 102  # the worst lateness, and a margin
    assert "VoilaExecutor" in (REPO / "postBuild").read_text()


def test_voila_uses_the_course_kernel_manager():
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
    from jupyter_server.utils import import_item

    name = json.loads((REPO / "voila.json").read_text())["VoilaConfiguration"][
        "multi_kernel_manager_class"
    ]
    assert issubclass(import_item(name), AsyncMappingKernelManager)


def test_course_template_is_packaged():
    template = REPO / "share/jupyter/voila/templates/course"
    files = PYPROJECT["tool"]["setuptools"]["data-files"]["share/jupyter/voila/templates/course"]
    assert sorted(files) == sorted(
        str(p.relative_to(REPO)) for p in template.iterdir() if p.is_file()
    )
    text = (template / "index.html.j2").read_text()
    assert "data-course-ready" in text


def test_readme_has_the_two_commands_and_badges():
    text = (REPO / "README.md").read_text()
    assert "make serve" in text and "make test" in text
    assert "labpath=notebooks/00-start-here.ipynb" in text
    assert "urlpath=voila/render/notebooks/00-start-here.ipynb" in text
    assert "not a diagnosis" in text.lower()


def test_ci_runs_make_test():
    text = (REPO / ".ci/run").read_text()
    assert "make test" in text and "chromium" in text
