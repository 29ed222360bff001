"""Term renderings that diverge, found without a glossary (:mod:`align.report.renderings`).

A pivot term occurs several times; each version renders each occurrence by the words the word
alignment links to it. Two divergences are reported where one version stands apart at an occurrence
that every other version renders as it renders the term elsewhere:

- **a word added** to the rendering ("Republika e Kosovës" where "Kosovës" stands elsewhere; "the
  Prime Minister of the provisional institutions"): a word that no other rendering of the term in
  that version holds and that the links of its other occurrences do not hold at all;
- **an unrelated rendering**: no word in common (nor its first letters) with the version's other
  renderings of the term, which the link does not hold either ("kufi" elsewhere, "vijë administrative"
  here).

Both are weaker evidence than a glossary: a term seen twice or an occurrence some version renders
unusually itself makes the finding low and a review candidate; otherwise it is medium.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ...model import Finding
from ..base import CheckContext, Checker, LinkContext, quoted
from ..renderings import Occurrence, SetRenderings, set_renderings

PREFIX = 3  # words sharing their first PREFIX letters are related (a crude stem for every language)
SURE = 3  # occurrences of a term in a version for a finding not to be a review candidate


def _related(a: str, b: str) -> bool:
    return a[:PREFIX] == b[:PREFIX] or a in b or b in a


def _usual(occurrence: Occurrence, others: Sequence[Occurrence]) -> bool:
    """Whether a version renders ``occurrence`` with words its other renderings of the term hold."""
    seen = {w for o in others for w, _, _ in o.words}
    return all(any(_related(w, x) for x in seen) for w, _, _ in occurrence.words)


class RenderingChecker(Checker):
    kinds = {
        "rendering": "a pivot term rendered with a word added or in an unrelated way in one version "
        "(no glossary needed; off unless named: few are real on clean text)"
    }
    by_default = False

    def __init__(self, context: CheckContext) -> None:
        super().__init__(context)
        found = context.renderings
        if not isinstance(found, SetRenderings):
            found = set_renderings(context.docset, context.options.renderings)
        # (version, src ids, tgt ids) -> (src span, tgt spans, severity, detail) of each finding
        self.found: dict[tuple[str, tuple[str, ...], tuple[str, ...]], list[tuple[Any, ...]]] = {}
        for lang, terms in found.occurrences.items():
            for term, occurrences in terms.items():
                for k, occurrence in enumerate(occurrences):
                    self._judge(lang, term, occurrence, [*occurrences[:k], *occurrences[k + 1 :]], found)

    def _judge(
        self, lang: str, term: str, here: Occurrence, others: Sequence[Occurrence], found: SetRenderings
    ) -> None:
        rendered = [o for o in others if o.words]
        if not here.words or not rendered:
            return
        seen = {w for o in rendered for w, _, _ in o.words}
        elsewhere = frozenset().union(*(o.tgt_words for o in rendered))
        added = [(w, a, b) for w, a, b in here.words if not any(_related(w, x) for x in seen | elsewhere)]
        if not added:
            return
        unrelated = not any(_related(w, x) for w, _, _ in here.words for x in seen)
        if unrelated and any(_related(w, x) for w in seen for x in here.tgt_words):
            return  # the usual rendering is in the link too: the aligner linked another word
        # every other version renders this occurrence as it renders the term elsewhere
        weak = len(rendered) + 1 < SURE
        for other, terms in found.occurrences.items():
            if other == lang:
                continue
            same = [o for o in terms[term] if (o.src_ids, o.src_span) == (here.src_ids, here.src_span)]
            rest = [o for o in terms[term] if o not in same]
            if not same or not all(_usual(o, rest) for o in same):
                return
            weak = weak or len({o.rendering for o in rest if o.words}) > 1
        usual = quoted(sorted({o.rendering for o in rendered}))
        words = quoted([w for w, _, _ in (here.words if unrelated else added)])
        what = "renders it" if unrelated else "adds"
        detail = f"{lang} {what} {words} for \u201c{term}\u201d (elsewhere {usual})"
        if weak:
            detail += "; review candidate: few occurrences"
        spans = tuple((a, b) for _, a, b in (here.words if unrelated else added))
        key = (lang, here.src_ids, here.tgt_ids)
        self.found.setdefault(key, []).append((here.src_span, spans, "low" if weak else "medium", detail))

    def check(self, link: LinkContext, learnt: Any = None) -> Iterator[Finding]:
        if link.src_lang != self.context.docset.pivot:
            return
        done: set[tuple[tuple[int, int], ...]] = set()
        key = (link.tgt_lang, link.src_ids, link.tgt_ids)
        for src_span, spans, severity, detail in self.found.get(key, []):
            if spans in done:
                continue  # a longer term found the same words
            done.add(spans)
            yield link.finding("rendering", severity, detail, src_spans=(src_span,), tgt_spans=spans)
