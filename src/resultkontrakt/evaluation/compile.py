"""Expressions compiled once into plain Python closures, evaluated many times.

A contract is loaded once and evaluated for many years and scenarios, so the
work that facts do not change (walking the syntax tree, finding the function
a call names, the constants a set holds, the type a rounding needs) is done
once per expression. A compiled expression is a closure
`(evaluator, bound) -> value`; `bound` holds the names quantifiers bind.

Quantifiers whose condition only compares the bound name with constants
(`share(a in xs where a >= 9)`, `any(a in svar where a in {...})`) compile to
predicates that run at the speed of Python's own loops.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Callable
from fractions import Fraction
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, cast

import attrs

from ..checks.analysis import tallied_by
from ..checks.infer import DELIVERABLES
from ..core.values import DATE, DURATION, RECORD, T_NUMBER, Record, Type, Value
from ..language import syntax as s
from ..semantics.evidence import KeyGroup, RowCounts
from ..semantics.functions import FUNCTIONS, Counted, Function, Predicate, Tally
from ..semantics.runtime import (
    COMPARE,
    COMPARE_ONE,
    arithmetic,
    bounded,
    calendar,
    entries,
    entry,
    fail,
    integers,
    items_of,
    join,
    literal_list,
    quantity,
    within,
)
from ..semantics.runtime import within as bounded_work
from ..semantics.status import Failed, Undecided

if TYPE_CHECKING:
    from ..checks.analysis import Analysis

Bound = dict[str, Value] | None


class Evaluator(Protocol):
    """What a compiled expression asks of the evaluation it runs in (evaluate.Evaluator)."""

    # The facts' values, and the deliverables' as they stand on the day: read before `lookup`.
    values: dict[str, Value]

    def lookup(self, name: str, expr: s.Name) -> Value:
        """A fact's, deliverable's or metric's value."""

    def counted(self, expr: s.Expr, result: Value | Counted) -> Value:
        """A function's result, keeping the counts that explain it."""

    def tally(self, name: str, value: Value) -> tuple[Tally, int]:
        """The distinct values of the list fact `name` (whose value is `value`: a list, or
        the list read as a tally), counted, and how many values the list holds."""

    def goal_value(self, expr: s.GoalValue) -> Value:
        """A goal's result (`fulfilment(goal 1)`, `points`), once the goals it reads are judged."""

    @property
    def tables(self) -> dict[object, dict[Any, Value]]:
        """Tables made lookups once in this evaluation, by the table they are made of."""

    @property
    def kept(self) -> dict[object, object]:
        """Values worked out once in this evaluation, that the rows around them do not change."""

    def period_value(self, expr: s.PeriodValue) -> Value:
        """The reporting period's `year`, `start` or `end` (its first and last day, alone)."""

    def in_period(self, day: Value) -> bool:
        """Whether `day` lies within the reporting period (`d in period`)."""


Closure = Callable[[Evaluator, Bound], Value]
# A table as a dict to look keys up in.
TableOf = Callable[[Evaluator, Bound], dict[Any, Value]]
# A comprehension's values, with the counts of the rows behind them.
Rows = Callable[[Evaluator, Bound], "tuple[tuple[Value, ...], RowCounts]"]
# A comprehension's rows: how many it goes through, the names bound inside it, those that meet `where`.
KeptOf = Callable[[Evaluator, Bound], tuple[int, dict[str, Value], tuple[Value, ...]]]
# An expression's value for each row kept.
PerRow = Callable[[Evaluator, dict[str, Value], tuple[Value, ...]], list[Value]]
# One step of a sum or product: (the value so far, the step's operand) -> the value after it.
Step = Callable[[Value, Value], Value]
OverTally = Callable[[Tally, int, Predicate | None, s.Expr], "Value | Counted"]

# `c OP x` for a constant c on the left, so that partial(function, c)(x) asks `x OP' c`.
_FLIPPED = {">=": operator.le, ">": operator.lt, "<=": operator.ge, "<": operator.gt,
            "=": operator.eq, "!=": operator.ne}


