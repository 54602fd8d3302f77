"""Evidence is complete and true: for generated contracts and facts, every fact value a goal's
result depends on appears in its evidence, with the value it had, and every recorded check
comes out as its recorded values say.

"Depends on" is taken at its word: changing a fact that the evidence does not show never
changes the goal's result. Parts of `and` and `or` that were not needed are not evaluated,
and so not shown, and rightly: no value of theirs could change the outcome.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, reject
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.core.vocabulary import quote
from resultkontrakt.language import syntax as s
from resultkontrakt.semantics.evidence import (
    Check,
    Compared,
    Junction,
    Membership,
    Negation,
    RequirementCheck,
    Seen,
    TierTried,
    Truth,
)
from resultkontrakt.semantics.runtime import COMPARE

FACTS = ("f0", "f1", "f2", "f3")
DECLARATIONS = "\n".join(f"fact {name}: integer" for name in FACTS) + '\nfact region: one of {"Nord", "Syd"}\n' \
    "metric m0 = f0 + f1\nmetric m1 = m0 * 2 - f2\n"
OPERANDS = ("f0", "f1", "f2", "f3", "m0", "m1", "f0 + f3", "f2 * 2 - f1", "max(f1, f3)", "f0 / f3")

comparisons = st.builds(lambda left, op, right: f"{left} {op} {right}", st.sampled_from(OPERANDS),
                        st.sampled_from(list(COMPARE)), st.integers(-5, 30))
memberships = st.builds(lambda negated, places: f"region {'not in' if negated else 'in'} "
                        "{" + ", ".join(quote(p) for p in places) + "}",
                        st.booleans(), st.lists(st.sampled_from(["Nord", "Syd"]), min_size=1, max_size=2,
                                                unique=True))
conditions = st.recursive(
    comparisons | memberships,
    lambda inner: st.builds(lambda a, op, b: f"({a}) {op} ({b})", inner, st.sampled_from(["and", "or"]), inner)
    | st.builds(lambda a: f"not ({a})", inner),
    max_leaves=5)


@st.composite
def goals(draw: st.DrawFn, number: int) -> str:
    lines = [f'goal {number} "g{number}" {{']
    if draw(st.booleans()):
        lines.append(f'    require {draw(conditions)} "a guard"')
    tiers = [f"{draw(conditions)} -> {draw(st.sampled_from(['100%', '50%', '25%']))}"
             for _ in range(draw(st.integers(1, 3)))]
    if draw(st.booleans()):
        tiers.append("else -> 10%")
    lines.append("    score " + "; ".join(tiers))
    lines.append("}")
    return "\n".join(lines)


contracts = st.lists(st.integers(0, 0), min_size=1, max_size=3).flatmap(
    lambda ones: st.tuples(*[goals(n + 1) for n in range(len(ones))])).map(
    lambda written: DECLARATIONS + "\n".join(written) + "\n")
fact_values = st.fixed_dictionaries(
    {name: st.integers(-3, 12) for name in FACTS} | {"region": st.sampled_from(["Nord", "Syd"])})


def checks_in(step: object) -> list[Check]:
    if isinstance(step, RequirementCheck):
        return [step.check]
    if isinstance(step, TierTried) and step.check is not None:
        return [step.check]
    return []


def seen_in(check: Check) -> list[Seen]:
    match check:
        case Compared(left=left, right=right):
            return [left, right]
        case Membership(item=item, collection=collection):
            return [item, collection]
        case Junction(parts=parts):
            return [seen for part in parts for seen in seen_in(part)]
        case Negation(part=part):
            return seen_in(part)
        case Truth(seen=seen):
            return [seen]
    raise AssertionError(check)


def everything_seen(seen: Seen) -> list[Seen]:
    return [seen] + [inner for found in seen.inputs for inner in everything_seen(found)]


def shown_facts(goal: rk.GoalResult) -> dict[str, object]:
    """The facts the goal's evidence shows, with the values it shows for them."""
    shown: dict[str, object] = {}
    for step in goal.steps:
        for check in checks_in(step):
            for seen in seen_in(check):
                for found in everything_seen(seen):
                    if isinstance(found.expr, s.Name) and (found.expr.name in FACTS or found.expr.name == "region"):
                        shown[found.expr.name] = found.value
    return shown


def holds_as_recorded(check: Check) -> bool:
    """Whether a check's outcome follows from the values it records."""
    match check:
        case Compared(left=left, op=op, right=right, holds=holds):
            return COMPARE[op](left.value, right.value) == holds
        case Membership(item=item, collection=collection, negated=negated, holds=holds):
            assert isinstance(collection.value, tuple)
            return ((item.value in collection.value) != negated) == holds
        case Junction(op=op, parts=parts, holds=holds):
            outcomes = [part.holds for part in parts]
            decided = all(outcomes) if op == "and" else any(outcomes)
            # Evaluation stops at the part that decides: only the last may differ from the rest.
            stopped = all(o == (op == "and") for o in outcomes[:-1])
            return decided == holds and stopped and all(holds_as_recorded(part) for part in parts)
        case Negation(part=part, holds=holds):
            return holds == (not part.holds) and holds_as_recorded(part)
        case Truth(seen=seen, holds=holds):
            return seen.value == holds
    raise AssertionError(check)


def outcome(goal: rk.GoalResult) -> tuple[Fraction | None, str | None]:
    return goal.fulfilment, goal.blocked.code if goal.blocked is not None else None


@given(contracts, fact_values)
def test_evidence_shows_the_true_value_of_every_fact_the_result_depends_on(text: str,
                                                                            facts: dict[str, object]) -> None:
    try:
        contract = rk.loads(text)
    except rk.ContractError:  # a tier the checker proves can never be reached, say
        reject()
    evaluation = contract.evaluate(facts)
    for goal in evaluation.goals.values():
        shown = shown_facts(goal)
        # Shown values are the facts' own.
        assert all(facts[name] == value for name, value in shown.items()), (shown, facts)
        # Every recorded check comes out as its recorded values say, and the tiers are tried in order.
        assert all(holds_as_recorded(check) for step in goal.steps for check in checks_in(step))
        tiers = [step for step in goal.steps if isinstance(step, TierTried)]
        assert all(not tier.holds for tier in tiers[:-1])
        if goal.fulfilment is not None and tiers and tiers[-1].holds:
            assert tiers[-1].fulfilment == goal.fulfilment
        if goal.blocked is not None and goal.blocked.code == "failure":
            continue  # a failed calculation says where it failed, not every value around it
        # A fact the evidence does not show cannot change the result.
        for name in set(facts) - set(shown):
            for other in ([-3, 0, 7, 12] if name != "region" else ["Nord", "Syd"]):
                changed = contract.evaluate({**facts, name: other}).goals[goal.id]
                assert outcome(changed) == outcome(goal), (name, other, goal.explain())


def test_the_property_sees_what_an_unshown_fact_would_change() -> None:
    """Were a metric's inputs left out of its evidence, the property above would fail: here
    the result depends on f0 through m0, and only the inputs show f0."""
    contract = rk.loads(DECLARATIONS + 'goal 1 "g" { score m0 >= 5 -> 100% }')
    facts = {"f0": 3, "f1": 4, "f2": 0, "f3": 1, "region": "Nord"}
    goal = contract.evaluate(facts).goals["1"]
    assert shown_facts(goal) == {"f0": 3, "f1": 4}
    assert outcome(contract.evaluate({**facts, "f0": -3}).goals["1"]) != outcome(goal)
