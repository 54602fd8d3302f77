"""How results are worded and numbers written, in English or Danish.

One table of phrases per language, and the number style each language's
reader expects: English writes numbers as the contract does (62.4, 16488
tkr); Danish as a Danish reader expects them (62,4; 16.488 t.kr.; 50 %).
Both are exact: a value that has no finite decimal is shown rounded, marked
with ≈. What the phrases say is decided in explain.py, from evidence.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Protocol, Union, runtime_checkable

import attrs

from .values import (
    LIST,
    MONEY,
    PERCENT,
    RATE,
    CalendarSpan,
    Tallied,
    Type,
    Value,
    format_number,
    round_half_away,
)
from .vocabulary import CURRENCIES, CURRENCY_SYMBOLS, DKK, MONEY_UNITS, UNIT_CURRENCY, quote

# ---- how precisely a reader is shown a number: one rule for every renderer ---------------
# Nothing a reader sees has more than two decimals. A value that has no more is shown as it is
# (12,5 point; 68,75 %); one that has more is rounded to the precision of its kind, marked ≈.
MAX_DECIMALS = 2
PERCENT_DECIMALS = 1  # ≈81,1 %, ≈1,1 procentpoint
SCORE_DECIMALS = 1  # an NPS (≈31,1); a count is whole
NUMBER_DECIMALS = 2  # any other number: ≈28,57
MONEY_DECIMALS = 2  # øre, where the contract's amounts have them; else whole kroner (0)
NBSP = "\u00a0"  # between a number and its unit: `576 t.kr.` never breaks across lines


@attrs.frozen
class Shown:
    """A value as shown: the rounded value, its number of decimals, and whether it is exact."""

    value: Fraction
    decimals: int
    exact: bool


def capital(text: str) -> str:
    """`text` starting with a capital letter, as a sentence of its own or a heading does."""
    return text[:1].upper() + text[1:]


def paragraphs(block: str) -> list[str]:
    """A text block's paragraphs, each on one line: its line breaks were for the editor, its
    blank lines for the reader."""
    return [" ".join(line.strip() for line in chunk.splitlines() if line.strip())
            for chunk in re.split(r"\n\s*\n", block.strip()) if chunk.strip()]


def shown(value: Fraction, decimals: int, avoid: Iterable[Fraction | int] = (),
          keep: int = MAX_DECIMALS) -> Shown:
    """`value` as a reader is shown it. Exact if it has at most `keep` decimals; otherwise
    rounded (halves away from zero) to `decimals`, and where that would show it equal to a
    value it is not (a threshold of `avoid` it does not meet, or 0), with one decimal more, up
    to two; at two, rounded towards itself from that value. So 59,9612 against `mindst 60`
    reads `≈59,96`, not `≈60,0`; 59,9996 reads `≈59,99`; 0,018 procentpoint `≈0,02`."""
    value = Fraction(value)
    keep = min(keep, MAX_DECIMALS)
    for places in range(keep + 1):
        if (value * 10**places).denominator == 1:
            return Shown(value, places, True)
    avoided = {Fraction(a) for a in avoid} | {Fraction(0)}
    avoided.discard(value)

    def crossed(shown: Fraction) -> int:
        """How many of `avoided` `shown` reads as, or reads on their other side: 33,3 against a
        threshold of 33,33 that 33,3333 meets, as much as 60,0 against 60 that 59,96 misses."""
        return sum(1 for a in avoided if (shown > a) != (value > a) or (shown < a) != (value < a))

    places = max(0, min(decimals, MAX_DECIMALS))
    while True:
        rounded = round_half_away(value, places)
        if not crossed(rounded):
            return Shown(rounded, places, False)
        if places == MAX_DECIMALS:
            break
        places += 1
    # On the value's side of each one it would cross, towards itself; where two thresholds lie
    # closer than two decimals can part, the nearer of the two neighbours that crosses fewest.
    scale = 10**places
    below, above = Fraction(math.floor(value * scale), scale), Fraction(math.ceil(value * scale), scale)
    best = min((below, above), key=lambda shown: (crossed(shown), abs(shown - value), shown != rounded))
    return Shown(best, places, False)


@attrs.frozen
class Wording:
    lang: str
    decimal: str  # the decimal sign
    group: str  # the thousands separator; "" for none
    percent_space: str  # between a number and %
    money_units: Mapping[str, str]
    words: Mapping[str, str]
    # The words a contract gives its facts and metrics (`label`), by name: what readers see
    # where a name would stand.
    labels: Mapping[str, str] = attrs.field(factory=dict, eq=False)
    # The units of a contract's measured values (`unit "dag" "dage"`), by name: one, and many.
    units: Mapping[str, tuple[str, str]] = attrs.field(factory=dict, eq=False)
    # Whether the contract's amounts have øre (pence, cents): then amounts are shown to the øre,
    # else to the krone; None where no contract is known (a message): exact to the øre.
    cents: bool | None = attrs.field(default=None, eq=False)
    # In a message (a problem, a calculation that failed): numbers exact, as the contract and its
    # files write them (to four decimals where they have no end), not to a reader's precision.
    exact: bool = attrs.field(default=False, eq=False)

    def __getitem__(self, key: str) -> str:
        return self.words[key]

    def __repr__(self) -> str:
        # Short: a wording is the default of many parameters, and `help()` shows each
        # default by its repr; the whole phrase table would make a signature of 20,000 characters.
        return f"<Wording {self.lang}>"

    def labelled(self, labels: Mapping[str, str]) -> Wording:
        """This wording, showing a contract's facts and metrics by their labels; and, where the
        mapping says them (`Analysis.labels`: `answers`, `units`, `cents`), which lists hold
        survey answers, their values in their units and its amounts to the krone or to the øre."""
        answers: frozenset[str] = getattr(labels, "answers", frozenset())
        units: Mapping[str, tuple[str, str]] = getattr(labels, "units", {})
        cents: bool | None = getattr(labels, "cents", None)
        if labels is self.labels or not (labels or answers or units or cents is not None):
            return self
        return attrs.evolve(self, labels=labels, units=units, cents=cents)

    def name(self, name: str) -> str:
        """A fact or metric as readers see it: its label, or else its name."""
        return self.labels.get(name, name)

    def answers(self, name: str) -> bool:
        """Whether the list `name` holds answers to a survey (a list of `optional` answers, or
        one an NPS is worked out from): only then are its items counted as answers. The
        contract's labels say which (`Analysis.labels`, a mapping with `answers`)."""
        return name in getattr(self.labels, "answers", ())

    def has(self, key: str) -> bool:
        return key in self.words

    def listed(self, items: Sequence[str], joined: str = "and") -> str:
        """Items side by side as a reader lists them: `a, b og c`, `"Nord" eller "Midt"`."""
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self[joined]} {items[-1]}"

    def phrase(self, key: str, count: int | None = None, /, **values: object) -> str:
        """The phrase `key` with its values filled in; `count` picks singular or plural."""
        template = self.words[key]
        if "|" in template:
            singular, plural = template.split("|")
            template = singular if count == 1 else plural
        return template.format(**values)

    def operator(self, op: str, kind: str = "number") -> str:
        """A comparison in words: at least, at most, above, below; on or after for dates."""
        return self.words.get(f"{op} {kind}") or self.words[op]

    # ---- numbers ----

    def number(self, value: Fraction | int, decimals: int = NUMBER_DECIMALS, avoid: Iterable[Fraction | int] = (),
               *, grouped: bool = True) -> str:
        """A number as this wording's reader writes it (`16.488`, `≈31,1`), to `decimals`
        decimals where it must be rounded (`shown`), never shown equal to a value of `avoid`
        it is not; `grouped=False` for a year (2019, not 2.019)."""
        value = Fraction(value)
        if self.exact:
            return self._exact(value, 4)
        if max(abs(value.numerator), value.denominator).bit_length() > 300:
            # A huge value in scientific form (≈1.234568e+5000), with the decimal sign.
            return format_number(value).replace(".", self.decimal)
        found = shown(value, decimals, avoid)
        return ("" if found.exact else "≈") + self.digits(found.value, found.decimals, grouped)

    def _exact(self, value: Fraction, approx_digits: int) -> str:
        """A number in a message: exact where it ends, else to `approx_digits` decimals, marked
        ≈; Danish thousands grouped from 10.000 (a year, 2019, as it is), English not at all."""
        text = format_number(value, approx_digits)
        if self.lang == "en":
            return text
        mark = "≈" if text.startswith("≈") else ""
        body = text.lstrip("≈")
        if "e" in body:  # scientific form for huge values: keep as it is, with the decimal sign
            return mark + body.replace(".", self.decimal)
        sign = "-" if body.startswith("-") else ""
        whole, _, fraction = body.lstrip("-").partition(".")
        if self.group and len(whole) > 4:
            whole = f"{int(whole):,}".replace(",", self.group)
        return f"{mark}{sign}{whole}" + (self.decimal + fraction if fraction else "")

    @property
    def space(self) -> str:
        """Between a number and its unit: no break for a reader; a plain space in a message."""
        return " " if self.exact else NBSP

    def in_messages(self) -> Wording:
        """This wording as problems and failures are said in: numbers exact (`exact`)."""
        return self if self.exact else attrs.evolve(self, exact=True)

    def digits(self, value: Fraction, decimals: int, grouped: bool = True) -> str:
        """`value`, which has at most `decimals` decimals, with exactly that many, and the
        thousands grouped from 1.000 up (1.224 and 16.488 alike, so a column reads as one)."""
        sign = "-" if value < 0 else ""
        whole, fraction = divmod(int(abs(value) * 10**decimals), 10**decimals)
        text = f"{whole:,}".replace(",", self.group) if grouped else str(whole)
        return sign + text + (f"{self.decimal}{fraction:0{decimals}d}" if decimals else "")

    def percent(self, share: Fraction | int, avoid: Iterable[Fraction | int] = (),
                decimals: int = PERCENT_DECIMALS) -> str:
        """A share as a percent, to one decimal where it must be rounded (`≈81,1 %`); `avoid`
        holds shares it must not be shown equal to (the thresholds it is compared with)."""
        if self.exact:
            return self._exact(Fraction(share) * 100, 2) + self.percent_space + "%"
        return self.number(Fraction(share) * 100, decimals, [Fraction(a) * 100 for a in avoid]) \
            + self.percent_space + "%"

    def percentage_points(self, points: Fraction | int) -> str:
        """A difference of percents, in percentage points (`≈1,1 procentpoint`)."""
        return self.phrase("percentage points", 1 if points == 1 else 2, n=self.number(points, PERCENT_DECIMALS))

    def money(self, kroner: Fraction | int, unit: str | None = None, currency: str = DKK,
              avoid: Iterable[Fraction | int] = ()) -> str:
        """An amount in the given unit (whose currency it is in), or else in `currency`: kroner
        in the largest unit that shows them whole, other currencies as their readers write them;
        to the krone, or to the øre where the contract's amounts have øre (`cents`)."""
        if unit is not None:
            currency = UNIT_CURRENCY[unit]
        if currency != DKK:
            return self.foreign(Fraction(kroner), currency, avoid)
        kroner = Fraction(kroner)
        units = [unit] if unit else ["mio kr", "tkr"]
        for name in units:
            scale = MONEY_UNITS[name]
            scaled = kroner / scale
            if unit or (scaled.denominator == 1 and scaled != 0):
                return self._amount(scaled, name, [Fraction(a) / scale for a in avoid]) \
                    + self.space + self.money_units[name]
        return self._amount(kroner, "kr", avoid) + self.space + self.money_units["kr"]

    def foreign(self, amount: Fraction, currency: str, avoid: Iterable[Fraction | int] = ()) -> str:
        """An amount in a currency but kroner, every thousand grouped: `1.500 EUR` to a Danish
        reader, `€1,500` to an English one (`1,500 SEK` where no symbol is usual)."""
        text = self._amount(Fraction(amount), "kr", avoid)
        mark = "≈" if text.startswith("≈") else ""
        body = text.lstrip("≈")
        sign = "-" if body.startswith("-") else ""
        number = body.lstrip("-")
        if self.exact and "e" not in number:  # a message groups an amount as a reader's text does
            whole, _, decimals = number.partition(self.decimal)
            whole = f"{int(whole.replace(self.group, '') if self.group else whole):,}".replace(",", self.group or ",")
            number = whole + (self.decimal + decimals if decimals else "")
        symbol = CURRENCY_SYMBOLS.get(currency) if self.lang == "en" else None
        if symbol is not None:
            return f"{mark}{sign}{symbol}{number}"
        return f"{mark}{sign}{number}{self.space}{currency}"

    def _amount(self, scaled: Fraction, unit: str, avoid: Iterable[Fraction | int] = ()) -> str:
        """A number of `unit`s. Whole units of a currency (`kr`, `EUR`) to the krone, or to the
        øre as money is written (4.728.628,30) where the contract's amounts have øre; a larger
        unit (t.kr., mio. kr.) as a number."""
        if self.exact:  # in a message: exact, and øre as money is written: 4728628.30
            text = self.number(scaled)
            cents = text.partition(self.decimal)[2]
            return f"{text}0" if unit in ("kr", *CURRENCIES) and len(cents) == 1 else text
        if unit not in ("kr", *CURRENCIES) or max(abs(scaled.numerator), scaled.denominator).bit_length() > 300:
            return self.number(scaled, NUMBER_DECIMALS, avoid)
        decimals = MONEY_DECIMALS if self.cents is not False else 0
        found = shown(scaled, decimals, avoid, keep=decimals)
        if found.decimals:  # øre: both digits, as money is written (12,50)
            found = attrs.evolve(found, decimals=MAX_DECIMALS)
        return ("" if found.exact else "≈") + self.digits(found.value, found.decimals)

    def rate(self, value: Fraction | int, currency: str, per: str) -> str:
        """An exchange rate as Danmarks Nationalbank quotes one: per unit where that takes at
        most two decimals (`7,5 kr. per EUR`), else per 100 units (`745,52 kr. per 100 EUR`), so
        the rate a reader checks an amount with is the exact one, not `≈7,46`."""
        unit = self.money_units["kr"] if currency == DKK else currency
        value = Fraction(value)
        if (value * 100).denominator == 1:
            return f"{self.number(value)}{self.space}{unit} per {per}"
        return f"{self.number(value * 100)}{self.space}{unit} per 100{self.space}{per}"

    def date(self, day: dt.date) -> str:
        """A day in words: `1. januar 2019`, `1 January 2019`."""
        return self.phrase("date", day=day.day, month=self.words["months"].split("|")[day.month - 1],
                           year=day.year)

    def period(self, start: dt.date, end: dt.date) -> str:
        """Two days in words, from the first to the last: `1. januar 2019 - 31. december 2019`."""
        return f"{self.date(start)} - {self.date(end)}"

    def unit(self, name: str, value: Value) -> str:
        """The unit a contract gives the fact or metric `name` (`unit "dag" "dage"`), in the form
        for `value` (one, or many); "" for none."""
        return self.unit_form(self.units.get(name), value)

    @staticmethod
    def unit_form(unit: tuple[str, str] | None, value: Value) -> str:
        """A unit (`("dag", "dage")`) in the form for `value`: one for exactly 1, else many; "" for none."""
        if unit is None:
            return ""
        return unit[0] if value == 1 else unit[1]

    def value(self, value: Value, type_: Type | None, decimals: int | None = None,
              avoid: Iterable[Fraction | int] = (), unit: str = "", grouped: bool = True) -> str:
        """A value as a reader is shown it: to its kind's precision (`decimals` for a number
        that has its own, as an NPS), never equal to a value of `avoid` it is not, with its
        `unit` after it (`28,6 dage`)."""
        if isinstance(value, bool):
            return self["true"] if value else self["false"]
        if isinstance(value, dt.date):
            return self.date(value)
        if isinstance(value, str):
            return quote(value)
        if isinstance(value, CalendarSpan):
            return self.number(value.amount) + self.space + self.phrase(f"span.{value.unit}", value.amount)
        if isinstance(value, Tallied):  # never shown (lists are said by their counts): as its list would be
            return self.value(tuple(value.counts.elements()), type_, decimals, avoid, unit, grouped)
        if isinstance(value, tuple):
            element = type_.element if type_ is not None and type_.kind == LIST else None
            return "[" + ", ".join(self.value(v, element) for v in value) + "]"
        kind = type_.kind if type_ is not None else None
        if kind == PERCENT:
            return self.percent(value, avoid)
        if kind == MONEY:
            assert type_ is not None
            return self.money(value, currency=type_.currency_code, avoid=avoid)
        if kind == RATE:
            assert type_ is not None
            return self.rate(value, type_.currency_code, type_.per or "")
        text = self.number(value, NUMBER_DECIMALS if decimals is None else decimals, avoid, grouped=grouped)
        return f"{text}{NBSP}{unit}" if unit else text

    def count(self, number: int, word: str) -> str:
        """'1 answer', '400 answers' in the wording's language."""
        return f"{self.number(number)} {self.phrase(word, number)}"

    def param(self, value: object) -> str:
        """A parameter of a message in this language: a number as its reader writes it, a
        tuple as a list, and anything that can say itself (a word of the tables, a value with
        its type, another problem: `in_words`) as it says itself. Text is code or a name, as
        written."""
        if not self.exact:
            return self.in_messages().param(value)
        if isinstance(value, InWords):
            return value.in_words(self)
        if isinstance(value, Fraction) or (isinstance(value, int) and not isinstance(value, bool)):
            return self.number(value)
        if isinstance(value, tuple):
            return ", ".join(self.param(item) for item in value)
        return str(value)


@runtime_checkable
class InWords(Protocol):
    """A parameter of a message that says itself in a wording (reasons.py has most kinds)."""

    def in_words(self, w: Wording) -> str: ...


ENGLISH_WORDS: dict[str, str] = {
    "true": "true", "false": "false",
    "met": "met", "partly met": "partly met", "not met": "not met", "not evaluable": "not evaluable",
    "goal": "Goal", "no group": "(no group)",
    # comparisons in words, by the kind of value compared
    ">=": "at\u00a0least", ">": "above", "<=": "at\u00a0most", "<": "below", "=": "exactly", "!=": "not",
    ">= date": "on\u00a0or\u00a0after", "> date": "after", "<= date": "on\u00a0or\u00a0before", "< date": "before",
    "= date": "on", "!= date": "not\u00a0on", "= other": "is", "!= other": "is\u00a0not",
    "but": "but", "and": "and", "or": "or", "otherwise": "otherwise",
    "no tier holds": "no tier holds",
    "required": "{test} required",
    "holds": "{subject} holds", "does not hold": "{subject} does not hold",
    "among": "one of {collection}", "not among": "not one of {collection}",
    "is": "which is {item}", "is not": "not {item}",
    "from": "from {values}", "of": "{counted} of {of}",
    "answer": "answer|answers", "promoter": "promoter|promoters", "detractor": "detractor|detractors",
    "deliverable": "deliverable|deliverables", "deliverables done": "deliverables done",
    "all delivered": "all {n} deliverables done", "both delivered": "both deliverables done", "some delivered": "{done} of {of} done",
    "delivered": "{name} done", "not delivered": "{name} not done",
    "late": "{name} delivered late ({delivered}, due {due})",
    "missing": "missing fact {names}|missing facts {names}",
    "missing deliverable": "deliverable {names} not reported|deliverables {names} not reported",
    "not reported": "{name} not reported", "due unknown": "{name} delivered {delivered}, due date not known",
    "invalid": "invalid fact {problem}", "invalid deliverable": "invalid deliverable {problem}",
    "metric failed": "metric {metric} could not be computed: {cause}",
    "line": "(line {line})",
    "failure.division-by-zero": "division by zero in {expr}",
    "failure.no-answers": "no answers in {expr}",
    "failure.no-values": "no values in {expr}",
    "failure.too-large": "number too large in {expr}: more than {bits} bits (about 3,000 digits)",
    "failure.list-too-long": "{expr} would make a list of more than {limit} values",
    "failure.negative-repeat": "{expr} repeats a list a negative number of times",
    "failure.nps-range": "NPS answers are whole numbers from 0 to 10, but {expr} holds {answer}; "
                         "declare it `list of integer in 0 .. 10`",
    "failure.fulfilment-range": "the fulfilment {fulfilment} lies outside 0% .. 100%",
    "failure.not-a-percent": "the fulfilment is not a percentage",
    "failure.no-value": "no value for {name}",
    "report.report": "Annual report", "report.overall": "Overall fulfilment", "report.goal": "Goal",
    "report.status": "Status", "report.fulfilment": "Fulfilment", "report.split": "Split of",
    "report.party": "Party", "report.amount": "Amount", "report.weight": "Key", "report.total": "Total",
    "report.none": "–",
    "report.note": "≈ marks a value rounded for display; every calculation is exact.",
    "report.made": "Made with resultkontrakt.", "report.groupless": "Other goals",
    "report.installments": "{n} installments of {each}",
    "report.split failed": "The split {name} cannot be worked out",
    "split.headline": "{name}: {total} split by {key} ({method}{installments}, in units of {unit_size}).",
    "split.by weight": "weight", "split.installments": ", {n} installments of {each}",
    "split.method.largest remainder": "largest remainder", "split.method.sainte-laguë": "sainte-laguë",
    "split.method.d'hondt": "d'hondt",
    "split.party": "party", "split.weight": "weight", "split.quota": "quota",
    "split.quota per installment": "quota per installment", "split.amount": "amount",
    "split.margin": "margin (weight)", "split.total": "total", "split.units": "Amounts in {unit}.",
    "split.unit.kr": "kr", "split.unit.tkr": "tkr", "split.unit.mio kr": "mio kr",
    "split.unit.foreign": "{currency}", "split.unit.mio foreign": "millions of {currency}",
    "split.margins": "Margin: how far a party's weight may fall (-) or rise (+), the others unchanged, "
                     "before its amount changes.",
    "split.tie": "* a tie decided this amount: equal claims go to the larger weight, then to the party "
                 "written first.",
    "not due": "{name} not due yet (due {due})", "not due undated": "{name} not due yet",
    "waits": "waits for {items}", "waits.goal": "goal {goal}, which is pending",
    "waits.payment": "the payment {name}, which is pending",
    "waits.deliverable": "{name} (due {due})", "waits.fact": "{name} (measured by {due})",
    "points": "Points: {points} of {possible}\u00a0points",
    "points missing": "Points: not yet known: goal {ids} has no result (the others have {reached} "
                      "of {possible}\u00a0points)|Points: not yet known: goals {ids} have no result "
                      "(the others have {reached} of {possible}\u00a0points)",
    "value.overall": "overall", "value.points": "points",
    "value.fulfilment of goal": "fulfilment of goal {goal}", "value.points of goal": "points of goal {goal}",
    "distance.better.up": "reaches {fulfilment} if it rises by {by}",
    "distance.better.up.beyond": "reaches {fulfilment} if it rises by more than {by}",
    "distance.better.down": "reaches {fulfilment} if it falls by {by}",
    "distance.better.down.beyond": "reaches {fulfilment} if it falls by more than {by}",
    "distance.worse.up": "drops to {fulfilment} if it rises by {by}",
    "distance.worse.up.beyond": "drops to {fulfilment} if it rises by more than {by}",
    "distance.worse.down": "drops to {fulfilment} if it falls by {by}",
    "distance.worse.down.beyond": "drops to {fulfilment} if it falls by more than {by}",
    "distance.better.up.any": "reaches {fulfilment} if it rises at all",
    "distance.better.down.any": "reaches {fulfilment} if it falls at all",
    "distance.worse.up.any": "drops to {fulfilment} if it rises at all",
    "distance.worse.down.any": "drops to {fulfilment} if it falls at all",
    "percentage points": "{n}\u00a0percentage point|{n}\u00a0percentage points",
    "distance.answers.nps.up": "{n} more answer of 9-10 of the {of}|{n} more answers of 9-10 of the {of}",
    "distance.answers.nps.down": "{n} fewer answer of 9-10 of the {of}|{n} fewer answers of 9-10 of the {of}",
    "distance.answers.share.up": "{n} more of the {of} answers|{n} more of the {of} answers",
    "distance.answers.share.down": "{n} fewer of the {of} answers|{n} fewer of the {of} answers",
    "distance.none": "{subject}: no other tier can be reached",
    "distance.to": "(to {to})",
    "distance.answers.past": "no whole number of answers gives {fulfilment}: {answers} gives {reached}",
    "failure.goal-not-evaluable": "{expr} reads goal {goals}, which is not evaluable",
    "failure.payment-not-evaluable": "the payment {name} could not be worked out",
    "failure.no-weight": "{expr} is an average weighted by the goals' weights, but every weight is 0",
    "failure.date-range": "{expr} gives a date outside the years 1 to 9999",
    "failure.split-uneven-total": "the total {total} is not a whole number of units of {unit}; "
                                  "round it in the contract, e.g. `round(amount, 1 kr)`",
    "failure.split-uneven-installments": "the total {total} over {installments} installments is "
                                         "{each} each, not a whole number of units of {unit}",
    "formula.+": "+", "formula.-": "−", "formula.*": "×", "formula./": "divided by", "formula.of": "of",
    "formula.min": "the least of {values}", "formula.max": "the greatest of {values}",
    "formula.rounded": "{amount}, rounded to {unit}", "formula.rounded whole": "{amount}, rounded",
    "formula.floor": "{amount}, rounded down to {unit}", "formula.ceil": "{amount}, rounded up to {unit}",
    "formula.round_half_even": "{amount}, rounded to {unit} (halves to even)",
    "formula.converted": "{amount} at {rate}",
    "report.points": "Points", "report.payments": "Payments", "report.payment": "Payment",
    "report.as of": "As of {day}", "report.status report": "Status report",
    "span.days": "day|days", "span.months": "month|months", "span.years": "year|years",
    "compare.goal": "Goal", "compare.title": "Title", "compare.value": "value", "compare.change": "Change",
    "compare.titles differ short": "titles differ",
    "compare.series": "{contract}, year on year", "compare.side by side": "{n} provider|{n} providers side by side",
    "compare.side by side of": "{contract}: {n} provider|{contract}: {n} providers side by side",
    "compare.group": "({group})",
    "compare.unit fulfilment": "percentage points of fulfilment",
    "compare.unit percent": "percentage points",
    "compare.unit deliverables": "deliverable|deliverables",
    "compare.unit points": "point|points",
    "compare.unit nps": "NPS point|NPS points",
    "compare.unit measure": "in the measured value",
    "compare.unit": "Unit", "compare.payments": "Payments",
    "compare.legend": "Change: {last} minus {before} (the last column minus the one before it), in what "
                      "decided the goal: the measured value in its own unit (percentage points for a "
                      "percent), the deliverables done, or, where the measures differ, percentage points "
                      "of fulfilment; a payment in its currency, the points in points.",
    "compare.titles differ": "* goal {id} has different titles: {titles}",
    "compare.unread": "{label}: the facts cannot be read, so no goal is evaluable: {problem}",
    "compare.steps": "Goal {id}, {title}: {value} period by period, drawn as steps over the goal's tiers",
    "compare.dots": "Goal {id}, {title}: {value} for each provider, as dots over the goal's tiers",
    "compare.bands": "The bands are the goal's tiers at their thresholds, coloured by the fulfilment they give "
                     "(green full, yellow partial, red none); each point is labelled with its fulfilment.",
    "compare.bands unknown": "In {labels}, the tiers below the one that held were not tried, so their "
                             "thresholds are not known from the evaluation and are not drawn (grey).",
    "compare.tiers": "Thresholds: {tiers}", "compare.evaluation": "Evaluation", "compare.year": "Year",
    "compare.charts": "Goal by goal", "compare.notes": "Why some goals have no result",
    "compare.swipe": "Swipe sideways to see the whole table →",
    "pending": "pending", "goal points": "{points} of {weight}\u00a0points",
    # a day in words (wording.date): 1 January 2019
    "date": "{day} {month} {year}",
    "months": "January|February|March|April|May|June|July|August|September|October|November|December",
}

