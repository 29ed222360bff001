"""The banded coarse-to-fine DP on synthetic cost models with a known best path."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from align.aligner.search import Path, align, band_around, link_types

TYPES = link_types(4)


class LinkModel:
    """Costs from a gold alignment: a link costs 0.01, plus 10 per gold-linked pair its edge splits (per
    sentence of the link), plus the share of its pairs that are not linked, so the gold path is the
    only one with no violation. Items may be groups of sentences (after coarsening): counts are
    summed over groups, so the coarse levels see the same kind of costs."""

    def __init__(
        self, links: np.ndarray, src_size: np.ndarray | None = None, tgt_size: np.ndarray | None = None
    ):
        self.links = links.astype(float)
        self.n, self.m = links.shape
        self.src_size = np.ones(self.n) if src_size is None else src_size
        self.tgt_size = np.ones(self.m) if tgt_size is None else tgt_size
        self.prefix = np.zeros((self.n + 1, self.m + 1))
        self.prefix[1:, 1:] = self.links.cumsum(0).cumsum(1)
        self.row_links = np.concatenate([[0], self.links.sum(1).cumsum()])
        self.col_links = np.concatenate([[0], self.links.sum(0).cumsum()])
        self.src_cum = np.concatenate([[0], self.src_size.cumsum()])
        self.tgt_cum = np.concatenate([[0], self.tgt_size.cumsum()])
        self.cells = 0

    @classmethod
    def from_path(cls, path: Path) -> LinkModel:
        links = np.zeros(path[-1])
        for (i0, j0), (i1, j1) in itertools.pairwise(path):
            links[i0:i1, j0:j1] = 1
        return cls(links)

    def cost(self, types, i, j):
        self.cells += i.size * len(types)
        out = np.zeros((len(types), len(i)))
        for t, (a, b) in enumerate(types):
            ia, jb = np.maximum(i - a, 0), np.maximum(j - b, 0)
            inside = self.prefix[i, j] - self.prefix[ia, j] - self.prefix[i, jb] + self.prefix[ia, jb]
            outgoing = (
                self.row_links[i] - self.row_links[ia] + self.col_links[j] - self.col_links[jb] - 2 * inside
            )
            pairs = (self.src_cum[i] - self.src_cum[ia]) * (self.tgt_cum[j] - self.tgt_cum[jb])
            size = self.src_cum[i] - self.src_cum[ia] + self.tgt_cum[j] - self.tgt_cum[jb]
            out[t] = 0.01 + 10 * outgoing / np.maximum(size, 1) + (pairs - inside) / np.maximum(pairs, 1)
        return out

    def coarsen(self, factor: int) -> LinkModel:
        rows, cols = np.arange(0, self.n, factor), np.arange(0, self.m, factor)
        links = np.add.reduceat(np.add.reduceat(self.links, rows, axis=0), cols, axis=1)
        return LinkModel(links, np.add.reduceat(self.src_size, rows), np.add.reduceat(self.tgt_size, cols))


def random_path(rng: np.random.Generator, steps: int, kinds: list[tuple[int, int]]) -> Path:
    """A path of random links; a 1-1 follows every null link, since 1-0 then 0-1 and 0-1 then 1-0
    are equally good and either may come out."""
    path = [(0, 0)]
    for _ in range(steps):
        a, b = kinds[rng.integers(len(kinds))]
        path.append((path[-1][0] + a, path[-1][1] + b))
        if a == 0 or b == 0:
            path.append((path[-1][0] + 1, path[-1][1] + 1))
    return path


def reference_dp(model, types, n: int, m: int) -> float:
    """Plain O(n·m·T) DP over the whole table, one cell at a time: the cost of the best path."""
    best = np.full((n + 1, m + 1), np.inf)
    best[0, 0] = 0
    for i in range(n + 1):
        for j in range(m + 1):
            for a, b in types:
                if (i, j) != (0, 0) and i >= a and j >= b:
                    c = model.cost([(a, b)], np.array([i]), np.array([j]))[0, 0]
                    best[i, j] = min(best[i, j], best[i - a, j - b] + c)
    return best[n, m]


def path_cost(model, path: Path) -> float:
    return sum(
        model.cost([(i1 - i0, j1 - j0)], np.array([i1]), np.array([j1]))[0, 0]
        for (i0, j0), (i1, j1) in itertools.pairwise(path)
    )


def test_link_types():
    assert link_types(2) == [(1, 0), (0, 1), (1, 1), (1, 2), (2, 1), (2, 2)]
    four = link_types(4)
    assert (1, 4) in four and (4, 1) in four and (3, 3) in four and (3, 4) not in four


def test_recovers_known_path_with_merges_splits_and_nulls():
    rng = np.random.default_rng(1)
    gold = random_path(rng, 120, [(1, 1), (1, 1), (1, 1), (2, 1), (1, 2), (1, 0), (0, 1), (1, 3), (2, 2)])
    kinds = {(i1 - i0, j1 - j0) for (i0, j0), (i1, j1) in itertools.pairwise(gold)}
    assert {(2, 1), (1, 2), (1, 0), (0, 1)} <= kinds
    path = align(LinkModel.from_path(gold), TYPES, full_cells=400)[0]  # several coarse levels
    assert path == gold


def test_band_follows_an_off_diagonal_path():
    # 300 target sentences inserted after 40 source sentences: the real path leaves the diagonal far behind
    gold = [(k, k) for k in range(41)] + [(40, 40 + k) for k in range(1, 301)]
    gold += [(40 + k, 340 + k) for k in range(1, 61)]
    model = LinkModel.from_path(gold)
    assert align(model, TYPES, width=4, full_cells=500)[0] == gold
    assert model.cells < 0.2 * 101 * 401 * len(TYPES)  # a band, not the table


def test_very_unequal_sides():
    gold = [(0, 0)]
    for _ in range(50):  # every source sentence translated as four target sentences
        gold.append((gold[-1][0] + 1, gold[-1][1] + 4))
    assert align(LinkModel.from_path(gold), TYPES, full_cells=300)[0] == gold


def test_the_whole_table_matches_plain_dp_on_random_costs():
    rng = np.random.default_rng(7)

    class RandomModel:
        n, m = 9, 12
        table = rng.random((len(TYPES), 10, 13)) * 3

        def cost(self, types, i, j):
            return np.stack([self.table[TYPES.index(t)][i, j] for t in types])

    model = RandomModel()
    path = align(model, TYPES, full_cells=10_000)[0]  # small enough to be searched whole
    assert path[0] == (0, 0) and path[-1] == (9, 12)
    steps = {(i1 - i0, j1 - j0) for (i0, j0), (i1, j1) in itertools.pairwise(path)}
    assert steps <= set(TYPES)  # monotonic, each step a link type
    assert path_cost(model, path) == pytest.approx(reference_dp(model, TYPES, 9, 12))


def test_work_grows_linearly_with_length():
    def cells(length: int) -> int:
        rng = np.random.default_rng(3)
        gold = random_path(rng, length, [(1, 1), (1, 1), (1, 2), (2, 1), (0, 1)])
        model = LinkModel.from_path(gold)
        assert align(model, TYPES)[0] == gold
        return model.cells

    small, large = cells(400), cells(1600)
    assert 3.0 < large / small < 5.0  # 4 times the length: about 4 times the cells, not 16


def test_posteriors_high_on_clear_path_and_split_on_a_tie():
    gold = [(k, k) for k in range(30)]
    model = LinkModel.from_path(gold)
    path, post = align(model, TYPES, 0.05)
    assert path == gold and post.shape == (29,) and (post > 0.99).all()

    class Tie(LinkModel):
        """Sentence 10 of the source may equally be its own 1-1 link or join the 1-1 before it."""

        def cost(self, types, i, j):
            out = super().cost(types, i, j)
            for t, (a, b) in enumerate(types):
                if (a, b) == (2, 1):
                    out[t] = np.where((i == 11) & (j == 10), 0.01, out[t])
                if (a, b) == (1, 0):
                    out[t] = np.where(i == 11, 0.0, out[t])
            return out

    links = np.zeros((31, 30))
    for k in range(30):
        links[k if k < 10 else k + 1, k] = 1
    tie = Tie(links)
    path, post = align(tie, TYPES, 0.05)
    # either the 1-0 link or the 2-1 link ends at (11, 10); each is the better path half the time
    assert 0.4 < post[path.index((11, 10)) - 1] < 0.6


def test_posteriors_equal_brute_force_enumeration():
    # every monotonic path of a small random problem, weighted by exp(-cost / T): a link's posterior is
    # the weight of the paths through it over the total
    rng = np.random.default_rng(4)
    types = link_types(2)
    table = rng.random((len(types), 5, 6)) * 2

    class Small:
        n, m = 4, 5

        def cost(self, types_, i, j):
            return np.stack([table[types.index(t)][i, j] for t in types_])

    def paths(i: int, j: int):
        if (i, j) == (0, 0):
            yield [(0, 0)], 0.0
            return
        for t, (a, b) in enumerate(types):
            if i >= a and j >= b:
                for p, c in paths(i - a, j - b):
                    yield [*p, (i, j)], c + table[t][i, j]

    temperature = 0.7
    every = list(paths(4, 5))
    weights = np.exp(-np.array([c for _, c in every]) / temperature)
    path, post = align(Small(), types, temperature)
    assert path == min(every, key=lambda pc: pc[1])[0]
    for k, link in enumerate(itertools.pairwise(path)):
        through = sum(w for (p, _), w in zip(every, weights, strict=True) if link in itertools.pairwise(p))
        assert post[k] == pytest.approx(through / weights.sum(), rel=1e-4)


def test_band_around_covers_each_link_and_its_neighbourhood():
    rng = np.random.default_rng(9)
    for _ in range(20):
        path = random_path(rng, 40, [(1, 1), (2, 1), (1, 3), (0, 1), (1, 0), (2, 2)])
        n, m = path[-1]
        lo, hi = band_around(path, n, m, 2)
        ref_lo, ref_hi = np.full(n + 1, m), np.zeros(n + 1, dtype=int)
        for (i0, j0), (i1, j1) in itertools.pairwise(path):
            ref_lo[i0 : i1 + 1] = np.minimum(ref_lo[i0 : i1 + 1], j0)
            ref_hi[i0 : i1 + 1] = np.maximum(ref_hi[i0 : i1 + 1], j1)
        for i in range(n + 1):
            near = slice(max(i - 2, 0), i + 3)
            assert lo[i] == max(ref_lo[near].min() - 2, 0)
            assert hi[i] == min(ref_hi[near].max() + 3, m + 1)
