"""Link costs: semantic similarity (margin-normalised), a Gale–Church length model and lexical anchors.

Every signal is a vector per sentence, and the vector of a span of sentences is the sum of theirs
(for embeddings: the renormalised mean, Vecalign's combined vectors; for the lexical signal: the
vector of the concatenated text). So one set of formulas scores sentences and, after
:meth:`LinkCosts.coarsen`, blocks of sentences for the coarse-to-fine search.

Span cosines come from the 1-1 dot products: ``dot(X[i-a:i], Y[j-b:j])`` is the sum of an a×b block of
the sentence-level dot matrix, which is computed once per call over the rectangle around the call's
cells (a row band of the search) and summed with a 2-D prefix sum; span norms come from the dot
products of neighbouring sentences on one side. A channel is dense (:class:`DenseRows`, embeddings) or
sparse (:class:`align.aligner.lexical.SparseRows`, the lexical features: a dozen per sentence, so memory is
~100 bytes a sentence and a dot product touches only shared features). Cost per call is
O(rectangle · dim) for dense channels and O(shared feature pairs) for sparse ones.

Link cost (lower is better), for ``a, b >= 1``, is minus the evidence that the two sides are
translations, plus priors::

    - semantic · sem - lexical · lex + length · len + merge · (a + b - 2)

plus, for a merge (a or b > 1), ``part · max(0, part_floor - gain)`` for each end sentence of a side
with several, ``gain`` being what that sentence adds to the link's evidence and length fit
(:meth:`LinkCosts._parts`: a merge must be earned by its sentences, so an omission is not swallowed by
one), and 1-0 / 0-1 links cost ``null`` (less for a line with next to no words: :func:`null_weights`).
Evidence is counted per link, not per sentence (a likelihood ratio does not grow with the number of
sentences), so splitting two good 1-1 links earns twice the evidence of merging them into one 2-2,
and a merge must pay for itself in similarity.

- ``sem = (cos(X, Y) - t) / (1 - t)`` with ``t = (cos(X, ȳ) + cos(x̄, Y)) / 2``: the cosine's margin over the
  typical similarity of unrelated sentences, scaled by the room above it (Vecalign's normalisation
  ``(1 - cos) / (1 - t)``, turned into a reward). The typical similarity is taken against the other
  side's mean vector, i.e. the mean cosine with all of its sentences, at no extra cost. 0 for
  unrelated text, 1 for identical vectors.
- ``lex``: cosine of the lexical vectors (:mod:`align.aligner.lexical`), 0 when either side has no
shared feature.
- ``len = δ² / 2`` with ``δ = (l_y - c·l_x) / sqrt(s² · (c·l_x + l_y) / 2)`` (Gale & Church 1993, characters;
  ``c`` is the document's own character ratio, :func:`length_ratio`): minus the log-likelihood of the
  lengths.

On coarse levels an item is a block of sentences: a null link costs ``null`` per sentence, and the
evidence and merge terms are multiplied by the sentences per item, so a coarse link weighs as the fine
links it stands for (without this, skipping a block would cost as little as skipping a sentence and
the coarse path, hence the band, would drift).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, Self

import numpy as np

from .lexical import SparseRows
from .search import LinkType

GC_VARIANCE = 6.8  # Gale & Church's variance of target characters per source character
NULL_CONTENT = 10  # word characters from which a sentence's null link costs the full `null`
# Most the document totals' length ratio may stray from the median sentences': a guard, not tuned.
RATIO_SPREAD = 1.5
_EMPTY_NORM = 1e-12  # an empty span's norm: tiny instead of 0, so its cosines are 0, not NaN
_MIN_ROOM = 1e-3  # floor of the margin's room above the typical cosine: a numerical guard, not tuned


def length_ratio(src_len: np.ndarray, tgt_len: np.ndarray) -> float:
    """Target characters per source character: the document totals' ratio, kept within a factor
    RATIO_SPREAD of the ratio of median sentence lengths, so that much extra content on one side (a
    long insertion, a one-sentence summary of a page) does not skew it."""
    total = float(tgt_len.sum() / src_len.sum())
    typical = float(np.median(tgt_len) / np.median(src_len))
    return min(max(total, typical / RATIO_SPREAD), typical * RATIO_SPREAD)


@dataclass(frozen=True)
class CostWeights:
    """Weights of the link cost (see the module docstring). Defaults: the embed method's."""

    semantic: float = 1.0
    lexical: float = 1.0
    length: float = 0.1
    null: float = 0.2
    merge: float = 0.05
    part: float = 2.0  # per end sentence of a merge that adds less than `part_floor` (`LinkCosts._parts`)
    part_floor: float = -0.05
    margin: bool = True  # False: the typical similarity is one constant per document (ablation)
    content_nulls: bool = True  # False: every null link costs `null`, whatever the line holds (ablation)


