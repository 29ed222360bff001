"""How much two words look like translations of each other without any data: the same number, the
same spelling (after script folding: "Вучић" = "Vučić" = "vucic"), or nearly the same (cognates and
names: "Parlament"/"parliament", "Trump"/"Trampa")."""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from ..numbers import extract_numbers
from ..text.textnorm import ascii_key

MIN_FUZZY_LENGTH = 4  # shorter words are compared only for identity ("a", "die", "to" mislead)


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


def similarity(a: str, a_lang: str, b: str, b_lang: str, minimum: float) -> float:
    """1 for the same number or spelling, the spelling ratio of near-identical words (>= ``minimum``,
    words of at least MIN_FUZZY_LENGTH letters, first letters equal), else 0. Numbers are compared
    only as numbers: "2001" and "2002" are different, however alike."""
    na, nb = number_key(a, a_lang), number_key(b, b_lang)
    if na or nb:
        return 1.0 if na & nb else 0.0
    ka, kb = spelling_key(a), spelling_key(b)
    if ka == kb:
        return 1.0
    short, long = sorted((len(ka), len(kb)))
    if short < MIN_FUZZY_LENGTH or ka[0] != kb[0] or short < minimum * long:
        return 0.0
    ratio = SequenceMatcher(None, ka, kb, autojunk=False).ratio()
    return ratio if ratio >= minimum else 0.0
