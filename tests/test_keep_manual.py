"""Realigning with --keep-manual: manual links are pinned where their sentences are unchanged."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from align.aligner.keep import align_around, kept_links, pins, sentence_map
from align.cli import cli
from align.model import Document, Link, Sentence


def doc(lang: str, texts: list[str]) -> Document:
    return Document(lang, [Sentence(t, 0) for t in texts])


def realign(tmp_path: Path) -> Path:
    """``align run`` on tmp_path's en.txt and de.txt keeping old.tei.xml's manual links; the new TEI."""
    out = tmp_path / "new.tei.xml"
    result = CliRunner().invoke(
        cli,
        ["run", f"en={tmp_path / 'en.txt'}", f"de={tmp_path / 'de.txt'}", "--method", "fast",
         "--keep-manual", str(tmp_path / "old.tei.xml"), "-o", str(out)],
        catch_exceptions=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return out


def test_sentence_map_follows_unchanged_text_across_insertions():
    old = doc("en", ["a", "b", "c", "d"])
    new = doc("en", ["a", "x", "b", "c2", "d"])
    assert sentence_map(old, new) == {0: 0, 1: 2, 3: 4}


def test_pins_keep_manual_links_whose_sentences_hold():
    links = [
        Link((0,), (0,), 0.9, "auto"),
        Link((1,), (1, 2), None, "manual"),  # kept, shifted
        Link((2,), (3,), None, "manual"),  # its en sentence changed: dropped
        Link((3,), (), None, "manual"),  # kept 1-0
    ]
    src_map = {0: 0, 1: 2, 3: 4}
    tgt_map = {0: 0, 1: 1, 2: 2, 3: 3}
    assert pins(links, src_map, tgt_map) == [
        Link((2,), (1, 2), None, "manual"),
        Link((4,), (), None, "manual"),
    ]


def test_pins_drop_links_split_apart_or_crossing():
    links = [Link((0, 1), (0,), None, "manual"), Link((2,), (1,), None, "manual")]
    # en 0 and 1 are no longer neighbours; en 2 now comes before en 0
    assert pins(links, {0: 1, 1: 3, 2: 2}, {0: 0, 1: 1}) == [Link((2,), (1,), None, "manual")]
    assert pins(links[::-1], {0: 0, 1: 1, 2: 2}, {0: 1, 1: 0}) == [Link((2,), (0,), None, "manual")]


def test_align_around_runs_the_aligner_only_between_pins():
    calls = []

    def one_to_one(a, b):
        calls.append((a, b))
        n = min(len(a), len(b))
        pairs = [Link((k,), (k,), 0.5) for k in range(n)]
        return pairs + [Link((k,), ()) for k in range(n, len(a))] + [Link((), (k,)) for k in range(n, len(b))]

    src, tgt = list("abcdef"), list("ABCDEFG")
    fixed = [Link((2,), (2, 3), None, "manual"), Link((), (4,), None, "manual")]
    links = align_around(src, tgt, fixed, one_to_one)
    assert calls == [(["a", "b"], ["A", "B"]), (["d", "e", "f"], ["F", "G"])]
    assert links == [
        Link((0,), (0,), 0.5), Link((1,), (1,), 0.5),
        fixed[0], fixed[1],
        Link((3,), (5,), 0.5), Link((4,), (6,), 0.5), Link((5,), ()),
    ]  # fmt: skip
    covered_src = [i for b in links for i in b.src]
    covered_tgt = [j for b in links for j in b.tgt]
    assert covered_src == list(range(6)) and covered_tgt == list(range(7))


def test_run_keep_manual_keeps_checked_links_of_edited_texts(kosovo_tei, tmp_path):
    """End to end: mark a wrong link manual, edit the English text elsewhere, realign."""
    import dataclasses

    from align import tei

    old = tei.read(kosovo_tei)
    en_de = old.alignment("en", "de")
    # a deliberately odd manual link the aligner would never make: en s5 with nothing
    k = next(n for n, b in enumerate(en_de.links) if b.src and b.src[0] == 4)
    link = en_de.links[k]
    en_de.links[k : k + 1] = [
        Link(link.src, (), None, "manual"),
        Link((), link.tgt, None, "manual"),
    ]
    en_de.links[0] = dataclasses.replace(en_de.links[0], status="manual", cert=None)
    tei.write(old, tmp_path / "old.tei.xml", timestamp=False)

    en = old.docs["en"]
    paras = en.paragraphs
    edited = [s.text for s in en.sentences]
    edited[paras[-1][-1]] += " An added clause."  # the last sentence changes
    (tmp_path / "en.txt").write_text(
        "\n\n".join(" ".join(edited[i] for i in para) for para in paras), encoding="utf-8"
    )
    de_text = "\n\n".join(
        " ".join(old.docs["de"].sentences[i].text for i in p) for p in old.docs["de"].paragraphs
    )
    (tmp_path / "de.txt").write_text(de_text, encoding="utf-8")
    out = realign(tmp_path)
    new_set = tei.read(out)
    new = new_set.alignment("en", "de")
    manual = [b for b in new.links if b.status == "manual"]
    assert [(b.src, b.tgt) for b in manual] == [
        (en_de.links[0].src, en_de.links[0].tgt),
        (link.src, ()),
        ((), link.tgt),
    ]
    assert [i for b in new.links for i in b.src] == list(range(len(new_set.docs["en"].sentences)))
    assert len(new_set.docs["en"].sentences) > len(en.sentences)  # the edit is there


def test_kept_links_without_that_pair_is_empty(kosovo_tei):
    from align import tei

    old = tei.read(kosovo_tei)
    assert kept_links(old, old.docs["de"], old.docs["sq"]) == []


def one_to_one(a: list[str], b: list[str]) -> list[Link]:
    n = min(len(a), len(b))
    pairs = [Link((k,), (k,), 0.5) for k in range(n)]
    return pairs + [Link((k,), ()) for k in range(n, len(a))] + [Link((), (k,)) for k in range(n, len(b))]


def test_a_kept_0_1_or_1_0_link_pins_only_its_own_sentence():
    """issue 19, bug 1: the sentences before a lone anchor were all made 1-0 / 0-1."""
    src, tgt = list("abcde"), list("ABCxDE")
    links = align_around(src, tgt, [Link((), (3,), None, "manual")], one_to_one)
    assert [(b.src, b.tgt) for b in links] == [
        ((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((), (3,)), ((3,), (4,)), ((4,), (5,)),
    ]  # fmt: skip
    src, tgt = list("abxcd"), list("ABCD")
    links = align_around(src, tgt, [Link((2,), (), None, "manual")], one_to_one)
    assert [(b.src, b.tgt) for b in links] == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((2,), ()),
        ((3,), (2,)),
        ((4,), (3,)),
    ]


def test_lone_anchors_that_a_link_would_straddle_split_the_stretch():
    def joined(a: list[str], b: list[str]) -> list[Link]:  # links everything as one link
        return [Link(tuple(range(len(a))), tuple(range(len(b))), 0.5)]

    links = align_around(list("abcd"), list("ABxCD"), [Link((), (2,), None, "manual")], joined)
    assert [(b.src, b.tgt) for b in links] == [((0, 1, 2, 3), (0, 1)), ((), (2,)), ((), (3, 4))]
    src, tgt = list("abcdef"), list("ABCDEF")
    fixed = [Link((1,), (), None, "manual"), Link((), (3,), None, "manual"), Link((4,), (), None, "manual")]
    links = align_around(src, tgt, fixed, one_to_one)
    assert [i for b in links for i in b.src] == list(range(6))
    assert [j for b in links for j in b.tgt] == list(range(6))
    assert [b for b in links if b.status == "manual"] == fixed


def test_run_keep_manual_around_a_checked_1_0_link_keeps_the_rest(kosovo_tei, tmp_path):
    """End to end: a checked 1-0 link must not turn its neighbours into 1-0 / 0-1 links."""

    from align import tei

    old = tei.read(kosovo_tei)
    en_de = old.alignment("en", "de")
    k = len(en_de.links) // 2
    link = en_de.links[k]
    en_de.links[k : k + 1] = [Link(link.src, (), None, "manual"), Link((), link.tgt, 0.5, "auto")]
    tei.write(old, tmp_path / "old.tei.xml", timestamp=False)
    for lang in ("en", "de"):
        d = old.docs[lang]
        text = "\n\n".join(" ".join(d.sentences[i].text for i in p) for p in d.paragraphs)
        (tmp_path / f"{lang}.txt").write_text(text, encoding="utf-8")
    out = realign(tmp_path)
    new = tei.read(out).alignment("en", "de")
    assert Link(link.src, (), None, "manual") in new.links
    before = sum(not (b.src and b.tgt) for b in tei.read(kosovo_tei).alignment("en", "de").links)
    assert sum(not (b.src and b.tgt) for b in new.links) <= before + 2  # the two of the split link


def test_realigning_keeps_the_reviewers_and_names_each_manual_link_dropped(kosovo_tei, tmp_path):
    """issue 19: --keep-manual dropped the reviewers' revisionDesc and respStmt, and said nothing of
    the manual links it could not keep."""
    from lxml import etree

    from align import tei

    old = tei.read(kosovo_tei)
    en_de = old.alignment("en", "de")
    for k in (0, 3):  # two checked links; the text of the second one's English sentence changes
        en_de.links[k] = Link(en_de.links[k].src, en_de.links[k].tgt, None, "manual")
    changed = en_de.links[3].src[0]
    text = tei.to_bytes(old, timestamp=False).decode()
    reviewer = (
        '<respStmt><resp>Alignment review and correction</resp><name type="person" xml:id="reviewer.ana">'
        "Ana</name></respStmt></titleStmt>"
    )
    change = '<change when="2026-01-02T03:04:05Z" who="#reviewer.ana">2 links changed.</change>'
    text = text.replace("</titleStmt>", reviewer, 1).replace("<revisionDesc>", f"<revisionDesc>{change}", 1)
    (tmp_path / "old.tei.xml").write_text(text, encoding="utf-8")
    for lang in ("en", "de"):
        d = old.docs[lang]
        texts = [s.text for s in d.sentences]
        if lang == "en":
            texts[changed] = texts[changed].replace(" ", " really ", 1)
        body = "\n\n".join(" ".join(texts[i] for i in p) for p in d.paragraphs)
        (tmp_path / f"{lang}.txt").write_text(body, encoding="utf-8")
    out = tmp_path / "new.tei.xml"
    result = CliRunner().invoke(
        cli,
        ["run", f"en={tmp_path / 'en.txt'}", f"de={tmp_path / 'de.txt'}", "--method", "fast",
         "--no-timestamp", "--keep-manual", str(tmp_path / "old.tei.xml"), "-o", str(out)],
        catch_exceptions=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    link = en_de.links[3]
    ids = " ".join([f"en.s{i + 1}" for i in link.src] + [f"de.s{j + 1}" for j in link.tgt])
    dropped = [line for line in result.stderr.splitlines() if "dropped" in line]
    assert len(dropped) == 1, result.stderr
    assert f"manual {link.kind} link {ids} of en-de dropped: its sentences changed" in dropped[0]
    root = etree.parse(str(out)).getroot()
    ns = {"t": tei.TEI_NS}
    assert root.xpath("t:teiHeader//t:respStmt/t:name[@xml:id='reviewer.ana']/text()", namespaces=ns) == [
        "Ana"
    ]
    changes = root.xpath("t:teiHeader/t:revisionDesc/t:change", namespaces=ns)
    assert len(changes) == 3 and changes[1].get("who") == "#reviewer.ana"  # the new run's first
    assert changes[0].get("who") == changes[2].get("who") == "#app-align"
    assert tei.validate(out) == [] if tei.find_schema() else True
