"""Monotonic bead search: a banded dynamic programme refined coarse-to-fine, apart from any cost model.

The search only sees a :class:`CostModel`: ``n``/``m`` items a side, ``cost(types, i, j)`` for beads
that cover ``src[i-a:i]`` and ``tgt[j-b:j]`` (vectorised over cells and types), and ``coarsen(f)``,
which merges every ``f`` consecutive items a side into one (Vecalign's recursive downsampling). At
the coarsest level, with at most ``full_cells`` cells, the whole table is searched; each finer level
searches only a band around the projected coarser path, so the band follows the real path (long
insertions, very unequal sides), not the diagonal.

Complexity: with ``T`` bead types and band half-width ``w``, a level costs O((n + m) · w · T) time and
memory (the band holds O(n + m) rows of O(w) cells, plus the length of any run of 0-1 beads through
a row), and the levels shrink geometrically, so the search is linear in document length for fixed
``w`` (the coarsest table is bounded by ``full_cells``). Cells are processed a row at a time,
vectorised along the row: bead types with a source side read finished rows, and the 0-1 beads
inside a row are a running minimum (a min-plus prefix scan), so no Python loop runs per cell.
:func:`posteriors` runs the same sweep with a soft minimum forwards and backwards (same complexity).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

BeadType = tuple[int, int]
Path = list[tuple[int, int]]  # bead end points from (0, 0) to (n, m); consecutive points delimit a bead

_BLOCK_CELLS = 1 << 14  # cells whose costs are computed in one call (bounds the working memory)
_BLOCK_ROWS = 64  # rows per call: cost models compute a dense rectangle around the call's cells


class CostModel(Protocol):
    n: int
    m: int

    def cost(self, types: Sequence[BeadType], i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Costs, shape (len(types), cells), of the beads ``src[i-a:i]`` × ``tgt[j-b:j]`` ending at
        each cell; entries where ``i < a`` or ``j < b`` are ignored. ``i``, ``j``: 1-D (the same cells
        for every type) or 2-D (one row of cells per type)."""
        ...

    def coarsen(self, factor: int) -> CostModel: ...


def bead_types(max_side: int) -> list[BeadType]:
    """1-0, 0-1 and every a-b with 1 <= a, b <= max_side and a + b <= max_side + 2.

    The a + b bound drops only large many-to-many beads (3-4, 4-4), which are rarer in real
    translations than the many-to-one ones and cost the most to score."""
    types: list[BeadType] = [(1, 0), (0, 1)]
    for a in range(1, max_side + 1):
        for b in range(1, max_side + 1):
            if a + b <= max_side + 2:
                types.append((a, b))
    return types


class _Band:
    """A band's cells stored row after row: row ``i`` holds columns ``lo[i] .. hi[i] - 1``."""

    def __init__(self, n: int, m: int, lo: np.ndarray, hi: np.ndarray) -> None:
        self.n, self.m = n, m
        self.lo = np.clip(np.asarray(lo, dtype=np.int64), 0, m)
        self.hi = np.clip(np.asarray(hi, dtype=np.int64), self.lo + 1, m + 1)
        if self.lo[0] != 0 or self.hi[n] != m + 1:
            raise ValueError("the band must contain (0, 0) and (n, m)")
        self.widths = self.hi - self.lo
        self.offs = np.zeros(n + 2, dtype=np.int64)
        np.cumsum(self.widths, out=self.offs[1:])
        self.rows = np.repeat(np.arange(n + 1), self.widths)
        self.cols = np.arange(int(self.offs[-1])) - self.offs[self.rows] + self.lo[self.rows]

    def index(self, i: int, j: int) -> int:
        return int(self.offs[i] + j - self.lo[i])

    def reversed(self) -> _Band:
        """The band of the problem with both sides read backwards."""
        return _Band(self.n, self.m, self.m + 1 - self.hi[::-1], self.m + 1 - self.lo[::-1])


