"""(contract, facts) -> results, recording as data the evidence that explains them.

Each goal is judged on its own: a goal whose facts are missing or invalid,
or whose arithmetic fails (a division by zero), is *not evaluable* and says
why, and the other goals are evaluated as usual. Evaluation makes no text:
every step holds values, operators and expressions (evidence.py), and words
are made by `wording` when someone asks for them.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ..checks.analysis import Analysis, goal_exprs
from ..checks.check import fact_needs, needs_with
from ..checks.infer import DELIVERABLES
from ..core.errors import FactsError, Problem, Span
from ..core.reasons import Quantity
from ..core.values import LIST, T_PERCENT, TABLE, Tallied, Type, Value, exact_sum, money_in, weighted_mean
from ..core.vocabulary import DKK
from ..facts.supplied import Supplied
from ..language import syntax as s
from ..semantics.distance import Reach
from ..semantics.evidence import (
    Check,
    Compared,
    Counts,
    Delivery,
    Failure,
    Junction,
    Membership,
    Negation,
    NotApplicable,
    NotEvaluable,
    RequirementCheck,
    Seen,
    Step,
    TierTried,
    Truth,
    Waiting,
)
from ..semantics.functions import Counted, Tally
from ..semantics.periods import ReportingPeriod
from ..semantics.runtime import COMPARE_ONE, compared_with, fail, items_of
from ..semantics.status import Blocked, Failed, Inapplicable, Undecided, Waits, joined_blocked, merged_waiting
from ..split.allocation import allocate, units_of
from ..split.weights import weights_in
from .compile import NOT_CONSTANT, Bound, Closure, Compiler, also, constant
from .outcomes import OUTCOMES, GoalOutcome, Made, PaymentOutcome, SplitOutcome

if TYPE_CHECKING:
    from ..checks.analysis import Labels

# How many levels down a metric's inputs are recorded: enough for any contract a
# person reads, and a bound for a chain of thousands of metrics.
INPUT_DEPTH = 8
# A goal that waits for more deliverables than this is pending, without trying
# every way they could still turn out (2 ** 6 evaluations of the goal at most).
MAX_PENDING = 6


def compiler_for(analysis: Analysis) -> Compiler:
    """The contract's compiled expressions, made on first use and kept with it."""
    compiler = analysis.cache.get("compiler")
    if compiler is None:
        compiler = analysis.cache["compiler"] = Compiler(analysis)
    assert isinstance(compiler, Compiler)
    return compiler


