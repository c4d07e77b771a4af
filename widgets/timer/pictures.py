"""Drawings the timer shows, built as SVG strings.

Stick figures for the movements, and a seated person at a desk whose parts light up as the desk
set-up checklist is ticked.

They are inline SVG (not files) so that they show the same in JupyterLab, Voila and a static
build, whatever URL the page has. ``notebooks/images/seated-posture.svg`` is
:func:`posture_svg` with every part labelled, written by :func:`write_posture_image`.
"""

from __future__ import annotations

import html
from pathlib import Path

INK = "#1d4f91"  # near limbs (PALETTE["info"])
FAR = "#6f8fbf"  # far limbs, lighter so the figure reads in depth
FLOOR = "#767676"
ARROW = "#a84300"  # PALETTE["urgent"]: the direction of movement
OFF = "#767676"  # a diagram part not yet checked (4.5:1 on white)
ON = "#1b6e35"  # a checked part (PALETTE["self-care"])

# -- stick figures -----------------------------------------------------------------------------
# Each pose: head centre, near-side polylines, far-side polylines, optional arrow path. The
# figures lie or stand on a floor at y = 70 in a 120 × 80 box.

Point = tuple[float, float]

POSES: dict[str, dict] = {
    "walk": {
        "head": (60, 13),
        "near": [
            [(60, 20), (60, 42)],
            [(60, 42), (67, 55), (72, 69), (78, 69)],
            [(60, 24), (54, 33), (53, 42)],
        ],
        "far": [[(60, 42), (54, 55), (48, 68), (54, 69)], [(60, 24), (66, 32), (70, 40)]],
        "arrow": "M84 30 h22 m-6 -5 l6 5 l-6 5",
    },
    "stand": {
        "head": (60, 13),
        "near": [
            [(60, 20), (60, 42)],
            [(60, 42), (62, 56), (62, 69), (68, 69)],
            [(60, 24), (58, 34), (58, 44)],
        ],
        "far": [[(60, 42), (57, 56), (57, 69), (63, 69)], [(60, 24), (63, 34), (63, 44)]],
        "arrow": "M38 60 v-30 m-5 6 l5 -6 l5 6",
    },
    "knee-rolls": {
        "head": (18, 62),
        "near": [
            [(24, 65), (58, 66)],
            [(58, 66), (74, 56), (86, 69)],
            [(28, 65), (34, 70), (44, 70)],
        ],
        "far": [[(58, 66), (72, 52), (84, 68)]],
        "arrow": "M66 44 q10 -8 20 0 m-5 -5 l5 5 l-7 2",
    },
    "pelvic-tilt": {
        "head": (18, 62),
        "near": [
            [(24, 65), (58, 66)],
            [(58, 66), (74, 50), (88, 69)],
            [(28, 65), (36, 70), (48, 70)],
        ],
        "far": [[(58, 66), (72, 52), (84, 69)]],
        "arrow": "M40 56 q8 -8 16 0 m-5 -5 l5 5 l-7 1",
    },
    "knee-to-chest": {
        "head": (18, 62),
        "near": [
            [(24, 65), (58, 66)],
            [(58, 66), (46, 48), (60, 52)],
            [(28, 64), (38, 56), (46, 50)],
        ],
        "far": [[(58, 66), (74, 52), (88, 69)]],
        "arrow": "M66 40 q-8 -6 -16 0 m5 -5 l-5 5 l7 1",
    },
    "bottom-to-heels": {
        "head": (28, 47),
        "near": [
            [(34, 52), (66, 58)],
            [(66, 58), (70, 69), (88, 69)],
            [(34, 52), (30, 60), (26, 69)],
        ],
        "far": [[(66, 58), (66, 69), (84, 69)], [(34, 52), (36, 60), (32, 69)]],
        "arrow": "M58 42 h22 m-6 -5 l6 5 l-6 5",
    },
    "bridge": {
        "head": (16, 62),
        "near": [
            [(22, 64), (58, 48)],
            [(58, 48), (76, 44), (82, 69)],
            [(26, 64), (36, 69), (48, 69)],
        ],
        "far": [[(58, 48), (72, 46), (78, 69)]],
        "arrow": "M50 70 v-14 m-5 6 l5 -6 l5 6",
    },
    "cat-camel": {
        "head": (30, 52),
        "near": [
            [(38, 46), (57, 36), (76, 46)],
            [(76, 46), (76, 69), (94, 69)],
            [(38, 46), (38, 69)],
        ],
        "far": [[(76, 46), (72, 69), (90, 69)], [(38, 46), (34, 69)]],
        "arrow": "M57 28 v-12 m-5 6 l5 -6 l5 6",
    },
    "bird-dog": {
        "head": (32, 41),
        "near": [[(40, 46), (76, 46)], [(76, 46), (76, 69), (94, 69)], [(40, 46), (40, 69)]],
        "far": [[(76, 46), (104, 44)], [(40, 46), (14, 42)]],
        "arrow": "M8 30 h14 m-14 0 l5 -5 m-5 5 l5 5",
    },
    "partial-crunch": {
        "head": (20, 56),
        "near": [
            [(26, 60), (58, 66)],
            [(58, 66), (74, 52), (86, 69)],
            [(30, 61), (42, 68), (54, 68)],
        ],
        "far": [[(58, 66), (98, 68)]],
        "arrow": "M14 44 q4 -8 12 -8 m-6 -3 l6 3 l-5 4",
    },
}


