"""Proper names across languages and scripts: comparison keys, matching and a heuristic extractor.

A name key is the name as Serbian Latin would spell it, without diacritics, lower case, with one case
ending stripped from each word: "Vučić", "Vučića", "Vuçiqit", "Вучић", "Vucic" all give "vucic";
"Kurtija", "Kurtit", "Kurti" give "kurt". Widely known places with different names per language
("Belgrade", "Beograd", "Belgrad") share the key of their first spelling in data/exonyms.tsv.

Precision trade-offs (documented, tested): stripping endings can merge different names with the
same stem ("Marin"/"Marina"), and same_name's prefix tolerance merges stems that differ only in their
last two letters ("Ivanović"/"Ivanovo"). For a divergence report a merge costs a missed alarm, a
split costs a false one, so the rules lean to merging.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from ..lang import every, profile
from ..lang.lemma import lemma
from .textnorm import ascii_key, sentence_initial, to_latin


@dataclass(frozen=True)
class NameMention:
    text: str  # the surface form, text[start:end]
    key: str  # name_key of the surface form
    start: int
    end: int


_POSSESSIVE = re.compile(r"['’`]s?$")
_SPLIT = re.compile(r"[\s\-‐‑]+")


@cache
def _respelling(lang: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """The language's spellings of Serbian Latin (LanguageProfile.name_spelling), as one pattern."""
    spelling = dict(profile(lang).name_spelling)
    return (re.compile("|".join(spelling)), spelling) if spelling else None


@cache
def _endings() -> tuple[str, ...]:
    """Case endings of names in every language (key spelling), longest first: one is stripped per word
    whatever the language, so that the same surface form gets the same key in every language."""
    return tuple(sorted(every("name_endings"), key=len, reverse=True))


def _spell(name: str, lang: str) -> str:
    """The name in Serbian Latin orthography, lower case, diacritics kept (Albanian spelling is
    recognised by ç/ë even in another language's text)."""
    text = to_latin(name, lang).lower()
    respelling = _respelling(lang) or (_respelling("sq") if "ç" in text or "ë" in text else None)
    if respelling:
        pattern, spelling = respelling
        text = pattern.sub(lambda m: spelling[m.group(0)], text)
    return text


def _stem(word: str) -> str:
    """Strip one ending, leaving at least 3 letters (4 before a longer ending: "Albin" stays whole)."""
    for ending in _endings():
        if word.endswith(ending) and len(word) - len(ending) >= (3 if len(ending) == 1 else 4):
            return word[: -len(ending)]
    return word


_DOUBLE = re.compile(r"(\w)\1+")


@lru_cache(maxsize=65536)
def _base_key(name: str, lang: str) -> str:
    words = [_POSSESSIVE.sub("", w) for w in _SPLIT.split(name.strip()) if w]
    # Doubled letters are single ones: Serbian and Albanian spell "Willoughby", "Hammel" with one; and
    # x is ks, as languages that respell names write it ("Mexico" / "Meksiko").
    return " ".join(
        _stem(_DOUBLE.sub(r"\1", ascii_key(_spell(w, lang)).replace("x", "ks"))) for w in words if w
    )


