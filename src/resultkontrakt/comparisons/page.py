"""A comparison (comparing.py) as one self-contained HTML page, with a chart per goal.

The page needs nothing from elsewhere: no script, font, style sheet or image; its
style is inline and its charts are inline SVG. It reads on a phone (the wide table
scrolls inside its own box with its first column kept in place, and says so while it
is wider than the box; the charts take the width there is) and prints on A4 with its
colours. Every text from a contract or a facts file passes through
`escape.html`; every word and number comes from the wording asked for (Danish on
`rk compare --format html`).

The charts. Each plots the goal's measured value on its own axis (NPS, a share, kroner),
never the fulfilment that value gives, with the goal's tiers as bands at their thresholds,
coloured by the fulfilment each gives (`score nps >= 60 -> 100%; >= 50 -> 50%`: red below
50, yellow from 50, green from 60), and each point labelled with its fulfilment.

- A series (periods that follow each other): steps. Each period is a slot with its own bands
  (a target looked up for the year is drawn where it is, as far as the evaluation tried it),
  the value a level across the slot, joined to the next period's by an upright step: a value
  holds for its period, so it is never a slope between two. A period without a result breaks
  the steps.
- Providers side by side: a strip of bands per provider on one shared range, and a dot at its
  value in its status's colour, so the dots compare.

Where a goal is decided by no one measure (deliverables, a computed fulfilment), the chart
plots the fulfilment itself, with bands at the fulfilments the goal gave. Each chart is an
`<svg role="img">` with a `<title>` and a `<desc>` naming the goal and saying what the bands
are, and a table with the same numbers behind it (visually hidden on screen, left out in
print, where the page's own table holds them).

`whole=False` gives a fragment for a notebook: the same markup in one `<div>`, with a
style block whose every rule starts with the fragment's class, so it styles nothing
else; the charts carry their colours as SVG attributes and need no style at all.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from ..core import escape
from ..core.reasons import problem_text
from ..core.values import MONEY, PERCENT, round_half_away
from ..core.vocabulary import DKK, shortened
from ..words.explain import not_evaluable
from .grid import Cell, Column, Scale
from .tables import (
    change_cell,
    change_legend,
    change_text,
    comparison_title,
    decided_text,
    kroner,
    overall_change_text,
    overall_notes,
    overall_text,
    payment_text,
    provisional_mark,
)

if TYPE_CHECKING:
    from ..core.wording import Wording
    from .grid import Grid as Comparison
    from .grid import Row

# The colours, as SVG attributes (and printed exactly): the status colours of the annual report.
INK = "#1d2530"
MUTED = "#5b6675"
COLOURS = {"met": "#2e7d4f", "partly met": "#c58a16", "not met": "#b3372f"}
THRESHOLD = "#6a3d9a"  # the thresholds' lines: a colour no status has
LINE = "#1f4e8c"  # a series' steps and points
# The bands of a goal's tiers, by the fulfilment a value in them gives; unknown: not in the evidence.
BAND_MET = "#dcefe3"
BAND_PARTLY = "#fbf0da"
BAND_NOT = "#f7e3e1"
BAND_UNKNOWN = "#f1f2f4"

# The step chart (periods): the plot's top and height in pixels, its x range in per cent of the width.
PLOT_TOP = 24
PLOT_HEIGHT = 140
PLOT_LEFT = 1
PLOT_RIGHT = 99
# The dot chart (providers): a row per provider, its label above its strip of bands.
DOT_TOP = 20
DOT_ROW = 46
DOT_STRIP = 16

_STATUS_CLASS = {"met": "met", "partly met": "partly", "not met": "not", "not evaluable": "none",
                 "pending": "pending", "not applicable": "none"}

_ROOT = "rk-compare"

_HIDDEN = ("position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;"
           "clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap")

# Every rule starts with the root's class: in a notebook the fragment styles only itself.
_CSS = """
.rk-compare { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2530;
  background: #fff; overflow-wrap: break-word; max-width: 66rem; margin: 0 auto; padding: 1.5rem 1rem 3rem;
  box-sizing: border-box; }
