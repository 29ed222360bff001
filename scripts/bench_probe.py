"""A leave-one-out embedding probe for words a translation drops, measured before any check is built.

For every content word ``w`` of the pivot side of a link (no name, no number: the words the
``dropped-word`` check judges, :mod:`align.report.checks.consensus`), the probe embeds the side
without ``w`` and takes the gain ``cos(src - w, tgt) - cos(src, tgt)``: a word the translation renders
should lose similarity when deleted, a dropped one gain it. Three scores of a word:

* ``gain``: the gain itself;
* ``versus``: the gain minus the median gain of the same deletion against the set's other versions
  (those linking the same pivot sentences; two or more needed), so that what deleting ``w`` does to
  the sentence's vector whatever the translation cancels out;
* ``sentence``: the gain standardised over the link's candidate words (four or more needed);

and each of them again over the words the word aligner leaves unlinked only (``gain-unlinked`` …).
With ``--window K`` the deletion is tried on the word's K words either side instead of the whole
side (a short text, which one word moves further): ``cos(window - w, tgt) - cos(window, tgt)``.

All probes of a set are embedded in one call (the pivot side without ``w`` is the same text for every
version, so it is embedded once). Scored on:

* mqm-dev, each document as one set of its English and ten German translations (``bench_consensus``):
  word level, a flagged word is right when it lies in the source span of a rater's Accuracy/Omission
  (Major or Minor) in that translation's paragraph, and gold when in a Major one. Per score, the
  threshold is chosen on one fold of documents (``bench_omissions``' folds: the highest recall at
  precision >= 0.7, else the highest precision with three flags or more) and scored on the other;
* the labelled sample (``bench_report_precision``): the dropped words of ``missed.tsv``'s
  partial-omission rows (``DROPPED``) as recall, every other flag as a false alarm per 100 links.

    python scripts/bench_probe.py [--features /tmp/mqm-sets.pkl] [--window K] [--cold DOCS]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from bench_consensus import version_sets
from bench_omissions import docsets
from bench_report_precision import aligned, sample_docs
from benchlib import data_dir

from align.embedding import Embedder
from align.model import DocumentSet
from align.report.base import pivot_links
from align.report.checks.consensus import is_name, token_keys
from align.report.checks.omissions import without
from align.report.wordlinks import is_content, link_words
from align.words import Token

BASE = ("gain", "versus", "sentence")
SCORES = (*BASE, *(f"{name}-unlinked" for name in BASE))
PRECISION = 0.7  # what a threshold is chosen for
# the sample's noted partial omissions (missed.tsv): doc, version, pivot sentence -> dropped words
DROPPED = {
    ("abcnews.306758", "de", "en.s4"): {"many"},  # 'killing as many as 300' -> '300 getötet'
    ("reuters.218932", "sr-Cyrl", "en.s23"): {"respondents", "Sunday"},
    ("cnn.304447", "sr-Cyrl", "en.s11"): {"ranking"},
    ("guardian.221762", "sr-Cyrl", "en.s2"): {"rigging-clad"},
    ("guardian.221762", "sr-Cyrl", "en.s17"): {"residual"},
    ("cnbc.com.6769", "sr-Cyrl", "en.s2"): {"first"},
    ("reuters.218861", "sr-Cyrl", "en.s9"): {"tough"},
    ("scotsman.133765", "sq", "en.s11"): {"acting"},
}


@dataclass
class Probe:
    """One candidate word of one version's link and its scores."""

    version: str
    src_ids: str
    sentence: int  # pivot sentence index of the word
    start: int  # the word's start in its sentence
    word: str
    linked: bool  # the word aligner links it
    gain: float
    scores: dict[str, float] = field(default_factory=dict)


WINDOW = 0  # words either side of the word that the deletion is tried on; 0: the whole side


