"""InterText interchange: export, import back, and the files' shape."""

from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner
from lxml import etree

from align import tei
from align.cli import cli
from align.errors import InputError
from align.formats.intertext import read_intertext, write_intertext
from align.model import Link


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _with_manual(docset):
    """Mark a few links manual, so the round trip has both statuses to keep."""
    a = docset.alignments[0]
    a.links[1] = dataclasses.replace(a.links[1], status="manual", cert=None)
    a.links[4] = dataclasses.replace(a.links[4], status="manual", cert=None)
    return docset


def test_round_trip_keeps_every_sentence_paragraph_and_link(kosovo_tei, tmp_path):
    docset = _with_manual(tei.read(kosovo_tei))
    tei.write(docset, tmp_path / "in.tei.xml", timestamp=False)
    result = invoke(
        "export", str(tmp_path / "in.tei.xml"), "--format", "intertext", "-o", str(tmp_path / "it")
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "it").iterdir())
    assert (
        "kosovo-barricades.en.xml" in names
        and "kosovo-barricades.en.sr-Cyrl.xml" in names
        and len(names) == 4 + 3
    )
    files = [str(tmp_path / "it" / f"kosovo-barricades.en.{lang}.xml") for lang in ("de", "sr-Cyrl", "sq")]
    result = invoke("import", *files, "-o", str(tmp_path / "back.tei.xml"))
    assert result.exit_code == 0, result.output
    back = tei.read(tmp_path / "back.tei.xml")
    assert back.id == docset.id
    assert list(back.docs) == list(docset.docs)
    for lang, doc in docset.docs.items():
        assert back.docs[lang].sentences == doc.sentences
    for a, b in zip(docset.alignments, back.alignments, strict=True):
        assert (a.src_lang, a.tgt_lang) == (b.src_lang, b.tgt_lang)
        assert [(x.src, x.tgt, x.status) for x in a.links] == [(y.src, y.tgt, y.status) for y in b.links]
    assert [b.status for b in back.alignments[0].links].count("manual") == 2


def test_alignment_file_is_intertext_shaped(kosovo_tei, tmp_path):
    docset = _with_manual(tei.read(kosovo_tei))
    write_intertext([(docset, docset.alignments[0])], tmp_path)
    root = etree.parse(str(tmp_path / "kosovo-barricades.en.de.xml")).getroot()
    assert root.tag == "linkGrp"
    assert (root.get("toDoc"), root.get("fromDoc")) == (
        "kosovo-barricades.en.xml",
        "kosovo-barricades.de.xml",
    )
    links = root.findall("link")
    assert len(links) == len(docset.alignments[0].links)
    second = docset.alignments[0].links[1]
    assert links[1].get("status") == "man" and links[0].get("status") == "auto"
    to_ids, from_ids = links[1].get("xtargets").split(";")
    assert links[1].get("type") == f"{len(to_ids.split())}-{len(from_ids.split())}" == second.kind
    doc = etree.parse(str(tmp_path / "kosovo-barricades.en.xml")).getroot()
    first = doc.find("p/s")
    assert first.get("id") == "1:1" and first.text == docset.docs["en"].sentences[0].text


def _files(tmp_path, links: str, doc_root: str = '<doc lang="en">') -> list:
    (tmp_path / "a.en.xml").write_text(
        f'{doc_root}<p id="1"><s id="1:1">One.</s><s id="1:2">Two.</s></p></doc>'
    )
    (tmp_path / "a.de.xml").write_text('<doc><p id="1"><s id="1:1">Eins.</s><s id="1:2">Zwei.</s></p></doc>')
    (tmp_path / "a.en.de.xml").write_text(f'<linkGrp toDoc="a.en.xml" fromDoc="a.de.xml">{links}</linkGrp>')
    return [tmp_path / "a.en.de.xml"]


def test_reads_language_from_name_and_maps_status(tmp_path):
    """As InterText reads them (ItAlignment.h): "man" and no status are manual, "auto" and "plain" not."""
    links = '<link type="1-0" xtargets="1:1;" status="man"/><link xtargets="1:2;1:1" status="plain"/>'
    files = _files(tmp_path, links + '<link xtargets=";1:2"/>')
    docset = read_intertext(files)
    assert list(docset.docs) == ["en", "de"]
    assert docset.alignments[0].links == [
        Link((0,), (), None, "manual"),
        Link((1,), (0,), None, "auto"),
        Link((), (1,), None, "manual"),
    ]


