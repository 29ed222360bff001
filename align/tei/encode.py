"""Encode a DocumentSet as one TEI P5 ``teiCorpus`` (the master format; README, "TEI").

Layout: a set header (provenance, settings, meta, languages, divergence taxonomy), a ``standOff``
with one ``linkGrp type="alignment"`` per alignment, then one ``TEI`` per language holding
``text/body/p/s``. Ids: ``{lang}.s{n}`` and ``{lang}.p{n}`` (1-based; a sentence read from another
tool's file keeps its own id), ``{lang}.text`` for a text, ``{lang}`` for its ``TEI``,
``links.{src}.{tgt}`` for a link group; the language prefix tells which side of an m:n link a pointer
belongs to. Everything the model holds is written so that
:func:`align.tei.decode.from_tree` can rebuild an equal DocumentSet.
"""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

from .. import __version__
from ..errors import InputError, clip
from ..io.fsutil import atomic_write_bytes
from ..lang import language_name
from ..model import Alignment, Document, DocumentSet, Link, check_set
from ..model.rows import compose

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
APP_ID = "app-align"
STATUSES = ("auto", "manual", "derived")
CERT_DECIMALS = 4  # fixed, so output is byte-stable; certs round-trip to this precision

# xsd:language, which TEI's xml:lang requires; it also makes "{lang}.s1" a valid NCName.
_LANG_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def divergence_kinds() -> dict[str, str]:
    """Finding kind -> description, as the report's checkers register them; category ids are
    ``div.{kind}`` (see :func:`divergence_ref`)."""
    from ..report.checks import KINDS  # imported when used: the checkers sit downstream of the TEI

    return KINDS


def divergence_ref(kind: str) -> str:
    """Pointer to the header category of a Finding kind, for ``annotation/@ana``."""
    if kind not in divergence_kinds():
        raise ValueError(f"unknown divergence kind {kind!r}")
    return f"#div.{kind}"


def standoff(tree: etree._ElementTree) -> etree._Element:
    """The corpus ``standOff`` (created after the set header if missing), where QA annotations go."""
    root = tree.getroot()
    found = root.find(f"{{{TEI_NS}}}standOff")
    if found is None:
        found = etree.Element(f"{{{TEI_NS}}}standOff")
        root.find(f"{{{TEI_NS}}}teiHeader").addnext(found)
    return found


def to_tree(
    docset: DocumentSet,
    *,
    timestamp: bool = True,
    derived: bool = False,
    history: etree._ElementTree | None = None,
) -> etree._ElementTree:
    """Build the TEI tree; ``derived`` adds composed links for every pair of non-pivot versions;
    ``history``, an earlier TEI of the set (realigned with ``--keep-manual``), gives its reviewers
    and revision history (:func:`_carry_history`). InvalidAlignment for links that break
    :func:`align.model.check_alignment`."""
    check_set(docset)
    for lang, doc in docset.docs.items():
        if not _LANG_TAG.fullmatch(lang):
            raise InputError(f"language tag {clip(lang)} is not a valid BCP 47 tag", doc.source)
    root = etree.Element(f"{{{TEI_NS}}}teiCorpus", nsmap={None: TEI_NS})
    tree = etree.ElementTree(root)
    root.addprevious(
        etree.ProcessingInstruction(
            "xml-model",
            'href="https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng" '
            'type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"',
        )
    )
    root.set(XML_ID, "set-" + re.sub(r"[^A-Za-z0-9._-]", "_", docset.id))
    root.set("n", _xml_text(docset.id, "the document set id"))
    _corpus_header(root, docset, timestamp)

    # each link group with the two alignments it was composed from (None: aligned, not derived)
    groups: list[tuple[Alignment, tuple[Alignment, Alignment] | None]] = [
        (a, None) for a in docset.alignments
    ]
    if derived:
        groups += _derived_groups(docset)
    if groups:
        stand_off = etree.SubElement(root, f"{{{TEI_NS}}}standOff")
        for alignment, sources in groups:
            _link_group(stand_off, docset, alignment, sources)
    for lang, doc in docset.docs.items():
        _document(root, docset, lang, doc)
    if history is not None:
        _carry_history(history, root)
    _check_unique_ids(root)
    return tree


