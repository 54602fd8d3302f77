"""A raw value (from JSON, Python, a CSV cell or a spreadsheet cell) made a value of its declared type.

Coercion knows nothing of files: the facts file and its positions
(factsfile.py), CSV exports (answers.py) and workbooks (workbook.py) hand it
values and texts, and it returns the exact value or raises `Invalid` with a
reason code and its parameters, which reasons.py turns into English or Danish.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import numbers
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from functools import partial
from operator import countOf
from typing import cast

import attrs

from ..core.errors import closest
from ..core.reasons import Got, Quantity, describe
from ..core.values import (
    BOOL,
    DATE,
    LARGEST_WHOLE,
    LIST,
    MONEY,
    NUMBER,
    NUMBER_TEXT,
    PERCENT,
    RATE,
    SHORT_BITS,
    T_PERCENT,
    TABLE,
    TEXT,
    JsonNumber,
    NumberError,
    Tallied,
    Type,
    UnclearNumber,
    Value,
    answer_key,
    checked_decimal,
    checked_fraction,
    date_text,
    decimal_fraction,
    format_number,
    number_text,
    truth_value,
)
from ..core.vocabulary import CURRENCIES, DKK, MONEY_UNITS, UNIT_CURRENCY, money_unit, quote, shortened
from ..language import syntax as s

# A lone surrogate: JSON can write one ("\\ud800"), but no file or terminal can show it.
BROKEN = re.compile("[\ud800-\udfff]")

Bounds = tuple[Fraction, Fraction] | None


class Invalid(Exception):
    """A value that does not fit its declaration: a reason code and its parameters.

    `path` says where inside a list or table (`[3]`, `["Morsø"]`); `hint`
    names another hint than the code's own, where one fits better.
    """

    def __init__(self, code: str, *, hint: str | None = None, path: str = "",
                 params: Mapping[str, object] | None = None, **named: object):
        super().__init__(code)
        self.code = code
        self.hint = hint
        self.path = path
        self.params: dict[str, object] = {**(params or {}), **named}

    def within(self, step: str) -> Invalid:
        """The same problem, one level further inside a list or table."""
        return Invalid(self.code, hint=self.hint, path=step + self.path, params=self.params)


@attrs.frozen
class Exact:
    """A value already of the right type (from an example in the contract):
    taken as it is, though ranges and due dates still apply."""

    value: Value


def bounds_of(fact: s.Fact) -> Bounds:
    if fact.range is None:
        return None
    low, high = (_bound(b) for b in (fact.range.low, fact.range.high))
    return (low, high) if low is not None and high is not None else None


def _bound(expr: s.Expr) -> Fraction | None:
    value = s.literal_value(expr)
    return value if isinstance(value, Fraction) else None


def coerce(type_: Type, raw: object, bounds: Bounds) -> Value:
    """A raw value (from JSON or Python) as a value of `type_`, or `Invalid` saying why not."""
    # A list given exactly (a worked example's `[[]] * 3`) follows the same rules as a
    # list in a facts file, item by item; single values are taken as they are.
    exact = isinstance(raw, Exact)
    if isinstance(raw, Exact):
        if type_.kind == TABLE and isinstance(raw.value, tuple):
            # A table written out (`{"Morsø": 20514}`): each value checked as a facts file's is.
            pairs = cast("tuple[tuple[str, Value], ...]", raw.value)
            raw = {name: Exact(item) for name, item in pairs}
        elif type_.kind != LIST or not isinstance(raw.value, tuple):
            return _exact(type_, raw.value, bounds)
        else:
            raw = raw.value
    if type_.kind == TABLE:
        return _table(type_, raw, bounds)
    if type_.kind == LIST:
        return _list(type_, raw, bounds, exact)
    return _within(_single(type_, raw), type_, bounds, "range")


def _table(type_: Type, raw: object, bounds: Bounds) -> tuple[Value, ...]:
    assert type_.element is not None
    if not isinstance(raw, Mapping) or not raw:
        raise Invalid("expected-table", got=describe(raw))
    rows: list[tuple[str, Value]] = []
    named: set[str] = set()
    for name, item in raw.items():
        if not isinstance(name, str):
            raise Invalid("table-name", got=describe(name))
        party = unicodedata.normalize("NFC", name)
        if BROKEN.search(party):
            raise Invalid("table-name-broken")
        if party in named:
            raise Invalid("named-twice", name=quote(shortened(party)))
        named.add(party)
        try:
            rows.append((party, coerce(type_.element, item, bounds)))
        except Invalid as exc:
            raise exc.within(f"[{json.dumps(name, ensure_ascii=False)}]") from None
    return tuple(rows)


def _list(type_: Type, raw: object, bounds: Bounds, exact: bool) -> tuple[Value, ...]:
    assert type_.element is not None
    if _is_array(raw):  # a numpy array: its items as Python numbers
        raw = raw.tolist()  # type: ignore[attr-defined]  # numpy is not a dependency
    if isinstance(raw, str | bytes | Mapping) or not isinstance(raw, list | tuple):
        raise Invalid("expected-list", got=describe(raw))
    if type_.element.integer and type_.element.kind == NUMBER:
        fast = _whole_numbers(raw, bounds)
        if fast is not None:
            return fast
    items: list[Value] = []
    for index, item in enumerate(raw):
        if is_blank(item):
            if type_.element.optional:
                continue  # no answer: left out
            raise Invalid("blank-answer", path=f"[{index}]")
        try:
            value = coerce(type_.element, Exact(item) if exact else item, bounds)
        except Invalid as exc:
            raise exc.within(f"[{index}]") from None
        inner = type_.element.element
        if value == () and inner is not None and inner.optional:
            continue  # every answer blank: the company did not answer, as in a CSV file
        items.append(value)
    return tuple(items)


def tally(type_: Type, raw: object, bounds: Bounds) -> Value:
    """A list given as a value (JSON, Python) that the contract only counts, as its tally: the
    same as `Tallied.of(coerce(...))`, with the same problems. Plain whole numbers are counted
    first (`_whole_answers_counted`); anything else is checked answer by answer, then counted."""
    element = type_.element
    if type_.kind == LIST and element is not None and element.integer and element.kind == NUMBER:
        counted = _whole_answers_counted(*_whole_bounds(bounds), raw)
        if counted is not None:
            return counted
    value = coerce(type_, raw, bounds)
    return Tallied.of(value) if isinstance(value, tuple) and type_.kind == LIST else value


def tally_reader(type_: Type, bounds: Bounds) -> Reader | None:
    """`reader` for a list fact the contract only counts: plain whole answers within `bounds`
    counted at once, the same `Tallied` as `tally` gives; None where `tally` must look closer."""
    element = type_.element
    if type_.kind == LIST and element is not None and element.integer and element.kind == NUMBER:
        low, high = _whole_bounds(bounds)
        if _small(low, high):
            return partial(_small_answers_counted, low, high, bytes(range(low, high + 1)))
        return partial(_whole_answers_counted, low, high)
    return None


def _whole_bounds(bounds: Bounds) -> tuple[int, int]:
    """The whole numbers a declared range holds, as whole numbers (compared with whole answers
    without a Fraction), within the largest whole number a fact may be."""
    if bounds is None:
        return -LARGEST_WHOLE, LARGEST_WHOLE
    return max(math.ceil(bounds[0]), -LARGEST_WHOLE), min(math.floor(bounds[1]), LARGEST_WHOLE)


def _whole_answers_counted(low: int, high: int, raw: object) -> Tallied | None:
    """Plain whole numbers, as survey answers come, counted first and each distinct answer
    checked once against `low`..`high` (their kinds are looked at first: `True == 1` in
    Python, but true is no answer 0-10); None for anything else. Answers on a small scale
    (0-10) are counted as bytes (`_small_answers_counted`)."""
    if _small(low, high):
        return _small_answers_counted(low, high, bytes(range(low, high + 1)), raw)
    if not (type(raw) is list or type(raw) is tuple) or not raw or countOf(map(type, raw), int) != len(raw):
        return None
    # Every item an int, as just seen: answers that fit in bytes are counted as bytes.
    counts = _bytes_counted(raw)
    if counts is None:
        counts = Counter(raw)
    if low <= min(counts) and max(counts) <= high:
        return Tallied(counts, len(raw))
    return None


# Answers are counted as bytes on a scale of at most this many values (`_small`), and where
# they fit in bytes with at most this many distinct values (`_bytes_counted`): past it, taking
# each value out of the bytes in turn would cost more than `Counter` does.
MAX_BYTE_VALUES = 32


def _bytes_counted(raw: list[int] | tuple[int, ...]) -> Counter[int] | None:
    """Whole numbers from 0 to 255 (each an int itself: the caller has seen so) counted as
    `Counter` counts them, in the order the list first holds them, as bytes: the list made
    bytes in C, then the first value left taken out of them (`translate`), its count what that
    took away, value by value. None where a number does not fit in a byte, or the list holds
    more than `MAX_BYTE_VALUES` distinct values. A million answers on a scale of 0-10 take a
    third of the time `Counter` takes (11 ms against 34); a list found to hold more distinct
    values has cost about that much before `Counter` counts it."""
    try:
        answers = bytearray(raw)
    except ValueError:  # below 0 or above 255
        return None
    counts: Counter[int] = Counter()
    for _ in range(MAX_BYTE_VALUES):
        if not answers:
            return counts
        first = answers[0]
        rest = answers.translate(None, bytes((first,)))
        dict.__setitem__(counts, first, len(answers) - len(rest))  # as Counter(list) sets it
        answers = rest
    return None if answers else counts


def _small(low: int, high: int) -> bool:
    """Whether a scale is a small one of bytes (0-10, 1-5), whose answers are counted as bytes."""
    return 0 <= low <= high <= 255 and high - low < MAX_BYTE_VALUES


def _small_answers_counted(low: int, high: int, scale: bytes, raw: object) -> Tallied | None:
    """`_whole_answers_counted` for a small scale `low`..`high` (`scale`, its bytes): the answers
    made bytes in one pass in C (which refuses anything that is no whole number from 0 to 255),
    the bytes of the scale taken away (none may be left), and each answer of the scale counted
    in the bytes, in the order the list first holds them, as `Counter` counts them. A `Counter`
    of the list goes to a dict for each answer; this goes through the bytes in C, once an answer
    of the scale."""
    # Every answer an int itself, first: bytearray would take anything with __index__ (true as 1).
    if not (type(raw) is list or type(raw) is tuple) or not raw or countOf(map(type, raw), int) != len(raw):
        return None
    try:
        answers = bytearray(raw)
    except ValueError:  # below 0 or above 255
        return None
    if answers.translate(None, scale):  # an answer outside the scale
        return None
    # The answers of the scale in the order the list first holds them, those it does not hold
    # (found at -1) first: they count 0, and are left out.
    order = sorted(range(low, high + 1), key=answers.find)
    counted = list(map(answers.count, order))
    absent = counted.count(0)
    counts: Counter[int] = Counter()
    # As Counter(mapping) fills an empty Counter, without its checks (the two are as long: not checked).
    dict.update(counts, zip(order[absent:], counted[absent:], strict=False))
    return Tallied(counts, len(raw))


def _exact(type_: Type, value: Value, bounds: Bounds) -> Value:
    if type_.integer and isinstance(value, Fraction):
        if value.denominator != 1:
            raise Invalid("expected-whole", got=describe(value))
        value = value.numerator
    return _within(value, type_, bounds, "range-given")


def _within(value: Value, type_: Type, bounds: Bounds, hint: str) -> Value:
    """`value`, or `Invalid` if it lies outside the declared range."""
    if bounds is not None and isinstance(value, Fraction | int) and not isinstance(value, bool):
        low, high = bounds
        if not low <= value <= high:
            raise Invalid("out-of-range", hint=hint, value=Quantity(value, type_),
                          low=Quantity(low, type_), high=Quantity(high, type_))
    return value


def _whole_numbers(raw: list[object] | tuple[object, ...], bounds: Bounds) -> tuple[int, ...] | None:
    """Survey answers (plain whole numbers, no blanks) read in one quick pass.

    None if any item needs the general path, which then says exactly what is wrong.
    """
    return _whole_numbers_within(raw, _WholeRange.of(bounds))


@attrs.frozen
class _WholeRange:
    """A declared range as whole numbers do or do not lie within it, worked out once a fact."""

    low: int | None
    high: int | None
    # On a small scale (within 0-255), the range's own bytes: taken away, anything left is outside it.
    inside: bytes | None

    @classmethod
    def of(cls, bounds: Bounds) -> _WholeRange:
        if bounds is None:
            return cls(None, None, None)
        # Whole numbers lie within a range exactly when they lie within its whole part.
        low, high = math.ceil(bounds[0]), math.floor(bounds[1])
        return cls(low, high, bytes(range(low, high + 1)) if low >= 0 and high <= 255 else None)


def _whole_numbers_within(raw: list[object] | tuple[object, ...], within: _WholeRange) -> tuple[int, ...] | None:
    # One pass in C over a million answers: whether every one is an int (most often, and quickest
    # asked), else what kinds there are.
    kinds = {int} if countOf(map(type, raw), int) == len(raw) else set(map(type, raw))
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
    if not out:
        return out
    try:  # answers on a small scale (0-10) fit in bytes: one pass in C, and none is too long
        small: bytearray | None = bytearray(out)
    except ValueError:
        small = None
        if max(out) > LARGEST_WHOLE or min(out) < -LARGEST_WHOLE:
            return None  # a number too long to take: the general path says so
    if within.low is not None and within.high is not None:
        if small is not None and within.inside is not None:
            return None if small.translate(None, within.inside) else out
        if not (within.low <= min(out) and max(out) <= within.high):
            return None
    return out


def _is_array(raw: object) -> bool:
    return getattr(raw, "ndim", 0) == 1 and callable(getattr(raw, "tolist", None))


def is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not isinstance(raw, JsonNumber) and not raw.strip())


# ---- single values -----------------------------------------------------------------------


def _single(type_: Type, raw: object) -> Value:
    kind = type_.kind
    if kind == NUMBER:
        number = _number(raw)
        if number is None:
            raise Invalid("expected-number", got=describe(raw))
        if type_.integer:
            if number.denominator != 1:
                raise Invalid("expected-whole", got=describe(raw))
            return number.numerator  # whole numbers stay int: exact, and fast to count
        return number
    if kind == PERCENT:
        return _percent(raw)
    if kind == MONEY:
        return _money(raw, type_.currency_code)
    if kind == RATE:
        # `rate DKK per EUR`: a plain number, what one unit is worth in the other currency.
        rate = _number(raw)
        if rate is None or rate <= 0:
            raise Invalid("expected-rate", got=describe(raw), rate=str(type_))
        return rate
    if kind == BOOL:
        truth = truth_value(raw)
        if truth is None:
            raise Invalid("expected-bool", got=describe(raw))
        return truth
    if kind == DATE:
        return date_of(raw)
    if kind == TEXT:
        if not isinstance(raw, str) or isinstance(raw, JsonNumber):
            raise Invalid("expected-text", got=describe(raw))
        if type_.choices is not None:
            return choice(type_.choices, raw)
        if BROKEN.search(raw):
            raise Invalid("broken-text")
        return unicodedata.normalize("NFC", str(raw))
    raise Invalid("cannot-give", type=str(type_))


def _number(raw: object) -> Fraction | None:
    """The exact number a raw value stands for, or None if it is not a number."""
    try:
        if type(raw) is int:  # the common case, a count given as a Python int (a bool's type is bool)
            return Fraction(raw) if raw.bit_length() <= SHORT_BITS else checked_fraction(Fraction(raw))
        if isinstance(raw, JsonNumber):
            if raw.isdigit() and len(raw) <= 18:  # the common case, a plain count: read fast
                return Fraction(int(raw))
            return decimal_fraction(raw)
        if truth_value(raw) is not None:  # True is no number here, though Python counts it as 1
            return None
        if isinstance(raw, numbers.Rational):  # int, Fraction, numpy's integers
            return checked_fraction(Fraction(int(raw.numerator), int(raw.denominator)))
        if isinstance(raw, Decimal):
            return checked_decimal(raw)
        if isinstance(raw, numbers.Real):
            # A float is read by its shortest decimal text: 59.99 is 5999/100, not the
            # binary fraction nearest to it. numpy's floats print the same way.
            text = float.__repr__(raw) if isinstance(raw, float) else _text_of(raw)
            try:
                return decimal_fraction(text)
            except NumberError as exc:
                if exc.code != "not-a-number":
                    raise  # beyond the bounds (1e300): said as for that numeral, below
                raise Invalid("not-finite", text=shortened(text, 40)) from None
    except NumberError as exc:
        raise Invalid(f"number.{exc.code}", params=exc.params) from None
    return None


def _text_of(number: numbers.Real) -> str:
    try:
        return str(number)[:200]
    except Exception:  # a number type whose text fails is no number to us
        return type(number).__name__


def _percent(raw: object) -> Fraction:
    if isinstance(raw, str) and not isinstance(raw, JsonNumber):
        number: Fraction | None = with_unit(PERCENT, raw, None, "unclear-text")
        if number is None:
            raise Invalid("expected-percent", got=describe(raw))
    else:
        number = _number(raw)
    if number is None:
        raise Invalid("expected-percent", got=describe(raw))
    if not -1 <= number <= 1:
        # 72 is almost always meant as 72%, but read literally it is 7200%:
        # refuse rather than guess. The hint is written as JSON writes numbers.
        raise Invalid("not-a-share", shown=Quantity(number), percent=Quantity(number, T_PERCENT),
                      json=format_number(number), share=format_number(number / 100))
    return number


def _money(raw: object, currency: str) -> Fraction:
    if isinstance(raw, str) and not isinstance(raw, JsonNumber):
        # "16.488 tkr" is 16488 tkr to a Danish reader and 16.488 to a program: refused.
        amount = with_unit(MONEY, raw, None, "unclear-text", currency)
        if amount is None:
            raise _not_money(raw, currency)
        return amount
    number = _number(raw)
    if number is None:
        raise _not_money(raw, currency)
    return number


def _not_money(raw: object, currency: str) -> Invalid:
    # The hint names the fact's currency: "write kroner" misled for a fact in euros.
    hint = None if currency == DKK else "expected-money-in"
    return Invalid("expected-money", hint=hint, got=describe(raw), currency=currency)


def choice(choices: tuple[str, ...], raw: str) -> str:
    """The answer `raw` stands for; letter case and spacing do not matter."""
    wanted = answer_key(raw)
    for option in choices:
        if answer_key(option) == wanted:
            return option
    close = closest(raw, choices)
    if close is not None:
        raise Invalid("not-a-choice", hint="suggest", answer=quote(shortened(raw)), suggestion=close)
    raise Invalid("not-a-choice", answer=quote(shortened(raw)), choices=", ".join(map(quote, choices)))


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def date_of(raw: object) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str) and not isinstance(raw, JsonNumber) and _ISO_DATE.fullmatch(raw.strip()):
        try:
            return dt.date.fromisoformat(raw.strip())
        except ValueError:
            raise Invalid("not-in-calendar", date=raw.strip()) from None
    raise Invalid("expected-date", got=describe(raw))


# ---- numbers written as text: JSON money and percent texts, CSV cells ----------------------

# A percentage or an amount written with its unit: "72,5%", "16.488 tkr", "576 kr".
_PERCENT_TEXT = re.compile(r"\s*([-+]?[0-9][0-9.,]*)\s*%\s*")
_MONEY_TEXT = re.compile(rf"\s*([-+]?[0-9][0-9.,]*)\s*(kr|tkr|(?:mio\s+)?(?:kr|{'|'.join(CURRENCIES)}))\s*")


def with_unit(kind: str, text: str, decimal: str | None, unclear: str, currency: str = DKK) -> Fraction | None:
    """A percent or money text with its unit as a share or an amount in `currency`; None if it
    has no unit. An amount in another currency than the fact's is refused: it needs a rate.

    `unclear` names the hint for a number with two readings: how to fix it
    differs between a JSON text and a CSV file.
    """
    if kind == PERCENT and (match := _PERCENT_TEXT.fullmatch(text)):
        return numeral(match.group(1), decimal, unclear, "%") / 100
    if kind == MONEY and (match := _MONEY_TEXT.fullmatch(text)):
        unit = money_unit(match.group(2))
        if UNIT_CURRENCY[unit] != currency:
            raise Invalid("money-currency", text=shortened(text.strip()), currency=currency)
        return numeral(match.group(1), decimal, unclear, " " + unit) * MONEY_UNITS[unit]
    return None


def numeral(text: str, decimal: str | None, unclear: str, unit: str = "") -> Fraction:
    """`number_text`, with a hint that shows both readings of an unclear number."""
    try:
        return number_text(text, decimal)
    except UnclearNumber as exc:
        thousands, decimals = (_unmistakable(reading) + unit for reading in exc.readings)
        raise Invalid("unclear", hint=unclear, text=exc.params["text"], separator=exc.params["separator"],
                      first=Quantity(exc.readings[0]), second=Quantity(exc.readings[1]),
                      thousands=thousands, decimals=decimals) from None
    except NumberError as exc:
        raise Invalid(f"number.{exc.code}", params=exc.params) from None


def _unmistakable(value: Fraction) -> str:
    """A number's text that no reader can take for another: 16.4880, not 16.488."""
    text = format_number(value)
    return text + "0" if re.fullmatch(r"-?[1-9][0-9]{0,2}\.[0-9]{3}", text) else text


