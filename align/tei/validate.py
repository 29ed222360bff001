"""Validate against the TEI P5 RelaxNG schema (tei_all.rng).

The schema ships with the package (``align/data/tei_all.rng.gz``, TEI P5 4.12.0, CC BY 3.0 / BSD-2;
gzipped from 1.1 MB to 116 KB), so validation works after ``pip install``; ``$ALIGN_TEI_SCHEMA`` names
another one. Compiling it takes about 6 s, so it is compiled once per process and schema path. TEI's
Schematron rules are not run (lxml runs RelaxNG only); :func:`align.tei.read` covers what matters most
of them for us: every link target resolves.
"""

from __future__ import annotations

import functools
import gzip
import os
import re
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..io.xmlsafe import parse_xml

SCHEMA_ENV = "ALIGN_TEI_SCHEMA"
BUNDLED_SCHEMA = Path(__file__).resolve().parents[1] / "data" / "tei_all.rng.gz"


def schema_location() -> Path:
    """Where the schema is looked for: ``$ALIGN_TEI_SCHEMA`` if set, else the one shipped with align."""
    env = os.environ.get(SCHEMA_ENV)
    return Path(env) if env else BUNDLED_SCHEMA


def find_schema() -> Path | None:
    location = schema_location()
    return location if location.is_file() else None


@functools.cache
def load_schema(path: Path) -> etree.RelaxNG:
    """The compiled schema at ``path`` (``.rng``, or gzipped ``.rng.gz``)."""
    try:
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else None
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise InputError(f"cannot read the schema: {exc}", path) from None
    try:
        return etree.RelaxNG(parse_xml(path, data))
    except etree.RelaxNGParseError as exc:
        raise InputError(f"not a usable RelaxNG schema: {exc}", path) from None
    except InputError as exc:  # not XML at all (--schema en.txt): the schema is bad, not the TEI
        problem = str(exc).removeprefix(f"{path}").lstrip(":0123456789 ")
        raise InputError(f"not a usable RelaxNG schema ({problem})", path) from None


def validate(path_or_tree: str | Path | etree._ElementTree, schema: str | Path | None = None) -> list[str]:
    """RelaxNG errors as ``file:line: message`` lines; empty means valid.

    ``schema`` defaults to :func:`find_schema`; InputError if there is none or the file is not XML.
    """
    schema_path = Path(schema) if schema is not None else find_schema()
    if schema_path is None:
        raise InputError(f"TEI schema not found; pass a schema or set {SCHEMA_ENV}", schema_location())
    relaxng = load_schema(schema_path.resolve())
    if isinstance(path_or_tree, str | Path):
        tree, name = parse_xml(path_or_tree), str(path_or_tree)
    else:
        tree, name = path_or_tree, path_or_tree.docinfo.URL or "<tree>"
    if relaxng.validate(tree):
        return []
    return [
        f"{name}:{error.line or _line_of(tree, error.message)}: {error.message}"
        for error in relaxng.error_log
    ]


def _line_of(tree: etree._ElementTree, message: str) -> int | str:
    """libxml2 gives attribute errors no line; find it when the element named is the only one so named."""
    named = re.match(r"Element (\S+) ", message)
    found = list(tree.iter(f"{{*}}{named[1]}")) if named else []
    return found[0].sourceline if len(found) == 1 and found[0].sourceline else "?"