@pytest.mark.parametrize(
    ("links", "message"),
    [
        ('<link type="1-1" xtargets="1:1;1:9"/>', "no sentence '1:9'"),
        ('<link type="2-1" xtargets="1:1;1:1"/>', "type 2-1 but xtargets make a 1-1"),
        ('<link xtargets="1:1"/>', "xtargets must be"),
    ],
)
def test_bad_links_are_refused_naming_the_file(tmp_path, links, message):
    with pytest.raises(InputError, match=message) as err:
        read_intertext(_files(tmp_path, links))
    assert "a.en.de.xml" in str(err.value)


def test_import_cli_error_is_one_line(tmp_path):
    files = _files(tmp_path, '<link xtargets="1:1;1:7"/>')
    result = CliRunner().invoke(cli, ["import", str(files[0]), "-o", str(tmp_path / "x.tei.xml")])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "no sentence '1:7'" in result.output
    assert not (tmp_path / "x.tei.xml").exists()


def test_documents_without_p_and_languages_given_on_the_command_line(tmp_path):
    (tmp_path / "src.xml").write_text(
        '<text><s id="1:1">One.</s><s id="1:2">Two.</s><s id="2:1">Three.</s></text>'
    )
    (tmp_path / "tgt.xml").write_text('<text><s id="1:1">Eins.</s><s id="2:1">Zwei. Drei.</s></text>')
    (tmp_path / "al.xml").write_text(
        '<linkGrp toDoc="src.xml" fromDoc="tgt.xml"><link xtargets="1:1;1:1" status="man"/>'
        '<link type="2-1" xtargets="1:2 2:1;2:1" status="auto"/></linkGrp>'
    )
    out = tmp_path / "set.tei.xml"
    args = [
        "import",
        str(tmp_path / "al.xml"),
        "--lang",
        "src.xml=en",
        "--lang",
        "tgt.xml=de",
        "-o",
        str(out),
    ]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    docset = tei.read(out)
    assert [s.para for s in docset.docs["en"].sentences] == [0, 0, 1]
    assert docset.alignments[0].links == [Link((0,), (0,), None, "manual"), Link((1, 2), (1,), None, "auto")]
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "al.xml"), "-o", str(out)])
    assert result.exit_code == 1 and "cannot tell the language" in result.output


def test_alignments_from_different_pivots_are_refused(tmp_path):
    files = _files(tmp_path, '<link xtargets="1:1;1:1"/><link xtargets="1:2;1:2"/>')
    (tmp_path / "b.xml").write_text('<linkGrp toDoc="a.de.xml" fromDoc="a.en.xml"/>')
    with pytest.raises(InputError, match="one pivot per set"):
        read_intertext([*files, tmp_path / "b.xml"])


# --- issue 19 --------------------------------------------------------------------------------------


def _export(docset, folder) -> list:
    source = folder / "in.tei.xml"
    tei.write(docset, source, timestamp=False)
    result = invoke("export", str(source), "--format", "intertext", "-o", str(folder / "it"))
    assert result.exit_code == 0, result.output
    return sorted((folder / "it").iterdir())


def test_a_glob_or_a_folder_of_an_export_imports_with_id_order_and_settings(kosovo_tei, tmp_path):
    """`align import it/*.xml` picked up the documents too; the id rt.com.91335 came back as rt; the
    languages came back in the files' order; the run's settings and the set's metadata were lost."""
    docset = _with_manual(tei.read(kosovo_tei))
    docset.id = "rt.com.91335"
    docset.docs = {k: docset.docs[k] for k in ("en", "sr-Cyrl", "de", "sq")}  # not alphabetical
    docset.alignments = [docset.alignment("en", lang) for lang in ("sr-Cyrl", "de", "sq")]
    docset.meta = {"title": "Barricades", "source": "rt.com"}
    files = _export(docset, tmp_path)
    assert docset.settings  # what align run wrote
    for args in ([str(f) for f in files], [str(tmp_path / "it")]):
        result = invoke("import", *args, "-o", str(tmp_path / "back.tei.xml"))
        assert result.exit_code == 0, result.output
        back = tei.read(tmp_path / "back.tei.xml")
        assert back.id == "rt.com.91335"
        assert list(back.docs) == ["en", "sr-Cyrl", "de", "sq"]
        assert [a.tgt_lang for a in back.alignments] == ["sr-Cyrl", "de", "sq"]
        assert (back.settings, back.meta) == (docset.settings, docset.meta)


