"""Term renderings over a whole batch: each pivot term's renderings in each version counted over all
sets, so that a rendering unusual for the batch stands out ("административна" in one article where
every other article says "граница").

Input is each set's renderings as its report's JSON holds them (:func:`.renderings.term_records`):
a batch keeps them in its journal, ``align report FOLDER`` gets them from each report. A rendering is
**unusual** when it occurs in one set only, makes up at most RARE of the version's renderings of the
term over the batch, and the version's most frequent rendering of the term is held by at least
USUAL_SETS sets (names are kept apart: a name's renderings are spellings, which the name check
judges). Thresholds set on reasoning only (no batch with labels exists yet); see scripts/README.md.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

RARE = 0.1  # share of a version's renderings of a term at most, for one to be unusual
USUAL_SETS = (
    3  # sets holding the version's most frequent rendering of a term, for an unusual one to stand out
)
MIN_SETS = 2  # sets a term occurs in, for the batch table to show it
SHOWN = 40  # terms in the batch table (most sets first)
FILE = "renderings.json"  # the batch's table as JSON, beside the overview page


@dataclass(frozen=True)
class BatchRendering:
    text: str
    count: int  # occurrences over the batch
    sets: tuple[str, ...]  # the sets it occurs in
    unusual: bool


@dataclass(frozen=True)
class BatchTerm:
    term: str
    name: bool
    count: int  # occurrences in the pivot over the batch
    sets: tuple[str, ...]  # the sets the term is followed in
    versions: Mapping[str, tuple[BatchRendering, ...]]  # most frequent first


def batch_renderings(per_set: Sequence[tuple[str, Sequence[Mapping[str, Any]]]]) -> list[BatchTerm]:
    """The terms followed in at least MIN_SETS sets (set id, its term records), most sets first, at
    most SHOWN, with their renderings counted over the batch."""
    counts: dict[str, int] = defaultdict(int)
    names: dict[str, bool] = {}
    sets: dict[str, list[str]] = defaultdict(list)
    found: dict[str, dict[str, dict[str, list[tuple[str, int]]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for set_id, records in per_set:
        for record in records:
            term = record["term"]
            counts[term] += record["count"]
            names[term] = names.get(term, True) and bool(record["name"])
            sets[term].append(set_id)
            for lang, renderings in record["versions"].items():
                for r in renderings:
                    found[term][lang][r["rendering"]].append((set_id, r["count"]))
    shown = sorted(
        (t for t in sets if len(sets[t]) >= MIN_SETS), key=lambda t: (-len(sets[t]), -counts[t], t)
    )
    return [
        BatchTerm(
            t,
            names[t],
            counts[t],
            tuple(sets[t]),
            {lang: _ranked(by, names[t]) for lang, by in found[t].items()},
        )
        for t in shown[:SHOWN]
    ]


def _ranked(by_rendering: Mapping[str, list[tuple[str, int]]], name: bool) -> tuple[BatchRendering, ...]:
    totals = {text: sum(n for _, n in held) for text, held in by_rendering.items()}
    ranked = sorted(totals, key=lambda text: (-totals[text], text))
    usual_sets = len(by_rendering[ranked[0]]) if ranked else 0
    rare = RARE * sum(totals.values())
    out = []
    for k, text in enumerate(ranked):
        held = by_rendering[text]
        unusual = not name and k > 0 and len(held) == 1 and totals[text] <= rare and usual_sets >= USUAL_SETS
        out.append(BatchRendering(text, totals[text], tuple(s for s, _ in held), unusual))
    return tuple(out)


def batch_json(terms: Sequence[BatchTerm]) -> str:
    """The batch table as JSON (written as FILE)."""
    data = [
        {
            "term": t.term,
            "name": t.name,
            "count": t.count,
            "sets": list(t.sets),
            "versions": {
                lang: [
                    {"rendering": r.text, "count": r.count, "sets": list(r.sets), "unusual": r.unusual}
                    for r in found
                ]
                for lang, found in t.versions.items()
            },
        }
        for t in terms
    ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
