"""The aligner on small real texts written for these tests: an English text and German, Serbian
(Cyrillic) and Albanian versions in which two English sentences are merged into one, one is split in
two, one is left out and one sentence is added. The gold below was written by hand with the texts."""

from __future__ import annotations

import dataclasses
import itertools
import random

import numpy as np
import pytest

from align.aligner.costs import LinkCosts
from align.aligner.lexical import SparseRows, lexical_vectors
from align.aligner.search import align, link_types
from align.aligner.sentences import TEMPERATURE, WEIGHTS, align_texts
from align.config import METHODS, AlignOptions
from align.embedding.encoder import embed
from align.evaluation.perturb import inject_lookalikes
from align.formats.beadfile import format_beads
from align.model import Link
from align.text.textnorm import comparison_text

EN = [
    "The river Drina flows between Bosnia and Serbia for more than 200 kilometres.",
    "In 1961 the writer Ivo Andrić received the Nobel Prize in Literature.",
    "His novel about the bridge in Višegrad is read in schools across the region.",
    "The bridge was built in 1577 by the architect Mimar Sinan.",
    "It has eleven stone arches and is 179 metres long.",
    "During the First World War several arches were destroyed.",
    "They were rebuilt after the war.",
    "In 2007 UNESCO added the bridge to the World Heritage List.",
    "Every summer young men jump from the bridge into the cold water of the river.",
    "The competition attracts thousands of visitors.",
    "Hotels in the town are fully booked for the whole of July.",
    "The town council is planning a new museum near the old bridge.",
]
DE = [
    "Die Drina fließt über mehr als 200 Kilometer zwischen Bosnien und Serbien.",
    "Im Jahr 1961 erhielt der Schriftsteller Ivo Andrić den Nobelpreis für Literatur.",
    "Sein Roman über die Brücke in Višegrad wird in den Schulen der ganzen Region gelesen.",
    "Andrić wurde 1892 in Travnik geboren.",  # added
    "Die Brücke wurde 1577 von dem Architekten Mimar Sinan erbaut.",
    "Sie hat elf steinerne Bögen und ist 179 Meter lang.",
    "Im Ersten Weltkrieg wurden mehrere Bögen zerstört, die nach dem Krieg wieder aufgebaut wurden.",  # 5+6
    "2007 nahm die UNESCO die Brücke in die Liste des Welterbes auf.",
    "Jeden Sommer springen junge Männer von der Brücke.",  # 8, split
    "Sie landen im kalten Wasser des Flusses.",
    "Der Wettbewerb zieht Tausende von Besuchern an.",
    # 10 (hotels) left out
    "Der Stadtrat plant ein neues Museum in der Nähe der alten Brücke.",
]
SR = [
    "Река Дрина тече између Босне и Србије више од 200 километара.",
    "Године 1961. писац Иво Андрић добио је Нобелову награду за књижевност.",
    "Његов роман о мосту у Вишеграду чита се у школама широм региона.",
    "Андрић је рођен 1892. године у Травнику.",
    "Мост је 1577. године саградио архитекта Мимар Синан.",
    "Има једанаест камених лукова и дугачак је 179 метара.",
    "Током Првог светског рата неколико лукова је срушено, али су после рата обновљени.",
    "Године 2007. УНЕСКО је уврстио мост на Листу светске баштине.",
    "Сваког лета младићи скачу са моста.",
    "Они падају у хладну воду реке.",
    "Такмичење привлачи хиљаде посетилаца.",
    "Градско веће планира нови музеј близу старог моста.",
]
SQ = [
    "Lumi Drina rrjedh mes Bosnjës dhe Serbisë për më shumë se 200 kilometra.",
    "Në vitin 1961 shkrimtari Ivo Andriq mori Çmimin Nobel për Letërsi.",
    "Romani i tij për urën në Vishegrad lexohet në shkollat e gjithë rajonit.",
    "Andriqi lindi në vitin 1892 në Travnik.",
    "Ura u ndërtua në vitin 1577 nga arkitekti Mimar Sinan.",
    "Ajo ka njëmbëdhjetë harqe guri dhe është 179 metra e gjatë.",
    "Gjatë Luftës së Parë Botërore u shkatërruan disa harqe, të cilat u rindërtuan pas luftës.",
    "Në vitin 2007 UNESCO e shtoi urën në Listën e Trashëgimisë Botërore.",
    "Çdo verë të rinjtë hidhen nga ura.",
    "Ata bien në ujin e ftohtë të lumit.",
    "Gara tërheq mijëra vizitorë.",
    "Këshilli i qytetit planifikon një muze të ri pranë urës së vjetër.",
]
# the same edits in all three versions
GOLD = [
    ((0,), (0,)),
    ((1,), (1,)),
    ((2,), (2,)),
    ((), (3,)),  # added
    ((3,), (4,)),
    ((4,), (5,)),
    ((5, 6), (6,)),  # merged
    ((7,), (7,)),
    ((8,), (8, 9)),  # split
    ((9,), (10,)),
    ((10,), ()),  # left out
    ((11,), (11,)),
]
VERSIONS = {"de": DE, "sr-Cyrl": SR, "sq": SQ}
NO_CACHE = AlignOptions(cache_dir="")
FAST = AlignOptions(method="fast")


