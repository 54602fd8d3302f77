"""Survey answers from CSV files: one row per company, one column per question.

A facts file points at a table instead of listing the answers itself:

    "anbefaling": {"csv": "svar.csv", "column": "anbefaling"}
    "påvirkning": {"csv": "svar.csv", "columns": ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]}

One column gives a list of answers; several columns give a list per row. The
file is UTF-8 (with or without a byte-order mark), separated by commas or by
semicolons as Danish spreadsheets write it. Every cell is checked against the
fact's declaration, and a file with any bad cell is refused whole: no goal is
ever scored on partly read data. A reference to a workbook
(`{"xlsx": "svar.xlsx", "sheet": "Svar", "column": "anbefaling"}`) is parsed
here too; workbook.py reads its sheet.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
import operator
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeGuard

import attrs

from ..core.errors import Problem, Span, closest
from ..core.files import DEFAULT_MAX_BYTES, Access, FileProblem, confine, read_bytes, read_pieces
from ..core.reasons import problem
from ..core.values import LIST, T_TEXT, JsonNumber, Record, Tallied, Type, Value, list_of
from ..core.vocabulary import quote, shortened
from .coerce import Invalid
from .records import Column

MAX_PROBLEMS = 20  # per file: enough to see the pattern, not a wall of text


@attrs.frozen
class TableRef:
    """Where a fact's values are: a CSV file, or a sheet of a workbook, and the column(s) to read.

    With `key`, the fact is a table: the key column names each row (a
    municipality, say) and `columns` holds the one column of values.
    """

    path: Path  # resolved, and inside the folder the facts may point into
    source: str  # the file as messages name it: where the reference leads, before symlinks
    columns: tuple[str, ...]
    several: bool  # "columns": a list per row; "column": one answer per row
    key: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    decimal: str | None = None  # the file's decimal sign, if the reference says: "," or "."
    kind: str = "csv"  # "csv", or "xlsx" for a workbook (workbook.py reads it)
    sheet: str | None = None  # the workbook's sheet; None: its only one


class ReferenceProblem(ValueError):
    """A table reference in a facts file that is not written right: a reason code (reasons.py)."""

    def __init__(self, code: str, **params: object):
        super().__init__(code)
        self.code = code
        self.params = params


class TableError(Exception):
    """The answers cannot be read; `problems` say where (file, line, column)."""

    def __init__(self, problems: list[Problem], sources: dict[str, str]):
        super().__init__(problems[0].code if problems else "")
        self.problems = problems
        self.sources = sources

    def __str__(self) -> str:
        return self.problems[0].message if self.problems else ""


def _text_value(value: object) -> TypeGuard[str]:
    """A text in the facts file (a JSON number is kept as text too, but is not one)."""
    return isinstance(value, str) and not isinstance(value, JsonNumber)


def _sheet_and_decimal(raw: Mapping[object, object]) -> tuple[object, object]:
    """A reference's `"sheet"` (a workbook's) and `"decimal"` (`,` or `.`), each checked where given."""
    sheet = raw.get("sheet")
    if sheet is not None and not _text_value(sheet):
        raise ReferenceProblem("sheet")
    decimal = raw.get("decimal")
    if decimal is not None and decimal not in (",", "."):
        raise ReferenceProblem("decimal")
    return sheet, decimal


def reference(raw: Mapping[object, object], access: Access,
              resolve: Callable[[str, Access], Path] = confine) -> TableRef:
    """The table a facts-file object points at.

    ValueError with advice if the object is malformed; FileProblem if the file
    it names lies outside the folder the facts may point into. `resolve` finds
    and confines the file (a caller that evaluates the same facts often keeps
    what it found).
    """
    keys = set(raw)
    kind = kind_of(raw)
    if not _text_value(raw.get(kind)):
        raise ReferenceProblem(kind)
    unknown = keys - {kind, "column", "columns", "key", "decimal"} - ({"sheet"} if kind == "xlsx" else set())
    if unknown:
        raise ReferenceProblem("unknown-key", key=quote(shortened(min(map(str, unknown)))))
    sheet, decimal = _sheet_and_decimal(raw)
    key = raw.get("key")
    if key is not None and (not _text_value(key) or "columns" in raw):
        raise ReferenceProblem("key")
    if ("column" in raw) == ("columns" in raw):
        raise ReferenceProblem("which")
    if "column" in raw:
        column = raw["column"]
        if not _text_value(column):
            raise ReferenceProblem("column")
        columns: tuple[str, ...] = (column,)
    else:
        names = raw["columns"]
        if not isinstance(names, list) or not names or not all(_text_value(n) for n in names):
            raise ReferenceProblem("columns")
        columns = tuple(names)
    columns = tuple(unicodedata.normalize("NFC", c.strip()) for c in columns)
    written = str(raw[kind])
    return TableRef(resolve(written, access), os.path.normpath(access.base / written), columns,
                    "columns" in raw,
                    unicodedata.normalize("NFC", key.strip()) if isinstance(key, str) else None,
                    access.max_bytes, decimal if isinstance(decimal, str) else None, kind,
                    unicodedata.normalize("NFC", sheet) if isinstance(sheet, str) else None)


def kind_of(raw: Mapping[object, object]) -> str:
    """What a reference points at: "xlsx" for a workbook, "csv" for anything else."""
    return "xlsx" if "xlsx" in raw and "csv" not in raw else "csv"


@attrs.frozen
class Sheet:
    """A CSV file read and split into rows once, however many facts read from it.

    `readable` says whether the first row looks like a CSV header (printable
    column names of bounded length): only then do messages quote the file,
    so that pointing a fact at some other file never shows its content.
    """

    text: str
    rows: list[list[str]]
    lines: list[str]
    row_lines: list[int]  # the line each row starts on (a quoted cell may span lines)
    delimiter: str
    readable: bool

    def sources(self, source: str) -> dict[str, str]:
        """The file's text for excerpts in messages, if it may be shown."""
        return {source: self.text} if self.readable else {}


