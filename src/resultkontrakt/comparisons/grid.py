"""Evaluations side by side, as data: columns of evaluations, rows of goals matched by id.

What `rk compare` shows, held as values: for each goal id, a cell per evaluation with its
status, its fulfilment and the value that decided it. The renderers (compare_data.py,
compare_html.py) read it; comparing.py builds it and gives it its renderings.
"""

from __future__ import annotations

import datetime as dt
import functools
from fractions import Fraction

import attrs

from ..core.errors import Problem
from ..core.values import MONEY, NUMBER, PERCENT
from ..core.vocabulary import DKK
from ..output.results import Evaluation, Status
from ..semantics.status import DECIDED, NOT_APPLICABLE, NOT_EVALUABLE, PENDING, Covers, State, worst

# What a change is counted in: the measure that decided the goal, the deliverables done,
# the goal's fulfilment (where the measures differ), points, or a payment's amount.
MEASURE, DELIVERABLES, FULFILMENT, POINTS, AMOUNT = "measure", "deliverables", "fulfilment", "points", "amount"
OVERALL = "overall"  # the overall fulfilment: in percentage points, on the row that says so


@attrs.frozen
class Decided:
    """The value that decided a goal's result: a measure with its kind, or deliverables done.
    As a change (`Grid.change`), `counts` says what it is counted in."""

    value: Fraction | None = None
    kind: str = NUMBER  # number, percent or money: how it is written, and how it changes
    done: int | None = None  # deliverables done, of `of`
    of: int | None = None
    currency: str = DKK  # of money: the ISO code of its currency
    # The measure's label as the contract gives it (`publikationer`), "" where it has none;
    # an NPS is counted in NPS points.
    measure: str = ""
    nps: bool = False
    counts: str = MEASURE
    # What the measure counts, as the contract says (`unit "dag" "dage"`: one, many), shown
    # after it; and the thresholds it was compared with, which it is never shown equal to
    # unless it is one (99,999 against `mindst 100` reads `≈99,99`, not `≈100,00`).
    unit: tuple[str, str] | None = None
    avoid: tuple[Fraction, ...] = attrs.field(default=(), eq=False)


@attrs.frozen
class PaymentCell:
    """A payment in one evaluation: its amount in its currency, or its state without one."""

    amount: Fraction | None
    currency: str
    state: State
    provisional: bool = False


@attrs.frozen
class PaymentRow:
    """One payment across the evaluations, matched by name; `cells` follow the columns."""

    name: str
    title: str
    cells: tuple[PaymentCell | None, ...]

    def change(self) -> Decided | None:
        """The last amount minus the one before it, in one currency; None where either is missing."""
        if len(self.cells) < 2:
            return None
        before, last = self.cells[-2], self.cells[-1]
        if before is None or last is None or before.amount is None or last.amount is None \
                or before.currency != last.currency:
            return None
        return Decided(last.amount - before.amount, MONEY, currency=last.currency, counts=AMOUNT)


@attrs.frozen
class Scale:
    """A goal's tiers as thresholds on its measured value, as known in one evaluation: each
    tier's operator, threshold and fulfilment in the order they are tried, and the fulfilment
    below them all (`otherwise`). `complete` is false where the thresholds come from the
    evidence (a target looked up for the year, `måltal[period.year]`) and a tier after the
    one that held was never tried: its threshold is not known, and `otherwise` is None."""

    tiers: tuple[tuple[str, Fraction, Fraction], ...]
    otherwise: Fraction | None
    complete: bool = True

    def fulfilment(self, value: Fraction) -> Fraction | None:
        """The fulfilment `value` gives, where the known tiers say; None where they do not."""
        for op, threshold, fulfilment in self.tiers:
            if _holds(op, value, threshold):
                return fulfilment
        return self.otherwise if self.complete else None


def _holds(op: str, value: Fraction, threshold: Fraction) -> bool:
    return {">=": value >= threshold, ">": value > threshold, "<=": value <= threshold,
            "<": value < threshold}[op]


COMPARISONS = (">=", ">", "<=", "<")  # the operators a scale is drawn for


@attrs.frozen
class Cell:
    """One goal in one evaluation: its status, fulfilment, and what decided it."""

    status: Status
    fulfilment: Fraction | None
    decided: Decided | None = None
    points: Fraction | None = None
    title: str = ""
    provisional: bool = False  # decided from facts measured before the period's end
    scale: Scale | None = None  # the tiers on the measured value, where they compare one value

    @property
    def state(self) -> State:
        """Decided, not applicable, pending or not evaluable (status.py)."""
        if self.fulfilment is not None:
            return DECIDED
        if self.status == "not applicable":
            return NOT_APPLICABLE
        return PENDING if self.status == "pending" else NOT_EVALUABLE


@attrs.frozen
class Column:
    """One evaluation: a contract's results for one set of facts.

    `problem` is set when the facts could not be read at all: the column is kept, and
    its goals are not evaluable, with that reason.
    """

    label: str
    contract: str
    period: tuple[dt.date, dt.date] | None
    evaluation: Evaluation
    problem: Problem | None = None
    language: str | None = None  # the contract's own language (`language "da"`), if it says one
    # The party judged: the facts' `"party"`, else the contract's last party; None where neither says.
    provider: str | None = None
    source: str | None = None  # the facts file's name, where the facts came from one

    @property
    def weighted(self) -> bool:
        return self.evaluation.weighted

    @property
    def overall(self) -> Fraction | None:
        return self.evaluation.overall

    @property
    def points(self) -> Fraction | None:
        return self.evaluation.points if self.weighted else None

    @property
    def covers(self) -> Covers:
        """The goals its overall averages, and those it leaves out (semantics/status.py)."""
        return self.evaluation.covers


