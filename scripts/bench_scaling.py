"""Scaling benchmark: alignment time and peak memory at 1k, 4k, 16k and 64k sentences a side.

Long English–German documents are built from NTREX: every round takes all documents in a seeded order,
each perturbed with its own seed (joins, splits, drops, inserts: see ``align.evaluation.perturb``),
so the path
is not a plain diagonal, and rounds are concatenated up to the size. Each (method, size) runs in a fresh
subprocess, which reports its wall time and peak RSS (``ru_maxrss``); times and memory are printed
with their ratio to the smallest size, beside the size ratio (linear scaling: the two agree). The fast
method runs at every size; the embed method (embeddings precomputed once into the on-disk cache, then
read from it: reported apart from the search) at ``--embed-sizes`` only, since embedding runs at
~25 sentences/s.

    python scripts/bench_scaling.py [--sizes 1000,4000,16000,64000] [--embed-sizes 1000,4000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time

from bench_ntrex import Ntrex, load_aligner, load_ntrex, perturbed_doc
from benchlib import data_dir, shared_dir

from align.config import AlignOptions
from align.embedding.cache import open_cache
from align.embedding.encoder import embed
from align.evaluation.metric import score
from align.model import Link

MEMORY_LIMIT_MB = 2048


def build(data: Ntrex, size: int, seed: str) -> tuple[list[str], list[str], list[Link]]:
    """English and perturbed German lines (``size`` English ones) and the gold alignment."""
    src: list[str] = []
    tgt: list[str] = []
    gold: list[Link] = []
    rnd = 0
    while len(src) < size:
        order = list(data.docs)
        random.Random(f"{seed}:{rnd}").shuffle(order)
        for doc_id, start, end in order:
            take = min(end - start, size - len(src))
            if take <= 0:
                break
            s, t, g = perturbed_doc(data, "de", (doc_id, start, start + take), f"{seed}:{rnd}:{doc_id}")
            gold += [
                Link(tuple(i + len(src) for i in b.src), tuple(j + len(tgt) for j in b.tgt), status="manual")
                for b in g
            ]
            src += s
            tgt += t
        rnd += 1
    return src, tgt, gold


def child(args: argparse.Namespace) -> None:
    """One measurement in this (fresh) process; prints one JSON line."""
    align_texts = load_aligner()
    assert align_texts is not None
    data = load_ntrex(shared_dir() / "data" / "ntrex-dev", ["en", "de"])
    src, tgt, gold = build(data, args.size, args.seed)
    options = AlignOptions(method=args.method, threads=args.threads, cache_dir=args.cache_dir)
    embed_s, src_emb, tgt_emb = 0.0, None, None
    if args.method == "embed":
        cache = open_cache(options.cache_dir)
        t0 = time.perf_counter()
        src_emb = embed(src, threads=args.threads, cache=cache)
        tgt_emb = embed(tgt, threads=args.threads, cache=cache)
        embed_s = time.perf_counter() - t0
    before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    links = align_texts(src, tgt, "en", "de", options, src_emb=src_emb, tgt_emb=tgt_emb)
    search_s = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {
        "src": len(src),
        "tgt": len(tgt),
        "embed_s": embed_s,
        "search_s": search_s,
        "before_mb": before_kb / 1024,
        "peak_mb": peak_kb / 1024,
        "strict_f1": score([gold], [links]).strict.f1,
    }
    print(json.dumps(result))


def measure(method: str, size: int, args: argparse.Namespace) -> dict[str, float]:
    """Medians over ``--repeats`` fresh subprocesses."""
    command = [
        sys.executable,
        __file__,
        "--child",
        "--method",
        method,
        "--size",
        str(size),
        "--seed",
        args.seed,
    ]
    command += ["--threads", str(args.threads)]
    if args.cache_dir is not None:
        command += ["--cache-dir", args.cache_dir]
    runs = []
    for _ in range(args.repeats):
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"{method} at {size} failed:\n{done.stderr}")
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def warm_cache(data: Ntrex, sizes: list[int], args: argparse.Namespace) -> None:
    cache = open_cache(args.cache_dir)
    texts: list[str] = []
    for size in sizes:
        src, tgt, _ = build(data, size, args.seed)
        texts += src + tgt
    texts = list(dict.fromkeys(texts))
    t0 = time.perf_counter()

    def progress(done: int, todo: int) -> None:
        print(f"\r  embedding into the cache: {done}/{todo} new texts", end="", file=sys.stderr, flush=True)

    embed(texts, threads=args.threads, cache=cache, progress=progress)
    print(f"  {len(texts)} distinct texts embedded or found in the cache in {time.perf_counter() - t0:.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes", default="1000,4000,16000,64000", help="fast method sizes (sentences a side)"
    )
    parser.add_argument("--embed-sizes", default="1000,4000", help="embed method sizes ('' = skip)")
    parser.add_argument("--repeats", type=int, default=3, help="fresh processes per size (medians printed)")
    parser.add_argument("--seed", default="0")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--cache-dir", default=None, help="embedding cache [default location]")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--method", default="fast", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, default=1000, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return 0

    root = data_dir("ntrex-dev", "docs.tsv")
    if root is None:
        return 0
    if load_aligner() is None:
        print("align/aligner.py is not there yet: nothing to benchmark")
        return 0
    plan = [
        ("fast", [int(s) for s in args.sizes.split(",") if s.strip()]),
        ("embed", [int(s) for s in args.embed_sizes.split(",") if s.strip()]),
    ]
    print(f"scaling benchmark, English-German (perturbed NTREX rounds); median of {args.repeats} processes")
    if plan[1][1]:
        if args.cache_dir == "":
            raise SystemExit("the embed method needs the cache: drop --cache-dir ''")
        warm_cache(load_ntrex(root, ["en", "de"]), plan[1][1], args)
    titles = ("src", "tgt", "embed s", "search s", "s/1k", "size x", "time x", "peak MB", "align MB", "MB/1k")
    print(f"{'method':<7}" + "".join(f"{t:>9}" for t in titles) + f"{'str F1':>8}{'sent/s':>9}")
    over = []
    for method, sizes in plan:
        base: dict[str, float] | None = None
        for size in sizes:
            r = measure(method, size, args)
            base = base or r
            grown = r["peak_mb"] - r["before_mb"]
            cells = [
                f"{r['src']:.0f}",
                f"{r['tgt']:.0f}",
                f"{r['embed_s']:.2f}",
                f"{r['search_s']:.2f}",
                f"{r['search_s'] / (r['src'] / 1000):.3f}",
                f"{r['src'] / base['src']:.1f}",
                f"{r['search_s'] / base['search_s']:.1f}",
                f"{r['peak_mb']:.0f}",
                f"{grown:.0f}",
                f"{grown / (r['src'] / 1000):.1f}",
            ]
            print(
                f"{method:<7}"
                + "".join(f"{c:>9}" for c in cells)
                + f"{r['strict_f1']:>8.4f}{r['src'] / r['search_s']:>9.0f}",
                flush=True,
            )
            if r["peak_mb"] > MEMORY_LIMIT_MB:
                over.append(f"{method} at {size}: {r['peak_mb']:.0f} MB")
    print("columns: s/1k = search seconds per 1000 source sentences; x = ratio to the smallest size;")
    print("  align MB = growth of peak RSS during alignment (0 when below the peak of reading and imports),")
    print("  MB/1k = align MB per 1000 source sentences; sent/s = source sentences aligned per second")
    print(
        f"peak RSS under {MEMORY_LIMIT_MB} MB at every size"
        if not over
        else f"over {MEMORY_LIMIT_MB} MB: {over}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
