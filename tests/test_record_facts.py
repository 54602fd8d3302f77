"""Record facts given as rows: a list of objects in a facts file or from Python, a CSV file, a workbook."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tempfile
import unicodedata
from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path
from types import MappingProxyType

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.cli import main as cli
from resultkontrakt.core.reasons import problem_text
from resultkontrakt.core.values import Record
from resultkontrakt.core.wording import WORDINGS
from resultkontrakt.facts.coerce import Exact

from .conftest import DEEP

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


def test_many_rows_from_python_are_read_a_column_at_a_time_and_a_bad_one_still_named(claims: rk.Contract) -> None:
    rows = [{"deltager": f"D{n % 7}", "resultat": "bolig_12m", "dato": "2016-03-01", "beløb": n, "timer": n % 100}
            for n in range(1000)]
    records = claims.check_facts({"krav": rows}).values["krav"]
    assert isinstance(records, tuple) and len(records) == 1000
    assert records[999] == ("D5", "bolig_12m", dt.date(2016, 3, 1), Fraction(999), 99)
    assert records[0][2] is records[999][2]  # type: ignore[index]  # equal dates are one value
    rows[500] = {**rows[500], "timer": 101}
    assert messages(claims, {"krav": rows}) == [
        "krav[500].timer: 101 is outside its range 0 .. 100 (check the measurement, or widen the range in "
        "the contract)"]
    # A field whose values are of several types: each read as it is, a numeral in a text field refused.
    rows[500] = {**rows[500], "timer": 1, "deltager": 7}
    assert messages(claims, {"krav": rows}) == ["krav[500].deltager: expected a text, got 7 (write it in quotes: \"...\")"]


def test_rows_a_worked_example_gives_are_held_to_the_fields_ranges(claims: rk.Contract) -> None:
    # A worked example hands its rows over already made: as Records, or as (name, value) pairs.
    pairs = (("deltager", "B"), ("resultat", "bolig_12m"), ("dato", dt.date(2016, 4, 1)))
    given = Exact((Record(GOOD), pairs))  # type: ignore[arg-type]  # a Record is no Value to the types yet
    assert claims.check_facts({"krav": given}).values["krav"] == (
        GOOD, ("B", "bolig_12m", dt.date(2016, 4, 1), None, None))
    too_long = Exact((Record((*GOOD[:4], 101)),))  # type: ignore[arg-type]
    assert messages(claims, {"krav": too_long})[0].startswith("krav[0].timer: 101 is outside its range 0 .. 100")


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


# ---- from a CSV file ---------------------------------------------------------------------------

FILE_CLAIMS_TEXT = '''\
fact krav: list of record {
    deltager: text
    resultat: one of {"bolig_3m", "bolig_12m"}
    dato: date
    timer: optional integer in 0 .. 100
}
fact besøg: integer
goal 1 "Krav" { score count(krav) >= 1 -> 100% }
goal 2 "Besøg" { score besøg >= 1 -> 100% }
'''
FILE_CLAIMS = rk.loads(FILE_CLAIMS_TEXT)
COLUMNS = {"deltager": "Participant", "resultat": "Outcome", "dato": "Date", "timer": "Hours"}
EXPORT = ("\ufeffParticipant;Outcome;Date;Hours\n"
          "A;bolig_3m;2016-03-01;5\n"
          "B; Bolig_12m ;2016-03-02;\n"
          "\n")


def file_facts(folder: Path, reference: Mapping[str, object], content: str | None = None,
               name: str = "krav.csv") -> rk.FactsFile:
    if content is not None:
        (folder / name).write_text(content, encoding="utf-8")
    facts = folder / "facts.json"
    facts.write_text(json.dumps({"besøg": 2, "krav": reference}), encoding="utf-8")
    return rk.load_facts(facts)


def test_rows_of_a_csv_file_become_records_through_the_columns_named(tmp_path: Path) -> None:
    facts = file_facts(tmp_path, {"csv": "krav.csv", "columns": COLUMNS}, EXPORT)
    rows = FILE_CLAIMS.check_facts(facts).values["krav"]
    # A semicolon export with a byte-order mark; a blank optional cell is None, an empty line no row.
    assert rows == (("A", "bolig_3m", dt.date(2016, 3, 1), 5), ("B", "bolig_12m", dt.date(2016, 3, 2), None))
    assert isinstance(rows, tuple) and all(isinstance(row, Record) for row in rows)
    assert type(rows[0][3]) is int  # a whole number stays an int: exact, and small


def test_without_columns_each_field_reads_the_column_of_its_name(tmp_path: Path) -> None:
    content = "dato,resultat,noter,deltager,timer\n2016-03-01,bolig_3m,,A,1\n"
    facts = file_facts(tmp_path, {"csv": "krav.csv"}, content)
    assert FILE_CLAIMS.check_facts(facts).values["krav"] == (("A", "bolig_3m", dt.date(2016, 3, 1), 1),)


def test_a_bad_cell_is_named_by_its_line_field_and_column(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    content = EXPORT + 'C;bolig_3m;2016-13-01;7\n"D\nE";nvq;2016-01-01;x\nF;bolig_3m;2016-01-01\n'
    facts = file_facts(tmp_path, {"csv": "krav.csv", "columns": COLUMNS}, content)
    evaluation = FILE_CLAIMS.evaluate(facts)
    assert evaluation.goals["1"].fulfilment is None and evaluation.goals["2"].fulfilment == 1
    problems = FILE_CLAIMS.check_facts(facts).problems
    assert [(p.span.line, p.span.column) for p in problems] == [(5, 12), (6, 1), (6, 1), (8, 1)]  # type: ignore[union-attr]
    assert [problem_text(p, WORDINGS["en"]) for p in problems] == [
        'dato (column "Date"): 2016-13-01 is not a date in the calendar (write a real date as "YEAR-MONTH-DAY")',
        'resultat (column "Outcome"): "nvq" is not one of the possible answers (the answers are: "bolig_3m", '
        '"bolig_12m")',
        'timer (column "Hours"): expected a number, got the text "x" (write a number, e.g. 62.4)',
        "this row has 3 cells, but the header has 4 (every row needs a cell for every column; leave a cell "
        "empty for no answer)"]
    assert problem_text(problems[0], WORDINGS["da"]).startswith('dato (kolonnen "Date"): 2016-13-01 findes ikke')
    (tmp_path / "krav.rk").write_text(FILE_CLAIMS_TEXT, encoding="utf-8")
    assert cli.main(["eval", str(tmp_path / "krav.rk"), str(tmp_path / "facts.json")]) == 1
    said = capsys.readouterr().err
    assert 'krav.csv:5:12: error: dato (column "Date"): 2016-13-01 is not a date' in said


@pytest.mark.parametrize("hours", ["²", "١٢"])
def test_an_integer_cell_takes_only_the_digits_0_to_9(tmp_path: Path, hours: str) -> None:
    content = f"deltager,resultat,dato,timer\nA,bolig_3m,2016-03-01,{hours}\n"
    facts = file_facts(tmp_path, {"csv": "krav.csv"}, content)
    [found] = FILE_CLAIMS.check_facts(facts).problems
    assert problem_text(found, WORDINGS["en"]).startswith("timer: expected ")


def test_a_column_that_is_not_there_is_named_with_the_columns_that_are(tmp_path: Path) -> None:
    facts = file_facts(tmp_path, {"csv": "krav.csv", "columns": {**COLUMNS, "dato": "Dato"}}, EXPORT)
    [found] = FILE_CLAIMS.check_facts(facts).problems
    assert problem_text(found, WORDINGS["en"]) == (
        'the column "Dato" of the field `dato` is not in the header (did you mean "Date"? The columns are: '
        '"Participant", "Outcome", "Date", "Hours"; name a field\'s column with "columns": {"FIELD": "COLUMN"})')
    facts = file_facts(tmp_path, {"csv": "krav.csv"})
    [found] = FILE_CLAIMS.check_facts(facts).problems
    assert problem_text(found, WORDINGS["en"]).startswith(
        'the column "deltager" of the field `deltager` is not in the header (the columns are: "Participant"')


def test_a_column_twice_in_the_header_is_named_without_offering_itself_as_the_fix(tmp_path: Path) -> None:
    # The hint once asked `did you mean "Date"?` of the column "Date" itself.
    content = "deltager,resultat,dato,dato\nA,bolig_3m,2016-03-01,2016-03-02\n"
    [found] = FILE_CLAIMS.check_facts(file_facts(tmp_path, {"csv": "krav.csv"}, content)).problems
    assert problem_text(found, WORDINGS["en"]) == (
        'the column "dato" of the field `dato` appears more than once in the header (the columns are: "deltager", '
        '"resultat", "dato", "dato"; name a field\'s column with "columns": {"FIELD": "COLUMN"})')


@pytest.mark.parametrize("reference, expected", [
    ({"csv": "krav.csv", "column": "Date"}, 'krav: the rows of records are read as {"csv": "FILE.csv", "columns": '),
    ({"csv": "krav.csv", "columns": ["Date"]}, 'krav: the rows of records are read as'),
    ({"csv": "krav.csv", "columns": {"datoen": "Date"}},
     'krav: "columns" names the column of "datoen", which is no field of the record; its fields are: `deltager`'),
    ({"csv": "krav.csv", "sheet": "Krav"}, 'krav: unknown key "sheet" in a reference to rows of records'),
    ({"csv": "../krav.csv"}, "krav: \"../krav.csv\" lies outside the folder"),
    # Two fields of one column were read without a word, the one a copy of the other.
    ({"csv": "krav.csv", "columns": {**COLUMNS, "resultat": "Participant"}},
     'krav: the fields `deltager` and `resultat` would both read the column "Participant": give each field'),
    ({"csv": "krav.csv", "columns": {"deltager": "dato"}},
     'krav: the fields `deltager` and `dato` would both read the column "dato"'),
])
def test_a_reference_to_rows_written_wrong_says_how_it_is_written(tmp_path: Path, reference: dict[str, object],
                                                                   expected: str) -> None:
    facts = file_facts(tmp_path, reference, EXPORT)
    [found] = FILE_CLAIMS.check_facts(facts).problems
    assert problem_text(found, WORDINGS["en"]).startswith(expected)


def test_a_million_rows_with_a_bad_cell_in_the_last_give_one_problem_at_its_line(tmp_path: Path) -> None:
    rows = 1_000_000 if DEEP else 20_000
    good = "".join(f"D{n % 997},bolig_3m,2016-03-{n % 28 + 1:02d},{n % 90}\n" for n in range(rows - 1))
    content = "deltager,resultat,Date,timer\n" + good + "Z,bolig_3m,2016-02-30,1\n"
    facts = file_facts(tmp_path, {"csv": "krav.csv", "columns": {"dato": "Date"}}, content)
    [found] = FILE_CLAIMS.check_facts(facts).problems
    assert found.span is not None and (found.span.line, found.span.column) == (rows + 1, 12)
    assert problem_text(found, WORDINGS["en"]).startswith(
        'dato (column "Date"): 2016-02-30 is not a date in the calendar')


def test_a_file_of_rows_is_held_to_the_size_limit(tmp_path: Path) -> None:
    file_facts(tmp_path, {"csv": "krav.csv"}, EXPORT * 4)
    facts = rk.load_facts(tmp_path / "facts.json", max_bytes=200)
    [found] = FILE_CLAIMS.check_facts(facts).problems
    assert "more than the limit of 200 bytes" in problem_text(found, WORDINGS["en"])


# ---- from a workbook ---------------------------------------------------------------------------


def test_rows_of_a_sheet_become_records_and_a_bad_cell_is_named(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Krav"
    for row in (["Participant", "Outcome", "Date", "Hours"], ["A", "bolig_3m", dt.datetime(2016, 3, 1), 5],
                [1234, "Bolig_12m", "2016-03-02", None]):
        sheet.append(row)
    book.save(tmp_path / "krav.xlsx")
    reference = {"xlsx": "krav.xlsx", "sheet": "Krav", "columns": COLUMNS}
    rows = FILE_CLAIMS.check_facts(file_facts(tmp_path, reference)).values["krav"]
    # A code the spreadsheet took for a number is the text it shows; a date is a date, with no time.
    assert rows == (("A", "bolig_3m", dt.date(2016, 3, 1), 5), ("1234", "bolig_12m", dt.date(2016, 3, 2), None))
    sheet.append(["C", "bolig_3m", "2016-13-01", 7.5])
    book.save(tmp_path / "krav.xlsx")
    problems = FILE_CLAIMS.check_facts(file_facts(tmp_path, reference)).problems
    assert [problem_text(p, WORDINGS["en"]).split(" (")[0] for p in problems] == [
        'Krav!C4: dato', 'Krav!D4: timer']
    assert problem_text(problems[0], WORDINGS["en"]).startswith(
        'Krav!C4: dato (column "Date"): 2016-13-01 is not a date in the calendar')
    (tmp_path / "krav.xlsx").write_text(EXPORT, encoding="utf-8")  # a CSV export given a workbook's name
    [found] = FILE_CLAIMS.check_facts(file_facts(tmp_path, reference)).problems
    assert problem_text(found, WORDINGS["en"]).startswith("the file is not a readable .xlsx workbook (the file holds text")
    book.save(tmp_path / "krav.xlsx")
    missing = file_facts(tmp_path, {**reference, "columns": {**COLUMNS, "timer": "Timer"}})
    [found] = FILE_CLAIMS.check_facts(missing).problems
    assert problem_text(found, WORDINGS["en"]).startswith(
        'the column "Timer" of the field `timer` is not in the header of the sheet "Krav" (row 1)')


def test_a_row_with_no_value_in_any_field_is_no_row(tmp_path: Path) -> None:
    notes = rk.loads("fact noter: list of record { a: optional text, b: optional integer }")
    (tmp_path / "noter.csv").write_text("a,b,c\nx,,\n,,\n,,other\n,2,\n", encoding="utf-8")
    reference = {"csv": str(tmp_path / "noter.csv")}
    assert notes.check_facts({"noter": reference}, data_dir=tmp_path).values["noter"] == (("x", None), (None, 2))


# ---- the three ways in agree -------------------------------------------------------------------

_TEXTS = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=12).map(
    lambda text: unicodedata.normalize("NFC", text).strip()).filter(bool)
_ROWS = st.lists(st.tuples(_TEXTS, st.sampled_from(["bolig_3m", "bolig_12m"]),
                           st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
                           st.one_of(st.none(), st.integers(0, 100))), max_size=8)


@given(rows=_ROWS, delimiter=st.sampled_from([",", ";", "\t"]))
def test_rows_read_from_a_csv_file_are_the_rows_given_as_objects(rows: list[tuple[str, str, dt.date, int | None]],
                                                                  delimiter: str) -> None:
    objects = [{"deltager": who, "resultat": outcome, "dato": day.isoformat(), "timer": hours}
               for who, outcome, day, hours in rows]
    given = FILE_CLAIMS.check_facts({"krav": objects}).values["krav"]
    assert given == tuple(rows)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["Participant", "Outcome", "Date", "Hours"])
    writer.writerows([who, outcome, day, "" if hours is None else hours] for who, outcome, day, hours in rows)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "krav.csv").write_text(out.getvalue(), encoding="utf-8")
        read = FILE_CLAIMS.check_facts({"krav": {"csv": str(Path(folder) / "krav.csv"), "columns": COLUMNS}},
                                       data_dir=folder)
    assert read.problems == () and read.values["krav"] == given