def _carry_history(old: etree._ElementTree, root: etree._Element) -> None:
    """The corpus header of ``old``: its ``respStmt`` other than align's (the reviewers) after the new
    one, its ``change`` records after the new one (newest first, as the review editor adds them)."""
    header = root.find(f"{{{TEI_NS}}}teiHeader")
    old_header = old.getroot().find(f"{{{TEI_NS}}}teiHeader")
    if old_header is None:
        return
    ns = {"t": TEI_NS}
    title_stmt = header.find("t:fileDesc/t:titleStmt", ns)
    for resp in old_header.iterfind("t:fileDesc/t:titleStmt/t:respStmt", ns):
        if resp.find(f"t:name[@ref='#{APP_ID}']", ns) is None:
            title_stmt.append(_bare(resp))
    revision = header.find("t:revisionDesc", ns)
    for change in old_header.iterfind("t:revisionDesc/t:change", ns):
        revision.append(_bare(change))


def _bare(el: etree._Element) -> etree._Element:
    """A copy of ``el`` without its layout (whitespace-only text and tails), so pretty printing lays
    it out as the rest of the file; comments are left out."""
    copy = etree.fromstring(etree.tostring(el))
    for comment in list(copy.iter(etree.Comment)):
        comment.getparent().remove(comment)
    for node in copy.iter():
        if node.text is not None and not node.text.strip():
            node.text = None
        if node.tail is not None and not node.tail.strip():
            node.tail = None
    copy.tail = None
    return copy


def to_bytes(
    docset: DocumentSet,
    *,
    timestamp: bool = True,
    derived: bool = False,
    history: etree._ElementTree | None = None,
) -> bytes:
    # pretty_print leaves elements that hold text alone, so sentence text is written exactly.
    tree = to_tree(docset, timestamp=timestamp, derived=derived, history=history)
    return etree.tostring(tree, pretty_print=True, xml_declaration=True, encoding="UTF-8")


def write(
    docset: DocumentSet,
    path: str | Path,
    *,
    timestamp: bool = True,
    derived: bool = False,
    history: etree._ElementTree | None = None,
) -> None:
    """Write atomically (``-`` = stdout); an encoding error leaves no file behind."""
    atomic_write_bytes(path, to_bytes(docset, timestamp=timestamp, derived=derived, history=history))


def add_element(
    parent: etree._Element, tag: str, text: str | None = None, **attrs: str | None
) -> etree._Element:
    """A TEI child element; ``id``/``lang`` become xml:id/xml:lang, None-valued attributes are left out."""
    el = etree.SubElement(parent, f"{{{TEI_NS}}}{tag}")
    for key, value in attrs.items():
        if value is not None:
            el.set({"id": XML_ID, "lang": XML_LANG}.get(key, key), value)
    if text is not None:
        el.text = text
    return el


def _xml_text(value: str, what: str, path: str | None = None) -> str:
    """Refuse characters XML 1.0 cannot carry (control characters), naming where they are."""
    bad = _NOT_XML_CHAR.search(value)
    if bad:
        raise InputError(f"{what} contains U+{ord(bad[0]):04X}, which XML 1.0 does not allow", path)
    return value


def _key_values(parent: etree._Element, pairs: dict[str, str], what: str, path: str | None = None) -> None:
    """A mapping as a gloss list (label = key, item = value), sorted so equal mappings encode equally."""
    gloss = add_element(parent, "list", type="gloss")
    for key in sorted(pairs):
        add_element(gloss, "label", _xml_text(key, f"{what} key {clip(key)}", path))
        add_element(gloss, "item", _xml_text(pairs[key], f"{what} {clip(key)}", path))


def _meta(parent: etree._Element, meta: dict[str, str], path: str | None = None) -> None:
    if meta:
        _key_values(add_element(add_element(parent, "notesStmt"), "note", type="meta"), meta, "meta", path)


