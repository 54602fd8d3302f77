"""Apportionment: a total split among parties in proportion to their weights.

Everything is exact. Weights are scaled to whole numbers once, and all
comparisons are between integers or fractions, so a split always adds up to
its total and a tie is a real tie, never a rounding accident.

Ties are broken by one rule for every method: when parties have an equal
claim to a unit, the party with the larger weight gets it; when their weights
are equal too, the party written first gets it. A split records which parties
a tie decided, so the explanation can say so.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from fractions import Fraction

import attrs

from . import syntax as s
from .results import Allocation, PartyShare
from .values import MONEY_UNITS

LARGEST_REMAINDER = "largest remainder"
SAINTE_LAGUE = "sainte-laguë"
DHONDT = "d'hondt"
METHODS = (LARGEST_REMAINDER, SAINTE_LAGUE, DHONDT)
# Other names the same methods go by.
_ALIASES = {"largest remainders": LARGEST_REMAINDER, "hamilton": LARGEST_REMAINDER,
            "sainte-lague": SAINTE_LAGUE, "webster": SAINTE_LAGUE, "d’hondt": DHONDT,
            "jefferson": DHONDT}


def method_named(written: str) -> str:
    """The method a contract names, in its canonical spelling."""
    name = " ".join(written.split()).casefold()
    return _ALIASES.get(name, name)


@attrs.frozen
class Apportionment:
    """Units per party, in the order the parties were given, and who a tie decided."""

    units: tuple[int, ...]
    tied: frozenset[int] = frozenset()


def apportion(weights: Sequence[Fraction | int], units: int, method: str = LARGEST_REMAINDER) -> Apportionment:
    """Split `units` whole units among parties with the given non-negative weights."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}")
    if units < 0:
        raise ValueError("cannot split a negative number of units")
    scaled = whole_weights(weights)
    if any(w < 0 for w in scaled):
        raise ValueError("weights must not be negative")
    if sum(scaled) == 0:
        raise ValueError("at least one weight must be above zero")
    if method == LARGEST_REMAINDER:
        return _largest_remainder(scaled, units)
    return _highest_averages(scaled, units, method)


def whole_weights(weights: Sequence[Fraction | int]) -> list[int]:
    """The weights times the smallest number that makes them all whole; shares are unchanged."""
    scale = math.lcm(*(Fraction(w).denominator for w in weights)) if weights else 1
    return [int(Fraction(w) * scale) for w in weights]


def _largest_remainder(weights: list[int], units: int) -> Apportionment:
    total = sum(weights)
    # Each quota is units * w / total; keep it as floor and remainder over the
    # common denominator `total`, so remainders compare as plain integers.
    floors = [units * w // total for w in weights]
    remainders = [units * w % total for w in weights]
    left = units - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], -weights[i], i))
    result = floors[:]
    for i in order[:left]:
        result[i] += 1
    tied: frozenset[int] = frozenset()
    if 0 < left < len(order) and remainders[order[left - 1]] == remainders[order[left]]:
        boundary = remainders[order[left]]
        tied = frozenset(i for i in order if remainders[i] == boundary)
    return Apportionment(tuple(result), tied)


def _divisor(method: str, seats: int) -> Fraction:
    """The divisor for a party's next unit when it already holds `seats`."""
    return Fraction(seats + 1) if method == DHONDT else Fraction(2 * seats + 1, 2)


