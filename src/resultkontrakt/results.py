"""What an evaluation found: goal results with their evidence, evaluations, splits.

These hold data. Sentences come from explain.py in a `Wording`'s language,
JSON from jsondata.py, reports from report.py; each is made when asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import Literal

from . import escape
from .errors import Problem
from .distance import Distance, Reach
from .evidence import NotEvaluable, Seen, Step, Waiting
from .explain import (
    distance_text, not_evaluable, payment_text, points_text, reasoning, waiting_text,
)
from .jsondata import (
    blocked_dict, distance_dict, money_text, points_number, problem_dict, seen_dict, step_dict,
    waiting_dict, weight_number,
)
from .records import changed, field, Record, record
from .status import DECIDED, NOT_EVALUABLE, PENDING, State
from .values import format_number, format_percent, fraction_text, percent_number
from .vocabulary import MONEY_UNITS
from .wording import ENGLISH, Language, Wording, wording_for

Status = Literal["met", "partly met", "not met", "not evaluable", "pending"]


def status_of(fulfilment: Fraction | None, pending: bool = False) -> Status:
    if fulfilment is None:
        return "pending" if pending else "not evaluable"
    if fulfilment == 1:
        return "met"
    return "not met" if fulfilment == 0 else "partly met"


@record
class GoalResult(Record):
    """How far one goal was met, and the evidence of why (evidence.py).

    `steps` are the deliverables read, the requirements checked and the tiers
    tried, in order; `blocked` says why the goal is not evaluable, if it is not.
    Words are made only when asked for: `explain()`, `reasoning()`, `to_dict()`.
    """

    id: str
    title: str
    fulfilment: Fraction | None
    group: str | None = None
    weight: Fraction = Fraction(1)
    steps: tuple[Step, ...] = field(default=(), repr=False)
    blocked: NotEvaluable | None = field(default=None, repr=False)
    text: tuple[str, ...] = field(default=(), repr=False)
    # What a pending result waits for (evaluated as of a day during the period).
    waiting: tuple[Waiting, ...] = field(default=(), repr=False)
    # The goal's tiers as thresholds, where they compare one value: for `distance`.
    reach: Reach | None = field(default=None, repr=False)

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
               blocked: NotEvaluable | None = None) -> GoalResult:
        return changed(self, fulfilment=fulfilment, steps=steps, blocked=blocked)

    @property
    def status(self) -> Status:
        return status_of(self.fulfilment, bool(self.waiting))

    @property
    def state(self) -> State:
        """Decided, pending or not evaluable, as every value is (status.py)."""
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

    @property
    def reason(self) -> str | None:
        """Why it is not evaluable, in English; None if it is."""
        return not_evaluable(self.blocked, ENGLISH) if self.blocked is not None else None

    def explain(self, language: Language = ENGLISH) -> str:
        """One sentence: the goal, its outcome, and the numbers that decided it."""
        wording = wording_for(language)
        head = f"{wording['goal']} {self.id} ({self.title}): {wording[self.status]}"
        if self.fulfilment is None:
            return f"{head}: {self.reasoning(wording)}"
        return f"{head}, {wording.percent(self.fulfilment)}. {self.reasoning(wording)}"

    def reasoning(self, language: Language = ENGLISH) -> str:
        """Why the goal came out as it did, without the heading."""
        wording = wording_for(language)
        if self.pending:
            return waiting_text(self.waiting, wording) + "."
        return reasoning(self.steps, self.fulfilment, self.blocked, wording)

    def distance_sentence(self, language: Language = ENGLISH) -> str | None:
        """How far the goal's measured value is from its next tier, where that can be said:
        `NPS 57: reaches 100% if it rises by 3 (12 more answers of 9-10 of the 400); ...`."""
        distance = self.distance
        if distance is None:
            return None
        text = distance_text(distance, self.fulfilment, wording_for(language))
        return text if text.endswith(".") else text + "."

    def __repr__(self) -> str:
        shown = "" if self.fulfilment is None else f", {format_percent(self.fulfilment)}"
        title = self.title if len(self.title) <= 40 else self.title[:39] + "…"
        return f"<GoalResult {self.id} {title!r}: {self.status}{shown}>"

    def to_dict(self, language: Language = ENGLISH) -> dict[str, object]:
        """The result as JSON data (resultkontrakt/schema/eval.json), explained in `language`:
        "en", "da" or a Wording."""
        w = wording_for(language)
        return {
            "id": self.id,
            "title": self.title,
            "group": self.group,
            "weight": weight_number(self.weight),
            "points": points_number(self.points),
            "status": self.status,
            "fulfilment": percent_number(self.fulfilment) if self.fulfilment is not None else None,
            "fulfilment_exact": fraction_text(self.fulfilment * 100) if self.fulfilment is not None else None,
            "explanation": self.reasoning(w),
            "reason": not_evaluable(self.blocked, w) if self.blocked is not None else None,
            "not_evaluable": blocked_dict(self.blocked, w) if self.blocked is not None else None,
            "missing": list(self.missing),
            "invalid": [problem_dict(p, w) for p in self.invalid],
            "steps": [step_dict(step, w) for step in self.steps],
            "waiting": [waiting_dict(item) for item in self.waiting],
            "distance": distance_dict(distance, w) if (distance := self.distance) is not None else None,
            "text": "\n\n".join(self.text) or None,
        }


@record
class PaymentResult(Record):
    """A payment worked out after the goals: its exact amount in kroner, and what it came from.

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

    @property
    def state(self) -> State:
        """Decided, pending or not evaluable, as every value is (status.py)."""
        return DECIDED if self.amount is not None else PENDING if self.waiting else NOT_EVALUABLE

    def explain(self, language: Language = ENGLISH, *, formula: bool = True) -> str:
        """One sentence: the amount, how it is worked out (unless `formula` is false, as in
        the reports, which show no code), and every value it was computed from."""
        return payment_text(self, wording_for(language), formula)

    def to_dict(self, language: Language = ENGLISH) -> dict[str, object]:
        w = wording_for(language)
        return {
            "name": self.name,
            "title": self.title,
            "amount": money_text(self.amount) if self.amount is not None else None,
            "unit": "kr",
            "status": "worked out" if self.state == DECIDED else self.state,
            "explanation": self.explain(w),
            "not_evaluable": blocked_dict(self.blocked, w) if self.blocked is not None else None,
            "waiting": [waiting_dict(item) for item in self.waiting],
            "value": seen_dict(self.seen) if self.seen is not None else None,
        }

    def __repr__(self) -> str:
        shown = "not evaluable" if self.amount is None else f"{money_text(self.amount)} kr"
        return f"<PaymentResult {self.name}: {shown}>"


