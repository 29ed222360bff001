"""Omission findings against professional raters on mqm-dev (WMT23 en-de, MQM annotations).

Each ``en.txt`` is aligned with each of its ten translations (nine MT systems and the human ``refA``),
the report runs on the pair, and its omission-kind findings (``omission``, ``partial-omission``) are
mapped to the source paragraph of their left sentences. Paragraph-level scores, per system and overall:

* gold: a rater marked a Major ``Accuracy/Omission`` in that paragraph of that translation;
* a flagged paragraph is right when any rater marked any omission there (Major or Minor);
* precision = right flagged / flagged, recall = gold flagged / gold.

The baseline is today's report before partial and merged omissions: ``omission`` findings of links
with no right side (1-0 links) only. Parameters are set per fold of documents (two folds, alternate
documents in name order; ``--sweep``) and the scores of each fold's choice are reported on the other
fold: see scripts/README.md.

    python scripts/bench_omissions.py [--sweep] [--features /tmp/omit.pkl]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import pickle
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from benchlib import data_dir

from align.aligner.pipeline import align_set
from align.config import AlignOptions
from align.embedding import Embedder
from align.model import DocumentSet
from align.report import ReportOptions, build_report
from align.report.base import OmissionParams
from align.report.checks.omissions import OMISSION_KINDS, ContrastChecker, decide
from align.report.findings import build_links

Key = tuple[str, str, int]  # system, doc, 1-based paragraph


def annotations(root: Path) -> tuple[set[Key], set[Key]]:
    """(paragraphs with a Major omission, paragraphs with any omission) per system and document."""
    gold, any_omission = set(), set()
    with open(root / "annotations.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row["category"].startswith("Accuracy/Omission"):
                continue
            key = (row["system"], row["doc"], int(row["para"]))
            any_omission.add(key)
            if row["severity"] == "Major":
                gold.add(key)
    return gold, any_omission


def docsets(root: Path, features: Path | None = None) -> dict[tuple[str, str], DocumentSet]:
    """(system, doc) -> en and that translation, aligned (embeddings through the on-disk cache); kept
    in ``features`` (pickle) when given, and read from it when it exists."""
    if features is not None and features.is_file():
        found: dict[tuple[str, str], DocumentSet] = pickle.loads(features.read_bytes())
        return found
    out = {}
    for doc in sorted(p for p in root.iterdir() if (p / "en.txt").is_file()):
        for path in sorted(doc.glob("*.de.txt")):
            system = path.name.removesuffix(".de.txt")
            out[system, doc.name] = align_set(
                [("en", doc / "en.txt"), ("de", path)], set_id=f"{doc.name}.{system}", options=AlignOptions()
            )
    if features is not None:
        features.write_bytes(pickle.dumps(out))
    return out


def flagged(docset: DocumentSet, params: OmissionParams | None) -> set[int]:
    """1-based source paragraphs with an omission-kind finding; ``params`` None: the baseline."""
    kinds = frozenset({"omission"} if params is None else OMISSION_KINDS)
    report = build_report(docset, options=ReportOptions(kinds=kinds, omission=params or OmissionParams()))
    # today's report: only links with no right side
    return {paragraph(docset, f.src_ids) for f in report.findings if params is not None or not f.tgt_ids}


def scores(flags: dict[tuple[str, str], set[int]], gold: set[Key], right: set[Key], docs: set[str]):
    """{system or "all": (flagged, right, gold, gold found)} over ``docs``."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for (system, doc), paras in flags.items():
        if doc not in docs:
            continue
        for row in (counts[system], counts["all"]):
            row[0] += len(paras)
            row[1] += sum((system, doc, p) in right for p in paras)
            row[2] += sum(1 for s, d, _ in gold if (s, d) == (system, doc))
            row[3] += sum((system, doc, p) in gold for p in paras)
    return counts


