"""Survey answers from .xlsx workbooks: a column of a sheet, read as a CSV column is.

    "anbefaling": {"xlsx": "svar.xlsx", "sheet": "Svar", "column": "anbefaling"}

Hubs and survey systems hand over workbooks as often as CSV exports. A
workbook comes through the same door as a CSV file (files.py: confined,
regular, bounded), and only its bytes are given to openpyxl, an optional
extra (`resultkontrakt[xlsx]`) imported when a fact first points at a
workbook. A sheet's header is its first row that is not empty. A spreadsheet
keeps numbers, dates and booleans as themselves; texts are read as CSV cells
are (coerce.sheet_cell). Every cell is checked, a problem names its cell
(`Svar!C17`), and a sheet with any bad cell is refused whole.

A workbook is a zip archive of XML, and a small one can hold a great deal of
it. Before openpyxl reads a byte, every part is read once here, as a stream,
counting what openpyxl would make of it (`_Survey`): a workbook that would
cost more than its size warrants is refused as soon as a count passes its
limit, and so is a sheet whose rows or cells are not in order, which openpyxl
would read with rows silently left out.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any
from xml.parsers import expat

import attrs

from ..core.archives import ArchiveProblem, open_archive, untagged, xml_parser
from ..core.errors import Problem, Span, closest
from ..core.files import FileProblem, read_bytes, size_text
from ..core.reasons import problem
from ..core.values import T_TEXT, Record, Tallied, Type, Value, list_of
from ..core.vocabulary import quote, shortened
from .answers import MAX_PROBLEMS, TableError, TableRef, element_of
from .coerce import Invalid, cell_text
from .records import Column, sheet_key

# Excel's own last row: a sheet that goes on past it was not written by a spreadsheet.
MAX_ROWS = 1_048_576
# Excel's own last column, XFD. openpyxl holds a row whole before handing it over, so a row of
# more cells is refused before it is read, in whichever sheet it stands.
MAX_COLUMNS = 16_384
# The cells of one sheet kept in memory: a survey of 40 000 companies with 50 questions.
MAX_CELLS = 2_000_000
# openpyxl pays for a workbook by its XML elements, 3 to 25 µs each (a cell is two or three).
# A spreadsheet writes up to 1 element per byte of its file, openpyxl (so pandas) up to 1.4,
# when one short answer fills the sheet; a program that leaves out the cells' names
# (`r="B2"`) writes more, and is refused past 2. Below ELEMENTS_FLOOR / ELEMENTS_PER_BYTE
# bytes, a workbook may hold ELEMENTS_FLOOR.
ELEMENTS_PER_BYTE = 2
ELEMENTS_FLOOR = 100_000
# The parts that openpyxl parses whole into objects, not as a stream (the styles, the
# relationships, a sheet's merged cells and links), cost up to 25 µs and 1 KiB an element.
# A workbook has some thousands; one whose styles grew towards Excel's limit of 64,000
# formats has over 100,000, and takes seconds before a cell is read.
MAX_WHOLE = 50_000
# openpyxl holds a row, and a shared text, whole until its end: a row of MAX_COLUMNS cells,
# each a text of a few formatted runs, is the most a spreadsheet writes in one.
MAX_ROW_ELEMENTS = 16 * MAX_COLUMNS
# Excel keeps at most this many characters in a cell: a longer text was not written by a
# spreadsheet, and openpyxl would hold it whole. Nor does a spreadsheet write a stretch of
# MAX_STRETCH bytes without a tag (core/archives.py), which expat would hold whole; the longest
# text, escaped, is a fraction of it.
MAX_TEXT = 32_767
# The characters of text in all parts, kept in memory by openpyxl as they are: openpyxl (and
# so pandas) writes 2 to 4 for each byte of its file, and 29 when one answer of 105 characters
# fills every cell.
TEXT_PER_BYTE = 64
TEXT_FLOOR = 8_000_000

Cell = Callable[[Type, object], Value]
Rows = tuple[tuple[int, tuple[object, ...]], ...]  # (row number, cells) of the rows that are not empty
Grids = dict[tuple[str, str | None], "Grid"]


@attrs.frozen
class Grid:
    """One sheet of a workbook, read once however many facts read from it."""

    sheet: str  # the sheet's name, as the workbook spells it
    rows: Rows = attrs.field(repr=False)  # the header first
    # Cells (row number, column index) holding a formula whose result was never saved.
    unsaved: frozenset[tuple[int, int]] = attrs.field(default=frozenset(), repr=False)


def read(ref: TableRef, type_: Type, cell: Cell, grids: Grids | None = None) -> tuple[Value, ...]:
    """The answers `ref` points at, as a value of the list type `type_`.

    `cell` turns one cell's value into a value of the element type, raising
    `Invalid` when it cannot. `grids` keeps the sheets already read.
    """
    element = element_of(ref, type_)
    return tuple(value for _, value in _column(_grid(ref, grids), ref, element, cell))


def tally(ref: TableRef, type_: Type, cell: Cell, grids: Grids | None = None) -> Tallied:
    """The answers `ref` points at, counted: the same as `Tallied.of(read(...))`, with the same
    problems. The column's cells are counted by what the sheet holds (the kind of value with
    it: 1 and true are two answers), and each distinct one made a value once; a column with
    anything to report is read by `read`, which says at which cell."""
    element = element_of(ref, type_)
    grid = _grid(ref, grids)
    if ref.several:
        return Tallied.of(read(ref, type_, cell, grids))
    [index] = _indexes(grid, ref)
    held = [cells[index] if index < len(cells) else None for _, cells in grid.rows[1:]]
    counts: Counter[Any] = Counter()
    for (_, raw), times in Counter(zip(map(type, held), held, strict=True)).items():
        if raw is None:
            if not element.optional or grid.unsaved:  # a blank to report, or a formula's lost result
                return Tallied.of(read(ref, type_, cell, grids))
            continue
        try:
            counts[cell(element, raw)] += times
        except Invalid:
            return Tallied.of(read(ref, type_, cell, grids))
    return Tallied(counts, sum(counts.values()))


def read_table(ref: TableRef, type_: Type, cell: Cell,
               grids: Grids | None = None) -> tuple[tuple[str, Value], ...]:
    """A table fact from a sheet: (name, value) for each row, in the sheet's order."""
    assert ref.key is not None and type_.element is not None
    grid = _grid(ref, grids)
    by_name = attrs.evolve(ref, columns=(ref.key,), key=None)
    by_value = attrs.evolve(ref, key=None)
    names = _column(grid, by_name, T_TEXT, cell)
    values = dict(_column(grid, by_value, element_of(by_value, list_of(type_.element)), cell))
    [key_index], [value_index] = _indexes(grid, by_name), _indexes(grid, by_value)
    rows: dict[str, Value] = {}
    for number, name in names:
        assert isinstance(name, str)
        if number not in values:  # a blank value the declaration allows, but a table cannot hold
            raise _fail_at(grid, ref, "key-blank", number, value_index, key=_named(ref.key),
                           column=_named(ref.columns[0]))
        if name in rows:
            raise _fail_at(grid, ref, "key-twice", number, key_index, name=_named(name), key=_named(ref.key))
        rows[name] = values[number]
    return tuple(rows.items())


