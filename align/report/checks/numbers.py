"""Number check: the values one side mentions that the other does not (see :mod:`align.numbers` for
how "10,000", "10.000", "9. Dezember" and "five hundred" are read). Measures converted between unit
systems (:mod:`.units`) are reported with low severity, for a glance at the arithmetic."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Finding
from ...numbers import NumberMention, extract_numbers, unmatched
from ..base import Link, quoted
from .units import Unit, converted, units_of

# Translators add and drop small number words freely ("between the countries" / "zwischen den beiden
# Ländern" / "mes dy shteteve"): such a word on one side only is no divergence. Against a different
# number on the other side it still is ("two" / "three").
CASUAL_BELOW = 10


def _casual(mention: NumberMention) -> bool:
    return mention.kind == "word" and mention.value < CASUAL_BELOW


def _measure(text: str, mention: NumberMention, unit: Unit) -> str:
    return quoted([mention.text if unit.shared else text[mention.start : unit.end]])


def _conversions(
    link: Link, left: list[NumberMention], right: list[NumberMention]
) -> tuple[list[str], list[NumberMention], list[NumberMention]]:
    """Pair unmatched mentions that are one measure in two units: ("“650 pound” → “295 kg”", ...),
    and what is left unpaired on each side."""
    left_units = units_of(link.left_text, left, link.left_lang)
    right_units = units_of(link.right_text, right, link.right_lang)
    pairs, rest_left, taken = [], [], set()
    for a, unit_a in zip(left, left_units, strict=True):
        match = next(
            (
                j
                for j, (b, unit_b) in enumerate(zip(right, right_units, strict=True))
                if j not in taken and unit_a and unit_b and converted(a.value, unit_a, b.value, unit_b)
            ),
            None,
        )
        if match is None:
            rest_left.append(a)
            continue
        taken.add(match)
        b, unit_b = right[match], right_units[match]
        pairs.append(f"{_measure(link.left_text, a, unit_a)} \u2192 {_measure(link.right_text, b, unit_b)}")
    return pairs, rest_left, [b for j, b in enumerate(right) if j not in taken]


class NumberChecker:
    kinds = ("number",)

    def check(self, link: Link) -> Iterator[Finding]:
        if not (link.left_ids and link.right_ids):
            return  # an omission or addition is reported as such
        only_left, only_right = unmatched(
            extract_numbers(link.left_text, link.left_lang), extract_numbers(link.right_text, link.right_lang)
        )
        conversions, only_left, only_right = _conversions(link, only_left, only_right)
        if not (only_left and only_right):
            only_left = [n for n in only_left if not _casual(n)]
            only_right = [n for n in only_right if not _casual(n)]
        parts = [
            f"only in {lang}: {quoted([n.text for n in mentions])}"
            for lang, mentions in ((link.left_lang, only_left), (link.right_lang, only_right))
            if mentions
        ]
        if parts:
            # A value on each side that the other lacks is a changed number; one side only, an added one.
            severity = "high" if only_left and only_right else "medium"
            also = f" (converted: {', '.join(conversions)})" if conversions else ""
            yield link.finding("number", severity, f"Numbers differ: {'; '.join(parts)}{also}.")
        elif conversions:
            yield link.finding(
                "number", "low", f"Units converted, check the figures: {', '.join(conversions)}."
            )
