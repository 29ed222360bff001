"""What an export reads: one TEI file or a folder of them (a batch output), and which pairs to take.

A pair is named ``SRC-TGT`` with the tags as written (``en-sr-Cyrl``), or by language alone (``en-sr``)
when that is unambiguous; :func:`align.model.rows.find_pair` finds it as aligned, reversed or composed
through the pivot, and :func:`align.model.rows.set_rows` turns it into rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from lxml import etree

from ..errors import InputError, clip
from ..model import Alignment, DocumentSet
from ..model.rows import find_pair

TEI_SUFFIX = ".tei.xml"
TEI_GLOB = "*" + TEI_SUFFIX


def tei_files(source: str | Path) -> list[Path]:
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.glob(TEI_GLOB) if p.is_file())
        if not files:
            raise InputError(f"no {TEI_GLOB} files in this folder", path)
        return files
    if not path.exists():
        raise InputError("not found", path)
    return [path]


def read_sets(files: Sequence[Path], set_ids: Sequence[str] = ()) -> Iterator[DocumentSet]:
    """Sets one at a time (a corpus need not fit in memory), only ``set_ids`` when given."""
    from .. import tei

    wanted, seen = set(set_ids), set()
    for path in files:
        docset = tei.read(path)
        if wanted and docset.id not in wanted:
            continue
        seen.add(docset.id)
        yield docset
    missing = sorted(wanted - seen)
    if missing:
        raise InputError(f"no document set with id {', '.join(missing)}", files[0].parent)


def _set_id(path: Path) -> str | None:
    """The set id on a TEI file's root, read without parsing the rest; None if it cannot be read
    (reading the file in full then says what is wrong)."""
    try:
        events = etree.iterparse(
            str(path), events=("start",), resolve_entities=False, no_network=True, load_dtd=False
        )
        _, root = next(iter(events))
    except (etree.XMLSyntaxError, OSError, StopIteration):
        return None
    return root.get("n", root.get("{http://www.w3.org/XML/1998/namespace}id", ""))


def refuse_shared_ids(
    files: Sequence[Path], file_name: Callable[[str], str], set_ids: Sequence[str] = ()
) -> None:
    """InputError when two ``files`` hold sets whose ids give the same output file names (``file_name``
    of the id: the same id, or ids that differ only in characters a file name replaces), before
    anything is written; only the ``set_ids`` chosen, when given."""
    seen: dict[str, tuple[Path, str]] = {}
    for path in files:
        set_id = _set_id(path)
        if set_id is None or (set_ids and set_id not in set_ids):
            continue
        name = file_name(set_id)
        if name in seen:
            other, other_id = seen[name]
            ids = (
                f"the set id {clip(set_id)}"
                if set_id == other_id
                else f"set ids {clip(other_id)} and {clip(set_id)}"
            )
            raise InputError(
                f"{other} and {path} have {ids}, which name the same output files ({name}.*): export "
                "them apart, or give one of them another id"
            )
        seen[name] = (path, set_id)


def select(docsets: Iterable[DocumentSet], pair: str | None) -> Iterator[tuple[DocumentSet, Alignment]]:
    """Every alignment, or ``pair`` from every set that has it (InputError when none does)."""
    found = False
    available: set[str] = set()
    for docset in docsets:
        if pair is None:
            for alignment in docset.alignments:
                found = True
                yield docset, alignment
            continue
        wanted = find_pair(docset, pair)
        if wanted is None:
            available.update(a.pair for a in docset.alignments)
            continue
        found = True
        yield docset, wanted
    if pair is not None and not found:
        raise InputError(f"no set has the pair {pair} (aligned pairs: {', '.join(sorted(available))})")
