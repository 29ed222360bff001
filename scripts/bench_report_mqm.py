"""Report precision on machine and human translations nobody here wrote checks against: mqm-dev.

mqm-dev (WMT23 en-de: fifteen English news documents, each with ten German translations, nine MT
systems and the human ``refA``) is what ``bench_omissions.py`` scores the omission kinds on. Here the
other default kinds (numbers, names, the link checks) are reported on it as a user with ten
translations would run it (one set per document, ``bench_consensus.version_sets``), and each finding is
matched against ``corpora/labels/report-precision/mqm.tsv`` (labelled by the rule of that folder's
README; ``pair`` is ``en-SYSTEM``). Precision = real / labelled, per kind, for refA and the MT systems
apart. Findings without a label are printed (label them with ``blind`` = no).

    python scripts/bench_report_mqm.py [--show] [--features /tmp/mqm_pairs.pkl]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from bench_consensus import version_sets
from bench_omissions import docsets
from bench_report_precision import LABELS, Label, precision_table, print_unlabelled, read_tsv, tally
from benchlib import data_dir

from align.model import Finding
from align.report import ReportOptions, build_report
from align.report.checks import default_kinds
from align.report.checks.omissions import OMISSION_KINDS


def run(root: Path, features: Path | None) -> dict[str, list[Finding]]:
    """doc -> findings of its set, each pair named ``en-SYSTEM`` (the omission kinds left out)."""
    kinds = default_kinds() - OMISSION_KINDS - {"addition"}
    out: dict[str, list[Finding]] = {}
    for doc, (docset, tags) in version_sets(docsets(root, features)).items():
        found = build_report(docset, options=ReportOptions(kinds=kinds)).findings
        out[doc] = [replace(f, pair=f"en-{tags[f.pair.split('-', 1)[1]]}") for f in found]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print every finding with its text")
    parser.add_argument("--features", type=Path, help="pickle of the aligned pairs (made when absent)")
    args = parser.parse_args()
    root = data_dir("mqm-dev", "annotations.tsv")
    if root is None:
        return 0
    findings = run(root, args.features)
    labels = [Label(r) for r in read_tsv(LABELS / "mqm.tsv")]
    real, total, unlabelled = tally(
        findings, labels, args.show, lambda f: ("refA" if f.pair == "en-refA" else "MT", f.kind)
    )
    print(f"{len(findings)} sets of 11 versions, {sum(map(len, findings.values()))} findings")
    precision_table(real, total, (("translations", 12), ("kind", 16)))
    print_unlabelled(unlabelled)
    return 0


if __name__ == "__main__":
    sys.exit(main())
