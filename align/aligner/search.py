"""Monotonic link search: a banded dynamic programme refined coarse-to-fine, apart from any cost model.

The search only sees a :class:`CostModel`: ``n``/``m`` items a side, ``cost(types, i, j)`` for links
that cover ``src[i-a:i]`` and ``tgt[j-b:j]`` (vectorised over cells and types), and ``coarsen(f)``,
which merges every ``f`` consecutive items a side into one (Vecalign's recursive downsampling). At
the coarsest level, with at most ``full_cells`` cells, the whole table is searched; each finer level
searches only a band around the projected coarser path, so the band follows the real path (long
insertions, very unequal sides), not the diagonal.

Complexity: with ``T`` link types and band half-width ``w``, a level costs O((n + m) · w · T) time and
memory (the band holds O(n + m) rows of O(w) cells, plus the length of any run of 0-1 links through
a row), and the levels shrink geometrically, so the search is linear in document length for fixed
``w`` (the coarsest table is bounded by ``full_cells``). Cells are processed a row at a time,
vectorised along the row: link types with a source side read finished rows, and the 0-1 links
inside a row are a running minimum (a min-plus prefix scan), so no Python loop runs per cell.
Confidences (:func:`align` with a temperature) are link posteriors from a forward-backward pass over
the finest band: the forward pass runs in the search's own sweep and keeps the link weights (float32,
T per cell), which the backward pass reuses, so costs are computed once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, overload

import numpy as np

LinkType = tuple[int, int]
Path = list[tuple[int, int]]  # link end points from (0, 0) to (n, m); consecutive points delimit a link

_BLOCK_CELLS = 1 << 14  # cells whose costs are computed in one call (bounds the working memory)
_BLOCK_ROWS = 64  # rows per call: cost models compute a dense rectangle around the call's cells
# Band half-width: 4, 6, 8 and 12 gave the same F1 on Text+Berg dev (scripts/README.md), so the cheapest.
BAND_WIDTH = 4
# Items a side merged into one per coarser level (Vecalign's downsampling): a choice, not tuned.
COARSEN_FACTOR = 4
# Coarsest table searched whole (~100 x 100 items): cheap next to a band level; not tuned, as the full
# table of a whole document gives the banded search's F1 on Text+Berg dev (scripts/README.md, ablation).
FULL_CELLS = 10_000


class CostModel(Protocol):
    n: int
    m: int

    def cost(self, types: Sequence[LinkType], i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Costs, shape (len(types), len(i)), of the links ``src[i-a:i]`` × ``tgt[j-b:j]`` ending at
        each cell (``i``, ``j``: 1-D); entries where ``i < a`` or ``j < b`` are ignored. The search asks
        for a block of whole band rows at a time."""
        ...

    def coarsen(self, factor: int) -> CostModel: ...