DANISH_WORDS: dict[str, str] = {
    "true": "ja", "false": "nej",
    "met": "opfyldt", "partly met": "delvist opfyldt", "not met": "ikke opfyldt",
    "not evaluable": "kan ikke vurderes",
    "goal": "Mål", "no group": "(ingen gruppe)",
    ">=": "mindst", ">": "over", "<=": "højst", "<": "under", "=": "præcis", "!=": "ikke",
    ">= date": "tidligst", "> date": "efter", "<= date": "senest", "< date": "før",
    "= date": "den", "!= date": "ikke den", "= other": "er", "!= other": "er ikke",
    "but": "men", "and": "og", "or": "eller", "otherwise": "ellers",
    "no tier holds": "intet trin er opfyldt",
    "required": "{test} kræves",
    "holds": "{subject} er opfyldt", "does not hold": "{subject} er ikke opfyldt",
    "among": "en af {collection}", "not among": "ikke en af {collection}",
    "is": "som er {item}", "is not": "ikke {item}",
    "from": "ud fra {values}", "of": "{counted} af {of}",
    "answer": "svar|svar", "promoter": "anbefaler|anbefalere", "detractor": "kritiker|kritikere",
    "deliverable": "leverance|leverancer", "deliverables done": "leverede leverancer",
    "all delivered": "alle {n} leverancer er leveret", "both delivered": "begge leverancer er leveret", "some delivered": "{done} af {of} er leveret",
    "delivered": "{name} er leveret", "not delivered": "{name} er ikke leveret",
    "late": "{name} blev leveret for sent ({delivered}, frist {due})",
    "missing": "mangler faktum {names}|mangler fakta {names}",
    "missing deliverable": "leverancen {names} er ikke indberettet|leverancerne {names} er ikke indberettet",
    "not reported": "{name} er ikke indberettet", "due unknown": "{name} er leveret {delivered}, fristen er ukendt",
    "invalid": "ugyldigt faktum {problem}", "invalid deliverable": "ugyldig leverance {problem}",
    "metric failed": "nøgletallet {metric} kunne ikke beregnes: {cause}",
    "line": "(linje {line})",
    "failure.division-by-zero": "division med nul i {expr}",
    "failure.no-answers": "ingen svar i {expr}",
    "failure.no-values": "ingen værdier i {expr}",
    "failure.too-large": "tallet bliver for stort i {expr}: mere end {bits} bit (omkring 3.000 cifre)",
    "failure.list-too-long": "{expr} ville give en liste med mere end {limit} værdier",
    "failure.negative-repeat": "{expr} gentager en liste et negativt antal gange",
    "failure.nps-range": "NPS-svar er hele tal fra 0 til 10, men {expr} indeholder {answer}",
    "failure.fulfilment-range": "målopfyldelsen {fulfilment} ligger uden for 0 % .. 100 %",
    "failure.not-a-percent": "målopfyldelsen er ikke en procentsats",
    "failure.no-value": "ingen værdi for {name}",
    "report.report": "Årsrapport", "report.overall": "Samlet målopfyldelse", "report.goal": "Mål",
    "report.status": "Status", "report.fulfilment": "Opfyldelse", "report.split": "Fordeling af",
    "report.party": "Part", "report.amount": "Beløb", "report.weight": "Fordelingsnøgle",
    "report.total": "I alt", "report.none": "–",
    "report.note": "≈ betyder afrundet til visning; alle beregninger er eksakte.",
    "report.made": "Lavet med resultkontrakt.", "report.groupless": "Øvrige mål",
    "report.installments": "{n} rater à {each}",
    "report.split failed": "Fordelingen af {name} kan ikke beregnes",
    "split.headline": "{name}: {total} fordelt efter {key} ({method}{installments}, i enheder af "
                      "{unit_size}).",
    "split.by weight": "vægt", "split.installments": ", {n} rater à {each}",
    "split.method.largest remainder": "største brøkdel", "split.method.sainte-laguë": "Sainte-Laguë",
    "split.method.d'hondt": "d'Hondt",
    "split.party": "part", "split.weight": "vægt", "split.quota": "kvote",
    "split.quota per installment": "kvote pr. rate", "split.amount": "beløb",
    "split.margin": "margin (vægt)", "split.total": "i alt", "split.units": "Beløb i {unit}.",
    "split.unit.kr": "kroner", "split.unit.tkr": "tusind kroner", "split.unit.mio kr": "millioner kroner",
    "split.unit.foreign": "{currency}", "split.unit.mio foreign": "millioner {currency}",
    "split.margins": "Margin: hvor meget en parts vægt kan falde (-) eller stige (+), mens de andres er "
                     "uændrede, før dens beløb ændres.",
    "split.tie": "* lige krav afgjorde dette beløb: de går til den største vægt, dernæst til den part, "
                 "der står først.",
    "not due": "{name} er ikke forfalden endnu (frist {due})", "not due undated": "{name} er ikke forfalden endnu",
    "waits": "afventer {items}", "waits.goal": "mål {goal}, som afventer",
    "waits.payment": "betalingen {name}, som afventer",
    "waits.deliverable": "{name} (frist {due})", "waits.fact": "{name} (måles senest {due})",
    "points": "Point: {points} af {possible}\u00a0point",
    "points missing": "Point: endnu ikke kendt: mål {ids} har intet resultat (de øvrige har {reached} "
                      "af {possible}\u00a0point)|Point: endnu ikke kendt: mål {ids} har intet resultat "
                      "(de øvrige har {reached} af {possible}\u00a0point)",
    "value.overall": "samlet målopfyldelse", "value.points": "point i alt",
    "value.fulfilment of goal": "målopfyldelsen for mål {goal}", "value.points of goal": "point for mål {goal}",
    "distance.better.up": "når {fulfilment}, hvis det stiger {by}",
    "distance.better.up.beyond": "når {fulfilment}, hvis det stiger mere end {by}",
    "distance.better.down": "når {fulfilment}, hvis det falder {by}",
    "distance.better.down.beyond": "når {fulfilment}, hvis det falder mere end {by}",
    "distance.worse.up": "falder til {fulfilment}, hvis det stiger {by}",
    "distance.worse.up.beyond": "falder til {fulfilment}, hvis det stiger mere end {by}",
    "distance.worse.down": "falder til {fulfilment}, hvis det falder {by}",
    "distance.worse.down.beyond": "falder til {fulfilment}, hvis det falder mere end {by}",
    "distance.better.up.any": "når {fulfilment}, hvis det stiger det mindste",
    "distance.better.down.any": "når {fulfilment}, hvis det falder det mindste",
    "distance.worse.up.any": "falder til {fulfilment}, hvis det stiger det mindste",
    "distance.worse.down.any": "falder til {fulfilment}, hvis det falder det mindste",
    "percentage points": "{n}\u00a0procentpoint|{n}\u00a0procentpoint",
    "distance.answers.nps.up": "{n} svar mere på 9-10 af de {of}|{n} flere svar på 9-10 af de {of}",
    "distance.answers.nps.down": "{n} svar færre på 9-10 af de {of}|{n} færre svar på 9-10 af de {of}",
    "distance.answers.share.up": "{n} mere af de {of} svar|{n} flere af de {of} svar",
    "distance.answers.share.down": "{n} færre af de {of} svar|{n} færre af de {of} svar",
    "distance.none": "{subject}: intet andet trin kan nås",
    "distance.to": "(til {to})",
    "distance.answers.past": "intet helt antal svar giver {fulfilment}: {answers} giver {reached}",
    "failure.goal-not-evaluable": "{expr} læser mål {goals}, som ikke kan vurderes",
    "failure.payment-not-evaluable": "betalingen {name} kunne ikke beregnes",
    "failure.no-weight": "{expr} er et gennemsnit vægtet efter målenes vægte, men alle vægte er 0",
    "failure.date-range": "{expr} giver en dato uden for årene 1 til 9999",
    "failure.split-uneven-total": "beløbet {total} er ikke et helt antal enheder á {unit}; "
                                  "afrund det i kontrakten, fx `round(beløb, 1 kr)`",
    "failure.split-uneven-installments": "beløbet {total} fordelt på {installments} rater er {each} "
                                         "pr. rate, ikke et helt antal enheder á {unit}",
    "formula.+": "+", "formula.-": "−", "formula.*": "×", "formula./": "divideret med", "formula.of": "af",
    "formula.min": "det mindste af {values}", "formula.max": "det største af {values}",
    "formula.rounded": "{amount}, afrundet til {unit}", "formula.rounded whole": "{amount}, afrundet",
    "formula.floor": "{amount}, rundet ned til {unit}", "formula.ceil": "{amount}, rundet op til {unit}",
    "formula.round_half_even": "{amount}, afrundet til {unit} (halve til lige)",
    "formula.converted": "{amount} til kurs {rate}",
    "report.points": "Point", "report.payments": "Betalinger", "report.payment": "Betaling",
    "report.as of": "Opgjort pr. {day}", "report.status report": "Statusrapport",
    "span.days": "dag|dage", "span.months": "måned|måneder", "span.years": "år|år",
    "compare.goal": "Mål", "compare.title": "Titel", "compare.value": "værdi", "compare.change": "Ændring",
    "compare.titles differ short": "titler forskellige",
    "compare.series": "{contract}, år for år", "compare.side by side": "{n} leverandør|{n} leverandører side om side",
    "compare.side by side of": "{contract}: {n} leverandør|{contract}: {n} leverandører side om side",
    "compare.group": "({group})",
    "compare.unit fulfilment": "procentpoint målopfyldelse",
    "compare.unit percent": "procentpoint",
    "compare.unit deliverables": "leverance|leverancer",
    "compare.unit points": "point|point",
    "compare.unit nps": "NPS-point|NPS-point",
    "compare.unit measure": "i den målte værdi",
    "compare.unit": "Enhed", "compare.payments": "Betalinger",
    "compare.legend": "Ændring: {last} minus {before} (den sidste kolonne minus den før den), i det, der "
                      "afgjorde målet: den målte værdi i sin egen enhed (procentpoint for en procentsats), "
                      "leverancerne, eller, hvor målene måles forskelligt, procentpoint målopfyldelse; en "
                      "betaling i sin valuta, point i point.",
    "compare.titles differ": "* mål {id} har forskellige titler: {titles}",
    "compare.unread": "{label}: fakta kan ikke læses, så intet mål kan vurderes: {problem}",
    "compare.steps": "Mål {id}, {title}: {value} periode for periode, tegnet som trin over målets tærskler",
    "compare.dots": "Mål {id}, {title}: {value} for hver leverandør, som prikker over målets tærskler",
    "compare.bands": "Båndene er målets trin ved deres tærskler, farvet efter den målopfyldelse, de giver "
                     "(grøn fuld, gul delvis, rød ingen); hvert punkt er mærket med sin målopfyldelse.",
    "compare.bands unknown": "I {labels} blev trinene under det, der holdt, ikke prøvet, så deres tærskler "
                             "kendes ikke fra opgørelsen og er ikke tegnet (gråt).",
    "compare.tiers": "Tærskler: {tiers}", "compare.evaluation": "Opgørelse", "compare.year": "År",
    "compare.charts": "Mål for mål", "compare.notes": "Hvorfor nogle mål ikke har et resultat",
    "compare.swipe": "Stryg til siden for at se hele tabellen →",
    "pending": "afventer", "goal points": "{points} af {weight}\u00a0point",
    # en dag i ord (wording.date): 1. januar 2019
    "date": "{day}. {month} {year}",
    "months": "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december",
}

