"""Facts: the measured values of a year, read from JSON and checked against
their declarations.

A facts file is a JSON object from fact name to value. Numbers are read by
their decimal text, so 0.1 is exactly one tenth. Each value's position is
remembered, so a bad value is reported at its line and column.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import numbers
import re
import unicodedata
from collections.abc import Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import cast

import attrs

from . import answers
from . import syntax as s
from .errors import FactsError, Problem, Span, did_you_mean
from .files import DEFAULT_MAX_BYTES, Access, FileProblem, confine, read_bytes
from .values import (
    BOOL, DATE, LIST, MONEY, MONEY_UNITS, NUMBER, NUMBER_TEXT, PERCENT, TABLE, TEXT, JsonNumber, Type,
    UnclearNumber, Value, answer_key, checked_decimal, checked_fraction, decimal_fraction, format_number,
    format_value, number_text,
)
from .vocabulary import quote, shortened


# Past this many, unknown facts are counted rather than each explained.
MAX_UNKNOWN = 20
# A lone surrogate: JSON can write one ("\\ud800"), but no file or terminal can show it.
_BROKEN = re.compile("[\ud800-\udfff]")


@attrs.define
class Reads:
    """What reading the files facts point at found: kept, so it is done once."""

    sheets: dict[str, answers.Sheet] = attrs.field(factory=dict)
    paths: dict[tuple[str, Access], Path] = attrs.field(factory=dict)
    values: dict[tuple[object, ...], tuple[Value, ...]] = attrs.field(factory=dict)


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

    Files the facts point at (`{"csv": ...}`) are found beside the facts file
    and must lie inside its folder, or inside `data_dir` when it is given.
    Every file read may be at most `max_bytes` large.
    """
    source = str(path)
    try:
        data = read_bytes(path, max_bytes)
    except FileProblem as problem:
        raise FactsError([Problem("error", f"cannot read the facts file: {problem.message}",
                                  Span.point(source, 1, 1), problem.hint)]) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FactsError([Problem("error", "the facts file is not UTF-8 text",
                                  Span.of_bad_byte(source, data, exc),
                                  "save the file as UTF-8")]) from None
    return loads_facts(text, source, data_dir=data_dir, max_bytes=max_bytes)


