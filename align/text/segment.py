"""Split text into paragraphs (blank lines) and paragraphs into sentences, keeping the text exact.

Our own rule engine, not sentencex or reldi-tokeniser directly, because both break on cases that matter
for news and parallel corpora (measured by scripts/bench_segment.py): sentencex splits before a lower-case
word ("10. | децембра", "тзв. | проблем") and after German ordinals ("im 20. | Jahrhundert"); reldi
misses ends after a closing quote ("…kraju.“ | Zatim") or a score ("1-0. | To") and has no Albanian
(both have far lower recall, see the benchmark). The engine looks at every
terminal-punctuation candidate with the word before it and the word after it, and decides from
per-language tables in ``align/data/abbreviations/<lang>.txt`` (format in ``en.txt``), reldi-tokeniser's
abbreviation lists where it has the language, and general rules: no split before a lower-case word,
initials ("J. Vučić"), dotted acronyms ("U.S."), ordinals before month names, numbered list items.
Languages without a table of ours ask sentencex whether the word before a full stop is an abbreviation,
so its lists for ~300 languages still apply (asking it for en/de/sr/sq too lost more than it gained, and
its whole-text boundaries miss sentences inside long quotations, so it is consulted one word at a time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import cyrtranslit
import sentencex

from ..lang import profile
from ..model import Sentence
from .textnorm import repair_homoglyphs

_CLOSE = "\"'”“»«’‘›‹)]}」』）"
_OPEN = "\"'“”„‚«»‘’‹›([{¿¡–—-"
_TERMS = ".!?…‼⁇⁈⁉।॥؟۔։።"  # need whitespace after them to end a sentence
_CJK_TERMS = "。！？｡"  # end a sentence with or without whitespace after them

# A run of terminal punctuation (group 1) with the closing quotes after it: a candidate sentence end.
_RUN = re.compile(rf"([{re.escape(_TERMS)}{_CJK_TERMS}]+)[{re.escape(_CLOSE)}]*+")
# What follows a candidate: whitespace (1), opening quotes or dashes, the next word (2), a "." after it (3).
_AFTER = re.compile(rf"(\s+)(?:[{re.escape(_OPEN)}]\s*)*(\w*)(\.?)")
_TAIL = re.compile(r"\S*\Z")
# A blank line: a newline, then only whitespace, then another newline (\r\n, \r and \n all count).
_PARA_BREAK = re.compile(r"(?>\r\n|\r|\n)(?:[^\S\r\n]*(?>\r\n|\r|\n))+|\u2029")
_NUMBER = re.compile(r"\d+(?:[.,:/-]\d+)*")
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_ACRONYM = re.compile(r"(?:\w{1,3}\.)+\w{1,3}")  # U.S, p.m, p.sh, d.o.o (the final dot is the candidate)
_ELLIPSES = {"...", "…"}
_ALNUM = re.compile(r"\w")

_RELDI_CLASS = {"N": "N", "B": "B", "S": "E"}  # reldi: never / sometimes / always ends a sentence


@dataclass(frozen=True)
class _Rules:
    nouns_capitalised: bool  # after "20." a capitalised noun does not start a sentence ("im 20. Jahrhundert")
    code: str
    abbrev: dict[str, str]  # lower-case abbreviation, spaces removed ("z.b.") -> class N/E/B/D
    tails: dict[str, int]  # last token of a multi-token abbreviation ("b.") -> most tokens of such an entry
    starters: frozenset[str]
    months: frozenset[str]
    ask_sentencex: bool  # no table of ours: sentencex says which other words are abbreviations

    def lookup(self, text: str, start: int, core: str) -> str | None:
        """Class of the abbreviation ending in ``core`` + "." at ``start``; multi-token entries first."""
        key = repair_homoglyphs(core).lower() + "."
        n = self.tails.get(key)
        if n:
            before = text[max(0, start - 12 * n) : start].split()[-(n - 1) :]
            for i in range(len(before)):
                joined = repair_homoglyphs("".join(before[i:]).lstrip(_OPEN)).lower() + key
                if joined in self.abbrev:
                    return self.abbrev[joined]
        return self.abbrev.get(key)

    def starter(self, x: str, xd: str) -> bool:
        """Whether ``x`` is a word capitalised only at the start of a sentence (and not an abbreviation)."""
        return not xd and repair_homoglyphs(x).lower() in self.starters

    def ends(self, text: str, w: str, wstart: int, t: str, x: str, xd: str, at_start: bool) -> bool:
        """Whether terminal punctuation ``t`` after the token ``w`` (at ``wstart``) and before the word ``x``
        (followed by ``xd``, "." or "") ends a sentence; ``at_start``: ``w`` begins the current sentence."""
        if x[:1].islower():
            return False
        if t != ".":  # ?, !, ellipsis: strong unless "[…]" marks an omission
            return not (t in _ELLIPSES and w.endswith(("(", "[")))
        core = w.lstrip(_OPEN)
        if not core or core[-1] in _CLOSE:  # "(see above)." - the dot follows a bracket, not a word
            return True
        cls = self.lookup(text, wstart + len(w) - len(core), core)
        if cls in ("N", "E"):
            return cls == "E"
        initial = len(core) == 1 and core.isalpha()
        numeric = core[0].isdigit() and _NUMBER.fullmatch(core) is not None
        acronym = "." in core and _ACRONYM.fullmatch(core) is not None
        if x[:1].isdigit():  # "S. 5", "Nr. 5", "9. 10. 2008" vs. "in 2008. 50 people ..."
            return not (cls in ("B", "D") or initial or numeric or acronym)
        if cls == "D":
            return True
        if cls == "B" or initial or acronym:
            return self.starter(x, xd)
        roman = core[0] in "IVX" and _ROMAN.fullmatch(core) is not None
        if numeric or roman:
            if at_start:  # a numbered list item: "1. Einleitung", "IV. Results"
                return False
            if repair_homoglyphs(x).lower() in self.months:  # "am 9. Dezember"
                return False
            if self.nouns_capitalised and (roman or len(core) <= 3):
                return self.starter(x, xd)
            return True
        return not (self.ask_sentencex and _sentencex_abbreviation(self.code, core, x))


def _read_table(text: str, classes: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(entry, class) pairs from a table; reldi's lists need ``classes`` and contain regexes we skip."""
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        entry, cls = line.split("\t")[:2]
        if classes is not None:
            entry = entry.replace("\\.", ".")
            if re.search(r"[\\\[\](){}|?*+]", entry):
                continue
            cls = classes[cls.strip()]
        rows.append((entry.strip().lower(), cls.strip()))
    return rows


