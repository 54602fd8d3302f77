"""Every problem is a reason code and its parameters, said in English or Danish (issue 21, part 4).

Checks make no text: a problem holds its code and parameters, and its words come from the
phrase tables (wording.py) when someone reads it, in the language they read. Here:

- every code a check can give has its words, and every hint it names, in both tables;
- every problem of the broken and golden contracts has a code, and its Danish says it in
  Danish: other words than the English where the template has other words, and no English
  word of the tables outside code, names and quotes;
- checking a contract, or a facts file, puts nothing into words;
- a problem kept in the cache is said in the language that reads it.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from pathlib import Path

import pytest

import resultkontrakt as rk
from resultkontrakt.core import wording
from resultkontrakt.core.errors import Problem, RkError
from resultkontrakt.core.wording import DANISH, ENGLISH

from .conftest import EXAMPLE

TESTS = Path(__file__).parent
SOURCE = TESTS.parent / "src" / "resultkontrakt"
CONTRACTS = sorted([*TESTS.glob("broken/*.rk"), *TESTS.glob("golden/*.rk"),
                    *(TESTS.parent / "examples").glob("*.rk")])


def _problems(path: Path) -> tuple[Problem, ...]:
    try:
        return rk.load(path).warnings
    except RkError as error:
        return error.problems


def _all_problems() -> list[Problem]:
    return [problem for path in CONTRACTS for problem in _problems(path)]


# ---- every code has its words ----------------------------------------------------------------

# Where a code is given as a literal: problem("code", ...), warning(...), mistake(...), a check's
# _error(where, "code", ...), the parser's _said("code", ...); `fail` in factsfile.py adds "json.".
_CODE = re.compile(r"\b(problem|warning|mistake|_error|_said|fail)\((?:[^()\"]*?,\s*)?\"([a-z][\w.-]*)\"")
_HINT = re.compile(r"\bhint=\"([a-z][\w.-]*)\"")
_PARSER_HINT = re.compile(r"return \(\"([a-z][\w.-]*)\", \{")  # parser.py: ("syntax.tier", {...})


def _codes_in_source() -> set[str]:
    codes = set()
    for path in SOURCE.rglob("*.py"):
        for call, code in _CODE.findall(path.read_text(encoding="utf-8")):
            if call != "fail":
                codes.add(code)
            elif path.name == "factsfile.py":  # elsewhere `fail` is a calculation's failure (failure.CODE)
                codes.add(f"json.{code}")
    return codes


def test_every_code_a_check_gives_has_its_words_in_both_languages() -> None:
    codes = _codes_in_source()
    assert {"unknown-name", "syntax.found", "tier.unreachable", "function.abs", "json.colon",
            "split.no-total"} <= codes  # the search finds them
    for w in (ENGLISH, DANISH):
        assert not {code for code in codes if not w.has(f"problem.{code}")}, w.lang


def test_every_hint_a_check_names_has_its_words_in_both_languages() -> None:
    hints = {("file." if path.name == "files.py" else "") + found for path in SOURCE.rglob("*.py")
             for found in _HINT.findall(path.read_text(encoding="utf-8"))}
    hints |= set(_PARSER_HINT.findall((SOURCE / "language" / "parser.py").read_text(encoding="utf-8")))
    assert {"suggest", "syntax.tier", "date-in-contract", "function.bind"} <= hints
    for w in (ENGLISH, DANISH):
        assert not {hint for hint in hints if not w.has(f"hint.{hint}")}, w.lang


def _words(template: str) -> str:
    """The words of a template, without what is filled in and without code in backticks."""
    text = re.sub(r"`[^`]*`", " ", template)
    return " ".join(literal for part in text.split("|")
                    for literal, _, _, _ in string.Formatter().parse(part)).strip()


def test_the_danish_of_every_problem_is_not_the_english_copied() -> None:
    """A template with words of its own (not only values and code) is written anew in Danish."""
    copied = sorted(key for key, english in ENGLISH.words.items()
                    if key.split(".")[0] in ("problem", "hint", "type", "token", "label", "ref", "count")
                    and re.search(r"[a-z]{3}", _words(english)) and DANISH[key] == english)
    assert not copied, copied


# ---- the problems of the broken and golden contracts, said in Danish ----------------------------

# Words both languages write alike, or that are code in a Danish message (a type as written, a
# method's name): never a sign of a message left in English.
SHARED = {"at", "for", "under", "to", "kr", "tkr", "mio", "nps", "largest", "remainder", "sainte", "laguë",
          "hondt", "json", "csv", "utf", "rk", "ok", "docs", "language", "md", "true", "false", "d", "mente"}


def _english_only() -> set[str]:
    def words(table: Mapping[str, str]) -> set[str]:
        return {w.casefold() for text in table.values()
                for w in re.findall(r"[^\W\d_]{2,}", _words(text))}

    return words(ENGLISH.words) - words(DANISH.words) - SHARED


def _outside_code(text: str, problem: Problem) -> str:
    """`text` without code in backticks, quoted text and the names it was given."""
    text = re.sub(r"`[^`]*`|\"[^\"]*\"", " ", text)
    given = [value for _, value in problem.params]
    names = [item for value in given for item in (value if isinstance(value, tuple) else (value,))
             if isinstance(item, str) and item]
    for name in names:
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text)
    return text


def test_every_problem_of_the_broken_and_golden_contracts_has_a_code_with_words() -> None:
    problems = _all_problems()
    assert len(problems) > 100
    for problem in problems:
        assert isinstance(problem.code, str) and problem.code, problem
        assert ENGLISH.has(f"problem.{problem.code}") and DANISH.has(f"problem.{problem.code}"), problem.code


def test_every_problem_of_the_broken_and_golden_contracts_is_said_in_danish() -> None:
    english_only = _english_only()
    assert {"unknown", "declared", "reached", "percent", "expected", "found"} <= english_only  # it can fail
    for problem in _all_problems():
        said = {f"problem.{problem.code}": (problem.message_in(ENGLISH), problem.message_in(DANISH))}
        hint = f"hint.{dict(problem.params).get('hint', problem.code)}"
        if ENGLISH.has(hint):
            said[hint] = (problem.hint_in(ENGLISH) or "", problem.hint_in(DANISH) or "")
        for key, (english, danish) in said.items():
            if _words(ENGLISH[key]) != _words(DANISH[key]):
                assert danish != english, (problem.code, english)
            leaked = {w for w in re.findall(r"[^\W\d_]{2,}", _outside_code(danish, problem))
                      if w.casefold() in english_only}
            assert not leaked, (problem.code, danish, leaked)


def test_numbers_in_a_danish_message_are_written_as_danish_writes_them() -> None:
    split = next(p for p in _problems(TESTS / "golden" / "split-errors.rk") if p.code == "split.uneven-installments")
    assert split.message == ("16489 tkr over 12 installments is ≈1374.0833 tkr per installment, not a whole "
                             "number of units of 1 tkr")
    assert split.message_in(DANISH) == ("16.489 t.kr. fordelt på 12 rater er ≈1374,0833 t.kr. pr. rate, ikke "
                                        "et helt antal enheder à 1 t.kr.")


def test_a_hint_that_names_code_keeps_it_as_it_is_written() -> None:
    """What to write in the contract is written as the contract writes it, in any language: 70%, not 70 %."""
    problem = next(p for p in _problems(TESTS / "broken" / "06-percent-vs-number.rk") if p.code == "cannot-compare")
    assert problem.hint == "write the threshold as a percentage: 70%"
    assert problem.hint_in(DANISH) == "skriv tærsklen som en procentsats: `70%`"


# ---- nothing is put into words while checking -----------------------------------------------------


@pytest.fixture
def words_made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every phrase made from the tables while the test runs."""
    made: list[str] = []
    phrase = wording.Wording.phrase

    def counted(self: wording.Wording, key: str, count: int | None = None, /, **values: object) -> str:
        made.append(key)
        return phrase(self, key, count, **values)

    monkeypatch.setattr(wording.Wording, "phrase", counted)
    return made