class Compiler:
    """Compiles and keeps the closures of one contract's expressions."""

    def __init__(self, analysis: Analysis):
        self.analysis = analysis
        self._closures: dict[tuple[int, str | None], Closure] = {}
        self._types: dict[tuple[int, str | None], Type | None] = {}
        self._reads: dict[tuple[str, str], tuple[s.Name, ...]] = {}

    def get(self, expr: s.Expr, goal: s.Goal | None) -> Closure:
        key = (id(expr), goal.id if goal is not None else None)
        closure = self._closures.get(key)
        if closure is None:
            closure = self._closures[key] = self._compile(expr, goal, {})
        return closure

    def names_read(self, metric: str) -> tuple[s.Name, ...]:
        """The names a metric's expression reads, once each, as nodes kept for evidence."""
        key = ("reads", metric)
        if key not in self._reads:
            expr = self.analysis.metrics[metric].expr
            self._reads[key] = tuple(s.Name(name, span=expr.span) for name in
                                     dict.fromkeys(s.names_in(expr)) if name != DELIVERABLES)
        return self._reads[key]

    def type_of(self, expr: s.Expr, goal: s.Goal | None) -> Type | None:
        key = (id(expr), goal.id if goal is not None else None)
        if key not in self._types:
            self._types[key] = self.analysis.type_of(expr, goal)
        return self._types[key]

    # ---- compiling ----

    def _compile(self, expr: s.Expr, goal: s.Goal | None, scope: dict[str, Type]) -> Closure:
        fixed = constant(expr)
        if fixed is not NOT_CONSTANT:
            return lambda ev, bound: fixed
        if scope and isinstance(expr, _WORTH_KEEPING) and not scope.keys() & set(s.names_in(expr)):
            # `sum(l)` in `count(r for r in l where sum(l) > r)`: the same for every row, so
            # worked out once an evaluation, not once a row (a million rows, a million sums).
            return _kept_once(self._compile(expr, goal, {}))
        match expr:
            case s.Name():
                return self._name(expr, goal, scope)
            case s.Unary(op="not", operand=operand):
                inner = self._compile(operand, goal, scope)
                return lambda ev, bound: not inner(ev, bound)
            case s.Unary(op="-", operand=operand):
                inner = self._compile(operand, goal, scope)
                return lambda ev, bound: -quantity(inner(ev, bound))
            case s.Chain(op="and" | "or" as op):
                return _junction(op == "or", [self._compile(operand, goal, scope) for operand in expr.operands])
            case s.Chain():
                return self._arithmetic(expr, goal, scope)
            case s.Compare():
                return self._compare(expr, goal, scope)
            case s.Member():
                return self._member(expr, goal, scope)
            case s.SetLiteral(items=items) | s.ListLiteral(items=items):
                parts = [self._compile(item, goal, scope) for item in items]
                return lambda ev, bound: literal_list(every(parts, ev, bound), expr)
            case s.Aggregate():
                return self._aggregate(expr, goal, scope)
            case s.Call():
                return self._call(expr, goal, scope)
            case s.If(condition=condition, then=then, otherwise=otherwise):
                holds = self._compile(condition, goal, scope)
                chosen = self._compile(then, goal, scope)
                other = self._compile(otherwise, goal, scope)
                return lambda ev, bound: chosen(ev, bound) if holds(ev, bound) else other(ev, bound)
            case s.GoalValue():
                read = expr
                return lambda ev, bound: ev.goal_value(read)
            case s.PeriodValue():
                field = expr
                return lambda ev, bound: ev.period_value(field)
            case s.TableLiteral(pairs=pairs):
                names = [name for name, _ in pairs]
                cells = [self._compile(item, goal, scope) for _, item in pairs]
                return lambda ev, bound: tuple(zip(names, every(cells, ev, bound), strict=True))
            case s.FieldRead():
                return self._field(expr, goal, scope)
            case s.Lookup():
                return self._lookup(expr, goal, scope)
            case s.Integers():
                ends = [self._compile(expr.low, goal, scope), self._compile(expr.high, goal, scope)]
                def whole_numbers(ev: Evaluator, bound: Bound) -> Value:
                    low, high = every(ends, ev, bound)
                    return integers(low, high, expr)
                return whole_numbers
            case s.Comprehension():
                return self._comprehension(expr, goal, scope)
            case s.RecordLiteral(fields=fields):
                values = [self._compile(item, goal, scope) for _, item in fields]
                return lambda ev, bound: cast(Value, Record(every(values, ev, bound)))
        raise AssertionError(f"unknown expression node {expr!r}")

    def _compare(self, expr: s.Compare, goal: s.Goal | None, scope: dict[str, Type]) -> Closure:
        test = COMPARE_ONE[expr.op]
        first, second = self._compile(expr.left, goal, scope), self._compile(expr.right, goal, scope)

        def compared(ev: Evaluator, bound: Bound) -> Value:
            try:  # both's work, written out: a comparison is the commonest step of all
                a = first(ev, bound)
            except Undecided as undecided:
                raise also(undecided, second, ev, bound) from None
            return test(a, second(ev, bound))
        return compared

    def _member(self, expr: s.Member, goal: s.Goal | None, scope: dict[str, Type]) -> Closure:
        """`x in {...}`: a constant collection is made a pool once, to be looked up in."""
        element = self._compile(expr.item, goal, scope)
        negated = expr.negated
        if isinstance(expr.collection, s.PeriodValue) and expr.collection.field is None:
            return lambda ev, bound: ev.in_period(element(ev, bound)) != negated
        members = constant(expr.collection)
        if members is not NOT_CONSTANT:
            pool = _pool(members)
            return lambda ev, bound: (element(ev, bound) in pool) != negated

        within = self._compile(expr.collection, goal, scope)
        if scope and not scope.keys() & set(s.names_in(expr.collection)):
            # The same list for every row around: a pool made once, not gone through each row.
            pool_of = _kept_once(lambda ev, bound: cast(Value, _pool(items_of(within(ev, bound)))))

            def pooled(ev: Evaluator, bound: Bound) -> Value:
                item_value, pool = both(element, pool_of, ev, bound)
                return (item_value in cast(frozenset[Value], pool)) != negated
            return pooled

        def member(ev: Evaluator, bound: Bound) -> Value:
            item_value, among = both(element, within, ev, bound)
            if bound:  # a list gone through for each row around it is work of those rows
                bounded_work(bound, len(items_of(among)), expr)
            return (item_value in items_of(among)) != negated
        return member

    def _arithmetic(self, expr: s.Chain, goal: s.Goal | None, scope: dict[str, Type]) -> Closure:
        """A sum or product: every operand's value (their statuses combined, status.py), then
        each step done on the value so far, in a loop, however many."""
        parts = [self._compile(operand, goal, scope) for operand in expr.operands]
        so_far = self.analysis.types_along(expr, goal, scope)
        steps = [self._step(expr, index, so_far[index], goal, scope) for index in range(len(expr.steps))]

        def calculated(ev: Evaluator, bound: Bound) -> Value:
            values = every(parts, ev, bound)
            value = values[0]
            for step, operand in zip(steps, values[1:], strict=True):
                value = step(value, operand)
            if bound and type(value) is tuple:
                # A list made for each row (`[r] * 1000000`, `[r] + l`) is work of the rows around it.
                within(bound, len(value), expr)
            return value
        return calculated

    def _step(self, expr: s.Chain, index: int, left: Type | None, goal: s.Goal | None,
              scope: dict[str, Type]) -> Step:
        """Step `index` of a sum or product, given the type of the value before it."""
        op, operand = expr.steps[index]
        right = self.analysis.type_of(operand, goal, scope)
        if {found.kind for found in (left, right) if found is not None} & {DATE, DURATION}:
            def combine(a: Value, b: Value) -> Value:
                return calendar(op, a, b, expr)
        elif op == "of":  # 75% of 120: the share times the quantity
            def combine(a: Value, b: Value) -> Value:
                return arithmetic("*", quantity(a), quantity(b), expr)
        else:
            def combine(a: Value, b: Value) -> Value:
                if isinstance(a, tuple):
                    return join(op, a, b, expr)
                return arithmetic(op, quantity(a), quantity(b), expr)

        def step(so_far: Value, value: Value) -> Value:
            try:
                return combine(so_far, value)
            except Failed as failed:
                # Said of the chain up to this step (`x / y` of `x / y / z`), as written.
                raise Failed(attrs.evolve(failed.failure, expr=expr.upto(index))) from None
        return step

    def _name(self, expr: s.Name, goal: s.Goal | None, scope: dict[str, Type]) -> Closure:
        name = expr.name
        if name in scope:
            return lambda ev, bound: bound[name]  # type: ignore[index]
        if name == DELIVERABLES and goal is not None:
            reads = [_lookup(s.Name(d.name, span=d.span)) for d in goal.deliverables]
            return lambda ev, bound: tuple(every(reads, ev, bound))
        return _lookup(expr)

    def _call(self, expr: s.Call, goal: s.Goal | None, scope: dict[str, Type]) -> Closure:
        function = FUNCTIONS[expr.function]
        if len(expr.args) == 1 and isinstance(expr.args[0], s.Comprehension) and function.over is not None:
            return self._over_rows(expr, goal, scope)
        parts = [self._compile(arg, goal, scope) for arg in expr.args]
        types = [self.analysis.type_of(arg, goal, scope) for arg in expr.args]
        over, apply = function.over, function.apply
        if len(types) == 1 and types[0] is not None and types[0].kind == "list" and over is not None:
            source = parts[0]
            tallied = self._tallied(expr.args[0], scope, function)
            if tallied is not None:
                name, in_tally = tallied

                def over_tally(ev: Evaluator, bound: Bound) -> Value:
                    tally, size = ev.tally(name, source(ev, bound))
                    return ev.counted(expr, in_tally(tally, size, None, expr))
                return over_tally

            def over_list(ev: Evaluator, bound: Bound) -> Value:
                values = items_of(source(ev, bound))
                if bound:  # a list gone through for each row around it is work of those rows
                    within(bound, len(values), expr)
                return ev.counted(expr, over(values, None, expr))
            return over_list
        assert apply is not None, f"{function.name} was typed as a call of values"
        return lambda ev, bound: apply(every(parts, ev, bound), types, expr)

    def _aggregate(self, expr: s.Aggregate, goal: s.Goal | None, scope: dict[str, Type]) -> Closure:
        source = self._compile(expr.source, goal, scope)
        source_type = self.analysis.type_of(expr.source, goal, scope)
        element = source_type.element if source_type and source_type.element else T_NUMBER
        inner_scope = {**scope, expr.var: element}
        fast = _predicate(expr.where, expr.var, element)
        if fast is None:
            condition = self._compile(expr.where, goal, inner_scope)
            var = expr.var

            def test_in(ev: Evaluator, bound: Bound, size: int) -> Predicate:
                inner = within(bound, size, expr)

                def test(item: Any) -> bool:
                    inner[var] = item
                    return bool(condition(ev, inner))
                return test
        else:
            predicate: Predicate = fast

            def test_in(ev: Evaluator, bound: Bound, size: int) -> Predicate:
                if bound:
                    within(bound, size, expr)
                return predicate

        function = FUNCTIONS[expr.function]
        over = function.over
        assert over is not None, f"{expr.function} was typed as a quantifier"
        tallied = self._tallied(expr.source, scope, function)
        if tallied is not None:
            name, in_tally = tallied

            def aggregate_tally(ev: Evaluator, bound: Bound) -> Value:
                tally, size = ev.tally(name, source(ev, bound))
                return ev.counted(expr, in_tally(tally, size, test_in(ev, bound, size), expr))
            return aggregate_tally

        def aggregate(ev: Evaluator, bound: Bound) -> Value:
            values = items_of(source(ev, bound))
            return ev.counted(expr, over(values, test_in(ev, bound, len(values)), expr))
        return aggregate

    # ---- rows: fields, lookups and comprehensions ----

    def _field(self, expr: s.FieldRead, goal: s.Goal | None, scope: dict[str, Type]) -> Closure:
        """A field is read by its place in the row, worked out once from the record's type."""
        record_type = self.analysis.type_of(expr.record, goal, scope)
        assert record_type is not None, "a field was typed on a record"
        index = record_type.field_index(expr.field)
        field_type = record_type.field(expr.field)
        if field_type is not None and field_type.optional:
            record = self._compile(expr.record, goal, scope)
            field = expr.field

            def maybe_blank(ev: Evaluator, bound: Bound) -> Value:
                found = items_of(record(ev, bound))[index]
                if found is None:
                    raise fail("blank-field", expr.record, field=field)
                return found
            return maybe_blank
        if isinstance(expr.record, s.Name) and expr.record.name in scope:
            var = expr.record.name
            return lambda ev, bound: bound[var][index]  # type: ignore[index]
        record = self._compile(expr.record, goal, scope)
        return lambda ev, bound: items_of(record(ev, bound))[index]

    def _lookup(self, expr: s.Lookup, goal: s.Goal | None, scope: dict[str, Type]) -> Closure:
        key = self._compile(expr.key, goal, scope)
        table_of = self._table_of(expr.table, goal, scope)

        def looked_up(ev: Evaluator, bound: Bound) -> Value:
            try:
                made = table_of(ev, bound)
            except Undecided as undecided:
                raise also(undecided, key, ev, bound) from None
            return entry(made, key(ev, bound), expr)
        return looked_up

    def _table_of(self, table: s.Expr, goal: s.Goal | None, scope: dict[str, Type]) -> TableOf:
        """A table as a dict to look keys up in, made once: at compile time for a table written
        in place, once per evaluation for a table a name holds (that reads no bound name)."""
        written = constant(table)
        if written is not NOT_CONSTANT:
            fixed = entries(written)
            return lambda ev, bound: fixed
        pairs = self._compile(table, goal, scope)
        if set(s.names_in(table)) & scope.keys():
            return lambda ev, bound: entries(items_of(pairs(ev, bound)))
        # One dict per table and evaluation, shared by every lookup of a table by its name: one
        # per lookup made each of a contract's thousands of `t["..."]` build the whole table again.
        slot: object = ("table", table.name) if isinstance(table, s.Name) else object()

        def made_once(ev: Evaluator, bound: Bound) -> dict[Any, Value]:
            found = ev.tables.get(slot)
            if found is None:
                found = ev.tables[slot] = entries(items_of(pairs(ev, bound)))
            return found
        return made_once

    def _comprehension(self, expr: s.Comprehension, goal: s.Goal | None, scope: dict[str, Type]) -> Closure:
        """A list made by a comprehension, with the counts of the rows behind it kept."""
        rows = self._rows(expr, goal, scope, expr)

        def listed(ev: Evaluator, bound: Bound) -> Value:
            values, counts = rows(ev, bound)
            return ev.counted(expr, Counted(values, counts))
        return listed

    def _over_rows(self, expr: s.Call, goal: s.Goal | None, scope: dict[str, Type]) -> Closure:
        """`sum(... for k in krav)`: the function over the comprehension's values; the counts
        of its rows explain it where the function has no counts of its own (a share has)."""
        comprehension = expr.args[0]
        assert isinstance(comprehension, s.Comprehension)
        rows = self._rows(comprehension, goal, scope, expr)
        over = FUNCTIONS[expr.function].over
        assert over is not None, f"{expr.function} was typed as a function of a list"

        def over_rows(ev: Evaluator, bound: Bound) -> Value:
            values, counts = rows(ev, bound)
            result = over(values, None, expr)
            return ev.counted(expr, result if isinstance(result, Counted) else Counted(result, counts))
        return over_rows

    def _rows(self, expr: s.Comprehension, goal: s.Goal | None, scope: dict[str, Type],
              said: s.Expr) -> Rows:
        """The values of a comprehension and the counts of the rows behind them: grouped by key
        where the value is a lookup, the rows a cap took off where it is `min(CAP, ...)`.

        Each item is bound in one dict, in a loop; the loop is bounded with the loops around it
        (runtime.within) and said as `said` (the call it is the argument of) where it goes too far."""
        source = self._compile(expr.source, goal, scope)
        source_type = self.analysis.type_of(expr.source, goal, scope)
        inner_scope = {**scope, expr.var: source_type.element if source_type and source_type.element
                       else T_NUMBER}
        var = expr.var
        indexed = self._indexed(expr, goal, scope, inner_scope, said)
        condition = self._compile(expr.where, goal, inner_scope) if expr.where is not None else None
        fast = _predicate(expr.where, var, inner_scope[var]) if expr.where is not None else None

        def gone_through(ev: Evaluator, bound: Bound) -> tuple[int, dict[str, Value], tuple[Value, ...]]:
            items = items_of(source(ev, bound))
            inner = within(bound, len(items), said)
            if condition is None:
                return len(items), inner, items
            if fast is not None:  # a test of the row alone, in C
                return len(items), inner, tuple(filter(fast, items))
            kept = []
            for item in items:
                inner[var] = item
                if condition(ev, inner):
                    kept.append(item)
            return len(items), inner, tuple(kept)

        kept_of: KeptOf = gone_through if indexed is None else indexed
        element = expr.element
        if isinstance(element, s.Lookup) and not set(s.names_in(element.table)) & {var, *scope}:
            return self._grouped(element, kept_of, self._per_row(element.key, var, goal, inner_scope),
                                 self._table_of(element.table, goal, scope))
        capped = _cap(element)
        if capped is not None:
            limit, other = capped
            # `min(CAP, sum(takster[k.resultat] for k in ...))` for each participant: the rows
            # under the cap, grouped by key over all participants, explain it as the rate card does.
            summed = _summed_rows(other)
            rows = self._rows(summed, goal, inner_scope, other) if summed is not None else None
            return _capped(limit, self._compile(other, goal, inner_scope), var, kept_of, said, rows)
        value = self._compile(element, goal, inner_scope)

        def each_row(ev: Evaluator, bound: Bound) -> tuple[tuple[Value, ...], RowCounts]:
            size, inner, kept = kept_of(ev, bound)
            made: list[Value] = []
            keep = made.append
            for item in kept:
                inner[var] = item
                keep(value(ev, inner))
            return tuple(made), RowCounts(size, len(kept))
        return each_row

    def _indexed(self, expr: s.Comprehension, goal: s.Goal | None, scope: dict[str, Type],
                 inner_scope: dict[str, Type], said: s.Expr) -> KeptOf | None:
        """`for k in krav where k.deltager = d`, inside a comprehension that binds `d`: the rows
        of each participant, found by an index of the rows by the field, made once per
        evaluation, rather than by going through every row for every participant. Only the rows
        found count towards the bound on work. None where the comprehension is of another form."""
        where = expr.where
        if not (isinstance(where, s.Compare) and where.op in ("=", "==")) or set(s.names_in(expr.source)) & scope.keys():
            return None
        for field, wanted in ((where.left, where.right), (where.right, where.left)):
            read = set(s.names_in(wanted))
            # Only where the value sought changes with an outer comprehension's name: elsewhere it
            # is sought once, and a filter in C (`_predicate`) or one pass is as quick.
            if isinstance(field, s.FieldRead) and isinstance(field.record, s.Name) and field.record.name == expr.var \
                    and expr.var not in read and read & scope.keys():
                record = inner_scope[expr.var]
                found = record.field(field.field)
                if found is None or found.optional or record.kind != RECORD:
                    return None
                return _by_index(self._compile(expr.source, goal, scope), record.field_index(field.field),
                                 self._compile(wanted, goal, scope), said)
        return None

    def _per_row(self, expr: s.Expr, var: str, goal: s.Goal | None, scope: dict[str, Type]) -> PerRow:
        """`expr` for each row: a field of the row read by its place, in C, where it is one."""
        if isinstance(expr, s.FieldRead) and isinstance(expr.record, s.Name) and expr.record.name == var:
            record = scope[var]
            field = record.field(expr.field)
            if field is not None and not field.optional:
                index = operator.itemgetter(record.field_index(expr.field))
                return lambda ev, inner, kept: list(map(index, cast("tuple[Record, ...]", kept)))
        value = self._compile(expr, goal, scope)

        def each(ev: Evaluator, inner: dict[str, Value], kept: tuple[Value, ...]) -> list[Value]:
            made = []
            for item in kept:
                inner[var] = item
                made.append(value(ev, inner))
            return made
        return each

    @staticmethod
    def _grouped(lookup: s.Lookup, kept_of: KeptOf, keys_of: PerRow, table_of: TableOf) -> Rows:
        """`takster[k.resultat]` for each row: the keys counted, each looked up once."""
        def grouped(ev: Evaluator, bound: Bound) -> tuple[tuple[Value, ...], RowCounts]:
            size, inner, kept = kept_of(ev, bound)
            keys = keys_of(ev, inner, kept)
            if not keys:
                return (), RowCounts(size, 0)
            table = table_of(ev, bound)
            groups = tuple(_group(table, key, rows, lookup) for key, rows in Counter(keys).items())
            return tuple(map(table.__getitem__, keys)), RowCounts(size, len(kept), groups)
        return grouped

    def _tallied(self, source: s.Expr, scope: dict[str, Type], function: Function
                 ) -> tuple[str, OverTally] | None:
        """The fact whose answers `function` may count by their tally, and how; else None
        (checks/analysis.py `tallied_by` says which)."""
        if function.over_tally is None or not isinstance(source, s.Name) or source.name in scope \
                or source.name not in self.analysis.facts \
                or not tallied_by(function.name, self.analysis.facts[source.name]):
            return None
        return source.name, function.over_tally


