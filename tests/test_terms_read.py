"""Termbase readers: TBX 2019 (with and without namespace), TBX v2 (tig, ntig), CSV/TSV, and bad input."""

from __future__ import annotations

import csv
import random
import re
import string
from pathlib import Path

import pytest

from align.errors import InputError
from align.terms import Term, load_termbase
from align.terms import tbx as tbx_module

DATA = Path(__file__).parent / "data" / "terms"


def _terms(tb, concept_id: str) -> dict[str, Term]:
    concept = next(c for c in tb.concepts if c.id == concept_id)
    return {t.text: t for t in concept.terms}


def test_tbx2019_namespaced_dca_framing_and_status():
    tb = load_termbase(DATA / "mini-dca.tbx")
    assert [c.id for c in tb.concepts] == [
        "c-south-province",
        "c-breakaway",
        "c-independent-state",
        "c-kosovo",
        "c-kim",
    ]
    south = _terms(tb, "c-south-province")
    # Concept-level <descrip type="framing"> is inherited by every term of the concept.
    assert {t.framing for t in south.values()} == {"serbian-view"}
    assert south["južna srpska pokrajina"].lang == "sr"
    breakaway = _terms(tb, "c-breakaway")
    assert breakaway["abtrünnige Provinz"] == Term(
        "abtrünnige Provinz", "de", "serbian-view", False, "preferred"
    )
    assert breakaway["otcepljena pokrajina"].framing == "serbian-view"  # "Serbian-View" normalised
    assert breakaway["otcepljena pokrajina"].lang == "sr-Latn"
    state = _terms(tb, "c-independent-state")
    assert state["independent state"].framing == "kosovar-view"  # <note type="framing"> on the langSec
    assert state["shtet i pavarur"].framing == "kosovar-view"  # inside a descripGrp
    assert state["republikë e pavarur"] == Term("republikë e pavarur", "sq", None, True, "deprecated")
    assert state["независна држава"].lang == "sr-Cyrl"
    kim = _terms(tb, "c-kim")
    assert kim["Kosovo i Metohija"].framing == "serbian-view"
    # An explicit "neutral" on the term overrides the concept's label.
    assert kim["Kosmet"] == Term("Kosmet", "sr", None, True, "deprecated")
    assert tb.concepts[0].label == "southern Serbian province"
    assert tb.source == str(DATA / "mini-dca.tbx")


def test_tbx2019_without_namespace_dct_elements():
    tb = load_termbase(DATA / "plain-2019.tbx")
    terms = _terms(tb, "c1")
    assert terms["border crossing"].status == "preferred"
    # Superseded is outdated, not forbidden.
    assert terms["border post"].status == "superseded" and not terms["border post"].forbidden
    assert terms["Grenzübergang"] == Term("Grenzübergang", "de", None, False, None)


def test_shared_examples_read(shared_dir):
    tb = load_termbase(shared_dir / "docs" / "tbx-example.tbx")
    sq = _terms(tb, "c-kosovo-status")
    assert sq["shtet i pavarur"].forbidden and not sq["territor i shkëputur"].forbidden
    astronomy = load_termbase(shared_dir / "schema" / "tbx" / "Example_Astronomy_DCA_VALID.tbx")
    cycle = _terms(astronomy, "c38")
    assert cycle["carbon cycle"].forbidden and not cycle["CNO cycle"].forbidden
    assert cycle["CNO cycle"].status == "preferred"
    assert {"en", "es"} <= astronomy.langs()


def test_tbx_v2_tig_and_ntig():
    tb = load_termbase(DATA / "v2.tbx")  # its external DOCTYPE is ignored, never fetched
    t1 = _terms(tb, "t1")
    assert t1["Republic of Kosovo"] == Term("Republic of Kosovo", "en", "kosovar-view", False, "preferred")
    assert t1["Republika e Kosovës"] == Term("Republika e Kosovës", "sq", "kosovar-view", False, "admitted")
    t2 = _terms(tb, "t2")
    assert t2["Kosmet"] == Term("Kosmet", "sr-Latn", "serbian-view", True, "deprecated")
    assert t2["Kosovo"] == Term("Kosovo", "sr-Latn", None, False, None)


def test_csv_and_tsv_read_alike():
    csv = load_termbase(DATA / "glossary.csv")
    tsv = load_termbase(DATA / "glossary.tsv")
    assert csv.concepts == tsv.concepts
    kim = _terms(csv, "c-kim")
    assert kim["Kosovo i Metohija"] == Term("Kosovo i Metohija", "sr", "serbian-view", False, "preferred")
    assert kim["Kosmet"].forbidden  # status "forbidden"
    assert _terms(csv, "c-kosovo")["Kosovo"].framing is None  # "neutral"
    assert 'Kosovo, the "Republic"' in _terms(csv, "c-quote")  # quoted CSV field; literal quotes in TSV
    assert [c.id for c in csv.concepts] == ["c-kim", "c-kosovo", "c-quote"]