_TRUE = {"true", "ja", "yes", "1"}
_FALSE = {"false", "nej", "no", "0"}


def cell(type_: Type, text: str, bounds: Bounds, decimal: str | None) -> Value:
    """One CSV cell as a value of `type_`: cells are text, so numbers are read from it,
    with the file's decimal sign if its reference gives one."""
    raw: object = text
    if type_.kind in (NUMBER, MONEY, PERCENT, RATE):
        raw = with_unit(type_.kind, text, decimal, "unclear-cell", type_.currency_code)
        if raw is None and NUMBER_TEXT.fullmatch(text.strip()):
            raw = numeral(text, decimal, "unclear-cell")
        # Anything else is not a number at all, and coerce() says so.
        raw = text if raw is None else raw
    elif type_.kind == BOOL and text.casefold() in _TRUE | _FALSE:
        raw = text.casefold() in _TRUE
    return coerce(type_, raw, bounds)


def sheet_cell(type_: Type, raw: object, bounds: Bounds, decimal: str | None) -> Value:
    """One cell of a spreadsheet as a value of `type_`.

    A spreadsheet keeps numbers, dates and booleans as themselves and anything
    else as text. A text is read as a CSV cell is, so a number stored as text
    follows the same rules (`62,4`; `205.000` only with the reference's decimal
    sign); a number is read by its shortest decimal text, so 0.1 is one tenth.
    """
    if isinstance(raw, str):
        return cell(type_, raw, bounds, decimal)
    if type_.kind == TEXT and isinstance(raw, int | float | dt.date) and not isinstance(raw, bool):
        # A name or an answer the spreadsheet took for a number or a date: a
        # municipality's code, a year, an answer coded 1-5. A CSV cell is text anyway.
        return cell(type_, cell_text(raw), bounds, decimal)
    if type_.kind == BOOL and type(raw) is int and raw in (0, 1):
        return raw == 1  # 1 and 0, as a CSV cell writes them
    return coerce(type_, raw, bounds)


