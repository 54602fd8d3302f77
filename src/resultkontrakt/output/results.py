"""The results users hold: an evaluation's outcomes (outcomes.py) with their words.

`rk.Evaluation`, `rk.GoalResult`, `rk.PaymentResult`, `rk.SplitResult` and `rk.Allocation`
are the data evaluation and splitting make, each with the renderings a reader asks for:
`explain()` in English or Danish, `to_dict()` for JSON, HTML for a notebook. Nothing below
this module makes text; this one makes it only when asked (`evaluation_of` and
`allocation_of` turn the data into these, where a contract is evaluated or split).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..core import escape
from ..core.values import format_percent, fraction_text, percent_number
from ..core.vocabulary import unit_of
from ..core.wording import ENGLISH, Language, Wording, wording_for
from ..evaluation.outcomes import (
    DECIDED,
    GoalOutcome,
    Made,
    Outcomes,
    PaymentOutcome,
    SplitOutcome,
    Status,
    status_of,
)
from ..split import said
from ..split.shares import PartyShare, Shares
from ..words.explain import (
    distance_text,
    not_applicable_text,
    not_evaluable,
    payment_text,
    points_text,
    reasoning,
    waiting_text,
)
from ..words.jsondata import (
    blocked_dict,
    covers_dict,
    distance_dict,
    money_text,
    not_applicable_dict,
    period_dict,
    points_number,
    problem_dict,
    seen_dict,
    step_dict,
    waiting_dict,
    weight_number,
)
from ..words.overall import overall_sentence

__all__ = [
    "MADE",
    "Allocation",
    "Evaluation",
    "GoalResult",
    "PartyShare",
    "PaymentResult",
    "SplitResult",
    "Status",
    "allocation_of",
    "status_of",
]


@attrs.frozen(slots=False)
class GoalResult(GoalOutcome):
    """How far one goal was met, and the evidence of why (evidence.py), with its words:
    `explain()`, `reasoning()`, `to_dict()`, made only when asked for."""

    @property
    def reason(self) -> str | None:
        """Why it is not evaluable, in English; None if it is."""
        return not_evaluable(self.blocked, ENGLISH.labelled(self.labels)) if self.blocked is not None else None

    def explain(self, language: Language = ENGLISH) -> str:
        """One sentence: the goal, its outcome, and the numbers that decided it."""
        wording = wording_for(language).labelled(self.labels)
        head = f"{wording['goal']} {self.id} ({self.title}): {wording[self.status]}"
        provisional = f" ({wording['provisional']})" if self.provisional else ""
        if self.fulfilment is None:  # not applicable, from facts measured to date, is provisional too
            return f"{head}{provisional}: {self.reasoning(wording)}"
        return f"{head}, {wording.percent(self.fulfilment)}{provisional}. {self.reasoning(wording)}"

    def reasoning(self, language: Language = ENGLISH) -> str:
        """Why the goal came out as it did, without the heading."""
        wording = wording_for(language).labelled(self.labels)
        if self.not_applicable is not None:
            return not_applicable_text(self.not_applicable, wording) + "."
        if self.pending:
            return waiting_text(self.waiting, wording) + "."
        return reasoning(self.steps, self.fulfilment, self.blocked, wording)

    def distance_sentence(self, language: Language = ENGLISH) -> str | None:
        """How far the goal's measured value is from its next tier, where that can be said:
        `NPS 57: reaches 100% if it rises by 3 (12 more answers of 9-10 of the 400); ...`."""
        distance = self.distance
        if distance is None:
            return None
        text = distance_text(distance, self.fulfilment, wording_for(language).labelled(self.labels))
        return text if text.endswith(".") else text + "."

    def __repr__(self) -> str:
        shown = "" if self.fulfilment is None else f", {format_percent(self.fulfilment)}"
        title = self.title if len(self.title) <= 40 else self.title[:39] + "…"
        return f"<GoalResult {self.id} {title!r}: {self.status}{shown}>"

    def _repr_html_(self) -> str:
        """For notebooks: the goal's status, fulfilment, a bar and why, in the contract's
        language (English where it says none), styled inline only."""
        return _goal_html(self, wording_for(self.language or "en"))

    def to_dict(self, language: Language = ENGLISH) -> dict[str, object]:
        """The result as JSON data (resultkontrakt/schema/eval.json), explained in `language`:
        "en", "da" or a Wording."""
        w = wording_for(language).labelled(self.labels)
        return {
            "id": self.id,
            "title": self.title,
            "group": self.group,
            "weight": weight_number(self.weight),
            "points": points_number(self.points),
            "status": self.status,
            "provisional": self.provisional,
            "not_applicable": not_applicable_dict(self.not_applicable, w),
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


@attrs.frozen
class PaymentResult(PaymentOutcome):
    """A payment worked out after the goals: its exact amount in its currency, what it came from,
    and its words."""

    def explain(self, language: Language = ENGLISH, *, formula: bool = True) -> str:
        """One sentence: the amount, how it is worked out in words with every value it was
        computed from, and why a value an `if` chose is what it is. No code: `formula` is
        kept for callers that still pass it, and changes nothing."""
        return payment_text(self, wording_for(language).labelled(self.labels), formula)

    def to_dict(self, language: Language = ENGLISH) -> dict[str, object]:
        w = wording_for(language).labelled(self.labels)
        return {
            "name": self.name,
            "title": self.title,
            "amount": money_text(self.amount) if self.amount is not None else None,
            "unit": unit_of(self.currency),
            "currency": self.currency,
            "status": "worked out" if self.state == DECIDED else self.state,
            "provisional": self.provisional,
            "not_applicable": not_applicable_dict(self.not_applicable, w),
            "explanation": self.explain(w),
            "not_evaluable": blocked_dict(self.blocked, w) if self.blocked is not None else None,
            "waiting": [waiting_dict(item) for item in self.waiting],
            "value": seen_dict(self.seen, w.labelled(self.labels).units) if self.seen is not None else None,
        }

    def __repr__(self) -> str:
        shown = "not evaluable" if self.amount is None else f"{money_text(self.amount)} {unit_of(self.currency)}"
        return f"<PaymentResult {self.name}: {shown}>"


@attrs.frozen
class SplitResult(SplitOutcome["PaymentResult", "Allocation"]):
    """A split whose total is worked out from the facts: the allocation, or why there is none."""

    def __repr__(self) -> str:
        return f"<SplitResult {self.name}: {self.allocation!r}>"


@attrs.frozen(slots=False)
class Evaluation(Outcomes[GoalResult, PaymentResult, SplitResult]):
    """A contract evaluated against one set of facts, with its words."""

    def explain(self, language: Language = ENGLISH) -> str:
        """Every goal in one sentence each, then the overall result, in `language`: "en"
        (the default) or "da", or a `Wording`."""
        wording = wording_for(language)
        lines = [self.period_sentence(wording)] if self.reporting_period is not None else []
        lines += [g.explain(wording) for g in self.goals.values()]
        lines.append(self.overall_sentence(wording))
        if self.measured_until is not None:
            lines.append(self.provisional_sentence(wording))
        if self.weighted:
            lines.append(self.points_sentence(wording))
        lines += [payment.explain(wording) for payment in self.payments.values()]
        return "\n".join(lines)

    def points_sentence(self, language: Language = ENGLISH) -> str:
        """`Points: 75.5 of 100 points.`, or which goals the total still lacks."""
        # While some goals lack a result, the others' points are out of the others' weights.
        possible = self.points_possible if self.points is not None else self.points_possible_decided
        return points_text(self.points, self.points_reached, possible,
                           self.not_evaluable, wording_for(language)) + "."

    def period_sentence(self, language: Language = ENGLISH) -> str:
        """`Reporting period 2009 (1 January 2009 - 31 December 2009).`; "" without reporting periods."""
        period = self.reporting_period
        if period is None:
            return ""
        w = wording_for(language)
        return w.phrase("reporting period", name=period.name, start=w.date(period.start), end=w.date(period.end)) + "."

    def provisional_sentence(self, language: Language = ENGLISH) -> str:
        """`Provisional: measured until 30 June 2009; the period ends 31 December 2009.`; "" when final."""
        if self.measured_until is None or self.period_end is None:
            return ""
        w = wording_for(language)
        return w.phrase("report.provisional", day=w.date(self.measured_until), end=w.date(self.period_end))

    @property
    def period_end(self) -> dt.date | None:
        """The last day of the reporting period (of the contract's, without `each`)."""
        if self.reporting_period is not None:
            return self.reporting_period.end
        return self.period[1] if self.period is not None else None

    def overall_sentence(self, language: Language = ENGLISH) -> str:
        """`Overall: 72.2% (weighted average of 9 goals).`, or what it covers and leaves out:
        `Overall (provisional): 100% of 1 goal decided; 2 pending (goals 1, 3).`, in `language`."""
        return overall_sentence(self.overall, self.covers, wording_for(language))

    def to_dict(self, language: Language = ENGLISH) -> dict[str, object]:
        """The evaluation as JSON data: the shape of `rk eval --format json`, documented by
        resultkontrakt/schema/eval.json."""
        wording = wording_for(language)
        overall = self.overall
        covers = self.covers
        return {
            "contract": self.title,
            "language": wording.lang,
            "parties": list(self.parties),
            "period": [d.isoformat() for d in self.period] if self.period else None,
            "reporting_period": period_dict(self.reporting_period),
            "measured_until": self.measured_until.isoformat() if self.measured_until is not None else None,
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
                "evaluable": len(covers.decided),
                "not_evaluable": len(self.not_evaluable),
                "not_applicable": len(self.not_applicable),
                "provisional": covers.provisional,
                "covers": covers_dict(covers),
                "explanation": self.overall_sentence(wording),
            },
            "problems": [problem_dict(p, wording) for p in self.problems],
        }

    def __repr__(self) -> str:
        overall = self.overall
        covers = self.covers
        shown = format_percent(overall) if overall is not None else "not evaluable"
        if overall is not None and not covers.complete:  # never a bare number over some of the goals
            shown += f" of {len(covers.decided)} decided"
        goals = "goal" if len(self.goals) == 1 else "goals"
        return f"<Evaluation {self.title!r}: {len(self.goals)} {goals}, overall {shown}>"

    def _repr_html_(self) -> str:
        """For notebooks such as Jupyter: a table of the goals, in the contract's language
        (English where it says none), styled inline only."""
        return _evaluation_html(self, wording_for(self.language or "en"))


