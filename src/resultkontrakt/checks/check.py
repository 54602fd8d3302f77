"""Static checks: every problem in a contract, found before any fact is read.

The checker resolves every name, gives every expression a type, and works out
which facts each goal depends on. Its result, `Analysis`, is what evaluation
and explanation use: they never have to guess a type or a dependency.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from typing import NamedTuple, TypeVar

import attrs

from ..core.errors import Problem, Span
from ..core.reasons import Joined, Kind, phrase, problem, warning
from ..core.values import BOOL, DATE, MONEY, NUMBER, PERCENT, T_BOOL, Type
from ..core.vocabulary import quote, shortened
from ..language import syntax as s
from ..split.checks import check_split
from .analysis import Analysis, goal_exprs
from .example_checks import check_example
from .infer import DELIVERABLES, Typer, unit_hint
from .periods_check import GoalPeriods, check_periods, goal_periods
from .tiers import check_tiers


def check(module: s.Module, build_problems: list[Problem] | None = None, *, memo: GoalMemo | None = None,
          keys: Sequence[str] | None = None) -> Analysis:
    """Every problem in `module`, errors and warnings alike (after those found building it),
    and what the checks learned on the way.

    Each kind of declaration is checked after the kinds it may read: metrics read facts,
    goals read both, payments read goals, a split's total may read payments; examples and
    unused names are judged last, when every type is known.

    With a `memo` of the check before and `keys` (the text each goal was read from, in order:
    incremental.py cuts it), a goal read from the same text, that reads nothing that changed,
    is not checked again: what was found in it is kept, moved to where it now stands. The
    result is the same as without.
    """
    checker = _Checker(module, build_problems or [], _Recall(memo, keys) if memo is not None and keys else None)
    checker.check_fact_declarations()
    checker.type_metrics()
    checker.check_goals()
    checker.type_payments()
    checker.check_splits()
    checker.check_examples()
    checker.check_periods()
    checker.check_labels()
    checker.warn_unused()
    if not any(found.is_error for found in checker.problems):
        # Only a contract that loads is reported on: while it has errors, this is noise.
        checker.warn_unlabelled()
    analysis = checker.analysis()
    if memo is not None:
        memo.keep(checker, keys)
    return analysis


@attrs.frozen
class _GoalChecked:
    """What checking one goal found, all of it about the goal itself, given the names it reads."""

    line: int  # where the goal began when it was checked: what has a place moves with it
    problems: tuple[Problem, ...]
    needs: frozenset[str]  # the facts and deliverables it reads, through metrics too
    mentioned: frozenset[str]  # every name its expressions read
    targets: tuple[str | None, ...]  # the goals whose results it reads, through metrics too (None: all)
    reads_goals: bool  # whether its own expressions name a goal's result
    fields: frozenset[str]  # the fields of records its expressions read
    periods: GoalPeriods
    bound: frozenset[str]  # the names its quantifiers bind, which must not be names declared

    def at(self, line: int) -> _GoalChecked:
        if line == self.line:
            return self
        by = line - self.line
        return attrs.evolve(self, line=line, problems=s.moved(self.problems, by),
                            periods=GoalPeriods(s.moved(self.periods.reads, by), s.moved(self.periods.applies, by)))


# What the goals' checks read from the rest of a contract, by name: each fact, metric,
# deliverable and payment with its declaration and the type found for it.
_Names = dict[str, tuple[object, ...]]


class GoalMemo:
    """What each goal's checks found in the last check of one contract (an editor's open
    document), kept for the next check, after an edit, by the text the goal was read from.

    A goal is checked again where its text changed, where it reads a name whose declaration or
    type changed (through metrics too), where it has problems and any name or goal changed
    (their words name what is declared: `did you mean`), and where it names a goal's result
    and the goals changed. A change of header or file checks every goal again.
    """

    def __init__(self) -> None:
        self.source: str | None = None
        self.header: s.Header | None = None
        self.names: list[tuple[str, tuple[object, ...]]] = []
        self.goal_ids: frozenset[str] = frozenset()
        self.delivered: frozenset[str] = frozenset()
        self.goals: dict[str, _GoalChecked] = {}

    def keep(self, checker: _Checker, keys: Sequence[str] | None) -> None:
        module = checker.module
        self.source, self.header = module.source, module.header
        self.names = list(checker.names().items())
        self.goal_ids, self.delivered = checker.goal_ids, checker.delivered
        self.goals = {} if keys is None else dict(zip(keys, checker.goal_checks, strict=True))


class _Recall:
    """A memo of the check before, and the text each goal of this one was read from."""

    def __init__(self, memo: GoalMemo, keys: Sequence[str]) -> None:
        self.memo = memo
        self.keys = keys
        self.changed: frozenset[str] = frozenset()
        self.any_change = self.goals_changed = self.all = False

    def compare(self, checker: _Checker) -> None:
        """What changed since the memo's check, as the goals' checks see it."""
        memo = self.memo
        module = checker.module
        if memo.source != module.source or memo.header != module.header or len(self.keys) != len(module.goals):
            self.all = True
            return
        names = checker.names()
        before = dict(memo.names)
        changed = {name for name, value in names.items() if before.get(name) != value}
        changed |= before.keys() - names.keys()
        changed |= memo.delivered ^ checker.delivered
        # A metric or payment that reads what changed may give its readers another answer.
        readers = {name: frozenset(s.names_in(metric.expr)) for name, metric in checker.metrics.items()}
        readers.update((name, frozenset(s.names_in(payment.expr))) for name, payment in checker.payments.items())
        while grown := {name for name, read in readers.items() if name not in changed and not changed.isdisjoint(read)}:
            changed |= grown
        self.changed = frozenset(changed)
        self.goals_changed = memo.goal_ids != checker.goal_ids
        self.any_change = bool(changed) or self.goals_changed or list(names.items()) != memo.names

    def found(self, number: int, goal: s.Goal) -> _GoalChecked | None:
        if self.all:
            return None
        found = self.memo.goals.get(self.keys[number])
        if found is None:
            return None
        if self.any_change and ((self.changed and not (self.changed.isdisjoint(found.mentioned) and
                                                       self.changed.isdisjoint(found.bound))) or
                                found.problems or found.periods.reads or found.periods.applies or
                                (self.goals_changed and found.reads_goals)):
            return None
        return found if found.line == goal.span.line else found.at(goal.span.line)


_Declared = TypeVar("_Declared", s.Fact, s.Metric, s.Deliverable, s.Payment)


class _Checker:
    """One contract's checks as they go: its names by kind, the types found so far, and the
    problems found so far, in the order found. Each step may read what the steps before it found."""

    def __init__(self, module: s.Module, build_problems: list[Problem], recall: _Recall | None = None):
        self.module = module
        self.recall = recall
        self.goal_checks: list[_GoalChecked] = []
        self.problems: list[Problem] = list(build_problems)
        self.first_use: dict[str, Span] = {}
        self.facts = self._declare(module.facts, {})
        self.metrics = self._declare(module.metrics, {})
        self.deliverables = self._declare((d for goal in module.goals for d in goal.deliverables), {})
        self.payments = self._declare(module.payments, {})
        self.goal_ids = frozenset(goal.id for goal in module.goals)
        self.delivered = frozenset(d.name for goal in module.goals for d in goal.deliverables)
        self.late = frozenset(self.payments)  # worked out after the goals: metrics and goals may not read them
        self.types: dict[str, Type] = {name: fact.type for name, fact in self.facts.items()}
        self.types.update(dict.fromkeys(self.deliverables, T_BOOL))
        # Metrics and payments in a cycle, or whose expression is wrong, stay without a type;
        # their mistakes are reported once, not again wherever they are used.
        self.untyped: set[str] = set()
        self.unpaid: set[str] = set()
        self.needs: dict[str, frozenset[str]] = {}
        self.goal_order: list[str] = []
        self.payment_order: list[str] = []

    def _declare(self, nodes: Iterable[_Declared], table: dict[str, _Declared]) -> dict[str, _Declared]:
        """`table` with each of `nodes` by name; a name already declared, of any kind, is a problem."""
        for node in nodes:
            if node.name in self.first_use:
                self.problems.append(problem("declared-twice", node.span, name=node.name,
                                             line=self.first_use[node.name].line))
                continue
            self.first_use[node.name] = node.span
            table[node.name] = node
        return table

    def check_fact_declarations(self) -> None:
        """A fact's range and whether it may be left out are about its declaration alone."""
        for fact in self.facts.values():
            self.problems.extend(_check_range(fact.name, fact.type, fact.range))
            for field in fact.fields:
                self.problems.extend(_check_range(f"{fact.name}.{field.name}", field.type, field.range))
            if fact.type.optional:
                self.problems.append(problem("optional-fact", fact.span))

    def type_metrics(self) -> None:
        """Each metric's type, in dependency order, so that a metric's type is known before a
        metric that uses it is typed; a cycle is reported once."""
        order, cycle_problems = _metric_order(self.metrics)
        self.problems.extend(cycle_problems)
        self.untyped.update(set(self.metrics) - set(order))
        for name in order:
            typer = Typer(self.types, None, self.problems, self.untyped, goal_ids=self.goal_ids,
                          payments=self.late)
            metric = self.metrics[name]
            found = typer.type_of(metric.expr)
            if found is not None:
                self.types[name] = found
                if metric.unit is not None and found.kind != NUMBER:
                    self.problems.append(problem("unit.metric", metric.unit_span or metric.span,
                                                 name=name, kind=found.kind))
            else:
                self.untyped.add(name)

    def check_goals(self) -> None:
        """Each goal's problems, the facts it reads, and the order goals are judged in."""
        module = self.module
        if len(self.goal_ids) < len(module.goals):
            self.problems.extend(_twice(((goal.id, goal.span) for goal in module.goals), "goal.twice", "goal"))
        recall = self.recall
        if recall is not None:
            recall.compare(self)
        checks, problems, needs = self.goal_checks, self.problems, self.needs
        for number, goal in enumerate(module.goals):
            found = recall.found(number, goal) if recall is not None else None
            if found is None:
                found = self._check_goal(goal)
            checks.append(found)
            if found.problems:
                problems.extend(found.problems)
            needs[goal.id] = found.needs
        self.goal_order, goal_problems = self._goal_order()
        self.problems.extend(goal_problems)

    def _check_goal(self, goal: s.Goal) -> _GoalChecked:
        """One goal's checks, and what they read: each of its expressions walked once for the
        names it reads, once for the goals' results, once for fields."""
        module = self.module
        exprs = list(goal_exprs(goal))
        names = [name for expr in exprs for name in s.names_in(expr)]
        through = [(value.goal, bool(path)) for expr in exprs for value, path in
                   _goal_values_through(expr, self.metrics)]
        nodes = [node for expr in exprs for node in _walk(expr)]
        # A name a quantifier binds is checked against the names declared, as a name read is.
        bound = [node.var for node in nodes if isinstance(node, (s.Comprehension, s.Aggregate))]
        return _GoalChecked(
            goal.span.line,
            tuple(_check_goal(goal, self.types, module, self.untyped, self.goal_ids, self.late, self._due_reads)),
            frozenset(needs_of(names, self.metrics, self.facts, self.deliverables, goal=goal)),
            frozenset(names),
            tuple(target for target, _ in through),
            not all(through_metrics for _, through_metrics in through),
            frozenset(node.field for node in nodes if isinstance(node, s.FieldRead)),
            goal_periods(module.header, self.metrics, goal, exprs),
            frozenset(bound))

    @functools.cached_property
    def _due_reads(self) -> _DueReads:
        """What a due date may read through, and may not read: the same for every deliverable,
        so worked out once a contract (once a deliverable, 10,000 goals with due dates took their
        square: 22.9 s to check)."""
        module = self.module
        return _DueReads({metric.name: metric for metric in module.metrics},
                         frozenset({d.name for goal in module.goals for d in goal.deliverables} | {DELIVERABLES}))

    def _goal_order(self) -> tuple[list[str], list[Problem]]:
        """The order goals are judged in, from the goals each reads; where they read each other
        in a cycle, worked out again from their expressions, to say how."""
        goals = self.module.goals
        ids = [goal.id for goal in goals]
        if not any(found.targets for found in self.goal_checks):
            return list(dict.fromkeys(ids)), []
        every = set(ids)
        reads = {goal.id: [other for target in found.targets for other in ([target] if target is not None else ids)
                           if other in every] for goal, found in zip(goals, self.goal_checks, strict=True)}
        order, cycles = _in_order(ids, lambda goal_id: list(dict.fromkeys(reads[goal_id])))
        return (order, []) if not cycles else _goal_order(goals, self.metrics)

    def names(self) -> _Names:
        """What the goals' checks read of the rest of the contract, by name (`GoalMemo`)."""
        types, untyped = self.types, self.untyped
        found: _Names = {name: ("fact", fact) for name, fact in self.facts.items()}
        found.update((name, ("metric", metric, types.get(name), name in untyped))
                     for name, metric in self.metrics.items())
        found.update((name, ("deliverable", deliverable)) for name, deliverable in self.deliverables.items())
        found.update((name, ("payment", payment)) for name, payment in self.payments.items())
        return found

    def type_payments(self) -> None:
        """Each payment's type, which must be money; payments may use each other, in an order
        without cycles."""
        self.payment_order, payment_cycles = _metric_order(self.payments, "payments")
        self.problems.extend(payment_cycles)
        self.unpaid.update(set(self.payments) - set(self.payment_order))
        for name in self.payment_order:
            payment = self.payments[name]
            found = Typer(self.types, None, self.problems, self.untyped | self.unpaid,
                          goal_ids=self.goal_ids).type_of(payment.expr)
            if found is not None and found.kind != MONEY:
                self.problems.append(problem("payment.not-money", payment.expr.span, found=Kind(found)))
                found = None
            if found is None:
                self.unpaid.add(name)
            else:
                self.types[name] = found

    def check_splits(self) -> None:
        """Each split's problems; a total worked out from the contract (it may read payments)
        must be money."""
        splits = self.module.splits
        self.problems.extend(_twice(((split.name, split.span) for split in splits), "split.twice", "split"))
        for split in splits:
            self.problems.extend(check_split(split, self.facts))
            if split.total is not None and split.fixed_total is None:
                found = Typer(self.types, None, self.problems, self.untyped | self.unpaid,
                              goal_ids=self.goal_ids).type_of(split.total)
                if found is not None and found.kind != MONEY:
                    self.problems.append(problem("split.total-not-money", split.total.span, found=Kind(found)))
                elif found is not None and split.unit is not None and split.unit.currency != found.currency_code:
                    self.problems.append(problem("currency.mixed", split.unit.span, hint="currency.convert",
                                                 op="unit", left=found.currency_code, right=split.unit.currency))

    def check_examples(self) -> None:
        """Each worked example, against the names and types the contract declares."""
        examples = self.module.examples
        names_of = {**dict.fromkeys(self.facts, "fact"), **dict.fromkeys(self.metrics, "metric"),
                    **dict.fromkeys(self.deliverables, "deliverable")}
        self.problems.extend(_twice(((example.name, example.span) for example in examples),
                                    "example.twice", "name"))
        for example in examples:
            self.problems.extend(check_example(example, self.types, self.module, names_of, self.goal_ids))

    def check_periods(self) -> None:
        """The reporting periods of the header (`each`), what reads the period in an
        expression, and the period each worked example names (periods_check.py)."""
        module = self.module
        before = [metric.expr for metric in module.metrics]
        after = [payment.expr for payment in module.payments]
        after += [split.total for split in module.splits if split.total is not None]
        self.problems.extend(check_periods(module, self.metrics, before,
                                           [found.periods for found in self.goal_checks], after))

    def warn_unused(self) -> None:
        """A warning for each fact, metric and deliverable nothing reads: most often a name
        misspelt where it was meant to be used, or a measure the contract forgot."""
        used, reached = self._used
        for fact in self.facts.values():
            if fact.name not in used:
                self.problems.append(warning("unused.fact", fact.span, name=fact.name))
        for metric in self.metrics.values():
            if metric.name not in reached:
                self.problems.append(warning("unused.metric", metric.span, name=metric.name))
        for goal in self.module.goals:
            for deliverable in goal.deliverables:
                if deliverable.name not in self.needs.get(goal.id, frozenset()):
                    self.problems.append(warning("unused.deliverable", deliverable.span, name=deliverable.name,
                                                 goal=goal.id))

    def check_labels(self) -> None:
        """An error for a fact or metric shown by the words another is shown by, or named: an
        explanation would read `x = 1: at least x (1)`, or name the one for the other."""
        declared: list[s.Fact | s.Metric] = [*self.facts.values(), *self.metrics.values()]
        names = {d.name for d in declared}
        shown: dict[str, str] = {}  # words → the name first shown by them
        for each in sorted(declared, key=lambda d: (d.span.line, d.span.column)):
            words = each.label if each.label is not None else each.name
            other = shown.get(words)
            if other is None and words != each.name and words in names:  # labelled with another's name
                other = words
            if other is not None:
                self.problems.append(problem("label.taken", each.span, name=each.name, label=quote(words),
                                             other=other))
            shown.setdefault(words, each.name)

    def warn_unlabelled(self) -> None:
        """A warning for each fact and metric a report or an explanation will show, by the
        name it is declared with where it has no `label` of its own to be shown by."""
        used, reached = self._used
        weights = {split.shares_from for split in self.module.splits}  # shown as parties' weights
        shown: list[s.Fact | s.Metric] = [fact for fact in self.facts.values()
                                          if fact.name in used and fact.name not in weights]
        shown += [metric for metric in self.metrics.values() if metric.name in reached]
        for declared in sorted(shown, key=lambda d: (d.span.line, d.span.column)):
            if declared.label is None:
                kind = "fact" if isinstance(declared, s.Fact) else "metric"
                self.problems.append(warning(f"label.{kind}", declared.span, name=declared.name,
                                             example=_labelled_example(declared)))
        # A field of a row, read where a report says the formula in words (a goal, a payment,
        # a split, a metric shown by its formula), is said by its label, or else its name.
        module = self.module
        said = [payment.expr for payment in self.payments.values()]
        said += [split.total for split in module.splits if split.total is not None]
        said += [self.metrics[name].expr for name in sorted(reached) if self.metrics[name].label is None]
        read = {node.field for expr in said for node in _walk(expr) if isinstance(node, s.FieldRead)}
        read |= set().union(*(found.fields for found in self.goal_checks))
        labelled = {fact.name for fact in self.facts.values() if fact.label is not None}
        labelled |= {metric.name for metric in self.metrics.values() if metric.label is not None}
        labelled |= {field.name for fact in self.facts.values() for field in fact.fields if field.label}
        warned: set[str] = set()
        for fact in self.facts.values():
            for field in fact.fields:
                if field.name in read and field.name not in labelled and field.name not in warned:
                    warned.add(field.name)
                    self.problems.append(warning("label.field", field.span, name=field.name, fact=fact.name,
                                                 example=f"{field.name}: {field.type} label "
                                                         f"{quote(field.name.replace('_', ' '))}"))
        # A payment is shown by its title.
        for payment in self.payments.values():
            if payment.title is None:
                self.problems.append(warning("label.payment", payment.span, name=payment.name,
                                             example=f"payment {payment.name} "
                                                     f"{quote(payment.name.replace('_', ' ').capitalize())} = ..."))

    @functools.cached_property
    def _used(self) -> tuple[set[str], set[str]]:
        """The facts (and deliverables) that goals, payments and splits read, and the metrics
        they reach, directly or through other metrics: worked out once, as both the warnings
        for what is unused and those for what is shown without a label ask."""
        module, facts, metrics = self.module, self.facts, self.metrics
        later = [payment.expr for payment in self.payments.values()] + [
            split.total for split in module.splits if split.total is not None and split.fixed_total is None]
        used = set().union(*self.needs.values()) if self.needs else set()
        used |= {split.shares_from for split in module.splits if split.shares_from}
        mentioned: set[str] = set().union(*(found.mentioned for found in self.goal_checks))
        mentioned |= {name for expr in later for name in s.names_in(expr)}
        reached = _reached_metrics(metrics, mentioned)
        used |= {name for name in mentioned if name in facts}
        used |= {name for metric in reached for name in s.names_in(metrics[metric].expr) if name in facts}
        return used, reached

    def analysis(self) -> Analysis:
        # A shorthand tier repeats its subject, so a mistake in the subject would
        # otherwise be reported once per tier.
        unique = tuple(dict.fromkeys(self.problems))
        return Analysis(self.facts, self.metrics, self.deliverables, self.types, self.needs, unique,
                        payments=self.payments, goal_order=tuple(self.goal_order),
                        payment_order=tuple(self.payment_order), module=self.module)