def _softmin(x: np.ndarray, temperature: float, axis: int = 0) -> np.ndarray:
    """-T log sum exp(-x / T): the free energy of alternatives with costs x."""
    low = x.min(axis=axis)
    safe = np.where(np.isfinite(low), low, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        total = np.exp(-(x - np.expand_dims(safe, axis)) / temperature).sum(axis=axis)
        return np.where(np.isfinite(low), safe - temperature * np.log(total), np.inf)


def _sweep(
    model: CostModel, types: Sequence[BeadType], band: _Band, temperature: float | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Row-by-row DP over the band: cheapest cost to reach each cell (``temperature`` None), or the
    soft minimum over all paths (free energy at that temperature). Returns (table, choice), where
    choice (hard mode) is the index into the source-side types, or their count for a 0-1 bead."""
    if (0, 1) not in types:
        raise ValueError("the search needs 0-1 beads")
    src_types = [t for t in types if t[0] > 0]
    offs, widths, lo, hi = band.offs, band.widths, band.lo, band.hi
    best = np.full(int(offs[-1]), np.inf)
    choice = np.zeros(int(offs[-1]), dtype=np.int8)
    skip = len(src_types)
    row = 0
    while row <= band.n:
        # a block of whole rows, about _BLOCK_CELLS cells
        end = int(np.searchsorted(offs, offs[row] + _BLOCK_CELLS, side="right")) - 1
        end = min(max(end, row + 1), row + _BLOCK_ROWS, band.n + 1)
        s, e = int(offs[row]), int(offs[end])
        bi, bj = band.rows[s:e], band.cols[s:e]
        all_costs = np.asarray(model.cost([*src_types, (0, 1)], bi, bj), dtype=np.float64)
        cost = all_costs[:-1]
        # 0-1 beads inside a row: best[j] = min over j' <= j of start[j'] + gap(j'+1 .. j), a running
        # minimum of start - acc where acc is the row's cumulative gap cost (0 at the row's first cell)
        gap = all_costs[-1].copy()
        firsts = offs[row:end] - s
        gap[firsts] = 0.0
        acc = np.cumsum(gap)
        acc -= np.repeat(acc[firsts], widths[row:end])
        pred = np.zeros((len(src_types), e - s), dtype=np.int64)
        for t, (a, b) in enumerate(src_types):
            pi, pj = bi - a, bj - b
            ok = (pi >= 0) & (pj >= 0)
            pi_ok = np.where(ok, pi, 0)
            ok &= (pj >= lo[pi_ok]) & (pj < hi[pi_ok])
            pred[t, ok] = offs[pi[ok]] + pj[ok] - lo[pi[ok]]
            cost[t, ~ok] = np.inf
        for i in range(row, end):
            rs, re_ = int(offs[i]) - s, int(offs[i + 1]) - s
            if i == 0:
                start = np.full(re_ - rs, np.inf)
                start[0] = 0.0
                k = np.zeros(re_ - rs, dtype=np.int64)
            else:
                cand = best[pred[:, rs:re_]]
                cand += cost[:, rs:re_]
                if temperature is None:
                    k = cand.argmin(axis=0)
                    start = cand.min(axis=0)
                else:
                    start = _softmin(cand, temperature)
            shifted = start - acc[rs:re_]
            if temperature is None:
                run = np.minimum.accumulate(shifted)
                own = shifted == run
                best[s + rs : s + re_] = np.where(own, start, run + acc[rs:re_])
                choice[s + rs : s + re_] = np.where(own, k, skip)
            else:
                with np.errstate(invalid="ignore"):
                    run = -temperature * np.logaddexp.accumulate(-shifted / temperature)
                best[s + rs : s + re_] = run + acc[rs:re_]
        row = end
    return best, choice


def search_band(model: CostModel, types: Sequence[BeadType], lo: np.ndarray, hi: np.ndarray) -> Path:
    """Cheapest monotonic path from (0, 0) to (n, m) whose points stay in row ``i``'s columns
    ``lo[i] <= j < hi[i]`` (arrays of length n + 1)."""
    n, m = model.n, model.m
    band = _Band(n, m, lo, hi)
    best, choice = _sweep(model, types, band)
    if not np.isfinite(best[band.index(n, m)]):
        raise ValueError("no path through the band")
    src_types = [t for t in types if t[0] > 0]
    path = [(n, m)]
    i, j = n, m
    while i or j:
        c = int(choice[band.index(i, j)])
        a, b = (0, 1) if c == len(src_types) else src_types[c]
        i, j = i - a, j - b
        path.append((i, j))
    path.reverse()
    return path


class _Reversed:
    """The same costs with both sides read backwards (for the backward pass)."""

    def __init__(self, model: CostModel) -> None:
        self.model, self.n, self.m = model, model.n, model.m

    def cost(self, types: Sequence[BeadType], i: np.ndarray, j: np.ndarray) -> np.ndarray:
        # reversed cell (i, j) and type (a, b) = the original bead ending at (n - i + a, m - j + b)
        a = np.array([[t[0]] for t in types])
        b = np.array([[t[1]] for t in types])
        return self.model.cost(types, np.minimum(self.n - i + a, self.n), np.minimum(self.m - j + b, self.m))


def posteriors(
    model: CostModel, types: Sequence[BeadType], path: Path, temperature: float, width: int = 4
) -> np.ndarray:
    """Posterior probability of each bead of ``path`` when paths in a band around it are weighted by
    ``exp(-cost / temperature)`` (forward-backward over the band: same complexity as the search).

    A bead whose sentences could be grouped or matched differently at little extra cost gets a low
    value; a bead with no close competitor a value near 1."""
    n, m = model.n, model.m
    band = _Band(n, m, *band_around(path, n, m, width))
    forward, _ = _sweep(model, types, band, temperature)
    rev_band = band.reversed()
    backward, _ = _sweep(_Reversed(model), types, rev_band, temperature)
    total = forward[band.index(n, m)]
    points = np.array(path)
    kinds = np.diff(points, axis=0)
    through = np.zeros(len(path) - 1)
    for a, b in {tuple(k) for k in kinds.tolist()}:
        sel = np.flatnonzero((kinds[:, 0] == a) & (kinds[:, 1] == b))
        (i0, j0), (i1, j1) = points[sel].T, points[sel + 1].T
        cost = model.cost([(a, b)], i1, j1)[0]
        before = forward[band.offs[i0] + j0 - band.lo[i0]]
        after = backward[rev_band.offs[n - i1] + (m - j1) - rev_band.lo[n - i1]]
        through[sel] = before + cost + after
    out = np.exp(-(through - total) / temperature)
    return np.clip(out, 0.0, 1.0)


def band_around(path: Path, n: int, m: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Columns within ``width`` rows and columns of the path (each bead taken as its full rectangle)."""
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for (i0, j0), (i1, j1) in zip(path, path[1:], strict=False):
        lo[i0 : i1 + 1] = np.minimum(lo[i0 : i1 + 1], j0)
        hi[i0 : i1 + 1] = np.maximum(hi[i0 : i1 + 1], j1)
    # widen by `width` rows: the column range of a row spans those of its neighbours
    pad_lo = np.concatenate([np.full(width, lo[0]), lo, np.full(width, lo[-1])])
    pad_hi = np.concatenate([np.full(width, hi[0]), hi, np.full(width, hi[-1])])
    win_lo = np.lib.stride_tricks.sliding_window_view(pad_lo, 2 * width + 1).min(axis=1)
    win_hi = np.lib.stride_tricks.sliding_window_view(pad_hi, 2 * width + 1).max(axis=1)
    return np.maximum(win_lo - width, 0), np.minimum(win_hi + width + 1, m + 1)


def project(path: Path, factor: int, n: int, m: int) -> Path:
    """A coarse path in fine coordinates (coarse item k covers fine items k*factor .. k*factor+factor-1),
    each coarse bead drawn as the straight line between its corners, a point per fine row."""
    fine = [(min(i * factor, n), min(j * factor, m)) for i, j in path]
    out = [fine[0]]
    for (i0, j0), (i1, j1) in zip(fine, fine[1:], strict=False):
        out.extend((i0 + t, j0 + round(t * (j1 - j0) / (i1 - i0))) for t in range(1, i1 - i0))
        out.append((i1, j1))
    return out


def align_path(
    model: CostModel,
    types: Sequence[BeadType],
    *,
    width: int = 4,
    factor: int = 4,
    full_cells: int = 10_000,
) -> Path:
    """Coarse-to-fine search: the full table at the coarsest level, then bands of half-width
    ``max(width, factor)`` around each projected path. Coarse levels only place the band, so they use
    the bead types with at most two items a side."""
    levels = [model]
    while (levels[-1].n + 1) * (levels[-1].m + 1) > full_cells and min(levels[-1].n, levels[-1].m) > 1:
        levels.append(levels[-1].coarsen(factor))
    coarse_types = [t for t in types if max(t) <= 2]
    top = levels[-1]
    path = search_band(
        top,
        coarse_types if len(levels) > 1 else types,
        np.zeros(top.n + 1, dtype=np.int64),
        np.full(top.n + 1, top.m + 1),
    )
    for level in range(len(levels) - 2, -1, -1):
        fine = levels[level]
        lo, hi = band_around(project(path, factor, fine.n, fine.m), fine.n, fine.m, max(width, factor))
        path = search_band(fine, types if level == 0 else coarse_types, lo, hi)
    return path
