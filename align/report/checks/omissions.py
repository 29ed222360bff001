"""Omissions inside links: a sentence of a merged link, a clause or the words of a sentence that the
other side does not translate (``omission`` / ``partial-omission``; ``addition`` / ``partial-addition``
the other way round). Three signals, each cheap where the one before is costly:

* length: a side that leaves something out is shorter than the pair's usual ratio would have it
  (``Link.expected_ratio``); how much longer the other side is (``longer``) screens the tests below;
* coverage: the words and numbers of a side whose lexical feature both documents use (names, numbers,
  cognates: :func:`align.text.features.features`, learnt from the two versions), or numbers without a unit
  that the other version never mentions (:func:`lone_numbers`), and which the other side of the link
  and its neighbours lack. In a side ``lexical_ratio`` times longer than usual they are
  reported as they are;
* edges: a news dateline opening a sentence ("BERLIN (AP) -", "GAZIANTEP.KAZINFORM -": a word in
  capitals before a spaced dash) or a source tag closing one ("... - RT World News": capitalised words
  after the last spaced dash) is reported when none of its words occurs on the other side. Short, so
  neither the length nor the embedding would notice it; free to test;
* contrastive embedding: remove a unit (one sentence of an n-m link, or a clause holding an uncovered
  word); when the rest matches the other side better than the whole does (the cosine gains), the other
  side says nothing the unit says. A translated unit makes the match worse when removed, the more so
  the more of the side it is, so a clause's gain is judged with ``share_weight`` × its share of the
  side added: a faithful paraphrase, however free, gains nothing.

Cost, bounded: every merged link is tested (merges are a few percent of links), clauses only in sides
``screen_ratio`` times longer than usual, in sentences of ``min_words`` words or more, and only clauses
holding an uncovered word. Each test embeds the side without the unit, plus the two sides; all links of
a pair are embedded in one batch (``prepare``) through the on-disk cache, so a report run twice, or ten
translations of one source, embed each text once. Figures: scripts/README.md (``bench_omissions.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np

from ...embedding import READ_CHARS, Embedder
from ...lang import WORD
from ...model import Finding
from ...numbers import extract_numbers
from ...text.features import features, word_features
from ...text.textnorm import fold
from ..base import CheckContext, Checker, LinkContext, OmissionParams, quoted
from ..wordlinks import LinkWords, aligned_share, link_words

EmbedFn = Callable[[Sequence[str]], np.ndarray]  # texts -> L2-normalised vectors
OMISSION_KINDS = frozenset({"omission", "partial-omission"})
OTHERS = 2  # other versions of the pivot whose word links judge a partial omission (median of two+)


# Clause boundaries: , ; : before a space, dashes between spaces, brackets and quotation marks.
_BOUNDARY = re.compile(r"[,;:](?=\s)|\s[-\u2013\u2014]\s|[()\[\]\"\u201c\u201d\u201e\u00ab\u00bb]")
_SPACES = re.compile(r"\s+")


# A dateline: up to four words before a spaced dash (one of them in capitals, 3+ letters: checked in
# edges()); a source tag: one to four capitalised words after the last spaced dash.
_DATELINE = re.compile(r"^((?:[^\s\-\u2013\u2014]+\s+){0,3}[^\s\-\u2013\u2014]+)\s+[-\u2013\u2014]\s")
_SOURCE_TAG = re.compile(r"\s[-\u2013\u2014]\s+((?:[^\W\d_]\w*\s+){0,3}[^\W\d_]\w*)\s*$")
_EDGE_PREFIX = 4  # "Berlin" is present in "Berliner"


def edges(text: str) -> list[tuple[int, int]]:
    """Spans of a dateline opening ``text`` and a source tag closing it (see the module doc)."""
    found = []
    if (m := _DATELINE.match(text)) and any(len(w) >= 3 and w.isupper() for w in WORD.findall(m.group(1))):
        found.append(m.span(1))
    if (m := _SOURCE_TAG.search(text)) and all(w[0].isupper() for w in m.group(1).split()):
        found.append(m.span(1))
    return found


def missing_edges(text: str, lang: str, other: str, other_lang: str) -> tuple[tuple[int, int], ...]:
    """The edges of ``text`` none of whose words (case- and script-folded; a long one by its first
    letters) occurs in ``other``."""
    found = edges(text)
    if not found:
        return ()
    words = set(WORD.findall(fold(other, other_lang)))
    prefixes = {w[:_EDGE_PREFIX] for w in words if len(w) >= _EDGE_PREFIX}

    def present(word: str) -> bool:
        return word in words or (len(word) >= _EDGE_PREFIX and word[:_EDGE_PREFIX] in prefixes)

    return tuple((a, b) for a, b in found if not any(present(w) for w in WORD.findall(fold(text[a:b], lang))))


@dataclass(frozen=True)
class Clause:
    """A stretch of one side that may have no counterpart: ``start``/``end`` into the side's text."""

    start: int
    end: int
    sentence: bool  # a whole sentence of a merge (else a clause)
    gain: float = 0.0