class Evaluator:
    """Evaluates the goals of one checked contract against one set of checked facts.

    `as_of` evaluates during the period: what is not due yet on that day makes
    the goals that need it pending. `period` is the reporting period (the contract's, without
    `each`), whose last day is when facts without a due date of their own are due.
    `measured_until` is the last day the facts are measured to: results worked out from them
    before the period's end are provisional.
    """

    def __init__(self, analysis: Analysis, supplied: Supplied, as_of: dt.date | None = None,
                 period: tuple[dt.date, dt.date] | None = None, made: Made = OUTCOMES,
                 reporting: ReportingPeriod | None = None, measured_until: dt.date | None = None,
                 language: str | None = None):
        self.analysis = analysis
        self.made = made  # the classes of the outcomes (outcomes.Made)
        # The contract's own language, which each goal's result carries for the views that
        # speak without being asked in which (a notebook's).
        self.language = language
        self.supplied = supplied
        self.as_of = as_of
        self.period = period
        self.reporting = reporting if reporting is not None or period is None else \
            ReportingPeriod("", *period)
        # Measured before the period's end: what is decided from measurements is provisional.
        self.provisional = measured_until is not None and period is not None and measured_until < period[1]
        self.plans = _plans_for(analysis)
        self.compiler = self.plans.compiler
        # The values goals read: the facts, and the deliverables as they stand on the day.
        self.values: dict[str, Value] = supplied.values
        self.deliveries: dict[str, Delivery] = supplied.deliverables
        # Goals judged so far, for the goals, metrics and payments that read their results.
        self.results: dict[str, GoalOutcome] = {}
        # Metrics are computed at most once per evaluation, failures included.
        self._metrics: dict[str, Value | Undecided] = {}
        # The counts behind results over lists (nps, share, all), by expression.
        self.counts: dict[int, Counts] = {}
        # Tables made dicts for lookups, once per evaluation (compile.Compiler._lookup).
        self.tables: dict[object, dict[Any, Value]] = {}
        # Values that are the same for every row of the comprehensions around them (compile._kept_once).
        self.kept: dict[object, object] = {}
        self._inputs: dict[tuple[str, int], tuple[Seen, ...]] = {}
        # Subjects already seen in this evaluation: a chain of tiers reads its subject once.
        self.seen: dict[int, Seen] = {}
        self.paid: dict[str, PaymentOutcome] = {}
        self.trial = False  # trying how pending deliverables could turn out: they are set
        # As of a day: deliverables not due yet, and due dates that could not be worked out.
        self.not_due: dict[str, Waiting] = {}
        self.due_failures: dict[str, Failure] = {}
        self.due_needs: dict[str, tuple[str, ...]] = {}  # deliverable -> missing facts of its due date
        self.labels = self._labels()

    # ---- goals ----

    def goals(self, goals: Sequence[s.Goal]) -> dict[str, GoalOutcome]:
        """Every goal judged, each after the goals whose results it reads; in written order."""
        ordered, as_written = self.plans.ordered(goals)
        if (self.plans.dated or self.as_of is not None) and not self.trial:
            self._deliveries_on_the_day()
        results, judge = self.results, self.goal
        if self._judged_at_once() and not self.provisional:
            # As most often: a goal that applies always and has everything it needs at hand is
            # judged at once, its plan found once for the contract's goals in this order.
            at_hand, judged = self._at_hand, self._judged
            for goal, plan in self.plans.planned(ordered):
                results[goal.id] = judged(goal, plan) if goal.applies is None and at_hand(plan.needs) \
                    else judge(goal)
        else:
            for goal in ordered:
                results[goal.id] = judge(goal)
        return results if as_written else {goal.id: results[goal.id] for goal in goals}

    def goal(self, goal: s.Goal) -> GoalOutcome:
        if goal.applies is not None:
            applies = self._applies(goal, goal.applies)
            if applies is not None:
                return applies
        plan = self.plans.goal(goal)
        # Most often everything a goal needs is at hand: judged at once, without `_goal`'s call.
        if not self._judged_at_once() or not self._at_hand(plan.needs):
            outcome = self._goal(goal, plan)
        else:
            outcome = self._judged(goal, plan)
        if self.provisional and outcome.fulfilment is not None and self._to_date(*self.plans.measured(goal)):
            return attrs.evolve(outcome, provisional=True)
        return outcome

    def _judged_at_once(self) -> bool:
        """Whether a goal with everything it needs at hand is judged at once (`_judged`): no
        deliverable waits for its due date or has failed it, and no metric is given a value."""
        return not (self.not_due or self.due_failures or self.supplied.given_metrics)

    def _at_hand(self, needs: frozenset[str]) -> bool:
        """Whether every fact in `needs` has a value. Asked of the dict's keys, which looks up
        each name needed: `needs.issubset(values)` would copy all the values' names into a set
        first, for every goal, which makes an evaluation quadratic in a contract whose facts
        grow with its goals."""
        return self.values.keys() >= needs

    def _to_date(self, facts: bool, goals: frozenset[str]) -> bool:
        """Whether a result read from facts (if `facts`) and the results of `goals` is a result
        to date: it reads a fact, or a goal whose result is provisional."""
        results = self.results
        return facts or any(results[goal_id].provisional for goal_id in goals if goal_id in results)

    def _applies(self, goal: s.Goal, condition: s.Expr) -> GoalOutcome | None:
        """The goal's outcome where its `applies when` does not hold (not applicable) or cannot
        be decided (its status); None where it applies and is to be judged."""
        needs = frozenset(expr_needs(self.analysis, condition))
        unready = self._unready(needs) if not self._at_hand(needs) or self.not_due else None
        if unready is not None and (unready.blocked is not None or unready.waiting):
            undecided: Undecided = Blocked(unready.blocked) if unready.blocked is not None \
                else Waits(unready.waiting)
            return self._undecided_goal(goal, undecided)
        try:
            check = self.plans.check_of(condition, goal)(self)
        except Undecided as undecided:
            return self._undecided_goal(goal, undecided)
        if check.holds:
            return None
        outcome = self._result(goal, None, (), None)
        return attrs.evolve(outcome, not_applicable=NotApplicable(condition=check),
                            provisional=self.provisional and bool(needs & self.analysis.facts.keys()))

    def _goal(self, goal: s.Goal, plan: GoalPlan) -> GoalOutcome:
        supplied = self.supplied
        needs = plan.needs if not supplied.given_metrics else \
            needs_with(self.analysis, goal, supplied.given_metrics)
        if self.not_due or self.due_failures or not self._at_hand(needs):
            unready = self._unready(needs)
            if unready is not None:
                return self._settled(unready, lambda trial: trial._judged(goal, plan), _goal_outcome,
                                     lambda undecided: self._undecided_goal(goal, undecided))
        return self._judged(goal, plan)

    def _judged(self, goal: s.Goal, plan: GoalPlan) -> GoalOutcome:
        """A goal judged by its requirements and tiers, with everything it needs at hand."""
        if plan.delivered:
            deliveries = self.deliveries
            steps: list[Step] = [deliveries[name] for name in plan.delivered]
        else:
            steps = []
        try:
            failed = self._requirements(plan, steps) if plan.requirements else None
            if failed is not None:
                return self._result(goal, None, tuple(steps), NotEvaluable(requirement=failed))
            fulfilment = self._score(plan, goal, steps)
        except Undecided as undecided:
            return self._undecided_goal(goal, undecided, tuple(steps))
        return self._result(goal, fulfilment, tuple(steps), None, reach=plan.reach)

    def _requirements(self, plan: GoalPlan, steps: list[Step]) -> RequirementCheck | None:
        """The first requirement that does not hold, None if all hold. One that fails is
        told whatever the status of the others (not evaluable wins); where none fails but
        one cannot be decided, their statuses combined are raised."""
        undecided: Undecided | None = None
        for check_of, requirement in plan.requirements:
            try:
                checked = RequirementCheck(check_of(self), requirement.reason)
            except Undecided as found:
                undecided = found if undecided is None else undecided.joined(found)
                continue
            steps.append(checked)
            if not checked.holds:
                return checked
        if undecided is not None:
            raise undecided
        return None

    def _undecided_goal(self, goal: s.Goal, undecided: Undecided, steps: tuple[Step, ...] = ()
                        ) -> GoalOutcome:
        if isinstance(undecided, Waits):
            return self._result(goal, None, (), None, undecided.waiting)
        if isinstance(undecided, Inapplicable):
            return attrs.evolve(self._result(goal, None, (), None),
                                not_applicable=NotApplicable(goals=undecided.goals))
        return self._result(goal, None, steps, _blocked_by(undecided))

    def _unready(self, needs: frozenset[str]) -> Unready | None:
        """What keeps the facts and deliverables in `needs` from being read as they stand on
        the day: None where everything is there. Each is sorted by the one rule of statuses
        (status.py): given but invalid, missing though due, measured later, or a deliverable
        whose state is not known (not due yet, due but not reported, due on a day that cannot
        be worked out yet)."""
        values, supplied, analysis = self.values, self.supplied, self.analysis
        later = self.measured_later()
        missing: list[str] = []
        invalid: list[Problem] = []
        waiting: list[Waiting] = []
        unknown: dict[str, Delivery] = {}
        unknown_waiting: list[Waiting] = []
        unknown_blocked: list[NotEvaluable] = []
        for name in sorted(needs):
            if name in values:
                continue
            if name in supplied.invalid:  # given but wrong: never waited for
                invalid.append(supplied.invalid[name])
            elif name in analysis.deliverables:
                unknown[name] = self._unknown_delivery(name)
                if name in self.due_failures:
                    unknown_blocked.append(NotEvaluable(failure=self.due_failures[name]))
                elif name in self.not_due:
                    unknown_waiting.append(self.not_due[name])
                elif name in self.due_needs:  # its due date needs facts not given
                    for fact in self.due_needs[name]:
                        if later is not None:
                            unknown_waiting.append(Waiting("fact", fact, later))
                        else:
                            unknown_blocked.append(NotEvaluable(missing=(fact,)))
                else:
                    unknown_blocked.append(NotEvaluable(deliverables=(name,)))
            elif later is not None:
                waiting.append(Waiting("fact", name, later))
            else:
                missing.append(name)
        if not (missing or invalid or waiting or unknown):
            return None
        blocked = NotEvaluable(missing=tuple(missing), invalid=tuple(invalid)) if missing or invalid else None
        return Unready(blocked, tuple(waiting), unknown, joined_blocked(*unknown_blocked),
                       merged_waiting(tuple(unknown_waiting)))

    def _unknown_delivery(self, name: str) -> Delivery:
        """A deliverable whose state is not known, as a goal's evidence shows it: not due yet,
        or not reported (due, or due on a day that cannot be worked out)."""
        found = self.deliveries.get(name)
        if found is not None and found.pending:
            return found
        deliverable = self.analysis.deliverables[name]
        due = found.due if found is not None else deliverable.due_date
        delivered = found.delivered if found is not None else None
        return Delivery(name, deliverable.title, False, delivered, due, missing=True)

    def _settled(self, unready: Unready, judge: Callable[[Evaluator], R], outcome: Callable[[R], object],
                 undecided_result: Callable[[Undecided], R]) -> R:
        """A goal's or payment's result where something it needs is not there (`unready`).

        Missing or invalid facts make it not evaluable, facts measured later pending. Where
        only deliverables are not known, it is judged every way they could still turn out
        (up to MAX_PENDING of them): the same result every way is its result, before their
        due date and after it alike; else it waits for them, or is not evaluable for those
        that are due but not reported."""
        unknown_status = unready.unknown_status
        if unready.blocked is not None:
            blocked = joined_blocked(unready.blocked, unready.unknown_blocked)
            assert blocked is not None
            return undecided_result(Blocked(blocked))
        if unready.waiting:
            waits: Undecided = Waits(unready.waiting)
            return undecided_result(waits if unknown_status is None else waits.joined(unknown_status))
        assert unknown_status is not None
        names = tuple(unready.unknown)
        if len(names) > MAX_PENDING:
            return undecided_result(unknown_status)
        deliveries = {**self.deliveries, **unready.unknown}
        settled: dict[str, Value | Undecided] = {}
        first: R | None = None
        for done in itertools.product((False, True), repeat=len(names)):
            trial = Evaluator(self.analysis, self.supplied, period=self.period, made=self.made,
                              reporting=self.reporting)
            trial.trial = True
            trial.values = {**self.values, **dict(zip(names, done, strict=True))}
            trial.deliveries = deliveries
            trial.results = self.results
            trial.paid = self.paid
            trial._metrics = dict(settled)  # metrics that read none of the unknown deliverables
            result = judge(trial)
            settled.update((name, value) for name, value in trial._metrics.items()
                           if self.plans.metric_needs(name).isdisjoint(names))
            if first is None:
                first = result
            elif outcome(result) != outcome(first):
                return undecided_result(unknown_status)  # how they turn out decides it
        assert first is not None
        found = _status_of(first)
        if found is None:
            return first  # decided, however they turn out
        # Undecided every way, for reasons of its own: those, with the deliverables'.
        return undecided_result(found.joined(unknown_status))

    def measured_later(self) -> dt.date | None:
        """The day facts are due when evaluating as of a day before the period ends; else None."""
        if self.as_of is None or self.period is None or self.as_of >= self.period[1]:
            return None
        return self.period[1]

    def period_value(self, expr: s.PeriodValue) -> Value:
        """The reporting period's `year`, `start` or `end`, as `period.FIELD` reads them."""
        reporting = self.reporting
        if reporting is None:  # checked at load: a guard for a contract evaluated without one
            raise fail("no-value", expr, name="period")
        if expr.field == "year":
            return reporting.start.year
        if expr.field == "start":
            return reporting.start
        if expr.field == "end":
            return reporting.end
        return (reporting.start, reporting.end)

    def in_period(self, day: Value) -> bool:
        return self.reporting is not None and day in self.reporting

    def _deliveries_on_the_day(self) -> None:
        """Every deliverable as it stands, before any goal reads one: due dates worked out
        from the facts applied, and, as of a day, those not delivered by then and not yet due
        set aside as not due (`not_due`), wherever they are read.

        A delivery dated after the day evaluated is not known on that day: it counts as not
        delivered yet. A due date that cannot be worked out yet, for a fact that is not
        measured yet, leaves the deliverable not due too. Due dates read facts only (checked
        when the contract loads), so no goal has to be judged first."""
        self.values = dict(self.supplied.values)
        self.deliveries = dict(self.supplied.deliverables)
        as_of = self.as_of
        period_end = self.period[1] if self.period is not None else None
        for deliverable in self.analysis.deliverables.values():
            due = deliverable.due_date
            unknown_due = False
            if deliverable.due is not None and due is None:
                try:
                    found = self.value(deliverable.due, None)
                except Failed as failed:
                    if failed.failure.code != "no-value":
                        self.due_failures[deliverable.name] = failed.failure
                        self.values.pop(deliverable.name, None)
                        continue
                    unknown_due = True  # a fact it needs is missing: not due yet, or missing
                else:
                    assert isinstance(found, dt.date)
                    due = found
            given = self.supplied.deliverables.get(deliverable.name)
            if given is not None and as_of is not None and given.delivered is not None \
                    and given.delivered > as_of:
                given = Delivery(deliverable.name, deliverable.title, False, None, due)
            if given is not None and given.delivered is not None:
                late = due is not None and given.delivered > due
                state: Delivery | None = attrs.evolve(given, done=not late, due=due, late=late)
            elif given is not None:
                state = attrs.evolve(given, due=due)
            else:
                state = None
            on = due if due is not None or unknown_due else period_end
            not_yet = state is None or (not state.done and state.delivered is None)
            if as_of is not None and not_yet and ((unknown_due and self.measured_later() is not None)
                                                  or (on is not None and on >= as_of)):
                self.not_due[deliverable.name] = Waiting("deliverable", deliverable.name, on)
                state = Delivery(deliverable.name, deliverable.title, False, None, due, pending=True)
                self.values.pop(deliverable.name, None)
            elif unknown_due:
                # Its state waits for the facts its due date needs: they are what is missing.
                assert deliverable.due is not None
                self.values.pop(deliverable.name, None)
                self.due_needs[deliverable.name] = tuple(sorted(
                    n for n in expr_needs(self.analysis, deliverable.due) if n not in self.values))
            elif state is not None:
                self.values[deliverable.name] = state.done
            if state is not None:
                self.deliveries[deliverable.name] = state

    def _result(self, goal: s.Goal, fulfilment: Fraction | None, steps: tuple[Step, ...],
                blocked: NotEvaluable | None, waiting: tuple[Waiting, ...] = (),
                reach: Reach | None = None) -> GoalOutcome:
        return self.made.goal(goal.id, goal.title, fulfilment, goal.group, goal.weight, steps, blocked,
                              goal.text, waiting, reach, self.labels, language=self.language)

    def goal_value(self, expr: s.GoalValue) -> Value:
        """A goal's result read as a value: strict, since money may follow it."""
        ids = [expr.goal] if expr.goal is not None else list(self.analysis.goal_order)
        results = [self.results.get(goal_id) for goal_id in ids]
        inapplicable = tuple(goal_id for goal_id, r in zip(ids, results, strict=True)
                             if r is not None and r.not_applicable is not None)
        if expr.goal is None and inapplicable and len(inapplicable) < len(ids):
            # `overall` and `points` leave out the goals that do not apply (status.py).
            ids = [goal_id for goal_id in ids if goal_id not in inapplicable]
            results = [self.results.get(goal_id) for goal_id in ids]
            inapplicable = ()
        # Not evaluable wins over pending, and pending over not applicable, whichever goal
        # comes first (status.py).
        blocked = [goal_id for goal_id, r in zip(ids, results, strict=True)
                   if r is None or (r.fulfilment is None and not r.pending and r.not_applicable is None)]
        if blocked:
            raise fail("goal-not-evaluable", expr, goals=tuple(blocked))
        pending = [goal_id for goal_id, r in zip(ids, results, strict=True) if r is not None and r.pending]
        if pending:
            raise Waits(tuple(Waiting("goal", goal_id) for goal_id in pending))
        if inapplicable:
            raise Inapplicable(inapplicable)
        judged = [r for r in results if r is not None and r.fulfilment is not None]
        if expr.what == "points":
            return exact_sum(r.weight * r.fulfilment for r in judged if r.fulfilment is not None)
        if expr.what == "fulfilment":
            assert judged[0].fulfilment is not None
            return judged[0].fulfilment
        mean = weighted_mean((r.weight, r.fulfilment) for r in judged if r.fulfilment is not None)
        if mean is None:
            raise fail("no-weight", expr)
        return mean

    # ---- payments, after the goals ----

    def payment(self, payment: s.Payment) -> PaymentOutcome:
        """A payment worked out from the goals' results, with everything it came from; where
        something it needs is not there, its status by the same rule as a goal's."""
        needs = self.plans.payment_needs(payment, self.supplied.given_metrics)
        paid: PaymentOutcome | None = None
        if self.not_due or self.due_failures or not self._at_hand(needs):
            unready = self._unready(needs)
            if unready is not None:
                paid = self._settled(unready, lambda trial: trial._paid(payment), _payment_outcome,
                                     lambda undecided: _undecided_payment(self.made, payment, undecided,
                                                                          self.said_as(payment)))
        if paid is None:
            paid = self._paid(payment)
        if self.provisional and paid.amount is not None and self._to_date(*self.plans.payment_measured(payment)):
            return attrs.evolve(paid, provisional=True)
        return paid

    def _paid(self, payment: s.Payment) -> PaymentOutcome:
        try:
            seen = self.plans.seen_of(payment.expr, None)(self)
        except Undecided as undecided:
            return _undecided_payment(self.made, payment, undecided, self.said_as(payment))
        assert isinstance(seen.value, Fraction | int)
        return self.made.payment(payment.name, payment.title, Fraction(seen.value), seen, None, (),
                                 *self.said_as(payment))

    def said_as(self, payment: s.Payment) -> tuple[str, Mapping[str, str]]:
        """A payment's currency, and the labels of what it reads, as readers are shown them."""
        # Typed once per payment (or split total) and contract, not at every evaluation.
        currencies: dict[tuple[bool, str], str] = self.analysis.cache.setdefault(  # type: ignore[assignment]
            "currencies", {})
        key = (self.analysis.payments.get(payment.name) is payment, payment.name)
        currency = currencies.get(key)
        if currency is None:
            found = self.analysis.type_of(payment.expr)
            currency = currencies[key] = found.currency_code if found is not None else DKK
        return currency, self.labels

    def _labels(self) -> Labels:
        """The contract's labels and units, and whether its amounts have øre: in what it
        writes (Analysis.labels), or in the amounts of this evaluation's facts. Worked out once
        an evaluation, as it starts (each goal's result carries it): a plain attribute, `labels`."""
        with_cents, without_cents, money_facts = self.plans.labels
        if without_cents is None:  # the contract's own amounts have øre
            return with_cents
        values = self.supplied.values
        for name in money_facts:
            value = values.get(name)
            if isinstance(value, Fraction) and value.denominator != 1:
                return with_cents
        return without_cents

    def payments(self) -> dict[str, PaymentOutcome]:
        for name in self.analysis.payment_order:  # each after the payments it uses
            self.paid[name] = self.payment(self.analysis.payments[name])
        return {name: self.paid[name] for name in self.analysis.payments}

    def split_total(self, split: s.Split) -> PaymentOutcome:
        """The total of a split worked out from the facts, with what it came from, or why it
        cannot be: said as a payment is."""
        assert split.total is not None
        return self.payment(self.plans.total_of(split))

    def split(self, split: s.Split) -> SplitOutcome[Any, Any]:
        """A split whose total is worked out from the facts: its allocation, or why there is none."""
        paid = self.split_total(split)
        # The total and the weights are read alike: whichever cannot be decided, the split
        # cannot, and not evaluable wins over pending (status.py), whichever it is.
        weights: list[tuple[str, Fraction | int]] | None = None
        weights_wait: tuple[Waiting, ...] = ()
        if split.shares_from is None:
            weights = [(sh.party, sh.weight) for sh in split.shares]
        else:
            later = self.measured_later()
            if later is not None and split.shares_from not in self.supplied.values \
                    and split.shares_from not in self.supplied.invalid:  # its weights are not due yet
                weights_wait = (Waiting("fact", split.shares_from, later),)
            else:
                try:
                    weights = weights_in(split, self.supplied.values, self.supplied.invalid)
                except FactsError as error:
                    return self.made.split(split.name, None, paid, tuple(error.problems))
        total = paid.amount
        if total is None or weights is None:
            if paid.blocked is not None or not weights_wait:
                return self.made.split(split.name, None, paid)
            return self.made.split(split.name, None, attrs.evolve(
                paid, amount=None, seen=None, waiting=merged_waiting(paid.waiting, weights_wait)))
        reason = units_of(split, total)
        money = money_in(paid.currency)
        if reason is not None:
            failure = Failure(reason, split.total, {
                "total": Quantity(total, money), "unit": Quantity(split.billed_in.value, money),
                "installments": split.installments,
                "each": Quantity(total / split.installments, money)})
            return self.made.split(split.name, None, attrs.evolve(paid, amount=None,
                                                              blocked=NotEvaluable(failure=failure)))
        allocation = allocate(split, weights, total=total, currency=paid.currency)
        return self.made.split(split.name, self.made.shares(allocation), paid)

    def _score(self, plan: GoalPlan, goal: s.Goal, steps: list[Step]) -> Fraction:
        subject: SeenOf | None = None
        seen: Seen | None = None
        check: Check | None
        for tier in plan.tiers:
            against = tier.against
            if against is not None:
                # The subject against a written threshold, as the tier's check compares them
                # (Plans.check_of): a subject the tier before read is not read again.
                if against.subject is not subject:
                    subject = against.subject
                    seen = subject(self)
                assert seen is not None
                holds = against.holds(seen.value)
                check = Compared(seen, against.op, against.threshold, holds)
            elif tier.check is not None:
                check = tier.check(self)
                holds = check.holds
            else:
                check, holds = None, True
            if holds:
                fulfilment = tier.fulfilment if tier.fulfilment is not None else \
                    self._fulfilment(tier.tier, goal)
                steps.append(TierTried(tier.index, check, fulfilment, tier.span))
                return fulfilment
            steps.append(TierTried(tier.index, check, None, tier.span))
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

    def metric_seen(self, expr: s.Name, name: str, value: Value, type_: Type | None, depth: int,
                    counted: int | None, chain: tuple[str, ...], reads: bool = True) -> Seen:
        """A metric as seen: its value, what it was computed from (where it `reads` facts or
        metrics that are shown), and the counts behind it.

        A metric given a value (a what-if) was not computed, so it has neither.
        """
        given = self.supplied.given_metrics
        if given and name in given:
            return Seen(expr, value, type_)
        inputs = self._metric_inputs(name, depth) if reads and depth < INPUT_DEPTH else ()
        if given and not given.isdisjoint(chain):
            return Seen(expr, value, type_, inputs, self._counts(expr))
        return Seen(expr, value, type_, inputs, None if counted is None else self.counts.get(counted))

    def _metric_inputs(self, name: str, depth: int) -> tuple[Seen, ...]:
        """The facts and metrics a metric's expression reads, each as seen (lists left out)."""
        key = (name, depth)
        found = self._inputs.get(key)
        if found is None:
            found = self._inputs[key] = _decided_inputs(self.plans.inputs_of(name, depth), self)
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

    def tally(self, name: str, value: Value) -> tuple[Tally, int]:
        """The answers of a list fact, counted once and kept with the facts for every
        evaluation (read as a tally from their file, they come counted), and how many."""
        if isinstance(value, Tallied):
            return value.counts, value.size
        values = items_of(value)
        found = self.supplied.tallies.get(name)
        if found is None:
            found = self.supplied.tallies[name] = Counter(values)
        return found, len(values)

    def lookup(self, name: str, expr: s.Name) -> Value:
        """A fact's, deliverable's, metric's or payment's value in this evaluation."""
        found = self.values.get(name)  # no value is None
        if found is not None:
            return found
        cached = self._metrics.get(name)  # a metric: computed on first use
        if cached is None:
            if name in self.analysis.payments:
                paid = self.paid.get(name)
                if paid is not None and paid.waiting:
                    raise Waits((Waiting("payment", name),))
                if paid is not None and paid.not_applicable is not None:
                    raise Inapplicable(paid.not_applicable.goals)
                if paid is None or paid.amount is None:
                    raise fail("payment-not-evaluable", expr, name=name)
                return paid.amount
            if name not in self.analysis.metrics:  # goals check their needs first; a bug guard
                raise fail("no-value", expr, name=name)
            self._compute_metric(name)
            cached = self._metrics[name]
        if isinstance(cached, Undecided):
            raise cached
        return cached

    def _compute_metric(self, name: str) -> None:
        """Compute a metric after the metrics it uses, without recursing through the chain."""
        pending = [name]
        computed, planned = self._metrics, self.plans.metric
        while pending:
            current = pending[-1]
            if current in computed:
                pending.pop()
                continue
            compute, reads = planned(current)
            waiting = [metric for metric in reads if metric not in computed] if reads else None
            if waiting:
                pending.extend(waiting)
                continue
            pending.pop()
            try:
                computed[current] = compute(self, None)
            except Failed as failed:
                # Said of the metric where it happened, however many metrics lead to it.
                cause = failed.failure
                self._metrics[current] = failed if cause.metric is not None else Failed(
                    Failure(cause.code, cause.expr, cause.params, current))
            except Undecided as undecided:
                self._metrics[current] = undecided


