"""The quick ways evaluation takes agree with the general ways they stand in for.

Facts are read at once where they are given as most are (coerce.reader, supplied.Readers),
answers on a small scale counted as bytes (coerce.tally_reader), quantities compared on whole
numerators and denominators (runtime.COMPARE_ONE), the tiers of a goal compared with their
written thresholds from their parts (evaluate.Against), answers tested against a whole
threshold as an int, and sums and weighted means reduced once at the end (values.exact_sum,
values.weighted_mean): each property draws values at and around the bounds and thresholds and
holds the quick way to the plain one, exactly, errors included.
"""

from __future__ import annotations

import copy
import functools
import itertools
import operator
from collections import Counter
from fractions import Fraction
from typing import Any, cast

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from six_goals import SIX_FACTS, SIX_GOALS

import resultkontrakt as rk
from resultkontrakt.core.values import (
    LIST,
    MONEY,
    NUMBER,
    PERCENT,
    T_MONEY,
    T_PERCENT,
    JsonNumber,
    Tallied,
    Type,
    exact_sum,
    list_of,
    money_in,
    weighted_mean,
)
from resultkontrakt.evaluation.evaluate import Plans, compiler_for
from resultkontrakt.facts.coerce import MAX_BYTE_VALUES, Bounds, Invalid, coerce, reader, tally, tally_reader
from resultkontrakt.facts.supplied import NO_READERS, Readers, check_facts
from resultkontrakt.language import syntax as s
from resultkontrakt.semantics.evidence import Compared, ShareCounts, TierTried
from resultkontrakt.semantics.functions import FUNCTIONS, Counted
from resultkontrakt.semantics.runtime import COMPARE_ONE, MAX_BITS, arithmetic, compared_with
from resultkontrakt.semantics.status import Failed

from .conftest import DEEP, SOMEWHERE

T_WHOLE = Type(NUMBER, integer=True)
TYPES = {"integer": T_WHOLE, "percent": T_PERCENT, "money": T_MONEY, "euros": money_in("EUR"),
         "answers": list_of(T_WHOLE)}

# Bounds a contract writes: whole or not, around the values drawn below.
bounds = st.none() | st.tuples(st.integers(-300, 300), st.integers(1, 4), st.integers(0, 600), st.integers(1, 4)).map(
    lambda b: (Fraction(b[0], b[1]), Fraction(b[0], b[1]) + Fraction(b[2], b[3])))
digits = st.text("0123456789", min_size=1, max_size=4)
# Texts like those facts give, and near misses: signs, three decimals, spaces, other units.
number_texts = st.builds(lambda sign, whole, sep, decimals: sign + whole + (sep + decimals if sep else ""),
                         st.sampled_from(["", "", "-", "+"]), digits, st.sampled_from(["", "", ".", ",", ";"]),
                         st.text("0123456789", min_size=1, max_size=4))
units = st.sampled_from(["%", " %", "  %", "% ", "kr", " kr", " tkr", " mio kr", " mio  kr", " EUR", " mio EUR",
                         " DKK", " USD", " kroner", ""])
# A facts file's numbers are kept as the text they are written as (JsonNumber).
written = st.from_regex(r"-?[0-9]{1,20}(\.[0-9])?", fullmatch=True).map(JsonNumber)
raw_values = (st.integers(-1000, 1000) | written | st.sampled_from([2**332, -(2**332), 2**333, True, False, None])
              | st.builds(lambda n, u: n + u, number_texts, units) | st.text(max_size=6)
              | st.lists(st.integers(-2, 12) | st.sampled_from([True, "7", None, JsonNumber("7")]), max_size=12)
              | st.fractions(max_denominator=7))


def general(type_: Type, raw: object, limits: Bounds) -> object:
    """What coerce makes of a raw value: its value, or the problem's code, path and params."""
    try:
        return coerce(type_, raw, limits)
    except Invalid as exc:
        return ("invalid", exc.code, exc.path, exc.params)