def clauses(text: str, min_words: int) -> list[tuple[int, int]]:
    """Spans of the clauses of ``text`` with at least ``min_words`` words, trimmed of spaces; none
    when the text is a single clause."""
    cuts = [0, *(m.start() for m in _BOUNDARY.finditer(text)), len(text)]
    spans = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip(' ,;:-\u2013\u2014()[]"\u201c\u201d\u201e\u00ab\u00bb'))
        start, end = a + lead, a + len(piece.rstrip())
        if end > start and len(WORD.findall(text[start:end])) >= min_words:
            spans.append((start, end))
    return spans if len(spans) > 1 else []


def sentence_spans(sentences: Sequence[str]) -> list[tuple[int, int]]:
    """Offsets of each sentence in the sentences joined with a space (as a Link's text is)."""
    spans, pos = [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        pos += len(s) + 1
    return spans


def without(text: str, start: int, end: int, limit: int | None = None) -> str:
    """``text`` without ``text[start:end]``, spaces closed up; only its first ``limit`` characters
    when given (built from as little of ``text`` as they need)."""
    if limit is None:
        return _SPACES.sub(" ", f"{text[:start]} {text[end:]}").strip()
    # closing up spaces shortens the text, so take twice what the result keeps from each end
    head, tail = text[: min(start, 2 * limit)], text[end : end + 2 * limit]
    return _SPACES.sub(" ", f"{head} {tail}").strip()[:limit]


def anchors(left: Counter[str], right: Counter[str], balance: float) -> frozenset[str]:
    """The lexical features that carry over between the two versions: used by both, about as often
    (the rarer side at least ``balance`` times the other). A name or number a translation keeps occurs
    as often in it as in the source; a chance likeness ("will", "die") does not."""
    return frozenset(
        f for f in left.keys() & right.keys() if min(left[f], right[f]) >= balance * max(left[f], right[f])
    )


def _numbers(text: str, lang: str) -> tuple[set[str], set[str]]:
    """Number features (``#value``) of ``text``: (those without a unit, all)."""
    mentions = extract_numbers(text, lang, units=True)
    return {f"#{n.value:g}" for n in mentions if n.unit is None}, {f"#{n.value:g}" for n in mentions}


def lone_numbers(pairs: Sequence[tuple[str, str]], src_lang: str, tgt_lang: str) -> frozenset[str]:
    """Number features of the numbers without a unit that one version mentions and the other never
    does ("Sept. 11, 2001" in a translation without 2001), over the (left, right) texts of a pair's
    links: a number needs no learning to carry over, so one missing from the whole other version is
    as telling as a dropped name. Left to the number check: numbers with a unit (it knows conversions:
    "640 pounds" / "290 Kilo") and a link where each side has such a number (a changed number)."""
    left = [_numbers(a, src_lang) for a, _ in pairs]
    right = [_numbers(b, tgt_lang) for _, b in pairs]
    left_all = set().union(*(every for _, every in left))
    right_all = set().union(*(every for _, every in right))
    lone = [
        (bare_l - right_all, bare_r - left_all) for (bare_l, _), (bare_r, _) in zip(left, right, strict=True)
    ]
    return frozenset(f for a, b in lone if not (a and b) for f in a | b)


_IN_WORDS = frozenset({"inword", "implicit"})  # number mentions inside a word or carried by one


def _covered(text: str, lang: str) -> set[str]:
    """The lexical features of ``text``, with the values of numbers said inside a word or by a word
    that carries one ("Zweijahrestief" covers the "two" of "two-year low", "decade" a 10)."""
    found = set(features(text, lang))
    return found | {f"#{n.value:g}" for n in extract_numbers(text, lang, loose=True) if n.kind in _IN_WORDS}


def uncovered(text: str, lang: str, shared: Set[str], covered: Set[str]) -> list[tuple[int, int]]:
    """Spans of the words and numbers of ``text`` that carry a lexical feature both documents use
    (a name, number or cognate: :func:`align.text.features.features`) and ``covered`` lacks."""
    spans = [
        m.span()
        for m in WORD.finditer(text)
        if any(f in shared and f not in covered for f in word_features(m.group(), lang))
    ]
    for n in extract_numbers(text, lang):
        if (key := f"#{n.value:g}") in shared and key not in covered:
            spans.append((n.start, n.end))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


@dataclass(frozen=True)
class _Side:
    """One side of a link as the checks see it: ``left`` is the pivot's side (omissions)."""

    left: bool
    text: str
    sentences: tuple[str, ...]
    lang: str
    other: str
    other_lang: str
    longer: float  # how much longer than the pair's usual ratio would have it (1 = as usual)
    uncovered: tuple[tuple[int, int], ...]
    edges: tuple[tuple[int, int], ...] = ()  # a dateline or source tag the other side lacks


def _inside(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


@dataclass
class ContrastChecker(Checker):
    """``omission``/``addition`` for merged sentences and ``partial-omission``/``partial-addition`` for
    clauses and words (see the module doc); ``embed`` maps texts to L2-normalised vectors."""

    # omission and addition are described by the GapChecker, which registers them first
    kinds: ClassVar[dict[str, str]] = {
        "omission": "",
        "addition": "",
        "partial-omission": "Words of the source (a clause or phrase) missing in the linked translation",
        "partial-addition": "Words of the translation (a clause or phrase) not in the linked source",
    }
    # partial additions are nearly all explicitations and free renderings on professional text (0 real
    # of 28 on clean ntrex-dev, 0 of 2 on the labelled sample) and find none of mqm-dev's marked
    # additions (scripts/README.md): asked for, not given by default
    opt_in: ClassVar[frozenset[str]] = frozenset({"partial-addition"})
    embed: EmbedFn
    params: OmissionParams = field(default_factory=OmissionParams)
    kinds_wanted: frozenset[str] = frozenset(kinds)
    # the testable sides of the links of the last prepare, which check needs again (costly to find)
    prepared: dict[LinkContext, list[_Side]] = field(default_factory=dict)
    # word links of the links with a finding before the word check (set by prepare)
    words: dict[LinkContext, LinkWords] = field(default_factory=dict)
    # word links of the same pivot sentences in the set's other versions (set by prepare)
    others: dict[LinkContext, list[LinkWords]] = field(default_factory=dict)
    # the report's context: the set the links come from (the word aligner's training), its pivot links
    report: CheckContext | None = None

    @classmethod
    def create(cls, context: CheckContext) -> ContrastChecker:
        options = context.options
        return cls(Embedder(cache_dir=options.cache_dir), options.omission, options.kinds, report=context)

    def _sides(self, link: LinkContext, shared: frozenset[str]) -> Iterator[_Side]:
        """The sides of a link that may have left something out (omissions: left; additions: right),
        with their uncovered words when they are long enough for the clause or word checks."""
        if not (link.src_text and link.tgt_text):
            return
        ratio = len(link.src_text) / len(link.tgt_text) * link.expected_ratio
        least = min(self.params.screen_ratio, self.params.lexical_ratio)
        left_side = (link.src_text, link.src_lang, link.src_sentences, link.src_nearby)
        right_side = (link.tgt_text, link.tgt_lang, link.tgt_sentences, link.tgt_nearby)
        for left, longer in ((True, ratio), (False, 1 / ratio)):
            wanted = "omission" if left else "addition"
            (text, lang, sentences, _), (other, other_lang, _, nearby) = (
                (left_side, right_side) if left else (right_side, left_side)
            )
            merge = len(sentences) > 1 and wanted in self.kinds_wanted
            partial_wanted = f"partial-{wanted}" in self.kinds_wanted
            partial = longer >= least and partial_wanted
            lacking = missing_edges(text, lang, other, other_lang) if partial_wanted else ()
            if not (merge or partial or lacking):
                continue
            covered = _covered(f"{other} {nearby}", other_lang) if partial else set()
            spans = tuple(uncovered(text, lang, shared, covered)) if partial else ()
            yield _Side(left, text, sentences, lang, other, other_lang, longer, spans, lacking)

    def _candidates(self, side: _Side) -> list[Clause]:
        """Units to test by embedding: every sentence of a merge, and in sides longer than
        ``screen_ratio`` the clauses of long sentences that hold an uncovered word."""
        wanted = "omission" if side.left else "addition"
        spans = sentence_spans(side.sentences)
        found: list[Clause] = []
        if len(spans) > 1 and wanted in self.kinds_wanted:
            found += [Clause(a, b, True) for a, b in spans]
        if f"partial-{wanted}" in self.kinds_wanted and side.longer >= self.params.screen_ratio:
            for a, b in spans:
                if len(WORD.findall(side.text[a:b])) < self.params.min_words:
                    continue
                for s, e in clauses(side.text[a:b], self.params.min_clause):
                    if any(a + s <= u0 and u1 <= a + e for u0, u1 in side.uncovered):
                        found.append(Clause(a + s, a + e, False))
        return found

    @staticmethod
    def _texts(side: _Side, clauses: list[Clause]) -> list[str]:
        """What testing ``units`` embeds: the side, the other side, the side without each unit. The
        embedder reads a text's first READ_CHARS characters only, so no more is built or given: a huge
        link (N sentences linked to N) costs linear, not quadratic, time and memory, with the same
        vectors (units past the window leave the same head, embedded once)."""
        if not clauses:
            return []
        cut = READ_CHARS
        return [
            side.text[:cut],
            side.other[:cut],
            *(without(side.text, u.start, u.end, cut) for u in clauses),
        ]

    def learn(self, links: Sequence[LinkContext]) -> frozenset[str]:
        """The anchors of the pair: the features both versions use about as often, and lone numbers."""
        if not links:
            return frozenset()
        first = links[0]
        texts = [(link.src_text, link.tgt_text) for link in links]
        return anchors(
            Counter(f for text, _ in texts for f in features(text, first.src_lang)),
            Counter(f for _, text in texts for f in features(text, first.tgt_lang)),
            self.params.balance,
        ) | lone_numbers(texts, first.src_lang, first.tgt_lang)

    def prepare(self, links: Sequence[LinkContext], learnt: frozenset[str] | None = None) -> None:
        """Embed what the links' tests need in one batch (several times faster than link by link)."""
        self.prepared = {link: list(self._sides(link, learnt or frozenset())) for link in links}
        self.others = {}
        sides = [side for found in self.prepared.values() for side in found]
        self.embed([t for side in sides for t in self._texts(side, self._candidates(side))])
        if links and min(self.params.word_share, self.params.partial_word_share) < 1:
            flagged = [link for link in links if any(self._decided(link, learnt))]
            texts = (
                self.report.pair_texts(links)
                if self.report is not None
                else [(x.src_text, x.tgt_text) for x in links]  # a checker used on its own
            )
            self.words = link_words(texts, flagged) if flagged else {}
            self.others = self._other_versions(flagged)

    def _other_versions(self, flagged: Sequence[LinkContext]) -> dict[LinkContext, list[LinkWords]]:
        """For each flagged link of a pivot pair, the word links of the same pivot sentences in every
        other version that links them alone (so its side text is the same), when there are two or
        more: what a clause's words look like where no one dropped it."""
        context = self.report
        # needs the pivot, this version and OTHERS more
        if (
            context is None
            or not flagged
            or flagged[0].src_lang != context.docset.pivot
            or len(context.docset.docs) < 2 + OTHERS
        ):
            return {}
        wanted = {link.src_ids: link for link in flagged}
        found: dict[LinkContext, list[LinkWords]] = {link: [] for link in flagged}
        for version, links in context.pivot_links().items():
            if version == flagged[0].tgt_lang:
                continue
            same = [x for x in links if x.src_ids in wanted and x.tgt_ids]
            words = link_words([(x.src_text, x.tgt_text) for x in links], same) if same else {}
            for x, w in words.items():
                found[wanted[x.src_ids]].append(w)
        return {link: w for link, w in found.items() if len(w) >= OTHERS}

    def clauses(self, side: _Side) -> list[Clause]:
        """The side's units with their gains (all candidates tested, before any threshold)."""
        found = self._candidates(side)
        if not found:
            return []
        vectors = self.embed(self._texts(side, found))
        gains = vectors[2:] @ vectors[1] - float(vectors[0] @ vectors[1])
        return [Clause(u.start, u.end, u.sentence, float(g)) for u, g in zip(found, gains, strict=True)]

    def evidence(
        self, link: LinkContext, learnt: frozenset[str] | None = None
    ) -> list[tuple[_Side, list[Clause]]]:
        """Each testable side of the link with its tested units, before any threshold."""
        sides = self.prepared[link] if link in self.prepared else self._sides(link, learnt or frozenset())
        return [(side, self.clauses(side)) for side in sides]

    def _decided(
        self, link: LinkContext, learnt: frozenset[str] | None = None
    ) -> Iterator[tuple[_Side, Spans, Spans]]:
        """Each side with what the thresholds find (sentences of a merge, partial spans), before the
        word check, without words the glossary or a bracketed acronym accounts for."""
        for side, clauses in self.evidence(link, learnt):
            merged, partial = decide(side, clauses, self.params)
            translated = _translated_terms(link, side.left)
            partial = [
                s
                for s in partial
                if not _inside(s, translated)
                and not glosses_acronym(side.text, side.lang, s, side.other, side.other_lang)
            ]
            if merged or partial:
                yield side, merged, partial

    def _rendered_elsewhere(self, link: LinkContext, side: _Side, span: tuple[int, int]) -> bool:
        words, others = self.words.get(link), self.others.get(link)
        if not side.left or words is None or not others:
            return False
        return rendered_elsewhere(words, others, side.text, span, side.lang, self.params.consensus_margin)

    def _translated(self, link: LinkContext, side: _Side, span: tuple[int, int], least: float) -> bool:
        """Whether at least ``least`` of the content words of ``span`` align into the other side."""
        words = self.words.get(link)
        share = aligned_share(words, side.left, span, side.lang) if words else None
        return share is not None and share >= least

    def check(self, link: LinkContext, learnt: frozenset[str] | None = None) -> Iterator[Finding]:
        for side, merged, partial in self._decided(link, learnt):
            merged = [s for s in merged if not self._translated(link, side, s, self.params.word_share)]
            partial = [
                s
                for s in partial
                if not self._translated(link, side, s, self.params.partial_word_share)
                and not self._rendered_elsewhere(link, side, s)
            ]
            for kind, found in (("", merged), ("partial-", partial)):
                name = f"{kind}{'omission' if side.left else 'addition'}"
                if not found or name not in self.kinds_wanted:
                    continue
                words = quoted([side.text[a:b] for a, b in found])
                what = "sentence" if not kind else "words"
                detail = f"{side.other_lang} has no counterpart for the {side.lang} {what} {words} here."
                yield link.finding(
                    name,
                    "high" if not kind else "medium",
                    detail,
                    src_spans=tuple(found) if side.left else (),
                    tgt_spans=() if side.left else tuple(found),
                )


Spans = list[tuple[int, int]]


_ACRONYM_AFTER = re.compile(r"\s*[(\[]\s*([^\W\d_]{2,}(?:-\w+)?)\s*[)\]]")
_ACRONYM_BEFORE = re.compile(r"([^\W\d_]{2,}(?:-\w+)?)\s*[(\[]\s*$")


def glosses_acronym(text: str, lang: str, span: tuple[int, int], other: str, other_lang: str) -> bool:
    """Whether the words at ``span`` spell out an acronym in brackets right after them that the other
    side uses ("Nationales Demokratisches Institut (NDI)" / "NDI"), or gloss one right before them
    ("NDI (National Democratic Institute)"): an explanation, not an addition or omission."""
    start, end = span
    words = text[start:end].rstrip(" .,;:")
    after = _ACRONYM_AFTER.match(text, start + len(words))
    before = _ACRONYM_BEFORE.search(text, 0, start)
    acronyms = [m.group(1) for m in (after, before) if m is not None and m.group(1).split("-")[0].isupper()]
    other_words = {fold(w, other_lang) for w in WORD.findall(other)}
    return any(fold(a.split("-")[0], lang) in other_words for a in acronyms)


def rendered_elsewhere(
    words: LinkWords,
    others: Sequence[LinkWords],
    text: str,
    span: tuple[int, int],
    lang: str,
    margin: float,
) -> bool:
    """Whether the pivot words at ``span`` of ``text`` (a pivot side) are linked in the other versions
    (``others``: the same pivot text's word links there, two or more) no better than in this one
    (``words``) — their median share of linked content words within ``margin`` of this version's: a
    clause the word aligner finds hard everywhere, not one this version left out. A span holding a
    number is not judged: numbers are compared by value, which word links do not see ("Sept. 11")."""
    if len(others) < OTHERS or any(c.isdigit() for c in text[span[0] : span[1]]):
        return False
    own = aligned_share(words, True, span, lang)
    shares = [x for x in (aligned_share(w, True, span, lang) for w in others) if x is not None]
    if own is None or len(shares) < OTHERS:
        return False
    return own > float(np.median(shares)) - margin


def _translated_terms(link: LinkContext, left: bool) -> Spans:
    """Where a side has a glossary term whose concept the other side of the link has too: translated,
    whatever the words look like ("Interior Secretary" / "Sekretari i Brendshëm")."""
    both = {h.concept for h in link.src_terms or ()} & {h.concept for h in link.tgt_terms or ()}
    hits, spans = (link.src_terms, link.left_term_spans) if left else (link.tgt_terms, link.right_term_spans)
    return [span for hit, span in zip(hits or (), spans, strict=False) if hit.concept in both]


def decide(side: _Side, clauses: Sequence[Clause], p: OmissionParams) -> tuple[Spans, Spans]:
    """The thresholds: (whole sentences of a merge left out, partial spans left out) of one side.
    Apart from the checker so that a parameter sweep can apply it to evidence gathered once."""
    merged = [(u.start, u.end) for u in clauses if u.sentence and u.gain >= p.merge_gain]
    # a clause gains less the more it says when removed: judged against its share of the side
    partial = [
        (u.start, u.end)
        for u in clauses
        if not u.sentence
        and side.longer >= p.screen_ratio
        and u.gain + p.share_weight * (u.end - u.start) / len(side.text) >= p.min_gain
        and not _inside((u.start, u.end), merged)
    ]
    if side.longer >= p.lexical_ratio:
        partial += [s for s in side.uncovered if not _inside(s, merged + partial)]
    partial += [s for s in side.edges if not _inside(s, merged + partial)]
    return merged, sorted(partial)