# ---- problems with facts and files (reasons.py): "problem.CODE", and "hint.CODE" -------
PROBLEMS_EN: dict[str, str] = {
    "problem.fact-value": "{fact}{path}: {problem}",
    "problem.fact-in-file": "{fact}: {file} line {line}: {problem}",
    "problem.fact-in-file-more": "{fact}: {file} line {line}: {problem} (and {more} more problem in the file)"
                                 "|{fact}: {file} line {line}: {problem} (and {more} more problems in the file)",
    # A workbook's problem names its cell first (Svar!C17: ...), where a CSV file's has a line.
    "problem.fact-in-cell": "{fact}: {file}:{problem}",
    "problem.fact-in-cell-more": "{fact}: {file}:{problem} (and {more} more problem in the workbook)"
                                 "|{fact}: {file}:{problem} (and {more} more problems in the workbook)",
    "problem.fact-in-workbook": "{fact}: {file}: {problem}",
    "problem.fact-in-workbook-more": "{fact}: {file}: {problem} (and {more} more problem in the workbook)"
                                     "|{fact}: {file}: {problem} (and {more} more problems in the workbook)",
    "problem.name-broken": "a fact name holds a broken character (a lone surrogate)",
    "hint.name-broken": "write the fact's name as the contract declares it",
    "problem.name-not-text": "a fact name must be text, not {got}",
    "problem.unknown-fact": "unknown fact `{name}`",
    "hint.unknown-fact": "declare it in the contract, or remove it",
    "hint.suggest": "did you mean `{suggestion}`?",
    "problem.more-unknown": "and {count} more unknown fact|and {count} more unknown facts",
    "hint.more-unknown": "is this the facts file for this contract?",
    "problem.unknown-metric": "unknown metric `{name}`",
    "hint.unknown-metric": "only a metric of the contract can be given a value",
    "problem.expected-table": "expected a table from name to value, got {got}",
    "hint.expected-table": 'write an object such as {{"Morsø": 20514, "Thisted": 43716}}',
    "problem.table-name": "a name in a table must be text, not {got}",
    "problem.table-name-broken": "a name in the table holds a broken character (a lone surrogate)",
    "hint.table-name-broken": "save the facts as UTF-8 and check the names",
    "problem.named-twice": "{name} is named twice",
    "hint.named-twice": "name each party once",
    "problem.expected-list": "expected a list, got {got}",
    "hint.expected-list": 'write a list such as [9, 10, 7], or read a CSV file: '
                          '{{"csv": "answers.csv", "column": "NAME"}}',
    "problem.blank-answer": "a blank answer",
    "hint.blank-answer": "give every answer, or declare the answers `optional` in the contract to "
                         "allow blanks",
    "problem.expected-records": "expected a list of records, got {got}",
    "hint.expected-records": 'write one object a row, with the fields {fields}: [{{"NAME": VALUE, ...}}, ...]; '
                             'or read the rows from a file: {{"csv": "FILE.csv"}}',
    "problem.record.not-an-object": "expected a record, got {got}",
    "hint.record.not-an-object": 'write the row as an object with the fields {fields}: {{"NAME": VALUE, ...}}',
    "problem.record.key-not-text": "a field's name must be text, not {got}",
    "hint.record.key-not-text": "name the fields as the contract declares them",
    "problem.record.unknown-field": "the record has no field {name}",
    "hint.record.fields": "the fields are: {fields}",
    "hint.record.fields-suggest": "did you mean `{suggestion}`? The fields are: {fields}",
    "problem.record.missing-field": "the field `{field}` is missing",
    "hint.record.missing-field": "give every row each of the fields {fields}, or declare the field "
                                 "`optional` in the contract to allow rows without it",
    "problem.record.blank": "no value",
    "hint.record.blank": "give the field a value in every row, or declare it `optional` in the contract "
                         "to allow blanks",
    "problem.out-of-range": "{value} is outside its range {low} .. {high}",
    "hint.range": "check the measurement, or widen the range in the contract",
    "hint.range-given": "give a value within the range",
    "problem.expected-number": "expected a number, got {got}",
    "hint.expected-number": "write a number, e.g. 62.4",
    "problem.expected-whole": "expected a whole number, got {got}",
    "problem.expected-percent": "expected a percentage, got {got}",
    "hint.expected-percent": 'write a percentage as "72%" or as the share 0.72',
    "problem.not-a-share": "{shown} is not a share: a percent fact holds a share from 0 to 1, so "
                           "{shown} would mean {percent}",
    "hint.not-a-share": 'write "{json}%" or {share}',
    "problem.expected-money": "expected an amount of money, got {got}",
    "problem.range.currency": "the range of `{fact}` is written in {written}, but the fact is money in {currency}",
    "hint.range.currency": "write both bounds in {currency}, e.g. `in 0 {currency} .. 1 mio {currency}`",
    "problem.expected-rate": "expected a rate above zero (`{rate}`), got {got}",
    "hint.expected-rate": "write the rate as a plain number: 7.4604 for 7.4604 kr per EUR",
    "problem.money-currency": "{text} is not in {currency}, the currency of this fact",
    "hint.money-currency": "give the amount in {currency} as a plain number; convert it in the contract "
                           "with `convert(AMOUNT, RATE)` if it comes in another currency",
    "hint.expected-money": 'write kroner as a number, or text such as "576 tkr"',
    "hint.expected-money-in": 'write the amount in {currency} as a number, or text such as "576 {currency}"',
    "problem.expected-bool": "expected true or false, got {got}",
    "hint.expected-bool": "write true or false",
    "problem.expected-text": "expected a text, got {got}",
    "hint.expected-text": 'write it in quotes: "..."',
    "problem.broken-text": "the text holds a broken character (a lone surrogate)",
    "hint.broken-text": "save the facts as UTF-8 and check the text",
    "problem.cannot-give": "values of type {type} cannot be given yet",
    "problem.not-a-choice": "{answer} is not one of the possible answers",
    "hint.not-a-choice": "the answers are: {choices}",
    "problem.not-in-calendar": "{date} is not a date in the calendar",
    "hint.not-in-calendar": 'write a real date as "YEAR-MONTH-DAY"',
    "problem.expected-date": "expected a date, got {got}",
    "hint.expected-date": 'write a date as "2019-12-31"',
    "problem.deliverable-value": "a deliverable is true, false or the date it was delivered; got {got}",
    "hint.deliverable-value": 'write true, false or a date such as "2019-11-30"',
    "problem.not-finite": "{text} is not a number a fact can have",
    "hint.not-finite": "write a finite number",
    "problem.unclear": "{text} is unclear: {first} if `{separator}` separates thousands, {second} if "
                       "it is the decimal sign",
    "hint.unclear-text": "write {thousands} or {decimals}: without a separator between thousands, "
                         "with a decimal point",
    "hint.unclear-cell": 'say how the file writes numbers: add "decimal": "," to its reference in the '
                         "facts file (a decimal comma, and a point between thousands, as Danish "
                         'spreadsheets write them), or "decimal": "."',
    "problem.number.too-many-digits": "a number may have at most {digits} digits",
    "hint.number.too-many-digits": "write a number of reasonable size",
    "problem.number.out-of-range": "number out of range (more than {digits} digits before or after the point)",
    "hint.number.out-of-range": "write a number of reasonable size",
    "problem.number.not-a-number": "not a number: {text}",
    "hint.number.not-a-number": "write a number such as 62.4 or 62,4",
    "problem.number.not-finite": "{text} is not a number a fact can have",
    "hint.number.not-finite": "write a finite decimal number",
    "problem.number.decimal-sign": "{text} is not a number written with `{separator}` as the decimal sign",
    "problem.number.thousands": "{text} is not a number: `{separator}` may only separate thousands, "
                                "in groups of three digits",
    "problem.csv-for-one-value": "a CSV file gives a list or a table, but `{fact}` holds {type}",
    "hint.csv-for-one-value": "declare it as `list of {type}`",
    "problem.xlsx-for-one-value": "a column of a workbook gives a list or a table, but `{fact}` holds {type}",
    "hint.xlsx-for-one-value": "declare it as `list of {type}`",
    "problem.table-needs-key": '`{fact}` holds {type}: name the column of names with "key"',
    "problem.list-has-key": '`{fact}` holds {type}: a list is read without "key"',
    "problem.reference.csv": 'a table of answers is written {{"csv": "FILE.csv", "column": "NAME"}}',
    "problem.reference.unknown-key": 'unknown key {key} in a table reference; use "csv" (or "xlsx" and '
                                     '"sheet") with "column" or "columns" (and "key" for a table, '
                                     '"decimal" for the decimal sign)',
    "problem.reference.xlsx": 'a column of a workbook is read as {{"xlsx": "FILE.xlsx", "sheet": "SHEET", '
                              '"column": "NAME"}}',
    "problem.reference.sheet": '"sheet" is the name of a sheet of the workbook, in quotes',
    "problem.reference.decimal": '"decimal" is the decimal sign the file writes numbers with: "," or "."',
    "problem.reference.key": 'a table is read as {{"csv": "FILE.csv", "key": "NAME COLUMN", '
                             '"column": "VALUES"}}',
    "problem.reference.which": 'say which answers to read: "column": "NAME" or "columns": ["A", "B", ...]',
    "problem.reference.column": '"column" is the name of one column, in quotes',
    "problem.reference.columns": '"columns" is a list of column names: ["q1", "q2", ...]',
    "problem.reference.record-columns": 'the rows of records are read as {{"csv": "FILE.csv", "columns": '
                                        '{{"FIELD": "COLUMN", ...}}}}: "columns" names the column of a field '
                                        "whose column has another name",
    "problem.reference.record-unknown-key": 'unknown key {key} in a reference to rows of records; use "csv" (or '
                                            '"xlsx" and "sheet"), "columns" and "decimal"',
    "problem.reference.record-field": '"columns" names the column of {name}, which is no field of the record; '
                                      "its fields are: {fields}",
    "problem.reference.record-column-shared": "the fields `{first}` and `{second}` would both read the column "
                                              '{column}: give each field a column of its own in "columns"',
    "problem.file.nul": "the file name holds a NUL character",
    "hint.file.nul": "write the file's name as it is",
    "problem.file.outside": "{reference} lies outside the folder {root}, and facts may only point at "
                            "files inside the folder of the facts file",
    "hint.file.outside": "move the file into that folder, or allow a wider folder that holds both: "
                         "`rk eval ... --data-dir DIR`, or data_dir=DIR in Python",
    "problem.file.os": "{reason}",
    "hint.file.os": "check the path and the file's permissions",
    "problem.file.write": "{reason}",
    "hint.file.write": "check the path and the disk",
    "hint.file.write-denied": "check the permissions of the file and of its folder {folder}",
    "hint.file.write-no-folder": "the folder {folder} does not exist: create it, or name a file in a "
                                 "folder that does",
    "hint.file.write-not-folder": "{folder} is not a folder (a part of it is a file): check the path",
    "hint.file.write-full": "free some space on the disk (or under your quota), or write the file "
                            "elsewhere",
    "hint.file.write-read-only": "the disk is read-only: write the file elsewhere",
    "hint.file.write-too-large": "the file is larger than the system lets a file be: raise that limit "
                                 "(`ulimit -f`), or write the file elsewhere",
    "hint.file.write-long-name": "name a file with a shorter path",
    "problem.file.replaced": "the file was replaced while it was being opened",
    "hint.file.replaced": "try again",
    "problem.file.changed": "the file changed while it was being read, or its size is not fixed",
    "hint.file.changed": "read a file that is complete, not one still being written",
    "problem.file.kind": "this is {kind}, not a file that can be read",
    "hint.file.kind": "name a regular file",
    "hint.file.kind-folder": "name a file in the folder",
    "problem.file.pseudo": "files under {top} are not data files",
    "hint.file.pseudo": "name a regular file",
    "problem.file.too-large": "the file is {size}, more than the limit of {limit}",
    "hint.file.too-large": "if the file is right, raise the limit: `--max-file-size SIZE`, or "
                           "max_bytes= in Python",
    "problem.file.not-replaceable": "this is {kind}, not a file that can be replaced",
    "hint.file.not-replaceable": "name a regular file; to write to standard output, leave out -o or "
                                 "write `-o -`",
    "problem.file.read-back": "what was written reads back differently",
    "hint.file.read-back": "check the disk",
    "problem.file.input-too-large": "standard input holds more than the limit of {limit}",
    "hint.file.input-too-large": "if the input is right, raise the limit: `--max-file-size SIZE`",
    "problem.file.input-closed": "standard input is closed",
    "hint.file.input-closed": "send the file to standard input (`rk check - < contract.rk`), or name it",
    "kind.folder": "a folder", "kind.fifo": "a named pipe", "kind.device": "a device",
    "kind.socket": "a socket", "kind.other": "not a regular file",
    "problem.lsp.too-large": "this document is too large to check as you type: {size} bytes, and the limit "
                             "is {limit} bytes ({limit_text})",
    "hint.lsp.too-large": "run `rk check` on the file, or raise the limit in the settings the editor starts "
                          "rk lsp with: \"initializationOptions\": {{\"{option}\": {wanted}}} (see docs/editors.md)",
    "problem.lsp.limit": "the setting {option} is {got}, not a whole number of bytes above 0; documents of up "
                         "to {limit} bytes ({limit_text}) are checked as you type",
    "hint.lsp.limit": "write a whole number of bytes, e.g. \"{option}\": 5000000",
    "problem.lsp.params": "{method}: the params are not as the protocol has them: {detail}",
    "problem.lsp.shut-down": "the server has been shut down: it answers no more requests; send exit to end it",
    "problem.lsp.range-outside": "{uri}: a change's range reaches past the document's last line ({lines} lines): "
                                 "taken to its end",
    "problem.lsp.range-reversed": "{uri}: a change's range ends before it starts: taken as the range between the two",
    "problem.lsp.not-open": "{uri}: a change to a document never opened (or closed): left out; open it first",
    "problem.csv.invalid": "the file is not valid CSV: {detail}",
    "hint.csv.invalid": 'a cell in quotes ends with a quote, followed by the delimiter or the end of the '
                        'line; a quote inside it is written twice ("")',
    "problem.csv.key-blank": "every row needs a name in {key} and a value in {column}",
    "hint.csv.key-blank": "fill in the empty cells",
    "problem.csv.key-twice": "{name} appears twice in the column {key}",
    "hint.csv.key-twice": "each row names a different party",
    "problem.csv.columns-shape": '"columns" gives a list of answers per row, but the fact holds {type}',
    "hint.csv.columns-shape": 'read one column with "column", or declare the fact as `list of list of ...`',
    "problem.csv.column-shape": '"column" gives one answer per row, but the fact holds {type}',
    "hint.csv.column-shape": 'read several columns with "columns": [...]',
    "problem.csv.empty": "the file is empty",
    "hint.csv.empty": "the first row names the columns",
    "problem.csv.column-missing": "the column {column} is not in the header",
    "problem.csv.column-twice": "the column {column} appears more than once in the header",
    "hint.csv.columns": "the columns are: {columns}",
    "hint.csv.not-csv": "this file does not look like a CSV export, whose first line names its "
                        "columns, separated by , or ;",
    "problem.csv.row-cells": "this row has {cells} cells, but the header has {header}",
    "hint.csv.row-cells": "every row needs a cell for every column; leave a cell empty for no answer",
    "problem.csv.blank": "no answer in column {column}",
    "hint.csv.blank": "declare the answers `optional` to allow blank cells",
    "problem.csv.cell": "column {column}: {problem}",
    "problem.csv.field": "{field}: {problem}",
    "problem.csv.field-column": "{field} (column {column}): {problem}",
    "problem.csv.field-column-missing": "the column {column} of the field `{field}` is not in the header",
    "problem.csv.field-column-twice": "the column {column} of the field `{field}` appears more than once in "
                                      "the header",
    "hint.csv.record-columns": 'the columns are: {columns}; name a field\'s column with "columns": '
                               '{{"FIELD": "COLUMN"}}',
    "hint.csv.columns-suggest": "did you mean {suggestion}? The columns are: {columns}; name a field's column "
                                'with "columns": {{"FIELD": "COLUMN"}}',
    "problem.csv.stopped": "stopped after {count} problems in this file",
    "problem.csv.unreadable": "cannot read the answers: {problem}",
    "problem.csv.not-utf8": "the file is not UTF-8 text",
    "hint.csv.not-utf8": "export it as CSV UTF-8",
    "problem.xlsx.needs-openpyxl": "reading a workbook (.xlsx) needs the package openpyxl, which is not "
                                   "installed",
    "hint.xlsx.needs-openpyxl": "install resultkontrakt with its xlsx extra: "
                                "pip install 'resultkontrakt[xlsx]'",
    "problem.xlsx.unreadable": "cannot read the answers: {problem}",
    "problem.xlsx.not-xlsx": "the file is not a readable .xlsx workbook",
    "hint.xlsx.not-xlsx": "save it from the spreadsheet as an Excel workbook (.xlsx), without a password",
    "hint.xlsx.text": 'the file holds text: a CSV export is read with {{"csv": "FILE.csv", ...}}',
    "problem.xlsx.unpacks-too-large": "the workbook unpacks to {size}, more than the limit of {limit} "
                                      "(four times the limit for a file)",
    "hint.xlsx.unpacks-too-large": "if the workbook is right, raise the limit: `--max-file-size SIZE`, or "
                                   "max_bytes= in Python",
    "problem.xlsx.too-many-parts": "the workbook is an archive of {count} parts: more than a spreadsheet writes "
                                   "(at most {most})",
    "hint.xlsx.too-many-parts": "this limit cannot be raised: save the workbook again from the spreadsheet, "
                                "or export the answers as CSV",
    "problem.xlsx.packed-too-tightly": "the workbook unpacks to {size}, {times} times its own size: more than a "
                                       "spreadsheet packs (at most {most} times)",
    "hint.xlsx.packed-too-tightly": "this limit cannot be raised: save the workbook again from the spreadsheet, "
                                    "or export the answers as CSV",
    "problem.xlsx.too-many-elements": "the workbook holds more than {limit} XML elements, the most a workbook of "
                                      "{size} may hold",
    "hint.xlsx.too-many-elements": "a workbook may hold {per} XML elements for each byte of its file, and {floor} "
                                   "in any case; a spreadsheet writes fewer, and the limit cannot be raised: save "
                                   "the workbook again from the spreadsheet, or export the answers as CSV",
    "problem.xlsx.too-much-besides-cells": "the workbook's styles and other parts besides its cells hold more "
                                           "than {limit} XML elements (passed in {part})",
    "hint.xlsx.too-much-besides-cells": "this limit cannot be raised: copy the answers into a new workbook, which "
                                        "leaves the old styles behind, or export them as CSV",
    "problem.xlsx.text-too-long": "the workbook holds a text of more than {limit} characters, more than a "
                                  "spreadsheet keeps in a cell (in {part})",
    "hint.xlsx.text-too-long": "this limit cannot be raised: shorten the text, or export the answers as CSV",
    "problem.xlsx.row-too-large": "a row of the workbook holds more than {columns} cells or {elements} XML "
                                  "elements, more than a spreadsheet writes in a row ({part}, row {row})",
    "hint.xlsx.row-too-large": "save the workbook again from the spreadsheet, or export the answers as CSV",
    "problem.xlsx.text-too-large": "a shared text of the workbook is made of more than {elements} XML elements, "
                                   "more than a spreadsheet writes in a text (in {part})",
    "hint.xlsx.text-too-large": "save the workbook again from the spreadsheet, or export the answers as CSV",
    "problem.xlsx.too-much-text": "the workbook holds more than {limit} characters of text, the most a workbook "
                                  "of {size} may hold",
    "hint.xlsx.too-much-text": "a workbook may hold {per} characters of text for each byte of its file, and {floor} "
                               "in any case; a spreadsheet packs text less tightly, and the limit cannot be "
                               "raised: export the answers as CSV",
    "problem.xlsx.which-sheet": "the workbook has several sheets: {sheets}",
    "hint.xlsx.which-sheet": 'say which to read: "sheet": "NAME"',
    "problem.xlsx.sheet-missing": "the workbook has no sheet {sheet}",
    "hint.xlsx.sheets": "its sheets are: {sheets}",
    "problem.xlsx.too-many-rows": "the sheet {sheet} goes on past row {rows}, the last row of a spreadsheet",
    "hint.xlsx.too-many-rows": "save the workbook again from the spreadsheet, or export the answers as CSV",
    "problem.xlsx.too-many-cells": "the sheet {sheet} holds more than {cells} cells",
    "hint.xlsx.too-many-cells": "read the answers from a sheet that holds only them, or from a CSV export",
    "problem.xlsx.row-order": "the sheet {sheet} lists row {row} after row {previous}",
    "problem.xlsx.row-twice": "the sheet {sheet} lists row {row} twice",
    "problem.xlsx.cell-order": "the sheet {sheet} lists the cell {cell} after {before}",
    "problem.xlsx.cell-twice": "the sheet {sheet} lists the cell {cell} twice",
    "problem.xlsx.cell-misplaced": "the sheet {sheet} lists the cell {cell} in row {previous}",
    "hint.xlsx.order": "a spreadsheet writes each row and each cell once, in order, and this sheet would be read "
                       "wrong: open the workbook in a spreadsheet and save it again, or export the answers as CSV",
    "problem.xlsx.empty": "the sheet {sheet} is empty",
    "hint.xlsx.empty": "the sheet's first row that is not empty names the columns",
    "problem.xlsx.column-missing": "the column {column} is not in the header of the sheet {sheet} "
                                   "(row {row})",
    "problem.xlsx.column-twice": "the column {column} appears more than once in the header of the sheet "
                                 "{sheet} (row {row})",
    "hint.xlsx.columns": "the header is the sheet's first row that is not empty; its columns are: {columns}",
    "problem.xlsx.columns-shape": '"columns" gives a list of answers per row, but the fact holds {type}',
    "hint.xlsx.columns-shape": 'read one column with "column", or declare the fact as '
                               '`list of list of ...`',
    "problem.xlsx.column-shape": '"column" gives one answer per row, but the fact holds {type}',
    "hint.xlsx.column-shape": 'read several columns with "columns": [...]',
    "problem.xlsx.cell": "{cell}: column {column}: {problem}",
    "problem.xlsx.field": "{cell}: {field}: {problem}",
    "problem.xlsx.field-column": "{cell}: {field} (column {column}): {problem}",
    "problem.xlsx.field-column-missing": "the column {column} of the field `{field}` is not in the header of "
                                         "the sheet {sheet} (row {row})",
    "problem.xlsx.field-column-twice": "the column {column} of the field `{field}` appears more than once in "
                                       "the header of the sheet {sheet} (row {row})",
    "hint.xlsx.record-columns": "the header is the sheet's first row that is not empty; its columns are: "
                                '{columns}; name a field\'s column with "columns": {{"FIELD": "COLUMN"}}',
    "hint.xlsx.columns-suggest": "did you mean {suggestion}? The header is the sheet's first row that is not "
                                 'empty; its columns are: {columns}; name a field\'s column with "columns": '
                                 '{{"FIELD": "COLUMN"}}',
    "problem.xlsx.blank": "{cell}: no answer in column {column}",
    "hint.xlsx.blank": "declare the answers `optional` to allow empty cells",
    "problem.xlsx.no-result": "{cell}: the formula in column {column} has no saved result",
    "hint.xlsx.no-result": "the workbook was written by a program and never calculated: open it in a "
                           "spreadsheet and save it, so that the result of each formula is saved with it",
    "problem.xlsx.key-blank": "{cell}: every row needs a name in {key} and a value in {column}",
    "hint.xlsx.key-blank": "fill in the empty cells",
    "problem.xlsx.key-twice": "{cell}: {name} appears twice in the column {key}",
    "hint.xlsx.key-twice": "each row names a different party",
    "problem.xlsx.stopped": "stopped after {count} problems in this sheet",
    # ---- a signed .docx read back (`rk draft --check`, drafting/reading.py and check.py) ----
    "problem.draft.unreadable": "cannot read the signed document {file}: {problem}",
    "problem.draft.not-docx": "{file} is not a Word document (.docx) that can be read",
    "hint.draft.not-docx": "save it from Word as a Word document (.docx), without a password",
    "hint.draft.stretch": "it holds more than a megabyte without an XML tag, which Word never writes: save it "
                          "again from Word as a Word document (.docx)",
    "problem.draft.no-document": "{file} is a zip archive, but no Word document: it holds no word/document.xml",
    "hint.draft.no-document": "save it from Word as a Word document (.docx)",
    "problem.draft.too-many-parts": "{file} is an archive of {count} parts: more than a word processor writes "
                                    "(at most {most})",
    "hint.draft.too-many-parts": "this limit cannot be raised: save the document again from Word",
    "problem.draft.packed-too-tightly": "{file} unpacks to {size}, {times} times its own size: more than a word "
                                        "processor packs (at most {most} times)",
    "hint.draft.packed-too-tightly": "this limit cannot be raised: save the document again from Word",
    "problem.draft.unpacks-too-large": "{file} unpacks to {size}, more than the limit of {limit} (four times "
                                       "the limit for a file)",
    "hint.draft.unpacks-too-large": "if the document is right, raise the limit: `--max-file-size SIZE`, or "
                                    "max_size= in Python",
    "problem.draft.entities": "{file} declares XML entities (a DTD), which no Word document does, and which "
                              "could expand without end",
    "hint.draft.entities": "it was not saved by Word: open it in Word and save it again as a Word document (.docx)",
    "problem.draft.too-many-elements": "{file} holds more than {limit} XML elements, more than a Word document "
                                       "of its size",
    "hint.draft.too-many-elements": "a document may hold {per} XML elements for each byte of its file, and "
                                    "{floor} at least: save it again from Word",
    "problem.draft.too-much-text": "the drafted terms of {file} hold more than {limit} characters",
    "hint.draft.too-much-text": "a document's terms may hold {per} characters for each byte of its file, and "
                                "{floor} at least: draft it again with `rk draft`",
    "problem.draft.no-marks": "{file} is not a draft of a contract: it holds no drafted terms (Word bookmarks "
                              "named rk_…)",
    "hint.draft.no-marks": "draft it with `rk draft CONTRACT.rk --format docx`, and sign and check that "
                           "document: a document written by hand cannot be checked",
    "problem.draft.mark-unended": "the drafted term {mark} in {file} has a start but no end",
    "hint.draft.mark-unended": "its bookmark was damaged: draft the document again with `rk draft`, or in Word "
                               "add the bookmark {mark} again around the term (Insert > Bookmark)",
    "problem.draft.mark-twice": "the drafted term {mark} stands twice in {file}",
    "hint.draft.mark-twice": "Word keeps one bookmark of each name, so the document was edited outside Word: "
                             "draft it again with `rk draft`",
    "problem.draft.too-many-marks": "{file} holds more than {most} drafted terms, more than any contract is "
                                    "drafted with",
    "hint.draft.too-many-marks": "draft the document again with `rk draft`",
    "draft.check.same": "The signed document says what the rules say.",
    "draft.check.summary": "{count} term of the signed document differs from the rules|{count} terms of the "
                           "signed document differ from the rules",
    "draft.check.count.changed": "{count} changed",
    "draft.check.count.not-in-document": "{count} not in the document",
    "draft.check.count.not-in-rules": "{count} no longer in the rules",
    "draft.check.changed": "{title}: changed in the document",
    "draft.check.not-in-document": "{title}: in the rules, but not in the document (added to the rules since "
                                   "the document was drafted, or deleted from the document)",
    "draft.check.not-in-rules": "{title}: in the document, but no longer in the rules",
    "draft.check.added": "added: {signed}",
    "draft.check.left-out": "left out: {drafted}",
    "draft.check.rules": "the rules say:",
    "draft.check.document": "the document says:",
    "draft.check.term": "a drafted term",
    "problem.split.not-given": "split `{split}` takes its weights from the fact `{fact}`, which is not given",
    "hint.split.not-given": "pass the facts: rk split CONTRACT --facts FACTS.json",
    "problem.split.negative": "{fact}[{party}]: the weight {weight} is negative",
    "hint.split.negative": "a weight is a population or another amount of zero or more",
    "problem.split.total-needs-facts": "the total of split `{split}` is worked out from the facts",
    "hint.split.total-needs-facts": "give the facts: rk split CONTRACT --facts FACTS.json",
    "problem.split.total-not-evaluable": "the total of split `{split}` cannot be worked out from these "
                                         "facts: {reason}",
    "hint.split.total-not-evaluable": "rk eval with the same files shows every goal and payment it reads",
    "problem.split.party-missing": "{fact}: {party} is listed in split `{split}`'s parties but has no weight",
    "hint.split.party-missing": "give every party listed in the split a weight in the table",
    "problem.split.party-unlisted": "{fact}: {party} has a weight but is not one of split `{split}`'s parties",
    "hint.split.party-unlisted": "remove it from the table, or list it in the split's `parties`",
    "problem.split.zero": "every weight in `{fact}` is zero, so nothing can be shared out",
    "hint.split.zero": "give at least one party a weight above zero",
    "problem.split.denominator": "the weights in `{fact}` are fractions whose common denominator is too "
                                 "large to work with",
    "hint.split.denominator": "give the weights as decimals or whole numbers",
    "got.text": "the text {text}", "got.number": "{text}", "got.true": "true", "got.false": "false",
    "got.list": "a list", "got.object": "an object", "got.big": "a whole number of about {text} digits",
    "got.type": "a value of type {text}", "got.date": "the date {text}",
}

