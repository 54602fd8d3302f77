"""What the checks learned about a contract: the types of its names, what each goal reads.

Made by check.py when a contract loads; read by the compiler and the
evaluator, which never have to guess a type or a dependency.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from fractions import Fraction

import attrs

from ..core.errors import Problem
from ..core.values import BOOL, LIST, MONEY, Type
from ..language import syntax as s
from ..semantics.functions import FUNCTIONS
from .infer import Typer

# Integer answers in a declared range at most this wide are counted by their tally.
MAX_TALLIED = 1000


class Labels(dict[str, str]):
    """The words a contract gives what readers see (`label`, titles), by name; which of its
    lists are answers to a survey (`answers`: only their items are counted as answers,
    `Wording.answers`); the units of its measured values (`unit "dag" "dage"`: `units`, by
    name); and whether its amounts have øre (`cents`: then they are shown to the øre, else to
    the krone; None where that is not known). A wording reads them (`Wording.labelled`)."""

    def __init__(self, labels: dict[str, str] | None = None, answers: frozenset[str] = frozenset(),
                 units: dict[str, tuple[str, str]] | None = None, cents: bool | None = None) -> None:
        super().__init__(labels or {})
        self.answers = answers
        self.units = dict(units or {})
        self.cents = cents

    def with_cents(self, cents: bool) -> Labels:
        """The same, with `cents` as the amounts of one evaluation's facts say."""
        return self if cents == self.cents else Labels(dict(self), self.answers, self.units, cents)

    def __reduce__(self) -> tuple[object, ...]:
        return Labels, (dict(self), self.answers, self.units, self.cents)


@attrs.frozen
class Analysis:
    """What the checks learned: types, and which facts each goal needs."""

    facts: dict[str, s.Fact]
    metrics: dict[str, s.Metric]
    deliverables: dict[str, s.Deliverable]
    types: dict[str, Type]
    needs: dict[str, frozenset[str]]  # goal id -> names of facts and deliverables it reads
    problems: tuple[Problem, ...]
    payments: dict[str, s.Payment] = attrs.field(factory=dict)
    # Goals in the order they are evaluated: each after the goals whose results it reads.
    goal_order: tuple[str, ...] = ()
    payment_order: tuple[str, ...] = ()  # each after the payments it uses
    # Work done once per contract and kept: the compiled expressions.
    cache: dict[str, object] = attrs.field(factory=dict, eq=False, repr=False)
    # The contract itself: what `counted` walks, the first time facts are checked.
    module: s.Module | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def counted(self) -> frozenset[str]:
        """The list facts the contract only counts (`counted_facts`), read as tallies: worked out
        when facts are first checked, not when the contract loads (an editor loads it at every
        keystroke)."""
        found = self.cache.get("counted")
        if found is None:
            module = self.module
            exprs: list[s.Expr] = [metric.expr for metric in self.metrics.values()]
            exprs += [payment.expr for payment in self.payments.values()]
            if module is not None:
                exprs += [expr for goal in module.goals for expr in goal_exprs(goal)]
                exprs += [split.total for split in module.splits if split.total is not None]
            found = self.cache["counted"] = counted_facts(exprs, self.facts) if module is not None else frozenset()
        return found  # type: ignore[return-value]

    @property
    def labels(self) -> Labels:
        """The words readers see for each fact and metric that has a `label`, by name; and for
        each labelled field of a record (`dato: date label "dokumenteret"`), which a row's field
        is said by, where no fact or metric has its name (the first such field's, if two do);
        a deliverable's and a payment's title. With them, which lists are survey answers, the
        units of those that have one (`unit`), and whether the contract's own amounts (its
        money literals) have øre."""
        found = self.cache.get("labels")
        if found is None:
            declared: list[s.Fact | s.Metric] = [*self.facts.values(), *self.metrics.values()]
            labels = {d.name: d.label for d in declared if d.label is not None}
            for fact in self.facts.values():
                for field in fact.fields:
                    if field.label is not None and field.name not in self.facts and field.name not in self.metrics:
                        labels.setdefault(field.name, field.label)
            # A deliverable is shown by its title, which is what readers know it by.
            for deliverable in self.deliverables.values():
                labels.setdefault(deliverable.name, deliverable.title)
            # A payment too is shown by its title (`bonus - bod` reads the payments' titles).
            for payment in self.payments.values():
                if payment.title is not None:
                    labels.setdefault(payment.name, payment.title)
            units = {d.name: d.unit for d in declared if d.unit is not None}
            found = self.cache["labels"] = Labels(labels, self._answers(), units,
                                                  True if self._literal_cents() else None)
        return found  # type: ignore[return-value]

    def labels_with_cents(self, cents: bool) -> Labels:
        """The labels, with whether amounts have øre as one evaluation's facts say: made once
        for each answer and kept, since every evaluation asks (it is on the evaluator's path)."""
        key = "labels with cents" if cents else "labels without cents"
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = self.labels.with_cents(cents)
        return found  # type: ignore[return-value]

    @property
    def money_facts(self) -> tuple[str, ...]:
        """The facts that are amounts of money, whose values can say that amounts have øre."""
        found = self.cache.get("money facts")
        if found is None:
            found = self.cache["money facts"] = tuple(
                name for name in self.facts if name in self.types and self.types[name].kind == MONEY)
        return found  # type: ignore[return-value]

    def _answers(self) -> frozenset[str]:
        """The lists of survey answers: a list whose answers may be blank (`list of optional
        ...`, or a list of such lists, one per respondent), or one an NPS is worked out from.
        A list of housing statuses or of claims is not: its items are not counted as answers."""
        def blank_answers(type_: Type | None) -> bool:
            while type_ is not None and type_.kind == LIST:
                type_ = type_.element
                if type_ is not None and type_.optional:
                    return True
            return False
        found = {fact.name for fact in self.facts.values() if blank_answers(fact.type)}
        pending = [metric.expr for metric in self.metrics.values()] + [p.expr for p in self.payments.values()]
        while pending:
            node = pending.pop()
            if isinstance(node, s.Call) and node.function == "nps" and len(node.args) == 1 \
                    and isinstance(node.args[0], s.Name):
                found.add(node.args[0].name)
            pending.extend(s.children(node))
        # A metric that is a share (or a count) of survey answers is counted in answers too.
        for metric in self.metrics.values():
            expr = metric.expr
            source = expr.source if isinstance(expr, s.Aggregate) else \
                expr.args[0].source if isinstance(expr, s.Call) and len(expr.args) == 1 \
                and isinstance(expr.args[0], s.Comprehension) else None
            if isinstance(source, s.Name) and source.name in found:
                found.add(metric.name)
        return frozenset(found)

    def _literal_cents(self) -> bool:
        """Whether an amount the contract writes in its metrics or payments has øre (pence)."""
        pending: list[s.Expr] = [m.expr for m in self.metrics.values()] + [p.expr for p in self.payments.values()]
        while pending:
            expr = pending.pop()
            if isinstance(expr, s.Money) and Fraction(expr.value).denominator != 1:
                return True
            pending.extend(s.children(expr))
        return False

    def type_of(self, expr: s.Expr, goal: s.Goal | None = None,
                scope: dict[str, Type] | None = None) -> Type | None:
        """The type of an expression that passed the checks (None if it did not)."""
        return Typer(self.types, goal, None, scope=dict(scope or {})).type_of(expr)

    def types_along(self, expr: s.Chain, goal: s.Goal | None = None,
                    scope: dict[str, Type] | None = None) -> list[Type | None]:
        """The type of a sum or product that passed the checks, so far at each of its steps."""
        return Typer(self.types, goal, None, scope=dict(scope or {})).along(expr)