def _group(table: dict[Any, Value], key: Value, rows: int, lookup: s.Lookup) -> KeyGroup:
    each = entry(table, key, lookup)
    return KeyGroup(key, rows, each, bounded(quantity(each) * rows, lookup))  # type: ignore[arg-type]


def _by_index(source: Closure, index: int, wanted: Closure, said: s.Expr) -> KeptOf:
    """The rows whose field at `index` equals `wanted`, looked up in an index of the source's
    rows by that field, made once per evaluation (in the rows' order within each value)."""
    slot = object()

    def kept_of(ev: Evaluator, bound: Bound) -> tuple[int, dict[str, Value], tuple[Value, ...]]:
        made = ev.tables.get(slot)
        if made is None:
            rows = cast("tuple[Record, ...]", items_of(source(ev, bound)))
            groups: dict[Any, list[Value]] = {}
            for row in rows:
                groups.setdefault(row[index], []).append(cast(Value, row))
            made = ev.tables[slot] = {key: tuple(found) for key, found in groups.items()}
            made[_SIZE] = len(rows)
        size = cast(int, made[_SIZE])
        kept = cast("tuple[Value, ...]", made.get(wanted(ev, bound), ())) if size else ()
        return size, within(bound, len(kept), said), kept
    return kept_of


def _whole(value: Any) -> Any:
    """A constant a predicate compares each item with: a whole number as an int, which compares
    with an int answer in C (`a >= 9` over answers 0-10) and gives what the Fraction gives."""
    if type(value) is Fraction and value.denominator == 1:
        return value.numerator
    return value


