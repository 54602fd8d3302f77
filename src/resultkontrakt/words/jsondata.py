"""Evidence as JSON data, for `rk eval --format json` (results.py puts it together).

The JSON renders the evidence itself (what was compared with what, the values
found, the counts behind them, why a goal could not be judged, as codes and
parameters) and adds an `explanation` sentence in the language asked for.
Numbers are exact: `fulfilment_exact` and every value's `exact` are decimal
or fraction texts; `fulfilment` is a rounded convenience. The shape is
documented by `resultkontrakt/schema/eval.json`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from ..core.errors import Problem
from ..core.reasons import Quantity
from ..core.values import MONEY, CalendarSpan, Tallied, Type, Value, date_text, fraction_text, percent_number
from ..core.vocabulary import number_literal
from ..language import syntax as s
from ..language.printer import expr_text
from ..semantics.distance import Distance
from ..semantics.evidence import (
    Check,
    Compared,
    Counts,
    Delivery,
    Failure,
    Junction,
    Membership,
    Move,
    Negation,
    NotApplicable,
    NotEvaluable,
    NpsCounts,
    RequirementCheck,
    RowCounts,
    Seen,
    Step,
    TierTried,
    Truth,
    Waiting,
)
from ..semantics.periods import ReportingPeriod
from ..semantics.status import Covers
from .explain import counts_text, distance_text, failure_text, not_applicable_text, problem_text, value_text

if TYPE_CHECKING:
    from ..core.wording import Wording

# The units of a contract's measured values, by name: (one, many).
Units = Mapping[str, tuple[str, str]]
_NO_UNITS: Units = {}


def problem_dict(problem: Problem, w: Wording) -> dict[str, object]:
    out = problem.to_dict()
    if problem.code is not None:
        out["code"] = problem.code
        out["params"] = {name: _plain(value) for name, value in problem.params}
        out["explanation"] = problem_text(problem, w)
    return out


def blocked_dict(blocked: NotEvaluable, w: Wording) -> dict[str, object]:
    out: dict[str, object] = {"code": blocked.code}
    if blocked.missing:
        out["missing"] = list(blocked.missing)
    if blocked.deliverables:
        out["deliverables"] = list(blocked.deliverables)
    if blocked.requirement is not None:
        out["requirement"] = _requirement(blocked.requirement, w)
    if blocked.failure is not None:
        out["failure"] = _failure(blocked.failure, w)
    return out


def _failure(failure: Failure, w: Wording) -> dict[str, object]:
    return {
        "code": failure.code,
        "expression": expr_text(failure.expr) if failure.expr is not None else None,
        "line": failure.span.line if failure.span is not None else None,
        "metric": failure.metric,
        "params": {name: _plain(value) for name, value in failure.params.items()},
        "explanation": failure_text(failure, w),
    }


# ---- steps, with the keys they always had, and the evidence as data ----------------------------


def step_dict(step: Step, w: Wording) -> dict[str, object]:
    match step:
        case Delivery():
            return {"kind": "deliverable", "name": step.name, "title": step.title, "done": step.done,
                    "delivered": step.delivered.isoformat() if step.delivered else None,
                    "due": step.due.isoformat() if step.due else None, "late": step.late,
                    "pending": step.pending, "missing": step.missing}
        case RequirementCheck():
            return {"kind": "require", **_requirement(step, w)}
        case TierTried():
            out: dict[str, object] = {
                "kind": "tier", "index": step.index, "holds": step.holds,
                "fulfilment": percent_number(step.fulfilment) if step.fulfilment is not None else None,
                "line": step.span.line if step.span is not None else None,
                "check": check_dict(step.check, w.units) if step.check is not None else None,
            }
            out.update(_summary(step.check, w))
            return out
    raise AssertionError(f"unknown step {step!r}")


def _requirement(step: RequirementCheck, w: Wording) -> dict[str, object]:
    return {"condition": _check_text(step.check), "reason": step.reason, "holds": step.holds,
            "check": check_dict(step.check, w.units), **_summary(step.check, w)}


def _summary(check: Check | None, w: Wording) -> dict[str, object]:
    """The keys steps had before the evidence was data: the test as written, its subject,
    the subject's value as shown, and the counts behind it in words."""
    if check is None:
        return {"test": "else", "subject": None, "value": None, "detail": None}
    if isinstance(check, Compared):
        left = check.left
        return {"test": f"{check.op} {expr_text(check.right.expr)}", "subject": expr_text(left.expr),
                "value": value_text(left, w, (check.right.value,)),
                "detail": counts_text(left.counts, w, left.type).strip(" ()") if left.counts is not None else None}
    return {"test": _check_text(check), "subject": None, "value": None, "detail": None}


