"""The library entry points behind ``align run`` / ``pair`` / ``segment`` and batch jobs.

read → segment → align (each version against the pivot) → DocumentSet, ready for TEI and reports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from ..config import AlignOptions
from ..errors import InputError, warn
from ..lang import primary
from ..model import Alignment, Document, DocumentSet, Link, Sentence


def load_document(
    path: str | Path, lang: str, *, presplit: bool = False, cache_dir: str | None = None
) -> Document:
    """Read, check and segment one version. ``path`` ``-`` reads standard input. ``cache_dir``: as
    :attr:`AlignOptions.cache_dir`; the language check keeps its verdicts there."""
    from ..embedding.cache import open_cache
    from ..io.reader import read_text
    from ..lang.detect import check_language, resolve_tag
    from ..text.segment import segment

    text = read_text(path)
    tag = resolve_tag(lang, text, str(path))
    check_language(text, tag, str(path), open_cache(cache_dir))
    sentences = _presplit(text) if presplit else segment(text, tag)
    if not sentences:
        raise InputError("no sentences found (the file holds only whitespace)", path)
    return Document(lang=tag, sentences=sentences, source=str(path))


def _presplit(text: str) -> list[Sentence]:
    """One sentence per line; blank lines separate paragraphs."""
    sentences: list[Sentence] = []
    para = 0
    for line in text.split("\n"):
        if line.strip():
            sentences.append(Sentence(line.strip(), para))
        elif sentences and sentences[-1].para == para:
            para += 1
    return sentences


def align_pair(
    src: Document,
    tgt: Document,
    options: AlignOptions,
    fixed: Sequence[Link] = (),
    *,
    src_emb: np.ndarray | None = None,
) -> Alignment:
    """Align two versions; ``fixed`` links (see :mod:`align.aligner.keep`) are kept and aligned around.
    ``src_emb``: the embeddings of ``src``'s sentences (:func:`align.aligner.sentences.embeddings`), when the
    caller has them (a set embeds its pivot once for all versions)."""
    from .sentences import align_texts

    # a text's embedding does not depend on its neighbours, so a stretch's rows are looked up by text
    vectors = dict(zip(src.texts, src_emb, strict=True)) if src_emb is not None else {}

    def align(a: list[str], b: list[str]) -> list[Link]:
        emb = np.stack([vectors[t] for t in a]) if vectors and a else None
        return align_texts(a, b, src.lang, tgt.lang, options, src_emb=emb)

    if not fixed:
        return Alignment(src.lang, tgt.lang, align(src.texts, tgt.texts))
    from .keep import align_around

    return Alignment(src.lang, tgt.lang, align_around(src.texts, tgt.texts, list(fixed), align))


def align_set(
    inputs: Sequence[tuple[str, str | Path]],
    *,
    set_id: str | None = None,
    pivot: str | None = None,
    options: AlignOptions = AlignOptions(),
    meta: dict[str, str] | None = None,
    progress: Callable[[str], None] | None = None,
    keep: DocumentSet | None = None,
) -> DocumentSet:
    """Align every version against the pivot (the first input unless ``pivot`` names another language).

    ``keep``: an earlier alignment of these texts whose manual links are kept where they still hold.
    """
    declared = [lang for lang, _ in inputs]
    for lang, path in inputs:
        if declared.count(lang) > 1:
            raise InputError(f"language {lang} given twice", path)
    docs: dict[str, Document] = {}
    for lang, path in inputs:
        doc = load_document(path, lang, presplit=options.presplit, cache_dir=options.cache_dir)
        if doc.lang in docs:
            raise InputError(f"language {doc.lang} given twice", path)
        docs[doc.lang] = doc
    if pivot is not None:
        if pivot not in docs:
            raise InputError(f"pivot language {pivot} is not among the inputs ({', '.join(docs)})")
        docs = {pivot: docs[pivot], **{k: v for k, v in docs.items() if k != pivot}}
    docset = DocumentSet(
        id=set_id or default_set_id(*inputs[0]),
        docs=docs,
        meta=dict(meta or {}),
        settings=options.as_settings(),
    )
    pivot_doc = docs[docset.pivot]
    src_emb = None
    if options.method == "embed" and len(docs) > 2:  # embedded once, not once per version
        from .sentences import embeddings

        src_emb = embeddings(pivot_doc.texts, options)
    for lang, doc in list(docs.items())[1:]:
        _check_lengths(pivot_doc, doc)
        fixed = []
        if keep is not None:
            from .keep import kept_links

            fixed = kept_links(keep, pivot_doc, doc)
        if progress:
            kept = f" around {len(fixed)} manual links" if keep is not None else ""
            progress(f"aligning {docset.pivot}-{lang}{kept}")
        docset.alignments.append(align_pair(pivot_doc, doc, options, fixed, src_emb=src_emb))
    return docset


def default_set_id(lang: str, path: str | Path) -> str:
    """The pivot file's name, or its folder's when the file is only named for its language (en.txt)."""
    if str(path) == "-":
        return "stdin"
    p = Path(path)
    stem = p.stem
    if stem.lower() in (lang.lower(), primary(lang)):
        stem = p.resolve().parent.name or stem
    return stem


# Translations rarely differ by more than this factor in characters; beyond it, say so but go on.
LENGTH_RATIO_WARNING = 2.5


def _check_lengths(pivot: Document, other: Document) -> None:
    a, b = sum(len(t) for t in pivot.texts), sum(len(t) for t in other.texts)
    ratio = max(a, b) / max(1, min(a, b))
    if ratio > LENGTH_RATIO_WARNING:
        longer, shorter = (pivot, other) if a > b else (other, pivot)
        warn(
            f"{ratio:.1f}x longer than {shorter.source} ({max(a, b)} vs {min(a, b)} characters); "
            "are they versions of the same text?",
            longer.source,
        )
