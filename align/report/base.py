"""What every divergence checker sees and returns: one link of one pair, and findings about it.

A checker is a :class:`Checker`: it owns the Finding kinds it produces (``kinds``: name -> one-line
description), ``check(link, learnt)`` and optionally ``learn(links)`` (what it learns from all links of
a pair, returned as an object that the report hands back; see :class:`align.report.findings.PairChecks`)
and ``prepare(links, learnt)``, called with the links about to be checked, to batch costly work.
Like sacrebleu's metrics, each lives in its own module (:mod:`align.report.checks`, whose ``register``
lists them in ``CHECKERS``) and shares no state with the others; the kind list everywhere else
(``KINDS``, the TEI taxonomy, ``report --help``, ``--kinds``) is derived from the registered classes,
so adding a kind means adding one class and registering it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..config import LENGTH_RATIO, MIN_CERT
from ..model import Alignment, DocumentSet, Finding, Link, TermHit
from ..model.rows import LinkText, set_link_texts

SEVERITIES: tuple[str, ...] = ("high", "medium", "low")
# Links either side whose text counts as nearby: translators move a name or a clause into the next
# sentence ("he said" / "said Peskov") without changing what the text says.
NEARBY = 2


def _all_kinds() -> frozenset[str]:
    from .checks import default_kinds  # the registry imports the checkers, which import this module

    return default_kinds()


@dataclass(frozen=True)
class OmissionParams:
    """Thresholds of the omission checks inside links (:mod:`.checks.omissions`); set on mqm-dev, on
    one fold of documents each (scripts/README.md)."""

    merge_gain: float = 0.0  # a merged sentence: cosine gain of the link without it
    min_gain: float = 0.01  # a clause: cosine gain of the side without it, plus share_weight × its share
    share_weight: float = 0.05  # fixed, not swept
    screen_ratio: float = 1.1  # test clauses when a side is this much longer than usual
    lexical_ratio: float = 1.25  # report uncovered words alone when a side is this much longer than usual
    balance: float = 0.5  # a shared feature is an anchor when its counts in the two versions are this close
    min_words: int = 8  # test clauses of sentences at least this long (fixed)
    min_clause: int = 1  # words a clause needs to be tested (fixed)
    # a merged sentence (a clause, words) whose content words align into the other side at least this
    # much (align.words) is translated; 1 turns the word check off
    word_share: float = 0.5
    partial_word_share: float = 0.7
    # a partial omission of the pivot stands only where the set's other versions (two or more) align
    # the words at least this much better (median share) than the version does
    consensus_margin: float = 0.3
    # what bench_omissions.py --sweep tries
    GRID: ClassVar[dict[str, tuple[float, ...]]] = {
        "merge_gain": (-0.02, -0.01, 0.0, 0.01, 0.02),
        "min_gain": (-0.02, -0.01, 0.0, 0.01, 0.02),
        "screen_ratio": (1.0, 1.05, 1.1, 1.2),
        "lexical_ratio": (1.05, 1.1, 1.15, 1.2, 1.25, 1.3),
        "balance": (0.0, 0.3, 0.5),
    }


@dataclass(frozen=True)
class ReportOptions:
    kinds: frozenset[str] = field(default_factory=_all_kinds)
    min_cert: float = MIN_CERT  # links with a lower aligner cert are reported
    length_ratio: float = LENGTH_RATIO  # how far a link's length ratio may stray from the pair's usual
    omission: OmissionParams = OmissionParams()
    cache_dir: str | None = None  # embedding cache of the omission checks; None = default, "" = off
    renderings: int = 30  # pivot terms whose renderings the report follows, most frequent first (0: none)


@dataclass(frozen=True)
class LinkContext:
    """One link of one aligned pair, resolved to ids and text; left is the pair's source (the pivot)."""

    pair: str
    link: Link
    src_lang: str
    tgt_lang: str
    src_ids: tuple[str, ...]
    tgt_ids: tuple[str, ...]
    src_text: str  # the side's sentences joined with a space
    tgt_text: str
    # termbase hits per side, in text order; None when the termbase has no terms for that language
    src_terms: tuple[TermHit, ...] | None = None
    tgt_terms: tuple[TermHit, ...] | None = None
    # where each term hit is in src_text / tgt_text, in the order of src_terms / tgt_terms
    left_term_spans: tuple[tuple[int, int], ...] = ()
    right_term_spans: tuple[tuple[int, int], ...] = ()
    expected_ratio: float = 1.0  # the pair's usual right/left length ratio (see checks.links.pair_ratio)
    # text of the neighbouring links (NEARBY either side), for checks that allow content to move a little
    src_nearby: str = ""
    tgt_nearby: str = ""
    # the sentences of each side (their texts joined with a space are src_text / tgt_text)
    src_sentences: tuple[str, ...] = ()
    tgt_sentences: tuple[str, ...] = ()

    @classmethod
    def of(cls, docset: DocumentSet, alignment: Alignment, row: LinkText, **extra: Any) -> LinkContext:
        """The context of one link text of ``alignment``: ids, texts and each side's sentences;
        ``extra``: what a report adds (term hits, the pair's ratio, the text nearby)."""
        src, tgt = docset.docs[alignment.src_lang].sentences, docset.docs[alignment.tgt_lang].sentences
        return cls(
            alignment.pair,
            row.link,
            alignment.src_lang,
            alignment.tgt_lang,
            row.src_ids,
            row.tgt_ids,
            row.src_text,
            row.tgt_text,
            src_sentences=tuple(src[i].text for i in row.link.src),
            tgt_sentences=tuple(tgt[j].text for j in row.link.tgt),
            **extra,
        )

    def finding(
        self,
        kind: str,
        severity: str,
        detail: str,
        *,
        concept: str | None = None,
        src_terms: tuple[TermHit, ...] = (),
        tgt_terms: tuple[TermHit, ...] = (),
        src_spans: tuple[tuple[int, int], ...] = (),
        tgt_spans: tuple[tuple[int, int], ...] = (),
    ) -> Finding:
        return Finding(
            pair=self.pair,
            kind=kind,
            severity=severity,
            src_ids=self.src_ids,
            tgt_ids=self.tgt_ids,
            src_text=self.src_text,
            tgt_text=self.tgt_text,
            detail=detail,
            concept=concept,
            src_terms=src_terms,
            tgt_terms=tgt_terms,
            src_spans=src_spans,
            tgt_spans=tgt_spans,
        )