def window(tokens: Sequence[Token], k: int, size: int) -> tuple[str, str]:
    """The words around ``tokens[k]`` (``size`` either side), with it and without it."""
    near = tokens[max(0, k - size) : k + size + 1]
    return " ".join(t.text for t in near), " ".join(t.text for t in near if t is not tokens[k])


def probes(docset: DocumentSet, embed: Callable[[Sequence[str]], np.ndarray]) -> tuple[list[Probe], int]:
    """Every candidate word of every pivot pair of the set with its gain, and the number of links."""
    jobs = []  # (version, link, words, candidate token indices)
    texts: list[str] = []
    n_links = 0
    for version, links in pivot_links(docset).items():
        words = link_words([(x.src_text, x.tgt_text) for x in links], links)
        for link, w in words.items():
            if not (link.src_text and link.tgt_text):
                continue
            n_links += 1
            keys = token_keys(link, w.left)
            cands = [
                k
                for k, (t, key) in enumerate(zip(w.left, keys, strict=True))
                if is_content(t, link.src_lang)
                and not is_name(t, key)
                and not any(c.isdigit() for c in t.text)
            ]
            if not cands:
                continue
            jobs.append((version, link, w, keys, cands))
            texts += [link.src_text, link.tgt_text]
            if WINDOW:
                texts += [t for k in cands for t in window(w.left, k, WINDOW)]
            else:
                texts += [without(link.src_text, w.left[k].start, w.left[k].end) for k in cands]
    vectors = embed(texts) if texts else np.zeros((0, 0))
    out, i = [], 0
    for version, link, w, keys, cands in jobs:
        src, tgt = vectors[i], vectors[i + 1]
        if WINDOW:
            pairs = vectors[i + 2 : i + 2 + 2 * len(cands)]
            gains = pairs[1::2] @ tgt - pairs[0::2] @ tgt
            i += 2 + 2 * len(cands)
        else:
            gains = vectors[i + 2 : i + 2 + len(cands)] @ tgt - float(src @ tgt)
            i += 2 + len(cands)
        linked = w.linked(True)
        for k, g in zip(cands, gains, strict=True):
            sentence, start = keys[k]
            out.append(
                Probe(version, " ".join(link.src_ids), sentence, start, w.left[k].text, k in linked, float(g))
            )
    return score(out), n_links


def score(found: list[Probe]) -> list[Probe]:
    """Fill each probe's scores (see the module doc); a score that cannot be had is left out."""
    by_word: dict[tuple[str, int, int], list[Probe]] = defaultdict(list)
    by_link: dict[tuple[str, str], list[Probe]] = defaultdict(list)
    for p in found:
        by_word[p.src_ids, p.sentence, p.start].append(p)
        by_link[p.version, p.src_ids].append(p)
    for p in found:
        p.scores["gain"] = p.gain
        others = [q.gain for q in by_word[p.src_ids, p.sentence, p.start] if q is not p]
        if len(others) >= 2:
            p.scores["versus"] = p.gain - statistics.median(others)
        gains = [q.gain for q in by_link[p.version, p.src_ids]]
        if len(gains) >= 4 and statistics.pstdev(gains) > 0:
            p.scores["sentence"] = (p.gain - statistics.mean(gains)) / statistics.pstdev(gains)
        if not p.linked:
            p.scores.update({f"{name}-unlinked": p.scores[name] for name in BASE if name in p.scores})
    return found


# --- mqm-dev --------------------------------------------------------------------------------------


