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
  of :func:`_sound` forms, by the name's language's rules or by the spellings a name keeps from its
  origin: "Shaq" / "Шаћири", "Cesena" / "Čezene") or starts with it (four letters or more: "Livi" /
  "Livingstons", "Capp" / "Каповом"): names transcribed by ear ("Willoughby" / "Вилоби", "Maxine" /
  "Максине", "Labour" / "Laburiste") or shortened. Only within the link: nearby, "Vučević" would pass
  for "Vučić".

A name that passes none of these is judged by the word alignment of its link (:func:`judged`), when
the pair has one: linked to words that are no name and say so by a capital ("Rockies" / "Стеновите
планине", "Komisionit Gjyqësor" / "Judicial Committee"; not in German) or by its letters ("Twitter" /
"tweeted"), it is the same referent; linked to another name ("Varela" / "Валеро") it is a finding
that says which. A name linked to nothing, or to a common word with no such sign (the light word
model links a dropped name to whatever is left over), stays missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple

from ...lang import WORD, detect_script, every, profile
from ...lang.lemma import dictionary, lemma, listed
from ...model import Finding
from ...text.propernames import (
    SOUNDS,
    NameMention,
    appended,
    exonym,
    extract_names,
    in_stem,
    inflected,
    keys_match,
    name_key,
    one_edit,
    spelling,
    variant_edit,
)
from ...text.textnorm import ascii_key, sentence_initial, to_latin
from ..base import CheckContext, Checker, LinkContext
from ..wordlinks import LinkWords, link_words

MIN_PREFIX = 4  # a name key this long may be the start of a compound ("kreml" in "kremlsprecher")
SIMILAR = 0.6  # "viloubi"/"vilobi" 0.77, "maksine"/"maksine" 1; "pantic"/"serbs" 0.18
SHARED = 0.5  # a common word standing for a name: "twitter"/"tweeted" 0.57, "twitter"/"tweet" 0.5
_DOUBLED = re.compile(r"(.)\1+")
# Spellings a name keeps from the language it comes from, whatever the text's language: Albanian
# "q" = "ć" ("Shaq" / "Шаћири"), Italian "s" between vowels = "z" and "c" before "e"/"i" = "č", which
# the plain reading keeps ("Cesena" / "Čezene").
_ORIGIN_SOUNDS = ((re.compile(r"q(?!u)"), "c"), (re.compile(r"(?<=[aeiou])s(?=[aeiou])"), "z"))


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
    return _sounded(word, lang, _name_sounds(lang))


