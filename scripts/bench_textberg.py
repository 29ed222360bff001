"""Text+Berg dev benchmark (German–French, human gold): strict/lax P/R/F1, time, overhead, ablations.

For the embed method the sentences are embedded once through the on-disk embedding cache (so a second
run reads them in well under a second; ``--cache-dir ''`` embeds without it, which makes the embedding
time real), then aligned from those vectors: when they were embedded in this run, the overhead ratio is
alignment time (features, scoring, search, confidences) over embedding time. For the fast method the
search alone and the search with confidences are also timed (median of ``--repeats``), as sentences
(both sides) per second. Confidences are summarised by calibration bins and the rank AUC of cert
against "the link is exactly right". ``--ablation`` re-aligns with one signal or setting changed at a
time (same vectors) and prints the table kept in scripts/README.md. Published figures for comparison
are in ../shared/data/README.md.

    python scripts/bench_textberg.py [--repeats 5] [--ablation] [--cache-dir DIR] [--vectors /tmp/tb.npz]
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from itertools import pairwise
from pathlib import Path

import numpy as np
from benchlib import data_dir

from align.aligner.costs import CostWeights
from align.aligner.search import align, link_types
from align.aligner.sentences import TEMPERATURE, WEIGHTS, align_texts, link_model
from align.config import AlignOptions
from align.embedding.cache import open_cache
from align.embedding.encoder import embed
from align.evaluation.metric import Scores, score
from align.formats.beadfile import read_beads
from align.model import Link


def read_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]


def vectors(
    de: list[str], fr: list[str], saved: str | None, threads: int, cache_dir: str | None
) -> tuple[np.ndarray, np.ndarray, float, int]:
    """Embeddings of both sides, the seconds they took and how many texts the model embedded (the
    others came from the cache; none when read from ``saved``)."""
    if saved and Path(saved).exists():
        data = np.load(saved)
        return data["de"], data["fr"], 0.0, 0
    cache = open_cache(cache_dir)
    embedded = [0, 0]

    def progress(side: int):
        return lambda done, todo: embedded.__setitem__(side, todo)

    start = time.perf_counter()
    de_vec = embed(de, threads=threads, cache=cache, progress=progress(0))
    fr_vec = embed(fr, threads=threads, cache=cache, progress=progress(1))
    seconds = time.perf_counter() - start
    if saved:
        np.savez(saved, de=de_vec, fr=fr_vec)
    return de_vec, fr_vec, seconds, sum(embedded)


def row(name: str, s: Scores, seconds: float | None = None) -> str:
    cells = [f"{v:.3f}" for v in (s.strict.precision, s.strict.recall, s.strict.f1)]
    cells += [f"{v:.3f}" for v in (s.lax.precision, s.lax.recall, s.lax.f1)]
    tail = f"{seconds:8.2f}" if seconds is not None else ""
    return f"{name:<44} " + " ".join(f"{c:>6}" for c in cells) + f" {tail}"


HEADER = f"{'run':<44} " + " ".join(
    f"{h:>6}" for h in ("str P", "str R", "str F1", "lax P", "lax R", "lax F1")
)


def timed_align(de, fr, options, **kw) -> tuple[list[Link], float]:
    start = time.perf_counter()
    links = align_texts(de, fr, "de", "fr", options, **kw)
    return links, time.perf_counter() - start


def ablations(de, fr, gold, de_vec, fr_vec) -> None:
    """One change at a time against each method's defaults."""
    embed_w, fast_w = WEIGHTS["embed"], WEIGHTS["fast"]
    runs: list[tuple[str, str, CostWeights, int, int | None]] = [
        ("embed: default (semantic+margin, length, lexical)", "embed", embed_w, 4, None),
        ("embed: no lexical signal", "embed", dataclasses.replace(embed_w, lexical=0.0), 4, None),
        ("embed: no length model", "embed", dataclasses.replace(embed_w, length=0.0), 4, None),
        ("embed: semantic only", "embed", dataclasses.replace(embed_w, lexical=0.0, length=0.0), 4, None),
        (
            "embed: no margin (document-wide typical cosine)",
            "embed",
            dataclasses.replace(embed_w, margin=False),
            4,
            None,
        ),
        ("embed: no n-m prior (merge=0)", "embed", dataclasses.replace(embed_w, merge=0.0), 4, None),
        (
            "embed: null cost independent of content",
            "embed",
            dataclasses.replace(embed_w, content_nulls=False),
            4,
            None,
        ),
        ("embed: max_side 2", "embed", embed_w, 2, None),
        ("embed: max_side 3", "embed", embed_w, 3, None),
        ("embed: full table (no band)", "embed", embed_w, 4, 10**9),
        ("fast: default (length, lexical)", "fast", fast_w, 4, None),
        ("fast: length only (Gale-Church)", "fast", dataclasses.replace(fast_w, lexical=0.0), 4, None),
        ("fast: length only, full table", "fast", dataclasses.replace(fast_w, lexical=0.0), 4, 10**9),
        ("fast: lexical only", "fast", dataclasses.replace(fast_w, length=0.0), 4, None),
        ("fast: no n-m prior (merge=0)", "fast", dataclasses.replace(fast_w, merge=0.0), 4, None),
        (
            "fast: null cost independent of content",
            "fast",
            dataclasses.replace(fast_w, content_nulls=False),
            4,
            None,
        ),
        ("fast: full table (no band)", "fast", fast_w, 4, 10**9),
    ]
    print("\nablation (one change at a time, same vectors)")
    print(HEADER)
    for name, method, weights, max_side, full_cells in runs:
        options = AlignOptions(method=method, max_side=max_side)
        model = link_model(de, fr, "de", "fr", options, src_emb=de_vec, tgt_emb=fr_vec, weights=weights)
        kwargs = {"full_cells": full_cells} if full_cells else {}
        path = align(model, link_types(max_side), **kwargs)[0]
        links = [Link(tuple(range(i0, i1)), tuple(range(j0, j1))) for (i0, j0), (i1, j1) in pairwise(path)]
        print(row(name, score([gold], [links])), flush=True)


