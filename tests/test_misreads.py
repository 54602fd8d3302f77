"""Inputs that were once misread, crashed or hung: each is read right, or refused with a reason."""

from __future__ import annotations

import csv
import time
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.contract import examples
from resultkontrakt.core.values import UnclearNumber, format_number, number_text

SURVEY = rk.loads('fact xs: list of integer in 0 .. 10\ngoal 1 "g" { score nps(xs) >= 0 -> 100% }')
POPULATION = rk.loads('fact folketal: table of integer\nfact x: number\n'
                      'goal 1 "g" { score x >= 0 -> 100% }\n'
                      'split bidrag { total 1000 tkr shares from folketal }')


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ---- Danish thousands separators --------------------------------------------------------------


def population_facts(folder: Path, rows: str, decimal: str | None) -> rk.FactsFile:
    write(folder, "folk.csv", "kommune;folketal\n" + rows)
    extra = f', "decimal": "{decimal}"' if decimal else ""
    facts = write(folder, "f.json", '{"folketal": {"csv": "folk.csv", "key": "kommune", '
                                    f'"column": "folketal"{extra}}}, "x": 1}}')
    return rk.load_facts(facts)


def test_a_danish_population_file_is_never_billed_as_if_its_points_were_decimals(tmp_path: Path) -> None:
    rows = "Odense;205.000\nÆrø;6.000\n"
    with pytest.raises(rk.FactsError) as caught:
        POPULATION.split("bidrag", population_facts(tmp_path, rows, None))
    problem = caught.value.problems[0]
    assert problem.message == ('column "folketal": 205.000 is unclear: 205000 if `.` separates '
                               "thousands, 205 if it is the decimal sign")
    assert problem.hint is not None and '"decimal": ","' in problem.hint
    assert problem.span is not None and (problem.span.line, problem.span.column) == (2, 8)
    bill = POPULATION.split("bidrag", population_facts(tmp_path, rows, ","))
    assert dict(bill) == {"Odense": 972, "Ærø": 28}


@pytest.mark.parametrize("cell, decimal, value", [
    ("205.000", ",", 205000), ("205.000", ".", 205), ("1,500", ".", 1500), ("1,500", ",", Fraction(3, 2)),
    ("62,4", None, Fraction(312, 5)), ("62.4", None, Fraction(312, 5)), ("0,725", None, Fraction(29, 40)),
    ("1.234.567", None, 1234567), ("1.234,5", None, Fraction(2469, 2)), ("1,234.5", None, Fraction(2469, 2)),
    ("-16.488", ",", -16488), ("12", None, 12),
])
def test_numbers_written_as_text_are_read_by_their_convention(
        cell: str, decimal: str | None, value: Fraction | int) -> None:
    assert number_text(cell, decimal) == value


@pytest.mark.parametrize("cell", ["205.000", "16.488", "1,500", "-205.000"])
def test_a_lone_separator_before_three_digits_has_two_readings_and_is_refused(cell: str) -> None:
    with pytest.raises(UnclearNumber) as caught:
        number_text(cell)
    assert len(set(caught.value.readings)) == 2


@pytest.mark.parametrize("cell", ["62.4", "1.2.3", "1,", "1,2.3", "٣", "３", "1_000", "1e5", ".5"])
def test_what_is_not_a_number_under_the_convention_is_refused(cell: str) -> None:
    with pytest.raises(ValueError):
        number_text(cell, ",")


def test_money_and_percent_texts_in_json_follow_the_same_rule() -> None:
    contract = rk.loads('fact m: money\nfact p: percent\ngoal 1 "g" { score m >= 1 kr and p >= 0% -> 100% }')
    result = contract.evaluate({"m": "16.488 tkr", "p": "72,500%"})
    messages = [p.message for p in result.errors]
    assert "m: 16.488 is unclear: 16488 if `.` separates thousands, 16.488 if it is the decimal sign" \
        in messages
    assert any(m.startswith("p: 72,500 is unclear") for m in messages)
    hint = result.errors[0].hint
    assert hint is not None and "write 16488 tkr or 16.4880 tkr" in hint
    ok = contract.evaluate({"m": "16488 tkr", "p": "72,5%"})
    assert ok.goals["1"].status == "met"


