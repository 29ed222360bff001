"""The data model shared by every stage: documents, sentences, beads, alignments, document sets.

Plain dataclasses with no behaviour beyond derived views, so that every stage (read, segment,
align, TEI, report, export) exchanges the same objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    text: str  # exactly as in the source (script, punctuation, inner whitespace kept)
    para: int  # 0-based paragraph index within its document


@dataclass
class Document:
    lang: str  # BCP 47 tag, e.g. "en", "sr-Cyrl"
    sentences: list[Sentence]
    source: str | None = None  # where the text came from (a path), for headers and messages
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def texts(self) -> list[str]:
        return [s.text for s in self.sentences]

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
class Bead:
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
    beads: list[Bead]

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
    # framing, term-missing, forbidden-term, number, name, omission, addition, low-confidence, length
    kind: str
    severity: str  # "high", "medium" or "low"
    left_ids: tuple[str, ...]
    right_ids: tuple[str, ...]
    left_text: str
    right_text: str
    detail: str  # one readable sentence
    concept: str | None = None
    left_terms: tuple[TermHit, ...] = ()
    right_terms: tuple[TermHit, ...] = ()
    # What the finding is about, as (start, end) character offsets into left_text / right_text: the
    # words a partial omission left out, the differing number or name. Empty when it is the whole link.
    left_spans: tuple[tuple[int, int], ...] = ()
    right_spans: tuple[tuple[int, int], ...] = ()
