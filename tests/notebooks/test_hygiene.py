"""Every notebook is tidy: named, python3, no stored errors or stray outputs, links that resolve.

nbval runs the notebooks themselves (``pytest --nbval-lax notebooks``); this module checks what a
contributor might forget before committing.
"""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest

from tests.support.paths import NOTEBOOKS

CHECK_MARK = "# NBVAL_CHECK_OUTPUT"
NAME = re.compile(r"^\d\d-[a-z0-9]+(-[a-z0-9]+)*\.ipynb$")
APPS = {"dashboard.ipynb"}  # pages that are not lessons keep a plain name
MD_LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_ATTR = re.compile(r"<(a|img)\b[^>]*?\b(href|src)\s*=\s*\"([^\"]+)\"[^>]*>", re.I | re.S)

PATHS = sorted(p for p in NOTEBOOKS.glob("*.ipynb"))
IDS = [p.name for p in PATHS]


def read(path: Path):
    return nbformat.read(path, as_version=4)


def markdown(nb) -> str:
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def relative_targets(text: str):
    """(kind, target, alt-or-None) for every relative link or image in markdown/HTML text."""
    found = [
        ("image" if bang else "link", target, alt) for bang, alt, target in MD_LINK.findall(text)
    ]
    for tag in HTML_ATTR.finditer(text):
        kind = "image" if tag.group(1).lower() == "img" else "link"
        alt = re.search(r"\balt\s*=\s*\"([^\"]*)\"", tag.group(0), re.S)
        found.append((kind, tag.group(3), alt.group(1) if alt else None))
    for kind, target, alt in found:
        parts = urlsplit(target)
        if parts.scheme or target.startswith(("#", "//")):
            continue
        yield kind, unquote(parts.path), alt


def test_there_are_notebooks():
    assert PATHS, "notebooks/ holds no notebooks"
    assert (NOTEBOOKS / "00-start-here.ipynb").exists(), "the course home page is missing"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_name_and_kernel(path):
    assert NAME.match(path.name) or path.name in APPS, f"{path.name}: name it NN-kebab-title.ipynb"
    nb = read(path)
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3", f"{path.name}: kernel"
    nbformat.validate(nb)


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_outputs_stripped_except_checked_cells(path):
    for i, cell in enumerate(read(path).cells):
        if cell.cell_type != "code":
            continue
        assert not any(o.get("output_type") == "error" for o in cell.outputs), (
            f"{path.name} cell {i}: a stored error output"
        )
        if not cell.source.lstrip().startswith(CHECK_MARK):
            assert not cell.outputs, f"{path.name} cell {i}: strip its outputs (or mark it checked)"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_code_cells_are_short_calls(path):
    # Teaching text lives in markdown, logic in widgets/: a code cell only calls the package.
    for i, cell in enumerate(read(path).cells):
        if cell.cell_type == "code":
            lines = [
                ln for ln in cell.source.splitlines() if ln.strip() and ln.strip() != CHECK_MARK
            ]
            assert len(lines) <= 3, (
                f"{path.name} cell {i}: {len(lines)} lines; move logic to widgets/"
            )


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_links_and_images_resolve(path):
    problems = []
    for kind, target, alt in relative_targets(markdown(read(path))):
        if not (NOTEBOOKS / target).exists():
            problems.append(f"{kind} to {target} does not resolve")
        if kind == "image" and not (alt or "").strip():
            problems.append(f"image {target} has no alt text")
    assert not problems, f"{path.name}: " + "; ".join(problems)


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_disclaimer_and_way_home(path):
    text = markdown(read(path))
    assert re.search(r"education,? not a diagnosis", text, re.I), f"{path.name}: no disclaimer"
    if path.name != "00-start-here.ipynb":
        targets = [t for _, t, _ in relative_targets(text)]
        assert "00-start-here.ipynb" in targets, f"{path.name}: no link back to the course home"


def test_link_checker_sees_broken_links():
    # The checker itself must be able to fail: a made-up target is reported, a real one is not.
    text = '[a](no-such-lesson.ipynb) ![x](images/course-map.svg) <img src="images/none.svg">'
    targets = {t: alt for _, t, alt in relative_targets(text)}
    assert set(targets) == {"no-such-lesson.ipynb", "images/course-map.svg", "images/none.svg"}
    assert targets["images/none.svg"] is None
    assert not (NOTEBOOKS / "no-such-lesson.ipynb").exists()
