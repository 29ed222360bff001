"""TBX reader: ISO 30042:2019 (``<tbx>``, DCA or DCT style) and TBX v2 (``<martif>``, tig/ntig).

Elements are matched by local name, so namespaced (DCT) and plain (DCA) files read the same way.
Framing and status are looked up on the term and inherited from its language section and concept.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..io.xmlsafe import parse_xml
from .termbase import RawTerm

MAX_BYTES = 100 * 1024 * 1024  # larger termbases (full IATE dumps) should be filtered to the domain first
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_ENTRY = {"tbx": "conceptEntry", "martif": "termEntry"}
_LANG_SECTIONS = {"langSec", "langSet"}
_TERM_SECTIONS = {"termSec", "tig", "ntig"}
_NOTES = {"termNote", "descrip", "note", "admin"}  # elements that carry a value named by @type
_GROUPS = {"termGrp", "descripGrp", "adminGrp", "termNoteGrp"}  # wrappers whose children still count


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _field(el: etree._Element, name: str) -> str | None:
    """The value named ``name`` directly on ``el``: ``<termNote|descrip|note|admin type=name>``, or a
    DCT-style element called ``name``, also inside group wrappers."""
    for child in el:
        local = _local(child)
        if local in _GROUPS:
            found = _field(child, name)
            if found is not None:
                return found
        elif (local in _NOTES and child.get("type") == name) or local == name:
            return "".join(child.itertext()).strip()
    return None


def _status(el: etree._Element) -> str | None:
    return _field(el, "administrativeStatus") or _field(el, "normativeAuthorization")


def read_tbx(path: str | Path, data: bytes, framing_field: str) -> list[RawTerm]:
    if len(data) > MAX_BYTES:
        raise InputError(
            f"termbase is larger than {MAX_BYTES // 2**20} MB; filter it to the domain first", path
        )
    root = parse_xml(path, data, doctype=True).getroot()
    kind = _local(root)
    if kind not in _ENTRY:
        raise InputError(f"not a termbase: root element <{kind}>, expected <tbx> or <martif>", path)
    rows: list[RawTerm] = []
    n = 0
    for entry in root.iter():
        if _local(entry) != _ENTRY[kind]:
            continue
        n += 1
        concept = (entry.get("id") or "").strip() or f"entry{n}"
        concept_framing = _field(entry, framing_field)
        for section in entry:
            if _local(section) not in _LANG_SECTIONS:
                continue
            lang = section.get(XML_LANG) or section.get("lang")
            if not lang:
                raise InputError(f"line {section.sourceline}: <{_local(section)}> without xml:lang", path)
            section_framing = _field(section, framing_field) or concept_framing
            for holder in section:
                if _local(holder) not in _TERM_SECTIONS:
                    continue
                term = next((t for t in holder.iter() if _local(t) == "term"), None)
                if term is None:
                    raise InputError(f"line {holder.sourceline}: <{_local(holder)}> without <term>", path)
                rows.append(
                    RawTerm(
                        concept=concept,
                        lang=lang,
                        text="".join(term.itertext()),
                        framing=_field(holder, framing_field) or section_framing,
                        status=_status(holder),
                        where=f"line {term.sourceline}",
                    )
                )
    return rows
