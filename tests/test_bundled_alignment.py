"""The main job on the bundled corpus: raw text in, TEI out, checked against the hand-made gold."""

from __future__ import annotations

import pytest

from align import tei
from align.aligner.pipeline import align_set
from align.config import AlignOptions
from align.evaluation.metric import score
from align.formats.beadfile import read_beads

PAIRS = [("de", "de"), ("sr", "sr-Cyrl"), ("sq", "sq")]


@pytest.fixture(scope="module")
def kosovo(corpora_dir):
    folder = corpora_dir / "kosovo-barricades"
    inputs = [("en", folder / "en.txt")] + [(lang, folder / f"{lang}.txt") for lang, _ in PAIRS]
    return folder, align_set(inputs, set_id="kosovo-barricades", options=AlignOptions(method="embed"))


@pytest.mark.parametrize(("lang", "tag"), PAIRS)
def test_embed_alignment_matches_gold(kosovo, lang, tag):
    folder, docset = kosovo
    gold = read_beads(folder / "gold" / f"en-{lang}.gold")
    result = score([gold], [docset.alignment("en", tag).links])
    # Segmentation reproduces the gold splits, so gold indices apply; the aligner must find the
    # planted merges, splits, omissions and additions.
    assert result.strict.f1 >= 0.95, result
    assert result.lax.f1 >= 0.98, result


@pytest.mark.parametrize(("lang", "tag"), PAIRS)
def test_fast_alignment_is_usable_on_gold(corpora_dir, lang, tag):
    from align.aligner.pipeline import load_document
    from align.aligner.sentences import align_texts

    gold_dir = corpora_dir / "kosovo-barricades" / "gold"
    en = load_document(gold_dir / "en.sents", "en", presplit=True).texts
    other = load_document(gold_dir / f"{lang}.sents", tag, presplit=True).texts
    links = align_texts(en, other, "en", tag, AlignOptions(method="fast"))
    result = score([read_beads(gold_dir / f"en-{lang}.gold")], [links])
    assert result.strict.f1 >= 0.85, result


def test_tei_of_the_bundled_set_round_trips(kosovo, tmp_path):
    _, docset = kosovo
    path = tmp_path / "kosovo.tei.xml"
    tei.write(docset, path, timestamp=False)
    back = tei.read(path)
    assert back.docs == docset.docs
    assert [a.pair for a in back.alignments] == ["en-de", "en-sr-Cyrl", "en-sq"]
    for original, reread in zip(docset.alignments, back.alignments, strict=True):
        assert [(b.src, b.tgt) for b in reread.links] == [(b.src, b.tgt) for b in original.links]
    # the original text survives exactly, Latin look-alike letters inside Cyrillic words included
    sr_text = (path.parent / "kosovo.tei.xml").read_text(encoding="utf-8")
    assert "Кoсова" in sr_text


def test_bundled_tei_is_valid(kosovo, tmp_path):
    _, docset = kosovo
    path = tmp_path / "kosovo.tei.xml"
    tei.write(docset, path)
    assert tei.validate(path) == []  # the schema shipped with align
