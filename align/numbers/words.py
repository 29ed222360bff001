"""Numbers in words ("five hundred", "петсто", "dvadeset i pet", "zweitausend") and month names,
from the number words of each language's profile (:class:`align.lang.numerals.NumberWords`)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from cyrtranslit import to_cyrillic

from ..lang import WORD, profile, profiles
from ..lang.numerals import Entry
from ..text.textnorm import sentence_initial
from . import vocabulary
from .mention import NumberMention


@dataclass(frozen=True)
class Lexicon:
    """A profile's number words with the spellings real text also uses, and derived tables."""

    words: dict[str, Entry]
    abbreviations: dict[str, float]
    months: dict[str, int]
    connectors: frozenset[str]
    prefixes: dict[str, int] | None
    both: frozenset[str]
    ordinal_articles: frozenset[str]
    thousand: str
    below_thousand: dict[str, int]
    nouns_capitalised: bool  # "beiden" before a capitalised noun counts, else it is a pronoun
    scales: dict[str, float]  # scale words and abbreviations after digits ("3 million", "5 Mio.")
    suffix_re: re.Pattern[str] | None  # the measure suffixes of NumberWords.suffixes
    vague: dict[str, float]  # magnitudes without a figure, with the scale forms that need one
    vague_quantifiers: frozenset[str]
    magnitude_joiners: frozenset[str]
    fractions: dict[str, float]
    ones: frozenset[str]  # the words for one (also articles), of three letters or more
    ordinals: dict[str, int]
    ordinals_after: frozenset[str]
    months_capitalised: bool  # a month name away from a number counts only capitalised ("May", "may")
    weekdays: dict[str, int]
    ambiguous_dates: frozenset[str]  # NumberWords.ambiguous_dates, in every spelling
    date_cues: frozenset[str]
    relative_days: frozenset[str]
    relative_months: frozenset[str]
    date_stems: dict[str, tuple[str, int]]  # NumberWords.month_stems, weekday_stems: stem -> (kind, number)
    date_stem: re.Pattern[str] | None  # any of them, starting a word
    inword: re.Pattern[str]  # a number word starting a longer word ("fourballs")
    loose_words: frozenset[str]  # words without which a text has nothing for loose_mentions but inword
    implicit: re.Pattern[str] | None  # NumberWords.implicit, in every spelling, as one pattern
    implicit_values: dict[str, float]
    bounds: dict[str, tuple[str, bool]]  # NumberWords.bounds, in every spelling (read by .bounds)
    bound_gap: frozenset[str]


_PLAIN = str.maketrans("ëçčćšžđ", "ecccszd")


def alternation(phrases: Iterable[str]) -> str:
    """A regular-expression alternation of ``phrases``, longest first (so that "more than" wins over
    "more"), a space in a phrase matching any run of spaces."""
    return "|".join(r"\s+".join(map(re.escape, p.split(" "))) for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=64)
