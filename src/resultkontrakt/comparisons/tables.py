"""A comparison (comparing.py) as text for a terminal, JSON data and CSV for a spreadsheet.

Every word comes from the wording asked for; numbers are written as that language's
reader expects (in CSV, as its spreadsheet reads them: `;` and a decimal comma in Danish).
"""

from __future__ import annotations

import csv
import io
import textwrap
from fractions import Fraction
from typing import TYPE_CHECKING

from ..core import escape
from ..core.reasons import problem_text
from ..core.values import MONEY, PERCENT, percent_number, round_half_away
from ..core.vocabulary import DKK, number_literal, shortened
from ..semantics.status import NOT_APPLICABLE, PENDING
from ..words.explain import not_evaluable
from ..words.jsondata import covers_dict
from ..words.overall import goal_ids, overall_cell
from ..words.overall import overall_text as said
from .grid import DELIVERABLES, FULFILMENT, POINTS

if TYPE_CHECKING:
    from ..core.wording import Wording
    from .grid import Cell, Column, Decided, PaymentCell, Row
    from .grid import Grid as Comparison


def decided_text(decided: Decided | None, w: Wording) -> str:
    """`57`, `72,5 %`, `3 af 4`: the value that decided a goal, in `w`'s words."""
    if decided is None:
        return ""
    if decided.done is not None and decided.of is not None:
        return w.phrase("of", counted=w.number(decided.done), of=w.number(decided.of))
    assert decided.value is not None
    if decided.kind == PERCENT:
        return w.percent(decided.value, decided.avoid)
    if decided.kind == MONEY:  # to the krone, as its chart says it: one unit along a row
        return kroner(decided.value, decided.currency, w, decided.avoid)
    return w.value(decided.value, None, 2, decided.avoid, unit=w.unit_form(decided.unit, decided.value))


def change_cell(comparison: Comparison, row: Row, w: Wording) -> str:
    """A goal's change in a series as a table shows it: the change, or that it is pending."""
    change = comparison.change(row)
    state = comparison.change_state(row)
    if change is None and state in (PENDING, NOT_APPLICABLE):
        return w[state]
    return change_text(change, w)


def change_text(change: Decided | None, w: Wording) -> str:
    """`+3 NPS points`, `+1.9 percentage points`, `+1 deliverable`, `+98,799,071 kr.`: a
    change from one period to the next, signed, in its unit, which every cell says."""
    if change is None:
        return ""
    assert change.value is not None
    sign = "+" if change.value > 0 else "−" if change.value < 0 else "±"
    return sign + change_size(change, abs(change.value), w)


def change_size(change: Decided, size: Fraction, w: Wording) -> str:
    """A change's size with its unit: `3 NPS points`, `1.9 percentage points`, `98,799,071 kr`."""
    if change.kind == MONEY:
        return kroner(size, change.currency, w)
    number = w.number(size * 100 if change.kind == PERCENT else size, 2)
    return f"{number} {change_unit(change, w, size)}"


def change_unit(change: Decided, w: Wording, size: Fraction = Fraction(2)) -> str:
    """What a change is counted in, in words (plural unless `size` is 1): the unit each change
    cell says, and the CSV's and JSON's `unit`."""
    count = 1 if size == 1 else 2
    if change.kind == MONEY:
        return change.currency
    if change.counts == FULFILMENT:
        return w["compare.unit fulfilment"]
    if change.kind == PERCENT:
        return w["compare.unit percent"]
    if change.counts == DELIVERABLES:
        return w.phrase("compare.unit deliverables", count)
    if change.counts == POINTS:
        return w.phrase("compare.unit points", count)
    if change.nps:
        return w.phrase("compare.unit nps", count)
    if change.unit is not None:  # the contract's own unit: `−6 dage`, `+1 dag`
        return w.unit_form(change.unit, size)
    return change.measure or w["compare.unit measure"]


