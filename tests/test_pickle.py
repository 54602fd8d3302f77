"""Every public value goes through pickle, copy and deepcopy unchanged (issue 21): results can
cross to another process (multiprocessing, concurrent.futures, joblib, Dask) or into a cache."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from concurrent.futures import ProcessPoolExecutor

import attrs
import pytest

import resultkontrakt as rk
from resultkontrakt.language import syntax as s

from .conftest import EXAMPLE, EXAMPLE_FACTS, EXAMPLES, SOMEWHERE

SOCIAL = EXAMPLES / "social-investering-2021.rk"
SOCIAL_MIDWAY = EXAMPLES / "social-investering-2021-midtvejs.facts.json"
PLAN = EXAMPLES / "maal-og-resultatplan-2023.rk"
PLAN_FACTS = EXAMPLES / "maal-og-resultatplan-2023.facts.json"


def round_trips(value: object) -> None:
    """The value, pickled and unpickled, copied and deep-copied, is equal to itself, and so is
    everything it is made of that is compared."""
    for again in (pickle.loads(pickle.dumps(value)), copy.copy(value), copy.deepcopy(value)):
        assert type(again) is type(value)
        assert again == value


def public_values() -> list[object]:
    contract = rk.load(EXAMPLE)
    facts = rk.load_facts(EXAMPLE_FACTS)
    evaluation = contract.evaluate(facts)
    social = rk.load(SOCIAL).evaluate(rk.load_facts(SOCIAL_MIDWAY), as_of=dt.date(2023, 6, 30))
    plan = rk.load(PLAN).evaluate(rk.load_facts(PLAN_FACTS))
    goal = evaluation.goals["1"]
    comparison = rk.compare([(EXAMPLE, EXAMPLE_FACTS), (EXAMPLE, EXAMPLE_FACTS)])
    try:
        rk.loads("fact x: nmber\n")
    except rk.RkError as error:
        problem = error.problems[0]
    return [
        evaluation, social, plan, goal, goal.steps, goal.reach, social.goals["1"],
        plan.payments["resultatløn"], social.payments["udbetaling"], contract.split(), social.splits,
        comparison, problem, problem.span, contract.check_facts(facts),
        contract.module, contract.goals["1"], contract.analysis.metrics["nps"].expr,
    ]


@pytest.mark.parametrize("index", range(18))
def test_every_public_value_round_trips_through_pickle_copy_and_deepcopy(index: int) -> None:
    round_trips(public_values()[index])


def test_a_goal_results_evidence_round_trips_node_by_node() -> None:
    evaluation = rk.load(EXAMPLE).evaluate(rk.load_facts(EXAMPLE_FACTS))
    seen: list[object] = []
    pending: list[object] = [evaluation]
    while pending:  # every record inside, each on its own
        value = pending.pop()
        if attrs.has(kind := type(value)):
            seen.append(value)
            pending.extend(getattr(value, f.name) for f in attrs.fields(kind))
        elif isinstance(value, tuple | list):
            pending.extend(value)
        elif isinstance(value, dict):
            pending.extend(value.values())
    assert len(seen) > 100
    for value in seen:
        assert pickle.loads(pickle.dumps(value)) == value


def test_a_contract_pickles_as_its_text_and_name_and_is_loaded_again() -> None:
    contract = rk.load(EXAMPLE)
    again = pickle.loads(pickle.dumps(contract))
    assert (again.source, again.text) == (contract.source, contract.text)
    assert again.module == contract.module
    assert len(pickle.dumps(contract)) < 2 * len(contract.text.encode("utf-8")) + 1000  # no compiled code
    facts = rk.load_facts(EXAMPLE_FACTS)
    assert again.evaluate(facts) == contract.evaluate(facts)
    assert copy.deepcopy(contract).evaluate(facts) == contract.evaluate(facts)


def test_evaluations_in_a_process_pool_are_the_evaluations_of_a_loop() -> None:
    contract = rk.load(PLAN)
    base = dict(rk.load_facts(PLAN_FACTS))
    facts_list = [{**base, "afgjorte_sager": cases} for cases in (850, 900, 1187, 1200, 1500)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        pooled = list(pool.map(contract.evaluate, facts_list))
    looped = [contract.evaluate(facts) for facts in facts_list]
    assert pooled == looped
    assert [e.goals["2"].fulfilment for e in pooled] == [0, 0.5, 0.5, 1, 1]
    assert pooled[2].explain("da") == looped[2].explain("da")


def test_a_frozen_value_refuses_to_change() -> None:
    goal = rk.load(EXAMPLE).evaluate(rk.load_facts(EXAMPLE_FACTS)).goals["1"]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        goal.fulfilment = None  # type: ignore[misc]  # on purpose: mypy knows it is frozen too
    node = s.Name("nps", span=SOMEWHERE)
    assert attrs.evolve(node, name="effekt") == s.Name("effekt", span=SOMEWHERE)
