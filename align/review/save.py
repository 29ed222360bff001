"""Write reviewed links back into the file's own TEI tree.

Only what the review changed is touched: the children of each alignment ``linkGrp`` (and of the link
groups derived from them, recomposed), the divergence annotations if the file has them (replaced by the
findings the editor showed), and a new ``change`` at the top of ``revisionDesc`` saying who, when and
how many links changed, with a ``respStmt`` naming the reviewer. Headers, ids and sentence text stay as
they were, so ``align report``/``export``/``validate`` read exactly what the editor showed.
"""

from __future__ import annotations

import copy
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from lxml import etree

from .. import __version__
from ..report.annotate import INDENT, annotate, to_bytes
from ..report.findings import Report
from ..tei import TEI_NS, compose
from ..tei.encode import XML_ID, link_element

if TYPE_CHECKING:
    from .session import ReviewSession

_NS = {"t": TEI_NS}


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
    """An xml:id for the reviewer: ``reviewer.`` and the login name with non-name characters replaced."""
    return "reviewer." + (re.sub(r"[^A-Za-z0-9._-]", "_", user) or "unknown")


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
    if root.find("t:standOff/t:listAnnotation[@type='divergence']", _NS) is not None:
        findings = [f for per_pair in session.findings for per_link in per_pair for f in per_link]
        annotate(tree, Report(session.docset, list(alignments), findings, session.options))
    _record(tree, session.user, changed)
    return tree, to_bytes(tree)
