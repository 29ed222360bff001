"""``align eval`` on small hand-made bead files whose scores were worked out by hand (see comments)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from align.cli import cli

# Document A. Test guesses: [0]:[0] strict hit; [1]:[1] lax hit only (gold pairs 1 with 1 and 2);
# []:[2] no hit (a null unit cannot be a lax hit); [2]:[] strict hit; [3]:[3] strict hit.
# Precision 3/5 strict, 4/5 lax. Recall over gold units with both sides ([0]:[0], [1]:[1, 2], [3]:[3]):
# 2/3 strict, 3/3 lax.
GOLD_A = "[0]:[0]\n[1]:[1, 2]\n[2]:[]\n[3]:[3]\n"
TEST_A = "[0]:[0]:0.9\n[1]:[1]:0.8\n[]:[2]:0.1\n[2]:[]:0.1\n[3]:[3]:0.9\n"
# Document B. One guess [0]:[0, 1]: no strict hit, lax hit (links 0-0). Recall: [0]:[0] lax only,
# [1]:[1] neither. Precision 0/1 strict, 1/1 lax; recall 0/2 strict, 1/2 lax.
GOLD_B = "[0]:[0]\n[1]:[1]\n"
TEST_B = "[0]:[0, 1]\n"


def invoke(*args: str):
    return CliRunner().invoke(cli, ["eval", *args])


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    gold = write(tmp_path / "gold", {"a.txt": GOLD_A, "b.txt": GOLD_B})
    test = write(tmp_path / "test", {"a.txt": TEST_A, "b.txt": TEST_B})
    return gold, test


def test_one_file_pair_json(folders: tuple[Path, Path]) -> None:
    gold, test = folders
    result = invoke("--gold", str(gold / "a.txt"), "--test", str(test / "a.txt"), "--format", "json")
    assert result.exit_code == 0, result.output
    total = json.loads(result.stdout)["total"]
    assert total["documents"] == 1
    assert (total["strict_precision"], total["strict_recall"], total["strict_f1"]) == (0.6, 0.6667, 0.6316)
    assert (total["lax_precision"], total["lax_recall"], total["lax_f1"]) == (0.8, 1.0, 0.8889)
    assert (total["gold_units"], total["test_units"]) == (4, 5)


def test_a_file_against_itself_counts_the_same_links(folders: tuple[Path, Path]) -> None:
    gold = str(folders[0] / "a.txt")  # holds a 1-0 link, which recall leaves out but the count does not
    total = json.loads(invoke("--gold", gold, "--test", gold, "--format", "json").stdout)["total"]
    assert (total["strict_f1"], total["gold_units"], total["test_units"]) == (1.0, 4, 4)


def test_folders_sum_counts_over_documents(folders: tuple[Path, Path]) -> None:
    gold, test = folders
    result = invoke("--gold", str(gold), "--test", str(test), "--format", "json", "--per-doc")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    # summed: precision 3/6 strict, 5/6 lax; recall 2/5 strict, 4/5 lax (a mean of the documents'
    # strict precisions would be 0.3)
    total = data["total"]
    assert (total["strict_precision"], total["strict_recall"], total["strict_f1"]) == (0.5, 0.4, 0.4444)
    assert (total["lax_precision"], total["lax_recall"], total["lax_f1"]) == (0.8333, 0.8, 0.8163)
    assert [d["document"] for d in data["per_doc"]] == ["a.txt", "b.txt"]
    b = data["per_doc"][1]
    assert (b["strict_f1"], b["lax_precision"], b["lax_recall"], b["lax_f1"]) == (0.0, 1.0, 0.5, 0.6667)


def test_text_and_tsv_tables(folders: tuple[Path, Path], tmp_path: Path) -> None:
    gold, test = folders
    text = invoke("--gold", str(gold), "--test", str(test))
    assert text.exit_code == 0
    lines = text.stdout.splitlines()
    assert len(lines) == 2 and lines[0].startswith("document") and "strict F1" in lines[0]
    assert lines[1].split() == [
        "all",
        "(2",
        "documents)",
        "0.5000",
        "0.4000",
        "0.4444",
        "0.8333",
        "0.8000",
        "0.8163",
        "6",
        "6",
    ]
    out = tmp_path / "scores.tsv"
    tsv = invoke("--gold", str(gold), "--test", str(test), "--format", "tsv", "--per-doc", "-o", str(out))
    assert tsv.exit_code == 0 and tsv.stdout == ""
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert rows[0][:4] == ["document", "strict_precision", "strict_recall", "strict_f1"]
    assert [r[0] for r in rows[1:]] == ["a.txt", "b.txt", "all (2 documents)"]
    assert rows[1][1:] == ["0.6", "0.6667", "0.6316", "0.8", "1.0", "0.8889", "4", "5"]


def test_extra_test_files_are_ignored_with_a_warning(folders: tuple[Path, Path]) -> None:
    gold, test = folders
    (test / "c.txt").write_text("[0]:[0]\n")
    result = invoke("--gold", str(gold), "--test", str(test), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["total"]["documents"] == 2
    assert "c.txt" in result.stderr and "ignored" in result.stderr


def test_pattern_selects_the_bead_files_of_a_folder(folders: tuple[Path, Path]) -> None:
    gold, test = folders
    (gold / "README.md").write_text("# not a bead file\n")
    assert invoke("--gold", str(gold), "--test", str(test)).exit_code == 1  # README.md has no test file
    result = invoke("--gold", str(gold), "--test", str(test), "--pattern", "*.txt", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["total"]["documents"] == 2


@pytest.mark.parametrize(
    "case, expected",
    [
        ("missing", "nowhere.txt: not found"),
        ("file-vs-folder", "is a folder but"),
        ("unmatched", "no test file named like 1 of the 2 gold files: b.txt"),
        ("no-common-name", "no test file named like 2 of the 2 gold files: a.txt, b.txt; it holds a.beads"),
        ("malformed", "b.txt: line 2: not a link"),
        ("empty-gold-folder", "folder holds no gold files"),
    ],
)
def test_bad_input_gives_one_line_error(
    folders: tuple[Path, Path], tmp_path: Path, case: str, expected: str
) -> None:
    gold, test = folders
    if case == "missing":
        args = ("--gold", str(gold / "a.txt"), "--test", str(tmp_path / "nowhere.txt"))
    elif case == "file-vs-folder":
        args = ("--gold", str(gold), "--test", str(test / "a.txt"))
    elif case == "unmatched":
        (test / "b.txt").unlink()
        args = ("--gold", str(gold), "--test", str(test))
    elif case == "no-common-name":
        other = write(tmp_path / "other", {"a.beads": TEST_A})
        args = ("--gold", str(gold), "--test", str(other))
    elif case == "malformed":
        (test / "b.txt").write_text("[0]:[0]\n[1] -> [1]\n")
        args = ("--gold", str(gold), "--test", str(test))
    else:
        args = ("--gold", str(write(tmp_path / "empty", {})), "--test", str(test))
    result = invoke(*args)
    assert result.exit_code == 1
    assert result.stdout == ""
    error = result.stderr.strip()
    assert error.startswith("align: error: ") and "\n" not in error and "Traceback" not in error
    assert expected in error