def _corpus_header(root: etree._Element, docset: DocumentSet, timestamp: bool) -> None:
    names = [language_name(lang) for lang in docset.docs]
    header = add_element(root, "teiHeader", lang="en")
    file_desc = add_element(header, "fileDesc")
    title_stmt = add_element(file_desc, "titleStmt")
    title = f"Document set {docset.id}"
    if len(names) > 1:
        title += f": {names[0]} aligned with {', '.join(names[1:])}"
    add_element(title_stmt, "title", title)
    resp_stmt = add_element(title_stmt, "respStmt")
    add_element(resp_stmt, "resp", "Sentence segmentation, alignment and TEI encoding")
    add_element(resp_stmt, "name", "align", type="software", ref=f"#{APP_ID}")
    add_element(
        add_element(file_desc, "publicationStmt"), "p", f"Produced with align {__version__}; not published."
    )
    _meta(file_desc, docset.meta)
    add_element(
        add_element(file_desc, "sourceDesc"),
        "p",
        f"{len(names)} language versions of one document; each is described in its own header below.",
    )

    encoding = add_element(header, "encodingDesc")
    editorial = add_element(encoding, "editorialDecl")
    add_element(
        add_element(editorial, "segmentation"),
        "p",
        "Each version is split into paragraphs (p) and sentences (s) with ids LANG.pN and LANG.sN, "
        "numbered from 1 in document order. Sentence text is kept exactly as in the source.",
    )
    add_element(
        add_element(editorial, "interpretation"),
        "p",
        'Alignments are in standOff, one linkGrp type="alignment" per language pair (subtype SRC-TGT, '
        "domains pointing at the two texts). link/@type gives the link (1-1, 2-1, ...), link/@subtype "
        "says how it was made (auto, manual or derived) and link/@cert holds the aligner's confidence "
        "(0-1). A sentence without counterpart is a ptr (type 1-0 or 0-1). A linkGrp with @corresp was "
        "derived by composing the two pivot alignments it points to.",
    )
    taxonomy = add_element(add_element(encoding, "classDecl"), "taxonomy", id="divergence")
    add_element(taxonomy, "desc", "Translation divergence types used in QA annotations")
    for kind, description in divergence_kinds().items():
        add_element(add_element(taxonomy, "category", id=divergence_ref(kind)[1:]), "catDesc", description)
    app = add_element(
        add_element(encoding, "appInfo"), "application", id=APP_ID, ident="align", version=__version__
    )
    add_element(app, "label", "align")
    add_element(app, "desc", "Sentence segmentation, alignment and TEI encoding; the run's settings follow.")
    if docset.settings:
        _key_values(add_element(app, "p"), docset.settings, "setting")

    _language_usage(header, docset.docs)
    when = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if timestamp else None
    add_element(
        add_element(header, "revisionDesc"),
        "change",
        f"Segmentation, alignment and TEI encoding by align {__version__}.",
        when=when,
        who=f"#{APP_ID}",
    )


def _language_usage(header: etree._Element, langs: dict[str, Document]) -> None:
    usage = add_element(add_element(header, "profileDesc"), "langUsage")
    for lang in langs:
        add_element(usage, "language", language_name(lang), ident=lang)


def _derived_groups(docset: DocumentSet) -> list[tuple[Alignment, tuple[Alignment, Alignment]]]:
    pivot = docset.pivot
    from_pivot = [a for a in docset.alignments if a.src_lang == pivot]
    n_pivot = len(docset.docs[pivot].sentences)
    return [
        (compose(left, right, n_pivot), (left, right))
        for i, left in enumerate(from_pivot)
        for right in from_pivot[i + 1 :]
    ]


def _group_id(alignment: Alignment) -> str:
    return f"links.{alignment.src_lang}.{alignment.tgt_lang}"


def _link_group(
    parent: etree._Element,
    docset: DocumentSet,
    alignment: Alignment,
    sources: tuple[Alignment, Alignment] | None,
) -> None:
    src, tgt = alignment.src_lang, alignment.tgt_lang
    for lang in (src, tgt):
        if lang not in docset.docs:
            raise ValueError(f"alignment {alignment.pair} refers to {lang!r}, which is not in the set")
    group = add_element(
        parent,
        "linkGrp",
        id=_group_id(alignment),
        type="alignment",
        subtype=alignment.pair,
        domains=f"#{src}.text #{tgt}.text",
        corresp=" ".join(f"#{_group_id(a)}" for a in sources) if sources else None,
    )
    for link in alignment.links:
        if not (link.src or link.tgt):
            raise ValueError(f"alignment {alignment.pair} has a link with both sides empty")
        link_element(group, link, _pointers(docset, src, link.src) + _pointers(docset, tgt, link.tgt))


