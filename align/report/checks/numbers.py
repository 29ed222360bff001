"""Number check: the values one side mentions that the other does not (see :mod:`align.numbers` for
how "10,000", "10.000", "9. Dezember" and "five hundred" are read), and the same value in another unit
("30 miles" / "30 km", "80 °F" / "80 °C"). Measures converted between unit systems
(:mod:`align.numbers.units`) are reported with low severity, for a glance at the arithmetic."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Hashable, Iterator
from typing import NamedTuple, TypeVar

from ...lang import WORD
from ...model import Finding
from ...numbers import ROUNDING, NumberMention, Positions, converted, extract_numbers, same_unit, unmatched
from ...numbers.bounds import changed_bounds
from ...numbers.words import lexicon
from ..base import Checker, LinkContext, quoted

# Translators add and drop small number words freely ("between the countries" / "zwischen den beiden
# Ländern" / "mes dy shteteve"): such a word on one side only is no divergence. Against a different
# number on the other side it still is ("two" / "three").
CASUAL_BELOW = 10
WORDS = frozenset({"word", "ordinal-word"})
# Kinds that count only against the other side: besides magnitudes, fractions, "one" and the words
# that carry a number ("decade" / "десет година"), a month name away from a number ("February's
# 4-1"), a number word inside a longer one ("fourballs" / "игра са четири лоптице"); and "first",
# "second" (also "at first", "a second", Serbian "drugi" = other).
LOOSE = frozenset({"one", "fraction", "vague", "month-name", "inword", "implicit"})
LOOSE_ORDINALS_BELOW = 3
# Weekday names pair only with weekday names: their values (Monday 1 to Sunday 7) are no counts.
WEEKDAYS = frozenset({"weekday", "weekday-name"})
# Names of a date without a number ("on Sunday", "in June"): a translator may resolve them ("gestern")
# or move them to the next sentence, which a number does not do (see :func:`_resolved`).
DATE_NAMES = frozenset({"weekday", "month-alone"})
MONTHS = frozenset({"month", "month-alone", "month-name"})


def _casual(mention: NumberMention) -> bool:
    return mention.kind in WORDS and mention.value < CASUAL_BELOW


def _is_loose(mention: NumberMention) -> bool:
    return mention.kind in LOOSE or (mention.kind == "ordinal-word" and mention.value < LOOSE_ORDINALS_BELOW)


def _tier(mention: NumberMention) -> int:
    return 2 if _is_loose(mention) else 1 if mention.kind in WORDS else 0


def _loose(
    left: list[NumberMention], right: list[NumberMention]
) -> tuple[list[NumberMention], list[NumberMention]]:
    """The unpaired mentions without those that count only against the other side: a fraction
    against its percentage ("half" / "50 percent"), and otherwise every loose mention (:data:`LOOSE`)
    but a vague magnitude ("hundreds") that the other side answers with another ("хиљаде")."""
    percents = {n.value: n for n in (*left, *right) if n.kind == "percent"}
    paired = {
        id(p)
        for n in (*left, *right)
        if n.kind == "fraction" and (p := percents.get(round(n.value * 100, 6))) is not None
    }
    vague = [any(n.kind == "vague" for n in side) for side in (left, right)]

    def kept(n: NumberMention) -> bool:
        if id(n) in paired:
            return False
        return all(vague) if n.kind == "vague" else not _is_loose(n)

    return [n for n in left if kept(n)], [n for n in right if kept(n)]


def _measure(text: str, mention: NumberMention) -> str:
    """The number with its unit, as written: "650-pound", "4 inches" ("2" of "2 to 4 inches")."""
    unit = mention.unit
    return quoted([mention.text if unit is None or unit.shared else text[mention.start : unit.end]])


def _converted(a: NumberMention, b: NumberMention) -> bool:
    return a.unit is not None and b.unit is not None and converted(a.value, a.unit, b.value, b.unit)


def _relabelled(a: NumberMention, b: NumberMention) -> bool:
    """The same value in another unit: no conversion, a unit changed (or a figure left unconverted)."""
    return a.value == b.value and not same_unit(a.unit, b.unit)


_BIN = -math.log(1 - ROUNDING)  # values within ROUNDING of each other are at most one bin apart


# a unit's dimension and, but for temperatures, the measure's order of magnitude (see _magnitude)
Magnitude = tuple[str, int | None] | tuple[str]


def _magnitude(mention: NumberMention) -> Magnitude | None:
    """The unit's dimension and the measure's order of magnitude in bins of ROUNDING (temperatures,
    converted by formula, share one bucket); None without a unit."""
    unit = mention.unit
    if unit is None:
        return None
    if unit.dimension == "temperature":
        return (unit.dimension,)
    base = mention.value * unit.size
    return (unit.dimension, math.floor(math.log(base) / _BIN) if base > 0 else None)


def _near_magnitudes(key: Magnitude) -> tuple[Magnitude, ...]:
    match key:
        case (dimension, int(bin_)):
            return tuple((dimension, bin_ + d) for d in (-1, 0, 1))
    return (key,)


def _place(mention: NumberMention) -> tuple[int, int]:
    return mention.start, mention.end


def _value(mention: NumberMention) -> float:
    return mention.value


Pairs = list[tuple[NumberMention, NumberMention]]


Key = TypeVar("Key", bound=Hashable)


def _pairs(
    left: list[NumberMention],
    right: list[NumberMention],
    fits: Callable[[NumberMention, NumberMention], bool],
    key: Callable[[NumberMention], Key | None],
    near: Callable[[Key], tuple[Key, ...]] = lambda key: (key,),
) -> tuple[Pairs, list[NumberMention], list[NumberMention]]:
    """Pair mentions of the two sides that ``fits`` (first fit, in text order), and what is left
    unpaired on each side. A mention can fit only those whose ``key`` is ``near`` its own (None:
    fits nothing), so a long link is not compared pair by pair."""
    pairs: Pairs = []
    rest_left: list[NumberMention] = []
    taken: set[int] = set()
    candidates = Positions()

    def fits_right(a: NumberMention, j: int) -> bool:
        return fits(a, right[j])

    for j, b in enumerate(right):
        candidates.add(key(b), j)
    for a in left:
        own = key(a)
        found = (
            []
            if own is None
            else [candidates.first(k, taken, functools.partial(fits_right, a)) for k in near(own)]
        )
        match = min((j for j in found if j is not None), default=None)
        if match is None:
            rest_left.append(a)
            continue
        taken.add(match)
        pairs.append((a, right[match]))
    return pairs, rest_left, [b for j, b in enumerate(right) if j not in taken]


def _span(mention: NumberMention) -> tuple[int, int]:
    """Where the number is, with its unit when the unit is its own ("650-pound", not the "inches" of
    "2 to 4 inches")."""
    unit = mention.unit
    return mention.start, (mention.end if unit is None or unit.shared else max(mention.end, unit.end))


def _spans(mentions: list[NumberMention]) -> tuple[tuple[int, int], ...]:
    return tuple(sorted({_span(m) for m in mentions}))


def _shown(link: LinkContext, pairs: Pairs) -> str:
    """``“650-pound” → “295 килограма”, ...``"""
    return ", ".join(f"{_measure(link.src_text, a)} \u2192 {_measure(link.tgt_text, b)}" for a, b in pairs)


def _at_tier(
    tier: int, unpaired: list[NumberMention], mentions: list[NumberMention]
) -> tuple[list[NumberMention], list[NumberMention]]:
    """One side at a tier of pairing (:func:`_tier`): (what is set aside, what is paired). A measure
    left unpaired waits aside at the loose tier, since a measure is answered by a figure, not by a
    loose word ("2 inches" is not "другим"); the rest of what is unpaired is tried again with the
    side's mentions of the tier."""
    aside = [n for n in unpaired if tier == 2 and n.unit is not None]
    tried = [n for n in unpaired if tier < 2 or n.unit is None] + [n for n in mentions if _tier(n) == tier]
    return aside, tried