@pytest.mark.parametrize("digits", ["٣", "३", "３", "²"])
def test_only_ascii_digits_are_numbers(tmp_path: Path, digits: str) -> None:
    write(tmp_path, "svar.csv", f"x\n{digits}\n")
    facts = write(tmp_path, "f.json", '{"xs": {"csv": "svar.csv", "column": "x"}}')
    result = SURVEY.evaluate(rk.load_facts(facts))
    assert result.goals["1"].status == "not evaluable"
    with pytest.raises(rk.RkError):  # never read as the number it looks like
        rk.loads(f'fact x: number\ngoal 1 "g" {{ score x >= {digits} -> 100% }}')
    assert SURVEY.evaluate({"xs": [digits]}).goals["1"].status == "not evaluable"


# ---- CSV: delimiters, quotes, long cells ----------------------------------------------------------


def test_the_delimiter_is_found_by_parsing_not_by_counting_inside_quotes(tmp_path: Path) -> None:
    write(tmp_path, "svar.csv", 'id;"Anbefaling, 0-10"\nS1;9\nS2;10\nS3;0\n')
    facts = write(tmp_path, "f.json", '{"xs": {"csv": "svar.csv", "column": "Anbefaling, 0-10"}}')
    result = SURVEY.evaluate(rk.load_facts(facts))
    assert result.goals["1"].status == "met", result.explain()
    assert "NPS for xs = ≈33.3 (3 answers: 2 promoters, 1 detractor)" in result.explain()


@pytest.mark.parametrize("header", ['"Anbefaling, 0-10";id', 'id\t"a, b"', "a,b;c"])
def test_a_header_alone_is_split_by_its_real_delimiter(tmp_path: Path, header: str) -> None:
    from resultkontrakt.facts.answers import delimiter_of

    expected = {'"Anbefaling, 0-10";id': ";", 'id\t"a, b"': "\t", "a,b;c": ","}[header]
    assert delimiter_of(header + "\n") == expected


def test_an_unterminated_quote_is_an_error_at_its_line(tmp_path: Path) -> None:
    write(tmp_path, "svar.csv", 'id,x\nS1,9\nS2,"10\nS3,7\n')
    facts = write(tmp_path, "f.json", '{"xs": {"csv": "svar.csv", "column": "x"}}')
    result = SURVEY.evaluate(rk.load_facts(facts))
    assert result.goals["1"].status == "not evaluable"
    problem = result.errors[0]
    assert problem.message.startswith("the file is not valid CSV: ")
    assert problem.span is not None and problem.span.line == 3


def test_a_cell_longer_than_the_csv_modules_own_limit_is_read_or_refused_never_a_crash(
        tmp_path: Path) -> None:
    limit = csv.field_size_limit()
    write(tmp_path, "svar.csv", "id,x\n" + "S" * (limit + 10) + ",9\n")
    facts = write(tmp_path, "f.json", '{"xs": {"csv": "svar.csv", "column": "x"}}')
    assert SURVEY.evaluate(rk.load_facts(facts)).goals["1"].status == "met"
    assert csv.field_size_limit() == limit  # the process's own setting is left as it was


# ---- answers, facts and givens mean one thing ----------------------------------------------------------


def test_two_choices_that_are_the_same_answer_are_refused_when_the_contract_loads() -> None:
    with pytest.raises(rk.ContractError) as caught:
        rk.loads('fact svar: one of {"Ja", "ja ", "Nej"}\ngoal 1 "g" { score svar = "Ja" -> 100% }')
    [problem] = caught.value.problems
    assert problem.message == ('"ja " and "Ja" are the same answer, as answers are matched regardless '
                               "of letter case and spacing")
    assert problem.span is not None and (problem.span.line, problem.span.column) == (1, 26)


def test_a_given_list_of_empty_lists_means_what_the_same_list_means_in_a_facts_file() -> None:
    contract = rk.loads('fact xs: list of list of optional integer\n'
                        'goal 1 "g" { score count(xs) = 0 -> 100%; else -> 0% }\n'
                        'example "no company answered" { given xs = [[]] * 3 expect goal 1 = 100% }\n'
                        'example "written out" { given xs = [[], [], []] expect goal 1 = 100% }')
    assert all(outcome.passed for outcome in examples.run(contract))
    assert contract.evaluate({"xs": [[], [], []]}).goals["1"].status == "met"


