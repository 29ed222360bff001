"""TEI encoding, reading back and validation, on a hand-built four-language document set."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from lxml import etree

import align
from align import tei
from align.cli import cli
from align.errors import InputError
from align.model import Alignment, Document, DocumentSet, Link, Sentence

NS = {"t": tei.TEI_NS}
NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*")


def sentences(*items: tuple[str, int]) -> list[Sentence]:
    return [Sentence(text, para) for text, para in items]


def make_docset() -> DocumentSet:
    en = sentences(
        ("The  council met on 9 December 2008.", 0),
        ("It said:\n„We agree.“", 0),
        ("Costs rose by 5 % & prices < 10 EUR.", 1),
        ("Nothing else was decided.", 1),
        (" Closing remark. ", 3),  # paragraph 2 has no sentence
    )
    de = sentences(
        ("Der  Rat tagte am 9. Dezember 2008.", 0),
        ("Er sagte:\r\n„Wir stimmen zu.“", 0),
        ("Die Kosten stiegen um 5 %", 1),
        ("& die Preise < 10 EUR.", 1),
        ("Schlussbemerkung.", 1),
    )
    sr = sentences(
        ("Савет је заседао 9. децембра 2008. и рекао: „Слажемо се.“", 0),
        ("Трошкови су порасли за 5 % & цене < 10 EUR.", 1),
        ("Додатна реченица.", 1),
        ("Ништа друго није одлучено, рекао је на крају.", 1),
    )
    sq = sentences(
        ("Këshilli u mblodh më 9 dhjetor 2008.", 0),
        ("Ai tha: „Jemi dakord.“", 0),
        ("Kostot u rritën me 5 % & çmimet < 10 EUR.", 0),
        ("Vërejtje përmbyllëse.", 0),
    )
    return DocumentSet(
        id="minutes/2008 #1",
        docs={
            "en": Document("en", en, source="corpus/en.txt", meta={"author": "Council secretariat"}),
            "de": Document("de", de, source="corpus/de.txt", meta={"translator": "A. Übersetzer"}),
            "sr-Cyrl": Document("sr-Cyrl", sr),
            "sq": Document("sq", sq, source="sq.txt"),
        },
        alignments=[
            Alignment(
                "en",
                "de",
                [
                    Link((0,), (0,), 0.9812),
                    Link((1,), (1,), 0.93),
                    Link((2,), (2, 3), None, "manual"),
                    Link((3,), (), 0.41),
                    Link((4,), (4,), 0.88),
                ],
            ),
            Alignment(
                "en",
                "sr-Cyrl",
                [
                    Link((0, 1), (0,), 0.77),
                    Link((2,), (1,), 0.9),
                    Link((), (2,), None, "manual"),
                    Link((3, 4), (3,), 0.6),
                ],
            ),
            Alignment(
                "en",
                "sq",
                [
                    Link((0,), (0,), None, "manual"),
                    Link((1,), (1,), 1.0),
                    Link((2,), (2,), 0.0),
                    Link((3,), (), 0.2),
                    Link((4,), (3,), None, "manual"),
                ],
            ),
        ],
        meta={"title": "Council minutes", "licence": "CC BY 4.0", "note": "two\nlines,  spaced"},
        settings={"method": "embed", "max_side": "4", "presplit": "False"},
    )


@pytest.fixture
def docset() -> DocumentSet:
    return make_docset()


@pytest.fixture(scope="module")
def schema():
    """The TEI P5 schema shipped with align, compiled once for the module (it takes seconds)."""
    path = tei.find_schema()
    assert path is not None and path.name == "tei_all.rng.gz"  # in the package: works after pip install
    tei.load_schema(path.resolve())
    return path


def parse(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def with_annotation(docset: DocumentSet) -> bytes:
    """What the report module does: add QA findings to the standOff of an encoded tree."""
    tree = tei.to_tree(docset, timestamp=False)
    notes = etree.SubElement(tei.standoff(tree), f"{{{tei.TEI_NS}}}listAnnotation", type="divergence")
    annotation = etree.SubElement(
        notes,
        f"{{{tei.TEI_NS}}}annotation",
        {"{http://www.w3.org/XML/1998/namespace}id": "qa1", "motivation": "assessing"},
        ana=tei.divergence_ref("omission"),
        target=f"#{tei.sentence_id('en', 3)}",
    )
    etree.SubElement(annotation, f"{{{tei.TEI_NS}}}note").text = "No German counterpart."
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


# --- encoding ------------------------------------------------------------------------------------


def test_sentence_text_is_written_exactly(docset):
    data = tei.to_bytes(docset, timestamp=False)
    assert '<s xml:id="en.s1">The  council met on 9 December 2008.</s>' in data.decode()
    assert '<s xml:id="en.s2">It said:\n„We agree.“</s>' in data.decode()
    assert '<s xml:id="en.s3">Costs rose by 5 % &amp; prices &lt; 10 EUR.</s>' in data.decode()
    assert b'<s xml:id="de.s2">Er sagte:&#13;\n' in data  # a bare CR would read back as LF
    assert '<s xml:id="en.s5"> Closing remark. </s>' in data.decode()


def test_links_and_pointers(docset):
    root = parse(tei.to_bytes(docset, timestamp=False))
    groups = root.findall("t:standOff/t:linkGrp", NS)
    assert [(g.get("type"), g.get("subtype"), g.get("domains")) for g in groups] == [
        ("alignment", "en-de", "#en.text #de.text"),
        ("alignment", "en-sr-Cyrl", "#en.text #sr-Cyrl.text"),
        ("alignment", "en-sq", "#en.text #sq.text"),
    ]
    en_de = [(etree.QName(el).localname, dict(el.attrib)) for el in groups[0]]
    assert en_de == [
        ("link", {"type": "1-1", "subtype": "auto", "cert": "0.9812", "target": "#en.s1 #de.s1"}),
        ("link", {"type": "1-1", "subtype": "auto", "cert": "0.9300", "target": "#en.s2 #de.s2"}),
        ("link", {"type": "1-2", "subtype": "manual", "target": "#en.s3 #de.s3 #de.s4"}),
        ("ptr", {"type": "1-0", "subtype": "auto", "cert": "0.4100", "target": "#en.s4"}),
        ("link", {"type": "1-1", "subtype": "auto", "cert": "0.8800", "target": "#en.s5 #de.s5"}),
    ]
    en_sr = [(el.get("type"), el.get("target")) for el in groups[1]]
    assert en_sr[0] == ("2-1", "#en.s1 #en.s2 #sr-Cyrl.s1")
    assert en_sr[2] == ("0-1", "#sr-Cyrl.s3")
    assert [el.get("cert") for el in groups[2]] == [None, "1.0000", "0.0000", "0.2000", None]


def test_header_records_provenance_settings_meta_and_languages(docset):
    root = parse(tei.to_bytes(docset, timestamp=False))
    assert root.get("{http://www.w3.org/XML/1998/namespace}id") == "set-minutes_2008__1"
    app = root.find("t:teiHeader/t:encodingDesc/t:appInfo/t:application", NS)
    assert (app.get("ident"), app.get("version")) == ("align", align.__version__)
    gloss = app.find("t:p/t:list", NS)
    assert [el.text for el in gloss] == ["max_side", "4", "method", "embed", "presplit", "False"]
    languages = root.findall("t:teiHeader/t:profileDesc/t:langUsage/t:language", NS)
    assert [(el.get("ident"), el.text) for el in languages] == [
        ("en", "English"),
        ("de", "German"),
        ("sr-Cyrl", "Serbian (Cyrillic script)"),
        ("sq", "Albanian"),
    ]
    categories = root.findall("t:teiHeader/t:encodingDesc/t:classDecl/t:taxonomy/t:category", NS)
    kinds = ["framing", "term-missing", "forbidden-term", "number", "name", "omission", "addition"]
    kinds += ["partial-omission", "partial-addition", "dropped-word", "rendering", "low-confidence", "length"]
    assert [c.get("{http://www.w3.org/XML/1998/namespace}id") for c in categories] == [
        f"div.{k}" for k in kinds
    ]
    de = root.findall("t:TEI", NS)[1]
    assert de.findtext("t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl/t:idno[@type='file']", namespaces=NS) == (
        "corpus/de.txt"
    )
    en_paragraphs = root.findall("t:TEI/t:text/t:body", NS)[0]
    assert [len(p) for p in en_paragraphs] == [2, 2, 0, 1]  # the empty third paragraph is kept


def test_ids_are_unique_ncnames_and_every_target_resolves(docset):
    root = parse(tei.to_bytes(docset, timestamp=False, derived=True))
    ids = [
        el.get("{http://www.w3.org/XML/1998/namespace}id") for el in root.iter() if isinstance(el.tag, str)
    ]
    ids = [i for i in ids if i is not None]
    assert len(ids) == len(set(ids))
    assert all(NCNAME.fullmatch(i) for i in ids)
    sentence_ids = {s.get("{http://www.w3.org/XML/1998/namespace}id") for s in root.iterfind(".//t:s", NS)}
    targets = {t[1:] for el in root.iterfind("t:standOff/t:linkGrp/*", NS) for t in el.get("target").split()}
    assert targets == sentence_ids  # every sentence of this set is linked, and nothing else is pointed at


def test_sentence_id_and_its_inverse():
    assert tei.sentence_id("en", 0) == "en.s1"
    assert tei.sentence_id("sr-Cyrl", 11) == "sr-Cyrl.s12"
    assert tei.parse_sentence_id("sr-Cyrl.s12") == ("sr-Cyrl", 11)
    assert tei.parse_sentence_id("#de.s3") == ("de", 2)
    for lang, index in [("sq", 0), ("de-CH-1996", 41), ("sr-Latn", 7)]:
        assert tei.parse_sentence_id(tei.sentence_id(lang, index)) == (lang, index)
    for bad in ["en.s0", "en.p1", "en", "en.d1.s1", "1en.s1", "en.s1x"]:
        with pytest.raises(ValueError):
            tei.parse_sentence_id(bad)
    with pytest.raises(ValueError):
        tei.sentence_id("en", -1)


def test_language_names():
    assert tei.language_name("sr-Latn") == "Serbian (Latin script)"
    assert tei.language_name("de-CH") == "German (CH)"
    assert tei.language_name("xx-Zzzz") == "xx (Zzzz script)"


def test_determinism(docset):
    first = tei.to_bytes(docset, timestamp=False)
    assert first == tei.to_bytes(make_docset(), timestamp=False)
    assert b"when=" not in first
    stamped = tei.to_bytes(docset)
    when = re.search(rb' when="([^"]+)"', stamped)[1].decode()
    assert abs((datetime.now(UTC) - datetime.fromisoformat(when)).total_seconds()) < 300
    assert stamped.replace(f' when="{when}"'.encode(), b"") == first


def test_equal_sets_built_in_another_order_encode_identically(docset):
    other = make_docset()
    other.meta = dict(reversed(list(other.meta.items())))
    other.settings = dict(reversed(list(other.settings.items())))
    assert tei.to_bytes(other, timestamp=False) == tei.to_bytes(docset, timestamp=False)


def test_cert_is_rounded_to_four_decimals_and_range_checked(docset):
    docset.alignments[0].links[0] = Link((0,), (0,), 0.123456)
    assert tei.read("x.xml", tei.to_bytes(docset)).alignments[0].links[0].cert == 0.1235
    docset.alignments[0].links[0] = Link((0,), (0,), 1.2)
    with pytest.raises(ValueError, match="cert"):
        tei.to_bytes(docset)


def test_bad_language_tag_is_refused(docset):
    docset.docs["en_US"] = Document("en_US", [], source="us.txt")
    with pytest.raises(InputError, match="us.txt: language tag 'en_US' is not a valid BCP 47 tag"):
        tei.to_bytes(docset)


def test_standoff_is_created_for_a_set_without_alignments(docset):
    docset.alignments = []
    tree = tei.to_tree(docset)
    assert tree.getroot().find("t:standOff", NS) is None
    created = tei.standoff(tree)
    assert created.getprevious().tag == f"{{{tei.TEI_NS}}}teiHeader"
    assert tei.standoff(tree) is created


def test_forbidden_xml_characters_raise_naming_the_source(docset, tmp_path):
    docset.docs["de"].sentences[1] = Sentence("Er sagte\x07 nichts.", 0)
    out = tmp_path / "set.xml"
    with pytest.raises(InputError, match=r"corpus/de.txt: sentence 2 of the de version contains U\+0007"):
        tei.write(docset, out)
    assert list(tmp_path.iterdir()) == []


def test_derived_groups_compose_through_the_pivot(docset):
    root = parse(tei.to_bytes(docset, timestamp=False, derived=True))
    groups = root.findall("t:standOff/t:linkGrp", NS)
    assert [g.get("subtype") for g in groups] == [
        "en-de",
        "en-sr-Cyrl",
        "en-sq",
        "de-sr-Cyrl",
        "de-sq",
        "sr-Cyrl-sq",
    ]
    de_sr = groups[3]
    assert de_sr.get("corresp") == "#links.en.de #links.en.sr-Cyrl"
    # en s4 has no German counterpart and is linked with en s5 on the Serbian side, so de s5 <-> sr s4.
    assert [(el.get("type"), el.get("subtype"), el.get("target")) for el in de_sr] == [
        ("2-1", "derived", "#de.s1 #de.s2 #sr-Cyrl.s1"),
        ("2-1", "derived", "#de.s3 #de.s4 #sr-Cyrl.s2"),
        ("0-1", "derived", "#sr-Cyrl.s3"),
        ("1-1", "derived", "#de.s5 #sr-Cyrl.s4"),
    ]
    sr_sq = tei.compose(docset.alignments[1], docset.alignments[2], 5)
    assert (sr_sq.src_lang, sr_sq.tgt_lang) == ("sr-Cyrl", "sq")
    assert [(b.src, b.tgt, b.cert, b.status) for b in sr_sq.links] == [
        ((0,), (0, 1), None, "derived"),
        ((1,), (2,), None, "derived"),
        ((2,), (), None, "derived"),
        ((3,), (3,), None, "derived"),
    ]


# --- reading back --------------------------------------------------------------------------------


def test_round_trip(docset):
    assert tei.read("set.xml", tei.to_bytes(docset)) == docset
    assert tei.read("set.xml", tei.to_bytes(docset, derived=True)) == docset  # derived groups skipped


def test_round_trip_through_a_file(docset, tmp_path):
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "set.tei.xml"
    tei.write(docset, out, timestamp=False)
    back = tei.read(out)
    assert back == docset
    assert back.docs["de"].sentences[1].text == "Er sagte:\r\n„Wir stimmen zu.“"
    assert back.docs["en"].sentences[4] == Sentence(" Closing remark. ", 3)


def test_round_trip_of_empty_and_odd_values(docset):
    docset.id = ""
    docset.meta = {"": "", "a&b": "<x>"}
    docset.docs["sq"].source = ""
    docset.docs["de"].sentences[4] = Sentence("", 1)
    assert tei.read("set.xml", tei.to_bytes(docset)) == docset


def test_annotations_are_ignored_when_reading(docset):
    data = with_annotation(docset)
    assert b'<listAnnotation type="divergence">' in data
    assert tei.read("set.xml", data) == docset


def test_annotations_keep_the_file_valid(docset, schema, tmp_path):
    (tmp_path / "a.xml").write_bytes(with_annotation(docset))
    assert tei.validate(tmp_path / "a.xml", schema) == []


def test_output_is_valid_tei(docset, schema, tmp_path):
    for derived in (False, True):
        tei.write(docset, tmp_path / "set.xml", derived=derived)
        assert tei.validate(tmp_path / "set.xml", schema) == []


def test_invalid_tei_is_reported_with_lines(docset, schema, tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_bytes(tei.to_bytes(docset).replace(b' ident="align"', b""))
    line = etree.parse(bad).find(".//t:application", NS).sourceline
    assert tei.validate(bad, schema) == [f"{bad}:{line}: Element application failed to validate attributes"]


def test_reads_the_shared_example(shared_dir):
    example = tei.read(shared_dir / "docs" / "tei-example.xml")
    assert list(example.docs) == ["en", "de", "sr-Latn", "sq"]
    assert example.docs["de"].texts[1] == "Belgrad betrachtet es als abtrünnige Provinz."
    assert [a.pair for a in example.alignments][:3] == ["en-de", "en-sr-Latn", "en-sq"]
    assert example.alignment("en", "sr-Latn").links[2] == Link((2,), (2, 3), None, "manual")
    assert example.alignment("en", "sq").links[2] == Link((2,), (), None, "manual")


PLAIN_TEI = f"""<TEI xmlns="{tei.TEI_NS}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
<text><body><p><s xml:id="a1">Hello.</s></p></body></text></TEI>""".encode()

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">&lol3;</teiCorpus>"""


