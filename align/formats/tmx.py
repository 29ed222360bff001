"""TMX 1.4b for CAT tools (valid against tmx14.dtd), streamed so a corpus need not fit in memory.

One ``<tu>`` per link with both sides non-empty (a CAT tool has no use for a unit without a
translation); an n-m link becomes one ``<seg>`` per side with its sentences joined by a space. Each
unit carries its set (``x-docset``), link type (``x-link``), cert (``x-cert``, when known),
status (``x-status``) and the TEI sentences it came from (``x-tei-link``). No creation date is
written, so the same TEI gives the same TMX.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from pathlib import Path

from lxml import etree

from .. import __version__
from ..io.fsutil import atomic_output
from ..model import Alignment, DocumentSet
from ..model.rows import LinkText, set_link_texts

DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _prop(parent: etree._Element, kind: str, text: str) -> None:
    etree.SubElement(parent, "prop", type=kind).text = text


def _tu(docset: DocumentSet, alignment: Alignment, row: LinkText) -> etree._Element:
    tu = etree.Element(
        "tu", tuid=f"{docset.id}.{alignment.pair}.{row.src_ids[0]}", srclang=alignment.src_lang
    )
    _prop(tu, "x-docset", docset.id)
    _prop(tu, "x-link", row.link.kind)
    if row.link.cert is not None:
        _prop(tu, "x-cert", f"{row.link.cert:.4f}")
    _prop(tu, "x-status", row.link.status)
    _prop(tu, "x-tei-link", " ".join(f"#{i}" for i in row.src_ids + row.tgt_ids))
    for lang, text in ((alignment.src_lang, row.src_text), (alignment.tgt_lang, row.tgt_text)):
        tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
        etree.SubElement(tuv, "seg").text = text
    return tu


def write_tmx(
    selected: Iterable[tuple[DocumentSet, Alignment]],
    output: str | Path,
    *,
    srclang: str | None = None,
    props: Sequence[tuple[str, str]] = (),
    note: str | None = None,
) -> int:
    """Write the units of ``selected``; the header's ``srclang`` is ``srclang`` (``*all*`` for mixed
    sources) or, when None, the first alignment's source, and it carries ``props`` (type, text) and a
    ``note`` (what was left out, say). Returns the number of units."""
    pairs = iter(selected)
    first = next(pairs, None)
    if srclang is None:
        srclang = first[1].src_lang if first is not None else "*all*"
    count = 0
    with atomic_output(output, "wb") as fh, etree.xmlfile(fh, encoding="UTF-8") as xf:
        xf.write_declaration()
        xf.write_doctype(DOCTYPE)
        with xf.element("tmx", version="1.4"):
            xf.write("\n  ")
            header = {
                "creationtool": "align",
                "creationtoolversion": __version__,
                "segtype": "sentence",
                "o-tmf": "align-tei",
                "adminlang": "en",
                "srclang": srclang,
                "datatype": "plaintext",
            }
            head = etree.Element("header", header)
            if note is not None:
                etree.SubElement(head, "note").text = note
            for kind, text in props:
                _prop(head, kind, text)
            etree.indent(head, level=1)
            xf.write(head)
            xf.write("\n  ")
            with xf.element("body"):
                for docset, alignment in itertools.chain([first] if first else [], pairs):
                    for row in set_link_texts(docset, alignment):
                        if row.link.src and row.link.tgt:
                            tu = _tu(docset, alignment, row)
                            etree.indent(tu, level=2)  # seg holds text only, so indenting cannot change it
                            xf.write("\n    ", tu)
                            count += 1
                xf.write("\n  ")
            xf.write("\n")
    return count