def _field_test(record: Type, field: str, value: Any, test: Callable[[Any, Any], bool]) -> Predicate | None:
    """`row[index] OP value` for a constant `value`, where the field is never blank."""
    found = record.field(field)
    if value is NOT_CONSTANT or found is None or found.optional or record.kind != RECORD:
        return None
    compared, read = partial(test, value), operator.itemgetter(record.field_index(field))
    return lambda row: compared(read(row))


# Where an index of rows keeps how many rows it was made from: not a value any field can hold.
_SIZE = object()


def _cap(expr: s.Expr) -> tuple[Fraction | int, s.Expr] | None:
    """`min(15000 kr, x)` (or `min(x, 15000 kr)`): the cap written out, and what it caps."""
    if isinstance(expr, s.Call) and expr.function == "min" and len(expr.args) == 2:
        for cap, other in (expr.args, reversed(expr.args)):
            value = constant(cap)
            if isinstance(value, Fraction | int) and not isinstance(value, bool):
                return value, other
    return None


def _summed_rows(expr: s.Expr) -> s.Comprehension | None:
    """The comprehension of `sum(takster[k.resultat] for k in ...)`: a sum of a lookup for each
    row, whose rows are counted by key; None for anything else."""
    if isinstance(expr, s.Call) and expr.function == "sum" and len(expr.args) == 1:
        rows = expr.args[0]
        if isinstance(rows, s.Comprehension) and isinstance(rows.element, s.Lookup):
            return rows
    return None


