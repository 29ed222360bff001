"""Write reviewed links back into the file's own TEI tree.

Only what the review changed is touched: the children of each alignment ``linkGrp`` (and of the link
groups derived from them, recomposed), the divergence annotations if the file has them (those of the
kinds the editor checks replaced by the findings it showed; the others, such as term findings when the
editor runs without a termbase, kept as they were), and a new ``change`` at the top of ``revisionDesc``
saying who, when and how many links changed, with a ``respStmt`` naming the reviewer. Headers, ids and
sentence text stay as they were, so ``align report``/``export``/``validate`` read exactly what the
editor showed.
"""

from __future__ import annotations

import copy
import hashlib
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from lxml import etree

from .. import __version__
from ..model import check_set
from ..report.annotate import INDENT, annotate, to_bytes
from ..report.findings import Report
from ..tei import TEI_NS, compose
from ..tei.encode import XML_ID, link_element
from ..text.textnorm import ascii_key

if TYPE_CHECKING:
    from .session import ReviewSession

_NS = {"t": TEI_NS}
_ID_SAFE = re.compile(r"[A-Za-z0-9._-]+")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _t(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def _depth(el: etree._Element) -> int:
    return sum(1 for _ in el.iterancestors())


def _refill(group: etree._Element, links, ids: dict[str, list[str]], src: str, tgt: str) -> None:
    """Replace the links of ``group`` with ``links``, indented as align writes them."""
    for child in group.xpath("t:link | t:ptr", namespaces=_NS):
        group.remove(child)
    depth = _depth(group)
    for link in links:
        targets = [f"#{ids[src][i]}" for i in link.src] + [f"#{ids[tgt][j]}" for j in link.tgt]
        link_element(group, link, targets)
    children = list(group)
    group.text = "\n" + INDENT * (depth + 1) if children else None
    for child in children:
        child.tail = "\n" + INDENT * (depth + 1)
    if children:
        children[-1].tail = "\n" + INDENT * depth


def reviewer_id(user: str) -> str:
    """An xml:id for the reviewer: ``reviewer.`` and the login name when it is made of name characters;
    else its ASCII transliteration and a short hash of the name itself, so that two names that read
    alike in ASCII (Ђорђе, Милан: both all replaced) still get two ids."""
    if _ID_SAFE.fullmatch(user):
        return f"reviewer.{user}"
    readable = _ID_UNSAFE.sub("_", ascii_key(user)).strip("_") or "user"
    return f"reviewer.{readable}.{hashlib.sha1(user.encode('utf-8')).hexdigest()[:6]}"


def _insert_first(parent: etree._Element, child: etree._Element) -> None:
    depth = _depth(parent) + 1
    etree.indent(child, space=INDENT, level=depth)
    child.tail = parent.text if len(parent) else "\n" + INDENT * (depth - 1)
    parent.text = "\n" + INDENT * depth
    parent.insert(0, child)


def _append(parent: etree._Element, child: etree._Element) -> None:
    depth = _depth(parent) + 1
    etree.indent(child, space=INDENT, level=depth)
    if len(parent):
        parent[-1].tail = "\n" + INDENT * depth
    else:
        parent.text = "\n" + INDENT * depth
    child.tail = "\n" + INDENT * (depth - 1)
    parent.append(child)


def _record(tree: etree._ElementTree, user: str, changed: dict[str, tuple[int, int]]) -> None:
    root = tree.getroot()
    header = root.find("t:teiHeader", _NS)
    who = reviewer_id(user)
    if not root.xpath("//*[@xml:id=$id]", id=who):
        title_stmt = header.find("t:fileDesc/t:titleStmt", _NS)
        resp = etree.Element(_t("respStmt"))
        etree.SubElement(resp, _t("resp")).text = "Alignment review and correction"
        name = etree.SubElement(resp, _t("name"), type="person")
        name.set(XML_ID, who)
        name.text = user
        _append(title_stmt, resp)
    revision = header.find("t:revisionDesc", _NS)
    if revision is None:
        revision = etree.Element(_t("revisionDesc"))
        _append(header, revision)
    edited = sum(e for e, _ in changed.values())
    checked = sum(c for _, c in changed.values())
    pairs = ", ".join(f"{pair} {e + c}" for pair, (e, c) in changed.items())
    change = etree.Element(_t("change"), when=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), who=f"#{who}")
    change.text = (
        f"Alignment reviewed in align {__version__}: {edited + checked} "
        + ("link changed" if edited + checked == 1 else "links changed")
        + (f" ({pairs})" if pairs else "")
        + f"; {edited} edited, {checked} marked checked."
    )
    _insert_first(revision, change)