def _goal_order(goals: tuple[s.Goal, ...], metrics: dict[str, s.Metric]) -> tuple[list[str], list[Problem]]:
    """The goals in an order where each comes after the goals whose results it reads
    (through metrics too); a cycle is reported with every goal and metric on it."""
    ids = [goal.id for goal in goals]
    by_id = {goal.id: goal for goal in goals}
    # goal -> goal it reads -> (the metrics in between, and `overall` or `points` if through
    # them; the expression that reads it)
    reads: dict[str, dict[str, tuple[tuple[str, ...], s.GoalValue]]] = {}
    for goal in goals:
        found: dict[str, tuple[tuple[str, ...], s.GoalValue]] = {}
        for expr in goal_exprs(goal):
            for value, metrics_on_the_way in _goal_values_through(expr, metrics):
                on_the_way = metrics_on_the_way if value.goal is not None else (
                    *metrics_on_the_way, value.what)
                for other in ([value.goal] if value.goal is not None else ids):
                    if other in by_id:
                        found.setdefault(other, (on_the_way, value))
        reads[goal.id] = found
    order, cycles = _in_order(ids, lambda goal_id: list(reads[goal_id]))
    problems: list[Problem] = []
    for cycle in cycles:
        read = cycle[-1]
        steps: list[object] = []
        for here, there in itertools.pairwise(cycle):
            steps.append(phrase("ref.goal", goal=here))
            steps += [phrase("ref.name", name=name) for name in reads[here][there][0]]
        _, value = reads[cycle[-2]][read]
        path = Joined((*steps, phrase("ref.goal", goal=read)), " -> ")
        code = "goal.reads-itself" if len(cycle) == 2 else "goal.read-each-other"
        every: object = ""
        hint = "goal.reads-itself"
        if value.goal is None:  # through `overall` or `points`, which read every goal
            every, hint = phrase("goal.reads every", what=value.what, goal=read), "goal.reads-every"
        problems.append(problem(code, value.span, hint=hint, goal=read, path=path, every=every,
                                what=value.what))
    # Goals on a cycle (an error) are still judged, last, so that every goal has a place.
    placed = set(order)
    order += [goal_id for goal_id in ids if goal_id not in placed]
    return order, problems


