"""The field's plain bead format: one link per line, ``[6, 7]:[9]``, ``[]:[51]``, optional ``:cert``.

0-based sentence numbers, source first (as read by Vecalign's and Bertalign's scorers). A file holds
one document pair, so several pairs go to a folder, one ``{set}.{pair}.beads`` file each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError, clip
from ..model import Alignment, DocumentSet, InvalidAlignment, Link, check_alignment
from .perpair import write_pairs

_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*(?::\s*(-?[\d.eE+-]+))?\s*$")


def _indices(field: str) -> tuple[int, ...]:
    return tuple(int(x) for x in field.replace(",", " ").split())


def parse_beads(text: str, path: str | Path | None = None) -> list[Link]:
    """The links of a bead file: :func:`align.model.check_alignment`'s loose rule (no sentence in two
    links), as gold standards such as Text+Berg's have links that cross or skip sentences."""
    links = []
    lines = []  # the line of each link, for messages
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        m = _LINE.match(line)
        if m is None:
            raise InputError(f"line {lineno}: not a link like '[0]:[0, 1]': {clip(line.strip())}", path)
        try:
            src, tgt = _indices(m.group(1)), _indices(m.group(2))
            cert = float(m.group(3)) if m.group(3) is not None else None
        except ValueError:  # a cert like "+" or "1e", or a number of thousands of digits
            raise InputError(
                f"line {lineno}: not a link like '[0]:[0, 1]:0.93': {clip(line.strip())}", path
            ) from None
        if not src and not tgt:
            raise InputError(f"line {lineno}: link with both sides empty", path)
        links.append(Link(src, tgt, cert=cert, status="manual" if cert is None else "auto"))
        lines.append(lineno)
    sizes = (
        max((i + 1 for b in links for i in b.src), default=0),
        max((j + 1 for b in links for j in b.tgt), default=0),
    )
    try:
        check_alignment(Alignment("source", "target", links), sizes, loose=True)
    except InvalidAlignment as exc:
        raise InputError(str(exc) if exc.link is None else f"line {lines[exc.link]}: {exc}", path) from None
    return links


def read_beads(path: str | Path) -> list[Link]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read bead file: {exc}", path) from None
    return parse_beads(text, path)


def format_bead(link: Link, with_cert: bool = False) -> str:
    line = f"[{', '.join(map(str, link.src))}]:[{', '.join(map(str, link.tgt))}]"
    if with_cert and link.cert is not None:
        line += f":{link.cert:.4f}"
    return line


def format_beads(links: Iterable[Link], with_cert: bool = False) -> str:
    return "".join(format_bead(b, with_cert) + "\n" for b in links)


def write_beads(selected: Iterable[tuple[DocumentSet, Alignment]], output: str | Path) -> list[str]:
    """One pair to ``output`` (a file or ``-``), several to the folder ``output``; returns the files."""
    return write_pairs(
        selected, output, lambda _, alignment: format_beads(alignment.links, with_cert=True), "beads"
    )
