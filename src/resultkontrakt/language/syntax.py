"""Syntax nodes: what a contract says, each piece with the place it was written.

Nodes are frozen attrs classes. Spans are left out of equality, so two
contracts that say the same thing in different layouts compare equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from fractions import Fraction
from typing import TypeVar, Union

import attrs

from ..core.errors import Problem, Span
from ..core.values import CalendarSpan, Type, with_currency
from ..core.vocabulary import MONEY_UNITS, UNIT_CURRENCY


def _span() -> Span:
    """Where a node was written: kept for messages, ignored by equality."""
    return attrs.field(eq=False, repr=False, kw_only=True)


# ---- expressions --------------------------------------------------------------


@attrs.frozen
class Number:
    value: Fraction
    span: Span = _span()
    # Written with a decimal point though whole (`1.0`): a unit to round to, not a count of decimals.
    decimal: bool = False


@attrs.frozen
class Percent:
    """`70%`: the value is the share, 7/10."""

    value: Fraction
    span: Span = _span()


class _InCurrency:
    """What an amount written with a unit (`16488 tkr`, and the `7.46 kr` of a rate) is worth:
    its value in its currency's units, and that currency."""

    amount: Fraction
    unit: str

    @property
    def value(self) -> Fraction:
        return self.amount * MONEY_UNITS[self.unit]

    @property
    def currency(self) -> str:
        return UNIT_CURRENCY[self.unit]


@attrs.frozen
class Money(_InCurrency):
    """`16488 tkr`, `1.9 mio GBP`: the value is in its currency's units (kroner, pounds);
    `amount` and `unit` are as written."""

    amount: Fraction
    unit: str
    span: Span = _span()


@attrs.frozen
class Rate(_InCurrency):
    """`7.4604 kr per EUR`: what one unit of `per` is worth in the currency of `unit`."""

    amount: Fraction
    unit: str
    per: str
    span: Span = _span()


@attrs.frozen
class Date:
    value: dt.date
    span: Span = _span()


@attrs.frozen
class Bool:
    value: bool
    span: Span = _span()


@attrs.frozen
class Text:
    value: str
    span: Span = _span()


@attrs.frozen
class Duration:
    """`18 months`: a span of the calendar, added to or taken from a date."""

    amount: int
    unit: str  # "days", "months" or "years"
    span: Span = _span()

    @property
    def value(self) -> CalendarSpan:
        return CalendarSpan(self.amount, self.unit)


@attrs.frozen
class Name:
    """A reference to a fact, metric or deliverable (or `deliverables`)."""

    name: str
    span: Span = _span()


@attrs.frozen
class Unary:
    op: str  # "-" or "not"
    operand: Expr
    span: Span = _span()


@attrs.frozen
class Chain:
    """Operands joined by operators of one strength, worked out from the left: `a + b - c`
    is `(a + b) - c`; `a and b and c`; `75% of x / 12`.

    However long, a chain is one node: a sum of 10,000 terms is no deeper than `a + b`, so
    nothing that walks the syntax goes one level deeper for each term.
    """

    first: Expr
    steps: tuple[tuple[str, Expr], ...]  # each operator, with the operand it brings in
    span: Span = _span()

    @property
    def operands(self) -> tuple[Expr, ...]:
        return (self.first, *(operand for _, operand in self.steps))

    @property
    def op(self) -> str:
        """The operator of a chain of conditions (`and`, `or`); the first of a sum or product."""
        return self.steps[0][0]

    def upto(self, step: int) -> Expr:
        """The chain up to and including `steps[step]` (`a + b` of `a + b - c`), at the place it
        was written: what a step that goes wrong is said to be."""
        if step < 0:
            return self.first
        if step == len(self.steps) - 1:
            return self
        last = self.steps[step][1].span
        span = Span(self.span.source, self.first.span.line, self.first.span.column,
                    last.end_line, last.end_column)
        return Chain(self.first, self.steps[:step + 1], span=span)


# How tightly each operator binds, loosest first (the grammar's order); operators of one
# strength chain together.
STRENGTH = {"or": 1, "and": 2, "+": 5, "-": 5, "*": 6, "/": 6, "of": 6}


