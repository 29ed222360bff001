"""Word translation model trained by EM on one document set: IBM model 2 with fast_align's diagonal
prior (Dyer, Chahuneau & Smith 2013), in both directions over the same candidate pairs.

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


def posteriors(
    pairs: Pairs, prior: np.ndarray, affinity: np.ndarray, forward: bool, params: Params
) -> np.ndarray:
    """P(the row's pair is linked) for one direction after EM: forward, each target position picks a
    source position or NULL; backward, each source position picks a target one. ``prior`` holds the
    pseudo-counts of each cell for this direction; ``affinity`` multiplies each cell's score in every
    E-step (a product of experts: the learnt table and the priors), which lets a known pair win
    against the diagonal when a clause is moved."""
    group = pairs.tgt if forward else pairs.src
    n_groups = pairs.n_tgt if forward else pairs.n_src
    given = pairs.cell_e if forward else pairs.cell_f  # the conditioning word of each cell
    picked_ids = pairs.tgt_ids if forward else pairs.src_ids  # the word each group position holds
    n_given = int(given.max()) + 1 if len(given) else 0
    n_picked = int(picked_ids.max()) + 1 if len(picked_ids) else 0

    weight = np.exp(params.diagonal * pairs.diag.astype(np.float64))
    boost = (1.0 + affinity)[pairs.cell]
    weight *= (1.0 - params.p_null) / np.maximum(np.bincount(group, weight, n_groups), 1e-300)[group]
    cells_per_word = np.bincount(given, minlength=n_given).astype(np.float64)
    table = (1.0 + prior) / np.bincount(given, 1.0 + prior, n_given)[given]  # t(picked | given)
    null = np.full(n_picked, 1.0 / max(n_picked, 1))  # t(picked | NULL)
    post = np.zeros(len(group))
    for _ in range(params.iterations):
        score = table[pairs.cell] * weight * boost
        null_score = params.p_null * null[picked_ids]
        total = np.bincount(group, score, n_groups) + null_score
        post = score / total[group]
        null_post = null_score / total
        counts = np.bincount(pairs.cell, post, len(table)) + prior
        norm = np.bincount(given, counts, n_given)
        alpha = params.alpha
        table = np.exp(digamma(counts + alpha) - digamma(norm + alpha * cells_per_word)[given])
        null_counts = np.bincount(picked_ids, null_post, n_picked) + alpha
        null = null_counts / null_counts.sum()
    score = table[pairs.cell] * weight * boost
    total = np.bincount(group, score, n_groups) + params.p_null * null[picked_ids]
    post = score / total[group]
    return post.astype(np.float32)


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
    )
    return coarse, carried
