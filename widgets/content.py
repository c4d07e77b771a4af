"""Load and validate the course's data files (``widgets/data/*.toml``).

Every error names the file, the entry and the field, so that a content author can fix a bad
file without reading Python.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any


class ContentError(ValueError):
    """A data file is missing, does not parse, or has an entry that breaks its schema."""


def load_toml(name: str) -> dict[str, Any]:
    """Read ``widgets/data/<name>`` (e.g. ``"triage.toml"`` or ``"quizzes/01.toml"``).

    Raises
    ------
    ContentError
        If the file does not exist or is not valid TOML; the message names the file.
    """
    path = resources.files("widgets").joinpath("data", *name.split("/"))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(f"{name}: the data file is missing.") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{name}: not valid TOML ({exc}).") from None


def require(
    entry: dict[str, Any],
    field: str,
    kind: type | tuple[type, ...],
    *,
    file: str,
    where: str,
) -> Any:
    """Return ``entry[field]`` if present and of ``kind``; otherwise raise a ContentError.

    ``where`` names the entry (``"rule 'both_legs'"``); booleans never pass as numbers.
    """
    if field not in entry:
        raise ContentError(f"{file}: {where}: the field '{field}' is missing.")
    value = entry[field]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    is_bool_as_number = isinstance(value, bool) and bool not in kinds
    if is_bool_as_number or not isinstance(value, kinds):
        names = " or ".join(k.__name__ for k in kinds)
        raise ContentError(
            f"{file}: {where}: the field '{field}' must be {names}, not {type(value).__name__}."
        )
    if isinstance(value, str) and not value.strip():
        raise ContentError(f"{file}: {where}: the field '{field}' is empty.")
    return value


def require_source(entry: dict[str, Any], *, file: str, where: str) -> str:
    """Every fact carries a non-empty ``source``; return it or raise a ContentError."""
    return require(entry, "source", str, file=file, where=where)
