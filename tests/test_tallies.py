"""Answers a contract only counts are read from their file as a tally: the same results, the
same words, the same problems in the same places as the list they stand for."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.core.values import Tallied
from resultkontrakt.facts import answers
from resultkontrakt.facts.supplied import Supplied, check_facts

from .conftest import DEEP

COUNTED = rk.loads('''
fact anbefaling: list of optional integer in 0 .. 10 label "anbefaling"
metric nps = nps(anbefaling)
metric ambassadører = share(a in anbefaling where a >= 9)
goal 1 "NPS" {
    require count(anbefaling) >= 3 "mindst tre svar"
    score nps >= 60 -> 100%; >= 50 -> 50%
}
goal 2 "Ambassadører" { score ambassadører >= 50% -> 100%; any(a in anbefaling where a = 0) -> 10% }
''', source="counted.rk")


def export(folder: Path, answers: Sequence[int | None], *, delimiter: str = ";", name: str = "svar.csv") -> Path:
    """A CSV export of `answers` (None: left blank) and a facts file pointing at it."""
    rows = [f"S{i}{delimiter}{'' if a is None else a}" for i, a in enumerate(answers)]
    (folder / name).write_text("\n".join([f"virksomhed{delimiter}anbefaling", *rows]) + "\n", encoding="utf-8")
    facts = folder / "facts.json"
    facts.write_text(json.dumps({"anbefaling": {"csv": name, "column": "anbefaling"}}), encoding="utf-8")
    return facts


def as_lists(contract: rk.Contract, facts: Path) -> Supplied:
    """The facts checked with every list read answer by answer, as before tallies."""
    return check_facts(rk.load_facts(facts), contract.analysis.facts, contract.analysis.deliverables)


def both(contract: rk.Contract, facts: Path) -> tuple[rk.Evaluation, rk.Evaluation]:
    return contract.evaluate(contract.check_facts(rk.load_facts(facts))), contract.evaluate(as_lists(contract, facts))


answers_with_blanks = st.lists(st.one_of(st.none(), st.integers(0, 10)), max_size=60)


# Each example writes a file and evaluates twice: a few are enough in the quick loop.
@settings(max_examples=2000 if DEEP else 8)
@given(answers_with_blanks)
def test_a_tally_gives_what_the_list_gives_in_every_result_and_word(tmp_path_factory: pytest.TempPathFactory,
                                                                    xs: list[int | None]) -> None:
    facts = export(tmp_path_factory.mktemp("svar"), xs)
    tallied, listed = both(COUNTED, facts)
    assert isinstance(COUNTED.check_facts(rk.load_facts(facts)).values["anbefaling"], Tallied)
    assert tallied.to_dict() == listed.to_dict()
    assert tallied.explain() == listed.explain()


def test_exactly_60_is_full_fulfilment_and_just_under_is_half(tmp_path: Path) -> None:
    at = both(COUNTED, export(tmp_path, [10] * 65 + [7] * 30 + [0] * 5 + [None] * 3))[0]
    assert at.goals["1"].fulfilment == 1
    assert "NPS = 60" in at.explain()
    under = both(COUNTED, export(tmp_path, [10] * 64 + [7] * 31 + [0] * 5))[0]
    assert under.goals["1"].fulfilment == Fraction(1, 2)


def test_the_tally_holds_each_distinct_answer_in_the_order_first_read(tmp_path: Path) -> None:
    supplied = COUNTED.check_facts(rk.load_facts(export(tmp_path, [7, None, 10, 7, 0, 10, 10])))
    value = supplied.values["anbefaling"]
    assert isinstance(value, Tallied)
    assert list(value.counts.items()) == [(7, 2), (10, 3), (0, 1)] and value.size == 6


@pytest.mark.parametrize(("cell", "words"), [
    ("ti", 'column "anbefaling": expected a number, got the text "ti"'),
    ("11", 'column "anbefaling": 11 is outside its range 0 .. 10'),
])
def test_a_bad_answer_deep_in_a_big_file_is_named_by_file_line_and_column(tmp_path: Path, cell: str,
                                                                          words: str) -> None:
    size = 200_000 if DEEP else 5_000
    rows = [f"S{i};{i % 11}" for i in range(size)]
    rows[size - 7] = f"S{size - 7};{cell}"
    (tmp_path / "svar.csv").write_text("virksomhed;anbefaling\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "facts.json").write_text(json.dumps({"anbefaling": {"csv": "svar.csv", "column": "anbefaling"}}))
    tallied, listed = both(COUNTED, tmp_path / "facts.json")
    assert [p.message for p in tallied.problems] == [p.message for p in listed.problems]
    first = tallied.problems[0]
    assert first.message == words
    assert first.span is not None and first.span.source.endswith("svar.csv")
    assert (first.span.line, first.span.column) == (size - 7 + 2, len(f"S{size - 7};") + 1)
    assert tallied.explain() == listed.explain()


@pytest.mark.parametrize("text", [
    "virksomhed;anbefaling\nS1;9\nS2;9;9\n",  # a row of the wrong width
    "virksomhed;anbefaling\nS1;9\nS2;\"9\n",  # a quote never closed
    "virksomhed;anbefaling\nS1;9\n\n;\nS2;8\n",  # empty rows, left out
    "virksomhed;svar\nS1;9\n",  # no such column
    "",  # nothing at all
    "virksomhed\u037eanbefaling\nS1\u037e9\nS2\u037e10\n",  # a Greek question mark, a semicolon once normalized
    "virksomhed;anbefaling\r\nS1;9\r\nS2;10\rS3;0\r\n",  # Windows' and old Macs' line ends
    "\ufeffvirksomhed,anbefaling\nS1,9\nS2,\" 10 \"\n",  # a byte-order mark, commas, a quoted answer
])
def test_a_file_of_any_shape_gives_the_list_s_results_and_problems(tmp_path: Path, text: str) -> None:
    (tmp_path / "svar.csv").write_text(text, encoding="utf-8", newline="")
    (tmp_path / "facts.json").write_text(json.dumps({"anbefaling": {"csv": "svar.csv", "column": "anbefaling"}}))
    tallied, listed = both(COUNTED, tmp_path / "facts.json")
    assert tallied.to_dict() == listed.to_dict()
    assert tallied.explain(language="da") == listed.explain(language="da")
    assert [(p.message, p.span) for p in tallied.problems] == [(p.message, p.span) for p in listed.problems]


def test_a_blank_answer_the_type_does_not_allow_is_reported_where_it_is(tmp_path: Path) -> None:
    strict = rk.loads('fact anbefaling: list of integer in 0 .. 10\ngoal 1 "NPS" { score nps(anbefaling) >= 60 -> 100% }')
    facts = export(tmp_path, [9, 10, None, 9])
    tallied, listed = both(strict, facts)
    assert [p.message for p in tallied.problems] == [p.message for p in listed.problems]
    first = tallied.problems[0]
    assert first.message == 'no answer in column "anbefaling"'
    assert first.span is not None and (first.span.line, first.span.column) == (4, 4)


def test_past_the_distinct_answers_a_tally_holds_the_list_is_read_as_any_list(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answers, "MAX_DISTINCT", 5)
    monkeypatch.setattr(answers, "MAX_TEXTS", 3)
    tallied, listed = both(COUNTED, export(tmp_path, list(range(11)) * 3))
    assert tallied.to_dict() == listed.to_dict()
    wide = rk.loads('fact anbefaling: list of number\ngoal 1 "NPS" { score nps(anbefaling) >= 60 -> 100% }')
    assert wide.analysis.counted == {"anbefaling"}
    (tmp_path / "svar.csv").write_text("virksomhed;anbefaling\n" + "".join(f"S{i};{i / 8}\n" for i in range(40)))
    tallied, listed = both(wide, tmp_path / "facts.json")
    assert tallied.explain() == listed.explain()
    assert "NPS needs answers from 0 to 10" in tallied.explain() or tallied.errors


def test_the_list_is_kept_where_a_construct_reads_more_than_its_counts(tmp_path: Path) -> None:
    facts = export(tmp_path, [9, 10, 3, 7])
    kept = {
        "a mean": 'metric m = mean(anbefaling)\ngoal 1 "m" { score m >= 5 -> 100% }',
        "a condition that reads the list": 'goal 1 "s" { score share(a in anbefaling where a >= mean(anbefaling))'
                                           ' >= 50% -> 100% }',
        "a comprehension": 'goal 1 "s" { score sum(a for a in anbefaling) >= 5 -> 100% }',
        "a counted use beside": 'goal 1 "s" { score nps(anbefaling) >= 5 and max(anbefaling) = 10 -> 100% }',
    }
    for what, goals in kept.items():
        contract = rk.loads('fact anbefaling: list of optional integer in 0 .. 10\n' + goals)
        assert contract.analysis.counted == frozenset(), what
        supplied = contract.check_facts(rk.load_facts(facts))
        assert supplied.values["anbefaling"] == (9, 10, 3, 7), what
    assert COUNTED.analysis.counted == {"anbefaling"}


def test_a_share_of_a_wide_list_is_not_counted_by_its_tally() -> None:
    wide = rk.loads('fact tal: list of integer\ngoal 1 "s" { score share(a in tal where a > 5) >= 50% -> 100% }')
    assert wide.analysis.counted == frozenset()
    choices = rk.loads('fact svar: list of optional one of {"ja", "nej"}\n'
                       'goal 1 "s" { score share(a in svar where a = "ja") >= 50% -> 100% }')
    assert choices.analysis.counted == {"svar"}


def test_the_example_reads_its_recommendations_as_a_tally_and_its_effect_as_lists() -> None:
    from .conftest import EXAMPLE, EXAMPLE_FACTS

    contract = rk.load(EXAMPLE)
    supplied = contract.check_facts(rk.load_facts(EXAMPLE_FACTS))
    recommendations = supplied.values["anbefaling"]
    assert isinstance(recommendations, Tallied) and recommendations.size == 400
    assert isinstance(supplied.values["påvirkning"], tuple)
    assert contract.evaluate(supplied).explain() == contract.evaluate(as_lists(contract, EXAMPLE_FACTS)).explain()


def test_a_workbook_column_is_counted_as_its_list_is(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Svar"
    sheet.append(["virksomhed", "anbefaling"])
    for i, answer in enumerate([10, 9, None, "9", 7, 0, 10, 3, 9, 10]):
        sheet.append([f"S{i}", answer])
    book.save(tmp_path / "svar.xlsx")
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({"anbefaling": {"xlsx": "svar.xlsx", "column": "anbefaling"}}))
    tallied, listed = both(COUNTED, facts)
    assert isinstance(COUNTED.check_facts(rk.load_facts(facts)).values["anbefaling"], Tallied)
    assert tallied.to_dict() == listed.to_dict() and tallied.explain() == listed.explain()
    sheet.append(["S10", True])  # true is not an answer 0-10, though it equals 1 in Python
    sheet.append(["S11", 12])
    book.save(tmp_path / "svar.xlsx")
    problems = COUNTED.check_facts(rk.load_facts(facts)).problems
    assert [p.message for p in problems] == ['Svar!B12: column "anbefaling": expected a number, got true',
                                             'Svar!B13: column "anbefaling": 12 is outside its range 0 .. 10']


def test_a_tally_stands_for_its_list_in_equality_and_pickling() -> None:
    import pickle

    tally = Tallied.of((9, 10, 9))
    assert tally == Tallied(Counter({9: 2, 10: 1}), 3)
    assert pickle.loads(pickle.dumps(tally)) == tally
    assert len(tally) == 3 and tuple(tally) == (9, 9, 10)  # its answers, grouped, for a program that wants them


@settings(max_examples=2000 if DEEP else 20)
@given(st.lists(st.one_of(st.integers(-2, 12), st.none(), st.booleans(), st.sampled_from([9.0, "9", " 10 "])),
                max_size=30))
def test_answers_given_in_python_are_counted_as_their_list_is_checked(xs: list[object]) -> None:
    tallied = COUNTED.evaluate(COUNTED.check_facts({"anbefaling": xs}))
    listed = COUNTED.evaluate(check_facts({"anbefaling": xs}, COUNTED.analysis.facts, COUNTED.analysis.deliverables))
    assert tallied.to_dict() == listed.to_dict()
    assert [p.message for p in tallied.problems] == [p.message for p in listed.problems]