@pytest.fixture(scope="module")
def vectors() -> dict[str, np.ndarray]:
    texts = {"en": EN, **VERSIONS}
    flat = embed([t for lines in texts.values() for t in lines], cache=None)
    out, start = {}, 0
    for lang, lines in texts.items():
        out[lang] = flat[start : start + len(lines)]
        start += len(lines)
    return out


def units(links: list[Link]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.src, b.tgt) for b in links]


def assert_covers(links: list[Link], n: int, m: int) -> None:
    """Every sentence of both sides exactly once, in order; certs in [0, 1]; status auto."""
    assert [i for b in links for i in b.src] == list(range(n))
    assert [j for b in links for j in b.tgt] == list(range(m))
    assert all(b.src or b.tgt for b in links)
    assert all(b.cert is not None and 0.0 <= b.cert <= 1.0 and b.status == "auto" for b in links)


def test_embed_method_computes_its_own_embeddings():
    links = align_texts(EN, DE, "en", "de", NO_CACHE)
    assert units(links) == GOLD


@pytest.mark.parametrize("lang", ["de", "sr-Cyrl", "sq"])
def test_embed_method_recovers_merge_split_omission_insertion(lang, vectors):
    links = align_texts(
        EN, VERSIONS[lang], "en", lang, NO_CACHE, src_emb=vectors["en"], tgt_emb=vectors[lang]
    )
    assert_covers(links, len(EN), len(VERSIONS[lang]))
    assert units(links) == GOLD


@pytest.mark.parametrize("lang", ["de", "sr-Cyrl", "sq"])
def test_fast_method_without_embeddings(lang):
    links = align_texts(EN, VERSIONS[lang], "en", lang, FAST)
    assert_covers(links, len(EN), len(VERSIONS[lang]))
    right = [b for b in links if (b.src, b.tgt) in GOLD]
    wrong = [b for b in links if (b.src, b.tgt) not in GOLD]
    # names, numbers and lengths place the 1-1 links around the edits; a split next to an omission
    # can shift by one sentence without meaning, and those links then get lower confidence
    assert len(right) >= 7, units(links)
    assert all(u in units(right) for u in GOLD if u[0] in ((0,), (1,), (3,), (4,), (7,), (11,)))
    assert not wrong or np.mean([b.cert for b in wrong]) < np.mean([b.cert for b in right])


