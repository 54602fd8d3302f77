"""Metrics from raw survey answers: NPS, shares, quantifiers, and answers read from CSV."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.evaluation.evaluate import Evaluator
from resultkontrakt.facts.supplied import check_facts
from resultkontrakt.language import syntax as s
from resultkontrakt.semantics.evidence import Compared, NpsCounts, TierTried

from .conftest import SOMEWHERE

ANSWERS = ("i høj grad", "i nogen grad", "i lav grad", "slet ikke", "ved ikke")
SURVEY = rk.loads('''
fact anbefaling: list of optional integer in 0 .. 10
fact påvirkning: list of list of optional one of {"i høj grad", "i nogen grad", "i lav grad", "slet ikke", "ved ikke"}
metric nps = nps(anbefaling)
metric by_formula = (share(a in anbefaling where a >= 9) - share(a in anbefaling where a <= 6)) / 1%
metric promoters = share(a in anbefaling where a in {9, 10})
metric effekt = share(svar in påvirkning where any(a in svar where a in {"i høj grad", "i nogen grad"}))
goal 1 "nps" { score nps >= 60 -> 100%; >= 50 -> 50% }
goal f "formula" { score by_formula >= 60 -> 100% }
goal p "promoters" { score promoters >= 50% -> 100% }
goal 2 "effekt" { score effekt >= 70% -> 100%; >= 60% -> 50% }
''', source="survey.rk")

answers_0_10 = st.lists(st.integers(0, 10), min_size=1, max_size=300)


def metric(name: str, facts: dict[str, object]) -> Fraction:
    """A metric's exact value, read back through a goal that compares it with itself."""
    evaluator = Evaluator(SURVEY.analysis, check_facts(facts, SURVEY.analysis.facts, SURVEY.analysis.deliverables))
    value = evaluator.value(s.Name(name, span=SOMEWHERE), None)
    assert isinstance(value, Fraction | int)
    return Fraction(value)


@given(answers_0_10)
def test_nps_lies_between_minus_100_and_100_and_is_exact(xs: list[int]) -> None:
    value = metric("nps", {"anbefaling": xs})
    assert -100 <= value <= 100
    assert value == Fraction(100 * (sum(x >= 9 for x in xs) - sum(x <= 6 for x in xs)), len(xs))


@given(answers_0_10, st.randoms(use_true_random=False))
def test_nps_does_not_depend_on_the_order_of_the_answers(xs: list[int], random: Random) -> None:
    shuffled = xs[:]
    random.shuffle(shuffled)
    assert metric("nps", {"anbefaling": xs}) == metric("nps", {"anbefaling": shuffled})


@given(answers_0_10, st.sampled_from([9, 10]), st.integers(0, 6))
def test_a_promoter_never_lowers_nps_and_a_detractor_never_raises_it(
        xs: list[int], promoter: int, detractor: int) -> None:
    before = metric("nps", {"anbefaling": xs})
    assert metric("nps", {"anbefaling": xs + [promoter]}) >= before
    assert metric("nps", {"anbefaling": xs + [detractor]}) <= before


@given(answers_0_10)
def test_nps_equals_the_contracts_formula_written_with_share(xs: list[int]) -> None:
    assert metric("nps", {"anbefaling": xs}) == metric("by_formula", {"anbefaling": xs})


@given(answers_0_10)
def test_every_share_lies_between_0_and_1(xs: list[int]) -> None:
    assert 0 <= metric("promoters", {"anbefaling": xs}) <= 1


@given(st.lists(st.lists(st.sampled_from(ANSWERS), min_size=1, max_size=7), min_size=1, max_size=100),
       st.integers(0, 5))
def test_the_effect_share_counts_each_company_once(rows: list[list[str]], silent: int) -> None:
    expected = Fraction(sum(any(a in ANSWERS[:2] for a in row) for row in rows), len(rows))
    # Companies that left every question blank did not answer: they are not counted.
    assert metric("effekt", {"påvirkning": rows + [[None] * 7] * silent}) == expected


