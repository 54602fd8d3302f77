"""(contract, facts) -> results, recording as data the evidence that explains them.

Each goal is judged on its own: a goal whose facts are missing or invalid,
or whose arithmetic fails (a division by zero), is *not evaluable* and says
why, and the other goals are evaluated as usual. Evaluation makes no text:
every step holds values, operators and expressions (evidence.py), and words
are made by `wording` when someone asks for them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from fractions import Fraction

import attrs

from . import syntax as s
from .analysis import Analysis
from .check import needs_with
from .compile import NOT_CONSTANT, Bound, Compiler, constant
from .evidence import (
    Check, Comparison, Counts, Failure, Junction, Membership, Negation, NotEvaluable,
    RequirementCheck, Seen, Step, TierTried, Truth,
)
from .facts import Supplied
from .functions import Counted, Tally
from .results import GoalResult
from .runtime import COMPARE, Failed, fail
from .values import LIST, T_PERCENT, TABLE, Type, Value

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
        self.plans = _plans_for(analysis, self.compiler)
        # Metrics are computed at most once per evaluation, failures included.
        self._metrics: dict[str, Value | Failed] = {}
        # The counts behind results over lists (nps, share, all), by expression.
        self.counts: dict[int, Counts] = {}
        self._inputs: dict[tuple[str, int], tuple[Seen, ...]] = {}
        # Subjects already seen in this evaluation: a chain of tiers reads its subject once.
        self._seen: dict[int, Seen] = {}

    # ---- goals ----

    def goal(self, goal: s.Goal) -> GoalResult:
        plan = self.plans.goal(goal)
        supplied = self.supplied
        needs = plan.needs if not supplied.given_metrics else \
            needs_with(self.analysis, goal, supplied.given_metrics)
        if not needs.issubset(supplied.values):
            missing = tuple(sorted(n for n in needs if n not in supplied.values
                                   and n not in supplied.invalid))
            invalid = tuple(supplied.invalid[n] for n in sorted(needs) if n in supplied.invalid)
            return self._result(goal, None, (), NotEvaluable(missing=missing, invalid=invalid))
        deliveries = supplied.deliverables
        steps: list[Step] = [deliveries[d.name] for d in goal.deliverables if d.name in needs]
        try:
            for check_of, requirement in plan.requirements:
                checked = RequirementCheck(check_of(self), requirement.reason)
                steps.append(checked)
                if not checked.holds:
                    return self._result(goal, None, tuple(steps), NotEvaluable(requirement=checked))
            fulfilment = self._score(plan, goal, steps)
        except Failed as failed:
            return self._result(goal, None, tuple(steps), NotEvaluable(failure=failed.failure))
        return self._result(goal, fulfilment, tuple(steps), None)

    @staticmethod
    def _result(goal: s.Goal, fulfilment: Fraction | None, steps: tuple[Step, ...],
                blocked: NotEvaluable | None) -> GoalResult:
        return GoalResult(goal.id, goal.title, fulfilment, goal.group, goal.weight, steps, blocked,
                          goal.text)

    def _score(self, plan: GoalPlan, goal: s.Goal, steps: list[Step]) -> Fraction:
        for tier in plan.tiers:
            check = None if tier.check is None else tier.check(self)
            if check is None or check.holds:
                fulfilment = tier.fulfilment if tier.fulfilment is not None else \
                    self._fulfilment(tier.tier, goal)
                steps.append(TierTried(tier.index, check, fulfilment, span=tier.tier.span))
                return fulfilment
            steps.append(TierTried(tier.index, check, None, span=tier.tier.span))
        return _NONE_MET

    def _fulfilment(self, tier: s.Tier, goal: s.Goal) -> Fraction:
        value = self.value(tier.fulfilment, goal)
        written = _percent(value)
        if written is None:
            raise fail("not-a-percent", tier.fulfilment)
        if not 0 <= written <= 1:
            raise fail("fulfilment-range", tier.fulfilment,
                       fulfilment=Seen(tier.fulfilment, written, T_PERCENT))
        return written

    # ---- evidence ----

    def remembered(self, slot: int, seen_of: SeenOf) -> Seen:
        """A subject seen once in this evaluation, however many tiers ask for it."""
        found = self._seen.get(slot)
        if found is None:
            found = self._seen[slot] = seen_of(self)
        return found

    def metric_seen(self, expr: s.Name, name: str, value: Value, type_: Type | None, depth: int,
                    counted: int | None, chain: tuple[str, ...]) -> Seen:
        """A metric as seen: its value, what it was computed from, and the counts behind it.

        A metric given a value (a what-if) was not computed, so it has neither.
        """
        given = self.supplied.given_metrics
        if given and name in given:
            return Seen(expr, value, type_)
        inputs = self._metric_inputs(name, depth) if depth < INPUT_DEPTH else ()
        if given and not given.isdisjoint(chain):
            return Seen(expr, value, type_, inputs, self._counts(expr))
        return Seen(expr, value, type_, inputs, None if counted is None else self.counts.get(counted))

    def _metric_inputs(self, name: str, depth: int) -> tuple[Seen, ...]:
        """The facts and metrics a metric's expression reads, each as seen (lists left out)."""
        key = (name, depth)
        found = self._inputs.get(key)
        if found is None:
            found = self._inputs[key] = tuple([seen_of(self) for seen_of in self.plans.inputs_of(name, depth)])
        return found

    def _counts(self, subject: s.Expr) -> Counts | None:
        """The counts behind a value computed from a list, through metrics that are not given."""
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

    def tally(self, name: str, values: tuple[Value, ...]) -> Tally:
        """The answers of a list fact, counted once and kept with the facts for every evaluation."""
        found = self.supplied.tallies.get(name)
        if found is None:
            found = self.supplied.tallies[name] = Counter(values)
        return found

    def lookup(self, name: str, expr: s.Name) -> Value:
        """A fact's, deliverable's or metric's value in this evaluation."""
        try:
            return self.supplied.values[name]
        except KeyError:  # a metric: computed on first use
            pass
        cached = self._metrics.get(name)
        if cached is None:
            if name not in self.analysis.metrics:  # goals check their needs first; a bug guard
                raise fail("no-value", expr, name=name)
            self._compute_metric(name)
            cached = self._metrics[name]
        if isinstance(cached, Failed):
            raise cached
        return cached

    def _compute_metric(self, name: str) -> None:
        """Compute a metric after the metrics it uses, without recursing through the chain."""
        pending = [name]
        metrics = self.analysis.metrics
        while pending:
            current = pending[-1]
            if current in self._metrics:
                pending.pop()
                continue
            waiting = [node.name for node in self.compiler.names_read(current)
                       if node.name in metrics and node.name not in self._metrics]
            if waiting:
                pending.extend(waiting)
                continue
            pending.pop()
            try:
                self._metrics[current] = self.value(metrics[current].expr, None)
            except Failed as failed:
                # Said of the metric where it happened, however many metrics lead to it.
                cause = failed.failure
                self._metrics[current] = failed if cause.metric is not None else Failed(
                    Failure(cause.code, cause.expr, cause.params, current))


