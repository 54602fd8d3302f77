"""Facts from .xlsx workbooks: a column of a sheet, read as a CSV column is, with the cell named."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Sequence
from fractions import Fraction
from pathlib import Path

import pytest

import resultkontrakt as rk
from resultkontrakt.core.files import DEFAULT_MAX_BYTES
from resultkontrakt.core.wording import DANISH
from resultkontrakt.facts import workbook

from .conftest import DEEP, EXAMPLE, EXAMPLE_FACTS, Rk

openpyxl = pytest.importorskip("openpyxl")

SURVEY = rk.loads('''
fact anbefaling: list of optional integer in 0 .. 10
fact påvirkning: list of list of optional one of {"i høj grad", "i nogen grad", "i lav grad", "slet ikke", "ved ikke"}
fact tal: list of optional number
fact datoer: list of date
fact svar: list of bool
fact andel: list of percent
fact folketal: table of integer
goal 1 "nps" { score nps(anbefaling) >= 60 -> 100%; >= 50 -> 50% }
goal 2 "effekt" { score share(s in påvirkning where any(a in s where a in {"i høj grad", "i nogen grad"})) >= 70% -> 100% }
''', source="survey.rk")

HEADER: list[object] = ["virksomhed", "anbefaling", "q1", "q2", "q3"]
ROWS: list[list[object]] = [["S1", 10, "i høj grad", "slet ikke", None],
        ["S2", 6, "slet ikke", "slet ikke", "ved ikke"],
        ["S3", None, None, None, None],
        ["S4", 9, "i nogen grad", None, None]]


def workbook_file(folder: Path, rows: Sequence[Sequence[object]], *, sheet: str = "Svar",
                  name: str = "svar.xlsx", more_sheets: tuple[str, ...] = ()) -> Path:
    """A workbook with one sheet of `rows` (the first is the header), as a spreadsheet saves it."""
    book = openpyxl.Workbook()
    first = book.active
    first.title = sheet
    for row in rows:
        first.append(row)
    for title in more_sheets:
        book.create_sheet(title)
    path = folder / name
    book.save(path)
    return path


def facts_file(folder: Path, **references: object) -> Path:
    path = folder / "facts.json"
    path.write_text(json.dumps(references, ensure_ascii=False), encoding="utf-8")
    return path


def column(column: str = "anbefaling", **more: object) -> dict[str, object]:
    return {"xlsx": "svar.xlsx", "sheet": "Svar", "column": column, **more}


def checked(facts: Path, *, data_dir: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> rk.Supplied:
    """The facts checked against SURVEY's declarations, each list read answer by answer (as a
    contract that does more than count it reads it), so that the order of the rows shows.
    SURVEY.check_facts reads `anbefaling` as a tally: test_tallies.py holds it to this."""
    from resultkontrakt.facts.supplied import check_facts

    return check_facts(rk.load_facts(facts, data_dir=data_dir, max_bytes=max_bytes), SURVEY.analysis.facts,
                       SURVEY.analysis.deliverables)


def only_problem(facts: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> rk.Problem:
    [problem] = checked(facts, max_bytes=max_bytes).problems
    return problem


def with_results(path: Path, results: dict[str, str | None]) -> None:
    """Give formulas the results a spreadsheet saves with them (openpyxl saves none): the cell's
    `<v>` holds its result, and a text result is marked `t="str"`, as Excel writes it."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode("utf-8")
    for cell, result in results.items():
        # openpyxl writes an empty `<v/>`, or `<v></v>` where lxml is installed (python-docx needs it).
        pattern = re.compile(rf'<c r="{cell}"([^>]*)><f>(.*?)</f>(?:<v ?/>|<v></v>)</c>')
        assert pattern.search(sheet), cell
        if result is None:  # a formula never calculated, as a program writes it
            continue
        kind = "" if re.fullmatch(r"-?[0-9.E+-]+", result) else ' t="str"'
        sheet = pattern.sub(rf'<c r="{cell}"\1{kind}><f>\2</f><v>{result}</v></c>', sheet)
    members["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def rewritten(path: Path, edit: Callable[[str], str], part: str = "xl/worksheets/sheet1.xml",
              more: dict[str, bytes] | None = None) -> Path:
    """The workbook with one part's XML edited, as other writers write it (openpyxl writes rows
    and cells in order, each named), and `more` parts added."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[part] = edit(members[part].decode("utf-8")).encode("utf-8")
    members.update(more or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def refused_before_openpyxl_reads(monkeypatch: pytest.MonkeyPatch, facts: Path) -> rk.Problem:
    """The one problem with `facts`, found before openpyxl is given the workbook: what openpyxl
    would do with it is what the limits are there to bound."""
    def unbounded(*args: object, **keywords: object) -> None:  # fails the test, whatever catches errors
        pytest.fail("openpyxl was given a workbook that should have been refused")
    monkeypatch.setattr(openpyxl, "load_workbook", unbounded)
    return only_problem(facts)


# ---- reading a sheet ------------------------------------------------------------------------


def test_answers_from_a_sheet_give_what_the_same_csv_export_gives(tmp_path: Path) -> None:
    workbook_file(tmp_path, [HEADER, *ROWS])
    from_sheet = SURVEY.evaluate(rk.load_facts(facts_file(
        tmp_path, anbefaling=column(),
        påvirkning={"xlsx": "svar.xlsx", "sheet": "Svar", "columns": ["q1", "q2", "q3"]})))
    text = "\n".join(";".join("" if cell is None else str(cell) for cell in row) for row in [HEADER, *ROWS])
    (tmp_path / "svar.csv").write_text(text + "\n", encoding="utf-8")
    from_csv = SURVEY.evaluate(rk.load_facts(facts_file(
        tmp_path, anbefaling={"csv": "svar.csv", "column": "anbefaling"},
        påvirkning={"csv": "svar.csv", "columns": ["q1", "q2", "q3"]})))
    assert not from_sheet.errors and not from_csv.errors
    assert from_sheet.to_dict() == from_csv.to_dict()
    assert "(3 answers: 2 promoters, 1 detractor)" in from_sheet.goals["1"].explain()
    assert "(2 of 3)" in from_sheet.goals["2"].explain()  # S3 answered nothing: not counted


def test_numbers_are_read_exactly_by_their_shortest_decimal_text(tmp_path: Path) -> None:
    workbook_file(tmp_path, [["tal"], [0.1], [0.2], [62.4], [7], [1e-7], [2.5e20]])
    values = checked(facts_file(tmp_path, tal=column("tal"))).values["tal"]
    assert isinstance(values, tuple)
    assert values == (Fraction(1, 10), Fraction(2, 10), Fraction(624, 10), 7, Fraction(1, 10**7),
                      250_000_000_000_000_000_000)
    assert sum(values[:2]) == Fraction(3, 10)


@pytest.mark.parametrize(("cell", "decimal", "expected"), [
    ("62,4", None, Fraction(624, 10)), ("62.4", None, Fraction(624, 10)), (" 7 ", None, 7),
    ("205.000", ",", 205_000), ("1.234,5", None, Fraction(12345, 10)), ("205.000", ".", 205),
])
def test_numbers_stored_as_text_follow_the_csv_rules(
        tmp_path: Path, cell: str, decimal: str | None, expected: Fraction | int) -> None:
    workbook_file(tmp_path, [["tal"], [cell]])
    reference = column("tal", **({"decimal": decimal} if decimal else {}))
    assert checked(facts_file(tmp_path, tal=reference)).values["tal"] == (expected,)


def test_an_unclear_number_stored_as_text_is_refused_at_its_cell(tmp_path: Path) -> None:
    workbook_file(tmp_path, [["id", "tal"], ["S1", 4], ["S2", "205.000"]])
    problem = only_problem(facts_file(tmp_path, tal=column("tal")))
    assert problem.message == ('Svar!B3: column "tal": 205.000 is unclear: 205000 if `.` separates '
                               "thousands, 205 if it is the decimal sign")
    assert problem.hint is not None and '"decimal": ","' in problem.hint
    assert problem.span is not None and problem.span.source == str(tmp_path / "svar.xlsx")
    assert (problem.span.line, problem.span.column) == (3, 2)  # row 3, column B


def test_dates_booleans_and_percents_are_read_as_the_spreadsheet_keeps_them(tmp_path: Path) -> None:
    rows: list[list[object]] = [["dato", "svar", "andel"],
                                [dt.date(2019, 12, 31), True, 0.725],
                                [dt.datetime(2020, 1, 2, 0, 0), False, "72,5%"],
                                ["2020-03-01", 1, "10%"]]
    workbook_file(tmp_path, rows)
    supplied = checked(facts_file(tmp_path, datoer=column("dato"), svar=column("svar"),
                                  andel=column("andel")))
    assert not supplied.problems
    assert supplied.values["datoer"] == (dt.date(2019, 12, 31), dt.date(2020, 1, 2), dt.date(2020, 3, 1))
    assert supplied.values["svar"] == (True, False, True)
    assert supplied.values["andel"] == (Fraction(29, 40), Fraction(29, 40), Fraction(1, 10))


def test_a_date_where_a_number_is_expected_is_an_error_at_its_cell(tmp_path: Path) -> None:
    workbook_file(tmp_path, [["id", "tal"], ["S1", 4], ["S2", dt.date(2019, 12, 31)]])
    problem = only_problem(facts_file(tmp_path, tal=column("tal")))
    assert problem.message == 'Svar!B3: column "tal": expected a number, got the date 2019-12-31'
    reason = SURVEY.evaluate(rk.load_facts(tmp_path / "facts.json")).errors[0]
    assert reason == problem


def test_a_cell_problem_names_file_sheet_and_cell_in_the_goals_reason_in_both_languages(
        tmp_path: Path) -> None:
    workbook_file(tmp_path, [HEADER, *ROWS, ["S5", 11, None, None, None], ["S6", "ti", None, None, None]])
    result = SURVEY.evaluate(rk.load_facts(facts_file(tmp_path, anbefaling=column())))
    goal = result.goals["1"]
    assert goal.status == "not evaluable"
    assert goal.reason is not None
    assert 'anbefaling: svar.xlsx:Svar!B6: column "anbefaling": 11 is outside its range' in goal.reason
    assert "(and 1 more problem in the workbook)" in goal.reason
    first, second = result.errors
    assert first.span is not None
    assert (first.span.line, first.span.column) == (6, 2)
    assert second.message == 'Svar!B7: column "anbefaling": expected a number, got the text "ti"'
    assert first.message_in(DANISH) == 'Svar!B6: kolonnen "anbefaling": 11 ligger uden for intervallet 0 .. 10'


def test_empty_cells_are_blank_answers_left_out_only_where_the_contract_allows_them(tmp_path: Path) -> None:
    workbook_file(tmp_path, [["id", "anbefaling", "dato"], ["S1", 10, dt.date(2019, 1, 1)],
                             ["S2", None, None], ["S3", "  ", dt.date(2019, 1, 2)], [None, None, None]])
    supplied = checked(facts_file(tmp_path, anbefaling=column(), datoer=column("dato")))
    assert supplied.values["anbefaling"] == (10,)
    [problem] = supplied.problems
    assert problem.message == 'Svar!C3: no answer in column "dato"'
    assert problem.hint is not None and "`optional`" in problem.hint


def test_the_header_is_the_first_row_that_is_not_empty_and_columns_past_z_are_named(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Svar 2019"
    sheet.cell(row=3, column=1, value="id")
    sheet.cell(row=3, column=28, value="anbefaling")
    sheet.cell(row=4, column=28, value=9)
    sheet.cell(row=5, column=28, value=12)
    book.save(tmp_path / "svar.xlsx")
    problem = only_problem(facts_file(tmp_path, anbefaling=column(sheet="Svar 2019")))
    assert problem.message.startswith("'Svar 2019'!AB5: column \"anbefaling\": 12 is outside")
    assert problem.span is not None
    assert (problem.span.line, problem.span.column) == (5, 28)


def test_a_merged_header_cell_names_the_column_it_starts_in(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Svar"
    sheet.append(["Virksomhed", "Anbefaling (0-10)", "noter"])
    sheet.merge_cells("B1:C1")  # the header spans two columns; openpyxl keeps its text in B1
    sheet.merge_cells("A1:A2")
    for row in (["S1", 10, "god"], ["S2", 9, None], ["S3", 3, "x"]):
        sheet.append(row)
    book.save(tmp_path / "svar.xlsx")
    supplied = checked(facts_file(tmp_path, anbefaling=column("Anbefaling (0-10)")))
    assert not supplied.problems
    assert supplied.values["anbefaling"] == (10, 9, 3)


def test_a_table_reads_names_and_values_and_refuses_a_name_given_twice(tmp_path: Path) -> None:
    rows: list[list[object]] = [["kommune", "folketal"], ["Morsø", 20514], ["Thisted", "43.716"], [773, 1]]
    workbook_file(tmp_path, rows)
    reference = {"xlsx": "svar.xlsx", "key": "kommune", "column": "folketal", "decimal": ","}
    assert checked(facts_file(tmp_path, folketal=reference)).values["folketal"] == (
        ("Morsø", 20514), ("Thisted", 43716), ("773", 1))
    workbook_file(tmp_path, rows + [["Morsø", 3]])
    problem = only_problem(facts_file(tmp_path, folketal=reference))
    assert problem.message == 'Svar!A5: "Morsø" appears twice in the column "kommune"'


# ---- rows and cells as the sheet lists them ---------------------------------------------------

ORDERED: list[list[object]] = [["id", "tal"], ["S1", 1], ["S2", 2], ["S3", 3]]
ROW_2 = re.compile(r'<row r="2">.*?</row>')
ROW_3 = re.compile(r'<row r="3">.*?</row>')


def _swapped_rows(xml: str) -> str:
    two, three = ROW_2.search(xml), ROW_3.search(xml)
    assert two and three
    return xml.replace(two[0] + three[0], three[0] + two[0])


@pytest.mark.parametrize(("edit", "words", "place"), [
    (_swapped_rows, 'the sheet "Svar" lists row 2 after row 3', (2, 1)),
    (lambda xml: xml.replace('<row r="3">', '<row r="2">'), 'the sheet "Svar" lists row 2 twice', (2, 1)),
    (lambda xml: xml.replace('<c r="A2" t="inlineStr"><is><t>S1</t></is></c><c r="B2" t="n"><v>1</v></c>',
                             '<c r="B2" t="n"><v>1</v></c><c r="A2" t="inlineStr"><is><t>S1</t></is></c>'),
     'the sheet "Svar" lists the cell A2 after B2', (2, 1)),
    (lambda xml: xml.replace('<c r="B2" t="n">', '<c r="A2" t="n">'), 'the sheet "Svar" lists the cell A2 twice',
     (2, 1)),
    (lambda xml: xml.replace('<c r="B3" t="n">', '<c r="B5" t="n">'), 'the sheet "Svar" lists the cell B5 in row 3',
     (5, 2)),
])
def test_rows_and_cells_out_of_order_are_refused_rather_than_some_left_out(
        tmp_path: Path, edit: Callable[[str], str], words: str, place: tuple[int, int]) -> None:
    # openpyxl, reading a sheet as a stream, drops a row listed after a later one, and a cell
    # listed after a later one in its row: the answers would be read without a word.
    rewritten(workbook_file(tmp_path, ORDERED), edit)
    problem = only_problem(facts_file(tmp_path, tal=column("tal")))
    assert problem.message == words
    assert problem.hint is not None and "open the workbook in a spreadsheet and save it again" in problem.hint
    assert problem.span is not None
    assert (problem.span.line, problem.span.column) == place
    assert problem.message_in(DANISH).startswith('arket "Svar" har ')


def test_rows_and_cells_without_their_names_are_numbered_as_they_come(tmp_path: Path) -> None:
    path = workbook_file(tmp_path, [["id", "tal"], ["S1", 1], ["S2", 11], ["S3", 3]])
    rewritten(path, lambda xml: re.sub(r' r="[A-Z]*[0-9]+"', "", xml))
    assert ' r="' not in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    supplied = checked(facts_file(tmp_path, anbefaling=column("tal")))
    [problem] = supplied.problems
    assert problem.message == 'Svar!B3: column "tal": 11 is outside its range 0 .. 10'
    path = workbook_file(tmp_path, [["id", "tal"], ["S1", 1], ["S2", 2], ["S3", 3]])
    rewritten(path, lambda xml: re.sub(r' r="[A-Z]*[0-9]+"', "", xml))
    assert checked(tmp_path / "facts.json").values["anbefaling"] == (1, 2, 3)


def test_a_sheet_out_of_order_matters_only_when_it_is_read(tmp_path: Path) -> None:
    path = workbook_file(tmp_path, ORDERED)
    book = openpyxl.load_workbook(path)
    other = book.create_sheet("Noter")
    for row in ORDERED:
        other.append(row)
    book.save(path)
    rewritten(path, _swapped_rows, part="xl/worksheets/sheet2.xml")
    assert checked(facts_file(tmp_path, tal=column("tal"))).values["tal"] == (1, 2, 3)
    problem = only_problem(facts_file(tmp_path, tal=column("tal", sheet="Noter")))
    assert problem.message == 'the sheet "Noter" lists row 2 after row 3'


# ---- formulas --------------------------------------------------------------------------------


def test_a_formula_gives_the_result_the_spreadsheet_saved(tmp_path: Path) -> None:
    path = workbook_file(tmp_path, [["id", "anbefaling", "tal"], ["S1", "=4+5", "=B2/10"],
                                    ["S2", 10, '=IF(B3>9,"","x")'], ["S3", 7, "=B4/2"]])
    with_results(path, {"B2": "9", "C2": "0.9", "C3": "", "C4": "3.5"})
    supplied = checked(facts_file(tmp_path, anbefaling=column(), tal=column("tal")))
    assert not supplied.problems
    assert supplied.values["anbefaling"] == (9, 10, 7)
    # A formula whose result is an empty text is an empty cell, left out as a blank answer.
    assert supplied.values["tal"] == (Fraction(9, 10), Fraction(7, 2))


def test_formulas_never_calculated_are_refused_rather_than_read_as_blank_answers(tmp_path: Path) -> None:
    workbook_file(tmp_path, [["id", "tal"], ["S1", 4], ["S2", "=B2*2"]])  # openpyxl saves no results
    problem = only_problem(facts_file(tmp_path, tal=column("tal")))
    assert problem.message == 'Svar!B3: the formula in column "tal" has no saved result'
    assert problem.hint is not None and "open it in a spreadsheet and save it" in problem.hint


# ---- finding the sheet and the column ---------------------------------------------------------


def test_a_missing_sheet_lists_the_sheets_and_a_missing_column_the_columns(tmp_path: Path) -> None:
    workbook_file(tmp_path, [HEADER, *ROWS], more_sheets=("Noter",))
    problem = only_problem(facts_file(tmp_path, anbefaling=column(sheet="Resultater")))
    assert problem.message == 'the workbook has no sheet "Resultater"'
    assert problem.hint == 'its sheets are: "Svar", "Noter"'
    assert only_problem(facts_file(tmp_path, anbefaling=column(sheet="Sva"))).hint == "did you mean `Svar`?"
    assert not checked(facts_file(tmp_path, anbefaling=column(sheet="SVAR"))).problems
    problem = only_problem(facts_file(tmp_path, anbefaling=column("anbefalng")))
    assert problem.message == 'the column "anbefalng" is not in the header of the sheet "Svar" (row 1)'
    assert problem.hint == "did you mean `anbefaling`?"
    problem = only_problem(facts_file(tmp_path, anbefaling=column("nps")))
    assert problem.hint is not None
    assert problem.hint.endswith('its columns are: "virksomhed", "anbefaling", "q1", "q2", "q3"')


def test_the_sheet_may_be_left_out_only_when_the_workbook_has_one(tmp_path: Path) -> None:
    workbook_file(tmp_path, [HEADER, *ROWS])
    reference = {"xlsx": "svar.xlsx", "column": "anbefaling"}
    assert checked(facts_file(tmp_path, anbefaling=reference)).values["anbefaling"] == (10, 6, 9)
    workbook_file(tmp_path, [HEADER, *ROWS], more_sheets=("Noter",))
    problem = only_problem(facts_file(tmp_path, anbefaling=reference))
    assert problem.message == 'the workbook has several sheets: "Svar", "Noter"'
    assert problem.hint == 'say which to read: "sheet": "NAME"'


@pytest.mark.parametrize(("reference", "words"), [
    ({"xlsx": 7, "column": "a"}, 'a column of a workbook is read as {"xlsx": "FILE.xlsx"'),
    ({"xlsx": "svar.xlsx", "sheet": 1, "column": "a"}, '"sheet" is the name of a sheet'),
    ({"csv": "svar.csv", "sheet": "Svar", "column": "a"}, 'unknown key "sheet" in a table reference'),
    ({"xlsx": "svar.xlsx", "column": "a", "delimiter": ";"}, 'unknown key "delimiter"'),
])
def test_a_reference_written_wrong_says_how_to_write_it(
        tmp_path: Path, reference: dict[str, object], words: str) -> None:
    workbook_file(tmp_path, [HEADER, *ROWS])
    assert words in only_problem(facts_file(tmp_path, anbefaling=reference)).message


def test_a_workbook_column_for_a_single_value_is_refused(tmp_path: Path) -> None:
    contract = rk.loads('fact nps: number\ngoal 1 "g" { score nps >= 1 -> 100% }')
    workbook_file(tmp_path, [HEADER, *ROWS])
    [problem] = contract.evaluate(rk.load_facts(facts_file(tmp_path, nps=column()))).errors
    assert "a column of a workbook gives a list or a table, but `nps` holds number" in problem.message


# ---- files that are no workbook, or should not be read ----------------------------------------


def test_a_workbook_outside_the_folder_is_refused_as_a_csv_file_is(tmp_path: Path) -> None:
    folder = tmp_path / "year"
    folder.mkdir()
    workbook_file(tmp_path, [HEADER, *ROWS])
    (folder / "link.xlsx").symlink_to(tmp_path / "svar.xlsx")
    for written in ("../svar.xlsx", "link.xlsx"):
        problem = only_problem(facts_file(folder, anbefaling=column() | {"xlsx": written}))
        assert problem.message.startswith(f'anbefaling: "{written}" lies outside the folder')
    assert not checked(folder / "facts.json", data_dir=tmp_path).problems


def test_a_named_pipe_is_refused_without_waiting_on_it(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "svar.xlsx")
    problem = only_problem(facts_file(tmp_path, anbefaling=column()))
    assert problem.message == "cannot read the answers: this is a named pipe, not a file that can be read"


def test_a_workbook_over_the_limit_is_refused_and_so_is_one_that_unpacks_past_it(tmp_path: Path) -> None:
    workbook_file(tmp_path, [HEADER, *ROWS])
    problem = only_problem(facts_file(tmp_path, anbefaling=column()), max_bytes=1000)
    assert problem.message.startswith("cannot read the answers: the file is")
    assert "more than the limit of 1000 bytes" in problem.message
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:  # half a megabyte in half a kilobyte
        archive.writestr("xl/worksheets/sheet1.xml", bytes(500_000))
    (tmp_path / "svar.xlsx").write_bytes(packed.getvalue())
    problem = only_problem(tmp_path / "facts.json", max_bytes=100_000)
    assert problem.message == ("the workbook unpacks to 488 KiB, more than the limit of 390 KiB "
                               "(four times the limit for a file)")
    assert problem.hint is not None and "--max-file-size" in problem.hint


@pytest.mark.parametrize(("content", "hint"), [
    (bytes(range(256)) * 8, "save it from the spreadsheet as an Excel workbook"),
    ("\n".join(";".join(map(str, row)) for row in [HEADER, *ROWS]).encode(), "a CSV export is read with"),
    (b"PK\x03\x04" + bytes(100), "save it from the spreadsheet"),
])
def test_a_file_that_is_no_workbook_is_a_clear_error(tmp_path: Path, content: bytes, hint: str) -> None:
    (tmp_path / "svar.xlsx").write_bytes(content)
    problem = only_problem(facts_file(tmp_path, anbefaling=column()))
    assert problem.message == "the file is not a readable .xlsx workbook"
    assert problem.hint is not None and hint in problem.hint


def test_a_zip_archive_that_is_no_workbook_is_a_clear_error(tmp_path: Path) -> None:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<f>not xml")
        archive.writestr("[Content_Types].xml", b"<<<")
    (tmp_path / "svar.xlsx").write_bytes(packed.getvalue())
    assert only_problem(facts_file(tmp_path, anbefaling=column())).message == (
        "the file is not a readable .xlsx workbook")


# ---- bounded work: a small workbook cannot make openpyxl read without end ---------------------

def padding(size: int) -> dict[str, bytes]:
    """An image that does not pack: room for XML that would pack tighter than a spreadsheet packs."""
    return {"xl/media/image1.png": os.urandom(size)}


def test_a_workbook_packed_tighter_than_a_spreadsheet_packs_is_refused_before_it_is_unpacked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = workbook_file(tmp_path, [["id", "tal"], ["S1", 1]])
    rewritten(path, lambda xml: xml.replace("</sheetData>", "<row/>" * 500_000 + "</sheetData>"))
    assert path.stat().st_size < 20_000  # 2.8 MiB of XML
    problem = refused_before_openpyxl_reads(monkeypatch, facts_file(tmp_path, tal=column("tal")))
    assert re.fullmatch(r"the workbook unpacks to 2\.8 MiB, \d{3} times its own size: more than a spreadsheet "
                        r"packs \(at most 100 times\)", problem.message)
    assert problem.hint is not None
    assert problem.hint.startswith("this limit cannot be raised: save the workbook again")
    assert problem.message_in(DANISH).startswith("projektmappen fylder 2.8 MiB udpakket")


def test_a_workbook_of_more_parts_than_a_spreadsheet_writes_is_refused_before_it_is_unpacked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = workbook_file(tmp_path, [["id", "tal"], ["S1", 1]])
    rewritten(path, lambda xml: xml, more={f"xl/media/image{n}.png": b"" for n in range(10_001)})
    problem = refused_before_openpyxl_reads(monkeypatch, facts_file(tmp_path, tal=column("tal")))
    assert re.fullmatch(r"the workbook is an archive of 100\d\d parts: more than a spreadsheet writes "
                        r"\(at most 10000\)", problem.message)
    assert problem.hint is not None and problem.hint.startswith("this limit cannot be raised")


def test_a_workbook_that_packs_as_a_spreadsheet_packs_is_still_bounded_by_the_elements_it_holds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 300,000 rows, with an image that does not pack beside them: 37 KiB in all, unpacking 50 times.
    path = workbook_file(tmp_path, [["id", "tal"], ["S1", 1]])
    rewritten(path, lambda xml: xml.replace("</sheetData>", "<row/>" * 300_000 + "</sheetData>"),
              more=padding(30_000))
    problem = refused_before_openpyxl_reads(monkeypatch, facts_file(tmp_path, tal=column("tal")))
    assert re.fullmatch(r"the workbook holds more than 100000 XML elements, the most a workbook of "
                        r"3\d\.\d KiB may hold", problem.message)
    assert problem.hint is not None
    assert "2 XML elements for each byte of its file, and 100000 in any case" in problem.hint
    assert "cannot be raised" in problem.hint


def test_styles_grown_past_what_a_spreadsheet_keeps_are_refused_before_openpyxl_parses_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    formats = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' * 51_000
    path = workbook_file(tmp_path, [["id", "tal"], ["S1", 1]])
    rewritten(path, lambda xml: re.sub(r'<cellXfs count="\d+">', '<cellXfs count="1">' + formats, xml),
              part="xl/styles.xml", more=padding(40_000))
    problem = refused_before_openpyxl_reads(monkeypatch, facts_file(tmp_path, tal=column("tal")))
    assert problem.message == ("the workbook's styles and other parts besides its cells hold more than 50000 "
                               "XML elements (passed in xl/styles.xml)")
    assert problem.hint is not None and "copy the answers into a new workbook" in problem.hint


@pytest.mark.parametrize(("cells", "words"), [
    ('<c t="inlineStr"><is><t>' + "a" * 40_000 + "</t></is></c>",
     "the workbook holds a text of more than 32767 characters, more than a spreadsheet keeps in a cell "
     "(in xl/worksheets/sheet1.xml)"),
    ("<c/>" * 20_000, "a row of the workbook holds more than 16384 cells or 262144 XML elements, more than "
                      "a spreadsheet writes in a row (xl/worksheets/sheet1.xml, row 3)"),
    ('<c r="C3"><is>' + "<r/>" * 270_000 + "</is></c>", "a row of the workbook holds more than 16384 cells or "
     "262144 XML elements, more than a spreadsheet writes in a row (xl/worksheets/sheet1.xml, row 3)"),
])
def test_a_row_or_a_text_larger_than_a_spreadsheet_writes_is_refused_before_it_is_held(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cells: str, words: str) -> None:
    path = workbook_file(tmp_path, [["id", "tal"], ["S1", 1]])
    # Room for the 270,000 elements of a text's runs, within the workbook's own limit.
    rewritten(path, lambda xml: xml.replace("</sheetData>", f'<row r="3">{cells}</row></sheetData>'),
              more=padding(150_000))
    problem = refused_before_openpyxl_reads(monkeypatch, facts_file(tmp_path, tal=column("tal")))
    assert problem.message == words


def test_text_past_what_the_workbook_size_allows_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = "".join(f'<row r="{n}"><c r="C{n}" t="inlineStr"><is><t>{"a" * 30_000}</t></is></c></row>'
                   for n in range(3, 300))
    path = workbook_file(tmp_path, [["id", "tal"], ["S1", 1]])
    rewritten(path, lambda xml: xml.replace("</sheetData>", rows + "</sheetData>"), more=padding(100_000))
    problem = refused_before_openpyxl_reads(monkeypatch, facts_file(tmp_path, tal=column("tal")))
    assert re.fullmatch(r"the workbook holds more than 8000000 characters of text, the most a workbook of "
                        r"1\d\d KiB may hold", problem.message)


def test_a_large_chart_counts_against_the_parts_read_whole_only_beside_a_chartsheet(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # openpyxl parses charts only for a chartsheet; a chart in a sheet of answers is not read.
    chart = ('<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">'
             + "<c:pt/>" * 60_000 + "</c:chartSpace>").encode()
    path = workbook_file(tmp_path, [["id", "tal"], ["S1", 1]])
    rewritten(path, lambda xml: xml, more={"xl/charts/chart1.xml": chart})
    assert checked(facts_file(tmp_path, tal=column("tal"))).values["tal"] == (1,)
    book = openpyxl.load_workbook(path)
    book.create_chartsheet("Diagram")
    book.save(path)
    rewritten(path, lambda xml: xml, more={"xl/charts/chart1.xml": chart})
    problem = refused_before_openpyxl_reads(monkeypatch, tmp_path / "facts.json")
    assert problem.message == ("the workbook's styles and other parts besides its cells hold more than 50000 "
                               "XML elements (passed in xl/chartsheets/sheet1.xml)")


def test_a_part_in_an_encoding_that_cannot_be_counted_is_no_workbook(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # With lxml, openpyxl would read it, uncounted.
    path = workbook_file(tmp_path, [["id", "tal"], ["S1", 1]])
    rewritten(path, lambda xml: xml.replace('encoding="UTF-8"', 'encoding="Shift_JIS"', 1)
              if "encoding=" in xml else '<?xml version="1.0" encoding="Shift_JIS"?>' + xml, part="xl/styles.xml")
    problem = refused_before_openpyxl_reads(monkeypatch, facts_file(tmp_path, tal=column("tal")))
    assert problem.message == "the file is not a readable .xlsx workbook"


def test_a_part_that_declares_entities_is_no_workbook(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    laughs = '<!DOCTYPE worksheet [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    path = workbook_file(tmp_path, [["id", "tal"], ["S1", 1]])
    rewritten(path, lambda xml: xml.replace("<worksheet", laughs + "<worksheet", 1).replace(
        "<v>1</v>", "<v>1</v><f>&b;</f>"))
    problem = refused_before_openpyxl_reads(monkeypatch, facts_file(tmp_path, tal=column("tal")))
    assert problem.message == "the file is not a readable .xlsx workbook"


# What issue 20 found: 64 MiB of XML in some 100 KiB of workbook took 17 to 89 s and up to 3.9 GB.
# Each part's XML is made when its test runs, not when the module is imported by every worker.
HOSTILE_PARTS: dict[str, tuple[str, Callable[[], str]]] = {
    "many shared texts": ("xl/sharedStrings.xml", lambda: "<si><t>a</t></si>" * 4_000_000),
    "one huge text": ("xl/sharedStrings.xml", lambda: "<si><t>" + "a" * 64 * 2**20 + "</t></si>"),
    "a row of empty cells": ("xl/worksheets/sheet1.xml", lambda: "<row>" + "<c/>" * 16_000_000 + "</row>"),
    "a million empty rows": ("xl/worksheets/sheet1.xml", lambda: "<row/>" * 11_000_000),
}
# The peak is read from /proc: getrusage would count the memory of the test that started it.
MEASURED = """
import json, re, time
import resultkontrakt as rk
contract = rk.loads('fact tal: list of optional text\\ngoal 1 "g" {{ score count(tal) >= 1 -> 100% }}')
started = time.perf_counter()
problems = contract.check_facts(rk.load_facts({facts!r})).problems
took = time.perf_counter() - started
with open("/proc/self/status") as status:
    peak = int(re.search(r"VmHWM:\\s*(\\d+) kB", status.read())[1])
