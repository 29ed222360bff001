"""simplemma's dictionaries, loaded on first use (about 1 s and tens of MB per language)."""

from __future__ import annotations

from functools import cache, lru_cache

from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

from .profile import profile


@cache
def _greedy() -> DefaultStrategy:
    return DefaultStrategy(greedy=True)  # greedy: German compounds and inflected forms are decomposed


def dictionary(lang: str) -> str | None:
    """simplemma's code for the tag's language ("sr-Latn" -> "hbs"), None when it has no dictionary."""
    code = profile(lang).lemmatiser
    return code if code in SUPPORTED_LANGUAGES else None


@lru_cache(maxsize=131072)
def lemma(word: str, code: str) -> str | None:
    """simplemma's lemma in its dictionary ``code`` (greedy: compounds decomposed), None when the word
    is unknown or there is no such dictionary."""
    return _greedy().get_lemma(word, code) if code in SUPPORTED_LANGUAGES else None