def _points(line: list[Point]) -> str:
    return " ".join(f"{x:g},{y:g}" for x, y in line)


def stretch_svg(pose: str, title: str, size: int = 180) -> str:
    """The stick figure for ``pose`` as an inline ``<svg>``, labelled with ``title``.

    Raises
    ------
    KeyError
        If there is no such pose.
    """
    p = POSES[pose]
    label = html.escape(title)
    parts = [
        f'<svg class="bsc-stretch-picture" role="img" aria-label="{label}" '
        f'viewBox="0 0 120 80" width="{size}" height="{size * 2 // 3}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{label}</title>',
        f'<line class="bsc-pic-floor" x1="2" y1="70.5" x2="118" y2="70.5" stroke="{FLOOR}" '
        'stroke-width="1"/>',
    ]
    for colour, kind, lines in ((FAR, "far", p["far"]), (INK, "ink", p["near"])):
        for line in lines:
            parts.append(
                f'<polyline class="bsc-pic-{kind}" points="{_points(line)}" fill="none" '
                f'stroke="{colour}" '
                'stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/>'
            )
    x, y = p["head"]
    parts.append(f'<circle class="bsc-pic-ink-fill" cx="{x:g}" cy="{y:g}" r="5.5" fill="{INK}"/>')
    if p.get("arrow"):
        parts.append(
            f'<path class="bsc-pic-arrow" d="{p["arrow"]}" fill="none" stroke="{ARROW}" '
            'stroke-width="2" '
            'stroke-linecap="round" stroke-linejoin="round"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


# -- the seated person -------------------------------------------------------------------------

#: The parts of the seated-person diagram a checklist item can light up, with their label.
PARTS: dict[str, str] = {
    "screen": "Top of screen at eye level",
    "distance": "At least 50 cm (20 in)",
    "head": "Head balanced",
    "shoulders": "Shoulders relaxed",
    "elbows": "Elbows 90–120°",
    "wrists": "Forearms level",
    "back": "Lower back supported",
    "thighs": "Thighs level",
    "knees": "Knees level with hips",
    "feet": "Feet supported",
    "light": "No window in front",
}

# The drawing of each part (strokes take the part's colour); a 360 × 270 box, person facing right.
_PART_SHAPES: dict[str, str] = {
    "light": (
        '<rect x="12" y="26" width="44" height="60" rx="2" fill="#eef3fa" stroke-width="3"/>'
        '<line x1="34" y1="26" x2="34" y2="86" stroke-width="2"/>'
        '<line x1="12" y1="56" x2="56" y2="56" stroke-width="2"/>'
    ),
    "screen": (
        '<rect x="300" y="52" width="9" height="52" rx="2" fill="#dfe6ee" stroke-width="3"/>'
        '<line x1="305" y1="104" x2="305" y2="132" stroke-width="4"/>'
        '<line x1="292" y1="133" x2="318" y2="133" stroke-width="4"/>'
    ),
    "distance": (
        '<line x1="154" y1="58" x2="296" y2="58" stroke-width="2" stroke-dasharray="6 4"/>'
        '<path d="M288 53 l8 5 l-8 5" fill="none" stroke-width="2"/>'
    ),
    "head": '<circle cx="136" cy="56" r="17" fill="#f4f6f8" stroke-width="4"/>'
    '<circle cx="145" cy="53" r="2" stroke-width="2"/>',
    "shoulders": '<line x1="126" y1="90" x2="128" y2="128" stroke-width="9"/>'
    '<circle cx="126" cy="90" r="7" fill="#f4f6f8" stroke-width="3"/>',
    "elbows": '<path d="M128 114 v14 h14" fill="none" stroke-width="3"/>'
    '<circle cx="128" cy="130" r="6" fill="#f4f6f8" stroke-width="3"/>',
    "wrists": '<line x1="130" y1="130" x2="222" y2="130" stroke-width="8"/>'
    '<rect x="222" y="125" width="34" height="7" rx="2" fill="#dfe6ee" stroke-width="2"/>',
    "back": '<path d="M124 78 C114 110, 110 132, 116 160" fill="none" stroke-width="9"/>'
    '<path d="M110 124 q-4 14 0 28" fill="none" stroke-width="4"/>',
    "thighs": '<line x1="116" y1="164" x2="200" y2="164" stroke-width="11"/>',
    "knees": '<circle cx="202" cy="164" r="8" fill="#f4f6f8" stroke-width="3"/>',
    "feet": '<line x1="204" y1="170" x2="212" y2="244" stroke-width="9"/>'
    '<line x1="210" y1="246" x2="236" y2="246" stroke-width="8"/>',
}

# Where each label sits (x, y, anchor) on the labelled drawing.
_LABELS: dict[str, tuple[int, int, str]] = {
    "light": (12, 18, "start"),
    "screen": (352, 44, "end"),
    "distance": (225, 74, "middle"),
    "head": (160, 24, "start"),
    "shoulders": (-6, 94, "end"),
    "elbows": (140, 149, "start"),
    "wrists": (232, 118, "middle"),
    "back": (-6, 144, "end"),
    "thighs": (160, 186, "middle"),
    "knees": (222, 170, "start"),
    "feet": (246, 238, "start"),
}

# Thin lines from a label placed away from its part to the part.
_LEADERS: dict[str, tuple[int, int, int, int]] = {
    "shoulders": (-2, 91, 118, 90),
    "back": (-2, 141, 108, 141),
}

# Furniture, drawn in grey under the person.
_FURNITURE = (
    '<line x1="-136" y1="252" x2="356" y2="252" stroke="#767676" stroke-width="2"/>'
    '<rect x="96" y="96" width="10" height="74" rx="4" fill="#c9d1da"/>'
    '<rect x="96" y="168" width="100" height="10" rx="3" fill="#c9d1da"/>'
    '<line x1="140" y1="178" x2="140" y2="236" stroke="#9aa5b1" stroke-width="6"/>'
    '<line x1="112" y1="240" x2="170" y2="240" stroke="#9aa5b1" stroke-width="5"/>'
    '<rect x="214" y="134" width="140" height="7" fill="#9aa5b1"/>'
    '<line x1="344" y1="141" x2="344" y2="252" stroke="#9aa5b1" stroke-width="6"/>'
)


def posture_svg(ticked: frozenset[str] | set[str] = frozenset(), labels: bool = True) -> str:
    """The seated person at a desk, with each part in ``ticked`` drawn highlighted.

    Every part is a ``<g>`` with the classes ``bsc-part bsc-part-<name>`` (and ``bsc-part-on``
    when ticked) and ``data-part="<name>"``, so a page or a test can find it.

    Raises
    ------
    ValueError
        If ``ticked`` names a part the drawing does not have.
    """
    unknown = set(ticked) - set(PARTS)
    if unknown:
        raise ValueError(f"The diagram has no part called {', '.join(sorted(unknown))}.")
    done = sum(1 for part in PARTS if part in ticked)
    label = (
        "Side view of a person sitting at a desk, facing a screen. "
        f"{done} of {len(PARTS)} parts of the set-up are highlighted as checked"
        + (": " + ", ".join(PARTS[p].lower() for p in PARTS if p in ticked) if done else "")
        + "."
    )
    out = [
        f'<svg class="bsc-posture-diagram" role="img" aria-label="{html.escape(label)}" '
        'viewBox="-140 0 500 270" width="100%" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{html.escape(label)}</title>",
        _FURNITURE,
    ]
    for part, shape in _PART_SHAPES.items():
        on = part in ticked
        colour = ON if on else OFF
        classes = f"bsc-part bsc-part-{part}" + (" bsc-part-on" if on else "")
        out.append(
            f'<g class="{classes}" data-part="{part}" stroke="{colour}" fill="none" '
            f'stroke-linecap="round">{shape}</g>'
        )
    if labels:
        for part, (x, y, anchor) in _LABELS.items():
            on = part in ticked
            mark = "✓ " if on else ""
            weight = "bold" if on else "normal"
            if part in _LEADERS:
                x1, y1, x2, y2 = _LEADERS[part]
                out.append(
                    f'<line class="bsc-pic-leader" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" '
                    'stroke="#9aa5b1" stroke-width="1"/>'
                )
            out.append(
                f'<text class="bsc-part-label{" bsc-part-label-on" if on else ""}" x="{x}" y="{y}" '
                f'text-anchor="{anchor}" font-size="11" '
                f'font-family="sans-serif" font-weight="{weight}" fill="{ON if on else "#4a4a4a"}">'
                f"{mark}{html.escape(PARTS[part])}</text>"
            )
    out.append("</svg>")
    return "".join(out)


def write_posture_image(path: str | Path) -> None:
    """Write the labelled diagram (every part highlighted) for a lesson's markdown to ``path``."""
    Path(path).write_text(posture_svg(frozenset(PARTS)) + "\n", encoding="utf-8")