def test_confidence_high_for_clear_links_low_for_a_wrong_looking_one(vectors):
    links = align_texts(EN, DE, "en", "de", NO_CACHE, src_emb=vectors["en"], tgt_emb=vectors["de"])
    clear = [b.cert for b in links if (b.src, b.tgt) in {((0,), (0,)), ((3,), (4,)), ((7,), (7,))}]
    assert min(clear) > 0.8
    # the hotels sentence replaced by an unrelated one: whatever the aligner does there, it is doubtful
    swapped = DE[:10] + ["Die Stadt ist außerdem für ihren Honig bekannt."] + DE[10:]
    vec = np.concatenate([vectors["de"][:10], embed(swapped[10:11], cache=None), vectors["de"][10:]])
    links = align_texts(EN, swapped, "en", "de", NO_CACHE, src_emb=vectors["en"], tgt_emb=vec)
    assert_covers(links, len(EN), len(swapped))
    doubtful = [b.cert for b in links if 10 in b.src or 10 in b.tgt]
    assert max(doubtful) < min(clear) and max(doubtful) < 0.7


@pytest.mark.parametrize("options", [NO_CACHE, FAST], ids=["embed", "fast"])
def test_deterministic(options, vectors):
    emb = {"src_emb": vectors["en"], "tgt_emb": vectors["sq"]} if options.method == "embed" else {}
    first = align_texts(EN, SQ, "en", "sq", options, **emb)
    second = align_texts(EN, SQ, "en", "sq", options, **emb)
    assert format_beads(first, with_cert=True) == format_beads(second, with_cert=True)


@pytest.mark.parametrize("options", [NO_CACHE, FAST], ids=["embed", "fast"])
def test_empty_sides(options):
    assert align_texts([], [], "en", "de", options) == []
    assert units(align_texts(EN[:2], [], "en", "de", options)) == [((0,), ()), ((1,), ())]
    assert units(align_texts([], DE[:3], "en", "de", options)) == [((), (0,)), ((), (1,)), ((), (2,))]


@pytest.mark.parametrize("options", [NO_CACHE, FAST], ids=["embed", "fast"])
def test_one_sentence_each(options, vectors):
    emb = {"src_emb": vectors["en"][3:4], "tgt_emb": vectors["de"][4:5]} if options.method == "embed" else {}
    links = align_texts(EN[3:4], DE[4:5], "en", "de", options, **emb)
    assert units(links) == [((0,), (0,))]


@pytest.mark.parametrize("options", [NO_CACHE, FAST], ids=["embed", "fast"])
def test_one_sentence_against_a_whole_text(options, vectors):
    # the English sentence about the bridge's arches against all of the Albanian text
    emb = {"src_emb": vectors["en"][4:5], "tgt_emb": vectors["sq"]} if options.method == "embed" else {}
    links = align_texts(EN[4:5], SQ, "en", "sq", options, **emb)
    assert_covers(links, 1, len(SQ))
    (match,) = [b for b in links if b.src]
    assert 5 in match.tgt  # the sentence about the arches, perhaps with its neighbour about the bridge
    assert len(match.tgt) <= (2 if options.method == "embed" else 3)


def test_embeddings_must_match_the_sentences(vectors):
    with pytest.raises(ValueError):
        align_texts(EN, DE, "en", "de", NO_CACHE, src_emb=vectors["en"][:5], tgt_emb=vectors["de"])


@pytest.mark.parametrize("bad", [{"method": "magic"}, {"max_side": 0}, {"max_side": 7}])
def test_bad_options(bad):
    with pytest.raises(ValueError):
        AlignOptions(**bad)  # refused where it is made, before any aligning


def test_every_method_has_a_cost_model():
    assert set(WEIGHTS) == set(METHODS) == set(TEMPERATURE)


def test_max_side_one_gives_only_one_to_one_and_null_links():
    links = align_texts(EN, DE, "en", "de", AlignOptions(method="fast", max_side=1))
    assert_covers(links, len(EN), len(DE))
    assert {b.kind for b in links} <= {"1-1", "1-0", "0-1"}


