"""Highlighting: the Pygments lexer is registered and reads every contract without errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pygments = pytest.importorskip("pygments")
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename  # noqa: E402
from pygments.token import Comment, Error, Keyword, Literal, Name, Number, Operator, String  # noqa: E402

from .conftest import EXAMPLE, ROOT  # noqa: E402

CONTRACTS = sorted(ROOT.glob("examples/*.rk")) + sorted((ROOT / "tests" / "golden").glob("*.rk"))


def test_the_lexer_is_found_by_name_and_by_file_name() -> None:
    assert get_lexer_by_name("rk").name == "resultkontrakt"
    assert get_lexer_for_filename("kontrakt.rk").name == "resultkontrakt"


@pytest.mark.parametrize("path", CONTRACTS, ids=[p.name for p in CONTRACTS])
def test_every_contract_lexes_without_errors(path: Path) -> None:
    tokens = list(get_lexer_by_name("rk").get_tokens(path.read_text(encoding="utf-8")))
    assert [value for kind, value in tokens if kind in Error] == []


def test_the_parts_of_a_contract_get_their_colours() -> None:
    text = ('goal 1 "T" { """note""" deliverable d "D" due 2019-12-31\n'
            '  score nps(svar) >= 60 -> 100%; all(deliverables) -> 16.5 mio kr > 1 kr }  # done\n')
    kinds = {value: kind for kind, value in get_lexer_by_name("rk").get_tokens(text)}
    assert kinds["goal"] in Keyword and kinds["score"] in Keyword
    assert kinds['"T"'] in String and kinds["note"] in String.Doc
    assert kinds["2019-12-31"] in Literal.Date
    assert kinds["100%"] in Number and kinds["16.5"] in Number
    assert kinds["nps"] in Name.Builtin and kinds["svar"] in Name
    assert kinds["# done"] in Comment
    goal_id = {v: k for k, v in get_lexer_by_name("rk").get_tokens('goal 2a "T" { }')}
    assert goal_id["2a"] in Name.Label


@pytest.mark.skipif(shutil.which("pygmentize", path=str(Path(sys.executable).parent)) is None,
                    reason="pygmentize is not installed beside this Python")
def test_pygmentize_highlights_the_example() -> None:
    pygmentize = shutil.which("pygmentize", path=str(Path(sys.executable).parent))
    assert pygmentize is not None
    done = subprocess.run([pygmentize, "-l", "rk", "-f", "html", str(EXAMPLE)],
                          capture_output=True, text=True, check=True)
    assert '<span class="k">goal</span>' in done.stdout
    assert '<span class="err">' not in done.stdout


def test_the_words_of_payments_conditions_goal_results_and_dates_get_their_colours() -> None:
    text = ("metric andel = if points >= 90 then fulfilment(goal 1) else 75% of overall\n"
            "payment resultatløn \"R\" = andel of løn\n"
            "goal 2 \"M\" { deliverable m \"M\" due første + 18 months score m -> 100% }\n"
            "example \"x\" as of 2019-06-30 { expect goal 2 pending, payment resultatløn = 5 kr }\n")
    tokens = list(get_lexer_by_name("rk").get_tokens(text))
    assert [value for kind, value in tokens if kind in Error] == []
    kinds = {value: kind for kind, value in tokens}
    for word in ("if", "then", "else", "payment", "points", "overall", "pending", "as", "due"):
        assert kinds[word] in Keyword, word
    assert kinds["of"] in Operator.Word and kinds["fulfilment"] in Name.Builtin
    assert kinds["months"] in Keyword.Type and kinds["18"] in Number
    assert kinds["første"] in Name