def _goal_values_through(expr: s.Expr, metrics: dict[str, s.Metric]
                         ) -> Iterator[tuple[s.GoalValue, tuple[str, ...]]]:
    """The goal results `expr` reads, each with the metrics it reads them through, in order."""
    yield from ((value, ()) for value in s.goal_values_in(expr))
    seen: set[str] = set()
    pending: list[tuple[str, tuple[str, ...]]] = [(name, (name,)) for name in s.names_in(expr)
                                                  if name in metrics]
    while pending:
        name, path = pending.pop(0)
        if name in seen:
            continue
        seen.add(name)
        metric = metrics[name].expr
        yield from ((value, path) for value in s.goal_values_in(metric))
        pending.extend((inner, (*path, inner)) for inner in s.names_in(metric) if inner in metrics)


def _twice(named: Iterable[tuple[str, Span]], code: str, called: str) -> Iterator[Problem]:
    """The problem `code` for each name used again, with the name (as the param `called`)
    and the line of its first use."""
    first: dict[str, Span] = {}
    for name, span in named:
        if name in first:
            yield problem(code, span, params={called: name}, line=first[name].line)
        first.setdefault(name, span)


def _reached_metrics(metrics: dict[str, s.Metric], mentioned: set[str]) -> set[str]:
    """The metrics that goals use, directly or through other metrics."""
    reached: set[str] = set()
    pending = [n for n in mentioned if n in metrics]
    while pending:
        current = pending.pop()
        if current not in reached:
            reached.add(current)
            pending.extend(n for n in s.names_in(metrics[current].expr) if n in metrics)
    return reached


