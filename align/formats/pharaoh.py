"""Word links of every link in Pharaoh format, with the tokenized sentences they index.

One line per link with sentences on both sides: ``source tokens ||| target tokens ||| i-j ...``
(tokens separated by spaces, as fast_align's input; links 0-based into those tokens, as fast_align
and eflomal write them). The word links are computed here, by :func:`align.words.align_units`
trained on the pair's links. One pair per file, so several pairs go to a folder, one
``{set}.{pair}.pharaoh`` file each (as the bead format does).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..model import Alignment, DocumentSet
from ..model.rows import set_link_texts
from ..words import align_units, tokenize
from .perpair import write_pairs


def pharaoh_lines(docset: DocumentSet, alignment: Alignment) -> str:
    """The lines of one pair (links with an empty side are left out: they have no word links)."""
    rows = [row for row in set_link_texts(docset, alignment) if row.src_text and row.tgt_text]
    units = [
        (
            [t.text for t in tokenize(row.src_text, alignment.src_lang)],
            [t.text for t in tokenize(row.tgt_text, alignment.tgt_lang)],
        )
        for row in rows
    ]
    found = align_units(units, alignment.src_lang, alignment.tgt_lang)
    return "".join(
        f"{' '.join(src)} ||| {' '.join(tgt)} ||| {' '.join(f'{w.src}-{w.tgt}' for w in links)}\n"
        for (src, tgt), links in zip(units, found, strict=True)
    )


def write_pharaoh(selected: Iterable[tuple[DocumentSet, Alignment]], output: str | Path) -> list[str]:
    """One pair to ``output`` (a file or ``-``), several to the folder ``output``; returns the files."""
    return write_pairs(selected, output, pharaoh_lines, "pharaoh")