@pytest.mark.parametrize("junk", ["* * *", "– 12 –", "....."])
@pytest.mark.parametrize("options", [NO_CACHE, FAST], ids=["embed", "fast"])
def test_a_line_without_words_is_left_unaligned(junk, options, vectors):
    # page furniture between two sentences: it translates nothing, so it is a 0-1 link of its own
    # instead of being tucked into a neighbouring link (which the plain null cost preferred)
    de = DE[:6] + [junk] + DE[6:]
    emb = {}
    if options.method == "embed":
        vec = np.concatenate([vectors["de"][:6], embed([junk], cache=None), vectors["de"][6:]])
        emb = {"src_emb": vectors["en"], "tgt_emb": vec}
    links = align_texts(EN, de, "en", "de", options, **emb)
    assert ((), (6,)) in units(links)
    shifted = [(s, tuple(j - (j > 6) for j in t)) for s, t in units(links) if t != (6,)]
    assert shifted == GOLD if options.method == "embed" else len(set(shifted) & set(GOLD)) >= 7
    plain = dataclasses.replace(WEIGHTS[options.method], content_nulls=False)
    assert ((), (6,)) not in units(align_texts(EN, de, "en", "de", options, weights=plain, **emb))


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("method", ["embed", "fast"])
def test_tiny_documents_align_without_warnings(method):
    texts = ["Die Brücke wurde 1577 erbaut.", "", ".....", "12", "The bridge was built in 1577."]
    rng = np.random.default_rng(5)
    vec = rng.normal(size=(len(texts), 8)).astype(np.float32)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True)
    for src in itertools.chain.from_iterable(itertools.product(range(5), repeat=k) for k in (1, 2)):
        for tgt in [(4,), (0, 4), (1,), (2, 2), (3,)]:
            emb = {"src_emb": vec[list(src)], "tgt_emb": vec[list(tgt)]} if method == "embed" else {}
            options = AlignOptions(method=method, cache_dir="")
            links = align_texts([texts[i] for i in src], [texts[j] for j in tgt], "de", "en", options, **emb)
            assert_covers(links, len(src), len(tgt))


def random_sparse(rng: np.random.Generator, n: int, dim: int) -> SparseRows:
    dense = np.where(rng.random((n, dim)) < 0.2, rng.random((n, dim)), 0.0).astype(np.float32)
    rows, cols = np.nonzero(dense)
    return SparseRows.from_entries(rows, cols, dense[rows, cols], n, dim)


def test_sparse_rows_give_the_dense_products():
    rng = np.random.default_rng(11)
    x, y = random_sparse(rng, 30, 12), random_sparse(rng, 25, 12)
    dx, dy = x.dense(), y.dense()
    assert x.indptr[-1] < 0.4 * dx.size  # stored sparsely
    p, q = rng.integers(0, 30, 50), rng.integers(0, 25, 50)
    assert np.allclose(x.pair_dots(y, p, q), np.einsum("ij,ij->i", dx[p], dy[q]))
    assert np.allclose(x.block_dots(y, 3, 17, 5, 20), dx[3:17] @ dy[5:20].T)
    starts = np.array([0, 4, 5, 12, 28])
    assert np.allclose(x.coarse(starts).dense(), np.add.reduceat(dx, starts, axis=0))
    # coarse rows are merged (one entry per column), so pair_dots' join stays exact on them too
    cx = x.coarse(starts)
    assert np.allclose(cx.pair_dots(cx, np.arange(5), np.arange(5)), (cx.dense() ** 2).sum(axis=1), rtol=1e-5)


def test_sparse_and_dense_channels_give_the_same_costs():
    rng = np.random.default_rng(2)
    x, y = random_sparse(rng, 40, 30), random_sparse(rng, 45, 30)
    lengths = rng.integers(10, 80, 40), rng.integers(10, 80, 45)
    sparse = LinkCosts.from_features(*lengths, [(x, y)], ["lexical"])
    dense = LinkCosts.from_features(*lengths, [(x.dense(), y.dense())], ["lexical"])
    types = link_types(4)
    i, j = np.repeat(np.arange(5, 41), 6), np.tile(np.arange(10, 16), 36)
    assert np.allclose(sparse.cost(types, i, j), dense.cost(types, i, j), atol=1e-5)
    assert align(sparse, types, 0.1)[0] == align(dense, types, 0.1)[0]


