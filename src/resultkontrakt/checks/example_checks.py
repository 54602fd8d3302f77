"""Worked examples checked when the contract loads: names given, types, expectations.

Part of `rk check`: an example that gives a name the contract does not have,
or a value of the wrong type, is a problem like any other. Running the
examples is examples.py's work.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping

from ..core.errors import Problem, closest
from ..core.reasons import Kind, problem, warning
from ..core.values import BOOL, DATE, LIST, MONEY, NUMBER, PERCENT, RECORD, TABLE, Type
from ..language import syntax as s
from .infer import Typer, as_percent


def check_example(example: s.Example, types: dict[str, Type], module: s.Module,
                  names_of: Mapping[str, str], goals: Collection[str]) -> Iterator[Problem]:
    """Problems in one example. `names_of` maps each declared name to its kind; `goals` are the
    contract's goal ids. Nothing here is worked out from the whole contract once an example:
    a contract of 10,000 goals and 1,000 examples would take their product."""
    typer_problems: list[Problem] = []
    typer = Typer(types, None, typer_problems)  # which only reads the types
    for given in example.givens:
        kind = names_of.get(given.name)
        if kind is None:
            yield problem("example.unknown-name", given.span, name=given.name,
                          suggestion=closest(given.name, names_of))
            continue
        if _mentions_names(given.value):
            yield problem("example.computed", given.value.span)
            continue
        found = typer.type_of(given.value)
        declared = types.get(given.name)
        if found is None or declared is None:
            continue
        if kind == "deliverable":
            if found.kind not in (BOOL, DATE):
                yield problem("example.deliverable", given.value.span, found=Kind(found))
        elif declared.innermost.kind == RECORD and not _rows_fit(given, declared.innermost):
            yield from _row_problems(given, declared.innermost)
        elif not _fits(declared, found):
            percent = as_percent(given.value.value) if declared.kind == PERCENT and isinstance(
                given.value, s.Number) else None
            # The types as the contract writes them: code, in any language.
            yield problem("example.given-type", given.value.span, hint=percent and "example.percentage",
                          name=given.name, declared=str(declared), found=str(found),
                          params={"percent": percent} if percent else None)
        else:
            _check_choices(typer, given, declared)
    yield from typer_problems
    splits = {split.name: split for split in module.splits}
    payments = [payment.name for payment in module.payments]
    for expectation in example.expectations:
        yield from _check_expectation(expectation, goals, splits, typer, payments)
    period = module.header.period if module.header else None
    if example.as_of is not None and period is not None and not period[0] <= example.as_of <= period[1]:
        yield warning("example.outside-period", example.span, day=example.as_of, first=period[0],
                      last=period[1])


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


def rows_in(expr: s.Expr) -> list[s.RecordLiteral]:
    """The rows a given writes out: `[{...}, {...}]`, and those of `[...] + [...]`."""
    pending, rows = [expr], []
    while pending:
        node = pending.pop()
        if isinstance(node, s.RecordLiteral):
            rows.append(node)
        elif isinstance(node, s.ListLiteral | s.Chain):
            pending.extend(s.children(node))
    return rows


def _rows_fit(given: s.Given, record: Type) -> bool:
    declared = {name for name, _ in record.fields or ()}
    return all({name for name, _ in row.fields} == declared for row in rows_in(given.value))


def _row_problems(given: s.Given, record: Type) -> Iterator[Problem]:
    declared = tuple(f"`{name}`" for name, _ in record.fields or ())
    for row in rows_in(given.value):
        if {name for name, _ in row.fields} != {name for name, _ in record.fields or ()}:
            yield problem("example.record-fields", row.span, name=given.name, declared=declared,
                          given=tuple(f"`{name}`" for name, _ in row.fields))


def _fits(declared: Type, given: Type) -> bool:
    if declared.kind == RECORD:
        if given.kind != RECORD:
            return False
        if given.fields is None:
            return True
        found = dict(given.fields)
        return all(_fits(field, found[name]) for name, field in declared.fields or () if name in found)
    if declared.kind in (LIST, TABLE):
        if given.kind != declared.kind:
            return False
        if given.element is None or declared.element is None:
            return True  # `[]` fits any list
        return _fits(declared.element, given.element)
    if declared.kind != given.kind or declared.currency != given.currency or declared.per != given.per:
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


def _check_expectation(expectation: s.Expectation, goals: Collection[str],
                       splits: Mapping[str, s.Split], typer: Typer,
                       payments: Collection[str] = ()) -> Iterator[Problem]:
    if expectation.kind in ("goal", "pending", "not applicable", "provisional") and expectation.goal not in goals:
        yield problem("unknown-goal", expectation.span, goal=expectation.goal,
                      hint="example.goal", suggestion=closest(str(expectation.goal), goals))
    if expectation.kind in ("goal", "overall") and expectation.value is not None:
        found = typer.type_of(expectation.value)
        if found is not None and found.kind != PERCENT:
            yield problem("example.fulfilment", expectation.value.span, found=Kind(found))
    if expectation.kind == "points" and expectation.value is not None:
        found = typer.type_of(expectation.value)
        if found is not None and found.kind != NUMBER:
            yield problem("example.points", expectation.value.span, found=Kind(found))
    if expectation.kind.startswith("payment"):
        if expectation.payment not in payments:
            yield problem("example.no-payment", expectation.span, payment=expectation.payment,
                          suggestion=closest(str(expectation.payment), payments))
        elif expectation.value is not None:
            found = typer.type_of(expectation.value)
            paid = typer.types.get(str(expectation.payment))
            if found is not None and found.kind != MONEY:
                yield problem("example.payment", expectation.value.span, found=Kind(found),
                              payment=expectation.payment)
            elif found is not None and paid is not None and paid.currency != found.currency:
                yield problem("currency.mixed", expectation.value.span, hint="currency.convert", op="=",
                              left=paid.currency_code, right=found.currency_code)
    if expectation.kind == "split":
        split = splits.get(str(expectation.split))
        if split is None:
            yield problem("example.no-split", expectation.span, split=expectation.split,
                          suggestion=closest(str(expectation.split), splits))
        elif split.shares and expectation.party not in {share.party for share in split.shares}:
            yield problem("example.not-a-party", expectation.span, party=expectation.party, split=split.name,
                          suggestion=closest(str(expectation.party), [sh.party for sh in split.shares]))
