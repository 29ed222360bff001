"""Export by format name: the aligned pairs of TEI files into one of the export formats, with a link
filter's policy (which formats it applies to, and what the TMX header says was left out). The one
dispatch the command line and library users share."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..io.fsutil import refuse_inputs
from . import TABLE, names
from .filters import LinkFilter
from .source import read_sets, refuse_shared_ids, select, tei_files

FILTERED = ("tmx", *names(TABLE))  # formats a link filter applies to (translation memories, tables)


def tmx_header(link_filter: LinkFilter) -> list[tuple[str, str]]:
    """What the TMX header records of a filter: ``x-min-cert``, ``x-exclude-flagged``, ``x-exclude-kinds``."""
    props: list[tuple[str, str]] = []
    if link_filter.min_cert is not None:
        props.append(("x-min-cert", f"{link_filter.min_cert:g}"))
    props += [("x-exclude-flagged", Path(r).name) for r in link_filter.reports]
    if link_filter.kinds is not None:
        props.append(("x-exclude-kinds", ",".join(sorted(link_filter.kinds))))
    return props


def export_sets(
    source: str | Path,
    output: str | Path,
    fmt: str,
    *,
    pair: str | None = None,
    set_ids: Sequence[str] = (),
    link_filter: LinkFilter | None = None,
    raw_csv: bool = False,
) -> str:
    """Write the pairs of ``source`` (a TEI file or a folder of them) as ``fmt``; returns what was
    written ("12 translation units", "3 bead files"), for the log."""
    link_filter = link_filter or LinkFilter()
    if link_filter.active and fmt not in FILTERED:
        raise InputError(
            f"--min-cert and --exclude-flagged filter links for {', '.join(FILTERED)}, not {fmt}"
        )
    files = tei_files(source)
    refuse_inputs(output, [*files, *link_filter.reports])
    selected = link_filter.apply(select(read_sets(files, set_ids), pair))
    if fmt == "tmx":
        from .tmx import write_tmx

        note = None
        if link_filter.active:  # the header comes first and says what was left out: filter everything first
            selected = iter(list(selected))
            note = link_filter.summary(two_sided=True)
        # one pair, or one set's pairs (all from its pivot), share a source language; a folder may not
        srclang = "*all*" if pair is None and len(files) > 1 else None
        n = write_tmx(selected, output, srclang=srclang, props=tmx_header(link_filter), note=note)
        return f"{n} translation units"
    if fmt == "intertext":
        from .intertext import set_file_name, write_intertext

        if str(output) == "-":
            raise InputError("InterText output is a folder: give -o FOLDER")
        refuse_shared_ids(files, set_file_name, set_ids)
        return f"{len(write_intertext(selected, output))} InterText files"
    if fmt in ("beads", "pharaoh"):
        from .beadfile import write_beads
        from .pharaoh import write_pharaoh

        refuse_shared_ids(files, str, set_ids)
        writer, what = (write_beads, "bead file") if fmt == "beads" else (write_pharaoh, "Pharaoh file")
        n = len(writer(selected, output))
        return f"{n} {what}{'' if n == 1 else 's'}"
    from .tables import link_table, write_table

    table = link_table(selected)
    write_table(table, output, fmt, raw=raw_csv)
    return f"{table.height} links"