def _check_range(name: str, type_: Type, range_: s.Range | None) -> Iterator[Problem]:
    """The range of a fact (or of a record's field, `krav.beløb`), held to its type."""
    if range_ is None:
        return
    inner = type_.innermost  # for a list, the range is that of each element
    if not inner.is_quantity:
        yield problem("range.not-quantity", range_.span, found=Kind(inner))
        return
    bounds = []
    for bound in (range_.low, range_.high):
        value, kind = _constant(bound)
        if value is None:
            yield problem("range.not-value", bound.span)
            return
        if kind != inner.kind:
            yield problem("range.bound-kind", bound.span, hint=unit_hint(inner.kind), kind=Kind(Type(kind), "kind"),
                          fact=name, held=Kind(inner, "kind"))
            return
        literal = s.signed_literal(bound)
        if literal is not None and isinstance(literal[0], s.Money) and literal[0].currency != inner.currency_code:
            yield problem("range.currency", bound.span, fact=name, currency=inner.currency_code,
                          written=literal[0].currency)
            return
        bounds.append(value)
    if bounds[0] > bounds[1]:
        yield problem("range.inverted", range_.span)


def _constant(expr: s.Expr) -> tuple[Fraction | None, str]:
    """The value and kind of a literal quantity, with an optional minus sign."""
    found = s.signed_literal(expr)
    kind = {s.Number: NUMBER, s.Percent: PERCENT, s.Money: MONEY}.get(type(found[0])) if found else None
    if kind is None:
        return None, ""
    value = s.literal_value(expr)
    assert isinstance(value, Fraction)
    return value, kind