def lexicon(lang: str) -> Lexicon | None:
    """The language's number words plus the spellings real text also uses (Serbian in Cyrillic,
    Albanian and Serbian without diacritics); None for languages without number words."""
    lp = profile(lang)
    nw = lp.numbers
    if nw is None:
        return None

    def spellings(words: Iterable[str]) -> frozenset[str]:
        return frozenset(expand(dict.fromkeys(words)))

    def expand(table: dict) -> dict:
        out = dict(table)
        for w, v in table.items():
            if lp.cyrillic_latin:
                out.setdefault(to_cyrillic(w, "sr"), v)
            out.setdefault(w.translate(_PLAIN), v)
        return out

    words = expand(nw.words)
    abbreviations = expand(nw.abbreviations)
    suffixes = list(expand(dict.fromkeys(nw.suffixes)))
    vague = {
        **{w: v for w, (v, role, alone) in words.items() if role in ("scale", "hundred") and not alone},
        **expand(nw.vague),
    }
    quantifiers = spellings(nw.vague_quantifiers)
    fractions = expand(nw.fractions)
    ones = frozenset(w for w, (v, _, alone) in words.items() if v == 1 and not alone and len(w) > 2)
    ordinals = {w: v for w, v in expand(nw.ordinals).items() if w not in words}
    months = expand(nw.months)
    weekdays = expand(nw.weekdays)
    date_stems = {
        **{w: ("month-name", v) for w, v in expand(nw.month_stems).items()},
        **{w: ("weekday-name", v) for w, v in expand(nw.weekday_stems).items()},
    }
    implicit = {w.lower(): v for w, v in expand(nw.implicit).items()}
    # small numbers from two on, of three letters or more, longest first, before three more letters
    prefixes = sorted(
        (w for w, (v, role, alone) in words.items() if role == "small" and alone and v >= 2 and len(w) > 2),
        key=len,
        reverse=True,
    )
    return Lexicon(
        words=words,
        abbreviations=abbreviations,
        months=months,
        connectors=spellings(nw.connectors),
        prefixes=expand(nw.prefixes) if nw.prefixes else None,
        both=spellings(nw.both),
        ordinal_articles=nw.ordinal_articles,
        thousand=nw.thousand,
        below_thousand=nw.below_thousand or {},
        nouns_capitalised=lp.nouns_capitalised,
        scales={**{w: v for w, (v, role, _) in words.items() if role == "scale"}, **abbreviations},
        suffix_re=re.compile("(?:" + "|".join(suffixes) + r")\w*$") if suffixes else None,
        vague=vague,
        vague_quantifiers=quantifiers,
        magnitude_joiners=frozenset(nw.magnitude_joiners),
        fractions=fractions,
        ones=ones,
        ordinals=ordinals,
        ordinals_after=spellings(nw.ordinals_after),
        months_capitalised=lp.capitals_beyond_names,
        weekdays=weekdays,
        ambiguous_dates=spellings(nw.ambiguous_dates),
        date_cues=spellings(nw.date_cues),
        relative_days=spellings(nw.relative_days),
        relative_months=spellings(nw.relative_months),
        date_stems=date_stems,
        date_stem=re.compile(f"(?:{alternation(date_stems)})") if date_stems else None,
        inword=re.compile(f"(?:{alternation(prefixes)})" + r"(?=[^\W\d_]{3})"),
        implicit=re.compile(rf"(?<!\w)(?:{alternation(implicit)})(?!\w)", re.I) if implicit else None,
        implicit_values=implicit,
        bounds=expand(nw.bounds),
        bound_gap=spellings(nw.bound_gap),
        # a quantifier counts only before a scale word, so the scale words stand for it; an article
        # makes the number after it an ordinal ("i nëntë")
        loose_words=frozenset(
            [
                *vague,
                *fractions,
                *ones,
                *ordinals,
                *months,
                *weekdays,
                *(WORD.findall(w)[0] for w in implicit),
                *nw.ordinal_articles,
                *(w for w, e in words.items() if e[1] in ("scale", "hundred")),
            ]
        ),
    )


@cache
def all_lexicons() -> list[Lexicon]:
    return [lex for p in profiles() if (lex := lexicon(p.code)) is not None]


@cache
def abbreviation_words() -> frozenset[str]:
    return frozenset(w for lex in all_lexicons() for w in lex.abbreviations)


@cache
def month_words() -> frozenset[str]:
    """Month names (and their inflected and abbreviated forms) of every language with number words."""
    return frozenset(m for lex in all_lexicons() for m in lex.months)


def _thousands_value(word: str, lex: Lexicon) -> float | None:
    """Numbers glued with thousands: "zweitausendfünfhundert" -> 2500."""
    below = lex.below_thousand
    left, sep, right = word.partition(lex.thousand)
    if not sep or (left and left not in below and left != "ein") or (right and right not in below):
        return None
    return float((below.get(left, 1)) * 1000 + below.get(right, 0))


def _compound_value(word: str, lex: Lexicon) -> float | None:
    """ "dreitägigen" -> 3, "petogodišnji" -> 5, "pesëvjeçare" -> 5; None for other words."""
    m = lex.suffix_re.search(word) if lex.suffix_re else None
    if m is None or m.start() == 0:
        return None
    prefix = word[: m.start()]
    if lex.prefixes is not None:
        value = lex.prefixes.get(prefix) or _tens_and_unit(prefix, lex)
        return float(value) if value else None
    entry = lex.words.get(prefix)
    return entry[0] if entry and entry[2] and entry[0] >= 2 else None


def _tens_and_unit(prefix: str, lex: Lexicon) -> int | None:
    """A tens word and a unit's prefix (``NumberWords.prefixes``) joined: "šezdesetjedno" (61 of
    "шездесетједногодишњак"), "dvadesetpeto" (25)."""
    for word, (value, _, _) in lex.words.items():
        if 20 <= value < 100 and value % 10 == 0 and prefix.startswith(word):
            unit = (lex.prefixes or {}).get(prefix[len(word) :])
            if unit is not None and unit < 10:
                return int(value) + unit
    return None


