"""``align eval``: strict and lax precision/recall/F1 of bead files against a gold alignment."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import InputError, warn
from ..evaluation.metric import Scores, score
from ..formats.beadfile import read_beads
from ..io.fsutil import atomic_output, refuse_inputs

COLUMNS = ("strict_precision", "strict_recall", "strict_f1", "lax_precision", "lax_recall", "lax_f1")


def _names(names: list[str], most: int = 5) -> str:
    shown = ", ".join(names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")


def _listing(folder: Path, pattern: str) -> dict[str, Path]:
    return {p.name: p for p in sorted(folder.glob(pattern)) if p.is_file() and not p.name.startswith(".")}


def pair_documents(gold: Path, test: Path, pattern: str = "*") -> list[tuple[str, Path, Path]]:
    """(name, gold file, test file) for one file pair or for the same-named files (matching the glob
    ``pattern``) of two folders.

    Every gold document needs its test file (scoring a subset would overstate the result); test files
    without gold are ignored with a warning.
    """
    for path in (gold, test):
        if not path.exists():
            raise InputError("not found", path)
    if gold.is_dir() != test.is_dir():
        folder, file = (gold, test) if gold.is_dir() else (test, gold)
        raise InputError(f"is a folder but {file} is a file: give two bead files or two folders", folder)
    if not gold.is_dir():
        return [(gold.name, gold, test)]
    gold_files, test_files = _listing(gold, pattern), _listing(test, pattern)
    if not gold_files:
        raise InputError(f"folder holds no gold files (matching {pattern!r})", gold)
    missing = [name for name in gold_files if name not in test_files]
    if missing:
        hint = (
            "" if len(missing) < len(gold_files) else f"; it holds {_names(list(test_files)) or 'no files'}"
        )
        raise InputError(
            f"no test file named like {len(missing)} of the {len(gold_files)} gold files: "
            f"{_names(missing)}{hint}",
            test,
        )
    extra = [name for name in test_files if name not in gold_files]
    if extra:
        warn(f"ignored (no gold file of the same name): {_names(extra)}", test)
    return [(name, path, test_files[name]) for name, path in gold_files.items()]


LinkText = dict[str, str | int | float]


def _row(name: str, result: Scores) -> LinkText:
    return {
        "document": name,
        **result.as_dict(),
        "gold_units": result.gold_units,
        "test_units": result.test_units,
    }


def render(per_doc: list[LinkText], total: Scores, documents: int, fmt: str) -> str:
    """Per-document rows (may be empty) and the total as text, TSV or JSON."""
    if fmt == "json":
        summary = {"documents": documents, **_row("all", total)}
        del summary["document"]
        return json.dumps({"total": summary, "per_doc": per_doc}, ensure_ascii=False, indent=2) + "\n"
    rows = [*per_doc, _row(f"all ({documents} document{'s' * (documents != 1)})", total)]
    header = ("document", *COLUMNS, "gold_units", "test_units")
    if fmt == "tsv":
        lines = ["\t".join(header)] + ["\t".join(str(r[c]) for c in header) for r in rows]
        return "\n".join(lines) + "\n"
    width = max(len("document"), *(len(str(r["document"])) for r in rows))
    titles = ("strict P", "strict R", "strict F1", "lax P", "lax R", "lax F1", "gold", "test")
    lines = [f"{'document':<{width}}" + "".join(f"{t:>10}" for t in titles)]
    for r in rows:
        cells = [f"{r[c]:.4f}" for c in COLUMNS] + [str(r["gold_units"]), str(r["test_units"])]
        lines.append(f"{r['document']:<{width}}" + "".join(f"{c:>10}" for c in cells))
    return "\n".join(lines) + "\n"


@click.command("eval")
@click.option("--gold", required=True, type=click.Path(), help="Gold bead file, or a folder of them.")
@click.option(
    "--test", required=True, type=click.Path(), help="Link file to score, or a folder of same-named files."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "tsv"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--pattern", default="*", show_default=True, help="Over folders, score only the files matching this glob."
)
@click.option("--per-doc", is_flag=True, help="Also score each document on its own.")
@click.option("-o", "--output", default="-", show_default=True, help="Where to write ('-' = stdout).")
def eval_cmd(gold: str, test: str, fmt: str, pattern: str, per_doc: bool, output: str) -> None:
    """Score a predicted alignment against a gold one (strict and lax precision, recall, F1).

    Link files hold one link per line, [0]:[0, 1] (0-based; an optional :score is ignored). Over
    folders, counts are summed over all documents before dividing, as in Vecalign's and Bertalign's
    scorers.

    \b
    Example:
      align eval --gold gold/ --test out/ --pattern '*.gold' --per-doc
    """
    refuse_inputs(output, [gold, test])
    docs = [
        (name, read_beads(g), read_beads(t)) for name, g, t in pair_documents(Path(gold), Path(test), pattern)
    ]
    per_doc_rows = [_row(name, score([g], [t])) for name, g, t in docs] if per_doc else []
    total = score([g for _, g, _ in docs], [t for _, _, t in docs])
    text = render(per_doc_rows, total, len(docs), fmt)
    with atomic_output(output) as out:
        out.write(text)
