"""One hardened XML parser for every file we read (TEI, TBX, TMX).

Entity expansion, DTD loading and network access are off, so hostile files (billion laughs,
external entities) fail cleanly instead of expanding or reaching out.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from .errors import InputError


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_xml(path: str | Path, data: bytes | None = None) -> etree._ElementTree:
    """Parse a file (or bytes read from it) or raise InputError naming it and the problem."""
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
    if _declares_entities(tree):
        raise InputError("XML that declares entities is refused (entities are never expanded)", path)
    return tree


def _declares_entities(tree: etree._ElementTree) -> bool:
    dtd = tree.docinfo.internalDTD
    return dtd is not None and any(True for _ in dtd.iterentities())
