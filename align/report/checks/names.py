"""Name check: a person or place named on one side of a link and nowhere near it on the other.

:func:`align.text.propernames.extract_names` finds the names; this check decides which absences
matter, keeping
false alarms down (measured on ntrex-dev: professional translations, where nearly every name
finding is a false alarm):

* only a name's proper words are compared: not acronyms (EU/ЕУ/BE, US/САД/SHBA are spelt differently
  per language), not words the language's dictionary (simplemma) knows, not words of a termbase term
  (the term checks own "Kosovo and Metohija");
* a name with a single such word counts only if another version of the document has the same name
  key, which tells a name from a capitalised word the dictionary lacks ("Ministrisë", "Situata");
* a name is present when a word of the other side, in this link or the NEARBY links, has a matching
  name key (inflection- and transliteration-aware: Vučić, Vuçiq, Вучић, Вучићем; exonyms: Belgrade,
  Beograd) or starts with it (German compounds: "Kremlsprecher"), since translators move names into
  the next sentence ("he said" / "said Peskov");
* or when a capitalised word of the link's other side sounds much like it (difflib ratio >= SIMILAR
  of :func:`_sound` forms): names transcribed by ear ("Willoughby" / "Вилоби", "Maxine" / "Максине",
  "Labour" / "Laburiste"). Only within the link: nearby, "Vučević" would pass for "Vučić".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache

from ...lang import WORD, detect_script, every, profile
from ...lang.lemma import dictionary, lemma, listed
from ...model import Finding
from ...text.propernames import (
    SOUNDS,
    NameMention,
    appended,
    extract_names,
    inflected,
    keys_match,
    name_key,
    one_edit,
    spelling,
)
from ...text.textnorm import ascii_key, to_latin
from ..base import CheckContext, Checker, LinkContext

MIN_PREFIX = 4  # a name key this long may be the start of a compound ("kreml" in "kremlsprecher")
SIMILAR = 0.6  # "viloubi"/"vilobi" 0.77, "maksine"/"maksine" 1; "pantic"/"serbs" 0.18
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def _in_dictionary(word: str, lang: str) -> bool:
    """Whether the word, as written or in lower case, is a word of the language's dictionary."""
    code = dictionary(lang)
    if code is None:
        return False
    latin = to_latin(word, lang)
    return any(lemma(w, code) is not None for w in (latin, latin.lower()))


def _listed(word: str, lang: str) -> bool:
    """Whether the language's dictionary lists the word as written: a dictionary word rendered by
    another dictionary word ("Scotland" / "Schottland", "States" / "Staaten") is an exonym or a
    translation, not a misspelling."""
    code = dictionary(lang)
    return code is not None and listed(to_latin(word, lang), code)


def _proper_words(mention: NameMention, lang: str, term_words: set[str]) -> list[str]:
    """The words of a mention that are not acronyms, dictionary words or term words."""
    return [
        w
        for w in WORD.findall(mention.text)
        if len(w) > 2 and not w.isupper() and w not in term_words and not _in_dictionary(w, lang)
    ]


@lru_cache(maxsize=65536)
def _sound(word: str, lang: str) -> str:
    """A rough spelling by sound, for names transcribed by ear: "Willoughby" -> "viloubj", "Kyle" ->
    "kajl" (the language's ``name_sounds`` first)."""
    text = ascii_key(to_latin(word, lang))
    for pattern, said in _name_sounds(lang):
        text = pattern.sub(said, text)
    for spelt, said in SOUNDS:
        text = text.replace(spelt, said)
    return _DOUBLED.sub(r"\1", text)


@lru_cache(maxsize=64)
def _person_words(mention: NameMention, lang: str) -> list[str]:
    """The words of a name from its first proper word on, and the word before it unless a title:
    "Theresa May", "Kit Harington", not "Defense Minister" of "Defense Minister Milos Vucevic"."""
    words = [w for w in WORD.findall(mention.text) if len(w) > 2 and not w.isupper()]
    proper = _proper_words(mention, lang, set())
    if not proper or proper[0] not in words:
        return []
    first = words.index(proper[0])
    if first and words[first - 1].lower() not in every("not_names"):
        first -= 1
    return words[first:]


@lru_cache(maxsize=64)
def _name_sounds(lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), said) for pattern, said in profile(lang).name_sounds)


def _matches(key: str, other: str) -> bool:
    return keys_match(key, other) or (len(key) >= MIN_PREFIX and other.startswith(key))


def _similar(sound: str, other: str) -> bool:
    return SequenceMatcher(None, sound, other, autojunk=False).ratio() >= SIMILAR


