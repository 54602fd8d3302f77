"""Many contracts, or many years of one, side by side: rows of goals matched by id.

The national comparison sets the hubs' contracts side by side on the goals they share
(section 7 of the source contract); a municipal council reads its hub's results year
on year. A `Comparison` holds, for each goal id, a cell per evaluation: its status,
its fulfilment and the value that decided it, as data (comparison.py). Text, JSON, CSV
and HTML are renderers over it (compare_data.py, compare_html.py); nothing here makes words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path

import attrs

from ..contract.contract import Contract, load
from ..core.errors import FactsError, Problem
from ..core.files import DEFAULT_MAX_BYTES
from ..core.values import MONEY, NUMBER, PERCENT
from ..core.vocabulary import DKK
from ..core.wording import Language, wording_for
from ..facts.factsfile import FactsFile, Reads, load_facts
from ..output.results import Evaluation, GoalResult
from ..semantics.evidence import Compared, Delivery, NotEvaluable, Seen, TierTried, Truth
from .grid import Cell, Column, Decided, Grid, Row
from .page import comparison_html
from .tables import comparison_dict, comparison_text

# A year in a facts file's name (`2019.json`, `nordjylland-2020.facts.json`): the period of
# a year's facts when one contract is compared with itself over the years.
_YEAR = re.compile(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2})(?![0-9])")


@attrs.frozen
class Comparison(Grid):
    """Evaluations side by side (`rk compare`, `rk.compare`), with its renderings."""

    def to_dict(self, language: Language = "en") -> dict[str, object]:
        """The shape of `rk compare --format json` (rk-language-2.md), worded in `language`."""
        return comparison_dict(self, wording_for(language))

    def text(self, language: Language = "en", width: int = 100) -> str:
        """An aligned table for a terminal, at most `width` columns wide."""
        return comparison_text(self, wording_for(language), width)

    def __repr__(self) -> str:
        labels = ", ".join(column.label for column in self.columns[:4])
        more = ", …" if len(self.columns) > 4 else ""
        kind = "years" if self.series else "evaluations"
        return f"<Comparison of {len(self.columns)} {kind} ({labels}{more}): {len(self.rows)} goals>"

    def _repr_html_(self) -> str:
        """For notebooks: the page's tables and charts, styled inline only, in the language the
        contracts compared say (`language "da"`), where they all say the same, else English."""
        said = {column.language for column in self.columns}
        return comparison_html(self, wording_for(said.pop() or "en" if len(said) == 1 else "en"), whole=False)


# ---- building a comparison from evaluations ----------------------------------------------------


def decided_by(goal: GoalResult) -> Decided | None:
    """What decided a goal: the measure its deciding tier compared, or its deliverables done."""
    deliveries = [step for step in goal.steps if isinstance(step, Delivery)]
    deciding = next((step for step in goal.steps if isinstance(step, TierTried) and step.holds), None)
    tried = [step for step in goal.steps if isinstance(step, TierTried)]
    check = deciding.check if deciding is not None else (tried[-1].check if tried else None)
    if isinstance(check, Compared) and not check.left.literal and _measure(check.left) is not None:
        return _measure(check.left)
    if isinstance(check, Truth | Compared) and deliveries:
        return Decided(done=sum(1 for d in deliveries if d.done), of=len(deliveries))
    return None


def _measure(seen: Seen) -> Decided | None:
    if isinstance(seen.value, bool) or not isinstance(seen.value, Fraction | int):
        return None
    kind = seen.type.kind if seen.type is not None else NUMBER
    if kind not in (NUMBER, PERCENT, MONEY):
        return None
    return Decided(Fraction(seen.value), kind, currency=seen.type.currency_code if seen.type is not None else DKK)


def cell_of(goal: GoalResult) -> Cell:
    return Cell(goal.status, goal.fulfilment, decided_by(goal) if goal.fulfilment is not None else None,
                goal.points, goal.title, goal.provisional)


def period_of(evaluation: Evaluation, facts_name: str | None) -> tuple[dt.date, dt.date] | None:
    """The period a column covers: its reporting period, a year named in its facts file, else
    the contract's period."""
    if evaluation.reporting_period is not None:
        return evaluation.reporting_period.start, evaluation.reporting_period.end
    if facts_name is not None:
        found = _YEAR.findall(Path(facts_name).name)
        if found:
            year = int(found[-1])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    return evaluation.period