def _highest_averages(weights: list[int], units: int, method: str) -> Apportionment:
    """Sainte-Laguë or D'Hondt without handing out units one by one.

    Start from the allocation the natural divisor (total / units) gives,
    which includes every quotient at or above it, then add the next-highest
    or remove the lowest quotients until the count is right. Both ends follow
    the same order as one-by-one allocation, so the result is the same.
    """
    total = sum(weights)
    if method == DHONDT:
        seats = [units * w // total for w in weights]
    else:  # Sainte-Laguë: quotients w / (k + 1/2) at or above total/units
        seats = [(2 * units * w + total) // (2 * total) for w in weights]

    def rank(i: int, held: int) -> tuple[Fraction, int, int]:
        # Larger is better: the quotient, then the larger weight, then written first.
        return (Fraction(weights[i]) / _divisor(method, held), weights[i], -i)

    given = sum(seats)
    if given < units:
        claims = [(_neg(rank(i, seats[i])), i) for i in range(len(weights)) if weights[i]]
        heapq.heapify(claims)
        while given < units:
            _, i = heapq.heappop(claims)
            seats[i] += 1
            given += 1
            heapq.heappush(claims, (_neg(rank(i, seats[i])), i))
    elif given > units:
        held = [(rank(i, seats[i] - 1), i) for i in range(len(weights)) if seats[i]]
        heapq.heapify(held)
        while given > units:
            _, i = heapq.heappop(held)
            seats[i] -= 1
            given -= 1
            if seats[i]:
                heapq.heappush(held, (rank(i, seats[i] - 1), i))

    # A tie decided a unit when the weakest claim that got one equals the
    # strongest claim that did not.
    last_in = [Fraction(weights[i]) / _divisor(method, seats[i] - 1) for i in range(len(weights)) if seats[i]]
    first_out = [Fraction(weights[i]) / _divisor(method, seats[i]) for i in range(len(weights)) if weights[i]]
    tied: frozenset[int] = frozenset()
    if last_in and first_out and min(last_in) == max(first_out):
        boundary = min(last_in)
        tied = frozenset(
            i for i in range(len(weights)) if weights[i] and (
                Fraction(weights[i]) / _divisor(method, seats[i]) == boundary
                or (seats[i] and Fraction(weights[i]) / _divisor(method, seats[i] - 1) == boundary)))
    return Apportionment(tuple(seats), tied)


def _neg(rank: tuple[Fraction, int, int]) -> tuple[Fraction, int, int]:
    return (-rank[0], -rank[1], -rank[2])


# ---- margins ---------------------------------------------------------------------


def margins_of(weights: Sequence[Fraction | int], units: int, method: str,
               party: int) -> tuple[Fraction | None, Fraction | None]:
    """How far one party's weight may fall or rise, the others unchanged, before its units change.

    Returns (fall, rise): the smallest decrease and the smallest increase that
    change the party's units, in steps of the weights' own precision (whole
    inhabitants for populations). None means no change of weight in that
    direction ever changes its units.
    """
    scale = math.lcm(*(Fraction(w).denominator for w in weights))
    scaled = [int(Fraction(w) * scale) for w in weights]
    own = scaled[party]
    current = apportion(scaled, units, method).units[party]

    def units_with(weight: int) -> int:
        trial = scaled[:]
        trial[party] = weight
        if sum(trial) == 0:
            return 0
        return apportion(trial, units, method).units[party]

    fall = None
    if own > 0 and units_with(0) != current:
        fall = _first_change(lambda step: units_with(own - step) != current, own)
    rise = None
    if current < units:
        # Enough weight takes every unit; searching up to there always ends.
        ceiling = (sum(scaled) + 1) * (units + 1)
        rise = _first_change(lambda step: units_with(own + step) != current, ceiling)
    return (Fraction(fall, scale) if fall is not None else None,
            Fraction(rise, scale) if rise is not None else None)


def _first_change(changed: object, limit: int) -> int | None:
    """The smallest step in 1..limit for which `changed(step)` holds (it is monotone)."""
    test = changed  # type: ignore[assignment]
    step = 1
    while step < limit and not test(step):  # type: ignore[operator]
        step *= 2
    high = min(step, limit)
    if not test(high):  # type: ignore[operator]
        return None
    low = step // 2  # known not to change (or 0)
    while high - low > 1:
        middle = (low + high) // 2
        if test(middle):  # type: ignore[operator]
            high = middle
        else:
            low = middle
    return high


# ---- a contract's split, worked out -------------------------------------------------

# Margins search the weight of each party in turn; for very many parties that
# is a lot of work nobody reads, so by default they are worked out only for
# splits of at most this many parties.
MARGINS_UP_TO = 1000


def split_unit(split: s.Split) -> s.Money:
    """The unit billed in: as written, or 1 of the total's own unit (16488 tkr: 1 tkr)."""
    if split.unit is not None:
        return split.unit
    assert split.total is not None
    return s.Money(Fraction(1), split.total.unit, span=split.total.span)


def allocate(split: s.Split, weights: Sequence[tuple[str, Fraction | int]],
             margins: bool | None = None) -> Allocation:
    """Work out `split` over the given (party, weight) pairs."""
    assert split.total is not None
    unit = split_unit(split)
    account = MONEY_UNITS[unit.unit]
    per_installment = split.total.value / split.installments
    units = per_installment / unit.value
    assert units.denominator == 1, "checked when the contract was loaded"
    parties = [party for party, _ in weights]
    values = [Fraction(weight) for _, weight in weights]
    result = apportion(values, int(units), split.method)
    total_weight = sum(values, Fraction(0))
    with_margins = len(parties) <= MARGINS_UP_TO if margins is None else margins
    shares = []
    for index, (party, weight) in enumerate(zip(parties, values)):
        fall, rise = (margins_of(values, int(units), split.method, index) if with_margins
                      else (None, None))
        shares.append(PartyShare(
            party=party,
            weight=weight,
            amount=result.units[index] * unit.value * split.installments / account,
            quota=split.total.value * weight / total_weight / account,
            per_installment=result.units[index],
            tie=index in result.tied,
            margin_down=fall,
            margin_up=rise,
        ))
    return Allocation(split.name, unit.unit, unit.value / account, split.total.value / account,
                      split.installments, split.method, split.key, tuple(shares), with_margins)
