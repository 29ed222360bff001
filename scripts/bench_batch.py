"""Throughput of ``align batch`` on document sets built from ntrex-dev (en + de + sr + sq).

Builds ``--sets`` sets in a temporary folder (each set is one ntrex document's lines joined into
paragraphs of three lines per language, Serbian from sr-Cyrl; past the 62 documents, halves of the
longest documents), then runs the real command line in a subprocess,
as a user would, for each configuration: ``--jobs 1`` and ``--jobs 2`` with a cold (empty) and a warm
(filled by the cold run) embedding cache, and the Dask LocalCluster engine. Prints wall time, sets/min,
sentences/s, the peak memory of each worker process (from summary.parquet) and the speed-ups as
ratios within this run. Medians over ``--repeats``.

    python scripts/bench_batch.py --sets 100 --method embed
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl
from benchlib import data_dir

LANGS = {"en": "en.txt", "de": "de.txt", "sr": "sr-Cyrl.txt", "sq": "sq.txt"}
RUNS = ("cold-j1", "warm-j1", "cold-j2", "warm-j2", "cold-dask", "warm-dask")


def build_sets(data: Path, n: int, folder: Path) -> Path:
    lines = {lang: (data / name).read_text(encoding="utf-8").splitlines() for lang, name in LANGS.items()}
    docs = pl.read_csv(data / "docs.tsv", separator="\t").rows()
    spans = [(start, end) for _, start, end in docs]
    longest = sorted(spans, key=lambda span: span[0] - span[1])
    for k in range(max(0, n - len(spans))):  # then halves of the longest documents
        start, end = longest[(k // 2) % len(longest)]
        mid = (start + end) // 2
        spans.append((start, mid) if k % 2 == 0 else (mid, end))
    rows = ["id," + ",".join(LANGS)]
    for i, (start, end) in enumerate(spans[:n]):
        set_id = f"set{i:03d}"
        names = []
        for lang in LANGS:
            chunk = lines[lang][start:end]
            paras = ["\n".join(chunk[j : j + 3]) for j in range(0, len(chunk), 3)]
            name = f"{set_id}.{lang}.txt"
            (folder / name).write_text("\n\n".join(paras) + "\n", encoding="utf-8")
            names.append(name)
        rows.append(f"{set_id}," + ",".join(names))
    manifest = folder / "manifest.csv"
    manifest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return manifest


def run_batch(manifest: Path, out: Path, cache: Path, method: str, extra: list[str]) -> dict:
    cmd = [sys.executable, "-c", "from align.cli import main; main()", "-q", "batch", str(manifest)]
    cmd += ["--out", str(out), "--method", method, "--cache-dir", str(cache), *extra]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 3):
        raise SystemExit(f"batch failed ({proc.returncode}): {proc.stderr.strip()}")
    df = pl.read_parquet(out / "summary.parquet")
    done = df.filter(pl.col("status") == "done")
    sentences = int(done.select(pl.sum_horizontal(pl.col("^sentences_.*$"))).to_series().sum())
    return {
        "wall": wall,
        "done": done.height,
        "failed": df.height - done.height,
        "sentences": sentences,
        "peak_mb": float(done["peak_rss_mb"].max() or 0.0),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", type=int, default=100)
    ap.add_argument("--method", choices=["embed", "fast"], default="embed")
    ap.add_argument("--repeats", type=int, default=1, help="Runs per configuration (median reported).")
    ap.add_argument("--runs", default=",".join(RUNS), help=f"Subset of {','.join(RUNS)}.")
    args = ap.parse_args()
    data = data_dir("ntrex-dev", "docs.tsv")
    if data is None:
        return
    runs = [r for r in args.runs.split(",") if r]
    unknown = set(runs) - set(RUNS)
    if unknown:
        raise SystemExit(f"unknown runs: {', '.join(sorted(unknown))}")
    try:
        import distributed  # noqa: F401
    except ImportError:
        runs = [r for r in runs if "dask" not in r]
        print("dask not installed: Dask runs skipped (pip install 'align[dask]')")

    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        root = Path(tmp)
        (root / "corpus").mkdir()
        manifest = build_sets(data, args.sets, root / "corpus")
        engines = {"j1": ["--jobs", "1"], "j2": ["--jobs", "2"], "dask": ["--engine", "dask", "--jobs", "2"]}
        results: dict[str, dict] = {}
        for name in runs:
            temp, engine = name.split("-")
            walls, last = [], {}
            for r in range(args.repeats):
                cache = root / f"cache-{engine}-{r}"  # a cold run starts empty; warm reuses the cold run's
                if temp == "warm" and f"cold-{engine}" not in runs:
                    run_batch(manifest, root / f"fill-{engine}-{r}", cache, args.method, engines[engine])
                last = run_batch(manifest, root / f"out-{name}-{r}", cache, args.method, engines[engine])
                walls.append(last["wall"])
            last["wall"] = statistics.median(walls)
            results[name] = last

    print(
        f"align batch on {args.sets} ntrex-dev sets (en, de, sr, sq), method {args.method}, "
        f"median of {args.repeats}, {os.cpu_count()} cores"
    )
    row = "{:<10} {:>8} {:>9} {:>8} {:>15} {:>5} {:>6}"
    print(row.format("run", "wall s", "sets/min", "sent/s", "peak MB/worker", "done", "failed"))
    for name, r in results.items():
        rates = (f"{r['wall']:.1f}", f"{60 * r['done'] / r['wall']:.1f}", f"{r['sentences'] / r['wall']:.1f}")
        print(row.format(name, *rates, f"{r['peak_mb']:.0f}", r["done"], r["failed"]))
    for a, b, label in [
        ("cold-j1", "cold-j2", "speed-up jobs 1 -> 2, cold cache"),
        ("warm-j1", "warm-j2", "speed-up jobs 1 -> 2, warm cache"),
        ("cold-j1", "warm-j1", "speed-up cold -> warm cache, jobs 1"),
        ("cold-j2", "cold-dask", "Dask LocalCluster vs local pool, 2 workers, cold"),
    ]:
        if a in results and b in results:
            print(f"{label}: {results[a]['wall'] / results[b]['wall']:.2f}x")


if __name__ == "__main__":
    main()