# ---- numbers from Python -------------------------------------------------------------------------------

NUMBER = rk.loads('fact x: number\ngoal 1 "g" { score x >= 0.1 -> 100%; else -> 0% }')


def test_numbers_from_numpy_are_read_by_their_decimal_text() -> None:
    numpy = pytest.importorskip("numpy")
    for value in (numpy.float64(0.1), numpy.float32(0.1), numpy.int64(1), numpy.float16(0.1)):
        result = NUMBER.evaluate({"x": value})
        assert result.goals["1"].status == "met", (value, result.explain())
    assert NUMBER.evaluate({"x": numpy.float64("nan")}).goals["1"].status == "not evaluable"
    assert SURVEY.evaluate({"xs": numpy.array([10, 9, 0])}).goals["1"].status == "met"


def test_any_real_number_type_is_read_by_its_text() -> None:
    class Tenth(float):
        pass

    assert NUMBER.evaluate({"x": Tenth(0.1)}).goals["1"].status == "met"
    assert NUMBER.evaluate({"x": Decimal("0.1")}).goals["1"].status == "met"
    assert NUMBER.evaluate({"x": Fraction(1, 10)}).goals["1"].status == "met"


@pytest.mark.parametrize("declared", ["bool", "date", "text", "list of integer", "percent", "money"])
def test_a_huge_python_int_is_a_facts_error_for_any_type(declared: str) -> None:
    uses = "count(v) >= 0" if declared.startswith("list") else "v = v"
    contract = rk.loads(f'fact v: {declared}\ngoal 1 "g" {{ score 1 >= 1 -> 100% }}\n'
                        f'goal 2 "h" {{ score {uses} -> 100% }}')
    result = contract.evaluate({"v": 10**100_000})
    assert result.goals["2"].status == "not evaluable"
    assert result.goals["1"].status == "met"


def test_json_text_with_a_lone_surrogate_is_a_facts_error() -> None:
    contract = rk.loads('fact t: text\ngoal 1 "g" { score t = "a" -> 100% }')
    result = contract.evaluate(rk.loads_facts('{"t": "a\\ud800"}'))
    assert "lone surrogate" in result.errors[0].message
    result = contract.evaluate(rk.loads_facts('{"\\udc80": 1}'))
    assert "a fact name holds a broken character" in result.errors[0].message


@pytest.mark.parametrize("value, shown", [
    (10**100 - 1, "≈1.0e+100"), (10**100, "≈1.0e+100"), (-(10**120), "≈-1.0e+120"),
    (Fraction(1, 10**120), "≈1.0e-120"), (Fraction(10**400 + 1, 3), "≈3.333333e+399"),
])
def test_huge_values_are_shown_rounded_but_right(value: Fraction | int, shown: str) -> None:
    assert format_number(Fraction(value)) == shown


@given(st.integers(-(10**400), 10**400) | st.fractions(max_denominator=10**200))
def test_a_value_shown_in_scientific_form_is_within_its_rounding(value: Fraction | int) -> None:
    text = format_number(Fraction(value))
    if "e" in text:
        mantissa, exponent = text.lstrip("≈").split("e")
        assert 1 <= abs(Decimal(mantissa)) < 10
        shown = Fraction(Decimal(mantissa)) * Fraction(10) ** int(exponent)
        assert abs(shown - value) <= abs(Fraction(value)) * Fraction(1, 10**5)


# ---- bounded work on small input ---------------------------------------------------------------------------


T = TypeVar("T")


def finishes_within(seconds: float, action: Callable[[], T]) -> T:
    started = time.perf_counter()
    result = action()
    assert time.perf_counter() - started < seconds
    return result


def test_arithmetic_that_grows_numbers_stops_at_the_expression() -> None:
    contract = rk.loads('''fact x: number
metric a = x * x * x * x * x * x * x * x * x * x
metric b = a * a * a * a * a * a * a * a * a * a
metric c = b * b * b * b * b * b * b * b * b * b
goal 1 "g" { score c >= 1 -> 100% }
goal 2 "h" { score x >= 1 -> 100% }''')
    result = finishes_within(5, lambda: contract.evaluate({"x": 10**99}))
    assert result.goals["1"].status == "not evaluable"
    reason = result.goals["1"].reason
    assert reason is not None and "number too large in a × a × a" in reason
    assert result.goals["2"].status == "met"


