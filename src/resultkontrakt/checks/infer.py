"""Type inference: the type of every expression, and a problem for each misuse.

Types decide what may be compared or combined (a percent is not a plain
number), how a value is shown (72% rather than 0.72), and which functions
apply (`nps` takes a list of answers).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from fractions import Fraction

import attrs

from ..core.errors import Problem, Span, closest
from ..core.reasons import Kind, problem
from ..core.values import (
    BOOL,
    DATE,
    DURATION,
    LIST,
    MONEY,
    NUMBER,
    PERCENT,
    RATE,
    RECORD,
    T_BOOL,
    T_DATE,
    T_DURATION,
    T_INTEGER,
    T_NUMBER,
    T_PERCENT,
    T_TEXT,
    TABLE,
    Type,
    currencies_of,
    format_value,
    list_of,
    money_in,
    rate_type,
    record_of,
    table_of,
)
from ..core.vocabulary import quote
from ..language import syntax as s
from ..language.printer import expr_text, key_text
from ..semantics.functions import FUNCTIONS, ORDERED, QUANTIFIERS, Mistake
from ..semantics.functions import NAMES as FUNCTION_NAMES

DELIVERABLES = "deliverables"


def unit_hint(kind: str) -> str | None:
    """The hint on how to write a value of `kind` (a number, percent or money), if there is one."""
    return f"unit.{kind}" if kind in (PERCENT, MONEY, NUMBER) else None


def as_percent(number: Fraction) -> str:
    """70 -> '70%', and 0.7 -> '70%': what the writer most likely meant, as it is written."""
    share = number if abs(number) <= 1 else number / 100
    return format_value(share, T_PERCENT)


def _texts_in(expr: s.Expr) -> list[s.Expr]:
    """The texts an expression may give: itself, a set's items, each branch of an `if`."""
    if isinstance(expr, s.Text):
        return [expr]
    if isinstance(expr, s.SetLiteral):
        return list(expr.items)
    if isinstance(expr, s.If):
        return _texts_in(expr.then) + _texts_in(expr.otherwise)
    return []


def key_type(key: s.Key) -> Type:
    """The type of a table's key as written: a text, a whole number or a date."""
    if isinstance(key, str):
        return T_TEXT
    return T_INTEGER if isinstance(key, int) else T_DATE


def key_written(expr: s.Expr) -> s.Key | None:
    """The key an expression writes out (`"nvq2"`, `2009`, `2016-03-01`), or None."""
    match expr:
        case s.Text(value=value):
            return value
        case s.Number(value=value) if value.denominator == 1:
            return value.numerator
        case s.Date(value=value):
            return value
    return None


def _percent_times(expr: s.Expr) -> str | None:
    """`75% * 120` written as the percent of a number it means: `75% of 120`."""
    if isinstance(expr, s.Chain) and expr.steps[-1][0] == "*":
        left, right = expr.upto(len(expr.steps) - 2), expr.steps[-1][1]
        for percent, number in ((left, right), (right, left)):
            if isinstance(percent, s.Percent) and not isinstance(number, s.Percent):
                return f"{expr_text(percent)} of {expr_text(number)}"
    return None


@attrs.frozen
class Step:
    """One step of a sum or product: what comes before it, its operator and its operand."""

    chain: s.Chain
    index: int

    @property
    def op(self) -> str:
        return self.chain.steps[self.index][0]

    @property
    def right(self) -> s.Expr:
        return self.chain.steps[self.index][1]

    @property
    def left(self) -> s.Expr:
        """The chain before this step; made when a message quotes it."""
        return self.chain.upto(self.index - 1)

    @property
    def written_left(self) -> s.Expr | None:
        """The left operand where it is written as one (the first step's), else None."""
        return self.chain.first if self.index == 0 else None

    @property
    def span(self) -> Span:
        return self.chain.upto(self.index).span


