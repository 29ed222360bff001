"""Shipped word-translation priors: expected link counts between English words and German, Serbian
(Latin script; Cyrillic is folded to it) and Albanian words, learnt by scripts/learn_word_priors.py
from the first half of the NTREX-128 dev documents (CC BY-SA 4.0: see data/README.md).

A file ``data/en-XX.tsv.gz`` holds ``english<TAB>other<TAB>count`` lines, words in their comparison
form (:func:`align.text.textnorm.fold`). Croatian, Bosnian and Montenegrin use the Serbian file.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import numpy as np

from ..lang import profile

PIVOT = "en"
SHIPPED = ("de", "sq", "sr")  # the other language of each shipped file


def lexicon_code(lang: str) -> str:
    """The shipped file a language reads: Serbo-Croatian tags ("hr", "bs", "sr-Latn") use "sr"."""
    found = profile(lang)
    return "sr" if found.family == "hbs" else found.code


@dataclass(frozen=True)
class Lexicon:
    english: dict[str, int]  # word -> id
    other: dict[str, int]
    keys: np.ndarray  # sorted english_id * len(other) + other_id
    given_english: np.ndarray  # P(other | english) per key
    given_other: np.ndarray  # P(english | other) per key
    other_words: tuple[str, ...]  # id -> word of ``other``

    def lookup(
        self, english: list[str], other: list[str], e: np.ndarray, f: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """P(other | english) and P(english | other) for the word pairs (english[e[k]], other[f[k]]),
        zero where the lexicon has no entry."""
        e_ids = np.array([self.english.get(w, -1) for w in english], dtype=np.int64)
        f_ids = np.array([self.other.get(w, -1) for w in other], dtype=np.int64)
        le, lf = e_ids[e], f_ids[f]
        known = (le >= 0) & (lf >= 0)
        key = np.where(known, le * len(self.other) + lf, -1)
        at = np.clip(np.searchsorted(self.keys, key), 0, max(len(self.keys) - 1, 0))
        hit = known & (self.keys[at] == key) if len(self.keys) else np.zeros(len(key), dtype=bool)
        return np.where(hit, self.given_english[at], 0.0), np.where(hit, self.given_other[at], 0.0)

    def translations(self, english: str) -> tuple[tuple[str, float], ...]:
        """The words the lexicon gives for an English word, each with the larger of its two
        conditional probabilities."""
        e = self.english.get(english)
        if e is None:
            return ()
        n = len(self.other)
        lo, hi = np.searchsorted(self.keys, [e * n, (e + 1) * n])
        return tuple(
            (self.other_words[int(k % n)], float(max(self.given_english[i], self.given_other[i])))
            for i, k in zip(range(lo, hi), self.keys[lo:hi], strict=True)
        )


def parse(lines: list[str]) -> Lexicon:
    """A lexicon from ``english<TAB>other<TAB>count`` lines."""
    english: dict[str, int] = {}
    other: dict[str, int] = {}
    rows = [line.rstrip("\n").split("\t") for line in lines if line.strip()]
    e = np.array([english.setdefault(r[0], len(english)) for r in rows], dtype=np.int64)
    f = np.array([other.setdefault(r[1], len(other)) for r in rows], dtype=np.int64)
    counts = np.array([float(r[2]) for r in rows])
    key = e * max(len(other), 1) + f
    order = np.argsort(key)
    e, f, counts, key = e[order], f[order], counts[order], key[order]
    by_e = np.bincount(e, counts, len(english)) if len(e) else np.zeros(0)
    by_f = np.bincount(f, counts, len(other)) if len(f) else np.zeros(0)
    return Lexicon(english, other, key, counts / by_e[e], counts / by_f[f], tuple(other))


@cache
def shipped(code: str) -> Lexicon | None:
    """The lexicon between English and ``code`` shipped in the package, None when there is none."""
    if code not in SHIPPED:
        return None
    path = files(__package__).joinpath("data", f"{PIVOT}-{code}.tsv.gz")
    with gzip.open(str(path), "rt", encoding="utf-8") as fh:
        return parse(fh.readlines())


def lexicon_for(src_lang: str, tgt_lang: str) -> tuple[Lexicon, bool] | None:
    """The shipped lexicon for a language pair and whether English is the source side; None when the
    pair is not English with a shipped language."""
    src, tgt = profile(src_lang).code, profile(tgt_lang).code
    if src == PIVOT and tgt != PIVOT:
        found = shipped(lexicon_code(tgt_lang))
        return (found, True) if found else None
    if tgt == PIVOT and src != PIVOT:
        found = shipped(lexicon_code(src_lang))
        return (found, False) if found else None
    return None


def lookup_pair(
    found: tuple[Lexicon, bool],
    src_words: list[str],
    tgt_words: list[str],
    cell_src: np.ndarray,
    cell_tgt: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """P(tgt | src) and P(src | tgt) for the word pairs (src_words[cell_src[k]], tgt_words[cell_tgt[k]])
    in the lexicon :func:`lexicon_for` found, whichever side of the pair is English."""
    lexicon, english_source = found
    if english_source:
        return lexicon.lookup(src_words, tgt_words, cell_src, cell_tgt)
    given_tgt, given_src = lexicon.lookup(tgt_words, src_words, cell_tgt, cell_src)
    return given_src, given_tgt
