"""TEI P5 encoding of aligned document sets: write, read back, validate.

See :mod:`align.tei.encode` for the layout and id scheme. QA annotations go into
``standoff(tree)`` as ``<listAnnotation type="divergence">``; :func:`read` ignores them.
"""

from ..lang import language_name
from ..model import parse_sentence_id, sentence_id
from ..model.rows import compose
from .decode import from_tree, read
from .encode import (
    TEI_NS,
    divergence_kinds,
    divergence_ref,
    standoff,
    to_bytes,
    to_tree,
    write,
)
from .validate import find_schema, load_schema, schema_location, validate

__all__ = [
    "TEI_NS",
    "compose",
    "divergence_kinds",
    "divergence_ref",
    "find_schema",
    "from_tree",
    "language_name",
    "load_schema",
    "parse_sentence_id",
    "read",
    "schema_location",
    "sentence_id",
    "standoff",
    "to_bytes",
    "to_tree",
    "validate",
    "write",
]
