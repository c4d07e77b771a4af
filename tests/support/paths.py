"""Paths every test layer (and the benchmarks) share."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
#: The sourced tables the data files were taken from, carried in the clone (docs/sources/README.md).
SOURCES = REPO / "docs" / "sources"