def _sheet(ref: TableRef, sheets: dict[str, Sheet] | None) -> Sheet:
    key = str(ref.path)
    if sheets is not None and key in sheets:
        return sheets[key]
    text = _text(ref.path, ref.source, ref.max_bytes)
    delimiter = delimiter_of(text)
    rows, row_lines = _rows(text, delimiter, ref.source)
    sheet = Sheet(text, rows, text.split("\n"), row_lines, delimiter,
                   bool(rows) and _looks_like_a_header(rows[0]))
    if sheets is not None:
        sheets[key] = sheet
    return sheet


_DELIMITERS = (",", ";", "\t")


def delimiter_of(text: str) -> str:
    """The delimiter that parses the first rows into one consistent table.

    Each candidate parses a sample; the best gives every row as many cells as
    the header, splits no quoted cell (`id;"Anbefaling, 0-10"` is a `;` file),
    and gives the most columns. A file of one column is read with commas.
    """
    sample = text[: 1 << 16]
    best, best_score = ",", (-1, False, 0)
    for delimiter in _DELIMITERS:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, strict=True)
        rows: list[list[str]] = []
        try:
            with _cells_of_any_length(len(sample)):
                for row in reader:
                    if any(cell.strip() for cell in row):
                        rows.append(row)
                    if len(rows) > 50:
                        break
        except csv.Error:
            if not rows:
                continue  # the sample may end inside a quoted cell: judge the rows read
        if not rows:
            continue
        width = len(rows[0])
        score = (sum(len(row) == width for row in rows[1:]),
                 not any('"' in cell for cell in rows[0]), width)
        if width > 1 and score > best_score:
            best, best_score = delimiter, score
    return best


