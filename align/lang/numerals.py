"""How a language writes numbers in words and months: the data shape of a profile's ``numbers``, and
the builders its data module uses to spell the tables compactly. The grammar that reads them is
:mod:`align.numbers.words`."""

from __future__ import annotations

from dataclasses import dataclass, field

# One entry of ``NumberWords.words``: (value, role, counts on its own). Roles: "small" (a complete
# number below 100), "tens" (20..90, may take a unit after it), "hundreds" (a complete number of 100 or
# more), "hundred" (multiplies what precedes it), "scale" (thousand, million, ...).
Entry = tuple[float, str, bool]


@dataclass(frozen=True)
class NumberWords:
    words: dict[str, Entry]
    abbreviations: dict[str, float]  # scale abbreviations after digits ("5 Mio.", "3 bn")
    months: dict[str, int]  # month names with their inflected and abbreviated forms
    # Weekday names with their inflected forms, Monday 1 to Sunday 7 (:func:`weekday_names`).
    weekdays: dict[str, int] = field(default_factory=dict)
    # A weekday or month name away from a number is a date the number check compares unless it may be
    # something else: a form of ``ambiguous_dates`` ("May", "March", "недеља" = week, "hënë" = moon)
    # or of three letters or less ("Mai", "maj", "jun") is one only right after a word of ``date_cues``
    # ("in May", "im Mai", "у недељу", "të hënën", "në maj"). A cue also lets a capitalised word stand
    # before the name ("Ende Mai"), which otherwise makes it part of a name ("Theresa May").
    ambiguous_dates: frozenset[str] = frozenset()
    date_cues: frozenset[str] = frozenset()
    # Words that name a day or a month relative to now ("yesterday", "gestern", "јуче", "dje"; "month",
    # "Monat"): a translator may resolve "on Sunday" to one of them, so a weekday (month) name the
    # other side lacks is no divergence when the other side has one of these.
    relative_days: frozenset[str] = frozenset()
    relative_months: frozenset[str] = frozenset()
    # Beginnings of longer words that name a month (weekday) in passing, a compound ("Oktoberanfang",
    # "freitagabendlichen") or an adjective ("јунски састанак", "суботњих мечева"): such a word only
    # answers the other side's name.
    month_stems: dict[str, int] = field(default_factory=dict)
    weekday_stems: dict[str, int] = field(default_factory=dict)
    # Words that may join number words: "two hundred and five", "dvadeset i pet".
    connectors: frozenset[str] = frozenset()
    # Number + measure in one word ("dreitägig", "petogodišnji", "pesëvjeçar"): prefixes (None: the
    # language's number words) and the measure suffixes that make such a word count as its number.
    prefixes: dict[str, int] | None = None
    suffixes: tuple[str, ...] = ()
    both: frozenset[str] = frozenset()  # words for "both", counted as 2
    ordinal_articles: frozenset[str] = frozenset()  # words that make the next number an ordinal
    # Languages that glue thousands into one word ("zweitausendfünfhundert"): the word for thousand and
    # the numbers 1..999 it joins, parsed rather than listed.
    thousand: str = ""
    below_thousand: dict[str, int] | None = None
    # Words around numbers, as regular expressions (matched case-insensitively, in any language's text:
    # the union over all profiles is used). Percent after a number ("per\s?cent\b"); a time of day
    # after "18.30" ("uhr\b"); the word between the ends of a range ("to", "bis"), of which ``and_words``
    # make one only after an opener ("between 24 and 48", "zwischen").
    # Magnitudes without a figure ("hundreds", "Tausende", "desetine"): word -> its scale; the forms of
    # scale words that need a number before them ("hiljade", "Millionen") count so when they stand alone,
    # and a scale after a word of ``vague_quantifiers`` ("several thousand", "mehrere Tausend") too.
    vague: dict[str, float] = field(default_factory=dict)
    vague_quantifiers: frozenset[str] = frozenset()
    # Words between two magnitudes that multiply ("tens of thousands", "Hunderte von Tausenden");
    # without one they multiply only when adjacent ("desetine hiljada", "qindra mijëra").
    magnitude_joiners: tuple[str, ...] = ()
    # Words that carry a number without writing it ("decade", "U-turn", "Viertelstunde", "деценија"):
    # a translation may write the number ("десет година", "kthesë 180 gradë"), so they count, like
    # magnitudes, only against a number of the other side. Whole words or hyphenated phrases.
    implicit: dict[str, float] = field(default_factory=dict)
    # Fractions in words ("half", "половина"), compared with percentages (50 percent = half).
    fractions: dict[str, float] = field(default_factory=dict)
    # Ordinal words ("third", "dritten", "трећег", "treti") -> their number; with ``ordinals_after``
    # only after one of those words ("i treti", "të tretën"; "para" alone is "before").
    ordinals: dict[str, int] = field(default_factory=dict)
    ordinals_after: frozenset[str] = frozenset()
    # Words right before a number that bound or blur it ("more than 500", "bis zu 6", "око 200"):
    # phrase -> (side, firm), side "more" (a lower bound), "less" (an upper bound) or "about"; a
    # phrase that is also a preposition ("over 24 hours", "do 2008") is not firm (see :func:`bound_words`).
    bounds: dict[str, tuple[str, bool]] = field(default_factory=dict)
    bound_gap: frozenset[str] = frozenset()  # words between a bound and its number ("nearly a 20-degree")
    percent: tuple[str, ...] = ()
    time_words: tuple[str, ...] = ()
    range_words: tuple[str, ...] = ()
    and_words: tuple[str, ...] = ()
    range_openers: tuple[str, ...] = ()


