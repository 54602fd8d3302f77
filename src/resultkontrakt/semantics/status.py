"""One model of statuses: what a value is when it cannot be worked out, and how statuses combine.

Every value evaluation works out (a goal's fulfilment, a metric, a payment, a split's total,
`points`, `overall`, a change between two years) is in one of three statuses:

- *decided*: it has a value;
- *pending*: it needs something that is not due yet on the day evaluated (a deliverable before
  its due date, a fact measured at the end of the period, a goal or payment that is pending);
- *not evaluable*: something given is invalid, something due is missing, a requirement does
  not hold, or a calculation fails (a division by zero).

Whatever reads several values combines their statuses by one rule, the same whatever the order
of the operands: the worst status wins,

    not evaluable  >  pending  >  decided

and the reasons of the operands with that status are kept. The operators' meaning adds two
cases that hold in either order: `and` is false as soon as one operand is false, and `or` true
as soon as one is true, whatever the other operand's status, since no value it could take
would change the outcome; `if` reads its condition and then only the branch it takes.

A fourth status comes with reporting periods: *not applicable*, a goal whose `applies when`
does not hold in the reporting period, and whatever reads such a goal's result
(`fulfilment(goal 3)`, `points(goal 3)`): it has no value, and nothing is wrong or waited for.
It ranks between decided and pending,

    not evaluable  >  pending  >  not applicable  >  decided

so that a value that reads a goal that does not apply and a fact that is missing is not
evaluable, and one that reads it and a decided value is not applicable, in either order.
`overall` and `points` are no readers of that kind: they leave out the goals that do not
apply, as if the contract had no such goal this period.

While an expression is evaluated, a value that cannot be decided is raised as an `Undecided`:
`Blocked` (not evaluable, with the `NotEvaluable` that says why; `Failed` where a calculation
failed), `Waits` (pending, with what it waits for) or `Inapplicable` (not applicable, with the
goals that do not apply). `joined` combines two of them by the rule
above.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import attrs

if TYPE_CHECKING:
    from ..core.errors import Problem
    from .evidence import Failure, NotEvaluable, Waiting

State = Literal["decided", "not applicable", "pending", "not evaluable"]
DECIDED: State = "decided"
NOT_APPLICABLE: State = "not applicable"
PENDING: State = "pending"
NOT_EVALUABLE: State = "not evaluable"

# How bad each status is: the worst of the operands' statuses is the status of what reads them.
RANK: dict[State, int] = {DECIDED: 0, NOT_APPLICABLE: 1, PENDING: 2, NOT_EVALUABLE: 3}


def worst(*states: State) -> State:
    """The status of a value that reads values of these statuses (decided if there are none)."""
    return max(states, key=RANK.__getitem__, default=DECIDED)


class Undecided(Exception):
    """A value that cannot be decided: raised where it is found, caught where a result is made."""

    state: State

    def joined(self, other: Undecided) -> Undecided:
        """Both operands undecided: the worse wins; of the same status, the reasons of both."""
        if RANK[other.state] > RANK[self.state]:
            return other
        if RANK[other.state] < RANK[self.state]:
            return self
        return self._merged(other)

    def _merged(self, other: Undecided) -> Undecided:
        raise NotImplementedError


class Blocked(Undecided):
    """Not evaluable, with why: facts missing or invalid, deliverables due but not reported, a
    requirement that does not hold, or a calculation that failed (`NotEvaluable`)."""

    state = NOT_EVALUABLE

    def __init__(self, blocked: NotEvaluable):
        super().__init__(blocked.code)
        self._blocked = blocked

    @property
    def blocked(self) -> NotEvaluable:
        return self._blocked

    def _merged(self, other: Undecided) -> Undecided:
        assert isinstance(other, Blocked)
        joined = joined_blocked(self.blocked, other.blocked)
        assert joined is not None
        return Blocked(joined)


class Failed(Blocked):
    """Evaluating one expression failed; what reads it is not evaluable, and says why."""

    def __init__(self, failure: Failure):
        Exception.__init__(self, failure.code)
        self.failure = failure

    @property
    def blocked(self) -> NotEvaluable:
        from .evidence import NotEvaluable

        return NotEvaluable(failure=self.failure)

    def _merged(self, other: Undecided) -> Undecided:
        if isinstance(other, Failed):  # of two failures, one is told: the same in either order
            return self if _order(self.failure) <= _order(other.failure) else other
        return super()._merged(other)


class Waits(Undecided):
    """A value that needs something not due yet: pending, with everything it waits for."""

    state = PENDING

    def __init__(self, waiting: tuple[Waiting, ...]):
        super().__init__("pending")
        self.waiting = waiting

    def _merged(self, other: Undecided) -> Undecided:
        assert isinstance(other, Waits)
        return Waits(merged_waiting(self.waiting, other.waiting))


class Inapplicable(Undecided):
    """A value that reads the result of goals that do not apply in the reporting period."""

    state = NOT_APPLICABLE

    def __init__(self, goals: tuple[str, ...]):
        super().__init__("not applicable")
        self.goals = goals

    def _merged(self, other: Undecided) -> Undecided:
        assert isinstance(other, Inapplicable)
        return Inapplicable(tuple(sorted(set(self.goals) | set(other.goals))))


def merged_waiting(*lists: tuple[Waiting, ...]) -> tuple[Waiting, ...]:
    """What several values wait for, each thing once, in one order whatever the order given."""
    found = {(item.kind, item.name): item for items in lists for item in items}
    return tuple(found[key] for key in sorted(found))


def joined_blocked(*reasons: NotEvaluable | None) -> NotEvaluable | None:
    """Why several values are not evaluable, as one reason: every name missing or invalid,
    every deliverable not reported, the first requirement, and one failure (as `Failed` tells
    one), the same whatever the order given."""
    found = [reason for reason in reasons if reason is not None]
    if len(found) <= 1:
        return found[0] if found else None
    from .evidence import NotEvaluable

    failures = [reason.failure for reason in found if reason.failure is not None]
    invalid: list[Problem] = []
    for problem in (problem for reason in found for problem in reason.invalid):
        if problem not in invalid:
            invalid.append(problem)
    return NotEvaluable(
        missing=tuple(sorted({name for reason in found for name in reason.missing})),
        invalid=tuple(invalid),
        requirement=next((reason.requirement for reason in found if reason.requirement is not None), None),
        failure=min(failures, key=_order) if failures else None,
        deliverables=tuple(sorted({name for reason in found for name in reason.deliverables})),
    )


def _order(failure: Failure) -> tuple[str, int, int]:
    """Which of two failures is told: the same one in either order of the operands (by its
    reason code, then where it stands in the contract)."""
    span = failure.span
    return failure.code, (span.line if span else 0), (span.column if span else 0)



@attrs.frozen
class Covers:
    """What an overall result covers: the goals it averages (`decided`) and those it leaves
    out, by why (`pending`, `not_evaluable`, `not_applicable`), as goal ids in the contract's
    order. No overall is shown without it: 100 % of 1 goal while 2 are pending is another
    result than 100 % of 3.

    `weighted` says whether the goals it averages weigh differently (then the overall is a
    weighted average, else a plain one); `provisional` whether it is a result to date.
    """

    decided: tuple[str, ...] = ()
    pending: tuple[str, ...] = ()
    not_evaluable: tuple[str, ...] = ()
    not_applicable: tuple[str, ...] = ()
    weighted: bool = False
    provisional: bool = False

    @property
    def complete(self) -> bool:
        """Every goal that applies has a result: the overall is over all of them."""
        return not self.pending and not self.not_evaluable

    @property
    def applicable(self) -> int:
        """How many goals apply in the period: what a complete overall is over."""
        return len(self.decided) + len(self.pending) + len(self.not_evaluable)
