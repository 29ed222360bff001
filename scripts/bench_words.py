"""Word alignment: AER on the wordalign-dev golds (whole set, and cut into 40-sentence documents each
aligned on its own), time per document, and on NTREX (second half of the documents only: the shipped
priors are learnt from the first half) the share of numbers, names and cognates linked to their
counterpart.

Run: python scripts/bench_words.py [--chunk 40]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchlib import data_dir  # noqa: E402

from align.words import align_units  # noqa: E402
from align.words.params import Params  # noqa: E402

Links = set[tuple[int, int]]


def read_links(path: Path) -> list[Links]:
    return [
        {(int(a), int(b)) for a, b in (item.split("-") for item in line.split())}
        for line in path.read_text(encoding="utf-8").splitlines()
    ]


def aer(predicted: Sequence[Links], sure: Sequence[Links], possible: Sequence[Links]) -> float:
    """1 - (|A∩S| + |A∩P|) / (|A| + |S|), counts summed over the set (P includes S)."""
    a_s = a_p = n_a = n_s = 0
    for a, s, p in zip(predicted, sure, possible, strict=True):
        p = p | s
        a_s += len(a & s)
        a_p += len(a & p)
        n_a += len(a)
        n_s += len(s)
    return 1 - (a_s + a_p) / (n_a + n_s)


def gold_set(
    folder: Path, name: str
) -> tuple[list[tuple[list[str], list[str]]], list[Links], list[Links], str, str]:
    first, second = name.split("-")
    src = (folder / f"{name}.{first}").read_text(encoding="utf-8").splitlines()
    tgt = (folder / f"{name}.{second}").read_text(encoding="utf-8").splitlines()
    units = [(s.split(), t.split()) for s, t in zip(src, tgt, strict=True)]
    return units, read_links(folder / f"{name}.sure"), read_links(folder / f"{name}.possible"), first, second


def align_chunked(
    units: list[tuple[list[str], list[str]]], src: str, tgt: str, chunk: int, params: Params
) -> tuple[list[Links], list[float]]:
    """Links of every unit, the set cut into documents of ``chunk`` units aligned separately; and
    the time each document took."""
    out: list[Links] = []
    times: list[float] = []
    for lo in range(0, len(units), chunk):
        start = time.perf_counter()
        found = align_units(units[lo : lo + chunk], src, tgt, params)
        times.append(time.perf_counter() - start)
        out.extend({(w.src, w.tgt) for w in links} for links in found)
    return out, times


def gold_figures(folder: Path, chunk: int, params: Params) -> list[tuple[str, float, float, float]]:
    """(set, whole AER, chunked AER, median seconds per chunk) for en-fr and ro-en."""
    rows = []
    for name in ("en-fr", "ro-en"):
        units, sure, possible, src, tgt = gold_set(folder, name)
        whole, _ = align_chunked(units, src, tgt, len(units), params)
        chunked, times = align_chunked(units, src, tgt, chunk, params)
        rows.append(
            (name, aer(whole, sure, possible), aer(chunked, sure, possible), statistics.median(times))
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunk", type=int, default=40)
    args = parser.parse_args()
    params = Params()
    gold = data_dir("wordalign-dev", "en-fr.sure")
    if gold is not None:
        print(f"{'set':8} {'AER whole':>10} {'AER chunked':>12} {'s/doc':>7}")
        for name, whole, chunked, seconds in gold_figures(gold, args.chunk, params):
            print(f"{name:8} {whole:10.3f} {chunked:12.3f} {seconds:7.3f}")


if __name__ == "__main__":
    main()
