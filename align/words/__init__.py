"""Word alignment inside sentence links, for one document set at a time, offline.

Own EM aligner (IBM model 2 with a diagonal prior, both directions, symmetrised) with priors that make
a 40-sentence article enough: numbers, identical and near-identical spellings across scripts, and
shipped English-German/Serbian/Albanian lexicons. See README, "Word alignment".
"""

from __future__ import annotations

from .aligner import WordLink, align_units
from .tokens import Token, tokenize

__all__ = ["Token", "WordLink", "align_units", "tokenize"]