def _rows(text: str, delimiter: str, source: str) -> tuple[list[list[str]], list[int]]:
    """Every row, and the line it starts on; TableError at a quote that is never closed."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    starts: list[int] = []
    line = 1
    try:
        with _cells_of_any_length(len(text)):
            for row in reader:
                rows.append(row)
                starts.append(line)
                line = reader.line_num + 1
    except csv.Error as exc:
        raise _fail(source, "invalid", line=line, detail=str(exc)) from None
    return rows, starts


@contextlib.contextmanager
def _cells_of_any_length(size: int) -> Iterator[None]:
    """Let the csv module read a cell as long as the file (its own limit is 128 KiB)."""
    before = csv.field_size_limit()
    csv.field_size_limit(max(before, size + 1))
    try:
        yield
    finally:
        csv.field_size_limit(before)


_HEADER_NAME = re.compile(r"[\w .()%?&+'/:-]{1,100}")


def _looks_like_a_header(row: list[str]) -> bool:
    """Column names, not data: printable names of bounded length, several of them, or one
    that is a plain name (a file's first line of text is not shown as if it were)."""
    if not row or len(row) > 1000:
        return False
    if len(row) == 1:
        return bool(re.fullmatch(r"[\w .()-]{1,100}", row[0].strip()))
    return all(_HEADER_NAME.fullmatch(name.strip()) or not name.strip() for name in row)


def read_table(ref: TableRef, type_: Type, cell: Callable[[Type, str], Value],
               sheets: dict[str, Sheet] | None = None) -> tuple[tuple[str, Value], ...]:
    """A table fact from a CSV file: (name, value) for each row, in file order."""
    assert ref.key is not None and type_.element is not None
    source = ref.source
    sheets = {} if sheets is None else sheets
    sheet = _sheet(ref, sheets)
    names = read(attrs.evolve(ref, columns=(ref.key,), key=None), list_of(T_TEXT), lambda _, t: t,
                 sheets)
    values = read(attrs.evolve(ref, key=None), list_of(type_.element), cell, sheets)
    if len(names) != len(values):
        raise _fail(source, "key-blank", sheet=sheet, key=_named(ref.key), column=_named(ref.columns[0]))
    seen: set[str] = set()
    for name in names:
        assert isinstance(name, str)
        if name in seen:
            raise _fail(source, "key-twice", sheet=sheet, name=_named(name), key=_named(ref.key))
        seen.add(name)
    return tuple(zip(names, values, strict=True))  # type: ignore[arg-type]


def read(ref: TableRef, type_: Type, cell: Callable[[Type, str], Value],
         sheets: dict[str, Sheet] | None = None) -> tuple[Value, ...]:
    """The answers `ref` points at, as a value of the list type `type_`.

    `cell` turns one cell's text into a value of the element type, raising
    ValueError (with an optional `.hint`) when it cannot. `sheets` keeps files
    already read, so two facts from one export read it once.
    """
    element = element_of(ref, type_)
    sheet = _sheet(ref, sheets)
    if not sheet.rows:
        raise _fail(ref.source, "empty", sheet=sheet)
    rows = _Rows(ref, sheet, element, cell, _column_indexes(ref, sheet))
    values = rows.values()
    if rows.problems:
        if len(rows.problems) >= MAX_PROBLEMS:
            rows.problems.append(problem("csv.stopped", count=MAX_PROBLEMS))
        raise TableError(rows.problems, sheet.sources(ref.source))
    return values


def _column_indexes(ref: TableRef, sheet: Sheet) -> list[int]:
    """Where each column `ref` names stands in the header; TableError for a column missing or
    named twice, with the closest name, or the columns there are."""
    header = [unicodedata.normalize("NFC", name.strip()) for name in sheet.rows[0]]
    indexes = []
    for column in ref.columns:
        if header.count(column) != 1:
            code = "column-twice" if column in header else "column-missing"
            close = closest(column, header) if sheet.readable else None
            if not sheet.readable:  # not a CSV export: its first line is not shown
                raise _fail(ref.source, code, "csv.not-csv", sheet=sheet, column=_named(column))
            raise _fail(ref.source, code, "suggest" if close else "csv.columns", sheet=sheet,
                        column=_named(column), columns=", ".join(map(_named, header)),
                        suggestion=close or "")
        indexes.append(header.index(column))
    return indexes


class _Rows:
    """The answers in a sheet's rows, read one row at a time, and the problems found so far."""

    def __init__(self, ref: TableRef, sheet: Sheet, element: Type, cell: Callable[[Type, str], Value],
                 indexes: list[int]):
        self.ref = ref
        self.sheet = sheet
        self.element = element
        self.cell = cell
        self.indexes = indexes
        self.width = len(sheet.rows[0])  # the header's: a row must have as many cells
        self.problems: list[Problem] = []
        # A survey's answers are a few texts ("9", "i høj grad") written many times: each distinct
        # text is made a value once. (Values are immutable, and `cell` depends on the text alone.)
        self.made: dict[str, Value] = {}

    def values(self) -> tuple[Value, ...]:
        """One value a row: an answer, or with "columns" a list of answers. Reading stops once
        MAX_PROBLEMS problems are found."""
        values: list[Value] = []
        several, optional, problems = self.ref.several, self.element.optional, self.problems
        reader_lines = self.sheet.row_lines
        for number, row in enumerate(self.sheet.rows[1:], start=1):
            if not any(c.strip() for c in row):
                continue  # an empty line, as spreadsheets often leave at the end
            answers = self._answers(row, reader_lines[number] if number < len(reader_lines) else number + 1)
            if len(problems) >= MAX_PROBLEMS:
                break  # rows of the wrong width count too: a file of them says 20, not 1,000
            if answers is None:
                continue
            if several:
                if answers or not optional:
                    values.append(tuple(answers))
                # A row with every question blank: the company did not answer at all.
            elif answers:
                values.append(answers[0])
        return tuple(values)

    def _answers(self, row: list[str], line: int) -> list[Value] | None:
        """The answers in the row's columns, a blank left out where the type allows it; None for
        a row of the wrong width."""
        if len(row) != self.width:
            self.problems.append(problem("csv.row-cells", Span.point(self.ref.source, line, 1), cells=len(row),
                                         header=self.width))
            return None
        answers: list[Value] = []
        made, cell, element = self.made, self.cell, self.element
        for column, index in zip(self.ref.columns, self.indexes, strict=True):
            raw = row[index].strip()
            if not raw:
                if not element.optional:  # an optional answer left blank is left out
                    self.problems.append(problem("csv.blank", self._where(line, index), column=_named(column)))
                continue
            value = made.get(raw)
            if value is None:
                try:
                    value = made[raw] = cell(element, raw)
                except Invalid as exc:
                    inner = problem(exc.code, hint=exc.hint, params=exc.params)
                    self.problems.append(problem("csv.cell", self._where(line, index), column=_named(column),
                                                 problem=inner))
                    continue
            answers.append(value)
        return answers

    def _where(self, line: int, index: int) -> Span:
        return _where(self.ref.source, self.sheet.lines, line, index, self.sheet.delimiter)


# ---- answers counted as they are read ---------------------------------------------------------

# Bytes read from a file at a time, and rows parsed at a time: what counting holds at once.
PIECE = 1 << 20
ROWS_AT_ONCE = 256
# The distinct answers a tally holds at most. Answers with few possible values never reach it;
# past it (a list of 10,000,000 different numbers) the list is read answer by answer, as any
# list is, and the file's size limit bounds it.
MAX_DISTINCT = 100_000
# Distinct texts of answers counted before they are made values: past it, they are made values
# and counted as those, and counting their texts starts again.
MAX_TEXTS = 10_000
_SAMPLE = 1 << 16  # the characters `delimiter_of` judges a file by
_BLANK = object()


class _NotPlain(Exception):
    """The file is one that counting as it reads cannot be sure to read as `read` does (a
    problem to report, a character that Unicode normalization would change): `read` reads it."""


def tally(ref: TableRef, type_: Type, cell: Callable[[Type, str], Value],
          sheets: dict[str, Sheet] | None = None) -> Tallied:
    """The answers `ref` points at, counted: the same as `Tallied.of(read(...))`, with the
    same problems, but read a piece at a time and counted as they come, so that memory grows
    with the number of distinct answers, not with the number of answers.

    Each piece's rows are parsed by the csv module, the answer cells counted by their text
    (in C), and each distinct text made a value once. A file with anything to report (a bad
    answer, a row of the wrong width, a blank where none is allowed) or with text that
    Unicode normalization would change is read again by `read`, which says where the
    problems are (file, line and column), as it always has.
    """
    element = element_of(ref, type_)
    if ref.several or ref.key is not None or (sheets is not None and str(ref.path) in sheets):
        return Tallied.of(read(ref, type_, cell, sheets))
    try:
        return _counted(ref, element, cell)
    except _NotPlain:
        return Tallied.of(read(ref, type_, cell, sheets))


def _counted(ref: TableRef, element: Type, cell: Callable[[Type, str], Value]) -> Tallied:
    pieces = _plain_texts(ref)
    first = next(pieces)
    lines = itertools.chain.from_iterable(io.StringIO(text, newline="") for text in itertools.chain((first,), pieces))
    reader = csv.reader(lines, delimiter=delimiter_of(first), strict=True)
    counts: Counter[Any] = Counter()
    texts: Counter[str] = Counter()  # the answers' texts not yet made values, in the order first read
    try:
        with _cells_of_any_length(ref.max_bytes):
            header = next(reader, None)
            names = [unicodedata.normalize("NFC", name.strip()) for name in header or ()]
            if not names or names.count(ref.columns[0]) != 1:
                raise _NotPlain
            width, pick = len(names), operator.itemgetter(names.index(ref.columns[0]))
            # A few hundred rows at a time: few enough that their lists are made again in memory
            # just freed (a list of thousands of rows takes half as long again to read).
            while rows := list(itertools.islice(reader, ROWS_AT_ONCE)):
                if len(set(map(len, rows))) != 1 or len(rows[0]) != width:
                    rows = _even(rows, width)
                texts.update(map(pick, rows))
                if len(texts) > MAX_TEXTS:
                    _fold(texts, counts, element, cell)
    except (csv.Error, FileProblem, UnicodeDecodeError):
        raise _NotPlain from None
    _fold(texts, counts, element, cell)
    return Tallied(counts, sum(counts.values()))


def _fold(texts: Counter[str], counts: Counter[Any], element: Type, cell: Callable[[Type, str], Value]) -> None:
    """The texts counted so far, each made a value once and counted as it (`texts` emptied)."""
    for text, times in texts.items():
        value = _made(text, element, cell)
        if value is not _BLANK:
            counts[value] += times
    texts.clear()
    if len(counts) > MAX_DISTINCT:
        raise _NotPlain


def _made(text: str, element: Type, cell: Callable[[Type, str], Value]) -> object:
    """The value a cell's text makes; _BLANK for a blank answer, which is left out where the
    type allows it (else `read` says where it is)."""
    answer = text.strip()
    if not answer:
        if element.optional:
            return _BLANK
        raise _NotPlain  # a blank answer, or a row left blank altogether: `read` tells them apart
    try:
        return cell(element, answer)
    except Invalid:
        raise _NotPlain from None


def _even(rows: list[list[str]], width: int) -> list[list[str]]:
    """The rows of the header's width; the empty rows left out, and any other row is a problem."""
    kept = []
    for row in rows:
        if len(row) == width:
            kept.append(row)
        elif any(cell.strip() for cell in row):
            raise _NotPlain
    return kept


def _plain_texts(ref: TableRef) -> Iterator[str]:
    """The file's text, a piece at a time, each ending with a line, as `_text` makes it: UTF-8
    with its byte-order mark left out, each line ending in "\n". The first piece holds at least
    the sample a delimiter is judged by (or the whole file). _NotPlain where Unicode
    normalization would change a piece: `_text` normalizes the whole file, and counting would
    then see other cells than `read` does."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    held = ""  # text after the last line end, and a "\r" that may be the first half of "\r\n"
    ready = ""
    try:
        for piece in read_pieces(ref.path, ref.max_bytes, PIECE):
            raw = held + decoder.decode(piece)
            cut = len(raw) - 1 if raw.endswith("\r") else len(raw)
            text = raw[:cut].replace("\r\n", "\n").replace("\r", "\n")
            end = text.rfind("\n") + 1
            ready, held = ready + _plain(text[:end]), text[end:] + raw[cut:]
            if len(ready) >= _SAMPLE:
                yield ready
                ready = ""
        yield ready + _plain((held + decoder.decode(b"", final=True)).replace("\r\n", "\n").replace("\r", "\n"))
    except (FileProblem, UnicodeDecodeError):
        raise _NotPlain from None


def _plain(text: str) -> str:
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        raise _NotPlain
    return text


def element_of(ref: TableRef, type_: Type) -> Type:
    """The type of one cell `ref` reads for the list type `type_`: one answer per row, or a list
    of answers per row with "columns"; TableError if the reference does not fit the fact."""
    assert type_.kind == LIST and type_.element is not None
    element = type_.element
    if ref.several:
        if element.kind != LIST or element.element is None:
            raise _fail(ref.source, "columns-shape", type=str(type_), kind=ref.kind)
        return element.element
    if element.kind == LIST:
        raise _fail(ref.source, "column-shape", type=str(type_), kind=ref.kind)
    return element


def _fail(source: str, code: str, hint: str | None = None, *, line: int = 1, sheet: Sheet | None = None,
          kind: str = "csv", **params: object) -> TableError:
    return TableError([problem(f"{kind}.{code}", Span.point(source, line, 1), hint=hint, params=params)],
                      sheet.sources(source) if sheet is not None else {})


def _named(name: str) -> str:
    """A column or party name from a file, quoted and cut short for a message."""
    return quote(shortened(name))


def _text(path: Path, source: str, max_bytes: int) -> str:
    try:
        data = read_bytes(path, max_bytes)
    except FileProblem as trouble:
        raise _fail(source, "unreadable", problem=problem(f"file.{trouble.code}", params=trouble.params)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(source, "not-utf8", line=Span.of_bad_byte(source, data, exc).line) from None
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _where(source: str, lines: list[str], line: int, index: int, delimiter: str) -> Span:
    return Span.point(source, line, _cell_column(lines, line, index, delimiter))


def _cell_column(lines: list[str], line: int, index: int, delimiter: str) -> int:
    """The character column where a cell starts; 1 when quoting makes it uncertain."""
    if not 1 <= line <= len(lines) or '"' in lines[line - 1]:
        return 1
    cells = lines[line - 1].split(delimiter)
    return sum(len(c) + 1 for c in cells[:index]) + 1


# ---- rows of records ---------------------------------------------------------------------------


def record_reference(raw: Mapping[object, object], access: Access, fields: Sequence[str],
                     resolve: Callable[[str, Access], Path] = confine) -> TableRef:
    """The file a record fact's rows are in, and the column each field reads, in the fields' order:
    `{"csv": "krav.csv", "columns": {"dato": "Date"}}`; a field not named there reads the column
    of its own name. ReferenceProblem if the object is malformed, FileProblem as `reference`."""
    kind = kind_of(raw)
    if not _text_value(raw.get(kind)):
        raise ReferenceProblem(kind)
    if "column" in raw or "key" in raw:
        raise ReferenceProblem("record-columns")
    unknown = set(raw) - {kind, "columns", "decimal"} - ({"sheet"} if kind == "xlsx" else set())
    if unknown:
        raise ReferenceProblem("record-unknown-key", key=quote(shortened(min(map(str, unknown)))))
    given = raw.get("columns", {})
    if not isinstance(given, Mapping) or not all(_text_value(k) and _text_value(v) for k, v in given.items()):
        raise ReferenceProblem("record-columns")
    named = {unicodedata.normalize("NFC", key): unicodedata.normalize("NFC", value.strip())
             for key, value in given.items()}
    for field in named:
        if field not in fields:
            raise ReferenceProblem("record-field", name=quote(shortened(field)),
                                   fields=", ".join(f"`{name}`" for name in fields))
    sheet, decimal = _sheet_and_decimal(raw)
    read = tuple(named.get(field, field) for field in fields)
    for second, column in enumerate(read):
        if read.index(column) != second:  # two fields of one column: a mapping copied and not edited
            raise ReferenceProblem("record-column-shared", first=fields[read.index(column)], second=fields[second],
                                   column=quote(shortened(column)))
    written = str(raw[kind])
    return TableRef(resolve(written, access), os.path.normpath(access.base / written),
                    read, True, None, access.max_bytes,
                    decimal if isinstance(decimal, str) else None, kind,
                    unicodedata.normalize("NFC", sheet) if isinstance(sheet, str) else None)


def read_records(ref: TableRef, fields: Sequence[str], columns: Sequence[Column]) -> list[Record]:
    """The rows of a CSV file as Records: each field's value from its column, made by the field's
    Column. The file is read as a stream, a row at a time, and a row's cells are looked up in C; a
    row with a problem is gone through again, cell by cell, to say where it is. TableError with the
    problems found (at most MAX_PROBLEMS): one bad cell refuses the file."""
    text = _text(ref.path, ref.source, ref.max_bytes)
    reading = _RecordRows(ref, text, fields)
    with _cells_of_any_length(len(text)):
        records = reading.records(columns)
    if reading.problems:
        if len(reading.problems) >= MAX_PROBLEMS:
            reading.problems.append(problem("csv.stopped", count=MAX_PROBLEMS))
        raise TableError(reading.problems, reading.sheet.sources(ref.source))
    return records


class _RecordRows:
    """A CSV file's rows being made Records, and the problems found so far."""

    def __init__(self, ref: TableRef, text: str, fields: Sequence[str]):
        self.ref = ref
        self.fields = fields
        self.delimiter = delimiter_of(text)
        self.reader = csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter, strict=True)
        self.problems: list[Problem] = []
        self._lines: list[str] | None = None  # the file's lines, split only to place a problem
        self.text = text
        self.sheet = Sheet(text, [], [], [1], self.delimiter, False)

    def records(self, columns: Sequence[Column]) -> list[Record]:
        try:
            header = next(self.reader, None)
            if header is None or not any(name.strip() for name in header):
                raise _fail(self.ref.source, "empty", sheet=self.sheet)
            self.sheet = Sheet(self.text, [header], [], [1], self.delimiter, _looks_like_a_header(header))
            indexes = self._indexes(header)
            return self._rows(len(header), indexes, columns)
        except csv.Error as exc:
            _rows(self.text, self.delimiter, self.ref.source)  # read again, to say where the row starts
            raise _fail(self.ref.source, "invalid", line=self.reader.line_num, detail=str(exc)) from None

    def _rows(self, width: int, indexes: list[int], columns: Sequence[Column]) -> list[Record]:
        """Every row's Record. The loop is the cost of a million rows: a row whose cells are all
        known takes a length check, a pick of its cells and a lookup of each, in C."""
        pick = operator.itemgetter(*indexes) if len(indexes) > 1 else lambda row: (row[indexes[0]],)
        lookup = Column.__getitem__
        records: list[Record] = []
        append = records.append
        for row in self.reader:
            if len(row) == width:
                try:
                    append(Record(map(lookup, columns, pick(row))))
                    continue
                except Invalid:
                    pass
            if self._row_problems(row, width, indexes, columns):
                break
        return records

    def _row_problems(self, row: list[str], width: int, indexes: list[int], columns: Sequence[Column]) -> bool:
        """The problems of a row that was not made a Record (an empty row has none); whether
        MAX_PROBLEMS are found, and reading stops."""
        if not any(cell.strip() for cell in row):
            return False  # an empty line, as spreadsheets often leave at the end
        # The row ends on the reader's line, and starts as many lines before as its cells hold.
        line = self.reader.line_num - sum(cell.count("\n") for cell in row)
        if len(row) != width:
            self.problems.append(problem("csv.row-cells", Span.point(self.ref.source, line, 1), cells=len(row),
                                         header=width))
        else:
            for field, index, column in zip(self.fields, indexes, columns, strict=True):
                try:
                    column[row[index]]
                except Invalid as exc:
                    self.problems.append(self._cell_problem(field, index, line, exc))
        return len(self.problems) >= MAX_PROBLEMS

    def _cell_problem(self, field: str, index: int, line: int, exc: Invalid) -> Problem:
        if self._lines is None:
            self._lines = self.text.split("\n")
        header = _named(self.sheet.rows[0][index].strip())
        inner = problem(exc.code, hint=exc.hint, params=exc.params)
        at = _where(self.ref.source, self._lines, line, index, self.delimiter)
        if self.sheet.rows[0][index].strip() == field:
            return problem("csv.field", at, field=field, problem=inner)
        return problem("csv.field-column", at, field=field, column=header, problem=inner)

    def _indexes(self, header: list[str]) -> list[int]:
        """Where each field's column stands in the header; TableError for one missing or named twice,
        with the columns there are."""
        names = [unicodedata.normalize("NFC", name.strip()) for name in header]
        indexes = []
        for field, column in zip(self.fields, self.ref.columns, strict=True):
            if names.count(column) != 1:
                code = "field-column-twice" if column in names else "field-column-missing"
                if not self.sheet.readable:  # not a CSV export: its first line is not shown
                    raise _fail(self.ref.source, code, "csv.not-csv", sheet=self.sheet, column=_named(column),
                                field=field)
                close = None if column in names else closest(column, names)  # twice: no other name to offer
                raise _fail(self.ref.source, code, "csv.columns-suggest" if close else "csv.record-columns",
                            sheet=self.sheet, column=_named(column), field=field,
                            columns=", ".join(map(_named, names)), suggestion=_named(close) if close else "")
            indexes.append(names.index(column))
        return indexes
