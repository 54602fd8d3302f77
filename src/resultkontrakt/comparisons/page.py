"""A comparison (comparing.py) as one self-contained HTML page, with a chart per goal.

The page needs nothing from elsewhere: no script, font, style sheet or image; its
style is inline and its charts are inline SVG. It reads on a phone (the wide table
scrolls inside its own box, the charts take the width there is) and prints on paper
with its colours. Every text from a contract or a facts file passes through
`escape.html`; every word and number comes from the wording asked for (Danish on
`rk compare --format html`).

The charts. Every chart has the same axis: the goal's fulfilment, 0 to 100 %, the
one scale on which different contracts, and a measured value of any kind, can be set
side by side.

- Side by side (hubs): a horizontal bar per column where the goal is, its length the
  fulfilment, its colour the status (as in the annual report). The goal's tiers are
  drawn as upright lines at the fulfilments they give (50 % and 100 % for
  `score nps >= 60 -> 100%; >= 50 -> 50%`), behind the bars, so a bar is seen to reach
  a line or not. The thresholds in the goal's own values (`at least 60 → 100 %`) are
  written under the chart, for each contract where they differ.
- A series (one contract over the years): a line over the years, x the columns in
  period order, y the fulfilment, with the tiers' fulfilments as level lines and the
  bands between them tinted (below the first: not met; between: partly met). A year
  without a result breaks the line.

Where a goal's tiers do not compare one value with fixed thresholds (deliverables, a
computed fulfilment), only full fulfilment is marked. Each chart is an `<svg
role="img">` with a `<title>` and a `<desc>` naming the goal and what is drawn, and a
table with the same numbers behind it (visually hidden on screen, left out in print,
where the page's own table holds them).

`whole=False` gives a fragment for a notebook: the same markup in one `<div>`, with a
style block whose every rule starts with the fragment's class, so it styles nothing
else; the charts carry their colours as SVG attributes and need no style at all.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from ..core import escape
from ..core.reasons import problem_text
from ..core.values import MONEY, NUMBER, PERCENT, round_half_away
from ..core.vocabulary import shortened
from ..words.explain import not_evaluable
from .tables import (
    cell_text,
    change_cell,
    comparison_title,
    decided_text,
    overall_change_text,
    overall_notes,
    overall_text,
    provisional_mark,
)

if TYPE_CHECKING:
    from ..core.wording import Wording
    from ..semantics.distance import Reach
    from .grid import Cell, Column, Row
    from .grid import Grid as Comparison

# The colours, as SVG attributes (and printed exactly): the status colours of the annual report.
INK = "#1d2530"
MUTED = "#5b6675"
TRACK = "#eef1f5"
COLOURS = {"met": "#2e7d4f", "partly met": "#c58a16", "not met": "#b3372f"}
THRESHOLD = "#6a3d9a"  # the tiers' lines: a colour no status has
LINE = "#1f4e8c"  # a series' line and its points
BAND_NOT = "#f7e3e1"  # below the first tier's fulfilment
BAND_PARTLY = "#fbf0da"  # between tiers

# The bar chart: a row per column, its label and value above its bar.
BAR_ROW = 34  # pixels from one row to the next
BAR_TOP = 18  # where a bar starts in its row
BAR_HEIGHT = 14
# The line chart: the plot's top and height in pixels; its x range in per cent of the width.
PLOT_TOP = 24
PLOT_HEIGHT = 110
PLOT_LEFT = 12  # per cent: the level labels stand left of it
PLOT_RIGHT = 98
POINTS_LEFT = 17  # the first year's point, and the last's
POINTS_RIGHT = 93

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
.rk-compare .rkc-scroll { overflow-x: auto; max-width: 100%; }
.rk-compare table { border-collapse: collapse; margin: .25rem 0; }
.rk-compare .rkc-table { min-width: 100%; }
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
.rk-compare tfoot td, .rk-compare tfoot th { font-weight: 700; border-top: 2px solid #1d2530; }
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
  .rk-compare .rkc-goal { padding: .6rem .7rem .5rem; } }
@media print {
  .rk-compare { max-width: none; padding: 0; font-size: 10pt; }
  .rk-compare .rkc-scroll { overflow: visible; }
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
@page { margin: 14mm 12mm; }
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
            why = not_evaluable(goal.blocked, w) if goal.blocked is not None else goal.reasoning(w).rstrip(".")
            notes.of_cell[r, index] = notes.add(
                f"{column.label}, {w['goal'].lower()} {row.id}: {w[cell.status]}: {why}")
    return notes


def _table(comparison: Comparison, w: Wording, notes: _Notes) -> str:
    e = escape.html
    head = [f'<th scope="col">{e(w["compare.goal"])}</th>', f'<th scope="col">{e(w["compare.title"])}</th>']
    head += [f'<th scope="col" class="rkc-num">{e(column.label)}</th>' for column in comparison.columns]
    if comparison.series:
        head.append(f'<th scope="col" class="rkc-num">{e(w["compare.change"])}</th>')
    rows = []
    for r, row in enumerate(comparison.rows):
        line = [f'<th scope="row">{e(row.id)}</th>', f"<td>{_row_title(comparison, row, w)}</td>"]
        for c, cell in enumerate(row.cells):
            line.append(_cell(cell, w, notes.mark(r, c)))
        if comparison.series:
            line.append(f'<td class="rkc-num">{e(change_cell(comparison, row, w))}</td>')
        rows.append("<tr>" + "".join(line) + "</tr>")
    none = w["report.none"]
    overall = [f'<td class="rkc-num">{e(overall_text(comparison, c, w))}</td>' for c in comparison.columns]
    if comparison.series:
        overall.append(f'<td class="rkc-num">{e(overall_change_text(comparison, w))}</td>')
    foot = [f'<tr><th scope="row"></th><td>{e(w["report.overall"])}</td>{"".join(overall)}</tr>']
    if comparison.weighted:
        points = [f'<td class="rkc-num">{e(w.number(c.points) if c.points is not None else none)}</td>'
                  for c in comparison.columns]
        if comparison.series:
            points.append("<td></td>")
        foot.append(f'<tr><th scope="row"></th><td>{e(w["report.points"])}</td>{"".join(points)}</tr>')
    return (f'<div class="rkc-scroll"><table class="rkc-table"><thead><tr>{"".join(head)}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody><tfoot>{"".join(foot)}</tfoot></table></div>')


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


def _goal(comparison: Comparison, row: Row, index: int, w: Wording, ids: str) -> str:
    """A goal's box: its heading, its chart, the thresholds in its own values, and the
    chart's numbers as a table."""
    e = escape.html
    entries = [(column, cell) for column, cell in zip(comparison.columns, row.cells, strict=True)
               if cell is not None]
    reaches = [(column, column.evaluation.goals[row.id].reach) for column, _ in entries]
    levels = _levels([reach for _, reach in reaches])
    title = " / ".join(row.titles)
    if comparison.series:
        what = w.phrase("compare.line", id=row.id, title=title)
        how = (w.phrase("compare.line levels", levels=_list(levels, w)) if _known(reaches)
               else w.phrase("compare.line full", level=w.percent(1)))
        chart = _line(entries, levels, w)
    else:
        what = w.phrase("compare.bars", id=row.id, title=title)
        how = (w.phrase("compare.bars levels", levels=_list(levels, w)) if _known(reaches)
               else w.phrase("compare.bars full", level=w.percent(1)))
        chart = _bars(entries, levels, w)
    svg = (f'<svg class="rkc-chart" role="img" aria-labelledby="{ids}-t {ids}-d" width="100%" '
           f'height="{chart[0]}" font-family="system-ui, -apple-system, &quot;Segoe UI&quot;, Roboto, sans-serif" '
           f'font-size="12" fill="{INK}" overflow="visible">'
           f'<title id="{ids}-t">{e(what)}</title><desc id="{ids}-d">{e(how)}</desc>{chart[1]}</svg>')
    tiers = _tiers(comparison, row, reaches, w)
    return (f'<section class="rkc-goal" id="{ids}">'
            f"<h3>{e(w['goal'])} {e(row.id)}: {e(title)}</h3>{svg}"
            + (f'<p class="rkc-tiers">{e(w.phrase("compare.tiers", tiers=tiers))}</p>' if tiers else "")
            + _data(comparison, row, entries, what, w, index) + "</section>")


