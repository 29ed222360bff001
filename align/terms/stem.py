"""Word keys for term matching: the inflected forms of a word share at least one key.

A word gets a small set of keys rather than one, because no single normaliser is right for every
form: simplemma knows ``shtetit`` -> ``shtet`` but not ``pavarura``, and maps ``shkëputur`` to the
verb ``shkëputem`` while ``shkëputura`` stays unknown; a light suffix rule joins what the dictionary
splits. Serbian (and the other Serbo-Croatian standards) goes through Latin script and the snowball
stemmer: simplemma's ``hbs`` dictionary measured worse (``kosova`` -> ``kos`` "blackbird", ``južnoj``
unknown). English gets no stemmer: Porter conflates ``independent`` with ``independence``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import simplemma
import snowballstemmer

from ..lang import primary, profile
from ..lang.lemma import dictionary
from ..text.textnorm import fold as text_fold
from ..text.textnorm import repair_homoglyphs, to_latin

MIN_HEAD = 5  # shorter heads hide in unrelated words (``Rat`` in ``Verrat``)
# Albanian linking articles change with the case and gender of the noun they follow
# (``shtet i pavarur``, ``shtetit të pavarur``, ``Kosovës së pavarur``): in a term they match each other
# (LanguageProfile.articles).
ARTICLE = "\x00article"
# Acronyms (two or more capitals: KFOR, РОСУ, КиМ) match only as written, never stemmed or case-folded:
# folded, "КиМ" would be the name "Kim" and stemmed "РОСУ" the name "Rosa". Such text words get this
# prefix plus their spelling as an extra key.
ACRONYM = "\x00="
# Stems live apart from whole words: Serbian "rekao" (said) stems to "reka", which is the word "reka"
# (river), not a form of it; stems meet stems and words meet words.
STEM = "\x00~"
_MIN_STEM = 4  # light suffix rules (LanguageProfile.suffixes) keep at least this many letters


def hyphen_endings(lang: str) -> bool:
    """Whether the language glues case endings to acronyms with a hyphen (KFOR-it, НАТО-а)."""
    return profile(lang).hyphen_endings


def compounding(lang: str) -> bool:
    """Whether a term may match as the head of a compound (``Provinz`` in ``Südprovinz``)."""
    return profile(lang).compounding


@lru_cache(maxsize=200_000)
def fold(token: str, lang: str) -> str:
    """The comparable spelling of one token (homoglyphs repaired, Serbian in Latin, case-folded)."""
    return text_fold(token, lang)


def _strip(word: str, code: str, keep: tuple[str, ...] = ()) -> str:
    for suffix in profile(code).suffixes:
        if suffix in keep:
            continue
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)]
            break
    if code == "sq" and word.endswith("ër"):
        word = word[:-2] + "r"  # the ë before a final r drops in inflection: kryeministër, kryeministrin
    return word


@cache
def _stemmer(name: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(name)


def _stem(word: str, name: str) -> str:
    stem = _stemmer(name).stemWord(word)
    # Serbian: the stemmer keeps "ij" in some forms and not in others (metohija -> metohij, metohije ->
    # metohi; teritorija -> teritorij): one spelling joins them.
    return stem[:-1] if name == "serbian" and stem.endswith("ij") else stem


@cache
def _alternations(code: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), repl) for pattern, repl in profile(code).stem_alternations)


def _alternants(form: str, code: str) -> set[str]:
    """The word with each sound change of its language undone (see LanguageProfile.stem_alternations)."""
    return {pattern.sub(repl, form) for pattern, repl in _alternations(code)} - {form}


@lru_cache(maxsize=200_000)
def acronym_key(token: str, lang: str) -> str | None:
    """The key a word written with two or more capitals must match exactly; None for other words."""
    if sum(ch.isupper() for ch in token) < 2:
        return None
    return ACRONYM + to_latin(repair_homoglyphs(unicodedata.normalize("NFKC", token)), lang)


@lru_cache(maxsize=200_000)
def term_keys(token: str, lang: str) -> frozenset[str]:
    """Keys of a word of a termbase term: those of keys(), narrowed where a wider match misleads.

    Acronyms match only as written. English words that the termbase gives inflected (Serbs, Albanians,
    declared) match only that form: their base form is often another word class (the adjective in
    "Albanian population" is not the group "Albanians"); measured on the labelled sample. A noun
    keeps the endings its language derives nouns with (LanguageProfile.noun_keeps: "Retter").
    """
    code = primary(lang)
    lp = profile(code)
    acronym = acronym_key(token, code)
    if acronym:
        return frozenset({acronym})
    noun = bool(lp.noun_keeps) and token[:1].isupper()
    wide = _keys(token, code, lp.noun_keeps if noun else ())
    form = fold(token, code)
    if lp.term_as_written_if_inflected and wide != {form}:
        return frozenset({form})
    return wide


def keys(token: str, lang: str) -> frozenset[str]:
    """Keys of one token (as written, any case or script) in ``lang``; tokens match if keys overlap."""
    return _keys(token, primary(lang))


@lru_cache(maxsize=200_000)
def _keys(token: str, code: str, keep: tuple[str, ...] = ()) -> frozenset[str]:
    lp = profile(code)
    form = fold(token, code)
    if form in lp.articles:
        out = {form, ARTICLE}
    elif lp.stemmer:
        # A word ending in a consonant or -o also gets the stem of its genitive: snowball cuts
        # "vodostaj" to "vodosta" but "vodostaja", "vodostaji" to "vodostaj"; "nivo" to "niv" but
        # "nivoa", "nivoi" to "nivo".
        forms = {form, *_alternants(form, code)} | ({form + "a"} if form[-1:] not in "aeiu" else set())
        out = {form} | {STEM + _stem(f, lp.stemmer) for f in forms}
    else:
        out = {form, *_alternants(form, code)}
        lemmatiser = dictionary(code)
        if lemmatiser:
            # Both readings, whatever the case in the text: they differ in German (``Abtrünnigen`` noun,
            # ``abtrünnigen`` adjective) and capitals at the start of a sentence say nothing.
            # A lemma starting with another letter is dictionary noise ("Ja" -> "banor" in Albanian).
            for variant in (form, form[:1].upper() + form[1:]):
                lemma = fold(simplemma.lemmatize(variant, lemmatiser), code)
                if lemma[:1] == form[:1]:
                    out.add(lemma)
        if token[:1].isupper():
            out |= {
                form[: -len(s)]
                for s in lp.feminine_suffixes
                if form.endswith(s) and len(form) - len(s) >= _MIN_STEM
            }
        if lp.suffixes:
            out |= {_strip(k, code, keep) for k in out}
        out |= {lp.irregular_stems[k] for k in out if k in lp.irregular_stems}
    acronym = acronym_key(token, code)
    if acronym:
        out.add(acronym)
    return frozenset(out)
