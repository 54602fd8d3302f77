"""The rows of a record fact (`list of record {...}`), each made a `Record` of its fields' values.

A record fact comes as a list of objects (in a facts file, or from Python: any mappings), or as the
rows of a CSV file or a sheet of a workbook (answers.py, workbook.py read those). Every field's value
is checked against the field's type and range by the rules any fact follows (coerce.py), a blank
one is None where the field is `optional`, and a bad value is named by its row and field:
`krav[17].dato: ...`. One bad row makes the whole fact invalid, as any bad value does.

A field's converter is chosen once, from its declaration. The values of a column go through a dict
of their own, so that each distinct text is read once and equal values are one object: a million
claims name a few thousand participants, a few hundred dates and four outcomes.
"""

from __future__ import annotations

import functools
import operator
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import cast

import attrs

from ..core.errors import closest
from ..core.reasons import describe
from ..core.values import LARGEST_WHOLE, LIST, NUMBER, RECORD, TEXT, JsonNumber, Record, Type, Value
from ..core.vocabulary import quote, shortened
from ..language import syntax as s
from .coerce import Bounds, Exact, Invalid, cell, coerce, is_blank, sheet_cell

# What a field's value is made from a raw one with; raises Invalid.
Convert = Callable[[object], object]


@attrs.frozen
class Field:
    """A field of a record fact as its values are checked: its name, its type and its range."""

    name: str
    type: Type
    bounds: Bounds

    @property
    def optional(self) -> bool:
        return self.type.optional


def is_records(type_: Type) -> bool:
    """Whether a fact of this type holds rows of records."""
    return type_.kind == LIST and type_.element is not None and type_.element.kind == RECORD


def fields_of(fact: s.Fact) -> tuple[Field, ...]:
    """The fields of a record fact, in the order its type declares them, each with its range."""
    return tuple(Field(field.name, field.type, _bounds(field.range)) for field in fact.fields)


def _bounds(range_: s.Range | None) -> Bounds:
    if range_ is None:
        return None
    low, high = (s.literal_value(bound) for bound in (range_.low, range_.high))
    return (low, high) if isinstance(low, Fraction) and isinstance(high, Fraction) else None


def field_names(fields: Sequence[Field]) -> str:
    """The fields, for a hint: `deltager`, `resultat`, `dato`."""
    return ", ".join(f"`{field.name}`" for field in fields)


def as_value(records: list[Record]) -> tuple[Value, ...]:
    """Rows as the value of their fact: a Record is a tuple of values (None for a blank one)."""
    return cast("tuple[Value, ...]", tuple(records))


def without_empty(records: list[Record], fields: Sequence[Field]) -> list[Record]:
    """The rows of a file, less those with no value in any field: an empty line, or a row of other
    columns only, is no row. (Only fields that are all optional let such a row through.)"""
    if not all(field.optional for field in fields):
        return records
    return [record for record in records if record.count(None) != len(record)]


# ---- rows given as a list of objects (a facts file, or Python) ---------------------------------


def given_records(fact: s.Fact, raw: object) -> tuple[Value, ...]:
    """A record fact's rows as given: a list of objects, each made a Record; Invalid at the first
    bad row, with its place (`[17].dato`)."""
    fields = fields_of(fact)
    exact = isinstance(raw, Exact)
    if isinstance(raw, Exact):  # rows written in a worked example
        raw = raw.value
    if isinstance(raw, str | bytes | Mapping) or not isinstance(raw, list | tuple):
        raise Invalid("expected-records", got=describe(raw), fields=field_names(fields))
    rows = _GivenRows(fields, exact)
    quick = None if exact else rows.by_column(raw)
    if quick is not None:
        return as_value(quick)
    records: list[Record] = []
    for number, row in enumerate(raw):
        try:
            records.append(rows.record(row))
        except Invalid as exc:
            raise exc.within(f"[{number}]") from None
    return as_value(records)


