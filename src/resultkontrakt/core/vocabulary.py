"""How the language spells things: its reserved words, quoted texts and number literals.

One place for each, used by everything that reads or writes contract text
(the builder, the printer, `rk fmt`) and by everything that shows a text value
as a contract would write it, so that whatever is printed reads back as the
same value.
"""

from __future__ import annotations

import re
from fractions import Fraction

# Currencies, by ISO code. Kroner are the contract's money unless it says otherwise.
DKK = "DKK"
CURRENCIES = ("DKK", "EUR", "GBP", "SEK", "NOK", "USD")
# Words that mean something only in one place, and so stay free as names: wherever a
# name can stand, the grammar never takes one of them for itself (tests/test_vocabulary.py
# holds the parser's tables to that).
PLACE_WORDS = frozenset({
    "list", "of", "optional", "one", "table", "record",  # in a fact's type
    "where", "for",  # in a quantifier and a comprehension
    "split", "total", "key", "installments", "unit", "method", "shares", "from",  # in a split
    "example", "given", "expect", "evaluable", "pending", "as",  # in a worked example
    "payment",  # a payment's declaration
    "currency", "language",  # in the contract's header
    "per", "label",  # in a rate (`7.46 kr per EUR`, `rate DKK per EUR`); after a description
    "each",  # reporting periods in the header: `period ... each year`
    "when", "applicable",  # a goal's `applies when`, and `expect goal 3 not applicable`
    "provisional",  # `expect goal 1 provisional`: a result from facts measured before the end
})
# Reserved: the words of the grammar, but the place words, and the names with a meaning of
# their own that the grammar does not spell as words (a goal's `deliverables`, the `mio` of
# `mio kr`). No fact, metric, payment, deliverable, split or bound name may be one of them.
# Written out, not read from the grammar at every start: tests/test_vocabulary.py reads the
# grammar file and fails until a word it spells is here or among the place words.
KEYWORDS = frozenset({
    "contract", "parties", "period", "fact", "metric", "goal", "group", "weight",
    "deliverable", "due", "require", "score", "else", "and", "or", "not", "in",
    "true", "false", "kr", "tkr", *CURRENCIES,
    "if", "then", "overall", "points",  # in expressions: conditions, and goal results as values
    "applies",  # a goal's `applies when`: it may follow a tier, where a name could start another
    "deliverables", "mio",  # names with a meaning of their own
})
# The words a declaration starts with, at the top of a file (the grammar's `item`).
DECLARATIONS = ("contract", "fact", "metric", "goal", "split", "payment", "example")
# The units of a span of the calendar (`18 months`), each in its canonical, plural spelling.
DURATION_UNITS = {"day": "days", "days": "days", "month": "months", "months": "months",
                  "year": "years", "years": "years"}
# The keywords that combine conditions, highlighted as operators.
OPERATOR_WORDS = ("and", "or", "not", "in", "where", "of")
# Reporting periods (`period ... each year`): each step's canonical spelling, and how many
# months one period of it spans.
PERIOD_STEPS = {"year": 12, "half year": 6, "quarter": 3}
# What `period.NAME` reads in an expression.
PERIOD_FIELDS = ("year", "start", "end")
# The types a fact may be declared with.
TYPE_NAMES = ("number", "integer", "percent", "money", "bool", "date", "text")

# How an English reader writes an amount in a currency with a symbol of its own (€1,500);
# the others are written with their code after the number (1,500 SEK).
CURRENCY_SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$"}
# Money: each unit as written, in whole units of its currency (1 tkr is 1,000 DKK). An amount
# is kept in its currency's units (kroner, euros); a unit is how it is written.
MONEY_UNITS: dict[str, int] = {"kr": 1, "tkr": 1_000, "mio kr": 1_000_000, **{
    unit: scale for code in CURRENCIES for unit, scale in ((code, 1), (f"mio {code}", 1_000_000))}}