def without_standoff(data: bytes) -> bytes:
    root = parse(data)
    root.remove(root.find("t:standOff", NS))
    return etree.tostring(root)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda ds: b"this is not xml", "not well-formed XML"),
        (lambda ds: b"", "empty"),
        (lambda ds: BILLION_LAUGHS, "declares entities"),
        (lambda ds: b"<a>" * 3000 + b"</a>" * 3000, "not well-formed XML"),
        (lambda ds: PLAIN_TEI, "root element is <TEI>, not <teiCorpus>"),
        (lambda ds: b"<teiCorpus/>", "root element is <teiCorpus> outside the TEI namespace"),
        (lambda ds: without_standoff(tei.to_bytes(ds)), 'no <linkGrp type="alignment">'),
        (lambda ds: tei.to_bytes(ds).replace(b"#de.s4", b"#de.s99"), "#de.s99 is not a sentence of en or de"),
        (lambda ds: tei.to_bytes(ds).replace(b"#de.s4", b"#sq.s1"), "#sq.s1 is not a sentence of en or de"),
        (
            lambda ds: tei.to_bytes(ds).replace(b'type="1-2"', b'type="1-1"'),
            "type 1-1 but its targets make a 1-2",
        ),
        (
            lambda ds: tei.to_bytes(ds).replace(b'cert="0.9300"', b'cert="high"'),
            "cert 'high' is not a number",
        ),
        (
            lambda ds: tei.to_bytes(ds).replace(b'subtype="manual"', b'subtype="checked"'),
            "'checked' is not one of",
        ),
        (lambda ds: tei.to_bytes(ds).replace(b' domains="#en.text #de.text"', b""), "@domains must point"),
    ],
)
def test_bad_input_gives_one_clear_error(docset, make, message):
    with pytest.raises(InputError) as caught:
        tei.read("in/bad.xml", make(docset))
    assert re.match(r"in/bad\.xml(:\d+)?: ", str(caught.value))  # FILE:LINE: message, or FILE: message
    assert message in str(caught.value)


