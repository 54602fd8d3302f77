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
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import cast

import attrs

from ..core.errors import closest
from ..core.reasons import describe
from ..core.values import LIST, RECORD, Record, Type, Value
from ..core.vocabulary import quote, shortened
from ..language import syntax as s
from .coerce import Bounds, Exact, Invalid, coerce, is_blank

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

    def record(self, row: object) -> Record:
        if self.exact and isinstance(row, tuple) and len(row) == len(self.fields):
            # A record as a worked example builds it: its values in the fields' order.
            return Record(self._value(number, Exact(item)) for number, item in enumerate(row))
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
