"""simplemma's dictionaries, loaded on first use (about 1 s and tens of MB per language). simplemma
itself is imported only here and only when needed (~0.1-0.2 s), so a warm run that never lemmatises
does not pay for it."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

from .profile import profile

if TYPE_CHECKING:
    from simplemma.strategies import DefaultStrategy


@cache
def _greedy() -> DefaultStrategy:
    from simplemma.strategies import DefaultStrategy

    return DefaultStrategy(greedy=True)  # greedy: German compounds and inflected forms are decomposed


@cache
def supported() -> frozenset[str]:
    """simplemma's language codes (those with a dictionary)."""
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    return frozenset(SUPPORTED_LANGUAGES)


def dictionary(lang: str) -> str | None:
    """simplemma's code for the tag's language ("sr-Latn" -> "hbs"), None when it has no dictionary."""
    code = profile(lang).lemmatiser
    return code if code in supported() else None


@lru_cache(maxsize=131072)
def lemma(word: str, code: str) -> str | None:
    """simplemma's lemma in its dictionary ``code`` (greedy: compounds decomposed), None when the word
    is unknown or there is no such dictionary."""
    return _greedy().get_lemma(word, code) if code in supported() else None


@lru_cache(maxsize=131072)
def listed(word: str, code: str) -> bool:
    """Whether dictionary ``code`` lists the word itself (no affixes guessed, unlike :func:`lemma`:
    "Liupanshiu" is no Albanian word although greedy lemmatisation finds "Liupanshi")."""
    if code not in supported():
        return False
    from simplemma import is_known

    return bool(is_known(word, code))
