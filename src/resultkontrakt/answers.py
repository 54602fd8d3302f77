"""Survey answers from CSV files: one row per company, one column per question.

A facts file points at a table instead of listing the answers itself:

    "anbefaling": {"csv": "svar.csv", "column": "anbefaling"}
    "påvirkning": {"csv": "svar.csv", "columns": ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]}

One column gives a list of answers; several columns give a list per row. The
file is UTF-8 (with or without a byte-order mark), separated by commas or by
semicolons as Danish spreadsheets write it. Every cell is checked against the
fact's declaration, and a file with any bad cell is refused whole: no goal is
ever scored on partly read data.
"""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path

import attrs

from .errors import Problem, Span, did_you_mean
from .files import DEFAULT_MAX_BYTES, Access, FileProblem, confine, read_bytes
from .values import LIST, T_TEXT, Type, Value, list_of

MAX_PROBLEMS = 20  # per file: enough to see the pattern, not a wall of text


@attrs.frozen
class TableRef:
    """Where a fact's values are: a CSV file and the column(s) to read.

    With `key`, the fact is a table: the key column names each row (a
    municipality, say) and `columns` holds the one column of values.
    """

    path: Path  # resolved, and inside the folder the facts may point into
    source: str  # the file as messages name it: where the reference leads, before symlinks
    columns: tuple[str, ...]
    several: bool  # "columns": a list per row; "column": one answer per row
    key: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


class TableError(Exception):
    """The answers cannot be read; `problems` say where (file, line, column)."""

    def __init__(self, problems: list[Problem], sources: dict[str, str]):
        super().__init__(problems[0].message if problems else "")
        self.problems = problems
        self.sources = sources


def _text_value(value: object) -> bool:
    """A text in the facts file (a JSON number is kept as text too, but is not one)."""
    from .facts import JsonNumber

    return isinstance(value, str) and not isinstance(value, JsonNumber)


def reference(raw: Mapping[object, object], access: Access) -> TableRef:
    """The table a facts-file object points at.

    ValueError with advice if the object is malformed; FileProblem if the file
    it names lies outside the folder the facts may point into.
    """
    keys = set(raw)
    if not _text_value(raw.get("csv")):
        raise ValueError('a table of answers is written {"csv": "FILE.csv", "column": "NAME"}')
    unknown = keys - {"csv", "column", "columns", "key"}
    if unknown:
        raise ValueError(f"unknown key {sorted(map(str, unknown))[0]!r} in a table reference; "
                         'use "csv" with "column" or "columns" (and "key" for a table)')
    key = raw.get("key")
    if key is not None and (not _text_value(key) or "columns" in raw):
        raise ValueError('a table is read as {"csv": "FILE.csv", "key": "NAME COLUMN", "column": "VALUES"}')
    if ("column" in raw) == ("columns" in raw):
        raise ValueError('say which answers to read: "column": "NAME" or "columns": ["A", "B", ...]')
    if "column" in raw:
        column = raw["column"]
        if not _text_value(column):
            raise ValueError('"column" is the name of one column, in quotes')
        columns: tuple[str, ...] = (column,)
    else:
        names = raw["columns"]
        if not isinstance(names, list) or not names or not all(_text_value(n) for n in names):
            raise ValueError('"columns" is a list of column names: ["q1", "q2", ...]')
        columns = tuple(names)
    columns = tuple(unicodedata.normalize("NFC", c.strip()) for c in columns)
    written = str(raw["csv"])
    return TableRef(confine(written, access), os.path.normpath(access.base / written), columns,
                    "columns" in raw,
                    unicodedata.normalize("NFC", key.strip()) if isinstance(key, str) else None,
                    access.max_bytes)


@attrs.frozen
class _Sheet:
    """A CSV file read and split into rows once, however many facts read from it."""

    text: str
    rows: list[list[str]]
    lines: list[str]
    row_lines: list[int]
    delimiter: str


def _sheet(ref: TableRef, sheets: dict[str, _Sheet] | None) -> _Sheet:
    key = str(ref.path)
    if sheets is not None and key in sheets:
        return sheets[key]
    text = _text(ref.path, ref.source, ref.max_bytes)
    delimiter = _delimiter(text)
    sheet = _Sheet(text, list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)),
                   text.split("\n"), _row_lines(text), delimiter)
    if sheets is not None:
        sheets[key] = sheet
    return sheet


def read_table(ref: TableRef, type_: Type, cell: Callable[[Type, str], Value],
               sheets: dict[str, _Sheet] | None = None) -> tuple[tuple[str, Value], ...]:
    """A table fact from a CSV file: (name, value) for each row, in file order."""
    assert ref.key is not None and type_.element is not None
    source = ref.source
    sheets = {} if sheets is None else sheets
    text = _sheet(ref, sheets).text
    names = read(attrs.evolve(ref, columns=(ref.key,), key=None), list_of(T_TEXT), lambda _, t: t,
                 sheets)
    values = read(attrs.evolve(ref, key=None), list_of(type_.element), cell, sheets)
    if len(names) != len(values):
        raise _fail(source, f'every row needs a name in "{ref.key}" and a value in "{ref.columns[0]}"',
                    "fill in the empty cells", text=text)
    seen: set[str] = set()
    for name in names:
        assert isinstance(name, str)
        if name in seen:
            raise _fail(source, f'"{name}" appears twice in the column "{ref.key}"',
                        "each row names a different party", text=text)
        seen.add(name)
    return tuple(zip(names, values))  # type: ignore[arg-type]