def _metric_order(metrics: Mapping[str, s.Metric | s.Payment], what: str = "metrics"
                  ) -> tuple[list[str], list[Problem]]:
    """Metrics in an order where each comes after those it uses; cycles reported.

    Iterative depth-first search: a chain of thousands of metrics must not
    exhaust Python's stack.
    """
    order, cycles = _in_order(list(metrics), lambda name: [n for n in s.names_in(metrics[name].expr)
                                                            if n in metrics])
    code = "metric.cycle" if what == "metrics" else "payment.cycle"
    problems = [problem(code, metrics[cycle[-1]].span, cycle=Joined(tuple(cycle), " -> ")) for cycle in cycles]
    return order, problems


def _in_order(roots: list[str], uses: Callable[[str], list[str]]) -> tuple[list[str], list[list[str]]]:
    """The names in an order where each comes after the names it uses, and each cycle found
    (from a name back to it). Names on a cycle are left out of the order.

    Iterative depth-first search: a chain of thousands of names must not exhaust Python's stack.
    """
    order: list[str] = []
    cycles: list[list[str]] = []
    state: dict[str, str] = {}
    for root in roots:
        if root in state:
            continue
        state[root] = "active"
        path = [root]
        stack = [iter(uses(root))]
        while stack:
            used = next(stack[-1], None)
            if used is None:
                stack.pop()
                done = path.pop()
                if state[done] == "active":
                    state[done] = "done"
                    order.append(done)
                continue
            if state.get(used) == "active":
                cycle = path[path.index(used):] + [used]
                cycles.append(cycle)
                for member in cycle:
                    state[member] = "cyclic"
            elif used not in state:
                state[used] = "active"
                path.append(used)
                stack.append(iter(uses(used)))
    return order, cycles


