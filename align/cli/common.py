"""Options shared by the commands that align (run, pair, batch), so they read and mean the same."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Any

import click

from ..config import MAX_SIDE_LIMIT, METHODS, MIN_CONFIDENCE, AlignOptions

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


def min_confidence_option(help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--min-confidence`` as report and review read it: the report's threshold for low-confidence."""
    return click.option(
        "--min-confidence", type=click.FloatRange(0, 1), default=MIN_CONFIDENCE, show_default=True, help=help
    )
