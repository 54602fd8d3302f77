"""Exact values and their types: numbers, percents, money, dates, booleans, text.

At run time every quantity is a `Fraction`: a percent is the share it stands
for (70% is 7/10) and money is kept in kroner. The *type* says how a value is
shown and what it may be compared with; it is known before evaluation, from
the declarations, so values themselves stay plain Python objects.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any, Union

import attrs

from .vocabulary import CURRENCY_UNITS, DKK, MONEY_UNITS, TYPE_NAMES, quote, unit_of

# The kinds of value the language knows. `integer` is a number with a
# constraint, so it shares the kind `number`.
NUMBER = "number"
PERCENT = "percent"
MONEY = "money"
BOOL = "bool"
DATE = "date"
TEXT = "text"
LIST = "list"
TABLE = "table"  # name -> value, such as the population of each municipality
RECORD = "record"  # one row of a list: a value for each named field
DURATION = "duration"  # `18 months`: only ever added to or taken from a date
RATE = "rate"  # `7.4604 kr per EUR`: what one unit of a currency is worth in another

QUANTITIES = frozenset({NUMBER, PERCENT, MONEY})
DECLARABLE = TYPE_NAMES



@attrs.frozen
class CalendarSpan:
    """`18 months`: a whole number of days, months or years, as the calendar counts them."""

    amount: int
    unit: str  # "days", "months" or "years"

    def __str__(self) -> str:
        return f"{self.amount} {self.unit.removesuffix('s') if self.amount == 1 else self.unit}"


class Record(tuple[object, ...]):
    """One row of a list of records: its fields' values in the order the record type declares
    them. A tuple, so that a million rows cost no more than a million tuples; which value is
    which field is known from the type (`Type.field_index`) before evaluation."""

    __slots__ = ()


@attrs.frozen
class Tallied:
    """A list of answers kept as how often each distinct answer occurs, not answer by answer.

    A survey's answers are read so when the contract only counts them (`nps`, `share`,
    `count`: checks/analysis.py says which facts): ten million answers then take as much
    memory as their few distinct values. It stands for the list in evaluation, and every
    result and explanation is the list's; `counts` holds the distinct answers in the order
    the list first holds them, `size` how many answers there are in all.
    """

    counts: Counter[Any] = attrs.field(hash=False)
    size: int

    @classmethod
    def of(cls, values: tuple[Value, ...]) -> Tallied:
        return cls(Counter(values), len(values))

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[Any]:
        """The answers, each as often as it occurs: grouped, in the order first read, not the
        file's order (`tuple(...)` gives a list with the same counts, for a program that wants one)."""
        return self.counts.elements()


# Whole numbers (counts, survey answers) stay int: exact, and fast to count. A list of answers
# only counted may be held as its tally (`Tallied`).
Value = Union[Fraction, int, bool, dt.date, str, CalendarSpan, tuple["Value", ...], Tallied]


def exact_sum(terms: Iterable[Fraction | int]) -> Fraction:
    """The sum of exact numbers, reduced once at the end rather than at every step as
    `sum(..., Fraction(0))` does (a gcd and a new Fraction a term): the running denominator is
    the least common multiple of the terms', so it stays as small as theirs."""
    return Fraction(*_sum_ratio(terms))