def _unanswered(
    left: list[NumberMention], right: list[NumberMention]
) -> tuple[list[NumberMention], list[NumberMention]]:
    """The mentions of each side with no equal value on the other, in text order. Digits pair first,
    then number words, then what counts only against the other side: the article "ein" does not take
    the "1" of "1. Oktober", nor "четири" the "4" of "5-4"."""
    only_left: list[NumberMention] = []
    only_right: list[NumberMention] = []
    for tier in sorted({_tier(n) for n in (*left, *right)}):
        aside_left, tried_left = _at_tier(tier, only_left, left)
        aside_right, tried_right = _at_tier(tier, only_right, right)
        rest_left, rest_right = unmatched(tried_left, tried_right)
        only_left = sorted(aside_left + rest_left, key=_place)
        only_right = sorted(aside_right + rest_right, key=_place)
    return only_left, only_right


class _Differences(NamedTuple):
    """What the number check finds in a link: values on one side only, the same value in another unit,
    and measures converted between unit systems."""

    only_left: list[NumberMention]
    only_right: list[NumberMention]
    relabelled: Pairs
    conversions: Pairs


def _weekdays(
    left: list[NumberMention], right: list[NumberMention]
) -> tuple[list[NumberMention], list[NumberMention]]:
    """The weekdays each side names as a date ("on Sunday") that the other side's weekday names do not
    answer; a name that may be something else ("недеље", also "week") only answers."""
    only_left, only_right = unmatched(
        [n for n in left if n.kind in WEEKDAYS], [n for n in right if n.kind in WEEKDAYS]
    )
    return [n for n in only_left if n.kind == "weekday"], [n for n in only_right if n.kind == "weekday"]


