"""InterText interchange: its stand-off alignment files and sentence-marked documents, both ways.

InterText (the InterCorp project's alignment editor) keeps each version as an XML document whose
sentences carry ids (``<s id="2:5">``: paragraph 2, sentence 5) and each aligned pair as a separate
file of links between them::

    <linkGrp toDoc="kosovo.en.xml" fromDoc="kosovo.de.xml">
      <link type="1-2" xtargets="1:9;1:9 1:10" status="man"/>
      <link type="0-1" xtargets=";2:1" status="auto"/>
    </linkGrp>

The part of ``xtargets`` before ``;`` points into ``toDoc`` (here the pivot) and ``type`` counts
``toDoc-fromDoc`` sentences, as InterText itself writes and reads them (InterText editor,
``src/ItAlignment.cpp``, ``getAlignmentXML``/``loadFile``: ``type='rcount-lcount'
xtargets='rids;lids'`` with the right-hand version as ``toDoc``). Its statuses are ``man``, ``auto``
and ``plain`` (``src/ItAlignment.h``), and a link without one reads as ``man`` (its DEFAULT_STATUS):
``man`` and a missing status map to ``manual``, ``auto`` and ``plain`` (not yet aligned) to ``auto``;
we write ``man`` or ``auto``. InterText has no confidence, so certs are not written and an import has
none. Export then import gives back every sentence, paragraph and link with its manual/auto status,
the set id, the versions' order and (in the pivot document) the set's metadata and run settings; not
confidences, derived link groups, each version's header, nor sentence ids of other tools.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from lxml import etree

from ..errors import InputError, clip
from ..io.fsutil import atomic_write_bytes, check_name, output_folder
from ..io.xmlsafe import parse_xml
from ..model import (
    Alignment,
    Document,
    DocumentSet,
    InvalidAlignment,
    Link,
    Sentence,
    check_alignment,
    check_set,
    paragraph_numbers,
)

_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
SET_ATTRIBUTE = "set"  # on a document's root: the set id as written (file names replace characters)
ORDER_ATTRIBUTE = "n"  # on a document's root: the version's place in the set, 1 for the pivot


def doc_name(docset: DocumentSet, lang: str) -> str:
    return f"{set_file_name(docset.id)}.{lang}.xml"


def alignment_name(docset: DocumentSet, alignment: Alignment) -> str:
    return f"{set_file_name(docset.id)}.{alignment.src_lang}.{alignment.tgt_lang}.xml"


def set_file_name(set_id: str) -> str:
    """What a set id becomes in file names: characters other than letters, digits, '.', '_', '-'
    replaced (so two ids can give one name: export refuses that)."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", set_id) or "set"


def _sentence_ids(doc: Document) -> list[str]:
    """``P:S`` ids, 1-based, S counted within the paragraph (InterCorp's scheme)."""
    ids: list[str] = []
    for para in doc.paragraphs:
        ids.extend(f"{doc.sentences[i].para + 1}:{k}" for k, i in enumerate(para, 1))
    return ids


def _tobytes(root: etree._Element) -> bytes:
    etree.indent(root, space="")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def document_bytes(docset: DocumentSet, lang: str) -> bytes:
    """One version as a sentence-marked document. Its root also says the set id as written
    (``set``) and the version's place in the set (``n``); the pivot's holds the set's metadata and
    run settings (``<meta>``, ``<settings>`` of ``<item name value>``), so an import gets them back."""
    doc = docset.docs[lang]
    root = etree.Element("doc", lang=lang, id=set_file_name(docset.id))
    root.set(SET_ATTRIBUTE, docset.id)
    root.set(ORDER_ATTRIBUTE, str(list(docset.docs).index(lang) + 1))
    if lang == docset.pivot:
        for kind, items in (("meta", docset.meta), ("settings", docset.settings)):
            if items:
                holder = etree.SubElement(root, kind)
                for name, value in items.items():
                    etree.SubElement(holder, "item", name=name, value=value)
    n_paras = doc.sentences[-1].para + 1 if doc.sentences else 0
    ps = [etree.SubElement(root, "p", id=str(k + 1)) for k in range(n_paras)]
    for sentence, sid in zip(doc.sentences, _sentence_ids(doc), strict=True):
        etree.SubElement(ps[sentence.para], "s", id=sid).text = sentence.text
    return _tobytes(root)


def alignment_bytes(docset: DocumentSet, alignment: Alignment) -> bytes:
    to_ids = _sentence_ids(docset.docs[alignment.src_lang])
    from_ids = _sentence_ids(docset.docs[alignment.tgt_lang])
    root = etree.Element(
        "linkGrp",
        toDoc=doc_name(docset, alignment.src_lang),
        fromDoc=doc_name(docset, alignment.tgt_lang),
    )
    for link in alignment.links:
        etree.SubElement(
            root,
            "link",
            type=link.kind,
            xtargets=" ".join(to_ids[i] for i in link.src) + ";" + " ".join(from_ids[j] for j in link.tgt),
            status="man" if link.status == "manual" else "auto",
        )
    return _tobytes(root)


