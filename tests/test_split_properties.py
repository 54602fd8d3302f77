"""Properties of apportionment, for every method, on generated weights."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from random import Random

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from resultkontrakt.core.vocabulary import DHONDT, LARGEST_REMAINDER, METHODS, SAINTE_LAGUE
from resultkontrakt.split.allocation import Claims, Margins, all_margins, apportion, margins_of

weights = st.lists(st.integers(0, 10_000), min_size=1, max_size=12).filter(lambda ws: sum(ws) > 0)
units = st.integers(0, 500)
methods = st.sampled_from(METHODS)


@given(weights, units, methods)
def test_amounts_add_up_to_the_total_exactly(ws: list[int], n: int, method: str) -> None:
    assert sum(apportion(ws, n, method).units) == n


@given(weights, units, methods, st.randoms(use_true_random=False))
def test_the_order_parties_are_written_in_changes_nothing_but_ties(
        ws: list[int], n: int, method: str, random: Random) -> None:
    result = apportion(ws, n, method)
    order = list(range(len(ws)))
    random.shuffle(order)
    shuffled = apportion([ws[i] for i in order], n, method)
    for new_place, old_place in enumerate(order):
        if old_place not in result.tied:
            assert shuffled.units[new_place] == result.units[old_place]


@given(weights, units, methods, st.integers(2, 50))
def test_scaling_every_weight_by_the_same_factor_changes_nothing(
        ws: list[int], n: int, method: str, factor: int) -> None:
    assert apportion([w * factor for w in ws], n, method) == apportion(ws, n, method)
    assert apportion([Fraction(w, factor) for w in ws], n, method) == apportion(ws, n, method)


@given(weights, units)
def test_a_weight_of_zero_gets_zero_under_largest_remainder(ws: list[int], n: int) -> None:
    result = apportion(ws, n, LARGEST_REMAINDER)
    for w, amount in zip(ws, result.units, strict=True):
        if w == 0:
            assert amount == 0


@given(weights, units)
def test_largest_remainder_gives_the_floor_or_the_ceiling_of_the_quota(ws: list[int], n: int) -> None:
    total = sum(ws)
    for w, amount in zip(ws, apportion(ws, n, LARGEST_REMAINDER).units, strict=True):
        quota = Fraction(n * w, total)
        assert math.floor(quota) <= amount <= math.ceil(quota)


@given(weights, units, methods, st.data())
def test_a_party_whose_weight_grows_never_gets_less(
        ws: list[int], n: int, method: str, data: st.DataObject) -> None:
    party = data.draw(st.integers(0, len(ws) - 1))
    growth = data.draw(st.integers(1, 5_000))
    grown = ws[:]
    grown[party] += growth
    assert apportion(grown, n, method).units[party] >= apportion(ws, n, method).units[party]


@given(weights.filter(lambda ws: len(ws) >= 2), st.integers(1, 200), methods, st.data())
def test_margins_are_the_smallest_change_that_changes_the_amount(
        ws: list[int], n: int, method: str, data: st.DataObject) -> None:
    party = data.draw(st.integers(0, len(ws) - 1))
    fall, rise = margins_of(ws, n, method, party)
    own = apportion(ws, n, method).units[party]

    def amount(weight: int) -> int:
        trial = ws[:]
        trial[party] = weight
        return apportion(trial, n, method).units[party] if sum(trial) else 0

    if rise is not None:
        assert amount(ws[party] + int(rise)) != own
        assert amount(ws[party] + int(rise) - 1) == own
    if fall is not None:
        assert amount(ws[party] - int(fall)) != own
        assert amount(ws[party] - int(fall) + 1) == own
    else:
        assert amount(0) == own


# ---- margins against their definition -----------------------------------------


def margins_by_definition(weights: Sequence[Fraction | int], units: int, method: str, party: int) -> Margins:
    """A party's margins as defined: apportion again for every weight tried, the others unchanged.

    The fall is the smallest decrease and the rise the smallest increase of the
    party's (scaled) weight that changes its units, found by galloping and
    bisection, which is exact because a party's units never fall when only its
    own weight rises (tested above). Slow, and the oracle for the fast margins.
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
        fall = first_change(lambda step: units_with(own - step) != current, own)
    rise = None
    if current < units:
        # Enough weight takes every unit; searching up to there always ends.
        ceiling = (sum(scaled) + 1) * (units + 1)
        rise = first_change(lambda step: units_with(own + step) != current, ceiling)
    return (Fraction(fall, scale) if fall is not None else None,
            Fraction(rise, scale) if rise is not None else None)


def first_change(changed: Callable[[int], bool], limit: int) -> int | None:
    """The smallest step in 1..limit for which `changed(step)` holds (it is monotone), or None."""
    step = 1
    while step < limit and not changed(step):
        step *= 2
    high = min(step, limit)
    if not changed(high):
        return None
    low = step // 2  # known not to change (or 0)
    while high - low > 1:
        middle = (low + high) // 2
        if changed(middle):
            high = middle
        else:
            low = middle
    return high


@st.composite
def weights_with_ties(draw: st.DrawFn) -> list[int]:
    """1 to 12 weights from 0 to 10,000, often equal to each other, often zero, never all zero."""
    pool = draw(st.lists(st.integers(0, 10_000), min_size=1, max_size=3))
    weight = st.one_of(st.sampled_from(pool), st.integers(0, 10_000), st.integers(0, 20))
    return draw(st.lists(weight, min_size=1, max_size=12).filter(any))


# Mostly few units, as the oracle needs them; sometimes many, where one step
# of weight moves a party past several claims at once.
margin_units = st.one_of(st.integers(0, 60), st.integers(0, 5_000))