def test_missing_file():
    with pytest.raises(InputError, match="missing.xml: cannot read file"):
        tei.read("missing.xml")


# --- align validate ------------------------------------------------------------------------------


def run_validate(*args: str):
    return CliRunner().invoke(cli, ["validate", *args], catch_exceptions=False)


def test_validate_command(docset, schema, tmp_path):
    good, bad, broken = tmp_path / "good.xml", tmp_path / "bad.xml", tmp_path / "broken.xml"
    good.write_bytes(with_annotation(docset))
    bad.write_bytes(tei.to_bytes(docset).replace(b"<publicationStmt>", b"<publicationStmt><bogus/>", 1))
    broken.write_bytes(b"<teiCorpus")

    result = run_validate(str(good), "--schema", str(schema))
    assert result.exit_code == 0
    assert result.stdout == f"{good}: valid\n"

    result = run_validate(str(good), str(bad), str(broken), "--schema", str(schema))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{good}: valid"
    assert any(re.match(rf"{re.escape(str(bad))}:\d+: .*bogus", line) for line in lines)
    assert f"{broken}:1: not well-formed XML" in result.stdout
    assert lines[-1] == f"{broken}: invalid"


def test_validate_command_checks_links_even_when_the_schema_passes(docset, schema, tmp_path):
    dangling = tmp_path / "dangling.xml"
    dangling.write_bytes(tei.to_bytes(docset).replace(b"#de.s4", b"#de.s99"))
    result = run_validate(str(dangling), "--schema", str(schema))
    assert result.exit_code == 1
    (line,) = [x for x in result.stdout.splitlines() if "#de.s99" in x]
    number = 1 + dangling.read_text(encoding="utf-8")[
        : dangling.read_text(encoding="utf-8").index("#de.s99")
    ].count("\n")
    assert line.startswith(f"{dangling}:{number}: ") and line.endswith(
        "#de.s99 is not a sentence of en or de"
    )