def write_intertext(sets: Iterable[tuple[DocumentSet, Alignment]], folder: str | Path) -> list[Path]:
    """One document per version and one alignment file per pair into ``folder``; the files written."""
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise InputError("InterText output is a folder (documents and alignment files)", out)
    output_folder(out)
    written: list[Path] = []
    for docset, alignment in sets:
        check_set(DocumentSet(docset.id, docset.docs, [alignment]))
        for lang in (alignment.src_lang, alignment.tgt_lang):  # languages come from the TEI: keep them in -o
            path = out / check_name(doc_name(docset, lang), "file name", out, strict=False)
            if path not in written:
                atomic_write_bytes(path, document_bytes(docset, lang))
                written.append(path)
        path = out / check_name(alignment_name(docset, alignment), "file name", out, strict=False)
        atomic_write_bytes(path, alignment_bytes(docset, alignment))
        written.append(path)
    return written


def _read_document(path: Path, langs: dict[str, str]) -> tuple[Document, dict[str, int], etree._Element]:
    """The sentences of a sentence-marked document (``s`` elements with ids, in document order);
    paragraphs are ``p`` elements, or the id's ``P:`` prefix where there are none."""
    root = parse_xml(path).getroot()
    lang = langs.get(path.name) or root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not lang:
        parts = path.name.split(".")
        guess = parts[-2] if len(parts) >= 3 else path.parent.name
        lang = guess if _LANG.fullmatch(guess) else None
    if not lang:
        raise InputError(
            "cannot tell the language: give --lang NAME=TAG or a lang attribute on the root", path
        )
    texts: list[str] = []
    ids: dict[str, int] = {}
    paras: dict[object, int] = {p: k for k, p in enumerate(root.iter("p", "{*}p"))}
    holders: list[tuple[int, object]] = []  # each sentence's paragraph: (its position, itself)
    for s in root.iter("s", "{*}s"):
        sid = s.get("id") or s.get("{http://www.w3.org/XML/1998/namespace}id")
        if sid is None:
            raise InputError(f"sentence {len(texts) + 1} has no id", path)
        if sid in ids:
            raise InputError(f"the sentence id {sid!r} is used twice", path)
        p = next(s.iterancestors("p", "{*}p"), None)
        key = p if p is not None else sid.partition(":")[0]
        holders.append((paras.setdefault(key, len(paras)), key))
        ids[sid] = len(texts)
        texts.append("".join(s.itertext()))
    if not texts:
        raise InputError("no <s> sentences with ids", path)
    sentences = [Sentence(t, para) for t, para in zip(texts, paragraph_numbers(holders), strict=True)]
    return Document(lang=lang, sentences=sentences, source=str(path)), ids, root


def _read_alignment(path: Path, to_ids: dict[str, int], from_ids: dict[str, int]) -> list[Link]:
    links: list[Link] = []
    for k, el in enumerate(parse_xml(path).getroot().iter("link", "{*}link"), 1):
        xtargets = el.get("xtargets")
        if xtargets is None or xtargets.count(";") != 1:
            raise InputError(f"link {k}: xtargets must be 'IDS;IDS', not {xtargets!r}", path)
        sides = []
        for ids, side in zip(xtargets.split(";"), (to_ids, from_ids), strict=True):
            unknown = [i for i in ids.split() if i not in side]
            if unknown:
                raise InputError(f"link {k}: no sentence {unknown[0]!r} in its document", path)
            sides.append(tuple(side[i] for i in ids.split()))
        if not (sides[0] or sides[1]):
            raise InputError(f"link {k} links nothing", path)
        link = Link(sides[0], sides[1], None, "manual" if el.get("status", "man") == "man" else "auto")
        if el.get("type", link.kind) != link.kind:
            raise InputError(f"link {k}: type {el.get('type')} but xtargets make a {link.kind}", path)
        links.append(link)
    return links


def _beside(path: Path, root: etree._Element, attribute: str) -> Path:
    """The document an alignment file names: a file name, read from the alignment file's folder only."""
    name = root.get(attribute) or ""
    if name in (".", "..") or Path(name).name != name or "\\" in name:
        raise InputError(
            f"{attribute} {clip(name)}: documents must be beside the alignment file (a file name, no folder)",
            path,
        )
    return (path.parent / name).resolve()


