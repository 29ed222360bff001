"""One set of links from the two directions' posteriors: a pair's probability is the geometric mean of the
probability that the target word chose the source word and the reverse; links at or above the
threshold are kept."""

from __future__ import annotations

import numpy as np


def combine(forward: np.ndarray, backward: np.ndarray, threshold: float) -> list[tuple[int, int, float]]:
    """Links (i, j, probability) of one unit from its (m, n) posterior matrices, sorted by (i, j)."""
    prob = np.sqrt(forward * backward)
    rows, cols = np.nonzero(prob >= threshold)
    return [(int(i), int(j), float(prob[i, j])) for i, j in zip(rows, cols, strict=True)]
