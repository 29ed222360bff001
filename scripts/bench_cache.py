"""Embedding cache benchmark: Text+Berg dev (468 German / 554 French sentences), cold vs warm.

Cold = a new, empty cache folder; warm = the folder a cold run filled, opened afresh (as a re-run
would). The model is loaded before any timing, so the ratio is a lower bound: a warm re-run does not
even load it. Then the same for a whole ``align_texts`` (embed method), with the strict/lax F1 against
the gold as a check that cached vectors change nothing.

    python scripts/bench_cache.py [--repeats 3] [--threads 2]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from bench_ntrex import load_aligner
from benchlib import data_dir

from align.config import AlignOptions
from align.embedding.cache import EmbeddingCache
from align.embedding.encoder import embed
from align.evaluation.metric import score
from align.formats.beadfile import read_beads


def timed(func: Callable[[], object]) -> tuple[float, object]:
    t0 = time.perf_counter()
    result = func()
    return time.perf_counter() - t0, result


def report(label: str, cold: list[float], warm: list[float]) -> None:
    c, w = statistics.median(cold), statistics.median(warm)
    print(f"{label:<22}{c:>10.3f}{w:>10.3f}{c / w:>10.0f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="runs of each kind (medians are printed)")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    root = data_dir("textberg-dev", "001.de")
    if root is None:
        return 0
    de = [line.strip() for line in (root / "001.de").read_text(encoding="utf-8").splitlines()]
    fr = [line.strip() for line in (root / "001.fr").read_text(encoding="utf-8").splitlines()]
    embed(["Modell laden."], threads=args.threads, cache=None)  # load the model outside the timings

    def embed_both(cache: EmbeddingCache) -> np.ndarray:
        return np.concatenate(
            [embed(de, threads=args.threads, cache=cache), embed(fr, threads=args.threads, cache=cache)]
        )

    print(f"Text+Berg dev, {len(de)} + {len(fr)} sentences; median of {args.repeats} runs")
    print(f"{'':<22}{'cold s':>10}{'warm s':>10}{'ratio':>11}")
    cold, warm = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.repeats):
            folder = Path(tmp) / f"embed{r}"
            seconds, reference = timed(lambda folder=folder: embed_both(EmbeddingCache(folder)))
            cold.append(seconds)
            seconds, again = timed(lambda folder=folder: embed_both(EmbeddingCache(folder)))
            warm.append(seconds)
            assert np.array_equal(reference, again), "warm vectors differ from cold ones"
        size = sum(f.stat().st_size for f in (Path(tmp) / "embed0").iterdir())  # database + write-ahead log
        report("embedding", cold, warm)
        print(f"  cache files {size / 1e6:.1f} MB for {len(set(de + fr))} distinct texts")

        align_texts = load_aligner()
        if align_texts is None:
            print("align/aligner.py is not there yet: align_texts cold vs warm not measured")
            return 0
        gold = read_beads(root / "001.gold")
        cold, warm = [], []
        for r in range(args.repeats):
            options = AlignOptions(
                method="embed", threads=args.threads, cache_dir=str(Path(tmp) / f"align{r}")
            )
            seconds, first = timed(lambda options=options: align_texts(de, fr, "de", "fr", options))
            cold.append(seconds)
            seconds, second = timed(lambda options=options: align_texts(de, fr, "de", "fr", options))
            warm.append(seconds)
            assert first == second, "warm alignment differs from the cold one"
        report("align_texts (embed)", cold, warm)
        s = score([gold], [first])
        print(f"  strict F1 {s.strict.f1:.4f}, lax F1 {s.lax.f1:.4f} against the gold (same cold and warm)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
