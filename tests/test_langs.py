from __future__ import annotations

import logging

import pytest

from align.errors import InputError
from align.lang import LangTag, detect_script, parse_tag
from align.lang.detect import check_language, resolve_tag

EN = (
    "The government announced on Monday that the new railway line between the two largest cities will "
    "open next spring, after years of delays caused by disputes over land, money and the route itself. "
    "Local residents said they were glad the work was finally coming to an end."
)
DE = (
    "Die Regierung hat am Montag angekündigt, dass die neue Bahnstrecke zwischen den beiden größten "
    "Städten im nächsten Frühjahr eröffnet wird, nach jahrelangen Verzögerungen durch Streit um Land, "
    "Geld und die Strecke selbst. Die Anwohner sagten, sie seien froh, dass die Arbeiten endlich enden."
)
SQ = (
    "Qeveria njoftoi të hënën se linja e re hekurudhore mes dy qyteteve më të mëdha do të hapet "
    "pranverën e ardhshme, pas vitesh vonesash të shkaktuara nga mosmarrëveshjet për tokën, paratë dhe "
    "vetë rrugën. Banorët vendas thanë se ishin të kënaqur që punimet më në fund po përfundonin."
)
SR_LATN = (
    "Vlada je u ponedeljak objavila da će nova železnička pruga između dva najveća grada biti otvorena "
    "sledećeg proleća, posle godina kašnjenja zbog sporova oko zemljišta, novca i same trase. Lokalni "
    "stanovnici su rekli da im je drago što se radovi konačno završavaju."
)
FR = (
    "Le gouvernement a annoncé lundi que la nouvelle ligne de chemin de fer entre les deux plus grandes "
    "villes ouvrira au printemps prochain, après des années de retard dues aux querelles sur les terrains, "
    "l'argent et le tracé lui-même. Les habitants ont dit qu'ils étaient contents de voir les travaux finir."
)
SR_CYRL = (
    "Влада је у понедељак објавила да ће нова железничка пруга између два највећа града бити отворена "
    "следећег пролећа, после година кашњења због спорова око земљишта, новца и саме трасе. Локални "
    "становници су рекли да им је драго што се радови коначно завршавају."
)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en", LangTag("en", "en", None)),
        ("sr-Cyrl", LangTag("sr-Cyrl", "sr", "Cyrl")),
        ("SR-latn-rs", LangTag("sr-Latn-RS", "sr", "Latn", "RS")),
        ("en_US", LangTag("en-US", "en", None, "US")),
        ("eng", LangTag("en", "en", None)),
        ("sqi", LangTag("sq", "sq", None)),
        ("de-CH-1996", LangTag("de-CH-1996", "de", None, "CH")),
        ("es-419", LangTag("es-419", "es", None, "419")),
        ("zh-yue-HK", LangTag("zh-yue-HK", "zh", None, "HK")),
        ("fy", LangTag("fy", "fy", None)),  # any ISO 639 code is accepted, known or not
        ("und", LangTag("und", "und", None)),
        ("en-x-private", LangTag("en-x-private", "en", None)),
    ],
)
def test_parse_tag_canonicalises(tag: str, expected: LangTag) -> None:
    assert parse_tag(tag) == expected


@pytest.mark.parametrize(
    "tag",
    ["english", "e", "engl", "", "en-", "en--US", "123", "x-foo", "i-klingon", "sr-Latn-Cyrl", "en-US-x"],
)
def test_parse_tag_rejects_malformed(tag: str) -> None:
    with pytest.raises(InputError) as err:
        parse_tag(tag, "corpus/doc.txt")
    message = str(err.value)
    assert message.startswith(f"corpus/doc.txt: unknown language tag {tag!r}")
    assert "sr-Cyrl" in message and "sq" in message  # the hint names known tags


def test_detect_script() -> None:
    assert detect_script(SR_CYRL) == "Cyrl"
    assert detect_script(SR_LATN) == "Latn"
    assert detect_script("Неки Чланови скупштине (AM) и MWP") == "Cyrl"  # Latin acronyms are a minority
    assert detect_script("Η Αθήνα") == "Grek"
    assert detect_script("12:30 — 45%") is None