class _Same:
    """A table's keys, equal only to themselves: hashing a tuple of 100,000 keys at every lookup
    is the work the set of them saves."""

    __slots__ = ("keys",)

    def __init__(self, keys: tuple[s.Key, ...]):
        self.keys = keys

    def __hash__(self) -> int:
        return id(self.keys)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.keys is self.keys


@functools.lru_cache(maxsize=64)
def _key_set(keys: _Same) -> frozenset[s.Key]:
    """The keys of a table written out, to look a key up in at once: a search of the tuple at
    each of a contract's thousands of lookups made loading it take time by their product."""
    return frozenset(keys.keys)


@attrs.define
class Typer:
    """Gives expressions their types; records a problem for each mistake when asked to."""

    types: dict[str, Type]
    goal: s.Goal | None
    problems: list[Problem] | None
    # Declared names without a type (metrics in a cycle): already reported.
    untyped: set[str] | frozenset[str] = frozenset()
    # Names bound by quantifiers around the expression being typed.
    scope: dict[str, Type] = attrs.field(factory=dict)
    # The contract's goal ids, where `fulfilment(goal ID)` is to be checked against them.
    goal_ids: frozenset[str] | None = None
    # Payments, which only payments and split totals may use (they come after the goals).
    payments: frozenset[str] = frozenset()

    def _error(self, span: Span, code: str, hint: str | None = None, *, suggestion: str | None = None,
               params: Mapping[str, object] | None = None, **named: object) -> None:
        """The problem `code` at `span` (reasons.problem), if problems are asked for."""
        if self.problems is not None:
            self.problems.append(problem(code, span, hint=hint, suggestion=suggestion,
                                         params={**(params or {}), **named}))

    def type_of(self, expr: s.Expr) -> Type | None:
        match expr:
            case s.Number(value=value):
                return T_INTEGER if value.denominator == 1 else T_NUMBER
            case s.Percent():
                return T_PERCENT
            case s.Money():
                return money_in(expr.currency)
            case s.Rate():
                return rate_type(expr.currency, expr.per)
            case s.Date():
                return T_DATE
            case s.Bool():
                return T_BOOL
            case s.Text():
                return T_TEXT
            case s.Duration():
                return T_DURATION
            case s.Name():
                return self._name(expr)
            case s.GoalValue():
                return self._goal_value(expr)
            case s.PeriodValue():
                return self._period_value(expr)
            case s.If():
                return self._if(expr)
            case s.TableLiteral():
                return self._table(expr)
            case s.Unary(op="-", operand=operand):
                found = self.type_of(operand)
                if found is not None and not found.is_quantity:
                    self._error(expr.span, "negate", found=Kind(found))
                    return None
                return found
            case s.Unary(op="not", operand=operand):
                self._expect_bool(operand, "not")
                return T_BOOL
            case s.Chain(op="and" | "or" as op):
                for operand in expr.operands:
                    self._expect_bool(operand, op)
                return T_BOOL
            case s.Chain():
                return self.along(expr)[-1]
            case s.Compare():
                return self._compare(expr)
            case s.Member():
                return self._member(expr)
            case s.SetLiteral() | s.ListLiteral():
                return self._set(expr)
            case s.Aggregate():
                return self._aggregate(expr)
            case s.Call():
                return self._call(expr)
            case s.FieldRead():
                return self._field(expr)
            case s.Lookup():
                return self._lookup(expr)
            case s.Integers():
                return self._integers(expr)
            case s.Comprehension():
                return self._comprehension(expr)
            case s.RecordLiteral(fields=fields):
                types = [(name, self.type_of(item)) for name, item in fields]
                if any(found is None for _, found in types):
                    return None
                return record_of(tuple(types))  # type: ignore[arg-type]  # none is None, as just seen
        raise AssertionError(f"unknown expression node {expr!r}")

    # ---- names ----

    def _name(self, expr: s.Name) -> Type | None:
        if expr.name in self.scope:
            return self.scope[expr.name]
        if expr.name == DELIVERABLES:
            if self.goal is None:
                self._error(expr.span, "deliverables-in-metric")
                return None
            if not self.goal.deliverables:
                self._error(expr.span, "goal.no-deliverables", goal=self.goal.id)
                return None
            return list_of(T_BOOL)
        if expr.name == "?":  # a shorthand tier with no subject; already reported
            return None
        if expr.name in self.payments:
            self._error(expr.span, "payment.too-early", name=expr.name)
            return None
        found = self.types.get(expr.name)
        if found is None and expr.name not in self.untyped:
            known = list(self.types) + list(self.scope) + ([DELIVERABLES] if self.goal else [])
            self._error(expr.span, "unknown-name", name=expr.name, suggestion=closest(expr.name, known))
        return found

    def mixed(self, span: Span, op: str, *types: Type | None) -> bool:
        """Whether `types` hold money of two currencies, reported at `span` with the hint to convert."""
        found = currencies_of(*types)
        if len(found) < 2:
            return False
        self._error(span, "currency.mixed", "currency.convert", op=op, left=found[0], right=found[1])
        return True

    def _expect_bool(self, expr: s.Expr, what: str) -> None:
        found = self.type_of(expr)
        if found is not None and found.kind != BOOL:
            self._error(expr.span, "needs-bool", what=what, found=Kind(found))

    def _goal_value(self, expr: s.GoalValue) -> Type:
        if expr.goal is not None and self.goal_ids is not None and expr.goal not in self.goal_ids:
            self._error(expr.span, "unknown-goal", goal=expr.goal, goals=tuple(sorted(self.goal_ids)),
                        suggestion=closest(expr.goal, self.goal_ids))
        return T_NUMBER if expr.what == "points" else T_PERCENT

    def _if(self, expr: s.If) -> Type | None:
        self._expect_bool(expr.condition, "if")
        then, otherwise = self.type_of(expr.then), self.type_of(expr.otherwise)
        if then is None or otherwise is None:
            return None
        if then.kind != otherwise.kind or (then.kind in (LIST, TABLE) and then != otherwise):
            hint, said = None, {}
            for typed, other, branch in ((then, otherwise, expr.otherwise), (otherwise, then, expr.then)):
                if other.kind == NUMBER and isinstance(branch, s.Number) and typed.kind in (PERCENT, MONEY):
                    written = (as_percent(branch.value) if typed.kind == PERCENT
                               else f"{expr_text(branch)} kr")
                    hint, said = "if.write-as", {"branch": expr_text(branch), "kind": Kind(typed),
                                                 "written": written}
            self._error(expr.span, "if.kinds", hint, params=said, then=Kind(then), otherwise=Kind(otherwise))
            return None
        if then == otherwise:
            if then.keys is not None and then.keys != otherwise.keys:
                # Tables written out in each branch: a key is known to be there if it is in both.
                both = tuple(key for key in then.keys if key in (otherwise.keys or ()))
                return attrs.evolve(then, keys=both if otherwise.keys is not None else None)
            return then
        if self.mixed(expr.span, "if", then, otherwise):
            return None
        if then.kind == RATE:  # rates between other currencies: neither converts what the other does
            self._error(expr.span, "currency.rates", op="if", left=str(then), right=str(otherwise))
            return None
        return Type(then.kind, integer=then.integer and otherwise.integer, currency=then.currency)

    def _table(self, expr: s.TableLiteral) -> Type | None:
        types = [self.type_of(item) for _, item in expr.pairs]
        known = [t for t in types if t is not None]
        if len(known) != len(types):
            return None
        if len({t.kind for t in known}) != 1 or not known[0].is_quantity:
            self._error(expr.span, "table.kinds")
            return None
        if self.mixed(expr.span, "{}", *known):
            return None
        keys = tuple(key for key, _ in expr.pairs)
        element = Type(known[0].kind, integer=all(t.integer for t in known), currency=known[0].currency)
        return table_of(element, key_type(keys[0]), keys)

    # ---- rows: fields, lookups and comprehensions ----

    def _field(self, expr: s.FieldRead) -> Type | None:
        record = self.type_of(expr.record)
        if record is None:
            return None
        if record.kind != RECORD:
            rows = record.kind == LIST and record.element is not None and record.element.kind == RECORD
            self._error(expr.span, "field.not-record", "field.rows" if rows else None, field=expr.field,
                        found=Kind(record), record=expr_text(expr.record))
            return None
        found = record.field(expr.field)
        if found is None:
            names = [name for name, _ in record.fields or ()]
            self._error(expr.span, "field.unknown", field=expr.field, fields=tuple(names),
                        suggestion=closest(expr.field, names))
        return found

    def _lookup(self, expr: s.Lookup) -> Type | None:
        table, key = self.type_of(expr.table), self.type_of(expr.key)
        if table is None:
            return None
        if table.kind != TABLE or table.element is None:
            self._error(expr.table.span, "lookup.not-table", found=Kind(table), table=expr_text(expr.table))
            return None
        expected = table.key or T_TEXT
        if key is not None and key.kind != expected.kind:
            self._error(expr.key.span, "lookup.key-kind", key=Kind(key), expected=Kind(expected, "many"),
                        table=expr_text(expr.table))
        elif key is not None and table.keys is not None:
            self._keys_there(expr, table.keys, key)
        return table.element

    def _keys_there(self, expr: s.Lookup, keys: tuple[s.Key, ...], key: Type) -> None:
        """A key written out must be in the table written out, and so must every answer of a
        `one of` key: both are known before any fact is."""
        table = expr_text(expr.table)
        written = key_written(expr.key)
        there = _key_set(_Same(keys))
        if written is not None and written not in there:
            texts = [k for k in keys if isinstance(k, str)]
            self._error(expr.key.span, "lookup.no-key", key=key_text(written), table=table,
                        keys=tuple(map(key_text, keys)),
                        suggestion=closest(written, texts) if isinstance(written, str) else None)
        elif key.choices is not None:
            missing = tuple(quote(choice) for choice in key.choices if choice not in there)
            if missing:
                self._error(expr.span, "lookup.choices-missing", table=table, key=expr_text(expr.key),
                            missing=missing)

    def _integers(self, expr: s.Integers) -> Type:
        for end in (expr.low, expr.high):
            found = self.type_of(end)
            if found is not None and not (found.kind == NUMBER and found.integer):
                self._error(end.span, "integers.not-whole", found=Kind(found))
        return list_of(T_INTEGER)

    def _comprehension(self, expr: s.Comprehension) -> Type | None:
        source = self.type_of(expr.source)
        if expr.var in self.types or expr.var in self.scope or expr.var == DELIVERABLES:
            self._error(expr.span, "bound-name-taken", name=expr.var, other="k" if expr.var != "k" else "r")
        if source is None:
            return None
        if source.kind != LIST or source.element is None:
            self._error(expr.source.span, "comprehension.not-list", found=Kind(source),
                        source=expr_text(expr.source))
            return None
        outer = self.scope.get(expr.var)  # a name bound twice (reported above) shadows, then comes back
        self.scope[expr.var] = source.element
        try:
            if expr.where is not None:
                self._expect_bool(expr.where, "where")
            element = self.type_of(expr.element)
        finally:
            if outer is None:
                del self.scope[expr.var]
            else:
                self.scope[expr.var] = outer
        return None if element is None else list_of(element)

    # ---- operators ----

    def along(self, expr: s.Chain) -> list[Type | None]:
        """The type of a sum or product so far, at its first operand and after each step."""
        so_far = self.type_of(expr.first)
        found = [so_far]
        for index, (_, operand) in enumerate(expr.steps):
            right = self.type_of(operand)
            so_far = self._arithmetic(Step(expr, index), so_far, right)
            found.append(so_far)
        return found

    def _arithmetic(self, expr: Step, left: Type | None, right: Type | None) -> Type | None:
        if left is None or right is None:
            return None
        if LIST in (left.kind, right.kind):
            return self._list_arithmetic(expr, left, right)
        if expr.op == "of":
            return self._of(expr, left, right)
        if DATE in (left.kind, right.kind) or DURATION in (left.kind, right.kind):
            return self._calendar(expr, left, right)
        if not (left.is_quantity and right.is_quantity):
            bad = left if not left.is_quantity else right
            self._error(expr.span, "arithmetic.not-quantity", op=expr.op, found=Kind(bad))
            return None
        kinds = (left.kind, right.kind)
        hundred = any(isinstance(side, s.Number) and side.value == 100
                      for side in (expr.written_left, expr.right))
        if expr.op == "*" and PERCENT in kinds and NUMBER in kinds and hundred:
            # 70% * 100 is 7000%, never the 70 the writer wanted.
            self._error(expr.span, "percent-times-100")
            return None
        result: str | None
        if expr.op in "+-":
            result = left.kind if left.kind == right.kind else None
        elif expr.op == "*":
            if NUMBER in kinds:
                result = right.kind if left.kind == NUMBER else left.kind
            elif kinds == (PERCENT, PERCENT):
                result = PERCENT
            elif set(kinds) == {PERCENT, MONEY}:
                result = MONEY
            else:
                result = None
        else:  # "/"
            if right.kind == NUMBER:
                result = left.kind
            elif left.kind == right.kind:
                result = NUMBER
            else:
                result = None
        if result is None:
            self._error(expr.span, "cannot-combine", "percent-is-share" if PERCENT in kinds else None,
                        op=expr.op, left=Kind(left), right=Kind(right))
            return None
        if self.mixed(expr.span, expr.op, left, right):
            return None
        integer = left.integer and right.integer and expr.op in "+-*"
        currency = (currencies_of(left, right) or (None,))[0] if result == MONEY else None
        return Type(result, integer=integer, currency=currency)

    def _calendar(self, expr: Step, left: Type, right: Type) -> Type | None:
        """`first + 18 months`, `last - 30 days`, `end - start` (a number of days)."""
        kinds = (left.kind, right.kind)
        if expr.op == "+" and set(kinds) == {DATE, DURATION}:
            return T_DATE
        if expr.op == "-" and kinds == (DATE, DURATION):
            return T_DATE
        if expr.op == "-" and kinds == (DATE, DATE):
            return T_INTEGER
        if kinds == (DURATION, DURATION):
            self._error(expr.span, "spans-combined")
        elif DURATION in kinds and DATE not in kinds:
            self._error(expr.span, "span-without-date", found=Kind(left if left.kind != DURATION else right))
        elif DATE in kinds and NUMBER in kinds:
            number = expr.right if right.kind == NUMBER else expr.left
            span = f"{expr_text(number)} days" if isinstance(number, s.Number) else "18 months"
            self._error(expr.span, "date-by-number", op=expr.op, moved=span,
                        date=expr_text(expr.left if left.kind == DATE else expr.right))
        else:
            self._error(expr.span, "cannot-combine", "date-arithmetic", op=expr.op, left=Kind(left),
                        right=Kind(right))
        return None

    def _of(self, expr: Step, left: Type, right: Type) -> Type | None:
        """`75% of 120` is 90: a percent of a number, a percent or an amount of money."""
        if left.kind != PERCENT or not right.is_quantity:
            hint, said = "of", {}
            if right.kind == PERCENT and left.is_quantity:
                hint = "of.percent-first"
            elif left.kind == NUMBER and isinstance(expr.written_left, s.Number):
                hint, said = "of.share", {"percent": as_percent(expr.written_left.value)}
            self._error(expr.span, "of", hint, params=said, left=Kind(left), right=Kind(right))
            return None
        return Type(right.kind, currency=right.currency)

    def _list_arithmetic(self, expr: Step, left: Type, right: Type) -> Type | None:
        """`[10] * 65 + [7] * 30`: lists repeated and joined, to write answers compactly."""
        if expr.op == "*" and left.kind == LIST and right.kind == NUMBER and right.integer:
            return left
        if expr.op == "+" and left.kind == right.kind == LIST:
            if left.element is None or right.element is None:
                return left if right.element is None else right
            if self.mixed(expr.span, expr.op, left.element, right.element):
                return None
            if left.element.kind == right.element.kind:
                if left.element == right.element:
                    return left
                # Joined lists of amounts stay in their one currency, so a sum of them is said in it.
                currency = (currencies_of(left.element, right.element) or (None,))[0]
                return list_of(Type(left.element.kind, currency=currency))
        self._error(expr.span, "cannot-combine", "list-arithmetic", op=expr.op, left=Kind(left), right=Kind(right))
        return None

    def _compare(self, expr: s.Compare) -> Type:
        left, right = self.type_of(expr.left), self.type_of(expr.right)
        if left is None or right is None:
            return T_BOOL
        if left.kind == right.kind == DURATION:
            self._error(expr.span, "spans-compared")
            return T_BOOL
        if self.mixed(expr.span, expr.op, left, right):
            return T_BOOL
        if expr.op in ("=", "!="):
            if left.kind != right.kind or left.kind == LIST:
                self._mismatch(expr, left, right)
            else:
                self.check_choice(left, expr.right)
                self.check_choice(right, expr.left)
        elif left.kind != right.kind or left.kind not in ORDERED:
            if (left.kind in ORDERED and right.kind in ORDERED) or {left.kind, right.kind} == {NUMBER, DURATION}:
                self._mismatch(expr, left, right)
            else:
                bad = left if left.kind not in ORDERED else right
                self._error(expr.span, "not-ordered", op=expr.op, found=Kind(bad))
        return T_BOOL

    def _mismatch(self, expr: s.Compare, left: Type, right: Type) -> None:
        if {left.kind, right.kind} == {NUMBER, DURATION}:
            span = expr.right if right.kind == DURATION else expr.left
            count = str(span.amount) if isinstance(span, s.Duration) else "N"
            self._error(expr.span, "days-not-span", op=expr.op, count=count)
            return
        hint, said = unit_hint(left.kind), {}
        for percent_side, number_side in ((left, expr.right), (right, expr.left)):
            other = right if percent_side is left else left
            if percent_side.kind == PERCENT and other.kind == NUMBER:
                hint = "compare.percent"
                if isinstance(number_side, s.Number):
                    hint, said = "compare.threshold", {"percent": as_percent(number_side.value)}
                percent_expr = expr.left if percent_side is left else expr.right
                of = _percent_times(percent_expr)
                if of is not None:
                    hint, said = "compare.percent-of", {"of": of}
        self._error(expr.span, "cannot-compare", hint, params=said, left=Kind(left), right=Kind(right))

    def check_choice(self, side_type: Type, other: s.Expr) -> None:
        """A text written against a `one of` value must be one of its answers: catches typos."""
        if side_type.choices is None:
            return
        texts = _texts_in(other)
        for text in texts:
            if isinstance(text, s.Text) and text.value not in side_type.choices:
                self._error(text.span, "not-a-choice", answer=quote(text.value),
                            choices=tuple(map(quote, side_type.choices)),
                            suggestion=closest(text.value, side_type.choices))

    def _period_value(self, expr: s.PeriodValue) -> Type | None:
        """`period.year` is an integer, `period.start` and `period.end` dates; the period alone
        is read only by `d in period` (`_member`)."""
        if expr.field is None:
            self._error(expr.span, "period.alone", hint="period.alone")
            return None
        return T_INTEGER if expr.field == "year" else T_DATE if expr.field in ("start", "end") else None

    def _member(self, expr: s.Member) -> Type:
        if isinstance(expr.collection, s.PeriodValue) and expr.collection.field is None:
            found = self.type_of(expr.item)  # `d in period`: a day within the reporting period
            if found is not None and found.kind != DATE:
                self._error(expr.item.span, "period.in-not-date", hint="period.alone", found=Kind(found))
            return T_BOOL
        item, collection = self.type_of(expr.item), self.type_of(expr.collection)
        if item is None or collection is None:
            return T_BOOL
        if collection.kind != LIST or collection.element is None:
            self._error(expr.collection.span, "in.not-list", found=Kind(collection))
            return T_BOOL
        element = collection.element
        if element.kind != item.kind:
            self._error(expr.span, "in.kinds", item=Kind(item), elements=Kind(element, "many"))
            return T_BOOL
        if self.mixed(expr.span, "in", item, element):
            return T_BOOL
        self.check_choice(item, expr.collection)
        if isinstance(expr.item, s.Text):
            self.check_choice(element, expr.item)
        return T_BOOL

    def _set(self, expr: s.SetLiteral | s.ListLiteral) -> Type | None:
        if not expr.items:
            return Type(LIST)  # `[]`: a list of anything, and of nothing
        types = [self.type_of(item) for item in expr.items]
        known = [t for t in types if t is not None]
        if len(known) != len(types):
            return None
        if len({t.kind for t in known}) != 1:
            self._error(expr.span, "set.kinds")
            return None
        if self.mixed(expr.span, "[]", *known):
            return None
        element = known[0] if all(t == known[0] for t in known) else Type(
            known[0].kind, integer=all(t.integer for t in known), currency=known[0].currency)
        return list_of(element)

    # ---- functions ----

    def _aggregate(self, expr: s.Aggregate) -> Type | None:
        name = expr.function
        function = FUNCTIONS.get(name)
        if function is None or not function.quantifier:
            self._error(expr.span, "not-a-quantifier", name=name, functions=tuple(QUANTIFIERS))
        source = self.type_of(expr.source)
        if expr.var in self.types or expr.var in self.scope or expr.var == DELIVERABLES:
            self._error(expr.span, "bound-name-taken", name=expr.var, other="a" if expr.var != "a" else "svar")
        result = function.result if function is not None else None
        if source is None:
            return result
        if source.kind != LIST or source.element is None:
            self._error(expr.source.span, "quantifier.not-list", name=name, found=Kind(source))
            return result
        element = source.element
        outer = self.scope.get(expr.var)  # a name bound twice (reported above) shadows, then comes back
        self.scope[expr.var] = element
        try:
            self._expect_bool(expr.where, "where")
        finally:
            if outer is None:
                del self.scope[expr.var]
            else:
                self.scope[expr.var] = outer
        if function is None or function.over_list is None:
            return None
        return self._typed(expr, function.over_list(element, True))

    def _call(self, expr: s.Call) -> Type | None:
        name, args = expr.function, expr.args
        function = FUNCTIONS.get(name)
        if function is None:
            self._error(expr.span, "unknown-function", name=name, functions=tuple(FUNCTION_NAMES),
                        suggestion=closest(name, FUNCTION_NAMES))
            for arg in args:
                self.type_of(arg)
            return None
        arg_types = [self.type_of(arg) for arg in args]
        known = [t for t in arg_types if t is not None]
        if len(known) != len(arg_types):
            return function.result
        if len(known) == 1 and known[0].kind == LIST and function.over_list is not None:
            # `count([])`: a list of nothing in particular counts as numbers
            return self._typed(expr, function.over_list(known[0].element or T_NUMBER, False))
        if function.over_values is None:
            self._error(expr.span, "function.one-list", "function.example", name=name, example=f"{name}(answers)")
            return None
        return self._typed(expr, function.over_values(known, expr))

    def _typed(self, expr: s.Expr, found: Type | Mistake) -> Type | None:
        """The type a function rule gave, or None and its mistake reported at `expr`."""
        if isinstance(found, Mistake):
            self._error(expr.span, found.code, params=dict(found.params))
            return None
        return found

