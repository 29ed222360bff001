"""Formats that hold one document pair a file: one pair to a file (or ``-``), several pairs to a folder,
one ``{set}.{pair}.{extension}`` file each (the bead file, Pharaoh word links)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import InputError
from ..io.fsutil import atomic_write_text, check_name, output_folder
from ..model import Alignment, DocumentSet


def write_pairs(
    selected: Iterable[tuple[DocumentSet, Alignment]],
    output: str | Path,
    render: Callable[[DocumentSet, Alignment], str],
    extension: str,
) -> list[str]:
    """One pair's ``render`` to ``output`` (a file or ``-``), several pairs' to the folder ``output``,
    one ``{set}.{pair}.{extension}`` file each; returns the files. For formats that hold one pair."""
    chosen = list(selected)
    if len(chosen) == 1 and not Path(output).is_dir():
        atomic_write_text(output, render(*chosen[0]))
        return [str(output)]
    if str(output) == "-" or Path(output).is_file():
        raise InputError(
            f"{len(chosen)} pairs selected and a .{extension} file holds one: give -o a folder, or pick one "
            "set and --pair"
        )
    folder = output_folder(output)
    written = []
    for docset, alignment in chosen:  # ids and languages come from the files: never let them leave -o
        check_name(docset.id, "document set id", output, strict=False)
        check_name(alignment.pair, f"set {docset.id}: pair", output, strict=False)
    for docset, alignment in chosen:
        path = folder / f"{docset.id}.{alignment.pair}.{extension}"
        atomic_write_text(path, render(docset, alignment))
        written.append(str(path))
    return written