@attrs.frozen
class Row:
    """One goal id across the evaluations; `cells` follow the columns (None: no such goal there)."""

    id: str
    cells: tuple[Cell | None, ...]

    @property
    def titles(self) -> tuple[str, ...]:
        """Each title the goal has, once, in column order."""
        return tuple(dict.fromkeys(cell.title for cell in self.cells if cell is not None))

    @property
    def title(self) -> str:
        return self.titles[0] if self.titles else ""

    @property
    def titles_differ(self) -> bool:
        """The goal has different titles in different contracts: shown, never merged silently."""
        return len(self.titles) > 1


@attrs.frozen
class Grid:
    """Evaluations side by side, as data: columns, rows of goals, and the overall results.

    `series` is set when the columns are different periods that follow each other (the
    reporting periods of a contract that reports `each year`, or contracts whose periods do
    not overlap): then the columns stand in period order, and the change from the one before
    the last to the last is shown. Otherwise the columns are providers side by side.
    `compare.Comparison` adds the renderings, which read this.
    """

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    series: bool = False
    group: str | None = None
    payments: tuple[PaymentRow, ...] = ()

    @property
    def weighted(self) -> bool:
        return any(column.weighted for column in self.columns)

    def change(self, row: Row) -> Decided | None:
        """The year-on-year change of a goal in a series: the last column minus the one before
        it, in the decided value where both have one of the same kind and measure (NPS +4), in
        deliverables done, else in fulfilment (percentage points). None where either is missing."""
        if not self.series or len(row.cells) < 2:
            return None
        before, last = row.cells[-2], row.cells[-1]
        if before is None or last is None:
            return None
        was, now = before.decided, last.decided
        if was is not None and now is not None and was.value is not None and now.value is not None \
                and (was.kind, was.currency, was.measure, was.unit) == (now.kind, now.currency, now.measure, now.unit):
            # Days less hours is no change: a measure counted in another unit changes in fulfilment.
            return Decided(now.value - was.value, was.kind, currency=was.currency, measure=was.measure,
                           nps=was.nps, unit=was.unit)
        if was is not None and now is not None and was.done is not None and now.done is not None:
            return Decided(Fraction(now.done - was.done), NUMBER, counts=DELIVERABLES)
        if before.fulfilment is None or last.fulfilment is None:
            return None
        return Decided(last.fulfilment - before.fulfilment, PERCENT, counts=FULFILMENT)

    def points_change(self) -> Decided | None:
        """The last column's points minus the one before's, in a series of weighted contracts."""
        if not self.series or len(self.columns) < 2:
            return None
        before, last = self.columns[-2].points, self.columns[-1].points
        if before is None or last is None:
            return None
        return Decided(last - before, NUMBER, counts=POINTS)

    def change_state(self, row: Row) -> State | None:
        """The status of a goal's change in a series: the worse of the two years' (status.py).
        None where there is no change to show (not a series, or a year without the goal)."""
        if not self.series or len(row.cells) < 2:
            return None
        before, last = row.cells[-2], row.cells[-1]
        if before is None or last is None:
            return None
        return worst(before.state, last.state)

    def overall_change(self) -> Decided | None:
        """The change of the overall from the column before the last to the last; None where
        either has none, or where they average different goals (not comparable)."""
        if not self.series or len(self.columns) < 2:
            return None
        before, last = self.columns[-2].overall, self.columns[-1].overall
        if before is None or last is None or not self.overall_comparable:
            return None
        return Decided(last - before, PERCENT, counts=OVERALL)

    @property
    def overall_comparable(self) -> bool:
        """Whether the last two columns' overalls average the same goals: 100 % of 2 goals
        against 75 % of 4 is no change of 25 percentage points."""
        if len(self.columns) < 2:
            return True
        return set(self.columns[-2].covers.decided) == set(self.columns[-1].covers.decided)

    def overall_whole(self, column: Column) -> bool:
        """The column's overall covers every goal that applies there and, in a series, the
        same goals as every other such column's: then its cell needs no word on what it
        covers. (Side by side, different contracts have different goals: each overall over
        all of its own is whole.)"""
        whole = self._whole
        if id(column) not in whole:  # a column equal to one of the grid's, but not it
            column = next((c for c in self.columns if c == column), column)
        return whole.get(id(column), False)

    @functools.cached_property
    def _whole(self) -> dict[int, bool]:
        """`overall_whole` of each column, by the column's identity (the grid keeps its columns
        alive). Worked out once for the grid: every column's covers decide each one's, and a
        renderer asks for each column, which was quadratic in the columns."""
        complete = [c for c in self.columns if c.covers.complete and c.problem is None]
        same = not self.series or len({frozenset(c.covers.decided) for c in complete}) == 1
        found = {id(c) for c in complete}
        return {id(c): same and id(c) in found for c in self.columns}