def link_types(max_side: int) -> list[LinkType]:
    """1-0, 0-1 and every a-b with 1 <= a, b <= max_side and a + b <= max_side + 2.

    The a + b bound drops only large many-to-many links (3-4, 4-4), which are rarer in real
    translations than the many-to-one ones and cost the most to score."""
    types: list[LinkType] = [(1, 0), (0, 1)]
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
        self.rows = np.repeat(np.arange(n + 1, dtype=np.int32), self.widths)
        self.cols = (np.arange(int(self.offs[-1])) - self.offs[self.rows] + self.lo[self.rows]).astype(
            np.int32
        )
        # blocks of whole rows of about _BLOCK_CELLS cells (at most _BLOCK_ROWS rows), in order
        self.blocks: list[tuple[int, int]] = []
        row = 0
        while row <= n:
            end = int(np.searchsorted(self.offs, self.offs[row] + _BLOCK_CELLS, side="right")) - 1
            end = min(max(end, row + 1), row + _BLOCK_ROWS, n + 1)
            self.blocks.append((row, end))
            row = end

    def index(self, i: np.ndarray | int, j: np.ndarray | int) -> np.ndarray:
        return self.offs[i] + j - self.lo[i]

    def neighbours(self, s: int, e: int, di: np.ndarray, dj: np.ndarray) -> np.ndarray:
        """Index of cell ``(i + di, j + dj)`` for cells ``s .. e - 1`` and each offset (offsets × cells),
        -1 where it is outside the band."""
        ni, nj = self.rows[s:e] + di[:, None], self.cols[s:e] + dj[:, None]
        inside = (ni >= 0) & (ni <= self.n)
        row = np.where(inside, ni, 0)
        lo = self.lo[row]
        inside &= (nj >= lo) & (nj < self.hi[row])
        return np.where(inside, self.offs[row] + nj - lo, -1)

    def in_row_sums(self, values: np.ndarray, row: int, end: int) -> np.ndarray:
        """Running sums along each row of ``values`` (the cells of rows ``row .. end - 1``), skipping
        each row's first cell: the cost of the 0-1 links from a row's first cell to each cell."""
        firsts = self.offs[row:end] - self.offs[row]
        values = np.array(values, dtype=np.float64)
        values[firsts] = 0.0
        acc = np.cumsum(values)
        return acc - np.repeat(acc[firsts], self.widths[row:end])


class _Sweep:
    """What a pass over a band leaves: the cheapest cost to reach each cell and the link type that
    reaches it (index into ``src_types``, ``len(src_types)`` for a 0-1 link); with a temperature also
    each link's log-weight ``-cost / T`` (float32, rows ``[*src_types, (0, 1)]``, by end cell) and the
    forward log-weight of each cell (log of the summed weights of all paths from (0, 0) to it)."""

    def __init__(self, band: _Band, src_types: list[LinkType], temperature: float | None) -> None:
        cells = int(band.offs[-1])
        self.band, self.src_types = band, src_types
        self.steps = np.array(src_types, dtype=np.int64).reshape(-1, 2)
        self.best = np.full(cells, np.inf)
        # default: a 0-1 link; one byte a cell while there are fewer than 256 types (max_side <= 21)
        self.choice = np.full(cells, len(src_types), dtype=np.min_scalar_type(len(src_types)))
        self.weights = np.empty(
            (len(src_types) + 1, cells if temperature is not None else 0), dtype=np.float32
        )
        self.forward = np.full(cells if temperature is not None else 0, -np.inf)


def _sweep(
    model: CostModel, types: Sequence[LinkType], band: _Band, temperature: float | None = None
) -> _Sweep:
    """Row-by-row DP over the band: the cheapest cost to reach each cell; with a temperature also the
    forward pass of :func:`_posteriors` (same rows, same costs)."""
    if (0, 1) not in types:
        raise ValueError("the search needs 0-1 links")
    out = _Sweep(band, [t for t in types if t[0] > 0], temperature)
    best, choice, forward, offs = out.best, out.choice, out.forward, band.offs
    for row, end in band.blocks:
        s, e = int(offs[row]), int(offs[end])
        cost = np.asarray(
            model.cost(
                [*out.src_types, (0, 1)], band.rows[s:e].astype(np.int64), band.cols[s:e].astype(np.int64)
            ),
            dtype=np.float64,
        )
        pred = band.neighbours(s, e, -out.steps[:, 0], -out.steps[:, 1])
        cost[:-1][pred < 0] = np.inf
        acc = band.in_row_sums(cost[-1], row, end)
        if temperature is not None:
            # the forward pass reads back the float32 weights, so the backward pass sees the same ones
            weights = out.weights[:, s:e]
            weights[:] = cost * (-1.0 / temperature)
            log_acc = band.in_row_sums(weights[-1], row, end)
        for i in range(row, end):
            rs, re_ = int(offs[i]) - s, int(offs[i + 1]) - s
            if i == 0:
                start = np.full(re_ - rs, np.inf)
                start[0] = 0.0
                k = np.zeros(re_ - rs, dtype=np.int64)
            else:
                cand = best[pred[:, rs:re_]]
                cand += cost[:-1, rs:re_]
                k = cand.argmin(axis=0)
                start = cand.min(axis=0)
            if temperature is not None:  # as below, with log-sum-exp of weights for the minimum of costs
                if i == 0:
                    log_start = -start
                else:
                    log_start = np.logaddexp.reduce(forward[pred[:, rs:re_]] + weights[:-1, rs:re_], axis=0)
                log_run = np.logaddexp.accumulate(log_start - log_acc[rs:re_])
                np.add(log_run, log_acc[rs:re_], out=forward[s + rs : s + re_])
            # 0-1 links inside a row: best[j] = min over j' <= j of start[j'] + gap(j'+1 .. j), a running
            # minimum of start - acc where acc is the row's cumulative gap cost (0 at the row's first cell)
            row_acc = acc[rs:re_]
            shifted = np.subtract(start, row_acc, out=start)
            run = np.minimum.accumulate(shifted)
            np.add(run, row_acc, out=best[s + rs : s + re_])
            np.copyto(choice[s + rs : s + re_], k, where=shifted == run, casting="unsafe")
    return out