def kroner(amount: Fraction, currency: str, w: Wording, avoid: tuple[Fraction, ...] = ()) -> str:
    """An amount to the krone (`98.799.071 kr.`), never in millions: a payment compared is
    read to the krone; another currency as its readers write it. Never shown equal to an
    amount of `avoid` it is not."""
    return w.money(amount, unit="kr", avoid=avoid) if currency == DKK \
        else w.money(amount, currency=currency, avoid=avoid)


def change_legend(comparison: Comparison, w: Wording) -> str:
    """What the change column holds, said once under the table: which column minus which,
    and in what units."""
    if not comparison.series or len(comparison.columns) < 2:
        return ""
    return w.phrase("compare.legend", last=comparison.columns[-1].label, before=comparison.columns[-2].label)


def payment_text(cell: PaymentCell | None, w: Wording) -> str:
    """A payment's amount in one column, to the krone; its state where it has none."""
    if cell is None:
        return ""
    if cell.amount is None:
        return w[cell.state] if cell.state in (PENDING, NOT_APPLICABLE) else w["report.none"]
    return kroner(cell.amount, cell.currency, w) + (f" ({w['provisional']})" if cell.provisional else "")


def cell_text(cell: Cell | None, w: Wording) -> str:
    """`50 % (57)`; `–` where the goal has no result, or is not in the contract."""
    if cell is None:
        return ""
    if cell.fulfilment is None:
        return w[cell.status] if cell.status in ("pending", "not applicable") else w["report.none"]
    decided = decided_text(cell.decided, w)
    return w.percent(cell.fulfilment) + (f" ({decided})" if decided else "") + provisional_mark(cell, w)


def overall_text(comparison: Comparison, column: Column, w: Wording) -> str:
    """A column's overall result, marked where it is provisional, and with how many goals it
    averages where not every column's covers all its goals (`100 % (2 af 4 mål)`); `–` where
    there is none."""
    return overall_cell(column.overall, column.covers, w, whole=comparison.overall_whole(column))


def overall_change_text(comparison: Comparison, w: Wording) -> str:
    """The overall's change in a series; `kan ikke sammenlignes` where the two columns'
    overalls average different goals."""
    last = comparison.columns[-2:]
    if len(last) == 2 and all(c.overall is not None for c in last) and not comparison.overall_comparable:
        return w["overall.not comparable"]
    return change_text(comparison.overall_change(), w)


def overall_notes(comparison: Comparison, w: Wording) -> list[str]:
    """What each overall covers, where it leaves goals out; and why the overall's change is not
    shown, where the last two columns average different goals. (Side by side, an overall over
    other goals than its neighbour's says how many in its cell: `75 % (4 af 4 mål)`.)"""
    columns = [column for column in comparison.columns if column.problem is None]
    notes = [f"{column.label}, {w['report.overall'].lower()}: {said(column.overall, column.covers, w)}"
             for column in columns if not column.covers.complete]
    if comparison.series and overall_change_text(comparison, w) == w["overall.not comparable"]:
        which = "; ".join(f"{column.label}: {goal_ids(column.covers.decided, w)}" for column in columns
                          if column.covers.decided)
        notes.append(w.phrase("overall.covers differ", which=which) + w["overall.no change"] + ".")
    return notes


def provisional_mark(cell: Cell, w: Wording) -> str:
    """` (provisional)` after a result decided from facts measured before the period's end."""
    return f" ({w['provisional']})" if cell.provisional else ""


# ---- text --------------------------------------------------------------------------------------


