"""A lexical signal learnt from the two documents themselves: the words both versions share.

Names, numbers and cognates survive translation ("Makalu", "8848", "Expedition"/"expédition"). After
folding (script transliterated, case and diacritics removed) every word is cut to a short prefix, so
inflected and cognate forms meet; numbers are compared by value (:mod:`align.numbers`). Name keys from
:mod:`align.text.propernames` added nothing on Text+Berg dev and cost 5 s per 1,000 sentences, so names count
through their prefixes. Only features found in both documents are kept (any other cannot match),
weighted by inverse document frequency over the sentences of both sides, so a name seen twice
outweighs a preposition that happens to be spelt alike in both languages. Each sentence becomes a
sparse tf-idf vector over those shared features (:class:`SparseRows`); the vector of several
sentences is their sum, i.e. the vector of their concatenation.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

from ..text.features import features


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The concatenation of ``arange(s, s + l)`` for each start and length."""
    total = int(lengths.sum())
    if not total:
        return np.zeros(0, dtype=np.int64)
    ends = np.cumsum(lengths)
    return np.arange(total, dtype=np.int64) + np.repeat(starts - ends + lengths, lengths)


class SparseRows:
    """Sparse vectors, one per row (compressed rows): row ``r`` has values ``data[indptr[r]:indptr[r+1]]``
    in columns ``indices[...]``, ascending and distinct within a row.

    A sentence has a dozen features out of thousands, so this takes ~100 bytes a sentence where dense
    rows took 8 KB, and dot products touch only the features two rows share. Written here rather than
    taken from scipy.sparse, which is no dependency and has no product restricted to the few row pairs
    (band cells) the search asks for."""

    def __init__(self, indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, dim: int) -> None:
        self.indptr = np.asarray(indptr, dtype=np.int64)
        self.indices = np.asarray(indices, dtype=np.int32)
        self.data = np.asarray(data, dtype=np.float32)
        self.dim = dim

    @classmethod
    def from_entries(
        cls, rows: np.ndarray, cols: np.ndarray, values: np.ndarray, n: int, dim: int
    ) -> SparseRows:
        """Rows ``0 .. n-1`` from (row, column, value) entries in any order; repeated cells are summed."""
        keys = rows.astype(np.int64) * max(dim, 1) + cols
        cells, inverse = np.unique(keys, return_inverse=True)
        sums = np.bincount(inverse, weights=values, minlength=len(cells))
        counts = np.bincount(cells // max(dim, 1), minlength=n)
        indptr = np.concatenate([[0], np.cumsum(counts)])
        return cls(indptr, cells % max(dim, 1), sums, dim)

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def _row_ids(self, r0: int, r1: int) -> np.ndarray:
        return np.repeat(np.arange(r1 - r0), np.diff(self.indptr[r0 : r1 + 1]))

    def dense(self) -> np.ndarray:
        out = np.zeros((len(self), self.dim), dtype=np.float32)
        out[self._row_ids(0, len(self)), self.indices] = self.data
        return out

    def coarse(self, starts: np.ndarray) -> SparseRows:
        """Sums of the row groups that begin at ``starts`` (ascending, the first 0)."""
        group = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(self))))
        rows = np.repeat(group, np.diff(self.indptr))
        return SparseRows.from_entries(rows, self.indices, self.data, len(starts), self.dim)

    def pair_dots(self, other: SparseRows, p: np.ndarray, q: np.ndarray) -> np.ndarray:
        """``dot(self[p[k]], other[q[k]])`` for every k: a merge join on (k, column), whose keys come out
        sorted because columns ascend within a row."""
        p, q = np.asarray(p, dtype=np.int64), np.asarray(q, dtype=np.int64)
        keys, values = [], []
        for rows, idx in ((self, p), (other, q)):
            lengths = rows.indptr[idx + 1] - rows.indptr[idx]
            pos = _ranges(rows.indptr[idx], lengths)
            pair = np.repeat(np.arange(len(idx), dtype=np.int64), lengths)
            keys.append(pair * max(self.dim, 1) + rows.indices[pos])
            values.append(rows.data[pos])
        (ks, kt), (vs, vt) = keys, values
        at = np.minimum(np.searchsorted(kt, ks), max(len(kt) - 1, 0))
        hit = np.flatnonzero(kt[at] == ks) if len(kt) else np.zeros(0, dtype=np.int64)
        prod = vs[hit].astype(np.float64) * vt[at[hit]]
        return np.bincount(ks[hit] // max(self.dim, 1), weights=prod, minlength=len(p))

    def block_dots(self, other: SparseRows, r0: int, r1: int, c0: int, c1: int) -> np.ndarray:
        """All dot products ``self[r0:r1]`` × ``other[c0:c1]``, shape (r1 - r0, c1 - c0): a join of the
        two blocks' entries on the column."""
        s_pos, t_pos = slice(self.indptr[r0], self.indptr[r1]), slice(other.indptr[c0], other.indptr[c1])
        s_col, t_col = self.indices[s_pos], other.indices[t_pos]
        t_order = np.argsort(t_col, kind="stable")
        t_sorted = t_col[t_order]
        lo = np.searchsorted(t_sorted, s_col, side="left")
        count = np.searchsorted(t_sorted, s_col, side="right") - lo
        s_hit = np.repeat(np.arange(len(s_col)), count)
        t_hit = t_order[_ranges(lo, count)]
        width = c1 - c0
        cells = self._row_ids(r0, r1)[s_hit] * width + other._row_ids(c0, c1)[t_hit]
        prod = self.data[s_pos][s_hit].astype(np.float64) * other.data[t_pos][t_hit]
        return np.bincount(cells, weights=prod, minlength=(r1 - r0) * width).reshape(r1 - r0, width)


def lexical_vectors(
    src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str
) -> tuple[SparseRows, SparseRows]:
    """tf-idf vectors (one sparse row per sentence) over the features both documents share."""
    src_feats = [features(t, src_lang) for t in src]
    tgt_feats = [features(t, tgt_lang) for t in tgt]
    df_src = Counter(f for fs in src_feats for f in set(fs))
    df_tgt = Counter(f for fs in tgt_feats for f in set(fs))
    shared = sorted(df_src.keys() & df_tgt.keys())
    column = {f: k for k, f in enumerate(shared)}
    total = len(src) + len(tgt)
    weight = np.array([math.log(total / (df_src[f] + df_tgt[f])) + 1.0 for f in shared])

    def rows(feats: list[list[str]]) -> SparseRows:
        ids = [[column[f] for f in fs if f in column] for fs in feats]
        row = np.repeat(np.arange(len(ids)), [len(x) for x in ids])
        col = np.fromiter((c for x in ids for c in x), dtype=np.int64, count=len(row))
        return SparseRows.from_entries(row, col, weight[col], len(feats), len(shared))

    return rows(src_feats), rows(tgt_feats)
