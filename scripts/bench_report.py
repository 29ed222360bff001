"""Divergence report speed and noise on ntrex-dev: en, de, sr-Cyrl and sq, one link per line.

The four versions (988 lines each, line-parallel) are written as one aligned TEI file (1-1 links, the
gold of line-parallel data), then timed as ``align report`` runs them: reading the TEI (the baseline),
matching the termbase, the term renderings, each checker, the whole report (read included) and each
output format. Times
are medians over ``--repeats`` runs after a warm-up run (simplemma's dictionaries load on first use);
ratios are against the TEI read of the same run.

NTREX is professional translation of the same news, so its findings are the report's noise floor on
clean data (false alarms and real slips of the translators, such as "two-foot" / "два метра"): the
counts per kind and pair are printed too.

    python scripts/bench_report.py [--repeats 3] [--lines 988] [--termbase corpora/terms/kosovo.tbx]
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

from benchlib import REPO, data_dir, median_time

from align import tei
from align.model import Alignment, Document, DocumentSet, Link, Sentence
from align.report import ReportOptions, build_report, render
from align.report.checks import checkers
from align.report.findings import build_links, match_terms
from align.report.renderings import set_renderings
from align.terms import load_termbase

LANGS = ("en", "de", "sr-Cyrl", "sq")
FORMATS = ("html", "md", "json", "csv")


def ntrex_set(root: Path, lines: int) -> DocumentSet:
    docs = {
        lang: Document(
            lang, [Sentence(t, 0) for t in (root / f"{lang}.txt").read_text("utf-8").splitlines()[:lines]]
        )
        for lang in LANGS
    }
    n = len(docs["en"].sentences)
    links = [Link((i,), (i,), 0.9) for i in range(n)]
    return DocumentSet("ntrex-dev", docs, [Alignment("en", lang, links) for lang in LANGS[1:]])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="runs of each stage (medians are printed)")
    parser.add_argument("--lines", type=int, default=988, help="lines of each version")
    parser.add_argument("--termbase", type=Path, default=REPO / "corpora" / "terms" / "kosovo.tbx")
    args = parser.parse_args()

    root = data_dir("ntrex-dev", "en.txt")
    if root is None:
        return 0
    termbase = load_termbase(args.termbase)
    docset = ntrex_set(root, args.lines)
    links = sum(len(a.links) for a in docset.alignments)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ntrex.tei.xml"
        tei.write(docset, path, timestamp=False)
        report = build_report(tei.read(path), termbase=termbase)  # warm-up: dictionaries, caches

        read = median_time(lambda: tei.read(path), args.repeats)
        whole = median_time(lambda: build_report(tei.read(path), termbase=termbase), args.repeats)
    sentences = len(docset.docs["en"].sentences)
    print(
        f"ntrex-dev: {len(docset.docs)} versions x {sentences} sentences, {links} links, "
        f"termbase {args.termbase.name}; medians of {args.repeats} runs (warm)"
    )
    print(f"{'stage':<28}{'seconds':>10}{'x read':>10}")
    print(f"{'read TEI (baseline)':<28}{read:>10.3f}{1:>10.1f}")

    terms = match_terms(docset, termbase, LANGS)
    stages = [
        ("match terms", lambda: match_terms(docset, termbase, LANGS)),
        ("renderings", lambda: set_renderings(docset, ReportOptions().renderings)),
    ]
    all_links = [link for a in docset.alignments for link in build_links(docset, a, terms)]
    labels = {c.id: c.label or c.id for c in termbase.concepts}

    def check(i: int) -> None:
        checker = checkers(ReportOptions(), labels, docset)[i]  # new, as each report makes them
        for link in all_links:
            list(checker.check(link))

    for i, checker in enumerate(checkers(ReportOptions(), labels, docset)):
        stages.append((f"check {', '.join(checker.kinds)}", lambda i=i: check(i)))
    stages += [(f"render {fmt}", lambda f=fmt: render(report, f)) for fmt in FORMATS]
    for name, func in stages:
        seconds = median_time(func, args.repeats)
        print(f"{name[:27]:<28}{seconds:>10.3f}{seconds / read:>10.1f}")
    print(f"{'read + report (as the CLI)':<28}{whole:>10.3f}{whole / read:>10.1f}")
    print(f"  {links / whole:.0f} links/s")

    pairs = [a.pair for a in report.alignments]
    counts = Counter((f.kind, f.pair) for f in report.findings)
    print(f"\nfindings per kind ({len(report.findings)} in all; high/medium/low severity in brackets)")
    print(f"{'kind':<16}" + "".join(f"{p:>14}" for p in pairs) + f"{'total':>8}")
    for kind in dict.fromkeys(f.kind for f in report.findings):
        row = "".join(f"{counts[kind, p]:>14}" for p in pairs)
        severity = Counter(f.severity for f in report.findings if f.kind == kind)
        split = "/".join(str(severity[s]) for s in ("high", "medium", "low"))
        print(f"{kind:<16}{row}{sum(counts[kind, p] for p in pairs):>8}  [{split}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