def test_resolve_tag_adds_detected_script_only_when_undeclared() -> None:
    assert resolve_tag("sr", SR_CYRL) == "sr-Cyrl"
    assert resolve_tag("sr", SR_LATN) == "sr-Latn"
    assert resolve_tag("sr-RS", SR_LATN) == "sr-Latn-RS"
    assert resolve_tag("sr-Latn", SR_CYRL) == "sr-Latn"  # declared script kept
    assert resolve_tag("de", DE) == "de"  # single-script language: nothing added
    assert resolve_tag("sr", "2022") == "sr"
    with pytest.raises(InputError):
        resolve_tag("serbian", SR_CYRL)


@pytest.mark.parametrize(
    ("text", "tag"),
    [(EN, "en"), (DE, "de"), (SQ, "sq"), (SR_LATN, "sr"), (SR_CYRL, "sr-Cyrl"), (SR_LATN, "hr")],
)
def test_check_language_silent_when_right(caplog: pytest.LogCaptureFixture, text: str, tag: str) -> None:
    with caplog.at_level(logging.WARNING, logger="align"):
        check_language(text, tag)
    assert caplog.records == []


@pytest.mark.parametrize(
    ("text", "tag", "named"),
    [
        (DE, "en", "looks like de"),
        (EN, "sq", "looks like en"),
        (SQ, "de", "looks like sq"),
        (SR_LATN, "de", "sr"),
    ],
)
def test_check_language_warns_naming_both(
    caplog: pytest.LogCaptureFixture, text: str, tag: str, named: str
) -> None:
    with caplog.at_level(logging.WARNING, logger="align"):
        check_language(text, tag, "doc.txt")
    assert len(caplog.records) == 1
    message = caplog.records[0].getMessage()
    assert message.startswith(f"doc.txt: declared {tag} but") and named in message


def test_check_language_script_mismatch(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="align"):
        check_language(SR_CYRL, "sr-Latn")
        check_language(SR_CYRL, "de")
    messages = [r.getMessage() for r in caplog.records]
    assert messages == [
        "declared sr-Latn but the text is written in Cyrl script, not Latn",
        "declared de but the text is written in Cyrl script, not Latn",
    ]


def test_check_language_silent_on_short_or_unknown(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="align"):
        check_language("Guten Morgen, Welt.", "en")  # too short to judge
        check_language(DE, "haw")  # the identifier has no model of Hawaiian: cannot tell
    assert caplog.records == []


def test_check_language_knows_languages_without_a_profile(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="align"):
        check_language(FR, "fr")
        assert caplog.records == []
        check_language(DE, "fy")
        check_language(FR, "it")
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 2
    assert messages[0].startswith("declared fy but the text looks like de")
    assert messages[1].startswith("declared it but the text looks like fr")


def test_check_language_on_ntrex(shared_dir, caplog: pytest.LogCaptureFixture) -> None:
    data = shared_dir / "data" / "ntrex-dev"
    texts = {
        lang: (data / f"{lang}.txt").read_text(encoding="utf-8") for lang in ("en", "de", "sq", "sr-Latn")
    }
    with caplog.at_level(logging.WARNING, logger="align"):
        for lang, text in texts.items():
            check_language(text, lang)
        assert caplog.records == []
        check_language(texts["sq"], "en")
        check_language(texts["de"], "sq")
    assert len(caplog.records) == 2


NUMBERS_ONLY = " ".join(str(n) for n in range(1000, 1025)) + ".\n"


def test_check_language_silent_on_a_text_of_numbers(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="align"):
        check_language(NUMBERS_ONLY, "en")  # every guess is "unk": no crash, nothing to say
    assert caplog.records == []