def comparison_text(comparison: Comparison, w: Wording, width: int = 100) -> str:
    """An aligned table at most `width` columns wide: a row per goal, a column per evaluation;
    titles cut with … (in full in JSON), and what has no result explained below."""
    header = [w["compare.goal"], ""] + [column.label for column in comparison.columns]
    rows: list[list[str]] = [[row.id, ("* " if row.titles_differ else "") + row.title]
                             + [cell_text(cell, w) for cell in row.cells] for row in comparison.rows]
    overall = ["", w["report.overall"]] + [overall_text(comparison, c, w) for c in comparison.columns]
    footer = [overall]
    if comparison.weighted:
        footer.append(["", w["report.points"]] + [
            w.number(c.points) if c.points is not None else w["report.none"] for c in comparison.columns])
    payments = [["", w["compare.payments"]] + [""] * len(comparison.columns)] if comparison.payments else []
    payments += [["", row.title] + [payment_text(cell, w) for cell in row.cells] for row in comparison.payments]
    if comparison.series:
        header.append(w["compare.change"])
        for row, line in zip(comparison.rows, rows, strict=True):
            line.append(change_cell(comparison, row, w))
        overall.append(overall_change_text(comparison, w))
        for line in footer[1:]:
            line.append(change_text(comparison.points_change(), w))
        if payments:
            payments[0].append("")
        for payment, line in zip(comparison.payments, payments[1:], strict=True):
            line.append(change_text(payment.change(), w))
    footer += payments
    # Titles, labels and parties are the contracts' and the facts' words: each cell on one line.
    table = [[escape.cell(text) for text in line] for line in [header, *rows, *footer]]
    count = len(header)
    needed = [max(len(line[i]) for line in table) for i in range(count)]
    # The title takes what the numbers leave, and gives way first.
    others = sum(needed) - needed[1] + 2 * (count - 1)
    title_width = max(12, min(needed[1], width - others))
    if others + title_width > width:  # many columns: cut each to fit, the title too
        room = (width - needed[0] - 12 - 2 * (count - 1)) // max(1, count - 2)
        needed = [needed[0], 12] + [min(n, max(8, room)) for n in needed[2:]]
        title_width = 12
    needed[1] = title_width
    out = [comparison_title(comparison, w), ""]
    for index, line in enumerate(table):
        if index in (len(table) - len(footer), len(table) - len(payments)):
            out.append("")
        cells = [shortened(text, size) for text, size in zip(line, needed, strict=True)]
        out.append("  ".join(text.ljust(size) if i < 2 else text.rjust(size)
                             for i, (text, size) in enumerate(zip(cells, needed, strict=True))).rstrip())
    notes = _notes(comparison, w)
    legend = change_legend(comparison, w)
    if legend:
        out.append("")
        out += textwrap.wrap(legend, width=width, break_on_hyphens=False)
    if notes:
        out.append("")
        for note in notes:
            out += textwrap.wrap(note, width=width, subsequent_indent="  ", break_on_hyphens=False)
    return "\n".join(line.replace("\u00a0", " ") for line in out)


def comparison_title(comparison: Comparison, w: Wording) -> str:
    """`Udviklingskontrakt 2008-2011, år for år` for periods; `Busdrift …: 2 leverandører side
    om side` for providers of one contract; `2 leverandører side om side` for several."""
    first = comparison.columns[0]
    one = len({column.contract for column in comparison.columns}) == 1
    if comparison.series:
        title = w.phrase("compare.series", contract=first.contract if one else first.provider or first.contract)
    elif one:
        title = w.phrase("compare.side by side of", len(comparison.columns), contract=first.contract,
                         n=len(comparison.columns))
    else:
        title = w.phrase("compare.side by side", len(comparison.columns), n=len(comparison.columns))
    if comparison.group is not None:
        title += " " + w.phrase("compare.group", group=comparison.group)
    return title


def _notes(comparison: Comparison, w: Wording) -> list[str]:
    """What the table cannot hold: each goal without a result and why, titles that differ."""
    notes = overall_notes(comparison, w)
    for row in comparison.rows:
        if row.titles_differ:
            notes.append(w.phrase("compare.titles differ", id=row.id,
                                  titles="; ".join(escape.visible(t) for t in row.titles)))
    for index, column in enumerate(comparison.columns):
        if column.problem is not None:  # one reason for the whole column
            where = column.problem.span
            place = f"{where.source}:{where.line}:{where.column}" if where is not None else ""
            notes.append(w.phrase("compare.unread", label=column.label, problem=problem_text(column.problem, w))
                         + (f" ({place})" if place else ""))
            continue
        for row in comparison.rows:
            cell = row.cells[index]
            if cell is None or cell.fulfilment is not None:
                continue
            goal = column.evaluation.goals[row.id]
            why = not_evaluable(goal.blocked, w.labelled(goal.labels)) if goal.blocked is not None \
                else goal.reasoning(w).rstrip(".")
            notes.append(f"{column.label}, {w['goal'].lower()} {row.id}: {w[cell.status]}: {why}")
    return notes


