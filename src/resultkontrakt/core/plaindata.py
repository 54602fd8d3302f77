"""Values as JSON and back, exactly: tuples, dates, fractions, dicts with any keys, and
records of a fixed set of classes.

What is kept on disk between runs (the parser's tables shipped with the package, the cache of
loaded contracts) is written with this, never with `pickle`: reading it can only make values,
never run code. Reading checks every record against the classes it is allowed to make and
every field against that field's declared type, so a file that was damaged, cut short, or
written by someone else is refused with `Unreadable` rather than read as something it is not.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from typing import Any

import attrs

# Tags of the values JSON has no form for: {"t": [...]} is a tuple, and so on. A dict with
# text keys only and none of these tags is written as it is.
_TUPLE, _MAP, _FRACTION, _DATE, _RECORD = "t", "m", "f", "d", "r"
_TAGS = frozenset({_TUPLE, _MAP, _FRACTION, _DATE, _RECORD})

class Unreadable(Exception):
    """The data is not what this module writes, or holds a record or field it may not."""


def dumps(value: object) -> bytes:
    """`value` as JSON: lists, objects with text keys, text, whole numbers, true/false/null.

    Written out as it is walked, never held as a second tree of lists and dicts: keeping a
    contract of 10,000 goals costs the text of its entry, not twice the contract."""
    out = io.StringIO()
    _write(value, out.write)
    return out.getvalue().encode("utf-8")


def _write(value: object, write: Callable[[str], object]) -> None:
    if value is None:
        write("null")
    elif value is True or value is False:
        write("true" if value else "false")
    elif isinstance(value, int):
        write(str(value))
    elif isinstance(value, str):
        write(_text(value))
    elif isinstance(value, tuple):
        write('{"' + _TUPLE + '":')
        _items(value, write)
        write("}")
    elif isinstance(value, list):
        _items(value, write)
    elif isinstance(value, dict):
        if all(isinstance(key, str) for key in value) and not (value.keys() & _TAGS):
            write("{")
            for n, (key, item) in enumerate(value.items()):
                write(("," if n else "") + _text(key) + ":")
                _write(item, write)
            write("}")
        else:
            write('{"' + _MAP + '":')
            _items([[key, item] for key, item in value.items()], write)
            write("}")
    elif isinstance(value, Fraction):
        write(f'{{"{_FRACTION}":[{value.numerator},{value.denominator}]}}')
    elif isinstance(value, dt.date):
        write(f'{{"{_DATE}":"{value.isoformat()}"}}')
    elif attrs.has(type(value)):
        cls: Any = type(value)
        write('{"' + _RECORD + '":[' + _text(cls.__name__) + ",")
        _items([getattr(value, field.name) for field in attrs.fields(cls)], write)
        write("]}")
    else:
        raise TypeError(f"cannot write a {type(value).__name__} as plain data")


def _items(values: Iterable[object], write: Callable[[str], object]) -> None:
    write("[")
    for n, item in enumerate(values):
        if n:
            write(",")
        _write(item, write)
    write("]")


def _text(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _no_float(text: str) -> object:
    raise Unreadable(f"{text[:20]}: only exact values are written")


class Reader:
    """Decodes what `encode` wrote, making only records of `classes`, each field checked."""

    def __init__(self, classes: Iterable[type]):
        self.classes = {cls.__name__: cls for cls in classes}
        self._fields: dict[str, list[tuple[str, Check]]] = {}

    def loads(self, data: bytes) -> Any:
        try:
            return json.loads(data.decode("utf-8"), object_hook=self._tagged,
                              parse_float=_no_float, parse_constant=_no_float)
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise Unreadable(f"not plain data: {str(exc)[:200]}") from None

    def _tagged(self, raw: dict[str, Any]) -> Any:
        """One JSON object, its contents already read (JSON's reader calls this innermost first)."""
        if len(raw) != 1 or not (raw.keys() & _TAGS):
            return raw
        ((tag, body),) = raw.items()
        if tag == _TUPLE and isinstance(body, list):
            return tuple(body)
        if tag == _MAP and isinstance(body, list) and all(
                isinstance(pair, list) and len(pair) == 2 for pair in body):
            if not all(isinstance(key, (str, int, tuple, bool)) or key is None for key, _ in body):
                raise Unreadable("a key that cannot be a key")
            return dict(body)
        if tag == _FRACTION and isinstance(body, list) and len(body) == 2 and all(
                type(part) is int for part in body) and body[1] > 0:
            return Fraction(body[0], body[1])
        if tag == _DATE and isinstance(body, str):
            try:
                return dt.date.fromisoformat(body)
            except ValueError:
                raise Unreadable(f"not a date: {body[:20]!r}") from None
        if tag == _RECORD and isinstance(body, list) and len(body) == 2 and isinstance(body[0], str):
            return self._record(body[0], body[1])
        raise Unreadable(f"a {tag!r} that is not written that way")

    def _record(self, name: str, raw_fields: object) -> object:
        cls = self.classes.get(name)
        if cls is None:
            raise Unreadable(f"a record of {name[:40]!r}, which may not be made here")
        fields = self._declared(cls)
        if not isinstance(raw_fields, list) or len(raw_fields) != len(fields):
            raise Unreadable(f"a {name} without its {len(fields)} fields")
        values = {}
        for (field, check), value in zip(fields, raw_fields, strict=True):
            if not check(value):
                raise Unreadable(f"{name}.{field} is not of its type")
            values[field] = value
        try:
            return cls(**{f.name: values[f.name] for f in attrs.fields(cls) if f.init})
        except (TypeError, ValueError) as exc:
            raise Unreadable(f"a {name} that cannot be made: {exc}") from None

    def _declared(self, cls: type) -> list[tuple[str, Check]]:
        name = cls.__name__
        if name not in self._fields:
            hints = typing.get_type_hints(cls)
            self._fields[name] = [(field.name, checker(hints.get(field.name, object)))
                                  for field in attrs.fields(cls)]
        return self._fields[name]


Check = Callable[[object], bool]


@functools.cache
def checker(declared: Any) -> Check:
    """A test of whether a value is of the declared type, worked out once per type."""
    if declared is object or declared is Any:
        return lambda value: True
    if declared is None or declared is type(None):
        return lambda value: value is None
    origin = typing.get_origin(declared)
    args = typing.get_args(declared)
    if origin is typing.Union or origin is types.UnionType:
        options = [checker(arg) for arg in args]
        return lambda value: any(option(value) for option in options)
    if origin is typing.Literal:
        return lambda value: value in args
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            each = checker(args[0])
            return lambda value: isinstance(value, tuple) and all(map(each, value))
        parts = [checker(arg) for arg in args]
        return lambda value: (isinstance(value, tuple) and len(value) == len(parts)
                              and all(part(item) for part, item in zip(parts, value, strict=True)))
    if origin in (dict, Mapping):
        keys, items = (checker(args[0]), checker(args[1])) if args else (checker(object),) * 2
        return lambda value: isinstance(value, dict) and all(
            keys(key) and items(item) for key, item in value.items())
    if origin is list:
        each = checker(args[0] if args else object)
        return lambda value: isinstance(value, list) and all(map(each, value))
    if origin is frozenset:
        return lambda value: isinstance(value, frozenset)
    if declared is Fraction:
        return lambda value: isinstance(value, (Fraction, int)) and not isinstance(value, bool)
    if declared is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    if declared is dt.date:
        return lambda value: type(value) is dt.date
    if isinstance(declared, type):
        return lambda value: isinstance(value, declared)
    return lambda value: False