@lru_cache(maxsize=1)
def _exonyms() -> dict[str, str]:
    """Base key of every spelling in exonyms.tsv -> base key of the line's first spelling."""
    table: dict[str, str] = {}
    text = files("align").joinpath("data/exonyms.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names = line.split("\t")
        canonical = _base_key(names[0], "en")
        for name in names:
            for lang in ("en", "sq"):  # the Albanian reading of an ambiguous spelling ("Shkup") too
                table.setdefault(_base_key(name, lang), canonical)
    return table


def name_key(name: str, lang: str) -> str:
    """Comparison key of a name (see module doc); equal keys mean the same name in most cases."""
    key = _base_key(name, lang)
    return _exonyms().get(key, key)


# Consonant skeleton for names transcribed by ear ("Johnson" / "Džonson", "Michigan" / "Mičigen",
# "Trump" / "Tramp"): vowels, j/y/h dropped, voiced and voiceless pairs merged.
_SKELETON = str.maketrans("bdgvwzqcx", "ptkffskks", "aeiouyjh")


@lru_cache(maxsize=65536)
def _skeleton(key: str) -> str:
    return key.replace("dz", "").replace("dj", "").replace("th", "t").replace("ph", "f").translate(_SKELETON)


def _common_prefix(a: str, b: str) -> int:
    return len(os.path.commonprefix([a, b]))


def _words_match(a: str, b: str) -> bool:
    if a == b:
        return True
    common = _common_prefix(a, b)
    if common >= 4 and len(a) - common <= 2 and len(b) - common <= 2:
        return True
    skeleton = _skeleton(a)
    return len(skeleton) >= 3 and skeleton == _skeleton(b)


def keys_match(a: str, b: str) -> bool:
    """Two name keys name the same: word by word equal, differing in at most their last two letters
    (stems the ending rules left apart: "pari"/"paris"), or with the same consonant skeleton of at
    least three consonants (transcriptions: "johnson"/"dzonson"); a shorter name matches a longer one
    that contains its words in order ("vucic" ~ "aleksandar vucic"). The skeleton rule is the loosest:
    "Marin" ~ "Moran" match by it."""
    wa, wb = a.split(), b.split()
    if len(wa) > len(wb):
        wa, wb = wb, wa
    if not wa:
        return False
    i = 0
    for word in wb:
        if i < len(wa) and _words_match(wa[i], word):
            i += 1
    return i == len(wa)


def same_name(a: str, b: str, lang_a: str = "und", lang_b: str = "und") -> bool:
    """Whether two surface names (each in its language, default: no language-specific spelling rules)
    name the same person or place. Albanian spelling is recognised by ç/ë even without ``lang``."""
    return keys_match(name_key(a, lang_a), name_key(b, lang_b))


# ---------------------------------------------------------------- misspellings

# English spellings that Serbian and Albanian transcriptions write by sound, in the order applied to the
# ASCII form (where Serbian "dž" is "dz"): Giles/Džajls, Willoughby/Vilobi, Maxine/Maksine.
SOUNDS = (("sch", "s"), ("ck", "k"), ("ph", "f"), ("th", "t"), ("gh", ""), ("sh", "s"), ("ch", "c"),
          ("dz", "j"), ("dj", "j"), ("x", "ks"), ("w", "v"), ("q", "k"), ("y", "j"))  # fmt: skip
_UMLAUT_SPELT = re.compile(r"(?<=[aou])e")  # "Mueller", "Schroeder": German umlauts spelt out
_HARD_C = re.compile(r"c(?![eiy])")  # "Calzadilla" / "Kalzadilja", "Cuba" / "Kuba"
_VOWELS = frozenset("aeiou")


@lru_cache(maxsize=65536)
def spelling(word: str, lang: str) -> str:
    """A name word as compared for misspellings, whatever the language spells by rule: Serbian Latin
    without diacritics, lower case, :data:`SOUNDS` merged, umlauts spelt out ("oe") as the vowel, "j"
    and "y" as "i", a "c" that is not soft as "k", doubled letters single: "Calzadilla" -> "kalzadila",
    "Калзадиља" -> "kalzadilia"."""
    text = _HARD_C.sub("k", ascii_key(to_latin(word, lang)))
    for spelt, said in SOUNDS:
        text = text.replace(spelt, said)
    return _DOUBLE.sub(r"\1", _UMLAUT_SPELT.sub("", text).replace("j", "i"))


@cache
def _inflection_endings(lang: str) -> frozenset[str]:
    lp = profile(lang)
    return frozenset(spelling(e, lang) for e in (*lp.name_endings, *lp.name_inflections))


def inflected(a: str, b: str, lang_a: str, lang_b: str, *, drop: bool = True) -> bool:
    """Whether two :func:`spelling` forms are one name, ``b`` perhaps in a case of ``lang_b``: after a
    common stem of two letters or more, ``b`` ends in nothing or an ending of ``lang_b`` (its
    ``name_endings`` and ``name_inflections``), and ``a`` in nothing, an ending of ``lang_a``, or a
    final vowel that a vowel-initial ending replaced ("Kosovo" / "Kosova", "Kosovës", "Климом";
    "Geiger" / "Гајгеров"; "Evo" / "Ева"), or, with ``drop``, a final vowel dropped ("Singapore" /
    "Singapor"). "Elvie" / "Elvis", "Los" / "Log" and "Calzadilla" / "Calzadella" are not."""
    if a == b:
        return True
    common = _common_prefix(a, b)
    return any(_endings_of(a[stem:], b[stem:], lang_a, lang_b, drop) for stem in range(common, 1, -1))


def appended(a: str, b: str, lang_b: str) -> bool:
    """Whether the :func:`spelling` form ``b`` is ``a`` as written or with a case ending of ``lang_b``
    after it: stricter than :func:`inflected` ("Corbyn" is not "Corby" + the possessive "-in")."""
    return b.startswith(a) and (b == a or b[len(a) :] in _key_endings(lang_b))


@cache
def _key_endings(lang: str) -> frozenset[str]:
    return frozenset(spelling(e, lang) for e in profile(lang).name_endings)


def _endings_of(tail_a: str, tail_b: str, lang_a: str, lang_b: str, drop: bool) -> bool:
    if tail_b and tail_b not in _inflection_endings(lang_b):
        return False
    if not tail_a or tail_a in _inflection_endings(lang_a):
        return True
    return len(tail_a) == 1 and tail_a in _VOWELS and (tail_b[:1] in _VOWELS if tail_b else drop)


def one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one letter changed, added, dropped, or two neighbours swapped."""
    return _edit(a, b) is not None


def _edit(a: str, b: str) -> tuple[int, int, int] | None:
    """Where ``b`` is ``a`` with one edit (:func:`one_edit`): the letters before it, and the letters
    of ``a`` and of ``b`` after it; None when they are not one edit apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return None
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a, end_b = end_a - 1, end_b - 1
    middle_a, middle_b = a[start:end_a], b[start:end_b]
    if (len(middle_a) <= 1 and len(middle_b) <= 1) or (
        len(middle_a) == len(middle_b) == 2 and middle_a == middle_b[::-1]
    ):
        return start, len(a) - end_a, len(b) - end_b
    return None


STEM_END = 2  # letters at a name's end where an edit may be an ending or a respelt vowel ("Elvie" / "Elvis")


def in_stem(a: str, b: str, lang_a: str, lang_b: str, *, last: bool = True) -> bool:
    """Whether two :func:`spelling` forms one edit apart differ inside the name's stem: after its
    first letter, and, in the ``last`` word of a name (the one a language declines), before its last
    :data:`STEM_END` letters and any name ending of its language on either side ("Calzadilla" /
    "Calzadella", "Popocatepetl" / "Popcatepetl"; not "Elvie" / "Elvis", "Corbyn" / "Corby", nor
    "Liupanshui" / "Liupanshiu"): a letter changed there is no case ending, possessive or final
    vowel a language gives a name."""
    edit = _edit(a, b)
    if edit is None or edit[0] < 1:
        return False
    _, after_a, after_b = edit
    return not last or (after_a >= _ending_room(a, lang_a) and after_b >= _ending_room(b, lang_b))


def variant_edit(a: str, b: str) -> bool:
    """Whether two :func:`spelling` forms one edit apart differ where transcriptions and respellings
    of one name differ: an "h" of a digraph ("Nicholas" / "Nikolas"), a glide "j" (spelt "i") beside
    a vowel ("Pobeda" / "Pobjeda"), "s" for "z" ("Tensing" / "Tenzing"), "ou" for "u" ("Kathmandu"
    / "Kathmandou"), "ai" or "i" for "ei" or "i" (a diphthong: "Hussein" / "Hussain", "Biden" /
    "Bajden")."""
    edit = _edit(a, b)
    if edit is None:
        return False
    start, after_a, after_b = edit
    letters = {a[start : len(a) - after_a], b[start : len(b) - after_b]}
    longer = a if len(a) > len(b) else b
    around = longer[max(start - 1, 0) : start + 2]
    return (
        letters in ({"", "h"}, {"s", "z"})
        or (letters == {"", "i"} and bool(_VOWELS.intersection(around.replace("i", "", 1))))
        or (letters in ({"", "o"}, {"", "u"}) and "ou" in around)
        or (letters in ({"a", "e"}, {"", "a"}, {"", "e"}) and longer[start + 1 : start + 2] == "i")
    )


def _ending_room(form: str, lang: str) -> int:
    """How many letters at the end of a :func:`spelling` form may belong to an ending: the longest
    name ending of ``lang`` it ends in, at least :data:`STEM_END`."""
    longest = max((len(e) for e in _inflection_endings(lang) if e and form.endswith(e)), default=0)
    return max(STEM_END, longest)


def exonym(word: str, lang: str) -> bool:
    """Whether a word is a spelling listed in data/exonyms.tsv ("Beograd", "Kosova")."""
    return _base_key(word, lang) in _exonyms()


# ---------------------------------------------------------------- extraction

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_JOINER = re.compile(r"[ \u00a0\-‐‑]")


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    from ..numbers import month_words

    return month_words()


def _proper_lemma(word: str, code: str) -> bool | None:
    """True when the dictionary has the word as a proper noun, False as a common word, None unknown."""
    found = lemma(word, code)
    return None if found is None else found[:1].isupper()


@lru_cache(maxsize=131072)
def _is_proper(word: str, lang: str, initial: bool) -> bool:
    """Whether a capitalised word is a name on its own (not a capitalised common word).

    The dictionary decides in English (which capitalises titles and institutions: "the Government")
    and German (which capitalises every noun), and at the start of a sentence. Elsewhere in Serbian and
    Albanian a capital is trusted: many names there are also common words ("Vučić", "Dragan", "Vuk").
    """
    base = re.split(r"['’]", word)[0]  # "Martin's" -> "Martin", "I've" -> "I"
    low = base.lower()
    if len(base) < 2 or low in every("not_names") or to_latin(low, lang) in _months():
        return False
    if base.isupper() or (base[:-1].isupper() and base.endswith("s") and len(base) > 2):
        return True  # acronym: NATO, EU, AMs
    if _base_key(base, lang) in _exonyms():
        return True
    lp = profile(lang)
    # Nationality adjectives ("Serbian", "British", "Chinese") are capitalised in English: such a word is
    # an adjective only when the dictionary knows it, since surnames share the endings ("Vucic").
    if (
        lp.demonym_endings
        and low.endswith(lp.demonym_endings)
        and lemma(base, lp.lemmatiser or "") is not None
    ):
        return False
    if lp.nouns_capitalised:
        # a name is a word the language's dictionary does not know, or one the English or Serbian
        # dictionary knows as a proper noun ("London", "Kosovo")
        own = lemma(base, lp.lemmatiser or "")
        return own is None or any(_proper_lemma(base, c) for c in ("en", "hbs"))
    if not (lp.capitals_beyond_names or initial):
        return True
    return lp.lemmatiser is None or _proper_lemma(to_latin(base, lang), lp.lemmatiser) is not False


def extract_names(text: str, lang: str, known: Iterable[str] = ()) -> list[NameMention]:
    """Proper names of a sentence, heuristically.

    Runs of capitalised words ("Prime Minister Zoran Zaev") are trimmed to the span between their
    first and last word that is a name on its own: one the dictionary (simplemma) does not know or
    knows as a proper noun, an acronym, a place in exonyms.tsv, or a word of ``known`` (name keys
    from the other side of the alignment). So capitalised common words ("Government", all German
    nouns), titles, months, weekdays and English nationality adjectives are no names by themselves,
    and a sentence-initial word is a name only when it is one on its own. Names that are also common
    words ("Rose", "Bush") are missed unless part of a longer name or ``known``.
    """
    known_words = frozenset(w for k in known for w in k.split())
    capitals = profile(lang).capitals_beyond_names
    runs: list[list[tuple[re.Match[str], bool]]] = []
    last_end = -1
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        if not word[0].isupper():
            last_end = -1
            continue
        initial = capitals or sentence_initial(text, m.start())
        proper = _is_proper(word, lang, initial) or (
            bool(known_words) and any(_words_match(_base_key(word, lang), k) for k in known_words)
        )
        if last_end >= 0 and _JOINER.fullmatch(text, last_end, m.start()):
            runs[-1].append((m, proper))
        else:
            runs.append([(m, proper)])
        last_end = m.end()
    trimmed = []
    for run in runs:
        flags = [proper for _, proper in run]
        if any(flags):
            first, last = flags.index(True), len(flags) - 1 - flags[::-1].index(True)
            trimmed.append([m for m, _ in run[first : last + 1]])
    out = []
    for joined in _join_exonyms(text, trimmed, lang):
        start, end = joined[0].start(), joined[-1].end()
        surface = text[start:end]
        out.append(NameMention(surface, name_key(surface, lang), start, end))
    return out


def _join_exonyms(text: str, runs: list[list[re.Match[str]]], lang: str) -> list[list[re.Match[str]]]:
    """Join "Mali" + "i" + "Zi", "Bosna" + "i" + "Hercegovina" when the whole is a known place name."""
    out: list[list[re.Match[str]]] = []
    for run in runs:
        if out:
            gap = text[out[-1][-1].end() : run[0].start()]
            if gap.strip() in every("name_connectors") and len(gap) <= 5:
                joined = text[out[-1][0].start() : run[-1].end()]
                if _base_key(joined, lang) in _exonyms():
                    out[-1] = out[-1] + run
                    continue
        out.append(run)
    return out
