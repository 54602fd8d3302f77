"""(contract, facts) -> results, recording as data the evidence that explains them.

Each goal is judged on its own: a goal whose facts are missing or invalid,
or whose arithmetic fails (a division by zero), is *not evaluable* and says
why, and the other goals are evaluated as usual. Evaluation makes no text:
every step holds values, operators and expressions (evidence.py), and words
are made by `wording` when someone asks for them.
"""

from __future__ import annotations

from fractions import Fraction

from . import syntax as s
from .analysis import Analysis
from .check import needs_with
from .compile import Bound, Compiler
from .evidence import (
    Check, Comparison, Counts, Delivery, Failure, Junction, Membership, Negation, NotEvaluable,
    RequirementCheck, Seen, Step, TierTried, Truth,
)
from .facts import Supplied
from .functions import Counted
from .results import GoalResult
from .runtime import COMPARE, Failed, fail
from .values import T_PERCENT, Value

# How many levels down a metric's inputs are recorded: enough for any contract a
# person reads, and a bound for a chain of thousands of metrics.
INPUT_DEPTH = 8


def compiler_for(analysis: Analysis) -> Compiler:
    """The contract's compiled expressions, made on first use and kept with it."""
    compiler = analysis.cache.get("compiler")
    if compiler is None:
        compiler = analysis.cache["compiler"] = Compiler(analysis)
    assert isinstance(compiler, Compiler)
    return compiler