def chain(first: Expr, steps: tuple[tuple[str, Expr], ...], span: Span) -> Chain:
    """`first` followed by `steps`, where a chain of the same strength first goes on:
    `(a + b) - c` is the chain `a + b - c`, as it is written without the brackets."""
    if isinstance(first, Chain) and STRENGTH[first.op] == STRENGTH[steps[0][0]]:
        return Chain(first.first, first.steps + steps, span=span)
    return Chain(first, steps, span=span)


@attrs.frozen
class Compare:
    op: str  # >= > <= < = !=
    left: Expr
    right: Expr
    span: Span = _span()


@attrs.frozen
class Call:
    function: str
    args: tuple[Expr, ...]
    span: Span = _span()


@attrs.frozen
class Member:
    """`item in collection`, or `item not in collection`."""

    item: Expr
    collection: Expr
    negated: bool = False
    span: Span = _span()


@attrs.frozen
class SetLiteral:
    """`{"i høj grad", "i nogen grad"}`: values written out."""

    items: tuple[Expr, ...]
    span: Span = _span()


@attrs.frozen
class ListLiteral:
    """`[10, 9, 7]`: values in order, as a list fact holds them."""

    items: tuple[Expr, ...]
    span: Span = _span()


# A key of a table written in a contract: a text, a whole number or a date.
Key = Union[str, int, dt.date]


@attrs.frozen
class TableLiteral:
    """`{"Morsø": 20514, "Thisted": 43716}`, `{2008: 5100, 2009: 5350}`: a table written out,
    key by key; the keys of one table are of one kind (texts, whole numbers or dates)."""

    pairs: tuple[tuple[Key, Expr], ...]
    span: Span = _span()


@attrs.frozen
class RecordLiteral:
    """`{deltager: "A", dato: 2016-03-01}`: a row written out, field by field (in a worked
    example)."""

    fields: tuple[tuple[str, Expr], ...]
    span: Span = _span()


@attrs.frozen
class FieldRead:
    """`k.dato`: a field of a record."""

    record: Expr
    field: str
    span: Span = _span()


@attrs.frozen
class Lookup:
    """`takster[k.resultat]`: the value a table holds for a key."""

    table: Expr
    key: Expr
    span: Span = _span()


@attrs.frozen
class Integers:
    """`1 .. 12`: the whole numbers from `low` to `high`, both included; what a comprehension
    goes through."""

    low: Expr
    high: Expr
    span: Span = _span()


@attrs.frozen
class Comprehension:
    """`EXPR for NAME in LIST where COND`: the list of `element` for each item of `source`
    (bound to `var`) that meets `where`. Written in brackets it is a list; as the one argument
    of a function (`sum(... for k in krav)`) it is the list the function goes through."""

    element: Expr
    var: str
    source: Expr
    where: Expr | None = None
    span: Span = _span()


@attrs.frozen
class If:
    """`if C then A else B`: A where C holds, else B; only the branch taken is evaluated."""

    condition: Expr
    then: Expr
    otherwise: Expr
    span: Span = _span()


@attrs.frozen
class GoalValue:
    """A goal's result read as a value: `fulfilment(goal 1)`, `points(goal 1)`, or, with no
    goal, the contract's `overall` fulfilment or its total `points`."""

    what: str  # "fulfilment", "points" or "overall"
    goal: str | None = None
    span: Span = _span()


@attrs.frozen
class Aggregate:
    """`share(a in answers where a >= 9)`: `var` is bound to each element of `source`."""

    function: str
    var: str
    source: Expr
    where: Expr
    span: Span = _span()


@attrs.frozen
class PeriodValue:
    """The reporting period read in an expression: `period.year`, `period.start`, `period.end`
    (`field`), or, with no field, the period itself, which only `d in period` reads."""

    field: str | None = None
    span: Span = _span()


Expr = Union[Number, Percent, Money, Rate, Date, Bool, Text, Duration, Name, Unary, Chain, Compare, Call,
             Member, SetLiteral, ListLiteral, TableLiteral, Aggregate, If, GoalValue, PeriodValue,
             FieldRead, Lookup, Integers, Comprehension, RecordLiteral]
LITERALS = (Number, Percent, Money, Rate, Date, Bool, Text, Duration)
Literal = Union[Number, Percent, Money, Rate, Date, Bool, Text, Duration]


def signed_literal(expr: Expr) -> tuple[Literal, int] | None:
    """A literal written with an optional minus sign (`-100`, `70%`), and that sign; else None."""
    sign = 1
    while isinstance(expr, Unary) and expr.op == "-":
        expr, sign = expr.operand, -sign
    return (expr, sign) if isinstance(expr, LITERALS) else None