def cell_text(raw: int | float | dt.date) -> str:
    """The text a spreadsheet shows for a number or a date: 7700, 62.4, 2018-01-01."""
    if isinstance(raw, dt.date):
        return date_text(raw)
    try:
        number = _number(raw)
    except Invalid:
        number = None
    return format_number(number) if number is not None else str(raw)


# ---- readers: coerce for one declared type, chosen once -----------------------------------

Reader = Callable[[object], "Value | None"]

# The texts facts most often give a percent and an amount as ("7.5%", "72,5 %", "16 mio kr"):
# whole digits, and a decimal sign followed by one or two digits, which can mean nothing else
# (number_text). Anything else is read by coerce.
_SHARE_TEXT = re.compile(r"([0-9]{1,18})(?:[.,]([0-9]{1,2}))? ?%")
_AMOUNT_TEXT = re.compile(r"([0-9]{1,18})(?:[.,]([0-9]{1,2}))? ([A-Za-z]+(?: [A-Za-z]+)?)")
# Whole numbers with no more bits than this are taken as they are (_number's short path).
_SHORTEST, _LONGEST = -(2**SHORT_BITS - 1), 2**SHORT_BITS - 1


def reader(type_: Type, bounds: Bounds) -> Reader | None:
    """How a single fact of `type_` is read from the raw values facts are most often given as,
    at once: the same value `coerce` gives, or None, and then `coerce` reads it and says what
    is wrong. None where the type has no quick way: `coerce` reads every value of it.

    Chosen once a contract, since a raw facts dict is checked again at every evaluation."""
    kind = type_.kind
    if kind == NUMBER and type_.integer:
        whole = _WholeRange.of(bounds)
        low = _SHORTEST if whole.low is None else max(whole.low, _SHORTEST)
        high = _LONGEST if whole.high is None else min(whole.high, _LONGEST)
        return partial(_whole, low, high)
    if kind == PERCENT:
        return partial(_share_text, type_, bounds)
    if kind == MONEY:
        units = {written: scale for written, scale in MONEY_UNITS.items()
                 if UNIT_CURRENCY[money_unit(written)] == type_.currency_code}
        # Each text read once and kept (a Fraction is a value): a raw facts dict gives the same
        # few texts at every evaluation.
        return partial(_amount_text, functools.lru_cache(maxsize=_KEPT)(partial(_amount_of, units)), type_, bounds)
    if kind == LIST and type_.element is not None and type_.element.kind == NUMBER and type_.element.integer:
        within = _WholeRange.of(bounds)
        return lambda raw: _whole_numbers_within(raw, within) if type(raw) is list or type(raw) is tuple else None
    return None


