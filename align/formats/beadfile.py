"""The field's plain bead format: one bead per line, ``[6, 7]:[9]``, ``[]:[51]``, optional ``:score``.

0-based sentence numbers, source first (as read by Vecalign's and Bertalign's scorers).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError, clip
from ..model import Bead

_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*(?::\s*(-?[\d.eE+-]+))?\s*$")


def _indices(field: str) -> tuple[int, ...]:
    return tuple(int(x) for x in field.replace(",", " ").split())


def parse_beads(text: str, path: str | Path | None = None) -> list[Bead]:
    beads = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        m = _LINE.match(line)
        if m is None:
            raise InputError(f"line {lineno}: not a bead like '[0]:[0, 1]': {clip(line.strip())}", path)
        try:
            src, tgt = _indices(m.group(1)), _indices(m.group(2))
            cert = float(m.group(3)) if m.group(3) is not None else None
        except ValueError:  # a score like "+" or "1e", or a number of thousands of digits
            raise InputError(
                f"line {lineno}: not a bead like '[0]:[0, 1]:0.93': {clip(line.strip())}", path
            ) from None
        if not src and not tgt:
            raise InputError(f"line {lineno}: bead with both sides empty", path)
        beads.append(Bead(src, tgt, cert=cert, status="manual" if cert is None else "auto"))
    return beads


def read_beads(path: str | Path) -> list[Bead]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read bead file: {exc}", path) from None
    return parse_beads(text, path)


def format_bead(bead: Bead, with_score: bool = False) -> str:
    line = f"[{', '.join(map(str, bead.src))}]:[{', '.join(map(str, bead.tgt))}]"
    if with_score and bead.cert is not None:
        line += f":{bead.cert:.4f}"
    return line


def format_beads(beads: Iterable[Bead], with_score: bool = False) -> str:
    return "".join(format_bead(b, with_score) + "\n" for b in beads)
