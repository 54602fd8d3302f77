"""What decided each result, as data: values, operators and thresholds, never sentences.

Evaluation records evidence; `wording` turns it into English or Danish when,
and only when, someone asks for text. So the same evidence becomes a terminal
line, a sentence in a Danish report, an HTML page or JSON, and no renderer
ever reads another's words.

For each goal the evidence is a sequence of steps: the deliverables it reads
(`Delivery`), the requirements checked (`RequirementCheck`), and the tiers
tried in order (`TierTried`), each holding the `Check` that decided it. A
check records every value that decided its outcome (`Seen`): the subject and
the threshold of a comparison, each operand of `and`, `or` and `not` that was
evaluated, the facts and metrics a metric was computed from, one level down,
and the counts behind a survey figure. A goal that cannot be judged says why
(`NotEvaluable`), with reason codes and their parameters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from fractions import Fraction
from typing import Union

import attrs

from ..core.errors import Problem, Span
from ..core.values import Type, Value
from ..language import syntax as s

# ---- values and how they were found ----------------------------------------------------

# The records an evaluation makes every time (counts, seen values, checks, tiers tried,
# deliveries) are frozen but not slotted (`slots=False`): attrs fills a frozen slotted
# class field by field through object.__setattr__, and a frozen class with a __dict__ in one
# store each, which made a raw evaluation of six goals about 5% faster (benchmarks/
# rule_engines.py), for about 100 bytes more a record. The rest stay slotted.


@attrs.frozen(slots=False)
class NpsCounts:
    """The answers behind a Net Promoter Score: 9-10 promote, 7-8 are passive, 0-6 detract."""

    promoters: int
    passives: int
    detractors: int

    @property
    def answers(self) -> int:
        return self.promoters + self.passives + self.detractors


@attrs.frozen(slots=False)
class ShareCounts:
    """How many of how many: the numerator and denominator of a share, a count or `all`."""

    counted: int
    of: int


@attrs.frozen
class KeyGroup:
    """The rows of a sum over rows that looked up one key: how many, the table's value for the
    key, and what they came to (`bolig_12m: 41 × 1,500 = 61,500`)."""

    key: s.Key
    rows: int
    each: Value
    total: Value


@attrs.frozen
class RowCounts:
    """How a comprehension went through its rows: how many there were, how many met its
    `where`, the rows grouped by the key they looked up (where its value is a lookup), and,
    where its value is capped (`min(15000 kr, ...)`), how many rows the cap took off, how much
    in all, and the cap itself."""

    rows: int
    kept: int
    groups: tuple[KeyGroup, ...] = ()
    capped: int = 0
    capped_by: Value = 0
    cap: Value | None = None


Counts = Union[NpsCounts, ShareCounts, RowCounts]


@attrs.frozen(slots=False)
class Seen:
    """An expression, the value evaluation found for it, and how that value came about.

    `inputs` holds, for a metric, the facts and metrics its expression reads,
    each with its value (one level down); `counts` the answers behind a
    survey figure. A renderer decides from `expr` how to name it: a fact or a
    metric by its name, a function of one by the function's words, the
    contract's own arithmetic as written.
    """

    expr: s.Expr
    value: Value
    type: Type | None
    inputs: tuple[Seen, ...] = ()
    counts: Counts | None = None
    # For a value an `if` chose: the conditions tried, in order; the last one decided
    # (if it holds, its branch was taken; if none holds, the final `else`).
    branch: tuple[Check, ...] = ()

    @property
    def literal(self) -> bool:
        """A value written in the contract (60, 70%), not found from facts."""
        return s.signed_literal(self.expr) is not None


# ---- checks: the conditions of tiers and requirements -------------------------------------


@attrs.frozen(slots=False)
class Compared:
    """`left op right`, and whether it held."""

    left: Seen
    op: str
    right: Seen
    holds: bool


@attrs.frozen(slots=False)
class Membership:
    """`item in collection` (or `not in`), and whether it held."""

    item: Seen
    collection: Seen
    negated: bool
    holds: bool


@attrs.frozen(slots=False)
class Junction:
    """`and` or `or` with the operands that were evaluated, in order, each with its evidence.

    Evaluation stops at the operand that decides (`and` at the first that does
    not hold, `or` at the first that does), so the last part is the deciding one.
    """

    op: str
    parts: tuple[Check, ...]
    holds: bool


@attrs.frozen(slots=False)
class Negation:
    part: Check
    holds: bool


@attrs.frozen(slots=False)
class Truth:
    """A true-or-false value used as a condition: a deliverable, a bool fact, `all(deliverables)`."""

    seen: Seen
    holds: bool


Check = Union[Compared, Membership, Junction, Negation, Truth]


# ---- the steps of a goal ------------------------------------------------------------------


@attrs.frozen(slots=False)
class Delivery:
    """A deliverable a goal reads: done in time, not done, or delivered late."""

    name: str
    title: str
    done: bool
    delivered: dt.date | None = None
    due: dt.date | None = None
    late: bool = False
    pending: bool = False  # not delivered, and not due yet on the day evaluated
    # Not known though due: not in the facts, or due on a day that cannot be worked out. A goal
    # that reads it has a result only where every way it could have turned out gives the same.
    missing: bool = False


@attrs.frozen(slots=False)
class RequirementCheck:
    """`require CONDITION "reason"` checked; `reason` is the contract's own words."""

    check: Check
    reason: str

    @property
    def holds(self) -> bool:
        return self.check.holds


