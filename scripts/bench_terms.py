"""Term matching quality and speed: our matcher against a naive exact-lowercase baseline, same run.

Quality on a hand-labelled sample (TSV: lang, sentence, concept, surface; one row per term occurrence,
an empty concept marks a sentence without terms). A predicted hit is right when its concept matches
a label and its span is the labelled surface (exact) or overlaps it (overlap: boundaries may differ,
e.g. "Kosovo's" for "Kosovo"); one-to-one. The baseline finds each term's lower-cased spelling
between word boundaries, longest first, without stemming, lemmas or script conversion, which is what
exact-token QA checks do.

Speed: sentences per second, median over --repeats passes over the sample's sentences (warm caches,
the steady state of a long run) and the first pass over NTREX news (cold: every word is new), when
../shared/data is present.

    python scripts/bench_terms.py [--termbase corpora/terms/kosovo.tbx]
        [--sample corpora/terms/sample-labelled.tsv] [--repeats 5] [--errors]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polars as pl
from benchlib import REPO, shared_dir

from align.terms import Termbase, TermMatcher, load_termbase

NTREX_LANGS = ("en", "de", "sr-Cyrl", "sr-Latn", "sq")

Span = tuple[str, int, int]  # concept, start, end
Finder = Callable[[str], list[Span]]


@dataclass
class Counts:
    pred: int = 0
    gold: int = 0
    exact: int = 0
    overlap: int = 0

    def add(self, other: Counts) -> None:
        self.pred += other.pred
        self.gold += other.gold
        self.exact += other.exact
        self.overlap += other.overlap

    def prf(self, hits: int) -> str:
        p = hits / self.pred if self.pred else 0.0
        r = hits / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"P {p:.3f} R {r:.3f} F {f:.3f}"


def read_sample(path: Path) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """lang -> sentence -> [(concept, surface)], in file order; sentences without terms map to []."""
    df = pl.read_csv(path, separator="\t", quote_char=None, infer_schema=False)
    out: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(dict)
    for row in df.iter_rows(named=True):
        labels = out[row["lang"]].setdefault(row["sentence"], [])
        if row["concept"]:
            labels.append((row["concept"], row["surface"]))
    return out


def gold_spans(sentence: str, labels: list[tuple[str, str]]) -> list[Span]:
    """Labels located in the sentence, longest first, each at its first occurrence not yet taken
    (so "barricades" after "road barricades" is the second "barricades")."""
    spans: list[Span] = []
    for concept, surface in sorted(labels, key=lambda lab: -len(lab[1])):
        free = (
            m.start()
            for m in re.finditer(re.escape(surface), sentence)
            if all(m.end() <= s or e <= m.start() for _, s, e in spans)
        )
        start = next(free, None)
        if start is None:
            print(f"  warning: label {surface!r} not found in {sentence!r}")
            spans.append((concept, -1, -1))
        else:
            spans.append((concept, start, start + len(surface)))
    return spans


def score(pred: list[Span], gold: list[Span]) -> Counts:
    counts = Counts(pred=len(pred), gold=len(gold))
    counts.exact = len(set(pred) & set(gold))
    free = list(gold)
    for concept, start, end in sorted(pred, key=lambda s: (s[1], s[2])):
        match = next((g for g in free if g[0] == concept and g[1] < end and start < g[2]), None)
        if match is not None:
            free.remove(match)
            counts.overlap += 1
    return counts


def ours(termbase: Termbase, lang: str) -> Finder:
    matcher = TermMatcher(termbase, lang)
    return lambda text: [(m.hit.concept, m.start, m.end) for m in matcher.find(text)]


def baseline(termbase: Termbase, lang: str) -> Finder:
    terms = sorted(termbase.terms_for(lang), key=lambda ct: -len(ct[1].text))
    patterns = [(c.id, re.compile(rf"(?<!\w){re.escape(t.text.lower())}(?!\w)")) for c, t in terms]

    def find(text: str) -> list[Span]:
        lower = text.lower()
        taken: list[Span] = []
        for concept, pattern in patterns:
            for m in pattern.finditer(lower):
                if all(m.end() <= s or e <= m.start() for _, s, e in taken):
                    taken.append((concept, m.start(), m.end()))
        return sorted(taken, key=lambda s: s[1])

    return find


def quality(termbase: Termbase, sample: dict[str, dict[str, list[tuple[str, str]]]], errors: bool) -> None:
    print(f"{'lang':8} {'sent':>5} {'gold':>5}  {'method':8} {'exact':28} overlap")
    totals = {"ours": Counts(), "baseline": Counts()}
    for lang, sentences in sample.items():
        golds = {s: gold_spans(s, labels) for s, labels in sentences.items()}
        n_gold = sum(len(g) for g in golds.values())
        for name, make in (("ours", ours), ("baseline", baseline)):
            find = make(termbase, lang)
            counts = Counts()
            for sentence, gold in golds.items():
                pred = find(sentence)
                counts.add(score(pred, gold))
                if errors and name == "ours":
                    _show_errors(lang, sentence, pred, gold)
            totals[name].add(counts)
            label = f"{lang:8} {len(sentences):5} {n_gold:5}" if name == "ours" else " " * 20
            print(f"{label}  {name:8} {counts.prf(counts.exact):28} {counts.prf(counts.overlap)}")
    for name, counts in totals.items():
        exact, overlap = counts.prf(counts.exact), counts.prf(counts.overlap)
        print(f"{'all':8} {'':5} {counts.gold:5}  {name:8} {exact:28} {overlap}")


def _show_errors(lang: str, sentence: str, pred: list[Span], gold: list[Span]) -> None:
    missed = [g for g in gold if g not in pred]
    wrong = [p for p in pred if p not in gold]
    if missed or wrong:
        print(f"  [{lang}] {sentence}")
        for concept, s, e in missed:
            print(f"      missed {concept}: {sentence[s:e] if s >= 0 else '?'!r}")
        for concept, s, e in wrong:
            print(f"      extra  {concept}: {sentence[s:e]!r}")


def _rate(find: Finder, sentences: list[str], repeats: int) -> tuple[float, float]:
    """(first pass, median of the following passes) in sentences per second."""
    times = []
    for _ in range(repeats + 1):
        t0 = time.perf_counter()
        for s in sentences:
            find(s)
        times.append(time.perf_counter() - t0)
    return len(sentences) / times[0], len(sentences) / statistics.median(times[1:])


def speed(termbase: Termbase, sample: dict[str, dict[str, list[tuple[str, str]]]], repeats: int) -> None:
    print(f"\nspeed (sentences/s; first pass, then median of {repeats} warm passes)")
    for lang, sentences in sample.items():
        t0 = time.perf_counter()
        find = ours(termbase, lang)
        build = time.perf_counter() - t0
        cold, warm = _rate(find, list(sentences), repeats)
        _, base = _rate(baseline(termbase, lang), list(sentences), repeats)
        print(
            f"{lang:8} build {build * 1000:6.1f} ms  ours {cold:8.0f} / {warm:8.0f}  "
            f"baseline {base:8.0f}  ours/baseline {warm / base:.2f}"
        )
    root = shared_dir()
    shared = root / "data" / "ntrex-dev" if root else None
    if shared is None or not shared.is_dir():
        return
    print("NTREX news, 2 passes (first is cold)")
    for lang in NTREX_LANGS:
        lines = [x for x in (shared / f"{lang}.txt").read_text(encoding="utf-8").splitlines() if x.strip()]
        find = ours(termbase, lang)
        cold, warm = _rate(find, lines, 1)
        hits = sum(len(find(s)) for s in lines)
        _, base = _rate(baseline(termbase, lang), lines, 1)
        print(
            f"{lang:8} {len(lines)} sentences, {hits} hits  ours {cold:8.0f} / {warm:8.0f}  "
            f"baseline {base:8.0f}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--termbase", type=Path, default=REPO / "corpora" / "terms" / "kosovo.tbx")
    ap.add_argument("--sample", type=Path, default=REPO / "corpora" / "terms" / "sample-labelled.tsv")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--errors", action="store_true", help="list our misses and extra hits")
    args = ap.parse_args()
    t0 = time.perf_counter()
    termbase = load_termbase(args.termbase)
    print(f"{args.termbase}: {len(termbase.concepts)} concepts, loaded in {time.perf_counter() - t0:.3f} s")
    sample = read_sample(args.sample)
    quality(termbase, sample, args.errors)
    speed(termbase, sample, args.repeats)


if __name__ == "__main__":
    main()
