"""Numbers mentioned in a sentence, as values that can be compared across translations.

The aim is that a correct translation yields the same multiset of values as its source, whatever the
locale writes: "10,000" = "10.000" = "10 000" = 10000, "1.5" (en) = "1,5" (de/sr/sq), "December 9,
2022" = "9.12.2022." = {9, 12, 2022}, "five hundred" = "петсто" = 500, "3 million" = "3 miliona"
= 3e6. Choices that keep false alarms down:

* signs are dropped ("-5" and "minus 5" are both 5);
* digits glued to a letter or a capitalised word ("G20", "MH17", "COVID-19", "F-16") are identifiers,
  not mentions; "mid-2020" still is one;
* the words for one ("one", "ein", "jedan", "një") are articles as often as numbers: they count only
  inside a larger number ("one hundred"); vague plurals ("thousands", "hiljade") never count;
* a month name counts (as its number) only next to a number, so that spelled-out and numeric dates agree;
* a digit group that could be read either way ("1,234": thousands in en, a decimal in de) gets the
  language's reading as ``value`` and the other as ``alt``; ``unmatched`` accepts either;
* a time of day is the number HH.MM ("18:30" and "18.30 Uhr" are 18.3), "6:30 p.m." is 18.3 with the
  12-hour 6.3 as ``alt``; dates give day, month and year, never a decimal ("9.12.2022");
* Albanian ordinals ("sezoni i nëntë") and ordinal words ("ninth", "neunte") are not counted: only
  digits ("10.", "20th") give ordinals;
* units are read on request (``extract_numbers(..., units=True)``: "30 miles", "80 °F", "24-cm",
  "30 километара"); ``unmatched`` then pairs equal values only in the same unit, so "30 miles" and
  "30 km" differ while "30 km" and "30 Kilometer" (or a bare "30") agree.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache, lru_cache

from cyrtranslit import to_cyrillic

from .errors import InputError
from .lang import WORD, LanguageProfile, parse_tag, profile, profiles
from .lang.numerals import Entry
from .textnorm import fold, repair_homoglyphs, sentence_initial


@dataclass(frozen=True)
class NumberMention:
    value: float
    text: str  # the surface form, text[start:end] of the sentence
    start: int
    end: int
    # "int", "decimal", "year", "ordinal", "percent", "time", "day", "month", "word",
    # "range-start", "range-end"
    kind: str
    alt: float | None = None  # the other reading: of an ambiguous digit group ("1,234"), of "3 p.m." (3)
    unit: Unit | None = None  # the unit written after it, with extract_numbers(..., units=True)


@dataclass(frozen=True)
class Unit:
    """A unit of measure after a number ("650-pound", "24 cm", "80 degrees Fahrenheit")."""

    dimension: str  # length, mass, volume, area, temperature
    size: float  # in the dimension's base unit (m, kg, l, ha); temperatures: a scale (see _FAHRENHEIT)
    end: int  # where the unit word ends in the text
    shared: bool = False  # taken from the end of a range ("2" in "2 to 4 inches")


@dataclass(frozen=True)
class _Lexicon:
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


_PLAIN = str.maketrans("ëçčćšžđ", "ecccszd")


@lru_cache(maxsize=64)
def _lexicon(lang: str) -> _Lexicon | None:
    """The language's number words plus the spellings real text also uses (Serbian in Cyrillic,
    Albanian and Serbian without diacritics); None for languages without number words."""
    lp = profile(lang)
    nw = lp.numbers
    if nw is None:
        return None

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
    return _Lexicon(
        words=words,
        abbreviations=abbreviations,
        months=expand(nw.months),
        connectors=frozenset(expand(dict.fromkeys(nw.connectors))),
        prefixes=expand(nw.prefixes) if nw.prefixes else None,
        both=frozenset(expand(dict.fromkeys(nw.both))),
        ordinal_articles=nw.ordinal_articles,
        thousand=nw.thousand,
        below_thousand=nw.below_thousand or {},
        nouns_capitalised=lp.nouns_capitalised,
        scales={**{w: v for w, (v, role, _) in words.items() if role == "scale"}, **abbreviations},
        suffix_re=re.compile("(?:" + "|".join(suffixes) + r")\w*$") if suffixes else None,
    )


@cache
def _all_lexicons() -> list[_Lexicon]:
    return [lex for p in profiles() if (lex := _lexicon(p.code)) is not None]


_PERCENT = re.compile(
    r"\s?(?:%|percent\b|per\s?cent\b|pct\b|prozent\b|odsto\b|posto\b|procen[a-z]*|одсто\b|посто\b"
    r"|процен[а-я]*|për\s?qind\b|perqind\b|per qind\b|përqind\w*)",
    re.IGNORECASE,
)
_SCALE_AFTER = re.compile(r"[\s\u00a0]?([^\W\d_]+)\.?")
_AMPM = re.compile(r"\s?([ap])\.?\s?m\b\.?", re.IGNORECASE)
_TIME_WORD = r"(?=\s?(?:uhr\b|h\b|časova|sati\b|часова|сати\b|[ap]\.?\s?m\b))"
_NUMERIC = re.compile(
    rf"""(?<![\w])(?:
      (?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}}))(?![\d])
    | (?P<dmy>(?P<d>\d{{1,2}})(?P<ds>[./])\s?(?P<m>\d{{1,2}})(?P=ds)\s?(?P<y>\d{{4}}|\d{{2}})(?![\d]))
    | (?P<dm>(?P<d2>\d{{1,2}})\.\s?(?P<m2>\d{{1,2}})\.)(?![\d])
    | (?P<time>(?P<h>[01]?\d|2[0-4])(?::(?P<mi>[0-5]\d)|\.(?P<mi2>[0-5]\d){_TIME_WORD})(?![\d]))
    | (?P<num>\d+(?:(?:[.,'’\u00a0\u202f\u2009]|\x20(?=\d{{3}}(?![\d.,])))\d+)*)
    )""",
    re.VERBOSE | re.IGNORECASE,
)
_GROUP_SEP = re.compile(r"[.,'’\u00a0\u202f\u2009 ]")
_DIGIT = re.compile(r"\d")
_RANGE_GAP = re.compile(
    r"\s?[-–—‒]\s?|\s+(?:to|till|until|through|bis|do|до|deri(?:\s+në)?|and|und|i|и|dhe)\s+", re.IGNORECASE
)
_RANGE_OPENERS = re.compile(
    r"(?:between|zwischen|između|између|izmedju|midis|ndërmjet|ndermjet)\s+$", re.IGNORECASE
)
_AND_WORDS = frozenset({"and", "und", "i", "и", "dhe"})


@lru_cache(maxsize=64)
def _decimal_comma(lang: str) -> bool:
    lp = profile(lang)
    try:
        region = parse_tag(lang).region
    except InputError:
        region = None
    return not (lp.decimal_point or region in lp.decimal_point_regions)


def _is_identifier(text: str, start: int) -> bool:
    """Digits after "COVID-", "F-", "Су-": part of a name, not a quantity ("mid-2020" is a quantity)."""
    if start < 2 or text[start - 1] not in "-‐‑":
        return False
    word = WORD.search(text, max(0, start - 30), start - 1)
    while word and word.end() != start - 1:
        word = WORD.search(text, word.end(), start - 1)
    return bool(word) and any(ch.isupper() for ch in word.group(0))


def _to_float(digits: str) -> float:
    return float(Decimal(digits))


def _grouped(groups: list[str]) -> bool:
    return len(groups) == 1 or (len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]))


def _read_digits(chunk: str, comma_decimal: bool) -> list[tuple[int, int, float, str, float | None]]:
    """Value(s) of a run of digit groups: (start, end, value, kind, alt), offsets relative to the chunk.

    A single "," or "." before exactly three digits is ambiguous ("1,234"): the language's convention
    decides and the other reading is kept as ``alt``. Shapes that are no single number ("2008 2000",
    "3.1.1") fall apart into their digit groups.
    """
    spans = [(m.start(), m.end()) for m in re.finditer(r"\d+", chunk)]
    if len(spans) == 1:
        return [(0, len(chunk), float(chunk), "int", None)]
    digits = [chunk[s:e] for s, e in spans]
    seps = [chunk[spans[i][1] : spans[i + 1][0]] for i in range(len(spans) - 1)]
    marks = [i for i, sep in enumerate(seps) if sep in ".,"]
    last = len(seps) - 1
    decimal_at: int | None = None
    alt: float | None = None
    if len({seps[i] for i in marks}) == 2:  # "1,234.5", "1.234,5": the last mark is the decimal one
        decimal_at = marks[-1] if seps.count(seps[marks[-1]]) == 1 and marks[-1] == last else -1
    elif len(marks) == 1 and marks[0] == last:
        if len(digits[-1]) != 3 or len(marks) < len(seps) or len(digits[0]) > 3 or digits[0] == "0":
            decimal_at = last  # "1,5", "3.14159", "10 000,500", "1234,567", "0,500"
        elif (seps[last] == ",") == comma_decimal:
            decimal_at, alt = last, float("".join(digits))
        else:
            alt = _to_float(f"{digits[0]}.{digits[1]}")
    elif marks and len({seps[i] for i in marks}) == 1 and len(marks) < len(seps):
        decimal_at = -1  # a mark between space groups ("1 234.567 8"): no number shape
    whole = digits if decimal_at is None else digits[: decimal_at + 1]
    if decimal_at == -1 or not _grouped(whole):
        return [(s, e, float(chunk[s:e]), "int", None) for s, e in spans]
    if decimal_at is None:
        return [(0, len(chunk), float("".join(whole)), "int", alt)]
    value = _to_float("".join(whole) + "." + "".join(digits[decimal_at + 1 :]))
    return [(0, len(chunk), value, "decimal", alt)]


def _digit_mentions(text: str, lang: str, lex: _Lexicon | None) -> list[NumberMention]:
    comma_decimal = _decimal_comma(lang)
    lp = profile(lang)
    out: list[NumberMention] = []
    for m in _NUMERIC.finditer(text):
        start = m.start()
        if _is_identifier(text, start):
            continue
        if m.group("iso"):
            parts = [
                ("year", m.start("iy"), m.end("iy")),
                ("month", m.start("im"), m.end("im")),
                ("day", m.start("id"), m.end("id")),
            ]
            out.extend(NumberMention(float(text[s:e]), text[s:e], s, e, k) for k, s, e in parts)
            continue
        if m.group("dmy") or (m.group("dm") and comma_decimal):
            d, mo = ("d", "m") if m.group("dmy") else ("d2", "m2")
            day, month = int(m.group(d)), int(m.group(mo))
            if 1 <= day <= 31 and 1 <= month <= 12 or (m.group("dmy") and 1 <= month <= 31 and day <= 12):
                parts = [("day", m.start(d), m.end(d)), ("month", m.start(mo), m.end(mo))]
                if m.group("dmy"):
                    parts.append(("year", m.start("y"), m.end("y")))
                out.extend(NumberMention(float(text[s:e]), text[s:e], s, e, k) for k, s, e in parts)
                continue
        if m.group("time"):
            minutes = m.group("mi") or m.group("mi2")
            end = m.end()
            ampm = _AMPM.match(text, end) if lp.clock_12h else None
            value, alt = _clock(int(m.group("h")), int(minutes), ampm)
            end = ampm.end() if ampm else end
            out.append(NumberMention(value, text[start:end], start, end, "time", alt))
            continue
        chunk = m.group("dmy") or m.group("dm") or m.group("num")
        for s, e, value, kind, alt in _read_digits(chunk, comma_decimal):
            out.append(_finish(text, start + s, start + e, value, kind, alt, lp, lex))
    return out


def _clock(hour: int, minutes: int, ampm: re.Match[str] | None) -> tuple[float, float | None]:
    """A time of day as the number HH.MM ("18:30" -> 18.3), so that "18.30" read as a decimal agrees;
    with am/pm the 24-hour value, the 12-hour one as ``alt`` ("3 p.m." ~ "u 3 posle podne")."""
    as_written = float(Decimal(hour) + Decimal(minutes) / 100)
    if ampm is None:
        return as_written, None
    hour24 = hour % 12 + (12 if ampm.group(1).lower() == "p" else 0)
    return float(Decimal(hour24) + Decimal(minutes) / 100), as_written


def _finish(
    text: str,
    start: int,
    end: int,
    value: float,
    kind: str,
    alt: float | None,
    lp: LanguageProfile,
    lex: _Lexicon | None,
) -> NumberMention:
    """Apply what follows the digits: scale word, percent, ordinal mark, am/pm."""
    scale = _SCALE_AFTER.match(text, end)
    if lex and scale:
        factor = lex.scales.get(scale.group(1).lower())
        if factor is None and scale.group(1) == "m" and start and text[start - 1] in "$£€¥":
            factor = 1e6  # "$5m"
        if factor:
            value = float(Decimal(str(value)) * Decimal(factor))
            alt = float(Decimal(str(alt)) * Decimal(factor)) if alt is not None else None
            end = scale.end(1) + (
                1 if scale.group(0).endswith(".") and scale.group(1) in _abbreviation_words() else 0
            )
    percent = _PERCENT.match(text, end)
    if percent:
        return NumberMention(value, text[start : percent.end()], start, percent.end(), "percent", alt)
    if kind == "int" and lp.ordinal_suffixes:
        ordinal = _ordinal_suffix(lp.ordinal_suffixes).match(text, end)
        if ordinal:
            return NumberMention(value, text[start : ordinal.end()], start, ordinal.end(), "ordinal")
    if kind == "int" and lp.clock_12h:
        ampm = _AMPM.match(text, end)
        if ampm and 1 <= value <= 12:
            value, alt = _clock(int(value), 0, ampm)
            return NumberMention(value, text[start : ampm.end()], start, ampm.end(), "time", alt)
    if kind == "int" and 1000 <= value <= 2100 and end - start == 4:
        kind = "year"
    elif (
        kind == "int"
        and text[end : end + 1] == "."
        and not lp.ordinal_suffixes
        and _ordinal_dot(text, end + 1)
    ):
        kind = "ordinal"
    return NumberMention(value, text[start:end], start, end, kind, alt)


@cache
def _ordinal_suffix(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(f"(?:{'|'.join(suffixes)})\\b", re.IGNORECASE)


@cache
def _abbreviation_words() -> frozenset[str]:
    return frozenset(w for lex in _all_lexicons() for w in lex.abbreviations)


def _ordinal_dot(text: str, pos: int) -> bool:
    """ "10. decembra", "2. Weltkrieg": a dot followed by a word in lower case or a month is an ordinal."""
    nxt = WORD.match(text, pos + 1) if text[pos : pos + 1] == " " else None
    return bool(nxt) and (nxt.group(0)[0].islower() or nxt.group(0).lower() in month_words())


@cache
def month_words() -> frozenset[str]:
    """Month names (and their inflected and abbreviated forms) of every language with number words."""
    return frozenset(m for lex in _all_lexicons() for m in lex.months)


def _thousands_value(word: str, lex: _Lexicon) -> float | None:
    """Numbers glued with thousands: "zweitausendfünfhundert" -> 2500."""
    below = lex.below_thousand
    left, sep, right = word.partition(lex.thousand)
    if not sep or (left and left not in below and left != "ein") or (right and right not in below):
        return None
    return float((below.get(left, 1)) * 1000 + below.get(right, 0))


def _compound_value(word: str, lex: _Lexicon) -> float | None:
    """ "dreitägigen" -> 3, "petogodišnji" -> 5, "pesëvjeçare" -> 5; None for other words."""
    m = lex.suffix_re.search(word) if lex.suffix_re else None
    if m is None or m.start() == 0:
        return None
    prefix = word[: m.start()]
    if lex.prefixes is not None:
        value = lex.prefixes.get(prefix)
        return float(value) if value else None
    entry = lex.words.get(prefix)
    return entry[0] if entry and entry[2] and entry[0] >= 2 else None


def _previous_word(text: str, pos: int) -> tuple[str, int]:
    """The word right before ``pos`` (only spaces between), lower case, and where it starts."""
    i = pos
    while i > 0 and text[i - 1] == " ":
        i -= 1
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return (text[j:i].lower() if i < pos else ""), j


def _is_ordinal(text: str, pos: int, lex: _Lexicon) -> bool:
    """Albanian "sezoni i nëntë", "vendin e gjashtë": an article before a number makes it an ordinal,
    unless the article joins two number words ("njëzet e pesë")."""
    article, start = _previous_word(text, pos)
    return article in lex.ordinal_articles and _previous_word(text, start)[0] not in lex.words


def _word_entry(text: str, m: re.Match[str], lex: _Lexicon) -> tuple[float, str, bool] | None:
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


def _word_mentions(text: str, lex: _Lexicon, taken: list[tuple[int, int]]) -> list[NumberMention]:
    """Number words, joined into numbers: "five hundred" -> 500, "dvadeset i pet" -> 25."""
    out: list[NumberMention] = []
    run: list[tuple[float, str, bool, int, int]] = []
    pending_connector = False
    last_end = -1
    for m in WORD.finditer(text):
        entry = _word_entry(text, m, lex)
        if entry and taken and any(s <= m.start() < e for s, e in taken):
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
    percent = _PERCENT.match(text, end)
    if percent:
        end, kind = percent.end(), "percent"
    out.append(NumberMention(float(total + current), text[start:end], start, end, kind))


def _month_mentions(text: str, lex: _Lexicon, numbers: list[NumberMention]) -> list[NumberMention]:
    """Month names next to a number ("9 December", "decembra 2022."), as the month's number."""
    if not numbers:
        return []
    out = []
    for m in WORD.finditer(text):
        month = lex.months.get(m.group(0).lower().rstrip("."))
        if month is None:
            continue
        before = text[max(0, m.start() - 8) : m.start()]
        after = text[m.end() : m.end() + 4]
        near = any(
            n.end <= m.start()
            and re.fullmatch(r"[\s.,]*(?:of\s+|më\s+)?", text[n.end : m.start()], re.I)
            or n.start >= m.end()
            and re.fullmatch(r"\.?[\s,]*(?:of\s+|të\s+vitit\s+)?", text[m.end() : n.start])
            for n in numbers
            if n.kind not in ("percent", "time")
        )
        if near and (before or after):
            out.append(NumberMention(float(month), m.group(0), m.start(), m.end(), "month"))
    return out


def _label_ranges(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """Mark both ends of "24-48", "24 to 48", "od 24 do 48", "zwischen 24 und 48"."""
    out = list(mentions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind not in ("int", "decimal", "year", "word") or b.kind not in (
            "int",
            "decimal",
            "year",
            "word",
            "percent",
        ):
            continue
        gap = _RANGE_GAP.fullmatch(text, a.end, b.start)
        if gap is None:
            continue
        if gap.group(0).strip().lower() in _AND_WORDS and not _RANGE_OPENERS.search(text, 0, a.start):
            continue
        out[i] = NumberMention(a.value, a.text, a.start, a.end, "range-start", a.alt)
        if b.kind != "percent":
            value, alt = b.value, b.alt
            if a.kind == "year" and len(b.text) == 2 and gap.group(0).strip() in "-–—‒":
                value, alt = a.value // 100 * 100 + b.value, b.value  # "1950-53"
            out[i + 1] = NumberMention(value, b.text, b.start, b.end, "range-end", alt)
    return out


# ---------------------------------------------------------------- units

# (dimension, size) -> its abbreviations (whole words) and word stems (prefixes, for inflected forms:
# "километара", "metra", "Zentimetern"), folded to Latin script and lower case.
_UNITS = {
    ("length", 0.0254): ("in.", "inch"),  # "in" alone is the preposition
    ("length", 0.3048): ("ft", "foot feet"),
    ("length", 0.9144): ("yd", "yard"),
    ("length", 1609.344): ("mi mph", "mile meile milj"),
    ("length", 0.001): ("mm", "millimet milimet"),
    ("length", 0.01): ("cm", "centimet zentimet santimet"),
    ("length", 1.0): ("m", "meter metre metar metr metër"),
    ("length", 1000.0): ("km", "kilomet stundenkilomet"),
    ("mass", 0.028349523): ("oz", "ounce"),
    ("mass", 0.45359237): ("lb lbs", "pound"),
    ("mass", 0.001): ("g", "gram"),
    ("mass", 1.0): ("kg", "kilogram kilo"),
    ("volume", 3.785411784): ("", "gallon"),
    ("volume", 1.0): ("l", "liter litre litar litr"),
    ("area", 0.40468564): ("", "acre"),
    ("area", 1.0): ("ha", "hektar hectare"),
    ("temperature", 1.0): ("f °f", "fahrenheit"),
    ("temperature", 0.0): ("c °c", "celsius"),
    ("temperature", -1.0): ("", "degree grad stepen"),
}
_UNIT_ABBREVIATIONS = {word: unit for unit, (short, _) in _UNITS.items() for word in short.split()}
_UNIT_PREFIXES = sorted(
    ((stem, unit) for unit, (_, stems) in _UNITS.items() for stem in stems.split()), key=lambda p: -len(p[0])
)
# Temperature "sizes" are scales: 1 Fahrenheit, 0 Celsius, -1 unknown ("80 degrees" / "27 степени").
FAHRENHEIT, CELSIUS, ANY_SCALE = 1.0, 0.0, -1.0
_UNIT_AFTER = re.compile(r"[\s\u00a0\-]*([^\W\d_]+)(\.?)")
_DEGREE_SIGN = re.compile(r"[\s\u00a0]?[°º]")  # º (U+00BA) is a common stand-in for °
_DEGREES = re.compile(r"[\s\u00a0]*([^\W\d_]+)")
_UNITLESS_KINDS = frozenset({"percent", "time", "day", "month"})


def _unit_named(word: str, dot: str = "") -> tuple[str, float] | None:
    """The unit a folded word names; "in" only as "in." (else the preposition: "2 in a row")."""
    if word == "in":
        return _UNIT_ABBREVIATIONS["in."] if dot else None
    if word in _UNIT_ABBREVIATIONS:
        return _UNIT_ABBREVIATIONS[word]
    return next((unit for prefix, unit in _UNIT_PREFIXES if word.startswith(prefix)), None)


def _unit_after(text: str, mention: NumberMention, lang: str) -> Unit | None:
    """The unit written right after a number ("650-pound", "24 cm", "80 degrees Fahrenheit")."""
    sign = _DEGREE_SIGN.match(text, mention.end)
    if sign:
        scale = _DEGREES.match(text, sign.end())
        word = fold(scale.group(1), lang) if scale else ""
        size = FAHRENHEIT if word.startswith("f") else CELSIUS if word.startswith("c") else ANY_SCALE
        return Unit("temperature", size, scale.end() if scale and size != ANY_SCALE else sign.end())
    found = _UNIT_AFTER.match(text, mention.end)
    if found is None:
        return None
    word = fold(found.group(1), lang)
    unit = _unit_named(word, found.group(2))  # other dots than "in."'s end sentences
    if unit is None:
        return None
    dimension, size = unit
    end = found.end() if word == "in" else found.end(1)
    if dimension == "length" and text.startswith("/h", end):
        end += 2  # a speed: "km/h" (as "mph", read as its length unit)
    if size == ANY_SCALE:  # "degrees": the scale may follow ("degrees Fahrenheit")
        scale = _DEGREES.match(text, end)
        following = _unit_named(fold(scale.group(1), lang)) if scale else None
        if following and following[0] == "temperature" and following[1] != ANY_SCALE:
            return Unit(dimension, following[1], scale.end())
    return Unit(dimension, size, end)


def _with_units(text: str, mentions: list[NumberMention], lang: str) -> list[NumberMention]:
    """Each quantity with the unit after it; the start of a range takes its end's ("2 to 4 inches")."""
    units = [None if m.kind in _UNITLESS_KINDS else _unit_after(text, m, lang) for m in mentions]
    for i in range(len(mentions) - 2, -1, -1):
        following = units[i + 1]
        if mentions[i].kind == "range-start" and units[i] is None and following is not None:
            units[i] = replace(following, shared=True)
    return [replace(m, unit=u) if u else m for m, u in zip(mentions, units, strict=True)]


def same_unit(a: Unit | None, b: Unit | None) -> bool:
    """Whether two numbers' units let them be one quantity: either has none (translators drop units
    the context gives), or both are the same unit; "degrees" of unknown scale fit either scale."""
    if a is None or b is None:
        return True
    if a.dimension != b.dimension:
        return False
    return a.size == b.size or (a.dimension == "temperature" and ANY_SCALE in (a.size, b.size))


def extract_numbers(text: str, lang: str, *, units: bool = False) -> list[NumberMention]:
    """Number mentions of one sentence (or paragraph) in document order; see the module doc. With
    ``units``, each mention carries the unit written after it (``unit``, else None)."""
    lex = _lexicon(lang)
    original, text = text, repair_homoglyphs(text)  # "милиона" typed with a Latin "о"; same length
    mentions = _digit_mentions(text, lang, lex) if _DIGIT.search(text) else []
    if lex is not None:
        mentions += _word_mentions(text, lex, [(n.start, n.end) for n in mentions])
        mentions += _month_mentions(text, lex, mentions)
    mentions.sort(key=lambda n: (n.start, n.end))
    mentions = _label_ranges(text, mentions)
    if units:
        mentions = _with_units(text, mentions, lang)
    if original is not text:
        mentions = [replace(n, text=original[n.start : n.end]) for n in mentions]
    return mentions


def number_values(text: str, lang: str) -> Counter[float]:
    """Multiset of the values mentioned, for comparing a sentence with its translation."""
    return Counter(n.value for n in extract_numbers(text, lang))


def unmatched(
    a: list[NumberMention], b: list[NumberMention]
) -> tuple[list[NumberMention], list[NumberMention]]:
    """Mentions of ``a`` with no equal value in ``b``, and of ``b`` with none in ``a``.

    Values match exactly or through an ambiguous mention's other reading (``alt``), and only when
    their units agree (:func:`same_unit`; mentions read without units always do).
    """
    left = list(a)
    right = list(b)
    for strict in (True, False):
        rest: list[NumberMention] = []
        for n in left:
            for j, m in enumerate(right):
                if (
                    n.value == m.value
                    or (
                        not strict
                        and (n.alt == m.value or m.alt == n.value or (n.alt is not None and n.alt == m.alt))
                    )
                ) and same_unit(n.unit, m.unit):
                    del right[j]
                    break
            else:
                rest.append(n)
        left = rest
    return left, right