def _previous_word(text: str, pos: int) -> tuple[str, int]:
    """The word right before ``pos`` (only spaces between), lower case, and where it starts."""
    i = pos
    while i > 0 and text[i - 1] == " ":
        i -= 1
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return (text[j:i].lower() if i < pos else ""), j


def _is_ordinal(text: str, pos: int, lex: Lexicon) -> bool:
    """Albanian "sezoni i nëntë", "vendin e gjashtë": an article before a number makes it an ordinal,
    unless the article joins two number words ("njëzet e pesë")."""
    article, start = _previous_word(text, pos)
    return article in lex.ordinal_articles and _previous_word(text, start)[0] not in lex.words


def _word_entry(text: str, m: re.Match[str], lex: Lexicon) -> tuple[float, str, bool] | None:
    """The number a word stands for, as (value, role, counts on its own); None for other words."""
    word = m.group(0).lower()
    entry = lex.words.get(word)
    if entry is None:
        if word in lex.both:
            after = text[m.end() : m.end() + 80]
            if word == "both" and re.match(r"(?:\W+\w+){0,6}?\W+and\b", after):
                return None  # "both X and Y" is no count of two
            if lex.nouns_capitalised and not re.match(r"\s+[A-ZÄÖÜ]", after):
                return None  # "die beiden haben ..." = "the pair": a pronoun
            return (2.0, "small", True)
        if len(word) < 6:
            return None
        value = _thousands_value(word, lex) if lex.thousand and lex.thousand in word else None
        if value is None:
            value = _compound_value(word, lex)
        if value is None:
            return None
        entry = (value, "hundreds" if value >= 100 else "small", True)
    if lex.ordinal_articles and _is_ordinal(text, m.start(), lex):
        return None
    if (
        m.group(0)[0].isupper()
        and entry[1] != "scale"  # German capitalises "Million", "Tausend"
        and text[m.end() : m.end() + 1] != "-"
        and not sentence_initial(text, m.start())
    ):
        return None  # part of a name: "Four Corners", "World War Two"
    return entry


def word_mentions(text: str, lex: Lexicon, taken: list[tuple[int, int]]) -> list[NumberMention]:
    """Number words, joined into numbers: "five hundred" -> 500, "dvadeset i pet" -> 25."""
    out: list[NumberMention] = []
    run: list[tuple[float, str, bool, int, int]] = []
    pending_connector = False
    last_end = -1
    taken = sorted(taken)
    starts = [s for s, _ in taken]
    for m in WORD.finditer(text):
        entry = _word_entry(text, m, lex)
        inside = bisect_right(starts, m.start()) - 1  # taken spans do not overlap
        if entry and inside >= 0 and m.start() < taken[inside][1]:
            entry = None  # inside "3 million", "50 për qind"
        gap = text[last_end : m.start()] if last_end >= 0 else ""
        adjacent = bool(run) and gap.strip(" -\u00a0") == ""
        if entry:
            if run and (adjacent or pending_connector) and _fits(run, entry, pending_connector):
                run.append((*entry, m.start(), m.end()))
            else:
                _flush(run, text, out)
                run = [(*entry, m.start(), m.end())]
            pending_connector = False
            last_end = m.end()
        elif run and m.group(0).lower() in lex.connectors and adjacent and not pending_connector:
            pending_connector = True
        elif run:
            _flush(run, text, out)
            run, pending_connector, last_end = [], False, -1
    _flush(run, text, out)
    return out


def _fits(run: list[tuple[float, str, bool, int, int]], entry: tuple[float, str, bool], joined: bool) -> bool:
    """Whether a number word continues the number so far ("twenty" + "five", "pet" + "stotina")."""
    value, role, _ = entry
    prev_value, prev_role = run[-1][0], run[-1][1]
    biggest_scale = max((v for v, r, *_ in run if r == "scale"), default=float("inf"))
    if role == "scale":
        return not joined and value < biggest_scale and prev_role != "scale"
    if role == "hundred":
        return not joined and prev_role == "small" and prev_value < 10
    if prev_role == "tens":
        return role == "small" and value < 10
    if prev_role == "hundred" or prev_role == "hundreds":
        return role in ("small", "tens") and (prev_role == "hundred" or prev_value % 100 == 0)
    if prev_role == "scale":
        return value < prev_value
    return False


