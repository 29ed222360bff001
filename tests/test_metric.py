"""Strict/lax P/R/F1 on hand-made alignments; every expected count below was worked out by hand."""

from __future__ import annotations

import pytest

from align.evaluation.metric import score
from align.formats.beadfile import parse_beads

# gold: a 1-1, a 1-2, a target sentence with no source, a 2-1
GOLD_A = parse_beads("[0]:[0]\n[1]:[1, 2]\n[]:[3]\n[2, 3]:[4]\n")
# test: the 1-2 split into a 1-1 and a 0-1; the rest identical
TEST_A = parse_beads("[0]:[0]\n[1]:[1]\n[]:[2]\n[]:[3]\n[2, 3]:[4]\n")
# second document: two gold 1-1 links predicted as one 2-2
GOLD_B = parse_beads("[0]:[0]\n[1]:[1]\n")
TEST_B = parse_beads("[0, 1]:[0, 1]\n")


def test_strict_and_lax_on_one_document():
    s = score([GOLD_A], [TEST_A])
    # precision: 5 predicted units. Strict hits: [0]:[0], []:[3] (a null unit identical to gold counts),
    # [2,3]:[4] -> 3/5. Lax adds [1]:[1] (link 1-1 lies in gold [1]:[1,2]); []:[2] has no link -> 4/5.
    assert s.test_units == 5
    assert s.strict.precision == pytest.approx(3 / 5)
    assert s.lax.precision == pytest.approx(4 / 5)
    # recall: only gold units with both sides count (3). Strict: [0]:[0] and [2,3]:[4] -> 2/3.
    # Lax: [1]:[1,2] shares the link 1-1 with the predicted [1]:[1] -> 3/3.
    assert s.gold_units == 4  # every gold link, as test_units counts every test link
    assert s.strict.recall == pytest.approx(2 / 3)
    assert s.lax.recall == pytest.approx(1.0)
    assert s.strict.f1 == pytest.approx(2 * 0.6 * (2 / 3) / (0.6 + 2 / 3))
    assert s.lax.f1 == pytest.approx(2 * 0.8 * 1.0 / 1.8)


def test_null_links_count_in_precision_only():
    gold = parse_beads("[0]:[0]\n[]:[1]\n")
    # predicting the gold null unit adds a correct guess; a spurious null adds a wrong one
    right = score([gold], [parse_beads("[0]:[0]\n[]:[1]\n")])
    assert (right.strict.precision, right.strict.recall, right.gold_units) == (1.0, 1.0, 2)
    spurious = score([gold], [parse_beads("[0]:[]\n[]:[0]\n[]:[1]\n")])
    # guesses [0]:[] and []:[0]: not in gold, and a null unit has no link for a lax hit; []:[1] is in gold
    assert spurious.test_units == 3
    assert spurious.strict.precision == pytest.approx(1 / 3)
    assert spurious.lax.precision == pytest.approx(1 / 3)
    assert spurious.strict.recall == 0.0 and spurious.lax.recall == 0.0


def test_counts_are_summed_over_documents_before_dividing():
    s = score([GOLD_A, GOLD_B], [TEST_A, TEST_B])
    # document B: 1 guess, no strict hit, a lax hit (link 0-0 is in gold); 2 gold units, both lax-recalled
    assert (s.test_units, s.gold_units) == (6, 6)
    assert s.strict.precision == pytest.approx(3 / 6)  # not the mean of 3/5 and 0/1
    assert s.lax.precision == pytest.approx(5 / 6)
    assert s.strict.recall == pytest.approx(2 / 5)
    assert s.lax.recall == pytest.approx(5 / 5)
    assert s.as_dict()["strict_f1"] == round(2 * 0.5 * 0.4 / 0.9, 4)


def test_crossing_gold_units_and_empty_predictions():
    gold = parse_beads("[0]:[1]\n[1]:[0]\n")  # crossing units (kept in Text+Berg's gold)
    s = score([gold], [parse_beads("[0, 1]:[0, 1]\n")])
    assert (s.strict.precision, s.lax.precision) == (0.0, 1.0)
    assert s.lax.recall == 1.0
    nothing = score([gold], [[]])
    assert (nothing.strict.f1, nothing.lax.f1, nothing.test_units) == (0.0, 0.0, 0)


def test_document_counts_must_agree():
    with pytest.raises(ValueError):
        score([GOLD_A, GOLD_B], [TEST_A])
