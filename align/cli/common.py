"""Options shared by the commands that align (run, pair, batch), so they read and mean the same."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Any

import click

from ..config import MAX_SIDE_LIMIT, METHODS, MIN_CERT, AlignOptions

DEFAULTS = AlignOptions()


def alignment_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add --method/--max-side/--presplit/--threads/--cache-dir/--no-cache and pass ``options``."""

    @click.option(
        "--method",
        type=click.Choice(METHODS),
        default=DEFAULTS.method,
        show_default=True,
        help="embed: multilingual sentence embeddings + length + anchors (accurate). "
        "fast: no embeddings (length, numbers, shared words and names); for huge corpora.",
    )
    @click.option(
        "--max-side",
        type=click.IntRange(1, MAX_SIDE_LIMIT),
        default=DEFAULTS.max_side,
        show_default=True,
        help="Most sentences on one side of a link (1-4, 4-1, ...).",
    )
    @click.option(
        "--presplit",
        is_flag=True,
        help="Inputs hold one sentence per line (a blank line ends a paragraph).",
    )
    @click.option(
        "--threads",
        type=click.IntRange(1, 64),
        default=min(4, os.cpu_count() or 1),
        show_default="cores, at most 4",
        help="Embedding threads.",
    )
    @click.option(
        "--cache-dir",
        type=click.Path(file_okay=False),
        default=None,
        help="Embedding cache folder [default: $ALIGN_CACHE_DIR or ~/.cache/align].",
    )
    @click.option("--no-cache", is_flag=True, help="Do not read or write the embedding cache.")
    @functools.wraps(func)
    def wrapper(
        *args: Any,
        method: str,
        max_side: int,
        presplit: bool,
        threads: int,
        cache_dir: str | None,
        no_cache: bool,
        **kwargs: Any,
    ) -> Any:
        options = AlignOptions(
            method=method,
            max_side=max_side,
            presplit=presplit,
            threads=threads,
            cache_dir="" if no_cache else cache_dir,
        )
        return func(*args, options=options, **kwargs)

    return wrapper


class RenamedOption(click.Option):
    """An option with its former names still accepted for one release, but left out of ``--help``
    (``old``: those names; the CHANGELOG lists them)."""

    def __init__(self, *args: Any, old: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.old = old

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        opts, secondary = self.opts, self.secondary_opts
        self.opts = [o for o in opts if o not in self.old]
        self.secondary_opts = [o for o in secondary if o not in self.old]
        try:
            return super().get_help_record(ctx)
        finally:
            self.opts, self.secondary_opts = opts, secondary


def min_cert_option(help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--min-cert`` as report and review read it: the threshold of the low-confidence kind."""
    return click.option(
        "--min-cert",
        "--min-confidence",
        "min_cert",
        cls=RenamedOption,
        old=("--min-confidence",),
        type=click.FloatRange(0, 1),
        default=MIN_CERT,
        show_default=True,
        help=help,
    )