# ---- statuses: what a result is where something it needs is not there -------------------

R = TypeVar("R", GoalOutcome, PaymentOutcome)


@attrs.frozen
class Unready:
    """What keeps the facts and deliverables a goal or payment needs from being read.

    `blocked` and `waiting` are about facts: missing or invalid, or measured later.
    `unknown` holds the deliverables whose state is not known, as evidence shows them, and
    why each is not known: not due yet (`unknown_waiting`), or due but not reported, or due on
    a day that cannot be worked out (`unknown_blocked`)."""

    blocked: NotEvaluable | None
    waiting: tuple[Waiting, ...]
    unknown: dict[str, Delivery]
    unknown_blocked: NotEvaluable | None
    unknown_waiting: tuple[Waiting, ...]

    @property
    def unknown_status(self) -> Undecided | None:
        """The status the unknown deliverables give what reads them, if they decide it."""
        if self.unknown_blocked is not None:
            return Blocked(self.unknown_blocked)
        return Waits(self.unknown_waiting) if self.unknown_waiting else None


def _blocked_by(undecided: Undecided) -> NotEvaluable:
    assert isinstance(undecided, Blocked)
    return undecided.blocked


def _status_of(result: GoalOutcome | PaymentOutcome) -> Undecided | None:
    """A result's status as an `Undecided`, None where it is decided."""
    if result.not_applicable is not None:
        return Inapplicable(result.not_applicable.goals)
    if result.waiting:
        return Waits(result.waiting)
    if result.blocked is not None:
        return Blocked(result.blocked)
    return None


