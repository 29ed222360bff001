"""Term renderings that diverge, found without a glossary (:mod:`align.report.renderings`).

A pivot term occurs several times; each version renders each occurrence by the words the word
alignment links to it. A finding needs one version to stand apart at an occurrence that every other
version renders plainly (as it renders the term elsewhere, nothing added):

- **a word added** to the rendering ("Republikës së Kosovës" where "Kosovës" stands elsewhere; "the
  Prime Minister of the provisional institutions"): beside the usual rendering (only stop words
  between), a word that no other rendering of the term in that version holds, that the links of its
  other occurrences do not hold, and that no word of the pivot's link accounts for (the same
  spelling, a translation the shipped word lexicon knows by its first letters, or a word the pair's
  other links join it to), in a link whose pivot content words are all linked (one left over could
  be what the added word renders), not next to a number ("vitin 2008" for "2008");
- **a word dropped** from a term of several words ("teritorija" where "otcepljena teritorija" stands
  at every other occurrence): the link lacks a word every other rendering holds, and nothing beside
  the rest is linked to nothing (which would be the word rendered otherwise);
- **an unrelated rendering** ("vija administrative" where "kufi" stands elsewhere) of a term the
  version renders one way at SURE other occurrences: no word in common (nor its first letters) with
  those renderings, whose words the link does not hold; where nothing is linked to the term, what
  stands between the words linked to its neighbours (low when the lexicon does not know the usual
  rendering), else words linked to it, only when the lexicon knows the usual rendering and not
  these. A name is judged only for a spelling near its usual one ("Roze" where "Rosë" stands
  elsewhere): names rendered otherwise are the name check's.

Evidence is weaker than a glossary's: a term the version renders elsewhere only once, no other
version to compare with, or (an unrelated rendering) a usual rendering the lexicon does not know
make the finding low and a review candidate; otherwise it is medium.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher
from functools import cache
from typing import Any

from ...model import Finding
from ...text.textnorm import ascii_key
from ...words.lexicon import lexicon_for
from ..base import CheckContext, Checker, LinkContext, quoted
from ..renderings import NEAR, Occurrence, SetRenderings, set_renderings
from ..wordlinks import is_stopword

PREFIX = 3  # words sharing their first PREFIX letters are related (a crude stem for every language)
STEM = 6  # words with this many letters in a row in common are related (compounds, prefixed forms)
SURE = 3  # occurrences of a term in a version for a finding not to be a review candidate
# a translation the lexicon gives this probability (either direction) accounts for a word
KNOWN = 0.02
STEM_LETTERS = 5  # a lexicon entry counts for the words that share its first letters (inflections)
ALIKE = 0.7  # spellings this alike (difflib ratio, same first letter) are the same word or name

Word = tuple[str, int, int]


def _related(a: str, b: str) -> bool:
    """Same first letters, or a long enough stretch in common ("višedecenijskih", "decenija")."""
    if a[:PREFIX] == b[:PREFIX] or a in b or b in a:
        return True
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match().size >= STEM


def _alike(a: str, b: str) -> bool:
    a, b = ascii_key(a), ascii_key(b)
    return a == b or (a[:1] == b[:1] and SequenceMatcher(None, a, b, autojunk=False).ratio() >= ALIKE)


def _usual(occurrence: Occurrence, others: Sequence[Occurrence]) -> bool:
    """Whether a version renders ``occurrence`` with words its other renderings of the term hold."""
    seen = {w for o in others for w, _, _ in o.words}
    return bool(occurrence.words) and all(any(_related(w, x) for x in seen) for w, _, _ in occurrence.words)


def _one_way(occurrences: Sequence[Occurrence]) -> bool:
    """Whether every two renderings have a word in common (or its first letters: "Varniji", "Varnije")."""
    words = [{w for w, _, _ in o.words} for o in occurrences]
    return all(any(_related(a, b) for a in x for b in y) for i, x in enumerate(words) for y in words[i + 1 :])


@cache
def _translations(src_lang: str, tgt_lang: str, english: str) -> tuple[tuple[str, float], ...]:
    """The words the pair's shipped lexicon gives for an English word (:meth:`Lexicon.translations`)."""
    found = lexicon_for(src_lang, tgt_lang)
    return found[0].translations(english) if found else ()


