"""Bead costs: semantic similarity (margin-normalised), a Gale–Church length model and lexical anchors.

Every signal is a vector per sentence, and the vector of a span of sentences is the sum of theirs
(for embeddings: the renormalised mean, Vecalign's combined vectors; for the lexical signal: the
vector of the concatenated text). So one set of formulas scores sentences and, after
:meth:`BeadCosts.coarsen`, blocks of sentences for the coarse-to-fine search.

Span cosines come from the 1-1 dot products: ``dot(X[i-a:i], Y[j-b:j])`` is the sum of an a×b block of
the sentence-level dot matrix, which is computed once per call as one matrix product over the
rectangle around the call's cells and summed with a 2-D prefix sum; span norms come from the dot
products of neighbouring sentences on one side. Cost per call is O(rectangle · dim); cells scattered
over the document (one per bead, for confidences) sum their spans' vectors directly instead.

Bead cost (lower is better), for ``a, b >= 1``, is minus the evidence that the two sides are
translations, plus priors::

    - semantic · sem - lexical · lex + length · len + merge · (a + b - 2)

and 1-0 / 0-1 beads cost ``null``. Evidence is counted per bead, not per sentence (a likelihood
ratio does not grow with the number of sentences), so splitting two good 1-1 beads earns twice
the evidence of merging them into one 2-2, and a merge must pay for itself in similarity.

- ``sem = (cos(X, Y) - t) / (1 - t)`` with ``t = (cos(X, ȳ) + cos(x̄, Y)) / 2``: the cosine's margin over the
  typical similarity of unrelated sentences, scaled by the room above it (Vecalign's normalisation
  ``(1 - cos) / (1 - t)``, turned into a reward). The typical similarity is taken against the other
  side's mean vector, i.e. the mean cosine with all of its sentences, at no extra cost. 0 for
  unrelated text, 1 for identical vectors.
- ``lex``: cosine of the lexical vectors (:mod:`align.lexical`), 0 when either side has no shared feature.
- ``len = δ² / 2`` with ``δ = (l_y - c·l_x) / sqrt(s² · (c·l_x + l_y) / 2)`` (Gale & Church 1993, characters;
  ``c`` is the document's own character ratio, :func:`length_ratio`): minus the log-likelihood of the
  lengths.

On coarse levels an item is a block of sentences: a null bead costs ``null`` per sentence, and the
evidence and merge terms are multiplied by the sentences per item, so a coarse bead weighs as the fine
beads it stands for (without this, skipping a block would cost as little as skipping a sentence and
the coarse path, hence the band, would drift).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .search import BeadType

GC_VARIANCE = 6.8  # Gale & Church's variance of target characters per source character


def length_ratio(src_len: np.ndarray, tgt_len: np.ndarray) -> float:
    """Target characters per source character: the document totals' ratio, kept within a factor
    1.5 of the ratio of median sentence lengths, so that much extra content on one side (a long
    insertion, a one-sentence summary of a page) does not skew it."""
    total = float(tgt_len.sum() / src_len.sum())
    typical = float(np.median(tgt_len) / np.median(src_len))
    return min(max(total, typical / 1.5), typical * 1.5)


@dataclass(frozen=True)
class CostWeights:
    """Weights of the bead cost (see the module docstring). Defaults: the embed method's."""

    semantic: float = 1.0
    lexical: float = 1.0
    length: float = 0.1
    null: float = 0.2
    merge: float = 0.05
    margin: bool = True  # False: the typical similarity is one constant per document (ablation)


