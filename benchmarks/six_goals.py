"""The six goals the evaluation benchmarks time: the contract, one facts dict, and the same goals
written directly in Python with exact numbers (the baseline). Kept apart from run.py so that
the peers and the tests can import them without run.py's million-row data sets."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

SIX_GOALS = """
fact anbefaling: list of integer in 0 .. 10
fact besøg: integer
fact admin: percent
fact udgifter: money
fact budget: money
metric nps = nps(anbefaling)
metric forbrug = udgifter / budget * 100%
goal 1 "NPS" {
    require count(anbefaling) >= 30 "mindst 30 svar"
    score nps >= 60 -> 100%; >= 50 -> 50%
}
goal 2 "Ambassadører" { score share(a in anbefaling where a >= 9) >= 50% -> 100%; >= 40% -> 50% }
goal 3 "Besøg og administration" {
    score admin <= 8% and besøg >= 100 -> 100%; besøg >= 100 or admin <= 8% -> 50%
}
goal 4 "Forbrug" { score forbrug <= 100% -> 100%; <= 110% -> 50% }
goal 5 "Leverancer" {
    deliverable strategi "Strategi" due 2019-12-31
    deliverable camp "Camp" due 2019-12-31
    deliverable rapport "Rapport"
    score all(deliverables) -> 100%; count(deliverables) >= 2 -> 50%
}
goal 6 "Besøg" { score besøg >= 150 -> 100%; >= 120 -> 75%; >= 100 -> 50% }
"""
SIX_FACTS = {"anbefaling": [(i * 7) % 11 for i in range(400)], "besøg": 125, "admin": "7.5%",
             "udgifter": "16 mio kr", "budget": "15.5 mio kr", "strategi": "2019-12-16",
             "camp": "2020-01-23", "rapport": True}
UNITS = {"kr": 1, "tkr": 1_000, "mio": 1_000_000}
DUE = dt.date(2019, 12, 31)


def six_by_hand(facts: dict[str, Any]) -> dict[str, Fraction | None]:
    """The six goals written directly in Python, from the same raw facts: the baseline."""
    xs, visits = facts["anbefaling"], facts["besøg"]
    out: dict[str, Fraction | None] = {}
    if len(xs) < 30:
        out["1"] = None
    else:
        nps = Fraction(100 * (sum(1 for a in xs if a >= 9) - sum(1 for a in xs if a <= 6)), len(xs))
        out["1"] = Fraction(1) if nps >= 60 else Fraction(1, 2) if nps >= 50 else Fraction(0)
    share = Fraction(sum(1 for a in xs if a >= 9), len(xs))
    out["2"] = Fraction(1) if share >= Fraction(1, 2) else Fraction(1, 2) if share >= Fraction(2, 5) else Fraction(0)
    admin = Fraction(facts["admin"].rstrip("%")) / 100
    low = admin <= Fraction(8, 100)
    out["3"] = Fraction(1) if low and visits >= 100 else Fraction(1, 2) if visits >= 100 or low else Fraction(0)

    def money(text: str) -> Fraction:
        number, unit = text.split(" ")[:2]
        return Fraction(number) * UNITS[unit]
    spent = money(facts["udgifter"]) / money(facts["budget"])
    out["4"] = Fraction(1) if spent <= 1 else Fraction(1, 2) if spent <= Fraction(11, 10) else Fraction(0)

    def done(value: object, due: dt.date | None) -> bool:
        if isinstance(value, bool):
            return value
        return due is None or dt.date.fromisoformat(str(value)) <= due
    delivered = done(facts["strategi"], DUE) + done(facts["camp"], DUE) + done(facts["rapport"], None)
    out["5"] = Fraction(1) if delivered == 3 else Fraction(1, 2) if delivered >= 2 else Fraction(0)
    out["6"] = (Fraction(1) if visits >= 150 else Fraction(3, 4) if visits >= 120 else
                Fraction(1, 2) if visits >= 100 else Fraction(0))
    return out


def six_by_hand_floats(facts: dict[str, Any]) -> dict[str, float | None]:
    """The same six goals by hand with floats, as most Python is written: the fastest baseline,
    and not exact (spending of 17.05 mio against 15.5 mio is 1.1, times 100 is 110.00000000000001%)."""
    xs, visits = facts["anbefaling"], facts["besøg"]
    out: dict[str, float | None] = {}
    promoters = sum(1 for a in xs if a >= 9)
    if len(xs) < 30:
        out["1"] = None
    else:
        nps = 100 * (promoters - sum(1 for a in xs if a <= 6)) / len(xs)
        out["1"] = 1.0 if nps >= 60 else 0.5 if nps >= 50 else 0.0
    share = promoters / len(xs)
    out["2"] = 1.0 if share >= 0.5 else 0.5 if share >= 0.4 else 0.0
    low = float(facts["admin"].rstrip("%")) <= 8
    out["3"] = 1.0 if low and visits >= 100 else 0.5 if visits >= 100 or low else 0.0

    def money(text: str) -> float:
        number, unit = text.split(" ")[:2]
        return float(number) * UNITS[unit]
    spent = money(facts["udgifter"]) / money(facts["budget"]) * 100  # a percent, as the contract has it
    out["4"] = 1.0 if spent <= 100 else 0.5 if spent <= 110 else 0.0

    def done(value: object, due: str | None) -> bool:
        if isinstance(value, bool):
            return value
        return due is None or str(value) <= due  # ISO dates order as text
    delivered = done(facts["strategi"], "2019-12-31") + done(facts["camp"], "2019-12-31") + done(facts["rapport"], None)
    out["5"] = 1.0 if delivered == 3 else 0.5 if delivered >= 2 else 0.0
    out["6"] = 1.0 if visits >= 150 else 0.75 if visits >= 120 else 0.5 if visits >= 100 else 0.0
    return out