def test_semicolon_csv_is_sniffed(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_text("concept;lang;term;framing\nc1;de;abtrünnige Provinz;serbian-view\n", encoding="utf-8")
    assert load_termbase(path).concepts[0].terms == (Term("abtrünnige Provinz", "de", "serbian-view"),)


def test_framing_field_option(tmp_path):
    path = tmp_path / "stance.tbx"
    path.write_text(
        '<tbx><text><body><conceptEntry id="c1"><langSec xml:lang="en">'
        "<termSec><term>breakaway province</term>"
        '<termNote type="stance">serbian-view</termNote><termNote type="framing">ignored</termNote>'
        "</termSec></langSec></conceptEntry></body></text></tbx>",
        encoding="utf-8",
    )
    assert load_termbase(path, framing_field="stance").concepts[0].terms[0].framing == "serbian-view"
    assert load_termbase(path).concepts[0].terms[0].framing == "ignored"


def test_label_vocabulary():
    tb = load_termbase(DATA / "mini-dca.tbx", labels=["serbian-view", "kosovar-view"])
    assert len(tb.concepts) == 5
    with pytest.raises(
        InputError, match=r"mini-dca\.tbx: line \d+, concept 'c-south-province': unknown framing "
    ):
        load_termbase(DATA / "mini-dca.tbx", labels=["kosovar-view"])


def test_terms_for_applies_across_scripts_and_regions():
    tb = load_termbase(DATA / "mini-dca.tbx")
    cyrl = {t.text for _, t in tb.terms_for("sr-Cyrl")}
    latn = {t.text for _, t in tb.terms_for("sr-Latn")}
    assert cyrl == latn
    assert {"južna pokrajina", "otcepljena pokrajina", "независна држава", "Kosmet"} <= cyrl
    assert {t.text for _, t in tb.terms_for("de-AT")} == {t.text for _, t in tb.terms_for("de")}
    assert all(t.lang == "en" for _, t in tb.terms_for("en-GB"))
    assert tb.terms_for("fr") == []
    tb.require_langs(["en", "sr-Cyrl", "sq"])
    with pytest.raises(
        InputError, match=r"mini-dca\.tbx: termbase has no terms for fr, hr \(it has de, en, "
    ):
        tb.require_langs(["en", "fr", "hr"])


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


_ONE = (
    '<conceptEntry id="c1"><langSec xml:lang="en">'
    "<termSec><term>x</term>{}</termSec></langSec></conceptEntry>"
)
_TBX = "<tbx><text><body>{}</body></text></tbx>"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.tbx", "<tbx><text><body></text></tbx>", "not well-formed XML"),
        (
            "laughs.tbx",
            '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><tbx>&b;</tbx>',
            "declares entities",
        ),
        (
            "xxe.tbx",
            '<!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tbx><text><body>&x;</body></text></tbx>',
            "declares entities",
        ),
        ("deep.tbx", "<tbx>" + "<a>" * 300 + "</a>" * 300 + "</tbx>", "not well-formed XML"),
        ("html.xml", "<html><body>hello</body></html>", r"not a termbase: root element <html>"),
        ("empty-body.tbx", _TBX.format(""), "no terms found"),
        (
            "status.tbx",
            _TBX.format(_ONE.format('<termNote type="administrativeStatus">badTerm</termNote>')),
            "unknown term status 'badTerm'",
        ),
        (
            "nolang.tbx",
            _TBX.format(
                '<conceptEntry id="c"><langSec><termSec><term>x</term></termSec></langSec></conceptEntry>'
            ),
            "line 1: <langSec> without xml:lang",
        ),
        (
            "badlang.tbx",
            _TBX.format(_ONE.replace('"en"', '"english"').format("")),
            "unknown language tag 'english'",
        ),
        ("emptyterm.tbx", _TBX.format(_ONE.replace(">x<", "> <").format("")), "empty term"),
        (
            "prose.tbx",
            _TBX.format(_ONE.format('<termNote type="framing">Serbian view.\nSee notes!</termNote>')),
            "is not a short label",
        ),
        (
            "latin1.tbx",
            "<tbx><text><body>caf\xe9</body></text></tbx>".encode("latin-1"),
            "not well-formed XML",
        ),
        ("empty.tbx", "", "file is empty"),
        ("empty.csv", "  \n", "file is empty"),
        ("latin1.csv", "concept,lang,term\nc1,de,Gr\xfc\xdfe\n".encode("latin-1"), "invalid UTF-8 at line 2"),
        (
            "cols.csv",
            "id,language,term\nc1,en,x\n",
            r"missing column\(s\) concept, lang \(found: id, language, term\)",
        ),
        ("header.csv", "concept,lang,term,framing\n", "no terms found"),
        ("ragged.csv", "concept,lang,term\nc1,en,x,y,z\n", "cannot read as CSV"),
        ("noconcept.tsv", "concept\tlang\tterm\n\ten\tx\n", "line 2: term 'x' has no concept id"),
        ("nolang.tsv", "concept\tlang\tterm\nc1\t\tx\n", "line 2, concept 'c1': term 'x' has no language"),
        ("status.tsv", "concept\tlang\tterm\tstatus\nc1\ten\tx\tmaybe\n", "unknown term status 'maybe'"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path, name, content, message):
    path = _write(tmp_path, name, content)
    with pytest.raises(InputError, match=message) as info:
        load_termbase(path)
    assert re.match(rf"{re.escape(str(path))}(:\d+)?: ", str(info.value))
    assert "\n" not in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        load_termbase(tmp_path / "nope.tbx")


def test_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(tbx_module, "MAX_BYTES", 1000)
    path = _write(tmp_path, "big.tbx", _TBX.format(_ONE.format("") * 20))
    with pytest.raises(InputError, match="larger than"):
        load_termbase(path)


def test_bundled_termbase(corpora_dir):
    path = corpora_dir / "terms" / "kosovo.tbx"
    if not path.exists():
        pytest.skip("bundled termbase not present")
    tb = load_termbase(path, labels=["pristina", "belgrade"])
    tb.require_langs(["en", "de", "sq", "sr-Cyrl", "sr-Latn"])
    terms = [t for c in tb.concepts for t in c.terms]
    assert {t.framing for t in terms} == {None, "pristina", "belgrade"}
    assert any(t.forbidden for t in terms)


# ---- wide glossaries (one concept a row, one column per language) -----------------------------------

_WIDE = [
    ["concept", "en", "sr-Latn", "framing_sr-Latn", "sq", "de", "note"],
    ["c-river", "river", "reka", "", "lumë", "Fluss", "not the verb"],
    ["c-kim", "Kosovo", "Kosovo i Metohija; Kosmet", "belgrade", "Kosova", "", ""],
    ["", "sandbag", "džak peska | vreća peska", "", "thes rëre", "Sandsack", ""],
]


def _wide_terms(tb) -> list[tuple[str, str, str, str | None]]:
    return [(c.id, t.lang, t.text, t.framing) for c in tb.concepts for t in c.terms]


_WIDE_EXPECTED = [
    ("c-river", "en", "river", None),
    ("c-river", "sr-Latn", "reka", None),
    ("c-river", "sq", "lumë", None),
    ("c-river", "de", "Fluss", None),
    ("c-kim", "en", "Kosovo", None),
    ("c-kim", "sr-Latn", "Kosovo i Metohija", "belgrade"),
    ("c-kim", "sr-Latn", "Kosmet", "belgrade"),
    ("c-kim", "sq", "Kosova", None),
    ("row-4", "en", "sandbag", None),
    ("row-4", "sr-Latn", "džak peska", None),
    ("row-4", "sr-Latn", "vreća peska", None),
    ("row-4", "sq", "thes rëre", None),
    ("row-4", "de", "Sandsack", None),
]


@pytest.mark.parametrize(("name", "sep"), [("wide.csv", ","), ("wide.tsv", "\t"), ("excel.csv", ";")])
def test_wide_glossary_delimited(tmp_path, name, sep):
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as f:
        # TSV is written unquoted (IANA), CSV quotes the cells holding the separator, as Excel does.
        csv.writer(f, delimiter=sep, quoting=csv.QUOTE_NONE if sep == "\t" else csv.QUOTE_MINIMAL).writerows(
            _WIDE
        )
    assert _wide_terms(load_termbase(path)) == _WIDE_EXPECTED


def test_wide_glossary_xlsx(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in _WIDE:
        sheet.append([cell or None for cell in row])
    sheet.append([None] * len(_WIDE[0]))  # trailing empty row, as spreadsheets leave them
    path = tmp_path / "glossary.xlsx"
    book.save(path)
    assert _wide_terms(load_termbase(path)) == _WIDE_EXPECTED


def test_long_glossary_xlsx_with_numeric_ids(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in (["concept", "lang", "term", "status"], [12, "de", "Deich", "forbidden"], [12, "en", "levee"]):
        book.active.append(row)
    path = tmp_path / "long.xlsx"
    book.save(path)
    tb = load_termbase(path)
    assert [(c.id, t.text, t.forbidden) for c in tb.concepts for t in c.terms] == [
        ("12", "Deich", True),
        ("12", "levee", False),
    ]


def test_wide_glossary_row_framing_and_status(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(
        "id,EN,de_DE,framing,status_de-DE\nc1,breakaway province,abtrünnige Provinz,belgrade,forbidden\n"
    )
    terms = load_termbase(path).concepts[0].terms
    assert [(t.lang, t.framing, t.forbidden) for t in terms] == [
        ("en", "belgrade", False),
        ("de-DE", "belgrade", True),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "English,German\nriver,Fluss\n",
            r"column 'English' is not a language tag nor one of concept, id, note",
        ),
        ("concept,note\nc1,x\n", "no language columns"),
        ("en,framing_de\nriver,x\n", "framing_/status_ column\\(s\\) for de but no such language column"),
        ("en,de\n", "no terms found"),
    ],
)
def test_bad_wide_glossary(tmp_path, content, message):
    path = _write(tmp_path, "wide.csv", content)
    with pytest.raises(InputError, match=message) as info:
        load_termbase(path)
    assert str(info.value).startswith(f"{path}: ")


def test_broken_xlsx(tmp_path):
    path = _write(tmp_path, "g.xlsx", b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="cannot read as XLSX"):
        load_termbase(path)


def test_report_help_lists_every_glossary_column():
    from click.testing import CliRunner

    from align.cli import cli
    from align.terms import glossary

    text = CliRunner().invoke(cli, ["report", "--help"]).output
    for column in (*glossary.REQUIRED, "framing", "status", *glossary.WIDE_CONCEPT, *glossary.WIDE_IGNORED):
        assert column in text
    assert "framing_<lang>" in text and "status_<lang>" in text and ".xlsx" in text


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("concept,en,EN", "columns 'en' and 'EN' name the same language (en)"),
        ("concept,sr-Latn,sr_Latn", "columns 'sr-Latn' and 'sr_Latn' name the same language (sr-Latn)"),
        ("concept,en,en", "column 'en' appears twice"),
        ("concept,lang,term,Term", "columns 'term' and 'Term' name the same column"),
    ],
)
def test_glossary_columns_naming_one_language_are_one_line(tmp_path, header, message):
    """issue 19, bug 10: the terms of one of the columns were dropped silently."""
    width = header.count(",") + 1
    path = _write(tmp_path, "g.csv", f"{header}\n" + ",".join(["c1", *["river"] * (width - 1)]) + "\n")
    with pytest.raises(InputError, match=re.escape(message)):
        load_termbase(path)


