"""The timer's content: the movements a break suggests and the desk set-up checklist.

Both come from ``widgets/data/`` (``stretches.toml``, ``posture.toml``) and are checked when
loaded, so a bad data file fails with a message naming the file, the entry and the field.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.content import ContentError, load_toml, require, require_source
from widgets.timer.pictures import PARTS, POSES

STRETCHES_FILE = "stretches.toml"
POSTURE_FILE = "posture.toml"
PLACES = ("standing", "floor")


@dataclass(frozen=True)
class Note:
    """A sentence shown with a list, and its source."""

    text: str
    source: str


@dataclass(frozen=True)
class Stretch:
    """A movement to do on a break.

    Attributes
    ----------
    id, name : str
        Identifier and display name.
    place : str
        ``"standing"`` (no kit needed) or ``"floor"`` (a mat or carpet).
    how, dose : str
        How to do it, and how long or how often, as the source gives it.
    picture : str
        The drawing's key in :data:`widgets.timer.pictures.POSES`.
    source : str
        Where the description and dose come from.
    """

    id: str
    name: str
    place: str
    how: str
    dose: str
    picture: str
    source: str


@dataclass(frozen=True)
class PostureItem:
    """One point of the desk set-up checklist.

    Attributes
    ----------
    id, label, detail : str
        Identifier, the checkbox's short text, and the fuller sentence.
    part : str
        The part of the seated-person diagram it lights up (:data:`PARTS`).
    source : str
        Where the advice comes from.
    """

    id: str
    label: str
    detail: str
    part: str
    source: str


def _note(data: dict, key: str, file: str) -> Note:
    entry = require(data, key, dict, file=file, where="the file")
    where = f"[{key}]"
    return Note(
        text=require(entry, "text", str, file=file, where=where),
        source=require_source(entry, file=file, where=where),
    )


def _unique(ids: list[str], file: str, what: str) -> None:
    seen: set[str] = set()
    for entry_id in ids:
        if entry_id in seen:
            raise ContentError(f"{file}: the {what} id '{entry_id}' is used twice.")
        seen.add(entry_id)


def _entries(data: dict, table: str, names: tuple[str, ...], file: str):
    """Each ``[[table]]`` entry: where it stands (for messages), its string fields, the entry."""
    entries = require(data, table, list, file=file, where="the file")
    for n, entry in enumerate(entries, start=1):
        where = f"{table} {entry.get('id', f'#{n}')!r}"
        fields = {name: require(entry, name, str, file=file, where=where) for name in names}
        yield where, fields, entry


def load_stretches() -> tuple[Note, tuple[Stretch, ...]]:
    """The caution to show with the movements, and the movements in suggestion order.

    Raises
    ------
    ContentError
        If the file is missing, malformed, or an entry lacks a field, a source or a picture.
    """
    file = STRETCHES_FILE
    data = load_toml(file)
    caution = _note(data, "caution", file)
    names = ("id", "name", "place", "how", "dose", "picture")
    stretches = []
    for where, fields, entry in _entries(data, "stretch", names, file):
        if fields["place"] not in PLACES:
            raise ContentError(f"{file}: {where}: place must be one of {', '.join(PLACES)}.")
        if fields["picture"] not in POSES:
            raise ContentError(f"{file}: {where}: there is no drawing '{fields['picture']}'.")
        stretches.append(Stretch(**fields, source=require_source(entry, file=file, where=where)))
    if not stretches:
        raise ContentError(f"{file}: there are no stretches.")
    _unique([s.id for s in stretches], file, "stretch")
    return caution, tuple(stretches)


def load_posture() -> tuple[Note, tuple[PostureItem, ...]]:
    """The note that heads the checklist, and the checklist's items in order.

    Raises
    ------
    ContentError
        If the file is missing, malformed, or an item lacks a field or a source, or names a
        part the diagram does not have.
    """
    file = POSTURE_FILE
    data = load_toml(file)
    about = _note(data, "about", file)
    items = []
    for where, fields, entry in _entries(data, "item", ("id", "label", "detail", "part"), file):
        if fields["part"] not in PARTS:
            raise ContentError(f"{file}: {where}: the diagram has no part '{fields['part']}'.")
        items.append(PostureItem(**fields, source=require_source(entry, file=file, where=where)))
    if not items:
        raise ContentError(f"{file}: there are no checklist items.")
    _unique([i.id for i in items], file, "item")
    return about, tuple(items)
