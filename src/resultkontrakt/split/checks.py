"""Everything about a split that can be known before its weights are supplied: a total,
a unit that divides it, the parties listed and their shares, or the table fact they come
from. The total's type, where it is worked out from the facts, is checked with the other
expressions (checks/check.py)."""

from __future__ import annotations

from collections.abc import Iterator

from ..core.errors import Problem, closest
from ..core.reasons import Amount, Kind, Quantity, problem
from ..core.values import NUMBER, TABLE, money_in
from ..language import syntax as s


def check_split(split: s.Split, facts: dict[str, s.Fact]) -> Iterator[Problem]:
    """Everything about a split that can be known before its weights are supplied."""
    if split.total is None:
        yield problem("split.no-total", split.span, split=split.name)
        return
    unit = split.billed_in
    total = split.fixed_total
    if total is not None and unit.currency != total.currency:
        yield problem("currency.mixed", unit.span, hint="currency.convert", op="unit", left=total.currency,
                      right=unit.currency)
    elif unit.value <= 0:
        yield problem("split.unit-not-positive", unit.span)
    elif total is None:
        pass  # worked out from the facts: whether it divides into units is known then
    elif unit.value > abs(total.value) / split.installments:
        per_installment = abs(total.value) / split.installments
        yield problem("split.unit-too-large-each" if split.installments > 1 else "split.unit-too-large",
                      unit.span, hint="split.unit-too-large", unit=Quantity(unit.value, money_in(unit.currency)),
                      amount=Quantity(per_installment, money_in(unit.currency)))
    elif (total.value / split.installments / unit.value).denominator != 1:
        per_installment = total.value / split.installments
        # Shown in the unit's own currency unit, as the writer thinks of it.
        each = Amount(per_installment, unit.unit)
        yield problem("split.uneven-installments" if split.installments > 1 else "split.uneven",
                      total.span, hint="split.uneven", total=Quantity(total.value, money_in(unit.currency)),
                      installments=split.installments, each=each, unit=Quantity(unit.value, money_in(unit.currency)))
    if split.parties and split.shares:
        named = {share.party for share in split.shares}
        listed = dict(split.item_spans).get("parties", split.span)
        for party in split.parties:
            if party not in named:
                yield problem("split.party-without-share", listed, party=party, split=split.name)
        for share in split.shares:
            if share.party not in split.parties:
                yield problem("split.share-not-listed", share.span, party=share.party,
                              suggestion=closest(share.party, split.parties))
    if split.shares_from is not None:
        fact = facts.get(split.shares_from)
        if fact is None:
            yield problem("split.unknown-fact", split.span, fact=split.shares_from,
                          suggestion=closest(split.shares_from, facts))
        elif fact.type.kind != TABLE or fact.type.element is None or fact.type.element.kind != NUMBER:
            yield problem("split.not-a-table", split.span, fact=fact.name, found=Kind(fact.type))
        return
    if not split.shares:
        yield problem("split.no-shares", split.span, split=split.name)
        return
    seen: dict[str, s.Share] = {}
    for share in split.shares:
        if share.party in seen:
            first = seen[share.party].span
            yield problem("split.share-twice", share.span, party=share.party, split=split.name,
                          line=first.line, column=first.column)
        seen.setdefault(share.party, share)
    if all(share.weight == 0 for share in split.shares):
        yield problem("split.all-zero", split.span)