def save_bytes(
    session: ReviewSession, changed: dict[str, tuple[int, int]]
) -> tuple[etree._ElementTree, bytes]:
    """The session's tree with its current links and a change record, and the file's bytes."""
    check_set(session.docset)  # the edits keep the alignment rule; never write a file that breaks it
    tree = copy.deepcopy(session.tree)
    root = tree.getroot()
    alignments = session.docset.alignments
    groups = root.xpath("t:standOff/t:linkGrp[@type='alignment'][not(@corresp)]", namespaces=_NS)
    by_id = {}
    for group, alignment in zip(groups, alignments, strict=True):
        _refill(group, alignment.links, session.ids, alignment.src_lang, alignment.tgt_lang)
        by_id[f"#{group.get(XML_ID)}"] = alignment
    n_pivot = len(session.docset.docs[session.docset.pivot].sentences)
    for group in root.xpath("t:standOff/t:linkGrp[@type='alignment'][@corresp]", namespaces=_NS):
        refs = group.get("corresp").split()
        sources = [by_id[ref] for ref in refs if ref in by_id]
        if len(refs) == 2 and len(sources) == 2:
            derived = compose(sources[0], sources[1], n_pivot)
            _refill(group, derived.links, session.ids, derived.src_lang, derived.tgt_lang)
    lists = root.findall("t:standOff/t:listAnnotation[@type='divergence']", _NS)
    if lists:
        kept = uncomputed(tree, session.kinds)
        for annotation in kept:
            parent = annotation.getparent()
            if parent is not None:
                parent.remove(annotation)
        findings = [f for per_pair in session.findings for per_link in per_pair for f in per_link]
        annotate(tree, Report(session.docset, list(alignments), findings, session.options))
        _keep(root, kept)
    if changed:
        _record(tree, session.user, changed)
    return tree, to_bytes(tree)


_REFERENCE = re.compile(rb"&#(x[0-9A-Fa-f]+|[0-9]+);")


def references(data: bytes) -> dict[str, str]:
    """The non-ASCII characters that the file ``data`` writes only as character references (``&#x2014;``,
    never a raw ``—``), each with its spelling there. The parser resolves references without recording
    them; writing these characters back the same way keeps the file as its author wrote it (a character
    the file also writes raw cannot be told apart, and stays raw)."""
    found: dict[str, str] = {}
    for match in _REFERENCE.finditer(data):
        number = match.group(1).decode("ascii")
        code = int(number[1:], 16) if number.startswith("x") else int(number)
        if 127 < code <= 0x10FFFF:
            found.setdefault(chr(code), match.group().decode("ascii"))
    if not found:
        return {}
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:  # another encoding: written back as UTF-8 anyway, characters raw
        return {}
    return {char: spelled for char, spelled in found.items() if char not in text}


def as_loaded(data: bytes, spelled: dict[str, str], crlf: bool) -> bytes:
    """The saved bytes with the loaded file's conventions: its character references and line ends."""
    if spelled:
        table: dict[str, str | int | None] = dict(spelled)
        data = data.decode("utf-8").translate(str.maketrans(table)).encode("utf-8")
    return data.replace(b"\n", b"\r\n") if crlf else data


def uncomputed(tree: etree._ElementTree, kinds: frozenset[str]) -> list[etree._Element]:
    """The file's divergence annotations of kinds other than ``kinds`` (those the editor does not check,
    say term findings without a termbase): saving keeps them as they are."""
    refs = {f"#div.{kind}" for kind in kinds}
    found = tree.getroot().iterfind("t:standOff/t:listAnnotation[@type='divergence']/t:annotation", _NS)
    return [a for a in found if a.get("ana") not in refs]


def _keep(root: etree._Element, kept: list[etree._Element]) -> None:
    """Put the annotations saving keeps back, after the editor's own (in a list of their own if the
    editor had no finding), with ids not taken by the new ones."""
    stand_off = root.find("t:standOff", _NS)
    if not kept or stand_off is None:
        return
    listing = stand_off.find("t:listAnnotation[@type='divergence']", _NS)
    if listing is None:
        listing = etree.Element(_t("listAnnotation"), type="divergence")
        _append(stand_off, listing)
    taken = {a.get(XML_ID) for a in listing}
    for annotation in kept:
        own = annotation.get(XML_ID) or "qa.kept"
        xml_id, n = own, 1
        while xml_id in taken:
            n += 1
            xml_id = f"{own}.{n}"
        annotation.set(XML_ID, xml_id)
        taken.add(xml_id)
        annotation.tail = None
        _append(listing, annotation)