def _column(grid: Grid, ref: TableRef, element: Type, cell: Cell) -> list[tuple[int, Value]]:
    """(row number, value) for each row that answers: one value, or a tuple with "columns"."""
    indexes = _indexes(grid, ref)
    problems: list[Problem] = []
    values: list[tuple[int, Value]] = []
    for number, cells in grid.rows[1:]:
        answers: list[Value] = []
        for column, index in zip(ref.columns, indexes, strict=True):
            raw = cells[index] if index < len(cells) else None
            if raw is None:
                if (number, index) in grid.unsaved or not element.optional:
                    code = "no-result" if (number, index) in grid.unsaved else "blank"
                    problems.append(_at(grid, ref, code, number, index, column=_named(column)))
                continue  # no answer to this question: left out
            try:
                answers.append(cell(element, raw))
            except Invalid as exc:
                problems.append(_at(grid, ref, "cell", number, index, column=_named(column),
                                    problem=problem(exc.code, hint=exc.hint, params=exc.params)))
        if len(problems) >= MAX_PROBLEMS:
            problems.append(problem("xlsx.stopped", count=MAX_PROBLEMS))
            break
        if ref.several:
            if answers or not element.optional:
                values.append((number, tuple(answers)))
            # A row with every question blank: the company did not answer at all.
        elif answers:
            values.append((number, answers[0]))
    if problems:
        raise TableError(problems, {})
    return values