@given(st.sampled_from(sorted(TYPES)), raw_values, bounds)
def test_a_reader_reads_as_coerce_does(kind: str, raw: object, limits: Bounds) -> None:
    """Where a fact's reader takes a value, coerce makes the same of it, of the same type; what
    the reader leaves is coerce's to read (and to refuse)."""
    type_ = TYPES[kind]
    read = reader(type_, limits)
    assert read is not None
    quick = read(raw)
    if quick is not None:
        plain = general(type_, raw, limits)
        assert quick == plain and type(quick) is type(plain)


@pytest.mark.parametrize(("kind", "raw", "limits", "value"), [
    ("percent", "60%", (Fraction(0), Fraction(3, 5)), Fraction(3, 5)),  # at the bound: inside it
    ("percent", "60.01%", (Fraction(0), Fraction(3, 5)), None),  # past it: coerce says so
    ("percent", "100%", None, Fraction(1)),
    ("percent", "100,01%", None, None),
    ("percent", "7,5 %", None, Fraction(3, 40)),
    ("percent", "7.500%", None, None),  # two readings: coerce asks which
    ("money", "16 mio kr", None, Fraction(16_000_000)),
    ("money", "15,5 tkr", None, Fraction(15_500)),
    ("money", "16.488 tkr", None, None),
    ("money", "5 EUR", None, None),  # another currency: coerce refuses it
    ("euros", "5 mio EUR", None, Fraction(5_000_000)),
    ("integer", 10, (Fraction(0), Fraction(10)), 10),
    ("integer", 11, (Fraction(0), Fraction(10)), None),
    ("integer", True, None, None),
    ("integer", JsonNumber("125"), None, 125),
    ("integer", JsonNumber("1.0"), None, None),
    ("answers", [0, 10, 9], (Fraction(0), Fraction(10)), (0, 10, 9)),
    ("answers", [0, 11], (Fraction(0), Fraction(10)), None),
    ("answers", [1, True], None, None),
])
def test_a_reader_at_its_edges(kind: str, raw: object, limits: Bounds, value: object) -> None:
    read = reader(TYPES[kind], limits)
    assert read is not None
    assert read(raw) == value


@pytest.mark.parametrize(("kind", "text", "value"), [
    ("percent", "0" * 70 + "50%", Fraction(1, 2)),
    ("money", "0" * 70 + "16 mio kr", Fraction(16_000_000)),
    ("money", "1" * 90 + " kr", Fraction(int("1" * 90))),
])
def test_a_long_text_is_left_to_coerce_and_read_as_it_reads_it(kind: str, text: str, value: Fraction) -> None:
    """The quick readers keep what they read of short texts only: a long one (a stranger's
    megabyte would be kept with it) is coerce's to read, and means what it means there."""
    read = reader(TYPES[kind], None)
    assert read is not None
    assert read(text) is None
    assert general(TYPES[kind], text, None) == value


CONTRACT = rk.loads("""
fact svar: list of integer in 0 .. 10
fact besøg: integer in 0 .. 1000
fact admin: percent in 0% .. 60%
fact udgifter: money
fact navn: text
goal 1 "Svar" { score nps(svar) >= 60 -> 100%; >= 50 -> 50% }
goal 2 "Besøg" { score besøg >= 150 -> 100%; admin <= 8% -> 50% }
goal 3 "Leverancer" {
    deliverable strategi "Strategi" due 2019-12-31
    deliverable rapport "Rapport"
    score all(deliverables) -> 100%
}
goal 4 "Forbrug" { score udgifter <= 15.5 mio kr -> 100% }
""", source="<fast>")
READERS = Readers.of(CONTRACT.analysis.facts, CONTRACT.analysis.deliverables)
days = st.dates().map(str) | st.sampled_from(["2019-02-30", "2019-12-31", "2020-01-01", " 2019-12-31", "31-12-2019"])
facts = st.fixed_dictionaries({}, optional={
    "svar": raw_values, "besøg": raw_values, "admin": raw_values, "udgifter": raw_values, "navn": raw_values,
    "strategi": days | raw_values, "rapport": st.booleans() | days | raw_values, "besøgg": raw_values})