def _flush(run: list[tuple[float, str, bool, int, int]], text: str, out: list[NumberMention]) -> None:
    if not run or (len(run) == 1 and not run[0][2]):
        return
    total, current = Decimal(0), Decimal(0)
    for value, role, *_ in run:
        v = Decimal(value)
        if role == "scale":
            total += (current or 1) * v
            current = Decimal(0)
        elif role == "hundred":
            current = (current or 1) * v
        else:
            current += v
    start, end = run[0][3], run[-1][4]
    kind = "word"
    percent = vocabulary.percent().match(text, end)
    if percent:
        end, kind = percent.end(), "percent"
    out.append(NumberMention(float(total + current), text[start:end], start, end, kind))


def loose_mentions(text: str, lex: Lexicon, numbers: list[NumberMention]) -> list[NumberMention]:
    """``numbers`` with what counts only against the other side: magnitudes without a figure
    ("hundreds", "хиљаде", "mehrere Tausend", "tens of thousands": kind "vague", the scale as value, in
    place of a scale word they hold), fractions ("half": kind "fraction"), the words for one ("one":
    kind "one"), ordinal words ("third", "трећег", "i treti": kind "ordinal-word"), month names away
    from a number (kind "month-name"), weekday names ("weekday-name"), a number word that starts a
    longer word ("fourballs", "Vierern": kind "inword") and words that carry a number ("decade",
    "U-turn": kind "implicit"). Besides, the weekday and month names that surely name a date (see
    :func:`_is_date`: "on Sunday", "in June"), as kinds "weekday" and "month-alone", which count on
    their own."""
    tokens = list(WORD.finditer(text))
    words = [m.group(0).lower() for m in tokens]
    stem = lex.date_stem
    if lex.loose_words.isdisjoint(words) and not any(
        lex.inword.match(w) or (stem and stem.match(w)) for w in words
    ):
        return numbers
    numbers = numbers + _implicit(text, lex, numbers)
    spans = {(n.start, n.end): n for n in numbers}
    ends = {n.end: n for n in numbers}
    starts = sorted(spans)
    out: list[NumberMention] = []
    dropped: set[tuple[int, int]] = set()

    def free(m: re.Match[str]) -> bool:
        i = bisect_right(starts, (m.end(), -1)) - 1  # the last mention starting before the token ends
        return i < 0 or starts[i][1] <= m.start()

    for i, m in enumerate(tokens):
        magnitude = _magnitude(text, tokens, words, i, lex)
        if magnitude is not None:
            scale, after = magnitude
            if free(after) or after.span() in spans:
                dropped.add(after.span())
                out.append(
                    NumberMention(scale, text[m.start() : after.end()], m.start(), after.end(), "vague")
                )
                continue
        if not free(m) or (out and out[-1].end >= m.end()):
            continue
        found = _loose_word(text, m, words[i - 1] if i else "", lex)
        if found is None:
            continue
        value, kind = found
        start = m.start()
        before = ends.get(_gap_start(text, start))
        if kind == "ordinal-word" and before is not None and _tens_of(before, value):
            dropped.add((before.start, before.end))  # "twenty-first", "dvadeset prvi"
            value, start = before.value + value, before.start
        out.append(NumberMention(value, text[start : m.end()], start, m.end(), kind))
    return [n for n in numbers if (n.start, n.end) not in dropped] + out


def _implicit(text: str, lex: Lexicon, numbers: list[NumberMention]) -> list[NumberMention]:
    """The words of ``NumberWords.implicit`` in ``text`` outside the mentions found so far."""
    if lex.implicit is None:
        return []
    return [
        NumberMention(lex.implicit_values[m.group(0).lower()], m.group(0), m.start(), m.end(), "implicit")
        for m in lex.implicit.finditer(text)
        if not any(n.start < m.end() and m.start() < n.end for n in numbers)
    ]


def _gap_start(text: str, pos: int) -> int:
    """Where the spaces or the hyphen before ``pos`` begin."""
    while pos > 0 and text[pos - 1] in " -\u00a0":
        pos -= 1
    return pos


def _tens_of(before: NumberMention, value: float) -> bool:
    return before.kind == "word" and value < 10 and 20 <= before.value < 100 and before.value % 10 == 0


