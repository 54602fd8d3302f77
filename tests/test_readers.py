"""What a politician reads: the Danish reports of every shipped example, held to issue 23.

Every example contract with every facts file beside it, as Markdown and as HTML, must contain
no name with `_`, no operator, no function call, no English word, no number with more than two
decimals, and a headline that says what the overall covers. The contract's own words (its titles,
labels, descriptions and text blocks) are its authors' and are taken out first; what is left is
what resultkontrakt wrote.
"""

from __future__ import annotations

import html as html_module
import re
from collections import Counter
from pathlib import Path

import pytest

import resultkontrakt as rk
from resultkontrakt.output import report

from .conftest import EXAMPLES
from .test_report import _english_only_words

# Every facts file of every example: `NAME.facts.json`, `NAME-X.facts.json`, `NAME.X.facts.json`.
CASES = sorted((contract, facts) for contract in EXAMPLES.glob("*.rk")
               for facts in EXAMPLES.glob(f"{contract.stem}*.facts.json"))
IDS = [facts.name.removesuffix(".facts.json") for _, facts in CASES]

# A string the contract writes: a text block or a quoted text, its authors' words.
STRINGS = re.compile(r'"""(?:.|\n)*?"""|"(?:[^"\\\n]|\\.)*"')

OPERATORS = (">=", "<=", "->", "!=", "==", " * ", " / ", " and ", " or ", " in period")
FUNCTION_CALL = re.compile(r"\b[^\W\d]\w*\(")
UNDERSCORED = re.compile(r"\b\w*[^\W\d]_\w+|\\_")
MANY_DECIMALS = re.compile(r"\d,\d{3}")  # Danish decimals follow a comma; thousands a full stop


def _own_words(contract: Path) -> list[str]:
    """The contract's strings as written, longest first, without their quotes."""
    found = {match.strip('"').strip() for match in STRINGS.findall(contract.read_text(encoding="utf-8"))}
    words = {" ".join(line.strip() for line in text.splitlines()).strip() for text in found} | found
    return sorted((w for w in words if w), key=len, reverse=True)


def _text(contract: Path, facts: Path, form: str) -> str:
    built = report.build(rk.load(contract), rk.load_facts(facts), "da")
    if form == "markdown":
        text = report.markdown(built)
        text = text.replace("**", " ").replace("\\", "")
    else:
        page = re.sub(r"<style.*?</style>|<script.*?</script>|<svg.*?</svg>", " ", report.page(built), flags=re.S)
        text = html_module.unescape(re.sub(r"<[^>]+>", " ", page))
    return text.replace("\u00a0", " ")


def _written_by_us(text: str, contract: Path) -> str:
    text = "\n".join(line for line in text.splitlines() if not line.startswith(">"))  # text blocks
    text = " ".join(text.split()).casefold()  # a label may start a sentence, with a capital
    for own in _own_words(contract):
        text = text.replace(own.casefold(), " ")
    return text


@pytest.fixture(scope="module")
def english() -> set[str]:
    words = _english_only_words() - {"part", "point", "per", "eur", "mio", "resultat", "over"}  # Danish too
    assert {"answers", "least", "below", "delivered", "otherwise"} <= words  # the check can fail
    return words


@pytest.mark.parametrize("form", ["markdown", "html"])
@pytest.mark.parametrize(("contract", "facts"), CASES, ids=IDS)
def test_the_danish_report_speaks_to_its_readers(contract: Path, facts: Path, form: str,
                                                  english: set[str]) -> None:
    said = _written_by_us(_text(contract, facts, form), contract)
    assert not UNDERSCORED.findall(said), "a name with _"
    assert [op for op in OPERATORS if op in said] == [], "an operator"
    assert FUNCTION_CALL.findall(said) == [], "a function call"
    assert sorted({w for w in re.findall(r"[^\W\d_]+", said) if w.casefold() in english}) == []
    assert MANY_DECIMALS.findall(said) == [], "a number with more than two decimals"


@pytest.mark.parametrize(("contract", "facts"), CASES, ids=IDS)
def test_the_headline_says_what_the_overall_covers(contract: Path, facts: Path) -> None:
    loaded = rk.load(contract)
    evaluation = loaded.evaluate(rk.load_facts(facts))
    states = Counter(goal.state for goal in evaluation.goals.values())
    headline = next(line for line in report.markdown(report.build(loaded, rk.load_facts(facts), "da"))
                    .splitlines() if line.startswith("**Samlet"))
    headline = headline.replace("\u00a0", " ")
    assert "mål" in headline
    if states["pending"]:
        assert re.search(f"{states['pending']} (mål )?afventer", headline)
    if states["not evaluable"]:
        assert re.search(f"{states['not evaluable']} (mål )?kan ikke vurderes", headline)
    if any(goal.provisional for goal in evaluation.goals.values()):
        assert "foreløbig" in headline


def test_the_checks_can_fail() -> None:
    """Each pattern finds what it is for: an operator, a call, a name, many decimals."""
    sample = "point_i_alt >= 90 -> round(x) ≈31,0924"
    assert UNDERSCORED.findall(sample)
    assert [op for op in OPERATORS if op in sample]
    assert FUNCTION_CALL.findall(sample)
    assert MANY_DECIMALS.findall(sample)
    assert len(CASES) >= 13
