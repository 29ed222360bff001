"""Words of the pivot that (nearly) every other version renders and one version leaves out
(``dropped-word``), found by the consensus of the versions' word alignments.

For every content word of the pivot (:func:`align.report.wordlinks.is_content`; no number, no name)
the word alignment of each pivot pair (:func:`align.report.wordlinks.link_words`) says whether the
version links it to something. A word that at least ``consensus`` of the other versions link and one
version leaves unlinked is reported for that version, adjacent such words as one phrase located by
character offsets, unless the version renders (links, or holds a rendering of, below) fewer than
``rendered`` of the link's content words (then it renders the link freely, or not at all: the
omission checks' business). A version's link of
the word counts for nothing when it goes to a word that the other versions of its language link to
another word of the link, never to this one (the aligner's pick of a leftover word: "tough" ->
"letzte" where "harte" is dropped). Not reported when the version's link holds a word that renders
the word elsewhere: a word the version links to it in another link, a word another version of the
same language links to it, a shipped lexicon translation (``LEXICON``), or a compound holding one
of those ("Viererpartien" for "matches"). A word the other versions also leave unlinked (a free
rendering) has no consensus. A set of two versions has none either: the check needs MIN_VERSIONS,
because the word aligner alone leaves too many translated words unlinked (scripts/README.md).

Measured precision is low (scripts/README.md, "Report precision"): the kind is reported only when
asked for (``--kinds dropped-word``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from ...lang import profile
from ...model import Finding
from ...model.rows import set_link_texts
from ...text.textnorm import fold
from ...words import Token
from ...words.lexicon import lexicon_for, lookup_pair
from ..base import CheckContext, Checker, LinkContext
from ..wordlinks import LinkWords, is_content, link_words
from .omissions import sentence_spans

MIN_VERSIONS = 3  # the pivot and two versions: one version against the other's word
PREFIX = 5  # a rendering matches a target word sharing its first letters (inflection)
LEXICON = 0.1  # a shipped lexicon translation at least this probable (either direction) renders a word

TokenKey = tuple[int, int]  # a pivot token: its sentence index, its start in the sentence


@dataclass(frozen=True)
class Vote:
    """What one version does with one pivot token: linked or not, and the words it links it to."""

    linked: bool
    forms: frozenset[str]  # the linked target words, folded, first PREFIX letters


@dataclass(frozen=True)
class Consensus:
    """What a pair learns: every version's vote on every pivot token it word-aligned, and the words
    each version links each pivot word (folded) to anywhere."""

    votes: dict[TokenKey, dict[str, Vote]]
    renderings: dict[str, dict[str, frozenset[str]]]  # version -> pivot word -> forms


def _form(text: str, lang: str) -> str:
    return fold(text, lang)[:PREFIX]


def token_keys(link: LinkContext, tokens: Sequence[Token]) -> list[TokenKey]:
    """The key of each pivot token of a link (its side text is its sentences joined with a space)."""
    spans = sentence_spans(link.src_sentences)
    keys, s = [], 0
    for t in tokens:
        while s + 1 < len(spans) and t.start >= spans[s + 1][0]:
            s += 1
        keys.append((link.link.src[s], t.start - spans[s][0]))
    return keys


def is_name(token: Token, key: TokenKey) -> bool:
    """A capitalised word not opening its sentence (names are the name check's job)."""
    return token.text[:1].isupper() and key[1] > 0


def consensus(context: CheckContext) -> Consensus:
    """Every pivot pair word-aligned, as votes per pivot token (see :class:`Consensus`)."""
    votes: dict[TokenKey, dict[str, Vote]] = defaultdict(dict)
    renderings: dict[str, dict[str, set[str]]] = {}
    for version, links in context.pivot_links().items():
        words = link_words([(x.src_text, x.tgt_text) for x in links], links)
        found: dict[str, set[str]] = defaultdict(set)
        for link, w in words.items():
            targets: dict[int, set[str]] = defaultdict(set)
            for wl in w.links:
                targets[wl.src].add(_form(w.right[wl.tgt].text, version))
            for k, (token, key) in enumerate(zip(w.left, token_keys(link, w.left), strict=True)):
                votes[key][version] = Vote(k in targets, frozenset(targets[k]))
                found[fold(token.text, link.src_lang)] |= targets[k]
        renderings[version] = found
    return Consensus(dict(votes), {v: {w: frozenset(f) for w, f in r.items()} for v, r in renderings.items()})


def disputed(
    words: LinkWords, version: str, votes: Sequence[dict[str, Vote]], same_language: Sequence[str]
) -> frozenset[int]:
    """Pivot tokens of a link that the version links only to words the other versions of its
    language link to another token of the link, never to this one: the aligner's pick of a leftover
    word ("tough" → "letzte" when "harte" is dropped and "last" is left unlinked)."""
    if not same_language:
        return frozenset()
    theirs = [{f for v in same_language if v in vote for f in vote[v].forms} for vote in votes]
    out = set()
    for k, vote in enumerate(votes):
        forms = vote[version].forms if version in vote else frozenset()
        others = set().union(*(theirs[j] for j in range(len(votes)) if j != k))
        if forms and not forms & theirs[k] and forms <= others:
            out.add(k)
    return frozenset(out)


def lexicon_renders(word: str, src_lang: str, forms: Sequence[str], tgt_lang: str) -> bool:
    """Whether the shipped lexicon translates ``word`` (folded) by one of ``forms`` (folded)."""
    found = lexicon_for(src_lang, tgt_lang)
    if found is None or not forms:
        return False
    at = np.zeros(len(forms), dtype=np.int64)
    every = np.arange(len(forms), dtype=np.int64)
    fwd, bwd = lookup_pair(found, [word], list(forms), at, every)
    return bool(np.maximum(fwd, bwd).max() >= LEXICON)


def merged(spans: Sequence[tuple[int, int, int]], content: Sequence[bool]) -> list[tuple[int, int]]:
    """(start, end) of runs of flagged tokens (token index, start, end): two flagged tokens are one
    phrase when no content word stands between them."""
    out: list[tuple[int, int]] = []
    last = -2
    for k, start, end in spans:
        if out and not any(content[last + 1 : k]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
        last = k
    return out


@dataclass
class ConsensusChecker(Checker):
    """``dropped-word``: see the module doc."""

    kinds: ClassVar[dict[str, str]] = {
        "dropped-word": "A word of the pivot that (nearly) every other version renders and this one leaves "
        "without counterpart, by the consensus of the versions' word alignments",
    }
    opt_in: ClassVar[frozenset[str]] = frozenset({"dropped-word"})
    context: CheckContext
    consensus: float = 1.0  # share of the other versions that must link the word
    rendered: float = 0.9  # share of the link's content words the version must render
    words: dict[LinkContext, LinkWords] | None = None  # the version's word links (set by prepare)
    learnt: Consensus | None = None  # the set's votes, learnt once for all its pairs

    @classmethod
    def create(cls, context: CheckContext) -> ConsensusChecker:
        return cls(context)

    def learn(self, links: Sequence[LinkContext]) -> Consensus | None:
        """The votes of every version, for a pair of the pivot in a set of MIN_VERSIONS or more."""
        docset = self.context.docset
        if not links or links[0].src_lang != docset.pivot or len(docset.docs) < MIN_VERSIONS:
            return None
        if self.learnt is None:
            self.learnt = consensus(self.context)
        return self.learnt

    def prepare(self, links: Sequence[LinkContext], learnt: Consensus | None = None) -> None:
        """The version's word links of the links about to be checked, on the pair as it is now."""
        if learnt is None or not links:
            self.words = {}
            return
        alignment = self.context.docset.alignment(links[0].src_lang, links[0].tgt_lang)
        pair = [(row.src_text, row.tgt_text) for row in set_link_texts(self.context.docset, alignment)]
        self.words = link_words(pair, links)

    def dropped(self, link: LinkContext, learnt: Consensus) -> list[tuple[int, int, int, int, int]]:
        """Each pivot token of the link the version drops: (token index, start, end, other versions
        that render it, other versions word-aligned there), before the words are merged into phrases."""
        w = (self.words or {}).get(link)
        if w is None:
            return []
        src_lang, version = link.src_lang, link.tgt_lang
        keys = token_keys(link, w.left)
        content = [
            is_content(t, src_lang, numbers=False) and not is_name(t, key)
            for t, key in zip(w.left, keys, strict=True)
        ]
        same_language = [
            v for v in learnt.renderings if v != version and profile(v).code == profile(version).code
        ]
        votes = [learnt.votes.get(key, {}) for key in keys]
        linked = w.linked(True) - disputed(w, version, votes, same_language)
        wanted = [k for k, c in enumerate(content) if c]
        targets = [fold(t.text, version) for t in w.right if is_content(t, version)]
        mine = {f[:PREFIX] for f in targets}
        out, rendering = [], 0
        for k in wanted:
            if k in linked:
                rendering += 1
                continue
            word = fold(w.left[k].text, src_lang)
            others = {v: vote for v, vote in votes[k].items() if v != version}
            own = votes[k].get(version)  # none when the pair as loaded left the sentence unlinked
            forms = set(learnt.renderings.get(version, {}).get(word, ())) - (own.forms if own else set())
            forms |= {f for v in same_language if v in others for f in others[v].forms}
            if (
                forms & mine
                or any(len(f) >= 4 and f in t for f in forms for t in targets)
                or lexicon_renders(word, src_lang, targets, version)
            ):
                rendering += 1
                continue
            renders = sum(vote.linked for vote in others.values())
            if len(others) >= MIN_VERSIONS - 1 and renders >= math.ceil(self.consensus * len(others) - 1e-9):
                out.append((k, w.left[k].start, w.left[k].end, renders, len(others)))
        # a version that renders few of the link's words renders it freely (or not at all)
        return out if rendering >= self.rendered * len(wanted) else []

    def check(self, link: LinkContext, learnt: Consensus | None = None) -> Iterator[Finding]:
        if learnt is None:
            return
        found = self.dropped(link, learnt)
        if not found:
            return
        w = (self.words or {})[link]
        content = [is_content(t, link.src_lang) for t in w.left]
        spans = merged([(k, a, b) for k, a, b, _, _ in found], content)
        least, versions = min((n, total) for *_, n, total in found)
        words = ", ".join(f"\u201c{link.src_text[a:b]}\u201d" for a, b in spans)
        detail = (
            f"{link.tgt_lang} has no counterpart for the {link.src_lang} "
            f"{'words' if len(spans) > 1 or len(found) > 1 else 'word'} {words} here, which "
            f"{least} of the {versions} other versions render."
        )
        yield link.finding("dropped-word", "low", detail, src_spans=tuple(spans))
