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

import bisect
import heapq
import itertools
import math
import operator
from collections.abc import Callable, Sequence
from fractions import Fraction

import attrs

from ..core.vocabulary import DHONDT, DKK, LARGEST_REMAINDER, METHODS, MONEY_UNITS, unit_of
from ..language import syntax as s
from .shares import PartyShare, Shares


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
    return _scaled(weights)[1]


def _scaled(weights: Sequence[Fraction | int]) -> tuple[int, list[int]]:
    """The smallest number that makes every weight whole, and the weights times it."""
    if all(isinstance(w, int) for w in weights):  # already whole: skip making fractions of them
        return 1, [int(w) for w in weights]
    scale = math.lcm(*(Fraction(w).denominator for w in weights)) if weights else 1
    return scale, [int(Fraction(w) * scale) for w in weights]


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
#
# A party's margins follow from one question: what is the smallest whole weight
# at which it gets at least m units, the other weights unchanged? Call it the
# least weight for m. With s the units it holds now, its rise is the least
# weight for s + 1 less its weight, and its fall is its weight less the least
# weight for s, plus one. (A weight of zero gets nothing under every method, so
# a party that holds a unit always has a fall.) Both questions are answered from
# one apportionment, without apportioning again for every weight tried.
#
# Every method hands out the top `units` claims, and claims compare as
# (value, weight, -index): the larger value first, then the larger weight, then
# the party written first. A party gets at least m units exactly when its m-th
# claim beats all but at most units - m of the other parties' claims.


Margins = tuple[Fraction | None, Fraction | None]


def margins_of(weights: Sequence[Fraction | int], units: int, method: str, party: int) -> Margins:
    """How far one party's weight may fall or rise, the others unchanged, before its units change.

    Returns (fall, rise): the smallest decrease and the smallest increase that
    change the party's units, in steps of the weights' own precision (whole
    inhabitants for populations). None means no change of weight in that
    direction ever changes its units.
    """
    return all_margins(weights, units, method)[party]


def all_margins(weights: Sequence[Fraction | int], units: int, method: str,
                held: Sequence[int] | None = None) -> list[Margins]:
    """Every party's margins, (fall, rise) as `margins_of` gives them, worked out together.

    `held` is the split of these weights, when the caller has already worked it out.
    """
    scale, scaled = _scaled(weights)
    if held is None:
        held = apportion(scaled, units, method).units
    held = tuple(held)
    if method == LARGEST_REMAINDER:
        steps = _largest_remainder_margins(scaled, units, held)
    else:
        steps = _divisor_margins(scaled, held, method)
    return [(_in_weights(fall, scale), _in_weights(rise, scale)) for fall, rise in steps]


def _in_weights(steps: int | None, scale: int) -> Fraction | None:
    return None if steps is None else Fraction(steps, scale)


def _least_beating(numerator: int, divisor: int, rival_weight: int, rival: int, party: int) -> int:
    """The smallest whole weight x whose claim x / divisor beats a rival's claim numerator / divisor.

    The rival's claim has been brought over the same divisor, so the values
    compare as x against numerator / divisor; on a tie of values the larger
    weight wins, then the party written first.
    """
    level, rest = divmod(numerator, divisor)
    if rest == 0 and (level > rival_weight or (level == rival_weight and party < rival)):
        return level
    return level + 1


def _margins_from_least(weight: int, least_kept: int | None,
                        least_gaining: int | None) -> tuple[int | None, int | None]:
    """(fall, rise) in whole steps, from the least weights for the units held and for one more."""
    fall = None if least_kept is None else weight - least_kept + 1
    rise = None if least_gaining is None else least_gaining - weight
    return fall, rise


# -- D'Hondt and Sainte-Laguë


def _whole_divisor(method: str, seats: int) -> int:
    """The divisor for a party's next unit when it holds `seats`, times 1 (D'Hondt) or 2 (Sainte-Laguë).

    Scaling every divisor by the same number keeps quotients in the same order
    and lets them be compared by cross-multiplying whole numbers.
    """
    return seats + 1 if method == DHONDT else 2 * seats + 1