# what pivot_links built: version -> (its links then, their contexts)
BuiltLinks = dict[str, tuple[list[Link], list[LinkContext]]]


@dataclass(frozen=True)
class CheckContext:
    """What a checker is built from: the report's options, the set (for checks that look at whole
    versions) and the termbase's concept labels (None without a termbase)."""

    options: ReportOptions
    docset: DocumentSet
    concept_labels: dict[str, str] | None = None
    # the set's term renderings (align.report.renderings.SetRenderings) when the report computed them
    renderings: Any = None
    # what pivot_links built for the report's checkers, with what the report built before them
    built: BuiltLinks = field(default_factory=dict, compare=False, repr=False)

    def pivot_links(self) -> dict[str, list[LinkContext]]:
        """:func:`pivot_links` of the set, built once for all the report's checkers (each pair of a
        set of N versions asks for all N, which was N² links built); a version's again only when its
        links changed since (a review edit)."""
        return pivot_links(self.docset, self.built)

    def pair_texts(self, links: Sequence[LinkContext]) -> list[tuple[str, str]]:
        """The side texts of every link of the pair of ``links`` as the set has it now: the word
        aligner trains on the whole pair, whatever window of links a review session checks. For a
        pair derived through the pivot (not in the set), the texts of ``links``."""
        first = links[0]
        try:
            alignment = self.docset.alignment(first.src_lang, first.tgt_lang)
        except KeyError:
            return [(x.src_text, x.tgt_text) for x in links]
        return [(row.src_text, row.tgt_text) for row in set_link_texts(self.docset, alignment)]


class Checker:
    """Base of every checker. ``kinds`` maps each Finding kind it produces to a one-line description
    (the TEI category's ``catDesc`` and the line in ``report --help``); ``needs_terms`` checkers run
    only with a termbase; its kinds in ``opt_in`` are reported only when named.
    Listing the class in :data:`align.report.checks.CHECKERS` registers it."""

    kinds: ClassVar[dict[str, str]] = {}
    needs_terms: ClassVar[bool] = False
    opt_in: ClassVar[frozenset[str]] = frozenset()  # kinds reported only when asked for (--kinds)

    def __init__(self, context: CheckContext) -> None:
        self.context = context

    @classmethod
    def create(cls, context: CheckContext) -> Checker:
        """The checker a report uses; override when the constructor takes something else."""
        return cls(context)

    def learn(self, links: Sequence[LinkContext]) -> Any:
        """What this checker learns from all links of a pair before checking any (None: nothing).
        Learnt once per pair and handed back to ``prepare`` and ``check``: the review editor keeps it
        across edits, so an edited link is judged by the standard of the pair as loaded."""
        return None

    def prepare(self, links: Sequence[LinkContext], learnt: Any = None) -> None:
        """Called with the links about to be checked, for checkers that batch costly work."""

    def check(self, link: LinkContext, learnt: Any = None) -> Iterator[Finding]:
        raise NotImplementedError


def quoted(texts: list[str] | tuple[str, ...]) -> str:
    """``"a", "b"`` with duplicates dropped, for details."""
    return ", ".join(f"\u201c{t}\u201d" for t in dict.fromkeys(texts))


def pivot_links(docset: DocumentSet, built: BuiltLinks | None = None) -> dict[str, list[LinkContext]]:
    """Version -> the links of the pivot's pair with it, as the checks see them (texts only).
    ``built``: what calls before built (version -> its links then, their contexts), kept where the
    version's links are still the same and updated where not."""
    built = {} if built is None else built
    out = {}
    for alignment in docset.alignments:
        if alignment.src_lang != docset.pivot:
            continue
        kept = built.get(alignment.tgt_lang)
        if kept is None or kept[0] != alignment.links:
            rows = set_link_texts(docset, alignment)
            kept = (list(alignment.links), [LinkContext.of(docset, alignment, row) for row in rows])
            built[alignment.tgt_lang] = kept
        out[alignment.tgt_lang] = kept[1]
    return out