@pytest.mark.parametrize("command", ["segment", "pair", "run", "batch"])
def test_numbers_only_text_goes_through_the_cli(tmp_path, command: str) -> None:
    from click.testing import CliRunner

    from align.cli import cli

    (tmp_path / "n.txt").write_text(NUMBERS_ONLY, encoding="utf-8")
    (tmp_path / "m.txt").write_text(NUMBERS_ONLY, encoding="utf-8")
    (tmp_path / "sets.csv").write_text("id,en,de\nnumbers,n.txt,m.txt\n", encoding="utf-8")
    n, m, out = str(tmp_path / "n.txt"), str(tmp_path / "m.txt"), str(tmp_path / "out")
    args = {
        "segment": ["segment", n, "--lang", "en", "-o", out],
        "pair": ["pair", n, m, "--src-lang", "en", "--tgt-lang", "de", "--method", "fast", "-o", out],
        "run": ["run", f"en={n}", f"de={m}", "--method", "fast", "-o", out],
        "batch": ["batch", str(tmp_path / "sets.csv"), "--out", out, "--method", "fast", "--no-cache"],
    }[command]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    written = tmp_path / "out" / "numbers.tei.xml" if command == "batch" else tmp_path / "out"
    assert "1024" in written.read_text(encoding="utf-8") or command == "pair"


@pytest.fixture
def no_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    """simplemma's detector and dictionary loader fail when used (a warm run must not need them)."""
    import simplemma
    from simplemma.strategies.dictionaries import dictionary_factory

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("simplemma's detector dictionaries were loaded")

    monkeypatch.setattr(simplemma, "langdetect", refuse)
    monkeypatch.setattr(dictionary_factory, "_load_dictionary_from_disk", refuse)


@pytest.mark.parametrize(
    ("text", "tag"),
    [(EN, "en"), (DE, "de"), (SQ, "sq"), (SR_LATN, "sr"), (SR_CYRL, "sr-Cyrl"), (SR_LATN, "hr")],
)
def test_ordinary_text_is_checked_without_the_detector(
    no_detector: None, text: str, tag: str, caplog
) -> None:
    with caplog.at_level(logging.WARNING, logger="align"):
        check_language(text * 3, tag)
    assert caplog.records == []


def test_a_warm_pair_run_loads_no_dictionary(no_detector: None, tmp_path) -> None:
    from click.testing import CliRunner

    from align.cli import cli

    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "de.txt").write_text(DE, encoding="utf-8")
    args = [
        "pair",
        str(tmp_path / "en.txt"),
        str(tmp_path / "de.txt"),
        "--src-lang",
        "en",
        "--tgt-lang",
        "de",
    ]
    result = CliRunner().invoke(cli, [*args, "--method", "fast"], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def test_a_warm_run_of_a_pair_without_profiles_loads_no_model(
    no_detector: None, tmp_path, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:
    """French has no language profile, so its check needs the identifier on the first run; the
    verdict is cached, so a second run loads neither simplemma's dictionaries nor the identifier."""
    from click.testing import CliRunner
    from py3langid.langid import LanguageIdentifier

    from align.cli import cli
    from align.lang import detect

    (tmp_path / "de.txt").write_text(DE, encoding="utf-8")
    (tmp_path / "fr.txt").write_text(FR, encoding="utf-8")
    args = ["pair", str(tmp_path / "de.txt"), str(tmp_path / "fr.txt"), "--src-lang", "de"]
    args += ["--tgt-lang", "fr", "--method", "fast", "--cache-dir", str(tmp_path / "cache")]
    loads = []
    real = LanguageIdentifier.from_model_file.__func__

    def counted(cls, *a: object, **k: object) -> LanguageIdentifier:
        loads.append(1)
        return real(cls, *a, **k)

    monkeypatch.setattr(LanguageIdentifier, "from_model_file", classmethod(counted))
    detect._identifier.cache_clear()
    with caplog.at_level(logging.WARNING, logger="align"):
        cold = CliRunner().invoke(cli, args, catch_exceptions=False)
        assert cold.exit_code == 0, cold.output
        assert loads == [1]
        detect._identifier.cache_clear()  # a new process would load the model again, if it needed it
        warm = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert warm.exit_code == 0, warm.output
    assert warm.output == cold.output
    assert loads == [1]
    assert caplog.records == []