class _GivenRows:
    """Rows given as objects: each key found among the fields, each value made by its field's converter."""

    def __init__(self, fields: tuple[Field, ...], exact: bool):
        self.fields = fields
        self.exact = exact
        self.index = {field.name: number for number, field in enumerate(fields)}
        self.converters = [_given_converter(field) for field in fields]
        self.columns = [Column(functools.partial(_given, field.type, bounds=field.bounds, optional=field.optional))
                        for field in fields]

    def by_column(self, raw: list[object] | tuple[object, ...]) -> list[Record] | None:
        """The records of rows that are all dicts of each field once, whose fields each hold values of
        one type, read a column at a time in C, each distinct text converted once; None for any
        other rows (or a bad value), which `record` then reads, or says what is wrong with."""
        width = len(self.fields)
        if set(map(type, raw)) != {dict} or set(map(len, raw)) != {width}:  # type: ignore[arg-type]
            return None
        try:
            # A column at a time, each a list of the rows' values: no tuple is made for a row but its record.
            converted = [self._column(number, list(map(operator.itemgetter(field.name), raw)))  # type: ignore[arg-type]
                         for number, field in enumerate(self.fields)]
        except (KeyError, Invalid):
            return None
        return list(map(Record, zip(*converted, strict=True)))

    def _column(self, number: int, column: list[object]) -> Sequence[object]:
        """A column's values, converted as its field's; Invalid at a bad one."""
        kinds = set(map(type, column))
        if kinds == {str} or kinds == {JsonNumber}:  # never both: "7" == JsonNumber("7")
            return list(map(self.columns[number].__getitem__, column))
        field = self.fields[number]
        if kinds == {int} and field.type.kind == NUMBER and field.type.integer:
            wholes = cast("list[int]", column)  # as just seen
            low, high = min(wholes), max(wholes)
            low_bound, high_bound = field.bounds or (-LARGEST_WHOLE, LARGEST_WHOLE)
            if max(low_bound, -LARGEST_WHOLE) <= low and high <= min(high_bound, LARGEST_WHOLE):
                return wholes
        return list(map(self.converters[number], column))

    def record(self, row: object) -> Record:
        if self.exact and isinstance(row, Record) and len(row) == len(self.fields):
            # A record as a worked example builds it: its values in the fields' order.
            return Record(self._value(number, Exact(cast("Value", item))) for number, item in enumerate(row))
        if self.exact and isinstance(row, tuple) and all(isinstance(pair, tuple) and len(pair) == 2 for pair in row):
            row = dict(row)  # written out as a table is, `{deltager: "A", ...}`: (name, value) pairs
        if not isinstance(row, Mapping):
            raise Invalid("record.not-an-object", got=describe(row), fields=field_names(self.fields))
        values: list[object] = [_MISSING] * len(self.fields)
        for key, item in row.items():
            number = self._field_number(key)
            values[number] = self._value(number, Exact(item) if self.exact else item)
        for number, value in enumerate(values):
            if value is _MISSING:
                values[number] = self._missing(self.fields[number])
        return Record(values)

    def _field_number(self, key: object) -> int:
        if not isinstance(key, str):
            raise Invalid("record.key-not-text", got=describe(key))
        number = self.index.get(key)
        if number is None:
            number = self.index.get(_composed(key))
        if number is None:
            close = closest(key, self.index)
            raise Invalid("record.unknown-field", hint="record.fields-suggest" if close else "record.fields",
                          name=quote(shortened(key)), suggestion=close or "", fields=field_names(self.fields))
        return number

    def _value(self, number: int, item: object) -> object:
        try:
            return self.converters[number](item)
        except Invalid as exc:
            raise exc.within(f".{self.fields[number].name}") from None

    def _missing(self, field: Field) -> object:
        if field.optional:
            return None
        raise Invalid("record.missing-field", field=field.name, fields=field_names(self.fields))


_MISSING = object()


@functools.lru_cache(maxsize=1024)
def _composed(key: str) -> str:
    """A key as the field's name it stands for: some editors write å as a and a ring."""
    return unicodedata.normalize("NFC", key)


def _given_converter(field: Field) -> Convert:
    """What makes a given value (JSON's, or Python's) the field's value: a blank one None where the
    field is optional. Texts are read once each, so that equal ones make one value."""
    type_, bounds, optional = field.type, field.bounds, field.optional
    made: dict[str, object] = {}

    def convert(raw: object) -> object:
        if type(raw) is str:  # not a JsonNumber, which is a text equal to its numeral
            value = made.get(raw, _MISSING)
            if value is _MISSING:
                value = made[raw] = _given(type_, raw, bounds, optional)
            return value
        return _given(type_, raw, bounds, optional)
    return convert


def _given(type_: Type, raw: object, bounds: Bounds, optional: bool) -> object:
    if is_blank(raw.value if isinstance(raw, Exact) else raw):
        if optional:
            return None
        raise Invalid("record.blank")
    return coerce(type_, raw, bounds)


# ---- rows of a file: a column's texts or cells --------------------------------------------------


class Column(dict[object, object]):
    """A column's cells made values of its field, each distinct cell once: `column[text]` is the
    value, and Invalid where the cell is not one. Kept for one reading of one file."""

    __slots__ = ("make",)

    def __init__(self, make: Convert):
        super().__init__()
        self.make = make

    def __missing__(self, raw: object) -> object:
        value = self[raw] = self.make(raw)
        return value


def text_column(field: Field, decimal: str | None) -> Column:
    """The column of a CSV file that holds a field: its cells are texts, read as any CSV cell is
    (`62,4`; `205.000` only with the reference's decimal sign), with a fast way for the
    common fields chosen once."""
    type_, bounds, optional = field.type, field.bounds, field.optional

    def general(text: str) -> object:
        return cell(type_, text, bounds, decimal)
    read: Callable[[str], object] = general
    if type_.kind == TEXT and type_.choices is None:
        read = str  # the file was read as UTF-8 and composed whole: a cell needs nothing more
    elif type_.kind == NUMBER and type_.integer:
        read = functools.partial(_whole, general, bounds)

    def make(raw: object) -> object:
        assert isinstance(raw, str)
        text = raw.strip()
        if not text:
            if optional:
                return None
            raise Invalid("record.blank")
        return read(text)
    return Column(make)


def _whole(general: Callable[[str], object], bounds: Bounds, text: str) -> object:
    """An integer cell: plain digits read as an int at once, anything else as any number is. (Only
    0-9 are digits here: Python's isdigit takes ² and Arabic-Indic digits too.)"""
    if len(text) <= 18 and text.isascii() and text.isdigit():
        value = int(text)
        if bounds is None or bounds[0] <= value <= bounds[1]:
            return value
    return general(text)


def sheet_column(field: Field, decimal: str | None) -> Column:
    """The column of a sheet that holds a field: a spreadsheet keeps numbers, dates and booleans as
    themselves, and texts are read as a CSV file's (coerce.sheet_cell). An empty cell is None."""
    type_, bounds, optional = field.type, field.bounds, field.optional

    def make(key: object) -> object:
        raw = key if type(key) is not tuple else key[1]
        if raw is None:
            if optional:
                return None
            raise Invalid("record.blank")
        return sheet_cell(type_, raw, bounds, decimal)
    return Column(make)


def sheet_key(raw: object) -> object:
    """What a sheet's cell is looked up by in its Column: a text by itself, anything else with its
    type, since 1, 1.0 and true are equal keys of a dict but not the same cell."""
    return raw if type(raw) is str or raw is None else (type(raw), raw)