def _known(reaches: Sequence[tuple[Column, Reach | None]]) -> bool:
    return any(reach is not None for _, reach in reaches)


def _levels(reaches: Sequence[Reach | None]) -> list[Fraction]:
    """The fulfilments above 0 the goal's tiers give, in any of the contracts; and 100 %."""
    found = {Fraction(1)}
    for reach in reaches:
        if reach is None:
            continue
        found.update(f for _, _, f in reach.tiers if 0 < f <= 1)
        if 0 < reach.otherwise <= 1:
            found.add(reach.otherwise)
    return sorted(found)


def _list(levels: Sequence[Fraction], w: Wording) -> str:
    return ", ".join(w.percent(level) for level in levels)


def _tiers(comparison: Comparison, row: Row, reaches: Sequence[tuple[Column, Reach | None]],
           w: Wording) -> str:
    """`at least 60 → 100 %, at least 50 → 50 %`: the thresholds in the goal's own values,
    once where every contract has the same, else for each column. Empty where the kind of the
    value is not known (no column has a value), rather than a threshold written wrongly."""
    decided = [cell.decided for cell in row.cells
               if cell is not None and cell.decided is not None and cell.decided.value is not None]
    kind = decided[0].kind if decided else None
    if kind not in (NUMBER, PERCENT, MONEY):
        return ""
    currency = decided[0].currency
    written = [(column.label, _tiers_text(reach, kind, w, currency)) for column, reach in reaches
               if reach is not None]
    if not written:
        return ""
    if len({text for _, text in written}) == 1:  # the same tiers wherever they can be read
        return written[0][1]
    return "; ".join(f"{label}: {text}" for label, text in written)