def _capped(limit: Fraction | int, other: Closure, var: str, kept_of: KeptOf, said: s.Expr,
            summed: Rows | None = None) -> Rows:
    """`min(CAP, x)` for each row, counting the rows the cap took off and by how much; where x
    is a sum over rows of a lookup (`summed`), also its rows by key, over every row here."""
    def capped(ev: Evaluator, bound: Bound) -> tuple[tuple[Value, ...], RowCounts]:
        size, inner, kept = kept_of(ev, bound)
        made: list[Value] = []
        over, by = 0, cast("Fraction | int", 0)
        groups: dict[Any, list[Any]] = {}  # key -> [rows, each], in the order first met
        for item in kept:
            inner[var] = item
            if summed is None:
                found = quantity(other(ev, inner))
            else:
                values, counts = summed(ev, inner)
                found = bounded(sum(map(quantity, values), cast("Fraction | int", 0)), said)
                for group in counts.groups:
                    groups.setdefault(group.key, [0, group.each])[0] += group.rows
            if found > limit:
                over += 1
                by = bounded(by + found - limit, said)
                made.append(limit)
            else:
                made.append(found)
        merged = tuple(KeyGroup(key, rows, each, bounded(quantity(each) * rows, said))
                       for key, (rows, each) in groups.items())
        return tuple(made), RowCounts(size, len(kept), merged, capped=over, capped_by=by, cap=limit)
    return capped


