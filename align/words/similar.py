"""How much two words look like translations of each other without any data: the same number, the
same spelling (after script folding: "Вучић" = "Vučić" = "vucic"), or nearly the same (cognates and
names: "Parlament"/"parliament", "Trump"/"Trampa").

Computed for every candidate pair of a document set at once: identity and the cheap conditions are
array operations; difflib runs only on the few pairs that pass them."""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np

from ..numbers import extract_numbers
from ..text.textnorm import ascii_key

MIN_FUZZY_LENGTH = 4  # shorter words are compared only for identity ("a", "die", "to" mislead)
NEAR_ANCHOR = 0.8  # a near-identical word this alike and this long is an anchor too ("kriminale")
NEAR_ANCHOR_LENGTH = 6


@lru_cache(maxsize=1 << 16)
def number_key(word: str, lang: str) -> frozenset[float]:
    """The values a word reads as (both readings of "1,234"); empty for a word that is no number."""
    if not any(ch.isdigit() for ch in word):
        return frozenset()
    values: set[float] = set()
    for mention in extract_numbers(word, lang):
        values.add(mention.value)
        if mention.alt is not None:
            values.add(mention.alt)
    return frozenset(values)


@lru_cache(maxsize=1 << 16)
def spelling_key(word: str) -> str:
    """Lower case, no diacritics, Cyrillic as Serbian Latin."""
    return ascii_key(word)


class _Side:
    """Per vocabulary word: its spelling key (as an id shared by both sides), length, first letter,
    and whether it reads as a number."""

    def __init__(self, words: list[str], lang: str, ids: dict[str, int]) -> None:
        self.words, self.lang = words, lang
        self.spelling = [spelling_key(w) for w in words]
        self.key = np.array([ids.setdefault(k, len(ids)) for k in self.spelling], dtype=np.int64)
        self.length = np.array([len(k) for k in self.spelling], dtype=np.int64)
        self.first = np.array([ord(k[0]) if k else -1 for k in self.spelling], dtype=np.int64)
        self.number = np.array([bool(number_key(w, lang)) for w in words], dtype=bool)


def spelling_priors(
    src_words: list[str],
    src_lang: str,
    tgt_words: list[str],
    tgt_lang: str,
    cell_e: np.ndarray,
    cell_f: np.ndarray,
    minimum: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Per word pair (src_words[cell_e[k]], tgt_words[cell_f[k]]): how alike they are, and whether
    they are an anchor.

    Alike: 1 for the same number or spelling, the difflib ratio of near-identical words (>=
    ``minimum``, at least MIN_FUZZY_LENGTH letters, first letters equal), else 0. Numbers are compared
    only as numbers: "2001" and "2002" are different, however alike. An anchor is the same number,
    the same word of at least MIN_FUZZY_LENGTH letters, or a near-identical one (ratio >= NEAR_ANCHOR,
    both at least NEAR_ANCHOR_LENGTH letters): pairs that seldom mislead, whatever their positions."""
    ids: dict[str, int] = {}
    src, tgt = _Side(src_words, src_lang, ids), _Side(tgt_words, tgt_lang, ids)
    e, f = cell_e, cell_f
    numeric = src.number[e] | tgt.number[f]
    identical = (src.key[e] == tgt.key[f]) & ~numeric
    alike = identical.astype(np.float64)
    anchor = identical & (src.length[e] >= MIN_FUZZY_LENGTH)
    for k in np.nonzero(src.number[e] & tgt.number[f])[0].tolist():
        if number_key(src.words[e[k]], src_lang) & number_key(tgt.words[f[k]], tgt_lang):
            alike[k] = 1.0
            anchor[k] = True
    short = np.minimum(src.length[e], tgt.length[f])
    long = np.maximum(src.length[e], tgt.length[f])
    fuzzy = ~numeric & ~identical & (src.first[e] == tgt.first[f]) & (short >= MIN_FUZZY_LENGTH)
    fuzzy &= short >= minimum * long
    for k in np.nonzero(fuzzy)[0].tolist():
        ratio = SequenceMatcher(None, src.spelling[e[k]], tgt.spelling[f[k]], autojunk=False).ratio()
        if ratio >= minimum:
            alike[k] = ratio
            if ratio >= NEAR_ANCHOR and short[k] >= NEAR_ANCHOR_LENGTH:
                anchor[k] = True
    return alike, anchor.astype(np.float64)
