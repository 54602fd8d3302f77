"""What an evaluation found, as data: goal outcomes with their evidence, payments, splits.

Evaluation makes these and nothing else: no text, and no import of anything that makes
text. The classes users hold (`rk.Evaluation`, `rk.GoalResult`, `rk.Allocation`, ...) are
these with their words added (results.py), made from them where a contract is evaluated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any, Generic, Literal, Self, TypeVar

import attrs

from ..core.errors import Problem
from ..core.values import exact_sum, weighted_mean
from ..core.vocabulary import DKK
from ..semantics.distance import Distance, Reach
from ..semantics.evidence import NotApplicable, NotEvaluable, Seen, Step, Waiting
from ..semantics.periods import ReportingPeriod
from ..semantics.status import DECIDED, NOT_APPLICABLE, NOT_EVALUABLE, PENDING, Covers, State
from ..split.shares import Shares

Status = Literal["met", "partly met", "not met", "not evaluable", "pending", "not applicable"]


def status_of(fulfilment: Fraction | None, pending: bool = False, applicable: bool = True) -> Status:
    if not applicable:
        return "not applicable"
    if fulfilment is None:
        return "pending" if pending else "not evaluable"
    if fulfilment == 1:
        return "met"
    return "not met" if fulfilment == 0 else "partly met"


# Not slotted, as the evidence it holds is not (evidence.py): made for every goal of every evaluation.
@attrs.frozen(slots=False)
class GoalOutcome:
    """How far one goal was met, and the evidence of why (evidence.py).

    `steps` are the deliverables read, the requirements checked and the tiers
    tried, in order; `blocked` says why the goal is not evaluable, if it is not.
    The words are `results.GoalResult`'s, made only when asked for.
    """

    id: str
    title: str
    fulfilment: Fraction | None
    group: str | None = None
    weight: Fraction = Fraction(1)
    steps: tuple[Step, ...] = attrs.field(default=(), repr=False)
    blocked: NotEvaluable | None = attrs.field(default=None, repr=False)
    text: tuple[str, ...] = attrs.field(default=(), repr=False)
    # What a pending result waits for (evaluated as of a day during the period).
    waiting: tuple[Waiting, ...] = attrs.field(default=(), repr=False)
    # The goal's tiers as thresholds, where they compare one value: for `distance`.
    reach: Reach | None = attrs.field(default=None, repr=False)
    # The words readers see for the facts and metrics it reads (`label`), by name.
    labels: Mapping[str, str] = attrs.field(factory=dict, repr=False, eq=False)
    # Why the goal does not apply in the reporting period (`applies when`); None where it does.
    not_applicable: NotApplicable | None = attrs.field(default=None, repr=False)
    # Decided from facts measured before the reporting period ends: the result to date.
    provisional: bool = False
    # The contract's own language (`language "da"`), a code, for the views that speak without
    # being asked in which language (a notebook's); None where the contract says none.
    language: str | None = attrs.field(default=None, repr=False, eq=False)

    @property
    def distance(self) -> Distance | None:
        """How far the goal's one measured value is from its next tier, where that can be said."""
        if self.reach is None or self.fulfilment is None:
            return None
        return self.reach.distance(self.steps)

    @property
    def points(self) -> Fraction | None:
        """The goal's weight times its fulfilment: 15 points for a goal of weight 15 met in full."""
        return None if self.fulfilment is None else self.weight * self.fulfilment

    @property
    def pending(self) -> bool:
        """Not judged yet: something it needs is not due on the day evaluated."""
        return self.fulfilment is None and bool(self.waiting)

    def judged(self, *, fulfilment: Fraction | None = None, steps: tuple[Step, ...] = (),
               blocked: NotEvaluable | None = None) -> Self:
        return attrs.evolve(self, fulfilment=fulfilment, steps=steps, blocked=blocked, not_applicable=None,
                            provisional=False)

    @property
    def status(self) -> Status:
        return status_of(self.fulfilment, bool(self.waiting), self.not_applicable is None)

    @property
    def applicable(self) -> bool:
        """Whether the goal applies in the reporting period (`applies when`)."""
        return self.not_applicable is None

    @property
    def state(self) -> State:
        """Decided, not applicable, pending or not evaluable, as every value is (status.py)."""
        if self.not_applicable is not None:
            return NOT_APPLICABLE
        return DECIDED if self.fulfilment is not None else PENDING if self.waiting else NOT_EVALUABLE

    @property
    def evaluable(self) -> bool:
        return self.fulfilment is not None

    @property
    def missing(self) -> tuple[str, ...]:
        """The facts and deliverables it needs that were not given."""
        return self.blocked.missing + self.blocked.deliverables if self.blocked is not None else ()

    @property
    def invalid(self) -> tuple[Problem, ...]:
        """The problems with facts it needs that were given but are wrong."""
        return self.blocked.invalid if self.blocked is not None else ()

