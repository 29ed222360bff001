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
none. Export then import gives back every sentence, paragraph and link with its manual/auto status.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..io.fsutil import atomic_write_bytes, check_name, output_folder
from ..io.xmlsafe import parse_xml
from ..model import Alignment, Document, DocumentSet, Link, Sentence

_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def doc_name(docset: DocumentSet, lang: str) -> str:
    return f"{_safe(docset.id)}.{lang}.xml"


def alignment_name(docset: DocumentSet, alignment: Alignment) -> str:
    return f"{_safe(docset.id)}.{alignment.src_lang}.{alignment.tgt_lang}.xml"


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name) or "set"


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
    doc = docset.docs[lang]
    root = etree.Element("doc", lang=lang, id=_safe(docset.id))
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
        for lang in (alignment.src_lang, alignment.tgt_lang):  # languages come from the TEI: keep them in -o
            path = out / check_name(doc_name(docset, lang), "file name", out, strict=False)
            if path not in written:
                atomic_write_bytes(path, document_bytes(docset, lang))
                written.append(path)
        path = out / check_name(alignment_name(docset, alignment), "file name", out, strict=False)
        atomic_write_bytes(path, alignment_bytes(docset, alignment))
        written.append(path)
    return written


def _read_document(path: Path, langs: dict[str, str]) -> tuple[Document, dict[str, int]]:
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
    sentences: list[Sentence] = []
    ids: dict[str, int] = {}
    paras: dict[object, int] = {p: k for k, p in enumerate(root.iter("p", "{*}p"))}
    for s in root.iter("s", "{*}s"):
        sid = s.get("id") or s.get("{http://www.w3.org/XML/1998/namespace}id")
        if sid is None:
            raise InputError(f"sentence {len(sentences) + 1} has no id", path)
        if sid in ids:
            raise InputError(f"the sentence id {sid!r} is used twice", path)
        p = next(s.iterancestors("p", "{*}p"), None)
        key = p if p is not None else sid.partition(":")[0]
        para = paras.setdefault(key, len(paras))
        ids[sid] = len(sentences)
        sentences.append(Sentence("".join(s.itertext()), para))
    if not sentences:
        raise InputError("no <s> sentences with ids", path)
    return Document(lang=lang, sentences=sentences, source=str(path)), ids


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


def read_intertext(
    alignment_files: Sequence[str | Path], *, set_id: str | None = None, langs: dict[str, str] | None = None
) -> DocumentSet:
    """A document set from InterText alignment files that share their ``toDoc`` (the pivot).

    Documents are found relative to each alignment file. ``langs`` maps a document's file name to its
    language tag, for documents that say neither in a ``lang`` attribute nor in their name (``x.de.xml``).
    """
    if not alignment_files:
        raise InputError("no InterText alignment files given")
    docs: dict[str, Document] = {}
    ids: dict[str, dict[str, int]] = {}
    by_path: dict[Path, str] = {}
    alignments: list[Alignment] = []
    pivot_path: Path | None = None

    def document(path: Path) -> str:
        if path not in by_path:
            if not path.is_file():
                raise InputError("document named by an alignment file is not there", path)
            doc, sids = _read_document(path, langs or {})
            if doc.lang in docs:
                raise InputError(f"two documents have the language {doc.lang}", path)
            docs[doc.lang], ids[doc.lang], by_path[path] = doc, sids, doc.lang
        return by_path[path]

    for name in alignment_files:
        path = Path(name)
        root = parse_xml(path).getroot()
        if etree.QName(root).localname != "linkGrp" or not (root.get("toDoc") and root.get("fromDoc")):
            raise InputError("not an InterText alignment: expected <linkGrp toDoc=… fromDoc=…>", path)
        to_path = (path.parent / root.get("toDoc")).resolve()
        if pivot_path is None:
            pivot_path = to_path
        elif to_path != pivot_path:
            raise InputError(
                f"toDoc {root.get('toDoc')} differs from the first file's: one pivot per set", path
            )
        src, tgt = document(to_path), document((path.parent / root.get("fromDoc")).resolve())
        alignments.append(Alignment(src, tgt, _read_alignment(path, ids[src], ids[tgt])))
    assert pivot_path is not None  # alignment_files is not empty: the first one set it
    pivot = by_path[pivot_path]
    ordered = {pivot: docs[pivot], **{k: v for k, v in docs.items() if k != pivot}}
    default_id = Path(alignment_files[0]).name.split(".")[0]
    return DocumentSet(id=set_id or default_id, docs=ordered, alignments=alignments)