def _backward(sweep: _Sweep) -> np.ndarray:
    """Backward log-weight of each cell (of all paths from it to (n, m)), from the weights the forward
    pass stored: rows from the last up, the 0-1 links inside a row as a reversed running log-sum-exp."""
    band, weights = sweep.band, sweep.weights
    offs = band.offs
    back = np.full(weights.shape[1], -np.inf)
    for row, end in reversed(band.blocks):
        s, e = int(offs[row]), int(offs[end])
        succ = band.neighbours(s, e, sweep.steps[:, 0], sweep.steps[:, 1])
        gain = np.take_along_axis(weights[:-1], np.maximum(succ, 0), axis=1).astype(np.float64)
        gain[succ < 0] = -np.inf
        log_acc = band.in_row_sums(weights[-1, s:e], row, end)
        for i in range(end - 1, row - 1, -1):
            rs, re_ = int(offs[i]) - s, int(offs[i + 1]) - s
            if i == band.n:
                start = np.full(re_ - rs, -np.inf)
                start[-1] = 0.0
            else:
                start = np.logaddexp.reduce(back[succ[:, rs:re_]] + gain[:, rs:re_], axis=0)
            run = np.logaddexp.accumulate((start + log_acc[rs:re_])[::-1])[::-1]
            back[s + rs : s + re_] = run - log_acc[rs:re_]
    return back


def _posteriors(sweep: _Sweep, path: Path) -> np.ndarray:
    """Posterior probability of each link of ``path`` when the band's paths are weighted by
    ``exp(-cost / T)``: forward weight to its start × its own weight × backward weight from its end,
    over the total.

    A link whose sentences could be grouped or matched differently at little extra cost gets a low
    value; a link with no close competitor a value near 1."""
    band = sweep.band
    points = np.array(path)
    starts = band.index(points[:-1, 0], points[:-1, 1])
    ends = band.index(points[1:, 0], points[1:, 1])
    rows = [
        len(sweep.src_types) if a == 0 else sweep.src_types.index((a, b))
        for a, b in np.diff(points, axis=0).tolist()
    ]
    total = sweep.forward[band.index(band.n, band.m)]
    log_post = sweep.forward[starts] + sweep.weights[rows, ends] + _backward(sweep)[ends] - total
    return np.clip(np.exp(log_post), 0.0, 1.0)


def _search(
    model: CostModel, types: Sequence[LinkType], band: _Band, temperature: float | None
) -> tuple[Path, _Sweep]:
    sweep = _sweep(model, types, band, temperature)
    n, m = model.n, model.m
    if not np.isfinite(sweep.best[band.index(n, m)]):
        raise ValueError("no path through the band")
    skip = len(sweep.src_types)
    path = [(n, m)]
    i, j = n, m
    while i or j:
        c = int(sweep.choice[band.index(i, j)])
        a, b = (0, 1) if c == skip else sweep.src_types[c]
        i, j = i - a, j - b
        path.append((i, j))
    path.reverse()
    return path, sweep


