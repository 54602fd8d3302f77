"""A split in words and numbers as readers and programs read it: a headline, a sentence a
party, the table a finance officer checks, CSV for a spreadsheet, JSON and notebook HTML.

Over `Shares` (shares.py), the data a split is; `rk.Allocation` (output/results.py) is that
data with these renderings as its methods.
"""

from __future__ import annotations

import csv
import io
from fractions import Fraction

from ..core import escape
from ..core.values import format_number, fraction_text
from ..core.vocabulary import MONEY_UNITS, UNIT_CURRENCY
from ..core.wording import ENGLISH, NBSP, Wording
from .shares import PartyShare, Shares


def headline(allocation: Shares) -> str:
    """What is split, how, and in what units, in one sentence."""
    per = allocation.total / allocation.installments
    return (f"{allocation.shown_as}: {_money(allocation.total, allocation.unit)} split by "
            f"{allocation.key or 'weight'} ({allocation.method}"
            + (f", {allocation.installments} installments of {_money(per, allocation.unit)}"
               if allocation.installments > 1 else "")
            + f", in units of {_money(allocation.unit_size, allocation.unit)}).")


def explanation(allocation: Shares) -> str:
    """How each amount came about, one sentence per party."""
    lines = [headline(allocation)]
    weights = allocation.weight_total
    for share in allocation.shares:
        quota = share.quota / allocation.installments
        times = f" x {allocation.installments}" if allocation.installments > 1 else ""
        rounding = "" if quota.denominator == 1 else (
            " (rounded up" if share.per_installment * allocation.unit_size > quota else " (rounded down")
        if rounding:
            rounding += ", decided by a tie)" if share.tie else ")"
        line = (f"{share.party}: weight {_number(share.weight)} of {_number(weights)}, "
                f"quota {_number(quota)}{' ' + allocation.unit if allocation.unit else ''}"
                f"{' per installment' if allocation.installments > 1 else ''}; gets "
                f"{_number(share.per_installment * allocation.unit_size)}{rounding}{times} = "
                f"{_money(share.amount, allocation.unit)}")
        margin = margin_text(share)
        lines.append(f"{line}; {margin}." if margin else f"{line}.")
    lines.append(f"Total: {_money(sum((s.amount for s in allocation.shares), Fraction(0)), allocation.unit)}.")
    return "\n".join(lines)


def margin_text(share: PartyShare) -> str:
    if share.margin_down is None and share.margin_up is None:
        return ""
    parts = []
    if share.margin_down is not None:
        parts.append(f"falls by {_number(share.margin_down)}")
    if share.margin_up is not None:
        parts.append(f"rises by {_number(share.margin_up)}")
    return "the amount changes if its weight " + " or ".join(parts)


def allocation_dict(allocation: Shares) -> dict[str, object]:
    """A split as JSON data: the shape of `rk split --format json` (schema/split.json)."""
    return {
        "split": allocation.name,
        "title": allocation.title,
        "unit": allocation.unit,
        "currency": allocation.currency,
        "total": _json_number(allocation.total),
        "shares": {share.party: _json_number(share.amount) for share in allocation.shares},
        "method": allocation.method,
        "installments": allocation.installments,
        "unit_size": _json_number(allocation.unit_size),
        "key": allocation.key,
        "parties": [
            {
                "party": share.party,
                "weight": _json_number(share.weight),
                "amount": _json_number(share.amount),
                "quota": fraction_text(share.quota),
                "per_installment": _json_number(share.per_installment * allocation.unit_size),
                "tie": share.tie,
                "margin_down": _json_number(share.margin_down) if share.margin_down is not None else None,
                "margin_up": _json_number(share.margin_up) if share.margin_up is not None else None,
            }
            for share in allocation.shares
        ],
    }


def allocation_repr(allocation: Shares) -> str:
    # A REPL prints this as it is: parties named in a facts file (`shares from`) must not drive the terminal.
    shown = ", ".join(f"{escape.visible(s.party)}: {_number(s.amount)}" for s in allocation.shares[:4])
    more = ", …" if len(allocation.shares) > 4 else ""
    return (f"<Allocation {allocation.name!r}: {_money(allocation.total, allocation.unit)} among "
            f"{len(allocation.shares)} parties ({shown}{more})>")


