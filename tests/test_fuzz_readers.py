"""Property-based fuzzing of every reader that takes outside input: any bytes give a result or an
InputError, never another exception, and in bounded time (Hypothesis' deadline per example); every
alignment a reader returns (TEI, InterText, links) satisfies the rule of align.model.check_alignment.

Readers: text, TEI, TBX, CSV/TSV and XLSX glossaries, manifests, bead files and InterText files. Each
reader gets raw bytes and, to reach past the first syntax check, mutations of a valid seed file
(spans deleted, duplicated or replaced by random bytes or by characters that matter to the format).
The budget is small here ($ALIGN_FUZZ_EXAMPLES, default 50 per reader); ``scripts/fuzz_readers.py``
runs the same properties with a larger one.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from align import tei
from align.batch.manifest import read_manifest
from align.errors import InputError
from align.formats.beadfile import read_beads
from align.formats.intertext import read_intertext
from align.io.reader import decode_text
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
from align.terms.glossary import read_glossary
from align.terms.tbx import read_tbx
from align.terms.termbase import build_termbase

DATA = Path(__file__).parent / "data"
EXAMPLES = int(os.environ.get("ALIGN_FUZZ_EXAMPLES", "50"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=5),  # generous on a loaded 2-core machine; a hang still fails
    database=None,  # nothing written into the repository
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SPECIAL = ["<", ">", "&", ";", '"', "'", "/", "=", "#", ",", "\t", "\n", "\r", "\x00", "[", "]", ":", "+",
           "\ufeff", "é", "ж", "\U0001f600", "&lt;", "<!DOCTYPE x [<!ENTITY e 'x'>]>", "]]>", "<!--",
           "9" * 5000]  # fmt: skip


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    """``seed`` with a few random edits: delete, duplicate, or replace a span."""
    data = seed
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 64)))
        kind = draw(st.sampled_from(["delete", "duplicate", "bytes", "special"]))
        if kind == "delete":
            data = data[:start] + data[end:]
        elif kind == "duplicate":
            data = data[:end] + data[start:end] + data[end:]
        elif kind == "bytes":
            data = data[:start] + draw(st.binary(max_size=16)) + data[end:]
        else:
            data = data[:start] + draw(st.sampled_from(SPECIAL)).encode() + data[end:]
    return data


def inputs(seed: bytes) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=512), mutated(seed))


def result_or_input_error(read, data: bytes, valid=None) -> None:
    """``read(data)`` gives a result or an InputError; ``valid(result)`` holds of every result."""
    try:
        result = read(data)
    except InputError:
        return
    if valid is not None:
        valid(result)


def valid_set(docset: DocumentSet) -> None:
    """The alignment rule (align.model.check_alignment) holds for every alignment a reader returns."""
    try:
        check_set(docset)
    except InvalidAlignment as exc:
        raise AssertionError(f"a reader returned an invalid alignment: {exc}") from None


def valid_beads(links: list[Link]) -> None:
    sizes = (
        max((i + 1 for b in links for i in b.src), default=0),
        max((j + 1 for b in links for j in b.tgt), default=0),
    )
    try:
        check_alignment(Alignment("src", "tgt", links), sizes, loose=True)  # gold files cross
    except InvalidAlignment as exc:
        raise AssertionError(f"the link reader returned an invalid alignment: {exc}") from None


def _tei_seed() -> bytes:
    docs = {
        "en": Document("en", [Sentence("Pristina closed the border.", 0), Sentence("NATO helped.", 1)]),
        "de": Document("de", [Sentence("Pristina schloss die Grenze.", 0), Sentence("Die NATO half.", 1)]),
    }
    links = [Link((0,), (0,), 0.9), Link((1,), (1,), 0.8)]
    docset = DocumentSet("fuzz", docs, [Alignment("en", "de", links)], meta={"source": "test"})
    return tei.to_bytes(docset, timestamp=False)


TEI_SEED = _tei_seed()
TBX_SEED = (DATA / "terms" / "mini-dca.tbx").read_bytes()
GLOSSARY_SEED = (DATA / "terms" / "glossary.csv").read_bytes()


def _xlsx_seed() -> bytes:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    for row in [("concept", "lang", "term", "framing"), ("c1", "en", "Kosovo", "neutral")]:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


XLSX_SEED = _xlsx_seed()
BEADS_SEED = b"[0]:[0, 1]:0.9312\n[1, 2]:[2]\n[]:[3]\n[3]:[]:0.5\n"
MANIFEST_SEED = b"id,en,de,title\ns1,en.txt,de.txt,One\ns2,en.txt,de.txt,Two\n"
INTERTEXT_SEEDS = {  # an InterText alignment file and its two sentence-marked documents
    "a.en.de.xml": b'<linkGrp toDoc="a.en.xml" fromDoc="a.de.xml"><link type="1-1" xtargets="1:1;1:1" '
    b'status="man"/><link type="1-0" xtargets="1:2;" status="auto"/></linkGrp>',
    "a.en.xml": b'<doc lang="en"><p id="1"><s id="1:1">One.</s><s id="1:2">Two.</s></p></doc>',
    "a.de.xml": b'<doc><p id="1"><s id="1:1">Eins.</s></p></doc>',
}


def test_the_seeds_read(folder):
    tei.read("seed.tei.xml", TEI_SEED)
    for file, seed in INTERTEXT_SEEDS.items():
        (folder / file).write_bytes(seed)
    assert len(read_intertext([folder / "a.en.de.xml"]).alignments[0].links) == 2
    build_termbase(read_tbx("seed.tbx", TBX_SEED, "framing"), "seed.tbx")
    build_termbase(read_glossary("seed.csv", GLOSSARY_SEED, "framing"), "seed.csv")
    build_termbase(read_glossary("seed.xlsx", XLSX_SEED, "framing"), "seed.xlsx")


@FUZZ
@given(inputs(b"Pristina closed the border.\r\nNATO helped.\n\nRussia backed Belgrade.\n"))
def test_text_reader(data):
    result_or_input_error(lambda d: decode_text(d, "in.txt"), data)


@FUZZ
@given(inputs(TEI_SEED))
def test_tei_decoder(data):
    result_or_input_error(lambda d: tei.read("in.tei.xml", d), data, valid_set)


@FUZZ
@given(inputs(TBX_SEED))
def test_tbx_reader(data):
    result_or_input_error(lambda d: build_termbase(read_tbx("in.tbx", d, "framing"), "in.tbx"), data)


@FUZZ
@given(inputs(GLOSSARY_SEED))
def test_csv_glossary_reader(data):
    result_or_input_error(lambda d: build_termbase(read_glossary("in.csv", d, "framing"), "in.csv"), data)


@FUZZ
@given(inputs(XLSX_SEED))
def test_xlsx_glossary_reader(data):
    result_or_input_error(lambda d: build_termbase(read_glossary("in.xlsx", d, "framing"), "in.xlsx"), data)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fuzz")
    (path / "en.txt").write_text("Pristina closed the border.\n", encoding="utf-8")
    (path / "de.txt").write_text("Pristina schloss die Grenze.\n", encoding="utf-8")
    return path


@FUZZ
@given(data=inputs(MANIFEST_SEED), suffix=st.sampled_from([".csv", ".tsv", ".parquet"]))
def test_manifest_reader(folder, data, suffix):
    path = folder / f"manifest{suffix}"
    path.write_bytes(data)
    result_or_input_error(lambda _: read_manifest(path), data)


@FUZZ
@given(inputs(BEADS_SEED))
def test_link_reader(folder, data):
    path = folder / "in.beads"
    path.write_bytes(data)
    result_or_input_error(lambda _: read_beads(path), data, valid_beads)


DAMAGED_INTERTEXT = st.sampled_from(sorted(INTERTEXT_SEEDS)).flatmap(
    lambda name: st.tuples(st.just(name), inputs(INTERTEXT_SEEDS[name]))
)


@FUZZ
@given(DAMAGED_INTERTEXT)
def test_intertext_reader(folder, case):
    """One of the three files damaged, the other two intact: the alignment or a document."""
    name, data = case
    for file, seed in INTERTEXT_SEEDS.items():
        (folder / file).write_bytes(data if file == name else seed)
    result_or_input_error(lambda _: read_intertext([folder / "a.en.de.xml"]), data, valid_set)