def _indexes(grid: Grid, ref: TableRef) -> list[int]:
    """Where each column `ref` reads stands in the header; TableError if it is not there once."""
    if not grid.rows:
        raise _fail(ref, "empty", sheet=_named(grid.sheet))
    row, cells = grid.rows[0]
    header = [_name(value) for value in cells]
    indexes = []
    for column in ref.columns:
        if header.count(column) != 1:
            close = None if column in header else closest(column, header)  # twice: no other name to offer
            raise _fail(ref, "column-twice" if column in header else "column-missing",
                        "suggest" if close else "xlsx.columns", at=(row, 0), row=row, column=_named(column),
                        sheet=_named(grid.sheet), columns=_listed(header),
                        suggestion=close or "")
        indexes.append(header.index(column))
    return indexes


def _name(value: object) -> str:
    """A header cell as the name of its column: a year or a date names a column too."""
    if value is None:
        return ""
    if isinstance(value, int | float | dt.date) and not isinstance(value, bool):
        return cell_text(value)
    return unicodedata.normalize("NFC", str(value).strip())


def read_records(ref: TableRef, fields: Sequence[str], columns: Sequence[Column],
                 grids: Grids | None = None) -> list[Record]:
    """The rows of a sheet as Records: each field's value from its column (`ref.columns`, in the
    fields' order), made by the field's Column. TableError with the problems found, each at its
    cell (`Krav!C17: dato: ...`): one bad cell refuses the sheet."""
    grid = _grid(ref, grids)
    indexes = _record_indexes(grid, ref, fields)
    header = grid.rows[0][1]
    problems: list[Problem] = []
    records: list[Record] = []
    for number, cells in grid.rows[1:]:
        values: list[object] = []
        for field, index, column in zip(fields, indexes, columns, strict=True):
            raw = cells[index] if index < len(cells) else None
            if raw is None and (number, index) in grid.unsaved:
                problems.append(_at(grid, ref, "no-result", number, index, column=_named(_name(header[index]))))
                continue
            try:
                values.append(column[sheet_key(raw)])
            except Invalid as exc:
                problems.append(_field_problem(grid, ref, field, _name(header[index]), number, index, exc))
        if len(problems) >= MAX_PROBLEMS:
            problems.append(problem("xlsx.stopped", count=MAX_PROBLEMS))
            break
        records.append(Record(values))
    if problems:
        raise TableError(problems, {})
    return records


def _field_problem(grid: Grid, ref: TableRef, field: str, column: str, number: int, index: int,
                   exc: Invalid) -> Problem:
    """A cell that is no value of its field: `Krav!C17: dato (column "Date"): ...`."""
    inner = problem(exc.code, hint=exc.hint, params=exc.params)
    if column == field:
        return _at(grid, ref, "field", number, index, field=field, problem=inner)
    return _at(grid, ref, "field-column", number, index, field=field, column=_named(column), problem=inner)


def _record_indexes(grid: Grid, ref: TableRef, fields: Sequence[str]) -> list[int]:
    """Where each field's column stands in the header; TableError for one missing or named twice,
    with the columns there are."""
    if not grid.rows:
        raise _fail(ref, "empty", sheet=_named(grid.sheet))
    row, cells = grid.rows[0]
    header = [_name(value) for value in cells]
    indexes = []
    for field, column in zip(fields, ref.columns, strict=True):
        if header.count(column) != 1:
            close = None if column in header else closest(column, header)  # twice: no other name to offer
            raise _fail(ref, "field-column-twice" if column in header else "field-column-missing",
                        "xlsx.columns-suggest" if close else "xlsx.record-columns", at=(row, 0), row=row,
                        column=_named(column), field=field, sheet=_named(grid.sheet), columns=_listed(header),
                        suggestion=_named(close) if close else "")
        indexes.append(header.index(column))
    return indexes


