"""Checks on the alignment itself: sentences without counterpart, doubtful links, odd lengths."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from statistics import median

from ...model import Finding
from ..base import Checker, LinkContext

# Below this many characters on the longer side a length ratio says nothing ("He said." / "Рекао је").
MIN_LENGTH = 30


class GapChecker(Checker):
    """``omission`` (a 1-0 link: left sentences with no counterpart) and ``addition`` (0-1)."""

    kinds = {
        "omission": "A source sentence missing in the translation (alone, or inside a merged link)",
        "addition": "A sentence of the translation not in the source (alone, or inside a merged link)",
    }

    def check(self, link: LinkContext, learnt: object = None) -> Iterator[Finding]:
        # Details name no sentence ids: they shift when the text is re-segmented (see fingerprint).
        if not link.tgt_ids:
            yield link.finding(
                "omission", "high", f"{link.tgt_lang} has no counterpart for this {link.src_lang} text."
            )
        elif not link.src_ids:
            yield link.finding(
                "addition", "high", f"{link.src_lang} has no counterpart for this {link.tgt_lang} text."
            )


class ConfidenceChecker(Checker):
    kinds = {"low-confidence": "The aligner is not confident that the linked sentences correspond"}

    def check(self, link: LinkContext, learnt: object = None) -> Iterator[Finding]:
        cert, threshold = link.link.cert, self.context.options.min_cert
        if cert is None or not (link.src_ids and link.tgt_ids) or cert >= threshold:
            return
        yield link.finding(
            "low-confidence",
            "low",
            f"The aligner's confidence in this {link.link.kind} link is {below(cert, threshold)} "
            f"(below {threshold:g}); check that the sentences correspond.",
        )


def below(value: float, threshold: float) -> str:
    """``value`` to two decimals, or as many more as it takes not to read as ``threshold`` or above
    (0.4996 below 0.5 is 0.4996, not 0.50)."""
    for decimals in range(2, 8):
        shown = f"{value:.{decimals}f}"
        if float(shown) < threshold:
            return shown
    return repr(value)


def pair_ratio(pairs: Iterable[tuple[str, str]]) -> float:
    """The usual right/left length ratio of a language pair: the median over its links.

    German runs longer than English, Serbian Cyrillic about as long; a median is robust to the very
    links this check is looking for.
    """
    ratios = [len(b) / len(a) for a, b in pairs if len(a) >= MIN_LENGTH and len(b) >= MIN_LENGTH]
    return median(ratios) if ratios else 1.0


class LengthChecker(Checker):
    kinds = {"length": "The linked sentences differ in length more than translations usually do"}

    def check(self, link: LinkContext, learnt: object = None) -> Iterator[Finding]:
        left, right = len(link.src_text), len(link.tgt_text)
        if not (left and right) or max(left, right) < MIN_LENGTH:
            return
        relative = right / left / link.expected_ratio
        max_ratio = self.context.options.length_ratio
        if 1 / max_ratio <= relative <= max_ratio:
            return
        longer = link.tgt_lang if relative > 1 else link.src_lang
        factor = relative if relative > 1 else 1 / relative
        yield link.finding(
            "length",
            "medium",
            f"The {longer} side is {factor:.1f} times as long as usual for {link.pair} "
            f"({left} vs {right} characters); something may be added or left out.",
        )
