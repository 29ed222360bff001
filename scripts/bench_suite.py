"""Every dev set in one table: Text+Berg, NTREX perturbed, look-alikes, omissions, splits, crossings.

Sets (all built from ../shared/data, seeded, so every run sees the same text):

- ``textberg``: Text+Berg dev, German–French, human gold (``bench_textberg.py``).
- ``ntrex <pair>``: NTREX dev, the non-English side perturbed as in ``bench_ntrex.py`` (same seed).
- ``look-alikes``: ``ntrex en-sr-Cyrl`` with a Latin look-alike letter in 40% of the Serbian Cyrillic
  words (``align.evaluation.perturb.inject_lookalikes``); target: within 0.005 strict F1 of the clean set.
- ``omissions <pair>``: NTREX dev, line-parallel, with about half of the short (3–10 word) sentences of
  the non-English side left out, never two neighbours (``align.evaluation.perturb.plant_drops``);
  ``kept`` is the
  share of planted drops that come out as 1-0 links.
- ``splits <pair>``: NTREX dev written as articles (the headline, then paragraphs of ``PARAGRAPH``
  lines joined) and segmented by align's segmenter on each side. NTREX is line-parallel, so the gold
  is the line correspondence mapped through the segmentation (lines joined where a sentence crosses a
  line end on either side); a line that is one sentence on one side and several on the other is a
  translator's split. These are complete translations, so every 1-0/0-1 link is false: ``nulls`` is
  their number per 100 sentences of the translation, ``splits kept`` the share of split lines whose
  sentences all end up in one link.
- ``crossings <pair>``: NTREX dev, line-parallel, with a clause moved across a sentence end in about
  half of the lines that have a comma near the middle (``align.evaluation.perturb.move_clauses``: the
  part after the comma opens the next line as a sentence of its own), never in two neighbouring lines;
  the gold has a 2-2 link for each move, the unit a translator makes when a clause crosses a sentence
  end (Text+Berg has several).

Columns: strict and lax F1 (``align.evaluation.metric``), and ``lax err``, the links (links with
both sides)
that
share no sentence pair with the gold. Embeddings go through the on-disk cache
(``align.aligner.sentences.embeddings``,
so they follow whatever the aligner embeds) and are read once per run; ``--loso NAME=v1,v2,..`` then
sweeps one cost weight with leave-one-set-out: for each set group, the value best on the other groups
(mean strict F1) and that value's figures on the held-out group; a NAME of :mod:`align.aligner.refine`
(``JOIN``, ``LEAVE``, ``UNMATCHED``, ``UNSURE``, ``MIN_WORDS``) or of :mod:`align.aligner.crossing`
(``CROSS``, ``CROSS_LINKS``, ``CONTRAST``) sweeps a threshold of the word passes instead. ``--before``:
the first pass alone (the search), the figures before the word passes.
``--crossing-cost N`` times the alignment of all sets (CPU) with the crossing pass off, on every
neighbouring pair and screened by length (``crossing.CONTRAST``), N interleaved runs, medians.
``--selective T:P`` measures selective embedding (:func:`selective`) against full embedding, with the
share of sentences it embeds.

    nice -n 10 python scripts/bench_suite.py [--method embed|fast] [--before] [--loso part=0,1,2,3]
        [--loso LEAVE=0.3,0.4,0.5] [--selective 0.95:3] [--crossing-cost 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import random
import statistics
import sys
import time
from dataclasses import dataclass, field

import numpy as np
from bench_ntrex import PAIRS, load_ntrex, perturbed_doc, split_pair
from bench_textberg import read_lines
from benchlib import data_dir

from align.aligner import crossing, refine
from align.aligner.costs import CostWeights
from align.aligner.sentences import WEIGHTS, align_texts, embeddings
from align.config import AlignOptions
from align.evaluation.metric import score
from align.evaluation.perturb import inject_lookalikes, move_clauses, plant_drops
from align.formats.beadfile import read_beads
from align.model import Link
from align.text.segment import split_sentences

LOOKALIKE_SHARE = 0.4
SEED = "0"  # bench_ntrex.py's default perturbation seed, so the ntrex rows match its table
PARAGRAPH = 3  # lines per paragraph of the natural-splits articles


@dataclass
class Doc:
    src: list[str]
    tgt: list[str]
    gold: list[Link]
    src_lang: str
    tgt_lang: str
    src_emb: np.ndarray | None = None
    tgt_emb: np.ndarray | None = None
    splits: list[Link] = field(default_factory=list)  # gold units of the lines split on one side only


@dataclass
class DevSet:
    name: str
    group: str  # leave-one-set-out holds out a whole group
    docs: list[Doc] = field(default_factory=list)


@dataclass
class Result:
    strict: float
    lax: float
    lax_errors: int
    links: int
    planted: int  # planted drops (omission suite), 0 elsewhere
    kept: int  # of those, left as 1-0 links
    embedded: float = 0.0  # share of the sentences embedded (selective embedding only)
    splits: int = 0  # lines split on one side only (natural splits), 0 elsewhere
    splits_kept: int = 0  # of those, all sentences in one link
    nulls: float = 0.0  # 1-0/0-1 links per 100 target sentences (natural splits only)


def _sentence_lines(lines: list[str], lang: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The article's sentences (align's segmenter, paragraph by paragraph: the headline, then
    ``PARAGRAPH`` lines joined by a space) and the first and last line each one covers."""
    sentences: list[str] = []
    spans: list[tuple[int, int]] = []
    paragraphs = [[0]] + [
        list(range(k, min(k + PARAGRAPH, len(lines)))) for k in range(1, len(lines), PARAGRAPH)
    ]
    for para in paragraphs:
        text = " ".join(lines[k] for k in para)
        ends = np.cumsum([len(lines[k]) + 1 for k in para])  # each line's end offset (+ the space)
        pos = 0
        for sentence in split_sentences(text, lang):
            start = text.index(sentence, pos)
            pos = start + len(sentence)
            first = para[int(np.searchsorted(ends, start, side="right"))]
            last = para[int(np.searchsorted(ends, pos - 1, side="right"))]
            sentences.append(sentence)
            spans.append((first, last))
    return sentences, spans


