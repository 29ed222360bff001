"""Run the checkers over the links of a document set: the findings of a report, in a fixed order.

Order: pairs as selected (by default as aligned, pivot pairs first), then link position, then kind
(the order of :data:`align.report.checks.KINDS`), then the order a checker found them in. Everything is
computed from the document set and the termbase alone, so the same inputs give the same findings.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError, clip, warn
from ..model import Alignment, DocumentSet, Finding, TermHit
from ..model.rows import find_pair, set_link_texts
from ..terms import Termbase, TermMatch, TermMatcher
from .base import NEARBY, BuiltLinks, Checker, LinkContext, ReportOptions
from .checks import KINDS, checkers
from .checks.links import pair_ratio
from .renderings import SetRenderings, set_renderings

# Sentence terms per language: lang -> one tuple of matches per sentence (languages with terms only).
SentenceTerms = dict[str, list[tuple[TermMatch, ...]]]

# Kinds whose detail holds figures that change with the rest of the run (a cert, the pair's usual
# length ratio): their fingerprint leaves the detail out, so a silenced finding stays silenced.
_VOLATILE_DETAIL = frozenset({"low-confidence", "length"})


@dataclass
class Report:
    docset: DocumentSet
    alignments: list[Alignment]  # the pairs checked, in report order
    findings: list[Finding]
    options: ReportOptions = field(default_factory=ReportOptions)
    terms: SentenceTerms = field(default_factory=dict)
    termbase: str | None = None  # where the termbase came from, for headers
    ignored: list[Finding] = field(default_factory=list)  # silenced by an ignore file
    renderings: SetRenderings = field(default_factory=SetRenderings)  # the pivot's terms in each version


def fingerprint(finding: Finding) -> str:
    """A stable id for silencing one finding: 12 hex digits of a hash of what the finding is about.

    It covers the pair, kind, concept, both texts and the detail (which says what differs), not the
    sentence ids, so it survives re-segmentation elsewhere in the document and changes when either
    sentence is edited (then a reviewer should look again).
    """
    detail = "" if finding.kind in _VOLATILE_DETAIL else finding.detail
    key = "\x1f".join(
        (finding.pair, finding.kind, finding.concept or "", finding.src_text, finding.tgt_text, detail)
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def select_alignments(docset: DocumentSet, pairs: Sequence[str] | None = None) -> list[Alignment]:
    """The alignments to check: all of them, or the named pairs in the order given.

    A pair is ``SRC-TGT`` as aligned (``en-sr-Cyrl``), reversed, or two versions linked through the
    pivot (``de-sr-Cyrl``); a bare language tag means the pivot paired with it.
    """
    if not pairs:
        return list(docset.alignments)
    out: list[Alignment] = []
    for pair in pairs:
        name = f"{docset.pivot}-{pair}" if pair in docset.docs and pair != docset.pivot else pair
        alignment = find_pair(docset, name)
        if alignment is None:
            have = ", ".join(a.pair for a in docset.alignments)
            raise InputError(
                f"no pair {clip(pair)} in document set {clip(docset.id)} (aligned pairs: {have})"
            )
        if all(a.pair != alignment.pair for a in out):
            out.append(alignment)
    return out


def match_terms(docset: DocumentSet, termbase: Termbase, langs: Sequence[str]) -> SentenceTerms:
    """Termbase matches of every sentence of ``langs`` that the termbase has terms for."""
    out: SentenceTerms = {}
    for lang in dict.fromkeys(langs):
        if termbase.terms_for(lang):
            matcher = TermMatcher(termbase, lang)
            out[lang] = [tuple(matcher.find(s.text)) for s in docset.docs[lang].sentences]
    return out


def build_links(
    docset: DocumentSet, alignment: Alignment, terms: SentenceTerms, ratio: float | None = None
) -> list[LinkContext]:
    """The alignment's link texts (:func:`align.model.rows.set_link_texts`) as link contexts, with what
    checkers need beyond ids and text: term hits, the pair's usual length ratio (``ratio``, or learnt
    from these links), the text nearby."""
    src_lang, tgt_lang = alignment.src_lang, alignment.tgt_lang
    rows = set_link_texts(docset, alignment)
    texts = [(row.src_text, row.tgt_text) for row in rows]
    if ratio is None:
        ratio = pair_ratio((a, b) for a, b in texts if a and b)

    def hits(lang: str, indices: tuple[int, ...]) -> tuple[TermHit, ...] | None:
        found = terms.get(lang)
        return None if found is None else tuple(m.hit for i in indices for m in found[i])

    def spans(lang: str, indices: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """Where each hit of ``hits`` is in the side's text (its sentences joined with a space)."""
        found, sentences = terms.get(lang), docset.docs[lang].sentences
        out, offset = [], 0
        for i in indices:
            out += [(offset + m.start, offset + m.end) for m in (found[i] if found else ())]
            offset += len(sentences[i].text) + 1
        return tuple(out)

    def nearby(position: int, side: int) -> str:
        around = texts[max(0, position - NEARBY) : position] + texts[position + 1 : position + 1 + NEARBY]
        return " ".join(t[side] for t in around if t[side])

    return [
        LinkContext.of(
            docset,
            alignment,
            row,
            src_terms=hits(src_lang, row.link.src),
            tgt_terms=hits(tgt_lang, row.link.tgt),
            left_term_spans=spans(src_lang, row.link.src),
            right_term_spans=spans(tgt_lang, row.link.tgt),
            expected_ratio=ratio,
            src_nearby=nearby(position, 0),
            tgt_nearby=nearby(position, 1),
        )
        for position, row in enumerate(rows)
    ]