def test_lexical_vectors_keep_shared_features_only():
    src = ["Der Makalu ist 8481 Meter hoch.", "Es schneite."]
    tgt = ["Le Makalu mesure 8481 mètres.", "Il neigeait.", "Le Makalu est au Népal."]
    x, y = lexical_vectors(src, tgt, "de", "fr")
    # shared: "makal" (2 of 5 sentences: idf log(5/3) + 1), "#8481" (log(5/2) + 1); "meter"/"metre" differ
    makalu, number = np.log(5 / 3) + 1, np.log(5 / 2) + 1
    assert x.dim == y.dim == 2
    assert sorted(x.dense()[0]) == pytest.approx(sorted([makalu, number]))
    assert x.dense()[1].tolist() == [0.0, 0.0]
    assert np.allclose(y.dense()[0], x.dense()[0]) and sorted(y.dense()[2]) == pytest.approx([0.0, makalu])


def test_memory_per_sentence_is_small():
    # a long document: the lexical signal takes bytes, not kilobytes, per sentence
    words = ["".join(w) for w in itertools.islice(itertools.product("bdfklmnprst", repeat=5), 3000)]
    rng = np.random.default_rng(0)
    src = [" ".join(rng.choice(words, 12, replace=False)) for _ in range(2000)]
    x, y = lexical_vectors(src, src[::-1], "de", "de")
    assert x.dim > 2500  # thousands of features in the document
    per_sentence = (x.indptr.nbytes + x.indices.nbytes + x.data.nbytes) / len(src)
    assert per_sentence < 12 * 8 + 16  # about a number and an index for each of its twelve words


def with_lookalikes(lines: list[str], share: float = 0.4) -> list[str]:
    rng = random.Random(3)
    return [inject_lookalikes(t, share, rng) for t in lines]


def test_lookalike_injection_is_undone_by_the_comparison_text():
    mixed = with_lookalikes(SR, share=1.0)
    assert sum(a != b for a, b in zip(mixed, SR, strict=True)) >= 10  # nearly every line touched
    assert [comparison_text(t) for t in mixed] == SR
    assert comparison_text("y 1990. и a b c, x") == "y 1990. и a b c, x"  # mostly Latin: left as typed
    assert comparison_text("Рекао је y Београду") == "Рекао је у Београду"
    assert comparison_text("Преносе га C-SPAN и PBS, формат A4") == "Преносе га C-SPAN и PBS, формат A4"


def test_text_with_lookalikes_aligns_like_its_clean_twin_from_the_same_vectors(tmp_path, monkeypatch):
    # cache keys follow the comparison text: the mixed twin reuses the clean text's vectors, so the
    # model is not needed a second time, and the links are the same
    options = AlignOptions(cache_dir=str(tmp_path))
    clean = align_texts(EN, SR, "en", "sr-Cyrl", options)
    monkeypatch.setattr("align.embedding.encoder._model", lambda threads: pytest.fail("embedded again"))
    mixed = with_lookalikes(SR)
    assert units(align_texts(EN, mixed, "en", "sr-Cyrl", options)) == units(clean) == GOLD
    assert units(align_texts(EN, mixed, "en", "sr-Cyrl", FAST)) == units(
        align_texts(EN, SR, "en", "sr-Cyrl", FAST)
    )


# A news paragraph and its Serbian translation, line by line; the tests leave out one short sentence.
RAIN_EN = [
    "Heavy rain fell across western Serbia on Monday night.",
    "Several rivers burst their banks near the town of Valjevo.",
    "Firefighters evacuated dozens of families from their homes.",
    "The army sent trucks and boats to help them.",
    "Schools in the region will stay closed until Thursday.",
    "Meteorologists expect more rain later this week.",
    "The government has promised to compensate everyone whose house was damaged.",
]
RAIN_SR = [
    "Обилна киша пала је у понедељак увече широм западне Србије.",
    "Неколико река излило се из корита код Ваљева.",
    "Ватрогасци су евакуисали десетине породица из њихових домова.",
    "Војска је послала камионе и чамце да им помогну.",
    "Школе у региону остаће затворене до четвртка.",
    "Метеоролози очекују још кише касније ове недеље.",
    "Влада је обећала да ће обештетити све чије су куће оштећене.",
]