def _divisor_margins(weights: list[int], held: tuple[int, ...], method: str) -> list[tuple[int | None, int | None]]:
    """Margins under a divisor method, in O(n) after one apportionment.

    A party's quotients (its claims) do not depend on anyone else's weight. So
    with weight x a party gets s + 1 units exactly when its (s + 1)-th quotient
    beats the weakest unit another party holds now, and keeps s exactly when
    its s-th quotient beats the strongest claim no other party holds now.
    The weakest and second-weakest held claims over all parties give every
    party's rival for the rise; the strongest and second-strongest unheld ones
    give every party's rival for the fall.
    """
    units = sum(held)

    def quotient(party: int, seats: int) -> tuple[Fraction, int, int]:
        # The claim on the next unit of a party holding `seats`, as keys compare.
        return (Fraction(weights[party], _whole_divisor(method, seats)), weights[party], -party)

    weakest_held = heapq.nsmallest(2, ((quotient(j, held[j] - 1), j) for j in range(len(weights)) if held[j]))
    strongest_unheld = heapq.nlargest(2, ((quotient(j, held[j]), j) for j in range(len(weights)) if weights[j]))
    margins = []
    for party, (weight, seats) in enumerate(zip(weights, held, strict=True)):
        least_gaining = least_kept = None
        if seats < units:  # then other parties hold units, and one of theirs is the rival
            rival = _other_than(party, weakest_held)
            least_gaining = _quotient_crossing(weights, method, party, seats, rival, held[rival] - 1)
        if seats:
            unheld = _other_than_or_none(party, strongest_unheld)
            # Nobody else has a claim: any weight above zero keeps every unit.
            least_kept = 1 if unheld is None else _quotient_crossing(
                weights, method, party, seats - 1, unheld, held[unheld])
        margins.append(_margins_from_least(weight, least_kept, least_gaining))
    return margins


def _quotient_crossing(weights: list[int], method: str, party: int, seats: int, rival: int,
                       rival_seats: int) -> int:
    """The least weight at which `party`'s quotient for a next unit after `seats` beats the rival's after rival_seats.

    x / d(seats) against w / d(rival_seats) is x against w * d(seats) / d(rival_seats).
    """
    return _least_beating(weights[rival] * _whole_divisor(method, seats), _whole_divisor(method, rival_seats),
                          weights[rival], rival, party)


def _other_than_or_none(party: int, best: Sequence[tuple[object, int]]) -> int | None:
    """The first of the (at most two) best claims' parties that is not `party`."""
    return next((j for _, j in best if j != party), None)


def _other_than(party: int, best: Sequence[tuple[object, int]]) -> int:
    rival = _other_than_or_none(party, best)
    assert rival is not None, "another party holds a unit"
    return rival


# -- largest remainder


# Claims checked one by one near a party's own before the count is done in full instead.
_WINDOW = 32