# ---- reading a workbook ------------------------------------------------------------------


def _grid(ref: TableRef, grids: Grids | None) -> Grid:
    key = (str(ref.path), ref.sheet)
    if grids is not None and key in grids:
        return grids[key]
    openpyxl = _openpyxl(ref)
    data = _bytes(ref)
    survey = _survey(data, ref)
    # openpyxl warns of what it does not keep (styles, extensions, data validation):
    # only the values matter here, and warnings would reach the user's terminal.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sheet, rows, formulas = _sheet_rows(openpyxl, data, ref, survey, data_only=True)
        unsaved: frozenset[tuple[int, int]] = frozenset()
        if formulas:  # read again, as formulas, to tell a formula without a result from an empty cell
            unsaved = _unsaved(_sheet_rows(openpyxl, data, ref, survey, data_only=False)[1], rows)
    grid = Grid(sheet, rows, unsaved)
    if grids is not None:
        grids[key] = grid
    return grid


def _openpyxl(ref: TableRef) -> Any:
    """openpyxl, imported only when a workbook is read: nothing else pays for it."""
    try:
        import openpyxl
    except ImportError:
        raise _fail(ref, "needs-openpyxl") from None
    return openpyxl


def _bytes(ref: TableRef) -> bytes:
    """The workbook's bytes, read as a CSV file's are: a pipe, a device or a huge file is refused."""
    try:
        return read_bytes(ref.path, ref.max_bytes)
    except FileProblem as trouble:
        found = problem(f"file.{trouble.code}", params=trouble.params)
        raise _fail(ref, "unreadable", problem=found) from None


def _sheet_rows(openpyxl: Any, data: bytes, ref: TableRef, survey: _Survey, *,
                data_only: bool) -> tuple[str, Rows, bool]:
    """The name of the sheet `ref` reads, its rows that are not empty (each formula's saved
    result with `data_only`, else the formula itself), and whether it holds formulas."""
    try:
        # External links keep copies of other workbooks' sheets, which are not read here.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only,
                                      keep_links=False)
    except Exception:  # openpyxl raises what its parts raise: zip, XML, key and value errors
        raise _not_a_workbook(ref, data) from None
    try:
        sheet = _worksheet(book, ref, data)
        found = _surveyed(survey, sheet, ref)
        # The size a sheet declares may be anything: rows are taken as they come.
        sheet.reset_dimensions()
        return sheet.title, _rows(sheet.iter_rows(values_only=True), ref, data), found.formulas
    finally:
        book.close()


def _worksheet(book: Any, ref: TableRef, data: bytes) -> Any:
    try:
        sheets = {unicodedata.normalize("NFC", sheet.title): sheet for sheet in book.worksheets}
    except Exception:
        raise _not_a_workbook(ref, data) from None
    if ref.sheet is None:
        if len(sheets) == 1:
            return next(iter(sheets.values()))
        raise _fail(ref, "which-sheet", sheets=_listed(sheets))
    if ref.sheet in sheets:
        return sheets[ref.sheet]
    # Excel tells no two sheets apart by letter case alone, so at most one matches this way.
    same = [sheet for name, sheet in sheets.items() if name.casefold() == ref.sheet.casefold()]
    if same:
        return same[0]
    close = closest(ref.sheet, sheets)
    raise _fail(ref, "sheet-missing", "suggest" if close else "xlsx.sheets", sheet=_named(ref.sheet),
                sheets=_listed(sheets),
                suggestion=close or "")


def _rows(rows: Iterable[tuple[object, ...]], ref: TableRef, data: bytes) -> Rows:
    """The rows that are not empty, with texts stripped and blank texts as None. openpyxl hands
    over every row from the first, an empty one for each row the sheet leaves out; the survey
    has seen to it that there are at most MAX_ROWS of them, and MAX_CELLS cells."""
    kept: list[tuple[int, tuple[object, ...]]] = []
    for number, row in enumerate(_guarded(rows, ref, data), start=1):
        values = _trimmed(row)
        if values:
            kept.append((number, values))
    return tuple(kept)


