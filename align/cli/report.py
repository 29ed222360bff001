"""``align report``: where the versions of an aligned TEI file diverge, as HTML, Markdown, JSON, CSV,
Parquet or TEI annotations."""

from __future__ import annotations

import inspect
import logging
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import formats
from ..config import FRAMING_FIELD, LENGTH_RATIO
from ..errors import InputError, clip, log
from .common import min_cert_option

if TYPE_CHECKING:
    from ..report import Report
    from ..terms import Termbase

EXIT_FAIL_ON = 3  # --fail-on matched (1 is an input error, 2 a usage error)


def _list(value: str | None) -> list[str]:
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def _kinds(value: str | None) -> frozenset[str]:
    """``framing,number`` keeps those kinds; ``-length,-low-confidence`` drops those from the default
    ones (all but the opt-in kinds, such as ``rendering``)."""
    from ..report import KINDS
    from ..report.checks import default_kinds

    items = _list(value)
    if not items:
        return default_kinds()
    names = [item.removeprefix("-") for item in items]
    unknown = [name for name in names if name not in KINDS]
    if unknown:
        raise InputError(f"--kinds: unknown kind {clip(unknown[0])} (kinds: {', '.join(KINDS)})")
    negated = [item.startswith("-") for item in items]
    if any(negated) and not all(negated):
        raise InputError("--kinds: give kinds to keep or, each with a leading '-', kinds to drop; not both")
    return default_kinds() - frozenset(names) if all(negated) else frozenset(names)


def _fail_on(value: str | None) -> list[tuple[str | None, str | None]]:
    """Conditions (kind or None, severity or None); a severity means that severity or worse."""
    from ..report import KINDS, SEVERITIES

    conditions: list[tuple[str | None, str | None]] = []
    for item in _list(value):
        kind, _, severity = ("", "", "") if item in ("any", "all") else item.partition(":")
        if not severity and kind in SEVERITIES:
            kind, severity = "", kind
        if (kind and kind not in KINDS) or (severity and severity not in SEVERITIES):
            raise InputError(
                f"--fail-on: {clip(item)} is not KIND, SEVERITY or KIND:SEVERITY "
                f"(kinds: {', '.join(KINDS)}; severities: {', '.join(SEVERITIES)})"
            )
        conditions.append((kind or None, severity or None))
    return conditions


def _output_format(output: str, fmt: str | None, annotate: bool) -> str:
    if annotate:
        if fmt is not None:
            raise InputError("--annotate writes TEI: leave out --format")
        return "tei"
    if fmt is None:
        fmt = "md" if output == "-" else formats.from_extension(output, formats.REPORT)
    formats.check_output(fmt, output)
    return fmt


def _formats(
    source: str,
    output: str,
    fmt: str | None,
    annotate: bool,
    aligned_table: str | None,
    inputs: list[str | None],
) -> tuple[str, str | None]:
    """The report's format and the aligned table's (None: no table); refuses an output that is an input
    and, for a folder of sets, the options that take one TEI file."""
    from ..formats.source import tei_files
    from ..io.fsutil import refuse_inputs

    tei_files(source)  # a missing source or a folder without TEI files is refused before anything else
    if Path(source).is_dir():
        if output == "-":
            raise InputError("a folder of sets gives one report per set: give -o FOLDER", source)
        if annotate or aligned_table is not None:
            raise InputError("--annotate and --aligned-table take one TEI file, not a folder", source)
        fmt = fmt or "html"
    else:
        fmt = _output_format(output, fmt, annotate)
        refuse_inputs(output, [source, *inputs])
    if aligned_table is None:
        return fmt, None
    table_fmt = formats.from_extension(aligned_table, formats.TABLE, "--aligned-table a file")
    refuse_inputs(aligned_table, [source, *inputs, output], "--aligned-table")
    return fmt, table_fmt


def _termbase(terms: str | None, framing_field: str, framing_labels: str | None) -> Termbase | None:
    if not terms:
        return None
    from ..terms import load_termbase

    return load_termbase(terms, framing_field=framing_field, labels=_list(framing_labels) or None)


def _summary(result: Report, output: str) -> None:
    """The counts on stderr after a report of one set (``-q`` silences them)."""
    if log.isEnabledFor(logging.INFO):
        from ..report.counts import terminal_summary

        click.echo(terminal_summary(result), err=True)
        if output != "-":
            log.info(f"wrote {output}")


def kinds_help(width: int = 78) -> str:
    """One line (wrapped) per registered kind: its name and its checker's description of it."""
    from ..report import CHECKERS

    lines = []
    column = 2 + max(len(kind) for cls in CHECKERS for kind in cls.kinds)  # the longest name, a gap
    for cls in CHECKERS:
        for kind, description in cls.kinds.items():
            notes = ["needs --terms"] * cls.needs_terms
            notes += ["off unless named in --kinds"] * (kind in cls.opt_in)
            text = description + (f" ({'; '.join(notes)})" if notes else "")
            indent = f"  {kind:<{column}}"
            lines += textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=" " * len(indent))
    return "\n".join(lines)


