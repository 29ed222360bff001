"""Silencing known false alarms: an ignore file lists findings a reviewer has accepted.

Two forms, told apart by the first character:

* text, one entry a line; ``#`` starts a comment (also after an entry), blank lines are skipped::

      # fingerprints, as shown in every output (JSON, CSV, HTML, Markdown)
      3f2a9c1b0d4e   # Peskov: "he said" in English, named in the translation
      # rules: PAIR KIND SENTENCE_ID, where * matches anything
      en-sr-Cyrl number en.s34
      * length *

  A rule silences the findings of that pair and kind that involve that sentence (either side);

* JSON: a list of fingerprints, a list of findings (objects with a ``fingerprint``), or a whole
  ``--format json`` report, so yesterday's report can serve as a baseline: only new findings show.

Entries that silence nothing are reported as warnings (the text changed, or the entry is stale).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, clip, warn
from ..io.reader import decode_text, read_bytes
from ..model import Finding
from .checks import KINDS
from .findings import fingerprint

_FINGERPRINT = re.compile(r"[0-9a-f]{12}")
WILDCARD = "*"


@dataclass(frozen=True)
class Rule:
    pair: str
    kind: str
    sentence: str
    where: str  # "line 3", for warnings

    def matches(self, finding: Finding) -> bool:
        return (
            self.pair in (WILDCARD, finding.pair)
            and self.kind in (WILDCARD, finding.kind)
            and (self.sentence == WILDCARD or self.sentence in finding.src_ids + finding.tgt_ids)
        )


@dataclass
class IgnoreList:
    source: str
    fingerprints: dict[str, str]  # fingerprint -> where it was given
    rules: list[Rule]

    def split(self, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(kept, ignored), order kept; warns about entries that silenced nothing."""
        kept, ignored = [], []
        used_prints: set[str] = set()
        used_rules: set[Rule] = set()
        for finding in findings:
            fp = fingerprint(finding)
            rules = [r for r in self.rules if r.matches(finding)]
            if fp in self.fingerprints or rules:
                ignored.append(finding)
                used_prints.add(fp)
                used_rules.update(rules)
            else:
                kept.append(finding)
        for fp, where in self.fingerprints.items():
            if fp not in used_prints:
                warn(
                    f"{where}: fingerprint {fp} matches no finding (the text changed, or it is stale)",
                    self.source,
                )
        for rule in self.rules:
            if rule not in used_rules:
                warn(
                    f"{rule.where}: rule '{rule.pair} {rule.kind} {rule.sentence}' matches no finding",
                    self.source,
                )
        return kept, ignored


def load_ignore(path: str | Path) -> IgnoreList:
    data = read_bytes(path)
    if not data.strip():
        return IgnoreList(str(path), {}, [])  # a project's ignore file starts empty
    text = decode_text(data, path)
    if text.lstrip().startswith(("[", "{")):
        return IgnoreList(str(path), _json_fingerprints(text, path), [])
    fingerprints: dict[str, str] = {}
    rules: list[Rule] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        fields = line.split("#", 1)[0].split()
        where = f"line {lineno}"
        if len(fields) == 1 and _FINGERPRINT.fullmatch(fields[0].lower()):
            fingerprints.setdefault(fields[0].lower(), where)
        elif len(fields) == 3:
            pair, kind, sentence = fields
            if kind != WILDCARD and kind not in KINDS:
                raise InputError(f"{where}: unknown kind {clip(kind)} (kinds: {', '.join(KINDS)})", path)
            rules.append(Rule(pair, kind, sentence, where))
        elif fields:
            expected = "a 12-digit fingerprint or 'PAIR KIND SENTENCE_ID'"
            raise InputError(f"{where}: expected {expected}, not {clip(line.strip()[:60])}", path)
    return IgnoreList(str(path), fingerprints, rules)


def _json_fingerprints(text: str, path: str | Path) -> dict[str, str]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg} (line {exc.lineno})", path) from None
    if isinstance(data, dict):
        data = data.get("findings")
    if not isinstance(data, list):
        raise InputError(
            "JSON ignore file must be a list of fingerprints or findings, or a JSON report", path
        )
    out: dict[str, str] = {}
    for k, item in enumerate(data, 1):
        fp = item.get("fingerprint") if isinstance(item, dict) else item
        if not isinstance(fp, str) or not _FINGERPRINT.fullmatch(fp.lower()):
            raise InputError(f"entry {k}: no 12-digit fingerprint", path)
        out.setdefault(fp.lower(), f"entry {k}")
    return out