def article_doc(src_lines: list[str], tgt_lines: list[str], src_lang: str, tgt_lang: str) -> Doc:
    """A line-parallel document as two segmented articles, with the line correspondence as gold and the
    lines split on one side only (``Doc.splits``)."""
    src, src_spans = _sentence_lines(src_lines, src_lang)
    tgt, tgt_spans = _sentence_lines(tgt_lines, tgt_lang)
    # a unit ends after line k unless a sentence of either side runs on into line k + 1
    joined = np.zeros(len(src_lines), dtype=bool)
    for first, last in (*src_spans, *tgt_spans):
        joined[first:last] = True
    unit = np.concatenate([[0], np.cumsum(~joined[:-1])])  # unit number of each line
    gold = [
        Link(
            tuple(i for i, (first, _) in enumerate(src_spans) if unit[first] == u),
            tuple(j for j, (first, _) in enumerate(tgt_spans) if unit[first] == u),
        )
        for u in range(int(unit[-1]) + 1)
    ]
    splits = [b for b in gold if sorted((len(b.src), len(b.tgt)))[0] == 1 and len(b.src) != len(b.tgt)]
    return Doc(src, tgt, gold, src_lang, tgt_lang, splits=splits)


def load_suite() -> list[DevSet]:
    """The dev sets, or [] when shared/data is absent (the messages say which)."""
    tb, ntrex = data_dir("textberg-dev", "001.gold"), data_dir("ntrex-dev", "docs.tsv")
    if tb is None or ntrex is None:
        return []
    sets = [DevSet("textberg de-fr", "textberg")]
    sets[0].docs.append(
        Doc(read_lines(tb / "001.de"), read_lines(tb / "001.fr"), read_beads(tb / "001.gold"), "de", "fr")
    )
    data = load_ntrex(ntrex, ["en", *(split_pair(p)[1] for p in PAIRS)])
    lookalikes = DevSet("ntrex en-sr-Cyrl look-alikes", "look-alikes")
    omissions, splits, crossings = [], [], []
    for pair in PAIRS:
        src_lang, tgt_lang = split_pair(pair)
        perturbed = DevSet(f"ntrex {pair}", "ntrex")
        omissions.append(DevSet(f"omissions {pair}", "omissions"))
        splits.append(DevSet(f"splits {pair}", "splits"))
        crossings.append(DevSet(f"crossings {pair}", "crossings"))
        for doc in data.docs:
            src, tgt, gold = perturbed_doc(data, tgt_lang, doc, f"{SEED}:{pair}:{doc[0]}")
            perturbed.docs.append(Doc(src, tgt, gold, src_lang, tgt_lang))
            if tgt_lang == "sr-Cyrl":
                rng = random.Random(f"{SEED}:look-alikes:{doc[0]}")
                mixed = [inject_lookalikes(t, LOOKALIKE_SHARE, rng) for t in tgt]
                lookalikes.docs.append(Doc(src, mixed, gold, src_lang, tgt_lang))
            _, start, end = doc
            kept, gold = plant_drops(
                data.lines[tgt_lang][start:end], random.Random(f"{SEED}:drops:{pair}:{doc[0]}")
            )
            omissions[-1].docs.append(Doc(data.lines["en"][start:end], kept, gold, src_lang, tgt_lang))
            lines = data.lines["en"][start:end], data.lines[tgt_lang][start:end]
            splits[-1].docs.append(article_doc(*lines, src_lang, tgt_lang))
            moved, gold = move_clauses(lines[1], random.Random(f"{SEED}:crossings:{pair}:{doc[0]}"))
            crossings[-1].docs.append(Doc(lines[0], moved, gold, src_lang, tgt_lang))
        sets.append(perturbed)
    return [*sets, lookalikes, *omissions, *splits, *crossings]