def assemble(columns: Sequence[Column], group: str | None, series: bool) -> Comparison:
    """Rows of goals matched by id, in the order they first appear; columns as given."""
    ids = [[goal_id for goal_id, goal in column.evaluation.goals.items()
            if group is None or goal.group == group] for column in columns]
    rows = []
    for goal_id in dict.fromkeys(goal_id for found in ids for goal_id in found):
        rows.append(Row(goal_id, tuple(cell_of(column.evaluation.goals[goal_id]) if goal_id in found
                                       else None for column, found in zip(columns, ids, strict=True))))
    return Comparison(tuple(columns), tuple(rows), series, group)


def unread(evaluation: Evaluation, problem: Problem) -> Evaluation:
    """A contract's goals when its facts could not be read at all: each not evaluable, saying why."""
    blocked = NotEvaluable(invalid=(problem,))
    return attrs.evolve(evaluation, goals={goal_id: goal.judged(blocked=blocked)
                                           for goal_id, goal in evaluation.goals.items()},
                        problems=(problem,))


# ---- the comparison of pairs of contract and facts -------------------------------------------

Pair = tuple["Contract | str | Path", "Mapping[str, object] | str | Path"]


class CompareError(ValueError):
    """A comparison that cannot be made as asked; `argument` names what to change."""

    def __init__(self, message: str, argument: str):
        super().__init__(message)
        self.argument = argument


def compare(pairs: Sequence[Pair], group: str | None = None, labels: Sequence[str] | None = None, *,
            as_of: dt.date | None = None, data_dir: str | Path | None = None,
            max_bytes: int | None = None, period: str | int | None = None) -> Comparison:
    """Evaluations side by side: each (contract, facts) pair is a column, each goal id a row.

    A contract is a `Contract` or the path of a `.rk` file, loaded once however often it
    is named; facts are a mapping, a `FactsFile` or the path of a facts file. A facts file
    that cannot be read keeps its column, with its goals not evaluable and the reason.
    The same contract with several facts files is a series over the years: its columns
    stand in period order (the year in each facts file's name). CompareError, naming the
    argument, for what cannot be compared: no pairs, labels that do not fit, a group no
    contract has, contracts that share no goal. `period` names the reporting period of every
    column, of contracts that report `each year` (else each facts file names its own).
    """
    if not pairs:
        raise CompareError("there is nothing to compare", "CONTRACT.rk:FACTS.json")
    if labels is not None and len(labels) != len(pairs):
        raise CompareError(f"{len(labels)} labels for {len(pairs)} evaluations", "--label")
    evaluating = _Evaluating(as_of, data_dir, max_bytes, period)
    columns = [evaluating.column(written, facts, labels[index] if labels is not None else "")
               for index, (written, facts) in enumerate(pairs)]
    series = len(columns) > 1 and len({id(contract) for contract, _ in columns}) == 1
    if series:  # one contract over the years: in period order, whatever the order given
        columns.sort(key=lambda pair: pair[1].period or (dt.date.max, dt.date.max))
    named = [column for _, column in columns]
    if labels is None:
        named = _labelled(named, series)
    _each_label_once(named)
    _group_found(named, group)
    comparison = assemble(named, group, series)
    _a_goal_shared(comparison)
    return comparison