def _differences(left: list[NumberMention], right: list[NumberMention]) -> _Differences:
    """The differences of the two sides' mentions: unanswered values (:func:`_unanswered`, without
    those that count only against the other side) that no conversion or unit change explains; a small
    number word on one side only counts when the other side has an unanswered value too (a changed
    number), since translators add and drop those freely. Weekdays are compared apart
    (:func:`_weekdays`)."""
    days_left, days_right = _weekdays(left, right)
    left = [n for n in left if n.kind not in WEEKDAYS]
    right = [n for n in right if n.kind not in WEEKDAYS]
    only_left, only_right = _loose(*_unanswered(left, right))
    conversions, only_left, only_right = _pairs(
        only_left, only_right, _converted, _magnitude, _near_magnitudes
    )
    relabelled, only_left, only_right = _pairs(only_left, only_right, _relabelled, _value)
    # the start of a range ("2" in "2 to 4 inches") has its end's unit: the end says it
    relabelled = [(a, b) for a, b in relabelled if not (a.unit and a.unit.shared)]
    if not (only_left and only_right):
        only_left = [n for n in only_left if not _casual(n)]
        only_right = [n for n in only_right if not _casual(n)]
    only_left = sorted(only_left + days_left, key=_place)
    only_right = sorted(only_right + days_right, key=_place)
    return _Differences(only_left, only_right, relabelled, conversions)


# what stands between a measure and its restatement in the other unit system: "six meters (18 feet)"
_RESTATING = re.compile(r"\s*[(\[]\s*")


def _restated(text: str, mentions: list[NumberMention], n: NumberMention, unanswered: set[int]) -> bool:
    """Whether ``n`` and a measure right before or after it on the same side that the other side
    answers (its id not in ``unanswered``) restate each other in brackets ("45 miles (72
    kilometers)" / "72 Kilometer"): the translation kept one of them."""
    for m in mentions:
        if id(m) in unanswered or not _converted(m, n):
            continue
        first, second = (m, n) if m.start < n.start else (n, m)
        if _RESTATING.fullmatch(text, _span(first)[1], second.start):
            return True
    return False


def _coded(n: NumberMention, other: str) -> bool:
    """Whether ``n`` is a year whose last two digits close a code on the other side ("SS19
    collection" / "Sommerkollektion 2019", "FY19", "’19"): the same year."""
    return (
        n.kind == "year" and re.search(rf"(?:[^\W\d_]|['’]){int(n.value) % 100:02d}(?!\d)", other) is not None
    )


class _Side(NamedTuple):
    """One side of a link as the explanations read it."""

    text: str
    lang: str
    nearby: str
    mentions: list[NumberMention]


def _resolved(n: NumberMention, other: _Side, other_unanswered: list[NumberMention]) -> bool:
    """Whether a weekday or month name that the other side lacks (:data:`DATE_NAMES`) is one its
    translator resolved or moved: the other language names no dates (no profile); the other side
    keeps the word untranslated ("am Friday") or says "yesterday" ("last month";
    :attr:`.Lexicon.relative_days`) or, for a weekday, writes a date
    in figures the link does not answer ("am 9. Dezember"); or a neighbouring link names the same
    day or month while the link itself names no other."""
    if n.kind not in DATE_NAMES:
        return False
    day = n.kind in WEEKDAYS
    lex = lexicon(other.lang)
    if lex is None or not (lex.weekdays if day else lex.months):
        return True
    relative = lex.relative_days if day else lex.relative_months
    words = {w.lower() for w in WORD.findall(other.text)}
    if n.text.lower() in words or not relative.isdisjoint(words):
        return True
    if day and any(m.kind in ("day", "month") for m in other_unanswered):
        return True
    names = WEEKDAYS if day else MONTHS
    if any(m.kind in names for m in other_unanswered):
        return False  # the link names another day ("Sunday" / "у суботу"): a change, not a move
    return any(
        m.value == n.value and m.kind in names for m in extract_numbers(other.nearby, other.lang, loose=True)
    )


