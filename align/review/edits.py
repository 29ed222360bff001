"""The editor's operations on one pair's links, as splices that undo and redo exactly.

Every operation keeps the links monotonic and covering (each sentence of both sides in exactly one link,
in document order): it only regroups neighbouring sentences. Links an operation makes carry status
``manual`` and no cert (a person made them; the aligner's confidence no longer applies).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Bead


class EditError(ValueError):
    """An edit that cannot apply here (say why; the page shows it)."""


@dataclass(frozen=True)
class Splice:
    """Replace ``old`` (the links at ``start``) with ``new``."""

    start: int
    old: tuple[Bead, ...]
    new: tuple[Bead, ...]

    def apply(self, beads: list[Bead]) -> None:
        beads[self.start : self.start + len(self.old)] = self.new

    def revert(self, beads: list[Bead]) -> None:
        beads[self.start : self.start + len(self.new)] = self.old

    @property
    def inverse(self) -> Splice:
        return Splice(self.start, self.new, self.old)


def _manual(src: tuple[int, ...], tgt: tuple[int, ...]) -> Bead:
    return Bead(src, tgt, None, "manual")


def _side(bead: Bead, side: int) -> tuple[int, ...]:
    return bead.tgt if side else bead.src


def _with_side(bead: Bead, side: int, indices: tuple[int, ...]) -> Bead | None:
    """``bead`` with one side replaced, as a manual link; None if nothing is left in it."""
    src, tgt = (bead.src, indices) if side else (indices, bead.tgt)
    return _manual(src, tgt) if src or tgt else None


def merge(beads: list[Bead], k: int, other: int) -> Splice:
    """Link ``k`` and its neighbour ``other`` (k - 1 or k + 1) become one link."""
    if other not in (k - 1, k + 1) or not 0 <= other < len(beads):
        raise EditError("there is no link on that side to merge with")
    a, b = sorted((k, other))
    return Splice(
        a, (beads[a], beads[b]), (_manual(beads[a].src + beads[b].src, beads[a].tgt + beads[b].tgt),)
    )


def split(beads: list[Bead], k: int) -> Splice:
    """Link ``k`` becomes 1-1 links in order; sentences left over on the longer side become 1-0 / 0-1."""
    bead = beads[k]
    if len(bead.src) <= 1 and len(bead.tgt) <= 1:
        raise EditError(f"a {bead.kind} link cannot be split")
    n = min(len(bead.src), len(bead.tgt))
    pieces = [_manual((bead.src[i],), (bead.tgt[i],)) for i in range(n)]
    pieces += [_manual((i,), ()) for i in bead.src[n:]] + [_manual((), (j,)) for j in bead.tgt[n:]]
    return Splice(k, (bead,), tuple(pieces))


def _end(beads: list[Bead], k: int, side: int, sentence: int) -> str:
    """Whether ``sentence`` is the first or last of its side of link ``k`` (what move/detach can take)."""
    indices = _side(beads[k], side)
    if sentence == indices[0]:
        return "first"
    if sentence == indices[-1]:
        return "last"
    raise EditError("only the first or last sentence of a link's side can leave it")


def move(beads: list[Bead], k: int, side: int, sentence: int, direction: str) -> Splice:
    """Move ``sentence`` (first of its side for "up", last for "down") into the previous / next link."""
    indices = _side(beads[k], side)
    if direction == "up":
        if sentence != indices[0]:
            raise EditError("only the first sentence of a link's side can move up")
        if k == 0:
            raise EditError("there is no link above")
        prev, rest = beads[k - 1], indices[1:]
        moved = _with_side(prev, side, _side(prev, side) + (sentence,))
        left = _with_side(beads[k], side, rest)
        return Splice(k - 1, (prev, beads[k]), tuple(b for b in (moved, left) if b))
    if direction == "down":
        if sentence != indices[-1]:
            raise EditError("only the last sentence of a link's side can move down")
        if k == len(beads) - 1:
            raise EditError("there is no link below")
        nxt, rest = beads[k + 1], indices[:-1]
        left = _with_side(beads[k], side, rest)
        moved = _with_side(nxt, side, (sentence,) + _side(nxt, side))
        return Splice(k, (beads[k], nxt), tuple(b for b in (left, moved) if b))
    raise EditError(f"unknown direction {direction!r} (up or down)")


def detach(beads: list[Bead], k: int, side: int, sentence: int) -> Splice:
    """``sentence`` leaves link ``k`` for a 1-0 / 0-1 link of its own, before it if it was the side's
    first sentence, after it otherwise."""
    bead = beads[k]
    if not (bead.src and bead.tgt) and len(_side(bead, side)) == 1:
        raise EditError("this sentence is already unlinked")
    end = _end(beads, k, side, sentence)
    indices = _side(bead, side)
    alone = _manual((), (sentence,)) if side else _manual((sentence,), ())
    if end == "first" and len(indices) > 1:
        return Splice(k, (bead,), (alone, _with_side(bead, side, indices[1:])))
    return Splice(k, (bead,), tuple(b for b in (_with_side(bead, side, indices[:-1]), alone) if b))


def check(beads: list[Bead], k: int) -> Splice:
    """Mark link ``k`` as checked by a person: status manual, as it is."""
    bead = beads[k]
    if bead.status == "manual":
        raise EditError("this link is already checked")
    return Splice(k, (bead,), (_manual(bead.src, bead.tgt),))


def uncheck(beads: list[Bead], k: int, loaded: list[Bead]) -> Splice:
    """Take back that link ``k`` was checked: it becomes automatic again, with the aligner's cert when
    the file as loaded (``loaded``) had the same link as an automatic one, else with none."""
    bead = beads[k]
    if bead.status != "manual":
        raise EditError("this link is not checked")
    was = next((b for b in loaded if (b.src, b.tgt, b.status) == (bead.src, bead.tgt, "auto")), None)
    return Splice(k, (bead,), (was or Bead(bead.src, bead.tgt, None, "auto"),))