class _Evaluating:
    """The pairs evaluated one by one, with what they share kept: each contract is loaded once,
    however often it is named, and the files facts point at (survey exports, often the same
    for every hub) are read once for the whole comparison, each read kept by its resolved path
    and its type."""

    def __init__(self, as_of: dt.date | None, data_dir: str | Path | None, max_bytes: int | None,
                 period: str | int | None = None):
        self.as_of = as_of
        self.period = period
        self.data_dir = data_dir
        self.max_bytes = max_bytes or DEFAULT_MAX_BYTES
        self.loaded: dict[str, Contract] = {}
        self.reads = Reads()

    def column(self, written: Contract | str | Path, facts: Mapping[str, object] | str | Path,
               label: str) -> tuple[Contract, Column]:
        """A pair's column, with its contract: its evaluation, or its goals not evaluable where
        the facts could not be read at all, saying why."""
        contract = self.contract(written)
        name = str(facts) if isinstance(facts, str | Path) else getattr(facts, "source", None)
        problem: Problem | None = None
        try:
            evaluation = self.evaluation(contract, facts)
        except FactsError as error:
            problem = error.problems[0]
            evaluation = unread(self.unread_evaluation(contract), problem)
        return contract, Column(label, contract.title, period_of(evaluation, name), evaluation, problem,
                                contract.language)

    def unread_evaluation(self, contract: Contract) -> Evaluation:
        """The contract evaluated with no facts, for a column whose facts could not be read (or
        name no reporting period it has: then its first)."""
        try:
            return contract.evaluate({}, as_of=self.as_of, period=self.period)
        except FactsError:
            periods = contract.reporting_periods
            return contract.evaluate({}, as_of=self.as_of, period=periods[0].name if periods else None)

    def contract(self, written: Contract | str | Path) -> Contract:
        if isinstance(written, Contract):
            return written
        if str(written) not in self.loaded:
            self.loaded[str(written)] = load(written, max_bytes=self.max_bytes)
        return self.loaded[str(written)]

    def evaluation(self, contract: Contract, facts: Mapping[str, object] | str | Path) -> Evaluation:
        if isinstance(facts, str | Path):
            given = load_facts(facts, data_dir=self.data_dir, max_bytes=self.max_bytes)
            return contract.evaluate(attrs.evolve(given, reads=self.reads), as_of=self.as_of,
                                     period=self.period)
        return contract.evaluate(facts, data_dir=None if isinstance(facts, FactsFile) else self.data_dir,
                                 as_of=self.as_of, period=self.period)


def _each_label_once(columns: list[Column]) -> None:
    """CompareError where two columns would be told apart by nothing."""
    if len({column.label for column in columns}) != len(columns):
        twice = next(c.label for c in columns if [d.label for d in columns].count(c.label) > 1)
        raise CompareError(f"the label {twice!r} is given to two columns", "--label")


def _group_found(columns: list[Column], group: str | None) -> None:
    """CompareError, with the groups there are, where no contract has the group asked for."""
    if group is not None and not any(goal.group == group for column in columns
                                     for goal in column.evaluation.goals.values()):
        groups = sorted({g.group for c in columns for g in c.evaluation.goals.values() if g.group})
        raise CompareError(f"no contract has the group {group!r}; the groups are: "
                           + (", ".join(map(repr, groups)) or "none"), "--group")


def _a_goal_shared(comparison: Comparison) -> None:
    """CompareError where columns share no goal id: there is nothing to set side by side."""
    if len(comparison.columns) > 1 and not any(sum(cell is not None for cell in row.cells) > 1
                                               for row in comparison.rows):
        raise CompareError("the contracts share no goal id, so there is nothing to set side by side",
                           "CONTRACT.rk:FACTS.json")


def _labelled(columns: list[Column], series: bool) -> list[Column]:
    """Each column's label: the year for a series, else the contract's title and year."""
    def year(column: Column) -> str:
        # A half year or quarter by its name (2024-H1): by its year alone, two were "2024 (1)", "2024 (2)".
        reporting = column.evaluation.reporting_period
        if reporting is not None and reporting.name:
            return reporting.name
        return str(column.period[0].year) if column.period is not None else ""

    if series:
        labels = [year(column) or f"{index + 1}" for index, column in enumerate(columns)]
    else:  # the contract's title and its year, unless the title says the year already
        labels = [column.contract if year(column) in column.contract else f"{column.contract} {year(column)}"
                  for column in columns]
    unique = [label if labels.count(label) == 1 else f"{label} ({index + 1})"
              for index, label in enumerate(labels)]
    return [attrs.evolve(column, label=label) for column, label in zip(columns, unique, strict=True)]