def _given(names: Sequence[str | Path]) -> list[tuple[Path, etree._Element]]:
    """The alignment files among ``names`` (a folder stands for its ``*.xml`` files), parsed; the
    documents they name are skipped, so ``it/*.xml`` or ``it/`` reads an export folder."""
    paths: list[Path] = []
    for name in names:
        path = Path(name)
        paths += sorted(p for p in path.glob("*.xml") if p.is_file()) if path.is_dir() else [path]
    parsed = [(path, parse_xml(path).getroot()) for path in paths]
    alignments = [(p, r) for p, r in parsed if etree.QName(r).localname == "linkGrp"]
    named = {_beside(p, r, a) for p, r in alignments for a in ("toDoc", "fromDoc") if r.get(a)}
    for path, root in parsed:
        is_alignment = (path, root) in alignments and root.get("toDoc") and root.get("fromDoc")
        if not is_alignment and path.resolve() not in named:
            raise InputError("not an InterText alignment: expected <linkGrp toDoc=… fromDoc=…>", path)
    alignments = [(p, r) for p, r in alignments if p.resolve() not in named]
    if not alignments:
        raise InputError("no InterText alignment files among them", names[0] if names else None)
    return alignments


def read_intertext(
    alignment_files: Sequence[str | Path], *, set_id: str | None = None, langs: dict[str, str] | None = None
) -> DocumentSet:
    """A document set from InterText alignment files that share their ``toDoc`` (the pivot).

    Documents are read from beside each alignment file (``toDoc``/``fromDoc`` are file names); documents
    among ``alignment_files`` are skipped, and a folder stands for its ``*.xml`` files. ``langs`` maps a
    document's file name to its language tag, for documents that say neither in a ``lang`` attribute
    nor in their name (``x.de.xml``). Every alignment must satisfy :func:`align.model.check_alignment`.
    """
    if not alignment_files:
        raise InputError("no InterText alignment files given")
    docs: dict[str, Document] = {}
    ids: dict[str, dict[str, int]] = {}
    by_path: dict[Path, str] = {}
    roots: dict[str, etree._Element] = {}
    alignments: list[Alignment] = []
    pivot_path: Path | None = None

    def document(path: Path) -> str:
        if path not in by_path:
            if not path.is_file():
                raise InputError("document named by an alignment file is not there", path)
            doc, sids, root = _read_document(path, langs or {})
            if doc.lang in docs:
                raise InputError(f"two documents have the language {doc.lang}", path)
            docs[doc.lang], ids[doc.lang], by_path[path] = doc, sids, doc.lang
            roots[doc.lang] = root
        return by_path[path]

    given = _given(alignment_files)
    for path, root in given:
        to_path = _beside(path, root, "toDoc")
        if pivot_path is None:
            pivot_path = to_path
        elif to_path != pivot_path:
            raise InputError(
                f"toDoc {root.get('toDoc')} differs from the first file's: one pivot per set", path
            )
        src, tgt = document(to_path), document(_beside(path, root, "fromDoc"))
        alignment = Alignment(src, tgt, _read_alignment(path, ids[src], ids[tgt]))
        names = [{k: f"{v} of the {lang} document" for v, k in ids[lang].items()} for lang in (src, tgt)]
        try:
            check_alignment(
                alignment, (len(docs[src].sentences), len(docs[tgt].sentences)), name=_namer(names)
            )
        except InvalidAlignment as exc:
            raise InputError(exc.where(), path) from None
        alignments.append(alignment)
    assert pivot_path is not None  # alignment_files is not empty: the first one set it
    pivot = by_path[pivot_path]
    order = {lang: _position(roots[lang]) for lang in docs}
    rest = sorted((k for k in docs if k != pivot), key=lambda k: order[k])  # stable: files' order otherwise
    ordered = {pivot: docs[pivot], **{k: docs[k] for k in rest}}
    alignments.sort(key=lambda a: order[a.tgt_lang])
    return DocumentSet(
        id=set_id or roots[pivot].get(SET_ATTRIBUTE) or _name_id(given[0][0], alignments[0]),
        docs=ordered,
        alignments=alignments,
        meta=_items(roots[pivot], "meta"),
        settings=_items(roots[pivot], "settings"),
    )


def _namer(names: list[dict[int, str]]) -> Callable[[int, int], str]:
    return lambda side, index: names[side][index]


def _position(root: etree._Element) -> float:
    """Where a version stood in the set it was exported from (``n`` on its root); unknown ones last."""
    try:
        return float(root.get(ORDER_ATTRIBUTE, "inf"))
    except ValueError:
        return float("inf")


def _name_id(path: Path, alignment: Alignment) -> str:
    """The set id an export's file name holds: ``rt.com.91335`` of ``rt.com.91335.en.de.xml``; else the
    name up to its first dot."""
    suffix = f".{alignment.src_lang}.{alignment.tgt_lang}.xml"
    if path.name.endswith(suffix) and len(path.name) > len(suffix):
        return path.name.removesuffix(suffix)
    return path.name.split(".")[0]


def _items(root: etree._Element, kind: str) -> dict[str, str]:
    """The name/value pairs an export put into the pivot document (:func:`document_bytes`)."""
    found = root.find(kind)
    if found is None:
        return {}
    return {item.get("name", ""): item.get("value", "") for item in found.iterchildren("item")}
