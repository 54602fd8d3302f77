"""Properties of the contract family's arithmetic: points, percents of quantities, computed
split totals, calendar months, follow-up on the period's last day, and the distance to the
next tier. Each is checked against the evaluation of a real contract, or of the tiers."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from fractions import Fraction

from hypothesis import assume, given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.core.values import CalendarSpan, add_to_date
from resultkontrakt.semantics.distance import fulfilment_at, moves

decimals = st.decimals(min_value=-10**6, max_value=10**6, places=3, allow_nan=False, allow_infinity=False)
shares = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 100)), min_size=1, max_size=6))
def test_points_are_the_sum_of_the_goals_points(goals: list[tuple[int, int]]) -> None:
    text = "".join(f'fact v{i}: number\ngoal {i} "g" {{ weight {w} score v{i} >= 50 -> 100%; '
                   f'>= 25 -> 50% }}\n' for i, (w, _) in enumerate(goals))
    text += "payment p = points * 1 kr\n"
    contract = rk.loads(text)
    result = contract.evaluate({f"v{i}": v for i, (_, v) in enumerate(goals)})
    expected = sum((w * (Fraction(1) if v >= 50 else Fraction(1, 2) if v >= 25 else 0)
                    for w, v in goals), Fraction(0))
    assert result.points == expected == sum(g.points or 0 for g in result.goals.values())
    assert result.payments["p"].amount == expected
    assert result.points_possible == sum(w for w, _ in goals)


@given(shares, decimals)
def test_a_percent_of_a_quantity_is_the_quantity_times_the_share(percent: Decimal, amount: Decimal) -> None:
    contract = rk.loads("fact p: percent\nfact x: money\nfact n: number\n"
                        'goal 1 "g" { score p of n >= 0 and p of p >= 0% -> 100% }\n'
                        "payment of_money = p of x\npayment of_number = (p of n) * 1 kr\n"
                        "payment of_percent = (p of p) * 100 kr\n")
    share = Fraction(percent) / 100
    # JSON numbers are read as the decimals they are written as.
    result = contract.evaluate(rk.loads_facts(f'{{"p": "{percent}%", "x": {amount}, "n": {amount}}}'))
    assert result.payments["of_money"].amount == Fraction(amount) * share
    assert result.payments["of_number"].amount == Fraction(amount) * share
    assert result.payments["of_percent"].amount == share * share * 100


@given(st.integers(0, 10**9), st.lists(st.integers(0, 10**6), min_size=1, max_size=8))
def test_a_split_of_a_computed_total_adds_up_to_it(total: int, weights: list[int]) -> None:
    assume(any(weights))
    parties = " ".join(f"p{i} {w}" for i, w in enumerate(weights))
    contract = rk.loads(f"fact beløb: money\npayment udbetaling = beløb\n"
                        f"split s {{ total udbetaling\n shares {{ {parties} }} }}\n")
    result = contract.evaluate({"beløb": total})
    allocation = result.splits["s"].allocation
    assert allocation is not None
    assert sum(allocation.values()) == total
    assert all(amount >= 0 for amount in allocation.values())


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(-1200, 1200))
def test_adding_months_never_goes_past_the_months_end(day: dt.date, months: int) -> None:
    moved = add_to_date(day, CalendarSpan(months, "months"))
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == min(day.day, calendar.monthrange(moved.year, moved.month)[1])
    years = add_to_date(day, CalendarSpan(months // 12, "years"))
    assert years == add_to_date(day, CalendarSpan(months // 12 * 12, "months"))


CONTRACT = rk.loads("""
contract "Opfølgning" { period 2019-01-01 .. 2019-12-31 }
fact nps: number
fact første: date
goal 1 "NPS" { score nps >= 60 -> 100%; >= 50 -> 50% }
goal 2 "Leverancer" {
    deliverable strategi "Strategi" due 2019-06-30
    deliverable måling "Måling" due første + 6 months
    deliverable rapport "Rapport"
    score all(deliverables) -> 100%; count(deliverables) >= 2 -> 50%
}
""")
# Delivered by the period's last day, late or not: on that day every delivery is known.
delivered = st.one_of(st.booleans(), st.dates(min_value=dt.date(2019, 1, 1),
                                               max_value=dt.date(2019, 12, 31)).map(str))


@given(st.integers(-100, 100), st.dates(min_value=dt.date(2018, 1, 1), max_value=dt.date(2019, 6, 30)),
       delivered, delivered, delivered)
def test_as_of_the_periods_last_day_is_as_after_the_period_when_nothing_is_missing(
        nps: int, first: dt.date, strategi: object, måling: object, rapport: object) -> None:
    # A deliverable reported not done is missing on the last day (its due day may be that day).
    assume(all(value is not False for value in (strategi, måling, rapport)))
    facts = {"nps": nps, "første": str(first), "strategi": strategi, "måling": måling, "rapport": rapport}
    after = CONTRACT.evaluate(facts)
    on_the_day = CONTRACT.evaluate(facts, as_of=dt.date(2019, 12, 31))
    assert {g.id: (g.status, g.fulfilment) for g in on_the_day.goals.values()} == {
        g.id: (g.status, g.fulfilment) for g in after.goals.values()}


tiers = st.lists(st.tuples(st.sampled_from([">=", ">", "<=", "<"]),
                           st.integers(-20, 20).map(Fraction),
                           st.sampled_from([Fraction(0), Fraction(1, 4), Fraction(1, 2), Fraction(1)])),
                 min_size=1, max_size=4)


@given(tiers, st.sampled_from([Fraction(0), Fraction(1, 4)]), st.integers(-25, 25).map(Fraction),
       st.sampled_from([Fraction(1, 1000), Fraction(1, 2)]))
def test_moving_the_subject_by_its_distance_reaches_the_next_tier_and_less_does_not(
        written: list[tuple[str, Fraction, Fraction]], otherwise: Fraction, value: Fraction,
        less: Fraction) -> None:
    now = fulfilment_at(written, otherwise, (value, 0))
    better, worse = moves(written, otherwise, value)
    for move, gains in ((better, True), (worse, False)):
        if move is None:
            # No move in either direction changes it that way: check the thresholds around.
            for _, threshold, _ in written:
                for side in (-1, 0, 1):
                    reached = fulfilment_at(written, otherwise, (threshold, side))
                    assert (reached <= now) if gains else (reached >= now)
            continue
        step = move.by + (less if move.beyond else 0)  # past a strict threshold, by a little
        reached = fulfilment_at(written, otherwise, (value + move.direction * step, 0))
        assert reached == move.fulfilment
        assert (reached > now) if gains else (reached < now)
        # Any smaller move, either way (and, past a strict threshold, one exactly that far): not yet.
        enough = move.by if move.beyond else move.by - min(less, move.by)
        for gone in (enough, enough / 2):
            for direction in (1, -1):
                before = fulfilment_at(written, otherwise, (value + direction * gone, 0))
                assert (before <= now) if gains else (before >= now), (gone, direction, before)


thresholds = st.lists(st.tuples(st.sampled_from([">=", ">", "<=", "<"]),
                                st.integers(-40, 40).map(lambda n: Fraction(n, 4)),
                                st.sampled_from([Fraction(0), Fraction(1, 4), Fraction(1, 2), Fraction(1)])),
                      min_size=1, max_size=4)


@given(thresholds, st.sampled_from([Fraction(0), Fraction(1, 4)]), st.integers(-12, 12))
def test_a_whole_subject_moves_in_whole_steps_to_the_tier_it_names(
        written: list[tuple[str, Fraction, Fraction]], otherwise: Fraction, whole: int) -> None:
    value = Fraction(whole)
    now = fulfilment_at(written, otherwise, (value, 0))
    for move, gains in zip(moves(written, otherwise, value, Fraction(1)), (True, False), strict=True):
        if move is None:  # no whole value within reach of every threshold changes it that way
            for k in range(-20, 21):
                reached = fulfilment_at(written, otherwise, (value + k, 0))
                assert (reached <= now) if gains else (reached >= now)
            continue
        assert move.by.denominator == 1 and not move.beyond
        assert move.to == value + move.direction * move.by
        assert fulfilment_at(written, otherwise, (move.to, 0)) == move.fulfilment
        assert (move.fulfilment > now) if gains else (move.fulfilment < now)
        for k in range(1, int(move.by)):  # no whole value nearer, either way, does it
            for direction in (1, -1):
                reached = fulfilment_at(written, otherwise, (value + direction * k, 0))
                assert (reached <= now) if gains else (reached >= now)


def _changed(before: tuple[int, int, int], after: tuple[int, int, int]) -> int:
    """How many answers must change for counts of (9-10, 7-8, 0-6) to become `after`."""
    return sum(before) - sum(min(a, b) for a, b in zip(before, after, strict=True))


@given(st.tuples(st.integers(0, 5), st.integers(0, 5), st.integers(0, 5)).filter(lambda c: sum(c) > 0),
       st.lists(st.integers(-19, 19).map(lambda n: Fraction(5 * n)), min_size=1, max_size=3, unique=True))
def test_an_nps_names_the_tier_whole_answers_reach_and_how_many(
        counts: tuple[int, int, int], thresholds: list[Fraction]) -> None:
    promoters, passives, detractors = counts
    # Rising tiers, as contracts write them: the highest threshold gives the most.
    written = zip(sorted(thresholds, reverse=True), (100, 50, 25), strict=False)
    tiers = "; ".join(f"nps(svar) >= {threshold} -> {fulfilment}%" for threshold, fulfilment in written)
    contract = rk.loads(f'fact svar: list of integer in 0 .. 10\ngoal 1 "g" {{ score {tiers} }}\n')
    goal = contract.evaluate({"svar": [10] * promoters + [8] * passives + [0] * detractors}).goals["1"]
    distance = goal.distance
    assert distance is not None and goal.fulfilment is not None
    n = sum(counts)
    every = [(p, pa, n - p - pa) for p in range(n + 1) for pa in range(n + 1 - p)]

    def fulfilment(c: tuple[int, int, int]) -> Fraction:
        return fulfilment_at(distance.tiers, distance.otherwise, (Fraction(100 * (c[0] - c[2]), n), 0))

    for move, gains in ((distance.better, True), (distance.worse, False)):
        if move is None or move.answers is None:
            continue
        # The fewest answers that change the result that way, and what the move says they give.
        changes = [c for c in every if (fulfilment(c) > goal.fulfilment if gains else fulfilment(c) < goal.fulfilment)]
        assert min(_changed(counts, c) for c in changes) == move.answers
        said = move.by_answers if move.by_answers is not None else move.fulfilment
        assert any(_changed(counts, c) == move.answers and fulfilment(c) == said for c in changes)
        if move.by_answers is not None:  # the tier named cannot be reached with n answers at all
            assert all(fulfilment(c) != move.fulfilment for c in every)
