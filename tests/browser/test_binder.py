"""Binder's path: the environment repo2docker builds, JupyterLab at the repo root, the badges' URLs.

repo2docker installs environment.yml's packages (conda-forge; here the same packages from PyPI, as
conda is not reachable), runs postBuild (which installs the course package, not editable), and
starts the Jupyter server at the repository root with Voila as a server extension. No JUPYTER_PATH,
no voila.json kernel pools, and the server's own kernel settings: those are what postBuild writes.
The README's two badges open ``/voila/render/notebooks/00-start-here.ipynb`` and
``/lab/tree/notebooks/00-start-here.ipynb``.

The environment is cached in ``.venv-binder/`` and rebuilt when environment.yml changes; postBuild
runs on a fresh copy of the working tree every session, so the course installed is the one tested.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.harness import READY, page_problems
from tests.browser.jupyter import forgive_early_image_404s
from tests.browser.test_lab import assert_home_images_drawn
from tests.course import lesson_file
from tests.support.paths import REPO
from tests.support.servers import free_port, stop, wait_for_http

BINDER_VENV = REPO / ".venv-binder"
STAMP = BINDER_VENV / ".environment-yml-sha256"
#: Every file of the environment as built, before any postBuild: what a new image starts with.
MANIFEST = BINDER_VENV / ".files-before-postbuild"
VOILA_PAGES = [
    "00-start-here.ipynb",
    lesson_file("03"),
    lesson_file("04"),
    lesson_file("06"),
    "dashboard.ipynb",
]
#: Not part of the course: what a repo2docker build leaves out of the image.
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", ".venv-binder", "build", "*.egg-info", "__pycache__", ".pytest_cache",
    ".ruff_cache", ".hypothesis", ".ipynb_checkpoints", "results", "test-artifacts",
)  # fmt: skip


def environment_packages(path: Path) -> list[str]:
    """environment.yml's dependencies as pip requirements (python and pip themselves left out)."""
    packages = []
    text = path.read_text(encoding="utf-8").split("\ndependencies:\n", 1)[1]
    for line in text.splitlines():
        if line and not line.startswith(" "):
            break  # the next top-level key
        m = re.match(r"^\s+-\s+([A-Za-z0-9_.-]+)\s*(.*)$", line)
        if m and m[1] not in ("python", "pip"):
            packages.append(m[1] + m[2].replace(" ", ""))
    return packages


def test_environment_packages_are_read():
    # The parser feeds the Binder build: one that found nothing would test a bare venv.
    packages = environment_packages(REPO / "environment.yml")
    assert "voila>=0.5.6,<0.6" in packages and "jupyterlab>=4.2,<5" in packages
    assert len(packages) == 7, packages  # channels (conda-forge) are not packages
    assert not [p for p in packages if p.startswith(("python", "pip", "conda"))]


