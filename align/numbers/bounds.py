"""The words that bound or blur a number ("more than 500", "bis zu 6 Meter", "око 200"): a bound a
translation drops or changes ("as many as 300" / "300 getötet") changes what the sentence claims,
though the value is the same. The phrases are each language's (``NumberWords.bounds``)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..text.textnorm import repair_homoglyphs
from .mention import NumberMention
from .vocabulary import range_gap
from .words import alternation, lexicon

# what may stand between a bound and its number besides a word of NumberWords.bound_gap: spaces and
# a currency sign ("more than $100 million")
_BETWEEN = r"[\s$£€¥]*"
# the gap after the number before a mention, to tell the joint of a range ("30 deri në 43", "od 2
# do 4") from a bound (:func:`.vocabulary.range_gap`)
_GAP = re.compile(r"\d[\d.%]*(\D{1,20})$")
# a number followed by another as an alternative is a rough figure ("playing 55, 60 minutes")
_ALTERNATIVE = re.compile(r",\s+\d")
_WINDOW = 40  # characters before a number searched for its bound (the longest phrase is shorter)
# the mentions a bound can belong to: counts and amounts, not dates, times, ordinals or range ends
_BOUNDED = frozenset({"int", "decimal", "percent", "word"})

Span = tuple[int, int]


class Bound(NamedTuple):
    side: str  # "more" (a lower bound), "less" (an upper bound) or "about"
    firm: bool  # False for a phrase that is also a preposition ("over", "do", "mbi")
    start: int  # where the phrase starts in the text


@lru_cache(maxsize=64)
def _pattern(lang: str) -> re.Pattern[str] | None:
    lex = lexicon(lang)
    if lex is None or not lex.bounds:
        return None
    between = rf"{_BETWEEN}(?:(?:{alternation(lex.bound_gap)}){_BETWEEN})?" if lex.bound_gap else _BETWEEN
    return re.compile(rf"(?<!\w)({alternation(lex.bounds)}){between}$", re.IGNORECASE)


def bound(text: str, mention: NumberMention, lang: str) -> Bound | None:
    """The bound written right before ``mention`` in ``text``, None without one; a number followed
    by an alternative ("55, 60 minutes") is rough, as if "about" (not firm) stood before it."""
    pattern, lex = _pattern(lang), lexicon(lang)
    if pattern is None or lex is None:
        return None
    if _ALTERNATIVE.match(text, mention.end):
        return Bound("about", False, mention.start)
    start = max(0, mention.start - _WINDOW)
    m = pattern.search(repair_homoglyphs(text[start : mention.start]))
    if m is None or (m.start() == 0 and start > 0 and text[start - 1].isalnum()):
        return None
    gap = _GAP.search(text, max(0, mention.start - _WINDOW), mention.start)
    if gap and range_gap().fullmatch(gap.group(1)):
        return None
    side, firm = lex.bounds[" ".join(m.group(1).lower().split())]
    return Bound(side, firm, start + m.start())


def _differ(a: Bound | None, b: Bound | None) -> bool:
    """Different sides; a bound against none only when it is firm (else it may be a preposition:
    "over 24 hours" / "innerhalb von 24 Stunden")."""
    if a is not None and b is not None:
        return a.side != b.side
    one = a or b
    return one is not None and one.firm


def changed_bounds(
    left: tuple[str, list[NumberMention], str], right: tuple[str, list[NumberMention], str]
) -> list[tuple[Span, Span]]:
    """Where a value both sides mention once is bound differently, as (left, right) spans from the
    bound to the number's end: "as many as 300" / "300", "nearly 649" / "преко 649". Each side is
    (text, its mentions, language)."""
    sides: list[dict[float, tuple[NumberMention, Bound | None] | None]] = []
    for text, mentions, lang in (left, right):
        once: dict[float, tuple[NumberMention, Bound | None] | None] = {}
        for n in mentions:
            if n.kind in _BOUNDED:
                once[n.value] = None if n.value in once else (n, bound(text, n, lang))
        sides.append(once)
    out = []
    for value in sorted(sides[0].keys() & sides[1].keys()):
        a, b = sides[0][value], sides[1][value]
        if a is None or b is None or not _differ(a[1], b[1]):
            continue
        (na, ba), (nb, bb) = a, b
        out.append(((ba.start if ba else na.start, na.end), (bb.start if bb else nb.start, nb.end)))
    return out
