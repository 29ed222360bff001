"""The data model shared by every stage: documents, sentences, links, alignments, document sets.

Plain dataclasses with no behaviour beyond derived views, so that every stage (read, segment,
align, TEI, report, export) exchanges the same objects; and the one rule for a valid alignment
(:func:`check_alignment`), which every reader and writer of alignments calls.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..errors import InputError

_SENTENCE_ID = re.compile(r"(?P<lang>[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)\.s(?P<n>[1-9][0-9]*)")


def sentence_id(lang: str, index: int) -> str:
    """align's id for sentence ``index`` (0-based) of the ``lang`` version: ``en.s1`` for index 0."""
    if index < 0:
        raise ValueError(f"sentence index must be >= 0, not {index}")
    return f"{lang}.s{index + 1}"


def parse_sentence_id(xml_id: str) -> tuple[str, int]:
    """Inverse of :func:`sentence_id`: ``"sr-Cyrl.s3"`` -> ``("sr-Cyrl", 2)``."""
    match = _SENTENCE_ID.fullmatch(xml_id.removeprefix("#"))
    if match is None:
        raise ValueError(f"not a sentence id of the form LANG.sN: {xml_id!r}")
    return match["lang"], int(match["n"]) - 1


@dataclass(frozen=True)
class Sentence:
    text: str  # exactly as in the source (script, punctuation, inner whitespace kept)
    para: int  # 0-based paragraph index within its document
    # The xml:id it had in the TEI file it was read from; None when that is align's own LANG.sN
    # (Document.sentence_id), so a set read back from align's TEI equals the set written.
    id: str | None = None


@dataclass
class Document:
    lang: str  # BCP 47 tag, e.g. "en", "sr-Cyrl"
    sentences: list[Sentence]
    source: str | None = None  # where the text came from (a path), for headers and messages
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def texts(self) -> list[str]:
        return [s.text for s in self.sentences]

    def sentence_id(self, index: int) -> str:
        """The id of sentence ``index``: as in the file it was read from, else ``LANG.sN``."""
        return self.sentences[index].id or sentence_id(self.lang, index)

    @property
    def paragraphs(self) -> list[list[int]]:
        """Sentence indices grouped by paragraph, in order."""
        groups: list[list[int]] = []
        last = None
        for i, s in enumerate(self.sentences):
            if s.para != last:
                groups.append([])
                last = s.para
            groups[-1].append(i)
        return groups


def paragraph_numbers(paragraphs: Sequence[tuple[int, object]]) -> list[int]:
    """Paragraph numbers for sentences in text order, from each one's paragraph as (its position among
    the paragraphs, the paragraph itself): the position, but one more than the previous sentence's when
    the paragraph changes and the position would not grow (a paragraph inside a note inside the
    paragraph it interrupts). Documents need numbers that never decrease."""
    numbers: list[int] = []
    last: object = None
    for k, (position, paragraph) in enumerate(paragraphs):
        if k and paragraph == last:
            numbers.append(numbers[-1])
        else:
            numbers.append(max(position, numbers[-1] + 1) if k else position)
        last = paragraph
    return numbers