def clean_env(home: Path) -> dict[str, str]:
    """A container's environment: its own HOME, the Binder venv first on PATH, no Jupyter paths."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    env["HOME"] = str(home)
    env["PATH"] = f"{BINDER_VENV / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env.pop("VIRTUAL_ENV", None)
    env.pop("PYTHONPATH", None)
    return env


def copy_repository(target: Path) -> None:
    """What repo2docker builds from: the repository's files (git's list: tracked, and new files
    not ignored), never the local environments, caches and builds beside them. Without git (an
    unpacked archive), the folder less NOT_COPIED."""
    listed = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
    )  # fmt: skip
    if listed.returncode != 0:
        shutil.copytree(REPO, target, ignore=NOT_COPIED, symlinks=True)
        return
    for name in sorted(set(listed.stdout.decode().split("\0")) - {""}):
        source = REPO / name
        if not (source.is_file() or source.is_symlink()):
            continue  # deleted in the working tree, not yet committed
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            (target / name).symlink_to(source.readlink())
        else:
            shutil.copy2(source, target / name)


def venv_files() -> set[str]:
    return {
        str(p.relative_to(BINDER_VENV))
        for p in BINDER_VENV.rglob("*")
        if p.is_file() or p.is_symlink()
    }


def build_binder_venv() -> None:
    """``.venv-binder`` as a new image has it: environment.yml's packages and nothing else.

    Built again only when environment.yml changes. Whatever an earlier postBuild added (the course
    package, settings, the server config it writes) is removed first, so that every session tests
    what this postBuild writes, not what a cached environment kept.
    """
    digest = hashlib.sha256((REPO / "environment.yml").read_bytes()).hexdigest()
    if not (STAMP.is_file() and STAMP.read_text().strip() == digest and MANIFEST.is_file()):
        shutil.rmtree(BINDER_VENV, ignore_errors=True)
        base_python = getattr(sys, "_base_executable", None) or "python3"
        subprocess.run([base_python, "-m", "venv", str(BINDER_VENV)], check=True)
        pip = [str(BINDER_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, *environment_packages(REPO / "environment.yml")], check=True)
        STAMP.write_text(digest)
        MANIFEST.write_text("\n".join(sorted(venv_files())))
    keep = set(MANIFEST.read_text().splitlines()) | {STAMP.name, MANIFEST.name}
    for name in venv_files() - keep:
        (BINDER_VENV / name).unlink()


@pytest.fixture(scope="module")
def binder(tmp_path_factory):
    """(base URL, token, server log, HOME) of JupyterLab as Binder starts it."""
    build_binder_venv()
    here = tmp_path_factory.mktemp("binder")
    repo = here / "repo"
    # Kernels on ipc keep their sockets in HOME's runtime folder, and a Unix socket path is at most
    # 107 bytes: a HOME as short as Binder's /home/jovyan, not one deep in pytest's tmp folder.
    home = Path(tempfile.mkdtemp(prefix="bsc-", dir="/tmp"))
    copy_repository(repo)
    env = clean_env(home)
    built = subprocess.run(
        ["bash", "postBuild"], cwd=repo, env=env, capture_output=True, text=True, timeout=600
    )
    assert built.returncode == 0, (
        f"postBuild failed:\n{built.stdout[-2000:]}\n{built.stderr[-3000:]}"
    )
    port, token = free_port(), "binder-path-test"
    log = here / "server.log"
    cmd = [
        str(BINDER_VENV / "bin" / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1",
        f"--port={port}", f"--IdentityProvider.token={token}",
    ]  # fmt: skip
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=repo, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/api/status?token={token}", proc, timeout=90)
    except RuntimeError as exc:
        stop(proc)
        pytest.fail(f"jupyter lab did not start: {exc}\n{log.read_text(errors='replace')[-3000:]}")
    yield base, token, log, home
    stop(proc)
    shutil.rmtree(home, ignore_errors=True)


@pytest.mark.parametrize("notebook", VOILA_PAGES)
def test_voila_badge_pages_work_offline(binder, page, notebook):
    base, token, _, _ = binder
    url = f"{base}/voila/render/notebooks/{notebook}?token={token}"
    page.goto(url, wait_until="domcontentloaded", timeout=90_000)
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    assert page.locator(".jp-OutputArea-output > .jupyter-widgets").count() >= 1
    assert page_problems(page) == []
    # The page fixture fails the test on any console error or request to a non-loopback host:
    # the MathJax that Voila's server extension pulled from cdnjs was one on every page.


def test_binder_kernels_use_the_settings_postbuild_writes(binder, page):
    base, token, log, home = binder
    page.goto(f"{base}/voila/render/notebooks/dashboard.ipynb?token={token}")
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    runtime = home / ".local" / "share" / "jupyter" / "runtime"
    kernels = [json.loads(p.read_text()) for p in runtime.glob("kernel-*.json")]
    assert kernels, f"no kernel connection file in {runtime}"
    assert {k["transport"] for k in kernels} == {"ipc"}
    text = log.read_text(errors="replace")
    assert "Kernel is running over TCP" not in text
    assert "Culling kernels with idle durations > 300 seconds at 60 second intervals" in text
    assert "course_server.render_guard | extension was successfully loaded" in text


def test_lab_badge_opens_the_home_page(binder, page):
    base, token, _, _ = binder
    page.goto(f"{base}/lab/tree/notebooks/00-start-here.ipynb?token={token}")
    expect(page.locator(".jp-NotebookPanel:visible h1").first).to_contain_text(
        "Start here", timeout=90_000
    )
    assert_home_images_drawn(page)
    forgive_early_image_404s(page, base, REPO / "notebooks" / "images")
