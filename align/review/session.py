"""One file under review: its links as edited, undo/redo, findings kept in step, and saving.

The TEI file is the single source of truth: it is read once, every edit changes the in-memory links,
and saving writes them back into the file's own tree (see :mod:`align.review.save`), refusing when the
file changed on disk meanwhile. Findings are those of ``align report`` for each link; after an edit
only the links whose findings can change (the edited ones and their neighbours) are checked again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, OutputError
from ..io.fsutil import atomic_write_bytes, check_name
from ..io.xmlsafe import parse_xml
from ..model import DocumentSet, Finding, Link
from ..report import ReportOptions
from ..report.checks import checkers
from ..report.findings import PairChecks, SentenceTerms, match_terms
from ..tei import from_tree
from ..tei.words import counterparts, read_word_links
from ..terms import Termbase
from . import edits
from .edits import EditError, Splice
from .save import as_loaded, references, save_bytes, uncomputed


class SaveConflict(Exception):
    """The file cannot be saved where it was (changed on disk, moved, unwritable): the edits are kept
    and can be saved as a new file beside it (:meth:`ReviewSession.save` with ``as_name``)."""


@dataclass(frozen=True)
class Saved:
    """What a save did: per pair (links edited, links newly checked); whether anything was written
    (a save with no change writes nothing); where; and how many other hard links the replaced file had
    (saving replaces the file, so they keep the old version)."""

    changed: dict[str, tuple[int, int]]
    written: bool
    path: Path
    other_links: int = 0


@dataclass
class Step:
    """One undoable edit: which pair, what changed."""

    pair: int
    splice: Splice


@dataclass
class ReviewSession:
    path: Path
    user: str
    termbase: Termbase | None = None
    options: ReportOptions = field(default_factory=ReportOptions)

    def __post_init__(self) -> None:
        self.lock = threading.RLock()
        data = self._read_disk()
        self.tree = parse_xml(self.path, data)
        self.docset: DocumentSet = from_tree(self.tree, self.path)
        self.disk_hash = hashlib.sha256(data).hexdigest()
        self.ids = {
            lang: [doc.sentence_id(i) for i in range(len(doc.sentences))]
            for lang, doc in self.docset.docs.items()
        }
        # word links of the file as opened (align run --words), per sentence id and token: the editor's hover
        self.words = counterparts(self.docset, read_word_links(self.tree))
        self.where = {sid: (lang, i) for lang, ids in self.ids.items() for i, sid in enumerate(ids)}
        self.loaded = [list(a.links) for a in self.docset.alignments]  # as opened: what uncheck restores
        self.saved = [list(a.links) for a in self.docset.alignments]  # as in the file
        # written back with the same line ends and character references
        self.crlf = data.count(b"\r\n") * 2 > data.count(b"\n")
        self.references = references(data)
        self.undo_stack: list[Step] = []
        self.redo_stack: list[Step] = []
        self.rev = 0
        langs = [lang for a in self.docset.alignments for lang in (a.src_lang, a.tgt_lang)]
        self.terms: SentenceTerms = match_terms(self.docset, self.termbase, langs) if self.termbase else {}
        labels = {c.id: c.label or c.id for c in self.termbase.concepts} if self.termbase else None
        active = checkers(self.options, labels, self.docset)
        self.kinds = self.options.kinds.intersection(k for c in active for k in c.kinds)
        self.kept = len(uncomputed(self.tree, self.kinds))  # annotations this session leaves as they are
        self.checks = [
            PairChecks(self.docset, a, active, self.kinds, self.terms) for a in self.docset.alignments
        ]

    # -- reading -----------------------------------------------------------------------------------------
    def _read_disk(self) -> bytes:
        try:
            return self.path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror or exc}", self.path) from None

    # -- findings ----------------------------------------------------------------------------------------
    @property
    def findings(self) -> list[list[list[Finding]]]:
        """Per pair, per link, the findings of ``align report`` as the links stand now."""
        return [checks.findings for checks in self.checks]

    # -- editing -----------------------------------------------------------------------------------------
    def pair_index(self, name: str) -> int:
        for k, a in enumerate(self.docset.alignments):
            if a.pair == name:
                return k
        raise EditError(f"no pair {name!r} in this file")

    def locate(self, pair: int, sid: str) -> tuple[int, int, int]:
        """(link index, side 0/1, sentence index) of sentence ``sid`` in ``pair``."""
        if not isinstance(sid, str) or sid not in self.where:
            raise EditError(f"unknown sentence id {sid!r}")
        lang, index = self.where[sid]
        alignment = self.docset.alignments[pair]
        if lang not in (alignment.src_lang, alignment.tgt_lang):
            raise EditError(f"sentence {sid} is not in the pair {alignment.pair}")
        side = 0 if lang == alignment.src_lang else 1
        for k, link in enumerate(alignment.links):
            if index in (link.tgt if side else link.src):
                return k, side, index
        raise EditError(f"sentence {sid} is in no link of {alignment.pair}")

    def edit(self, pair_name: str, op: str, sid: str, direction: str | None = None) -> int:
        """Apply one edit; returns the index of the link to show next."""
        with self.lock:
            pair = self.pair_index(pair_name)
            links = self.docset.alignments[pair].links
            k, side, index = self.locate(pair, sid)
            if op == "merge":
                splice = edits.merge(links, k, k + 1 if direction == "next" else k - 1)
            elif op == "split":
                splice = edits.split(links, k)
            elif op == "move":
                splice = edits.move(links, k, side, index, direction or "")
            elif op == "detach":
                splice = edits.detach(links, k, side, index)
            elif op == "check":
                splice = edits.check(links, k)
            elif op == "uncheck":
                splice = edits.uncheck(links, k, self.loaded[pair])
            else:
                raise EditError(f"unknown edit {op!r}")
            self._apply(pair, splice)
            self.undo_stack.append(Step(pair, splice))
            self.redo_stack.clear()
            return self._focus(pair, index, side)

    def _apply(self, pair: int, splice: Splice) -> None:
        splice.apply(self.docset.alignments[pair].links)
        self.checks[pair].splice(splice.start, len(splice.old), len(splice.new))
        self.rev += 1

    def _focus(self, pair: int, index: int, side: int) -> int:
        links = self.docset.alignments[pair].links
        return next(k for k, b in enumerate(links) if index in (b.tgt if side else b.src))

    def undo(self) -> tuple[int, int]:
        return self._step(self.undo_stack, self.redo_stack, inverse=True)

    def redo(self) -> tuple[int, int]:
        return self._step(self.redo_stack, self.undo_stack, inverse=False)

    def _step(self, source: list[Step], target: list[Step], *, inverse: bool) -> tuple[int, int]:
        """Undo or redo one step; returns (pair, link to show)."""
        with self.lock:
            if not source:
                raise EditError("nothing to undo" if inverse else "nothing to redo")
            step = source.pop()
            self._apply(step.pair, step.splice.inverse if inverse else step.splice)
            target.append(step)
            return step.pair, step.splice.start

    # -- saving ------------------------------------------------------------------------------------------
    def changed(self) -> dict[str, tuple[int, int]]:
        """Per pair, (links edited, links newly checked) since the file was loaded or saved."""
        out = {}
        for alignment, before in zip(self.docset.alignments, self.saved, strict=True):
            old = {(b.src, b.tgt): b.status for b in before}
            new = [b for b in alignment.links if old.get((b.src, b.tgt)) != b.status]
            checked = sum(1 for b in new if (b.src, b.tgt) in old and b.status == "manual")
            if new:
                out[alignment.pair] = (len(new) - checked, checked)
        return out

    @property
    def dirty(self) -> bool:
        return any(a.links != before for a, before in zip(self.docset.alignments, self.saved, strict=True))

    def save(self, as_name: str | None = None) -> Saved:
        """Write the edits into the file, or with ``as_name`` into a new file of that name beside it
        (never over an existing one). SaveConflict if the file changed on disk since it was read, is
        gone, or cannot be written; nothing is written when no link changed (except a save-as)."""
        with self.lock:
            target = self.path if as_name is None else self._beside(as_name)
            if as_name is None:
                self._unchanged_on_disk()
            changed = self.changed()
            if not changed and as_name is None:
                return Saved(changed, False, self.path)
            tree, data = save_bytes(self, changed)
            data = as_loaded(data, self.references, self.crlf)
            other_links = 0
            with contextlib.suppress(OSError):
                other_links = target.stat().st_nlink - 1
            try:
                atomic_write_bytes(target, data)
            except OutputError as exc:
                raise SaveConflict(f"{exc}; not saved: save as a new file to keep your edits") from None
            self.path, self.tree = target, tree
            self.disk_hash = hashlib.sha256(data).hexdigest()
            self.saved = [list(a.links) for a in self.docset.alignments]
            return Saved(changed, True, target, other_links)

    def _unchanged_on_disk(self) -> None:
        name = self.path.name
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            raise SaveConflict(
                f"{name} is no longer at {self.path.parent} (moved or deleted); not saved: "
                "save as a new file to keep your edits"
            ) from None
        except OSError as exc:
            raise SaveConflict(
                f"cannot read {name}: {exc.strerror or exc}; not saved: save as a new file to keep your edits"
            ) from None
        if hashlib.sha256(data).hexdigest() != self.disk_hash:
            raise SaveConflict(
                f"{name} changed on disk since it was opened; not saved: save as a new file to keep "
                "your edits (or reopen it to see the other changes, then redo yours)"
            )

    def suggest_name(self) -> str:
        """A free name beside the file to offer for save-as: kosovo.tei.xml -> kosovo.reviewed.tei.xml."""
        stem, dot, rest = self.path.name.partition(".")
        for n in range(1, 1000):
            name = f"{stem}.reviewed{'' if n == 1 else f'-{n}'}{dot}{rest}"
            if not (self.path.parent / name).exists():
                return name
        return f"{stem}.reviewed-{os.getpid()}{dot}{rest}"

    def _beside(self, name: str) -> Path:
        """The new file ``name`` in the folder of the file under review: a plain name, not taken."""
        try:
            check_name(name, "the file name", strict=False)
        except InputError as exc:
            raise EditError(str(exc)) from None
        target = self.path.parent / name
        if target.exists() or target.is_symlink():
            raise EditError(f"{name} exists already in {self.path.parent}: choose another name")
        return target

    def links(self, pair: int) -> list[Link]:
        return self.docset.alignments[pair].links