def _magnitude(
    text: str, tokens: list[re.Match[str]], words: list[str], i: int, lex: Lexicon
) -> tuple[float, re.Match[str]] | None:
    """The magnitude token ``i`` starts and the token that ends it: a quantifier before a scale
    ("several thousand", "mehrere Tausend"), or a magnitude before a larger scale or magnitude,
    maybe through a joiner ("tens of thousands", "desetine hiljada", "dhjetëra mijë")."""
    word = words[i]
    factor = 1.0 if word in lex.vague_quantifiers else lex.vague.get(word)
    if factor is None or i + 1 >= len(tokens):
        return None
    j = i + 1
    if factor > 1 and words[j] in lex.magnitude_joiners and j + 1 < len(tokens):
        j += 1
    if any(text[tokens[k].end() : tokens[k + 1].start()].strip() for k in range(i, j)):
        return None
    entry = lex.words.get(words[j])
    scale = entry[0] if entry and entry[1] in ("scale", "hundred") else lex.vague.get(words[j])
    if scale is None or scale <= factor:
        return None
    return scale * factor, tokens[j]


# the word right before a name, only spaces or a hyphen between ("in May", "mid-May"), and the
# capital right after one ("Sunday Times")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s\-]*$")
_WORD_AFTER = re.compile(r"\s+([^\W\d_])")


def _is_date(text: str, m: re.Match[str], lex: Lexicon) -> bool:
    """Whether a weekday or month name away from a number surely names a date, so that the other
    side must name it too; else it only answers the other side's name. Not one: a name of
    :attr:`Lexicon.ambiguous_dates` or of three letters ("May", "Mai", "недеља" = week) unless a date
    cue stands right before it ("in May", "у недељу"); a name before a capitalised word where only
    names and dates are capitalised ("Sunday Times", "on Saturday Night Live"); a name after a
    capitalised word ("Theresa May", "Black Friday"; a cue passes: "Ende Mai", "On Sunday"); a
    capitalised name in a language that writes them in lower case ("Jun" of a Korean name, "Маја"),
    but after a cue ("У недељу")."""
    word = m.group(0)
    after = _WORD_AFTER.match(text, m.end())
    if (
        lex.months_capitalised
        and not lex.nouns_capitalised
        and after is not None
        and after.group(1).isupper()
    ):
        return False
    before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if before is not None and before.group(1).lower() in lex.date_cues:
        return True
    if word.lower() in lex.ambiguous_dates or len(word) <= 3:
        return False
    if before is not None and before.group(1)[0].isupper():
        return False
    return lex.months_capitalised or word[0].islower()


def _loose_word(text: str, m: re.Match[str], previous: str, lex: Lexicon) -> tuple[float, str] | None:
    """A word that counts only against the other side, as (value, kind); None for other words."""
    word = m.group(0).lower()
    if word in lex.vague:
        return lex.vague[word], "vague"
    if word in lex.fractions and (word not in lex.ordinals or previous in lex.words):
        return lex.fractions[word], "fraction"  # "a third", not "the third"
    if word in lex.ordinals and (not lex.ordinals_after or previous in lex.ordinals_after):
        return float(lex.ordinals[word]), "ordinal-word"
    if word in lex.words and lex.ordinal_articles and _is_ordinal(text, m.start(), lex):
        return lex.words[word][0], "ordinal-word"  # "i nëntë", left out as a cardinal
    if word in lex.ones:
        return 1.0, "one"
    month = lex.months.get(word)
    if month is not None and (m.group(0)[0].isupper() or not lex.months_capitalised):
        # "in June" is a date; "February's 4-1" / "triumfi i muajit shkurt 4-1" only answers one
        return float(month), "month-alone" if _is_date(text, m, lex) else "month-name"
    weekday = lex.weekdays.get(word)
    if weekday is not None and (m.group(0)[0].isupper() or not lex.months_capitalised):
        return float(weekday), "weekday" if _is_date(text, m, lex) else "weekday-name"
    stem = lex.date_stem.match(word) if lex.date_stem else None
    if stem is not None:
        kind, number = lex.date_stems[stem.group(0)]
        return float(number), kind  # "Oktoberanfang", "јунски"
    found = lex.inword.match(word)
    if found is not None:
        return lex.words[found.group(0)][0], "inword"
    return None