def needs_with(analysis: Analysis, goal: s.Goal, given_metrics: frozenset[str]) -> frozenset[str]:
    """What a goal reads when some metrics are given values instead of being computed."""
    if not given_metrics:
        return analysis.needs.get(goal.id, frozenset())
    return frozenset(_fact_needs(goal, analysis.metrics, analysis.facts, analysis.deliverables,
                                 given_metrics))


def _fact_needs(goal: s.Goal, metrics: dict[str, s.Metric], facts: dict[str, s.Fact],
                deliverables: dict[str, s.Deliverable],
                given_metrics: frozenset[str] = frozenset()) -> set[str]:
    """The facts and deliverables a goal reads, directly or through metrics."""
    return fact_needs(goal_exprs(goal), metrics, facts, deliverables, goal=goal,
                      given_metrics=given_metrics)


def fact_needs(exprs: Iterable[s.Expr], metrics: Mapping[str, s.Metric], facts: Mapping[str, s.Fact],
               deliverables: Mapping[str, s.Deliverable], payments: Mapping[str, s.Payment] | None = None,
               *, goal: s.Goal | None = None, given_metrics: frozenset[str] = frozenset()) -> set[str]:
    """The facts and deliverables expressions read, directly or through metrics (and
    payments); `deliverables` in a goal's expressions reads that goal's deliverables."""
    return needs_of([name for expr in exprs for name in s.names_in(expr)], metrics, facts, deliverables, payments,
                    goal=goal, given_metrics=given_metrics)


