"""Finding termbase terms in sentences, whatever their inflection or script.

Terms and text are tokenised the same way and each token gets a set of keys (:mod:`.stem`); a term
matches a run of adjacent tokens whose keys overlap its own, token by token. Spans always point into
the original text (tokens are found there, only their keys are normalised). Overlapping candidates
are resolved longest first, so ``Kosovo i Metohija`` wins over ``Kosovo``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import primary, profile
from ..model import TermHit
from .stem import MIN_HEAD, compounding, fold, hyphen_endings, keys, term_keys
from .termbase import Concept, Term, Termbase

# A word: letters/digits, with combining marks, invisible joiners and inner apostrophes (t'i, don't).
_TOKEN = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f\u00ad\u200b-\u200d\u2060]|['’ʼ](?=[^\W_]))*")
_POSSESSIVE = re.compile(r"['’ʼ]s$", re.IGNORECASE)
# Between two words of a term, spaces, hyphens and an English possessive ending do not count; any
# other character must be in the text as in the term ("тзв. независност", "Association/Community").
_GAP_IGNORED = re.compile(r"^['’ʼ]s|[\s\-\u2010\u2011\u00ad]", re.IGNORECASE)


@dataclass(frozen=True)
class TermMatch:
    hit: TermHit
    start: int  # character offsets into the text given to find(): text[start:end] == hit.surface
    end: int


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    keys: frozenset[str]
    form: str  # folded spelling, to prefer the entry written exactly like the text
    capital: bool  # starts with a capital letter


@dataclass(frozen=True)
class _Entry:
    concept: Concept
    term: Term
    keys: tuple[frozenset[str], ...]
    forms: tuple[str, ...]
    gaps: tuple[str, ...]  # what separates its words, as _gap() leaves it
    nouns: tuple[bool, ...]  # words that match only capitalised words (German nouns: Schaden, not schaden)
    order: int


def _gap(between: str) -> str:
    return _GAP_IGNORED.sub("", between)


def _tokens(text: str, lang: str, *, in_term: bool = False) -> list[_Token]:
    out = []
    code = primary(lang)
    english = code == "en"
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        if english and _POSSESSIVE.search(m.group()):
            end -= 2
        word = text[start:end]
        key_set = (term_keys if in_term else keys)(word, code)
        out.append(_Token(start, end, key_set, fold(word, code), word[:1].isupper()))
    return out


class TermMatcher:
    """Precompiled matcher for one termbase and one text language; reuse it for every sentence."""

    def __init__(self, termbase: Termbase, lang: str) -> None:
        self.lang = lang
        self._compounds = compounding(lang)
        self._hyphen_endings = hyphen_endings(lang)
        self._index: dict[str, list[_Entry]] = {}
        self._heads: set[str] = set()  # keys that may close a German compound
        lp = profile(lang)
        self._not_modifiers = lp.not_compound_modifiers  # Einfluss is no Fluss
        seen = set()
        for order, (concept, term) in enumerate(termbase.terms_for(lang)):
            if (concept.id, term.text) in seen:
                continue
            seen.add((concept.id, term.text))
            toks = _tokens(term.text, lang, in_term=True)
            if not toks:
                continue
            gaps = tuple(_gap(term.text[a.end : b.start]) for a, b in zip(toks, toks[1:], strict=False))
            nouns = tuple(lp.nouns_capitalised and t.capital for t in toks)
            entry = _Entry(
                concept, term, tuple(t.keys for t in toks), tuple(t.form for t in toks), gaps, nouns, order
            )
            for key in toks[0].keys:
                self._index.setdefault(key, []).append(entry)
            if self._compounds:
                self._heads |= {k for k in toks[-1].keys if len(k) >= MIN_HEAD}

    def _head_keys(self, token: _Token) -> frozenset[str]:
        """Term keys that end this token as the head of a compound (``provinz`` in ``südprovinzen``)."""
        if not self._compounds:
            return frozenset()
        return frozenset(
            k[i:]
            for k in token.keys
            for i in range(1, len(k) - MIN_HEAD + 1)
            if k[i:] in self._heads and k[:i] not in self._not_modifiers
        )

    def _ending(self, text: str, tokens: list[_Token], k: int) -> int:
        """1 when token k is a hyphenated case ending of the word before it (KFOR-it, НАТО-а), else 0."""
        if not self._hyphen_endings or k >= len(tokens):
            return 0
        end, tok = tokens[k - 1].end, tokens[k]
        word = text[tok.start : tok.end]
        return int(tok.start == end + 1 and text[end] == "-" and len(word) <= 3 and word.islower())

    def find(self, text: str) -> list[TermMatch]:
        """Non-overlapping term occurrences in ``text``, in text order."""
        tokens = _tokens(text, self.lang)
        heads = [self._head_keys(t) for t in tokens]
        gaps = [""] + [_gap(text[a.end : b.start]) for a, b in zip(tokens, tokens[1:], strict=False)]
        candidates = []
        for i, tok in enumerate(tokens):
            entries = {id(e): e for k in tok.keys for e in self._index.get(k, ())}
            entries |= {id(e): e for k in heads[i] for e in self._index.get(k, ()) if len(e.keys) == 1}
            for entry in entries.values():
                n = len(entry.keys)
                if i + n > len(tokens) or entry.gaps != tuple(gaps[i + 1 : i + n]):
                    continue
                if any(want.isdisjoint(tokens[i + j].keys) for j, want in enumerate(entry.keys[:-1])):
                    continue
                if any(noun and not tokens[i + j].capital for j, noun in enumerate(entry.nouns)):
                    continue
                last = tokens[i + n - 1]
                via_head = entry.keys[-1].isdisjoint(last.keys)
                if via_head and entry.keys[-1].isdisjoint(heads[i + n - 1]):
                    continue
                exact = entry.forms == tuple(t.form for t in tokens[i : i + n])
                # Longest in words, then in characters; then a whole word over a compound head, the
                # entry spelt exactly like the text, and termbase order.
                rank = (-n, tok.start - last.end, tok.start, via_head, not exact, entry.order)
                candidates.append((rank, i, n + self._ending(text, tokens, i + n), entry))
        taken: set[int] = set()
        found = []
        for _, i, n, entry in sorted(candidates, key=lambda c: c[0]):
            if taken.isdisjoint(range(i, i + n)):
                taken.update(range(i, i + n))
                start, end = tokens[i].start, tokens[i + n - 1].end
                term = entry.term
                hit = TermHit(entry.concept.id, term.text, text[start:end], term.framing, term.forbidden)
                found.append(TermMatch(hit, start, end))
        return sorted(found, key=lambda m: m.start)
