"""(contract, facts) -> results, recording the steps that explain them.

Each goal is judged on its own: a goal whose facts are missing or invalid,
or whose arithmetic fails (a division by zero), is *not evaluable* and says
why, and the other goals are evaluated as usual.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs

from . import syntax as s
from .check import Analysis, expr_names, needs_with
from .compile import Bound, Compiler
from .errors import Problem
from .facts import Supplied
from .results import DeliverableStep, GoalResult, RequirementStep, Shown, Step, TierStep, _detail
from .runtime import _COMPARE, _Failure, _is_literal
from .values import Value, format_percent, format_value
from .wording import ENGLISH


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
        self._metrics: dict[str, Value | _Failure] = {}
        # The counts behind nps() and share() results, by expression, for explanations.
        self.counts: dict[int, tuple[int, ...]] = {}

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
        text = self.compiler.text
        step = RequirementStep(text(condition), holds, requirement.reason)
        if isinstance(condition, s.Compare) and not _is_literal(condition.left):
            raw = self.value(condition.left, goal)
            step = attrs.evolve(step, subject=text(condition.left),
                                value=self._show(raw, condition.left, goal),
                                test=f"{condition.op} {text(condition.right)}",
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
        text = self.compiler.text
        if isinstance(condition, s.Compare):
            left = self.value(condition.left, goal)
            right = self.value(condition.right, goal)
            holds = _COMPARE[condition.op](left, right)
            test = f"{condition.op} {text(condition.right)}"
            if not _is_literal(condition.right):
                test += f" (= {self._show(right, condition.right, goal)})"
            counts = self._counts(condition.left)
            return TierStep(index, test, holds, None, text(condition.left),
                            self._show(left, condition.left, goal), _detail(counts, ENGLISH),
                            span=tier.span, shown=self._shown(left, condition.left, goal),
                            threshold=self._shown(right, condition.right, goal), op=condition.op,
                            counts=counts)
        holds = self._bool(condition, goal)
        return TierStep(index, text(condition), holds, None, span=tier.span)

    def _shown(self, value: Value, expr: s.Expr, goal: s.Goal) -> Shown:
        return Shown(value, self.compiler.type_of(expr, goal), _is_literal(expr))

    def _counts(self, subject: s.Expr) -> tuple[int, ...] | None:
        """The counts behind a subject computed from answers: what a reader asks next.

        For nps: promoters, passives, detractors; for a share: counted, of all.
        """
        target = subject
        seen: set[str] = set()
        while (isinstance(target, s.Name) and target.name in self.analysis.metrics
               and target.name not in seen and target.name not in self.supplied.values):
            seen.add(target.name)
            target = self.analysis.metrics[target.name].expr
        # Recorded when the nps() or share() behind the subject was worked out.
        return self.counts.get(id(target))

    def _fulfilment(self, tier: s.Tier, goal: s.Goal) -> Fraction:
        value = self.value(tier.fulfilment, goal)
        if not isinstance(value, Fraction | int) or isinstance(value, bool):
            raise _Failure("the fulfilment is not a percentage", tier.fulfilment.span)
        value = Fraction(value)  # `sum` of no percents is the int 0
        if not 0 <= value <= 1:
            raise _Failure(f"the fulfilment {format_percent(value)} lies outside 0% .. 100%",
                           tier.fulfilment.span)
        return value

    def _show(self, value: Value, expr: s.Expr, goal: s.Goal) -> str:
        return format_value(value, self.compiler.type_of(expr, goal))

    def _bool(self, expr: s.Expr, goal: s.Goal) -> bool:
        value = self.value(expr, goal)
        assert isinstance(value, bool)
        return value

    # ---- expressions ----

    def value(self, expr: s.Expr, goal: s.Goal | None, bound: Bound = None) -> Value:
        """The value of `expr`, by its compiled closure; `bound` holds names bound around it."""
        return self.compiler.get(expr, goal)(self, bound)

    def lookup(self, name: str, expr: s.Name) -> Value:
        """A fact's, deliverable's or metric's value in this evaluation."""
        try:
            return self.supplied.values[name]
        except KeyError:  # a metric: computed on first use
            pass
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




def _evolve(result: GoalResult, **changes: Any) -> GoalResult:
    return attrs.evolve(result, **changes)


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