def _sum_ratio(terms: Iterable[Fraction | int]) -> tuple[int, int]:
    """`exact_sum` as a numerator and a positive denominator, not reduced."""
    numerator, denominator = 0, 1
    for term in terms:
        if type(term) is int:
            numerator += term * denominator
            continue
        top, bottom = term.as_integer_ratio()  # one call, where each property is one
        if bottom == denominator:
            numerator += top
        elif denominator % bottom == 0:
            numerator += top * (denominator // bottom)
        else:
            common = math.lcm(denominator, bottom)
            numerator = numerator * (common // denominator) + top * (common // bottom)
            denominator = common
    return numerator, denominator


_ONE = (1, 1)


def weighted_mean(pairs: Iterable[tuple[Fraction | int, Fraction | int]]) -> Fraction | None:
    """The mean of values weighted by their weights, `(weight, value)` pairs, exactly; None
    where the weights add up to nothing."""
    others: list[Fraction | int] = []  # the weights other than 1
    weighted: list[Fraction | int] = []
    for weight, value in pairs:
        # A weight of 1 (most goals have no other) told by its ratio: one call, not Fraction's ==;
        # such weights are counted rather than added.
        if weight.as_integer_ratio() == _ONE:
            weighted.append(value)
        else:
            others.append(weight)
            weighted.append(weight * value)
    total, total_denominator = _sum_ratio(others)
    total += (len(weighted) - len(others)) * total_denominator  # the weights of 1
    if not total:
        return None
    # (a/b) / (c/d) made one Fraction, reduced once: the same as exact_sum(weighted) / exact_sum(weights).
    numerator, denominator = _sum_ratio(weighted)
    return Fraction(numerator * total_denominator, denominator * total)


def date_text(moment: dt.date) -> str:
    """A date as ISO text, 2019-12-31; a time of day only where there is one (a spreadsheet
    keeps every date as a date and a time, at midnight for a plain date)."""
    if isinstance(moment, dt.datetime) and moment.time() != dt.time():
        return moment.isoformat(sep=" ")
    return moment.isoformat()[:10]


def add_to_date(date: dt.date, span: CalendarSpan, sign: int = 1) -> dt.date:
    """`date` moved by `span` (back, for sign -1). Months and years move the calendar: a day
    past the end of the month it lands in becomes that month's last day (2021-08-31 + 18
    months is 2023-02-28). OverflowError past the years 1-9999."""
    amount = span.amount * sign
    if span.unit == "days":
        return date + dt.timedelta(days=amount)
    months = amount * (12 if span.unit == "years" else 1)
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise OverflowError("date out of range")
    return dt.date(year, month + 1, min(date.day, calendar.monthrange(year, month + 1)[1]))



def _not_kroner(code: str | None) -> str | None:
    """A currency as a type keeps it: None for kroner, the currency money always was."""
    return None if code == DKK else code


@attrs.frozen
class Type:
    """The static type of a value.

    `element` is set for lists; `choices` for `one of {...}` texts; `optional`
    marks list elements that may be blank (no answer), which are left out; `fields` is
    set for records: each field's name and type, in declared order.
    """

    kind: str
    element: Type | None = None
    integer: bool = False
    optional: bool = attrs.field(default=False, eq=False)
    choices: tuple[str, ...] | None = None
    fields: tuple[tuple[str, Type], ...] | None = None
    # A table's keys: their type (text for a table fact, whatever a table written out uses),
    # and, for a table written out in the contract, the keys themselves, as written.
    key: Type | None = None
    keys: tuple[str | int | dt.date, ...] | None = attrs.field(default=None, eq=False)
    # The currency of money, and the currency a rate gives (`kr` of `7.46 kr per EUR`): None for
    # kroner, so that `Type(MONEY)` is kroner as it always was.
    currency: str | None = attrs.field(default=None, converter=_not_kroner)
    per: str | None = None  # the currency a rate converts from (`EUR` of `kr per EUR`)
    # Whether a fact's declaration names its currency (`money DKK`), which the contract's
    # `currency` then leaves alone; how it is written, not what it is.
    written: bool = attrs.field(default=False, eq=False, repr=False)

    @property
    def currency_code(self) -> str:
        """The ISO code of money's (or a rate's) currency: DKK where none is named."""
        return self.currency or DKK

    def __str__(self) -> str:
        prefix = "optional " if self.optional else ""
        if self.kind == MONEY and (self.currency is not None or self.written):
            return f"{prefix}money {self.currency_code}"
        if self.kind == RATE:
            return f"{prefix}rate {self.currency_code} per {self.per}"
        if self.kind == LIST:
            return f"{prefix}list of {self.element}"
        if self.kind == TABLE:
            return f"{prefix}table of {self.element}"
        if self.kind == RECORD:
            return prefix + "record {" + ", ".join(f"{name}: {type_}" for name, type_ in self.fields or ()) + "}"
        if self.choices is not None:
            return prefix + "one of {" + ", ".join(format_value(c, None) for c in self.choices) + "}"
        return prefix + ("integer" if self.integer else self.kind)

    @property
    def plural(self) -> str:
        """What values of this type are called, several of them: "numbers", "answers"."""
        if self.kind == LIST:
            return "lists"
        if self.kind == RECORD:
            return "records"
        if self.choices is not None:
            return "answers"
        return {NUMBER: "numbers", PERCENT: "percents", MONEY: "amounts", BOOL: "true/false values",
                DATE: "dates", TEXT: "texts", DURATION: "durations", RATE: "rates"}.get(self.kind, str(self))

    @property
    def is_quantity(self) -> bool:
        return self.kind in QUANTITIES

    def field(self, name: str) -> Type | None:
        """The type of a record's field, or None where the record has no such field."""
        return dict(self.fields or ()).get(name)

    def field_index(self, name: str) -> int:
        """Where a record's field stands in its values (KeyError where it has none)."""
        for index, (field, _) in enumerate(self.fields or ()):
            if field == name:
                return index
        raise KeyError(name)

    @property
    def innermost(self) -> Type:
        """The type of the single values inside any nesting of lists."""
        return self.element.innermost if self.element is not None else self


T_NUMBER = Type(NUMBER)
T_INTEGER = Type(NUMBER, integer=True)
T_PERCENT = Type(PERCENT)
T_MONEY = Type(MONEY)
T_BOOL = Type(BOOL)
T_DATE = Type(DATE)
T_TEXT = Type(TEXT)
T_DURATION = Type(DURATION)


def declared_type(name: str) -> Type | None:
    """The type a `fact` declaration names, or None if the name is unknown."""
    return {
        "number": T_NUMBER,
        "integer": T_INTEGER,
        "percent": T_PERCENT,
        "money": T_MONEY,
        "bool": T_BOOL,
        "date": T_DATE,
        "text": T_TEXT,
    }.get(name)


def money_in(currency: str) -> Type:
    """The type of an amount of money in `currency` (an ISO code)."""
    return Type(MONEY, currency=currency)


def rate_type(currency: str, per: str) -> Type:
    """The type of a rate that gives `currency` for one unit of `per`: `rate DKK per EUR`."""
    return Type(RATE, currency=currency, per=per)


def currencies_of(*types: Type | None) -> tuple[str, ...]:
    """The distinct currencies of the amounts among `types`, in order: more than one is a clash."""
    found: list[str] = []
    for type_ in types:
        if type_ is not None and type_.kind == MONEY and type_.currency_code not in found:
            found.append(type_.currency_code)
    return tuple(found)


def with_currency(type_: Type, currency: str) -> Type:
    """`type_` with every amount in it (a list's, a table's) in `currency`, unless its
    declaration names a currency of its own."""
    if type_.element is not None:
        return attrs.evolve(type_, element=with_currency(type_.element, currency))
    if type_.fields is not None:  # a record: each of its fields
        return attrs.evolve(type_, fields=tuple((name, with_currency(field, currency))
                                                for name, field in type_.fields))
    if type_.kind == MONEY and not type_.written:
        return attrs.evolve(type_, currency=currency)
    return type_


def answer_key(text: str) -> str:
    """What an answer is compared by: "I høj  grad" and "i høj grad" are the same answer."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def list_of(element: Type) -> Type:
    return Type(LIST, element)


def table_of(element: Type, key: Type | None = None,
             keys: tuple[str | int | dt.date, ...] | None = None) -> Type:
    """A table of `element` values; by texts unless `key` says otherwise."""
    return Type(TABLE, element, key=key if key is not None else T_TEXT, keys=keys)


def record_of(fields: tuple[tuple[str, Type], ...]) -> Type:
    return Type(RECORD, fields=fields)


def truth_value(raw: object) -> bool | None:
    """True or False as Python gives it, or numpy (whose `numpy.bool_` is no `bool`);
    None for anything else. A number is not a truth value: 1 is not true, nor true 1."""
    if isinstance(raw, bool):
        return raw
    # numpy is no dependency: its truth values are known by their one-element boolean dtype.
    if getattr(raw, "ndim", None) == 0 and getattr(getattr(raw, "dtype", None), "kind", None) == "b":
        return bool(raw)  # a numpy scalar
    return None


# ---- reading numbers ---------------------------------------------------------


class JsonNumber(str):
    """A number in a facts file, kept as the decimal text it was written as."""


# Only ASCII digits: Python's \\d would also take Arabic-Indic and other digits.
_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")


# No measurement or amount needs more: a number beyond these bounds is a mistake
# (or an attack), and exact arithmetic on it could take unbounded time. A numeral
# (in a contract, a facts file, a CSV or spreadsheet cell) may have at most
# MAX_DIGITS digits, and at most MAX_EXPONENT digits before the point or zeros
# after it; a number from Python is held to the numeral that writes it
# (checked_fraction), so both ways in refuse the same numbers for the same reason.
MAX_DIGITS = 100
MAX_EXPONENT = 300


_PLAIN = re.compile(r"([0-9]{1,30})(?:\.([0-9]{1,30}))?")


class NumberError(ValueError):
    """A numeral that is no number a fact or a contract can hold: `code` says which way,
    with `params`, so that a report can say it in its own language."""

    def __init__(self, code: str, message: str, **params: object):
        super().__init__(message)
        self.code = code
        self.params = params


def decimal_fraction(text: str) -> Fraction:
    """The exact value of a decimal numeral: '0.1' is one tenth, not a float."""
    text = text.strip()
    plain = _PLAIN.fullmatch(text)
    if plain:  # the common case, read without Decimal: 62.4 is 624/10
        whole, decimals = plain.groups()
        if not decimals:
            return Fraction(int(whole))
        return Fraction(int(whole + decimals), 10 ** len(decimals))
    if len(text) > MAX_DIGITS + 10 or not _DECIMAL.fullmatch(text):
        if _DECIMAL.fullmatch(text):
            raise _too_many_digits()
        raise NumberError("not-a-number", f"not a decimal number: {text[:30]!r}", text=text[:30])
    return checked_decimal(Decimal(text))


def checked_decimal(value: Decimal) -> Fraction:
    """A finite Decimal within the bounds, as a Fraction; NumberError saying which bound it passes.

    A Decimal keeps the digits and exponent it was written with, so it is held to them
    as the numeral it stands for: `Decimal("1E+300")` as the JSON number 1e300.
    """
    if not value.is_finite():
        raise NumberError("not-finite", f"{value} is not a number a fact can have", text=str(value))
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    _within_bounds(len(digits), exponent + len(digits))
    if abs(exponent) > MAX_EXPONENT + MAX_DIGITS:  # zeros, written with an exponent: 0e-999999999
        raise _out_of_range()
    return Fraction(value)


def _within_bounds(digits: int, order: int) -> None:
    """The bounds on a numeral of `digits` digits whose first stands `order` places before the
    point (negative: after it): the one rule for every number that comes in."""
    if digits > MAX_DIGITS:
        raise _too_many_digits()
    if abs(order) > MAX_EXPONENT:
        raise _out_of_range()


# The largest whole number within the bounds: MAX_DIGITS nines.
LARGEST_WHOLE = 10**MAX_DIGITS - 1
# A whole number of more bits than this has more than MAX_DIGITS digits.
_DIGITS_BITS = (10**MAX_DIGITS).bit_length()
# A whole number of at most this many bits has at most MAX_DIGITS digits, without counting them.
SHORT_BITS = _DIGITS_BITS - 1
# Beyond this many bits (30,000 digits or so), a number from Python is refused as too long
# without looking for the decimal numeral it may have, as a numeral that long is unread.
_MOST_BITS = 100_000


def checked_fraction(value: Fraction) -> Fraction:
    """A number from Python (an int, a Fraction, numpy's integers) held to the bounds of the
    numeral that writes it, and refused with that numeral's reason: a whole number as its
    digits (`10**400` has 401, as JSON writes it), any other number with a decimal numeral
    as its shortest one (3/4 as 0.75, `Fraction(1, 10**400)` as 1e-400), and a fraction
    without one (1/3) by its numerator and denominator, each held to MAX_DIGITS digits."""
    numerator, denominator = abs(value.numerator), value.denominator
    if max(numerator.bit_length(), denominator.bit_length()) > _MOST_BITS:
        raise _too_many_digits()
    if denominator == 1:  # written with all its digits, as JSON writes an int
        digits = _digits(numerator)
        _within_bounds(digits, digits)
        return value
    places = _decimal_places(denominator)
    if places is None:  # 1/3: written as a fraction, with the digits of each part
        _within_bounds(_digits(numerator), 0)
        _within_bounds(_digits(denominator), 0)
        return value
    twos, fives = places
    shift = max(twos, fives)
    # value = significant / 10**shift, where `significant` ends in no zero: the shortest
    # numeral is its digits, the first `digits - shift` places before the point.
    if numerator.bit_length() + (shift - twos) + int((shift - fives) * _LOG2_5) > _DIGITS_BITS + 8:
        raise _too_many_digits()  # known from the sizes, before multiplying out
    digits = _digits(numerator * 2 ** (shift - twos) * 5 ** (shift - fives))
    _within_bounds(digits, digits - shift)
    return value


def _digits(whole: int) -> int:
    """How many digits a whole number is written with; more than MAX_DIGITS + 1 are not counted."""
    if whole.bit_length() > _DIGITS_BITS + 4:
        return MAX_DIGITS + 1
    return len(str(whole))


def _decimal_places(denominator: int) -> tuple[int, int] | None:
    """`(twos, fives)` where the denominator is 2**twos * 5**fives, as a decimal numeral's
    is; None where it is not (1/3 has no decimal numeral)."""
    twos = (denominator & -denominator).bit_length() - 1
    rest = denominator >> twos
    near = round((rest.bit_length() - 1) / _LOG2_5)  # 5**b has floor(b * log2(5)) + 1 bits
    for fives in (near - 1, near, near + 1):
        if fives >= 0 and 5**fives == rest:
            return twos, fives
    return None


_LOG2_5 = 2.321928094887362


def _too_many_digits() -> NumberError:
    return NumberError("too-many-digits", f"a number may have at most {MAX_DIGITS} digits", digits=MAX_DIGITS)


def _out_of_range() -> NumberError:
    return NumberError("out-of-range", f"number out of range (more than {MAX_EXPONENT} digits before "
                       "or after the point)", digits=MAX_EXPONENT)


class UnclearNumber(NumberError):
    """A number written with a separator that could mean two things: 205.000 is 205000
    to a Danish reader and 205 to a program. `readings` holds both, thousands first."""

    def __init__(self, text: str, separator: str, readings: tuple[Fraction, Fraction]):
        name = _SEPARATOR_NAMES[separator]
        super().__init__("unclear", f"{text} is unclear: {format_number(readings[0])} if the {name} "
                         f"separates thousands, {format_number(readings[1])} if it is a decimal {name}",
                         text=text, separator=separator, thousands=readings[0], decimals=readings[1])
        self.readings = readings


_SEPARATOR_NAMES = {".": "point", ",": "comma"}
_GROUPED = {".": re.compile(r"[1-9][0-9]{0,2}(\.[0-9]{3})+"), ",": re.compile(r"[1-9][0-9]{0,2}(,[0-9]{3})+")}
NUMBER_TEXT = re.compile(r"([+-]?)([0-9][0-9.,]*)")
_SIMPLE = re.compile(r"([+-]?)([0-9]+)(?:([.,])([0-9]{1,2}|[0-9]{4,}))?")


def number_text(text: str, decimal: str | None = None) -> Fraction:
    """The exact number a text writes, as a spreadsheet or a person writes it: 62.4, 62,4,
    205.000 or 1.234,5; ValueError if it is not a number, `UnclearNumber` if it could be two.

    `decimal` is the text's decimal sign when it is known ("," for a Danish
    export, which makes "." the thousands separator, or "."); when it is not,
    a lone separator followed by exactly three digits (205.000, 1,500) has two
    readings and is refused rather than guessed.
    """
    simple = _SIMPLE.fullmatch(text.strip())
    if simple is not None and decimal in (None, simple.group(3) or decimal):
        # The common case, read at once: no thousands, and a decimal sign that can
        # mean nothing else (not followed by exactly three digits).
        sign, whole, _, fraction = simple.groups()
        value = decimal_fraction(f"{whole}.{fraction}" if fraction else whole)
        return -value if sign == "-" else value
    match = NUMBER_TEXT.fullmatch(text.strip())
    if match is None:
        raise NumberError("not-a-number", f"not a number: {text.strip()[:30]!r}", text=text.strip()[:30])
    sign, body = match.groups()
    if decimal is None:
        separators = [c for c in body if c in ".,"]
        if len(separators) == 1 and _GROUPED[separators[0]].fullmatch(body):
            thousands_reading = decimal_fraction(body.replace(separators[0], ""))
            decimal_reading = decimal_fraction(body.replace(",", "."))
            if sign == "-":
                thousands_reading, decimal_reading = -thousands_reading, -decimal_reading
            raise UnclearNumber(sign + body, separators[0], (thousands_reading, decimal_reading))
        if len(set(separators)) == 2:  # 1.234,5 or 1,234.5: the last one is the decimal sign
            decimal = separators[-1]
        elif len(separators) > 1:  # 1.234.567: only a thousands separator can repeat
            decimal = "," if separators[0] == "." else "."
        else:
            decimal = separators[0] if separators else "."
    thousands = "." if decimal == "," else ","
    whole, point, fraction = body.partition(decimal)
    if point and not fraction.isdigit():  # "1," or "1,2,3" or "1,2.3"
        raise NumberError("decimal-sign", f"{sign}{body} is not a number written with a decimal "
                          f"{_SEPARATOR_NAMES[decimal]}", text=sign + body, separator=decimal)
    if thousands in whole and not _GROUPED[thousands].fullmatch(whole):
        raise NumberError("thousands", f"{sign}{body} is not a number: a {_SEPARATOR_NAMES[thousands]} "
                          "may only separate thousands, in groups of three digits",
                          text=sign + body, separator=thousands)
    value = decimal_fraction(whole.replace(thousands, "") + point.replace(",", ".") + fraction)
    return -value if sign == "-" else value


def round_half_away(value: Fraction, digits: int = 0) -> Fraction:
    """Round to `digits` decimals, halves away from zero (as a calculator does)."""
    scale = Fraction(10) ** digits
    scaled = abs(value) * scale
    whole = int(scaled)  # floor, since scaled >= 0
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    result = Fraction(whole) / scale
    return -result if value < 0 else result


# ---- showing values ------------------------------------------------------------

def _terminates(value: Fraction) -> bool:
    d = value.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def format_number(value: Fraction, approx_digits: int = 4) -> str:
    """Exact decimal text when there is one; otherwise '≈' and a rounded decimal."""
    if max(abs(value.numerator), value.denominator).bit_length() > 300:
        return _scientific(value)
    if value.denominator == 1:
        return str(value.numerator)
    if _terminates(value):
        sign = "-" if value < 0 else ""
        magnitude = abs(value)
        digits = 0
        while (magnitude * 10**digits).denominator != 1:
            digits += 1
        scaled = int(magnitude * 10**digits)
        whole, frac = divmod(scaled, 10**digits)
        return f"{sign}{whole}.{frac:0{digits}d}"
    text = format_number(round_half_away(value, approx_digits))
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "≈" + text


def _scientific(value: Fraction) -> str:
    """≈1.234568e+5000: six significant decimals at most, one at least, computed with
    integers only (no huge text conversions)."""
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    magnitude = abs(value)
    # log10 estimated from bit lengths, then corrected to the exact power.
    exponent = int((magnitude.numerator.bit_length() - magnitude.denominator.bit_length()) * 0.30103)
    while magnitude >= Fraction(10) ** (exponent + 1):
        exponent += 1
    while magnitude < Fraction(10) ** exponent:
        exponent -= 1
    mantissa = round_half_away(magnitude / Fraction(10) ** exponent, 6)
    if mantissa >= 10:  # 9.9999999 rounds up to 10: write 1.0e+100, not 10e+99
        mantissa, exponent = mantissa / 10, exponent + 1
    digits = format_number(mantissa)
    return f"≈{sign}{digits if '.' in digits else digits + '.0'}e{exponent:+d}"


def format_value(value: Value, type_: Type | None) -> str:
    """A value as a user would write it in a contract: 57, 72%, 16488 tkr, 2019-12-31."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, CalendarSpan):
        return str(value)
    if isinstance(value, tuple) and type_ is not None and type_.kind == RECORD:
        # As a worked example writes one: `{deltager: "A", dato: 2016-03-01}`.
        return "{" + ", ".join(f"{name}: {format_value(item, field)}"
                               for (name, field), item in zip(type_.fields or (), value, strict=False)) + "}"
    if isinstance(value, Tallied):  # never shown (lists are said by their counts): as its list would be
        return format_value(tuple(value.counts.elements()), type_)
    if isinstance(value, tuple):
        element = type_.element if type_ is not None else None
        return "[" + ", ".join(format_value(v, element) for v in value) + "]"
    number = Fraction(value)
    kind = type_.kind if type_ is not None else NUMBER
    if kind == PERCENT:
        return format_number(number * 100) + "%"
    if kind == MONEY:
        assert type_ is not None
        for unit in CURRENCY_UNITS[type_.currency_code][:-1]:
            scaled = number / MONEY_UNITS[unit]
            if scaled.denominator == 1 and scaled != 0:
                return f"{scaled.numerator} {unit}"
        return f"{format_number(number)} {unit_of(type_.currency_code)}"
    if kind == RATE:
        assert type_ is not None
        return f"{format_number(number)} {unit_of(type_.currency_code)} per {type_.per}"
    return format_number(number)


def format_percent(share: Fraction) -> str:
    return format_number(share * 100, approx_digits=2) + "%"


def percent_number(share: Fraction) -> int | float:
    """A share as a JSON-friendly number of percent: exact when whole, else 2 decimals.

    Only for display in JSON; the exact value is always given beside it.
    """
    points = share * 100
    if points.denominator == 1:
        return points.numerator
    return float(round_half_away(points, 2))


def fraction_text(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
