"""Paths every test layer shares."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
#: The vetted facts live beside the repository (CI clones main with shared/ next to it).
REFERENCE = REPO.parent / "shared" / "reference"


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    """``../shared/reference``; a missing folder is a failure, not a skip."""
    assert REFERENCE.is_dir(), f"{REFERENCE} is missing: clone shared/ beside the repo"
    return REFERENCE
