"""Consistency checks for the bundled corpora: gold sentence splits, gold alignments, the divergence
table, and the termbase (TBX schema, CSV export, hand-labelled sample).

The gold data is hand-made, so it is checked against the texts it claims to describe: a typo in a
.sents line, an index off by one or a README row that no link supports would silently corrupt every
benchmark built on it. Each check returns a list of problems (empty = fine) so tests can assert on
them and ``main`` can print them all at once.

    python scripts/check_corpus.py              # check everything, exit 1 on problems
    python scripts/check_corpus.py --write-csv  # regenerate corpora/terms/kosovo.csv from the TBX
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from align.errors import InputError
from align.formats.beadfile import read_beads
from align.io.fsutil import atomic_write_text
from align.io.xmlsafe import parse_xml
from align.lang import primary
from align.model import Link

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / "corpora"
TERMS = CORPORA / "terms"
TBX_NS = "{urn:iso:std:iso:30042:ed-2}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CSV_COLUMNS = ("concept", "lang", "term", "framing", "status")
SAMPLE_COLUMNS = ("lang", "sentence", "concept", "surface")
SAMPLE_ROWS = (30, 60)  # rows per language tag in the labelled sample (the held-out floods one: 60-100)
DIVERGENCE_KINDS = {"framing", "number", "name", "omission", "addition", "merge", "split"}
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


# ---- texts and gold sentence splits -------------------------------------------------------------


def check_text(text: str, *, trailing_newline: bool = True) -> list[str]:
    """Plain-text conventions of a bundled version: LF only, no stray spacing, one blank line between
    paragraphs, a final newline (the user's English is bundled byte-identical and may lack it)."""
    problems = []
    if "\r" in text:
        problems.append("CR line ends (expected LF)")
    if "\t" in text:
        problems.append("tab character")
    if trailing_newline and not (text.endswith("\n") and not text.endswith("\n\n")):
        problems.append("does not end with exactly one newline")
    if "\n\n\n" in text:
        problems.append("more than one blank line between paragraphs")
    for no, line in enumerate(text.split("\n"), 1):
        if line != line.strip():
            problems.append(f"line {no}: leading or trailing whitespace")
    return problems


def read_sents(path: Path) -> list[list[str]]:
    """A gold .sents file as paragraphs of sentences (one per line, blank line between paragraphs)."""
    text = path.read_text(encoding="utf-8")
    return [block.split("\n") for block in _PARAGRAPH_BREAK.split(text.strip("\n"))]


def check_sents(text: str, paragraphs: list[list[str]]) -> list[str]:
    """Each sentence is an exact, stripped substring of its paragraph; together, in order, they cover
    every non-whitespace character of the text, and the paragraphs match the text's paragraphs."""
    text_paras = _PARAGRAPH_BREAK.split(text.strip())
    if len(text_paras) != len(paragraphs):
        return [f"{len(paragraphs)} paragraphs in the gold, {len(text_paras)} in the text"]
    problems = []
    n = 0
    for p, (para, sents) in enumerate(zip(text_paras, paragraphs, strict=True)):
        cursor = 0
        for s in sents:
            if not s or s != s.strip():
                problems.append(f"sentence {n}: empty or not stripped: {s!r}")
            found = para.find(s, cursor) if s else -1
            if found < 0:
                problems.append(
                    f"sentence {n}: not found in paragraph {p} after the previous one: {s[:60]!r}"
                )
            else:
                if para[cursor:found].strip():
                    problems.append(f"sentence {n}: text before it is in no sentence: {para[cursor:found]!r}")
                cursor = found + len(s)
            n += 1
        if para[cursor:].strip():
            problems.append(
                f"paragraph {p}: text after its last sentence is in no sentence: {para[cursor:]!r}"
            )
    return problems


def flat(paragraphs: list[list[str]]) -> list[str]:
    return [s for para in paragraphs for s in para]


# ---- gold alignments ------------------------------------------------------------------------------


def check_gold_links(links: list[Link], n_src: int, n_tgt: int) -> list[str]:
    """Every sentence of both sides in exactly one link, indices in range and contiguous within a
    link, links in text order on both sides."""
    problems = []
    for side, n, key in (("source", n_src, "src"), ("target", n_tgt, "tgt")):
        seen = Counter(i for b in links for i in getattr(b, key))
        bad = sorted(i for i in seen if not 0 <= i < n)
        if bad:
            problems.append(f"{side} indices out of range 0..{n - 1}: {bad}")
        twice = sorted(i for i, c in seen.items() if c > 1)
        if twice:
            problems.append(f"{side} sentences in more than one link: {twice}")
        missing = sorted(set(range(n)) - set(seen))
        if missing:
            problems.append(f"{side} sentences in no link: {missing}")
        last = -1
        for no, b in enumerate(links, 1):
            idx = getattr(b, key)
            if not idx:
                continue
            if list(idx) != list(range(idx[0], idx[0] + len(idx))):
                problems.append(f"link {no}: {side} indices not contiguous and ascending: {list(idx)}")
            if idx[0] <= last:
                problems.append(f"link {no}: {side} indices {list(idx)} out of order")
            last = max(last, idx[-1])
    if any(not b.src and not b.tgt for b in links):
        problems.append("link with both sides empty")
    return problems


# ---- divergence table (README of a document set) -----------------------------------------------


@dataclass(frozen=True)
class Divergence:
    pair: str  # e.g. "en-sr"
    en: tuple[int, ...]  # English sentence numbers (empty for an addition)
    other: tuple[int, ...]  # sentence numbers in the other version (empty for an omission)
    kind: str
    what: str


def _numbers(cell: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", cell))


def read_divergences(readme: Path) -> list[Divergence]:
    """Rows of the README table whose header is ``| pair | en | other | kind | what |``."""
    rows: list[Divergence] = []
    in_table = False
    for line in readme.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.lstrip().startswith("|"):
            in_table = False
            continue
        if [c.lower() for c in cells[:4]] == ["pair", "en", "other", "kind"]:
            in_table = True
            continue
        if in_table and not set(line.replace("|", "").strip()) <= set("-: "):
            rows.append(Divergence(cells[0], _numbers(cells[1]), _numbers(cells[2]), cells[3], cells[4]))
    return rows


def digits(text: str) -> list[str]:
    """Digit groups of a text, sorted: equal for "10,000"/"10.000", "9 December"/"9. Dezember"."""
    return sorted(re.findall(r"\d+", text))


def _link_digits(b: Link, en: list[str], other: list[str]) -> tuple[list[str], list[str]]:
    return digits(" ".join(en[i] for i in b.src)), digits(" ".join(other[i] for i in b.tgt))


def _fits(d: Divergence) -> Callable[[Link], bool]:
    """A test for the gold link that bears ``d`` out."""
    if d.kind == "omission":
        return lambda b: b.src == d.en and not b.tgt
    if d.kind == "addition":
        return lambda b: not b.src and b.tgt == d.other
    if d.kind == "merge":
        return lambda b: (b.src, b.tgt) == (d.en, d.other) and len(d.en) > 1 and len(d.other) == 1
    if d.kind == "split":
        return lambda b: (b.src, b.tgt) == (d.en, d.other) and len(d.en) == 1 and len(d.other) > 1
    return lambda b: bool(d.en and d.other) and set(d.en) <= set(b.src) and set(d.other) <= set(b.tgt)


def check_divergences(
    divs: list[Divergence], aligned: dict[str, tuple[list[Link], list[str], list[str]]]
) -> list[str]:
    """Each documented divergence is borne out by the gold (an omission is an ``[i]:[]`` link, a
    merge an n-1 link, ...), and every link whose two sides carry different numbers is documented."""
    problems = []
    for d in divs:
        where = f"divergence {d.pair} en {list(d.en)} / {list(d.other)} ({d.kind})"
        if d.kind not in DIVERGENCE_KINDS:
            problems.append(f"{where}: unknown kind")
            continue
        if d.pair not in aligned:
            problems.append(f"{where}: no gold alignment for {d.pair}")
            continue
        links, en, other = aligned[d.pair]
        link = next((b for b in links if _fits(d)(b)), None)
        if link is None:
            problems.append(f"{where}: no gold link of that shape")
        elif d.kind == "number":
            left, right = _link_digits(link, en, other)
            if left == right:
                problems.append(f"{where}: both sides have the same numbers")
    documented = {(d.pair, d.en) for d in divs if d.kind == "number"}
    for pair, (links, en, other) in aligned.items():
        for b in links:
            if b.src and b.tgt and (pair, b.src) not in documented:
                left, right = _link_digits(b, en, other)
                if left != right:
                    problems.append(
                        f"{pair} link {list(b.src)}:{list(b.tgt)}: numbers {left} vs {right} not documented"
                    )
    return problems


def mixed_script_words(text: str) -> list[str]:
    """Words that mix Latin and Cyrillic letters (look-alike letters typed in the wrong layout)."""
    found = []
    for word in re.findall(r"\w+", text):
        scripts = {unicodedata.name(c).split()[0] for c in word if c.isalpha()}
        if {"LATIN", "CYRILLIC"} <= scripts:
            found.append(word)
    return found


def check_set(set_dir: Path, pivot: str = "en") -> list[str]:
    """All checks of one document set: texts, gold splits, gold links, divergence table."""
    problems: list[str] = []
    gold = set_dir / "gold"
    sents: dict[str, list[str]] = {}
    for txt in sorted(set_dir.glob("*.txt")):
        lang = txt.stem
        try:
            text = txt.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(f"{txt}: not UTF-8 ({exc})")
            continue
        problems += [f"{txt}: {p}" for p in check_text(text, trailing_newline=lang != pivot)]
        sents_path = gold / f"{lang}.sents"
        if not sents_path.exists():
            problems.append(f"{sents_path}: missing")
            continue
        paragraphs = read_sents(sents_path)
        problems += [f"{sents_path}: {p}" for p in check_sents(text, paragraphs)]
        sents[lang] = flat(paragraphs)
    aligned = {}
    for link in sorted(gold.glob(f"{pivot}-*.gold")):
        other = link.stem.split("-", 1)[1]
        try:
            links = read_beads(link)
        except InputError as exc:
            problems.append(str(exc))
            continue
        if pivot not in sents or other not in sents:
            problems.append(f"{link}: no gold sentences for {pivot} or {other}")
            continue
        problems += [f"{link}: {p}" for p in check_gold_links(links, len(sents[pivot]), len(sents[other]))]
        aligned[f"{pivot}-{other}"] = (links, sents[pivot], sents[other])
    readme = set_dir / "README.md"
    if readme.exists():
        problems += [f"{readme}: {p}" for p in check_divergences(read_divergences(readme), aligned)]
    return problems


# ---- termbase -------------------------------------------------------------------------------------


def _note(el, kind: str) -> str:
    found = el.find(f"{TBX_NS}termNote[@type='{kind}']")
    return "" if found is None else "".join(found.itertext()).strip()


def tbx_rows(path: Path) -> list[dict[str, str]]:
    """The termbase as glossary rows, in TBX order: framing '' when unlabelled (= neutral), status
    the administrativeStatus without its TBX suffix ('deprecated', 'superseded', ...) or ''."""
    rows = []
    for entry in parse_xml(path).getroot().iter(f"{TBX_NS}conceptEntry"):
        for lang_sec in entry.iter(f"{TBX_NS}langSec"):
            for term_sec in lang_sec.iter(f"{TBX_NS}termSec"):
                term = term_sec.find(f"{TBX_NS}term")
                status = (
                    _note(term_sec, "administrativeStatus").removesuffix("-admn-sts").removesuffix("Term")
                )
                rows.append(
                    {
                        "concept": entry.get("id", ""),
                        "lang": lang_sec.get(XML_LANG, ""),
                        "term": "" if term is None else " ".join("".join(term.itertext()).split()),
                        "framing": _note(term_sec, "framing"),
                        "status": status,
                    }
                )
    return rows


def glossary_csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def check_glossary(tbx: Path, glossary: Path) -> list[str]:
    """The CSV glossary says exactly what the TBX says (regenerate it with --write-csv)."""
    with glossary.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if tuple(reader.fieldnames or ()) != CSV_COLUMNS:
            return [f"{glossary}: columns {reader.fieldnames}, expected {list(CSV_COLUMNS)}"]
        have = list(reader)
    want = tbx_rows(tbx)
    problems = []
    for no, (h, w) in enumerate(zip(have, want, strict=False), 2):
        if h != w:
            problems.append(f"{glossary}: line {no}: {h} but the TBX has {w}")
    if len(have) != len(want):
        problems.append(f"{glossary}: {len(have)} terms, the TBX has {len(want)}")
    return problems


def check_tbx_schema(tbx: Path, rng: Path) -> list[str]:
    from lxml import etree

    schema = etree.RelaxNG(etree.parse(str(rng)))
    if schema.validate(parse_xml(tbx)):
        return []
    return [f"{tbx}: line {e.line}: {e.message}" for e in schema.error_log]


def term_rows(path: Path) -> list[dict[str, str]]:
    """Glossary rows of a TBX file or of a long-layout CSV glossary."""
    if path.suffix == ".tbx":
        return tbx_rows(path)
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def check_sample(sample: Path, termbase: Path, rows_per_lang: tuple[int, int] = SAMPLE_ROWS) -> list[str]:
    """A labelled sample: known concepts with terms in the row's language, surfaces that occur in
    their sentence (as often as they are labelled), term-free sentences marked once, a number of rows
    per language tag within ``rows_per_lang``, and Serbian sentences in the script their tag names."""
    terms = {(r["concept"], primary(r["lang"])) for r in term_rows(termbase)}
    with sample.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        if tuple(reader.fieldnames or ()) != SAMPLE_COLUMNS:
            return [f"{sample}: columns {reader.fieldnames}, expected {list(SAMPLE_COLUMNS)}"]
        rows = list(reader)
    problems = []
    labels: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for no, r in enumerate(rows, 2):
        where = f"{sample}: line {no}"
        lang, sentence, concept, surface = (r[c] or "" for c in SAMPLE_COLUMNS)
        if bool(concept) != bool(surface):
            problems.append(f"{where}: concept and surface must both be given or both be empty")
        if concept and (concept, primary(lang)) not in terms:
            problems.append(f"{where}: the termbase has no {lang} terms for concept {concept!r}")
        if surface and surface != surface.strip():
            problems.append(f"{where}: surface {surface!r} has surrounding whitespace")
        script = {"sr-Cyrl": "CYRILLIC", "sr-Latn": "LATIN"}.get(lang)
        if script and sum(
            unicodedata.name(c).startswith(script) for c in sentence if c.isalpha()
        ) < 0.9 * sum(c.isalpha() for c in sentence):
            problems.append(f"{where}: {lang} sentence is not in that script")
        labels.setdefault((lang, sentence), []).append((concept, surface))
    for (lang, sentence), pairs in labels.items():
        if ("", "") in pairs and len(pairs) > 1:
            problems.append(f"{sample}: {lang} sentence marked term-free and labelled: {sentence[:50]!r}")
        for surface, count in Counter(s for _, s in pairs if s).items():
            if sentence.count(surface) < count:
                occurs = sentence.count(surface)
                problems.append(
                    f"{sample}: {surface!r} labelled {count}x, occurs {occurs}x in {sentence[:50]!r}"
                )
    low, high = rows_per_lang
    for lang, count in Counter(r["lang"] for r in rows).items():
        if not low <= count <= high:
            problems.append(f"{sample}: {count} rows for {lang}, expected {low}-{high}")
    return problems


# ---- everything -----------------------------------------------------------------------------------


def check_all(corpora: Path = CORPORA, schema: Path | None = None) -> list[str]:
    problems = []
    for set_dir in sorted(p for p in corpora.iterdir() if (p / "gold").is_dir()):
        problems += check_set(set_dir)
    tbx = corpora / "terms" / "kosovo.tbx"
    problems += check_glossary(tbx, tbx.with_suffix(".csv"))
    problems += check_sample(corpora / "terms" / "sample-labelled.tsv", tbx)
    problems += check_sample(
        corpora / "terms" / "floods-labelled.tsv", corpora / "terms" / "floods.csv", (60, 100)
    )
    if schema is not None:
        problems += check_tbx_schema(tbx, schema)
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write-csv", action="store_true", help="regenerate the CSV glossary from the TBX")
    ap.add_argument(
        "--schema", type=Path, default=REPO.parent / "shared" / "schema" / "tbx" / "TBXcoreStructV03.rng"
    )
    args = ap.parse_args(argv)
    tbx = TERMS / "kosovo.tbx"
    if args.write_csv:
        atomic_write_text(tbx.with_suffix(".csv"), glossary_csv(tbx_rows(tbx)))
    problems = check_all(CORPORA, args.schema if args.schema.exists() else None)
    for p in problems:
        print(p)
    if not args.schema.exists():
        print(f"(TBX schema check skipped: {args.schema} not found)")
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