def attach_vectors(sets: list[DevSet], options: AlignOptions) -> float:
    """Embed every document once (through the cache); the seconds it took."""
    start = time.perf_counter()
    for dev in sets:
        for doc in dev.docs:
            doc.src_emb, doc.tgt_emb = embeddings(doc.src, options), embeddings(doc.tgt, options)
    return time.perf_counter() - start


def lax_errors(gold: list[Link], links: list[Link]) -> tuple[int, int]:
    """(two-sided links that share no sentence pair with the gold, two-sided links)."""
    pairs = {(s, t) for b in gold for s in b.src for t in b.tgt}
    two_sided = [b for b in links if b.src and b.tgt]
    return sum(not any((s, t) in pairs for s in b.src for t in b.tgt) for b in two_sided), len(two_sided)


def evaluate(
    dev: DevSet,
    method: str,
    weights: CostWeights | None = None,
    selective_at: tuple[float, int] | None = None,
    words: bool = True,
) -> Result:
    """Scores of one set; ``selective_at``: (threshold, pad) of :func:`selective` instead of ``method``;
    ``words``: with the aligner's word-coverage pass (:mod:`align.aligner.refine`), False for the first
    pass alone."""
    options = AlignOptions(method=method)
    golds, tests = [], []
    errors = linked = planted = kept = embedded = split_lines = splits_kept = nulls = 0
    for doc in dev.docs:
        emb = {"src_emb": doc.src_emb, "tgt_emb": doc.tgt_emb} if method == "embed" else {}
        if selective_at is not None:
            links, n = selective(doc, *selective_at)
            embedded += n
        else:
            links = align_texts(
                doc.src, doc.tgt, doc.src_lang, doc.tgt_lang, options, weights=weights, words=words, **emb
            )
        golds.append(doc.gold)
        tests.append(links)
        e, n = lax_errors(doc.gold, links)
        errors, linked = errors + e, linked + n
        if dev.group == "omissions":
            units = {(b.src, b.tgt) for b in links}
            drops = [(b.src, b.tgt) for b in doc.gold if not b.tgt]
            planted += len(drops)
            kept += sum(d in units for d in drops)
        if dev.group == "splits":
            where = {("s", i): k for k, b in enumerate(links) for i in b.src}
            where.update({("t", j): k for k, b in enumerate(links) for j in b.tgt})
            split_lines += len(doc.splits)
            for b in doc.splits:
                splits_kept += len({where["s", i] for i in b.src} | {where["t", j] for j in b.tgt}) == 1
            nulls += sum(not (b.src and b.tgt) for b in links)
    s = score(golds, tests)
    sentences = sum(len(d.src) + len(d.tgt) for d in dev.docs)
    per_100 = 100 * nulls / sum(len(d.tgt) for d in dev.docs)
    return Result(
        s.strict.f1,
        s.lax.f1,
        errors,
        linked,
        planted,
        kept,
        embedded / sentences,
        split_lines,
        splits_kept,
        per_100,
    )


