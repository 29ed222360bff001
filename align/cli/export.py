"""``align export``: aligned pairs out of TEI as TMX, TSV, CSV, Parquet or the plain bead format."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError, log

FORMATS = {".tmx": "tmx", ".tsv": "tsv", ".csv": "csv", ".parquet": "parquet", ".beads": "beads"}


@click.command()
@click.argument("source", type=click.Path(exists=False))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(sorted({*FORMATS.values(), "intertext"})),
    help="Output format [default: from the -o file's extension].",
)
@click.option(
    "-o", "--output", default="-", show_default=True, help="File to write ('-' = stdout, text formats)."
)
@click.option(
    "--pair", help="Only this pair, SRC-TGT (en-de, de-en, en-sr-Cyrl, or de-sr through the pivot)."
)
@click.option("--set", "set_ids", multiple=True, help="Only this document set (repeatable; for a folder).")
def export(source: str, fmt: str | None, output: str, pair: str | None, set_ids: tuple[str, ...]) -> None:
    """Write the aligned pairs of SOURCE (a TEI file, or a folder of them such as a batch output).

    \b
    tmx      TMX 1.4b for CAT tools: one unit per bead with both sides, n-m beads
             joined into one segment, the score in <prop type="x-cert">
    tsv/csv  one row per bead: set_id, pair, src/tgt lang, ids, bead_type, cert,
             status, src/tgt text, then the set's metadata
    parquet  the same rows, ids as lists
    beads    [0]:[0, 1]:score lines (0-based), as sentence-alignment scorers read;
             several pairs go to a folder, one SET.PAIR.beads file each
    intertext  InterText's sentence-marked documents (SET.LANG.xml) and stand-off
             alignment files (SET.SRC.TGT.xml) into the -o folder; `align import`
             reads them back

    \b
    Examples:
      align export out/ --format parquet -o pairs.parquet
      align export kosovo.tei.xml --format tmx --pair en-de -o en-de.tmx
      align export kosovo.tei.xml --format intertext -o out/
    """
    from ..export.source import read_sets, select, tei_files

    if fmt is None:
        fmt = FORMATS.get(Path(output).suffix.lower()) if output != "-" else None
        if fmt is None:
            raise InputError(
                f"give --format ({', '.join(sorted(set(FORMATS.values())))}) or an -o with its extension"
            )
    from ..fsutil import refuse_inputs

    files = tei_files(source)
    refuse_inputs(output, files)
    selected = select(read_sets(files, set_ids), pair)
    if fmt == "tmx":
        from ..export.tmx import write_tmx

        # one pair, or one set's pairs (all from its pivot), share a source language; a folder may not
        n = write_tmx(selected, output, srclang="*all*" if pair is None and len(files) > 1 else None)
        what = f"{n} translation units"
    elif fmt == "intertext":
        from ..interchange.intertext import write_intertext

        if output == "-":
            raise InputError("InterText output is a folder: give -o FOLDER")
        what = f"{len(write_intertext(selected, output))} InterText files"
    elif fmt == "beads":
        from ..export.beads import write_beads

        what = f"{len(write_beads(selected, output))} bead files"
    else:
        from ..export.tables import bead_table, write_table

        table = bead_table(selected)
        write_table(table, output, fmt)
        what = f"{table.height} beads"
    if output != "-":
        log.info(f"wrote {output} ({what})")
