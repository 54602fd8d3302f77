"""How results are worded and numbers written, in English or Danish.

English writes numbers as the contract does (62.4, 16488 tkr); Danish as a
Danish reader expects them (62,4; 16.488 t.kr.; 50 %). Both are exact: a
value that has no finite decimal is shown rounded, marked with ≈.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from fractions import Fraction

import attrs

from .values import LIST, MONEY, MONEY_UNITS, PERCENT, Type, Value, format_number
from .vocabulary import quote


@attrs.frozen
class Wording:
    lang: str
    decimal: str  # the decimal sign
    group: str  # the thousands separator; "" for none
    percent_space: str  # between a number and %
    money_units: Mapping[str, str]
    words: Mapping[str, str]

    def __getitem__(self, key: str) -> str:
        return self.words.get(key, ENGLISH_WORDS[key])

    def number(self, value: Fraction | int, approx_digits: int = 4) -> str:
        text = format_number(Fraction(value), approx_digits)
        if self.lang == "en":
            return text
        mark = "≈" if text.startswith("≈") else ""
        body = text.lstrip("≈")
        if "e" in body:  # scientific form for huge values: keep as it is, with the decimal sign
            return mark + body.replace(".", self.decimal)
        sign = "-" if body.startswith("-") else ""
        whole, _, fraction = body.lstrip("-").partition(".")
        if self.group and len(whole) > 4:  # 16.488, but 2019 and 1374 stay as they are
            whole = f"{int(whole):,}".replace(",", self.group)
        return f"{mark}{sign}{whole}" + (self.decimal + fraction if fraction else "")

    def percent(self, share: Fraction | int) -> str:
        return self.number(Fraction(share) * 100, approx_digits=2) + self.percent_space + "%"

    def money(self, kroner: Fraction | int, unit: str | None = None) -> str:
        """Kroner in the given unit, or the largest unit that shows it whole."""
        kroner = Fraction(kroner)
        units = [unit] if unit else ["mio kr", "tkr"]
        for name in units:
            scaled = kroner / MONEY_UNITS[name]
            if unit or (scaled.denominator == 1 and scaled != 0):
                return f"{self.number(scaled)} {self.money_units[name]}"
        return f"{self.number(kroner)} {self.money_units['kr']}"

    def value(self, value: Value, type_: Type | None) -> str:
        if isinstance(value, bool):
            return self["true"] if value else self["false"]
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str):
            return quote(value)
        if isinstance(value, tuple):
            element = type_.element if type_ is not None and type_.kind == LIST else None
            return "[" + ", ".join(self.value(v, element) for v in value) + "]"
        kind = type_.kind if type_ is not None else None
        if kind == PERCENT:
            return self.percent(value)
        if kind == MONEY:
            return self.money(value)
        return self.number(value)

    def count(self, number: int, word: str) -> str:
        """'1 answer', '400 answers' in the wording's language."""
        singular, plural = self.words.get(word, ENGLISH_WORDS[word]).split("|")
        return f"{self.number(number)} {singular if number == 1 else plural}"


ENGLISH_WORDS: dict[str, str] = {
    "true": "true", "false": "false",
    "not": "not", "but": "but", "holds": "holds", "does not hold": "does not hold",
    "else": "else", "no tier holds": "no tier holds",
    "deliverable": "deliverable|deliverables", "of": "of", "done": "done", "not done": "not done",
    "late": "late (delivered {delivered}, due {due})",
    "answer": "answer|answers", "promoter": "promoter|promoters", "passive": "passive|passives",
    "detractor": "detractor|detractors", "from": "from",
    "required": "({words} {threshold} required)",
    "required but": "but {words} {threshold} is required",
    ">=": "at least", ">": "more than", "<=": "at most", "<": "less than", "=": "exactly",
    "!=": "anything but",
    "missing fact": "missing fact|missing facts",
    "met": "met", "partly met": "partly met", "not met": "not met", "not evaluable": "not evaluable",
    "goal": "Goal",
}

DANISH_WORDS: dict[str, str] = {
    "true": "ja", "false": "nej",
    "not": "ikke", "but": "men", "holds": "er opfyldt", "does not hold": "er ikke opfyldt",
    "else": "ellers", "no tier holds": "intet trin er opfyldt",
    "deliverable": "leverance|leverancer", "of": "af", "done": "leveret", "not done": "ikke leveret",
    "late": "for sent (leveret {delivered}, frist {due})",
    "answer": "svar|svar", "promoter": "anbefaler|anbefalere", "passive": "passiv|passive",
    "detractor": "kritiker|kritikere", "from": "ud fra",
    "required": "({words} {threshold} kræves)",
    "required but": "men {words} {threshold} kræves",
    ">=": "mindst", ">": "mere end", "<=": "højst", "<": "under", "=": "præcis", "!=": "alt andet end",
    "missing fact": "mangler faktum|mangler fakta",
    "met": "opfyldt", "partly met": "delvist opfyldt", "not met": "ikke opfyldt",
    "not evaluable": "kan ikke vurderes",
    "goal": "Mål",
}

ENGLISH = Wording("en", ".", "", "", {"kr": "kr", "tkr": "tkr", "mio kr": "mio kr"}, ENGLISH_WORDS)
DANISH = Wording("da", ",", ".", "\u00a0", {"kr": "kr.", "tkr": "t.kr.", "mio kr": "mio. kr."}, DANISH_WORDS)
WORDINGS = {"en": ENGLISH, "da": DANISH}