def _sounded(word: str, lang: str, rules: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    text = to_latin(word, lang).lower()
    for pattern, said in rules:  # before the diacritics go: Albanian "ë" is not "e"
        text = pattern.sub(said, text)
    text = ascii_key(text)
    for spelt, said in SOUNDS:
        text = text.replace(spelt, said)
    return _DOUBLED.sub(r"\1", text)


@lru_cache(maxsize=65536)
def _readings(word: str, lang: str) -> tuple[str, ...]:
    """The :func:`_sound` forms of a name word: by its language's rules, and by the spellings a name
    keeps from its origin (:data:`_ORIGIN_SOUNDS`)."""
    return tuple(dict.fromkeys((_sound(word, lang), _sounded(word, lang, _ORIGIN_SOUNDS))))


def _sounds_like(word: str, lang: str, other: str, other_lang: str) -> bool:
    """Whether a word of the other side renders a name word by sound, or the name word is its start
    as said or as spelt ("Livi" / "Livingstons", "Capp" / "Каповом"; four letters or more)."""
    said = _sound(other, other_lang)
    if any(_similar(form, said) for form in _readings(word, lang)):
        return True
    if len(word) < MIN_PREFIX:
        return False
    return any(said.startswith(form) for form in _readings(word, lang)) or spelling(
        other, other_lang
    ).startswith(spelling(word, lang))


def _shares_letters(word: str, lang: str, other: str, other_lang: str) -> bool:
    """Whether a common word shares the start and much of its letters with a name: a word made of the
    name ("tweeted" / "Twitter")."""
    a, b = spelling(word, lang), spelling(other, other_lang)
    return a[:2] == b[:2] and SequenceMatcher(None, a, b, autojunk=False).ratio() >= SHARED


def _unlinked_titles(words: LinkWords, left: bool, inside: dict[int, str], mention: NameMention) -> bool:
    """Whether the aligner links no word to a word of the name's mention before its compared words, a
    title ("Defense" of "Defense Minister Milos Vucevic"): a capitalised word of the other side that
    the name is linked to may be the title's rendering ("Ministri serb i Mbrojtjes")."""
    linked = words.linked(left)
    return any(
        i not in linked and i not in inside and mention.start <= t.start and t.end <= mention.end
        for i, t in enumerate(words.tokens(left))
    )


def judged(
    mention: NameMention,
    compared: list[re.Match[str]],
    sides: tuple[str, str, str],
    words: LinkWords,
    left: bool,
) -> str | None:
    """What the word alignment of the link says of a name the other side lacks by key and sound
    (module doc): "" when the other side renders it, the other side's name it is linked to when that
    is another name, None when it is missing. ``compared``: the name's words that count
    (:func:`_compared`); ``sides``: the name's language, the other side's text and
    language; ``left``: the name is on the words' left side. A link to a word that renders another word
    of the name's side too (the aligner's slip: "Capp" to "Џоунс" of "Jones") says nothing."""
    lang, other, other_lang = sides
    tokens, others = words.tokens(left), words.tokens(not left)
    spans = [(mention.start + m.start(), mention.start + m.end()) for m in compared]
    inside = {i: t.text for i, t in enumerate(tokens) if any(a < t.end and t.start < b for a, b in spans)}
    ends = [(w.src, w.tgt) if left else (w.tgt, w.src) for w in words.links]
    rendering = {b for a, b in ends if a not in inside}
    pairs = [(inside[a], others[b]) for a, b in ends if a in inside and b not in rendering]
    capitalised = [t for _, t in pairs if t.text[:1].isupper() and not t.text.isupper()]
    different = [t.text for t in capitalised if not _in_dictionary(t.text, other_lang)]
    if different:
        return " ".join(dict.fromkeys(different))
    if (
        not profile(other_lang).nouns_capitalised
        and not _unlinked_titles(words, left, inside, mention)
        and any(not sentence_initial(other, t.start) for t in capitalised)
    ):
        return ""  # translated words of the name, capitalised as a name's are (not every German noun)
    return "" if any(_shares_letters(name, lang, t.text, other_lang) for name, t in pairs) else None


def _compared(mention: NameMention, proper: list[str], term_words: set[str]) -> list[re.Match[str]]:
    """The words of a mention that the check compares: its ``proper`` words (:func:`_proper_words`)
    and every word after the first (see ``NameChecker._missing``)."""
    words = [m for m in WORD.finditer(mention.text) if len(m.group(0)) > 2 and not m.group(0).isupper()]
    first = next(i for i, m in enumerate(words) if m.group(0) == proper[0])
    return [m for m in words[first:] if m.group(0) not in term_words]


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


def _capitalised(text: str, lang: str) -> list[tuple[str, str, tuple[int, int]]]:
    """The capitalised words of a side in text order, as (:func:`spelling` form, word, span): where a
    misspelt name may stand, and which of them stand next to each other (:func:`_one_edit_off`)."""
    return [
        (spelling(m.group(0), lang), m.group(0), m.span())
        for m in WORD.finditer(text)
        if m.group(0)[0].isupper()
    ]


def _spellable(
    word: str, lang: str, terms: set[str], rendered: list[tuple[str, str, tuple[int, int]]], other_lang: str
) -> str | None:
    """The :func:`spelling` form of a word of a name whose spelling the other side may have slipped
    on; None for a word that is no name's own (an acronym, a term's word, a title: spelt apart on
    purpose), a short one (one edit off is chance), or one the other side renders as an inflection
    (``rendered``: its :func:`_capitalised` words)."""
    if len(word) < 3 or word.isupper() or word in terms or word.lower() in every("not_names"):
        return None
    form = spelling(word, lang)
    if len(form) < 3 or any(inflected(form, f, lang, other_lang) for f, _, _ in rendered):
        return None
    return form


def _one_edit_off(
    word: str,
    form: str,
    lang: str,
    name: str,
    rendered: list[tuple[str, str, tuple[int, int]]],
    other_lang: str,
) -> list[tuple[str, str, tuple[int, int], bool]]:
    """The capitalised words of the other side (``rendered``) one edit off a name word's ``form`` and
    not said alike (a name transcribed by ear is no slip), each with whether the name's next word
    (``name``: the mention's text) stands right after it as written ("Log Angeles" for "Los
    Angeles"). A dictionary word rendered by one is an exonym or a translation ("Scotland" /
    "Schottland"), unless a next word of the name stands beside it as written."""
    common = _listed(word, lang)
    words = WORD.findall(name)
    rest = {spelling(w, lang) for w in words if w != word}
    after = words.index(word) + 1
    following = spelling(words[after], lang) if after < len(words) else None
    return [
        (f, r, span, i + 1 < len(rendered) and rendered[i + 1][0] == following)
        for i, (f, r, span) in enumerate(rendered)
        if one_edit(form, f)
        and _sound(word, lang) != _sound(r, other_lang)
        and not (
            common
            and _listed(r, other_lang)
            and not any(rendered[j][0] in rest for j in (i - 1, i + 1) if 0 <= j < len(rendered))
        )
    ]


def _slip(word: str, form: str, lang: str, rendered: tuple[str, str, str], beside: bool) -> bool:
    """Whether a rendering one edit off a name word, whose right spelling no version writes, is still
    a slip rather than the version's way of writing the name: in the word's script, in a language
    that keeps foreign names as written (not ``names_by_sound``: Serbian "Dastin" for "Dustin"), not
    a letter transcriptions differ in (:func:`variant_edit`: "Nikolas" for "Nicholas", "Tenzing" for
    "Tensing"), neither of them an exonym of data/exonyms.tsv, and the letter inside the stem
    (:func:`in_stem`: not an ending, a possessive or a respelt final vowel); and, unless the name's
    next word stands right after it as written (``beside``: "Log Angeles", where the end of "Los"
    is no ending's place), neither of them a dictionary word ("Colombia" / "Kolumbia") and the word
    four letters or more (one edit off a short word is chance). ``rendered``: the rendering's
    :func:`spelling` form, the rendering as written and its language."""
    found, rendering, other_lang = rendered
    if detect_script(word) != detect_script(rendering) or exonym(word, lang) or exonym(rendering, other_lang):
        return False
    if profile(other_lang).names_by_sound or variant_edit(form, found):
        return False
    if not in_stem(form, found, lang, other_lang, last=not beside):
        return False
    return beside or (
        len(form) >= MIN_PREFIX
        and not _in_dictionary(word, lang)
        and not _in_dictionary(rendering, other_lang)
    )


def _verb_names(words: tuple[str, ...], lang: str) -> set[str]:
    """The name keys of the names ``words`` refer to by a verb made of them (``name_verbs`` of the
    language's profile: "tweeted" for Twitter)."""
    verbs, code = profile(lang).name_verbs, dictionary(lang)
    if not verbs or code is None:
        return set()
    return {name_key(name, lang) for w in words if (name := verbs.get(lemma(w.lower(), code) or ""))}


def _titled_phrases(text: str, lang: str, named: set[str]) -> int:
    """How many runs of two or more capitalised dictionary words, not opening a sentence, ``text``
    holds: names made of common words ("Judicial Committee", "Inclusive Ownership Funds"), which a
    translation translates ("Komisionit Gjyqësor", "Fondet Gjithëpërfshirëse"), so that its name
    matches nothing by key or sound. A word whose name key the other side has (``named``) is a name
    both sides give ("Senate" / "Senatit", "Kosovo Serbs" / "Срба са Косова") and ends a run. None in
    a language that capitalises every noun."""
    if profile(lang).nouns_capitalised:
        return 0
    runs, run, last = 0, 0, -1
    for m in WORD.finditer(text):
        word = m.group(0)
        titled = (
            word[0].isupper()
            and not word.isupper()
            and _in_dictionary(word, lang)
            and name_key(word, lang) not in named
            and (run > 0 or not sentence_initial(text, m.start()))
        )
        if titled and run > 0 and text[last : m.start()] == " ":
            run += 1
        else:
            runs += run >= 2
            run = int(titled)
        last = m.end()
    return runs + (run >= 2)


def _link_mentions(link: LinkContext) -> tuple[list[NameMention], list[NameMention]]:
    """The names of each side of a link, each side's found knowing the other's name keys (so a word
    the dictionary knows is a name where the other side has it as one: "Rose" / "Rose")."""
    left = extract_names(link.src_text, link.src_lang)
    right = extract_names(link.tgt_text, link.tgt_lang, [m.key for m in left])
    left = extract_names(link.src_text, link.src_lang, [m.key for m in right])
    return left, right


class _Side(NamedTuple):
    """One side of a link as the check reads it: its names and those the other side lacks by key."""

    mentions: list[NameMention]
    lang: str
    term_words: set[str]
    other_text: str
    other_lang: str
    verb: str  # "has" (the source's names) or "adds" (the translation's)
    missing: list[NameMention]


class NameChecker(Checker):
    kinds = {"name": "Proper name missing or rendered differently"}

    def __init__(self, context: CheckContext) -> None:
        super().__init__(context)
        self._docset = context.docset
        self._version_keys: dict[str, set[str]] = {}
        self._full_names: dict[str, list[tuple[str, ...]]] = {}
        self._mentions: dict[str, list[NameMention]] = {}
        self._spellings: dict[str, dict[str, dict[str, tuple[str, int]]]] = {}
        self._sides: dict[LinkContext, list[_Side]] = {}  # set by prepare, used once by check
        self._words: dict[LinkContext, LinkWords] = {}

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

    def _index(self, version: str) -> dict[str, dict[str, tuple[str, int]]]:
        """The capitalised words of a version by :func:`spelling` form (under its first three
        letters), each with the first word so spelt and how many are (built once per version)."""
        if version not in self._spellings:
            index: dict[str, dict[str, tuple[str, int]]] = {}
            for word in WORD.findall(" ".join(self._docset.docs[version].texts)):
                if word[0].isupper():
                    found = spelling(word, version)
                    forms = index.setdefault(found[:3], {})
                    first, count = forms.get(found, (word, 0))
                    forms[found] = (first, count + 1)
            self._spellings[version] = index
        return self._spellings[version]

    def _spelt_in(self, form: str, lang: str, version: str, strict: bool = False) -> str | None:
        """A word of the ``version`` that spells the ``lang`` word of :func:`spelling` ``form``, maybe
        :func:`inflected` (``strict``: only :func:`appended`), as written there; else None."""
        return next(
            (
                w
                for f, (w, _) in self._index(version).get(form[:3], {}).items()
                if (appended(form, f, version) if strict else inflected(form, f, lang, version, drop=False))
            ),
            None,
        )

    def _times(self, form: str, version: str) -> int:
        """How many words of the ``version`` spell :func:`spelling` ``form``, maybe with a case ending."""
        return sum(
            n for f, (_, n) in self._index(version).get(form[:3], {}).items() if appended(form, f, version)
        )

    def _misspelt(
        self, mention: NameMention, lang: str, terms: set[str], other: str, other_lang: str
    ) -> Iterator[tuple[str, str, tuple[int, int], tuple[int, int], str]]:
        """Words of a name that the other side spells one edit off, not as an inflection nor by
        sound, and that no version but the other spells its way: where the right spelling is
        attested (:meth:`_attested`), or, where it is not, where the other version writes it so
        once and it is a slip (:func:`_slip`: same script, no exonym nor dictionary word, the
        letter inside the stem). Not titles, nor a dictionary word rendered by one (an exonym or a
        translation: "Scotland" / "Schottland") unless a next word of the name stands beside it as
        written ("Los Angeles" / "Log Angeles"). As (word, rendering, word span, rendering span,
        why it is a misspelling)."""
        rendered = _capitalised(other, other_lang)
        for match in WORD.finditer(mention.text):
            word = match.group(0)
            form = _spellable(word, lang, terms, rendered, other_lang)
            near = [] if form is None else _one_edit_off(word, form, lang, mention.text, rendered, other_lang)
            if form is None or not near:
                continue
            found, rendering, span, beside = near[0]
            if any(
                self._spelt_in(found, other_lang, v, strict=True)
                for v in self._docset.docs
                if v != other_lang
            ):
                continue  # another version spells it so too: a spelling of its own, not a slip
            attested = self._attested(word, (form, lang), (rendering, other_lang))
            slip = (found, rendering, other_lang)
            if (
                attested is None
                and self._times(found, other_lang) == 1
                and _slip(word, form, lang, slip, beside)
            ):
                attested = f"once in {other_lang}, one letter off inside the name"
            if attested is not None:
                start = mention.start + match.start()
                yield word, rendering, (start, start + len(word)), span, attested

    def _attested(self, word: str, spelt: tuple[str, str], rendered: tuple[str, str]) -> str | None:
        """Where the right spelling of a name word misspelt by the other side is found, as the finding
        says it: elsewhere in the other version, or (a rendering in the name's script, which a third
        version may spell alike, in a language that keeps names as written) in a third version. None
        when it is found nowhere, or when the spelling elsewhere keeps the source's letters in another
        script or in a language that writes names by sound ("Јохн", "John" in Serbian): by sound the
        rendering is the right one ("Џон", "Džon"); a third version's "Volkswagen" says nothing of
        Serbian "Folksvagen". ``spelt``: the word's :func:`spelling` form and
        language; ``rendered``: the other side's word as written and its language."""
        form, lang = spelt
        rendering, other_lang = rendered
        by_sound = profile(other_lang).names_by_sound
        right = self._spelt_in(form, lang, other_lang)
        if right is not None:
            # the source's letters kept elsewhere, in another script or in a language that writes
            # names by sound ("John" beside "Džon" in Serbian): the rendering here is the rule's
            kept = detect_script(word) != detect_script(right) or by_sound
            return (
                None
                if kept and to_latin(right, other_lang) == word
                else f"\u201c{right}\u201d elsewhere in {other_lang}"
            )
        if by_sound or detect_script(word) != detect_script(rendering):
            return None  # a third version's spelling says nothing of a transcription by sound
        return next(
            (
                f"\u201c{w}\u201d in {v}"
                for v in self._docset.docs
                if v not in (lang, other_lang) and (w := self._spelt_in(form, lang, v))
            ),
            None,
        )

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

    def prepare(self, links: Sequence[LinkContext], learnt: object = None) -> None:
        """The names each link lacks by key, and the word links of the links that lack one (the
        aligner trains on the pair as it is)."""
        self._sides = {link: self._sides_of(link) for link in links}
        wanted = [link for link, sides in self._sides.items() if any(side.missing for side in sides)]
        self._words = link_words(self.context.pair_texts(links), wanted) if wanted else {}

    def _sides_of(self, link: LinkContext) -> list[_Side]:
        """Each side's names, with those the other side names no one like by key, sound or reference."""
        if not (link.src_ids and link.tgt_ids):
            return []
        left, right = _link_mentions(link)
        return [self._side(link, left, True), self._side(link, right, False)]

    def _side(self, link: LinkContext, mentions: list[NameMention], left: bool) -> _Side:
        """One side's ``mentions`` (``left``: the source's) with those the other side lacks: no word
        of the other side or its neighbours matches them by key, no capitalised word of it by sound,
        and it does not refer to them otherwise (:meth:`_rendered`)."""
        src = (link.src_text, link.src_lang, link.src_terms, link.src_nearby)
        tgt = (link.tgt_text, link.tgt_lang, link.tgt_terms, link.tgt_nearby)
        (own, lang, terms, _), (other_text, other_lang, _, nearby) = (src, tgt) if left else (tgt, src)
        term_words = {w for hit in terms or () for w in WORD.findall(hit.surface)}
        words = WORD.findall(other_text)
        keys = {name_key(w, other_lang) for w in [*words, *WORD.findall(nearby)]}
        capitalised = [w for w in dict.fromkeys(words) if w[0].isupper()]
        missing = [
            m
            for m in mentions
            if self._missing(m, lang, term_words, keys, (capitalised, other_lang))
            and not self._rendered(m, own, lang, (other_text, other_lang, words, keys))
        ]
        # as many names of two words or more as the other side has names made of common words are
        # their translations (looked for only where such a name is missing)
        several = [m for m in missing if len(WORD.findall(m.text)) > 1]
        if several:
            named = {name_key(w, lang) for w in WORD.findall(own)}
            translated = several[: _titled_phrases(other_text, other_lang, named)]
            missing = [m for m in missing if m not in translated]
        return _Side(mentions, lang, term_words, other_text, other_lang, "has" if left else "adds", missing)

    def check(self, link: LinkContext, learnt: object = None) -> Iterator[Finding]:
        sides = self._sides.pop(link) if link in self._sides else self._sides_of(link)
        aligned = self._words.get(link)
        for mentions, lang, term_words, other_text, other_lang, verb, missing in sides:
            on_left = verb == "has"
            # each name (with what it is linked to) once, marked wherever it occurs
            spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
            for m in missing:
                compared = _compared(m, _proper_words(m, lang, term_words), term_words)
                rendering = (
                    judged(m, compared, (lang, other_text, other_lang), aligned, on_left) if aligned else None
                )
                if rendering != "":
                    spans.setdefault((m.text, rendering or ""), []).append((m.start, m.end))
            for (name, rendering), where in spans.items():
                said = f"\u201c{rendering}\u201d there" if rendering else "no one like it here"
                yield link.finding(
                    "name",
                    "medium",
                    f"{lang} {verb} the name \u201c{name}\u201d; {other_lang} names {said}.",
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
        by a pronoun, by a verb made of it ("tweeted" / "postoi në Twitter"), or by a hashtag of its own
        language ("#MeToo" / "#JaIsto")."""
        other, other_lang, words, keys = sides
        if own[mention.start - 1 : mention.start] == "#" and "#" in other:
            return True
        proper = [name_key(w, lang) for w in WORD.findall(mention.text) if len(w) > 2 and not w.isupper()]
        verbs = _verb_names(tuple(words), other_lang)
        return any(
            key in verbs
            or self._same_person(key, lang, other_lang, keys)
            or self._referred(key, other_lang, words)
            for key in proper
        )

    def _missing(
        self,
        mention: NameMention,
        lang: str,
        term_words: set[str],
        keys: set[str],
        capitalised: tuple[list[str], str],
    ) -> bool:
        """Whether a checkable mention has no counterpart. Checkable: it has proper words (a single one
        confirmed by another version). Present: a match for a proper word or a word after the first
        one, since surnames are often dictionary words too ("Maxine Waters" / "Максине Вотерс"), while
        the words before are titles ("Defense Minister Milos" / "Ministri serb")."""
        proper = _proper_words(mention, lang, term_words)
        keys_of = [name_key(w, lang) for w in proper]
        if not keys_of or (len(keys_of) == 1 and not self._confirmed(keys_of[0], lang)):
            return False
        words = [w.group(0) for w in _compared(mention, proper, term_words)]
        word_keys = [name_key(w, lang) for w in words]
        # an exact key first: the usual case, and a set look-up instead of a fuzzy match per key
        if not keys.isdisjoint(word_keys) or any(_matches(w, k) for w in word_keys for k in keys):
            return False
        others, other_lang = capitalised
        return not any(_sounds_like(w, lang, other, other_lang) for w in words for other in others)