def band_around(path: Path, n: int, m: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Columns within ``width`` rows and columns of the path (each link taken as its full rectangle)."""
    points = np.asarray(path, dtype=np.int64)
    rows = np.arange(n + 1)
    # the path is monotonic: a row's leftmost column is the start of the first link ending at or below it,
    # its rightmost the end of the last link starting at or above it
    lo = points[:-1, 1][np.searchsorted(points[1:, 0], rows, side="left")]
    hi = points[1:, 1][np.searchsorted(points[:-1, 0], rows, side="right") - 1]
    # widen by `width` rows: the column range of a row spans those of its neighbours
    pad_lo = np.concatenate([np.full(width, lo[0]), lo, np.full(width, lo[-1])])
    pad_hi = np.concatenate([np.full(width, hi[0]), hi, np.full(width, hi[-1])])
    win_lo = np.lib.stride_tricks.sliding_window_view(pad_lo, 2 * width + 1).min(axis=1)
    win_hi = np.lib.stride_tricks.sliding_window_view(pad_hi, 2 * width + 1).max(axis=1)
    return np.maximum(win_lo - width, 0), np.minimum(win_hi + width + 1, m + 1)


def project(path: Path, factor: int, n: int, m: int) -> Path:
    """A coarse path in fine coordinates (coarse item k covers fine items k*factor .. k*factor+factor-1),
    each coarse link drawn as the straight line between its corners, a point per fine row."""
    fine = [(min(i * factor, n), min(j * factor, m)) for i, j in path]
    out = [fine[0]]
    for (i0, j0), (i1, j1) in zip(fine, fine[1:], strict=False):
        out.extend((i0 + t, j0 + round(t * (j1 - j0) / (i1 - i0))) for t in range(1, i1 - i0))
        out.append((i1, j1))
    return out


@overload
def align(
    model: CostModel,
    types: Sequence[LinkType],
    temperature: float,
    *,
    width: int = ...,
    factor: int = ...,
    full_cells: int = ...,
) -> tuple[Path, np.ndarray]: ...


@overload
def align(
    model: CostModel,
    types: Sequence[LinkType],
    temperature: None = None,
    *,
    width: int = ...,
    factor: int = ...,
    full_cells: int = ...,
) -> tuple[Path, None]: ...


def align(
    model: CostModel,
    types: Sequence[LinkType],
    temperature: float | None = None,
    *,
    width: int = BAND_WIDTH,
    factor: int = COARSEN_FACTOR,
    full_cells: int = FULL_CELLS,
) -> tuple[Path, np.ndarray | None]:
    """Coarse-to-fine search: the full table at the coarsest level, then bands of half-width
    ``max(width, factor)`` around each projected path. Coarse levels only place the band, so they use
    the link types with at most two items a side. With a ``temperature``, also each link's posterior
    probability over the finest band (:func:`_posteriors`), else None."""
    levels = [model]
    while (levels[-1].n + 1) * (levels[-1].m + 1) > full_cells and min(levels[-1].n, levels[-1].m) > 1:
        levels.append(levels[-1].coarsen(factor))
    coarse_types = [t for t in types if max(t) <= 2]
    top = levels[-1]
    band = _Band(top.n, top.m, np.zeros(top.n + 1, dtype=np.int64), np.full(top.n + 1, top.m + 1))
    path: Path = []
    for level in range(len(levels) - 1, -1, -1):
        fine = levels[level]
        if level < len(levels) - 1:
            lo, hi = band_around(project(path, factor, fine.n, fine.m), fine.n, fine.m, max(width, factor))
            band = _Band(fine.n, fine.m, lo, hi)
        finest = level == 0
        path, sweep = _search(fine, types if finest else coarse_types, band, temperature if finest else None)
    return path, (_posteriors(sweep, path) if temperature is not None else None)