def test_checking_a_broken_contract_makes_no_text(words_made: list[str]) -> None:
    with pytest.raises(rk.ContractError) as raised:
        rk.loads((TESTS / "golden" / "expression-errors.rk").read_text(encoding="utf-8"), "more.rk")
    assert words_made == []
    assert raised.value.problems[0].message == "this bound is a number, but `andel` holds percent values"
    assert words_made == ["problem.range.bound-kind"]


def test_checking_bad_facts_makes_no_text(words_made: list[str]) -> None:
    contract = rk.load(EXAMPLE)
    supplied = contract.check_facts({"anbefaling": "high", "unknwn": 1})
    assert {p.code for p in supplied.problems} >= {"fact-value", "unknown-fact"}
    assert words_made == []


# ---- problems kept as data -----------------------------------------------------------------------


def test_a_problem_kept_in_the_cache_is_said_in_the_language_that_reads_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RK_CACHE_DIR", str(tmp_path / "cache"))
    contract = tmp_path / "weights.rk"
    contract.write_text("split s {\n    total 100 tkr\n    shares { Morsø 20514  Læsø -1807 }\n}\n",
                        encoding="utf-8")
    first = _problems(contract)
    again = _problems(contract)  # read back from the cache, with its parameters
    assert any((tmp_path / "cache").rglob("*"))
    assert first == again and [p.code for p in again] == ["split.weight-negative"]
    assert again[0].message_in(DANISH) == "vægten for Læsø er negativ"
    assert again[0].hint_in(DANISH) == "en vægt er et folketal eller et andet tal på nul eller mere"


def test_a_wording_without_the_words_for_a_problem_says_it_in_english_rather_than_fail() -> None:
    from resultkontrakt.core.reasons import problem

    sparse = wording.Wording("da", DANISH.decimal, DANISH.group, DANISH.percent_space, DANISH.money_units,
                             {k: v for k, v in DANISH.words.items() if k != "problem.unknown-name"})
    assert problem("unknown-name", name="nsp").message_in(sparse) == "unknown name `nsp`"
    assert problem("no-such-code").message == "no-such-code"
