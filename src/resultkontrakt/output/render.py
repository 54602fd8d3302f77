"""Evaluations and splits as text for a terminal, JSON for other tools, CSV for spreadsheets."""

from __future__ import annotations

import csv
import io
import textwrap
from fractions import Fraction

from ..core import escape
from .results import Allocation, Evaluation
from ..core.wording import ENGLISH, Wording
from ..core.values import format_number, fraction_text
from ..core.vocabulary import MONEY_UNITS


def evaluation_text(evaluation: Evaluation, width: int = 100, with_text: bool = True,
                    wording: Wording = ENGLISH) -> str:
    """Goals under their groups, each with status, fulfilment and the reason in one sentence,
    then (unless left out) the goal's own text blocks."""
    lines = [evaluation.title]
    if evaluation.as_of is not None:
        lines.append(wording.phrase("report.as of", day=evaluation.as_of))
    if evaluation.parties or evaluation.period:
        about = ", ".join(evaluation.parties)
        if evaluation.period:
            start, end = evaluation.period
            about += f" ({start} .. {end})" if about else f"{start} .. {end}"
        lines.append(about)
    grouped = any(g.group for g in evaluation.goals.values())
    group: str | None = None
    id_width = max((len(g.id) for g in evaluation.goals.values()), default=1)
    for number, goal in enumerate(evaluation.goals.values()):
        if not number or (grouped and goal.group != group):
            group = goal.group
            lines.append("")
            if grouped:
                lines.append(group or wording["no group"])
        elif with_text and goal.text:
            lines.append("")  # goals with text read better apart
        status = wording[goal.status]
        outcome = status if goal.fulfilment is None else f"{status}, {wording.percent(goal.fulfilment)}"
        if evaluation.weighted and goal.points is not None:
            outcome += f" ({wording.phrase('goal points', points=wording.number(goal.points), weight=wording.number(goal.weight))})"
        lines.append(f"  {goal.id:<{id_width}}  {goal.title}: {outcome}".replace("\u00a0", " "))
        indent = " " * (id_width + 4)
        # "→ 50 %" comes with no-break spaces, and a range `0 .. 10` and `name = value`
        # get them here, so that none is broken over two lines; the screen then gets
        # plain spaces.
        kept = _kept(goal.reasoning(wording))
        wrapped = textwrap.wrap(kept, width=width,
                                initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)
        lines += [line.replace("\u00a0", " ") for line in wrapped]
        distance = goal.distance_sentence(wording)
        if distance is not None:
            lines += [line.replace("\u00a0", " ") for line in textwrap.wrap(
                _kept(distance), width=width, initial_indent=indent, subsequent_indent=indent,
                break_on_hyphens=False)]
        if with_text:
            for block in goal.text:
                lines += [f"{indent}| {line}".rstrip() for line in block.splitlines()]
    lines += ["", evaluation.overall_sentence(wording).replace("\u00a0", " ")]
    if evaluation.weighted:
        lines.append(evaluation.points_sentence(wording).replace("\u00a0", " "))
    for payment in evaluation.payments.values():
        lines.append("")
        lines += [line.replace("\u00a0", " ") for line in textwrap.wrap(
            _kept(payment.explain(wording)), width=width, subsequent_indent="    ", break_on_hyphens=False)]
    for split in evaluation.splits.values():
        lines.append("")
        if split.allocation is None:
            said = split.total.explain(wording).removeprefix(f"{split.name}: ")
            lines.append(f"{wording['report.split']} {split.name}: {said}".replace("\u00a0", " "))
        else:
            lines += _split_lines(split.allocation, wording)
    return "\n".join(lines)


def _split_lines(allocation: Allocation, wording: Wording) -> list[str]:
    """A split whose total was worked out with the goals: each party's weight and amount."""
    account = MONEY_UNITS[allocation.unit]

    def money(amount: Fraction) -> str:
        return wording.money(amount * account, allocation.unit).replace("\u00a0", " ")

    rows = [(escape.visible(share.party), wording.number(share.weight), money(share.amount))
            for share in allocation.shares]
    rows.append((wording["report.total"], wording.number(allocation.weight_total),
                 money(sum((share.amount for share in allocation.shares), Fraction(0)))))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    head = f"{wording['report.split']} {allocation.name}: {money(allocation.total)}"
    return [head] + [f"  {party.ljust(widths[0])}  {weight.rjust(widths[1])}  {amount.rjust(widths[2])}"
                     for party, weight, amount in rows]