def _guarded(rows: Iterable[tuple[object, ...]], ref: TableRef, data: bytes) -> Iterator[tuple[object, ...]]:
    """The rows openpyxl reads, parsing as it goes: whatever it raises on the way, the sheet
    cannot be read."""
    iterator = iter(rows)
    while True:
        try:
            row = next(iterator)
        except StopIteration:
            return
        except Exception:
            raise _not_a_workbook(ref, data) from None
        yield row


def _trimmed(row: tuple[object, ...]) -> tuple[object, ...]:
    values = [(value.strip() or None) if isinstance(value, str) else value for value in row]
    while values and values[-1] is None:
        values.pop()
    return tuple(values)


def _unsaved(formulas: Rows, values: Rows) -> frozenset[tuple[int, int]]:
    """The cells holding a formula whose result was never saved.

    openpyxl reads such a formula as an empty cell, and so would a blank answer
    be read. A spreadsheet saves every formula's result, an empty text as an
    empty value, so a workbook whose formulas have no result at all was written
    by a program and never calculated: then its empty formulas are errors,
    rather than answers quietly left out.
    """
    saved = dict(values)
    missing: list[tuple[int, int]] = []
    for number, cells in formulas:
        results = saved.get(number, ())
        for index, formula in enumerate(cells):
            result = results[index] if index < len(results) else None
            if formula is None or formula == result:
                continue  # no formula: a value reads the same both ways
            if result is not None:
                return frozenset()  # the workbook was calculated: an empty result is an empty text
            missing.append((number, index))
    return frozenset(missing)


# ---- the survey: what a workbook will cost, counted before openpyxl pays it ------------------

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main "  # with expat's separator
_ROW, _FORMULA, _SHARED_TEXTS, _SHARED_TEXT = _MAIN + "row", _MAIN + "f", _MAIN + "sst", _MAIN + "si"
# The parts openpyxl parses whole, by the name of their root element: the content types, the
# workbook, relationships, properties, styles, chartsheets; and, of a sheet and of the shared
# texts, all that is not a row or a text. Drawings and charts it parses only for a chartsheet.
_WHOLE = frozenset({"Types", "workbook", "Relationships", "coreProperties", "Properties", "styleSheet",
                    "chartsheet", "worksheet", "sst"})
_DRAWN = frozenset({"wsDr", "chartSpace"})
_CHUNK = 1 << 16


class _Sheet:
    """What the survey found in the part of one sheet."""

    __slots__ = ("cells", "disorder", "formulas", "rows")

    def __init__(self) -> None:
        self.rows = 0  # the last row's number
        self.cells = 0  # as openpyxl hands them over: each row as wide as its last cell
        self.formulas = False
        # The first row or cell out of place: (code, row, column, the row or column it follows).
        self.disorder: tuple[str, int, int, int] | None = None


def _survey(data: bytes, ref: TableRef) -> _Survey:
    """What the workbook's parts hold, as far as openpyxl would read them; TableError if it is
    no zip archive, or one that unpacks to more, or holds more, than its limits allow (as its
    directory says: a member that unpacks to more than it says fails its checksum, and is not
    read past that)."""
    try:
        # Bounded as any archive a user hands over (core/archives.py): its parts, how tightly it
        # was packed, and what it unpacks to, as its directory says.
        archive = open_archive(data, ref.max_bytes)
    except ArchiveProblem as refused:
        if refused.code == "not-zip":
            raise _not_a_workbook(ref, data) from None
        raise _fail(ref, refused.code, params=refused.params) from None
    with archive:
        survey = _Survey(ref, len(data))
        try:
            for member in archive.infolist():
                survey.read(archive, member)
            survey.check_drawings()
        except TableError:
            raise
        except Exception:  # a broken archive, a cell named as no cell is named
            raise _not_a_workbook(ref, data) from None
    return survey


