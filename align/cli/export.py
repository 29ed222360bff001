"""``align export``: aligned pairs out of TEI as TMX, TSV, CSV, Parquet or the plain bead format."""

from __future__ import annotations

from pathlib import Path

import click

from .. import formats
from ..errors import InputError, log


@click.command()
@click.argument("source", type=click.Path(exists=False))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(formats.names(formats.EXPORT, *formats.EXPORT_FOLDERS)),
    help="Output format [default: from the -o file's extension].",
)
@click.option(
    "-o", "--output", default="-", show_default=True, help="File to write ('-' = stdout, text formats)."
)
@click.option(
    "--pair", help="Only this pair, SRC-TGT (en-de, de-en, en-sr-Cyrl, or de-sr through the pivot)."
)
@click.option("--set", "set_ids", multiple=True, help="Only this document set (repeatable; for a folder).")
@click.option(
    "--min-cert",
    type=click.FloatRange(0, 1),
    help="Leave out links whose cert is below this (links without a cert, manual ones, stay).",
)
@click.option(
    "--exclude-flagged",
    "reports",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Leave out links with findings in this JSON report (align report --format json; repeatable).",
)
@click.option(
    "--exclude-kinds",
    help="Only findings of these kinds flag a link, comma-separated (omission,number) [default: all].",
)
@click.option(
    "--raw-csv",
    is_flag=True,
    help="Write CSV cells as they are. By default a cell starting with = + - @ gets a leading ' so a "
    "spreadsheet shows it as text instead of running it as a formula (TSV is always exact).",
)
def export(
    source: str,
    fmt: str | None,
    output: str,
    pair: str | None,
    set_ids: tuple[str, ...],
    min_cert: float | None,
    reports: tuple[str, ...],
    exclude_kinds: str | None,
    raw_csv: bool,
) -> None:
    """Write the aligned pairs of SOURCE (a TEI file, or a folder of them such as a batch output).

    \b
    tmx      TMX 1.4b for CAT tools: one unit per link with both sides, n-m links
             joined into one segment, the cert in <prop type="x-cert">
    tsv/csv  one row per link: set_id, pair, src/tgt lang, ids, link_type, cert,
             status, src/tgt text, then the set's metadata
    parquet  the same rows, ids as lists
    beads    [0]:[0, 1]:cert lines (0-based), as sentence-alignment scorers read;
             several pairs go to a folder, one SET.PAIR.beads file each
    pharaoh  word alignment inside every link (align words' model, trained on the
             pair's links): "src tokens ||| tgt tokens ||| i-j ..." lines; one
             pair a file, several to a folder as for links
    intertext  InterText's sentence-marked documents (SET.LANG.xml) and stand-off
             alignment files (SET.SRC.TGT.xml) into the -o folder; `align import`
             reads them back

    \b
    Keeping suspect units out of a translation memory (tmx, tsv, csv, parquet):
    --min-cert drops links the aligner doubts; --exclude-flagged drops links
    that a report's findings name, for the same set and pair (either way round);
    the TMX header says what was left out (<note>, <prop type="x-...">).

    \b
    Examples:
      align export out/ --format parquet -o pairs.parquet
      align report set.tei.xml --terms t.tbx --format json -o report.json
      align export set.tei.xml -o tm.tmx --min-cert 0.5 --exclude-flagged report.json \\
          --exclude-kinds omission,partial-omission,number,name
      align export kosovo.tei.xml --format tmx --pair en-de -o en-de.tmx
      align export kosovo.tei.xml --format intertext -o out/
    """
    from ..formats.source import read_sets, refuse_shared_ids, select, tei_files

    if fmt is None:
        fmt = formats.from_extension(output, formats.EXPORT)
    from ..formats.filters import load_filter
    from ..io.fsutil import refuse_inputs
    from ..report import KINDS

    kinds = [k.strip() for k in exclude_kinds.split(",") if k.strip()] if exclude_kinds is not None else None
    link_filter = load_filter(min_cert, reports, kinds, KINDS)
    filtered = ["tmx", *formats.names(formats.TABLE)]
    if link_filter.active and fmt not in filtered:
        raise InputError(
            f"--min-cert and --exclude-flagged filter links for {', '.join(filtered)}, not {fmt}"
        )
    files = tei_files(source)
    refuse_inputs(output, [*files, *reports])
    selected = link_filter.apply(select(read_sets(files, set_ids), pair))
    if fmt == "tmx":
        from ..formats.tmx import write_tmx

        props: list[tuple[str, str]] = []
        note = None
        if link_filter.active:
            # The header comes first and says what was left out: filter everything before writing.
            selected = iter(list(selected))
            note = link_filter.summary(two_sided=True)
            if min_cert is not None:
                props.append(("x-min-cert", f"{min_cert:g}"))
            props += [("x-exclude-flagged", Path(r).name) for r in reports]
            if kinds is not None:
                props.append(("x-exclude-kinds", ",".join(kinds)))
        # one pair, or one set's pairs (all from its pivot), share a source language; a folder may not
        srclang = "*all*" if pair is None and len(files) > 1 else None
        n = write_tmx(selected, output, srclang=srclang, props=props, note=note)
        what = f"{n} translation units"
    elif fmt == "intertext":
        from ..formats.intertext import set_file_name, write_intertext

        if output == "-":
            raise InputError("InterText output is a folder: give -o FOLDER")
        refuse_shared_ids(files, set_file_name, set_ids)
        what = f"{len(write_intertext(selected, output))} InterText files"
    elif fmt == "beads":
        from ..formats.beadfile import write_beads

        refuse_shared_ids(files, str, set_ids)
        what = f"{len(write_beads(selected, output))} bead files"
    elif fmt == "pharaoh":
        from ..formats.pharaoh import write_pharaoh

        what = f"{len(write_pharaoh(selected, output))} Pharaoh files"
    else:
        from ..formats.tables import link_table, write_table

        table = link_table(selected)
        write_table(table, output, fmt, raw=raw_csv)
        what = f"{table.height} links"
    if output != "-":
        log.info(f"wrote {output} ({what})")
    if link_filter.active:
        log.info(link_filter.summary())