class NameChecker(Checker):
    kinds = {"name": "Proper name missing or rendered differently"}

    def __init__(self, context: CheckContext) -> None:
        super().__init__(context)
        self._docset = context.docset
        self._version_keys: dict[str, set[str]] = {}
        self._full_names: dict[str, list[tuple[str, ...]]] = {}
        self._mentions: dict[str, list[NameMention]] = {}
        self._spellings: dict[str, dict[str, dict[str, str]]] = {}

    def _mentions_in(self, lang: str) -> list[NameMention]:
        """Every name mention of the ``lang`` version (found once per version)."""
        if lang not in self._mentions:
            self._mentions[lang] = extract_names(" ".join(self._docset.docs[lang].texts), lang)
        return self._mentions[lang]

    def _named_in(self, lang: str) -> set[str]:
        """Proper-word keys of every name in the ``lang`` version (computed once per version)."""
        if lang not in self._version_keys:
            self._version_keys[lang] = {
                name_key(w, lang) for m in self._mentions_in(lang) for w in _proper_words(m, lang, set())
            }
        return self._version_keys[lang]

    def _spelt_in(self, form: str, lang: str, version: str, strict: bool = False) -> str | None:
        """A word of the ``version`` that spells the ``lang`` word of :func:`spelling` ``form``, maybe
        :func:`inflected` (``strict``: only :func:`appended`), as written there; else None."""
        if version not in self._spellings:
            index: dict[str, dict[str, str]] = {}
            for word in WORD.findall(" ".join(self._docset.docs[version].texts)):
                if word[0].isupper():
                    found = spelling(word, version)
                    index.setdefault(found[:3], {}).setdefault(found, word)
            self._spellings[version] = index
        candidates = self._spellings[version].get(form[:3], {})
        return next(
            (
                w
                for f, w in candidates.items()
                if (appended(form, f, version) if strict else inflected(form, f, lang, version, drop=False))
            ),
            None,
        )

    def _misspelt(
        self, mention: NameMention, lang: str, terms: set[str], other: str, other_lang: str
    ) -> Iterator[tuple[str, str, tuple[int, int], tuple[int, int], str]]:
        """Words of a name that the other side spells one edit off, not as an inflection nor by
        sound, where the right spelling is attested: elsewhere in the other version, or (a rendering
        in the name's script) in a third version; and no version but the other spells it its way.
        Not titles, nor a dictionary word rendered by one (an exonym or a translation: "Scotland" /
        "Schottland") unless a next word of the name stands beside it as written ("Los Angeles" /
        "Log Angeles"). As (word, rendering, word span, rendering span, where the right spelling
        is)."""
        rendered = [
            (spelling(m.group(0), other_lang), m.group(0), m.span())
            for m in WORD.finditer(other)
            if m.group(0)[0].isupper()
        ]
        versions = [v for v in self._docset.docs if v != other_lang]
        for match in WORD.finditer(mention.text):
            word = match.group(0)
            if len(word) < 3 or word.isupper() or word in terms or word.lower() in every("not_names"):
                continue
            form = spelling(word, lang)
            if len(form) < 3 or any(inflected(form, f, lang, other_lang) for f, _, _ in rendered):
                continue
            common = _listed(word, lang)
            rest = {spelling(w, lang) for w in WORD.findall(mention.text) if w != word}
            near = [
                (f, r, span)
                for i, (f, r, span) in enumerate(rendered)
                if one_edit(form, f)
                and _sound(word, lang) != _sound(r, other_lang)
                and not (
                    common
                    and _listed(r, other_lang)
                    and not any(rendered[j][0] in rest for j in (i - 1, i + 1) if 0 <= j < len(rendered))
                )
            ]
            if not near:
                continue
            found, rendering, span = near[0]
            if any(self._spelt_in(found, other_lang, v, strict=True) for v in versions):
                continue  # another version spells it so too
            where, right = f"elsewhere in {other_lang}", self._spelt_in(form, lang, other_lang)
            if right is None and detect_script(word) == detect_script(rendering):
                where, right = next(
                    ((f"in {v}", w) for v in versions if v != lang and (w := self._spelt_in(form, lang, v))),
                    ("", None),
                )
            if right is not None:
                start = mention.start + match.start()
                yield word, rendering, (start, start + len(word)), span, f"\u201c{right}\u201d {where}"

    def _confirmed(self, key: str, lang: str) -> bool:
        return any(key in self._named_in(other) for other in self._docset.docs if other != lang)

    def _names_of(self, lang: str) -> list[tuple[str, ...]]:
        """Word keys of every name of two or more words in the ``lang`` version ("Theresa May",
        "Kit Harington"), once each."""
        if lang not in self._full_names:
            names = {
                tuple(name_key(w, lang) for w in _person_words(m, lang)) for m in self._mentions_in(lang)
            }
            self._full_names[lang] = [n for n in names if len(n) > 1]
        return self._full_names[lang]

    def _same_person(self, key: str, lang: str, other_lang: str, keys: set[str]) -> bool:
        """Whether the other side names, by another part of a full name that either version gives, the
        one this key names: "Mrs May" / "Theresa May", "Kit" / "Harington" after "Kit Harington"."""
        for version in (lang, other_lang):
            for name in self._names_of(version):
                parts = [i for i, part in enumerate(name) if keys_match(key, part)]
                if parts and any(i not in parts and part in keys for i, part in enumerate(name)):
                    return True
        return False

    def _referred(self, key: str, other_lang: str, other_words: list[str]) -> bool:
        """Whether the other version names this person elsewhere and this link refers to them without
        the name: a pronoun ("He died" / "Agung starb"), or none in a language that drops them."""
        if key not in self._named_in(other_lang):
            return False
        lp = profile(other_lang)
        return lp.pro_drop or any(to_latin(w, other_lang).lower() in lp.pronouns for w in other_words)

    def check(self, link: LinkContext, learnt: object = None) -> Iterator[Finding]:
        if not (link.src_ids and link.tgt_ids):
            return
        left = extract_names(link.src_text, link.src_lang)
        right = extract_names(link.tgt_text, link.tgt_lang, [m.key for m in left])
        left = extract_names(link.src_text, link.src_lang, [m.key for m in right])
        sides = (
            (
                left,
                link.src_lang,
                link.src_terms,
                (link.tgt_text, link.tgt_nearby),
                link.tgt_lang,
                "has",
            ),
            (
                right,
                link.tgt_lang,
                link.tgt_terms,
                (link.src_text, link.src_nearby),
                link.src_lang,
                "adds",
            ),
        )
        for mentions, lang, terms, (other_text, other_nearby), other_lang, verb in sides:
            own = link.src_text if verb == "has" else link.tgt_text
            term_words = {w for hit in terms or () for w in WORD.findall(hit.surface)}
            words = WORD.findall(other_text)
            keys = {name_key(w, other_lang) for w in [*words, *WORD.findall(other_nearby)]}
            capitalised = {_sound(w, other_lang) for w in words if w[0].isupper()}
            missing = [
                m
                for m in mentions
                if self._missing(m, lang, term_words, keys, capitalised)
                and not self._rendered(m, own, lang, (other_text, other_lang, words, keys))
            ]
            spans: dict[str, list[tuple[int, int]]] = {}  # each name once, marked wherever it occurs
            for m in missing:
                spans.setdefault(m.text, []).append((m.start, m.end))
            for name, where in spans.items():
                detail = f"{lang} {verb} the name \u201c{name}\u201d; {other_lang} names no one like it here."
                on_left = verb == "has"
                yield link.finding(
                    "name",
                    "medium",
                    detail,
                    src_spans=tuple(where) if on_left else (),
                    tgt_spans=() if on_left else tuple(where),
                )
            if verb == "has":
                seen: set[tuple[str, str]] = set()  # each misspelling once, where it first occurs
                for m in mentions:
                    if m in missing:
                        continue
                    for word, rendering, src, tgt, attested in self._misspelt(
                        m, lang, term_words, other_text, other_lang
                    ):
                        if (word, rendering) in seen:
                            continue
                        seen.add((word, rendering))
                        yield link.finding(
                            "name",
                            "medium",
                            f"{other_lang} spells the name \u201c{word}\u201d as \u201c{rendering}\u201d"
                            f" ({attested}).",
                            src_spans=(src,),
                            tgt_spans=(tgt,),
                        )

    def _rendered(
        self,
        mention: NameMention,
        own: str,
        lang: str,
        sides: tuple[str, str, list[str], set[str]],
    ) -> bool:
        """Whether the other side refers to a missing name otherwise: by another part of the full name,
        by a pronoun, or by a hashtag of its own language ("#MeToo" / "#JaIsto")."""
        other, other_lang, words, keys = sides
        if own[mention.start - 1 : mention.start] == "#" and "#" in other:
            return True
        proper = [name_key(w, lang) for w in WORD.findall(mention.text) if len(w) > 2 and not w.isupper()]
        return any(
            self._same_person(key, lang, other_lang, keys) or self._referred(key, other_lang, words)
            for key in proper
        )

    def _missing(
        self, mention: NameMention, lang: str, term_words: set[str], keys: set[str], capitalised: set[str]
    ) -> bool:
        """Whether a checkable mention has no counterpart. Checkable: it has proper words (a single one
        confirmed by another version). Present: a match for a proper word or a word after the first
        one, since surnames are often dictionary words too ("Maxine Waters" / "Максине Вотерс"), while
        the words before are titles ("Defense Minister Milos" / "Ministri serb")."""
        proper = _proper_words(mention, lang, term_words)
        keys_of = [name_key(w, lang) for w in proper]
        if not keys_of or (len(keys_of) == 1 and not self._confirmed(keys_of[0], lang)):
            return False
        words = WORD.findall(mention.text)
        words = [
            w
            for w in words[words.index(proper[0]) :]
            if len(w) > 2 and not w.isupper() and w not in term_words
        ]
        word_keys = [name_key(w, lang) for w in words]
        # an exact key first: the usual case, and a set look-up instead of a fuzzy match per key
        if not keys.isdisjoint(word_keys) or any(_matches(w, k) for w in word_keys for k in keys):
            return False
        return not any(_similar(_sound(w, lang), s) for w in words for s in capitalised)