def test_validate_uses_the_shipped_schema_by_default(docset, schema, tmp_path, monkeypatch):
    monkeypatch.delenv("ALIGN_TEI_SCHEMA", raising=False)
    good = tmp_path / "good.xml"
    good.write_bytes(tei.to_bytes(docset))
    result = run_validate(str(good))
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"{good}: valid\n", "")


def test_validate_command_without_a_schema(docset, tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGN_TEI_SCHEMA", str(tmp_path / "nowhere.rng"))
    good, plain = tmp_path / "good.xml", tmp_path / "plain.xml"
    good.write_bytes(tei.to_bytes(docset))
    plain.write_bytes(PLAIN_TEI)
    result = run_validate(str(good))
    assert result.exit_code == 0
    assert "TEI schema not found" in result.stderr
    assert result.stdout == f"{good}: structure and links ok (not checked against the TEI schema)\n"
    result = run_validate(str(plain))
    assert result.exit_code == 1
    assert "not <teiCorpus>" in result.stdout


def test_validate_takes_a_folder_of_sets(docset, schema, tmp_path):
    """A batch output folder is the usual input: its *.tei.xml files, nothing else in it."""
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "a.tei.xml").write_bytes(tei.to_bytes(docset))
    (folder / "b.tei.xml").write_bytes(tei.to_bytes(docset).replace(b"#de.s4", b"#de.s99"))
    (folder / "summary.parquet").write_bytes(b"PAR1 not a TEI")
    result = run_validate(str(folder), "--schema", str(schema))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == f"{folder / 'a.tei.xml'}: valid"
    assert result.stdout.splitlines()[-1] == f"{folder / 'b.tei.xml'}: invalid"
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(cli, ["validate", str(empty)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"align: error: {empty}: no *.tei.xml files in this folder\n",
    )
