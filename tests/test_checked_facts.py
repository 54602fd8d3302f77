"""Facts checked once and evaluated many times, and answers counted by their tally.

A list of answers with few possible values (0-10, a choice, true/false) is
counted once per set of checked facts, and every share, count and NPS over
it is then worked out from that tally. These tests hold the tally to the
same results, counts and failures as going through the list one answer at a
time, and to a plain Python oracle.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.semantics.evidence import Compared, ShareCounts, TierTried

GOALS = '''
goal 1 "ambassadors" { score share(a in xs where a >= 9) >= 50% -> 100%; >= 25% -> 50% }
goal 2 "critics" { score count(a in xs where a <= 6) <= 3 -> 100% }
goal 3 "none at zero" { score all(a in xs where a >= 1) -> 100% }
goal 4 "a ten" { score any(a in xs where a = 10) -> 100% }
goal 5 "answers" { score count(xs) >= 5 -> 100% }
goal 6 "inverse" { score share(a in xs where 10 / a >= 2) >= 50% -> 100% }
goal 7 "nps" { score nps(xs) >= 0 -> 100% }
'''
# The same goals over answers declared in 0 .. 10 (counted by tally) and over
# answers without a range (read one by one, except nps, which always tallies).
TALLIED = rk.loads("fact xs: list of integer in 0 .. 10\n" + GOALS)
LISTED = rk.loads("fact xs: list of integer         \n" + GOALS)

answers = st.lists(st.integers(0, 10), max_size=40)


@given(answers)
def test_tallied_answers_give_the_results_counts_and_failures_of_the_list(xs: list[int]) -> None:
    tallied, listed = TALLIED.evaluate({"xs": xs}), LISTED.evaluate({"xs": xs})
    for goal in tallied.goals:
        assert tallied.goals[goal].fulfilment == listed.goals[goal].fulfilment, goal
        assert tallied.goals[goal].to_dict() == listed.goals[goal].to_dict(), goal
    assert tallied.explain("da") == listed.explain("da")


def failure_code(goal: rk.GoalResult) -> str | None:
    """The code of the failure that left `goal` not evaluable, if one did."""
    failure = goal.blocked.failure if goal.blocked is not None else None
    return failure.code if failure is not None else None


@given(answers)
def test_tallied_answers_agree_with_python(xs: list[int]) -> None:
    goals = TALLIED.evaluate({"xs": xs}).goals
    if xs:
        ambassadors = Fraction(sum(1 for a in xs if a >= 9), len(xs))
        assert goals["1"].fulfilment == (1 if ambassadors >= Fraction(1, 2) else
                                         Fraction(1, 2) if ambassadors >= Fraction(1, 4) else 0)
    else:
        assert goals["1"].fulfilment is None and failure_code(goals["1"]) == "no-answers"
    assert goals["2"].fulfilment == (1 if sum(1 for a in xs if a <= 6) <= 3 else 0)
    assert goals["3"].fulfilment == (1 if all(a >= 1 for a in xs) else 0)
    assert goals["4"].fulfilment == (1 if 10 in xs else 0)
    assert goals["5"].fulfilment == (1 if len(xs) >= 5 else 0)
    if 0 in xs:  # 10 / 0: the goal cannot be judged, whichever way the answers are counted
        assert goals["6"].fulfilment is None and failure_code(goals["6"]) == "division-by-zero"


def test_the_counts_behind_a_tallied_share_are_in_its_evidence() -> None:
    goal = TALLIED.evaluate({"xs": [10, 9, 9, 3, 7, 10, 0, 8]}).goals["1"]
    assert goal.fulfilment == 1
    tier = goal.steps[0]
    assert isinstance(tier, TierTried) and isinstance(tier.check, Compared)
    subject = tier.check.left
    assert subject.value == Fraction(1, 2) and subject.counts == ShareCounts(4, 8)
    assert "4 of 8" in goal.explain()


BOOLS = rk.loads('fact done: list of bool\n'
                 'goal 1 "done" { score share(done) >= 75% -> 100%; all(done) -> 50% }\n'
                 'goal 2 "some" { score count(done) >= 2 -> 100% }')


@given(st.lists(st.booleans(), min_size=1, max_size=30))
def test_a_tallied_list_of_true_and_false_counts_the_true_ones(done: list[bool]) -> None:
    goals = BOOLS.evaluate({"done": done}).goals
    assert goals["1"].fulfilment == (1 if Fraction(sum(done), len(done)) >= Fraction(3, 4) else 0)
    assert goals["2"].fulfilment == (1 if sum(done) >= 2 else 0)


# ---- checked once, evaluated many times ---------------------------------------------------


EXAMPLE = rk.load("examples/nordjylland-2019.rk")
FACTS = rk.load_facts("examples/nordjylland-2019.facts.json")


def test_checked_facts_evaluate_as_the_facts_do() -> None:
    checked = EXAMPLE.check_facts(FACTS)
    once, again = EXAMPLE.evaluate(checked), EXAMPLE.evaluate(checked)
    direct = EXAMPLE.evaluate(FACTS)
    assert once.to_dict() == again.to_dict() == direct.to_dict()
    assert once.explain("da") == direct.explain("da")
    assert set(once.sources) == set(direct.sources)  # the facts file, for excerpts of its problems


def test_a_what_if_on_checked_facts_is_checked_with_them() -> None:
    checked = EXAMPLE.check_facts(FACTS, metrics={"nps": 60})
    assert EXAMPLE.evaluate(checked).goals["1"].fulfilment == 1
    with pytest.raises(TypeError, match="check_facts"):
        EXAMPLE.evaluate(EXAMPLE.check_facts(FACTS), metrics={"nps": 60})


def test_facts_checked_for_another_contract_are_refused() -> None:
    with pytest.raises(ValueError, match="another contract"):
        TALLIED.evaluate(LISTED.check_facts({"xs": [1, 2]}))


def test_the_tally_of_one_set_of_facts_is_not_used_for_another() -> None:
    first, second = TALLIED.check_facts({"xs": [10] * 5}), TALLIED.check_facts({"xs": [0] * 5})
    assert TALLIED.evaluate(first).goals["4"].fulfilment == 1
    assert TALLIED.evaluate(second).goals["4"].fulfilment == 0
    assert TALLIED.evaluate(first).goals["4"].fulfilment == 1
