"""Word translation model trained by EM on one document set, in both directions over the same
candidate pairs: the HMM alignment model (:mod:`.hmm`), or IBM model 2 with fast_align's diagonal prior
(Dyer, Chahuneau & Smith 2013) for comparison (``Params(hmm=False)``).

Every (source position, target position) pair of every unit is one row of flat arrays, so each EM
step is a few vectorised passes whatever the number of units. A row's *cell* is its (source word,
target word) vocabulary pair; the translation tables live on cells, and the priors enter as Dirichlet
pseudo-counts on cells, so a pair seen once in 40 sentences but known from a lexicon or spelt alike
still wins. Updates are variational Bayes (fast_align's ``-v``): with a small concentration ``alpha``
rare words do not spread their mass over everything they co-occur with ("garbage collection").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import hmm
from .params import Params


@dataclass
class Pairs:
    """All candidate (source position, target position) pairs of a set of units, flat."""

    src: np.ndarray  # global source position of the row
    tgt: np.ndarray  # global target position of the row
    cell: np.ndarray  # index into the cell arrays
    diag: np.ndarray  # -|relative source position - relative target position|
    cell_e: np.ndarray  # source vocabulary id of each cell
    cell_f: np.ndarray  # target vocabulary id of each cell
    n_src: int  # source positions in all units
    n_tgt: int
    src_ids: np.ndarray  # vocabulary id of each global source position
    tgt_ids: np.ndarray
    offsets: np.ndarray  # row offset of each unit (len units + 1); a unit's rows are row-major (i, j)
    src_len: np.ndarray  # words on each unit's source side
    tgt_len: np.ndarray


def build_pairs(units: Sequence[tuple[np.ndarray, np.ndarray]], n_tgt_vocab: int) -> Pairs:
    """Rows for every pair of positions of every unit (units of vocabulary ids)."""
    sizes = np.array([len(s) * len(t) for s, t in units], dtype=np.int64)
    offsets = np.zeros(len(units) + 1, dtype=np.int64)
    np.cumsum(sizes, out=offsets[1:])
    total = int(offsets[-1])
    src = np.empty(total, dtype=np.int32)
    tgt = np.empty(total, dtype=np.int32)
    diag = np.empty(total, dtype=np.float32)
    src_base = tgt_base = 0
    for (s, t), lo, hi in zip(units, offsets[:-1], offsets[1:], strict=True):
        m, n = len(s), len(t)
        if m and n:
            src[lo:hi] = np.repeat(np.arange(src_base, src_base + m, dtype=np.int32), n)
            tgt[lo:hi] = np.tile(np.arange(tgt_base, tgt_base + n, dtype=np.int32), m)
            rel_s = (np.arange(m, dtype=np.float32) + 0.5) / m
            rel_t = (np.arange(n, dtype=np.float32) + 0.5) / n
            diag[lo:hi] = -np.abs(rel_s[:, None] - rel_t[None, :]).ravel()
        src_base += m
        tgt_base += n
    empty = np.zeros(0, dtype=np.int32)
    src_ids = np.concatenate([s for s, _ in units]).astype(np.int32) if units else empty
    tgt_ids = np.concatenate([t for _, t in units]).astype(np.int32) if units else empty
    key = src_ids[src].astype(np.int64) * max(n_tgt_vocab, 1) + tgt_ids[tgt]
    cells, cell = np.unique(key, return_inverse=True)
    return Pairs(
        src=src,
        tgt=tgt,
        cell=cell.astype(np.int32),
        diag=diag,
        cell_e=(cells // max(n_tgt_vocab, 1)).astype(np.int32),
        cell_f=(cells % max(n_tgt_vocab, 1)).astype(np.int32),
        n_src=src_base,
        n_tgt=tgt_base,
        src_ids=src_ids,
        tgt_ids=tgt_ids,
        offsets=offsets,
        src_len=np.array([len(s) for s, _ in units], dtype=np.int64),
        tgt_len=np.array([len(t) for _, t in units], dtype=np.int64),
    )


def digamma(x: np.ndarray) -> np.ndarray:
    """ψ(x) for x > 0: recurrence up to 6, then the asymptotic series (as fast_align computes it)."""
    x = np.array(x, dtype=np.float64)
    out = np.zeros_like(x)
    for _ in range(6):
        small = x < 6
        if not small.any():
            break
        out[small] -= 1.0 / x[small]
        x[small] += 1.0
    inv = 1.0 / x
    inv2 = inv * inv
    return out + np.log(x) - 0.5 * inv - inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 / 252))


class Direction:
    """One direction of the model: forward, each target position picks a source position or NULL;
    backward, each source position picks a target one. ``prior`` holds the pseudo-counts of each cell;
    ``affinity`` multiplies each cell's score in every E-step (a product of experts: the learnt table
    and the priors), which lets a known pair win against the diagonal when a clause is moved."""

    def __init__(
        self, pairs: Pairs, prior: np.ndarray, affinity: np.ndarray, forward: bool, params: Params
    ) -> None:
        self.pairs, self.prior, self.params = pairs, prior, params
        self.group = pairs.tgt if forward else pairs.src
        self.n_groups = pairs.n_tgt if forward else pairs.n_src
        self.given = pairs.cell_e if forward else pairs.cell_f  # the conditioning word of each cell
        self.picked = pairs.tgt_ids if forward else pairs.src_ids  # the word each group position holds
        self.n_given = int(self.given.max()) + 1 if len(self.given) else 0
        self.n_picked = int(self.picked.max()) + 1 if len(self.picked) else 0
        self.boost = (1.0 + affinity)[pairs.cell]
        if not params.hmm:
            weight = np.exp(params.diagonal * pairs.diag.astype(np.float64))
            weight /= np.maximum(np.bincount(self.group, weight, self.n_groups), 1e-300)[self.group]
            self.weight = weight * (1.0 - params.p_null) * self.boost
        else:
            self.batches = hmm.batches(pairs.offsets, pairs.src_len, pairs.tgt_len, forward)
            d = np.arange(-hmm.MAX_JUMP, hmm.MAX_JUMP + 1)
            self.jump = np.exp(-np.abs(d - 1.0))  # before any count: mostly the next word
            self.jump /= self.jump.sum()
        self.cells_per_word = np.bincount(self.given, minlength=self.n_given).astype(np.float64)
        self.table = (1.0 + prior) / np.bincount(self.given, 1.0 + prior, self.n_given)[self.given]
        self.null = np.full(self.n_picked, 1.0 / max(self.n_picked, 1))  # t(picked | NULL)
        self.null_post = np.zeros(self.n_groups)

    def expect(self) -> np.ndarray:
        """E-step: the posterior of every row (and, kept, of every position choosing NULL)."""
        if self.params.hmm:
            score = self.table[self.pairs.cell] * self.boost
            post, self.null_post, self.jump_counts = hmm.expect(
                self.batches, score, self.null[self.picked], self.jump, self.params.p_null
            )
            return post
        score = self.table[self.pairs.cell] * self.weight
        null_score = self.params.p_null * self.null[self.picked]
        total = np.bincount(self.group, score, self.n_groups) + null_score
        self.null_post = null_score / total
        return score / total[self.group]

    def maximise(self, post: np.ndarray) -> None:
        """M-step (variational Bayes) from row posteriors."""
        alpha = self.params.alpha
        counts = np.bincount(self.pairs.cell, post, len(self.table)) + self.prior
        norm = np.bincount(self.given, counts, self.n_given)
        self.table = np.exp(digamma(counts + alpha) - digamma(norm + alpha * self.cells_per_word)[self.given])
        null_counts = np.bincount(self.picked, self.null_post, self.n_picked) + alpha
        self.null = null_counts / null_counts.sum()
        if self.params.hmm:
            counts = self.jump_counts + 1.0
            self.jump = counts / counts.sum()


def train(
    pairs: Pairs, fwd: tuple[np.ndarray, np.ndarray], bwd: tuple[np.ndarray, np.ndarray], params: Params
) -> tuple[np.ndarray, np.ndarray]:
    """Both directions' row posteriors after EM, each given as (prior, affinity). With
    ``params.agreement`` the two learn from the product of their posteriors (Liang, Taskar & Klein
    2006, "Alignment by agreement"): a link counts only as much as both directions believe it, which
    keeps a rare word from soaking up its neighbours in one direction."""
    forward = Direction(pairs, *fwd, True, params)
    backward = Direction(pairs, *bwd, False, params)
    for _ in range(params.iterations):
        post_f, post_b = forward.expect(), backward.expect()
        if params.agreement:
            post_f = post_b = np.sqrt(post_f * post_b)
        forward.maximise(post_f)
        backward.maximise(post_b)
    return forward.expect().astype(np.float32), backward.expect().astype(np.float32)


def coarsen(
    pairs: Pairs, src_class: np.ndarray, tgt_class: np.ndarray, cell_values: list[np.ndarray]
) -> tuple[Pairs, list[np.ndarray]]:
    """The same rows with words merged into classes (word id -> class id: a word's first letters, so
    "guvernul" and "guvernului" share their counts), and per-cell values (the priors) carried over as
    the largest value of the word pairs a class pair holds."""
    n_f = int(tgt_class.max()) + 1 if len(tgt_class) else 1
    key = src_class[pairs.cell_e].astype(np.int64) * n_f + tgt_class[pairs.cell_f]
    cells, inverse = np.unique(key, return_inverse=True)
    carried = []
    for values in cell_values:
        out = np.zeros(len(cells))
        np.maximum.at(out, inverse, values)
        carried.append(out)
    coarse = Pairs(
        src=pairs.src,
        tgt=pairs.tgt,
        cell=inverse.astype(np.int32)[pairs.cell],
        diag=pairs.diag,
        cell_e=(cells // n_f).astype(np.int32),
        cell_f=(cells % n_f).astype(np.int32),
        n_src=pairs.n_src,
        n_tgt=pairs.n_tgt,
        src_ids=src_class[pairs.src_ids].astype(np.int32),
        tgt_ids=tgt_class[pairs.tgt_ids].astype(np.int32),
        offsets=pairs.offsets,
        src_len=pairs.src_len,
        tgt_len=pairs.tgt_len,
    )
    return coarse, carried