def _kept(text: str) -> str:
    """No line break inside `a .. b` or `name = value`: those spaces become no-break spaces."""
    return text.replace(" .. ", "\u00a0..\u00a0").replace(" = ", "\u00a0=\u00a0")


def evaluation_json(evaluation: Evaluation, wording: Wording = ENGLISH) -> str:
    return escape.json(evaluation.to_dict(wording))


def allocation_text(allocation: Allocation, wording: Wording = ENGLISH) -> str:
    """A table a finance officer can check: weight, exact quota, amount and margins."""
    w = wording
    per = "split.quota per installment" if allocation.installments > 1 else "split.quota"
    headers = (w["split.party"], w["split.weight"], w[per], w["split.amount"], w["split.margin"])
    rows = []
    for share in allocation.shares:
        quota = share.quota / allocation.installments
        margin = " / ".join(part for part in (
            f"-{w.number(share.margin_down)}" if share.margin_down is not None else "",
            f"+{w.number(share.margin_up)}" if share.margin_up is not None else "") if part)
        rows.append((escape.visible(share.party), w.number(share.weight), w.number(quota),
                     w.number(share.amount) + (" *" if share.tie else ""), margin))
    total = sum((s.amount for s in allocation.shares), Fraction(0))
    rows.append((w["split.total"], w.number(allocation.weight_total), "", w.number(total), ""))
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    numeric = (False, True, True, True, False)

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(c.rjust(w) if right else c.ljust(w)
                         for c, w, right in zip(cells, widths, numeric, strict=True)).rstrip()

    rule = line(tuple("-" * width for width in widths))
    out = [_headline(allocation, w), "", line(headers), rule]
    out += [line(row) for row in rows[:-1]]
    out += [rule, line(rows[-1])]
    out.append("")
    # In words, not `t.kr.`: the sentence ends with a full stop of its own.
    units = w.phrase("split.units", unit=w[f"split.unit.{allocation.unit}"])
    out.append(f"{units} {w['split.margins']}" if allocation.margins else units)
    if any(share.tie for share in allocation.shares):
        out.append(w["split.tie"])
    return "\n".join(out)


def _headline(allocation: Allocation, w: Wording) -> str:
    """What is split, how, and in what units, in one sentence (`Allocation.headline`, worded)."""
    def money(amount: Fraction) -> str:
        return f"{w.number(amount)} {w.money_units.get(allocation.unit, allocation.unit)}".rstrip()

    installments = allocation.installments
    each = w.phrase("split.installments", n=installments, each=money(allocation.total / installments))
    return w.phrase("split.headline", name=allocation.name, total=money(allocation.total),
                    key=allocation.key or w["split.by weight"], method=w[f"split.method.{allocation.method}"],
                    installments=each if installments > 1 else "", unit_size=money(allocation.unit_size))


def allocation_json(allocation: Allocation) -> str:
    return escape.json(allocation.to_dict())


def allocation_csv(allocation: Allocation, wording: Wording = ENGLISH) -> str:
    """One row a party, with the documented column names; in Danish `;` between cells and a
    decimal comma, as a Danish spreadsheet reads them (the exact quota stays a fraction)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if wording.lang == "da" else ",", lineterminator="\n")
    writer.writerow(("party", "weight", "quota", "amount", "unit", "tie", "margin_down", "margin_up"))

    def number(value: Fraction | None) -> str:
        return "" if value is None else format_number(value).replace(".", wording.decimal)

    for share in allocation.shares:
        writer.writerow((escape.spreadsheet(share.party), number(share.weight), fraction_text(share.quota),
                         number(share.amount), allocation.unit, str(share.tie).lower(),
                         number(share.margin_down), number(share.margin_up)))
    return out.getvalue().rstrip("\n")