def _tiers_text(reach: Reach, kind: str, w: Wording, currency: str) -> str:
    def value(threshold: Fraction) -> str:
        return w.percent(threshold) if kind == PERCENT else w.money(threshold, currency=currency) \
            if kind == MONEY else w.number(threshold, 2)

    parts = [f"{w.operator(op, kind)} {value(threshold)} → {w.percent(fulfilment)}"
             for op, threshold, fulfilment in reach.tiers]
    if reach.otherwise:
        parts.append(f"{w['otherwise']} → {w.percent(reach.otherwise)}")
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


def _level_labels(levels: Sequence[Fraction], at: float, w: Wording, upright: bool) -> list[str]:
    """The tiers' fulfilments written at their lines, but for one too near the one above."""
    out = []
    kept: list[Fraction] = []
    for level in sorted(levels, reverse=True):
        if any(abs(level - other) < Fraction(1, 8 if upright else 9) for other in kept):
            continue
        kept.append(level)
        if upright:
            anchor = "end" if level == 1 else "middle"
            out.append(f'<text x="{_pct(level)}" y="{_n(Fraction(at))}" text-anchor="{anchor}" fill="{MUTED}" '
                       f'font-size="11">{escape.html(w.percent(level))}</text>')
        else:
            y = PLOT_TOP + (1 - level) * PLOT_HEIGHT
            out.append(f'<text x="0" y="{_n(y + 4)}" fill="{MUTED}" font-size="11">'
                       f"{escape.html(w.percent(level))}</text>")
    return out


def _bars(entries: Sequence[tuple[Column, Cell]], levels: Sequence[Fraction], w: Wording) -> tuple[int, str]:
    """A bar per column: its track, the tiers' lines over the tracks, the bars over the lines
    (a bar is seen to reach a line or not), the labels over all. Lengths in per cent of the
    chart's width, so the chart takes the width there is and its text keeps its size."""
    e = escape.html
    bottom = len(entries) * BAR_ROW
    height = bottom + 18
    parts = []
    for i, (_, cell) in enumerate(entries):
        y = i * BAR_ROW + BAR_TOP
        if cell.fulfilment is None:  # no result: an empty outline, not a bar of 0 %
            parts.append(f'<rect x="0.5" y="{y + 0.5}" width="99%" height="{BAR_HEIGHT - 1}" fill="none" '
                         f'stroke="{MUTED}" stroke-dasharray="4 3"/>')
        else:
            parts.append(f'<rect x="0" y="{y}" width="100%" height="{BAR_HEIGHT}" fill="{TRACK}"/>')
    for level in levels:
        parts.append(f'<line x1="{_pct(level)}" x2="{_pct(level)}" y1="2" y2="{bottom + 3}" '
                     f'stroke="{THRESHOLD}" stroke-width="2"/>')
    for i, (_, cell) in enumerate(entries):
        y = i * BAR_ROW + BAR_TOP
        if cell.fulfilment is not None and cell.fulfilment > 0:
            parts.append(f'<rect x="0" y="{y}" width="{_pct(cell.fulfilment)}" height="{BAR_HEIGHT}" '
                         f'fill="{COLOURS.get(cell.status, MUTED)}"/>')
    for i, (column, cell) in enumerate(entries):
        y = i * BAR_ROW + 13
        shown = cell_text(cell, w) if cell.fulfilment is not None else w[cell.status]
        parts.append(f'<text x="0" y="{y}">{e(shortened(column.label, 30))}</text>'
                     f'<text x="100%" y="{y}" text-anchor="end" font-weight="600">{e(shown)}</text>')
    parts.append(f'<text x="0" y="{bottom + 14}" fill="{MUTED}" font-size="11">{e(w.percent(0))}</text>'
                 if min(levels) >= Fraction(1, 8) else "")
    parts += _level_labels(levels, bottom + 14, w, upright=True)
    return height, "".join(parts)