@given(weights_with_ties(), margin_units, methods)
def test_every_partys_margins_are_those_of_the_definition(ws: list[int], n: int, method: str) -> None:
    expected = [margins_by_definition(ws, n, method, party) for party in range(len(ws))]
    assert all_margins(ws, n, method) == expected


@given(weights_with_ties(), st.integers(1, 7), st.integers(0, 60), methods)
def test_margins_of_fractional_weights_are_in_their_own_steps(
        ws: list[int], denominator: int, n: int, method: str) -> None:
    fractional = [Fraction(w, denominator) for w in ws]
    expected = [margins_by_definition(fractional, n, method, party) for party in range(len(ws))]
    assert all_margins(fractional, n, method) == expected


@given(weights_with_ties(), margin_units, methods, st.data())
def test_margins_of_one_party_are_its_entry_in_all_margins(
        ws: list[int], n: int, method: str, data: st.DataObject) -> None:
    party = data.draw(st.integers(0, len(ws) - 1))
    assert margins_of(ws, n, method, party) == all_margins(ws, n, method)[party]


@given(weights_with_ties(), margin_units, st.data())
def test_largest_remainder_counts_of_beating_claims_say_who_gets_a_unit(
        ws: list[int], n: int, data: st.DataObject) -> None:
    # Both ways of counting the claims that beat a party's, near the split and
    # in full, against apportioning with the party's trial weight.
    assume(n > 0)
    party = data.draw(st.integers(0, len(ws) - 1))
    claim = data.draw(st.integers(1, n))
    weight = data.draw(st.one_of(st.integers(0, 2 * max(ws) + 2), st.integers(max(0, ws[party] - 50),
                                                                                ws[party] + 50)))
    assume(sum(ws) - ws[party] + weight > 0)
    claims = Claims(ws, n)
    trial = ws[:]
    trial[party] = weight
    gets_it = apportion(trial, n, LARGEST_REMAINDER).units[party] >= claim
    in_full = claims._beating_in_full(party, claim, weight)
    assert (in_full <= n - claim) == gets_it
    near = claims._beating_near(party, claim, weight)
    assert near is None or near == in_full


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("ws", "n"), [
    ([5, 5], 1),                      # a tie decides the only unit
    ([1, 1, 1], 2),                   # three equal claims, two units
    ([1, 3], 2),                      # equal remainders, the larger weight wins
    ([7], 5),                         # alone: every unit, a fall of all its weight
    ([0, 4, 0], 3),                   # parties of weight zero
    ([10_000, 1], 60),                # one party far larger than the other
    ([3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2], 7),
])
def test_margins_of_chosen_cases_are_those_of_the_definition(ws: list[int], n: int, method: str) -> None:
    assert all_margins(ws, n, method) == [margins_by_definition(ws, n, method, p) for p in range(len(ws))]


def test_margins_of_forty_parties_are_those_of_the_definition() -> None:
    # Many parties and many units: the others' claims move and reorder while
    # one weight changes, which small examples rarely show.
    ws = [(i * 7919) % 19_001 + 1_000 for i in range(40)]
    for method in METHODS:
        for n in (1374, 16_488):
            fast = all_margins(ws, n, method)
            for party in range(0, 40, 3):
                assert fast[party] == margins_by_definition(ws, n, method, party), (method, n, party)


# ---- against an independent implementation ------------------------------------

apportionment = pytest.importorskip("apportionment.methods")
THEIRS = {LARGEST_REMAINDER: "hamilton", SAINTE_LAGUE: "saintelague", DHONDT: "dhondt"}


@given(st.lists(st.integers(1, 100_000), min_size=2, max_size=10), st.integers(1, 300), methods)
def test_agrees_with_the_apportionment_package_when_there_is_no_tie(
        ws: list[int], n: int, method: str) -> None:
    ours = apportion(ws, n, method)
    assume(not ours.tied)
    try:
        theirs = apportionment.compute(THEIRS[method], ws, n, fractions=True, tiesallowed=False)
    except apportionment.TiesException:
        assume(False)
    assert list(ours.units) == list(theirs)


# ---- the tie rule -------------------------------------------------------------


def test_ties_go_to_the_larger_weight_then_to_the_party_written_first() -> None:
    # 2 units over weights 1, 1, 1: all remainders equal, the first two win.
    assert apportion([1, 1, 1], 2).units == (1, 1, 0)
    assert apportion([1, 1, 1], 2).tied == frozenset({0, 1, 2})
    # Quotas 1/2 and 3/2: equal remainders, different weights; the larger weight wins.
    assert apportion([1, 3], 2, LARGEST_REMAINDER).units == (0, 2)
    assert apportion([3, 1], 2, LARGEST_REMAINDER).units == (2, 0)
    for method in (SAINTE_LAGUE, DHONDT):
        assert apportion([5, 5], 1, method).units == (1, 0)
        assert apportion([5, 5], 1, method).tied == frozenset({0, 1})


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("pattern", ["spread", "equal", "two sizes", "one giant"])
def test_margins_for_the_documented_limit_of_parties_take_well_under_a_second(
        method: str, pattern: str) -> None:
    import random
    import time

    from resultkontrakt.split.allocation import MARGINS_UP_TO, all_margins

    chance = random.Random(7)
    weight = {"spread": lambda i: chance.randint(1_000, 200_000), "equal": lambda i: 7,
              "two sizes": lambda i: 10**8 if i % 2 else 3, "one giant": lambda i: 10**9 if i == 0 else 1}
    weights = [weight[pattern](i) for i in range(MARGINS_UP_TO)]
    started = time.perf_counter()
    margins = all_margins(weights, 1374, method)
    assert time.perf_counter() - started < 10  # loose, for a busy machine: the benchmark has the figure
    assert len(margins) == MARGINS_UP_TO and all(fall is None or fall > 0 for fall, _ in margins)
