"""The divergence checkers, one module per family of finding kinds (see :mod:`align.report.base`).

``CHECKERS`` is the registry: every checker class, in the report order of its kinds, added by
:func:`register` (the built-in ones below; a new checker is one more name in that tuple). ``KINDS``
(kind -> description) follows it, and everything else that lists kinds reads ``KINDS``: the report
order, ``--kinds``/``--fail-on``/ignore files, summaries, the TEI taxonomy, ``report --help``.
"""

from __future__ import annotations

from ...model import DocumentSet
from ..base import BuiltLinks, CheckContext, Checker, ReportOptions
from .consensus import ConsensusChecker
from .links import ConfidenceChecker, GapChecker, LengthChecker
from .names import NameChecker
from .numbers import NumberChecker
from .omissions import ContrastChecker
from .renderings import RenderingChecker
from .terms import TermChecker

CHECKERS: list[type[Checker]] = []  # in the report order of their kinds
KINDS: dict[str, str] = {}  # kind -> description, in report order; filled by register()
OPT_IN: set[str] = set()  # kinds reported only when asked for (their checker's ``opt_in``)


def register(cls: type[Checker]) -> type[Checker]:
    """Register a checker class and its new kinds (after those registered before); returns the class.

    A checker may also produce a kind another one registered (omissions come from 1-0 links and from
    inside merged links): it gives that kind an empty description, and the first one stands."""
    for kind, description in cls.kinds.items():
        if description and KINDS.get(kind, description) != description:
            raise ValueError(f"finding kind {kind!r} is registered already ({cls.__name__})")
        if not (description or kind in KINDS):
            raise ValueError(f"{cls.__name__} gives the new kind {kind!r} no description")
    CHECKERS.append(cls)
    for kind, description in cls.kinds.items():
        KINDS.setdefault(kind, description)
    OPT_IN.update(cls.opt_in)
    return cls


def default_kinds() -> frozenset[str]:
    """The kinds a report gives when none are named: all but the opt-in ones."""
    return frozenset(KINDS) - OPT_IN


for _checker in (
    TermChecker,
    NumberChecker,
    NameChecker,
    GapChecker,
    ContrastChecker,
    ConsensusChecker,
    RenderingChecker,
    ConfidenceChecker,
    LengthChecker,
):
    register(_checker)


def checkers(
    options: ReportOptions,
    concept_labels: dict[str, str] | None,
    docset: DocumentSet,
    renderings: object = None,
    built: BuiltLinks | None = None,
) -> list[Checker]:
    """The checkers that can produce one of ``options.kinds``; term checks only with a termbase;
    ``renderings``: the set's term renderings, and ``built`` the pivot links behind them (see
    :func:`pivot_links`), when computed already."""
    context = CheckContext(options, docset, concept_labels, renderings, {} if built is None else built)
    return [
        cls.create(context)
        for cls in CHECKERS
        if options.kinds.intersection(cls.kinds) and (concept_labels is not None or not cls.needs_terms)
    ]