def point_x(index: int, count: int) -> Fraction:
    """Where the `index`th of `count` years stands, in per cent of the chart's width."""
    if count < 2:
        return Fraction(POINTS_LEFT + POINTS_RIGHT, 2)
    return POINTS_LEFT + Fraction(POINTS_RIGHT - POINTS_LEFT) * index / (count - 1)


def _line(entries: Sequence[tuple[Column, Cell]], levels: Sequence[Fraction], w: Wording) -> tuple[int, str]:
    """A line over the years on bands of the tiers' fulfilments. The line is drawn in a plot
    of 100 × 100 units stretched to the chart (x: the years from first to last, y: 100 −
    the fulfilment in per cent), so its coordinates are the fulfilments; its points and
    labels are drawn in the chart's own units, so they keep their shape and size."""
    e = escape.html
    bottom = PLOT_TOP + PLOT_HEIGHT
    height = bottom + 26
    parts = []
    edges = [Fraction(0), *levels]
    for lo, hi in itertools.pairwise(edges):  # the bands, from the bottom up
        colour = TRACK if len(levels) == 1 else BAND_NOT if lo == 0 else BAND_PARTLY
        parts.append(f'<rect x="{PLOT_LEFT}%" y="{_n(PLOT_TOP + (1 - hi) * PLOT_HEIGHT)}" '
                     f'width="{PLOT_RIGHT - PLOT_LEFT}%" height="{_n((hi - lo) * PLOT_HEIGHT)}" fill="{colour}"/>')
    for level in levels:
        at = _n(PLOT_TOP + (1 - level) * PLOT_HEIGHT)
        parts.append(f'<line x1="{PLOT_LEFT}%" x2="{PLOT_RIGHT}%" y1="{at}" y2="{at}" stroke="{THRESHOLD}" '
                     f'stroke-width="1.5"/>')
    parts.append(f'<line x1="{PLOT_LEFT}%" x2="{PLOT_RIGHT}%" y1="{bottom}" y2="{bottom}" stroke="{MUTED}" '
                 f'stroke-width="1"/>')
    parts += _level_labels([Fraction(0), *levels], 0, w, upright=False)
    count = len(entries)
    # The line: a polyline for each run of years with a result.
    runs: list[list[str]] = [[]]
    for i, (_, cell) in enumerate(entries):
        if cell.fulfilment is None:
            runs.append([])
            continue
        along = Fraction(50) if count < 2 else Fraction(100 * i, count - 1)
        runs[-1].append(f"{_n(along)},{_n(100 - 100 * cell.fulfilment)}")
    lines = "".join(f'<polyline points="{" ".join(run)}" fill="none" stroke="{LINE}" stroke-width="2.5" '
                    f'stroke-linejoin="round" vector-effect="non-scaling-stroke"/>' for run in runs if len(run) > 1)
    if lines:
        parts.append(f'<svg x="{POINTS_LEFT}%" y="{PLOT_TOP}" width="{POINTS_RIGHT - POINTS_LEFT}%" '
                     f'height="{PLOT_HEIGHT}" viewBox="0 0 100 100" preserveAspectRatio="none" '
                     f'overflow="visible">{lines}</svg>')
    for i, (column, cell) in enumerate(entries):
        x = _n(point_x(i, count)) + "%"
        if cell.fulfilment is not None:
            y = PLOT_TOP + (1 - cell.fulfilment) * PLOT_HEIGHT
            parts.append(f'<circle cx="{x}" cy="{_n(y)}" r="4.5" fill="{LINE}"/>'
                         f'<text x="{x}" y="{_n(y - 8)}" text-anchor="middle" font-size="11" font-weight="600">'
                         f"{e(w.percent(cell.fulfilment))}</text>")
        else:
            parts.append(f'<text x="{x}" y="{bottom - 6}" text-anchor="middle" fill="{MUTED}">'
                         f"{e(w['report.none'])}</text>")
        parts.append(f'<text x="{x}" y="{bottom + 17}" text-anchor="middle">{e(shortened(column.label, 12))}</text>')
    return height, "".join(parts)
