"""Problems with facts as codes and parameters, said in English or Danish.

A problem found in a facts file (a value of the wrong kind, outside its
range, a CSV cell that cannot be read) is recorded as a reason code with its
parameters. Its English message, for the command line, and its words in any
other language, for a report, come from the same entry in the phrase tables
(wording.py: `problem.CODE`, and `hint.CODE` for how to fix it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction


import attrs

from .errors import Problem, Span
from .evidence import Seen
from .values import JsonNumber, Type, Value, date_text, truth_value
from .vocabulary import quote, shortened
from .wording import ENGLISH, Wording


# A deliverable's state given in the facts that is none (`"soon"`): said of a deliverable, not a fact.
DELIVERABLE_VALUE = "deliverable-value"
DELIVERABLE_PROBLEMS = frozenset({DELIVERABLE_VALUE})


@attrs.frozen
class Quantity:
    """A value in a message, written as the reader's language writes numbers: 0,72 or 0.72."""

    value: Value
    type: Type | None = None


@attrs.frozen
class Word:
    """A word of the phrase tables, in the reader's language: `kind.fifo` is a named pipe."""

    key: str


@attrs.frozen
class Got:
    """What was found where something else was expected, named briefly: never its whole
    text, never anything that could itself fail to print (a number of a million digits)."""

    kind: str  # text, number, true, false, date, list, object, big, type
    text: str = ""


def describe(raw: object) -> Got:
    truth = truth_value(raw)
    if truth is not None:
        return Got("true" if truth else "false")
    if isinstance(raw, JsonNumber):
        return Got("number", shortened(str(raw), 40))
    if isinstance(raw, str):
        return Got("text", quote(shortened(raw, 40)))
    if isinstance(raw, dt.date):  # a date cell of a spreadsheet, or a date from Python
        return Got("date", date_text(raw))
    if isinstance(raw, list | tuple):
        return Got("list")
    if isinstance(raw, Mapping):
        return Got("object")
    if isinstance(raw, int) and abs(raw).bit_length() > 200:
        return Got("big", str(int(abs(raw).bit_length() * 0.30103) + 1))
    if isinstance(raw, int | Fraction):
        from .values import format_number

        return Got("number", format_number(Fraction(raw)))
    if isinstance(raw, float | Decimal):
        return Got("number", shortened(str(raw), 40))
    return Got("type", shortened(type(raw).__name__, 40))


def problem(code: str, span: Span | None = None, *, hint: str | None = None,
            params: Mapping[str, object] | None = None, **named: object) -> Problem:
    """The problem `code`: its English message and hint made from the phrase tables.

    `hint` names another hint than the code's own (`hint.CODE`), if one fits better.
    """
    items = tuple({**(params or {}), **named}.items()) + ((("hint", hint),) if hint else ())
    found = Problem("error", "", span, None, code, items)
    return attrs.evolve(found, message=message(found, ENGLISH), hint=hint_text(found, ENGLISH))


def message(found: Problem, w: Wording) -> str:
    """What is wrong, in `w`'s language; the English message where there are no words for it."""
    if found.code is None or not w.has(f"problem.{found.code}"):
        return found.message
    params = {name: param_text(value, w) for name, value in found.params if name != "hint"}
    counted = dict(found.params).get("more", dict(found.params).get("count"))
    return w.phrase(f"problem.{found.code}", counted if isinstance(counted, int) else None, **params)


def hint_text(found: Problem, w: Wording) -> str | None:
    """How to fix it, in `w`'s language, if there are words for that."""
    params_of = dict(found.params)
    chosen = params_of.get("hint") or found.code
    if chosen is None or not w.has(f"hint.{chosen}"):
        nested = params_of.get("problem")
        if isinstance(nested, Problem):  # a problem about a fact says how to fix what is inside
            return hint_text(nested, w)
        return found.hint if w.lang == "en" else None
    params = {name: param_text(value, w) for name, value in found.params if name != "hint"}
    return w.phrase(f"hint.{chosen}", **params)


def problem_text(found: Problem, w: Wording) -> str:
    """The problem and, in brackets, how to fix it: `72 er ikke en andel (skriv "72%" eller 0.72)`."""
    hint = hint_text(found, w)
    return message(found, w) + (f" ({hint})" if hint else "")


def param_text(value: object, w: Wording) -> str:
    """A parameter of a message, in `w`'s words and number style."""
    if isinstance(value, Quantity | Seen):
        return w.value(value.value, value.type)
    if isinstance(value, Word):
        return w[value.key]
    if isinstance(value, Got):
        return w.phrase(f"got.{value.kind}", text=value.text)
    if isinstance(value, Problem):
        return message(value, w)
    if isinstance(value, Fraction) or (isinstance(value, int) and not isinstance(value, bool)):
        return w.number(value)
    if isinstance(value, tuple):
        return ", ".join(param_text(item, w) for item in value)
    return str(value)