@attrs.frozen
class PaymentOutcome:
    """A payment worked out after the goals: its exact amount in its currency, and what it came from.

    `seen` holds the payment's value with every value it was computed from (evidence.py);
    `amount` is None when it could not be worked out (`blocked` says why) or waits
    for something not due yet (`waiting`).
    """

    name: str
    title: str | None
    amount: Fraction | None
    seen: Seen | None = None
    blocked: NotEvaluable | None = None
    waiting: tuple[Waiting, ...] = ()
    currency: str = DKK  # the ISO code of the currency it is paid in
    labels: Mapping[str, str] = attrs.field(factory=dict, repr=False, eq=False)
    # It reads goals that do not apply in the reporting period: no amount, nothing wrong.
    not_applicable: NotApplicable | None = None
    # Worked out from results measured before the reporting period ends: the amount to date.
    provisional: bool = False

    @property
    def state(self) -> State:
        """Decided, not applicable, pending or not evaluable, as every value is (status.py)."""
        if self.not_applicable is not None:
            return NOT_APPLICABLE
        return DECIDED if self.amount is not None else PENDING if self.waiting else NOT_EVALUABLE

# What an evaluation's outcomes hold: goals, payments and splits, of the classes its maker
# chose (these, or results.py's with their words).
G = TypeVar("G", bound=GoalOutcome)
P = TypeVar("P", bound=PaymentOutcome)
A = TypeVar("A", bound=Shares)
S = TypeVar("S", bound="SplitOutcome[Any, Any]")


@attrs.frozen
class SplitOutcome(Generic[P, A]):
    """A split whose total is worked out from the facts: the allocation, or why there is none."""

    name: str
    allocation: A | None
    total: P
    problems: tuple[Problem, ...] = ()  # with the table of weights in the facts

    @property
    def shown_as(self) -> str:
        """The split as readers see it named: its title, or else its name."""
        return self.total.title or self.name

    @property
    def provisional(self) -> bool:
        """Split from a total worked out from results to date."""
        return self.allocation is not None and self.total.provisional

    @property
    def state(self) -> State:
        """The total's status and the weights' combined: bad weights make it not evaluable."""
        if self.allocation is not None:
            return DECIDED
        return NOT_EVALUABLE if self.problems else self.total.state