@given(facts)
def test_facts_read_at_once_are_the_facts_checked(given_facts: dict[str, object]) -> None:
    """The facts checked with readers are the facts checked without: values, deliverables,
    problems and their places; and the evaluation says the same."""
    analysis = CONTRACT.analysis
    quick = check_facts(given_facts, analysis.facts, analysis.deliverables, readers=READERS)
    plain = check_facts(given_facts, analysis.facts, analysis.deliverables, readers=NO_READERS)
    assert quick == plain
    assert {k: type(v) for k, v in quick.values.items()} == {k: type(v) for k, v in plain.values.items()}
    if DEEP:  # evaluation reads nothing else than the facts checked: the same, said the same
        assert CONTRACT.evaluate(quick).to_dict() == CONTRACT.evaluate(plain).to_dict()


quantities = (st.integers(-200, 200) | st.fractions(min_value=-200, max_value=200, max_denominator=12)
              | st.sampled_from([Fraction(60), 60, Fraction(3, 5), Fraction(119, 2), Fraction(121, 2)]))
OPERATORS = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt, "=": operator.eq,
             "!=": operator.ne}


@given(quantities, quantities, st.sampled_from(sorted(OPERATORS)))
def test_comparing_quantities_quickly_is_comparing_them(left: Fraction | int, right: Fraction | int, op: str) -> None:
    assert COMPARE_ONE[op](left, right) is OPERATORS[op](left, right)
    assert compared_with(op, right)(left) is OPERATORS[op](left, right)  # a threshold written in the contract


@given(st.integers(-10**40, 10**40), st.integers(1, 10**40), st.sampled_from(sorted(OPERATORS)))
def test_comparing_at_a_threshold(numerator: int, denominator: int, op: str) -> None:
    """A value at a threshold, one part in its denominator either side, and written as an int
    where it is whole (NPS exactly 60 against 60, 60.0 and 3/5 of 100)."""
    threshold = Fraction(numerator, denominator)
    for value in (threshold, threshold - Fraction(1, denominator), threshold + Fraction(1, denominator)):
        for a in (value, value.numerator if value.denominator == 1 else value):
            for b in (threshold, threshold.numerator if threshold.denominator == 1 else threshold):
                assert COMPARE_ONE[op](a, b) is OPERATORS[op](a, b)
                assert compared_with(op, b)(a) is OPERATORS[op](a, b)
                assert COMPARE_ONE[op](b, a) is OPERATORS[op](b, a)


# Thresholds as a contract writes them, with their values; a subject drawn at and around them.
WRITTEN = {"60": Fraction(60), "59.5": Fraction(119, 2), "0.125": Fraction(1, 8), "-3": Fraction(-3), "8%": Fraction(2, 25)}


@functools.cache
def against_written(op: str, written: str) -> rk.Contract:
    kind = "percent" if written.endswith("%") else "number"
    return rk.loads(f'fact x: {kind}\ngoal 1 "g" {{ score x {op} {written} -> 100% }}')


@given(st.sampled_from(sorted(WRITTEN)), st.sampled_from(sorted(OPERATORS)),
       st.sampled_from([0, 1, -1]) | st.fractions(-1, 1, max_denominator=400), st.booleans())