class _Survey:
    """Reads each part of a workbook as a stream, and counts what openpyxl would make of it; a
    count past its limit raises TableError then and there, before the rest is unpacked.

    Rows are numbered and cells placed as openpyxl places them: by their `r`, else one after
    the one before. What is found in a sheet is kept by its part (`sheets`), for the sheet that
    is read; the counts of elements and text hold for the whole workbook, which openpyxl
    reads whole, whichever sheet is wanted. The handlers run for every element of every
    part, so each is kept to a few comparisons.
    """

    __slots__ = ("budget", "chartsheet", "column", "depth", "drawn", "drawn_part", "elements", "limit", "part",
                 "ref", "row", "row_depth", "run", "sheet", "sheets", "size", "strings", "text", "text_budget",
                 "text_depth", "whole", "whole_part", "width")

    def __init__(self, ref: TableRef, size: int) -> None:
        self.ref, self.size = ref, size
        self.budget = max(ELEMENTS_FLOOR, ELEMENTS_PER_BYTE * size)
        self.text_budget = max(TEXT_FLOOR, TEXT_PER_BYTE * size)
        self.elements = self.whole = self.text = self.drawn = 0
        self.chartsheet: str | None = None  # the first chartsheet's part, if there is one
        self.sheets: dict[str, _Sheet] = {}

    def read(self, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
        """Count one part. A part that is no XML (an image), or XML broken off, is counted as far
        as it goes, which is as far as openpyxl would get."""
        self.part = member.filename
        self.depth = self.row_depth = self.text_depth = self.run = 0
        self.row = self.column = self.width = 0
        self.limit = self.budget
        self.strings = self.whole_part = self.drawn_part = False
        self.sheet: _Sheet | None = None
        parser = xml_parser(self._doctype)
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        stretch, counted, head = 0, self.elements, b""
        with archive.open(member) as stream:
            try:
                while chunk := stream.read(_CHUNK):
                    head = head or chunk[:64]
                    stretch = self._stretch(stretch, chunk)
                    parser.Parse(chunk, False)
                parser.Parse(b"", True)
            except expat.ExpatError:
                # openpyxl may parse a part with lxml, which knows encodings that expat does not:
                # a part that looks like XML and cannot be counted is no part of a workbook.
                if self.elements == counted and head.lstrip()[:1] == b"<":
                    raise _fail(self.ref, "not-xlsx") from None

    def check_drawings(self) -> None:
        """openpyxl parses the drawings and charts whole for a chartsheet: TableError if they, with
        the rest it parses whole, hold more than MAX_WHOLE elements."""
        if self.chartsheet is not None and self.whole + self.drawn > MAX_WHOLE:
            raise _fail(self.ref, "too-much-besides-cells", limit=MAX_WHOLE, part=self.chartsheet)

    def _stretch(self, stretch: int, chunk: bytes) -> int:
        """The bytes since the last `<`, which expat holds whole when they are a tag: a tag or a
        comment of megabytes is refused before it is held. A part that is no XML has failed
        long before its first megabyte."""
        found = untagged(stretch, chunk)
        if found is None:
            raise _fail(self.ref, "text-too-long", limit=MAX_TEXT, part=self.part)
        return found

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        self.elements += 1
        if self.elements > self.limit:
            raise self._too_many()
        depth = self.depth = self.depth + 1
        self.run = 0
        if self.row_depth:
            if depth == self.row_depth + 1:  # openpyxl reads whatever stands in a row as a cell
                self.width += 1
                if self.width > MAX_COLUMNS:
                    raise self._too_many()
                given = attributes.get("r")
                if given is None:
                    row, column = self.row, self.column + 1
                else:  # a cell's name, `B12`, as openpyxl reads it; KeyError or ValueError if none
                    letters = given.rstrip("0123456789")
                    column = _COLUMNS.get(letters) or _COLUMNS[letters.upper()]
                    row = int(given[len(letters):])
                if row != self.row or column <= self.column:
                    self._misplaced(row, column)
                self.column = column
            elif name == _FORMULA:
                if depth == self.row_depth + 2:
                    assert self.sheet is not None
                    self.sheet.formulas = True
            elif name == _ROW:  # openpyxl would read it as a row, and then as a cell of the other
                raise _fail(self.ref, "not-xlsx")
        elif self.text_depth:
            pass
        elif name == _ROW and not self.strings:
            self._row(attributes.get("r"), depth)
        elif name == _SHARED_TEXT and self.strings:
            self.text_depth = depth
            self.limit = min(self.budget, self.elements + MAX_ROW_ELEMENTS)
        else:
            self._whole(name, attributes, depth)

    def _end(self, name: str) -> None:
        depth = self.depth
        self.depth = depth - 1
        self.run = 0
        if depth == self.row_depth:
            assert self.sheet is not None
            self.sheet.cells += self.column
            self.row_depth, self.limit = 0, self.budget
        elif depth == self.text_depth:
            self.text_depth, self.limit = 0, self.budget

    def _text(self, text: str) -> None:
        """Text as it comes, in pieces: `run` is the text since the last tag."""
        length = len(text)
        self.run += length
        self.text += length
        if self.run > MAX_TEXT:
            raise _fail(self.ref, "text-too-long", limit=MAX_TEXT, part=self.part)
        if self.text > self.text_budget:
            raise self._too_much_text()

    def _too_much_text(self) -> TableError:
        return _fail(self.ref, "too-much-text", limit=self.text_budget, size=size_text(self.size),
                     per=TEXT_PER_BYTE, floor=TEXT_FLOOR)

    def _doctype(self, *declaration: object) -> None:
        # No part of a workbook declares a DTD; one that does would have its entities expanded.
        raise _fail(self.ref, "not-xlsx")

    def _too_many(self) -> TableError:
        if self.elements > self.budget:
            return _fail(self.ref, "too-many-elements", limit=self.budget, size=size_text(self.size),
                         per=ELEMENTS_PER_BYTE, floor=ELEMENTS_FLOOR)
        if self.row_depth:  # openpyxl holds a row whole until its end
            return _fail(self.ref, "row-too-large", columns=MAX_COLUMNS, elements=MAX_ROW_ELEMENTS,
                         part=self.part, row=self.row)
        return _fail(self.ref, "text-too-large", elements=MAX_ROW_ELEMENTS, part=self.part)

    def _whole(self, name: str, attributes: dict[str, str], depth: int) -> None:
        """An element that is no row and no text: kept whole by openpyxl, with its attributes,
        in the parts it parses whole."""
        if depth == 1:
            root = name.rpartition(" ")[2]
            self.strings, self.whole_part, self.drawn_part = name == _SHARED_TEXTS, root in _WHOLE, root in _DRAWN
            if root == "chartsheet" and self.chartsheet is None:
                self.chartsheet = self.part
        if self.drawn_part:
            self.drawn += 1
        elif self.whole_part:
            self.whole += 1
            if self.whole > MAX_WHOLE:
                raise _fail(self.ref, "too-much-besides-cells", limit=MAX_WHOLE, part=self.part)
            self.text += sum(map(len, attributes.values()))  # kept with the element; no cell's text
            if self.text > self.text_budget:
                raise self._too_much_text()

    def _row(self, given: str | None, depth: int) -> None:
        sheet = self.sheet
        if sheet is None:
            sheet = self.sheet = self.sheets[self.part] = _Sheet()
        number = self.row + 1 if given is None else _row_number(given)
        if number < 1:
            raise ValueError(given)
        if number <= self.row and sheet.disorder is None:
            sheet.disorder = ("row-twice" if number == self.row else "row-order", number, 0, self.row)
        self.row = number
        sheet.rows = max(sheet.rows, number)
        self.column = self.width = 0
        self.row_depth = depth
        self.limit = min(self.budget, self.elements + MAX_ROW_ELEMENTS)

    def _misplaced(self, row: int, column: int) -> None:
        """Keep the first cell out of place: openpyxl would leave some cells out of the row."""
        sheet = self.sheet
        assert sheet is not None
        if sheet.disorder is not None:
            return
        if row != self.row:
            sheet.disorder = ("cell-misplaced", row, column, self.row)
        else:
            sheet.disorder = ("cell-twice" if column == self.column else "cell-order", row, column, self.column)

    def together(self) -> _Sheet:
        """All sheets' findings as one, for a sheet whose part is not known."""
        found = _Sheet()
        for sheet in self.sheets.values():
            found.rows, found.cells = max(found.rows, sheet.rows), max(found.cells, sheet.cells)
            found.formulas = found.formulas or sheet.formulas
            found.disorder = found.disorder or sheet.disorder
        return found


def _surveyed(survey: _Survey, sheet: Any, ref: TableRef) -> _Sheet:
    """What the survey found in the sheet that is read; TableError if openpyxl would read its
    rows wrong (some rows or cells out of order, or given twice), or would read too many."""
    # openpyxl keeps the part it reads a sheet from; were that ever to go, every sheet's
    # findings would hold for this one, rather than a sheet out of order be read.
    part = getattr(sheet, "_worksheet_path", None)
    found = survey.together() if part is None else survey.sheets.get(part, _Sheet())
    name = _named(sheet.title)
    if found.disorder is not None:
        code, row, column, other = found.disorder
        raise _fail(ref, code, "xlsx.order", at=(row, max(column, 1) - 1), sheet=name, row=row,
                    previous=other, cell=f"{_letters(column)}{row}", before=f"{_letters(other)}{row}")
    if found.rows > MAX_ROWS:
        raise _fail(ref, "too-many-rows", sheet=name, rows=MAX_ROWS)
    if found.cells > MAX_CELLS:
        raise _fail(ref, "too-many-cells", sheet=name, cells=MAX_CELLS)
    return found


def _row_number(given: str) -> int:
    """A row's `r`, read as openpyxl reads it: `7`, or `7.0`; ValueError if it is no row."""
    try:
        return int(given)
    except ValueError:
        number = float(given)
        if not number.is_integer():
            raise ValueError(given) from None
        return int(number)


# ---- words ---------------------------------------------------------------------------------


def _fail(ref: TableRef, code: str, hint: str | None = None, *, at: tuple[int, int] = (1, 0),
          params: Mapping[str, object] | None = None, **named: object) -> TableError:
    """A problem that stops the reading of a sheet, at the cell (row, column index) it concerns;
    a workbook's bytes are no text to show, so no excerpt is offered."""
    row, index = at
    return TableError([problem(f"xlsx.{code}", Span.point(ref.source, row, index + 1), hint=hint,
                               params={**(params or {}), **named})], {})


def _fail_at(grid: Grid, ref: TableRef, code: str, number: int, index: int, **params: object) -> TableError:
    return TableError([_at(grid, ref, code, number, index, **params)], {})


def _at(grid: Grid, ref: TableRef, code: str, number: int, index: int, **params: object) -> Problem:
    """A problem at one cell, which its message names first: `Svar!C17: ...`."""
    return problem(f"xlsx.{code}", Span.point(ref.source, number, index + 1),
                   params={"cell": _cell_name(grid.sheet, index, number), **params})


def _not_a_workbook(ref: TableRef, data: bytes) -> TableError:
    # A CSV export given the name of a workbook is the likely mistake: say so.
    text = not data.startswith(b"PK") and b"\0" not in data[:4096]
    return _fail(ref, "not-xlsx", "xlsx.text" if text else None)


def _named(name: str) -> str:
    """A column or sheet name from a workbook, quoted and cut short for a message."""
    return quote(shortened(name))


def _listed(names: Iterable[str], most: int = 40) -> str:
    """Names for a hint, the blank ones left out; past `most`, the rest as `…`."""
    shown = [name for name in names if name]
    return ", ".join(map(_named, shown[:most])) + (", …" if len(shown) > most else "")


# Sheet names that Excel writes without quotes in a reference: a letter, then letters, digits,
# points and underscores; but not a name that reads as a cell, such as A1.
_PLAIN_SHEET = re.compile(r"[^\W\d]\w*(\.\w+)*")
_LIKE_A_CELL = re.compile(r"[A-Za-z]{1,3}[0-9]+|[Rr][0-9]*[Cc][0-9]*")


def _cell_name(sheet: str, index: int, row: int) -> str:
    """The cell as a spreadsheet names it: Svar!C17, or 'Svar 2019'!C17."""
    name = shortened(sheet, 40)
    if not _PLAIN_SHEET.fullmatch(name) or _LIKE_A_CELL.fullmatch(name):
        name = "'" + name.replace("'", "''") + "'"
    return f"{name}!{_letters(index + 1)}{row}"


def _letters(column: int) -> str:
    """A column's letters: 1 is A, 27 is AA."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# Every column's name, A to ZZZ as openpyxl reads them, to its number: looked up for every cell.
_COLUMNS = {_letters(column): column for column in range(1, 26**3 + 26**2 + 26 + 1)}
