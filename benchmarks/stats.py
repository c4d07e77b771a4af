"""Small pure helpers: percentiles, ratios and how figures are shown.

Everything the benchmark reports is a ratio against a baseline measured in the same run, because the
machines it runs on are shared and noisy; these helpers keep that arithmetic in one tested place.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence


def percentile(values: Iterable[float], q: float) -> float | None:
    """The ``q``-th percentile (0–100) of ``values``, linearly interpolated; None if empty.

    Parameters
    ----------
    values : iterable of float
        The samples, in any order. None and NaN are ignored.
    q : float
        Which percentile, 0 (the smallest) to 100 (the largest).

    Returns
    -------
    float or None
        The interpolated percentile, or None when there is no usable sample.

    Raises
    ------
    ValueError
        If ``q`` is outside 0–100.
    """
    if not 0 <= q <= 100:
        raise ValueError(f"A percentile is between 0 and 100, not {q}.")
    data = sorted(v for v in values if v is not None and not math.isnan(v))
    if not data:
        return None
    position = (len(data) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(data) - 1)
    return data[low] + (data[high] - data[low]) * (position - low)


def median(values: Iterable[float]) -> float | None:
    """The median of ``values`` (None and NaN ignored); None if there is none."""
    return percentile(values, 50)


def ratio(value: float | None, baseline: float | None) -> float | None:
    """``value / baseline``, or None when either is missing or the baseline is not positive."""
    if value is None or baseline is None or baseline <= 0:
        return None
    return value / baseline


def difference(value: float | None, baseline: float | None) -> float | None:
    """``value - baseline``, or None when either is missing."""
    if value is None or baseline is None:
        return None
    return value - baseline


def summary(values: Sequence[float]) -> dict[str, float | int | None]:
    """Count, p50, p95 and max of ``values`` (the figures a classroom burst reports)."""
    usable = [v for v in values if v is not None]
    return {
        "n": len(usable),
        "p50": percentile(usable, 50),
        "p95": percentile(usable, 95),
        "max": max(usable) if usable else None,
    }


def fmt(value: float | None, digits: int = 2, suffix: str = "") -> str:
    """``value`` rounded for a table, or an en dash when it is missing."""
    if value is None:
        return "–"
    return f"{value:.{digits}f}{suffix}"


def fmt_ratio(value: float | None) -> str:
    """A ratio as ``1.23×`` (en dash when missing)."""
    return fmt(value, 2, "×")


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table with columns padded to their widest cell (first column left-aligned)."""
    cells = [list(map(str, headers))] + [list(map(str, r)) for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        parts = [
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])])