class Rows(Protocol):
    """A channel's vectors, one per row (sentence or block of sentences): what :class:`LinkCosts`
    needs of them. ``other`` is always the other side of the same channel, of the same class."""

    def coarse(self, starts: np.ndarray) -> Self: ...

    def pair_dots(self, other: Self, p: np.ndarray, q: np.ndarray) -> np.ndarray: ...

    def block_dots(self, other: Self, r0: int, r1: int, c0: int, c1: int) -> np.ndarray: ...


class DenseRows:
    """Dense vectors, one per row (sentence embeddings), with the operations :class:`LinkCosts` needs
    of a channel; :class:`align.aligner.lexical.SparseRows` is the sparse counterpart."""

    _CHUNK = 1 << 14  # rows gathered at once by pair_dots (bounds its working memory)

    def __init__(self, matrix: np.ndarray) -> None:
        self.matrix = np.asarray(matrix, dtype=np.float32)

    def coarse(self, starts: np.ndarray) -> DenseRows:
        return DenseRows(np.add.reduceat(self.matrix, starts, axis=0))

    def pair_dots(self, other: DenseRows, p: np.ndarray, q: np.ndarray) -> np.ndarray:
        out = np.empty(len(p))
        for k in range(0, len(p), self._CHUNK):
            rows, cols = self.matrix[p[k : k + self._CHUNK]], other.matrix[q[k : k + self._CHUNK]]
            out[k : k + self._CHUNK] = np.einsum("ij,ij->i", rows, cols)
        return out

    def block_dots(self, other: DenseRows, r0: int, r1: int, c0: int, c1: int) -> np.ndarray:
        # einsum, not BLAS: these rectangles are small, and a threaded BLAS call on a busy machine
        # costs ~40 ms of thread hand-off against ~0.5 ms of work (measured on 2 loaded cores)
        return np.einsum("ik,jk->ij", self.matrix[r0:r1], other.matrix[c0:c1])


Spans = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]  # ((ia, i), (jb, j)) per cell


def _spans(prefix: np.ndarray, max_side: int) -> np.ndarray:
    """``out[a, i] = prefix[i] - prefix[i - a]``: the sum over the ``a`` items before ``i`` (over all
    of them when fewer)."""
    i = np.arange(len(prefix))
    return np.stack([prefix - prefix[np.maximum(i - a, 0)] for a in range(max_side + 1)])


