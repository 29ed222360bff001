"""Sentence-segmentation benchmark: boundary precision/recall/F1 and speed, ours vs. sentencex and reldi.

ntrex-dev (one sentence per line, line-parallel) is turned into running text: per document the headline
is a paragraph of its own and the other lines are joined with spaces into paragraphs of 3, 4, 5, 3, ...
lines. A boundary is a sentence start inside a paragraph, counted in non-space characters, so systems
that strip or keep whitespace compare alike. NTREX translators sometimes wrote two sentences on one
line (German most often), so some "false positives" (FP) are real boundaries: read them before tuning.
The bundled corpus (corpora/kosovo-barricades, gold one sentence per line, blank line between
paragraphs) is scored the same way when present. Speed is gold sentences per second of CPU time (median
of the repeats), so other load on a shared machine distorts it less.

    python scripts/bench_segment.py [--repeats 5]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from itertools import cycle
from pathlib import Path

import sentencex
from benchlib import REPO, data_dir
from reldi_tokeniser.tokeniser import generate_tokenizer, sentence_split, tokenize

from align.lang import primary
from align.text.segment import segment, split_sentences

NTREX_LANGS = ["en", "de", "sr-Cyrl", "sr-Latn", "sq"]
CORPUS_LANGS = ["en", "de", "sr", "sq"]
TERMINAL = re.compile(r"[.!?…:;][\"'”“»«’‘)\]]*$")
BLANK = re.compile(r"\n[^\S\n]*\n\s*")

Splitter = Callable[[str], list[str]]


def reldi_splitter(rules: str) -> Splitter:
    tokenizer = generate_tokenizer(rules)

    def split(paragraph: str) -> list[str]:
        text = paragraph.strip()  # reldi's token offsets refer to the stripped paragraph
        out = []
        for sent in sentence_split(tokenize(tokenizer, paragraph), rules):
            words = [tok for tok in sent if not tok[0].isspace()]
            if words:
                out.append(text[words[0][1] : words[-1][2]])
        return out

    return split


def systems(lang: str) -> dict[str, Splitter]:
    code = primary(lang)
    found: dict[str, Splitter] = {
        "ours": lambda p: split_sentences(p, lang),
        "sentencex": lambda p: [s.strip() for s in sentencex.segment(code, p) if s.strip()],
    }
    if code in ("sr", "sq"):  # reldi has no Albanian: its Serbian rules are the nearest it offers
        found["reldi(sr)"] = reldi_splitter("sr")
    return found


def nonspace(text: str) -> int:
    return sum(not c.isspace() for c in text)


def starts(sentences: list[str]) -> set[int]:
    """Sentence starts after the first, as counts of non-space characters before them."""
    out, pos = set(), 0
    for s in sentences[:-1]:
        pos += nonspace(s)
        out.add(pos)
    return out


def ntrex_paragraphs(data: Path, lang: str) -> list[list[str]]:
    lines = (data / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    paragraphs = []
    for row in (data / "docs.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        _, begin, end = row.split("\t")
        doc = lines[int(begin) : int(end)]
        paragraphs.append(doc[:1])
        sizes, i = cycle([3, 4, 5]), 1
        while i < len(doc):
            n = next(sizes)
            paragraphs.append(doc[i : i + n])
            i += n
    return paragraphs


def score(gold: list[set[int]], pred: list[set[int]]) -> tuple[float, float, float, int]:
    tp = sum(len(g & p) for g, p in zip(gold, pred, strict=True))
    n_pred, n_gold = sum(map(len, pred)), sum(map(len, gold))
    prec = tp / n_pred if n_pred else 1.0
    rec = tp / n_gold if n_gold else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1, n_pred - tp


def timed(split: Splitter, paragraphs: list[str], repeats: int) -> tuple[list[list[str]], float]:
    times = []
    for _ in range(repeats):
        t0 = time.process_time()
        out = [split(p) for p in paragraphs]
        times.append(time.process_time() - t0)
    return out, statistics.median(times)


def report(title: str, lang: str, gold_sents: list[list[str]], paragraphs: list[str], repeats: int) -> None:
    gold = [starts(g) for g in gold_sents]
    n_sents = sum(map(len, gold_sents))
    unreachable = sum(not TERMINAL.search(s) for g in gold_sents for s in g[:-1])
    n_bounds = sum(map(len, gold))
    print(f"\n{title} {lang}: {len(paragraphs)} paragraphs, {n_sents} sentences, {n_bounds} boundaries")
    print(f"  ({unreachable} boundaries follow a line without final punctuation: no segmenter can find them)")
    print(f"  {'system':<11} {'P':>6} {'R':>6} {'F1':>6} {'FP':>4} {'sent/s':>9} {'speed':>6}")
    base_rate = None
    for name, split in systems(lang).items():
        out, secs = timed(split, paragraphs, repeats)
        prec, rec, f1, fp = score(gold, [starts(o) for o in out])
        rate = n_sents / secs
        base_rate = base_rate or rate
        print(f"  {name:<11} {prec:6.3f} {rec:6.3f} {f1:6.3f} {fp:4d} {rate:9.0f} {rate / base_rate:5.2f}x")


def corpus_gold(path: Path) -> list[list[str]]:
    return [block.splitlines() for block in BLANK.split(path.read_text(encoding="utf-8").strip())]


def bench_corpus(root: Path, repeats: int) -> None:
    if not root.is_dir():
        print(f"\n{root}: absent, skipped")
        return
    for lang in CORPUS_LANGS:
        text_path, gold_path = root / f"{lang}.txt", root / "gold" / f"{lang}.sents"
        if not (text_path.is_file() and gold_path.is_file()):
            print(f"\n{root.name} {lang}: {text_path.name} or gold/{gold_path.name} absent, skipped")
            continue
        text = text_path.read_text(encoding="utf-8-sig")
        gold = corpus_gold(gold_path)
        paragraphs = [p for p in BLANK.split(text.strip()) if p.strip()]
        ours = segment(text, lang)
        if len(paragraphs) != len(gold) or {s.para for s in ours} != set(range(len(gold))):
            print(
                f"\n{root.name} {lang}: paragraphs differ from gold ({len(paragraphs)}, {len(gold)}): skipped"
            )
            continue
        report(root.name, lang, gold, paragraphs, repeats)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    data = data_dir("ntrex-dev", "docs.tsv")
    if data is None:
        return 0
    print(f"segmentation benchmark: CPU time, median of {args.repeats} runs; speed relative to ours")
    for lang in NTREX_LANGS:
        groups = ntrex_paragraphs(data, lang)
        report("ntrex-dev", lang, groups, [" ".join(g) for g in groups], args.repeats)
    bench_corpus(REPO / "corpora" / "kosovo-barricades", args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
