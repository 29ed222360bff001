"""A lexical signal learnt from the two documents themselves: the words both versions share.

Names, numbers and cognates survive translation ("Makalu", "8848", "Expedition"/"expédition"). After
folding (script transliterated, case and diacritics removed) every word is cut to a short prefix, so
inflected and cognate forms meet; numbers are compared by value (:mod:`align.numbers`). Name keys from
:mod:`align.names` added nothing on Text+Berg dev and cost 5 s per 1,000 sentences, so names count
through their prefixes. Only features found in both documents are kept (any other cannot match),
weighted by inverse document frequency over the sentences of both sides, so a name seen twice
outweighs a preposition that happens to be spelt alike in both languages. Each sentence becomes a
tf-idf vector over those shared features; the vector of several sentences is their sum, i.e. the
vector of their concatenation.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from .numbers import number_values
from .textnorm import ascii_key, fold

PREFIX = 5  # letters kept of a word: long enough for names, short enough for inflection and cognates
MIN_WORD = 4  # shorter words are mostly function words that collide across languages by chance
MAX_DIM = 2048  # columns of the dense matrices; beyond it, features share columns (rare ones only)

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1 << 16)
def _word_feature(word: str) -> str | None:
    key = ascii_key(word)
    return key[:PREFIX] if len(key) >= MIN_WORD else None


def features(text: str, lang: str) -> list[str]:
    """The comparable tokens of one sentence: word prefixes and number values (locale-aware, so
    "8847,6" meets "8847.6" and "sechs" meets "six")."""
    words = [f for f in map(_word_feature, _WORD.findall(fold(text, lang))) if f is not None]
    return words + [f"#{value:g}" for value, count in number_values(text, lang).items() for _ in range(count)]


def lexical_vectors(
    src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str
) -> tuple[np.ndarray, np.ndarray]:
    """tf-idf vectors (float32, one row per sentence) over the features both documents share."""
    src_feats = [features(t, src_lang) for t in src]
    tgt_feats = [features(t, tgt_lang) for t in tgt]
    df_src = Counter(f for fs in src_feats for f in set(fs))
    df_tgt = Counter(f for fs in tgt_feats for f in set(fs))
    shared = sorted(df_src.keys() & df_tgt.keys())
    dim = max(1, min(len(shared), MAX_DIM))
    total = len(src) + len(tgt)
    column = {f: k % dim for k, f in enumerate(shared)}
    weight = {f: math.log(total / (df_src[f] + df_tgt[f])) + 1.0 for f in shared}

    def matrix(feats: list[list[str]]) -> np.ndarray:
        out = np.zeros((len(feats), dim), dtype=np.float32)
        for row, fs in enumerate(feats):
            for f in fs:
                if f in column:
                    out[row, column[f]] += weight[f]
        return out

    return matrix(src_feats), matrix(tgt_feats)
