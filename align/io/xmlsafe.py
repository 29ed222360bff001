"""One hardened XML parser for every file we read (TEI, TBX, TMX).

Entity expansion, DTD loading and network access are off, so hostile files (billion laughs,
external entities) fail cleanly instead of expanding or reaching out.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import InputError


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_xml(path: str | Path, data: bytes | None = None, *, doctype: bool = False) -> etree._ElementTree:
    """Parse a file (or bytes read from it) or raise InputError naming it and the problem.

    A DOCTYPE is refused unless ``doctype`` (TBX v2 files name their DTD by convention); even then
    only as a bare external identifier, never fetched: an internal subset is refused, and so is any
    entity reference left undefined (it would otherwise stay in the text as a literal ``&name;``)."""
    try:
        if data is None:
            data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path) from None
    if not data.strip():
        raise InputError("file is empty", path)
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not well-formed XML: {exc.msg}", path, exc.lineno) from None
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError("XML that declares entities is refused (entities are never expanded)", path)
    if tree.docinfo.doctype and not doctype:
        raise InputError("a DOCTYPE is refused (this format needs no DTD, and none is ever loaded)", path)
    if dtd is not None and any(True for _ in dtd.iterelements()):
        raise InputError("a DOCTYPE with an internal subset is refused (no DTD is ever loaded)", path)
    entity = next(root.iter(etree.Entity), None)
    if entity is not None:
        raise InputError(
            f"the entity {entity.text} is not defined (DTDs are never loaded)", path, entity.sourceline
        )
    return tree
