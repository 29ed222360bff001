"""Terminology checks on a link: framing, term-missing and forbidden-term.

Concepts are compared by presence, not count: a translation may say "Kosovo" once where the source
says it twice. A concept found on one side only is ``framing`` when the words found carry a framing
label (a loaded phrase added or dropped, such as "тзв." or "incited by Belgrade") and ``term-missing``
when they are neutral. Forbidden terms are reported on the right side only: the left is the source the
translation is checked against (report the source with its own pair if it needs checking too).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from ...model import Finding, TermHit
from ..base import CheckContext, Checker, LinkContext, quoted

NEUTRAL = "neutral"


Spans = tuple[tuple[int, int], ...]


def _by_concept(hits: tuple[TermHit, ...], spans: Spans) -> dict[str, tuple[tuple[TermHit, ...], Spans]]:
    """Hits grouped by concept, each group with where its hits are (spans: one per hit, or none)."""
    grouped: dict[str, tuple[list[TermHit], list[tuple[int, int]]]] = {}
    for i, hit in enumerate(hits):
        group = grouped.setdefault(hit.concept, ([], []))
        group[0].append(hit)
        if i < len(spans):
            group[1].append(spans[i])
    return {concept: (tuple(h), tuple(sorted(set(w)))) for concept, (h, w) in grouped.items()}


def _labels(hits: tuple[TermHit, ...]) -> set[str | None]:
    return {h.framing for h in hits}


def _shown(hits: tuple[TermHit, ...]) -> str:
    """``“Kosovo” (neutral), “Republic of Kosovo” (pristina)``: each surface with its framing."""
    pairs = dict.fromkeys((h.surface, h.framing or NEUTRAL) for h in hits)
    return ", ".join(f"\u201c{surface}\u201d ({label})" for surface, label in pairs)


class TermChecker(Checker):
    kinds = {
        "framing": "A term is rendered with a different framing (loaded or neutral wording) than the source",
        "term-missing": "The termbase equivalent of a source term is not used in the translation",
        "forbidden-term": "The translation uses a term the termbase marks as forbidden",
    }
    needs_terms = True

    def __init__(self, context: CheckContext) -> None:
        super().__init__(context)
        self._labels = context.concept_labels or {}  # concept id -> readable name, for details

    def check(self, link: LinkContext, learnt: object = None) -> Iterator[Finding]:
        if link.src_terms is None or link.tgt_terms is None or not (link.src_ids and link.tgt_ids):
            return
        left = _by_concept(link.src_terms, link.left_term_spans)
        right = _by_concept(link.tgt_terms, link.right_term_spans)
        for concept in dict.fromkeys([*left, *right]):
            yield from self._compare(link, concept, left.get(concept, ((), ())), right.get(concept, ((), ())))
        forbidden: dict[TermHit, list[tuple[int, int]]] = {}
        for i, hit in enumerate(link.tgt_terms):
            if hit.forbidden:
                forbidden.setdefault(hit, []).extend(link.right_term_spans[i : i + 1])
        for hit, where in forbidden.items():
            yield link.finding(
                "forbidden-term",
                "high",
                f"{link.tgt_lang} uses \u201c{hit.surface}\u201d, which the termbase forbids "
                f"(entry \u201c{hit.term}\u201d, concept {self._name(hit.concept)}).",
                concept=hit.concept,
                tgt_terms=(hit,),
                tgt_spans=tuple(where),
            )

    def _name(self, concept: str) -> str:
        label = self._labels.get(concept)
        return f"\u201c{label}\u201d ({concept})" if label and label != concept else concept

    def _compare(
        self,
        link: LinkContext,
        concept: str,
        left_group: tuple[tuple[TermHit, ...], Spans],
        right_group: tuple[tuple[TermHit, ...], Spans],
    ) -> Iterator[Finding]:
        (left, src_spans), (right, tgt_spans) = left_group, right_group
        name = self._name(concept)
        found = functools.partial(
            link.finding,
            concept=concept,
            src_terms=left,
            tgt_terms=right,
            src_spans=src_spans,
            tgt_spans=tgt_spans,
        )
        if left and right:
            lf, rf = _labels(left), _labels(right)
            if lf == rf:
                return
            loaded_left, loaded_right = lf - {None}, rf - {None}
            severity = "high" if loaded_left and loaded_right else "medium"
            detail = (
                f"Framing differs for {name}: {link.src_lang} {_shown(left)}, "
                f"{link.tgt_lang} {_shown(right)}."
            )
            yield found("framing", severity, detail)
            return
        hits, lang, other = (
            (left, link.src_lang, link.tgt_lang) if left else (right, link.tgt_lang, link.src_lang)
        )
        if any(h.framing for h in hits):
            verb = "has" if left else "adds"
            detail = f"{lang} {verb} {_shown(hits)} for {name}; {other} has no term of that concept."
            yield found("framing", "medium", detail)
        else:
            surfaces = quoted([h.surface for h in hits])
            detail = f"{lang} uses {surfaces} ({name}); {other} has no term of that concept."
            yield found("term-missing", "low", detail)
