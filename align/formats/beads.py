"""The plain bead format (``[0]:[0, 1]:0.9312``) that Vecalign's and Bertalign's scorers read.

It holds one document pair, so several pairs go to a folder, one ``{set}.{pair}.beads`` file each.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from ..io.fsutil import atomic_write_text, check_name
from ..model import Alignment, DocumentSet
from .beadfile import format_beads


def write_beads(selected: Iterable[tuple[DocumentSet, Alignment]], output: str | Path) -> list[str]:
    """One pair to ``output`` (a file or ``-``), several to the folder ``output``; returns the files."""
    chosen = list(selected)
    if len(chosen) == 1 and not Path(output).is_dir():
        atomic_write_text(output, format_beads(chosen[0][1].beads, with_score=True))
        return [str(output)]
    if str(output) == "-" or Path(output).is_file():
        raise InputError(
            f"{len(chosen)} pairs selected and the bead format holds one: give -o a folder, or pick one "
            "set and --pair"
        )
    folder = Path(output)
    written = []
    for docset, alignment in chosen:  # ids and languages come from the files: never let them leave -o
        check_name(docset.id, "document set id", output, strict=False)
        check_name(alignment.pair, f"set {docset.id}: pair", output, strict=False)
    for docset, alignment in chosen:
        path = folder / f"{docset.id}.{alignment.pair}.beads"
        atomic_write_text(path, format_beads(alignment.beads, with_score=True))
        written.append(str(path))
    return written