def _check_text(check: Check) -> str:
    match check:
        case Truth(seen=seen):
            return expr_text(seen.expr)
        case Membership(item=item, collection=collection, negated=negated):
            return f"{expr_text(item.expr)} {'not in' if negated else 'in'} {expr_text(collection.expr)}"
        case Junction(op=op, parts=parts):
            return f" {op} ".join(_check_text(part) for part in parts)
        case Negation(part=part):
            return f"not ({_check_text(part)})"
        case Compared(left=left, op=op, right=right):
            return f"{expr_text(left.expr)} {op} {expr_text(right.expr)}"
    raise AssertionError(f"unknown check {check!r}")


def check_dict(check: Check, units: Units = _NO_UNITS) -> dict[str, object]:
    """A check as data; `units`: the contract's units (`unit "dag" "dage"`), by name."""
    match check:
        case Compared(left=left, op=op, right=right, holds=holds):
            return {"kind": "comparison", "op": op, "holds": holds, "left": seen_dict(left, units),
                    "right": seen_dict(right, units)}
        case Membership(item=item, collection=collection, negated=negated, holds=holds):
            return {"kind": "membership", "negated": negated, "holds": holds, "item": seen_dict(item, units),
                    "collection": seen_dict(collection, units)}
        case Junction(op=op, parts=parts, holds=holds):
            return {"kind": op, "holds": holds, "parts": [check_dict(part, units) for part in parts]}
        case Negation(part=part, holds=holds):
            return {"kind": "not", "holds": holds, "part": check_dict(part, units)}
        case Truth(seen=seen, holds=holds):
            return {"kind": "truth", "holds": holds, "value": seen_dict(seen, units)}
    raise AssertionError(f"unknown check {check!r}")


def seen_dict(seen: Seen, units: Units = _NO_UNITS) -> dict[str, object]:
    """A value as data: exact, with its type, currency, and unit (in the form for its value)."""
    out: dict[str, object] = {"expression": expr_text(seen.expr), "value": _exact(seen.value),
                              "type": str(seen.type) if seen.type is not None else None}
    if seen.type is not None and seen.type.kind == MONEY:
        out["currency"] = seen.type.currency_code
    unit = units.get(seen.expr.name) if isinstance(seen.expr, s.Name) else None
    if unit is not None:
        out["unit"] = unit[0] if seen.value == 1 else unit[1]
    if seen.counts is not None:
        out["counts"] = _counts(seen.counts)
    if seen.inputs:
        out["inputs"] = [seen_dict(i, units) for i in seen.inputs]
    if seen.branch:
        out["branch"] = [check_dict(check, units) for check in seen.branch]
    return out


def _counts(counts: Counts) -> dict[str, object]:
    if isinstance(counts, RowCounts):
        return _rows(counts)
    if isinstance(counts, NpsCounts):
        return {"answers": counts.answers, "promoters": counts.promoters, "passives": counts.passives,
                "detractors": counts.detractors}
    return {"counted": counts.counted, "of": counts.of}


def _rows(counts: RowCounts) -> dict[str, object]:
    """The rows behind a value made from them, as data: keys as JSON writes them (a date as
    ISO text), amounts exactly."""
    out: dict[str, object] = {"rows": counts.rows, "kept": counts.kept}
    if counts.groups:
        out["groups"] = [{"key": group.key if isinstance(group.key, str | int) else _exact(group.key),
                          "rows": group.rows, "each": _exact(group.each), "total": _exact(group.total)}
                         for group in counts.groups]
    if counts.cap is not None:
        out.update(capped=counts.capped, capped_by=_exact(counts.capped_by), cap=_exact(counts.cap))
    return out