# ---- JSON --------------------------------------------------------------------------------------


def comparison_dict(comparison: Comparison, w: Wording) -> dict[str, object]:
    """`rk compare --format json`: columns, rows of cells in column order, the overall results."""
    return {
        "language": w.lang,
        "series": comparison.series,
        "group": comparison.group,
        "columns": [{"label": c.label, "contract": c.contract, "provider": c.provider,
                     "period": [d.isoformat() for d in c.period] if c.period else None,
                     "problem": c.problem.message if c.problem is not None else None}
                    for c in comparison.columns],
        "rows": [_row_dict(comparison, row, w) for row in comparison.rows],
        "overall": [{"fulfilment": percent_number(c.overall) if c.overall is not None else None,
                     "points": _points(c.points), "provisional": c.covers.provisional,
                     "covers": covers_dict(c.covers)}
                    for c in comparison.columns],
        "overall_change": change_dict(comparison.overall_change(), w),
        "points_change": change_dict(comparison.points_change(), w),
        "payments": [{"name": row.name, "title": row.title,
                      "cells": [None if cell is None else {
                          "amount": money_number(cell.amount) if cell.amount is not None else None,
                          "currency": cell.currency, "status": cell.state, "provisional": cell.provisional,
                          "text": payment_text(cell, w)} for cell in row.cells],
                      "change": change_dict(row.change(), w) if comparison.series else None}
                     for row in comparison.payments],
        "legend": change_legend(comparison, w) or None,
    }


def change_dict(change: Decided | None, w: Wording) -> dict[str, object] | None:
    """A change as data: its signed value as a number, what it counts (`measure`,
    `deliverables`, `fulfilment`, `points`, `amount`), its unit in words, and the text."""
    if change is None or change.value is None:
        return None
    value = change.value * 100 if change.kind == PERCENT else change.value
    return {"value": _points(value), "counts": change.counts, "unit": change_unit(change, w),
            "text": change_text(change, w)}


def money_number(amount: Fraction) -> int | float:
    """An amount as a JSON number: whole kroner as an integer, øre to 2 decimals."""
    return amount.numerator if amount.denominator == 1 else float(round_half_away(amount, 2))


def _row_dict(comparison: Comparison, row: Row, w: Wording) -> dict[str, object]:
    out: dict[str, object] = {
        "id": row.id, "title": row.title, "titles_differ": row.titles_differ, "titles": list(row.titles),
        "cells": [None if cell is None else {
            "status": cell.status,
            "provisional": cell.provisional,
            "fulfilment": percent_number(cell.fulfilment) if cell.fulfilment is not None else None,
            "value": decided_text(cell.decided, w) or None,
            "points": _points(cell.points),
        } for cell in row.cells],
    }
    if comparison.series:
        out["change"] = change_dict(comparison.change(row), w)
        out["change_status"] = comparison.change_state(row)
    return out


def _points(value: Fraction | None) -> float | int | None:
    if value is None:
        return None
    return value.numerator if value.denominator == 1 else float(round_half_away(value, 2))


# ---- CSV ---------------------------------------------------------------------------------------


