"""Numbers written in digits: grouping and decimal marks per language, scale words and percent
after them, dates in digits, times of day, ordinals."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache, lru_cache

from ..errors import InputError
from ..lang import WORD, LanguageProfile, parse_tag, profile
from . import vocabulary
from .mention import NumberMention
from .vocabulary import time_word
from .words import Lexicon, abbreviation_words, month_words

# a scale word after the digits: "3 million", "5 Mio.", "44-Millionen-Pfund" (German joins it by a hyphen)
_SCALE_AFTER = re.compile(r"[\s\u00a0-]?([^\W\d_]+)\.?")
# a decade after its first year: "1990s", "1990's", "1990er", "1990-ih", "1990-их"
_DECADE = re.compile(r"(?:'?s|er|-[^\W\d_]+)(?![^\W\d_])")
_AMPM = re.compile(r"\s?([ap])\.?\s?m\b\.?", re.IGNORECASE)
_NUMERIC = r"""(?<![\w])(?:
      (?P<iso>(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2}))(?![\d])
    | (?P<dmy>(?P<d>\d{1,2})(?P<ds>[./])\s?(?P<m>\d{1,2})(?P=ds)\s?(?P<y>\d{4}|\d{2})(?![\d]))
    | (?P<dm>(?P<d2>\d{1,2})\.\s?(?P<m2>\d{1,2})\.)(?![\d])
    | (?P<time>(?P<h>[01]?\d|2[0-4])(?::(?P<mi>[0-5]\d)|\.(?P<mi2>[0-5]\d)TIME_WORD)(?![\d]))
    | (?P<num>\d+(?:(?:[.,'’\u00a0\u202f\u2009]|\x20(?=\d{3}(?![\d.,])))\d+)*)
    )"""
_GROUP_SEP = re.compile(r"[.,'’\u00a0\u202f\u2009 ]")
DIGIT = re.compile(r"\d")


@cache
def _numeric() -> re.Pattern[str]:
    """Numbers, dates and times in digits; a time "18.30" needs a time word after it (vocabulary)."""
    return re.compile(_NUMERIC.replace("TIME_WORD", time_word()), re.VERBOSE | re.IGNORECASE)


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
    return word is not None and any(ch.isupper() for ch in word.group(0))


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


def digit_mentions(text: str, lang: str, lex: Lexicon | None) -> list[NumberMention]:
    comma_decimal = _decimal_comma(lang)
    lp = profile(lang)
    out: list[NumberMention] = []
    for m in _numeric().finditer(text):
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
    lex: Lexicon | None,
) -> NumberMention:
    """Apply what follows the digits: scale word, percent, ordinal mark, am/pm."""
    scale = _SCALE_AFTER.match(text, end)
    if lex and scale:
        factor = lex.scales.get(scale.group(1).lower())
        if factor is None and scale.group(1) == "m" and text[:start].rstrip()[-1:] in tuple("$£€¥"):
            factor = 1e6  # "$5m", "£ 44m"
        if factor:
            value = float(Decimal(str(value)) * Decimal(factor))
            alt = float(Decimal(str(alt)) * Decimal(factor)) if alt is not None else None
            end = scale.end(1) + (
                1 if scale.group(0).endswith(".") and scale.group(1) in abbreviation_words() else 0
            )
    percent = vocabulary.percent().match(text, end)
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
        if value % 10 == 0 and value % 100 and _DECADE.match(text, end):
            alt = value % 100  # "the 1990s" is "the nineties": "деведесетих", "90-их"
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


def _ordinal_dot(text: str, pos: int) -> bool:
    """ "10. decembra", "2. Weltkrieg": a dot followed by a word in lower case or a month is an ordinal."""
    nxt = WORD.match(text, pos + 1) if text[pos : pos + 1] == " " else None
    return nxt is not None and (nxt.group(0)[0].islower() or nxt.group(0).lower() in month_words())