class Claims:
    """Every party's largest-remainder claims, sorted once, to count how many beat one party's claim.

    Under largest remainder a party with weight w has the claims q - 0, q - 1,
    q - 2, ... where q = units * w / total is its quota: the floor of the quota
    takes that many units and the remainder competes for the units left over,
    so the split hands out the top `units` claims. Unlike under a divisor method
    every quota moves when one party's weight does, because the total does.

    Two ways to count, both exact. In full: over the common denominator T (the
    total with the party's trial weight x), the t-th claim of another party j
    beats the party's m-th claim when
    A = units * w_j + (m - 1) * R - x * (units - m + 1) - (t - 1) * T is above
    zero, or is zero and j wins the tie; R is the total of the other weights.
    So j has A_1 // T + 1 claims that beat it (A_1 - 1 if j loses ties), or
    none when that is not positive. Sorted by weight, the parties that win ties
    and the parties with any beating claim are runs found by bisection, and the
    count is a sum of floors done at C speed: O(n), no fractions.

    Near the current split: when the total moves from S to T, a claim moves by
    its quota times (T - S) / T, at most the largest quota times that. So
    claims sorted once by their value now split into those that surely still
    beat, those that surely do not, and a narrow window in between that is
    checked claim by claim: O(log n) plus the window. This holds for values
    inside the band of claims kept sorted (from -1 to 2 units, three claims a
    party); outside it, or for a wide window, the count is done in full.
    """

    def __init__(self, weights: list[int], units: int) -> None:
        self.weights = weights
        self.units = units
        self.total = sum(weights)
        self.order = sorted(range(len(weights)), key=lambda j: (-weights[j], j))
        self.place = [0] * len(weights)
        for place, j in enumerate(self.order):
            self.place[j] = place
        count = len(weights)
        # (weight, -index) descending, as one whole number, for bisecting on who wins a tie.
        self.tie_order = [-weights[j] * count + j for j in self.order]
        # Each party's quota over the denominator T is units * w / T: these numerators decide every count.
        self.numerators = [units * weights[j] for j in self.order]
        self.negated = [-numerator for numerator in self.numerators]  # ascending, for bisecting
        self.largest_claim = units * max(weights)
        # The claims now, as units * w - (t - 1) * S over the denominator S, from -S up to 2 * S.
        band = sorted(claim for j in range(count) for claim in self._band_claims(j))
        self.band_values = [value for value, _, _ in band]
        self.band_parties = [(j, nth) for _, j, nth in band]
        self.above_band = sum(self._above_band(j) for j in range(count))

    def _band_claims(self, party: int) -> list[tuple[int, int, int]]:
        """The party's claims now worth from -1 up to (not including) 2 units: (value * S, party, nth)."""
        claim, total = self.units * self.weights[party], self.total
        floor = claim // total
        return [(claim - taken * total, party, taken + 1) for taken in range(max(0, floor - 1), floor + 2)]

    def _above_band(self, party: int) -> int:
        """How many of the party's claims are now worth 2 units or more."""
        return max(0, self.units * self.weights[party] // self.total - 1)

    def beating(self, party: int, claim: int, weight: int) -> int:
        """How many of the other parties' claims beat `party`'s `claim`-th one when it weighs `weight`."""
        near = self._beating_near(party, claim, weight)
        return self._beating_in_full(party, claim, weight) if near is None else near

    def _beating_near(self, party: int, claim: int, weight: int) -> int | None:
        """The count from the claims sorted now, or None where that would not be quick or sure."""
        now = self.total
        at_total = weight + now - self.weights[party]
        # The party's claim at the trial weight, in the scale of the claims now: ours / at_total.
        ours = now * (self.units * weight - (claim - 1) * at_total)
        drift = self.largest_claim * abs(at_total - now)  # how far any other claim can move, likewise
        surely_beat_above = (ours + (drift if at_total > now else 0)) // at_total
        surely_not_below = -(-(ours - (drift if at_total < now else 0)) // at_total)
        if surely_beat_above >= 2 * now or surely_not_below < -now:
            return None
        start = bisect.bisect_left(self.band_values, surely_not_below)
        stop = bisect.bisect_right(self.band_values, surely_beat_above)
        if stop - start > _WINDOW:
            return None
        count = self.above_band - self._above_band(party) + len(self.band_values) - stop
        count -= sum(1 for value, _, _ in self._band_claims(party) if value > surely_beat_above)
        for j, nth in self.band_parties[start:stop]:
            if j != party and self._beats(j, nth, party, claim, weight, at_total):
                count += 1
        return count

    def _beats(self, rival: int, rival_nth: int, party: int, claim: int, weight: int, at_total: int) -> bool:
        """Whether the rival's claim beats the party's when it weighs `weight` and the total is `at_total`."""
        rival_weight = self.weights[rival]
        lead = self.units * (rival_weight - weight) + (claim - rival_nth) * at_total
        return lead > 0 or (lead == 0 and (rival_weight > weight or (rival_weight == weight and rival < party)))

    def _beating_in_full(self, party: int, claim: int, weight: int) -> int:
        others = self.total - self.weights[party]
        at_total = weight + others
        shift = (claim - 1) * others - weight * (self.units - claim + 1)
        # Parties before `wins` win a tie with the party at this weight; the others lose it.
        wins = bisect.bisect_left(self.tie_order, -weight * len(self.weights) + party)
        # Among those who win ties, a party has beating claims when numerator + shift >= 0; among
        # those who lose ties, when it is > 0. Both are runs from the largest weight down.
        beat_winning = min(wins, bisect.bisect_right(self.negated, shift))
        beat_losing = bisect.bisect_right(self.negated, shift - 1)
        count = _sum_of_floors(self.numerators, 0, beat_winning, shift, at_total) + beat_winning
        if beat_losing > wins:
            count += _sum_of_floors(self.numerators, wins, beat_losing, shift - 1, at_total) + beat_losing - wins
        # The sums ran over the party's own place too, with its current weight: take that back out.
        place = self.place[party]
        own_shift = shift if place < wins else shift - 1
        return count - max(0, (self.numerators[place] + own_shift) // at_total + 1)

    def least_weight(self, party: int, claim: int, crossing: int, low: int, high: int | None = None) -> int:
        """The smallest weight above `low` at which `party` gets at least `claim` units.

        `low` is known to be too little and `high`, when given, enough.
        `crossing` is the least weight at which the claim beats one rival
        claim; one weight less, that rival beats it. So when the rival is the
        last claim it had to pass (exactly units - claim others still beat it),
        the crossing is the answer, known from a single count.
        """
        allowed = self.units - claim
        guess = max(crossing, low + 1) if high is None else min(max(crossing, low + 1), high)
        beaten_by = self.beating(party, claim, guess)
        if beaten_by == allowed and guess == crossing:
            return guess
        if beaten_by > allowed:
            low = guess
        else:
            high = guess
        return _first_holding(lambda weight: self.beating(party, claim, weight) <= allowed,
                              low, high, from_high=beaten_by <= allowed)


def _sum_of_floors(values: list[int], start: int, stop: int, shift: int, divisor: int) -> int:
    """sum((v + shift) // divisor for v in values[start:stop]), with the loop in C."""
    if stop <= start:
        return 0
    return sum(map(operator.floordiv, map(operator.add, values[start:stop], itertools.repeat(shift)),
                   itertools.repeat(divisor)))


def _largest_remainder_margins(weights: list[int], units: int,
                               held: tuple[int, ...]) -> list[tuple[int | None, int | None]]:
    """Margins under largest remainder: a guess from the current order of claims, checked exactly.

    If the other parties' claims kept their order while the party's weight
    moves, its (s + 1)-th claim would have to pass exactly the weakest claim
    another party holds now, and its s-th claim would lose its place to
    exactly the strongest claim no other party holds now: one crossing, solved
    in whole numbers like a divisor method's. The others' claims do move, a
    little, with the total, so each guess is checked by an exact count of the
    claims that beat the party's and, when that fails, searched from the guess
    by galloping and bisection on the same exact count. Near the split a count
    costs O(log n) and a party usually needs one or two, so O(n log n) in all;
    a count far from it (a party that dwarfs the rest) costs O(n), at C speed.
    """
    total = sum(weights)
    parties = range(len(weights))
    claims = Claims(weights, units)

    def claim_key(party: int, nth: int) -> tuple[int, int, int]:
        # The party's nth claim now, over the common denominator `total`.
        return (units * weights[party] - (nth - 1) * total, weights[party], -party)

    weakest_held = heapq.nsmallest(2, ((claim_key(j, held[j]), j) for j in parties if held[j]))
    strongest_unheld = heapq.nlargest(2, ((claim_key(j, held[j] + 1), j) for j in parties))
    margins = []
    for party, (weight, seats) in enumerate(zip(weights, held, strict=True)):
        others = total - weight
        least_gaining = least_kept = None
        if seats < units:  # then others hold units, so their total is above zero
            rival = _other_than(party, weakest_held)
            crossing = _crossing(weights, units, others, party, seats + 1, rival, held[rival])
            least_gaining = claims.least_weight(party, seats + 1, crossing, weight)
        if seats and others == 0:  # alone with weight: any weight above zero keeps every unit
            least_kept = 1
        elif seats:
            rival = _other_than(party, strongest_unheld)
            crossing = _crossing(weights, units, others, party, seats, rival, held[rival] + 1)
            # A weight of zero gets nothing, and the current weight keeps its units.
            least_kept = claims.least_weight(party, seats, crossing, 0, weight)
        margins.append(_margins_from_least(weight, least_kept, least_gaining))
    return margins


def _crossing(weights: list[int], units: int, others: int, party: int, nth: int, rival: int, rival_nth: int) -> int:
    """The least weight at which `party`'s nth claim beats `rival`'s rival_nth, both at the new total.

    With trial weight x and total T = x + others, the claims compare as
    units * x - (nth - 1) * T against units * weights[rival] - (rival_nth - 1) * T,
    which is x * (units - nth + rival_nth) against
    units * weights[rival] + (nth - rival_nth) * others.
    """
    divisor = units - nth + rival_nth
    numerator = units * weights[rival] + (nth - rival_nth) * others
    return _least_beating(numerator, divisor, weights[rival], rival, party)


def _first_holding(holds: Callable[[int], bool], low: int, high: int | None, from_high: bool) -> int:
    """The smallest weight above `low` at which `holds`, which is monotone.

    `holds(low)` is false and `holds(high)` true (no `high`: it holds from
    some weight on). The answer is expected near `high` (from_high) or near
    `low`, so gallop from there, then bisect.
    """
    step = 1
    if from_high:
        assert high is not None
        while high - low > 1:
            probe = max(high - step, low + 1)
            if not holds(probe):
                low = probe
                break
            high, step = probe, step * 2
    else:
        while high is None or high - low > 1:
            probe = low + step if high is None else min(low + step, high - 1)
            if holds(probe):
                high = probe
                break
            low, step = probe, step * 2
    while high - low > 1:
        middle = (low + high) // 2
        if holds(middle):
            high = middle
        else:
            low = middle
    return high


# ---- a contract's split, worked out -------------------------------------------------

# Margins for very many parties are a table nobody reads, so by default they are
# worked out only for splits of at most this many parties (1,000 take well
# under a second under every method).
MARGINS_UP_TO = 1000


def units_of(split: s.Split, total: Fraction) -> str | None:
    """Why a total worked out from the facts cannot be split as the contract says (a reason
    code), or None when it can: a whole number of units (below zero too: a credit note)."""
    if (total / split.installments / split.billed_in.value).denominator != 1:
        return "split-uneven-total" if split.installments == 1 else "split-uneven-installments"
    return None


def allocate(split: s.Split, weights: Sequence[tuple[str, Fraction | int]],
             margins: bool | None = None, total: Fraction | None = None, currency: str = DKK) -> Shares:
    """Work out `split` over the given (party, weight) pairs; `total`, in `currency`, is the
    split's total where it is worked out from the facts (`units_of` has checked it)."""
    fixed = split.fixed_total
    signed = fixed.value if fixed is not None else total
    assert signed is not None, "a computed total is worked out before the split"
    # A credit note (a total below zero) is split as its positive amount, every share
    # negated: the split of -T is exactly minus the split of T, with the same margins, as
    # the weights that would change a party's share of T change its share of -T alike.
    sign = -1 if signed < 0 else 1
    amount = abs(signed)
    unit = split.billed_in
    account = MONEY_UNITS[unit.unit]
    # A total worked out from the facts, without a unit of its own, is billed in whole units
    # of its currency.
    unit_name = unit.unit if fixed is not None or split.unit is not None else unit_of(currency)
    per_installment = amount / split.installments
    units = per_installment / unit.value
    assert units.denominator == 1, "checked when the contract was loaded, or by units_of"
    parties = [party for party, _ in weights]
    given = [weight for _, weight in weights]  # whole weights stay int: quicker to apportion
    values = [Fraction(weight) for weight in given]
    result = apportion(given, int(units), split.method)
    total_weight = sum(values, Fraction(0))
    with_margins = (len(parties) <= MARGINS_UP_TO if margins is None else margins) and units > 0
    margins_of_each = (all_margins(given, int(units), split.method, result.units) if with_margins
                       else [(None, None)] * len(parties))
    # Worked out once, not once a party: a unit over all installments, and the
    # quota of one unit of weight, both in the unit of account.
    unit_amount = unit.value * split.installments / account
    quota_per_weight = amount / total_weight / account
    shares = []
    for index, (party, weight) in enumerate(zip(parties, values, strict=True)):
        fall, rise = margins_of_each[index]
        shares.append(PartyShare(
            party=party,
            weight=weight,
            amount=sign * result.units[index] * unit_amount,
            quota=sign * weight * quota_per_weight,
            per_installment=sign * result.units[index],
            tie=index in result.tied,
            margin_down=fall,
            margin_up=rise,
        ))
    return Shares(split.name, unit_name, unit.value / account, sign * amount / account,
                  split.installments, split.method, split.key, tuple(shares), with_margins, title=split.title)