class _ReportCommand(click.Command):
    """Fills in the kinds when help is shown, so ``align --help`` does not import the checkers."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        template = self.help
        self.help = inspect.cleandoc(template or "").replace("{kinds}", kinds_help())  # as registered now
        try:
            super().format_help_text(ctx, formatter)
        finally:
            self.help = template


@click.command(cls=_ReportCommand)
@click.argument("source", metavar="TEI|FOLDER")
@click.option("-o", "--output", default="-", show_default=True, help="Report file ('-' = stdout).")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(formats.names(formats.REPORT)),
    help="Output format [default: from -o's extension; Markdown on stdout].",
)
@click.option(
    "--terms",
    type=click.Path(dir_okay=False),
    help="Termbase: TBX (2019 or v2) or a CSV/TSV/XLSX glossary (columns below).",
)
@click.option(
    "--framing-field",
    default=FRAMING_FIELD,
    show_default=True,
    help="Where the termbase keeps framing labels: TBX termNote/descrip type, or glossary column.",
)
@click.option(
    "--framing-labels",
    help="Allowed framing labels, comma-separated; a termbase with any other label is refused "
    "[default: any short label].",
)
@click.option(
    "--kinds",
    help="Kinds to report, comma-separated, or kinds to leave out each with a leading '-' "
    "(--kinds=-term-missing,-length) [default: all but the kinds marked off unless named].",
)
@click.option(
    "--pairs",
    help="Pairs to check, comma-separated: en-de, or just de for pivot-de; a pair of two versions "
    "(de-sq) is composed through the pivot [default: every aligned pair].",
)
@min_cert_option("Report links whose aligner confidence is below this (low-confidence).")
@click.option(
    "--length-ratio",
    type=click.FloatRange(1, min_open=True),
    default=LENGTH_RATIO,
    show_default=True,
    help="Report links this many times longer or shorter than usual for their pair (length).",
)
@click.option(
    "--ignore", "ignore_file", type=click.Path(dir_okay=False), help="Findings to silence (see below)."
)
@click.option(
    "--annotate", is_flag=True, help="Write the TEI with the findings in its standOff instead of a report."
)
@click.option(
    "--aligned-table",
    type=click.Path(dir_okay=False),
    help="Also write the aligned pairs with their finding counts (.csv, .tsv or .parquet).",
)
@click.option(
    "--raw-csv",
    is_flag=True,
    help="Write CSV cells as they are. By default a cell starting with = + - @ gets a leading ' so a "
    "spreadsheet shows it as text instead of running it as a formula (TSV is always exact).",
)
@click.option(
    "--fail-on",
    help="Exit with status 3 when a finding matches: KIND, SEVERITY (that or worse) or KIND:SEVERITY, "
    "comma-separated; 'any' for any finding. For CI.",
)
def report(
    source: str,
    output: str,
    fmt: str | None,
    terms: str | None,
    framing_field: str,
    framing_labels: str | None,
    kinds: str | None,
    pairs: str | None,
    min_cert: float,
    length_ratio: float,
    ignore_file: str | None,
    annotate: bool,
    aligned_table: str | None,
    fail_on: str | None,
    raw_csv: bool,
) -> None:
    """Report where the versions in an aligned TEI file diverge from the pivot.

    A folder (a batch output) is read as its *.tei.xml files: one report per set goes
    into the -o folder (SET.report.html, or the --format's extension), with index.html,
    a page of the findings per set linking to each report.

    \b
    Kinds of finding (each with a severity: high, medium, low):
    {kinds}
    Numbers are compared by value (10,000 = 10.000 = 10 000; five hundred = петсто)
    with their units (30 miles / 30 km differ; 2 inches = 5 cm is a low-severity
    conversion); names through transliteration (Vučić = Vuçiq = Вучић). A framed
    term on one side only counts as framing; a partial omission or addition marks
    the words concerned.

    \b
    Glossary (--terms FILE.csv|.tsv|.xlsx), either layout; header names in any case:
      long, one term a row:  concept, lang, term [, framing, status]
      wide, one concept a row, as CAT/QA tools export:
        en, de, sr-Latn, en_US ...  a column per language tag: the term(s),
                         synonyms split by ';' '|' or a line break in the cell
        concept or id    concept id [default: row-N]
        framing_<lang>   framing label of that language's terms; framing: all
        status_<lang>    preferred, admitted, deprecated (= forbidden),
                         superseded ...; status: for all terms of the row
        note, notes, comment, comments, definition, domain: read past
    'framing' stands for the --framing-field name. A 'lang' or 'term' column
    makes the layout long. XLSX: the first sheet, cell values.

    \b
    Ignore file: one entry a line, '#' comments; a fingerprint (shown in every
    output) or 'PAIR KIND SENTENCE_ID' with * as wildcard (en-sq name sq.s27,
    * length *). A JSON list of fingerprints or findings, or an earlier JSON
    report, also works: then only new findings are reported.

    \b
    The HTML report filters in the page; the view is kept in the address
    (report.html#kinds=number,name&langs=sq&only=1). A summary goes to stderr.
    Exit status 0 even with findings (see --fail-on).

    \b
    Examples:
      align report kosovo.tei.xml --terms kosovo.tbx -o report.html
      align report kosovo.tei.xml --terms kosovo.tbx --format json -o -
      align report kosovo.tei.xml --annotate -o kosovo.annotated.tei.xml
    """
    from ..io.fsutil import output_folder
    from ..report import ReportOptions, load_ignore
    from ..report.files import ReportSettings, fails, report_file, report_folder

    report_fmt, table_fmt = _formats(source, output, fmt, annotate, aligned_table, [terms, ignore_file])
    options = ReportOptions(kinds=_kinds(kinds), min_cert=min_cert, length_ratio=length_ratio)
    conditions = _fail_on(fail_on)
    settings = ReportSettings(
        fmt=report_fmt,
        options=options,
        pairs=_list(pairs),
        ignore=load_ignore(ignore_file) if ignore_file else None,
        termbase=_termbase(terms, framing_field, framing_labels),
        raw=raw_csv,
        aligned_table=aligned_table,
        table_fmt=table_fmt,
    )
    if Path(source).is_dir():  # one report per set into -o DIR, and an overview page
        results = report_folder(source, output_folder(output), settings)
    else:
        results = [report_file(source, output, settings)]
        _summary(results[0], output)
    if fails(results, conditions):
        click.get_current_context().exit(EXIT_FAIL_ON)
