"""Many contracts, or many years of one, side by side: rows of goals matched by id.

The national comparison sets the hubs' contracts side by side on the goals they share
(section 7 of the source contract); a municipal council reads its hub's results year
on year. A `Comparison` holds, for each goal id, a cell per evaluation: its status,
its fulfilment and the value that decided it, as data (comparison.py). Text, JSON, CSV
and HTML are renderers over it (compare_data.py, compare_html.py); nothing here makes words.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path

import attrs

from ..checks.analysis import Labels
from ..contract.contract import Contract, load
from ..core import escape
from ..core.errors import FactsError, Problem
from ..core.files import DEFAULT_MAX_BYTES
from ..core.values import MONEY, NUMBER, PERCENT
from ..core.vocabulary import DKK
from ..core.wording import Language, wording_for
from ..facts.factsfile import FactsFile, Reads, load_facts
from ..language import syntax as s
from ..output.results import Evaluation, GoalResult
from ..semantics.evidence import Compared, Delivery, NotEvaluable, NpsCounts, Seen, TierTried, Truth
from ..semantics.status import DECIDED
from .grid import COMPARISONS, Cell, Column, Decided, Grid, PaymentCell, PaymentRow, Row, Scale
from .page import comparison_html
from .tables import comparison_dict, comparison_text


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
        # A REPL prints this as it is: a party's name from a facts file must not drive the terminal.
        labels = ", ".join(escape.visible(column.label) for column in self.columns[:4])
        more = ", …" if len(self.columns) > 4 else ""
        kind = ("period" if self.series else "provider") + ("" if len(self.columns) == 1 else "s")
        goals = "goal" if len(self.rows) == 1 else "goals"
        return f"<Comparison of {len(self.columns)} {kind} ({labels}{more}): {len(self.rows)} {goals}>"

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
    measure = _measure(check.left, goal.labels) if isinstance(check, Compared) and not check.left.literal else None
    if measure is not None and isinstance(check, Compared):
        # Every threshold the measure was tried against: it is never shown equal to one it is not.
        subject = check.left.expr
        thresholds = tuple(Fraction(step.check.right.value) for step in tried
                           if isinstance(step.check, Compared) and step.check.left.expr == subject
                           and isinstance(step.check.right.value, Fraction | int)
                           and not isinstance(step.check.right.value, bool))
        return attrs.evolve(measure, avoid=thresholds)
    if isinstance(check, Truth | Compared) and deliveries:
        return Decided(done=sum(1 for d in deliveries if d.done), of=len(deliveries))
    return None


def _measure(seen: Seen, labels: Mapping[str, str]) -> Decided | None:
    """The measured value with its kind and its label (a change is said in it: `+319
    publikationer`); an NPS (from answers, or a measure called so) is counted in NPS points."""
    if isinstance(seen.value, bool) or not isinstance(seen.value, Fraction | int):
        return None
    kind = seen.type.kind if seen.type is not None else NUMBER
    if kind not in (NUMBER, PERCENT, MONEY):
        return None
    name = seen.expr.name if isinstance(seen.expr, s.Name) else ""
    label = labels.get(name, "")
    nps = isinstance(seen.counts, NpsCounts) or name.lower() == "nps" or "NPS" in label.split()
    unit = labels.units.get(name) if isinstance(labels, Labels) and kind == NUMBER else None
    return Decided(Fraction(seen.value), kind, currency=seen.type.currency_code if seen.type is not None else DKK,
                   measure=label, nps=nps, unit=unit)


def cell_of(goal: GoalResult, written: s.Goal | None = None) -> Cell:
    decided = decided_by(goal) if goal.fulfilment is not None else None
    return Cell(goal.status, goal.fulfilment, decided, goal.points, goal.title, goal.provisional,
                scale_of(goal, written) if decided is not None and decided.value is not None else None)


def scale_of(goal: GoalResult, written: s.Goal | None) -> Scale | None:
    """The goal's tiers as thresholds on its measured value: all of them where they are
    written as numbers (`nps >= 60`); else as the evidence shows them (`publikationer >=
    måltal[period.year]`: the target of the year), each tier tried with its threshold, the
    ones after the tier that held not known. None where the tiers do not compare one value."""
    if goal.reach is not None:
        if any(op not in COMPARISONS for op, _, _ in goal.reach.tiers):
            return None
        return Scale(goal.reach.tiers, goal.reach.otherwise)
    if written is None:
        return None
    tiers: list[tuple[str, Fraction, Fraction]] = []
    tried = [step for step in goal.steps if isinstance(step, TierTried)]
    subject = None
    for step in tried:
        check = step.check
        if check is None:  # `else`: what is left below every tier
            return Scale(tuple(tiers), goal.fulfilment, complete=True)
        if not isinstance(check, Compared) or check.op not in COMPARISONS or step.index >= len(written.tiers) \
                or isinstance(check.right.value, bool) or not isinstance(check.right.value, Fraction | int):
            return None
        if subject is not None and check.left.expr != subject:
            return None
        subject = check.left.expr
        fulfilment = step.fulfilment if step.holds else _written_fulfilment(written.tiers[step.index])
        if fulfilment is None:
            return None
        tiers.append((check.op, Fraction(check.right.value), fulfilment))
    if not tiers:
        return None
    # Every tier with a condition tried: below them all is the `else` tier's fulfilment, or none
    # (0 %); else the thresholds of the tiers not tried are not known.
    conditions = [tier for tier in written.tiers if tier.condition is not None]
    if len(tiers) < len(conditions):
        return Scale(tuple(tiers), None, complete=False)
    rest = [tier for tier in written.tiers if tier.condition is None]
    otherwise = _written_fulfilment(rest[0]) if rest else Fraction(0)
    return Scale(tuple(tiers), otherwise, complete=otherwise is not None)


def _written_fulfilment(tier: s.Tier) -> Fraction | None:
    """A tier's fulfilment where it is written as a percent (`-> 50%`), as it always is."""
    return tier.fulfilment.value if isinstance(tier.fulfilment, s.Percent) else None