def test_65_promoters_and_5_detractors_of_100_give_exactly_60_and_100_percent() -> None:
    answers = [9] * 40 + [10] * 25 + [7] * 20 + [8] * 10 + [0, 3, 5, 6, 6]
    result = SURVEY.evaluate({"anbefaling": answers})
    assert result.goals["1"].fulfilment == 1
    tier = result.goals["1"].steps[0]
    assert isinstance(tier, TierTried) and isinstance(tier.check, Compared)  # the tier compared NPS with 60
    assert tier.check.left.value == 60
    assert tier.check.left.counts == NpsCounts(promoters=65, passives=30, detractors=5)
    assert "NPS = 60 (100 answers: 65 promoters, 5 detractors): at least 60 → 100%" in (
        result.goals["1"].explain().replace("\u00a0", " "))


def test_no_answers_make_the_goal_not_evaluable_not_a_division_by_zero() -> None:
    result = SURVEY.evaluate({"anbefaling": [], "påvirkning": []})
    assert result.goals["1"].status == "not evaluable"
    assert result.goals["1"].reason is not None and "no answers in anbefaling" in result.goals["1"].reason
    assert result.goals["2"].reason is not None and "no answers in påvirkning" in result.goals["2"].reason


def test_blank_answers_are_left_out_when_the_declaration_allows_them() -> None:
    result = SURVEY.evaluate({"anbefaling": [10, None, "", 10, 0]})
    assert "(3 answers: 2 promoters, 1 detractor)" in result.goals["1"].explain()


def test_nps_refuses_answers_outside_0_to_10_rather_than_count_them_as_detractors() -> None:
    contract = rk.loads('fact svar: list of integer\ngoal 1 "n" { score nps(svar) >= 0 -> 100% }')
    goal = contract.evaluate({"svar": [10, 9, 11]}).goals["1"]
    assert goal.status == "not evaluable"
    assert goal.reason is not None and "NPS answers are whole numbers from 0 to 10" in goal.reason


def test_a_name_given_twice_in_a_facts_object_is_an_error() -> None:
    with pytest.raises(rk.FactsError, match='"Morsø" is given twice'):
        rk.loads_facts('{"folketal": {"Morsø": 1, "Morsø": 3}}')


@pytest.mark.parametrize(("bad", "words"), [
    (11, "11 is outside its range 0 .. 10"), (-1, "-1 is outside its range 0 .. 10"),
    (7.5, "expected a whole number, got 7.5"), ("ti", 'expected a number, got the text "ti"'),
    (True, "expected a number, got true"),
])
def test_a_bad_answer_in_a_list_names_its_place(bad: object, words: str) -> None:
    result = SURVEY.evaluate({"anbefaling": [10, 9, bad]})
    [problem] = result.errors
    assert problem.message == f"anbefaling[2]: {words}"
    assert result.goals["1"].status == "not evaluable"


def test_an_unknown_category_is_an_error_with_a_suggestion() -> None:
    result = SURVEY.evaluate({"påvirkning": [["i høj grad"], ["i hoj grad"]]})
    [problem] = result.errors
    assert problem.message == 'påvirkning[1][0]: "i hoj grad" is not one of the possible answers'
    assert problem.hint == "did you mean `i høj grad`?"


def test_answers_match_regardless_of_case_and_spacing() -> None:
    result = SURVEY.evaluate({"påvirkning": [["I  Høj Grad"], ["slet ikke"]]})
    assert not result.errors
    assert "effekt = 50% (1 of 2)" in result.goals["2"].explain()


def test_a_text_that_is_not_an_answer_is_caught_in_the_contract() -> None:
    with pytest.raises(rk.ContractError) as caught:
        rk.loads('fact s: list of one of {"ja", "nej"}\n'
                 'goal 1 "t" { score share(a in s where a = "jaa") >= 50% -> 100% }')
    [problem] = caught.value.errors
    assert problem.message == '"jaa" is not one of the possible answers'
    assert problem.hint == "did you mean `ja`?"


# ---- answers from CSV files -----------------------------------------------------

HEADER = "virksomhed;anbefaling;q1;q2;q3;q4;q5;q6;q7\n"
GOOD = ("S1;10;i høj grad;slet ikke;;ved ikke;i lav grad;slet ikke;slet ikke\n"
        "S2;6;slet ikke;slet ikke;slet ikke;ved ikke;i lav grad;slet ikke;slet ikke\n"
        "S3;;;;;;;;\n"
        "S4;9;i nogen grad;;;;;;\n")
COLUMNS = ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]


