"""Worked examples checked when the contract loads: names given, types, expectations.

Part of `rk check`: an example that gives a name the contract does not have,
or a value of the wrong type, is a problem like any other. Running the
examples is examples.py's work.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping

from . import syntax as s
from .errors import Problem, did_you_mean
from .infer import Typer, a, as_percent
from .values import BOOL, DATE, LIST, MONEY, NUMBER, PERCENT, TABLE, Type


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
            yield Problem("error", "a given value is written out, not worked out from names or conditions",
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
        yield from _check_expectation(expectation, goals, splits, typer,
                                      [payment.name for payment in module.payments])
    period = module.header.period if module.header else None
    if example.as_of is not None and period is not None and not period[0] <= example.as_of <= period[1]:
        yield Problem("warning", f"the example is evaluated as of {example.as_of}, outside the contract "
                      f"period {period[0]} .. {period[1]}", example.span,
                      "follow-up during the year takes a day within the period")


def _mentions_names(expr: s.Expr) -> bool:
    """Whether a given is worked out rather than written out: names, goal results, conditions."""
    if any(True for _ in s.names_in(expr)) or any(True for _ in s.goal_values_in(expr)):
        return True
    pending = [expr]
    while pending:
        node = pending.pop()
        if isinstance(node, s.If):
            return True
        pending.extend(s.children(node))
    return False


def _fits(declared: Type, given: Type) -> bool:
    if declared.kind in (LIST, TABLE):
        if given.kind != declared.kind:
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
        elif isinstance(expr, s.Chain):
            pending.extend(expr.operands)
        elif isinstance(expr, s.Text):
            texts.append(expr)
    inner = declared.innermost
    if inner.choices is not None:
        for text in dict.fromkeys(texts):
            typer.check_choice(inner, text)  # reported with the typer's other problems


def _check_expectation(expectation: s.Expectation, goals: set[str],
                       splits: Mapping[str, s.Split], typer: Typer,
                       payments: Collection[str] = ()) -> Iterator[Problem]:
    if expectation.kind in ("goal", "pending") and expectation.goal not in goals:
        yield Problem("error", f"there is no goal {expectation.goal}", expectation.span,
                      did_you_mean(str(expectation.goal), goals) or "expect a goal the contract has")
    if expectation.kind in ("goal", "overall") and expectation.value is not None:
        found = typer.type_of(expectation.value)
        if found is not None and found.kind != PERCENT:
            yield Problem("error", f"a fulfilment is a percent, not {a(found)}", expectation.value.span,
                          "write it with %, e.g. `expect goal 1 = 100%`")
    if expectation.kind == "points" and expectation.value is not None:
        found = typer.type_of(expectation.value)
        if found is not None and found.kind != NUMBER:
            yield Problem("error", f"points are a number, not {a(found)}", expectation.value.span,
                          "e.g. `expect points = 75.5`")
    if expectation.kind.startswith("payment"):
        if expectation.payment not in payments:
            yield Problem("error", f"there is no payment `{expectation.payment}`", expectation.span,
                          did_you_mean(str(expectation.payment), payments) or "expect a payment the contract has")
        elif expectation.value is not None:
            found = typer.type_of(expectation.value)
            if found is not None and found.kind != MONEY:
                yield Problem("error", f"a payment is an amount of money, not {a(found)}",
                              expectation.value.span,
                              f"e.g. `expect payment {expectation.payment} = 72000 kr`")
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