def search_speed(de, fr, repeats: int) -> tuple[float, float, float, float]:
    """Median seconds of the fast method's features (cost model included), of its search alone (wall
    and CPU: single-threaded, so CPU time is less distorted by other load on a shared machine), and
    of the search with confidences (forward-backward)."""
    options = AlignOptions(method="fast")
    feature_s, search_s, search_cpu, cert_s = [], [], [], []
    types = link_types(options.max_side)
    for _ in range(repeats):
        start = time.perf_counter()
        model = link_model(de, fr, "de", "fr", options)
        mid, cpu = time.perf_counter(), time.process_time()
        align(model, types)
        end = time.perf_counter()
        search_cpu.append(time.process_time() - cpu)
        align(model, types, TEMPERATURE["fast"])
        feature_s.append(mid - start)
        search_s.append(end - mid)
        cert_s.append(time.perf_counter() - end)
    return tuple(statistics.median(x) for x in (feature_s, search_s, search_cpu, cert_s))  # type: ignore[return-value]


def rank_auc(links: list[Link], gold: list[Link]) -> float:
    """Chance that a random exactly-right link has a higher cert than a random wrong one (ties: half)."""
    right = {(b.src, b.tgt) for b in gold}
    ok = [(b.src, b.tgt) in right for b in links]
    good = [b.cert or 0.0 for b, k in zip(links, ok, strict=True) if k]
    bad = [b.cert or 0.0 for b, k in zip(links, ok, strict=True) if not k]
    wins = sum((g > x) + 0.5 * (g == x) for g in good for x in bad)
    return wins / (len(good) * len(bad)) if good and bad else float("nan")


def calibration(links: list[Link], gold: list[Link]) -> str:
    """Mean cert against the share of exactly right links, in cert bins."""
    right = {(b.src, b.tgt) for b in gold}
    parts = []
    for lo, hi in ((0.0, 0.5), (0.5, 0.8), (0.8, 0.95), (0.95, 1.01)):
        sel = [b for b in links if lo <= (b.cert or 0.0) < hi]
        if sel:
            acc = sum((b.src, b.tgt) in right for b in sel) / len(sel)
            mean = sum(b.cert or 0.0 for b in sel) / len(sel)
            parts.append(
                f"[{lo:.2f},{min(hi, 1):.2f}): {len(sel)} links, mean cert {mean:.2f}, right {acc:.2f}"
            )
    return "; ".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeats", type=int, default=5, help="repeats of the timed alignments (median)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--ablation", action="store_true", help="also print the ablation table")
    parser.add_argument("--vectors", help="an .npz to reuse embeddings from (written when absent)")
    parser.add_argument("--cache-dir", default=None, help="embedding cache ('' = none) [default location]")
    args = parser.parse_args()
    data = data_dir("textberg-dev", "001.gold")
    if data is None:
        return 0
    de, fr = read_lines(data / "001.de"), read_lines(data / "001.fr")
    gold = read_beads(data / "001.gold")
    n = len(de) + len(fr)
    print(f"Text+Berg dev: {len(de)} de / {len(fr)} fr sentences, {len(gold)} gold links")

    de_vec, fr_vec, embed_s, embedded = vectors(de, fr, args.vectors, args.threads, args.cache_dir)
    results = {}
    for method in ("embed", "fast"):
        options = AlignOptions(method=method, threads=args.threads)
        runs = [timed_align(de, fr, options, src_emb=de_vec, tgt_emb=fr_vec) for _ in range(args.repeats)]
        links = runs[0][0]
        if any(r[0] != links for r in runs):
            print(f"{method}: NOT DETERMINISTIC across repeats")
        results[method] = (links, statistics.median(r[1] for r in runs))

    print(HEADER + f" {'align s':>8}")
    for method, (links, seconds) in results.items():
        print(row(f"{method}", score([gold], [links]), seconds))
    align_s = results["embed"][1]
    if embedded:
        print(
            f"embed method: embedding {embedded} texts took {embed_s:.1f} s ({embedded / embed_s:.0f} "
            f"sentences/s, {args.threads} threads; the other {n - embedded} came from the cache), "
            f"alignment {align_s:.2f} s: overhead ratio {align_s / embed_s:.3f} (target < 0.25); "
            f"wall {embed_s + align_s:.1f} s"
        )
    else:
        source = args.vectors if embed_s == 0.0 else f"the embedding cache in {embed_s:.2f} s"
        print(f"embed method: vectors read from {source}; alignment {align_s:.2f} s (no embedding time)")
    feature_s, search_s, search_cpu, cert_s = search_speed(de, fr, args.repeats)
    fast_s = results["fast"][1]
    print(
        f"fast method: {fast_s:.3f} s end to end ({n / fast_s:.0f} sentences/s), of which features "
        f"{feature_s:.3f} s; search {search_s:.3f} s wall = {n / search_s:.0f} sentences/s, "
        f"{search_cpu:.3f} s CPU = {n / search_cpu:.0f} sentences/s (target >= 20000); search with "
        f"confidences {cert_s:.3f} s wall = {n / cert_s:.0f} sentences/s"
    )
    for method, (links, _) in results.items():
        print(f"confidence ({method}): rank AUC {rank_auc(links, gold):.3f}; {calibration(links, gold)}")
    if args.ablation:
        ablations(de, fr, gold, de_vec, fr_vec)
    return 0


if __name__ == "__main__":
    sys.exit(main())