class _Side:
    """One side's span statistics, ``spans[k, a, i]`` for the span of items ``i-a .. i-1``: total length
    (k = 0), sentences (k = 1), null-link weight (k = 2, the sum of :func:`null_weights`), and per
    channel the norm of the span's vector sum and, for the semantic margin, its dot product with the
    other side's mean (rows ``norm_row[c]``, ``proj_row[c]``). One gather serves every statistic and
    link type of a call; float32, as costs need no more precision."""

    def __init__(
        self,
        lengths: np.ndarray,
        vectors: list[Rows],
        means: list[np.ndarray | None],
        max_side: int,
        nulls: np.ndarray,
        counts: np.ndarray | None = None,
    ):
        self.n = len(lengths)
        self.lengths, self.vectors, self.nulls = lengths, vectors, nulls
        self.counts = counts  # sentences per item; None: one each (the fine level)
        self.open_ended = np.zeros(self.n, dtype=bool)  # per sentence (fine level): leads into the next
        stats = [
            _spans(np.concatenate([[0.0], np.cumsum(v, dtype=np.float64)]), max_side)
            for v in (lengths, np.ones(self.n) if counts is None else counts, nulls)
        ]
        self.norm_row: list[int] = []
        self.proj_row: list[int] = []
        for v, mean in zip(vectors, means, strict=True):
            # |sum of vectors i-a .. i-1| from the dot products of items at most max_side - 1 apart
            near = [
                np.concatenate(
                    [[0.0], np.cumsum(v.pair_dots(v, np.arange(k, self.n), np.arange(self.n - k)))]
                )
                for k in range(max_side)
            ]
            per_a = [np.zeros(self.n + 1)]
            for a in range(1, max_side + 1):
                i = np.arange(a, self.n + 1)
                total = near[0][i] - near[0][i - a]
                for k in range(1, a):
                    total += 2 * (near[k][i - k] - near[k][i - a])
                per_a.append(np.concatenate([np.zeros(min(a, self.n + 1)), np.maximum(total, 0.0)]))
            self.norm_row.append(len(stats))
            stats.append(np.sqrt(np.maximum(np.stack(per_a), _EMPTY_NORM)))
            self.proj_row.append(len(stats))
            if mean is not None:  # only the semantic channel's margin needs it
                assert isinstance(v, DenseRows)  # a semantic channel is dense (_mean checked it)
                dots = np.einsum("ij,j->i", v.matrix.astype(np.float64), mean)
                stats.append(_spans(np.concatenate([[0.0], np.cumsum(dots)]), max_side))
        self.spans = np.stack(stats).astype(np.float32)  # float32: gathers and arithmetic ~12% faster

    def coarse(self, factor: int, means: list[np.ndarray | None], max_side: int) -> _Side:
        starts = np.arange(0, self.n, factor)
        counts = np.ones(self.n) if self.counts is None else self.counts
        return _Side(
            np.add.reduceat(self.lengths, starts),
            [v.coarse(starts) for v in self.vectors],
            means,
            max_side,
            np.add.reduceat(self.nulls, starts),
            np.add.reduceat(counts, starts),
        )


def null_weights(content: Sequence[int]) -> np.ndarray:
    """Share of the full ``null`` cost for leaving each sentence unaligned, from its letters and digits:
    ``min(1, content / NULL_CONTENT)``. A line with (almost) no words, such as page furniture, an OCR
    fragment or a separator, translates nothing, so skipping it should cost (almost) nothing; with the
    full cost it is cheaper to tuck it into a neighbouring link, which it makes wrong."""
    return np.minimum(np.asarray(content, dtype=np.float64) / NULL_CONTENT, 1.0)


def _rows(vectors: np.ndarray | SparseRows) -> Rows:
    return vectors if isinstance(vectors, SparseRows) else DenseRows(vectors)


def _mean(vectors: Rows) -> np.ndarray:
    if not isinstance(vectors, DenseRows):
        raise TypeError("a semantic channel needs dense vectors")
    matrix = vectors.matrix
    return matrix.astype(np.float64).mean(axis=0) if len(matrix) else np.zeros(matrix.shape[1])


