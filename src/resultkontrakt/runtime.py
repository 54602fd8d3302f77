"""What evaluation runs on: exact arithmetic, the functions, and NPS counting.

Shared by the compiled expressions (compile.py) and the evaluator that
records steps (evaluate.py).
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import attrs

from . import syntax as s
from .printer import expr_text
from .values import Value, format_value


class _Failure(Exception):
    """Evaluation of one expression failed; the goal using it is not evaluable."""

    def __init__(self, message: str, span: s.Span | None = None):
        super().__init__(message)
        self.message = message
        self.span = span


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt,
    "=": operator.eq, "!=": operator.ne,
}


def _is_literal(expr: s.Expr) -> bool:
    return s.signed_literal(expr) is not None


def _quantity(value: Value) -> Fraction | int:
    # Whole-number facts and answers are kept as int, the rest as Fraction.
    assert isinstance(value, Fraction | int) and not isinstance(value, bool), value
    return value


def _items(value: Value) -> tuple[Value, ...]:
    assert isinstance(value, tuple), value
    return value


# A list built in a contract (a worked example's `[10] * 65 + [7] * 30`) holds at
# most this many values in all, counting those inside nested lists: more is a
# mistake, not survey data, and would take unbounded memory and time.
MAX_LIST = 10_000_000
# No number in an evaluation may need more bits than this in its numerator or
# denominator (about 3,000 decimal digits): each step of arithmetic then takes
# microseconds, and a contract cannot make one take minutes.
MAX_BITS = 10_000


def size(value: Value) -> int:
    """How many values a list holds, counting those inside nested lists (0 for a single value)."""
    if not isinstance(value, tuple):
        return 0
    if not value or not isinstance(value[0], tuple):
        return len(value)  # a list of single values: lists are of one type throughout
    seen: dict[int, int] = {}  # the same inner list repeated is counted by reference once
    total = len(value)
    for item in value:
        if id(item) not in seen:
            seen[id(item)] = size(item)
        total += seen[id(item)]
    return total


def _too_long(expr: s.Expr) -> _Failure:
    return _Failure(f"`{expr_text(expr)}` would make a list of more than {MAX_LIST} values", expr.span)


def _join(op: str, left: tuple[Value, ...], right: Value, expr: s.Expr) -> tuple[Value, ...]:
    if op == "+":
        assert isinstance(right, tuple)
        if size(left) + size(right) > MAX_LIST:
            raise _too_long(expr)
        return left + right
    count = _quantity(right)
    if count < 0:
        raise _Failure(f"`{expr_text(expr)}` repeats a list a negative number of times", expr.span)
    if count > MAX_LIST or max(size(left), 1) * count > MAX_LIST:
        raise _too_long(expr)
    return left * int(count)


def literal_list(values: list[Value], expr: s.Expr) -> tuple[Value, ...]:
    """A list written out (`[a, b]`), with the same bound on all the values inside it."""
    if len(values) + sum(map(size, values)) > MAX_LIST:
        raise _too_long(expr)
    return tuple(values)


def bounded(value: Fraction | int, expr: s.Expr) -> Fraction | int:
    """`value`, or a failure at `expr` if it needs more than MAX_BITS bits."""
    if isinstance(value, int):
        large = value.bit_length() > MAX_BITS
    else:
        large = value.numerator.bit_length() > MAX_BITS or value.denominator.bit_length() > MAX_BITS
    if large:
        raise _Failure(f"number too large in `{expr_text(expr)}`: more than {MAX_BITS:,} bits "
                       "(about 3,000 digits)", expr.span)
    return value


def _arithmetic(op: str, left: Fraction | int, right: Fraction | int, expr: s.Expr) -> Fraction | int:
    if op == "+":
        return bounded(left + right, expr)
    if op == "-":
        return bounded(left - right, expr)
    if op == "*":
        return bounded(left * right, expr)
    if right == 0:
        raise _Failure(f"division by zero in `{expr_text(expr)}`", expr.span)
    return bounded(Fraction(left) / right, expr)  # int / int would be a float


def _call(function: str, args: list[Value], expr: s.Call) -> Value:
    one_list = len(args) == 1 and isinstance(args[0], tuple)
    if function in ("all", "any", "count", "share"):
        # One list (`all(deliverables)`) or several values (`all(a, b)`).
        values = list(_items(args[0])) if one_list else args
        if function == "count" and one_list and not all(isinstance(v, bool) for v in values):
            return len(values)  # a list of answers: how many there are
        if function == "all":
            return all(values)
        if function == "any":
            return any(values)
        trues = sum(1 for value in values if value)
        if function == "count":
            return trues
        if not values:
            raise _Failure(f"no values in `{expr_text(expr.args[0])}`", expr.span)
        return Fraction(trues, len(values))
    if function == "abs":
        number = _quantity(args[0])
        return -number if number < 0 else number
    if one_list:
        return _over_list(function, _items(args[0]), expr)
    if function == "min":
        return min(args, key=_ordered)
    if function == "max":
        return max(args, key=_ordered)
    raise AssertionError(f"unknown function {function}")


def _sum(values: tuple[Value, ...], expr: s.Expr) -> Fraction | int:
    """The sum of a list of quantities, its size bounded at every step.

    Whole numbers (answers, counts) are summed in one pass in C; fractions with
    unlike denominators could grow with every term, so they are checked as they go.
    """
    if all(type(value) is int for value in values):
        return bounded(sum(values), expr)  # type: ignore[arg-type]
    total: Fraction | int = 0
    for value in values:
        total = bounded(total + _quantity(value), expr)
    return total


def _over_list(function: str, values: tuple[Value, ...], expr: s.Expr) -> Value:
    """sum, mean, min or max of the values of a list (or those a `where` kept)."""
    if function == "sum":
        return _sum(values, expr)
    if not values:
        raise _Failure(f"no values in `{expr_text(expr)}`", expr.span)
    if function == "mean":
        return bounded(Fraction(_sum(values, expr), len(values)), expr)
    if function == "min":
        return min(values, key=_ordered)
    if function == "max":
        return max(values, key=_ordered)
    raise AssertionError(f"unknown function {function}")


def _ordered(value: Value) -> Any:
    """The value itself: the checks let min and max see only quantities or only dates."""
    return value


@attrs.frozen
class NpsCounts:
    """The answers behind a Net Promoter Score."""

    promoters: int
    passives: int
    detractors: int
    stray: Value | None = attrs.field(default=None, eq=False)  # an answer outside 0-10, if any

    @property
    def answers(self) -> int:
        return self.promoters + self.passives + self.detractors

    @property
    def score(self) -> Fraction:
        return Fraction(100 * (self.promoters - self.detractors), self.answers)


def nps_counts(answers: tuple[Value, ...]) -> NpsCounts:
    """Promoters answer 9 or 10, detractors 0 to 6, passives 7 or 8; counted exactly."""
    tally = Counter(answers)
    promoters = tally[9] + tally[10]
    passives = tally[7] + tally[8]
    # Checked on the distinct answers, not the million: anything else would
    # silently count as a detractor.
    stray = next((a for a in tally if a not in _ZERO_TO_TEN or isinstance(a, bool)), None)
    return NpsCounts(promoters, passives, len(answers) - promoters - passives, stray)


def nps(answers: tuple[Value, ...], expr: s.Expr, counts: NpsCounts | None = None) -> Fraction:
    if not answers:
        raise _Failure(f"no answers in `{expr_text(expr)}`", expr.span)
    counts = counts or nps_counts(answers)
    if counts.stray is not None:
        raise _Failure(f"NPS answers are whole numbers from 0 to 10, but `{expr_text(expr)}` holds "
                       f"{format_value(counts.stray, None)}; declare it `list of integer in 0 .. 10`",
                       expr.span)
    return counts.score


_ZERO_TO_TEN = frozenset(range(11))
