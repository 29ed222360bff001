"""``align words``: word alignment of two line-parallel files, written in Pharaoh format."""

from __future__ import annotations

import click

from ..errors import InputError, log


def _name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _lines(text: str) -> list[str]:
    return text[:-1].split("\n") if text.endswith("\n") else text.split("\n")


@click.command()
@click.argument("src", type=click.Path(dir_okay=False, allow_dash=True))
@click.argument("tgt", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--src-lang", required=True, help="Language of SRC (BCP 47 tag: en, de, sr-Cyrl, ...).")
@click.option("--tgt-lang", required=True, help="Language of TGT.")
@click.option("-o", "--output", default="-", show_default=True, help="File to write ('-' = stdout).")
@click.option(
    "--pretokenized", is_flag=True, help="Words are what the lines hold between spaces (as public golds are)."
)
@click.option("--probs", is_flag=True, help="Write each link as i-j:probability.")
def words(
    src: str, tgt: str, src_lang: str, tgt_lang: str, output: str, pretokenized: bool, probs: bool
) -> None:
    """Align the words of line-parallel files: line i of SRC with line i of TGT.

    Writes one line per line pair, in Pharaoh format as fast_align and eflomal write it: ``i-j`` for
    word i of the SRC line and word j of the TGT line, 0-based, sorted. Words are the tokens of align's
    tokenizer (words, numbers and punctuation marks, each one word), or with --pretokenized the
    space-separated items. All lines are aligned together: the model is trained on the files
    themselves (plus shipped priors for English with German, Serbian, Croatian, Bosnian or Albanian).

    \b
    Example:
      align words article.en article.de --src-lang en --tgt-lang de -o article.en-de.pharaoh
    """
    from ..io.fsutil import atomic_output
    from ..io.reader import read_text
    from ..lang import parse_tag
    from ..words import align_units, tokenize

    if src == "-" and tgt == "-":
        raise InputError("SRC and TGT cannot both be standard input ('-')")
    src_tag, tgt_tag = (
        parse_tag(lang, option).tag for lang, option in ((src_lang, "--src-lang"), (tgt_lang, "--tgt-lang"))
    )
    src_lines, tgt_lines = _lines(read_text(src)), _lines(read_text(tgt))
    if len(src_lines) != len(tgt_lines):
        src_name, tgt_name = (_name(path) for path in (src, tgt))
        raise InputError(
            f"{src_name} has {len(src_lines)} lines, {tgt_name} has {len(tgt_lines)}: "
            "line i of each must be one pair"
        )

    def split(line: str, lang: str) -> list[str]:
        return line.split() if pretokenized else [t.text for t in tokenize(line, lang)]

    units = [(split(s, src_tag), split(t, tgt_tag)) for s, t in zip(src_lines, tgt_lines, strict=True)]
    found = align_units(units, src_tag, tgt_tag)
    with atomic_output(output) as fh:
        for links in found:
            items = (f"{w.src}-{w.tgt}:{w.prob:.3f}" if probs else f"{w.src}-{w.tgt}" for w in links)
            fh.write(" ".join(items) + "\n")
    log.info(f"wrote {output} ({len(units)} pairs, {sum(len(x) for x in found)} word links)")