def read(ref: TableRef, type_: Type, cell: Callable[[Type, str], Value],
         sheets: dict[str, _Sheet] | None = None) -> tuple[Value, ...]:
    """The answers `ref` points at, as a value of the list type `type_`.

    `cell` turns one cell's text into a value of the element type, raising
    ValueError (with an optional `.hint`) when it cannot. `sheets` keeps files
    already read, so two facts from one export read it once.
    """
    source = ref.source
    assert type_.kind == LIST and type_.element is not None
    element = type_.element
    if ref.several:
        if element.kind != LIST or element.element is None:
            raise _fail(source, f'"columns" gives a list of answers per row, but the fact holds {type_}',
                        'read one column with "column", or declare the fact as `list of list of ...`')
        element = element.element
    elif element.kind == LIST:
        raise _fail(source, f'"column" gives one answer per row, but the fact holds {type_}',
                    'read several columns with "columns": [...]')
    sheet = _sheet(ref, sheets)
    text, rows, lines = sheet.text, sheet.rows, sheet.lines
    if not rows:
        raise _fail(source, "the file is empty", "the first row names the columns", text=text)
    header = [unicodedata.normalize("NFC", name.strip()) for name in rows[0]]
    indexes = []
    for column in ref.columns:
        if header.count(column) != 1:
            found = "appears more than once in" if column in header else "is not in"
            raise _fail(source, f'the column "{column}" {found} the header',
                        did_you_mean(column, header) or "the columns are: " + ", ".join(header),
                        line=1, text=text)
        indexes.append(header.index(column))

    problems: list[Problem] = []
    values: list[Value] = []
    reader_lines = sheet.row_lines
    for number, row in enumerate(rows[1:], start=1):
        line = reader_lines[number] if number < len(reader_lines) else number + 1
        if not any(c.strip() for c in row):
            continue  # an empty line, as spreadsheets often leave at the end
        if len(row) != len(header):
            problems.append(Problem(
                "error", f"this row has {len(row)} cells, but the header has {len(header)}",
                Span.point(source, line, 1),
                "every row needs a cell for every column; leave a cell empty for no answer"))
            continue
        answers: list[Value] = []
        for column, index in zip(ref.columns, indexes):
            raw = row[index].strip()
            if not raw:
                if element.optional:
                    continue  # no answer to this question: left out
                problems.append(Problem("error", f'no answer in column "{column}"',
                                        _where(source, lines, line, index, sheet.delimiter),
                                        "declare the answers `optional` to allow blank cells"))
                continue
            try:
                answers.append(cell(element, raw))
            except ValueError as exc:
                problems.append(Problem("error", f'column "{column}": {exc}',
                                        _where(source, lines, line, index, sheet.delimiter),
                                        getattr(exc, "hint", None)))
        if len(problems) >= MAX_PROBLEMS:
            break
        if ref.several:
            if answers or not element.optional:
                values.append(tuple(answers))
            # A row with every question blank: the company did not answer at all.
        elif answers:
            values.append(answers[0])
    if problems:
        if len(problems) >= MAX_PROBLEMS:
            problems.append(Problem("error", f"stopped after {MAX_PROBLEMS} problems in this file"))
        raise TableError(problems, {source: text})
    return tuple(values)


def _fail(source: str, message: str, hint: str | None = None, line: int = 1,
          text: str = "") -> TableError:
    return TableError([Problem("error", message, Span.point(source, line, 1), hint)],
                      {source: text} if text else {})


def _text(path: Path, source: str, max_bytes: int) -> str:
    try:
        data = read_bytes(path, max_bytes)
    except FileProblem as problem:
        raise _fail(source, f"cannot read the answers: {problem.message}", problem.hint) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(source, "the file is not UTF-8 text", "export it as CSV UTF-8",
                    line=Span.of_bad_byte(source, data, exc).line) from None
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _delimiter(text: str) -> str:
    """Semicolons if the header has more of them than commas (a Danish export), else commas."""
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def _row_lines(text: str) -> list[int]:
    """The line each row starts on (a quoted cell may span lines)."""
    starts = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    line = 1
    for _ in reader:
        starts.append(line)
        line = reader.line_num + 1
    return starts


def _where(source: str, lines: list[str], line: int, index: int, delimiter: str) -> Span:
    return Span.point(source, line, _cell_column(lines, line, index, delimiter))


def _cell_column(lines: list[str], line: int, index: int, delimiter: str) -> int:
    """The character column where a cell starts; 1 when quoting makes it uncertain."""
    if not 1 <= line <= len(lines) or '"' in lines[line - 1]:
        return 1
    cells = lines[line - 1].split(delimiter)
    return sum(len(c) + 1 for c in cells[:index]) + 1
