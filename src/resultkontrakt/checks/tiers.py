"""Static reasoning about tier lists: tiers that can never be reached, and
tiers that pay more for a worse result.

Only tiers that compare one subject with a constant (`nps >= 60`) are
reasoned about; any other tier is left alone, so every finding is certain.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import attrs

from ..core.errors import Problem
from ..core.reasons import Quantity, Word, problem, warning
from ..core.values import T_PERCENT
from ..language import syntax as s
from ..language.printer import expr_text


@attrs.frozen
class _Interval:
    """A stretch of values; None bounds are infinite."""

    low: Any
    low_closed: bool
    high: Any
    high_closed: bool


def _intervals(op: str, value: Any) -> list[_Interval]:
    """The values `subject op value` takes. Only the operator's own stretches are made: a table
    of all six, made at each tier, was a tenth of the time the checks of 10,000 goals took."""
    match op:
        case ">=":
            return [_Interval(value, True, None, False)]
        case ">":
            return [_Interval(value, False, None, False)]
        case "<=":
            return [_Interval(None, False, value, True)]
        case "<":
            return [_Interval(None, False, value, False)]
        case "=":
            return [_Interval(value, True, value, True)]
        case "!=":
            return [_Interval(None, False, value, False), _Interval(value, False, None, False)]
    raise KeyError(op)


def _low_key(i: _Interval) -> tuple[int, Any, int]:
    return (0, 0, 0) if i.low is None else (1, i.low, 0 if i.low_closed else 1)


def _high_key(i: _Interval) -> tuple[int, Any, int]:
    return (2, 0, 0) if i.high is None else (1, i.high, 1 if i.high_closed else 0)


def _merge(intervals: list[_Interval]) -> list[_Interval]:
    merged: list[_Interval] = []
    for current in sorted(intervals, key=_low_key):
        if merged:
            last = merged[-1]
            touches = last.high is None or current.low is None or current.low < last.high or (
                current.low == last.high and (last.high_closed or current.low_closed))
            if touches:
                if _high_key(current) > _high_key(last):
                    merged[-1] = attrs.evolve(last, high=current.high, high_closed=current.high_closed)
                continue
        merged.append(current)
    return merged


def _covered(target: list[_Interval], cover: list[_Interval]) -> bool:
    merged = _merge(cover)
    return all(any(_low_key(m) <= _low_key(t) and _high_key(t) <= _high_key(m) for m in merged)
               for t in target)


def check_tiers(goal: s.Goal) -> Iterator[Problem]:
    earlier: dict[str, list[_Interval]] = {}  # subject -> values already taken
    seen: dict[str, list[tuple[str, Any, s.Tier]]] = {}  # subject -> simple tiers so far
    everything = [_Interval(None, False, None, False)]
    for number, tier in enumerate(goal.tiers, start=1):
        if tier.condition is None:
            if any(_safe_covered(everything, cover) for cover in earlier.values()):
                yield problem("tier.else-unreachable", tier.span)
            continue
        condition = tier.condition
        if not isinstance(condition, s.Compare):
            continue
        value = s.literal_value(condition.right)
        if value is None:
            continue
        subject = expr_text(condition.left)
        mine = _intervals(condition.op, value)
        if subject in earlier and _safe_covered(mine, earlier[subject]):
            yield problem("tier.unreachable", tier.span, number=number, subject=subject)
            continue
        yield from _pays_more(subject, condition.op, tier, seen.get(subject, []))
        earlier.setdefault(subject, []).extend(mine)
        seen.setdefault(subject, []).append((condition.op, value, tier))


def _safe_covered(target: list[_Interval], cover: list[_Interval]) -> bool:
    try:
        return _covered(target, cover)
    except TypeError:  # values of different kinds; the type check reports that
        return False


def _pays_more(subject: str, op: str, tier: s.Tier,
               before: list[tuple[str, Any, s.Tier]]) -> Iterator[Problem]:
    """A later tier on the same subject, in the same direction, takes worse values;
    it should not pay more than the tiers before it."""
    paid = s.literal_value(tier.fulfilment)
    if not isinstance(paid, Fraction) or not isinstance(tier.fulfilment, s.Percent):
        return
    rising = op in (">=", ">")
    for other_op, _, other in before:
        if (other_op in (">=", ">")) != rising or other_op in ("=", "!=") or op in ("=", "!="):
            continue
        other_paid = s.literal_value(other.fulfilment)
        if not isinstance(other.fulfilment, s.Percent) or not isinstance(other_paid, Fraction):
            continue
        if paid > other_paid:
            yield warning("tier.pays-more", tier.span, paid=Quantity(paid, T_PERCENT),
                          worse=Word("lower" if rising else "higher"), subject=subject,
                          before=Quantity(other_paid, T_PERCENT))
            return