class _Side:
    """Prefix sums of one side's span statistics: lengths, vector sums, norms, projections."""

    def __init__(
        self,
        lengths: np.ndarray,
        vectors: list[np.ndarray],
        means: list[np.ndarray | None],
        max_side: int,
        counts: np.ndarray | None = None,
    ):
        self.n = len(lengths)
        self.lengths = lengths
        self.counts = np.ones(self.n) if counts is None else counts  # sentences per item
        self.count_sum = np.concatenate([[0.0], np.cumsum(self.counts)])
        self.vectors = vectors
        self.len_sum = np.concatenate([[0.0], np.cumsum(lengths, dtype=np.float64)])
        # norm[c][a, i] = |sum of vectors i-a .. i-1| for channel c (tiny instead of 0 for empty spans)
        self.norm: list[np.ndarray] = []
        self.proj: list[np.ndarray] = []  # prefix sums of each vector's dot with the other side's mean
        for v, mean in zip(vectors, means, strict=True):
            near = [
                np.concatenate([[0.0], np.cumsum(np.einsum("ij,ij->i", v[k:], v[: self.n - k]))])
                for k in range(max_side)
            ]
            per_a = [np.zeros(self.n + 1)]
            for a in range(1, max_side + 1):
                i = np.arange(a, self.n + 1)
                total = near[0][i] - near[0][i - a]
                for k in range(1, a):
                    total += 2 * (near[k][i - k] - near[k][i - a])
                per_a.append(np.concatenate([np.zeros(min(a, self.n + 1)), np.maximum(total, 0.0)]))
            self.norm.append(np.sqrt(np.maximum(np.stack(per_a), 1e-12)))
            if mean is not None:  # only the semantic channel's margin needs it
                self.proj.append(
                    np.concatenate([[0.0], np.cumsum(np.einsum("ij,j->i", v.astype(np.float64), mean))])
                )
            else:
                self.proj.append(np.zeros(0))

    def span_sums(self, c: int, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """Sums of channel ``c``'s vectors over ``start .. end - 1`` (spans of at most max_side items),
        for a few scattered spans: adds up to max_side gathered rows, without document-size buffers."""
        v = self.vectors[c]
        start, end = np.broadcast_arrays(start, end)
        out = np.zeros((*start.shape, v.shape[1]))
        for k in range(int((end - start).max(initial=0))):
            row = end - 1 - k
            ok = row >= start
            out[ok] += v[row[ok]]
        return out

    def coarse(self, factor: int, means: list[np.ndarray | None], max_side: int) -> _Side:
        starts = np.arange(0, self.n, factor)
        return _Side(
            np.add.reduceat(self.lengths, starts),
            [np.add.reduceat(v, starts, axis=0) for v in self.vectors],
            means,
            max_side,
            np.add.reduceat(self.counts, starts),
        )


def _mean(vectors: np.ndarray) -> np.ndarray:
    return vectors.astype(np.float64).mean(axis=0) if len(vectors) else np.zeros(vectors.shape[1])


class BeadCosts:
    """The cost model the search (:mod:`align.search`) runs on; see the module docstring."""

    def __init__(
        self,
        src: _Side,
        tgt: _Side,
        kinds: list[str],
        weights: CostWeights,
        max_side: int,
        ratio: float,
        means: tuple[list[np.ndarray | None], list[np.ndarray | None]],
    ) -> None:
        self.src, self.tgt, self.kinds, self.weights = src, tgt, kinds, weights
        self.max_side, self.ratio, self._means = max_side, ratio, means
        self.n, self.m = src.n, tgt.n

    @classmethod
    def from_features(
        cls,
        src_lengths: Sequence[float],
        tgt_lengths: Sequence[float],
        channels: Sequence[tuple[np.ndarray, np.ndarray]],
        kinds: Sequence[str],
        weights: CostWeights = CostWeights(),
        max_side: int = 4,
    ) -> BeadCosts:
        """``channels``: (source vectors, target vectors) per signal; ``kinds``: "semantic" or "lexical"."""
        src_len = np.asarray(src_lengths, dtype=np.float64) + 1.0
        tgt_len = np.asarray(tgt_lengths, dtype=np.float64) + 1.0
        # each side's margin is taken against the other side's mean vector (semantic channels only)
        src_means = [_mean(t) if k == "semantic" else None for (_, t), k in zip(channels, kinds, strict=True)]
        tgt_means = [_mean(s) if k == "semantic" else None for (s, _), k in zip(channels, kinds, strict=True)]
        return cls(
            _Side(src_len, [s for s, _ in channels], src_means, max_side),
            _Side(tgt_len, [t for _, t in channels], tgt_means, max_side),
            list(kinds),
            weights,
            max_side,
            length_ratio(src_len, tgt_len),
            (src_means, tgt_means),
        )

    def coarsen(self, factor: int) -> BeadCosts:
        return BeadCosts(
            self.src.coarse(factor, self._means[0], self.max_side),
            self.tgt.coarse(factor, self._means[1], self.max_side),
            self.kinds,
            self.weights,
            self.max_side,
            self.ratio,
            self._means,
        )

    def cost(self, types: Sequence[BeadType], i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Costs of the beads ``src[i-a:i]`` × ``tgt[j-b:j]``, shape (len(types), cells); ``i``, ``j`` are
        1-D (the same cells for every type) or 2-D (a row of cells per type)."""
        w = self.weights
        out = np.empty((len(types), i.shape[-1]))
        for t, (a, b) in enumerate(types):
            if not (a and b):  # a null bead costs `null` per sentence (an item may be a block of them)
                cells = (i[t] if i.ndim == 2 else i) if a else (j[t] if j.ndim == 2 else j)
                side = self.src if a else self.tgt
                out[t] = w.null * side.counts[np.maximum(cells - 1, 0)]
        match = [t for t, (a, b) in enumerate(types) if a and b]
        if not match:
            return out
        if i.ndim == 2:
            i, j = i[match], j[match]
        a = np.array([[types[t][0]] for t in match])
        b = np.array([[types[t][1]] for t in match])
        ia, jb = np.maximum(i - a, 0), np.maximum(j - b, 0)  # span starts, (types, cells)
        total = w.merge * (a + b - 2.0) + np.zeros(ia.shape)
        for c, kind in enumerate(self.kinds):
            src_norm = self.src.norm[c][a, i]
            tgt_norm = self.tgt.norm[c][b, j]
            cos = self._dots(c, i, j, ia, jb) / (src_norm * tgt_norm)
            if kind == "semantic":
                if w.margin:
                    typical = (
                        (self.src.proj[c][i] - self.src.proj[c][ia]) / src_norm
                        + (self.tgt.proj[c][j] - self.tgt.proj[c][jb]) / tgt_norm
                    ) / 2
                else:
                    typical = np.full(cos.shape, float(self._means[0][c] @ self._means[1][c]))
                total -= w.semantic * (cos - typical) / np.maximum(1.0 - typical, 1e-3)
            else:
                total -= w.lexical * cos
        # blocks of sentences (coarse levels) weigh as the fine beads they stand for; 1 at the fine level
        sentences = (
            self.src.count_sum[i] - self.src.count_sum[ia] + self.tgt.count_sum[j] - self.tgt.count_sum[jb]
        )
        total *= sentences / (a + b)
        lx = self.src.len_sum[i] - self.src.len_sum[ia]
        ly = self.tgt.len_sum[j] - self.tgt.len_sum[jb]
        delta2 = (ly - self.ratio * lx) ** 2 / (GC_VARIANCE * np.maximum(self.ratio * lx + ly, 1.0) / 2)
        out[match] = total + w.length * delta2 / 2
        return out

    def _dots(self, c: int, i: np.ndarray, j: np.ndarray, ia: np.ndarray, jb: np.ndarray) -> np.ndarray:
        """Dot products of the span sums ``src[ia:i]`` · ``tgt[jb:j]`` of channel ``c``."""
        r0, r1 = int(ia.min()), int(i.max())
        c0, c1 = int(jb.min()), int(j.max())
        if (r1 - r0) * (c1 - c0) > 4 * ia.size:  # scattered cells (e.g. one per bead): span sums directly
            src, tgt = self.src.span_sums(c, ia, i), self.tgt.span_sums(c, jb, j)
            return np.einsum("...k,...k->...", src, tgt)
        block = np.zeros((r1 - r0 + 1, c1 - c0 + 1))
        if r1 > r0 and c1 > c0:
            # einsum, not BLAS: these rectangles are small, and a threaded BLAS call on a busy machine
            # costs ~40 ms of thread hand-off against ~0.5 ms of work (measured on 2 loaded cores)
            dots = np.einsum("ik,jk->ij", self.src.vectors[c][r0:r1], self.tgt.vectors[c][c0:c1])
            block[1:, 1:] = np.cumsum(np.cumsum(dots, axis=0, dtype=np.float64), axis=1)
        u1, v1, u0, v0 = i - r0, j - c0, ia - r0, jb - c0
        return block[u1, v1] - block[u0, v1] - block[u1, v0] + block[u0, v0]