@attrs.frozen
class Allocation(Shares):
    """A split worked out: party -> amount in the split's unit, adding up to the total exactly,
    with its words (split/said.py)."""

    def headline(self) -> str:
        """What is split, how, and in what units, in one sentence."""
        return said.headline(self)

    def explain(self) -> str:
        """How each amount came about, one sentence per party."""
        return said.explanation(self)

    @staticmethod
    def margin_text(share: PartyShare) -> str:
        return said.margin_text(share)

    def to_dict(self) -> dict[str, object]:
        return said.allocation_dict(self)

    def _repr_html_(self) -> str:
        """For notebooks: the split as a table, in the contract's language (English where it
        says none), styled inline only."""
        return said.allocation_html(self, wording_for(self.language or "en"))

    def __repr__(self) -> str:
        return said.allocation_repr(self)


# ---- the data, with its words --------------------------------------------------------------


def _as(cls: type[Any], data: Any) -> Any:
    """`data` as an instance of `cls`, a subclass of its class with words and no fields of
    its own."""
    return cls(**{f.name: getattr(data, f.name) for f in attrs.fields(type(data)) if f.init})


def allocation_of(shares: Shares) -> Allocation:
    return shares if isinstance(shares, Allocation) else _as(Allocation, shares)


# Evaluation makes its outcomes as these classes from the start (contract.evaluate), so that
# no evaluation copies its outcomes into the classes users hold.
MADE = Made(GoalResult, PaymentResult, SplitResult, allocation_of)