def test_an_xlsx_glossary_repeating_a_language_column_is_refused(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in (["concept", "en", "en"], ["c1", "river", "stream"]):
        book.active.append(row)
    book.save(tmp_path / "g.xlsx")
    with pytest.raises(InputError, match="column 'en' appears twice"):
        load_termbase(tmp_path / "g.xlsx")


def test_an_xlsx_glossary_over_one_mebibyte_reads(tmp_path):
    """issue 19, bug 11: reading stopped at the first MiB holding a NUL: "File is not a zip file"."""
    openpyxl = pytest.importorskip("openpyxl")
    rng = random.Random(19)
    book = openpyxl.Workbook()
    book.active.append(["concept", "en", "de"])
    for k in range(30000):
        words = ["".join(rng.choices(string.ascii_lowercase, k=16)) for _ in range(2)]
        book.active.append([f"c{k}", *words])
    path = tmp_path / "big.xlsx"
    book.save(path)
    assert path.stat().st_size > 1 << 20
    assert len(load_termbase(path).concepts) == 30000


def test_an_xlsx_that_unzips_to_more_than_a_glossary_needs_is_refused_unread(tmp_path, monkeypatch):
    """issue 19, bug 11: a 490 KB file with one 500 MB cell took 1 GB; the zip directory's sizes are
    checked before anything is inflated (the limit is lowered here so the test stays small)."""
    import zipfile

    from align.terms import glossary

    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["concept", "en"])
    book.active.append(["c1", "x" * 32767])  # the longest cell openpyxl writes: made 3 MB below
    book.save(tmp_path / "small.xlsx")
    path = tmp_path / "bomb.xlsx"
    with (
        zipfile.ZipFile(tmp_path / "small.xlsx") as small,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as big,
    ):
        for member in small.infolist():
            data = small.read(member)
            big.writestr(member.filename, data.replace(b"x" * 32767, b"x" * (3 << 20)))
    assert path.stat().st_size < 100_000
    monkeypatch.setattr(glossary, "MAX_XLSX_UNZIPPED", 2 << 20)
    with pytest.raises(InputError, match="unzips to 3 MB, more than a glossary needs"):
        load_termbase(path)
    with zipfile.ZipFile(path) as z:
        assert sum(m.file_size for m in z.infolist()) > 3 << 20
