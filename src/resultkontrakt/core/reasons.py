"""Problems as codes and parameters, said in English or Danish.

A problem (a name that is not declared, a value of the wrong kind in a facts file,
a CSV cell that cannot be read) is recorded as a reason code with its parameters;
nothing is worded while checking. Its English message, for the command line, and
its words in any other language come from the same entry in the phrase tables
(wording.py: `problem.CODE`, and `hint.CODE` for how to fix it), when asked for.

The parameters that are not plain text or numbers say themselves in a wording
(`in_words`): a value with its type, a type in words, a word of the tables, a choice
of alternatives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from .errors import Problem, Severity, Span
from .values import LIST, MONEY, JsonNumber, Type, Value, date_text, truth_value
from .vocabulary import quote, shortened

if TYPE_CHECKING:
    # Only said in words when asked: checking a contract never reads the phrase tables.
    from .wording import Wording


# A deliverable's state given in the facts that is none (`"soon"`): said of a deliverable, not a fact.
DELIVERABLE_VALUE = "deliverable-value"
DELIVERABLE_PROBLEMS = frozenset({DELIVERABLE_VALUE})


@attrs.frozen
class Quantity:
    """A value in a message, written as the reader's language writes numbers: 0,72 or 0.72."""

    value: Value
    type: Type | None = None

    def in_words(self, w: Wording) -> str:
        return w.value(self.value, self.type)


@attrs.frozen
class Amount:
    """An amount of money in a unit of its own, as the reader's language writes it: 2.5 tkr."""

    kroner: Fraction
    unit: str

    def in_words(self, w: Wording) -> str:
        return w.money(self.kroner, self.unit)


@attrs.frozen
class Word:
    """A word of the phrase tables, in the reader's language: `kind.fifo` is a named pipe."""

    key: str

    def in_words(self, w: Wording) -> str:
        return w[self.key]


@attrs.frozen
class Phrase:
    """A phrase of the tables with values of its own: `ref.goal` is "goal 2" or "mål 2"."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def in_words(self, w: Wording) -> str:
        return w.phrase(self.key, **{name: w.param(value) for name, value in self.params})


def phrase(key: str, **params: object) -> Phrase:
    return Phrase(key, tuple(params.items()))


@attrs.frozen
class Kind:
    """A type in words: with its article ("a percent", "en procentsats"), as several of it
    ("percents"), or its kind alone ("percent")."""

    type: Type
    form: str = "a"  # a, many, kind

    def in_words(self, w: Wording) -> str:
        found = self.type
        if self.form == "kind":
            return w[f"type.kind.{found.kind}"]
        if found.kind == MONEY and found.currency is not None and self.form != "kind":
            return w.phrase(f"type.{self.form}.money in", currency=found.currency)
        if self.form == "many":
            if found.kind == LIST:
                return w["type.many.list"]
            if found.choices is not None:
                return w["type.many.choice"]
            return w.words.get(f"type.many.{found.kind}", str(found))
        if found.kind == LIST and found.element is not None:
            return w.phrase("type.a.list of", element=Kind(found.element, "many").in_words(w))
        if found.choices is not None:
            return w["type.a.choice"]
        return w[f"type.a.{found.kind}"]


@attrs.frozen
class OneOf:
    """Alternatives, the last after "or": `a`, `b` or `c`; `more` ends them with "…"."""

    items: tuple[object, ...]
    more: bool = False

    def in_words(self, w: Wording) -> str:
        return w.listed([w.param(item) for item in self.items] + (["…"] if self.more else []), "or")


@attrs.frozen
class Joined:
    """Items one after another, each said in the reader's language: a -> b -> a."""

    items: tuple[object, ...]
    between: str = ", "

    def in_words(self, w: Wording) -> str:
        return self.between.join(w.param(item) for item in self.items)


@attrs.frozen
class Got:
    """What was found where something else was expected, named briefly: never its whole
    text, never anything that could itself fail to print (a number of a million digits)."""

    kind: str  # text, number, true, false, date, list, object, big, type
    text: str = ""

    def in_words(self, w: Wording) -> str:
        return w.phrase(f"got.{self.kind}", text=self.text)


# The kinds of parameter, for readers of problems kept as data (contract_cache.py).
PARAMS = (Quantity, Amount, Word, Phrase, Kind, OneOf, Joined, Got)


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


def problem(code: str, span: Span | None = None, *, hint: str | None = None, suggestion: str | None = None,
            params: Mapping[str, object] | None = None, severity: Severity = "error",
            **named: object) -> Problem:
    """The problem `code` at `span`, with its parameters: worded only when someone reads it.

    `hint` names another hint than the code's own (`hint.CODE`), if one fits better; a
    `suggestion`, a known name close to the one written, makes it "did you mean `nps`?".
    """
    found = {**(params or {}), **named}
    if suggestion is not None:
        found["suggestion"] = suggestion
        hint = "suggest" if suggestion else hint
    return Problem(severity, code, span, tuple(found.items()) + ((("hint", hint),) if hint else ()))


def warning(code: str, span: Span | None = None, *, hint: str | None = None, **named: object) -> Problem:
    """A problem that does not stop the contract from loading: something likely meant otherwise."""
    return problem(code, span, hint=hint, params=named, severity="warning")


def problem_text(found: Problem, w: Wording) -> str:
    """The problem and, in brackets, how to fix it: `72 er ikke en andel (skriv "72%" eller 0.72)`."""
    hint = found.hint_in(w)
    return found.message_in(w) + (f" ({hint})" if hint else "")
