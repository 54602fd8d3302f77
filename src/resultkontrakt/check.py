"""Static checks: every problem in a contract, found before any fact is read.

The checker resolves every name, gives every expression a type, and works out
which facts each goal depends on. Its result, `Analysis`, is what evaluation
and explanation use: they never have to guess a type or a dependency.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from fractions import Fraction

import attrs

from . import syntax as s
from .errors import Problem, Span, did_you_mean
from .tiers import check_tiers
from .values import (
    BOOL, DATE, LIST, MONEY, NUMBER, PERCENT, T_BOOL, T_DATE, T_INTEGER, T_MONEY, T_NUMBER,
    T_PERCENT, T_TEXT, Type, format_value, list_of,
)

DELIVERABLES = "deliverables"
FUNCTIONS = ("abs", "all", "any", "count", "max", "min", "round")
_ORDERED = frozenset({NUMBER, PERCENT, MONEY, DATE})


@attrs.frozen
class Analysis:
    """What the checks learned: types, and which facts each goal needs."""

    facts: dict[str, s.Fact]
    metrics: dict[str, s.Metric]
    deliverables: dict[str, s.Deliverable]
    metric_order: tuple[str, ...]  # each metric after the metrics it uses
    types: dict[str, Type]
    needs: dict[str, frozenset[str]]  # goal id -> names of facts and deliverables it reads
    problems: tuple[Problem, ...]

    def type_of(self, expr: s.Expr, goal: s.Goal | None = None) -> Type | None:
        """The type of an expression that passed the checks (None if it did not)."""
        return _Typer(self.types, goal, None).type_of(expr)


def check(module: s.Module, build_problems: list[Problem] | None = None) -> Analysis:
    problems: list[Problem] = list(build_problems or [])
    facts: dict[str, s.Fact] = {}
    metrics: dict[str, s.Metric] = {}
    deliverables: dict[str, s.Deliverable] = {}
    first_use: dict[str, Span] = {}

    def declare(name: str, span: Span, table: dict[str, object], node: object) -> None:
        if name in first_use:
            problems.append(Problem("error", f"`{name}` is declared twice", span,
                                    f"the first declaration is at line {first_use[name].line}; "
                                    "rename or remove one of them"))
            return
        first_use[name] = span
        table[name] = node

    for fact in module.facts:
        declare(fact.name, fact.span, facts, fact)  # type: ignore[arg-type]
    for metric in module.metrics:
        declare(metric.name, metric.span, metrics, metric)  # type: ignore[arg-type]
    for goal in module.goals:
        for deliverable in goal.deliverables:
            declare(deliverable.name, deliverable.span, deliverables, deliverable)  # type: ignore[arg-type]

    types: dict[str, Type] = {name: fact.type for name, fact in facts.items()}
    types.update({name: T_BOOL for name in deliverables})
    for fact in facts.values():
        problems.extend(_check_range(fact))

    # Metrics are typed in dependency order; a cycle is reported once and its
    # members are left untyped so that no other check trips over them.
    order, cycle_problems = _metric_order(metrics)
    problems.extend(cycle_problems)
    untyped = frozenset(metrics) - frozenset(order)
    for name in order:
        typer = _Typer(types, None, problems, untyped)
        found = typer.type_of(metrics[name].expr)
        if found is not None:
            types[name] = found

    needs: dict[str, frozenset[str]] = {}
    seen_goals: dict[str, Span] = {}
    for goal in module.goals:
        if goal.id in seen_goals:
            problems.append(Problem("error", f"goal {goal.id} is declared twice", goal.span,
                                    f"the first goal {goal.id} is at line {seen_goals[goal.id].line}; "
                                    "give each goal its own id"))
        seen_goals.setdefault(goal.id, goal.span)
        problems.extend(_check_goal(goal, types, module, untyped))
        needs[goal.id] = frozenset(_fact_needs(goal, metrics, facts, deliverables))

    used = set().union(*needs.values()) if needs else set()
    for fact in facts.values():
        if fact.name not in used:
            problems.append(Problem("warning", f"fact `{fact.name}` is declared but no goal uses it",
                                    fact.span, "use it in a score or a metric, or remove it"))
    mentioned = {name for goal in module.goals for expr in goal_exprs(goal) for name in _names(expr)}
    reached = _reached_metrics(metrics, mentioned)
    for metric in metrics.values():
        if metric.name not in reached:
            problems.append(Problem("warning", f"metric `{metric.name}` is defined but no goal uses it",
                                    metric.span, "use it in a score, or remove it"))
    for goal in module.goals:
        for deliverable in goal.deliverables:
            if deliverable.name not in needs.get(goal.id, frozenset()):
                problems.append(Problem(
                    "warning", f"deliverable `{deliverable.name}` is not used in goal {goal.id}'s score",
                    deliverable.span, "use `all(deliverables)` or name it in a tier"))
    # A shorthand tier repeats its subject, so a mistake in the subject would
    # otherwise be reported once per tier.
    unique = tuple(dict.fromkeys(problems))
    return Analysis(facts, metrics, deliverables, tuple(order), types, needs, unique)


def _reached_metrics(metrics: dict[str, s.Metric], mentioned: set[str]) -> set[str]:
    """The metrics that goals use, directly or through other metrics."""
    reached: set[str] = set()
    pending = [n for n in mentioned if n in metrics]
    while pending:
        current = pending.pop()
        if current not in reached:
            reached.add(current)
            pending.extend(n for n in _names(metrics[current].expr) if n in metrics)
    return reached


def _check_range(fact: s.Fact) -> Iterator[Problem]:
    if fact.range is None:
        return
    if not fact.type.is_quantity:
        yield Problem("error", f"a range only fits a number, percent or money, not {_a(fact.type)}",
                      fact.range.span, "remove the `in LOW .. HIGH` part")
        return
    bounds = []
    for bound in (fact.range.low, fact.range.high):
        value, kind = _constant(bound)
        if value is None:
            yield Problem("error", "a range bound must be a plain value such as -100, 0% or 10 tkr",
                          bound.span)
            return
        if kind != fact.type.kind:
            yield Problem("error", f"this bound is a {kind}, but `{fact.name}` is a {fact.type.kind}",
                          bound.span, _unit_hint(fact.type.kind))
            return
        bounds.append(value)
    if bounds[0] > bounds[1]:
        yield Problem("error", "the range's low bound is above its high bound", fact.range.span,
                      "write the smaller value first: `in LOW .. HIGH`")


def _constant(expr: s.Expr) -> tuple[Fraction | None, str]:
    """The value and kind of a literal quantity, with an optional minus sign."""
    if isinstance(expr, s.Unary) and expr.op == "-":
        value, kind = _constant(expr.operand)
        return (-value if value is not None else None), kind
    if isinstance(expr, s.Number):
        return expr.value, NUMBER
    if isinstance(expr, s.Percent):
        return expr.value, PERCENT
    if isinstance(expr, s.Money):
        return expr.value, MONEY
    return None, ""


def _unit_hint(kind: str) -> str:
    return {
        PERCENT: "write a percentage with %, e.g. 70%",
        MONEY: "write an amount with its unit, e.g. 576 tkr",
        NUMBER: "write a plain number, e.g. 60",
    }.get(kind, "")


def _metric_order(metrics: dict[str, s.Metric]) -> tuple[list[str], list[Problem]]:
    """Metrics in an order where each comes after those it uses; cycles reported.

    Iterative depth-first search: a chain of thousands of metrics must not
    exhaust Python's stack.
    """
    order: list[str] = []
    problems: list[Problem] = []
    state: dict[str, str] = {}
    for root in metrics:
        if root in state:
            continue
        state[root] = "active"
        path = [root]
        stack = [iter([n for n in _names(metrics[root].expr) if n in metrics])]
        while stack:
            used = next(stack[-1], None)
            if used is None:
                stack.pop()
                done = path.pop()
                if state[done] == "active":
                    state[done] = "done"
                    order.append(done)
                continue
            if state.get(used) == "active":
                cycle = path[path.index(used):] + [used]
                problems.append(Problem(
                    "error", "these metrics are defined in terms of each other: " + " -> ".join(cycle),
                    metrics[used].span, "a metric must be computable from facts; break the cycle"))
                for member in cycle:
                    state[member] = "cyclic"
            elif used not in state:
                state[used] = "active"
                path.append(used)
                stack.append(iter([n for n in _names(metrics[used].expr) if n in metrics]))
    return order, problems


def _names(expr: s.Expr) -> Iterator[str]:
    match expr:
        case s.Name(name=name):
            yield name
        case s.Unary(operand=operand):
            yield from _names(operand)
        case s.Binary(left=left, right=right) | s.Compare(left=left, right=right):
            yield from _names(left)
            yield from _names(right)
        case s.Call(args=args):
            for arg in args:
                yield from _names(arg)


def goal_exprs(goal: s.Goal) -> Iterator[s.Expr]:
    for requirement in goal.requirements:
        yield requirement.condition
    for tier in goal.tiers:
        if tier.condition is not None:
            yield tier.condition
        yield tier.fulfilment


def _fact_needs(goal: s.Goal, metrics: dict[str, s.Metric], facts: dict[str, s.Fact],
                deliverables: dict[str, s.Deliverable]) -> set[str]:
    """The facts and deliverables a goal reads, directly or through metrics."""
    needs: set[str] = set()
    pending = [name for expr in goal_exprs(goal) for name in _names(expr)]
    seen: set[str] = set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        if name == DELIVERABLES:
            needs.update(d.name for d in goal.deliverables)
        elif name in facts or name in deliverables:
            needs.add(name)
        elif name in metrics:
            pending.extend(_names(metrics[name].expr))
    return needs


def _check_goal(goal: s.Goal, types: dict[str, Type], module: s.Module,
                untyped: frozenset[str]) -> Iterator[Problem]:
    problems: list[Problem] = []
    typer = _Typer(types, goal, problems, untyped)
    if not goal.tiers:
        problems.append(Problem("error", f"goal {goal.id} has no `score`, so it could never be met",
                                goal.span, "add a score, e.g. `score all(deliverables) -> 100%`"))
    for requirement in goal.requirements:
        found = typer.type_of(requirement.condition)
        if found is not None and found != T_BOOL:
            problems.append(Problem("error", f"a requirement must be true or false, not {_a(found)}",
                                    requirement.condition.span, "write a condition, e.g. `n >= 30`"))
    for tier in goal.tiers:
        if tier.condition is not None:
            found = typer.type_of(tier.condition)
            if found is not None and found.kind != BOOL:
                problems.append(Problem(
                    "error", f"a tier's condition must be true or false, not {_a(found)}",
                    tier.condition.span, "compare it with a threshold, e.g. `nps >= 60 -> 100%`"))
        found = typer.type_of(tier.fulfilment)
        if found is not None and found.kind != PERCENT:
            problems.append(Problem("error", f"a fulfilment must be a percent, not {_a(found)}",
                                    tier.fulfilment.span, "write it with %, e.g. `-> 100%`"))
        value, kind = _constant(tier.fulfilment)
        if value is not None and kind == PERCENT and not 0 <= value <= 1:
            problems.append(Problem("error", "a fulfilment must lie between 0% and 100%",
                                    tier.fulfilment.span, "write a percentage from 0% to 100%"))
    problems.extend(check_tiers(goal))
    period = module.header.period if module.header else None
    for deliverable in goal.deliverables:
        if period and deliverable.due and not period[0] <= deliverable.due <= period[1]:
            problems.append(Problem(
                "warning", f"`{deliverable.name}` is due {deliverable.due}, outside the contract "
                f"period {period[0]} .. {period[1]}", deliverable.span,
                "check the date; a due date usually lies within the period"))
    return iter(problems)


@attrs.define
class _Typer:
    """Gives expressions their types; records a problem for each mistake when asked to."""

    types: dict[str, Type]
    goal: s.Goal | None
    problems: list[Problem] | None
    # Declared names without a type (metrics in a cycle): already reported.
    untyped: frozenset[str] = frozenset()

    def _error(self, span: Span, message: str, hint: str | None = None) -> None:
        if self.problems is not None:
            self.problems.append(Problem("error", message, span, hint))

    def type_of(self, expr: s.Expr) -> Type | None:
        match expr:
            case s.Number(value=value):
                return T_INTEGER if value.denominator == 1 else T_NUMBER
            case s.Percent():
                return T_PERCENT
            case s.Money():
                return T_MONEY
            case s.Date():
                return T_DATE
            case s.Bool():
                return T_BOOL
            case s.Text():
                return T_TEXT
            case s.Name():
                return self._name(expr)
            case s.Unary(op="-", operand=operand):
                found = self.type_of(operand)
                if found is not None and not found.is_quantity:
                    self._error(expr.span, f"only a number, percent or money can be negated, not {_a(found)}")
                    return None
                return found
            case s.Unary(op="not", operand=operand):
                self._expect_bool(operand, "not")
                return T_BOOL
            case s.Binary(op="and" | "or" as op, left=left, right=right):
                self._expect_bool(left, op)
                self._expect_bool(right, op)
                return T_BOOL
            case s.Binary():
                return self._arithmetic(expr)
            case s.Compare():
                return self._compare(expr)
            case s.Call():
                return self._call(expr)
        raise AssertionError(f"unknown expression node {expr!r}")

    def _name(self, expr: s.Name) -> Type | None:
        if expr.name == DELIVERABLES:
            if self.goal is None:
                self._error(expr.span, "`deliverables` means a goal's deliverables; a metric has none",
                            "use it inside a goal's score")
                return None
            if not self.goal.deliverables:
                self._error(expr.span, f"goal {self.goal.id} has no deliverables",
                            'declare them in the goal: `deliverable NAME "title"`')
                return None
            return list_of(T_BOOL)
        if expr.name == "?":  # a shorthand tier with no subject; already reported
            return None
        found = self.types.get(expr.name)
        if found is None and expr.name not in self.untyped:
            known = list(self.types) + ([DELIVERABLES] if self.goal else [])
            self._error(expr.span, f"unknown name `{expr.name}`",
                        did_you_mean(expr.name, known) or "declare it with `fact` or `metric`")
        return found

    def _expect_bool(self, expr: s.Expr, op: str) -> None:
        found = self.type_of(expr)
        if found is not None and found != T_BOOL:
            self._error(expr.span, f"`{op}` needs true or false, not {_a(found)}",
                        "compare the value first, e.g. `nps >= 60`")

    def _arithmetic(self, expr: s.Binary) -> Type | None:
        left, right = self.type_of(expr.left), self.type_of(expr.right)
        if left is None or right is None:
            return None
        if not (left.is_quantity and right.is_quantity):
            bad = left if not left.is_quantity else right
            self._error(expr.span, f"`{expr.op}` works on numbers, percents and money, not {_a(bad)}")
            return None
        kinds = (left.kind, right.kind)
        result: str | None
        if expr.op in "+-":
            result = left.kind if left.kind == right.kind else None
        elif expr.op == "*":
            if NUMBER in kinds:
                result = right.kind if left.kind == NUMBER else left.kind
            elif kinds in ((PERCENT, PERCENT),):
                result = PERCENT
            elif set(kinds) == {PERCENT, MONEY}:
                result = MONEY
            else:
                result = None
        else:  # "/"
            if right.kind == NUMBER:
                result = left.kind
            elif left.kind == right.kind:
                result = NUMBER
            else:
                result = None
        if result is None:
            hint = None
            if PERCENT in kinds:
                hint = "a percent is a share (70% is 0.7); multiply or divide by a plain number instead"
            self._error(expr.span, f"`{expr.op}` cannot combine {_a(left)} and {_a(right)}", hint)
            return None
        integer = left.integer and right.integer and expr.op in "+-*"
        return Type(result, integer=integer)

    def _compare(self, expr: s.Compare) -> Type:
        left, right = self.type_of(expr.left), self.type_of(expr.right)
        if left is None or right is None:
            return T_BOOL
        if expr.op in ("=", "!="):
            if left.kind != right.kind:
                self._mismatch(expr, left, right)
        elif left.kind != right.kind or left.kind not in _ORDERED:
            if left.kind in _ORDERED and right.kind in _ORDERED:
                self._mismatch(expr, left, right)
            else:
                bad = left if left.kind not in _ORDERED else right
                self._error(expr.span, f"`{expr.op}` orders numbers, percents, money and dates, "
                            f"not {_a(bad)}", "use `=` or `!=` to test a value")
        return T_BOOL

    def _mismatch(self, expr: s.Compare, left: Type, right: Type) -> None:
        hint = _unit_hint(left.kind) or None
        for percent_side, number_side in ((left, expr.right), (right, expr.left)):
            other = right if percent_side is left else left
            if percent_side.kind == PERCENT and other.kind == NUMBER:
                hint = "compare a percent with a percent, and a number with a number"
                if isinstance(number_side, s.Number):
                    hint = f"write the threshold as a percentage: {_as_percent(number_side.value)}"
        self._error(expr.span, f"cannot compare {_a(left)} with {_a(right)}", hint)

    def _call(self, expr: s.Call) -> Type | None:
        name, args = expr.function, expr.args
        if name not in FUNCTIONS:
            self._error(expr.span, f"unknown function `{name}`",
                        did_you_mean(name, FUNCTIONS) or f"the functions are: {', '.join(FUNCTIONS)}")
            for arg in args:
                self.type_of(arg)
            return None
        arg_types = [self.type_of(arg) for arg in args]
        if any(t is None for t in arg_types):
            return _RESULT_IF_UNKNOWN.get(name)
        known: list[Type] = [t for t in arg_types if t is not None]
        if name in ("all", "any", "count"):
            if len(known) == 1 and known[0].kind == LIST and known[0].element == T_BOOL:
                return T_INTEGER if name == "count" else T_BOOL
            if known and all(t == T_BOOL for t in known):
                return T_INTEGER if name == "count" else T_BOOL
            self._error(expr.span, f"`{name}` takes a list of true/false values, or several of them",
                        f"e.g. `{name}(deliverables)` or `{name}(a, b)`")
            return _RESULT_IF_UNKNOWN[name]
        if name == "abs":
            if len(known) != 1 or not known[0].is_quantity:
                self._error(expr.span, "`abs` takes one number, percent or amount of money")
                return None
            return known[0]
        if name == "round":
            if not 1 <= len(known) <= 2 or not known[0].is_quantity:
                self._error(expr.span, "`round` takes a value and, optionally, a number of decimals",
                            "e.g. `round(nps)` or `round(nps, 1)`")
                return None
            if len(args) == 2:
                digits = args[1]
                if not (isinstance(digits, s.Number) and digits.value.denominator == 1
                        and 0 <= digits.value <= 20):
                    self._error(digits.span, "the number of decimals must be a whole number from 0 to 20")
            return Type(known[0].kind)
        # min, max
        if len(known) < 2:
            self._error(expr.span, f"`{name}` takes two or more values", f"e.g. `{name}(a, b)`")
            return None
        if len({t.kind for t in known}) != 1 or known[0].kind not in _ORDERED:
            self._error(expr.span, f"`{name}` needs values of one kind (numbers, percents, money "
                        "or dates)", "convert the values to one kind first")
            return None
        return Type(known[0].kind, integer=all(t.integer for t in known))


def _as_percent(number: Fraction) -> str:
    """70 -> '70%', and 0.7 -> '70%': what the writer most likely meant."""
    share = number if abs(number) <= 1 else number / 100
    return format_value(share, T_PERCENT)


def _a(type_: Type) -> str:
    """A type as a phrase with its article: 'a percent', 'an amount of money'."""
    return {
        NUMBER: "a number", PERCENT: "a percent", MONEY: "an amount of money",
        BOOL: "a true/false value", DATE: "a date", "text": "a text", LIST: "a list",
    }.get(type_.kind, f"a {type_}")


_RESULT_IF_UNKNOWN = {"all": T_BOOL, "any": T_BOOL, "count": T_INTEGER}


def expr_names(expr: s.Expr) -> Iterator[str]:
    """Every name an expression mentions."""
    return _names(expr)


def period_of(module: s.Module) -> tuple[dt.date, dt.date] | None:
    return module.header.period if module.header else None
