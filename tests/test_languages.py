"""One rule for every command's default language: the documents the contract's parties read
(Markdown and HTML) in Danish, what a terminal shows or a program reads (text, JSON, CSV) in
English; `--lang` chooses."""

from __future__ import annotations

import pytest

from .conftest import EXAMPLE, EXAMPLE_FACTS, Rk

C, F = str(EXAMPLE), str(EXAMPLE_FACTS)
PAIR = f"{C}:{F}"
# A command in a format, and a phrase only its English and only its Danish output holds.
OUTPUTS = [
    (["eval", C, F], "partly met", "delvist opfyldt"),
    (["eval", C, F, "--format", "json"], '"language": "en"', '"language": "da"'),
    (["report", C, F], "# Annual report", "# Årsrapport"),
    (["report", C, F, "--format", "html"], '<html lang="en">', '<html lang="da">'),
    (["compare", PAIR], "Overall fulfilment", "Samlet målopfyldelse"),
    (["compare", PAIR, "--format", "csv"], "Goal,", "Mål;"),
    (["compare", PAIR, "--format", "html"], '<html lang="en">', '<html lang="da">'),
    (["split", C], "split by Folketal", "fordelt efter Folketal"),
    (["split", C, "--format", "csv"], "Morsø,20514", "Morsø;20514"),
]
DOCUMENTS = ("markdown", "html")


def _format(argv: list[str]) -> str:
    if "--format" in argv:
        return argv[argv.index("--format") + 1]
    return "markdown" if argv[0] == "report" else "text"


@pytest.mark.parametrize(("argv", "english", "danish"), OUTPUTS, ids=[" ".join([a[0], _format(a)]) for a, _, _ in OUTPUTS])
def test_the_default_language_follows_the_format_and_lang_chooses(
        rk: Rk, argv: list[str], english: str, danish: str) -> None:
    default, in_english, in_danish = (rk(*argv), rk(*argv, "--lang", "en"), rk(*argv, "--lang", "da"))
    assert (default.exit, in_english.exit, in_danish.exit) == (0, 0, 0), default.stderr
    assert english in in_english.stdout and danish not in in_english.stdout
    assert danish in in_danish.stdout and english not in in_danish.stdout
    assert default.stdout == (in_danish if _format(argv) in DOCUMENTS else in_english).stdout


def test_split_json_has_no_words_and_is_the_same_in_either_language(rk: Rk) -> None:
    assert rk("split", C, "--format", "json", "--lang", "da").stdout == rk("split", C, "--format", "json").stdout


@pytest.mark.parametrize("command", ["eval", "report", "compare", "split"])
def test_every_command_with_lang_states_the_one_rule(
        rk: Rk, capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit):
        rk(command, "--help")
    said = " ".join(capsys.readouterr().out.split())
    assert "(default: the contract's `language`, else Danish for markdown and html and English otherwise)" in said
