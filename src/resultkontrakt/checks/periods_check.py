"""Checks of reporting periods: the header's `each`, `period.year` and `d in period` in
expressions, a goal's `applies when`, and the period a worked example names.

Found when the contract loads, before any fact is read (check.py runs them).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from ..core.errors import Problem
from ..core.reasons import Joined, phrase, problem, warning
from ..language import syntax as s
from ..language.printer import expr_text
from ..semantics.periods import MAX_REPORTING_PERIODS, count_of, full_period, reporting_periods


def check_periods(module: s.Module, metrics: Mapping[str, s.Metric], before: Iterable[s.Expr],
                  goals: Sequence[GoalPeriods], after: Iterable[s.Expr]) -> list[Problem]:
    """The problems of the reporting periods, found in the header, in every expression the
    contract evaluates (those of metrics `before` the goals', those of payments and splits
    `after`), in each goal's `applies when` and in the examples; `goals` holds what
    `goal_periods` found in each goal, in written order."""
    problems = list(_header(module.header))
    # Read as one stack of expressions, last first: each expression's reads come whole.
    problems += _period_reads(module.header, after)
    for found in reversed(goals):
        problems += found.reads
    problems += _period_reads(module.header, before)
    for found in goals:
        problems += found.applies
    problems += _examples(module)
    return problems


@attrs.frozen
class GoalPeriods:
    """What one goal's expressions say about the period: the reads of it the header does not
    allow, and an `applies when` that reads a goal's result."""

    reads: tuple[Problem, ...]
    applies: tuple[Problem, ...]


def goal_periods(header: s.Header | None, metrics: Mapping[str, s.Metric], goal: s.Goal,
                 expressions: Sequence[s.Expr]) -> GoalPeriods:
    """The period problems of one goal, whose `expressions` are all it evaluates."""
    applies = () if goal.applies is None else tuple(_applies_reads_no_goal(goal.applies, metrics))
    return GoalPeriods(tuple(_period_reads(header, expressions)), applies)


def _header(header: s.Header | None) -> Iterator[Problem]:
    """Too many reporting periods is an error; periods the calendar cuts short, a warning
    that says how the first and the last are cut."""
    if header is None or header.period is None or header.each is None:
        return
    start, end = header.period
    each = header.each
    span = dict(header.item_spans).get("period", header.span)
    count = count_of(start, end, each)
    if count > MAX_REPORTING_PERIODS:
        yield problem("period.too-many", span, each=each, count=count, limit=MAX_REPORTING_PERIODS)
        return
    periods = reporting_periods(start, end, each)
    cuts: list[object] = []
    first, last = periods[0], periods[-1]
    if first.start != full_period(first, each)[0]:
        cuts.append(phrase("period.cut-first", name=first.name, start=first.start, end=first.end))
    if last.end != full_period(last, each)[1]:
        cuts.append(phrase("period.cut-last", name=last.name, start=last.start, end=last.end))
    if cuts:
        yield warning("period.cut", span, each=each, first=start, last=end, cuts=Joined(tuple(cuts), "; "))


def _period_reads(header: s.Header | None, expressions: Iterable[s.Expr]) -> Iterator[Problem]:
    """`period.year`, `period.start`, `period.end` and `d in period` need a `period` in the
    header; `period.year` one within a calendar year, unless each reporting period is."""
    period = header.period if header is not None else None
    each = header.each if header is not None else None
    if period is not None and (each is not None or period[0].year == period[1].year):
        return  # every read of the period has what it reads: nothing to look for
    pending = list(expressions)
    while pending:
        expr = pending.pop()
        if isinstance(expr, s.PeriodValue):
            if period is None:
                if header is None or not any(kind == "period" for kind, _ in header.item_spans):
                    yield problem("period.none", expr.span, hint="period.none", expr=expr_text(expr))
            elif expr.field == "year" and each is None and period[0].year != period[1].year:
                yield problem("period.year-spans", expr.span, hint="period.year-spans",
                              first=period[0], last=period[1])
        else:
            pending.extend(s.children(expr))


def _applies_reads_no_goal(condition: s.Expr, metrics: Mapping[str, s.Metric]) -> Iterator[Problem]:
    """Whether a goal applies is settled before goals are judged: its condition reads the period,
    facts and metrics made from them, never a goal's result (directly or through metrics)."""
    seen: set[str] = set()
    pending: list[tuple[s.Expr, str | None]] = [(condition, None)]
    while pending:
        expr, via = pending.pop()
        for value in s.goal_values_in(expr):
            what = value.what if value.goal is None else f"{value.what}(goal {value.goal})"
            through = phrase("applies.through", via=via) if via else ""
            yield problem("applies.reads-goal", condition.span, hint="applies.reads-goal", what=what,
                          through=through)
            return
        for name in s.names_in(expr):
            if name in metrics and name not in seen:
                seen.add(name)
                pending.append((metrics[name].expr, via or name))


def _examples(module: s.Module) -> Iterator[Problem]:
    """A worked example names one of the contract's reporting periods."""
    header = module.header
    period = header.period if header is not None else None
    periods = reporting_periods(*period, header.each) if period is not None and header is not None else ()
    for example in module.examples:
        if example.period is None:
            if len(periods) > 1:
                yield problem("example.which-period", example.span, hint="example.which-period",
                              first=periods[0].name, last=periods[-1].name)
            continue
        if period is None or header is None or header.each is None:
            yield problem("example.no-periods", example.span, hint="example.no-periods", name=example.period)
            continue
        names = tuple(p.name for p in periods)
        if example.period not in names:
            yield problem("example.unknown-period", example.span, hint="example.unknown-period",
                          name=example.period, periods=_listed(names))


def _listed(names: tuple[str, ...]) -> object:
    """The names of reporting periods, shortened past a dozen."""
    from ..core.reasons import Word

    if not names:
        return Word("word.none")
    return names if len(names) <= 12 else (*names[:5], "…", *names[-5:])
