"""The divergence checkers, one module per family of finding kinds (see :mod:`align.report.base`)."""

from __future__ import annotations

from ...model import DocumentSet
from ..base import Checker, ReportOptions
from .links import ConfidenceChecker, GapChecker, LengthChecker
from .names import NameChecker
from .numbers import NumberChecker
from .omissions import ContrastChecker, embedder
from .terms import TermChecker


def checkers(
    options: ReportOptions, concept_labels: dict[str, str] | None, docset: DocumentSet
) -> list[Checker]:
    """The checkers that can produce one of ``options.kinds``; term checks only with a termbase."""
    candidates: list[Checker] = [
        GapChecker(),
        ConfidenceChecker(options.min_confidence),
        LengthChecker(options.length_ratio),
        NumberChecker(),
        NameChecker(docset),
    ]
    if options.kinds.intersection(ContrastChecker.kinds):
        candidates.append(ContrastChecker(embedder(options.cache_dir), options.omission, options.kinds))
    if concept_labels is not None:
        candidates.insert(0, TermChecker(concept_labels))
    return [c for c in candidates if options.kinds.intersection(c.kinds)]
