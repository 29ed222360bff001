"""Strict and lax precision/recall/F1 over links, as defined by Vecalign's and Bertalign's scorers.

Counts are summed over all documents before dividing. Precision counts every predicted link
(including 1-0/0-1); recall counts only gold links with both sides non-empty. A lax hit shares at
least one (source, target) sentence link with a link on the other side. ``gold_units`` and
``test_units`` count every link of each side the same way (1-0/0-1 included), so a file scored
against itself shows equal counts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Link

Unit = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class Scores:
    strict: PRF
    lax: PRF
    gold_units: int  # links in the gold files (all kinds)
    test_units: int  # links in the test files (all kinds)

    def as_dict(self) -> dict[str, float]:
        return {
            f"{mode}_{name}": round(getattr(getattr(self, mode), name), 4)
            for mode in ("strict", "lax")
            for name in ("precision", "recall", "f1")
        }


def _units(links: Iterable[Link], both_sides: bool = False) -> set[Unit]:
    return {
        (tuple(b.src), tuple(b.tgt)) for b in links if ((b.src and b.tgt) if both_sides else (b.src or b.tgt))
    }


def _hits(reference: set[Unit], guesses: set[Unit]) -> tuple[int, int, int]:
    """(guesses, strict hits, lax hits) of ``guesses`` against ``reference``."""
    linked: dict[int, set[int]] = defaultdict(set)
    for src, tgt in reference:
        for s in src:
            linked[s].update(tgt)
    strict = lax = 0
    for src, tgt in guesses:
        if (src, tgt) in reference:
            strict += 1
            lax += 1
        elif any(t in linked.get(s, ()) for s in src for t in tgt):
            lax += 1
    return len(guesses), strict, lax


def _prf(p_num: int, p_den: int, r_num: int, r_den: int) -> PRF:
    p = p_num / p_den if p_den else 0.0
    r = r_num / r_den if r_den else 0.0
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def score(gold_docs: Sequence[Sequence[Link]], test_docs: Sequence[Sequence[Link]]) -> Scores:
    """Score documents pairwise (``gold_docs[i]`` against ``test_docs[i]``)."""
    if len(gold_docs) != len(test_docs):
        raise ValueError(f"{len(gold_docs)} gold documents but {len(test_docs)} test documents")
    p_den = p_strict = p_lax = r_den = r_strict = r_lax = n_gold = 0
    for gold, test in zip(gold_docs, test_docs, strict=True):
        n_gold += len(_units(gold))
        n, s, lx = _hits(_units(gold), _units(test))
        p_den, p_strict, p_lax = p_den + n, p_strict + s, p_lax + lx
        n, s, lx = _hits(_units(test, both_sides=True), _units(gold, both_sides=True))
        r_den, r_strict, r_lax = r_den + n, r_strict + s, r_lax + lx
    return Scores(
        strict=_prf(p_strict, p_den, r_strict, r_den),
        lax=_prf(p_lax, p_den, r_lax, r_den),
        gold_units=n_gold,
        test_units=p_den,
    )
