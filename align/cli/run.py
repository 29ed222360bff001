"""``align run``, ``align pair`` and ``align segment``."""

from __future__ import annotations

import click

from ..config import AlignOptions
from ..errors import clip, log
from ..io.fsutil import atomic_output, atomic_write_bytes, check_name, refuse_inputs
from .common import RenamedOption, alignment_options


def _usage(message: str) -> click.UsageError:
    """A mistake in the shape of the command line: one line and exit 2 (see align.cli)."""
    return click.UsageError(message, click.get_current_context(silent=True))


def parse_inputs(args: tuple[str, ...]) -> list[tuple[str, str]]:
    """``LANG=FILE`` arguments to (lang, file) pairs. An argument not of that shape, or fewer than two,
    is a mistake in the command line (exit 2, as click's own usage errors); a tag that is not BCP 47
    is a bad value (exit 1)."""
    from ..lang import parse_tag

    pairs = []
    for arg in args:
        lang, sep, path = arg.partition("=")
        if not sep or not lang.strip() or not path.strip():
            raise _usage(f"malformed argument {clip(arg)}: expected LANG=FILE, e.g. en=article.txt")
        parse_tag(lang.strip(), path)
        pairs.append((lang.strip(), path))
    if len(pairs) < 2:
        raise _usage("need at least two LANG=FILE inputs (a pivot and one version)")
    if sum(path == "-" for _, path in pairs) > 1:
        raise _usage("only one input can be standard input (-)")
    return pairs


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="LANG=FILE...")
@click.option("-o", "--output", default="-", show_default=True, help="TEI file to write ('-' = stdout).")
@click.option("--pivot", help="Language every other version is aligned to [default: the first LANG].")
@click.option(
    "--id",
    "set_id",
    help="Document set id: letters, digits, '.', '_', '-' [default: the pivot file's name; its folder's "
    "name when the file is named for its language, as en.txt].",
)
@click.option(
    "--no-timestamp", is_flag=True, help="Leave the run date out (re-runs give byte-identical TEI)."
)
@click.option("--derived", is_flag=True, help="Also link non-pivot pairs, composed through the pivot.")
@click.option(
    "--words",
    is_flag=True,
    help="Also align the words inside every link: tokens as <w>/<pc> with ids, word links in "
    'a stand-off <linkGrp type="words"> per pair (README, "Word alignment").',
)
@click.option(
    "--keep-manual",
    type=click.Path(dir_okay=False),
    help="An earlier TEI of these texts: its manual links are kept where their sentences are unchanged, "
    "and only the text between them is realigned.",
)
@alignment_options
def run(
    inputs: tuple[str, ...],
    output: str,
    pivot: str | None,
    set_id: str | None,
    no_timestamp: bool,
    derived: bool,
    words: bool,
    keep_manual: str | None,
    options: AlignOptions,
) -> None:
    """Segment and align versions of one text and write them as one TEI P5 file.

    Each input is LANG=FILE with a BCP 47 tag (en, de, sq, sr, sr-Cyrl, sr-Latn, or any other:
    generic rules). Plain UTF-8 text, paragraphs separated by blank lines.

    \b
    Example:
      align run en=en.txt de=de.txt sr=sr.txt sq=sq.txt -o set.tei.xml
      align run en=en.txt de=de.txt --keep-manual set.tei.xml -o set.tei.xml
    """
    from .. import tei
    from ..aligner.pipeline import align_set
    from ..io.xmlsafe import parse_xml

    pairs = parse_inputs(inputs)
    if set_id is not None:
        check_name(set_id, "--id")
    refuse_inputs(output, [path for _, path in pairs])
    history = parse_xml(keep_manual) if keep_manual else None  # its reviewers and changes stay
    keep = tei.from_tree(history, keep_manual) if history is not None else None
    docset = align_set(pairs, set_id=set_id, pivot=pivot, options=options, progress=log.info, keep=keep)
    if words:
        from ..io.fsutil import atomic_write_bytes
        from ..tei.words import to_bytes_with_words

        atomic_write_bytes(
            output, to_bytes_with_words(docset, timestamp=not no_timestamp, derived=derived, history=history)
        )
    else:
        tei.write(docset, output, timestamp=not no_timestamp, derived=derived, history=history)
    sizes = ", ".join(f"{lang} {len(doc.sentences)}" for lang, doc in docset.docs.items())
    log.info(f"wrote {output} (sentences: {sizes})")


@click.command()
@click.argument("source", type=click.Path(dir_okay=False, allow_dash=True))
@click.argument("target", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--src-lang", required=True, help="BCP 47 tag of SOURCE.")
@click.option("--tgt-lang", required=True, help="BCP 47 tag of TARGET.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["beads", "tsv"]),
    default="tsv",
    show_default=True,
    help="beads: one link per line, [0]:[0, 1]:cert (0-based), as align export and align eval read "
    "them. tsv: one row per link, the columns of align export's TSV (ids, link_type, cert, status, texts).",
)
@click.option(
    "--certs/--no-certs",
    "--scores/--no-scores",
    "certs",
    cls=RenamedOption,
    old=("--scores", "--no-scores"),
    default=True,
    show_default=True,
    help="Append :cert in beads format.",
)
@click.option("-o", "--output", default="-", show_default=True, help="File to write ('-' = stdout).")
@alignment_options
def pair(
    source: str,
    target: str,
    src_lang: str,
    tgt_lang: str,
    fmt: str,
    certs: bool,
    output: str,
    options: AlignOptions,
) -> None:
    """Align two texts and print the links (alignment units)."""
    from ..aligner.pipeline import align_pair, default_set_id, load_document
    from ..formats.beadfile import format_beads
    from ..formats.tables import encode_table, link_table
    from ..model import DocumentSet

    if source == "-" and target == "-":
        raise _usage("only one of SOURCE and TARGET can be standard input")
    refuse_inputs(output, [source, target])
    src = load_document(source, src_lang, presplit=options.presplit, cache_dir=options.cache_dir)
    tgt = load_document(target, tgt_lang, presplit=options.presplit, cache_dir=options.cache_dir)
    alignment = align_pair(src, tgt, options)
    if fmt == "beads":
        with atomic_output(output) as out:
            out.write(format_beads(alignment.links, with_cert=certs))
        return
    docset = DocumentSet(default_set_id(src_lang, source), {src_lang: src, tgt_lang: tgt}, [alignment])
    atomic_write_bytes(output, encode_table(link_table([(docset, alignment)]), "tsv"))


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--lang", required=True, help="BCP 47 tag of FILE (en, de, sr, sr-Cyrl, sr-Latn, sq, ...).")
@click.option("-o", "--output", default="-", show_default=True, help="File to write ('-' = stdout).")
def segment(file: str, lang: str, output: str) -> None:
    """Split a text into sentences: one per line, a blank line between paragraphs."""
    from ..aligner.pipeline import load_document

    refuse_inputs(output, [file])
    doc = load_document(file, lang)
    with atomic_output(output) as out:
        for n, para in enumerate(doc.paragraphs):
            if n:
                out.write("\n")
            for i in para:
                out.write(doc.sentences[i].text.replace("\n", " ") + "\n")
