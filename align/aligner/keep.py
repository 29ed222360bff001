"""Realign while keeping the links a person made or checked (``align run --keep-manual OLD.tei.xml``).

A manual link of the old alignment is kept as a pin when every one of its sentences is still
there, unchanged, and its sentences are still next to each other on each side: old and new sentences are
matched by text (longest common subsequence, so edits elsewhere shift indices without losing pins).
Anchors that would cross an earlier one are dropped. The aligner then runs only on the stretches between
pins, so checked work is never overridden and edited passages are aligned afresh.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Callable

from ..model import Document, DocumentSet, Link

# Aligns one stretch: (src sentence texts, tgt sentence texts) -> links with 0-based local indices.
AlignStretch = Callable[[list[str], list[str]], list[Link]]


def sentence_map(old: Document, new: Document) -> dict[int, int]:
    """Old sentence index -> new index, for the sentences whose text is unchanged."""
    matcher = difflib.SequenceMatcher(None, old.texts, new.texts, autojunk=False)
    return {block.a + k: block.b + k for block in matcher.get_matching_blocks() for k in range(block.size)}


def _contiguous(indices: tuple[int, ...]) -> bool:
    return all(b == a + 1 for a, b in itertools.pairwise(indices))


def pins(old_links: list[Link], src_map: dict[int, int], tgt_map: dict[int, int]) -> list[Link]:
    """The old manual links that survive, moved to new indices, in order and never crossing."""
    kept: list[Link] = []
    next_src = next_tgt = 0  # the first new sentence a pin may start at
    for link in old_links:
        if link.status != "manual":
            continue
        if any(i not in src_map for i in link.src) or any(j not in tgt_map for j in link.tgt):
            continue
        src = tuple(src_map[i] for i in link.src)
        tgt = tuple(tgt_map[j] for j in link.tgt)
        if not (_contiguous(src) and _contiguous(tgt)):
            continue
        if (src and src[0] < next_src) or (tgt and tgt[0] < next_tgt):
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
    between them (it gets every stretch with a sentence on either side)."""
    out: list[Link] = []
    i = j = 0
    for pin in [*fixed, None]:  # None closes the last stretch
        i_end = len(src) if pin is None else pin.src[0] if pin.src else i
        j_end = len(tgt) if pin is None else pin.tgt[0] if pin.tgt else j
        if i < i_end or j < j_end:
            out.extend(_stretch(align(src[i:i_end], tgt[j:j_end]), i, j))
        if pin is None:
            break
        out.append(pin)
        i = pin.src[-1] + 1 if pin.src else i_end
        j = pin.tgt[-1] + 1 if pin.tgt else j_end
    return out


def kept_links(old: DocumentSet, src: Document, tgt: Document) -> list[Link]:
    """The manual links of ``old``'s src-tgt alignment that still hold for the new ``src``/``tgt``."""
    if src.lang not in old.docs or tgt.lang not in old.docs:
        return []
    try:
        alignment = old.alignment(src.lang, tgt.lang)
    except KeyError:
        return []
    return pins(
        alignment.links,
        sentence_map(old.docs[src.lang], src),
        sentence_map(old.docs[tgt.lang], tgt),
    )