def omission_spans(root: Path) -> dict[tuple[str, str, int], list[tuple[bool, str]]]:
    """(system, doc, paragraph) -> (Major?, source span) of each Accuracy/Omission with a source span."""
    out = defaultdict(list)
    with open(root / "annotations.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["category"].startswith("Accuracy/Omission") and row["source_span"].strip():
                key = (row["system"], row["doc"], int(row["para"]))
                out[key].append((row["severity"] == "Major", row["source_span"].strip()))
    return out


def inside(sentence: str, start: int, word: str, span: str) -> bool:
    """Whether the word at ``start`` of ``sentence`` lies in an occurrence of ``span`` (or the
    sentence in the span: a span over several sentences)."""
    if sentence.strip() in span:
        return True
    at = sentence.find(span)
    while at >= 0:
        if at <= start and start + len(word) <= at + len(span):
            return True
        at = sentence.find(span, at + 1)
    return False


def mqm_labels(
    sets: dict[str, tuple[DocumentSet, dict[str, str]]], spans: dict, embed
) -> dict[str, list[tuple[Probe, bool, bool]]]:
    """doc -> each probe with (right: in any omission span, gold: in a Major one)."""
    out = {}
    for doc, (docset, tags) in sets.items():
        sentences = docset.docs["en"].sentences
        rows = []
        for p in probes(docset, embed)[0]:
            s = sentences[p.sentence]
            marks = [
                major
                for major, span in spans.get((tags[p.version], doc, s.para + 1), ())
                if inside(s.text, p.start, p.word, span)
            ]
            rows.append((p, bool(marks), any(marks)))
        out[doc] = rows
    return out


def pr_at(rows: list[tuple[Probe, bool, bool]], name: str, threshold: float) -> tuple[int, int, int, int]:
    """(flagged, right, gold, gold flagged) of one score at one threshold."""
    flagged = [(right, gold) for p, right, gold in rows if p.scores.get(name, -np.inf) >= threshold]
    return (
        len(flagged),
        sum(r for r, _ in flagged),
        sum(g for _, _, g in rows),
        sum(g for _, g in flagged),
    )


def choose(rows: list[tuple[Probe, bool, bool]], name: str) -> float:
    """The threshold of one score chosen on ``rows`` (see the module doc)."""
    values = sorted({p.scores[name] for p, _, _ in rows if name in p.scores}, reverse=True)
    candidates = [float(np.quantile(values, 1 - q)) for q in np.geomspace(0.001, 0.3, 40)] if values else []
    best, best_key = float("inf"), (-1.0, -1.0)
    for t in candidates:
        n, right, gold, found = pr_at(rows, name, t)
        if n < 3:
            continue
        p, r = right / n, found / max(gold, 1)
        key = (1.0, r) if p >= PRECISION else (0.0, p)
        if key > best_key:
            best, best_key = t, key
    return best


def mqm(sets, spans, embed) -> dict[str, float]:
    """Print the fold-chosen thresholds and scores; return the thresholds chosen on all of mqm-dev."""
    labelled = mqm_labels(sets, spans, embed)
    docs = sorted(labelled)
    folds = [docs[0::2], docs[1::2]]
    rows_of = [[r for d in fold for r in labelled[d]] for fold in folds]
    every = [r for d in docs for r in labelled[d]]
    print(
        f"mqm-dev: {len(every)} candidate words; in a Major omission span {sum(g for *_, g in every)}, "
        f"in any {sum(r for _, r, _ in every)}"
    )
    print(
        f"{'score':17} {'chosen on':9} {'threshold':>9} {'held out: flagged':>17} "
        f"{'right':>6} {'P':>6} {'R':>6}"
    )
    for name in SCORES:
        for k in (0, 1):
            t = choose(rows_of[k], name)
            n, right, gold, found = pr_at(rows_of[1 - k], name, t)
            print(
                f"{name:17} fold {k + 1:<4} {t:9.4f} {n:17} {right:6} {right / max(n, 1):6.3f} "
                f"{found / max(gold, 1):6.3f}"
            )
    print("every fold: P / R when the top share of candidates is flagged")
    for name in SCORES:
        values = np.array([p.scores[name] for p, *_ in every if name in p.scores])
        cells = []
        for share in (0.005, 0.01, 0.02, 0.05):
            n, right, gold, found = pr_at(every, name, float(np.quantile(values, 1 - share)))
            cells.append(f"top {share:.1%}: {n} {right / max(n, 1):.2f}/{found / max(gold, 1):.2f}")
        print(f"  {name:17} " + "  ".join(cells))
    return {name: choose(every, name) for name in SCORES}


# --- the labelled sample ----------------------------------------------------------------------------


def sample(root: Path, thresholds: dict[str, float], embed) -> None:
    """Recall of DROPPED and false alarms per 100 links, at mqm-dev's thresholds and at the loosest
    threshold that finds each noted word."""
    found, links = [], 0
    for doc, docset in aligned(root, sample_docs()).items():
        rows, n = probes(docset, embed)
        links += n
        found += [(doc, p) for p in rows]

    def noted(doc: str, p: Probe) -> bool:
        return p.word in DROPPED.get((doc, p.version, p.src_ids.split()[0]), set())

    print(f"sample: {len(found)} candidate words in {links} links; noted dropped words among them:")
    for doc, p in found:
        if noted(doc, p):
            ranks = {
                name: sum(q.scores.get(name, -np.inf) > p.scores[name] for _, q in found) + 1
                for name in SCORES
                if name in p.scores
            }
            cells = ", ".join(f"{n} {p.scores[n]:+.4f} (rank {ranks[n]})" for n in ranks)
            print(
                f"  {doc} {p.version} {p.src_ids} {p.word!r} {'linked' if p.linked else 'unlinked'}: {cells}"
            )
    print(f"{'score':17} {'threshold':>9} {'flags':>6} {'noted':>6} {'false / 100 links':>18}")
    for name in SCORES:
        for t in (
            thresholds[name],
            *sorted(p.scores[name] for d, p in found if noted(d, p) and name in p.scores),
        ):
            flags = [(d, p) for d, p in found if p.scores.get(name, -np.inf) >= t]
            hits = {(d, p.version, p.src_ids) for d, p in flags if noted(d, p)}
            false = sum(not noted(d, p) for d, p in flags)
            print(f"{name:17} {t:9.4f} {len(flags):6} {len(hits):6} {100 * false / links:18.1f}")


def cold_cost(root: Path, n_docs: int) -> None:
    """Seconds to embed the probes of ``n_docs`` sample documents with an empty cache, against
    embedding their links' two sides alone (what the report's omission checks embed at least)."""
    sets = aligned(root, sample_docs()[:n_docs])
    for what in ("links", "probes"):
        with tempfile.TemporaryDirectory() as tmp:
            embed = Embedder(cache_dir=tmp)
            t0 = time.perf_counter()
            texts = 0
            for docset in sets.values():
                if what == "probes":
                    texts += len(probes(docset, embed)[0])
                else:
                    sides = [
                        t
                        for links in pivot_links(docset).values()
                        for x in links
                        for t in (x.src_text, x.tgt_text)
                    ]
                    texts += len(embed(sides))
            unit = "candidate words" if what == "probes" else "texts"
            print(f"cold, {n_docs} documents: {what}: {texts} {unit}, {time.perf_counter() - t0:.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--features", type=Path, help="keep mqm-dev's aligned sets here (pickle) for re-runs")
    parser.add_argument(
        "--cold", type=int, metavar="DOCS", help="time the probes of DOCS sample documents, no cache"
    )
    parser.add_argument("--window", type=int, default=0, help="try each deletion on K words either side")
    args = parser.parse_args()
    global WINDOW
    WINDOW = args.window
    mqm_root, ntrex_root = data_dir("mqm-dev", "annotations.tsv"), data_dir("ntrex-dev", "docs.tsv")
    if mqm_root is None or ntrex_root is None:
        return 0
    if args.cold:
        cold_cost(ntrex_root, args.cold)
        return 0
    pairs = docsets(mqm_root, args.features)
    embed = Embedder()
    t0 = time.perf_counter()
    thresholds = mqm(version_sets(pairs), omission_spans(mqm_root), embed)
    print(f"(mqm-dev probes: {time.perf_counter() - t0:.1f} s)")
    sample(ntrex_root, thresholds, embed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