class LinkCosts:
    """The cost model the search (:mod:`align.aligner.search`) runs on; see the module docstring."""

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
        channels: Sequence[tuple[np.ndarray | SparseRows, np.ndarray | SparseRows]],
        kinds: Sequence[str],
        weights: CostWeights = CostWeights(),
        max_side: int = 4,
        content: tuple[Sequence[int], Sequence[int]] | None = None,
        open_ended: tuple[Sequence[bool], Sequence[bool]] | None = None,
    ) -> LinkCosts:
        """``channels``: (source vectors, target vectors) per signal, dense (one row per sentence) or
        sparse; ``kinds``: "semantic" (dense only) or "lexical"; ``content``: word characters per
        sentence of each side (:func:`null_weights`; None: every null link costs ``null``);
        ``open_ended``: per sentence, whether it leads into the next (ends with ":", see :meth:`_parts`)."""
        rows = [(_rows(s), _rows(t)) for s, t in channels]
        if content is None or not weights.content_nulls:
            content = ([NULL_CONTENT] * len(src_lengths), [NULL_CONTENT] * len(tgt_lengths))
        src_len = np.asarray(src_lengths, dtype=np.float64) + 1.0
        tgt_len = np.asarray(tgt_lengths, dtype=np.float64) + 1.0
        # each side's margin is taken against the other side's mean vector (semantic channels only)
        src_means = [_mean(t) if k == "semantic" else None for (_, t), k in zip(rows, kinds, strict=True)]
        tgt_means = [_mean(s) if k == "semantic" else None for (s, _), k in zip(rows, kinds, strict=True)]
        model = cls(
            _Side(src_len, [s for s, _ in rows], src_means, max_side, null_weights(content[0])),
            _Side(tgt_len, [t for _, t in rows], tgt_means, max_side, null_weights(content[1])),
            list(kinds),
            weights,
            max_side,
            length_ratio(src_len, tgt_len),
            (src_means, tgt_means),
        )
        if open_ended is not None:
            model.src.open_ended, model.tgt.open_ended = (np.asarray(x, dtype=bool) for x in open_ended)
        return model

    def coarsen(self, factor: int) -> LinkCosts:
        return LinkCosts(
            self.src.coarse(factor, self._means[0], self.max_side),
            self.tgt.coarse(factor, self._means[1], self.max_side),
            self.kinds,
            self.weights,
            self.max_side,
            self.ratio,
            self._means,
        )

    def cost(self, types: Sequence[LinkType], i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Costs of the links ``src[i-a:i]`` × ``tgt[j-b:j]``, shape (len(types), len(i))."""
        w = self.weights
        out = np.empty((len(types), len(i)))
        for t, (na, nb) in enumerate(types):
            if not (na and nb):  # `null` per sentence (an item may be a block), less for a wordless line
                out[t] = w.null * (self.src.spans[2, 1, i] if na else self.tgt.spans[2, 1, j])
        match = [t for t, (a, b) in enumerate(types) if a and b]
        if not match:
            return out
        a = np.array([types[t][0] for t in match])
        b = np.array([types[t][1] for t in match])
        xs = self.src.spans[:, :, i][:, a]  # (statistic, type, cell); two steps: ~5x faster than one
        ys = self.tgt.spans[:, :, j][:, b]
        ia, jb = np.maximum(i - a[:, None], 0), np.maximum(j - b[:, None], 0)  # span starts
        blocks = [
            _DotBlock(self.src.vectors[c], self.tgt.vectors[c], ia, i, jb, j) for c in range(len(self.kinds))
        ]
        spans = ((ia, i), (jb, j))
        evidence = self._evidence(blocks, xs, ys, spans)
        total = (w.merge * (a + b - 2.0))[:, None] - evidence
        fine = self.src.counts is None and self.tgt.counts is None
        if not fine:
            # blocks of sentences (coarse levels) weigh as the fine links they stand for
            total *= (xs[1] + ys[1]) / (a + b)[:, None]
        misfit = w.length * self._delta2(xs[0], ys[0]) / 2
        out[match] = total + misfit
        if w.part and fine:
            out[match] += self._parts(blocks, xs, ys, spans, a, b, evidence - misfit)
        return out

    def _delta2(self, lx: np.ndarray, ly: np.ndarray) -> np.ndarray:
        return (ly - self.ratio * lx) ** 2 / (GC_VARIANCE * np.maximum(self.ratio * lx + ly, 1.0) / 2)

    def _evidence(self, blocks: list[_DotBlock], xs: np.ndarray, ys: np.ndarray, spans: Spans) -> np.ndarray:
        """Weighted similarity of the spans ``src[ia:i]``, ``tgt[jb:j]`` (``spans`` = ((ia, i), (jb, j)),
        statistics ``xs``, ``ys``), summed over the channels."""
        w = self.weights
        evidence = np.zeros(np.broadcast_shapes(xs.shape[1:], ys.shape[1:]))
        for c, kind in enumerate(self.kinds):
            src_norm, tgt_norm = xs[self.src.norm_row[c]], ys[self.tgt.norm_row[c]]
            cos = blocks[c].dots(*spans[0], *spans[1]) / (src_norm * tgt_norm)
            if kind == "semantic":
                if w.margin:
                    typical = (xs[self.src.proj_row[c]] / src_norm + ys[self.tgt.proj_row[c]] / tgt_norm) / 2
                else:
                    src_mean, tgt_mean = self._means[0][c], self._means[1][c]
                    assert src_mean is not None and tgt_mean is not None  # a semantic channel has both
                    typical = np.full(cos.shape, float(src_mean @ tgt_mean))
                evidence += w.semantic * (cos - typical) / np.maximum(1.0 - typical, _MIN_ROOM)
            else:
                evidence += w.lexical * cos
        return evidence

    def _parts(
        self,
        blocks: list[_DotBlock],
        xs: np.ndarray,
        ys: np.ndarray,
        spans: Spans,
        a: np.ndarray,
        b: np.ndarray,
        whole: np.ndarray,
    ) -> np.ndarray:
        """What a merge pays for an end sentence that earns no place in it: ``part × max(0, part_floor -
        gain)`` for the first and the last sentence of a side with several, where ``gain`` is what the
        sentence adds to the link: its evidence and length fit minus those of the link without it. A
        short sentence left out of the translation, next to one that was translated, dilutes the
        similarity and spoils the length fit (gain < 0); the search would still take the merge while
        that loss is below the price of a null link, so the 1-1 link and a 1-0 are made to win.
        ``whole``: the link's evidence minus its length misfit."""
        w = self.weights
        (ia, i), (jb, j) = spans

        def value(x: np.ndarray, y: np.ndarray, spans: Spans) -> np.ndarray:
            return self._evidence(blocks, x, y, spans) - w.length * self._delta2(x[0], y[0]) / 2

        out = np.zeros(whole.shape)
        for side, count in ((0, a), (1, b)):
            rows = np.flatnonzero(count > 1)  # the link types with several sentences on this side
            if not len(rows):
                continue
            own = self.src if side == 0 else self.tgt
            x, y, total = xs[:, rows], ys[:, rows], whole[rows]
            src_span, tgt_span = (ia[rows], i), (jb[rows], j)
            start, end = src_span if side == 0 else tgt_span
            size = count[rows][:, None]
            valid = end - start == size
            for r0, r1, p in ((start + 1, end, start), (start, end - 1, end - 1)):  # without the first / last
                r1 = np.maximum(r1, r0)
                leads = own.open_ended[np.clip(p, 0, own.n - 1)]
                stats = own.spans[:, size - 1, r1]
                if side == 0:
                    rest = value(stats, y, ((r0, r1), tgt_span))
                else:
                    rest = value(x, stats, (src_span, (r0, r1)))
                shortfall = np.maximum(w.part_floor - (total - rest), 0.0)
                out[rows] += np.where(valid & ~leads, w.part * shortfall, 0.0)
        return out


class _DotBlock:
    """Dot products of span sums ``src[i0:i1]`` · ``tgt[j0:j1]`` of one channel for spans inside the
    rectangle around a call's cells: sums of blocks of the sentence-level dot products, by a 2-D
    prefix sum computed once per call."""

    def __init__(self, src: Rows, tgt: Rows, ia: np.ndarray, i: np.ndarray, jb: np.ndarray, j: np.ndarray):
        self.r0, r1 = int(ia.min()), int(i.max())
        self.c0, c1 = int(jb.min()), int(j.max())
        self.width = c1 - self.c0 + 1
        block = np.zeros((r1 - self.r0 + 1, self.width))
        if r1 > self.r0 and c1 > self.c0:
            dots = src.block_dots(tgt, self.r0, r1, self.c0, c1)
            block[1:, 1:] = np.cumsum(np.cumsum(dots, axis=0, dtype=np.float64), axis=1)
        self.flat = block.ravel()

    def dots(self, i0: np.ndarray, i1: np.ndarray, j0: np.ndarray, j1: np.ndarray) -> np.ndarray:
        flat, width = self.flat, self.width
        u1, u0, v1, v0 = (i1 - self.r0) * width, (i0 - self.r0) * width, j1 - self.c0, j0 - self.c0
        return flat[u1 + v1] - flat[u0 + v1] - flat[u1 + v0] + flat[u0 + v0]