class Evaluator:
    """Evaluates the goals of one checked contract against one set of checked facts."""

    def __init__(self, analysis: Analysis, supplied: Supplied):
        self.analysis = analysis
        self.supplied = supplied
        self.compiler = compiler_for(analysis)
        # Metrics are computed at most once per evaluation, failures included.
        self._metrics: dict[str, Value | Failed] = {}
        # The counts behind results over lists (nps, share, all), by expression.
        self.counts: dict[int, Counts] = {}
        self._inputs: dict[tuple[str, int], tuple[Seen, ...]] = {}

    # ---- goals ----

    def goal(self, goal: s.Goal) -> GoalResult:
        result = GoalResult(goal.id, goal.title, None, goal.group, goal.weight, text=goal.text)
        needs = needs_with(self.analysis, goal, self.supplied.given_metrics)
        missing = tuple(sorted(n for n in needs if n not in self.supplied.values
                               and n not in self.supplied.invalid))
        invalid = tuple(self.supplied.invalid[n] for n in sorted(needs) if n in self.supplied.invalid)
        if missing or invalid:
            return result.judged(blocked=NotEvaluable(missing=missing, invalid=invalid))
        steps: list[Step] = [self._delivery(d) for d in goal.deliverables if d.name in needs]
        try:
            for requirement in goal.requirements:
                checked = RequirementCheck(self.check(requirement.condition, goal), requirement.reason)
                steps.append(checked)
                if not checked.holds:
                    return result.judged(steps=tuple(steps), blocked=NotEvaluable(requirement=checked))
            fulfilment = self._score(goal, steps)
        except Failed as failed:
            return result.judged(steps=tuple(steps), blocked=NotEvaluable(failure=failed.failure))
        return result.judged(fulfilment=fulfilment, steps=tuple(steps))

    def _delivery(self, deliverable: s.Deliverable) -> Delivery:
        state = self.supplied.deliverables[deliverable.name]
        return Delivery(deliverable.name, deliverable.title, state.done, state.delivered,
                        deliverable.due, state.late)

    def _score(self, goal: s.Goal, steps: list[Step]) -> Fraction:
        for index, tier in enumerate(goal.tiers):
            check = None if tier.condition is None else self.check(tier.condition, goal)
            if check is None or check.holds:
                fulfilment = self._fulfilment(tier, goal)
                steps.append(TierTried(index, check, fulfilment, span=tier.span))
                return fulfilment
            steps.append(TierTried(index, check, None, span=tier.span))
        return Fraction(0)

    def _fulfilment(self, tier: s.Tier, goal: s.Goal) -> Fraction:
        value = self.value(tier.fulfilment, goal)
        if not isinstance(value, Fraction | int) or isinstance(value, bool):
            raise fail("not-a-percent", tier.fulfilment)
        value = Fraction(value)  # `sum` of no percents is the int 0
        if not 0 <= value <= 1:
            raise fail("fulfilment-range", tier.fulfilment,
                       fulfilment=Seen(tier.fulfilment, value, T_PERCENT))
        return value

    # ---- evidence ----

    def check(self, expr: s.Expr, goal: s.Goal) -> Check:
        """The condition `expr`, evaluated, with every value that decided it."""
        match expr:
            case s.Binary(op="and" | "or" as op):
                parts: list[Check] = []
                for operand in _operands(expr, op):
                    part = self.check(operand, goal)
                    parts.append(part)
                    if part.holds != (op == "and"):
                        break  # this operand decides, as it does when evaluated
                return Junction(op, tuple(parts), parts[-1].holds)
            case s.Unary(op="not", operand=operand):
                part = self.check(operand, goal)
                return Negation(part, not part.holds)
            case s.Compare(op=op, left=left, right=right):
                first, second = self.seen(left, goal), self.seen(right, goal)
                return Comparison(first, op, second, COMPARE[op](first.value, second.value))
            case s.Member(item=item, collection=collection, negated=negated):
                holds = self.value(expr, goal)
                assert isinstance(holds, bool)
                return Membership(self.seen(item, goal), self.seen(collection, goal), negated, holds)
        seen = self.seen(expr, goal)
        assert isinstance(seen.value, bool)
        return Truth(seen, seen.value)

    def seen(self, expr: s.Expr, goal: s.Goal | None, depth: int = 0) -> Seen:
        """`expr`'s value, its type, and the counts and inputs behind it."""
        value = self.value(expr, goal)
        type_ = self.compiler.type_of(expr, goal)
        inputs: tuple[Seen, ...] = ()
        if isinstance(expr, s.Name) and expr.name in self.analysis.metrics \
                and expr.name not in self.supplied.values and depth < INPUT_DEPTH:
            inputs = self._metric_inputs(expr.name, depth)
        return Seen(expr, value, type_, inputs, self._counts(expr, goal))

    def _metric_inputs(self, name: str, depth: int) -> tuple[Seen, ...]:
        """The facts and metrics a metric's expression reads, each as seen (lists left out)."""
        key = (name, depth)
        if key not in self._inputs:
            inputs = []
            for node in self.compiler.names_read(name):
                seen = self.seen(node, None, depth + 1)
                if not isinstance(seen.value, tuple):
                    inputs.append(seen)
            self._inputs[key] = tuple(inputs)
        return self._inputs[key]

    def _counts(self, subject: s.Expr, goal: s.Goal | None) -> Counts | None:
        """The counts behind a value computed from a list: what a reader asks next.

        For nps: promoters, passives, detractors; for a share, a count or
        `all`: how many of how many. Followed through metrics defined as one.
        """
        target = subject
        seen: set[str] = set()
        while (isinstance(target, s.Name) and target.name in self.analysis.metrics
               and target.name not in seen and target.name not in self.supplied.values):
            seen.add(target.name)
            target = self.analysis.metrics[target.name].expr
        return self.counts.get(id(target))

    # ---- values ----

    def value(self, expr: s.Expr, goal: s.Goal | None, bound: Bound = None) -> Value:
        """The value of `expr`, by its compiled closure; `bound` holds names bound around it."""
        return self.compiler.get(expr, goal)(self, bound)

    def counted(self, expr: s.Expr, result: Value | Counted) -> Value:
        """A function's result; counts that came with it are kept to explain it."""
        if isinstance(result, Counted):
            self.counts[id(expr)] = result.counts
            return result.value
        return result

    def lookup(self, name: str, expr: s.Name) -> Value:
        """A fact's, deliverable's or metric's value in this evaluation."""
        try:
            return self.supplied.values[name]
        except KeyError:  # a metric: computed on first use
            pass
        if name not in self.analysis.metrics:  # goals check their needs first; a bug guard
            raise fail("no-value", expr, name=name)
        if name not in self._metrics:
            self._compute_metric(name)
        cached = self._metrics[name]
        if isinstance(cached, Failed):
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
            waiting = [n for n in s.names_in(expr) if n in self.analysis.metrics
                       and n not in self._metrics]
            if waiting:
                pending.extend(waiting)
                continue
            pending.pop()
            try:
                self._metrics[current] = self.value(expr, None)
            except Failed as failed:
                # Said of the metric where it happened, however many metrics lead to it.
                cause = failed.failure
                self._metrics[current] = failed if cause.metric is not None else Failed(
                    Failure(cause.code, cause.expr, cause.params, current))


def _operands(expr: s.Expr, op: str) -> list[s.Expr]:
    """`a and b and c` as [a, b, c]: one junction, however the parser grouped it."""
    if isinstance(expr, s.Binary) and expr.op == op:
        return _operands(expr.left, op) + _operands(expr.right, op)
    return [expr]