class RenderingChecker(Checker):
    kinds = {
        "rendering": "A pivot term rendered with a word added or dropped, or unlike elsewhere, in one "
        "version where the other versions render it as elsewhere, found without a glossary"
    }
    opt_in = frozenset({"rendering"})

    def __init__(self, context: CheckContext) -> None:
        super().__init__(context)
        found = context.renderings
        if not isinstance(found, SetRenderings):
            found = set_renderings(context.docset, context.options.renderings)
        self.renderings = found
        self.pivot = context.docset.pivot
        self._added: dict[tuple[str, str, int], list[Word]] = {}
        # (version, src ids, tgt ids) -> (src span, tgt spans, severity, detail) of each finding
        self.found: dict[tuple[str, tuple[str, ...], tuple[str, ...]], list[tuple[Any, ...]]] = {}
        names = {t.term: t.name for t in found.terms}
        # longer terms first: "kosovo declared independence" speaks for the "independence" in it
        for term in sorted(names, key=lambda t: -t.count(" ")):
            for lang, terms in found.occurrences.items():
                for k, occurrence in enumerate(terms.get(term, ())):
                    self._judge(lang, term, names[term], k, occurrence)

    def _others(self, lang: str, term: str, k: int) -> list[Occurrence]:
        occurrences = self.renderings.occurrences[lang][term]
        return [o for i, o in enumerate(occurrences) if i != k and o.words]

    def _probability(self, lang: str, src: str, tgt: str) -> float:
        """How likely the lexicon finds the two folded words translations of each other (0: no entry),
        the English word's translations counted for every word with their first STEM_LETTERS
        ("sledeće" for "next" counts for "sledećeg")."""
        found = lexicon_for(self.pivot, lang)
        if found is None:
            return 0.0
        english, other = (src, tgt) if found[1] else (tgt, src)
        stem = ascii_key(other)[:STEM_LETTERS]
        return max(
            (
                p
                for word, p in _translations(self.pivot, lang, english)
                if ascii_key(word)[:STEM_LETTERS] == stem
            ),
            default=0.0,
        )

    def _accounted(self, lang: str, here: Occurrence, start: int) -> bool:
        """Whether a word of the pivot's link spells or translates the target word at ``start``."""
        form = here.surface[start]
        return start in here.known or any(
            _alike(s, form) or self._probability(lang, s, form) >= KNOWN for s in here.src_words
        )

    def _term_probability(self, lang: str, term: str, here: Occurrence, words: Sequence[Word]) -> float:
        return max(
            (self._probability(lang, t, here.surface[a]) for t in term.split() for _, a, _ in words),
            default=0.0,
        )

    def _next_to(self, lang: str, here: Occurrence, a: tuple[int, int], b: tuple[int, int]) -> bool:
        """Whether at most NEAR tokens, none a content word nor punctuation, stand between two words."""
        lo, hi = min(a[1], b[1]), max(a[0], b[0])
        between = [f for start, f in here.surface.items() if lo <= start < hi]
        return len(between) <= NEAR and all(
            any(c.isalnum() for c in f) and (len(f) < 3 or is_stopword(f, lang)) for f in between
        )

    def added(self, lang: str, term: str, k: int) -> list[Word]:
        """The words a version adds to its usual rendering at a term's k-th occurrence."""
        key = (lang, term, k)
        if key not in self._added:
            self._added[key] = self._find_added(lang, term, k)
        return self._added[key]

    def _find_added(self, lang: str, term: str, k: int) -> list[Word]:
        here = self.renderings.occurrences[lang][term][k]
        rendered = self._others(lang, term, k)
        if not rendered or not here.words or here.free or here.partial:
            return []
        seen = {w for o in rendered for w, _, _ in o.words}
        elsewhere = frozenset().union(*(o.tgt_words for o in rendered)) | seen
        core = [x for x in here.words if any(_related(x[0], s) for s in seen)]
        candidates = [
            x
            for x in dict.fromkeys([*here.words, *here.near])
            if x not in core
            and not any(_related(x[0], s) for s in elsewhere)
            and not self._accounted(lang, here, x[1])
        ]
        chain = list(core)  # what is beside the usual rendering, or beside a word that is
        grew = True
        while grew:
            grew = False
            for x in candidates:
                if x not in chain and any(self._next_to(lang, here, x[1:], c[1:]) for c in chain):
                    chain.append(x)
                    grew = True
        return sorted((x for x in chain if x not in core), key=lambda x: x[1]) if core else []

    def _plain(self, lang: str, term: str, here: Occurrence) -> bool:
        """Whether every other version renders the occurrence as it renders the term elsewhere, one
        way throughout, with nothing added."""
        for other, terms in self.renderings.occurrences.items():
            if other == lang:
                continue
            occurrences = terms.get(term, [])
            same = [
                k
                for k, o in enumerate(occurrences)
                if (o.src_ids, o.src_span) == (here.src_ids, here.src_span)
            ]
            if not same:
                return False
            for k in same:
                rest = self._others(other, term, k)
                if not _usual(occurrences[k], rest) or self.added(other, term, k):
                    return False
                if not _one_way(rest):
                    return False  # the version varies itself: no usual rendering to stand apart from
        return True

    def _judge(self, lang: str, term: str, name: bool, k: int, here: Occurrence) -> None:
        rendered = self._others(lang, term, k)
        if not rendered:
            return
        usual = quoted(sorted({o.rendering for o in rendered}))
        weak = []
        if len(rendered) + 1 < SURE:
            weak.append("few occurrences")
        added = self.added(lang, term, k)
        if added:
            words = added
            detail = (
                f"{lang} adds {quoted([w for w, _, _ in added])} to \u201c{term}\u201d (elsewhere {usual})"
            )
        elif dropped := self._dropped(term, here, rendered):
            words = list(here.words)
            detail = f"{lang} drops {quoted(dropped)} from “{term}” (elsewhere {usual})"
        else:
            words = list(self._unrelated(lang, term, name, here, rendered))
            if not words:
                return
            what = "spells" if name else "renders"
            detail = (
                f"{lang} {what} \u201c{term}\u201d as {quoted([w for w, _, _ in words])} (elsewhere {usual})"
            )
            if not name:
                if not _one_way(rendered) or len(rendered) < SURE:
                    return  # no one usual rendering to stand apart from
                seen = [(o, w) for o in rendered for w in o.words]
                if not any(self._term_probability(lang, term, o, [w]) >= KNOWN for o, w in seen):
                    if here.words:
                        return  # a word linked astray, or a synonym: only the lexicon could tell
                    weak.append("the word lexicon does not know the usual rendering")
        if not self._plain(lang, term, here):
            return
        if len(self.renderings.occurrences) < 2:
            weak.append("no other version to compare")
        if weak:
            detail += "; review candidate: " + ", ".join(weak)
        spans = tuple((a, b) for _, a, b in words)
        key = (lang, here.src_ids, here.tgt_ids)
        self.found.setdefault(key, []).append((here.src_span, spans, "low" if weak else "medium", detail))

    def _dropped(self, term: str, here: Occurrence, rendered: Sequence[Occurrence]) -> list[str]:
        """The words every other rendering of a term of several words holds (at two occurrences or
        more) that the occurrence's link lacks, where it holds the rest and nothing beside it is
        linked to nothing (which would be the word rendered otherwise: "Maskulinität"), in a link
        whose pivot content words are all linked (else its word links are unsure): a qualifier
        dropped."""
        if " " not in term or not here.words or here.near or here.free or len(rendered) < 2:
            return []
        words = [{w for w, _, _ in o.words} for o in rendered]
        common = {w for w in words[0] if all(any(_related(w, x) for x in other) for other in words[1:])}
        missing = sorted(w for w in common if not any(_related(w, x) for x in here.tgt_words))
        kept = any(_related(w, x) for w in common for x, _, _ in here.words)
        return missing if kept else []

    def _unrelated(
        self, lang: str, term: str, name: bool, here: Occurrence, rendered: Sequence[Occurrence]
    ) -> Sequence[Word]:
        """The words that render the occurrence unlike anything the version renders the term by
        elsewhere (or stand where it would be), when the link does not hold the usual rendering."""
        words = here.words or here.near
        seen = {w for o in rendered for w, _, _ in o.words}
        if not words or any(_related(w, s) for w, _, _ in words for s in seen):
            return ()
        if any(_related(s, x) for s in seen for x in here.tgt_words):
            return ()  # the usual rendering is in the link: the aligner linked another word
        if name:
            return words if any(_alike(w, s) for w, _, _ in words for s in seen) else ()
        return () if self._term_probability(lang, term, here, words) >= KNOWN else words

    def check(self, link: LinkContext, learnt: Any = None) -> Iterator[Finding]:
        if link.src_lang != self.context.docset.pivot:
            return
        done: set[tuple[int, int]] = set()
        key = (link.tgt_lang, link.src_ids, link.tgt_ids)
        for src_span, spans, severity, detail in self.found.get(key, []):
            if set(spans) <= done:
                continue  # a longer term found the same words
            done.update(spans)
            yield link.finding("rendering", severity, detail, src_spans=(src_span,), tgt_spans=spans)
