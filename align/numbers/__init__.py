"""Numbers mentioned in a sentence, as values that can be compared across translations.

The aim is that a correct translation yields the same multiset of values as its source, whatever the
locale writes: "10,000" = "10.000" = "10 000" = 10000, "1.5" (en) = "1,5" (de/sr/sq), "December 9,
2022" = "9.12.2022." = {9, 12, 2022}, "five hundred" = "петсто" = 500, "3 million" = "3 miliona"
= 3e6. Choices that keep false alarms down:

* signs are dropped ("-5" and "minus 5" are both 5);
* digits glued to a letter or a capitalised word ("G20", "MH17", "COVID-19", "F-16") are identifiers,
  not mentions; "mid-2020" still is one;
* the words for one ("one", "ein", "jedan", "një") are articles as often as numbers: they count only
  inside a larger number ("one hundred"); vague plurals ("thousands", "hiljade") never count;
* a month name counts (as its number) only next to a number, so that spelled-out and numeric dates agree;
* a digit group that could be read either way ("1,234": thousands in en, a decimal in de) gets the
  language's reading as ``value`` and the other as ``alt``; ``unmatched`` accepts either;
* a time of day is the number HH.MM ("18:30" and "18.30 Uhr" are 18.3), "6:30 p.m." is 18.3 with the
  12-hour 6.3 as ``alt``; dates give day, month and year, never a decimal ("9.12.2022");
* Albanian ordinals ("sezoni i nëntë") and ordinal words ("ninth", "neunte") are not counted: only
  digits ("10.", "20th") give ordinals; with ``loose`` they are read, as kind "ordinal-word", for the
  number check to pair "three" with "трећег";
* units are read on request (``extract_numbers(..., units=True)``: "30 miles", "80 °F", "24-cm",
  "30 километара"); ``unmatched`` then pairs equal values only in the same unit, so "30 miles" and
  "30 km" differ while "30 km" and "30 Kilometer" (or a bare "30") agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable
from dataclasses import replace
from itertools import islice

from ..text.textnorm import repair_homoglyphs
from .dates import label_ranges, month_mentions
from .digits import DIGIT, digit_mentions
from .mention import NumberMention, Unit
from .units import ANY_SCALE, CELSIUS, FAHRENHEIT, ROUNDING, converted, same_unit, with_units
from .words import lexicon, loose_mentions, month_words, word_mentions

__all__ = [
    "ANY_SCALE",
    "CELSIUS",
    "FAHRENHEIT",
    "NumberMention",
    "Positions",
    "ROUNDING",
    "Unit",
    "converted",
    "extract_numbers",
    "month_words",
    "number_values",
    "same_unit",
    "unmatched",
]


def extract_numbers(text: str, lang: str, *, units: bool = False, loose: bool = False) -> list[NumberMention]:
    """Number mentions of one sentence (or paragraph) in document order; see the module doc. With
    ``units``, each mention carries the unit written after it (``unit``, else None); with ``loose``,
    also what only compares with the other side (:func:`.words.loose_mentions`: "hundreds", "mehrere
    Tausend", "half", "one"), in place of a scale word it holds."""
    lex = lexicon(lang)
    original, text = text, repair_homoglyphs(text)  # "милиона" typed with a Latin "о"; same length
    mentions = digit_mentions(text, lang, lex) if DIGIT.search(text) else []
    if lex is not None:
        mentions += word_mentions(text, lex, [(n.start, n.end) for n in mentions])
        mentions += month_mentions(text, lex, mentions)
        if loose:
            mentions = loose_mentions(text, lex, mentions)
    mentions.sort(key=lambda n: (n.start, n.end))
    mentions = label_ranges(text, mentions)
    if units:
        mentions = with_units(text, mentions, lang)
    if original is not text:
        mentions = [replace(n, text=original[n.start : n.end]) for n in mentions]
    return mentions


def number_values(text: str, lang: str) -> Counter[float]:
    """Multiset of the values mentioned, for comparing a sentence with its translation."""
    return Counter(n.value for n in extract_numbers(text, lang))


def unmatched(
    a: list[NumberMention], b: list[NumberMention]
) -> tuple[list[NumberMention], list[NumberMention]]:
    """Mentions of ``a`` with no equal value in ``b``, and of ``b`` with none in ``a``.

    Values match exactly or through an ambiguous mention's other reading (``alt``), and only when
    their units agree (:func:`same_unit`; mentions read without units always do).
    """
    values, alts = Positions(), Positions()
    for j, m in enumerate(b):
        values.add(m.value, j)
        if m.alt is not None:
            alts.add(m.alt, j)
    taken: set[int] = set()
    left = list(a)
    for strict in (True, False):
        rest: list[NumberMention] = []
        for n in left:

            def fits(j: int, unit: Unit | None = n.unit) -> bool:
                return same_unit(unit, b[j].unit)

            found = [values.first(n.value, taken, fits)]
            if not strict:
                found += [alts.first(n.value, taken, fits)]
                if n.alt is not None:
                    found += [values.first(n.alt, taken, fits), alts.first(n.alt, taken, fits)]
            first = min((j for j in found if j is not None), default=None)
            if first is None:
                rest.append(n)
            else:
                taken.add(first)
        left = rest
    return left, [m for j, m in enumerate(b) if j not in taken]


class Positions:
    """Positions of mentions by a key (a value, a unit's dimension), in text order, for first-fit
    pairing in linear-ish time: taken positions at the front are skipped once, not on every look-up."""

    def __init__(self) -> None:
        self._positions: dict[Hashable, list[int]] = defaultdict(list)
        self._head: dict[Hashable, int] = defaultdict(int)

    def add(self, key: Hashable, position: int) -> None:
        self._positions[key].append(position)

    def first(self, key: Hashable, taken: set[int], fits: Callable[[int], bool]) -> int | None:
        """The first position under ``key`` not in ``taken`` for which ``fits`` holds."""
        positions = self._positions.get(key)
        if not positions:
            return None
        head = self._head[key]
        while head < len(positions) and positions[head] in taken:
            head += 1
        self._head[key] = head
        return next((j for j in islice(positions, head, None) if j not in taken and fits(j)), None)