def literal_value(expr: Expr) -> Fraction | dt.date | None:
    """The value of a literal quantity or date with an optional minus sign; None for anything else."""
    found = signed_literal(expr)
    if found is None:
        return None
    node, sign = found
    match node:
        case Number() | Percent() | Money():
            return -node.value if sign < 0 else node.value
        case Date():
            return node.value  # a date with a minus sign is a type error, reported elsewhere
    return None


def names_in(expr: Expr) -> Iterator[str]:
    """The names an expression reads; a quantifier's bound name is its own, not a reference."""
    match expr:
        case Name(name=name):
            yield name
        case Unary(operand=operand):
            yield from names_in(operand)
        case Chain():
            for operand in expr.operands:
                yield from names_in(operand)
        case Compare(left=left, right=right):
            yield from names_in(left)
            yield from names_in(right)
        case Member(item=item, collection=collection):
            yield from names_in(item)
            yield from names_in(collection)
        case Call(args=items) | SetLiteral(items=items) | ListLiteral(items=items):
            for item in items:
                yield from names_in(item)
        case Aggregate(var=var, source=source, where=where):
            yield from names_in(source)
            yield from (name for name in names_in(where) if name != var)
        case If(condition=condition, then=then, otherwise=otherwise):
            yield from names_in(condition)
            yield from names_in(then)
            yield from names_in(otherwise)
        case TableLiteral(pairs=pairs):
            for _, item in pairs:
                yield from names_in(item)
        case FieldRead(record=record):
            yield from names_in(record)
        case RecordLiteral(fields=fields):
            for _, item in fields:
                yield from names_in(item)
        case Lookup(table=table, key=key):
            yield from names_in(table)
            yield from names_in(key)
        case Integers(low=low, high=high):
            yield from names_in(low)
            yield from names_in(high)
        case Comprehension(element=element, var=var, source=source, where=where):
            yield from names_in(source)
            for inner in (element, where):
                if inner is not None:
                    yield from (name for name in names_in(inner) if name != var)


def children(expr: Expr) -> tuple[Expr, ...]:
    """The expressions directly inside `expr`."""
    match expr:
        case Unary(operand=operand):
            return (operand,)
        case Chain():
            return expr.operands
        case Compare(left=left, right=right):
            return (left, right)
        case Member(item=item, collection=collection):
            return (item, collection)
        case Call(args=items) | SetLiteral(items=items) | ListLiteral(items=items):
            return items
        case Aggregate(source=source, where=where):
            return (source, where)
        case If(condition=condition, then=then, otherwise=otherwise):
            return (condition, then, otherwise)
        case TableLiteral(pairs=pairs):
            return tuple(item for _, item in pairs)
        case FieldRead(record=record):
            return (record,)
        case RecordLiteral(fields=fields):
            return tuple(item for _, item in fields)
        case Lookup(table=table, key=key):
            return (table, key)
        case Integers(low=low, high=high):
            return (low, high)
        case Comprehension(element=element, source=source, where=where):
            return (source, element) if where is None else (source, element, where)
    return ()


def goal_values_in(expr: Expr) -> Iterator[GoalValue]:
    """The goal results an expression reads (`fulfilment(goal 1)`, `overall`, ...)."""
    pending = [expr]
    while pending:
        node = pending.pop()
        if isinstance(node, GoalValue):
            yield node
        else:
            pending.extend(reversed(children(node)))


# ---- declarations -------------------------------------------------------------


@attrs.frozen
class Range:
    low: Expr
    high: Expr
    span: Span = _span()


@attrs.frozen
class Field:
    """A field of a record, as written: `dato: date`, `minutter: integer in 0 .. 1440`."""

    name: str
    type: Type
    range: Range | None = None
    label: str | None = None  # the words a report uses for it: `dato: date label "dokumenteret"`
    span: Span = _span()


@attrs.frozen
class Fact:
    name: str
    type: Type
    range: Range | None = None
    description: str | None = None
    span: Span = _span()
    label: str | None = None  # the words a report uses for it: `label "opsøgende model"`
    # What its value counts, shown after it: `unit "dag" "dage"`, as (one, many).
    unit: tuple[str, str] | None = None
    # The fields of the record in its type (`list of record {...}`), as written, with their
    # ranges; the type holds their names and types.
    fields: tuple[Field, ...] = ()


