"""The word aligner's settings in one place (values chosen on the dev sets: scripts/README.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Params:
    iterations: int = 5  # EM iterations per direction
    diagonal: float = 6.0  # fast_align's lambda: how strongly links keep to the diagonal
    p_null: float = 0.04  # prior probability that a word has no counterpart
    alpha: float = 0.01  # Dirichlet concentration of the variational Bayes update
    prefix: int = 4  # words are counted by their first letters (a stemmer for any language)
    lexicon_weight: float = 2.0  # pseudo-counts a shipped lexicon entry adds (times its probability)
    similar_weight: float = 2.0  # pseudo-counts an identical / cognate / same-number pair adds
    affinity_weight: float = 4.0  # how much a prior multiplies a pair's score in every E-step
    min_similarity: float = 0.6  # below this, spellings are not considered alike
    threshold: float = 0.4  # a link is kept when both directions agree this much (geometric mean)