def test_the_set_id_comes_from_the_file_name_without_its_languages(tmp_path):
    files = _files(tmp_path, '<link xtargets="1:1;1:1"/><link xtargets="1:2;1:2"/>')
    files[0].rename(tmp_path / "rt.com.91335.en.de.xml")
    assert read_intertext([tmp_path / "rt.com.91335.en.de.xml"]).id == "rt.com.91335"


def test_a_file_that_is_neither_an_alignment_nor_its_document_is_refused(tmp_path):
    files = _files(tmp_path, '<link xtargets="1:1;1:1"/><link xtargets="1:2;1:2"/>')
    (tmp_path / "stray.xml").write_text("<doc><p><s id='1:1'>x</s></p></doc>")
    assert len(read_intertext([*files, tmp_path / "a.en.xml"]).docs) == 2
    with pytest.raises(InputError, match="stray.xml: not an InterText alignment"):
        read_intertext([*files, tmp_path / "stray.xml"])


@pytest.mark.parametrize("name", ["../secret/notes.xml", "/etc/notes.xml", "sub/a.de.xml", ".."])
def test_documents_must_be_beside_the_alignment_file(tmp_path, name):
    """issue 19: import followed fromDoc="../../secret/notes.xml" and absolute paths."""
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "notes.xml").write_text('<doc lang="de"><p><s id="1:1">Geheim.</s></p></doc>')
    it = tmp_path / "it"
    it.mkdir()
    files = _files(it, '<link xtargets="1:1;1:1"/>')
    files[0].write_text(f'<linkGrp toDoc="a.en.xml" fromDoc="{name}"><link xtargets="1:1;1:1"/></linkGrp>')
    with pytest.raises(InputError, match="documents must be beside the alignment file"):
        read_intertext(files)


def test_sentences_in_a_note_inside_a_paragraph_export_in_order_and_import_back(tmp_path):
    """issue 19, bug 8: <s> in <p> in <note> in <p> (schema-valid TEI) gave duplicate ids 1:1 out of
    order, or a traceback."""
    from align.tei import find_schema, validate

    ns = tei.TEI_NS
    sentences = {
        "en": ["One.", "A note.", "Two.", "Three."],
        "de": ["Eins.", "Eine Notiz.", "Zwei.", "Drei."],
    }
    texts = "".join(
        f'<TEI xml:id="{lang}" xml:lang="{lang}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
        f'<text><body><p><s xml:id="{lang}.a">{s[0]}</s><note><p><s xml:id="{lang}.b">{s[1]}</s></p></note>'
        f'<s xml:id="{lang}.c">{s[2]}</s></p><p><s xml:id="{lang}.d">{s[3]}</s></p></body></text></TEI>'
        for lang, s in sentences.items()
    )
    links = "".join(f'<link target="#en.{x} #de.{x}"/>' for x in "abcd")
    (tmp_path / "in.tei.xml").write_text(
        f'<teiCorpus xmlns="{ns}" n="noted"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
        f'<standOff><linkGrp type="alignment" domains="#en #de">{links}</linkGrp></standOff>'
        f"{texts}</teiCorpus>",
        encoding="utf-8",
    )
    if find_schema() is not None:
        assert validate(tmp_path / "in.tei.xml") == []
    result = invoke(
        "export", str(tmp_path / "in.tei.xml"), "--format", "intertext", "-o", str(tmp_path / "it")
    )
    assert result.exit_code == 0, result.output
    doc = etree.parse(str(tmp_path / "it" / "noted.en.xml")).getroot()
    ids = [s.get("id") for s in doc.iter("s")]
    assert len(set(ids)) == 4 and [s.text for s in doc.iter("s")] == sentences["en"]
    back = read_intertext([tmp_path / "it" / "noted.en.de.xml"])
    assert back.docs["en"].texts == sentences["en"] and back.docs["de"].texts == sentences["de"]
    assert [(b.src, b.tgt) for b in back.alignments[0].links] == [((k,), (k,)) for k in range(4)]
    assert [s.para for s in tei.read(tmp_path / "in.tei.xml").docs["en"].sentences] == [0, 1, 2, 3]