def _lookup(expr: s.Name) -> Closure:
    name = expr.name

    def read(ev: Evaluator, bound: Bound) -> Value:
        found = ev.values.get(name)  # a fact, read most often of all, at once
        return found if found is not None else ev.lookup(name, expr)
    return read


# ---- operands whose statuses combine (status.py) ------------------------------------


def both(first: Closure, second: Closure, ev: Evaluator, bound: Bound) -> tuple[Value, Value]:
    """The values of two operands; where either cannot be decided, both statuses combined, so
    that `a + b` and `b + a` are pending or not evaluable alike."""
    try:
        a = first(ev, bound)
    except Undecided as undecided:
        raise also(undecided, second, ev, bound) from None
    return a, second(ev, bound)


def also(undecided: Undecided, other: Callable[..., object], *args: Any) -> Undecided:
    """One operand undecided: its status joined with the other operand's, which is evaluated
    for it (with `args`: a closure's evaluator and bound names, or a seer's evaluator)."""
    try:
        other(*args)
    except Undecided as found:
        return undecided.joined(found)
    return undecided


def every(parts: list[Closure], ev: Evaluator, bound: Bound) -> list[Value]:
    """The values of several operands (a function's arguments, a list's items), statuses
    combined as `both` combines two."""
    values: list[Value] = []
    undecided: Undecided | None = None
    for part in parts:
        try:
            values.append(part(ev, bound))
        except Undecided as found:
            undecided = found if undecided is None else undecided.joined(found)
    if undecided is not None:
        raise undecided
    return values


