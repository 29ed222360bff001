"""Seeded perturbation of a line-parallel translation, with the gold alignment it implies.

Line-parallel corpora (NTREX) are 1-1 by construction; real translations join, split, leave out and
add sentences. Rewriting the target side the way translators do gives n-m test data whose gold is
known exactly. Public API (tests/test_perturb.py): the benchmarks use it, and so can anyone who wants
to measure an aligner on their own line-parallel corpus.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..lang import WORD
from ..model import Link
from ..text.textnorm import CYRILLIC_TO_LATIN_LOOKALIKE


@dataclass(frozen=True)
class Rates:
    """Chance of each edit at one source position (one edit at most per position)."""

    join: float = 0.07  # this and the next sentence become one target sentence (2-1)
    split: float = 0.07  # a long sentence is split at a comma into two (1-2)
    drop: float = 0.05  # the sentence is left out (1-0)
    insert: float = 0.04  # a sentence from another document comes before it (0-1), independent of the above
    min_split_chars: int = 80  # shorter sentences are never split
    min_part_chars: int = 25  # nor split where a part would be shorter than this


def split_point(text: str, min_part: int) -> int | None:
    """The comma nearest the middle that leaves at least ``min_part`` characters on each side."""
    commas = [i for i, ch in enumerate(text) if ch == "," and min_part <= i and len(text) - i - 1 >= min_part]
    return min(commas, key=lambda i: (abs(2 * i - len(text)), i)) if commas else None


def _split(text: str, at: int) -> tuple[str, str]:
    """As a translator would: the comma becomes a full stop and the rest starts a new sentence."""
    rest = text[at + 1 :].strip()
    return text[:at].rstrip() + ".", rest[:1].upper() + rest[1:]


def perturb(
    src_lines: Sequence[str],
    tgt_lines: Sequence[str],
    rng_seed: int | str,
    *,
    foreign_pool: Sequence[str],
    rates: Rates = Rates(),
) -> tuple[list[str], list[Link]]:
    """The perturbed target side and the gold links (source indices unchanged, target indices new).

    ``src_lines[i]`` and ``tgt_lines[i]`` must be translations of each other; inserted sentences come
    from ``foreign_pool`` (text of the target language from other documents; empty = no inserts).
    The same inputs and seed always give the same result.
    """
    if len(src_lines) != len(tgt_lines):
        raise ValueError(f"not line-parallel: {len(src_lines)} source and {len(tgt_lines)} target lines")
    rng = random.Random(rng_seed)
    out: list[str] = []
    gold: list[Link] = []

    def emit(src: tuple[int, ...], texts: Sequence[str]) -> None:
        gold.append(Link(src, tuple(range(len(out), len(out) + len(texts))), status="manual"))
        out.extend(texts)

    i = 0
    while i < len(tgt_lines):
        if foreign_pool and rng.random() < rates.insert:
            emit((), [rng.choice(foreign_pool)])
        u = rng.random()
        cut = (
            split_point(tgt_lines[i], rates.min_part_chars)
            if len(tgt_lines[i]) >= rates.min_split_chars
            else None
        )
        if u < rates.drop:
            emit((i,), [])
        elif u < rates.drop + rates.join and i + 1 < len(tgt_lines):
            emit((i, i + 1), [f"{tgt_lines[i]} {tgt_lines[i + 1]}"])
            i += 1
        elif u < rates.drop + rates.join + rates.split and cut is not None:
            emit((i,), _split(tgt_lines[i], cut))
        else:
            emit((i,), [tgt_lines[i]])
        i += 1
    return out, gold


def inject_lookalikes(text: str, share: float, rng: random.Random) -> str:
    """``text`` with one Cyrillic letter replaced by its Latin look-alike ("СAД", "мoгле") in about
    ``share`` of the words that have such a letter, as in real Serbian Cyrillic web text."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        spots = [k for k, ch in enumerate(word) if ch in CYRILLIC_TO_LATIN_LOOKALIKE]
        if not spots or rng.random() >= share:
            return word
        k = rng.choice(spots)
        return word[:k] + CYRILLIC_TO_LATIN_LOOKALIKE[word[k]] + word[k + 1 :]

    return WORD.sub(swap, text)


def plant_drops(
    tgt_lines: Sequence[str], rng: random.Random, *, share: float = 0.5, words: tuple[int, int] = (3, 10)
) -> tuple[list[str], list[Link]]:
    """A line-parallel target side with about ``share`` of its short sentences (``words`` = fewest and
    most words) left out, never two neighbours: the text and its gold (1-1 links and the 1-0 drops)."""
    out: list[str] = []
    gold: list[Link] = []
    dropped = False
    for i, line in enumerate(tgt_lines):
        short = words[0] <= len(line.split()) <= words[1]
        dropped = short and not dropped and rng.random() < share
        if dropped:
            gold.append(Link((i,), (), status="manual"))
        else:
            gold.append(Link((i,), (len(out),), status="manual"))
            out.append(line)
    return out, gold


def move_clauses(
    tgt_lines: Sequence[str], rng: random.Random, *, share: float = 0.5, min_part: int = 25
) -> tuple[list[str], list[Link]]:
    """A line-parallel target side where, in about ``share`` of the lines that have a comma with
    ``min_part`` characters each side (:func:`split_point`), the part after it opens the next line
    as a sentence of its own ("..., with the death toll expected to rise." → "... ." / "With the death
    toll expected to rise. Next line."), never in two neighbouring lines: a translator moving a clause
    across a sentence end. The text and its gold: a 2-2 link for each move, 1-1 links elsewhere."""
    out: list[str] = []
    gold: list[Link] = []
    moved = ""
    for i, line in enumerate(tgt_lines):
        if moved:
            out[-1] = f"{moved} {line}"
            moved = ""
            continue
        cut = split_point(line, min_part) if i + 1 < len(tgt_lines) else None
        if cut is not None and rng.random() < share:
            head, moved = _split(line, cut)
            gold.append(Link((i, i + 1), (len(out), len(out) + 1), status="manual"))
            out += [head, ""]  # the next line is appended to the moved part
        else:
            gold.append(Link((i,), (len(out),), status="manual"))
            out.append(line)
    return out, gold
