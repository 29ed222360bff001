"""The data model shared by every stage: documents, sentences, links, alignments, document sets.

Plain dataclasses with no behaviour beyond derived views, so that every stage (read, segment,
align, TEI, report, export) exchanges the same objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