def needs_of(names: Iterable[str], metrics: Mapping[str, s.Metric], facts: Mapping[str, s.Fact],
             deliverables: Mapping[str, s.Deliverable], payments: Mapping[str, s.Payment] | None = None,
             *, goal: s.Goal | None = None, given_metrics: frozenset[str] = frozenset()) -> set[str]:
    """The facts and deliverables read by expressions that name `names` (`fact_needs`)."""
    needs: set[str] = set()
    pending = list(names)
    seen: set[str] = set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        if name == DELIVERABLES and goal is not None:
            needs.update(d.name for d in goal.deliverables)
        elif name in facts or name in deliverables:
            needs.add(name)
        elif name in metrics and name not in given_metrics:
            pending.extend(s.names_in(metrics[name].expr))
        elif payments is not None and name in payments:
            pending.extend(s.names_in(payments[name].expr))
    return needs


class _DueReads(NamedTuple):
    """A contract's metrics by name, which a due date may read through, and the names of its
    deliverables (and `deliverables`), which it may not read."""

    metrics: dict[str, s.Metric]
    delivered: frozenset[str]


def _due_reads_facts_only(deliverable: s.Deliverable, due_reads: _DueReads) -> Iterator[Problem]:
    """A due date is worked out from facts alone: a deliverable's state, or a goal's result,
    would make it depend on what it decides."""
    assert deliverable.due is not None
    metrics, delivered = due_reads
    seen: set[str] = set()
    pending: list[tuple[s.Expr, str | None]] = [(deliverable.due, None)]
    while pending:
        expr, via = pending.pop()
        through = phrase("due.through", via=via) if via else ""
        if any(True for _ in s.goal_values_in(expr)):
            yield problem("due.reads-goal", deliverable.due.span, hint="due.facts-only",
                          name=deliverable.name, through=through)
            return
        for name in s.names_in(expr):
            if name in delivered:
                yield problem("due.reads-deliverable", deliverable.due.span, hint="due.facts-only",
                              name=deliverable.name, other=name, through=through)
                return
            if name in metrics and name not in seen:
                seen.add(name)
                pending.append((metrics[name].expr, via or name))


