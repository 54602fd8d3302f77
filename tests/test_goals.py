"""The example contract's goals at their boundaries: what a user checks first."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

import resultkontrakt as rk

from .conftest import EXAMPLE, EXAMPLE_FACTS


@pytest.fixture(scope="module")
def contract() -> rk.Contract:
    return rk.load(EXAMPLE)


@pytest.fixture(scope="module")
def year() -> dict[str, object]:
    return dict(rk.load_facts(EXAMPLE_FACTS))


@pytest.mark.parametrize(
    ("nps", "fulfilment", "status"),
    [
        (60, Fraction(1), "met"),
        (59.99, Fraction(1, 2), "partly met"),
        ("59.999999999999999999", Fraction(1, 2), "partly met"),
        (50, Fraction(1, 2), "partly met"),
        (49.999, Fraction(0), "not met"),
        (100, Fraction(1), "met"),
        (-100, Fraction(0), "not met"),
    ],
)
def test_goal_1_boundaries(contract, year, nps, fulfilment, status):
    if isinstance(nps, str):
        nps = rk.loads_facts(f'{{"nps": {nps}}}')["nps"]
    result = contract.evaluate({**year, "nps": nps}).goals["1"]
    assert result.fulfilment == fulfilment
    assert result.status == status


def test_nps_written_as_json_decimal_is_read_by_its_text(contract, year):
    # 59.99999999999999999 is below 60 exactly; as a float it would be 60.0.
    facts = rk.loads_facts('{"nps": 59.99999999999999999}')
    assert contract.evaluate({**year, **facts}).goals["1"].fulfilment == Fraction(1, 2)


def test_goal_1_without_nps_is_not_evaluable_and_others_keep_their_results(contract, year):
    complete = contract.evaluate(year)
    without = {name: value for name, value in year.items() if name != "nps"}
    result = contract.evaluate(without)
    goal = result.goals["1"]
    assert goal.status == "not evaluable"
    assert goal.fulfilment is None
    assert goal.missing == ("nps",)
    assert "missing fact nps" in goal.explain()
    for goal_id in "23456789":
        assert result.goals[goal_id] == complete.goals[goal_id]
    assert result.not_evaluable == ("1",)


@pytest.mark.parametrize(
    ("effekt", "fulfilment"),
    [("70%", Fraction(1)), (0.7, Fraction(1)), ("69.99%", Fraction(1, 2)), (0.6, Fraction(1, 2)),
     ("60%", Fraction(1, 2)), ("59,9%", Fraction(0)), (0, Fraction(0)), (1, Fraction(1))],
)
def test_goal_2_percent_spellings(contract, year, effekt, fulfilment):
    assert contract.evaluate({**year, "effekt": effekt}).goals["2"].fulfilment == fulfilment


def test_goal_2_with_a_bare_70_is_an_error_that_suggests_70_percent(contract, year):
    result = contract.evaluate({**year, "effekt": 70})
    goal = result.goals["2"]
    assert goal.status == "not evaluable"
    [problem] = result.errors
    assert problem.is_error
    assert "70" in problem.message and "7000%" in problem.message
    assert '"70%"' in (problem.hint or "")
    assert result.goals["1"].status == "partly met"  # the others are still judged


def test_the_example_year(contract, year):
    result = contract.evaluate(year)
    statuses = {goal_id: goal.status for goal_id, goal in result.goals.items()}
    assert statuses == {
        "1": "partly met", "2": "met", "3": "met", "4": "met", "5": "met",
        "6": "not met", "7": "met", "8": "met", "9": "not met",
    }
    # (50 + 100 * 6 + 0 + 0) / 9
    assert result.overall == Fraction(650, 900)
    assert result.problems == ()


def test_a_late_deliverable_is_not_done_and_the_explanation_says_so(contract, year):
    goal = contract.evaluate(year).goals["6"]
    assert goal.fulfilment == 0
    assert "erhvervscamp late (delivered 2020-01-23, due 2019-12-31)" in goal.explain()


def test_a_deliverable_on_its_due_date_is_done(contract, year):
    goal = contract.evaluate({**year, "erhvervscamp": "2019-12-31"}).goals["6"]
    assert goal.status == "met"


def test_explain_gives_the_deciding_numbers(contract, year):
    text = contract.evaluate({**year, "nps": 57}).explain()
    assert "nps = 57: not >= 60, but >= 50 -> 50%" in text
    assert "effekt = 72%: >= 70% -> 100%" in text
    assert len(text.splitlines()) == 10  # nine goals and the overall line


def test_to_dict_has_the_sketch_shape_and_is_json(contract, year):
    data = contract.evaluate(year).to_dict()
    json.dumps(data)  # nothing in it that JSON cannot hold
    assert data["contract"] == "Resultatkontrakt 2019"
    first = data["goals"][0]
    assert (first["id"], first["status"], first["fulfilment"]) == ("1", "partly met", 50)
    assert [g["id"] for g in data["goals"]] == list("123456789")
    assert data["overall"]["fulfilment_exact"] == "650/9"
    assert data["overall"]["fulfilment"] == 72.22


def test_every_goal_keeps_its_group(contract):
    groups = {goal_id: goal.group for goal_id, goal in contract.goals.items()}
    assert {groups[g] for g in "123"} == {"Nationalt fastsat mål"}
    assert {groups[g] for g in "4567"} == {"Fælles indsatsmål"}
    assert {groups[g] for g in "89"} == {"Regionale mål"}