def comparison_csv(comparison: Comparison, w: Wording) -> str:
    """For a spreadsheet as it is: UTF-8 with a byte-order mark; in Danish `;` between cells
    and a decimal comma, as a Danish spreadsheet reads them.

    Two kinds of cell: texts from the contracts, the facts and the command line (titles, ids,
    labels), made safe for a spreadsheet, so that `=...` or `-2+3` is never run as a formula,
    even where it looks like a number; and what this program writes (words from the wording,
    numbers), left as they are, so that a spreadsheet reads -12,5 as a number it can compute
    with. No number is written as text: none with ≈, a unit or a sign the spreadsheet would
    not read (money in kroner, a change in percentage points as a percent)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if w.lang == "da" else ",", lineterminator="\n")
    header = [w["compare.goal"], w["compare.title"], w["compare.titles differ short"]]
    for column in comparison.columns:
        label = escape.spreadsheet(column.label)
        header += [f"{label}: {w['report.status']}", f"{label}: {w['report.fulfilment']}",
                   f"{label}: {w['compare.value']}"]
    if comparison.series:
        header += [w["compare.change"], w["compare.unit"]]
    writer.writerow(header)
    for row in comparison.rows:
        line = [escape.spreadsheet(row.id), escape.spreadsheet(row.title),
                w["true"] if row.titles_differ else w["false"]]
        for cell in row.cells:
            line += ["", "", ""] if cell is None else [
                w[cell.status] + provisional_mark(cell, w),
                _plain(cell.fulfilment * 100, w) if cell.fulfilment is not None else "",
                _decided_cell(cell.decided, w)]
        if comparison.series:
            line += _change_cells(comparison.change(row), w)
        writer.writerow(line)
    overall = ["", w["report.overall"], ""]
    for column in comparison.columns:
        # What the overall averages, where not every column's covers all its goals: `2 af 4 mål`.
        covers = column.covers
        overall += [w["provisional"] if covers.provisional else "",
                    _plain(column.overall * 100, w) if column.overall is not None else "",
                    "" if comparison.overall_whole(column) or column.overall is None else
                    w.phrase("overall.goals", n=len(covers.decided), of=covers.applicable)]
    if comparison.series:
        overall += _change_cells(comparison.overall_change(), w)
    writer.writerow(overall)
    if comparison.weighted:
        points = ["", w["report.points"], ""]
        for column in comparison.columns:
            points += ["", "", _plain(column.points, w) if column.points is not None else ""]
        if comparison.series:
            points += _change_cells(comparison.points_change(), w)
        writer.writerow(points)
    for payment in comparison.payments:
        line = [escape.spreadsheet(payment.name), escape.spreadsheet(payment.title), w["false"]]
        for paid in payment.cells:
            line += ["", "", ""] if paid is None else [
                ("" if paid.state == "decided" else w[paid.state])
                + (f" ({w['provisional']})" if paid.provisional else ""), "",
                _plain(paid.amount, w) if paid.amount is not None else ""]
        if comparison.series:
            line += _change_cells(payment.change(), w)
        writer.writerow(line)
    return "\ufeff" + out.getvalue()


def _change_cells(change: Decided | None, w: Wording) -> list[str]:
    """A change as a spreadsheet reads it, and its unit in the next cell: `-7,5`, `procentpoint`."""
    if change is None or change.value is None:
        return ["", ""]
    value = change.value * 100 if change.kind == PERCENT else change.value
    return [_plain(value, w), change_unit(change, w)]


def _decided_cell(decided: Decided | None, w: Wording) -> str:
    """A decided value, or a change, as a spreadsheet reads a number: `-12,5`, `72,5 %`,
    money in kroner; deliverables done as `3 af 4`. Never guarded: the program wrote it."""
    if decided is None or decided.value is None:
        return decided_text(decided, w)
    if decided.kind == PERCENT:
        return _plain(decided.value * 100, w) + (" %" if w.percent_space else "%")
    return _plain(decided.value, w)


def _plain(value: Fraction, w: Wording) -> str:
    """A number as a spreadsheet reads it: up to 4 decimals, the language's decimal sign."""
    whole, _, rest = number_literal(round_half_away(value, 4)).partition(".")
    return whole + (w.decimal + rest if rest else "")