def _goal_outcome(result: GoalOutcome) -> object:
    """What must be the same every way unknown deliverables could turn out."""
    return result.fulfilment, result.status


def _payment_outcome(result: PaymentOutcome) -> object:
    return result.amount, result.waiting == (), result.blocked is None, result.not_applicable is None


def _undecided_payment(made: Made, payment: s.Payment, undecided: Undecided,
                       said_as: tuple[str, Mapping[str, str]]) -> PaymentOutcome:
    if isinstance(undecided, Waits):
        return made.payment(payment.name, payment.title, None, None, None, undecided.waiting, *said_as)
    if isinstance(undecided, Inapplicable):
        return made.payment(payment.name, payment.title, None, None, None, (), *said_as,
                            not_applicable=NotApplicable(goals=undecided.goals))
    return made.payment(payment.name, payment.title, None, None, _blocked_by(undecided), (), *said_as)


# ---- plans: what evidence each condition records, worked out once per contract ----------

SeenOf = Callable[[Evaluator], Seen]
CheckOf = Callable[[Evaluator], Check]

_NONE_MET = Fraction(0)


@attrs.frozen
class Against:
    """A condition that compares a subject with a threshold written in the contract, the
    commonest of all, in parts: how to see the subject, and how its value compares. Its check
    is `Compared(subject(ev), op, threshold, holds(value))`."""

    subject: SeenOf
    op: str
    threshold: Seen
    holds: Callable[[Any], bool]