@pytest.fixture(scope="module")
def rain_cache(tmp_path_factory) -> str:
    """One cache for the tests below, so the paragraph is embedded once."""
    return str(tmp_path_factory.mktemp("rain-cache"))


@pytest.mark.parametrize(("method", "dropped"), [("embed", 1), ("embed", 3), ("embed", 5), ("fast", 5)])
def test_a_short_sentence_left_out_stays_a_one_to_zero_link(method, dropped, rain_cache):
    # the left-out sentence adds nothing the Serbian side has, so it may not ride along in a 2-1 with
    # its translated neighbour, which costs less than a 1-0 link when a merge need not be earned
    # (the fast method, with no embeddings, keeps fewer such drops apart: scripts/README.md)
    options = AlignOptions(method=method, cache_dir=rain_cache)
    tgt = RAIN_SR[:dropped] + RAIN_SR[dropped + 1 :]
    links = units(align_texts(RAIN_EN, tgt, "en", "sr-Cyrl", options))
    assert links == [((i,), ()) if i == dropped else ((i,), (i - (i > dropped),)) for i in range(7)]


@pytest.mark.parametrize("method", ["embed", "fast"])
def test_merges_are_taken_when_parts_need_not_earn_their_place(method, rain_cache):
    options = AlignOptions(method=method, cache_dir=rain_cache)
    unearned = dataclasses.replace(WEIGHTS[method], part=0.0)
    tgt = RAIN_SR[:3] + RAIN_SR[4:]
    assert ((2, 3), (2,)) in units(align_texts(RAIN_EN, tgt, "en", "sr-Cyrl", options, weights=unearned))


def test_a_merge_pays_for_a_part_that_adds_nothing_unless_it_leads_into_the_next():
    # source: a sentence with no counterpart, then one that matches the single target sentence
    rng = np.random.default_rng(4)
    x = rng.normal(size=(2, 16)).astype(np.float32)
    x[1] = x[1] * 0.2 + np.array([1.0] + [0.0] * 15, dtype=np.float32)
    y = np.array([[1.0] + [0.0] * 15], dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)

    def cost(leads: bool, part: float = WEIGHTS["embed"].part) -> float:
        weights = dataclasses.replace(WEIGHTS["embed"], part=part)
        model = LinkCosts.from_features(
            [30, 60], [62], [(x, y)], ["semantic"], weights, open_ended=([leads, False], [False])
        )
        return float(model.cost([(2, 1)], np.array([2]), np.array([1]))[0, 0])

    assert cost(leads=False) > cost(leads=True) == pytest.approx(cost(leads=False, part=0.0))


def test_the_tei_keeps_the_text_as_typed_look_alike_letters_and_all(tmp_path):
    from align.aligner.pipeline import align_set
    from align.tei.encode import to_bytes

    mixed = with_lookalikes(SR)
    (tmp_path / "en.txt").write_text("\n".join(EN) + "\n", encoding="utf-8")
    (tmp_path / "sr.txt").write_text("\n".join(mixed) + "\n", encoding="utf-8")
    options = AlignOptions(method="fast", presplit=True)
    docset = align_set([("en", tmp_path / "en.txt"), ("sr-Cyrl", tmp_path / "sr.txt")], options=options)
    assert docset.docs["sr-Cyrl"].texts == mixed
    tei = to_bytes(docset, timestamp=False).decode()
    assert all(line.replace("&", "&amp;") in tei for line in mixed) and not any(
        line in tei for line in SR[1:4]
    )
