"""``align import``: alignments made in other tools (InterText) into one TEI file."""

from __future__ import annotations

import click

from ..errors import InputError, clip, log


@click.command("import")
@click.argument("alignments", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", default="-", show_default=True, help="TEI file to write ('-' = stdout).")
@click.option(
    "--id",
    "set_id",
    help="Document set id [default: as align export wrote it, else the first alignment file's name "
    "without .SRC.TGT.xml].",
)
@click.option(
    "--lang",
    "langs",
    multiple=True,
    metavar="NAME=TAG",
    help="Language of a document whose root and name do not say it (repeatable): kosovo.xml=de.",
)
@click.option("--no-timestamp", is_flag=True, help="Leave the date out (re-runs give byte-identical TEI).")
def import_cmd(
    alignments: tuple[str, ...], output: str, set_id: str | None, langs: tuple[str, ...], no_timestamp: bool
) -> None:
    """Read InterText alignment files (all from one pivot document) into one TEI file.

    Each file is a <linkGrp toDoc=… fromDoc=…> of <link xtargets="…;…" status="man|auto">; the
    sentence-marked documents it names are read from beside it (file names only). Links with
    status="man" become manual links (subtype="manual"), the others automatic ones without a
    confidence. Links must cover every sentence once, in text order: overlapping, crossing or
    repeated links and sentences in no link are refused, naming the link. A folder (or a glob that
    also matches the documents) reads every alignment file in it.

    \b
    Example:
      align export kosovo.tei.xml --format intertext -o it/
      align import it/kosovo.en.de.xml it/kosovo.en.sr-Cyrl.xml -o kosovo.tei.xml
      align import it/ -o kosovo.tei.xml
    """
    from .. import tei
    from ..formats.intertext import read_intertext

    names: dict[str, str] = {}
    for item in langs:
        name, sep, tag = item.partition("=")
        if not sep or not name or not tag:
            raise InputError(f"--lang {clip(item)}: expected NAME=TAG, e.g. kosovo.xml=de")
        names[name] = tag
    docset = read_intertext(alignments, set_id=set_id, langs=names)
    tei.write(docset, output, timestamp=not no_timestamp)
    links = sum(len(a.links) for a in docset.alignments)
    log.info(f"wrote {output} ({len(docset.alignments)} pairs, {links} links)")
