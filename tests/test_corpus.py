"""The bundled corpus, its gold standard and the termbase are consistent; the checks that say so catch
the mistakes hand-made gold data is prone to (typos, off-by-one indices, stale exports)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

from align.model import Link

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("check_corpus", REPO / "scripts" / "check_corpus.py")
assert _spec is not None and _spec.loader is not None
cc = importlib.util.module_from_spec(_spec)
sys.modules["check_corpus"] = cc  # dataclasses look their module up while the class is built
_spec.loader.exec_module(cc)


@pytest.fixture(scope="module")
def set_dir(corpora_dir: Path) -> Path:
    return corpora_dir / "kosovo-barricades"


@pytest.fixture(scope="module")
def tbx(corpora_dir: Path) -> Path:
    return corpora_dir / "terms" / "kosovo.tbx"


def _sents(set_dir: Path, lang: str) -> list[str]:
    return cc.flat(cc.read_sents(set_dir / "gold" / f"{lang}.sents"))


# ---- the bundled data ---------------------------------------------------------------------------


def test_bundled_set_passes_all_checks(set_dir):
    assert cc.check_set(set_dir) == []


def test_english_is_the_users_article_unchanged(set_dir, shared_dir):
    assert (set_dir / "en.txt").read_bytes() == (
        shared_dir / "seed" / "kosovo-barricades.en.txt"
    ).read_bytes()


def test_gold_shape_matches_the_documented_edits(set_dir):
    # Counts and links checked by hand against the texts (see the set's README).
    assert [len(_sents(set_dir, lang)) for lang in ("en", "de", "sr", "sq")] == [39, 39, 38, 39]
    gold = {pair: cc.read_beads(set_dir / "gold" / f"{pair}.gold") for pair in ("en-de", "en-sr", "en-sq")}
    assert Link((1,), (1, 2), status="manual") in gold["en-de"]
    assert Link((28, 29), (29,), status="manual") in gold["en-de"]
    assert Link((31,), (), status="manual") in gold["en-sr"]
    assert Link((), (10,), status="manual") in gold["en-sr"]
    assert Link((25,), (), status="manual") in gold["en-sq"]
    assert Link((10, 11), (12,), status="manual") in gold["en-sq"]
    # The German is the faithful version: everything else is one-to-one.
    assert sum(b.kind == "1-1" for b in gold["en-de"]) == 39 - 3


@pytest.mark.parametrize(
    ("lang", "trap"),
    [
        ("de", "am 10. Dezember Straßensperren"),
        ("de", "u. a. mit Schusswaffen"),
        ("sr", "тзв. Косовске полиције"),
        ("sr", "РОСУ итд. и да"),
        ("sr", "2008. године једнострано"),
        ("sr", "нпр. да нико"),
        ("sq", "p.sh. në Zveçan"),
    ],
)
def test_segmentation_traps_sit_inside_one_gold_sentence(set_dir, lang, trap):
    assert sum(trap in s for s in _sents(set_dir, lang)) == 1


def test_sentence_final_abbreviation_ends_its_sentence(set_dir):
    sq = _sents(set_dir, "sq")
    assert sq[30].endswith("Francën etj.")
    assert sq[31].startswith("Beogradi i inkurajon")


def test_multi_sentence_quotation_is_split_with_marks_kept(set_dir):
    en = _sents(set_dir, "en")
    assert en[14] == "“What’s in it for us if the barricades remain?"
    assert en[15].startswith("I can tell you five hundred things") and "removed,”" in en[15]


def test_only_documented_look_alike_letters(set_dir):
    found = {
        lang: cc.mixed_script_words((set_dir / f"{lang}.txt").read_text("utf-8"))
        for lang in ("en", "de", "sr", "sq")
    }
    assert found == {"en": [], "de": [], "sr": ["Кoсова", "Кфорa"], "sq": []}
    assert found["sr"][0][1] == "\u006f" and found["sr"][1][-1] == "\u0061"


def test_planted_numbers_differ_and_the_rest_agree(set_dir):
    en, sr, sq = _sents(set_dir, "en"), _sents(set_dir, "sr"), _sents(set_dir, "sq")
    assert "24 to 48 hours" in en[33] and "24 до 36 сати" in sr[33]
    assert "in 2008" in en[30] and "më 17 shkurt 2008" in sq[29]
    assert cc.digits(en[35]) == cc.digits(sq[35]) == ["2008"]


# ---- the checks catch mistakes ------------------------------------------------------------------


def test_check_sents_accepts_exact_cover():
    text = "Am 9. Dezember kam er. Dann ging er.\n\nEnde.\n"
    assert cc.check_sents(text, [["Am 9. Dezember kam er.", "Dann ging er."], ["Ende."]]) == []


@pytest.mark.parametrize(
    ("paragraphs", "message"),
    [
        ([["Am 9. Dezember kam er.", "Dann gin er."], ["Ende."]], "not found"),
        ([["Am 9. Dezember kam er."], ["Ende."]], "in no sentence"),
        ([["Dann ging er.", "Am 9. Dezember kam er."], ["Ende."]], "not found"),
        ([["Am 9. Dezember kam er.", "Dann ging er.", "Ende."]], "paragraphs"),
        ([["Am 9. Dezember kam er. ", "Dann ging er."], ["Ende."]], "not stripped"),
    ],
)
def test_check_sents_reports_typos_gaps_order_and_paragraphs(paragraphs, message):
    problems = cc.check_sents("Am 9. Dezember kam er. Dann ging er.\n\nEnde.\n", paragraphs)
    assert any(message in p for p in problems), problems


def test_check_text_conventions():
    assert cc.check_text("Eins.\n\nZwei.\n") == []
    assert cc.check_text("Eins.", trailing_newline=False) == []
    assert cc.check_text("Eins.\r\n") != []
    assert cc.check_text("Eins.\n\n\nZwei.\n") != []
    assert cc.check_text("Eins. \n") != []
    assert cc.check_text("Eins.") != []


def test_check_links_accepts_full_ordered_cover():
    links = [Link((0,), (0, 1)), Link((1,), ()), Link((), (2,)), Link((2, 3), (3,))]
    assert cc.check_gold_links(links, 4, 4) == []


@pytest.mark.parametrize(
    ("links", "message"),
    [
        ([Link((0,), (0,)), Link((1,), (1,))], "in no link"),
        ([Link((0,), (0,)), Link((1, 2), (1, 2)), Link((2,), ())], "more than one link"),
        ([Link((0,), (0,)), Link((1, 2, 3), (1, 2))], "out of range"),
        ([Link((1,), (0,)), Link((0,), (1,)), Link((2,), (2,))], "out of order"),
        ([Link((0, 2), (0,)), Link((1,), (1, 2))], "not contiguous"),
    ],
)
def test_check_links_reports_bad_gold(links, message):
    problems = cc.check_gold_links(links, 3, 3)
    assert any(message in p for p in problems), problems


def test_divergence_rows_must_match_the_gold(set_dir):
    links = cc.read_beads(set_dir / "gold" / "en-sr.gold")
    aligned = {"en-sr": (links, _sents(set_dir, "en"), _sents(set_dir, "sr"))}
    documented = [d for d in cc.read_divergences(set_dir / "README.md") if d.pair == "en-sr"]
    assert cc.check_divergences(documented, aligned) == []
    wrong = [
        cc.Divergence("en-sr", (30,), (), "omission", "a 1-1 link, not an omission"),
        cc.Divergence("en-sr", (2,), (2,), "number", "same numbers on both sides"),
        cc.Divergence("en-sr", (3, 4), (3,), "merge", "no such link"),
        cc.Divergence("en-sr", (3,), (3,), "tone", "unknown kind"),
    ]
    problems = cc.check_divergences(documented + wrong, aligned)
    assert len(problems) == len(wrong), problems


def test_undocumented_number_difference_is_reported(set_dir):
    links = cc.read_beads(set_dir / "gold" / "en-sr.gold")
    aligned = {"en-sr": (links, _sents(set_dir, "en"), _sents(set_dir, "sr"))}
    documented = [
        d for d in cc.read_divergences(set_dir / "README.md") if d.pair == "en-sr" and d.en != (33,)
    ]
    problems = cc.check_divergences(documented, aligned)
    assert problems == ["en-sr link [33]:[33]: numbers ['24', '48'] vs ['24', '36'] not documented"]


def test_readme_table_lists_every_kind(set_dir):
    rows = cc.read_divergences(set_dir / "README.md")
    assert {d.kind for d in rows} == cc.DIVERGENCE_KINDS
    assert {d.pair for d in rows} == {"en-de", "en-sr", "en-sq"}


# ---- termbase ---------------------------------------------------------------------------------------


def test_csv_glossary_agrees_with_tbx(tbx):
    assert cc.check_glossary(tbx, tbx.with_suffix(".csv")) == []


def test_stale_csv_is_reported(tbx, tmp_path):
    lines = tbx.with_suffix(".csv").read_text("utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace("belgrade", "neutral")
    stale = tmp_path / "kosovo.csv"
    stale.write_text("".join(lines[:-1]), "utf-8")
    problems = cc.check_glossary(tbx, stale)
    assert len(problems) == 2 and "line 4" in problems[0] and "terms" in problems[1], problems


def test_tbx_is_valid_tbx_core(tbx, shared_dir, tmp_path):
    rng = shared_dir / "schema" / "tbx" / "TBXcoreStructV03.rng"
    assert cc.check_tbx_schema(tbx, rng) == []
    broken = tmp_path / "broken.tbx"
    broken.write_text(tbx.read_text("utf-8").replace(' style="dca"', "", 1), "utf-8")
    assert cc.check_tbx_schema(broken, rng) != []


def test_termbase_labels_and_forbidden_term_in_use(tbx, set_dir):
    rows = cc.tbx_rows(tbx)
    assert {r["framing"] for r in rows} == {"neutral", "pristina", "belgrade"}
    assert {r["lang"] for r in rows} == {"en", "de", "sr-Cyrl", "sq"}
    for concept in {r["concept"] for r in rows}:
        langs = {r["lang"] for r in rows if r["concept"] == concept}
        assert langs == {"en", "de", "sr-Cyrl", "sq"}, concept
    forbidden = {r["term"] for r in rows if r["status"] == "deprecated" and r["lang"] == "sq"}
    assert "bandë kriminale" in forbidden
    assert "bandat kriminale" in (set_dir / "sq.txt").read_text("utf-8")  # its definite plural


def test_project_reader_reads_tbx_and_csv_alike(tbx):
    from align.terms import load_termbase

    from_tbx, from_csv = load_termbase(tbx), load_termbase(tbx.with_suffix(".csv"))
    assert from_tbx.concepts == from_csv.concepts
    assert len(from_tbx.concepts) == 19


def test_labelled_sample_is_consistent(corpora_dir, tbx):
    assert cc.check_sample(corpora_dir / "terms" / "sample-labelled.tsv", tbx) == []


def test_labelled_sample_mistakes_are_reported(corpora_dir, tbx, tmp_path):
    lines = (corpora_dir / "terms" / "sample-labelled.tsv").read_text("utf-8").splitlines(keepends=True)
    header, rows = lines[0], [line for line in lines[1:] if line.startswith("en\t")]
    assert rows[0].startswith("en\tIn the conflict between Serbia and Kosovo,")
    assert rows[0].endswith("\tkosovo-name\tKosovo\n")
    bad = [
        rows[0].replace("\tKosovo\n", "\tKosova\n"),
        "en\tA sentence without terms.\tno-such-concept\tsentence\n",
    ]
    broken = tmp_path / "sample.tsv"
    broken.write_text(header + "".join(bad + rows[1:30]), "utf-8")
    problems = cc.check_sample(broken, tbx)
    assert len(problems) == 2, problems
    assert "'Kosova' labelled 1x, occurs 0x" in problems[1]
    assert "no-such-concept" in problems[0]
    broken.write_text(header + "".join(rows[:10]), "utf-8")
    assert cc.check_sample(broken, tbx) == [f"{broken}: 10 rows for en, expected 30-60"]


def test_main_reports_no_problems(capsys):
    assert cc.main([]) == 0
    assert capsys.readouterr().out.rstrip().endswith("0 problem(s)")


def test_write_csv_round_trips(tbx, tmp_path, monkeypatch):
    copy = tmp_path / "terms"
    shutil.copytree(tbx.parent, copy)
    (copy / "kosovo.csv").write_text("concept,lang,term,framing,status\n", "utf-8")
    monkeypatch.setattr(cc, "TERMS", copy)
    cc.main(["--write-csv", "--schema", str(tmp_path / "absent.rng")])
    assert (copy / "kosovo.csv").read_bytes() == tbx.with_suffix(".csv").read_bytes()
