"""What evaluation runs on: exact arithmetic, lists, and the bounds that keep both small.

Shared by the compiled expressions (compile.py), the function table
(functions.py) and the evaluator that records evidence (evaluate.py). A
calculation that cannot be done raises `Failed` (status.py), carrying a reason code and
its parameters as data: its words are made by `wording`, if anyone asks.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from ..core.values import CalendarSpan, Value, add_to_date
from ..language import syntax as s
from .status import Failed


def fail(code: str, expr: s.Expr | None, **params: object) -> Failed:
    from .evidence import Failure  # evidence is the evaluator's; checking a contract needs none

    return Failed(Failure(code, expr, params))


# In C: the tests a filter runs over a million answers (whole numbers against a whole number).
COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt,
    "=": operator.eq, "!=": operator.ne,
}


def _exactly(test: Callable[[Any, Any], bool]) -> Callable[[Any, Any], bool]:
    """`test` of two values, where either is a Fraction done on whole numbers: a/b against
    c/d is a·d against c·b, since a Fraction's denominator is positive. The same answer as
    Fraction's own comparison, without the checks of type it makes for any kind of number
    (a quantity here is an int or a Fraction); anything else is compared as it is."""
    def compared(a: Any, b: Any) -> bool:
        kind, other = type(a), type(b)
        if kind is Fraction:
            numerator, denominator = a.as_integer_ratio()  # one call, where each property is one
            if other is Fraction:
                other_numerator, other_denominator = b.as_integer_ratio()
                return test(numerator * other_denominator, other_numerator * denominator)
            if other is int:
                return test(numerator, b * denominator)
        elif kind is int and other is Fraction:
            numerator, denominator = b.as_integer_ratio()
            return test(a * denominator, numerator)
        return test(a, b)
    return compared


# One comparison at a time (a tier, a requirement, a condition): a threshold is often a
# Fraction (50%, an NPS of 57.5), and an NPS or a share always is.
COMPARE_ONE: dict[str, Callable[[Any, Any], bool]] = {op: _exactly(test) for op, test in COMPARE.items()}


def compared_with(op: str, fixed: object) -> Callable[[Any], bool]:
    """`COMPARE_ONE[op](value, fixed)` for a threshold written in the contract, its numerator
    and denominator taken once for every evaluation that compares with it (a·d against c·b);
    a threshold that is no quantity (a date, a text, true or false) as COMPARE_ONE has it."""
    test = COMPARE_ONE[op]
    if type(fixed) is int:
        top, bottom = fixed, 1
    elif type(fixed) is Fraction:
        top, bottom = fixed.as_integer_ratio()
    else:
        return lambda value: test(value, fixed)
    exact = COMPARE[op]

    def holds(value: Any) -> bool:
        kind = type(value)
        if kind is int:
            return exact(value * bottom, top)
        if kind is Fraction:
            numerator, denominator = value.as_integer_ratio()
            return exact(numerator * bottom, top * denominator)
        return test(value, fixed)
    return holds


def quantity(value: Value) -> Fraction | int:
    # Whole-number facts and answers are kept as int, the rest as Fraction: told by their type
    # at once, as every step of arithmetic asks.
    kind = type(value)
    if kind is Fraction or kind is int:
        return value  # type: ignore[return-value]  # as just seen
    assert isinstance(value, Fraction | int) and not isinstance(value, bool), value
    return value


def items_of(value: Value) -> tuple[Value, ...]:
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


def _too_long(expr: s.Expr) -> Failed:
    return fail("list-too-long", expr, limit=MAX_LIST)


def join(op: str, left: tuple[Value, ...], right: Value, expr: s.Expr) -> tuple[Value, ...]:
    """`list + list` or `list * count`, bounded."""
    if op == "+":
        assert isinstance(right, tuple)
        if size(left) + size(right) > MAX_LIST:
            raise _too_long(expr)
        return left + right
    count = quantity(right)
    if count < 0:
        raise fail("negative-repeat", expr)
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
        numerator, denominator = value.as_integer_ratio()  # one call, where each property is one
        large = numerator.bit_length() > MAX_BITS or denominator.bit_length() > MAX_BITS
    if large:
        raise fail("too-large", expr, bits=MAX_BITS)
    return value


def arithmetic(op: str, left: Fraction | int, right: Fraction | int, expr: s.Expr) -> Fraction | int:
    """`left op right`, exactly: whole numbers stay whole (but for `/`); where either is a
    Fraction, the result is one Fraction made from the operands' numerators and denominators
    (a/b · c/d = ac/bd), reduced once, as Fraction's own operators give it, without the calls
    they make to read each operand (int / int would be a float)."""
    if type(left) is int and type(right) is int and op != "/":
        return bounded(left + right if op == "+" else left - right if op == "-" else left * right, expr)
    a, b = left.as_integer_ratio()
    c, d = right.as_integer_ratio()
    if op == "+":
        return _ratio(a * d + c * b, b * d, expr)
    if op == "-":
        return _ratio(a * d - c * b, b * d, expr)
    if op == "*":
        if c == d == 1 and type(left) is Fraction:  # times 100% (`udgifter / budget * 100%`): itself
            return bounded(left, expr)
        return _ratio(a * c, b * d, expr)
    if c == 0:
        raise fail("division-by-zero", expr)
    return _ratio(a * d, b * c, expr)


def _ratio(numerator: int, denominator: int, expr: s.Expr) -> Fraction:
    """numerator/denominator as a Fraction, reduced, bounded as `bounded` bounds it: where
    neither needs more than MAX_BITS bits, reduced they need no more either."""
    if numerator.bit_length() <= MAX_BITS and denominator.bit_length() <= MAX_BITS:
        return Fraction(numerator, denominator)
    found = bounded(Fraction(numerator, denominator), expr)
    assert isinstance(found, Fraction)
    return found


def total(values: tuple[Value, ...], expr: s.Expr) -> Fraction | int:
    """The sum of a list of quantities, its size bounded at every step.

    Whole numbers (answers, counts) are summed in one pass in C; fractions with
    unlike denominators could grow with every term, so they are checked as they go.
    """
    if all(type(value) is int for value in values):
        return bounded(sum(values), expr)  # type: ignore[arg-type]
    running: Fraction | int = 0
    for value in values:
        running = bounded(running + quantity(value), expr)
    return running


def ordered(value: Value) -> Any:
    """The value itself: the checks let min and max see only quantities or only dates."""
    return value


def calendar(op: str, left: Value, right: Value, expr: s.Expr) -> Value:
    """`date + 18 months`, `date - 30 days`, `later - earlier` (the days between them)."""
    if isinstance(left, dt.date) and isinstance(right, dt.date):
        return (left - right).days
    if isinstance(left, CalendarSpan):
        left, right = right, left
    assert isinstance(left, dt.date) and isinstance(right, CalendarSpan), (left, right)
    try:
        return add_to_date(left, right, -1 if op == "-" else 1)
    except (OverflowError, ValueError):
        raise fail("date-range", expr) from None


# ---- rows: comprehensions, ranges and lookups ------------------------------------------------

# A comprehension goes through at most this many items, counting those of the comprehensions
# (and quantifiers) it stands inside: `sum(... for d in ds)` around `count(k in krav where
# k.deltager = d)` goes through len(ds) × len(krav). Ten million take seconds, not minutes;
# a nested comprehension over two lists of 10,000 rows (10^8) is refused before it starts.
MAX_WORK = 10_000_000
# Where the bound names of a comprehension keep how many items the loops around them go through.
# Not a name: no contract can read it.
WORK = " work"


def within(bound: dict[str, Value] | None, size: int, expr: s.Expr) -> dict[str, Value]:
    """The names bound inside a comprehension over `size` items: those around it, and the
    work it makes with the loops around it, refused at `expr` past MAX_WORK."""
    outer = bound.get(WORK, 1) if bound else 1
    assert isinstance(outer, int)
    work = outer * size
    if work > MAX_WORK:
        raise fail("too-much-work", expr, count=work, limit=MAX_WORK)
    inner = dict(bound) if bound else {}
    inner[WORK] = max(work, 1)
    return inner


def integers(low: Value, high: Value, expr: s.Expr) -> tuple[Value, ...]:
    """`low .. high`: the whole numbers from low to high, both included; none if high < low."""
    first, last = int(quantity(low)), int(quantity(high))
    if last - first + 1 > MAX_LIST:
        raise _too_long(expr)
    return tuple(range(first, last + 1))


# What a lookup finds where a table has no entry for a key.
_NO_ENTRY = object()


def entries(table: tuple[Value, ...]) -> dict[Any, Value]:
    """A table's (key, value) pairs as a dict to look keys up in; whole numbers as ints, so
    that a sum of looked-up prices adds ints (runtime.total)."""
    made: dict[Any, Value] = {}
    for pair in table:
        key, value = items_of(pair)
        if type(value) is Fraction and value.denominator == 1:
            value = value.numerator
        made[key] = value
    return made


def entry(table: dict[Any, Value], key: Value, expr: s.Lookup) -> Value:
    """The value a table holds for `key`; a failure naming the key where it holds none."""
    found = table.get(key, _NO_ENTRY)
    if found is _NO_ENTRY:
        from ..core.reasons import Quantity
        from ..core.vocabulary import shortened

        said = shortened(key, 40) if isinstance(key, str) else key
        raise fail("no-entry", expr.table, key=Quantity(said))
    return found  # type: ignore[return-value]
