"""Properties of apportionment, for every method, on generated weights."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from resultkontrakt.split import (
    DHONDT, LARGEST_REMAINDER, METHODS, SAINTE_LAGUE, apportion, margins_of,
)

weights = st.lists(st.integers(0, 10_000), min_size=1, max_size=12).filter(lambda ws: sum(ws) > 0)
units = st.integers(0, 500)
methods = st.sampled_from(METHODS)


@given(weights, units, methods)
def test_amounts_add_up_to_the_total_exactly(ws, n, method):
    assert sum(apportion(ws, n, method).units) == n


@given(weights, units, methods, st.randoms(use_true_random=False))
def test_the_order_parties_are_written_in_changes_nothing_but_ties(ws, n, method, random):
    result = apportion(ws, n, method)
    order = list(range(len(ws)))
    random.shuffle(order)
    shuffled = apportion([ws[i] for i in order], n, method)
    for new_place, old_place in enumerate(order):
        if old_place not in result.tied:
            assert shuffled.units[new_place] == result.units[old_place]


@given(weights, units, methods, st.integers(2, 50))
def test_scaling_every_weight_by_the_same_factor_changes_nothing(ws, n, method, factor):
    assert apportion([w * factor for w in ws], n, method) == apportion(ws, n, method)
    assert apportion([Fraction(w, factor) for w in ws], n, method) == apportion(ws, n, method)


@given(weights, units)
def test_a_weight_of_zero_gets_zero_under_largest_remainder(ws, n):
    result = apportion(ws, n, LARGEST_REMAINDER)
    for w, amount in zip(ws, result.units):
        if w == 0:
            assert amount == 0


@given(weights, units)
def test_largest_remainder_gives_the_floor_or_the_ceiling_of_the_quota(ws, n):
    total = sum(ws)
    for w, amount in zip(ws, apportion(ws, n, LARGEST_REMAINDER).units):
        quota = Fraction(n * w, total)
        assert math.floor(quota) <= amount <= math.ceil(quota)


@given(weights, units, methods, st.data())
def test_a_party_whose_weight_grows_never_gets_less(ws, n, method, data):
    party = data.draw(st.integers(0, len(ws) - 1))
    growth = data.draw(st.integers(1, 5_000))
    grown = ws[:]
    grown[party] += growth
    assert apportion(grown, n, method).units[party] >= apportion(ws, n, method).units[party]


@given(weights.filter(lambda ws: len(ws) >= 2), st.integers(1, 200), methods, st.data())
def test_margins_are_the_smallest_change_that_changes_the_amount(ws, n, method, data):
    party = data.draw(st.integers(0, len(ws) - 1))
    fall, rise = margins_of(ws, n, method, party)
    own = apportion(ws, n, method).units[party]

    def amount(weight):
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


# ---- against an independent implementation ------------------------------------

apportionment = pytest.importorskip("apportionment.methods")
THEIRS = {LARGEST_REMAINDER: "hamilton", SAINTE_LAGUE: "saintelague", DHONDT: "dhondt"}


@given(st.lists(st.integers(1, 100_000), min_size=2, max_size=10), st.integers(1, 300), methods)
def test_agrees_with_the_apportionment_package_when_there_is_no_tie(ws, n, method):
    ours = apportion(ws, n, method)
    assume(not ours.tied)
    try:
        theirs = apportionment.compute(THEIRS[method], ws, n, fractions=True, tiesallowed=False)
    except apportionment.TiesException:
        assume(False)
    assert list(ours.units) == list(theirs)


# ---- the tie rule -------------------------------------------------------------


def test_ties_go_to_the_larger_weight_then_to_the_party_written_first():
    # 2 units over weights 1, 1, 1: all remainders equal, the first two win.
    assert apportion([1, 1, 1], 2).units == (1, 1, 0)
    assert apportion([1, 1, 1], 2).tied == frozenset({0, 1, 2})
    # Quotas 1/2 and 3/2: equal remainders, different weights; the larger weight wins.
    assert apportion([1, 3], 2, LARGEST_REMAINDER).units == (0, 2)
    assert apportion([3, 1], 2, LARGEST_REMAINDER).units == (2, 0)
    for method in (SAINTE_LAGUE, DHONDT):
        assert apportion([5, 5], 1, method).units == (1, 0)
        assert apportion([5, 5], 1, method).tied == frozenset({0, 1})