def _junction(deciding: bool, conditions: list[Closure]) -> Closure:
    """`and` (deciding False) or `or` (deciding True), of any number of operands: one with the
    deciding value decides, whatever the others' statuses; else their statuses combine as
    `both` combines them."""

    def junction(ev: Evaluator, bound: Bound) -> Value:
        undecided: Undecided | None = None
        for condition in conditions:
            try:
                if bool(condition(ev, bound)) == deciding:
                    return deciding
            except Undecided as found:
                undecided = found if undecided is None else undecided.joined(found)
        if undecided is not None:
            raise undecided
        return not deciding
    return junction


# ---- constants and fast predicates -------------------------------------------------

NOT_CONSTANT = object()


def constant(expr: s.Expr) -> Any:
    """The value of an expression made of literals only, or NOT_CONSTANT."""
    match expr:
        case s.Number(value=value) if value.denominator == 1:
            # A whole number as an int: answers are ints, and int compares with int in C.
            return value.numerator
        case s.Number(value=value) | s.Percent(value=value) | s.Date(value=value) | s.Bool(value=value) \
                | s.Text(value=value):
            return value
        case s.Money() | s.Rate() | s.Duration():
            return expr.value
        case s.TableLiteral(pairs=pairs):
            items = [(name, constant(item)) for name, item in pairs]
            return NOT_CONSTANT if any(v is NOT_CONSTANT for _, v in items) else tuple(items)
        case s.Unary(op="-", operand=operand):
            inner = constant(operand)
            return NOT_CONSTANT if inner is NOT_CONSTANT else -inner
        case s.SetLiteral(items=items) | s.ListLiteral(items=items):
            values = [constant(item) for item in items]
            return NOT_CONSTANT if any(v is NOT_CONSTANT for v in values) else tuple(values)
    return NOT_CONSTANT


