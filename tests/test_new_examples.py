"""The three examples of rows, tables, periods and currencies: the numbers their readers rely on.

Each facts file's payments to the penny, each goal's fulfilment, the overall and the points, and
where a goal does not apply or a result is provisional: the figures worked out by hand beside the
examples, so that a change to the language that moves one of them is seen.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

import resultkontrakt as rk
from resultkontrakt.contract import examples

from .conftest import EXAMPLES

CONTRACTS = ("fair-chance-fund-2015", "busdrift-2024", "udviklingskontrakt-2008")


@pytest.fixture(scope="module")
def contracts() -> dict[str, rk.Contract]:
    return {name: rk.load(EXAMPLES / f"{name}.rk") for name in CONTRACTS}


def evaluated(contracts: dict[str, rk.Contract], name: str, facts: str) -> rk.Evaluation:
    evaluation = contracts[name].evaluate(rk.load_facts(EXAMPLES / f"{name}.{facts}.facts.json"))
    assert evaluation.problems == ()
    return evaluation


@pytest.mark.parametrize("name", CONTRACTS)
def test_every_worked_example_passes(contracts: dict[str, rk.Contract], name: str) -> None:
    results = examples.run(contracts[name])
    assert [(o.name, o.failures) for o in results if not o.passed] == []


def fulfilments(evaluation: rk.Evaluation) -> dict[str, Fraction | None]:
    return {goal_id: goal.fulfilment for goal_id, goal in evaluation.goals.items()}


# ---- Fair Chance Fund: a rate card over claims, a ceiling per young person and for the project --


def test_fair_chance_2016_pays_the_year_less_2015_with_one_young_person_capped(
        contracts: dict[str, rk.Contract]) -> None:
    year = evaluated(contracts, "fair-chance-fund-2015", "2016")
    assert year.reporting_period is not None and year.reporting_period.name == "2016"
    # 238000 GBP by the rate card, 1500 GBP over FH021's ceiling: 236500 GBP, less 76000 GBP paid.
    assert year.payments["betaling"].amount == 160500
    assert year.payments["betaling"].currency == "GBP"
    assert fulfilments(year) == {"1": 1, "2": Fraction(1, 2)}
    assert year.overall == Fraction(3, 4)
    assert not year.provisional


def test_fair_chance_mid_2017_is_an_amount_to_date(contracts: dict[str, rk.Contract]) -> None:
    mid = evaluated(contracts, "fair-chance-fund-2015", "2017-midtvejs")
    assert mid.measured_until == dt.date(2017, 6, 30)
    assert mid.payments["betaling"].amount == 50500
    assert mid.payments["betaling"].provisional
    assert fulfilments(mid) == {"1": Fraction(1, 2), "2": Fraction(1, 2)}
    assert all(goal.provisional for goal in mid.goals.values())
    assert mid.overall == Fraction(1, 2) and mid.provisional


def test_fair_chance_2017_stops_at_the_project_ceiling(contracts: dict[str, rk.Contract]) -> None:
    year = evaluated(contracts, "fair-chance-fund-2015", "2017")
    # 293500 GBP earned, capped at 290000 GBP, less the 236500 GBP paid for 2015 and 2016.
    assert year.payments["betaling"].amount == 53500
    assert fulfilments(year) == {"1": Fraction(1, 2), "2": 1}
    assert year.overall == Fraction(3, 4)
    assert not year.payments["betaling"].provisional


# ---- the bus contract: a penalty capped per month, a bonus rounded to the krone ----------------


def test_bus_2024_settles_with_a_deduction(contracts: dict[str, rk.Contract]) -> None:
    year = evaluated(contracts, "busdrift-2024", "2024")
    payments = {name: payment.amount for name, payment in year.payments.items()}
    # The penalty 158500 kr less 9500 kr cut by the cap in February and December.
    assert payments == {"bod": 149000, "bonus": 126822, "regulering": -22178}
    assert year.payments["bod"].currency == "DKK"
    assert fulfilments(year) == {"1": Fraction(1, 2), "2": Fraction(1, 2)}
    assert year.overall == Fraction(1, 2)


def test_bus_2025_settles_with_an_addition(contracts: dict[str, rk.Contract]) -> None:
    year = evaluated(contracts, "busdrift-2024", "2025")
    payments = {name: payment.amount for name, payment in year.payments.items()}
    assert payments == {"bod": 136000, "bonus": 220461, "regulering": 84461}
    assert fulfilments(year) == {"1": 1, "2": Fraction(1, 2)}
    assert year.overall == Fraction(3, 4)


def test_bus_mid_2025_has_a_penalty_to_date_and_waits_for_the_survey(
        contracts: dict[str, rk.Contract]) -> None:
    mid = evaluated(contracts, "busdrift-2024", "2025-midtvejs")
    assert mid.payments["bod"].amount == 73000 and mid.payments["bod"].provisional
    assert mid.payments["bonus"].amount is None and mid.payments["bonus"].state == "pending"
    assert mid.payments["regulering"].amount is None and mid.payments["regulering"].state == "pending"
    assert mid.goals["1"].fulfilment == 1 and mid.goals["1"].provisional
    assert mid.goals["2"].state == "pending"
    assert mid.overall == 1 and mid.provisional


# ---- the development contract: targets by year, euros converted, a goal of the last year only ---


def test_development_2009_leaves_out_the_guest_researchers(contracts: dict[str, rk.Contract]) -> None:
    year = evaluated(contracts, "udviklingskontrakt-2008", "2009")
    assert year.not_applicable == ("4",)
    assert year.goals["4"].state == "not applicable"
    assert fulfilments(year) == {"1": 1, "2": Fraction(1, 2), "3": Fraction(1, 2), "4": None}
    assert (year.points_reached, year.points_possible) == (55, 80)
    assert year.overall == Fraction(55, 80)


def test_development_2011_counts_all_four_goals(contracts: dict[str, rk.Contract]) -> None:
    year = evaluated(contracts, "udviklingskontrakt-2008", "2011")
    assert year.not_applicable == ()
    assert fulfilments(year) == {"1": Fraction(1, 2), "2": 1, "3": 1, "4": Fraction(1, 2)}
    assert (year.points_reached, year.points_possible) == (75, 100)
    assert year.overall == Fraction(3, 4)


def test_development_mid_2011_is_provisional_and_waits_for_the_guest_stays(
        contracts: dict[str, rk.Contract]) -> None:
    mid = evaluated(contracts, "udviklingskontrakt-2008", "2011-midtvejs")
    assert fulfilments(mid) == {"1": 0, "2": 0, "3": 0, "4": None}
    assert all(mid.goals[goal_id].provisional for goal_id in ("1", "2", "3"))
    assert mid.goals["4"].state == "pending"
    # Goal 4 applies in 2011, so its 20 points are among the 100 while it waits.
    assert mid.points is None and mid.points_possible == 100
    assert mid.overall == 0 and mid.provisional
