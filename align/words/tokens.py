"""Words and punctuation marks with their character offsets, the units the word aligner links.

A token is a run of letters and digits, with inner apostrophes and hyphens ("don't", "mid-2020",
"Bosnia-Herzegovina"), or a number with inner separators ("10,000", "1.5", "18:30"), or one mark of
punctuation. Offsets point into the text as given, so a link can be highlighted in the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Numbers with inner separators first, so "10,000" is one token and "end,next" is three.
_TOKEN = re.compile(r"\d+(?:[.,:'’]\d+)+|\w+(?:['’\-‐]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # character offsets into the tokenized text: text[start:end] == token text
    end: int


def tokenize(text: str, lang: str) -> list[Token]:
    """Words, numbers and punctuation marks of ``text`` in order. The rule is the same for every
    language today; ``lang`` is part of the API so a language can get its own rule without callers
    changing."""
    del lang
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