def _check_coverage(termbase: Termbase, alignments: list[Alignment], terms: SentenceTerms) -> None:
    """Term checks need terms for both languages of a pair: an error when no pair has them."""
    uncovered = [a for a in alignments if a.src_lang not in terms or a.tgt_lang not in terms]
    if uncovered and len(uncovered) == len(alignments):
        termbase.require_langs(dict.fromkeys(lang for a in alignments for lang in (a.src_lang, a.tgt_lang)))
    for a in uncovered:
        langs = " and ".join(lang for lang in (a.src_lang, a.tgt_lang) if lang not in terms)
        warn(f"no terms for {langs}: term checks skipped for {a.pair}", termbase.source)


_MARKING = frozenset({"number", "name"})  # kinds that say which words differ and how
_PARTIAL = frozenset({"partial-omission", "partial-addition"})
_LEFT_OUT = _PARTIAL | {"omission", "addition"}


def said_once(findings: list[Finding]) -> list[Finding]:
    """One link's findings with a divergence said once where one finding says all another does: a
    partial omission or addition of nothing but a number or name goes ("Numbers differ: only in en:
    18" says it, and says which), and so does the length finding of a link with an omission-kind
    finding (it guesses what that one says). A number or name inside an omitted clause stays: the
    clause found may be wider than what is missing, the number is exact."""
    marking = [
        (span, left)
        for f in findings
        if f.kind in _MARKING
        for left, spans in ((True, f.src_spans), (False, f.tgt_spans))
        for span in spans
    ]

    def restated(f: Finding) -> bool:
        left = bool(f.src_spans)
        marked = [span for span, side in marking if side == left]
        spans = f.src_spans or f.tgt_spans
        return bool(spans) and all(any(a <= x and y <= b for a, b in marked) for x, y in spans)

    kept = [f for f in findings if not (f.kind in _PARTIAL and restated(f))]
    if any(f.kind in _LEFT_OUT for f in kept):
        kept = [f for f in kept if f.kind != "length"]
    return kept


@dataclass(frozen=True)
class PairLearnt:
    """What a report learns from all links of one pair before checking any: the pair's usual length
    ratio and what each checker learnt (:meth:`Checker.learn`, in the order of the checkers)."""

    ratio: float
    by_checker: tuple[Any, ...]


class PairChecks:
    """The findings of one pair, per link, kept in step with edits: after an edit only the links whose
    findings can change (the edited ones and NEARBY either side) are checked again, by what the pair
    learnt when it was loaded, so an edit costs the same in a 50- or a 50,000-link file. The review
    editor's whole view of the report; :func:`build_report` checks each pair once with it."""

    def __init__(
        self,
        docset: DocumentSet,
        alignment: Alignment,
        active: Sequence[Checker],
        kinds: frozenset[str],
        terms: SentenceTerms | None = None,
    ) -> None:
        self.docset, self.alignment, self.active, self.kinds = docset, alignment, active, kinds
        self.terms = terms or {}
        links = build_links(docset, alignment, self.terms)
        ratio = links[0].expected_ratio if links else 1.0
        self.learnt = PairLearnt(ratio, tuple(c.learn(links) for c in active))
        self.findings: list[list[Finding]] = self._check(links)

    def _check(self, links: Sequence[LinkContext]) -> list[list[Finding]]:
        for checker, learnt in zip(self.active, self.learnt.by_checker, strict=True):
            checker.prepare(links, learnt)
        order = {kind: k for k, kind in enumerate(KINDS)}
        return [
            said_once(
                sorted(
                    (
                        f
                        for c, learnt in zip(self.active, self.learnt.by_checker, strict=True)
                        for f in c.check(link, learnt)
                        if f.kind in self.kinds
                    ),
                    key=lambda f: order[f.kind],
                )
            )
            for link in links
        ]

    def splice(self, start: int, removed: int, added: int) -> None:
        """Links ``start .. start + removed`` of the pair were replaced by ``added`` links (the
        alignment already holds them): check them and their neighbours again."""
        self.findings[start : start + removed] = [[] for _ in range(added)]
        lo = max(0, start - NEARBY)
        hi = min(len(self.findings), start + added + NEARBY)
        # links are built for a window NEARBY wider still: the text nearby is part of what a checker sees
        w_lo, w_hi = max(0, lo - NEARBY), min(len(self.alignment.links), hi + NEARBY)
        window = Alignment(self.alignment.src_lang, self.alignment.tgt_lang, self.alignment.links[w_lo:w_hi])
        links = build_links(self.docset, window, self.terms, self.learnt.ratio)
        self.findings[lo:hi] = self._check(links[lo - w_lo : hi - w_lo])


def build_report(
    docset: DocumentSet,
    *,
    pairs: Sequence[str] | None = None,
    termbase: Termbase | None = None,
    options: ReportOptions | None = None,
) -> Report:
    """Check the selected pairs of ``docset``. Term checks run where the termbase has terms for both
    languages of a pair (a warning names the pairs skipped); InputError when no pair has them."""
    options = options or ReportOptions()
    alignments = select_alignments(docset, pairs)
    langs = [lang for a in alignments for lang in (a.src_lang, a.tgt_lang)]
    terms = match_terms(docset, termbase, langs) if termbase is not None else {}
    if termbase is not None:
        _check_coverage(termbase, alignments, terms)
    labels = {c.id: c.label or c.id for c in termbase.concepts} if termbase is not None else None
    built: BuiltLinks = {}  # pivot links, built once for both
    renderings = set_renderings(docset, options.renderings, built)
    active = checkers(options, labels, docset, renderings, built)
    findings = [
        f
        for alignment in alignments
        for per_link in PairChecks(docset, alignment, active, options.kinds, terms).findings
        for f in per_link
    ]
    return Report(
        docset,
        alignments,
        findings,
        options,
        terms,
        termbase.source if termbase is not None else None,
        renderings=renderings,
    )