# The currency each unit of money is in.
UNIT_CURRENCY: dict[str, str] = {unit: unit.split()[-1] if unit.split()[-1] in CURRENCIES else DKK
                                 for unit in MONEY_UNITS}
# The units an amount is written in, largest first, by currency (kroner: mio kr, tkr, kr).
CURRENCY_UNITS: dict[str, tuple[str, ...]] = {
    code: tuple(sorted((u for u in MONEY_UNITS if UNIT_CURRENCY[u] == code and not u.endswith(DKK)),
                       key=lambda u: -MONEY_UNITS[u])) for code in CURRENCIES}


def money_unit(written: str) -> str:
    """A unit of money in its one spelling: `mio  kr` as `mio kr`, `DKK` as `kr`."""
    unit = " ".join(written.split())
    return {"DKK": "kr", "mio DKK": "mio kr"}.get(unit, unit)


def unit_of(currency: str) -> str:
    """The unit of one whole of a currency, as an amount is written in it: `kr`, `EUR`."""
    return "kr" if currency == DKK else currency


# The languages a contract may be read in (`language "da"`), the first where none is said.
LANGUAGES = ("en", "da")

# How a split's amounts are rounded: each method's canonical name, and the other
# names it goes by (case and spacing aside).
LARGEST_REMAINDER = "largest remainder"
SAINTE_LAGUE = "sainte-laguë"
DHONDT = "d'hondt"
METHODS = (LARGEST_REMAINDER, SAINTE_LAGUE, DHONDT)
METHOD_ALIASES = {"largest remainders": LARGEST_REMAINDER, "hamilton": LARGEST_REMAINDER,
                  "sainte-lague": SAINTE_LAGUE, "webster": SAINTE_LAGUE, "d’hondt": DHONDT,
                  "jefferson": DHONDT}


def method_named(written: str) -> str:
    """The method a contract names, in its canonical spelling."""
    name = " ".join(written.split()).casefold()
    return METHOD_ALIASES.get(name, name)

# Characters no contract needs and no output shows raw: C0 and C1 controls (but
# tab and line feed), DEL, the bidirectional overrides and isolates that can
# reorder what a reader sees, line and paragraph separators, a byte-order mark
# inside text, and lone surrogates, which no encoding can write.
INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e"
                       "\u2066-\u2069\ufeff\ud800-\udfff]")

# The escapes a quoted text may hold; any other backslash stands for itself.
_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}
_QUOTED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}


def quote(text: str) -> str:
    """`text` as a quoted string of the language: `"a \\"b\\"\\n"`."""
    if not any(char in text for char in _QUOTED):
        return f'"{text}"'
    return '"' + "".join(_QUOTED.get(char, char) for char in text) + '"'


def unquote(literal: str) -> str:
    """The text a quoted string stands for: quotes removed, escapes resolved."""
    body = literal[1:-1]
    if "\\" not in body:
        return body
    out: list[str] = []
    chars = iter(body)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append(_ESCAPES.get(following, "\\" + following))
        else:
            out.append(char)
    return "".join(out)


def number_literal(value: Fraction | int) -> str:
    """A number exactly as a contract writes it: digits, a point, more digits; never rounded.

    Every number written in a contract is a finite decimal, so there always is
    such a text; ValueError for a value that has none (1/3), rather than a
    rounded text that would read back as another number.
    """
    value = Fraction(value)
    sign = "-" if value < 0 else ""
    magnitude = abs(value)
    denominator = magnitude.denominator
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    if denominator != 1:
        raise ValueError(f"{value} has no finite decimal")
    places = max(twos, fives)
    scaled = magnitude.numerator * 10**places // magnitude.denominator
    if not places:
        return f"{sign}{scaled}"
    whole, part = divmod(scaled, 10**places)
    return f"{sign}{whole}.{part:0{places}d}"


def shortened(text: str, limit: int = 60) -> str:
    """A text from outside cut to `limit` characters for a message, marked with … if cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