.rk-compare * { box-sizing: border-box; }
.rk-compare h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 1rem; }
.rk-compare h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid #d8dee6; }
.rk-compare table { border-collapse: collapse; margin: .25rem 0; }
.rk-compare .rkc-scroll { overflow-x: auto; max-width: 100%; container-type: inline-size;
  background: linear-gradient(to left, #fff 1.25rem, rgba(255, 255, 255, 0)) right center / 2rem 100% no-repeat local,
    linear-gradient(to left, rgba(29, 37, 48, .3), rgba(29, 37, 48, 0)) right center / .9rem 100% no-repeat scroll; }
.rk-compare .rkc-wide { width: fit-content; min-width: 100%; }
.rk-compare .rkc-table { width: 100%; border-collapse: separate; border-spacing: 0; }
.rk-compare .rkc-table tr > :first-child { position: sticky; left: 0; z-index: 1; background: #fff;
  box-shadow: inset -1px 0 #d8dee6; }
.rk-compare .rkc-swipe { position: sticky; left: 0; width: 100cqw; height: 0; margin: 0; overflow: clip;
  padding-top: clamp(0rem, (100% - 100cqw) * 1000, 1.6rem); color: #0b6e79; font-size: .85rem; font-weight: 600; }
.rk-compare .rkc-swipe span { position: absolute; top: .1rem; left: 0; white-space: nowrap; }
.rk-compare th, .rk-compare td { padding: .35rem .5rem; border-bottom: 1px solid #d8dee6; text-align: left;
  vertical-align: top; }
.rk-compare thead th { vertical-align: bottom; }
.rk-compare .rkc-num { text-align: right; font-variant-numeric: tabular-nums; }
.rk-compare td.rkc-num { white-space: nowrap; }
.rk-compare .rkc-f { font-weight: 600; }
.rk-compare .rkc-d { color: #5b6675; }
.rk-compare .rkc-s { display: block; font-size: .8rem; }
.rk-compare .rkc-met .rkc-s { color: #2e7d4f; } .rk-compare .rkc-partly .rkc-s { color: #8a6010; }
.rk-compare .rkc-not .rkc-s { color: #b3372f; } .rk-compare .rkc-none .rkc-s { color: #5b6675; }
.rk-compare .rkc-pending .rkc-s { color: #3a6ea5; }
.rk-compare .rkc-flag { display: block; font-size: .8rem; color: #8a6010; font-weight: 600; }
.rk-compare .rkc-titles { margin: .1rem 0 0; padding-left: 1.1rem; font-size: .9rem; }
.rk-compare .rkc-who { color: #5b6675; }
.rk-compare tbody th { font-weight: 400; }
.rk-compare .rkc-id { display: inline-block; min-width: 1.5rem; font-weight: 700; }
.rk-compare tfoot td, .rk-compare tfoot th { font-weight: 700; border-top: 2px solid #1d2530; }
.rk-compare tfoot .rkc-money td, .rk-compare tfoot .rkc-money th { font-weight: 400; border-top: 0; }
.rk-compare tfoot .rkc-money th[scope="rowgroup"] { font-weight: 700; padding-top: 1rem; }
.rk-compare .rkc-legend { color: #5b6675; font-size: .9rem; margin: .5rem 0 0; }
.rk-compare sup a { color: inherit; }
.rk-compare .rkc-notes { color: #5b6675; font-size: .9rem; padding-left: 1.4rem; }
.rk-compare .rkc-notes li { margin: .2rem 0; overflow-wrap: anywhere; }
.rk-compare .rkc-charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
  gap: 1rem 1.5rem; }
.rk-compare .rkc-goal { position: relative; min-width: 0; border: 1px solid #d8dee6; border-radius: .5rem;
  padding: .75rem 1rem .6rem; break-inside: avoid; page-break-inside: avoid; }
.rk-compare .rkc-goal h3 { font-size: 1rem; margin: 0 0 .5rem; }
.rk-compare .rkc-chart { display: block; width: 100%; overflow: visible;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.rk-compare .rkc-tiers { color: #5b6675; font-size: .85rem; margin: .4rem 0 0; }
@media (max-width: 30rem) { .rk-compare { font-size: 15px; padding: 1rem .75rem 2rem; }
  .rk-compare .rkc-table tr > :first-child { max-width: 9.5rem; overflow-wrap: normal; hyphens: auto; }
  .rk-compare .rkc-goal { padding: .6rem .7rem .5rem; } }
@media print {
  .rk-compare { max-width: none; padding: 0; font-size: 10pt; }
  .rk-compare .rkc-scroll { overflow: visible; background: none; container-type: normal; }
  .rk-compare .rkc-swipe { display: none; }
  .rk-compare .rkc-table tr > :first-child { position: static; box-shadow: none; }
  .rk-compare .rkc-charts { grid-template-columns: 1fr 1fr; }
  .rk-compare .rkc-goal, .rk-compare .rkc-chart, .rk-compare .rkc-s {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .rk-compare .rkc-hidden { display: none !important; }
  .rk-compare h2 { break-after: avoid; }
}
"""

# Only on a page of its own: the page around the comparison.
_PAGE_CSS = """
body { margin: 0; background: #fff; }
@page { size: A4; margin: 14mm 12mm; }
"""


def comparison_html(comparison: Comparison, w: Wording, whole: bool = True) -> str:
    """The comparison as one self-contained HTML page in `w`'s language; with `whole=False`,
    a fragment for a notebook that styles only itself."""
    e = escape.html
    ids = "rkc-" + hashlib.sha1(repr((
        [c.label for c in comparison.columns], [r.id for r in comparison.rows],
        [[None if c is None else c.fulfilment for c in r.cells] for r in comparison.rows],
    )).encode("utf-8", "backslashreplace")).hexdigest()[:8]
    heading = comparison_title(comparison, w)
    notes = _notes(comparison, w, ids)
    body = [f"<h1>{e(heading)}</h1>", _table(comparison, w, notes)]
    if notes.texts:
        body.append(f"<h2>{e(w['compare.notes'])}</h2><ol class=\"rkc-notes\">"
                    + "".join(f'<li id="{ids}-note-{n}">{e(text)}</li>'
                              for n, text in enumerate(notes.texts, start=1)) + "</ol>")
    if comparison.rows:  # contracts of payments alone have no goal to chart: no heading over nothing
        body.append(f"<h2>{e(w['compare.charts'])}</h2>")
        body.append('<div class="rkc-charts">' + "".join(
            _goal(comparison, row, index, w, f"{ids}-{index}") for index, row in enumerate(comparison.rows))
            + "</div>")
    inner = "\n".join(body)
    if not whole:
        return f'<div class="{_ROOT}" lang="{e(w.lang)}">\n<style>{_CSS}</style>\n{inner}\n</div>'
    return (f'<!DOCTYPE html>\n<html lang="{e(w.lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(heading)}</title>\n<style>{_PAGE_CSS}{_CSS}</style>\n</head>\n"
            f'<body>\n<main class="{_ROOT}">\n{inner}\n</main>\n</body>\n</html>\n')


# ---- the table ----------------------------------------------------------------------------


class _Notes:
    """Why goals have no result, as a numbered list below the table; each cell without one
    points to its note (one note for a whole column whose facts cannot be read)."""

    def __init__(self, ids: str):
        self.ids = ids
        self.texts: list[str] = []
        self.of_cell: dict[tuple[int, int], int] = {}

    def add(self, text: str) -> int:
        self.texts.append(text)
        return len(self.texts)

    def mark(self, row: int, column: int) -> str:
        n = self.of_cell.get((row, column))
        return "" if n is None else f' <sup><a href="#{self.ids}-note-{n}">{n}</a></sup>'


def _notes(comparison: Comparison, w: Wording, ids: str) -> _Notes:
    """The notes of the text table (compare_data.py), but for titles that differ: the
    table shows those in their row."""
    notes = _Notes(ids)
    for text in overall_notes(comparison, w):
        notes.add(text)
    for index, column in enumerate(comparison.columns):
        if column.problem is not None:
            where = column.problem.span
            place = f"{where.source}:{where.line}:{where.column}" if where is not None else ""
            n = notes.add(w.phrase("compare.unread", label=column.label, problem=problem_text(column.problem, w))
                          + (f" ({place})" if place else ""))
            for r, row in enumerate(comparison.rows):
                if row.cells[index] is not None:
                    notes.of_cell[r, index] = n
            continue
        for r, row in enumerate(comparison.rows):
            cell = row.cells[index]
            if cell is None or cell.fulfilment is not None:
                continue
            goal = column.evaluation.goals[row.id]
            why = not_evaluable(goal.blocked, w.labelled(goal.labels)) if goal.blocked is not None \
                else goal.reasoning(w).rstrip(".")
            notes.of_cell[r, index] = notes.add(
                f"{column.label}, {w['goal'].lower()} {row.id}: {w[cell.status]}: {why}")
    return notes


def _table(comparison: Comparison, w: Wording, notes: _Notes) -> str:
    e = escape.html
    # The goal's number and title share the first column: on a phone it stays in place while the
    # columns scroll, and a reader must still see which goal a row is (a number alone would not do).
    head = [f'<th scope="col">{e(w["compare.goal"])}</th>']
    head += [f'<th scope="col" class="rkc-num">{e(column.label)}</th>' for column in comparison.columns]
    if comparison.series:
        head.append(f'<th scope="col" class="rkc-num">{e(w["compare.change"])}</th>')
    rows = []
    for r, row in enumerate(comparison.rows):
        line = [f'<th scope="row"><span class="rkc-id">{e(row.id)}</span> {_row_title(comparison, row, w)}</th>']
        for c, cell in enumerate(row.cells):
            line.append(_cell(cell, w, notes.mark(r, c)))
        if comparison.series:
            line.append(f'<td class="rkc-num">{e(change_cell(comparison, row, w))}</td>')
        rows.append("<tr>" + "".join(line) + "</tr>")
    none = w["report.none"]
    overall = [f'<td class="rkc-num">{e(overall_text(comparison, c, w))}</td>' for c in comparison.columns]
    if comparison.series:
        overall.append(f'<td class="rkc-num">{e(overall_change_text(comparison, w))}</td>')
    foot = [f'<tr><th scope="row">{e(w["report.overall"])}</th>{"".join(overall)}</tr>']
    if comparison.weighted:
        points = [f'<td class="rkc-num">{e(w.number(c.points) if c.points is not None else none)}</td>'
                  for c in comparison.columns]
        if comparison.series:
            points.append(f'<td class="rkc-num">{e(change_text(comparison.points_change(), w))}</td>')
        foot.append(f'<tr><th scope="row">{e(w["report.points"])}</th>{"".join(points)}</tr>')
    payments = ""
    if comparison.payments:  # the money each column pays, to the krone, below the goals' results
        width = len(head)
        lines = [f'<tr class="rkc-money"><th scope="rowgroup" colspan="{width}">{e(w["compare.payments"])}</th></tr>']
        for payment in comparison.payments:
            cells = "".join(f'<td class="rkc-num">{e(payment_text(cell, w))}</td>' for cell in payment.cells)
            if comparison.series:
                cells += f'<td class="rkc-num">{e(change_text(payment.change(), w))}</td>'
            lines.append(f'<tr class="rkc-money"><th scope="row">{e(payment.title)}</th>{cells}</tr>')
        payments = "".join(lines)  # after the overall, as in the text: a footer's rows stand last
    legend = change_legend(comparison, w)
    # On a phone the table scrolls sideways in its box, its first column kept in place; the note
    # (`rkc-swipe`) shows only while the table is wider than its box (see the style).
    swipe = f'<p class="rkc-swipe" aria-hidden="true"><span>{e(w["compare.swipe"])}</span></p>'
    return (f'<div class="rkc-scroll"><div class="rkc-wide">{swipe}<table class="rkc-table"><thead>'
            f'<tr>{"".join(head)}</tr></thead><tbody>{"".join(rows)}</tbody>'
            f'<tfoot>{"".join(foot)}{payments}</tfoot></table></div></div>'
            + (f'<p class="rkc-legend">{e(legend)}</p>' if legend else ""))


def _row_title(comparison: Comparison, row: Row, w: Wording) -> str:
    """The goal's title; where the contracts title it differently, flagged, with each title
    and the columns that give it."""
    e = escape.html
    if not row.titles_differ:
        return e(row.title)
    who: dict[str, list[str]] = {}
    for column, cell in zip(comparison.columns, row.cells, strict=True):
        if cell is not None:
            who.setdefault(cell.title, []).append(column.label)
    items = "".join(f'<li>{e(title)} <span class="rkc-who">({e(", ".join(labels))})</span></li>'
                    for title, labels in who.items())
    return f'<span class="rkc-flag">* {e(w["compare.titles differ short"])}</span><ul class="rkc-titles">{items}</ul>'


def _cell(cell: Cell | None, w: Wording, mark: str) -> str:
    """`50 % (57)` over its status; a goal the contract does not have is an empty cell."""
    e = escape.html
    if cell is None:
        return '<td class="rkc-num"></td>'
    status = f'<span class="rkc-s">{e(w[cell.status] + provisional_mark(cell, w))}{mark}</span>'
    if cell.fulfilment is None:
        return f'<td class="rkc-num rkc-{_STATUS_CLASS[cell.status]}">{e(w["report.none"])}{status}</td>'
    decided = decided_text(cell.decided, w)
    return (f'<td class="rkc-num rkc-{_STATUS_CLASS[cell.status]}"><span class="rkc-f">{e(w.percent(cell.fulfilment))}'
            f'</span>' + (f' <span class="rkc-d">({e(decided)})</span>' if decided else "") + f"{status}</td>")


# ---- the charts ---------------------------------------------------------------------------


@attrs.frozen
class _Axis:
    """What a goal's chart plots: the measured value (NPS 57, 72,5 %, 5.412 publikationer) where
    every column's result was decided by one of the same kind, else the fulfilment; each
    column's value and its tiers as a scale on that value."""

    caption: str
    kind: str  # of the value: number, percent or money; the fulfilment is a percent
    currency: str
    points: tuple[tuple[Column, Cell, Fraction | None, Scale | None], ...]
    measured: bool  # the measured value; else the fulfilment
    unit: tuple[str, str] | None = None  # what the measured value counts (`unit "dag" "dage"`)

    @functools.cached_property
    def span(self) -> tuple[Fraction, Fraction]:
        """The range drawn: the values and the thresholds, with room around them. Worked out
        once an axis: every point and threshold is placed by it (`at`), which made a chart
        quadratic in its columns."""
        if not self.measured:  # 0 to 100 %, with room above for the band of full fulfilment
            return Fraction(0), Fraction(11, 10)
        found = [value for _, _, value, _ in self.points if value is not None]
        found += [threshold for _, _, _, scale in self.points if scale is not None
                  for _, threshold, _ in scale.tiers]
        lo, hi = min(found), max(found)
        room = (hi - lo) / 6 if hi > lo else max(abs(hi) / 10, Fraction(1))
        return lo - room, hi + room

    def at(self, value: Fraction) -> Fraction:
        """Where a value stands from the bottom (0) to the top (1) of the range."""
        lo, hi = self.span
        return (value - lo) / (hi - lo)


def _axis(comparison: Comparison, row: Row, w: Wording) -> _Axis:
    entries = [(column, cell) for column, cell in zip(comparison.columns, row.cells, strict=True)
               if cell is not None]
    decided = [cell.decided for _, cell in entries if cell.decided is not None and cell.decided.value is not None]
    same = bool(decided) and len({(d.kind, d.currency, d.measure, d.unit) for d in decided}) == 1 and all(
        cell.fulfilment is None or (cell.decided is not None and cell.decided.value is not None)
        for _, cell in entries)
    if same:
        first = decided[0]
        caption = first.measure or ("NPS" if first.nps else row.title)
        return _Axis(caption, first.kind, first.currency, tuple(
            (column, cell, cell.decided.value if cell.decided is not None else None, cell.scale)
            for column, cell in entries), measured=True, unit=first.unit)
    # No one measure: the fulfilment itself, with bands at the fulfilments the goal gave.
    levels = sorted({cell.fulfilment for _, cell in entries if cell.fulfilment} | {Fraction(1)}, reverse=True)
    scale = Scale(tuple((">=", level, level) for level in levels), Fraction(0))
    return _Axis(w["report.fulfilment"].lower(), PERCENT, DKK, tuple(
        (column, cell, cell.fulfilment, scale if cell.fulfilment is not None else None)
        for column, cell in entries), measured=False)


def _value_text(axis: _Axis, value: Fraction, w: Wording, cell: Cell | None = None) -> str:
    """A value on the axis, a threshold or a `cell`'s measured value: never shown equal to a
    threshold the cell's value is not (`≈99,99`, not `≈100,00`), with its unit."""
    avoid = cell.decided.avoid if cell is not None and cell.decided is not None else ()
    if axis.kind == PERCENT:
        return w.percent(value, avoid)
    if axis.kind == MONEY:
        return kroner(value, axis.currency, w, avoid)
    return w.value(value, None, 2, avoid, unit=w.unit_form(axis.unit, value))


def _band_colour(fulfilment: Fraction | None) -> str:
    if fulfilment is None:
        return BAND_UNKNOWN
    return BAND_MET if fulfilment == 1 else BAND_NOT if fulfilment == 0 else BAND_PARTLY


def _bands(axis: _Axis, scale: Scale) -> list[tuple[Fraction, Fraction, Fraction | None]]:
    """The range cut at the scale's thresholds: each piece from the bottom up (0 to 1 of the
    range) with the fulfilment a value in it gives (None: not known from the evaluation)."""
    edges = sorted({Fraction(0), Fraction(1)} | {axis.at(threshold) for _, threshold, _ in scale.tiers
                                                  if 0 < axis.at(threshold) < 1})
    lo, hi = axis.span
    return [(a, b, scale.fulfilment(lo + (a + b) / 2 * (hi - lo))) for a, b in itertools.pairwise(edges)]


def _goal(comparison: Comparison, row: Row, index: int, w: Wording, ids: str) -> str:
    """A goal's box: its heading, its chart, the thresholds in its own values, and the
    chart's numbers as a table."""
    e = escape.html
    entries = [(column, cell) for column, cell in zip(comparison.columns, row.cells, strict=True)
               if cell is not None]
    axis = _axis(comparison, row, w)
    title = " / ".join(row.titles)
    key = "compare.steps" if comparison.series else "compare.dots"
    what = w.phrase(key, id=row.id, title=title, value=axis.caption)
    how = [w.phrase("compare.bands", value=axis.caption)]
    unknown = [column.label for column, _, value, scale in axis.points
               if value is not None and scale is not None and not scale.complete]
    if unknown:
        how.append(w.phrase("compare.bands unknown", labels=", ".join(unknown)))
    chart = _steps(axis, w) if comparison.series else _dots(axis, w)
    svg = (f'<svg class="rkc-chart" role="img" aria-labelledby="{ids}-t {ids}-d" width="100%" '
           f'height="{chart[0]}" font-family="system-ui, -apple-system, &quot;Segoe UI&quot;, Roboto, sans-serif" '
           f'font-size="12" fill="{INK}" overflow="visible">'
           f'<title id="{ids}-t">{e(what)}</title><desc id="{ids}-d">{e(" ".join(how))}</desc>{chart[1]}</svg>')
    tiers = _tiers(axis, w) if axis.measured else ""
    notes = [w.phrase("compare.tiers", tiers=tiers)] if tiers else []
    notes += how[1:]
    return (f'<section class="rkc-goal" id="{ids}">'
            f"<h3>{e(w['goal'])} {e(row.id)}: {e(title)}</h3>{svg}"
            + "".join(f'<p class="rkc-tiers">{e(note)}</p>' for note in notes)
            + _data(comparison, row, entries, what, w, index) + "</section>")


def _tiers(axis: _Axis, w: Wording) -> str:
    """`at least 60 → 100 %, at least 50 → 50 %`: the thresholds in the goal's own values,
    once where every column has the same, else for each column."""
    written = [(column.label, _tiers_text(scale, axis, w)) for column, _, _, scale in axis.points
               if scale is not None]
    if not written:
        return ""
    if len({text for _, text in written}) == 1:  # the same tiers wherever they can be read
        return written[0][1]
    return "; ".join(f"{label}: {text}" for label, text in written)


def _tiers_text(scale: Scale, axis: _Axis, w: Wording) -> str:
    parts = [f"{w.operator(op, axis.kind)} {_value_text(axis, threshold, w)} → {w.percent(fulfilment)}"
             for op, threshold, fulfilment in scale.tiers]
    if scale.complete and scale.otherwise:
        parts.append(f"{w['otherwise']} → {w.percent(scale.otherwise)}")
    return ", ".join(parts)


def _data(comparison: Comparison, row: Row, entries: Sequence[tuple[Column, Cell]], what: str, w: Wording,
          index: int) -> str:
    """The chart's numbers as a table, for a screen reader (hidden on screen, not printed)."""
    e = escape.html
    first = w["compare.year"] if comparison.series else w["compare.evaluation"]
    value = w["compare.value"]
    head = (f'<tr><th scope="col">{e(first)}</th><th scope="col">{e(w["report.fulfilment"])}</th>'
            f'<th scope="col">{e(value[:1].upper() + value[1:])}</th><th scope="col">{e(w["report.status"])}</th></tr>')
    body = "".join(
        f'<tr><th scope="row">{e(column.label)}</th>'
        f'<td>{e(w.percent(cell.fulfilment) if cell.fulfilment is not None else w["report.none"])}</td>'
        f"<td>{e(decided_text(cell.decided, w))}</td><td>{e(w[cell.status])}</td></tr>"
        for column, cell in entries)
    return (f'<div class="rkc-hidden" style="{_HIDDEN}"><table><caption>{e(what)}</caption>'
            f"<thead>{head}</thead><tbody>{body}</tbody></table></div>")


def _n(value: Fraction | int) -> str:
    """A coordinate: exact to 4 decimals, without trailing zeros."""
    text = f"{float(round_half_away(Fraction(value), 4)):.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _pct(share: Fraction) -> str:
    """A share of the width, as an SVG length: `50%`."""
    return _n(max(Fraction(0), min(Fraction(1), share)) * 100) + "%"


def slot_x(index: int, count: int, where: Fraction = Fraction(1, 2)) -> Fraction:
    """Where in the `index`th of `count` periods (0: its start, 1/2: its middle, 1: its end) a
    point stands, as a share of the chart's width."""
    return (PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * (index + where) / count) / 100


def _steps(axis: _Axis, w: Wording) -> tuple[int, str]:
    """Periods from left to right, the measured value up. Each period is a slot: its tiers as
    bands at their thresholds, coloured by the fulfilment they give (drawn for each period, so
    a target that rises each year is drawn where it is), the value as a level line across the
    slot, joined to the next period's by an upright step: a value held for a period, never a
    slope between two. The point in the slot's middle is labelled with its fulfilment.

    The bands, thresholds and steps are drawn in a plot of 100 × 100 units stretched to the
    chart (x: the periods, y: 100 at the bottom of the range to 0 at its top); the points and
    labels in the chart's own units, so they keep their shape and size."""
    e = escape.html
    bottom = PLOT_TOP + PLOT_HEIGHT
    height = bottom + 34
    count = len(axis.points)
    inner: list[str] = []
    for i, (_, _, _, scale) in enumerate(axis.points):
        x0, x1 = Fraction(100 * i, count), Fraction(100 * (i + 1), count)
        if scale is None:
            continue
        for a, b, fulfilment in _bands(axis, scale):
            inner.append(f'<rect x="{_n(x0)}" y="{_n(100 - 100 * b)}" width="{_n(x1 - x0)}" '
                         f'height="{_n(100 * (b - a))}" fill="{_band_colour(fulfilment)}" shape-rendering="crispEdges"/>')
        for _, threshold, _ in scale.tiers:
            level = _n(100 - 100 * axis.at(threshold))
            inner.append(f'<line class="rkc-threshold" x1="{_n(x0)}" x2="{_n(x1)}" y1="{level}" y2="{level}" '
                         f'stroke="{THRESHOLD}" stroke-width="1.5" vector-effect="non-scaling-stroke"/>')
    runs: list[list[str]] = [[]]
    for i, (_, _, value, _) in enumerate(axis.points):
        if value is None:
            runs.append([])
            continue
        level = _n(100 - 100 * axis.at(value))
        runs[-1] += [f"{_n(Fraction(100 * i, count))},{level}", f"{_n(Fraction(100 * (i + 1), count))},{level}"]
    inner += [f'<polyline class="rkc-step" points="{" ".join(run)}" fill="none" stroke="{LINE}" '
              f'stroke-width="2.5" vector-effect="non-scaling-stroke"/>' for run in runs if run]
    parts = [f'<text x="0" y="14" fill="{MUTED}" font-size="11">{e(axis.caption)}</text>',
             f'<svg x="{PLOT_LEFT}%" y="{PLOT_TOP}" width="{PLOT_RIGHT - PLOT_LEFT}%" height="{PLOT_HEIGHT}" '
             f'viewBox="0 0 100 100" preserveAspectRatio="none" overflow="visible">{"".join(inner)}</svg>',
             f'<line x1="{PLOT_LEFT}%" x2="{PLOT_RIGHT}%" y1="{bottom}" y2="{bottom}" stroke="{MUTED}"/>']
    before: Scale | None = None
    for i, (column, cell, value, scale) in enumerate(axis.points):
        if scale is not None and scale != before:  # a threshold is written where it is first drawn, or changes
            for _, threshold, _ in scale.tiers:
                y = PLOT_TOP + (1 - axis.at(threshold)) * PLOT_HEIGHT
                parts.append(f'<text x="{_pct(slot_x(i, count, Fraction(0)) + Fraction(1, 200))}" y="{_n(y - 3)}" '
                             f'fill="{THRESHOLD}" font-size="10">{e(_value_text(axis, threshold, w))}</text>')
        before = scale
        x = _pct(slot_x(i, count))
        if value is not None and cell.fulfilment is not None:
            y = PLOT_TOP + (1 - axis.at(value)) * PLOT_HEIGHT
            parts.append(f'<circle cx="{x}" cy="{_n(y)}" r="4.5" fill="{LINE}"/>'
                         f'<text x="{x}" y="{_n(y - 8)}" text-anchor="middle" font-size="11" font-weight="600">'
                         f"{e(w.percent(cell.fulfilment))}</text>")
        else:
            parts.append(f'<text x="{x}" y="{bottom - 6}" text-anchor="middle" fill="{MUTED}">'
                         f"{e(w[cell.status] if cell.fulfilment is None else w['report.none'])}</text>")
        parts.append(f'<text x="{x}" y="{bottom + 15}" text-anchor="middle">{e(shortened(column.label, 14))}</text>')
        if value is not None and axis.measured:
            parts.append(f'<text x="{x}" y="{bottom + 29}" text-anchor="middle" fill="{MUTED}" font-size="11">'
                         f"{e(_value_text(axis, value, w, cell))}</text>")
    return height, "".join(parts)


def _dots(axis: _Axis, w: Wording) -> tuple[int, str]:
    """A row per provider, the measured value from left to right: the row's tiers as bands at
    their thresholds, coloured by the fulfilment they give, and a dot at its value, labelled
    with the value and the fulfilment. The same range for every row, so the dots compare."""
    e = escape.html
    parts = [f'<text x="0" y="12" fill="{MUTED}" font-size="11">{e(axis.caption)}</text>']
    same = len({scale for _, _, _, scale in axis.points if scale is not None}) <= 1
    top = DOT_TOP
    for column, cell, value, scale in axis.points:
        strip = top + 18
        shown = (f"{_value_text(axis, value, w, cell)} → " if value is not None and axis.measured else "") + (
            w.percent(cell.fulfilment) if cell.fulfilment is not None else w[cell.status])
        parts.append(f'<text x="0" y="{top + 12}">{e(shortened(column.label, 30))}</text>'
                     f'<text x="100%" y="{top + 12}" text-anchor="end" font-weight="600">{e(shown)}</text>')
        if scale is None:
            parts.append(f'<rect x="{PLOT_LEFT}%" y="{strip}" width="{PLOT_RIGHT - PLOT_LEFT}%" height="{DOT_STRIP}" '
                         f'fill="none" stroke="{MUTED}" stroke-dasharray="4 3"/>')
        else:
            for a, b, fulfilment in _bands(axis, scale):
                parts.append(f'<rect x="{_pct(_across(a))}" y="{strip}" width="{_pct(_across(b) - _across(a))}" '
                             f'height="{DOT_STRIP}" fill="{_band_colour(fulfilment)}"/>')
            for _, threshold, _ in scale.tiers:
                x = _pct(_across(axis.at(threshold)))
                parts.append(f'<line class="rkc-threshold" x1="{x}" x2="{x}" y1="{strip - 2}" '
                             f'y2="{strip + DOT_STRIP + 2}" stroke="{THRESHOLD}" stroke-width="2"/>')
                if not same:
                    parts.append(_threshold_label(axis, threshold, strip + DOT_STRIP + 12, w))
        if value is not None and cell.fulfilment is not None:
            parts.append(f'<circle cx="{_pct(_across(axis.at(value)))}" cy="{strip + DOT_STRIP // 2}" r="6" '
                         f'fill="{COLOURS.get(cell.status, MUTED)}" stroke="#fff" stroke-width="1.5"/>')
        top += DOT_ROW + (0 if same else 12)
    scales = [scale for _, _, _, scale in axis.points if scale is not None]
    if same and scales:
        parts += [_threshold_label(axis, threshold, top + 4, w) for _, threshold, _ in scales[0].tiers]
    return top + 12, "".join(parts)


def _across(share: Fraction) -> Fraction:
    """A place on the value's range (0 to 1) as a share of the chart's width."""
    return (PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * share) / 100


def _threshold_label(axis: _Axis, threshold: Fraction, y: int, w: Wording) -> str:
    return (f'<text x="{_pct(_across(axis.at(threshold)))}" y="{y}" text-anchor="middle" fill="{THRESHOLD}" '
            f'font-size="10">{escape.html(_value_text(axis, threshold, w))}</text>')