# ---- for notebooks: fragments that style only themselves, never the rest of the notebook ----

_COLOURS = {"met": "#2e7d4f", "partly met": "#c58a16", "not met": "#b3372f", "not evaluable": "#8a94a3",
            "pending": "#3a6ea5", "not applicable": "#8a94a3"}


def _bar(goal: GoalResult) -> str:
    """The goal's fulfilment as a bar in its status's colour; nothing without a result."""
    if goal.fulfilment is None:
        return ""
    return (f'<div style="width:8em;height:.7em;background:#eef1f5;border-radius:.35em">'
            f'<div style="width:{float(goal.fulfilment * 100):g}%;height:100%;border-radius:.35em;'
            f'background:{_COLOURS[goal.status]}"></div></div>')


def _status_html(goal: GoalResult, wording: Wording) -> str:
    """`opfyldt (foreløbig)`, in the status's colour."""
    provisional = f" ({wording['provisional']})" if goal.provisional else ""
    return (f'<span style="color:{_COLOURS[goal.status]};font-weight:600">'
            f'{escape.html(wording[goal.status] + provisional)}</span>')


def _goal_html(goal: GoalResult, wording: Wording) -> str:
    """One goal as an HTML card: its id and title, status, fulfilment and bar, why, and how far
    it is from another tier. Every text from the contract or the facts is escaped."""
    e = escape.html
    shown = f" {e(wording.percent(goal.fulfilment))}" if goal.fulfilment is not None else ""
    distance = goal.distance_sentence(wording)
    return (f'<div><p><strong>{e(wording["goal"])} {e(goal.id)}: {e(goal.title)}</strong></p>'
            f'<p>{_status_html(goal, wording)}{shown}</p>{_bar(goal)}'
            f"<p>{e(goal.reasoning(wording))}</p>"
            + (f"<p>{e(distance)}</p>" if distance else "") + "</div>")


def _evaluation_html(evaluation: Evaluation, wording: Wording = ENGLISH) -> str:
    """An evaluation as an HTML table: each goal's status, fulfilment, a bar and why."""
    e = escape.html
    rows = []
    for goal in evaluation.goals.values():
        shown = wording.percent(goal.fulfilment) if goal.fulfilment is not None else ""
        rows.append(f'<tr><td>{e(goal.id)}</td><td style="text-align:left">{e(goal.title)}</td>'
                    f"<td>{_status_html(goal, wording)}</td>"
                    f"<td>{e(shown)}</td><td>{_bar(goal)}</td>"
                    f'<td style="text-align:left">{e(goal.reasoning(wording))}</td></tr>')
    return (f"<div><p><strong>{e(evaluation.title)}</strong>: {e(evaluation.overall_sentence(wording))}</p>"
            f"<table><tbody>{''.join(rows)}</tbody></table></div>")


def split_dict(split: SplitResult, wording: Wording) -> dict[str, object]:
    """A split of a total worked out from the facts, as JSON: the allocation and its total."""
    return {"name": split.name, "title": split.total.title, "status": split.state,
            "provisional": split.provisional, "total": split.total.to_dict(wording),
            "allocation": split.allocation.to_dict() if split.allocation is not None else None}
