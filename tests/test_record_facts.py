"""Record facts given as rows: a list of objects in a facts file or from Python, a CSV file, a workbook."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from types import MappingProxyType

import pytest

import resultkontrakt as rk
from resultkontrakt.core.reasons import problem_text
from resultkontrakt.core.values import Record
from resultkontrakt.core.wording import WORDINGS

CLAIMS = '''\
fact krav: list of record {
    deltager: text
    resultat: one of {"bolig_3m", "bolig_12m"}
    dato: date
    beløb: optional money in 0 kr .. 10 tkr
    timer: optional integer in 0 .. 100
}
fact besøg: integer
goal 1 "Krav" { score count(krav) >= 1 -> 100% }
goal 2 "Besøg" { score besøg >= 1 -> 100% }
'''

ROW = {"deltager": "A", "resultat": "Bolig_3m", "dato": "2016-03-01", "beløb": "5 tkr", "timer": 7}
GOOD = ("A", "bolig_3m", dt.date(2016, 3, 1), Fraction(5000), 7)


@pytest.fixture(scope="module")
def claims() -> rk.Contract:
    return rk.loads(CLAIMS)


def messages(contract: rk.Contract, facts: dict[str, object], language: str = "en") -> list[str]:
    return [problem_text(found, WORDINGS[language]) for found in contract.check_facts(facts).problems]


def test_rows_in_a_facts_file_become_records_of_the_fields_values(claims: rk.Contract) -> None:
    facts = rk.loads_facts('{"besøg": 3, "krav": [{"deltager": "A", "resultat": "Bolig_3m", '
                           '"dato": "2016-03-01", "beløb": "5 tkr", "timer": 7},\n'
                           '{"deltager": "B", "resultat": "bolig_12m", "dato": "2016-04-01", "beløb": null}]}')
    rows = claims.check_facts(facts).values["krav"]
    assert isinstance(rows, tuple) and all(isinstance(row, Record) for row in rows)
    # The answer as the contract spells it, kroner exactly, and a blank optional field as None,
    # whether left out or written null.
    assert rows == (GOOD, ("B", "bolig_12m", dt.date(2016, 4, 1), None, None))
    assert claims.evaluate(facts).goals["1"].fulfilment == 1


def test_rows_from_python_may_be_any_mappings(claims: rk.Contract) -> None:
    rows = claims.check_facts({"krav": (MappingProxyType(ROW), {**ROW, "deltager": "B"})}).values["krav"]
    assert rows == (GOOD, ("B", *GOOD[1:]))


def test_a_bad_cell_is_named_by_row_and_field_where_it_stands(claims: rk.Contract) -> None:
    facts = rk.loads_facts('{"besøg": 3,\n"krav": [{"deltager": "A", "resultat": "bolig_3m", "dato": "2016-03-01"},\n'
                           '  {"deltager": "A", "resultat": "bolig_4m", "dato": "2016-03-01"}]}', "år.json")
    evaluation = claims.evaluate(facts)
    # The fact is invalid as a whole; the goals that do not read it are scored as ever.
    assert evaluation.goals["1"].fulfilment is None and evaluation.goals["2"].fulfilment == 1
    [found] = claims.check_facts(facts).problems
    assert (found.span.source, found.span.line, found.span.column) == ("år.json", 2, 9)  # type: ignore[union-attr]
    assert problem_text(found, WORDINGS["en"]) == (
        'krav[1].resultat: "bolig_4m" is not one of the possible answers (did you mean `bolig_3m`?)')


@pytest.mark.parametrize("row, english, danish", [
    ({**ROW, "dato": "2016-13-01"}, "krav[2].dato: 2016-13-01 is not a date in the calendar",
     "krav[2].dato: 2016-13-01 findes ikke i kalenderen"),
    ({**ROW, "beløb": "50 tkr"}, "krav[2].beløb: 50 tkr is outside its range 0 kr .. 10 tkr",
     "krav[2].beløb: 50 t.kr. ligger uden for intervallet"),
    ({**ROW, "timer": 7.5}, "krav[2].timer: expected a whole number, got 7.5",
     "krav[2].timer: "),
    ({**ROW, "deltager": " "}, "krav[2].deltager: no value (give the field a value in every row, or declare it "
     "`optional`", "krav[2].deltager: ingen værdi"),
    ({"deltager": "A", "resultat": "bolig_3m"}, "krav[2]: the field `dato` is missing (give every row each of the "
     "fields `deltager`, `resultat`, `dato`, `beløb`, `timer`", "krav[2]: feltet `dato` mangler"),
    ({**ROW, "datoo": "2016-03-01"}, 'krav[2]: the record has no field "datoo" (did you mean `dato`? The fields '
     "are: `deltager`, `resultat`, `dato`, `beløb`, `timer`)", 'krav[2]: recorden har intet felt "datoo" (mente du'),
    ({**ROW, "xyz": 1}, 'krav[2]: the record has no field "xyz" (the fields are: `deltager`',
     "krav[2]: recorden har intet felt"),
    (5, "krav[2]: expected a record, got 5", "krav[2]: forventede en record, men fik 5"),
])
def test_a_bad_row_is_named_with_what_is_wrong_in_both_languages(claims: rk.Contract, row: object,
                                                                   english: str, danish: str) -> None:
    facts = {"krav": [ROW, ROW, row], "besøg": 1}
    assert messages(claims, facts)[0].startswith(english)
    assert messages(claims, facts, "da")[0].startswith(danish)


def test_a_record_fact_that_is_no_list_of_objects_says_how_rows_are_written(claims: rk.Contract) -> None:
    [english] = messages(claims, {"krav": "A, bolig_3m"})
    assert english.startswith('krav: expected a list of records, got the text "A, bolig_3m" (write one object '
                              "a row, with the fields `deltager`")
