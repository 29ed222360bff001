"""Month names next to numbers ("9 December", "decembra 2022.") and ranges ("24-48", "od 24 do 48")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..lang import WORD
from . import vocabulary
from .mention import NumberMention
from .words import Lexicon

_OPENER_WINDOW = 64  # characters before a range searched for its opener ("between")
# What may stand between a number and the month name after it ("9. December", "9 of May"), and between
# a month name and the number after it ("December 9", "dhjetor të vitit 2022", "qershor të 2017",
# "qershorin e vitit 2017").
_BEFORE_MONTH = re.compile(r"[\s.,]*(?:of\s+|më\s+)?", re.IGNORECASE)
_AFTER_MONTH = re.compile(r"\.?[\s,]*(?:of\s+|(?:të|e)\s+(?:vitit\s+)?)?")


def month_mentions(text: str, lex: Lexicon, numbers: list[NumberMention]) -> list[NumberMention]:
    """Month names next to a number ("9 December", "decembra 2022."), as the month's number."""
    # Only the nearest number on each side can be next to it: the gap to any farther one holds the
    # nearer one's digits or letters. Looked up by bisection, so long texts stay linear-ish.
    numbers = [n for n in numbers if n.kind not in ("percent", "time")]
    if not numbers:
        return []
    ends = sorted((n.end, i) for i, n in enumerate(numbers))
    starts = sorted((n.start, i) for i, n in enumerate(numbers))
    out = []
    for m in WORD.finditer(text):
        month = lex.months.get(m.group(0).lower().rstrip("."))
        if month is None:
            continue
        before = text[max(0, m.start() - 8) : m.start()]
        after = text[m.end() : m.end() + 4]
        i = bisect_right(ends, (m.start(), len(numbers))) - 1
        j = bisect_left(starts, (m.end(), -1))
        near = (i >= 0 and _BEFORE_MONTH.fullmatch(text, ends[i][0], m.start()) is not None) or (
            j < len(starts) and _AFTER_MONTH.fullmatch(text, m.end(), starts[j][0]) is not None
        )
        if near and (before or after):
            out.append(NumberMention(float(month), m.group(0), m.start(), m.end(), "month"))
    return out


def label_ranges(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """Mark both ends of "24-48", "24 to 48", "od 24 do 48", "zwischen 24 und 48"."""
    out = list(mentions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind not in ("int", "decimal", "year", "word") or b.kind not in (
            "int",
            "decimal",
            "year",
            "word",
            "percent",
        ):
            continue
        gap = vocabulary.range_gap().fullmatch(text, a.end, b.start)
        if gap is None:
            continue
        if gap.group(0).strip().lower() in vocabulary.and_words() and not vocabulary.range_opener().search(
            text, max(0, a.start - _OPENER_WINDOW), a.start
        ):
            continue
        out[i] = NumberMention(a.value, a.text, a.start, a.end, "range-start", a.alt)
        if b.kind != "percent":
            value, alt = b.value, b.alt
            if a.kind == "year" and len(b.text) == 2 and gap.group(0).strip() in "-–—‒":
                value, alt = a.value // 100 * 100 + b.value, b.value  # "1950-53"
            out[i + 1] = NumberMention(value, b.text, b.start, b.end, "range-end", alt)
    return out
