"""Broken copies of a data file's parsed TOML, for the tests that check a loader's refusals."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any


def changed(raw: dict[str, Any], change: Callable[[dict[str, Any]], Any]) -> dict[str, Any]:
    """A deep copy of ``raw`` with ``change`` applied to it; ``raw`` itself is left as it was."""
    data = copy.deepcopy(raw)
    change(data)
    return data
