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
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .answers import MAX_PROBLEMS, TableError, TableRef, element_of
from .coerce import Invalid, cell_text
from .errors import Problem, Span, did_you_mean
from .files import FileProblem, read_bytes, size_text
from .reasons import problem
from .records import changed, field, Record, record
from .values import T_TEXT, Type, Value, list_of
from .vocabulary import quote, shortened

# Excel's own last row: a sheet that goes on past it was not written by a spreadsheet.
MAX_ROWS = 1_048_576
# The cells of one sheet kept in memory: a survey of 40 000 companies with 50 questions.
MAX_CELLS = 2_000_000
# A workbook is a zip archive of XML, which packs tightly: it may unpack to this many times
# the file limit, which holds any sheet of MAX_CELLS cells, and an archive made to unpack
# without end is refused before a byte of it is unpacked.
UNPACK_FACTOR = 4

Cell = Callable[[Type, object], Value]
Rows = tuple[tuple[int, tuple[object, ...]], ...]  # (row number, cells) of the rows that are not empty
Grids = dict[tuple[str, str | None], "Grid"]


@record
class Grid(Record):
    """One sheet of a workbook, read once however many facts read from it."""

    sheet: str  # the sheet's name, as the workbook spells it
    rows: Rows = field(repr=False)  # the header first
    # Cells (row number, column index) holding a formula whose result was never saved.
    unsaved: frozenset[tuple[int, int]] = field(default=frozenset(), repr=False)


def read(ref: TableRef, type_: Type, cell: Cell, grids: Grids | None = None) -> tuple[Value, ...]:
    """The answers `ref` points at, as a value of the list type `type_`.

    `cell` turns one cell's value into a value of the element type, raising
    `Invalid` when it cannot. `grids` keeps the sheets already read.
    """
    element = element_of(ref, type_)
    return tuple(value for _, value in _column(_grid(ref, grids), ref, element, cell))


def read_table(ref: TableRef, type_: Type, cell: Cell,
               grids: Grids | None = None) -> tuple[tuple[str, Value], ...]:
    """A table fact from a sheet: (name, value) for each row, in the sheet's order."""
    assert ref.key is not None and type_.element is not None
    grid = _grid(ref, grids)
    by_name = changed(ref, columns=(ref.key,), key=None)
    by_value = changed(ref, key=None)
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
            close = did_you_mean(column, header)
            raise _fail(ref, "column-twice" if column in header else "column-missing",
                        "suggest" if close else "xlsx.columns", at=(row, 0), row=row, column=_named(column),
                        sheet=_named(grid.sheet), columns=_listed(header),
                        suggestion=close.removeprefix("did you mean `").removesuffix("`?") if close else "")
        indexes.append(header.index(column))
    return indexes


def _name(value: object) -> str:
    """A header cell as the name of its column: a year or a date names a column too."""
    if value is None:
        return ""
    if isinstance(value, int | float | dt.date) and not isinstance(value, bool):
        return cell_text(value)
    return unicodedata.normalize("NFC", str(value).strip())


# ---- reading a workbook ------------------------------------------------------------------


def _grid(ref: TableRef, grids: Grids | None) -> Grid:
    key = (str(ref.path), ref.sheet)
    if grids is not None and key in grids:
        return grids[key]
    openpyxl = _openpyxl(ref)
    data = _bytes(ref)
    formulas = _inspect(data, ref)
    # openpyxl warns of what it does not keep (styles, extensions, data validation):
    # only the values matter here, and warnings would reach the user's terminal.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sheet, rows = _sheet_rows(openpyxl, data, ref, data_only=True)
        unsaved: frozenset[tuple[int, int]] = frozenset()
        if formulas:  # read again, as formulas, to tell a formula without a result from an empty cell
            unsaved = _unsaved(_sheet_rows(openpyxl, data, ref, data_only=False)[1], rows)
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


# A formula in a sheet's XML: <f>, <f t="shared" .../>, or with a namespace prefix, <x:f>.
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")


def _inspect(data: bytes, ref: TableRef) -> bool:
    """Whether the workbook's sheets hold formulas; TableError if it is no zip archive, or one
    that unpacks to more than UNPACK_FACTOR times the file limit (as its directory says: a
    member that unpacks to more than it says fails its checksum, and is not read past that)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # whatever the bytes are, they are no workbook
        raise _not_a_workbook(ref, data) from None
    with archive:
        members = archive.infolist()
        unpacked, limit = sum(member.file_size for member in members), UNPACK_FACTOR * ref.max_bytes
        if unpacked > limit:
            raise _fail(ref, "unpacks-too-large", size=size_text(unpacked), limit=size_text(limit))
        try:
            return any(_holds_formula(archive, member) for member in members
                       if member.filename.startswith("xl/worksheets/"))
        except Exception:
            raise _not_a_workbook(ref, data) from None


def _holds_formula(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    with archive.open(member) as stream:
        tail = b""
        while chunk := stream.read(1 << 20):
            if _FORMULA.search(tail + chunk):
                return True
            tail = chunk[-64:]
    return False


def _sheet_rows(openpyxl: Any, data: bytes, ref: TableRef, *, data_only: bool) -> tuple[str, Rows]:
    """The name of the sheet `ref` reads, and its rows that are not empty: each formula's saved
    result with `data_only`, else the formula itself."""
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception:  # openpyxl raises what its parts raise: zip, XML, key and value errors
        raise _not_a_workbook(ref, data) from None
    try:
        sheet = _worksheet(book, ref, data)
        # The size a sheet declares may be anything: rows are taken as they come.
        sheet.reset_dimensions()
        return sheet.title, _rows(sheet.iter_rows(values_only=True), sheet.title, ref, data)
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
    close = did_you_mean(ref.sheet, sheets)
    raise _fail(ref, "sheet-missing", "suggest" if close else "xlsx.sheets", sheet=_named(ref.sheet),
                sheets=_listed(sheets),
                suggestion=close.removeprefix("did you mean `").removesuffix("`?") if close else "")


def _rows(rows: Iterable[tuple[object, ...]], sheet: str, ref: TableRef, data: bytes) -> Rows:
    """The rows that are not empty, with texts stripped and blank texts as None; TableError past
    MAX_ROWS rows or MAX_CELLS cells."""
    kept: list[tuple[int, tuple[object, ...]]] = []
    cells = 0
    for number, row in enumerate(_guarded(rows, ref, data), start=1):
        cells += len(row)
        if number > MAX_ROWS:
            raise _fail(ref, "too-many-rows", sheet=_named(sheet), rows=MAX_ROWS)
        if cells > MAX_CELLS:
            raise _fail(ref, "too-many-cells", sheet=_named(sheet), cells=MAX_CELLS)
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


# ---- words ---------------------------------------------------------------------------------


def _fail(ref: TableRef, code: str, hint: str | None = None, *, at: tuple[int, int] = (1, 0),
          **params: object) -> TableError:
    """A problem that stops the reading of a sheet, at the cell (row, column index) it concerns;
    a workbook's bytes are no text to show, so no excerpt is offered."""
    row, index = at
    return TableError([problem(f"xlsx.{code}", Span.point(ref.source, row, index + 1), hint=hint,
                               params=params)], {})


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
