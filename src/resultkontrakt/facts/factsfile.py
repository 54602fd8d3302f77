"""A facts file: the measured values of a year as one JSON object, read with their places.

Numbers are read by their decimal text, so 0.1 is exactly one tenth. Each
name's and value's line and column are kept, so a bad value is reported
where it stands. Checking the values against the contract is facts.py's
work; this module only reads JSON.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from ..core import escape
from ..core.errors import FactsError, Problem, Span
from ..core.files import DEFAULT_MAX_BYTES, Access, FileProblem, read_bytes
from ..core.reasons import problem
from ..core.values import JsonNumber, Value
from ..core.vocabulary import quote, shortened
from .answers import Sheet

if TYPE_CHECKING:
    from .workbook import Grids  # read only when a fact points at a workbook


@attrs.define
class Reads:
    """What reading the files facts point at found: kept, so it is done once."""

    sheets: dict[str, Sheet] = attrs.field(factory=dict)
    workbooks: Grids = attrs.field(factory=dict)  # each sheet read, by workbook and sheet name
    paths: dict[tuple[str, Access], Path] = attrs.field(factory=dict)
    values: dict[tuple[object, ...], Value] = attrs.field(factory=dict)  # a list, or a list's tally


# Keys a facts file may hold about itself (supplied.FACTS_FILE_KEYS): shown in its repr.
_ABOUT = ("period", "measured_until")


@attrs.frozen
class FactsFile(Mapping[str, object]):
    """Facts read from a file: name -> value as written, with where each value stands."""

    # Named `given`, not `values`: a Mapping's values() must stay a method.
    given: dict[str, object]
    source: str = "<facts>"
    positions: dict[str, Span] = attrs.field(factory=dict, repr=False)
    text: str = attrs.field(default="", repr=False)
    key_positions: dict[str, Span] = attrs.field(factory=dict, repr=False)
    # The files these facts point at must lie inside this folder (None: the
    # facts file's own folder), and may be at most `max_bytes` large.
    data_dir: Path | None = attrs.field(default=None, repr=False)
    max_bytes: int = attrs.field(default=DEFAULT_MAX_BYTES, repr=False)
    # What reading the files these facts point at found, kept so that evaluating
    # the same facts again (a loop over scenarios) reads and resolves nothing
    # again: each file's rows, each reference's confined path, each fact's values.
    reads: Reads = attrs.field(factory=Reads, repr=False, eq=False)

    def __getitem__(self, name: str) -> object:
        return self.given[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.given)

    def __len__(self) -> int:
        return len(self.given)

    def __repr__(self) -> str:
        """`<FactsFile nordjylland-2019.facts.json: 14 facts, period 2019>`: what it is, never
        its data, which may be thousands of survey answers (or someone's personal data)."""
        name = self.source if self.source.startswith("<") else Path(self.source).name
        # `$note` and the like are comments; `period` and `measured_until` say what the facts are.
        facts = sum(1 for key in self.given if not key.startswith("$") and key not in _ABOUT)
        about = "".join(f", {key.replace('_', ' ')} {self.given[key]}" for key in _ABOUT
                        if isinstance(self.given.get(key), (str, int)) and not isinstance(self.given[key], bool))
        # A REPL prints this as it is: a file's name or a period from a stranger must not drive the terminal.
        return escape.visible(f"<FactsFile {name}: {facts} fact{'' if facts == 1 else 's'}{about}>")

    def updated(self, changes: Mapping[str, object] | None = None, /, *, without: tuple[str, ...] = (),
                **values: object) -> FactsFile:
        """These facts with some values changed or left out: for what-if runs.

        Answer files keep being found beside the original facts file.
        """
        merged = {name: value for name, value in self.given.items() if name not in without}
        merged.update(changes or {}, **values)
        return attrs.evolve(self, given=merged)


def load_facts(path: str | Path, *, data_dir: str | Path | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> FactsFile:
    """Read a JSON facts file; raise `FactsError` (with line and column) if it cannot be read.

    Files the facts point at (`{"csv": ...}`, `{"xlsx": ...}`) are found beside the facts file
    and must lie inside its folder, or inside `data_dir` when it is given.
    Every file read may be at most `max_bytes` large.
    """
    source = str(path)
    try:
        data = read_bytes(path, max_bytes)
    except FileProblem as trouble:
        raise FactsError([problem("facts.unreadable", Span.point(source, 1, 1),
                                  problem=trouble.problem)]) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FactsError([problem("facts.not-utf8", Span.of_bad_byte(source, data, exc),
                                  hint="facts.not-utf8")]) from None
    return loads_facts(text, source, data_dir=data_dir, max_bytes=max_bytes)


def loads_facts(text: str | bytes, source: str = "<facts>", *, data_dir: str | Path | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> FactsFile:
    """Read facts from JSON text; raise `FactsError` (with line and column) if it is not valid.

    Files the facts point at are found beside `source` (the working folder
    for the default `<facts>`), confined to that folder or to `data_dir`.
    """
    text = _json_text(text, source)
    values, positions, key_positions = _each_once(_Members(text, source))
    return FactsFile(values, source, positions, text, key_positions,
                     Path(data_dir) if data_dir is not None else None, max_bytes)


def _json_text(text: str | bytes, source: str) -> str:
    """The text of facts given as text or as bytes, without a byte-order mark."""
    if isinstance(text, bytes):
        data = text
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:  # at its place: `rk eval c.rk -` reads facts so
            raise FactsError([problem("facts.text-not-utf8", Span.of_bad_byte(source, data, exc),
                                      hint="facts.not-utf8")]) from None
    if not isinstance(text, str):
        raise TypeError(f"loads_facts() takes JSON text, not {type(text).__name__}")
    return text.removeprefix("\ufeff")


def _each_once(members: _Members) -> tuple[dict[str, object], dict[str, Span], dict[str, Span]]:
    """Each name's value, where the value stands and where the name does; every name given
    twice is a problem, and all are said at once."""
    values: dict[str, object] = {}
    positions: dict[str, Span] = {}
    key_positions: dict[str, Span] = {}
    problems: list[Problem] = []
    for name, value, name_span, value_span in members:
        if name in values:
            at = Span.point(members.source, name_span.line, name_span.column)
            problems.append(problem("facts.given-twice", at, name=quote(shortened(name)),
                                    line=positions[name].line))
        else:
            values[name] = value
            positions[name] = value_span
            key_positions[name] = name_span
    if problems:
        raise FactsError(problems, {members.source: members.text})
    return values, positions, key_positions


# A member of the facts file's object: its name and value, and where each stands. (A tuple, not
# a record: a facts file of thirty thousand names makes thirty thousand of them.)
_Member = tuple[str, object, Span, Span]


class _Members:
    """The members of the one JSON object a facts file holds, read in order with their places.

    Python's reader reads each value (numbers by their decimal text); the object around them is
    read here, so that each name and value keeps its line and column, and a mistake in the
    object is said where it stands.
    """

    def __init__(self, text: str, source: str):
        self.text = text
        self.source = source
        self.places = _Places(text, source)
        self.decoder = json.JSONDecoder(parse_float=JsonNumber, parse_int=JsonNumber,
                                        parse_constant=_reject_constant, object_pairs_hook=_unique_keys)

    def __iter__(self) -> Iterator[_Member]:
        """Each member in order; FactsError at the first place the text is not one JSON object."""
        text = self.text
        index = _skip(text, 0)
        if not text.startswith("{", index):
            raise self.fail(index, "not-an-object")
        index = _skip(text, index + 1)
        more = not text.startswith("}", index)
        if not more:
            index += 1
        while more:
            member, end = self._member(index)
            yield member
            index, more = self._after_member(end)
        if _skip(text, index) != len(text):
            raise self.fail(_skip(text, index), "after")

    def _member(self, index: int) -> tuple[_Member, int]:
        """The member whose name starts at `index`, and where its value ends."""
        text, places = self.text, self.places
        name, name_end = self._name(index)
        colon = _skip(text, name_end)
        if not text.startswith(":", colon):
            raise self.fail(colon, "colon", name=name)
        value_at = _skip(text, colon + 1)
        value, end = self._value(value_at)
        member = (unicodedata.normalize("NFC", name), value, places.span(index, name_end),
                  places.span(value_at, end))
        return member, end

    def _name(self, index: int) -> tuple[str, int]:
        if not self.text.startswith('"', index):
            raise self.fail(index, "name-expected")
        try:
            return json.decoder.scanstring(self.text, index + 1)  # type: ignore[attr-defined]
        except json.JSONDecodeError as exc:
            raise self.fail(exc.pos, "bad-name", detail=exc.msg) from None

    def _value(self, index: int) -> tuple[object, int]:
        try:
            return self.decoder.raw_decode(self.text, index)
        except json.JSONDecodeError as exc:
            raise self.fail(exc.pos, "malformed", detail=exc.msg) from None
        except _Refused as exc:  # NaN, Infinity, a repeated name
            raise self.fail(index, exc.code, name=exc.name) from None
        except ValueError as exc:  # anything else Python's reader refuses, in its words
            raise self.fail(index, "value", hint="json.constant", detail=str(exc)) from None
        except RecursionError:
            raise self.fail(index, "too-deep") from None

    def _after_member(self, end: int) -> tuple[int, bool]:
        """Where reading goes on after a member's value ends, and whether another member follows."""
        text = self.text
        index = _skip(text, end)
        if text.startswith(",", index):
            after = _skip(text, index + 1)
            if text.startswith("}", after):
                raise self.fail(index, "last-comma")
            return after, True
        if text.startswith("}", index):
            return index + 1, False
        raise self.fail(index, "comma-expected")

    def fail(self, index: int, code: str, hint: str | None = None, **params: object) -> FactsError:
        """The problem `code` in the JSON at `index`; its own hint, else how JSON is written."""
        hint = hint or (None if code in _OWN_HINTS else "json")
        return FactsError([problem(f"json.{code}", self.places.span(index), hint=hint, params=params)],
                          {self.source: self.text})


# The JSON problems with a hint of their own; the others are told how JSON is written.
_OWN_HINTS = frozenset({"given-twice", "constant", "too-deep", "last-comma"})


class _Refused(ValueError):
    """A value JSON's reader would take but a facts file may not hold: `code` says why."""

    def __init__(self, code: str, name: str):
        super().__init__(code)
        self.code = code
        self.name = name


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    seen: set[str] = set()
    for name, _ in pairs:
        name = unicodedata.normalize("NFC", name)
        if name in seen:
            raise _Refused("given-twice", quote(shortened(name)))
        seen.add(name)
    return dict(pairs)


def _reject_constant(name: str) -> object:
    raise _Refused("constant", name)


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


class _Places:
    """Line and column of any index in a text, found by bisection: a facts file with
    thirty thousand names on one line is placed in linear time, not quadratic."""

    def __init__(self, text: str, source: str):
        self.source = source
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def span(self, index: int, end: int | None = None) -> Span:
        line = bisect.bisect_right(self.starts, index)
        column = index - self.starts[line - 1] + 1
        width = max(1, (end or index + 1) - index)
        if bisect.bisect_right(self.starts, index + width - 1) != line:  # a value over several lines
            width = 1
        return Span(self.source, line, column, line, column + width)
