"""Reporting periods: the years, half years or quarters a contract reports on.

`period 2008-01-01 .. 2011-12-31 each year` makes the periods `2008` .. `2011`; `each half
year` makes `2009-H1` and `2009-H2`, `each quarter` `2009-Q1` .. `2009-Q4`. They follow the
calendar, and the first and last are cut to the contract's period where it starts or ends
within one. Without `each` the contract's period is its one reporting period.
"""

from __future__ import annotations

import datetime as dt
import decimal
import numbers
import re

import attrs

from ..core.vocabulary import PERIOD_STEPS

# At most this many reporting periods in one contract: a century of quarters. More is a
# mistake in the header (a year typed 2-0-1-1 as 20011), and naming each in a message
# would be unreadable.
MAX_REPORTING_PERIODS = 400

_SUFFIX = {12: "", 6: "-H", 3: "-Q"}
_NAME = re.compile(r"([0-9]{4})(?:-([HQ])([1-4]))?")


@attrs.frozen
class ReportingPeriod:
    """One reporting period: its name (`2009`, `2009-H1`, `2009-Q3`; "" for a contract without
    `each`), and its first and last day."""

    name: str
    start: dt.date
    end: dt.date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


def count_of(start: dt.date, end: dt.date, each: str) -> int:
    """How many reporting periods `each` makes of the period from `start` to `end`."""
    months = PERIOD_STEPS[each]
    first = (start.year * 12 + start.month - 1) // months
    last = (end.year * 12 + end.month - 1) // months
    return last - first + 1


def reporting_periods(start: dt.date, end: dt.date, each: str | None) -> tuple[ReportingPeriod, ...]:
    """The reporting periods of a contract's period, in order (at most MAX_REPORTING_PERIODS:
    the caller checks `count_of` first)."""
    if each is None:
        return (ReportingPeriod("", start, end),)
    months = PERIOD_STEPS[each]
    index = (start.year * 12 + start.month - 1) // months
    found: list[ReportingPeriod] = []
    while index * months // 12 <= end.year and len(found) < MAX_REPORTING_PERIODS:
        first = _month_start(index * months)
        if first > end:
            break
        last = _last_day((index + 1) * months)
        found.append(ReportingPeriod(_name(first, months), max(first, start), min(last, end)))
        index += 1
    return tuple(found)


def full_period(period: ReportingPeriod, each: str) -> tuple[dt.date, dt.date]:
    """The whole calendar year, half year or quarter a reporting period is (part of)."""
    months = PERIOD_STEPS[each]
    index = (period.start.year * 12 + period.start.month - 1) // months
    return _month_start(index * months), _last_day((index + 1) * months)


def period_name(written: object) -> str | None:
    """A reporting period's name as a facts file or a caller gives it (`2009`, "2009-H1"), in its
    one spelling; None if it cannot name one."""
    if isinstance(written, bool):
        return None
    if isinstance(written, numbers.Rational | decimal.Decimal):
        written = _whole(written)  # numpy's integers, Fraction(2009), Decimal("2009"): as facts take them
    if isinstance(written, int):
        # Years are written with four digits, as in a date: the year 1 is `0001`.
        written = f"{written:04d}" if written >= 0 else str(written)
    if not isinstance(written, str):
        return None
    text = written.strip().upper()
    found = _NAME.fullmatch(text)
    if found is None:
        return None
    _, kind, number = found.groups()
    if kind == "H" and number not in ("1", "2"):
        return None
    return text


def _whole(number: numbers.Rational | decimal.Decimal) -> int | None:
    if isinstance(number, decimal.Decimal):
        if not number.is_finite():
            return None
        numerator, denominator = number.as_integer_ratio()
    else:
        numerator, denominator = int(number.numerator), int(number.denominator)
    return numerator if denominator == 1 else None


def days_of(name: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the calendar year, half year or quarter a name (as `period_name`
    spells it) stands for: `2009-Q3` is 2009-07-01 .. 2009-09-30."""
    found = _NAME.fullmatch(name)
    assert found is not None, name
    year, kind, number = found.groups()
    months = {None: 12, "H": 6, "Q": 3}[kind]
    first = int(year) * 12 + (int(number) - 1) * months if number else int(year) * 12
    return _month_start(first), _last_day(first + months)


def _month_start(months: int) -> dt.date:
    """The first day of the month `months` months after the start of year 0."""
    return dt.date(months // 12, months % 12 + 1, 1)


def _last_day(months: int) -> dt.date:
    """The day before the month `months` months after the start of year 0 (the last day there
    is, after year 9999)."""
    if months // 12 > dt.MAXYEAR:
        return dt.date.max
    return _month_start(months) - dt.timedelta(days=1)


def _name(first: dt.date, months: int) -> str:
    if months == 12:
        return f"{first.year:04d}"
    return f"{first.year:04d}{_SUFFIX[months]}{(first.month - 1) // months + 1}"
