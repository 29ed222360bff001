"""Omissions inside links: a sentence of a merged link, or a clause of a long sentence, that the
other side does not translate (``omission`` / ``partial-omission``, and ``addition`` /
``partial-addition`` the other way round).

Contrastive embedding: remove a unit (one sentence of an n-m link, or one clause of a long sentence)
from its side; when the rest matches the other side clearly better than the whole does (the cosine
gains at least ``min_gain``), the other side says nothing the unit says. A translated unit makes the
match worse when removed, so a faithful paraphrase, however free, gains nothing.

Cost, bounded: units are tested only in a link whose side is at least ``screen_ratio`` times as long
as the pair's usual ratio would have it (``Link.expected_ratio``: what a side leaves out shortens it),
clauses only in sentences of at least ``min_words`` words. Each test embeds one text (the side without
the unit), plus the two sides; all links of a pair are embedded in one batch (``prepare``) through the
on-disk cache, so a report run twice, or ten translations of one source, embed each text once. Figures
in scripts/README.md (``bench_omissions.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np

from ...model import Finding
from ..base import CheckContext, Checker, Link, OmissionParams, quoted

Embedder = Callable[[Sequence[str]], np.ndarray]
OMISSION_KINDS = frozenset({"omission", "partial-omission"})

# Clause boundaries: , ; : before a space, dashes between spaces, brackets and quotation marks.
_BOUNDARY = re.compile(r"[,;:](?=\s)|\s[-\u2013\u2014]\s|[()\[\]\"\u201c\u201d\u201e\u00ab\u00bb]")
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Unit:
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
        if end > start and len(_WORD.findall(text[start:end])) >= min_words:
            spans.append((start, end))
    return spans if len(spans) > 1 else []


def sentence_spans(sentences: Sequence[str]) -> list[tuple[int, int]]:
    """Offsets of each sentence in the sentences joined with a space (as a Link's text is)."""
    spans, pos = [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        pos += len(s) + 1
    return spans


def embedder(cache_dir: str | None = None) -> Embedder:
    """Embeddings through the on-disk cache (``cache_dir`` as in AlignOptions), each text once."""
    from ...cache import open_cache
    from ...embed import embed

    cache = open_cache(cache_dir)
    seen: dict[str, np.ndarray] = {}

    def run(texts: Sequence[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in seen]
        if todo:
            seen.update(zip(todo, embed(todo, cache=cache), strict=True))
        return np.stack([seen[t] for t in texts]) if texts else np.zeros((0, 0), dtype=np.float32)

    return run


def without(text: str, start: int, end: int) -> str:
    return _SPACES.sub(" ", f"{text[:start]} {text[end:]}").strip()


@dataclass
class ContrastChecker(Checker):
    """``omission``/``addition`` for merged sentences and ``partial-omission``/``partial-addition`` for
    clauses (see the module doc); ``embed`` maps texts to L2-normalised vectors."""

    # omission and addition are described by the GapChecker, which registers them first
    kinds: ClassVar[dict[str, str]] = {
        "omission": "",
        "addition": "",
        "partial-omission": "Words of the source (a clause or phrase) missing in the linked translation",
        "partial-addition": "Words of the translation (a clause or phrase) not in the linked source",
    }
    embed: Embedder
    params: OmissionParams = field(default_factory=OmissionParams)
    kinds_wanted: frozenset[str] = frozenset(kinds)

    @classmethod
    def create(cls, context: CheckContext) -> ContrastChecker:
        options = context.options
        return cls(embedder(options.cache_dir), options.omission, options.kinds)

    def _candidates(self, link: Link, left: bool) -> tuple[list[Unit], list[str]]:
        """One side's units to test and the texts their test embeds: the side, the other side, then
        the side without each unit."""
        text, other = (link.left_text, link.right_text) if left else (link.right_text, link.left_text)
        sentences = link.left_sentences if left else link.right_sentences
        if not (text and other):
            return [], []
        # how much longer this side is than the pair's usual ratio would have it
        longer = (len(text) / len(other)) * (link.expected_ratio if left else 1 / link.expected_ratio)
        if longer < self.params.screen_ratio:
            return [], []
        wanted = "omission" if left else "addition"
        spans = sentence_spans(sentences)
        found: list[Unit] = []
        if len(spans) > 1 and wanted in self.kinds_wanted:
            found += [Unit(a, b, True) for a, b in spans]
        if f"partial-{wanted}" in self.kinds_wanted:
            for a, b in spans:
                if len(_WORD.findall(text[a:b])) >= self.params.min_words:
                    found += [
                        Unit(a + s, a + e, False) for s, e in clauses(text[a:b], self.params.min_clause)
                    ]
        if not found:
            return [], []
        return found, [text, other, *(without(text, u.start, u.end) for u in found)]

    def prepare(self, links: Sequence[Link]) -> None:
        """Embed what the links' tests need in one batch (several times faster than link by link)."""
        self.embed([t for link in links for left in (True, False) for t in self._candidates(link, left)[1]])

    def units(self, link: Link, left: bool) -> list[Unit]:
        """The units of one side with their gains (all candidates tested, before any threshold)."""
        found, texts = self._candidates(link, left)
        if not found:
            return []
        vectors = self.embed(texts)
        gains = vectors[2:] @ vectors[1] - float(vectors[0] @ vectors[1])
        return [Unit(u.start, u.end, u.sentence, float(g)) for u, g in zip(found, gains, strict=True)]

    def check(self, link: Link) -> Iterator[Finding]:
        for left in (True, False):
            text = link.left_text if left else link.right_text
            side, other = (link.left_lang, link.right_lang) if left else (link.right_lang, link.left_lang)
            units = self.units(link, left)
            merged = [u for u in units if u.sentence and u.gain >= self.params.merge_gain]
            # a clause inside a sentence already reported whole says nothing new
            clauses_ = [
                u
                for u in units
                if not u.sentence
                and u.gain >= self.params.min_gain
                and not any(m.start <= u.start and u.end <= m.end for m in merged)
            ]
            for kind, found in (("", merged), ("partial-", clauses_)):
                if not found:
                    continue
                name = f"{kind}{'omission' if left else 'addition'}"
                words = quoted([text[u.start : u.end] for u in found])
                what = "sentence" if not kind else "words"
                detail = f"{other} has no counterpart for the {side} {what} {words} of this link."
                spans = tuple((u.start, u.end) for u in found)
                yield link.finding(
                    name,
                    "high" if not kind else "medium",
                    detail,
                    left_spans=spans if left else (),
                    right_spans=() if left else spans,
                )
