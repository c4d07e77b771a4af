"""Paths every test layer shares."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
#: The sourced tables the data files were taken from, carried in the clone (docs/sources/README.md).
SOURCES = REPO / "docs" / "sources"


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    """``docs/sources``; a missing folder is a failure, not a skip."""
    assert SOURCES.is_dir(), f"{SOURCES} is missing"
    return SOURCES