def selective(doc: Doc, threshold: float, pad: int) -> tuple[list[Link], int]:
    """Selective embedding: the fast method first, then the embed method again on each region of
    links with cert below ``threshold`` (``pad`` links added each side, overlapping regions joined),
    with vectors for those regions' sentences only. The links and the sentences that needed a vector."""
    fast = align_texts(doc.src, doc.tgt, doc.src_lang, doc.tgt_lang, AlignOptions(method="fast"))
    starts = np.cumsum([[0, 0]] + [[len(b.src), len(b.tgt)] for b in fast], axis=0)  # link k starts at row k
    regions: list[list[int]] = []
    for k in (k for k, b in enumerate(fast) if (b.cert or 0.0) < threshold):
        lo, hi = max(k - pad, 0), min(k + pad + 1, len(fast))
        if regions and lo <= regions[-1][1]:
            regions[-1][1] = hi
        else:
            regions.append([lo, hi])
    out: list[Link] = []
    done = embedded = 0
    for lo, hi in regions:
        out += fast[done:lo]
        (i0, j0), (i1, j1) = starts[lo], starts[hi]
        sub = align_texts(
            doc.src[i0:i1],
            doc.tgt[j0:j1],
            doc.src_lang,
            doc.tgt_lang,
            AlignOptions(),
            src_emb=doc.src_emb[i0:i1],
            tgt_emb=doc.tgt_emb[j0:j1],
        )
        out += [Link(tuple(i + i0 for i in b.src), tuple(j + j0 for j in b.tgt), cert=b.cert) for b in sub]
        embedded += (i1 - i0) + (j1 - j0)
        done = hi
    return out + fast[done:], embedded


def targets(results: dict[str, Result], method: str) -> list[str]:
    """The issue's targets (embed method), each met or missed and by how much."""
    if method != "embed":
        return []

    def check(label: str, value: float, bound: float, at_most: bool = False) -> str:
        ok = value <= bound if at_most else value >= bound
        gap = "" if ok else f", missed by {abs(value - bound):.4f}"
        return (
            f"{'met   ' if ok else 'MISSED'} {label}: {value:.4f} ({'<=' if at_most else '>='} {bound}{gap})"
        )

    tb = results["textberg de-fr"]
    out = [check("textberg strict F1", tb.strict, 0.90), check("textberg lax F1", tb.lax, 0.985)]
    out += [check(f"ntrex {p} strict F1", results[f"ntrex {p}"].strict, 0.985) for p in PAIRS]
    gap = results["ntrex en-sr-Cyrl"].strict - results["ntrex en-sr-Cyrl look-alikes"].strict
    out.append(check("look-alikes: strict F1 below the clean en-sr-Cyrl", gap, 0.005, at_most=True))
    for p in PAIRS:
        om, sp = results[f"omissions {p}"], results[f"splits {p}"]
        out.append(check(f"omissions {p}: planted drops left 1-0", om.kept / om.planted, 0.95))
        out.append(
            check(f"splits {p}: split lines kept in one link", sp.splits_kept / max(sp.splits, 1), 0.95)
        )
        out.append(check(f"splits {p}: null links per 100 sentences", sp.nulls, 0.5, at_most=True))
    return out


def row(name: str, r: Result, docs: int) -> str:
    kept = f"{r.kept / r.planted:.3f} ({r.kept}/{r.planted})" if r.planted else ""
    split = f"{r.splits_kept / r.splits:.3f} ({r.splits_kept}/{r.splits})" if r.splits else ""
    nulls = f"{r.nulls:.2f}" if r.splits else ""
    errors = f"{r.lax_errors} / {r.links}"
    return f"| {name} | {docs} | {r.strict:.3f} | {r.lax:.3f} | {errors} | {kept} | {split} | {nulls} |"


def loso(sets: list[DevSet], method: str, name: str, values: list[float]) -> None:
    """Leave-one-set-out for one cost weight, or one threshold of the word passes (an upper-case name
    in :mod:`align.aligner.refine` or :mod:`align.aligner.crossing`): per held-out group, the value
    with the best mean strict F1 over the other groups (each group's sets averaged first), and its
    figures on the held-out one."""
    base = WEIGHTS[method]
    groups = list(dict.fromkeys(d.group for d in sets))
    strict: dict[tuple[float, str], float] = {}
    print(f"\nleave-one-set-out: {name} in {values} ({method}); strict F1 per group")
    print("| value | " + " | ".join(groups) + " |")
    module = next((m for m in (refine, crossing) if hasattr(m, name)), None)
    default = getattr(module, name, None)
    for v in values:
        weights = base if default is not None else dataclasses.replace(base, **{name: v})
        if default is not None:
            setattr(module, name, type(default)(v))
        for g in groups:
            strict[v, g] = statistics.mean(evaluate(d, method, weights).strict for d in sets if d.group == g)
        if default is not None:
            setattr(module, name, default)
        print(f"| {v:g} | " + " | ".join(f"{strict[v, g]:.4f}" for g in groups) + " |", flush=True)
    for held in groups:
        best = max(values, key=lambda v: statistics.mean(strict[v, g] for g in groups if g != held))
        print(f"held out {held}: {name} = {best:g} (best on the others), strict F1 {strict[best, held]:.4f}")