def pr(row: list[int]) -> tuple[float, float]:
    """Precision and recall (nan when nothing was flagged / nothing is gold)."""
    return (row[1] / row[0] if row[0] else float("nan")), (row[3] / row[2] if row[2] else float("nan"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sweep", action="store_true", help="choose parameters per fold, score the other")
    parser.add_argument("--features", type=Path, help="keep the aligned sets here (pickle) for re-runs")
    parser.add_argument(
        "--cold", action="store_true", help="time embedding the checks' texts without a cache"
    )
    args = parser.parse_args()

    root = data_dir("mqm-dev", "annotations.tsv")
    if root is None:
        return 0
    gold, right = annotations(root)
    t0 = time.perf_counter()
    sets = docsets(root, args.features)
    print(f"aligned {len(sets)} pairs in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    docs = sorted({d for _, d in sets})
    folds = [set(docs[0::2]), set(docs[1::2])]
    systems = sorted({s for s, _ in sets})

    t0 = time.perf_counter()
    base = {key: flagged(ds, None) for key, ds in sets.items()}
    t_base = time.perf_counter() - t0
    t0 = time.perf_counter()
    new = {key: flagged(ds, OmissionParams()) for key, ds in sets.items()}
    t_new = time.perf_counter() - t0
    before, after = scores(base, gold, right, set(docs)), scores(new, gold, right, set(docs))
    print(f"report: baseline {t_base:.1f} s, with partial and merged omissions {t_new:.1f} s (all pairs)")
    print(
        f"{'system':<28}{'gold':>6}{'flagged':>9}{'P before':>10}{'R before':>10}{'P after':>9}{'R after':>9}"
    )
    for system in [*systems, "all"]:
        (pb, rb), (pa, ra) = pr(before[system]), pr(after[system])
        print(
            f"{system:<28}{after[system][2]:>6}{before[system][0]:>4} /{after[system][0]:>3}"
            f"{pb:>10.3f}{rb:>10.3f}{pa:>9.3f}{ra:>9.3f}"
        )
    paras = sum(len({s.para for s in ds.docs["en"].sentences}) for (s, _), ds in sets.items() if s == "refA")
    print(f"refA paragraphs flagged: before {before['refA'][0]}, after {after['refA'][0]} of {paras}")
    for k, fold in enumerate(folds):
        print(f"fold {k + 1} (held out when the other is tuned): {', '.join(sorted(fold))}")
    cost(sets, args.cold)
    if args.sweep:
        sweep(sets, gold, right, folds, new)
    return 0


def cost(sets, cold: bool) -> None:
    """What the omission checks embed at the defaults: texts over all pairs, distinct texts, and how
    many of them are no sentence of either version (the aligner embeds those anyway)."""
    asked: list[str] = []
    cached = Embedder()

    def counting(texts):
        asked.extend(texts)
        return cached(texts)

    for ds in sets.values():
        checker = ContrastChecker(counting, kinds_wanted=OMISSION_KINDS)
        links = build_links(ds, ds.alignments[0], {})
        checker.prepare(links, checker.learn(links))
    sentences = {t for ds in sets.values() for doc in ds.docs.values() for t in doc.texts}
    new = sorted(set(asked) - sentences)
    print(
        f"embedding cost: {len(asked)} texts asked for over {len(sets)} pairs, {len(set(asked))} distinct, "
        f"{len(new)} not a sentence of either version"
    )
    if cold:
        from align.embedding.encoder import embed

        t0 = time.perf_counter()
        embed(new, cache=None)
        seconds = time.perf_counter() - t0
        print(f"  those {len(new)} without a cache: {seconds:.1f} s ({len(new) / seconds:.1f} texts/s)")


def paragraph(docset: DocumentSet, ids: tuple[str, ...]) -> int:
    """1-based source paragraph of the first of ``ids``."""
    return docset.docs["en"].sentences[int(ids[0].rsplit(".s", 1)[1]) - 1].para + 1


def sweep(sets, gold: set[Key], right: set[Key], folds: list[set[str]], after) -> None:
    """Grid over OmissionParams.GRID on each fold: min(P, R) on that fold picks (then F1), the other
    fold scores. The checker's evidence (units and gains) is gathered once per ``balance`` (it decides
    which words are anchors) with the loosest screens of the grid, then each setting applies the
    checker's own thresholds (``decide``) to it."""
    grid = OmissionParams.GRID
    loose = replace(OmissionParams(), **{n: min(v) for n, v in grid.items() if n.endswith("_ratio")})
    evidence: dict[float, dict] = {}
    for balance in grid["balance"]:
        evidence[balance] = {}
        for key, ds in sets.items():
            checker = ContrastChecker(Embedder(), replace(loose, balance=balance), OMISSION_KINDS)
            links = build_links(ds, ds.alignments[0], {})
            learnt = checker.learn(links)  # all links: the anchors are counted over whole documents
            checker.prepare(links, learnt)
            evidence[balance][key] = [
                (paragraph(ds, link.src_ids), checker.evidence(link, learnt))
                for link in links
                if link.src_ids
            ]
    base = {key: flagged(ds, None) for key, ds in sets.items()}

    def flags(params: OmissionParams) -> dict[tuple[str, str], set[int]]:
        return {
            key: base[key] | {p for p, sides in links if any(any(decide(s, u, params)) for s, u in sides)}
            for key, links in evidence[params.balance].items()
        }

    if flags(OmissionParams()) != after:
        print("warning: the sweep's evidence does not reproduce the report at the defaults")
    names = list(grid)
    results = []
    for values in itertools.product(*grid.values()):
        params = replace(OmissionParams(), **dict(zip(names, values, strict=True)))
        results.append((params, [scores(flags(params), gold, right, fold)["all"] for fold in folds]))

    def objective(item: tuple[OmissionParams, list[list[int]]], k: int) -> tuple[float, float, float]:
        """The target's shape (both P and R at least 0.6): the lower of the two, then F1, then the
        cheaper screen (fewer clauses embedded)."""
        p, r = pr(item[1][k])
        scores_ = (min(p, r), 2 * p * r / (p + r)) if p + r > 0 else (0.0, 0.0)
        return (*scores_, item[0].screen_ratio)

    for k in range(2):
        params, rows = max(results, key=lambda item: objective(item, k))
        chosen = {n: getattr(params, n) for n in names}
        (p_in, r_in), (p_out, r_out) = pr(rows[k]), pr(rows[1 - k])
        print(f"tuned on fold {k + 1}: {chosen}")
        print(f"  P/R there {p_in:.3f}/{r_in:.3f}; held out (fold {2 - k}) {p_out:.3f}/{r_out:.3f}")
    default = (
        scores(flags(OmissionParams()), gold, right, folds[0])["all"],
        scores(flags(OmissionParams()), gold, right, folds[1])["all"],
    )
    print(
        "defaults per fold: "
        + "; ".join(f"fold {k + 1} P/R {pr(r)[0]:.3f}/{pr(r)[1]:.3f}" for k, r in enumerate(default))
    )


if __name__ == "__main__":
    raise SystemExit(main())
