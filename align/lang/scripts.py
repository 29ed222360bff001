"""Which script (ISO 15924) a text is written in, from the Unicode blocks of its letters."""

from __future__ import annotations

import re
from collections import Counter

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
# English names of scripts, for language_name.
SCRIPT_NAMES = {
    "Arab": "Arabic", "Cyrl": "Cyrillic", "Grek": "Greek", "Hans": "Simplified Han",
    "Hant": "Traditional Han", "Hebr": "Hebrew", "Latn": "Latin",
}  # fmt: skip
_SCRIPT_PATTERNS = [(code, re.compile(f"[{chars}]")) for code, chars in _SCRIPT_RANGES.items()]


def script_counts(text: str) -> Counter[str]:
    """Letters per ISO 15924 script (main Unicode blocks only)."""
    counts: Counter[str] = Counter()
    for code, pattern in _SCRIPT_PATTERNS:
        n = len(pattern.findall(text))
        if n:
            counts[code] = n
    return counts


def sample(text: str, size: int) -> str:
    """Start, middle and end of a long text: a cheap stand-in for the whole."""
    if len(text) <= size:
        return text
    third = size // 3
    mid = len(text) // 2
    return " ".join((text[:third], text[mid - third // 2 : mid + third // 2], text[-third:]))


def detect_script(text: str) -> str | None:
    """The script most letters of the text are written in ("Cyrl", "Latn", ...); None without letters."""
    counts = script_counts(sample(text, 30000))
    if not counts:
        return None
    return max(sorted(counts), key=counts.__getitem__)