@record
class SplitResult(Record):
    """A split whose total is worked out from the facts: the allocation, or why there is none."""

    name: str
    allocation: Allocation | None
    total: PaymentResult
    problems: tuple[Problem, ...] = ()  # with the table of weights in the facts

    @property
    def state(self) -> State:
        """The total's status and the weights' combined: bad weights make it not evaluable."""
        if self.allocation is not None:
            return DECIDED
        return NOT_EVALUABLE if self.problems else self.total.state

    def __repr__(self) -> str:
        return f"<SplitResult {self.name}: {self.allocation!r}>"


@record
class Evaluation(Record):
    """A contract evaluated against one set of facts."""

    title: str
    goals: Mapping[str, GoalResult]
    problems: tuple[Problem, ...] = field(default=(), repr=False)
    sources: Mapping[str, str] = field(factory=dict, repr=False, eq=False)
    parties: tuple[str, ...] = ()
    period: tuple[dt.date, dt.date] | None = None
    payments: Mapping[str, PaymentResult] = field(factory=dict, repr=False)
    splits: Mapping[str, SplitResult] = field(factory=dict, repr=False)
    as_of: dt.date | None = None
    # Whether the contract weighs its goals (`weight`): then results are shown in points too.
    weighted: bool = False

    @property
    def points(self) -> Fraction | None:
        """The points reached, the sum of weight x fulfilment; None while any goal has none."""
        if any(g.fulfilment is None for g in self.goals.values()):
            return None
        return self.points_reached

    @property
    def points_reached(self) -> Fraction:
        """The points of the goals that have a result, whatever the others."""
        return sum((g.points for g in self.goals.values() if g.points is not None), Fraction(0))

    @property
    def points_possible(self) -> Fraction:
        return sum((g.weight for g in self.goals.values()), Fraction(0))

    @property
    def pending(self) -> tuple[str, ...]:
        return tuple(g.id for g in self.goals.values() if g.pending)

    @property
    def overall(self) -> Fraction | None:
        """The weight-averaged fulfilment of the goals that could be evaluated."""
        evaluable = [g for g in self.goals.values() if g.fulfilment is not None]
        total_weight = sum((g.weight for g in evaluable), Fraction(0))
        if not total_weight:
            return None
        return sum((g.weight * g.fulfilment for g in evaluable if g.fulfilment is not None),
                   Fraction(0)) / total_weight

    @property
    def not_evaluable(self) -> tuple[str, ...]:
        """The goals without a result: not evaluable, or pending."""
        return tuple(g.id for g in self.goals.values() if g.fulfilment is None)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    def explain(self, language: Language = ENGLISH) -> str:
        """Every goal in one sentence each, then the overall result, in `language`: "en"
        (the default) or "da", or a `Wording`."""
        wording = wording_for(language)
        lines = [g.explain(wording) for g in self.goals.values()]
        lines.append(self.overall_sentence(wording))
        if self.weighted:
            lines.append(self.points_sentence(wording))
        lines += [payment.explain(wording) for payment in self.payments.values()]
        return "\n".join(lines)

    def points_sentence(self, language: Language = ENGLISH) -> str:
        """`Points: 75.5 of 100 points.`, or which goals the total still lacks."""
        return points_text(self.points, self.points_reached, self.points_possible,
                           self.not_evaluable, wording_for(language)) + "."

    def overall_sentence(self, language: Language = ENGLISH) -> str:
        """`Overall: ≈72.22%, the weighted average of 9 goals.` in `language`."""
        wording = wording_for(language)
        overall = self.overall
        evaluable = len(self.goals) - len(self.not_evaluable)
        blocked = [g for g in self.not_evaluable if g not in self.pending]
        if overall is None and not (self.pending and not evaluable):
            key = "overall weightless" if evaluable else "overall none"
            return wording.phrase(key, n=len(self.goals)) + "."
        if overall is None:  # no goal has a result, and some wait: say which, and which cannot
            text = wording.phrase("overall all pending", len(self.pending), n=len(self.pending),
                                  ids=", ".join(self.pending))
        else:
            text = wording.phrase("overall", evaluable, overall=wording.percent(overall), n=evaluable)
        if blocked:
            text += "; " + wording.phrase("overall not evaluable", len(blocked), n=len(blocked),
                                          ids=", ".join(blocked))
        if self.pending and overall is not None:
            text += "; " + wording.phrase("overall pending", len(self.pending), n=len(self.pending),
                                          ids=", ".join(self.pending))
        return text + "."

    def to_dict(self, language: Language = ENGLISH) -> dict[str, object]:
        """The evaluation as JSON data: the shape of `rk eval --format json`, documented by
        resultkontrakt/schema/eval.json."""
        wording = wording_for(language)
        overall = self.overall
        return {
            "contract": self.title,
            "language": wording.lang,
            "parties": list(self.parties),
            "period": [d.isoformat() for d in self.period] if self.period else None,
            "as_of": self.as_of.isoformat() if self.as_of is not None else None,
            "goals": [g.to_dict(wording) for g in self.goals.values()],
            "points": points_number(self.points),
            "points_possible": points_number(self.points_possible),
            "points_reached": points_number(self.points_reached),
            "payments": [payment.to_dict(wording) for payment in self.payments.values()],
            "splits": [split_dict(split, wording) for split in self.splits.values()],
            "overall": {
                "fulfilment": percent_number(overall) if overall is not None else None,
                "fulfilment_exact": fraction_text(overall * 100) if overall is not None else None,
                "evaluable": len(self.goals) - len(self.not_evaluable),
                "not_evaluable": len(self.not_evaluable),
                "explanation": self.overall_sentence(wording),
            },
            "problems": [problem_dict(p, wording) for p in self.problems],
        }

    def __repr__(self) -> str:
        overall = self.overall
        shown = format_percent(overall) if overall is not None else "not evaluable"
        return f"<Evaluation {self.title!r}: {len(self.goals)} goals, overall {shown}>"

    def _repr_html_(self) -> str:
        """For notebooks such as Jupyter: a table of the goals, styled inline only."""
        return _evaluation_html(self)