def test_a_subject_against_a_written_threshold(written: str, op: str, off: Fraction | int, whole: bool) -> None:
    """A goal's tier compares its subject with the threshold's ratio taken once (evaluate.py
    `against_quantity`): the same as comparing the Fractions, at the threshold and either side,
    whether the fact is given as an int or a Fraction."""
    threshold = WRITTEN[written]
    value = threshold + (Fraction(off) / 20 if written.endswith("%") else off)  # a percent is a share, at most 100%
    given_as: Fraction | int = value.numerator if whole and value.denominator == 1 else value
    fulfilment = against_written(op, written).evaluate({"x": given_as}).goals["1"].fulfilment
    assert (fulfilment == 1) is OPERATORS[op](value, threshold)


REFERENCE = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}


@given(quantities | st.just(0), quantities | st.sampled_from([0, 1, Fraction(1)]), st.sampled_from(sorted(REFERENCE)))
def test_arithmetic_on_ratios_is_fractions_arithmetic(left: Fraction | int, right: Fraction | int, op: str) -> None:
    """runtime.arithmetic works on numerators and denominators: the same value and the same
    kind (whole numbers stay int, but for `/`) as Fraction's own operators, a zero divisor refused."""
    if op == "/" and right == 0:
        with pytest.raises(Failed):
            arithmetic(op, left, right, s.Number(Fraction(0), span=SOMEWHERE))
        return
    found = arithmetic(op, left, right, s.Number(Fraction(0), span=SOMEWHERE))
    expected = REFERENCE[op](Fraction(left) if op == "/" else left, right)
    assert found == expected
    assert type(found) is type(expected)


def test_kinds_without_a_reader() -> None:
    """Types with no quick way are coerce's alone."""
    assert reader(Type(NUMBER), None) is None
    assert reader(list_of(T_PERCENT), None) is None
    assert {LIST, MONEY, PERCENT} <= {t.kind for t in TYPES.values()}


EXACT = st.one_of(st.integers(-10**6, 10**6),
                  st.fractions(max_denominator=10**4), st.fractions(min_value=0, max_value=1, max_denominator=400))


@given(st.lists(EXACT, max_size=40))
def test_a_sum_reduced_once_is_the_sum_reduced_at_every_step(terms: list[Fraction | int]) -> None:
    total = exact_sum(terms)
    assert total == sum(terms, Fraction(0))
    assert type(total) is Fraction


@given(st.lists(st.tuples(st.one_of(st.integers(-5, 5), st.fractions(min_value=-5, max_value=5, max_denominator=8)),
                          EXACT), max_size=30))
def test_a_weighted_mean_is_the_weighted_sum_over_the_weights(pairs: list[tuple[Fraction | int, Fraction | int]]) -> None:
    weights = sum((w for w, _ in pairs), Fraction(0))
    expected = sum((w * v for w, v in pairs), Fraction(0)) / weights if weights else None
    assert weighted_mean(pairs) == expected


# ---- answers counted as bytes (coerce._small_answers_counted, _bytes_counted) -----------------

# Answers as lists give them, and what must not pass for one: true (which equals 1), numbers
# outside the scale or past a byte, texts, numbers that are not whole, and an int of another type.
answer_items = (st.integers(-3, 14) | st.sampled_from([True, False, 255, 256, 2**70, -(2**70), "7", None, 7.0,
                                                       Fraction(7), Fraction(15, 2)]))


class Answer(int):
    """An int of another type, as an enum's member is: not a plain answer."""


# Lists of whole numbers in bytes with more distinct values than are counted as bytes, and
# with as many (coerce.MAX_BYTE_VALUES): past it, they are counted by Counter.
many_values = st.integers(MAX_BYTE_VALUES - 2, MAX_BYTE_VALUES + 2).flatmap(
    lambda distinct: st.permutations(range(200, 200 + distinct)).flatmap(
        lambda values: st.lists(st.sampled_from(values), min_size=len(values), max_size=3 * len(values))
        .map(lambda more: list(values) + more)).flatmap(st.permutations))


