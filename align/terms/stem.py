"""Word keys for term matching: the inflected forms of a word share at least one key.

A word gets a small set of keys rather than one, because no single normaliser is right for every
form: simplemma knows ``shtetit`` -> ``shtet`` but not ``pavarura``, and maps ``shkëputur`` to the
verb ``shkëputem`` while ``shkëputura`` stays unknown; a light suffix rule joins what the dictionary
splits. Serbian (and the other Serbo-Croatian standards) goes through Latin script and the snowball
stemmer: simplemma's ``hbs`` dictionary measured worse (``kosova`` -> ``kos`` "blackbird", ``južnoj``
unknown). English gets no stemmer: Porter conflates ``independent`` with ``independence``.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

import simplemma
import snowballstemmer

from ..lang import primary, profile
from ..lang.lemma import dictionary
from ..textnorm import fold as text_fold
from ..textnorm import repair_homoglyphs, to_latin

MIN_HEAD = 5  # shorter heads hide in unrelated words (``Rat`` in ``Verrat``)
# Albanian linking articles change with the case and gender of the noun they follow
# (``shtet i pavarur``, ``shtetit të pavarur``, ``Kosovës së pavarur``): in a term they match each other
# (LanguageProfile.articles).
ARTICLE = "\x00article"
# Acronyms (two or more capitals: KFOR, РОСУ, КиМ) match only as written, never stemmed or case-folded:
# folded, "КиМ" would be the name "Kim" and stemmed "РОСУ" the name "Rosa". Such text words get this
# prefix plus their spelling as an extra key.
ACRONYM = "\x00="
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


def _strip(word: str, code: str) -> str:
    for suffix in profile(code).suffixes:
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
    "Albanian population" is not the group "Albanians"); measured on the labelled sample.
    """
    code = primary(lang)
    acronym = acronym_key(token, code)
    if acronym:
        return frozenset({acronym})
    wide = keys(token, code)
    form = fold(token, code)
    if profile(code).term_as_written_if_inflected and wide != {form}:
        return frozenset({form})
    return wide


@lru_cache(maxsize=200_000)
def keys(token: str, lang: str) -> frozenset[str]:
    """Keys of one token (as written, any case or script) in ``lang``; tokens match if keys overlap."""
    code = primary(lang)
    lp = profile(code)
    form = fold(token, code)
    if form in lp.articles:
        out = {form, ARTICLE}
    elif lp.stemmer:
        out = {form, _stem(form, lp.stemmer)}
    else:
        out = {form}
        lemmatiser = dictionary(code)
        if lemmatiser:
            # Both readings, whatever the case in the text: they differ in German (``Abtrünnigen`` noun,
            # ``abtrünnigen`` adjective) and capitals at the start of a sentence say nothing.
            for variant in (form, form[:1].upper() + form[1:]):
                out.add(fold(simplemma.lemmatize(variant, lemmatiser), code))
        if lp.suffixes:
            out |= {_strip(k, code) for k in out}
    acronym = acronym_key(token, code)
    if acronym:
        out.add(acronym)
    return frozenset(out)
