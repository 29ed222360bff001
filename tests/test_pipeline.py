"""The set pipeline: every version aligned against the pivot, the pivot embedded once."""

from __future__ import annotations

import hashlib
from collections import Counter

import numpy as np

from align.aligner.pipeline import align_set
from align.config import AlignOptions
from align.embedding import encoder as embed_module

EN = "The border opened on Monday. Trucks crossed again.\n\nThe talks go on in Brussels.\n"
DE = "Die Grenze öffnete am Montag. Lastwagen fuhren wieder.\n\nDie Gespräche gehen in Brüssel weiter.\n"
SQ = "Kufiri u hap të hënën. Kamionët kaluan përsëri.\n\nBisedimet vazhdojnë në Bruksel.\n"


def test_the_pivot_is_embedded_once_per_set(tmp_path, monkeypatch):
    embedded: Counter[str] = Counter()

    def fake_embed(texts, **kwargs):
        embedded.update(texts)
        seeds = [int.from_bytes(hashlib.sha256(t.encode()).digest()[:8], "little") for t in texts]
        rows = np.stack([np.random.default_rng(s).standard_normal(384) for s in seeds]).astype(np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)

    monkeypatch.setattr(embed_module, "embed", fake_embed)
    inputs = []
    for lang, text in (("en", EN), ("de", DE), ("sq", SQ)):
        (tmp_path / f"{lang}.txt").write_text(text, encoding="utf-8")
        inputs.append((lang, tmp_path / f"{lang}.txt"))
    docset = align_set(inputs, options=AlignOptions(method="embed", cache_dir=""))
    pivot = docset.docs["en"].texts
    assert [embedded[t] for t in pivot] == [1, 1, 1]  # not once per version
    assert all(embedded[t] == 1 for lang in ("de", "sq") for t in docset.docs[lang].texts)
    assert [len(a.links) for a in docset.alignments] == [3, 3]