def loads_facts(text: str | bytes, source: str = "<facts>", *, data_dir: str | Path | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> FactsFile:
    """Read facts from JSON text; raise `FactsError` (with line and column) if it is not valid.

    Files the facts point at are found beside `source` (the working folder
    for the default `<facts>`), confined to that folder or to `data_dir`.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise FactsError([Problem("error", "the facts are not UTF-8 text", None,
                                      "save the file as UTF-8")]) from None
    if not isinstance(text, str):
        raise TypeError(f"loads_facts() takes JSON text, not {type(text).__name__}")
    text = text.removeprefix("\ufeff")
    values: dict[str, object] = {}
    positions: dict[str, Span] = {}
    key_positions: dict[str, Span] = {}
    problems: list[Problem] = []
    places = _Places(text, source)
    decoder = json.JSONDecoder(parse_float=JsonNumber, parse_int=JsonNumber,
                               parse_constant=_reject_constant, object_pairs_hook=_unique_keys)

    def fail(index: int, message: str, hint: str | None = None) -> FactsError:
        hint = hint or ('a facts file is JSON: {"name": value, ...}, names in double quotes, '
                        "a comma between values")
        return FactsError([Problem("error", message, places.span(index), hint)],
                          {source: text})

    index = _skip(text, 0)
    if not text.startswith("{", index):
        raise fail(index, "a facts file holds one JSON object: {\"name\": value, ...}")
    index = _skip(text, index + 1)
    if text.startswith("}", index):
        index += 1
    else:
        while True:
            if not text.startswith('"', index):
                raise fail(index, "expected a fact name in double quotes")
            try:
                name, end = json.decoder.scanstring(text, index + 1)  # type: ignore[attr-defined]
            except json.JSONDecodeError as exc:
                raise fail(exc.pos, f"malformed fact name: {exc.msg}") from None
            key_at, key_end = index, end
            index = _skip(text, end)
            if not text.startswith(":", index):
                raise fail(index, f"expected `:` after \"{name}\"")
            index = _skip(text, index + 1)
            try:
                value, end = decoder.raw_decode(text, index)
            except json.JSONDecodeError as exc:
                raise fail(exc.pos, f"malformed JSON: {exc.msg}") from None
            except ValueError as exc:  # NaN, Infinity, a numeral too long, a repeated name
                hint = "keep one of them" if "given twice" in str(exc) else "write a finite decimal number"
                raise fail(index, str(exc), hint) from None
            except RecursionError:
                raise fail(index, "this value is nested too deeply",
                           "a fact's value is a number, a text, or a list of them") from None
            name = unicodedata.normalize("NFC", name)
            if name in values:
                problems.append(Problem("error", f"{quote(shortened(name))} is given twice",
                                        places.span(key_at),
                                        f"the first value is at line {positions[name].line}; keep one"))
            else:
                values[name] = value
                positions[name] = places.span(index, end)
                key_positions[name] = places.span(key_at, key_end)
            index = _skip(text, end)
            if text.startswith(",", index):
                comma = index
                index = _skip(text, index + 1)
                if text.startswith("}", index):
                    raise fail(comma, "JSON allows no comma after the last value",
                               "remove this comma")
                continue
            if text.startswith("}", index):
                index += 1
                break
            raise fail(index, "expected `,` or `}` after a value")
    if _skip(text, index) != len(text):
        raise fail(_skip(text, index), "unexpected text after the facts object")
    if problems:
        raise FactsError(problems, {source: text})
    return FactsFile(values, source, positions, text, key_positions,
                     Path(data_dir) if data_dir is not None else None, max_bytes)


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    seen: set[str] = set()
    for name, _ in pairs:
        name = unicodedata.normalize("NFC", name)
        if name in seen:
            raise ValueError(f"{quote(shortened(name))} is given twice in one object")
        seen.add(name)
    return dict(pairs)


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not a value a fact can have")


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


# ---- checking values against declarations -----------------------------------

@attrs.frozen
class DeliverableState:
    """How a deliverable stands: done in time, not done, or delivered late."""

    done: bool
    delivered: dt.date | None = None
    late: bool = False


@attrs.frozen
class Supplied:
    """The facts of one evaluation, checked: values, and what was missing or wrong."""

    values: dict[str, Value]
    deliverables: dict[str, DeliverableState]
    invalid: dict[str, Problem]
    problems: tuple[Problem, ...]
    sources: dict[str, str] = attrs.field(factory=dict)  # answer files, for error excerpts
    given_metrics: frozenset[str] = frozenset()  # metrics given a value rather than computed


@attrs.frozen
class Exact:
    """A value already of the right type (from an example in the contract):
    taken as it is, though ranges and due dates still apply."""

    value: Value


def check_facts(facts: object, declared: Mapping[str, s.Fact],
                deliverables: Mapping[str, s.Deliverable],
                metrics: Mapping[str, object] | None = None,
                metric_types: Mapping[str, Type] | None = None, *,
                data_dir: str | Path | None = None, max_bytes: int | None = None) -> Supplied:
    if not isinstance(facts, Mapping):
        raise FactsError([Problem("error", f"facts must be a mapping from fact name to value, "
                                  f"not {type(facts).__name__}",
                                  hint='pass a dict such as {"nps": 62} or rk.load_facts(path)')])
    positions = facts.positions if isinstance(facts, FactsFile) else {}
    key_positions = facts.key_positions if isinstance(facts, FactsFile) else {}
    source = facts.source if isinstance(facts, FactsFile) else None
    # Answer files are found beside the facts file (or from the working folder),
    # and kept inside its folder unless the caller widens it.
    if isinstance(facts, FactsFile):
        access = Access.beside(facts.source, data_dir if data_dir is not None else facts.data_dir,
                               max_bytes if max_bytes is not None else facts.max_bytes)
    else:
        access = Access.beside(None, data_dir, max_bytes)
    reads = facts.reads if isinstance(facts, FactsFile) else Reads()
    sources: dict[str, str] = {}
    values: dict[str, Value] = {}
    states: dict[str, DeliverableState] = {}
    invalid: dict[str, Problem] = {}
    problems: list[Problem] = []
    unknown = 0
    for key, raw in facts.items():
        if not isinstance(key, str) or _BROKEN.search(key):
            what = "holds a broken character (a lone surrogate)" if isinstance(key, str) else \
                f"must be text, not {_describe(key)}"
            problems.append(Problem("error", f"a fact name {what}",
                                    positions.get(key) if isinstance(key, str) else None,
                                    "write the fact's name as the contract declares it"))
            continue
        # Some editors write å as a + ring; the contract's names are composed.
        name = unicodedata.normalize("NFC", key)
        span = positions.get(key)
        if raw is None or name.startswith("$"):  # null: unknown; "$note": a comment
            continue
        try:
            if name in declared and isinstance(raw, Mapping) and "csv" in raw:
                try:
                    values[name] = _table(declared[name], raw, access, reads)
                except answers.TableError as exc:
                    sources.update(exc.sources)
                    first = exc.problems[0]
                    problems.extend(exc.problems)
                    where = f"{Path(first.span.source).name} line {first.span.line}: " if first.span else ""
                    more = len([p for p in exc.problems if p.span]) - 1
                    also = f" (and {more} more problem{'s' if more > 1 else ''} in the file)" if more > 0 else ""
                    invalid[name] = attrs.evolve(first, message=f"{name}: {where}{first.message}{also}")
                continue
            if name in declared:
                values[name] = _coerce(declared[name], raw)
            elif name in deliverables:
                state = _deliverable(deliverables[name], raw)
                states[name] = state
                values[name] = state.done
            else:
                unknown += 1
                if unknown <= MAX_UNKNOWN:
                    hint = did_you_mean(name, list(declared) + list(deliverables))
                    problems.append(Problem("error", f"unknown fact `{shortened(name)}`",
                                            key_positions.get(key, span),
                                            hint or "declare it in the contract, or remove it"))
        except _Invalid as exc:
            where = "" if span is not None or source is None else f"{source}: "
            problem = Problem("error", f"{where}{name}{exc.path}: {exc.message}", span, exc.hint)
            invalid[name] = problem
            problems.append(problem)
    if unknown > MAX_UNKNOWN:
        problems.append(Problem("error", f"and {unknown - MAX_UNKNOWN} more unknown facts", None,
                                "is this the facts file for this contract?"))
    # Two facts read from one bad file would otherwise report its rows twice.
    metric_problems: list[Problem] = []
    for name, raw in (metrics or {}).items():
        # A metric given a value (an example, a what-if) is taken as it is.
        if raw is None:
            continue
        if metric_types is None or name not in metric_types:
            metric_problems.append(Problem("error", f"unknown metric `{name}`", None,
                                           did_you_mean(name, metric_types or {}) or
                                           "only a metric of the contract can be given a value"))
            continue
        try:
            values[name] = coerce(metric_types[name], raw, None)
        except _Invalid as exc:
            metric_problems.append(Problem("error", f"{name}{exc.path}: {exc.message}", None, exc.hint))
    if metric_problems:
        # A what-if that cannot be taken as asked is refused whole, rather than
        # quietly scored on the computed metric instead.
        raise FactsError(metric_problems)
    given = frozenset(metrics or {}) & frozenset(values)
    return Supplied(values, states, invalid, tuple(dict.fromkeys(problems)), sources, given)


def _table(fact: s.Fact, raw: Mapping[object, object], access: Access, reads: Reads) -> tuple[Value, ...]:
    if fact.type.kind not in (LIST, TABLE):
        raise _Invalid(f"a CSV file gives a list or a table, but `{fact.name}` holds {fact.type}",
                       f"declare it as `list of {fact.type}`")

    def resolve(written: str, access: Access) -> Path:
        key = (written, access)
        if key not in reads.paths:
            reads.paths[key] = confine(written, access)
        return reads.paths[key]

    try:
        ref = answers.reference(raw, access, resolve)
    except FileProblem as problem:
        raise _Invalid(problem.message, problem.hint) from None
    except ValueError as exc:
        raise _Invalid(str(exc)) from None
    if (ref.key is not None) != (fact.type.kind == TABLE):
        raise _Invalid(f'`{fact.name}` holds {fact.type}: '
                       + ('name the column of names with "key"' if fact.type.kind == TABLE
                          else 'a list is read without "key"'))
    bounds = bounds_of(fact)
    key = (ref, fact.type, bounds)
    if key not in reads.values:
        def cell(type_: Type, text: str) -> Value:
            return _cell(type_, text, bounds, ref.decimal)
        if ref.key is not None:
            reads.values[key] = answers.read_table(ref, fact.type, cell, reads.sheets)
        else:
            reads.values[key] = answers.read(ref, fact.type, cell, reads.sheets)
    return reads.values[key]


class CellError(ValueError):
    def __init__(self, message: str, hint: str | None):
        super().__init__(message)
        self.hint = hint


_TRUE = {"true", "ja", "yes", "1"}
_FALSE = {"false", "nej", "no", "0"}


def _cell(type_: Type, text: str, bounds: Bounds, decimal: str | None) -> Value:
    """One CSV cell as a value of `type_`: cells are text, so numbers are read from it,
    with the file's decimal sign if its reference gives one."""
    raw: object = text
    try:
        if type_.kind in (NUMBER, MONEY, PERCENT):
            raw = _with_unit(type_.kind, text, decimal, _CELL_HINT)
            if raw is None and NUMBER_TEXT.fullmatch(text.strip()):
                raw = _number_text(text, decimal, _CELL_HINT)
            # Anything else is not a number at all, and coerce() says so.
            raw = text if raw is None else raw
        elif type_.kind == BOOL and text.casefold() in _TRUE | _FALSE:
            raw = text.casefold() in _TRUE
        return coerce(type_, raw, bounds)
    except _Invalid as exc:
        raise CellError(exc.message, exc.hint) from None


_CELL_HINT = ('say how the file writes numbers: add "decimal": "," to its reference in the facts file '
              '(a decimal comma, and a point between thousands, as Danish spreadsheets write them), '
              'or "decimal": "."')
_TEXT_HINT = "write {thousands} or {decimals}: without a separator between thousands, with a decimal point"

# A percentage or an amount written with its unit: "72,5%", "16.488 tkr", "576 kr".
_PERCENT_TEXT = re.compile(r"\s*([-+]?[0-9][0-9.,]*)\s*%\s*")
_MONEY_TEXT = re.compile(r"\s*([-+]?[0-9][0-9.,]*)\s*(kr|tkr|mio\s+kr)\s*")


def _with_unit(kind: str, text: str, decimal: str | None, hint: str) -> Fraction | None:
    """A percent or money text with its unit as a share or kroner; None if it has no unit."""
    if kind == PERCENT and (match := _PERCENT_TEXT.fullmatch(text)):
        return _number_text(match.group(1), decimal, hint, "%") / 100
    if kind == MONEY and (match := _MONEY_TEXT.fullmatch(text)):
        unit = " ".join(match.group(2).split())
        return _number_text(match.group(1), decimal, hint, " " + unit) * MONEY_UNITS[unit]
    return None


def _number_text(text: str, decimal: str | None, hint: str, unit: str = "") -> Fraction:
    """`number_text`, with a hint that shows both readings of an unclear number."""
    try:
        return number_text(text, decimal)
    except UnclearNumber as exc:
        thousands, decimals = (_unmistakable(reading) + unit for reading in exc.readings)
        raise _Invalid(str(exc), hint.format(thousands=thousands, decimals=decimals)) from None
    except ValueError as exc:
        raise _Invalid(str(exc), "write a number such as 62.4 or 62,4") from None


def _unmistakable(value: Fraction) -> str:
    """A number's text that no reader can take for another: 16.4880, not 16.488."""
    text = format_number(value)
    return text + "0" if re.fullmatch(r"-?[1-9][0-9]{0,2}\.[0-9]{3}", text) else text


class _Invalid(Exception):
    """A value that does not fit its declaration; `path` says where inside a list."""

    def __init__(self, message: str, hint: str | None = None, path: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.path = path


def _number(raw: object) -> Fraction | None:
    """The exact number a raw value stands for, or None if it is not a number."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, JsonNumber):
        if raw.isdigit() and len(raw) <= 18:  # the common case, a plain count: read fast
            return Fraction(int(raw))
        try:
            return decimal_fraction(raw)
        except ValueError as exc:
            raise _Invalid(str(exc)) from None
    try:
        if isinstance(raw, numbers.Rational):  # int, Fraction, numpy's integers
            return checked_fraction(Fraction(int(raw.numerator), int(raw.denominator)))
        if isinstance(raw, Decimal):
            return checked_decimal(raw)
    except ValueError as exc:
        raise _Invalid(str(exc), "write a finite number of reasonable size") from None
    if isinstance(raw, numbers.Real):
        # A float is read by its shortest decimal text: 59.99 is 5999/100, not the
        # binary fraction nearest to it. numpy's floats print the same way.
        text = float.__repr__(raw) if isinstance(raw, float) else _text_of(raw)
        try:
            return decimal_fraction(text)
        except ValueError:
            raise _Invalid(f"{shortened(text, 40)} is not a number a fact can have",
                           "write a finite number") from None
    return None


def _text_of(number: numbers.Real) -> str:
    try:
        return str(number)[:200]
    except Exception:
        return type(number).__name__


def _describe(raw: object) -> str:
    """A value from outside, named briefly for a message: never its whole text, never
    anything that could itself fail to print (a number of a million digits, say)."""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, JsonNumber):
        return shortened(str(raw), 40)
    if isinstance(raw, str):
        return f"the text {quote(shortened(raw, 40))}"
    if isinstance(raw, list | tuple):
        return "a list"
    if isinstance(raw, Mapping):
        return "an object"
    if isinstance(raw, int) and abs(raw).bit_length() > 200:
        return f"a whole number of about {int(abs(raw).bit_length() * 0.30103) + 1} digits"
    if isinstance(raw, int | Fraction):
        return format_number(Fraction(raw))
    if isinstance(raw, float | Decimal):
        return shortened(str(raw), 40)
    return f"a value of type {shortened(type(raw).__name__, 40)}"


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


Bounds = tuple[Fraction, Fraction] | None


def bounds_of(fact: s.Fact) -> Bounds:
    if fact.range is None:
        return None
    low, high = (_bound(b) for b in (fact.range.low, fact.range.high))
    return (low, high) if low is not None and high is not None else None


def _coerce(fact: s.Fact, raw: object) -> Value:
    return coerce(fact.type, raw, bounds_of(fact))


def coerce(type_: Type, raw: object, bounds: Bounds) -> Value:
    """A raw value (from JSON or Python) as a value of `type_`, or `_Invalid` saying why not."""
    # A list given exactly (a worked example's `[[]] * 3`) follows the same rules as a
    # list in a facts file, item by item; single values are taken as they are.
    exact = isinstance(raw, Exact)
    if isinstance(raw, Exact):
        if type_.kind != LIST or not isinstance(raw.value, tuple):
            return _exact(type_, raw.value, bounds)
        raw = raw.value
    if type_.kind == TABLE:
        assert type_.element is not None
        if not isinstance(raw, Mapping) or not raw:
            raise _Invalid(f"expected a table from name to value, got {_describe(raw)}",
                           'write an object such as {"Morsø": 20514, "Thisted": 43716}')
        rows: list[tuple[str, Value]] = []
        named: set[str] = set()
        for name, item in raw.items():
            if not isinstance(name, str):
                raise _Invalid(f"a name in a table must be text, not {_describe(name)}")
            party = unicodedata.normalize("NFC", name)
            if _BROKEN.search(party):
                raise _Invalid("a name in the table holds a broken character (a lone surrogate)",
                               "save the facts as UTF-8 and check the names")
            if party in named:
                raise _Invalid(f"{quote(shortened(party))} is named twice", "name each party once")
            named.add(party)
            try:
                rows.append((party, coerce(type_.element, item, bounds)))
            except _Invalid as exc:
                raise _Invalid(exc.message, exc.hint, f"[{json.dumps(name, ensure_ascii=False)}]"
                               f"{exc.path}") from None
        return tuple(rows)
    if type_.kind == LIST:
        assert type_.element is not None
        if _is_array(raw):  # a numpy array: its items as Python numbers
            raw = raw.tolist()  # type: ignore[attr-defined]  # numpy is not a dependency
        if isinstance(raw, str | bytes | Mapping) or not isinstance(raw, list | tuple):
            raise _Invalid(f"expected a list, got {_describe(raw)}",
                           'write a list such as [9, 10, 7], or read a CSV file: '
                           '{"csv": "answers.csv", "column": "NAME"}')
        if type_.element.integer and type_.element.kind == NUMBER:
            fast = _whole_numbers(raw, bounds)
            if fast is not None:
                return fast
        items: list[Value] = []
        for index, item in enumerate(raw):
            if is_blank(item):
                if type_.element.optional:
                    continue  # no answer: left out
                raise _Invalid("a blank answer", "give every answer, or declare the answers "
                               "`optional` in the contract to allow blanks", f"[{index}]")
            try:
                value = coerce(type_.element, Exact(item) if exact else item, bounds)
            except _Invalid as exc:
                raise _Invalid(exc.message, exc.hint, f"[{index}]{exc.path}") from None
            inner = type_.element.element
            if value == () and inner is not None and inner.optional:
                continue  # every answer blank: the company did not answer, as in a CSV file
            items.append(value)
        return tuple(items)
    return _within(_coerce_type(type_, raw), type_, bounds,
                   "check the measurement, or widen the range in the contract")


def _exact(type_: Type, value: Value, bounds: Bounds) -> Value:
    if type_.integer and isinstance(value, Fraction) and value.denominator == 1:
        value = value.numerator
    return _within(value, type_, bounds, "give a value within the range")


def _within(value: Value, type_: Type, bounds: Bounds, hint: str) -> Value:
    """`value`, or `_Invalid` if it lies outside the declared range."""
    if bounds is not None and isinstance(value, Fraction | int) and not isinstance(value, bool):
        low, high = bounds
        if not low <= value <= high:
            raise _Invalid(f"{format_value(value, type_)} is outside its range "
                           f"{format_value(low, type_)} .. {format_value(high, type_)}", hint)
    return value


def _whole_numbers(raw: list[object] | tuple[object, ...], bounds: Bounds) -> tuple[int, ...] | None:
    """Survey answers (plain whole numbers, no blanks) read in one quick pass.

    None if any item needs the general path, which then says exactly what is wrong.
    """
    kinds = set(map(type, raw))  # one pass in C over a million answers
    out: tuple[int, ...]
    if kinds == {int} or not kinds:
        out = tuple(raw)  # type: ignore[arg-type]  # every item is an int, as just seen
    elif kinds <= {int, JsonNumber}:
        numerals = cast("list[int | str]", raw)  # as just seen
        if not all(not isinstance(item, str) or (len(item) <= 18 and item.isdigit()) for item in numerals):
            return None
        out = tuple(int(item) if isinstance(item, str) else item for item in numerals)
    else:
        return None
    if bounds is not None and out and not (bounds[0] <= min(out) and max(out) <= bounds[1]):
        return None
    return out


def _is_array(raw: object) -> bool:
    return getattr(raw, "ndim", 0) == 1 and callable(getattr(raw, "tolist", None))


def is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not isinstance(raw, JsonNumber) and not raw.strip())


def _bound(expr: s.Expr) -> Fraction | None:
    value = s.literal_value(expr)
    return value if isinstance(value, Fraction) else None


def _coerce_type(type_: Type, raw: object) -> Value:
    kind = type_.kind
    if kind == NUMBER:
        number = _number(raw)
        if number is None:
            raise _Invalid(f"expected a number, got {_describe(raw)}", "write a number, e.g. 62.4")
        if type_.integer:
            if number.denominator != 1:
                raise _Invalid(f"expected a whole number, got {_describe(raw)}")
            return number.numerator  # whole numbers stay int: exact, and fast to count
        return number
    if kind == PERCENT:
        return _percent(raw)
    if kind == MONEY:
        if isinstance(raw, str) and not isinstance(raw, JsonNumber):
            # "16.488 tkr" is 16488 tkr to a Danish reader and 16.488 to a program: refused.
            amount = _with_unit(MONEY, raw, None, _TEXT_HINT)
            if amount is None:
                raise _Invalid(f"expected an amount of money, got {_describe(raw)}",
                               'write kroner as a number, or text such as "576 tkr"')
            return amount
        number = _number(raw)
        if number is None:
            raise _Invalid(f"expected an amount of money, got {_describe(raw)}",
                           'write kroner as a number, or text such as "576 tkr"')
        return number
    if kind == BOOL:
        if not isinstance(raw, bool):
            raise _Invalid(f"expected true or false, got {_describe(raw)}", "write true or false")
        return raw
    if kind == DATE:
        return _date(raw)
    if kind == TEXT:
        if not isinstance(raw, str) or isinstance(raw, JsonNumber):
            raise _Invalid(f"expected a text, got {_describe(raw)}", 'write it in quotes: "..."')
        if type_.choices is not None:
            return choice(type_.choices, raw)
        if _BROKEN.search(raw):
            raise _Invalid("the text holds a broken character (a lone surrogate)",
                           "save the facts as UTF-8 and check the text")
        return unicodedata.normalize("NFC", str(raw))
    raise _Invalid(f"values of type {type_} cannot be given yet")


def _percent(raw: object) -> Fraction:
    if isinstance(raw, str) and not isinstance(raw, JsonNumber):
        share = _with_unit(PERCENT, raw, None, _TEXT_HINT)
        if share is None:
            raise _Invalid(f"expected a percentage, got {_describe(raw)}",
                           'write a percentage as "72%" or as the share 0.72')
        raw = share
    number = _number(raw)
    if number is None:
        raise _Invalid(f"expected a percentage, got {_describe(raw)}",
                       'write a percentage as "72%" or as the share 0.72')
    if not -1 <= number <= 1:
        # 72 is almost always meant as 72%, but read literally it is 7200%:
        # refuse rather than guess.
        shown = format_value(number, None)
        raise _Invalid(f"{shown} is not a share: a percent fact holds a share from 0 to 1, "
                       f"so {shown} would mean {format_value(number, Type(PERCENT))}",
                       f'write "{shown}%" or {format_value(number / 100, None)}')
    return number


def choice(choices: tuple[str, ...], raw: str) -> str:
    """The answer `raw` stands for; letter case and spacing do not matter."""
    wanted = answer_key(raw)
    for option in choices:
        if answer_key(option) == wanted:
            return option
    hint = did_you_mean(raw, choices) or "the answers are: " + ", ".join(map(quote, choices))
    raise _Invalid(f"{quote(shortened(raw))} is not one of the possible answers", hint)


def _date(raw: object) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str) and not isinstance(raw, JsonNumber) and _ISO_DATE.fullmatch(raw.strip()):
        try:
            return dt.date.fromisoformat(raw.strip())
        except ValueError:
            raise _Invalid(f"{raw.strip()} is not a date in the calendar",
                           'write a real date as "YEAR-MONTH-DAY"') from None
    raise _Invalid(f"expected a date, got {_describe(raw)}", 'write a date as "2019-12-31"')


def _deliverable(deliverable: s.Deliverable, raw: object) -> DeliverableState:
    if isinstance(raw, Exact):
        raw = raw.value
    if isinstance(raw, bool):
        return DeliverableState(done=raw)
    try:
        delivered = _date(raw)
    except _Invalid:
        raise _Invalid(f"a deliverable is true, false or the date it was delivered; got {_describe(raw)}",
                       'write true, false or a date such as "2019-11-30"') from None
    late = deliverable.due is not None and delivered > deliverable.due
    return DeliverableState(done=not late, delivered=delivered, late=late)
