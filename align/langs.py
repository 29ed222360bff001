"""Language tags (BCP 47), script detection and a sanity check that a text is in its declared language.

What "well-formed" means here (RFC 5646 syntax, no registry look-up, so any ISO 639 code passes):
language of 2-3 letters (ISO 639-1/2/3; the 3-letter codes of the known languages are shortened,
``eng`` -> ``en``), then optional extlang, ``-Script`` (4 letters), ``-REGION`` (2 letters or 3 digits),
variants, extensions and ``-x-`` private use. Case is normalised (``SR-latn-rs`` -> ``sr-Latn-RS``) and
``_`` is accepted as separator (``en_US`` -> ``en-US``) because POSIX locale names are what users type.
Rejected as malformed: names (``english``), 1- or 4+-letter languages (``e``, ``engl``), empty subtags
(``en-``), subtags of the wrong shape (``en-123456789``), private-use-only and grandfathered tags.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .errors import InputError, warn

KNOWN = ("en", "de", "sq", "sr", "sr-Cyrl", "sr-Latn")

# ISO 639-2/3 codes of languages this toolkit knows well, to their BCP 47 (shortest) form.
_LONG_CODES = {
    "eng": "en",
    "deu": "de",
    "ger": "de",
    "srp": "sr",
    "sqi": "sq",
    "alb": "sq",
    "hrv": "hr",
    "bos": "bs",
    "fra": "fr",
    "fre": "fr",
}

_ALNUM = re.compile(r"[a-z0-9]+")

# Languages commonly written in more than one script: resolve_tag adds the detected one.
_MULTI_SCRIPT = frozenset({"sr", "bs", "sh", "hbs", "az", "uz", "kk", "tk", "mn", "ku"})

# The usual script of single-script languages, for the script check (absent: not checked).
_DEFAULT_SCRIPT = {
    **dict.fromkeys(
        [
            "en",
            "de",
            "sq",
            "fr",
            "it",
            "es",
            "pt",
            "nl",
            "da",
            "sv",
            "nb",
            "nn",
            "no",
            "fi",
            "et",
            "lv",
            "lt",
            "pl",
            "cs",
            "sk",
            "sl",
            "hr",
            "hu",
            "ro",
            "tr",
            "ga",
            "cy",
            "is",
            "mt",
            "ca",
            "gl",
            "eu",
        ],
        "Latn",
    ),
    **dict.fromkeys(["ru", "uk", "be", "bg", "mk"], "Cyrl"),
    "el": "Grek",
    "he": "Hebr",
    "ar": "Arab",
    "fa": "Arab",
    "hy": "Armn",
    "ka": "Geor",
    "hi": "Deva",
    "th": "Thai",
    "ko": "Hang",
}

# Letter ranges per ISO 15924 script (main blocks only: enough to tell a text's script).
_SCRIPT_RANGES = {
    "Latn": "A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff",
    "Cyrl": "\u0400-\u0481\u048a-\u052f",
    "Grek": "\u0370-\u03ff\u1f00-\u1fff",
    "Arab": "\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff",
    "Hebr": "\u05d0-\u05ea",
    "Armn": "\u0531-\u0587",
    "Geor": "\u10a0-\u10ff",
    "Deva": "\u0900-\u0963",
    "Thai": "\u0e01-\u0e2e",
    "Hang": "\uac00-\ud7a3\u1100-\u11ff",
    "Hani": "\u4e00-\u9fff\u3400-\u4dbf",
    "Kana": "\u3040-\u30ff",
}
_SCRIPT_PATTERNS = [(code, re.compile(f"[{chars}]")) for code, chars in _SCRIPT_RANGES.items()]

# simplemma's code where it differs from ours (Serbian, Croatian and Bosnian share one dictionary).
_SIMPLEMMA_CODE = {"sr": "hbs", "hr": "hbs", "bs": "hbs", "sh": "hbs", "no": "nb"}
# Candidates every text is checked against besides its declared language: the toolkit's own
# languages and a few large neighbours. Each dictionary costs ~1 s to load, once per process.
_DETECT_CANDIDATES = ("en", "de", "sq", "hbs", "fr", "it")
_SAMPLE_CHARS = 6000
_MIN_TOKENS = 20  # fewer distinct sampled words than this: too short to judge
_MARGIN = 0.25  # another language must beat the declared one by this share of recognised words


@dataclass(frozen=True)
class LangTag:
    tag: str  # canonical form, e.g. "sr-Latn-RS"
    language: str  # primary subtag, e.g. "sr"
    script: str | None  # declared ISO 15924 script, e.g. "Latn"; None when the tag has none
    region: str | None = None  # e.g. "RS", "CH", "419"


def _hint() -> str:
    known = ", ".join(KNOWN)
    return f"expected a BCP 47 tag such as {known} (2-3 letter ISO 639 code, optional -Script, -REGION)"


@lru_cache(maxsize=256)
def _parse(tag: str) -> LangTag | None:
    """RFC 5646 'langtag' production, subtag by subtag; None when malformed."""
    parts = tag.strip().replace("_", "-").lower().split("-")
    lang = parts[0]
    if not (2 <= len(lang) <= 3 and lang.isalpha() and lang.isascii()):
        return None
    if not all(p and len(p) <= 8 and _ALNUM.fullmatch(p) for p in parts):
        return None
    lang = _LONG_CODES.get(lang, lang)
    out, script, region = [lang], None, None
    i, n = 1, len(parts)
    while i < n and i <= 3 and len(parts[i]) == 3 and parts[i].isalpha():  # extlang
        out.append(parts[i])
        i += 1
    if i < n and len(parts[i]) == 4 and parts[i].isalpha():
        script = parts[i].title()
        out.append(script)
        i += 1
    if i < n and ((len(parts[i]) == 2 and parts[i].isalpha()) or (len(parts[i]) == 3 and parts[i].isdigit())):
        region = parts[i].upper()
        out.append(region)
        i += 1
    while i < n and (len(parts[i]) >= 5 or (len(parts[i]) == 4 and parts[i][0].isdigit())):  # variants
        out.append(parts[i])
        i += 1
    while i < n and len(parts[i]) == 1:  # extensions, then private use (-x-...) last
        singleton = parts[i]
        j = i + 1
        while j < n and len(parts[j]) >= (1 if singleton == "x" else 2):
            j += 1
        if j == i + 1:
            return None
        out.extend(parts[i:j])
        i = j
        if singleton == "x":
            break
    if i != n:
        return None
    return LangTag("-".join(out), lang, script, region)


def parse_tag(tag: str, path: str | None = None) -> LangTag:
    """Parse and canonicalise a BCP 47 tag; malformed tags raise InputError (see module doc)."""
    parsed = _parse(tag) if isinstance(tag, str) else None
    if parsed is None:
        raise InputError(f"unknown language tag {tag!r}: {_hint()}", path)
    return parsed


def script_counts(text: str) -> Counter[str]:
    """Letters per ISO 15924 script (main Unicode blocks only)."""
    counts: Counter[str] = Counter()
    for code, pattern in _SCRIPT_PATTERNS:
        n = len(pattern.findall(text))
        if n:
            counts[code] = n
    return counts


def _sample(text: str, size: int) -> str:
    """Start, middle and end of a long text: a cheap stand-in for the whole."""
    if len(text) <= size:
        return text
    third = size // 3
    mid = len(text) // 2
    return " ".join((text[:third], text[mid - third // 2 : mid + third // 2], text[-third:]))


def detect_script(text: str) -> str | None:
    """The script most letters of the text are written in ("Cyrl", "Latn", ...); None without letters."""
    counts = script_counts(_sample(text, 30000))
    if not counts:
        return None
    return max(sorted(counts), key=counts.__getitem__)


def resolve_tag(tag: str, text: str, path: str | None = None) -> str:
    """Canonical tag; for multi-script languages without a declared script, the detected script is added
    ("sr" -> "sr-Cyrl" or "sr-Latn"). A declared script is kept even if the text disagrees (check_language
    warns about that)."""
    parsed = parse_tag(tag, path)
    if parsed.script or parsed.language not in _MULTI_SCRIPT:
        return parsed.tag
    script = detect_script(text)
    if script is None:
        return parsed.tag
    rest = parsed.tag.split("-")[1:]
    return "-".join([parsed.language, script, *rest])


def _simplemma_code(language: str) -> str | None:
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    code = _SIMPLEMMA_CODE.get(language, language)
    return code if code in SUPPORTED_LANGUAGES else None


def guess_language(text: str, candidates: tuple[str, ...] = ()) -> list[tuple[str, float]]:
    """simplemma's share of recognised words per candidate language (simplemma codes, "hbs" for
    Serbian/Croatian/Bosnian), best first, on a sample of the text."""
    from simplemma import langdetect

    langs = tuple(dict.fromkeys((*candidates, *_DETECT_CANDIDATES)))
    return [
        (code, share) for code, share in langdetect(_sample(text, _SAMPLE_CHARS), lang=langs) if code != "unk"
    ]


def check_language(text: str, tag: str, path: str | None = None) -> None:
    """Warn when the text looks like another script or language than its tag declares.

    Silent on short texts (fewer than ~20 distinct words), on languages simplemma has no dictionary
    for, and when no other candidate clearly wins: a wrong warning costs the user more than a missed one.
    """
    parsed = parse_tag(tag, path)
    expected_script = parsed.script or _DEFAULT_SCRIPT.get(parsed.language)
    sample = _sample(text, _SAMPLE_CHARS)
    counts = script_counts(sample)
    if expected_script and sum(counts.values()) >= 40:
        found = max(sorted(counts), key=counts.__getitem__)
        if found != expected_script and counts[found] > 2 * counts[expected_script]:
            warn(
                f"declared {parsed.tag} but the text is written in {found} script, not {expected_script}",
                path,
            )
            return
    declared = _simplemma_code(parsed.language)
    if declared is None:
        return
    from simplemma import RelaxedMostCommonTokenSampler

    if len(RelaxedMostCommonTokenSampler().sample_text(sample)) < _MIN_TOKENS:
        return
    scores = guess_language(sample, (declared,))
    best, best_share = scores[0]
    own = dict(scores).get(declared, 0.0)
    if best != declared and best_share >= 0.5 and best_share - own >= _MARGIN:
        name = _SIMPLEMMA_NAME.get(best, best)
        warn(
            f"declared {parsed.tag} but the text looks like {name} ({best_share:.0%} of sampled words "
            f"are {name}, {own:.0%} {parsed.language})",
            path,
        )


_SIMPLEMMA_NAME = {"hbs": "sr/hr/bs"}
