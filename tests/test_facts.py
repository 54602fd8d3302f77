"""Reading facts: exact numbers, positions for errors, and checks against declarations."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from functools import partial
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.core.values import T_NUMBER, JsonNumber
from resultkontrakt.facts import coerce

CONTRACT = rk.loads('''
fact n: number in 0 .. 10
fact whole: integer
fact p: percent
fact m: money
fact flag: bool
fact day: date
fact label: text
goal all "uses every fact" {
    deliverable report "Report" due 2019-12-31
    score n >= 0 and whole >= 0 and p >= 0% and m >= 0 kr and (flag or not flag)
          and day >= 2019-01-01 and label != "" and report -> 100%
}
''')


def checked(**facts: object) -> rk.Evaluation:
    return CONTRACT.evaluate(facts)


def test_json_numbers_are_read_by_their_decimal_text() -> None:
    contract = rk.loads('fact n: number\ngoal 1 "n" { score n = 0.1 -> 100% }')
    assert contract.evaluate(rk.loads_facts('{"n": 0.1}')).goals["1"].status == "met"
    # As floats these two would be the same number; as decimals they differ.
    near = rk.loads_facts('{"n": 0.10000000000000001}')
    assert contract.evaluate(near).goals["1"].status == "not met"
    assert contract.evaluate(rk.loads_facts('{"n": 1e-1}')).goals["1"].status == "met"


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ('{"n": 1,\n "p": }', 2, 7, "malformed JSON"),
        ('[1, 2]', 1, 1, "one JSON object"),
        ('{"n": NaN}', 1, 7, "NaN"),
        ('{"n": Infinity}', 1, 7, "Infinity"),
        ('{"n": 1}\n{"p": 2}', 2, 1, "after the facts object"),
        ('{"n": 1, "n": 2}', 1, 10, "given twice"),
        ('{"n" 1}', 1, 6, "expected `:`"),
        ('', 1, 1, "one JSON object"),
    ],
)
def test_malformed_facts_files_say_where(text: str, line: int, column: int, words: str) -> None:
    with pytest.raises(rk.FactsError) as caught:
        rk.loads_facts(text, source="year.json")
    [problem] = caught.value.problems
    assert problem.span is not None
    assert (problem.span.source, problem.span.line, problem.span.column) == ("year.json", line, column)
    assert words in problem.message


def test_a_huge_exponent_is_refused_not_computed() -> None:
    facts = rk.loads_facts('{"n": 1e999999999}')
    result = CONTRACT.evaluate(facts)
    [problem] = result.errors
    assert "out of range" in problem.message


def test_values_are_checked_against_their_declarations() -> None:
    result = checked(n=11, whole=2.5, p="lots", m=True, flag="yes", day="31/12/2019", label=5,
                     report="maybe")
    messages = {p.message.split(":")[0]: p for p in result.errors}
    assert set(messages) == {"n", "whole", "p", "m", "flag", "day", "label", "report"}
    assert "outside its range 0 .. 10" in messages["n"].message
    assert "whole number" in messages["whole"].message
    assert result.goals["all"].status == "not evaluable"


def test_unknown_facts_are_errors_with_a_suggestion() -> None:
    result = checked(nn=1)
    [problem] = result.errors
    assert problem.message == "unknown fact `nn`"
    assert problem.hint == "did you mean `n`?"


def test_null_counts_as_missing() -> None:
    result = CONTRACT.evaluate(rk.loads_facts('{"n": null}'))
    assert "n" in result.goals["all"].missing
    assert not result.errors


@pytest.mark.parametrize(
    ("raw", "share"),
    [("72%", Fraction(72, 100)), ("72,5%", Fraction(725, 1000)), (" 7 % ", Fraction(7, 100)),
     (0.72, Fraction(72, 100)), (Decimal("0.725"), Fraction(725, 1000)), (1, Fraction(1)),
     (Fraction(1, 3), Fraction(1, 3)), ("-5%", Fraction(-5, 100))],
)
def test_percent_spellings(raw: object, share: Fraction) -> None:
    # The tier compares with the exact share, written as a fraction of percents.
    exact = f"{share.numerator * 100}% / {share.denominator}"
    contract = rk.loads(f'fact p: percent\ngoal 1 "p" {{ score p = {exact} -> 100% }}')
    result = contract.evaluate({"p": raw})
    assert not result.errors
    assert result.goals["1"].status == "met"


@pytest.mark.parametrize("raw", [72, 1.5, -2, "72", "0.72"])
def test_a_bare_number_outside_a_share_or_a_percent_without_sign_is_refused(raw: object) -> None:
    result = rk.loads('fact p: percent\ngoal 1 "p" { score p >= 0% -> 100% }').evaluate({"p": raw})
    [problem] = result.errors
    assert "%" in (problem.hint or "")


def test_money_spellings_are_kroner() -> None:
    text = 'fact m: money\ngoal 1 "m" { score m = 576 tkr -> 100% }'
    contract = rk.loads(text)
    for raw in (576_000, "576 tkr", "576000 kr", "0.576 mio kr", Decimal("576000")):
        assert contract.evaluate({"m": raw}).goals["1"].status == "met", raw


def test_python_floats_are_read_by_their_shortest_text() -> None:
    text = 'fact n: number\ngoal 1 "n" { score n = 0.1 + 0.2 -> 100% }'
    # 0.1 + 0.2 is 0.30000000000000004 in floats; here it is exactly 0.3.
    assert rk.loads(text).evaluate({"n": 0.3}).goals["1"].status == "met"


@pytest.mark.parametrize("raw", [float("nan"), float("inf"), Decimal("NaN"), [1], {"a": 1}])
def test_non_finite_and_structured_values_are_refused_for_numbers(raw: object) -> None:
    result = rk.loads('fact n: number\ngoal 1 "n" { score n >= 0 -> 100% }').evaluate({"n": raw})
    assert result.goals["1"].status == "not evaluable"
    assert len(result.errors) == 1


# ---- one bound on numbers, however they come in (issue 20, finding 11) --------------------------

NUMBER = rk.loads('fact n: number\ngoal 1 "n" { score n >= 0 -> 100%; else -> 100% }')


def refusal(result: rk.Evaluation) -> tuple[str, str | None] | None:
    """The message and hint of the first problem with the facts; None if there is none."""
    return next(((p.message, p.hint) for p in result.errors), None)


def reason(read: Callable[[], object]) -> str | None:
    try:
        read()
    except coerce.Invalid as invalid:
        return invalid.code
    return None


BOUNDARIES = {
    "10**400": (10**400, str(10**400)),  # an int taken while the same number in JSON was refused
    "10**100": (10**100, str(10**100)), "-10**100": (-(10**100), str(-(10**100))),
    "10**99": (10**99, str(10**99)),
    "1/10**400": (Fraction(1, 10**400), "1e-400"), "-1/10**301": (Fraction(-1, 10**301), "-1e-301"),
    "3/4": (Fraction(3, 4), "0.75"), "1+1/10**120": (Fraction(10**120 + 1, 10**120), "1." + "0" * 119 + "1"),
    "Decimal 1E+300": (Decimal("1E+300"), "1e300"), "Decimal 1E+299": (Decimal("1E+299"), "1e299"),
    "Decimal of 101 digits": (Decimal("1" * 101), "1" * 101), "float 1e300": (1e300, "1e300"),
}


@pytest.mark.parametrize(("python", "json_text"), BOUNDARIES.values(), ids=BOUNDARIES.keys())
def test_a_number_from_python_is_held_to_the_bounds_of_its_numeral(python: object, json_text: str) -> None:
    from_json = NUMBER.evaluate(rk.loads_facts(f'{{"n": {json_text}}}'))
    assert refusal(NUMBER.evaluate({"n": python})) == refusal(from_json)
    code = reason(lambda: coerce.coerce(T_NUMBER, python, None))
    assert code == reason(lambda: coerce.coerce(T_NUMBER, JsonNumber(json_text), None))
    assert (code is None) == (refusal(from_json) is None)
    if "e" not in json_text:  # a cell of a CSV file or a spreadsheet: read by the same rule
        assert code == reason(lambda: coerce.cell(T_NUMBER, json_text, None, None))


@pytest.mark.parametrize("make", [lambda: 10**100_000, lambda: Fraction(1, 2**200_000),
                                  lambda: Fraction(7, 3**1000), lambda: Fraction(1, 2**1000)])
def test_numbers_from_python_far_beyond_the_bounds_are_refused_at_once(make: Callable[[], object]) -> None:
    python = make()
    started = time.perf_counter()
    assert reason(lambda: coerce.coerce(T_NUMBER, python, None)) == "number.too-many-digits"
    assert time.perf_counter() - started < 0.5


def test_a_list_of_python_ints_is_held_to_the_same_bounds() -> None:
    contract = rk.loads('fact xs: list of integer\ngoal 1 "g" { score count(xs) >= 1 -> 100% }')
    assert refusal(contract.evaluate({"xs": [1, 10**99]})) is None
    assert refusal(contract.evaluate({"xs": [1, 10**400]})) == (
        "xs[1]: a number may have at most 100 digits", "write a number of reasonable size")


def test_a_fraction_without_a_decimal_numeral_is_held_to_the_digits_of_its_parts() -> None:
    assert refusal(NUMBER.evaluate({"n": Fraction(1, 3)})) is None
    assert refusal(NUMBER.evaluate({"n": Fraction(10**99, 3)})) is None
    assert reason(lambda: coerce.coerce(T_NUMBER, Fraction(10**100, 3), None)) == "number.too-many-digits"


def test_numpy_true_and_false_are_truth_values_but_not_numbers() -> None:
    numpy = pytest.importorskip("numpy")
    contract = rk.loads('fact b: bool\ngoal 1 "g" { deliverable d "D" score b and not d -> 100%; else -> 0% }')
    result = contract.evaluate({"b": numpy.True_, "d": numpy.False_})
    assert not result.errors and result.goals["1"].status == "met"
    for truth in (numpy.True_, numpy.bool_(False)):
        # Refused where a number is declared, as Python's own True and False are.
        assert refusal(NUMBER.evaluate({"n": truth})) == refusal(NUMBER.evaluate({"n": bool(truth)}))
        assert reason(partial(coerce.coerce, T_NUMBER, truth, None)) == "expected-number"


def test_dates_accept_date_objects_and_iso_text() -> None:
    text = 'fact d: date\ngoal 1 "d" { score d = 2019-12-31 -> 100% }'
    contract = rk.loads(text)
    for raw in ("2019-12-31", dt.date(2019, 12, 31), dt.datetime(2019, 12, 31, 15, 0)):
        assert contract.evaluate({"d": raw}).goals["1"].status == "met"


def test_load_facts_reads_utf8_with_a_bom_and_reports_other_encodings(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_bytes('\ufeff{"påvirkning": "70%"}'.encode())
    assert rk.load_facts(good)["påvirkning"] == "70%"
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{\n "x": "\xe6"}')
    with pytest.raises(rk.FactsError) as caught:
        rk.load_facts(bad)
    problem = caught.value.problems[0]
    assert problem.span is not None and problem.span.line == 2
    with pytest.raises(rk.FactsError, match="cannot read"):
        rk.load_facts(tmp_path / "absent.json")


# ---- quick paths agree with the general ones --------------------------------------------


# Summed, not only counted: the lists are kept answer by answer (a list only counted is checked
# as a tally, test_tallies.py).
RANGED = rk.loads("fact xs: list of integer in 2 .. 9\n"
                  "fact ys: list of integer in -3 .. 300\n"
                  'goal 1 "g" { score sum(xs) + sum(ys) >= 0 -> 100% }')


@given(st.sampled_from([("xs", 2, 9), ("ys", -3, 300)]), st.data())
def test_answers_in_a_range_are_checked_alike_on_every_path(declared: tuple[str, int, int],
                                                             data: st.DataObject) -> None:
    """A list of plain whole numbers is checked in one pass in C; anything else answer
    by answer. Either way the same answers are accepted and the same one refused."""
    name, low, high = declared
    xs: list[int | bool] = data.draw(st.lists(st.integers(low, high), max_size=30))
    stray = data.draw(st.one_of(st.none(), st.integers(low - 2, high + 2), st.booleans()))
    if stray is not None:
        xs.insert(data.draw(st.integers(0, len(xs))), stray)
    quick = RANGED.check_facts({name: xs})
    # The same list with its answers given as Fractions takes the general path.
    general = RANGED.check_facts({name: [Fraction(x) if type(x) is int else x for x in xs]})
    expected_ok = all(type(x) is int and low <= x <= high for x in xs)
    assert (name not in quick.invalid) == expected_ok == (name not in general.invalid)
    if expected_ok:
        assert quick.values[name] == general.values[name] == tuple(xs)
    else:
        assert quick.invalid[name].message == general.invalid[name].message


@given(st.integers(0, 10**6), st.sampled_from(["", "5", "25", "2500", "00001"]),
       st.sampled_from(["", "-", "+"]), st.sampled_from([".", ","]), st.sampled_from([None, ".", ","]))
def test_plain_numbers_written_as_text_are_read_exactly(whole: int, decimals: str, sign: str, mark: str,
                                                        decimal: str | None) -> None:
    """`15.5`, `-7,25` and `62` are read at once; a decimal sign that the file says is
    its thousands separator is refused, as it is on the long way."""
    from resultkontrakt.core.values import NumberError, number_text

    text = f"{sign}{whole}{mark}{decimals}" if decimals else f"{sign}{whole}"
    expected = Fraction(int(f"{whole}{decimals}"), 10 ** len(decimals)) * (-1 if sign == "-" else 1)
    if decimals and decimal not in (None, mark):
        with pytest.raises(NumberError):
            number_text(text, decimal)
    else:
        assert number_text(f"  {text} ", decimal) == expected