def _check_goal(goal: s.Goal, types: dict[str, Type], module: s.Module,
                untyped: set[str], goal_ids: frozenset[str], payments: frozenset[str],
                due_reads: _DueReads) -> Iterator[Problem]:
    problems: list[Problem] = []
    typer = Typer(types, goal, problems, untyped, goal_ids=goal_ids, payments=payments)
    if not goal.tiers:
        problems.append(problem("goal.no-score", goal.span, goal=goal.id))
    if goal.applies is not None:
        found = typer.type_of(goal.applies)
        if found is not None and found.kind != BOOL:
            problems.append(problem("applies.not-bool", goal.applies.span, hint="applies.not-bool",
                                    found=Kind(found)))
    for requirement in goal.requirements:
        found = typer.type_of(requirement.condition)
        if found is not None and found.kind != BOOL:
            problems.append(problem("requirement.not-bool", requirement.condition.span, found=Kind(found)))
    for tier in goal.tiers:
        if tier.condition is not None:
            found = typer.type_of(tier.condition)
            if found is not None and found.kind != BOOL:
                problems.append(problem("tier.not-bool", tier.condition.span, found=Kind(found)))
        found = typer.type_of(tier.fulfilment)
        if found is not None and found.kind != PERCENT:
            problems.append(problem("fulfilment.not-percent", tier.fulfilment.span, found=Kind(found)))
        value, kind = _constant(tier.fulfilment)
        if value is not None and kind == PERCENT and not 0 <= value <= 1:
            problems.append(problem("fulfilment.range", tier.fulfilment.span))
    problems.extend(check_tiers(goal))
    period = module.header.period if module.header else None
    for deliverable in goal.deliverables:
        if deliverable.due is not None and deliverable.due_date is None:
            found = typer.type_of(deliverable.due)
            if found is not None and found.kind != DATE:
                problems.append(problem("due.not-date", deliverable.due.span, found=Kind(found)))
            problems.extend(_due_reads_facts_only(deliverable, due_reads))
        due = deliverable.due_date
        if period and due and not period[0] <= due <= period[1]:
            problems.append(warning("due.outside-period", deliverable.span, name=deliverable.name, due=due,
                                    first=period[0], last=period[1]))
    return iter(problems)


def _walk(expr: s.Expr) -> Iterator[s.Expr]:
    """`expr` and every expression inside it."""
    pending = [expr]
    while pending:
        node = pending.pop()
        yield node
        pending.extend(s.children(node))


def _labelled_example(declared: s.Fact | s.Metric) -> str:
    """How a declaration reads with a label, for the hint: `fact x: bool "..." label "..."`."""
    words = declared.name.replace("_", " ")
    description = quote(shortened(declared.description, 40)) + " " if declared.description else ""
    head = f"fact {declared.name}: {declared.type}" if isinstance(declared, s.Fact) \
        else f"metric {declared.name} = ..."
    return f"{head} {description}label {quote(words)}"
