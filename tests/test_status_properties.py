"""Properties of the one model of statuses (status.py), over generated contracts that mix
metrics, deliverables due before and after the day evaluated, goal results, payments, split
totals worked out from the facts, and `if`:

1. an expression's status and value do not change when the operands of `+`, `*`, `and`,
   `or`, `=`, `min` and `max` are swapped;
2. with the same facts, a result decided as of a day is the same as of any later day, and
   without an as-of day;
3. once every due date has passed, nothing is pending;
4. no evaluation, as of any day, raises anything but the project's own errors.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.output.results import Evaluation

PERIOD_START, PERIOD_END = dt.date(2020, 1, 1), dt.date(2020, 12, 31)

HEAD = """\
contract "Statuses" {
    parties "A", "B"
    period 2020-01-01 .. 2020-12-31
}
fact f_ok: number
fact f_bad: number
fact f_none: number
fact z: number
fact start: date

goal 1 "Deliverables" {
    deliverable d_early "Early" due 2020-03-31
    deliverable d_late "Late" due 2020-09-30
    deliverable d_dated "Dated" due start + 3 months
    score all(deliverables) -> 100%; count(deliverables) >= 2 -> 50%
}
goal 2 "Measured" {
    score f_ok >= 3 -> 100%; >= 1 -> 50%
}
goal 3 "Invalid or missing" {
    score f_bad + f_none >= 3 -> 100%
}
metric chosen = if d_early then f_ok else f_ok / z
goal 4 "A metric and a deliverable" {
    deliverable d_own "Own" due 2020-06-30
    score chosen >= 2 and d_own -> 100%; chosen >= 0 -> 50%
}
goal 5 "Reads other goals" {
    score fulfilment(goal 1) >= 50% or fulfilment(goal 2) = 100% -> 100%
}
payment base "Base" = fulfilment(goal 1) of 100 kr
payment scaled "Scaled" = if fulfilment(goal 4) >= 50% then base else 2 * base
split shared {
    total scaled
    unit 1 kr
    shares { a 1  b 2 }
}
"""

# Operands, by type, from every corner of the model: decided, pending as of an early day,
# not evaluable (invalid, missing, due and not reported, a failed calculation), goal
# results of each status, an `if`, and literals.
NUMBERS = ["f_ok", "f_bad", "f_none", "f_ok / z", "chosen", "points(goal 1)", "points(goal 3)",
           "points(goal 4)", "points(goal 2)", "points", "if d_late then 1 else f_ok", "3", "0"]
BOOLS = ["d_early", "d_late", "d_dated", "f_ok >= 2", "f_bad >= 2", "f_ok / z >= 1",
         "fulfilment(goal 1) = 100%", "fulfilment(goal 2) >= 50%", "fulfilment(goal 3) > 0%", "true", "false"]
MONEY = ["base", "scaled", "f_ok * 1 kr", "f_bad * 1 kr", "(f_ok / z) * 1 kr", "10 kr",
         "fulfilment(goal 5) of 20 kr"]

SWAPPED = {"number": ["+", "*", "min", "max"], "bool": ["and", "or", "="], "money": ["+", "min", "max"]}


def joined(op: str, left: str, right: str) -> str:
    return f"{op}({left}, {right})" if op in ("min", "max") else f"({left}) {op} ({right})"


@st.composite
def operands(draw: st.DrawFn, kind: str, depth: int = 1) -> str:
    atoms = {"number": NUMBERS, "bool": BOOLS, "money": MONEY}[kind]
    if depth == 0 or draw(st.booleans()):
        return draw(st.sampled_from(atoms))
    op = draw(st.sampled_from(SWAPPED[kind]))
    if op == "=":  # equal truth values: two conditions compared
        return joined(op, draw(operands("bool", depth - 1)), draw(operands("bool", depth - 1)))
    return joined(op, draw(operands(kind, depth - 1)), draw(operands(kind, depth - 1)))


days = st.dates(min_value=dt.date(2019, 12, 1), max_value=dt.date(2021, 1, 31))
deliverable_states = st.one_of(st.none(), st.booleans(), st.dates(dt.date(2020, 1, 1), dt.date(2021, 1, 31)))


@st.composite
def facts(draw: st.DrawFn) -> dict[str, object]:
    """A year's facts, each given, left out, or wrong."""
    given: dict[str, object] = {}
    for name in ("f_ok", "f_bad", "f_none"):
        value = draw(st.one_of(st.none(), st.integers(-3, 5), st.just("not a number")))
        if value is not None:
            given[name] = value
    if draw(st.booleans()):
        given["z"] = draw(st.sampled_from([0, 2]))
    if draw(st.booleans()):
        given["start"] = draw(st.dates(dt.date(2019, 10, 1), dt.date(2020, 12, 1))).isoformat()
    for name in ("d_early", "d_late", "d_dated", "d_own"):
        state = draw(deliverable_states)
        if state is not None:
            given[name] = state.isoformat() if isinstance(state, dt.date) else state
    return given