# Expressions that may take time to work out, and so are worked out once an evaluation where
# they read no name bound by the comprehensions and quantifiers around them.
_WORTH_KEEPING = (s.Aggregate, s.Call, s.Chain, s.Integers)
_NOT_YET = object()


def _kept_once(closure: Closure) -> Closure:
    """`closure`, worked out at most once an evaluation, outside the loops around it (so the
    work it does is counted once, not once a row); a failure is raised again each time."""
    slot = object()

    def kept(ev: Evaluator, bound: Bound) -> Value:
        found = ev.kept.get(slot, _NOT_YET)
        if found is _NOT_YET:
            found = ev.kept[slot] = closure(ev, None)
        return cast(Value, found)
    return kept


def _pool(values: tuple[Value, ...]) -> frozenset[Value] | tuple[Value, ...]:
    try:
        return frozenset(values)
    except TypeError:  # lists of lists are not hashable; look through them in order
        return values


def _predicate(expr: s.Expr, var: str, record: Type | None = None) -> Predicate | None:
    """A test of the bound name alone, built from C-level pieces, or None if there is none;
    of a field of it too (`k.resultat = "nvq2"`), where it is bound to rows of `record`."""
    match expr:
        case s.Compare(op=op, left=s.FieldRead(record=s.Name(name=name)) as field, right=right) \
                if name == var and record is not None:
            return _field_test(record, field.field, constant(right), _FLIPPED[op])
        case s.Compare(op=op, left=left, right=s.FieldRead(record=s.Name(name=name)) as field) \
                if name == var and record is not None:
            return _field_test(record, field.field, constant(left), COMPARE[op])
        case s.Compare(op=op, left=s.Name(name=name), right=right) if name == var:
            value = constant(right)
            if value is not NOT_CONSTANT:
                return partial(_FLIPPED[op], _whole(value))
        case s.Compare(op=op, left=left, right=s.Name(name=name)) if name == var:
            value = constant(left)
            if value is not NOT_CONSTANT:
                return partial(COMPARE[op], _whole(value))
        case s.Member(item=s.Name(name=name), collection=collection, negated=negated) if name == var:
            members = constant(collection)
            if members is not NOT_CONSTANT:
                pool = _pool(members)
                return (lambda item: item not in pool) if negated else pool.__contains__
        case s.Chain(op="and" | "or" as op):
            found = [_predicate(operand, var, record) for operand in expr.operands]
            tests = [test for test in found if test is not None]
            if len(tests) == len(found):
                if op == "and":
                    return lambda item: all(test(item) for test in tests)
                return lambda item: any(test(item) for test in tests)
        case s.Unary(op="not", operand=operand):
            negated_test = _predicate(operand, var, record)
            if negated_test is not None:
                return lambda item: not negated_test(item)
        case s.Aggregate(function="any" | "all" as function, var=inner_var,
                         source=s.Name(name=name), where=where) if name == var and inner_var != var:
            inner = _predicate(where, inner_var)
            if inner is not None:
                if function == "any":
                    return lambda item: any(map(inner, item))
                return lambda item: all(map(inner, item))
    return None
