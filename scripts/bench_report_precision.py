"""Report precision on a labelled sample of professional translations (ntrex-dev, no glossary).

The sample (corpora/labels/report-precision/, its README gives the rule) is twenty news documents of
the second half of ntrex-dev's ``docs.tsv`` (the first half is what the word-prior learner reads);
``--heldout``: the eleven other documents of that half, labelled later for precision only;
``--pairs``: each translation aligned and reported alone with the English (as a user with one
translation runs it: no third version attests a spelling or judges a partial omission).
Each document is rebuilt from ``shared/data/ntrex-dev`` as an article (headline alone, then
paragraphs of three lines, read by align's own segmenter), aligned en with de, sr-Cyrl and sq, and
reported without a glossary. Every finding is matched against ``findings.tsv`` (doc, pair, kind,
sentence ids, spans); precision = real / labelled, per kind and in total. Findings without a label
are printed as "unlabelled" (label them with ``blind`` = no). Recall: of the real divergences
(findings labelled real plus those noted in ``missed.tsv``), the share that a finding of an accepted
kind touches (any of its sentences).

    python scripts/bench_report_precision.py [--show] [--docs ID,ID | --heldout] [--pairs] [--also rendering]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchlib import REPO, data_dir

from align.aligner.pipeline import align_set
from align.config import AlignOptions
from align.model import DocumentSet, Finding
from align.report import ReportOptions, build_report
from align.report.checks import default_kinds

LABELS = REPO / "corpora" / "labels" / "report-precision"
LANGS = ("en", "de", "sr-Cyrl", "sq")
PARAGRAPH = 3  # lines per paragraph after the headline


def sample_docs(name: str = "docs") -> list[str]:
    return (LABELS / f"{name}.txt").read_text("utf-8").split()


def article(lines: list[str]) -> str:
    """The headline as its own paragraph, then paragraphs of PARAGRAPH lines."""
    paras = [lines[0]] + [" ".join(lines[i : i + PARAGRAPH]) for i in range(1, len(lines), PARAGRAPH)]
    return "\n\n".join(paras) + "\n"


def ranges(root: Path) -> dict[str, tuple[int, int]]:
    rows = (root / "docs.tsv").read_text("utf-8").splitlines()[1:]
    return {doc: (int(start), int(end)) for doc, start, end in (row.split("\t") for row in rows if row)}


def aligned(root: Path, docs: list[str]) -> dict[str, DocumentSet]:
    """doc -> its four versions rebuilt as articles and aligned (en pivot, ``align run`` defaults)."""
    return {doc: sets[0] for doc, sets in aligned_groups(root, docs, [LANGS]).items()}


def aligned_groups(
    root: Path, docs: list[str], groups: list[tuple[str, ...]]
) -> dict[str, list[DocumentSet]]:
    """doc -> one set per group of its versions (each rebuilt as an article), aligned as
    :func:`aligned` does."""
    lines = {lang: (root / f"{lang}.txt").read_text("utf-8").splitlines() for lang in LANGS}
    spans = ranges(root)
    out: dict[str, list[DocumentSet]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for doc in docs:
            start, end = spans[doc]
            paths = {}
            for lang in LANGS:
                path = Path(tmp) / doc / f"{lang}.txt"
                path.parent.mkdir(exist_ok=True)
                path.write_text(article(lines[lang][start:end]), "utf-8")
                paths[lang] = path
            out[doc] = [
                align_set([(lang, paths[lang]) for lang in group], set_id=doc, options=AlignOptions())
                for group in groups
            ]
    return out


def run(
    root: Path, docs: list[str], also: frozenset[str] = frozenset(), pairs: bool = False
) -> dict[str, list[Finding]]:
    """doc -> findings of its report (no glossary; the default kinds and ``also``)."""
    options = ReportOptions(kinds=default_kinds() | also)
    groups = [(LANGS[0], lang) for lang in LANGS[1:]] if pairs else [LANGS]
    return {
        doc: [f for ds in sets for f in build_report(ds, options=options).findings]
        for doc, sets in aligned_groups(root, docs, groups).items()
    }


def spans_text(spans: tuple[tuple[int, int], ...]) -> str:
    return " ".join(f"{a}-{b}" for a, b in spans)


def key(doc: str, f: Finding) -> tuple[str, ...]:
    return (doc, f.pair, f.kind, " ".join(f.src_ids), " ".join(f.tgt_ids))


@dataclass
class Label:
    row: dict[str, str]

    @property
    def key(self) -> tuple[str, ...]:
        r = self.row
        return (r["doc"], r["pair"], r["kind"], r["src_ids"], r["tgt_ids"])

    @property
    def spans(self) -> tuple[str, str]:
        return self.row["src_spans"], self.row["tgt_spans"]


def read_tsv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def match(doc: str, f: Finding, labels: list[Label]) -> Label | None:
    """The label of ``f``: same key and spans, else the only label of that key."""
    same = [lab for lab in labels if lab.key == key(doc, f)]
    exact = [lab for lab in same if lab.spans == (spans_text(f.src_spans), spans_text(f.tgt_spans))]
    if exact:
        return exact[0]
    return same[0] if len(same) == 1 else None


def show(doc: str, f: Finding) -> str:
    def marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
        for a, b in sorted(spans, reverse=True):
            text = f"{text[:a]}[[{text[a:b]}]]{text[b:]}"
        return text

    return (
        f"{doc}\t{f.pair}\t{f.kind}\t{' '.join(f.src_ids)}\t{' '.join(f.tgt_ids)}\t"
        f"{spans_text(f.src_spans)}\t{spans_text(f.tgt_spans)}\n"
        f"    {f.severity}: {f.detail}\n    L: {marked(f.src_text, f.src_spans)}\n"
        f"    R: {marked(f.tgt_text, f.tgt_spans)}"
    )


Tally = Counter[tuple[str, ...]]


def tally(
    findings: dict[str, list[Finding]],
    labels: list[Label],
    show_all: bool,
    group: Callable[[Finding], tuple[str, ...]],
) -> tuple[Tally, Tally, list[tuple[str, Finding]]]:
    """(real, labelled) findings per ``group`` key, and the findings without a label."""
    real, total, unlabelled = Tally(), Tally(), []
    for doc, found in findings.items():
        for f in found:
            if show_all:
                print(show(doc, f))
            label = match(doc, f, labels)
            if label is None:
                unlabelled.append((doc, f))
                continue
            total[group(f)] += 1
            real[group(f)] += label.row["label"] == "real"
    return real, total, unlabelled


def precision_table(real: Tally, total: Tally, columns: tuple[tuple[str, int], ...]) -> None:
    """Labelled, real and precision per key (``columns``: each key part's heading and width)."""
    print(" ".join(f"{h:{w}}" for h, w in columns), f"{'labelled':>8} {'real':>5} {'precision':>9}")
    for key in sorted(total):
        cells = " ".join(f"{k:{w}}" for k, (_, w) in zip(key, columns, strict=True))
        print(cells, f"{total[key]:8} {real[key]:5} {real[key] / total[key]:9.2f}")
    n, r = sum(total.values()), sum(real.values())
    first = " ".join(f"{k:{w}}" for k, (_, w) in zip(("total", *[""] * len(columns)), columns, strict=False))
    print(first, f"{n:8} {r:5} {r / n if n else 0:9.2f}")


def print_unlabelled(unlabelled: list[tuple[str, Finding]]) -> None:
    if unlabelled:
        print(f"\nunlabelled ({len(unlabelled)}):")
        for doc, f in unlabelled:
            print(show(doc, f))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print every finding with its text")
    parser.add_argument("--docs", help="comma-separated doc ids [default: the sample]")
    parser.add_argument(
        "--heldout", action="store_true", help="the held-out documents (heldout.txt: precision only)"
    )
    parser.add_argument("--pairs", action="store_true", help="each translation alone with the English")
    parser.add_argument("--also", help="opt-in kinds to report too, comma-separated (rendering)")
    args = parser.parse_args()
    root = data_dir("ntrex-dev", "docs.tsv")
    if root is None:
        return 0
    docs = args.docs.split(",") if args.docs else sample_docs("heldout" if args.heldout else "docs")
    started = time.perf_counter()
    findings = run(root, docs, frozenset(args.also.split(",")) if args.also else frozenset(), args.pairs)
    elapsed = time.perf_counter() - started
    labels = [Label(r) for r in read_tsv(LABELS / "findings.tsv")]
    missed = read_tsv(LABELS / "missed.tsv")

    real, total, unlabelled = tally(findings, labels, args.show, lambda f: (f.kind,))
    print(f"{len(docs)} documents, {sum(map(len, findings.values()))} findings ({elapsed:.1f} s)")
    precision_table(real, total, (("kind", 18),))

    # recall: every real divergence noted, found when a finding of an accepted kind touches its sentences
    # (a noted one that a finding labelled real later caught counts once)
    divergences = [
        (r["doc"], r["pair"], {r["kind"]}, set(f"{r['src_ids']} {r['tgt_ids']}".split()))
        for r in (lab.row for lab in labels)
        if r["label"] == "real"
    ]
    for m in missed:
        noted = (m["doc"], m["pair"], set(m["kinds"].split(",")), set(m["ids"].split()))
        if not any(d[:2] == noted[:2] and d[2] <= noted[2] and d[3] & noted[3] for d in divergences):
            divergences.append(noted)
    divergences = [d for d in divergences if d[0] in findings]
    hit = sum(
        any(f.pair == pair and f.kind in kinds and ids & set(f.src_ids + f.tgt_ids) for f in findings[doc])
        for doc, pair, kinds, ids in divergences
    )
    share = hit / max(len(divergences), 1)
    if args.heldout:
        print("recall: not measured (the held-out documents were not read for missed divergences)")
    else:
        print(f"recall of the real divergences noted: {hit}/{len(divergences)} = {share:.2f}")
    print_unlabelled(unlabelled)
    return 0


if __name__ == "__main__":
    sys.exit(main())