def _explained(
    link: LinkContext, found: _Differences, left: list[NumberMention], right: list[NumberMention]
) -> _Differences:
    """The differences without values that the side's own text or the other side explains: a
    restatement in brackets the translation left out, a year the other side writes in a code, a
    date name the translator resolved or moved (:func:`_resolved`)."""
    src = _Side(link.src_text, link.src_lang, link.src_nearby, left)
    tgt = _Side(link.tgt_text, link.tgt_lang, link.tgt_nearby, right)

    def kept(
        own: _Side, unanswered: list[NumberMention], other: _Side, other_unanswered: list[NumberMention]
    ) -> list[NumberMention]:
        ids = {id(u) for u in unanswered}  # n itself among them
        return [
            n
            for n in unanswered
            if not (
                _restated(own.text, own.mentions, n, ids)
                or _coded(n, other.text)
                or _resolved(n, other, other_unanswered)
            )
        ]

    return found._replace(
        only_left=kept(src, found.only_left, tgt, found.only_right),
        only_right=kept(tgt, found.only_right, src, found.only_left),
    )


def _mismatch(link: LinkContext, found: _Differences) -> Finding | None:
    """The finding of changed units and numbers on one side only (the conversions said beside them);
    None when there are none. A value on each side that the other lacks is a changed number (high);
    one side only, an added one (medium)."""
    parts = [
        f"only in {lang}: {quoted([n.text for n in mentions])}"
        for lang, mentions in ((link.src_lang, found.only_left), (link.tgt_lang, found.only_right))
        if mentions
    ]
    dates = all(n.kind in DATE_NAMES for n in (*found.only_left, *found.only_right))
    said = [f"Units differ: {_shown(link, found.relabelled)}"] if found.relabelled else []
    said += [f"{'Dates' if dates else 'Numbers'} differ: {'; '.join(parts)}"] if parts else []
    if not said:
        return None
    changed = found.relabelled or (found.only_left and found.only_right)
    also = f" (converted: {_shown(link, found.conversions)})" if found.conversions else ""
    return link.finding(
        "number",
        "high" if changed else "medium",
        f"{'. '.join(said)}{also}.",
        src_spans=_spans(found.only_left + [a for a, _ in found.relabelled]),
        tgt_spans=_spans(found.only_right + [b for _, b in found.relabelled]),
    )


def _bounds(link: LinkContext, left: list[NumberMention], right: list[NumberMention]) -> Iterator[Finding]:
    """A value both sides have, bound differently: "as many as 300" / "300" (low: a translator may
    round a bound away on purpose)."""
    changed = changed_bounds((link.src_text, left, link.src_lang), (link.tgt_text, right, link.tgt_lang))
    if changed:
        shown = ", ".join(
            f"{quoted([link.src_text[a:b]])} \u2192 {quoted([link.tgt_text[c:d]])}"
            for (a, b), (c, d) in changed
        )
        yield link.finding(
            "number",
            "low",
            f"Bounds differ: {shown}.",
            src_spans=tuple(s for s, _ in changed),
            tgt_spans=tuple(t for _, t in changed),
        )


class NumberChecker(Checker):
    kinds = {"number": "Number, date or unit mismatch"}

    def check(self, link: LinkContext, learnt: object = None) -> Iterator[Finding]:
        if not (link.src_ids and link.tgt_ids):
            return  # an omission or addition is reported as such
        left = extract_numbers(link.src_text, link.src_lang, units=True, loose=True)
        right = extract_numbers(link.tgt_text, link.tgt_lang, units=True, loose=True)
        yield from _bounds(link, left, right)
        found = _explained(link, _differences(left, right), left, right)
        finding = _mismatch(link, found)  # a conversion right within rounding says the same
        if finding is not None:
            yield finding
