"""Realign while keeping the links a person made or checked (``align run --keep-manual OLD.tei.xml``).

A manual link of the old alignment is kept as a pin when every one of its sentences is still
there, unchanged, and its sentences are still next to each other on each side: old and new sentences are
matched by text (longest common subsequence, so edits elsewhere shift indices without losing pins).
Anchors that would cross an earlier one are dropped; a warning names each manual link dropped, and why.
The aligner then runs only on the stretches between pins, so checked work is never overridden and
edited passages are aligned afresh; a 1-0 or 0-1 pin (a sentence checked or detached as without
counterpart) pins only its own sentence. The new file keeps the old one's reviewers (``respStmt``) and
revision history (``revisionDesc``): :func:`align.tei.encode.to_tree`'s ``history``.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Callable

from ..errors import warn
from ..model import Document, DocumentSet, Link

# Aligns one stretch: (src sentence texts, tgt sentence texts) -> links with 0-based local indices.
AlignStretch = Callable[[list[str], list[str]], list[Link]]


def sentence_map(old: Document, new: Document) -> dict[int, int]:
    """Old sentence index -> new index, for the sentences whose text is unchanged."""
    matcher = difflib.SequenceMatcher(None, old.texts, new.texts, autojunk=False)
    return {block.a + k: block.b + k for block in matcher.get_matching_blocks() for k in range(block.size)}


def _contiguous(indices: tuple[int, ...]) -> bool:
    return all(b == a + 1 for a, b in itertools.pairwise(indices))


def pins(
    old_links: list[Link],
    src_map: dict[int, int],
    tgt_map: dict[int, int],
    dropped: Callable[[Link, str], None] | None = None,
) -> list[Link]:
    """The old manual links that survive, moved to new indices, in order and never crossing;
    ``dropped(link, why)`` hears of each one that does not."""

    def drop(link: Link, why: str) -> None:
        if dropped is not None:
            dropped(link, why)

    kept: list[Link] = []
    next_src = next_tgt = 0  # the first new sentence a pin may start at
    for link in old_links:
        if link.status != "manual":
            continue
        if any(i not in src_map for i in link.src) or any(j not in tgt_map for j in link.tgt):
            drop(link, "its sentences changed")
            continue
        src = tuple(src_map[i] for i in link.src)
        tgt = tuple(tgt_map[j] for j in link.tgt)
        if not (_contiguous(src) and _contiguous(tgt)):
            drop(link, "its sentences are no longer next to each other")
            continue
        if (src and src[0] < next_src) or (tgt and tgt[0] < next_tgt):
            drop(link, "it would cross an earlier manual link")
            continue
        kept.append(Link(src, tgt, link.cert, "manual"))
        next_src = src[-1] + 1 if src else next_src
        next_tgt = tgt[-1] + 1 if tgt else next_tgt
    return kept


def _stretch(links: list[Link], src0: int, tgt0: int) -> list[Link]:
    return [
        Link(tuple(i + src0 for i in b.src), tuple(j + tgt0 for j in b.tgt), b.cert, b.status) for b in links
    ]


def align_around(src: list[str], tgt: list[str], fixed: list[Link], align: AlignStretch) -> list[Link]:
    """Links covering ``src`` and ``tgt``: the ``fixed`` ones as given, ``align`` on the stretches
    between them (it gets every stretch with a sentence on either side). A fixed 1-0 or 0-1 link pins
    only its own sentence (:func:`_between`); the others split the texts into stretches."""
    out: list[Link] = []
    i = j = 0
    lone: list[Link] = []  # 1-0 / 0-1 pins of the stretch being gathered
    for pin in [*fixed, None]:  # None closes the last stretch
        if pin is not None and not (pin.src and pin.tgt):
            lone.append(pin)
            continue
        i_end = len(src) if pin is None else pin.src[0]
        j_end = len(tgt) if pin is None else pin.tgt[0]
        out.extend(_between(src, tgt, (i, i_end), (j, j_end), lone, align))
        if pin is None:
            break
        out.append(pin)
        lone = []
        i, j = pin.src[-1] + 1, pin.tgt[-1] + 1
    return out


def _align(
    src: list[str], tgt: list[str], src_ids: list[int], tgt_ids: list[int], align: AlignStretch
) -> list[Link]:
    """``align`` on the sentences at ``src_ids`` / ``tgt_ids``, its links in those indices."""
    if not (src_ids or tgt_ids):
        return []
    links = align([src[i] for i in src_ids], [tgt[j] for j in tgt_ids])
    return [
        Link(tuple(src_ids[i] for i in b.src), tuple(tgt_ids[j] for j in b.tgt), b.cert, b.status)
        for b in links
    ]


def _between(
    src: list[str],
    tgt: list[str],
    span_src: tuple[int, int],
    span_tgt: tuple[int, int],
    lone: list[Link],
    align: AlignStretch,
) -> list[Link]:
    """Links covering ``src[i0:i1]`` and ``tgt[j0:j1]`` with the ``lone`` 1-0 / 0-1 pins among them.

    The stretch is aligned without the pinned sentences; each pinned sentence then goes where that
    alignment puts the gap it leaves (after the links of the sentences before it on its side). Where a
    link would straddle a pinned sentence, the pieces between pinned sentences are aligned apart."""
    (i0, i1), (j0, j1) = span_src, span_tgt
    pinned = {b.src[0] for b in lone if b.src}, {b.tgt[0] for b in lone if b.tgt}
    rough = _align(
        src,
        tgt,
        [i for i in range(i0, i1) if i not in pinned[0]],
        [j for j in range(j0, j1) if j not in pinned[1]],
        align,
    )
    if not lone:
        return rough
    # Each lone pin cuts the stretch: its own side at its sentence, the other side after the rough
    # links that hold a sentence before it (never before the previous cut nor after a later pinned one).
    out: list[Link] = []
    start = (i0, j0)
    for k, pin in enumerate(lone):
        side = 0 if pin.src else 1  # the pinned side; 1 - side is the one to cut
        at = (pin.src or pin.tgt)[0]
        before = [b for b in rough if any(x < at for x in (b.src, b.tgt)[side])]
        other = [x for b in before for x in (b.tgt, b.src)[side]]
        later = [(b.tgt, b.src)[side][0] for b in lone[k + 1 :] if (b.tgt, b.src)[side]]
        cut = min([max(max(other) + 1 if other else 0, start[1 - side]), (j1, i1)[side], *later])
        end = (at, cut) if side == 0 else (cut, at)
        out.extend(_piece(src, tgt, start, end, rough, align))
        out.append(pin)
        start = (at + 1, cut) if side == 0 else (cut, at + 1)
    out.extend(_piece(src, tgt, start, (i1, j1), rough, align))
    return out


def _piece(
    src: list[str],
    tgt: list[str],
    start: tuple[int, int],
    end: tuple[int, int],
    rough: list[Link],
    align: AlignStretch,
) -> list[Link]:
    """The rough links that cover exactly the sentences from ``start`` to ``end``, else a new alignment."""
    src_ids, tgt_ids = list(range(start[0], end[0])), list(range(start[1], end[1]))
    inside = [
        b
        for b in rough
        if all(start[0] <= i < end[0] for i in b.src) and all(start[1] <= j < end[1] for j in b.tgt)
    ]
    if [i for b in inside for i in b.src] == src_ids and [j for b in inside for j in b.tgt] == tgt_ids:
        return inside
    return _align(src, tgt, src_ids, tgt_ids, align)


def kept_links(old: DocumentSet, src: Document, tgt: Document) -> list[Link]:
    """The manual links of ``old``'s src-tgt alignment that still hold for the new ``src``/``tgt``."""
    if src.lang not in old.docs or tgt.lang not in old.docs:
        return []
    try:
        alignment = old.alignment(src.lang, tgt.lang)
    except KeyError:
        return []
    old_src, old_tgt = old.docs[src.lang], old.docs[tgt.lang]

    def dropped(link: Link, why: str) -> None:
        ids = [old_src.sentence_id(i) for i in link.src] + [old_tgt.sentence_id(j) for j in link.tgt]
        warn(f"manual {link.kind} link {' '.join(ids)} of {alignment.pair} dropped: {why}; aligned afresh")

    return pins(alignment.links, sentence_map(old_src, src), sentence_map(old_tgt, tgt), dropped)