@attrs.frozen
class TierPlan:
    index: int
    tier: s.Tier
    check: CheckOf | None
    fulfilment: Fraction | None  # a fulfilment written as a percent, checked once
    span: Span | None = None  # the tier's, which the tier tried carries: read once
    # Where the tier's condition is a subject against a written threshold: its parts, so that
    # the tiers of a goal compare one subject without a call a tier (`_score`).
    against: Against | None = None


@attrs.frozen
class GoalPlan:
    needs: frozenset[str]
    requirements: tuple[tuple[CheckOf, s.Requirement], ...]
    tiers: tuple[TierPlan, ...]
    reach: Reach | None = None  # where the tiers compare one value with fixed thresholds
    delivered: tuple[str, ...] = ()  # the deliverables it reads, whose states are its first steps


class Plans:
    """For each goal, closures that evaluate its conditions and record their evidence.

    Which values a check records, their types, and where the counts behind a
    metric come from depend on the contract alone, so they are settled here
    once; an evaluation then only computes values and fills in the records.
    """

    def __init__(self, analysis: Analysis, compiler: Compiler, against: bool = True):
        self.analysis = analysis
        self.compiler = compiler
        # Whether a tier that compares a subject with a written threshold is compared in _score
        # from its parts (Against), rather than by its check; the tests compare the two.
        self.against = against
        self._goals: dict[str, GoalPlan] = {}
        self._ordered: tuple[list[s.Goal], bool] | None = None
        self._planned: tuple[tuple[s.Goal, GoalPlan], ...] | None = None
        self._totals: dict[str, s.Payment] = {}
        self._measures: dict[tuple[str, str], tuple[bool, frozenset[str]]] = {}  # goal or payment -> what it reads
        self._dated: bool | None = None
        self._labels: tuple[Labels, Labels | None, tuple[str, ...]] | None = None
        self._metric_needs: dict[str, frozenset[str]] = {}
        self._metric_plans: dict[str, tuple[Closure, tuple[str, ...]]] = {}
        self._payment_needs: dict[int, frozenset[str]] = {}  # by the payment node, kept alive
        self._checks: dict[tuple[int, str | None], CheckOf] = {}
        self._against: dict[tuple[int, str | None], Against] = {}  # the checks that are a subject against a threshold
        self._seers: dict[tuple[int, str | None, int], SeenOf] = {}
        self._remembered: dict[tuple[int, str | None, int], SeenOf] = {}
        self._inputs: dict[tuple[str, int], tuple[SeenOf, ...]] = {}
        self._kept: list[s.Name] = []

    @property
    def labels(self) -> tuple[Labels, Labels | None, tuple[str, ...]]:
        """The contract's labels where amounts have øre and where they have none (None where
        its own amounts have øre: they always do), and the facts whose amounts can say so."""
        found = self._labels
        if found is None:
            analysis = self.analysis
            found = self._labels = (analysis.labels_with_cents(True), None if analysis.labels.cents else
                                    analysis.labels_with_cents(False), analysis.money_facts)
        return found

    @property
    def dated(self) -> bool:
        """Whether a deliverable's due date is worked out from the facts (`due start + 18 months`)."""
        if self._dated is None:
            self._dated = any(d.due is not None and d.due_date is None
                              for d in self.analysis.deliverables.values())
        return self._dated

    def metric(self, name: str) -> tuple[Closure, tuple[str, ...]]:
        """A metric's compiled expression, and the metrics it reads (computed before it)."""
        found = self._metric_plans.get(name)
        if found is None:
            metrics = self.analysis.metrics
            found = self._metric_plans[name] = (self.compiler.get(metrics[name].expr, None), tuple(
                node.name for node in self.compiler.names_read(name) if node.name in metrics))
        return found

    def metric_needs(self, name: str) -> frozenset[str]:
        """The facts and deliverables a metric reads, directly or through other metrics."""
        found = self._metric_needs.get(name)
        if found is None:
            metric = self.analysis.metrics[name]
            found = self._metric_needs[name] = frozenset(
                expr_needs(self.analysis, s.Name(name, span=metric.span)))
        return found

    def payment_needs(self, payment: s.Payment, given: frozenset[str] = frozenset()) -> frozenset[str]:
        """The facts and deliverables a payment reads, worked out once: its own, and those of
        the payments it uses (worked out before it, in `Analysis.payment_order`); with metrics
        `given` values (a worked example's), not what those metrics would read."""
        found = None if given else self._payment_needs.get(id(payment))
        if found is None:
            analysis = self.analysis
            own = fact_needs([payment.expr], analysis.metrics, analysis.facts, analysis.deliverables,
                             given_metrics=given)
            for name in s.names_in(payment.expr):
                if name in analysis.payments:
                    own |= self.payment_needs(analysis.payments[name], given)
            found = frozenset(own)
            if not given:
                self._payment_needs[id(payment)] = found
        return found

    def measured(self, goal: s.Goal) -> tuple[bool, frozenset[str]]:
        """What a goal's result is worked out from that is measured: whether it reads facts, and
        the goals whose results it reads (planned once)."""
        key = ("goal", goal.id)
        found = self._measures.get(key)
        if found is None:
            found = self._measures[key] = self._measured(goal_exprs(goal), self.goal(goal).needs)
        return found

    def payment_measured(self, payment: s.Payment) -> tuple[bool, frozenset[str]]:
        """What a payment is worked out from that is measured, as `measured` says it of a goal."""
        key = ("payment", payment.name)
        found = self._measures.get(key)
        if found is None:
            found = self._measures[key] = self._measured([payment.expr], self.payment_needs(payment))
        return found

    def _measured(self, exprs: Iterable[s.Expr], needs: frozenset[str]) -> tuple[bool, frozenset[str]]:
        analysis = self.analysis
        goals: set[str] = set()
        pending = list(exprs)
        seen: set[str] = set()
        while pending:  # goal results read directly, or through metrics and payments
            expr = pending.pop()
            for value in s.goal_values_in(expr):
                goals.update([value.goal] if value.goal is not None else analysis.goal_order)
            for name in s.names_in(expr):
                if name not in seen:
                    seen.add(name)
                    found = analysis.metrics.get(name) or analysis.payments.get(name)
                    if found is not None:
                        pending.append(found.expr)
        return not needs.isdisjoint(analysis.facts), frozenset(goals)

    def total_of(self, split: s.Split) -> s.Payment:
        """A split's computed total as a payment (planned by the identity of its node: kept)."""
        found = self._totals.get(split.name)
        if found is None:
            assert split.total is not None
            found = self._totals[split.name] = s.Payment(split.name, split.title, split.total, span=split.span)
        return found

    def ordered(self, goals: Sequence[s.Goal]) -> tuple[list[s.Goal], bool]:
        """The goals in the order they are judged, and whether that is the written order."""
        found = self._ordered
        if found is None:
            by_id = {goal.id: goal for goal in goals}
            order = [by_id[goal_id] for goal_id in self.analysis.goal_order or by_id]
            found = self._ordered = (order, order == list(goals))
        return found

    def planned(self, ordered: list[s.Goal]) -> tuple[tuple[s.Goal, GoalPlan], ...]:
        """The goals `ordered` gives, each with its plan."""
        found = self._planned
        if found is None:
            found = self._planned = tuple((goal, self.goal(goal)) for goal in ordered)
        return found

    def goal(self, goal: s.Goal) -> GoalPlan:
        plan = self._goals.get(goal.id)
        if plan is None:
            needs = needs_with(self.analysis, goal, frozenset())
            plan = self._goals[goal.id] = GoalPlan(
                needs,
                tuple((self.check_of(r.condition, goal), r) for r in goal.requirements),
                tuple(self._tier(index, tier, goal) for index, tier in enumerate(goal.tiers)),
                _reach_of(goal),
                tuple(d.name for d in goal.deliverables if d.name in needs))
        return plan

    def _tier(self, index: int, tier: s.Tier, goal: s.Goal) -> TierPlan:
        if tier.condition is None:
            return TierPlan(index, tier, None, _written(tier), tier.span)
        check = self.check_of(tier.condition, goal)
        return TierPlan(index, tier, check, _written(tier), tier.span,
                        self._against.get((id(tier.condition), goal.id)) if self.against else None)

    def inputs_of(self, metric: str, depth: int) -> tuple[SeenOf, ...]:
        """How to see the facts and metrics `metric` reads, but not the lists it goes through:
        their values are in the counts, or too long to show."""
        key = (metric, depth)
        found = self._inputs.get(key)
        if found is None:
            found = self._inputs[key] = self._seers_of_names(self.compiler.names_read(metric), depth + 1) \
                + self._seers_of_goals(self.analysis.metrics[metric].expr, depth + 1)
        return found

    def _inputs_read(self, expr: s.Expr, depth: int) -> tuple[SeenOf, ...]:
        """How to see the facts and metrics an expression reads, lists left out (as `inputs_of`)."""
        if depth >= INPUT_DEPTH:
            return ()
        nodes = [s.Name(name, span=expr.span) for name in dict.fromkeys(s.names_in(expr)) if self._declared(name)]
        self._kept.extend(nodes)  # plans are keyed by the nodes' identity: keep them alive
        # The steps in between that change a value the most to the eye: a rounding, a cap.
        steps = tuple(self.seen_of(inner, None, depth + 1) for inner in _inner_steps(expr))
        return steps + self._seers_of_names(nodes, depth + 1) + self._seers_of_goals(expr, depth + 1)

    def _declared(self, name: str) -> bool:
        """Whether `name` is a fact, a metric or a payment: looked up in each, never in their
        names joined into one set, which would be made again for each expression planned and
        make planning a contract quadratic in its names."""
        analysis = self.analysis
        return name in analysis.facts or name in analysis.metrics or name in analysis.payments

    def _seers_of_goals(self, expr: s.Expr, depth: int) -> tuple[SeenOf, ...]:
        """How to see the goal results an expression reads (`points`, `fulfilment(goal 1)`)."""
        return tuple(self.seen_of(value, None, depth)
                     for value in dict.fromkeys(s.goal_values_in(expr)))

    def _seers_of_names(self, names: Sequence[s.Name], depth: int) -> tuple[SeenOf, ...]:
        """How to see each name at `depth`, lists and tables left out, but for a list a metric
        makes with a comprehension (`pr_person`): the counts of its rows explain it."""
        return tuple(self.seen_of(node, None, depth) for node in names
                     if (found_type := self.compiler.type_of(node, None)) is None
                     or found_type.kind not in (LIST, TABLE) or self._rows_metric(node))

    def _rows_metric(self, node: s.Name) -> bool:
        metric = self.analysis.metrics.get(node.name)
        return metric is not None and isinstance(metric.expr, s.Comprehension)

    def check_of(self, expr: s.Expr, goal: s.Goal | None) -> CheckOf:
        key = (id(expr), goal.id if goal is not None else None)
        found = self._checks.get(key)
        if found is None:
            found = self._checks[key] = self._check(expr, goal)
        return found

    def _check(self, expr: s.Expr, goal: s.Goal | None) -> CheckOf:
        match expr:
            case s.Chain(op="and" | "or" as op):
                parts = tuple(self.check_of(operand, goal) for operand in _operands(expr, op))
                deciding = op == "or"  # the outcome that stops the evaluation of the rest

                def junction(ev: Evaluator) -> Check:
                    done: list[Check] = []
                    undecided: Undecided | None = None
                    for part in parts:
                        try:
                            checked = part(ev)
                        except Undecided as found:  # unless another operand decides (status.py)
                            undecided = found if undecided is None else undecided.joined(found)
                            continue
                        done.append(checked)
                        if checked.holds == deciding:
                            break  # this operand decides, as it does when evaluated
                    else:
                        if undecided is not None:
                            raise undecided
                    return Junction(op, tuple(done), done[-1].holds)
                return junction
            case s.Unary(op="not", operand=operand):
                inner = self.check_of(operand, goal)

                def negation(ev: Evaluator) -> Check:
                    part = inner(ev)
                    return Negation(part, not part.holds)
                return negation
            case s.Compare(op=op, left=left, right=right):
                threshold = self.written_of(right, goal)
                if threshold is not None:  # the commonest of all: a subject against a written threshold
                    holds = compared_with(op, threshold.value)
                    # The subject is read where it is compared: a subject that several tiers
                    # compare is read once by _score, which compares it with their thresholds.
                    subject = self.seen_of(left, goal, remember=False)
                    self._against[(id(expr), goal.id if goal is not None else None)] = Against(
                        subject, op, threshold, holds)

                    def against(ev: Evaluator) -> Check:
                        seen = subject(ev)  # a threshold is always decided: the subject's status is the status
                        return Compared(seen, op, threshold, holds(seen.value))
                    return against
                first, second = self.seen_of(left, goal), self.seen_of(right, goal)
                test = COMPARE_ONE[op]

                def comparison(ev: Evaluator) -> Check:
                    try:  # the operands' statuses combined, as compile.both does
                        a = first(ev)
                    except Undecided as undecided:
                        raise also(undecided, second, ev) from None
                    b = second(ev)
                    return Compared(a, op, b, test(a.value, b.value))
                return comparison
            case s.Member(item=item, collection=collection, negated=negated):
                whole = self.compiler.get(expr, goal)
                element, members = self.seen_of(item, goal), self.seen_of(collection, goal)

                def membership(ev: Evaluator) -> Check:
                    holds = whole(ev, None)
                    assert isinstance(holds, bool)
                    return Membership(element(ev), members(ev), negated, holds)
                return membership
        truth_of = self.seen_of(expr, goal, remember=False)  # read where it is checked, as a subject is

        def truth(ev: Evaluator) -> Check:
            seen = truth_of(ev)
            assert isinstance(seen.value, bool)
            return Truth(seen, seen.value)
        return truth

    def seen_of(self, expr: s.Expr, goal: s.Goal | None, depth: int = 0, remember: bool = True) -> SeenOf:
        """How to see `expr`; a subject (at depth 0) is seen once an evaluation, however many
        checks ask for it, but where it is not to be `remember`ed (`_score` reads a subject once
        for the tiers that share it)."""
        key = (id(expr), goal.id if goal is not None else None, depth)
        found = self._seers.get(key)
        if found is None:
            found = self._seers[key] = self._seer(expr, goal, depth)
        if depth or not remember:
            return found
        remembered = self._remembered.get(key)
        if remembered is None:
            remembered = self._remembered[key] = _remembered(found)
        return remembered

    def _seer(self, expr: s.Expr, goal: s.Goal | None, depth: int) -> SeenOf:
        type_ = self.compiler.type_of(expr, goal)
        written = self.written_of(expr, goal)
        if written is not None:
            return lambda ev: written
        closure = self.compiler.get(expr, goal)
        metrics = self.analysis.metrics
        if isinstance(expr, s.Name) and expr.name in metrics:
            name = expr.name
            chain, target = self._chain(expr)
            counted = id(target) if isinstance(target, s.Call | s.Aggregate | s.Comprehension) else None

            branch_of = self._branch_of(target, None) if isinstance(target, s.If) else None
            # Whether it reads anything shown as its inputs (an NPS reads a list alone: nothing).
            reads = depth < INPUT_DEPTH and bool(self.inputs_of(name, depth))

            def metric(ev: Evaluator) -> Seen:
                # ev.lookup, as the closure of a metric's name reads it (compile._lookup).
                seen = ev.metric_seen(expr, name, ev.lookup(name, expr), type_, depth, counted, chain, reads)
                if branch_of is not None and name not in ev.supplied.given_metrics:
                    return attrs.evolve(seen, branch=branch_of(ev))
                return seen
            seen_of: SeenOf = metric
        elif isinstance(expr, s.Name) and expr.name != DELIVERABLES:
            name = expr.name

            def plain(ev: Evaluator) -> Seen:
                found = ev.values.get(name)  # a fact, read at once, as its closure reads it (compile._lookup)
                return Seen(expr, found if found is not None else closure(ev, None), type_)
            seen_of = plain
        elif isinstance(expr, s.Name):
            def named(ev: Evaluator) -> Seen:
                return Seen(expr, closure(ev, None), type_)
            seen_of = named
        else:
            # The contract's own arithmetic (`a + b`, `round(x, 1)`, a share over answers
            # above a threshold fact): its value, and the values it was worked out from.
            # A goal's result is read as it is: what it came from is the goal's own explanation.
            inputs = self._inputs_read(expr, depth) if not isinstance(expr, s.GoalValue) else ()
            chosen_by = self._branch_of(expr, goal) if isinstance(expr, s.If) else None
            counts_at = id(expr)  # where its counts are kept

            def computed(ev: Evaluator) -> Seen:
                value = closure(ev, None)  # first: computing it records its counts
                return Seen(expr, value, type_, _decided_inputs(inputs, ev) if inputs else (),
                            ev.counts.get(counts_at), chosen_by(ev) if chosen_by is not None else ())
            seen_of = computed
        return seen_of

    def written_of(self, expr: s.Expr, goal: s.Goal | None) -> Seen | None:
        """A value written in the contract (a threshold) as seen, the same in every evaluation;
        None for one worked out."""
        fixed = constant(expr)
        return None if fixed is NOT_CONSTANT else Seen(expr, fixed, self.compiler.type_of(expr, goal))

    def _branch_of(self, expr: s.If, goal: s.Goal | None) -> Callable[[Evaluator], tuple[Check, ...]]:
        """How to record the conditions an `if` chain tried, up to the one that decided."""
        conditions: list[CheckOf] = []
        node: s.Expr = expr
        while isinstance(node, s.If):
            conditions.append(self.check_of(node.condition, goal))
            node = node.otherwise

        def branch(ev: Evaluator) -> tuple[Check, ...]:
            tried: list[Check] = []
            for condition in conditions:
                tried.append(condition(ev))
                if tried[-1].holds:
                    break
            return tuple(tried)
        return branch

    def _chain(self, name: s.Name) -> tuple[tuple[str, ...], s.Expr]:
        """The metrics a metric is defined as, one in another, and the expression at the end."""
        chain: list[str] = []
        target: s.Expr = name
        metrics = self.analysis.metrics
        while isinstance(target, s.Name) and target.name in metrics and target.name not in chain:
            chain.append(target.name)
            target = metrics[target.name].expr
        return tuple(chain), target


