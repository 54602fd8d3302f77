"""(contract, facts) -> results, recording the steps that explain them.

Each goal is judged on its own: a goal whose facts are missing or invalid,
or whose arithmetic fails (a division by zero), is *not evaluable* and says
why, and the other goals are evaluated as usual.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Callable
from fractions import Fraction

import attrs

from . import syntax as s
from .check import DELIVERABLES, Analysis, expr_names, needs_with
from .errors import Problem
from .facts import Supplied
from .printer import expr_text
from .results import DeliverableStep, GoalResult, RequirementStep, Shown, Step, TierStep, _detail
from .wording import ENGLISH
from .values import (
    PERCENT, T_NUMBER, Type, Value, format_percent, format_value, round_half_away,
)


class _Failure(Exception):
    """Evaluation of one expression failed; the goal using it is not evaluable."""

    def __init__(self, message: str, span: s.Span | None = None):
        super().__init__(message)
        self.message = message
        self.span = span


_COMPARE: dict[str, Callable[[object, object], bool]] = {
    ">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt,
    "=": operator.eq, "!=": operator.ne,
}


class Evaluator:
    """Evaluates the goals of one checked contract against one set of checked facts."""

    def __init__(self, analysis: Analysis, supplied: Supplied):
        self.analysis = analysis
        self.supplied = supplied
        # Metrics are computed at most once per evaluation, failures included.
        self._metrics: dict[str, Value | _Failure] = {}
        # The types of the names quantifiers bind, while they are bound.
        self._bound_types: dict[str, Type] = {}

    def goal(self, goal: s.Goal) -> GoalResult:
        result = GoalResult(goal.id, goal.title, None, goal.group, goal.weight, text=goal.text)
        needs = needs_with(self.analysis, goal, self.supplied.given_metrics)
        missing = tuple(sorted(n for n in needs if n not in self.supplied.values
                               and n not in self.supplied.invalid))
        invalid = tuple(self.supplied.invalid[n] for n in sorted(needs) if n in self.supplied.invalid)
        if missing or invalid:
            return _evolve(result, missing=missing, invalid=invalid,
                           reason=_missing_reason(missing, invalid))
        steps: list[Step] = [self._deliverable_step(d) for d in goal.deliverables if d.name in needs]
        try:
            for requirement in goal.requirements:
                step = self._requirement(requirement, goal)
                steps.append(step)
                if not step.holds:
                    reason = f"{requirement.reason.rstrip('.')}: {step.describe()}"
                    return _evolve(result, steps=tuple(steps), reason=reason)
            fulfilment = self._score(goal, steps)
        except _Failure as failure:
            where = f" (line {failure.span.line})" if failure.span else ""
            return _evolve(result, steps=tuple(steps), reason=f"{failure.message}{where}")
        return _evolve(result, fulfilment=fulfilment, steps=tuple(steps))

    def _requirement(self, requirement: s.Requirement, goal: s.Goal) -> RequirementStep:
        condition = requirement.condition
        holds = self._bool(condition, goal)
        step = RequirementStep(expr_text(condition), holds, requirement.reason)
        if isinstance(condition, s.Compare) and not _is_literal(condition.left):
            raw = self.value(condition.left, goal)
            step = attrs.evolve(step, subject=expr_text(condition.left),
                                value=self._show(raw, condition.left, goal),
                                test=f"{condition.op} {expr_text(condition.right)}",
                                shown=self._shown(raw, condition.left, goal),
                                threshold=self._shown(self.value(condition.right, goal),
                                                      condition.right, goal))
        return step

    def _deliverable_step(self, deliverable: s.Deliverable) -> DeliverableStep:
        state = self.supplied.deliverables[deliverable.name]
        return DeliverableStep(deliverable.name, deliverable.title, state.done, state.delivered,
                               deliverable.due, state.late)

    def _score(self, goal: s.Goal, steps: list[Step]) -> Fraction:
        for index, tier in enumerate(goal.tiers):
            if tier.condition is None:
                fulfilment = self._fulfilment(tier, goal)
                steps.append(TierStep(index, "else", None, fulfilment, span=tier.span))
                return fulfilment
            step = self._tier_step(index, tier, goal)
            if step.holds:
                step = _evolve_step(step, self._fulfilment(tier, goal))
            steps.append(step)
            if step.holds:
                assert step.fulfilment is not None
                return step.fulfilment
        return Fraction(0)

    def _tier_step(self, index: int, tier: s.Tier, goal: s.Goal) -> TierStep:
        condition = tier.condition
        assert condition is not None
        if isinstance(condition, s.Compare):
            left = self.value(condition.left, goal)
            right = self.value(condition.right, goal)
            holds = _compare(condition, left, right)
            test = f"{condition.op} {expr_text(condition.right)}"
            if not _is_literal(condition.right):
                test += f" (= {self._show(right, condition.right, goal)})"
            counts = self._counts(condition.left, goal)
            return TierStep(index, test, holds, None, expr_text(condition.left),
                            self._show(left, condition.left, goal), _detail(counts, ENGLISH),
                            span=tier.span, shown=self._shown(left, condition.left, goal),
                            threshold=self._shown(right, condition.right, goal), op=condition.op,
                            counts=counts)
        holds = self._bool(condition, goal)
        return TierStep(index, expr_text(condition), holds, None, span=tier.span)

    def _shown(self, value: Value, expr: s.Expr, goal: s.Goal) -> Shown:
        return Shown(value, self.analysis.type_of(expr, goal), _is_literal(expr))

    def _counts(self, subject: s.Expr, goal: s.Goal) -> tuple[int, ...] | None:
        """The counts behind a subject computed from answers: what a reader asks next.

        For nps: promoters, passives, detractors; for a share: counted, of all.
        """
        target = subject
        seen: set[str] = set()
        while (isinstance(target, s.Name) and target.name in self.analysis.metrics
               and target.name not in seen and target.name not in self.supplied.values):
            seen.add(target.name)
            target = self.analysis.metrics[target.name].expr
        if isinstance(target, s.Call) and target.function == "nps" and len(target.args) == 1:
            counts = nps_counts(_items(self.value(target.args[0], goal)))
            return (counts.promoters, counts.passives, counts.detractors)
        if isinstance(target, s.Aggregate) and target.function in ("share", "count"):
            source = _items(self.value(target.source, goal))
            bound: dict[str, Value] = {}
            counted = 0
            for item in source:
                bound[target.var] = item
                counted += bool(self.value(target.where, goal, bound))
            return (counted, len(source))
        return None

    def _fulfilment(self, tier: s.Tier, goal: s.Goal) -> Fraction:
        value = self.value(tier.fulfilment, goal)
        assert isinstance(value, Fraction)
        if not 0 <= value <= 1:
            raise _Failure(f"the fulfilment {format_percent(value)} lies outside 0% .. 100%",
                           tier.fulfilment.span)
        return value

    def _show(self, value: Value, expr: s.Expr, goal: s.Goal) -> str:
        return format_value(value, self.analysis.type_of(expr, goal))

    def _bool(self, expr: s.Expr, goal: s.Goal) -> bool:
        value = self.value(expr, goal)
        assert isinstance(value, bool)
        return value

    # ---- expressions ----

    def value(self, expr: s.Expr, goal: s.Goal | None, bound: dict[str, Value] | None = None) -> Value:
        """The value of `expr`; `bound` holds the names quantifiers bind around it."""
        match expr:
            case s.Number(value=value) | s.Percent(value=value):
                return value
            case s.Money():
                return expr.value
            case s.Date(value=date):
                return date
            case s.Bool(value=flag):
                return flag
            case s.Text(value=text):
                return text
            case s.Name(name=name):
                if bound and name in bound:
                    return bound[name]
                return self._name(name, goal, expr)
            case s.Unary(op="not", operand=operand):
                return not self.value(operand, goal, bound)
            case s.Unary(op="-", operand=operand):
                return -_quantity(self.value(operand, goal, bound))
            case s.Binary(op="and", left=left, right=right):
                return bool(self.value(left, goal, bound)) and bool(self.value(right, goal, bound))
            case s.Binary(op="or", left=left, right=right):
                return bool(self.value(left, goal, bound)) or bool(self.value(right, goal, bound))
            case s.Binary(op=op, left=left, right=right):
                left_value, right_value = self.value(left, goal, bound), self.value(right, goal, bound)
                if isinstance(left_value, tuple):
                    return _join(op, left_value, right_value, expr)
                return _arithmetic(op, _quantity(left_value), _quantity(right_value), expr)
            case s.Compare(left=left, right=right):
                return _compare(expr, self.value(left, goal, bound), self.value(right, goal, bound))
            case s.Member(item=item, collection=collection, negated=negated):
                found = self.value(item, goal, bound) in _items(self.value(collection, goal, bound))
                return found != negated
            case s.SetLiteral(items=items) | s.ListLiteral(items=items):
                return tuple(self.value(item, goal, bound) for item in items)
            case s.Aggregate():
                return self._aggregate(expr, goal, bound)
            case s.Call(function="round", args=args):
                return self._round(args, goal, bound)
            case s.Call(function=function, args=args):
                return _call(function, [self.value(a, goal, bound) for a in args], expr)
        raise AssertionError(f"unknown expression node {expr!r}")

    def _aggregate(self, expr: s.Aggregate, goal: s.Goal | None,
                   bound: dict[str, Value] | None) -> Value:
        source = _items(self.value(expr.source, goal, bound))
        source_type = self.analysis.type_of(expr.source, goal, self._scope(expr.source, bound))
        self._bound_types[expr.var] = (source_type.element if source_type is not None
                                       and source_type.element is not None else T_NUMBER)
        inner = dict(bound or {})
        selected = []
        for item in source:
            inner[expr.var] = item
            if self.value(expr.where, goal, inner):
                selected.append(item)
        function = expr.function
        if function == "all":
            return len(selected) == len(source)
        if function == "any":
            return bool(selected)
        if function == "count":
            return len(selected)
        if function == "share":
            if not source:
                raise _Failure(f"no answers in `{expr_text(expr.source)}`", expr.span)
            return Fraction(len(selected), len(source))
        return _over_list(function, tuple(selected), expr)

    def _round(self, args: tuple[s.Expr, ...], goal: s.Goal | None,
               bound: dict[str, Value] | None) -> Fraction:
        value = _quantity(self.value(args[0], goal, bound))
        digits = int(_quantity(self.value(args[1], goal, bound))) if len(args) > 1 else 0
        type_ = self.analysis.type_of(args[0], goal, self._scope(args[0], bound))
        if type_ is not None and type_.kind == PERCENT:
            # A percent is rounded in percentage points: round(70.46%) is 70%.
            return round_half_away(value * 100, digits) / 100
        return round_half_away(value, digits)

    def _scope(self, expr: s.Expr, bound: dict[str, Value] | None) -> dict[str, Type]:
        """Types of the bound names an expression uses (for showing and rounding)."""
        if not bound:
            return {}
        return {name: self._bound_types.get(name, T_NUMBER) for name in bound}

    def _name(self, name: str, goal: s.Goal | None, expr: s.Name) -> Value:
        if name == DELIVERABLES and goal is not None:
            return tuple(self.supplied.values[d.name] for d in goal.deliverables)
        if name in self.supplied.values:
            return self.supplied.values[name]
        if name not in self.analysis.metrics:  # goals check their needs first; a bug guard
            raise _Failure(f"no value for `{name}`", expr.span)
        if name not in self._metrics:
            self._compute_metric(name)
        cached = self._metrics[name]
        if isinstance(cached, _Failure):
            raise cached
        return cached

    def _compute_metric(self, name: str) -> None:
        """Compute a metric after the metrics it uses, without recursing through the chain."""
        pending = [name]
        while pending:
            current = pending[-1]
            if current in self._metrics:
                pending.pop()
                continue
            expr = self.analysis.metrics[current].expr
            waiting = [n for n in expr_names(expr) if n in self.analysis.metrics
                       and n not in self._metrics]
            if waiting:
                pending.extend(waiting)
                continue
            pending.pop()
            try:
                self._metrics[current] = self.value(expr, None)
            except _Failure as failure:
                self._metrics[current] = _Failure(
                    f"metric `{current}` could not be computed: {failure.message}", failure.span)


def _evolve(result: GoalResult, **changes: object) -> GoalResult:
    return attrs.evolve(result, **changes)  # type: ignore[misc]


def _evolve_step(step: TierStep, fulfilment: Fraction) -> TierStep:
    return attrs.evolve(step, fulfilment=fulfilment)


def _missing_reason(missing: tuple[str, ...], invalid: tuple[Problem, ...]) -> str:
    parts = []
    if missing:
        parts.append(f"missing fact{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
    for problem in invalid:
        hint = f" ({problem.hint})" if problem.hint else ""
        parts.append(f"invalid fact {problem.message}{hint}")
    return "; ".join(parts)


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def _is_literal(expr: s.Expr) -> bool:
    if isinstance(expr, s.Unary) and expr.op == "-":
        return _is_literal(expr.operand)
    return isinstance(expr, s.LITERALS)


def _quantity(value: Value) -> Fraction | int:
    # Whole-number facts and answers are kept as int, the rest as Fraction.
    assert isinstance(value, Fraction | int) and not isinstance(value, bool), value
    return value


def _items(value: Value) -> tuple[Value, ...]:
    assert isinstance(value, tuple), value
    return value


MAX_LIST = 10_000_000  # a list written in a contract; more is a mistake, not survey data


def _join(op: str, left: tuple[Value, ...], right: Value, expr: s.Expr) -> tuple[Value, ...]:
    if op == "+":
        assert isinstance(right, tuple)
        joined = left + right
    else:
        count = _quantity(right)
        if count < 0 or len(left) * count > MAX_LIST:
            raise _Failure(f"`{expr_text(expr)}` would make a list of {len(left) * count} values; "
                           f"at most {MAX_LIST} are allowed", expr.span)
        joined = left * int(count)
    if len(joined) > MAX_LIST:
        raise _Failure(f"`{expr_text(expr)}` makes a list of more than {MAX_LIST} values", expr.span)
    return joined


def _arithmetic(op: str, left: Fraction | int, right: Fraction | int, expr: s.Expr) -> Fraction | int:
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    if right == 0:
        raise _Failure(f"division by zero in `{expr_text(expr)}`", expr.span)
    return Fraction(left) / right  # int / int would be a float


def _compare(expr: s.Compare, left: Value, right: Value) -> bool:
    return _COMPARE[expr.op](left, right)


def _call(function: str, args: list[Value], expr: s.Call) -> Value:
    one_list = len(args) == 1 and isinstance(args[0], tuple)
    if function == "nps":
        return nps(_items(args[0]), expr.args[0])
    if function in ("all", "any", "count", "share"):
        # One list (`all(deliverables)`) or several values (`all(a, b)`).
        values = list(args[0]) if one_list else args
        if function == "count" and one_list and not all(isinstance(v, bool) for v in values):
            return len(values)  # a list of answers: how many there are
        if function == "all":
            return all(values)
        if function == "any":
            return any(values)
        trues = sum(1 for value in values if value)
        if function == "count":
            return trues
        if not values:
            raise _Failure(f"no values in `{expr_text(expr.args[0])}`", expr.span)
        return Fraction(trues, len(values))
    if function == "abs":
        return abs(_quantity(args[0]))
    if one_list:
        return _over_list(function, _items(args[0]), expr)
    if function == "min":
        return min(args)  # type: ignore[type-var]
    if function == "max":
        return max(args)  # type: ignore[type-var]
    raise AssertionError(f"unknown function {function}")


def _over_list(function: str, values: tuple[Value, ...], expr: s.Expr) -> Value:
    """sum, mean, min or max of the values of a list (or those a `where` kept)."""
    if function == "sum":
        return sum((_quantity(v) for v in values), 0)
    if not values:
        raise _Failure(f"no values in `{expr_text(expr)}`", expr.span)
    if function == "mean":
        return Fraction(sum(_quantity(v) for v in values), len(values))
    if function == "min":
        return min(values)  # type: ignore[type-var]
    if function == "max":
        return max(values)  # type: ignore[type-var]
    raise AssertionError(f"unknown function {function}")


@attrs.frozen
class NpsCounts:
    """The answers behind a Net Promoter Score."""

    promoters: int
    passives: int
    detractors: int

    @property
    def answers(self) -> int:
        return self.promoters + self.passives + self.detractors

    @property
    def score(self) -> Fraction:
        return Fraction(100 * (self.promoters - self.detractors), self.answers)


def nps_counts(answers: tuple[Value, ...]) -> NpsCounts:
    """Promoters answer 9 or 10, detractors 0 to 6, passives 7 or 8; counted exactly."""
    tally = Counter(answers)
    promoters = tally[9] + tally[10]
    passives = tally[7] + tally[8]
    return NpsCounts(promoters, passives, len(answers) - promoters - passives)


def nps(answers: tuple[Value, ...], expr: s.Expr) -> Fraction:
    if not answers:
        raise _Failure(f"no answers in `{expr_text(expr)}`", expr.span)
    counts = nps_counts(answers)
    if counts.detractors and not all(a in _ZERO_TO_TEN for a in answers):
        # Anything else would silently count as a detractor.
        odd = next(a for a in answers if a not in _ZERO_TO_TEN)
        raise _Failure(f"NPS answers are whole numbers from 0 to 10, but `{expr_text(expr)}` holds "
                       f"{format_value(odd, None)}; declare it `list of integer in 0 .. 10`", expr.span)
    return counts.score


_ZERO_TO_TEN = frozenset(range(11))
