"""Worked examples inside a contract, run as tests (checking them is example_checks.py's).

    example "NPS exactly 60 gives full fulfilment" {
        given anbefaling = [10] * 65 + [7] * 30 + [0] * 5
        expect goal 1 = 100%
    }

`given` sets a fact, a deliverable or a metric to a value written out in the
contract; `expect` says what a goal's fulfilment (or `not evaluable`), the
overall fulfilment or a party's amount in a split must then be.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any, cast

import attrs

from ..core.errors import RkError, Span
from ..core.values import LIST, T_PERCENT, Record, Type, Value, format_number, format_value
from ..core.vocabulary import unit_of
from ..language import syntax as s

if TYPE_CHECKING:
    from ..output.results import GoalResult
    from .contract import Contract


# ---- running them -----------------------------------------------------------------


@attrs.frozen
class Outcome:
    """One example run: passed, or the expectations it missed, each with the reason."""

    contract: str
    name: str
    failures: tuple[str, ...]
    span: Span | None = attrs.field(default=None, eq=False)

    @property
    def passed(self) -> bool:
        return not self.failures


def run(contract: Contract) -> list[Outcome]:
    return [run_one(contract, example) for example in contract.module.examples]


def run_one(contract: Contract, example: s.Example) -> Outcome:
    from ..core.wording import ENGLISH
    from ..evaluation.evaluate import Evaluator
    from ..facts.coerce import Exact
    from ..facts.supplied import check_facts
    from ..semantics.status import Failed
    from ..words.explain import failure_text

    analysis = contract.analysis
    # Givens are constants; the evaluator works them out with no facts at all.
    constant = Evaluator(analysis, check_facts({}, {}, {}))
    facts: dict[str, object] = {}
    metrics: dict[str, object] = {}
    failures: list[str] = []
    for given in example.givens:
        try:
            value = given_value(constant, given.value, analysis.types.get(given.name))
        except Failed as failed:  # a given too large to build, say: the example fails, not the run
            failures.append(f"given {given.name}: {failure_text(failed.failure, ENGLISH)}")
            continue
        (metrics if given.name in analysis.metrics else facts)[given.name] = Exact(value)
    evaluation = contract.evaluate(facts, metrics, as_of=example.as_of, period=example.period)
    failures.extend(f"given {p.message}" + (f" ({p.hint})" if p.hint else "")
                    for p in evaluation.errors)
    for expectation in example.expectations:
        try:
            failure = _compare(contract, expectation, evaluation, facts, constant)
        except Failed as failed:  # an expectation that cannot be worked out fails the example
            failure = f"the expectation at line {expectation.span.line} cannot be worked out: " \
                      f"{failure_text(failed.failure, ENGLISH)}"
        if failure:
            failures.append(failure)
    return Outcome(contract.source, example.name, tuple(failures), example.span)


def given_value(constant: Any, expr: s.Expr, declared: Type | None) -> Value:
    """A given's value. Rows written out (`[{dato: ..., deltager: ...}]`, also joined and
    repeated: `[{...}] * 3 + [{...}]`) hold their values in the order the record declares the
    fields, however they are written."""
    record = declared.element if declared is not None and declared.kind == LIST else None
    if record is None or record.fields is None:
        return cast(Value, constant.value(expr, None))
    return _rows(constant, expr, record)


def _rows(constant: Any, expr: s.Expr, record: Type) -> Value:
    from ..semantics.runtime import join

    if isinstance(expr, s.ListLiteral) and all(isinstance(item, s.RecordLiteral) for item in expr.items):
        rows: list[Value] = []
        for row in expr.items:
            assert isinstance(row, s.RecordLiteral)
            written = dict(row.fields)
            rows.append(cast(Value, Record(constant.value(written[name], None) for name, _ in record.fields or ())))
        return tuple(rows)
    if isinstance(expr, s.Chain) and all(op in "+*" for op, _ in expr.steps):
        value = _rows(constant, expr.first, record)
        for op, operand in expr.steps:
            right = _rows(constant, operand, record) if op == "+" else constant.value(operand, None)
            value = join(op, cast("tuple[Value, ...]", value), right, expr)
        return value
    return cast(Value, constant.value(expr, None))


def _compare(contract: Contract, expectation: s.Expectation, evaluation: object,
             facts: dict[str, object], constant: object) -> str | None:
    from ..output.results import Evaluation

    assert isinstance(evaluation, Evaluation)
    expected = constant.value(expectation.value, None) if expectation.value is not None else None  # type: ignore[attr-defined]
    if expectation.kind == "goal":
        goal = evaluation.goals[str(expectation.goal)]
        if goal.fulfilment == expected and not goal.pending and goal.applicable:
            return None
        want = "not evaluable" if expected is None else _percent(expected)
        return f"goal {goal.id}: expected {want}, got {_outcome(goal)}. {goal.reasoning()}"
    if expectation.kind in ("pending", "not applicable"):
        goal = evaluation.goals[str(expectation.goal)]
        if goal.status == expectation.kind:
            return None
        return f"goal {goal.id}: expected {expectation.kind}, got {_outcome(goal)}. {goal.reasoning()}"
    if expectation.kind == "provisional":
        goal = evaluation.goals[str(expectation.goal)]
        if goal.provisional:
            return None
        final = ", final" if goal.fulfilment is not None else ""
        return f"goal {goal.id}: expected a provisional result, got {_outcome(goal)}{final}. {goal.reasoning()}"
    if expectation.kind == "payment provisional":
        payment = evaluation.payments[str(expectation.payment)]
        if payment.provisional:
            return None
        return f"payment {payment.name}: expected an amount to date, got {payment.explain()}"
    if expectation.kind == "overall":
        if evaluation.overall == expected:
            return None
        got = "not evaluable" if evaluation.overall is None else _percent(evaluation.overall)
        return f"overall: expected {_percent(expected)}, got {got}. {evaluation.overall_sentence()}"
    if expectation.kind == "points":
        if evaluation.points == expected:
            return None
        got = "not known" if evaluation.points is None else format_number(evaluation.points)
        return (f"points: expected {format_number(Fraction(expected))}, got {got}. "  # type: ignore[arg-type]
                f"{evaluation.points_sentence()}")
    if expectation.kind in ("payment", "payment pending", "payment not evaluable"):
        payment = evaluation.payments[str(expectation.payment)]
        got = "pending" if payment.waiting else "not evaluable" if payment.amount is None else "worked out"
        if expectation.kind == "payment" and payment.amount is not None and payment.amount == expected:
            return None
        if expectation.kind == f"payment {got}":
            return None
        want = expectation.kind.removeprefix("payment ") if expectation.kind != "payment" else \
            f"{format_number(Fraction(expected))} {unit_of(payment.currency)}"  # type: ignore[arg-type]
        return f"payment {payment.name}: expected {want}, got {payment.explain()}"
    if str(expectation.split) in evaluation.splits:  # its total worked out from these facts
        worked = evaluation.splits[str(expectation.split)]
        if worked.allocation is None:
            reason = worked.problems[0].message if worked.problems else worked.total.explain()
            return f"split {expectation.split}: {reason}"
        allocation = worked.allocation
    else:
        try:
            allocation = contract.split(expectation.split, facts, margins=False)
        except RkError as error:
            return f"split {expectation.split}: {error.problems[0].message}"
    party = str(expectation.party)
    if party not in allocation:
        return f"split {expectation.split}: there is no party {party}"
    if allocation[party] == expected:
        return None
    return (f"split {expectation.split}: expected {party} = {format_number(Fraction(expected))} "  # type: ignore[arg-type]
            f"{allocation.unit}, got {format_number(Fraction(allocation[party]))} {allocation.unit}")


def _outcome(goal: GoalResult) -> str:
    if goal.pending or not goal.applicable:
        return goal.status
    return "not evaluable" if goal.fulfilment is None else _percent(goal.fulfilment)


def _percent(value: Value | None) -> str:
    assert isinstance(value, Fraction | int)
    return format_value(Fraction(value), T_PERCENT)
