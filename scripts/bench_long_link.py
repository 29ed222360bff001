"""The report on one huge link (an alignment gone wrong: N sentences linked to N): time and peak memory.

Each size runs in a fresh process (peak RSS is per process) on NTREX en/de lines (repeated past its 988),
with the embedding cache off. Before the window cap (issue 19) a 2000-2000 link took 121 s and 3.1 GB:
the omission check embedded the side once without each of its 2000 sentences, 2000 texts as long as
the side. Printed: the texts and characters given to the embedder (what grew quadratically), time and
peak memory. ``--stub`` replaces the model by a hash of each text (the check's own cost, not the
model's, which on a loaded machine dominates and varies).

    python scripts/bench_long_link.py [--sizes 250,500,1000,2000] [--stub]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

from benchlib import REPO, data_dir


def one(size: int, stub: bool) -> dict[str, float]:
    import numpy as np

    import align.embedding.encoder
    from align.model import Alignment, Document, DocumentSet, Link, Sentence
    from align.report import ReportOptions, build_report

    given = {"texts": 0, "chars": 0}
    real = align.embedding.encoder.embed

    def counted(texts, **kwargs):
        given["texts"] += len(texts)
        given["chars"] += sum(len(t) for t in texts)
        if not stub:
            return real(texts, **kwargs)
        rows = [
            np.random.default_rng(abs(hash(t))).standard_normal(align.embedding.encoder.DIM) for t in texts
        ]
        vectors = np.array(rows, dtype=np.float32).reshape(len(texts), align.embedding.encoder.DIM)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    align.embedding.encoder.embed = counted

    root = data_dir("ntrex-dev", "en.txt")
    assert root is not None
    docs = {}
    for lang in ("en", "de"):
        lines = (root / f"{lang}.txt").read_text("utf-8").splitlines()
        docs[lang] = Document(lang, [Sentence(lines[i % len(lines)], 0) for i in range(size)])
    link = Link(tuple(range(size)), tuple(range(size)), 0.9)
    docset = DocumentSet("long", docs, [Alignment("en", "de", [link])])
    start = time.perf_counter()
    report = build_report(docset, options=ReportOptions(cache_dir=""))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "peak_mb": peak, "findings": len(report.findings), **given}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="250,500,1000,2000", help="sentences per side, comma-separated")
    parser.add_argument("--stub", action="store_true", help="a hash for the model (the check's own cost)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.stub)))
        return 0
    if data_dir("ntrex-dev", "en.txt") is None:
        return 0
    print(
        f"{'sentences':>10} {'embedded':>9} {'MB embedded':>12} {'seconds':>8} {'peak MB':>8} {'findings':>8}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), *(["--stub"] if args.stub else [])],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},  # this checkout's align, as the parent imports
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{size:>10} {row['texts']:>9} {row['chars'] / 1e6:>12.1f} {row['seconds']:>8.1f} "
            f"{row['peak_mb']:>8.0f} {row['findings']:>8}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