PROBLEMS_DA: dict[str, str] = {
    "problem.fact-value": "{fact}{path}: {problem}",
    "problem.fact-in-file": "{fact}: {file} linje {line}: {problem}",
    "problem.fact-in-file-more": "{fact}: {file} linje {line}: {problem} (og {more} problem mere i filen)"
                                 "|{fact}: {file} linje {line}: {problem} (og {more} problemer mere i filen)",
    "problem.fact-in-cell": "{fact}: {file}:{problem}",
    "problem.fact-in-cell-more": "{fact}: {file}:{problem} (og {more} problem mere i projektmappen)"
                                 "|{fact}: {file}:{problem} (og {more} problemer mere i projektmappen)",
    "problem.fact-in-workbook": "{fact}: {file}: {problem}",
    "problem.fact-in-workbook-more": "{fact}: {file}: {problem} (og {more} problem mere i projektmappen)"
                                     "|{fact}: {file}: {problem} (og {more} problemer mere i projektmappen)",
    "problem.name-broken": "et faktumnavn indeholder et ødelagt tegn (en enlig surrogat)",
    "hint.name-broken": "skriv faktummets navn, som kontrakten erklærer det",
    "problem.name-not-text": "et faktumnavn skal være tekst, ikke {got}",
    "problem.unknown-fact": "ukendt faktum `{name}`",
    "hint.unknown-fact": "erklær det i kontrakten, eller fjern det",
    "hint.suggest": "mente du `{suggestion}`?",
    "problem.more-unknown": "og {count} ukendt faktum mere|og {count} ukendte fakta mere",
    "hint.more-unknown": "hører denne faktafil til denne kontrakt?",
    "problem.unknown-metric": "ukendt nøgletal `{name}`",
    "hint.unknown-metric": "kun kontraktens nøgletal kan få en værdi",
    "problem.expected-table": "forventede en tabel fra navn til værdi, men fik {got}",
    "hint.expected-table": 'skriv et objekt som {{"Morsø": 20514, "Thisted": 43716}}',
    "problem.table-name": "et navn i en tabel skal være tekst, ikke {got}",
    "problem.table-name-broken": "et navn i tabellen indeholder et ødelagt tegn (en enlig surrogat)",
    "hint.table-name-broken": "gem fakta som UTF-8, og kontrollér navnene",
    "problem.named-twice": "{name} er nævnt to gange",
    "hint.named-twice": "nævn hver part én gang",
    "problem.expected-list": "forventede en liste, men fik {got}",
    "hint.expected-list": 'skriv en liste som [9, 10, 7], eller læs en CSV-fil: '
                          '{{"csv": "svar.csv", "column": "NAVN"}}',
    "problem.blank-answer": "et tomt svar",
    "hint.blank-answer": "giv alle svar, eller erklær svarene `optional` i kontrakten for at tillade "
                         "tomme svar",
    "problem.expected-records": "forventede en liste af records, men fik {got}",
    "hint.expected-records": 'skriv ét objekt pr. række med felterne {fields}: [{{"NAVN": VÆRDI, ...}}, ...]; '
                             'eller læs rækkerne fra en fil: {{"csv": "FIL.csv"}}',
    "problem.record.not-an-object": "forventede en record, men fik {got}",
    "hint.record.not-an-object": 'skriv rækken som et objekt med felterne {fields}: {{"NAVN": VÆRDI, ...}}',
    "problem.record.key-not-text": "et felts navn skal være tekst, ikke {got}",
    "hint.record.key-not-text": "navngiv felterne, som kontrakten erklærer dem",
    "problem.record.unknown-field": "recorden har intet felt {name}",
    "hint.record.fields": "felterne er: {fields}",
    "hint.record.fields-suggest": "mente du `{suggestion}`? Felterne er: {fields}",
    "problem.record.missing-field": "feltet `{field}` mangler",
    "hint.record.missing-field": "giv hver række hvert af felterne {fields}, eller erklær feltet "
                                 "`optional` i kontrakten for at tillade rækker uden det",
    "problem.record.blank": "ingen værdi",
    "hint.record.blank": "giv feltet en værdi i hver række, eller erklær det `optional` i kontrakten "
                         "for at tillade tomme felter",
    "problem.out-of-range": "{value} ligger uden for intervallet {low} .. {high}",
    "hint.range": "kontrollér målingen, eller udvid intervallet i kontrakten",
    "hint.range-given": "giv en værdi inden for intervallet",
    "problem.expected-number": "forventede et tal, men fik {got}",
    "hint.expected-number": "skriv et tal, fx 62.4",
    "problem.expected-whole": "forventede et helt tal, men fik {got}",
    "problem.expected-percent": "forventede en procentsats, men fik {got}",
    "hint.expected-percent": 'skriv en procentsats som "72%" eller som andelen 0.72',
    "problem.not-a-share": "{shown} er ikke en andel: et procentfaktum er en andel fra 0 til 1, så "
                           "{shown} ville betyde {percent}",
    "hint.not-a-share": 'skriv "{json}%" eller {share}',
    "problem.expected-money": "forventede et beløb, men fik {got}",
    "problem.range.currency": "intervallet for `{fact}` er skrevet i {written}, men faktummet er beløb i {currency}",
    "hint.range.currency": "skriv begge grænser i {currency}, fx `in 0 {currency} .. 1 mio {currency}`",
    "problem.expected-rate": "forventede en kurs over nul (`{rate}`), men fik {got}",
    "hint.expected-rate": "skriv kursen som et tal: 7.4604 for 7,4604 kr per EUR",
    "problem.money-currency": "{text} er ikke i {currency}, som denne fact er i",
    "hint.money-currency": "angiv beløbet i {currency} som et tal; omregn det i kontrakten med "
                           "`convert(BELØB, KURS)`, hvis det kommer i en anden valuta",
    "hint.expected-money": 'skriv kroner som et tal eller som tekst, fx "576 tkr"',
    "hint.expected-money-in": 'skriv beløbet i {currency} som et tal eller som tekst, fx "576 {currency}"',
    "problem.expected-bool": "forventede true eller false, men fik {got}",
    "hint.expected-bool": "skriv true eller false",
    "problem.expected-text": "forventede en tekst, men fik {got}",
    "hint.expected-text": 'skriv den i anførselstegn: "..."',
    "problem.broken-text": "teksten indeholder et ødelagt tegn (en enlig surrogat)",
    "hint.broken-text": "gem fakta som UTF-8, og kontrollér teksten",
    "problem.cannot-give": "værdier af typen {type} kan endnu ikke gives",
    "problem.not-a-choice": "{answer} er ikke et af de mulige svar",
    "hint.not-a-choice": "svarene er: {choices}",
    "problem.not-in-calendar": "{date} findes ikke i kalenderen",
    "hint.not-in-calendar": 'skriv en rigtig dato som "ÅR-MÅNED-DAG"',
    "problem.expected-date": "forventede en dato, men fik {got}",
    "hint.expected-date": 'skriv en dato som "2019-12-31"',
    "problem.deliverable-value": "en leverance er true, false eller datoen, den blev leveret; fik {got}",
    "hint.deliverable-value": 'skriv true, false eller en dato som "2019-11-30"',
    "problem.not-finite": "{text} er ikke et tal, et faktum kan have",
    "hint.not-finite": "skriv et endeligt tal",
    "problem.unclear": "{text} er tvetydigt: {first}, hvis `{separator}` adskiller tusinder, og {second}, "
                       "hvis det er decimaltegnet",
    "hint.unclear-text": "skriv {thousands} eller {decimals}: uden tegn mellem tusinder og med "
                         "decimalpunktum",
    "hint.unclear-cell": 'angiv, hvordan filen skriver tal: tilføj "decimal": "," til henvisningen i '
                         "faktafilen (decimalkomma og punktum mellem tusinder, som danske regneark "
                         'skriver dem), eller "decimal": "."',
    "problem.number.too-many-digits": "et tal må højst have {digits} cifre",
    "hint.number.too-many-digits": "skriv et tal af rimelig størrelse",
    "problem.number.out-of-range": "tallet er for stort eller for lille (mere end {digits} cifre før "
                                   "eller efter kommaet)",
    "hint.number.out-of-range": "skriv et tal af rimelig størrelse",
    "problem.number.not-a-number": "ikke et tal: {text}",
    "hint.number.not-a-number": "skriv et tal som 62.4 eller 62,4",
    "problem.number.not-finite": "{text} er ikke et tal, et faktum kan have",
    "hint.number.not-finite": "skriv et endeligt decimaltal",
    "problem.number.decimal-sign": "{text} er ikke et tal skrevet med `{separator}` som decimaltegn",
    "problem.number.thousands": "{text} er ikke et tal: `{separator}` må kun adskille tusinder, i "
                                "grupper af tre cifre",
    "problem.csv-for-one-value": "en CSV-fil giver en liste eller en tabel, men `{fact}` er {type}",
    "hint.csv-for-one-value": "erklær det som `list of {type}`",
    "problem.xlsx-for-one-value": "en kolonne i en projektmappe giver en liste eller en tabel, men `{fact}` "
                                  "er {type}",
    "hint.xlsx-for-one-value": "erklær det som `list of {type}`",
    "problem.table-needs-key": '`{fact}` er {type}: angiv kolonnen med navne med "key"',
    "problem.list-has-key": '`{fact}` er {type}: en liste læses uden "key"',
    "problem.reference.csv": 'en tabel af svar skrives {{"csv": "FIL.csv", "column": "NAVN"}}',
    "problem.reference.unknown-key": 'ukendt nøgle {key} i en henvisning til en tabel; brug "csv" (eller '
                                     '"xlsx" og "sheet") med "column" eller "columns" (og "key" for en '
                                     'tabel, "decimal" for decimaltegnet)',
    "problem.reference.xlsx": 'en kolonne i en projektmappe læses som {{"xlsx": "FIL.xlsx", "sheet": '
                              '"ARK", "column": "NAVN"}}',
    "problem.reference.sheet": '"sheet" er navnet på et ark i projektmappen, i anførselstegn',
    "problem.reference.decimal": '"decimal" er det decimaltegn, filen skriver tal med: "," eller "."',
    "problem.reference.key": 'en tabel læses som {{"csv": "FIL.csv", "key": "NAVNEKOLONNE", '
                             '"column": "VÆRDIER"}}',
    "problem.reference.which": 'angiv, hvilke svar der skal læses: "column": "NAVN" eller '
                               '"columns": ["A", "B", ...]',
    "problem.reference.column": '"column" er navnet på én kolonne, i anførselstegn',
    "problem.reference.columns": '"columns" er en liste af kolonnenavne: ["q1", "q2", ...]',
    "problem.reference.record-columns": 'rækker af records læses som {{"csv": "FIL.csv", "columns": '
                                        '{{"FELT": "KOLONNE", ...}}}}: "columns" angiver kolonnen for et felt, '
                                        "hvis kolonne har et andet navn",
    "problem.reference.record-unknown-key": 'ukendt nøgle {key} i en henvisning til rækker af records; brug "csv" '
                                            '(eller "xlsx" og "sheet"), "columns" og "decimal"',
    "problem.reference.record-field": '"columns" angiver kolonnen for {name}, som ikke er et felt i recorden; '
                                      "dens felter er: {fields}",
    "problem.reference.record-column-shared": "felterne `{first}` og `{second}` ville begge læse kolonnen "
                                              '{column}: giv hvert felt sin egen kolonne i "columns"',
    "problem.file.nul": "filnavnet indeholder et NUL-tegn",
    "hint.file.nul": "skriv filens navn, som det er",
    "problem.file.outside": "{reference} ligger uden for mappen {root}, og fakta må kun henvise til "
                            "filer i faktafilens mappe",
    "hint.file.outside": "flyt filen ind i mappen, eller tillad en større mappe, der rummer begge: "
                         "`rk eval ... --data-dir MAPPE`, eller data_dir=MAPPE i Python",
    "problem.file.os": "filen kan ikke læses ({reason})",
    "hint.file.os": "kontrollér stien og filens rettigheder",
    "problem.file.write": "filen kan ikke skrives ({reason})",
    "hint.file.write": "kontrollér stien og disken",
    "hint.file.write-denied": "kontrollér rettighederne til filen og til dens mappe {folder}",
    "hint.file.write-no-folder": "mappen {folder} findes ikke: opret den, eller angiv en fil i en mappe, "
                                 "der findes",
    "hint.file.write-not-folder": "{folder} er ikke en mappe (en del af den er en fil): kontrollér stien",
    "hint.file.write-full": "frigør plads på disken (eller i din kvote), eller skriv filen et andet sted",
    "hint.file.write-read-only": "disken er skrivebeskyttet: skriv filen et andet sted",
    "hint.file.write-too-large": "filen er større, end systemet tillader en fil at være: hæv grænsen "
                                 "(`ulimit -f`), eller skriv filen et andet sted",
    "hint.file.write-long-name": "angiv en fil med en kortere sti",
    "problem.file.replaced": "filen blev udskiftet, mens den blev åbnet",
    "hint.file.replaced": "prøv igen",
    "problem.file.changed": "filen ændrede sig, mens den blev læst, eller dens størrelse ligger ikke fast",
    "hint.file.changed": "læs en færdig fil, ikke en, der stadig bliver skrevet",
    "problem.file.kind": "dette er {kind}, ikke en fil, der kan læses",
    "hint.file.kind": "angiv en almindelig fil",
    "hint.file.kind-folder": "angiv en fil i mappen",
    "problem.file.pseudo": "filer under {top} er ikke datafiler",
    "hint.file.pseudo": "angiv en almindelig fil",
    "problem.file.too-large": "filen fylder {size}, mere end grænsen på {limit}",
    "hint.file.too-large": "hvis filen er rigtig, så hæv grænsen: `--max-file-size STØRRELSE`, eller "
                           "max_bytes= i Python",
    "problem.file.not-replaceable": "dette er {kind}, ikke en fil, der kan erstattes",
    "hint.file.not-replaceable": "angiv en almindelig fil; for at skrive til standard-output, så udelad -o "
                                 "eller skriv `-o -`",
    "problem.file.read-back": "det skrevne læses anderledes tilbage",
    "hint.file.read-back": "kontrollér disken",
    "problem.file.input-too-large": "standardinput indeholder mere end grænsen på {limit}",
    "hint.file.input-too-large": "hvis input er rigtigt, så hæv grænsen: `--max-file-size STØRRELSE`",
    "problem.file.input-closed": "standardinput er lukket",
    "hint.file.input-closed": "send filen til standardinput (`rk check - < kontrakt.rk`), eller navngiv den",
    "kind.folder": "en mappe", "kind.fifo": "et navngivet rør", "kind.device": "en enhed",
    "kind.socket": "en socket", "kind.other": "ikke en almindelig fil",
    "problem.lsp.too-large": "dokumentet er for stort til at blive tjekket, mens du skriver: {size} byte, og "
                             "grænsen er {limit} byte ({limit_text})",
    "hint.lsp.too-large": "kør `rk check` på filen, eller hæv grænsen i de indstillinger, editoren starter "
                          "rk lsp med: \"initializationOptions\": {{\"{option}\": {wanted}}} (se docs/editors.md)",
    "problem.lsp.limit": "indstillingen {option} er {got}, ikke et helt antal byte over 0; dokumenter på op til "
                         "{limit} byte ({limit_text}) tjekkes, mens du skriver",
    "hint.lsp.limit": "skriv et helt antal byte, fx \"{option}\": 5000000",
    "problem.lsp.params": "{method}: params er ikke, som protokollen har dem: {detail}",
    "problem.lsp.range-outside": "{uri}: en ændrings område når ud over dokumentets sidste linje ({lines} linjer): "
                                 "taget til dets slutning",
    "problem.lsp.range-reversed": "{uri}: en ændrings område ender, før det begynder: taget som området mellem de to",
    "problem.lsp.not-open": "{uri}: en ændring af et dokument, der aldrig er åbnet (eller er lukket): udeladt; åbn det først",
    "problem.lsp.shut-down": "serveren er lukket ned: den svarer ikke på flere anmodninger; send exit for at "
                             "afslutte den",
    "problem.csv.invalid": "filen er ikke gyldig CSV: {detail}",
    "hint.csv.invalid": 'en celle i anførselstegn slutter med et anførselstegn efterfulgt af skilletegnet '
                        'eller linjens slutning; et anførselstegn inde i den skrives to gange ("")',
    "problem.csv.key-blank": "hver række skal have et navn i {key} og en værdi i {column}",
    "hint.csv.key-blank": "udfyld de tomme celler",
    "problem.csv.key-twice": "{name} står to gange i kolonnen {key}",
    "hint.csv.key-twice": "hver række skal nævne en anden part",
    "problem.csv.columns-shape": '"columns" giver en liste af svar pr. række, men faktummet er {type}',
    "hint.csv.columns-shape": 'læs én kolonne med "column", eller erklær faktummet som '
                              '`list of list of ...`',
    "problem.csv.column-shape": '"column" giver ét svar pr. række, men faktummet er {type}',
    "hint.csv.column-shape": 'læs flere kolonner med "columns": [...]',
    "problem.csv.empty": "filen er tom",
    "hint.csv.empty": "første række navngiver kolonnerne",
    "problem.csv.column-missing": "kolonnen {column} findes ikke i overskriften",
    "problem.csv.column-twice": "kolonnen {column} står mere end én gang i overskriften",
    "hint.csv.columns": "kolonnerne er: {columns}",
    "hint.csv.not-csv": "filen ligner ikke en CSV-eksport, hvis første linje navngiver kolonnerne "
                        "adskilt af , eller ;",
    "problem.csv.row-cells": "rækken har {cells} celler, men overskriften har {header}",
    "hint.csv.row-cells": "hver række skal have en celle for hver kolonne; lad en celle stå tom, hvis "
                          "der ikke er svar",
    "problem.csv.blank": "intet svar i kolonnen {column}",
    "hint.csv.blank": "erklær svarene `optional` for at tillade tomme celler",
    "problem.csv.cell": "kolonnen {column}: {problem}",
    "problem.csv.field": "{field}: {problem}",
    "problem.csv.field-column": "{field} (kolonnen {column}): {problem}",
    "problem.csv.field-column-missing": "kolonnen {column} til feltet `{field}` findes ikke i overskriften",
    "problem.csv.field-column-twice": "kolonnen {column} til feltet `{field}` står mere end én gang i "
                                      "overskriften",
    "hint.csv.record-columns": 'kolonnerne er: {columns}; angiv et felts kolonne med "columns": '
                               '{{"FELT": "KOLONNE"}}',
    "hint.csv.columns-suggest": 'mente du {suggestion}? Kolonnerne er: {columns}; angiv et felts kolonne '
                                'med "columns": {{"FELT": "KOLONNE"}}',
    "problem.csv.stopped": "stoppede efter {count} problemer i denne fil",
    "problem.csv.unreadable": "svarene kan ikke læses: {problem}",
    "problem.csv.not-utf8": "filen er ikke UTF-8-tekst",
    "hint.csv.not-utf8": "eksportér den som CSV UTF-8",
    "problem.xlsx.needs-openpyxl": "en projektmappe (.xlsx) kan kun læses med pakken openpyxl, som ikke er "
                                   "installeret",
    "hint.xlsx.needs-openpyxl": "installér resultkontrakt med tilføjelsen xlsx: "
                                "pip install 'resultkontrakt[xlsx]'",
    "problem.xlsx.unreadable": "svarene kan ikke læses: {problem}",
    "problem.xlsx.not-xlsx": "filen er ikke en projektmappe (.xlsx), der kan læses",
    "hint.xlsx.not-xlsx": "gem den fra regnearket som Excel-projektmappe (.xlsx), uden adgangskode",
    "hint.xlsx.text": 'filen indeholder tekst: en CSV-eksport læses med {{"csv": "FIL.csv", ...}}',
    "problem.xlsx.unpacks-too-large": "projektmappen fylder {size} udpakket, mere end grænsen på {limit} "
                                      "(fire gange grænsen for en fil)",
    "hint.xlsx.unpacks-too-large": "hvis projektmappen er rigtig, så hæv grænsen: `--max-file-size "
                                   "STØRRELSE`, eller max_bytes= i Python",
    "problem.xlsx.too-many-parts": "projektmappen er et arkiv med {count} dele: flere end et regneark skriver "
                                   "(højst {most})",
    "hint.xlsx.too-many-parts": "denne grænse kan ikke hæves: gem projektmappen igen fra regnearket, eller "
                                "eksportér svarene som CSV",
    "problem.xlsx.packed-too-tightly": "projektmappen fylder {size} udpakket, {times} gange sin egen størrelse: "
                                       "mere end et regneark pakker (højst {most} gange)",
    "hint.xlsx.packed-too-tightly": "denne grænse kan ikke hæves: gem projektmappen igen fra regnearket, eller "
                                    "eksportér svarene som CSV",
    "problem.xlsx.too-many-elements": "projektmappen indeholder mere end {limit} XML-elementer, det højeste en "
                                      "projektmappe på {size} må indeholde",
    "hint.xlsx.too-many-elements": "en projektmappe må indeholde {per} XML-elementer pr. byte i filen og {floor} "
                                   "under alle omstændigheder; et regneark skriver færre, og grænsen kan ikke hæves: "
                                   "gem projektmappen igen fra regnearket, eller eksportér svarene som CSV",
    "problem.xlsx.too-much-besides-cells": "projektmappens typografier og andre dele end cellerne indeholder "
                                           "mere end {limit} XML-elementer (overskredet i {part})",
    "hint.xlsx.too-much-besides-cells": "denne grænse kan ikke hæves: kopiér svarene over i en ny projektmappe, "
                                        "som ikke tager de gamle typografier med, eller eksportér dem som CSV",
    "problem.xlsx.text-too-long": "projektmappen indeholder en tekst på mere end {limit} tegn, flere end et "
                                  "regneark gemmer i en celle (i {part})",
    "hint.xlsx.text-too-long": "denne grænse kan ikke hæves: forkort teksten, eller eksportér svarene som CSV",
    "problem.xlsx.row-too-large": "en række i projektmappen har mere end {columns} celler eller {elements} "
                                  "XML-elementer, flere end et regneark skriver i en række ({part}, række {row})",
    "hint.xlsx.row-too-large": "gem projektmappen igen fra regnearket, eller eksportér svarene som CSV",
    "problem.xlsx.text-too-large": "en delt tekst i projektmappen består af mere end {elements} XML-elementer, "
                                   "flere end et regneark skriver i en tekst (i {part})",
    "hint.xlsx.text-too-large": "gem projektmappen igen fra regnearket, eller eksportér svarene som CSV",
    "problem.xlsx.too-much-text": "projektmappen indeholder mere end {limit} tegn tekst, det højeste en "
                                  "projektmappe på {size} må indeholde",
    "hint.xlsx.too-much-text": "en projektmappe må indeholde {per} tegn tekst pr. byte i filen og {floor} under "
                               "alle omstændigheder; et regneark pakker tekst mindre tæt, og grænsen kan ikke "
                               "hæves: eksportér svarene som CSV",
    "problem.xlsx.which-sheet": "projektmappen har flere ark: {sheets}",
    "hint.xlsx.which-sheet": 'angiv, hvilket der skal læses: "sheet": "NAVN"',
    "problem.xlsx.sheet-missing": "projektmappen har intet ark {sheet}",
    "hint.xlsx.sheets": "dens ark er: {sheets}",
    "problem.xlsx.too-many-rows": "arket {sheet} fortsætter efter række {rows}, et regnearks sidste række",
    "hint.xlsx.too-many-rows": "gem projektmappen igen fra regnearket, eller eksportér svarene som CSV",
    "problem.xlsx.too-many-cells": "arket {sheet} har mere end {cells} celler",
    "hint.xlsx.too-many-cells": "læs svarene fra et ark, der kun indeholder dem, eller fra en CSV-eksport",
    "problem.xlsx.row-order": "arket {sheet} har række {row} efter række {previous}",
    "problem.xlsx.row-twice": "arket {sheet} har række {row} to gange",
    "problem.xlsx.cell-order": "arket {sheet} har cellen {cell} efter {before}",
    "problem.xlsx.cell-twice": "arket {sheet} har cellen {cell} to gange",
    "problem.xlsx.cell-misplaced": "arket {sheet} har cellen {cell} i række {previous}",
    "hint.xlsx.order": "et regneark skriver hver række og hver celle én gang og i rækkefølge, og dette ark ville "
                       "blive læst forkert: åbn projektmappen i et regneark og gem den igen, eller eksportér "
                       "svarene som CSV",
    "problem.xlsx.empty": "arket {sheet} er tomt",
    "hint.xlsx.empty": "arkets første række, der ikke er tom, navngiver kolonnerne",
    "problem.xlsx.column-missing": "kolonnen {column} findes ikke i overskriften i arket {sheet} "
                                   "(række {row})",
    "problem.xlsx.column-twice": "kolonnen {column} står mere end én gang i overskriften i arket {sheet} "
                                 "(række {row})",
    "hint.xlsx.columns": "overskriften er arkets første række, der ikke er tom; dens kolonner er: "
                         "{columns}",
    "problem.xlsx.columns-shape": '"columns" giver en liste af svar pr. række, men faktummet er {type}',
    "hint.xlsx.columns-shape": 'læs én kolonne med "column", eller erklær faktummet som '
                               '`list of list of ...`',
    "problem.xlsx.column-shape": '"column" giver ét svar pr. række, men faktummet er {type}',
    "hint.xlsx.column-shape": 'læs flere kolonner med "columns": [...]',
    "problem.xlsx.cell": "{cell}: kolonnen {column}: {problem}",
    "problem.xlsx.field": "{cell}: {field}: {problem}",
    "problem.xlsx.field-column": "{cell}: {field} (kolonnen {column}): {problem}",
    "problem.xlsx.field-column-missing": "kolonnen {column} til feltet `{field}` findes ikke i overskriften i "
                                         "arket {sheet} (række {row})",
    "problem.xlsx.field-column-twice": "kolonnen {column} til feltet `{field}` står mere end én gang i "
                                       "overskriften i arket {sheet} (række {row})",
    "hint.xlsx.record-columns": "overskriften er arkets første række, der ikke er tom; dens kolonner er: "
                                '{columns}; angiv et felts kolonne med "columns": {{"FELT": "KOLONNE"}}',
    "hint.xlsx.columns-suggest": "mente du {suggestion}? Overskriften er arkets første række, der ikke er "
                                 'tom; dens kolonner er: {columns}; angiv et felts kolonne med "columns": '
                                 '{{"FELT": "KOLONNE"}}',
    "problem.xlsx.blank": "{cell}: intet svar i kolonnen {column}",
    "hint.xlsx.blank": "erklær svarene `optional` for at tillade tomme celler",
    "problem.xlsx.no-result": "{cell}: formlen i kolonnen {column} har intet gemt resultat",
    "hint.xlsx.no-result": "projektmappen er skrevet af et program og aldrig beregnet: åbn den i et "
                           "regneark, og gem den, så hver formels resultat gemmes med den",
    "problem.xlsx.key-blank": "{cell}: hver række skal have et navn i {key} og en værdi i {column}",
    "hint.xlsx.key-blank": "udfyld de tomme celler",
    "problem.xlsx.key-twice": "{cell}: {name} står to gange i kolonnen {key}",
    "hint.xlsx.key-twice": "hver række skal nævne en anden part",
    "problem.xlsx.stopped": "stoppede efter {count} problemer i dette ark",
    # ---- et underskrevet .docx læst igen (`rk draft --check`, drafting/reading.py og check.py) ----
    "problem.draft.unreadable": "kan ikke læse det underskrevne dokument {file}: {problem}",
    "problem.draft.not-docx": "{file} er ikke et Word-dokument (.docx), der kan læses",
    "hint.draft.not-docx": "gem det fra Word som Word-dokument (.docx), uden adgangskode",
    "hint.draft.stretch": "det indeholder mere end en megabyte uden et XML-mærke, hvad Word aldrig skriver: gem "
                          "det igen fra Word som Word-dokument (.docx)",
    "problem.draft.no-document": "{file} er et zip-arkiv, men intet Word-dokument: det indeholder ingen "
                                 "word/document.xml",
    "hint.draft.no-document": "gem det fra Word som Word-dokument (.docx)",
    "problem.draft.too-many-parts": "{file} er et arkiv med {count} dele: flere end et tekstbehandlingsprogram "
                                    "skriver (højst {most})",
    "hint.draft.too-many-parts": "denne grænse kan ikke hæves: gem dokumentet igen fra Word",
    "problem.draft.packed-too-tightly": "{file} fylder {size} udpakket, {times} gange sin egen størrelse: mere "
                                        "end et tekstbehandlingsprogram pakker (højst {most} gange)",
    "hint.draft.packed-too-tightly": "denne grænse kan ikke hæves: gem dokumentet igen fra Word",
    "problem.draft.unpacks-too-large": "{file} fylder {size} udpakket, mere end grænsen på {limit} (fire gange "
                                       "grænsen for en fil)",
    "hint.draft.unpacks-too-large": "hvis dokumentet er rigtigt, så hæv grænsen: `--max-file-size STØRRELSE`, "
                                    "eller max_size= i Python",
    "problem.draft.entities": "{file} erklærer XML-entiteter (en DTD), hvad intet Word-dokument gør, og som kan "
                              "udfolde sig uden ende",
    "hint.draft.entities": "det er ikke gemt af Word: åbn det i Word, og gem det igen som Word-dokument (.docx)",
    "problem.draft.too-many-elements": "{file} indeholder mere end {limit} XML-elementer, flere end et "
                                       "Word-dokument af dets størrelse",
    "hint.draft.too-many-elements": "et dokument må indeholde {per} XML-elementer pr. byte i filen og mindst "
                                    "{floor}: gem det igen fra Word",
    "problem.draft.too-much-text": "de udarbejdede vilkår i {file} indeholder mere end {limit} tegn",
    "hint.draft.too-much-text": "et dokuments vilkår må indeholde {per} tegn pr. byte i filen og mindst "
                                "{floor}: udarbejd det igen med `rk draft`",
    "problem.draft.no-marks": "{file} er ikke et udkast til en kontrakt: det indeholder ingen udarbejdede vilkår "
                              "(Word-bogmærker med navnet rk_…)",
    "hint.draft.no-marks": "udarbejd det med `rk draft KONTRAKT.rk --format docx`, og underskriv og kontrollér "
                           "det dokument: et dokument skrevet i hånden kan ikke kontrolleres",
    "problem.draft.mark-unended": "det udarbejdede vilkår {mark} i {file} har en begyndelse, men ingen slutning",
    "hint.draft.mark-unended": "dets bogmærke er beskadiget: udarbejd dokumentet igen med `rk draft`, eller "
                               "tilføj i Word bogmærket {mark} igen om vilkåret (Indsæt > Bogmærke)",
    "problem.draft.mark-twice": "det udarbejdede vilkår {mark} står to gange i {file}",
    "hint.draft.mark-twice": "Word holder ét bogmærke af hvert navn, så dokumentet er redigeret uden for Word: "
                             "udarbejd det igen med `rk draft`",
    "problem.draft.too-many-marks": "{file} indeholder mere end {most} udarbejdede vilkår, flere end nogen "
                                    "kontrakt udarbejdes med",
    "hint.draft.too-many-marks": "udarbejd dokumentet igen med `rk draft`",
    "draft.check.same": "Det underskrevne dokument siger det, som reglerne siger.",
    "draft.check.summary": "{count} vilkår i det underskrevne dokument afviger fra reglerne|{count} vilkår i det "
                           "underskrevne dokument afviger fra reglerne",
    "draft.check.count.changed": "{count} ændret",
    "draft.check.count.not-in-document": "{count} ikke i dokumentet",
    "draft.check.count.not-in-rules": "{count} ikke længere i reglerne",
    "draft.check.changed": "{title}: ændret i dokumentet",
    "draft.check.not-in-document": "{title}: i reglerne, men ikke i dokumentet (tilføjet reglerne, efter "
                                   "dokumentet blev udarbejdet, eller slettet fra dokumentet)",
    "draft.check.not-in-rules": "{title}: i dokumentet, men ikke længere i reglerne",
    "draft.check.added": "tilføjet: {signed}",
    "draft.check.left-out": "udeladt: {drafted}",
    "draft.check.rules": "reglerne siger:",
    "draft.check.document": "dokumentet siger:",
    "draft.check.term": "et udarbejdet vilkår",
    "problem.split.not-given": "fordelingen `{split}` tager sine vægte fra faktummet `{fact}`, som ikke er "
                               "givet",
    "hint.split.not-given": "giv fakta: rk split KONTRAKT --facts FAKTA.json",
    "problem.split.negative": "{fact}[{party}]: vægten {weight} er negativ",
    "hint.split.negative": "en vægt er et folketal eller et andet tal på nul eller mere",
    "problem.split.total-needs-facts": "beløbet i fordelingen `{split}` beregnes ud fra fakta",
    "hint.split.total-needs-facts": "giv fakta: rk split KONTRAKT --facts FAKTA.json",
    "problem.split.total-not-evaluable": "beløbet i fordelingen `{split}` kan ikke beregnes ud fra disse "
                                         "fakta: {reason}",
    "hint.split.total-not-evaluable": "rk eval med de samme filer viser hvert mål og hver betaling, den "
                                      "læser",
    "problem.split.party-missing": "{fact}: {party} står blandt parterne i fordelingen `{split}`, men har ingen vægt",
    "hint.split.party-missing": "giv hver part i fordelingen en vægt i tabellen",
    "problem.split.party-unlisted": "{fact}: {party} har en vægt, men er ikke part i fordelingen `{split}`",
    "hint.split.party-unlisted": "fjern den fra tabellen, eller skriv den under fordelingens `parties`",
    "problem.split.zero": "alle vægte i `{fact}` er nul, så der er intet at fordele efter",
    "hint.split.zero": "giv mindst én part en vægt over nul",
    "problem.split.denominator": "vægtene i `{fact}` er brøker, hvis fællesnævner er for stor at regne "
                                 "med",
    "hint.split.denominator": "giv vægtene som decimaltal eller hele tal",
    "got.text": "teksten {text}", "got.number": "{text}", "got.true": "true", "got.false": "false",
    "got.list": "en liste", "got.object": "et objekt", "got.big": "et helt tal med omkring {text} cifre",
    "got.type": "en værdi af typen {text}", "got.date": "datoen {text}",
}

