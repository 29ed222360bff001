"""The ``dropped-word`` check (consensus of versions) on mqm-dev and the labelled sample, per setting.

mqm-dev: each document as one set of its English and ten German translations (tags ``de-x-s0`` …,
the alignments of ``bench_omissions.py``); a dropped-word finding flags its source paragraph in that
translation, scored as ``bench_omissions.py`` scores omissions (right: a rater marked an omission
there; gold: a Major one), counting only paragraphs the default omission checks do not flag
already. Sample: the twenty documents of ``bench_report_precision.py`` (en with de, sr-Cyrl, sq),
findings matched to ``findings.tsv``. Each setting of ``ConsensusChecker.consensus`` and
``rendered`` is scored per mqm-dev fold (bench_omissions' folds) and on the sample.

    python scripts/bench_consensus.py [--features /tmp/mqm-sets.pkl]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections import Counter
from pathlib import Path

from bench_omissions import annotations, docsets, flagged, paragraph, pr, scores
from bench_report import ntrex_set
from bench_report_precision import LABELS, Label, aligned, match, read_tsv, sample_docs
from benchlib import data_dir

from align.model import Alignment, Document, DocumentSet, Finding
from align.report import ReportOptions
from align.report.base import CheckContext, OmissionParams
from align.report.checks.consensus import ConsensusChecker
from align.report.findings import build_links

GRID = {"consensus": (1.0, 0.85, 0.75), "rendered": (0.9, 0.8, 0.7, 0.5)}


def version_sets(sets: dict[tuple[str, str], DocumentSet]) -> dict[str, tuple[DocumentSet, dict[str, str]]]:
    """doc -> (its English and every translation as one set, tag -> system), from the pairwise sets."""
    out = {}
    for doc in sorted({d for _, d in sets}):
        systems = sorted(s for s, d in sets if d == doc)
        docs = {"en": sets[systems[0], doc].docs["en"]}
        alignments, tags = [], {}
        for k, system in enumerate(systems):
            tag = f"de-x-s{k}"
            pair = sets[system, doc]
            docs[tag] = Document(tag, pair.docs["de"].sentences, pair.docs["de"].source)
            alignments.append(Alignment("en", tag, pair.alignments[0].links))
            tags[tag] = system
        out[doc] = (DocumentSet(doc, docs, alignments), tags)
    return out


def dropped(docset: DocumentSet, consensus: float, rendered: float) -> list[Finding]:
    """The set's dropped-word findings at one setting."""
    checker = ConsensusChecker(CheckContext(ReportOptions(), docset), consensus, rendered)
    out = []
    for alignment in docset.alignments:
        links = build_links(docset, alignment, {})
        learnt = checker.learn(links)
        checker.prepare(links, learnt)
        out += [f for link in links for f in checker.check(link, learnt)]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--features", type=Path, help="bench_omissions' aligned pairs (pickle), for re-runs")
    args = parser.parse_args()
    root = data_dir("mqm-dev", "annotations.tsv")
    if root is None or data_dir("ntrex-dev", "docs.tsv") is None:
        return 0
    gold, right = annotations(root)
    sets = docsets(root, args.features)
    base = {key: flagged(ds, OmissionParams()) for key, ds in sets.items()}
    docs = sorted({d for _, d in sets})
    folds = [set(docs[0::2]), set(docs[1::2])]
    combined = version_sets(sets)
    sample = aligned(data_dir("ntrex-dev", "docs.tsv"), sample_docs())
    labels = [Label(r) for r in read_tsv(LABELS / "findings.tsv")]
    for k, fold in enumerate(folds):
        p, r = pr(scores(base, gold, right, fold)["all"])
        print(f"fold {k + 1}, default omission checks: P/R {p:.3f}/{r:.3f}")
    print("consensus rendered | each mqm-dev fold: new paragraphs, right, gold; P/R | sample: findings, real")
    for consensus, rendered in itertools.product(*GRID.values()):
        row = []
        for fold in folds:
            new: set[tuple[str, str, int]] = set()
            for doc in fold:
                docset, tags = combined[doc]
                for f in dropped(docset, consensus, rendered):
                    system = tags[f.pair.removeprefix("en-")]
                    para = paragraph(docset, f.src_ids)
                    if para not in base[system, doc]:
                        new.add((system, doc, para))
            before = scores(base, gold, right, fold)["all"]
            after = [
                before[0] + len(new),
                before[1] + len(new & right),
                before[2],
                before[3] + len(new & gold),
            ]
            p, r = pr(after)
            row.append(f"{len(new):3} {len(new & right):3} {len(new & gold):3}; {p:.3f}/{r:.3f}")
        found = {doc: dropped(ds, consensus, rendered) for doc, ds in sample.items()}
        real = [match(doc, f, labels) for doc, fs in found.items() for f in fs]
        n_real = sum(lab is not None and lab.row["label"] == "real" for lab in real)
        unlabelled = sum(lab is None for lab in real)
        print(
            f"{consensus:9.2f} {rendered:8.2f} | {' | '.join(row)} | {len(real):3} {n_real:3}"
            f"{f' ({unlabelled} unlabelled)' if unlabelled else ''}"
        )
    clean(data_dir("ntrex-dev", "en.txt"))
    return 0


def clean(root: Path) -> None:
    """The default setting's findings on ntrex-dev's 988 lines as one set (1-1 links, professional
    translations: the false-alarm floor) and the time they take."""
    docset = ntrex_set(root, 988)
    started = time.perf_counter()
    found = dropped(docset, ConsensusChecker.consensus, ConsensusChecker.rendered)
    seconds = time.perf_counter() - started
    counts = Counter(f.pair for f in found)
    print(
        f"ntrex-dev, 988 lines as one set, defaults: {len(found)} findings {dict(counts)} ({seconds:.1f} s)"
    )


if __name__ == "__main__":
    sys.exit(main())