def _table(name: str) -> str:
    return (resources.files("align") / "data" / "abbreviations" / f"{name}.txt").read_text(encoding="utf-8")


@cache
def _rules(lang: str) -> _Rules:
    lp = profile(lang)
    rows = _read_table(_table("common"))
    if lp.reldi:
        reldi = resources.files("reldi_tokeniser") / f"{lp.reldi}.abbrev"
        rows += _read_table(reldi.read_text(encoding="utf-8"), _RELDI_CLASS)
    if lp.abbreviations:
        mine = _read_table(_table(lp.abbreviations))
        if lp.cyrillic_latin:  # the table is written in Latin script
            mine += [(cyrtranslit.to_cyrillic(e, "sr"), c) for e, c in mine]
        rows += mine  # after reldi's, so ours win
    abbrev: dict[str, str] = {}
    tails: dict[str, int] = {}
    for entry, cls in rows:
        if entry.endswith("."):
            tokens = entry.split()
            abbrev["".join(tokens)] = cls
            if len(tokens) > 1:
                tails[tokens[-1]] = max(tails.get(tokens[-1], 0), len(tokens))
    words = {c: frozenset(e for e, k in rows if k == c) for c in ("S", "M")}
    return _Rules(lp.nouns_capitalised, lp.code, abbrev, tails, words["S"], words["M"], not lp.abbreviations)


@lru_cache(maxsize=1 << 16)
def _sentencex_abbreviation(code: str, word: str, following: str) -> bool:
    """Whether sentencex keeps "<word>. <following>" together, i.e. knows ``word`` as an abbreviation."""
    return len(sentencex.segment(code, f"{word}. {following or 'A'}")) == 1


def _split(paragraph: str, rules: _Rules) -> list[str]:
    text = paragraph.strip().lstrip("\ufeff").strip()  # a byte-order mark the reader left counts as space
    if not text:
        return []
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in _RUN.finditer(text):
        t, end = m[1], m.end()
        after = _AFTER.match(text, end)
        nxt = end + len(after[1]) if after else end
        if t[-1] not in _CJK_TERMS:  # CJK full stops always end a sentence, others need a space after them
            if not after:
                continue
            wstart = text.rfind(" ", 0, m.start()) + 1
            w = text[wstart : m.start()]
            if not w.isprintable():  # the token began after some other whitespace (newline, tab, NBSP)
                tail = _TAIL.search(w)
                assert tail is not None  # \S*\Z matches at the end of every string
                wstart, w = wstart + tail.start(), tail[0]
            if not rules.ends(text, w, wstart, t, after[2], after[3], wstart == begin):
                continue
        if begin < end and nxt < len(text):
            spans.append((begin, end))
            begin = nxt
    spans.append((begin, len(text)))
    # A piece without a letter or digit (a stray closing quote, a lone dash) belongs to its neighbour.
    merged = spans[:1]
    for start, end in spans[1:]:
        if _ALNUM.search(text, start, end) and _ALNUM.search(text, *merged[-1]):
            merged.append((start, end))
        else:
            merged[-1] = (merged[-1][0], end)
    return [text[start:end] for start, end in merged]


def split_sentences(paragraph: str, lang: str) -> list[str]:
    """The sentences of one paragraph, each an exact substring of it without surrounding whitespace."""
    return _split(paragraph, _rules(lang))


def segment(text: str, lang: str) -> list[Sentence]:
    """Sentences of a whole text; paragraphs are separated by blank lines and numbered from 0."""
    rules = _rules(lang)
    out: list[Sentence] = []
    para = 0
    for block in _PARA_BREAK.split(text):
        sentences = _split(block, rules)
        if sentences:
            out += [Sentence(s, para) for s in sentences]
            para += 1
    return out
