"""Read an aligned TEI corpus back into a DocumentSet (the inverse of :mod:`align.tei.encode`).

Pointers are resolved through the ``s/@xml:id`` values actually present, not parsed from the id
scheme, so corpora laid out like the TEI guidelines' examples (``en.d1.s1`` ids, inline ``seg`` markup
inside ``s``, as tests/data/report/foreign.tei.xml) read too; such ids are kept on the sentences
(``Sentence.id``), so whatever points back into the file uses them. Link groups that carry ``@corresp`` were
derived by ``encode`` from the pivot alignments and are skipped (``compose`` rebuilds them);
``listAnnotation`` and anything else in ``standOff`` are ignored. Derived groups without ``@corresp``
(written by other tools) are read as alignments whose links have status "derived".
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import InputError, clip, warn
from ..io.xmlsafe import parse_xml
from ..model import (
    Alignment,
    Document,
    DocumentSet,
    InvalidAlignment,
    Link,
    Sentence,
    check_alignment,
    paragraph_numbers,
    sentence_id,
)
from .encode import STATUSES, TEI_NS, XML_ID, XML_LANG

_NS = {"t": TEI_NS}


def read(path: str | Path, data: bytes | None = None) -> DocumentSet:
    """Read a TEI file (or bytes read from it); InputError if it is not an aligned corpus we can use."""
    return from_tree(parse_xml(path, data), path)


def from_tree(
    tree: etree._ElementTree, path: str | Path | None = None, *, complete: bool = False
) -> DocumentSet:
    """The set in ``tree``. Links must follow the text order, each sentence in at most one of them.
    A sentence in none (a hand-edited file) is read as without counterpart, with a warning, so the
    report calls it an omission or addition; with ``complete`` (``align validate``) it is an error."""
    where = str(path) if path is not None else tree.docinfo.URL
    root = tree.getroot()
    if root.tag != f"{{{TEI_NS}}}teiCorpus":
        raise InputError(
            f"not an aligned TEI corpus: the root element is {_describe(root)}", where, root.sourceline
        )

    docs: dict[str, Document] = {}
    sentences: dict[str, tuple[str, int]] = {}  # s/@xml:id -> (lang, index)
    owners: dict[str, str] = {}  # any xml:id inside a TEI -> its lang, to resolve linkGrp/@domains
    for tei in root.iterchildren(f"{{{TEI_NS}}}TEI"):
        lang, doc, ids = _document(tei, where)
        if lang in docs:
            raise InputError(f"two <TEI> versions have the language {clip(lang)}", where, tei.sourceline)
        docs[lang] = doc
        for xml_id, index in ids.items():
            if xml_id in sentences:
                raise InputError(f"the xml:id {clip(xml_id)} is used twice", where)
            sentences[xml_id] = (lang, index)
        owners.update((el.get(XML_ID), lang) for el in tei.iter(etree.Element) if el.get(XML_ID))
    if not docs:
        raise InputError("the teiCorpus holds no <TEI> versions", where)

    groups = root.xpath("t:standOff/t:linkGrp[@type='alignment'][not(@corresp)]", namespaces=_NS)
    if not groups:
        raise InputError(
            'not an aligned corpus: no <linkGrp type="alignment"> in <standOff> (nothing links the versions)',
            where,
        )
    alignments = [
        _covered(_alignment(group, k, sentences, owners, where), group, k, docs, sentences, where, complete)
        for k, group in enumerate(groups, 1)
    ]
    _one_group_per_pair(alignments, groups, where)
    return DocumentSet(
        id=root.get("n", root.get(XML_ID, "")),
        docs=docs,
        alignments=alignments,
        meta=_meta(root.find("t:teiHeader", _NS)),
        settings=_gloss(
            root.find("t:teiHeader/t:encodingDesc/t:appInfo/t:application[@ident='align']/t:p", _NS)
        ),
    )


def _one_group_per_pair(alignments: list[Alignment], groups: Any, where: str | None) -> None:
    """Two link groups for one pair would be two answers to one question (and a reader that keeps the
    first, as the editor did, silently drops the other): refused, naming both."""
    first: dict[frozenset[str], etree._Element] = {}
    for alignment, group in zip(alignments, groups, strict=True):
        key = frozenset((alignment.src_lang, alignment.tgt_lang))
        if key in first:
            raise InputError(
                f"two alignment link groups for {alignment.src_lang} and {alignment.tgt_lang} (lines "
                f"{first[key].sourceline} and {group.sourceline}): keep one",
                where,
                group.sourceline,
            )
        first[key] = group


def _describe(root: etree._Element) -> str:
    qname = etree.QName(root)
    if qname.namespace == TEI_NS:
        return f"<{qname.localname}>, not <teiCorpus>"
    if qname.namespace is None:
        return f"<{qname.localname}> outside the TEI namespace"
    return f"<{qname.localname}> in the namespace {qname.namespace}"


def _text(el: etree._Element) -> str:
    """Text content, inline markup dropped (comments and processing instructions are not text)."""
    return "".join(el.itertext())


def _gloss(parent: etree._Element | None) -> dict[str, str]:
    """A ``list type="gloss"`` of label/item pairs (as encode writes mappings) back to a dict."""
    found = None if parent is None else parent.find("t:list[@type='gloss']", _NS)
    if found is None:
        return {}
    labels = found.findall("t:label", _NS)
    items = found.findall("t:item", _NS)
    return {_text(label): _text(item) for label, item in zip(labels, items, strict=False)}


def _meta(header: etree._Element | None) -> dict[str, str]:
    return _gloss(None if header is None else header.find("t:fileDesc/t:notesStmt/t:note[@type='meta']", _NS))


def _document(tei: etree._Element, where: str | None) -> tuple[str, Document, dict[str, int]]:
    text = tei.find("t:text", _NS)
    lang = tei.get(XML_LANG) or (text.get(XML_LANG) if text is not None else None)
    if not lang:
        raise InputError(
            f"a <TEI> version (xml:id {clip(tei.get(XML_ID))}) has no xml:lang", where, tei.sourceline
        )
    body = tei.find("t:text/t:body", _NS)
    if body is None:
        raise InputError(f"the {lang} version has no text/body", where, tei.sourceline)
    paragraphs = {p: k for k, p in enumerate(body.iter(f"{{{TEI_NS}}}p"))}
    sentences: list[Sentence] = []
    ids: dict[str, int] = {}
    holders: list[tuple[int, object]] = []  # each sentence's paragraph: (its position, itself)
    for s in body.iter(f"{{{TEI_NS}}}s"):
        para = next(s.iterancestors(f"{{{TEI_NS}}}p"), None)
        if para is None:
            raise InputError(
                f"sentence {clip(s.get(XML_ID))} of the {lang} version is not inside a <p>",
                where,
                s.sourceline,
            )
        xml_id = s.get(XML_ID)
        if xml_id is None:
            raise InputError(
                f"sentence {len(sentences) + 1} of the {lang} version has no xml:id: no link can point to it",
                where,
                s.sourceline,
            )
        ids[xml_id] = len(sentences)
        own = xml_id == sentence_id(lang, len(sentences))  # align's scheme: not kept
        sentences.append(Sentence(_text(s), 0, None if own else xml_id))
        holders.append((paragraphs[para], para))
    # a <p> inside a <note> inside a <p> interrupts it: numbers that never decrease keep the text order
    sentences = [replace(s, para=n) for s, n in zip(sentences, paragraph_numbers(holders), strict=True)]
    header = tei.find("t:teiHeader", _NS)
    source = (
        None if header is None else header.find("t:fileDesc/t:sourceDesc/t:bibl/t:idno[@type='file']", _NS)
    )
    doc = Document(
        lang=lang,
        sentences=sentences,
        source=None if source is None else _text(source),
        meta=_meta(header),
    )
    return lang, doc, ids


def _alignment(
    group: etree._Element,
    number: int,
    sentences: dict[str, tuple[str, int]],
    owners: dict[str, str],
    where: str | None,
) -> Alignment:
    label = f"linkGrp {group.get('subtype') or number}"
    refs = (group.get("domains") or "").split()
    domains = [owners[key] for ref in refs if (key := ref.removeprefix("#")) in owners]
    if len(refs) != 2 or len(domains) != 2 or domains[0] == domains[1]:
        raise InputError(f"{label}: @domains must point to the two texts it aligns", where, group.sourceline)
    src_lang, tgt_lang = domains
    links = []
    for k, el in enumerate(group.iterchildren(f"{{{TEI_NS}}}link", f"{{{TEI_NS}}}ptr"), 1):
        where_link = f"{label}, {etree.QName(el).localname} {k}"
        sides: dict[str, list[int]] = {src_lang: [], tgt_lang: []}
        targets = (el.get("target") or "").split()
        if not targets:
            raise InputError(f"{where_link}: no @target", where, el.sourceline)
        for target in targets:
            found = sentences.get(target.removeprefix("#"))
            if found is None or found[0] not in sides:
                raise InputError(
                    f"{where_link}: {target} is not a sentence of {src_lang} or {tgt_lang}",
                    where,
                    el.sourceline,
                )
            lang, index = found
            sides[lang].append(index)
        link = Link(
            tuple(sides[src_lang]),
            tuple(sides[tgt_lang]),
            _cert(el, where_link, where),
            el.get("subtype", "auto"),
        )
        if el.get("type", link.kind) != link.kind:
            raise InputError(
                f"{where_link}: type {el.get('type')} but its targets make a {link.kind}",
                where,
                el.sourceline,
            )
        if link.status not in STATUSES:
            raise InputError(
                f"{where_link}: subtype {clip(link.status)} is not one of {', '.join(STATUSES)}",
                where,
                el.sourceline,
            )
        links.append(link)
    return Alignment(src_lang, tgt_lang, links)


def _covered(
    alignment: Alignment,
    group: etree._Element,
    number: int,
    docs: dict[str, Document],
    sentences: dict[str, tuple[str, int]],
    where: str | None,
    complete: bool,
) -> Alignment:
    """Check the links against the rule (:func:`align.model.check_alignment`); read a sentence no link
    covers as a 1-0 or 0-1 link."""
    label = f"linkGrp {group.get('subtype') or number}"
    elements = list(group.iterchildren(f"{{{TEI_NS}}}link", f"{{{TEI_NS}}}ptr"))
    ids = {v: k for k, v in sentences.items()}
    langs = (alignment.src_lang, alignment.tgt_lang)
    sizes = (len(docs[langs[0]].sentences), len(docs[langs[1]].sentences))
    try:
        check_alignment(alignment, sizes, name=lambda side, i: ids[(langs[side], i)], gaps=True)
    except InvalidAlignment as exc:
        line = group.sourceline if exc.link is None else elements[exc.link].sourceline
        raise InputError(exc.where(label), where, line) from None
    links: list[Link] = []
    nxt = [0, 0]  # the next sentence of each side that no earlier link took
    missing: list[str] = []

    def fill(side: int, until: int) -> None:
        while nxt[side] < until:
            i = nxt[side]
            links.append(Link((i,), (), None) if side == 0 else Link((), (i,), None))
            missing.append(ids[(langs[side], i)])
            nxt[side] += 1

    for link in alignment.links:
        for side, indices in enumerate((link.src, link.tgt)):
            if indices:
                fill(side, indices[0])
        links.append(link)
        for side, indices in enumerate((link.src, link.tgt)):
            if indices:
                nxt[side] = indices[-1] + 1
    for side in (0, 1):
        fill(side, sizes[side])
    if missing:
        message = (
            f"{label}: {len(missing)} sentence(s) in no link ({', '.join(missing[:5])}"
            f"{', ...' if len(missing) > 5 else ''})"
        )
        if complete:
            raise InputError(message, where, group.sourceline)
        warn(f"{message}: read as without counterpart", where)
    return Alignment(alignment.src_lang, alignment.tgt_lang, links)


def _cert(el: etree._Element, where_link: str, where: str | None) -> float | None:
    raw = el.get("cert")
    if raw is None:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not 0.0 <= value <= 1.0:
        raise InputError(
            f"{where_link}: cert {clip(raw)} is not a number between 0 and 1", where, el.sourceline
        )
    return value