def _remembered(seen_of: SeenOf) -> SeenOf:
    slot = id(seen_of)

    def remembered(ev: Evaluator) -> Seen:
        """A subject seen once an evaluation, however many tiers ask for it."""
        found = ev.seen.get(slot)
        if found is None:
            found = ev.seen[slot] = seen_of(ev)
        return found
    return remembered


def _decided_inputs(inputs: Sequence[SeenOf], ev: Evaluator) -> tuple[Seen, ...]:
    """The values a value was worked out from, as seen. One that cannot be decided was not
    needed (a branch not taken, an operand of `or` after one that held): it is left out."""
    seen: list[Seen] = []
    for seen_of in inputs:
        try:
            seen.append(seen_of(ev))
        except Undecided:
            continue
    return tuple(seen)


def _reach_of(goal: s.Goal) -> Reach | None:
    """A goal's tiers as thresholds, where they compare one value with fixed thresholds and
    give fixed fulfilments, so that its result can say how far it is from the next; else None."""
    tiers: list[tuple[str, Fraction, Fraction]] = []
    otherwise = _NONE_MET
    subject: s.Expr | None = None
    for tier in goal.tiers:
        fulfilment = _written(tier)
        if fulfilment is None:
            return None
        if tier.condition is None:
            otherwise = fulfilment
            break
        condition = tier.condition
        if not isinstance(condition, s.Compare) or (subject is not None and condition.left != subject):
            return None
        threshold = _folded(condition.right)
        if threshold is None:
            return None
        subject = condition.left
        tiers.append((condition.op, threshold, fulfilment))
    if subject is None:
        return None
    return Reach(tuple(tiers), otherwise)


