"""``align export``: aligned pairs out of TEI as TMX, TSV, CSV, Parquet or the plain bead format."""

from __future__ import annotations

import click

from .. import formats
from ..errors import log


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
    from ..formats.export import export_sets
    from ..formats.filters import load_filter
    from ..report import KINDS

    kinds = [k.strip() for k in exclude_kinds.split(",") if k.strip()] if exclude_kinds is not None else None
    link_filter = load_filter(min_cert, reports, kinds, KINDS)
    fmt = fmt or formats.from_extension(output, formats.EXPORT)
    what = export_sets(
        source, output, fmt, pair=pair, set_ids=set_ids, link_filter=link_filter, raw_csv=raw_csv
    )
    if output != "-":
        log.info(f"wrote {output} ({what})")
    if link_filter.active:
        log.info(link_filter.summary())
