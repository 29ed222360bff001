"""Numbers and names as evidence against a sentence belonging to a link (and, for a sentence too short
for its words to say much, for it: :func:`matched`).

A number written in digits or a proper name survives translation almost always, so on a few short
sentences it says more than the word aligner, which must link every word somewhere: a dropped
sentence's "36" or "Livingston" ends up linked to any word left over. A sentence whose numbers and
names are nowhere on the other side of the link is not translated there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from ..lang import WORD, profile
from ..numbers import extract_numbers, number_values
from ..text.propernames import extract_names, keys_match, name_key
from ..text.textnorm import sentence_initial


@lru_cache(maxsize=4096)
def _digits(text: str, lang: str) -> tuple[float, ...]:
    """Values of the numbers written in digits (number words are too ambiguous: "a" / "one")."""
    return tuple(n.value for n in extract_numbers(text, lang) if any(c.isdigit() for c in n.text))


@lru_cache(maxsize=4096)
def _names(text: str, lang: str) -> tuple[tuple[str, ...], ...]:
    """Per name mention, the name keys of its words; not at the start of the sentence, where a
    capital says little (a French adverb), and none where every noun has a capital: there the
    extractor takes a compound the dictionary lacks ("Ballkontakt") for a name. Without a capital
    beyond the sentence's start there is none, and the extractor's dictionary is not loaded."""
    if profile(lang).nouns_capitalised or not any(
        m.group()[0].isupper() and not sentence_initial(text, m.start()) for m in WORD.finditer(text)
    ):
        return ()
    return tuple(
        tuple(name_key(w, lang) for w in WORD.findall(m.text))
        for m in extract_names(text, lang)
        if not sentence_initial(text, m.start)
    )


def unmatched(sentence: str, other: Sequence[str], lang: str, other_lang: str) -> bool:
    """Whether ``sentence`` has numbers or names and none of them is in ``other`` (the sentences of
    the other side of a link). A number counts as missing only when the other side has no number at
    all: one in other units ("12 inches" / "30 cm") is no evidence either way."""
    numbers, names = _digits(sentence, lang), _names(sentence, lang)
    if not (numbers or names):
        return False
    there = Counter[float]()
    for text in other:
        there.update(number_values(text, other_lang))
    if numbers and there:
        return False
    return not any(_named(name, other, other_lang) for name in names)


def _named(name: tuple[str, ...], texts: Sequence[str], lang: str, whole: bool = False) -> bool:
    """Whether a word of the name (its name keys) is in ``texts``; ``whole``: only as a key of as many
    words (in the same language "State" does not name what "US" = "united stat" does)."""
    keys = [name_key(w, lang) for text in texts for w in WORD.findall(text)]
    return any(
        keys_match(w, k) and (not whole or len(k.split()) >= len(w.split())) for w in name for k in keys
    )


def matched(sentence: str, other: Sequence[str], rest: Sequence[str], lang: str, other_lang: str) -> bool:
    """Whether one of the numbers or names of ``sentence`` is in ``other`` (the other side of a link)
    and in none of ``rest`` (the sentences that share its side of the link), which would account for
    it there: evidence that the sentence is translated in the link, where a sentence of two words
    gives the word aligner too little to go by ("His comments come as US." / "US-Außenminister")."""
    numbers, names = _digits(sentence, lang), _names(sentence, lang)
    there = {v for text in other for v in number_values(text, other_lang)}
    near = {v for text in rest for v in _digits(text, lang)}
    if any(v in there and v not in near for v in numbers):
        return True
    return any(_named(name, other, other_lang) and not _named(name, rest, lang, whole=True) for name in names)