@given(st.lists(answer_items, max_size=40) | st.lists(st.integers(0, 10), min_size=1, max_size=60) | many_values,
       st.sampled_from([(0, 10), (1, 5), (0, 0), (7, 7), (0, 31), (224, 255), (0, 255), (-5, 300), None]),
       st.booleans(), st.booleans())
@example([3, 1, 3, 2, 300], None, False, False)  # past a byte: counted by Counter
@example([3, 1, 3, 2], (-5, 300), True, False)  # in bytes on a wide scale: in the order first held
@example(list(range(MAX_BYTE_VALUES + 1)) * 2, None, False, False)  # too many to count as bytes
def test_answers_counted_as_bytes_are_the_answers_counted(items: list[object], scale: tuple[int, int] | None,
                                                          as_tuple: bool, odd: bool) -> None:
    """A list the contract only counts, read by its reader (as bytes on a small scale, or where
    its whole numbers fit in bytes), is the list checked answer by answer and counted: the same
    counts in the same order (the order the list first holds them: a test that fails on an
    answer fails on the same one), or the reader leaves it to the general way, which says what
    is wrong. On a wide scale or none, the numbers may be past a byte, below 0, or too many to
    count as bytes."""
    if odd and items:
        items = [Answer(item) if type(item) is int else item for item in items[:1]] + items[1:]
    raw: object = tuple(items) if as_tuple else items
    limits = None if scale is None else (Fraction(scale[0]), Fraction(scale[1]))
    type_ = list_of(T_WHOLE)
    read = tally_reader(type_, limits)
    assert read is not None
    quick = read(raw)
    plain = general(type_, raw, limits)
    refused = isinstance(plain, tuple) and plain[:1] == ("invalid",)
    if quick is not None:
        assert isinstance(quick, Tallied) and isinstance(plain, tuple) and not refused
        assert quick == Tallied.of(plain) and list(quick.counts.items()) == list(Counter(plain).items())
        assert {type(answer) for answer in quick.counts} <= {int}
    try:  # tally, the general way for a list only counted: the same, or the same problem
        found: object = tally(type_, raw, limits)
    except Invalid as exc:
        found = ("invalid", exc.code, exc.path, exc.params)
    assert found == (plain if refused else Tallied.of(plain))  # type: ignore[arg-type]
    if refused:  # the reader took nothing
        assert quick is None


# ---- tiers that compare one subject with written thresholds (evaluate.Against) ----------------


@functools.cache
def ladder(kind: str, first: str, second: str, op: str) -> tuple[rk.Contract, rk.Contract]:
    """Tiers that compare one subject with two written thresholds, a requirement and a junction
    that compare it too, as most goals are written; and the same checked the general way."""
    contract = rk.loads(f'''fact x: {kind}
fact y: integer
goal 1 "ladder" {{
    require x >= {second} or y > 0 "some"
    score x {op} {first} -> 100%; {op} {second} -> 50%; y >= 3 and x {op} {second} -> 25%
}}
''', source="<ladder>")
    return contract, in_general(contract)


def in_general(contract: rk.Contract) -> rk.Contract:
    """The same contract, its tiers checked each by its check (Plans.check_of), as before the
    tiers of a goal were compared in _score from their parts."""
    analysis = contract.analysis
    plans = Plans(analysis, compiler_for(analysis), against=False)
    return attrs.evolve(contract, analysis=attrs.evolve(analysis, cache={"plans": plans}))


@given(st.sampled_from(["number", "integer", "percent"]), st.sampled_from(sorted(OPERATORS)),
       st.sampled_from([(60, 50), (7, -3), (12.5, 0.5)]),
       st.sampled_from([0, 1, -1, Fraction(1, 2), Fraction(-1, 3)]), st.sampled_from([0, 1]), st.integers(-1, 4))