@dataclass(frozen=True)
class Link:
    """One alignment unit: source and target sentence indices (0-based), either side may be empty."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    cert: float | None = None  # aligner confidence in [0, 1]; None when unknown (e.g. manual gold)
    status: str = "auto"  # "auto", "manual" or "derived"

    @property
    def kind(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"


@dataclass
class Alignment:
    src_lang: str
    tgt_lang: str
    links: list[Link]

    @property
    def pair(self) -> str:
        return f"{self.src_lang}-{self.tgt_lang}"


class InvalidAlignment(InputError):
    """An alignment that breaks :func:`check_alignment`'s rule; ``link`` is the 0-based index of the
    first link that does, None when it is the alignment as a whole (sentences left over at the end).
    Readers re-raise it naming their file and link; from a writer it is a one-line error as it is."""

    def __init__(self, message: str, link: int | None = None) -> None:
        super().__init__(message)
        self.link = link

    def where(self, label: str = "") -> str:
        """The message after ``label`` and the 1-based link number: ``linkGrp en-de, link 3: ...``."""
        parts = [p for p in (label, None if self.link is None else f"link {self.link + 1}") if p]
        return ", ".join(parts) + (": " if parts else "") + str(self)


def check_alignment(
    alignment: Alignment,
    sizes: tuple[int, int],
    *,
    name: Callable[[int, int], str] | None = None,
    gaps: bool = False,
    loose: bool = False,
) -> None:
    """The rule for a valid alignment of two texts of ``sizes`` sentences: the texts differ; every link
    holds a sentence; on each side a link's sentences are consecutive, in text order; links follow the
    text order on both sides and share no sentence; every sentence is in exactly one link. ``gaps``
    allows sentences in no link (a reader that reads them as without counterpart); ``loose`` checks
    only that each sentence is in at most one link and every link holds one (gold standards of other
    corpora, read as bead files, have links that cross or skip sentences). ``name(side,
    index)`` names a sentence in messages (default ``N of the LANG text``). Raises InvalidAlignment."""
    langs = (alignment.src_lang, alignment.tgt_lang)
    if langs[0] == langs[1]:
        raise InvalidAlignment(f"it links the {langs[0]} text with itself")

    def called(side: int, index: int) -> str:
        return name(side, index) if name else f"{index + 1} of the {langs[side]} text"

    owner: list[dict[int, int]] = [{}, {}]  # side -> sentence -> the link holding it
    for k, link in enumerate(alignment.links):  # first what each link holds
        if not (link.src or link.tgt):
            raise InvalidAlignment("it links no sentence", k)
        for side, indices in enumerate((link.src, link.tgt)):
            for i in indices:
                if not 0 <= i < sizes[side]:
                    raise InvalidAlignment(
                        f"it points past the {langs[side]} text ({sizes[side]} sentences)", k
                    )
                if i in owner[side]:
                    first = owner[side][i]
                    again = "twice in this link" if first == k else f"also in link {first + 1}"
                    raise InvalidAlignment(f"sentence {called(side, i)} is {again}", k)
                owner[side][i] = k
            if not loose and any(b != a + 1 for a, b in itertools.pairwise(indices)):
                raise InvalidAlignment(f"its {langs[side]} sentences are not consecutive, in text order", k)
    if loose:
        return
    nxt = [0, 0]  # each side's first sentence after the links so far
    for k, link in enumerate(alignment.links):  # then their order
        for side, indices in enumerate((link.src, link.tgt)):
            if not indices:
                continue
            if indices[0] < nxt[side]:
                raise InvalidAlignment(
                    f"out of text order (sentence {called(side, indices[0])} comes before sentences of an "
                    "earlier link)",
                    k,
                )
            later = owner[side].get(nxt[side])
            if indices[0] > nxt[side] and later is not None:
                raise InvalidAlignment(
                    f"out of text order (sentence {called(side, nxt[side])} before it is in link "
                    f"{later + 1})",
                    k,
                )
            if indices[0] > nxt[side] and not gaps:
                raise InvalidAlignment(f"sentence {called(side, nxt[side])} before it is in no link", k)
            nxt[side] = indices[-1] + 1
    left = [f"sentence {called(side, nxt[side])}" for side in (0, 1) if nxt[side] < sizes[side]]
    if left and not gaps:
        raise InvalidAlignment(f"{' and '.join(left)} and those after it are in no link")


def check_set(docset: DocumentSet) -> None:
    """:func:`check_alignment` on every alignment of ``docset`` (each between two of its documents);
    the message names the pair."""
    for alignment in docset.alignments:
        missing = [lang for lang in (alignment.src_lang, alignment.tgt_lang) if lang not in docset.docs]
        if missing:
            raise InvalidAlignment(f"{alignment.pair}: the set has no {missing[0]} text")
        sizes = (
            len(docset.docs[alignment.src_lang].sentences),
            len(docset.docs[alignment.tgt_lang].sentences),
        )
        try:
            check_alignment(alignment, sizes)
        except InvalidAlignment as exc:
            raise InvalidAlignment(exc.where(alignment.pair)) from None


@dataclass
class DocumentSet:
    """One source text and its versions; the first document is the pivot every alignment starts from."""

    id: str
    docs: dict[str, Document]  # lang tag -> document, insertion order, pivot first
    alignments: list[Alignment] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # carried into the TEI header
    settings: dict[str, str] = field(default_factory=dict)  # the run's options, for provenance

    @property
    def pivot(self) -> str:
        return next(iter(self.docs))

    def alignment(self, src_lang: str, tgt_lang: str) -> Alignment:
        for a in self.alignments:
            if (a.src_lang, a.tgt_lang) == (src_lang, tgt_lang):
                return a
        raise KeyError(f"{src_lang}-{tgt_lang}")

    @property
    def mean_cert(self) -> float | None:
        """The mean aligner cert over the links that have one (None: none has), for overviews."""
        certs = [link.cert for a in self.alignments for link in a.links if link.cert is not None]
        return sum(certs) / len(certs) if certs else None


@dataclass(frozen=True)
class TermHit:
    """A termbase term found in a sentence."""

    concept: str
    term: str  # the termbase entry
    surface: str  # the words as written in the sentence
    framing: str | None = None  # None means neutral
    forbidden: bool = False


@dataclass
class Finding:
    """One divergence between the pivot (left) and another version (right) of a document set."""

    pair: str  # e.g. "en-sr"
    kind: str  # one of align.report.checks.KINDS, which the checkers register
    severity: str  # "high", "medium" or "low"
    src_ids: tuple[str, ...]
    tgt_ids: tuple[str, ...]
    src_text: str
    tgt_text: str
    detail: str  # one readable sentence
    concept: str | None = None
    src_terms: tuple[TermHit, ...] = ()
    tgt_terms: tuple[TermHit, ...] = ()
    # What the finding is about, as (start, end) character offsets into src_text / tgt_text: the
    # words a partial omission left out, the differing number or name. Empty when it is the whole link.
    src_spans: tuple[tuple[int, int], ...] = ()
    tgt_spans: tuple[tuple[int, int], ...] = ()
