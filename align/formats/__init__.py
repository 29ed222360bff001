"""Output formats by name and file extension, for the writers and the command line alike.

Kept apart from the writers (and free of heavy imports) so the CLI builds its ``--format`` choices and
its format-from-extension guess from the same table the library dispatches on.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..errors import InputError, clip

# extension -> format name
REPORT: dict[str, str] = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".json": "json",
                          ".csv": "csv", ".parquet": "parquet"}  # fmt: skip
TABLE: dict[str, str] = {".csv": "csv", ".tsv": "tsv", ".parquet": "parquet"}
EXPORT: dict[str, str] = {".tmx": "tmx", **TABLE, ".beads": "beads", ".pharaoh": "pharaoh"}
EXPORT_FOLDERS = ("intertext",)  # export formats written to a folder, so with no extension
BINARY = frozenset({"parquet"})


def names(extensions: Mapping[str, str], *extra: str) -> list[str]:
    """The format names of a table (and ``extra`` ones), sorted, for choices and messages."""
    return sorted({*extensions.values(), *extra})


def from_extension(path: str | Path, extensions: Mapping[str, str], option: str = "--format") -> str:
    """The format ``path``'s extension names; InputError listing the formats when it names none."""
    fmt = extensions.get(Path(path).suffix.lower()) if str(path) != "-" else None
    if fmt is None:
        where = "standard output" if str(path) == "-" else clip(str(path))
        raise InputError(
            f"cannot tell the format from {where}: give {option} ({', '.join(names(extensions))})"
        )
    return fmt


def check_output(fmt: str, output: str | Path) -> None:
    """A binary format cannot go to standard output."""
    if fmt in BINARY and str(output) == "-":
        raise InputError(f"{fmt.capitalize()} is binary: give -o FILE.{fmt}")
