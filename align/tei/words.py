"""Word links in the TEI (``align run --words``): every sentence's tokens as ``<w>`` (words and
numbers) and ``<pc>`` (punctuation) with ids ``{sentence id}.w{n}`` (1-based), whitespace between them
kept as it was, so a sentence's text reads back unchanged; and per aligned pair one stand-off
``<linkGrp type="words" subtype="SRC-TGT">`` of ``<link target="#en.s3.w2 #de.s3.w4" cert="0.97"/>``,
one link per word link. The word links come from :func:`align.words.align_units`, trained on the
pair's sentence links (both sides non-empty). :func:`read_word_links` reads them back for the
HTML report's hover highlight.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..model import DocumentSet
from ..words import Token, align_units, tokenize
from .encode import TEI_NS, XML_ID, add_element, cert_text, standoff, to_tree

WORD_GROUP = "words"
_NS = {"t": TEI_NS}


@dataclass(frozen=True)
class WordRef:
    """A token of a sentence: the sentence's xml:id and the token's 0-based index among the
    sentence's :func:`align.words.tokenize` tokens (as written, ``<w>``/``<pc>`` in order)."""

    sentence: str
    index: int

    @property
    def id(self) -> str:
        """The token's xml:id as :func:`to_bytes_with_words` writes it."""
        return f"{self.sentence}.w{self.index + 1}"


WordLinks = dict[str, list[tuple[WordRef, WordRef, float | None]]]  # pair -> (src, tgt, cert) per word link


def is_word(token: str) -> bool:
    """A word or number (``<w>``), not punctuation (``<pc>``)."""
    return any(ch.isalnum() for ch in token)


def _mark_up(sentence: etree._Element, tokens: list[Token], ids: list[str]) -> None:
    """Replace the sentence's text by its tokens as elements, the gaps as text between them."""
    text = sentence.text or ""
    sentence.text = text[: tokens[0].start] if tokens else text
    for k, token in enumerate(tokens):
        tag = "w" if is_word(token.text) else "pc"
        el = etree.SubElement(sentence, f"{{{TEI_NS}}}{tag}")
        el.set(XML_ID, ids[k])
        el.text = token.text
        end = tokens[k + 1].start if k + 1 < len(tokens) else len(text)
        el.tail = text[token.end : end] or None


def word_links(docset: DocumentSet) -> WordLinks:
    """The word links of every pair of ``docset``: :func:`align.words.align_units` trained on the
    pair's links with both sides non-empty; a link's side is its sentences' tokens in order."""
    tokens = {
        doc.sentence_id(i): [t.text for t in tokenize(s.text, lang)]
        for lang, doc in docset.docs.items()
        for i, s in enumerate(doc.sentences)
    }

    def side(lang: str, indices: tuple[int, ...]) -> tuple[list[str], list[WordRef]]:
        sids = [docset.docs[lang].sentence_id(i) for i in indices]
        refs = [WordRef(sid, k) for sid in sids for k in range(len(tokens[sid]))]
        return [w for sid in sids for w in tokens[sid]], refs

    out: WordLinks = {}
    for alignment in docset.alignments:
        links = [b for b in alignment.links if b.src and b.tgt]
        sides = [(side(alignment.src_lang, b.src), side(alignment.tgt_lang, b.tgt)) for b in links]
        found = align_units([(s[0], t[0]) for s, t in sides], alignment.src_lang, alignment.tgt_lang)
        out[alignment.pair] = [
            (src[1][w.src], tgt[1][w.tgt], w.prob)
            for (src, tgt), word_links in zip(sides, found, strict=True)
            for w in word_links
        ]
    return out


def to_bytes_with_words(
    docset: DocumentSet,
    *,
    timestamp: bool = True,
    derived: bool = False,
    history: etree._ElementTree | None = None,
) -> bytes:
    """The TEI of :func:`align.tei.encode.to_bytes` plus tokens and word links (:func:`word_links`).

    The tree is indented before the sentences get their token elements and serialised without
    pretty-printing, so no indentation ever lands inside a sentence (a one-token sentence would
    otherwise get some)."""
    tree = to_tree(docset, timestamp=timestamp, derived=derived, history=history)
    root = tree.getroot()
    elements = {el.get(XML_ID): el for el in root.iter(f"{{{TEI_NS}}}s")}
    parent = standoff(tree)
    found = word_links(docset)
    for alignment in docset.alignments:
        group = add_element(
            parent,
            "linkGrp",
            type=WORD_GROUP,
            subtype=alignment.pair,
            id=f"words.{alignment.src_lang}.{alignment.tgt_lang}",
        )
        for src, tgt, prob in found[alignment.pair]:
            add_element(
                group, "link", cert=None if prob is None else cert_text(prob), target=f"#{src.id} #{tgt.id}"
            )
    etree.indent(tree, space="  ")
    for lang, doc in docset.docs.items():
        for i in range(len(doc.sentences)):
            sid = doc.sentence_id(i)
            tokens = tokenize(elements[sid].text or "", lang)
            _mark_up(elements[sid], tokens, [WordRef(sid, k).id for k in range(len(tokens))])
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


def read_word_links(tree: etree._ElementTree) -> WordLinks:
    """The word links of the set in ``tree`` per pair (``linkGrp/@subtype``), in file order; empty when
    it has none (written without ``--words``: only one XPath query is spent then). A target that is
    not a token of a sentence is skipped (a hand-edited file), not an error: word links only decorate."""
    groups = tree.getroot().xpath("t:standOff/t:linkGrp[@type=$t]", namespaces=_NS, t=WORD_GROUP)
    if not groups:
        return {}
    refs: dict[str, WordRef] = {}
    for sentence in tree.getroot().iter(f"{{{TEI_NS}}}s"):
        sid = sentence.get(XML_ID)
        tokens = sentence.iterdescendants(f"{{{TEI_NS}}}w", f"{{{TEI_NS}}}pc")
        refs.update((el.get(XML_ID), WordRef(sid, k)) for k, el in enumerate(tokens))
    out: WordLinks = {}
    for group in groups:
        links = out.setdefault(group.get("subtype", ""), [])
        for link in group.iterchildren(f"{{{TEI_NS}}}link"):
            ends = [refs.get(t.removeprefix("#")) for t in (link.get("target") or "").split()]
            if len(ends) == 2 and ends[0] is not None and ends[1] is not None:
                cert = link.get("cert")
                links.append((ends[0], ends[1], float(cert) if cert is not None else None))
    return out


def counterparts(docset: DocumentSet, words: WordLinks) -> dict[str, dict[int, list[str]]]:
    """What the report and the editor show of word links: per sentence id of every version in a pair
    that has them, per token index, the ids of the tokens it is linked to (no entry: none)."""
    out: dict[str, dict[int, list[str]]] = {}
    for alignment in docset.alignments:
        if alignment.pair in words:
            for lang in (alignment.src_lang, alignment.tgt_lang):
                doc = docset.docs[lang]
                for i in range(len(doc.sentences)):
                    out.setdefault(doc.sentence_id(i), {})
    for links in words.values():
        for a, b, _ in links:
            for one, other in ((a, b), (b, a)):
                if one.sentence in out:
                    out[one.sentence].setdefault(one.index, []).append(other.id)
    return out