@attrs.frozen(slots=False)
class TierTried:
    """One tier tried. `check` is None for `else`, which always holds."""

    index: int
    check: Check | None
    fulfilment: Fraction | None  # set where the tier held
    span: Span | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def holds(self) -> bool:
        return True if self.check is None else self.check.holds


Step = Union[Delivery, RequirementCheck, TierTried]


# ---- how far a result is from changing ---------------------------------------------------


@attrs.frozen
class Move:
    """How far the subject of a goal's tiers must move to reach another fulfilment.

    `by` is exact and above zero, in the subject's own unit; `direction` is +1
    (raise it) or -1 (lower it). With `beyond`, the subject must pass that far
    rather than reach it (the tier compares with `>` or `<`). A subject that only
    takes whole values (an integer) moves in whole steps: `by` is whole, and `to`
    is the value it moves to. `answers` is, for an NPS or a share computed from
    answers, how many answers would have to change at the same number of answers
    (to 9-10 for an NPS, to meet the condition for a share, or, lowered, the other
    way), when that is possible; whole answers may jump past a tier, and then
    `by_answers` is the fulfilment those answers reach instead.
    """

    direction: int
    by: Fraction
    beyond: bool
    fulfilment: Fraction
    answers: int | None = None
    to: Fraction | None = None
    by_answers: Fraction | None = None


# ---- why a goal waits: follow-up during the year -----------------------------------------


@attrs.frozen
class Waiting:
    """What a pending result waits for: a fact measured later, a deliverable not due
    yet, or a goal or payment that is pending; with the day it is due, where known."""

    kind: str  # "fact", "deliverable", "goal" or "payment"
    name: str
    due: dt.date | None = None


# ---- why a goal is not evaluable ---------------------------------------------------------


@attrs.frozen
class Failure:
    """A calculation that could not be done: a reason code, where, and its parameters.

    `metric` names the metric whose calculation failed, when it was one.
    """

    code: str
    expr: s.Expr | None
    params: Mapping[str, object] = attrs.field(factory=dict)
    metric: str | None = None

    @property
    def span(self) -> Span | None:
        return self.expr.span if self.expr is not None else None


@attrs.frozen
class NotEvaluable:
    """Why a goal could not be judged: facts missing or invalid, deliverables due but not
    reported, a requirement that does not hold, or a calculation that failed."""

    missing: tuple[str, ...] = ()  # facts
    invalid: tuple[Problem, ...] = ()
    requirement: RequirementCheck | None = None
    failure: Failure | None = None
    deliverables: tuple[str, ...] = ()  # due, and not in the facts

    @property
    def code(self) -> str:
        """Which of the reasons, as a word for programs: missing, invalid, requirement, failure."""
        if self.missing or self.invalid or self.deliverables:
            return "invalid" if self.invalid and not (self.missing or self.deliverables) else "missing"
        return "requirement" if self.requirement is not None else "failure"


# ---- why a result does not apply in the reporting period ----------------------------------


@attrs.frozen
class NotApplicable:
    """Why a goal does not apply in the reporting period: its `applies when` condition, as
    checked, does not hold (`condition`); or it (or a payment) reads the result of goals that
    do not apply (`goals`)."""

    condition: Check | None = None
    goals: tuple[str, ...] = ()