# ---- problems in a contract (check.py, infer.py, tiers.py, example_checks.py, build.py, parser.py,
# contract.py), in facts files' JSON (factsfile.py) and in rk fmt: "problem.CODE", "hint.CODE" -----
CHECKS_EN: dict[str, str] = {
    "label.error": "error", "label.warning": "warning", "label.hint": "hint", "word.none": "none",
    "count.goal": "goal|goals", "count.fact": "fact|facts", "count.metric": "metric|metrics",
    "count.deliverable": "deliverable|deliverables", "count.warning": "warning|warnings",
    "ref.goal": "goal {goal}", "ref.name": "`{name}`", "ref.example": "the example {name}",
    "ref.header": "the contract's header", "ref.count": "the number of declarations",
    "lower": "lower", "higher": "higher",
    "span.days many": "days", "span.months many": "months", "span.years many": "years",
    # a type in words: with its article, several of it, and its kind alone
    "type.a.number": "a number", "type.a.percent": "a percent", "type.a.money": "an amount of money",
    "type.a.bool": "a true/false value", "type.a.date": "a date", "type.a.text": "a text",
    "type.a.duration": "a span of days, months or years", "type.a.table": "a table",
    "type.a.list": "a list", "type.a.list of": "a list of {element}",
    "type.a.choice": "an answer from a fixed list",
    "type.many.number": "numbers", "type.many.percent": "percents", "type.many.money": "amounts",
    "type.many.bool": "true/false values", "type.many.date": "dates", "type.many.text": "texts",
    "type.many.duration": "durations", "type.many.list": "lists", "type.many.choice": "answers",
    "type.kind.number": "number", "type.kind.percent": "percent", "type.kind.money": "money",
    "type.a.rate": "a rate of exchange", "type.many.rate": "rates of exchange", "type.kind.rate": "rate",
    "type.a.money in": "an amount in {currency}", "type.many.money in": "amounts in {currency}",
    # how the parser's tokens are called, in a contract writer's words
    "token.NAME": "a name", "token.STRING": 'a quoted text ("...")',
    "token.TEXT_BLOCK": 'a text block ("""...""")', "token.NUMBER": "a number",
    "token.PERCENT": "a percentage such as 70%", "token.DATE": "a date such as 2019-12-31",
    "token.GOAL_ID": "a goal id such as 1 or 2a", "token.MONEY_UNIT": "a money unit (kr, tkr or mio kr)",
    "token.METHOD": "a method (largest remainder, sainte-laguë or d'hondt)", "token.$END": "the end of the file",
    "token.operator": "an operator", "token.value": "a value such as 60, 70% or a name",
    # the text as the parser reads it (parser.py)
    "problem.syntax.unclosed-text": "this text is never closed",
    "hint.syntax.unclosed-text": 'end it with " on the same line, or use """ for text over several lines',
    "problem.syntax.percent-space": "a `%` must follow its number directly",
    "hint.syntax.percent-space": "write a percentage without a space: 70%",
    "problem.syntax.character": "unexpected character {char}",
    "problem.syntax.unclosed-block": "this text block is never closed",
    "hint.syntax.unclosed-block": 'end it with """',
    "problem.syntax.found": "expected {expected}, but found {found}",
    "problem.syntax.unexpected": "unexpected {found}",
    "problem.syntax.unfinished": "the file ends in the middle of a construct",
    "problem.syntax.unfinished-block": "the file ends before a `}}` that closes a block",
    "hint.syntax.expected": "expected {expected} here",
    "hint.syntax.decimal-comma": "write decimals with a point: 1.5, not 1,5",
    "hint.syntax.operator": "did you mean `{operator}=`?",
    "hint.syntax.semicolon": "is a `;` missing between two tiers? `score x >= 60 -> 100%; >= 50 -> 50%`",
    "hint.syntax.tier": "a tier reads `CONDITION -> PERCENT`, e.g. `nps >= 60 -> 100%`",
    "hint.syntax.chained": "comparisons do not chain: write `a < b and b < c`",
    "hint.syntax.tiers": "separate the tiers of a score with `;`",
    "hint.syntax.list-goes-on": "after a comma the list goes on without a second `{word}`: `{word} ..., ...`; "
                                "or start a new `{word}` without the comma",
    "hint.syntax.declarations": "a file holds `contract`, `fact`, `metric`, `goal` and `split` declarations",
    "hint.syntax.goal": "a goal holds `group`, `weight`, text blocks, `applies when`, `deliverable`, `require` and "
                        "`score`",
    "hint.syntax.value": "a value or a name goes here, e.g. `nps` or `60`",
    "hint.syntax.method": "the methods are: largest remainder, sainte-laguë and d'hondt",
    "hint.syntax.examples": "compare the line with the examples in docs/language.md",
    "problem.syntax.too-deep": "this is nested more than {depth} levels deep",
    "hint.syntax.too-deep": "split the expression into metrics",
    "problem.reserved": "`{word}` is a reserved word of the language and cannot be used as a name",
    "hint.reserved": "choose another name, e.g. `{other}`",
    # the contract's text as a whole (contract.py)
    "problem.contract.unreadable": "cannot read the contract: {problem}",
    "problem.contract.not-utf8": "the contract is not UTF-8 text",
    "hint.contract.not-utf8": "save the file as UTF-8",
    "problem.contract.surrogate": "the contract holds a broken character (a lone surrogate), U+{codepoint}",
    "problem.contract.control": "the contract holds an invisible control character, U+{codepoint}",
    "hint.contract.invisible": "remove it: a contract may hold letters, digits, punctuation, spaces, tabs "
                               "and line breaks",
    "problem.contract.too-deep": "the contract is nested too deeply to read",
    "hint.contract.too-deep": "split long expressions into metrics",
    # what the builder finds (build.py)
    "problem.header-twice": "a file holds one `contract` header; this is a second one",
    "hint.header-twice": "merge the two headers into one",
    "hint.date-in-contract": "write a real date as YEAR-MONTH-DAY, e.g. 2019-12-31",
    "problem.period-twice": "the contract has more than one `period`",
    "hint.period-twice": "keep one `period FIRST .. LAST` line",
    "problem.period-inverted": "the period ends ({end}) before it starts ({start})",
    "hint.period-inverted": "write the first day, then `..`, then the last day",
    "problem.unknown-type": "unknown type `{name}`",
    "hint.unknown-type": "the types are: {types}, one of {{...}}, list of TYPE, optional TYPE (in a list), "
                         "table of TYPE, list of record {{...}}",
    "problem.record-place": "a record stands only in a list: one record a row",
    "hint.record-place": "write `list of record {{ ... }}`, with the record's fields as simple types",
    "problem.field-twice": "the field `{name}` is declared twice in this record",
    "hint.field-twice": "give each field its own name",
    "problem.choice-twice": "{choice} is listed twice",
    "hint.choice-twice": "list each answer once",
    "problem.same-choice": "{choice} and {first} are the same answer, as answers are matched regardless "
                           "of letter case and spacing",
    "problem.goal.item-twice": "goal {goal} has more than one `{item}`",
    "hint.goal.item-twice": "keep one `{item}` line per goal",
    "problem.tier-after-else": "a tier after `else` is never reached",
    "hint.tier-after-else": "`else` must be the last tier; move it to the end",
    "problem.tier-without-subject": "this tier leaves out what it compares, but the tier before it is not "
                                    "a comparison to take it from",
    "hint.tier-without-subject": "write the subject in full, e.g. `nps >= 50 -> 50%`",
    "problem.split.item-twice": "split `{split}` has more than one `{item}`",
    "hint.split.item-twice": "keep one line of each",
    "problem.split.amount-negative": "the {item} of a split cannot be negative",
    "hint.split.amount-negative": "write it without the minus sign, e.g. `{item} 16488 tkr`",
    "problem.split.amount-not-money": "the {item} of a split is an amount of money",
    "hint.split.amount-not-money": "write it with its unit, e.g. `{item} 16488 tkr`",
    "problem.split.party-twice": "{party} is listed twice",
    "hint.split.party-twice": "list each party once",
    "problem.split.installments": "the number of installments is a whole number from 1",
    "hint.split.installments": "e.g. `installments 12` for monthly bills",
    "problem.split.weight-negative": "{party}'s weight is negative",
    "problem.example.given-twice": "`{name}` is given twice in this example",
    "hint.example.given-twice": "give each value once",
    "problem.example.expects-nothing": "this example expects nothing, so it can never fail",
    "hint.example.expects-nothing": "add what it should give, e.g. `expect goal 1 = 100%`",
    "problem.not-a-goal-result": "`{function}(goal {goal})` is not a goal's result",
    "hint.not-a-goal-result": "read a goal's result with `fulfilment(goal {goal})` or `points(goal {goal})`",
    "problem.span.not-whole": "{amount} {unit} is not a whole number of {units}",
    "hint.span.not-whole": "write a whole number, e.g. `18 months`, or a smaller unit: `45 days`",
    "problem.span.too-far": "{amount} {unit} reaches past the calendar's years 1 to 9999",
    "hint.span.too-far": "a span of the calendar is at most 100000 of its unit",
    "problem.table.name-twice": "{name} is named twice in this table",
    "hint.table.name-twice": "name each once",
    "hint.number.size": "write a number of reasonable size",
    "problem.where.one-binding": "`{function}(... where ...)` takes exactly one binding",
    "problem.where.binding": "`where` needs a name bound to each element: NAME in LIST",
    "hint.where": "write it as `{example}`",
    # declarations and goals (check.py)
    "problem.declared-twice": "`{name}` is declared twice",
    "hint.declared-twice": "the first declaration is at line {line}; rename or remove one of them",
    "problem.optional-fact": "`optional` belongs to the answers in a list",
    "hint.optional-fact": "write `list of optional ...`, or leave the fact out of the facts file when it "
                          "is unknown",
    "problem.payment.not-money": "a payment is an amount of money, not {found}",
    "hint.payment.not-money": "work it out from money, e.g. `10% of lønramme`",
    "problem.split.total-not-money": "the total of a split is an amount of money, not {found}",
    "hint.split.total-not-money": "e.g. `total udbetaling` for a payment, or `total 16488 tkr`",
    "problem.goal.twice": "goal {goal} is declared twice",
    "hint.goal.twice": "the first goal {goal} is at line {line}; give each goal its own id",
    "problem.split.twice": "split `{split}` is declared twice",
    "hint.split.twice": "the first is at line {line}; give each split its own name",
    "problem.example.twice": 'two examples are called "{name}"',
    "hint.example.twice": "give each example its own name, so a failure says which",
    "problem.unused.fact": "fact `{name}` is declared but no goal uses it",
    "hint.unused.fact": "use it in a score or a metric, or remove it",
    "problem.unused.metric": "metric `{name}` is defined but no goal uses it",
    "hint.unused.metric": "use it in a score, or remove it",
    "problem.unused.deliverable": "deliverable `{name}` is not used in goal {goal}'s score",
    "hint.unused.deliverable": "use `all(deliverables)` or name it in a tier",
    "problem.goal.reads-itself": "goal {goal} reads its own result: {path}{every}",
    "problem.goal.read-each-other": "these goals read each other's results: {path}{every}",
    "goal.reads every": " (`{what}` reads every goal, goal {goal} too)",
    "hint.goal.reads-itself": "a goal cannot depend on its own result; read other goals, or compute the "
                              "value in a payment, which comes after the goals",
    "hint.goal.reads-every": "no goal can read `{what}`, which is every goal's result; use it in a "
                             "payment, which comes after the goals",
    "problem.metric.cycle": "these metrics are defined in terms of each other: {cycle}",
    "hint.metric.cycle": "a metric must be computable from facts; break the cycle",
    "problem.payment.cycle": "these payments are defined in terms of each other: {cycle}",
    "hint.payment.cycle": "a payment cannot be computed from itself; break the cycle",
    "problem.goal.no-score": "goal {goal} has no `score`, so it could never be met",
    "hint.goal.no-score": "add a score, e.g. `score all(deliverables) -> 100%`",
    "problem.requirement.not-bool": "a requirement must be true or false, not {found}",
    "hint.requirement.not-bool": "write a condition, e.g. `n >= 30`",
    "problem.tier.not-bool": "a tier's condition must be true or false, not {found}",
    "hint.tier.not-bool": "compare it with a threshold, e.g. `nps >= 60 -> 100%`",
    "problem.fulfilment.not-percent": "a fulfilment must be a percent, not {found}",
    "hint.fulfilment.not-percent": "write it with %, e.g. `-> 100%`",
    "problem.fulfilment.range": "a fulfilment must lie between 0% and 100%",
    "hint.fulfilment.range": "write a percentage from 0% to 100%",
    "problem.due.not-date": "a due date is a date, not {found}",
    "hint.due.not-date": "e.g. `due 2019-12-31` or `due første_indflytning + 36 months`",
    "problem.due.reads-goal": "the due date of `{name}` reads a goal's result{through}",
    "problem.due.reads-deliverable": "the due date of `{name}` reads the deliverable `{other}`{through}, "
                                     "whose state depends on its due date",
    "due.through": " (through `{via}`)",
    "hint.due.facts-only": "work a due date out from facts, e.g. `due første_indflytning + 36 months`",
    "problem.due.outside-period": "`{name}` is due {due}, outside the contract period {first} .. {last}",
    "hint.due.outside-period": "check the date; a due date usually lies within the period",
    "problem.range.not-quantity": "a range only fits a number, percent or money, not {found}",
    "hint.range.not-quantity": "remove the `in LOW .. HIGH` part",
    "problem.range.not-value": "a range bound must be a plain value such as -100, 0% or 10 tkr",
    "hint.range.not-value": "write the bound as a value, not a calculation",
    "problem.range.bound-kind": "this bound is a {kind}, but `{fact}` holds {held} values",
    "problem.range.inverted": "the range's low bound is above its high bound",
    "hint.range.inverted": "write the smaller value first: `in LOW .. HIGH`",
    "hint.unit.percent": "write a percentage with %, e.g. 70%",
    "hint.unit.money": "write an amount with its unit, e.g. 576 tkr",
    "hint.unit.number": "write a plain number, e.g. 60",
    # splits (check.py)
    "problem.split.no-total": "split `{split}` has no total",
    "hint.split.no-total": "say what is split, e.g. `total 16488 tkr`",
    "problem.split.unit-not-positive": "the unit of a split must be above zero",
    "hint.split.unit-not-positive": "e.g. `unit 1 tkr` to bill in whole thousands",
    "problem.split.unit-too-large": "the unit {unit} is larger than the amount to split ({amount})",
    "problem.split.unit-too-large-each": "the unit {unit} is larger than the amount to split per installment "
                                         "({amount})",
    "hint.split.unit-too-large": "choose a smaller unit, e.g. `unit 1 tkr`",
    "problem.split.uneven": "{each} to split, not a whole number of units of {unit}",
    "problem.split.uneven-installments": "{total} over {installments} installments is {each} per installment, "
                                         "not a whole number of units of {unit}",
    "hint.split.uneven": "change the total, the number of installments or the unit so they divide evenly",
    "problem.split.party-without-share": "{party} is listed in `parties` but has no share in split `{split}`",
    "hint.split.party-without-share": "give {party} a weight in `shares`",
    "problem.split.share-not-listed": "{party} has a share but is not listed in `parties`",
    "hint.split.share-not-listed": "list it in `parties`, or remove its share",
    "problem.split.unknown-fact": "unknown fact `{fact}`",
    "hint.split.unknown-fact": "declare it: `fact {fact}: table of integer`",
    "problem.split.not-a-table": "the weights of a split come from a table of numbers, but `{fact}` is {found}",
    "hint.split.not-a-table": "declare it as `fact {fact}: table of integer`",
    "problem.split.no-shares": "split `{split}` has no shares",
    "hint.split.no-shares": "list the parties and their weights: `shares {{ Morsø 20514 ... }}`, or take "
                            "them from a fact: `shares from folketal`",
    "problem.split.share-twice": "{party} is named twice in split `{split}`",
    "hint.split.share-twice": "the first is at line {line}, column {column}; keep one",
    "problem.split.all-zero": "every weight in the split is zero, so nothing can be shared out",
    "hint.split.all-zero": "give at least one party a weight above zero",
    "problem.split.which": "{source} has {count} splits; name one",
    "problem.split.unknown": "there is no split `{name}` in {source}",
    "hint.split.names": "the splits are: {splits}",
    # types of expressions (infer.py) and of function calls (functions.py)
    "problem.negate": "only a number, percent or money can be negated, not {found}",
    "hint.negate": "remove the minus sign, or negate a number",
    "problem.deliverables-in-metric": "`deliverables` means a goal's deliverables; a metric has none",
    "hint.deliverables-in-metric": "use it inside a goal's score",
    "problem.goal.no-deliverables": "goal {goal} has no deliverables",
    "hint.goal.no-deliverables": 'declare them in the goal: `deliverable NAME "title"`',
    "problem.payment.too-early": "`{name}` is a payment, worked out after the goals, so only a payment or "
                                 "a split's total can use it",
    "hint.payment.too-early": "use the metrics and facts the payment is computed from instead",
    "problem.unknown-name": "unknown name `{name}`",
    "hint.unknown-name": "declare it with `fact` or `metric`",
    "problem.needs-bool": "`{what}` needs true or false, not {found}",
    "hint.needs-bool": "compare the value first, e.g. `nps >= 60`",
    "problem.unknown-goal": "there is no goal {goal}",
    "hint.unknown-goal": "the goals are: {goals}",
    "problem.if.kinds": "both branches of `if` must give one kind of value, but one gives {then} and the "
                        "other {otherwise}",
    "hint.if.kinds": "give both branches values of one kind",
    "hint.if.write-as": "write `{branch}` as {kind} too: {written}",
    "problem.table.kinds": "a table holds numbers (or percents, or money) of one kind",
    "hint.table.kinds": 'e.g. {{"Morsø": 20514, "Thisted": 43716}}',
    "problem.arithmetic.not-quantity": "`{op}` works on numbers, percents and money, not {found}",
    "hint.arithmetic.not-quantity": "compare such values with `=` or `!=` instead",
    "problem.percent-times-100": "a percent times 100 is still a percent (70% * 100 is 7000%)",
    "hint.percent-times-100": "to get percentage points, divide by 1%: (share(...) - share(...)) / 1%",
    "problem.cannot-combine": "`{op}` cannot combine {left} and {right}",
    "hint.percent-is-share": "a percent is a share (70% is 0.7); multiply or divide by a plain number instead",
    "hint.date-arithmetic": "a date moves by a span (`start + 3 months`), and two dates give the days "
                            "between them (`end - start`)",
    "hint.list-arithmetic": "lists are joined with + and repeated with * a whole number: [10] * 65 + [7] * 30",
    "problem.spans-combined": "two spans of the calendar cannot be added or taken from each other",
    "hint.spans-combined": "move the date by each in turn: `start + 3 months + 2 days`",
    "problem.span-without-date": "a span of days, months or years is added to a date or taken from it, "
                                 "not combined with {found}",
    "hint.span-without-date": "e.g. `første_indflytning + 36 months`",
    "problem.date-by-number": "`{op}` cannot move a date by a plain number",
    "hint.date-by-number": "say what the number counts: `{date} {op} {moved}` (or months, or years)",
    "problem.of": "`of` takes a percent of a number, a percent or money, not {left} of {right}",
    "hint.of.percent-first": "write the percent first: `75% of 120`",
    "hint.of.share": "write the share as a percentage: `{percent} of ...`",
    "hint.of": "e.g. `75% of 120`, `10% of lønramme` or `30% of 10%`",
    "problem.spans-compared": "spans of the calendar are not compared: they only move dates (a month has "
                              "28 to 31 days)",
    "hint.spans-compared": "compare dates instead: `start + 12 months <= slut`",
    "problem.not-ordered": "`{op}` orders numbers, percents, money and dates, not {found}",
    "hint.not-ordered": "use `=` or `!=` to test a value",
    "problem.days-not-span": "the days between two dates are a number, not a span of the calendar",
    "hint.days-not-span": "compare with a number of days: `{op} {count}`",
    "problem.cannot-compare": "cannot compare {left} with {right}",
    "hint.compare.percent": "compare a percent with a percent, and a number with a number",
    "hint.compare.threshold": "write the threshold as a percentage: {percent}",
    "hint.compare.percent-of": "to take a percent of a number, write `{of}`",
    "problem.in.not-list": "`in` needs a list or a set after it, not {found}",
    "hint.in.not-list": 'e.g. `a in {{"i høj grad", "i nogen grad"}}`',
    "problem.in.kinds": "cannot look for {item} among {elements}",
    "hint.in.kinds": "look for a value of the same kind as the list holds",
    "problem.set.kinds": "a set or list holds values of one kind",
    "hint.set.kinds": 'e.g. {{"i høj grad", "i nogen grad"}} or {{9, 10}}',
    "problem.not-a-quantifier": "`{name}` does not take `NAME in LIST where CONDITION`",
    "hint.not-a-quantifier": "the functions that do: {functions}",
    "problem.bound-name-taken": "the bound name `{name}` is already the name of something else",
    "hint.bound-name-taken": "choose a name of its own, e.g. `{other}`",
    "problem.quantifier.not-list": "`{name}` goes through a list, not {found}",
    "hint.quantifier.not-list": "e.g. `{name}(a in answers where a >= 9)` with a `list of` fact",
    "problem.unknown-function": "unknown function `{name}`",
    "hint.unknown-function": "the functions are: {functions}",
    "problem.function.one-list": "`{name}` takes one list",
    "hint.function.example": "e.g. `{example}`",
    "problem.function.nps-list": "`{name}` takes one list of 0-10 answers",
    "problem.function.bool-list": "`{name}` takes a list of true/false values",
    "problem.function.bools": "`{name}` takes a list of true/false values, or several of them",
    "hint.function.bind": "or binds a name to each element: e.g. `{example}`",
    "problem.function.adds-up": "`{name}` adds up numbers, percents or money, not {elements}",
    "problem.function.ordered": "`{name}` needs numbers, percents, money or dates, not {elements}",
    "hint.function.count": "count them instead: `count(...)`",
    "problem.function.list-or-values": "`{name}` takes a list, or two or more values",
    "problem.function.one-kind": "`{name}` needs values of one kind (numbers, percents, money or dates)",
    "hint.function.one-kind": "convert the values to one kind first",
    "problem.function.abs": "`abs` takes one number, percent or amount of money",
    "problem.function.round": "`{name}` takes a number, percent or amount of money and, optionally, a unit "
                              "to round to or a number of decimals",
    "problem.function.round-unit": "`{name}(VALUE, UNIT)` rounds to a unit written out above zero: `1 kr`, "
                                   "`1%`, `0.05`, or a whole number of decimals",
    "hint.function.round": "e.g. `round(nps)`, `round(nps, 1)`, `floor(bonus, 1 kr)` or `ceil(andel, 1%)`",
    "problem.function.round-digits": "the number of decimals must be a whole number from 0 to 20",
    "problem.function.round-kind": "`{name}` rounds {found} to a unit of the same kind, not to {unit}",
    "problem.function.convert": "`convert` takes an amount of money and a rate: `convert(AMOUNT, RATE)`",
    "problem.function.date-part": "`{name}` takes one date",
    "problem.currency.mixed": "`{op}` mixes money in {left} and money in {right}",
    "hint.currency.convert": "convert one of them first, with a rate written `N {left} per {right}` or given "
                             "as a fact `rate {left} per {right}`: `convert(AMOUNT, RATE)`",
    "problem.currency.rate-from": "the rate `{rate}` converts from {per}, but the amount is in {amount}",
    "hint.currency.rate-from": "use a rate per {amount}: `N kr per {amount}`",
    "problem.currency.type": "only `money` is written with a currency, not `{name} {currency}`",
    "hint.currency.type": "write `money {currency}`, or leave out the currency",
    "problem.currency.rate-type": "a rate is declared `rate DKK per EUR`, not `{name} ...`",
    "problem.currency.rates": "`{op}` mixes the rates `{left}` and `{right}`",
    "hint.currency.rates": "give both the same currencies, in the same order",
    "problem.currency.rate-alone": "a rate names the currencies it converts between",
    "hint.currency.rate-alone": "write e.g. `rate DKK per EUR`: what one euro is worth in kroner",
    "problem.currency.rate-same": "a rate converts between two currencies, not from {currency} to itself",
    "problem.currency.rate-zero": "a rate of exchange is above zero: `{rate}` would make every amount nothing",
    "hint.currency.rate-zero": "write what one {per} is worth, e.g. `7.46 kr per EUR`",
    "problem.currency.rate-unit": "a rate is given per one whole of a currency, not in `{unit}`",
    "hint.currency.rate-unit": "write `rate {currency} per ...` (or `kr` for kroner)",
    "problem.header.twice": "the contract says `{item}` more than once",
    "hint.header.twice": "keep one `{item}` line",
    "problem.header.language": "unknown language {language}",
    "hint.header.language": "write one of: {languages}",
    "problem.label.fact": "reports and explanations will show the fact `{name}` by its name: it has no label",
    "hint.label.fact": "give it the words readers should see: `{example}`",
    "problem.label.metric": "reports and explanations will show the metric `{name}` by its name: it has no "
                            "label",
    "hint.label.metric": "give it the words readers should see: `{example}`",
    "problem.label.field": "reports and explanations will show the field `{name}` of `{fact}` by its name: it has "
                           "no label",
    "hint.label.field": "give it the words readers should see: `{example}`",
    "problem.label.payment": "reports and explanations will show the payment `{name}` by its name: it has no title",
    "hint.label.payment": "give it the title readers should see: `{example}`",
    "problem.label.empty": "a label is the words a report uses for a name, and this one is empty",
    "hint.label.empty": 'write the words, e.g. `label "outreach plan"`, or leave the label out',
    "problem.unit.empty": "a unit is the word shown after a value, and this one is empty",
    "hint.unit.empty": 'write the word, e.g. `unit "dag" "dage"`, or leave the unit out',
    "problem.unit.kind": "`{name}` is a {kind}, which shows its own unit (kr., %): it takes no `unit`",
    "hint.unit.kind": "leave the unit out, or declare `{name}` a number or an integer",
    "problem.unit.not-number": "`{name}` is a {kind}, not a number: it takes no `unit`, which says what a "
                               "number counts",
    "hint.unit.not-number": 'leave the unit out: a unit says what a number or an integer counts (`unit "dag" '
                            '"dage"`)',
    "problem.unit.metric": "the metric `{name}` is worked out as a {kind}, not a number: it takes no `unit`",
    "hint.unit.metric": "leave the unit out: money and percents show their own units (kr., %), and only a "
                        "number counts something",
    "problem.label.taken": "`{name}` would be shown as {label}, which reads as `{other}`: explanations could "
                           "not tell them apart",
    "hint.label.taken": "give `{name}` a label of its own",
    # tiers (tiers.py)
    "problem.tier.else-unreachable": "`else` is never reached: the tiers before it cover every value",
    "hint.tier.else-unreachable": "remove the `else` tier, or narrow the tiers before it",
    "problem.tier.unreachable": "tier {number} is never reached: every value of `{subject}` it takes is "
                                "taken by a tier before it",
    "hint.tier.unreachable": "tiers are tried in written order; put the stricter tier first",
    "problem.tier.pays-more": "this tier pays {paid} for a {worse} `{subject}` than a tier before it, which "
                              "pays {before}",
    "hint.tier.pays-more": "check the order of the tiers and their percentages",
    # worked examples (example_checks.py)
    "problem.example.unknown-name": "`{name}` is not a fact, deliverable or metric of the contract",
    "hint.example.unknown-name": "give a declared name",
    "problem.example.computed": "a given value is written out, not worked out from names or conditions",
    "hint.example.computed": "write the value itself, e.g. `[10] * 65 + [0] * 5`",
    "problem.example.deliverable": "a deliverable is given true, false or a date, not {found}",
    "hint.example.deliverable": "e.g. `given strategi = 2019-12-16`",
    "problem.example.given-type": "`{name}` holds {declared}, but is given {found}",
    "hint.example.given-type": "write it as the fact is declared",
    "hint.example.percentage": "write a percentage: {percent}",
    "problem.example.outside-period": "the example is evaluated as of {day}, outside the contract period "
                                      "{first} .. {last}",
    "hint.example.outside-period": "follow-up during the year takes a day within the period",
    "hint.example.goal": "expect a goal the contract has",
    "problem.example.fulfilment": "a fulfilment is a percent, not {found}",
    "hint.example.fulfilment": "write it with %, e.g. `expect goal 1 = 100%`",
    "problem.example.points": "points are a number, not {found}",
    "hint.example.points": "e.g. `expect points = 75.5`",
    "problem.example.no-payment": "there is no payment `{payment}`",
    "hint.example.no-payment": "expect a payment the contract has",
    "problem.example.payment": "a payment is an amount of money, not {found}",
    "hint.example.payment": "e.g. `expect payment {payment} = 72000 kr`",
    "problem.example.no-split": "there is no split `{split}`",
    "hint.example.no-split": "expect a split the contract has",
    "problem.example.not-a-party": "{party} is not a party of split `{split}`",
    "hint.example.not-a-party": "expect a party the split names",
    # a facts file as JSON (factsfile.py)
    "problem.facts.unreadable": "cannot read the facts file: {problem}",
    "problem.facts.not-utf8": "the facts file is not UTF-8 text",
    "problem.facts.text-not-utf8": "the facts are not UTF-8 text",
    "hint.facts.not-utf8": "save the file as UTF-8",
    "problem.facts.not-a-mapping": "facts must be a mapping from fact name to value, not {type}",
    "hint.facts.not-a-mapping": 'pass a dict such as {{"nps": 62}} or rk.load_facts(path)',
    "problem.json.not-an-object": 'a facts file holds one JSON object: {{"name": value, ...}}',
    "problem.json.name-expected": "expected a fact name in double quotes",
    "problem.json.bad-name": "malformed fact name: {detail}",
    "problem.json.colon": 'expected `:` after "{name}"',
    "problem.json.malformed": "malformed JSON: {detail}",
    "problem.json.value": "{detail}",
    "problem.json.given-twice": "{name} is given twice in one object",
    "hint.json.given-twice": "keep one of them",
    "problem.json.constant": "{name} is not a value a fact can have",
    "hint.json.constant": "write a finite decimal number",
    "problem.json.too-deep": "this value is nested too deeply",
    "hint.json.too-deep": "a fact's value is a number, a text, or a list of them",
    "problem.json.last-comma": "JSON allows no comma after the last value",
    "hint.json.last-comma": "remove this comma",
    "problem.json.comma-expected": "expected `,` or `}}` after a value",
    "problem.json.after": "unexpected text after the facts object",
    "hint.json": 'a facts file is JSON: {{"name": value, ...}}, names in double quotes, a comma between values',
    "problem.facts.given-twice": "{name} is given twice",
    "hint.facts.given-twice": "the first value is at line {line}; keep one",
    # rk fmt refusing to write (fmt.py), and the language server's own trouble (lsp_document.py)
    "problem.fmt.does-not-parse": "the formatted text does not parse ({problem}); the contract was left as it is",
    "problem.fmt.has-error": "the formatted text has an error ({problem}); the contract was left as it is",
    "problem.fmt.would-change": "the formatted text would change {what}; the contract was left as it is",
    "problem.fmt.loses-comment": "the formatted text would lose or change a comment; the contract was left "
                                 "as it is",
    "hint.fmt": "this is a bug in rk fmt: please report it with the contract",
    "problem.internal": "rk could not check this text: {error}",
    "hint.internal": "this is a bug in resultkontrakt; please report it with the contract",
    "problem.lsp.language": "the setting {option} is {got}, not a language rk speaks: {languages}",
    "hint.lsp.language": 'e.g. "{option}": "da"',
}

