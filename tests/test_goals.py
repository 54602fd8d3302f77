"""The example contract's goals at their boundaries: what a user checks first.

Goals 1 and 2 of the example compute NPS and the effect share from the
companies' answers; `golden/boundaries.rk` states the same two goals with the
values as measured facts, as a contract may also do.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

import resultkontrakt as rk

from .conftest import EXAMPLE, EXAMPLE_FACTS

MEASURED = Path(__file__).parent / "golden" / "boundaries.rk"
EFFECT = ("i høj grad", "i nogen grad")


@pytest.fixture(scope="module")
def contract() -> rk.Contract:
    return rk.load(EXAMPLE)


@pytest.fixture(scope="module")
def year() -> rk.FactsFile:
    return rk.load_facts(EXAMPLE_FACTS)


def answers(promoters: int, passives: int, detractors: int) -> list[int]:
    return [10] * promoters + [7] * passives + [0] * detractors


def with_answers(year: rk.FactsFile, **changes: object) -> rk.FactsFile:
    return year.updated(changes)


@pytest.mark.parametrize(
    ("promoters", "passives", "detractors", "fulfilment"),
    [
        (65, 30, 5, Fraction(1)),               # exactly 60: the boundary is included
        (6_999, 2_001, 1_000, Fraction(1, 2)),  # 59.99
        (55, 40, 5, Fraction(1, 2)),            # exactly 50
        (59_999, 30_001, 10_000, Fraction(0)),  # 49.999
        (100, 0, 0, Fraction(1)),
        (0, 0, 100, Fraction(0)),
    ],
)
def test_goal_1_boundaries_from_answers(
        contract: rk.Contract, year: rk.FactsFile, promoters: int, passives: int, detractors: int,
        fulfilment: Fraction) -> None:
    facts = with_answers(year, anbefaling=answers(promoters, passives, detractors))
    assert contract.evaluate(facts).goals["1"].fulfilment == fulfilment


def test_goal_1_explains_its_counts(contract: rk.Contract, year: rk.FactsFile) -> None:
    goal = contract.evaluate(year).goals["1"]
    assert goal.status == "partly met"
    assert ("NPS = 57 (400 answers: 264 promoters, 36 detractors): below 60, but at least 50 "
            "→ 50%") in goal.explain().replace("\u00a0", " ")


def test_goal_1_without_answers_is_not_evaluable_and_others_keep_their_results(
        contract: rk.Contract, year: rk.FactsFile) -> None:
    complete = contract.evaluate(year)
    result = contract.evaluate(year.updated(without=("anbefaling",)))
    goal = result.goals["1"]
    assert (goal.status, goal.fulfilment, goal.missing) == ("not evaluable", None, ("anbefaling",))
    for goal_id in "23456789":
        assert result.goals[goal_id] == complete.goals[goal_id]
    assert result.not_evaluable == ("1",)


def test_too_few_answers_make_goal_1_not_evaluable_with_the_reason(
        contract: rk.Contract, year: rk.FactsFile) -> None:
    goal = contract.evaluate(with_answers(year, anbefaling=[10] * 29)).goals["1"]
    assert goal.status == "not evaluable"
    assert goal.reason == "NPS kræver mindst 30 svar (number of answers in virksomhedernes anbefaling = 29: below 30)"
    assert contract.evaluate(with_answers(year, anbefaling=[10] * 30)).goals["1"].status == "met"


@pytest.mark.parametrize(("with_effect", "without", "fulfilment"),
                         [(70, 30, Fraction(1)), (69, 31, Fraction(1, 2)), (60, 40, Fraction(1, 2)),
                          (59, 41, Fraction(0))])
def test_goal_2_boundaries_from_answers(
        contract: rk.Contract, year: rk.FactsFile, with_effect: int, without: int,
        fulfilment: Fraction) -> None:
    rows = [["slet ikke", "i nogen grad"]] * with_effect + [["i lav grad", "ved ikke"]] * without
    goal = contract.evaluate(with_answers(year, påvirkning=rows)).goals["2"]
    assert goal.fulfilment == fulfilment
    assert f"({with_effect} of {with_effect + without})" in goal.explain()


@pytest.mark.parametrize(
    ("effekt", "fulfilment"),
    [("70%", Fraction(1)), (0.7, Fraction(1)), ("69.99%", Fraction(1, 2)), (0.6, Fraction(1, 2)),
     ("60%", Fraction(1, 2)), ("59,9%", Fraction(0)), (0, Fraction(0)), (1, Fraction(1))],
)
def test_goal_2_as_a_measured_percent(effekt: object, fulfilment: Fraction) -> None:
    result = rk.load(MEASURED).evaluate({"nps": 60, "effekt": effekt})
    assert result.goals["2"].fulfilment == fulfilment


@pytest.mark.parametrize(("nps", "fulfilment"),
                         [(60, Fraction(1)), (59.99, Fraction(1, 2)), (49.999, Fraction(0))])
def test_goal_1_as_a_measured_number(nps: float, fulfilment: Fraction) -> None:
    assert rk.load(MEASURED).evaluate({"nps": nps}).goals["1"].fulfilment == fulfilment


def test_a_bare_70_for_a_percent_is_an_error_that_suggests_70_percent() -> None:
    result = rk.load(MEASURED).evaluate({"nps": 61, "effekt": 70})
    [problem] = result.errors
    assert "70 would mean 7000%" in problem.message
    assert '"70%"' in (problem.hint or "")
    assert result.goals["2"].status == "not evaluable"
    assert result.goals["1"].status == "met"  # the others are still judged


def test_the_example_year(contract: rk.Contract, year: rk.FactsFile) -> None:
    result = contract.evaluate(year)
    statuses = {goal_id: goal.status for goal_id, goal in result.goals.items()}
    assert statuses == {
        "1": "partly met", "2": "met", "3": "met", "4": "met", "5": "met",
        "6": "not met", "7": "met", "8": "met", "9": "not met",
    }
    assert result.overall == Fraction(650, 900)  # (50 + 6 * 100) / 9
    assert result.problems == ()


def test_a_late_deliverable_is_not_done_and_the_explanation_says_so(
        contract: rk.Contract, year: rk.FactsFile) -> None:
    goal = contract.evaluate(year).goals["6"]
    assert goal.fulfilment == 0
    assert "ErhvervsCAMP afholdt delivered late (23 January 2020, due 31 December 2019)" in goal.explain()


def test_a_deliverable_on_its_due_date_is_done(contract: rk.Contract, year: rk.FactsFile) -> None:
    goal = contract.evaluate(with_answers(year, erhvervscamp="2019-12-31")).goals["6"]
    assert goal.status == "met"


def test_explain_gives_one_line_per_goal_and_the_overall(contract: rk.Contract, year: rk.FactsFile) -> None:
    text = contract.evaluate(year).explain()
    assert "andel med middel eller høj påvirkning = 72.5% (290 of 400): at least 70% → 100%" in text.replace(
        "\u00a0", " ")
    assert len(text.splitlines()) == 10


def test_to_dict_has_the_sketch_shape_and_is_json(contract: rk.Contract, year: rk.FactsFile) -> None:
    data: dict[str, Any] = contract.evaluate(year).to_dict()  # JSON: its shape is the schema's
    json.dumps(data)  # nothing in it that JSON cannot hold
    assert data["contract"] == "Resultatkontrakt 2019"
    first = data["goals"][0]
    assert (first["id"], first["status"], first["fulfilment"]) == ("1", "partly met", 50)
    assert [g["id"] for g in data["goals"]] == list("123456789")
    assert data["overall"]["fulfilment_exact"] == "650/9"
    assert data["overall"]["fulfilment"] == 72.22


def test_every_goal_keeps_its_group(contract: rk.Contract) -> None:
    groups = {goal_id: goal.group for goal_id, goal in contract.goals.items()}
    assert {groups[g] for g in "123"} == {"Nationalt fastsat mål"}
    assert {groups[g] for g in "4567"} == {"Fælles indsatsmål"}
    assert {groups[g] for g in "89"} == {"Regionale mål"}
