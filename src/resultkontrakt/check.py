"""Static checks: every problem in a contract, found before any fact is read.

The checker resolves every name, gives every expression a type, and works out
which facts each goal depends on. Its result, `Analysis`, is what evaluation
and explanation use: they never have to guess a type or a dependency.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from fractions import Fraction

from . import syntax as s
from .analysis import Analysis
from .errors import Problem, Span, did_you_mean
from .example_checks import check_example
from .infer import DELIVERABLES, Typer, a, unit_hint
from .tiers import check_tiers
from .values import (
    BOOL, DATE, MONEY, NUMBER, PERCENT, TABLE, T_BOOL, T_MONEY, Type, format_number,
    format_value,
)
from .vocabulary import MONEY_UNITS


def check(module: s.Module, build_problems: list[Problem] | None = None) -> Analysis:
    problems: list[Problem] = list(build_problems or [])
    facts: dict[str, s.Fact] = {}
    metrics: dict[str, s.Metric] = {}
    deliverables: dict[str, s.Deliverable] = {}
    payments: dict[str, s.Payment] = {}
    first_use: dict[str, Span] = {}

    def declare(name: str, span: Span, table: dict[str, object], node: object) -> None:
        if name in first_use:
            problems.append(Problem("error", f"`{name}` is declared twice", span,
                                    f"the first declaration is at line {first_use[name].line}; "
                                    "rename or remove one of them"))
            return
        first_use[name] = span
        table[name] = node

    for fact in module.facts:
        declare(fact.name, fact.span, facts, fact)  # type: ignore[arg-type]
    for metric in module.metrics:
        declare(metric.name, metric.span, metrics, metric)  # type: ignore[arg-type]
    for goal in module.goals:
        for deliverable in goal.deliverables:
            declare(deliverable.name, deliverable.span, deliverables, deliverable)  # type: ignore[arg-type]
    for payment in module.payments:
        declare(payment.name, payment.span, payments, payment)  # type: ignore[arg-type]

    goal_ids = frozenset(goal.id for goal in module.goals)
    late = frozenset(payments)
    types: dict[str, Type] = {name: fact.type for name, fact in facts.items()}
    types.update(dict.fromkeys(deliverables, T_BOOL))
    for fact in facts.values():
        problems.extend(_check_range(fact))
        if fact.type.optional:
            problems.append(Problem("error", "`optional` belongs to the answers in a list",
                                    fact.span, "write `list of optional ...`, or leave the fact out "
                                    "of the facts file when it is unknown"))

    # Metrics are typed in dependency order; a cycle is reported once and its
    # members are left untyped so that no other check trips over them.
    order, cycle_problems = _metric_order(metrics)
    problems.extend(cycle_problems)
    # Metrics in a cycle, or whose expression is wrong, stay without a type;
    # their mistakes are reported once, not again wherever they are used.
    untyped = set(metrics) - set(order)
    for name in order:
        typer = Typer(types, None, problems, untyped, goal_ids=goal_ids, payments=late)
        found = typer.type_of(metrics[name].expr)
        if found is not None:
            types[name] = found
        else:
            untyped.add(name)

    needs: dict[str, frozenset[str]] = {}
    problems.extend(_twice(
        ((goal.id, goal.span) for goal in module.goals),
        lambda goal_id, line: (f"goal {goal_id} is declared twice",
                               f"the first goal {goal_id} is at line {line}; give each goal its own id")))
    for goal in module.goals:
        problems.extend(_check_goal(goal, types, module, untyped, goal_ids, late))
        needs[goal.id] = frozenset(_fact_needs(goal, metrics, facts, deliverables))
    goal_order, goal_problems = _goal_order(module.goals, metrics)
    problems.extend(goal_problems)

    # Payments come after the goals, and may use each other (in an order without cycles).
    payment_order, payment_cycles = _metric_order(payments, "payments")
    problems.extend(payment_cycles)
    unpaid = set(payments) - set(payment_order)
    for name in payment_order:
        payment = payments[name]
        found = Typer(types, None, problems, untyped | unpaid, goal_ids=goal_ids).type_of(payment.expr)
        if found is not None and found.kind != MONEY:
            problems.append(Problem("error", f"a payment is an amount of money, not {a(found)}",
                                    payment.expr.span, "work it out from money, e.g. `10% of lønramme`"))
            found = None
        if found is None:
            unpaid.add(name)
        else:
            types[name] = found

    problems.extend(_twice(
        ((split.name, split.span) for split in module.splits),
        lambda name, line: (f"split `{name}` is declared twice",
                            f"the first is at line {line}; give each split its own name")))
    for split in module.splits:
        problems.extend(check_split(split, facts))
        if split.total is not None and split.fixed_total is None:
            found = Typer(types, None, problems, untyped | unpaid, goal_ids=goal_ids).type_of(split.total)
            if found is not None and found.kind != MONEY:
                problems.append(Problem("error", f"the total of a split is an amount of money, not {a(found)}",
                                        split.total.span, "e.g. `total udbetaling` for a payment, or "
                                        "`total 16488 tkr`"))

    names_of = {**dict.fromkeys(facts, "fact"), **dict.fromkeys(metrics, "metric"),
                **dict.fromkeys(deliverables, "deliverable")}
    problems.extend(_twice(
        ((example.name, example.span) for example in module.examples),
        lambda name, line: (f'two examples are called "{name}"',
                            "give each example its own name, so a failure says which")))
    for example in module.examples:
        problems.extend(check_example(example, types, module, names_of))

    later = [payment.expr for payment in payments.values()] + [
        split.total for split in module.splits if split.total is not None and split.fixed_total is None]
    used = set().union(*needs.values()) if needs else set()
    used |= {split.shares_from for split in module.splits if split.shares_from}
    mentioned = {name for goal in module.goals for expr in goal_exprs(goal) for name in s.names_in(expr)}
    mentioned |= {name for expr in later for name in s.names_in(expr)}
    reached = _reached_metrics(metrics, mentioned)
    used |= {name for name in mentioned if name in facts}
    used |= {name for metric in reached for name in s.names_in(metrics[metric].expr) if name in facts}
    for fact in facts.values():
        if fact.name not in used:
            problems.append(Problem("warning", f"fact `{fact.name}` is declared but no goal uses it",
                                    fact.span, "use it in a score or a metric, or remove it"))
    for metric in metrics.values():
        if metric.name not in reached:
            problems.append(Problem("warning", f"metric `{metric.name}` is defined but no goal uses it",
                                    metric.span, "use it in a score, or remove it"))
    for goal in module.goals:
        for deliverable in goal.deliverables:
            if deliverable.name not in needs.get(goal.id, frozenset()):
                problems.append(Problem(
                    "warning", f"deliverable `{deliverable.name}` is not used in goal {goal.id}'s score",
                    deliverable.span, "use `all(deliverables)` or name it in a tier"))
    # A shorthand tier repeats its subject, so a mistake in the subject would
    # otherwise be reported once per tier.
    unique = tuple(dict.fromkeys(problems))
    return Analysis(facts, metrics, deliverables, types, needs, unique, payments=payments,
                    goal_order=tuple(goal_order), payment_order=tuple(payment_order))


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
        steps: list[str] = []
        for here, there in itertools.pairwise(cycle):
            steps.append(f"goal {here}")
            steps += [f"`{name}`" for name in reads[here][there][0]]
        _, value = reads[cycle[-2]][read]
        whole = " -> ".join(steps) + f" -> goal {read}"
        if len(cycle) == 2:
            message = f"goal {read} reads its own result: {whole}"
        else:
            message = f"these goals read each other's results: {whole}"
        hint = ("a goal cannot depend on its own result; read other goals, or compute the "
                "value in a payment, which comes after the goals")
        if value.goal is None:
            message += f" (`{value.what}` reads every goal, goal {read} too)"
            hint = (f"no goal can read `{value.what}`, which is every goal's result; use it in a "
                    "payment, which comes after the goals")
        problems.append(Problem("error", message, value.span, hint))
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


def _twice(named: Iterable[tuple[str, Span]],
           words: Callable[[str, int], tuple[str, str]]) -> Iterator[Problem]:
    """An error for each name used again; `words` gives the message and hint from the
    name and the line of its first use."""
    first: dict[str, Span] = {}
    for name, span in named:
        if name in first:
            message, hint = words(name, first[name].line)
            yield Problem("error", message, span, hint)
        first.setdefault(name, span)


def check_split(split: s.Split, facts: dict[str, s.Fact]) -> Iterator[Problem]:
    """Everything about a split that can be known before its weights are supplied."""
    if split.total is None:
        yield Problem("error", f"split `{split.name}` has no total", split.span,
                      "say what is split, e.g. `total 16488 tkr`")
        return
    unit = split.billed_in
    total = split.fixed_total
    if unit.value <= 0:
        yield Problem("error", "the unit of a split must be above zero", unit.span,
                      "e.g. `unit 1 tkr` to bill in whole thousands")
    elif total is None:
        pass  # worked out from the facts: whether it divides into units is known then
    elif unit.value > total.value / split.installments:
        per_installment = total.value / split.installments
        yield Problem("error", f"the unit {format_value(unit.value, T_MONEY)} is larger than the "
                      f"amount to split{' per installment' if split.installments > 1 else ''} "
                      f"({format_value(per_installment, T_MONEY)})", unit.span,
                      "choose a smaller unit, e.g. `unit 1 tkr`")
    elif (total.value / split.installments / unit.value).denominator != 1:
        per_installment = total.value / split.installments
        # Shown in the unit's own currency unit, as the writer thinks of it.
        each = format_number(per_installment / MONEY_UNITS[unit.unit]) + " " + unit.unit
        if split.installments > 1:
            message = (f"{format_value(total.value, T_MONEY)} over {split.installments} "
                       f"installments is {each} per installment")
        else:
            message = f"{each} to split"
        yield Problem("error", f"{message}, not a whole number of units of "
                      f"{format_value(unit.value, T_MONEY)}", total.span,
                      "change the total, the number of installments or the unit so they divide evenly")
    if split.parties and split.shares:
        named = {share.party for share in split.shares}
        listed = dict(split.item_spans).get("parties", split.span)
        for party in split.parties:
            if party not in named:
                yield Problem("error", f"{party} is listed in `parties` but has no share in split "
                              f"`{split.name}`", listed, f"give {party} a weight in `shares`")
        for share in split.shares:
            if share.party not in split.parties:
                yield Problem("error", f"{share.party} has a share but is not listed in `parties`",
                              share.span, did_you_mean(share.party, split.parties)
                              or "list it in `parties`, or remove its share")
    if split.shares_from is not None:
        fact = facts.get(split.shares_from)
        if fact is None:
            yield Problem("error", f"unknown fact `{split.shares_from}`", split.span,
                          did_you_mean(split.shares_from, facts) or
                          f"declare it: `fact {split.shares_from}: table of integer`")
        elif fact.type.kind != TABLE or fact.type.element is None or fact.type.element.kind != NUMBER:
            yield Problem("error", f"the weights of a split come from a table of numbers, but "
                          f"`{fact.name}` is {a(fact.type)}", split.span,
                          f"declare it as `fact {fact.name}: table of integer`")
        return
    if not split.shares:
        yield Problem("error", f"split `{split.name}` has no shares", split.span,
                      "list the parties and their weights: `shares { Morsø 20514 ... }`, "
                      "or take them from a fact: `shares from folketal`")
        return
    seen: dict[str, s.Share] = {}
    for share in split.shares:
        if share.party in seen:
            first = seen[share.party].span
            yield Problem("error", f"{share.party} is named twice in split `{split.name}`", share.span,
                          f"the first is at line {first.line}, column {first.column}; keep one")
        seen.setdefault(share.party, share)
    if all(share.weight == 0 for share in split.shares):
        yield Problem("error", "every weight in the split is zero, so nothing can be shared out",
                      split.span, "give at least one party a weight above zero")


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


def _check_range(fact: s.Fact) -> Iterator[Problem]:
    if fact.range is None:
        return
    inner = fact.type.innermost  # for a list, the range is that of each element
    if not inner.is_quantity:
        yield Problem("error", f"a range only fits a number, percent or money, not {a(inner)}",
                      fact.range.span, "remove the `in LOW .. HIGH` part")
        return
    bounds = []
    for bound in (fact.range.low, fact.range.high):
        value, kind = _constant(bound)
        if value is None:
            yield Problem("error", "a range bound must be a plain value such as -100, 0% or 10 tkr",
                          bound.span, "write the bound as a value, not a calculation")
            return
        if kind != inner.kind:
            yield Problem("error", f"this bound is a {kind}, but `{fact.name}` holds {inner.kind} values",
                          bound.span, unit_hint(inner.kind))
            return
        bounds.append(value)
    if bounds[0] > bounds[1]:
        yield Problem("error", "the range's low bound is above its high bound", fact.range.span,
                      "write the smaller value first: `in LOW .. HIGH`")


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
    problems = [Problem("error", f"these {what} are defined in terms of each other: " + " -> ".join(cycle),
                        metrics[cycle[-1]].span, "a metric must be computable from facts; break the cycle"
                        if what == "metrics" else "a payment cannot be computed from itself; break the cycle")
                for cycle in cycles]
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


def goal_exprs(goal: s.Goal) -> Iterator[s.Expr]:
    for deliverable in goal.deliverables:
        if deliverable.due is not None:
            yield deliverable.due
    for requirement in goal.requirements:
        yield requirement.condition
    for tier in goal.tiers:
        if tier.condition is not None:
            yield tier.condition
        yield tier.fulfilment


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
    needs: set[str] = set()
    pending = [name for expr in exprs for name in s.names_in(expr)]
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


def _due_reads_facts_only(deliverable: s.Deliverable, module: s.Module) -> Iterator[Problem]:
    """A due date is worked out from facts alone: a deliverable's state, or a goal's result,
    would make it depend on what it decides."""
    assert deliverable.due is not None
    metrics = {metric.name: metric for metric in module.metrics}
    delivered = {d.name for goal in module.goals for d in goal.deliverables} | {DELIVERABLES}
    seen: set[str] = set()
    pending: list[tuple[s.Expr, str | None]] = [(deliverable.due, None)]
    while pending:
        expr, via = pending.pop()
        through = f" (through `{via}`)" if via else ""
        if any(True for _ in s.goal_values_in(expr)):
            yield Problem("error", f"the due date of `{deliverable.name}` reads a goal's result{through}",
                          deliverable.due.span, "work a due date out from facts, e.g. "
                          "`due første_indflytning + 36 months`")
            return
        for name in s.names_in(expr):
            if name in delivered:
                yield Problem("error", f"the due date of `{deliverable.name}` reads the deliverable "
                              f"`{name}`{through}, whose state depends on its due date",
                              deliverable.due.span, "work a due date out from facts, e.g. "
                              "`due første_indflytning + 36 months`")
                return
            if name in metrics and name not in seen:
                seen.add(name)
                pending.append((metrics[name].expr, via or name))


def _check_goal(goal: s.Goal, types: dict[str, Type], module: s.Module,
                untyped: set[str], goal_ids: frozenset[str], payments: frozenset[str]) -> Iterator[Problem]:
    problems: list[Problem] = []
    typer = Typer(types, goal, problems, untyped, goal_ids=goal_ids, payments=payments)
    if not goal.tiers:
        problems.append(Problem("error", f"goal {goal.id} has no `score`, so it could never be met",
                                goal.span, "add a score, e.g. `score all(deliverables) -> 100%`"))
    for requirement in goal.requirements:
        found = typer.type_of(requirement.condition)
        if found is not None and found.kind != BOOL:
            problems.append(Problem("error", f"a requirement must be true or false, not {a(found)}",
                                    requirement.condition.span, "write a condition, e.g. `n >= 30`"))
    for tier in goal.tiers:
        if tier.condition is not None:
            found = typer.type_of(tier.condition)
            if found is not None and found.kind != BOOL:
                problems.append(Problem(
                    "error", f"a tier's condition must be true or false, not {a(found)}",
                    tier.condition.span, "compare it with a threshold, e.g. `nps >= 60 -> 100%`"))
        found = typer.type_of(tier.fulfilment)
        if found is not None and found.kind != PERCENT:
            problems.append(Problem("error", f"a fulfilment must be a percent, not {a(found)}",
                                    tier.fulfilment.span, "write it with %, e.g. `-> 100%`"))
        value, kind = _constant(tier.fulfilment)
        if value is not None and kind == PERCENT and not 0 <= value <= 1:
            problems.append(Problem("error", "a fulfilment must lie between 0% and 100%",
                                    tier.fulfilment.span, "write a percentage from 0% to 100%"))
    problems.extend(check_tiers(goal))
    period = module.header.period if module.header else None
    for deliverable in goal.deliverables:
        if deliverable.due is not None and deliverable.due_date is None:
            found = typer.type_of(deliverable.due)
            if found is not None and found.kind != DATE:
                problems.append(Problem("error", f"a due date is a date, not {a(found)}",
                                        deliverable.due.span,
                                        "e.g. `due 2019-12-31` or `due første_indflytning + 36 months`"))
            problems.extend(_due_reads_facts_only(deliverable, module))
        due = deliverable.due_date
        if period and due and not period[0] <= due <= period[1]:
            problems.append(Problem(
                "warning", f"`{deliverable.name}` is due {due}, outside the contract "
                f"period {period[0]} .. {period[1]}", deliverable.span,
                "check the date; a due date usually lies within the period"))
    return iter(problems)
