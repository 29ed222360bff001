"""Findings into the TEI file itself, as the guidelines' stand-off annotations (TEI P5 17.10).

One ``<listAnnotation type="divergence">`` in the corpus ``standOff`` holds one ``<annotation>`` per
finding::

    <annotation xml:id="qa.3f2a9c1b0d4e" n="3f2a9c1b0d4e" motivation="assessing" ana="#div.number"
                resp="#app-align" target="#en.s34 #sr-Cyrl.s34">
      <note>Numbers differ: only in en: “48”; only in sr-Cyrl: “36”.</note>
      <note type="severity">high</note>
    </annotation>

A finding about some words only (a partial omission) adds one ``<ptr type="left-span"
target="#string-range(id('en.s3'),41,23)"/>`` per span and sentence (TEI's string-range pointer:
character offset in the sentence, length). ``ana`` points to the header's divergence taxonomy, whose
categories (one per registered kind, :data:`align.report.checks.KINDS`) are added to the file when it
lacks them, ``n`` is
the finding's fingerprint (for ignore files), ``target`` the sentence ids of both sides as they are in
the file. Re-annotating replaces the list, so a file never carries two generations of findings; the
rest of the file is left byte-for-byte as it was. :func:`align.tei.read` ignores annotations.
"""

from __future__ import annotations

from lxml import etree

from ..errors import InputError
from ..tei import TEI_NS, divergence_kinds, divergence_ref, standoff
from ..tei.encode import APP_ID, XML_ID
from .findings import Report, fingerprint

_NS = {"t": TEI_NS}
INDENT = "  "


def _tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def _remove(el: etree._Element) -> None:
    """Remove an element, keeping the whitespace that followed it (lxml drops the tail with it)."""
    parent, previous = el.getparent(), el.getprevious()
    if previous is not None:
        previous.tail = el.tail
    else:
        parent.text = el.tail
    parent.remove(el)


def _append(parent: etree._Element, child: etree._Element, depth: int) -> None:
    """Append ``child`` at nesting ``depth`` in the indentation style of a pretty-printed file."""
    etree.indent(child, space=INDENT, level=depth)
    last = parent[-1] if len(parent) else None
    if last is not None:
        last.tail = "\n" + INDENT * depth
    else:
        parent.text = "\n" + INDENT * depth
    child.tail = "\n" + INDENT * (depth - 1)
    parent.append(child)


def _depth(el: etree._Element) -> int:
    return sum(1 for _ in el.iterancestors())


def _ensure_taxonomy(tree: etree._ElementTree, ids: set[str]) -> None:
    """Declare the divergence categories that the file does not declare yet."""
    kinds = divergence_kinds()
    missing = [kind for kind in kinds if divergence_ref(kind)[1:] not in ids]
    if not missing:
        return
    root = tree.getroot()
    header = root.find("t:teiHeader", _NS)
    if header is None:
        raise InputError("the teiCorpus has no teiHeader to declare the divergence categories in")
    encoding = header.find("t:encodingDesc", _NS)
    if encoding is None:
        encoding = etree.Element(_tei("encodingDesc"))
        header.find("t:fileDesc", _NS).addnext(encoding)
    found = encoding.xpath("t:classDecl/t:taxonomy[@xml:id='divergence']", namespaces=_NS)
    taxonomy = found[0] if found else None
    if taxonomy is None:
        class_decl = etree.Element(_tei("classDecl"))
        taxonomy = etree.SubElement(class_decl, _tei("taxonomy"))
        if "divergence" not in ids:
            taxonomy.set(XML_ID, "divergence")
        etree.SubElement(taxonomy, _tei("desc")).text = "Translation divergence types used in QA annotations"
        _append(encoding, class_decl, _depth(encoding) + 1)
    for kind in missing:
        category = etree.Element(_tei("category"))
        category.set(XML_ID, divergence_ref(kind)[1:])
        etree.SubElement(category, _tei("catDesc")).text = kinds[kind]
        _append(taxonomy, category, _depth(taxonomy) + 1)


