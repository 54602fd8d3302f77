"""The built-in functions, one record each: type rule, implementation, explanation, words.

Adding a function touches this file alone. The type checker (infer.py) asks
a record for the type of a call; the compiler (compile.py) binds its
implementation once per expression; evaluation asks it for the counts that
explain its result (how many answers, how many promoters); and the wording
names it in English and Danish.

Most functions take either one list (`sum(point)`) or, as quantifiers, a name
bound to each element and a condition (`share(a in svar where a >= 9)`):
`over` then gets the list and the condition as a predicate, or None.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import operator
from collections import Counter
from collections.abc import Callable, Mapping
from fractions import Fraction
from itertools import compress
from typing import TYPE_CHECKING, Any

import attrs

from ..core.reasons import Kind
from ..core.values import (
    BOOL,
    DATE,
    MONEY,
    NUMBER,
    PERCENT,
    RATE,
    T_BOOL,
    T_INTEGER,
    T_NUMBER,
    T_PERCENT,
    Type,
    Value,
    currencies_of,
    list_of,
    money_in,
    round_half_away,
)
from ..language import syntax as s
from .runtime import bounded, fail, ordered, quantity, total

if TYPE_CHECKING:
    from .evidence import Counts, NpsCounts, ShareCounts

Predicate = Callable[[Any], bool]
# A list's distinct values, each with how often the list holds it, in the order first held.
Tally = Counter[Any]
ORDERED = frozenset({NUMBER, PERCENT, MONEY, DATE})


@attrs.frozen
class Mistake:
    """A call that does not type: a reason code with its parameters (the param `hint` names
    another hint than the code's own), reported where the call stands (infer.py)."""

    code: str
    params: tuple[tuple[str, object], ...] = ()


def mistake(code: str, **params: object) -> Mistake:
    return Mistake(code, tuple(params.items()))


TypeRule = Callable[[list[Type], s.Call], "Type | Mistake"]


@attrs.frozen(slots=False)
class Counted:
    """A result and the counts that explain it, worked out in one pass."""

    value: Value
    counts: Counts
ListRule = Callable[[Type, bool], "Type | Mistake"]


@attrs.frozen
class Function:
    """A built-in function of the language.

    - `over_list(element, bound)`: the type of the function over a list of
      `element`, either given directly or, when `bound`, through a name and
      a `where` condition; None when the function takes no list.
    - `over_values(types, call)`: the type of a call with several values
      (`max(a, b)`), or of a call that is not over a list at all; None when
      that is not allowed.
    - `over(values, test, expr)`: the result over a list, of the values that
      pass `test` where there is one; for the functions whose result is
      explained by counts (how many promoters, how many of how many), the
      result and those counts, from one pass.
    - `over_tally(tally, size, test, expr)`: the same as `over`, from a list's
      distinct values and how often each occurs; a fast path, taken for
      answers with few possible values (0-10, a choice, true/false), whose
      tally is counted once and kept with the facts.
    - `apply(args, types, expr)`: the result of a call with its values.
    - `words`: per language, how a call on one named list is said: "NPS for {}".
    """

    name: str
    over_list: ListRule | None = None
    over_values: TypeRule | None = None
    over: Callable[[tuple[Value, ...], Predicate | None, s.Expr], Value | Counted] | None = None
    over_tally: Callable[[Tally, int, Predicate | None, s.Expr], Value | Counted] | None = None
    apply: Callable[[list[Value], list[Type | None], s.Call], Value] | None = None
    words: Mapping[str, str] = attrs.field(factory=dict)
    result: Type | None = None  # its type whatever its arguments, where there is one

    @property
    def quantifier(self) -> bool:
        """Whether it takes `NAME in LIST where CONDITION`."""
        return self.over_list is not None and self.name != "nps"


# ---- all, any, count, share: how many hold ---------------------------------------------------


@functools.cache
def _counts() -> tuple[type[ShareCounts], type[NpsCounts]]:
    """The records of counts, imported when a list is first counted and kept: evidence is the
    evaluator's, and checking a contract needs none; an import statement in the functions below
    took a microsecond at each call."""
    from .evidence import NpsCounts, ShareCounts

    return ShareCounts, NpsCounts


# How many items of a list pass `partial(compare, k)`, the commonest test (`a >= 9`, as
# compile.py makes it): the comparison written out in a generator counts what
# `sum(map(test, values))` counts, item by item in the same order, without a call of the
# partial an item (15 ms a million answers rather than 30).
_PASSING: dict[Callable[[Any, Any], Any], Callable[[Any, tuple[Value, ...]], int]] = {
    operator.le: lambda k, values: sum(1 for a in values if k <= a),
    operator.lt: lambda k, values: sum(1 for a in values if k < a),
    operator.ge: lambda k, values: sum(1 for a in values if k >= a),
    operator.gt: lambda k, values: sum(1 for a in values if k > a),
    operator.eq: lambda k, values: sum(1 for a in values if k == a),
    operator.ne: lambda k, values: sum(1 for a in values if k != a),
}


def _holding(values: tuple[Value, ...], test: Predicate | None) -> ShareCounts:
    if type(test) is functools.partial and len(test.args) == 1 and not test.keywords and test.func in _PASSING:
        counted = _PASSING[test.func](test.args[0], values)
    else:
        counted = sum(map(test if test is not None else operator.truth, values))
    return _counts()[0](counted, len(values))


def _holding_in(tally: Tally, size: int, test: Predicate | None) -> ShareCounts:
    """As `_holding`, each distinct value tested once: in the order the list first holds
    them, so a test that fails (a division by zero) fails on the same value."""
    share_counts = _counts()[0]
    if test is None:
        return share_counts(tally[True], size)  # a list of true/false values, as typed
    # The counts of the values that hold, the test run on each value in turn, all in C.
    return share_counts(sum(compress(tally.values(), map(test, tally))), size)


Decide = Callable[["ShareCounts", s.Expr], "Value | Counted"]


def _counting(decide: Decide, answers: bool = False) -> dict[str, Any]:
    """`over` and `over_tally` for a function decided by how many of how many hold.

    With `answers`, a call without a condition on a list that is not of
    true/false values counts its answers (`count(anbefaling)`).
    """
    def over(values: tuple[Value, ...], test: Predicate | None, expr: s.Expr) -> Value | Counted:
        if answers and test is None and not all(isinstance(v, bool) for v in values):
            return len(values)
        return decide(_holding(values, test), expr)

    def over_tally(tally: Tally, size: int, test: Predicate | None, expr: s.Expr) -> Value | Counted:
        if answers and test is None and not all(isinstance(v, bool) for v in tally):
            return size
        return decide(_holding_in(tally, size, test), expr)
    return {"over": over, "over_tally": over_tally}


def _all(counts: ShareCounts, expr: s.Expr) -> Counted:
    return Counted(counts.counted == counts.of, counts)


def _any(counts: ShareCounts, expr: s.Expr) -> Counted:
    return Counted(counts.counted > 0, counts)


def _bools_over_list(name: str, result: Type) -> ListRule:
    def rule(element: Type, bound: bool) -> Type | Mistake:
        if bound or element.kind == BOOL:
            return result
        example = "share(a in answers where a >= 9)" if name == "share" else f"{name}(deliverables)"
        return mistake("function.bool-list" if name == "share" else "function.bools", hint="function.bind",
                       name=name, example=example)
    return rule


def _bools_over_values(name: str, result: Type) -> TypeRule:
    def rule(types: list[Type], call: s.Call) -> Type | Mistake:
        if types and all(t.kind == BOOL for t in types):
            return result
        return mistake("function.bools", hint="function.bind", name=name, example=f"{name}(deliverables)")
    return rule


def _count_over_list(element: Type, bound: bool) -> Type | Mistake:
    return T_INTEGER  # how many answers, or how many hold


def _count(counts: ShareCounts, expr: s.Expr) -> Counted:
    return Counted(counts.counted, counts)


def _share(counts: ShareCounts, expr: s.Expr) -> Counted:
    if not counts.of:
        raise fail("no-answers", _source(expr))
    return Counted(Fraction(counts.counted, counts.of), counts)


def _source(expr: s.Expr) -> s.Expr:
    """The list a function goes through, for saying which one was empty."""
    if isinstance(expr, s.Aggregate):
        return expr.source
    if isinstance(expr, s.Call) and expr.args:
        return expr.args[0]
    return expr


# ---- sum, mean, min, max ---------------------------------------------------------------------


def _adds_up(name: str) -> ListRule:
    def rule(element: Type, bound: bool) -> Type | Mistake:
        if not element.is_quantity:
            return mistake("function.adds-up", hint="function.count", name=name, elements=Kind(element, "many"))
        return Type(element.kind, integer=element.integer and name == "sum", currency=element.currency)
    return rule


def _one_list(name: str, example: str, code: str = "function.one-list") -> TypeRule:
    """A function that takes one list (`code` says what kind), given values instead."""
    def rule(types: list[Type], call: s.Call) -> Mistake:
        return mistake(code, hint="function.example", name=name, example=example)
    return rule


def _kept(values: tuple[Value, ...], test: Predicate | None) -> tuple[Value, ...]:
    return values if test is None else tuple(filter(test, values))


def _sum(values: tuple[Value, ...], test: Predicate | None, expr: s.Expr) -> Value:
    return total(_kept(values, test), expr)


def _mean(values: tuple[Value, ...], test: Predicate | None, expr: s.Expr) -> Value:
    kept = _kept(values, test)
    if not kept:
        raise fail("no-values", _source(expr))
    return bounded(Fraction(total(kept, expr), len(kept)), expr)


def _ordered_over_list(name: str) -> ListRule:
    def rule(element: Type, bound: bool) -> Type | Mistake:
        if element.kind not in ORDERED:
            return mistake("function.ordered", hint="function.count", name=name, elements=Kind(element, "many"))
        return Type(element.kind, integer=element.integer, currency=element.currency)
    return rule


def _ordered_over_values(name: str) -> TypeRule:
    def rule(types: list[Type], call: s.Call) -> Type | Mistake:
        if len(types) < 2:
            return mistake("function.list-or-values", hint="function.example", name=name, example=f"{name}(a, b)")
        if len({t.kind for t in types}) != 1 or types[0].kind not in ORDERED:
            return mistake("function.one-kind", name=name)
        mixed = currencies_of(*types)
        if len(mixed) > 1:
            return _mixed(name, mixed)
        return Type(types[0].kind, integer=all(t.integer for t in types), currency=types[0].currency)
    return rule


def _extreme(pick: Callable[..., Value]) -> Callable[[tuple[Value, ...], Predicate | None, s.Expr], Value]:
    def over(values: tuple[Value, ...], test: Predicate | None, expr: s.Expr) -> Value:
        kept = _kept(values, test)
        if not kept:
            raise fail("no-values", _source(expr))
        return pick(kept, key=ordered)
    return over


# ---- distinct ------------------------------------------------------------------------------------


def _distinct_over_list(element: Type, bound: bool) -> Type | Mistake:
    return list_of(element)


def _distinct(values: tuple[Value, ...], test: Predicate | None, expr: s.Expr) -> Value:
    """Each value once, in the order the list first holds it: the participants of the claims,
    as they come."""
    return tuple(dict.fromkeys(_kept(values, test)))


# ---- nps -----------------------------------------------------------------------------------------

_ZERO_TO_TEN = frozenset(range(11))
_WHOLE = frozenset([int])


def _nps_over_list(element: Type, bound: bool) -> Type | Mistake:
    if bound or element.kind != NUMBER:
        return mistake("function.nps-list", hint="function.example", name="nps", example="nps(anbefaling)")
    return T_NUMBER


def _nps(values: tuple[Value, ...], test: Predicate | None, expr: s.Expr) -> Counted:
    return _nps_in(Counter(values), len(values), test, expr)


def _nps_in(tally: Tally, size: int, test: Predicate | None, expr: s.Expr) -> Counted:
    """Promoters answer 9 or 10, detractors 0 to 6, passives 7 or 8; counted exactly."""
    if not size:
        raise fail("no-answers", _source(expr))
    # Checked on the distinct answers, not the million: anything else would
    # silently count as a detractor. Most often every answer is a whole number 0-10, told
    # in C; else the first that is not is found (true is no answer, though it equals 1).
    if not (_ZERO_TO_TEN.issuperset(tally) and _WHOLE.issuperset(map(type, tally))):
        stray = next((a for a in tally if a not in _ZERO_TO_TEN or isinstance(a, bool)), None)
        if stray is not None:
            raise fail("nps-range", _source(expr), answer=stray)
    promoters = tally[9] + tally[10]
    passives = tally[7] + tally[8]
    counts = _counts()[1](promoters, passives, size - promoters - passives)
    return Counted(Fraction(100 * (promoters - counts.detractors), size), counts)


# ---- abs and round ---------------------------------------------------------------------------------


def _abs_type(types: list[Type], call: s.Call) -> Type | Mistake:
    if len(types) != 1 or not types[0].is_quantity:
        return mistake("function.abs", hint="function.example", example="abs(afvigelse)")
    return types[0]


def _abs(args: list[Value], types: list[Type | None], expr: s.Call) -> Value:
    number = quantity(args[0])
    return -number if number < 0 else number


# The ways to round, each to a multiple of a step: halves away from zero as a calculator does,
# halves to the even neighbour as banks do (`round_half_even`), always down, always up.
def _half_away(scaled: Fraction) -> int:
    return int(round_half_away(scaled))


def _half_even(scaled: Fraction) -> int:
    return round(scaled)  # Fraction rounds a half to the even neighbour, exactly


ROUNDINGS: dict[str, Callable[[Fraction], int]] = {
    "round": _half_away, "round_half_even": _half_even, "floor": math.floor, "ceil": math.ceil}
# A count of decimals is at most this: 10**-20 is finer than any amount or measure needs.
MOST_DECIMALS = 20


def _step_of(x: Type, call: s.Call) -> Fraction | Mistake:
    """The step `x` is rounded to, in its own values: 1 with no second argument (a percentage
    point for a percent), 10**-n for a count of decimals n, or the unit written out (`1 kr`,
    `1%`, `0.05`); a percent counts decimals and plain units in percentage points."""
    name = call.function
    example = {MONEY: f"{name}(bonus, 1 kr)", PERCENT: f"{name}(andel, 1%)"}.get(x.kind, f"{name}(nps, 0.1)")
    points = Fraction(1, 100) if x.kind == PERCENT else Fraction(1)
    if len(call.args) == 1:
        return points
    unit = call.args[1]
    if isinstance(unit, s.Number) and unit.value.denominator == 1 and not unit.decimal:
        if not 0 <= unit.value <= MOST_DECIMALS:
            return mistake("function.round-digits", hint="function.example", example=f"{name}(nps, 1)")
        return points / 10 ** int(unit.value)
    if not isinstance(unit, s.Number | s.Percent | s.Money) or unit.value <= 0:
        return mistake("function.round-unit", hint="function.example", name=name, example=example)
    if isinstance(unit, s.Number):
        return points * unit.value
    kind = PERCENT if isinstance(unit, s.Percent) else MONEY
    if kind != x.kind:
        return mistake("function.round-kind", hint="function.example", name=name, unit=Kind(Type(kind)),
                       found=Kind(x), example=example)
    if isinstance(unit, s.Money) and unit.currency != x.currency_code:
        return _mixed(name, (x.currency_code, unit.currency))
    return unit.value


def _round_type(types: list[Type], call: s.Call) -> Type | Mistake:
    if not 1 <= len(types) <= 2 or not types[0].is_quantity:
        return mistake("function.round", name=call.function)
    step = _step_of(types[0], call)
    if isinstance(step, Mistake):
        return step
    whole = types[0].kind == NUMBER and step.denominator == 1
    return Type(types[0].kind, integer=whole or types[0].integer, currency=types[0].currency)


def _rounded(how: Callable[[Fraction], int]) -> Callable[[list[Value], list[Type | None], s.Call], Value]:
    def apply(args: list[Value], types: list[Type | None], expr: s.Call) -> Value:
        x = types[0]
        assert x is not None
        step = _step_of(x, expr)
        assert not isinstance(step, Mistake), step  # the checks refused it
        result = how(Fraction(quantity(args[0])) / step) * step
        return int(result) if result.denominator == 1 and x.kind == NUMBER else result
    return apply


# ---- convert: money from one currency to another ------------------------------------------------


def _mixed(name: str, currencies: tuple[str, ...]) -> Mistake:
    return mistake("currency.mixed", hint="currency.convert", op=name, left=currencies[0], right=currencies[1])


def _convert_type(types: list[Type], call: s.Call) -> Type | Mistake:
    if len(types) != 2 or types[0].kind != MONEY or types[1].kind != RATE:
        return mistake("function.convert", hint="function.example", example="convert(gebyr, 7.4604 kr per EUR)")
    amount, rate = types
    if rate.per != amount.currency_code:
        return mistake("currency.rate-from", amount=amount.currency_code, rate=str(rate), per=rate.per)
    return money_in(rate.currency_code)


def _convert(args: list[Value], types: list[Type | None], expr: s.Call) -> Value:
    return bounded(Fraction(quantity(args[0])) * quantity(args[1]), expr)


# ---- year, quarter, month, day: parts of a date -----------------------------------------------------


def _date_part_type(name: str) -> TypeRule:
    def rule(types: list[Type], call: s.Call) -> Type | Mistake:
        if len(types) != 1 or types[0].kind != DATE:
            return mistake("function.date-part", hint="function.example", name=name, example=f"{name}(dato)")
        return T_INTEGER
    return rule


DATE_PARTS: dict[str, Callable[[dt.date], int]] = {
    "year": lambda d: d.year, "quarter": lambda d: (d.month - 1) // 3 + 1,
    "month": lambda d: d.month, "day": lambda d: d.day}


def _date_part(part: Callable[[dt.date], int]) -> Callable[[list[Value], list[Type | None], s.Call], Value]:
    def apply(args: list[Value], types: list[Type | None], expr: s.Call) -> Value:
        date = args[0]
        assert isinstance(date, dt.date), date
        return part(date)
    return apply


def _several(pick: Callable[..., Value]) -> Callable[[list[Value], list[Type | None], s.Call], Value]:
    def apply(args: list[Value], types: list[Type | None], expr: s.Call) -> Value:
        return pick(args, key=ordered)
    return apply


def _truth_of(decide: Callable[[Any], bool]) -> Callable[[list[Value], list[Type | None], s.Call], Value]:
    def apply(args: list[Value], types: list[Type | None], expr: s.Call) -> Value:
        return decide(args)
    return apply


def _count_values(args: list[Value], types: list[Type | None], expr: s.Call) -> Value:
    return sum(1 for value in args if value)


# ---- the table -------------------------------------------------------------------------------------


def _words(en: str, da: str) -> dict[str, str]:
    return {"en": en, "da": da}


FUNCTIONS: dict[str, Function] = {function.name: function for function in (
    Function("abs", over_values=_abs_type, apply=_abs),
    Function("all", _bools_over_list("all", T_BOOL), _bools_over_values("all", T_BOOL),
             **_counting(_all), apply=_truth_of(all), result=T_BOOL),
    Function("any", _bools_over_list("any", T_BOOL), _bools_over_values("any", T_BOOL),
             **_counting(_any), apply=_truth_of(any), result=T_BOOL),
    Function("count", _count_over_list, _bools_over_values("count", T_INTEGER),
             **_counting(_count, answers=True),
             apply=_count_values, result=T_INTEGER,
             words=_words("number of answers in {}", "antal svar i {}")),
    Function("distinct", _distinct_over_list, _one_list("distinct", "distinct(k.deltager for k in krav)"),
             over=_distinct, words=_words("the distinct values of {}", "de forskellige værdier i {}")),
    Function("max", _ordered_over_list("max"), _ordered_over_values("max"), over=_extreme(max),
             apply=_several(max), words=_words("highest of {}", "højeste værdi i {}")),
    Function("mean", _adds_up("mean"), _one_list("mean", "mean(answers)"), over=_mean,
             words=_words("mean of {}", "gennemsnittet af {}")),
    Function("min", _ordered_over_list("min"), _ordered_over_values("min"), over=_extreme(min),
             apply=_several(min), words=_words("lowest of {}", "laveste værdi i {}")),
    Function("nps", _nps_over_list, _one_list("nps", "nps(anbefaling)", "function.nps-list"),
             over=_nps, over_tally=_nps_in, result=T_NUMBER,
             words=_words("NPS for {}", "NPS for {}")),
    *(Function(name, over_values=_round_type, apply=_rounded(how)) for name, how in ROUNDINGS.items()),
    Function("convert", over_values=_convert_type, apply=_convert),
    *(Function(name, over_values=_date_part_type(name), apply=_date_part(part), result=T_INTEGER)
      for name, part in DATE_PARTS.items()),
    Function("share", _bools_over_list("share", T_PERCENT),
             _one_list("share", "share(a in answers where a >= 9)", "function.bool-list"),
             **_counting(_share), result=T_PERCENT, words=_words("share of {}", "andel af {}")),
    Function("sum", _adds_up("sum"), _one_list("sum", "sum(answers)"), over=_sum,
             words=_words("sum of {}", "summen af {}")),
)}

NAMES = tuple(sorted(FUNCTIONS))
QUANTIFIERS = tuple(name for name in NAMES if FUNCTIONS[name].quantifier)

