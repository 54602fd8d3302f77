"""Worked examples inside a contract, checked and run as tests.

    example "NPS exactly 60 gives full fulfilment" {
        given anbefaling = [10] * 65 + [7] * 30 + [0] * 5
        expect goal 1 = 100%
    }

`given` sets a fact, a deliverable or a metric to a value written out in the
contract; `expect` says what a goal's fulfilment (or `not evaluable`), the
overall fulfilment or a party's amount in a split must then be.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from . import syntax as s
from .errors import Problem, RkError, Span, did_you_mean
from .infer import Typer, a, as_percent
from .values import BOOL, DATE, LIST, PERCENT, T_PERCENT, Type, Value, format_number, format_value

if TYPE_CHECKING:
    from .contract import Contract


# ---- checks, when the contract loads ---------------------------------------------


def check_example(example: s.Example, types: Mapping[str, Type], module: s.Module,
                  names_of: Mapping[str, str]) -> Iterator[Problem]:
    """Problems in one example. `names_of` maps each declared name to its kind."""
    typer_problems: list[Problem] = []
    typer = Typer(dict(types), None, typer_problems)
    for given in example.givens:
        kind = names_of.get(given.name)
        if kind is None:
            yield Problem("error", f"`{given.name}` is not a fact, deliverable or metric of the contract",
                          given.span, did_you_mean(given.name, names_of) or "give a declared name")
            continue
        if _mentions_names(given.value):
            yield Problem("error", "a given value is written out, not computed from other names",
                          given.value.span, "write the value itself, e.g. `[10] * 65 + [0] * 5`")
            continue
        found = typer.type_of(given.value)
        declared = types.get(given.name)
        if found is None or declared is None:
            continue
        if kind == "deliverable":
            if found.kind not in (BOOL, DATE):
                yield Problem("error", f"a deliverable is given true, false or a date, not {a(found)}",
                              given.value.span, "e.g. `given strategi = 2019-12-16`")
        elif not _fits(declared, found):
            hint = "write it as the fact is declared"
            if declared.kind == PERCENT and isinstance(given.value, s.Number):
                hint = f"write a percentage: {as_percent(given.value.value)}"
            yield Problem("error", f"`{given.name}` holds {declared}, but is given {found}",
                          given.value.span, hint)
        else:
            _check_choices(typer, given, declared)
    yield from typer_problems
    goals = {goal.id for goal in module.goals}
    splits = {split.name: split for split in module.splits}
    for expectation in example.expectations:
        yield from _check_expectation(expectation, goals, splits, typer)


def _mentions_names(expr: s.Expr) -> bool:
    return any(True for _ in s.names_in(expr))


def _fits(declared: Type, given: Type) -> bool:
    if declared.kind == LIST:
        if given.kind != LIST:
            return False
        if given.element is None or declared.element is None:
            return True  # `[]` fits any list
        return _fits(declared.element, given.element)
    if declared.kind != given.kind:
        return False
    return not declared.integer or given.integer


def _check_choices(typer: Typer, given: s.Given, declared: Type) -> None:
    texts: list[s.Text] = []
    pending = [given.value]
    while pending:
        expr = pending.pop()
        if isinstance(expr, s.ListLiteral | s.SetLiteral):
            pending.extend(expr.items)
        elif isinstance(expr, s.Binary):
            pending.extend((expr.left, expr.right))
        elif isinstance(expr, s.Text):
            texts.append(expr)
    inner = declared.innermost
    if inner.choices is not None:
        for text in dict.fromkeys(texts):
            typer._check_choice(inner, text)  # reports through the typer


def _check_expectation(expectation: s.Expectation, goals: set[str],
                       splits: Mapping[str, s.Split], typer: Typer) -> Iterator[Problem]:
    if expectation.kind == "goal" and expectation.goal not in goals:
        yield Problem("error", f"there is no goal {expectation.goal}", expectation.span,
                      did_you_mean(str(expectation.goal), goals) or "expect a goal the contract has")
    if expectation.kind in ("goal", "overall") and expectation.value is not None:
        found = typer.type_of(expectation.value)
        if found is not None and found.kind != PERCENT:
            yield Problem("error", f"a fulfilment is a percent, not {a(found)}", expectation.value.span,
                          "write it with %, e.g. `expect goal 1 = 100%`")
    if expectation.kind == "split":
        split = splits.get(str(expectation.split))
        if split is None:
            yield Problem("error", f"there is no split `{expectation.split}`", expectation.span,
                          did_you_mean(str(expectation.split), splits) or "expect a split the contract has")
        elif split.shares and expectation.party not in {share.party for share in split.shares}:
            yield Problem("error", f"{expectation.party} is not a party of split `{split.name}`",
                          expectation.span, did_you_mean(str(expectation.party),
                                                         [sh.party for sh in split.shares])
                          or "expect a party the split names")


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
    from .evaluate import Evaluator
    from .explain import failure_text
    from .coerce import Exact
    from .facts import check_facts
    from .runtime import Failed
    from .wording import ENGLISH

    analysis = contract.analysis
    # Givens are constants; the evaluator works them out with no facts at all.
    constant = Evaluator(analysis, check_facts({}, {}, {}))
    facts: dict[str, object] = {}
    metrics: dict[str, object] = {}
    failures: list[str] = []
    for given in example.givens:
        try:
            value = constant.value(given.value, None)
        except Failed as failed:  # a given too large to build, say: the example fails, not the run
            failures.append(f"given {given.name}: {failure_text(failed.failure, ENGLISH)}")
            continue
        (metrics if given.name in analysis.metrics else facts)[given.name] = Exact(value)
    evaluation = contract.evaluate(facts, metrics)
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


def _compare(contract: Contract, expectation: s.Expectation, evaluation: object,
             facts: dict[str, object], constant: object) -> str | None:
    from .results import Evaluation

    assert isinstance(evaluation, Evaluation)
    expected = constant.value(expectation.value, None) if expectation.value is not None else None  # type: ignore[attr-defined]
    if expectation.kind == "goal":
        goal = evaluation.goals[str(expectation.goal)]
        if goal.fulfilment == expected:
            return None
        want = "not evaluable" if expected is None else _percent(expected)
        got = "not evaluable" if goal.fulfilment is None else _percent(goal.fulfilment)
        return f"goal {goal.id}: expected {want}, got {got}. {goal.reasoning()}"
    if expectation.kind == "overall":
        if evaluation.overall == expected:
            return None
        got = "not evaluable" if evaluation.overall is None else _percent(evaluation.overall)
        return f"overall: expected {_percent(expected)}, got {got}. {evaluation.overall_sentence()}"
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


def _percent(value: Value | None) -> str:
    assert isinstance(value, Fraction | int)
    return format_value(Fraction(value), T_PERCENT)