def goal_exprs(goal: s.Goal) -> Iterator[s.Expr]:
    """The expressions of a goal: its deliverables' due dates, `applies`, requirements and tiers."""
    for deliverable in goal.deliverables:
        if deliverable.due is not None:
            yield deliverable.due
    if goal.applies is not None:
        yield goal.applies
    for requirement in goal.requirements:
        yield requirement.condition
    for tier in goal.tiers:
        if tier.condition is not None:
            yield tier.condition
        yield tier.fulfilment


def tallied_by(function: str, fact: s.Fact) -> bool:
    """Whether `function` over the list fact `fact` counts it by its tally: answers with few
    possible values (0-10, a choice, true/false) are counted once per set of facts, and every
    share, count and NPS over them then costs as many steps as there are distinct answers. A
    list of many distinct values would gain nothing from it."""
    element = fact.type.element
    found = FUNCTIONS.get(function)
    if found is None or found.over_tally is None or element is None or fact.type.kind != LIST:
        return False
    if element.kind == BOOL or element.choices is not None or function == "nps":
        return True
    if not element.integer or fact.range is None:
        return False
    low, high = s.literal_value(fact.range.low), s.literal_value(fact.range.high)
    return isinstance(low, Fraction) and isinstance(high, Fraction) and high - low <= MAX_TALLIED


def tally_source(expr: s.Expr) -> tuple[str, s.Expr] | None:
    """The function and the list a call counts by a tally where its list is a fact
    (`nps(anbefaling)`, `share(a in anbefaling where a >= 9)`); None for any other expression."""
    if isinstance(expr, s.Aggregate):
        return expr.function, expr.source
    function = FUNCTIONS.get(expr.function) if isinstance(expr, s.Call) else None  # None: not a function
    if isinstance(expr, s.Call) and len(expr.args) == 1 and not isinstance(expr.args[0], s.Comprehension) \
            and function is not None and function.over is not None:
        return expr.function, expr.args[0]
    return None


def counted_facts(exprs: Iterable[s.Expr], facts: Mapping[str, s.Fact]) -> frozenset[str]:
    """The list facts that `exprs` (every expression of a contract that reads facts) only
    count: each place that reads one is a call that counts it by its tally. Such a list's
    value depends only on how often each answer occurs, so it may be read from its file as
    a tally (`Tallied`); a list read any other way (indexed, paired with another, passed to
    `mean`) is kept answer by answer. A quantifier's name that hides a fact's is taken for
    the fact: at worst, a list is kept that could have been counted."""
    lists = {name for name, fact in facts.items() if fact.type.kind == LIST}
    if not lists:
        return frozenset()
    counted: set[str] = set()
    listed: set[str] = set()
    pending = list(exprs)
    while pending:
        node = pending.pop()
        if isinstance(node, s.Name):
            if node.name in lists:
                listed.add(node.name)
            continue
        found = tally_source(node)
        if found is not None and isinstance(found[1], s.Name) and found[1].name in lists \
                and tallied_by(found[0], facts[found[1].name]):
            counted.add(found[1].name)
            pending.extend(child for child in s.children(node) if child is not found[1])
        else:
            pending.extend(s.children(node))
    return frozenset(counted - listed)