@attrs.frozen
class Metric:
    name: str
    expr: Expr
    description: str | None = None
    span: Span = _span()
    label: str | None = None  # the words a report uses for it
    unit: tuple[str, str] | None = None  # what its value counts, as (one, many)
    # Where the unit is written: its type is found only by the checker, which says there
    # that a metric worked out as money or a percent takes none.
    unit_span: Span | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)


@attrs.frozen
class Deliverable:
    """A piece of work a goal asks for: done (true), not done, or delivered on a date."""

    name: str
    title: str
    due: Expr | None = None  # a date, or an expression of dates: `første + 36 months`
    goal: str = ""
    span: Span = _span()

    @property
    def due_date(self) -> dt.date | None:
        """The due date where it is written as a date; None where there is none or it is computed."""
        return self.due.value if isinstance(self.due, Date) else None


@attrs.frozen
class Tier:
    """One line of a score: when `condition` holds, the goal is `fulfilment` met.

    `condition` is None for `else`. A tier written without its subject
    (`>= 50 -> 50%`) is stored as the full comparison with `shorthand` set,
    so evaluation needs no special case and printing can restore the short form.
    """

    condition: Expr | None
    fulfilment: Expr
    shorthand: bool = False
    span: Span = _span()


@attrs.frozen
class Requirement:
    """`require CONDITION "reason"`: without it, the goal cannot be judged."""

    condition: Expr
    reason: str
    span: Span = _span()