def _inner_steps(expr: s.Expr) -> list[s.Expr]:
    """The roundings and the least or greatest of values inside an expression (not itself),
    and what each rounding rounded: shown with their values, so that an amount can be
    followed to the krone."""
    found: list[s.Expr] = []
    pending = [expr]
    while pending:
        node = pending.pop(0)
        reads = any(True for _ in s.names_in(node)) or any(True for _ in s.goal_values_in(node))
        if isinstance(node, s.Call) and node.function in ("round", "min", "max") and reads:
            if node is not expr:
                found.append(node)
            if node.function == "round" and not isinstance(node.args[0], s.Name | s.GoalValue):
                found.append(node.args[0])
        pending.extend(s.children(node))
    return list(dict.fromkeys(found))


def _folded(expr: s.Expr) -> Fraction | None:
    """The value of arithmetic on written numbers alone (`75% of 1200`), else None."""
    value = s.literal_value(expr)
    if isinstance(value, Fraction):
        return value
    if isinstance(expr, s.Chain) and expr.op not in ("and", "or"):
        folded = _folded(expr.first)
        for op, operand in expr.steps:
            right = _folded(operand)
            if folded is None or right is None or (op == "/" and right == 0):
                return None
            folded = {"+": folded + right, "-": folded - right, "*": folded * right, "of": folded * right,
                      "/": folded / right if right else Fraction(0)}[op]
        return folded
    return None


def expr_needs(analysis: Analysis, expr: s.Expr) -> set[str]:
    """The facts and deliverables an expression reads, directly or through metrics and payments."""
    return fact_needs([expr], analysis.metrics, analysis.facts, analysis.deliverables, analysis.payments)


def _plans_for(analysis: Analysis) -> Plans:
    plans = analysis.cache.get("plans")
    if plans is None:
        plans = analysis.cache["plans"] = Plans(analysis, compiler_for(analysis))
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
    """`a and (b and c)` as [a, b, c]: one junction, however it was bracketed."""
    if isinstance(expr, s.Chain) and expr.op == op:
        return [inner for operand in expr.operands for inner in _operands(operand, op)]
    return [expr]
