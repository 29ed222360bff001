"""Everything that varies by language, in one record per language, looked up by BCP 47 tag.

A profile is data: each language this toolkit knows well has a module in :mod:`align.lang.data`
(``en.py``, ``sr.py``, ...) defining ``PROFILE``; every other tag gets a generic profile built from
the tables in :mod:`align.lang.generic`. The code that segments, reads numbers, stems, lemmatises
and compares names asks the profile instead of testing language codes, in the spirit of simplemma's
per-language registry. Adding a language is adding one data module (see README, "Adding a language").
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from functools import cache, lru_cache

from . import data, generic
from .numerals import NumberWords
from .scripts import SCRIPT_NAMES
from .tags import primary


@dataclass(frozen=True)
class LanguageProfile:
    code: str  # the primary subtag this profile is for ("sr")
    name: str  # English name, for messages
    # Other primary subtags that use this profile ("cnr", "sh", "hbs" use the Serbian one).
    aliases: tuple[str, ...] = ()
    # The macrolanguage or family a tag belongs to ("hbs": Serbian, Croatian, Bosnian, Montenegrin):
    # the language check does not tell its members apart.
    family: str | None = None
    # Scripts the language is usually written in: one is checked against the text; with several,
    # an undeclared script is detected and added to the tag ("sr" -> "sr-Cyrl").
    scripts: tuple[str, ...] = ()
    # Cyrillic is compared through Serbian Latin transliteration (textnorm.to_latin / fold).
    cyrillic_latin: bool = False

    # Segmentation (align.text.segment): our abbreviation table (align/data/abbreviations/<name>.txt),
    # reldi-tokeniser's list, and whether nouns are capitalised ("im 20. Jahrhundert" is one sentence).
    abbreviations: str | None = None
    reldi: str | None = None
    nouns_capitalised: bool = False

    # Numbers (align.numbers): decimal point (else comma), regions that write a point whatever the
    # language ("de-CH": 10'000.50),
    # ordinal suffixes after digits ("20th"; without them "10." is an ordinal), 12-hour clock ("6 p.m.").
    decimal_point: bool = False
    decimal_point_regions: frozenset[str] = frozenset({"CH", "LI"})
    ordinal_suffixes: tuple[str, ...] = ()
    clock_12h: bool = False
    numbers: NumberWords | None = None

    # Word keys (align.terms, align.report.checks.names): simplemma's dictionary, snowball's stemmer,
    # light suffix rules (longest first), linking articles that match each other ("i", "të"), case
    # endings glued to acronyms with a hyphen ("KFOR-it"), compounds matched by their head
    # ("Südprovinz"), inflected term words matched only as written ("Serbs").
    lemmatiser: str | None = None
    stemmer: str | None = None
    suffixes: tuple[str, ...] = ()
    articles: frozenset[str] = frozenset()
    hyphen_endings: bool = False
    compounding: bool = False
    term_as_written_if_inflected: bool = False
    # Sound changes a stemmer or suffix rule does not undo, as (regex on the folded word, replacement):
    # each rewritten form adds its own keys (Serbian "poljoprivrednici" -> "poljoprivredniki",
    # "mostovima" -> "mostima", "spasioca" -> "spasilac").
    stem_alternations: tuple[tuple[str, str], ...] = ()
    # Plural stems that no rule reaches, to their singular ones (Albanian "thas" -> "thes").
    irregular_stems: dict[str, str] = field(default_factory=dict)
    # Suffixes not stripped from a capitalised term word (a noun): German "-er" is an adjective ending
    # but makes agent nouns ("Retter" must not become "rett", the stem of "retten").
    noun_keeps: tuple[str, ...] = ()
    # Endings that derive a feminine noun from a term's noun ("Landwirtinnen" is a "Landwirt").
    feminine_suffixes: tuple[str, ...] = ()
    # Prefixes that make a word a derivation, not a compound with a term as its head ("Einfluss",
    # "Zufluss" are no "Fluss").
    not_compound_modifiers: frozenset[str] = frozenset()

    # Names (align.text.propernames): case endings stripped from names (the union over all
    # languages is used, so a
    # surface form has one key whatever its language), and spellings rewritten to Serbian Latin
    # (Albanian "gj" -> "đ"). Capitals that mark more than names (English titles and nationality
    # adjectives, German nouns): the dictionary decides everywhere, not only at a sentence's start;
    # endings of nationality adjectives ("Serbian"); capitalised words that are never names alone
    # (weekdays, titles) and words joining the parts of a place name ("Bosna i Hercegovina"); the
    # last two are used as unions over all languages.
    name_endings: tuple[str, ...] = ()
    name_spelling: tuple[tuple[str, str], ...] = ()
    capitals_beyond_names: bool = False
    demonym_endings: tuple[str, ...] = ()
    not_names: frozenset[str] = frozenset()
    name_connectors: frozenset[str] = frozenset()
    # How the language's spelling of a foreign name sounds, for matching it with a transcription by
    # ear (regex on the lower-case ASCII word, replacement), applied in order: English "Kyle", "Rowe",
    # "Lacy" are said "kajl", "rou", "lejsi" (Serbian "Кајл Роу", "Лејси").
    name_sounds: tuple[tuple[str, str], ...] = ()
    # Whether the language writes foreign names as they sound, in either script (Serbian "Taker" for
    # "Tucker"): a name one letter off is then a transcription, never taken for a slip of the pen.
    names_by_sound: bool = False
    # Endings a name takes beyond ``name_endings`` (which make its key), for telling an inflected name
    # from a misspelt one (align.text.propernames.inflected): Serbian possessive adjectives
    # ("Гајгеров", "Фуриковој"), Albanian case endings after a vowel ("Elvies", "Elvien").
    name_inflections: tuple[str, ...] = ()
    # Third-person pronouns, and whether a subject pronoun is usually dropped (Serbian, Albanian): a
    # person the version names elsewhere may be "he" or no word at all in one link ("He died" /
    # "Agung starb").
    pronouns: frozenset[str] = frozenset()
    pro_drop: bool = False
    # Verbs made of a name, by lemma: "tweeted" refers to Twitter as "postoi në Twitter" does.
    name_verbs: dict[str, str] = field(default_factory=dict)

    # The language check (align.lang.detect): frequent short words, for a cheap first guess.
    stopwords: frozenset[str] = field(default_factory=frozenset)
    # Words that carry grammar rather than content (auxiliaries, modals, pronouns, quantifiers,
    # connecting adverbs), folded: never a term of the Renderings table, nor a pivot word whose
    # counterpart a rendering check looks for (align.report.renderings).
    function_words: frozenset[str] = frozenset()

    @property
    def script(self) -> str | None:
        """The script of a single-script language (None when it has several or none is known)."""
        return self.scripts[0] if len(self.scripts) == 1 else None


@cache
def _registry() -> dict[str, LanguageProfile]:
    out: dict[str, LanguageProfile] = {}
    for module in pkgutil.iter_modules(data.__path__):
        found: LanguageProfile = importlib.import_module(f"{data.__name__}.{module.name}").PROFILE
        for code in (found.code, *found.aliases):
            if code in out:
                raise ValueError(f"two language profiles claim {code!r}: {out[code].name}, {found.name}")
            out[code] = found
    return out


def profiles() -> tuple[LanguageProfile, ...]:
    """Every language with a data module, each once, in code order."""
    return tuple(sorted({id(p): p for p in _registry().values()}.values(), key=lambda p: p.code))


@lru_cache(maxsize=256)
def profile(tag: str) -> LanguageProfile:
    """The profile of a tag's primary language ("sr-Latn-RS" -> Serbian); a generic one for languages
    without a data module, malformed tags included."""
    code = primary(tag)
    return _registry().get(code) or _generic(code)


@cache
def _generic(code: str) -> LanguageProfile:
    usual = generic.USUAL_SCRIPT.get(code)
    return LanguageProfile(
        code=code,
        name=generic.NAMES.get(code, code),
        scripts=generic.MULTI_SCRIPT.get(code, (usual,) if usual else ()),
        reldi=code if code in generic.RELDI else None,
        decimal_point=code in generic.DECIMAL_POINT,
        lemmatiser=generic.SIMPLEMMA_CODE.get(code, code) if _simplemma_has(code) else None,
    )


def _simplemma_has(code: str) -> bool:
    from .lemma import supported

    return generic.SIMPLEMMA_CODE.get(code, code) in supported()


@cache
def every(field: str) -> frozenset:
    """The union of one collection field over all profiles ("not_names": weekdays and titles of every
    language), for rules that apply whatever the text's language."""
    return frozenset(item for p in profiles() for item in getattr(p, field))


def language_name(tag: str) -> str:
    """``sr-Cyrl`` -> ``Serbian (Cyrillic script)``; unknown parts are kept as written."""
    first, *rest = tag.split("-")
    code = primary(first)
    found = _registry().get(code)
    name = found.name if found and found.code == code else generic.NAMES.get(code, first)
    details = [
        f"{SCRIPT_NAMES.get(sub, sub)} script" if len(sub) == 4 and sub.isalpha() else sub for sub in rest
    ]
    return f"{name} ({', '.join(details)})" if details else name


def family_members(family: str) -> tuple[str, ...]:
    """Codes of the languages of a family with a profile ("hbs" -> bs, cnr, hbs, hr, sh, sr)."""
    return tuple(sorted(code for code, p in _registry().items() if p.family == family))