print(json.dumps([took, peak, [problem.message for problem in problems]]))
"""


@pytest.mark.skipif(not DEEP, reason="builds workbooks of 64 MiB of XML: the deep profile runs it")
@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads the peak of memory from /proc")
@pytest.mark.parametrize("kind", HOSTILE_PARTS)
def test_the_hostile_workbooks_of_issue_20_are_refused_in_bounded_time_and_memory(
        tmp_path: Path, kind: str) -> None:
    part, made = HOSTILE_PARTS[kind]
    xml = made()
    path = workbook_file(tmp_path, [["id", "tal"], ["S1", 1]])
    namespace = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    whole = (f"<sst {namespace}>{xml}</sst>" if part == "xl/sharedStrings.xml"
             else f"<worksheet {namespace}><sheetData>{xml}</sheetData></worksheet>")
    rewritten(path, lambda _: whole, part=part) if part in zipfile.ZipFile(path).namelist() else \
        rewritten(path, lambda xml: xml, more={part: whole.encode()})
    assert path.stat().st_size < 400_000
    facts = facts_file(tmp_path, tal=column("tal"))
    done = subprocess.run([sys.executable, "-c", MEASURED.format(facts=str(facts))], capture_output=True,
                          text=True, check=True)
    seconds, kilobytes, problems = json.loads(done.stdout)
    assert len(problems) == 1 and "times its own size" in problems[0]
    assert seconds < 2 and kilobytes < 200_000, (seconds, kilobytes)


def test_a_sheet_past_the_cells_kept_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workbook_file(tmp_path, [HEADER, *ROWS])
    monkeypatch.setattr(workbook, "MAX_CELLS", 12)
    problem = only_problem(facts_file(tmp_path, anbefaling=column()))
    assert problem.message == 'the sheet "Svar" holds more than 12 cells'


def test_without_openpyxl_a_workbook_reference_names_the_extra_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workbook_file(tmp_path, [HEADER, *ROWS])
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    result = SURVEY.evaluate(rk.load_facts(facts_file(tmp_path, anbefaling=column())))
    [problem] = result.errors
    assert problem.message == "reading a workbook (.xlsx) needs the package openpyxl, which is not installed"
    assert problem.hint is not None and "pip install 'resultkontrakt[xlsx]'" in problem.hint
    reason = result.goals["1"].reason
    assert reason is not None and "resultkontrakt[xlsx]" in reason


def test_openpyxl_is_imported_only_when_a_fact_points_at_a_workbook() -> None:
    probe = ("import sys, resultkontrakt as rk\n"
             f"rk.load({str(EXAMPLE)!r}).evaluate(rk.load_facts({str(EXAMPLE_FACTS)!r}))\n"
             "assert 'openpyxl' not in sys.modules\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


# ---- end to end ---------------------------------------------------------------------------


def test_rk_eval_with_answers_from_a_workbook_gives_what_the_csv_export_gives(tmp_path: Path, rk: Rk) -> None:
    facts = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    export = EXAMPLE_FACTS.parent / facts["anbefaling"]["csv"]
    rows = list(csv.reader(io.StringIO(export.read_text(encoding="utf-8")), delimiter=";"))
    # A survey system's workbook keeps the scores as numbers and leaves unanswered cells empty.
    cells = [[int(cell) if cell.isdigit() else cell or None for cell in row] for row in rows[1:]]
    workbook_file(tmp_path, [rows[0], *cells], sheet="Besvarelser", name="svar-2019.xlsx")
    for name in ("anbefaling", "påvirkning"):
        reference = facts[name]
        reference.pop("csv")
        facts[name] = {"xlsx": "svar-2019.xlsx", "sheet": "Besvarelser", **reference}
    (tmp_path / "facts.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    from_sheet = rk("eval", EXAMPLE, tmp_path / "facts.json", "--format", "json")
    from_csv = rk("eval", EXAMPLE, EXAMPLE_FACTS, "--format", "json")
    assert from_sheet.exit == from_csv.exit == 0, from_sheet.stderr
    assert json.loads(from_sheet.stdout)["goals"] == json.loads(from_csv.stdout)["goals"]
    assert "NPS" in rk("eval", EXAMPLE, tmp_path / "facts.json").stdout
