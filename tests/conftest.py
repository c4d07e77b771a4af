"""Fixtures every test layer shares (paths: :mod:`tests.support.paths`)."""

from pathlib import Path

import pytest

from tests.support.paths import SOURCES


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    """``docs/sources``; a missing folder is a failure, not a skip."""
    assert SOURCES.is_dir(), f"{SOURCES} is missing"
    return SOURCES
