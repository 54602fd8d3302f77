"""The quick ways evaluation takes agree with the general ways they stand in for.

Facts are read at once where they are given as most are (coerce.reader, supplied.Readers),
quantities compared on whole numerators and denominators (runtime.COMPARE_ONE), and sums
and weighted means reduced once at the end (values.exact_sum, values.weighted_mean): each
property draws values at and around the bounds and thresholds and holds the quick way to
the plain one, exactly, errors included.
"""

from __future__ import annotations

import functools
import operator
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.core.values import (
    LIST,
    MONEY,
    NUMBER,
    PERCENT,
    T_MONEY,
    T_PERCENT,
    JsonNumber,
    Type,
    exact_sum,
    list_of,
    money_in,
    weighted_mean,
)
from resultkontrakt.facts.coerce import Bounds, Invalid, coerce, reader
from resultkontrakt.facts.supplied import NO_READERS, Readers, check_facts
from resultkontrakt.language import syntax as s
from resultkontrakt.semantics.runtime import COMPARE_ONE, arithmetic, compared_with
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