def crossing_cost(sets: list[DevSet], method: str, repeats: int) -> None:
    """CPU seconds to align every set with the crossing pass off, on every neighbouring pair
    (``CONTRAST`` 0: as before the length screen) and screened, interleaved ``repeats`` times in this
    process; medians and ratios to the pass off."""
    default = crossing.CONTRAST
    variants = {
        "crossing pass off": math.inf,
        "every pair (CONTRAST 0)": 0.0,
        f"screened (CONTRAST {default:g})": default,
    }
    seconds: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(repeats):
        for name, contrast in variants.items():
            crossing.CONTRAST = contrast
            start = time.process_time()
            for dev in sets:
                evaluate(dev, method)
            seconds[name].append(time.process_time() - start)
    crossing.CONTRAST = default
    off = statistics.median(seconds["crossing pass off"])
    print(f"\nalignment of all sets, CPU s, median of {repeats} interleaved runs")
    for name, runs in seconds.items():
        median = statistics.median(runs)
        each = ", ".join(f"{r:.1f}" for r in runs)
        print(f"{name}: {median:.1f} s ({median / off:.2f}x the pass off; runs {each})")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--method", default="embed", choices=sorted(WEIGHTS))
    parser.add_argument("--cache-dir", default=None, help="embedding cache ('' = none) [default location]")
    parser.add_argument(
        "--loso",
        action="append",
        default=[],
        help="NAME=v1,v2,...: sweep one cost weight or word-pass threshold",
    )
    parser.add_argument("--before", action="store_true", help="the first pass alone (no word-coverage pass)")
    parser.add_argument(
        "--selective", action="append", default=[], help="THRESHOLD[:PAD]: selective embedding (embed method)"
    )
    parser.add_argument(
        "--crossing-cost", type=int, default=0, metavar="N", help="time the crossing pass: N interleaved runs"
    )
    args = parser.parse_args()
    sets = load_suite()
    if not sets:
        return 0
    if args.method == "embed":
        seconds = attach_vectors(sets, AlignOptions(cache_dir=args.cache_dir))
        print(f"vectors: {seconds:.1f} s (through the embedding cache)")
    print(f"\n{args.method} method{', first pass alone (--before)' if args.before else ''}\n")
    print("| set | docs | strict F1 | lax F1 | lax err / links | drops kept 1-0 | splits kept | nulls /100 |")
    print("|---|---|---|---|---|---|---|---|")
    results = {}
    start = time.perf_counter()
    for dev in sets:
        results[dev.name] = evaluate(dev, args.method, words=not args.before)
        print(row(dev.name, results[dev.name], len(dev.docs)), flush=True)
    print(f"\nalignment: {time.perf_counter() - start:.1f} s for all sets")
    for line in targets(results, args.method):
        print(line)
    for spec in args.selective:
        threshold, _, pad = spec.partition(":")
        print(f"\nselective embedding: cert < {threshold}, {pad or 1} links of context")
        print("| set | strict F1 | vs embed | lax F1 | lax err | drops kept | share embedded |")
        for dev in sets:
            r, full = (
                evaluate(dev, "embed", selective_at=(float(threshold), int(pad or 1))),
                results[dev.name],
            )
            kept = f"{r.kept / r.planted:.3f}" if r.planted else ""
            print(
                f"| {dev.name} | {r.strict:.3f} | {r.strict - full.strict:+.3f} | {r.lax:.3f} | "
                f"{r.lax_errors} | {kept} | {r.embedded:.2f} |",
                flush=True,
            )
    for spec in args.loso:
        name, _, values = spec.partition("=")
        loso(sets, args.method, name, [float(v) for v in values.split(",")])
    if args.crossing_cost:
        crossing_cost(sets, args.method, args.crossing_cost)
    return 0


if __name__ == "__main__":
    sys.exit(main())
