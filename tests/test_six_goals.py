"""The six goals the benchmarks time: written by hand in Python with Fraction, and in rk, they
agree on the facts sets the peer rules engines are checked against (boundary values drawn often).
The peers' own agreement is the benchmark's to report (benchmarks/rule_engines.py)."""

from __future__ import annotations

from peers.facts import facts_sets
from six_goals import SIX_FACTS, SIX_GOALS, six_by_hand

import resultkontrakt as rk

from .conftest import DEEP


def test_by_hand_and_rk_agree_on_the_generated_facts() -> None:
    contract = rk.loads(SIX_GOALS)
    for facts in [SIX_FACTS, *facts_sets(1_000 if DEEP else 200)]:
        evaluation = contract.evaluate(facts)
        assert not evaluation.problems, (facts, evaluation.problems)
        assert {goal: result.fulfilment for goal, result in evaluation.goals.items()} == six_by_hand(facts), facts