# ---- plans: what evidence each condition records, worked out once per contract ----------

SeenOf = Callable[[Evaluator], Seen]
CheckOf = Callable[[Evaluator], Check]

_NONE_MET = Fraction(0)


@attrs.frozen
class TierPlan:
    index: int
    tier: s.Tier
    check: CheckOf | None
    fulfilment: Fraction | None  # a fulfilment written as a percent, checked once


@attrs.frozen
class GoalPlan:
    needs: frozenset[str]
    requirements: tuple[tuple[CheckOf, s.Requirement], ...]
    tiers: tuple[TierPlan, ...]


class Plans:
    """For each goal, closures that evaluate its conditions and record their evidence.

    Which values a check records, their types, and where the counts behind a
    metric come from depend on the contract alone, so they are settled here
    once; an evaluation then only computes values and fills in the records.
    """

    def __init__(self, analysis: Analysis, compiler: Compiler):
        self.analysis = analysis
        self.compiler = compiler
        self._goals: dict[str, GoalPlan] = {}
        self._checks: dict[tuple[int, str | None], CheckOf] = {}
        self._seers: dict[tuple[int, str | None, int], SeenOf] = {}
        self._inputs: dict[tuple[str, int], tuple[SeenOf, ...]] = {}
        self._kept: list[s.Name] = []

    def goal(self, goal: s.Goal) -> GoalPlan:
        plan = self._goals.get(goal.id)
        if plan is None:
            plan = self._goals[goal.id] = GoalPlan(
                needs_with(self.analysis, goal, frozenset()),
                tuple((self.check_of(r.condition, goal), r) for r in goal.requirements),
                tuple(TierPlan(index, tier, None if tier.condition is None else
                               self.check_of(tier.condition, goal), _written(tier))
                      for index, tier in enumerate(goal.tiers)))
        return plan

    def inputs_of(self, metric: str, depth: int) -> tuple[SeenOf, ...]:
        """How to see the facts and metrics `metric` reads, but not the lists it goes through:
        their values are in the counts, or too long to show."""
        key = (metric, depth)
        found = self._inputs.get(key)
        if found is None:
            found = self._inputs[key] = self._seers_of_names(self.compiler.names_read(metric), depth + 1)
        return found

    def _inputs_read(self, expr: s.Expr, depth: int) -> tuple[SeenOf, ...]:
        """How to see the facts and metrics an expression reads, lists left out (as `inputs_of`)."""
        if depth >= INPUT_DEPTH:
            return ()
        known = self.analysis.facts.keys() | self.analysis.metrics.keys()
        nodes = [s.Name(name, span=expr.span) for name in dict.fromkeys(s.names_in(expr)) if name in known]
        self._kept.extend(nodes)  # plans are keyed by the nodes' identity: keep them alive
        return self._seers_of_names(nodes, depth + 1)

    def _seers_of_names(self, names: Sequence[s.Name], depth: int) -> tuple[SeenOf, ...]:
        """How to see each name at `depth`, lists and tables left out."""
        return tuple(self.seen_of(node, None, depth) for node in names
                     if (found_type := self.compiler.type_of(node, None)) is None
                     or found_type.kind not in (LIST, TABLE))

    def check_of(self, expr: s.Expr, goal: s.Goal) -> CheckOf:
        key = (id(expr), goal.id)
        found = self._checks.get(key)
        if found is None:
            found = self._checks[key] = self._check(expr, goal)
        return found

    def _check(self, expr: s.Expr, goal: s.Goal) -> CheckOf:
        match expr:
            case s.Binary(op="and" | "or" as op):
                parts = tuple(self.check_of(operand, goal) for operand in _operands(expr, op))
                deciding = op == "or"  # the outcome that stops the evaluation of the rest

                def junction(ev: Evaluator) -> Check:
                    done: list[Check] = []
                    for part in parts:
                        checked = part(ev)
                        done.append(checked)
                        if checked.holds == deciding:
                            break  # this operand decides, as it does when evaluated
                    return Junction(op, tuple(done), done[-1].holds)
                return junction
            case s.Unary(op="not", operand=operand):
                inner = self.check_of(operand, goal)

                def negation(ev: Evaluator) -> Check:
                    part = inner(ev)
                    return Negation(part, not part.holds)
                return negation
            case s.Compare(op=op, left=left, right=right):
                first, second = self.seen_of(left, goal), self.seen_of(right, goal)
                test = COMPARE[op]

                def comparison(ev: Evaluator) -> Check:
                    a, b = first(ev), second(ev)
                    return Comparison(a, op, b, test(a.value, b.value))
                return comparison
            case s.Member(item=item, collection=collection, negated=negated):
                whole = self.compiler.get(expr, goal)
                element, members = self.seen_of(item, goal), self.seen_of(collection, goal)

                def membership(ev: Evaluator) -> Check:
                    holds = whole(ev, None)
                    assert isinstance(holds, bool)
                    return Membership(element(ev), members(ev), negated, holds)
                return membership
        truth_of = self.seen_of(expr, goal)

        def truth(ev: Evaluator) -> Check:
            seen = truth_of(ev)
            assert isinstance(seen.value, bool)
            return Truth(seen, seen.value)
        return truth

    def seen_of(self, expr: s.Expr, goal: s.Goal | None, depth: int = 0) -> SeenOf:
        key = (id(expr), goal.id if goal is not None else None, depth)
        found = self._seers.get(key)
        if found is None:
            found = self._seers[key] = self._seer(expr, goal, depth)
        return found

    def _seer(self, expr: s.Expr, goal: s.Goal | None, depth: int) -> SeenOf:
        type_ = self.compiler.type_of(expr, goal)
        fixed = constant(expr)
        if fixed is not NOT_CONSTANT:
            written = Seen(expr, fixed, type_)
            return lambda ev: written
        closure = self.compiler.get(expr, goal)
        metrics = self.analysis.metrics
        if isinstance(expr, s.Name) and expr.name in metrics:
            name = expr.name
            chain, target = self._chain(expr)
            counted = id(target) if isinstance(target, s.Call | s.Aggregate) else None

            def metric(ev: Evaluator) -> Seen:
                return ev.metric_seen(expr, name, closure(ev, None), type_, depth, counted, chain)
            seen_of: SeenOf = metric
        elif isinstance(expr, s.Name):
            def plain(ev: Evaluator) -> Seen:
                return Seen(expr, closure(ev, None), type_)
            seen_of = plain
        else:
            # The contract's own arithmetic (`a + b`, `round(x, 1)`, a share over answers
            # above a threshold fact): its value, and the values it was worked out from.
            inputs = self._inputs_read(expr, depth)

            def computed(ev: Evaluator) -> Seen:
                value = closure(ev, None)  # first: computing it records its counts
                return Seen(expr, value, type_, tuple([seen_of(ev) for seen_of in inputs]),
                            ev.counts.get(id(expr)))
            seen_of = computed
        if depth:
            return seen_of
        slot = id(seen_of)
        return lambda ev: ev.remembered(slot, seen_of)

    def _chain(self, name: s.Name) -> tuple[tuple[str, ...], s.Expr]:
        """The metrics a metric is defined as, one in another, and the expression at the end."""
        chain: list[str] = []
        target: s.Expr = name
        metrics = self.analysis.metrics
        while isinstance(target, s.Name) and target.name in metrics and target.name not in chain:
            chain.append(target.name)
            target = metrics[target.name].expr
        return tuple(chain), target


def _plans_for(analysis: Analysis, compiler: Compiler) -> Plans:
    plans = analysis.cache.get("plans")
    if plans is None:
        plans = analysis.cache["plans"] = Plans(analysis, compiler)
    assert isinstance(plans, Plans)
    return plans


def _written(tier: s.Tier) -> Fraction | None:
    """A fulfilment written as a percent from 0% to 100%, as it always is; else None,
    and evaluation works it out (and says what is wrong with it) each time."""
    value = constant(tier.fulfilment)
    if isinstance(tier.fulfilment, s.Percent) and isinstance(value, Fraction) and 0 <= value <= 1:
        return value
    return None


def _percent(value: object) -> Fraction | None:
    """A fulfilment as a Fraction; None if it is not a percent (nor `sum` of no percents, 0)."""
    if isinstance(value, bool) or not isinstance(value, Fraction | int):
        return None
    return Fraction(value)


def _operands(expr: s.Expr, op: str) -> list[s.Expr]:
    """`a and b and c` as [a, b, c]: one junction, however the parser grouped it."""
    if isinstance(expr, s.Binary) and expr.op == op:
        return _operands(expr.left, op) + _operands(expr.right, op)
    return [expr]