def test_tiers_against_written_thresholds_say_what_their_checks_say(
        kind: str, op: str, thresholds: tuple[float, float], off: Fraction | int, which: int, y: int) -> None:
    """A subject drawn on and around each threshold (an int where it is whole), compared in
    _score from the tiers' parts: the same fulfilment and the same evidence, word for word in
    English and Danish, as each tier's check closure gives."""
    high, low = (Fraction(str(t)) for t in thresholds)
    first, second = (low, high) if op in ("<", "<=") else (high, low)  # each tier takes values of its own
    if kind == "integer":
        first, second, off = Fraction(round(first)), Fraction(round(second)), round(off)
    unit = "%" if kind == "percent" else ""
    written = [f"{t.numerator if t.denominator == 1 else float(t)}{unit}" for t in (first, second)]
    contract, general_way = ladder(kind, *written, op)
    value = ((first, second)[which] + off) / (100 if unit else 1)
    given_as: Fraction | int = value.numerator if value.denominator == 1 else value
    facts = {"x": given_as, "y": y}
    quick, plain = contract.evaluate(facts), general_way.evaluate(facts)
    assert quick.goals["1"].fulfilment == plain.goals["1"].fulfilment
    assert quick.goals["1"].steps == plain.goals["1"].steps
    for language in ("en", "da"):
        assert quick.to_dict(language) == plain.to_dict(language)
        assert quick.explain(language) == plain.explain(language)


# ---- a share's test against a whole threshold, as an int (compile._predicate) ------------------


@functools.cache
def share_of(kind: str, op: str, threshold: str, flipped: bool = False) -> rk.Contract:
    test = f"{threshold} {op} a" if flipped else f"a {op} {threshold}"
    return rk.loads(f'fact xs: list of {kind}\nmetric s = share(a in xs where {test})\n'
                    'goal 1 "s" { score s >= 50% -> 100% }')


@given(st.sampled_from(["integer", "number"]), st.sampled_from(sorted(OPERATORS)), st.sampled_from(["9", "9.0", "0", "-2"]),
       st.lists(st.integers(-3, 12) | st.fractions(-3, 12, max_denominator=4), min_size=1, max_size=30),
       st.booleans())
def test_a_share_against_a_whole_threshold(kind: str, op: str, threshold: str, answers: list[Fraction | int],
                                           flipped: bool) -> None:
    """Each answer is tested against a whole threshold written as an int (`a >= 9`, or
    `9 <= a`), and the answers that pass are counted in a generator with the comparison written
    out (functions._PASSING): the share Fraction's own comparison gives, answers on the
    threshold included."""
    if kind == "integer":
        answers = [int(a) for a in answers]
    answers += [int(Fraction(threshold))]  # one exactly on it
    found = share_of(kind, op, threshold, flipped).evaluate({"xs": answers})
    passes = (lambda a: OPERATORS[op](Fraction(threshold), Fraction(a))) if flipped else \
        (lambda a: OPERATORS[op](Fraction(a), Fraction(threshold)))
    expected = Fraction(sum(1 for a in answers if passes(a)), len(answers))
    tried = found.goals["1"].steps[0]
    assert isinstance(tried, TierTried) and isinstance(tried.check, Compared)
    assert tried.check.left.value == expected


# ---- NPS and shares counted from a tally (functions._nps_in, _holding_in) -----------------------


@given(st.lists(st.integers(-2, 12) | st.sampled_from([True, False, Answer(9), Fraction(9)]), min_size=1, max_size=30))
def test_an_nps_finds_the_first_stray_answer(answers: list[Any]) -> None:
    """The answers 0-10 are told in C; where one is not (true, 11, -1), the first in the order
    the list holds them is named, as going through them one by one names it."""
    tally = Counter(answers)
    stray = next((a for a in tally if a not in range(11) or isinstance(a, bool)), None)
    here = s.Name("svar", span=SOMEWHERE)
    nps = FUNCTIONS["nps"].over_tally
    assert nps is not None
    if stray is not None:
        with pytest.raises(Failed) as failed:
            nps(tally, len(answers), None, here)
        assert failed.value.failure.params["answer"] is stray
        return
    promoters, detractors = sum(1 for a in answers if a >= 9), sum(1 for a in answers if a <= 6)
    found = nps(tally, len(answers), None, here)
    assert isinstance(found, Counted) and found.value == Fraction(100 * (promoters - detractors), len(answers))


