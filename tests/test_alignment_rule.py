"""The one rule for a valid alignment (align.model.check_alignment) and the readers and writers that
call it (issue 19, bugs 6 and 7): InterText import, the link reader, the TEI writer, the editor's edits;
an ``<s>`` without xml:id is one line, not a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from align.cli import cli
from align.errors import InputError
from align.formats.beadfile import parse_beads
from align.model import (
    Alignment,
    Document,
    DocumentSet,
    InvalidAlignment,
    Link,
    Sentence,
    check_alignment,
    check_set,
)
from align.review import edits


def invoke(*args: str | Path):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def one_line_error(result, *fragments: str) -> None:
    assert result.exit_code == 1, (result.exit_code, result.output)
    lines = [line for line in result.stderr.splitlines() if line.startswith("align: error:")]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


def links(*pairs: tuple[tuple[int, ...], tuple[int, ...]]) -> Alignment:
    return Alignment("en", "de", [Link(src, tgt) for src, tgt in pairs])


@pytest.mark.parametrize(
    ("alignment", "link", "message"),
    [
        (links(((0,), (0,)), ((1,), (0,)), ((2,), (1,))), 1, "sentence 1 of the de text is also in link 1"),
        (
            links(((0,), (0,)), ((1, 1), (1,)), ((2,), ())),
            1,
            "sentence 2 of the en text is twice in this link",
        ),
        (links(((0, 2), (0,)), ((1,), (1,))), 0, "its en sentences are not consecutive"),
        (
            links(((1,), (0,)), ((0,), (1,)), ((2,), ())),
            0,
            "out of text order (sentence 1 of the en text before it is in link 2)",
        ),
        (links(((0,), (0,)), ((2,), (1,))), 1, "sentence 2 of the en text before it is in no link"),
        (
            links(((0,), (0,)), ((1,), (1,))),
            None,
            "sentence 3 of the en text and those after it are in no link",
        ),
        (links(((0,), (0,)), ((), ()), ((1, 2), (1,))), 1, "it links no sentence"),
        (links(((0,), (0,)), ((1, 2, 3), (1,))), 1, "it points past the en text (3 sentences)"),
        (Alignment("en", "en", [Link((0,), (0,))]), None, "links the en text with itself"),
    ],
)
def test_the_rule_names_the_first_link_that_breaks_it(alignment, link, message):
    with pytest.raises(InvalidAlignment) as err:
        check_alignment(alignment, (3, 2))
    assert err.value.link == link and message in str(err.value)


def test_a_crossing_link_is_out_of_text_order_where_gaps_are_allowed():
    crossing = links(((2,), (1,)), ((0,), (0,)))
    with pytest.raises(InvalidAlignment, match=r"out of text order \(sentence 1 of the en text"):
        check_alignment(crossing, (3, 2), gaps=True)
    check_alignment(links(((1,), (1,))), (3, 2), gaps=True)  # gaps alone are fine then


@st.composite
def valid_alignments(draw) -> tuple[Alignment, tuple[int, int]]:
    """Random covering, monotone alignments: each link takes 0-3 next sentences of each side."""
    result: list[Link] = []
    i = j = 0
    for _ in range(draw(st.integers(0, 12))):
        a, b = draw(st.integers(0, 3)), draw(st.integers(0, 3))
        if a or b:
            result.append(Link(tuple(range(i, i + a)), tuple(range(j, j + b))))
            i, j = i + a, j + b
    return Alignment("en", "de", result), (i, j)


@settings(max_examples=200, database=None)
@given(valid_alignments())
def test_every_covering_monotone_alignment_passes(case):
    alignment, sizes = case
    check_alignment(alignment, sizes)


def _edit(current: list[Link], op: int, k: int, side: int) -> edits.Splice:
    indices = current[k].tgt if side else current[k].src
    first, last = (indices[0], indices[-1]) if indices else (-1, -1)
    if op < 2:
        return edits.merge(current, k, k + 1 if op == 0 else k - 1)
    if op == 2:
        return edits.split(current, k)
    if op < 5:
        return edits.move(current, k, side, first if op == 3 else last, "up" if op == 3 else "down")
    return edits.detach(current, k, side, last)


@settings(max_examples=200, database=None, deadline=None)
@given(
    valid_alignments(),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 5), st.integers(0, 1)), max_size=20),
)
def test_the_editors_edits_keep_the_rule(case, ops):
    """Any sequence of merges, splits, moves and detaches (the editor's edits), and undoing them all,
    leaves a valid alignment; edits that cannot apply are refused."""
    alignment, sizes = case
    current = list(alignment.links)
    done = []
    for k, op, side in ops:
        if not current:
            break
        k %= len(current)
        try:
            splice = _edit(current, op, k, side)
        except (edits.EditError, IndexError):
            continue
        splice.apply(current)
        done.append(splice)
        check_alignment(Alignment("en", "de", current), sizes)
    for splice in reversed(done):
        splice.inverse.apply(current)
    assert current == alignment.links


# --- readers and writers call it ---------------------------------------------------------------------


def test_the_link_reader_refuses_a_sentence_in_two_links_naming_the_line():
    with pytest.raises(InputError, match="line 3: sentence 2 of the source text is also in link 2"):
        parse_beads("[0]:[0]\n[1]:[1]\n[1]:[2]\n")
    with pytest.raises(InputError, match="line 1: sentence 1 of the target text is twice in this link"):
        parse_beads("[0]:[0, 0]\n")
    # gold standards of other corpora cross and skip sentences (Text+Berg): those are read
    assert len(parse_beads("[0]:[1]\n[1]:[0]\n[2]:[3, 5]\n")) == 3


def test_the_tei_writer_refuses_an_invalid_alignment(tmp_path):
    docs = {
        "en": Document("en", [Sentence("One.", 0), Sentence("Two.", 0)]),
        "de": Document("de", [Sentence("Eins.", 0), Sentence("Zwei.", 0)]),
    }
    docset = DocumentSet("s", docs, [links(((0,), (0,)), ((0, 1), (1,)))])
    from align import tei

    with pytest.raises(InvalidAlignment, match="en-de, link 2: sentence 1 of the en text is also in link 1"):
        tei.write(docset, tmp_path / "x.tei.xml")
    assert not (tmp_path / "x.tei.xml").exists()
    with pytest.raises(InvalidAlignment, match="the set has no fr text"):
        check_set(DocumentSet("s", docs, [Alignment("en", "fr", [])]))


def _intertext(folder: Path, links: str, to_doc: str = "a.en.xml", from_doc: str = "a.de.xml") -> Path:
    sentences = "".join(f'<s id="1:{k}">S{k}.</s>' for k in (1, 2, 3))
    (folder / "a.en.xml").write_text(f'<doc lang="en"><p id="1">{sentences}</p></doc>')
    (folder / "a.de.xml").write_text(f'<doc lang="de"><p id="1">{sentences}</p></doc>')
    path = folder / "a.en.de.xml"
    path.write_text(f'<linkGrp toDoc="{to_doc}" fromDoc="{from_doc}">{links}</linkGrp>')
    return path


def _links(*xtargets: str) -> str:
    return "".join(f'<link xtargets="{x}" status="man"/>' for x in xtargets)


@pytest.mark.parametrize(
    ("links", "message"),
    [
        (
            _links("1:1;1:1", "1:1 1:2;1:2", "1:3;1:3"),
            "link 2: sentence 1:1 of the en document is also in link 1",
        ),
        (
            _links("1:1;1:1", "1:3;1:3", "1:2;1:2"),
            "link 2: out of text order (sentence 1:2 of the en document before it is in link 3)",
        ),
        (_links("1:1;1:1", "1:3;1:3"), "link 2: sentence 1:2 of the en document before it is in no link"),
        (_links("1:1;1:1", "1:2;1:2"), "sentence 1:3 of the en document and sentence 1:3 of the de document"),
        (
            _links("1:1;1:1", "1:1;1:1", "1:2;1:2", "1:3;1:3"),
            "link 2: sentence 1:1 of the en document is also",
        ),
        (_links("1:1 1:3;1:1", "1:2;1:2 1:3"), "link 1: its en sentences are not consecutive"),
    ],
)
def test_import_refuses_links_that_break_the_rule_naming_the_link(tmp_path, links, message):
    """issue 19, bug 6: these were imported into a TEI that validate, report and review then refused."""
    out = tmp_path / "set.tei.xml"
    one_line_error(invoke("import", _intertext(tmp_path, links), "-o", out), "a.en.de.xml", message)
    assert not out.exists()


def test_import_refuses_a_document_linked_with_itself(tmp_path):
    path = _intertext(tmp_path, _links("1:1;1:1", "1:2;1:2", "1:3;1:3"), from_doc="a.en.xml")
    one_line_error(invoke("import", path, "-o", tmp_path / "x.tei.xml"), "links the en text with itself")


# --- bug 7: an <s> without xml:id ---------------------------------------------------------------------


@pytest.fixture
def anonymous_sentence(tmp_path) -> Path:
    (tmp_path / "en.txt").write_text("Border 1 was closed. NATO sent help.\n", encoding="utf-8")
    (tmp_path / "de.txt").write_text("Grenze 1 wurde geschlossen. NATO schickte Hilfe.\n", encoding="utf-8")
    path = tmp_path / "set.tei.xml"
    result = invoke("run", f"en={tmp_path / 'en.txt'}", f"de={tmp_path / 'de.txt'}", "--method", "fast",
                    "--no-cache", "--no-timestamp", "-o", path)  # fmt: skip
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    body = text.index("<body>")
    text = text[:body] + text[body:].replace("</s>", "</s><s>A sentence without an id.</s>", 1)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [("report", "--format", "md"), ("validate",), ("export", "--format", "tsv"), ("review", "--no-browser")],
)
def test_a_sentence_without_xml_id_is_one_line(anonymous_sentence, command):
    """issue 19, bug 7: a KeyError traceback in report, validate, review and export."""
    result = invoke(command[0], anonymous_sentence, *command[1:])
    if command[0] == "validate":  # validate reports problems on stdout, one per line
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert "sentence 2 of the en version has no xml:id" in result.output
        return
    one_line_error(result, "set.tei.xml:", "sentence 2 of the en version has no xml:id")
