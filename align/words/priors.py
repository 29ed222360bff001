"""Dirichlet pseudo-counts for every candidate word pair of a document set: what makes 40 sentences
enough. Two sources: the spelling (:mod:`.similar`: numbers, identical and near-identical words,
any language pair) and, for English with German, Serbian or Albanian, the shipped lexicon."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .lexicon import lexicon_for, lookup_pair
from .params import Params
from .similar import spelling_priors


@dataclass(frozen=True)
class Direction:
    """What the priors give one direction's EM, per cell."""

    counts: np.ndarray  # Dirichlet pseudo-counts added in every M-step
    affinity: np.ndarray  # multiplies the cell's score in every E-step (times params.affinity_weight)


def cell_priors(
    src_words: list[str],
    tgt_words: list[str],
    cell_e: np.ndarray,
    cell_f: np.ndarray,
    src_lang: str,
    tgt_lang: str,
    params: Params,
) -> tuple[Direction, Direction]:
    """Priors per cell (a source word id, a target word id) for the forward direction (target word
    given source word) and the backward one."""
    alike, anchor = spelling_priors(
        src_words, src_lang, tgt_words, tgt_lang, cell_e, cell_f, params.min_similarity
    )
    lex_fwd = np.zeros(len(alike))
    lex_bwd = np.zeros(len(alike))
    found = lexicon_for(src_lang, tgt_lang) if params.lexicon_weight else None
    if found is not None:
        lex_fwd, lex_bwd = lookup_pair(found, src_words, tgt_words, cell_e, cell_f)
    return tuple(  # type: ignore[return-value]
        Direction(
            counts=params.similar_weight * alike + params.lexicon_weight * lex,
            affinity=params.affinity_weight * (alike + lex) + params.anchor_weight * anchor,
        )
        for lex in (lex_fwd, lex_bwd)
    )
