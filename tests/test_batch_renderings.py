"""Term renderings over a batch: counted over every set, a rendering unusual for the batch marked, in
the overview page and as JSON (``align report FOLDER``; ``align batch --terms`` the same way)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from chromium import headless
from framing_article import framing_set

from align import tei
from align.report.batch_renderings import FILE, batch_renderings
from align.report.files import ReportSettings, report_folder
from align.report.overview import render_overview


def _record(term: str, versions: dict[str, dict[str, int]], name: bool = False) -> dict:
    count = max(sum(by.values()) for by in versions.values())
    return {
        "term": term,
        "count": count,
        "name": name,
        "versions": {
            lang: [{"rendering": r, "count": n} for r, n in by.items()] for lang, by in versions.items()
        },
    }


def _batch() -> list[tuple[str, list[dict]]]:
    """Five articles: "border" is "granica" in four of them and once "administrativna linija"; the
    name "Kosovo" is spelt two ways; "truce" occurs in one set only."""
    sets = []
    for k in range(5):
        sr = {"granica": 3} if k != 4 else {"granica": 2, "administrativna linija": 1}
        records = [
            _record("border", {"sr": sr, "de": {"grenze": 3}}),
            _record("kosovo", {"sr": {"kosovo": 2} if k else {"kosova": 1}}, name=True),
        ]
        if k == 0:
            records.append(_record("truce", {"sr": {"primirje": 2}}))
        sets.append((f"a{k}", records))
    return sets


def test_a_rendering_unusual_for_the_batch_is_marked():
    terms = {t.term: t for t in batch_renderings(_batch())}
    assert set(terms) == {"border", "kosovo"}  # "truce": one set only
    border = terms["border"]
    assert (border.count, border.sets) == (15, ("a0", "a1", "a2", "a3", "a4"))
    sr = {r.text: r for r in border.versions["sr"]}
    assert (sr["granica"].count, len(sr["granica"].sets), sr["granica"].unusual) == (14, 5, False)
    assert (sr["administrativna linija"].sets, sr["administrativna linija"].unusual) == (("a4",), True)
    assert [r.unusual for r in border.versions["de"]] == [False]
    # a name's other spelling is the name check's to judge, not marked here
    assert not any(r.unusual for r in terms["kosovo"].versions["sr"])


def test_a_rendering_is_unusual_only_against_one_held_by_several_sets():
    two = [(s, records) for s, records in _batch() if s in ("a3", "a4")]
    border = next(t for t in batch_renderings(two) if t.term == "border")
    assert not any(r.unusual for r in border.versions["sr"])  # "granica" in two sets: too few to judge


def test_report_folder_writes_the_batch_renderings_in_the_overview_and_as_json(tmp_path):
    sets = tmp_path / "sets"
    sets.mkdir()
    for name, planted in (("faithful", False), ("planted", True)):
        docset = replace(framing_set(planted=planted), id=name)
        (sets / f"{name}.tei.xml").write_bytes(tei.to_bytes(docset, timestamp=False))
    out = tmp_path / "reports"
    out.mkdir()
    report_folder(sets, out, ReportSettings(fmt="json"))
    data = json.loads((out / FILE).read_text(encoding="utf-8"))
    border = next(t for t in data if t["term"] == "border")
    assert border["sets"] == ["faithful", "planted"] and border["count"] == 8
    assert border["versions"]["sq"][0] == {
        "rendering": "kufi",
        "count": 7,
        "sets": ["faithful", "planted"],
        "unusual": False,
    }
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<section id="renderings"><h2>Renderings across the batch</h2>' in index
    assert '<span class="r" title="faithful, planted">kufi <b>×7</b> (2 sets)</span>' in index


@pytest.mark.parametrize("width", [1400, 800])
def test_the_batch_renderings_read_within_the_window(tmp_path, width):
    page = tmp_path / "index.html"
    page.write_text(render_overview([], "Batch", batch_renderings(_batch())), encoding="utf-8")
    for browser in headless(width, 900):
        browser.get(page.as_uri())
        script = browser.execute_script
        box = script("return document.querySelector('table.renderings').getBoundingClientRect().toJSON()")
        assert box["height"] > 0 and box["left"] >= 0 and box["right"] <= script("return window.innerWidth")
        marked = script(
            "return [...document.querySelectorAll('table.renderings .unusual')].map(e => e.title)"
        )
        assert marked == ["a4"]
        fits = script(
            "return [...document.querySelectorAll('table.renderings td')]"
            ".every(td => td.scrollWidth <= td.clientWidth)"
        )
        assert fits


def test_a_batch_with_terms_keeps_each_sets_renderings_and_counts_them_over_the_batch(tmp_path):
    """``align batch --terms``: each set's renderings go into its journal record, the overview and
    renderings.json count them over the sets."""
    from click.testing import CliRunner
    from framing_article import DE, EN, PLANTED, SQ

    from align.cli import cli

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rows = ["id,en,de,sq"]
    for k in range(3):
        sq = [PLANTED.get(i, s) if k == 2 else s for i, s in enumerate(SQ)]
        for lang, lines in (("en", EN), ("de", DE), ("sq", sq)):
            (corpus / f"{lang}{k}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        rows.append(f"a{k},en{k}.txt,de{k}.txt,sq{k}.txt")
    (corpus / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    glossary = tmp_path / "terms.csv"
    glossary.write_text("concept,lang,term\nc,en,Brussels\nc,de,Brüssel\nc,sq,Bruksel\n", encoding="utf-8")
    out = tmp_path / "out"
    args = [
        "batch",
        corpus / "manifest.csv",
        "--out",
        out,
        "--method",
        "fast",
        "--no-cache",
        "--terms",
        glossary,
    ]
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    border = next(t for t in json.loads((out / FILE).read_text(encoding="utf-8")) if t["term"] == "border")
    assert border["sets"] == ["a0", "a1", "a2"]
    assert border["versions"]["de"] == [
        {"rendering": "grenze", "count": 12, "sets": ["a0", "a1", "a2"], "unusual": False}
    ]
    assert "Renderings across the batch" in (out / "index.html").read_text(encoding="utf-8")
