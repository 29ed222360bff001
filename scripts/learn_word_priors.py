"""Regenerate the shipped word-translation priors (align/words/data/en-XX.tsv.gz) from NTREX-128.

Only the FIRST HALF of the ntrex-dev documents (docs.tsv order) is read: benchmarks score the second
half. For each language the document set is aligned with align's own word aligner (spelling priors
only, no lexicon), and the expected link counts between comparison forms are summed; pairs whose
count reaches --min-count are written, most frequent first. NTREX-128 is CC BY-SA 4.0
(Federmann, Kocmi & Xin 2022); the files carry that licence (align/words/data/README.md).

Run: python scripts/learn_word_priors.py [--min-count 0.5]
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchlib import REPO, data_dir  # noqa: E402

from align.text.textnorm import fold  # noqa: E402
from align.words import align_units, tokenize  # noqa: E402
from align.words.lexicon import PIVOT  # noqa: E402
from align.words.params import Params  # noqa: E402

SOURCES = {
    "de": "de",
    "sq": "sq",
    "sr": "sr-Latn",
}  # shipped code -> ntrex-dev file (Cyrillic folds to Latin)


def document_ranges(folder: Path) -> list[tuple[int, int]]:
    rows = (folder / "docs.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [(int(start), int(end)) for _, start, end in (row.split("\t") for row in rows)]


def first_half(folder: Path) -> range:
    """Lines of the first half of the documents (the benchmarks use only the rest)."""
    ranges = document_ranges(folder)
    return range(0, ranges[len(ranges) // 2][0])


def learn(folder: Path, lang: str, lines: range, min_count: float) -> list[tuple[str, str, float]]:
    english = (folder / f"{PIVOT}.txt").read_text(encoding="utf-8").splitlines()
    other = (folder / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    units = [
        ([t.text for t in tokenize(english[i], PIVOT)], [t.text for t in tokenize(other[i], lang)])
        for i in lines
    ]
    counts: dict[tuple[str, str], float] = defaultdict(float)
    for (src, tgt), links in zip(
        units, align_units(units, PIVOT, lang, Params(lexicon_weight=0)), strict=True
    ):
        for link in links:
            counts[fold(src[link.src], PIVOT), fold(tgt[link.tgt], lang)] += link.prob
    kept = [(e, f, c) for (e, f), c in counts.items() if c >= min_count]
    return sorted(kept, key=lambda row: (-row[2], row[0], row[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-count", type=float, default=0.5)
    args = parser.parse_args()
    folder = data_dir("ntrex-dev", "docs.tsv")
    if folder is None:
        return
    lines = first_half(folder)
    for code, lang in SOURCES.items():
        rows = learn(folder, lang, lines, args.min_count)
        target = REPO / "align" / "words" / "data" / f"{PIVOT}-{code}.tsv.gz"
        with gzip.GzipFile(target, "wb", mtime=0) as raw:
            raw.write("".join(f"{e}\t{f}\t{c:.2f}\n" for e, f, c in rows).encode("utf-8"))
        print(
            f"{target.relative_to(REPO)}: {len(rows)} pairs from lines {lines.start}-{lines.stop - 1}, "
            f"{target.stat().st_size // 1024} KB"
        )


if __name__ == "__main__":
    main()