Outcome = tuple[str, Fraction | tuple[Fraction | int, ...] | None]  # a split's value: its amounts


def outcomes(evaluation: Evaluation) -> dict[str, Outcome]:
    """Every result's status and value: goals, payments and splits."""
    found: dict[str, Outcome] = {}
    for goal in evaluation.goals.values():
        found[f"goal {goal.id}"] = (goal.state, goal.fulfilment)
    for payment in evaluation.payments.values():
        found[f"payment {payment.name}"] = (payment.state, payment.amount)
    for split in evaluation.splits.values():
        shares = None if split.allocation is None else tuple(split.allocation.values())
        found[f"split {split.name}"] = (split.state, shares)
    return found


@st.composite
def swapped_contracts(draw: st.DrawFn) -> str:
    """The head, with one expression of each type written both ways round."""
    kind = draw(st.sampled_from(["number", "bool", "money"]))
    op = draw(st.sampled_from(SWAPPED[kind]))
    side = "bool" if op == "=" else kind
    left, right = draw(operands(side)), draw(operands(side))
    one, other = joined(op, left, right), joined(op, right, left)
    if kind == "money":
        tail = f'payment one "One" = {one}\npayment other "Other" = {other}\n'
    elif kind == "number":
        tail = (f"metric one_m = {one}\nmetric other_m = {other}\n"
                'payment one "One" = one_m * 1 kr\npayment other "Other" = other_m * 1 kr\n')
    else:
        tail = (f'goal 8 "One" {{ score {one} -> 100%; else -> 25% }}\n'
                f'goal 9 "Other" {{ score {other} -> 100%; else -> 25% }}\n'
                f'payment one "One" = if {one} then 1 kr else 0 kr\n'
                f'payment other "Other" = if {other} then 1 kr else 0 kr\n')
    return HEAD + tail


@given(swapped_contracts(), facts(), st.one_of(st.none(), days))
def test_swapping_the_operands_changes_neither_status_nor_value(text: str, given: dict[str, object],
                                                                as_of: dt.date | None) -> None:
    evaluation = rk.loads(text).evaluate(given, as_of=as_of)
    found = outcomes(evaluation)
    assert found["payment one"] == found["payment other"], text.split('"Base"')[1]
    if "goal 8" in found:
        assert found["goal 8"] == found["goal 9"], text.split('"Base"')[1]


CONTRACT = rk.loads(HEAD + 'goal 8 "Everything" { score (fulfilment(goal 4) > 0% or d_late) '
                           'and min(chosen, f_ok) < 4 -> 100%; else -> 50% }\n'
                           'payment both "Both" = scaled + max(base, fulfilment(goal 8) of 10 kr)\n')
# Every due date, and the day the facts are due: after it, nothing is due any more.
LAST_DUE = PERIOD_END


@given(facts(), days, days)
def test_a_result_decided_as_of_a_day_stays_the_same_later_and_after_the_period(
        given: dict[str, object], first: dt.date, second: dt.date) -> None:
    early, late = min(first, second), max(first, second)
    then = outcomes(CONTRACT.evaluate(given, as_of=early))
    later = outcomes(CONTRACT.evaluate(given, as_of=late))
    after = outcomes(CONTRACT.evaluate(given))
    for name, (state, value) in then.items():
        if state == "decided":
            assert later[name] == (state, value), (name, early, late)
            assert after[name] == (state, value), (name, early)


@given(facts(), st.one_of(st.none(), st.dates(dt.date(2021, 1, 1), dt.date(2030, 1, 1))))
def test_once_every_due_date_has_passed_nothing_is_pending(given: dict[str, object],
                                                          as_of: dt.date | None) -> None:
    # The day the facts give for `start` moves one due date: it is passed too.
    start = dt.date.fromisoformat(str(given.get("start", "2019-01-01")))
    if as_of is not None and as_of <= max(LAST_DUE, start + dt.timedelta(days=93)):
        as_of = None
    evaluation = CONTRACT.evaluate(given, as_of=as_of)
    pending = {name for name, (state, _) in outcomes(evaluation).items() if state == "pending"}
    assert not pending
    assert not evaluation.pending


@given(swapped_contracts(), facts(), st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2200, 1, 1))))
def test_no_evaluation_raises_anything_but_the_projects_errors(text: str, given: dict[str, object],
                                                               as_of: dt.date | None) -> None:
    contract = rk.loads(text)
    try:
        evaluation = contract.evaluate(given, as_of=as_of)
    except rk.RkError:
        return
    # Every result can be said, in both languages, and as JSON.
    for language in ("en", "da"):
        evaluation.explain(language)
        evaluation.to_dict(language)
