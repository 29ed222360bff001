"""The ``align`` command line: a thin layer over the library.

Commands live in their own modules and are imported only when called, so ``align --help`` and
light commands start fast. Every :class:`~align.errors.InputError` becomes one line on stderr and
exit status 1; usage errors exit 2 (click's convention); Ctrl-C exits 130.
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from .. import __version__
from ..errors import InputError

# command name -> "module:function" (module relative to align.cli)
COMMANDS: dict[str, str] = {
    "run": "pipeline:run",
    "segment": "pipeline:segment",
    "pair": "pipeline:pair",
    "eval": "evaluate:eval_cmd",
    "validate": "tei:validate",
    "report": "report:report",
    "batch": "batch:batch",
    "export": "export:export",
    "import": "interchange:import_cmd",
}


class _StderrFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        if record.levelno == logging.INFO:  # progress
            return f"align: {record.getMessage()}"
        return f"align: {record.levelname.lower()}: {record.getMessage()}"


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(f"align.cli.{module}"), attr)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            click.echo(f"align: error: {exc}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("align: interrupted", err=True)
            ctx.exit(130)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="align")
@click.option("-q", "--quiet", is_flag=True, help="Only print errors.")
@click.option("-v", "--verbose", is_flag=True, help="Print debugging detail.")
def cli(quiet: bool, verbose: bool) -> None:
    """Sentence-align translations, export TEI/TMX, and report where versions diverge."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_StderrFormatter())
    logger = logging.getLogger("align")
    saved = (logger.level, logger.propagate)
    logger.addHandler(handler)
    logger.setLevel(logging.ERROR if quiet else logging.DEBUG if verbose else logging.INFO)
    logger.propagate = False

    def restore() -> None:  # tests run many commands in one process
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]

    click.get_current_context().call_on_close(restore)


def main() -> None:
    cli()
