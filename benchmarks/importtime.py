"""Import cost of the ``widgets`` package and of each tool's view module (``python -X importtime``).

A kernel pays for every module a page imports before its first widget can be drawn. The figure that
matters is what a tool adds on top of the baseline page, which has already imported ``ipykernel``
and ``ipywidgets``; so each measurement first imports those, prints a marker, then imports the
module under test, and only the lines after the marker are counted.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.stats import median

MARKER = "@@bench-importtime-marker"
#: What a kernel serving the baseline notebook has already imported.
PRELUDE = ("ipykernel.ipkernel", "ipywidgets")


@dataclass(frozen=True)
class ImportLine:
    """One line of ``-X importtime`` output."""

    self_us: int
    cumulative_us: int
    depth: int
    module: str


def parse_importtime(text: str) -> list[ImportLine]:
    """The import lines of ``-X importtime`` output (other lines, e.g. the header, are skipped).

    Each line reads ``import time: <self us> | <cumulative us> | <indent><module>`` where the
    indent is one space plus two per nesting level.
    """
    lines = []
    for raw in text.splitlines():
        if not raw.startswith("import time:"):
            continue
        parts = raw[len("import time:") :].split("|", 2)
        if len(parts) != 3:
            continue
        try:
            self_us, cumulative_us = int(parts[0]), int(parts[1])
        except ValueError:
            continue  # the header line: "self [us] | cumulative | imported package"
        name = parts[2][1:] if parts[2].startswith(" ") else parts[2]
        depth = (len(name) - len(name.lstrip(" "))) // 2
        lines.append(ImportLine(self_us, cumulative_us, depth, name.strip()))
    return lines


def after_marker(text: str, marker: str = MARKER) -> str:
    """The part of ``text`` after the marker line (all of it if the marker is absent)."""
    head, found, tail = text.partition(marker)
    return tail if found else head


def total_ms(lines: list[ImportLine]) -> float:
    """Wall time of these imports in ms: the sum of the top-level cumulative times."""
    return sum(line.cumulative_us for line in lines if line.depth == 0) / 1000


def heaviest(
    lines: list[ImportLine], top: int = 4, own: str = "widgets"
) -> list[tuple[str, float]]:
    """What costs the most, as ``(name, ms)``: self times summed per top-level package, except
    that the course's own package (``own``) is split by module, so its slow module is named."""
    per_package: dict[str, int] = {}
    for line in lines:
        root = line.module.split(".", 1)[0]
        key = line.module if root == own else root
        per_package[key] = per_package.get(key, 0) + line.self_us
    ranked = sorted(per_package.items(), key=lambda item: item[1], reverse=True)
    return [(name, us / 1000) for name, us in ranked[:top]]


def view_modules(package: Path) -> list[str]:
    """``widgets`` and every tool's view module (``widgets/<tool>/view.py``) that exists."""
    modules = ["widgets"]
    for view in sorted(package.glob("*/view.py")):
        modules.append(f"widgets.{view.parent.name}.view")
    return modules


def _run(code: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def measure(module: str, cwd: Path, repeats: int = 3) -> dict:
    """Import time of ``module`` over the baseline's imports: median ms, heaviest parts, error."""
    prelude = "; ".join(f"import {m}" for m in PRELUDE)
    code = f"{prelude}; import sys; sys.stderr.write('{MARKER}\\n'); import {module}"
    times, heavy, error = [], [], None
    for _ in range(repeats):
        done = _run(code, cwd)
        if done.returncode != 0:
            error = (done.stderr.strip().splitlines() or ["failed"])[-1]
            break
        lines = parse_importtime(after_marker(done.stderr))
        times.append(total_ms(lines))
        heavy = heaviest(lines)
    cold = None
    if error is None:
        done = _run(f"import {module}", cwd)
        if done.returncode == 0:
            cold = total_ms(parse_importtime(done.stderr))
    return {
        "module": module,
        "over_baseline_ms": median(times),
        "cold_ms": cold,
        "heaviest": [{"package": name, "ms": ms} for name, ms in heavy],
        "error": error,
    }


def measure_all(repo: Path, repeats: int = 3) -> list[dict]:
    """:func:`measure` for ``widgets`` and each tool's view, plus ``ipywidgets`` for scale."""
    rows = [measure(m, repo, repeats) for m in view_modules(repo / "widgets")]
    # For scale: what the baseline page itself pays for ipywidgets once ipykernel is up.
    code = (
        f"import ipykernel.ipkernel; import sys; sys.stderr.write('{MARKER}\\n'); import ipywidgets"
    )
    times = []
    for _ in range(repeats):
        done = _run(code, repo)
        if done.returncode == 0:
            times.append(total_ms(parse_importtime(after_marker(done.stderr))))
    rows.append(
        {
            "module": "ipywidgets (what the baseline pays)",
            "over_baseline_ms": median(times),
            "cold_ms": None,
            "heaviest": [],
            "error": None,
        }
    )
    return rows