CHECKS_DA: dict[str, str] = {
    "label.error": "fejl", "label.warning": "advarsel", "label.hint": "tip", "word.none": "ingen",
    "count.goal": "mål|mål", "count.fact": "faktum|fakta", "count.metric": "nøgletal|nøgletal",
    "count.deliverable": "leverance|leverancer", "count.warning": "advarsel|advarsler",
    "ref.goal": "mål {goal}", "ref.name": "`{name}`", "ref.example": "eksemplet {name}",
    "ref.header": "kontraktens hoved", "ref.count": "antallet af erklæringer",
    "lower": "lavere", "higher": "højere",
    "span.days many": "dage", "span.months many": "måneder", "span.years many": "år",
    "type.a.number": "et tal", "type.a.percent": "en procentsats", "type.a.money": "et beløb",
    "type.a.bool": "en sandhedsværdi (true eller false)", "type.a.date": "en dato", "type.a.text": "en tekst",
    "type.a.duration": "et tidsrum i dage, måneder eller år", "type.a.table": "en tabel",
    "type.a.list": "en liste", "type.a.list of": "en liste af {element}",
    "type.a.choice": "et svar fra en fast liste",
    "type.many.number": "tal", "type.many.percent": "procentsatser", "type.many.money": "beløb",
    "type.many.bool": "sandhedsværdier", "type.many.date": "datoer", "type.many.text": "tekster",
    "type.many.duration": "tidsrum", "type.many.list": "lister", "type.many.choice": "svar",
    "type.kind.number": "tal", "type.kind.percent": "procentsats", "type.kind.money": "beløb",
    "type.a.rate": "en valutakurs", "type.many.rate": "valutakurser", "type.kind.rate": "valutakurs",
    "type.a.money in": "et beløb i {currency}", "type.many.money in": "beløb i {currency}",
    "token.NAME": "et navn", "token.STRING": 'en tekst i anførselstegn ("...")',
    "token.TEXT_BLOCK": 'en tekstblok ("""...""")', "token.NUMBER": "et tal",
    "token.PERCENT": "en procentsats som 70%", "token.DATE": "en dato som 2019-12-31",
    "token.GOAL_ID": "et mål-id som 1 eller 2a", "token.MONEY_UNIT": "en pengeenhed (kr, tkr eller mio kr)",
    "token.METHOD": "en metode (largest remainder, sainte-laguë eller d'hondt)", "token.$END": "filens slutning",
    "token.operator": "en operator", "token.value": "en værdi som 60, 70% eller et navn",
    "problem.syntax.unclosed-text": "denne tekst bliver aldrig afsluttet",
    "hint.syntax.unclosed-text": 'afslut den med " på samme linje, eller brug """ til tekst over flere linjer',
    "problem.syntax.percent-space": "et `%` skal stå lige efter sit tal",
    "hint.syntax.percent-space": "skriv en procentsats uden mellemrum: 70%",
    "problem.syntax.character": "uventet tegn {char}",
    "problem.syntax.unclosed-block": "denne tekstblok bliver aldrig afsluttet",
    "hint.syntax.unclosed-block": 'afslut den med """',
    "problem.syntax.found": "forventede {expected}, men fandt {found}",
    "problem.syntax.unexpected": "uventet {found}",
    "problem.syntax.unfinished": "filen slutter midt i en konstruktion",
    "problem.syntax.unfinished-block": "filen slutter før en `}}`, der lukker en blok",
    "hint.syntax.expected": "her forventes {expected}",
    "hint.syntax.decimal-comma": "skriv decimaler med punktum: 1.5, ikke 1,5",
    "hint.syntax.operator": "mente du `{operator}=`?",
    "hint.syntax.semicolon": "mangler der et `;` mellem to trin? `score x >= 60 -> 100%; >= 50 -> 50%`",
    "hint.syntax.tier": "et trin skrives `BETINGELSE -> PROCENT`, fx `nps >= 60 -> 100%`",
    "hint.syntax.chained": "sammenligninger kan ikke kædes sammen: skriv `a < b and b < c`",
    "hint.syntax.tiers": "adskil trinnene i en `score` med `;`",
    "hint.syntax.list-goes-on": "efter et komma fortsætter listen uden endnu et `{word}`: `{word} ..., ...`; "
                                "eller begynd et nyt `{word}` uden kommaet",
    "hint.syntax.declarations": "en fil indeholder erklæringer med `contract`, `fact`, `metric`, `goal` og "
                                "`split`",
    "hint.syntax.goal": "et mål indeholder `group`, `weight`, tekstblokke, `applies when`, `deliverable`, "
                        "`require` og `score`",
    "hint.syntax.value": "her skal stå en værdi eller et navn, fx `nps` eller `60`",
    "hint.syntax.method": "metoderne er: largest remainder, sainte-laguë og d'hondt",
    "hint.syntax.examples": "sammenlign linjen med eksemplerne i docs/language.md",
    "problem.syntax.too-deep": "dette er indlejret mere end {depth} niveauer dybt",
    "hint.syntax.too-deep": "del udtrykket op i nøgletal",
    "problem.reserved": "`{word}` er et reserveret ord i sproget og kan ikke bruges som navn",
    "hint.reserved": "vælg et andet navn, fx `{other}`",
    "problem.contract.unreadable": "kontrakten kan ikke læses: {problem}",
    "problem.contract.not-utf8": "kontrakten er ikke UTF-8-tekst",
    "hint.contract.not-utf8": "gem filen som UTF-8",
    "problem.contract.surrogate": "kontrakten indeholder et ødelagt tegn (en enlig surrogat), U+{codepoint}",
    "problem.contract.control": "kontrakten indeholder et usynligt kontroltegn, U+{codepoint}",
    "hint.contract.invisible": "fjern det: en kontrakt kan indeholde bogstaver, cifre, tegnsætning, "
                               "mellemrum, tabulatorer og linjeskift",
    "problem.contract.too-deep": "kontrakten er indlejret for dybt til at kunne læses",
    "hint.contract.too-deep": "del lange udtryk op i nøgletal",
    "problem.header-twice": "en fil har ét `contract`-hoved; dette er et andet",
    "hint.header-twice": "slå de to hoveder sammen til ét",
    "hint.date-in-contract": "skriv en rigtig dato som ÅR-MÅNED-DAG, fx 2019-12-31",
    "problem.period-twice": "kontrakten har mere end én `period`",
    "hint.period-twice": "behold én linje `period FØRSTE .. SIDSTE`",
    "problem.period-inverted": "perioden slutter ({end}), før den begynder ({start})",
    "hint.period-inverted": "skriv den første dag, så `..`, så den sidste dag",
    "problem.unknown-type": "ukendt type `{name}`",
    "hint.unknown-type": "typerne er: {types}, one of {{...}}, list of TYPE, optional TYPE (i en liste), "
                         "table of TYPE, list of record {{...}}",
    "problem.record-place": "en record står kun i en liste: én record pr. række",
    "hint.record-place": "skriv `list of record {{ ... }}` med recordens felter som simple typer",
    "problem.field-twice": "feltet `{name}` er erklæret to gange i denne record",
    "hint.field-twice": "giv hvert felt sit eget navn",
    "problem.choice-twice": "{choice} er nævnt to gange",
    "hint.choice-twice": "nævn hvert svar én gang",
    "problem.same-choice": "{choice} og {first} er det samme svar, da svar sammenlignes uden hensyn til "
                           "store og små bogstaver og mellemrum",
    "problem.goal.item-twice": "mål {goal} har mere end én `{item}`",
    "hint.goal.item-twice": "behold én `{item}`-linje pr. mål",
    "problem.tier-after-else": "et trin efter `else` nås aldrig",
    "hint.tier-after-else": "`else` skal være det sidste trin; flyt det til slutningen",
    "problem.tier-without-subject": "dette trin udelader, hvad det sammenligner, men trinnet før det er ikke "
                                    "en sammenligning, det kan tages fra",
    "hint.tier-without-subject": "skriv det, der sammenlignes, helt ud, fx `nps >= 50 -> 50%`",
    "problem.split.item-twice": "fordelingen `{split}` har mere end én `{item}`",
    "hint.split.item-twice": "behold én linje af hver",
    "problem.split.amount-negative": "`{item}` i en fordeling kan ikke være negativ",
    "hint.split.amount-negative": "skriv den uden minustegn, fx `{item} 16488 tkr`",
    "problem.split.amount-not-money": "`{item}` i en fordeling er et beløb",
    "hint.split.amount-not-money": "skriv den med sin enhed, fx `{item} 16488 tkr`",
    "problem.split.party-twice": "{party} er nævnt to gange",
    "hint.split.party-twice": "nævn hver part én gang",
    "problem.split.installments": "antallet af rater er et helt tal fra 1 og op",
    "hint.split.installments": "fx `installments 12` for månedlige regninger",
    "problem.split.weight-negative": "vægten for {party} er negativ",
    "problem.example.given-twice": "`{name}` er givet to gange i dette eksempel",
    "hint.example.given-twice": "giv hver værdi én gang",
    "problem.example.expects-nothing": "dette eksempel forventer intet, så det kan aldrig fejle",
    "hint.example.expects-nothing": "tilføj, hvad det skal give, fx `expect goal 1 = 100%`",
    "problem.not-a-goal-result": "`{function}(goal {goal})` er ikke et måls resultat",
    "hint.not-a-goal-result": "læs et måls resultat med `fulfilment(goal {goal})` eller `points(goal {goal})`",
    "problem.span.not-whole": "`{amount} {unit}` er ikke et helt antal {units}",
    "hint.span.not-whole": "skriv et helt tal, fx `18 months`, eller en mindre enhed: `45 days`",
    "problem.span.too-far": "`{amount} {unit}` rækker ud over kalenderens år 1 til 9999",
    "hint.span.too-far": "et tidsrum er højst 100.000 af sin enhed",
    "problem.table.name-twice": "{name} er nævnt to gange i denne tabel",
    "hint.table.name-twice": "nævn hver én gang",
    "hint.number.size": "skriv et tal af rimelig størrelse",
    "problem.where.one-binding": "`{function}(... where ...)` tager præcis én binding",
    "problem.where.binding": "`where` kræver et navn, der bindes til hvert element: NAVN in LISTE",
    "hint.where": "skriv det som `{example}`",
    "problem.declared-twice": "`{name}` er erklæret to gange",
    "hint.declared-twice": "den første erklæring står i linje {line}; omdøb eller fjern en af dem",
    "problem.optional-fact": "`optional` hører til svarene i en liste",
    "hint.optional-fact": "skriv `list of optional ...`, eller udelad faktummet i faktafilen, når det er "
                          "ukendt",
    "problem.payment.not-money": "en betaling er et beløb, ikke {found}",
    "hint.payment.not-money": "beregn den ud fra beløb, fx `10% of lønramme`",
    "problem.split.total-not-money": "det, en fordeling fordeler (`total`), er et beløb, ikke {found}",
    "hint.split.total-not-money": "fx `total udbetaling` for en betaling eller `total 16488 tkr`",
    "problem.goal.twice": "mål {goal} er erklæret to gange",
    "hint.goal.twice": "det første mål {goal} står i linje {line}; giv hvert mål sit eget id",
    "problem.split.twice": "fordelingen `{split}` er erklæret to gange",
    "hint.split.twice": "den første står i linje {line}; giv hver fordeling sit eget navn",
    "problem.example.twice": 'to eksempler hedder "{name}"',
    "hint.example.twice": "giv hvert eksempel sit eget navn, så en fejl viser hvilket",
    "problem.unused.fact": "faktum `{name}` er erklæret, men intet mål bruger det",
    "hint.unused.fact": "brug det i en `score` eller et nøgletal, eller fjern det",
    "problem.unused.metric": "nøgletallet `{name}` er defineret, men intet mål bruger det",
    "hint.unused.metric": "brug det i en `score`, eller fjern det",
    "problem.unused.deliverable": "leverancen `{name}` indgår ikke i `score` for mål {goal}",
    "hint.unused.deliverable": "brug `all(deliverables)`, eller nævn den i et trin",
    "problem.goal.reads-itself": "mål {goal} læser sit eget resultat: {path}{every}",
    "problem.goal.read-each-other": "disse mål læser hinandens resultater: {path}{every}",
    "goal.reads every": " (`{what}` læser alle mål, også mål {goal})",
    "hint.goal.reads-itself": "et mål kan ikke afhænge af sit eget resultat; læs andre mål, eller beregn "
                              "værdien i en betaling, som kommer efter målene",
    "hint.goal.reads-every": "intet mål kan læse `{what}`, som er alle måls resultat; brug det i en "
                             "betaling, som kommer efter målene",
    "problem.metric.cycle": "disse nøgletal er defineret ud fra hinanden: {cycle}",
    "hint.metric.cycle": "et nøgletal skal kunne beregnes ud fra fakta; bryd kredsen",
    "problem.payment.cycle": "disse betalinger er defineret ud fra hinanden: {cycle}",
    "hint.payment.cycle": "en betaling kan ikke beregnes ud fra sig selv; bryd kredsen",
    "problem.goal.no-score": "mål {goal} har ingen `score`, så det kan aldrig blive opfyldt",
    "hint.goal.no-score": "tilføj en `score`, fx `score all(deliverables) -> 100%`",
    "problem.requirement.not-bool": "et krav skal være sandt eller falsk, ikke {found}",
    "hint.requirement.not-bool": "skriv en betingelse, fx `n >= 30`",
    "problem.tier.not-bool": "et trins betingelse skal være sand eller falsk, ikke {found}",
    "hint.tier.not-bool": "sammenlign den med en tærskel, fx `nps >= 60 -> 100%`",
    "problem.fulfilment.not-percent": "en målopfyldelse skal være en procentsats, ikke {found}",
    "hint.fulfilment.not-percent": "skriv den med %, fx `-> 100%`",
    "problem.fulfilment.range": "en målopfyldelse skal ligge mellem 0 % og 100 %",
    "hint.fulfilment.range": "skriv en procentsats fra 0% til 100%",
    "problem.due.not-date": "en frist er en dato, ikke {found}",
    "hint.due.not-date": "fx `due 2019-12-31` eller `due første_indflytning + 36 months`",
    "problem.due.reads-goal": "fristen for `{name}` læser et måls resultat{through}",
    "problem.due.reads-deliverable": "fristen for `{name}` læser leverancen `{other}`{through}, hvis "
                                     "tilstand afhænger af dens frist",
    "due.through": " (gennem `{via}`)",
    "hint.due.facts-only": "beregn en frist ud fra fakta, fx `due første_indflytning + 36 months`",
    "problem.due.outside-period": "`{name}` har frist {due}, uden for kontraktens periode {first} .. {last}",
    "hint.due.outside-period": "kontrollér datoen; en frist ligger som regel inden for perioden",
    "problem.range.not-quantity": "et interval passer kun til et tal, en procentsats eller et beløb, ikke "
                                  "{found}",
    "hint.range.not-quantity": "fjern delen `in LAV .. HØJ`",
    "problem.range.not-value": "en grænse i et interval skal være en enkel værdi som -100, 0% eller 10 tkr",
    "hint.range.not-value": "skriv grænsen som en værdi, ikke en beregning",
    "problem.range.bound-kind": "denne grænse er af typen {kind}, men `{fact}` har værdier af typen {held}",
    "problem.range.inverted": "intervallets nedre grænse ligger over dets øvre grænse",
    "hint.range.inverted": "skriv den mindste værdi først: `in LAV .. HØJ`",
    "hint.unit.percent": "skriv en procentsats med %, fx 70%",
    "hint.unit.money": "skriv et beløb med sin enhed, fx 576 tkr",
    "hint.unit.number": "skriv et tal uden enhed, fx 60",
    "problem.split.no-total": "fordelingen `{split}` har ingen `total`",
    "hint.split.no-total": "angiv, hvad der fordeles, fx `total 16488 tkr`",
    "problem.split.unit-not-positive": "enheden i en fordeling skal være over nul",
    "hint.split.unit-not-positive": "fx `unit 1 tkr` for at fakturere i hele tusinder",
    "problem.split.unit-too-large": "enheden {unit} er større end beløbet, der skal fordeles ({amount})",
    "problem.split.unit-too-large-each": "enheden {unit} er større end beløbet, der skal fordeles pr. rate "
                                         "({amount})",
    "hint.split.unit-too-large": "vælg en mindre enhed, fx `unit 1 tkr`",
    "problem.split.uneven": "{each} at fordele er ikke et helt antal enheder à {unit}",
    "problem.split.uneven-installments": "{total} fordelt på {installments} rater er {each} pr. rate, ikke et "
                                         "helt antal enheder à {unit}",
    "hint.split.uneven": "ændr beløbet, antallet af rater eller enheden, så de går op i hinanden",
    "problem.split.party-without-share": "{party} står i `parties`, men har ingen andel i fordelingen "
                                         "`{split}`",
    "hint.split.party-without-share": "giv {party} en vægt i `shares`",
    "problem.split.share-not-listed": "{party} har en andel, men står ikke i `parties`",
    "hint.split.share-not-listed": "skriv den i `parties`, eller fjern dens andel",
    "problem.split.unknown-fact": "ukendt faktum `{fact}`",
    "hint.split.unknown-fact": "erklær det: `fact {fact}: table of integer`",
    "problem.split.not-a-table": "vægtene i en fordeling kommer fra en tabel af tal, men `{fact}` er {found}",
    "hint.split.not-a-table": "erklær det som `fact {fact}: table of integer`",
    "problem.split.no-shares": "fordelingen `{split}` har ingen andele",
    "hint.split.no-shares": "angiv parterne og deres vægte: `shares {{ Morsø 20514 ... }}`, eller tag dem "
                            "fra et faktum: `shares from folketal`",
    "problem.split.share-twice": "{party} er nævnt to gange i fordelingen `{split}`",
    "hint.split.share-twice": "den første står i linje {line}, kolonne {column}; behold én",
    "problem.split.all-zero": "alle vægte i fordelingen er nul, så der er intet at fordele",
    "hint.split.all-zero": "giv mindst én part en vægt over nul",
    "problem.split.which": "{source} har {count} fordelinger; angiv én ved navn",
    "problem.split.unknown": "der er ingen fordeling `{name}` i {source}",
    "hint.split.names": "fordelingerne er: {splits}",
    "problem.negate": "kun et tal, en procentsats eller et beløb kan gøres negativt, ikke {found}",
    "hint.negate": "fjern minustegnet, eller gør et tal negativt",
    "problem.deliverables-in-metric": "`deliverables` betyder et måls leverancer; et nøgletal har ingen",
    "hint.deliverables-in-metric": "brug det i et måls `score`",
    "problem.goal.no-deliverables": "mål {goal} har ingen leverancer",
    "hint.goal.no-deliverables": 'erklær dem i målet: `deliverable NAVN "titel"`',
    "problem.payment.too-early": "`{name}` er en betaling, som beregnes efter målene, så kun en betaling "
                                 "eller en fordelings `total` kan bruge den",
    "hint.payment.too-early": "brug i stedet de nøgletal og fakta, betalingen beregnes ud fra",
    "problem.unknown-name": "ukendt navn `{name}`",
    "hint.unknown-name": "erklær det med `fact` eller `metric`",
    "problem.needs-bool": "`{what}` kræver sand eller falsk, ikke {found}",
    "hint.needs-bool": "sammenlign værdien først, fx `nps >= 60`",
    "problem.unknown-goal": "der er intet mål {goal}",
    "hint.unknown-goal": "målene er: {goals}",
    "problem.if.kinds": "begge grene af `if` skal give samme slags værdi, men den ene giver {then} og den "
                        "anden {otherwise}",
    "hint.if.kinds": "lad begge grene give samme slags værdi",
    "hint.if.write-as": "skriv også `{branch}` som {kind}: `{written}`",
    "problem.table.kinds": "en tabel indeholder tal (eller procentsatser eller beløb) af én slags",
    "hint.table.kinds": 'fx {{"Morsø": 20514, "Thisted": 43716}}',
    "problem.arithmetic.not-quantity": "`{op}` virker på tal, procentsatser og beløb, ikke på {found}",
    "hint.arithmetic.not-quantity": "sammenlign i stedet sådanne værdier med `=` eller `!=`",
    "problem.percent-times-100": "en procentsats gange 100 er stadig en procentsats (70% * 100 er 7000%)",
    "hint.percent-times-100": "divider med 1% for at få procentpoint: (share(...) - share(...)) / 1%",
    "problem.cannot-combine": "`{op}` kan ikke kombinere {left} og {right}",
    "hint.percent-is-share": "en procentsats er en andel (70% er 0,7); gang eller divider i stedet med et tal "
                             "uden enhed",
    "hint.date-arithmetic": "en dato flyttes med et tidsrum (`start + 3 months`), og to datoer giver antallet "
                            "af dage imellem dem (`end - start`)",
    "hint.list-arithmetic": "lister sættes sammen med + og gentages med * et helt tal: [10] * 65 + [7] * 30",
    "problem.spans-combined": "to tidsrum kan ikke lægges sammen eller trækkes fra hinanden",
    "hint.spans-combined": "flyt datoen med hvert af dem efter tur: `start + 3 months + 2 days`",
    "problem.span-without-date": "et tidsrum i dage, måneder eller år lægges til eller trækkes fra en dato; "
                                 "det kombineres ikke med {found}",
    "hint.span-without-date": "fx `første_indflytning + 36 months`",
    "problem.date-by-number": "`{op}` kan ikke flytte en dato med et tal uden enhed",
    "hint.date-by-number": "angiv, hvad tallet tæller: `{date} {op} {moved}` (eller months eller years)",
    "problem.of": "`of` tager en procentsats af et tal, en procentsats eller et beløb, ikke {left} af {right}",
    "hint.of.percent-first": "skriv procentsatsen først: `75% of 120`",
    "hint.of.share": "skriv andelen som en procentsats: `{percent} of ...`",
    "hint.of": "fx `75% of 120`, `10% of lønramme` eller `30% of 10%`",
    "problem.spans-compared": "tidsrum sammenlignes ikke: de flytter kun datoer (en måned har 28 til 31 "
                              "dage)",
    "hint.spans-compared": "sammenlign i stedet datoer: `start + 12 months <= slut`",
    "problem.not-ordered": "`{op}` ordner tal, procentsatser, beløb og datoer, ikke {found}",
    "hint.not-ordered": "brug `=` eller `!=` til at afprøve en værdi",
    "problem.days-not-span": "dagene mellem to datoer er et tal, ikke et tidsrum",
    "hint.days-not-span": "sammenlign med et antal dage: `{op} {count}`",
    "problem.cannot-compare": "kan ikke sammenligne {left} med {right}",
    "hint.compare.percent": "sammenlign en procentsats med en procentsats og et tal med et tal",
    "hint.compare.threshold": "skriv tærsklen som en procentsats: `{percent}`",
    "hint.compare.percent-of": "skriv `{of}` for at tage en procentsats af et tal",
    "problem.in.not-list": "`in` kræver en liste eller en mængde efter sig, ikke {found}",
    "hint.in.not-list": 'fx `a in {{"i høj grad", "i nogen grad"}}`',
    "problem.in.kinds": "kan ikke lede efter {item} blandt {elements}",
    "hint.in.kinds": "led efter en værdi af samme slags, som listen indeholder",
    "problem.set.kinds": "en mængde eller en liste indeholder værdier af én slags",
    "hint.set.kinds": 'fx {{"i høj grad", "i nogen grad"}} eller {{9, 10}}',
    "problem.not-a-quantifier": "`{name}` tager ikke `NAVN in LISTE where BETINGELSE`",
    "hint.not-a-quantifier": "de funktioner, der gør: {functions}",
    "problem.bound-name-taken": "det bundne navn `{name}` er allerede navnet på noget andet",
    "hint.bound-name-taken": "vælg et navn, der ikke er brugt, fx `{other}`",
    "problem.quantifier.not-list": "`{name}` gennemgår en liste, ikke {found}",
    "hint.quantifier.not-list": "fx `{name}(a in answers where a >= 9)` med et faktum af typen `list of ...`",
    "problem.unknown-function": "ukendt funktion `{name}`",
    "hint.unknown-function": "funktionerne er: {functions}",
    "problem.function.one-list": "`{name}` tager én liste",
    "hint.function.example": "fx `{example}`",
    "problem.function.nps-list": "`{name}` tager én liste af svar fra 0 til 10",
    "problem.function.bool-list": "`{name}` tager en liste af sandhedsværdier",
    "problem.function.bools": "`{name}` tager en liste af sandhedsværdier eller flere sandhedsværdier",
    "hint.function.bind": "eller binder et navn til hvert element: fx `{example}`",
    "problem.function.adds-up": "`{name}` lægger tal, procentsatser eller beløb sammen, ikke {elements}",
    "problem.function.ordered": "`{name}` kræver tal, procentsatser, beløb eller datoer, ikke {elements}",
    "hint.function.count": "tæl dem i stedet: `count(...)`",
    "problem.function.list-or-values": "`{name}` tager en liste eller to eller flere værdier",
    "problem.function.one-kind": "`{name}` kræver værdier af én slags (tal, procentsatser, beløb eller "
                                 "datoer)",
    "hint.function.one-kind": "omregn først værdierne til én slags",
    "problem.function.abs": "`abs` tager ét tal, én procentsats eller ét beløb",
    "problem.function.round": "`{name}` tager et tal, en procentsats eller et beløb og eventuelt en enhed, "
                              "der skal afrundes til, eller et antal decimaler",
    "problem.function.round-unit": "`{name}(VÆRDI, ENHED)` afrunder til en enhed over nul, der er skrevet ud: "
                                   "`1 kr`, `1%`, `0.05` eller et helt antal decimaler",
    "hint.function.round": "fx `round(nps)`, `round(nps, 1)`, `floor(bonus, 1 kr)` eller `ceil(andel, 1%)`",
    "problem.function.round-kind": "`{name}` afrunder {found} til en enhed af samme slags, ikke til {unit}",
    "problem.function.convert": "`convert` tager et beløb og en kurs: `convert(BELØB, KURS)`",
    "problem.function.date-part": "`{name}` tager én dato",
    "problem.currency.mixed": "`{op}` blander beløb i {left} og beløb i {right}",
    "hint.currency.convert": "omregn et af dem først med en kurs, skrevet `N {left} per {right}` eller givet "
                             "som en fact `rate {left} per {right}`: `convert(BELØB, KURS)`",
    "problem.currency.rate-from": "kursen `{rate}` omregner fra {per}, men beløbet er i {amount}",
    "hint.currency.rate-from": "brug en kurs pr. {amount}: `N kr per {amount}`",
    "problem.currency.type": "kun `money` skrives med en valuta, ikke `{name} {currency}`",
    "hint.currency.type": "skriv `money {currency}`, eller udelad valutaen",
    "problem.currency.rate-type": "en kurs erklæres `rate DKK per EUR`, ikke `{name} ...`",
    "problem.currency.rates": "`{op}` blander kurserne `{left}` og `{right}`",
    "hint.currency.rates": "giv dem begge de samme valutaer i samme rækkefølge",
    "problem.currency.rate-alone": "en kurs nævner de valutaer, den omregner mellem",
    "hint.currency.rate-alone": "skriv fx `rate DKK per EUR`: hvad én euro er værd i kroner",
    "problem.currency.rate-same": "en kurs omregner mellem to valutaer, ikke fra {currency} til sig selv",
    "problem.currency.rate-zero": "en kurs er over nul: `{rate}` ville gøre ethvert beløb til ingenting",
    "hint.currency.rate-zero": "skriv, hvad én {per} er værd, fx `7.46 kr per EUR`",
    "problem.currency.rate-unit": "en kurs gives pr. hel enhed af en valuta, ikke i `{unit}`",
    "hint.currency.rate-unit": "skriv `rate {currency} per ...` (eller `kr` for kroner)",
    "problem.header.twice": "kontrakten siger `{item}` mere end én gang",
    "hint.header.twice": "behold én linje `{item}`",
    "problem.header.language": "ukendt sprog {language}",
    "hint.header.language": "skriv et af: {languages}",
    "problem.label.fact": "rapporter og forklaringer vil vise faktum `{name}` ved dets navn: det har "
                          "ingen label",
    "hint.label.fact": "giv det de ord, læserne skal se: `{example}`",
    "problem.label.metric": "rapporter og forklaringer vil vise nøgletallet `{name}` ved dets navn: det har "
                            "ingen label",
    "hint.label.metric": "giv det de ord, læserne skal se: `{example}`",
    "problem.label.field": "rapporter og forklaringer vil vise feltet `{name}` i `{fact}` ved dets navn: det har "
                           "ingen label",
    "hint.label.field": "giv det de ord, læserne skal se: `{example}`",
    "problem.label.payment": "rapporter og forklaringer vil vise betalingen `{name}` ved dens navn: den har "
                             "ingen titel",
    "hint.label.payment": "giv den den titel, læserne skal se: `{example}`",
    "problem.label.empty": "en label er de ord, en rapport bruger for et navn, og denne er tom",
    "hint.label.empty": 'skriv ordene, fx `label "opsøgende model"`, eller udelad label',
    "problem.unit.empty": "en enhed er det ord, der vises efter en værdi, og denne er tom",
    "hint.unit.empty": 'skriv ordet, fx `unit "dag" "dage"`, eller udelad enheden',
    "problem.unit.kind": "`{name}` er {kind}, som viser sin egen enhed (kr., %): det kan ikke have en `unit`",
    "hint.unit.kind": "udelad enheden, eller erklær `{name}` som number eller integer",
    "problem.unit.not-number": "`{name}` er {kind}, ikke et tal: det kan ikke have en `unit`, som siger, hvad et "
                               "tal tæller",
    "hint.unit.not-number": 'udelad enheden: en enhed siger, hvad et tal tæller (`unit "dag" "dage"`)',
    "problem.unit.metric": "metric `{name}` regnes ud som {kind}, ikke som et tal: den kan ikke have en `unit`",
    "hint.unit.metric": "udelad enheden: beløb og procenter viser deres egne enheder (kr., %), og kun et tal "
                        "tæller noget",
    "problem.label.taken": "`{name}` ville blive vist som {label}, som læses som `{other}`: forklaringer "
                           "kunne ikke skelne dem",
    "hint.label.taken": "giv `{name}` sin egen label",
    "problem.function.round-digits": "antallet af decimaler skal være et helt tal fra 0 til 20",
    "problem.tier.else-unreachable": "`else` nås aldrig: trinnene før det dækker alle værdier",
    "hint.tier.else-unreachable": "fjern `else`-trinnet, eller gør trinnene før det snævrere",
    "problem.tier.unreachable": "trin {number} nås aldrig: hver værdi af `{subject}`, som trinnet dækker, "
                                "er allerede dækket af et trin før det",
    "hint.tier.unreachable": "trinnene prøves i den skrevne rækkefølge; sæt det strengeste trin først",
    "problem.tier.pays-more": "dette trin giver {paid} for en {worse} `{subject}` end et trin før det, som "
                              "giver {before}",
    "hint.tier.pays-more": "kontrollér trinnenes rækkefølge og deres procentsatser",
    "problem.example.unknown-name": "`{name}` er hverken et faktum, en leverance eller et nøgletal i "
                                    "kontrakten",
    "hint.example.unknown-name": "giv et navn, kontrakten erklærer",
    "problem.example.computed": "en given værdi skrives ud; den beregnes ikke ud fra navne eller betingelser",
    "hint.example.computed": "skriv selve værdien, fx `[10] * 65 + [0] * 5`",
    "problem.example.deliverable": "en leverance gives true, false eller en dato, ikke {found}",
    "hint.example.deliverable": "fx `given strategi = 2019-12-16`",
    "problem.example.given-type": "`{name}` er erklæret som `{declared}`, men gives `{found}`",
    "hint.example.given-type": "skriv værdien, som faktummet er erklæret",
    "hint.example.percentage": "skriv en procentsats: `{percent}`",
    "problem.example.outside-period": "eksemplet vurderes pr. {day}, uden for kontraktens periode "
                                      "{first} .. {last}",
    "hint.example.outside-period": "opfølgning i løbet af året sker på en dag inden for perioden",
    "hint.example.goal": "forvent et mål, kontrakten har",
    "problem.example.fulfilment": "en målopfyldelse er en procentsats, ikke {found}",
    "hint.example.fulfilment": "skriv den med %, fx `expect goal 1 = 100%`",
    "problem.example.points": "point er et tal, ikke {found}",
    "hint.example.points": "fx `expect points = 75.5`",
    "problem.example.no-payment": "der er ingen betaling `{payment}`",
    "hint.example.no-payment": "forvent en betaling, kontrakten har",
    "problem.example.payment": "en betaling er et beløb, ikke {found}",
    "hint.example.payment": "fx `expect payment {payment} = 72000 kr`",
    "problem.example.no-split": "der er ingen fordeling `{split}`",
    "hint.example.no-split": "forvent en fordeling, kontrakten har",
    "problem.example.not-a-party": "{party} er ikke part i fordelingen `{split}`",
    "hint.example.not-a-party": "forvent en part, fordelingen nævner",
    "problem.facts.unreadable": "faktafilen kan ikke læses: {problem}",
    "problem.facts.not-utf8": "faktafilen er ikke UTF-8-tekst",
    "problem.facts.text-not-utf8": "fakta er ikke UTF-8-tekst",
    "hint.facts.not-utf8": "gem filen som UTF-8",
    "problem.facts.not-a-mapping": "fakta skal gives som en mapping fra faktumnavn til værdi, ikke {type}",
    "hint.facts.not-a-mapping": 'giv en dict som {{"nps": 62}} eller rk.load_facts(sti)',
    "problem.json.not-an-object": 'en faktafil indeholder ét JSON-objekt: {{"navn": værdi, ...}}',
    "problem.json.name-expected": "forventede et faktumnavn i dobbelte anførselstegn",
    "problem.json.bad-name": "ugyldigt faktumnavn: {detail}",
    "problem.json.colon": 'forventede `:` efter "{name}"',
    "problem.json.malformed": "ugyldig JSON: {detail}",
    "problem.json.value": "{detail}",
    "problem.json.given-twice": "{name} er givet to gange i samme objekt",
    "hint.json.given-twice": "behold én af dem",
    "problem.json.constant": "{name} er ikke en værdi, et faktum kan have",
    "hint.json.constant": "skriv et endeligt decimaltal",
    "problem.json.too-deep": "denne værdi er indlejret for dybt",
    "hint.json.too-deep": "et faktums værdi er et tal, en tekst eller en liste af dem",
    "problem.json.last-comma": "JSON tillader intet komma efter den sidste værdi",
    "hint.json.last-comma": "fjern dette komma",
    "problem.json.comma-expected": "forventede `,` eller `}}` efter en værdi",
    "problem.json.after": "uventet tekst efter faktaobjektet",
    "hint.json": 'en faktafil er JSON: {{"navn": værdi, ...}}, navne i dobbelte anførselstegn, komma mellem '
                 "værdierne",
    "problem.facts.given-twice": "{name} er givet to gange",
    "hint.facts.given-twice": "den første værdi står i linje {line}; behold én",
    "problem.fmt.does-not-parse": "den formaterede tekst kan ikke læses ({problem}); kontrakten er ikke ændret",
    "problem.fmt.has-error": "den formaterede tekst har en fejl ({problem}); kontrakten er ikke ændret",
    "problem.fmt.would-change": "den formaterede tekst ville ændre {what}; kontrakten er ikke ændret",
    "problem.fmt.loses-comment": "den formaterede tekst ville miste eller ændre en kommentar; kontrakten er "
                                 "ikke ændret",
    "hint.fmt": "dette er en fejl i rk fmt: rapportér den gerne sammen med kontrakten",
    "problem.internal": "rk kunne ikke tjekke denne tekst: {error}",
    "hint.internal": "dette er en fejl i resultkontrakt; rapportér den gerne sammen med kontrakten",
    "problem.lsp.language": "indstillingen {option} er {got}, ikke et sprog, rk taler: {languages}",
    "hint.lsp.language": 'fx "{option}": "da"',
}

