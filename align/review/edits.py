"""The editor's operations on one pair's links, as splices that undo and redo exactly.

Every operation keeps the links monotonic and covering (each sentence of both sides in exactly one link,
in document order): it only regroups neighbouring sentences. Links an operation makes carry status
``manual`` and no cert (a person made them; the aligner's confidence no longer applies).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Link


class EditError(ValueError):
    """An edit that cannot apply here (say why; the page shows it)."""


@dataclass(frozen=True)
class Splice:
    """Replace ``old`` (the links at ``start``) with ``new``."""

    start: int
    old: tuple[Link, ...]
    new: tuple[Link, ...]

    def apply(self, links: list[Link]) -> None:
        links[self.start : self.start + len(self.old)] = self.new

    @property
    def inverse(self) -> Splice:
        return Splice(self.start, self.new, self.old)


def _manual(src: tuple[int, ...], tgt: tuple[int, ...]) -> Link:
    return Link(src, tgt, None, "manual")


def _side(link: Link, side: int) -> tuple[int, ...]:
    return link.tgt if side else link.src


def _with_side(link: Link, side: int, indices: tuple[int, ...]) -> Link | None:
    """``link`` with one side replaced, as a manual link; None if nothing is left in it."""
    src, tgt = (link.src, indices) if side else (indices, link.tgt)
    return _manual(src, tgt) if src or tgt else None


def merge(links: list[Link], k: int, other: int) -> Splice:
    """Link ``k`` and its neighbour ``other`` (k - 1 or k + 1) become one link."""
    if other not in (k - 1, k + 1) or not 0 <= other < len(links):
        raise EditError("there is no link on that side to merge with")
    a, b = sorted((k, other))
    return Splice(
        a, (links[a], links[b]), (_manual(links[a].src + links[b].src, links[a].tgt + links[b].tgt),)
    )


def split(links: list[Link], k: int) -> Splice:
    """Link ``k`` becomes 1-1 links in order; sentences left over on the longer side become 1-0 / 0-1."""
    link = links[k]
    if len(link.src) <= 1 and len(link.tgt) <= 1:
        raise EditError(f"a {link.kind} link cannot be split")
    n = min(len(link.src), len(link.tgt))
    pieces = [_manual((link.src[i],), (link.tgt[i],)) for i in range(n)]
    pieces += [_manual((i,), ()) for i in link.src[n:]] + [_manual((), (j,)) for j in link.tgt[n:]]
    return Splice(k, (link,), tuple(pieces))


def _end(links: list[Link], k: int, side: int, sentence: int) -> str:
    """Whether ``sentence`` is the first or last of its side of link ``k`` (what move/detach can take)."""
    indices = _side(links[k], side)
    if sentence == indices[0]:
        return "first"
    if sentence == indices[-1]:
        return "last"
    raise EditError("only the first or last sentence of a link's side can leave it")


def move(links: list[Link], k: int, side: int, sentence: int, direction: str) -> Splice:
    """Move ``sentence`` (first of its side for "up", last for "down") into the previous / next link."""
    indices = _side(links[k], side)
    if direction == "up":
        if sentence != indices[0]:
            raise EditError("only the first sentence of a link's side can move up")
        if k == 0:
            raise EditError("there is no link above")
        prev, rest = links[k - 1], indices[1:]
        moved = _with_side(prev, side, _side(prev, side) + (sentence,))
        left = _with_side(links[k], side, rest)
        return Splice(k - 1, (prev, links[k]), tuple(b for b in (moved, left) if b))
    if direction == "down":
        if sentence != indices[-1]:
            raise EditError("only the last sentence of a link's side can move down")
        if k == len(links) - 1:
            raise EditError("there is no link below")
        nxt, rest = links[k + 1], indices[:-1]
        left = _with_side(links[k], side, rest)
        moved = _with_side(nxt, side, (sentence,) + _side(nxt, side))
        return Splice(k, (links[k], nxt), tuple(b for b in (left, moved) if b))
    raise EditError(f"unknown direction {direction!r} (up or down)")


def detach(links: list[Link], k: int, side: int, sentence: int) -> Splice:
    """``sentence`` leaves link ``k`` for a 1-0 / 0-1 link of its own, before it if it was the side's
    first sentence, after it otherwise."""
    link = links[k]
    if not (link.src and link.tgt) and len(_side(link, side)) == 1:
        raise EditError("this sentence is already unlinked")
    end = _end(links, k, side, sentence)
    indices = _side(link, side)
    alone = _manual((), (sentence,)) if side else _manual((sentence,), ())
    first = end == "first" and len(indices) > 1
    rest = _with_side(link, side, indices[1:] if first else indices[:-1])
    pieces = (alone, rest) if first else (rest, alone)
    return Splice(k, (link,), tuple(b for b in pieces if b))


def check(links: list[Link], k: int) -> Splice:
    """Mark link ``k`` as checked by a person: status manual, as it is."""
    link = links[k]
    if link.status == "manual":
        raise EditError("this link is already checked")
    return Splice(k, (link,), (_manual(link.src, link.tgt),))


def uncheck(links: list[Link], k: int, loaded: list[Link]) -> Splice:
    """Take back that link ``k`` was checked: it becomes exactly what the file had when it was opened
    (``loaded``), an automatic link with the aligner's cert. A link a person made or checked before
    (a manual one in the file, or one an edit made) has nothing else to go back to: it stays manual."""
    link = links[k]
    if link.status != "manual":
        raise EditError("this link is not checked")
    was = next((b for b in loaded if (b.src, b.tgt) == (link.src, link.tgt) and b.status != "manual"), None)
    if was is None:
        raise EditError(
            "this link was made or checked by hand before, so it stays checked (z undoes an edit)"
        )
    return Splice(k, (link,), (was,))