def _exact(value: Value) -> object:
    """A value as JSON, exactly: numbers as decimal or fraction text, lists of them."""
    if isinstance(value, bool | str):
        return value
    if isinstance(value, CalendarSpan):
        return str(value)
    if isinstance(value, Tallied):  # as its list would be
        return _exact(tuple(value.counts.elements())) if value.size <= 100 else {"values": value.size}
    if isinstance(value, tuple):
        if len(value) > 100:  # the answers behind a figure are summed up by its counts
            return {"values": len(value)}
        return [_exact(v) for v in value]
    if isinstance(value, Fraction | int):
        return _number_text(Fraction(value))
    return value.isoformat()


def _number_text(value: Fraction) -> str:
    if value.denominator.bit_length() > 64:  # a long decimal, or none at all: the fraction
        return fraction_text(value)
    try:
        return number_literal(value)
    except ValueError:  # no finite decimal: the fraction itself
        return fraction_text(value)


def _plain(value: object) -> object:
    if isinstance(value, Fraction | int) and not isinstance(value, bool):
        return _number_text(Fraction(value))
    if isinstance(value, bool | str) or value is None:
        return value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Problem):  # a problem inside another (a fact's value): its code and params
        return {"code": value.code, "params": {name: _plain(v) for name, v in value.params}}
    if isinstance(value, Quantity):  # a value in a message: the value, as JSON gives values
        return _plain(value.value)
    if isinstance(value, dt.date):
        return date_text(value)
    if isinstance(value, Type):
        return str(value)
    if attrs.has(type(value)):  # a word or phrase of a message: its parts, as data
        return {field.name: _plain(getattr(value, field.name)) for field in attrs.fields(type(value))}  # type: ignore[arg-type]
    return str(value)


def weight_number(value: Fraction) -> int | float:
    # Weights are decimals written in the contract; a float shows them as written.
    return value.numerator if value.denominator == 1 else float(value)


def points_number(value: Fraction | None) -> int | float | str | None:
    """Points as JSON: a whole number, a short decimal, or, where none is exact, a fraction's text."""
    if value is None:
        return None
    if value.denominator == 1:
        return value.numerator
    try:
        return float(number_literal(value))  # 75.5: a decimal as written, exact in JSON's text
    except ValueError:
        return fraction_text(value)


def money_text(kroner: Fraction) -> str:
    """An amount in kroner as an exact decimal text with øre: "73800.00"; more decimals only
    where the amount has them, a fraction's text where it has no finite decimal."""
    try:
        text = number_literal(kroner)
    except ValueError:
        return fraction_text(kroner)
    whole, _, decimals = text.partition(".")
    return f"{whole}.{decimals.ljust(2, '0')}"


def not_applicable_dict(why: NotApplicable | None, w: Wording) -> dict[str, object] | None:
    """Why a goal or payment does not apply in the reporting period, as JSON; None where it does."""
    if why is None:
        return None
    return {"reason": not_applicable_text(why, w),
            "condition": check_dict(why.condition, w.units) if why.condition is not None else None,
            "goals": list(why.goals)}


def period_dict(period: ReportingPeriod | None) -> dict[str, object] | None:
    """A reporting period as JSON: its name, first and last day."""
    if period is None:
        return None
    return {"name": period.name, "start": period.start.isoformat(), "end": period.end.isoformat()}


def waiting_dict(item: Waiting) -> dict[str, object]:
    return {"kind": item.kind, "name": item.name, "due": item.due.isoformat() if item.due else None}


def _move_dict(move: Move | None) -> dict[str, object] | None:
    if move is None:
        return None
    return {"direction": "up" if move.direction > 0 else "down", "by": _number_text(move.by),
            "beyond": move.beyond, "fulfilment": percent_number(move.fulfilment), "answers": move.answers,
            "to": _number_text(move.to) if move.to is not None else None,
            "by_answers": percent_number(move.by_answers) if move.by_answers is not None else None}


def distance_dict(distance: Distance, w: Wording) -> dict[str, object]:
    return {"subject": seen_dict(distance.subject, w.units), "better": _move_dict(distance.better),
            "worse": _move_dict(distance.worse), "explanation": distance_text(distance, None, w)}


def covers_dict(covers: Covers) -> dict[str, object]:
    """What an overall covers, as goal ids by status (schema/eval.json `overall.covers`)."""
    return {"decided": list(covers.decided), "pending": list(covers.pending),
            "not_evaluable": list(covers.not_evaluable), "not_applicable": list(covers.not_applicable),
            "weighted": covers.weighted}
