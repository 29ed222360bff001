"""``align validate``: is a file valid TEI P5, and one of ours (every link resolves)?"""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError, warn


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(), metavar="FILE|FOLDER...")
@click.option(
    "--schema",
    type=click.Path(exists=True, dir_okay=False),
    help="TEI RelaxNG schema, .rng or .rng.gz [default: $ALIGN_TEI_SCHEMA, else the TEI P5 schema "
    "shipped with align].",
)
def validate(files: tuple[str, ...], schema: str | None) -> None:
    """Check aligned TEI files: against the TEI P5 schema (tei_all.rng), then that each is an
    aligned corpus align can read (alignment link groups present, every pointer resolves). A
    folder stands for its *.tei.xml files (a batch output folder).

    Prints FILE: valid, or the problems as FILE:LINE: message (FILE: message for a problem of the
    whole file). Exit status 0 when every file is valid, 1 otherwise. When $ALIGN_TEI_SCHEMA names a
    file that is not there, only the structure and links are checked: a warning says so and a
    well-formed corpus still exits 0.
    """
    from ..formats.source import tei_files
    from ..io.xmlsafe import parse_xml
    from ..tei import find_schema, from_tree, load_schema, schema_location
    from ..tei import validate as relaxng_errors

    schema_path = schema or find_schema()
    if schema_path is None:
        warn(f"TEI schema not found at {schema_location()} (use --schema): checking structure and links only")
    else:
        load_schema(Path(schema_path).resolve())  # a bad schema stops here, before any file is judged
    paths = [str(p) for f in files for p in (tei_files(f) if Path(f).is_dir() else [f])]
    failed = False
    for path in paths:
        try:
            tree = parse_xml(path)
            tree.docinfo.URL = path
            errors = relaxng_errors(tree, schema_path) if schema_path else []
            if not errors:
                from_tree(tree, path, complete=True)
        except InputError as exc:
            errors = [str(exc)]
        failed |= bool(errors)
        for line in errors:
            click.echo(line)
        verdict = "valid" if schema_path else "structure and links ok (not checked against the TEI schema)"
        click.echo(f"{path}: {'invalid' if errors else verdict}")
    if failed:
        raise SystemExit(1)