@given(st.dictionaries(st.integers(-5, 5), st.integers(1, 9), min_size=1), st.integers(-5, 5))
def test_a_share_of_a_tally_tests_each_value_in_turn(counts: dict[int, int], breaks: int) -> None:
    """The values that hold counted with their counts; a test that fails fails on the first
    value it fails on, in the tally's order, as a loop over it fails."""
    tally = Counter(counts)
    tested: list[int] = []

    def test(value: int) -> bool:
        tested.append(value)
        if value == breaks:
            raise ZeroDivisionError(value)
        return value % 2 == 0

    expected: list[int] = list(itertools.takewhile(lambda v: v != breaks, tally)) + \
        ([breaks] if breaks in tally else [])
    count = FUNCTIONS["count"].over_tally
    assert count is not None
    here = s.Name("svar", span=SOMEWHERE)
    if breaks in tally:
        with pytest.raises(ZeroDivisionError):
            count(tally, sum(counts.values()), test, here)
        assert tested == expected
        return
    found = count(tally, sum(counts.values()), test, here)
    assert isinstance(found, Counted)
    held = sum(n for v, n in counts.items() if v % 2 == 0)
    assert (found.value, found.counts) == (held, ShareCounts(held, sum(counts.values())))


# ---- arithmetic past the bound (runtime._ratio) --------------------------------------------------


@given(st.integers(MAX_BITS - 3, MAX_BITS + 3), st.integers(MAX_BITS - 3, MAX_BITS + 3), st.sampled_from(sorted(REFERENCE)))
def test_arithmetic_near_the_bound_is_refused_as_bounded_refuses_it(top: int, bottom: int, op: str) -> None:
    """A result whose numerator or denominator needs more than MAX_BITS bits, reduced, is
    refused; one that needs no more is made, however large its terms were before reducing."""
    left, right = Fraction(2**top - 1, 3), Fraction(3, 2**bottom + 1)
    here = s.Number(Fraction(0), span=SOMEWHERE)
    expected = REFERENCE[op](left, right)
    fits = max(expected.numerator.bit_length(), expected.denominator.bit_length()) <= MAX_BITS
    if fits:
        assert arithmetic(op, left, right, here) == expected
    else:
        with pytest.raises(Failed) as failed:
            arithmetic(op, left, right, here)
        assert failed.value.failure.code == "too-large"


# ---- facts read at once, and a dict changed between evaluations ----------------------------------


@given(st.lists(st.sampled_from(["7.5%", "8%", "9.25%", "16 mio kr", "15.5 mio kr", "17.05 mio kr", "2019-12-31",
                                 "2020-01-01", "2019-02-30", True, 125, 99]), min_size=8, max_size=8))
def test_a_facts_dict_changed_between_evaluations_is_read_anew(values: list[object]) -> None:
    """Texts are read once and kept by their value, never facts by the dict they are in: a dict
    changed in place between two evaluations gives what a new dict of the same facts gives."""
    contract = rk.loads(SIX_GOALS)
    answers = list(cast("list[int]", SIX_FACTS["anbefaling"]))
    facts = dict(SIX_FACTS, anbefaling=answers)
    contract.evaluate(facts)
    names = ["admin", "udgifter", "budget", "strategi", "camp", "rapport", "besøg", "admin"]
    for name, value in zip(names, values, strict=True):
        facts[name] = value
    answers.append(10)
    again = contract.evaluate(facts)
    fresh = rk.loads(SIX_GOALS).evaluate(copy.deepcopy(facts))
    assert again.to_dict() == fresh.to_dict() and again.problems == fresh.problems
