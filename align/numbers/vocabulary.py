"""The words around numbers, from every profile's number words: a percent word in German text is
still a percent, so each pattern is the union over all languages (in profile order)."""

from __future__ import annotations

import re
from functools import cache

from ..lang import profiles


def _union(field: str) -> str:
    fragments = (f for p in profiles() if p.numbers for f in getattr(p.numbers, field))
    return "|".join(dict.fromkeys(fragments))


@cache
def percent() -> re.Pattern[str]:
    """A percent sign or word after a number ("5 %", "fünf Prozent", "pet posto", "pesë për qind")."""
    return re.compile(rf"\s?(?:%|{_union('percent')})", re.IGNORECASE)


@cache
def time_word() -> str:
    """A lookahead for what makes "18.30" a time of day ("18.30 Uhr", "6.30 p.m.")."""
    return rf"(?=\s?(?:{_union('time_words')}))"


@cache
def range_gap() -> re.Pattern[str]:
    """What stands between the two ends of a range: "24-48", "24 to 48", "od 24 do 48", "24 und 48"."""
    words = _union("range_words") + "|" + _union("and_words")
    return re.compile(rf"\s?[-–—‒]\s?|\s+(?:{words})\s+", re.IGNORECASE)


@cache
def range_opener() -> re.Pattern[str]:
    """The word before a range joined by "and" ("between", "zwischen", "između"), ending the text."""
    return re.compile(rf"(?:{_union('range_openers')})\s+$", re.IGNORECASE)


@cache
def and_words() -> frozenset[str]:
    """The words for "and": they join a range only after an opener."""
    return frozenset(w for p in profiles() if p.numbers for w in p.numbers.and_words)