def _whole(low: int, high: int, raw: object) -> Value | None:
    """A whole number given as one, or written as one in a facts file ("125"), within `low` to
    `high`; else None (coerce reads it)."""
    if type(raw) is JsonNumber and raw.isdigit() and len(raw) <= 18:  # as _number reads a count
        raw = int(raw)
    return raw if type(raw) is int and low <= raw <= high else None


# How many texts of each kind are kept read (a raw facts dict gives the same few at every evaluation).
_KEPT = 1024
# The longest text kept read: no share, amount or day written by hand is longer, and a longer one
# (a stranger's megabyte) is read by coerce each time rather than held by the cache.
_KEPT_LENGTH = 64


def _share_text(type_: Type, bounds: Bounds, raw: object) -> Value | None:
    """"7.5%" as 3/40, where it is at most 100%; else None (coerce reads it)."""
    value = _share_of(raw) if type(raw) is str and len(raw) <= _KEPT_LENGTH else None
    return None if value is None else _quick_within(value, type_, bounds)


@functools.lru_cache(maxsize=_KEPT)
def _share_of(text: str) -> Fraction | None:
    """"7.5%" as 3/40, where it is at most 100%; else None. Each text read once and kept (a
    Fraction is a value)."""
    found = _SHARE_TEXT.fullmatch(text)
    if found is None:
        return None
    whole, decimals = found.groups()
    scale = 100 if decimals is None else 100 * 10 ** len(decimals)
    digits = int(whole + decimals) if decimals is not None else int(whole)
    if digits > scale:
        return None  # more than 100%: coerce says it is not a share
    return Fraction(digits, scale)


