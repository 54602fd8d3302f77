"""How results are worded and numbers written, in English or Danish.

One table of phrases per language, and the number style each language's
reader expects: English writes numbers as the contract does (62.4, 16488
tkr); Danish as a Danish reader expects them (62,4; 16.488 t.kr.; 50 %).
Both are exact: a value that has no finite decimal is shown rounded, marked
with ≈. What the phrases say is decided in explain.py, from evidence.
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
        return self.words[key]

    def has(self, key: str) -> bool:
        return key in self.words

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
        return f"{self.number(number)} {self.phrase(word, number)}"


ENGLISH_WORDS: dict[str, str] = {
    "true": "true", "false": "false",
    "met": "met", "partly met": "partly met", "not met": "not met", "not evaluable": "not evaluable",
    "goal": "Goal", "no group": "(no group)",
    # comparisons in words, by the kind of value compared
    ">=": "at\u00a0least", ">": "above", "<=": "at\u00a0most", "<": "below", "=": "exactly", "!=": "not",
    ">= date": "on\u00a0or\u00a0after", "> date": "after", "<= date": "on\u00a0or\u00a0before", "< date": "before",
    "= date": "on", "!= date": "not\u00a0on", "= other": "is", "!= other": "is\u00a0not",
    "but": "but", "and": "and", "or": "or", "not": "not ({part})", "otherwise": "otherwise",
    "no tier holds": "no tier holds",
    "required": "{test} required",
    "holds": "{subject} holds", "does not hold": "{subject} does not hold",
    "among": "one of {collection}", "not among": "not one of {collection}",
    "from": "from {values}", "of": "{counted} of {of}",
    "answer": "answer|answers", "promoter": "promoter|promoters", "detractor": "detractor|detractors",
    "deliverable": "deliverable|deliverables", "deliverables done": "deliverables done",
    "all delivered": "all {n} deliverables done", "both delivered": "both deliverables done", "some delivered": "{done} of {of} done",
    "delivered": "{name} done", "not delivered": "{name} not done",
    "late": "{name} delivered late ({delivered}, due {due})",
    "missing": "missing fact {names}|missing facts {names}",
    "invalid": "invalid fact {problem}",
    "metric failed": "metric `{metric}` could not be computed: {cause}",
    "line": "(line {line})",
    "failure.division-by-zero": "division by zero in `{expr}`",
    "failure.no-answers": "no answers in `{expr}`",
    "failure.no-values": "no values in `{expr}`",
    "failure.too-large": "number too large in `{expr}`: more than {bits} bits (about 3,000 digits)",
    "failure.list-too-long": "`{expr}` would make a list of more than {limit} values",
    "failure.negative-repeat": "`{expr}` repeats a list a negative number of times",
    "failure.nps-range": "NPS answers are whole numbers from 0 to 10, but `{expr}` holds {answer}; "
                         "declare it `list of integer in 0 .. 10`",
    "failure.fulfilment-range": "the fulfilment {fulfilment} lies outside 0% .. 100%",
    "failure.not-a-percent": "the fulfilment is not a percentage",
    "failure.no-value": "no value for `{name}`",
    "overall": "Overall: {overall}, the weighted average of {n} goal|Overall: {overall}, the weighted "
               "average of {n} goals",
    "overall not evaluable": "{n} goal not evaluable ({ids})|{n} goals not evaluable ({ids})",
    "overall none": "Overall: not evaluable (no goal of {n} could be evaluated)",
    "overall weightless": "Overall: not evaluable: every goal that could be evaluated has weight 0",
}

DANISH_WORDS: dict[str, str] = {
    "true": "ja", "false": "nej",
    "met": "opfyldt", "partly met": "delvist opfyldt", "not met": "ikke opfyldt",
    "not evaluable": "kan ikke vurderes",
    "goal": "Mål", "no group": "(ingen gruppe)",
    ">=": "mindst", ">": "over", "<=": "højst", "<": "under", "=": "præcis", "!=": "ikke",
    ">= date": "tidligst", "> date": "efter", "<= date": "senest", "< date": "før",
    "= date": "den", "!= date": "ikke den", "= other": "er", "!= other": "er ikke",
    "but": "men", "and": "og", "or": "eller", "not": "ikke ({part})", "otherwise": "ellers",
    "no tier holds": "intet trin er opfyldt",
    "required": "{test} kræves",
    "holds": "{subject} er opfyldt", "does not hold": "{subject} er ikke opfyldt",
    "among": "en af {collection}", "not among": "ikke en af {collection}",
    "from": "ud fra {values}", "of": "{counted} af {of}",
    "answer": "svar|svar", "promoter": "anbefaler|anbefalere", "detractor": "kritiker|kritikere",
    "deliverable": "leverance|leverancer", "deliverables done": "leverede leverancer",
    "all delivered": "alle {n} leverancer er leveret", "both delivered": "begge leverancer er leveret", "some delivered": "{done} af {of} er leveret",
    "delivered": "{name} er leveret", "not delivered": "{name} er ikke leveret",
    "late": "{name} blev leveret for sent ({delivered}, frist {due})",
    "missing": "mangler faktum {names}|mangler fakta {names}",
    "invalid": "ugyldigt faktum {problem}",
    "metric failed": "nøgletallet `{metric}` kunne ikke beregnes: {cause}",
    "line": "(linje {line})",
    "failure.division-by-zero": "division med nul i `{expr}`",
    "failure.no-answers": "ingen svar i `{expr}`",
    "failure.no-values": "ingen værdier i `{expr}`",
    "failure.too-large": "tallet bliver for stort i `{expr}`: mere end {bits} bit (omkring 3.000 cifre)",
    "failure.list-too-long": "`{expr}` ville give en liste med mere end {limit} værdier",
    "failure.negative-repeat": "`{expr}` gentager en liste et negativt antal gange",
    "failure.nps-range": "NPS-svar er hele tal fra 0 til 10, men `{expr}` indeholder {answer}",
    "failure.fulfilment-range": "målopfyldelsen {fulfilment} ligger uden for 0 % .. 100 %",
    "failure.not-a-percent": "målopfyldelsen er ikke en procentsats",
    "failure.no-value": "ingen værdi for `{name}`",
    "overall": "Samlet: {overall}, det vægtede gennemsnit af {n} mål|Samlet: {overall}, det vægtede "
               "gennemsnit af {n} mål",
    "overall not evaluable": "{n} mål kan ikke vurderes ({ids})|{n} mål kan ikke vurderes ({ids})",
    "overall none": "Samlet: kan ikke vurderes (ingen af de {n} mål kunne vurderes)",
    "overall weightless": "Samlet: kan ikke vurderes: alle mål, der kunne vurderes, har vægt 0",
}

ENGLISH = Wording("en", ".", "", "", {"kr": "kr", "tkr": "tkr", "mio kr": "mio kr"}, ENGLISH_WORDS)
DANISH = Wording("da", ",", ".", "\u00a0", {"kr": "kr.", "tkr": "t.kr.", "mio kr": "mio. kr."}, DANISH_WORDS)
WORDINGS = {"en": ENGLISH, "da": DANISH}