def test_sums_of_unlike_fractions_stop_growing() -> None:
    contract = rk.loads('fact xs: list of number\ngoal 1 "g" { score sum(xs) >= 0 -> 100% }')
    primes = [n for n in range(2, 30_000) if all(n % p for p in range(2, int(n**0.5) + 1))]
    values = [Fraction(1, p) for p in primes]
    result = finishes_within(5, lambda: contract.evaluate({"xs": values}))
    reason = result.goals["1"].reason
    assert reason is not None and "number too large" in reason


def test_nested_repetition_in_a_worked_example_is_refused_before_it_is_built() -> None:
    contract = rk.loads('fact xs: list of list of integer\ngoal 1 "g" { score count(xs) >= 1 -> 100% }\n'
                        'example "huge" { given xs = [[1] * 10000000] * 10000000 expect goal 1 = 100% }\n'
                        'example "wide" { given xs = [[1] * 5000000, [1] * 5000000, [1] * 5000000] '
                        'expect goal 1 = 100% }')
    outcomes = finishes_within(10, lambda: examples.run(contract))
    assert all("would make a list of more than 10000000 values" in o.failures[0] for o in outcomes)


def test_a_table_of_30000_parties_is_read_in_linear_time() -> None:
    table = {f"kommune {n}": n for n in range(30_000)}
    bill = finishes_within(10, lambda: POPULATION.split("bidrag", {"folketal": table}, margins=False))
    assert sum(bill.values()) == 1000


def test_a_name_given_twice_among_30000_is_found_quickly() -> None:
    text = "{" + ", ".join(f'"k{n}": {n}' for n in range(30_000)) + ', "k1": 2}'
    with pytest.raises(rk.FactsError, match='"k1" is given twice'):
        finishes_within(10, lambda: rk.loads_facts(text))
    table = '{"folketal": {' + ", ".join(f'"k{n}": {n}' for n in range(30_000)) + ', "k7": 2}}'
    with pytest.raises(rk.FactsError, match='"k7" is given twice'):
        finishes_within(10, lambda: rk.loads_facts(table))
    named_twice = {"folketal": {**{f"k{n}": n for n in range(30_000)}, "k\u0065\u0301": 1, "k\u00e9": 2}}
    result = finishes_within(10, lambda: POPULATION.evaluate(named_twice))
    assert result.errors[0].message == 'folketal: "ké" is named twice'  # the same name once composed


def test_did_you_mean_costs_nothing_for_long_names_and_many_candidates() -> None:
    from resultkontrakt.core.errors import closest

    candidates = [f"fact_{n}_" + "x" * 90 for n in range(50_000)]
    assert finishes_within(5, lambda: closest("y" * 1_000_000, candidates)) is None
    assert finishes_within(5, lambda: closest("fact_7_" + "x" * 89, candidates)) is not None
    many = {f"unknown_{n}": 1 for n in range(30_000)}
    result = finishes_within(10, lambda: NUMBER.evaluate(many))
    assert len(result.errors) == 21 and result.errors[-1].message == "and 29980 more unknown facts"


def test_showing_the_largest_number_an_evaluation_allows_is_quick() -> None:
    from resultkontrakt.semantics.runtime import MAX_BITS

    largest = Fraction(2**MAX_BITS - 1, 3**4000)
    shown = finishes_within(2, lambda: format_number(largest))
    assert shown.startswith("≈") and "e+" in shown


def test_a_file_of_rows_of_the_wrong_width_says_twenty_problems_and_stops(tmp_path: Path) -> None:
    # Each row of the wrong width used to be a problem of its own, past the stop at 20.
    write(tmp_path, "svar.csv", "id,x\n" + "S1,9,extra\n" * 1000)
    facts = write(tmp_path, "f.json", '{"xs": {"csv": "svar.csv", "column": "x"}}')
    result = SURVEY.evaluate(rk.load_facts(facts))
    assert [p.code for p in result.problems].count("csv.row-cells") == 20
    assert result.problems[-1].code == "csv.stopped"
    assert result.goals["1"].state == "not evaluable"
