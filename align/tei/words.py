"""Word links in the TEI (``align run --words``): every sentence's tokens as ``<w>`` (words and
numbers) and ``<pc>`` (punctuation) with ids ``{sentence id}.w{n}`` (1-based), whitespace between them
kept as it was, so a sentence's text reads back unchanged; and per aligned pair one stand-off
``<linkGrp type="words" subtype="SRC-TGT">`` of ``<link target="#en.s3.w2 #de.s3.w4" cert="0.97"/>``,
one link per word link. The word links come from :func:`align.words.align_units`, trained on the
pair's sentence links (both sides non-empty).
"""

from __future__ import annotations

from lxml import etree

from ..model import DocumentSet
from ..words import Token, align_units, tokenize
from .encode import TEI_NS, XML_ID, _cert, _el, standoff, to_tree

WORD_GROUP = "words"


def _mark_up(sentence: etree._Element, tokens: list[Token], ids: list[str]) -> None:
    """Replace the sentence's text by its tokens as elements, the gaps as text between them."""
    text = sentence.text or ""
    sentence.text = text[: tokens[0].start] if tokens else text
    for k, token in enumerate(tokens):
        tag = "w" if any(ch.isalnum() for ch in token.text) else "pc"
        el = etree.SubElement(sentence, f"{{{TEI_NS}}}{tag}")
        el.set(XML_ID, ids[k])
        el.text = token.text
        end = tokens[k + 1].start if k + 1 < len(tokens) else len(text)
        el.tail = text[token.end : end] or None


def to_bytes_with_words(
    docset: DocumentSet,
    *,
    timestamp: bool = True,
    derived: bool = False,
    history: etree._ElementTree | None = None,
) -> bytes:
    """The TEI of :func:`align.tei.encode.to_bytes` plus tokens and word links.

    The tree is indented before the sentences get their token elements and serialised without
    pretty-printing, so no indentation ever lands inside a sentence (a one-token sentence would
    otherwise get some)."""
    tree = to_tree(docset, timestamp=timestamp, derived=derived, history=history)
    root = tree.getroot()
    elements = {el.get(XML_ID): el for el in root.iter(f"{{{TEI_NS}}}s")}
    tokens: dict[str, list[Token]] = {}
    for lang, doc in docset.docs.items():
        for i in range(len(doc.sentences)):
            sid = doc.sentence_id(i)
            tokens[sid] = tokenize(elements[sid].text or "", lang)
    ids = {sid: [f"{sid}.w{k + 1}" for k in range(len(toks))] for sid, toks in tokens.items()}

    def side(lang: str, indices: tuple[int, ...]) -> tuple[list[str], list[str]]:
        sids = [docset.docs[lang].sentence_id(i) for i in indices]
        return [t.text for sid in sids for t in tokens[sid]], [w for sid in sids for w in ids[sid]]

    parent = standoff(tree)
    for alignment in docset.alignments:
        links = [b for b in alignment.links if b.src and b.tgt]
        sides = [(side(alignment.src_lang, b.src), side(alignment.tgt_lang, b.tgt)) for b in links]
        found = align_units([(s[0], t[0]) for s, t in sides], alignment.src_lang, alignment.tgt_lang)
        group = _el(
            parent,
            "linkGrp",
            type=WORD_GROUP,
            subtype=alignment.pair,
            id=f"words.{alignment.src_lang}.{alignment.tgt_lang}",
        )
        for (src, tgt), word_links in zip(sides, found, strict=True):
            for w in word_links:
                _el(group, "link", cert=_cert(w.prob), target=f"#{src[1][w.src]} #{tgt[1][w.tgt]}")
    etree.indent(tree, space="  ")
    for sid, sentence_tokens in tokens.items():
        _mark_up(elements[sid], sentence_tokens, ids[sid])
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
