"""Properties of tier lists, checked on generated contracts and values.

Each example writes a real `.rk` contract, loads it and evaluates it, so the
properties hold for the language as a user writes it, not only for internals.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.core.values import format_number

# Decimals with up to three places: every one can be written in a contract
# and in a facts file exactly.
decimals = st.integers(-100_000, 100_000).map(lambda n: Fraction(n, 1000))
percents = st.integers(0, 100).map(lambda n: Fraction(n, 100))
OPS = (">=", ">", "<=", "<", "=", "!=")


def contract(tiers: list[tuple[str, Fraction, Fraction]], otherwise: Fraction | None = None,
             shorthand: bool = True, disguise: bool = False) -> rk.Contract:
    """The tiers as a contract. `disguise` writes each threshold as a sum, which
    hides it from the static check for unreachable tiers but not from evaluation."""
    lines = []
    for index, (op, threshold, pct) in enumerate(tiers):
        subject = "" if shorthand and index else "x "
        written = f"({format_number(threshold)} + 0)" if disguise else format_number(threshold)
        lines.append(f"{subject}{op} {written} -> {format_number(pct * 100)}%")
    if otherwise is not None:
        lines.append(f"else -> {format_number(otherwise * 100)}%")
    text = "fact x: number\ngoal g \"generated\" {\n    score " + ";\n          ".join(lines) + "\n}\n"
    return rk.loads(text, source="<generated>")


def fulfilment(c: rk.Contract, value: Fraction) -> Fraction | None:
    facts = rk.loads_facts(f'{{"x": {format_number(value)}}}')
    return c.evaluate(facts).goals["g"].fulfilment


@st.composite
def descending_tiers(draw: st.DrawFn) -> list[tuple[str, Fraction, Fraction]]:
    """Thresholds that fall tier by tier, with percentages that fall too: the usual shape."""
    thresholds = sorted(draw(st.sets(decimals, min_size=1, max_size=6)), reverse=True)
    pcts = sorted(draw(st.lists(percents, min_size=len(thresholds), max_size=len(thresholds))),
                  reverse=True)
    return [(">=", t, p) for t, p in zip(thresholds, pcts, strict=True)]


@given(descending_tiers(), st.data())
def test_a_value_exactly_on_a_threshold_gets_that_tier(
        tiers: list[tuple[str, Fraction, Fraction]], data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(tiers) - 1))
    _, threshold, pct = tiers[index]
    assert fulfilment(contract(tiers), threshold) == pct


@given(descending_tiers(), decimals, decimals)
def test_raising_the_measured_value_never_lowers_fulfilment(
        tiers: list[tuple[str, Fraction, Fraction]], a: Fraction, b: Fraction) -> None:
    low, high = sorted((a, b))
    c = contract(tiers)
    at_low, at_high = fulfilment(c, low), fulfilment(c, high)
    assert at_low is not None and at_high is not None  # x is given: the goal is evaluated, 0% at worst
    assert at_low <= at_high


def first_holding(tiers: list[tuple[str, Fraction, Fraction]], value: Fraction) -> int | None:
    """'The first tier that holds', written as plainly as possible."""
    tests = {">=": value.__ge__, ">": value.__gt__, "<=": value.__le__, "<": value.__lt__,
             "=": value.__eq__, "!=": value.__ne__}
    for index, (op, threshold, _) in enumerate(tiers):
        if tests[op](threshold):
            return index
    return None


def reference(tiers: list[tuple[str, Fraction, Fraction]], otherwise: Fraction | None,
              value: Fraction) -> Fraction:
    index = first_holding(tiers, value)
    if index is not None:
        return tiers[index][2]
    return otherwise if otherwise is not None else Fraction(0)


any_tiers = st.lists(st.tuples(st.sampled_from(OPS), decimals, percents), min_size=1, max_size=6)


@given(any_tiers, st.none() | percents, st.booleans(), st.data())
def test_evaluation_agrees_with_first_tier_that_holds(
        tiers: list[tuple[str, Fraction, Fraction]], otherwise: Fraction | None, shorthand: bool,
        data: st.DataObject) -> None:
    # Values near and on the thresholds are where mistakes live.
    near = [t + d for _, t, _ in tiers for d in (Fraction(-1, 1000), Fraction(0), Fraction(1, 1000))]
    value = data.draw(st.sampled_from(near) | decimals)
    c = contract(tiers, otherwise, shorthand, disguise=True)
    assert fulfilment(c, value) == reference(tiers, otherwise, value)


@given(any_tiers, st.none() | percents)
def test_a_tier_reported_unreachable_is_never_the_first_to_hold(
        tiers: list[tuple[str, Fraction, Fraction]], otherwise: Fraction | None) -> None:
    try:
        contract(tiers, otherwise)
        return
    except rk.ContractError as error:
        problems = error.errors
    assert all("never reached" in p.message for p in problems)
    # Every value that matters lies on a threshold or just beside it.
    values = [t + d for _, t, _ in tiers for d in (Fraction(-1, 10**6), Fraction(0), Fraction(1, 10**6))]
    winners = {first_holding(tiers, v) for v in values}
    for problem in problems:
        if problem.message.startswith("`else`"):
            assert None not in winners
        else:
            number = int(problem.message.split()[1])
            assert number - 1 not in winners


@given(any_tiers, st.none() | percents)
def test_a_missing_fact_never_matches_any_tier(
        tiers: list[tuple[str, Fraction, Fraction]], otherwise: Fraction | None) -> None:
    result = contract(tiers, otherwise, disguise=True).evaluate({})
    goal = result.goals["g"]
    assert goal.fulfilment is None
    assert goal.status == "not evaluable"
    assert goal.missing == ("x",)
    assert not any(step for step in goal.steps)  # no tier was even tried


@given(any_tiers, st.none() | percents, decimals)
def test_fulfilment_is_always_one_of_the_written_percentages(
        tiers: list[tuple[str, Fraction, Fraction]], otherwise: Fraction | None, value: Fraction) -> None:
    written = {pct for _, _, pct in tiers} | {otherwise if otherwise is not None else Fraction(0)}
    assert fulfilment(contract(tiers, otherwise, disguise=True), value) in written
