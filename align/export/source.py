"""What an export reads: one TEI file or a folder of them (a batch output), and which pairs to take.

A pair is named ``SRC-TGT`` with the tags as written (``en-sr-Cyrl``), or by language alone (``en-sr``)
when that is unambiguous. It is found as aligned, or reversed (``de-en`` from an ``en-de`` alignment),
or, for two versions that were both aligned to the pivot, composed through it (``de-sr`` from
``en-de`` and ``en-sr``), as ``align run --derived`` does.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Alignment, Bead, DocumentSet

TEI_GLOB = "*.tei.xml"


def tei_files(source: str | Path) -> list[Path]:
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.glob(TEI_GLOB) if p.is_file())
        if not files:
            raise InputError(f"no {TEI_GLOB} files in this folder", path)
        return files
    if not path.exists():
        raise InputError("not found", path)
    return [path]


def read_sets(files: Sequence[Path], set_ids: Sequence[str] = ()) -> Iterator[DocumentSet]:
    """Sets one at a time (a corpus need not fit in memory), only ``set_ids`` when given."""
    from .. import tei

    wanted, seen = set(set_ids), set()
    for path in files:
        docset = tei.read(path)
        if wanted and docset.id not in wanted:
            continue
        seen.add(docset.id)
        yield docset
    missing = sorted(wanted - seen)
    if missing:
        raise InputError(f"no document set with id {', '.join(missing)}", files[0].parent)


def _reverse(alignment: Alignment) -> Alignment:
    beads = [Bead(b.tgt, b.src, b.cert, b.status) for b in alignment.beads]
    return Alignment(alignment.tgt_lang, alignment.src_lang, beads)


def _candidates(docset: DocumentSet) -> Iterator[tuple[str, str, Callable[[], Alignment]]]:
    """(source, target, how to build it): as aligned, reversed, composed through the pivot."""
    from ..tei import compose

    for a in docset.alignments:
        yield a.src_lang, a.tgt_lang, lambda a=a: a
        yield a.tgt_lang, a.src_lang, lambda a=a: _reverse(a)
    from_pivot = {a.tgt_lang: a for a in docset.alignments if a.src_lang == docset.pivot}
    n_pivot = len(docset.docs[docset.pivot].sentences)
    for left, right in itertools.permutations(from_pivot, 2):
        yield left, right, lambda x=from_pivot[left], y=from_pivot[right]: compose(x, y, n_pivot)


def find_pair(docset: DocumentSet, pair: str) -> Alignment | None:
    """The alignment named ``pair``; ``en-sr`` also finds ``en-sr-Cyrl`` when no other sr version is there."""
    candidates = list(_candidates(docset))
    exact = [build for src, tgt, build in candidates if f"{src}-{tgt}" == pair]
    loose: dict[tuple[str, str], Callable[[], Alignment]] = {}  # the first route to each pair
    for src, tgt, build in candidates:
        if f"{src.split('-')[0]}-{tgt.split('-')[0]}" == pair:
            loose.setdefault((src, tgt), build)
    if exact:
        return exact[0]()
    return next(iter(loose.values()))() if len(loose) == 1 else None


def select(docsets: Iterable[DocumentSet], pair: str | None) -> Iterator[tuple[DocumentSet, Alignment]]:
    """Every alignment, or ``pair`` from every set that has it (InputError when none does)."""
    found = False
    available: set[str] = set()
    for docset in docsets:
        if pair is None:
            for alignment in docset.alignments:
                found = True
                yield docset, alignment
            continue
        alignment = find_pair(docset, pair)
        if alignment is None:
            available.update(a.pair for a in docset.alignments)
            continue
        found = True
        yield docset, alignment
    if pair is not None and not found:
        raise InputError(f"no set has the pair {pair} (aligned pairs: {', '.join(sorted(available))})")


@dataclass(frozen=True)
class Unit:
    """One bead with what every export shows of it."""

    bead: Bead
    src_ids: tuple[str, ...]
    tgt_ids: tuple[str, ...]
    src_text: str  # sentences joined with a space
    tgt_text: str


def units(docset: DocumentSet, alignment: Alignment) -> Iterator[Unit]:
    from ..tei import sentence_id

    src = docset.docs[alignment.src_lang].sentences
    tgt = docset.docs[alignment.tgt_lang].sentences
    for bead in alignment.beads:
        yield Unit(
            bead,
            tuple(sentence_id(alignment.src_lang, i) for i in bead.src),
            tuple(sentence_id(alignment.tgt_lang, j) for j in bead.tgt),
            " ".join(src[i].text for i in bead.src),
            " ".join(tgt[j].text for j in bead.tgt),
        )