def period_of(evaluation: Evaluation) -> tuple[dt.date, dt.date] | None:
    """The period a column covers: its reporting period, else the contract's period. Never
    read from a file's name: `2019.json` may hold any year, or another provider's 2019."""
    if evaluation.reporting_period is not None:
        return evaluation.reporting_period.start, evaluation.reporting_period.end
    return evaluation.period


def periods_follow(periods: Sequence[tuple[dt.date, dt.date] | None]) -> bool:
    """Whether columns of these periods are a time series: two or more periods, each known,
    and in date order each ends before the next starts (years of an `each year` contract, or
    a contract and the one that took over from it). Two columns of one period, or of periods
    that overlap, are providers side by side."""
    if len(periods) < 2 or any(period is None for period in periods):
        return False
    known = sorted(period for period in periods if period is not None)
    return all(before[1] < after[0] for before, after in itertools.pairwise(known))


def provider_of(evaluation: Evaluation) -> str | None:
    """The party judged: the one the facts name (`"party"`), else the contract's last party
    (`parties "KKR Nordjylland", "Erhvervshus Nordjylland"`: the hub); None where neither says."""
    if evaluation.party:
        return evaluation.party
    return evaluation.parties[-1] if evaluation.parties else None


def assemble(columns: Sequence[Column], group: str | None, series: bool,
             written: Sequence[Mapping[str, s.Goal]] | None = None) -> Comparison:
    """Rows of goals matched by id, in the order they first appear; columns as given; then the
    payments, matched by name."""
    ids = [[goal_id for goal_id, goal in column.evaluation.goals.items()
            if group is None or goal.group == group] for column in columns]
    rows = []
    for goal_id in dict.fromkeys(goal_id for found in ids for goal_id in found):
        rows.append(Row(goal_id, tuple(
            cell_of(column.evaluation.goals[goal_id], written[index].get(goal_id) if written else None)
            if goal_id in found else None for index, (column, found) in enumerate(zip(columns, ids, strict=True)))))
    payments = []
    if group is None:  # a payment reads goals of any group: only a comparison of the whole shows it
        for name in dict.fromkeys(name for column in columns for name in column.evaluation.payments):
            found = [column.evaluation.payments.get(name) for column in columns]
            title = next((p.title for p in found if p is not None and p.title), name.replace("_", " "))
            payments.append(PaymentRow(name, title, tuple(
                None if p is None else PaymentCell(p.amount if p.state == DECIDED else None, p.currency, p.state,
                                                   p.provisional) for p in found)))
    return Comparison(tuple(columns), tuple(rows), series, group, tuple(payments))


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
    Columns whose periods follow each other (the reporting periods of an `each year`
    contract, or contracts that took over from each other) are a series: they stand in period
    order, with the change. Otherwise they are providers side by side, labelled by the party
    judged (`provider_of`), never told apart by a year in a file's name. CompareError, naming the
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
    series = periods_follow([column.period for _, column in columns])
    if series:  # one period after another: in period order, whatever the order given
        columns.sort(key=lambda pair: pair[1].period or (dt.date.max, dt.date.max))
    named = [column for _, column in columns]
    if labels is None:
        named = _labelled(named, series)
    _each_label_once(named)
    _group_found(named, group)
    comparison = assemble(named, group, series, [{goal.id: goal for goal in contract.module.goals}
                                                 for contract, _ in columns])
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
        return contract, Column(label, contract.title, period_of(evaluation), evaluation, problem,
                                contract.language, provider_of(evaluation), name)

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


def period_label(column: Column) -> str:
    """A period as a column's label: its reporting period's name (`2009`, `2024-H1`), a
    calendar year by its year, else its first and last day."""
    reporting = column.evaluation.reporting_period
    if reporting is not None and reporting.name:
        return reporting.name
    if column.period is None:
        return ""
    start, end = column.period
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    return f"{start.isoformat()} .. {end.isoformat()}"


def _labelled(columns: list[Column], series: bool) -> list[Column]:
    """Each column's label: its period in a series; else the provider (the facts' `"party"`,
    or the contract's last party), and where two columns have the same provider, the facts
    file's name; numbered only where even that does not tell them apart."""
    if series:
        labels = [period_label(column) or f"{index + 1}" for index, column in enumerate(columns)]
    else:
        labels = [column.provider or _file_label(column) or column.contract for column in columns]
        labels = [_file_label(column) or label if labels.count(label) > 1 else label
                  for column, label in zip(columns, labels, strict=True)]
    unique = [label if labels.count(label) == 1 else f"{label} ({index + 1})"
              for index, label in enumerate(labels)]
    return [attrs.evolve(column, label=label) for column, label in zip(columns, unique, strict=True)]


def _file_label(column: Column) -> str:
    """The facts file's name without its folder and `.json` (`busdrift-2024.2025`): the label
    of last resort, where nothing in the facts or the contract names the provider."""
    if column.source is None or column.source == "-":
        return ""
    name = Path(column.source).name
    for ending in (".json", ".facts"):
        name = name.removesuffix(ending)
    return name
