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

from ...lang import WORD
from ...lang.lemma import dictionary, lemma
from ...model import Finding
from ...text.propernames import NameMention, extract_names, keys_match, name_key
from ...text.textnorm import ascii_key, to_latin
from ..base import CheckContext, Checker, LinkContext

MIN_PREFIX = 4  # a name key this long may be the start of a compound ("kreml" in "kremlsprecher")
SIMILAR = 0.6  # "viloubi"/"vilobi" 0.77, "maksine"/"maksine" 1; "pantic"/"serbs" 0.18
# English spellings that Serbian and Albanian transcriptions write by sound, in the order applied to the
# ASCII form (where Serbian "dž" is "dz"): Giles/Džajls, Willoughby/Vilobi, Maxine/Maksine.
_SOUNDS = (("sch", "s"), ("ck", "k"), ("ph", "f"), ("th", "t"), ("gh", ""), ("sh", "s"), ("ch", "c"),
           ("dz", "j"), ("dj", "j"), ("x", "ks"), ("w", "v"), ("q", "k"), ("y", "j"))  # fmt: skip
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def _in_dictionary(word: str, lang: str) -> bool:
    """Whether the word, as written or in lower case, is a word of the language's dictionary."""
    code = dictionary(lang)
    if code is None:
        return False
    latin = to_latin(word, lang)
    return any(lemma(w, code) is not None for w in (latin, latin.lower()))


def _proper_words(mention: NameMention, lang: str, term_words: set[str]) -> list[str]:
    """The words of a mention that are not acronyms, dictionary words or term words."""
    return [
        w
        for w in WORD.findall(mention.text)
        if len(w) > 2 and not w.isupper() and w not in term_words and not _in_dictionary(w, lang)
    ]


@lru_cache(maxsize=65536)
def _sound(word: str, lang: str) -> str:
    """A rough spelling by sound, for names transcribed by ear: "Willoughby" -> "viloubj"."""
    text = ascii_key(to_latin(word, lang))
    for spelt, said in _SOUNDS:
        text = text.replace(spelt, said)
    return _DOUBLED.sub(r"\1", text)


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

    def _named_in(self, lang: str) -> set[str]:
        """Proper-word keys of every name in the ``lang`` version (computed once per version)."""
        if lang not in self._version_keys:
            text = " ".join(self._docset.docs[lang].texts)
            self._version_keys[lang] = {
                name_key(w, lang) for m in extract_names(text, lang) for w in _proper_words(m, lang, set())
            }
        return self._version_keys[lang]

    def _confirmed(self, key: str, lang: str) -> bool:
        return any(key in self._named_in(other) for other in self._docset.docs if other != lang)

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
            term_words = {w for hit in terms or () for w in WORD.findall(hit.surface)}
            words = WORD.findall(other_text)
            keys = {name_key(w, other_lang) for w in [*words, *WORD.findall(other_nearby)]}
            capitalised = {_sound(w, other_lang) for w in words if w[0].isupper()}
            missing = [m for m in mentions if self._missing(m, lang, term_words, keys, capitalised)]
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
