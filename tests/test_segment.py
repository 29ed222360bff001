"""Sentence segmentation: tricky boundaries per language, exact text, paragraphs, odd input."""

from __future__ import annotations

import pytest

from align.model import Sentence
from align.text.segment import segment, split_sentences

# (lang, paragraph, expected sentences). Sentences written for these tests.
CASES = [
    # English
    ("en", "He moved to the U.S. He liked it there.", ["He moved to the U.S.", "He liked it there."]),
    ("en", "The U.S. Embassy in Belgrade stayed closed.", ["The U.S. Embassy in Belgrade stayed closed."]),
    (
        "en",
        "They sold apples, pears, etc. Then they went home.",
        ["They sold apples, pears, etc.", "Then they went home."],
    ),
    ("en", "Dr. Jones met Mr. Smith at 5 p.m. on Friday.", ["Dr. Jones met Mr. Smith at 5 p.m. on Friday."]),
    ("en", "The talks ended at 5 p.m. The press left.", ["The talks ended at 5 p.m.", "The press left."]),
    ("en", "See No. 5 for details.", ["See No. 5 for details."]),
    ("en", "She said no. Then she left.", ["She said no.", "Then she left."]),
    ("en", "John F. Kennedy spoke in Berlin.", ["John F. Kennedy spoke in Berlin."]),
    ("en", "The vote is on Dec. 5 in Berlin.", ["The vote is on Dec. 5 in Berlin."]),
    ("en", '"Why?" she asked. "Because." He left.', ['"Why?" she asked.', '"Because."', "He left."]),
    ("en", "He said “stop.” Then he left.", ["He said “stop.”", "Then he left."]),
    ("en", "Wait... what did you say?", ["Wait... what did you say?"]),
    ("en", "It rained in 2008. Then it stopped.", ["It rained in 2008.", "Then it stopped."]),
    ("en", "Stop! 50 people were waiting.", ["Stop!", "50 people were waiting."]),
    # German
    (
        "de",
        "Es gab Äpfel, Birnen usw. Der nächste Satz beginnt hier.",
        ["Es gab Äpfel, Birnen usw.", "Der nächste Satz beginnt hier."],
    ),
    ("de", "Es gibt z. B. die Möglichkeit zu gehen.", ["Es gibt z. B. die Möglichkeit zu gehen."]),
    ("de", "Manche Länder, z. B. Die Schweiz, zögern.", ["Manche Länder, z. B. Die Schweiz, zögern."]),
    ("de", "Manche Länder, z.B. Die Schweiz, zögern.", ["Manche Länder, z.B. Die Schweiz, zögern."]),
    ("de", "Am 9. Dezember kam er an.", ["Am 9. Dezember kam er an."]),
    ("de", "Im 20. Jahrhundert änderte sich viel.", ["Im 20. Jahrhundert änderte sich viel."]),
    ("de", "Er kam am 3. Okt. 2010 zurück.", ["Er kam am 3. Okt. 2010 zurück."]),
    ("de", "Das geschah 2008. Danach war alles anders.", ["Das geschah 2008.", "Danach war alles anders."]),
    (
        "de",
        "Sie wurde Dritte. Platz 3. Die Siegerin kam aus Wien.",
        ["Sie wurde Dritte.", "Platz 3.", "Die Siegerin kam aus Wien."],
    ),
    (
        "de",
        "Dr. Müller wohnt in der Hauptstraße Nr. 5 in Köln.",
        ["Dr. Müller wohnt in der Hauptstraße Nr. 5 in Köln."],
    ),
    (
        "de",
        "Sie sagte: „Ich komme morgen.“ Dann ging sie.",
        ["Sie sagte: „Ich komme morgen.“", "Dann ging sie."],
    ),
    ("de", "„Wer?“ fragte er leise.", ["„Wer?“ fragte er leise."]),
    ("de", "1. Einleitung und Überblick", ["1. Einleitung und Überblick"]),
    ("de", "Das ist gut, d. h. Die Leute bleiben.", ["Das ist gut, d. h. Die Leute bleiben."]),
    ("de", "Er traf Mr. Bean in London.", ["Er traf Mr. Bean in London."]),
    # Serbian, Cyrillic
    ("sr-Cyrl", "Рођен је 10. децембра 1950. године у Нишу.", ["Рођен је 10. децембра 1950. године у Нишу."]),
    ("sr-Cyrl", "То је тзв. нова политика, нпр. у школама.", ["То је тзв. нова политика, нпр. у школама."]),
    (
        "sr-Cyrl",
        "Купили су хлеб, млеко итд. Затим су отишли кући.",
        ["Купили су хлеб, млеко итд.", "Затим су отишли кући."],
    ),
    ("sr-Cyrl", "Александар Ј. Вучић је говорио.", ["Александар Ј. Вучић је говорио."]),
    ("sr-Cyrl", "Догодило се 2008. Влада је тада пала.", ["Догодило се 2008.", "Влада је тада пала."]),
    ("sr-Cyrl", "Разговарао је и др. Петровић.", ["Разговарао је и др. Петровић."]),
    (
        "sr-Cyrl",
        "Дошли су Марко, Јован и др. Они су остали.",
        ["Дошли су Марко, Јован и др.", "Они су остали."],
    ),
    # Serbian, Latin
    (
        "sr-Latn",
        "Rođen je 10. decembra 1950. godine. Tzv. reforma je počela 2008. godine.",
        ["Rođen je 10. decembra 1950. godine.", "Tzv. reforma je počela 2008. godine."],
    ),
    (
        "sr-Latn",
        "Kupili su hleb, mleko itd. Zatim su otišli.",
        ["Kupili su hleb, mleko itd.", "Zatim su otišli."],
    ),
    ("sr-Latn", "To je npr. jedan primer.", ["To je npr. jedan primer."]),
    ("sr-Latn", "Aleksandar J. Vučić je rekao da dolazi.", ["Aleksandar J. Vučić je rekao da dolazi."]),
    ("sr", "Rekao je: „Dolazim.“ – i otišao.", ["Rekao je: „Dolazim.“ – i otišao."]),
    # Albanian
    ("sq", "Z. Rama tha se do të vijë.", ["Z. Rama tha se do të vijë."]),
    ("sq", "Takimi me z. Kurti u mbajt sot.", ["Takimi me z. Kurti u mbajt sot."]),
    (
        "sq",
        "Ata blenë bukë, qumësht etj. Pastaj shkuan në shtëpi.",
        ["Ata blenë bukë, qumësht etj.", "Pastaj shkuan në shtëpi."],
    ),
    ("sq", "Ka shumë qytete, p.sh. Prishtina dhe Tirana.", ["Ka shumë qytete, p.sh. Prishtina dhe Tirana."]),
    ("sq", "Kjo ndodhi në vitin 2008. Ai u largua.", ["Kjo ndodhi në vitin 2008.", "Ai u largua."]),
    ("sq", "Shih sh. 5 për më shumë.", ["Shih sh. 5 për më shumë."]),
    # other languages: generic rules, sentencex's abbreviation lists
    ("fr", "Il est arrivé hier. Elle est partie.", ["Il est arrivé hier.", "Elle est partie."]),
    ("fr", "M. Dupont est arrivé.", ["M. Dupont est arrivé."]),
    ("it", "Il Dr. Rossi è arrivato. Poi è partito.", ["Il Dr. Rossi è arrivato.", "Poi è partito."]),
    ("es", "La Sra. García llegó ayer. Después se fue.", ["La Sra. García llegó ayer.", "Después se fue."]),
    ("hr", "To je tzv. problem. Riješit ćemo ga.", ["To je tzv. problem.", "Riješit ćemo ga."]),
    ("ja", "今日は晴れです。明日は雨です。", ["今日は晴れです。", "明日は雨です。"]),
    ("xx", "One thing. Another thing!", ["One thing.", "Another thing!"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_split_sentences(lang: str, text: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected


def test_cyrillic_with_latin_lookalikes() -> None:
    # "Oн", "je", "дa", "Aли" carry Latin a/e/o/j; "нпp." has a Latin p but is still the abbreviation.
    text = "Oн je рекao дa ћe дoћи. Aли ниje дoшao. Има градова, нпp. Београд и Ниш."
    assert split_sentences(text, "sr-Cyrl") == [
        "Oн je рекao дa ћe дoћи.",
        "Aли ниje дoшao.",
        "Има градова, нпp. Београд и Ниш.",
    ]
    # "Aли" (Latin A) is a sentence starter, so a dotted acronym before it ends the sentence.
    assert split_sentences("Фирма је основана као д.о.о. Aли није радила.", "sr") == [
        "Фирма је основана као д.о.о.",
        "Aли није радила.",
    ]


MIXED = (
    "\ufeffThe U.S. envoy arrived.  He met Dr. Kurti!\r\n"
    "“Why now?” asked one reporter… Nobody knew.\r\n"
    "\r\n"
    "   \t\n"
    "Second paragraph, etc. The end (really).\n"
    "\n"
    "\n"
    "Third.\tParagraph."
)


def test_segment_paragraphs_and_exact_text() -> None:
    sentences = segment(MIXED, "en")
    assert sentences == [
        Sentence("The U.S. envoy arrived.", 0),
        Sentence("He met Dr. Kurti!", 0),
        Sentence("“Why now?” asked one reporter…", 0),
        Sentence("Nobody knew.", 0),
        Sentence("Second paragraph, etc.", 1),
        Sentence("The end (really).", 1),
        Sentence("Third.", 2),
        Sentence("Paragraph.", 2),
    ]
    for s in sentences:
        assert s.text and s.text in MIXED and s.text == s.text.strip()
    assert "".join(s.text for s in sentences).replace(" ", "") == "".join(MIXED.split()).lstrip("\ufeff")


@pytest.mark.parametrize("lang", ["en", "de", "sr", "sr-Cyrl", "sr-Latn", "sq", "fr", "xx", "SR_latn"])
def test_covers_all_text_in_order(lang: str) -> None:
    text = "A. B. C! D? E... f. Nr. 5. 2008. Z. B. „Q.“ (R.) — s. 10. X. Y.\n\nZ usw. W."
    sentences = segment(text, lang)
    assert all(s.text.strip() == s.text != "" for s in sentences)
    pos = 0
    for s in sentences:  # each sentence is found after the previous one
        pos = text.index(s.text, pos) + len(s.text)
    assert "".join(s.text for s in sentences).replace(" ", "") == "".join(text.split())
    assert [s.para for s in sentences][-1] == 1


@pytest.mark.parametrize("text", ["", "   ", "\n\n \r\n\t", "\ufeff"])
def test_empty_text(text: str) -> None:
    assert segment(text, "en") == []
    assert split_sentences(text, "de") == []


def test_carriage_returns() -> None:
    assert segment("One here.\r\nStill one.\r\n\r\nTwo.", "en") == [
        Sentence("One here.", 0),
        Sentence("Still one.", 0),
        Sentence("Two.", 1),
    ]
    assert segment("One.\r\rTwo.\rStill two.", "en") == [
        Sentence("One.", 0),
        Sentence("Two.", 1),
        Sentence("Still two.", 1),
    ]


def test_no_sentence_without_a_word() -> None:
    # a stray closing quote or a lone dash is kept with its neighbour, never a sentence of its own
    assert split_sentences('He said it was over. "', "en") == ['He said it was over. "']
    assert split_sentences(". . . !", "en") == [". . . !"]
    assert split_sentences("— . It went on.", "en") == ["— . It went on."]


@pytest.mark.parametrize("lang", ["en", "de", "sr", "sq"])
def test_bundled_corpus_matches_gold(corpora_dir, lang: str) -> None:
    root = corpora_dir / "kosovo-barricades"
    text_path, gold_path = root / f"{lang}.txt", root / "gold" / f"{lang}.sents"
    if not (text_path.is_file() and gold_path.is_file()):
        pytest.skip(f"{text_path} or its gold is absent")
    gold = [
        Sentence(line, para)
        for para, block in enumerate(gold_path.read_text(encoding="utf-8").strip().split("\n\n"))
        for line in block.splitlines()
    ]
    assert segment(text_path.read_text(encoding="utf-8"), lang) == gold