def survey_files(tmp_path: Path, csv_text: str, encoding: str = "utf-8") -> Path:
    (tmp_path / "svar.csv").write_bytes(csv_text.encode(encoding))
    facts = tmp_path / "facts.json"
    facts.write_text('{"anbefaling": {"csv": "svar.csv", "column": "anbefaling"},'
                     ' "påvirkning": {"csv": "svar.csv", "columns": ["q1", "q2", "q3", "q4",'
                     ' "q5", "q6", "q7"]}}', encoding="utf-8")
    return facts


@pytest.mark.parametrize("variant", ["semicolons", "commas", "bom", "crlf"])
def test_csv_answers_are_read_in_the_usual_spellings(tmp_path: Path, variant: str) -> None:
    text = HEADER + GOOD
    if variant == "commas":
        text = text.replace(";", ",")
    if variant == "crlf":
        text = text.replace("\n", "\r\n")
    encoding = "utf-8-sig" if variant == "bom" else "utf-8"
    result = SURVEY.evaluate(rk.load_facts(survey_files(tmp_path, text, encoding)))
    assert not result.errors
    # S3 skipped everything: not counted; S2's 6 is a detractor.
    assert "NPS = ≈33.3 (3 answers: 2 promoters, 1 detractor)" in result.goals["1"].explain()
    assert "(2 of 3)" in result.goals["2"].explain()


@pytest.mark.parametrize(("row", "line", "column", "words"), [
    ("S5;11;;;;;;;\n", 6, 4, 'column "anbefaling": 11 is outside its range 0 .. 10'),
    ("S5;-1;;;;;;;\n", 6, 4, 'column "anbefaling": -1 is outside its range 0 .. 10'),
    ("S5;7.5;;;;;;;\n", 6, 4, 'column "anbefaling": expected a whole number'),
    ("S5;ti;;;;;;;\n", 6, 4, 'column "anbefaling": expected a number, got the text "ti"'),
    ("S5;8;i hoej grad;;;;;;\n", 6, 6, 'column "q1": "i hoej grad" is not one of the possible answers'),
    ("S5;8;;;;;;\n", 6, 1, "this row has 8 cells, but the header has 9"),
])
def test_a_bad_cell_names_file_line_and_column_and_nothing_is_scored(
        tmp_path: Path, row: str, line: int, column: int, words: str) -> None:
    facts = survey_files(tmp_path, HEADER + GOOD + row)
    result = SURVEY.evaluate(rk.load_facts(facts))
    problem = result.errors[0]
    assert problem.span is not None and problem.span.source == str(tmp_path / "svar.csv")
    assert (problem.span.line, problem.span.column) == (line, column)
    assert problem.message.startswith(words)
    assert result.goals["1"].status == "not evaluable" or "anbefaling" not in words


def test_a_missing_column_and_a_missing_file_are_reported(tmp_path: Path) -> None:
    facts = tmp_path / "facts.json"
    (tmp_path / "svar.csv").write_text(HEADER + GOOD, encoding="utf-8")
    facts.write_text('{"anbefaling": {"csv": "svar.csv", "column": "anbefalng"},'
                     ' "påvirkning": {"csv": "absent.csv", "columns": ["q1"]}}', encoding="utf-8")
    result = SURVEY.evaluate(rk.load_facts(facts))
    messages = [p.message for p in result.errors]
    assert 'the column "anbefalng" is not in the header' in messages
    assert any(m.startswith("cannot read the answers") for m in messages)
    assert {g.status for g in result.goals.values()} == {"not evaluable"}


def test_a_file_that_is_not_utf8_is_reported_with_its_line(tmp_path: Path) -> None:
    facts = survey_files(tmp_path, HEADER + "S1;10;slet ikke;;;;;;\nS2;9;i h\xf8j grad;;;;;;\n", "latin-1")
    result = SURVEY.evaluate(rk.load_facts(facts))
    problem = result.errors[0]
    assert problem.message == "the file is not UTF-8 text"
    assert problem.span is not None and problem.span.line == 3


def test_columns_must_match_the_declared_nesting(tmp_path: Path) -> None:
    (tmp_path / "svar.csv").write_text(HEADER + GOOD, encoding="utf-8")
    facts = tmp_path / "facts.json"
    facts.write_text('{"påvirkning": {"csv": "svar.csv", "column": "q1"}}', encoding="utf-8")
    [problem] = SURVEY.evaluate(rk.load_facts(facts)).errors
    assert '"column" gives one answer per row' in problem.message