def link_element(group: etree._Element, link: Link, targets: list[str]) -> etree._Element:
    """One link as a ``link`` (or ``ptr`` when a side is empty) in ``group``; ``targets`` are its
    pointers (``#id``), source side first. Also used by the review editor to write edited links."""
    if link.status not in STATUSES:
        raise ValueError(f"link status must be one of {', '.join(STATUSES)}, not {link.status!r}")
    return add_element(
        group,
        "link" if link.src and link.tgt else "ptr",
        type=link.kind,
        subtype=link.status,
        cert=None if link.cert is None else cert_text(link.cert),
        target=" ".join(targets),
    )


def _pointers(docset: DocumentSet, lang: str, indices: tuple[int, ...]) -> list[str]:
    count = len(docset.docs[lang].sentences)
    bad = [i for i in indices if not 0 <= i < count]
    if bad:
        raise ValueError(f"link points to sentence {bad[0]} of {lang}, which has {count} sentences")
    return [f"#{docset.docs[lang].sentence_id(i)}" for i in indices]


def cert_text(cert: float) -> str:
    value = round(cert, CERT_DECIMALS)
    if not 0.0 <= value <= 1.0:  # also refuses NaN; TEI's @cert is a probability
        raise ValueError(f"link cert must be in [0, 1], not {cert}")
    return f"{value + 0.0:.{CERT_DECIMALS}f}"  # + 0.0 turns -0.0 into 0.0


def _document(root: etree._Element, docset: DocumentSet, lang: str, doc: Document) -> None:
    is_pivot = lang == docset.pivot
    tei = add_element(root, "TEI", id=lang, lang=lang)
    header = add_element(tei, "teiHeader", lang="en")
    file_desc = add_element(header, "fileDesc")
    version = f"{language_name(lang)} version" + (" (original)" if is_pivot else "")
    add_element(add_element(file_desc, "titleStmt"), "title", f"Document set {docset.id}, {version}")
    add_element(add_element(file_desc, "publicationStmt"), "p", "Part of the document set described above.")
    _meta(file_desc, doc.meta, doc.source)
    bibl = add_element(
        add_element(file_desc, "sourceDesc"), "bibl", type="original" if is_pivot else "translation"
    )
    if doc.source is not None:
        add_element(bibl, "idno", _xml_text(doc.source, "the source file name"), type="file")
    if not is_pivot:
        add_element(bibl, "relatedItem", type="translationOf", target=f"#{docset.pivot}")
    _language_usage(header, {lang: doc})

    body = add_element(
        add_element(tei, "text", id=f"{lang}.text", type="original" if is_pivot else "translation"), "body"
    )
    paras = [s.para for s in doc.sentences]
    if paras and (paras[0] < 0 or any(b < a for a, b in itertools.pairwise(paras))):
        raise ValueError(f"paragraph numbers of {lang} must start at 0 or more and never decrease")
    # Paragraphs without sentences stay as empty <p>, so paragraph numbers survive a round trip.
    ps = [add_element(body, "p", id=f"{lang}.p{k + 1}") for k in range(paras[-1] + 1 if paras else 1)]
    for i, sentence in enumerate(doc.sentences):
        text = _xml_text(sentence.text, f"sentence {i + 1} of the {lang} version", doc.source)
        add_element(ps[sentence.para], "s", text, id=doc.sentence_id(i))


def _check_unique_ids(root: etree._Element) -> None:
    """Ids built from language tags could clash with fixed ones (a language tagged "set-x")."""
    seen: set[str] = set()
    for el in root.iter():
        xml_id = el.get(XML_ID)
        if xml_id in seen:
            raise InputError(f"two elements would get the xml:id {clip(xml_id)}; rename the language or set")
        if xml_id is not None:
            seen.add(xml_id)
