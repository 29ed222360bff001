"""The comparable tokens of a sentence: word prefixes and number values, the same in every language.

After folding (script transliterated, case and diacritics removed) every word is cut to a short
prefix, so inflected and cognate forms meet ("Expedition"/"expédition", "pokrajina"/"pokrajini");
numbers are compared by value (:mod:`align.numbers`). The aligner's lexical signal
(:mod:`align.aligner.lexical`) and the report's omission check both read them.
"""

from __future__ import annotations

from functools import lru_cache

from ..lang import WORD
from ..numbers import number_values
from .textnorm import ascii_key, fold

PREFIX = 5  # letters kept of a word: long enough for names, short enough for inflection and cognates
MIN_WORD = 4  # shorter words are mostly function words that collide across languages by chance


@lru_cache(maxsize=1 << 16)
def _word_feature(word: str) -> str | None:
    key = ascii_key(word)
    return key[:PREFIX] if len(key) >= MIN_WORD else None


def word_features(text: str, lang: str) -> list[str]:
    """The word prefixes of :func:`features`, without the (costlier) number values."""
    return [f for f in map(_word_feature, WORD.findall(fold(text, lang))) if f is not None]


def features(text: str, lang: str) -> list[str]:
    """The comparable tokens of one sentence: word prefixes and number values (locale-aware, so
    "8847,6" meets "8847.6" and "sechs" meets "six")."""
    numbers = [f"#{value:g}" for value, count in number_values(text, lang).items() for _ in range(count)]
    return word_features(text, lang) + numbers
