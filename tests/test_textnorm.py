from __future__ import annotations

import re
import unicodedata

import pytest

from align.text.textnorm import (
    ascii_key,
    fold,
    fold_with_offsets,
    repair_homoglyphs,
    sentence_initial,
    to_latin,
)

LATIN = re.compile("[A-Za-z]")
CYRILLIC = re.compile("[\u0400-\u04ff]")

# Words as they occur in ntrex-dev sr-Cyrl, with Latin look-alikes typed inside Cyrillic words
# (escapes make the Latin letters visible): "кojи", "Moћ", "Meђутим", "Глoбaлни", "милиoнa", "дa".
NTREX_MIXED = {
    "\u043ao\u0458\u0438".replace("\u0458", "j"): "који",
    "Mo\u045b": "Моћ",
    "Me\u0452\u0443\u0442\u0438\u043c": "Међутим",
    "\u0413\u043bo\u0431a\u043b\u043d\u0438": "Глобални",
    "\u043c\u0438\u043b\u0438o\u043da": "милиона",
    "\u0434a": "да",
    "\u0413\u0440ej\u0435\u043c": "Грејем",
}


def test_to_latin_serbian_only() -> None:
    assert to_latin("Љубљана, Џон и Ђорђе у Нишу", "sr") == "Ljubljana, Džon i Đorđe u Nišu"
    assert to_latin("Вучић", "sr-Cyrl") == "Vučić"
    assert to_latin("Вучић", "ru") == "Вучић"
    assert to_latin("Вучић", "en") == "Вучић"
    assert to_latin("Vučić", "sr-Latn") == "Vučić"


@pytest.mark.parametrize(("mixed", "clean"), NTREX_MIXED.items())
def test_repair_homoglyphs_ntrex_words(mixed: str, clean: str) -> None:
    assert LATIN.search(mixed) and CYRILLIC.search(mixed)  # the sample really is mixed
    assert repair_homoglyphs(mixed) == clean
    assert repair_homoglyphs(f"Рекао је {mixed} јуче.") == f"Рекао је {clean} јуче."


def test_repair_homoglyphs_latin_words_and_untouched_words() -> None:
    assert repair_homoglyphs("N\u0410TO and Vu\u0441i\u0107 met") == "NATO and Vucić met"
    sentence = "Неки Чланови скупштине (AM) и MWP, као и Vučić."
    assert repair_homoglyphs(sentence) == sentence  # single-script words are left alone
    text = "Рекao je дa " + "x" * 5
    assert len(repair_homoglyphs(text)) == len(text)


def test_repair_homoglyphs_ambiguous_word_follows_text() -> None:
    # "кao" has only look-alike letters: the (Cyrillic) sentence decides
    assert repair_homoglyphs("Он је рекao \u043ao \u0448\u0442o") == "Он је рекао ко што"
    assert repair_homoglyphs("кao") in ("као", "kao")


def test_fold_unifies_script_case_and_typography() -> None:
    cyr = "„Вучић“ — рекао је да у Београду"
    lat = '"VUČIĆ" - rekao je da u Beogradu'
    assert fold(cyr, "sr") == fold(lat, "sr") == '"vučić" - rekao je da u beogradu'
    assert fold("Die ‚Straße‘ – ﬁnal", "de") == "die 'strasse' - final"
    assert fold("It’s 10\u00a0000", "en") == "it's 10 000"
    homoglyphs = "Mo\u045b \u0434a \u043ao\u0458\u0438"
    assert fold(homoglyphs, "sr") == fold("Моћ да који", "sr") == "moć da koji"
    assert fold("Вучић", "ru") == "вучић"  # only Serbian is transliterated


def test_fold_with_offsets_maps_back_to_source() -> None:
    text = "„Љубљана“"
    folded, offsets = fold_with_offsets(text, "sr")
    assert folded == fold(text, "sr") == '"ljubljana"'
    assert offsets == [0, 1, 1, 2, 3, 4, 4, 5, 6, 7, 8]
    assert "".join(text[i] for i in sorted(set(offsets[1:3]))) == "Љ"

    text = "e\u0301te ﬁn Maße\u00ad"  # combining accent, ligature, sharp s, soft hyphen
    folded, offsets = fold_with_offsets(text, "de")
    assert folded == fold(text, "de") == "éte fin masse"
    assert len(offsets) == len(folded)
    assert offsets[0] == 0 and offsets[1] == 2  # "é" from two source characters
    assert offsets[4:7] == [5, 5, 6]  # "fi" from the ligature
    assert offsets[-3:] == [10, 10, 11]  # "ss" from "ß", the soft hyphen dropped


def test_fold_with_offsets_equals_fold_on_ntrex(shared_dir) -> None:
    data = shared_dir / "data" / "ntrex-dev"
    for lang in ("sr-Cyrl", "sq", "de"):
        for line in (data / f"{lang}.txt").read_text(encoding="utf-8").splitlines()[:300]:
            folded, offsets = fold_with_offsets(line, lang)
            assert folded == fold(line, lang)
            assert offsets == sorted(offsets) and (not offsets or offsets[-1] < len(line))


def test_ntrex_homoglyphs_repaired(shared_dir) -> None:
    text = (shared_dir / "data" / "ntrex-dev" / "sr-Cyrl.txt").read_text(encoding="utf-8")
    mixed = re.compile(r"\w*(?:[\u0400-\u04ff]\w*[a-zA-Z]|[a-zA-Z]\w*[\u0400-\u04ff])\w*")
    before = len(mixed.findall(text))
    after = len(mixed.findall(repair_homoglyphs(text)))
    assert before > 500 and after == 0


def test_ascii_key() -> None:
    assert ascii_key("Vučić") == "vucic"
    assert ascii_key("Вучић") == "vucic"
    assert ascii_key("Đoković") == "djokovic"
    assert ascii_key("Prishtinë, Straße, Łódź") == "prishtine, strasse, lodz"
    assert ascii_key("Ελλάδα") == unicodedata.normalize("NFKD", "ελλαδα")


def test_sentence_initial() -> None:
    text = 'He said. „The end?" And (more) here'
    assert sentence_initial(text, 0)
    assert not sentence_initial(text, text.index("said"))
    assert sentence_initial(text, text.index("The"))
    assert sentence_initial(text, text.index("And"))
    assert not sentence_initial(text, text.index("more"))