@attrs.frozen
class Goal:
    id: str
    title: str
    group: str | None = None
    weight: Fraction = Fraction(1)
    text: tuple[str, ...] = ()
    deliverables: tuple[Deliverable, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    tiers: tuple[Tier, ...] = ()
    # `applies when COND`: where COND is false in the reporting period, the goal is not applicable.
    applies: Expr | None = None
    span: Span = _span()
    # Where the lines without nodes of their own stand (group, weight, text
    # blocks, score), so that `rk fmt` can keep comments beside them.
    item_spans: tuple[tuple[str, Span], ...] = attrs.field(default=(), eq=False, repr=False)


@attrs.frozen
class Share:
    """One party's weight in a split, as written."""

    party: str
    weight: Fraction
    span: Span = _span()


@attrs.frozen
class Split:
    """`split NAME { ... }`: a total billed to parties in proportion to their weights.

    Either `shares` lists the weights, or `shares_from` names a table fact.
    Money is in kroner; `unit` is the smallest amount billed.
    """

    name: str
    total: Expr | None  # an amount written out, or a money expression worked out from the facts
    unit: Money | None
    method: str = "largest remainder"
    installments: int = 1
    key: str | None = None
    shares: tuple[Share, ...] = ()
    shares_from: str | None = None
    text: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()  # who must be in it, where listed
    span: Span = _span()
    item_spans: tuple[tuple[str, Span], ...] = attrs.field(default=(), eq=False, repr=False)
    title: str | None = None  # what readers see it called: `split basisbevilling "Basisbevilling"`

    @property
    def shown_as(self) -> str:
        """The split as readers see it named: its title, or else its name."""
        return self.title or self.name

    @property
    def fixed_total(self) -> Money | None:
        """The total where it is an amount written out; None where it is computed."""
        return self.total if isinstance(self.total, Money) else None

    @property
    def billed_in(self) -> Money:
        """The unit billed in: as written, or 1 of the total's own unit (16488 tkr: 1 tkr; 1 kr
        for a total worked out from the facts)."""
        if self.unit is not None:
            return self.unit
        assert self.total is not None
        fixed = self.fixed_total
        return Money(Fraction(1), fixed.unit if fixed is not None else "kr", span=self.total.span)


@attrs.frozen
class Payment:
    """`payment NAME "title" = AMOUNT`: money that follows the results, worked out after the goals."""

    name: str
    title: str | None
    expr: Expr
    span: Span = _span()


@attrs.frozen
class Given:
    """`given NAME = VALUE` in an example: a fact, deliverable or metric set to a value."""

    name: str
    value: Expr
    span: Span = _span()


@attrs.frozen
class Expectation:
    """What an example expects: a goal's fulfilment (None: not evaluable), a goal
    pending, the overall fulfilment, the total points, a payment's amount, or one
    party's amount in a split."""

    # "goal", "pending", "not applicable", "provisional", "overall", "points", "payment",
    # "payment pending", "payment not evaluable", "payment provisional" or "split"
    kind: str
    value: Expr | None
    goal: str | None = None
    split: str | None = None
    party: str | None = None
    payment: str | None = None
    span: Span = _span()


@attrs.frozen
class Example:
    """A worked example inside a contract: given these values, expect these results."""

    name: str
    givens: tuple[Given, ...]
    expectations: tuple[Expectation, ...]
    as_of: dt.date | None = None  # evaluated as of this day, during the period
    period: str | None = None  # the reporting period it is evaluated for (`period 2009`)
    span: Span = _span()


@attrs.frozen
class Header:
    title: str
    parties: tuple[str, ...] = ()
    period: tuple[dt.date, dt.date] | None = None
    text: tuple[str, ...] = ()
    # `each year`, `each half year` or `each quarter` (PERIOD_STEPS): reporting periods within it.
    each: str | None = None
    span: Span = _span()
    item_spans: tuple[tuple[str, Span], ...] = attrs.field(default=(), eq=False, repr=False)
    currency: str | None = None  # `currency GBP`: the currency of `money` facts that name none
    language: str | None = None  # `language "da"`: the language commands speak for it


@attrs.frozen
class Module:
    """A whole `.rk` file, in written order."""

    header: Header | None
    facts: tuple[Fact, ...]
    metrics: tuple[Metric, ...]
    goals: tuple[Goal, ...]
    splits: tuple[Split, ...] = ()
    examples: tuple[Example, ...] = ()
    payments: tuple[Payment, ...] = ()
    source: str = attrs.field(default="<string>", eq=False)
    # Every declaration in written order, for printing the file back.
    items: tuple[object, ...] = attrs.field(default=(), eq=False, repr=False)


def _in_currency(fact: Fact, currency: str) -> Fact:
    """A fact whose amounts, and its record's, are in the contract's `currency` where it names none."""
    fields = tuple(attrs.evolve(field, type=with_currency(field.type, currency)) for field in fact.fields)
    return attrs.evolve(fact, type=with_currency(fact.type, currency), fields=fields)


def module_of(items: tuple[object, ...], source: str) -> Module:
    """The module of a file's declarations, in written order."""
    headers = [i for i in items if isinstance(i, Header)]
    currency = headers[0].currency if headers else None
    return Module(
        header=headers[0] if headers else None,
        facts=tuple(i if currency is None else _in_currency(i, currency) for i in items if isinstance(i, Fact)),
        metrics=tuple(i for i in items if isinstance(i, Metric)),
        goals=tuple(i for i in items if isinstance(i, Goal)),
        splits=tuple(i for i in items if isinstance(i, Split)),
        examples=tuple(i for i in items if isinstance(i, Example)),
        payments=tuple(i for i in items if isinstance(i, Payment)),
        source=source,
        items=items,
    )


_T = TypeVar("_T")


def moved(value: _T, lines: int) -> _T:
    """`value` (nodes, problems, tuples of them) with every position `lines` further down the file."""
    cls = type(value)
    if cls in _PLACELESS:  # most fields: looked at first, as an editor moves every node below a new line
        return value
    fields = _MOVABLE.get(cls)
    if fields is not None:
        copy = object.__new__(cls)
        for name in fields:
            field = getattr(value, name)
            object.__setattr__(copy, name, field if type(field) in _PLACELESS else moved(field, lines))
        return copy
    if isinstance(value, Span):
        return Span(value.source, value.line + lines, value.column,  # type: ignore[return-value]
                    value.end_line + lines, value.end_column)
    if isinstance(value, tuple):
        return tuple([moved(item, lines) for item in value])  # type: ignore[return-value]
    if isinstance(value, list):
        return [moved(item, lines) for item in value]  # type: ignore[return-value]
    return value  # a date, a number, a type: nothing in it has a place


# Values with no place in them, of the kinds nodes hold most.
_PLACELESS = frozenset({str, int, bool, type(None), Fraction, dt.date})


# Every kind of node, for readers of syntax kept as data (contract_cache.py).
NODES = tuple(value for value in list(globals().values())
              if attrs.has(value) and value.__module__ == __name__)
# The nodes and records that can hold a position, with their fields.
_MOVABLE: dict[type, tuple[str, ...]] = {
    cls: tuple(field.name for field in attrs.fields(cls)) for cls in (*NODES, Problem)}