def _span_targets(
    elements: dict[str, etree._Element], sids: tuple[str, ...], spans: tuple[tuple[int, int], ...]
) -> list[str]:
    """TEI ``string-range`` pointers for spans into the sentences ``sids`` joined with a space (as a
    finding's text is): ``#string-range(id('en.s3'),10,5)``, offset from the sentence's start, length."""
    if not spans:
        return []
    starts, pos = [], 0
    for sid in sids:
        length = len("".join(elements[sid].itertext()))
        starts.append((sid, pos, pos + length))
        pos += length + 1
    out = []
    for start, end in spans:
        for sid, a, b in starts:
            lo, hi = max(start, a), min(end, b)
            if lo < hi:
                out.append(f"#string-range(id('{sid}'),{lo - a},{hi - lo})")
    return out


def annotate(tree: etree._ElementTree, report: Report) -> int:
    """Replace the file's divergence annotations with the report's findings; returns how many."""
    stand_off = standoff(tree)
    for old in stand_off.findall("t:listAnnotation[@type='divergence']", _NS):
        _remove(old)
    elements = {el.get(XML_ID): el for el in tree.getroot().iter(etree.Element) if el.get(XML_ID)}
    ids = set(elements)
    _ensure_taxonomy(tree, ids)
    if not report.findings:
        return 0  # TEI requires at least one annotation in a listAnnotation
    resp = f"#{APP_ID}" if APP_ID in ids else None
    listing = etree.Element(_tei("listAnnotation"), type="divergence")
    for finding in report.findings:
        targets = finding.src_ids + finding.tgt_ids
        absent = [t for t in targets if t not in ids]
        if absent:
            raise InputError(f"finding points to {absent[0]}, which is not an xml:id in the file")
        fp = fingerprint(finding)
        xml_id = f"qa.{fp}"
        n = 1
        while xml_id in ids:  # the same finding twice (identical sentences), or an id already taken
            n += 1
            xml_id = f"qa.{fp}.{n}"
        ids.add(xml_id)
        annotation = etree.SubElement(listing, _tei("annotation"))
        annotation.set(XML_ID, xml_id)
        annotation.set("n", fp)
        annotation.set("motivation", "assessing")
        annotation.set("ana", divergence_ref(finding.kind))
        if resp:
            annotation.set("resp", resp)
        annotation.set("target", " ".join(f"#{t}" for t in targets))
        etree.SubElement(annotation, _tei("note")).text = finding.detail
        etree.SubElement(annotation, _tei("note"), type="severity").text = finding.severity
        if finding.concept:
            etree.SubElement(annotation, _tei("note"), type="concept").text = finding.concept
        for side, sids, spans in (("left", finding.src_ids, finding.src_spans),
                                  ("right", finding.tgt_ids, finding.tgt_spans)):  # fmt: skip
            for target in _span_targets(elements, sids, spans):
                etree.SubElement(annotation, _tei("ptr"), type=f"{side}-span", target=target)
    _append(stand_off, listing, _depth(stand_off) + 1)
    return len(report.findings)


def to_bytes(tree: etree._ElementTree) -> bytes:
    """The tree as a file, its prolog (doctype, processing instructions) each on a line as align writes
    them: lxml keeps no whitespace between top-level nodes, and re-indenting could change sentence text."""
    root = tree.getroot()
    prolog = [
        etree.tostring(node, encoding="UTF-8", with_tail=False) for node in root.itersiblings(preceding=True)
    ]
    doctype = [tree.docinfo.doctype.encode("utf-8")] if tree.docinfo.doctype else []
    head = [b"<?xml version='1.0' encoding='UTF-8'?>", *doctype, *reversed(prolog)]
    return b"\n".join([*head, etree.tostring(root, encoding="UTF-8", xml_declaration=False)]) + b"\n"