def wordlist(words: str) -> tuple[str, ...]:
    return tuple(words.split())


def bound_words(more: str = "", less: str = "", about: str = "") -> dict[str, tuple[str, bool]]:
    """``NumberWords.bounds`` from "|"-separated phrases per side; a phrase ending in "?" is not firm."""
    out: dict[str, tuple[str, bool]] = {}
    for side, phrases in (("more", more), ("less", less), ("about", about)):
        for phrase in filter(None, phrases.split("|")):
            out[phrase.rstrip("?")] = (side, not phrase.endswith("?"))
    return out


def number_words(small: str = "", tens: str = "", ones: str = "", hundreds: str = "") -> dict[str, Entry]:
    """Word lists as "|"-separated groups of spellings, in value order: ``small`` from 1 ("-" for none),
    ``tens`` from 20, ``ones`` the words for one (counted only inside a larger number), ``hundreds``."""
    out: dict[str, Entry] = {}
    for i, group in enumerate(small.split("|")):
        for w in group.split():
            if w != "-":
                out[w] = (float(i + 1), "small", True)
    for i, w in enumerate(tens.split()):
        out[w] = (float(20 + 10 * i), "tens", True)
    for w in ones.split():
        out[w] = (1.0, "small", False)
    for i, group in enumerate(hundreds.split("|")):
        for w in group.split():
            out[w] = (float(100 * (i + 1)), "hundreds", True)
    return out


_SCALE_VALUES = (100.0, 1e3, 1e6, 1e9, 1e12)


def ordinal_words(small: str, tens: str = "", endings: tuple[str, ...] = ("",)) -> dict[str, int]:
    """Ordinal stems as "|"-separated groups of spellings from 1 (``small``) and from 20 (``tens``,
    one per group of ten), each with every ending ("dritt" + "e", "en", ...)."""
    groups = [(i + 1, g) for i, g in enumerate(small.split("|"))]
    groups += [(20 + 10 * i, g) for i, g in enumerate(tens.split())]
    return {stem + ending: value for value, group in groups for stem in group.split() for ending in endings}


def scales(groups: str) -> dict[str, Entry]:
    """Scale words for hundred, thousand, million, billion, trillion ("|"-separated groups); a leading
    "+" marks a form that needs a number before it ("Millionen", "hiljada")."""
    return {
        w.lstrip("+"): (value, "hundred" if value == 100 else "scale", not w.startswith("+"))
        for value, group in zip(_SCALE_VALUES, groups.split("|"), strict=False)
        for w in group.split()
    }


def abbreviations(groups: str) -> dict[str, float]:
    """Scale abbreviations, grouped as for :func:`scales`."""
    return {
        w: value
        for value, group in zip(_SCALE_VALUES, groups.split("|"), strict=False)
        for w in group.split()
    }


def month_names(groups: str, endings: tuple[str, ...] = ("",), first: int = 1) -> dict[str, int]:
    """Month number of each spelling ("december dec", "|"-separated from ``first``), with each ending."""
    return {
        name + ending: month
        for month, group in enumerate(groups.split("|"), first)
        for name in group.split()
        for ending in endings
    }


def weekday_names(groups: str, endings: tuple[str, ...] = ("",)) -> dict[str, int]:
    """Weekday number of each spelling ("|"-separated from Monday = 1, "-" for none), with each ending:
    stems that share endings in one call ("hën|mart|mërkur|-|-|shtun")."""
    return {w: day for w, day in month_names(groups, endings).items() if not w.startswith("-")}