# ---- the grant split ------------------------------------------------------------


@record
class PartyShare(Record):
    """One party's part of a split, with how it came about.

    Amounts are in the split's unit of account (tkr for `unit 1 tkr`), over all
    installments. The margins are the smallest fall and rise in the party's
    weight, the others unchanged, that would change its amount (None: none would).
    """

    party: str
    weight: Fraction
    amount: Fraction
    quota: Fraction
    per_installment: int  # units billed each installment
    tie: bool = False
    margin_down: Fraction | None = None
    margin_up: Fraction | None = None


@record
class Allocation(Record, Mapping[str, "Fraction | int"]):
    """A split worked out: party -> amount in the split's unit, adding up to the total exactly."""

    name: str
    unit: str  # the unit of account: "kr", "tkr" or "mio kr"
    unit_size: Fraction  # the smallest amount billed, in `unit`
    total: Fraction  # in `unit`
    installments: int
    method: str
    key: str | None
    shares: tuple[PartyShare, ...] = field(repr=False)
    margins: bool = field(default=True, repr=False)
    # Each party's share by name: looking one up must not go through them all.
    _by_party: dict[str, PartyShare] = field(init=False, repr=False, eq=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_party", {share.party: share for share in self.shares})

    def __getitem__(self, party: str) -> Fraction | int:
        return _whole(self._by_party[party].amount)

    def __iter__(self) -> Iterator[str]:
        return (share.party for share in self.shares)

    def __len__(self) -> int:
        return len(self.shares)

    @property
    def weight_total(self) -> Fraction:
        return sum((share.weight for share in self.shares), Fraction(0))

    def headline(self) -> str:
        """What is split, how, and in what units, in one sentence."""
        per = self.total / self.installments
        return (f"{self.name}: {_money(self.total, self.unit)} split by "
                f"{self.key or 'weight'} ({self.method}"
                + (f", {self.installments} installments of {_money(per, self.unit)}"
                   if self.installments > 1 else "")
                + f", in units of {_money(self.unit_size, self.unit)}).")

    def explain(self) -> str:
        """How each amount came about, one sentence per party."""
        lines = [self.headline()]
        weights = self.weight_total
        for share in self.shares:
            quota = share.quota / self.installments
            times = f" x {self.installments}" if self.installments > 1 else ""
            rounding = "" if quota.denominator == 1 else (
                " (rounded up" if share.per_installment * self.unit_size > quota else " (rounded down")
            if rounding:
                rounding += ", decided by a tie)" if share.tie else ")"
            line = (f"{share.party}: weight {format_number(share.weight)} of {format_number(weights)}, "
                    f"quota {format_number(quota)}{' ' + self.unit if self.unit else ''}"
                    f"{' per installment' if self.installments > 1 else ''}; gets "
                    f"{format_number(share.per_installment * self.unit_size)}{rounding}{times} = "
                    f"{_money(share.amount, self.unit)}")
            margin = self.margin_text(share)
            lines.append(f"{line}; {margin}." if margin else f"{line}.")
        lines.append(f"Total: {_money(sum((s.amount for s in self.shares), Fraction(0)), self.unit)}.")
        return "\n".join(lines)

    @staticmethod
    def margin_text(share: PartyShare) -> str:
        if share.margin_down is None and share.margin_up is None:
            return ""
        parts = []
        if share.margin_down is not None:
            parts.append(f"falls by {format_number(share.margin_down)}")
        if share.margin_up is not None:
            parts.append(f"rises by {format_number(share.margin_up)}")
        return "the amount changes if its weight " + " or ".join(parts)

    def to_dict(self) -> dict[str, object]:
        return {
            "split": self.name,
            "unit": self.unit,
            "total": _json_number(self.total),
            "shares": {share.party: _json_number(share.amount) for share in self.shares},
            "method": self.method,
            "installments": self.installments,
            "unit_size": _json_number(self.unit_size),
            "key": self.key,
            "parties": [
                {
                    "party": share.party,
                    "weight": _json_number(share.weight),
                    "amount": _json_number(share.amount),
                    "quota": fraction_text(share.quota),
                    "per_installment": _json_number(share.per_installment * self.unit_size),
                    "tie": share.tie,
                    "margin_down": _json_number(share.margin_down) if share.margin_down is not None else None,
                    "margin_up": _json_number(share.margin_up) if share.margin_up is not None else None,
                }
                for share in self.shares
            ],
        }

    def _repr_html_(self) -> str:
        """For notebooks: the split as a table, styled inline only."""
        return _allocation_html(self)

    def __repr__(self) -> str:
        shown = ", ".join(f"{s.party}: {format_number(s.amount)}" for s in self.shares[:4])
        more = ", …" if len(self.shares) > 4 else ""
        return (f"<Allocation {self.name!r}: {_money(self.total, self.unit)} among "
                f"{len(self.shares)} parties ({shown}{more})>")


def _whole(value: Fraction) -> Fraction | int:
    return value.numerator if value.denominator == 1 else value


def _json_number(value: Fraction | int) -> int | float:
    value = Fraction(value)
    # Amounts are whole units; a fractional unit (0.5 tkr) is a short decimal.
    return value.numerator if value.denominator == 1 else float(value)


def _money(amount: Fraction, unit: str) -> str:
    return f"{format_number(amount)} {unit}".rstrip()


# ---- for notebooks: fragments that style only themselves, never the rest of the notebook ----

_COLOURS = {"met": "#2e7d4f", "partly met": "#c58a16", "not met": "#b3372f", "not evaluable": "#8a94a3",
            "pending": "#3a6ea5"}


def _evaluation_html(evaluation: Evaluation, wording: Wording = ENGLISH) -> str:
    """An evaluation as an HTML table: each goal's status, fulfilment, a bar and why."""
    e = escape.html
    rows = []
    for goal in evaluation.goals.values():
        share = goal.fulfilment or Fraction(0)
        bar = (f'<div style="width:8em;height:.7em;background:#eef1f5;border-radius:.35em">'
               f'<div style="width:{float(share * 100):g}%;height:100%;border-radius:.35em;'
               f'background:{_COLOURS[goal.status]}"></div></div>') if goal.fulfilment is not None else ""
        shown = wording.percent(goal.fulfilment) if goal.fulfilment is not None else ""
        rows.append(f'<tr><td>{e(goal.id)}</td><td style="text-align:left">{e(goal.title)}</td>'
                    f'<td style="color:{_COLOURS[goal.status]};font-weight:600">{e(wording[goal.status])}</td>'
                    f'<td>{e(shown)}</td><td>{bar}</td>'
                    f'<td style="text-align:left">{e(goal.reasoning(wording))}</td></tr>')
    return (f"<div><p><strong>{e(evaluation.title)}</strong>: {e(evaluation.overall_sentence(wording))}</p>"
            f"<table><tbody>{''.join(rows)}</tbody></table></div>")


def _allocation_html(allocation: Allocation, wording: Wording = ENGLISH) -> str:
    """A split as an HTML table: each party's weight and amount."""
    e = escape.html
    account = MONEY_UNITS[allocation.unit]
    rows = "".join(f"<tr><td style=\"text-align:left\">{e(s.party)}</td><td>{e(wording.number(s.weight))}</td>"
                   f"<td>{e(wording.money(s.amount * account, allocation.unit))}</td></tr>"
                   for s in allocation.shares)
    return (f"<div><p><strong>{e(allocation.headline())}</strong></p>"
            f"<table><tbody>{rows}</tbody></table></div>")


def split_dict(split: SplitResult, wording: Wording) -> dict[str, object]:
    """A split of a total worked out from the facts, as JSON: the allocation and its total."""
    return {"name": split.name, "status": split.state, "total": split.total.to_dict(wording),
            "allocation": split.allocation.to_dict() if split.allocation is not None else None}
