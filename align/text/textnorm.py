"""Comparison forms of text: script transliteration, homoglyph repair, folding, ASCII keys.

These forms are for matching only; originals are never rewritten. ``fold_with_offsets`` maps each
folded character back to the original so matches can be highlighted in the surface text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from cyrtranslit.mapping import SR_CYR_TO_LAT_DICT

from ..lang import profile

# Serbian Cyrillic -> Latin from cyrtranslit's table, applied with str.translate: cyrtranslit.to_latin
# copies its table and concatenates per character on every call (~30x slower on a sentence).
_SR_TO_LATIN = str.maketrans(SR_CYR_TO_LAT_DICT)

# Latin letters and the Cyrillic letters that look the same in common fonts, position by position.
_LATIN_LOOKALIKES = "aceopxyijsABCEHIJKMOPSTXYk"
_CYRILLIC_LOOKALIKES = (
    "\u0430\u0441\u0435\u043e\u0440\u0445\u0443\u0456\u0458\u0455"
    "\u0410\u0412\u0421\u0415\u041d\u0406\u0408\u041a\u041c\u041e\u0420\u0405\u0422\u0425\u0423\u043a"
)
# Cyrillic letter -> the Latin letter that looks like it (for tests and benchmarks that plant them)
CYRILLIC_TO_LATIN_LOOKALIKE = dict(zip(_CYRILLIC_LOOKALIKES, _LATIN_LOOKALIKES, strict=True))
_TO_CYRILLIC = str.maketrans(_LATIN_LOOKALIKES, _CYRILLIC_LOOKALIKES)
_TO_LATIN_LOOKALIKE = str.maketrans(_CYRILLIC_LOOKALIKES, _LATIN_LOOKALIKES)
_AMBIGUOUS = frozenset(_LATIN_LOOKALIKES + _CYRILLIC_LOOKALIKES)

_CYRILLIC = "\u0400-\u04ff\u0500-\u052f"
_LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_HAS_CYRILLIC = re.compile(f"[{_CYRILLIC}]")
_HAS_LATIN = re.compile(f"[{_LATIN}]")
# A word with both a Cyrillic and a Latin letter; only such words are touched. Anchored at word starts
# with lookaheads (linear time; a plain alternation backtracks quadratically on every word).
_LETTER = f"{_LATIN}{_CYRILLIC}\u0300-\u036f"
_MIXED_WORD = re.compile(
    f"(?<![{_LETTER}])(?=[{_LETTER}]*?[{_CYRILLIC}])(?=[{_LETTER}]*?[{_LATIN}])[{_LETTER}]+"
)

# Typographic variants unified by fold: quotes, apostrophes, dashes; invisible format characters dropped.
_TYPOGRAPHIC_CHARS = {
    '"': "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u301d\u301e\uff02",
    "'": "\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4\u0060",
    "-": "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d",
    "": "\u00ad\u200b\u200c\u200d\u2060\ufeff",
}
_TYPOGRAPHIC = str.maketrans({c: (to or None) for to, chars in _TYPOGRAPHIC_CHARS.items() for c in chars})
_HAS_TYPOGRAPHIC = re.compile(f"[{''.join(_TYPOGRAPHIC_CHARS.values())}]")
# One pass for Serbian: str.translate costs per character, so the two tables are applied together.
_SR_FOLD = {**_SR_TO_LATIN, **_TYPOGRAPHIC}

# ASCII keys: letters that do not decompose to a base letter + diacritic.
_ASCII_EXTRA = str.maketrans(
    {
        "đ": "dj",
        "Đ": "Dj",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "ß": "ss",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
        "ı": "i",
        "ħ": "h",
    }
)


def to_latin(text: str, lang: str) -> str:
    """Cyrillic to Latin by the Serbian table for the languages whose profile says so ("sr", "sr-Cyrl",
    "bs", ...); other languages unchanged."""
    if not _is_serbian(lang):
        return text
    return text.translate(_SR_TO_LATIN)


def _is_serbian(lang: str) -> bool:
    return profile(lang).cyrillic_latin


def _distinctive_balance(word: str) -> int:
    """Cyrillic minus Latin letters that have no look-alike in the other script."""
    balance = 0
    for ch in word:
        if ch not in _AMBIGUOUS and ch.isalpha():
            balance += 1 if _HAS_CYRILLIC.match(ch) else -1
    return balance


def repair_homoglyphs(text: str) -> str:
    """Replace look-alike letters of the other script inside mixed-script words.

    A word's script is decided by its distinctive letters (those without a look-alike, e.g. "д", "ћ",
    "č", "w"); a word made only of look-alikes ("кao", "сe") follows the script most letters of the
    whole text are in. Single-script words are never touched, and the result has the same length as
    the input, so offsets stay valid.
    """
    if not (_HAS_CYRILLIC.search(text) and _HAS_LATIN.search(text)):
        return text
    pieces: list[str] = []
    last = 0
    context = 0
    for m in _MIXED_WORD.finditer(text):
        word = m.group(0)
        balance = _distinctive_balance(word)
        if balance == 0:
            if context == 0:
                context = len(_HAS_CYRILLIC.findall(text)) - len(_HAS_LATIN.findall(text)) or 1
            balance = context
        pieces.append(text[last : m.start()])
        pieces.append(word.translate(_TO_CYRILLIC if balance > 0 else _TO_LATIN_LOOKALIKE))
        last = m.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


# A one-letter word that is a Latin look-alike of a Serbian one-letter word ("a", "o", "y", "c", "k").
# Not next to a letter, digit or hyphen ("C-SPAN", "A4" stay Latin).
_LONE_LOOKALIKE = re.compile(r"(?<![\w-])[aoyckAOYCK](?![\w-])")


def comparison_text(text: str) -> str:
    """What a sentence is compared by (the embedder, lengths, the lexical signal): NFKC and look-alike
    letters repaired, so "СAД" reads as "САД" and "ﬁ" as "fi"; a clean text comes back unchanged.
    Beyond :func:`repair_homoglyphs`, a lone "a", "o", "y", "c" or "k" (either case) in a mostly Cyrillic
    text is read as the Cyrillic word it looks like ("у" typed as "y"): no other letter tells its script."""
    text = repair_homoglyphs(unicodedata.normalize("NFKC", text))
    if _LONE_LOOKALIKE.search(text) and len(_HAS_CYRILLIC.findall(text)) > len(_HAS_LATIN.findall(text)):
        text = _LONE_LOOKALIKE.sub(lambda m: m.group(0).translate(_TO_CYRILLIC), text)
    return text


def fold(text: str, lang: str) -> str:
    """Comparison form: NFKC, homoglyphs repaired, typographic quotes/dashes unified, Serbian in Latin
    script, case-folded. Diacritics are kept (see ascii_key)."""
    text = repair_homoglyphs(unicodedata.normalize("NFKC", text))
    if _is_serbian(lang):
        text = text.translate(_SR_FOLD)
    elif _HAS_TYPOGRAPHIC.search(text):
        text = text.translate(_TYPOGRAPHIC)
    return text.casefold()


@cache
def folded_stopwords(lang: str) -> frozenset[str]:
    """The language's stop words (``LanguageProfile.stopwords``) as :func:`fold` gives them, so that a
    word of either script compares with them (Serbian Cyrillic "је" is the profile's "je")."""
    return frozenset(fold(w, lang) for w in profile(lang).stopwords)


def fold_with_offsets(text: str, lang: str) -> tuple[str, list[int]]:
    """fold() plus, for each folded character, the index of the original character it came from.

    Same result as fold(); slower (per character), so use it only where spans must be highlighted.
    NFKC is applied per base character with its combining marks, which is what NFKC does to the whole
    string except across such clusters.
    """
    serbian = _is_serbian(lang)
    pieces: list[str] = []
    origin: list[int] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i < len(text) and unicodedata.combining(text[i]):
            continue
        cluster = unicodedata.normalize("NFKC", text[start:i])
        pieces.append(cluster)
        origin.extend([start] * len(cluster))
        start = i
    normalised = repair_homoglyphs("".join(pieces))
    out: list[str] = []
    offsets: list[int] = []
    for ch, src in zip(normalised, origin, strict=True):
        piece = ch.translate(_TYPOGRAPHIC)
        if serbian:
            piece = piece.translate(_SR_TO_LATIN)
        piece = piece.casefold()
        out.append(piece)
        offsets.extend([src] * len(piece))
    return "".join(out), offsets


def ascii_key(text: str) -> str:
    """Lower-case key without diacritics, Cyrillic read as Serbian: "Vučić", "Вучић" -> "vucic".

    "đ" becomes "dj" (the usual ASCII spelling: Djokovic). Letters with no Latin base (Greek, ...) stay.
    """
    text = text.translate(_SR_TO_LATIN).translate(_ASCII_EXTRA)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


_LEADING_PUNCT = frozenset(" \t\u00a0\"'„“”«»‹›‚‘’()[]*•–—-")
_SENTENCE_FINAL = frozenset(".!?:;…\n")


def sentence_initial(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` starts the text or a sentence (after ". ", "? „", ...)."""
    i = pos - 1
    while i >= 0 and text[i] in _LEADING_PUNCT:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_FINAL