def _json_number(value: Fraction | int) -> int | float:
    value = Fraction(value)
    # Amounts are whole units; a fractional unit (0.5 tkr) is a short decimal.
    return value.numerator if value.denominator == 1 else float(value)


def _number(value: Fraction | int) -> str:
    """A number in a split's English sentences, by the rule every reader's text follows
    (core/wording.py): to two decimals at most, thousands grouped."""
    return ENGLISH.number(value)


def _money(amount: Fraction, unit: str) -> str:
    return f"{_number(amount)}{NBSP}{unit}".rstrip()


def allocation_html(allocation: Shares, wording: Wording = ENGLISH) -> str:
    """A split as an HTML table: each party's weight and amount."""
    e = escape.html
    account = MONEY_UNITS[allocation.unit]
    rows = "".join(f"<tr><td style=\"text-align:left\">{e(s.party)}</td><td>{e(wording.number(s.weight))}</td>"
                   f"<td>{e(wording.money(s.amount * account, allocation.unit))}</td></tr>"
                   for s in allocation.shares)
    return (f"<div><p><strong>{e(_headline(allocation, wording))}</strong></p>"
            f"<table><tbody>{rows}</tbody></table></div>")


def split_lines(allocation: Shares, wording: Wording) -> list[str]:
    """A split whose total was worked out with the goals: each party's weight and amount."""
    account = MONEY_UNITS[allocation.unit]

    def money(amount: Fraction) -> str:
        return wording.money(amount * account, allocation.unit).replace("\u00a0", " ")

    rows = [(escape.cell(share.party), wording.number(share.weight), money(share.amount))
            for share in allocation.shares]
    rows.append((wording["report.total"], wording.number(allocation.weight_total),
                 money(sum((share.amount for share in allocation.shares), Fraction(0)))))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    head = f"{wording['report.split']} {allocation.shown_as}: {money(allocation.total)}"
    return [head] + [f"  {party.ljust(widths[0])}  {weight.rjust(widths[1])}  {amount.rjust(widths[2])}"
                     for party, weight, amount in rows]


def allocation_text(allocation: Shares, wording: Wording = ENGLISH) -> str:
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
        rows.append((escape.cell(share.party), w.number(share.weight), w.number(quota),
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
    units = w.phrase("split.units", unit=_unit_words(allocation.unit, w))
    out.append(f"{units} {w['split.margins']}" if allocation.margins else units)
    if any(share.tie for share in allocation.shares):
        out.append(w["split.tie"])
    return "\n".join(out)


def _unit_words(unit: str, w: Wording) -> str:
    """A unit of account in words: `tusind kroner`, `millions of EUR`."""
    if w.has(f"split.unit.{unit}"):
        return w[f"split.unit.{unit}"]
    currency = UNIT_CURRENCY[unit]
    return w.phrase("split.unit.mio foreign" if unit.startswith("mio") else "split.unit.foreign",
                    currency=currency)


def _headline(allocation: Shares, w: Wording) -> str:
    """What is split, how, and in what units, in one sentence (`headline`, worded)."""
    def money(amount: Fraction) -> str:
        return f"{w.number(amount)}{NBSP}{w.money_units.get(allocation.unit, allocation.unit)}".rstrip()

    installments = allocation.installments
    each = w.phrase("split.installments", n=installments, each=money(allocation.total / installments))
    return w.phrase("split.headline", name=allocation.shown_as, total=money(allocation.total),
                    key=allocation.key or w["split.by weight"], method=w[f"split.method.{allocation.method}"],
                    installments=each if installments > 1 else "", unit_size=money(allocation.unit_size))


def allocation_json(allocation: Shares) -> str:
    return escape.json(allocation_dict(allocation))


def allocation_csv(allocation: Shares, wording: Wording = ENGLISH) -> str:
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
