"""The ``align`` command line: a thin layer over the library.

Commands live in their own modules and are imported only when called, so ``align --help`` and
light commands start fast. Every :class:`~align.errors.InputError` (and an output that cannot be
written, or memory running out) becomes one line on stderr and exit status 1; a usage error (unknown
option, missing argument) is one line too, with exit status 2 (click's and POSIX's convention), so a
script can tell a bad command line from bad input; Ctrl-C exits 130 and SIGTERM 143, both after the
same clean-up (temporary files removed, batch workers stopped). ``-q``/``-v`` work before and after
the subcommand.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import signal
import sys
import threading

import click

from .. import __version__
from ..errors import InputError, Terminated

# command name -> "module:function" (module relative to align.cli)
COMMANDS: dict[str, str] = {
    "run": "run:run",
    "segment": "run:segment",
    "pair": "run:pair",
    "eval": "evaluate:eval_cmd",
    "validate": "tei:validate",
    "report": "report:report",
    "batch": "batch:batch",
    "export": "export:export",
    "import": "interchange:import_cmd",
    "review": "review:review",
    "words": "words:words",
}


class _StderrFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        if record.levelno == logging.INFO:  # progress
            return f"align: {record.getMessage()}"
        return f"align: {record.levelname.lower()}: {record.getMessage()}"


def _usage_error(exc: click.UsageError) -> click.exceptions.Exit:
    """click's three-line usage message as one line: ``align: error: pair: no such option: -x (...)``."""
    ctx = exc.ctx
    where = f"{ctx.info_name}: " if ctx is not None and ctx.parent is not None else ""
    message = exc.format_message().rstrip(".")
    hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
    click.echo(f"align: error: {where}{message[:1].lower()}{message[1:]}{hint}", err=True)
    return click.exceptions.Exit(exc.exit_code)


def _set_level(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """-q / -v given after the subcommand: they override what the group set up."""
    if value:
        logging.getLogger("align").setLevel(logging.ERROR if param.name == "quiet" else logging.DEBUG)


VERBOSITY = (
    click.Option(["-q", "--quiet"], is_flag=True, help="Only print errors.", expose_value=False,
                 callback=_set_level),
    click.Option(["-v", "--verbose"], is_flag=True, help="Print debugging detail.", expose_value=False,
                 callback=_set_level),
)  # fmt: skip


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attr = target.split(":")
        command = getattr(importlib.import_module(f"align.cli.{module}"), attr)
        if not any(p.name == "quiet" for p in command.params):
            command.params.extend(VERBOSITY)
        return command

    def make_context(self, info_name, args, parent=None, **extra) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as exc:
            raise _usage_error(exc) from None

    def invoke(self, ctx: click.Context):
        try:
            with _sigterm_raises():
                return super().invoke(ctx)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as exc:
            raise _usage_error(exc) from None
        except InputError as exc:
            click.echo(f"align: error: {exc}", err=True)
            ctx.exit(1)
        except OSError as exc:  # outside what a command expects (its own files are InputError)
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"align: error: {where}{exc.strerror or exc}", err=True)
            ctx.exit(1)
        except MemoryError:
            click.echo("align: error: out of memory (a smaller input, or fewer --jobs, may fit)", err=True)
            ctx.exit(1)
        except ImportError as exc:  # a library that cannot be mapped under a memory limit, or not installed
            lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
            what = exc.name or "a library"
            click.echo(
                f"align: error: cannot load {what}: {lines[-1] if lines else type(exc).__name__}", err=True
            )
            ctx.exit(1)
        except Terminated:
            click.echo("align: terminated", err=True)
            ctx.exit(128 + signal.SIGTERM)
        except KeyboardInterrupt:
            click.echo("align: interrupted", err=True)
            ctx.exit(130)


@contextlib.contextmanager
def _sigterm_raises():
    """SIGTERM unwinds like Ctrl-C (temporaries removed, workers stopped) instead of killing outright."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        raise Terminated

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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
    cli(prog_name="align")
