"""The seeded perturbation and the consistency of the gold alignment it returns."""

from __future__ import annotations

import random

import pytest

from align.evaluation.perturb import Rates, move_clauses, perturb, split_point

N = 400
SRC = [f"Source sentence number {i}." for i in range(N)]
# every third target sentence is long, with one comma near its middle, so it can be split
TGT = [
    f"Zielsatz {i} beginnt hier mit einigen Worten, und endet dort mit einigen anderen Worten {i}."
    if i % 3 == 0
    else f"Zielsatz {i}."
    for i in range(N)
]
POOL = [f"Fremder Satz {k} aus einem anderen Dokument." for k in range(20)]


def kinds(gold) -> dict[str, int]:
    counts: dict[str, int] = {}
    for link in gold:
        counts[link.kind] = counts.get(link.kind, 0) + 1
    return counts


def test_same_seed_same_result_other_seed_other_result() -> None:
    assert perturb(SRC, TGT, 7, foreign_pool=POOL) == perturb(SRC, TGT, 7, foreign_pool=POOL)
    assert perturb(SRC, TGT, "en-de:doc1", foreign_pool=POOL) == perturb(
        SRC, TGT, "en-de:doc1", foreign_pool=POOL
    )
    assert perturb(SRC, TGT, 7, foreign_pool=POOL) != perturb(SRC, TGT, 8, foreign_pool=POOL)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_gold_covers_every_sentence_once_in_order(seed: int) -> None:
    out, gold = perturb(SRC, TGT, seed, foreign_pool=POOL)
    assert [i for b in gold for i in b.src] == list(range(N))
    assert [j for b in gold for j in b.tgt] == list(range(len(out)))
    assert all(b.src or b.tgt for b in gold)
    assert all(b.status == "manual" and b.cert is None for b in gold)


def test_each_edit_is_what_its_link_says() -> None:
    out, gold = perturb(SRC, TGT, 11, foreign_pool=POOL)
    counts = kinds(gold)
    assert set(counts) == {"1-1", "2-1", "1-2", "1-0", "0-1"}
    for link in gold:
        texts = [out[j] for j in link.tgt]
        if link.kind == "1-1":
            assert texts == [TGT[link.src[0]]]
        elif link.kind == "2-1":  # join: neighbours, in order, as one sentence
            a, b = link.src
            assert b == a + 1 and texts == [f"{TGT[a]} {TGT[b]}"]
        elif link.kind == "1-2":  # split at the comma: "x, und y" -> "x." + "Und y"
            original = TGT[link.src[0]]
            head, tail = original.split(", ", 1)
            assert texts == [head + ".", tail[0].upper() + tail[1:]]
        elif link.kind == "0-1":
            assert texts[0] in POOL
        else:
            assert link.kind == "1-0" and TGT[link.src[0]] not in out


def test_rates_are_roughly_as_set() -> None:
    src, tgt = SRC * 5, TGT * 5
    out, gold = perturb(src, tgt, 3, foreign_pool=POOL)
    counts = kinds(gold)
    assert 0.03 < counts["1-0"] / len(src) < 0.07  # drop: about 5%
    assert 0.02 < counts["0-1"] / len(src) < 0.06  # insert: about 4%
    assert 0.75 < counts["1-1"] / len(gold) < 0.9


def test_no_edits_no_pool_and_empty_input() -> None:
    none = Rates(join=0, split=0, drop=0, insert=0)
    out, gold = perturb(SRC, TGT, 5, foreign_pool=POOL, rates=none)
    assert out == TGT and [(b.src, b.tgt) for b in gold] == [((i,), (i,)) for i in range(N)]
    assert "0-1" not in kinds(perturb(SRC, TGT, 5, foreign_pool=[])[1])
    assert perturb([], [], 5, foreign_pool=POOL) == ([], [])
    with pytest.raises(ValueError, match="not line-parallel"):
        perturb(SRC, TGT[:-1], 5, foreign_pool=POOL)


def test_split_point_prefers_the_middle_comma_and_keeps_parts_long() -> None:
    text = "a" * 30 + ", " + "b" * 10 + ", " + "c" * 30
    assert split_point(text, 20) == 42  # the second comma is nearer the middle of 74 characters
    assert split_point("short, text", 20) is None
    assert split_point("no comma at all in this rather long sentence here", 5) is None


def test_moved_clauses_open_the_next_line_and_make_a_two_two_link() -> None:
    lines = ["Eins, zwei drei vier fünf sechs sieben, acht neun zehn elf zwölf dreizehn.", "Zweiter Satz."]
    lines += [
        f"Satz {k}, mit einem Komma in der Mitte des ganzen Satzes hier, und noch mehr." for k in range(40)
    ]
    out, gold = move_clauses(lines, random.Random(3), min_part=10)
    assert len(out) == len(lines)  # a move changes where text is, not how many lines there are
    moves = [b for b in gold if b.kind == "2-2"]
    assert moves and all(b.kind in ("1-1", "2-2") for b in gold)
    assert [i for b in gold for i in b.src] == list(range(len(lines)))
    assert [j for b in gold for j in b.tgt] == list(range(len(out)))
    for b in moves:
        head, rest = (out[j] for j in b.tgt)
        first, second = (lines[i] for i in b.src)
        assert head.endswith(".") and first.startswith(head[:-1])
        assert rest.endswith(second) and rest[0].isupper()
    assert move_clauses(lines, random.Random(3), min_part=10) == (out, gold)