def _amount_text(amount_of: Callable[[str], Fraction | None], type_: Type, bounds: Bounds,
                 raw: object) -> Value | None:
    """"16 mio kr" as 16000000, read by `amount_of` (`_amount_of`); else None (coerce reads it)."""
    value = amount_of(raw) if type(raw) is str and len(raw) <= _KEPT_LENGTH else None
    return None if value is None else _quick_within(value, type_, bounds)


def _amount_of(units: Mapping[str, int], text: str) -> Fraction | None:
    """"16 mio kr" as 16000000, in one of `units` (the fact's currency's); else None."""
    found = _AMOUNT_TEXT.fullmatch(text)
    if found is None:
        return None
    whole, decimals, unit = found.groups()
    scale = units.get(unit)
    if scale is None:
        return None
    if decimals is None:
        return Fraction(int(whole) * scale)
    return Fraction(int(whole + decimals) * scale, 10 ** len(decimals))


def quick_date(raw: object) -> dt.date | None:
    """A day written as ISO does ("2019-12-16"), at once; else None (date_of reads it and says
    what is wrong)."""
    return _iso_day(raw) if type(raw) is str and len(raw) <= _KEPT_LENGTH else None


@functools.lru_cache(maxsize=_KEPT)
def _iso_day(text: str) -> dt.date | None:
    """`quick_date` of a text: each read once and kept (a day is a value)."""
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None  # not in the calendar: date_of says so


def _quick_within(value: Fraction, type_: Type, bounds: Bounds) -> Value | None:
    """`value`, where it lies within the declared range; else None (coerce says it does not)."""
    if bounds is not None and not bounds[0] <= value <= bounds[1]:
        return None
    return value


__all__ = ["BROKEN", "Bounds", "Exact", "Got", "Invalid", "bounds_of", "cell", "cell_text", "choice",
           "coerce", "date_of", "is_blank", "numeral", "quick_date", "reader", "sheet_cell", "with_unit"]
