"""One view of a link: the only place that turns alignments into rows of sentence ids and text.

A row is one link with the ids of its sentences and each side's sentences joined with a space; ids
are the ones the sentences had in the file they were read from (``Sentence.id``), else align's own
``LANG.sN``, so a report, an export or an annotation of a TEI file written by another tool points at
sentences that are in that file. Pairs other than the aligned ones are derived here too: reversed
(``de-en`` from ``en-de``), or composed through the pivot (``de-sr`` from ``en-de`` and ``en-sr``), with
the grid of pivot units that the HTML report also shows.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from . import Alignment, Document, DocumentSet, Link


@dataclass(frozen=True)
class LinkText:
    """One link with what every output shows of it."""

    link: Link
    src_ids: tuple[str, ...]
    tgt_ids: tuple[str, ...]
    src_text: str  # the side's sentences joined with a space; empty for the empty side of a 1-0 / 0-1
    tgt_text: str


def side(doc: Document, indices: Sequence[int]) -> tuple[tuple[str, ...], str]:
    """The ids of ``doc``'s sentences at ``indices`` and their text joined with a space."""
    return tuple(doc.sentence_id(i) for i in indices), " ".join(doc.sentences[i].text for i in indices)


def rows(alignment: Alignment, src: Document, tgt: Document) -> list[LinkText]:
    """The alignment's links as rows; ``src``/``tgt`` are the documents it aligns."""
    out = []
    for link in alignment.links:
        (src_ids, src_text), (tgt_ids, tgt_text) = side(src, link.src), side(tgt, link.tgt)
        out.append(LinkText(link, src_ids, tgt_ids, src_text, tgt_text))
    return out


def set_link_texts(docset: DocumentSet, alignment: Alignment) -> list[LinkText]:
    """:func:`rows` of an alignment of ``docset`` (or one derived from it by :func:`find_pair`)."""
    return rows(alignment, docset.docs[alignment.src_lang], docset.docs[alignment.tgt_lang])


@dataclass
class GridRow:
    """Pivot sentences that the links of any alignment tie together with what each version links to
    them, or one link of sentences a version adds; sentence indices and links per language."""

    sentences: dict[str, list[int]] = field(default_factory=dict)
    links: dict[str, list[Link]] = field(default_factory=dict)


def pivot_units(alignments: Sequence[Alignment], n_pivot: int) -> list[int]:
    """For each pivot sentence, the first pivot sentence of its unit: pivot sentences that a link of
    any of the alignments (all from the pivot) ties together, directly or through other links."""
    parent = list(range(n_pivot))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for alignment in alignments:
        for link in alignment.links:
            for i in link.src[1:]:
                parent[find(i)] = find(link.src[0])
    first: dict[int, int] = {}  # unit root -> its first pivot sentence
    return [first.setdefault(find(i), i) for i in range(n_pivot)]


def pivot_grid(pivot: str, alignments: Sequence[Alignment], n_pivot: int) -> list[GridRow]:
    """Rows of pivot units (:func:`pivot_units`) in pivot order, as MULTEXT-East composes links
    through the pivot; a link of sentences a version adds (empty pivot side) gets its own row before
    the next unit its alignment links to. ``alignments`` all start from ``pivot``."""
    others = [a.pair for a in alignments if a.src_lang != pivot]
    if others:
        raise ValueError(f"{', '.join(others)} do not start from the pivot {pivot}")
    first = pivot_units(alignments, n_pivot)
    units: dict[int, GridRow] = {}
    for i, start in enumerate(first):
        units.setdefault(start, GridRow()).sentences.setdefault(pivot, []).append(i)
    keyed: list[tuple[tuple[int, int, int, int], GridRow]] = []  # (unit, added first, alignment, link)
    for k, a in enumerate(alignments):
        pending: list[tuple[int, GridRow]] = []  # added links waiting for the next unit
        for b, link in enumerate(a.links):
            if not link.src:
                pending.append((b, GridRow({a.tgt_lang: list(link.tgt)}, {a.tgt_lang: [link]})))
                continue
            start = first[link.src[0]]
            keyed += [((start, 0, k, pb), row) for pb, row in pending]
            pending = []
            units[start].sentences.setdefault(a.tgt_lang, []).extend(link.tgt)
            units[start].links.setdefault(a.tgt_lang, []).append(link)
        keyed += [((n_pivot, 0, k, pb), row) for pb, row in pending]
    keyed += [((start, 1, 0, 0), row) for start, row in units.items()]
    grid = [row for _, row in sorted(keyed, key=lambda item: item[0])]
    for row in grid:
        for indices in row.sentences.values():
            indices.sort()
    return grid


def compose(left: Alignment, right: Alignment, n_pivot: int) -> Alignment:
    """Link two versions through the pivot both were aligned to: one derived link per row of their
    :func:`pivot_grid` (everything each links to a pivot unit, or one side's added sentences)."""
    if left.src_lang != right.src_lang:
        raise ValueError(f"cannot compose {left.pair} with {right.pair}: different pivots")
    links = []
    for row in pivot_grid(left.src_lang, (left, right), n_pivot):
        a, b = (tuple(row.sentences.get(x.tgt_lang, ())) for x in (left, right))
        if a or b:
            links.append(Link(a, b, None, "derived"))
    return Alignment(left.tgt_lang, right.tgt_lang, links)


def reverse(alignment: Alignment) -> Alignment:
    links = [Link(b.tgt, b.src, b.cert, b.status) for b in alignment.links]
    return Alignment(alignment.tgt_lang, alignment.src_lang, links)


def _candidates(docset: DocumentSet) -> Iterator[tuple[str, str, Callable[[], Alignment]]]:
    """(source, target, how to build it): as aligned, reversed, composed through the pivot."""
    for a in docset.alignments:
        yield a.src_lang, a.tgt_lang, _given(a)
        yield a.tgt_lang, a.src_lang, functools.partial(reverse, a)
    from_pivot = {a.tgt_lang: a for a in docset.alignments if a.src_lang == docset.pivot}
    n_pivot = len(docset.docs[docset.pivot].sentences)
    for left, right in itertools.permutations(from_pivot, 2):
        yield left, right, functools.partial(compose, from_pivot[left], from_pivot[right], n_pivot)


def _given(alignment: Alignment) -> Callable[[], Alignment]:
    return lambda: alignment


def find_pair(docset: DocumentSet, pair: str) -> Alignment | None:
    """The alignment named ``SRC-TGT``: as aligned, reversed, or composed through the pivot; ``en-sr``
    also finds ``en-sr-Cyrl`` when no other sr version is there. None when there is no such pair."""
    from ..lang import primary

    candidates = list(_candidates(docset))
    exact = [build for src, tgt, build in candidates if f"{src}-{tgt}" == pair]
    loose: dict[tuple[str, str], Callable[[], Alignment]] = {}  # the first route to each pair
    for src, tgt, build in candidates:
        if f"{primary(src)}-{primary(tgt)}" == pair:
            loose.setdefault((src, tgt), build)
    if exact:
        return exact[0]()
    return next(iter(loose.values()))() if len(loose) == 1 else None