# Reporting periods, `applies when` and provisional results (issue "rows, tables, periods").
PERIODS_EN: dict[str, str] = {
    "not applicable": "not applicable",
    "provisional": "provisional",
    "applies.not": "{why}",
    "applies.goals": "reads goal {goals}, which does not apply",
    "in period": "within the period {start} - {end}", "not in period": "outside the period {start} - {end}",
    "amount to date": "amount to date",
    "reporting period": "Reporting period {name} ({start} - {end})",
    "report.provisional": "Provisional: measured until {day}; the period ends {end}.",
    "problem.period.unknown-field": "a period has no `{field}`",
    "hint.period.unknown-field": "write one of: {fields}",
    "problem.period.too-many": "`each {each}` makes {count} reporting periods of this contract's period, more "
                               "than {limit}",
    "hint.period.too-many": "check the years of the period, or report on longer periods",
    "problem.period.cut": "`each {each}` does not divide the period {first} .. {last}: {cuts}",
    "hint.period.cut": "start and end the period on the first and last day of a {each}, or keep these "
                       "shorter periods",
    "period.cut-first": "the first period, {name}, runs {start} .. {end}",
    "period.cut-last": "the last period, {name}, runs {start} .. {end}",
    "problem.period.none": "`{expr}` reads the reporting period, but the contract has no `period`",
    "hint.period.none": "add `period FIRST .. LAST` to the contract's header",
    "problem.period.year-spans": "`period.year` needs a period within one calendar year; this contract's runs "
                                 "{first} .. {last}",
    "hint.period.year-spans": "add `each year` to the `period` line to report year by year, or use "
                              "`period.start` and `period.end`",
    "problem.period.alone": "`period` is read as `period.year`, `period.start` or `period.end`, or in `d in period`",
    "hint.period.alone": "e.g. `dato in period` or `period.year = 2011`",
    "problem.period.in-not-date": "only a date can be `in period`, not {found}",
    "problem.applies.not-bool": "`applies when` needs a condition that is true or false, not {found}",
    "hint.applies.not-bool": "e.g. `applies when period.year = 2011`",
    "problem.applies.reads-goal": "`applies when` reads {what}, a goal's result{through}",
    "hint.applies.reads-goal": "a goal applies or not by the period, the facts and metrics made from them; "
                               "goal results are judged after that",
    "applies.through": " (through {via})",
    "problem.example.unknown-period": "the contract has no reporting period {name}",
    "problem.example.which-period": "the contract reports on periods {first} .. {last}: say which this example is",
    "hint.example.which-period": "e.g. `example \"...\" period {first} {{ ... }}`",
    "hint.example.unknown-period": "its reporting periods are: {periods}",
    "problem.example.no-periods": "`period {name}` names a reporting period, but the contract has none: its "
                                  "`period` has no `each`",
    "hint.example.no-periods": "add `each year`, `each half year` or `each quarter` to the contract's `period`",
    "problem.facts.period-not-name": "\"period\" names the reporting period the facts report: {got} names none",
    "hint.facts.period-not-name": 'write it as "period": 2009, "period": "2009-H1" or "period": "2009-Q3"',
    "problem.facts.measured-until": "\"measured_until\" is the last day the facts are measured to: {got} is "
                                    "no date",
    "hint.facts.measured-until": 'write it as "measured_until": "2008-06-30"',
    "problem.facts.party": "\"party\" names the party whose results the facts are: {got} is no name",
    "problem.period.unknown": "the contract has no reporting period {name}",
    "hint.period.unknown": "its reporting periods are: {periods}",
    "hint.period.unnamed": 'it reports on one period, {start} .. {end}, which needs no name: leave out '
                           '"period" (and --period)',
    "hint.period.no-period": 'it has no `period`: leave out "period" (and --period)',
    "problem.period.two": "the facts report period {facts}, but period {asked} was asked for",
    "hint.period.two": "give one period: leave out --period, or change \"period\" in the facts",
    "problem.period.which": "the contract reports on {count} periods ({first} .. {last}), and no period "
                            "was given",
    "hint.period.which": 'say which: "period": {first} at the top of the facts, or --period {first}',
}
PERIODS_DA: dict[str, str] = {
    "not applicable": "ikke relevant",
    "provisional": "foreløbig",
    "applies.not": "{why}",
    "applies.goals": "læser mål {goals}, som ikke er relevant",
    "in period": "inden for perioden {start} - {end}", "not in period": "uden for perioden {start} - {end}",
    "amount to date": "beløb til dato",
    "reporting period": "Rapporteringsperiode {name} ({start} - {end})",
    "report.provisional": "Foreløbig: målt til og med {day}; perioden slutter {end}.",
    "problem.period.unknown-field": "en periode har ingen `{field}`",
    "hint.period.unknown-field": "skriv en af: {fields}",
    "problem.period.too-many": "`each {each}` gør kontraktens periode til {count} rapporteringsperioder, flere "
                               "end {limit}",
    "hint.period.too-many": "tjek periodens år, eller rapportér for længere perioder",
    "problem.period.cut": "`each {each}` deler ikke perioden {first} .. {last} lige op: {cuts}",
    "hint.period.cut": "begynd og slut perioden på den første og sidste dag i et {each}, eller behold de "
                       "kortere perioder",
    "period.cut-first": "den første periode, {name}, løber {start} .. {end}",
    "period.cut-last": "den sidste periode, {name}, løber {start} .. {end}",
    "problem.period.none": "`{expr}` læser rapporteringsperioden, men kontrakten har ingen `period`",
    "hint.period.none": "tilføj `period FØRSTE .. SIDSTE` i kontraktens hoved",
    "problem.period.year-spans": "`period.year` kræver en periode inden for ét kalenderår; denne kontrakts løber "
                                 "{first} .. {last}",
    "hint.period.year-spans": "tilføj `each year` på `period`-linjen for at rapportere år for år, eller brug "
                              "`period.start` og `period.end`",
    "problem.period.alone": "`period` læses som `period.year`, `period.start` eller `period.end`, eller i "
                            "`d in period`",
    "hint.period.alone": "fx `dato in period` eller `period.year = 2011`",
    "problem.period.in-not-date": "kun en dato kan være `in period`, ikke {found}",
    "problem.applies.not-bool": "`applies when` kræver en betingelse, der er sand eller falsk, ikke {found}",
    "hint.applies.not-bool": "fx `applies when period.year = 2011`",
    "problem.applies.reads-goal": "`applies when` læser {what}, et måls resultat{through}",
    "hint.applies.reads-goal": "om et mål gælder, afgøres af perioden, fakta og nøgletal af dem; målenes "
                               "resultater vurderes først derefter",
    "applies.through": " (gennem {via})",
    "problem.example.unknown-period": "kontrakten har ingen rapporteringsperiode {name}",
    "problem.example.which-period": "kontrakten rapporterer for perioderne {first} .. {last}: angiv hvilken dette "
                                    "eksempel gælder",
    "hint.example.which-period": "fx `example \"...\" period {first} {{ ... }}`",
    "hint.example.unknown-period": "dens rapporteringsperioder er: {periods}",
    "problem.example.no-periods": "`period {name}` nævner en rapporteringsperiode, men kontrakten har ingen: "
                                  "dens `period` har ingen `each`",
    "hint.example.no-periods": "tilføj `each year`, `each half year` eller `each quarter` til kontraktens `period`",
    "problem.facts.period-not-name": "\"period\" nævner den periode, fakta rapporterer: {got} nævner ingen",
    "hint.facts.period-not-name": 'skriv det som "period": 2009, "period": "2009-H1" eller "period": "2009-Q3"',
    "problem.facts.measured-until": "\"measured_until\" er den sidste dag, fakta er målt til: {got} er ikke "
                                    "en dato",
    "hint.facts.measured-until": 'skriv det som "measured_until": "2008-06-30"',
    "problem.facts.party": "\"party\" navngiver den part, fakta er resultater for: {got} er ikke et navn",
    "problem.period.unknown": "kontrakten har ingen rapporteringsperiode {name}",
    "hint.period.unknown": "dens rapporteringsperioder er: {periods}",
    "hint.period.unnamed": 'den rapporterer om én periode, {start} .. {end}, som ikke skal navngives: udelad '
                           '"period" (og --period)',
    "hint.period.no-period": 'den har ingen `period`: udelad "period" (og --period)',
    "problem.period.two": "fakta rapporterer perioden {facts}, men perioden {asked} blev bedt om",
    "hint.period.two": "angiv én periode: udelad --period, eller ret \"period\" i fakta",
    "problem.period.which": "kontrakten rapporterer for {count} perioder ({first} .. {last}), og ingen periode "
                            "blev angivet",
    "hint.period.which": 'angiv hvilken: "period": {first} øverst i fakta, eller --period {first}',
}