# Not slotted, as GoalOutcome is not: one is made at every evaluation.
@attrs.frozen(slots=False)
class Outcomes(Generic[G, P, S]):
    """A contract evaluated against one set of facts."""

    title: str
    goals: Mapping[str, G]
    problems: tuple[Problem, ...] = attrs.field(default=(), repr=False)
    sources: Mapping[str, str] = attrs.field(factory=dict, repr=False, eq=False)
    parties: tuple[str, ...] = ()
    period: tuple[dt.date, dt.date] | None = None
    payments: Mapping[str, P] = attrs.field(factory=dict, repr=False)
    splits: Mapping[str, S] = attrs.field(factory=dict, repr=False)
    as_of: dt.date | None = None
    # Whether the contract weighs its goals (`weight`): then results are shown in points too.
    weighted: bool = False
    # The reporting period evaluated (`2009`; "" for a contract without `each`), and the last
    # day its facts are measured to, where that is before the period's end (else None).
    reporting_period: ReportingPeriod | None = None
    measured_until: dt.date | None = None
    # The party whose results these are, where the facts say (`"party"`): `rk compare`'s label.
    party: str | None = None
    # The contract's own language (`language "da"`), as on its goals; None where it says none.
    language: str | None = attrs.field(default=None, eq=False)

    @property
    def provisional(self) -> bool:
        """The overall (and points) are worked out from a goal that is provisional."""
        return any(g.provisional for g in self.goals.values() if g.fulfilment is not None)

    @property
    def not_applicable(self) -> tuple[str, ...]:
        """The goals that do not apply in the reporting period: left out of the overall and
        the points, and never counted as a problem."""
        return tuple(g.id for g in self.goals.values() if g.not_applicable is not None)

    @property
    def points(self) -> Fraction | None:
        """The points reached, the sum of weight x fulfilment; None while any goal that
        applies has none."""
        if any(g.fulfilment is None and g.not_applicable is None for g in self.goals.values()):
            return None
        return self.points_reached

    @property
    def points_reached(self) -> Fraction:
        """The points of the goals that have a result, whatever the others."""
        return exact_sum(g.points for g in self.goals.values() if g.points is not None)

    @property
    def points_possible(self) -> Fraction:
        """The weights of the goals that apply in the reporting period."""
        return exact_sum(g.weight for g in self.goals.values() if g.not_applicable is None)

    @property
    def points_possible_decided(self) -> Fraction:
        """The weights of the goals that have a result: what the points reached are out of."""
        return exact_sum(g.weight for g in self.goals.values() if g.fulfilment is not None)

    @property
    def pending(self) -> tuple[str, ...]:
        return tuple(g.id for g in self.goals.values() if g.pending)

    @property
    def overall(self) -> Fraction | None:
        """The weight-averaged fulfilment of the goals that could be evaluated."""
        return weighted_mean((g.weight, g.fulfilment) for g in self.goals.values() if g.fulfilment is not None)

    @property
    def covers(self) -> Covers:
        """What `overall` covers: the goals it averages, and those it leaves out and why.

        The overall is marked provisional while it is a result to date: some goal it averages
        is provisional, or some goal is still pending (its result may change the overall)."""
        goals = self.goals.values()
        decided = tuple(g.id for g in goals if g.state == DECIDED)
        pending = tuple(g.id for g in goals if g.state == PENDING)
        weights = {g.weight for g in goals if g.state == DECIDED}
        return Covers(decided, pending, tuple(g.id for g in goals if g.state == NOT_EVALUABLE),
                      tuple(g.id for g in goals if g.state == NOT_APPLICABLE), weighted=len(weights) > 1,
                      provisional=self.provisional or bool(pending and decided))

    @property
    def not_evaluable(self) -> tuple[str, ...]:
        """The goals that apply but have no result: not evaluable, or pending."""
        return tuple(g.id for g in self.goals.values() if g.fulfilment is None and g.not_applicable is None)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


def _same(shares: Shares) -> Shares:
    return shares


@attrs.frozen
class Made:
    """The classes an evaluation makes its outcomes as: the data here, or the same data with
    its words (output/results.py `MADE`), as the caller chooses. Evaluation only fills them
    in, and never calls their words."""

    goal: type[GoalOutcome] = GoalOutcome
    payment: type[PaymentOutcome] = PaymentOutcome
    split: type[SplitOutcome[Any, Any]] = SplitOutcome
    shares: Callable[[Shares], Shares] = _same


OUTCOMES = Made()