# Rows of records, comprehensions, tables written out and their lookups.
ROWS_EN: dict[str, str] = {
    "type.a.record": "a record", "type.many.record": "records",
    "key.text": "a text", "key.integer": "a whole number", "key.date": "a date",
    "problem.table.key-kinds": "the first key of this table is {first}, but {key} is {other}",
    "hint.table.key-kinds": "write the keys of one table alike: all texts, all whole numbers (years) or all dates",
    "problem.table.key-whole": "the key {key} is not a whole number",
    "hint.table.key-whole": "a table's keys are texts, whole numbers (such as years) or dates",
    "problem.comprehension.alone": "`{function}(... for ...)` takes the comprehension as its only argument",
    "hint.comprehension.alone": "work the list out as a metric of its own, e.g. "
                                "`metric amounts = [c.amount for c in claims]`, and use its name",
    "problem.comprehension.not-list": "`for ... in {source}` goes through a list, but `{source}` is {found}",
    "hint.comprehension.not-list": "e.g. `for k in krav`, or `for m in 1 .. 12`",
    "problem.integers.not-whole": "`a .. b` goes through whole numbers, but this is {found}",
    "hint.integers.not-whole": "e.g. `for m in 1 .. 12`",
    "problem.field.not-record": "`.{field}` reads a field of a record, but `{record}` is {found}",
    "hint.field.not-record": "read a field of one row at a time, e.g. `k.{field} for k in krav`",
    "hint.field.rows": "go through its rows, e.g. `sum(k.{field} for k in {record})`",
    "problem.field.unknown": "the record has no field `{field}`",
    "hint.field.unknown": "its fields are: {fields}",
    "problem.lookup.not-table": "`{table}` is {found}, not a table to look a key up in",
    "hint.lookup.not-table": 'e.g. `metric takster = {{"nvq2": 2500 kr}}`, then `takster[k.resultat]`',
    "problem.lookup.key-kind": "the keys of `{table}` are {expected}, not {key}",
    "hint.lookup.key-kind": "look up a key of the kind the table has",
    "problem.lookup.no-key": "`{table}` has no entry {key}",
    "hint.lookup.no-key": "its keys are: {keys}",
    "problem.lookup.choices-missing": "`{table}` has no entry for {missing}, which `{key}` may be",
    "hint.lookup.choices-missing": "give every possible answer an entry in the table",
    "failure.no-entry": "no entry {key} in {expr}",
    "row": "row|rows",
    "rows.kept": "{kept} of {rows}",
    "rows.group": "{key}: {rows} × {each} = {total}",
    "rows.more groups": "and {n} more key|and {n} more keys",
    "rows.capped": "{capped} of {rows} capped at {cap}, by {by} in all",
    "rows.uncapped": "none of {rows} above the cap of {cap}",
    "formula.for each row": "{value}, for each row of {source}",
    "formula.every row": "{value} for every row of {source}",
    "formula.every": "{value} for every one of {source}",
    "formula.some row": "{value} for at least one row of {source}",
    "formula.some": "{value} for at least one of {source}",
    "formula.for each": "{value}, for each of {source}",
    "formula.where": "{value} where {condition}",
    "formula.count where": "the number of {source} where {condition}",
    "formula.lookup": "{table} for {key}",
    "formula.period.year": "the reporting year", "formula.period.start": "the reporting period's first day",
    "formula.period.end": "the reporting period's last day", "formula.period": "the reporting period",
    "formula.integers": "{low} to {high}",
    "problem.record.field-given-twice": "the field `{field}` is given twice in this row",
    "hint.record.field-given-twice": "give each field once",
    "problem.example.record-fields": "this row gives the fields {given}, but a row of `{name}` has {declared}",
    "hint.example.record-fields": "give every field of the record, each once",
    "failure.too-much-work": "{expr} would go through {count} rows in all, counting the lists it is "
                             "inside; a calculation may go through at most {limit}",
    "failure.blank-field": "a row of {expr} has no value for {field}",
}
ROWS_DA: dict[str, str] = {
    "type.a.record": "en post", "type.many.record": "poster",
    "key.text": "en tekst", "key.integer": "et helt tal", "key.date": "en dato",
    "problem.table.key-kinds": "den første nøgle i denne tabel er {first}, men {key} er {other}",
    "hint.table.key-kinds": "skriv nøglerne i én tabel ens: alle tekster, alle hele tal (årstal) eller alle datoer",
    "problem.table.key-whole": "nøglen {key} er ikke et helt tal",
    "hint.table.key-whole": "en tabels nøgler er tekster, hele tal (fx årstal) eller datoer",
    "problem.comprehension.alone": "`{function}(... for ...)` tager gennemgangen som sit eneste argument",
    "hint.comprehension.alone": "regn listen ud som en metrik for sig, fx "
                                "`metric beløb = [k.beløb for k in krav]`, og brug dens navn",
    "problem.comprehension.not-list": "`for ... in {source}` gennemgår en liste, men `{source}` er {found}",
    "hint.comprehension.not-list": "fx `for k in krav` eller `for m in 1 .. 12`",
    "problem.integers.not-whole": "`a .. b` gennemgår hele tal, men dette er {found}",
    "hint.integers.not-whole": "fx `for m in 1 .. 12`",
    "problem.field.not-record": "`.{field}` læser et felt i en post, men `{record}` er {found}",
    "hint.field.not-record": "læs et felt i én række ad gangen, fx `k.{field} for k in krav`",
    "hint.field.rows": "gennemgå rækkerne, fx `sum(k.{field} for k in {record})`",
    "problem.field.unknown": "posten har intet felt `{field}`",
    "hint.field.unknown": "dens felter er: {fields}",
    "problem.lookup.not-table": "`{table}` er {found}, ikke en tabel at slå en nøgle op i",
    "hint.lookup.not-table": 'fx `metric takster = {{"nvq2": 2500 kr}}` og så `takster[k.resultat]`',
    "problem.lookup.key-kind": "nøglerne i `{table}` er {expected}, ikke {key}",
    "hint.lookup.key-kind": "slå en nøgle af tabellens slags op",
    "problem.lookup.no-key": "`{table}` har ingen post {key}",
    "hint.lookup.no-key": "dens nøgler er: {keys}",
    "problem.lookup.choices-missing": "`{table}` har ingen post for {missing}, som `{key}` kan være",
    "hint.lookup.choices-missing": "giv hvert muligt svar en post i tabellen",
    "failure.no-entry": "ingen post {key} i {expr}",
    "row": "række|rækker",
    "rows.kept": "{kept} af {rows}",
    "rows.group": "{key}: {rows} × {each} = {total}",
    "rows.more groups": "og {n} nøgle mere|og {n} nøgler mere",
    "rows.capped": "{capped} af {rows} begrænset til {cap}, med {by} i alt",
    "rows.uncapped": "ingen af {rows} over loftet på {cap}",
    "formula.for each row": "{value}, for hver række i {source}",
    "formula.every row": "{value} for hver række i {source}",
    "formula.every": "{value} for hver af {source}",
    "formula.some row": "{value} for mindst én række i {source}",
    "formula.some": "{value} for mindst én af {source}",
    "formula.for each": "{value}, for hver af {source}",
    "formula.where": "{value}, hvor {condition}",
    "formula.count where": "antallet af {source}, hvor {condition}",
    "formula.lookup": "{table} for {key}",
    "formula.period.year": "rapporteringsåret", "formula.period.start": "rapporteringsperiodens første dag",
    "formula.period.end": "rapporteringsperiodens sidste dag", "formula.period": "rapporteringsperioden",
    "formula.integers": "{low} til {high}",
    "problem.record.field-given-twice": "feltet `{field}` er givet to gange i denne række",
    "hint.record.field-given-twice": "giv hvert felt én gang",
    "problem.example.record-fields": "denne række giver felterne {given}, men en række i `{name}` har {declared}",
    "hint.example.record-fields": "giv hvert felt i posten, hvert én gang",
    "failure.too-much-work": "{expr} ville gennemgå {count} rækker i alt, medregnet de lister, det står "
                             "inden i; en beregning må gennemgå højst {limit}",
    "failure.blank-field": "en række i {expr} har ingen værdi for {field}",
}

# What readers see of a formula and a condition, said in words with the values it was worked
# out from (explain.py: payments, and any expression a sentence names).
READERS_EN: dict[str, str] = {
    "value.is": "{subject} is {value}",
    "distance.answers.entries.up": "{n} more of the {of}|{n} more of the {of}",
    "distance.answers.entries.down": "{n} fewer of the {of}|{n} fewer of the {of}",
    "value.because": "{subject} is {value}, because {why}",
    "value.from": "{subject} is worked out from {values}",
    "because": "because {why}",
    "formula.whole kroner": "whole kroner",
    "formula.comes to": "{formula} = {value}",
    "formula.if": "{then} if {condition}, otherwise {otherwise}",
    "formula.calculation": "a calculation",
    "formula.field": "{field} of {record}",
    "formula.count of": "the number of {values} that hold",
    "formula.count entries": "number of entries in {list}",
    "formula.answer": "the answer", "formula.item": "the value",
    "formula.share where": "the share of {source} where {condition}",
    "formula.all where": "whether all of {source} have {condition}",
    "formula.any where": "whether any of {source} has {condition}",
    "formula.year.of": "the year of {value}", "formula.quarter.of": "the quarter of {value}",
    "formula.month.of": "the month of {value}", "formula.day.of": "the day of the month of {value}",
    "formula.abs.of": "the size of {value}",
    "formula.for each month": "{value}, for each month",
    "formula.for each month of": "{value}, for each month from {source}",
    "formula.for each quarter": "{value}, for each quarter",
    "formula.for each quarter of": "{value}, for each quarter from {source}",
    "condition.=": "{left} is {right}", "condition.!=": "{left} is not {right}",
    "condition.>=": "{left} is at least {right}", "condition.>": "{left} is above {right}",
    "condition.<=": "{left} is at most {right}", "condition.<": "{left} is below {right}",
    "condition.>= date": "{left} is on or after {right}", "condition.> date": "{left} is after {right}",
    "condition.<= date": "{left} is on or before {right}", "condition.< date": "{left} is before {right}",
    "condition.not": "not ({condition})",
    "condition.in period": "{item} lies in the period", "condition.not in period": "{item} lies outside the period",
    "condition.in month": "{date} lies in the month", "condition.in quarter": "{date} lies in the quarter",
    "condition.among": "{item} is one of {collection}", "condition.not among": "{item} is none of {collection}",
}
READERS_DA: dict[str, str] = {
    "value.is": "{subject} er {value}",
    "distance.answers.entries.up": "{n} mere af de {of}|{n} flere af de {of}",
    "distance.answers.entries.down": "{n} færre af de {of}|{n} færre af de {of}",
    "value.because": "{subject} er {value}, fordi {why}",
    "value.from": "{subject} er beregnet ud fra {values}",
    "because": "fordi {why}",
    "formula.whole kroner": "hele kroner",
    "formula.comes to": "{formula} = {value}",
    "formula.if": "{then}, hvis {condition}, ellers {otherwise}",
    "formula.calculation": "en beregning",
    "formula.field": "{field} i {record}",
    "formula.count of": "antallet af {values}, der er opfyldt",
    "formula.count entries": "antal i {list}",
    "formula.answer": "svaret", "formula.item": "værdien",
    "formula.share where": "andelen af {source}, hvor {condition}",
    "formula.all where": "om alle i {source} opfylder, at {condition}",
    "formula.any where": "om nogen i {source} opfylder, at {condition}",
    "formula.year.of": "året for {value}", "formula.quarter.of": "kvartalet for {value}",
    "formula.month.of": "måneden for {value}", "formula.day.of": "dagen i måneden for {value}",
    "formula.abs.of": "størrelsen af {value}",
    "formula.for each month": "{value}, for hver måned",
    "formula.for each month of": "{value}, for hver måned fra {source}",
    "formula.for each quarter": "{value}, for hvert kvartal",
    "formula.for each quarter of": "{value}, for hvert kvartal fra {source}",
    "condition.=": "{left} er {right}", "condition.!=": "{left} er ikke {right}",
    "condition.>=": "{left} er mindst {right}", "condition.>": "{left} er over {right}",
    "condition.<=": "{left} er højst {right}", "condition.<": "{left} er under {right}",
    "condition.>= date": "{left} er tidligst {right}", "condition.> date": "{left} er efter {right}",
    "condition.<= date": "{left} er senest {right}", "condition.< date": "{left} er før {right}",
    "condition.not": "ikke ({condition})",
    "condition.in period": "{item} ligger i perioden", "condition.not in period": "{item} ligger uden for perioden",
    "condition.in month": "{date} ligger i måneden", "condition.in quarter": "{date} ligger i kvartalet",
    "condition.among": "{item} er en af {collection}", "condition.not among": "{item} er ingen af {collection}",
}

# The overall result and what it covers (words/overall.py): never a bare number.
OVERALL_EN: dict[str, str] = {
    "overall.label": "Overall",
    "overall.all": "{overall} ({n} goal)|{overall} (average of {n} goals)",
    "overall.all weighted": "{overall} (weighted average of {n} goal)|{overall} (weighted average of {n} goals)",
    "overall.some": "{overall} of {n} goal decided|{overall}, the average of the {n} goals decided",
    "overall.some weighted": "{overall} of {n} goal decided|{overall}, the weighted average of the {n} goals decided",
    "overall.no result": "the one goal has no result|no goal of {n} has a result",
    "overall.weightless": "not evaluable: every goal decided has weight 0",
    "overall.no goals": "none: the contract sets no goals",
    "overall.none applicable": "not applicable: the one goal does not apply in this period|not applicable: "
                               "no goal of {n} applies in this period",
    "overall.pending": "{n} pending ({ids})",
    "overall.not evaluable": "{n} not evaluable ({ids})",
    "overall.not applicable": "{n} does not apply in the period ({ids})|{n} do not apply in the period ({ids})",
    "overall.ids": "goal {ids}|goals {ids}",
    "overall.ids more": "{ids} and {n} more",
    "overall.cell": "{overall} ({n} of {of} goals)", "overall.goals": "{n} of {of} goals",
    "overall.not comparable": "not comparable",
    "overall.covers differ": "The overall averages different goals in different columns ({which})",
    # What `rk` itself says on standard error (cli/main.py), in the language the command speaks.
    "cli.as of outside": "--as-of {day} is {where} ({period})",
    "cli.before period": "before the period starts", "cli.after period": "after the period ends",
    "cli.before reporting period": "before the reporting period starts",
    "cli.after reporting period": "after the reporting period ends",
    "cli.after period.hint": "after the period, nothing is pending: leave out --as-of",
    "cli.before period.hint": "before the period, everything not yet given is pending",
    "cli.outside reporting period.hint": "give the day within the period evaluated, or the period the day is "
                                         "in (--period)",
    "cli.no split": "the contract has no split",
    "cli.no split.hint": "add one: split NAME {{ total ... shares {{ ... }} }}",
    "cli.unknown split": "there is no split `{name}`", "cli.which split": "name the split to work out",
    "cli.the splits": "the splits are: {names}",
    "overall.no change": ", so no change is shown for it",
}
OVERALL_DA: dict[str, str] = {
    "overall.label": "Samlet",
    "overall.all": "{overall} ({n} mål)|{overall} (gennemsnit af {n} mål)",
    "overall.all weighted": "{overall} (vægtet gennemsnit af {n} mål)",
    "overall.some": "{overall} af {n} vurderet mål|{overall}, gennemsnit af de {n} vurderede mål",
    "overall.some weighted": "{overall} af {n} vurderet mål|{overall}, vægtet gennemsnit af de {n} vurderede mål",
    "overall.no result": "målet har intet resultat|ingen af de {n} mål har et resultat",
    "overall.weightless": "kan ikke vurderes: alle vurderede mål har vægt 0",
    "overall.no goals": "ingen: kontrakten fastsætter ingen mål",
    "overall.none applicable": "ikke relevant: målet gælder ikke i perioden|ikke relevant: ingen af de {n} "
                               "mål gælder i perioden",
    "overall.pending": "{n} afventer ({ids})",
    "overall.not evaluable": "{n} kan ikke vurderes ({ids})",
    "overall.not applicable": "{n} gælder ikke i perioden ({ids})",
    "overall.ids": "mål {ids}",
    "overall.ids more": "{ids} og {n} andre",
    "overall.cell": "{overall} ({n} af {of} mål)", "overall.goals": "{n} af {of} mål",
    "overall.not comparable": "ikke sammenlignelig",
    "overall.covers differ": "Den samlede målopfyldelse er et gennemsnit af forskellige mål i kolonnerne "
                             "({which})",
    "cli.as of outside": "--as-of {day} ligger {where} ({period})",
    "cli.before period": "før perioden begynder", "cli.after period": "efter periodens slutning",
    "cli.before reporting period": "før rapporteringsperioden begynder",
    "cli.after reporting period": "efter rapporteringsperiodens slutning",
    "cli.after period.hint": "efter perioden afventer intet: udelad --as-of",
    "cli.before period.hint": "før perioden afventer alt, der ikke er givet endnu",
    "cli.outside reporting period.hint": "giv en dag i den periode, der opgøres, eller den periode, dagen "
                                         "ligger i (--period)",
    "cli.no split": "kontrakten har ingen fordeling",
    "cli.no split.hint": "tilføj en: split NAVN {{ total ... shares {{ ... }} }}",
    "cli.unknown split": "der er ingen fordeling `{name}`", "cli.which split": "navngiv den fordeling, der skal "
                                                                                "beregnes",
    "cli.the splits": "fordelingerne er: {names}",
    "overall.no change": ", så dens ændring vises ikke",
}

# ---- the contract document drafted from the rules (`rk draft`, drafting/document.py) ------------
DRAFT_EN: dict[str, str] = {
    "draft.parties": "This contract is made between {parties}.",
    "draft.period": "The contract runs from {start} to {end}.",
    "draft.each": "Results are reported for each {each}: {periods}.",
    "draft.each.year": "year", "draft.each.half year": "half year", "draft.each.quarter": "quarter",
    "draft.section": "§\u00a0{n}",
    "draft.section titled": "§\u00a0{n}. {title}",
    "draft.goals": "Goals", "draft.payments": "Payments", "draft.splits": "Funding and its split",
    "draft.follow-up": "Follow-up", "draft.signatures": "Signatures",
    "draft.goal": "Goal {id}: {title}",
    "draft.payment": "Payment: {title}",
    "draft.split": "Split: {title}",
    "draft.contract": "The contract: {title}",
    "draft.met when": "met when {condition}",
    "draft.partly when": "partly met ({fulfilment}) when {condition}",
    "draft.not met when": "not met when {condition}",
    "draft.tiers": "The goal is {tiers}.",
    "draft.otherwise partly": "Otherwise the goal is partly met ({fulfilment}).",
    "draft.otherwise met": "Otherwise the goal is met.",
    "draft.otherwise not met": "Otherwise the goal is not met.",
    "draft.met by value": "The goal is met to the degree of {fulfilment}.",
    "draft.requirement": "The goal can only be assessed provided that {condition}.",
    "draft.deliverables": "The goal asks for this work:",
    "draft.deliverable": "{title}.",
    "draft.deliverable due": "{title}, by {due} at the latest.",
    "draft.after": "{span} after {date}", "draft.before": "{span} before {date}",
    "draft.all deliverables": "all the work it asks for has been delivered on time",
    "draft.any deliverable": "at least one piece of the work it asks for has been delivered on time",
    "draft.delivered count": "the number of pieces of work delivered on time",
    "draft.weight": "The goal weighs {weight} of the contract's {total} points; it earns its points in "
                    "proportion to its fulfilment.",
    "draft.applies": "The goal applies only when {condition}.",
    "draft.metric": "{label} is worked out as {formula}.",
    "draft.table": "{label}: {entries}.",
    "draft.group": "{group}",
    "draft.payment amount": "{title} amounts to {formula}.",
    "draft.payment after": "The amount is worked out once the goals have been assessed for the period.",
    "draft.split total": "A total of {total} is split among the parties.",
    "draft.split computed": "The total to be split is {formula}; it is known once the results are assessed.",
    "draft.split key": "The split follows {key}.",
    "draft.split method": "Amounts are worked out by the {method} method in units of {unit}, so that "
                          "they add up to the total exactly.",
    "draft.split installments": "The amount is paid in {n} equal installments; each installment is split "
                                "on its own.",
    "draft.split from facts": "The weights are taken from {fact} as reported, and each party's amount is "
                              "worked out from them when the figures are known.",
    "draft.split follows results": "Each party's amount is worked out from the weights when the total is "
                                   "known.",
    "draft.split.party": "Party", "draft.split.weight": "Weight", "draft.split.installment": "Each installment",
    "draft.split.amount": "Amount", "draft.split.total": "Total",
    "draft.facts due": "The figures and documentation for a reporting period are due at its end; the "
                       "contract is assessed for the period once they are at hand.",
    "draft.facts": "The assessment uses these figures:",
    "draft.fact": "{label}: {description}.",
    "draft.fact bare": "{label}.",
    "draft.follow.period": "Reporting period", "draft.follow.from": "From", "draft.follow.to": "To",
    "draft.follow.due": "Figures due",
    "draft.whole period": "the contract period",
    "draft.signature date": "Date:",
    "draft.signature line": "Signature:",
    "draft.no period": "The contract names no period.",
}

DRAFT_DA: dict[str, str] = {
    "draft.parties": "Denne kontrakt er indgået mellem {parties}.",
    "draft.period": "Kontrakten gælder fra {start} til {end}.",
    "draft.each": "Resultaterne gøres op for hvert {each}: {periods}.",
    "draft.each.year": "år", "draft.each.half year": "halvår", "draft.each.quarter": "kvartal",
    "draft.section": "§\u00a0{n}",
    "draft.section titled": "§\u00a0{n}. {title}",
    "draft.goals": "Mål", "draft.payments": "Betalinger", "draft.splits": "Finansiering og fordeling",
    "draft.follow-up": "Opfølgning", "draft.signatures": "Underskrifter",
    "draft.goal": "Mål {id}: {title}",
    "draft.payment": "Betaling: {title}",
    "draft.split": "Fordeling: {title}",
    "draft.contract": "Kontrakten: {title}",
    "draft.met when": "nået, når {condition}",
    "draft.partly when": "delvist nået ({fulfilment}), når {condition}",
    "draft.not met when": "ikke nået, når {condition}",
    "draft.tiers": "Målet er {tiers}.",
    "draft.otherwise partly": "Ellers er målet delvist nået ({fulfilment}).",
    "draft.otherwise met": "Ellers er målet nået.",
    "draft.otherwise not met": "Ellers er målet ikke nået.",
    "draft.met by value": "Målet er nået i det omfang, {fulfilment} angiver.",
    "draft.requirement": "Målet kan kun gøres op, forudsat at {condition}.",
    "draft.deliverables": "Målet omfatter disse leverancer:",
    "draft.deliverable": "{title}.",
    "draft.deliverable due": "{title}, senest {due}.",
    "draft.after": "{span} efter {date}", "draft.before": "{span} før {date}",
    "draft.all deliverables": "alle leverancer er leveret til tiden",
    "draft.any deliverable": "mindst én af leverancerne er leveret til tiden",
    "draft.delivered count": "antallet af leverancer, der er leveret til tiden,",
    "draft.weight": "Målet vægter {weight} af kontraktens {total} point og giver point i forhold til, "
                    "hvor meget af det der er nået.",
    "draft.applies": "Målet gælder kun, når {condition}.",
    "draft.metric": "{label} opgøres som {formula}.",
    "draft.table": "{label}: {entries}.",
    "draft.group": "{group}",
    "draft.payment amount": "{title} udgør {formula}.",
    "draft.payment after": "Beløbet opgøres, når målene er gjort op for perioden.",
    "draft.split total": "I alt {total} fordeles mellem parterne.",
    "draft.split computed": "Det beløb, der fordeles, er {formula}; det kendes, når resultaterne er gjort op.",
    "draft.split key": "Fordelingen sker efter {key}.",
    "draft.split method": "Beløbene beregnes efter metoden {method} i enheder af {unit}, så de tilsammen "
                          "giver det samlede beløb præcist.",
    "draft.split installments": "Beløbet betales i {n} lige store rater; hver rate fordeles for sig.",
    "draft.split from facts": "Vægtene tages fra {fact}, som de indberettes, og hver parts beløb beregnes "
                              "ud fra dem, når tallene foreligger.",
    "draft.split follows results": "Hver parts beløb beregnes ud fra vægtene, når det samlede beløb kendes.",
    "draft.split.party": "Part", "draft.split.weight": "Vægt", "draft.split.installment": "Pr. rate",
    "draft.split.amount": "Beløb", "draft.split.total": "I alt",
    "draft.facts due": "Tal og dokumentation for en opgørelsesperiode skal foreligge ved periodens udgang; "
                       "kontrakten gøres op for perioden, når de foreligger.",
    "draft.facts": "Opgørelsen bygger på disse oplysninger:",
    "draft.fact": "{label}: {description}.",
    "draft.fact bare": "{label}.",
    "draft.follow.period": "Opgørelsesperiode", "draft.follow.from": "Fra", "draft.follow.to": "Til",
    "draft.follow.due": "Oplysninger senest",
    "draft.whole period": "kontraktperioden",
    "draft.signature date": "Dato:",
    "draft.signature line": "Underskrift:",
    "draft.no period": "Kontrakten angiver ingen periode.",
}

ENGLISH = Wording("en", ".", ",", "", {"kr": "kr", "tkr": "tkr", "mio kr": "mio kr"},
                  {**ENGLISH_WORDS, **PROBLEMS_EN, **CHECKS_EN, **ROWS_EN, **PERIODS_EN, **OVERALL_EN, **READERS_EN, **DRAFT_EN})
DANISH = Wording("da", ",", ".", "\u00a0", {"kr": "kr.", "tkr": "t.kr.", "mio kr": "mio. kr."},
                 {**DANISH_WORDS, **PROBLEMS_DA, **CHECKS_DA, **ROWS_DA, **PERIODS_DA, **OVERALL_DA, **READERS_DA, **DRAFT_DA})
WORDINGS = {"en": ENGLISH, "da": DANISH}
Language = Union[Wording, str]


def wording_for(language: Language) -> Wording:
    """The wording for a language code ("en", "da"), or a wording given as it is."""
    if isinstance(language, Wording):
        return language
    found = WORDINGS.get(language) if isinstance(language, str) else None
    if found is None:
        raise ValueError(f"no wording for the language {language!r}: use one of {', '.join(WORDINGS)}")
    return found
